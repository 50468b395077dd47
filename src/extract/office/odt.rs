//! OpenDocument text (.odt) reader: list and outline styles (labels computed), then content.xml's
//! body streamed into [`Block`]s: `text:h` headings, lists, tables, notes; annotations counted.

use super::numbering::{NumFmt, OdfCounter, OdfLevel};
use super::{attr, blank, one_line, qname, reference, Block, Builder, Counts, Parts, Read};
use crate::extract::text::Revisions;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};

/// A list style: per level, its label style and whether it is a bullet.
type ListStyle = Vec<Option<(OdfLevel, bool)>>;

#[derive(Debug, Default)]
struct Styles {
    lists: HashMap<String, ListStyle>,
    outline: Vec<OdfLevel>,
    /// Paragraph style → (parent, default outline level).
    paragraphs: HashMap<String, (Option<String>, Option<u8>)>,
}

impl Styles {
    fn heading(&self, style: Option<&str>) -> Option<u8> {
        let mut cur = style.map(str::to_string);
        for _ in 0..20 {
            let name = cur?;
            if name == "Title" || name == "Titre" {
                return Some(1);
            }
            let (parent, level) = self.paragraphs.get(&name)?;
            if level.is_some() {
                return *level;
            }
            cur = parent.clone();
        }
        None
    }
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> String {
    format!("XML mal formé dans « {part} » ({e}) : document endommagé ; ré-enregistrez-le depuis le traitement de texte")
}

fn level_of(e: &BytesStart) -> (usize, OdfLevel) {
    let level = attr(e, "text:level")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 10)
        - 1;
    (
        level,
        OdfLevel {
            prefix: attr(e, "style:num-prefix").unwrap_or_default(),
            suffix: attr(e, "style:num-suffix").unwrap_or_default(),
            fmt: NumFmt::from_odf(&attr(e, "style:num-format").unwrap_or_default()),
            display_levels: attr(e, "text:display-levels")
                .and_then(|d| d.parse().ok())
                .unwrap_or(1),
            start: attr(e, "text:start-value")
                .and_then(|d| d.parse().ok())
                .unwrap_or(1),
        },
    )
}

