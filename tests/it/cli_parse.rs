//! The real `avenant` binary on good and bad input: exit codes and one-line messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn avenant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("avenant-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 2, one line on stderr naming the file and saying `what`, nothing on stdout.
fn assert_refused(path: &Path, what: &str) {
    let o = avenant(&["parse", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&path.display().to_string()),
        "names the file: {err}"
    );
    assert!(err.contains(what), "says {what}: {err}");
    assert!(o.stdout.is_empty());
    assert!(!err.contains("panicked"));
}

#[test]
fn parses_a_seed_in_each_format() {
    for format in ["outline", "json", "md"] {
        let o = avenant(&[
            "parse",
            "corpus/conventions/canope-dinum-2020.md",
            "--format",
            format,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("Dispositions financières"), "{format}");
    }
    let o = avenant(&[
        "parse",
        "corpus/conventions/ena-dinum-2021.md",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["schema"], 1);
    assert_eq!(v["root"]["children"][0]["kind"], "en-tete");
    assert_eq!(v["root"]["children"][4]["key"], "article-1");
}

#[test]
fn missing_file() {
    assert_refused(&scratch("absent.md"), "fichier introuvable");
}

#[test]
fn directory() {
    let dir = scratch("un-dossier");
    std::fs::create_dir_all(&dir).expect("dir");
    assert_refused(&dir, "répertoire");
}

#[test]
fn empty_file() {
    let p = scratch("vide.md");
    std::fs::write(&p, "").expect("write");
    assert_refused(&p, "vide");
    let p = scratch("blanc.md");
    std::fs::write(&p, "  \n\n\t\n").expect("write");
    assert_refused(&p, "vide");
}

#[test]
fn binary_file() {
    let p = scratch("binaire.bin");
    std::fs::write(&p, [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0]).expect("write");
    assert_refused(&p, "binaire");
}

#[test]
fn office_zip_file() {
    let p = scratch("convention.docx");
    std::fs::write(&p, b"PK\x03\x04\x14\x00\x06\x00").expect("write");
    assert_refused(&p, ".docx");
}

#[test]
fn no_article() {
    let p = scratch("sans-article.md");
    std::fs::write(&p, "Note de service\n\nCeci n'est pas une convention.\n").expect("write");
    assert_refused(&p, "aucun article");
}

#[test]
fn too_large() {
    let p = scratch("enorme.md");
    let f = std::fs::File::create(&p).expect("create");
    f.set_len(50 * 1024 * 1024).expect("sparse 50 MB");
    assert_refused(&p, "trop volumineux");
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let p = scratch("cp1252.md");
    let text = b"Convention de partenariat\n\nArticle 1er : Dur\xe9e\n\nLa convention est conclue pour un an \xe0 compter de sa signature.\n";
    std::fs::write(&p, text).expect("write");
    let o = avenant(&["parse", p.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Article 1er : Durée"), "{out}");
    assert!(out.contains("un an à compter"), "{out}");
    let err = stderr(&o);
    assert!(
        err.contains("Windows-1252") && err.contains("cp1252.md"),
        "{err}"
    );
}

#[test]
fn usage_error_exits_2() {
    let o = avenant(&["parse"]);
    assert_eq!(o.status.code(), Some(2));
    let o = avenant(&[
        "parse",
        "corpus/conventions/ena-dinum-2021.md",
        "--format",
        "docx",
    ]);
    assert_eq!(o.status.code(), Some(2));
}
