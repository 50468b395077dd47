//! An avenant on a seed convention: rendered (Markdown, text, JSON), read back into the same
//! model, and applied to the convention.

use avenant::avenant::model::*;
use avenant::avenant::render::{self, AvenantFormat};
use avenant::avenant::{apply, formules, parse_avenant};
use std::path::Path;

fn ena() -> avenant::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/conventions/ena-dinum-2021.md");
    avenant::load(&path, &avenant::ReadOptions::default()).expect("seed")
}

fn ins(target: Target, op: Op) -> Instruction {
    Instruction { target, op }
}

pub fn sample() -> Avenant {
    let a4 = || Target::article("4");
    Avenant {
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
        visa: vec![],
        organ: None,
        objet: Some(
            "prolonger le partenariat jusqu'au 30 juin 2022 et préciser l'hébergement des données"
                .into(),
        ),
        articles: vec![
            AmendingArticle {
                number: 1,
                heading: formules::modification_heading(&Unit::article("4")),
                instructions: vec![
                    ins(
                        a4().with_alinea(Position::Nth(1)),
                        Op::ReplaceWords {
                            old: "tous les six mois".into(),
                            new: "tous les trois mois".into(),
                            value_type: None,
                        },
                    ),
                    ins(
                        a4().with_alinea(Position::Last),
                        Op::DeleteAlineas { count: 1 },
                    ),
                ],
            },
            AmendingArticle {
                number: 2,
                heading: formules::insertion_heading("4 bis"),
                instructions: vec![ins(
                    a4(),
                    Op::InsertArticle {
                        label: "4 bis".into(),
                        heading: Some("Hébergement des données".into()),
                        alineas: vec![
                            "Les données du service sont hébergées en France.".into(),
                            "La DINUM en informe l'ENA chaque année.".into(),
                        ],
                    },
                )],
            },
            AmendingArticle {
                number: 3,
                heading: formules::modification_heading(&Unit::article("6")),
                instructions: vec![ins(
                    Target::article("6").with_alinea(Position::Nth(1)),
                    Op::ReplaceWords {
                        old: "31 décembre 2021".into(),
                        new: "30 juin 2022".into(),
                        value_type: Some(ValueType::Date),
                    },
                )],
            },
        ],
        effet: None,
        lieu: None,
        date: None,
        written: Default::default(),
    }
}

#[test]
fn markdown_reads_back_into_the_same_avenant() {
    let av = sample();
    let md = render::markdown(&av);
    assert!(md.starts_with(
        "# Avenant n° 1 à la convention de partenariat du 2 avril 2021 entre l'ENA et la DINUM\n"
    ));
    assert!(md.contains("\n## Article 1er – Modification de l'article 4 de la convention\n"));
    assert!(md.contains("\nL'article 4 de la convention est ainsi modifié\u{a0}:\n"));
    assert!(md.contains("\n2° Le dernier alinéa est supprimé.\n"));
    assert!(md.contains("\n## Article 4 – Autres stipulations\n\nLes autres stipulations de la convention demeurent inchangées.\n"));
    assert!(md.contains("Fait à [lieu], le [date], en deux exemplaires originaux."));
    assert!(md.contains("\nPour l'ENA,\n"));
    assert_eq!(parse_avenant(&md).unwrap(), av);
    let text = render::to_string(&av, AvenantFormat::Text);
    assert!(!text.contains('#'));
    assert_eq!(parse_avenant(&text).unwrap(), av);
    let json: serde_json::Value =
        serde_json::from_str(&render::to_string(&av, AvenantFormat::Json)).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(
        json["articles"][2]["instructions"][0]["op"]["op"],
        "replace-words"
    );
}

