//! Word documents: the « document comparé » of a [`Comparison`] (the new version with tracked
//! changes: accepting them all gives the new version, rejecting them all the old one) and the
//! avenant ready to sign. WordprocessingML written with `quick-xml`, packed with `zip`.
//!
//! Elements are written in the order the schema requires (`w:pPr` before runs, `w:rPr` before
//! text, `w:tblPr` / `w:tblGrid` before rows). Revision ids count from 1 in document order and
//! the zip entries carry a fixed timestamp, so the same input gives the same bytes.

mod body;
mod compared;
mod package;
mod xml;

use crate::avenant::formules::{self, Style};
use crate::avenant::model::Avenant;
use crate::diff::Comparison;
use body::{Block, Para};
use compared::Compared;
use package::package;
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
    use super::body::Piece;
    use super::compared::pieces;
    use super::xml::xml_text;
    use super::*;
    use crate::diff::Field;

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
