//! PDF bytes → cleaned plain text shaped like the seed conventions (paragraphs, `- ` items, TAB rows, `¹ note` lines).
//! Uses glyph positions from pdf-extract to drop running headers, footers and page numbers; never parses structure.

mod columns;
mod footnotes;
mod headings;
pub(crate) mod hyphenation;
mod lines;
mod load;
mod margins;
mod paragraphs;
mod readability;
mod tables;

use columns::*;
use footnotes::*;
use headings::*;
use hyphenation::*;
use lines::*;
use load::*;
pub use load::{MAX_CHARACTERS, MAX_CONTENT, MAX_PAGE_CHARACTERS, MAX_PAGE_CONTENT};
use margins::*;
use paragraphs::*;
use readability::*;
pub use readability::{TextLayer, REFUSE_UNMAPPED_SHARE, WARN_UNMAPPED_SHARE};
use tables::*;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

/// Why a PDF could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The document is encrypted and cannot be opened without a password.
    Encrypted,
    /// The file is damaged or truncated; the detail says what failed.
    Malformed(String),
    /// The pages carry no text at all (scanned document, images only).
    NoTextLayer,
    /// There is a text layer but it does not decode to readable text.
    Unreadable,
    /// Most drawn glyphs have no Unicode mapping: the share (0..=1) that is lost.
    Untrusted(u32),
    /// No page could be read within the reading limits ([`MAX_PAGE_CONTENT`],
    /// [`MAX_PAGE_CHARACTERS`]): a decompression bomb or a generated file.
    BeyondLimits,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Encrypted => f.write_str(
                "le PDF est chiffré ; enregistrez-en une copie non protégée ou utilisez une version exportée du document",
            ),
            PdfError::Malformed(detail) => {
                write!(f, "le PDF est endommagé ou tronqué ({detail})")
            }
            PdfError::NoTextLayer => f.write_str(
                "le PDF n'a pas de couche texte (document numérisé ?) ; utilisez une version exportée du document ou un OCR",
            ),
            PdfError::Unreadable => f.write_str(
                "la couche texte du PDF est illisible (polices sans table Unicode) ; utilisez une version exportée du document ou un OCR",
            ),
            PdfError::BeyondLimits => write!(
                f,
                "le contenu des pages du PDF dépasse la limite de lecture ({}\u{a0}Mo décompressés par page) : fichier suspect (bombe de décompression ?)",
                MAX_PAGE_CONTENT >> 20
            ),
            PdfError::Untrusted(percent) => write!(
                f,
                "la couche texte du PDF n'est pas fiable : {percent}\u{a0}% des caractères n'ont pas de correspondance Unicode ; utilisez une version exportée du document ou un OCR",
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// Extracts the text of a PDF, cleaned and shaped like the text exports the parser reads:
/// paragraphs separated by blank lines, list items as `- ` lines, table rows as TAB-separated
/// cells, footnotes as `¹ text` lines with their calls kept as superscript digits.
pub fn pdf_to_text(bytes: &[u8]) -> Result<String, PdfError> {
    pdf_to_checked_text(bytes).map(|(text, _)| text)
}

/// [`pdf_to_text`], with how far the text layer can be trusted. Refuses a layer where more than
/// [`REFUSE_UNMAPPED_SHARE`] of the glyphs decode to nothing; below that, the caller warns with
/// [`TextLayer::warning`] — never a quiet partial text.
pub fn pdf_to_checked_text(bytes: &[u8]) -> Result<(String, TextLayer), PdfError> {
    let (pages, missing_pages) = load_pages(bytes)?;
    let layer = TextLayer {
        missing_pages,
        ..TextLayer::of(&pages)
    };
    if pages.iter().all(|p| p.glyphs.iter().all(|g| g.space)) {
        if !layer.cut_pages.is_empty() {
            return Err(PdfError::BeyondLimits);
        }
        return Err(PdfError::NoTextLayer);
    }
    // Our own layout code runs behind the same guard as pdf-extract: whatever a strange page
    // does to it, the user gets a message, never a panic.
    let text = quietly(|| layout_text(&pages))
        .ok_or_else(|| PdfError::Malformed("mise en page du texte impossible".into()))?;
    match assess_readability(&text) {
        Readability::Readable if layer.unmapped_share() > REFUSE_UNMAPPED_SHARE => Err(
            PdfError::Untrusted((layer.unmapped_share() * 100.0).round() as u32),
        ),
        Readability::Readable => Ok((text, layer)),
        Readability::Empty => Err(PdfError::NoTextLayer),
        Readability::Garbage => Err(PdfError::Unreadable),
    }
}

// ---------------------------------------------------------------------------------------------
// Pipeline and rendering.
// ---------------------------------------------------------------------------------------------

/// Lays out the glyphs of all pages as cleaned text.
fn layout_text(pages: &[Page]) -> String {
    let mut paged: Vec<(f64, Vec<Line>)> =
        pages.iter().map(|p| (p.height, build_lines(p))).collect();
    strip_running_lines(&mut paged);
    for (height, lines) in paged.iter_mut() {
        reorder_columns(lines, *height);
    }
    let texts: Vec<String> = paged
        .iter()
        .flat_map(|(_, lines)| lines.iter().map(Line::text))
        .collect();
    let lexicon = Lexicon::from_lines(texts.iter().map(String::as_str));
    let metrics = measure(&paged, &lexicon);
    let mut assembler = Assembler::new(metrics, &lexicon);
    assembler.body_size = Some(body_size(&paged));
    for (height, mut lines) in paged {
        let notes = split_footnotes(&mut lines, height, &lexicon);
        for unit in group_rows(lines, height) {
            assembler.add(unit);
        }
        assembler.add_notes(notes);
    }
    render(&assembler.finish())
}

/// Writes the blocks: blank lines between blocks, TAB between cells.
fn render(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    // Headings make the text Markdown, where a line break inside a paragraph is soft: the
    // breaks the page forced (an address, a list whose bullets are drawn shapes) are then
    // written as Markdown hard breaks, two blanks ending the line.
    // (A list item opens its line in Markdown too: no break is needed before it.)
    let markdown = blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    for block in blocks {
        let text = match block {
            Block::Text(lines) => {
                let mut out = String::new();
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        if markdown && !starts_item(line.trim_start()) {
                            out.push_str("  ");
                        }
                        out.push('\n');
                    }
                    out.push_str(&clean_line(line));
                }
                out
            }
            Block::Table(rows) => {
                let columns = table_columns(rows);
                rows.iter()
                    .map(|r| {
                        padded_cells(r, &columns)
                            .iter()
                            .map(|c| clean_line(c))
                            .collect::<Vec<_>>()
                            .join("\t")
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Block::Note(note) => clean_line(note),
            Block::Heading { level, text, .. } => {
                format!("{} {}", "#".repeat(usize::from(*level)), clean_line(text))
            }
        };
        if !text.trim().is_empty() {
            parts.push(text);
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// Character-level cleaning of one output line.
fn clean_line(line: &str) -> String {
    let cleaned = collapse_spaces(&remove_soft_hyphens(&expand_ligatures(
        &repair_standard_encoding(line),
    )));
    if line.starts_with(" - ") {
        format!(" {cleaned}")
    } else {
        cleaned
    }
}

/// Expands typographic ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ).
fn expand_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            _ => out.push(c),
        }
    }
    out
}

/// Spacing accents of Adobe's StandardEncoding, by code, with the WinAnsi letter of the same
/// code: a font whose encoding pdf-extract takes for StandardEncoding while the document used
/// WinAnsi turns « FRANÇAISE » into « FRAN˙AISE » (0xC7 is `dotaccent` in one, `Ccedilla` in
/// the other). None of these accents occurs alone inside a French word.
const STANDARD_AS_WINANSI: [(char, char); 11] = [
    ('\u{02C6}', 'Ã'), // 0xC3 circumflex
    ('\u{02DC}', 'Ä'), // 0xC4 tilde
    ('\u{00AF}', 'Å'), // 0xC5 macron
    ('\u{02D8}', 'Æ'), // 0xC6 breve
    ('\u{02D9}', 'Ç'), // 0xC7 dotaccent
    ('\u{00A8}', 'È'), // 0xC8 dieresis
    ('\u{02DA}', 'Ê'), // 0xCA ring
    ('\u{00B8}', 'Ë'), // 0xCB cedilla
    ('\u{02DD}', 'Í'), // 0xCD hungarumlaut
    ('\u{02DB}', 'Î'), // 0xCE ogonek
    ('\u{02C7}', 'Ï'), // 0xCF caron
];

/// Maps a StandardEncoding accent found between two capital letters back to the WinAnsi
/// letter drawn with the same code (`FRAN˙AISE` → `FRANÇAISE`).
fn repair_standard_encoding(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let letter = STANDARD_AS_WINANSI
            .iter()
            .find(|(accent, _)| *accent == c)
            .map(|&(_, letter)| letter);
        let capital = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
        };
        match letter {
            Some(letter) if capital(i.checked_sub(1)) && capital(Some(i + 1)) => out.push(letter),
            _ => out.push(c),
        }
    }
    out
}

