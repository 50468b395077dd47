//! PDF bytes → text: never a panic escaping the extractor, never a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = avenant::extract::pdf::pdf_to_checked_text(data);
});
