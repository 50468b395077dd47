//! Office backend: a .docx or .odt (a zip of XML parts) → the same Markdown-ish text the text path
//! feeds to `parse` (`#` headings, list items, pipe rows, `[^n]` notes), numbering labels computed.
//!
//! Detection is by content, never by file name. The archive is read with caps on decompressed size
//! and compression ratio (zip bombs); XML is streamed with quick-xml, which never expands entities
//! nor fetches anything. Headers, footers and comments are not body text.

mod docx;
pub mod numbering;
mod odt;

use crate::error::{Error, ErrorKind, Result};
use crate::extract::text::{ReadOptions, Revisions};
use crate::model::{Diagnostic, Format, Severity, Source};
use quick_xml::events::{BytesRef, BytesStart};
use std::io::Read as _;

/// Largest decompressed XML part read (the text of a 5 000-page document fits in far less).
const MAX_PART: u64 = 128 * 1024 * 1024;
/// Decompressed-to-compressed ratio above which a large part is taken for a zip bomb.
const MAX_RATIO: u64 = 200;
/// Parts smaller than this are never refused on ratio alone.
const RATIO_FLOOR: u64 = 4 * 1024 * 1024;

/// How a zip archive was recognised.
enum Kind {
    Docx,
    Odt,
}

/// Reads a zip archive that should be a .docx or .odt.
pub fn read_zip(
    name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Source, Vec<Diagnostic>)> {
    read_zip_located(name, bytes, options).map(|(s, d, _)| (s, d))
}

/// [`read_zip`], with where each block of the text came from in the document's XML.
pub fn read_zip_located(
    name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Source, Vec<Diagnostic>, Locators)> {
    let fail = |msg: String| Error::new(name, ErrorKind::Office(msg));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        fail("archive zip illisible (tronquée ou endommagée) : ce n'est pas un .docx ou un .odt lisible ; ré-enregistrez le document depuis le traitement de texte".into())
    })?;
    let kind =
        recognise(&mut archive).map_err(|what| Error::new(name, ErrorKind::Unsupported(what)))?;
    let mut parts = Parts {
        archive: &mut archive,
        total: 0,
    };
    if let Kind::Odt = kind {
        // An .odt saved with a password keeps its zip and mimetype, and declares its encrypted
        // parts in the manifest: say so rather than « XML mal formé ».
        let manifest = parts.get("META-INF/manifest.xml").map_err(fail)?;
        if manifest.is_some_and(|m| m.contains("encryption-data")) {
            return Err(Error::new(
                name,
                ErrorKind::Unsupported(ODT_ENCRYPTED.into()),
            ));
        }
    }
    let read = match kind {
        Kind::Docx => docx::read(&mut parts, options.revisions),
        Kind::Odt => odt::read(&mut parts, options.revisions),
    }
    .map_err(fail)?;
    let changes = read.counts.insertions + read.counts.deletions + read.counts.moves;
    if changes > 0 && options.revisions == Revisions::Refuse {
        return Err(Error::new(
            name,
            ErrorKind::Revisions {
                insertions: read.counts.insertions + read.counts.moves,
                deletions: read.counts.deletions + read.counts.moves,
            },
        ));
    }
    if read.text.trim().is_empty() {
        return Err(Error::new(name, ErrorKind::Empty));
    }
    Ok((
        Source {
            path: name.to_string(),
            format: match kind {
                Kind::Docx => Format::Docx,
                Kind::Odt => Format::Odt,
            },
            text: read.text,
        },
        read.counts.diagnostics(options.revisions),
        read.locators,
    ))
}

