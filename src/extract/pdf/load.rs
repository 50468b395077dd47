//! Loading: pdf-extract behind catch_unwind, glyphs collected with their positions.
//! The only place that talks to pdf-extract; everything after works on [`Page`]s of glyphs.

use super::*;

/// One glyph as drawn: baseline origin, font size and advance end, in PDF points (y upwards).
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) size: f64,
    pub(super) end: f64,
    pub(super) text: String,
    pub(super) space: bool,
}

/// The glyphs of one page, in content-stream order.
#[derive(Debug, Clone, Default)]
pub(super) struct Page {
    pub(super) number: u32,
    pub(super) height: f64,
    pub(super) glyphs: Vec<Glyph>,
}

/// `OutputDev` that keeps every glyph of the pages it is shown.
#[derive(Default)]
pub(super) struct Collector {
    pub(super) pages: Vec<Page>,
    pub(super) origin: (f64, f64),
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.origin = (media_box.llx, media_box.lly);
        self.pages.push(Page {
            number: page_num,
            height: media_box.ury - media_box.lly,
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // Same size formula as pdf-extract's PlainTextOutput.
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt();
        if text.is_empty() || !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        let x = trm.m31 - self.origin.0;
        let y = trm.m32 - self.origin.1;
        let advance = if width.is_finite() { width * size } else { 0.0 };
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph {
                x,
                y,
                size,
                end: x + advance.max(0.0),
                space: text.chars().all(char::is_whitespace),
                text: text.to_string(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Serialises the panic-hook swap: hooks are process-global.
pub(super) static PANIC_HOOK_GUARD: Mutex<()> = Mutex::new(());

/// Runs `f`, turning a panic into `None` without letting the default hook print it.
pub(super) fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let _guard = PANIC_HOOK_GUARD
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(previous);
    result.ok()
}

/// Parses the document and collects the glyphs of every page.
pub(super) fn load_pages(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let doc = quietly(|| Document::load_mem(bytes))
        .ok_or_else(|| PdfError::Malformed("lecture impossible".to_string()))?
        .map_err(|e| load_error(&e))?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.is_empty() {
        return Err(PdfError::Malformed("aucune page".to_string()));
    }
    let mut collector = Collector::default();
    for number in numbers {
        let outcome = quietly(|| pdf_extract::output_doc_page(&doc, &mut collector, number));
        match outcome {
            Some(Ok(())) => {}
            Some(Err(e)) => return Err(PdfError::Malformed(format!("page {number} : {e}"))),
            None => return Err(PdfError::Malformed(format!("page {number} illisible"))),
        }
    }
    Ok(collector.pages)
}

/// Maps a lopdf loading error to a refusal.
pub(super) fn load_error(e: &pdf_extract::Error) -> PdfError {
    let message = e.to_string();
    let lower = message.to_lowercase();
    if lower.contains("password") || lower.contains("decrypt") || lower.contains("encrypt") {
        return PdfError::Encrypted;
    }
    let what = if lower.contains("cross reference") || lower.contains("xref") {
        "table des références illisible"
    } else if lower.contains("header") {
        "en-tête %PDF absent"
    } else if lower.contains("trailer") {
        "trailer illisible"
    } else {
        "structure illisible"
    };
    // lopdf's own message is English jargon: the French summary is what the reader gets.
    PdfError::Malformed(what.to_string())
}
