//! The normalised document as clean Markdown: headings for units, one paragraph per alinéa,
//! pipe tables, footnotes last. Parsing this output gives the same tree again.

use crate::model::{Document, NodeId, NodeKind};
use crate::normalise::ordered_marker;
use std::io::{self, Write};

/// Writes `doc` as Markdown.
pub fn write_markdown(doc: &Document, w: &mut impl Write) -> io::Result<()> {
    let mut first = true;
    for id in doc.top_level() {
        write_node(doc, *id, 0, &mut first, w)?;
    }
    Ok(())
}

/// The Markdown as a string.
pub fn markdown(doc: &Document) -> String {
    let mut out = Vec::new();
    let _ = write_markdown(doc, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Backslash-escapes what Markdown would read as markup.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '<' | '[' | '`' | '\\' | '&' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a plain alinéa so that it is not read back as a list item or heading. (Lines that
/// start with a non-ASCII bullet or `2°` are always items, so a plain alinéa never does.)
fn escape_block_start(text: &str) -> String {
    let escaped = escape_inline(text);
    if text.starts_with(['-', '+', '#'])
        && text.chars().nth(1).is_some_and(|c| c == ' ' || c == '#')
    {
        return format!("\\{escaped}");
    }
    match ordered_marker(text) {
        Some(marker) if !marker.ends_with('°') => {
            // `1. texte` → `1\. texte`, `a) texte` → `a\) texte`.
            let n = marker.len();
            format!("{}\\{}", &escaped[..n], &escaped[n..])
        }
        _ => escaped,
    }
}

fn blank(first: &mut bool, w: &mut impl Write) -> io::Result<()> {
    if !*first {
        writeln!(w)?;
    }
    *first = false;
    Ok(())
}

fn hashes(depth: usize) -> String {
    "#".repeat(depth.clamp(1, 6))
}

fn write_node(
    doc: &Document,
    id: NodeId,
    depth: usize,
    first: &mut bool,
    w: &mut impl Write,
) -> io::Result<()> {
    let node = doc.node(id);
    match node.kind {
        NodeKind::Titre => {
            blank(first, w)?;
            writeln!(w, "# {}", escape_inline(&node.text))?;
        }
        NodeKind::Article | NodeKind::Annexe => {
            blank(first, w)?;
            writeln!(w, "{} {}", hashes(depth + 2), escape_inline(&node.text))?;
        }
        NodeKind::Structure => {
            let level = if node.level > 8 {
                (node.level - 8) as usize
            } else {
                depth + 2
            };
            blank(first, w)?;
            writeln!(w, "{} {}", hashes(level), escape_inline(&node.text))?;
        }
        NodeKind::Preambule if !node.text.is_empty() => {
            blank(first, w)?;
            writeln!(w, "## {}", escape_inline(&node.text))?;
        }
        NodeKind::Alinea => {
            blank(first, w)?;
            writeln!(w, "{}", escape_block_start(&node.text))?;
        }
        NodeKind::Item => {
            blank(first, w)?;
            let indent = "  ".repeat(node.level as usize);
            if node.label.is_some() {
                writeln!(w, "{indent}{}", escape_inline(&node.text))?;
            } else {
                writeln!(w, "{indent}- {}", escape_inline(&node.text))?;
            }
        }
        NodeKind::Table => {
            blank(first, w)?;
            for (i, row) in node.children.iter().enumerate() {
                let cells: Vec<String> = doc
                    .node(*row)
                    .cells()
                    .iter()
                    .map(|c| escape_inline(c))
                    .collect();
                writeln!(w, "| {} |", cells.join(" | "))?;
                if i == 0 {
                    let sep: Vec<&str> = cells.iter().map(|_| "---").collect();
                    writeln!(w, "| {} |", sep.join(" | "))?;
                }
            }
            return Ok(());
        }
        NodeKind::Note => {
            blank(first, w)?;
            writeln!(w, "{}", escape_inline(&node.text))?;
        }
        _ => {}
    }
    for child in &node.children {
        write_node(
            doc,
            *child,
            depth + usize::from(node.kind != NodeKind::Document),
            first,
            w,
        )?;
    }
    Ok(())
}
