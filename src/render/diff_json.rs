//! The public JSON of a [`Comparison`] (`"schema": 1`): its own view model — pairs with keys,
//! status, flags, basis, similarity, word changes and children, global replacements, renumbering
//! series and counts — never a dump of internal types.

use super::diff_common::{renumbering_line, shown, DiffRenderOptions};
use super::json::SCHEMA;
use crate::diff::{Comparison, PairDiff};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonComparison<'a> {
    schema: u32,
    old: JsonSide<'a>,
    new: JsonSide<'a>,
    pairs: JsonPairs<'a>,
    global: Vec<JsonGlobal<'a>>,
    /// The renumbering series (absent when none): each run of sibling units renumbered by
    /// the same step, reported once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    renumberings: Vec<JsonRenumbering<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    path: &'a str,
}

#[derive(Serialize)]
struct JsonPair<'a> {
    old: Option<&'a str>,
    new: Option<&'a str>,
    status: &'static str,
    renumbered: bool,
    moved: bool,
    cosmetic: bool,
    basis: &'static str,
    similarity: f64,
    changes: Vec<JsonChange<'a>>,
    children: JsonPairs<'a>,
}

/// A list of pairs, each turned into its view as it is written: the JSON of a code's diff
/// (tens of megabytes) never exists whole in memory, as a view tree or as text.
struct JsonPairs<'a> {
    cmp: &'a Comparison,
    pairs: &'a [PairDiff],
    options: &'a DiffRenderOptions,
}

impl Serialize for JsonPairs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.pairs.iter().map(|p| pair(self.cmp, p, self.options)))
    }
}

#[derive(Serialize)]
struct JsonChange<'a> {
    op: &'static str,
    old: &'a str,
    new: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct JsonGlobal<'a> {
    old: &'a str,
    new: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    count: usize,
    /// Keys of the units where it occurs (new key, or old key for a deleted unit).
    units: Vec<&'a str>,
}

/// One renumbering series: consecutive sibling units of one kind (articles or sub-articles,
/// annexes, divisions) whose numbers all moved by the same step, « articles 5.2 à 5.6
/// deviennent 5.1 à 5.5 ».
#[derive(Serialize)]
struct JsonRenumbering<'a> {
    /// The units' kind, as in `parse --format json`: `article`, `annexe`, `structure`…
    kind: &'static str,
    /// Labels of the first and last units of the series in the old version (`5.2`, `5.6`).
    old: JsonSpan,
    /// Labels of the same units in the new version (`5.1`, `5.5`).
    new: JsonSpan,
    /// The step every number moved by, new − old (−1 after a deletion).
    shift: i64,
    /// The units of the series, in order: old key and new key.
    units: Vec<JsonUnitPair<'a>>,
    /// The series in French, as the terminal and Markdown reports say it.
    text: String,
}

#[derive(Serialize)]
struct JsonSpan {
    first: String,
    last: String,
}

#[derive(Serialize)]
struct JsonUnitPair<'a> {
    old: &'a str,
    new: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    /// Units (articles, sub-articles, annexes, préambule…).
    unchanged: usize,
    modified: usize,
    inserted: usize,
    deleted: usize,
    renumbered: usize,
    moved: usize,
    cosmetic: usize,
    global: usize,
    /// The same counts for alinéas, items, table rows and notes.
    alineas: JsonCounts,
    /// Pairs diffed sentence by sentence, their texts being over the word-diff budget
    /// ([`crate::diff::WORD_DIFF_BUDGET`]); absent when none.
    #[serde(skip_serializing_if = "is_zero")]
    coarse: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct JsonCounts {
    unchanged: usize,
    modified: usize,
    inserted: usize,
    deleted: usize,
    renumbered: usize,
    moved: usize,
    cosmetic: usize,
}

fn pair<'a>(cmp: &'a Comparison, p: &'a PairDiff, options: &'a DiffRenderOptions) -> JsonPair<'a> {
    JsonPair {
        old: p.old.map(|o| cmp.old.node(o).key.as_str()),
        new: p.new.map(|n| cmp.new.node(n).key.as_str()),
        status: p.status.as_str(),
        renumbered: p.renumbered,
        moved: p.moved,
        cosmetic: p.cosmetic,
        basis: p.basis.as_str(),
        similarity: (f64::from(p.similarity) * 1000.0).round() / 1000.0,
        changes: p
            .changes
            .iter()
            .filter(|c| shown(c, options.show_cosmetic))
            .map(|c| JsonChange {
                op: c.tag.as_str(),
                old: &c.old,
                new: &c.new,
                kind: c.value_type.as_str(),
            })
            .collect(),
        children: JsonPairs {
            cmp,
            pairs: &p.children,
            options,
        },
    }
}

