//! Generated edit scripts: a small convention (title, two parties, articles with sub-articles'
//! worth of alinéas, a signature block) is edited by a random script — party names and
//! representatives, the title, headings, the signature block, appended / inserted / deleted
//! sentences, case-only changes, word changes, alinéas deleted, articles inserted under the new
//! version's free number, new divisions (after another, last of the convention) and deleted
//! ones, footnotes changed, added, inserted among the others and deleted (their calls in the
//! articles renumbered with them), annexes changed, deleted (the first one too)
//! and inserted (the next ones renumbered, or before all the others), sub-articles inserted and
//! deleted (the next ones renumbered with `renumber`: « 3.2 et 3.3 deviennent … ») — and the
//! drafted act, read back from its text and applied to the old version,
//! must give the new one: title, parties, signatures, every article, annex and note (annex
//! numbers compared when the act is drafted with `renumber`).

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft_checked, parse_avenant, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::{Document, NodeKind};
use proptest::prelude::*;

/// The article that holds the sub-articles (the second one: articles are numbered 1, 3, 5…).
const SUBS_OF: u32 = 3;

#[derive(Debug, Clone)]
struct Conv {
    title: String,
    parties: Vec<[String; 3]>,
    /// (number, heading, alinéas); numbers leave gaps so that insertions find a free number.
    articles: Vec<(u32, String, Vec<String>)>,
    signatures: Vec<String>,
    /// Divisions: (number of the article it starts at, label, heading).
    divisions: Vec<(u32, String, String)>,
    /// Annexes: (heading, alinéas), numbered 1, 2… in order.
    annexes: Vec<(String, Vec<String>)>,
    /// Footnotes, numbered 1, 2… in order: (the article whose last alinéa holds the call,
    /// text). A note inserted or deleted renumbers the next ones and their calls.
    notes: Vec<(u32, String)>,
    /// Sub-articles of article 3 (« Article 3.1 »…): (number, heading, alinéas).
    subs: Vec<(u32, String, Vec<String>)>,
}

const WORDS: &[&str] = &[
    "comité",
    "parties",
    "données",
    "financement",
    "rapport",
    "durée",
    "service",
    "projet",
    "convention",
    "annexe",
    "montant",
    "réunion",
    "délai",
    "avis",
    "bilan",
];

fn sentence(seed: usize) -> String {
    let a = WORDS[seed % WORDS.len()];
    let b = WORDS[(seed / 7 + 3) % WORDS.len()];
    let c = WORDS[(seed / 49 + 5) % WORDS.len()];
    format!("Le {a} précise le {b} du {c} numéro {seed}.")
}

fn base(seed: usize, n_articles: usize) -> Conv {
    let articles = (0..n_articles)
        .map(|i| {
            let alineas = (0..1 + (seed + i) % 3)
                .map(|j| {
                    let s = seed * 31 + i * 7 + j;
                    if s.is_multiple_of(3) {
                        format!("{} {}", sentence(s), sentence(s + 1000))
                    } else {
                        sentence(s)
                    }
                })
                .collect();
            (
                (i as u32) * 2 + 1,
                format!("Objet {}", WORDS[(seed + i) % WORDS.len()]),
                alineas,
            )
        })
        .collect();
    Conv {
        title: "Convention de partenariat".into(),
        parties: vec![
            [
                "L'Agence nationale des données (AND)".into(),
                "Représentée par Jeanne Martin, directrice".into(),
                "Ci-après dénommée « l'AND »".into(),
            ],
            [
                "La Direction du numérique (DNUM)".into(),
                "Représentée par Paul Durand, directeur".into(),
                "Ci-après dénommée « la DNUM »".into(),
            ],
        ],
        divisions: if seed.is_multiple_of(2) {
            vec![
                (1, "Titre I".into(), "Dispositions générales".into()),
                (
                    (n_articles as u32 - 1) * 2 + 1,
                    "Titre II".into(),
                    "Dispositions finales".into(),
                ),
            ]
        } else {
            Vec::new()
        },
        articles,
        signatures: vec![
            "Fait à Paris, le 2 avril 2021".into(),
            "Pour l'AND,".into(),
            "Jeanne Martin".into(),
        ],
        annexes: (0..seed % 4)
            .map(|i| {
                (
                    format!("Pièce {}", WORDS[(seed + i) % WORDS.len()]),
                    vec![sentence(seed * 13 + i)],
                )
            })
            .collect(),
        notes: (1..=(seed % 3) as u32)
            .map(|i| {
                let anchor = 2 * ((seed + i as usize) % n_articles) as u32 + 1;
                (anchor, format!("Au sens du texte {seed} numéro {i}."))
            })
            .collect(),
        subs: (1..=(seed % 4) as u32)
            .map(|i| {
                (
                    i,
                    format!("Volet {}", WORDS[(seed + 2 * i as usize) % WORDS.len()]),
                    vec![format!("Le volet {i} du texte {seed} est suivi.")],
                )
            })
            .collect(),
    }
}

