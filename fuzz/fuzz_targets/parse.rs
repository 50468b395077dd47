//! Bytes → extract → parse → every output format: never a panic, and the Markdown rendering
//! parses again.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = avenant::ReadOptions::default();
    if let Ok((source, _)) = avenant::extract::read_bytes("fuzz.md", data, &options) {
        let doc = avenant::parse_str("fuzz.md", &source.text);
        let mut out = Vec::new();
        let _ = avenant::render::outline::write_outline(&doc, &mut out);
        out.clear();
        let _ = avenant::render::json::write_json(&doc, &mut out);
        out.clear();
        let _ = avenant::render::markdown::write_markdown(&doc, &mut out);
        let _ = avenant::parse_str("fuzz-2.md", &String::from_utf8_lossy(&out));
    }
});
