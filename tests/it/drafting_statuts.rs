//! Statuts without a title (blind findings 18, 33; note6 § 13): the document is named by the
//! noun its own text gives itself (« les présents statuts »), never « la convention », and the
//! act adopted by one body is a « modification », not an avenant: « Les statuts sont modifiés
//! afin de … », « La présente modification entre en vigueur à la date de son adoption. », « Les
//! autres dispositions des statuts demeurent inchangées. ». Two real texts: the Zeste de Savoir
//! statuts (untitled) and the Lyon Ruby Brigade statuts with their title line taken out.

use avenant::avenant::{draft_checked, render::markdown, DraftOptions};
use avenant::diff::{compare, DiffOptions};

fn act(name: &str, old: &str, new: &str) -> String {
    let cmp = compare(
        avenant::parse_str(name, old),
        avenant::parse_str(name, new),
        &DiffOptions::default(),
    );
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    markdown(&av).replace(['\u{a0}', '\u{202f}'], " ")
}

fn assert_statuts_modification(md: &str) {
    assert!(md.starts_with("# Modification des statuts"), "{md}");
    assert!(
        md.contains("Les statuts sont modifiés afin de mettre à jour leur"),
        "{md}"
    );
    assert!(md.contains("## Article "), "{md}");
    assert!(md.contains("– Autres dispositions\n"), "{md}");
    assert!(
        md.contains("Les autres dispositions des statuts demeurent inchangées."),
        "{md}"
    );
    assert!(
        md.contains("La présente modification entre en vigueur à la date de son adoption."),
        "{md}"
    );
    for wrong in [
        "présent avenant",
        "de la convention",
        "Entre :",
        "stipulations",
    ] {
        assert!(!md.contains(wrong), "{wrong}\n{md}");
    }
}

#[test]
fn zeste_de_savoir_untitled_statuts_are_modified_as_statuts() {
    let read = |v: &str| {
        std::fs::read_to_string(format!("corpus/blind/zeste-de-savoir-statuts-ca-{v}.txt"))
            .expect("corpus")
    };
    let md = act(
        "zeste-de-savoir-statuts.txt",
        &read("4-a-25"),
        &read("13-a-25"),
    );
    assert_statuts_modification(&md);
    assert!(
        md.contains("Au premier alinéa de l'article 8 des statuts"),
        "{md}"
    );
}

#[test]
fn lrb_statuts_without_their_title_are_modified_as_statuts() {
    let dir = std::path::Path::new("../shared/corpus/real");
    if !dir.exists() {
        return;
    }
    let read = |d: &str| {
        let text =
            std::fs::read_to_string(dir.join(format!("lrb-statuts-association-{d}.pandoc.txt")))
                .expect("corpus");
        // Without its title line « Statuts de l'association Lyon Ruby Brigade ».
        text.split_once('\n')
            .map(|(_, rest)| rest.to_string())
            .unwrap_or(text)
    };
    let md = act("lrb-statuts.txt", &read("2013-06-03"), &read("2016-06-24"));
    assert_statuts_modification(&md);
}