/// Writes the comparison as JSON (one document, pretty-printed, final newline).
pub fn write_diff_json(
    cmp: &Comparison,
    options: &DiffRenderOptions,
    w: &mut impl Write,
) -> io::Result<()> {
    let s = &cmp.summary;
    let doc = JsonComparison {
        schema: SCHEMA,
        old: JsonSide {
            path: &cmp.old.source.path,
        },
        new: JsonSide {
            path: &cmp.new.source.path,
        },
        pairs: JsonPairs {
            cmp,
            pairs: &cmp.pairs,
            options,
        },
        global: cmp
            .globals
            .iter()
            .map(|g| JsonGlobal {
                old: &g.old,
                new: &g.new,
                kind: g.value_type.as_str(),
                count: g.count,
                units: g
                    .units
                    .iter()
                    .map(|(o, n)| match (o, n) {
                        (_, Some(n)) => cmp.new.node(*n).key.as_str(),
                        (Some(o), None) => cmp.old.node(*o).key.as_str(),
                        _ => "",
                    })
                    .collect(),
            })
            .collect(),
        renumberings: crate::align::renumber::renumberings(&cmp.old, &cmp.new, &cmp.alignment)
            .iter()
            .map(|r| JsonRenumbering {
                kind: r.kind.as_str(),
                old: JsonSpan {
                    first: r.old_first.clone(),
                    last: r.old_last.clone(),
                },
                new: JsonSpan {
                    first: r.new_first.clone(),
                    last: r.new_last.clone(),
                },
                shift: r.shift,
                units: r
                    .units
                    .iter()
                    .map(|(o, n)| JsonUnitPair {
                        old: cmp.old.node(*o).key.as_str(),
                        new: cmp.new.node(*n).key.as_str(),
                    })
                    .collect(),
                text: renumbering_line(r),
            })
            .collect(),
        summary: JsonSummary {
            unchanged: s.units.unchanged,
            modified: s.units.modified,
            inserted: s.units.inserted,
            deleted: s.units.deleted,
            renumbered: s.units.renumbered,
            moved: s.units.moved,
            cosmetic: s.units.cosmetic,
            global: s.global,
            alineas: JsonCounts {
                unchanged: s.alineas.unchanged,
                modified: s.alineas.modified,
                inserted: s.alineas.inserted,
                deleted: s.alineas.deleted,
                renumbered: s.alineas.renumbered,
                moved: s.alineas.moved,
                cosmetic: s.alineas.cosmetic,
            },
            coarse: s.coarse,
        },
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut *w, Pretty::default());
    doc.serialize(&mut serializer).map_err(io::Error::other)?;
    writeln!(w)
}

/// serde_json's `PrettyFormatter` (two spaces a level), the same bytes, but a line break and
/// its indentation written in one call rather than one call per level: a code's diff nests
/// pairs ten levels deep and writes millions of keys.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
    /// `,\n` then spaces, as many as the deepest level written so far needs.
    line: Vec<u8>,
}

impl Pretty {
    /// A line break (after a comma unless `first`) and the current indentation.
    fn break_line<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        let end = 2 + 2 * self.depth;
        if self.line.len() < end {
            self.line.clear();
            self.line.extend_from_slice(b",\n");
            self.line.resize(end.max(64), b' ');
        }
        w.write_all(&self.line[usize::from(first)..end])
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.break_line(w, true)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.break_line(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.break_line(w, true)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.break_line(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_writes_what_serde_json_pretty_writes() {
        // Empty and filled arrays and objects, deeper than the first indentation buffer.
        let mut value = serde_json::json!({"a": [], "b": {}, "c": [1, "x", null, {"d": [[]]}]});
        for depth in 0..40 {
            value = serde_json::json!({"k": depth, "v": [value.clone(), {}], "e": []});
        }
        let mut ours = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut ours, Pretty::default());
        value.serialize(&mut serializer).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
