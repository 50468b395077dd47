//! `apply` on avenants that carry their instructions in their annex (blind finding 28): the
//! JORF form of every motorway concession avenant, « Le cahier des charges … est modifié
//! conformément aux dispositions figurant en annexe au présent avenant », then an « Annexe »
//! whose « Article 25 » holds « Au paragraphe 25.2.c, il est inséré un dernier alinéa, rédigé
//! comme suit : » and the new alinéa, unquoted. Tested on two real avenants of décret
//! n° 2011-120 (COFIROUTE, ESCOTA), each on a stand-in of its cahier des charges (the real ones
//! are not public as small texts: see `corpus/concessions/README.md`).

use super::common::alinea_texts;
use avenant::avenant::{apply, parse_avenant};
use avenant::Document;

const COFIROUTE: &str = "corpus/blind/cofiroute-avenant-15-2011-01-27.txt";
const ESCOTA: &str = "corpus/concessions/escota-avenant-13-2011-01-27.txt";
const APRR: &str = "corpus/concessions/aprr-avenant-14-2011-01-27.txt";
const LETTRES: &str = "corpus/concessions/cahier-des-charges-points-lettres.md";
const ROMAINS: &str = "corpus/concessions/cahier-des-charges-points-romains.md";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn applied(conv: &str, avenant: &str) -> Result<Document, String> {
    let conv = avenant::parse_str("convention.md", conv);
    let av = parse_avenant(avenant).map_err(|e| e.to_string())?;
    apply(&conv, &av).map_err(|e| e.to_string())
}

#[test]
fn cofiroute_annex_adds_a_last_alinea_to_point_25_2_c() {
    let doc = applied(&read(LETTRES), &read(COFIROUTE)).unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-25.2");
    assert_eq!(
        got[got.len() - 3..],
        [
            "Le taux de hausse annuelle applicable au tarif kilométrique moyen interurbain (TKMI) est égal à 70 % de l'inflation.",
            "Ce taux s'applique au 1er février de chaque année.",
            "Pour les années 2011 et 2012, le taux de hausse annuelle applicable au tarif kilométrique moyen interurbain (TKMI) sera en outre majoré d'une hausse de 0,30 % en 2011 et 0,14 % en 2012 en compensation de l'augmentation du tarif de la taxe d'aménagement du territoire prévue par la loi de finances initiale pour 2011.",
        ]
    );
    // Nothing else changed: articles 24 and 26, points a) and b).
    assert_eq!(got.len(), 8, "{got:?}");
    assert_eq!(
        alinea_texts(&doc, "article-26"),
        ["L'Etat contrôle la société concessionnaire."]
    );
}

#[test]
fn cofiroute_avenant_reads_one_instruction_from_its_annex() {
    // Articles 2 and 3 (entry into force, publication costs) are the avenant's own clauses.
    let av = parse_avenant(&read(COFIROUTE)).unwrap_or_else(|e| panic!("{e}"));
    let all: Vec<_> = av.articles.iter().flat_map(|a| &a.instructions).collect();
    assert_eq!(all.len(), 1, "{all:?}");
    let t = &all[0].target;
    assert_eq!(
        (t.unit.clone(), t.item.clone()),
        (
            avenant::avenant::model::Unit::article("25.2"),
            vec!["c".to_string()]
        )
    );
}

#[test]
fn escota_annex_inserts_an_alinea_after_the_third_of_point_25_2_ii() {
    let doc = applied(&read(ROMAINS), &read(ESCOTA)).unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-25.2");
    assert_eq!(got.len(), 7, "{got:?}");
    assert_eq!(
        got[3],
        "Les tarifs de la classe 1 évoluent selon le contrat de plan."
    );
    assert!(
        got[4].starts_with("Pour les exercices 2011 et 2012, l'évolution des tarifs de péage (HT)"),
        "{got:?}"
    );
    assert!(
        got[5].starts_with("Un an au moins avant l'expiration"),
        "{got:?}"
    );
    assert_eq!(
        got[6],
        "III. – Les tarifs sont affichés aux gares de péage."
    );
}

