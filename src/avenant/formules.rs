//! All the French wording of avenants, in one place: ordinals, citations of units, quotations,
//! the model sentence of each operation (LEGISTIQUE.md's table), the chapeau and its items, the
//! fixed parts of an avenant, and the messages of `apply`. Nothing else in the crate writes French
//! légistique; `read` parses what these functions write.

use super::model::{
    canonical_label, AlineaAt, AmendingArticle, Anchor, Avenant, AvenantParty, Instruction, Op,
    Position, Target, Unit, ValueType,
};

/// Typographic and wording options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The space inside « » and before « : ; ? ! »: U+00A0 (default) or U+202F.
    pub space: char,
    /// « abrogé(e)(s) » instead of « supprimé(e)(s) » for deleted clauses.
    pub abroge: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            space: '\u{a0}',
            abroge: false,
        }
    }
}

// ----- numbers and ordinals -----

const UNITS: [&str; 20] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
];
const TENS: [&str; 7] = [
    "",
    "",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// A cardinal in words (0–99), « un » masculine; beyond 99, digits.
pub fn cardinal(n: u32) -> String {
    match n {
        0..=19 => UNITS[n as usize].to_string(),
        20..=69 => {
            let (t, u) = (n / 10, n % 10);
            match u {
                0 => TENS[t as usize].to_string(),
                1 => format!("{} et un", TENS[t as usize]),
                _ => format!("{}-{}", TENS[t as usize], UNITS[u as usize]),
            }
        }
        70..=79 => {
            if n == 71 {
                "soixante et onze".into()
            } else {
                format!("soixante-{}", UNITS[(n - 60) as usize])
            }
        }
        80 => "quatre-vingts".into(),
        81..=99 => format!("quatre-vingt-{}", UNITS[(n - 80) as usize]),
        _ => n.to_string(),
    }
}

/// A cardinal agreeing in gender (« une » for a feminine noun).
pub fn cardinal_agreed(n: u32, fem: bool) -> String {
    if n == 1 && fem {
        "une".into()
    } else {
        cardinal(n)
    }
}

/// The ordinal in words: premier/première, deuxième… vingtième, vingt et unième…
pub fn ordinal(n: u32, fem: bool) -> String {
    if n == 1 {
        return if fem { "première" } else { "premier" }.into();
    }
    if n == 0 || n > 99 {
        return format!("{n}e");
    }
    let c = cardinal(n);
    let stem = if let Some(s) = c.strip_suffix("cinq") {
        format!("{s}cinqu")
    } else if let Some(s) = c.strip_suffix("neuf") {
        format!("{s}neuv")
    } else if let Some(s) = c.strip_suffix("vingts") {
        format!("{s}vingt")
    } else if let Some(s) = c.strip_suffix('e') {
        s.to_string()
    } else {
        c
    };
    format!("{stem}ième")
}

/// Reads an ordinal word back (« troisième », « première », « 3e »), 1-based.
pub fn parse_ordinal_number(word: &str) -> Option<u32> {
    let w = word.trim().to_lowercase();
    if matches!(
        w.as_str(),
        "premier" | "première" | "premiere" | "1er" | "1re" | "1ère"
    ) {
        return Some(1);
    }
    if let Some(d) = w
        .strip_suffix("ème")
        .or_else(|| w.strip_suffix('e'))
        .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    {
        return d.parse().ok();
    }
    (2..=99).find(|n| ordinal(*n, false) == w)
}

/// Reads a position back: ordinals, « second(e) », « dernier(ère) », « avant-dernier(ère) ».
pub fn parse_position(word: &str) -> Option<Position> {
    let w = word.trim().to_lowercase();
    match w.as_str() {
        "second" | "seconde" => Some(Position::Second),
        "dernier" | "dernière" | "derniere" => Some(Position::Last),
        "avant-dernier" | "avant-dernière" | "avant-derniere" => Some(Position::BeforeLast),
        _ => parse_ordinal_number(&w).map(Position::Nth),
    }
}

/// Reads a cardinal back (« un », « une », « deux »… or digits).
pub fn parse_cardinal(word: &str) -> Option<u32> {
    let w = word.trim().to_lowercase();
    if w == "une" {
        return Some(1);
    }
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    (0..=99).find(|n| cardinal(*n) == w)
}

/// A position in words: « troisième », « seconde », « dernier », « avant-dernière ».
pub fn position(p: Position, fem: bool) -> String {
    match p {
        Position::Nth(n) => ordinal(n, fem),
        Position::Second => if fem { "seconde" } else { "second" }.into(),
        Position::Last => if fem { "dernière" } else { "dernier" }.into(),
        Position::BeforeLast => if fem {
            "avant-dernière"
        } else {
            "avant-dernier"
        }
        .into(),
    }
}

// ----- noun phrases -----

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
    fn new(head: impl Into<String>, fem: bool, plural: bool) -> Np {
        Np {
            head: head.into(),
            fem,
            plural,
        }
    }

    fn elides(&self) -> bool {
        // « le onzième », « le huitième »: no elision before these ordinals.
        let no_elision = ["onz", "huit"].iter().any(|p| self.head.starts_with(p));
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

/// Upper-cases the first letter.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// « 1er », « 4 bis », « 2.4.2 » as cited.
pub fn article_label(label: &str) -> String {
    canonical_label(label)
}

/// A unit as a noun phrase: « article 7 », « annexe 2 », « convention », « préambule ».
pub fn unit_np(unit: &Unit) -> Np {
    match unit {
        Unit::Convention => Np::new("convention", true, false),
        Unit::Article { label } => {
            Np::new(format!("article {}", article_label(label)), false, false)
        }
        Unit::Annex { label: Some(l) } => Np::new(format!("annexe {l}"), true, false),
        Unit::Annex { label: None } => Np::new("annexe", true, false),
        Unit::Preambule => Np::new("préambule", false, false),
    }
}

/// « l'article 7 » (plain) or « l'article 7 de la convention » (formal), in a case.
pub fn cite_unit(unit: &Unit, case: Case, formal: bool) -> String {
    let np = unit_np(unit);
    let s = np.with(case);
    if formal && *unit != Unit::Convention {
        format!("{s} de la convention")
    } else {
        s
    }
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

fn unit_tail(t: &Target, ctx: Option<&Unit>, formal: bool) -> Option<String> {
    if ctx == Some(&t.unit) {
        None
    } else {
        let np = unit_np(&t.unit);
        let mut s = np.with(Case::Nom);
        if formal && t.unit != Unit::Convention {
            s.push_str(" de la convention");
        }
        Some(s)
    }
}

/// « de » + a noun phrase given with its determiner: « de l'article 7 » → contracted forms.
fn de(with_det: &str) -> String {
    if let Some(r) = with_det.strip_prefix("le ") {
        format!("du {r}")
    } else if let Some(r) = with_det.strip_prefix("les ") {
        format!("des {r}")
    } else {
        format!("de {with_det}")
    }
}

/// « à » + a noun phrase given with its determiner.
fn a(with_det: &str) -> String {
    if let Some(r) = with_det.strip_prefix("le ") {
        format!("au {r}")
    } else if let Some(r) = with_det.strip_prefix("les ") {
        format!("aux {r}")
    } else {
        format!("à {with_det}")
    }
}

fn range_words(p: Position, count: u32, fem: bool) -> String {
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

fn item_range(marker: &str, count: u32) -> String {
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
    let plural = count > 1;
    let tail = unit_tail(t, ctx, formal);
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
    if let Some(p) = t.phrase {
        push(
            Np::new(format!("{} phrase", position(p, true)), true, false),
            &mut current,
            &mut np,
        );
    }
    if np.is_none() {
        if let Some(c) = tail {
            // The unit itself.
            let u = unit_np(&t.unit);
            let head = if formal && t.unit != Unit::Convention {
                format!("{} de la convention", u.head)
            } else {
                u.head.clone()
            };
            let _ = c;
            return Some(Np::new(head, u.fem, false));
        }
    }
    np
}

// ----- quotations -----

/// French typography for quoted text: no-break space inside « » and before « : ; ? ! ».
pub fn typo(text: &str, style: &Style) -> String {
    let sp = style.space;
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        if *c == ' ' && (matches!(next, Some(':' | ';' | '?' | '!' | '»')) || prev == Some('«')) {
            out.push(sp);
        } else {
            out.push(*c);
        }
    }
    out
}

/// « text » on one line.
pub fn quote(text: &str, style: &Style) -> String {
    let sp = style.space;
    format!("«{sp}{}{sp}»", typo(text, style))
}

/// Several alinéas quoted: each opens with «, only the last closes with ».
pub fn quote_block(lines: &[String], style: &Style) -> Vec<String> {
    let sp = style.space;
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let body = typo(l, style);
            if i + 1 == n {
                format!("«{sp}{body}{sp}»")
            } else {
                format!("«{sp}{body}")
            }
        })
        .collect()
}

/// « : » preceded by the style's no-break space.
fn colon(style: &Style) -> String {
    format!("{}:", style.space)
}

// ----- words -----

fn is_single_word(words: &str) -> bool {
    !words.trim().contains([' ', '\'', '\u{a0}'])
}

/// The noun announcing quoted words: « le mot », « les mots », « la date », « le montant »…
pub fn words_np(words: &str, vt: Option<ValueType>) -> Np {
    match vt {
        Some(ValueType::Date) => Np::new("date", true, false),
        Some(ValueType::Montant) => Np::new("montant", false, false),
        Some(ValueType::Nombre) => Np::new("nombre", false, false),
        Some(ValueType::Taux) => Np::new("taux", false, false),
        Some(ValueType::Duree) => Np::new("durée", true, false),
        Some(ValueType::Reference) => Np::new("référence", true, false),
        None if is_single_word(words) => Np::new("mot", false, false),
        None => Np::new("mots", false, true),
    }
}

/// « les mots : « … » », « le montant : « … » ».
pub fn announce(words: &str, vt: Option<ValueType>, style: &Style) -> String {
    format!(
        "{}{} {}",
        words_np(words, vt).with(Case::Nom),
        colon(style),
        quote(words, style)
    )
}

fn deleted(style: &Style) -> &'static str {
    if style.abroge {
        "abrogé"
    } else {
        "supprimé"
    }
}

