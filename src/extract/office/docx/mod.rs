//! Word (.docx) reader: styles.xml (heading levels, style numbering), numbering.xml, foot- and
//! endnotes, then document.xml streamed into [`Block`]s. Headers, footers and comments are not read.

mod styles;

use super::numbering::{Label, WordNumbering};
use super::{
    attr, blank, one_line, qname, reference, table_blocks, Anchored, Block, Builder, Counts, Parts,
    Read, TableCell,
};
use crate::extract::text::Revisions;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use styles::{parse_numbering, parse_styles, Styles};

/// Reads the document's parts and returns its intermediate text.
pub(super) fn read(parts: &mut Parts, revisions: Revisions) -> Result<Read, String> {
    let styles = match parts.get("word/styles.xml")? {
        Some(xml) => parse_styles(&xml)?,
        None => Styles::default(),
    };
    let mut numbering = match parts.get("word/numbering.xml")? {
        Some(xml) => parse_numbering(&xml, &styles)?,
        None => WordNumbering::default(),
    };
    let mut notes = HashMap::new();
    let mut counts = Counts::default();
    for (part, kind) in [("word/footnotes.xml", "f"), ("word/endnotes.xml", "e")] {
        if let Some(xml) = parts.get(part)? {
            let mut w = Walker::new(&styles, &mut numbering, revisions, &notes);
            w.note_kind = kind;
            w.run(&xml, part)?;
            let found = std::mem::take(&mut w.found_notes);
            counts.add(&w.counts);
            notes.extend(found);
        }
    }
    let xml = parts
        .get("word/document.xml")?
        .ok_or("partie word/document.xml absente")?;
    let mut w = Walker::new(&styles, &mut numbering, revisions, &notes);
    w.run(&xml, "word/document.xml")?;
    counts.add(&w.counts);
    let (text, locators) = w.builder.finish_located();
    Ok(Read {
        text,
        counts,
        locators,
    })
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.insertions += other.insertions;
        self.deletions += other.deletions;
        self.moves += other.moves;
        self.comments += other.comments;
    }
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> String {
    format!("XML mal formé dans « {part} » ({e}) : document endommagé ; ré-enregistrez-le depuis le traitement de texte")
}

fn flag(e: &BytesStart) -> bool {
    !matches!(
        attr(e, "w:val").as_deref(),
        Some("false") | Some("0") | Some("off")
    )
}

fn number<T: std::str::FromStr>(e: &BytesStart) -> Option<T> {
    attr(e, "w:val")?.trim().parse().ok()
}

#[derive(Debug, Default)]
struct Para {
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    text: String,
    notes: Vec<(u32, String)>,
    /// Its number among the part's paragraphs (1-based), for its locator.
    ordinal: u32,
    /// The paragraphs of the text boxes anchored in it, read after it.
    boxes: Vec<Anchored>,
    /// Its paragraph mark is a tracked deletion (`w:pPr/w:rPr/w:del`) or insertion
    /// (`w:ins`): accepting (rejecting) the change joins the paragraph to the next one.
    mark_deleted: bool,
    mark_inserted: bool,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<TableCell>>,
    /// The number of its first paragraph, for its locator.
    first: u32,
}

#[derive(Debug)]
struct Field {
    instr: String,
    result: bool,
    hidden: bool,
}

struct Walker<'a> {
    styles: &'a Styles,
    numbering: &'a mut WordNumbering,
    revisions: Revisions,
    notes: &'a HashMap<String, String>,
    builder: Builder,
    counts: Counts,
    paras: Vec<Para>,
    tables: Vec<Table>,
    fields: Vec<Field>,
    skip: usize,
    in_ppr: bool,
    /// In the properties of a paragraph's mark (`w:pPr/w:rPr`): only its revision is read.
    in_mark_rpr: bool,
    /// A paragraph whose mark the revisions remove, waiting to be joined to the next one,
    /// and how many paragraphs enclosed it.
    carry: Option<(Para, usize)>,
    /// In a run's properties, and whether the run is set in superscript.
    in_rpr: bool,
    superscript: bool,
    in_tcpr: bool,
    in_text: bool,
    in_instr: bool,
    note_number: u32,
    /// In a notes part: "f" or "e", the note being read, and the notes found.
    note_kind: &'static str,
    note: Option<(String, String)>,
    found_notes: HashMap<String, String>,
    /// Per paragraph style: its heading level and numbering, resolved once.
    style_cache: HashMap<String, StyleInfo>,
    /// The part being read, and how many paragraphs it has opened so far.
    part: String,
    paragraphs: u32,
}

