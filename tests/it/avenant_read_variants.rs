//! `parse_avenant` on the wordings jurists type besides the generator's own.

use super::common::alinea_texts;
use avenant::avenant::model::*;
use avenant::avenant::{apply, parse_avenant};

const AL1: &str = "La présente convention entre en vigueur à sa signature. Elle est conclue jusqu'au 30 juin 2021.";
const AL2: &str = "Les parties se réunissent annuellement en comité de pilotage. Le comité est présidé par la DINUM.";

fn convention() -> avenant::Document {
    avenant::parse_str(
        "c.md",
        &format!("Convention\n\nArticle 7 : Durée\n\n{AL1}\n\n{AL2}\n\nArticle 8 : Fin\n\nFin.\n"),
    )
}

fn read(body: &str) -> Vec<Instruction> {
    let text = format!(
        "AVENANT N° 2 à la convention de partenariat\n\nARTICLE 1 - Modification\n\n{body}\n"
    );
    let av = parse_avenant(&text).unwrap_or_else(|e| panic!("{body}\n{e}"));
    assert_eq!(av.numero, 2);
    av.articles
        .into_iter()
        .flat_map(|a| a.instructions)
        .collect()
}

fn replace(target: Target, old: &str, new: &str) -> Vec<Instruction> {
    vec![Instruction {
        target,
        op: Op::ReplaceWords {
            old: old.into(),
            new: new.into(),
            value_type: None,
        },
    }]
}

#[test]
fn straight_quotes_no_colon_termes_and_est_remplace_par() {
    let expected = replace(Target::article("7"), "30 juin 2021", "31 décembre 2021");
    for s in [
        "À l'article 7, les mots : \"30 juin 2021\" sont remplacés par les mots : \"31 décembre 2021\".",
        "À l'article 7, les mots « 30 juin 2021 » sont remplacés par les mots « 31 décembre 2021 ».",
        "A l'article 7 de la convention, les termes : « 30 juin 2021 » sont remplacés par les termes : « 31 décembre 2021 ».",
        "À l'article 7, les termes : « 30 juin 2021 » sont supprimés et remplacés par les termes : « 31 décembre 2021 ».",
        "À l'article 7, « 30 juin 2021 » est remplacé par « 31 décembre 2021 ».",
        "À l’article 7, les mots : “30 juin 2021” sont remplacés par les mots : “31 décembre 2021”.",
    ] {
        assert_eq!(read(s), expected, "{s}");
    }
    let out = apply(&convention(), &parse_avenant("Article 1er – M\n\nÀ l'article 7, les mots \"30 juin 2021\" sont remplacés par \"31 décembre 2021\".").unwrap()).unwrap();
    assert_eq!(
        out.node(out.get("article-7/al-1").unwrap()).text,
        "La présente convention entre en vigueur à sa signature. Elle est conclue jusqu'au 31 décembre 2021."
    );
}

#[test]
fn paragraphe_suivant_and_supprime_et_remplace_par() {
    let got = read("Il est ajouté à la fin de l'article 7 le paragraphe suivant :\n\n« Les données sont hébergées en France. »");
    assert_eq!(
        got,
        vec![Instruction {
            target: Target::article("7"),
            op: Op::AddAlineas {
                at: AlineaAt::End,
                alineas: vec!["Les données sont hébergées en France.".into()],
            },
        }]
    );
    // Unquoted paragraph after the colon.
    let got2 = read("Il est ajouté à la fin de l'article 7 le paragraphe suivant :\n\nLes données sont hébergées en France.");
    assert_eq!(got2, got);
    let got = read("Le premier alinéa de l'article 7 est supprimé et remplacé par :\n\n« La convention entre en vigueur le 1er janvier 2021. »");
    assert_eq!(
        got,
        vec![Instruction {
            target: Target::article("7").with_alinea(Position::Nth(1)),
            op: Op::RewriteAlineas {
                count: 1,
                alineas: vec!["La convention entre en vigueur le 1er janvier 2021.".into()],
            },
        }]
    );
    let got = read("La seconde phrase du deuxième alinéa de l'article 7 est supprimée et remplacée par : « Il se réunit à Paris. »");
    assert_eq!(
        got[0].op,
        Op::RewritePhrase {
            text: "Il se réunit à Paris.".into()
        }
    );
}

