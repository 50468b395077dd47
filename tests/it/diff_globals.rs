//! Global replacements (« Remplacements dans tout le document ») only when true, on real pairs:
//! every occurrence of the old words in the whole document changed the same way and the
//! replacement writes nothing the new version lacks (issue 13 §5, blind finding 11). The rule is
//! the drafter's too ([`avenant::diff::everywhere::holds_everywhere`]).

use avenant::diff::{compare, DiffOptions};
use avenant::{Document, ReadOptions};

fn load(path: &str) -> Option<Document> {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let path = std::path::Path::new(&path);
    path.exists()
        .then(|| avenant::load(path, &ReadOptions::default()).ok())
        .flatten()
}

/// The (old, new) words of the pair's global replacements, or `None` when the corpus is absent.
fn globals(old: &str, new: &str) -> Option<Vec<(String, String)>> {
    let (old, new) = (load(old)?, load(new)?);
    let cmp = compare(old, new, &DiffOptions::default());
    Some(
        cmp.globals
            .iter()
            .map(|g| (g.old.clone(), g.new.clone()))
            .collect(),
    )
}

fn has(globals: &[(String, String)], old: &str, new: &str) -> bool {
    globals.iter().any(|(o, n)| o == old && n == new)
}

#[test]
fn a_number_kept_elsewhere_is_not_replaced_everywhere() {
    // Mes Aides: the Bureau goes from 3 to 4 members, « dans les 3 à 6 mois » stays.
    let g = globals(
        "corpus/blind/mes-aides-statuts-paris.txt",
        "corpus/blind/mes-aides-statuts-nice.txt",
    )
    .expect("blind corpus");
    assert!(!has(&g, "3", "4"), "{g:?}");
}

#[test]
fn a_case_change_kept_elsewhere_is_not_replaced_everywhere() {
    // The APL convention writes « l'ETAT » in its title, parties and visas in 2026 but keeps
    // « état » five times elsewhere; « Prêteur » → « Organisme financeur » holds throughout.
    let Some(g) = globals(
        "../shared/corpus/real/apilos-convention-apl-foyer-2022-12-06.soffice.txt",
        "../shared/corpus/real/apilos-convention-apl-foyer-2026-06-10.soffice.txt",
    ) else {
        eprintln!("shared corpus absent, skipped");
        return;
    };
    assert!(!has(&g, "état", "ETAT"), "{g:?}");
    assert!(has(&g, "Prêteur", "Organisme financeur"), "{g:?}");
}

#[test]
fn a_name_changed_in_some_places_only_is_not_replaced_everywhere() {
    // The two seeds: « Réseau Canopé » is named 40 times, and « l'ENA » stands for it in 3.
    let g = globals(
        "corpus/conventions/canope-dinum-2020.md",
        "corpus/conventions/ena-dinum-2021.md",
    )
    .expect("seeds");
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn a_name_changed_everywhere_is_one_global_replacement() {
    // The CGU: every « DINSIC » became « DINUM »; Chartrettes: the mayor's name, in the
    // signatures and both annexes.
    let g = globals(
        "corpus/blind/api-entreprise-cgu-2018-06-15.txt",
        "corpus/blind/api-entreprise-cgu-2020-07-28.txt",
    )
    .expect("blind corpus");
    assert!(has(&g, "DINSIC", "DINUM"), "{g:?}");
    let g = globals(
        "corpus/blind/chartrettes-convention-equipements-sportifs-maire-gros.txt",
        "corpus/blind/chartrettes-convention-equipements-sportifs-maire-bargeault.txt",
    )
    .expect("blind corpus");
    assert!(has(&g, "Pascal GROS", "Fabrice BARGEAULT"), "{g:?}");
}
