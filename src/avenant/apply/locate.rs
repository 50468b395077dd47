//! Finding the unit an instruction names (article, annexe, alinéa, item, table row) in the
//! convention as the previous instructions left it.

use super::*;

/// Nodes reachable from the root, in document order (removed nodes stay in the arena).
pub(super) fn reachable(doc: &Document) -> Vec<NodeId> {
    doc.descendants(doc.root())
}

pub(super) fn node_label(doc: &Document, id: NodeId) -> String {
    doc.node(id).label.clone().unwrap_or_default()
}

pub(super) fn same_annex_label(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// The articles and divisions of the document [`apply()`](super::apply) is amending, by
/// label: a lookup instead of a walk of the code per instruction. Every node that was an
/// article or a division with that label when it was seen is listed (a superset: each is
/// checked on lookup, attached and still so labelled); nodes appended to the arena since are
/// indexed at the next lookup, and nodes whose label or kind changed in place (renumbering, a
/// sub-division heading read, a snapshot restored) are added under their new label from the
/// log of [`crate::edit::relabelled_since`], so that a label absent from it is absent from the
/// document.
struct UnitIndex {
    /// The document indexed, for identity only (never dereferenced).
    doc: *const Document,
    /// Nodes of the arena indexed so far.
    seen: usize,
    /// [`crate::edit::labels_generation`] when the index was last brought up to date.
    generation: u64,
    /// Articles by canonical label.
    articles: rustc_hash::FxHashMap<String, Vec<NodeId>>,
    /// Divisions by [`division_key`].
    divisions: rustc_hash::FxHashMap<String, Vec<NodeId>>,
    /// Per node of the arena, where it stood among its parent's children when last looked
    /// for: whether a unit is still attached is checked from there outward, not by a scan of
    /// the whole list (a flat code's 10,000 articles hang from the root).
    hints: Hints,
}

/// Positions of nodes among their siblings when last found (see [`UnitIndex::hints`]).
#[derive(Default)]
struct Hints(Vec<u32>);

impl Hints {
    /// The position of `id` among the children of `parent`, searched from where it stood
    /// last, outward; `None` when it is not one of them.
    fn position(&mut self, doc: &Document, parent: NodeId, id: NodeId) -> Option<usize> {
        let ch = doc.children(parent);
        let hint = match self.0.get(id.index()) {
            Some(h) if *h != u32::MAX => (*h as usize).min(ch.len().saturating_sub(1)),
            // Never looked for: a plain scan.
            _ => {
                let at = ch.iter().position(|c| *c == id)?;
                self.set(doc, id, at);
                return Some(at);
            }
        };
        // Outward from the hint for a few steps (a unit found again where it stood, or
        // shifted by a few edits), then a plain scan: when every article of a flat code moves,
        // an outward search over the whole shift made each lookup cost ten times a scan.
        const NEAR: usize = 16;
        let at = (0..=ch.len().min(NEAR)).find_map(|k| {
            let (up, down) = (hint.checked_add(k), hint.checked_sub(k));
            if up.is_some_and(|u| ch.get(u) == Some(&id)) {
                up
            } else if down.is_some_and(|d| ch.get(d) == Some(&id)) {
                down
            } else if up.is_none_or(|u| u >= ch.len()) && down.is_none() {
                Some(usize::MAX)
            } else {
                None
            }
        });
        let at = match at {
            Some(usize::MAX) => return None,
            Some(at) => at,
            None => ch.iter().position(|c| *c == id)?,
        };
        self.set(doc, id, at);
        Some(at)
    }

    fn set(&mut self, doc: &Document, id: NodeId, at: usize) {
        if self.0.len() <= id.index() {
            self.0.resize(doc.nodes.len().max(id.index() + 1), u32::MAX);
        }
        self.0[id.index()] = at as u32;
    }

    /// [`crate::edit::is_attached`], through the positions last seen.
    fn attached(&mut self, doc: &Document, id: NodeId) -> bool {
        let mut at = id;
        while let Some(p) = doc.parent(at) {
            if self.position(doc, p, at).is_none() {
                return false;
            }
            at = p;
        }
        at == doc.root()
    }
}

impl UnitIndex {
    fn new(doc: *const Document) -> UnitIndex {
        UnitIndex {
            doc,
            seen: 0,
            generation: crate::edit::labels_generation(),
            articles: Default::default(),
            divisions: Default::default(),
            hints: Default::default(),
        }
    }

    /// Lists `id` under its label; `again`: it may be listed already (relabelled in place).
    fn add(&mut self, doc: &Document, id: NodeId, again: bool) {
        let Some(n) = doc.nodes.get(id.index()) else {
            return;
        };
        let (articles, key) = match (n.kind, n.label.as_deref()) {
            (NodeKind::Article, Some(l)) => (true, canonical_label(l)),
            (NodeKind::Structure, Some(l)) => (false, division_key(l)),
            _ => return,
        };
        let map = if articles {
            &mut self.articles
        } else {
            &mut self.divisions
        };
        let ids = map.entry(key).or_default();
        if !(again && ids.contains(&id)) {
            ids.push(id);
        }
    }

    /// The index of `doc` as it is now: relabelled nodes added, new nodes indexed.
    fn refresh(&mut self, doc: &Document) {
        let generation = crate::edit::labels_generation();
        if self.generation != generation {
            let mut changed = Vec::new();
            if crate::edit::relabelled_since(self.generation, |id| changed.push(id)) {
                // Nodes past `seen` are indexed below, as they are now.
                let seen = self.seen;
                for id in changed.into_iter().filter(|id| id.index() < seen) {
                    self.add(doc, id, true);
                }
            } else {
                // The log does not reach back so far: rebuilt from the whole arena.
                self.seen = 0;
                self.articles.clear();
                self.divisions.clear();
            }
            self.generation = generation;
        }
        for i in self.seen..doc.nodes.len() {
            self.add(doc, NodeId(i as u32), false);
        }
        self.seen = doc.nodes.len();
    }
}

/// What division labels are indexed by: the label without its spaces, ASCII case folded.
/// Labels [`same_division`] takes for one another have the same key (the converse does not
/// matter: each division found is checked).
fn division_key(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

thread_local! {
    static UNITS: std::cell::RefCell<Option<UnitIndex>> = const { std::cell::RefCell::new(None) };
}

/// While alive, [`find_unit`] looks articles and divisions up in an index of `doc` (see
/// [`UnitIndex`]); dropped at the end of [`apply()`](super::apply) or of the draft, whatever
/// way it returns, when the index of an enclosing guard, if any, is back. `doc` must stay
/// where it is meanwhile (it is recognised by its address).
pub(crate) struct IndexGuard {
    outer: Option<UnitIndex>,
}

impl IndexGuard {
    pub(crate) fn new(doc: &Document) -> IndexGuard {
        let outer = UNITS.with(|a| a.borrow_mut().replace(UnitIndex::new(doc)));
        IndexGuard { outer }
    }
}

impl Drop for IndexGuard {
    fn drop(&mut self) {
        let outer = self.outer.take();
        UNITS.with(|a| *a.borrow_mut() = outer);
    }
}

/// Around an instruction that relabels articles in place (renumbering): `off` lays the index
/// aside (the lookups walk), then it is rebuilt from the whole arena for `doc`.
pub(super) fn article_index(doc: &Document, off: bool) {
    UNITS.with(|a| {
        let mut a = a.borrow_mut();
        if let Some(ix) = a.as_mut() {
            *ix = UnitIndex::new(if off {
                std::ptr::null()
            } else {
                doc as *const Document
            });
        }
    });
}

/// Runs `f` on the index of `doc`, brought up to date; `None` when there is no index of `doc`.
fn with_index<T>(doc: &Document, f: impl FnOnce(&mut UnitIndex) -> T) -> Option<T> {
    UNITS.with(|a| {
        let mut a = a.borrow_mut();
        let ix = a.as_mut()?;
        if !std::ptr::eq(ix.doc, doc) {
            return None;
        }
        ix.refresh(doc);
        Some(f(ix))
    })
}

/// The article labelled `want` (canonical) through the index: `Some(None)` when no article
/// bears it, `Some(Some(id))` when one does, `None` when the index is not that of `doc` or
/// several articles bear it (the walk finds the first in document order).
fn indexed_article(doc: &Document, want: &str) -> Option<Option<NodeId>> {
    with_index(doc, |ix| {
        let mut found = None;
        for id in ix.articles.get(want).into_iter().flatten() {
            let n = doc.node(*id);
            let bears = n.kind == NodeKind::Article
                && n.label.as_deref().map(canonical_label).as_deref() == Some(want)
                && ix.hints.attached(doc, *id);
            if bears {
                if found.is_some_and(|f| f != *id) {
                    return None;
                }
                found = Some(*id);
            }
        }
        Some(found)
    })
    .flatten()
}

/// The divisions named `label` (one link of a chain, « Chapitre Ier ») that a walk of the
/// divisions from the root meets ([`walk_under`] entering divisions and annexes), with
/// `keep` true, in document order, through the index: `None` when there is no index of `doc`.
fn indexed_divisions(
    doc: &Document,
    label: &str,
    keep: impl Fn(NodeId) -> bool,
) -> Option<Vec<NodeId>> {
    with_index(doc, |ix| {
        let UnitIndex {
            divisions, hints, ..
        } = ix;
        let mut found: Vec<(Vec<usize>, NodeId)> = divisions
            .get(&division_key(label))
            .into_iter()
            .flatten()
            .filter(|id| same_division(doc, **id, label) && keep(**id))
            .filter_map(|id| division_path(doc, *id, hints).map(|p| (p, *id)))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|(_, id)| id).collect()
    })
}

/// Where a division stands in the tree, as the positions among their siblings of its
/// ancestors and itself from the root (document order is their order), when the walk of the
/// divisions reaches it: attached, below the root through divisions and annexes only.
fn division_path(doc: &Document, id: NodeId, hints: &mut Hints) -> Option<Vec<usize>> {
    let mut path = Vec::new();
    let mut at = id;
    while let Some(p) = doc.parent(at) {
        path.push(hints.position(doc, p, at)?);
        if p == doc.root() {
            path.reverse();
            return Some(path);
        }
        if !matches!(doc.node(p).kind, NodeKind::Structure | NodeKind::Annexe) {
            return None;
        }
        at = p;
    }
    None
}

/// « l'article intitulé « Objet » »: the one article whose heading is this one (case, final
/// punctuation and capital accents aside), when only one has it.
fn titled_article(doc: &Document, heading: &str, rank: Option<u32>) -> Option<NodeId> {
    let want = crate::text::heading_key(heading);
    let mut found = reachable(doc).into_iter().filter(|id| {
        let n = doc.node(*id);
        n.kind == NodeKind::Article
            && n.heading
                .as_deref()
                .is_some_and(|h| crate::text::heading_key(h) == want)
    });
    // « le deuxième article intitulé « Bureau » »: the second so titled, in document order
    // (the act names several only when they share the heading).
    if let Some(r) = rank {
        let all: Vec<NodeId> = found.collect();
        return (all.len() >= 2)
            .then(|| all.get((r as usize).checked_sub(1)?).copied())
            .flatten();
    }
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// « la section « Conditions budgétaire » »: the one division the text does not number
/// whose heading is this one (as [`titled_article`] compares them), when only one has it.
fn titled_division(doc: &Document, heading: &str) -> Option<NodeId> {
    let want = crate::text::heading_key(heading);
    let mut found = Vec::new();
    walk_under(doc, &[NodeKind::Structure, NodeKind::Annexe], |id| {
        let n = doc.node(id);
        if n.kind == NodeKind::Structure
            && n.label.is_none()
            && n.heading
                .as_deref()
                .is_some_and(|h| crate::text::heading_key(h) == want)
        {
            found.push(id);
        }
        false
    });
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

pub(crate) fn find_unit(doc: &Document, unit: &Unit) -> Option<NodeId> {
    match unit {
        Unit::Convention => Some(doc.root()),
        Unit::Article { label } => {
            // « l'article 2 du titre 1 »: the article under that division.
            if let (art, Some(division)) = crate::avenant::model::split_division(label) {
                let name = division
                    .trim_start_matches("du ")
                    .trim_start_matches("de la ")
                    .trim_start_matches("de l'");
                let want = canonical_label(art);
                return divisions(doc, name).into_iter().find_map(|d| {
                    doc.descendants(d).into_iter().find(|id| {
                        let n = doc.node(*id);
                        n.kind == NodeKind::Article
                            && n.label.as_deref().is_some_and(|l| same_label(l, &want))
                    })
                });
            }
            let want = canonical_label(label);
            if let Some(id) = by_key(doc, &want) {
                return Some(id);
            }
            if let Some(found) = indexed_article(doc, &want) {
                return found;
            }
            // Articles are found under the root, divisions, annexes and articles only: the
            // walk never enters alinéas, items nor tables (a code's 100,000 nodes).
            first_under(
                doc,
                &[NodeKind::Structure, NodeKind::Annexe, NodeKind::Article],
                |n| {
                    n.kind == NodeKind::Article
                        && n.label.as_deref().is_some_and(|l| same_label(l, &want))
                },
            )
        }
        Unit::TitledArticle { heading, rank } => titled_article(doc, heading, *rank),
        Unit::Annex { label } => {
            let annexes: Vec<NodeId> = reachable(doc)
                .into_iter()
                .filter(|id| doc.node(*id).kind == NodeKind::Annexe)
                .collect();
            annexes
                .iter()
                .copied()
                .find(|id| same_annex_label(doc.node(*id).label.as_deref(), label.as_deref()))
                .or_else(|| {
                    // « l'annexe » when the convention has a single one, numbered or not.
                    (label.is_none() && annexes.len() == 1).then(|| annexes[0])
                })
        }
        Unit::Preambule => reachable(doc)
            .into_iter()
            .find(|id| doc.node(*id).kind == NodeKind::Preambule),
        Unit::Party { rank } => reachable(doc)
            .into_iter()
            .filter(|id| doc.node(*id).kind == NodeKind::Partie)
            .nth((*rank as usize).checked_sub(1)?),
        Unit::Parties => block(doc, NodeKind::Parties),
        Unit::Visas => block(doc, NodeKind::Visas),
        Unit::Signatures => block(doc, NodeKind::Signatures),
        Unit::Division { label } => match formules::titled_division(label) {
            Some((_, heading)) => titled_division(doc, &heading),
            None => divisions(doc, label).into_iter().next(),
        },
        Unit::Note { label } => reachable(doc).into_iter().find(|id| {
            let n = doc.node(*id);
            n.kind == NodeKind::Note && n.label.as_deref() == Some(label.as_str())
        }),
    }
}

/// The first of the canonical article labels `labels` that an article of the document bears:
/// one walk of the units for all of them, where [`find_unit`] per label would walk a code once
/// per article of a division quoted whole.
pub(super) fn taken_article_label(
    doc: &Document,
    labels: &rustc_hash::FxHashSet<String>,
) -> Option<String> {
    // Through the index when every label is told by it (sorted: the same label named first
    // whatever the set's order).
    let mut sorted: Vec<&String> = labels.iter().collect();
    sorted.sort();
    let told: Option<Vec<(&String, Option<NodeId>)>> = sorted
        .into_iter()
        .map(|l| indexed_article(doc, l).map(|f| (l, f)))
        .collect();
    if let Some(told) = told {
        return told
            .into_iter()
            .find(|(_, f)| f.is_some())
            .map(|(l, _)| l.clone());
    }
    let mut taken = None;
    walk_under(
        doc,
        &[NodeKind::Structure, NodeKind::Annexe, NodeKind::Article],
        |id| {
            let n = doc.node(id);
            if n.kind != NodeKind::Article {
                return false;
            }
            let l = n.label.as_deref().map(canonical_label);
            taken = l.filter(|l| labels.contains(l));
            taken.is_some()
        },
    );
    taken
}

/// The divisions a label names, in document order: `Chapitre Ier` alone, or with the
/// divisions enclosing it, `Chapitre Ier du titre V`.
pub(crate) fn divisions(doc: &Document, label: &str) -> Vec<NodeId> {
    let chain = division_chain(label);
    let Some((first, within)) = chain.split_first() else {
        return Vec::new();
    };
    if let Some(found) = indexed_divisions(doc, first, |id| enclosed_by(doc, id, within)) {
        return found;
    }
    let mut out = Vec::new();
    // Divisions hang from the root and from one another only: the walk never enters an
    // article, so that naming a division costs the number of units, not of alinéas.
    walk_under(doc, &[NodeKind::Structure, NodeKind::Annexe], |id| {
        if same_division(doc, id, first) && enclosed_by(doc, id, within) {
            out.push(id);
        }
        false
    });
    out
}

/// Whether each division of `within` (« titre V », « livre Ier »), nearest first, is among
/// the ancestors of `id`, in that order, and is the nearest enclosing division of its noun:
/// divisions of other nouns between them are passed over (« la section 2 du titre III » holds
/// through a chapitre), one of the same noun is not (« le titre II du livre II de la partie
/// réglementaire » is not the titre II of the première partie's livre II, whose nearest
/// partie is the première partie).
fn enclosed_by(doc: &Document, id: NodeId, within: &[String]) -> bool {
    let mut up = doc.parent(id);
    within.iter().all(|w| {
        let noun = division_noun(w);
        loop {
            match up {
                Some(a) if same_division(doc, a, w) => {
                    up = doc.parent(a);
                    break true;
                }
                Some(a) => {
                    let n = doc.node(a);
                    if n.kind == NodeKind::Structure
                        && n.label
                            .as_deref()
                            .map(division_noun)
                            .is_some_and(|x| x.eq_ignore_ascii_case(noun))
                    {
                        break false;
                    }
                    up = doc.parent(a);
                }
                None => break false,
            }
        }
    })
}

/// The noun of a division's label, as written: its first word (« Chapitre IV », « Partie
/// législative »), its second when an ordinal comes first (« PREMIÈRE PARTIE »).
fn division_noun(label: &str) -> &str {
    let mut words = label.split_whitespace();
    let first = words.next().unwrap_or_default();
    match (words.next(), words.next()) {
        (Some(second), None)
            if ["partie", "livre", "titre", "chapitre", "section"]
                .iter()
                .any(|d| second.eq_ignore_ascii_case(d)) =>
        {
            second
        }
        _ => first,
    }
}

/// The shortest name of the division `id` that no other division answers to: its label
/// alone, then with its enclosing divisions one by one (« chapitre Ier du titre V du livre
/// Ier »), `None` when even the full chain is shared. One walk of the divisions, whatever the
/// length of the chain: the divisions bearing the same label are gathered once, then told
/// apart by their ancestors (what [`divisions`] would find for each longer name).
pub(crate) fn unique_division_name(doc: &Document, id: NodeId) -> Option<String> {
    let own = |i: NodeId| {
        doc.node(i)
            .label
            .as_deref()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let mut label = own(id)?;
    let first = division_chain(&label).into_iter().next()?;
    let mut same: Vec<NodeId> = indexed_divisions(doc, &first, |_| true).unwrap_or_default();
    if same.is_empty() {
        // No index of `doc` (the division itself is among them when there is one).
        walk_under(doc, &[NodeKind::Structure, NodeKind::Annexe], |x| {
            if same_division(doc, x, &first) {
                same.push(x);
            }
            false
        });
    }
    let mut within: Vec<String> = Vec::new();
    let mut up = doc.parent(id);
    loop {
        same.retain(|x| enclosed_by(doc, *x, &within));
        if same == [id] {
            return Some(label);
        }
        // The next enclosing division, « du titre V », « de la section 2 ».
        let a = loop {
            let a = up?;
            up = doc.parent(a);
            if doc.node(a).kind == NodeKind::Structure {
                break a;
            }
        };
        let outer = own(a)?;
        label = format!("{label} {}", formules::of_division(&outer));
        within = division_chain(&label).split_off(1);
        if within.is_empty() {
            return None;
        }
    }
}

/// The first division (in document order) that `pred` accepts: a walk of the divisions only.
pub(super) fn first_division(doc: &Document, pred: impl Fn(&Node) -> bool) -> Option<NodeId> {
    first_under(doc, &[NodeKind::Structure, NodeKind::Annexe], |n| {
        n.kind == NodeKind::Structure && pred(n)
    })
}

/// Calls `f` on every node of the kinds `enter` under the root in document order, entering
/// only the root and those nodes, until `f` returns true. Nodes of other kinds (alinéas, items:
/// most of a code) are never visited: the callers look for units of those kinds only.
fn walk_under(doc: &Document, enter: &[NodeKind], mut f: impl FnMut(NodeId) -> bool) {
    let units = |id: &&NodeId| enter.contains(&doc.node(**id).kind);
    let mut stack: Vec<NodeId> = doc
        .children(doc.root())
        .iter()
        .rev()
        .filter(units)
        .copied()
        .collect();
    while let Some(id) = stack.pop() {
        if f(id) {
            return;
        }
        stack.extend(doc.children(id).iter().rev().filter(units).copied());
    }
}

/// The first article in document order: a walk of the units down to it, not a list of the
/// whole tree (an inserted division asks it for the style of its articles).
pub(super) fn first_article(doc: &Document) -> Option<NodeId> {
    first_under(
        doc,
        &[NodeKind::Structure, NodeKind::Annexe, NodeKind::Article],
        |n| n.kind == NodeKind::Article,
    )
}

/// The first node in document order (entering only `enter` kinds) that `pred` accepts.
fn first_under(doc: &Document, enter: &[NodeKind], pred: impl Fn(&Node) -> bool) -> Option<NodeId> {
    let mut found = None;
    walk_under(doc, enter, |id| {
        let hit = pred(doc.node(id));
        if hit {
            found = Some(id);
        }
        hit
    });
    found
}

/// `label` is `want` (canonical) once made canonical; the numbers are compared first, so that
/// most labels are told apart without an allocation.
fn same_label(label: &str, want: &str) -> bool {
    if label == want {
        return true;
    }
    // Most labels differ in their first word, told apart byte by byte (ASCII) before any
    // split: the walk of a code's 10,000 articles per missing label stays cheap.
    let one_like = |s: &str| s.trim_start().starts_with(['1', 'p', 'P']);
    if first_words_differ(label, want) && !one_like(label) && !one_like(want) {
        return false;
    }
    let one = |w: Option<&str>| {
        w.is_some_and(|w| {
            w == "1" || w.eq_ignore_ascii_case("premier") || w.eq_ignore_ascii_case("1er")
        })
    };
    let (a, b) = (
        label.split_whitespace().next(),
        want.split_whitespace().next(),
    );
    if a != b && !(one(a) && one(b)) {
        return false;
    }
    canonical_label(label) == want
}

/// `a` and `b` word for word, ASCII case aside, runs of ASCII spaces as one: `None` when a
/// non-ASCII byte is met before they are told apart (then compared word by word as Unicode
/// splits them). Divisions are named on every instruction: no split, no allocation.
fn same_ascii_words(a: &str, b: &str) -> Option<bool> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let skip = |s: &[u8], mut i: usize| {
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let (mut i, mut j) = (skip(a, 0), skip(b, 0));
    loop {
        match (a.get(i), b.get(j)) {
            (None, None) => return Some(true),
            (Some(x), _) if *x >= 0x80 => return None,
            (_, Some(y)) if *y >= 0x80 => return None,
            (Some(x), Some(y)) if x.is_ascii_whitespace() && y.is_ascii_whitespace() => {
                (i, j) = (skip(a, i), skip(b, j));
                // Trailing spaces on one side only.
                if (i == a.len()) != (j == b.len()) {
                    return Some(false);
                }
            }
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => (i, j) = (i + 1, j + 1),
            (Some(x), None) if x.is_ascii_whitespace() => {
                i = skip(a, i);
                return Some(i == a.len());
            }
            (None, Some(y)) if y.is_ascii_whitespace() => {
                j = skip(b, j);
                return Some(j == b.len());
            }
            _ => return Some(false),
        }
    }
}

/// True when the first words of `a` and `b` certainly differ: compared byte by byte up to an
/// ASCII space; `false` (undecided) when a non-ASCII byte is met first.
fn first_words_differ(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_start().as_bytes(), b.trim_start().as_bytes());
    let end = |c: Option<&u8>| c.is_none_or(|c| c.is_ascii_whitespace());
    let mut i = 0;
    loop {
        let (x, y) = (a.get(i), b.get(i));
        if end(x) && end(y) {
            return false;
        }
        match (x, y) {
            (Some(p), Some(q)) if p == q => i += 1,
            (p, q) => return !(p.is_some_and(|c| *c >= 0x80) || q.is_some_and(|c| *c >= 0x80)),
        }
    }
}

/// `Chapitre Ier du titre V de la section 2` → `[Chapitre Ier, titre V, section 2]`.
pub(crate) fn division_chain(label: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let words: Vec<&str> = label.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let next = words.get(i + 1).copied().unwrap_or("");
        if w == "du" && i > 0 {
            out.push(String::new());
        } else if w == "de" && next == "la" {
            out.push(String::new());
            i += 1;
        } else {
            let last = out.last_mut().expect("one segment");
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(w);
        }
        i += 1;
    }
    out.retain(|s| !s.is_empty());
    out
}

fn same_division(doc: &Document, id: NodeId, label: &str) -> bool {
    let n = doc.node(id);
    n.kind == NodeKind::Structure
        && n.label.as_deref().is_some_and(|l| {
            if let Some(same) = same_ascii_words(l, label) {
                return same;
            }
            // Word by word, case aside, spaces collapsed: no allocation per division.
            let mut a = l.split_whitespace();
            let mut b = label.split_whitespace();
            loop {
                match (a.next(), b.next()) {
                    (None, None) => break true,
                    (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                    _ => break false,
                }
            }
        })
}

/// The first node of a kind that a convention has once (visas, signatures), in document order.
fn block(doc: &Document, kind: NodeKind) -> Option<NodeId> {
    reachable(doc)
        .into_iter()
        .find(|id| doc.node(*id).kind == kind)
}

/// The article labelled `want` found through the key parsing gives it (`5 bis` →
/// `article-5-bis`), when that key is unique, still in the tree and still so labelled: a
/// lookup instead of a walk of the whole convention. `None`: walk.
fn by_key(doc: &Document, want: &str) -> Option<NodeId> {
    let number = crate::parse::keys::article_number(&format!("Article {want}"))?;
    let key = crate::parse::keys::article(None, &number);
    let id = doc.get(&key)?;
    let n = doc.node(id);
    let found = n.kind == NodeKind::Article
        && doc.get(&format!("{key}~2")).is_none()
        && n.label.as_deref().map(canonical_label).as_deref() == Some(want)
        && with_index(doc, |ix| ix.hints.attached(doc, id))
            .unwrap_or_else(|| crate::edit::is_attached(doc, id));
    found.then_some(id)
}

pub(super) fn resolve_unit(doc: &Document, t: &Target) -> Result<NodeId, String> {
    find_unit(doc, &t.unit).ok_or_else(|| formules::target_missing(&Target::unit(t.unit.clone())))
}

pub(super) fn first_table(doc: &Document, unit: NodeId) -> Option<NodeId> {
    doc.children(unit)
        .iter()
        .copied()
        .find(|c| doc.node(*c).kind == NodeKind::Table)
}

pub(super) fn markers_match(label: Option<&str>, want: &str) -> bool {
    label.is_some_and(|l| formules::item_marker(l) == formules::item_marker(want))
}

/// The alinéa-like node (or row) the target designates, with its parent; `None` for the unit.
pub(super) fn resolve_leaf(doc: &Document, t: &Target) -> Result<Option<(NodeId, NodeId)>, String> {
    let unit = super::corps::alineas_of(doc, resolve_unit(doc, t)?);
    let missing = || formules::target_missing(t);
    if let Some(r) = t.row {
        let table = first_table(doc, unit).ok_or_else(missing)?;
        let rows = doc.children(table);
        let i = r.resolve(rows.len()).ok_or_else(missing)?;
        return Ok(Some((table, rows[i - 1])));
    }
    // A point the parser made a sub-division (« II. – Les ventes … » heading its lines).
    let (unit, items) = descend_points(doc, unit, &t.item);
    let leaves = doc.alineas(unit);
    if !items.is_empty() {
        let mut start = 0;
        let mut found: Option<usize> = None;
        for (depth, m) in items.iter().enumerate() {
            let outer = found;
            let mut hit = None;
            for (i, id) in leaves.iter().enumerate().skip(start) {
                let n = doc.node(*id);
                if depth > 0 {
                    if let Some(o) = outer {
                        let on = doc.node(leaves[o]);
                        // Stop at the next item of the outer kind.
                        if i > o
                            && n.kind == NodeKind::Item
                            && n.level <= on.level
                            && n.label
                                .as_deref()
                                .map(formules::item_marker)
                                .map(|s| s.ends_with('°'))
                                == on
                                    .label
                                    .as_deref()
                                    .map(formules::item_marker)
                                    .map(|s| s.ends_with('°'))
                            && !markers_match(n.label.as_deref(), m)
                        {
                            break;
                        }
                    }
                }
                if n.kind == NodeKind::Item && markers_match(n.label.as_deref(), m)
                    || depth == 0
                        && n.kind == NodeKind::Alinea
                        && opening_marker(&n.text).is_some_and(|(o, _)| {
                            formules::item_marker(o) == formules::item_marker(m)
                        })
                {
                    hit = Some(i);
                    break;
                }
            }
            let h = hit.ok_or_else(missing)?;
            start = h + 1;
            found = Some(h);
        }
        let i = found.ok_or_else(missing)?;
        // « le troisième alinéa du II »: counted in the point, its own line first.
        if let Some(p) = t.alinea {
            // Counted from the point's first line, only that many lines are read: scanning the
            // whole point at each instruction made n insertions into one point cost n².
            use crate::avenant::model::Position;
            let needed = match p {
                Position::Nth(n) => n as usize,
                Position::Second => 2,
                Position::Last | Position::BeforeLast => usize::MAX,
            };
            let span = &leaves[i..point_end_within(doc, &leaves, i, needed)];
            let k = p.resolve(span.len()).ok_or_else(missing)?;
            return Ok(Some((unit, span[k - 1])));
        }
        return Ok(Some((unit, leaves[i])));
    }
    if let Some(p) = t.alinea {
        let i = p.resolve(leaves.len()).ok_or_else(missing)?;
        return Ok(Some((unit, leaves[i - 1])));
    }
    Ok(None)
}

/// The alinéa « commençant par les mots : « … » » designates, with its parent: the one
/// alinéa of the unit (or of its point), sub-articles and points included, whose text opens
/// with the words; none or several is an error that says so.
pub(super) fn resolve_alinea_start(doc: &Document, t: &Target) -> Result<(NodeId, NodeId), String> {
    let words = t.alinea_starts.as_deref().unwrap_or_default();
    let unit = super::corps::alineas_of(doc, resolve_unit(doc, t)?);
    let (unit, items) = descend_points(doc, unit, &t.item);
    if !items.is_empty() {
        return Err(formules::not_applicable(t));
    }
    // Hyphens alike, as quoted words match (« L. 331‑34 » and « L. 331-34 »).
    let flat = |s: &str| {
        crate::normalise::inline(s)
            .replace(super::words::HYPHENS_LIKE, "-")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let want = flat(words);
    let hits: Vec<(NodeId, NodeId)> = std::iter::once(unit)
        .chain(doc.descendants(unit))
        .filter(|c| !doc.node(*c).kind.is_alinea_like())
        .flat_map(|c| doc.alineas(c).into_iter().map(move |l| (c, l)))
        .filter(|(_, l)| flat(&doc.node(*l).text).starts_with(&want))
        .collect();
    match hits.as_slice() {
        [hit] => Ok(*hit),
        _ => Err(formules::alinea_start_not_unique(words, hits.len(), t)),
    }
}

/// The sub-divisions of `unit` named by the first markers of `items` (« le 2° du II » where
/// the II is a sub-division of the article), and the markers left to find among its leaves.
pub(super) fn descend_points<'a>(
    doc: &Document,
    mut unit: NodeId,
    mut items: &'a [String],
) -> (NodeId, &'a [String]) {
    while let Some((m, rest)) = items.split_first() {
        let sub = doc.children(unit).iter().copied().find(|c| {
            let n = doc.node(*c);
            n.kind == NodeKind::Structure && markers_match(n.label.as_deref(), m)
        });
        match sub {
            Some(c) => {
                unit = c;
                items = rest;
            }
            None => break,
        }
    }
    (unit, items)
}

/// The sub-division a target's items name whole (« au paragraphe 25.2.c » where c is a
/// sub-division of 25.2), `None` when a marker is left to find among leaves.
pub(super) fn point_container(doc: &Document, t: &Target) -> Result<Option<NodeId>, String> {
    if t.item.is_empty() {
        return Ok(None);
    }
    let unit = super::corps::alineas_of(doc, resolve_unit(doc, t)?);
    let (c, rest) = descend_points(doc, unit, &t.item);
    Ok((rest.is_empty()).then_some(c))
}

/// The marker a leaf that the parser left an alinéa opens with (« II. – Le taux… », « c) Le
/// taux… », « 4° Pour… »), with its style: 0 for « 1° », 1 for a lower-case letter, 2 for a
/// Roman number. A point of a cahier des charges (« le paragraphe 25.2.II ») is written so.
pub(super) fn opening_marker(text: &str) -> Option<(&str, u8)> {
    static MARKER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:(\d+°)\s*(?:[–—-]\s)?|([a-z]|[IVXLC]+)(?:\s*\)|\.?\s*[–—-]|\.)\s)")
            .expect("valid regex")
    });
    let c = MARKER.captures(text)?;
    let m = c.get(1).or(c.get(2))?.as_str();
    let style = if m.ends_with('°') {
        0
    } else if m.chars().all(|c| c.is_ascii_lowercase()) {
        1
    } else {
        2
    };
    Some((m, style))
}

