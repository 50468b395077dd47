//! Editing a [`Document`] in place: texts and words replaced, nodes inserted, removed, moved or
//! relabelled, then [`rekey`] recomputes keys, labels and alinéa numbers as parsing would.
//!
//! Edits leave the arena loose (removed nodes stay unreachable, new nodes carry a provisional
//! key); [`rekey`] rebuilds it in document order with the key functions `parse` itself uses
//! (`crate::parse::keys`), so that the result equals what parsing its Markdown rendering gives,
//! without rendering or parsing. Untouched nodes keep their spans (into the original source);
//! new nodes have an empty span.

use crate::model::{Document, Node, NodeId, NodeKind};
use crate::parse::keys;

/// The prefix of provisional keys: a node carrying one gets its key derived from its content by
/// [`rekey`] (a new article's number is read from its heading line).
pub const PROVISIONAL: &str = "~edit-";

thread_local! {
    /// The nodes whose label or kind changed in place on this thread ([`relabel`],
    /// [`set_kind_label`], [`Snapshot::restore`]), in order: what an index of units by label
    /// built before must add (see [`relabelled_since`]).
    static RELABELLED: std::cell::RefCell<Relabels> = const {
        std::cell::RefCell::new(Relabels { first: 0, ids: Vec::new() })
    };
}

/// The log of in-place label changes: `ids[i]` is change number `first + i`. Only the last
/// [`Relabels::KEPT`] changes are kept; an index older than that is rebuilt.
struct Relabels {
    first: u64,
    ids: Vec<NodeId>,
}

impl Relabels {
    const KEPT: usize = 4096;
}

/// Records that `id`'s label or kind changed in place (in whatever document: indexes check
/// what they find).
fn relabelled(id: NodeId) {
    RELABELLED.with(|r| {
        let mut r = r.borrow_mut();
        if r.ids.len() >= Relabels::KEPT {
            r.first += r.ids.len() as u64;
            r.ids.clear();
        }
        r.ids.push(id);
    });
}

/// The count of in-place label or kind changes on this thread so far: an index of units by
/// label built at generation `g` holds as long as it adds the nodes [`relabelled_since`]`(g)`
/// gives (new nodes aside, which are appended to the arena).
pub fn labels_generation() -> u64 {
    RELABELLED.with(|r| {
        let r = r.borrow();
        r.first + r.ids.len() as u64
    })
}

/// Calls `f` on each node relabelled in place since generation `g` (in any document, repeats
/// included); `false` when the log no longer reaches back to `g`: then rebuild.
pub fn relabelled_since(g: u64, mut f: impl FnMut(NodeId)) -> bool {
    RELABELLED.with(|r| {
        let r = r.borrow();
        let Some(from) = g.checked_sub(r.first) else {
            return false;
        };
        for id in r.ids.iter().skip(from as usize) {
            f(*id);
        }
        true
    })
}

/// Gives an existing node another kind and label in place (an alinéa read as a sub-division
/// heading, a leaf rewritten as an item), signalled to the indexes of units by label.
pub fn set_kind_label(doc: &mut Document, id: NodeId, kind: NodeKind, label: Option<String>) {
    let node = doc.node_mut(id);
    if node.kind != kind || node.label != label {
        node.kind = kind;
        node.label = label;
        relabelled(id);
    }
}

/// A key no node has, for a node about to be inserted.
pub fn provisional_key(doc: &Document) -> String {
    format!("{PROVISIONAL}{}", doc.nodes.len())
}

/// Replaces a node's text.
pub fn set_text(doc: &mut Document, id: NodeId, text: String) {
    let node = doc.node_mut(id);
    node.text = text;
}

/// Replaces the bytes `range` of a node's text by `with` (words replaced, inserted or deleted).
pub fn replace_words(doc: &mut Document, id: NodeId, range: (usize, usize), with: &str) {
    let text = &doc.node(id).text;
    let end = range.1.min(text.len());
    let start = range.0.min(end);
    let new = format!("{}{with}{}", &text[..start], &text[end..]);
    set_text(doc, id, new);
}

/// Inserts `node` as the child of `parent` at index `at` (clamped), and returns its id.
pub fn insert(doc: &mut Document, parent: NodeId, at: usize, node: Node) -> NodeId {
    let id = doc.push(parent, node);
    let ch = &mut doc.node_mut(parent).children;
    ch.pop();
    let at = at.min(ch.len());
    ch.insert(at, id);
    id
}

