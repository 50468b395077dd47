//! Sub-division headings inside an annex or an article (« 1° Désignation », « A.-Locaux… »,
//! « a) Le remboursement : », « II.2 Durée », « i) Objet », « 1.1. Nombre… »), told from list
//! items in a sentence: a short line that heads a block, in a series counting up from one.
//!
//! Levels follow the order in which marker styles are first met in the unit, as reStructuredText
//! ranks its section adornments: the first style is level 1, a new style one level deeper, a
//! style met again closes the deeper levels.

use super::headings;
use crate::normalise::{Form, Line};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A sub-division heading found in a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SubHeading {
    /// Depth below the unit, from 1.
    pub level: usize,
    /// The marker as written, without its separator: `1°`, `A`, `a)`, `3 bis`, `II.2`.
    pub label: String,
    /// The key segment: `1o`, `a`, `3-bis`, `ii.2`, `1.1`.
    pub segment: String,
    pub heading: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    /// `1°`
    Ordinal,
    /// `1.` `1)`
    Arabic,
    /// `1.1.`, `5.2` (by depth)
    Dotted(usize),
    /// `A.` `A)`
    UpperLetter,
    /// `a)` `a.`
    LowerLetter,
    /// `I.` `II –`
    UpperRoman,
    /// `i)` `ii.`
    LowerRoman,
    /// `II.2`
    RomanDotted,
}

/// One reading of a marker: its style, value, and whether it repeats the previous value
/// (« 3 bis » after « 3 »).
#[derive(Debug, Clone, Copy)]
struct Reading {
    style: Style,
    value: u32,
    repeat: bool,
}

struct Candidate {
    /// Index of the line in the unit.
    at: usize,
    /// Written as a heading (Markdown, a word processor's heading style): the author marked it.
    marked: bool,
    readings: Vec<Reading>,
    label: String,
    segment: String,
    heading: String,
}

/// The marker and its separator, then the heading (`rest`: the rest of the line).
const MARKER_HEAD: &str = r"^(?:(?P<ord>\d{1,2})°|(?P<dot>\d{1,2}(?:\.\d{1,2})+)|(?P<rd>[IVX]{1,5})\.(?P<rdn>\d{1,2})|(?P<num>\d{1,2})(?:\s+(?P<suf>bis|ter|quater))?|(?P<let>[IVX]{2,5}|[ivx]{2,5}|[A-Za-z])(?:\s+(?P<lsuf>bis|ter|quater))?)(?P<sep>\s*[.)]?\s*(?:[-–—:]\s*)?)";

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{MARKER_HEAD}(?P<rest>.+)$")).expect("valid regex"));

/// [`MARKER`] without its `(?P<rest>.+)$`: the captures of a long line are found without
/// walking the whole line (the backtracking engine that resolves captures visits every byte
/// it may match, and `.+$` made it visit all of them).
static MARKER_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(MARKER_HEAD).expect("valid regex"));

/// The captures of [`MARKER`] on `text` and its `rest`. The prefix alone gives them when its
/// first match leaves a non-empty rest without a line break: that match is then the one
/// [`MARKER`] finds first (`.+$` accepts it), so the result is the same; else the full
/// pattern decides (it may backtrack into the separator or the marker).
fn marker(text: &str) -> Option<(regex::Captures<'_>, &str)> {
    // No prefix match, no full match: the full pattern begins with the prefix.
    let caps = MARKER_PREFIX.captures(text)?;
    let end = caps.get(0).map_or(0, |m| m.end());
    let rest = &text[end..];
    if !rest.is_empty() && !rest.contains('\n') {
        return Some((caps, rest));
    }
    let caps = MARKER.captures(text)?;
    let rest = caps.name("rest")?.as_str();
    Some((caps, rest))
}

fn roman(s: &str) -> Option<u32> {
    super::articles::roman_value(s).filter(|_| s.chars().all(|c| "IVXivx".contains(c)))
}

