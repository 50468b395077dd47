//! Leaves and containers of the tree: alinéas, list items, table rows, notes; then the last
//! pass (notes gathered, note calls linked, spans covering children).

use super::{keys, Builder};
use crate::model::{Document, Node, NodeId, NodeKind, Span};
use crate::normalise::{from_superscript, is_superscript_digit, Form, Line};

impl Builder {
    // ----- leaves -----

    pub(super) fn push_container(
        &mut self,
        kind: NodeKind,
        key: &str,
        text: &str,
        span: Span,
    ) -> NodeId {
        self.table = None;
        let root = self.doc.root();
        self.doc.push(root, Node::new(kind, key, text, span))
    }

    /// Adds a line to a container: rows gather into a table, the rest are alinéas.
    pub(super) fn content(&mut self, parent: NodeId, l: &Line) {
        if let Form::Row(cells) = &l.form {
            let table = match self.table {
                Some((t, p)) if p == parent => t,
                _ => {
                    let n = self.count(parent, NodeKind::Table) + 1;
                    let key = keys::table(&self.doc.node(parent).key, n);
                    let t = self
                        .doc
                        .push(parent, Node::new(NodeKind::Table, key, "", l.span));
                    self.table = Some((t, parent));
                    t
                }
            };
            let n = self.doc.children(table).len() + 1;
            let key = keys::row(&self.doc.node(table).key, n);
            let mut row = Node::new(NodeKind::Row, key, String::new(), l.span);
            row.set_cells(cells.clone());
            row.label = Some(n.to_string());
            let id = self.doc.push(table, row);
            self.text_from(id, l);
            let tnode = self.doc.node_mut(table);
            tnode.span = tnode.span.cover(l.span);
            return;
        }
        self.table = None;
        self.leaf(parent, l);
    }

    /// Adds an alinéa or a list item, numbered as légistique counts them.
    pub(super) fn leaf(&mut self, parent: NodeId, l: &Line) {
        let n = self.count_alineas(parent) + 1;
        let key = keys::alinea(&self.doc.node(parent).key, n);
        let (kind, label, level) = match &l.form {
            Form::Item {
                marker,
                ordered,
                level,
            } => (NodeKind::Item, ordered.then(|| marker.clone()), *level),
            _ => (NodeKind::Alinea, None, 0),
        };
        let mut node = Node::new(kind, key, String::new(), l.span);
        node.label = label;
        node.level = level;
        if let Form::Row(cells) = &l.form {
            node.set_cells(cells.clone());
        }
        let id = self.doc.push(parent, node);
        self.text_from(id, l);
    }

    /// Gives the leaf `id` the text of `l`. When `l` is one of the lines being read (not a line
    /// made up by a rule) and no other leaf has it, the text is moved in by [`Builder::take_texts`]
    /// once the reading is over: while both sides of a diff are parsed, every line's text is not
    /// held twice. Otherwise a copy, and always for a party's alinéas, whose texts name the party
    /// while the reading goes on ([`super::head::describe_party`]); no other rule reads a leaf's
    /// text before the end.
    fn text_from(&mut self, id: NodeId, l: &Line) {
        let (first, count) = self.lines_at;
        let size = std::mem::size_of::<Line>();
        let offset = (l as *const Line as usize).wrapping_sub(first);
        let index = offset / size;
        let in_party = self
            .doc
            .node(id)
            .parent
            .is_some_and(|p| self.doc.node(p).kind == NodeKind::Partie);
        if offset % size == 0 && index < count && !in_party && self.text_owner[index].is_none() {
            self.text_owner[index] = Some(id);
        } else {
            set_text(self.doc.node_mut(id), l.text.clone());
        }
    }

    /// Moves each deferred line's text into its leaf ([`Builder::text_from`]), at its length.
    pub(super) fn take_texts(&mut self, lines: &mut [Line]) {
        let owners = std::mem::take(&mut self.text_owner);
        for (line, owner) in lines.iter_mut().zip(owners) {
            if let Some(id) = owner {
                let mut text = std::mem::take(&mut line.text);
                text.shrink_to_fit();
                set_text(self.doc.node_mut(id), text);
            }
        }
        self.lines_at = (0, 0);
    }