/// Position of `child` among `parent`'s children (their count if it is not one of them).
pub fn child_index(doc: &Document, parent: NodeId, child: NodeId) -> usize {
    doc.children(parent)
        .iter()
        .position(|c| *c == child)
        .unwrap_or(doc.children(parent).len())
}

/// Removes the children `ids` of `parent` (with everything below them).
pub fn remove_children(doc: &mut Document, parent: NodeId, ids: &[NodeId]) {
    if ids.len() == 1 {
        doc.node_mut(parent).children.retain(|c| *c != ids[0]);
    } else {
        let set: rustc_hash::FxHashSet<NodeId> = ids.iter().copied().collect();
        doc.node_mut(parent).children.retain(|c| !set.contains(c));
    }
}

/// Removes a node (with everything below it) from its parent.
pub fn remove(doc: &mut Document, id: NodeId) {
    if let Some(parent) = doc.parent(id) {
        remove_children(doc, parent, &[id]);
    }
}

/// Moves a node (with everything below it) to be the child of `parent` at index `at` (counted
/// once the node is out of its old place).
pub fn move_to(doc: &mut Document, id: NodeId, parent: NodeId, at: usize) {
    remove(doc, id);
    let ch = &mut doc.node_mut(parent).children;
    let at = at.min(ch.len());
    ch.insert(at, id);
    doc.node_mut(id).parent = Some(parent);
}

/// Gives a unit (article, annex, structure) a new label and heading line: its key is
/// recomputed from them by [`rekey`].
pub fn relabel(doc: &mut Document, id: NodeId, label: String, text: String) {
    relabelled(id);
    let key = provisional_key(doc);
    let node = doc.node_mut(id);
    node.label = Some(label);
    node.key = key;
    node.text = text;
}

/// True when `id` is in the tree (not removed, nor inside a removed node).
pub fn is_attached(doc: &Document, id: NodeId) -> bool {
    let mut id = id;
    while let Some(p) = doc.parent(id) {
        if !doc.children(p).contains(&id) {
            return false;
        }
        id = p;
    }
    id == doc.root()
}

/// What a unit and its parent were before tentative edits, to put back by [`Snapshot::restore`]
/// without copying the whole document: the edits must stay inside the unit (nodes they add are
/// left unreachable).
#[derive(Debug, Clone)]
pub struct Snapshot {
    nodes: Vec<(NodeId, Node)>,
    /// Nodes of which only the place in the tree is saved: parent and children.
    links: Vec<(NodeId, Option<NodeId>, Vec<NodeId>)>,
}

impl Snapshot {
    /// The unit `id`, everything below it and its parent.
    pub fn of(doc: &Document, id: NodeId) -> Snapshot {
        let mut ids = vec![id];
        ids.extend(doc.descendants(id));
        ids.extend(doc.parent(id));
        Snapshot {
            nodes: ids.into_iter().map(|i| (i, doc.node(i).clone())).collect(),
            links: Vec::new(),
        }
    }

    /// The parent and children of the nodes `ids`, not their texts (edits that add, remove or
    /// move nodes under them and change no text of theirs): a division inserted or deleted
    /// tentatively is undone without a copy of every division's words.
    pub fn links(doc: &Document, ids: impl IntoIterator<Item = NodeId>) -> Snapshot {
        Snapshot {
            nodes: Vec::new(),
            links: ids
                .into_iter()
                .map(|i| (i, doc.parent(i), doc.children(i).to_vec()))
                .collect(),
        }
    }

    /// The nodes `ids` alone (edits that change texts only, none of the structure).
    pub fn nodes(doc: &Document, ids: impl IntoIterator<Item = NodeId>) -> Snapshot {
        Snapshot {
            nodes: ids.into_iter().map(|i| (i, doc.node(i).clone())).collect(),
            links: Vec::new(),
        }
    }

    /// Puts the saved nodes back.
    pub fn restore(self, doc: &mut Document) {
        for (id, parent, children) in self.links {
            let n = doc.node_mut(id);
            n.parent = parent;
            n.children = children;
        }
        for (id, node) in self.nodes {
            let now = doc.node(id);
            if node.label != now.label || node.kind != now.kind {
                relabelled(id);
            }
            *doc.node_mut(id) = node;
        }
    }
}

/// A key without the `~2` that [`Document::push`] adds to repeated keys.
fn base_key(key: &str) -> &str {
    match key.rsplit_once('~') {
        Some((base, n)) if !base.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => key,
    }
}

