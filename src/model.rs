//! The document tree every stage shares: a `Document` is an arena of `Node`s addressed by `NodeId`.
//! Built by `parse`, read by `align`, `diff`, `render` and `avenant`; it never reads files itself.

use rustc_hash::FxBuildHasher;
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::BuildHasher;

/// A byte range into [`Source::text`]. Two spans always compare equal, so that content
/// equality of nodes and trees ignores where the text came from.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}
impl Eq for Span {}

/// Index of a node in [`Document::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The index of the node in [`Document::nodes`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a node is. The serialised names are the public JSON `kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// The root of the tree.
    Document,
    /// The title of the convention.
    Titre,
    /// The header above the title (logos, references).
    EnTete,
    /// The list of the parties (« Entre … et … »).
    Parties,
    /// One party.
    Partie,
    /// The visas (« Vu … »).
    Visas,
    /// The préambule (« Il a été convenu ce qui suit »…).
    Preambule,
    /// Partie, Livre, Titre, Chapitre, Section… of a larger text, or an unrecognised heading.
    Structure,
    /// An article.
    Article,
    /// An annexe.
    Annexe,
    /// An alinéa: a paragraph of an article.
    Alinea,
    /// An item of a list (« 1° », « a) », « – »).
    Item,
    /// A table.
    Table,
    /// A row of a table.
    Row,
    /// The notes (footnotes) of the document.
    Notes,
    /// One note.
    Note,
    /// The signature block.
    Signatures,
    /// Text the parser could not classify, kept as it is.
    Unclassified,
    /// The body of a document without articles (an agreement, a model letter): its alinéas
    /// are counted through, as « le troisième alinéa de l'accord ».
    Corps,
}

impl NodeKind {
    /// The kind's name in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Document => "document",
            NodeKind::Titre => "titre",
            NodeKind::EnTete => "en-tete",
            NodeKind::Parties => "parties",
            NodeKind::Partie => "partie",
            NodeKind::Visas => "visas",
            NodeKind::Preambule => "preambule",
            NodeKind::Structure => "structure",
            NodeKind::Article => "article",
            NodeKind::Annexe => "annexe",
            NodeKind::Alinea => "alinea",
            NodeKind::Item => "item",
            NodeKind::Table => "table",
            NodeKind::Row => "row",
            NodeKind::Notes => "notes",
            NodeKind::Note => "note",
            NodeKind::Signatures => "signatures",
            NodeKind::Unclassified => "unclassified",
            NodeKind::Corps => "corps",
        }
    }

    /// Leaves that carry a run of text counted as an alinéa (circular of 20 October 2000).
    pub fn is_alinea_like(self) -> bool {
        matches!(self, NodeKind::Alinea | NodeKind::Item)
    }

    /// Units that hold alinéas and are aligned as a whole (articles, annexes, préambule…).
    pub fn is_container(self) -> bool {
        !matches!(
            self,
            NodeKind::Alinea | NodeKind::Item | NodeKind::Row | NodeKind::Note
        )
    }
}

/// A party to the convention as the « Entre … Et … » block names it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Party {
    /// The first line of the party block (« Réseau Canopé », « L'École nationale d'administration (ENA) »).
    pub name: String,
    /// The « ci-après dénommé(e) » name used in the text (« la DINUM », « l'ENA »), if any.
    pub short_name: Option<String>,
    /// Every quoted « ci-après » name, in order.
    pub aliases: Vec<String>,
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Stable, human-readable address: `article-5.1`, `annexe-2/table-1/row-3`, `article-4/al-3`.
    pub key: String,
    /// The unit's number as written: `1er`, `5 bis`, `5.1`, `II`, `L. 1111-1`; for a list item its marker.
    pub label: Option<String>,
    /// The heading's words without its number: « Dispositions financières ».
    pub heading: Option<String>,
    /// Normalised text. For a heading node, its whole normalised heading line
    /// (« Article 5 : Dispositions financières »); for a leaf, its content.
    pub text: String,
    /// Nesting depth of a list item (0 for top level) or rank of a structure heading.
    pub level: u8,
    /// The fields few nodes have: a table row's cells, a party's names, the footnotes the text
    /// calls, where an office document holds the node ([`Node::cells`], [`Node::party`],
    /// [`Node::note_refs`], [`Node::locator`]).
    #[serde(flatten)]
    rare: Rare,
    /// Where the node's text stands in [`Source::text`].
    pub span: Span,
    /// The parent node, `None` for the root.
    pub parent: Option<NodeId>,
    /// The child nodes, in document order.
    pub children: Vec<NodeId>,
}

