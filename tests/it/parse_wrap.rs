//! Hard wrap decided per document: every real text rendering and seed, wrapped at 72 columns
//! as `fold -s -w 72` does, gives the tree of the unwrapped text; unwrapped texts (one
//! paragraph a line, or blank-separated) are left as they are.

use avenant::Document;
use std::path::PathBuf;

/// The text as `fold -s -w 72` writes it (coreutils: bytes counted, a TAB to the next multiple
/// of 8, cut after the last blank within the width), drawn table lines left whole: databases
/// that wrap their text have no drawn tables. `None` when `fold` is not installed.
fn fold72(text: &str) -> Option<String> {
    use std::io::Write;
    let mut out = String::new();
    let mut prose = String::new();
    let flush = |prose: &mut String, out: &mut String| -> Option<()> {
        if prose.is_empty() {
            return Some(());
        }
        let mut child = std::process::Command::new("fold")
            .args(["-s", "-w", "72"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(prose.as_bytes()).ok()?;
        let o = child.wait_with_output().ok()?;
        out.push_str(&String::from_utf8_lossy(&o.stdout));
        prose.clear();
        Some(())
    };
    // Simple and multiline tables (pandoc): a block holding a dashed rule is left whole too.
    let mut in_table = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            in_table = false;
        } else if t.starts_with("---") && t.chars().all(|c| c == '-' || c == ' ') {
            in_table = true;
        }
        if in_table || line.trim_start().starts_with(['+', '|']) {
            flush(&mut prose, &mut out)?;
            out.push_str(line);
        } else {
            prose.push_str(line);
        }
    }
    flush(&mut prose, &mut out)?;
    Some(out)
}

fn texts() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for dir in [
        "../shared/corpus/real",
        "../shared/seeds",
        "corpus/conventions",
    ] {
        let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for p in files {
            let s = p.to_string_lossy().to_string();
            if s.ends_with(".txt") || s.ends_with(".md") {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push((p.file_name().unwrap().to_string_lossy().to_string(), t));
                }
            }
        }
    }
    out
}

/// Kind, key and text (spaces folded) of every node: what wrapping must not change.
fn shape(d: &Document) -> Vec<String> {
    d.nodes
        .iter()
        .map(|n| {
            format!(
                "{:?} {} {}",
                n.kind,
                n.key,
                n.text.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        })
        .collect()
}

/// Texts whose wrapped tree still differs (see the test's comment).
const KNOWN: &[&str] = &[
    "apilos-avenant-foyer-residence-2023-01-02.pandoc.txt",
    "apilos-avenant-foyer-residence-2023-01-02.soffice.txt",
    "apilos-avenant-foyer-residence-2026-06-02.pandoc.txt",
    "apilos-avenant-foyer-residence-2026-06-02.soffice.txt",
    "apilos-convention-apl-foyer-2022-12-06.pandoc.txt",
    "apilos-convention-apl-foyer-2026-06-10.pandoc.txt",
    "apilos-convention-apl-foyer-2026-06-10.soffice.txt",
    "esup-notice-convention-stage-type-v4-2013-10-08.pandoc.txt",
    "lrb-statuts-association-2013-06-03.soffice.txt",
    "lrb-statuts-association-2016-06-24.soffice.txt",
    "seed-canope-numbered.pandoc.txt",
    "seed-canope-tracked.pandoc.txt",
    "seed-canope.pandoc.txt",
    "seed-ena.pandoc.txt",
];

#[test]
fn wrapped_at_72_columns_gives_the_same_tree() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text) in texts() {
        let plain = avenant::parse_str(&name, &text);
        let Some(folded) = fold72(&text) else {
            eprintln!("fold absent: skipped");
            return;
        };
        let wrapped = avenant::parse_str(&name, &folded);
        let (a, b) = (shape(&plain), shape(&wrapped));
        checked += 1;
        if a != b {
            let first = a
                .iter()
                .zip(&b)
                .find(|(x, y)| x != y)
                .map(|(x, y)| format!("{x}\n   ≠ {y}"))
                .unwrap_or_else(|| format!("{} ≠ {} nodes", a.len(), b.len()));
            failures.push(format!("{name}: {first}"));
        }
    }
    println!("{checked} texts, {} differ", failures.len());
    for f in &failures {
        println!("{f}\n");
    }
    // Known gaps, read one by one: a sentence ending at a full line before a capital in a text
    // whose short lines also end with a blank (lrb), pandoc renderings whose own lines carry
    // hard breaks, template fields longer than a line (apilos), and a grid table cell (esup).
    let new: Vec<_> = failures
        .iter()
        .filter(|f| !KNOWN.iter().any(|k| f.starts_with(&format!("{k}:"))))
        .collect();
    assert!(
        checked == 0 || checked - failures.len() >= 25,
        "{}",
        failures.join("\n")
    );
    assert!(new.is_empty(), "{new:#?}");
}
