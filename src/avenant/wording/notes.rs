//! Footnotes of the document (« la note de bas de page n° 2 »): the sentence that adds one,
//! and its reader, side by side (a note rewritten or deleted is a block unit, see `blocks`).

use super::*;

/// « La convention est complétée par une note de bas de page n° 4 ainsi rédigée : » and the
/// note quoted.
pub fn add_note(label: &str, text: &str, style: &Style) -> Sentence {
    Sentence::with_block(
        format!(
            "{} {} {} par une note de bas de page n° {label} ainsi rédigée{}",
            style.noun.the(),
            style.noun.verb(),
            style.noun.agree("complété"),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « Ajout d'une note de bas de page n° 4 à la convention ».
pub fn note_addition_heading(label: &str, noun: DocNoun) -> String {
    format!(
        "Ajout d'une note de bas de page n° {label} {}",
        noun.to_it()
    )
}

static R_ADD_NOTE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"(?i)^(?:la |le |les |l')(?:présentes? |présents? )?(?:{DOC_NOUNS}) (?:est|sont) complétée?s? par une note(?: de bas de page)? n°\s*(?P<l>\S+) ainsi rédigée\s*:?$"
    ))
    .expect("valid pattern")
});

/// Reads [`add_note`]'s sentence (quotations taken out): the new note's number.
pub fn read_add_note(skel: &str) -> Option<String> {
    Some(R_ADD_NOTE.captures(skel.trim())?["l"].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_cited_added_and_read_back() {
        let st = Style::default();
        let s = add_note("4", "Voir l'article 3.", &st).standalone();
        assert_eq!(
            s[0],
            "La convention est complétée par une note de bas de page n° 4 ainsi rédigée\u{a0}:"
        );
        assert_eq!(read_add_note(&s[0]).as_deref(), Some("4"));
        let unit = Unit::Note { label: "2".into() };
        assert_eq!(
            cite_unit(&unit, Case::Nom, true),
            "la note de bas de page n° 2 de la convention"
        );
        assert_eq!(
            read_block_unit("note de bas de page n° 2 de la convention"),
            Some((unit, "note de bas de page n° 2 de la convention".len()))
        );
    }
}
