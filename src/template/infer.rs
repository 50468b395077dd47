//! Inferring the template of conventions of one family: conventions → template Markdown.
//!
//! Every convention is aligned on the first (`diff::compare`). A clause present in all of them
//! is in the template; in some only, in the template with its text, marked `[optionnel]`:
//! no clause is left out, those only a later convention has included (after the clause that
//! precedes them there, their heading line written as the first convention writes its
//! articles). Inside a clause, an alinéa that fewer conventions have than the clause is kept
//! with its text and marked `[optionnel]` too, whichever convention has it; in the parties'
//! blocks and the signatures, a line of one convention only is that partner's own and left
//! out.
//!
//! Inside kept clauses, differences that name things become placeholders:
//!
//! - a party's name or « ci-après » name on both sides (« du Réseau Canopé » ↔ « de l'ENA »,
//!   the placeholder covering the article or preposition so that both fill) →
//!   `{{partenaire:party}}`, the same name everywhere;
//! - typed values (dates, amounts, numbers, percentages, durations) → `{{date_1:date}}`,
//!   `{{montant_1:amount}}`…, one name per distinct value of the first convention;
//! - in the parties and signatures blocks, differing stretches of alinéas → placeholders
//!   named after what they hold and whose they are (`{{adresse_partie_1}}`,
//!   `{{representant_partie_1}}`, `{{nom_signataire}}`, `{{qualite_signataire}}`,
//!   `{{date_signature}}`), numbered `_2`… when several alinéas hold the same kind;
//! - any other words the conventions write differently in an article, an annex, the
//!   préambule or the visas (heading, alinéa or table cell) → a text placeholder named after
//!   its clause (`{{siege}}`, `{{intitule_siege_social}}`), so that the template does not
//!   favour the first convention: each input checks *conforme* where the differences are
//!   words (blind2 finding 13, blind finding 16).
//!
//! Articles keep the conventions' own numbering. The output is Markdown
//! ([`crate::render::markdown`]) that parses back as a [`super::Template`].