// ----- sentences -----

/// A rendered instruction: its lines (the sentence, then any quoted alinéas), and whether it
/// ends with a quotation block (then no final period is added when it stands alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub lines: Vec<String>,
    pub block: bool,
}

impl Sentence {
    fn line(s: String) -> Sentence {
        Sentence {
            lines: vec![capitalise(&s)],
            block: false,
        }
    }
    fn with_block(s: String, quoted: Vec<String>) -> Sentence {
        let mut lines = vec![capitalise(&s)];
        lines.extend(quoted);
        Sentence { lines, block: true }
    }

    /// The sentence standing alone: final period unless it ends with a quotation block.
    pub fn standalone(mut self) -> Vec<String> {
        if !self.block {
            if let Some(l) = self.lines.last_mut() {
                l.push('.');
            }
        }
        self.lines
    }

    /// The sentence as item `n`° of a chapeau: « 1° … ; », the last one « … . ».
    pub fn item(mut self, n: usize, last: bool, style: &Style) -> Vec<String> {
        if let Some(first) = self.lines.first_mut() {
            *first = format!("{n}° {first}");
        }
        if let Some(l) = self.lines.last_mut() {
            if last {
                l.push('.');
            } else {
                l.push(style.space);
                l.push(';');
            }
        }
        self.lines
    }
}

