//! Word styles and numbering: styles.xml (heading level and numbering of each paragraph style,
//! through `basedOn`) and numbering.xml (abstract numberings, overrides) read before the body.

use super::{flag, number, xml_error};
use crate::extract::office::numbering::{Level, Num, NumFmt, Suffix, WordNumbering};
use crate::extract::office::{attr, qname};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// One paragraph style, as far as structure goes.
#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    map: HashMap<String, Style>,
    default: Option<String>,
}

impl Styles {
    fn chain<'s>(&'s self, id: Option<&'s str>) -> Vec<(&'s str, &'s Style)> {
        let mut out = Vec::new();
        let mut cur = id.or(self.default.as_deref());
        while let Some(i) = cur {
            if out.len() > 20 || out.iter().any(|(seen, _)| *seen == i) {
                break;
            }
            match self.map.get(i) {
                Some(s) => {
                    out.push((i, s));
                    cur = s.based_on.as_deref();
                }
                None => break,
            }
        }
        out
    }

    /// The heading level (1-based) a paragraph of this style has, from `outlineLvl` or the name.
    pub(super) fn heading(&self, id: Option<&str>) -> Option<u8> {
        for (_, s) in self.chain(id) {
            if let Some(o) = s.outline {
                return (o < 9).then_some(o + 1);
            }
            if let Some(level) = heading_name(&s.name) {
                return Some(level);
            }
        }
        None
    }

    /// The numbering a style carries: its `numId`, the level if given, and the style that gave it.
    pub(super) fn numbering(&self, id: Option<&str>) -> Option<(String, Option<u8>, String)> {
        self.chain(id)
            .into_iter()
            .find_map(|(sid, s)| s.num_id.clone().map(|n| (n, s.ilvl, sid.to_string())))
    }
}

/// « heading 2 », « Titre 2 », « Title » → a level.
fn heading_name(name: &str) -> Option<u8> {
    let n = name.trim().to_lowercase();
    if n == "title" || n == "titre" {
        return Some(1);
    }
    for prefix in ["heading ", "titre "] {
        if let Some(rest) = n.strip_prefix(prefix) {
            if let Ok(level) = rest.trim().parse::<u8>() {
                if (1..=9).contains(&level) {
                    return Some(level);
                }
            }
        }
    }
    None
}

