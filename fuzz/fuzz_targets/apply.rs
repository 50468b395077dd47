//! Convention + avenant text, split at the first NUL byte (or the seed convention when there is
//! none) → parse_avenant → apply: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

const CONVENTION: &str = include_str!("../../corpus/conventions/ena-dinum-2021.md");

fuzz_target!(|data: &[u8]| {
    let (convention, avenant_text) = match data.iter().position(|b| *b == 0) {
        Some(at) => (
            String::from_utf8_lossy(&data[..at]).into_owned(),
            String::from_utf8_lossy(&data[at + 1..]).into_owned(),
        ),
        None => (
            CONVENTION.to_string(),
            String::from_utf8_lossy(data).into_owned(),
        ),
    };
    let doc = avenant::parse_str("convention.md", &convention);
    if let Ok(av) = avenant::avenant::parse_avenant(&avenant_text) {
        let _ = avenant::avenant::apply(&doc, &av);
    }
});
