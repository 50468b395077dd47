//! render → parse_avenant gives back the same `Avenant`, for generated instructions whose words
//! and alinéas are taken from the seed conventions (precursor of apply(old, draft(old, new)) ≡ new).

use avenant::avenant::model::*;
use avenant::avenant::render::{self, AvenantFormat};
use avenant::avenant::{formules, parse_avenant};
use proptest::prelude::*;
use std::sync::LazyLock;

/// Alinéa texts and article headings of the seeds.
static TEXTS: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/conventions");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut alineas = Vec::new();
    let mut headings = Vec::new();
    for p in paths {
        let doc = avenant::parse_str("s", &std::fs::read_to_string(p).unwrap());
        for n in &doc.nodes {
            match n.kind {
                avenant::NodeKind::Alinea if n.text.len() > 3 => alineas.push(n.text.clone()),
                avenant::NodeKind::Article => headings.extend(n.heading.clone()),
                _ => {}
            }
        }
    }
    (alineas, headings)
});

fn alinea() -> impl Strategy<Value = String> {
    let n = TEXTS.0.len();
    (0..n).prop_map(|i| TEXTS.0[i].clone())
}

/// A window of 1–5 words from a seed alinéa, without quotation marks.
fn words() -> impl Strategy<Value = String> {
    (alinea(), 0usize..40, 1usize..6).prop_map(|(t, start, len)| {
        let ws: Vec<&str> = t
            .split_whitespace()
            .filter(|w| !w.contains(['«', '»']))
            .collect();
        let s = start % ws.len().max(1);
        let w = ws[s..(s + len).min(ws.len())].join(" ");
        let w = w.trim_end_matches([',', ';', ':', '.', ' ']).to_string();
        if w.is_empty() {
            "mot".to_string()
        } else {
            w
        }
    })
}

fn heading() -> impl Strategy<Value = String> {
    let n = TEXTS.1.len();
    (0..n).prop_map(|i| TEXTS.1[i].clone())
}

fn position() -> impl Strategy<Value = Position> {
    prop_oneof![
        (1u32..8).prop_map(Position::Nth),
        Just(Position::Second),
        Just(Position::Last),
        Just(Position::BeforeLast),
    ]
}

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..15).prop_map(|n| canonical_label(&n.to_string())),
        (1u32..15).prop_map(|n| format!("{n} bis")),
        (1u32..4, 1u32..4).prop_map(|(a, b)| format!("{a}.{b}")),
    ]
}

/// Where a sub-article instruction points.
fn inner_target(l: String) -> impl Strategy<Value = Target> {
    let base = Target::article(&l);
    prop_oneof![
        position().prop_map({
            let b = base.clone();
            move |p| b.clone().with_alinea(p)
        }),
        (position(), position()).prop_map({
            let b = base.clone();
            move |(a, p)| b.clone().with_alinea(a).with_phrase(p)
        }),
        (1u32..6).prop_map({
            let b = base.clone();
            move |n| b.clone().with_item(&format!("{n}°"))
        }),
        (1u32..6).prop_map({
            let b = base.clone();
            move |n| b.clone().with_item(&format!("{n}°")).with_item("b")
        }),
        Just(base),
    ]
}

fn value_type() -> impl Strategy<Value = Option<ValueType>> {
    prop_oneof![
        Just(None),
        Just(Some(ValueType::Date)),
        Just(Some(ValueType::Montant)),
        Just(Some(ValueType::Nombre)),
        Just(Some(ValueType::Taux)),
        Just(Some(ValueType::Duree)),
    ]
}

fn alineas() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(alinea(), 1..4)
}

/// An instruction on the inside of article `l` (words, phrases, alinéas, heading).
fn inner(l: String) -> impl Strategy<Value = Instruction> {
    let words_op = prop_oneof![
        (words(), words(), value_type()).prop_map(|(old, new, value_type)| Op::ReplaceWords {
            old,
            new,
            value_type
        }),
        (words(), words(), any::<bool>()).prop_map(|(a, words, after)| Op::InsertWords {
            anchor: if after {
                Anchor::After(a)
            } else {
                Anchor::Before(a)
            },
            words
        }),
        (words(), any::<bool>()).prop_map(|(words, to_end)| Op::DeleteWords { words, to_end }),
        (words(), alinea()).prop_map(|(after, text)| Op::RewriteEnd { after, text }),
    ];
    let t = l.clone();
    let words_ins = (inner_target(t), words_op).prop_map(|(target, op)| Instruction { target, op });
    let a = Target::article(&l);
    let alinea_ins = (position(), 0u8..9, alineas(), words(), 1u32..4).prop_map({
        let a = a.clone();
        move |(p, kind, al, w, count)| {
            let ta = a.clone().with_alinea(p);
            let (target, op) = match kind {
                0 => (ta, Op::AddWordsAtStart { words: w }),
                1 => (ta, Op::AddWordsAtEnd { words: w }),
                2 => (
                    ta,
                    Op::AddPhrase {
                        text: al[0].clone(),
                    },
                ),
                3 => (
                    ta.with_phrase(p),
                    Op::RewritePhrase {
                        text: al[0].clone(),
                    },
                ),
                4 => (
                    ta.with_phrase(Position::Nth(1)),
                    Op::InsertPhrase {
                        text: al[0].clone(),
                    },
                ),
                5 => (ta.with_phrase(Position::Last), Op::DeletePhrase),
                6 => (ta, Op::InsertAlineas { alineas: al }),
                7 => match p {
                    Position::Nth(_) => (ta, Op::DeleteAlineas { count }),
                    _ => (ta, Op::DeleteAlineas { count: 1 }),
                },
                _ => match p {
                    Position::Nth(_) => (ta, Op::RewriteAlineas { count, alineas: al }),
                    _ => (
                        ta,
                        Op::RewriteAlineas {
                            count: 1,
                            alineas: al,
                        },
                    ),
                },
            };
            Instruction { target, op }
        }
    });
    let unit_ins = (alineas(), any::<bool>(), heading()).prop_map({
        let a = a.clone();
        move |(al, start, h)| {
            if start && al.len() == 1 {
                Instruction {
                    target: a.clone().with_heading(),
                    op: Op::RewriteHeading { heading: h },
                }
            } else {
                Instruction {
                    target: a.clone(),
                    op: Op::AddAlineas {
                        at: if start {
                            AlineaAt::Start
                        } else {
                            AlineaAt::End
                        },
                        alineas: al,
                    },
                }
            }
        }
    });
    prop_oneof![4 => words_ins, 4 => alinea_ins, 1 => unit_ins]
}

