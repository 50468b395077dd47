//! Articles the text does not number, named by their heading: when the act inserts one whose
//! heading another article already bears, the article inserted after it names it by rank
//! (« Après le deuxième article … intitulé « Cotisation », il est inséré un article ainsi
//! rédigé : »), and `apply` reads that rank back — on the mes-aides règlement intérieur and
//! the Renn.es CGU.

use crate::common;

/// `old` with two sections inserted after the one headed `after`: a second one headed
/// `taken` (a heading the text already has), then `fresh`.
fn with_two_sections(old: &str, after: &str, taken: &str, fresh: &str) -> String {
    let start = old.find(after).expect("the section");
    let next = old[start + after.len()..]
        .find("\n## ")
        .map(|i| start + after.len() + i + 1)
        .expect("the section after it");
    format!(
        "{}## {taken}\n\nUn texte ajouté sous un intitulé déjà pris.\n\n## {fresh}\n\nUn article nouveau après lui.\n\n{}",
        &old[..next],
        &old[next..]
    )
}

fn drafted_and_applied(path: &str, after: &str, taken: &str, fresh: &str) -> String {
    let text = std::fs::read_to_string(common::corpus_file("corpus/blind2", path)).expect("utf-8");
    let new_text = with_two_sections(&text, after, taken, fresh);
    let old = avenant::parse_str("old.md", &text);
    let new = avenant::parse_str("new.md", &new_text);
    let (md, back) = common::act_round_trip(&old, &new);
    assert!(!back.has_differences(), "{md}");
    md
}

#[test]
fn an_article_after_an_inserted_one_with_a_taken_heading_names_it_by_rank() {
    let md = drafted_and_applied(
        "mes-aides-reglement-interieur-a.txt",
        "## Cotisation",
        "Cotisation",
        "Adhésion",
    );
    // Inserted after the old « Cotisation »: the second so titled.
    assert!(
        md.contains("Après le deuxième article de la convention intitulé «\u{a0}Cotisation\u{a0}», il est inséré un article ainsi rédigé"),
        "{md}"
    );
    let md = drafted_and_applied(
        "renn-es-cgu-a.txt",
        "## Engagement des utilisateur·ice·s",
        "Version courte",
        "Contact",
    );
    // Inserted before the old « Version courte »: the first so titled.
    assert!(
        md.contains("Après le premier article des conditions générales intitulé «\u{a0}Version courte\u{a0}», il est inséré un article ainsi rédigé"),
        "{md}"
    );
}
