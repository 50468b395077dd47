//! The Word « document comparé » says, in a comment on the paragraph, when a text was too long
//! for a word-by-word comparison and was compared sentence by sentence (`Summary::coarse`), as
//! the terminal, Markdown and HTML reports do. Read back from the .docx: the comment's part,
//! its anchor in the body, and pandoc accepting or rejecting the tracked changes.

use super::report_support::{avenant, have, scratch};
use avenant::diff::{compare, DiffOptions};
use avenant::render::docx::{write_diff_docx, DocxOptions};
use std::io::Read;
use std::process::Command;

const NOTE: &str = "Texte comparé phrase par phrase, trop long pour une comparaison mot à mot (plus de 60\u{a0}000 mots) : une phrase modifiée est supprimée puis insérée en entier.";

/// Two versions: a long alinéa (over the budget) with one word changed, and a short alinéa with
/// one word changed (compared word by word: no comment).
fn versions() -> (String, String) {
    let long =
        "La partie versera la somme convenue au titre de la présente convention. ".repeat(3_500);
    let old = format!(
        "Convention de test\n\nArticle 1 : Objet\n\n{long}\n\nArticle 2 : Durée\n\nLa convention dure un an.\n"
    );
    let new = old
        .replacen("la somme convenue", "la somme révisée", 1)
        .replace("dure un an", "dure deux ans");
    (old, new)
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect(name)
        .read_to_string(&mut s)
        .expect("utf-8");
    s
}

#[test]
fn a_sentence_by_sentence_comparison_is_commented_in_the_word_document() {
    let (old, new) = versions();
    let cmp = compare(
        avenant::parse_str("ancienne.md", &old),
        avenant::parse_str("nouvelle.md", &new),
        &DiffOptions::default(),
    );
    assert_eq!(cmp.summary.coarse, 1, "over the budget");
    let mut bytes = std::io::Cursor::new(Vec::new());
    write_diff_docx(&cmp, &DocxOptions::default(), &mut bytes).expect("docx");
    let bytes = bytes.into_inner();
    let comments = part(&bytes, "word/comments.xml");
    assert_eq!(comments.matches("<w:comment ").count(), 1, "{comments}");
    assert!(comments.contains(NOTE), "{comments}");
    let body = part(&bytes, "word/document.xml");
    assert_eq!(body.matches("<w:commentReference").count(), 1);
    // The comment spans the long alinéa, whose changed sentence is deleted and inserted whole;
    // the short alinéa is compared word by word.
    let start = body.find("<w:commentRangeStart").expect("anchor");
    let end = body.find("<w:commentRangeEnd").expect("anchor end");
    let spanned = &body[start..end];
    assert!(spanned.contains(
        "<w:delText xml:space=\"preserve\">La partie versera la somme convenue au titre de la présente convention.</w:delText>"
    ));
    assert!(spanned
        .contains(">La partie versera la somme révisée au titre de la présente convention.</w:t>"));
    assert!(body[end..].contains(">La convention dure </w:t>"));
    assert!(body[end..].contains(">un an</w:delText>"));

    // Word documents without a coarse unit carry no comment part.
    let short = compare(
        avenant::parse_str(
            "a.md",
            "Convention\n\nArticle 1 : Objet\n\nLa convention dure un an.\n",
        ),
        avenant::parse_str(
            "b.md",
            "Convention\n\nArticle 1 : Objet\n\nLa convention dure deux ans.\n",
        ),
        &DiffOptions::default(),
    );
    let mut b = std::io::Cursor::new(Vec::new());
    write_diff_docx(&short, &DocxOptions::default(), &mut b).expect("docx");
    let b = b.into_inner();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&b)).expect("zip");
    assert!(zip.by_name("word/comments.xml").is_err());

    // Accepting every change gives the new version, rejecting them the old one.
    if !have("pandoc") {
        return;
    }
    let dir = scratch("reliability-compared");
    let docx = dir.join("compare.docx");
    std::fs::write(&docx, &bytes).unwrap();
    for (changes, version, text) in [("accept", "nouvelle", &new), ("reject", "ancienne", &old)] {
        let out = Command::new("pandoc")
            .args([
                &format!("--track-changes={changes}"),
                "-f",
                "docx",
                "-t",
                "gfm",
                "--wrap=none",
            ])
            .arg(&docx)
            .output()
            .expect("pandoc runs");
        assert!(out.status.success());
        let read = dir.join(format!("{changes}.md"));
        std::fs::write(&read, &out.stdout).unwrap();
        let expected = dir.join(format!("{version}.md"));
        std::fs::write(&expected, text).unwrap();
        let diff = avenant(&[
            "diff",
            expected.to_str().unwrap(),
            read.to_str().unwrap(),
            "--color",
            "never",
        ]);
        assert_eq!(
            diff.status.code(),
            Some(0),
            "{changes}: {}",
            String::from_utf8_lossy(&diff.stdout)
        );
    }
}

/// Three versions of statuts: `old` has two alinéas that `mid` merges into one (article 1);
/// `mid` has an alinéa of two sentences that `new` splits in two (article 2).
fn merge_and_split() -> (String, String, String) {
    let head =
        "# Statuts\n\n## Article 1 – Assemblée\n\nL'assemblée se réunit une fois par an.\n\n";
    let tail = "## Article 3 – Fin\n\nLa dissolution est prononcée par l'assemblée.\n";
    let two = "Tout membre peut demander l'inscription d'un point.\n\nLe membre transmet le texte au Président.\n\n";
    let one = "Tout membre peut demander l'inscription d'un point. Le membre transmet le texte au Président.\n\n";
    let bureau =
        "## Article 2 – Bureau\n\nLe bureau gère l'association. Il se réunit chaque mois.\n\n";
    let bureau_split =
        "## Article 2 – Bureau\n\nLe bureau gère l'association.\n\nIl se réunit chaque mois.\n\n";
    (
        format!("{head}{two}{bureau}{tail}"),
        format!("{head}{one}{bureau}{tail}"),
        format!("{head}{one}{bureau_split}{tail}"),
    )
}

/// The Word comparison of a merge and of a split, read back by avenant: every change accepted
/// gives the new version, every change rejected the old one (blind2 finding 16: the deleted
/// paragraph mark of a merge, the inserted one of a split, join the paragraphs).
#[test]
fn word_comparison_of_a_merge_and_a_split_reads_back_both_ways() {
    let dir = scratch("merge-split");
    let (old, mid, new) = merge_and_split();
    for (a, b) in [(&old, &mid), (&mid, &new), (&old, &new)] {
        let (pa, pb, docx) = (dir.join("a.md"), dir.join("b.md"), dir.join("c.docx"));
        std::fs::write(&pa, a).expect("write");
        std::fs::write(&pb, b).expect("write");
        let (pa, pb, docx) = (
            pa.to_str().expect("utf-8"),
            pb.to_str().expect("utf-8"),
            docx.to_str().expect("utf-8"),
        );
        let out = avenant(&["diff", pa, pb, "--format", "docx", "-o", docx]);
        assert_eq!(out.status.code(), Some(1));
        let accepted = avenant(&["diff", pb, docx, "--color", "never"]);
        assert_eq!(
            accepted.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&accepted.stdout)
        );
        let rejected = avenant(&[
            "diff",
            pa,
            docx,
            "--revisions",
            "reject",
            "--color",
            "never",
        ]);
        assert_eq!(
            rejected.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&rejected.stdout)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