/// The nearest Titre, Chapitre… holding `id` (itself included), above its articles and
/// their sub-divisions.
fn enclosing_structure(doc: &Document, mut id: NodeId) -> Option<NodeId> {
    loop {
        let n = doc.node(id);
        if n.kind == NodeKind::Structure && n.level < 20 {
            return Some(id);
        }
        id = doc.parent(id)?;
    }
}

fn last_segment(key: &str) -> &str {
    key.rsplit('/').next().unwrap_or(key)
}

/// The edited tree rebuilt in document order, with keys, labels of rows and parties, alinéa
/// numbers, party names and note calls recomputed from the structure as `parse`
/// computes them. Unreachable nodes are dropped; untouched nodes keep their spans. Linear in
/// the size of the tree.
pub fn rekey(old: &Document) -> Document {
    let mut doc = Document::new(old.source.clone());
    doc.diagnostics = old.diagnostics.clone();
    doc.nodes[0].span = old.nodes[0].span;
    // Per new node: alinéa-like children, tables and parties met so far.
    let mut counts: Vec<[usize; 3]> = vec![[0; 3]];
    let mut parties = Vec::new();
    // (old node, new parent, enclosing annex in the new tree)
    let mut stack: Vec<(NodeId, NodeId, Option<NodeId>)> = old
        .children(old.root())
        .iter()
        .rev()
        .map(|c| (*c, doc.root(), None))
        .collect();
    while let Some((oid, parent, annex)) = stack.pop() {
        let o = old.node(oid);
        let mut node = o.clone();
        node.children = Vec::new();
        let provisional = o.key.starts_with(PROVISIONAL);
        let parent_key = doc.node(parent).key.clone();
        let c = &mut counts[parent.index()];
        node.key = match o.kind {
            NodeKind::Alinea | NodeKind::Item => {
                c[0] += 1;
                keys::alinea(&parent_key, c[0])
            }
            NodeKind::Table => {
                c[1] += 1;
                keys::table(&parent_key, c[1])
            }
            NodeKind::Row => {
                let n = doc.children(parent).len() + 1;
                node.label = Some(n.to_string());
                keys::row(&parent_key, n)
            }
            NodeKind::Partie => {
                c[2] += 1;
                node.label = Some(c[2].to_string());
                keys::party(c[2])
            }
            NodeKind::Note => keys::note(node.label.as_deref().unwrap_or("")),
            NodeKind::Annexe => keys::annex(node.label.as_deref()),
            NodeKind::Article => {
                let kept = base_key(last_segment(&o.key)).strip_prefix("article-");
                let number = match kept.filter(|_| !provisional) {
                    Some(n) => n.to_string(),
                    None => keys::article_number(&o.text)
                        .or_else(|| o.label.as_deref().map(crate::parse::headings::slug))
                        .unwrap_or_default(),
                };
                // An article keyed below its structure (`titre-3/article-3`) stays so.
                let scoped = annex.is_none() && base_key(&o.key).contains('/');
                let scope =
                    annex.or_else(|| scoped.then(|| enclosing_structure(&doc, parent)).flatten());
                keys::article(scope.map(|a| doc.node(a).key.as_str()), &number)
            }
            NodeKind::Structure => {
                let slug = if provisional {
                    keys::structure_slug(&o.text)
                } else {
                    base_key(last_segment(&o.key)).to_string()
                };
                // Sub-divisions of an article or annex (`annexe/3o/a`) are keyed below it too.
                let in_structure = matches!(
                    doc.node(parent).kind,
                    NodeKind::Structure | NodeKind::Article | NodeKind::Annexe
                );
                keys::structure(in_structure.then_some(parent_key.as_str()), &slug)
            }
            NodeKind::Titre => {
                node.heading = Some(node.text.clone());
                base_key(&o.key).to_string()
            }
            _ => base_key(&o.key).to_string(),
        };
        let id = doc.push(parent, node);
        counts.push([0; 3]);
        if o.kind == NodeKind::Partie {
            parties.push(id);
        }
        let annex = if o.kind == NodeKind::Annexe {
            Some(id)
        } else {
            annex
        };
        stack.extend(o.children.iter().rev().map(|c| (*c, id, annex)));
    }
    for p in parties {
        crate::parse::describe_party(&mut doc, p);
    }
    crate::parse::link_note_calls(&mut doc);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{fingerprint, Span};

    const TEXT: &str = "Convention\n\nArticle 1er : Objet\n\nUn.\n\nDeux.\n\nArticle 2 : Durée\n\nTrois.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n\nAnnexe 1 : Budget\n\nArticle 1 : Poste\n\nQuatre.\n";

    fn doc() -> Document {
        crate::parse_str("t.md", TEXT)
    }

    fn reparsed(d: &Document) -> Document {
        crate::parse_str("t.md", &crate::render::markdown::markdown(d))
    }

    #[test]
    fn a_links_snapshot_undoes_moves_insertions_and_removals() {
        let mut d = doc();
        let before = rekey(&d);
        let (a1, a2) = (d.get("article-1").unwrap(), d.get("article-2").unwrap());
        let root = d.root();
        let saved = Snapshot::links(&d, [root, a1, a2]);
        let al = d.get("article-1/al-1").unwrap();
        move_to(&mut d, al, a2, 0);
        remove(&mut d, a1);
        let node = Node::new(
            NodeKind::Alinea,
            provisional_key(&d),
            "Cinq.",
            Span::default(),
        );
        insert(&mut d, a2, 1, node);
        assert!(!rekey(&d).same_tree(&before));
        // The moved alinéa was not saved itself (only the lists holding it): its parent
        // field is set back by hand, as a caller saving the moved nodes would.
        saved.restore(&mut d);
        d.node_mut(al).parent = Some(a1);
        assert!(
            rekey(&d).same_tree(&before),
            "{:?}",
            rekey(&d).first_difference(&before)
        );
    }

    #[test]
    fn inserted_and_removed_alineas_renumber() {
        let mut d = doc();
        let a1 = d.get("article-1").unwrap();
        let node = Node::new(
            NodeKind::Alinea,
            provisional_key(&d),
            "Zéro.",
            Span::default(),
        );
        insert(&mut d, a1, 0, node);
        let al2 = d.get("article-1/al-2").unwrap();
        remove(&mut d, al2);
        let r = rekey(&d);
        assert_eq!(r.node(r.get("article-1/al-1").unwrap()).text, "Zéro.");
        // Keys name the nodes as parsed until the rekey: `al-2` was « Deux. ».
        assert_eq!(r.node(r.get("article-1/al-2").unwrap()).text, "Un.");
        assert!(r.get("article-1/al-3").is_none());
        assert!(r.same_tree(&reparsed(&r)));
    }

    #[test]
    fn relabelled_article_takes_its_key_from_its_heading() {
        let mut d = doc();
        let a2 = d.get("article-2").unwrap();
        relabel(&mut d, a2, "2 bis".into(), "Article 2 bis : Durée".into());
        let r = rekey(&d);
        let id = r.get("article-2-bis").unwrap();
        assert_eq!(r.node(id).label.as_deref(), Some("2 bis"));
        assert!(r.get("article-2-bis/table-1/row-3").is_some());
        assert!(r.same_tree(&reparsed(&r)));
    }

    #[test]
    fn rows_are_renumbered_and_annex_articles_keep_their_prefix() {
        let mut d = doc();
        let row2 = d.get("article-2/table-1/row-2").unwrap();
        remove(&mut d, row2);
        let r = rekey(&d);
        let row = r.get("article-2/table-1/row-2").unwrap();
        assert_eq!(r.node(row).label.as_deref(), Some("2"));
        assert_eq!(r.node(row).cells(), ["3", "4"]);
        assert!(r.get("annexe-1/article-1/al-1").is_some());
        assert!(r.same_tree(&reparsed(&r)));
    }

    #[test]
    fn moved_article_keeps_its_key_and_spans_of_untouched_nodes_stay() {
        let mut d = doc();
        let a1 = d.get("article-1").unwrap();
        let span = d.node(d.get("article-1/al-1").unwrap()).span;
        let root = d.root();
        remove(&mut d, a1);
        let at = child_index(&d, root, d.get("article-2").unwrap()) + 1;
        move_to(&mut d, a1, root, at);
        let r = rekey(&d);
        let keys: Vec<&str> = r
            .top_level()
            .iter()
            .map(|i| r.node(*i).key.as_str())
            .collect();
        assert_eq!(keys, ["titre", "article-2", "article-1", "annexe-1"]);
        let al = r.node(r.get("article-1/al-1").unwrap());
        assert_eq!((al.span.start, al.span.end), (span.start, span.end));
        assert!(r.same_tree(&reparsed(&r)));
    }

    #[test]
    fn replaced_words_update_text_and_fingerprint() {
        let mut d = doc();
        let id = d.get("article-1/al-2").unwrap();
        replace_words(&mut d, id, (0, 4), "Encore");
        assert_eq!(d.node(id).text, "Encore.");
        assert_eq!(d.node(id).fingerprint(), fingerprint("Encore."));
    }
}