/// The fields few nodes have, boxed together so that the others pay 8 bytes for them: the
/// arena holds every node of a code (90,000 for a pair; a node is 160 bytes, 224 with them
/// inline). Equality compares the cells, the party and the note calls, never the locator: like
/// [`Span`], where the text stood is no part of the tree, so a tree read from a .docx equals
/// the same tree typed in Markdown.
#[derive(Debug, Clone, Default)]
struct Rare(Option<Box<RareFields>>);

#[derive(Debug, Clone, Default)]
struct RareFields {
    cells: Vec<String>,
    party: Option<Party>,
    note_refs: Vec<String>,
    locator: Option<Box<str>>,
}

impl Rare {
    fn cells(&self) -> &[String] {
        self.0.as_ref().map_or(&[], |f| &f.cells)
    }

    fn party(&self) -> Option<&Party> {
        self.0.as_ref().and_then(|f| f.party.as_ref())
    }

    fn note_refs(&self) -> &[String] {
        self.0.as_ref().map_or(&[], |f| &f.note_refs)
    }

    fn fields(&mut self) -> &mut RareFields {
        self.0.get_or_insert_with(Default::default)
    }

    /// Drops the box once every field is empty again.
    fn tidy(&mut self) {
        if self.0.as_ref().is_some_and(|r| {
            r.cells.is_empty() && r.party.is_none() && r.note_refs.is_empty() && r.locator.is_none()
        }) {
            self.0 = None;
        }
    }
}

impl PartialEq for Rare {
    fn eq(&self, other: &Rare) -> bool {
        self.cells() == other.cells()
            && self.party() == other.party()
            && self.note_refs() == other.note_refs()
    }
}

impl Eq for Rare {}

impl Serialize for Rare {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let f = self.0.as_deref();
        let mut st = s.serialize_struct("Rare", 4)?;
        st.serialize_field("cells", f.map_or(&[][..], |f| &f.cells[..]))?;
        st.serialize_field("party", &f.and_then(|f| f.party.as_ref()))?;
        st.serialize_field("note_refs", f.map_or(&[][..], |f| &f.note_refs[..]))?;
        st.serialize_field("locator", &f.and_then(|f| f.locator.as_deref()))?;
        st.end()
    }
}

impl Node {
    /// A node with no parent and no children.
    pub fn new(
        kind: NodeKind,
        key: impl Into<String>,
        text: impl Into<String>,
        span: Span,
    ) -> Node {
        Node {
            kind,
            key: key.into(),
            label: None,
            heading: None,
            text: text.into(),
            level: 0,
            rare: Rare::default(),
            span,
            parent: None,
            children: Vec::new(),
        }
    }

    /// An article whose number the text does not write: its heading line is its heading alone
    /// (« ## Objet » in statuts without numbers, read as articles numbered in order). Such an
    /// article is named by its heading, never by the number the parser gave it.
    pub fn number_is_implicit(&self) -> bool {
        self.kind == NodeKind::Article
            && self
                .heading
                .as_deref()
                .is_some_and(|h| !h.trim().is_empty() && h.trim() == self.text.trim())
    }

