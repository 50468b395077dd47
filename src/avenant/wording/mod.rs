//! All the French wording of avenants, in one place: ordinals, citations of units, quotations,
//! the model sentence of each operation (LEGISTIQUE.md's table), the chapeau and its items, the
//! fixed parts of an avenant, and the messages of `apply`. Nothing else in the crate writes French
//! légistique; `read` parses what these functions write.

use super::model::{
    canonical_label, AlineaAt, AmendingArticle, Anchor, Avenant, AvenantParty, Instruction, Op,
    Position, Target, Unit, ValueType,
};

mod blocks;
mod divisions;
mod fixed;
mod messages;
mod notes;
mod noun;
mod nps;
mod numbers;
mod quotes;
mod renumber;
mod sentences;
mod words;

pub use blocks::*;
pub use divisions::*;
pub use fixed::*;
pub use messages::*;
pub use notes::*;
pub use noun::*;
pub use nps::*;
pub use numbers::*;
pub use quotes::*;
pub use renumber::*;
pub use sentences::*;
pub use words::*;

/// Typographic and wording options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The space inside « » and before « : ; ? ! »: U+00A0 (default) or U+202F.
    pub space: char,
    /// « abrogé(e)(s) » instead of « supprimé(e)(s) » for deleted clauses.
    pub abroge: bool,
    /// The amended document's own noun in the body (« du contrat », « des statuts »).
    pub noun: DocNoun,
    /// The sentence opens its amending article: its unit is cited with the document (« À
    /// l'article 6 de la convention, … »), as whole units always are; later sentences of the
    /// article cite it plainly.
    pub formal: bool,
}

impl Style {
    /// This style for an act amending the document titled `title` (« contrat de … »).
    pub fn for_title(&self, title: &str) -> Style {
        Style {
            noun: DocNoun::of(title),
            ..*self
        }
    }
}