fn superscript(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or('⁰'),
        })
        .collect()
}

fn render(c: &Conv) -> String {
    let mut s = format!("{}\n\nEntre\n\n", c.title);
    for (i, p) in c.parties.iter().enumerate() {
        if i > 0 {
            s.push_str("Et\n\n");
        }
        for l in p {
            s.push_str(l);
            s.push_str("\n\n");
        }
    }
    for (n, h, als) in &c.articles {
        for (start, label, heading) in &c.divisions {
            if start == n {
                s.push_str(&format!("{label} : {heading}\n\n"));
            }
        }
        s.push_str(&format!("Article {n} : {h}\n\n"));
        // The calls of the notes anchored here, each after its own word of the last alinéa
        // (« Le comité¹ précise² … »).
        let calls: Vec<u32> = (1..)
            .zip(&c.notes)
            .filter(|(_, (anchor, _))| anchor == n)
            .map(|(i, _)| i)
            .collect();
        for (j, a) in als.iter().enumerate() {
            if j + 1 == als.len() && !calls.is_empty() {
                let mut words: Vec<String> = a.split(' ').map(str::to_string).collect();
                for (m, call) in calls.iter().enumerate() {
                    let w = (m + 1).min(words.len() - 1);
                    words[w].push_str(&superscript(*call));
                }
                s.push_str(&words.join(" "));
            } else {
                s.push_str(a);
            }
            s.push_str("\n\n");
        }
        if *n == SUBS_OF {
            for (k, h, als) in &c.subs {
                s.push_str(&format!("Article {n}.{k} : {h}\n\n"));
                for a in als {
                    s.push_str(a);
                    s.push_str("\n\n");
                }
            }
        }
    }
    for l in &c.signatures {
        s.push_str(l);
        s.push_str("\n\n");
    }
    for (i, (h, als)) in c.annexes.iter().enumerate() {
        s.push_str(&format!("Annexe {} : {h}\n\n", i + 1));
        for a in als {
            s.push_str(a);
            s.push_str("\n\n");
        }
    }
    for (n, (_, t)) in (1..).zip(&c.notes) {
        s.push_str(&format!("{} {t}\n\n", superscript(n)));
    }
    s
}