    /// For a table row, its cells (normalised); empty for any other node.
    pub fn cells(&self) -> &[String] {
        self.rare.cells()
    }

    /// A row's cells, to change them in place (empty for any other node).
    pub fn cells_mut(&mut self) -> &mut [String] {
        self.rare.0.as_mut().map_or(&mut [], |f| &mut f.cells)
    }

    /// Sets a row's cells.
    pub fn set_cells(&mut self, cells: Vec<String>) {
        if cells.is_empty() && self.rare.0.is_none() {
            return;
        }
        self.rare.fields().cells = cells;
        self.rare.tidy();
    }

    /// For a party node, the party as the « Entre … Et … » block names it.
    pub fn party(&self) -> Option<&Party> {
        self.rare.party()
    }

    /// Sets (or clears) the party a node stands for.
    pub fn set_party(&mut self, party: Option<Party>) {
        self.rare.fields().party = party;
        self.rare.tidy();
    }

    /// Keys of the footnotes this node's text calls (`notes/note-1`).
    pub fn note_refs(&self) -> &[String] {
        self.rare.note_refs()
    }

    /// Sets the keys of the footnotes this node's text calls.
    pub fn set_note_refs(&mut self, refs: Vec<String>) {
        if refs.is_empty() && self.rare.0.is_none() {
            return;
        }
        self.rare.fields().note_refs = refs;
        self.rare.tidy();
    }

    /// Where the node is in an office document, as a person finds it (`word/document.xml §37`:
    /// the part and the paragraph's number in it); `None` for text and PDF, whose spans suffice.
    pub fn locator(&self) -> Option<&str> {
        self.rare.0.as_ref().and_then(|f| f.locator.as_deref())
    }

    /// Sets (or clears) where the node is in an office document.
    pub fn set_locator(&mut self, locator: Option<Box<str>>) {
        if locator.is_none() && self.rare.0.is_none() {
            return;
        }
        self.rare.fields().locator = locator;
        self.rare.tidy();
    }

    /// Content hash of the normalised text (fixed hasher: stable across runs and machines),
    /// computed when asked: a stored one cost 8 bytes a node and a hash of every text parsed,
    /// for no reader.
    pub fn fingerprint(&self) -> u64 {
        fingerprint(&self.text)
    }

    /// The last segment of the key (`al-3` for `article-4/al-3`).
    pub fn local_key(&self) -> &str {
        self.key.rsplit('/').next().unwrap_or(&self.key)
    }
}

/// FNV-1a over the bytes: a fixed hasher, so fingerprints are reproducible.
pub fn fingerprint(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// How the input was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown or plain text as an office suite exports it.
    Text,
    /// A PDF, its text extracted.
    Pdf,
    /// A Word document (.docx), read from its XML.
    Docx,
    /// An OpenDocument text (.odt), read from its XML.
    Odt,
}

/// The input as decoded text, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as the user named it.
    pub path: String,
    /// How the input was read.
    pub format: Format,
    /// The decoded text that spans point into (for a PDF, the extracted text).
    pub text: String,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, nothing to do.
    Info,
    /// The reading may be wrong: the jurist should look.
    Warning,
    /// The reading failed where it points.
    Error,
}

/// Something a stage noticed about the input: kept with the document, shown by the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The message, in French.
    pub message: String,
    /// Where it applies in the source, if somewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// What the user can do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no span and no hint.
    pub fn new(severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            message: message.into(),
            span: None,
            hint: None,
        }
    }
    /// The same diagnostic, pointing at `span`.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
    /// The same diagnostic, with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The nodes by key, without a copy of the keys: each entry is a node id and the hash its
/// node's key had when it was pushed (32 bits: an entry is 8 bytes), the key itself compared
/// in the node (a hash table over the arena). A key changed afterwards by
/// [`Document::node_mut`] is no longer found under either name (as before, a renamed node is
/// reached again once the tree is rekeyed, or the index rebuilt after
/// [`Document::release_key_index`]).
#[derive(Clone, Default)]
struct KeyIndex(hashbrown::HashTable<(u32, NodeId)>);