type StyleInfo = (Option<u8>, Option<(String, Option<u8>, String)>);

impl<'a> Walker<'a> {
    fn new(
        styles: &'a Styles,
        numbering: &'a mut WordNumbering,
        revisions: Revisions,
        notes: &'a HashMap<String, String>,
    ) -> Self {
        Walker {
            styles,
            numbering,
            revisions,
            notes,
            builder: Builder::default(),
            counts: Counts::default(),
            paras: Vec::new(),
            tables: Vec::new(),
            fields: Vec::new(),
            skip: 0,
            in_ppr: false,
            in_mark_rpr: false,
            carry: None,
            in_rpr: false,
            superscript: false,
            in_tcpr: false,
            in_text: false,
            in_instr: false,
            note_number: 0,
            note_kind: "",
            note: None,
            found_notes: HashMap::new(),
            style_cache: HashMap::new(),
            part: String::new(),
            paragraphs: 0,
        }
    }

    fn visible(&self) -> bool {
        self.skip == 0 && !self.in_ppr && self.fields.iter().all(|f| f.result && !f.hidden)
    }

    fn push_text(&mut self, s: &str) {
        if self.in_instr {
            if let Some(f) = self.fields.last_mut() {
                f.instr.push_str(s);
            }
        } else if self.in_text && self.visible() {
            let superscript = self.superscript;
            if let Some(p) = self.paras.last_mut() {
                match superscript.then(|| super::superscript_number(s)).flatten() {
                    Some(call) => p.text.push_str(&call),
                    None => p.text.push_str(&super::typed(s)),
                }
            }
        }
    }

    fn push_char(&mut self, c: &str) {
        if self.visible() {
            if let Some(p) = self.paras.last_mut() {
                p.text.push_str(c);
            }
        }
    }

