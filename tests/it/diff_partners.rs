//! The cross-partner case: Réseau Canopé–DINUM (2020) → ENA–DINUM (2021), two conventions drawn
//! from one template. Pairings of the top-level units must be exactly those a jurist makes.

use avenant::diff::{compare, DiffOptions, Status};
use avenant::{load, ReadOptions};
use std::path::Path;

fn seeds() -> avenant::diff::Comparison {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/conventions");
    let opts = ReadOptions::default();
    let old = load(&dir.join("canope-dinum-2020.md"), &opts).expect("Canopé seed");
    let new = load(&dir.join("ena-dinum-2021.md"), &opts).expect("ENA seed");
    compare(old, new, &DiffOptions::default())
}

fn key(doc: &avenant::Document, id: Option<avenant::NodeId>) -> String {
    id.map_or("-".to_string(), |i| doc.node(i).key.clone())
}

#[test]
fn canope_to_ena_pairs_exactly() {
    let cmp = seeds();
    let pairs: Vec<(String, String)> = cmp
        .pairs
        .iter()
        .map(|p| (key(&cmp.old, p.old), key(&cmp.new, p.new)))
        .filter(|(o, n)| {
            ["preambule", "article", "annexe"]
                .iter()
                .any(|k| o.starts_with(k) || n.starts_with(k))
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("preambule", "preambule"),
        ("article-1", "article-1"),
        ("article-2", "article-2"),
        ("article-3", "article-3"),
        ("article-4", "article-4"),
        ("article-5", "-"),
        ("article-6", "article-5"),
        ("article-7", "article-6"),
        ("article-8", "-"),
        ("article-9", "article-7"),
        ("annexe-1", "annexe-1"),
        ("annexe-2", "-"),
        ("annexe-3", "-"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(pairs, expected);
}

#[test]
fn unmatched_units_are_deleted_and_renumbered_ones_flagged() {
    let cmp = seeds();
    for p in &cmp.pairs {
        let (o, n) = (key(&cmp.old, p.old), key(&cmp.new, p.new));
        if ["article-5", "article-8", "annexe-2", "annexe-3"].contains(&o.as_str()) {
            assert_eq!(p.status, Status::Deleted, "{o}");
        }
        let renumbered = matches!(
            (o.as_str(), n.as_str()),
            ("article-6", "article-5") | ("article-7", "article-6") | ("article-9", "article-7")
        );
        assert_eq!(p.renumbered, renumbered, "{o} → {n}");
    }
    assert!(cmp.has_differences());
}

#[test]
fn the_duration_article_shows_the_new_end_date() {
    let cmp = seeds();
    let art = cmp
        .pairs
        .iter()
        .find(|p| key(&cmp.new, p.new) == "article-6")
        .expect("article 6 of ENA");
    let words: Vec<&str> = art.children[0]
        .changes
        .iter()
        .map(|c| c.new.as_str())
        .collect();
    assert!(
        words.iter().any(|w| w.contains("31 décembre 2021")),
        "{words:?}"
    );
}
