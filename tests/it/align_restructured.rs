//! An alinéa that became the heading of a sub-division (with, at most, its first alinéa), or a
//! heading-only sub-division that became an alinéa, is paired with it and reported as
//! restructured, never as deleted and inserted: the APL foyer convention 2022 → 2026 (its
//! annex), the Canopé convention edited as a new version would be, and the kiosque
//! occupation convention of corpus/align.

use avenant::align::{align, AlignOptions, Basis};
use avenant::diff::{compare, DiffOptions};
use avenant::render::diff_common::DiffRenderOptions;
use avenant::{Document, NodeId};

use crate::align_pairs::soffice;

/// « old>new » of every restructured pair.
fn restructured(old: &Document, new: &Document) -> Vec<String> {
    let key =
        |d: &Document, id: Option<NodeId>| id.map_or("-".to_string(), |i| d.node(i).key.clone());
    align(old, new, &AlignOptions::default())
        .iter()
        .filter(|p| p.basis == Basis::Restructured)
        .map(|p| format!("{}>{}", key(old, p.old), key(new, p.new)))
        .collect()
}

fn reports(old: Document, new: Document) -> (String, String, String) {
    let cmp = compare(old, new, &DiffOptions::default());
    let options = DiffRenderOptions::default();
    let mut term = Vec::new();
    avenant::render::diff_terminal::write_diff_terminal(&cmp, &options, &mut term).unwrap();
    let mut md = Vec::new();
    avenant::render::diff_md::write_diff_md(&cmp, &options, &mut md).unwrap();
    let mut html = Vec::new();
    avenant::render::html::write_diff_html(&cmp, &options, &mut html).unwrap();
    (
        String::from_utf8(term).unwrap(),
        String::from_utf8(md).unwrap(),
        String::from_utf8(html).unwrap(),
    )
}

#[test]
fn apl_foyer_annex_alineas_that_became_subdivisions() {
    let dir = format!("{}/../shared/corpus/real", env!("CARGO_MANIFEST_DIR"));
    let read = |f: &str| {
        avenant::read(
            std::path::Path::new(&format!("{dir}/{f}")),
            &Default::default(),
        )
        .ok()
    };
    let (Some(old), Some(new)) = (
        read("apilos-convention-apl-foyer-2022-12-06.docx"),
        read("apilos-convention-apl-foyer-2026-06-10.docx"),
    ) else {
        eprintln!("real corpus absent: skipped");
        return;
    };
    // The annex's opening alinéa « Description de l'opération {{ programme.nom }}, pour … »
    // is the new I « Nom et adresse du logement-foyer : {{ programme.nom }}, de … »; in 5°,
    // « 5.1. Permis de construire : … » and « 5.4. Modalités de financement. » are IV B and
    // IV C; in 3° A, the point « 2. Surface habitable totale … : {{ sh_totale|f }} m² » is now
    // III A's first alinéa « Surface habitable totale : {{ surface_habitable_totale ».
    assert_eq!(
        restructured(&old, &new),
        [
            "annexe/al-1>annexe/i",
            "annexe/3o/a/2>annexe/iii/a/al-1",
            "annexe/5o/al-1>annexe/iv/b",
            "annexe/5o/al-4>annexe/iv/c",
        ]
    );
    let (term, md, html) = reports(old, new);
    assert!(
        term.contains("(alinéa devenu intitulé, depuis annexe, 5°, alinéa 4, modifiée) — [-5.4-]{+C+}. Modalités de financement"),
        "{term}"
    );
    assert!(!term.contains("[-5.1. Permis de construire"), "{term}");
    // « 2. » was the point's number, not a value.
    assert!(!term.contains("« 2. »"), "{term}");
    assert!(
        md.contains("Alinéa devenu intitulé, depuis annexe, 5°, alinéa 1"),
        "{md}"
    );
    assert!(
        html.contains("Alinéa devenu intitulé, depuis annexe, 5°, alinéa 1"),
        "{html}"
    );
}

