//! `draft_checked` applies the instructions the drafter holds instead of reading its own act
//! back (a re-read cost 1.0 G instructions of the Code du travail draft): this checks that
//! the act, rendered and read back, gives exactly those instructions, on every act drafted
//! from the corpus pairs, the real documents, the blind tests' pairs and the Code civil.

use avenant::avenant::draft::reads_back;
use avenant::avenant::{draft, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::path::{Path, PathBuf};

/// The pairs of versions drafted here: (old, new).
fn pairs() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(root.join("corpus"))
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("old.md").exists() && p.join("new.md").exists())
        .map(|p| (p.join("old.md"), p.join("new.md")))
        .collect();
    out.sort();
    let named = [
        (
            "corpus/conventions",
            "canope-dinum-2020.md",
            "ena-dinum-2021.md",
        ),
        (
            "corpus/blind",
            "api-entreprise-cgu-2018-06-15.txt",
            "api-entreprise-cgu-2020-07-28.txt",
        ),
        (
            "corpus/blind",
            "genas-convention-benevole-v1.txt",
            "genas-convention-benevole-v2.txt",
        ),
        (
            "corpus/blind2",
            "asn-statuts-2017-04-05.txt",
            "asn-statuts-2019-01-26.txt",
        ),
        ("corpus/blind2", "renn-es-cgu-a.txt", "renn-es-cgu-b.txt"),
        (
            "corpus/blind2",
            "wikimedia-france-statuts-a.txt",
            "wikimedia-france-statuts-b.txt",
        ),
        (
            "corpus/blind3",
            "okiwi-statuts-2006.txt",
            "okiwi-statuts-2025.txt",
        ),
        (
            "corpus/blind3",
            "okiwi-reglement-interieur-a.txt",
            "okiwi-reglement-interieur-b.txt",
        ),
        (
            "../shared/corpus/real",
            "apilos-convention-apl-foyer-2022-12-06.docx",
            "apilos-convention-apl-foyer-2026-06-10.docx",
        ),
        (
            "../shared/corpus/real",
            "apilos-avenant-foyer-residence-2023-01-02.docx",
            "apilos-avenant-foyer-residence-2026-06-02.docx",
        ),
        (
            "../shared/corpus/real",
            "lrb-statuts-association-2013-06-03.odt",
            "lrb-statuts-association-2016-06-24.odt",
        ),
        (
            "../shared/corpus/real",
            "cdtn-rupture-amiable-apprentissage-2019-12-24.docx",
            "cdtn-rupture-amiable-apprentissage-2021-02-03.docx",
        ),
        (
            "../shared/corpus/bench",
            "code-civil-2012-12-31.md",
            "code-civil-2015-04-01.md",
        ),
    ];
    for (dir, old, new) in named {
        let (old, new) = (root.join(dir).join(old), root.join(dir).join(new));
        // The shared corpus may be absent (a clone without ../shared).
        if old.exists() && new.exists() {
            out.push((old, new));
        }
    }
    out
}

#[test]
fn every_drafted_act_reads_back_as_the_instructions_held() {
    let mut failures = Vec::new();
    let mut acts = 0;
    for (old, new) in pairs() {
        let load = |p: &Path| avenant::load(p, &Default::default()).expect("readable");
        let cmp = compare(load(&old), load(&new), &DiffOptions::default());
        for renumber in [false, true] {
            let options = DraftOptions {
                renumber,
                ..DraftOptions::default()
            };
            let av = draft(&cmp, &options);
            acts += 1;
            if let Err(e) = reads_back(&av) {
                failures.push(format!("{} (renumber={renumber}): {e}", new.display()));
            }
        }
    }
    assert!(acts >= 40, "{acts} acts");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