#[derive(Debug, Clone)]
enum Edit {
    PartyName(usize),
    Representative(usize),
    Title,
    Heading(usize),
    Signature(usize),
    AppendSentence(usize, usize),
    DeleteSentence(usize, usize),
    CaseOnly(usize, usize),
    Word(usize, usize),
    DeleteAlinea(usize, usize),
    InsertArticle(usize),
    DivisionHeading(usize),
    InsertFirstInDivision,
    NewDivisionAfter,
    NewDivisionLast,
    DeleteLastDivision,
    ChangeNote(usize),
    AddNote,
    DeleteNote(usize),
    InsertNote(usize),
    ChangeAnnex(usize),
    DeleteAnnex(usize),
    InsertAnnex(usize),
    InsertSub(usize),
    DeleteSub(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..2usize).prop_map(Edit::PartyName),
        (0..2usize).prop_map(Edit::Representative),
        Just(Edit::Title),
        (0..8usize).prop_map(Edit::Heading),
        (0..3usize).prop_map(Edit::Signature),
        (0..8usize, 0..3usize).prop_map(|(a, b)| Edit::AppendSentence(a, b)),
        (0..8usize, 0..3usize).prop_map(|(a, b)| Edit::DeleteSentence(a, b)),
        (0..8usize, 0..3usize).prop_map(|(a, b)| Edit::CaseOnly(a, b)),
        (0..8usize, 0..3usize).prop_map(|(a, b)| Edit::Word(a, b)),
        (0..8usize, 0..3usize).prop_map(|(a, b)| Edit::DeleteAlinea(a, b)),
        (0..8usize).prop_map(Edit::InsertArticle),
        (0..2usize).prop_map(Edit::DivisionHeading),
        Just(Edit::InsertFirstInDivision),
        Just(Edit::NewDivisionAfter),
        Just(Edit::NewDivisionLast),
        Just(Edit::DeleteLastDivision),
        (0..3usize).prop_map(Edit::ChangeNote),
        Just(Edit::AddNote),
        (0..3usize).prop_map(Edit::DeleteNote),
        (0..3usize).prop_map(Edit::InsertNote),
        (0..3usize).prop_map(Edit::ChangeAnnex),
        (0..3usize).prop_map(Edit::DeleteAnnex),
        (0..4usize).prop_map(Edit::InsertAnnex),
        (0..4usize).prop_map(Edit::InsertSub),
        (0..3usize).prop_map(Edit::DeleteSub),
    ]
}