impl KeyIndex {
    fn hash(key: &str) -> u32 {
        let h = FxBuildHasher.hash_one(key);
        (h ^ (h >> 32)) as u32
    }

    /// The table's hash of an entry: its 32 bits twice, so that the bucket (low bits) and
    /// the tag (top bits) both come from them.
    fn wide(h: u32) -> u64 {
        (u64::from(h) << 32) | u64::from(h)
    }

    fn get(&self, nodes: &[Node], key: &str) -> Option<NodeId> {
        let h = Self::hash(key);
        self.0
            .find(Self::wide(h), |(kh, id)| {
                *kh == h && nodes.get(id.index()).is_some_and(|n| n.key == key)
            })
            .map(|(_, id)| *id)
    }

    /// The index of every node of the arena, in order.
    fn of(nodes: &[Node]) -> KeyIndex {
        let mut index = KeyIndex(hashbrown::HashTable::with_capacity(nodes.len()));
        for (i, n) in nodes.iter().enumerate() {
            index.insert(&n.key, NodeId(i as u32));
        }
        index
    }

    fn insert(&mut self, key: &str, id: NodeId) {
        let h = Self::hash(key);
        self.0
            .insert_unique(Self::wide(h), (h, id), |(kh, _)| Self::wide(*kh));
    }
}

impl std::fmt::Debug for KeyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeyIndex({} keys)", self.0.len())
    }
}

/// A parsed convention: its source, the node arena (node 0 is the root) and diagnostics.
#[derive(Debug, Clone)]
pub struct Document {
    /// The input the document was read from.
    pub source: Source,
    /// Every node; the root is the first, [`NodeId`]s index this vector.
    pub nodes: Vec<Node>,
    /// What the reader noticed on the way.
    pub diagnostics: Vec<Diagnostic>,
    /// Built as the tree is pushed; once released, built again from the arena by the first
    /// [`Document::get`] (a lock, so that a document can be read from several threads).
    index: std::sync::OnceLock<KeyIndex>,
    /// Last `~n` suffix given to each repeated key, so that repeats cost no rescan.
    suffixes: BTreeMap<String, u32>,
}

impl Document {
    /// A document holding only its root.
    pub fn new(source: Source) -> Document {
        let len = source.text.len();
        let root = Node::new(NodeKind::Document, "", "", Span::new(0, len));
        let mut index = KeyIndex::default();
        index.insert(&root.key, NodeId(0));
        let index = std::sync::OnceLock::from(index);
        Document {
            source,
            nodes: vec![root],
            diagnostics: Vec::new(),
            index,
            suffixes: BTreeMap::new(),
        }
    }

    /// The root node.
    pub fn root(&self) -> NodeId {
        NodeId(0)
    }

