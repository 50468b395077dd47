//! Noun phrases naming a unit of the convention (« le deuxième alinéa de l'article 7 ») in the
//! case a sentence needs (« au », « du »).

use super::*;

/// Grammatical frame a noun phrase is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// « le premier alinéa »
    Nom,
    /// « au premier alinéa », « à la seconde phrase », « à l'article 7 »
    A,
    /// « du premier alinéa », « de la seconde phrase », « de l'article 7 »
    De,
}

/// A noun phrase without its determiner, with what the determiner and agreement need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    pub head: String,
    pub fem: bool,
    pub plural: bool,
}

impl Np {
    pub(super) fn new(head: impl Into<String>, fem: bool, plural: bool) -> Np {
        Np {
            head: head.into(),
            fem,
            plural,
        }
    }

    pub(super) fn elides(&self) -> bool {
        // « le onzième », « le huitième »: no elision before these ordinals, nor before a
        // Roman number (« le II », « du III », read « deux », « trois »).
        let roman = self
            .head
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().all(|c| "IVXLC".contains(c)));
        let no_elision = roman || ["onz", "huit"].iter().any(|p| self.head.starts_with(p));
        !self.plural
            && !no_elision
            && self
                .head
                .chars()
                .next()
                .is_some_and(|c| "aeéèêiîoôuhAEÉIOU".contains(c))
    }

    /// The phrase with its determiner in the given case.
    pub fn with(&self, case: Case) -> String {
        let det = match (case, self.plural, self.elides(), self.fem) {
            (Case::Nom, true, ..) => "les ",
            (Case::A, true, ..) => "aux ",
            (Case::De, true, ..) => "des ",
            (Case::Nom, _, true, _) => "l'",
            (Case::A, _, true, _) => "à l'",
            (Case::De, _, true, _) => "de l'",
            (Case::Nom, _, _, true) => "la ",
            (Case::A, _, _, true) => "à la ",
            (Case::De, _, _, true) => "de la ",
            (Case::Nom, _, _, false) => "le ",
            (Case::A, _, _, false) => "au ",
            (Case::De, _, _, false) => "du ",
        };
        format!("{det}{}", self.head)
    }

    /// A past participle agreeing with this phrase (« supprimé » → « supprimées »).
    pub fn agree(&self, participle: &str) -> String {
        let mut s = participle.to_string();
        if self.fem {
            s.push('e');
        }
        if self.plural {
            s.push('s');
        }
        s
    }

    /// « est » or « sont ».
    pub fn verb(&self) -> &'static str {
        if self.plural {
            "sont"
        } else {
            "est"
        }
    }
}

pub use crate::text::capitalise;

/// « 1er », « 4 bis », « 2.4.2 » as cited.
pub fn article_label(label: &str) -> String {
    canonical_label(label)
}

/// A unit as a noun phrase: « article 7 », « annexe 2 », « convention », « préambule ».
pub fn unit_np(unit: &Unit) -> Np {
    unit_np_in(unit, DocNoun::CONVENTION)
}

/// [`unit_np`], the whole document named by its own noun (« contrat », « statuts »).
pub fn unit_np_in(unit: &Unit, noun: DocNoun) -> Np {
    match unit {
        Unit::Convention => noun.np(),
        Unit::Article { label } => {
            Np::new(format!("article {}", article_label(label)), false, false)
        }
        Unit::TitledArticle { heading, rank } => Np::new(
            format!("{}article {}", rank_word(*rank), titled(heading)),
            false,
            false,
        ),
        Unit::Annex { label: Some(l) } => Np::new(format!("annexe {l}"), true, false),
        Unit::Annex { label: None } => Np::new("annexe", true, false),
        Unit::Preambule => Np::new("préambule", false, false),
        u => block_np(u).unwrap_or_else(|| noun.np()),
    }
}

