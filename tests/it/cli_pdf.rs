//! PDFs that cannot be read, through the real binary: exit 2, nothing on stdout, and exactly one
//! line on stderr naming the file and the problem (no panic text from pdf-extract).
#![cfg(all(feature = "pdf", feature = "cli"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use pdf_extract::{dictionary, Document, Object, Stream};

const SEED_TEXT: &str = "corpus/conventions/canope-dinum-2020.md";
const SEED_PDF: &str = "corpus/pdf/canope-dinum-2020.office.pdf";
const BROKEN: &str = "corpus/pdf/menj-convention-sequence-observation-textlayer-broken.pdf";

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

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

/// A file in the temporary directory, removed when dropped; named per process and test so that
/// tests running at the same time (and other users of the machine) do not collide.
struct TempPdf(PathBuf);

impl TempPdf {
    fn new(name: &str, bytes: &[u8]) -> TempPdf {
        let path =
            std::env::temp_dir().join(format!("avenant-cli-pdf-{}-{name}.pdf", std::process::id()));
        std::fs::write(&path, bytes).expect("write temporary PDF");
        TempPdf(path)
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("temporary path is UTF-8")
    }
}

impl Drop for TempPdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs `parse FILE` and `diff FILE SEED` and checks both refuse the file the same way:
/// exit 2, empty stdout, one stderr line naming the file and containing `problem`.
fn assert_refused(file: &str, problem: &str) {
    for args in [vec!["parse", file], vec!["diff", file, SEED_TEXT]] {
        let (code, out, err) = avenant(&args);
        assert_eq!(
            code, 2,
            "{args:?}: exit {code}\nstdout: {out}\nstderr: {err}"
        );
        assert!(out.is_empty(), "{args:?}: stdout not empty: {out}");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: not one line on stderr: {err}");
        let line = lines[0];
        assert!(line.contains(file), "{args:?}: file not named: {line}");
        assert!(line.contains(problem), "{args:?}: problem not said: {line}");
        for noise in ["panicked", "RUST_BACKTRACE", "thread '"] {
            assert!(!err.contains(noise), "{args:?}: panic text: {err}");
        }
    }
}

#[test]
fn encrypted_pdf_is_refused() {
    let bytes = std::fs::read(manifest("corpus/pdf/ena-dinum-2021.web.pdf")).expect("seed PDF");
    let mut doc = Document::load_mem(&bytes).expect("seed loads");
    let id = Object::String(
        b"0123456789abcdef".to_vec(),
        pdf_extract::StringFormat::Literal,
    );
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let version = pdf_extract::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: pdf_extract::Permissions::all(),
    };
    let state = pdf_extract::EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    let file = TempPdf::new("encrypted", &out);
    assert_refused(file.arg(), "le PDF est chiffré");
}

#[test]
fn truncated_pdf_is_refused() {
    let bytes = std::fs::read(manifest(SEED_PDF)).expect("seed PDF");
    let file = TempPdf::new("truncated", &bytes[..bytes.len() / 2]);
    assert_refused(
        file.arg(),
        "le PDF est endommagé ou tronqué (table des références illisible)",
    );
}

/// A one-page PDF, built with lopdf, whose page only paints a rectangle: no text layer at all,
/// like a scanned page.
fn pdf_without_text() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = Stream::new(
        dictionary! {},
        b"0.2 0.2 0.2 rg 72 72 451 698 re f".to_vec(),
    );
    let content_id = doc.add_object(content);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
        "Resources" => dictionary! {},
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn pdf_without_text_layer_is_refused() {
    let file = TempPdf::new("no-text", &pdf_without_text());
    assert_refused(file.arg(), "le PDF n'a pas de couche texte");
}

#[test]
fn pdf_with_an_undecodable_text_layer_is_refused() {
    assert_refused(
        BROKEN,
        "la couche texte du PDF est illisible (polices sans table Unicode) ; \
         utilisez une version exportée du document ou un OCR",
    );
}

#[test]
fn the_refusal_names_the_file_as_given() {
    let (_, _, err) = avenant(&["parse", BROKEN]);
    assert_eq!(
        err.trim_end(),
        format!(
            "avenant : {BROKEN} : la couche texte du PDF est illisible (polices sans table \
             Unicode) ; utilisez une version exportée du document ou un OCR"
        )
    );
}