    fn run(&mut self, xml: &str, part: &str) -> Result<(), String> {
        let mut reader = Reader::from_str(xml);
        self.part = part.to_string();
        loop {
            let event = reader.read_event().map_err(|e| {
                let at = super::locator(part, self.paragraphs.max(1));
                xml_error(&at, e)
            })?;
            match event {
                Event::Start(ref e) => {
                    if self.skip > 0 {
                        self.skip += 1;
                    } else {
                        self.start(e);
                    }
                }
                Event::Empty(ref e) if self.skip == 0 => self.empty(e),
                Event::End(ref e) => {
                    if self.skip > 0 {
                        self.skip -= 1;
                    } else {
                        self.end(e.name().into_inner().as_bytes());
                    }
                }
                Event::Text(ref t) if self.in_text || self.in_instr => {
                    let s = t.xml10_content();
                    self.push_text(&s);
                }
                Event::CData(ref t) if self.in_text || self.in_instr => {
                    let s = t.to_string();
                    self.push_text(&s);
                }
                Event::GeneralRef(ref r) if self.in_text || self.in_instr => {
                    let s = reference(r);
                    self.push_text(&s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        self.flush_carry();
        Ok(())
    }

    fn start(&mut self, e: &BytesStart) {
        let name = qname(e);
        if self.in_mark_rpr {
            self.mark_property(e);
            self.skip = 1;
            return;
        }
        if self.in_ppr {
            match name {
                b"w:rPr" => self.in_mark_rpr = true,
                b"w:pPrChange" | b"w:sectPr" => self.skip = 1,
                _ => self.paragraph_property(e),
            }
            return;
        }
        if self.in_tcpr {
            match name {
                b"w:tcPrChange" => self.skip = 1,
                _ => self.cell_property(e),
            }
            return;
        }
        if self.in_rpr {
            match name {
                b"w:rPrChange" => self.skip = 1,
                _ => self.run_property(e),
            }
            return;
        }
        match name {
            b"w:p" => {
                self.paragraphs += 1;
                let mut p = Para {
                    ordinal: self.paragraphs,
                    ..Para::default()
                };
                // The paragraph before, whose mark the revisions removed, runs into this one
                // (which keeps its own properties, as in Word).
                if self
                    .carry
                    .as_ref()
                    .is_some_and(|(_, depth)| *depth == self.paras.len())
                {
                    if let Some((before, _)) = self.carry.take() {
                        p.text = before.text;
                        p.notes = before.notes;
                        p.boxes = before.boxes;
                    }
                }
                self.paras.push(p);
            }
            b"w:pPr" if !self.paras.is_empty() => self.in_ppr = true,
            b"w:r" => self.superscript = false,
            b"w:rPr" => self.in_rpr = true,
            b"w:tblPr" | b"w:tblGrid" | b"w:trPr" | b"w:sectPr" | b"w:tblPrEx" | b"mc:Fallback"
            | b"w:sdtPr" | b"w:delInstrText" | b"w:pPr" => self.skip = 1,
            b"w:t" => self.in_text = true,
            b"w:delText" => self.in_text = self.revisions == Revisions::Reject,
            b"w:instrText" => self.in_instr = true,
            b"w:del" | b"w:moveFrom" => {
                if name == b"w:del" {
                    self.counts.deletions += 1;
                } else {
                    self.counts.moves += 1;
                }
                if self.revisions != Revisions::Reject {
                    self.skip = 1;
                }
            }
            b"w:ins" | b"w:moveTo" => {
                if name == b"w:ins" {
                    self.counts.insertions += 1;
                }
                if self.revisions == Revisions::Reject {
                    self.skip = 1;
                }
            }
            b"w:fldSimple" => {
                let instr = attr(e, "w:instr").unwrap_or_default();
                self.fields.push(Field {
                    hidden: hides(&instr),
                    instr,
                    result: true,
                });
            }
            b"w:tbl" => {
                self.flush_carry();
                self.tables.push(Table {
                    rows: Vec::new(),
                    first: self.paragraphs + 1,
                })
            }
            b"w:tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"w:tc" => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(TableCell {
                        span: 1,
                        ..TableCell::default()
                    });
                }
            }
            b"w:tcPr" => self.in_tcpr = true,
            b"w:footnote" | b"w:endnote" => {
                self.note = attr(e, "w:id").map(|id| (id, String::new()));
            }
            _ => self.empty(e),
        }
    }

