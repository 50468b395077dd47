//! One sentence said of several alinéas, phrases or items (« Au premier et au cinquième
//! alinéas, les mots … », « Les premier et troisième alinéas sont supprimés »): read once per
//! position, so that each named alinéa, and only those, is amended.

use super::patterns::{re, Formula};
use crate::avenant::formules::parse_position;
use crate::avenant::model::{Instruction, Op, Position};

/// An ordinal of a list of positions (« premier », « cinquième », « dernier », « 3e »).
const POS: &str =
    r"(?:avant-derni[eè]re?|derni[eè]re?|premi[eè]re?|seconde?|[a-zéè-]+ième|\d+(?:e|ème|er|re))";

/// « aux deuxième et troisième alinéas », « au premier et au cinquième alinéas », « les
/// premier, troisième et cinquième alinéas », « des première et deuxième phrases », « les
/// premier à troisième alinéas », « le deuxième, le troisième et le quatrième alinéa ».
static SEVERAL: Formula = Formula::new(&[&["alin", "phrase", "paragraphe"]], || {
    re(&format!(
        r"(?P<prep>\b(?:aux|au|les|des|du|le|la|[àa] la|de la))\s+(?P<list>{POS}(?:\s*,\s*(?:(?:au|le|la|[àa] la|du|de la)\s+)?{POS})*\s+(?:et|à)\s+(?:(?:au|le|la|[àa] la|du|de la)\s+)?{POS})\s+(?P<noun>alinéas?|paragraphes?|phrases?)\b"
    ))
});

/// « aux 1° et 3° », « les 2° à 4° », « au 1° et au 3° ».
static SEVERAL_ITEMS: Formula = Formula::new(&[&["°"]], || {
    re(
        r"(?P<prep>\b(?:aux|au|les|des|du|le))\s+(?P<list>\d+°(?:\s*,\s*(?:(?:au|le|du)\s+)?\d+°)*\s+(?:et|à)\s+(?:(?:au|le|du)\s+)?\d+°)",
    )
});

/// The separators of a list of positions.
static SEPARATOR: Formula = Formula::new(&[], || {
    re(
        r"\s*,\s*(?:(?:au|le|la|[àa] la|du|de la)\s+)?|\s+(?:et|à)\s+(?:(?:au|le|la|[àa] la|du|de la)\s+)?",
    )
});

/// Where one position stands among the units, for ordering and for telling consecutive ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rank {
    /// The n-th from the start (« second » is the second).
    Nth(u32),
    /// The n-th from the end (1: « dernier », 2: « avant-dernier »).
    FromEnd(u32),
}

fn rank(p: Position) -> Rank {
    match p {
        Position::Nth(n) => Rank::Nth(n),
        Position::Second => Rank::Nth(2),
        Position::Last => Rank::FromEnd(1),
        Position::BeforeLast => Rank::FromEnd(2),
    }
}

/// A sentence said of several positions: the sentence once per position (in the singular:
/// « Au premier alinéa de l'article 4, les mots … »), the positions, and whether they are
/// consecutive (then the sentence may also be read whole, as a range of `count` alinéas).
pub(super) struct Several {
    pub(super) sentences: Vec<String>,
    pub(super) ranks: Vec<Rank>,
    pub(super) consecutive: bool,
}