#[test]
fn chapeau_with_items_and_multi_alinea_quotation() {
    let got = read(
        "L'article 7 est ainsi modifié :\n\n1° Au premier alinéa, la date : « 30 juin 2021 » est remplacée par la date : « 31 décembre 2021 » ;\n\n2° Après le premier alinéa, sont insérés deux alinéas ainsi rédigés :\n\n« Un.\n\n« Deux. » ;\n\n3° Le dernier alinéa est supprimé.",
    );
    let a7 = || Target::article("7");
    assert_eq!(
        got,
        vec![
            Instruction {
                target: a7().with_alinea(Position::Nth(1)),
                op: Op::ReplaceWords {
                    old: "30 juin 2021".into(),
                    new: "31 décembre 2021".into(),
                    value_type: Some(ValueType::Date),
                },
            },
            Instruction {
                target: a7().with_alinea(Position::Nth(1)),
                op: Op::InsertAlineas {
                    alineas: vec!["Un.".into(), "Deux.".into()],
                },
            },
            Instruction {
                target: a7().with_alinea(Position::Last),
                op: Op::DeleteAlineas { count: 1 },
            },
        ]
    );
    // Applied in order, each counting alinéas as the previous one left them.
    let av = parse_avenant(
        "Article 1er – M\n\nL'article 7 est ainsi modifié :\n\n1° Après le premier alinéa, sont insérés deux alinéas ainsi rédigés :\n\n« Un.\n\n« Deux. » ;\n\n2° Le dernier alinéa est supprimé.",
    )
    .unwrap();
    let out = apply(&convention(), &av).unwrap();
    let a = out.get("article-7").unwrap();
    let texts: Vec<_> = out
        .alineas(a)
        .iter()
        .map(|i| out.node(*i).text.clone())
        .collect();
    assert_eq!(texts, [AL1, "Un.", "Deux."]);
}

#[test]
fn structural_sentences() {
    let got = read("Les articles 6 à 9 deviennent respectivement les articles 7 à 10.");
    assert_eq!(
        got[0].op,
        Op::Renumber {
            from: vec!["6".into(), "7".into(), "8".into(), "9".into()],
            to: vec!["7".into(), "8".into(), "9".into(), "10".into()],
        }
    );
    let got = read("L'intitulé de l'article 7 est ainsi rédigé : « Durée de la convention ».");
    assert_eq!(got[0].target, Target::article("7").with_heading());
    let got = read("Les deuxième et troisième alinéas de l'article 5 sont supprimés.");
    assert_eq!(
        got[0],
        Instruction {
            target: Target::article("5").with_alinea(Position::Nth(2)),
            op: Op::DeleteAlineas { count: 2 }
        }
    );
    let got = read("L'annexe 3 est supprimée.");
    assert_eq!(got[0].op, Op::DeleteAnnex);
    let got = read("Dans l'ensemble de la convention, les mots : « l'ENA » sont remplacés par les mots : « l'INSP ».");
    assert_eq!(
        got[0].op,
        Op::ReplaceEverywhere {
            old: "l'ENA".into(),
            new: "l'INSP".into(),
            value_type: None,
        }
    );
    let got = read("Dans l'ensemble de la convention, le montant : « 140 580 € » est remplacé par le montant : « 192 330 € ».");
    assert_eq!(
        got[0].op,
        Op::ReplaceEverywhere {
            old: "140 580 €".into(),
            new: "192 330 €".into(),
            value_type: Some(ValueType::Montant),
        }
    );
}

