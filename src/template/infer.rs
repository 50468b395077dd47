//! Inferring the template of conventions of one family: conventions → template Markdown.
//!
//! Every convention is aligned on the first (`diff::compare`). A clause present in all of them
//! is in the template; in some only, in the template with its text, marked `[optionnel]`:
//! no clause of the first convention is left out. Alinéas of one convention only, inside a
//! clause the others have too, are left out (that partner's own wording).
//!
//! Inside kept clauses, differences that name things become placeholders:
//!
//! - a party's name or « ci-après » name on both sides (« du Réseau Canopé » ↔ « de l'ENA »,
//!   the placeholder covering the article or preposition so that both fill) →
//!   `{{partenaire:party}}`, the same name everywhere;
//! - typed values (dates, amounts, numbers, percentages, durations) → `{{date_1:date}}`,
//!   `{{montant_1:amount}}`…, one name per distinct value of the first convention;
//! - in the parties and signatures blocks, differing stretches of alinéas (addresses,
//!   representatives, signatories) → placeholders named after the alinéa's key
//!   (`{{partie-1_al-3}}`).
//!
//! Other wording differences keep the first convention's words (the others then check as
//! *adaptée*). Articles keep the conventions' own numbering. The
//! output is Markdown ([`crate::render::markdown`]) that parses back as a [`super::Template`].

use super::values::{party_names, resolve_party};
use crate::align::{fold, own_text};
use crate::diff::tokens::{tokenize, Token, TokenKind};
use crate::diff::{compare, diff_texts, DiffOptions, Field};
use crate::model::{fingerprint, Document, Node, NodeId, NodeKind, Source};
use std::collections::BTreeMap;
use std::ops::Range;

/// Infers the template of `conventions` (the first one is the reference) as Markdown.
pub fn infer(conventions: &[Document]) -> String {
    let Some(first) = conventions.first() else {
        return String::new();
    };
    let total = conventions.len();
    // Partner of each node of the first, per other convention.
    let partners: Vec<BTreeMap<NodeId, NodeId>> = conventions[1..]
        .iter()
        .map(|other| partners_of(first, other))
        .collect();
    let present = |id: NodeId| 1 + partners.iter().filter(|m| m.contains_key(&id)).count();
    // No clause is left out: one absent from some conventions is kept with its text and
    // marked `[optionnel]` (finding 16). Inside a clause every convention has, an alinéa of
    // one convention only is still left out (a partner's own account, signatory…).
    let keep = |id: NodeId| {
        total == 1
            || present(id) >= 2
            || super::is_clause(first, id)
            || first.parent(id).is_some_and(|p| present(p) < 2)
    };

    let first_names = party_names(first);
    let other_names: Vec<Vec<Vec<String>>> = conventions[1..].iter().map(party_names).collect();
    // Parties whose names differ from one convention to another get a placeholder each.
    let mut party_placeholders: BTreeMap<usize, String> = BTreeMap::new();
    for (j, names) in first_names.iter().enumerate() {
        let differs = other_names.iter().any(|o| {
            o.get(j)
                .is_some_and(|theirs| !theirs.iter().any(|n| names.contains(n)))
        });
        if differs {
            let name = if party_placeholders.is_empty() {
                "partenaire".to_string()
            } else {
                format!("partenaire_{}", party_placeholders.len() + 1)
            };
            party_placeholders.insert(j, name);
        }
    }

    let mut namer = Namer::default();
    let mut out = Document::new(Source {
        path: "modele.md".into(),
        format: first.source.format,
        text: String::new(),
    });
    let root = out.root();
    let mut stack: Vec<(NodeId, NodeId)> = first
        .top_level()
        .iter()
        .rev()
        .map(|id| (*id, root))
        .collect();
    while let Some((id, parent)) = stack.pop() {
        let node = first.node(id);
        if !keep(id) {
            continue;
        }
        if node.kind == NodeKind::Table && !first.children(id).iter().any(|r| keep(*r)) {
            continue;
        }
        let mut copy = Node::new(node.kind, node.key.clone(), node.text.clone(), node.span);
        copy.label = node.label.clone();
        copy.heading = node.heading.clone();
        copy.set_cells(node.cells().to_vec());
        copy.level = node.level;
        copy.set_party(node.party().cloned());
        copy.set_note_refs(node.note_refs().to_vec());

        // Placeholders.
        let block = enclosing_block(first, id);
        let ctx = Context {
            first,
            conventions,
            partners: &partners,
            first_names: &first_names,
            other_names: &other_names,
            party_placeholders: &party_placeholders,
            block,
        };
        if node.kind == NodeKind::Row {
            let cells: Vec<String> = (0..node.cells().len())
                .map(|c| ctx.templated_cell(id, c, &mut namer))
                .collect();
            copy.text = cells.join(" | ").trim().to_string();
            copy.set_cells(cells);
        } else if !matches!(
            node.kind,
            NodeKind::Partie | NodeKind::Table | NodeKind::Document
        ) {
            let (own, field) = own_text(first, id);
            let templated = ctx.templated(id, own, field, &mut namer);
            if templated != own {
                match field {
                    Field::Text => copy.text = templated,
                    Field::Heading => {
                        if let Some(pos) = copy.text.rfind(own) {
                            copy.text = format!("{}{templated}", &copy.text[..pos]);
                        }
                        copy.heading = Some(templated);
                    }
                }
            }
        }

        // Optional clauses (the conventions' own numbering is kept).
        if total > 1
            && present(id) < total
            && node.heading.as_deref().is_some_and(|h| !h.is_empty())
            && super::is_clause(first, id)
            && node.kind != NodeKind::Partie
        {
            copy.text = format!("{} {}", copy.text, super::OPTIONAL_MARK);
            copy.heading = copy
                .heading
                .map(|h| format!("{h} {}", super::OPTIONAL_MARK));
        }
        copy.fingerprint = fingerprint(&copy.text);
        let new_id = out.push(parent, copy);
        for child in first.children(id).iter().rev() {
            stack.push((*child, new_id));
        }
    }
    unescape_placeholders(&crate::render::markdown::markdown(&out))
}

