//! Word documents: the « document comparé » of a [`Comparison`] (the new version with tracked
//! changes: accepting them all gives the new version, rejecting them all the old one) and the
//! avenant ready to sign. WordprocessingML written with `quick-xml`, packed with `zip`.
//!
//! Elements are written in the order the schema requires (`w:pPr` before runs, `w:rPr` before
//! text, `w:tblPr` / `w:tblGrid` before rows). Revision ids count from 1 in document order and
//! the zip entries carry a fixed timestamp, so the same input gives the same bytes.

use super::diff_common::{new_place, old_order, old_place};
use crate::avenant::formules::{self, Style};
use crate::avenant::model::Avenant;
use crate::diff::{Comparison, Field, PairDiff};
use crate::model::{Document, NodeId, NodeKind};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::collections::HashMap;
use std::io::{self, Seek, Write};

/// Author of every tracked change.
pub const AUTHOR: &str = "avenant";

/// Options of the document comparé.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// `w:date` of every revision (xsd:dateTime, `2026-01-31T00:00:00Z`).
    pub date: String,
    /// `w:author` of every revision.
    pub author: String,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            date: "2000-01-01T00:00:00Z".to_string(),
            author: AUTHOR.to_string(),
        }
    }
}

/// Reads `AAAA-MM-JJ` or `AAAA-MM-JJTHH:MM:SSZ` into a `w:date` value.
pub fn parse_date(text: &str) -> Result<String, String> {
    let t = text.trim();
    let bad = || format!("date invalide « {t} » : attendu AAAA-MM-JJ (par exemple 2026-01-31)");
    let (day, time) = match t.split_once('T') {
        Some((d, rest)) => (d, Some(rest.trim_end_matches('Z'))),
        None => (t, None),
    };
    let parts: Vec<&str> = day.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let ok = y.len() == 4
        && m.len() == 2
        && d.len() == 2
        && [y, m, d]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let (mn, dn) = (m.parse::<u32>().unwrap_or(0), d.parse::<u32>().unwrap_or(0));
    if !ok || !(1..=12).contains(&mn) || !(1..=31).contains(&dn) {
        return Err(bad());
    }
    let time = match time {
        None => "00:00:00".to_string(),
        Some(h) => {
            let hp: Vec<&str> = h.split(':').collect();
            if hp.len() != 3
                || hp
                    .iter()
                    .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(bad());
            }
            h.to_string()
        }
    };
    Ok(format!("{y}-{m}-{d}T{time}Z"))
}

/// The current UTC time as a `w:date` value.
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Characters XML 1.0 forbids are dropped; everything else is escaped by quick-xml.
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}'
        })
        .collect()
}

/// A thin layer over quick-xml's writer.
struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    fn new() -> Xml {
        let mut w = Writer::new(Vec::new());
        let _ = w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        Xml { w }
    }
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut e = BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, xml_text(v).as_str()));
        }
        let _ = self.w.write_event(Event::Start(e));
    }
    fn close(&mut self, name: &str) {
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }
    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut e = BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, xml_text(v).as_str()));
        }
        let _ = self.w.write_event(Event::Empty(e));
    }
    fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        let t = xml_text(text);
        let _ = self.w.write_event(Event::Text(BytesText::new(&t)));
        self.close(name);
    }
    fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Same(String),
    Del(String),
    Ins(String),
}

/// How a whole paragraph (its mark) is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    Inserted,
    Deleted,
}

/// A paragraph to write.
struct Para {
    style: Option<String>,
    pieces: Vec<Piece>,
    mark: Mark,
    comment: Option<String>,
    bold: bool,
    center: bool,
}

impl Para {
    fn plain(style: Option<&str>, text: &str) -> Para {
        Para {
            style: style.map(str::to_string),
            pieces: vec![Piece::Same(text.to_string())],
            mark: Mark::None,
            comment: None,
            bold: false,
            center: false,
        }
    }
}

/// A table row: its cells, and the row's own tracking.
struct TRow {
    cells: Vec<Vec<Piece>>,
    mark: Mark,
}