/// The line read as a sub-division heading, or `None`. `strict`: its text must read as a
/// heading (a capital first, short, not a list item's « ; »); else any line opening with a
/// marker is read (« 3. D'élaborer … » of thirty words and more).
fn candidate(at: usize, l: &Line, strict: bool) -> Option<Candidate> {
    let listed = match &l.form {
        Form::Plain | Form::Heading(_) => true,
        Form::Item { ordered, .. } => *ordered,
        _ => false,
    };
    if !listed || !may_start_with_marker(&l.text) {
        return None;
    }
    let (caps, rest) = marker(&l.text)?;
    let heading = rest.trim().to_string();
    // « 1 Objet », « A Locaux »: a number or a letter needs its « . », « ) » or dash.
    let sep = caps.name("sep").map_or("", |m| m.as_str()).trim();
    if (caps.name("num").is_some() || caps.name("let").is_some()) && sep.is_empty() {
        return None;
    }
    // A heading: a capital (or a template field) first, short, not a list item's « ; ».
    if strict
        && (!heading.starts_with(|c: char| c.is_uppercase() || c == '{')
            || heading.ends_with([';', ','])
            || heading_words(&heading, 31) > 30)
    {
        return None;
    }
    let mut readings = Vec::new();
    let (label, segment);
    if let Some(n) = caps.name("ord") {
        let v: u32 = n.as_str().parse().ok()?;
        readings.push(Reading {
            style: Style::Ordinal,
            value: v,
            repeat: false,
        });
        label = format!("{v}°");
        segment = format!("{v}o");
    } else if let Some(d) = caps.name("dot") {
        let parts: Vec<u32> = d
            .as_str()
            .split('.')
            .filter_map(|p| p.parse().ok())
            .collect();
        readings.push(Reading {
            style: Style::Dotted(parts.len()),
            value: *parts.last()?,
            repeat: false,
        });
        label = d.as_str().to_string();
        segment = label.clone();
    } else if let (Some(r), Some(n)) = (caps.name("rd"), caps.name("rdn")) {
        roman(r.as_str())?;
        readings.push(Reading {
            style: Style::RomanDotted,
            value: n.as_str().parse().ok()?,
            repeat: false,
        });
        label = format!("{}.{}", r.as_str(), n.as_str());
        segment = label.to_lowercase();
    } else if let Some(n) = caps.name("num") {
        let v: u32 = n.as_str().parse().ok()?;
        let suffix = caps.name("suf").map(|s| s.as_str());
        readings.push(Reading {
            style: Style::Arabic,
            value: v,
            repeat: suffix.is_some(),
        });
        match suffix {
            Some(s) => {
                label = format!("{v} {s}");
                segment = format!("{v}-{s}");
            }
            None => {
                label = v.to_string();
                segment = label.clone();
            }
        }
    } else {
        let m = caps.name("let")?.as_str();
        let closing = sep.starts_with(')');
        let upper = m.chars().all(|c| c.is_ascii_uppercase());
        let suffix = caps.name("lsuf").map(|s| s.as_str());
        if let Some(v) = roman(m) {
            readings.push(Reading {
                style: if upper {
                    Style::UpperRoman
                } else {
                    Style::LowerRoman
                },
                value: v,
                repeat: suffix.is_some(),
            });
        }
        if m.len() == 1 {
            let c = m.chars().next()?;
            readings.push(Reading {
                style: if upper {
                    Style::UpperLetter
                } else {
                    Style::LowerLetter
                },
                value: (c.to_ascii_lowercase() as u32) - ('a' as u32) + 1,
                repeat: suffix.is_some(),
            });
        }
        let m = match suffix {
            Some(s) => format!("{m} {s}"),
            None => m.to_string(),
        };
        label = if closing { format!("{m})") } else { m.clone() };
        segment = m.to_lowercase().replace(' ', "-");
    }
    Some(Candidate {
        at,
        marked: matches!(l.form, Form::Heading(_)),
        readings,
        label,
        segment,
        heading,
    })
}

/// A cheap test before the regex: a digit first, or a letter soon followed by the marker's
/// « . », « ) » or dash (« La présente… » is rejected at once).
fn may_start_with_marker(text: &str) -> bool {
    let b = text.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if c.is_ascii_alphabetic() => b
            .iter()
            .take(12)
            .any(|c| matches!(c, b'.' | b')' | b'-' | 0xE2)),
        _ => false,
    }
}

