//! Expected pairings of every pair of versions in `corpus/real/` and of the bench codes, written
//! by reading the documents: which article, sub-article, annexe and division of the old version
//! a jurist pairs with which of the new, and why (« même numéro, même place », same heading…).

use avenant::align::{align, AlignOptions, Alignment, Basis};
use avenant::{Document, NodeKind, ReadOptions};
use std::path::Path;

fn corpus(dir: &str, name: &str) -> Option<Document> {
    let path = format!(
        "{}/../shared/corpus/{dir}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let path = Path::new(&path);
    if !path.exists() {
        eprintln!("{name}: corpus absent, skipped");
        return None;
    }
    avenant::read(path, &ReadOptions::default()).ok()
}

/// Units a jurist pairs by name: articles and sub-articles, annexes, divisions, parties (tables
/// are content, paired with what holds them).
fn is_unit(kind: NodeKind) -> bool {
    !kind.is_alinea_like() && !matches!(kind, NodeKind::Row | NodeKind::Note | NodeKind::Table)
}

/// « old>new:basis[:r][:m] » for every unit pair, depth first.
fn unit_pairs(old: &Document, new: &Document, a: &Alignment) -> Vec<String> {
    let key = |d: &Document, id: Option<avenant::NodeId>| {
        id.map_or("-".to_string(), |i| d.node(i).key.clone())
    };
    // A unit on either side: an alinéa that became a division's heading is listed.
    a.iter()
        .filter(|p| {
            p.old.is_some_and(|o| is_unit(old.node(o).kind))
                || p.new.is_some_and(|n| is_unit(new.node(n).kind))
        })
        .map(|p| {
            format!(
                "{}>{}:{}{}{}",
                key(old, p.old),
                key(new, p.new),
                p.basis.as_str(),
                if p.renumbered { ":r" } else { "" },
                if p.moved { ":m" } else { "" }
            )
        })
        .collect()
}

fn pairs_of(dir: &str, old: &str, new: &str) -> Option<(Document, Document, Vec<String>)> {
    let (o, n) = (corpus(dir, old)?, corpus(dir, new)?);
    let a = align(&o, &n, &AlignOptions::default());
    let pairs = unit_pairs(&o, &n, &a);
    Some((o, n, pairs))
}

fn check(dir: &str, old: &str, new: &str, expected: &[&str]) {
    let Some((_, _, pairs)) = pairs_of(dir, old, new) else {
        return;
    };
    assert_eq!(pairs, expected, "{old} → {new}");
}

const R: &str = "real";

#[test]
fn cdtn_rupture_2019_2021_the_footnote_went() {
    // A letter-like model without articles: title, the two parties, the body and the
    // signature block pair; the 2019 footnote is gone in 2021 (its call was removed from the
    // text).
    check(
        R,
        "cdtn-rupture-amiable-apprentissage-2019-12-24.docx",
        "cdtn-rupture-amiable-apprentissage-2021-02-03.docx",
        &[
            "titre>titre:similar",
            "parties>parties:similar",
            "parties/partie-1>parties/partie-1:similar",
            "parties/partie-2>parties/partie-2:similar",
            "corps>corps:similar",
            "signatures>signatures:role",
            "notes>-:unmatched",
        ],
    );
}

#[test]
fn potentiel_recours_2024_2025_one_title() {
    // A letter: its letterhead table, its object (the title), its body (tables inside) and its
    // closing formula with the copies, on each side, paired exactly.
    check(
        R,
        "potentiel-modele-reponse-recours-2024-09-18.docx",
        "potentiel-modele-reponse-recours-2025-01-31.docx",
        &[
            "en-tete>en-tete:exact",
            "titre>titre:exact",
            "corps>corps:exact",
            "signatures>signatures:exact",
        ],
    );
}

#[test]
fn apilos_avenant_2023_2026_three_articles_under_their_numbers() {
    // Article 1er (objet, one more case), Article 2 (the corrected text, three times longer),
    // Article 3 unchanged; the signature block rewritten (signataires' Jinja blocks).
    check(
        R,
        "apilos-avenant-foyer-residence-2023-01-02.docx",
        "apilos-avenant-foyer-residence-2026-06-02.docx",
        &[
            "titre>titre:exact",
            "parties>parties:similar",
            "parties/partie-1>parties/partie-1:similar",
            "preambule>preambule:exact",
            "article-1>article-1:similar",
            "article-2>article-2:similar",
            "article-3>article-3:exact",
            "signatures>signatures:role",
        ],
    );
}

#[test]
fn apilos_convention_2022_2026_twenty_articles_under_their_numbers() {
    let mut expected = vec![
        "titre>titre:similar".to_string(),
        "parties>parties:similar".into(),
        "parties/partie-1>parties/partie-1:similar".into(),
        "visas>visas:similar".into(),
        "preambule>preambule:exact".into(),
    ];
    expected.extend((1..=20).map(|n| format!("article-{n}>article-{n}:similar")));
    expected.push("signatures>signatures:similar".into());
    expected.push("annexe>annexe:heading".into());
    // The annex's sub-divisions: the 2022 edition numbers them 1° … 5° (A.-, B.- and 1. … 6.
    // inside 3°), the 2026 edition I., I bis, II. … IV. (A. … D. inside III and IV). Read as a
    // jurist: 1° Désignation ↔ I bis Désignation and 5° Renseignements administratifs ↔ IV
    // (same words, renumbered); 2° Nature de l'opération ↔ II Nature du programme and
    // 3° Composition de l'opération ↔ III Composition du programme (headings reworded, at the
    // same place between 1° and 5°: « rank », renumbered in the Roman scheme); 3° A ↔ III A
    // (similar), 3° B ↔ III B (same letter, same place); 4° Origine des propriétés went one
    // level down, into IV as its A « Origine de propriété » (same alinéas: moved). The
    // numbered points 1. … 6. of 3° A are gone: 2026 gives the same facts as tables and
    // alinéas of III A, except point 2 « Surface habitable totale … : {{ sh_totale|f }} m² »,
    // now III A's opening alinéa « Surface habitable totale : {{ surface_habitable_totale »
    // (a heading-only point that became an alinéa: restructured). Point I « Nom et adresse du
    // logement-foyer : {{ programme.nom }}, de … » was the annex's opening alinéa
    // « Description de l'opération {{ programme.nom }}, pour … »; IV B « Permis de construire
    // … » and IV C « Modalités de financement de l'opération … » were the alinéas 5.1 and 5.4
    // of 5° (alinéas that became headings: restructured). IV D « Historique des financements
    // publics » is new.
    for p in [
        "annexe/al-1>annexe/i:restructured",
        "annexe/1o>annexe/i-bis:similar:r",
        "annexe/2o>annexe/ii:rank:r",
        "annexe/3o>annexe/iii:rank:r",
        "annexe/3o/a>annexe/iii/a:similar",
        "annexe/3o/a/1>-:unmatched",
        "annexe/3o/a/3>-:unmatched",
        "annexe/3o/a/3-bis>-:unmatched",
        "annexe/3o/a/3-ter>-:unmatched",
        "annexe/3o/a/4>-:unmatched",
        "annexe/3o/a/5>-:unmatched",
        "annexe/3o/a/6>-:unmatched",
        "annexe/3o/a/2>annexe/iii/a/al-1:restructured",
        "annexe/3o/b>annexe/iii/b:place",
        "annexe/5o>annexe/iv:similar:r",
        "annexe/4o>annexe/iv/a:similar:r:m",
        "annexe/5o/al-1>annexe/iv/b:restructured",
        "annexe/5o/al-4>annexe/iv/c:restructured",
        "->annexe/iv/d:unmatched",
    ] {
        expected.push(p.into());
    }
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    check(
        R,
        "apilos-convention-apl-foyer-2022-12-06.docx",
        "apilos-convention-apl-foyer-2026-06-10.docx",
        &expected,
    );
}

#[test]
fn lrb_statuts_2013_2016_fourteen_articles_under_their_numbers() {
    // Articles 2, 3, 5, 6, 7, 9, 11, 12, 13 amended (README of real/), the others unchanged.
    check(
        R,
        "lrb-statuts-association-2013-06-03.odt",
        "lrb-statuts-association-2016-06-24.odt",
        &[
            "titre>titre:exact",
            "article-1>article-1:exact",
            "article-2>article-2:heading",
            "article-3>article-3:heading",
            "article-4>article-4:exact",
            "article-5>article-5:heading",
            "article-6>article-6:heading",
            "article-7>article-7:heading",
            "article-8>article-8:exact",
            "article-9>article-9:heading",
            "article-10>article-10:exact",
            "article-11>article-11:heading",
            "article-12>article-12:heading",
            "article-13>article-13:heading",
            "article-14>article-14:exact",
            "signatures>signatures:role",
        ],
    );
}

const ENA: [&str; 16] = [
    "en-tete>en-tete:exact",
    "titre>titre:exact",
    "parties>parties:exact",
    "parties/partie-1>parties/partie-1:exact",
    "parties/partie-2>parties/partie-2:exact",
    "preambule>preambule:exact",
    "article-1>article-1:exact",
    "article-2>article-2:exact",
    "article-3>article-3:exact",
    "article-4>article-4:exact",
    "article-5>article-5:exact",
    "article-6>article-6:exact",
    "article-7>article-7:exact",
    "signatures>signatures:exact",
    "annexe-1>annexe-1:exact",
    "notes>notes:exact",
];

#[test]
fn seed_ena_numbered_and_tracked() {
    // Generated labels: the same tree, every unit exact.
    check(R, "seed-ena.odt", "seed-ena-numbered.docx", &ENA);
    // One tracked date in Art. 6: modified under its heading, the rest exact.
    let tracked: Vec<&str> = ENA
        .iter()
        .map(|p| {
            if p.starts_with("article-6>") {
                "article-6>article-6:heading"
            } else {
                p
            }
        })
        .collect();
    check(R, "seed-ena.odt", "seed-ena-tracked.docx", &tracked);
}

fn canope() -> Vec<String> {
    let mut v: Vec<String> = [
        "titre",
        "parties",
        "parties/partie-1",
        "parties/partie-2",
        "visas",
        "preambule",
    ]
    .iter()
    .map(|k| format!("{k}>{k}:exact"))
    .collect();
    for k in (1..=5)
        .map(|n| format!("article-{n}"))
        .chain((1..=6).map(|n| format!("article-5.{n}")))
        .chain((6..=9).map(|n| format!("article-{n}")))
    {
        v.push(format!("{k}>{k}:exact"));
    }
    for k in ["signatures", "annexe-1", "annexe-2", "annexe-3", "notes"] {
        v.push(format!("{k}>{k}:exact"));
    }
    v
}

#[test]
fn seed_canope_numbered_and_tracked() {
    let all = canope();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    check(R, "seed-canope.odt", "seed-canope-numbered.docx", &all);
    let tracked: Vec<&str> = all
        .iter()
        .map(|p| {
            if p.starts_with("article-7>") {
                "article-7>article-7:heading"
            } else {
                p
            }
        })
        .collect();
    check(R, "seed-canope.odt", "seed-canope-tracked.docx", &tracked);
}

// ---- Mechanisms, each on two real documents (their text as LibreOffice exports it, edited as
// a new version would be). ----

pub(crate) fn soffice(name: &str) -> Option<String> {
    let path = format!(
        "{}/../shared/corpus/real/{name}.soffice.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).ok()
}

/// The text with the block opened by the line starting with `heading` (up to the next line
/// starting with one of `next`) replaced by `with` (lines).
pub(crate) fn replace_block(text: &str, heading: &str, next: &[&str], with: &[&str]) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    let mut done = false;
    for line in text.lines() {
        let t = line.trim_start().replace('\u{a0}', " ");
        if !done && t.starts_with(heading) {
            inside = true;
            done = true;
            out.extend(with.iter().map(|s| s.to_string()));
            continue;
        }
        if inside && next.iter().any(|n| t.starts_with(n)) {
            inside = false;
        }
        if !inside {
            out.push(line.to_string());
        }
    }
    out.join("\n")
}

fn align_texts(old: &str, new: &str) -> Vec<String> {
    let (o, n) = (avenant::parse_str("v1", old), avenant::parse_str("v2", new));
    let a = align(&o, &n, &AlignOptions::default());
    unit_pairs(&o, &n, &a)
}

const REWRITTEN: &str = "Les parties conviennent de reconduire chaque année leurs engagements réciproques par simple échange de courriers entre leurs représentants.";

#[test]
fn titled_article_rewritten_in_place_is_modified_under_its_number() {
    // Canopé, Article 7: heading shortened, every word of the body rewritten.
    let Some(old) = soffice("seed-canope") else {
        return;
    };
    let new = replace_block(
        &old,
        "Article 7 :",
        &["Article 8"],
        &["Article 7 : Durée de la convention", "", REWRITTEN, ""],
    );
    let p = align_texts(&old, &new);
    assert!(
        p.contains(&"article-7>article-7:place".to_string()),
        "{p:#?}"
    );
    assert!(!p.iter().any(|x| x.contains(":m")), "{p:#?}");
    // Statuts LRB 2016, Article 7 « Admission » → « Admission des membres », body rewritten.
    let Some(old) = soffice("lrb-statuts-association-2016-06-24") else {
        return;
    };
    let new = replace_block(
        &old,
        "Article 7 ",
        &["Article 8 "],
        &["Article 7 – Admission des membres", REWRITTEN],
    );
    let p = align_texts(&old, &new);
    assert!(
        p.contains(&"article-7>article-7:place".to_string()),
        "{p:#?}"
    );
    // A heading that says something else is another subject: deleted and inserted.
    let new = replace_block(
        &old,
        "Article 7 ",
        &["Article 8 "],
        &["Article 7 – Communication externe", REWRITTEN],
    );
    let p = align_texts(&old, &new);
    assert!(p.contains(&"article-7>-:unmatched".to_string()), "{p:#?}");
}

/// Each line starting with `from(n)` (after indentation) starts with `to(n)` instead, for `n`
/// in `range`.
pub(crate) fn renumber(
    text: &str,
    range: std::ops::RangeInclusive<u32>,
    from: impl Fn(u32) -> String,
    to: impl Fn(u32) -> String,
) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_start().replace('\u{a0}', " ");
            for n in range.clone() {
                if let Some(rest) = t.strip_prefix(&from(n)) {
                    return format!("{}{rest}", to(n));
                }
            }
            line.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn sub_articles_renumbered_after_a_deletion() {
    // Canopé: 5.1 deleted, 5.2–5.6 become 5.1–5.5.
    let Some(old) = soffice("seed-canope") else {
        return;
    };
    let new = replace_block(&old, "5.1 ", &["5.2 "], &[]);
    let new = renumber(
        &new,
        2..=6,
        |n| format!("5.{n} "),
        |n| format!("5.{} ", n - 1),
    );
    let p = align_texts(&old, &new);
    assert!(p.contains(&"article-5.1>-:unmatched".to_string()), "{p:#?}");
    for n in 2..=6 {
        let want = format!("article-5.{n}>article-5.{}:exact:r", n - 1);
        assert!(p.contains(&want), "{want} {p:#?}");
    }
    // ENA: Article 2 deleted, Articles 3–7 become 2–6.
    let Some(old) = soffice("seed-ena") else {
        return;
    };
    let new = replace_block(&old, "Article 2 :", &["Article 3 :"], &[]);
    let new = renumber(
        &new,
        3..=7,
        |n| format!("Article {n} :"),
        |n| format!("Article {} :", n - 1),
    );
    let p = align_texts(&old, &new);
    assert!(p.contains(&"article-2>-:unmatched".to_string()), "{p:#?}");
    for n in 3..=7 {
        let want = format!("article-{n}>article-{}:", n - 1);
        assert!(
            p.iter().any(|x| x.starts_with(&want) && x.contains(":r")),
            "{want} {p:#?}"
        );
    }
}

#[test]
fn annexes_renumbered_after_a_deletion() {
    // Canopé: ANNEXE 1 deleted, annexes 2–3 become 1–2.
    let Some(old) = soffice("seed-canope") else {
        return;
    };
    let new = replace_block(&old, "ANNEXE 1 ", &["ANNEXE 2 "], &[]);
    let new = renumber(
        &new,
        2..=3,
        |n| format!("ANNEXE {n} "),
        |n| format!("ANNEXE {} ", n - 1),
    );
    let p = align_texts(&old, &new);
    assert!(p.contains(&"annexe-1>-:unmatched".to_string()), "{p:#?}");
    assert!(
        p.contains(&"annexe-2>annexe-1:exact:r".to_string()),
        "{p:#?}"
    );
    assert!(
        p.contains(&"annexe-3>annexe-2:exact:r".to_string()),
        "{p:#?}"
    );
    // ENA: a new Annexe 1 inserted before the old one, which becomes Annexe 2.
    let Some(old) = soffice("seed-ena") else {
        return;
    };
    let new = renumber(
        &old,
        1..=1,
        |n| format!("Annexe {n} :"),
        |n| format!("Annexe {} :", n + 1),
    );
    let new = new.replace(
        "\nAnnexe 2 :",
        "\nAnnexe 1 : Calendrier prévisionnel des travaux\n\nLe calendrier des ateliers est arrêté d'un commun accord par le comité de suivi.\n\nAnnexe 2 :",
    );
    let p = align_texts(&old, &new);
    assert!(p.contains(&"->annexe-1:unmatched".to_string()), "{p:#?}");
    assert!(
        p.contains(&"annexe-1>annexe-2:exact:r".to_string()),
        "{p:#?}"
    );
}

// ---- The bench codes: an article's number is its identity. ----

/// (old key, new key, basis, moved) of every article pair.
fn article_pairs(
    old: &Document,
    new: &Document,
    a: &Alignment,
) -> Vec<(String, String, Basis, bool)> {
    let key = |d: &Document, id: Option<avenant::NodeId>| {
        id.map_or("-".to_string(), |i| d.node(i).key.clone())
    };
    a.iter()
        .filter(|p| {
            p.old
                .map(|o| old.node(o).kind)
                .or(p.new.map(|n| new.node(n).kind))
                == Some(NodeKind::Article)
        })
        .map(|p| (key(old, p.old), key(new, p.new), p.basis, p.moved))
        .collect()
}

/// Every article number present in both versions is paired with itself, unless its words went
/// to another number (paired exactly or by similarity elsewhere).
fn numbers_are_identities(pairs: &[(String, String, Basis, bool)]) -> usize {
    let olds: std::collections::HashSet<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
    let news: std::collections::HashSet<&str> = pairs.iter().map(|p| p.1.as_str()).collect();
    let mut same = 0;
    for (o, n, basis, _) in pairs {
        if o == n {
            same += 1;
            continue;
        }
        let shared =
            (o != "-" && news.contains(o.as_str())) || (n != "-" && olds.contains(n.as_str()));
        if shared && *basis != Basis::Unmatched {
            assert!(
                matches!(basis, Basis::Exact | Basis::Similar),
                "{o} → {n}: {basis:?}"
            );
        }
    }
    same
}

#[test]
fn code_civil_2012_2015_articles_keep_their_numbers() {
    let Some((o, n, _)) = pairs_of(
        "bench",
        "code-civil-2012-12-31.md",
        "code-civil-2015-04-01.md",
    ) else {
        return;
    };
    let a = align(&o, &n, &AlignOptions::default());
    let pairs = article_pairs(&o, &n, &a);
    assert_eq!(numbers_are_identities(&pairs), 1790);
    // Created 2013–2015 (mariage pour tous, loi du 16 février 2015: 515-14 on animals…).
    let inserted: Vec<&str> = pairs
        .iter()
        .filter(|p| p.0 == "-")
        .map(|p| p.1.as_str())
        .collect();
    assert_eq!(
        inserted,
        [
            "article-6-1",
            "article-34-1",
            "article-143",
            "article-171-9",
            "article-202-1",
            "article-202-2",
            "article-225-1",
            "article-515-14",
            "article-1751-1"
        ]
    );
    // Article 2279 (actions possessoires) repealed by the loi du 16 février 2015.
    let deleted: Vec<&str> = pairs
        .iter()
        .filter(|p| p.1 == "-")
        .map(|p| p.0.as_str())
        .collect();
    assert_eq!(deleted, ["article-2279"]);
    assert!(!pairs.iter().any(|p| p.3 && p.0 == p.1), "no article moved");
    // Divisions: every old one keeps its place under its number (headings retouched, as
    // « modifié » by heading); two created by the loi du 17 mai 2013 (mariage pour tous) in
    // livre Ier, titre V « Du mariage ».
    let divisions: Vec<(String, String)> = a
        .iter()
        .filter(|p| {
            p.old
                .map(|x| o.node(x).kind)
                .or(p.new.map(|x| n.node(x).kind))
                == Some(NodeKind::Structure)
        })
        .map(|p| {
            (
                p.old.map_or("-".into(), |x| o.node(x).key.clone()),
                p.new.map_or("-".into(), |x| n.node(x).key.clone()),
            )
        })
        .collect();
    assert!(divisions.len() > 100, "{}", divisions.len());
    let unpaired: Vec<&(String, String)> = divisions.iter().filter(|d| d.0 != d.1).collect();
    assert_eq!(
        unpaired,
        [
            &(
                "-".to_string(),
                "livre-ier/titre-v/chapitre-ii-bis/section-4".to_string()
            ),
            &(
                "-".to_string(),
                "livre-ier/titre-v/chapitre-iv-bis".to_string()
            ),
        ]
    );
}

#[test]
fn code_du_travail_2011_2015_rewritten_articles_keep_their_numbers() {
    let Some((o, n, _)) = pairs_of(
        "bench",
        "code-du-travail-2011-12-31.md",
        "code-du-travail-2015-04-01.md",
    ) else {
        return;
    };
    let a = align(&o, &n, &AlignOptions::default());
    let pairs = article_pairs(&o, &n, &a);
    let same = numbers_are_identities(&pairs);
    assert!(same >= 9_650, "{same}");
    let find = |k: &str| pairs.iter().find(|p| p.0 == k).cloned();
    // The DIF became the compte personnel de formation (loi du 5 mars 2014): L. 6323-1 to -4
    // rewritten in place under the renamed Section 1 « Principes communs ».
    for k in [
        "article-L6323-1",
        "article-L6323-2",
        "article-L6323-3",
        "article-L6323-4",
    ] {
        let p = find(k).unwrap_or_else(|| panic!("{k} absent"));
        assert_eq!((p.1.as_str(), p.2, p.3), (k, Basis::Place, false), "{k}");
    }
    // L. 6323-5 to -9 left Section 2 for Section 1: same number, elsewhere.
    for k in ["article-L6323-5", "article-L6323-9"] {
        let p = find(k).unwrap_or_else(|| panic!("{k} absent"));
        assert_eq!((p.1.as_str(), p.2, p.3), (k, Basis::Number, true), "{k}");
    }
    // L. 5122-1: its Section 1 removed around it, it stays in its chapter.
    let p = find("article-L5122-1").expect("L. 5122-1");
    assert_eq!((p.1.as_str(), p.3), ("article-L5122-1", false));
    // The renamed division itself is paired and reported: Section 1 « Conditions d'ouverture »
    // → « Principes communs ».
    let section = a.iter().find(|p| {
        p.old.is_some_and(|x| {
            o.node(x)
                .key
                .ends_with("partie-6/livre-iii/titre-ii/chapitre-iii/section-1")
        })
    });
    let section = section.expect("section 1 paired");
    let new_key = section
        .new
        .map(|x| n.node(x).key.clone())
        .unwrap_or_default();
    assert!(
        new_key.ends_with("partie-6/livre-iii/titre-ii/chapitre-iii/section-1"),
        "{new_key}"
    );
    assert_eq!(section.basis, Basis::Place);
    // Divisions one level down: partie réglementaire, livre VI (4e partie), titre II,
    // chapitre V « Surveillance médicale des salariés temporaires » became « … de catégories
    // particulières de travailleurs »; its sections 1 to 6 are now the sous-sections 1 to 6 of
    // its new section 1 « Travailleur temporaire » (sections 2 « Salarié saisonnier » and 3
    // « Travailleurs éloignés » are new). Each old section is paired with its sous-section
    // (moved, renumbered), none with the new section that took its number.
    let chapter = "partie-reglementaire/partie-4/livre-vi/titre-ii/chapitre-v";
    for k in 1..=6 {
        let (old_key, new_key) = (
            format!("{chapter}/section-{k}"),
            format!("{chapter}/section-1/sous-section-{k}"),
        );
        let p = a
            .iter()
            .find(|p| p.old.is_some_and(|x| o.node(x).key == old_key))
            .unwrap_or_else(|| panic!("{old_key} absent"));
        let got = p.new.map(|x| n.node(x).key.clone()).unwrap_or_default();
        assert_eq!(
            (got.as_str(), p.moved),
            (new_key.as_str(), true),
            "{old_key}"
        );
    }
    for k in 1..=3 {
        let new_key = format!("{chapter}/section-{k}");
        let p = a
            .iter()
            .find(|p| p.new.is_some_and(|x| n.node(x).key == new_key))
            .unwrap_or_else(|| panic!("{new_key} absent"));
        assert_eq!(p.basis, Basis::Unmatched, "{new_key} is new");
    }
    // Renumbering series, read in both codes: the apprentissage's Chapitre VI « Dispositions
    // pénales » became Chapitre VII (a new Chapitre VI on temporary work agencies), its
    // R. 6226-1 to -10 now R. 6227-1 to -10; the CESU's D. 1271-8 to -27 became R. 1271-8 to
    // -27, same words.
    let series: Vec<String> = avenant::align::renumber::renumberings(&o, &n, &a)
        .iter()
        .map(avenant::render::diff_common::renumbering_line)
        .collect();
    for want in [
        "articles R6226-1 à R6226-10 deviennent R6227-1 à R6227-10",
        "articles D1271-8 à D1271-27 deviennent R1271-8 à R1271-27",
    ] {
        assert!(series.iter().any(|s| s == want), "{want}: {series:#?}");
    }
    // Alinéas that became sub-divisions: D. 1271-5 quoted article D. 133-19 of the code de la
    // sécurité sociale in 2011 (its points « 1° Mentions relatives à l'employeur : » … were
    // alinéas of the quotation); in 2015 it states the mentions itself, the same points 1° to
    // 4° now its sub-divisions. R. 6332-36: its opening « I.-Les frais de gestion … » alinéa is
    // now the heading of its I.
    let restructured: Vec<(String, String)> = a
        .iter()
        .filter(|p| p.basis == Basis::Restructured)
        .map(|p| {
            (
                p.old.map_or("-".into(), |x| o.node(x).key.clone()),
                p.new.map_or("-".into(), |x| n.node(x).key.clone()),
            )
        })
        .collect();
    for (old_key, new_key) in [
        ("article-D1271-5/al-3", "article-D1271-5/1o"),
        ("article-D1271-5/al-6", "article-D1271-5/2o"),
        ("article-D1271-5/al-10", "article-D1271-5/3o"),
        ("article-D1271-5/al-15", "article-D1271-5/4o"),
        ("article-R6332-36/al-1", "article-R6332-36/i"),
    ] {
        assert!(
            restructured
                .iter()
                .any(|(x, y)| x == old_key && y == new_key),
            "{old_key} → {new_key}: {restructured:#?}"
        );
    }
    // L. 6121-2, rewritten whole around the new « I.-La région organise … », is not.
    assert!(
        !restructured
            .iter()
            .any(|(x, _)| x.starts_with("article-L6121-2/")),
        "{restructured:#?}"
    );
}

/// The renumbering series is reported once, in Markdown and in the terminal.
#[test]
fn renumbering_series_reported() {
    let Some(old) = soffice("seed-canope") else {
        return;
    };
    let new = replace_block(&old, "5.1 ", &["5.2 "], &[]);
    let new = renumber(
        &new,
        2..=6,
        |n| format!("5.{n} "),
        |n| format!("5.{} ", n - 1),
    );
    let new = replace_block(&new, "ANNEXE 1 ", &["ANNEXE 2 "], &[]);
    let new = renumber(
        &new,
        2..=3,
        |n| format!("ANNEXE {n} "),
        |n| format!("ANNEXE {} ", n - 1),
    );
    let cmp = avenant::diff::compare(
        avenant::parse_str("v1", &old),
        avenant::parse_str("v2", &new),
        &avenant::diff::DiffOptions::default(),
    );
    let options = avenant::render::diff_common::DiffRenderOptions::default();
    let mut md = Vec::new();
    avenant::render::diff_md::write_diff_md(&cmp, &options, &mut md).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(
        md.contains("- Articles 5.2 à 5.6 deviennent 5.1 à 5.5."),
        "{md}"
    );
    assert!(md.contains("- Annexes 2 et 3 deviennent 1 et 2."), "{md}");
    let mut term = Vec::new();
    avenant::render::diff_terminal::write_diff_terminal(&cmp, &options, &mut term).unwrap();
    let term = String::from_utf8(term).unwrap();
    assert!(
        term.contains("Renumérotation : articles 5.2 à 5.6 deviennent 5.1 à 5.5."),
        "{term}"
    );
}

/// An alinéa that left one article for another is shown on both sides: where it arrives
/// (« déplacé depuis … ») and where it left (« déplacé vers … »). LRB statuts: Article 3's
/// last alinéa moved to the end of Article 4; ENA: Article 3's first alinéa to the end of
/// Article 4.
#[test]
fn moved_alinea_shown_on_both_sides() {
    for (name, from, skip, next) in [
        (
            "lrb-statuts-association-2016-06-24",
            "Article 3 ",
            2,
            "Article 5 ",
        ),
        ("seed-ena", "Article 3 :", 1, "Article 5 :"),
    ] {
        let Some(old) = soffice(name) else { return };
        let norm = |l: &str| l.trim_start().replace('\u{a0}', " ");
        let mut lines: Vec<String> = old.lines().map(str::to_string).collect();
        let head = lines
            .iter()
            .position(|l| norm(l).starts_with(from))
            .expect("from");
        let at = (head + 1..lines.len())
            .filter(|k| !lines[*k].trim().is_empty())
            .nth(skip - 1)
            .expect("alinéa");
        let moved = lines.remove(at);
        let to = lines
            .iter()
            .position(|l| norm(l).starts_with(next))
            .expect("next");
        lines.insert(to, moved);
        let new = lines.join("\n");
        let cmp = avenant::diff::compare(
            avenant::parse_str("v1", &old),
            avenant::parse_str("v2", &new),
            &avenant::diff::DiffOptions::default(),
        );
        let options = avenant::render::diff_common::DiffRenderOptions::default();
        let mut term = Vec::new();
        avenant::render::diff_terminal::write_diff_terminal(&cmp, &options, &mut term).unwrap();
        let term = String::from_utf8(term).unwrap();
        assert!(
            term.contains("(ancien) : déplacé vers article 4"),
            "{name}\n{term}"
        );
        assert!(term.contains("(déplacé depuis article 3"), "{name}\n{term}");
        let mut md = Vec::new();
        avenant::render::diff_md::write_diff_md(&cmp, &options, &mut md).unwrap();
        let md = String::from_utf8(md).unwrap();
        assert!(
            md.contains("(ancien) : déplacé vers article 4"),
            "{name}\n{md}"
        );
    }
}

// ---- Divisions reworded at the same place, renumbered (the « rank » of a unit). ----

/// The model APL convention for a SEM (corpus/models/apl-sem.txt, divisions I.- to VI.-), as a
/// new edition would amend it: a division VI « performance énergétique » inserted, the old
/// VI « Dispositions relatives à l'application de la convention » renumbered VII, its
/// heading shortened and its four articles replaced by two new ones. The old VI is the new
/// VII (same subject, its number taken by the inserted division), not the new VI.
#[test]
fn division_renumbered_and_rewritten_keeps_its_subject() {
    let path = format!("{}/corpus/models/apl-sem.txt", env!("CARGO_MANIFEST_DIR"));
    let old = std::fs::read_to_string(path).expect("apl-sem.txt");
    let start = old.find("VI.-Dispositions relatives").expect("division VI");
    let end = old[start..].find("Fait en ").expect("signatures") + start;
    let new = format!(
        "{}{}{}",
        &old[..start],
        "VI.-Engagements du bailleur en matière de performance énergétique.\n\n\
         Article 21.\n\nPerformance énergétique des logements.\n\n\
         Le bailleur fait établir un diagnostic de performance énergétique de chaque logement \
         avant le 31 décembre 2027 et en communique les résultats au préfet.\n\n\
         VII.-Application de la convention.\n\n\
         Article 22.\n\nContrôle et révision.\n\n\
         Le bailleur tient à la disposition du préfet tout document utile au contrôle, \
         et la présente convention peut être modifiée par voie d'avenant signé des parties.\n\n\
         Article 23.\n\nSanctions.\n\n\
         Les manquements du bailleur exposent celui-ci aux sanctions prévues par le code de \
         la construction et de l'habitation, après mise en demeure restée sans effet.\n\n",
        &old[end..]
    );
    let p = align_texts(&old, &new);
    assert!(p.contains(&"->division-vi:unmatched".to_string()), "{p:#?}");
    assert!(
        p.contains(&"division-vi>division-vii:rank:r".to_string()),
        "{p:#?}"
    );
    // The divisions before it keep their numbers and places.
    for d in ["i", "ii", "iii", "iv", "v"] {
        let want = format!("division-{d}>division-{d}:");
        assert!(p.iter().any(|x| x.starts_with(&want)), "{want} {p:#?}");
    }
}

/// The annex of a convention pluriannuelle d'objectifs (corpus/align/cpo-jardins-*): points
/// 1° to 4° become I to IV; 2° reworded at its place, 4° one level down as IV A.
#[test]
fn cpo_subdivisions_renumbered_in_roman() {
    let read = |n: &str| {
        std::fs::read_to_string(format!(
            "{}/corpus/align/cpo-jardins-{n}.md",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("corpus/align")
    };
    let p = align_texts(&read("2023"), &read("2026"));
    let annex: Vec<&str> = p
        .iter()
        .map(String::as_str)
        .filter(|x| x.contains("annexe-1/"))
        .collect();
    assert_eq!(
        annex,
        [
            "annexe-1/1o>annexe-1/i:similar:r",
            "annexe-1/2o>annexe-1/ii:rank:r",
            "annexe-1/3o>annexe-1/iii:similar:r",
            "annexe-1/3o/a>annexe-1/iii/a:similar",
            "annexe-1/3o/b>annexe-1/iii/b:similar",
            "->annexe-1/iv:unmatched",
            "annexe-1/4o>annexe-1/iv/a:similar:r:m",
            "->annexe-1/iv/b:unmatched",
        ]
    );
}

const PDF: &str = "pdf";
const CHARTE_OLD: &str = "aidants-connect-charte-referent-old.pdf";
const CHARTE_NEW: &str = "aidants-connect-charte-referent-2025.pdf";
const SECURITE: &str = "je-veille-au-quotidien-a-la-securite-des-acces-aidants-connect";
const EMBARQUEMENT: &str = "je-veille-au-bon-embarquement-des-aidants-sur-l-outil";

#[test]
fn aidants_connect_charte_old_2025_sections_by_heading() {
    // The referent's charter (PDF, two editions): the title (« La charte du responsable » →
    // « du référent »), the préambule and the two sections, each under its heading (case
    // changed); the 2025 letterhead « RÉPUBLIQUE FRANÇAISE » is new.
    let Some((_, _, pairs)) = pairs_of(PDF, CHARTE_OLD, CHARTE_NEW) else {
        return;
    };
    for p in [
        "->en-tete:unmatched".to_string(),
        "titre>titre:similar".into(),
        "preambule>preambule:similar".into(),
        format!("{EMBARQUEMENT}>{EMBARQUEMENT}:heading"),
        format!("{SECURITE}>{SECURITE}:heading"),
    ] {
        assert!(pairs.contains(&p), "{p}: {pairs:?}");
    }
    assert_eq!(pairs.len(), 5, "{pairs:?}");
}

/// (old key, new key) of the alinéa pairs of the charter.
fn charte_alineas() -> Option<Vec<(String, String)>> {
    let (o, n) = (corpus(PDF, CHARTE_OLD)?, corpus(PDF, CHARTE_NEW)?);
    let a = align(&o, &n, &AlignOptions::default());
    Some(
        a.iter()
            .filter_map(|p| Some((o.node(p.old?).key.clone(), n.node(p.new?).key.clone())))
            .filter(|(k, _)| k.contains("/al-"))
            .collect(),
    )
}

#[test]
fn aidants_connect_charte_items_follow_their_section() {
    // As the old PDF's text layer reads, the three « embarquement » items (activate the
    // cards, pass on the conditions, offer access to professionals only) come under
    // « sécurité »; they are paired with the 2025 items of « embarquement » (reported moved),
    // and « Je sensibilise les aidants… » stays first under « sécurité ».
    let Some(pairs) = charte_alineas() else {
        return;
    };
    for (o, n) in [
        (format!("{SECURITE}/al-1"), format!("{SECURITE}/al-1")),
        (format!("{SECURITE}/al-2"), format!("{EMBARQUEMENT}/al-1")),
        (format!("{SECURITE}/al-3"), format!("{EMBARQUEMENT}/al-2")),
        (format!("{SECURITE}/al-4"), format!("{EMBARQUEMENT}/al-3")),
        (format!("{SECURITE}/al-6"), format!("{SECURITE}/al-2")),
    ] {
        assert!(
            pairs.contains(&(o.clone(), n.clone())),
            "{o} > {n}: {pairs:?}"
        );
    }
}

#[test]
fn aidants_connect_charte_extended_item_is_modified() {
    // « Je désactive le compte des aidants dès qu'ils quittent la structure » is extended in
    // 2025 by « , je veille à récupérer leur carte… »: modified, not deleted + inserted.
    let Some(pairs) = charte_alineas() else {
        return;
    };
    let p = (format!("{SECURITE}/al-5"), format!("{SECURITE}/al-3"));
    assert!(pairs.contains(&p), "{pairs:?}");
}

#[test]
fn lrb_statuts_extended_alinea_is_modified() {
    // The second document for an alinéa extended at its end: the LRB statuts (2016), article 7,
    // « Le Bureau pourra refuser des adhésions, après avoir entendu les intéressés. » followed
    // by a long clause, is the same alinéa modified, as the Aidants Connect item above.
    let path = format!(
        "{}/../shared/corpus/real/lrb-statuts-association-2016-06-24.soffice.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("shared corpus absent, skipped");
        return;
    };
    let short = "Le Bureau pourra refuser des adhésions, après avoir entendu les intéressés.";
    assert!(text.contains(short));
    let longer = text.replace(
        short,
        "Le Bureau pourra refuser des adhésions, après avoir entendu les intéressés, par une décision motivée notifiée par écrit dans le mois qui suit la demande, sans que cette décision ouvre droit à un recours devant l'assemblée générale ni à un remboursement.",
    );
    let old = avenant::parse_str("lrb-2016.txt", &text);
    let new = avenant::parse_str("lrb-2016-longer.txt", &longer);
    let a = align(&old, &new, &AlignOptions::default());
    let key = |d: &Document, id| d.node(id).key.clone();
    let pair = a
        .iter()
        .find(|p| {
            p.old
                .is_some_and(|o| old.node(o).text.starts_with("Le Bureau pourra"))
        })
        .expect("the alinéa is aligned");
    assert_eq!(
        (
            pair.old.map(|o| key(&old, o)),
            pair.new.map(|n| key(&new, n))
        ),
        (Some("article-7/al-2".into()), Some("article-7/al-2".into()))
    );
    assert_eq!(pair.basis, Basis::Similar);
}
