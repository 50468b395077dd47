//! A sub-article inserted first under an article that has alinéas of its own (issue 13, brief
//! item 2): drafted « Après le dernier alinéa de l'article 5.3, il est inséré un article 5.3.1
//! ainsi rédigé : » — never « Au début de l'article 5.3 », which would put it before those
//! alinéas — and read back by `apply` at that place. Two real conventions (Canopé, ENA).

use avenant::avenant::{apply, parse_avenant, DraftOptions};

fn act(old: &str, new: &str) -> String {
    crate::common::verified_act(old, new, &DraftOptions::default())
}

const SUB: &str = "Les parties se communiquent les pièces justificatives.";

#[test]
fn a_first_sub_article_after_the_alineas_of_canope_5_3() {
    let old = std::fs::read_to_string("corpus/11-renouvellement-canope/old.md").expect("corpus");
    let new = old.replacen(
        "5.4 Imputation budgétaire",
        &format!("5.3.1 Pièces justificatives\n\n{SUB}\n\n5.4 Imputation budgétaire"),
        1,
    );
    let md = act(&old, &new);
    assert!(
        md.contains("Après le dernier alinéa de l'article 5.3 de la convention, il est inséré un article 5.3.1 ainsi rédigé"),
        "{md}"
    );
    assert!(!md.contains("Au début de l'article 5.3"), "{md}");
}

#[test]
fn a_first_sub_article_after_the_alineas_of_ena_4() {
    let old = std::fs::read_to_string("corpus/12-renouvellement-ena/old.md").expect("corpus");
    let new = old.replacen(
        "Article 5 : Modification du document",
        &format!("4.1 Pièces justificatives\n\n{SUB}\n\nArticle 5 : Modification du document"),
        1,
    );
    let md = act(&old, &new);
    assert!(
        md.contains("Après le dernier alinéa de l'article 4 de la convention, il est inséré un article 4.1 ainsi rédigé"),
        "{md}"
    );
}

/// The guide's sentence, typed by a jurist, puts the sub-article after the article's alinéas
/// and before its other sub-articles (Canopé's article 5: one alinéa, then 5.1 …).
#[test]
fn apply_reads_after_the_last_alinea_of_an_article() {
    let old = std::fs::read_to_string("corpus/11-renouvellement-canope/old.md").expect("corpus");
    let conv = avenant::parse_str("old.md", &old);
    let text = format!("Avenant n° 1 à la convention\n\nArticle 1er\n\nAprès le dernier alinéa de l'article 5, il est inséré un article 5.0 ainsi rédigé :\n\n« 5.0 Principe\n\n« {SUB} »\n");
    let av = parse_avenant(&text).unwrap_or_else(|e| panic!("{e}"));
    let doc = apply(&conv, &av).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    avenant::render::markdown::write_markdown(&doc, &mut out).expect("in memory");
    let out = String::from_utf8(out).expect("utf-8");
    let (a, b, c) = (
        out.find("liant Réseau Canopé à la Caisse des dépôts")
            .expect("alinéa"),
        out.find(SUB).expect("inserted"),
        out.find("5.1 Montant du financement").expect("5.1"),
    );
    assert!(a < b && b < c, "{out}");
    // A sub-article with its heading, not two alinéas.
    assert!(
        out.lines()
            .any(|l| l.starts_with('#') && l.contains("5.0") && l.ends_with("Principe")),
        "{out}"
    );
}