/// The skeleton `skel` (quotations as `§n`) read as one sentence per position it lists, or
/// `None` when it names one position only. `Err` when the list cannot be read (« les
/// troisième à premier alinéas »).
pub(super) fn several(skel: &str) -> Option<Result<Several, String>> {
    let (c, noun) = match SEVERAL.captures(skel) {
        Some(c) => {
            let noun = c["noun"].to_lowercase();
            (c, Some(noun))
        }
        None => (SEVERAL_ITEMS.captures(skel)?, None),
    };
    let whole = c.get(0)?.range();
    let list = &c["list"];
    // The words of the list (« premier », « cinquième ») and the separators between them.
    let seps: Vec<regex::Match> = SEPARATOR.find_iter(list).collect();
    let mut words: Vec<&str> = Vec::with_capacity(seps.len() + 1);
    let mut from = 0;
    for m in &seps {
        words.push(list[from..m.start()].trim());
        from = m.end();
    }
    words.push(list[from..].trim());
    let ranged: Vec<bool> = seps
        .iter()
        .map(|m| m.as_str().trim().starts_with('à'))
        .collect();
    // « le deuxième, le troisième et le quatrième alinéa »: the noun in the singular too.
    let noun = noun.map(|n| n.trim_end_matches('s').to_string());
    let fem = noun.as_deref() == Some("phrase");
    let item = noun.is_none();
    let mut names: Vec<String> = Vec::new();
    let mut ranks: Vec<Rank> = Vec::new();
    let bad = || {
        Err(format!(
            "positions illisibles dans « {} »",
            c.get(0).map_or("", |m| m.as_str())
        ))
    };
    for (k, w) in words.iter().enumerate() {
        let r = if item {
            match w.trim_end_matches('°').parse::<u32>() {
                Ok(n) => Rank::Nth(n),
                Err(_) => return Some(bad()),
            }
        } else {
            match parse_position(w) {
                Some(p) => rank(p),
                None => return Some(bad()),
            }
        };
        // « les deuxième à quatrième »: every position between the two.
        if k > 0 && ranged.get(k - 1).copied().unwrap_or(false) {
            let (Some(Rank::Nth(a)), Rank::Nth(b)) = (ranks.last().copied(), r) else {
                return Some(bad());
            };
            if b <= a {
                return Some(bad());
            }
            for n in a + 1..b {
                ranks.push(Rank::Nth(n));
                names.push(name(Rank::Nth(n), fem, item));
            }
        }
        ranks.push(r);
        names.push(if matches!(r, Rank::Nth(_)) && !item {
            name(r, fem, item)
        } else {
            w.to_string()
        });
    }
    if ranks.len() < 2 {
        return Some(bad());
    }
    let mut sorted = ranks.clone();
    sorted.dedup();
    if sorted.len() != ranks.len() {
        return Some(bad());
    }
    let consecutive = ranks.windows(2).all(|w| match (w[0], w[1]) {
        (Rank::Nth(a), Rank::Nth(b)) => b == a + 1,
        (Rank::FromEnd(a), Rank::FromEnd(b)) => a == b + 1,
        _ => false,
    });
    let prep = singular(&c["prep"], fem);
    let noun = match noun.as_deref() {
        Some("phrase") => " phrase",
        Some("paragraphe") => " paragraphe",
        Some(_) => " alinéa",
        None => "",
    };
    let sentences = names
        .iter()
        .map(|n| {
            format!(
                "{}{}{noun}{}",
                &skel[..whole.start],
                elided(&prep, n),
                &skel[whole.end..]
            )
        })
        .collect();
    Some(Ok(Several {
        sentences,
        ranks,
        consecutive,
    }))
}

/// The article and the ordinal: « au premier », but « à l'avant-dernier ».
fn elided(prep: &str, ordinal: &str) -> String {
    if !ordinal.starts_with("avant") {
        return format!("{prep} {ordinal}");
    }
    let lower = prep.to_lowercase();
    let el = match lower.as_str() {
        "au" | "à la" | "a la" => "à l'",
        "le" | "la" => "l'",
        "du" | "de la" => "de l'",
        _ => return format!("{prep} {ordinal}"),
    };
    let el = if prep.starts_with(char::is_uppercase) {
        let mut ch = el.chars();
        ch.next()
            .map(|f| f.to_uppercase().chain(ch).collect::<String>())
            .unwrap_or_default()
    } else {
        el.to_string()
    };
    format!("{el}{ordinal}")
}

/// The ordinal of a position, as the singular sentence names it.
fn name(r: Rank, fem: bool, item: bool) -> String {
    match r {
        Rank::Nth(n) if item => format!("{n}°"),
        Rank::Nth(n) => crate::avenant::formules::position(Position::Nth(n), fem),
        Rank::FromEnd(1) => crate::avenant::formules::position(Position::Last, fem),
        Rank::FromEnd(_) => crate::avenant::formules::position(Position::BeforeLast, fem),
    }
}

/// The article of the list in the singular: « aux » → « au », « les » → « le » (« la »).
fn singular(prep: &str, fem: bool) -> String {
    let capital = prep.starts_with(char::is_uppercase);
    let lower = prep.to_lowercase();
    let one = match (lower.as_str(), fem) {
        ("aux" | "au", false) => "au",
        ("aux" | "au" | "à la" | "a la", true) => "à la",
        ("les" | "le", false) => "le",
        ("les" | "la", true) => "la",
        ("des" | "du", false) => "du",
        ("des" | "de la", true) => "de la",
        (other, _) => other,
    };
    let one = one.to_string();
    if capital {
        let mut ch = one.chars();
        ch.next()
            .map(|f| f.to_uppercase().chain(ch).collect())
            .unwrap_or(one)
    } else {
        one
    }
}