fn parse_styles(xml: &str, part: &str, styles: &mut Styles) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let mut list: Option<String> = None;
    let mut in_outline = false;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(part, e))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => match qname(e) {
                b"text:list-style" => {
                    list = attr(e, "style:name");
                    if let Some(name) = &list {
                        styles.lists.insert(name.clone(), vec![None; 10]);
                    }
                }
                b"text:outline-style" => {
                    in_outline = true;
                    styles.outline = vec![
                        OdfLevel {
                            fmt: NumFmt::None,
                            ..OdfLevel::default()
                        };
                        10
                    ];
                }
                b"text:list-level-style-number" | b"text:outline-level-style" => {
                    let (level, l) = level_of(e);
                    if in_outline {
                        styles.outline[level] = l;
                    } else if let Some(ls) = list.as_ref().and_then(|n| styles.lists.get_mut(n)) {
                        ls[level] = Some((l, false));
                    }
                }
                b"text:list-level-style-bullet" | b"text:list-level-style-image" => {
                    let (level, l) = level_of(e);
                    if let Some(ls) = list.as_ref().and_then(|n| styles.lists.get_mut(n)) {
                        ls[level] = Some((l, true));
                    }
                }
                b"style:style" if attr(e, "style:family").as_deref() == Some("paragraph") => {
                    if let Some(name) = attr(e, "style:name") {
                        let outline = attr(e, "style:default-outline-level")
                            .and_then(|l| l.parse::<u8>().ok())
                            .filter(|l| (1..=10).contains(l));
                        styles
                            .paragraphs
                            .insert(name, (attr(e, "style:parent-style-name"), outline));
                    }
                }
                _ => {}
            },
            Event::End(ref e) => match e.name().into_inner().as_bytes() {
                b"text:list-style" => list = None,
                b"text:outline-style" => in_outline = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

/// Reads the document's parts and returns its intermediate text.
pub(super) fn read(parts: &mut Parts, revisions: Revisions) -> Result<Read, String> {
    let mut styles = Styles::default();
    if let Some(xml) = parts.get("styles.xml")? {
        parse_styles(&xml, "styles.xml", &mut styles)?;
    }
    let xml = parts
        .get("content.xml")?
        .ok_or("partie content.xml absente")?;
    parse_styles(&xml, "content.xml", &mut styles)?;
    let mut w = Walker {
        styles: &styles,
        builder: Builder::default(),
        counts: Counts::default(),
        paras: Vec::new(),
        lists: Vec::new(),
        counters: HashMap::new(),
        outline: OdfCounter::default(),
        tables: Vec::new(),
        covered: Vec::new(),
        skip: 0,
        note: None,
        note_number: 0,
        in_changes: false,
        reject: revisions == Revisions::Reject,
        region: None,
        deleted: HashMap::new(),
        inserted: HashSet::new(),
        in_deleted_text: 0,
        hidden: Vec::new(),
        paragraphs: 0,
        table_first: Vec::new(),
    };
    w.run(&xml)?;
    let (text, locators) = w.builder.finish_located();
    Ok(Read {
        text,
        counts: w.counts,
        locators,
    })
}

#[derive(Debug, Default)]
struct Para {
    heading: Option<u8>,
    label: Option<String>,
    bullet: bool,
    level: u8,
    text: String,
    notes: Vec<(u32, String)>,
    /// Its number among content.xml's paragraphs (1-based), for its locator.
    ordinal: u32,
    /// The paragraphs of the frames and text boxes anchored in it, read after it.
    boxes: Vec<super::Anchored>,
}

#[derive(Debug)]
struct List {
    style: Option<String>,
    labelled: bool,
    start_value: Option<u32>,
}

#[derive(Debug, Default)]
struct Cell {
    blocks: Vec<Block>,
    notes: Vec<(u32, String)>,
    continued: bool,
    span: usize,
    /// `table:number-columns-repeated`: the cell stands for this many identical cells.
    repeat: usize,
}

struct Walker<'a> {
    styles: &'a Styles,
    builder: Builder,
    counts: Counts,
    paras: Vec<Para>,
    lists: Vec<List>,
    counters: HashMap<String, OdfCounter>,
    outline: OdfCounter,
    tables: Vec<Vec<Vec<Cell>>>,
    /// Per open table: the cells of the current row still covered by a column span.
    covered: Vec<usize>,
    skip: usize,
    note: Option<(u32, String, usize)>,
    note_number: u32,
    in_changes: bool,
    /// `--revisions reject`: inserted ranges are left out, deleted text put back.
    reject: bool,
    /// In the tracked-changes list: the region being read and whether it is a deletion.
    region: Option<(String, bool)>,
    /// Deleted text by change id, and the ids of insertions.
    deleted: HashMap<String, String>,
    inserted: HashSet<String>,
    /// Depth of paragraphs inside a deletion being read.
    in_deleted_text: usize,
    /// Insertions open in the body while rejecting (their text is left out).
    hidden: Vec<String>,
    /// Paragraphs opened so far in the body, and the first paragraph of each open table.
    paragraphs: u32,
    table_first: Vec<u32>,
}

