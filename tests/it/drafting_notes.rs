//! A footnote inserted among the others (issue 13): the next note and its call take the
//! number up. The act drafts each call alone (« L'appel de note : « ² » est remplacé par
//! l'appel de note : « ³ » », « Après le mot : « contribution », est inséré l'appel de note :
//! « ² » »), never the alinéa or the article rewritten for a call;
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
            // The calls drafted alone, not the article rewritten (note6 § 13).
            "L'appel de note : « ² » est remplacé par l'appel de note : « ³ »",
            "Après le mot : « contribution », est inséré l'appel de note : « ² »",
        ] {
            assert!(plain.contains(want), "{want}\n{md}");
        }
        let read = parse_avenant(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
        let back = apply(&old, &read).unwrap_or_else(|e| panic!("{e}\n{md}"));
        assert_eq!(texts(&back), texts(&new), "{md}");
    }
}

/// The act of a call moved in a real text, verified: the call deleted, then inserted after
/// its new word; nothing rewritten.
fn moved_call_act(name: &str, old: &str, new: &str) -> String {
    assert_ne!(old, new);
    let cmp = compare(
        avenant::parse_str(name, old),
        avenant::parse_str(name, new),
        &DiffOptions::default(),
    );
    let md =
        markdown(&draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}")))
            .replace(['\u{a0}', '\u{202f}'], " ");
    assert!(md.contains("l'appel de note : « ¹ » est supprimé"), "{md}");
    assert!(!md.contains("ainsi rédigé"), "{md}");
    md
}

#[test]
fn a_call_moved_in_the_dinum_convention_is_drafted_alone() {
    let old = std::fs::read_to_string("corpus/01-article-insere/old.md").expect("corpus");
    let new = old.replacen(
        "recommandée par la DINUM et l'ANSSI¹ ;",
        "recommandée¹ par la DINUM et l'ANSSI ;",
        1,
    );
    let md = moved_call_act("old.md", &old, &new);
    assert!(
        md.contains("après le mot : « recommandée », est inséré l'appel de note : « ¹ »"),
        "{md}"
    );
}

#[test]
fn a_call_moved_in_the_apilos_avenant_is_drafted_alone() {
    let path = "../shared/corpus/real/apilos-avenant-foyer-residence-2023-01-02.pandoc.txt";
    let Ok(old) = std::fs::read_to_string(path) else {
        return;
    };
    let new = old.replacen(
        "propriétaire du logement-foyer¹]",
        "propriétaire¹ du logement-foyer]",
        1,
    );
    let md = moved_call_act("apilos.txt", &old, &new);
    assert!(md.contains("est inséré l'appel de note : « ¹ »"), "{md}");
}
