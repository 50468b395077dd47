//! The command line for French jurists: help and usage errors in French, `-o FILE` writing
//! exactly what stdout would for every command, `--quiet`, `--color`.

use super::report_support::{avenant, scratch};

const OLD: &str = "corpus/07-montant-date/old.md";
const NEW: &str = "corpus/07-montant-date/new.md";

#[test]
fn help_is_in_french() {
    for sub in [
        vec!["--help"],
        vec!["parse", "--help"],
        vec!["diff", "--help"],
        vec!["check", "--help"],
        vec!["template", "--help"],
        vec!["template", "infer", "--help"],
        vec!["apply", "--help"],
        vec!["draft", "--help"],
    ] {
        let out = avenant(&sub);
        assert_eq!(out.status.code(), Some(0), "{sub:?}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Utilisation : avenant"), "{sub:?}: {help}");
        assert!(help.contains("Affiche cette aide"), "{sub:?}: {help}");
        for english in [
            "Usage:",
            "Print help",
            "[default:",
            "[possible values:",
            "Print version",
        ] {
            assert!(!help.contains(english), "{sub:?}: « {english} » in {help}");
        }
    }
}

#[test]
fn usage_errors_are_in_french() {
    let out = avenant(&["diff", OLD]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("avenant : argument obligatoire manquant : <NOUVELLE>"),
        "{err}"
    );
    let out = avenant(&["diff", OLD, NEW, "--format", "rtf"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("valeur invalide pour --format"), "{err}");
    assert!(err.contains("« rtf »"), "{err}");
    let out = avenant(&["dif", OLD, NEW]);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("commande inconnue : dif (vouliez-vous dire « diff » ?)"));
    let out = avenant(&[
        "diff",
        OLD,
        NEW,
        "--date",
        "31/01/2026",
        "--format",
        "docx",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("date invalide"));
}

#[test]
fn output_file_gets_exactly_what_stdout_would() {
    let dir = scratch("output");
    let template = "corpus/templates/dinum-partenariat.md";
    let avenant_md = "corpus/avenants/canope-dinum-2020-avenant-renouvellement.md";
    let commands: Vec<Vec<&str>> = vec![
        vec!["parse", OLD],
        vec!["parse", OLD, "--format", "json"],
        vec!["diff", OLD, NEW, "--color", "never"],
        vec!["diff", OLD, NEW, "--format", "md"],
        vec!["diff", OLD, NEW, "--format", "html"],
        vec!["diff", OLD, NEW, "--format", "docx", "--date", "2026-01-31"],
        vec!["draft", OLD, NEW],
        vec![
            "check",
            template,
            "corpus/conventions/ena-dinum-2021.md",
            "--format",
            "md",
        ],
        vec![
            "template",
            "infer",
            "corpus/conventions/canope-dinum-2020.md",
            "corpus/conventions/ena-dinum-2021.md",
        ],
        vec![
            "apply",
            "corpus/11-renouvellement-canope/old.md",
            avenant_md,
        ],
    ];
    for (i, args) in commands.iter().enumerate() {
        let stdout = avenant(args);
        let target = dir.join(format!("sortie-{i}"));
        let mut with_o = args.clone();
        let t = target.to_str().unwrap().to_string();
        with_o.push("-o");
        with_o.push(&t);
        let written = avenant(&with_o);
        assert_eq!(stdout.status.code(), written.status.code(), "{args:?}");
        assert!(
            written.stdout.is_empty(),
            "{args:?}: stdout stays empty with -o"
        );
        assert_eq!(
            std::fs::read(&target).unwrap_or_default(),
            stdout.stdout,
            "{args:?}: -o differs from stdout"
        );
    }
}

#[test]
fn an_unwritable_output_is_one_line_naming_it() {
    let out = avenant(&["parse", OLD, "-o", "/nonexistent-folder/x.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("/nonexistent-folder/x.md : écriture impossible"),
        "{err}"
    );
}

#[test]
fn quiet_silences_remarks_not_errors() {
    let out = avenant(&["draft", OLD, OLD]);
    assert!(!out.stderr.is_empty(), "a remark without --quiet");
    let out = avenant(&["draft", OLD, OLD, "--quiet"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = avenant(&["parse", "corpus/absent.md", "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());
}

#[test]
fn colour_is_a_choice_for_every_command() {
    let out = avenant(&["diff", OLD, NEW, "--color", "always"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\u{1b}["));
    let out = avenant(&["diff", OLD, NEW, "--color", "never"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\u{1b}["));
    // `auto` writes no colour into a file or a pipe.
    let out = avenant(&["diff", OLD, NEW]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\u{1b}["));
}

#[test]
fn binary_formats_refuse_a_terminal() {
    if !super::report_support::have("script") {
        return;
    }
    // `script` gives the command a terminal as stdout.
    let bin = env!("CARGO_BIN_EXE_avenant");
    for format in ["docx", "pdf"] {
        let out = std::process::Command::new("script")
            .args([
                "-qec",
                &format!("{bin} diff {OLD} {NEW} --format {format}"),
                "/dev/null",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("script runs");
        assert_eq!(out.status.code(), Some(2), "{format}");
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(
            shown.contains("indiquez un fichier avec -o FICHIER"),
            "{shown}"
        );
        assert!(!shown.contains("PK"), "{shown}");
    }
}
