//! Property over the corpus: every Markdown convention, written to .docx and .odt by pandoc, reads
//! back to the same tree as the Markdown (the office reader loses and invents nothing). Skipped,
//! with a note, when pandoc is not installed (`.ci/run` installs it).

use avenant::model::Document;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The codes of `bench/` (0.7 to 6 MB) take pandoc minutes: the property runs on conventions.
const MAX_BYTES: u64 = 300_000;

fn markdown_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut stack = vec![root.join("corpus"), root.join("../shared/corpus")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md")
                && p.file_name().is_some_and(|n| n != "README.md")
                && std::fs::metadata(&p).is_ok_and(|m| m.len() < MAX_BYTES)
            {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// TAB rows become pipe tables, since pandoc's Markdown has no TAB tables (as
/// `corpus/office/make_pandoc_fixtures.sh` does).
fn pipes(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].contains('\t') {
            let mut rows: Vec<Vec<&str>> = Vec::new();
            while i < lines.len() && lines[i].contains('\t') {
                rows.push(lines[i].split('\t').collect());
                i += 1;
            }
            let width = rows.iter().map(Vec::len).max().unwrap_or(1);
            out.push(String::new());
            for (k, r) in rows.iter().enumerate() {
                let mut cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
                cells.resize(width, String::new());
                out.push(format!("| {} |", cells.join(" | ")));
                if k == 0 {
                    out.push(format!("|{}", "---|".repeat(width)));
                }
            }
            out.push(String::new());
        } else {
            out.push(lines[i].to_string());
            i += 1;
        }
    }
    out.join("\n")
}

/// What pandoc's Markdown reads differently from a jurist's text, so that the pandoc output
/// cannot be expected to carry the same words: inline HTML and emphasis markers.
fn pandoc_rewrites(text: &str) -> bool {
    text.contains('<') || text.contains('*') || text.contains('_') || text.contains('`')
}

/// The tree as a list of (key, kind, label, heading, text, cells), spans and locators aside.
fn nodes(doc: &Document, with_text: bool) -> Vec<String> {
    doc.nodes
        .iter()
        .map(|n| {
            let text = if with_text {
                format!("{} {:?}", n.text, n.cells())
            } else {
                String::new()
            };
            format!(
                "{} {} {:?} {:?} {text}",
                n.key,
                n.kind.as_str(),
                n.label,
                n.heading
            )
        })
        .collect()
}

#[test]
fn pandoc_docx_and_odt_read_to_the_markdown_tree() {
    if Command::new("pandoc").arg("--version").output().is_err() {
        println!("note : pandoc absent, propriété .docx/.odt = Markdown non vérifiée");
        return;
    }
    let dir = std::env::temp_dir().join(format!("avenant-pandoc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let options = avenant::ReadOptions::default();
    let mut failures = Vec::new();
    let mut compared = 0;
    for md in markdown_files() {
        let text = std::fs::read_to_string(&md).expect("markdown");
        // A YAML front matter (`---` … `---`) is metadata to pandoc, not text: the office file
        // cannot carry it (the beta FAQ, read since documents without articles are).
        if text.starts_with("---\n") {
            continue;
        }
        let input = dir.join("entree.md");
        std::fs::write(&input, pipes(&text)).expect("write");
        let want = avenant::pipeline::load(&md, &options);
        let with_text = !pandoc_rewrites(&text);
        for ext in ["docx", "odt"] {
            let out = dir.join(format!("sortie.{ext}"));
            let status = Command::new("pandoc")
                // fancy_lists off: « II. - à IV : abrogés » is text, not a roman-numbered list.
                .args(["-f", "markdown+hard_line_breaks-fancy_lists", "-o"])
                .arg(&out)
                .arg(&input)
                .stderr(std::process::Stdio::null())
                .status()
                .expect("pandoc runs");
            assert!(status.success(), "pandoc {}", md.display());
            let got = avenant::pipeline::load(&out, &options);
            compared += 1;
            let same = match (&want, &got) {
                (Ok(w), Ok(g)) => {
                    let (w, g) = (nodes(w, with_text), nodes(g, with_text));
                    match w.iter().zip(&g).find(|(a, b)| a != b) {
                        None if w.len() == g.len() => None,
                        None => Some(format!("{} nœuds ≠ {}", w.len(), g.len())),
                        Some((a, b)) => Some(format!("{a}\n    ≠ {b}")),
                    }
                }
                (Err(_), Err(_)) => None,
                (Ok(_), Err(e)) => Some(format!("refusé : {e}")),
                (Err(e), Ok(_)) => Some(format!("lu alors que le Markdown est refusé ({e})")),
            };
            if let Some(why) = same {
                failures.push(format!("{} ({ext}) : {why}", md.display()));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(compared >= 40, "{compared} conversions");
    assert!(
        failures.is_empty(),
        "{} sur {compared} :\n{}",
        failures.len(),
        failures.join("\n")
    );
}