#[test]
fn renumbering_and_headings_apply() {
    let av = parse_avenant(
        "Article 1er – M\n\nAprès l'article 7 de la convention, il est inséré un article 7 bis ainsi rédigé :\n\n« Article 7 bis – Données\n\n« Les données restent en France. »\n\nArticle 2 – R\n\nL'article 8 devient l'article 9.\n\nArticle 3 – I\n\nL'intitulé de l'article 7 est ainsi rédigé : « Durée et fin ».",
    )
    .unwrap();
    let out = apply(&convention(), &av).unwrap();
    let keys: Vec<_> = out
        .articles()
        .iter()
        .map(|i| out.node(*i).key.clone())
        .collect();
    assert_eq!(keys, ["article-7", "article-7-bis", "article-9"]);
    assert_eq!(
        out.node(out.get("article-7").unwrap()).text,
        "Article 7 : Durée et fin"
    );
    assert_eq!(
        out.node(out.get("article-7-bis").unwrap()).text,
        "Article 7 bis : Données"
    );
}

/// A convention where « la DINUM » stands twice in article 7 and once in article 8.
fn twice() -> avenant::Document {
    avenant::parse_str(
        "c.md",
        "Convention\n\nArticle 7 : Pilotage\n\nLe comité est présidé par la DINUM.\n\nLe secrétariat est assuré par la DINUM.\n\nArticle 8 : Fin\n\nLa DINUM notifie la fin.\n",
    )
}

fn each(times: Option<u32>) -> Vec<Instruction> {
    vec![Instruction {
        target: Target::article("7"),
        op: Op::ReplaceWordsEach {
            old: "la DINUM".into(),
            new: "le SGMAP".into(),
            times,
        },
    }]
}

/// « les mots : « a » sont remplacés, deux fois, par les mots : « b » » (the legislator's count
/// of occurrences), « à chaque occurrence », « partout où ils figurent »: every occurrence in the
/// unit named, and exactly as many as the act says. The team's own forms, after the Guide de
/// légistique's wording: no published sentence in these forms was found (searched in session 9:
/// the stored pages, the texte adopté n° 376, the projet de loi audiovisuel's art. 22, and the
/// code index for « deux fois, par », « remplacé, deux fois », « à chaque occurrence, par »), so
/// they are not counted among the real sentences of `applyread_catalogue.rs`.
#[test]
fn a_replacement_said_of_every_occurrence_or_counted() {
    for (s, times) in [
        ("À l'article 7, les mots : « la DINUM » sont remplacés, deux fois, par les mots : « le SGMAP ».", Some(2)),
        ("À l'article 7, les mots : « la DINUM » sont remplacés deux fois par les mots : « le SGMAP ».", Some(2)),
        ("À l'article 7, les mots : « la DINUM » sont remplacés, à chaque occurrence, par les mots : « le SGMAP ».", None),
        ("À l'article 7, les mots : « la DINUM » sont remplacés par les mots : « le SGMAP » à chaque occurrence.", None),
        ("À l'article 7, les mots : « la DINUM » sont remplacés par les mots : « le SGMAP » partout où ils figurent.", None),
    ] {
        assert_eq!(read(s), each(times), "{s}");
        let av = parse_avenant(&format!("Avenant n° 1\n\nArticle 1er\n\n{s}\n")).expect("read");
        let out = apply(&twice(), &av).unwrap_or_else(|e| panic!("{s}\n{e}"));
        assert_eq!(
            alinea_texts(&out, "article-7"),
            ["Le comité est présidé par le SGMAP.", "Le secrétariat est assuré par le SGMAP."],
            "{s}"
        );
        // Article 8 is not the place named.
        assert_eq!(alinea_texts(&out, "article-8"), ["La DINUM notifie la fin."], "{s}");
    }
}

