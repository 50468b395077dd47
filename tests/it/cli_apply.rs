//! `avenant apply` with the real binary: success in Markdown and JSON, and failures (exit 2, one
//! line on stderr naming the avenant's article and the target, nothing on stdout).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn convention() -> PathBuf {
    root().join("corpus/conventions/ena-dinum-2021.md")
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avenant"))
        .arg("apply")
        .args(args)
        .output()
        .expect("binary runs")
}

fn temp_avenant(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "avenant-cli-apply-{}-{name}.md",
        std::process::id()
    ));
    std::fs::write(&path, text).expect("temp file");
    path
}

fn one_article(sentence: &str) -> String {
    format!("Avenant n° 1 à la convention de partenariat\n\nArticle 1er – Modification de l'article 6 de la convention\n\n{sentence}\n")
}

#[test]
fn prints_the_consolidated_convention() {
    let av = root().join("corpus/avenants/ena-dinum-2021-avenant-1.md");
    let out = run(&[convention().as_os_str(), av.as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("\n## Article 4 bis : Hébergement des données\n"));
    assert!(md.contains("Elle est conclue jusqu'au 30 juin 2022."));
    assert!(!md.contains("31 décembre 2021"));
    // The output is itself a convention that parses to the consolidated tree.
    let doc = avenant::parse_str("out.md", &md);
    assert!(doc.get("article-4-bis/al-2").is_some());
}

#[test]
fn json_output() {
    let av = root().join("corpus/avenants/ena-dinum-2021-avenant-1.md");
    let out = run(&[
        convention().as_os_str(),
        av.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["schema"], 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"article-4-bis\""));
}

#[test]
fn words_not_found_is_an_error_naming_article_and_target() {
    let av = temp_avenant(
        "introuvable",
        &one_article("Au premier alinéa de l'article 6, les mots : \"30 juin 2021\" sont remplacés par les mots : \"31 décembre 2021\"."),
    );
    let out = run(&[convention().as_os_str(), av.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        // The sentence as the avenant writes it (straight quotes kept, issue 16).
        err.contains("article 1er de l'avenant, « Au premier alinéa de l'article 6, les mots : \"30 juin 2021\" sont remplacés par les mots : \"31 décembre 2021\". » : les mots « 30 juin 2021 » sont introuvables au premier alinéa de l'article 6 de la convention"),
        "{err}"
    );
    let _ = std::fs::remove_file(av);
}

#[test]
fn ambiguous_words_and_missing_targets_are_errors() {
    for (name, sentence, expected) in [
        (
            "ambigu",
            "À l'article 4, le mot : « DINUM » est remplacé par le mot : « INSP ».",
            "le mot « DINUM » figure 4 fois à l'article 4 de la convention",
        ),
        (
            "absent",
            "L'article 12 de la convention est supprimé.",
            "l'article 12 de la convention n'existe pas",
        ),
        (
            "alinea",
            "Le troisième alinéa de l'article 6 est supprimé.",
            "le troisième alinéa de l'article 6 de la convention n'existe pas",
        ),
    ] {
        let av = temp_avenant(name, &one_article(sentence));
        let out = run(&[convention().as_os_str(), av.as_os_str()]);
        assert_eq!(out.status.code(), Some(2), "{sentence}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{err}");
        let _ = std::fs::remove_file(av);
    }
}

#[test]
fn an_unreadable_sentence_is_an_error() {
    let av = temp_avenant(
        "illisible",
        &one_article("Les parties se reverront au printemps."),
    );
    let out = run(&[convention().as_os_str(), av.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("ligne 5 : phrase non comprise"), "{err}");
    let _ = std::fs::remove_file(av);
}

#[test]
fn a_missing_avenant_file_is_an_error() {
    let out = run(&[convention().as_os_str(), "nulle-part.md".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nulle-part.md"));
}