impl TRow {
    fn whole(cells: &[String], mark: Mark) -> TRow {
        let piece = |t: &String| match mark {
            Mark::None => Piece::Same(t.clone()),
            Mark::Inserted => Piece::Ins(t.clone()),
            Mark::Deleted => Piece::Del(t.clone()),
        };
        TRow {
            cells: cells.iter().map(|c| vec![piece(c)]).collect(),
            mark,
        }
    }
}

enum Block {
    Para(Para),
    Table(Vec<TRow>),
    /// The signature table of an avenant: one column per party.
    Signatures(Vec<(String, String)>),
}

/// The document body being built, with revision and comment counters.
struct Body {
    x: Xml,
    author: String,
    date: String,
    next_id: usize,
    comments: Vec<(usize, String)>,
}

impl Body {
    fn new(options: &DocxOptions) -> Body {
        let mut x = Xml::new();
        x.open("w:document", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
        x.open("w:body", &[]);
        Body {
            x,
            author: options.author.clone(),
            date: options.date.clone(),
            next_id: 1,
            comments: Vec::new(),
        }
    }

    fn id(&mut self) -> String {
        let id = self.next_id;
        self.next_id += 1;
        id.to_string()
    }

    fn revision(&mut self, name: &str) {
        let id = self.id();
        let (author, date) = (self.author.clone(), self.date.clone());
        self.x.empty(
            name,
            &[("w:id", &id), ("w:author", &author), ("w:date", &date)],
        );
    }

    fn run(&mut self, text: &str, deleted: bool, bold: bool) {
        self.x.open("w:r", &[]);
        if bold {
            self.x.open("w:rPr", &[]);
            self.x.empty("w:b", &[]);
            self.x.close("w:rPr");
        }
        let tag = if deleted { "w:delText" } else { "w:t" };
        self.x.text(tag, &[("xml:space", "preserve")], text);
        self.x.close("w:r");
    }

    fn tracked(&mut self, name: &str, text: &str, bold: bool) {
        let id = self.id();
        let (author, date) = (self.author.clone(), self.date.clone());
        self.x.open(
            name,
            &[("w:id", &id), ("w:author", &author), ("w:date", &date)],
        );
        self.run(text, name == "w:del", bold);
        self.x.close(name);
    }

    fn para(&mut self, p: &Para) {
        self.x.open("w:p", &[]);
        // CT_PPr: pStyle … jc … rPr (the paragraph mark's revision).
        if p.style.is_some() || p.mark != Mark::None || p.center {
            self.x.open("w:pPr", &[]);
            if let Some(s) = &p.style {
                self.x.empty("w:pStyle", &[("w:val", s)]);
            }
            if p.center {
                self.x.empty("w:jc", &[("w:val", "center")]);
            }
            match p.mark {
                Mark::Inserted => {
                    self.x.open("w:rPr", &[]);
                    self.revision("w:ins");
                    self.x.close("w:rPr");
                }
                Mark::Deleted => {
                    self.x.open("w:rPr", &[]);
                    self.revision("w:del");
                    self.x.close("w:rPr");
                }
                Mark::None => {}
            }
            self.x.close("w:pPr");
        }
        let comment = p.comment.as_ref().map(|c| {
            let id = self.comments.len();
            self.comments.push((id, c.clone()));
            id.to_string()
        });
        if let Some(id) = &comment {
            self.x.empty("w:commentRangeStart", &[("w:id", id)]);
        }
        for piece in &p.pieces {
            match piece {
                Piece::Same(t) if !t.is_empty() => self.run(t, false, p.bold),
                Piece::Del(t) if !t.is_empty() => self.tracked("w:del", t, p.bold),
                Piece::Ins(t) if !t.is_empty() => self.tracked("w:ins", t, p.bold),
                _ => {}
            }
        }
        if let Some(id) = &comment {
            self.x.empty("w:commentRangeEnd", &[("w:id", id)]);
            self.x.open("w:r", &[]);
            self.x.open("w:rPr", &[]);
            self.x.empty("w:rStyle", &[("w:val", "CommentReference")]);
            self.x.close("w:rPr");
            self.x.empty("w:commentReference", &[("w:id", id)]);
            self.x.close("w:r");
        }
        self.x.close("w:p");
    }

    fn table_start(&mut self, columns: usize, borders: bool) {
        self.x.open("w:tbl", &[]);
        self.x.open("w:tblPr", &[]);
        if borders {
            self.x.empty("w:tblStyle", &[("w:val", "TableGrid")]);
        }
        self.x
            .empty("w:tblW", &[("w:w", "5000"), ("w:type", "pct")]);
        // The first row is the header row (pandoc and Word read it from tblLook).
        let first = if borders { "1" } else { "0" };
        self.x.empty(
            "w:tblLook",
            &[
                ("w:val", if borders { "04A0" } else { "0000" }),
                ("w:firstRow", first),
                ("w:lastRow", "0"),
                ("w:firstColumn", "0"),
                ("w:lastColumn", "0"),
                ("w:noHBand", "1"),
                ("w:noVBand", "1"),
            ],
        );
        self.x.close("w:tblPr");
        self.x.open("w:tblGrid", &[]);
        let width = (9000 / columns.max(1)).to_string();
        for _ in 0..columns {
            self.x.empty("w:gridCol", &[("w:w", &width)]);
        }
        self.x.close("w:tblGrid");
    }

    fn table(&mut self, rows: &[TRow]) {
        let columns = rows.iter().map(|r| r.cells.len()).max().unwrap_or(1);
        self.table_start(columns, true);
        for (i, row) in rows.iter().enumerate() {
            self.x.open("w:tr", &[]);
            if i == 0 || row.mark != Mark::None {
                self.x.open("w:trPr", &[]);
                if i == 0 {
                    self.x.empty("w:tblHeader", &[]);
                }
                match row.mark {
                    Mark::Inserted => self.revision("w:ins"),
                    Mark::Deleted => self.revision("w:del"),
                    Mark::None => {}
                }
                self.x.close("w:trPr");
            }
            for c in 0..columns {
                let pieces = row.cells.get(c).cloned().unwrap_or_default();
                self.x.open("w:tc", &[]);
                self.para(&Para {
                    style: None,
                    pieces,
                    mark: row.mark,
                    comment: None,
                    bold: false,
                    center: false,
                });
                self.x.close("w:tc");
            }
            self.x.close("w:tr");
        }
        self.x.close("w:tbl");
        // Word wants a paragraph between two tables and at the end of a cell or body.
        self.para(&Para::plain(None, ""));
    }

    fn signatures(&mut self, parties: &[(String, String)]) {
        let columns = parties.len().max(1);
        self.table_start(columns, false);
        self.x.open("w:tr", &[]);
        for (pour, who) in parties {
            self.x.open("w:tc", &[]);
            let mut p = Para::plain(None, pour);
            p.bold = true;
            self.para(&p);
            self.para(&Para::plain(None, who));
            for _ in 0..3 {
                self.para(&Para::plain(None, ""));
            }
            self.x.close("w:tc");
        }
        self.x.close("w:tr");
        self.x.close("w:tbl");
        self.para(&Para::plain(None, ""));
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Para(p) => self.para(p),
            Block::Table(rows) => self.table(rows),
            Block::Signatures(s) => self.signatures(s),
        }
    }