/// « À l'article 7, » / « Au premier alinéa de l'article 2, » / nothing when the target is the
/// chapeau's unit.
fn location(t: &Target, ctx: Option<&Unit>) -> String {
    match target_np(t, ctx, false) {
        Some(np) => format!("{}, ", np.with(Case::A)),
        None => String::new(),
    }
}

/// The target in the nominative, the unit itself cited plainly or formally.
fn subject(t: &Target, count: u32, ctx: Option<&Unit>, formal: bool) -> Np {
    target_np_range(t, count, ctx, formal).unwrap_or_else(|| {
        // The chapeau's unit itself: cite it anyway.
        let u = unit_np(&t.unit);
        Np::new(u.head, u.fem, false)
    })
}

/// « les mots : « a » sont remplacés par les mots : « b » » and typed variants.
pub fn replace_words(
    t: &Target,
    old: &str,
    new: &str,
    vt: Option<ValueType>,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let np = words_np(old, vt);
    Sentence::line(format!(
        "{}{} {} {} par {}",
        location(t, ctx),
        announce(old, vt, style),
        np.verb(),
        np.agree("remplacé"),
        announce(new, vt, style)
    ))
}

/// « Dans l'ensemble de la convention, les mots : « a » sont remplacés par les mots : « b » »,
/// or with the value's noun (« le montant : « … » est remplacé par le montant : « … » »).
pub fn replace_everywhere(old: &str, new: &str, vt: Option<ValueType>, style: &Style) -> Sentence {
    let np = words_np(old, vt);
    Sentence::line(format!(
        "dans l'ensemble de la convention, {} {} {} par {}",
        announce(old, vt, style),
        np.verb(),
        np.agree("remplacé"),
        announce(new, vt, style)
    ))
}

/// « après le mot : « a », sont insérés les mots : « w » ».
pub fn insert_words(
    t: &Target,
    anchor: &Anchor,
    words: &str,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let (rel, aw) = match anchor {
        Anchor::After(w) => ("après", w),
        Anchor::Before(w) => ("avant", w),
    };
    let np = words_np(words, None);
    Sentence::line(format!(
        "{}{rel} {}, {} {} {}",
        location(t, ctx),
        announce(aw, None, style),
        np.verb(),
        np.agree("inséré"),
        announce(words, None, style)
    ))
}

/// « Au début du premier alinéa de l'article 2, sont ajoutés les mots : « w » ».
pub fn add_words_at_start(t: &Target, words: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let np = words_np(words, None);
    Sentence::line(format!(
        "au début {}, {} {} {}",
        de(&subject(t, 1, ctx, false).with(Case::Nom)),
        np.verb(),
        np.agree("ajouté"),
        announce(words, None, style)
    ))
}

/// « Le premier alinéa de l'article 11 est complété par les mots : « w » ».
pub fn add_words_at_end(t: &Target, words: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, false);
    Sentence::line(format!(
        "{} {} {} par {}",
        s.with(Case::Nom),
        s.verb(),
        s.agree("complété"),
        announce(words, None, style)
    ))
}

/// « Au dernier alinéa de l'article 6, les mots : « par écrit » sont supprimés ».
pub fn delete_words(
    t: &Target,
    words: &str,
    to_end: bool,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let np = words_np(words, None);
    let (verb, part) = if to_end {
        ("sont", format!("{}s", deleted(style)))
    } else {
        (np.verb(), np.agree(deleted(style)))
    };
    let fin = if to_end {
        " et la fin de la phrase"
    } else {
        ""
    };
    Sentence::line(format!(
        "{}{}{fin} {verb} {part}",
        location(t, ctx),
        announce(words, None, style)
    ))
}

