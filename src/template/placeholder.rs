//! Template placeholders `{{nom}}`, `{{montant:amount}}`: finding them in a clause's text,
//! matching a clause against a convention's text, and checking the values' types.

use regex::Regex;
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

pub use crate::text::value::ValueKind;

/// What a placeholder stands for: the shared [`ValueKind`] (text, date, amount, number,
/// duration, percent, party; a reference is not a placeholder type).
pub type PlaceholderType = ValueKind;

/// Reads a placeholder type from its English or French name (`amount`, `montant`).
fn placeholder_type(name: &str) -> Option<PlaceholderType> {
    ValueKind::parse(name).filter(|k| *k != ValueKind::Reference)
}

/// A placeholder of a template: its name and type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Placeholder {
    /// The name between the braces (`date_fin`).
    pub name: String,
    /// What it stands for (text when no type is written).
    #[serde(rename = "type")]
    pub ty: PlaceholderType,
}

impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ty == PlaceholderType::Text {
            write!(f, "{{{{{}}}}}", self.name)
        } else {
            write!(f, "{{{{{}:{}}}}}", self.name, self.ty.as_str())
        }
    }
}

/// A piece of a template clause's text: literal words or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Words the convention must write as they are.
    Literal(String),
    /// A placeholder the convention fills.
    Hole(Placeholder),
}

static HOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{\s*([\p{L}_][\p{L}\p{N}_\-]*)\s*(?::\s*([\p{L}]+))?\s*\}\}")
        .expect("valid regex")
});

/// Splits a clause's text into literal pieces and placeholders. An unknown type is an error
/// naming it; a `{{` left open is an error too.
pub fn pieces(text: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut last = 0;
    for caps in HOLE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if whole.start() > last {
            out.push(Piece::Literal(text[last..whole.start()].to_string()));
        }
        let name = caps.get(1).map(|m| m.as_str()).unwrap_or("").to_string();
        let ty = match caps.get(2) {
            Some(t) => placeholder_type(t.as_str())
                .ok_or_else(|| format!("type inconnu « {} » pour {{{{{name}}}}} (types : text, date, amount, number, duration, percent, party)", t.as_str()))?,
            None => PlaceholderType::Text,
        };
        out.push(Piece::Hole(Placeholder { name, ty }));
        last = whole.end();
    }
    if last < text.len() {
        out.push(Piece::Literal(text[last..].to_string()));
    }
    if out
        .iter()
        .any(|p| matches!(p, Piece::Literal(l) if left_open(l)))
    {
        return Err(format!(
            "marque « {{{{ » non fermée dans « {} »",
            crate::render::excerpt(text, 60)
        ));
    }
    Ok(out)
}

/// A `{{` without its `}}` in a literal piece. A closed `{{ … }}` that is no placeholder
/// (`{{ contract.duration }}`, `{{#if contract.prepayment }}`: a field of the model the
/// conventions are drawn from, in another template language) is literal text the conventions
/// write as it is (blind3 finding 16).
fn left_open(literal: &str) -> bool {
    let mut rest = literal;
    while let Some(open) = rest.find("{{") {
        match rest[open + 2..].find("}}") {
            Some(close) => rest = &rest[open + 2 + close + 2..],
            None => return true,
        }
    }
    false
}

/// True if the text holds at least one placeholder.
pub fn has_placeholder(text: &str) -> bool {
    text.contains("{{") && HOLE.is_match(text)
}

/// Matches a template text against a convention's text. Literal pieces must be equal; each
/// placeholder takes the shortest text that lets the rest match. Returns the values taken, in
/// order, or `None` when the literals differ.
pub fn fill(template: &[Piece], text: &str) -> Option<Vec<(Placeholder, String)>> {
    if template.iter().all(|p| matches!(p, Piece::Literal(_))) {
        let literal: String = template
            .iter()
            .map(|p| match p {
                Piece::Literal(l) => l.as_str(),
                Piece::Hole(_) => "",
            })
            .collect();
        return (literal == text).then(Vec::new);
    }
    let mut pattern = String::from("^");
    for p in template {
        match p {
            Piece::Literal(l) => pattern.push_str(&regex::escape(l)),
            Piece::Hole(_) => pattern.push_str("(.+?)"),
        }
    }
    pattern.push('$');
    let re = Regex::new(&pattern).ok()?;
    let caps = re.captures(text)?;
    let holes = template.iter().filter_map(|p| match p {
        Piece::Hole(h) => Some(h.clone()),
        Piece::Literal(_) => None,
    });
    Some(
        holes
            .enumerate()
            .map(|(i, h)| {
                (
                    h,
                    caps.get(i + 1)
                        .map(|m| m.as_str().trim().to_string())
                        .unwrap_or_default(),
                )
            })
            .collect(),
    )
}

/// The template text with each placeholder replaced by `value(placeholder)`.
pub fn render(template: &[Piece], mut value: impl FnMut(&Placeholder) -> String) -> String {
    template
        .iter()
        .map(|p| match p {
            Piece::Literal(l) => l.clone(),
            Piece::Hole(h) => value(h),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typed_placeholders() {
        let p = pieces("fixé à {{montant:amount}} jusqu'au {{date_fin:date}}.").unwrap();
        assert_eq!(p.len(), 5);
        assert_eq!(
            p[1],
            Piece::Hole(Placeholder {
                name: "montant".into(),
                ty: PlaceholderType::Amount
            })
        );
        assert!(
            matches!(&p[3], Piece::Hole(h) if h.name == "date_fin" && h.ty == PlaceholderType::Date)
        );
        assert!(pieces("{{x:couleur}}").unwrap_err().contains("couleur"));
        assert!(pieces("texte {{ouvert").is_err());
    }

    #[test]
    fn fills_from_a_convention() {
        let t =
            pieces("Elle est conclue jusqu'au {{date_fin:date}}. Elle est renouvelable.").unwrap();
        let v = fill(
            &t,
            "Elle est conclue jusqu'au 30 juin 2021. Elle est renouvelable.",
        )
        .unwrap();
        assert_eq!(v[0].1, "30 juin 2021");
        assert!(fill(&t, "Elle est conclue jusqu'au 30 juin 2021.").is_none());
        let plain = pieces("Sans variable.").unwrap();
        assert_eq!(fill(&plain, "Sans variable."), Some(vec![]));
        assert_eq!(fill(&plain, "Autre."), None);
    }

    #[test]
    fn display_and_render() {
        let t = pieces("Obligations de {{partenaire:party}}").unwrap();
        assert_eq!(
            render(&t, |h| h.to_string()),
            "Obligations de {{partenaire:party}}"
        );
        assert_eq!(render(&t, |_| "l'ENA".into()), "Obligations de l'ENA");
    }
}
