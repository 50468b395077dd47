//! The .docx / .odt reader through the real binary and the library: the seeds read as their text,
//! numbering and tracked changes, every command on an office file, and each bad file refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEEDS: [(&str, &str); 2] = [
    ("canope", "000_488124c50bb111ef"),
    ("ena", "003_756532f1f0f99d14"),
];

fn shared(rel: &str) -> String {
    format!("{}/../shared/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn avenant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The node keys of a file's tree, in order.
fn keys(path: &str) -> Vec<String> {
    let doc = avenant::read(Path::new(path), &avenant::ReadOptions::default()).expect("reads");
    doc.nodes.iter().map(|n| n.key.clone()).collect()
}

#[test]
fn seed_office_docx_diffs_clean_against_seed_text() {
    for (_, seed) in SEEDS {
        let o = avenant(&[
            "diff",
            &shared(&format!("seeds/{seed}.txt")),
            &shared(&format!("corpus/seed-pdfs/{seed}.office.docx")),
        ]);
        assert_eq!(o.status.code(), Some(0), "{seed}: {}", stderr(&o));
    }
}

#[test]
fn seed_variants_give_the_seed_keys() {
    for (name, seed) in SEEDS {
        let want = keys(&shared(&format!("seeds/{seed}.txt")));
        for variant in [
            format!("corpus/real/seed-{name}.odt"),
            format!("corpus/real/seed-{name}-numbered.docx"),
            format!("corpus/real/seed-{name}-tracked.docx"),
        ] {
            assert_eq!(keys(&shared(&variant)), want, "{variant}");
        }
    }
}

#[test]
fn numbered_headings_carry_their_computed_labels() {
    let o = avenant(&["parse", &shared("corpus/real/seed-canope-numbered.docx")]);
    let out = String::from_utf8_lossy(&o.stdout);
    for line in [
        "article-1  Article 1 : Objet de la coopération",
        "article-5.1  5.1 Montant du financement",
        "article-5.6  5.6 Compte-rendu de gestion",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
}

#[test]
fn tracked_changes_accepted_with_a_warning_rejected_or_refused() {
    let tracked = shared("corpus/real/seed-canope-tracked.docx");
    let seed = shared("seeds/000_488124c50bb111ef.txt");
    let o = avenant(&["diff", &seed, &tracked]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("31 décembre 2021"), "{out}");
    let err = stderr(&o);
    assert_eq!(
        err.matches("modifications suivies acceptées : 1 insertion, 1 suppression")
            .count(),
        1,
        "{err}"
    );
    let o = avenant(&["diff", "--revisions", "reject", &seed, &tracked]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = avenant(&["parse", "--revisions", "refuse", &tracked]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("modifications suivies"), "{err}");
}

#[test]
fn every_command_reads_office_files() {
    let dir = scratch();
    let original = shared("corpus/seed-pdfs/000_488124c50bb111ef.office.docx");
    let tracked = shared("corpus/real/seed-canope-tracked.docx");
    let odt = shared("corpus/real/seed-canope.odt");
    let o = avenant(&["parse", &odt]);
    assert_eq!(o.status.code(), Some(0), "parse: {}", stderr(&o));
    let o = avenant(&["diff", &original, &odt]);
    assert_eq!(o.status.code(), Some(0), "diff: {}", stderr(&o));
    let o = avenant(&["draft", &original, &tracked]);
    assert_eq!(o.status.code(), Some(0), "draft: {}", stderr(&o));
    let draft = dir.join("avenant.md");
    std::fs::write(&draft, &o.stdout).expect("write");
    assert!(String::from_utf8_lossy(&o.stdout).contains("31 décembre 2021"));
    let o = avenant(&["apply", &original, draft.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "apply: {}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("31 décembre 2021"));
    let numbered = shared("corpus/real/seed-canope-numbered.docx");
    let o = avenant(&["template", "infer", &original, &numbered, &odt]);
    assert_eq!(o.status.code(), Some(0), "infer: {}", stderr(&o));
    let template = dir.join("modele.md");
    std::fs::write(&template, &o.stdout).expect("write");
    let o = avenant(&["check", template.to_str().expect("utf-8"), &numbered]);
    assert_eq!(o.status.code(), Some(0), "check: {}", stderr(&o));
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("avenant-office-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Exit 2, one line naming the file and saying `what`, nothing on stdout, no panic.
fn assert_refused(path: &Path, what: &str) {
    let o = avenant(&["parse", path.to_str().expect("utf-8 path")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
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
fn bad_office_files_are_refused_in_one_line() {
    let dir = scratch();
    // Truncated: the first half of a real .docx.
    let docx = std::fs::read(shared("corpus/seed-pdfs/000_488124c50bb111ef.office.docx"))
        .expect("seed docx");
    let truncated = dir.join("tronque.docx");
    std::fs::write(&truncated, &docx[..docx.len() / 2]).expect("write");
    assert_refused(&truncated, "tronquée");

    let not_document = dir.join("archive.docx");
    crate::common::zip_file(&not_document, &[("photos/readme.txt", b"bonjour")]);
    assert_refused(&not_document, "ni un document Word");

    let spreadsheet = dir.join("budget.odt");
    crate::common::zip_file(
        &spreadsheet,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", b"<office:document-content/>"),
        ],
    );
    assert_refused(&spreadsheet, "feuille de calcul");

    let encrypted = dir.join("protege.docx");
    std::fs::write(&encrypted, crate::common::ole_file("EncryptionInfo")).expect("write");
    assert_refused(&encrypted, "mot de passe");

    let doc = dir.join("ancien.doc");
    std::fs::write(&doc, crate::common::ole_file("WordDocument")).expect("write");
    assert_refused(&doc, "enregistrez-le au format .docx");

    let rtf = dir.join("convention.rtf");
    std::fs::write(&rtf, "{\\rtf1\\ansi Article 1 : Objet\\par}").expect("write");
    assert_refused(&rtf, "RTF");

    // A zip bomb: 64 MiB of spaces in word/document.xml, a few tens of kilobytes compressed.
    let bomb = dir.join("bombe.docx");
    let spaces = vec![b' '; 64 * 1024 * 1024];
    crate::common::zip_file(&bomb, &[("word/document.xml", &spaces)]);
    assert!(std::fs::metadata(&bomb).expect("bomb").len() < 1024 * 1024);
    assert_refused(&bomb, "bombe zip");

    let broken_xml = dir.join("casse.docx");
    crate::common::zip_file(
        &broken_xml,
        &[("word/document.xml", b"<w:document><w:body><w:p></w:body>")],
    );
    assert_refused(&broken_xml, "XML mal formé");
}

/// pandoc-written .docx and .odt of each corpus convention (fixtures made by
/// `corpus/office/make_pandoc_fixtures.sh`, so CI needs no pandoc) read to the Markdown's tree.
#[test]
fn pandoc_office_files_read_to_the_markdown_tree() {
    let root = env!("CARGO_MANIFEST_DIR");
    for name in ["canope-dinum-2020", "ena-dinum-2021"] {
        let md = format!("{root}/corpus/conventions/{name}.md");
        let want = keys(&md);
        for ext in ["docx", "odt"] {
            let office = format!("{root}/corpus/office/{name}.pandoc.{ext}");
            assert_eq!(keys(&office), want, "{name}.{ext}");
        }
    }
}