#[test]
fn a_count_of_occurrences_the_text_does_not_have_is_refused() {
    for (s, needle) in [
        (
            "À l'article 7, les mots : « la DINUM » sont remplacés, trois fois, par les mots : « le SGMAP ».",
            "figurent 2 fois à l'article 7 de la convention, et non 3 comme le dit l'avenant",
        ),
        (
            "À l'article 8, les mots : « la DINUM » sont remplacés, deux fois, par les mots : « le SGMAP ».",
            "introuvable",
        ),
        (
            "À l'article 7, les mots : « le CNES » sont remplacés, à chaque occurrence, par les mots : « le SGMAP ».",
            "introuvable",
        ),
        // Said of something else than a replacement of words: not read.
        (
            "À l'article 7, les mots : « la DINUM » sont supprimés à chaque occurrence.",
            "phrase non comprise",
        ),
    ] {
        let e = parse_avenant(&format!("Avenant n° 1\n\nArticle 1er\n\n{s}\n"))
            .map_err(|e| e.to_string())
            .and_then(|av| apply(&twice(), &av).map_err(|e| e.to_string()))
            .expect_err(s);
        assert!(e.contains(needle), "{s}\n{e}");
    }
    // Without the count, two occurrences stay ambiguous, as before.
    let av = parse_avenant("Avenant n° 1\n\nArticle 1er\n\nÀ l'article 7, les mots : « la DINUM » sont remplacés par les mots : « le SGMAP ».\n").expect("read");
    let e = apply(&twice(), &av).expect_err("ambiguous").to_string();
    assert!(e.contains("2 fois"), "{e}");
}

/// « Les articles 6 et 7 sont remplacés par un article 6 ainsi rédigé : » (issue 13's form, the
/// team's own: no published sentence found in the stored texts, searched again in session 9 for
/// « sont remplacés par un article »; not counted among the real sentences of
/// `applyread_catalogue.rs`): the first article rewritten, the others
/// deleted; a new number is inserted after the last and all the old ones deleted.
#[test]
fn several_articles_replaced_by_one() {
    let conv = avenant::parse_str(
        "c.md",
        "Convention\n\nArticle 5 : Objet\n\nObjet.\n\nArticle 6 : Comité\n\nLe comité se réunit.\n\nArticle 7 : Secrétariat\n\nLe secrétariat est assuré.\n\nArticle 8 : Fin\n\nFin.\n",
    );
    let run = |s: &str| -> Result<avenant::Document, String> {
        let av = parse_avenant(&format!("Avenant n° 1\n\nArticle 1er\n\n{s}\n"))
            .map_err(|e| e.to_string())?;
        apply(&conv, &av).map_err(|e| e.to_string())
    };
    let keys = |d: &avenant::Document| -> Vec<String> {
        d.articles()
            .into_iter()
            .map(|id| d.node(id).key.clone())
            .collect()
    };
    let out = run("Les articles 6 et 7 sont remplacés par un article 6 ainsi rédigé :\n\n« Article 6 – Gouvernance\n\n« Le comité assure le secrétariat. »").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(keys(&out), ["article-5", "article-6", "article-8"]);
    assert_eq!(
        alinea_texts(&out, "article-6"),
        ["Le comité assure le secrétariat."]
    );
    assert_eq!(
        out.node(out.get("article-6").unwrap()).heading.as_deref(),
        Some("Gouvernance")
    );
    let out = run("Les articles 6 et 7 sont remplacés par un article 6-1 ainsi rédigé :\n\n« Article 6-1\n\n« Le comité assure le secrétariat. »").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(keys(&out), ["article-5", "article-6-1", "article-8"]);
    // An article the convention lacks, or a quoted heading with another number: refused.
    for (s, needle) in [
        ("Les articles 6 et 9 sont remplacés par un article 6 ainsi rédigé :\n\n« Article 6\n\n« Texte. »", "article 9"),
        ("Les articles 6 et 7 sont remplacés par un article 6 ainsi rédigé :\n\n« Article 7\n\n« Texte. »", "n'est pas l'article 6"),
    ] {
        let e = run(s).expect_err(s);
        assert!(e.contains(needle), "{s}\n{e}");
    }
}
