//! Alinéas under an intertitle of an article (`article-3/adhesion`, blind findings 21, 22 and
//! 4, 9): `apply` counts an article's own alinéas only, so a change under an intertitle is
//! drafted as words quoted at the article (« À l'article 5, la durée : « 1 mois » est
//! remplacée … »), each quotation unique in the whole article; an intertitle removed rewrites
//! the article whole, one added is inserted before the alinéa it opens. Real documents:
//! Chartrettes, the CGU of API Entreprise, and the règlement of
//! `corpus/structure/intertitres-article.md`.

use avenant::avenant::{draft_checked, render::markdown, DraftOptions};
use avenant::diff::{compare, DiffOptions};

/// The verified act between two texts read under the file's own name.
fn act(name: &str, old: &str, new: &str) -> String {
    let cmp = compare(
        avenant::parse_str(name, old),
        avenant::parse_str(name, new),
        &DiffOptions::default(),
    );
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    markdown(&av).replace(['\u{a0}', '\u{202f}'], " ")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).expect("corpus")
}

#[test]
fn cgu_words_under_the_adhesion_intertitle_are_replaced_at_article_3() {
    let name = "api-entreprise-cgu-2018-06-15.txt";
    let old = read(&format!("corpus/blind/{name}"));
    let new = old.replacen("durée maximum de 2 ans", "durée maximum de 3 ans", 1);
    assert_ne!(old, new);
    let md = act(name, &old, &new);
    assert!(
        md.contains("À l'article 3 des conditions générales, la durée : « 2 ans » est remplacée par la durée : « 3 ans »"),
        "{md}"
    );
    assert!(!md.contains("ainsi rédigé"), "{md}");
}

#[test]
fn reglement_words_under_two_intertitles_are_replaced_at_article_2() {
    let name = "intertitres-article.md";
    let old = read(&format!("corpus/structure/{name}"));
    let new = old
        .replacen("deux mois avant", "trois mois avant", 1)
        .replacen("restent acquises", "demeurent acquises", 1);
    let md = act(name, &old, &new);
    assert!(
        md.contains("« deux mois »") || md.contains("« deux »"),
        "{md}"
    );
    assert!(
        md.contains("« demeurent »") || md.contains("« demeurent acquises »"),
        "{md}"
    );
    assert!(!md.contains("ainsi rédigé"), "{md}");
}

#[test]
fn reglement_intertitle_removed_rewrites_article_4() {
    let name = "intertitres-article.md";
    let old = read(&format!("corpus/structure/{name}"));
    let new = old.replacen("### Consignes\n\n", "", 1);
    assert_ne!(old, new);
    let md = act(name, &old, &new);
    assert!(
        md.contains("L'article 4 du règlement est ainsi rédigé"),
        "{md}"
    );
    assert!(!md.contains("« Consignes"), "{md}");
}

#[test]
fn chartrettes_intertitle_removed_rewrites_article_5() {
    let name = "chartrettes-convention-equipements-sportifs-maire-gros.txt";
    let old = read(&format!("corpus/blind/{name}"));
    let new = old.replacen("### PROGRAMMATION :\n", "", 1);
    assert_ne!(old, new);
    let md = act(name, &old, &new);
    assert!(
        md.contains("L'article 5 du titre 2 de la convention est ainsi rédigé"),
        "{md}"
    );
    assert!(!md.contains("« PROGRAMMATION"), "{md}");
}

/// An intertitle added inside an article is inserted before the alinéa it opens, that
/// alinéa designated by its first words (counting alinéas would not do: `apply` counts the
/// article's own ones only, and an intertitle takes them under it). Two real documents: the
/// règlement (an article without intertitles gains one) and the CGU of API Entreprise (an
/// intertitle added in the middle of another one, « Adhésion »). `draft_checked` has applied
/// each act back to the new version.
#[test]
fn an_intertitle_added_is_inserted_before_the_alinea_it_opens() {
    let name = "intertitres-article.md";
    let old = read(&format!("corpus/structure/{name}"));
    let new = old.replacen(
        "Les tarifs sont fixés",
        "### Montants\n\nLes tarifs sont fixés",
        1,
    );
    let md = act(name, &old, &new);
    assert!(
        md.contains("Avant l'alinéa de l'article 3 du règlement commençant par les mots : « Les tarifs sont », il est inséré un intertitre ainsi rédigé :\n\n« Montants »"),
        "{md}"
    );
    assert!(!md.contains("ainsi rédigé :\n\n« Article 3"), "{md}");

    let name = "api-entreprise-cgu-2018-06-15.txt";
    let old = read(&format!("corpus/blind/{name}"));
    let new = old.replacen(
        "- **Le Partenaire peut transmettre le jeton",
        "### Sous-traitance\n\n- **Le Partenaire peut transmettre le jeton",
        1,
    );
    assert_ne!(old, new);
    let md = act(name, &old, &new);
    assert!(
        md.contains("il est inséré un intertitre ainsi rédigé :\n\n« Sous-traitance »"),
        "{md}"
    );
    assert!(
        md.contains("commençant par les mots : « Le Partenaire peut »"),
        "{md}"
    );
}

