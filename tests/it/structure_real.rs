//! Real documents nobody tuned the parser to (`../shared/corpus/real/` text renderings, the
//! PDFs): every word of the input is in the tree, drawn tables never give border lines as
//! text, and each tree's outline is snapshotted (read against its document).

use avenant::render::outline::outline;
use avenant::{normalise, Document, NodeKind, ReadOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;
use unicode_segmentation::UnicodeSegmentation;

fn shared(dir: &str) -> Vec<PathBuf> {
    let dir = format!("{}/../shared/corpus/{dir}", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{dir} absent: skipped");
        return Vec::new();
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    files
}

/// The pandoc and LibreOffice text renderings of the real documents.
fn renderings() -> Vec<(String, String)> {
    shared("real")
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".txt"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().to_string();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect()
}

fn words<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for t in texts {
        for w in t.unicode_words() {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    m
}

fn tree_words(doc: &Document) -> BTreeMap<String, usize> {
    words(doc.nodes.iter().map(|n| n.text.as_str()))
}

fn lost_words(input: &BTreeMap<String, usize>, tree: &BTreeMap<String, usize>) -> Vec<String> {
    let mut diffs = Vec::new();
    for (w, n) in input {
        let m = tree.get(w).copied().unwrap_or(0);
        if m != *n {
            diffs.push(format!("{w}: input {n}, tree {m}"));
        }
    }
    for (w, m) in tree {
        if !input.contains_key(w) {
            diffs.push(format!("{w}: input 0, tree {m}"));
        }
    }
    diffs
}

#[test]
fn no_word_is_lost_in_the_real_renderings() {
    for (name, text) in renderings() {
        let doc = avenant::parse_str(&name, &text);
        let lines: Vec<String> = text.split('\n').map(normalise::inline).collect();
        let input = words(lines.iter().map(String::as_str));
        let diffs = lost_words(&input, &tree_words(&doc));
        assert!(
            diffs.is_empty(),
            "{name}: words differ:\n{}",
            diffs.join("\n")
        );
    }
}

#[test]
fn no_word_is_lost_in_the_pdfs() {
    for path in shared("pdf") {
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        // The PDF's text as the reader gives it, then the tree built from it.
        let Ok((source, _)) = avenant::extract::read_path(&path, &ReadOptions::default()) else {
            continue; // a refused PDF (broken text layer) has no words to keep
        };
        let doc = avenant::parse::parse(source.clone());
        let lines: Vec<String> = source.text.split('\n').map(normalise::inline).collect();
        let input = words(lines.iter().map(String::as_str));
        let diffs = lost_words(&input, &tree_words(&doc));
        assert!(
            diffs.is_empty(),
            "{}: words differ:\n{}",
            path.display(),
            diffs.join("\n")
        );
    }
}

/// A line drawn with `+`, `-`, `=`, `|` only.
fn is_border(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 3
        && t.chars()
            .all(|c| matches!(c, '+' | '-' | '=' | '|' | ':' | ' '))
}

#[test]
fn drawn_tables_give_rows_never_borders() {
    let mut tables = 0;
    for (name, text) in renderings() {
        let doc = avenant::parse_str(&name, &text);
        for n in &doc.nodes {
            assert!(
                !is_border(&n.text),
                "{name}: {} quotes a border: {}",
                n.key,
                n.text
            );
            assert!(
                !n.text.contains("+---") && !n.text.contains("+===") && !n.text.contains("|---"),
                "{name}: {} holds table drawing: {}",
                n.key,
                n.text
            );
        }
        if name.ends_with(".pandoc.txt") {
            tables += doc
                .nodes
                .iter()
                .filter(|n| n.kind == NodeKind::Table)
                .count();
        }
    }
    // pandoc writes the seeds' and apilos' tables as grid and simple tables.
    assert!(
        tables == 0 || tables >= 10,
        "{tables} tables read from the pandoc renderings"
    );
}

#[test]
fn grid_and_simple_tables_of_two_documents() {
    let docs: BTreeMap<_, _> = renderings().into_iter().collect();
    let Some(ena) = docs.get("seed-ena.pandoc.txt") else {
        return;
    };
    let d = avenant::parse_str("seed-ena", ena);
    // The simple table (5 rows) and the grid table (6 rows) of annex 1, one table.
    let t = d.get("annexe-1/table-1").expect("annex 1 table");
    assert_eq!(d.children(t).len(), 11);
    let row = d.node(d.get("annexe-1/table-1/row-7").expect("row 7"));
    assert_eq!(row.cells().len(), 3);
    assert_eq!(row.cells()[0], "Sous-traitance");
    assert!(row.cells()[2].ends_with("sensibles à la protection des données."));
    let apl = &docs["apilos-convention-apl-foyer-2022-12-06.pandoc.txt"];
    let d = avenant::parse_str("apl", apl);
    let rows: Vec<_> = d
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Row && n.cells().first().is_some_and(|c| c == "Section"))
        .collect();
    assert!(!rows.is_empty(), "the cadastre table's header row");
    assert_eq!(rows[0].cells(), ["Section", "Numéro", "Lieudit", "Surface"]);
    // A template row tag ({%tr for … %}) is a row of its table, the tag whole in its first cell.
    assert!(d.nodes.iter().any(|n| n.kind == NodeKind::Row
        && n.cells().first().map(String::as_str)
            == Some("{%tr for rc in references_cadastrales %}")));
    // The esup notice is laid out in one-column frames: its articles are found inside.
    let esup = &docs["esup-notice-convention-stage-type-v4-2013-10-08.pandoc.txt"];
    let d = avenant::parse_str("esup", esup);
    assert!(d.get("article-14").is_some() && d.get("annexe-3").is_some());
}

#[test]
fn outlines_of_the_real_renderings() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, text) in renderings() {
            let doc = avenant::parse_str(&name, &text);
            let stem = name.trim_end_matches(".txt").replace('.', "-");
            insta::assert_snapshot!(format!("structure-real-{stem}"), outline(&doc));
        }
    });
}

