//! `diff --format docx` (the « document comparé ») and `draft --format docx` (the avenant),
//! read back the way a person would: pandoc accepting or rejecting every tracked change must give
//! the new or the old version (`avenant diff` exits 0), LibreOffice must convert them to PDF.

use super::report_support::{avenant, cases, have, hostile_comparison, scratch, HOSTILE};
use avenant::render::docx::{write_diff_docx, DocxOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn docx_of(dir: &Path, name: &str) -> PathBuf {
    let target = dir.join(format!("{name}.docx"));
    let out = avenant(&[
        "diff",
        &format!("corpus/{name}/old.md"),
        &format!("corpus/{name}/new.md"),
        "--format",
        "docx",
        "--date",
        "2026-01-31",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{name}: -o writes nothing on stdout");
    target
}

/// The text of a .docx as pandoc reads it, changes accepted or rejected. Pandoc keeps a table
/// row whose insertion or deletion is tracked (`w:trPr/w:ins`) as a row of empty cells where
/// Word drops the row: those empty rows are removed.
fn pandoc(docx: &Path, changes: &str) -> String {
    let out = Command::new("pandoc")
        .args([
            &format!("--track-changes={changes}"),
            "-f",
            "docx",
            "-t",
            "gfm",
            "--wrap=none",
        ])
        .arg(docx)
        .output()
        .expect("pandoc runs");
    assert!(
        out.status.success(),
        "pandoc: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| {
            let t = l.trim();
            !(t.starts_with('|') && t.chars().all(|c| c == '|' || c == ' ') && t.len() > 1)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn same_as(version: &str, text: &str, dir: &Path, label: &str) {
    let path = dir.join(format!("{label}.md"));
    std::fs::write(&path, text).unwrap();
    let out = avenant(&["diff", version, path.to_str().unwrap(), "--color", "never"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{label}: not the same as {version}:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn accepting_gives_the_new_version_and_rejecting_the_old() {
    if !have("pandoc") {
        return;
    }
    let dir = scratch("docx-roundtrip");
    for name in cases() {
        let docx = docx_of(&dir, &name);
        same_as(
            &format!("corpus/{name}/new.md"),
            &pandoc(&docx, "accept"),
            &dir,
            &format!("{name}-accept"),
        );
        same_as(
            &format!("corpus/{name}/old.md"),
            &pandoc(&docx, "reject"),
            &dir,
            &format!("{name}-reject"),
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dir = scratch("docx-determinism");
    let a = std::fs::read(docx_of(&dir, "07-montant-date")).unwrap();
    let b = std::fs::read(docx_of(&dir, "07-montant-date")).unwrap();
    assert!(a.starts_with(b"PK"));
    assert_eq!(a, b);
}

#[test]
fn tracked_changes_carry_author_and_date() {
    if !have("unzip") {
        return;
    }
    let dir = scratch("docx-xml");
    let docx = docx_of(&dir, "07-montant-date");
    let out = Command::new("unzip")
        .arg("-p")
        .arg(&docx)
        .arg("word/document.xml")
        .output()
        .unwrap();
    let xml = String::from_utf8_lossy(&out.stdout);
    assert!(
        xml.contains("<w:del w:id=\"1\" w:author=\"avenant\" w:date=\"2026-01-31T00:00:00Z\">"),
        "{xml}"
    );
    assert!(xml.contains("<w:ins w:id=\"2\" w:author=\"avenant\" w:date=\"2026-01-31T00:00:00Z\">"));
    assert!(xml.contains("<w:pStyle w:val=\"Heading2\"/>"));
    assert!(xml.contains("<w:tbl>"));
}

#[test]
fn hostile_input_comes_out_as_text() {
    if !have("pandoc") {
        return;
    }
    let dir = scratch("docx-hostile");
    let docx = dir.join("c.docx");
    let mut bytes = Vec::new();
    write_diff_docx(
        &hostile_comparison(),
        &DocxOptions::default(),
        std::io::Cursor::new(&mut bytes),
    )
    .unwrap();
    std::fs::write(&docx, &bytes).unwrap();
    let out = Command::new("pandoc")
        .args([
            "--track-changes=accept",
            "-f",
            "docx",
            "-t",
            "plain",
            "--wrap=none",
        ])
        .arg(&docx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pandoc reads it: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(HOSTILE), "{text}");
    assert!(text.contains("deux ans <b>gras</b>."), "{text}");
}

#[test]
fn the_avenant_as_word_reads_back_into_the_same_consolidation() {
    if !have("pandoc") {
        return;
    }
    let dir = scratch("avenant-docx");
    for name in [
        "07-montant-date",
        "11-renouvellement-canope",
        "12-renouvellement-ena",
    ] {
        let (old, new) = (
            format!("corpus/{name}/old.md"),
            format!("corpus/{name}/new.md"),
        );
        let docx = dir.join(format!("{name}.docx"));
        let md = dir.join(format!("{name}.md"));
        let out = avenant(&[
            "draft",
            &old,
            &new,
            "--format",
            "docx",
            "--lieu",
            "Paris",
            "-o",
            docx.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = avenant(&[
            "draft",
            &old,
            &new,
            "--lieu",
            "Paris",
            "-o",
            md.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0));
        let read = pandoc(&docx, "accept");
        assert!(read.starts_with("# Avenant n° 1"), "{read}");
        assert!(read.contains("## Article 1er"), "{read}");
        assert!(read.contains("Fait à Paris"), "{read}");
        assert!(
            read.contains("<table>") && read.contains("<strong>Pour "),
            "signature table: {read}"
        );
        let from_word = dir.join(format!("{name}-from-word.md"));
        std::fs::write(&from_word, &read).unwrap();
        // `apply` reads the Word avenant (as pandoc gives it) into the same consolidation.
        let a = avenant(&["apply", &old, md.to_str().unwrap()]);
        let b = avenant(&["apply", &old, from_word.to_str().unwrap()]);
        assert_eq!(
            b.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&b.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&a.stdout),
            String::from_utf8_lossy(&b.stdout),
            "{name}"
        );
    }
}

#[test]
fn libreoffice_converts_them_to_pdf() {
    if !have("soffice") || !have("pdftoppm") {
        return;
    }
    let dir = scratch("soffice");
    let compared = docx_of(&dir, "11-renouvellement-canope");
    let avenant_docx = dir.join("avenant.docx");
    let out = avenant(&[
        "draft",
        "corpus/11-renouvellement-canope/old.md",
        "corpus/11-renouvellement-canope/new.md",
        "--format",
        "docx",
        "-o",
        avenant_docx.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profil",
            dir.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&compared)
        .arg(&avenant_docx)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for pdf in ["11-renouvellement-canope.pdf", "avenant.pdf"] {
        let pdf = dir.join(pdf);
        let bytes = std::fs::read(&pdf).unwrap_or_default();
        assert!(bytes.starts_with(b"%PDF"), "{} not written", pdf.display());
        let png = dir.join(pdf.file_stem().unwrap());
        let out = Command::new("pdftoppm")
            .args(["-png", "-r", "50", "-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg(&png)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
}
