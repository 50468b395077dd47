//! Numbers and ordinals in words: cardinals, agreed ordinals, positions (« le dernier », « l'avant-dernier »), and their readers.

use super::*;

pub(super) const UNITS: [&str; 20] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
];
pub(super) const TENS: [&str; 7] = [
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

/// A label split into its prefix and last number: « 3.2 » → (« 3. », 2), « 47-1 » → (« 47- », 1),
/// « 6 » → (« », 6), « 1er » → (« », 1); `None` for « 4 bis » or « I ».
fn label_tail(label: &str) -> Option<(&str, u32)> {
    let l = label.trim().trim_end_matches("er");
    let cut = l.rfind(['.', '-']).map_or(0, |i| i + 1);
    Some((&l[..cut], l[cut..].parse().ok()?))
}

/// The labels from `a` to `b` (« 3.2 » to « 3.4 », « 6 » to « 9 »), when they share a prefix:
/// how « les articles 3.2 à 3.4 » is read (at most 1,000).
pub fn label_range(a: &str, b: &str) -> Option<Vec<String>> {
    let ((pa, x), (pb, y)) = (label_tail(a)?, label_tail(b)?);
    if pa != pb || x > y || y - x >= 1000 {
        return None;
    }
    Some(
        (x..=y)
            .map(|n| canonical_label(&format!("{pa}{n}")))
            .collect(),
    )
}

/// True when the labels follow each other under one prefix (« 3.2, 3.3, 3.4 »): how a range
/// « 3.2 à 3.4 » is written.
pub fn consecutive_labels(labels: &[String]) -> bool {
    let tails: Option<Vec<(&str, u32)>> = labels.iter().map(|l| label_tail(l)).collect();
    tails.is_some_and(|t| {
        t.windows(2)
            .all(|w| w[0].0 == w[1].0 && w[1].1 == w[0].1 + 1)
    })
}