    fn finish(mut self, landscape: bool) -> (Vec<u8>, Vec<(usize, String)>) {
        // CT_SectPr: pgSz, pgMar — A4.
        self.x.open("w:sectPr", &[]);
        if landscape {
            self.x.empty(
                "w:pgSz",
                &[
                    ("w:w", "16838"),
                    ("w:h", "11906"),
                    ("w:orient", "landscape"),
                ],
            );
        } else {
            self.x
                .empty("w:pgSz", &[("w:w", "11906"), ("w:h", "16838")]);
        }
        self.x.empty(
            "w:pgMar",
            &[
                ("w:top", "1418"),
                ("w:right", "1418"),
                ("w:bottom", "1418"),
                ("w:left", "1418"),
                ("w:header", "709"),
                ("w:footer", "709"),
                ("w:gutter", "0"),
            ],
        );
        self.x.close("w:sectPr");
        self.x.close("w:body");
        self.x.close("w:document");
        let comments = std::mem::take(&mut self.comments);
        (self.x.finish(), comments)
    }
}

/// Pieces of a text changed from `old` to `new` given the change ranges: equal stretches kept,
/// changed words deleted then inserted. Accepting gives exactly `new`, rejecting exactly `old`.
fn pieces(
    old: &str,
    new: &str,
    ranges: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut co, mut cn) = (0, 0);
    let same = |out: &mut Vec<Piece>, o: &str, n: &str| {
        if o == n {
            out.push(Piece::Same(n.to_string()));
        } else {
            out.push(Piece::Del(o.to_string()));
            out.push(Piece::Ins(n.to_string()));
        }
    };
    for (ro, rn) in ranges {
        if ro.start < co || rn.start < cn || ro.end > old.len() || rn.end > new.len() {
            continue;
        }
        let (Some(eo), Some(en)) = (old.get(co..ro.start), new.get(cn..rn.start)) else {
            continue;
        };
        let (Some(d), Some(i)) = (old.get(ro.clone()), new.get(rn.clone())) else {
            continue;
        };
        same(&mut out, eo, en);
        out.push(Piece::Del(d.to_string()));
        out.push(Piece::Ins(i.to_string()));
        co = ro.end;
        cn = rn.end;
    }
    match (old.get(co..), new.get(cn..)) {
        (Some(o), Some(n)) => same(&mut out, o, n),
        _ => {
            out.clear();
            out.push(Piece::Del(old.to_string()));
            out.push(Piece::Ins(new.to_string()));
        }
    }
    out.retain(|p| !matches!(p, Piece::Same(t) | Piece::Del(t) | Piece::Ins(t) if t.is_empty()));
    out
}