    fn paragraph_property(&mut self, e: &BytesStart) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        match qname(e) {
            b"w:pStyle" => p.style = attr(e, "w:val"),
            b"w:numId" => p.num_id = attr(e, "w:val"),
            b"w:ilvl" => p.ilvl = number(e),
            b"w:outlineLvl" => p.outline = number(e),
            _ => {}
        }
    }

    /// A revision of the paragraph's mark.
    fn mark_property(&mut self, e: &BytesStart) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        match qname(e) {
            b"w:del" | b"w:moveFrom" => p.mark_deleted = true,
            b"w:ins" | b"w:moveTo" => p.mark_inserted = true,
            _ => {}
        }
    }

    /// The paragraph waiting for the next one, read alone when none follows in its place.
    fn flush_carry(&mut self) {
        if let Some((p, _)) = self.carry.take() {
            let boxes_and_block = (self.paragraph_block(&p), p.notes, p.ordinal, p.boxes);
            let (block, notes, ordinal, boxes) = boxes_and_block;
            match block {
                Some(b) => self.emit(b, notes, ordinal),
                None => self.attach_notes(notes),
            }
            for (b, notes, ordinal) in boxes {
                self.emit(b, notes, ordinal);
            }
        }
    }

    fn run_property(&mut self, e: &BytesStart) {
        if qname(e) == b"w:vertAlign" {
            self.superscript = attr(e, "w:val").as_deref() == Some("superscript");
        }
    }

    fn cell_property(&mut self, e: &BytesStart) {
        let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        else {
            return;
        };
        match qname(e) {
            b"w:gridSpan" => cell.span = number::<usize>(e).unwrap_or(1).clamp(1, 64),
            b"w:vMerge" => {
                cell.continued = attr(e, "w:val").is_none_or(|v| v == "continue");
            }
            b"w:hMerge" if attr(e, "w:val").is_none_or(|v| v == "continue") => {
                cell.continued = true;
            }
            _ => {}
        }
    }

    fn empty(&mut self, e: &BytesStart) {
        if self.in_mark_rpr {
            self.mark_property(e);
            return;
        }
        if self.in_ppr {
            self.paragraph_property(e);
            return;
        }
        if self.in_tcpr {
            self.cell_property(e);
            return;
        }
        if self.in_rpr {
            self.run_property(e);
            return;
        }
        match qname(e) {
            // An empty paragraph still counts in the locators' numbering.
            b"w:p" => self.paragraphs += 1,
            b"w:tab" | b"w:ptab" => self.push_char(" "),
            b"w:br" => match attr(e, "w:type").as_deref() {
                Some("page") | Some("column") => self.push_char(" "),
                _ => self.push_char("\n"),
            },
            b"w:cr" => self.push_char("\n"),
            b"w:noBreakHyphen" => self.push_char("-"),
            b"w:sym" => {
                let font = attr(e, "w:font").unwrap_or_default();
                let code = attr(e, "w:char")
                    .and_then(|c| u32::from_str_radix(c.trim(), 16).ok())
                    .unwrap_or(0);
                if let Some(c) = symbol(&font, code) {
                    self.push_char(c.encode_utf8(&mut [0; 4]));
                }
            }
            b"w:fldChar" => match attr(e, "w:fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field {
                    instr: String::new(),
                    result: false,
                    hidden: false,
                }),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        f.result = true;
                        f.hidden = hides(&f.instr);
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            b"w:footnoteReference" | b"w:endnoteReference" => {
                if !self.visible() {
                    return;
                }
                let kind = if qname(e) == b"w:footnoteReference" {
                    "f"
                } else {
                    "e"
                };
                let id = attr(e, "w:id").unwrap_or_default();
                let text = self
                    .notes
                    .get(&format!("{kind}{id}"))
                    .cloned()
                    .unwrap_or_default();
                self.note_number += 1;
                let n = self.note_number;
                if let Some(p) = self.paras.last_mut() {
                    super::push_call(&mut p.text, n);
                    p.notes.push((n, text));
                }
            }
            b"w:commentReference" => self.counts.comments += 1,
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"w:pPr" => self.in_ppr = false,
            b"w:rPr" if self.in_mark_rpr => self.in_mark_rpr = false,
            b"w:rPr" => self.in_rpr = false,
            b"w:r" => self.superscript = false,
            b"w:tcPr" => self.in_tcpr = false,
            b"w:tc" => self.flush_carry(),
            b"w:t" | b"w:delText" => self.in_text = false,
            b"w:instrText" => self.in_instr = false,
            b"w:fldSimple" => {
                self.fields.pop();
            }
            b"w:p" => self.end_paragraph(),
            b"w:tbl" => self.end_table(),
            b"w:footnote" | b"w:endnote" => {
                if let Some((id, text)) = self.note.take() {
                    self.found_notes
                        .insert(format!("{}{id}", self.note_kind), one_line(&text));
                }
            }
            _ => {}
        }
    }

    fn style_info(&mut self, style: Option<&str>) -> StyleInfo {
        let key = style.unwrap_or("");
        if let Some(info) = self.style_cache.get(key) {
            return info.clone();
        }
        let info = (self.styles.heading(style), self.styles.numbering(style));
        self.style_cache.insert(key.to_string(), info.clone());
        info
    }

    fn label(
        &mut self,
        p: &Para,
        from_style: Option<(String, Option<u8>, String)>,
    ) -> Option<(Label, u8)> {
        let (num_id, ilvl, style) = match (&p.num_id, from_style) {
            (Some(id), from_style) => (
                id.clone(),
                p.ilvl.or(from_style.as_ref().and_then(|s| s.1)),
                from_style.map(|s| s.2),
            ),
            (None, Some((id, ilvl, sid))) => (id, p.ilvl.or(ilvl), Some(sid)),
            (None, None) => return None,
        };
        if num_id == "0" {
            return None;
        }
        let ilvl = ilvl
            .or_else(|| {
                style
                    .as_deref()
                    .and_then(|s| self.numbering.level_of_style(&num_id, s))
            })
            .unwrap_or(0);
        self.numbering.next(&num_id, ilvl).map(|l| (l, ilvl))
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        if let Some((_, text)) = self.note.as_mut() {
            text.push(' ');
            text.push_str(&p.text);
            return;
        }
        // Its mark removed by the revisions read: it runs into the next paragraph.
        let removed = match self.revisions {
            Revisions::Reject => p.mark_inserted,
            _ => p.mark_deleted,
        };
        if removed && self.note.is_none() {
            self.flush_carry();
            let depth = self.paras.len();
            self.carry = Some((p, depth));
            return;
        }
        let boxes = std::mem::take(&mut p.boxes);
        let block = self.paragraph_block(&p);
        let mut notes = std::mem::take(&mut p.notes);
        // A paragraph inside a text box (its `w:p` within the anchoring `w:p`) is read in place:
        // after the paragraph it is anchored in, not before it.
        if let Some(outer) = self.paras.last_mut() {
            match block {
                Some(b) => outer.boxes.push((b, notes, p.ordinal)),
                None => outer.notes.append(&mut notes),
            }
            outer.boxes.extend(boxes);
            return;
        }
        match block {
            Some(b) => self.emit(b, notes, p.ordinal),
            None => self.attach_notes(notes),
        }
        for (b, notes, ordinal) in boxes {
            self.emit(b, notes, ordinal);
        }
    }

    /// The block a finished paragraph becomes, `None` when it holds no words.
    fn paragraph_block(&mut self, p: &Para) -> Option<Block> {
        let (style_heading, style_numbering) = self.style_info(p.style.as_deref());
        let label = self.label(p, style_numbering);
        let heading = p
            .outline
            .map(|o| (o < 9).then_some(o + 1))
            .unwrap_or(style_heading);
        let text = p.text.trim_start().to_string();
        let labelled = match label {
            Some((Label::Text { text: l, separated }, ilvl)) if !l.trim().is_empty() => {
                let sep = if separated { " " } else { "" };
                Some((format!("{}{sep}{text}", l.trim_end()), ilvl))
            }
            Some((Label::Bullet, ilvl)) => Some((format!("- {text}"), ilvl)),
            _ => None,
        };
        match (heading, labelled) {
            (Some(h), Some((t, _))) => Some(Block::Heading(h, t)),
            (_, _) if blank(&text) => None,
            (Some(h), None) => Some(Block::Heading(h, text)),
            (None, Some((t, ilvl))) => Some(Block::Item(ilvl, t)),
            (None, None) => Some(Block::Para(text)),
        }
    }

    fn attach_notes(&mut self, notes: Vec<(u32, String)>) {
        for (n, t) in notes {
            self.builder.note(n, t);
        }
    }

    fn emit(&mut self, block: Block, notes: Vec<(u32, String)>, ordinal: u32) {
        if let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            cell.blocks.push(block);
            cell.notes.extend(notes);
            return;
        }
        self.builder.here = Some(super::locator(&self.part, ordinal));
        self.builder.push(block);
        self.attach_notes(notes);
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        let first = table.first;
        let (blocks, mut notes) = table_blocks(table.rows, !self.tables.is_empty());
        let last = blocks.len().saturating_sub(1);
        for (i, b) in blocks.into_iter().enumerate() {
            let n = if i == last {
                std::mem::take(&mut notes)
            } else {
                Vec::new()
            };
            self.emit(b, n, first);
        }
        self.attach_notes(notes);
    }
}