impl Default for Style {
    fn default() -> Self {
        Style {
            space: '\u{a0}',
            abroge: false,
            noun: DocNoun::CONVENTION,
            formal: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NB: char = '\u{a0}';

    fn s(x: &str) -> String {
        x.replace('~', &NB.to_string())
    }

    fn one(ins: Instruction) -> String {
        sentence(&ins, None, &Style::default())
            .standalone()
            .join("\n")
    }

    fn ins(target: Target, op: Op) -> Instruction {
        Instruction { target, op }
    }

    fn a7() -> Target {
        Target::article("7")
    }

    #[test]
    fn ordinals_one_to_twenty() {
        let expected = [
            "premier",
            "deuxième",
            "troisième",
            "quatrième",
            "cinquième",
            "sixième",
            "septième",
            "huitième",
            "neuvième",
            "dixième",
            "onzième",
            "douzième",
            "treizième",
            "quatorzième",
            "quinzième",
            "seizième",
            "dix-septième",
            "dix-huitième",
            "dix-neuvième",
            "vingtième",
        ];
        for (i, e) in expected.iter().enumerate() {
            let n = i as u32 + 1;
            assert_eq!(ordinal(n, false), *e);
            assert_eq!(parse_ordinal_number(e), Some(n));
        }
        assert_eq!(ordinal(1, true), "première");
        assert_eq!(ordinal(3, true), "troisième");
        assert_eq!(ordinal(21, false), "vingt et unième");
        assert_eq!(ordinal(25, false), "vingt-cinquième");
        assert_eq!(ordinal(80, false), "quatre-vingtième");
        assert_eq!(parse_ordinal_number("vingt et unième"), Some(21));
    }

    #[test]
    fn positions_in_words() {
        assert_eq!(position(Position::of(2, 2), true), "seconde");
        assert_eq!(position(Position::of(2, 2), false), "second");
        assert_eq!(position(Position::of(3, 3), false), "dernier");
        assert_eq!(position(Position::of(3, 3), true), "dernière");
        assert_eq!(position(Position::BeforeLast, false), "avant-dernier");
        assert_eq!(position(Position::BeforeLast, true), "avant-dernière");
        assert_eq!(position(Position::of(2, 3), false), "deuxième");
        assert_eq!(parse_position("seconde"), Some(Position::Second));
        assert_eq!(parse_position("avant-dernière"), Some(Position::BeforeLast));
        assert_eq!(parse_position("Dernier"), Some(Position::Last));
    }

    #[test]
    fn citations() {
        assert_eq!(
            cite_unit(&Unit::article("1"), Case::Nom, false),
            "l'article 1er"
        );
        assert_eq!(
            cite_unit(&Unit::article("4 bis"), Case::A, false),
            "à l'article 4 bis"
        );
        assert_eq!(
            cite_unit(&Unit::article("2.4.2"), Case::Nom, true),
            "l'article 2.4.2 de la convention"
        );
        let t = Target::article("5").with_alinea(Position::Nth(2));
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::Nom),
            "le deuxième alinéa de l'article 5"
        );
        let t = a7()
            .with_alinea(Position::Nth(2))
            .with_phrase(Position::Second);
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::Nom),
            "la seconde phrase du deuxième alinéa de l'article 7"
        );
        assert_eq!(
            target_np(&t, Some(&Unit::article("7")), false)
                .unwrap()
                .with(Case::Nom),
            "la seconde phrase du deuxième alinéa"
        );
        let t = Target::article("4").with_item("2°");
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::Nom),
            "le 2° de l'article 4"
        );
        let t = Target::article("4").with_item("1°").with_item("b)");
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::Nom),
            "le b du 1° de l'article 4"
        );
        let t = Target::unit(Unit::annex(Some("2"))).with_row(Position::Nth(3));
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::Nom),
            "la troisième ligne du tableau figurant à l'annexe 2"
        );
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::A),
            "à la troisième ligne du tableau figurant à l'annexe 2"
        );
        let t = Target::article("4").with_heading();
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::Nom),
            "l'intitulé de l'article 4"
        );
        let t = a7().with_alinea(Position::BeforeLast);
        assert_eq!(
            target_np(&t, None, false).unwrap().with(Case::Nom),
            "l'avant-dernier alinéa de l'article 7"
        );
    }

    #[test]
    fn ranges() {
        let t = Target::article("5").with_alinea(Position::Nth(2));
        assert_eq!(
            target_np_range(&t, 2, None, false).unwrap().with(Case::Nom),
            "les deuxième et troisième alinéas de l'article 5"
        );
        assert_eq!(
            target_np_range(&t, 3, None, false).unwrap().with(Case::Nom),
            "les deuxième à quatrième alinéas de l'article 5"
        );
        let t = Target::article("4").with_item("2°");
        assert_eq!(
            target_np_range(&t, 2, None, false).unwrap().with(Case::Nom),
            "les 2° et 3° de l'article 4"
        );
        assert_eq!(
            one(ins(
                Target::article("5").with_alinea(Position::Nth(2)),
                Op::DeleteAlineas { count: 2 }
            )),
            "Les deuxième et troisième alinéas de l'article 5 sont supprimés."
        );
    }

    #[test]
    fn quotation() {
        let st = Style::default();
        assert_eq!(quote("l'« ENA »", &st), s("«~l'«~ENA~»~»"));
        assert_eq!(quote("a : b ; c ?", &st), s("«~a~: b~; c~?~»"));
        let narrow = Style {
            space: '\u{202f}',
            ..st
        };
        assert_eq!(quote("x", &narrow), "«\u{202f}x\u{202f}»");
        assert_eq!(
            quote_block(&["un".into(), "deux".into(), "trois".into()], &st),
            [s("«~un"), s("«~deux"), s("«~trois~»")]
        );
    }

    #[test]
    fn replace_words_formulas() {
        let op = Op::ReplaceWords {
            old: "30 juin 2021".into(),
            new: "31 décembre 2021".into(),
            value_type: None,
        };
        assert_eq!(
            one(ins(a7(), op)),
            s("À l'article 7, les mots~: «~30 juin 2021~» sont remplacés par les mots~: «~31 décembre 2021~».")
        );
        let op = Op::ReplaceWords {
            old: "annuellement".into(),
            new: "deux fois par an".into(),
            value_type: None,
        };
        assert_eq!(
            one(ins(a7().with_alinea(Position::Nth(2)), op)),
            s("Au deuxième alinéa de l'article 7, le mot~: «~annuellement~» est remplacé par les mots~: «~deux fois par an~».")
        );
        let op = Op::ReplaceWords {
            old: "30 juin 2021".into(),
            new: "31 décembre 2021".into(),
            value_type: Some(ValueType::Date),
        };
        assert_eq!(
            one(ins(a7(), op)),
            s("À l'article 7, la date~: «~30 juin 2021~» est remplacée par la date~: «~31 décembre 2021~».")
        );
        let op = Op::ReplaceWords {
            old: "281 160 €".into(),
            new: "421 740 €".into(),
            value_type: Some(ValueType::Amount),
        };
        let t = Target::unit(Unit::annex(Some("2"))).with_row(Position::Nth(3));
        assert_eq!(
            one(ins(t, op)),
            s("À la troisième ligne du tableau figurant à l'annexe 2, le montant~: «~281 160 €~» est remplacé par le montant~: «~421 740 €~».")
        );
        let op = Op::ReplaceEverywhere {
            old: "l'ENA".into(),
            new: "l'INSP".into(),
            value_type: None,
        };
        assert_eq!(
            one(ins(Target::convention(), op)),
            s("Dans l'ensemble de la convention, les mots~: «~l'ENA~» sont remplacés par les mots~: «~l'INSP~».")
        );
        let op = Op::ReplaceEverywhere {
            old: "140 580 €".into(),
            new: "192 330 €".into(),
            value_type: Some(ValueType::Amount),
        };
        assert_eq!(
            one(ins(Target::convention(), op)),
            s("Dans l'ensemble de la convention, le montant~: «~140 580 €~» est remplacé par le montant~: «~192 330 €~».")
        );
        for (vt, noun) in [
            (
                ValueType::Number,
                "le nombre~: «~3~» est remplacé par le nombre",
            ),
            (
                ValueType::Percent,
                "le taux~: «~3~» est remplacé par le taux",
            ),
            (
                ValueType::Duration,
                "la durée~: «~3~» est remplacée par la durée",
            ),
        ] {
            let op = Op::ReplaceWords {
                old: "3".into(),
                new: "4".into(),
                value_type: Some(vt),
            };
            assert!(one(ins(a7(), op)).contains(&s(noun)));
        }
    }

    #[test]
    fn words_formulas() {
        let t = Target::article("2").with_alinea(Position::Nth(1));
        let op = Op::InsertWords {
            anchor: Anchor::After("partenaires".into()),
            words: "et leurs opérateurs".into(),
        };
        assert_eq!(
            one(ins(t.clone(), op)),
            s("Au premier alinéa de l'article 2, après le mot~: «~partenaires~», sont insérés les mots~: «~et leurs opérateurs~».")
        );
        let op = Op::InsertWords {
            anchor: Anchor::Before("des parties".into()),
            words: "seules".into(),
        };
        assert!(one(ins(t.clone(), op)).contains(&s(
            "avant les mots~: «~des parties~», est inséré le mot~: «~seules~»"
        )));
        let op = Op::AddWordsAtStart {
            words: "Sous réserve de l'article 3,".into(),
        };
        assert_eq!(
            one(ins(t.clone(), op)),
            s("Au début du premier alinéa de l'article 2, sont ajoutés les mots~: «~Sous réserve de l'article 3,~».")
        );
        let op = Op::AddWordsAtEnd {
            words: "et de sa publication".into(),
        };
        assert_eq!(
            one(ins(Target::article("11").with_alinea(Position::Nth(1)), op)),
            s("Le premier alinéa de l'article 11 est complété par les mots~: «~et de sa publication~».")
        );
        let op = Op::DeleteWords {
            words: "par écrit".into(),
            to_end: false,
        };
        assert_eq!(
            one(ins(Target::article("6").with_alinea(Position::Last), op)),
            s("Au dernier alinéa de l'article 6, les mots~: «~par écrit~» sont supprimés.")
        );
        let op = Op::DeleteWords {
            words: "à compter du".into(),
            to_end: true,
        };
        assert!(one(ins(a7(), op)).ends_with(&s(
            "«~à compter du~» et la fin de la phrase sont supprimés."
        )));
    }

    #[test]
    fn phrase_formulas() {
        let t = Target::article("3").with_alinea(Position::Nth(1));
        assert_eq!(
            one(ins(t.clone().with_phrase(Position::Nth(2)), Op::RewritePhrase { text: "Elle dure un an.".into() })),
            s("La deuxième phrase du premier alinéa de l'article 3 est ainsi rédigée~:\n«~Elle dure un an.~»")
        );
        assert_eq!(
            one(ins(t.clone(), Op::AddPhrase { text: "Elle est renouvelable une fois.".into() })),
            s("Le premier alinéa de l'article 3 est complété par une phrase ainsi rédigée~:\n«~Elle est renouvelable une fois.~»")
        );
        assert_eq!(
            one(ins(t.clone().with_phrase(Position::Nth(1)), Op::InsertPhrase { text: "X.".into() })),
            s("Après la première phrase du premier alinéa de l'article 3, est insérée une phrase ainsi rédigée~:\n«~X.~»")
        );
        assert_eq!(
            one(ins(
                Target::article("3")
                    .with_alinea(Position::Nth(2))
                    .with_phrase(Position::Last),
                Op::DeletePhrase
            )),
            "La dernière phrase du deuxième alinéa de l'article 3 est supprimée."
        );
    }

    #[test]
    fn an_alinea_named_by_its_first_words() {
        let t = Target::article("25").with_alinea_starting("Un an au moins");
        assert_eq!(
            one(ins(t.clone(), Op::InsertAlineasBefore { alineas: vec!["A.".into()] })),
            s("Avant l'alinéa de l'article 25 commençant par les mots~: «~Un an au moins~», il est inséré un alinéa ainsi rédigé~:\n«~A.~»")
        );
        assert_eq!(
            one(ins(t, Op::DeleteAlineas { count: 1 })),
            s("L'alinéa de l'article 25 commençant par les mots~: «~Un an au moins~» est supprimé.")
        );
    }

    #[test]
    fn alinea_formulas() {
        let t = Target::article("2").with_alinea(Position::Nth(3));
        assert_eq!(
            one(ins(
                t.clone(),
                Op::RewriteAlineas {
                    count: 1,
                    alineas: vec!["Un.".into()]
                }
            )),
            s("Le troisième alinéa de l'article 2 est ainsi rédigé~:\n«~Un.~»")
        );
        assert_eq!(
            one(ins(t.clone(), Op::RewriteAlineas { count: 1, alineas: vec!["Un.".into(), "Deux.".into()] })),
            s("Le troisième alinéa de l'article 2 est remplacé par deux alinéas ainsi rédigés~:\n«~Un.\n«~Deux.~»")
        );
        let t5 = Target::article("5").with_alinea(Position::Nth(2));
        assert_eq!(
            one(ins(t5.clone(), Op::InsertAlineas { alineas: vec!["A.".into()] })),
            s("Après le deuxième alinéa de l'article 5, il est inséré un alinéa ainsi rédigé~:\n«~A.~»")
        );
        assert_eq!(
            one(ins(t5, Op::InsertAlineas { alineas: vec!["A.".into(), "B.".into()] })),
            s("Après le deuxième alinéa de l'article 5, sont insérés deux alinéas ainsi rédigés~:\n«~A.\n«~B.~»")
        );
        let t6 = Target::article("6");
        assert_eq!(
            one(ins(
                t6.clone(),
                Op::AddAlineas {
                    at: AlineaAt::Start,
                    alineas: vec!["A.".into()]
                }
            )),
            s("Au début de l'article 6, il est ajouté un alinéa ainsi rédigé~:\n«~A.~»")
        );
        assert_eq!(
            one(ins(
                t6,
                Op::AddAlineas {
                    at: AlineaAt::End,
                    alineas: vec!["A.".into()]
                }
            )),
            s("L'article 6 est complété par un alinéa ainsi rédigé~:\n«~A.~»")
        );
        // Rows added to a unit, not to one of its tables: one table.
        assert_eq!(
            one(ins(
                Target::article("6"),
                Op::AddAlineas {
                    at: AlineaAt::End,
                    alineas: vec!["| a | b |".into(), "| c | d |".into()]
                }
            )),
            s("L'article 6 est complété par un tableau ainsi rédigé~:\n«~| a | b |\n«~| c | d |~»")
        );
        assert_eq!(
            one(ins(
                Target::article("6").with_alinea(Position::Nth(2)),
                Op::InsertAlineas {
                    alineas: vec!["| a | b |".into()]
                }
            )),
            s("Après le deuxième alinéa de l'article 6, il est inséré un tableau ainsi rédigé~:\n«~| a | b |~»")
        );
        assert_eq!(
            one(ins(
                a7().with_alinea(Position::Nth(3)),
                Op::DeleteAlineas { count: 1 }
            )),
            "Le troisième alinéa de l'article 7 est supprimé."
        );
        let abroge = Style {
            abroge: true,
            ..Style::default()
        };
        assert_eq!(
            delete_units(&a7().with_alinea(Position::Nth(3)), 1, None, &abroge).standalone(),
            ["Le troisième alinéa de l'article 7 est abrogé."]
        );
    }

    #[test]
    fn item_formulas() {
        let t = Target::article("4").with_item("2°");
        assert_eq!(
            one(ins(
                t,
                Op::RewriteAlineas {
                    count: 1,
                    alineas: vec!["2° Le suivi ;".into()]
                }
            )),
            s("Le 2° de l'article 4 est ainsi rédigé~:\n«~2° Le suivi~;~»")
        );
        let t = Target::article("4").with_item("3°");
        assert_eq!(
            one(ins(t, Op::InsertAlineas { alineas: vec!["3° bis Le bilan ;".into()] })),
            s("Après le 3° de l'article 4, il est inséré un 3° bis ainsi rédigé~:\n«~3° bis Le bilan~;~»")
        );
        let t = Target::article("4").with_item("1°").with_item("b");
        assert_eq!(
            one(ins(t, Op::DeleteAlineas { count: 1 })),
            "Le b du 1° de l'article 4 est supprimé."
        );
    }

    #[test]
    fn an_article_without_a_number_is_named_by_its_heading_and_reads_back() {
        let objet = Unit::TitledArticle {
            heading: "Objet".into(),
            rank: None,
        };
        let t = Target::unit(objet.clone());
        assert_eq!(
            one(ins(t.clone(), Op::DeleteArticle)),
            s("L'article de la convention intitulé «~Objet~» est supprimé.")
        );
        let insert = Op::InsertArticle {
            label: String::new(),
            heading: Some("Membres".into()),
            alineas: vec!["L'association se compose de membres actifs.".into()],
        };
        assert_eq!(
            one(ins(t.clone(), insert.clone())),
            s("Après l'article de la convention intitulé «~Objet~», il est inséré un article ainsi rédigé~:\n«~Membres\n«~L'association se compose de membres actifs.~»")
        );
        let rewrite = Op::RewriteArticle {
            heading: Some("Objet".into()),
            alineas: vec!["Le partage.".into()],
        };
        assert_eq!(
            one(ins(t.clone(), rewrite.clone())),
            s("L'article de la convention intitulé «~Objet~» est ainsi rédigé~:\n«~Objet\n«~Le partage.~»")
        );
        // Written in an act, read back to the same instructions: alone, under a chapeau (its
        // heading changed last), a heading with a comma and the words « est » and « mots ».
        let siege = Unit::TitledArticle {
            heading: "Siège, ce qui est dit en mots".into(),
            rank: None,
        };
        let words = Op::ReplaceWords {
            old: "Paris".into(),
            new: "Lyon".into(),
            value_type: None,
        };
        let articles = vec![
            vec![ins(t.clone(), rewrite)],
            vec![ins(t.clone(), insert)],
            vec![
                ins(
                    Target::unit(siege.clone()).with_alinea(Position::Nth(1)),
                    words.clone(),
                ),
                ins(
                    Target::unit(siege.clone()).with_alinea(Position::Last),
                    Op::DeleteAlineas { count: 1 },
                ),
                ins(
                    Target::unit(siege.clone()).with_heading(),
                    Op::RewriteHeading {
                        heading: "Siège".into(),
                    },
                ),
            ],
            vec![ins(
                Target::unit(siege.clone()).with_alinea(Position::Nth(2)),
                words,
            )],
            vec![ins(t, Op::DeleteArticle)],
            vec![ins(
                Target::article("3").with_alinea_starting("Les tarifs sont"),
                Op::InsertIntertitle {
                    heading: "Montants".into(),
                },
            )],
        ];
        let av = Avenant {
            articles: articles
                .into_iter()
                .enumerate()
                .map(|(i, instructions)| AmendingArticle {
                    number: i as u32 + 1,
                    heading: modification_heading(&instructions[0].target.unit),
                    instructions,
                })
                .collect(),
            ..Default::default()
        };
        let text = crate::avenant::render::markdown(&av);
        assert!(text.contains(&s("## Article 3 – Modification de l'article de la convention intitulé «~Siège, ce qui est dit en mots~»")), "{text}");
        assert!(text.contains(&s("L'article de la convention intitulé «~Siège, ce qui est dit en mots~» est ainsi modifié~:")), "{text}");
        assert!(text.contains(&s("Avant l'alinéa de l'article 3 de la convention commençant par les mots~: «~Les tarifs sont~», il est inséré un intertitre ainsi rédigé~:\n\n«~Montants~»")), "{text}");
        let read = crate::avenant::read::parse_avenant(&text).expect("reads back");
        let got: Vec<&Vec<Instruction>> = read.articles.iter().map(|a| &a.instructions).collect();
        let want: Vec<&Vec<Instruction>> = av.articles.iter().map(|a| &a.instructions).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn article_and_annex_formulas() {
        let rewrite = Op::RewriteArticle {
            heading: Some("Durée".into()),
            alineas: vec!["La présente convention est conclue pour un an.".into()],
        };
        assert_eq!(
            one(ins(Target::article("5"), rewrite)),
            s("L'article 5 de la convention est ainsi rédigé~:\n«~Article 5 – Durée\n«~La présente convention est conclue pour un an.~»")
        );
        let insert = Op::InsertArticle {
            label: "4 bis".into(),
            heading: Some("Données".into()),
            alineas: vec!["Les données sont hébergées en France.".into()],
        };
        assert_eq!(
            one(ins(Target::article("4"), insert)),
            s("Après l'article 4 de la convention, il est inséré un article 4 bis ainsi rédigé~:\n«~Article 4 bis – Données\n«~Les données sont hébergées en France.~»")
        );
        let add = Op::AddArticle {
            label: "10".into(),
            heading: None,
            alineas: vec!["X.".into()],
        };
        assert!(one(ins(Target::convention(), add)).starts_with(&s(
            "La convention est complétée par un article 10 ainsi rédigé~:\n«~Article 10\n"
        )));
        assert_eq!(
            one(ins(Target::article("9"), Op::DeleteArticle)),
            "L'article 9 de la convention est supprimé."
        );
        assert_eq!(
            one(ins(Target::article("1"), Op::DeleteArticle)),
            "L'article 1er de la convention est supprimé."
        );
        assert_eq!(
            one(ins(
                Target::convention(),
                Op::Renumber {
                    from: vec!["8".into()],
                    to: vec!["9".into()]
                }
            )),
            "L'article 8 devient l'article 9."
        );
        let from: Vec<String> = (6..=9).map(|n| n.to_string()).collect();
        let to: Vec<String> = (7..=10).map(|n| n.to_string()).collect();
        assert_eq!(
            one(ins(Target::convention(), Op::Renumber { from, to })),
            "Les articles 6 à 9 deviennent respectivement les articles 7 à 10."
        );
        assert_eq!(
            one(ins(
                Target::article("4").with_heading(),
                Op::RewriteHeading {
                    heading: "Durée de la convention".into()
                }
            )),
            s("L'intitulé de l'article 4 est ainsi rédigé~: «~Durée de la convention~».")
        );
        let annex = Target::unit(Unit::annex(Some("2")));
        assert_eq!(
            one(ins(annex.clone(), Op::RewriteAnnex { heading: Some("Budget".into()), blocks: vec!["Poste | Montant".into()] })),
            s("L'annexe 2 de la convention est ainsi rédigée~:\n«~Annexe 2 – Budget\n«~Poste | Montant~»")
        );
        assert_eq!(
            one(ins(
                Target::convention(),
                Op::AddAnnex {
                    label: Some("4".into()),
                    heading: None,
                    blocks: vec!["X.".into()]
                }
            )),
            s("La convention est complétée par une annexe 4 ainsi rédigée~:\n«~Annexe 4\n«~X.~»")
        );
        assert_eq!(
            one(ins(
                Target::unit(Unit::annex(Some("1"))),
                Op::InsertAnnexBefore {
                    label: Some("1 A".into()),
                    heading: Some("Contacts".into()),
                    blocks: vec!["X.".into()]
                }
            )),
            s("Avant l'annexe 1 de la convention, il est inséré une annexe 1 A ainsi rédigée~:\n«~Annexe 1 A – Contacts\n«~X.~»")
        );
        assert_eq!(
            read_insert_annex(
                "Avant l'annexe 1 de la convention, il est inséré une annexe 1 A ainsi rédigée :"
            ),
            Some((
                "l'annexe 1 de la convention".to_string(),
                Some("1 A".to_string()),
                true
            ))
        );
        assert_eq!(
            one(ins(Target::unit(Unit::annex(Some("3"))), Op::DeleteAnnex)),
            "L'annexe 3 de la convention est supprimée."
        );
    }

    #[test]
    fn chapeau_and_items() {
        let st = Style::default();
        let art = AmendingArticle {
            number: 2,
            heading: modification_heading(&Unit::article("5")),
            instructions: vec![
                ins(
                    Target::article("5").with_alinea(Position::Nth(1)),
                    Op::ReplaceWords {
                        old: "281 160 €".into(),
                        new: "421 740 €".into(),
                        value_type: Some(ValueType::Amount),
                    },
                ),
                ins(
                    Target::article("5").with_alinea(Position::Last),
                    Op::DeleteAlineas { count: 1 },
                ),
            ],
        };
        assert_eq!(
            article_body(&art, &st),
            [
                s("L'article 5 de la convention est ainsi modifié~:"),
                s("1° Au premier alinéa, le montant~: «~281 160 €~» est remplacé par le montant~: «~421 740 €~»~;"),
                "2° Le dernier alinéa est supprimé.".to_string(),
            ]
        );
        assert_eq!(art.heading, "Modification de l'article 5 de la convention");
        assert_eq!(
            avenant_article_heading(1, &art.heading),
            "Article 1er – Modification de l'article 5 de la convention"
        );
    }

    #[test]
    fn messages() {
        assert_eq!(
            words_not_found("30 juin 2021", &a7()),
            "les mots « 30 juin 2021 » sont introuvables à l'article 7 de la convention"
        );
        assert_eq!(
            target_missing(&a7().with_alinea(Position::Nth(4))),
            "le quatrième alinéa de l'article 7 de la convention n'existe pas"
        );
        assert_eq!(avenant_article(2), "article 2 de l'avenant");
    }

    #[test]
    fn fixed_parts() {
        let av = Avenant {
            numero: 1,
            title: "convention de partenariat".into(),
            convention_date: Some("2 avril 2021".into()),
            parties: vec![
                AvenantParty {
                    name: "L'École nationale d'administration (ENA)".into(),
                    short_name: Some("l'ENA".into()),
                },
                AvenantParty {
                    name: "La Direction interministérielle du numérique (DINUM)".into(),
                    short_name: Some("la DINUM".into()),
                },
            ],
            ..Avenant::default()
        };
        assert_eq!(
            avenant_title(&av),
            "Avenant n° 1 à la convention de partenariat du 2 avril 2021 entre l'ENA et la DINUM"
        );
        assert_eq!(
            party_line(&av.parties[0], &Style::default()),
            s("L'École nationale d'administration (ENA), ci-après dénommée «~l'ENA~»,")
        );
        assert!(!party_is_feminine(&AvenantParty {
            name: "L'État".into(),
            short_name: None
        }));
        assert_eq!(
            fait_a(None, None, 2),
            "Fait à [lieu], le [date], en deux exemplaires originaux."
        );
        assert_eq!(
            fait_a(Some("Paris"), Some("1er mars 2022"), 3),
            "Fait à Paris, le 1er mars 2022, en trois exemplaires originaux."
        );
    }

    /// Blind finding 18: statuts, règlement, charte without parties are modified, not amended
    /// by an avenant « entre [partie A] et [partie B] »; a convention without parties keeps them.
    #[test]
    fn a_document_adopted_by_one_body_is_titled_a_modification() {
        let titled = |title: &str, numero: u32| {
            avenant_title(&Avenant {
                numero,
                title: title.into(),
                ..Avenant::default()
            })
        };
        assert_eq!(titled("statuts", 1), "Modification des statuts du [date]");
        assert_eq!(
            titled("règlement intérieur", 2),
            "Modification n° 2 du règlement intérieur du [date]"
        );
        assert_eq!(
            titled("charte informatique", 1),
            "Modification de la charte informatique du [date]"
        );
        assert_eq!(
            titled("convention", 1),
            "Avenant n° 1 à la convention du [date] entre [partie A] et [partie B]"
        );
        let with_party = Avenant {
            numero: 1,
            title: "statuts".into(),
            parties: vec![AvenantParty {
                name: "L'association X".into(),
                short_name: None,
            }],
            ..Avenant::default()
        };
        assert!(!adopted_by_one_body(&with_party));
        assert_eq!(fait_a_once(None, None), "Fait à [lieu], le [date].");
    }
}