#[test]
fn canope_rib_alinea_became_a_sub_article() {
    // Article 5.3 « Modalités de versement »: its account alinéa « Titulaire : SCBCM SERVICES
    // PREMIER MINISTRE Domiciliation : … » becomes a sub-article 5.3.1 whose heading names the
    // holder and whose first alinéa gives the bank details, the bank code changed.
    let Some(old) = soffice("seed-canope") else {
        return;
    };
    let line = old
        .lines()
        .find(|l| {
            l.replace('\u{a0}', " ")
                .trim_start()
                .starts_with("Titulaire : SCBCM")
        })
        .expect("RIB line")
        .to_string();
    let (holder, bank) = line
        .trim()
        .split_at(line.trim().find("Domiciliation").expect("Domiciliation"));
    let new = old.replace(
        &line,
        &format!(
            "5.3.1 {}\n{}",
            holder.trim(),
            bank.replace("30001", "30002")
        ),
    );
    let (o, n) = (
        avenant::parse_str("v1", &old),
        avenant::parse_str("v2", &new),
    );
    assert_eq!(
        restructured(&o, &n),
        [
            "article-5.3/al-3>article-5.3.1",
            "article-5.3/al-3>article-5.3.1/al-1"
        ]
    );
    // The drafter amends units of one kind: the alinéa deleted, the sub-article inserted,
    // and the act, applied to the old version, gives the new one back.
    let cmp = compare(o.clone(), n.clone(), &DiffOptions::default());
    avenant::avenant::draft_checked(&cmp, &avenant::avenant::DraftOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let (term, md, _) = reports(o, n);
    assert!(
        term.contains("suite de l'intitulé, depuis article 5.3, alinéa 3"),
        "{term}"
    );
    assert!(term.contains("[-30001-]{+30002+}"), "{term}");
    assert!(!term.contains("« 5.3.1 »"), "{term}");
    assert!(!term.contains("(supprimé)"), "{term}");
    assert!(md.contains("Alinéa devenu intitulé"), "{md}");
}

#[test]
fn kiosque_annex_points_became_subdivisions() {
    let read = |y: &str| {
        std::fs::read_to_string(format!(
            "{}/corpus/align/aot-kiosque-{y}.md",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("corpus/align")
    };
    let (o, n) = (
        avenant::parse_str("v1", &read("2024")),
        avenant::parse_str("v2", &read("2026")),
    );
    assert_eq!(
        restructured(&o, &n),
        [
            "annexe-1/al-1>annexe-1/i",
            "annexe-1/al-1>annexe-1/i/al-1",
            "annexe-1/ii/al-1>annexe-1/iii/a",
            "annexe-1/ii/al-1>annexe-1/iii/a/al-1",
            "annexe-1/ii/al-2>annexe-1/iii/b",
            "annexe-1/ii/al-2>annexe-1/iii/b/al-1",
            "annexe-1/ii/al-3>annexe-1/iii/c",
            "annexe-1/ii/al-3>annexe-1/iii/c/al-1",
        ]
    );
    let cmp = compare(o.clone(), n.clone(), &DiffOptions::default());
    avenant::avenant::draft_checked(&cmp, &avenant::avenant::DraftOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let (term, _, _) = reports(o, n);
    for want in [
        "[-24-]{+30+}",
        "[-4 800 €-]{+5 400 €+}",
        "[-1 200 €-]{+1 500 €+}",
    ] {
        assert!(term.contains(want), "{want}\n{term}");
    }
    assert!(!term.contains("(inséré"), "{term}");
}

/// A heading-only sub-division that became an alinéa, and an alinéa whose words are not the
/// heading's subject (a footnote quoting a decree a heading also cites) stays unpaired.
#[test]
fn converse_and_guard() {
    let old = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet l'occupation du kiosque.\n\n\
               Annexe 1 : Conditions\n\nI. Redevance\n\nQuatre mille euros par an.\n\n\
               II. Enseigne lumineuse autorisée sur la façade nord du kiosque\n\n\
               III. Horaires\n\nDe 10 heures à 19 heures.\n\n\
               (1) Établie conformément au décret n° 55-22 du 4 janvier 1955.\n";
    let new = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet l'occupation du kiosque.\n\n\
               Annexe 1 : Conditions\n\nI. Redevance\n\nQuatre mille euros par an.\n\n\
               Une enseigne lumineuse est autorisée sur la façade nord du kiosque.\n\n\
               II. Horaires\n\nDe 10 heures à 19 heures.\n\n\
               III. Origine de propriété [établie conformément au décret n° 55-22 du 4 janvier 1955]\n";
    let (o, n) = (avenant::parse_str("v1", old), avenant::parse_str("v2", new));
    let r = restructured(&o, &n);
    assert!(r.iter().any(|p| p.starts_with("annexe-1/ii>")), "{r:?}");
    assert!(!r.iter().any(|p| p.ends_with(">annexe-1/iii")), "{r:?}");
}

/// An alinéa that became a sub-article's heading and its two alinéas (« Charges : … état
/// annuel. Elles donnent lieu … » → 4.1 « Charges de fluides » + two alinéas), and the converse,
/// a sub-article's heading and alinéas that became one alinéa (5.1 « Responsabilité civile » →
/// « Responsabilité civile : l'association souscrit … »): each is paired whole, its alinéas
/// with it, and read as restructured (corpus/align/mad-local, a convention de mise à
/// disposition de locaux).
#[test]
fn mad_local_alinea_and_sub_article_with_several_alineas() {
    let read = |y: &str| {
        std::fs::read_to_string(format!(
            "{}/corpus/align/mad-local-{y}.md",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("corpus/align")
    };
    let (o, n) = (
        avenant::parse_str("v1", &read("2023")),
        avenant::parse_str("v2", &read("2026")),
    );
    assert_eq!(
        restructured(&o, &n),
        [
            "article-4/al-2>article-4.1",
            "article-4/al-2>article-4.1/al-1",
            "article-4/al-2>article-4.1/al-2",
            "article-5.1>article-5/al-1",
        ]
    );
    // The converse's alinéas are merged into the new alinéa.
    let merged: Vec<String> = align(&o, &n, &AlignOptions::default())
        .iter()
        .filter(|p| p.basis == Basis::Merge)
        .map(|p| {
            format!(
                "{}>{}",
                p.old.map_or("-".into(), |i| o.node(i).key.clone()),
                p.new.map_or("-".into(), |i| n.node(i).key.clone())
            )
        })
        .collect();
    assert_eq!(
        merged,
        [
            "article-5.1/al-1>article-5/al-1",
            "article-5.1/al-2>article-5/al-1"
        ]
    );
    let cmp = compare(o.clone(), n.clone(), &DiffOptions::default());
    avenant::avenant::draft_checked(&cmp, &avenant::avenant::DraftOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let (term, md, html) = reports(o, n);
    for want in [
        "Article 4.1 (alinéa devenu intitulé, depuis article 4, alinéa 2, modifié)",
        "Alinéa 2 (nouveau) (suite de l'intitulé, depuis article 4, alinéa 2, modifié) : Elles donnent lieu à une provision trimestrielle de [-150 €-]{+180 €+}",
        "Alinéa 1 (nouveau) (intitulé et alinéas réunis en un alinéa, depuis article 5.1, modifié) : [-5.1-] Responsabilité civile",
        "{+, puis chaque année+}",
    ] {
        assert!(term.contains(want), "{want}\n{term}");
    }
    assert!(!term.contains("(inséré"), "{term}");
    assert!(!term.contains("(supprimé"), "{term}");
    // The tableau comparatif shows the old alinéa once, with the words each part changed,
    // and the new alinéa once, with all its changes.
    assert!(
        md.contains("Charges ~~:~~ ~~les~~ charges de fluides (eau, électricité, chauffage) sont remboursées par l'association à la commune sur présentation d'un état annuel. Elles donnent lieu à une provision trimestrielle de ~~150 €~~"),
        "{md}"
    );
    assert_eq!(md.matches("Charges ~~:~~").count(), 1, "{md}");
    assert!(md.contains("~~5.1~~ Responsabilité civile"), "{md}");
    assert!(
        md.contains("avant la première utilisation**, puis chaque année**"),
        "{md}"
    );
    assert!(
        html.contains("ntitulé et alinéas réunis en un alinéa"),
        "{html}"
    );
}

/// The number of a new sub-article made from an alinéa (« 3.1 », « 5.3.1 ») or of a point
/// that became an alinéa (APL foyer, 3° A « 2. Surface habitable totale … ») is structure, not
/// a value the parties changed: no « le nombre « 3.1 » ajouté » note.
#[test]
fn a_restructured_units_number_is_no_value_note() {
    let old = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet l'occupation du kiosque.\n\n\
               Article 2 : Redevance\n\nRedevance annuelle d'occupation : 4 800 € hors taxes.\n";
    let new = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet l'occupation du kiosque.\n\n\
               Article 2 : Redevance\n\n2.1 Redevance annuelle d'occupation\n\n5 400 € hors taxes.\n";
    let (o, n) = (avenant::parse_str("v1", old), avenant::parse_str("v2", new));
    assert_eq!(
        restructured(&o, &n),
        [
            "article-2/al-1>article-2.1",
            "article-2/al-1>article-2.1/al-1"
        ]
    );
    let (term, md, _) = reports(o, n);
    assert!(!term.contains("« 2.1 »"), "{term}");
    assert!(!md.contains("« 2.1 »"), "{md}");
    assert!(term.contains("[-4 800 €-]{+5 400 €+}"), "{term}");
}
