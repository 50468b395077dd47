//! Markdown markup as real authors write it (issue 12, blind findings 3, 5, 6, 7, 8, 25): TABs
//! after heading and list markers, block quotes, front matter and HTML tables, on real documents.

use avenant::{Document, NodeKind};
use std::path::Path;

/// Two real documents with headings and bullet lists: a corpus convention and a LibreOffice
/// rendering of real statuts (pandoc).
const DOCUMENTS: [&str; 2] = [
    "corpus/conventions/canope-dinum-2020.md",
    "../shared/corpus/real/lrb-statuts-association-2013-06-03.pandoc.txt",
];

fn read(rel: &str) -> Option<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("{} absent : sauté", p.display());
            None
        }
    }
}

fn parse(name: &str, text: &str) -> Document {
    avenant::parse_str(name, text)
}

fn assert_same(name: &str, what: &str, a: &Document, b: &Document) {
    assert!(
        a.same_tree(b),
        "{name} ({what}) : {}",
        a.first_difference(b).unwrap_or_default()
    );
}

/// Each line's markers rewritten: `- x` → `-<TAB>x`, `## x` → `##<TAB>x ##`.
fn with_tabs(text: &str) -> String {
    text.split('\n')
        .map(|l| {
            if let Some(rest) = l.strip_prefix("-   ").or_else(|| l.strip_prefix("- ")) {
                format!("-\t{rest}")
            } else if l.starts_with('#') {
                let hashes = l.chars().take_while(|c| *c == '#').count();
                match l[hashes..].strip_prefix(' ') {
                    Some(rest) if !rest.trim().is_empty() => {
                        format!("{}\t{} {}", &l[..hashes], rest.trim_end(), &l[..hashes])
                    }
                    _ => l.to_string(),
                }
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn tabs_after_markers_and_closing_hashes_change_nothing() {
    for rel in DOCUMENTS {
        let Some(text) = read(rel) else { continue };
        let tabbed = with_tabs(&text);
        assert_ne!(tabbed, text, "{rel}: nothing rewritten");
        assert_same(rel, "TAB", &parse(rel, &text), &parse(rel, &tabbed));
    }
}

#[test]
fn block_quote_markers_are_not_text() {
    for rel in DOCUMENTS {
        let Some(text) = read(rel) else { continue };
        // Every paragraph quoted, as Markdown editors quote a signature block.
        let quoted: String = text
            .split('\n')
            .map(|l| {
                if l.trim().is_empty() {
                    l.to_string()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_same(rel, "> ", &parse(rel, &text), &parse(rel, &quoted));
    }
}

#[test]
fn front_matter_is_metadata() {
    for rel in DOCUMENTS {
        let Some(text) = read(rel) else { continue };
        let doc = parse(rel, &text);
        let with = format!("---\nlayout: page\npermalink: /statuts/\nlang: fr\n---\n\n{text}");
        assert_same(rel, "front matter", &doc, &parse(rel, &with));
    }
}

#[test]
fn html_signature_tables_are_tables() {
    // The two Chartrettes conventions sign in a two-column HTML table, after the convention and
    // after each annex: one row of two cells, never alinéas cell by cell.
    for name in [
        "chartrettes-convention-equipements-sportifs-maire-gros.txt",
        "chartrettes-convention-equipements-sportifs-maire-bargeault.txt",
    ] {
        let Some(text) = read(&format!("corpus/blind/{name}")) else {
            continue;
        };
        let doc = parse(name, &text);
        let rows: Vec<&avenant::Node> = doc
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Row && n.text.contains("Pour l'Occupant"))
            .collect();
        assert_eq!(rows.len(), 2, "{name}");
        for r in rows {
            assert_eq!(r.cells().len(), 2, "{name}");
            assert!(
                r.cells()[0].starts_with("Pour la Ville de CHARTRETTES"),
                "{name}"
            );
            assert!(!r.text.contains("<br"), "{name}");
        }
    }
}

#[test]
fn words_cut_at_a_line_end_are_joined_in_hard_wrapped_text() {
    // pdftotext's renderings of two real PDFs (lines cut, words hyphenated at their ends) and
    // the two Zeste de Savoir statuts: no cut word stays « accom- pagnent » in the tree.
    let mut seen = 0;
    for rel in [
        "../shared/corpus/pdf/aidants-connect-elements-juridiques-2024.pdftotext.txt",
        "../shared/corpus/pdf/dinum-cctp-accord-cadre-produit-2025.pdftotext.txt",
        "corpus/blind/zeste-de-savoir-statuts-ca-4-a-25.txt",
        "corpus/blind/zeste-de-savoir-statuts-ca-13-a-25.txt",
    ] {
        let Some(text) = read(rel) else { continue };
        let doc = parse(rel, &text);
        let all: String = doc
            .nodes
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let lines: Vec<&str> = text.split('\n').collect();
        for w in lines.windows(2) {
            let (a, b) = (w[0].trim_end(), w[1].trim_start());
            let Some(stem) = a.strip_suffix('-') else {
                continue;
            };
            let left = stem.rsplit(' ').next().unwrap_or(stem);
            let right = b.split(' ').next().unwrap_or(b);
            if left.chars().count() < 2
                || !left.chars().all(char::is_alphabetic)
                || !right.starts_with(char::is_lowercase)
            {
                continue;
            }
            seen += 1;
            assert!(
                !all.contains(&format!("{left}- {right}")),
                "{rel}: « {left}- {right} »"
            );
        }
    }
    assert!(seen >= 10, "{seen}");
    if let Some(text) =
        read("../shared/corpus/pdf/aidants-connect-elements-juridiques-2024.pdftotext.txt")
    {
        let doc = parse("aidants-connect", &text);
        assert!(doc
            .nodes
            .iter()
            .any(|n| n.text.contains("qui accompagnent leurs publics")));
    }
}