/// « La deuxième phrase du premier alinéa de l'article 3 est ainsi rédigée : ⏎ « … » ».
pub fn rewrite_phrase(t: &Target, text: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, false);
    Sentence::with_block(
        format!(
            "{} {} ainsi {}{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("rédigé"),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « Le premier alinéa de l'article 3 est complété par une phrase ainsi rédigée : ⏎ « … » ».
pub fn add_phrase(t: &Target, text: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, false);
    Sentence::with_block(
        format!(
            "{} {} {} par une phrase ainsi rédigée{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("complété"),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « Après la première phrase du …, est insérée une phrase ainsi rédigée : ⏎ « … » ».
pub fn insert_phrase(t: &Target, text: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, false);
    Sentence::with_block(
        format!(
            "après {}, est insérée une phrase ainsi rédigée{}",
            s.with(Case::Nom),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « La dernière phrase du deuxième alinéa de l'article 3 est supprimée ».
pub fn delete_phrase(t: &Target, ctx: Option<&Unit>, style: &Style) -> Sentence {
    delete_units(t, 1, ctx, style)
}

fn unit_word(t: &Target, n: usize) -> (String, bool) {
    let fem = t.row.is_some() && t.item.is_empty() && t.alinea.is_none();
    let noun = if fem { "ligne" } else { "alinéa" };
    let word = format!(
        "{} {noun}{}",
        cardinal_agreed(n as u32, fem),
        if n > 1 { "s" } else { "" }
    );
    (word, fem)
}

fn ainsi_redige(n: usize, fem: bool, style: &Style) -> String {
    let p = match (fem, n > 1) {
        (false, false) => "rédigé",
        (false, true) => "rédigés",
        (true, false) => "rédigée",
        (true, true) => "rédigées",
    };
    format!("ainsi {p}{}", colon(style))
}

/// « Le troisième alinéa de l'article 2 est ainsi rédigé : ⏎ « … » »; « … est remplacé par deux
/// alinéas ainsi rédigés : »; « Le 2° de l'article 4 est ainsi rédigé : ».
pub fn rewrite_alineas(
    t: &Target,
    count: u32,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, count, ctx, false);
    let n = alineas.len();
    let head = if n as u32 == count {
        format!(
            "{} {} ainsi {}{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("rédigé"),
            colon(style)
        )
    } else {
        let (word, fem) = unit_word(t, n);
        format!(
            "{} {} {} par {word} {}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("remplacé"),
            ainsi_redige(n, fem, style)
        )
    };
    Sentence::with_block(head, quote_block(alineas, style))
}

/// « Après le deuxième alinéa de l'article 5, il est inséré un alinéa ainsi rédigé : ⏎ « … » »;
/// after an item, « il est inséré un 3° bis ainsi rédigé : ».
pub fn insert_alineas(
    t: &Target,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, false);
    let n = alineas.len();
    let new_item = (!t.item.is_empty() && n == 1)
        .then(|| alineas.first().and_then(|a| leading_marker(a)))
        .flatten();
    let what = match new_item {
        Some(m) => format!("il est inséré un {m} {}", ainsi_redige(1, false, style)),
        None => {
            let (word, fem) = unit_word(t, n);
            let verb = match (n > 1, fem) {
                (true, true) => "sont insérées",
                (true, false) => "sont insérés",
                (false, _) => "il est inséré",
            };
            format!("{verb} {word} {}", ainsi_redige(n, fem, style))
        }
    };
    Sentence::with_block(
        format!("après {}, {what}", s.with(Case::Nom)),
        quote_block(alineas, style),
    )
}

/// The marker opening an item's text (« 3° bis », « 2° », « b) » → « b »), if any.
pub fn leading_marker(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let digits: String = first.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && first == format!("{digits}°") {
        if let Some(next) = words.next() {
            if matches!(next, "bis" | "ter" | "quater" | "quinquies") {
                return Some(format!("{first} {next}"));
            }
        }
        return Some(first.to_string());
    }
    let mut cs = first.chars();
    if let (Some(c), Some(')'), None) = (cs.next(), cs.next(), cs.next()) {
        if c.is_ascii_lowercase() {
            return Some(c.to_string());
        }
    }
    None
}

/// « Au début de l'article 6, il est ajouté un alinéa ainsi rédigé : » / « L'article 6 est
/// complété par un alinéa ainsi rédigé : ».
pub fn add_alineas(
    t: &Target,
    at: AlineaAt,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, false);
    let n = alineas.len();
    let (word, fem) = unit_word(t, n);
    let head = match at {
        AlineaAt::Start => {
            let verb = if n > 1 {
                "sont ajoutés"
            } else {
                "il est ajouté"
            };
            format!(
                "au début {}, {verb} {word} {}",
                de(&s.with(Case::Nom)),
                ainsi_redige(n, fem, style)
            )
        }
        AlineaAt::End => format!(
            "{} {} {} par {word} {}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("complété"),
            ainsi_redige(n, fem, style)
        ),
    };
    Sentence::with_block(head, quote_block(alineas, style))
}

/// « Le troisième alinéa de l'article 7 est supprimé. » / « Les deuxième et troisième alinéas
/// de l'article 5 sont supprimés. » / « La dernière phrase du … est supprimée. »
pub fn delete_units(t: &Target, count: u32, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let formal = t.is_whole_unit();
    let s = subject(t, count, ctx, formal);
    Sentence::line(format!(
        "{} {} {}",
        s.with(Case::Nom),
        s.verb(),
        s.agree(deleted(style))
    ))
}

/// « Article 5 – Durée » (an article's heading line as quoted).
pub fn article_heading_line(label: &str, heading: Option<&str>) -> String {
    match heading {
        Some(h) => format!("Article {} – {h}", article_label(label)),
        None => format!("Article {}", article_label(label)),
    }
}

/// « Annexe 2 – Budget ».
pub fn annex_heading_line(label: Option<&str>, heading: Option<&str>) -> String {
    let mut s = "Annexe".to_string();
    if let Some(l) = label {
        s.push(' ');
        s.push_str(l);
    }
    if let Some(h) = heading {
        s.push_str(" – ");
        s.push_str(h);
    }
    s
}

fn with_heading_line(first: String, alineas: &[String]) -> Vec<String> {
    let mut all = vec![first];
    all.extend(alineas.iter().cloned());
    all
}

/// « L'article 5 de la convention est ainsi rédigé : ⏎ « Article 5 – Durée ⏎ « … » ».
pub fn rewrite_article(
    t: &Target,
    heading: Option<&str>,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let label = match &t.unit {
        Unit::Article { label } => label.clone(),
        _ => String::new(),
    };
    let s = subject(t, 1, ctx, true);
    Sentence::with_block(
        format!("{} est ainsi rédigé{}", s.with(Case::Nom), colon(style)),
        quote_block(
            &with_heading_line(article_heading_line(&label, heading), alineas),
            style,
        ),
    )
}

/// « Après l'article 4 de la convention, il est inséré un article 4 bis ainsi rédigé : ».
pub fn insert_article(
    t: &Target,
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, true);
    Sentence::with_block(
        format!(
            "après {}, il est inséré un article {} ainsi rédigé{}",
            s.with(Case::Nom),
            article_label(label),
            colon(style)
        ),
        quote_block(
            &with_heading_line(article_heading_line(label, heading), alineas),
            style,
        ),
    )
}

/// « La convention est complétée par un article 10 ainsi rédigé : ».
pub fn add_article(
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
    style: &Style,
) -> Sentence {
    Sentence::with_block(
        format!(
            "la convention est complétée par un article {} ainsi rédigé{}",
            article_label(label),
            colon(style)
        ),
        quote_block(
            &with_heading_line(article_heading_line(label, heading), alineas),
            style,
        ),
    )
}

/// « L'article 9 de la convention est supprimé. »
pub fn delete_article(t: &Target, ctx: Option<&Unit>, style: &Style) -> Sentence {
    delete_units(t, 1, ctx, style)
}

fn label_list(labels: &[String]) -> String {
    let cited: Vec<String> = labels.iter().map(|l| article_label(l)).collect();
    let nums: Vec<Option<u32>> = labels
        .iter()
        .map(|l| {
            let l = l.trim_end_matches("er");
            l.parse().ok()
        })
        .collect();
    let consecutive = cited.len() > 2
        && nums.iter().all(Option::is_some)
        && nums.windows(2).all(|w| match (w[0], w[1]) {
            (Some(a), Some(b)) => b == a + 1,
            _ => false,
        });
    if consecutive {
        return format!("{} à {}", cited[0], cited[cited.len() - 1]);
    }
    match cited.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// « L'article 8 devient l'article 9. » / « Les articles 6 à 9 deviennent respectivement les
/// articles 7 à 10. »
pub fn renumber(from: &[String], to: &[String]) -> Sentence {
    if from.len() == 1 && to.len() == 1 {
        return Sentence::line(format!(
            "l'article {} devient l'article {}",
            article_label(&from[0]),
            article_label(&to[0])
        ));
    }
    Sentence::line(format!(
        "les articles {} deviennent respectivement les articles {}",
        label_list(from),
        label_list(to)
    ))
}

/// « L'intitulé de l'article 4 est ainsi rédigé : « Durée de la convention » ».
pub fn rewrite_heading(t: &Target, heading: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, false);
    Sentence::line(format!(
        "{} est ainsi rédigé{} {}",
        s.with(Case::Nom),
        colon(style),
        quote(heading, style)
    ))
}

/// « L'annexe 2 de la convention est ainsi rédigée : ⏎ « Annexe 2 – … ».
pub fn rewrite_annex(
    t: &Target,
    heading: Option<&str>,
    blocks: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let label = match &t.unit {
        Unit::Annex { label } => label.clone(),
        _ => None,
    };
    let s = subject(t, 1, ctx, true);
    Sentence::with_block(
        format!("{} est ainsi rédigée{}", s.with(Case::Nom), colon(style)),
        quote_block(
            &with_heading_line(annex_heading_line(label.as_deref(), heading), blocks),
            style,
        ),
    )
}

/// « La convention est complétée par une annexe 4 ainsi rédigée : ».
pub fn add_annex(
    label: Option<&str>,
    heading: Option<&str>,
    blocks: &[String],
    style: &Style,
) -> Sentence {
    let l = label.map(|l| format!(" {l}")).unwrap_or_default();
    Sentence::with_block(
        format!(
            "la convention est complétée par une annexe{l} ainsi rédigée{}",
            colon(style)
        ),
        quote_block(
            &with_heading_line(annex_heading_line(label, heading), blocks),
            style,
        ),
    )
}

/// One instruction as its model sentence; `ctx` is the chapeau's unit when it is an item.
pub fn sentence(ins: &Instruction, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let t = &ins.target;
    match &ins.op {
        Op::ReplaceWords {
            old,
            new,
            value_type,
        } => replace_words(t, old, new, *value_type, ctx, style),
        Op::InsertWords { anchor, words } => insert_words(t, anchor, words, ctx, style),
        Op::AddWordsAtStart { words } => add_words_at_start(t, words, ctx, style),
        Op::AddWordsAtEnd { words } => add_words_at_end(t, words, ctx, style),
        Op::DeleteWords { words, to_end } => delete_words(t, words, *to_end, ctx, style),
        Op::RewritePhrase { text } => rewrite_phrase(t, text, ctx, style),
        Op::InsertPhrase { text } => insert_phrase(t, text, ctx, style),
        Op::AddPhrase { text } => add_phrase(t, text, ctx, style),
        Op::DeletePhrase => delete_phrase(t, ctx, style),
        Op::RewriteAlineas { count, alineas } => rewrite_alineas(t, *count, alineas, ctx, style),
        Op::InsertAlineas { alineas } => insert_alineas(t, alineas, ctx, style),
        Op::AddAlineas { at, alineas } => add_alineas(t, *at, alineas, ctx, style),
        Op::DeleteAlineas { count } => delete_units(t, *count, ctx, style),
        Op::RewriteArticle { heading, alineas } => {
            rewrite_article(t, heading.as_deref(), alineas, ctx, style)
        }
        Op::InsertArticle {
            label,
            heading,
            alineas,
        } => insert_article(t, label, heading.as_deref(), alineas, ctx, style),
        Op::AddArticle {
            label,
            heading,
            alineas,
        } => add_article(label, heading.as_deref(), alineas, style),
        Op::DeleteArticle => delete_article(t, ctx, style),
        Op::Renumber { from, to } => renumber(from, to),
        Op::RewriteHeading { heading } => rewrite_heading(t, heading, ctx, style),
        Op::RewriteAnnex { heading, blocks } => {
            rewrite_annex(t, heading.as_deref(), blocks, ctx, style)
        }
        Op::AddAnnex {
            label,
            heading,
            blocks,
        } => add_annex(label.as_deref(), heading.as_deref(), blocks, style),
        Op::DeleteAnnex => delete_units(t, 1, ctx, style),
        Op::ReplaceEverywhere {
            old,
            new,
            value_type,
        } => replace_everywhere(old, new, *value_type, style),
    }
}

/// The article unit shared by all the instructions, when a chapeau can gather them: several
/// instructions on the inside of one article (none rewriting, inserting or deleting it whole).
pub fn chapeau_unit(instructions: &[Instruction]) -> Option<&Unit> {
    if instructions.len() < 2 {
        return None;
    }
    let unit = &instructions.first()?.target.unit;
    if !matches!(unit, Unit::Article { .. } | Unit::Annex { .. }) {
        return None;
    }
    let ok = instructions.iter().all(|i| {
        &i.target.unit == unit
            && !matches!(
                i.op,
                Op::RewriteArticle { .. }
                    | Op::InsertArticle { .. }
                    | Op::AddArticle { .. }
                    | Op::DeleteArticle
                    | Op::Renumber { .. }
                    | Op::RewriteAnnex { .. }
                    | Op::AddAnnex { .. }
                    | Op::DeleteAnnex
                    | Op::ReplaceEverywhere { .. }
            )
    });
    ok.then_some(unit)
}

/// « L'article 7 de la convention est ainsi modifié : ».
pub fn chapeau(unit: &Unit, style: &Style) -> String {
    let np = unit_np(unit);
    capitalise(&format!(
        "{} de la convention est ainsi {}{}",
        np.with(Case::Nom),
        np.agree("modifié"),
        colon(style)
    ))
}

/// The body of an amending article: one sentence, a chapeau and its items, or sentences in turn.
pub fn article_body(art: &AmendingArticle, style: &Style) -> Vec<String> {
    if let Some(unit) = chapeau_unit(&art.instructions) {
        let mut lines = vec![chapeau(unit, style)];
        let n = art.instructions.len();
        for (i, ins) in art.instructions.iter().enumerate() {
            lines.extend(sentence(ins, Some(unit), style).item(i + 1, i + 1 == n, style));
        }
        return lines;
    }
    art.instructions
        .iter()
        .flat_map(|ins| sentence(ins, None, style).standalone())
        .collect()
}

// ----- the fixed parts of an avenant -----

/// « 1er », « 2 »: the number of an article of the avenant.
pub fn avenant_article_number(n: u32) -> String {
    if n == 1 {
        "1er".into()
    } else {
        n.to_string()
    }
}

/// « Article 1er – Modification de l'article 7 de la convention ».
pub fn avenant_article_heading(n: u32, heading: &str) -> String {
    format!("Article {} – {heading}", avenant_article_number(n))
}

/// « Modification de l'article 7 de la convention » (the heading of an amending article).
pub fn modification_heading(unit: &Unit) -> String {
    match unit {
        Unit::Convention => "Modification de la convention".into(),
        u => format!("Modification {}", de(&cite_unit(u, Case::Nom, true))),
    }
}

/// « Insertion d'un article 5 bis dans la convention », « Suppression de l'article 9 de la convention ».
pub fn insertion_heading(label: &str) -> String {
    format!(
        "Insertion d'un article {} dans la convention",
        article_label(label)
    )
}

pub fn deletion_heading(unit: &Unit) -> String {
    format!("Suppression {}", de(&cite_unit(unit, Case::Nom, true)))
}

/// « Ajout d'une annexe 3 à la convention ».
pub fn annex_addition_heading(label: Option<&str>) -> String {
    match label {
        Some(l) => format!("Ajout d'une annexe {l} à la convention"),
        None => "Ajout d'une annexe à la convention".into(),
    }
}

/// « Renumérotation d'articles de la convention ».
pub fn renumbering_heading() -> String {
    "Renumérotation d'articles de la convention".into()
}

/// « Remplacement de mots dans l'ensemble de la convention ».
pub fn everywhere_heading() -> String {
    "Remplacement de mots dans l'ensemble de la convention".into()
}

/// French month names: the tokenizer's table, so that a date written here reads back as one.
use crate::diff::tokens::MONTHS;

/// A date in words as a convention is cited: « 1er février 2021 », « 2 avril 2021 ».
pub fn long_date(day: u32, month: u32, year: u32) -> Option<String> {
    let m = MONTHS.get(month.checked_sub(1)? as usize)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let d = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    Some(format!("{d} {m} {year}"))
}

/// Units cited in a list: « l'article 7 », « les articles 5.1 et 7 », « les articles 2, 4 et 7 ».
fn cite_list(noun_sg: &str, noun_pl: &str, fem: bool, labels: &[String]) -> String {
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => Np::new(format!("{noun_sg} {last}"), fem, false).with(Case::Nom),
        Some((last, rest)) => format!("les {noun_pl} {} et {last}", rest.join(", ")),
    }
}

/// What a drafted avenant changes, for the exposé when no objet is given. Labels are cited as
/// given (`1er`, `5 bis`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub everywhere: Vec<(String, String)>,
    pub modified_articles: Vec<String>,
    pub inserted_articles: Vec<String>,
    pub deleted_articles: Vec<String>,
    pub renumbered: bool,
    pub preambule: bool,
    pub modified_annexes: Vec<String>,
    pub added_annexes: Vec<String>,
    pub deleted_annexes: Vec<String>,
}