#[test]
fn an_annexed_instruction_for_a_point_the_convention_lacks_is_refused() {
    // COFIROUTE's « 25.2.c » on a cahier whose points are Roman, ESCOTA's third alinéa of
    // « 25.2.II » on one whose points are letters: refused, quoting the sentence.
    let e = applied(&read(ROMAINS), &read(COFIROUTE)).expect_err("no point c");
    assert!(
        e.contains(
            "« Au paragraphe 25.2.c, il est inséré un dernier alinéa, rédigé comme suit : »"
        ) && e.contains("n'existe pas"),
        "{e}"
    );
    let e = applied(&read(LETTRES), &read(ESCOTA)).expect_err("no point II");
    // A Roman number takes no elision: « du II », never « de l'II ».
    assert!(
        e.contains("le troisième alinéa du II de l'article 25.2") && e.contains("n'existe pas"),
        "{e}"
    );
}

#[test]
fn a_sentence_whose_quotation_marks_were_lost_designates_the_alinea_it_opens() {
    // APRR, AREA, SANEF and SAPN avenants of the same decree: « avant la phrase : Un an au
    // moins … du précédent , il est inséré un alinéa rédigé comme suit : », the quoted
    // sentence published without its quotation marks. It runs to the comma before « il est
    // inséré », and must open an alinéa of the point: the new alinéa goes before that one.
    let doc = applied(&read(ROMAINS), &read(APRR)).unwrap_or_else(|e| panic!("{e}"));
    let got = alinea_texts(&doc, "article-25.2");
    let new = got
        .iter()
        .position(|a| a.starts_with("Pour les années 2011 et 2012, l'augmentation des tarifs"))
        .expect("inserted");
    assert!(
        got[new + 1].starts_with("Un an au moins avant l'expiration du contrat de plan"),
        "{got:#?}"
    );
    // Nothing else moved: one alinéa more.
    let before = alinea_texts(
        &avenant::parse_str("convention.md", &read(ROMAINS)),
        "article-25.2",
    );
    assert_eq!(got.len(), before.len() + 1);
}

#[test]
fn a_phrase_that_opens_no_alinea_is_refused() {
    // The same instruction, its phrase changed so that no alinéa of 25.2 opens with it: one
    // that the cahier does not have, and one that stands inside an alinéa.
    let aprr = read(APRR);
    for (from, to) in [
        (
            "avant la phrase :  Un an au moins",
            "avant la phrase :  Deux ans au moins",
        ),
        (
            "avant la phrase :  Un an au moins avant l'expiration du contrat de plan en vigueur, ",
            "avant la phrase :  ",
        ),
    ] {
        assert!(aprr.contains(from));
        let e = applied(&read(ROMAINS), &aprr.replace(from, to)).expect_err("refused");
        assert!(
            e.contains("aucun alinéa ne commence par") && e.contains("avant la phrase :"),
            "{e}"
        );
    }
}

#[test]
fn an_announced_annex_without_instructions_is_refused() {
    let cofiroute = read(COFIROUTE);
    let cut = cofiroute.find("\nArticle 25\n").expect("annex article");
    let e = applied(&read(LETTRES), &cofiroute[..cut]).expect_err("no instruction");
    assert!(
        e.contains("aucune instruction de modification ne figure en annexe")
            && e.contains("est modifié conformément aux dispositions figurant en annexe"),
        "{e}"
    );
}

#[test]
fn the_binary_applies_both_real_avenants() {
    for (conv, av) in [(LETTRES, COFIROUTE), (ROMAINS, ESCOTA)] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_avenant"))
            .args(["apply", conv, av])
            .output()
            .expect("binary runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{av}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("en compensation de l'augmentation du tarif"),
            "{text}"
        );
    }
}

/// Text inserted unquoted runs to the next instruction, over several lines.
#[test]
fn unquoted_new_text_runs_to_the_next_instruction() {
    let conv = "Convention\n\nArticle 1er\n\nTexte un.\n\nArticle 2\n\nTexte deux.\n\nArticle 3\n\nTexte trois.\n";
    let av = "Avenant n° 1 à la convention\n\nArticle 1er\n\nL'article 1er est rédigé comme suit :\n\nPremier alinéa nouveau.\n\nSecond alinéa nouveau.\n\nL'article 2 est complété par un alinéa rédigé comme suit :\n\nAlinéa ajouté.\n\nL'article 3 est abrogé.\n";
    let doc = applied(conv, av).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        alinea_texts(&doc, "article-1"),
        ["Premier alinéa nouveau.", "Second alinéa nouveau."]
    );
    assert_eq!(
        alinea_texts(&doc, "article-2"),
        ["Texte deux.", "Alinéa ajouté."]
    );
    let mut out = Vec::new();
    avenant::render::markdown::write_markdown(&doc, &mut out).expect("render");
    let out = String::from_utf8(out).expect("utf-8");
    assert!(!out.contains("Texte trois"), "{out}");
}
