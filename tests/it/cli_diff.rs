//! `avenant diff` through the real binary: formats, exit codes (0 same, 1 different, 2 error),
//! colours only on request, one-line errors.

use std::process::Command;

fn avenant(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run avenant");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const CANOPE: &str = "corpus/conventions/canope-dinum-2020.md";
const ENA: &str = "corpus/conventions/ena-dinum-2021.md";

#[test]
fn same_file_exits_0() {
    let (code, out, _) = avenant(&["diff", ENA, ENA]);
    assert_eq!(code, 0);
    assert!(out.contains("Aucune différence de fond"), "{out}");
}

#[test]
fn cosmetic_rewrite_exits_0() {
    let (code, _, _) = avenant(&[
        "diff",
        "corpus/09-reecriture-cosmetique/old.md",
        "corpus/09-reecriture-cosmetique/new.md",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn partners_exit_1_with_renumbered_articles() {
    let (code, out, err) = avenant(&["diff", CANOPE, ENA, "--color", "never"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("Article 6 → Article 5 (renuméroté, modifié)"),
        "{out}"
    );
    assert!(out.contains("Article 8 (supprimé)"));
    assert!(!out.contains('\x1b'), "no colour when asked never");
}

#[test]
fn colour_always_uses_ansi_and_auto_does_not_when_piped() {
    let (_, out, _) = avenant(&["diff", CANOPE, ENA, "--color", "always"]);
    assert!(out.contains("\x1b[31;9m") && out.contains("\x1b[32m"));
    let (_, out, _) = avenant(&["diff", CANOPE, ENA]);
    assert!(!out.contains('\x1b'));
}

#[test]
fn json_follows_schema_1() {
    let (code, out, _) = avenant(&["diff", CANOPE, ENA, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["schema"], 1);
    assert_eq!(v["old"]["path"], CANOPE);
    assert!(v["pairs"].as_array().is_some_and(|p| !p.is_empty()));
    assert!(v["summary"]["renumbered"].as_u64() == Some(3));
}

#[test]
fn md_is_a_comparative_table() {
    let (code, out, _) = avenant(&["diff", CANOPE, ENA, "--format", "md"]);
    assert_eq!(code, 1);
    assert!(out.contains("| Rédaction actuelle | Nouvelle rédaction | Observations |"));
}

#[test]
fn context_option_shortens_alineas() {
    let (_, short, _) = avenant(&["diff", CANOPE, ENA, "--context", "2", "--color", "never"]);
    let (_, long, _) = avenant(&["diff", CANOPE, ENA, "--context", "40", "--color", "never"]);
    assert!(short.len() < long.len());
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let (code, out, err) = avenant(&["diff", "corpus/absent.md", ENA]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("corpus/absent.md"), "{err}");
    let (code, _, _) = avenant(&["diff", "corpus", ENA]);
    assert_eq!(code, 2);
    let (code, _, _) = avenant(&["diff", ENA, ENA, "--format", "odt"]);
    assert_eq!(code, 2);
}
