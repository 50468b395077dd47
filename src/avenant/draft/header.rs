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
    let organ = organ(old, formules::DocNoun::of(&title));
    Avenant {
        numero: options.numero,
        title,
        convention_date: convention_date(old),
        parties,
        visa: Vec::new(),
        objet: None,
        organ,
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

/// The bodies that may modify a document adopted by one body, the most specific first.
const ORGANS: [&str; 5] = [
    "assemblée générale extraordinaire",
    "assemblée générale",
    "conseil d'administration",
    "comité directeur",
    "bureau",
];

/// « modification des statuts », « modifier à tout moment les conditions générales », « les
/// statuts peuvent être modifiés », « Toute modification des présentes CGU »: a sentence about
/// modifying the document itself (`{noun}` is the document's noun).
const R_MODIFIES: &str = r"(?i)\bmodifi\w*\s+(?:[àa] tout moment\s+)?(?:des|les|de ces|ces|de leurs|leurs)\s+(?:présente?s?\s+)?(?:{noun})\b|\b(?:{noun})\s+(?:peuvent|peut|sont|est|seront|sera)\s+(?:être\s+)?modifi";

/// An acronym named as the author of the modification: « par la DINSIC », « La DINUM peut
/// modifier ».
static R_ACRONYM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b([Ll]a|[Ll]e|[Ll]')\s*(\p{Lu}{3,}\p{L}*)\b").expect("valid pattern")
});

/// Who modifies a document adopted by one body, as its own text says (« Les statuts peuvent
/// être modifiés par l'Assemblée Générale », « une assemblée générale extraordinaire,
/// notamment pour une modification des statuts », « La DINUM peut modifier à tout moment les
/// conditions générales d'utilisation »): the body named in an alinéa about modifying the
/// document itself, the most specific one when several are; `None` when no alinéa says.
pub(super) fn organ(doc: &Document, noun: formules::DocNoun) -> Option<String> {
    let nouns = match noun.word {
        "conditions générales" => "conditions générales|cgu".to_string(),
        w => regex::escape(w),
    };
    let modifies = regex::Regex::new(&R_MODIFIES.replace("{noun}", &nouns)).ok()?;
    let said: Vec<&str> = doc
        .nodes
        .iter()
        .filter(|n| n.kind.is_alinea_like())
        .map(|n| n.text.as_str())
        .filter(|t| modifies.is_match(t))
        .collect();
    let lower: Vec<String> = said.iter().map(|t| t.to_lowercase()).collect();
    if let Some(o) = ORGANS.iter().find(|o| lower.iter().any(|t| t.contains(*o))) {
        let article = if o.starts_with('a') { "l'" } else { "le " };
        return Some(format!("{article}{o}"));
    }
    said.iter().find_map(|t| {
        R_ACRONYM
            .captures(t)
            .map(|c| format!("{} {}", c[1].to_lowercase(), &c[2]).replace("l' ", "l'"))
    })
}