/// Words of a heading, the model's bracketed instructions (« [selon la nature des travaux] »)
/// left out, counted up to `max` (« more than 30 words? » reads 31).
fn heading_words(text: &str, max: usize) -> usize {
    // Most headings have no brackets: counted in place, without a copy.
    if !text.contains(['[', ']']) {
        return words_outside_tags_upto(text, max);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    words_outside_tags_upto(&out, max)
}

/// Words of a line, template tags (`{{ … }}`, `{% … %}`) left out.
pub(super) fn words_outside_tags(text: &str) -> usize {
    words_outside_tags_upto(text, usize::MAX)
}

/// [`words_outside_tags`], counting stopped at `max`.
fn words_outside_tags_upto(text: &str, max: usize) -> usize {
    use crate::text::words_upto;
    let mut n = 0;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        n += words_upto(&rest[..open], max - n);
        let after = &rest[open..];
        let close = match after.get(..2) {
            Some("{{") => after.find("}}"),
            Some("{%") => after.find("%}"),
            _ => None,
        };
        match close {
            Some(c) => rest = &after[c + 2..],
            None => {
                n += words_upto(after, max - n);
                rest = "";
            }
        }
    }
    n + words_upto(rest, max - n)
}

/// The same marker style in the other case (`a.` / `A.`, `i.` / `I.`).
fn other_case(style: Style) -> Option<Style> {
    match style {
        Style::UpperLetter => Some(Style::LowerLetter),
        Style::LowerLetter => Some(Style::UpperLetter),
        Style::UpperRoman => Some(Style::LowerRoman),
        Style::LowerRoman => Some(Style::UpperRoman),
        _ => None,
    }
}

/// Levels of the candidates kept, as (candidate index, level, parent candidate index).
fn levels(cands: &[Candidate], keep: &[bool]) -> Vec<Option<(usize, usize, Option<usize>)>> {
    // Open levels: (style, value, candidate index).
    let mut stack: Vec<(Style, u32, usize)> = Vec::new();
    let mut out = vec![None; cands.len()];
    for (i, c) in cands.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        // A style already open, continued (next value, or « bis » of the same)…
        let cont = c
            .readings
            .iter()
            .find_map(|r| {
                let pos = stack.iter().position(|(s, _, _)| *s == r.style)?;
                let prev = stack[pos].1;
                (r.value == prev + 1 || r.repeat && r.value == prev).then_some((pos, *r))
            })
            // … or, for a marked heading, in the other case (« a . », « b . », « C . »: a
            // capital slipped in the series), taking the series' style.
            .or_else(|| {
                c.marked.then_some(())?;
                c.readings.iter().find_map(|r| {
                    let other = other_case(r.style)?;
                    let pos = stack.iter().position(|(s, _, _)| *s == other)?;
                    (r.value == stack[pos].1 + 1).then_some((pos, Reading { style: other, ..*r }))
                })
            });
        let placed = if let Some((pos, r)) = cont {
            stack.truncate(pos);
            stack.push((r.style, r.value, i));
            Some(pos + 1)
        } else if let Some(r) = c
            .readings
            .iter()
            .find(|r| r.value == 1 && !r.repeat && !stack.iter().any(|(s, _, _)| *s == r.style))
        {
            // … or a new style starting at one, a level deeper.
            stack.push((r.style, r.value, i));
            Some(stack.len())
        } else {
            None
        };
        if let Some(level) = placed {
            let parent = (level >= 2).then(|| stack[level - 2].2);
            out[i] = Some((i, level, parent));
        }
    }
    out
}

