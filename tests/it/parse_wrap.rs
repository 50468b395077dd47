//! Hard wrap decided per document: every real text rendering and seed, wrapped at 64, 72 and 80
//! columns as `fold -s -w N` does, gives the tree of the unwrapped text; unwrapped texts (one
//! paragraph a line, or blank-separated) are left as they are.

use avenant::Document;
use std::path::PathBuf;

/// The text as `fold -s -w <width>` writes it (coreutils: bytes counted, a TAB to the next
/// multiple of 8, cut after the last blank within the width), drawn table lines left whole:
/// databases that wrap their text have no drawn tables. `None` when `fold` is not installed.
fn fold(text: &str, width: usize) -> Option<String> {
    use std::io::Write;
    wrapped_prose(text, |prose| {
        let mut child = std::process::Command::new("fold")
            .args(["-s", "-w", &width.to_string()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(prose.as_bytes()).ok()?;
        let o = child.wait_with_output().ok()?;
        Some(String::from_utf8_lossy(&o.stdout).into_owned())
    })
}

/// The text as [`fold`] writes it, the width counted in characters instead of bytes (as
/// mailers and Pandoc count it): a line broken after the last blank within the width, the
/// blank left at its end, a word longer than the line cut at the width.
fn wrap_characters(text: &str, width: usize) -> String {
    wrapped_prose(text, |prose| {
        let mut out = String::new();
        for line in prose.split_inclusive('\n') {
            let (body, end) = match line.strip_suffix('\n') {
                Some(b) => (b, "\n"),
                None => (line, ""),
            };
            let mut current = String::new();
            for word in body.split(' ') {
                // Columns, a TAB to the next multiple of 8 as `fold` counts it.
                let count = |s: &str| {
                    s.chars().fold(
                        0,
                        |col, c| if c == '\t' { col / 8 * 8 + 8 } else { col + 1 },
                    )
                };
                if !current.is_empty() && count(&current) + count(word) > width {
                    out.push_str(&current);
                    out.push('\n');
                    current.clear();
                }
                // A word longer than the line is cut at the width, as `fold` cuts it.
                let mut word: Vec<char> = word.chars().collect();
                while word.len() > width {
                    let rest = word.split_off(width);
                    out.extend(word);
                    out.push('\n');
                    word = rest;
                }
                current.extend(word);
                current.push(' ');
            }
            out.push_str(current.strip_suffix(' ').unwrap_or(&current));
            out.push_str(end);
        }
        Some(out)
    })
    .unwrap_or_default()
}

/// The text with its prose rewritten by `wrap`, drawn table lines left whole: databases that
/// wrap their text have no drawn tables.
fn wrapped_prose(text: &str, wrap: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut prose = String::new();
    let flush = |prose: &mut String, out: &mut String| -> Option<()> {
        if prose.is_empty() {
            return Some(());
        }
        out.push_str(&wrap(prose)?);
        prose.clear();
        Some(())
    };
    // Simple and multiline tables (pandoc): from a dashed rule, the blank lines and the lines
    // indented at least as the rule are left whole too (a multiline table's rows are separated
    // by blank lines).
    let mut margin: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        let indent = line.len() - line.trim_start_matches(' ').len();
        if !t.is_empty() && margin.is_some_and(|m| indent < m.max(1)) {
            margin = None;
        }
        if t.starts_with("---") && t.chars().all(|c| c == '-' || c == ' ') {
            margin = margin.or(Some(indent));
        }
        if margin.is_some() || line.trim_start().starts_with(['+', '|']) {
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

/// Texts whose wrapped tree still differs, with the width, each read by hand: the wrapped text
/// alone cannot tell them from the other reading (see the test's comment).
const KNOWN: &[(usize, &str)] = &[
    // A sentence ends on a full line and the next line opens with a capital, in an export
    // whose every line (paragraph ends too) carries a trailing blank: « … à venir. » ⏎
    // « Puis, elle … » and « … Générale. » ⏎ « Il est chargé : » continue their alinéa.
    (64, "lrb-statuts-association-2013-06-03.soffice.txt"),
    (64, "lrb-statuts-association-2016-06-24.soffice.txt"),
    (72, "lrb-statuts-association-2013-06-03.soffice.txt"),
    (72, "lrb-statuts-association-2016-06-24.soffice.txt"),
    (80, "lrb-statuts-association-2013-06-03.soffice.txt"),
    (80, "lrb-statuts-association-2016-06-24.soffice.txt"),
    // A paragraph whose own end carries a blank (« … fin le « date ». ␠ », « … sont
    // intervenues] : ␠ ») and happens to fill the line: in a text where a trailing blank marks
    // each cut, it reads as cut.
    (
        64,
        "cdtn-rupture-amiable-apprentissage-2021-02-03.soffice.txt",
    ),
    (72, "apilos-avenant-foyer-residence-2023-01-02.soffice.txt"),
    (72, "apilos-avenant-foyer-residence-2026-06-02.soffice.txt"),
    // A template expression of exactly 72 bytes with no blank (« convention.get_lot_with_
    // financement(‘PLAI’).logements_import_ordered »), its « %} » on the next line: the same
    // text as a longer word cut at the width.
    (72, "apilos-convention-apl-foyer-2026-06-10.soffice.txt"),
];

#[test]
fn wrapped_text_gives_the_same_tree() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let texts = texts();
    for width in [64, 72, 80] {
        for (name, text) in &texts {
            let plain = avenant::parse_str(name, text);
            let Some(folded) = fold(text, width) else {
                eprintln!("fold absent: skipped");
                return;
            };
            let wrapped = avenant::parse_str(name, &folded);
            let (a, b) = (shape(&plain), shape(&wrapped));
            checked += 1;
            if a != b {
                let first = a
                    .iter()
                    .zip(&b)
                    .find(|(x, y)| x != y)
                    .map(|(x, y)| format!("{x}\n   ≠ {y}"))
                    .unwrap_or_else(|| format!("{} ≠ {} nodes", a.len(), b.len()));
                failures.push((width, name.clone(), first));
            }
        }
    }
    println!("{checked} wrapped texts, {} differ", failures.len());
    only_known(&failures, KNOWN, "KNOWN", &texts);
}

/// Texts whose tree, wrapped in characters, still differs (read by hand, see [`KNOWN`]).
/// (Counted in bytes, as the width used to be, 100 of the 117 differed.)
const KNOWN_CHARACTERS: &[(usize, &str)] = &[
    // As in [`KNOWN`]: every line of the export carries a trailing blank, so a full line
    // ending a sentence before a capital reads as the end of its alinéa.
    (64, "lrb-statuts-association-2013-06-03.soffice.txt"),
    (64, "lrb-statuts-association-2016-06-24.soffice.txt"),
    (80, "lrb-statuts-association-2013-06-03.soffice.txt"),
    (80, "lrb-statuts-association-2016-06-24.soffice.txt"),
    // The cut leaves « + Ville » (« Code postal + Ville ») at the head of a line: a grid
    // table's border to the wrap.
    (
        64,
        "cdtn-rupture-amiable-apprentissage-2019-12-24.pandoc.txt",
    ),
    (
        64,
        "cdtn-rupture-amiable-apprentissage-2019-12-24.soffice.txt",
    ),
    // The cut leaves the « * » closing a row of annexe 1's TAB table (« … privacy by design
    // * ») alone on a line: a Markdown rule to the wrap.
    (64, "000_488124c50bb111ef.txt"),
    (64, "003_756532f1f0f99d14.txt"),
    (64, "canope-dinum-2020.md"),
    (64, "ena-dinum-2021.md"),
    // The folder's README (no convention): its `#` title takes the line after it; the wrapped
    // README does not show the unit clearly enough (see `counted_in_characters`) and is read
    // in bytes.
    (72, "README.md"),
    (80, "README.md"),
];

/// blind3 finding 5: a text wrapped at a width counted in characters (Pandoc, mailers) gives
/// the tree of the unwrapped text, lines with accents and « ’ » included, as one wrapped in
/// bytes does ([`wrapped_text_gives_the_same_tree`]).
#[test]
fn text_wrapped_in_characters_gives_the_same_tree() {
    let mut failures = Vec::new();
    let texts = texts();
    for width in [64, 72, 80] {
        for (name, text) in &texts {
            let plain = shape(&avenant::parse_str(name, text));
            let wrapped = shape(&avenant::parse_str(name, &wrap_characters(text, width)));
            if plain != wrapped {
                let first = plain
                    .iter()
                    .zip(&wrapped)
                    .find(|(x, y)| x != y)
                    .map(|(x, y)| format!("{x}\n   ≠ {y}"))
                    .unwrap_or_else(|| format!("{} ≠ {} nodes", plain.len(), wrapped.len()));
                failures.push((width, name.clone(), first));
            }
        }
    }
    println!(
        "{} wrapped texts, {} differ",
        texts.len() * 3,
        failures.len()
    );
    only_known(&failures, KNOWN_CHARACTERS, "KNOWN_CHARACTERS", &texts);
}

/// Prints the wrapped texts whose tree differs, and fails on any not in `known` (a new
/// difference) and on any in `known` that no longer differs (take it out of the list).
fn only_known(
    failures: &[(usize, String, String)],
    known: &[(usize, &str)],
    list: &str,
    texts: &[(String, String)],
) {
    for (w, name, first) in failures {
        println!("{w} {name}: {first}\n");
    }
    let new: Vec<_> = failures
        .iter()
        .filter(|(w, name, _)| !known.contains(&(*w, name.as_str())))
        .collect();
    assert!(new.is_empty(), "{new:#?}");
    let solved: Vec<_> = known
        .iter()
        .filter(|(_, n)| texts.iter().any(|(t, _)| t == n))
        .filter(|(w, n)| !failures.iter().any(|(fw, f, _)| fw == w && f == n))
        .collect();
    assert!(
        solved.is_empty(),
        "no longer differ, take them out of {list}: {solved:?}"
    );
}