/// The end (exclusive) of the point that opens at `leaves[i]`: its own line and the lines up
/// to the next point of the same kind (an item of its level or above, or an alinéa opening
/// with a marker of the same style), or the end of the unit.
pub(super) fn point_end(doc: &Document, leaves: &[NodeId], i: usize) -> usize {
    point_end_within(doc, leaves, i, usize::MAX)
}

/// [`point_end`], reading at most `len` lines of the point (its own line included): the end
/// is at most `i + len`.
fn point_end_within(doc: &Document, leaves: &[NodeId], i: usize, len: usize) -> usize {
    let stop = leaves.len().min(i.saturating_add(len.max(1)));
    let first = doc.node(leaves[i]);
    let style = |n: &Node| {
        n.label
            .as_deref()
            .and_then(|l| opening_marker(&format!("{} ", formules::item_marker(l))).map(|(_, s)| s))
            .or_else(|| opening_marker(&n.text).map(|(_, s)| s))
    };
    let mine = style(first);
    leaves[..stop]
        .iter()
        .enumerate()
        .skip(i + 1)
        .find(|(_, id)| {
            let n = doc.node(**id);
            if first.kind == NodeKind::Item {
                n.kind == NodeKind::Item && n.level <= first.level
            } else {
                mine.is_some() && style(n) == mine
            }
        })
        .map_or(stop, |(j, _)| j)
}