/// Style and text of a node's own paragraph, as the Markdown renderer lays the document out
/// (so that the text read back from Word parses into the same tree).
fn own_paragraph(doc: &Document, id: NodeId, depth: usize) -> Option<(Option<String>, String)> {
    let node = doc.node(id);
    let heading = |level: usize| Some(format!("Heading{}", level.clamp(1, 6)));
    match node.kind {
        NodeKind::Titre => Some((heading(1), node.text.clone())),
        NodeKind::Article | NodeKind::Annexe => Some((heading(depth + 2), node.text.clone())),
        NodeKind::Structure => {
            let level = if node.level > 8 {
                (node.level - 8) as usize
            } else {
                depth + 2
            };
            Some((heading(level), node.text.clone()))
        }
        NodeKind::Preambule if !node.text.is_empty() => Some((heading(2), node.text.clone())),
        NodeKind::Alinea | NodeKind::Note => Some((None, node.text.clone())),
        NodeKind::Item => {
            let indent = "\u{a0}\u{a0}".repeat(node.level as usize);
            if node.label.is_some() {
                Some((None, format!("{indent}{}", node.text)))
            } else {
                Some((None, format!("{indent}• {}", node.text)))
            }
        }
        _ => None,
    }
}

/// The comparison walked in the new document's order, moves as deletion + insertion.
struct Compared<'a> {
    cmp: &'a Comparison,
    blocks: Vec<Block>,
    /// Moved pairs by the old node their old parent is.
    moved_from: HashMap<NodeId, Vec<&'a PairDiff>>,
    rank: HashMap<NodeId, usize>,
}

impl<'a> Compared<'a> {
    fn new(cmp: &'a Comparison) -> Self {
        let mut moved_from: HashMap<NodeId, Vec<&PairDiff>> = HashMap::new();
        for p in cmp.iter() {
            if let (true, Some(o), Some(_)) = (p.moved, p.old, p.new) {
                if let Some(parent) = cmp.old.parent(o) {
                    moved_from.entry(parent).or_default().push(p);
                }
            }
        }
        let rank = old_order(cmp);
        Compared {
            cmp,
            blocks: Vec::new(),
            moved_from,
            rank,
        }
    }

    /// A whole subtree of one side, every paragraph inserted or deleted.
    fn whole(
        &mut self,
        doc_old: bool,
        id: NodeId,
        depth: usize,
        mark: Mark,
        comment: Option<String>,
    ) {
        let doc = if doc_old {
            &self.cmp.old
        } else {
            &self.cmp.new
        };
        let node = doc.node(id);
        if node.kind == NodeKind::Table {
            let rows = node
                .children
                .iter()
                .map(|r| TRow::whole(&doc.node(*r).cells, mark))
                .collect();
            self.blocks.push(Block::Table(rows));
            return;
        }
        let mut comment = comment;
        if let Some((style, text)) = own_paragraph(doc, id, depth) {
            let piece = if mark == Mark::Deleted {
                Piece::Del(text)
            } else {
                Piece::Ins(text)
            };
            self.blocks.push(Block::Para(Para {
                style,
                pieces: vec![piece],
                mark,
                comment: comment.take(),
                bold: false,
                center: false,
            }));
        }
        let next = depth + usize::from(node.kind != NodeKind::Document);
        for c in node.children.clone() {
            self.whole(doc_old, c, next, mark, comment.take());
        }
    }

