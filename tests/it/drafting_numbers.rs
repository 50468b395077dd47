//! Numbering as the new version has it (issue 13, item 3): an inserted article takes the number
//! the new version gives it when that number is free in the old one and in order there — dotted
//! (« 5.7 »), hyphenated (« 6-1 ») and prefixed code numbers (« L1233-24-2 ») — and « bis »
//! when it is taken. Each case is a real document; every act is verified by
//! `draft_checked` (applied back to the new version).

use avenant::avenant::render::markdown;
use avenant::avenant::{draft_checked, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::path::Path;

fn act(old: &str, new: &str) -> String {
    crate::common::verified_act(old, new, &DraftOptions::default())
}

/// The lines of `text` from the line holding `from` up to (not including) the line holding `to`.
fn slice(text: &str, from: &str, to: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let a = lines.iter().position(|l| l.ends_with(from)).expect("from");
    let b = a + lines[a..].iter().position(|l| l.ends_with(to)).expect("to");
    format!("Code du travail\n\n{}\n", lines[a..b].join("\n"))
}

#[test]
fn prefixed_hyphenated_code_numbers_are_the_new_versions() {
    let bench = Path::new("../shared/corpus/bench");
    let (old, new) = (
        bench.join("code-du-travail-2011-12-31.md"),
        bench.join("code-du-travail-2015-04-01.md"),
    );
    if !old.exists() {
        return;
    }
    let read = |p: &Path| std::fs::read_to_string(p).expect("readable");
    let old = slice(
        &read(&old),
        "Article L1233-24",
        "Paragraphe 3 : Licenciements successifs.",
    );
    let new = slice(
        &read(&new),
        "Article L1233-24",
        "Paragraphe 3 : Licenciements successifs.",
    );
    let md = act(&old, &new);
    for l in ["L1233-24-1", "L1233-24-2", "L1233-24-3"] {
        assert!(
            md.contains(&format!("il est inséré un article {l} ainsi rédigé")),
            "{l}\n{md}"
        );
    }
    // The fourth opens the new « Paragraphe 1 bis », inserted whole with its own number.
    assert!(
        md.contains("il est inséré un paragraphe 1 bis ainsi rédigé"),
        "{md}"
    );
    assert!(
        md.lines().any(|l| l.ends_with("\u{a0}Article L1233-24-4")),
        "{md}"
    );
    assert!(!md.contains("un article L1233-24-1 bis"), "{md}");
}

#[test]
fn the_code_civils_hyphenated_numbers_are_the_new_versions() {
    let bench = Path::new("../shared/corpus/bench");
    let (old, new) = (
        bench.join("code-civil-2012-12-31.md"),
        bench.join("code-civil-2015-04-01.md"),
    );
    if !old.exists() {
        return;
    }
    let read = |p: &Path| avenant::read(p, &Default::default()).expect("readable");
    let cmp = compare(read(&old), read(&new), &DiffOptions::default());
    let md =
        markdown(&draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}")));
    for l in ["6-1", "34-1", "225-1", "1751-1"] {
        assert!(md.contains(&format!("un article {l} ainsi rédigé")), "{l}");
    }
    // « 515-14 », free in the old version, placed by the new one after « 710-1 » (out of the
    // numbering order): its own number, not an invented « 710-1 bis ».
    assert!(
        md.contains("Après l'article 710-1 du code, il est inséré un article 515-14 ainsi rédigé"),
        "515-14"
    );
    assert!(!md.contains("710-1 bis"));
}

#[test]
fn dotted_numbers_and_a_taken_number_in_the_canope_convention() {
    let old = std::fs::read_to_string("corpus/11-renouvellement-canope/old.md").expect("corpus");
    let added = "5.7 Contrôle\n\nLes parties se communiquent les pièces justificatives.\n\nArticle 6 : Modification de la convention";
    let new = old.replacen("Article 6 : Modification de la convention", added, 1);
    let md = act(&old, &new);
    assert!(
        md.contains(
            "Après l'article 5.6 de la convention, il est inséré un article 5.7 ainsi rédigé"
        ),
        "{md}"
    );
    // The new version inserts a second « 5.5 » (its own numbering is wrong): the number is
    // taken in the old one, so the drafter writes « 5.5 bis ».
    let twice = old.replacen(
        "5.6 Compte-rendu de gestion",
        "5.5 Contrôle\n\nLes parties se communiquent les pièces justificatives.\n\n5.6 Compte-rendu de gestion",
        1,
    );
    let md = act(&old, &twice);
    assert!(md.contains("un article 5.5 bis ainsi rédigé"), "{md}");
}
