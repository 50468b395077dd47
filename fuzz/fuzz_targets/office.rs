//! Zip bytes → the .docx / .odt reader → parse: never a panic, a hang or an OOM. Input starting
//! with `PK` is the archive itself; anything else is split at NUL bytes into XML parts wrapped in
//! a fresh (stored) archive, so that mutations reach the XML readers instead of failing the CRC.
#![no_main]
use avenant::extract::{ReadOptions, Revisions};
use libfuzzer_sys::fuzz_target;
use std::io::Write as _;

const DOCX: [&str; 5] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
];
const ODT: [&str; 3] = ["content.xml", "styles.xml", "meta.xml"];

fn archive(data: &[u8]) -> Option<Vec<u8>> {
    let (&selector, rest) = data.split_first()?;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let names: &[&str] = if selector & 1 == 0 {
        &DOCX
    } else {
        w.start_file("mimetype", stored).ok()?;
        w.write_all(b"application/vnd.oasis.opendocument.text").ok()?;
        &ODT
    };
    for (name, part) in names.iter().zip(rest.split(|b| *b == 0)) {
        w.start_file(*name, stored).ok()?;
        w.write_all(part).ok()?;
    }
    Some(w.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let revisions = match data.last().map(|b| b % 3) {
        Some(1) => Revisions::Reject,
        Some(2) => Revisions::Refuse,
        _ => Revisions::Accept,
    };
    let options = ReadOptions {
        revisions,
        ..ReadOptions::default()
    };
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        match archive(data) {
            Some(b) => b,
            None => return,
        }
    };
    if let Ok((source, _)) = avenant::extract::office::read_zip("fuzz.docx", &bytes, &options) {
        let doc = avenant::parse_str("fuzz.docx", &source.text);
        let mut out = Vec::new();
        let _ = avenant::render::json::write_json(&doc, &mut out);
    }
});