/// « de » or « d' » before an infinitive phrase.
fn de_inf(phrase: &str) -> String {
    if phrase.starts_with(['a', 'e', 'é', 'i', 'o', 'u', 'h']) {
        format!("d'{phrase}")
    } else {
        format!("de {phrase}")
    }
}

/// The neutral motive listing what changes, written after « afin de » (« mettre à jour ses
/// articles 5.1 et 7, d'insérer un article 5 bis et de supprimer l'article 6 »), or `None` when
/// nothing changes.
pub fn objet_neutre(c: &Changes, style: &Style) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut updated: Vec<String> = Vec::new();
    let own = |s: String| s.replacen("l'", "son ", 1).replacen("les ", "ses ", 1);
    if c.preambule {
        updated.push("son préambule".into());
    }
    let arts: Vec<String> = c
        .modified_articles
        .iter()
        .map(|l| article_label(l))
        .collect();
    if !arts.is_empty() {
        updated.push(own(cite_list("article", "articles", false, &arts)));
    }
    if !c.modified_annexes.is_empty() {
        updated.push(own(cite_list(
            "annexe",
            "annexes",
            true,
            &c.modified_annexes,
        )));
    }
    if let Some((last, rest)) = updated.split_last() {
        let list = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} ainsi que {last}", rest.join(", "))
        };
        parts.push(format!("mettre à jour {list}"));
    }
    for (old, new) in &c.everywhere {
        parts.push(format!(
            "remplacer, dans l'ensemble de son texte, {} par {}",
            quote(old, style),
            quote(new, style)
        ));
    }
    let ins: Vec<String> = c
        .inserted_articles
        .iter()
        .map(|l| article_label(l))
        .collect();
    match ins.as_slice() {
        [] => {}
        [one] => parts.push(format!("insérer un article {one}")),
        many => parts.push(format!(
            "insérer {}",
            cite_list("article", "articles", false, many)
        )),
    }
    match c.added_annexes.as_slice() {
        [] => {}
        [one] => parts.push(format!("compléter la convention par une annexe {one}")),
        many => parts.push(format!(
            "compléter la convention par {}",
            cite_list("annexe", "annexes", true, many)
        )),
    }
    let del: Vec<String> = c
        .deleted_articles
        .iter()
        .map(|l| article_label(l))
        .collect();
    let mut deleted = Vec::new();
    if !del.is_empty() {
        deleted.push(cite_list("article", "articles", false, &del));
    }
    if !c.deleted_annexes.is_empty() {
        deleted.push(cite_list("annexe", "annexes", true, &c.deleted_annexes));
    }
    if !deleted.is_empty() {
        parts.push(format!("supprimer {}", deleted.join(" ainsi que ")));
    }
    if c.renumbered {
        parts.push("renuméroter en conséquence ses articles".into());
    }
    let (first, rest) = parts.split_first()?;
    let mut out = first.clone();
    for (i, p) in rest.iter().enumerate() {
        out.push_str(if i + 1 == rest.len() { " et " } else { ", " });
        out.push_str(&de_inf(p));
    }
    Some(out)
}

