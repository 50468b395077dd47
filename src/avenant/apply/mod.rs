//! `Document` + [`Avenant`] → consolidated `Document`.
//!
//! The instructions are executed in order on a copy of the convention's tree (texts edited,
//! children inserted, removed or reordered), each one counting alinéas on the text as the
//! previous ones left it, as légistique reads an amending act, through the editing API of
//! [`crate::edit`]. The edited tree is then rekeyed ([`crate::edit::rekey`]) with the key
//! functions `parse` uses: keys, labels and alinéa numbers of the result are what parsing the
//! consolidated text gives (an inserted « 5 bis » gets `article-5-bis`, a removed alinéa
//! renumbers the next ones), with no render → re-parse and no key derivation duplicated here. Never prints; an instruction that cannot be applied
//! is an [`ApplyError`] naming the avenant's article and the target.

use super::formules;
use super::model::{canonical_label, AlineaAt, Anchor, Avenant, Instruction, Op, Target, Unit};
use crate::model::{Document, Node, NodeId, NodeKind, Source, Span};
use crate::normalise::{self, Form};
use crate::text::shorten;
use std::fmt;

pub use super::read::parse_avenant;

mod corps;
mod divisions;
mod locate;
mod phrases;
mod tree;
mod words;

use locate::*;
pub(crate) use locate::{find_unit, unique_division_name, IndexGuard};
pub use phrases::phrases;
use phrases::*;
use tree::*;
use words::*;
pub use words::{occurrences, tidy};
pub(crate) use words::{replace_everywhere_in, replace_words};

/// An instruction of the avenant that cannot be applied to the convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyError {
    /// The avenant's article holding the instruction.
    pub article: u32,
    /// What it targets.
    pub target: Box<Target>,
    /// The instruction's sentence quoted (shortened with « … » when long), then why it fails,
    /// in French (« « À l'article 7, les mots … » : les mots « … » sont introuvables à l'article
    /// 7 de la convention »).
    pub message: String,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}",
            formules::avenant_article(self.article),
            self.message
        )
    }
}

impl std::error::Error for ApplyError {}

/// Applies every instruction of `avenant` to `convention` and returns the consolidated text,
/// parsed. The convention itself is not changed.
pub fn apply(convention: &Document, avenant: &Avenant) -> Result<Document, ApplyError> {
    let mut doc = convention.clone();
    // The messages name the document by its own noun (« de l'avenant », « du contrat »).
    let noun = formules::DocNoun::of(&avenant.title);
    // Articles found by label through an index of `doc`, not a walk per instruction.
    let _index = IndexGuard::new(&doc);
    for (a, art) in avenant.articles.iter().enumerate() {
        for (i, ins) in art.instructions.iter().enumerate() {
            // Labels changed in place: the index is laid aside, then rebuilt.
            let renumbers = matches!(ins.op, Op::Renumber { .. } | Op::RenumberAnnexes { .. });
            if renumbers {
                article_index(&doc, true);
            }
            let done = apply_instruction(&mut doc, ins);
            if renumbers {
                article_index(&doc, false);
            }
            done.map_err(|message| ApplyError {
                article: art.number,
                target: Box::new(ins.target.clone()),
                message: format!(
                    "« {} » : {}",
                    // The jurist's own sentence when the avenant was read from a text.
                    avenant
                        .written(a, i)
                        .map(|s| shorten(s, QUOTED_MAX))
                        .unwrap_or_else(|| quoted_instruction(ins, noun)),
                    formules::in_document(&message, noun)
                ),
            })?;
        }
    }
    Ok(crate::edit::rekey(&doc))
}

/// Longest instruction quoted whole in an error, in characters.
const QUOTED_MAX: usize = 160;

/// The instruction's sentence (its first line: the quoted block it introduces is left out),
/// cut at a word with « … » past [`QUOTED_MAX`] characters.
fn quoted_instruction(ins: &Instruction, noun: formules::DocNoun) -> String {
    // Plain spaces, as in the rest of the error line.
    let plain = formules::Style {
        space: ' ',
        noun,
        ..formules::Style::default()
    };
    let lines = formules::sentence(ins, None, &plain).standalone();
    let first = lines.first().map(String::as_str).unwrap_or("");
    shorten(first, QUOTED_MAX)
}

