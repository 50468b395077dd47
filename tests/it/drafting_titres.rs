//! Articles numbered again in each titre (blind findings 22, 24): an act names such an article
//! with its titre, « À l'article 2 du titre II de la convention, … », « L'article 1er du titre
//! III de la convention est supprimé. », and `apply` finds it there, never the first article 2
//! of the convention. Two texts: Chartrettes (real) and the occupation convention of
//! `corpus/structure/titres-renumerotes.txt`.

use avenant::avenant::{draft_checked, render::markdown, DraftOptions};
use avenant::diff::{compare, DiffOptions};

fn act(name: &str, old: &str, new: &str) -> String {
    assert_ne!(old, new);
    let cmp = compare(
        avenant::parse_str(name, old),
        avenant::parse_str(name, new),
        &DiffOptions::default(),
    );
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    markdown(&av).replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn chartrettes_article_2_of_titre_2_is_named_with_its_titre() {
    let name = "chartrettes-convention-equipements-sportifs-maire-gros.txt";
    let old = std::fs::read_to_string(format!("corpus/blind/{name}")).expect("corpus");
    let new = old.replacen("Signer la convention", "Signer la présente convention", 1);
    let md = act(name, &old, &new);
    assert!(
        md.contains("Modification de l'article 2 du titre 2 de la convention"),
        "{md}"
    );
    assert!(
        md.contains("l'article 2 du titre 2 de la convention"),
        "{md}"
    );
}

#[test]
fn occupation_articles_of_titres_2_and_3_are_named_with_their_titre() {
    let name = "titres-renumerotes.txt";
    let old = std::fs::read_to_string(format!("corpus/structure/{name}")).expect("corpus");
    let new = old
        .replacen("assurance couvrant", "assurance annuelle couvrant", 1)
        .replacen(
            "Article 1 – Résiliation",
            "Article 1 – Résiliation anticipée",
            1,
        );
    let md = act(name, &old, &new);
    assert!(md.contains("l'article 2 du titre II"), "{md}");
    assert!(md.contains("l'article 1er du titre III"), "{md}");
}