fn recognise(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
) -> std::result::Result<Kind, String> {
    if archive.index_for_name("word/document.xml").is_some() {
        return Ok(Kind::Docx);
    }
    let mut mimetype = String::new();
    if let Ok(entry) = archive.by_name("mimetype") {
        let _ = entry.take(200).read_to_string(&mut mimetype);
    }
    let mimetype = mimetype.trim();
    if mimetype.starts_with("application/vnd.oasis.opendocument.text") {
        return Ok(Kind::Odt);
    }
    let what = if mimetype.starts_with("application/vnd.oasis.opendocument.spreadsheet") {
        "feuille de calcul OpenDocument (.ods), pas un document texte ; enregistrez la convention au format .odt ou .docx"
    } else if mimetype.starts_with("application/vnd.oasis.opendocument.") {
        "document OpenDocument qui n'est pas un texte (présentation, dessin…) ; enregistrez la convention au format .odt ou .docx"
    } else if archive.index_for_name("xl/workbook.xml").is_some() {
        "classeur Excel (.xlsx), pas un document texte ; enregistrez la convention au format .docx ou .odt"
    } else if archive.index_for_name("ppt/presentation.xml").is_some() {
        "présentation PowerPoint (.pptx), pas un document texte ; enregistrez la convention au format .docx ou .odt"
    } else {
        "archive zip qui n'est ni un document Word (.docx) ni un document OpenDocument (.odt) ; donnez le document lui-même, au format .docx, .odt, PDF ou texte"
    };
    Err(what.to_string())
}

/// The refusal for an OLE compound file (`D0 CF 11 E0`): encrypted Office file or Word 97 .doc.
pub fn ole_refusal(bytes: &[u8]) -> String {
    let has = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
    };
    if has("EncryptionInfo") || has("EncryptedPackage") {
        "document Office protégé par un mot de passe (chiffré) : ouvrez-le, retirez le mot de passe et enregistrez-le au format .docx".into()
    } else if has("WordDocument") {
        "document Word 97-2003 (.doc) non pris en charge : enregistrez-le au format .docx (ou .odt) et relancez".into()
    } else {
        "fichier Office ancien (format binaire OLE : .doc, .xls…) non pris en charge : enregistrez-le au format .docx ou .odt".into()
    }
}

/// The refusal for a password-protected OpenDocument file.
const ODT_ENCRYPTED: &str = "document OpenDocument protégé par un mot de passe (chiffré) : ouvrez-le dans LibreOffice, retirez le mot de passe et enregistrez-le au format .odt ou .docx";

/// The refusal for an RTF file.
pub const RTF_REFUSAL: &str =
    "document RTF non pris en charge : enregistrez-le au format .docx (ou .odt) et relancez";

/// The parts of an open archive, read with caps on total and per-part size and on compression ratio.
pub(crate) struct Parts<'a, 'b> {
    archive: &'a mut zip::ZipArchive<std::io::Cursor<&'b [u8]>>,
    total: u64,
}

impl Parts<'_, '_> {
    /// The part as text, or `None` when the archive has no such part.
    pub(crate) fn get(&mut self, path: &str) -> std::result::Result<Option<String>, String> {
        let entry = match self.archive.by_name(path) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(_) => {
                return Err(format!(
                    "partie « {path} » illisible : archive endommagée ; ré-enregistrez le document"
                ))
            }
        };
        let compressed = entry.compressed_size().max(1);
        let mut bytes = Vec::new();
        entry
            .take(MAX_PART + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| format!("partie « {path} » illisible : archive tronquée ou endommagée ; ré-enregistrez le document"))?;
        let size = bytes.len() as u64;
        self.total += size;
        if size > MAX_PART
            || self.total > MAX_PART
            || (size > RATIO_FLOOR && size / compressed > MAX_RATIO)
        {
            return Err(format!(
                "archive suspecte (bombe zip) : « {path} » se décompresse en plus de {} Mo, {} fois sa taille compressée ; fichier refusé",
                size / 1_048_576,
                size / compressed
            ));
        }
        let text = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(Some(text))
    }
}

/// What a backend read: the intermediate text and what it counted on the way.
pub(crate) struct Read {
    pub text: String,
    pub counts: Counts,
    pub locators: Locators,
}

/// Where each block of the intermediate text came from, as a person can find it in the document
/// (`word/document.xml §37`: the 37th paragraph of the part), by byte offset into the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locators(Vec<(usize, String)>);

impl Locators {
    /// The locator of the block holding byte `offset` of the intermediate text.
    pub fn at(&self, offset: usize) -> Option<&str> {
        let i = self.0.partition_point(|(start, _)| *start <= offset);
        i.checked_sub(1).map(|i| self.0[i].1.as_str())
    }