/// An instruction on a whole article, an annex or the convention.
fn outer() -> impl Strategy<Value = Instruction> {
    prop_oneof![
        (label(), prop::option::of(heading()), alineas()).prop_map(|(l, heading, alineas)| {
            Instruction {
                target: Target::article(&l),
                op: Op::RewriteArticle { heading, alineas },
            }
        }),
        (1u32..12, prop::option::of(heading()), alineas()).prop_map(|(n, heading, alineas)| {
            Instruction {
                target: Target::article(&n.to_string()),
                op: Op::InsertArticle {
                    label: format!("{n} bis"),
                    heading,
                    alineas,
                },
            }
        }),
        (10u32..20, prop::option::of(heading()), alineas()).prop_map(|(n, heading, alineas)| {
            Instruction {
                target: Target::convention(),
                op: Op::AddArticle {
                    label: n.to_string(),
                    heading,
                    alineas,
                },
            }
        }),
        label().prop_map(|l| Instruction {
            target: Target::article(&l),
            op: Op::DeleteArticle
        }),
        (2u32..9, 1u32..4, any::<bool>()).prop_map(|(a, n, contiguous)| {
            let from: Vec<String> = if contiguous || n == 1 {
                (a..a + n)
                    .map(|x| canonical_label(&x.to_string()))
                    .collect()
            } else {
                (0..n).map(|i| (a + 2 * i).to_string()).collect()
            };
            let to = from
                .iter()
                .map(|x| (x.trim_end_matches("er").parse::<u32>().unwrap() + 1).to_string())
                .collect();
            Instruction {
                target: Target::convention(),
                op: Op::Renumber { from, to },
            }
        }),
        (1u32..4, position(), words(), words(), value_type()).prop_map(
            |(n, p, old, new, value_type)| Instruction {
                target: Target::unit(Unit::annex(Some(&n.to_string()))).with_row(p),
                op: Op::ReplaceWords {
                    old,
                    new,
                    value_type
                }
            }
        ),
        (1u32..4).prop_map(|n| Instruction {
            target: Target::unit(Unit::annex(Some(&n.to_string()))),
            op: Op::DeleteAnnex
        }),
        (words(), words(), value_type()).prop_map(|(old, new, value_type)| Instruction {
            target: Target::convention(),
            op: Op::ReplaceEverywhere {
                old,
                new,
                value_type
            }
        }),
    ]
}

fn article(number: u32) -> impl Strategy<Value = AmendingArticle> {
    let chapeau = label().prop_flat_map(move |l| {
        let l2 = l.clone();
        prop::collection::vec(inner(l.clone()), 1..4).prop_map(move |instructions| {
            AmendingArticle {
                number,
                heading: formules::modification_heading(&Unit::article(&l2)),
                instructions,
            }
        })
    });
    let single = outer().prop_map(move |i| AmendingArticle {
        number,
        heading: formules::modification_heading(&i.target.unit),
        instructions: vec![i],
    });
    prop_oneof![chapeau, single]
}

fn avenant() -> impl Strategy<Value = Avenant> {
    (
        1u32..5,
        prop::option::of(words()),
        prop::collection::vec(any::<u8>(), 1..5),
    )
        .prop_flat_map(|(numero, objet, arts)| {
            let articles: Vec<_> = (1..=arts.len() as u32).map(article).collect();
            (Just(numero), Just(objet), articles)
        })
        .prop_map(|(numero, objet, articles)| Avenant {
            numero,
            title: "convention de partenariat".into(),
            convention_date: Some("2 avril 2021".into()),
            parties: vec![
                AvenantParty {
                    name: "Réseau Canopé".into(),
                    short_name: Some("Canopé".into()),
                },
                AvenantParty {
                    name: "La Direction interministérielle du numérique (DINUM)".into(),
                    short_name: Some("la DINUM".into()),
                },
            ],
            visa: vec![],
            objet,
            organ: None,
            articles,
            effet: None,
            lieu: None,
            date: None,
            written: Default::default(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn render_then_read_gives_the_same_avenant(av in avenant()) {
        for format in [AvenantFormat::Markdown, AvenantFormat::Text] {
            let text = render::to_string(&av, format);
            let back = parse_avenant(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(&back, &av, "{}", text);
        }
    }
}