/// `count` consecutive leaves from the target, with their parent.
pub(super) fn leaf_range(
    doc: &Document,
    t: &Target,
    count: u32,
) -> Result<(NodeId, Vec<NodeId>), String> {
    let (parent, first) = resolve_leaf(doc, t)?.ok_or_else(|| formules::not_applicable(t))?;
    let siblings: Vec<NodeId> = if t.row.is_some() && t.item.is_empty() && t.alinea.is_none() {
        doc.children(parent).to_vec()
    } else {
        doc.alineas(parent)
    };
    let start = siblings
        .iter()
        .position(|s| *s == first)
        .ok_or_else(|| formules::target_missing(t))?;
    let point = !t.item.is_empty()
        && t.alinea.is_none()
        && t.phrase.is_none()
        && count <= 1
        && doc.node(first).kind == NodeKind::Alinea;
    let end = if count == crate::avenant::model::ALL_ALINEAS {
        siblings.len()
    } else if point {
        // « Le II de l'article 3 est abrogé », the II written « II. – … » as an alinéa: the
        // point is its line and the lines up to the next « III. – ».
        point_end(doc, &siblings, start)
    } else {
        start + count.max(1) as usize
    };
    if end > siblings.len() {
        return Err(formules::target_missing(t));
    }
    Ok((parent, siblings[start..end].to_vec()))
}