    /// Departures of moves out of old node `parent` ranked before `before` (all when `None`).
    fn departures(&mut self, parent: Option<NodeId>, before: Option<NodeId>, depth: usize) {
        let Some(parent) = parent else { return };
        let limit = before.and_then(|b| self.rank.get(&b).copied());
        let Some(list) = self.moved_from.get_mut(&parent) else {
            return;
        };
        let rank = &self.rank;
        let (go, stay): (Vec<&PairDiff>, Vec<&PairDiff>) = list.iter().partition(|m| {
            let r = m.old.and_then(|o| rank.get(&o).copied());
            limit.is_none_or(|l| r.is_some_and(|r| r < l))
        });
        *list = stay;
        for m in go {
            let (Some(o), Some(n)) = (m.old, m.new) else {
                continue;
            };
            let note = format!(
                "Déplacé vers {} (voir l'insertion à cet endroit).",
                new_place(self.cmp, n)
            );
            self.whole(true, o, depth, Mark::Deleted, Some(note));
        }
    }

    fn pair(&mut self, p: &'a PairDiff, depth: usize) {
        let cmp = self.cmp;
        match (p.old, p.new) {
            (None, Some(n)) => self.whole(false, n, depth, Mark::Inserted, None),
            (Some(o), None) => {
                // A deleted unit: its own paragraph, then its children pairs (a child moved
                // out of it is deleted here, by its departure).
                self.deleted_unit(p, o, depth);
            }
            (Some(o), Some(n)) if p.moved => {
                let note = format!(
                    "Déplacé depuis {} (voir la suppression à cet endroit).",
                    old_place(cmp, o)
                );
                let _ = o;
                self.whole(false, n, depth, Mark::Inserted, Some(note));
            }
            (Some(o), Some(n)) => {
                let node = cmp.new.node(n);
                if node.kind == NodeKind::Table {
                    self.table_pair(p);
                    return;
                }
                if let Some((style, new_text)) = own_paragraph(&cmp.new, n, depth) {
                    let old_text = own_paragraph(&cmp.old, o, depth)
                        .map(|(_, t)| t)
                        .unwrap_or_default();
                    let pieces = self.own_pieces(p, o, n, &old_text, &new_text);
                    self.blocks.push(Block::Para(Para {
                        style,
                        pieces,
                        mark: Mark::None,
                        comment: None,
                        bold: false,
                        center: false,
                    }));
                }
                let next = depth + usize::from(node.kind != NodeKind::Document);
                self.children(p, Some(o), next);
            }
            (None, None) => {}
        }
    }

    fn deleted_unit(&mut self, p: &'a PairDiff, o: NodeId, depth: usize) {
        let cmp = self.cmp;
        let node = cmp.old.node(o);
        if node.kind == NodeKind::Table || p.children.is_empty() {
            self.whole(true, o, depth, Mark::Deleted, None);
            return;
        }
        if let Some((style, text)) = own_paragraph(&cmp.old, o, depth) {
            self.blocks.push(Block::Para(Para {
                style,
                pieces: vec![Piece::Del(text)],
                mark: Mark::Deleted,
                comment: None,
                bold: false,
                center: false,
            }));
        }
        self.children(p, Some(o), depth + 1);
    }

    fn children(&mut self, p: &'a PairDiff, old_parent: Option<NodeId>, depth: usize) {
        let (mut last_old, mut last_new) = (None, None);
        for c in &p.children {
            if !c.moved {
                if let Some(co) = c.old {
                    self.departures(old_parent, Some(co), depth);
                }
            }
            // The later parts of a split share their old alinéa: inserted; the later parts of a
            // merge share their new one: deleted. The first part carries the word changes.
            if c.old.is_some() && c.old == last_old {
                if let Some(n) = c.new {
                    self.whole(false, n, depth, Mark::Inserted, None);
                }
            } else if c.new.is_some() && c.new == last_new {
                if let Some(o) = c.old {
                    self.whole(true, o, depth, Mark::Deleted, None);
                }
            } else {
                self.pair(c, depth);
            }
            last_old = c.old.or(last_old);
            last_new = c.new.or(last_new);
        }
        self.departures(old_parent, None, depth);
    }

