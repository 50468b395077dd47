//! `apply` on an alinéa designated by the words it begins with (blind2 finding 12): « avant
//! [après] l'alinéa commençant par les mots : « … », il est inséré un alinéa ainsi rédigé : »,
//! « l'alinéa commençant par les mots : « … » est supprimé / ainsi rédigé », the guide de
//! légistique's form when alinéas are not counted. Two alinéas so opening is refused by name.

use super::common::alinea_texts;
use avenant::avenant::{apply, parse_avenant};
use avenant::Document;

const ROMAINS: &str = "corpus/concessions/cahier-des-charges-points-romains.md";
const APILOS: &str = "../shared/corpus/real/apilos-convention-apl-foyer-2022-12-06.pandoc.txt";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn applied(conv: &str, sentence: &str) -> Result<Document, String> {
    let conv = avenant::parse_str("convention.md", conv);
    let text = format!("Avenant\n\nArticle 1er\n\n{sentence}\n");
    let av = parse_avenant(&text).map_err(|e| e.to_string())?;
    apply(&conv, &av).map_err(|e| e.to_string())
}

#[test]
fn an_alinea_is_inserted_before_the_one_beginning_with_the_words_in_a_cahier() {
    let doc = applied(
        &read(ROMAINS),
        "À l'article 25, avant l'alinéa commençant par les mots : « Un an au moins avant l'expiration », il est inséré un alinéa ainsi rédigé :\n\n« Pour les années 2011 et 2012, la hausse est majorée. »",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-25.2");
    let new = got
        .iter()
        .position(|a| a == "Pour les années 2011 et 2012, la hausse est majorée.")
        .unwrap_or_else(|| panic!("{got:?}"));
    assert!(got[new + 1].starts_with("Un an au moins"), "{got:?}");
    assert_eq!(
        got[new - 1],
        "Les tarifs de la classe 1 évoluent selon le contrat de plan."
    );
    assert_eq!(got.len(), 7, "{got:?}");
}

#[test]
fn an_alinea_beginning_with_the_words_is_rewritten_deleted_or_followed_in_a_cahier() {
    let conv = read(ROMAINS);
    let doc = applied(
        &conv,
        "L'alinéa de l'article 25 commençant par les mots : « Le taux de hausse annuelle » est ainsi rédigé :\n\n« Le taux de hausse annuelle ne peut être inférieur à 80 % de l'inflation. »",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-25.2");
    assert_eq!(
        got[2],
        "Le taux de hausse annuelle ne peut être inférieur à 80 % de l'inflation."
    );
    assert_eq!(got.len(), 6, "{got:?}");
    let doc = applied(
        &conv,
        "À l'article 25, l'alinéa commençant par les mots : « Les tarifs de la classe 1 » est supprimé.",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-25.2");
    assert!(!got.iter().any(|a| a.contains("classe 1")), "{got:?}");
    assert_eq!(got.len(), 5, "{got:?}");
    let doc = applied(
        &conv,
        "À l'article 25, après l'alinéa commençant par les mots : « Les tarifs de la classe 1 », il est inséré un alinéa ainsi rédigé :\n\n« Les tarifs de la classe 2 suivent. »",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-25.2");
    assert_eq!(got[4], "Les tarifs de la classe 2 suivent.", "{got:?}");
}

#[test]
fn an_alinea_is_inserted_before_the_one_beginning_with_the_words_in_a_convention() {
    let doc = applied(
        &read(APILOS),
        "À l'article 1er, avant l'alinéa commençant par les mots : « Les personnes accueillies », il est inséré un alinéa ainsi rédigé :\n\n« Le gestionnaire est l'organisme signataire. »",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-1");
    let new = got
        .iter()
        .position(|a| a == "Le gestionnaire est l'organisme signataire.")
        .unwrap_or_else(|| panic!("{got:?}"));
    assert!(
        got[new + 1].starts_with("Les personnes accueillies"),
        "{got:?}"
    );
    assert!(
        got[new - 1].starts_with("La présente convention ouvre"),
        "{got:?}"
    );
}

#[test]
fn two_alineas_beginning_with_the_words_or_none_are_refused_by_name() {
    let e = applied(
        &read(APILOS),
        "À l'article 1er, l'alinéa commençant par les mots : « La présente convention » est supprimé.",
    )
    .expect_err("ambiguous");
    assert!(
        e.contains("2 alinéas commencent par les mots « La présente convention » à l'article 1er"),
        "{e}"
    );
    assert!(
        e.contains("l'avenant ne précise pas lequel est visé"),
        "{e}"
    );
    let e = applied(
        &read(ROMAINS),
        "À l'article 25, avant l'alinéa commençant par les mots : « Deux ans au moins », il est inséré un alinéa ainsi rédigé :\n\n« X. »",
    )
    .expect_err("missing");
    assert!(
        e.contains("aucun alinéa ne commence par les mots « Deux ans au moins » à l'article 25"),
        "{e}"
    );
}
