//! `draft` verifies its own act: rendered, read back, applied to the old version, it must give
//! the new one unit by unit — or the act is refused with the units named, never printed wrong.

use avenant::avenant::{draft, draft_checked, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::path::Path;

fn check(old: &Path, new: &Path, renumber: bool) -> Result<(), String> {
    let read = |p: &Path| avenant::read(p, &Default::default()).expect("readable");
    let cmp = compare(read(old), read(new), &DiffOptions::default());
    let options = DraftOptions {
        renumber,
        ..DraftOptions::default()
    };
    draft_checked(&cmp, &options)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn every_corpus_pair_drafts_a_verified_act() {
    let mut failures = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir("corpus")
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("old.md").exists() && p.join("new.md").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 12, "{dirs:?}");
    for d in &dirs {
        for renumber in [false, true] {
            if let Err(e) = check(&d.join("old.md"), &d.join("new.md"), renumber) {
                failures.push(format!("{} renumber={renumber}: {e}", d.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const REAL: &str = "../shared/corpus/real";

#[test]
fn the_real_statuts_pair_drafts_a_verified_act() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    for renumber in [false, true] {
        check(
            &dir.join("lrb-statuts-association-2013-06-03.soffice.txt"),
            &dir.join("lrb-statuts-association-2016-06-24.soffice.txt"),
            renumber,
        )
        .unwrap_or_else(|e| panic!("renumber={renumber}: {e}"));
    }
}

/// Pairs the drafter cannot yet express (an article holding tables and lists rewritten): the
/// act is refused and the units named, rather than printed wrong.
#[test]
fn an_act_that_does_not_verify_is_refused_naming_its_units() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    let e = check(
        &dir.join("apilos-avenant-foyer-residence-2023-01-02.soffice.txt"),
        &dir.join("apilos-avenant-foyer-residence-2026-06-02.soffice.txt"),
        false,
    );
    if let Err(e) = e {
        assert!(e.contains("article 2"), "{e}");
        assert!(e.contains("aucun avenant n'est imprimé"), "{e}");
    }
}

/// The two apilos avenant models (real .docx, 2023 and 2026): article 2 quotes a table whose
/// cells hold template pipes (`{{ l.typologie|tl }}`); the act must quote them so that the row
/// is split back at its own separators only, and the act verifies.
#[test]
fn the_apilos_avenant_pair_drafts_a_verified_act_with_pipes_in_cells() {
    let real = Path::new("../shared/corpus/real");
    let (old, new) = (
        real.join("apilos-avenant-foyer-residence-2023-01-02.docx"),
        real.join("apilos-avenant-foyer-residence-2026-06-02.docx"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}

/// The Code civil pair: its new divisions (« Section 4 » completing chapitre II bis, « Chapitre
/// IV bis » after chapitre IV of titre V of livre Ier) are drafted and the act verifies.
#[test]
fn the_code_civil_drafts_a_verified_act_with_its_new_divisions() {
    let bench = Path::new("../shared/corpus/bench");
    let (old, new) = (
        bench.join("code-civil-2012-12-31.md"),
        bench.join("code-civil-2015-04-01.md"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}

/// The Code civil and Code du travail pairs (issue 15): the drafted act must apply back to
/// exactly the new version. Ignored: over 20 s in a debug build. The Code civil act verifies
/// (see the test above). The Code du travail act is read back and applied whole (quotations
/// inside quotations, « R*3231-2 »); where it still differs from the new version is printed,
/// and the unverified act is written to the temp dir. Run with
/// `cargo test --release --test it -- --ignored codes_draft`.
#[test]
#[ignore = "over 20 s in debug; the Code du travail act does not verify yet (see the comment)"]
fn codes_draft_verified_acts() {
    let bench = Path::new("../shared/corpus/bench");
    let mut failures = Vec::new();
    for (old, new) in [
        ("code-civil-2012-12-31.md", "code-civil-2015-04-01.md"),
        (
            "code-du-travail-2011-12-31.md",
            "code-du-travail-2015-04-01.md",
        ),
    ] {
        if !bench.join(old).exists() {
            eprintln!("{old} absent: skipped");
            continue;
        }
        if let Err(e) = check(&bench.join(old), &bench.join(new), false) {
            // The unverified act, to read where it goes wrong.
            let read = |p: &Path| avenant::read(p, &Default::default()).expect("readable");
            let cmp = compare(
                read(&bench.join(old)),
                read(&bench.join(new)),
                &DiffOptions::default(),
            );
            let act = avenant::avenant::render::markdown(&draft(&cmp, &DraftOptions::default()));
            let dump = std::env::temp_dir().join(format!("unverified-act-{old}"));
            let _ = std::fs::write(&dump, act);
            failures.push(format!(
                "{old}: {e} (acte non vérifié : {})",
                dump.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The apilos APL convention for logements-foyers (real .docx, 2022 → 2026): the title's
/// templated sub-lines and the annex's new parts « II. », « III. », « IV. » (sub-divisions with
/// tables) are drafted, and the annex quoted whole applies back to the same sub-divisions.
#[test]
fn the_apilos_convention_pair_drafts_a_verified_act() {
    let real = Path::new(REAL);
    let (old, new) = (
        real.join("apilos-convention-apl-foyer-2022-12-06.docx"),
        real.join("apilos-convention-apl-foyer-2026-06-10.docx"),
    );
    if !old.exists() {
        return;
    }
    for renumber in [false, true] {
        check(&old, &new, renumber).unwrap_or_else(|e| panic!("renumber={renumber}: {e}"));
    }
}

/// The Ministry of Labour's model agreement without articles (2019 → 2021): its body's
/// alinéas are addressed as the document's own.
#[test]
fn the_cdtn_agreement_pair_drafts_a_verified_act() {
    let real = Path::new(REAL);
    let (old, new) = (
        real.join("cdtn-rupture-amiable-apprentissage-2019-12-24.docx"),
        real.join("cdtn-rupture-amiable-apprentissage-2021-02-03.docx"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}

/// The DGEC model letter without articles (2024 → 2025): no change of substance, an empty act
/// that verifies.
#[test]
fn the_potentiel_letter_pair_drafts_a_verified_act() {
    let real = Path::new(REAL);
    let (old, new) = (
        real.join("potentiel-modele-reponse-recours-2024-09-18.docx"),
        real.join("potentiel-modele-reponse-recours-2025-01-31.docx"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}