/// Whether an instruction amends words or phrases inside its alinéa (item), leaving the
/// alinéas where they are: such instructions are applied to each position in turn.
pub(super) fn inside(op: &Op) -> bool {
    matches!(
        op,
        Op::ReplaceWords { .. }
            | Op::ReplaceWordsEach { .. }
            | Op::InsertWords { .. }
            | Op::AddWordsAtStart { .. }
            | Op::AddWordsAtEnd { .. }
            | Op::DeleteWords { .. }
            | Op::RewriteEnd { .. }
            | Op::AddPhrase { .. }
    )
}

/// Whether an instruction deletes its one unit (an alinéa, an item, a phrase).
pub(super) fn deletes_one(op: &Op) -> bool {
    matches!(op, Op::DeleteAlineas { count: 1 } | Op::DeletePhrase)
}

/// The order in which deletions of the positions `ranks` keep each later position true: from
/// the start, the last first; from the end, the farthest first (« avant-dernier » before
/// « dernier »), after those from the start.
pub(super) fn deletion_order(ranks: &[Rank]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ranks.len()).collect();
    order.sort_by_key(|&i| match ranks[i] {
        Rank::Nth(n) => (0, u32::MAX - n),
        Rank::FromEnd(n) => (1, u32::MAX - n),
    });
    order
}

/// Groups instructions read per position (`per[k]` for `ranks[k]`) in the order they apply.
pub(super) fn in_order(per: Vec<Vec<Instruction>>, order: &[usize]) -> Vec<Instruction> {
    let mut per: Vec<Option<Vec<Instruction>>> = per.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| per.get_mut(i).and_then(Option::take))
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (Vec<String>, bool) {
        let r = several(s).expect("several").expect("readable");
        (r.sentences, r.consecutive)
    }

    #[test]
    fn a_list_of_positions_is_one_sentence_per_position() {
        assert_eq!(
            read("Au premier et au cinquième alinéas de l'article 4, le mot : §0 est remplacé par le mot : §1"),
            (
                vec![
                    "Au premier alinéa de l'article 4, le mot : §0 est remplacé par le mot : §1".to_string(),
                    "Au cinquième alinéa de l'article 4, le mot : §0 est remplacé par le mot : §1".to_string(),
                ],
                false
            )
        );
        let (s, consecutive) =
            read("Aux premier à troisième alinéas, les mots : §0 sont supprimés");
        assert!(consecutive);
        assert_eq!(
            s,
            [
                "Au premier alinéa, les mots : §0 sont supprimés",
                "Au deuxième alinéa, les mots : §0 sont supprimés",
                "Au troisième alinéa, les mots : §0 sont supprimés"
            ]
        );
        let (s, consecutive) =
            read("Les premier et troisième alinéas de l'article 4 sont supprimés");
        assert!(!consecutive);
        assert_eq!(s[1], "Le troisième alinéa de l'article 4 sont supprimés");
        let (s, _) = read(
            "À la fin des première et deuxième phrases du premier alinéa, le mot : §0 est supprimé",
        );
        assert_eq!(
            s[0],
            "À la fin de la première phrase du premier alinéa, le mot : §0 est supprimé"
        );
        let (s, consecutive) = read("Aux 1° et 3° de l'article 5, le mot : §0 est supprimé");
        assert!(!consecutive);
        assert_eq!(s[1], "Au 3° de l'article 5, le mot : §0 est supprimé");
        let (s, consecutive) =
            read("Le deuxième, le troisième et le quatrième alinéa sont supprimés");
        assert!(consecutive);
        assert_eq!(s[2], "Le quatrième alinéa sont supprimés");
        let (s, _) = read("Aux avant-dernier et dernier alinéas, le mot : §0 est supprimé");
        assert_eq!(s[0], "À l'avant-dernier alinéa, le mot : §0 est supprimé");
        // One position: not a list.
        assert!(several("Au premier alinéa, le mot : §0 est supprimé").is_none());
        // A range backwards, a position twice: refused.
        assert!(
            several("Aux troisième à premier alinéas, le mot : §0 est supprimé")
                .is_some_and(|r| r.is_err())
        );
        assert!(
            several("Aux premier et premier alinéas, le mot : §0 est supprimé")
                .is_some_and(|r| r.is_err())
        );
    }

    #[test]
    fn deletions_run_from_the_end() {
        let r = [
            Rank::Nth(1),
            Rank::Nth(3),
            Rank::FromEnd(2),
            Rank::FromEnd(1),
        ];
        assert_eq!(deletion_order(&r), [1, 0, 2, 3]);
    }
}
