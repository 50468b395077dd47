//! A seed convention and the PDFs printed from it give the same tree (issue 6): the text and
//! each PDF are read with `avenant::load` and compared; no substantive difference is allowed.
//! Also: the same check through the real binary, and the terminal diff of the two versions of
//! the Aidants Connect referent charter (two PDFs, the new one in two columns), snapshotted.
#![cfg(feature = "pdf")]

use std::path::Path;

use avenant::diff::compare;
use avenant::render::diff_common::DiffRenderOptions;
use avenant::render::diff_terminal::write_diff_terminal;
use avenant::ReadOptions;

const SEEDS: [&str; 2] = ["canope-dinum-2020", "ena-dinum-2021"];
const VARIANTS: [&str; 2] = ["office", "web"];

/// Paths relative to the package root (cargo runs tests there): they appear in the rendered
/// diff, which must not depend on where the repository is checked out.
fn load(path: &str) -> avenant::Document {
    avenant::load(Path::new(path), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn terminal(cmp: &avenant::diff::Comparison) -> String {
    let mut out = Vec::new();
    write_diff_terminal(cmp, &DiffRenderOptions::default(), &mut out).expect("render to memory");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn each_seed_pdf_gives_the_tree_of_its_text() {
    let mut failures = Vec::new();
    for seed in SEEDS {
        for variant in VARIANTS {
            let text = format!("corpus/conventions/{seed}.md");
            let pdf = format!("corpus/pdf/{seed}.{variant}.pdf");
            let cmp = compare(load(&text), load(&pdf), &Default::default());
            if cmp.has_differences() {
                failures.push(terminal(&cmp));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[cfg(feature = "cli")]
#[test]
fn avenant_diff_of_a_seed_and_its_office_pdf_exits_0() {
    for seed in SEEDS {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_avenant"))
            .args([
                "diff",
                &format!("corpus/conventions/{seed}.md"),
                &format!("corpus/pdf/{seed}.office.pdf"),
                "--color",
                "never",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run avenant");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{seed}\n{stdout}\n{stderr}");
        assert!(stdout.contains("Aucune différence de fond"), "{stdout}");
    }
}

#[test]
fn the_two_referent_charters_diff_into_something_readable() {
    let old = load("corpus/pdf/aidants-connect-charte-referent-old.pdf");
    let new = load("corpus/pdf/aidants-connect-charte-referent-2025.pdf");
    let cmp = compare(old, new, &Default::default());
    let text = terminal(&cmp);
    // Pieces of extraction noise that made it unreadable before.
    assert!(
        !text.contains('˙') && !text.contains('\t') && !text.contains('\0'),
        "{text}"
    );
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        description => "avenant diff of the two Aidants Connect referent charters (PDF)",
    }, {
        insta::assert_snapshot!("pdf-diff-terminal-charte-referent", text);
    });
}