    /// Whether no block has a locator (a text or PDF source).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `part §n`: the n-th paragraph (1-based) of an XML part, in document order.
pub(crate) fn locator(part: &str, paragraph: u32) -> String {
    format!("{part} §{paragraph}")
}

/// Tracked changes and comments met while reading.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    pub insertions: usize,
    pub deletions: usize,
    pub moves: usize,
    pub comments: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

impl Counts {
    fn diagnostics(&self, revisions: Revisions) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if self.insertions + self.deletions + self.moves > 0 {
            let mut what = vec![
                plural(self.insertions, "insertion", "insertions"),
                plural(self.deletions, "suppression", "suppressions"),
            ];
            if self.moves > 0 {
                what.push(plural(self.moves, "déplacement", "déplacements"));
            }
            let (done, other) = match revisions {
                Revisions::Reject => ("refusées", "--revisions accept pour les accepter"),
                _ => ("acceptées", "--revisions reject pour les refuser"),
            };
            out.push(
                Diagnostic::new(
                    Severity::Warning,
                    format!("modifications suivies {done} : {}", what.join(", ")),
                )
                .with_hint(other),
            );
        }
        if self.comments > 0 {
            out.push(Diagnostic::new(
                Severity::Warning,
                format!(
                    "{} ignoré{} (hors texte de la convention)",
                    plural(self.comments, "commentaire", "commentaires"),
                    if self.comments > 1 { "s" } else { "" }
                ),
            ));
        }
        out
    }
}

/// A block of the intermediate text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    Heading(u8, String),
    Para(String),
    /// A list item at a nesting level, its marker (label or `-`) included in the text.
    Item(u8, String),
    Rows(Vec<Vec<String>>),
    Note(u32, String),
}

/// A block read in a text box or frame, kept to be read after the paragraph it is anchored in:
/// the block, the notes it calls and its paragraph number.
pub(crate) type Anchored = (Block, Vec<(u32, String)>, u32);

/// Builds the intermediate text: notes are written after the block (or list) that calls them.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    blocks: Vec<Block>,
    pending: Vec<(u32, String)>,
    /// The locator given to the blocks pushed from now on.
    pub(crate) here: Option<String>,
    located: Vec<Option<String>>,
}

impl Builder {
    pub(crate) fn push(&mut self, block: Block) {
        let block = match block {
            Block::Heading(_, text) if !heading_like(&text) => Block::Para(text),
            b => b,
        };
        if !matches!(block, Block::Item(..)) {
            self.flush_notes();
        }
        self.blocks.push(block);
        self.located.push(self.here.clone());
    }

    pub(crate) fn note(&mut self, number: u32, text: String) {
        self.pending.push((number, text));
    }

    fn flush_notes(&mut self) {
        for (n, text) in std::mem::take(&mut self.pending) {
            self.blocks.push(Block::Note(n, text));
            self.located.push(self.here.clone());
        }
    }

    #[cfg(test)]
    pub(crate) fn finish(self) -> String {
        self.finish_located().0
    }