/// The Markdown writer escapes `_`; inside a placeholder it is plain (never emphasis there).
fn unescape_placeholders(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tail.find("}}") {
            Some(end) if !tail[..end].contains('\n') => {
                out.push_str(&tail[..end + 2].replace("\\_", "_"));
                rest = &tail[end + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first convention's nodes paired with the other's, at every level; in the parties'
/// blocks and the signatures, lines left alone are paired by their place.
fn partners_of(first: &Document, other: &Document) -> BTreeMap<NodeId, NodeId> {
    let cmp = compare(first.clone(), other.clone(), &DiffOptions::default());
    let mut map = BTreeMap::new();
    for p in cmp.iter() {
        if let (Some(o), Some(n)) = (p.old, p.new) {
            map.entry(o).or_insert(n);
        }
    }
    let paired_new: Vec<NodeId> = map.values().copied().collect();
    for p in cmp.iter() {
        let (Some(o), Some(n)) = (p.old, p.new) else {
            continue;
        };
        if !matches!(
            first.node(o).kind,
            NodeKind::Partie | NodeKind::Signatures | NodeKind::Table
        ) {
            continue;
        }
        for c in first.children(o) {
            if map.contains_key(c) {
                continue;
            }
            let local = first.node(*c).local_key();
            let found = other
                .children(n)
                .iter()
                .copied()
                .find(|d| other.node(*d).local_key() == local && !paired_new.contains(d));
            if let Some(d) = found {
                map.insert(*c, d);
            }
        }
    }
    map
}

/// The parties' block or the signatures a node is in, if any.
fn enclosing_block(doc: &Document, id: NodeId) -> Option<NodeKind> {
    let mut cur = Some(id);
    while let Some(c) = cur {
        let kind = doc.node(c).kind;
        if matches!(kind, NodeKind::Partie | NodeKind::Signatures) {
            return Some(kind);
        }
        cur = doc.parent(c);
    }
    None
}

/// Names of the typed placeholders, one per distinct value of the first convention.
#[derive(Default)]
struct Namer {
    by_value: BTreeMap<(String, String), String>,
    counts: BTreeMap<&'static str, usize>,
}

impl Namer {
    fn typed(&mut self, kind: TokenKind, value: &str) -> Option<String> {
        let kind = kind.value_kind()?;
        let (stem, ty) = (kind.french(), kind.as_str());
        let key = (stem.to_string(), value.to_string());
        if let Some(name) = self.by_value.get(&key) {
            return Some(name.clone());
        }
        let n = self.counts.entry(stem).or_insert(0);
        *n += 1;
        let name = format!("{{{{{stem}_{n}:{ty}}}}}");
        self.by_value.insert(key, name.clone());
        Some(name)
    }
}

struct Context<'a> {
    first: &'a Document,
    conventions: &'a [Document],
    partners: &'a [BTreeMap<NodeId, NodeId>],
    first_names: &'a [Vec<String>],
    other_names: &'a [Vec<Vec<String>>],
    party_placeholders: &'a BTreeMap<usize, String>,
    block: Option<NodeKind>,
}

impl Context<'_> {
    /// The first convention's text of node `id` with placeholders where the others differ.
    fn templated(&self, id: NodeId, own: &str, field: Field, namer: &mut Namer) -> String {
        let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
        for (k, map) in self.partners.iter().enumerate() {
            let Some(partner) = map.get(&id) else {
                continue;
            };
            let other = &self.conventions[k + 1];
            let theirs = match field {
                Field::Text => other.node(*partner).text.as_str(),
                Field::Heading => other.node(*partner).heading.as_deref().unwrap_or(""),
            };
            replacements.extend(self.replacements(id, own, theirs, field, k, namer));
        }
        if self.block.is_none() {
            replacements.extend(self.mentions(own));
        }
        apply(own, replacements)
    }

    /// The differing parties' names still written in a text (a clause the others reworded):
    /// the placeholder covers « du », « au », « des » so that « de l'ENA » fills it too.
    fn mentions(&self, own: &str) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        let parties = self.first.parties();
        for (j, name) in self.party_placeholders {
            let Some(party) = parties.get(*j) else {
                continue;
            };
            let mut names: Vec<&str> = std::iter::once(party.name.as_str())
                .chain(party.short_name.as_deref())
                .chain(party.aliases.iter().map(String::as_str))
                .filter(|n| n.chars().count() >= 3)
                .collect();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            for n in names {
                let bare = n
                    .strip_prefix("le ")
                    .or_else(|| n.strip_prefix("la "))
                    .or_else(|| n.strip_prefix("l'"))
                    .unwrap_or(n);
                for (pos, _) in own.match_indices(bare) {
                    let mut start = pos;
                    for d in [
                        "du ", "au ", "des ", "aux ", "Le ", "le ", "La ", "la ", "L'", "l'",
                    ] {
                        if own[..pos].ends_with(d) {
                            start = pos - d.len();
                            break;
                        }
                    }
                    let end = pos + bare.len();
                    let word_end = own[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let word_start = own[..start]
                        .chars()
                        .last()
                        .is_none_or(|c| !c.is_alphanumeric());
                    if word_end && word_start {
                        out.push((start..end, format!("{{{{{name}:party}}}}")));
                    }
                }
            }
        }
        out
    }

    /// The same for one cell of a table row (cells compared with the partner row's).
    fn templated_cell(&self, id: NodeId, cell: usize, namer: &mut Namer) -> String {
        let own = self
            .first
            .node(id)
            .cells()
            .get(cell)
            .cloned()
            .unwrap_or_default();
        let mut replacements = Vec::new();
        for (k, map) in self.partners.iter().enumerate() {
            let Some(partner) = map.get(&id) else {
                continue;
            };
            let other = &self.conventions[k + 1];
            let Some(theirs) = other.node(*partner).cells().get(cell) else {
                continue;
            };
            replacements.extend(self.replacements(id, &own, theirs, Field::Text, k, namer));
        }
        apply(&own, replacements)
    }

    fn replacements(
        &self,
        id: NodeId,
        own: &str,
        theirs: &str,
        field: Field,
        k: usize,
        namer: &mut Namer,
    ) -> Vec<(Range<usize>, String)> {
        if own == theirs {
            return Vec::new();
        }
        let changes: Vec<_> = diff_texts(own, theirs, field)
            .into_iter()
            .filter(|c| !c.cosmetic)
            .collect();
        let mut out = Vec::new();
        // Changes other than a party's name, each of one word at most on each side.
        let mut small_rest = true;
        for c in &changes {
            match self.party_change(&c.old, &c.new, k) {
                Some(name) if !c.old_range.is_empty() => {
                    out.push((c.old_range.clone(), format!("{{{{{name}:party}}}}")))
                }
                _ => {
                    small_rest &= tokenize(&c.old).len() <= 1 && tokenize(&c.new).len() <= 1;
                }
            }
        }
        if !out.is_empty() && small_rest {
            return out;
        }
        if self.block.is_some() {
            // Addresses, representatives, signatories: the differing stretch, whole.
            return stretch(own, theirs)
                .map(|r| {
                    let key = self.first.node(id).key.trim_start_matches("parties/");
                    vec![(r, format!("{{{{{}}}}}", key.replace('/', "_")))]
                })
                .unwrap_or_default();
        }
        for c in &changes {
            if c.old_range.is_empty() || c.new.is_empty() {
                continue;
            }
            let ot: Vec<Token> = values_in(&c.old);
            let nt: Vec<Token> = values_in(&c.new);
            let same_kinds =
                ot.len() == nt.len() && ot.iter().zip(&nt).all(|(a, b)| a.kind == b.kind);
            let pairs: Vec<&Token> = if same_kinds {
                ot.iter().collect()
            } else {
                Vec::new()
            };
            for t in pairs {
                let text = t.text(&c.old);
                if let Some(name) = namer.typed(t.kind, text) {
                    let start = c.old_range.start + t.range.start;
                    out.push((start..start + t.range.len(), name));
                }
            }
        }
        out
    }

    /// The placeholder name when both sides name the same differing party.
    fn party_change(&self, old: &str, new: &str, k: usize) -> Option<&str> {
        let j = resolve_party(self.first_names, old)?;
        let theirs = self.other_names.get(k)?;
        let j2 = resolve_party(theirs, new)?;
        if j != j2 || fold(old) == fold(new) {
            return None;
        }
        self.party_placeholders.get(&j).map(String::as_str)
    }
}

/// The value tokens of a text (dates, amounts…).
fn values_in(text: &str) -> Vec<Token> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind.is_value())
        .collect()
}