    /// The node `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// The node `id`, to change it.
    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    /// The children of `id`, in document order.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        &self.nodes[id.index()].children
    }

    /// The parent of `id` (`None` for the root).
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent
    }

    /// The node with this key, if any.
    pub fn get(&self, key: &str) -> Option<NodeId> {
        self.index
            .get_or_init(|| KeyIndex::of(&self.nodes))
            .get(&self.nodes, key)
    }

    /// Gives back the memory of the index by key (8 bytes and more a node, 0.6 MB for a code),
    /// for a caller that reads the tree without looking nodes up by key (`diff` aligns and
    /// renders by ids); a later [`Document::get`] builds it again from the arena.
    pub fn release_key_index(&mut self) {
        self.index = std::sync::OnceLock::new();
    }

    /// Appends `node` as the last child of `parent`. If its key is already taken (two articles
    /// numbered alike), a `~2`, `~3`… suffix keeps keys unique.
    pub fn push(&mut self, parent: NodeId, mut node: Node) -> NodeId {
        if self.get(&node.key).is_some() {
            let mut n = self.suffixes.get(&node.key).map_or(2, |n| n + 1);
            while self.get(&format!("{}~{n}", node.key)).is_some() {
                n += 1;
            }
            self.suffixes.insert(node.key.clone(), n);
            node.key = format!("{}~{n}", node.key);
        }
        let id = NodeId(self.nodes.len() as u32);
        node.parent = Some(parent);
        // `get` above made sure the index is there.
        if let Some(index) = self.index.get_mut() {
            index.insert(&node.key, id);
        }
        self.nodes.push(node);
        self.nodes[parent.index()].children.push(id);
        id
    }

    /// Every node below `id` (excluded), depth first, in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.children(id).iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.children(n).iter().rev().copied());
        }
        out
    }

    /// Top-level nodes (children of the root).
    pub fn top_level(&self) -> &[NodeId] {
        self.children(self.root())
    }

    /// Every article (at any depth, sub-articles included), in document order.
    pub fn articles(&self) -> Vec<NodeId> {
        self.descendants(self.root())
            .into_iter()
            .filter(|id| self.node(*id).kind == NodeKind::Article)
            .collect()
    }

    /// The parties, in the order of the « Entre … Et … » block.
    pub fn parties(&self) -> Vec<&Party> {
        self.nodes.iter().filter_map(|n| n.party()).collect()
    }

    /// The alinéa-like children of a unit (alinéas and list items), the ones légistique counts.
    pub fn alineas(&self, id: NodeId) -> Vec<NodeId> {
        self.children(id)
            .iter()
            .copied()
            .filter(|c| self.node(*c).kind.is_alinea_like())
            .collect()
    }

    /// True when both trees have the same nodes (kind, key, label, heading, text, cells…), spans aside.
    pub fn same_tree(&self, other: &Document) -> bool {
        self.nodes == other.nodes
    }

    /// The first node (in document order) whose key differs, for test messages.
    pub fn first_difference(&self, other: &Document) -> Option<String> {
        for (a, b) in self.nodes.iter().zip(other.nodes.iter()) {
            if a != b {
                return Some(format!("{a:?}\n≠\n{b:?}"));
            }
        }
        if self.nodes.len() != other.nodes.len() {
            return Some(format!(
                "{} nodes ≠ {} nodes",
                self.nodes.len(),
                other.nodes.len()
            ));
        }
        None
    }

    /// The original text a node came from.
    pub fn source_text(&self, id: NodeId) -> &str {
        let span = self.node(id).span;
        self.source.text.get(span.start..span.end).unwrap_or("")
    }

    /// A human-readable name for a unit: « article 5.1 », « annexe 2 », « préambule ».
    pub fn display_name(&self, id: NodeId) -> String {
        let node = self.node(id);
        let label = node.label.clone().unwrap_or_default();
        match node.kind {
            NodeKind::Article => format!("article {label}"),
            NodeKind::Annexe if label.is_empty() => "annexe".to_string(),
            NodeKind::Annexe => format!("annexe {label}"),
            NodeKind::Preambule => "préambule".into(),
            NodeKind::Parties => "parties".into(),
            NodeKind::Visas => "visas".into(),
            NodeKind::Titre => "titre".into(),
            NodeKind::EnTete => "en-tête".into(),
            NodeKind::Signatures => "signatures".into(),
            NodeKind::Notes => "notes".into(),
            NodeKind::Corps => "corps".into(),
            _ => node.key.clone(),
        }
    }

    /// True when a diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        Document::new(Source {
            path: "t".into(),
            format: Format::Text,
            text: "abc".into(),
        })
    }

    #[test]
    fn spans_do_not_affect_equality() {
        let a = Node::new(NodeKind::Alinea, "k", "x", Span::new(0, 1));
        let b = Node::new(NodeKind::Alinea, "k", "x", Span::new(5, 9));
        assert_eq!(a, b);
        let c = Node::new(NodeKind::Alinea, "k", "y", Span::new(0, 1));
        assert_ne!(a, c);
    }

    #[test]
    fn duplicate_keys_get_a_suffix() {
        let mut d = doc();
        let root = d.root();
        d.push(
            root,
            Node::new(NodeKind::Article, "article-1", "", Span::default()),
        );
        let second = d.push(
            root,
            Node::new(NodeKind::Article, "article-1", "", Span::default()),
        );
        assert_eq!(d.node(second).key, "article-1~2");
        assert_eq!(d.get("article-1~2"), Some(second));
    }

    #[test]
    fn a_released_key_index_is_built_again_when_asked() {
        let mut d = doc();
        let root = d.root();
        let a = d.push(root, Node::new(NodeKind::Article, "a", "", Span::default()));
        d.release_key_index();
        assert_eq!(d.get("a"), Some(a));
        assert_eq!(d.get(""), Some(root));
        assert_eq!(d.get("b"), None);
        // Pushing after a release still finds the repeats and indexes the new node.
        d.release_key_index();
        let again = d.push(root, Node::new(NodeKind::Article, "a", "", Span::default()));
        assert_eq!(d.node(again).key, "a~2");
        assert_eq!(d.get("a~2"), Some(again));
    }

    #[test]
    fn descendants_are_in_document_order() {
        let mut d = doc();
        let root = d.root();
        let a = d.push(root, Node::new(NodeKind::Article, "a", "", Span::default()));
        d.push(
            a,
            Node::new(NodeKind::Alinea, "a/al-1", "", Span::default()),
        );
        d.push(root, Node::new(NodeKind::Article, "b", "", Span::default()));
        let keys: Vec<_> = d
            .descendants(root)
            .iter()
            .map(|i| d.node(*i).key.clone())
            .collect();
        assert_eq!(keys, ["a", "a/al-1", "b"]);
    }

    #[test]
    fn nodes_stay_small() {
        // The arena holds every node of a code (90,000 for a pair): the rare fields are boxed.
        assert!(
            std::mem::size_of::<Node>() <= 160,
            "{}",
            std::mem::size_of::<Node>()
        );
    }

    #[test]
    fn rare_fields_are_boxed_only_when_set_and_locators_never_compare() {
        let mut a = Node::new(NodeKind::Partie, "p", "x", Span::default());
        let b = a.clone();
        assert!(a.rare.0.is_none() && a.party().is_none() && a.note_refs().is_empty());
        a.set_locator(Some("word/document.xml §3".into()));
        assert_eq!(a.locator(), Some("word/document.xml §3"));
        assert_eq!(a, b, "a locator is no part of the tree");
        a.set_note_refs(vec!["notes/note-1".into()]);
        assert_ne!(a, b);
        assert_eq!(a.note_refs(), ["notes/note-1"]);
        a.set_party(Some(Party {
            name: "L'État".into(),
            ..Default::default()
        }));
        assert_eq!(a.party().map(|p| p.name.as_str()), Some("L'État"));
        a.set_cells(vec!["a".into(), "b".into()]);
        assert_eq!(a.cells(), ["a", "b"]);
        a.cells_mut()[1] = "c".into();
        assert_ne!(a, b);
        a.set_cells(Vec::new());
        a.set_note_refs(Vec::new());
        a.set_locator(None);
        a.set_party(None);
        assert!(a.rare.0.is_none(), "the box goes when its fields are empty");
        assert_eq!(a, b);
        // Serialised as the fields were: `party`, `note_refs`, `locator`.
        let json = serde_json::to_value(&b).expect("serialisable");
        assert!(json.get("note_refs").is_some() && json.get("locator").is_some());
    }

    #[test]
    fn fingerprint_is_fixed() {
        assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fingerprint("a"), fingerprint("b"));
    }
}
