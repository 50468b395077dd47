//! A new article placed before the first article of the convention (issue 13): « Avant
//! l'article 1er, il est inséré un article 1er A » with the old numbers kept, the new
//! version's own number when it is free (« 1 A »), or, with `--renumber`, « Les articles 1er et
//! 2 deviennent respectivement les articles 2 et 3 » then « Avant l'article 2, il est inséré un
//! article 1er ». Each act is verified by `draft_checked`, then read back from its Markdown by
//! `parse_avenant` and applied to the old version, on two documents: a small convention and the
//! real ENA–DINUM convention.

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft_checked, parse_avenant, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::model::{Document, NodeKind};

/// The top-level articles of a document in order: (label, heading).
fn articles(doc: &Document) -> Vec<(String, String)> {
    doc.top_level()
        .iter()
        .map(|id| doc.node(*id))
        .filter(|n| n.kind == NodeKind::Article)
        .map(|n| {
            (
                n.label.clone().unwrap_or_default(),
                n.heading.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// The act drafted (and verified), then read from its text and applied: the act and the
/// articles of the consolidated version.
fn act_and_articles(old: &str, new: &str, renumber: bool) -> (String, Vec<(String, String)>) {
    let (old, new) = (
        avenant::parse_str("old.md", old),
        avenant::parse_str("new.md", new),
    );
    let cmp = compare(old.clone(), new, &DiffOptions::default());
    let options = DraftOptions {
        renumber,
        ..DraftOptions::default()
    };
    let md = markdown(&draft_checked(&cmp, &options).unwrap_or_else(|e| panic!("{e}")));
    let read = parse_avenant(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    let applied = apply(&old, &read).unwrap_or_else(|e| panic!("{e}\n{md}"));
    // Compared with plain spaces (the act has no-break spaces inside « » and before « : »).
    (md.replace(['\u{a0}', '\u{202f}'], " "), articles(&applied))
}

fn pairs(x: &[(&str, &str)]) -> Vec<(String, String)> {
    x.iter()
        .map(|(l, h)| (l.to_string(), h.to_string()))
        .collect()
}

const SMALL: &str = "Convention de partenariat\n\nEntre la commune de Lyon, représentée par son maire,\n\nEt l'association Les Amis, représentée par sa présidente,\n\nArticle 1er : Objet\n\nLa convention fixe les règles du partenariat.\n\nArticle 2 : Durée\n\nLa convention est conclue pour trois ans.\n\nFait à Lyon, le 2 mai 2026\n";

const DEFINITIONS: &str =
    "Article 1er : Définitions\n\nLes termes employés ont le sens suivant.\n\n";

fn small_renumbered() -> String {
    SMALL
        .replace("Article 2 : Durée", "Article 3 : Durée")
        .replace("Article 1er : Objet", "Article 2 : Objet")
        .replace(
            "Article 2 : Objet",
            &format!("{DEFINITIONS}Article 2 : Objet"),
        )
}

#[test]
fn a_new_first_article_keeps_the_old_numbers_without_renumber() {
    let (md, got) = act_and_articles(SMALL, &small_renumbered(), false);
    assert!(
        md.contains(
            "Avant l'article 1er de la convention, il est inséré un article 1er A ainsi rédigé :"
        ),
        "{md}"
    );
    assert!(md.contains("« Article 1er A – Définitions"), "{md}");
    assert!(!md.contains("deviennent"), "{md}");
    assert_eq!(
        got,
        pairs(&[("1er A", "Définitions"), ("1er", "Objet"), ("2", "Durée")])
    );
}

#[test]
fn a_new_first_article_takes_its_own_free_number() {
    let new = SMALL.replace(
        "Article 1er : Objet",
        "Article 1 A : Définitions\n\nLes termes employés ont le sens suivant.\n\nArticle 1er : Objet",
    );
    let (md, got) = act_and_articles(SMALL, &new, false);
    assert!(
        md.contains("Avant l'article 1er de la convention, il est inséré un article 1 A"),
        "{md}"
    );
    assert_eq!(
        got,
        pairs(&[("1 A", "Définitions"), ("1er", "Objet"), ("2", "Durée")])
    );
}

#[test]
fn a_new_first_article_with_renumber_shifts_the_others_first() {
    let (md, got) = act_and_articles(SMALL, &small_renumbered(), true);
    assert!(
        md.contains("Les articles 1er et 2 deviennent respectivement les articles 2 et 3."),
        "{md}"
    );
    assert!(
        md.contains(
            "Avant l'article 2 de la convention, il est inséré un article 1er ainsi rédigé :"
        ),
        "{md}"
    );
    assert_eq!(
        got,
        pairs(&[("1er", "Définitions"), ("2", "Objet"), ("3", "Durée")])
    );
}

/// The real ENA–DINUM convention (articles 1 to 11, « Article N : Titre »), a first article
/// inserted before its « Objet de la convention ».
#[test]
fn a_new_first_article_in_the_ena_convention() {
    let old = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/conventions/ena-dinum-2021.md"
    ))
    .expect("the ENA convention");
    let new = old.replacen(
        "Article 1 : Objet de la convention",
        "Article 1 A : Définitions\n\nAu sens de la présente convention, « le service » désigne le service numérique commun.\n\nArticle 1 : Objet de la convention",
        1,
    );
    let before = articles(&avenant::parse_str("old.md", &old));
    for renumber in [false, true] {
        let (md, got) = act_and_articles(&old, &new, renumber);
        assert!(
            md.contains("Avant l'article 1er de la convention, il est inséré un article 1 A"),
            "{md}"
        );
        assert_eq!(got.len(), before.len() + 1, "{md}");
        assert_eq!(got[0], ("1 A".to_string(), "Définitions".to_string()));
        assert_eq!(got[1..], before[..]);
    }
}
