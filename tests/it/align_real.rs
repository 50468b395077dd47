//! Alignment on real versions read by a jurist: the statuts of an association (2013 → 2016) and
//! the APL foyer convention (2022 → 2026) keep every article under its number, in place; each
//! article is modified under its number, never deleted and inserted, never moved.

use avenant::align::{align, AlignOptions, Basis};
use avenant::{Document, NodeKind, ReadOptions};

fn load(name: &str) -> Option<Document> {
    let path = format!(
        "{}/../shared/corpus/real/{name}.soffice.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::path::Path::new(&path)
        .exists()
        .then(|| avenant::load(std::path::Path::new(&path), &ReadOptions::default()).ok())
        .flatten()
}

/// (old key, new key, basis, moved) of the top-level article pairs.
fn article_pairs(old: &str, new: &str) -> Option<Vec<(String, String, Basis, bool)>> {
    let (old, new) = (load(old)?, load(new)?);
    let a = align(&old, &new, &AlignOptions::default());
    Some(
        a.pairs
            .iter()
            .filter(|p| {
                p.old.is_some_and(|o| old.node(o).kind == NodeKind::Article)
                    || p.new.is_some_and(|n| new.node(n).kind == NodeKind::Article)
            })
            .map(|p| {
                (
                    p.old.map_or("-".into(), |o| old.node(o).key.clone()),
                    p.new.map_or("-".into(), |n| new.node(n).key.clone()),
                    p.basis,
                    p.moved,
                )
            })
            .collect(),
    )
}

fn every_article_kept_in_place(old: &str, new: &str, at_least: usize) {
    let Some(pairs) = article_pairs(old, new) else {
        eprintln!("{old}: corpus absent, skipped");
        return;
    };
    assert!(pairs.len() >= at_least, "{pairs:?}");
    for (o, n, basis, moved) in &pairs {
        assert_eq!(o, n, "{pairs:?}");
        assert_ne!(*basis, Basis::Unmatched, "{pairs:?}");
        assert!(!moved, "{pairs:?}");
    }
}

#[test]
fn statuts_2013_2016_articles_paired_under_their_numbers() {
    every_article_kept_in_place(
        "lrb-statuts-association-2013-06-03",
        "lrb-statuts-association-2016-06-24",
        10,
    );
}

#[test]
fn apl_foyer_convention_2022_2026_articles_paired_under_their_numbers() {
    every_article_kept_in_place(
        "apilos-convention-apl-foyer-2022-12-06",
        "apilos-convention-apl-foyer-2026-06-10",
        5,
    );
}
