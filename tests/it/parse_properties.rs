//! Invariants of parsing: no word is lost, typography never changes the tree, and the
//! Markdown rendering parses back to the same tree.

use avenant::render::markdown::markdown;
use avenant::{normalise, Document};
use proptest::prelude::*;

use crate::common;
use common::{rewrite, Rewrite};
use std::collections::BTreeMap;
use unicode_segmentation::UnicodeSegmentation;

fn corpus_files() -> Vec<(String, String)> {
    let dir = format!("{}/corpus/conventions", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("utf-8"),
            )
        })
        .collect()
}

/// Bench texts (large legal codes), when the shared corpus is beside the repository.
fn bench_files() -> Vec<(String, String)> {
    let dir = format!("{}/../shared/corpus/bench", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{dir} absent: bench texts skipped");
        return Vec::new();
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

fn word_counts<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for t in texts {
        for w in t.unicode_words() {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    m
}

fn tree_words(doc: &Document) -> BTreeMap<String, usize> {
    word_counts(doc.nodes.iter().map(|n| n.text.as_str()))
}

fn input_words(text: &str) -> BTreeMap<String, usize> {
    let lines: Vec<String> = text.split('\n').map(normalise::inline).collect();
    word_counts(lines.iter().map(String::as_str))
}

fn assert_no_word_lost(name: &str, text: &str) {
    let doc = avenant::parse_str(name, text);
    let input = input_words(text);
    let tree = tree_words(&doc);
    if input != tree {
        let mut diffs = Vec::new();
        for (w, n) in &input {
            let m = tree.get(w).copied().unwrap_or(0);
            if m != *n {
                diffs.push(format!("{w}: input {n}, tree {m}"));
            }
        }
        for (w, m) in &tree {
            if !input.contains_key(w) {
                diffs.push(format!("{w}: input 0, tree {m}"));
            }
        }
        panic!("{name}: words differ:\n{}", diffs.join("\n"));
    }
}

#[test]
fn no_word_is_lost_in_the_corpus() {
    for (name, text) in corpus_files() {
        assert_no_word_lost(&name, &text);
    }
    let model = format!("{}/corpus/models/apl-sem.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&model).expect("APL model");
    assert_no_word_lost(&model, &text);
    let doc = avenant::parse_str(&model, &text);
    assert_eq!(doc.articles().len(), 27, "{model}");
    let again = avenant::parse_str(&model, &avenant::render::markdown::markdown(&doc));
    assert!(
        again.same_tree(&doc),
        "{}",
        doc.first_difference(&again).unwrap_or_default()
    );
}

#[test]
fn no_word_is_lost_in_the_bench_texts() {
    for (name, text) in bench_files() {
        assert_no_word_lost(&name, &text);
        let doc = avenant::parse_str(&name, &text);
        assert!(!doc.has_errors(), "{name}: {:?}", doc.diagnostics);
        assert!(doc.articles().len() > 1000, "{name}");
    }
}

#[test]
fn markdown_rendering_parses_back_to_the_same_tree() {
    let mut files = corpus_files();
    files.extend(
        bench_files()
            .into_iter()
            .filter(|(n, _)| n.contains("code-civil")),
    );
    for (name, text) in files {
        let doc = avenant::parse_str(&name, &text);
        let md = markdown(&doc);
        let again = avenant::parse_str(&name, &md);
        assert!(
            doc.same_tree(&again),
            "{name}: {}",
            doc.first_difference(&again).unwrap_or_default()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn cosmetic_rewrites_give_the_same_tree(
        file in 0usize..2,
        how in prop_oneof![Just(Rewrite::Apostrophes), Just(Rewrite::Nbsp), Just(Rewrite::Bold), Just(Rewrite::PageBreak)],
        seed in 0usize..1000,
    ) {
        let files = corpus_files();
        let (name, text) = &files[file % files.len()];
        let original = avenant::parse_str(name, text);
        let rewritten = rewrite(text, how, seed);
        let again = avenant::parse_str(name, &rewritten);
        prop_assert!(original.same_tree(&again), "{:?}: {}", how, original.first_difference(&again).unwrap_or_default());
    }
}