#[cfg(test)]
mod tests {
    use super::{
        divisions, first_words_differ, point_end, point_end_within, same_ascii_words, same_label,
        unique_division_name,
    };

    /// Two « livre II », one in the première partie, one directly in the partie législative,
    /// each with a « titre II ».
    const TWO_LIVRES_II: &str =
        "# Code\n\n## Partie législative\n\n### Livre II : Réglementation\n\n\
        #### Titre II : Durée\n\n###### Article L212-1\n\nLa durée est fixée.\n\n\
        #### Titre III : Repos\n\n##### Section 2 : Dimanche\n\n###### Article L221-5\n\n\
        Le repos est donné le dimanche.\n\n### PREMIÈRE PARTIE : Relations\n\n\
        #### Livre II : Contrat\n\n##### Titre II : Formation\n\n###### Article L1221-1\n\n\
        Le contrat est conclu.\n";

    /// Two « livre II », one in the première partie, one directly in the partie législative:
    /// a chain of divisions names only real nesting, each named division the nearest of its
    /// noun (« de la partie législative » is not the première partie's livre II).
    #[test]
    fn a_chain_of_divisions_names_only_real_nesting() {
        let doc = crate::parse_str("code.md", TWO_LIVRES_II);
        let titre = |article: &str| {
            let a = doc.get(article).expect("article");
            doc.parent(a).expect("titre")
        };
        let (first, second) = (titre("article-L1221-1"), titre("article-L212-1"));
        assert_eq!(doc.node(first).label.as_deref(), Some("Titre II"));
        assert_eq!(doc.node(second).label.as_deref(), Some("Titre II"));
        assert_eq!(divisions(&doc, "titre II du livre II"), [second, first]);
        assert_eq!(
            divisions(&doc, "titre II du livre II de la partie législative"),
            [second]
        );
        assert_eq!(
            divisions(&doc, "titre II du livre II de la première partie"),
            [first]
        );
        assert_eq!(
            divisions(
                &doc,
                "titre II du livre II de la première partie de la partie législative"
            ),
            [first]
        );
        // Divisions of other nouns between the named ones are passed over.
        assert_eq!(
            divisions(&doc, "titre II de la partie législative"),
            [second]
        );
        assert_eq!(divisions(&doc, "section 2 du livre II").len(), 1);
        assert_eq!(
            unique_division_name(&doc, second).as_deref(),
            Some("Titre II du livre II de la partie législative")
        );
        assert_eq!(
            unique_division_name(&doc, first).as_deref(),
            Some("Titre II du livre II de la première partie")
        );
    }