    /// The pieces of a pair's own paragraph: its number (renumbering) and its words.
    fn own_pieces(
        &self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
        old_text: &str,
        new_text: &str,
    ) -> Vec<Piece> {
        let cmp = self.cmp;
        let field = p.changes.first().map_or(Field::Text, |c| c.field);
        let ranges: Vec<_> = p
            .changes
            .iter()
            .map(|c| (c.old_range.clone(), c.new_range.clone()))
            .collect();
        match field {
            Field::Text
                if old_text.ends_with(cmp.old.node(o).text.as_str())
                    && new_text.ends_with(cmp.new.node(n).text.as_str()) =>
            {
                // An item's paragraph starts with its bullet and indent: ranges shift by them.
                let a = old_text.len() - cmp.old.node(o).text.len();
                let b = new_text.len() - cmp.new.node(n).text.len();
                let shifted: Vec<_> = ranges
                    .iter()
                    .map(|(ro, rn)| (ro.start + a..ro.end + a, rn.start + b..rn.end + b))
                    .collect();
                pieces(old_text, new_text, &shifted)
            }
            Field::Heading => {
                // The heading line is « number : heading »: the heading's ranges shift by its offset.
                let (oh, nh) = (
                    cmp.old.node(o).heading.as_deref().unwrap_or(""),
                    cmp.new.node(n).heading.as_deref().unwrap_or(""),
                );
                match (old_text.rfind(oh), new_text.rfind(nh)) {
                    (Some(a), Some(b)) if !oh.is_empty() && !nh.is_empty() => {
                        let shifted: Vec<_> = ranges
                            .iter()
                            .map(|(ro, rn)| (ro.start + a..ro.end + a, rn.start + b..rn.end + b))
                            .collect();
                        pieces(old_text, new_text, &shifted)
                    }
                    _ => pieces(old_text, new_text, &[]),
                }
            }
            _ => pieces(old_text, new_text, &[]),
        }
    }

    /// A table both versions have: rows kept, rows changed cell by cell (same number of
    /// cells), rows inserted or deleted whole.
    fn table_pair(&mut self, p: &PairDiff) {
        let cmp = self.cmp;
        let mut rows = Vec::new();
        for r in &p.children {
            match (r.old, r.new) {
                (Some(o), Some(n))
                    if cmp.old.node(o).cells.len() == cmp.new.node(n).cells.len() =>
                {
                    let cells = cmp
                        .old
                        .node(o)
                        .cells
                        .iter()
                        .zip(&cmp.new.node(n).cells)
                        .map(|(a, b)| {
                            if a == b {
                                vec![Piece::Same(b.clone())]
                            } else {
                                let changes = crate::diff::diff_texts(a, b, Field::Text);
                                let ranges: Vec<_> = changes
                                    .iter()
                                    .map(|c| (c.old_range.clone(), c.new_range.clone()))
                                    .collect();
                                pieces(a, b, &ranges)
                            }
                        })
                        .collect();
                    rows.push(TRow {
                        cells,
                        mark: Mark::None,
                    });
                }
                (o, n) => {
                    if let Some(o) = o {
                        rows.push(TRow::whole(&cmp.old.node(o).cells, Mark::Deleted));
                    }
                    if let Some(n) = n {
                        rows.push(TRow::whole(&cmp.new.node(n).cells, Mark::Inserted));
                    }
                }
            }
        }
        self.blocks.push(Block::Table(rows));
    }
}

fn content_types(comments: bool) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    );
    if comments {
        s.push_str("<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
    }
    s.push_str("</Types>");
    s
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

fn document_rels(comments: bool) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>",
    );
    if comments {
        s.push_str("<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>");
    }
    s.push_str("</Relationships>");
    s
}