/// An intertitle added together with a new alinéa under it (issue 13, note8's gap): quotation
/// marks cannot tell an intertitle from an alinéa, so the article is rewritten with its
/// alinéas only, then each intertitle is inserted before the alinéa it opens, designated by
/// its first words. Two real documents: the règlement (an article without intertitles gains
/// one and an alinéa) and the Chartrettes convention (its article 5 of titre 2, with the
/// intertitle « PROGRAMMATION », gains a second one and an alinéa). `draft_checked` has applied
/// each act back. The CGU of API Entreprise too: its article 3, quoted whole, keeps the `**`
/// its text holds around a bold item wrapped over two lines (they were read as emphasis and
/// dropped, and the act was refused).
#[test]
fn an_intertitle_added_with_new_alineas_is_drafted_and_verified() {
    let name = "intertitres-article.md";
    let old = read(&format!("corpus/structure/{name}"));
    let new = old.replacen(
        "Les tarifs sont fixés",
        "### Montants\n\nLes montants sont en euros.\n\nLes tarifs sont fixés",
        1,
    );
    let md = act(name, &old, &new);
    assert!(
        md.contains("L'article 3 du règlement est ainsi rédigé :\n\n« Article 3 – Tarifs\n\n« Les montants sont en euros.\n\n« Les tarifs sont fixés"),
        "{md}"
    );
    assert!(
        md.contains("Avant l'alinéa de l'article 3 commençant par les mots : « Les montants sont », il est inséré un intertitre ainsi rédigé :\n\n« Montants »"),
        "{md}"
    );
    // The intertitle is never quoted as an alinéa.
    assert!(!md.contains("« Montants\n"), "{md}");

    let name = "chartrettes-convention-equipements-sportifs-maire-gros.txt";
    let old = read(&format!("corpus/blind/{name}"));
    let new = old.replacen(
        "Chaque clé est nominative.",
        "### CLÉS :\n\nLes clés sont remises par la mairie.\n\nChaque clé est nominative.",
        1,
    );
    assert_ne!(old, new);
    let md = act(name, &old, &new);
    assert!(
        md.contains("L'article 5 du titre 2 de la convention est ainsi rédigé :"),
        "{md}"
    );
    assert!(
        md.contains("Avant l'alinéa de l'article 5 du titre 2 commençant par les mots : « Les clés sont », il est inséré un intertitre ainsi rédigé :\n\n« CLÉS »"),
        "{md}"
    );
    // The intertitle the article had is put back before the alinéa it opened.
    assert!(
        md.contains("commençant par les mots : « Pour les programmations annuelles », il est inséré un intertitre ainsi rédigé :\n\n« PROGRAMMATION »"),
        "{md}"
    );

    let name = "api-entreprise-cgu-2018-06-15.txt";
    let old = read(&format!("corpus/blind/{name}"));
    let new = old.replacen(
        "- **Le Partenaire peut transmettre le jeton",
        "### Sous-traitance\n\nLe Partenaire choisit ses sous-traitants.\n\n- **Le Partenaire peut transmettre le jeton",
        1,
    );
    let md = act(name, &old, &new);
    assert!(
        md.contains("« – \\*\\*Le Partenaire demande l'accès aux seules données strictement nécessaires à la réalisation d'une démarche administrative.\\*\\*"),
        "{md}"
    );
    assert!(
        md.contains("il est inséré un intertitre ainsi rédigé :\n\n« Sous-traitance »"),
        "{md}"
    );
}

/// An alinéa added under an intertitle the article already has: the same rewrite, each
/// intertitle put back (`apply` counts the article's own alinéas only, so « Après le premier
/// alinéa … » cannot reach under an intertitle).
#[test]
fn an_alinea_added_under_an_intertitle_rewrites_the_article_and_its_intertitles() {
    let name = "intertitres-article.md";
    let old = read(&format!("corpus/structure/{name}"));
    let new = old.replacen(
        "La réservation est confirmée par écrit",
        "Une caution est demandée.\n\nLa réservation est confirmée par écrit",
        1,
    );
    let md = act(name, &old, &new);
    assert!(
        md.contains("L'article 2 du règlement est ainsi rédigé :"),
        "{md}"
    );
    assert!(
        md.contains("Avant l'alinéa de l'article 2 commençant par les mots : « Une caution est », il est inséré un intertitre ainsi rédigé :\n\n« Confirmation »"),
        "{md}"
    );
}
