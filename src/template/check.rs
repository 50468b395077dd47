//! Checking a convention against a template: template + convention → [`CheckReport`].
//!
//! 1. align the template on the convention (`align`), pair the leftover alinéas whose template
//!    text fills with the convention's, and read every placeholder's value;
//! 2. put the values into a copy of the template and compare it with the convention (`diff`):
//!    the word changes left are exactly the words changed outside the placeholders;
//! 3. one clause report per template clause (and per added clause), then the placeholders.

use super::placeholder::{fill, has_placeholder, pieces, Placeholder, PlaceholderType};
use super::report::{
    quote, Change, ChangeKind, CheckReport, ClauseReport, ClauseStatus, PlaceholderReport,
};
use super::values::{party_names, read_values, resolve_party, type_problem, Filled};
use super::{clause_of, is_clause, Template};
use crate::align::{self, own_text, Basis, Field, Pair};
use crate::diff::tokens::tokenize;
use crate::diff::{self, ChangeTag, DiffOptions, PairDiff};
use crate::model::{Document, NodeId, NodeKind};
use crate::render::excerpt;
use std::collections::BTreeMap;

/// Checks `convention` against `template`. Never fails: every input was validated when read.
pub fn check(template: &Template, convention: &Document) -> CheckReport {
    let tdoc = template.document();
    let options = DiffOptions::default();
    let parties = party_names(convention);

    // 1. Values.
    let mut raw = align::align(tdoc, convention, &options.align);
    pair_by_fill(tdoc, convention, &mut raw.pairs, NodeKind::Document);
    reclaim_own_place(tdoc, convention, &mut raw.pairs);
    let mut per_node: BTreeMap<NodeId, Filled> = BTreeMap::new();
    for p in raw.iter() {
        let (Some(t), Some(c)) = (p.old, p.new) else {
            continue;
        };
        if let Some((tt, ct)) = own_texts(tdoc, t, convention, c) {
            let mut filled = read_values(tt, ct);
            for (_, h, v) in &mut filled.values {
                if type_problem(h, v, &parties).is_some() {
                    if let Some(n) = narrow(h, v, &parties) {
                        *v = n;
                    }
                }
            }
            // Around a rewording, a value that does not fit is a guess gone wrong, not a value.
            if !filled.exact {
                filled
                    .values
                    .retain(|(_, h, v)| type_problem(h, v, &parties).is_none());
            }
            if !filled.values.is_empty() {
                per_node.insert(t, filled);
            }
        }
    }
    // Occurrences in template order: (placeholder name, clause key, value).
    let mut occurrences: Vec<(String, NodeId, String)> = Vec::new();
    for (id, filled) in &per_node {
        for (_, h, v) in &filled.values {
            occurrences.push((h.name.clone(), *id, v.clone()));
        }
    }
    let global = global_values(&occurrences);

    // 2. The template with its values, compared with the convention.
    let mut inst = tdoc.clone();
    for i in 0..inst.nodes.len() {
        let id = NodeId(i as u32);
        let local: BTreeMap<&str, &str> = per_node
            .get(&id)
            .map(|f| {
                f.values
                    .iter()
                    .map(|(_, h, v)| (h.name.as_str(), v.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let value = |h: &Placeholder| -> String {
            local
                .get(h.name.as_str())
                .map(|v| v.to_string())
                .or_else(|| global.get(&h.name).cloned())
                .unwrap_or_else(|| h.to_string())
        };
        let node = &mut inst.nodes[i];
        node.text = substitute(&node.text, &value);
        node.heading = node.heading.as_deref().map(|h| substitute(h, &value));
        for cell in node.cells_mut() {
            *cell = substitute(cell, &value);
        }
    }
    let mut alignment = align::align(&inst, convention, &options.align);
    pair_by_fill(tdoc, convention, &mut alignment.pairs, NodeKind::Document);
    reclaim_own_place(tdoc, convention, &mut alignment.pairs);
    let cmp = diff::diff(inst, convention.clone(), alignment, &options);

    // 3. Clauses.
    let mut paired: BTreeMap<NodeId, NodeId> = BTreeMap::new();
    for p in cmp.iter() {
        if let (Some(o), Some(n)) = (p.old, p.new) {
            paired.entry(o).or_insert(n);
        }
    }
    let walker = Walker {
        template,
        tdoc,
        conv: convention,
        paired,
    };
    let mut clauses = Vec::new();
    walker.walk(&cmp.pairs, 0, &mut clauses);

    // 4. Placeholders.
    let mut placeholders = Vec::new();
    for ph in template.placeholders() {
        let occ: Vec<(String, String)> = occurrences
            .iter()
            .filter(|(n, _, _)| *n == ph.name)
            .map(|(_, id, v)| (tdoc.node(template.clause_of(*id)).key.clone(), v.clone()))
            .collect();
        let mut type_problems: Vec<String> = Vec::new();
        for (clause, v) in &occ {
            if let Some(problem) = type_problem(ph, v, &parties) {
                if let Some(c) = clauses.iter_mut().find(|c: &&mut ClauseReport| {
                    c.key == *clause && c.status != ClauseStatus::Ajoutee
                }) {
                    if !c.problems.contains(&problem) {
                        c.problems.push(problem.clone());
                    }
                }
                if !type_problems.contains(&problem) {
                    type_problems.push(problem);
                }
            }
        }
        // Distinct values, by what they mean (a party, whatever its article).
        let canon = |v: &str| -> String {
            if ph.ty == PlaceholderType::Party {
                if let Some(i) = resolve_party(&parties, v) {
                    return format!("partie {i}");
                }
            }
            v.trim()
                .trim_end_matches([',', ';', '.'])
                .trim()
                .to_string()
        };
        let mut distinct: Vec<(String, String, String)> = Vec::new();
        for (clause, v) in &occ {
            let c = canon(v);
            if !distinct.iter().any(|(k, _, _)| *k == c) {
                distinct.push((c, v.clone(), clause.clone()));
            }
        }
        let inconsistent = (distinct.len() > 1).then(|| {
            let listed: Vec<String> = distinct
                .iter()
                .map(|(_, v, clause)| format!("{} ({clause})", quote(&excerpt(v, 50))))
                .collect();
            format!(
                "{ph} prend plusieurs valeurs{}: {}",
                '\u{a0}',
                listed.join(", ")
            )
        });
        let value = match ph.ty {
            PlaceholderType::Party => occ.iter().find_map(|(_, v)| {
                let i = resolve_party(&parties, v)?;
                let party = convention.parties().get(i).map(|p| (*p).clone())?;
                Some(party.short_name.unwrap_or(party.name))
            }),
            _ => None,
        }
        .or_else(|| global.get(&ph.name).cloned());
        placeholders.push(PlaceholderReport {
            placeholder: ph.clone(),
            value,
            occurrences: occ,
            type_problems,
            inconsistent,
            accepted: None,
        });
    }

    CheckReport {
        template: tdoc.source.path.clone(),
        convention: convention.source.path.clone(),
        clauses,
        placeholders,
    }
}

/// The part of a value that fits its type, when the match took more words than the value
/// (« l'ENA, la DGAFP » for `{{partenaire:party}}` → « l'ENA »): the longest run of tokens
/// from the start, else the first fitting run.
fn narrow(ph: &Placeholder, value: &str, parties: &[Vec<String>]) -> Option<String> {
    if ph.ty == PlaceholderType::Text {
        return None;
    }
    let tokens = tokenize(value);
    let n = tokens.len().min(40);
    for start in 0..n {
        for end in (start + 1..=n).rev() {
            let (a, b) = (tokens[start].range.start, tokens[end - 1].range.end);
            let Some(part) = value.get(a..b) else {
                continue;
            };
            if type_problem(ph, part, parties).is_none() {
                return Some(part.to_string());
            }
        }
    }
    None
}

/// The texts whose placeholders are read: a leaf's text, a heading (not a party's, which
/// repeats its « ci-après » name).
fn own_texts<'a>(
    tdoc: &'a Document,
    t: NodeId,
    conv: &'a Document,
    c: NodeId,
) -> Option<(&'a str, &'a str)> {
    let kind = tdoc.node(t).kind;
    if matches!(
        kind,
        NodeKind::Partie | NodeKind::Table | NodeKind::Document
    ) {
        return None;
    }
    let (tt, field) = own_text(tdoc, t);
    if !has_placeholder(tt) {
        return None;
    }
    let ct = match field {
        Field::Heading => conv.node(c).heading.as_deref().unwrap_or(""),
        Field::Text => conv.node(c).text.as_str(),
    };
    Some((tt, ct))
}

/// The most frequent value of each placeholder (the first one on a tie).
fn global_values(occurrences: &[(String, NodeId, String)]) -> BTreeMap<String, String> {
    let mut counts: BTreeMap<&str, Vec<(&str, usize)>> = BTreeMap::new();
    for (name, _, v) in occurrences {
        let list = counts.entry(name.as_str()).or_default();
        match list.iter_mut().find(|(x, _)| x == v) {
            Some(e) => e.1 += 1,
            None => list.push((v.as_str(), 1)),
        }
    }
    counts
        .into_iter()
        .filter_map(|(name, list)| {
            let most = list.iter().map(|(_, n)| *n).max()?;
            let first = list.iter().find(|(_, n)| *n == most)?;
            Some((name.to_string(), first.0.to_string()))
        })
        .collect()
}

/// The text with each placeholder replaced by its value (text without placeholders unchanged).
fn substitute(text: &str, value: &impl Fn(&Placeholder) -> String) -> String {
    if !has_placeholder(text) {
        return text.to_string();
    }
    match pieces(text) {
        Ok(ps) => super::placeholder::render(&ps, value),
        Err(_) => text.to_string(),
    }
}

fn is_leaf(kind: NodeKind) -> bool {
    kind.is_alinea_like() || matches!(kind, NodeKind::Row | NodeKind::Note)
}

/// Pairs, in every sibling list, a template alinéa left alone with the first convention
/// alinéa left alone that its text fills (`{{partenaire_adresse}}` against an address: words
/// too different for the aligner, equal for the template).
fn pair_by_fill(tdoc: &Document, conv: &Document, pairs: &mut Vec<Pair>, parent: NodeKind) {
    for p in pairs.iter_mut() {
        let kind = p
            .old
            .map(|o| tdoc.node(o).kind)
            .or(p.new.map(|n| conv.node(n).kind))
            .unwrap_or(NodeKind::Document);
        pair_by_fill(tdoc, conv, &mut p.children, kind);
    }
    let olds: Vec<usize> = (0..pairs.len())
        .filter(|i| {
            pairs[*i].new.is_none() && pairs[*i].old.is_some_and(|o| is_leaf(tdoc.node(o).kind))
        })
        .collect();
    if olds.is_empty() {
        return;
    }
    let news: Vec<usize> = (0..pairs.len())
        .filter(|i| {
            pairs[*i].old.is_none() && pairs[*i].new.is_some_and(|n| is_leaf(conv.node(n).kind))
        })
        .collect();
    let local = |doc: &Document, id: NodeId| doc.node(id).local_key().to_string();
    let mut used = vec![false; news.len()];
    let mut merges: Vec<(usize, usize)> = Vec::new();
    let mut unmatched: Vec<usize> = Vec::new();
    for oi in olds {
        let Some(o) = pairs[oi].old else { continue };
        let text = &tdoc.node(o).text;
        let ps = if has_placeholder(text) {
            pieces(text).ok()
        } else {
            None
        };
        let Some(ps) = ps else {
            unmatched.push(oi);
            continue;
        };
        // Candidates that the template text fills; the one at the same place first.
        let fits: Vec<usize> = (0..news.len())
            .filter(|k| !used[*k])
            .filter(|k| {
                pairs[news[*k]]
                    .new
                    .is_some_and(|n| fill(&ps, &conv.node(n).text).is_some())
            })
            .collect();
        let same_place = fits.iter().copied().find(|k| {
            pairs[news[*k]]
                .new
                .is_some_and(|n| local(conv, n) == local(tdoc, o))
        });
        match same_place.or(fits.first().copied()) {
            Some(k) => {
                used[k] = true;
                merges.push((oi, news[k]));
            }
            None => unmatched.push(oi),
        }
    }
    // In a party's block and the signatures, lines stand for each other by their place.
    if matches!(parent, NodeKind::Partie | NodeKind::Signatures) {
        for oi in unmatched {
            let Some(o) = pairs[oi].old else { continue };
            let found = (0..news.len()).find(|k| {
                !used[*k]
                    && pairs[news[*k]]
                        .new
                        .is_some_and(|n| local(conv, n) == local(tdoc, o))
            });
            if let Some(k) = found {
                used[k] = true;
                merges.push((oi, news[k]));
            }
        }
    }
    let mut remove = Vec::new();
    for (oi, ni) in merges {
        let old = pairs[oi].old;
        pair_in_place(&mut pairs[ni], old);
        pairs[ni].renumbered = false;
        remove.push(oi);
    }
    remove_pairs(pairs, remove);
}

/// `target` paired with the template's `old` as a filled clause: similar, in place.
fn pair_in_place(target: &mut Pair, old: Option<NodeId>) {
    target.old = old;
    target.basis = Basis::Similar;
    target.similarity = 1.0;
    target.moved = false;
}

/// The pairs at the indices `remove` taken out.
fn remove_pairs(pairs: &mut Vec<Pair>, mut remove: Vec<usize>) {
    remove.sort_unstable();
    for i in remove.into_iter().rev() {
        pairs.remove(i);
    }
}

/// A convention alinéa the aligner paired with a look-alike in another clause of the template
/// (« un trésorier et un trésorier-adjoint » with another article's « Un·e trésorier·e, … »),
/// while the template alinéa at its own place in its own clause, which its text fills, is left
/// alone: paired with that one instead. The look-alike goes back to its clause, unpaired, so
/// that nothing of the template drops out of the report.
fn reclaim_own_place(tdoc: &Document, conv: &Document, pairs: &mut Vec<Pair>) {
    let mut orphans = Vec::new();
    reclaim_in(tdoc, conv, pairs, None, &mut orphans);
    for o in orphans {
        put_back(tdoc, pairs, o);
    }
}

fn reclaim_in(
    tdoc: &Document,
    conv: &Document,
    pairs: &mut Vec<Pair>,
    parent: Option<NodeId>,
    orphans: &mut Vec<NodeId>,
) {
    for p in pairs.iter_mut() {
        let old = p.old;
        reclaim_in(tdoc, conv, &mut p.children, old, orphans);
    }
    let Some(parent) = parent else {
        return;
    };
    let local = |doc: &Document, id: NodeId| doc.node(id).local_key().to_string();
    let fills = |t: NodeId, c: NodeId| {
        let text = &tdoc.node(t).text;
        has_placeholder(text)
            && pieces(text).is_ok_and(|ps| fill(&ps, &conv.node(c).text).is_some())
    };
    let mut remove: Vec<usize> = Vec::new();
    for i in 0..pairs.len() {
        let (Some(elsewhere), Some(c)) = (pairs[i].old, pairs[i].new) else {
            continue;
        };
        if !is_leaf(tdoc.node(elsewhere).kind) || tdoc.parent(elsewhere) == Some(parent) {
            continue;
        }
        let own = (0..pairs.len()).find(|j| {
            !remove.contains(j)
                && pairs[*j].new.is_none()
                && pairs[*j].old.is_some_and(|t| {
                    is_leaf(tdoc.node(t).kind)
                        && tdoc.parent(t) == Some(parent)
                        && local(tdoc, t) == local(conv, c)
                        && fills(t, c)
                })
        });
        if let Some(j) = own {
            let t = pairs[j].old;
            pair_in_place(&mut pairs[i], t);
            remove.push(j);
            orphans.push(elsewhere);
        }
    }
    remove_pairs(pairs, remove);
}

/// Puts template node `o` back, unpaired, among the pairs of its parent: before the first
/// pair of a later sibling (deleted units stand where they stood). Left out only when its
/// parent has no pair at all (a clause absent as a whole, reported as such).
fn put_back(tdoc: &Document, pairs: &mut [Pair], o: NodeId) {
    let Some(parent) = tdoc.parent(o) else {
        return;
    };
    let siblings = tdoc.children(parent);
    let rank = |id: NodeId| siblings.iter().position(|s| *s == id);
    let Some(mine) = rank(o) else {
        return;
    };
    fn find(pairs: &mut [Pair], parent: NodeId) -> Option<&mut Vec<Pair>> {
        for p in pairs.iter_mut() {
            if p.old == Some(parent) {
                return Some(&mut p.children);
            }
            if let Some(found) = find(&mut p.children, parent) {
                return Some(found);
            }
        }
        None
    }
    let Some(list) = find(pairs, parent) else {
        return;
    };
    let at = list
        .iter()
        .position(|p| p.old.and_then(rank).is_some_and(|r| r > mine))
        .unwrap_or(list.len());
    list.insert(
        at,
        Pair {
            old: Some(o),
            new: None,
            basis: Basis::Unmatched,
            similarity: 0.0,
            moved: false,
            renumbered: false,
            children: Vec::new(),
        },
    );
}

/// « alinéa 3 », « tableau 1, ligne 6 »: where a node stands inside its clause.
fn place(doc: &Document, id: NodeId, clause: NodeId) -> String {
    let key = &doc.node(id).key;
    let base = &doc.node(clause).key;
    let rel = key
        .strip_prefix(base.as_str())
        .map(|r| r.trim_start_matches('/'))
        .unwrap_or(key);
    let words: Vec<String> = rel
        .split('/')
        .map(|seg| {
            let (kind, n) = seg.rsplit_once('-').unwrap_or((seg, ""));
            let noun = match kind {
                "al" => "alinéa",
                "row" => "ligne",
                "table" => "tableau",
                "note" => "note",
                "partie" => "partie",
                other => other,
            };
            if n.is_empty() {
                noun.to_string()
            } else {
                format!("{noun} {n}")
            }
        })
        .collect();
    words.join(", ")
}

/// Where a node stands in its document, for a move: « article 4, alinéa 5 ».
fn location(doc: &Document, id: NodeId) -> String {
    let clause = clause_of(doc, id);
    format!("{}, {}", doc.display_name(clause), place(doc, id, clause))
}

/// The heading shown for a clause.
pub(crate) fn heading_of(doc: &Document, id: NodeId) -> String {
    let node = doc.node(id);
    match node.kind {
        NodeKind::Titre => return node.text.clone(),
        NodeKind::Partie => {
            if let Some(first) = doc.children(id).first() {
                return doc.node(*first).text.clone();
            }
        }
        _ => {}
    }
    if let Some(h) = node.heading.as_deref().filter(|h| !h.is_empty()) {
        return h.to_string();
    }
    match node.kind {
        NodeKind::EnTete => "En-tête".into(),
        NodeKind::Parties => "Parties".into(),
        NodeKind::Visas => "Visas".into(),
        NodeKind::Preambule => "Préambule".into(),
        NodeKind::Signatures => "Signatures".into(),
        NodeKind::Notes => "Notes".into(),
        _ => excerpt(&node.text, 60),
    }
}

struct Walker<'a> {
    template: &'a Template,
    tdoc: &'a Document,
    conv: &'a Document,
    /// Template node → its convention counterpart, wherever it was paired.
    paired: BTreeMap<NodeId, NodeId>,
}

impl Walker<'_> {
    fn walk(&self, pairs: &[PairDiff], depth: usize, out: &mut Vec<ClauseReport>) {
        for p in pairs {
            let is_clause_pair = match (p.old, p.new) {
                (Some(t), _) => is_clause(self.tdoc, t),
                (None, Some(c)) => is_clause(self.conv, c),
                _ => false,
            };
            if !is_clause_pair {
                continue;
            }
            match (p.old, p.new) {
                (Some(t), None) => self.absent(t, depth, out),
                (None, Some(c)) => out.push(ClauseReport {
                    key: self.conv.node(c).key.clone(),
                    convention_key: Some(self.conv.node(c).key.clone()),
                    heading: heading_of(self.conv, c),
                    depth,
                    status: ClauseStatus::Ajoutee,
                    optional: false,
                    changes: Vec::new(),
                    problems: Vec::new(),
                    accepted: None,
                }),
                (Some(t), Some(c)) => {
                    let mut changes = Vec::new();
                    if self.tdoc.node(t).kind != NodeKind::Partie {
                        let (_, field) = own_text(self.tdoc, t);
                        let where_ = match field {
                            Field::Heading => "intitulé",
                            Field::Text => "texte",
                        };
                        push_words(&mut changes, p, where_);
                    }
                    self.detail(&p.children, t, &mut changes);
                    let key = self.tdoc.node(t).key.clone();
                    out.push(ClauseReport {
                        optional: self.template.is_optional(&key),
                        key,
                        convention_key: Some(self.conv.node(c).key.clone()),
                        heading: heading_of(self.tdoc, t),
                        depth,
                        status: if changes.is_empty() {
                            ClauseStatus::Conforme
                        } else {
                            ClauseStatus::Adapte
                        },
                        changes,
                        problems: Vec::new(),
                        accepted: None,
                    });
                    self.walk(&p.children, depth + 1, out);
                }
                (None, None) => {}
            }
        }
    }

    /// An absent template clause, and its sub-clauses.
    fn absent(&self, t: NodeId, depth: usize, out: &mut Vec<ClauseReport>) {
        let key = self.tdoc.node(t).key.clone();
        out.push(ClauseReport {
            optional: self.template.is_optional(&key),
            key,
            convention_key: None,
            heading: heading_of(self.tdoc, t),
            depth,
            status: ClauseStatus::Absent,
            changes: Vec::new(),
            problems: Vec::new(),
            accepted: None,
        });
        for child in self.tdoc.children(t) {
            if is_clause(self.tdoc, *child) {
                self.absent(*child, depth + 1, out);
            }
        }
    }

    /// Template alinéa `t`, of a sub-clause of `clause` (« 10-3 »), is written by the
    /// convention in its own clause that has no sub-clauses: the convention writes the
    /// model's article without its sub-numbering (blind2 finding 13, Renn.es's articles 7 and
    /// 8 against the sub-articles 7-1 … 7-4 and 10-1 … 10-4 of the Wikimédia statuts): the
    /// alinéa is in its place, not taken from another clause.
    fn flattened(&self, t: NodeId, c: NodeId, clause: NodeId) -> bool {
        let own = clause_of(self.conv, c);
        if self
            .conv
            .children(own)
            .iter()
            .any(|k| is_clause(self.conv, *k))
        {
            return false;
        }
        let mut up = Some(clause_of(self.tdoc, t));
        while let Some(n) = up {
            if n == clause {
                return true;
            }
            up = self.tdoc.node(n).parent;
        }
        false
    }

    /// The departures of a clause's alinéas (tables included, sub-clauses aside).
    fn detail(&self, pairs: &[PairDiff], clause: NodeId, out: &mut Vec<Change>) {
        for p in pairs {
            match (p.old, p.new) {
                (Some(t), _) if is_clause(self.tdoc, t) => continue,
                (None, Some(c)) if is_clause(self.conv, c) => continue,
                _ => {}
            }
            let kind = p
                .old
                .map(|t| self.tdoc.node(t).kind)
                .or(p.new.map(|c| self.conv.node(c).kind));
            if !kind.is_some_and(is_leaf) {
                self.detail(&p.children, clause, out);
                continue;
            }
            match (p.old, p.new) {
                (Some(t), Some(c)) => {
                    let where_ = place(self.conv, c, clause_of(self.conv, c));
                    if clause_of(self.tdoc, t) != clause && !self.flattened(t, c, clause) {
                        out.push(Change {
                            place: where_.clone(),
                            kind: ChangeKind::Moved,
                            old: location(self.tdoc, t),
                            new: String::new(),
                        });
                    }
                    let before = out.len();
                    push_words(out, p, &where_);
                    if out.len() == before
                        && matches!(p.basis, Basis::Split | Basis::Merge)
                        && p.status != diff::Status::Unchanged
                    {
                        out.push(Change {
                            place: where_,
                            kind: ChangeKind::Regrouped,
                            old: String::new(),
                            new: String::new(),
                        });
                    }
                }
                // An optional alinéa the convention does not write.
                (Some(t), None)
                    if !self.paired.contains_key(&t)
                        && self.template.is_marked_optional(&self.tdoc.node(t).key) => {}
                (Some(t), None) => {
                    let where_ = place(self.tdoc, t, clause);
                    match self.paired.get(&t) {
                        Some(c) => out.push(Change {
                            place: where_,
                            kind: ChangeKind::Moved,
                            old: String::new(),
                            new: location(self.conv, *c),
                        }),
                        None => out.push(Change {
                            place: where_,
                            kind: ChangeKind::AlineaRemoved,
                            old: self.tdoc.node(t).text.clone(),
                            new: String::new(),
                        }),
                    }
                }
                (None, Some(c)) => out.push(Change {
                    place: place(self.conv, c, clause_of(self.conv, c)),
                    kind: ChangeKind::AlineaAdded,
                    old: String::new(),
                    new: self.conv.node(c).text.clone(),
                }),
                (None, None) => {}
            }
        }
    }
}

/// The substantive word changes of a pair's own text, as departures at `place`.
fn push_words(out: &mut Vec<Change>, p: &PairDiff, place: &str) {
    for ch in p.substantive() {
        let only_placeholders = has_placeholder(&ch.old)
            && pieces(&ch.old).is_ok_and(|ps| {
                ps.iter().all(|p| match p {
                    super::placeholder::Piece::Hole(_) => true,
                    super::placeholder::Piece::Literal(l) => l.trim().is_empty(),
                })
            });
        let kind = match ch.tag {
            ChangeTag::Delete if only_placeholders => ChangeKind::Unfilled,
            ChangeTag::Replace => ChangeKind::Replace,
            ChangeTag::Insert => ChangeKind::Insert,
            ChangeTag::Delete => ChangeKind::Delete,
        };
        out.push(Change {
            place: place.to_string(),
            kind,
            old: ch.old.clone(),
            new: ch.new.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "Convention\n\nEntre\n\n{{partenaire:party}}\n\nAdresse : {{adresse}}\n\nCi-après dénommée « {{partenaire:party}} »\n\nEt\n\nLa DINUM\n\nArticle 1er : Objet\n\nLa convention lie {{partenaire:party}} et la DINUM.\n\nArticle 2 : Durée\n\nElle est conclue jusqu'au {{date_fin:date}}.\n\nArticle 3 : Financement [optionnel]\n\nLe montant est de {{montant:amount}}.\n";

    const CONVENTION: &str = "Convention\n\nEntre\n\nL'École nationale d'administration (ENA)\n\nAdresse : 1 rue Sainte-Marguerite, Strasbourg\n\nCi-après dénommée « l'ENA »\n\nEt\n\nLa DINUM\n\nArticle 1er : Objet\n\nLa convention lie l'ENA et la DINUM.\n\nArticle 2 : Durée\n\nElle est conclue jusqu'au 31 décembre 2021.\n";

    fn run(conv: &str) -> CheckReport {
        let t = Template::parse("modele.md", TEMPLATE).unwrap();
        check(&t, &crate::pipeline::parse_str("ena.md", conv))
    }

    #[test]
    fn a_filled_convention_conforms() {
        let r = run(CONVENTION);
        assert!(r.conforms(), "{r}");
        assert_eq!(r.clause("article-3").unwrap().status, ClauseStatus::Absent);
        assert!(r.clause("article-3").unwrap().optional);
        assert_eq!(
            r.placeholder("date_fin").unwrap().value.as_deref(),
            Some("31 décembre 2021")
        );
        assert_eq!(
            r.placeholder("partenaire").unwrap().value.as_deref(),
            Some("l'ENA")
        );
        assert!(r.placeholder("partenaire").unwrap().inconsistent.is_none());
    }

    /// blind2 13: a convention that writes an article's sub-articles flat (no « 2.1 »)
    /// reads their alinéas in place, not « repris du modèle ».
    #[test]
    fn a_flat_article_reads_the_sub_articles_alineas_in_place() {
        let t = Template::parse(
            "t.md",
            "Convention\n\nArticle 1er : Objet\n\nLa convention lie les parties.\n\nArticle 2 : Bureau\n\nLe bureau est élu.\n\n2.1 Réunions\n\nLe bureau se réunit chaque mois sur convocation du président.\n",
        )
        .unwrap();
        let conv = crate::pipeline::parse_str(
            "c.md",
            "Convention\n\nArticle 1er : Objet\n\nLa convention lie les parties.\n\nArticle 2 : Bureau\n\nLe bureau est élu.\n\nLe bureau se réunit chaque mois sur convocation du président.\n",
        );
        let r = check(&t, &conv);
        let moved = r
            .clauses
            .iter()
            .flat_map(|c| &c.changes)
            .filter(|c| c.kind == ChangeKind::Moved)
            .count();
        assert_eq!(moved, 0, "{r}");
    }

    #[test]
    fn words_outside_placeholders_are_adaptations() {
        let r =
            run(&CONVENTION.replace("lie l'ENA et la DINUM", "lie l'ENA, la DGAFP et la DINUM"));
        let c = r.clause("article-1").unwrap();
        assert_eq!(c.status, ClauseStatus::Adapte, "{r}");
        assert_eq!(c.changes.len(), 1, "{:?}", c.changes);
        assert!(c.changes[0].new.contains("DGAFP"));
        assert!(!r.conforms());
    }

    #[test]
    fn wrong_types_and_added_clauses() {
        let r = run(&format!(
            "{}\nArticle 3 : Litiges\n\nPour tout différend qui viendrait à se produire à l'occasion de la présente convention, les parties feront application du code de la commande publique.\n",
            CONVENTION.replace("31 décembre 2021", "prochainement")
        ));
        let c = r.clause("article-2").unwrap();
        assert_eq!(c.problems.len(), 1, "{r}");
        assert!(c.problems[0].contains("n'est pas une date"));
        assert_eq!(r.keys(ClauseStatus::Ajoutee), ["article-3"]);
        assert!(!r.conforms());
    }
}