/// An instruction whose target is « l'alinéa commençant par les mots : « … » »: a whole
/// alinéa inserted before or after it, deleted or rewritten.
fn apply_at_alinea_start(doc: &mut Document, ins: &Instruction) -> Result<(), String> {
    let t = &ins.target;
    let (parent, leaf) = locate::resolve_alinea_start(doc, t)?;
    let at = child_index(doc, parent, leaf);
    match &ins.op {
        Op::InsertAlineasBefore { alineas } => insert_lines(doc, parent, at, alineas, Some(leaf)),
        Op::InsertIntertitle { heading } => tree::insert_intertitle(doc, parent, at, heading),
        Op::InsertAlineas { alineas } => insert_lines(doc, parent, at + 1, alineas, Some(leaf)),
        Op::DeleteAlineas { count: 1 } => remove_children(doc, parent, &[leaf]),
        Op::RewriteAlineas { count: 1, alineas } => {
            remove_children(doc, parent, &[leaf]);
            insert_lines(doc, parent, at, alineas, Some(leaf));
        }
        _ => return Err(formules::not_applicable(t)),
    }
    Ok(())
}

/// Applies one instruction to the tree in place (keys of new or relabelled nodes are then
/// provisional until [`crate::edit::rekey`]).
pub fn apply_instruction(doc: &mut Document, ins: &Instruction) -> Result<(), String> {
    if ins.target.alinea_starts.is_some() {
        return apply_at_alinea_start(doc, ins);
    }
    let t = &ins.target;
    match &ins.op {
        Op::ReplaceWords { old, new, .. } => {
            let scope = text_scope(doc, t)?;
            let hit = unique_occurrence(doc, &scope, old, t)?;
            let found = hit_text(doc, &hit);
            let new = in_text_hyphens(&found[hit.pos..hit.pos + hit.len], new).into_owned();
            edit_at(doc, &hit, hit.len, &new);
            Ok(())
        }
        Op::ReplaceWordsEach { old, new, times } => {
            let scope = text_scope(doc, t)?;
            replace_each(doc, &scope, old, new, *times, t)
        }
        Op::ReplaceEverywhere { old, new, .. } => replace_everywhere(doc, old, new, t),
        Op::InsertWords { anchor, words } => {
            let scope = text_scope(doc, t)?;
            let (aw, after) = match anchor {
                Anchor::After(a) => (a, true),
                Anchor::Before(a) => (a, false),
            };
            let hit = unique_occurrence(doc, &scope, aw, t)?;
            if after {
                let at = Hit {
                    pos: hit.pos + hit.len,
                    ..hit
                };
                // A footnote call is glued to the word it follows (« contribution² »).
                let sep = if formules::is_note_call(words) {
                    ""
                } else {
                    " "
                };
                edit_at(doc, &at, 0, &format!("{sep}{words}"));
            } else {
                edit_at(doc, &hit, 0, &format!("{words} "));
            }
            Ok(())
        }
        Op::RewriteEnd { after, text } => {
            // From the end of the words to the end of the phrase named, else of the alinéa.
            let scope = text_scope(doc, t)?;
            let hit = unique_occurrence(doc, &scope, after, t)?;
            let from = hit.pos + hit.len;
            let to = hit.slot.range.1.max(from);
            let sep = if text.starts_with([',', '.', ';', ')']) {
                ""
            } else {
                " "
            };
            let at = Hit { pos: from, ..hit };
            edit_at(doc, &at, to - from, &format!("{sep}{text}"));
            Ok(())
        }
        Op::AddWordsAtStart { words } => {
            let (id, range) = single_text(doc, t)?;
            let text = doc.node(id).text.clone();
            let new = format!(
                "{}{words} {}{}",
                &text[..range.0],
                &text[range.0..range.1],
                &text[range.1..]
            );
            set_text(doc, id, tidy(&new));
            Ok(())
        }
        Op::AddWordsAtEnd { words } => {
            let (id, range) = single_text(doc, t)?;
            let text = doc.node(id).text.clone();
            let part = &text[range.0..range.1];
            let body = part.trim_end_matches(['.', ';', ':', '!', '?', '…', ' ']);
            // Words that end a sentence of their own (« … et une phrase ainsi rédigée :
            // « w. P. » ») bring their own final stop.
            let punct = if words.ends_with(['.', '!', '?', '…']) {
                ""
            } else {
                &part[body.len()..]
            };
            let sep = if words.starts_with([',', '.', ')']) {
                ""
            } else {
                " "
            };
            let new = format!(
                "{}{body}{sep}{words}{punct}{}",
                &text[..range.0],
                &text[range.1..]
            );
            set_text(doc, id, tidy(&new));
            Ok(())
        }
        Op::DeleteWords { words, to_end } => {
            let scope = text_scope(doc, t)?;
            let hit = unique_occurrence(doc, &scope, words, t)?;
            let len = if *to_end {
                let text = hit_text(doc, &hit);
                let end = phrase_end(&text, hit.pos);
                end - hit.pos
            } else {
                hit.len
            };
            edit_at(doc, &hit, len, "");
            Ok(())
        }
        Op::RewritePhrase { text } => phrase_edit(doc, t, |s, r| {
            // « … est ramenée à 934,4 M€ ». — the full stop outside the quotation: the phrase
            // keeps the one it had.
            let old_end = s[r.0..r.1].trim_end().chars().last();
            let keep = match old_end {
                Some(c @ ('.' | '!' | '?' | '…'))
                    if !text.trim_end().ends_with(['.', '!', '?', '…']) =>
                {
                    c.to_string()
                }
                _ => String::new(),
            };
            format!("{}{text}{keep}{}", &s[..r.0], &s[r.1..])
        }),
        Op::DeletePhrase => phrase_edit(doc, t, |s, r| format!("{} {}", &s[..r.0], &s[r.1..])),
        Op::InsertPhrase { text } => {
            phrase_edit(doc, t, |s, r| format!("{} {text} {}", &s[..r.1], &s[r.1..]))
        }
        Op::AddPhrase { text } => {
            let (id, range) = single_text(doc, t)?;
            let s = doc.node(id).text.clone();
            let new = format!("{} {text} {}", &s[..range.1], &s[range.1..]);
            set_text(doc, id, tidy(&new));
            Ok(())
        }
        Op::RewriteAlineas { count, alineas } => {
            let (parent, ids) = leaf_range(doc, t, *count)?;
            if ids.len() == 1 && alineas.len() == 1 {
                rewrite_leaf(doc, ids[0], &alineas[0]);
                return Ok(());
            }
            let at = child_index(doc, parent, ids[0]);
            remove_children(doc, parent, &ids);
            insert_lines(doc, parent, at, alineas, ids.first().copied());
            Ok(())
        }
        Op::InsertAlineasBefore { alineas } => {
            let (parent, ids) = leaf_range(doc, t, 1)?;
            let at = child_index(doc, parent, ids[0]);
            insert_lines(doc, parent, at, alineas, Some(ids[0]));
            Ok(())
        }
        Op::InsertAlineas { alineas } => {
            let (parent, ids) = leaf_range(doc, t, 1)?;
            // After a point written « II. – … », after its last line.
            let mut last = ids[ids.len() - 1];
            // After an item come its sub-items.
            let level = doc.node(last).level;
            if doc.node(last).kind == NodeKind::Item {
                let siblings = doc.children(parent).to_vec();
                let mut i = child_index(doc, parent, last) + 1;
                while let Some(s) = siblings.get(i) {
                    let n = doc.node(*s);
                    if n.kind == NodeKind::Item && n.level > level {
                        last = *s;
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
            let at = child_index(doc, parent, last) + 1;
            insert_lines(doc, parent, at, alineas, Some(ids[0]));
            Ok(())
        }
        Op::AddAlineas {
            at: AlineaAt::End,
            alineas,
        } if !t.item.is_empty() && t.row.is_none() && t.alinea.is_none() => {
            // « Au paragraphe 25.2.c, il est inséré un dernier alinéa »: at the end of the
            // point when it is a sub-division, else after the point's last line.
            if let Some(c) = point_container(doc, t)? {
                let n = doc.children(c).len();
                insert_lines(doc, c, n, alineas, None);
                return Ok(());
            }
            let (parent, first) =
                resolve_leaf(doc, t)?.ok_or_else(|| formules::not_applicable(t))?;
            let leaves = doc.alineas(parent);
            let i = leaves
                .iter()
                .position(|l| *l == first)
                .ok_or_else(|| formules::target_missing(t))?;
            let last = leaves[point_end(doc, &leaves, i) - 1];
            let at = child_index(doc, parent, last) + 1;
            insert_lines(doc, parent, at, alineas, None);
            Ok(())
        }
        Op::AddAlineas { at, alineas } => {
            let unit = corps::alineas_of(doc, resolve_unit(doc, t)?);
            let container = if t.row.is_some() {
                first_table(doc, unit).ok_or_else(|| formules::target_missing(t))?
            } else {
                unit
            };
            let index = match at {
                AlineaAt::Start => {
                    // After nothing: before the first alinéa, table or sub-article.
                    0
                }
                AlineaAt::End => {
                    // Before sub-articles, which come after the article's own alinéas.
                    let ch = doc.children(container);
                    ch.iter()
                        .position(|c| doc.node(*c).kind == NodeKind::Article)
                        .unwrap_or(ch.len())
                }
            };
            insert_lines(doc, container, index, alineas, None);
            Ok(())
        }
        Op::DeleteAlineas { count } => {
            let (parent, ids) = leaf_range(doc, t, *count)?;
            remove_children(doc, parent, &ids);
            Ok(())
        }
        Op::RewriteArticle { heading, alineas } => {
            let id = resolve_unit(doc, t)?;
            let label = node_label(doc, id);
            let text = heading_line(doc.node(id), &label, heading.as_deref());
            let node = doc.node_mut(id);
            node.text = text;
            node.heading = heading.clone();
            node.children.clear();
            insert_lines(doc, id, 0, alineas, None);
            divisions::nest_subdivisions(doc, id, alineas, true);
            Ok(())
        }
        Op::InsertArticle {
            label,
            heading,
            alineas,
        } => {
            let after = resolve_unit(doc, t)?;
            let parent = doc.parent(after).unwrap_or(doc.root());
            let at = child_index(doc, parent, after) + 1;
            new_article(doc, parent, at, after, label, heading.as_deref(), alineas)
        }
        Op::InsertArticleBefore {
            label,
            heading,
            alineas,
        } => {
            let before = resolve_unit(doc, t)?;
            let parent = doc.parent(before).unwrap_or(doc.root());
            let at = child_index(doc, parent, before);
            new_article(doc, parent, at, before, label, heading.as_deref(), alineas)
        }
        Op::InsertArticleFirst {
            label,
            heading,
            alineas,
        } => {
            let parent = resolve_unit(doc, t)?;
            let ch = doc.children(parent).to_vec();
            let is_unit =
                |c: &NodeId| matches!(doc.node(*c).kind, NodeKind::Article | NodeKind::Structure);
            // After an article's own alinéas; first in a division.
            let at = ch.iter().position(is_unit).unwrap_or(ch.len());
            let model = ch
                .iter()
                .find(|c| doc.node(**c).kind == NodeKind::Article)
                .copied()
                .unwrap_or(parent);
            new_article(doc, parent, at, model, label, heading.as_deref(), alineas)
        }
        Op::AddArticle {
            label,
            heading,
            alineas,
        } => {
            let last = reachable(doc)
                .into_iter()
                .rev()
                .find(|id| {
                    doc.node(*id).kind == NodeKind::Article
                        && doc
                            .parent(*id)
                            .is_none_or(|p| doc.node(p).kind != NodeKind::Article)
                })
                .ok_or_else(|| formules::target_missing(t))?;
            let parent = doc.parent(last).unwrap_or(doc.root());
            let at = child_index(doc, parent, last) + 1;
            new_article(doc, parent, at, last, label, heading.as_deref(), alineas)
        }
        Op::RewriteBlock { lines } if t.heading => corps::rewrite_title(doc, t, lines),
        Op::RewriteBlock { lines } => {
            let id = resolve_unit(doc, t)?;
            if doc.node(id).kind == NodeKind::Note {
                // A footnote is its own text.
                crate::edit::set_text(doc, id, crate::normalise::inline(&lines.join(" ")));
                return Ok(());
            }
            doc.node_mut(id).children.clear();
            insert_lines(doc, id, 0, lines, None);
            Ok(())
        }
        Op::InsertDivision {
            place,
            label,
            heading,
            lines,
        } => divisions::insert_division(doc, t, *place, label, heading.as_deref(), lines),
        Op::UnwrapDivision => divisions::unwrap_division(doc, t),
        Op::DeleteArticle | Op::DeleteAnnex | Op::DeleteBlock => {
            let id = resolve_unit(doc, t)?;
            let parent = doc.parent(id).unwrap_or(doc.root());
            remove_children(doc, parent, &[id]);
            if doc.node(parent).kind == NodeKind::Notes && doc.children(parent).is_empty() {
                // The last footnote gone, the notes go too.
                let root = doc.root();
                remove_children(doc, root, &[parent]);
            }
            Ok(())
        }
        // Only before an alinéa designated by its first words ([`apply_at_alinea_start`]).
        Op::InsertIntertitle { .. } => Err(formules::not_applicable(t)),
        Op::Renumber { from, to } => {
            if from.len() != to.len() {
                return Err(formules::not_applicable(t));
            }
            let mut ids = Vec::new();
            for l in from {
                let target = Target::article(l);
                ids.push(resolve_unit(doc, &target)?);
            }
            // « Les articles 8 à 10 deviennent les articles 7 à 9 » while an article 7 stays:
            // two articles 7, refused (a number the renumbering frees is free).
            let freed: Vec<String> = from.iter().map(|l| canonical_label(l)).collect();
            for new in to {
                let unit = Unit::article(&canonical_label(new));
                if !freed.contains(&canonical_label(new))
                    && resolve_unit(doc, &Target::unit(unit.clone())).is_ok()
                {
                    return Err(formules::already_exists(&unit));
                }
            }
            for (id, new) in ids.into_iter().zip(to) {
                let old = node_label(doc, id);
                let heading = doc.node(id).heading.clone();
                let text = heading_line(doc.node(id), &old, heading.as_deref());
                let new_label = canonical_label(new);
                let text = relabel(&text, &old, &new_label);
                crate::edit::relabel(doc, id, new_label, text);
            }
            Ok(())
        }
        Op::RenumberAnnexes { from, to } => divisions::renumber_annexes(doc, t, from, to),
        Op::AddNote { label, text } => divisions::add_note(doc, label, text),
        Op::InsertPreambule { alineas } => divisions::insert_preambule(doc, t, alineas),
        Op::RewriteHeading { heading } => {
            let id = resolve_unit(doc, t)?;
            let label = node_label(doc, id);
            let node = doc.node(id);
            if node.kind == NodeKind::Document {
                // « L'intitulé de la convention » is its title line.
                let title = reachable(doc)
                    .into_iter()
                    .find(|id| doc.node(*id).kind == NodeKind::Titre)
                    .ok_or_else(|| formules::target_missing(t))?;
                doc.node_mut(title).text = heading.clone();
                return Ok(());
            }
            let text = match node.kind {
                NodeKind::Article | NodeKind::Structure => {
                    heading_line(node, &label, Some(heading))
                }
                NodeKind::Annexe => annex_line(node, Some(heading)),
                _ => return Err(formules::not_applicable(t)),
            };
            let node = doc.node_mut(id);
            node.text = text;
            node.heading = Some(heading.clone());
            Ok(())
        }
        Op::RewriteAnnex { heading, blocks } => {
            let id = resolve_unit(doc, t)?;
            let text = annex_line(doc.node(id), heading.as_deref());
            let node = doc.node_mut(id);
            node.text = text;
            node.heading = heading.clone();
            node.children.clear();
            insert_lines(doc, id, 0, blocks, None);
            divisions::nest_subdivisions(doc, id, blocks, false);
            Ok(())
        }
        Op::InsertAnnexBefore {
            label,
            heading,
            blocks,
        } => corps::insert_annex_before(doc, t, label, heading, blocks),
        Op::AddAnnex {
            label,
            heading,
            blocks,
        } => {
            let unit = Unit::Annex {
                label: label.clone(),
            };
            if find_unit(doc, &unit).is_some() {
                return Err(formules::already_exists(&unit));
            }
            let root = doc.root();
            let (root, at) = if let Unit::Annex { .. } = t.unit {
                // « Après l'annexe 1, il est inséré une annexe 2 »: right after that annex.
                let after = resolve_unit(doc, t)?;
                let parent = doc.parent(after).unwrap_or(root);
                (parent, child_index(doc, parent, after) + 1)
            } else {
                let at = doc
                    .children(root)
                    .iter()
                    .position(|c| doc.node(*c).kind == NodeKind::Notes)
                    .unwrap_or(doc.children(root).len());
                (root, at)
            };
            let text = formules::annex_heading_line(label.as_deref(), heading.as_deref());
            let mut node = Node::new(NodeKind::Annexe, fresh_key(doc), text, Span::default());
            node.label = label.clone();
            node.heading = heading.clone();
            let id = insert_child(doc, root, at, node);
            insert_lines(doc, id, 0, blocks, None);
            divisions::nest_subdivisions(doc, id, blocks, false);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_split() {
        let t = "La présente convention entre en vigueur à sa signature. Elle est conclue jusqu'au 30 juin 2021.";
        let p = phrases(t);
        assert_eq!(p.len(), 2);
        assert_eq!(
            &t[p[1].0..p[1].1],
            "Elle est conclue jusqu'au 30 juin 2021."
        );
        let t = "M. Dupont signe. Art. L. 1111-1 du code. Fin";
        let p: Vec<&str> = phrases(t).iter().map(|r| &t[r.0..r.1]).collect();
        assert_eq!(p, ["M. Dupont signe.", "Art. L. 1111-1 du code.", "Fin"]);
    }

    #[test]
    fn whole_words() {
        assert_eq!(occurrences("par écrit, parfois", "par"), vec![0]);
        assert_eq!(occurrences("l'ENA et l'ENA", "l'ENA"), vec![0, 9]);
    }

    #[test]
    fn quoted_words_match_across_the_non_breaking_hyphen() {
        // The Journal officiel's « L. 331‑34 » (U+2011), quoted « L. 331-34 » by the act, and
        // the reverse; the span is the text's own.
        let t = "l'article L. 331\u{2011}34 du code";
        assert_eq!(occurrence_spans(t, "L. 331-34"), [(10, 21)]);
        assert_eq!(&t[10..21], "L. 331\u{2011}34");
        assert_eq!(
            occurrence_spans("l'article L. 331-34", "L. 331\u{2011}34"),
            [(10, 19)]
        );
        assert_eq!(occurrences(t, "L. 331-3"), Vec::<usize>::new());
        // Replaced, the new words take the text's hyphen when it wrote them all so.
        let (out, n) = replace_words(t, "L. 331-34", "L. 331-35").expect("found");
        assert_eq!((out.as_str(), n), ("l'article L. 331\u{2011}35 du code", 1));
        let mixed = "l'article L. 301\u{2011}5-1";
        let (out, _) = replace_words(mixed, "L. 301-5-1", "L. 301-5-2").expect("found");
        assert_eq!(out, "l'article L. 301-5-2");
    }

    #[test]
    fn long_instructions_are_shortened_at_a_word() {
        assert_eq!(
            shorten("les mots sont remplacés", 100),
            "les mots sont remplacés"
        );
        assert_eq!(shorten("les mots sont remplacés", 12), "les mots …");
        assert_eq!(shorten("éééé éééé", 6), "éééé …");
    }

    #[test]
    fn tidy_spaces() {
        assert_eq!(tidy("a  b ."), "a b.");
        assert_eq!(tidy(" x , y "), "x, y");
    }
}