/// « deuxième  » before « article » when several articles share the heading (`rank`), nothing
/// otherwise.
fn rank_word(rank: Option<u32>) -> String {
    match rank {
        Some(r) => format!("{} ", ordinal(r, false)),
        None => String::new(),
    }
}

/// « intitulé « Objet » »: how an article whose number the text does not write is named
/// (see LEGISTIQUE.md, « Pointing at a unit »).
pub fn titled(heading: &str) -> String {
    format!("intitulé «\u{a0}{}\u{a0}»", heading.trim())
}

/// The unit as a noun phrase, with the document when `formal`: « article 7 de la
/// convention », « article des statuts intitulé « Objet » » (the heading closes the phrase).
fn unit_np_formal(unit: &Unit, formal: bool, noun: DocNoun) -> Np {
    let np = unit_np_in(unit, noun);
    if !formal || *unit == Unit::Convention {
        return np;
    }
    let head = match unit {
        Unit::TitledArticle { heading, rank } => {
            format!(
                "{}article {} {}",
                rank_word(*rank),
                noun.of_it(),
                titled(heading)
            )
        }
        _ => format!("{} {}", np.head, noun.of_it()),
    };
    Np::new(head, np.fem, np.plural)
}

/// « l'article 7 » (plain) or « l'article 7 de la convention » (formal), in a case.
pub fn cite_unit(unit: &Unit, case: Case, formal: bool) -> String {
    cite_unit_in(unit, case, formal, DocNoun::CONVENTION)
}

/// [`cite_unit`] in a document named by `noun` (« l'article 7 du contrat »).
pub fn cite_unit_in(unit: &Unit, case: Case, formal: bool, noun: DocNoun) -> String {
    unit_np_formal(unit, formal, noun).with(case)
}

/// An item marker as cited: `b)` → `b`, `2°` → `2°`, `3.` → `3°`.
pub fn item_marker(marker: &str) -> String {
    let m = marker.trim().trim_end_matches([')', '.']);
    if !m.is_empty() && m.chars().all(|c| c.is_ascii_digit()) {
        format!("{m}°")
    } else {
        m.to_string()
    }
}

/// The target as a noun phrase, smallest unit first. When `ctx` is the target's unit (items of
/// a chapeau), the unit is left out; `None` then means the target is the unit itself.
pub fn target_np(t: &Target, ctx: Option<&Unit>, formal: bool) -> Option<Np> {
    target_np_range(t, 1, ctx, formal)
}

pub(super) fn unit_tail(
    t: &Target,
    ctx: Option<&Unit>,
    formal: bool,
    noun: DocNoun,
) -> Option<String> {
    if ctx == Some(&t.unit) {
        None
    } else {
        Some(unit_np_formal(&t.unit, formal, noun).with(Case::Nom))
    }
}

/// « de » + a noun phrase given with its determiner: « de l'article 7 » → contracted forms.
pub(super) fn de(with_det: &str) -> String {
    if let Some(r) = with_det.strip_prefix("le ") {
        format!("du {r}")
    } else if let Some(r) = with_det.strip_prefix("les ") {
        format!("des {r}")
    } else {
        format!("de {with_det}")
    }
}

/// « à » + a noun phrase given with its determiner.
pub(super) fn a(with_det: &str) -> String {
    if let Some(r) = with_det.strip_prefix("le ") {
        format!("au {r}")
    } else if let Some(r) = with_det.strip_prefix("les ") {
        format!("aux {r}")
    } else {
        format!("à {with_det}")
    }
}

pub(super) fn range_words(p: Position, count: u32, fem: bool) -> String {
    match p {
        Position::Nth(n) if count == 2 => format!("{} et {}", ordinal(n, fem), ordinal(n + 1, fem)),
        Position::Nth(n) => format!("{} à {}", ordinal(n, fem), ordinal(n + count - 1, fem)),
        _ => format!(
            "{} {}",
            cardinal_agreed(count, fem),
            position(Position::Last, fem) + "s"
        ),
    }
}