/// The sub-division headings of a unit's lines (its heading line excluded), by line index.
/// `article`: the unit is an article, whose alinéas are counted through: a series must then
/// open its text (after at most one line introducing it with « : »).
pub(super) fn find(lines: &[&Line], article: bool) -> HashMap<usize, SubHeading> {
    let cands: Vec<Candidate> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| candidate(i, l, true))
        // In an article, « 5.1 Montant » is a sub-article, read elsewhere.
        .filter(|c| {
            !article
                || !c
                    .readings
                    .iter()
                    .any(|r| matches!(r.style, Style::Dotted(_)))
        })
        .collect();
    if cands.len() < 2 {
        return HashMap::new();
    }
    let mut keep = vec![true; cands.len()];
    for _ in 0..4 {
        let placed = levels(&cands, &keep);
        // Series: candidates with the same parent and level.
        let mut series: HashMap<(Option<usize>, usize), Vec<usize>> = HashMap::new();
        for (i, p) in placed.iter().enumerate() {
            match p {
                Some((_, level, parent)) => series.entry((*parent, *level)).or_default().push(i),
                None => keep[i] = false,
            }
        }
        // Level of each line that is a placed candidate (one pass: linear in the unit).
        let mut line_level: Vec<Option<usize>> = vec![None; lines.len()];
        for (k, p) in placed.iter().enumerate() {
            if let Some((_, level, _)) = p {
                line_level[cands[k].at] = Some(*level);
            }
        }
        let level_of = |line: usize| line_level.get(line).copied().flatten();
        let mut changed = false;
        for ((_, level), members) in &series {
            // Headings head blocks: most members are followed by a line that is no heading
            // of the same or an outer level.
            let heads = members
                .iter()
                .filter(|m| {
                    let next = cands[**m].at + 1;
                    next < lines.len() && level_of(next).is_none_or(|l| l > *level)
                })
                .count();
            if members.len() < 2
                || heads * 2 < members.len()
                || continued_as_text(lines, &cands, members, *level, &level_of)
            {
                for m in members {
                    if keep[*m] {
                        keep[*m] = false;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let placed = levels(&cands, &keep);
    let mut out = HashMap::new();
    let first = placed.iter().flatten().next().map(|p| cands[p.0].at);
    // A series written as headings (« ### a . Présentation du Service ») is one whatever text
    // comes before it: the author marked it.
    let marked = placed
        .iter()
        .flatten()
        .next()
        .is_some_and(|p| cands[p.0].marked);
    if article && !marked {
        let opens = match first {
            Some(0) => true,
            // After a line introducing it, or the article's heading on its own line.
            Some(1) => {
                let t = lines[0].text.trim_end();
                t.ends_with(':')
                    || !t.ends_with(['.', ';', ',']) && t.split_whitespace().count() <= 12
            }
            _ => false,
        };
        if !opens {
            return out;
        }
    }
    for (i, p) in placed.iter().enumerate() {
        if let Some((_, level, _)) = p {
            let c = &cands[i];
            out.insert(
                c.at,
                SubHeading {
                    level: *level,
                    label: c.label.clone(),
                    segment: c.segment.clone(),
                    heading: c.heading.clone(),
                },
            );
        }
    }
    out
}

/// The series `members` (at `level`) goes on after its last member with lines that do not
/// read as headings (« 1. De détenir … : », « 2. De participer … : » as headings, then « 3.
/// D'élaborer … », a long sentence, « 4. … »): one series of points read two ways. Then none
/// of them is a heading: the points stay alinéas alike, and the text after the last one stays
/// the unit's (blind3 finding 3). The next number is looked for up to the next heading of the
/// same or an outer level, or a series of the same style starting again at one (a list nested
/// in the last member).
fn continued_as_text(
    lines: &[&Line],
    cands: &[Candidate],
    members: &[usize],
    level: usize,
    level_of: &impl Fn(usize) -> Option<usize>,
) -> bool {
    let Some(last) = members
        .iter()
        .max_by_key(|m| cands[**m].at)
        .map(|m| &cands[*m])
    else {
        return false;
    };
    for (k, l) in lines.iter().enumerate().skip(last.at + 1) {
        if level_of(k).is_some_and(|lv| lv <= level) {
            return false;
        }
        if !may_start_with_marker(&l.text) {
            continue;
        }
        let Some(c) = candidate(k, l, false) else {
            continue;
        };
        for r in &c.readings {
            for own in last.readings.iter().filter(|o| o.style == r.style) {
                if r.value == 1 && !r.repeat {
                    return false;
                }
                if r.value == own.value + 1 && !r.repeat {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether line `l` closes a unit for the purpose of finding its sub-divisions.
pub(super) fn ends_unit(l: &Line) -> bool {
    !matches!(l.form, Form::Row(_) | Form::Item { .. })
        && (headings::annex(&l.text).is_some()
            || headings::is_structure(&l.text, matches!(l.form, Form::Heading(_)))
            || headings::signed(&l.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, Source};
    use crate::normalise::normalise;

    fn subs(text: &str, article: bool) -> Vec<(String, usize, String)> {
        let ls = normalise(&Source {
            path: "t".into(),
            format: Format::Text,
            text: text.into(),
        })
        .lines;
        let refs: Vec<&Line> = ls.iter().collect();
        let found = find(&refs, article);
        let mut v: Vec<_> = found
            .into_iter()
            .map(|(i, s)| (i, (s.label, s.level, s.segment)))
            .collect();
        v.sort();
        v.into_iter().map(|(_, s)| s).collect()
    }

    /// blind3 finding 3: « 1° … : » and « 2° … : » heading lists, then « 3° … ; » an item:
    /// one series read one way, as alinéas; without the « 3° » line they are headings.
    #[test]
    fn a_series_going_on_as_text_is_no_heading() {
        let head = "1° Les activités suivantes :\n\na) La prestation de serment ;\n\nb) L'installation.\n\n2° Les activités juridictionnelles :\n\na) L'étude d'un dossier ;\n\nb) Le délibéré.\n\n";
        assert_eq!(subs(head, false).len(), 2);
        let text = format!("{head}3° Les activités administratives du président ;\n\n4° Les activités des vice-présidents.\n\nFin.\n");
        assert!(subs(&text, false).is_empty(), "{:?}", subs(&text, false));
        // A list nested in the last point, numbered again from one, stops the search.
        let nested = format!("{head}1° un ;\n\n2° deux ;\n\n3° trois.\n");
        assert_eq!(subs(&nested, false).len(), 2);
    }

    #[test]
    fn marked_headings_after_a_sentence_are_a_series_and_keep_their_letters() {
        let text = "La DINUM s'engage à respecter les conditions.\n\n### a . Présentation\n\nTexte.\n\n### b . Prestations\n\nTexte.\n\n### C . Niveau de service\n\n#### I. Disponibilité\n\nTexte.\n\n#### II. Sécurité\n\nTexte.\n";
        assert_eq!(
            subs(text, true),
            [
                ("a".to_string(), 1, "a".to_string()),
                ("b".to_string(), 1, "b".to_string()),
                ("C".to_string(), 1, "c".to_string()),
                ("I".to_string(), 2, "i".to_string()),
                ("II".to_string(), 2, "ii".to_string()),
            ]
        );
        // The same lines unmarked, after a sentence, are a list in the article's text.
        assert!(subs(&text.replace("#", ""), true).is_empty());
    }

    #[test]
    fn marker_prefix_reads_what_the_full_pattern_reads() {
        // Lines whose separator or marker the full pattern must give back to `rest`, line
        // breaks, bare markers, and ordinary headings: same groups, same rest.
        let lines = [
            "A.",
            "A. ",
            "1.",
            "1. ",
            "1.-",
            "1. :",
            "II.2",
            "II.2 Durée",
            "3 bis. Liste",
            "3 bis",
            "A.-Locaux conventionnés.",
            "a) Le remboursement :",
            "1° Désignation",
            "1°",
            "1.1. Nombre",
            "5.2",
            "i) Objet",
            "ii.",
            "IV - Renseignements",
            "x",
            "1. A\nB",
            "1.\nB",
            "A)\n",
            "12 quater) Texte",
            "L. 1234-5 du code",
            "",
            "Ⅳ. Texte",
            "١. Texte",
            "1 — Objet",
            "A : B",
            "XI bis. Suite",
            "IX.12 Fin",
        ];
        let groups = [
            "ord", "dot", "rd", "rdn", "num", "suf", "let", "lsuf", "sep", "rest",
        ];
        for line in lines {
            let full = MARKER.captures(line);
            let fast = marker(line);
            assert_eq!(full.is_some(), fast.is_some(), "{line:?}");
            if let (Some(full), Some((caps, rest))) = (full, fast) {
                assert_eq!(
                    full.name("rest").map(|m| m.as_str()),
                    Some(rest),
                    "{line:?}"
                );
                for g in &groups[..9] {
                    assert_eq!(
                        full.name(g).map(|m| m.range()),
                        caps.name(g).map(|m| m.range()),
                        "{line:?} {g}"
                    );
                }
            }
        }
    }

    #[test]
    fn ordinals_letters_numbers_nest_by_first_use() {
        let t = "Description.\n1° Désignation des immeubles.\nTexte.\n2° Nature de l'opération.\nTexte.\n3° Composition.\nA.-Locaux conventionnés.\n1. Nombre de logements :\n- un\n2. Surface habitable :\nTexte.\n3 bis. Liste des annexes :\nTexte.\nB.-Autres locaux.\nTexte.\n4° Origine des propriétés :\nVendeur : X";
        assert_eq!(
            subs(t, false),
            [
                ("1°".into(), 1, "1o".into()),
                ("2°".into(), 1, "2o".into()),
                ("3°".into(), 1, "3o".into()),
                ("A".into(), 2, "a".into()),
                ("1".into(), 3, "1".into()),
                ("2".into(), 3, "2".into()),
                ("3 bis".into(), 3, "3-bis".into()),
                ("B".into(), 2, "b".into()),
                ("4°".into(), 1, "4o".into()),
            ]
        );
    }

    #[test]
    fn roman_then_letters_c_and_d_stay_letters() {
        let t = "I. Nom du foyer\nTexte.\nII. Nature du programme\nTexte.\nIII. Composition\nA. Locaux\nTexte.\nB. Autres\nTexte.\nC. Financement\nTexte.\nD. Historique\nTexte.\nIV. Renseignements\nTexte.";
        let s = subs(t, false);
        let labels: Vec<_> = s.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            labels,
            [
                ("I", 1),
                ("II", 1),
                ("III", 1),
                ("A", 2),
                ("B", 2),
                ("C", 2),
                ("D", 2),
                ("IV", 1)
            ]
        );
    }

    #[test]
    fn list_items_in_a_sentence_are_no_headings() {
        // Adjacent items, lower case, « ; »: a list.
        assert!(subs("Sont parties :\n1° l'État ;\n2° la Ville.", true).is_empty());
        assert!(subs("Les pièces :\na) Le budget ;\nb) Le bilan.", false).is_empty());
        // Adjacent one-line points head no block.
        assert!(subs("5.1. Permis : X\n5.2. Date : Y\n5.3. Achat : Z", false).is_empty());
        // In an article, a series must open its text.
        assert!(subs(
            "Le loyer comprend deux éléments.\nI. Le remboursement\nTexte.\nII. Les frais\nTexte.",
            true
        )
        .is_empty());
        assert_eq!(
            subs("I. Le remboursement\nTexte.\nII. Les frais\nTexte.", true).len(),
            2
        );
        // A long sentence after its marker is an alinéa.
        assert!(subs("I. En ce qui concerne l'équivalence du loyer, la participation du résident aux charges financières du foyer, le remboursement des emprunts et les frais de fonctionnement relatifs au foyer et à ses locaux collectifs comprennent :\na) x\nII. Texte", false).is_empty());
    }

    #[test]
    fn roman_dotted_and_lower_roman() {
        let s = subs(
            "II.1 Objet\nTexte.\nII.2 Durée\ni) Premier\nTexte.\nii) Second\nTexte.",
            false,
        );
        let got: Vec<_> = s
            .iter()
            .map(|x| (x.0.as_str(), x.1, x.2.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("II.1", 1, "ii.1"),
                ("II.2", 1, "ii.2"),
                ("i)", 2, "i"),
                ("ii)", 2, "ii")
            ]
        );
    }
}