fn styles() -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", W_NS)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    x.open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", "Arial"),
            ("w:hAnsi", "Arial"),
            ("w:cs", "Arial"),
        ],
    );
    x.empty("w:sz", &[("w:val", "22")]);
    x.empty("w:lang", &[("w:val", "fr-FR")]);
    x.close("w:rPr");
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    x.open("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[
            ("w:after", "120"),
            ("w:line", "264"),
            ("w:lineRule", "auto"),
        ],
    );
    x.empty("w:jc", &[("w:val", "both")]);
    x.close("w:pPr");
    x.close("w:pPrDefault");
    x.close("w:docDefaults");
    // CT_Style: name, basedOn, next, qFormat, pPr, rPr.
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    );
    x.empty("w:name", &[("w:val", "Normal")]);
    x.empty("w:qFormat", &[]);
    x.close("w:style");
    for level in 1..=6 {
        let id = format!("Heading{level}");
        let size = (34 - 3 * level).max(22).to_string();
        x.open("w:style", &[("w:type", "paragraph"), ("w:styleId", &id)]);
        x.empty("w:name", &[("w:val", &format!("heading {level}"))]);
        x.empty("w:basedOn", &[("w:val", "Normal")]);
        x.empty("w:next", &[("w:val", "Normal")]);
        x.empty("w:qFormat", &[]);
        x.open("w:pPr", &[]);
        x.empty("w:keepNext", &[]);
        x.empty("w:keepLines", &[]);
        x.empty("w:spacing", &[("w:before", "240"), ("w:after", "120")]);
        x.empty("w:jc", &[("w:val", "left")]);
        x.empty("w:outlineLvl", &[("w:val", &(level - 1).to_string())]);
        x.close("w:pPr");
        x.open("w:rPr", &[]);
        x.empty("w:b", &[]);
        x.empty("w:color", &[("w:val", "1F3864")]);
        x.empty("w:sz", &[("w:val", &size)]);
        x.close("w:rPr");
        x.close("w:style");
    }
    x.open(
        "w:style",
        &[("w:type", "character"), ("w:styleId", "CommentReference")],
    );
    x.empty("w:name", &[("w:val", "annotation reference")]);
    x.open("w:rPr", &[]);
    x.empty("w:sz", &[("w:val", "16")]);
    x.close("w:rPr");
    x.close("w:style");
    x.open(
        "w:style",
        &[("w:type", "table"), ("w:styleId", "TableGrid")],
    );
    x.empty("w:name", &[("w:val", "Table Grid")]);
    x.open("w:tblPr", &[]);
    x.open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "595959"),
            ],
        );
    }
    x.close("w:tblBorders");
    x.close("w:tblPr");
    x.close("w:style");
    x.close("w:styles");
    x.finish()
}

fn settings(tracked: bool) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", W_NS)]);
    if tracked {
        // Edits made in Word on the comparison are tracked too.
        x.empty("w:trackRevisions", &[]);
    }
    x.empty("w:defaultTabStop", &[("w:val", "708")]);
    x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    x.close("w:settings");
    x.finish()
}

fn core(title: &str, date: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.text("dc:title", &[], title);
    x.text("dc:creator", &[], AUTHOR);
    x.text("dc:language", &[], "fr-FR");
    x.text("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], date);
    x.close("cp:coreProperties");
    x.finish()
}

fn comments_part(comments: &[(usize, String)], options: &DocxOptions) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:comments", &[("xmlns:w", W_NS)]);
    for (id, text) in comments {
        x.open(
            "w:comment",
            &[
                ("w:id", &id.to_string()),
                ("w:author", &options.author),
                ("w:date", &options.date),
                ("w:initials", "av"),
            ],
        );
        x.open("w:p", &[]);
        x.open("w:r", &[]);
        x.text("w:t", &[("xml:space", "preserve")], text);
        x.close("w:r");
        x.close("w:p");
        x.close("w:comment");
    }
    x.close("w:comments");
    x.finish()
}

