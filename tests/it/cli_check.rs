//! `avenant check` and `avenant template infer` with the real binary: exit codes (0 conforms,
//! 1 departs, 2 error), formats, `--allow`, and an inferred template written to a file.

use std::process::{Command, Output};

fn avenant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs")
}

const TEMPLATE: &str = "corpus/templates/dinum-partenariat.md";
const CONFORME: &str = "corpus/templates/variants/00-conforme/convention.md";
const AJOUTEE: &str = "corpus/templates/variants/03-clause-ajoutee/convention.md";

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("avenant-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn exit_0_when_every_convention_conforms() {
    let out = avenant(&["check", TEMPLATE, CONFORME]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("conforme au modèle"));
}

#[test]
fn exit_1_and_the_matrix_when_some_depart() {
    let out = avenant(&[
        "check",
        TEMPLATE,
        "corpus/conventions/canope-dinum-2020.md",
        "corpus/conventions/ena-dinum-2021.md",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("canope-dinum-2020  ena-dinum-2021"), "{text}");
    assert!(text.contains("+ article-8"), "{text}");
    let out = avenant(&["check", TEMPLATE, CONFORME, AJOUTEE, "--format", "md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("| Clause | Intitulé |"));
    let out = avenant(&["check", TEMPLATE, AJOUTEE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["schema"], 1);
    assert_eq!(v["conforms"], false);
}

#[test]
fn allowed_departures_make_it_pass() {
    let allow = tmp("allow.txt");
    std::fs::write(
        &allow,
        "# écarts connus\n03-clause-ajoutee/convention.md#article-8 : clause de litiges voulue par le partenaire\n",
    )
    .expect("write");
    let allow = allow.to_string_lossy().into_owned();
    let out = avenant(&["check", TEMPLATE, AJOUTEE, "--allow", &allow]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("accepté\u{a0}: clause de litiges voulue par le partenaire"));
    // For another convention the line does not apply.
    let out = avenant(&[
        "check",
        TEMPLATE,
        "corpus/conventions/canope-dinum-2020.md",
        "--allow",
        &allow,
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn exit_2_on_errors() {
    let out = avenant(&["check", TEMPLATE, "corpus/templates/nulle-part.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nulle-part.md : fichier introuvable"));
    let bad = tmp("modele-invalide.md");
    std::fs::write(
        &bad,
        "Convention\n\nArticle 1er : Objet\n\nLe montant est de {{montant:couleur}}.\n",
    )
    .expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let out = avenant(&["check", &bad, CONFORME]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("modele-invalide.md") && err.contains("couleur"),
        "{err}"
    );
    let allow = tmp("allow-invalide.txt");
    std::fs::write(&allow, "article-8 sans raison\n").expect("write");
    let allow = allow.to_string_lossy().into_owned();
    let out = avenant(&["check", TEMPLATE, CONFORME, "--allow", &allow]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ligne 1"));
    let out = avenant(&["check", TEMPLATE]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn template_infer_writes_a_template_that_checks() {
    let target = tmp("modele-infere.md");
    let target_s = target.to_string_lossy().into_owned();
    let out = avenant(&[
        "template",
        "infer",
        "corpus/conventions/canope-dinum-2020.md",
        "corpus/conventions/ena-dinum-2021.md",
        "-o",
        &target_s,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(written.contains("{{partenaire:party}}"));
    let out = avenant(&["check", &target_s, "corpus/conventions/ena-dinum-2021.md"]);
    assert_eq!(out.status.code(), Some(1));
    let out = avenant(&["template", "infer", "corpus/conventions/ena-dinum-2021.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!out.stdout.is_empty());
}