/// The proptest seed f0266a31 (avenant_model_roundtrip): an objet whose words hold a formula
/// of the header (« convenu ce qui suit ») and an alinéa « Entre : » added to an article.
/// The objet line is the objet (it was read as « il a été convenu ce qui suit » and lost), and
/// the quoted alinéa stays the instruction's, never the parties' « Entre : ».
#[test]
fn an_objet_holding_a_header_formula_and_a_quoted_entre_read_back() {
    let mut av = sample();
    av.objet = Some("convenu ce qui suit".into());
    av.articles = vec![
        AmendingArticle {
            number: 1,
            heading: formules::modification_heading(&Unit::article("13")),
            instructions: vec![ins(
                Target::article("13"),
                Op::AddAlineas {
                    at: AlineaAt::End,
                    alineas: vec!["Entre :".into()],
                },
            )],
        },
        AmendingArticle {
            number: 2,
            heading: formules::modification_heading(&Unit::article("1er")),
            instructions: vec![ins(
                Target::article("1er").with_alinea(Position::Nth(1)),
                Op::ReplaceWords {
                    old: "Entre".into(),
                    new: "Entre".into(),
                    value_type: None,
                },
            )],
        },
    ];
    for format in [AvenantFormat::Markdown, AvenantFormat::Text] {
        let text = render::to_string(&av, format);
        assert!(
            text.contains("a pour objet de modifier la convention afin de convenu ce qui suit."),
            "{text}"
        );
        assert!(text.contains("\n«\u{a0}Entre\u{a0}:\u{a0}»\n"), "{text}");
        let back = parse_avenant(&text).unwrap();
        assert_eq!(back.objet.as_deref(), Some("convenu ce qui suit"), "{text}");
        assert_eq!(back.parties, av.parties, "{text}");
        assert_eq!(back, av, "{text}");
    }
}

#[test]
fn set_date_place_and_effect_read_back() {
    let mut av = sample();
    av.lieu = Some("Paris".into());
    av.date = Some("1er mars 2022".into());
    av.effet = Some("1er avril 2022".into());
    av.visa = vec!["Vu le code de la commande publique".into()];
    let md = render::markdown(&av);
    assert!(md.contains("Le présent avenant prend effet le 1er avril 2022."));
    assert_eq!(parse_avenant(&md).unwrap(), av);
}

#[test]
fn the_sample_applies_to_the_seed() {
    let conv = ena();
    let out = apply(&conv, &sample()).unwrap();
    let text = |k: &str| {
        out.node(out.get(k).unwrap_or_else(|| panic!("{k}")))
            .text
            .clone()
    };
    assert!(text("article-4/al-1").contains("organisé tous les trois mois pour"));
    assert_eq!(out.alineas(out.get("article-4").unwrap()).len(), 6);
    let a4b = out.get("article-4-bis").expect("article 4 bis");
    assert_eq!(out.node(a4b).label.as_deref(), Some("4 bis"));
    assert_eq!(
        out.node(a4b).heading.as_deref(),
        Some("Hébergement des données")
    );
    assert_eq!(
        text("article-4-bis/al-2"),
        "La DINUM en informe l'ENA chaque année."
    );
    assert_eq!(
        text("article-6/al-1"),
        "La présente convention prend effet à sa date de signature. Elle est conclue jusqu'au 30 juin 2022."
    );
    // Everything else is as it was.
    assert_eq!(
        text("article-7/al-1"),
        conv.node(conv.get("article-7/al-1").unwrap()).text
    );
    assert!(out.get("annexe-1/table-1/row-13").is_some());
}

/// The rendered sample is kept as a fixture (`corpus/avenants/`), used by the CLI tests; it is
/// written when missing or when `AVENANT_BLESS=1`.
#[test]
fn the_sample_matches_its_fixture() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/avenants/ena-dinum-2021-avenant-1.md");
    let md = render::markdown(&sample());
    if !path.exists() || std::env::var_os("AVENANT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &md).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), md);
}

/// Blind finding 18: statuts and a règlement without parties are « modifiés », not amended by
/// an avenant between two placeholder parties; the act reads back into the same model.
#[test]
fn a_modification_of_statuts_or_reglement_reads_back() {
    for (title, numero, date, head) in [
        ("statuts", 1, None, "# Modification des statuts du [date]\n"),
        (
            "règlement intérieur du conseil",
            2,
            Some("4 mars 2019"),
            "# Modification n° 2 du règlement intérieur du conseil du 4 mars 2019\n",
        ),
    ] {
        let mut av = sample();
        av.parties.clear();
        av.title = title.into();
        av.numero = numero;
        av.convention_date = date.map(String::from);
        let md = render::markdown(&av);
        assert!(md.starts_with(head), "{md}");
        assert!(!md.contains("Entre"), "{md}");
        assert!(!md.contains("exemplaires"), "{md}");
        assert!(
            md.contains("\nFait à [lieu], le [date].\n\n[nom et fonction du signataire]\n"),
            "{md}"
        );
        assert!(md.contains("à la date de son adoption."), "{md}");
        assert_eq!(parse_avenant(&md).unwrap(), av);
    }
}