fn apply_edit(c: &mut Conv, e: &Edit, k: usize, renumber: bool) {
    let n = c.articles.len();
    match *e {
        Edit::PartyName(i) => {
            c.parties[i][0] = format!("L'Office public numéro {k} (OP{k})");
        }
        Edit::Representative(i) => {
            c.parties[i][1] = format!("Représentée par Claire Petit{k}, présidente");
        }
        Edit::Title => c.title = format!("Convention de coopération {k}"),
        Edit::Heading(a) => c.articles[a % n].1 = format!("Modalités {k}"),
        Edit::Signature(i) => c.signatures[i] = format!("Fait à Lyon, le {} mai 2026", k % 28 + 1),
        Edit::AppendSentence(a, j) => {
            let als = &mut c.articles[a % n].2;
            let j = j % als.len();
            als[j] = format!("{} Elle est complétée {k} fois.", als[j]);
        }
        Edit::DeleteSentence(a, j) => {
            let als = &mut c.articles[a % n].2;
            let j = j % als.len();
            let parts: Vec<&str> = als[j].split_inclusive(". ").collect();
            if parts.len() > 1 {
                als[j] = parts[..parts.len() - 1].concat().trim_end().to_string();
            }
        }
        Edit::CaseOnly(a, j) => {
            let als = &mut c.articles[a % n].2;
            let j = j % als.len();
            als[j] = als[j].replacen(" précise ", " Précise ", 1);
        }
        Edit::Word(a, j) => {
            let als = &mut c.articles[a % n].2;
            let j = j % als.len();
            als[j] = als[j].replacen(" numéro ", &format!(" rang {k} numéro "), 1);
        }
        Edit::DeleteAlinea(a, j) => {
            let als = &mut c.articles[a % n].2;
            if als.len() > 1 {
                als.remove(j % als.len());
            }
        }
        Edit::DivisionHeading(i) => {
            if let Some(d) = c.divisions.get_mut(i) {
                d.2 = format!("Dispositions révisées {k}");
            }
        }
        Edit::InsertFirstInDivision => {
            // A new first article of the titre II, under the free number before its first.
            let Some(d) = c.divisions.get_mut(1) else {
                return;
            };
            let num = d.0 - 1;
            if c.articles.iter().any(|x| x.0 == num) {
                return;
            }
            d.0 = num;
            let at = c
                .articles
                .iter()
                .position(|x| x.0 > num)
                .unwrap_or(c.articles.len());
            c.articles.insert(
                at,
                (
                    num,
                    format!("Principe {k}"),
                    vec![format!("Le titre {k} s'ouvre.")],
                ),
            );
        }
        Edit::NewDivisionAfter => {
            // « Titre I bis » before the titre II, holding one new article under a free number.
            let Some(start) = c.divisions.get(1).map(|d| d.0) else {
                return;
            };
            let num = start - 1;
            if c.articles.iter().any(|x| x.0 == num) || c.divisions.iter().any(|d| d.0 == num) {
                return;
            }
            let at = c
                .articles
                .iter()
                .position(|x| x.0 > num)
                .unwrap_or(c.articles.len());
            c.articles.insert(
                at,
                (
                    num,
                    format!("Nouveauté {k}"),
                    vec![format!("Le régime {k} est institué.")],
                ),
            );
            c.divisions
                .insert(1, (num, "Titre I bis".into(), format!("Nouveautés {k}")));
        }
        Edit::NewDivisionLast => {
            // A last titre, after every article.
            if c.divisions.is_empty() || c.divisions.iter().any(|d| d.1 == "Titre III") {
                return;
            }
            let num = c.articles.last().map_or(1, |x| x.0 + 2);
            c.articles.push((
                num,
                format!("Clause {k}"),
                vec![format!("La clause {k} s'applique.")],
            ));
            c.divisions
                .push((num, "Titre III".into(), format!("Clauses finales {k}")));
        }
        Edit::DeleteLastDivision => {
            // The last division and the articles it holds.
            if c.divisions.len() < 2 {
                return;
            }
            let Some((start, ..)) = c.divisions.pop() else {
                return;
            };
            c.articles.retain(|x| x.0 < start);
            // What hangs on a deleted article goes with it: its sub-articles, its note calls
            // (the notes stay, called from nowhere).
            if SUBS_OF >= start {
                c.subs.clear();
            }
            for note in &mut c.notes {
                if note.0 >= start {
                    note.0 = 0;
                }
            }
        }
        Edit::ChangeNote(i) => {
            if let Some(note) = c.notes.get_mut(i) {
                note.1 = format!("Au sens de la loi numéro {k}.");
            }
        }
        Edit::AddNote => {
            // Its call in the first article.
            c.notes.push((1, format!("Source {k}.")));
        }
        Edit::DeleteNote(i) => {
            // The next notes and their calls take the numbers down.
            if i < c.notes.len() {
                c.notes.remove(i);
            }
        }
        Edit::InsertNote(i) => {
            // A new note among the others, its call in the last article: the next notes and
            // their calls take the numbers up.
            let at = i.min(c.notes.len());
            let anchor = c.articles.last().map_or(1, |x| x.0);
            c.notes.insert(at, (anchor, format!("Précision {k}.")));
        }
        Edit::ChangeAnnex(i) => {
            if let Some(a) = c.annexes.get_mut(i) {
                a.1[0] = a.1[0].replacen(" numéro ", &format!(" pièce {k} numéro "), 1);
            }
        }
        Edit::DeleteAnnex(i) => {
            // The next annexes take the numbers down (annexe 3 → annexe 2).
            if i < c.annexes.len() {
                c.annexes.remove(i);
            }
        }
        Edit::InsertAnnex(i) => {
            // A new annex: before all the others (« Avant l'annexe 1 », numbered « 1 A »
            // without `renumber`); after another one only with `renumber` (the next ones take
            // new numbers), else last.
            let n = c.annexes.len();
            let at = if i == 0 {
                0
            } else if renumber && n > 0 {
                i.clamp(1, n)
            } else {
                n
            };
            c.annexes.insert(
                at,
                (
                    format!("Ajout {k}"),
                    vec![format!("La pièce {k} est jointe.")],
                ),
            );
        }
        Edit::InsertSub(i) => {
            // A new sub-article of article 3: anywhere with `renumber` (the next ones
            // take the numbers up: « Les articles 3.2 et 3.3 deviennent … »), else last under
            // the next number.
            if c.articles.iter().all(|x| x.0 != SUBS_OF) {
                return;
            }
            let n = c.subs.len();
            let at = if renumber { i.min(n) } else { n };
            for s in &mut c.subs[at..] {
                s.0 += 1;
            }
            // Without `renumber`, the next number after the last (numbers left by a deleted
            // sub-article are not reused).
            let num = if renumber {
                at as u32 + 1
            } else {
                c.subs.last().map_or(1, |s| s.0 + 1)
            };
            c.subs.insert(
                at,
                (
                    num,
                    // Nothing in common with the other sub-articles (else the aligner
                    // rightly reads a deleted one rewritten into it).
                    format!("Secrétariat {k}"),
                    vec![format!("Un secrétariat assiste les parties depuis {k}.")],
                ),
            );
        }
        Edit::DeleteSub(i) => {
            // A sub-article deleted; with `renumber` the next ones take the numbers down.
            if i >= c.subs.len() {
                return;
            }
            c.subs.remove(i);
            if renumber {
                for s in &mut c.subs[i..] {
                    s.0 -= 1;
                }
            }
        }
        Edit::InsertArticle(a) => {
            let a = a % n;
            let num = c.articles[a].0 + 1;
            // Never the number of an article of the old version (odd): the number of an
            // article this act deletes is not reused, the drafter rightly writes « 2 bis ».
            if num.is_multiple_of(2) && c.articles.iter().all(|x| x.0 != num) {
                c.articles.insert(
                    a + 1,
                    (
                        num,
                        format!("Ajout {k}"),
                        vec![format!("Le service {k} est créé.")],
                    ),
                );
            }
        }
    }
}

