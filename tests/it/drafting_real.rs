//! The acts drafted for the real pairs of versions that newly verify, kept as snapshots to be
//! read as a jurist reads them: the apilos convention (title sub-lines, annex parts) and the
//! apilos avenant model (an avenant amended: « de l'avenant »).

use avenant::avenant::render::markdown;
use avenant::avenant::{draft_checked, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::path::Path;

const REAL: &str = "../shared/corpus/real";

#[test]
fn real_pairs_drafted_as_a_jurist_reads_them() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    for (name, old, new) in [
        (
            "apilos-convention",
            "apilos-convention-apl-foyer-2022-12-06.docx",
            "apilos-convention-apl-foyer-2026-06-10.docx",
        ),
        (
            "apilos-avenant",
            "apilos-avenant-foyer-residence-2023-01-02.docx",
            "apilos-avenant-foyer-residence-2026-06-02.docx",
        ),
    ] {
        let read = |p: &str| avenant::read(&dir.join(p), &Default::default()).expect("readable");
        let cmp = compare(read(old), read(new), &DiffOptions::default());
        let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let md = markdown(&av);
        if name == "apilos-avenant" {
            // An avenant amended by a later one is named by its own noun.
            assert!(md.contains("Dans l'ensemble de l'avenant"), "{md}");
            assert!(!md.contains("de la convention demeurent"), "{md}");
        }
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(format!("draft-real-{name}"), md);
        });
    }
}