    /// The index of divisions answers what the walk answers, and never goes stale: a division
    /// relabelled in place, an alinéa read as a sub-division heading, a snapshot restored, a
    /// division inserted or removed are all seen at the next lookup.
    #[test]
    fn the_division_index_follows_every_edit() {
        use crate::model::{Node, NodeKind, Span};
        let mut doc = crate::parse_str("code.md", TWO_LIVRES_II);
        let names = [
            "titre II du livre II",
            "titre II du livre II de la partie législative",
            "titre II de la partie législative",
            "section 2 du livre II",
            "Livre  ii",
            "titre III",
        ];
        let walked: Vec<Vec<_>> = names.iter().map(|n| divisions(&doc, n)).collect();
        let _index = super::IndexGuard::new(&doc);
        let indexed: Vec<Vec<_>> = names.iter().map(|n| divisions(&doc, n)).collect();
        assert_eq!(indexed, walked);
        let titre3 = walked[5][0];
        // Relabelled in place.
        crate::edit::relabel(
            &mut doc,
            titre3,
            "Titre IV".into(),
            "Titre IV : Repos".into(),
        );
        assert!(divisions(&doc, "titre III").is_empty());
        assert_eq!(divisions(&doc, "titre IV"), [titre3]);
        // A snapshot restored.
        let saved = crate::edit::Snapshot::nodes(&doc, [titre3]);
        crate::edit::relabel(&mut doc, titre3, "Titre V".into(), "Titre V : Repos".into());
        assert_eq!(divisions(&doc, "titre V"), [titre3]);
        saved.restore(&mut doc);
        assert!(divisions(&doc, "titre V").is_empty());
        assert_eq!(divisions(&doc, "titre IV"), [titre3]);
        // An alinéa made a sub-division heading in place (as `nest_subdivisions` does).
        let article = doc.get("article-L212-1").expect("article");
        let alinea = doc.children(article)[0];
        assert!(divisions(&doc, "La durée est fixée.").is_empty());
        crate::edit::set_kind_label(
            &mut doc,
            alinea,
            NodeKind::Structure,
            Some("Titre IX".into()),
        );
        // Below an article: the walk of divisions does not reach it, nor does the index.
        assert!(divisions(&doc, "titre IX").is_empty());
        let root = doc.root();
        crate::edit::move_to(&mut doc, alinea, root, 0);
        assert_eq!(divisions(&doc, "titre IX"), [alinea]);
        // A division inserted (appended to the arena), then one removed.
        let livre = doc.parent(titre3).expect("livre");
        let mut node = Node::new(
            NodeKind::Structure,
            "t6".to_string(),
            "Titre VI".to_string(),
            Span::default(),
        );
        node.label = Some("Titre VI".into());
        let t6 = crate::edit::insert(&mut doc, livre, 0, node);
        assert_eq!(divisions(&doc, "titre VI du livre II"), [t6]);
        crate::edit::remove(&mut doc, titre3);
        assert!(divisions(&doc, "titre IV").is_empty());
        // Whatever was done, the index answers as the walk does.
        let indexed: Vec<Vec<_>> = names.iter().map(|n| divisions(&doc, n)).collect();
        drop(_index);
        let walked: Vec<Vec<_>> = names.iter().map(|n| divisions(&doc, n)).collect();
        assert_eq!(indexed, walked);
    }