use super::values::{party_names, resolve_party};
use crate::align::{fold, own_text};
use crate::diff::tokens::{tokenize, Token, TokenKind};
use crate::diff::{compare, diff_texts, DiffOptions, Field};
use crate::model::{Document, Node, NodeId, NodeKind, Source};
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
        .map(|other| unpair_different_clauses(first, other, partners_of(first, other)))
        .collect();
    let present = |id: NodeId| 1 + partners.iter().filter(|m| m.contains_key(&id)).count();
    // Nothing is left out: a clause absent from some conventions is kept with its text and
    // marked `[optionnel]` (finding 16); so is an alinéa that fewer conventions have than its
    // clause (blind2 finding 13: each input must check « conforme »).
    // In a party's block and the signatures, the lines of one convention only (its address,
    // its signatory) are that partner's own: left out, as placeholders stand for the others.
    let own_line = |id: NodeId| {
        total > 1
            && enclosing_block(first, id).is_some()
            && !super::is_clause(first, id)
            && present(id) < 2
            && first.parent(id).is_some_and(|p| present(p) >= 2)
    };
    let optional_alinea = |id: NodeId| {
        total > 1
            && enclosing_block(first, id).is_none()
            && first.node(id).kind.is_alinea_like()
            && !super::is_clause(first, id)
            && first
                .parent(id)
                .is_some_and(|p| present(id) < present(p) && present(p) > 1)
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
    let mut in_out: BTreeMap<NodeId, NodeId> = BTreeMap::new();
    while let Some((id, parent)) = stack.pop() {
        let node = first.node(id);
        if own_line(id) {
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
        // A signatures block has no heading to carry the mark: when some conventions have
        // none, each of its alinéas is marked, which makes the block optional.
        let in_optional_block = total > 1
            && node.kind.is_alinea_like()
            && first
                .parent(id)
                .is_some_and(|p| first.node(p).kind == NodeKind::Signatures && present(p) < total);
        if optional_alinea(id) || in_optional_block {
            copy.text = format!("{} {}", copy.text, super::OPTIONAL_MARK);
        }
        let new_id = out.push(parent, copy);
        in_out.insert(id, new_id);
        for child in first.children(id).iter().rev() {
            stack.push((*child, new_id));
        }
    }
    add_later_alineas(&mut out, first, conventions, &partners, &in_out);
    add_title(&mut out, conventions);
    add_later_clauses(&mut out, conventions, &partners, &in_out);
    unescape_placeholders(&crate::render::markdown::markdown(&out))
}

/// Clauses (articles, annexes) only a later convention has, each with its text and
/// `[optionnel]`, after the clause that precedes it there (`in_out`: the first convention's
/// nodes → the template's). Their own numbers are kept.
fn add_later_clauses(
    out: &mut Document,
    conventions: &[Document],
    partners: &[BTreeMap<NodeId, NodeId>],
    in_out: &BTreeMap<NodeId, NodeId>,
) {
    let root = out.root();
    let style = article_style(&conventions[0]);
    for (k, other) in conventions.iter().skip(1).enumerate() {
        let back: BTreeMap<NodeId, NodeId> = partners[k].iter().map(|(f, o)| (*o, *f)).collect();
        let mut after: Option<NodeId> = None;
        for &oid in other.top_level() {
            if let Some(f) = back.get(&oid) {
                if let Some(t) = in_out.get(f) {
                    after = Some(*t);
                }
                continue;
            }
            let node = other.node(oid);
            // A signatures block the template lacks: its alinéas each marked `[optionnel]`.
            let signatures = node.kind == NodeKind::Signatures
                && !out
                    .top_level()
                    .iter()
                    .any(|t| out.node(*t).kind == NodeKind::Signatures);
            if !signatures
                && (!matches!(node.kind, NodeKind::Article | NodeKind::Annexe)
                    || node.heading.as_deref().is_none_or(str::is_empty))
            {
                continue;
            }
            let id = copy_subtree(other, oid, out, root, !signatures);
            if signatures {
                for c in out.children(id).to_vec() {
                    let alinea = &mut out.nodes[c.index()];
                    if alinea.kind.is_alinea_like() {
                        alinea.text = format!("{} {}", alinea.text, super::OPTIONAL_MARK);
                    }
                }
            }
            // Its heading line written as the first convention writes its articles, so that the
            // template reads back as one document (« 2. Objet » among « Article N – … »).
            if let (NodeKind::Article, Some(label), Some(heading)) =
                (node.kind, node.label.as_deref(), node.heading.as_deref())
            {
                let copy = &mut out.nodes[id.index()];
                copy.text = format!(
                    "{}{label}{}{heading} {}",
                    style.0,
                    style.1,
                    super::OPTIONAL_MARK
                );
            }
            let mut kids = out.nodes[root.index()].children.clone();
            kids.pop();
            let at = if signatures {
                // After the articles: before the first annex, else at the end.
                kids.iter()
                    .position(|c| out.node(*c).kind == NodeKind::Annexe)
                    .unwrap_or(kids.len())
            } else {
                match after.and_then(|a| kids.iter().position(|c| *c == a)) {
                    Some(i) => i + 1,
                    None => kids.len(),
                }
            };
            kids.insert(at, id);
            out.nodes[root.index()].children = kids;
            after = Some(id);
        }
    }
}

/// The first convention has no title line and later ones have: the template opens with one,
/// `[optionnel]`, its words that differ between those titles a placeholder `{{titre}}` (the
/// last shared word taken in when one title begins another, so that each fills it).
fn add_title(out: &mut Document, conventions: &[Document]) {
    let root = out.root();
    let has_title = |d: &Document| {
        d.top_level()
            .iter()
            .find(|id| d.node(**id).kind == NodeKind::Titre)
            .map(|id| d.node(*id).text.clone())
    };
    if has_title(out).is_some() || has_title(&conventions[0]).is_some() {
        return;
    }
    let titles: Vec<String> = conventions[1..].iter().filter_map(has_title).collect();
    let Some(first) = titles.first() else { return };
    let words: Vec<&str> = first.split_whitespace().collect();
    let mut common = words.len();
    for t in &titles[1..] {
        let other: Vec<&str> = t.split_whitespace().collect();
        let shared = words.iter().zip(&other).take_while(|(a, b)| a == b).count();
        let shared = if shared == other.len().min(words.len()) && other.len() != words.len() {
            shared.saturating_sub(1)
        } else {
            shared
        };
        common = common.min(shared);
    }
    let text = if common == words.len() {
        first.clone()
    } else if common == 0 {
        "{{titre}}".to_string()
    } else {
        format!("{} {{{{titre}}}}", words[..common].join(" "))
    };
    let node = Node::new(
        NodeKind::Titre,
        "titre".to_string(),
        format!("{text} {}", super::OPTIONAL_MARK),
        Default::default(),
    );
    let id = out.push(root, node);
    let kids = &mut out.nodes[root.index()].children;
    kids.pop();
    kids.insert(0, id);
}

/// How a convention writes an article's heading line: what comes before its number and between
/// its number and its heading (« Article », « – » for « Article 1er – Formation »).
fn article_style(doc: &Document) -> (String, String) {
    for id in doc.top_level() {
        let node = doc.node(*id);
        let (Some(label), Some(heading)) = (node.label.as_deref(), node.heading.as_deref()) else {
            continue;
        };
        if node.kind != NodeKind::Article || heading.is_empty() {
            continue;
        }
        if let (Some(l), Some(h)) = (node.text.find(label), node.text.rfind(heading)) {
            if l + label.len() <= h && l > 0 {
                return (
                    node.text[..l].to_string(),
                    node.text[l + label.len()..h].to_string(),
                );
            }
        }
    }
    ("Article ".to_string(), " – ".to_string())
}

/// Alinéas only a later convention has inside a unit the first has too, each with its text and
/// `[optionnel]`, after the alinéa that precedes it there (`in_out`: the first convention's
/// nodes → the template's).
fn add_later_alineas(
    out: &mut Document,
    first: &Document,
    conventions: &[Document],
    partners: &[BTreeMap<NodeId, NodeId>],
    in_out: &BTreeMap<NodeId, NodeId>,
) {
    for (k, other) in conventions.iter().skip(1).enumerate() {
        let back: BTreeMap<NodeId, NodeId> = partners[k].iter().map(|(f, o)| (*o, *f)).collect();
        for (f, o) in &partners[k] {
            let Some(&t) = in_out.get(f) else { continue };
            if first.node(*f).kind.is_alinea_like()
                || first.node(*f).kind == NodeKind::Table
                || enclosing_block(first, *f).is_some()
            {
                continue;
            }
            let mut after: Option<NodeId> = None;
            for &c in other.children(*o) {
                if let Some(tc) = back.get(&c).and_then(|fc| in_out.get(fc)) {
                    if out.parent(*tc) == Some(t) {
                        after = Some(*tc);
                    }
                    continue;
                }
                let node = other.node(c);
                if !node.kind.is_alinea_like() || !other.children(c).is_empty() {
                    continue;
                }
                let id = copy_subtree(other, c, out, t, false);
                let alinea = &mut out.nodes[id.index()];
                alinea.text = format!("{} {}", alinea.text, super::OPTIONAL_MARK);
                let kids = &mut out.nodes[t.index()].children;
                kids.pop();
                let at = match after.and_then(|a| kids.iter().position(|x| *x == a)) {
                    Some(i) => i + 1,
                    None => 0,
                };
                kids.insert(at, id);
                after = Some(id);
            }
        }
    }
}

/// Copies node `id` of `doc` and everything below it under `parent` of `out`, the top one
/// marked `[optionnel]` when `optional`.
fn copy_subtree(
    doc: &Document,
    id: NodeId,
    out: &mut Document,
    parent: NodeId,
    optional: bool,
) -> NodeId {
    let node = doc.node(id);
    let mut copy = Node::new(node.kind, node.key.clone(), node.text.clone(), node.span);
    copy.label = node.label.clone();
    copy.heading = node.heading.clone();
    copy.set_cells(node.cells().to_vec());
    copy.level = node.level;
    copy.set_note_refs(node.note_refs().to_vec());
    if optional {
        copy.text = format!("{} {}", copy.text, super::OPTIONAL_MARK);
        copy.heading = copy
            .heading
            .map(|h| format!("{h} {}", super::OPTIONAL_MARK));
    }
    let new_id = out.push(parent, copy);
    for c in doc.children(id) {
        copy_subtree(doc, *c, out, new_id, false);
    }
    new_id
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

/// Two clauses paired by their number and place only (another heading, not one alinéa in
/// common) are two clauses: each is kept apart, `[optionnel]` (Genas: « Article 3 – Prise en
/// charge de formations et stages » and « Article 3 – Rémunération »).
fn unpair_different_clauses(
    first: &Document,
    other: &Document,
    mut map: BTreeMap<NodeId, NodeId>,
) -> BTreeMap<NodeId, NodeId> {
    let apart: Vec<NodeId> = map
        .iter()
        .filter(|(f, o)| {
            let (a, b) = (first.node(**f), other.node(**o));
            matches!(a.kind, NodeKind::Article | NodeKind::Annexe)
                && fold(a.heading.as_deref().unwrap_or(""))
                    != fold(b.heading.as_deref().unwrap_or(""))
                && !first.children(**f).is_empty()
                && !first.children(**f).iter().any(|c| map.contains_key(c))
        })
        .map(|(f, _)| *f)
        .collect();
    for f in apart {
        map.remove(&f);
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

/// Names of the placeholders: typed ones, one per distinct value of the first convention;
/// those of the parties and signatures, one per alinéa, named after what they hold.
#[derive(Default)]
struct Namer {
    by_value: BTreeMap<(String, String), String>,
    counts: BTreeMap<&'static str, usize>,
    /// Alinéa key → its placeholder's name, and the names given.
    by_alinea: BTreeMap<String, String>,
    given: std::collections::BTreeSet<String>,
}

/// Words of a signatory's or representative's quality.
const QUALITIES: [&str; 12] = [
    "directeur",
    "directrice",
    "président",
    "présidente",
    "maire",
    "secrétaire",
    "trésorier",
    "trésorière",
    "préfet",
    "préfète",
    "gérant",
    "gérante",
];

/// Words of an address.
const ADDRESS: [&str; 12] = [
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "place",
    "chemin",
    "allée",
    "quai",
    "impasse",
    "cedex",
    "bp",
    "adresse",
];

/// What a differing stretch of the parties' or signatures' block holds, as a placeholder name
/// without the party's number: `date`, `lieu`, `adresse`, `representant`, `qualite`, `nom`,
/// or `mention` when nothing tells.
fn block_kind(own: &str, r: &Range<usize>, first_alinea: bool, signatures: bool) -> &'static str {
    let text = &own[r.clone()];
    let before = own[..r.start].trim_end().to_lowercase();
    let tokens = tokenize(text);
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let postcode = words
        .iter()
        .any(|w| w.len() == 5 && w.bytes().all(|b| b.is_ascii_digit()));
    if !tokens.is_empty()
        && tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .all(|t| t.kind.value_kind() == Some(crate::text::value::ValueKind::Date))
    {
        "date"
    } else if before.ends_with("fait à") {
        "lieu"
    } else if first_alinea && !signatures {
        // A party's first alinéa designates it (its name, with its address or birth at times).
        "nom"
    } else if postcode || words.iter().any(|w| ADDRESS.contains(w)) {
        "adresse"
    } else if before.ends_with("par") && !signatures {
        "representant"
    } else if words.first().is_some_and(|w| QUALITIES.contains(w))
        || words.get(1).is_some_and(|w| QUALITIES.contains(w))
    {
        "qualite"
    } else if first_alinea || signatures {
        "nom"
    } else {
        "mention"
    }
}

impl Namer {
    /// The name of the placeholder of a differing stretch `r` of alinéa `id` in the parties'
    /// block or the signatures: `nom_partie_2`, `adresse_partie_1`, `representant_partie_1`,
    /// `date_signature`, `lieu_signature`, `nom_signataire`, `qualite_signataire`…, numbered
    /// `_2`, `_3` when another alinéa already took it.
    fn block(
        &mut self,
        doc: &Document,
        id: NodeId,
        own: &str,
        r: &Range<usize>,
        block: Option<NodeKind>,
    ) -> String {
        let key = doc.node(id).key.clone();
        if let Some(name) = self.by_alinea.get(&key) {
            return name.clone();
        }
        let signatures = block == Some(NodeKind::Signatures);
        // The party the alinéa belongs to, and whether it is the party's first alinéa.
        let party = (!signatures)
            .then(|| {
                let mut cur = Some(id);
                while let Some(c) = cur {
                    if doc.node(c).kind == NodeKind::Partie {
                        return Some(c);
                    }
                    cur = doc.parent(c);
                }
                None
            })
            .flatten();
        let first_alinea = party.is_some_and(|p| p == id || doc.children(p).first() == Some(&id));
        let kind = block_kind(own, r, first_alinea, signatures);
        let owner = match party {
            Some(p) => {
                let n = doc.node(p).local_key();
                format!("partie_{}", n.trim_start_matches("partie-"))
            }
            None if signatures => match kind {
                "date" | "lieu" => "signature".to_string(),
                _ => "signataire".to_string(),
            },
            None => "parties".to_string(),
        };
        let base = format!("{kind}_{owner}");
        let mut name = base.clone();
        let mut n = 1;
        while self.given.contains(&name) {
            n += 1;
            name = format!("{base}_{n}");
        }
        self.given.insert(name.clone());
        self.by_alinea.insert(key, name.clone());
        name
    }

    /// A text placeholder's name: `base`, then `base_2`, `base_3`…
    fn text(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut n = 1;
        while self.given.contains(&name) {
            n += 1;
            name = format!("{base}_{n}");
        }
        self.given.insert(name.clone());
        name
    }

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
            // Not in the title nor in the lines that open the parties or the articles: a
            // placeholder there would change how the template itself is read.
            let clause = self.first.node(super::clause_of(self.first, id)).kind;
            let kind = self.first.node(id).kind;
            let variable = match field {
                Field::Text => kind.is_alinea_like(),
                Field::Heading => matches!(kind, NodeKind::Article | NodeKind::Annexe),
            } && matches!(
                clause,
                NodeKind::Article
                    | NodeKind::Annexe
                    | NodeKind::Structure
                    | NodeKind::Preambule
                    | NodeKind::Visas
            );
            if variable {
                let theirs = |doc: &Document, n: NodeId| -> String {
                    match field {
                        Field::Text => doc.node(n).text.clone(),
                        Field::Heading => doc.node(n).heading.clone().unwrap_or_default(),
                    }
                };
                self.cover_the_rest(id, own, &theirs, field, &mut replacements, namer);
            }
        }
        apply(own, replacements)
    }

    /// The words the conventions write differently that no typed or party placeholder covers
    /// become text placeholders named after their clause (`{{siege_social}}`), so that every
    /// convention fills the template (blind2 finding 13, blind finding 16): each differing
    /// stretch, widened by a word both share when one side has nothing there (a placeholder
    /// never takes an empty value), stretches a space apart merged, the typed placeholders
    /// they overlap taken in.
    fn cover_the_rest(
        &self,
        id: NodeId,
        own: &str,
        theirs_of: &dyn Fn(&Document, NodeId) -> String,
        field: Field,
        replacements: &mut Vec<(Range<usize>, String)>,
        namer: &mut Namer,
    ) {
        let tokens = tokenize(own);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (k, map) in self.partners.iter().enumerate() {
            let Some(partner) = map.get(&id) else {
                continue;
            };
            let theirs = theirs_of(&self.conventions[k + 1], *partner);
            if own == theirs {
                continue;
            }
            for c in diff_texts(own, &theirs, field) {
                if c.cosmetic {
                    continue;
                }
                let r = c.old_range.clone();
                let covered = !r.is_empty()
                    && !c.new.is_empty()
                    && replacements
                        .iter()
                        .any(|(x, _)| x.start <= r.start && r.end <= x.end);
                if covered {
                    continue;
                }
                let r = if r.is_empty() || c.new.trim().is_empty() {
                    match widen(&tokens, &r) {
                        Some(w) => w,
                        None => continue,
                    }
                } else {
                    r
                };
                ranges.push(r);
            }
        }
        if ranges.is_empty() {
            return;
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(m)
                    if r.start <= m.end
                        || own
                            .get(m.end..r.start)
                            .is_some_and(|gap| gap.trim().is_empty()) =>
                {
                    m.end = m.end.max(r.end);
                }
                _ => merged.push(r),
            }
        }
        // More than two stretches: the alinéa is worded otherwise, one placeholder from the first
        // difference to the last reads better than words cut by placeholders.
        if merged.len() > 2 {
            let (start, end) = (merged[0].start, merged[merged.len() - 1].end);
            merged.truncate(1);
            merged[0] = start..end;
        }
        // A typed or party placeholder keeps its place: a stretch around it is cut in two, one
        // that overlaps its edge takes it in.
        let mut pieces: Vec<Range<usize>> = Vec::new();
        for m in merged {
            let mut rest = vec![m];
            for (x, _) in replacements.iter() {
                let mut next = Vec::new();
                for r in rest {
                    if x.start >= r.start && x.end <= r.end {
                        next.push(r.start..x.start);
                        next.push(x.end..r.end);
                    } else {
                        next.push(r);
                    }
                }
                rest = next;
            }
            pieces.extend(rest.into_iter().filter(|r| {
                own.get(r.clone())
                    .is_some_and(|t| t.chars().any(char::is_alphanumeric))
            }));
        }
        // Two placeholders with no word between them could not be told apart: a typed one
        // that overlaps or touches a stretch is part of it.
        let words_between = |a: usize, b: usize| {
            own.get(a.min(b)..a.max(b))
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        };
        let mut merged: Vec<Range<usize>> = Vec::new();
        for mut m in pieces {
            loop {
                let before = m.clone();
                for (x, _) in replacements.iter() {
                    let touches = (x.start < m.end && m.start < x.end)
                        || (x.end <= m.start && !words_between(x.end, m.start))
                        || (m.end <= x.start && !words_between(m.end, x.start));
                    if touches {
                        m.start = m.start.min(x.start);
                        m.end = m.end.max(x.end);
                    }
                }
                if m == before {
                    break;
                }
            }
            match merged.last_mut() {
                Some(l) if m.start <= l.end || !words_between(l.end, m.start) => {
                    l.end = l.end.max(m.end)
                }
                _ => merged.push(m),
            }
        }
        replacements.retain(|(x, _)| !merged.iter().any(|m| x.start < m.end && m.start < x.end));
        let clause = super::clause_of(self.first, id);
        let base = placeholder_base(self.first.node(clause), field);
        for m in merged {
            let name = namer.text(&base);
            replacements.push((m, format!("{{{{{name}}}}}")));
        }
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
        if self.block.is_none() {
            let theirs = |doc: &Document, n: NodeId| -> String {
                doc.node(n).cells().get(cell).cloned().unwrap_or_default()
            };
            self.cover_the_rest(id, &own, &theirs, Field::Text, &mut replacements, namer);
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
            // Addresses, representatives, signatories: the differing stretch, whole, named
            // after what it holds.
            return stretch(own, theirs)
                .map(|r| {
                    let name = namer.block(self.first, id, own, &r, self.block);
                    vec![(r, format!("{{{{{name}}}}}"))]
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

/// What a text placeholder of a clause is named after: its heading's first words (`siege_social`,
/// `intitule_siege_social` for the heading itself), else its number (`article_4`).
fn placeholder_base(clause: &Node, field: Field) -> String {
    let words = |s: &str| -> Vec<String> {
        crate::parse::headings::slug(s)
            .split(['-', '.'])
            .filter(|w| w.len() > 2 || w.chars().all(|c| c.is_ascii_digit()))
            .filter(|w| !matches!(*w, "des" | "les" | "aux" | "par" | "pour" | "sur" | "une"))
            .take(3)
            .map(str::to_string)
            .collect()
    };
    let mut parts = clause.heading.as_deref().map(words).unwrap_or_default();
    if parts.is_empty() {
        parts = words(&clause.key.replace('/', "-"));
    }
    if parts.is_empty() {
        parts.push("texte".to_string());
    }
    let base = parts.join("_");
    match field {
        Field::Heading => format!("intitule_{base}"),
        Field::Text => base,
    }
}

/// A range widened by one word of the text next to it (the word before, else the word after):
/// the stretch of an insertion or a deletion, which one side would otherwise fill with nothing.
fn widen(tokens: &[Token], r: &Range<usize>) -> Option<Range<usize>> {
    let word = |t: &&Token| t.kind != TokenKind::Punct;
    if let Some(prev) = tokens
        .iter()
        .filter(word)
        .rev()
        .find(|t| t.range.end <= r.start)
    {
        return Some(prev.range.start..r.end.max(prev.range.end));
    }
    tokens
        .iter()
        .filter(word)
        .find(|t| t.range.start >= r.end)
        .map(|next| r.start.min(next.range.start)..next.range.end)
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

/// The template fields a model already holds (`{{ contract.duration }}`, `{% if … %}`,
/// `{# … #}`), as byte ranges of `text`, each from its opening mark to its closing one.
fn fields(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find('{').map(|k| at + k) {
        let close = match text.get(open..open + 2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            Some("{#") => "#}",
            _ => {
                at = open + 1;
                continue;
            }
        };
        match text[open + 2..].find(close) {
            Some(k) => {
                let end = open + 2 + k + close.len();
                out.push(open..end);
                at = end;
            }
            None => break,
        }
    }
    out
}

/// Applies non-overlapping replacements (the widest first when they overlap). A replacement
/// that cuts into a template field of the text takes the whole field (blind3 finding 16: « {{
/// contract.duration_legend }} » against « {{ contract.duration_unit }} » is one differing
/// field, never « {{ » kept before a placeholder).
fn apply(text: &str, mut replacements: Vec<(Range<usize>, String)>) -> String {
    let fields = fields(text);
    for (r, _) in replacements.iter_mut() {
        for f in &fields {
            let cuts = (f.start < r.start && r.start < f.end) || (f.start < r.end && r.end < f.end);
            if cuts {
                r.start = r.start.min(f.start);
                r.end = r.end.max(f.end);
            }
        }
    }
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

    /// Two associations' statuts: another seat, a sentence one of them adds, an alinéa one of
    /// them has alone, a reworded clause.
    const A: &str = "Statuts\n\nArticle 1 – Nom\n\nL'association se nomme Les Amis du livre.\n\nArticle 2 – Siège\n\nLe siège social est fixé à Paris. Il peut être transféré par décision du bureau.\n\nArticle 3 – Ressources\n\nLes ressources comprennent les cotisations.\n\nLes dons manuels sont acceptés.\n\nArticle 4 – Dissolution\n\nLa dissolution est prononcée par l'assemblée générale.\n";
    const B: &str = "Statuts\n\nArticle 1 – Nom\n\nL'association se nomme Vélo libre.\n\nArticle 2 – Siège\n\nLe siège social est fixé à Lyon.\n\nArticle 3 – Ressources\n\nLes ressources comprennent les cotisations.\n\nArticle 4 – Dissolution\n\nLa dissolution est prononcée par le conseil d'administration.\n";

    #[test]
    fn every_input_conforms_to_the_template_inferred_from_them() {
        let docs = [
            crate::pipeline::parse_str("a.md", A),
            crate::pipeline::parse_str("b.md", B),
        ];
        for order in [[0, 1], [1, 0]] {
            let inputs = [docs[order[0]].clone(), docs[order[1]].clone()];
            let markdown = infer(&inputs);
            let t = super::super::Template::parse("t.md", &markdown).expect("a template");
            for d in &inputs {
                let report = super::super::check(&t, d);
                assert!(report.conforms(), "{markdown}\n{report}");
            }
            assert!(markdown.contains("{{siege}}"), "{markdown}");
            assert!(markdown.contains("\\[optionnel]"), "{markdown}");
        }
    }

    #[test]
    fn a_title_only_later_inputs_have_is_optional_with_a_placeholder() {
        let untitled = A.replacen("Statuts\n\n", "", 1);
        let inputs = [
            crate::pipeline::parse_str("a.md", &untitled),
            crate::pipeline::parse_str("b.md", &B.replacen("Statuts", "Statuts de Vélo libre", 1)),
            crate::pipeline::parse_str("c.md", B),
        ];
        let markdown = infer(&inputs);
        assert!(
            markdown.starts_with("# {{titre}} \\[optionnel]"),
            "{markdown}"
        );
        let t = super::super::Template::parse("t.md", &markdown).expect("a template");
        for d in &inputs {
            let report = super::super::check(&t, d);
            assert!(
                report.clause("titre").is_some_and(|c| !c.deviates()),
                "{report}"
            );
        }
    }

    #[test]
    fn placeholders_are_named_after_their_clause() {
        let doc = crate::pipeline::parse_str("a.md", A);
        let node = |k: &str| doc.node(doc.get(k).expect(k));
        assert_eq!(placeholder_base(node("article-2"), Field::Text), "siege");
        assert_eq!(
            placeholder_base(node("article-3"), Field::Heading),
            "intitule_ressources"
        );
    }

    #[test]
    fn an_insertion_is_widened_by_the_word_before() {
        let text = "fixé à Paris.";
        let tokens = tokenize(text);
        let at = text.find('.').expect("a full stop");
        let paris = text.find("Paris").expect("Paris");
        assert_eq!(widen(&tokens, &(at..at)), Some(paris..at));
        assert_eq!(widen(&tokens, &(0..0)), Some(0.."fixé".len()));
    }

    /// blind3 finding 16: a replacement cutting into a field the model already holds takes
    /// the whole field.
    #[test]
    fn replacements_never_cut_a_field() {
        let text = "pour {{ contract.duration }} {{ contract.legend }} de prestation";
        let inner = text.find("contract.legend").unwrap();
        let r = inner..inner + "contract.legend".len();
        assert_eq!(
            apply(text, vec![(r, "{{prix}}".into())]),
            "pour {{ contract.duration }} {{prix}} de prestation"
        );
        assert_eq!(fields("a {% if x %}b{{ y|f }}"), [2..12, 13..22]);
        assert!(fields("un {{ ouvert").is_empty());
    }

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