    /// The intermediate text, and where each of its blocks came from.
    pub(crate) fn finish_located(mut self) -> (String, Locators) {
        self.flush_notes();
        let mut out = String::new();
        let mut locators = Locators::default();
        let mut previous: Option<&Block> = None;
        for (block, here) in self.blocks.iter().zip(&self.located) {
            if let Some(p) = previous {
                let tight = matches!((p, block), (Block::Item(..), Block::Item(..)));
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
            if let Some(here) = here {
                if locators.0.last().is_none_or(|(_, l)| l != here) {
                    locators.0.push((out.len(), here.clone()));
                }
            }
            match block {
                Block::Heading(level, text) => {
                    out.push_str(&"#".repeat((*level).clamp(1, 6) as usize));
                    out.push(' ');
                    out.push_str(&one_line(text));
                }
                Block::Para(text) => {
                    let lines: Vec<&str> = text
                        .split('\n')
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect();
                    out.push_str(&lines.join("\n"));
                }
                Block::Item(level, text) => {
                    out.push_str(&"  ".repeat(*level as usize));
                    out.push_str(&one_line(text));
                }
                Block::Rows(rows) => {
                    let lines: Vec<String> = rows
                        .iter()
                        .map(|row| {
                            let cells: Vec<String> = row
                                .iter()
                                .map(|c| one_line(c).replace('|', "\\|"))
                                .collect();
                            format!("| {} |", cells.join(" | "))
                        })
                        .collect();
                    out.push_str(&lines.join("\n"));
                }
                Block::Note(n, text) => {
                    out.push_str(&format!("[^{n}]: {}", one_line(text)));
                }
            }
            previous = Some(block);
        }
        out.push('\n');
        (out, locators)
    }
}

/// The words of a block on one line (a nested table, a text box read in place).
pub(crate) fn docx_block_text(b: &Block) -> String {
    match b {
        Block::Heading(_, t) | Block::Para(t) | Block::Note(_, t) => one_line(t),
        Block::Item(_, t) => one_line(t.strip_prefix("- ").unwrap_or(t)),
        Block::Rows(rows) => rows
            .iter()
            .map(|r| one_line(&r.join(" ")))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A table cell as read: its blocks, the notes they call, its span and whether it continues a
/// vertically merged cell.
#[derive(Debug, Default)]
pub(crate) struct TableCell {
    pub blocks: Vec<Block>,
    pub notes: Vec<(u32, String)>,
    pub span: usize,
    pub continued: bool,
}

/// The blocks a finished table becomes, and the notes its cells call. A one-column table is
/// layout: its paragraphs are body text. Otherwise a pipe table, merged cells left empty so
/// that columns stay aligned; a nested table becomes lines of text of the enclosing cell.
pub(crate) fn table_blocks(
    rows: Vec<Vec<TableCell>>,
    nested: bool,
) -> (Vec<Block>, Vec<(u32, String)>) {
    let mut notes = Vec::new();
    let mut blocks = Vec::new();
    if rows.iter().all(|r| r.len() <= 1) {
        for row in rows {
            for cell in row {
                blocks.extend(cell.blocks);
                notes.extend(cell.notes);
            }
        }
        return (blocks, notes);
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    let flush = |out: &mut Vec<Vec<String>>, blocks: &mut Vec<Block>| {
        if out.is_empty() {
            return;
        }
        if nested {
            for r in out.drain(..) {
                let cells: Vec<String> = r.into_iter().filter(|c| !blank(c)).collect();
                blocks.push(Block::Para(cells.join(" ; ")));
            }
        } else {
            blocks.push(Block::Rows(std::mem::take(out)));
        }
    };
    for row in rows {
        let width: usize = row.iter().map(|c| c.span.max(1)).sum();
        let texts: Vec<String> = row
            .iter()
            .map(|cell| {
                if cell.continued {
                    String::new()
                } else {
                    let texts: Vec<String> = cell.blocks.iter().map(docx_block_text).collect();
                    texts.join(" ")
                }
            })
            .collect();
        let filled: Vec<usize> = (0..row.len()).filter(|i| !blank(&texts[*i])).collect();
        if filled.is_empty() {
            continue;
        }
        // A row of one cell spanning most of the table is a full-width line (a heading or a
        // paragraph set in a layout table): its paragraphs are body text. A row of several
        // cells stays a row even when one holds all its text (a form's label beside its blank
        // to fill in, convention text beside an empty commentary). Nor is a row holding only
        // template tags a line (docxtpl's `{%tr for … %}` loop rows, docxtemplater's `{#…}`
        // sections): the template repeats the rows it brackets, so it is a row of its table.
        if row.len() == 1
            && !nested
            && row[0].span.max(1) * 2 > width
            && !template_tags_only(&texts[0])
        {
            flush(&mut out, &mut blocks);
            for cell in row {
                blocks.extend(cell.blocks);
                notes.extend(cell.notes);
            }
            continue;
        }
        let mut cells = Vec::new();
        for (cell, text) in row.into_iter().zip(texts) {
            cells.push(text);
            for _ in 1..cell.span {
                cells.push(String::new());
            }
            notes.extend(cell.notes);
        }
        out.push(cells);
    }
    flush(&mut out, &mut blocks);
    (blocks, notes)
}

/// Whether a text is nothing but template control tags: Jinja statements `{% … %}` (docxtpl's
/// `{%tr …%}`, `{%tc …%}`, `{%p …%}`) or docxtemplater section tags `{#…}`, `{/…}`, `{^…}`.
/// Placeholders that print a value (`{{ … }}`, `{nom}`) are text, not control.
pub(crate) fn template_tags_only(text: &str) -> bool {
    let mut rest = text.trim();
    let mut tags = 0;
    while !rest.is_empty() {
        let close = if rest.starts_with("{%") {
            rest.find("%}").map(|i| i + 2)
        } else if rest.starts_with("{#") || rest.starts_with("{/") || rest.starts_with("{^") {
            rest.find('}').map(|i| i + 1)
        } else {
            None
        };
        let Some(end) = close else {
            return false;
        };
        tags += 1;
        rest = rest[end..].trim_start();
    }
    tags > 0
}

/// Text as typed in a run, hyphens as they print: a no-break hyphen (U+2011, which LibreOffice
/// writes for Word's `w:noBreakHyphen`) is a hyphen, a soft hyphen (U+00AD, `w:softHyphen`) only
/// marks where a word may break and is dropped, as both readers do for the Word elements.
pub(crate) fn typed(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\u{2011}', '\u{ad}']) {
        text.chars()
            .filter(|c| *c != '\u{ad}')
            .map(|c| if c == '\u{2011}' { '-' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A number set in superscript (a note call typed as such: `engagés<sup>1</sup>`) in the
/// superscript digits the text path reads as a call (`engagés¹`); `None` for any other text
/// (`1<sup>er</sup>` stays as it is).
pub(crate) fn superscript_number(text: &str) -> Option<String> {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let t = text.trim();
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => DIGITS[d as usize],
                _ => c,
            })
            .collect(),
    )
}

/// Appends a note call to a paragraph's text, glued to the word it follows: French typography
/// sets no space before a call, and a space typed there would part the call from its word.
pub(crate) fn push_call(text: &mut String, number: u32) {
    let kept = text
        .trim_end_matches([' ', '\u{a0}', '\u{202f}', '\t'])
        .len();
    text.truncate(kept);
    text.push_str(&format!("[^{number}]"));
}

/// Longest text kept as a heading, in characters: a longer paragraph in a heading style is text
/// set in large type (an address block, a bank account), not a title.
const MAX_HEADING: usize = 120;

fn heading_like(text: &str) -> bool {
    one_line(text).chars().count() <= MAX_HEADING
}

/// Whether a block holds no words.
pub(crate) fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The text on one line: line breaks and tabs become spaces, runs of spaces one space.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == '\n' || c == '\t' || c == ' ' || c == '\r' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// An attribute's value by qualified name, predefined entities and character references resolved.
pub(crate) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok().flatten()?;
    match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
        Ok(v) => Some(v.into_owned()),
        Err(_) => Some(a.value.to_string()),
    }
}

/// The text of an entity or character reference: predefined entities and character references
/// only; any other entity is dropped, never expanded.
pub(crate) fn reference(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    quick_xml::escape::resolve_predefined_entity(r)
        .unwrap_or("")
        .to_string()
}

/// The local name of an element (`w:p` → `p`) is not enough: parts mix namespaces, so elements are
/// matched on their qualified name, as every producer (Word, LibreOffice, pandoc) writes them.
pub(crate) fn qname<'a>(e: &'a BytesStart) -> &'a [u8] {
    e.name().into_inner().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_keeps_lists_tight_and_notes_after_the_list() {
        let mut b = Builder::default();
        b.push(Block::Heading(2, "Article 1 : Objet".into()));
        b.push(Block::Item(0, "- un[^1] ;".into()));
        b.note(1, "Une note.".into());
        b.push(Block::Item(1, "a) deux.".into()));
        b.push(Block::Rows(vec![vec!["a|b".into(), String::new()]]));
        assert_eq!(
            b.finish(),
            "## Article 1 : Objet\n\n- un[^1] ;\n  a) deux.\n\n[^1]: Une note.\n\n| a\\|b |  |\n"
        );
    }