    /// Tables among the children of `parent`, counted once: only the children added since the
    /// last count are looked at, so that a container of n leaves costs n, not n².
    fn count(&mut self, parent: NodeId, kind: NodeKind) -> usize {
        debug_assert_eq!(kind, NodeKind::Table);
        self.tally(parent).2
    }

    /// Alinéa-like children of `parent` (alinéas and list items), counted incrementally.
    fn count_alineas(&mut self, parent: NodeId) -> usize {
        self.tally(parent).1
    }

    /// (children seen, alinéa-like, tables) of `parent`, brought up to date.
    fn tally(&mut self, parent: NodeId) -> (usize, usize, usize) {
        let children = self.doc.children(parent);
        if self.tallies.len() <= parent.index() {
            self.tallies.resize(parent.index() + 1, [0; 3]);
        }
        let [seen, alineas, tables] = self.tallies[parent.index()].map(|n| n as usize);
        let mut t = (seen, alineas, tables);
        for c in &children[t.0..] {
            let kind = self.doc.node(*c).kind;
            if kind.is_alinea_like() {
                t.1 += 1;
            }
            if kind == NodeKind::Table {
                t.2 += 1;
            }
        }
        t.0 = children.len();
        self.tallies[parent.index()] = [t.0 as u32, t.1 as u32, t.2 as u32];
        t
    }

    pub(super) fn finish(mut self) -> Document {
        if !self.notes.is_empty() {
            let span = self
                .notes
                .iter()
                .map(|n| n.2)
                .reduce(Span::cover)
                .unwrap_or_default();
            let notes = self.push_container(NodeKind::Notes, "notes", "", span);
            for (label, text, span) in std::mem::take(&mut self.notes) {
                let mut node = Node::new(NodeKind::Note, keys::note(&label), text, span);
                node.label = Some(label);
                self.doc.push(notes, node);
            }
        }
        link_note_calls(&mut self.doc);
        cover_children(&mut self.doc);
        // The arena grew by doubling: its unused tail (up to half of it) is given back.
        self.doc.nodes.shrink_to_fit();
        self.doc
    }
}

/// Makes every node's span cover its children's (children always come after their parent
/// in the arena, so one backward pass suffices).
fn cover_children(doc: &mut Document) {
    for i in (1..doc.nodes.len()).rev() {
        if let Some(parent) = doc.nodes[i].parent {
            if parent.index() != 0 {
                let span = doc.nodes[i].span;
                let p = &mut doc.nodes[parent.index()];
                p.span = p.span.cover(span);
            }
        }
    }
}

/// Gives a leaf its text.
fn set_text(node: &mut Node, text: String) {
    node.text = text;
}

/// Links superscript footnote calls (`ANSSI¹`) to the notes they call.
pub(crate) fn link_note_calls(doc: &mut Document) {
    if doc.get("notes").is_none() {
        return;
    }
    for i in 0..doc.nodes.len() {
        if doc.nodes[i].kind == NodeKind::Note {
            continue;
        }
        let mut refs = Vec::new();
        let text = &doc.nodes[i].text;
        let mut run = String::new();
        let mut prev_char: Option<char> = None;
        let mut run_start_prev: Option<char> = None;
        for c in text.chars().chain(std::iter::once(' ')) {
            if is_superscript_digit(c) {
                if run.is_empty() {
                    run_start_prev = prev_char;
                }
                run.push(c);
            } else if !run.is_empty() {
                if run_start_prev.is_some_and(|p| !p.is_whitespace()) {
                    if let Some(n) = from_superscript(&run) {
                        let key = keys::note(&n.to_string());
                        if doc.get(&key).is_some() && !refs.contains(&key) {
                            refs.push(key);
                        }
                    }
                }
                run.clear();
            }
            prev_char = Some(c);
        }
        doc.nodes[i].set_note_refs(refs);
    }
}