    /// « Au paragraphe 25.2.II, il est inséré après le troisième alinéa … »: the point is read
    /// only as far as the ordinal needs, not to its end (n insertions into one point were n²).
    #[test]
    fn a_point_is_read_only_as_far_as_its_ordinal_goes() {
        let mut text = String::from(
            "Article 25 : Tarifs\n\nI. – Les tarifs évoluent.\n\nII. – Un contrat de plan fixe les tarifs.\n\n",
        );
        for k in 0..50 {
            text.push_str(&format!("Ligne {k} du II.\n\n"));
        }
        text.push_str("III. – Les tarifs sont affichés.\n");
        let doc = crate::parse_str("cahier.md", &text);
        let unit = doc.get("article-25").expect("article 25");
        let leaves = doc.alineas(unit);
        let ii = leaves
            .iter()
            .position(|l| doc.node(*l).text.starts_with("II."))
            .expect("II");
        assert_eq!(point_end(&doc, &leaves, ii), ii + 51);
        assert_eq!(point_end_within(&doc, &leaves, ii, 3), ii + 3);
        assert_eq!(point_end_within(&doc, &leaves, ii, 100), ii + 51);
        assert_eq!(point_end_within(&doc, &leaves, ii, 0), ii + 1);
        let last = leaves.len() - 1;
        assert_eq!(point_end_within(&doc, &leaves, last, 3), leaves.len());
    }

