//! The drafting gaps of issue 13, kept as snapshots read as a jurist would: new divisions of the
//! Code civil, footnotes, annexes renumbered with `--renumber`, and the document's own noun in
//! the body (a contract, statuts); each act is verified by `draft_checked` (applied back to
//! the new version) before it is kept.

use avenant::avenant::render::markdown;
use avenant::avenant::{draft_checked, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::path::Path;

fn snapshot(name: &str, md: &str) {
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name.to_string(), md);
    });
}

fn act(old: &str, new: &str, renumber: bool) -> String {
    let cmp = compare(
        avenant::parse_str("old.txt", old),
        avenant::parse_str("new.txt", new),
        &DiffOptions::default(),
    );
    let options = DraftOptions {
        renumber,
        ..DraftOptions::default()
    };
    markdown(&draft_checked(&cmp, &options).unwrap_or_else(|e| panic!("{e}")))
}

/// The amending articles whose heading contains `what`, each up to the next article.
fn articles_about(md: &str, what: &str) -> String {
    md.split("\n## ")
        .filter(|a| a.lines().next().is_some_and(|h| h.contains(what)))
        .map(|a| format!("## {a}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_code_civil_new_divisions() {
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
    let divisions = articles_about(&md, "Insertion d'un");
    assert!(divisions
        .contains("Le chapitre II bis du code est complété par une section 4 ainsi rédigée"));
    assert!(divisions.contains(
        "Après le chapitre IV du titre V du livre Ier du code, il est inséré un chapitre IV bis ainsi rédigé"
    ));
    snapshot("drafting-code-civil-insertions", &divisions);
}

const OLD: &str = "Convention de partenariat\n\nEntre\n\nL'Agence nationale des données (AND)\n\nCi-après dénommée « l'AND »\n\nEt\n\nLa Direction du numérique (DNUM)\n\nCi-après dénommée « la DNUM »\n\nTitre I : Dispositions générales\n\nArticle 1 : Objet\n\nLa convention organise l'échange de données¹.\n\nArticle 2 : Comité\n\nUn comité se réunit deux fois par an.\n\nTitre II : Dispositions financières\n\nArticle 3 : Montant\n\nL'AND verse 10 000 € à la DNUM².\n\nFait à Paris, le 2 avril 2021\n\nPour l'AND,\n\nJeanne Martin\n\nAnnexe 1 : Budget\n\nLe budget est détaillé.\n\nAnnexe 2 : Calendrier\n\nLe calendrier est fixé.\n\nAnnexe 3 : Contacts\n\nLes contacts sont listés.\n\n¹ Au sens du règlement général sur la protection des données.\n\n² Montant hors taxes.\n";

fn edited(old: &str) -> String {
    old.replace(
        "Fait à Paris",
        "Titre III : Suivi\n\nArticle 4 : Bilan\n\nUn bilan est dressé chaque année.\n\nFait à Paris",
    )
    .replace("Annexe 2 : Calendrier\n\nLe calendrier est fixé.\n\n", "")
    .replace("Annexe 3 : Contacts", "Annexe 2 : Contacts")
    .replace("² Montant hors taxes.", "² Montant toutes taxes comprises.")
    .replace(
        "toutes taxes comprises.\n",
        "toutes taxes comprises.\n\n³ Données de 2021.\n",
    )
}

#[test]
fn a_convention_with_a_new_titre_notes_and_annexes_renumbered() {
    let md = act(OLD, &edited(OLD), true);
    for want in [
        "La convention est complétée par un titre III ainsi rédigé",
        "L'annexe 2 de la convention est supprimée.",
        "L'annexe 3 devient l'annexe 2.",
        "La note de bas de page n° 2 de la convention est ainsi rédigée",
        "La convention est complétée par une note de bas de page n° 3 ainsi rédigée",
    ] {
        assert!(md.contains(want), "{want}\n{md}");
    }
    snapshot("drafting-convention-titre-notes-annexes", &md);
}

#[test]
fn a_contract_is_named_a_contract_in_the_body() {
    let old = OLD
        .replace("Convention de partenariat", "Contrat de subvention")
        .replace("La convention organise", "Le contrat organise");
    let md = act(&old, &edited(&old), true);
    for want in [
        "Vu le contrat de subvention",
        "(ci-après dénommé le «\u{a0}contrat\u{a0}»)",
        "Le présent avenant a pour objet de modifier le contrat afin",
        "Le contrat est complété par un titre III ainsi rédigé",
        "L'annexe 2 du contrat est supprimée.",
        "La note de bas de page n° 2 du contrat est ainsi rédigée",
        "Les autres stipulations du contrat demeurent inchangées.",
    ] {
        assert!(md.contains(want), "{want}\n{md}");
    }
    assert!(!md.contains("de la convention"), "{md}");
    snapshot("drafting-contrat-noun", &md);
}
