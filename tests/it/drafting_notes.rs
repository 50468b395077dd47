//! A footnote inserted among the others (issue 13): the next note and its call take the
//! number up. The act rewrites the alinéa holding the calls (the call moved with its word),
//! « La note de bas de page n° 2 de la convention est ainsi rédigée : », and adds note n° 3;
//! read back from its text and applied, every call and every note text comes back exactly.

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft_checked, parse_avenant, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::model::{Document, NodeKind};

const OLD: &str = "Convention de partenariat\n\nArticle 1 : Objet\n\nLa convention organise l'échange de données¹.\n\nArticle 2 : Montant\n\nL'AND verse chaque année à la DNUM une contribution de 10 000 € destinée au fonctionnement du service commun².\n\nArticle 3 : Durée\n\nLa convention est conclue pour un an.\n\n¹ Au sens du règlement général sur la protection des données.\n\n² Montant hors taxes.\n";

/// Every alinéa and note text, in order.
fn texts(d: &Document) -> Vec<String> {
    d.descendants(d.root())
        .into_iter()
        .map(|id| d.node(id))
        .filter(|n| matches!(n.kind, NodeKind::Alinea | NodeKind::Note))
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn a_note_inserted_among_the_others_comes_back_with_every_call() {
    let new = OLD
        .replace("une contribution de", "une contribution² de")
        .replace("service commun².", "service commun³.")
        .replace(
            "² Montant hors taxes.",
            "² Versée en une fois.\n\n³ Montant hors taxes.",
        );
    let (old, new) = (
        avenant::parse_str("old.md", OLD),
        avenant::parse_str("new.md", &new),
    );
    let cmp = compare(old.clone(), new.clone(), &DiffOptions::default());
    for renumber in [false, true] {
        let options = DraftOptions {
            renumber,
            ..DraftOptions::default()
        };
        let md = markdown(&draft_checked(&cmp, &options).unwrap_or_else(|e| panic!("{e}")));
        let plain = md.replace(['\u{a0}', '\u{202f}'], " ");
        for want in [
            "La note de bas de page n° 2 de la convention est ainsi rédigée :",
            "« ² Versée en une fois. »",
            "La convention est complétée par une note de bas de page n° 3 ainsi rédigée :",
            "« ³ Montant hors taxes. »",
            "contribution² de 10 000 €",
            "service commun³.",
        ] {
            assert!(plain.contains(want), "{want}\n{md}");
        }
        let read = parse_avenant(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
        let back = apply(&old, &read).unwrap_or_else(|e| panic!("{e}\n{md}"));
        assert_eq!(texts(&back), texts(&new), "{md}");
    }
}