pub(super) fn parse_styles(xml: &str) -> Result<Styles, String> {
    let mut reader = Reader::from_str(xml);
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    let mut in_rpr = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("word/styles.xml", e))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match qname(e) {
                    b"w:style" => {
                        let paragraph = attr(e, "w:type").as_deref() == Some("paragraph");
                        let id = attr(e, "w:styleId").unwrap_or_default();
                        if paragraph
                            && attr(e, "w:default").is_some_and(|d| d == "1" || d == "true")
                        {
                            styles.default = Some(id.clone());
                        }
                        current = (paragraph && !empty).then(|| (id, Style::default()));
                    }
                    b"w:rPr" if !empty => in_rpr += 1,
                    _ if in_rpr > 0 => {}
                    b"w:name" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.name = attr(e, "w:val").unwrap_or_default();
                        }
                    }
                    b"w:basedOn" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.based_on = attr(e, "w:val");
                        }
                    }
                    b"w:outlineLvl" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.outline = number(e);
                        }
                    }
                    b"w:numId" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.num_id = attr(e, "w:val");
                        }
                    }
                    b"w:ilvl" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.ilvl = number(e);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => match e.name().into_inner().as_bytes() {
                b"w:style" => {
                    if let Some((id, s)) = current.take() {
                        styles.map.insert(id, s);
                    }
                }
                b"w:rPr" => in_rpr = in_rpr.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

pub(super) fn parse_numbering(xml: &str, styles: &Styles) -> Result<WordNumbering, String> {
    let mut reader = Reader::from_str(xml);
    let mut n = WordNumbering::default();
    let mut abstract_id: Option<String> = None;
    let mut levels: Vec<Option<Level>> = Vec::new();
    let mut num: Option<(String, Num)> = None;
    let mut override_level: Option<u8> = None;
    let mut level: Option<(u8, Level)> = None;
    let mut links: Vec<(String, String)> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("word/numbering.xml", e))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => match qname(e) {
                b"w:abstractNum" => {
                    abstract_id = attr(e, "w:abstractNumId");
                    levels = vec![None; 9];
                }
                b"w:num" => {
                    num = attr(e, "w:numId").map(|id| (id, Num::default()));
                }
                b"w:abstractNumId" => {
                    if let Some((_, nm)) = num.as_mut() {
                        nm.abstract_id = attr(e, "w:val").unwrap_or_default();
                    }
                }
                b"w:numStyleLink" => {
                    if let (Some(a), Some(s)) = (abstract_id.as_ref(), attr(e, "w:val")) {
                        links.push((a.clone(), s));
                    }
                }
                b"w:lvlOverride" => override_level = number_attr(e, "w:ilvl"),
                b"w:startOverride" => {
                    if let (Some((_, nm)), Some(l), Some(v)) =
                        (num.as_mut(), override_level, number::<u32>(e))
                    {
                        nm.start_overrides.insert(l, v);
                    }
                }
                b"w:lvl" => {
                    level = Some((
                        number_attr(e, "w:ilvl").unwrap_or(0),
                        Level {
                            start: 0,
                            ..Level::default()
                        },
                    ));
                }
                name => {
                    if let Some((_, l)) = level.as_mut() {
                        match name {
                            b"w:start" => l.start = number(e).unwrap_or(0),
                            b"w:numFmt" => {
                                l.fmt = NumFmt::from_word(&attr(e, "w:val").unwrap_or_default())
                            }
                            b"w:lvlText" => l.text = attr(e, "w:val").unwrap_or_default(),
                            b"w:lvlRestart" => l.restart = number(e),
                            b"w:isLgl" => l.is_lgl = flag(e),
                            b"w:suff" => {
                                l.suffix = match attr(e, "w:val").as_deref() {
                                    Some("space") => Suffix::Space,
                                    Some("nothing") => Suffix::Nothing,
                                    _ => Suffix::Tab,
                                }
                            }
                            b"w:pStyle" => l.style = attr(e, "w:val"),
                            _ => {}
                        }
                    }
                }
            },
            Event::End(ref e) => match e.name().into_inner().as_bytes() {
                b"w:lvl" => {
                    if let Some((ilvl, l)) = level.take() {
                        if let (Some((_, nm)), Some(o)) = (num.as_mut(), override_level) {
                            nm.level_overrides.insert(o, l);
                        } else if (ilvl as usize) < levels.len() {
                            levels[ilvl as usize] = Some(l);
                        }
                    }
                }
                b"w:lvlOverride" => override_level = None,
                b"w:abstractNum" => {
                    if let Some(a) = abstract_id.take() {
                        n.abstracts.insert(a, std::mem::take(&mut levels));
                    }
                }
                b"w:num" => {
                    if let Some((id, nm)) = num.take() {
                        n.nums.insert(id, nm);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    // An abstract numbering that links to a numbering style takes that style's definition.
    for (abstract_id, style) in links {
        let target = styles
            .map
            .get(&style)
            .and_then(|s| s.num_id.as_ref())
            .and_then(|id| n.nums.get(id))
            .map(|nm| nm.abstract_id.clone());
        if let Some(t) = target.filter(|t| *t != abstract_id) {
            if let Some(levels) = n.abstracts.get(&t).cloned() {
                n.abstracts.insert(abstract_id, levels);
            }
        }
    }
    Ok(n)
}

fn number_attr(e: &BytesStart, name: &str) -> Option<u8> {
    attr(e, name)?.trim().parse().ok()
}
