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
    /// Visible glyphs drawn, mapped or not (spaces excluded).
    pub(super) drawn: usize,
    /// Glyphs drawn whose code maps to no character (no or damaged ToUnicode map), counted in
    /// runs of [`LOST_RUN`] or more: an isolated one is a pictogram or a bullet, not lost text.
    pub(super) unmapped: usize,
    /// The current run of unmapped glyphs.
    pub(super) run: usize,
    /// A content stream of the page failed to decompress: what it draws may be missing.
    pub(super) damaged: bool,
    /// Characters pdf-extract drew on the page (mapped, unmapped, spaces), bounded by
    /// [`MAX_PAGE_CHARACTERS`].
    pub(super) characters: usize,
    /// The page drew more than [`MAX_PAGE_CHARACTERS`] (or the document more than
    /// [`MAX_CHARACTERS`]): the rest of it is not read.
    pub(super) cut: bool,
}

/// `OutputDev` that keeps every glyph of the pages it is shown.
#[derive(Default)]
pub(super) struct Collector {
    pub(super) pages: Vec<Page>,
    pub(super) origin: (f64, f64),
    /// Characters drawn on all pages so far.
    pub(super) characters: usize,
}

/// Characters read on one page: a dense A4 page of small print holds about 10,000; past this
/// the page is not text a person reads (a generated or hostile stream), and the rest of it is
/// left out with a warning, so that time and memory stay bounded.
pub const MAX_PAGE_CHARACTERS: usize = 200_000;
/// Characters read in the whole document (about 500 dense pages); the pages past it are left
/// out with a warning.
pub const MAX_CHARACTERS: usize = 5_000_000;
/// Decompressed content of one page (a real page holds well under 1 Mo): a page past it is
/// left unread with a warning rather than inflated whole in memory (a 260 Ko PDF drawing 256 Mo
/// of spaces took 600 Mo of memory).
pub const MAX_PAGE_CONTENT: u64 = 64 * 1024 * 1024;
/// Decompressed content of all pages together; the pages past it are left unread.
pub const MAX_CONTENT: u64 = 256 * 1024 * 1024;

/// Consecutive unmapped glyphs from which they count as lost text.
pub(super) const LOST_RUN: usize = 3;