impl Walker<'_> {
    fn push(&mut self, s: &str) {
        if !self.hidden.is_empty() {
            return;
        }
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(&super::typed(s));
        }
    }

    fn run(&mut self, xml: &str) -> Result<(), String> {
        let mut reader = Reader::from_str(xml);
        let mut in_body = false;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error("content.xml", e))?;
            match event {
                Event::Start(ref e) => {
                    if self.skip > 0 {
                        self.skip += 1;
                        if self.in_changes {
                            self.count_change(e);
                            if matches!(qname(e), b"text:p" | b"text:h") && self.in_deletion() {
                                self.in_deleted_text += 1;
                            }
                        }
                    } else if qname(e) == b"office:text" {
                        in_body = true;
                    } else if in_body {
                        self.start(e, false);
                    }
                }
                Event::Empty(ref e) => {
                    if self.skip == 0 && in_body {
                        self.start(e, true);
                    } else if self.in_changes {
                        self.count_change(e);
                    }
                }
                Event::End(ref e) => {
                    if self.skip > 0 {
                        if self.in_changes {
                            self.end_change(e.name().into_inner().as_bytes());
                        }
                        self.skip -= 1;
                        if self.skip == 0 {
                            self.in_changes = false;
                        }
                    } else if in_body {
                        self.end(e.name().into_inner().as_bytes());
                    }
                }
                Event::Text(ref t) if self.skip == 0 && !self.paras.is_empty() => {
                    let s = t.xml10_content();
                    // Plain whitespace in ODF text is collapsed, as LibreOffice displays it.
                    let s = s.replace(['\n', '\r', '\t'], " ");
                    self.push(&s);
                }
                Event::GeneralRef(ref r) if self.skip == 0 && !self.paras.is_empty() => {
                    let s = reference(r);
                    self.push(&s);
                }
                Event::Text(ref t) if self.in_deleted_text > 0 => {
                    let s = t.xml10_content().replace(['\n', '\r', '\t'], " ");
                    self.deleted_text(&s);
                }
                Event::GeneralRef(ref r) if self.in_deleted_text > 0 => {
                    let s = reference(r);
                    self.deleted_text(&s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn in_deletion(&self) -> bool {
        self.region.as_ref().is_some_and(|(_, deletion)| *deletion)
    }

    fn deleted_text(&mut self, s: &str) {
        if let Some((id, true)) = &self.region {
            self.deleted.entry(id.clone()).or_default().push_str(s);
        }
    }

    fn count_change(&mut self, e: &BytesStart) {
        match qname(e) {
            b"text:changed-region" => {
                self.region = attr(e, "text:id")
                    .or_else(|| attr(e, "xml:id"))
                    .map(|id| (id, false));
            }
            b"text:insertion" => {
                self.counts.insertions += 1;
                if let Some((id, _)) = &self.region {
                    self.inserted.insert(id.clone());
                }
            }
            b"text:deletion" => {
                self.counts.deletions += 1;
                if let Some((id, deletion)) = self.region.as_mut() {
                    *deletion = true;
                    self.deleted.entry(id.clone()).or_default();
                }
            }
            _ => {}
        }
    }

    fn end_change(&mut self, name: &[u8]) {
        match name {
            b"text:p" | b"text:h" if self.in_deleted_text > 0 => {
                self.in_deleted_text -= 1;
                self.deleted_text("\n");
            }
            b"text:changed-region" => self.region = None,
            _ => {}
        }
    }

    /// A change mark in the body, when rejecting: an insertion's text is left out, a deletion's
    /// text put back where it was.
    fn change_mark(&mut self, e: &BytesStart) {
        if !self.reject {
            return;
        }
        let Some(id) = attr(e, "text:change-id") else {
            return;
        };
        match qname(e) {
            b"text:change-start" if self.inserted.contains(&id) => self.hidden.push(id),
            b"text:change-end" => self.hidden.retain(|h| *h != id),
            b"text:change" => {
                if let Some(text) = self.deleted.get(&id) {
                    let text = text.trim_end_matches('\n').to_string();
                    if self.paras.is_empty() {
                        // Whole paragraphs deleted between two paragraphs.
                        for line in text.split('\n').filter(|l| !blank(l)) {
                            let ordinal = self.paragraphs;
                            self.emit(Block::Para(line.trim().to_string()), Vec::new(), ordinal);
                        }
                    } else {
                        self.push(&text);
                    }
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = qname(e);
        match name {
            b"text:tracked-changes" if !empty => {
                self.skip = 1;
                self.in_changes = true;
            }
            b"office:annotation" => {
                self.counts.comments += 1;
                if !empty {
                    self.skip = 1;
                }
            }
            b"text:note-citation"
            | b"text:table-of-content"
            | b"text:alphabetical-index"
            | b"text:illustration-index"
            | b"text:table-index"
            | b"text:bibliography"
            | b"text:sequence-decls"
            | b"text:variable-decls"
            | b"text:user-field-decls"
            | b"office:forms"
            | b"svg:title"
            | b"svg:desc"
            | b"table:table-columns"
            | b"table:table-column"
            | b"office:annotation-end"
                if !empty =>
            {
                self.skip = 1;
            }
            b"text:change-start" | b"text:change-end" | b"text:change" => self.change_mark(e),
            b"text:p" | b"text:h" => {
                self.paragraphs += 1;
                let mut p = Para {
                    ordinal: self.paragraphs,
                    ..Para::default()
                };
                if name == b"text:h" {
                    p.heading = Some(
                        attr(e, "text:outline-level")
                            .and_then(|l| l.parse().ok())
                            .unwrap_or(1),
                    );
                } else {
                    p.heading = self.styles.heading(attr(e, "text:style-name").as_deref());
                }
                if self.note.is_none() {
                    self.label(
                        &mut p,
                        name == b"text:h"
                            && attr(e, "text:is-list-header").as_deref() != Some("true"),
                    );
                }
                if empty {
                    self.paras.push(p);
                    self.end_paragraph();
                } else {
                    self.paras.push(p);
                }
            }
            b"text:list" => {
                let own = attr(e, "text:style-name");
                let style = own
                    .clone()
                    .or_else(|| self.lists.last().and_then(|l| l.style.clone()));
                if self.lists.is_empty() {
                    let continues = attr(e, "text:continue-numbering").as_deref() == Some("true")
                        || attr(e, "text:continue-list").is_some();
                    if let Some(s) = &style {
                        if !continues {
                            self.counters.insert(s.clone(), OdfCounter::default());
                        }
                    }
                }
                if !empty {
                    self.lists.push(List {
                        style,
                        labelled: true,
                        start_value: None,
                    });
                }
            }
            b"text:list-item" => {
                if let Some(l) = self.lists.last_mut() {
                    l.labelled = false;
                    l.start_value = attr(e, "text:start-value").and_then(|v| v.parse().ok());
                }
            }
            b"text:list-header" => {
                if let Some(l) = self.lists.last_mut() {
                    l.labelled = true;
                }
            }
            b"text:s" => {
                let n = attr(e, "text:c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(1000);
                self.push(&" ".repeat(n));
            }
            b"text:tab" => self.push(" "),
            b"text:line-break" => self.push("\n"),
            b"text:note" => {
                self.note_number += 1;
                let n = self.note_number;
                if self.hidden.is_empty() {
                    if let Some(p) = self.paras.last_mut() {
                        super::push_call(&mut p.text, n);
                    }
                }
                if !empty {
                    self.note = Some((n, String::new(), self.paras.len()));
                }
            }
            b"table:table" => {
                self.tables.push(Vec::new());
                self.covered.push(0);
                self.table_first.push(self.paragraphs + 1);
            }
            b"table:table-row" => {
                if let Some(t) = self.tables.last_mut() {
                    t.push(Vec::new());
                }
                if let Some(c) = self.covered.last_mut() {
                    *c = 0;
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let count = |a: &str| {
                    attr(e, a)
                        .and_then(|n| n.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 64)
                };
                let mut repeat = count("table:number-columns-repeated");
                let covered = name == b"table:covered-table-cell";
                // The cells a column span covers are written after it as covered cells: they
                // are the span, as Word's gridSpan is, not cells of their own. A covered cell
                // under no pending span continues a row span from above (Word's vMerge).
                let pending = self.covered.last_mut();
                if covered {
                    if let Some(p) = pending {
                        let taken = repeat.min(*p);
                        *p -= taken;
                        repeat -= taken;
                    }
                    if repeat == 0 {
                        return;
                    }
                } else {
                    let span = count("table:number-columns-spanned");
                    if let Some(p) = pending {
                        *p = span - 1;
                    }
                }
                if let Some(r) = self.tables.last_mut().and_then(|t| t.last_mut()) {
                    let span = if covered {
                        1
                    } else {
                        count("table:number-columns-spanned")
                    };
                    r.push(Cell {
                        continued: covered,
                        span,
                        repeat,
                        ..Cell::default()
                    });
                }
            }
            _ => {}
        }
    }

    fn label(&mut self, p: &mut Para, outline: bool) {
        if let Some(depth) = self.lists.len().checked_sub(1) {
            let list = &self.lists[depth];
            if list.labelled {
                return;
            }
            let Some(style_name) = list.style.clone() else {
                return;
            };
            let start = list.start_value;
            self.lists[depth].labelled = true;
            p.level = depth as u8;
            let Some(style) = self.styles.lists.get(&style_name) else {
                p.bullet = true;
                return;
            };
            let levels: Vec<OdfLevel> = style
                .iter()
                .map(|l| l.as_ref().map(|l| l.0.clone()).unwrap_or_default())
                .collect();
            let bullet = style
                .get(depth)
                .and_then(|l| l.as_ref())
                .is_some_and(|l| l.1);
            let counter = self.counters.entry(style_name).or_default();
            let label = counter.next(&levels, depth, start);
            if bullet {
                p.bullet = true;
            } else {
                p.label = label;
            }
        } else if outline {
            if let Some(h) = p.heading {
                let levels = self.styles.outline.clone();
                if !levels.is_empty() {
                    p.label = self
                        .outline
                        .next(&levels, h.saturating_sub(1) as usize, None);
                }
            }
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"text:p" | b"text:h" => self.end_paragraph(),
            b"text:list" => {
                self.lists.pop();
            }
            b"text:note" => {
                if let Some((n, text, _)) = self.note.take() {
                    if let Some(p) = self.paras.last_mut() {
                        p.notes.push((n, one_line(&text)));
                    }
                }
            }
            b"table:table" => self.end_table(),
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        if let Some((_, text, depth)) = self.note.as_mut() {
            if self.paras.len() >= *depth {
                text.push(' ');
                text.push_str(&p.text);
                return;
            }
        }
        let boxes = std::mem::take(&mut p.boxes);
        let text = p.text.trim().to_string();
        let labelled = match (&p.label, p.bullet) {
            (_, true) => Some(format!("- {text}")),
            (Some(l), _) if !l.trim().is_empty() => Some(format!("{} {text}", l.trim_end())),
            _ => None,
        };
        let block = match (p.heading, labelled) {
            _ if blank(&text) => None,
            (Some(h), Some(t)) => Some(Block::Heading(h, t)),
            (Some(h), None) => Some(Block::Heading(h, text)),
            (None, Some(t)) => Some(Block::Item(p.level, t)),
            (None, None) => Some(Block::Para(text)),
        };
        // A paragraph of a frame or text box (`draw:frame` anchored in a paragraph) is read in
        // place: after the paragraph it is anchored in, not before it.
        if let Some(outer) = self.paras.last_mut() {
            match block {
                Some(b) => outer.boxes.push((b, p.notes, p.ordinal)),
                None => outer.notes.extend(p.notes),
            }
            outer.boxes.extend(boxes);
            return;
        }
        match block {
            Some(b) => self.emit(b, p.notes, p.ordinal),
            None => {
                for (n, t) in p.notes {
                    self.builder.note(n, t);
                }
            }
        }
        for (b, notes, ordinal) in boxes {
            self.emit(b, notes, ordinal);
        }
    }

    fn emit(&mut self, block: Block, notes: Vec<(u32, String)>, ordinal: u32) {
        if let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.last_mut())
            .and_then(|r| r.last_mut())
        {
            cell.blocks.push(block);
            cell.notes.extend(notes);
            return;
        }
        self.builder.here = Some(super::locator("content.xml", ordinal));
        self.builder.push(block);
        for (n, t) in notes {
            self.builder.note(n, t);
        }
    }

    fn end_table(&mut self) {
        let Some(rows) = self.tables.pop() else {
            return;
        };
        self.covered.pop();
        let first = self.table_first.pop().unwrap_or(self.paragraphs);
        let (blocks, notes) = super::table_blocks(
            rows.into_iter()
                .map(|r| {
                    let mut cells = Vec::with_capacity(r.len());
                    for c in r {
                        // A repeated cell is written once for several identical ones (LibreOffice
                        // does so for runs of empty cells): each copy is a column, its notes once.
                        for _ in 1..c.repeat {
                            cells.push(super::TableCell {
                                blocks: c.blocks.clone(),
                                notes: Vec::new(),
                                span: c.span,
                                continued: c.continued,
                            });
                        }
                        cells.push(super::TableCell {
                            blocks: c.blocks,
                            notes: c.notes,
                            span: c.span,
                            continued: c.continued,
                        });
                    }
                    cells
                })
                .collect(),
            !self.tables.is_empty(),
        );
        let last = blocks.len().saturating_sub(1);
        let mut notes = Some(notes);
        for (i, b) in blocks.into_iter().enumerate() {
            let n = if i == last {
                notes.take().unwrap_or_default()
            } else {
                Vec::new()
            };
            self.emit(b, n, first);
        }
        for (n, t) in notes.unwrap_or_default() {
            self.builder.note(n, t);
        }
    }
}
