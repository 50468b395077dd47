//! Nested list items through a drafted act: quoted with the bullet of their level (« – », then
//! « • », « ◦ »), read back by `apply` at that level — on the Okiwi statuts (blind3 12) and two
//! other real texts with nested lists (the Canopé–DINUM convention's team, the Renn.es CGU).

use crate::common;

/// Every list item of the document in order: its nesting level and its text.
fn items(doc: &avenant::Document) -> Vec<(u8, String)> {
    doc.descendants(doc.root())
        .into_iter()
        .map(|id| doc.node(id))
        .filter(|n| n.kind == avenant::model::NodeKind::Item)
        .map(|n| (n.level, n.text.clone()))
        .collect()
}

/// The act drafted from `old` to `new` (with the new version's numbering), rendered, read
/// and applied back: the same words and the same levels of items.
pub(crate) fn same_levels_back(old: &avenant::Document, new: &avenant::Document) -> String {
    use avenant::diff::{compare, DiffOptions};
    let cmp = compare(old.clone(), new.clone(), &DiffOptions::default());
    let options = avenant::avenant::DraftOptions {
        renumber: true,
        ..Default::default()
    };
    let av = avenant::avenant::draft_checked(&cmp, &options).unwrap_or_else(|e| panic!("{e}"));
    let md = avenant::avenant::render::markdown(&av);
    let read = avenant::avenant::parse_avenant(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    let applied = avenant::avenant::apply(old, &read).unwrap_or_else(|e| panic!("{e}\n{md}"));
    assert_eq!(items(&applied), items(new), "{md}");
    let back = compare(applied, new.clone(), &DiffOptions::default());
    assert!(!back.has_differences(), "{md}");
    md
}

#[test]
fn the_okiwi_statuts_act_keeps_three_levels_of_items() {
    let old = common::load_path(&common::corpus_file(
        "corpus/blind3",
        "okiwi-statuts-2006.txt",
    ));
    let new = common::load_path(&common::corpus_file(
        "corpus/blind3",
        "okiwi-statuts-2025.txt",
    ));
    let md = same_levels_back(&old, &new);
    // As a jurist reads the quotation: the sub-items under their item, one bullet per level.
    assert!(
        md.contains("«\u{a0}• de participer aux évènements de l'association,"),
        "{md}"
    );
    assert!(
        md.contains("«\u{a0}◦ Cette admission ne doit faire l'objet d'aucun veto"),
        "{md}"
    );
    assert!(
        md.contains("«\u{a0}– De membres actifs qui participent"),
        "{md}"
    );
}

#[test]
fn a_team_list_reordered_keeps_its_sub_items_under_each_member() {
    let path = std::path::Path::new("../shared/corpus/real/seed-canope.pandoc.txt");
    let text = std::fs::read_to_string(path).expect("the shared corpus");
    let dinum = text
        .find("-   DINUM")
        .expect("the DINUM item of the team list");
    let canope = text.find("-   RÉSEAU CANOPÉ").expect("the Canopé item");
    let end = text[canope..]
        .find("\n\n")
        .map(|e| canope + e)
        .and_then(|e| text[e + 2..].find("\n\n").map(|f| e + 2 + f))
        .expect("the end of the Canopé sub-list");
    // The Canopé team listed first, each member's sub-list with it, and one more developer.
    let (a, b) = (&text[dinum..canope], &text[canope..end]);
    let new_text = format!(
        "{}{}\n\n{}{}",
        &text[..dinum],
        b.trim_end(),
        a.trim_end().replace(
            "    -   Coach agile",
            "    -   Coach agile\n    -   Développeur back-end"
        ),
        &text[end..]
    );
    let old = avenant::parse_str("seed-canope.md", &text);
    let new = avenant::parse_str("seed-canope-b.md", &new_text);
    assert!(
        items(&new)
            .iter()
            .any(|(l, t)| *l > 0 && t == "Développeur back-end"),
        "{:?}",
        items(&new)
    );
    same_levels_back(&old, &new);
}

#[test]
fn cgu_sub_items_rewritten_under_their_point() {
    let path = common::corpus_file("corpus/blind2", "renn-es-cgu-a.txt");
    let text = std::fs::read_to_string(&path).expect("utf-8");
    // Point 3's three sub-items become two, reworded; point 4 gains one.
    let new_text = text
        .replace(
            "  - ses services répondront à vos besoins;\n  - ses services ne soient pas interrompus ni ne comporteront de bugs;\n",
            "  - ses services répondront à tous vos besoins, sans interruption ni bugs;\n",
        )
        .replace(
            "  - la résiliation de votre compte;\n",
            "  - la résiliation de votre compte;\n  - la suppression de vos données;\n",
        );
    assert_ne!(new_text, text);
    let old = avenant::parse_str("renn-es-cgu-a.md", &text);
    let new = avenant::parse_str("renn-es-cgu-b.md", &new_text);
    same_levels_back(&old, &new);
}
