//! The document body: paragraphs (with tracked insertions and deletions), tables and the
//! signature table, written as WordprocessingML with revision and comment counters.

use super::xml::{Xml, R_NS, W_NS};
use super::DocxOptions;

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    Same(String),
    Del(String),
    Ins(String),
}

/// How a whole paragraph (its mark) is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    None,
    Inserted,
    Deleted,
}

/// A paragraph to write.
pub(super) struct Para {
    pub(super) style: Option<String>,
    pub(super) pieces: Vec<Piece>,
    pub(super) mark: Mark,
    pub(super) comment: Option<String>,
    pub(super) bold: bool,
    pub(super) center: bool,
}

impl Para {
    pub(super) fn plain(style: Option<&str>, text: &str) -> Para {
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
pub(super) struct TRow {
    pub(super) cells: Vec<Vec<Piece>>,
    pub(super) mark: Mark,
}

impl TRow {
    pub(super) fn whole(cells: &[String], mark: Mark) -> TRow {
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

pub(super) enum Block {
    Para(Para),
    Table(Vec<TRow>),
    /// The signature table of an avenant: one column per party.
    Signatures(Vec<(String, String)>),
}

/// The document body being built, with revision and comment counters.
pub(super) struct Body {
    pub(super) x: Xml,
    pub(super) author: String,
    pub(super) date: String,
    pub(super) next_id: usize,
    pub(super) comments: Vec<(usize, String)>,
}

impl Body {
    pub(super) fn new(options: &DocxOptions) -> Body {
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

    pub(super) fn id(&mut self) -> String {
        let id = self.next_id;
        self.next_id += 1;
        id.to_string()
    }

    pub(super) fn revision(&mut self, name: &str) {
        let id = self.id();
        let (author, date) = (self.author.clone(), self.date.clone());
        self.x.empty(
            name,
            &[("w:id", &id), ("w:author", &author), ("w:date", &date)],
        );
    }

    pub(super) fn run(&mut self, text: &str, deleted: bool, bold: bool) {
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

    pub(super) fn tracked(&mut self, name: &str, text: &str, bold: bool) {
        let id = self.id();
        let (author, date) = (self.author.clone(), self.date.clone());
        self.x.open(
            name,
            &[("w:id", &id), ("w:author", &author), ("w:date", &date)],
        );
        self.run(text, name == "w:del", bold);
        self.x.close(name);
    }

    pub(super) fn para(&mut self, p: &Para) {
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

    pub(super) fn table_start(&mut self, columns: usize, borders: bool) {
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

    pub(super) fn table(&mut self, rows: &[TRow]) {
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

    pub(super) fn signatures(&mut self, parties: &[(String, String)]) {
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

    pub(super) fn block(&mut self, b: &Block) {
        match b {
            Block::Para(p) => self.para(p),
            Block::Table(rows) => self.table(rows),
            Block::Signatures(s) => self.signatures(s),
        }
    }

    pub(super) fn finish(mut self, landscape: bool) -> (Vec<u8>, Vec<(usize, String)>) {
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
