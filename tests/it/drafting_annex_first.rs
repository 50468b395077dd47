//! A new annex placed before the annexes the convention keeps (issue 13): « Avant l'annexe 1,
//! il est inséré une annexe 1 A » with the old numbers kept, or, with `--renumber`, « Les
//! annexes 1 et 2 deviennent respectivement les annexes 2 et 3 » then « Avant l'annexe 2, il
//! est inséré une annexe 1 ». Each act is verified by `draft_checked`, then read back from its
//! Markdown by `parse_avenant` and applied to the old version, on two documents: a small
//! convention with two annexes and the real ENA–DINUM convention (one annex, a table).

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft_checked, parse_avenant, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::model::{Document, NodeKind};

/// An annex as compared: (label, heading).
type Annex = (Option<String>, Option<String>);

/// The annexes of a document in order.
fn annexes(doc: &Document) -> Vec<Annex> {
    doc.descendants(doc.root())
        .into_iter()
        .map(|id| doc.node(id))
        .filter(|n| n.kind == NodeKind::Annexe)
        .map(|n| (n.label.clone(), n.heading.clone()))
        .collect()
}

/// The act drafted (and verified), then read from its text and applied: the act and the
/// annexes of the consolidated version.
fn act_and_annexes(old: &str, new: &str, renumber: bool) -> (String, Vec<Annex>) {
    let (old, new) = (
        avenant::parse_str("old.md", old),
        avenant::parse_str("new.md", new),
    );
    let cmp = compare(old.clone(), new, &DiffOptions::default());
    let options = DraftOptions {
        renumber,
        ..DraftOptions::default()
    };
    let md = markdown(&draft_checked(&cmp, &options).unwrap_or_else(|e| panic!("{e}")));
    let read = parse_avenant(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    let applied = apply(&old, &read).unwrap_or_else(|e| panic!("{e}\n{md}"));
    // Compared with plain spaces (the act has no-break spaces inside « » and before « : »).
    (md.replace(['\u{a0}', '\u{202f}'], " "), annexes(&applied))
}

fn some(l: &str, h: &str) -> Annex {
    (Some(l.to_string()), Some(h.to_string()))
}

const SMALL: &str = "Convention de partenariat\n\nArticle 1er : Objet\n\nLa convention fixe les règles du partenariat.\n\nArticle 2 : Annexes\n\nLes annexes font partie de la convention.\n\nAnnexe 1 : Budget\n\nLe budget est de 1 000 euros.\n\nAnnexe 2 : Calendrier\n\nLe calendrier est fixé par les parties.\n";

fn small_new() -> String {
    SMALL
        .replace(
            "Annexe 1 : Budget",
            "Annexe 1 : Liste des partenaires\n\nLes partenaires sont l'Etat et la commune.\n\nAnnexe 2 : Budget",
        )
        .replace("Annexe 2 : Calendrier", "Annexe 3 : Calendrier")
}

#[test]
fn a_new_first_annex_keeps_the_old_numbers_without_renumber() {
    let (md, got) = act_and_annexes(SMALL, &small_new(), false);
    assert!(
        md.contains(
            "Avant l'annexe 1 de la convention, il est inséré une annexe 1 A ainsi rédigée :"
        ),
        "{md}"
    );
    assert!(md.contains("« Annexe 1 A – Liste des partenaires"), "{md}");
    assert!(!md.contains("devient"), "{md}");
    assert_eq!(
        got,
        [
            some("1 A", "Liste des partenaires"),
            some("1", "Budget"),
            some("2", "Calendrier")
        ]
    );
}

#[test]
fn a_new_first_annex_with_renumber_takes_number_one() {
    let (md, got) = act_and_annexes(SMALL, &small_new(), true);
    let renumbered = md
        .find("Les annexes 1 et 2 deviennent respectivement les annexes 2 et 3.")
        .unwrap_or_else(|| panic!("{md}"));
    let inserted = md
        .find("Avant l'annexe 2 de la convention, il est inséré une annexe 1 ainsi rédigée :")
        .unwrap_or_else(|| panic!("{md}"));
    assert!(renumbered < inserted, "{md}");
    assert_eq!(
        got,
        [
            some("1", "Liste des partenaires"),
            some("2", "Budget"),
            some("3", "Calendrier")
        ]
    );
}

/// The first annex also amended: it changes its number and its text in the same act.
#[test]
fn a_new_first_annex_and_the_old_one_amended() {
    let new = small_new().replace("1 000 euros", "1 500 euros");
    for renumber in [false, true] {
        let (md, got) = act_and_annexes(SMALL, &new, renumber);
        assert!(md.contains("1 500 euros"), "{md}");
        assert_eq!(got.len(), 3, "{md}");
        assert_eq!(got[0].1.as_deref(), Some("Liste des partenaires"), "{md}");
    }
}

#[test]
fn the_ena_convention_gains_an_annex_before_its_rgpd_table() {
    let old = std::fs::read_to_string("corpus/conventions/ena-dinum-2021.md").expect("corpus");
    let heading = "Annexe 1 : tableau de répartition des responsabilités RGPD";
    assert!(old.contains(heading));
    let new = old.replace(
        heading,
        "Annexe 1 : Contacts\n\nLes contacts des parties sont tenus à jour par la DINUM.\n\nAnnexe 2 : tableau de répartition des responsabilités RGPD",
    );
    let (md, got) = act_and_annexes(&old, &new, false);
    assert!(
        md.contains(
            "Avant l'annexe 1 de la convention, il est inséré une annexe 1 A ainsi rédigée :"
        ),
        "{md}"
    );
    assert_eq!(got.len(), 2, "{md}");
    assert_eq!(got[0], some("1 A", "Contacts"));
    assert_eq!(got[1].0.as_deref(), Some("1"));
    let (md, got) = act_and_annexes(&old, &new, true);
    assert!(md.contains("L'annexe 1 devient l'annexe 2."), "{md}");
    assert!(
        md.contains(
            "Avant l'annexe 2 de la convention, il est inséré une annexe 1 ainsi rédigée :"
        ),
        "{md}"
    );
    assert_eq!(got[0], some("1", "Contacts"));
    assert_eq!(got[1].0.as_deref(), Some("2"));
}

/// Two new annexes before the first (found by draft_props): « 1 A » then « 1 B » after it
/// without `--renumber`, « 1 » and « 2 » with it; never « 1 bis » appended last.
#[test]
fn two_new_annexes_before_the_first() {
    let new = small_new().replace(
        "Annexe 2 : Budget",
        "Annexe 2 : Contacts\n\nLes contacts sont listés.\n\nAnnexe 3 : Budget",
    );
    let new = new.replace("Annexe 3 : Calendrier", "Annexe 4 : Calendrier");
    let (md, got) = act_and_annexes(SMALL, &new, false);
    assert!(
        md.contains(
            "Après l'annexe 1 A de la convention, il est inséré une annexe 1 B ainsi rédigée :"
        ),
        "{md}"
    );
    let labels: Vec<_> = got
        .iter()
        .map(|a| a.0.clone().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["1 A", "1 B", "1", "2"], "{md}");
    let (md, got) = act_and_annexes(SMALL, &new, true);
    assert!(
        md.contains("Les annexes 1 et 2 deviennent respectivement les annexes 3 et 4."),
        "{md}"
    );
    let labels: Vec<_> = got
        .iter()
        .map(|a| a.0.clone().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["1", "2", "3", "4"], "{md}");
}
