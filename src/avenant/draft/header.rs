//! The fixed parts of the avenant drafted from the old version: title, parties, date of the
//! convention it amends.

use super::*;

pub(super) fn header(old: &Document, options: &DraftOptions) -> Avenant {
    let title = old
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Titre)
        .map(|n| n.text.trim())
        // A table row read as the title (a letter's « | Paris, le … ») is no title.
        .filter(|t| !t.is_empty() && !t.starts_with('|'))
        .map(|t| {
            if formules::names_a_document(t) {
                lower_first(t)
            } else {
                // « Rupture d'un commun accord du contrat … » is not a noun the act can put
                // « la » before: « la convention « Rupture d'un commun accord … » ».
                format!("convention «\u{a0}{t}\u{a0}»")
            }
        })
        // Untitled: the noun the text gives itself (« les présents statuts »).
        .unwrap_or_else(|| self_noun(old).unwrap_or("convention").into());
    let parties = old
        .parties()
        .into_iter()
        .map(|p| AvenantParty {
            name: without_designation(&p.name, p.short_name.is_some()),
            short_name: p.short_name.clone(),
        })
        .collect();
    Avenant {
        numero: options.numero,
        title,
        convention_date: convention_date(old),
        parties,
        visa: Vec::new(),
        objet: None,
        articles: Vec::new(),
        effet: options.date_effet.clone(),
        lieu: options.lieu.clone(),
        date: options.date.clone(),
        written: Default::default(),
    }
}

/// The nouns an untitled document may call itself by, in order of preference on a tie.
const SELF_NOUNS: [&str; 8] = [
    "statuts",
    "règlement",
    "charte",
    "contrat",
    "accord",
    "convention",
    "protocole",
    "pacte",
];

static R_SELF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"(?i)\bprésente?s?\s+({})\b",
        SELF_NOUNS.join("|")
    ))
    .expect("valid pattern")
});

/// The noun an untitled document calls itself by in its own text (« adhérer aux présents
/// statuts », « le présent règlement »), the most frequent one; `None` when it names none.
fn self_noun(doc: &Document) -> Option<&'static str> {
    let mut counts = [0usize; SELF_NOUNS.len()];
    for n in doc.nodes.iter().filter(|n| n.kind.is_alinea_like()) {
        for c in R_SELF.captures_iter(&n.text) {
            let word = c[1].to_lowercase();
            if let Some(i) = SELF_NOUNS.iter().position(|w| *w == word) {
                counts[i] += 1;
            }
        }
    }
    let best = counts.iter().copied().max().filter(|m| *m > 0)?;
    SELF_NOUNS
        .iter()
        .zip(counts)
        .find(|(_, c)| *c == best)
        .map(|(w, _)| *w)
}

/// A party's name without the « ci-après dénommé(e) « … » » its line ends with, when the act
/// writes that designation itself (`designated`): it is not said twice.
fn without_designation(name: &str, designated: bool) -> String {
    if !designated {
        return name.to_string();
    }
    match name.find("ci-après").or_else(|| name.find("Ci-après")) {
        Some(at) if at > 0 => name[..at].trim_end_matches([',', ' ']).to_string(),
        _ => name.to_string(),
    }
}

pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // « Convention … » → « convention … », but an acronym stays as written.
        Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        Some(_) => s.to_string(),
        None => String::new(),
    }
}

/// The date of « Fait à Paris, le 2/4/2021 » (numeric dates written out), if any.
pub(super) fn convention_date(old: &Document) -> Option<String> {
    let line = old
        .nodes
        .iter()
        .filter(|n| n.kind.is_alinea_like())
        .map(|n| n.text.trim())
        .find(|t| t.starts_with("Fait à") || t.starts_with("Fait a"))?;
    let (_, date) = line.split_once(", le ")?;
    // « le 10 mai 2024, en deux exemplaires »: the date alone.
    let date = date.split(',').next().unwrap_or(date);
    let date = date.split(" en ").next().unwrap_or(date);
    let date = date
        .trim()
        .trim_end_matches(['.', ',', ';'])
        .trim()
        .to_string();
    if date.is_empty() || !date.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let nums: Vec<&str> = date.split(['/', '.', '-']).collect();
    if let [d, m, y] = nums.as_slice() {
        if let (Ok(d), Ok(m), Ok(y)) = (d.parse(), m.parse(), y.parse::<u32>()) {
            let y = if y < 100 { 2000 + y } else { y };
            return formules::long_date(d, m, y);
        }
    }
    Some(date)
}