fn parties_names(parties: &[AvenantParty]) -> String {
    let names: Vec<String> = parties
        .iter()
        .map(|p| p.short_name.clone().unwrap_or_else(|| p.name.clone()))
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => "[partie A] et [partie B]".into(),
    }
}

/// « la convention de partenariat du 2 avril 2021 entre l'ENA et la DINUM ».
pub fn convention_designation(av: &Avenant) -> String {
    let title = if av.title.is_empty() {
        "convention"
    } else {
        av.title.as_str()
    };
    let date = av.convention_date.as_deref().unwrap_or("[date]");
    format!("la {title} du {date} entre {}", parties_names(&av.parties))
}

/// « Avenant n° 1 à la convention … du … entre … et … ».
pub fn avenant_title(av: &Avenant) -> String {
    format!("Avenant n° {} à {}", av.numero, convention_designation(av))
}

/// Feminine unless the name is known to be masculine (« L'État », « Le ministère »…).
pub fn party_is_feminine(p: &AvenantParty) -> bool {
    let short = p.short_name.as_deref().unwrap_or("").to_lowercase();
    if short.starts_with("la ") {
        return true;
    }
    if short.starts_with("le ") {
        return false;
    }
    let name = p.name.to_lowercase();
    if name.starts_with("la ") || name.starts_with("une ") {
        return true;
    }
    if name.starts_with("le ") || name.starts_with("un ") {
        return false;
    }
    const MASC: &[&str] = &[
        "état",
        "etat",
        "établissement",
        "etablissement",
        "institut",
        "office",
        "ministère",
        "centre",
        "conseil",
        "groupement",
        "syndicat",
        "opérateur",
        "rectorat",
        "département",
        "réseau",
    ];
    let first = name
        .trim_start_matches("l'")
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_string();
    !MASC.contains(&first.as_str())
}