pub(super) fn item_range(marker: &str, count: u32) -> String {
    let m = item_marker(marker);
    let digits: String = m.chars().take_while(|c| c.is_ascii_digit()).collect();
    match digits.parse::<u32>() {
        Ok(n) if count == 2 && m == format!("{n}°") => format!("{n}° et {}°", n + 1),
        Ok(n) if m == format!("{n}°") => format!("{n}° à {}°", n + count - 1),
        _ => m,
    }
}

/// Like [`target_np`], for `count` consecutive alinéas, items or rows from the target.
pub fn target_np_range(t: &Target, count: u32, ctx: Option<&Unit>, formal: bool) -> Option<Np> {
    target_np_range_in(t, count, ctx, formal, DocNoun::CONVENTION)
}

/// [`target_np_range`] in a document named by `noun`.
pub fn target_np_range_in(
    t: &Target,
    count: u32,
    ctx: Option<&Unit>,
    formal: bool,
    noun: DocNoun,
) -> Option<Np> {
    let plural = count > 1;
    let tail = unit_tail(t, ctx, formal, noun);
    // Build from the largest up: each smaller unit is « X de <larger> ».
    let mut current: Option<String> = tail.clone();
    let mut np: Option<Np> = None;
    let push = |np_new: Np, current: &mut Option<String>, np: &mut Option<Np>| {
        let head = match current.as_deref() {
            Some(c) => format!("{} {}", np_new.head, de(c)),
            None => np_new.head.clone(),
        };
        let full = Np::new(head, np_new.fem, np_new.plural);
        *current = Some(full.with(Case::Nom));
        *np = Some(full);
    };
    if t.heading {
        push(Np::new("intitulé", false, false), &mut current, &mut np);
        return np;
    }
    if let Some(r) = t.row {
        let last = t.alinea.is_none() && t.item.is_empty() && t.phrase.is_none();
        let n = if last { count } else { 1 };
        let words = if n > 1 {
            format!("{} lignes", range_words(r, n, true))
        } else {
            format!("{} ligne", position(r, true))
        };
        let head = match tail.as_deref() {
            Some(c) => format!("{words} du tableau figurant {}", a(c)),
            None => format!("{words} du tableau"),
        };
        let full = Np::new(head, true, n > 1);
        current = Some(full.with(Case::Nom));
        np = Some(full);
    }
    let depth = t.item.len();
    for (i, m) in t.item.iter().enumerate() {
        let last = i + 1 == depth && t.alinea.is_none() && t.phrase.is_none();
        let head = if last && plural {
            item_range(m, count)
        } else {
            item_marker(m)
        };
        push(Np::new(head, false, last && plural), &mut current, &mut np);
    }
    if let Some(p) = t.alinea {
        let last = t.phrase.is_none();
        let head = if last && plural {
            format!("{} alinéas", range_words(p, count, false))
        } else {
            format!("{} alinéa", position(p, false))
        };
        push(Np::new(head, false, last && plural), &mut current, &mut np);
    }
    if let Some(w) = t.alinea_starts.as_deref() {
        // « l'alinéa de l'article 25 commençant par les mots : « … » ».
        let words = if w.split_whitespace().count() > 1 {
            "les mots"
        } else {
            "le mot"
        };
        let head = match current.as_deref() {
            Some(c) => format!(
                "alinéa {} commençant par {words}\u{a0}: «\u{a0}{w}\u{a0}»",
                de(c)
            ),
            None => format!("alinéa commençant par {words}\u{a0}: «\u{a0}{w}\u{a0}»"),
        };
        let full = Np::new(head, false, false);
        current = Some(full.with(Case::Nom));
        np = Some(full);
    }
    if let Some(p) = t.phrase {
        push(
            Np::new(format!("{} phrase", position(p, true)), true, false),
            &mut current,
            &mut np,
        );
    }
    if np.is_none() && tail.is_some() {
        // The unit itself.
        return Some(unit_np_formal(&t.unit, formal, noun));
    }
    np
}