impl Page {
    /// Ends a run of unmapped glyphs, counting it when long enough to be lost words.
    fn close_run(&mut self) {
        if self.run >= LOST_RUN {
            self.unmapped += self.run;
        }
        self.run = 0;
    }
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
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if let Some(page) = self.pages.last_mut() {
            page.close_run();
        }
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
        if let Some(page) = self.pages.last_mut() {
            if page.characters >= MAX_PAGE_CHARACTERS || self.characters >= MAX_CHARACTERS {
                // Stops pdf-extract on this page: `load_pages` knows the error is ours.
                page.cut = true;
                return Err(OutputError::FormatError(fmt::Error));
            }
            page.characters += 1;
            self.characters += 1;
        }
        // Same size formula as pdf-extract's PlainTextOutput.
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt();
        if !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        let blank = !text.is_empty() && text.chars().all(char::is_whitespace);
        if let Some(page) = self.pages.last_mut() {
            if is_unmapped(text) {
                page.drawn += 1;
                page.run += 1;
            } else if !blank {
                page.drawn += 1;
                page.close_run();
            }
        }
        if text.is_empty() {
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

/// A glyph whose code decoded to nothing: an empty string (composite font without a usable
/// ToUnicode map), or only NUL, U+FFFD, private-use or control characters.
pub(super) fn is_unmapped(text: &str) -> bool {
    text.chars().all(|c| {
        c == '\u{FFFD}'
            || ('\u{E000}'..='\u{F8FF}').contains(&c)
            || (c.is_control() && !c.is_whitespace())
    })
}

/// Whether one of the page's content streams is damaged: missing, or a Flate stream that does
/// not decompress cleanly to its end. lopdf keeps whatever came out before the error, so
/// pdf-extract draws the start of the page and silently drops the rest.
fn page_damaged(doc: &Document, page_id: pdf_extract::ObjectId) -> bool {
    doc.get_page_contents(page_id).into_iter().any(|id| {
        match doc.get_object(id).and_then(pdf_extract::Object::as_stream) {
            Ok(stream) => !flate_intact(stream),
            Err(_) => true,
        }
    })
}

/// A content stream is intact when lopdf can decode it (its filters are known) and, when its
/// first filter is FlateDecode, it inflates without error, checksum included.
fn flate_intact(stream: &pdf_extract::Stream) -> bool {
    let filters = match stream.filters() {
        Ok(filters) => filters,
        // No /Filter: raw content, nothing to check.
        Err(_) => return stream.dict.get(b"Filter").is_err(),
    };
    if stream.content.is_empty() {
        return true;
    }
    if stream.decompressed_content().is_err() {
        return false;
    }
    if filters
        .first()
        .is_some_and(|f| *f == b"FlateDecode" || *f == b"Fl")
    {
        let mut decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
        return std::io::copy(&mut decoder, &mut std::io::sink()).is_ok();
    }
    true
}

/// The decompressed size of a page's content streams, counted up to `limit` (a little past it
/// when over): FlateDecode streams are inflated into nothing, others count their stored bytes.
fn content_size(doc: &Document, page_id: pdf_extract::ObjectId, limit: u64) -> u64 {
    let mut total = 0u64;
    for id in doc.get_page_contents(page_id) {
        let Ok(stream) = doc.get_object(id).and_then(pdf_extract::Object::as_stream) else {
            continue;
        };
        let flate = stream.filters().is_ok_and(|f| {
            f.first()
                .is_some_and(|f| *f == b"FlateDecode" || *f == b"Fl")
        });
        total += if flate {
            let decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
            let mut bounded = std::io::Read::take(decoder, limit.saturating_sub(total) + 1);
            std::io::copy(&mut bounded, &mut std::io::sink()).unwrap_or(0)
        } else {
            stream.content.len() as u64
        };
        if total > limit {
            break;
        }
    }
    total
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

/// The page count the page tree announces (`/Count` of the root `/Pages`), if readable.
fn declared_page_count(doc: &Document) -> Option<usize> {
    let catalog = doc.catalog().ok()?;
    let pages = match catalog.get(b"Pages").ok()? {
        pdf_extract::Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        pdf_extract::Object::Dictionary(d) => d,
        _ => return None,
    };
    usize::try_from(pages.get(b"Count").ok()?.as_i64().ok()?).ok()
}

/// Parses the document and collects the glyphs of every page; also says how many pages the
/// page tree announces but could not be reached (a damaged page tree drops them silently).
pub(super) fn load_pages(bytes: &[u8]) -> Result<(Vec<Page>, usize), PdfError> {
    let mut doc = quietly(|| Document::load_mem(bytes))
        .ok_or_else(|| PdfError::Malformed("lecture impossible".to_string()))?
        .map_err(|e| load_error(&e))?;
    expand_width_ranges(&mut doc);
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(PdfError::Malformed("aucune page".to_string()));
    }
    let mut collector = Collector::default();
    let mut content = 0u64;
    for (&number, &page_id) in &page_ids {
        if collector.characters >= MAX_CHARACTERS || content >= MAX_CONTENT {
            break;
        }
        // Measured by inflating into nothing, before pdf-extract inflates it into memory.
        let limit = MAX_PAGE_CONTENT.min(MAX_CONTENT - content);
        let size = quietly(|| content_size(&doc, page_id, limit)).unwrap_or(0);
        content += size;
        if size > limit {
            collector.pages.push(Page {
                number,
                cut: true,
                ..Page::default()
            });
            continue;
        }
        let outcome = quietly(|| pdf_extract::output_doc_page(&doc, &mut collector, number));
        // A page cut at the character cap ends in our own error: read up to there.
        let cut = collector
            .pages
            .last()
            .is_some_and(|p| p.cut && p.number == number);
        let outcome = match outcome {
            Some(Err(_)) if cut => {
                if let Some(page) = collector.pages.last_mut() {
                    page.close_run();
                }
                Some(Ok(()))
            }
            other => other,
        };
        match outcome {
            Some(Ok(())) => {
                let damaged = quietly(|| page_damaged(&doc, page_id)).unwrap_or(true);
                if let Some(page) = collector.pages.last_mut() {
                    page.damaged |= damaged;
                }
            }
            Some(Err(e)) => return Err(PdfError::Malformed(format!("page {number} : {e}"))),
            None => return Err(PdfError::Malformed(format!("page {number} illisible"))),
        }
    }
    let declared = quietly(|| declared_page_count(&doc)).flatten().unwrap_or(0);
    // Pages the page tree announces, or pages found but left unread past the cap.
    let missing = declared
        .max(page_ids.len())
        .saturating_sub(collector.pages.len());
    Ok((collector.pages, missing))
}

/// The most entries one CID font's `/W` array may hold once its ranges are written out: CIDs are
/// 16-bit, so a real array never needs more; a larger one is left as it is.
const MAX_WIDTH_ENTRIES: usize = 65_536;

/// Writes every `c_first c_last w` range of a CID font's `/W` array as `c_first [w … w]`, the
/// other form the PDF specification allows. pdf-extract reads only that other form: for a range
/// it takes the first CID for the width and covers no CID, so the glyphs of a range get the
/// default width `/DW`. Each run of text is then laid out too wide, the next run (placed exactly
/// by `Td`) starts behind its end, and a line breaks inside a word: « Journal of ficiel »,
/// « AUT OROUTES » in the PDFs Chromium prints, which write their widths as ranges.
pub(super) fn expand_width_ranges(doc: &mut Document) {
    enum Place {
        Inline(pdf_extract::ObjectId),
        Referenced(pdf_extract::ObjectId),
    }
    let places: Vec<Place> = doc
        .objects
        .iter()
        .filter_map(|(id, object)| {
            let dict = object.as_dict().ok()?;
            let subtype = dict.get(b"Subtype").and_then(|s| s.as_name()).ok()?;
            if subtype != b"CIDFontType2" && subtype != b"CIDFontType0" {
                return None;
            }
            match dict.get(b"W").ok()? {
                pdf_extract::Object::Array(_) => Some(Place::Inline(*id)),
                pdf_extract::Object::Reference(w) => Some(Place::Referenced(*w)),
                _ => None,
            }
        })
        .collect();
    for place in places {
        match place {
            Place::Inline(id) => {
                if let Some(pdf_extract::Object::Dictionary(dict)) = doc.objects.get_mut(&id) {
                    let written = dict
                        .get(b"W")
                        .and_then(|w| w.as_array())
                        .ok()
                        .and_then(|w| widths_written_out(w));
                    if let Some(w) = written {
                        dict.set("W", pdf_extract::Object::Array(w));
                    }
                }
            }
            Place::Referenced(id) => {
                if let Some(object) = doc.objects.get_mut(&id) {
                    let written = object.as_array().ok().and_then(|w| widths_written_out(w));
                    if let Some(w) = written {
                        *object = pdf_extract::Object::Array(w);
                    }
                }
            }
        }
    }
}

/// A `/W` array with its ranges written out, or `None` when it has no range, is malformed (left
/// to pdf-extract as it is) or would grow past [`MAX_WIDTH_ENTRIES`].
pub(super) fn widths_written_out(w: &[pdf_extract::Object]) -> Option<Vec<pdf_extract::Object>> {
    use pdf_extract::Object;
    let number = |o: &Object| matches!(o, Object::Integer(_) | Object::Real(_));
    let mut out = Vec::with_capacity(w.len());
    let mut entries = 0usize;
    let mut changed = false;
    let mut i = 0;
    while i < w.len() {
        match (&w[i], w.get(i + 1), w.get(i + 2)) {
            (first @ Object::Integer(_), Some(Object::Array(widths)), _) => {
                entries += widths.len();
                out.push(first.clone());
                out.push(Object::Array(widths.clone()));
                i += 2;
            }
            (Object::Integer(first), Some(Object::Integer(last)), Some(width)) if number(width) => {
                let count = usize::try_from(last.checked_sub(*first)?)
                    .ok()?
                    .checked_add(1)?;
                entries += count;
                if entries > MAX_WIDTH_ENTRIES {
                    return None;
                }
                out.push(Object::Integer(*first));
                out.push(Object::Array(vec![width.clone(); count]));
                changed = true;
                i += 3;
            }
            _ => return None,
        }
        if entries > MAX_WIDTH_ENTRIES {
            return None;
        }
    }
    changed.then_some(out)
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

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Object::{Array, Integer, Real};

    #[test]
    fn width_ranges_are_written_out() {
        let w = vec![
            Integer(0),
            Array(vec![Real(777.8)]),
            Integer(76),
            Integer(78),
            Real(277.8),
        ];
        let written = widths_written_out(&w).expect("a range");
        assert_eq!(
            written,
            vec![
                Integer(0),
                Array(vec![Real(777.8)]),
                Integer(76),
                Array(vec![Real(277.8), Real(277.8), Real(277.8)]),
            ]
        );
    }

    #[test]
    fn width_arrays_without_range_or_malformed_are_left_alone() {
        assert_eq!(
            widths_written_out(&[Integer(3), Array(vec![Integer(250)])]),
            None
        );
        // A range ending before it starts, a width that is not a number, a truncated array.
        assert_eq!(
            widths_written_out(&[Integer(9), Integer(3), Integer(250)]),
            None
        );
        assert_eq!(
            widths_written_out(&[Integer(3), Integer(9), Array(vec![])]),
            None
        );
        assert_eq!(widths_written_out(&[Integer(3), Integer(9)]), None);
        // More CIDs than a 16-bit font has: left to pdf-extract rather than inflated.
        assert_eq!(
            widths_written_out(&[Integer(0), Integer(1 << 40), Integer(500)]),
            None
        );
        assert_eq!(
            widths_written_out(&[
                Integer(0),
                Integer(60_000),
                Integer(500),
                Integer(0),
                Integer(60_000),
                Integer(500)
            ]),
            None
        );
    }
}