/// The stretch of `own` that differs from `theirs`, common leading and trailing tokens aside;
/// `None` when nothing of `own` differs (the other only adds words).
fn stretch(own: &str, theirs: &str) -> Option<Range<usize>> {
    let a = tokenize(own);
    let b = tokenize(theirs);
    let same = |x: &Token, y: &Token| x.text(own) == y.text(theirs);
    let mut lead = 0;
    while lead < a.len() && lead < b.len() && same(&a[lead], &b[lead]) {
        lead += 1;
    }
    let mut trail = 0;
    while trail < a.len() - lead
        && trail < b.len() - lead
        && same(&a[a.len() - 1 - trail], &b[b.len() - 1 - trail])
    {
        trail += 1;
    }
    if lead + trail >= a.len() {
        return None;
    }
    Some(a[lead].range.start..a[a.len() - 1 - trail].range.end)
}

/// Applies non-overlapping replacements (the widest first when they overlap).
fn apply(text: &str, mut replacements: Vec<(Range<usize>, String)>) -> String {
    replacements.sort_by(|a, b| {
        a.0.start
            .cmp(&b.0.start)
            .then(b.0.end.cmp(&a.0.end))
            .then(a.1.cmp(&b.1))
    });
    let mut kept: Vec<(Range<usize>, String)> = Vec::new();
    for r in replacements {
        if kept.last().is_some_and(|k| r.0.start < k.0.end) {
            continue;
        }
        kept.push(r);
    }
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (range, ph) in kept {
        if let Some(before) = text.get(cursor..range.start) {
            out.push_str(before);
        }
        out.push_str(&ph);
        cursor = range.end;
    }
    if let Some(rest) = text.get(cursor..) {
        out.push_str(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_and_replacements() {
        assert_eq!(
            stretch(
                "Représentée par Marie MISSIR",
                "Représentée par Patrick Gérard"
            ),
            Some(18..30)
        );
        assert_eq!(
            stretch("Fait à Paris, le", "Fait à Paris, le 2/4/2021"),
            None
        );
        assert_eq!(
            apply(
                "du Réseau Canopé",
                vec![(0..18, "{{p}}".into()), (3..18, "{{q}}".into())]
            ),
            "{{p}}"
        );
    }
}
