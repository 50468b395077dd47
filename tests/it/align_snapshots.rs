//! The Markdown tableau comparatif of every pair of versions in `corpus/real/`, read from the
//! .docx / .odt files themselves, each snapshot read against the two documents.

use avenant::diff::{compare, DiffOptions};
use avenant::render::diff_common::DiffRenderOptions;
use std::path::Path;

const PAIRS: [(&str, &str, &str); 9] = [
    (
        "apilos-avenant",
        "apilos-avenant-foyer-residence-2023-01-02.docx",
        "apilos-avenant-foyer-residence-2026-06-02.docx",
    ),
    (
        "apilos-convention",
        "apilos-convention-apl-foyer-2022-12-06.docx",
        "apilos-convention-apl-foyer-2026-06-10.docx",
    ),
    (
        "cdtn-rupture",
        "cdtn-rupture-amiable-apprentissage-2019-12-24.docx",
        "cdtn-rupture-amiable-apprentissage-2021-02-03.docx",
    ),
    (
        "lrb-statuts",
        "lrb-statuts-association-2013-06-03.odt",
        "lrb-statuts-association-2016-06-24.odt",
    ),
    (
        "potentiel-recours",
        "potentiel-modele-reponse-recours-2024-09-18.docx",
        "potentiel-modele-reponse-recours-2025-01-31.docx",
    ),
    (
        "seed-canope-numbered",
        "seed-canope.odt",
        "seed-canope-numbered.docx",
    ),
    (
        "seed-canope-tracked",
        "seed-canope.odt",
        "seed-canope-tracked.docx",
    ),
    (
        "seed-ena-numbered",
        "seed-ena.odt",
        "seed-ena-numbered.docx",
    ),
    ("seed-ena-tracked", "seed-ena.odt", "seed-ena-tracked.docx"),
];

#[test]
fn real_pairs_markdown() {
    let dir = format!("{}/../shared/corpus/real", env!("CARGO_MANIFEST_DIR"));
    if !Path::new(&dir).exists() {
        eprintln!("{dir} absent: real pairs not checked");
        return;
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let _guard = settings.bind_to_scope();
    for (name, old, new) in PAIRS {
        let read = |f: &str| {
            avenant::read(Path::new(&format!("{dir}/{f}")), &Default::default())
                .unwrap_or_else(|e| panic!("{f}: {e}"))
        };
        let mut o = read(old);
        let mut n = read(new);
        o.source.path = old.to_string();
        n.source.path = new.to_string();
        let cmp = compare(o, n, &DiffOptions::default());
        let mut out = Vec::new();
        avenant::render::diff_md::write_diff_md(&cmp, &DiffRenderOptions::default(), &mut out)
            .unwrap();
        insta::assert_snapshot!(
            format!("align-real-{name}"),
            String::from_utf8(out).unwrap()
        );
    }
}