/// « L'École nationale d'administration (ENA), ci-après dénommée « l'ENA », ».
pub fn party_line(p: &AvenantParty, style: &Style) -> String {
    match &p.short_name {
        Some(s) => format!(
            "{}, ci-après {} {},",
            p.name,
            if party_is_feminine(p) {
                "dénommée"
            } else {
                "dénommé"
            },
            quote(s, style)
        ),
        None => format!("{},", p.name),
    }
}

pub const ENTRE: &str = "Entre :";
pub const ET: &str = "Et :";

/// « ci-après dénommées ensemble « les parties », ».
pub fn ensemble(style: &Style) -> String {
    format!(
        "ci-après dénommées ensemble {},",
        quote("les parties", style)
    )
}

/// « Vu la convention … (ci-après dénommée la « convention »), ».
pub fn visa_convention(av: &Avenant, style: &Style) -> String {
    format!(
        "Vu {} (ci-après dénommée la {}),",
        convention_designation(av),
        quote("convention", style)
    )
}

pub fn expose_heading(style: &Style) -> String {
    format!("Il a été préalablement exposé ce qui suit{}", colon(style))
}

/// « Le présent avenant a pour objet de modifier la convention afin de … ».
pub fn objet(objet: Option<&str>) -> String {
    match objet {
        Some(o) => format!(
            "Le présent avenant a pour objet de modifier la convention afin {}.",
            de_inf(o)
        ),
        None => "Le présent avenant a pour objet de modifier la convention.".into(),
    }
}