    #[test]
    fn division_labels_compare_word_by_word_without_a_split() {
        assert_eq!(same_ascii_words("Section 3", "section  3"), Some(true));
        assert_eq!(same_ascii_words(" Section 3 ", "Section 3"), Some(true));
        assert_eq!(same_ascii_words("Section 3", "Section 30"), Some(false));
        assert_eq!(same_ascii_words("Section 3", "Sous-section 3"), Some(false));
        assert_eq!(
            same_ascii_words("Chapitre Ier", "Chapitre Ier bis"),
            Some(false)
        );
        assert_eq!(
            same_ascii_words("Titre préliminaire", "Titre préliminaire"),
            None
        );
    }

    #[test]
    fn labels_are_told_apart_by_their_first_word_first() {
        assert!(first_words_differ("L1233-5", "L1233-50"));
        assert!(!first_words_differ("5 BIS", "5 bis"));
        assert!(!first_words_differ("5\u{a0}bis", "5 bis"));
        assert!(same_label("5 BIS", "5 bis"));
        assert!(same_label("5\u{a0}bis", "5 bis"));
        assert!(same_label("premier", "1er"));
        assert!(same_label("1", "1er"));
        assert!(!same_label("L1233-5", "L1233-50"));
        assert!(!same_label("D4622-14", "D4622-14 bis"));
    }
}
