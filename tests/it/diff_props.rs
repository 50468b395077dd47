//! Properties of the diff: a document compared with itself, or with a cosmetic rewrite of itself
//! (apostrophes, no-break spaces, bold, a paragraph re-wrapped over a page break), has no
//! substantive change (exit code 0); a real word edit is always found.

use crate::common;
use avenant::diff::{compare, DiffOptions};
use common::{rewrite, Rewrite};
use proptest::prelude::*;
use std::path::Path;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/conventions");
    ["canope-dinum-2020.md", "ena-dinum-2021.md"]
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(dir.join(f)).expect("seed");
            (f.to_string(), text)
        })
        .collect()
}

fn no_change(name: &str, old: &str, new: &str) -> Result<(), String> {
    let cmp = compare(
        avenant::parse_str(name, old),
        avenant::parse_str(name, new),
        &DiffOptions::default(),
    );
    if cmp.has_differences() {
        let changed: Vec<String> = cmp
            .iter()
            .filter(|p| p.status != avenant::diff::Status::Unchanged || p.moved || p.renumbered)
            .map(|p| {
                format!(
                    "{:?} {:?} {:?}",
                    p.old.map(|o| cmp.old.node(o).key.clone()),
                    p.new.map(|n| cmp.new.node(n).key.clone()),
                    p.changes
                        .iter()
                        .map(|c| (&c.old, &c.new))
                        .collect::<Vec<_>>()
                )
            })
            .take(5)
            .collect();
        return Err(format!("{name}: {changed:#?}"));
    }
    if cmp.iter().any(|p| p.changes.iter().any(|c| !c.cosmetic)) {
        return Err(format!("{name}: substantive word change"));
    }
    Ok(())
}

#[test]
fn every_corpus_file_diffed_with_itself_has_no_change() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = seeds();
    for entry in std::fs::read_dir(&root).expect("corpus").flatten() {
        for f in ["old.md", "new.md"] {
            let p = entry.path().join(f);
            if let Ok(text) = std::fs::read_to_string(&p) {
                files.push((p.display().to_string(), text));
            }
        }
    }
    assert!(files.len() >= 10);
    for (name, text) in files {
        if let Err(e) = no_change(&name, &text, &text) {
            panic!("{e}");
        }
    }
}

/// Regression found by the proptest below: a paragraph holding straight quotes (`"…"`) cut
/// twice by page breaks (Canopé art. 5.4) once came back with « and » swapped, when quote
/// direction was decided by alternation within each piece alone.
#[test]
fn two_page_breaks_in_one_quoted_paragraph() {
    let (name, text) = &seeds()[0];
    let mut rewritten = rewrite(text, Rewrite::PageBreak, 291);
    rewritten = rewrite(&rewritten, Rewrite::Nbsp, 291);
    rewritten = rewrite(&rewritten, Rewrite::PageBreak, 291);
    no_change(name, text, &rewritten).unwrap_or_else(|e| panic!("{e}"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    #[test]
    fn cosmetic_rewrites_have_no_change(
        file in 0usize..2,
        hows in proptest::collection::vec(prop_oneof![Just(Rewrite::Apostrophes), Just(Rewrite::Nbsp), Just(Rewrite::Bold), Just(Rewrite::PageBreak)], 1..4),
        seed in 0usize..1000,
    ) {
        let files = seeds();
        let (name, text) = &files[file % files.len()];
        let mut rewritten = text.clone();
        for how in &hows {
            rewritten = rewrite(&rewritten, *how, seed);
        }
        if let Err(e) = no_change(name, text, &rewritten) {
            prop_assert!(false, "{:?}: {}", hows, e);
        }
    }

    #[test]
    fn a_replaced_word_is_found(file in 0usize..2, seed in 0usize..10_000) {
        let files = seeds();
        let (name, text) = &files[file % files.len()];
        // Replace one long lower-case word of an article's body by a new word.
        let Some(start) = text.find("Article 1") else { return Ok(()); };
        let words: Vec<(usize, &str)> = text[start..]
            .match_indices(|c: char| c.is_alphabetic())
            .map(|(i, _)| i + start)
            .filter(|i| !text[..*i].ends_with(|c: char| c.is_alphanumeric()))
            .map(|i| (i, text[i..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("")))
            .filter(|(_, w)| w.chars().count() >= 7 && w.chars().all(|c| c.is_lowercase()))
            .collect();
        prop_assume!(!words.is_empty());
        let (at, word) = words[seed % words.len()];
        let mut edited = text.clone();
        edited.replace_range(at..at + word.len(), "zorglub");
        let cmp = compare(avenant::parse_str(name, text), avenant::parse_str(name, &edited), &DiffOptions::default());
        prop_assert!(cmp.has_differences());
        let found = cmp.iter().any(|p| p.changes.iter().any(|c| c.new.contains("zorglub") && c.old.contains(word)))
            || cmp.globals.iter().any(|g| g.new.contains("zorglub"));
        prop_assert!(found, "{} → zorglub not reported", word);
    }
}