/// Every line of the parts a jurist reads, in order, as (kind, label, text); an annex by its
/// heading, and its number only when `annex_numbers`.
fn lines(d: &Document, annex_numbers: bool) -> Vec<String> {
    d.descendants(d.root())
        .into_iter()
        .filter(|id| {
            !matches!(
                d.node(*id).kind,
                NodeKind::Document | NodeKind::EnTete | NodeKind::Unclassified
            )
        })
        .map(|id| {
            let n = d.node(id);
            if n.kind == NodeKind::Annexe {
                // Its heading line's typography (« Annexe 2 – » or « : ») is not compared.
                let label = if annex_numbers { n.label.clone() } else { None };
                return format!("annexe {label:?} {:?}", n.heading);
            }
            format!(
                "{} {:?} {}",
                n.kind.as_str(),
                n.label,
                n.text.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        })
        .collect()
}

proptest! {
    // PROPTEST_CASES=2000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(500),
        ..ProptestConfig::default()
    })]

    #[test]
    fn drafted_acts_apply_back_to_the_new_version(
        seed in 0usize..10_000,
        n_articles in 2usize..6,
        script in prop::collection::vec(edit(), 1..5),
        renumber in any::<bool>(),
    ) {
        let old_conv = base(seed, n_articles);
        let mut new_conv = old_conv.clone();
        for (k, e) in script.iter().enumerate() {
            apply_edit(&mut new_conv, e, seed + k, renumber);
        }
        let (old_text, new_text) = (render(&old_conv), render(&new_conv));
        let cmp = compare(
            avenant::parse_str("old.md", &old_text),
            avenant::parse_str("new.md", &new_text),
            &DiffOptions::default(),
        );
        let options = DraftOptions { renumber, ..DraftOptions::default() };
        let av = draft_checked(&cmp, &options)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{new_text}")))?;
        if av.articles.iter().all(|a| a.instructions.is_empty()) {
            prop_assert_eq!(lines(&cmp.old, renumber), lines(&cmp.new, renumber));
            return Ok(());
        }
        let md = markdown(&av);
        let read = parse_avenant(&md).map_err(|e| TestCaseError::fail(format!("{e}\n{md}")))?;
        let back = apply(&cmp.old, &read).map_err(|e| TestCaseError::fail(format!("{e}\n{md}")))?;
        prop_assert_eq!(lines(&back, renumber), lines(&cmp.new, renumber), "{}", md);
    }
}