fn package<W: Write + Seek>(
    w: W,
    title: &str,
    options: &DocxOptions,
    blocks: &[Block],
    tracked: bool,
) -> io::Result<()> {
    let mut body = Body::new(options);
    for b in blocks {
        body.block(b);
    }
    let (document, comments) = body.finish(false);
    let mut zip = zip::ZipWriter::new(w);
    let file_options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let has_comments = !comments.is_empty();
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        (
            "[Content_Types].xml",
            content_types(has_comments).into_bytes(),
        ),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            document_rels(has_comments).into_bytes(),
        ),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings(tracked)),
        ("docProps/core.xml", core(title, &options.date)),
    ];
    if has_comments {
        parts.push(("word/comments.xml", comments_part(&comments, options)));
    }
    for (name, bytes) in parts {
        zip.start_file(name, file_options)
            .map_err(io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    zip.finish().map_err(io::Error::other)?;
    Ok(())
}

/// Writes the « document comparé »: the new version with every change tracked (author
/// [`DocxOptions::author`], date [`DocxOptions::date`]); moves are a deletion and an insertion,
/// each with a comment naming the other place.
pub fn write_diff_docx<W: Write + Seek>(
    cmp: &Comparison,
    options: &DocxOptions,
    w: W,
) -> io::Result<()> {
    let mut c = Compared::new(cmp);
    let root_old = Some(cmp.old.root());
    for p in &cmp.pairs {
        if !p.moved {
            if let Some(o) = p.old {
                c.departures(root_old, Some(o), 0);
            }
        }
        c.pair(p, 0);
    }
    c.departures(root_old, None, 0);
    let title = format!(
        "Document comparé — {} et {}",
        cmp.old.source.path, cmp.new.source.path
    );
    package(w, &title, options, &c.blocks, true)
}

/// Writes the avenant as a Word document ready to sign: title, parties, visas, exposé and
/// articles (headings in Word heading styles), then the « Fait à » line and a signature table
/// with one column per party.
pub fn write_avenant_docx<W: Write + Seek>(av: &Avenant, style: &Style, w: W) -> io::Result<()> {
    let lines = crate::avenant::render::blocks(av, style);
    let signatures = 2 * av.parties.len();
    let cut = lines.len().saturating_sub(signatures);
    let mut blocks = Vec::new();
    for (i, (level, text)) in lines[..cut].iter().enumerate() {
        let para = match level {
            0 => Para::plain(None, text),
            l => {
                let mut p = Para::plain(Some(&format!("Heading{l}")), text);
                p.center = i == 0;
                p
            }
        };
        blocks.push(Block::Para(para));
    }
    let parties: Vec<(String, String)> = lines[cut..]
        .chunks(2)
        .map(|c| {
            (
                c.first().map(|(_, t)| t.clone()).unwrap_or_default(),
                c.get(1).map(|(_, t)| t.clone()).unwrap_or_default(),
            )
        })
        .collect();
    if !parties.is_empty() {
        blocks.push(Block::Signatures(parties));
    }
    let options = DocxOptions::default();
    package(w, &formules::avenant_title(av), &options, &blocks, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(p: &[Piece]) -> String {
        p.iter()
            .filter_map(|x| match x {
                Piece::Same(t) | Piece::Ins(t) => Some(t.as_str()),
                Piece::Del(_) => None,
            })
            .collect()
    }

    fn reject(p: &[Piece]) -> String {
        p.iter()
            .filter_map(|x| match x {
                Piece::Same(t) | Piece::Del(t) => Some(t.as_str()),
                Piece::Ins(_) => None,
            })
            .collect()
    }

    #[test]
    fn pieces_accept_to_new_and_reject_to_old() {
        let old = "La convention prend fin le 30 juin 2021.";
        let new = "La convention prend fin le 31 décembre 2021.";
        let changes = crate::diff::diff_texts(old, new, Field::Text);
        let ranges: Vec<_> = changes
            .iter()
            .map(|c| (c.old_range.clone(), c.new_range.clone()))
            .collect();
        let p = pieces(old, new, &ranges);
        assert_eq!(accept(&p), new);
        assert_eq!(reject(&p), old);
        assert!(p.contains(&Piece::Del("30 juin 2021".into())));
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2026-01-31").unwrap(), "2026-01-31T00:00:00Z");
        assert!(parse_date("31/01/2026").is_err());
        assert!(parse_date("2026-13-01").is_err());
        assert!(now().ends_with('Z'));
    }

    #[test]
    fn forbidden_xml_characters_are_dropped() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c]]>"), "abc]]>");
    }
}