    #[test]
    fn template_control_rows_are_told_from_text() {
        assert!(template_tags_only(
            "{%tr for rc in references_cadastrales %}"
        ));
        assert!(template_tags_only(" {%tr endfor %} "));
        assert!(template_tags_only("{% endif %}{% for a in b %}"));
        assert!(template_tags_only("{#familles}"));
        assert!(template_tags_only("{/familles}"));
        assert!(!template_tags_only("{{ rc.section }}"));
        assert!(!template_tags_only("{nomProjet}"));
        assert!(!template_tags_only("{% if x %}Article 1 : Objet"));
        assert!(!template_tags_only("Article 1 : Objet"));
        assert!(!template_tags_only(""));
        assert!(!template_tags_only("{% for x in y"));
    }

    #[test]
    fn superscript_numbers_become_calls() {
        assert_eq!(superscript_number("1").as_deref(), Some("¹"));
        assert_eq!(superscript_number("12").as_deref(), Some("¹²"));
        assert_eq!(superscript_number("1 ").as_deref(), Some("¹ "));
        assert_eq!(superscript_number("er"), None);
        assert_eq!(superscript_number("2 bis"), None);
        assert_eq!(superscript_number(""), None);
    }

    #[test]
    fn typed_hyphens_print_as_hyphens() {
        assert_eq!(typed("Aix\u{2011}Marseille"), "Aix-Marseille");
        assert_eq!(typed("con\u{ad}vention"), "convention");
        assert_eq!(typed("rien"), "rien");
    }