/// Removes soft hyphens (U+00AD), zero-width characters and control characters but TAB.
fn remove_soft_hyphens(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\t' || !c.is_control())
        .filter(|&c| {
            !matches!(
                c,
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}'
            )
        })
        .collect()
}

/// Collapses runs of spaces to one (a no-break space wins over a plain one) and trims.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Option<char> = None;
    for c in text.chars() {
        if c == ' ' || c == '\u{00A0}' || c == '\u{202F}' || c == '\u{2009}' {
            run = Some(match run {
                Some(' ') | None => c,
                Some(kept) => kept,
            });
            continue;
        }
        if let Some(space) = run.take() {
            if !out.is_empty() {
                out.push(space);
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(name: &str) -> Vec<u8> {
        let path = format!("{}/corpus/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn extract(name: &str) -> String {
        pdf_to_text(&corpus(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// Glyphs of `text` laid out from `x` on baseline `y`, half an em per character.
    fn run(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            let w = 0.5 * size;
            out.push(Glyph {
                x,
                y,
                size,
                end: x + w,
                text: c.to_string(),
                space: c == ' ',
            });
            x += w;
        }
        out
    }

    fn line(page: u32, x0: f64, x1: f64, y: f64, text: &str) -> Line {
        Line {
            page,
            x0,
            x1,
            y,
            size: 10.0,
            sup_raise: 0.0,
            natural_x1: x1,
            word_gap: 0.25,
            stretched: false,
            space: 2.5,
            lead: Vec::new(),
            column_right: None,
            segments: vec![Segment {
                x0,
                x1,
                text: text.to_string(),
            }],
        }
    }

    fn page(glyphs: Vec<Glyph>) -> Page {
        Page {
            number: 1,
            height: 842.0,
            glyphs,
            ..Page::default()
        }
    }

    fn lexicon(words: &[&str]) -> Lexicon {
        Lexicon::from_lines(words.iter().copied())
    }

    // --- lines and superscripts

    #[test]
    fn the_running_size_tally_agrees_with_a_recount() {
        // Sizes and baselines mixed as in superscripts, headings and footnotes: after each
        // glyph, the tally gives what counting the whole run again gives.
        let mut glyphs = Vec::new();
        let mut state = 7u64;
        for i in 0..400 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let size = [6.4, 11.0, 11.2, 14.0][(state >> 33) as usize % 4];
            let text = if (state >> 40).is_multiple_of(5) {
                " "
            } else {
                "ab"
            };
            glyphs.push(Glyph {
                x: i as f64,
                y: 500.0 + ((state >> 20) % 7) as f64,
                size,
                end: i as f64 + 0.5,
                text: text.to_string(),
                space: text == " ",
            });
        }
        let mut tally = lines::SizeTally::default();
        let mut seen: Vec<&Glyph> = Vec::new();
        for g in &glyphs {
            tally.add(g);
            seen.push(g);
            let mut by_size: BTreeMap<i64, (usize, f64)> = BTreeMap::new();
            for g in seen.iter().filter(|g| !g.space) {
                let e = by_size
                    .entry((g.size * 2.0).round() as i64)
                    .or_insert((0, g.y));
                e.0 += g.text.chars().count();
            }
            let recount = by_size
                .iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.0.cmp(b.0)))
                .map_or((seen[0].size, 0.0), |(k, (_, y))| (*k as f64 / 2.0, *y));
            assert_eq!(tally.main_size_and_base(), recount);
        }
    }

    #[test]
    fn a_line_of_many_glyphs_is_built_in_linear_time() {
        // 200,000 glyphs on one baseline: quadratic work would take minutes.
        let text: String = "la somme convenue ".chars().cycle().take(200_000).collect();
        let lines = build_lines(&page(run(&text, 10.0, 500.0, 1.0)));
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn superscript_digits_become_footnote_calls() {
        let mut glyphs = run("ANSSI", 100.0, 500.0, 11.0);
        glyphs.extend(run("1", 127.5, 504.5, 6.4));
        glyphs.extend(run(" ;", 130.7, 500.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "ANSSI¹ ;");
    }

    #[test]
    fn raised_exponent_letters_stay_plain() {
        // WeasyPrint raises `er` by half a line without shrinking it much.
        let mut glyphs = run("au 1", 100.0, 500.0, 11.0);
        glyphs.extend(run("er", 122.0, 505.4, 10.7));
        glyphs.extend(run(" février", 132.7, 500.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "au 1er février");
        assert!(lines[0].sup_raise > 5.0);
    }

    #[test]
    fn footnote_line_starting_with_a_superscript_keeps_one_line() {
        let mut glyphs = run("1", 71.0, 125.0, 6.4);
        glyphs.extend(run(" https://example.org/", 74.2, 120.5, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "¹ https://example.org/");
    }

    #[test]
    fn wide_gaps_without_spaces_split_cells() {
        let mut glyphs = run("Poste", 71.0, 475.0, 11.0);
        glyphs.extend(run("Nb jours", 178.0, 475.0, 11.0));
        glyphs.extend(run("TJM", 256.0, 475.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        let cells: Vec<&str> = lines[0].segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(cells, ["Poste", "Nb jours", "TJM"]);
    }

    #[test]
    fn stretched_justified_line_is_one_cell_and_not_full() {
        // LibreOffice stretches a line ended by a forced break: wide but even word gaps.
        let mut glyphs = run("Pour", 71.0, 190.0, 11.0);
        glyphs.extend(run(" ", 200.0, 190.0, 11.0));
        glyphs.extend(run("Réseau", 300.0, 190.0, 11.0));
        glyphs.extend(run(" ", 340.0, 190.0, 11.0));
        glyphs.extend(run("Canopé,", 470.0, 190.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines[0].segments.len(), 1);
        assert_eq!(lines[0].text(), "Pour Réseau Canopé,");
        assert!(lines[0].natural_x1 < 200.0);
    }

    #[test]
    fn orphan_bullets_are_put_back_before_their_line() {
        let mut glyphs = run("Accès au Slack", 98.4, 408.3, 11.0);
        glyphs.extend(run("Relai des campagnes", 98.4, 394.0, 11.0));
        glyphs.extend(run("• ", 91.8, 408.3, 11.0));
        glyphs.extend(run("• ", 91.8, 394.0, 11.0));
        let texts: Vec<String> = build_lines(&page(glyphs)).iter().map(Line::text).collect();
        assert_eq!(texts, ["• Accès au Slack", "• Relai des campagnes"]);
    }

    #[test]
    fn an_unmapped_icon_before_the_text_is_a_list_marker() {
        let mut glyphs = run("\0", 128.4, 495.2, 12.0);
        glyphs.extend(run("Je transmets", 153.7, 495.2, 12.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines[0].text(), "• Je transmets");
        assert!(starts_item(&lines[0].text()));
        // Drawn after its line, alone: put back in front like a bullet.
        let mut glyphs = run("Je sensibilise", 494.4, 750.4, 12.0);
        glyphs.extend(run("\u{F061}", 469.1, 750.2, 12.0));
        let texts: Vec<String> = build_lines(&page(glyphs)).iter().map(Line::text).collect();
        assert_eq!(texts, ["• Je sensibilise"]);
        // Inside a word it is not a marker.
        assert!(!build_lines(&page(run("a\0b", 71.0, 500.0, 11.0)))[0]
            .text()
            .contains('•'));
    }

    #[test]
    fn standard_encoding_accents_between_capitals_become_winansi_letters() {
        assert_eq!(repair_standard_encoding("FRAN˙AISE"), "FRANÇAISE");
        assert_eq!(repair_standard_encoding("ÉLEVˇS"), "ÉLEVÏS");
        // Elsewhere the characters stay.
        assert_eq!(
            repair_standard_encoding("l’accent ˙ seul, x¨y"),
            "l’accent ˙ seul, x¨y"
        );
        assert_eq!(clean_line("RÉPUBLIQUE FRAN˙AISE"), "RÉPUBLIQUE FRANÇAISE");
    }

    /// Lines of a column: `n` lines of `text` from `top` down, 14 pt apart.
    fn column(x0: f64, x1: f64, top: f64, n: usize, text: &str) -> Vec<Line> {
        (0..n)
            .map(|i| line(1, x0, x1, top - 14.0 * i as f64, &format!("{text} {i}")))
            .collect()
    }

    #[test]
    fn two_columns_drawn_out_of_order_are_read_column_by_column() {
        // Body lines first, each column's heading last, as some design tools draw them.
        let mut lines = vec![line(1, 128.0, 376.0, 854.0, "La charte du référent")];
        lines.extend(column(128.0, 436.0, 600.0, 12, "gauche"));
        lines.extend(column(469.0, 776.0, 700.0, 8, "droite"));
        lines.push(line(1, 128.0, 401.0, 648.0, "Titre gauche"));
        lines.push(line(1, 469.0, 760.0, 800.0, "Titre droite"));
        lines.push(line(1, 345.0, 590.0, 148.0, "aidantsconnect.beta.gouv.fr"));
        reorder_columns(&mut lines, 1191.0);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(texts[0], "La charte du référent", "{texts:?}");
        assert_eq!(texts[1], "Titre gauche", "{texts:?}");
        assert_eq!(texts[2], "gauche 0");
        assert_eq!(texts[14], "Titre droite");
        assert_eq!(texts[15], "droite 0");
        assert_eq!(
            texts.last().map(String::as_str),
            Some("aidantsconnect.beta.gouv.fr")
        );
        assert_eq!(lines[2].column_right, Some(436.0));
    }

    #[test]
    fn tables_and_ordered_columns_keep_their_drawing_order() {
        // Three columns: a table.
        let mut lines = column(72.0, 150.0, 700.0, 6, "a");
        lines.extend(column(175.0, 340.0, 700.0, 6, "b"));
        lines.extend(column(352.0, 520.0, 700.0, 6, "c"));
        let before = lines.clone();
        reorder_columns(&mut lines, 842.0);
        assert_eq!(lines, before);
        // Two columns already drawn top to bottom, one after the other.
        let mut lines = column(36.0, 280.0, 780.0, 30, "gauche");
        lines.extend(column(310.0, 560.0, 780.0, 30, "droite"));
        let before = lines.clone();
        reorder_columns(&mut lines, 842.0);
        assert_eq!(lines, before);
    }

    // --- running lines and page numbers

    #[test]
    fn page_numbers_are_recognised() {
        assert_eq!(page_number_value("Page 3 sur 11"), Some(3));
        assert_eq!(page_number_value("Page 3 / 11"), Some(3));
        assert_eq!(page_number_value("3/11"), Some(3));
        assert_eq!(page_number_value("2 / 5"), Some(2));
        assert_eq!(page_number_value("- 3 -"), Some(3));
        assert_eq!(page_number_value("– 12 –"), Some(12));
        assert_eq!(page_number_value("7"), Some(7));
        assert_eq!(page_number_value("Page 12 sur 11"), None);
        assert_eq!(page_number_value("Article 3"), None);
        assert_eq!(page_number_value("5.1 Montant"), None);
    }

    #[test]
    fn running_key_folds_numbers() {
        assert_eq!(running_key("Page 3 sur 11"), running_key("Page 10 sur 11"));
        assert_ne!(running_key("Article 1"), running_key("Annexe 1"));
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_removed() {
        let mut pages: Vec<(f64, Vec<Line>)> = (1..=3)
            .map(|n| {
                let mut lines = vec![
                    line(n, 350.0, 520.0, 798.0, "Convention Canopé – DINUM"),
                    line(n, 71.0, 520.0, 700.0, &format!("Corps de la page {n}")),
                    line(n, 260.0, 330.0, 48.0, &format!("Page {n} sur 3")),
                ];
                if n == 1 {
                    lines.push(line(1, 36.0, 120.0, 36.0, "2024"));
                }
                lines
            })
            .map(|lines| (842.0, lines))
            .collect();
        strip_running_lines(&mut pages);
        let texts: Vec<Vec<String>> = pages
            .iter()
            .map(|(_, l)| l.iter().map(Line::text).collect())
            .collect();
        assert_eq!(texts[0], ["Corps de la page 1", "2024"]);
        assert_eq!(texts[1], ["Corps de la page 2"]);
        assert_eq!(texts[2], ["Corps de la page 3"]);
    }

    #[test]
    fn a_lone_bare_page_number_is_removed_only_when_it_matches_the_page() {
        let mut lines = vec![
            line(4, 71.0, 520.0, 700.0, "Texte"),
            line(4, 290.0, 300.0, 45.0, "4"),
        ];
        strip_page_numbers(&mut lines, 842.0, 4);
        assert_eq!(lines.len(), 1);
        let mut lines = vec![
            line(4, 71.0, 520.0, 700.0, "Texte"),
            line(4, 290.0, 300.0, 45.0, "250"),
        ];
        strip_page_numbers(&mut lines, 842.0, 4);
        assert_eq!(lines.len(), 2);
    }

    // --- hyphenation

    #[test]
    fn hyphenation_joins_cut_words() {
        let lex = lexicon(&["la convention", "du Futuroscope"]);
        assert_eq!(
            join_wrapped("la conven-", "tion est", &lex),
            "la convention est"
        );
        assert_eq!(
            join_wrapped("86961 Futuro -", "scope cedex", &lex),
            "86961 Futuroscope cedex"
        );
        assert_eq!(
            join_wrapped("une in\u{2010}", "vestigation", &lex),
            "une investigation"
        );
        assert_eq!(
            join_wrapped("la DI-", "NUM aura", &lexicon(&["la DINUM"])),
            "la DINUM aura"
        );
        assert_eq!(
            join_wrapped("rectifi\u{AD}", "cation", &lex),
            "rectification"
        );
        // Not in the document, no known part: an ordinary hyphenation.
        assert_eq!(
            join_wrapped("d’ad-", "ministration", &lex),
            "d’administration"
        );
    }

    #[test]
    fn hyphenation_keeps_real_compounds() {
        let lex = lexicon(&["un développeur à mi-temps", "le présent accord-cadre"]);
        assert_eq!(join_wrapped("à mi-", "temps", &lex), "à mi-temps");
        assert_eq!(
            join_wrapped("cet accord-", "cadre", &lexicon(&[])),
            "cet accord-cadre"
        );
        assert_eq!(
            join_wrapped("quatre-", "vingt-un mille", &lex),
            "quatre-vingt-un mille"
        );
        assert_eq!(join_wrapped("à Saint-", "Denis", &lex), "à Saint-Denis");
        assert_eq!(join_wrapped("c’est-à-", "dire", &lex), "c’est-à-dire");
        assert_eq!(join_wrapped("Marie-", "Caroline", &lex), "Marie-Caroline");
        assert_eq!(
            join_wrapped("www.securite-", "routiere.gouv.fr", &lex),
            "www.securite-routiere.gouv.fr"
        );
        assert_eq!(
            join_wrapped("décret n° 2019-", "1088", &lex),
            "décret n° 2019-1088"
        );
    }

    #[test]
    fn the_document_decides_between_both_forms() {
        assert_eq!(
            join_wrapped("le porte-", "feuille", &lexicon(&["un portefeuille"])),
            "le portefeuille"
        );
        assert_eq!(
            join_wrapped("le porte-", "parole", &lexicon(&["le porte-parole"])),
            "le porte-parole"
        );
    }

    #[test]
    fn wrapped_lines_get_one_space_and_urls_none() {
        let lex = lexicon(&[]);
        assert_eq!(
            join_wrapped("la page", "suivante", &lex),
            "la page suivante"
        );
        assert_eq!(
            join_wrapped("sur la page https://", "beta.gouv.fr/x ;", &lex),
            "sur la page https://beta.gouv.fr/x ;"
        );
        assert_eq!(join_wrapped("", "début", &lex), "début");
    }

    #[test]
    fn lexicon_leaves_out_fragments_and_elisions() {
        let lex = Lexicon::from_lines(["l’équipe d’in-", "vestigation a"].into_iter());
        assert!(lex.contains("équipe"));
        assert!(!lex.contains("in"));
        assert!(!lex.contains("vestigation"));
        assert!(lex.contains("a"));
    }

    // --- characters

    #[test]
    fn ligatures_are_expanded() {
        assert_eq!(
            expand_ligatures("ﬁn, ﬂux, eﬀet, eﬃcace, aﬄux"),
            "fin, flux, effet, efficace, afflux"
        );
    }

    #[test]
    fn soft_hyphens_and_control_characters_are_removed() {
        assert_eq!(
            remove_soft_hyphens("con\u{AD}vention\u{0}\tB\u{200B}"),
            "convention\tB"
        );
    }

    #[test]
    fn runs_of_spaces_are_collapsed() {
        assert_eq!(collapse_spaces("  a   b \u{202F}c  "), "a b\u{202F}c");
        assert_eq!(collapse_spaces("281\u{202F}160 €"), "281\u{202F}160 €");
    }

    // --- footnotes

    #[test]
    fn footnotes_at_the_foot_of_the_page_are_split_off() {
        let mut lines = vec![
            line(4, 71.0, 520.0, 500.0, "démarche recommandée par l’ANSSI¹ ;"),
            line(4, 71.0, 480.0, 125.0, "¹ https://www.ssi.gouv.fr/guide"),
            line(4, 71.0, 270.0, 101.0, "² https://franceconnect.gouv.fr/"),
            line(4, 80.0, 200.0, 90.0, "partenaires/"),
        ];
        let notes = split_footnotes(&mut lines, 842.0, &lexicon(&[]));
        assert_eq!(
            notes,
            [
                "¹ https://www.ssi.gouv.fr/guide",
                "² https://franceconnect.gouv.fr/partenaires/"
            ]
        );
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn a_call_in_the_text_is_not_a_footnote() {
        let mut lines = vec![
            line(4, 71.0, 520.0, 300.0, "¹ une ligne dans le haut de page"),
            line(4, 71.0, 520.0, 250.0, "suite"),
            line(4, 71.0, 520.0, 600.0, "plus haut"),
        ];
        assert!(split_footnotes(&mut lines, 842.0, &lexicon(&[])).is_empty());
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn endnotes_lose_their_back_links() {
        assert_eq!(
            endnote("1. https://example.org↩").as_deref(),
            Some("¹ https://example.org")
        );
        assert_eq!(
            endnote("12. voir l’article 3 ↩").as_deref(),
            Some("¹² voir l’article 3")
        );
        assert_eq!(endnote("1. un élément de liste"), None);
    }

    // --- paragraphs, items, tables

    fn metrics() -> Metrics {
        Metrics {
            right: 524.0,
            pitch: 1.22,
            word_gap: 0.25,
            hyphenates: true,
        }
    }

    #[test]
    fn breaks_between_lines() {
        let m = metrics();
        let full = line(1, 71.0, 524.0, 700.0, "une ligne pleine qui continue");
        let next = line(1, 71.0, 300.0, 687.8, "la suite du paragraphe.");
        assert_eq!(classify_break(&full, &next, &m), Break::Wrap);
        let far = line(1, 71.0, 300.0, 670.0, "Un autre paragraphe.");
        assert_eq!(classify_break(&next, &far, &m), Break::Paragraph);
        let short = line(1, 71.0, 160.0, 700.0, "Pour Réseau Canopé,");
        let signer = line(1, 71.0, 180.0, 687.8, "La Directrice générale,");
        assert_eq!(classify_break(&short, &signer, &m), Break::Line);
        let item = line(1, 83.0, 400.0, 686.0, "• un élément");
        assert_eq!(classify_break(&full, &item, &m), Break::Item);
    }

    /// Glyphs of `words` justified between `x0` and `right` on baseline `y` (11 pt, half an em
    /// per character, a space glyph after each word and the stretch after it).
    fn justified(words: &[&str], x0: f64, right: f64, y: f64) -> Vec<Glyph> {
        let size = 11.0;
        let ink: usize = words.iter().map(|w| w.chars().count()).sum();
        let gaps = words.len().saturating_sub(1).max(1) as f64;
        let gap = (right - x0 - ink as f64 * 0.5 * size) / gaps;
        let mut out = Vec::new();
        let mut x = x0;
        for (i, word) in words.iter().enumerate() {
            out.extend(run(word, x, y, size));
            x += word.chars().count() as f64 * 0.5 * size;
            if i + 1 < words.len() {
                out.extend(run(" ", x, y, size));
                x += gap;
            }
        }
        out
    }

    #[test]
    fn a_forced_break_in_a_justified_paragraph_is_kept() {
        // LibreOffice stretches the line before a forced break to the margin. Naturally it
        // ends 62 pt short: « Représentée » (60.5 pt) does not fit whole, but its first
        // syllable would have, and this document cuts words at line ends.
        let words = ["abcde"; 12];
        let prev = build_lines(&page(justified(&words, 71.0, 524.0, 636.0)));
        let next = build_lines(&page(run(
            "Représentée par sa directrice",
            71.0,
            622.5,
            11.0,
        )));
        let (prev, next) = (&prev[0], &next[0]);
        assert!((prev.natural_x1 - 461.5).abs() < 0.5, "{}", prev.natural_x1);
        assert!((first_word_width(next) - 60.5).abs() < 0.1);
        assert_eq!(classify_break(prev, next, &metrics()), Break::Line);
        // A document that never cuts words: the word did not fit, the line was wrapped.
        let plain = Metrics {
            hyphenates: false,
            ..metrics()
        };
        assert_eq!(classify_break(prev, next, &plain), Break::Wrap);
        // A number cannot be cut either.
        let number = build_lines(&page(run("00000092441 Clé RIB", 71.0, 622.5, 11.0)));
        assert_eq!(classify_break(prev, &number[0], &metrics()), Break::Wrap);
        // Whole words that fit with a clear point to spare: a forced break in any document.
        let short = build_lines(&page(run("Représentée", 71.0, 622.5, 11.0)));
        let wide = build_lines(&page(justified(&["abcde"; 11], 71.0, 524.0, 636.0)));
        assert_eq!(classify_break(&wide[0], &short[0], &plain), Break::Line);
    }

    #[test]
    fn the_tab_after_a_list_marker_is_not_a_stretch() {
        let mut glyphs = run("•", 83.0, 500.0, 11.0);
        glyphs.extend(run("chaque mois, un comité", 107.0, 500.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert!(!lines[0].stretched);
        assert_eq!(lines[0].natural_x1, lines[0].x1);
    }

    #[test]
    fn no_break_spaces_bind_the_first_word() {
        assert!(bound_tokens("«", "Réseau"));
        assert!(bound_tokens("n°", "SIRET"));
        assert!(bound_tokens("Compte", ":"));
        assert!(bound_tokens("281", "160"));
        assert!(bound_tokens("160", "€"));
        assert!(!bound_tokens("Représentée", "par"));
        assert!(!bound_tokens("2021", "avril"));
        let next = build_lines(&page(run("« Réseau Canopé »", 71.0, 600.0, 11.0)));
        assert!((first_word_width(&next[0]) - 8.0 * 5.5).abs() < 0.1);
    }

    #[test]
    fn cut_words_are_told_from_compounds() {
        let lex = lexicon(&["un accord-cadre"]);
        assert!(cuts_a_word("la conven-", "tion est", &lex));
        assert!(!cuts_a_word("cet accord-", "cadre", &lex));
        assert!(!cuts_a_word("la DI-", "NUM", &lex));
        assert!(!cuts_a_word("une ligne", "suite", &lex));
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_is_joined() {
        let m = metrics();
        let last = line(
            3,
            71.0,
            524.0,
            76.0,
            "les codes sources pourront être publiés en open source confor-",
        );
        let first = line(
            4,
            71.0,
            520.0,
            760.0,
            "mément aux orientations de la circulaire",
        );
        assert_eq!(classify_break(&last, &first, &m), Break::Wrap);
        let ended = line(2, 71.0, 240.0, 120.0, "Il a été convenu ce qui suit :");
        let heading = line(3, 71.0, 240.0, 757.0, "Article 1 : Objet");
        assert_eq!(classify_break(&ended, &heading, &m), Break::Paragraph);
    }

    #[test]
    fn list_markers_are_written_as_in_the_seeds() {
        assert_eq!(
            item_text("• respecter le manifeste", false),
            "- respecter le manifeste"
        );
        assert_eq!(item_text("– Product owner", true), " - Product owner");
        assert_eq!(item_text("1. Les besoins", false), "1. Les besoins");
        assert!(starts_item("• x"));
        assert!(starts_item("2. x"));
        assert!(!starts_item("2021. x"));
        assert!(!starts_item("•"));
    }

    #[test]
    fn stacked_cells_make_one_row() {
        let lines = vec![
            line(7, 71.0, 150.0, 713.6, "Respect de la vie"),
            line(7, 71.0, 140.0, 700.2, "privée"),
            line(7, 173.0, 320.0, 713.6, "Obligation de transparence"),
            line(7, 173.0, 320.0, 700.2, "et de traçabilité"),
            line(7, 348.0, 500.0, 713.6, "Mise en œuvre du cadre"),
            line(7, 348.0, 480.0, 700.2, "juridique"),
            line(7, 71.0, 150.0, 602.4, "Données traitées"),
            line(7, 71.0, 150.0, 589.0, "dans le cadre"),
            line(7, 173.0, 330.0, 602.4, "Mise en œuvre du traitement"),
        ];
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 2);
        let Unit::Row { cells, .. } = &units[0] else {
            panic!("not a row: {:?}", units[0]);
        };
        let texts: Vec<String> = cells
            .iter()
            .map(|c| cell_text(&c.lines, &lexicon(&[])))
            .collect();
        assert_eq!(
            texts,
            [
                "Respect de la vie privée",
                "Obligation de transparence et de traçabilité",
                "Mise en œuvre du cadre juridique"
            ]
        );
    }

    /// A line whose segments are the given cells (left edge, text), 11 pt.
    fn row_line(page: u32, y: f64, cells: &[(f64, &str)]) -> Line {
        let segments: Vec<Segment> = cells
            .iter()
            .map(|&(x0, text)| Segment {
                x0,
                x1: x0 + 5.5 * text.chars().count() as f64,
                text: text.to_string(),
            })
            .collect();
        let x1 = segments.last().map_or(0.0, |s| s.x1);
        Line {
            segments,
            size: 11.0,
            ..line(page, cells[0].0, x1, y, "")
        }
    }

    #[test]
    fn a_total_alone_under_its_column_is_its_own_row() {
        let columns = [71.0, 178.0, 256.0, 322.0, 387.0, 453.0];
        let data = [
            ["UX designer", "72", "700", "50.400", "15%", "57.960"],
            ["Coach agile", "60", "800", "48.000", "20%", "57.600"],
        ];
        let mut lines: Vec<Line> = data
            .iter()
            .enumerate()
            .map(|(k, row)| {
                let cells: Vec<(f64, &str)> =
                    columns.iter().copied().zip(row.iter().copied()).collect();
                row_line(10, 423.6 - 17.0 * k as f64, &cells)
            })
            .collect();
        lines.push(row_line(10, 389.6, &[(453.0, "281.160")]));
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 3, "{units:?}");
        assert!(
            matches!(&units[1], Unit::Row { cells, .. } if cells.len() == 6 && cells[5].lines.len() == 1)
        );
        assert!(matches!(&units[2], Unit::Line(l) if l.text() == "281.160"));
    }

    #[test]
    fn a_cell_going_on_below_its_row_stays_in_the_cell() {
        // The CCTP: the last cell holds a list whose items are further apart than the lines.
        let lines = vec![
            row_line(
                13,
                460.6,
                &[(148.5, "Niveau"), (225.6, "Description de l’UO")],
            ),
            row_line(
                13,
                426.4,
                &[
                    (76.6, "UO 1.1.1"),
                    (148.5, "Simple"),
                    (225.6, "- Identification"),
                ],
            ),
            row_line(13, 406.6, &[(225.6, "- Mise en place d’outils")]),
            row_line(13, 386.7, &[(225.6, "- Support utilisateur initial")]),
        ];
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(matches!(&units[1], Unit::Row { cells, .. } if cells[2].lines.len() == 3));
    }

    #[test]
    fn a_cell_starting_lower_beside_the_first_one_is_the_next_cell() {
        // WeasyPrint: the middle cell's first paragraph sits a little below the row's top.
        let lines = vec![
            line(8, 71.9, 147.8, 518.3, "Violation de données"),
            line(
                8,
                174.7,
                340.4,
                509.3,
                "Obligation d’alerte, d’assistance et de conseil,",
            ),
            line(8, 174.7, 214.7, 497.6, "sans délai :"),
            line(8, 199.3, 342.9, 476.9, "• Notification de toute violation"),
            line(
                8,
                352.3,
                512.3,
                518.3,
                "Définition de la procédure de notification en",
            ),
            line(8, 352.3, 521.3, 506.6, "cas de violation de données*."),
        ];
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 1, "{units:?}");
        let Unit::Row { cells, .. } = &units[0] else {
            panic!("not a row: {:?}", units[0]);
        };
        let texts: Vec<String> = cells
            .iter()
            .map(|c| cell_text(&c.lines, &lexicon(&[])))
            .collect();
        assert_eq!(
            texts,
            [
                "Violation de données",
                "Obligation d’alerte, d’assistance et de conseil, sans délai : Notification de toute violation",
                "Définition de la procédure de notification en cas de violation de données*."
            ]
        );
    }

    #[test]
    fn text_columns_are_not_table_rows() {
        let mut lines: Vec<Line> = (0..30)
            .map(|i| line(1, 36.0, 280.0, 780.0 - 14.0 * i as f64, "colonne de gauche"))
            .collect();
        lines.extend((0..30).map(|i| {
            line(
                1,
                310.0,
                560.0,
                780.0 - 14.0 * i as f64,
                "colonne de droite",
            )
        }));
        assert!(group_rows(lines, 842.0)
            .iter()
            .all(|u| matches!(u, Unit::Line(_))));
    }

    #[test]
    fn short_rows_are_padded_under_their_columns() {
        let rows = vec![
            Row {
                x0s: vec![71.0, 178.0, 256.0],
                cells: vec!["Poste".into(), "Nb jours".into(), "Total".into()],
            },
            Row {
                x0s: vec![256.0],
                cells: vec!["281.160".into()],
            },
        ];
        let columns = table_columns(&rows);
        assert_eq!(padded_cells(&rows[1], &columns), ["", "", "281.160"]);
    }

    // --- readability

    #[test]
    fn french_text_is_readable() {
        let text =
            "La présente convention a pour objet de définir les modalités de la coopération \
                    entre les parties, la répartition des rôles et les modalités de participation \
                    financière de chacune des parties au projet, dans le respect du code de la \
                    commande publique et des règles de protection des données.";
        assert_eq!(assess_readability(text), Readability::Readable);
    }

    #[test]
    fn garbage_text_is_unreadable() {
        // The same sentence with a shifted alphabet, as fonts without a Unicode map give.
        let text =
            "Mb qsêtfouf dpowfoujpo b qpvs pckfu ef eêgjojs mft npebmjuêt ef mb dppqêsbujpo \
                    fousf mft qbsujft, mb sêqbsujujpo eft sômft fu mft npebmjuêt ef qbsujdjqbujpo \
                    gjobodjêsf ef dibdvof eft qbsujft bv qspkfu, ebot mf sftqfdu ev dpef ef mb \
                    dpnnboef qvcmjrvf fu eft sêhmft ef qspufdujpo eft epoofft.";
        assert_eq!(assess_readability(text), Readability::Garbage);
        assert_eq!(
            assess_readability("\u{F031}\u{F020} \u{F031}"),
            Readability::Garbage
        );
        assert_eq!(assess_readability(" 1  2 \n"), Readability::Empty);
        assert_eq!(assess_readability(""), Readability::Empty);
    }

    // --- refusals

    #[test]
    fn panics_are_caught_silently() {
        assert_eq!(quietly(|| 1), Some(1));
        assert_eq!(quietly(|| -> i32 { panic!("boom") }), None);
    }

    #[test]
    fn truncated_pdf_is_malformed() {
        let bytes = corpus("canope-dinum-2020.office.pdf");
        let half = &bytes[..bytes.len() / 2];
        assert!(matches!(pdf_to_text(half), Err(PdfError::Malformed(_))));
        assert!(matches!(
            pdf_to_text(b"not a pdf at all"),
            Err(PdfError::Malformed(_))
        ));
    }

    #[test]
    fn encrypted_pdf_is_refused() {
        let bytes = corpus("ena-dinum-2021.web.pdf");
        let mut doc = Document::load_mem(&bytes).expect("seed loads");
        let id = pdf_extract::Object::String(
            b"0123456789abcdef".to_vec(),
            pdf_extract::StringFormat::Literal,
        );
        doc.trailer
            .set("ID", pdf_extract::Object::Array(vec![id.clone(), id]));
        let version = pdf_extract::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: "secret",
            key_length: 128,
            permissions: pdf_extract::Permissions::all(),
        };
        let state = pdf_extract::EncryptionState::try_from(version).expect("state");
        doc.encrypt(&state).expect("encrypt");
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("save");
        assert_eq!(pdf_to_text(&out), Err(PdfError::Encrypted));
    }

    /// A one-page PDF whose content stream only draws a rectangle.
    fn pdf_without_text() -> Vec<u8> {
        let content = "0 0 1 rg 100 100 200 200 re f";
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"
                .to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for offset in offsets {
            out.extend(format!("{offset:010} 00000 n \n").bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        out
    }

    #[test]
    fn pdf_without_text_layer_is_refused() {
        assert_eq!(pdf_to_text(&pdf_without_text()), Err(PdfError::NoTextLayer));
    }

    #[test]
    fn broken_text_layer_is_unreadable() {
        let bytes = corpus("menj-convention-sequence-observation-textlayer-broken.pdf");
        assert_eq!(pdf_to_text(&bytes), Err(PdfError::Unreadable));
    }

    #[test]
    fn messages_are_french_sentences_without_file_name() {
        for e in [
            PdfError::Encrypted,
            PdfError::Malformed("xref absente".into()),
            PdfError::NoTextLayer,
            PdfError::Unreadable,
        ] {
            let m = e.to_string();
            assert!(m.starts_with("le PDF") || m.starts_with("la couche"), "{m}");
        }
        assert!(PdfError::Malformed("xref absente".into())
            .to_string()
            .contains("(xref absente)"));
    }

    // --- whole documents

    #[test]
    fn office_seed_pdf_reads_like_the_seed() {
        let text = extract("canope-dinum-2020.office.pdf");
        assert!(!text.contains("Page 3 sur 11"));
        assert!(!text.contains("Convention de coopération Réseau Canopé – DINUM"));
        // Its article headings are set larger than the body: Markdown headings (the
        // sub-articles' are bold at the body's size: plain lines), and the lines of a
        // paragraph the page broke end with a Markdown hard break.
        assert!(text.contains("\n\n## Article 4 : Déroulement des travaux\n\n"));
        assert!(text.contains("\n\n5.1 Montant du financement\n\n"));
        assert!(text.contains("86961 Futuroscope cedex"));
        assert!(text.contains("d’un développeur à mi-temps, d’un UX designer à mi-temps"));
        assert!(text.contains("la démarche recommandée par la DINUM et l’ANSSI¹ ;"));
        assert!(text.contains("\n\n¹ https://www.ssi.gouv.fr/uploads/2018/11/guide-securite-numerique-agile-anssi-pa-v1.pdf\n"));
        assert!(text.contains("au 1er février 2021."));
        assert!(text.contains("\n- respecter le manifeste du programme beta.gouv.fr"));
        assert!(text.contains("\n - Développeur fullstack temps plein\n"));
        assert!(text.contains("\nPoste\tNb jours\tTJM\tTotal\tMarkUp\tTotal\n"));
        assert!(text.contains("sur le territoire national ou européen Hébergeur conforme au RGPD et non soumis à la législation américaine"));
        assert!(text.contains(
            "\n\nPour La DINUM,  \nLe Directeur interministériel du  \nnumérique,  \nNadi BOU HANNA\n\n"
        ));
        assert!(!text.contains('•'));
        assert_eq!(text.matches("Droits des personnes\t").count(), 1);
    }

    #[test]
    fn web_seed_pdf_reads_like_the_seed() {
        let text = extract("canope-dinum-2020.web.pdf");
        assert!(!text.contains("Page 3 / 11"));
        assert!(!text.contains('↩'));
        assert!(!text.contains('\u{2010}'));
        assert!(text.contains("\n\n³ https://observatoire.numerique.gouv.fr/Aide/Int%C3%A9gration%20du%20bouton%20MonAvis"));
        assert!(text.contains("prestataires engagés par la DINUM"));
        assert!(text.contains("le solde, soit 140 580 € (cent quarante mille cinq cent quatre-vingts euros), au 1er février 2021."));
        assert!(text.contains("https://beta.gouv.fr/approche/sponsors ;"));
        assert!(text.contains("\n- Accès au Slack beta.gouv.fr ;\n"));
        // The running title equals the document title: only the title itself is left.
        assert_eq!(
            text.matches("Convention de coopération public-public")
                .count(),
            1
        );
    }

    #[test]
    fn both_renderings_of_a_seed_give_the_same_words() {
        // Typography differs (no-break spaces, curly quotes): compare alphanumeric words.
        let words = |t: &str| {
            let mut w: Vec<String> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            w.sort();
            w
        };
        for seed in ["ena-dinum-2021", "canope-dinum-2020"] {
            let office = extract(&format!("{seed}.office.pdf"));
            let web = extract(&format!("{seed}.web.pdf"));
            assert_eq!(words(&office), words(&web), "{seed}");
        }
    }

    #[test]
    fn cctp_keeps_compounds_and_drops_page_numbers() {
        let text = extract("dinum-cctp-accord-cadre-produit-2025.pdf");
        assert!(!text
            .split("\n\n")
            .any(|p| p.trim().chars().all(|c| c.is_ascii_digit())));
        assert!(!text.contains("accordcadre") && !text.contains("accord- cadre"));
        assert!(text.contains("c’est-à-dire"));
        assert!(text.contains("securite-routiere.gouv.fr"));
        assert!(text.contains("\n\n2.1 Stratégie numérique de l’État\n\n"));
    }

    #[test]
    fn n_over_m_page_numbers_go_but_the_cover_year_stays() {
        let text = extract("aidants-connect-elements-juridiques-2024.pdf");
        assert!(!text.contains("2 / 5") && !text.contains("5 / 5"));
        assert!(text.contains("\n\n2024\n\n"));
        assert!(text.contains("qui accompagnent leurs publics"));
    }

    #[test]
    fn charters_lose_no_words() {
        for name in [
            "aidants-connect-charte-referent-old.pdf",
            "aidants-connect-charte-referent-2025.pdf",
        ] {
            let text = extract(name);
            assert!(
                text.contains("Je tiens à jour la liste des aidants habilités"),
                "{name}"
            );
        }
    }
}
