//! Two documents derived from one input (the whole, and the input with its lines rotated and
//! one line dropped) → compare → drafted avenant and every diff format: never a panic.
#![no_main]
use avenant::diff::{compare, DiffOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut other: Vec<&str> = lines.clone();
    if !other.is_empty() {
        let k = data[0] as usize % other.len();
        other.rotate_left(k / 2);
        other.remove(k);
    }
    let old = avenant::parse_str("ancien.md", text);
    let new = avenant::parse_str("nouveau.md", &other.join("\n"));
    let cmp = compare(old, new, &DiffOptions::default());
    let render = avenant::render::diff_common::DiffRenderOptions::default();
    let mut out = Vec::new();
    let _ = avenant::render::diff_terminal::write_diff_terminal(&cmp, &render, &mut out);
    out.clear();
    let _ = avenant::render::diff_json::write_diff_json(&cmp, &render, &mut out);
    out.clear();
    let _ = avenant::render::diff_md::write_diff_md(&cmp, &render, &mut out);
    let _ = avenant::avenant::draft(&cmp, &avenant::avenant::DraftOptions::default());
});