    #[test]
    fn a_note_call_is_glued_to_its_word() {
        let mut t = "En trois exemplaires \u{a0}".to_string();
        push_call(&mut t, 1);
        assert_eq!(t, "En trois exemplaires[^1]");
        let mut t = "ANSSI".to_string();
        push_call(&mut t, 2);
        assert_eq!(t, "ANSSI[^2]");
    }

    #[test]
    fn layout_rows_leave_the_table_template_rows_stay() {
        let cell = |t: &str, span: usize| TableCell {
            blocks: vec![Block::Para(t.into())],
            span,
            ..TableCell::default()
        };
        let rows = vec![
            vec![cell("Section", 1), cell("Numéro", 1)],
            vec![cell("{%tr for rc in refs %}", 2)],
            vec![cell("{{ rc.section }}", 1), cell("{{ rc.numero }}", 1)],
            vec![cell("{%tr endfor %}", 2)],
            vec![cell("Article 2 : Durée", 2)],
            vec![cell("La convention…", 1), cell("Commentaire", 1)],
        ];
        let (blocks, _) = table_blocks(rows, false);
        assert_eq!(
            blocks,
            [
                Block::Rows(vec![
                    vec!["Section".into(), "Numéro".into()],
                    vec!["{%tr for rc in refs %}".into(), String::new()],
                    vec!["{{ rc.section }}".into(), "{{ rc.numero }}".into()],
                    vec!["{%tr endfor %}".into(), String::new()],
                ]),
                Block::Para("Article 2 : Durée".into()),
                Block::Rows(vec![vec!["La convention…".into(), "Commentaire".into()]]),
            ]
        );
    }

    #[test]
    fn ole_files_are_told_apart() {
        let name =
            |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
        let mut enc = b"\xD0\xCF\x11\xE0xxxx".to_vec();
        enc.extend(name("EncryptionInfo"));
        assert!(ole_refusal(&enc).contains("mot de passe"));
        let mut doc = b"\xD0\xCF\x11\xE0xxxx".to_vec();
        doc.extend(name("WordDocument"));
        assert!(ole_refusal(&doc).contains("Word 97"));
    }
}