/// Fields whose displayed result is not body text: tables of contents and indexes.
fn hides(instr: &str) -> bool {
    let word = instr.split_whitespace().next().unwrap_or("").to_uppercase();
    matches!(word.as_str(), "TOC" | "INDEX" | "TOA")
}

/// The Unicode character a `w:sym` shows: Symbol and Wingdings codes (`F0xx` or `00xx`) mapped
/// where Unicode has the glyph; any other code is kept as the character it names, so that nothing
/// is silently dropped.
fn symbol(font: &str, code: u32) -> Option<char> {
    let low = if (0xF020..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    let font = font.to_lowercase();
    let mapped = if font == "wingdings" {
        WINGDINGS.iter().find(|(c, _)| *c == low).map(|(_, u)| *u)
    } else if font == "symbol" {
        SYMBOL
            .iter()
            .find(|(c, _)| *c == low)
            .map(|(_, u)| *u)
            .or_else(|| {
                // Symbol's letters are Greek, in the order of the Latin letters they stand on.
                const UPPER: &str = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
                const LOWER: &str = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
                match low {
                    0x41..=0x5A => UPPER.chars().nth((low - 0x41) as usize),
                    0x61..=0x7A => LOWER.chars().nth((low - 0x61) as usize),
                    0x20..=0x3F => char::from_u32(low),
                    _ => None,
                }
            })
    } else {
        None
    };
    mapped.or_else(|| char::from_u32(code).filter(|c| !c.is_control()))
}

/// Wingdings codes with a Unicode equivalent (check boxes, bullets, arrows).
const WINGDINGS: &[(u32, char)] = &[
    (0x6C, '●'),
    (0x6E, '■'),
    (0x6F, '□'),
    (0x71, '❑'),
    (0x72, '❒'),
    (0x75, '◆'),
    (0x76, '❖'),
    (0x9F, '•'),
    (0xA7, '▪'),
    (0xA8, '◻'),
    (0xD8, '➢'),
    (0xE8, '➔'),
    (0xFB, '✗'),
    (0xFC, '✓'),
    (0xFD, '☒'),
    (0xFE, '☑'),
];

/// Symbol codes that are not Greek letters nor ASCII.
const SYMBOL: &[(u32, char)] = &[
    (0x22, '∀'),
    (0x24, '∃'),
    (0x27, '∋'),
    (0x2A, '∗'),
    (0x2D, '−'),
    (0x40, '≅'),
    (0x5C, '∴'),
    (0x5E, '⊥'),
    (0x7E, '∼'),
    (0xA2, '′'),
    (0xA3, '≤'),
    (0xA5, '∞'),
    (0xA7, '♣'),
    (0xA8, '♦'),
    (0xA9, '♥'),
    (0xAA, '♠'),
    (0xAB, '↔'),
    (0xAC, '←'),
    (0xAD, '↑'),
    (0xAE, '→'),
    (0xAF, '↓'),
    (0xB0, '°'),
    (0xB1, '±'),
    (0xB2, '″'),
    (0xB3, '≥'),
    (0xB4, '×'),
    (0xB5, '∝'),
    (0xB7, '•'),
    (0xB8, '÷'),
    (0xB9, '≠'),
    (0xBA, '≡'),
    (0xBB, '≈'),
    (0xBC, '…'),
    (0xD0, '∠'),
    (0xD2, '®'),
    (0xD3, '©'),
    (0xD4, '™'),
    (0xD6, '√'),
    (0xD7, '⋅'),
    (0xD8, '¬'),
    (0xD9, '∧'),
    (0xDA, '∨'),
    (0xDB, '⇔'),
    (0xDC, '⇐'),
    (0xDE, '⇒'),
    (0xE0, '◊'),
    (0xE5, '∑'),
    (0xF2, '∫'),
];

#[cfg(test)]
mod tests {
    use super::symbol;

    #[test]
    fn symbols_map_to_unicode() {
        assert_eq!(symbol("Wingdings", 0xF0FE), Some('☑'));
        assert_eq!(symbol("Wingdings", 0x6F), Some('□'));
        assert_eq!(symbol("Symbol", 0xF0B7), Some('•'));
        assert_eq!(symbol("Symbol", 0xF061), Some('α'));
        assert_eq!(symbol("Symbol", 0xF0A3), Some('≤'));
        // An unknown font keeps the character it names.
        assert_eq!(symbol("Arial", 0x2013), Some('–'));
        assert_eq!(symbol("Webdings", 0xF021), Some('\u{F021}'));
    }
}