pub fn convenu(style: &Style) -> String {
    format!("Ceci exposé, il a été convenu ce qui suit{}", colon(style))
}

pub const AUTRES_STIPULATIONS_HEADING: &str = "Autres stipulations";
pub const AUTRES_STIPULATIONS: &str =
    "Les autres stipulations de la convention demeurent inchangées.";
pub const ENTREE_EN_VIGUEUR_HEADING: &str = "Entrée en vigueur";

/// Entry into force: on signature, or on a set date.
pub fn entree_en_vigueur(effet: Option<&str>) -> String {
    match effet {
        Some(d) => format!("Le présent avenant prend effet le {d}."),
        None => "Le présent avenant entre en vigueur à la date de sa signature par la dernière des parties.".into(),
    }
}

/// « Fait à [lieu], le [date], en deux exemplaires originaux. »
pub fn fait_a(lieu: Option<&str>, date: Option<&str>, parties: usize) -> String {
    format!(
        "Fait à {}, le {}, en {} exemplaires originaux.",
        lieu.unwrap_or("[lieu]"),
        date.unwrap_or("[date]"),
        cardinal(parties.max(2) as u32)
    )
}

/// « Pour l'ENA, » then the placeholder for the signatory.
pub fn signature(p: &AvenantParty) -> (String, String) {
    let who = p.short_name.clone().unwrap_or_else(|| p.name.clone());
    (
        format!("Pour {who},"),
        "[nom et fonction du signataire]".into(),
    )
}

// ----- messages of `apply` -----

/// « article 2 de l'avenant ».
pub fn avenant_article(n: u32) -> String {
    format!("article {} de l'avenant", avenant_article_number(n))
}

/// Where, in the convention: « à l'article 7 de la convention », « au deuxième alinéa de
/// l'article 7 de la convention ».
pub fn where_in_convention(t: &Target) -> String {
    match target_np(t, None, true) {
        Some(np) if t.unit == Unit::Convention => np.with(Case::A),
        Some(np) => np.with(Case::A),
        None => "dans la convention".into(),
    }
}

/// The target in the nominative, formally (« le quatrième alinéa de l'article 7 de la convention »).
pub fn target_name(t: &Target) -> String {
    target_np(t, None, true)
        .map(|np| np.with(Case::Nom))
        .unwrap_or_else(|| "la convention".into())
}

fn plain_quote(words: &str) -> String {
    format!("« {words} »")
}

/// « les mots « 30 juin 2021 » sont introuvables à l'article 7 de la convention ».
pub fn words_not_found(words: &str, t: &Target) -> String {
    let np = words_np(words, None);
    format!(
        "{} {} {} introuvable{} {}",
        np.with(Case::Nom),
        plain_quote(words),
        np.verb(),
        if np.plural { "s" } else { "" },
        where_in_convention(t)
    )
}

/// « les mots « X » figurent 2 fois à l'article 7 de la convention, sans que l'avenant dise lesquels viser ».
pub fn words_ambiguous(words: &str, n: usize, t: &Target) -> String {
    let np = words_np(words, None);
    format!(
        "{} {} {} {n} fois {} : l'avenant ne précise pas laquelle des occurrences est visée",
        np.with(Case::Nom),
        plain_quote(words),
        if np.plural { "figurent" } else { "figure" },
        where_in_convention(t)
    )
}

/// « le quatrième alinéa de l'article 7 de la convention n'existe pas ».
pub fn target_missing(t: &Target) -> String {
    format!("{} n'existe pas", target_name(t))
}

/// « l'article 5 bis existe déjà dans la convention ».
pub fn already_exists(unit: &Unit) -> String {
    format!(
        "{} existe déjà dans la convention",
        cite_unit(unit, Case::Nom, false)
    )
}

/// « cette instruction ne s'applique pas à … ».
pub fn not_applicable(t: &Target) -> String {
    format!("cette opération ne peut pas viser {}", target_name(t))
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
            value_type: Some(ValueType::Montant),
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
            value_type: Some(ValueType::Montant),
        };
        assert_eq!(
            one(ins(Target::convention(), op)),
            s("Dans l'ensemble de la convention, le montant~: «~140 580 €~» est remplacé par le montant~: «~192 330 €~».")
        );
        for (vt, noun) in [
            (
                ValueType::Nombre,
                "le nombre~: «~3~» est remplacé par le nombre",
            ),
            (ValueType::Taux, "le taux~: «~3~» est remplacé par le taux"),
            (
                ValueType::Duree,
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
                        value_type: Some(ValueType::Montant),
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
}