#[cfg(test)]
mod reader_tests {
    use crate::extract::{read_bytes, ReadOptions, Revisions};
    use std::io::Write;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut out);
            let o = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, text) in entries {
                z.start_file(*name, o).expect("entry");
                z.write_all(text.as_bytes()).expect("write");
            }
            z.finish().expect("finish");
        }
        out.into_inner()
    }

    fn docx(body: &str, extra: &[(&str, &str)], revisions: Revisions) -> String {
        let doc = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        let mut entries = vec![("word/document.xml", doc.as_str())];
        entries.extend_from_slice(extra);
        let options = ReadOptions {
            revisions,
            ..ReadOptions::default()
        };
        read_bytes("t.docx", &zip(&entries), &options)
            .expect("reads")
            .0
            .text
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn inline_content_fields_and_toc() {
        let body = format!(
            "{}{}{}",
            // A TOC field: its result is not body text.
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Article 1 ..... 3</w:t></w:r></w:p><w:p><w:r><w:t>Article 2 ..... 4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            // A date field keeps its displayed result; tab, break, no-break hyphen, soft hyphen.
            r#"<w:p><w:r><w:t xml:space="preserve">Le </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1er mars 2021</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t>porte</w:t><w:noBreakHyphen/><w:t>parole</w:t><w:softHyphen/><w:br/><w:t>AT&amp;T &#233;t&#xE9;</w:t></w:r></w:p>"#,
            p("fin")
        );
        assert_eq!(
            docx(&body, &[], Revisions::Accept),
            "Le 1er mars 2021 porte-parole\nAT&T été\n\nfin\n"
        );
    }

    #[test]
    fn tracked_changes_and_moves() {
        let body = r#"<w:p><w:r><w:t xml:space="preserve">jusqu'au </w:t></w:r><w:del w:id="1"><w:r><w:delText>30 juin</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>31 décembre</w:t></w:r></w:ins></w:p><w:p><w:moveFrom w:id="3"><w:r><w:t>déplacé</w:t></w:r></w:moveFrom></w:p><w:p><w:moveTo w:id="4"><w:r><w:t>ici</w:t></w:r></w:moveTo></w:p>"#;
        assert_eq!(
            docx(body, &[], Revisions::Accept),
            "jusqu'au 31 décembre\n\nici\n"
        );
        assert_eq!(
            docx(body, &[], Revisions::Reject),
            "jusqu'au 30 juin\n\ndéplacé\n"
        );
    }

    #[test]
    fn styles_numbering_tables_notes_and_text_boxes() {
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="Mon titre"/><w:basedOn w:val="Titre2"/></w:style></w:styles>"#
        );
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1 –"/><w:suff w:val="space"/><w:pStyle w:val="Titre2"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>"#
        );
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Voir l'annexe.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let body = format!(
            "{}{}{}{}{}",
            r#"<w:p><w:pPr><w:pStyle w:val="MonTitre"/></w:pPr><w:r><w:t>Objet</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr></w:pPr><w:r><w:t>troisième</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr></w:pPr><w:r><w:t>quatrième</w:t></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>"#,
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Poste</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Montant</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
            r#"<w:p><w:r><w:t>Avant</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>encadré</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>"#
        );
        let text = docx(
            &body,
            &[
                ("word/styles.xml", &styles),
                ("word/numbering.xml", &numbering),
                ("word/footnotes.xml", &notes),
            ],
            Revisions::Accept,
        );
        assert_eq!(
            text,
            "## Article 1 – Objet\n\nc) troisième[^1]\nd) quatrième\n\n[^1]: Voir l'annexe.\n\n| Poste |  | Montant |\n| A | B |  |\n\nAvant\n\nencadré\n"
        );
    }

    #[test]
    fn odt_headings_lists_notes_and_changes() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s" xmlns:table="tb"><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="°" style:num-format="1"/><text:list-level-style-bullet text:level="2" text:bullet-char="•"/></text:list-style></office:automatic-styles><office:body><office:text><text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>ancien</text:p></text:deletion></text:changed-region></text:tracked-changes><text:h text:outline-level="2">Article<text:s/>1 – Objet</text:h><text:list text:style-name="L1"><text:list-item><text:p>un<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Note.</text:p></text:note-body></text:note></text:p><text:list><text:list-item><text:p>sous</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>deux<text:line-break/>suite</text:p></text:list-item></text:list><office:annotation><text:p>commentaire</text:p></office:annotation><table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>a</text:p></table:table-cell><table:covered-table-cell/></table:table-row><table:table-row><table:table-cell><text:p>b</text:p></table:table-cell><table:table-cell><text:p>c</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>"#;
        let bytes = zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        let (source, diags) = read_bytes("t.odt", &bytes, &ReadOptions::default()).expect("reads");
        assert_eq!(
            source.text,
            "## Article 1 – Objet\n\n1° un[^1]\n  - sous\n2° deux suite\n\n[^1]: Note.\n\na\n\n| b | c |\n"
        );
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "modifications suivies acceptées : 0 insertion, 1 suppression",
                "1 commentaire ignoré (hors texte de la convention)"
            ]
        );
    }

    #[test]
    fn odt_tracked_changes_accepted_or_rejected() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:dc="d"><office:body><office:text><text:tracked-changes><text:changed-region text:id="c1"><text:insertion><office:change-info><dc:creator>Relectrice</dc:creator></office:change-info></text:insertion></text:changed-region><text:changed-region text:id="c2"><text:deletion><office:change-info><dc:creator>Relectrice</dc:creator><dc:date>2024-01-01</dc:date></office:change-info><text:p>30 juin</text:p></text:deletion></text:changed-region><text:changed-region text:id="c3"><text:deletion><office:change-info/><text:p>Un alinéa supprimé.</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>jusqu'au <text:change text:change-id="c2"/><text:change-start text:change-id="c1"/>31 décembre<text:change-end text:change-id="c1"/> inclus.</text:p><text:change text:change-id="c3"/><text:p>Fin.</text:p></office:text></office:body></office:document-content>"#;
        let bytes = zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        let read = |revisions| {
            let options = ReadOptions {
                revisions,
                ..ReadOptions::default()
            };
            read_bytes("t.odt", &bytes, &options).expect("reads")
        };
        let (accepted, diags) = read(Revisions::Accept);
        assert_eq!(accepted.text, "jusqu'au 31 décembre inclus.\n\nFin.\n");
        assert_eq!(
            diags[0].message,
            "modifications suivies acceptées : 1 insertion, 2 suppressions"
        );
        let (rejected, diags) = read(Revisions::Reject);
        assert_eq!(
            rejected.text,
            "jusqu'au 30 juin inclus.\n\nUn alinéa supprimé.\n\nFin.\n"
        );
        assert!(diags[0]
            .message
            .starts_with("modifications suivies refusées"));
    }

    #[test]
    fn odt_spans_covered_and_repeated_cells_keep_the_columns() {
        // A 3-column table: a heading cell spanning all three (one cell: a line of text), a row
        // spanning two columns then a cell, a cell spanning two rows (covered below), and a
        // run of three empty cells written once (number-columns-repeated).
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb"><office:body><office:text><table:table><table:table-column table:number-columns-repeated="3"/><table:table-row><table:table-cell table:number-columns-spanned="3"><text:p>Article 1 : Objet</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Nom :</text:p></table:table-cell><table:covered-table-cell/><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b</text:p></table:table-cell><table:table-cell><text:p>c</text:p></table:table-cell></table:table-row><table:table-row><table:covered-table-cell/><table:table-cell><text:p>d</text:p></table:table-cell><table:table-cell/></table:table-row><table:table-row><table:table-cell><text:p>e</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/></table:table-row></table:table></office:text></office:body></office:document-content>"#;
        let bytes = zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        let (source, _) = read_bytes("t.odt", &bytes, &ReadOptions::default()).expect("reads");
        assert_eq!(
            source.text,
            "Article 1 : Objet\n\n| Nom : |  |  |\n| a | b | c |\n|  | d |  |\n| e |  |  |\n"
        );
    }

    #[test]
    fn odt_frames_are_read_after_their_anchor() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:draw="d"><office:body><office:text><text:p>Avant<draw:frame text:anchor-type="paragraph"><draw:text-box><text:p>encadré<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Note.</text:p></text:note-body></text:note></text:p><text:p>second</text:p></draw:text-box></draw:frame> ancre</text:p><text:p>Après</text:p></office:text></office:body></office:document-content>"#;
        let bytes = zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        let (source, _) = read_bytes("t.odt", &bytes, &ReadOptions::default()).expect("reads");
        assert_eq!(
            source.text,
            "Avant ancre\n\nencadré[^1]\n\n[^1]: Note.\n\nsecond\n\nAprès\n"
        );
    }

    #[test]
    fn symbols_are_kept() {
        let body = r#"<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t xml:space="preserve"> accepte ; </w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t xml:space="preserve"> 18 ans</w:t></w:r></w:p>"#;
        assert_eq!(docx(body, &[], Revisions::Accept), "☑ accepte ; ≥ 18 ans\n");
    }

    #[test]
    fn blocks_know_their_paragraph() {
        let body = format!(
            "{}{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}",
            p("Article 1 – Objet"),
            "<w:p/>",
            p("a"),
            p("b"),
            p("Fin")
        );
        let doc = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        let bytes = zip(&[("word/document.xml", doc.as_str())]);
        let (source, _, locators) =
            crate::extract::read_bytes_located("t.docx", &bytes, &ReadOptions::default())
                .expect("reads");
        let at = |needle: &str| locators.at(source.text.find(needle).expect("in text"));
        assert_eq!(at("Article"), Some("word/document.xml §1"));
        assert_eq!(at("| a"), Some("word/document.xml §3"));
        assert_eq!(at("Fin"), Some("word/document.xml §5"));
    }
}