/// `fold -s -w 72`: the text as a legal database or an e-mail export wraps it.
fn fold72(text: &str) -> Option<String> {
    use std::io::Write;
    let mut child = std::process::Command::new("fold")
        .args(["-s", "-w", "72"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    String::from_utf8(out.stdout).ok()
}

/// Real texts whose paragraphs are separated by blank lines: the association statuts (two
/// versions), the ENA seed (with TAB tables and long addresses), the ENA convention of the
/// corpus. (Texts written one paragraph a line, as office exports do, are ambiguous once
/// wrapped: a full line ending a sentence may end its paragraph or not; not required here.)
fn wrappable() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = renderings()
        .into_iter()
        .filter(|(n, _)| n.starts_with("lrb-") && n.ends_with(".pandoc.txt"))
        .collect();
    for p in shared("../seeds") {
        if p.to_string_lossy().contains("003_") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                files.push((p.display().to_string(), t));
            }
        }
    }
    let ena = format!(
        "{}/corpus/conventions/ena-dinum-2021.md",
        env!("CARGO_MANIFEST_DIR")
    );
    if let Ok(t) = std::fs::read_to_string(&ena) {
        files.push((ena, t));
    }
    files
}

#[test]
fn hard_wrapped_text_gives_the_same_tree() {
    for (name, text) in wrappable() {
        let Some(wrapped) = fold72(&text) else {
            eprintln!("fold absent: skipped");
            return;
        };
        assert_ne!(wrapped, text, "{name}: nothing was wrapped");
        let doc = avenant::parse_str(&name, &text);
        let again = avenant::parse_str(&name, &wrapped);
        assert!(
            doc.same_tree(&again),
            "{name}: {}",
            doc.first_difference(&again).unwrap_or_default()
        );
    }
}
