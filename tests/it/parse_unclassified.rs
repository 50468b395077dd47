//! Unclassified text per real document (`../shared/corpus/real/` read directly, the PDFs, the
//! bench codes, the seeds): what the parser could not place in the structure, listed and checked
//! against what truly stands outside it (read by hand, in the expected lists below).

use avenant::{Document, NodeKind, ReadOptions};
use std::path::PathBuf;

fn shared(dir: &str) -> Vec<PathBuf> {
    let dir = format!("{}/../shared/{dir}", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{dir} absent: skipped");
        return Vec::new();
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    files
}

/// The documents: real .docx/.odt, PDFs, seeds, and the codes when `AVENANT_CODES` is set
/// (they take a minute in a debug build).
fn documents() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = shared("corpus/real")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx" || e == "odt"))
        .collect();
    out.extend(
        shared("corpus/pdf")
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "pdf")),
    );
    out.extend(shared("seeds"));
    if std::env::var_os("AVENANT_CODES").is_some() {
        out.extend(shared("corpus/bench"));
    }
    out
}

/// Every unclassified node's text, and the whole text when no article was recognised.
fn unclassified(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for n in &doc.nodes {
        // A table of contents is kept out of the body on purpose: listed apart.
        if n.kind == NodeKind::Unclassified && n.key != "sommaire" {
            for c in doc.descendants(doc.get(&n.key).expect("key")) {
                out.push(doc.node(c).text.clone());
            }
        }
    }
    out
}

#[test]
fn unclassified_text_per_document() {
    let mut report = String::new();
    let mut unplaced = Vec::new();
    let mut without_articles = Vec::new();
    let mut seen = Vec::new();
    for path in documents() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = match avenant::extract::read_path(&path, &ReadOptions::default()) {
            Ok((s, _)) => s,
            Err(e) => {
                report.push_str(&format!("{name}: refusé ({e})\n"));
                continue;
            }
        };
        let doc = avenant::parse::parse(source);
        seen.push(name.clone());
        if doc.articles().is_empty() {
            without_articles.push(name.clone());
        }
        let errors: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.severity == avenant::Severity::Error)
            .map(|d| d.message.clone())
            .collect();
        let u = unclassified(&doc);
        if let Some(s) = doc.get("sommaire") {
            report.push_str(&format!(
                "{name}: table of contents kept apart ({} lines)\n",
                doc.descendants(s).len()
            ));
        }
        let words: usize = u.iter().map(|t| t.split_whitespace().count()).sum();
        report.push_str(&format!(
            "{name}: {} articles, {} unclassified nodes, {words} words, errors {errors:?}\n",
            doc.articles().len(),
            u.len()
        ));
        if !u.is_empty() {
            unplaced.push(name.clone());
        }
        for t in u.iter().take(12) {
            report.push_str(&format!(
                "    | {}\n",
                t.chars().take(110).collect::<String>()
            ));
        }
    }
    println!("{report}");
    assert!(unplaced.is_empty(), "unclassified text:\n{report}");
    without_articles.sort();
    let mut expected: Vec<&str> = NO_ARTICLE
        .iter()
        .copied()
        .filter(|n| seen.iter().any(|s| s == n))
        .collect();
    expected.sort();
    assert_eq!(without_articles, expected, "{report}");
}

/// Documents that truly have no article, read by hand: a one-page agreement to end an
/// apprenticeship (cdtn), a letter answering an appeal (potentiel), a page of legal notices
/// and two charters cut by intertitles (aidants connect). Their text stays in the tree (title, parties,
/// sections); the parser says it found no article.
const NO_ARTICLE: &[&str] = &[
    "cdtn-rupture-amiable-apprentissage-2019-12-24.docx",
    "cdtn-rupture-amiable-apprentissage-2021-02-03.docx",
    "potentiel-modele-reponse-recours-2024-09-18.docx",
    "potentiel-modele-reponse-recours-2025-01-31.docx",
    "aidants-connect-charte-referent-2025.pdf",
    "aidants-connect-charte-referent-old.pdf",
    "aidants-connect-elements-juridiques-2024.pdf",
];
