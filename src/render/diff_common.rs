//! French wording shared by the diff renderers: [`Comparison`] pieces → names of units,
//! status phrases, quoted values. No I/O here, and no choice of format.

use crate::align::renumber::Renumbering;
use crate::diff::{ChangeTag, Comparison, PairDiff, Status, WordChange};
use crate::model::{Document, NodeId, NodeKind};
use crate::text::capitalise;
use std::collections::{HashMap, HashSet};

/// No-break space, inside « ».
pub const NBSP: char = '\u{a0}';

/// Options every diff renderer takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffRenderOptions {
    /// Show cosmetic changes (typography only) too.
    pub show_cosmetic: bool,
    /// Unchanged words kept on each side of a change inside an alinéa (`None`: the whole text).
    pub context: Option<usize>,
    /// ANSI colours (terminal renderer only).
    pub color: bool,
}

impl Default for DiffRenderOptions {
    fn default() -> Self {
        DiffRenderOptions {
            show_cosmetic: false,
            context: Some(8),
            color: false,
        }
    }
}

/// « text » with no-break spaces.
pub fn quote(text: &str) -> String {
    format!("«{NBSP}{text}{NBSP}»")
}

/// A heading used as a name, without its closing punctuation (« I.-Dispositions générales. »
/// → « I.-Dispositions générales »), so that a list or a sentence around it reads once:
/// never « générales., » nor « générales. : ».
pub fn name_of_heading(heading: &str) -> &str {
    heading.trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_heading_closing(c))
}

/// A sentence ended with one period: « . » appended unless the text already ends a sentence
/// (« . », « … », « ! », « ? », HTML closing tags passed over), a trailing « : », « ; » or
/// « , » replaced. The one place where a report closes a line after a name or quoted text.
pub fn sentence(text: &str) -> String {
    let mut visible = text.trim_end();
    while visible.ends_with('>') {
        match visible.rfind("</") {
            Some(i) if !visible[i..].contains(' ') => visible = visible[..i].trim_end(),
            _ => break,
        }
    }
    if visible.ends_with(['.', '…', '!', '?']) {
        return text.to_string();
    }
    if visible.ends_with([':', ';', ',']) && visible.len() == text.trim_end().len() {
        return format!("{}.", visible.trim_end_matches([':', ';', ',']).trim_end());
    }
    format!("{text}.")
}

/// A unit's name, capitalised: « Article 5.1 », « Annexe 2 », « Préambule », « Alinéa 3 ».
pub fn unit_name(doc: &Document, id: NodeId) -> String {
    let node = doc.node(id);
    let local = node.local_key();
    let number = local.rsplit('-').next().unwrap_or(local);
    let name = match node.kind {
        NodeKind::Alinea | NodeKind::Item => format!("alinéa {number}"),
        NodeKind::Row => format!("ligne {number}"),
        NodeKind::Note => format!("note {number}"),
        NodeKind::Table => format!("tableau {number}"),
        NodeKind::Partie => format!("partie {number}"),
        NodeKind::Structure => name_of_heading(&node.text).to_string(),
        // An article whose number the text does not write (« ## Objet »): named by its
        // heading, as an unnumbered division is, never by the number the parser counted.
        NodeKind::Article if node.number_is_implicit() => node.heading.clone().unwrap_or_default(),
        // Text the parser kept outside the structure: named for what it is, never by its key
        // (« non-classe »); a table of contents by its own name.
        NodeKind::Unclassified => match local.strip_prefix("non-classe") {
            Some("") => "texte non classé".to_string(),
            Some(rest) => format!("texte non classé {}", rest.trim_start_matches(['-', '~'])),
            None => local.replace('-', " "),
        },
        _ => doc.display_name(id),
    };
    capitalise(&name)
}

/// The bullet of a list item written without its own number (« • », indented by its depth),
/// so that a cell of a tableau comparatif shows a list as a list; empty for anything else.
pub(crate) fn item_bullet(doc: &Document, id: Option<NodeId>) -> String {
    match id.map(|i| doc.node(i)) {
        Some(n) if n.kind == NodeKind::Item && n.label.is_none() => {
            format!("{}• ", "\u{a0}\u{a0}".repeat(n.level as usize))
        }
        _ => String::new(),
    }
}

/// The unit a pair is about, named on the new side when it exists.
pub fn pair_name(cmp: &Comparison, pair: &PairDiff) -> String {
    match (pair.old, pair.new) {
        (Some(o), Some(n)) => {
            let (a, b) = (unit_name(&cmp.old, o), unit_name(&cmp.new, n));
            if pair.renumbered && a != b {
                format!("{a} → {b}")
            } else {
                b
            }
        }
        (None, Some(n)) => unit_name(&cmp.new, n),
        (Some(o), None) => unit_name(&cmp.old, o),
        (None, None) => String::new(),
    }
}

/// The unit a pair is about, an alinéa's number said in the version it counts in when the
/// versions count differently: « Alinéa 3 (ancien) / alinéa 4 (nouveau) » (an inserted
/// alinéa counts in the new version, a deleted one in the old, as their status says). Other
/// units as [`pair_name`].
pub fn pair_name_versions(cmp: &Comparison, pair: &PairDiff) -> String {
    let counted = |k: NodeKind| k.is_alinea_like() || matches!(k, NodeKind::Row);
    match (pair.old, pair.new) {
        (Some(_), Some(n))
            if (pair.moved || pair.basis == crate::diff::Basis::Restructured)
                && counted(cmp.new.node(n).kind) =>
        {
            // Its old number counts in another unit: « déplacé depuis … » names it.
            format!("{} (nouveau)", unit_name(&cmp.new, n))
        }
        (Some(o), Some(n)) if counted(cmp.new.node(n).kind) => {
            let (a, b) = (unit_name(&cmp.old, o), unit_name(&cmp.new, n));
            if a == b {
                b
            } else {
                format!("{a} (ancien) / {} (nouveau)", b.to_lowercase())
            }
        }
        _ => pair_name(cmp, pair),
    }
}

/// The old alinéas merged with their division's heading into this pair's new alinéa (empty
/// unless a division's heading and alinéas became one alinéa).
pub(crate) fn merged_parts(pair: &PairDiff) -> &[PairDiff] {
    if pair.basis != crate::diff::Basis::Restructured || pair.new.is_none() {
        return &[];
    }
    let n = pair
        .children
        .iter()
        .take_while(|c| c.basis == crate::diff::Basis::Merge && c.new == pair.new)
        .count();
    &pair.children[..n]
}

/// The pair of a division's heading and alinéas that became one alinéa, with the changes of
/// every part, so that the new alinéa is shown once with all its changes.
pub(crate) fn with_merged_parts(pair: &PairDiff) -> std::borrow::Cow<'_, PairDiff> {
    let parts = merged_parts(pair);
    if parts.is_empty() {
        return std::borrow::Cow::Borrowed(pair);
    }
    let mut whole = pair.clone();
    whole
        .changes
        .extend(parts.iter().flat_map(|p| p.changes.iter().cloned()));
    whole
        .changes
        .sort_by_key(|c| (c.new_range.start, c.new_range.end));
    std::borrow::Cow::Owned(whole)
}

/// Whether this merged alinéa was one of the alinéas of a division whose heading became the
/// new alinéa (with them): the old division is paired with the same new alinéa.
pub(crate) fn merged_into_heading(cmp: &Comparison, pair: &PairDiff) -> bool {
    let Some(parent) = pair
        .old
        .filter(|_| pair.basis == crate::diff::Basis::Merge)
        .and_then(|o| cmp.old.parent(o))
    else {
        return false;
    };
    cmp.iter().any(|q| {
        q.basis == crate::diff::Basis::Restructured && q.old == Some(parent) && q.new == pair.new
    })
}

/// Whether an old alinéa became this pair's heading and its first alinéa: the first child
/// pair shares the old alinéa, whose text is shown there, once.
pub(crate) fn heading_and_sequel(pair: &PairDiff) -> bool {
    pair.basis == crate::diff::Basis::Restructured
        && pair.children.first().is_some_and(|c| {
            c.basis == crate::diff::Basis::Restructured && c.old.is_some() && c.old == pair.old
        })
}

/// « retouche de forme » for a pair whose only differences are typographic (shown with
/// `--show-cosmetic`): a cosmetic-only unit is listed as such.
pub fn cosmetic_only(pair: &PairDiff) -> bool {
    pair.status == Status::Unchanged && pair.cosmetic && !pair.moved && !pair.renumbered
}

/// The renumbering series of a comparison in French, one line each: « articles 5.2 à 5.6
/// deviennent 5.1 à 5.5 », « annexes 2 et 3 deviennent 1 et 2 ».
pub fn renumbering_lines(cmp: &Comparison) -> Vec<String> {
    crate::align::renumber::renumberings(&cmp.old, &cmp.new, &cmp.alignment)
        .iter()
        .map(renumbering_line)
        .collect()
}

/// One renumbering series in French: « articles 5.2 à 5.6 deviennent 5.1 à 5.5 »,
/// « sous-sections 1 et 2 deviennent 3 et 4 » (a division's label names its kind).
pub fn renumbering_line(r: &Renumbering) -> String {
    let labels = [&r.old_first, &r.old_last, &r.new_first, &r.new_last];
    // « Sous-section 3 » → (« Sous-section », « 3 »), when every label starts with that word.
    let word = |l: &str| {
        l.split_once(' ')
            .filter(|(w, _)| w.chars().all(|c| c.is_alphabetic() || c == '-'))
            .map(|(w, rest)| (w.to_string(), rest.to_string()))
    };
    let named = match labels.map(|l| word(l)) {
        [Some(a), Some(b), Some(c), Some(d)] if a.0 == b.0 && a.0 == c.0 && a.0 == d.0 => {
            Some((a.0, [a.1, b.1, c.1, d.1]))
        }
        _ => None,
    };
    let (noun, [old_first, old_last, new_first, new_last]) = match (r.kind, named) {
        (NodeKind::Article, _) => ("articles".to_string(), labels.map(|l| l.clone())),
        (NodeKind::Annexe, _) => ("annexes".to_string(), labels.map(|l| l.clone())),
        (_, Some((w, numbers))) => {
            let w = w.to_lowercase();
            let plural = if w.ends_with(['s', 'x', 'z']) {
                w
            } else {
                format!("{w}s")
            };
            (plural, numbers)
        }
        _ => ("divisions".to_string(), labels.map(|l| l.clone())),
    };
    let link = if r.units.len() == 2 { "et" } else { "à" };
    format!("{noun} {old_first} {link} {old_last} deviennent {new_first} {link} {new_last}")
}

/// The alinéas that left the old unit `old_parent` for another unit (paired across parents):
/// « Alinéa 2 (ancien) : déplacé vers l'article 3, alinéa 3 », so that a move is shown on
/// both sides. One call indexes the whole comparison: a renderer asking at every unit builds
/// [`Departures`] once instead.
pub fn moved_out(cmp: &Comparison, old_parent: NodeId) -> Vec<String> {
    Departures::new(cmp).lines(cmp, old_parent)
}

/// The moves that left each old unit for another one, at every depth (between sub-articles,
/// between articles inside a division, from an article to an annexe), indexed once per
/// report so that each unit asks in constant time.
#[derive(Debug, Default)]
pub struct Departures {
    /// (old, new) of each moved unit, by the old unit it left, in document order.
    by_parent: HashMap<NodeId, Vec<(NodeId, NodeId)>>,
    /// Old units with a departure at or below them.
    within: HashSet<NodeId>,
}

impl Departures {
    /// Indexes the moves of a comparison whose arrival is under another unit than the one
    /// paired with their old parent.
    pub fn new(cmp: &Comparison) -> Self {
        let mut moved = Vec::new();
        for p in cmp.iter().filter(|p| p.moved) {
            if let (Some(o), Some(n)) = (p.old, p.new) {
                if let Some(parent) = cmp.old.parent(o) {
                    moved.push((parent, o, n));
                }
            }
        }
        if moved.is_empty() {
            return Departures::default();
        }
        // The first new unit paired with each old one (a split has several), as
        // `Alignment::new_of` says, in one pass.
        let mut new_of: HashMap<NodeId, Option<NodeId>> = HashMap::new();
        for p in cmp.alignment.iter() {
            if let Some(o) = p.old {
                new_of.entry(o).or_insert(p.new);
            }
        }
        let mut by_parent: HashMap<NodeId, Vec<(NodeId, NodeId)>> = HashMap::new();
        for (parent, o, n) in moved {
            if new_of.get(&parent).copied().flatten() != cmp.new.parent(n) {
                by_parent.entry(parent).or_default().push((o, n));
            }
        }
        let mut within = HashSet::new();
        for &parent in by_parent.keys() {
            let mut cur = Some(parent);
            while let Some(c) = cur {
                if !within.insert(c) {
                    break;
                }
                cur = cmp.old.parent(c);
            }
        }
        Departures { by_parent, within }
    }

    /// « Alinéa 2 (ancien) : déplacé vers article 3, alinéa 3 » for each unit that left
    /// `old_parent`.
    pub fn lines(&self, cmp: &Comparison, old_parent: NodeId) -> Vec<String> {
        self.by_parent
            .get(&old_parent)
            .map(|moves| {
                moves
                    .iter()
                    .map(|&(o, n)| {
                        let e = if feminine(cmp.old.node(o).kind) {
                            "e"
                        } else {
                            ""
                        };
                        format!(
                            "{} (ancien{}) : déplacé{e} vers {}",
                            departed_name(&cmp.old, o),
                            if e.is_empty() { "" } else { "ne" },
                            new_place(cmp, n)
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// (old, new) of the units that left `old_parent`, in document order.
    pub fn moves(&self, old_parent: NodeId) -> &[(NodeId, NodeId)] {
        self.by_parent.get(&old_parent).map_or(&[], Vec::as_slice)
    }

    /// True when a unit left this pair's old unit itself.
    pub fn from(&self, pair: &PairDiff) -> bool {
        pair.old.is_some_and(|o| self.by_parent.contains_key(&o))
    }

    /// True when a unit left this pair's old unit or one below it: the pair is shown, so that
    /// the departure is.
    pub fn below(&self, pair: &PairDiff) -> bool {
        pair.old.is_some_and(|o| self.within.contains(&o))
    }
}

/// Whether a unit's noun is feminine (annexe, note, ligne, partie, division).
fn feminine(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Annexe | NodeKind::Note | NodeKind::Row | NodeKind::Partie | NodeKind::Structure
    )
}

/// The name of a unit that left its place: a division by its heading line without its final
/// colon or full stop (« 4° Origine des propriétés »), another unit as [`unit_name`].
fn departed_name(doc: &Document, id: NodeId) -> String {
    let name = unit_name(doc, id);
    if doc.node(id).kind == NodeKind::Structure {
        name.trim_end_matches([' ', '\u{a0}', ':', '.']).to_string()
    } else {
        name
    }
}

/// Where an old unit stood: « article 4, alinéa 2 », « article 5.2, alinéa 5 ».
pub fn old_place(cmp: &Comparison, id: NodeId) -> String {
    place(&cmp.old, id)
}

/// Where a new unit stands: « article 2, alinéa 1 ».
pub fn new_place(cmp: &Comparison, id: NodeId) -> String {
    place(&cmp.new, id)
}

/// The names of a unit and its ancestors, outermost first, as a jurist cites it: a
/// sub-article's name already says its article (« article 5.2 », not « article 5, article
/// 5.2 »), and an article's number says where it stands in the divisions of a code
/// (« article L1233-24-3, alinéa 2 », not the livre, titre, chapitre… above it), while an
/// article itself is placed in its divisions; an annexe is named (« annexe 1, article 2 »).
/// Only the first letter is lowered: « article L1233-57 ».
fn place(doc: &Document, id: NodeId) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = Some(id);
    let mut article = false;
    while let Some(c) = cur {
        if c == doc.root() {
            break;
        }
        let kind = doc.node(c).kind;
        if !(article && kind == NodeKind::Structure) {
            // A sub-division inside an annex or an article is cited by its number (« 3° »,
            // « I bis »), not by its whole heading.
            let name = match &doc.node(c).label {
                Some(label) if kind == NodeKind::Structure && within_unit(doc, c) => label.clone(),
                // An article whose number the text does not write, by its heading.
                _ if doc.node(c).number_is_implicit() => format!(
                    "article intitulé «\u{a0}{}\u{a0}»",
                    doc.node(c).heading.as_deref().unwrap_or("")
                ),
                _ => decapitalise(&unit_name(doc, c)),
            };
            let inner = parts.last().is_some_and(|last| {
                last.strip_prefix(name.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
            });
            if !inner {
                parts.push(name);
            }
        }
        // The divisions above an article are left out, but not those a moved article went to.
        article |= kind == NodeKind::Article && c != id;
        cur = doc.parent(c);
    }
    parts.reverse();
    parts.join(", ")
}

/// Whether a node stands inside an article or an annex (a sub-division of it, not a
/// division of the document).
fn within_unit(doc: &Document, id: NodeId) -> bool {
    let mut cur = doc.parent(id);
    while let Some(c) = cur {
        if matches!(doc.node(c).kind, NodeKind::Article | NodeKind::Annexe) {
            return true;
        }
        cur = doc.parent(c);
    }
    false
}

/// The text with its first word lowered: « Article L1233-57 » → « article L1233-57 »,
/// « LIVRE Ier : DISPOSITIONS » → « livre Ier : DISPOSITIONS »; a text all in capitals all
/// lowered (« JE VEILLE… » → « je veille… »).
fn decapitalise(s: &str) -> String {
    if !s.chars().any(char::is_lowercase) {
        return s.to_lowercase();
    }
    let (first, rest) = s.split_at(s.find(' ').unwrap_or(s.len()));
    let word = if first.chars().any(char::is_lowercase) {
        let mut chars = first.chars();
        chars
            .next()
            .map(|f| f.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        first.to_lowercase()
    };
    word + rest
}

/// The words in parentheses after a unit's name: « renuméroté, modifié », « supprimé »…
pub fn status_phrase(cmp: &Comparison, pair: &PairDiff) -> String {
    let feminine = pair
        .new
        .map(|n| cmp.new.node(n).kind)
        .or(pair.old.map(|o| cmp.old.node(o).kind))
        .is_some_and(feminine);
    let e = if feminine { "e" } else { "" };
    let mut words: Vec<String> = Vec::new();
    match pair.status {
        Status::Inserted => words.push(format!("inséré{e}")),
        Status::Deleted => words.push(format!("supprimé{e}")),
        _ => {}
    }
    if pair.renumbered {
        words.push(format!("renuméroté{e}"));
    }
    if pair.moved {
        match pair.old {
            Some(o) if pair.new.is_some() => {
                words.push(format!("déplacé{e} depuis {}", old_place(cmp, o)))
            }
            _ => words.push(format!("déplacé{e}")),
        }
    }
    match pair.basis {
        crate::diff::Basis::Split => {
            if let Some(o) = pair.old {
                words.push(format!(
                    "issu{e} de la scission de l'{}",
                    unit_name(&cmp.old, o).to_lowercase()
                ))
            }
        }
        crate::diff::Basis::Merge if merged_into_heading(cmp, pair) => {
            if let Some(o) = pair.old {
                words.push(format!(
                    "suite de l'intitulé devenu alinéa, depuis {}",
                    old_place(cmp, o)
                ))
            }
        }
        crate::diff::Basis::Merge => {
            if let Some(o) = pair.old {
                words.push(format!(
                    "fusion avec l'{}",
                    unit_name(&cmp.old, o).to_lowercase()
                ))
            }
        }
        crate::diff::Basis::Place => words.push("même numéro, même place".to_string()),
        crate::diff::Basis::Number => words.push("même numéro".to_string()),
        crate::diff::Basis::Rank => words.push("même place".to_string()),
        crate::diff::Basis::Restructured => {
            if let (Some(o), Some(n)) = (pair.old, pair.new) {
                let (was, is) = (
                    cmp.old.node(o).kind.is_alinea_like(),
                    cmp.new.node(n).kind.is_alinea_like(),
                );
                let how = match (was, is) {
                    // The first alinéa of a division whose heading the old alinéa became.
                    (true, true) => "suite de l'intitulé",
                    (true, false) => "alinéa devenu intitulé",
                    _ if !merged_parts(pair).is_empty() => {
                        "intitulé et alinéas réunis en un alinéa"
                    }
                    _ => "intitulé devenu alinéa",
                };
                words.push(format!("{how}, depuis {}", old_place(cmp, o)));
            }
        }
        _ => {}
    }
    if pair.status == Status::Modified
        && (visible_changes(pair, false) || pair.children.iter().any(|c| worth_showing(c, false)))
    {
        words.push(format!("modifié{e}"));
    }
    words.join(", ")
}

/// True when the pair's own text has changes to show (global replacements are shown once,
/// elsewhere; cosmetic ones only when asked).
pub fn visible_changes(pair: &PairDiff, show_cosmetic: bool) -> bool {
    pair.changes.iter().any(|c| shown(c, show_cosmetic))
}

/// Whether a change is shown in a pair's text.
pub fn shown(c: &WordChange, show_cosmetic: bool) -> bool {
    c.global.is_none() && (!c.cosmetic || show_cosmetic)
}

/// True when something of this pair or below is worth showing.
pub fn worth_showing(pair: &PairDiff, show_cosmetic: bool) -> bool {
    matches!(pair.status, Status::Inserted | Status::Deleted)
        || pair.moved
        || pair.renumbered
        || matches!(
            pair.basis,
            crate::diff::Basis::Split | crate::diff::Basis::Merge
        )
        || visible_changes(pair, show_cosmetic)
        || pair
            .children
            .iter()
            .any(|c| worth_showing(c, show_cosmetic))
}

/// A run of text on one side: unchanged, or changed (deleted on the old side, inserted on the new).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Words the same on both sides.
    Same(String),
    /// Words deleted (old side) or inserted (new side).
    Changed(String),
}

/// One side of a pair's own text with its changed words marked.
pub fn side_runs(
    cmp: &Comparison,
    pair: &PairDiff,
    old_side: bool,
    show_cosmetic: bool,
) -> Vec<Run> {
    let field = pair
        .changes
        .first()
        .map_or(crate::align::Field::Text, |c| c.field);
    let field = if pair.changes.is_empty() {
        match (pair.old, pair.new) {
            (Some(o), _) if old_side => crate::align::own_text(&cmp.old, o).1,
            (_, Some(n)) if !old_side => crate::align::own_text(&cmp.new, n).1,
            _ => field,
        }
    } else {
        field
    };
    let text = if old_side {
        cmp.old_field(pair, field)
    } else {
        cmp.new_field(pair, field)
    };
    let mut out = Vec::new();
    let mut cursor = 0;
    for c in &pair.changes {
        if !shown(c, show_cosmetic) {
            continue;
        }
        let range = if old_side { &c.old_range } else { &c.new_range };
        if range.start > cursor {
            if let Some(t) = text.get(cursor..range.start) {
                out.push(Run::Same(t.to_string()));
            }
        }
        if !range.is_empty() {
            if let Some(t) = text.get(range.clone()) {
                out.push(Run::Changed(t.to_string()));
            }
        }
        cursor = cursor.max(range.end);
    }
    if let Some(t) = text.get(cursor..) {
        if !t.is_empty() {
            out.push(Run::Same(t.to_string()));
        }
    }
    out
}

/// Shortens an unchanged run to `context` words at each end that touches a change (`first`:
/// the run opens the text, so only its end is kept; `last`: it closes the text).
pub fn trim_context(text: &str, context: Option<usize>, first: bool, last: bool) -> String {
    let Some(n) = context else {
        return text.to_string();
    };
    if first && last {
        return text.to_string();
    }
    let inner = text.trim_matches(' ');
    let words: Vec<&str> = inner.split(' ').collect();
    let (head, tail) = match (first, last) {
        (true, false) => (0, n),
        (false, true) => (n, 0),
        _ => (n, n),
    };
    if words.len() <= head + tail + 1 {
        return text.to_string();
    }
    let mut out = String::new();
    if text.starts_with(' ') {
        out.push(' ');
    }
    if head > 0 {
        out.push_str(&words[..head].join(" "));
        out.push_str(" …");
    } else {
        out.push('…');
    }
    if tail > 0 {
        out.push(' ');
        out.push_str(&words[words.len() - tail..].join(" "));
    }
    if text.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// A typed change in words: « la date « 30 juin 2021 » → « 31 décembre 2021 » ».
pub fn typed_phrase(c: &WordChange) -> Option<String> {
    if c.value_type == crate::diff::ValueType::Text {
        return None;
    }
    let noun = c.value_type.noun();
    Some(match c.tag {
        ChangeTag::Replace => format!("{noun} {} → {}", quote(&c.old), quote(&c.new)),
        ChangeTag::Insert => format!("{noun} {} ajouté{}", quote(&c.new), fem(noun)),
        ChangeTag::Delete => format!("{noun} {} supprimé{}", quote(&c.old), fem(noun)),
    })
}

fn fem(noun: &str) -> &'static str {
    if noun.starts_with("la ") {
        "e"
    } else {
        ""
    }
}

/// Plural-aware count: « 1 article modifié », « 2 articles modifiés ».
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n > 1 { plural } else { singular })
}

/// The kind of a pair's unit, read on the new side when it has one, else on the old.
pub fn pair_kind(cmp: &Comparison, p: &PairDiff) -> Option<NodeKind> {
    p.new
        .map(|n| cmp.new.node(n).kind)
        .or(p.old.map(|o| cmp.old.node(o).kind))
}

/// A unit that gets rows of its own in a tableau comparatif (Markdown or HTML): articles,
/// sub-articles, annexes and divisions, and any other unit with children of its own.
pub fn is_table_unit(cmp: &Comparison, p: &PairDiff) -> bool {
    let kind = pair_kind(cmp, p);
    !matches!(
        kind,
        Some(NodeKind::Alinea | NodeKind::Item | NodeKind::Row | NodeKind::Note | NodeKind::Table)
    ) && !p.children.is_empty()
        || matches!(
            kind,
            Some(NodeKind::Article | NodeKind::Annexe | NodeKind::Structure)
        )
}

/// The pre-order rank of each node of the old version, to place a move's departure among the
/// rows of its old parent (HTML and Word renderers).
pub fn old_order(cmp: &Comparison) -> std::collections::HashMap<NodeId, usize> {
    cmp.old
        .descendants(cmp.old.root())
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect()
}

/// Leaves of a unit (tables' rows included), each side.
pub(crate) fn leaves<'a>(cmp: &Comparison, p: &'a PairDiff, out: &mut Vec<&'a PairDiff>) {
    for c in &p.children {
        if is_table_unit(cmp, c) {
            continue;
        }
        if c.children.is_empty() {
            out.push(c);
        } else {
            // A division whose heading and alinéas became one alinéa: that alinéa, then the
            // old alinéas merged into it.
            if c.basis == crate::diff::Basis::Restructured
                && c.new.is_some_and(|n| cmp.new.node(n).kind.is_alinea_like())
            {
                out.push(c);
            }
            leaves(cmp, c, out);
        }
    }
}

/// A renumbered unit's name in a note: « article 4 », a division by its number alone, its
/// kind word in lower case and its numeral as written (« section 2 », « 5° », « IV, A »).
fn renumbered_name(doc: &Document, id: NodeId) -> String {
    let node = doc.node(id);
    match (node.kind, node.label.as_deref()) {
        (NodeKind::Structure, Some(label)) => match label.split_once(' ') {
            Some((word, rest))
                if word.chars().count() >= 3
                    && word.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !word.chars().all(|c| "IVXLCDM".contains(c)) =>
            {
                format!("{} {rest}", word.to_lowercase())
            }
            // A sub-division of a sub-division is named with its parent's number: « IV, A ».
            _ => match doc.parent(id).map(|p| (p, doc.node(p))) {
                Some((p, parent)) if parent.kind == NodeKind::Structure && within_unit(doc, p) => {
                    match parent.label.as_deref() {
                        Some(pl) => format!("{pl}, {label}"),
                        None => label.to_string(),
                    }
                }
                _ => label.to_string(),
            },
        },
        _ => unit_name(doc, id).to_lowercase(),
    }
}

/// The notes on a unit itself, each a capitalised sentence: its status (with the renumbering,
/// « Renumérotée (article 4 → article 5). ») and the typed changes of its heading.
pub(crate) fn unit_notes(cmp: &Comparison, p: &PairDiff, show_cosmetic: bool) -> Vec<String> {
    let mut notes = Vec::new();
    let phrase = status_phrase(cmp, p);
    if !phrase.is_empty() {
        let mut s = phrase;
        if p.renumbered {
            if let (Some(o), Some(n)) = (p.old, p.new) {
                s.push_str(&format!(
                    " ({} → {})",
                    renumbered_name(&cmp.old, o),
                    renumbered_name(&cmp.new, n)
                ));
            }
        }
        notes.push(sentence(&capitalise(&s)));
    } else if show_cosmetic && cosmetic_only(p) {
        notes.push("Retouche de forme.".to_string());
    }
    for c in p.changes.iter().filter(|c| shown(c, show_cosmetic)) {
        if let Some(t) = typed_phrase(c) {
            notes.push(sentence(&capitalise(&format!("intitulé : {t}"))));
        }
    }
    notes
}

/// A party named by the words its first alinéa opens with (« Le ministre chargé du logement,
/// agissant au nom de l'État… » when no short name follows): the alinéa's row shows those words,
/// so the unit's title row gives only « Partie 1 » instead of the same paragraph twice.
pub(crate) fn heading_opens_first_alinea(doc: &Document, id: NodeId) -> bool {
    let node = doc.node(id);
    node.kind == NodeKind::Partie
        && node.heading.as_deref().is_some_and(|h| {
            let h = h.trim();
            !h.is_empty()
                && node.children.first().is_some_and(|&c| {
                    let first = doc.node(c);
                    first.kind == NodeKind::Alinea && first.text.trim_start().starts_with(h)
                })
        })
}

/// Whether a unit's title would repeat its first alinéa on every side it has (a party named by
/// its whole first alinéa): the title then gives only the unit's name (« Partie 1 »).
pub(crate) fn heading_repeated(cmp: &Comparison, p: &PairDiff) -> bool {
    p.old
        .is_none_or(|o| heading_opens_first_alinea(&cmp.old, o))
        && p.new
            .is_none_or(|n| heading_opens_first_alinea(&cmp.new, n))
}

/// A count with French thousands separators (no-break spaces): « 10 412 ».
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// « Note : 2 unités trop longues pour une comparaison mot à mot (plus de 60 000 mots) :
/// comparées phrase par phrase. », when the work cap fired (`Summary::coarse`), for every report.
pub(crate) fn coarse_note(cmp: &Comparison) -> Option<String> {
    let n = cmp.summary.coarse;
    let s = if n > 1 { "s" } else { "" };
    (n > 0).then(|| {
        format!(
            "Note : {} unité{s} trop longue{s} pour une comparaison mot à mot (plus de {} mots) : comparée{s} phrase par phrase.",
            thousands(n),
            thousands(crate::diff::WORD_DIFF_BUDGET)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_ends_with_one_period() {
        assert_eq!(sentence("Inchangés : Article 1"), "Inchangés : Article 1.");
        assert_eq!(
            sentence("Inchangés : Titre II – Dispositions finales."),
            "Inchangés : Titre II – Dispositions finales."
        );
        assert_eq!(sentence("Voir l'annexe…"), "Voir l'annexe…");
        assert_eq!(sentence("Liste des pièces :"), "Liste des pièces.");
        assert_eq!(
            sentence("<a href=\"#u1\">Supprimée.</a>"),
            "<a href=\"#u1\">Supprimée.</a>"
        );
        assert_eq!(
            sentence("<a href=\"#u1\">Supprimée</a>"),
            "<a href=\"#u1\">Supprimée</a>."
        );
        assert_eq!(sentence(&quote("x")), "«\u{a0}x\u{a0}».");
    }

    #[test]
    fn a_heading_names_its_unit_without_its_closing_punctuation() {
        assert_eq!(
            name_of_heading("I.-Dispositions générales."),
            "I.-Dispositions générales"
        );
        assert_eq!(
            name_of_heading("A. Locaux auxquels s'applique la présente convention :"),
            "A. Locaux auxquels s'applique la présente convention"
        );
        assert_eq!(name_of_heading("TITRE II"), "TITRE II");
    }

    #[test]
    fn quotes_use_no_break_spaces() {
        assert_eq!(quote("x"), "«\u{a0}x\u{a0}»");
    }

    #[test]
    fn a_division_series_is_named_by_its_kind() {
        let r = |kind, labels: [&str; 4], n: usize| Renumbering {
            kind,
            units: vec![(NodeId(0), NodeId(0)); n],
            old_first: labels[0].into(),
            old_last: labels[1].into(),
            new_first: labels[2].into(),
            new_last: labels[3].into(),
            shift: 2,
        };
        let labels = [
            "Sous-section 1",
            "Sous-section 2",
            "Sous-section 3",
            "Sous-section 4",
        ];
        assert_eq!(
            renumbering_line(&r(NodeKind::Structure, labels, 2)),
            "sous-sections 1 et 2 deviennent 3 et 4"
        );
        let labels = [
            "Paragraphe 1",
            "Paragraphe 3",
            "Paragraphe 2",
            "Paragraphe 4",
        ];
        assert_eq!(
            renumbering_line(&r(NodeKind::Structure, labels, 3)),
            "paragraphes 1 à 3 deviennent 2 à 4"
        );
        let labels = ["D1271-8", "D1271-27", "R1271-8", "R1271-27"];
        assert_eq!(
            renumbering_line(&r(NodeKind::Article, labels, 20)),
            "articles D1271-8 à D1271-27 deviennent R1271-8 à R1271-27"
        );
        let labels = ["II", "IV", "III", "V"];
        assert_eq!(
            renumbering_line(&r(NodeKind::Structure, labels, 3)),
            "divisions II à IV deviennent III à V"
        );
    }

    #[test]
    fn names_in_a_place_keep_their_capitals() {
        assert_eq!(decapitalise("Article L1233-57"), "article L1233-57");
        assert_eq!(
            decapitalise("Livre II : Le contrat"),
            "livre II : Le contrat"
        );
        assert_eq!(
            decapitalise("JE VEILLE AU QUOTIDIEN"),
            "je veille au quotidien"
        );
    }

    #[test]
    fn context_is_trimmed() {
        let t = "un deux trois quatre cinq six sept huit neuf dix";
        assert_eq!(trim_context(t, Some(2), true, false), "… neuf dix");
        assert_eq!(trim_context(t, Some(2), false, true), "un deux …");
        assert_eq!(trim_context(t, Some(2), false, false), "un deux … neuf dix");
        assert_eq!(trim_context(t, None, false, false), t);
        assert_eq!(trim_context("a b", Some(2), true, false), "a b");
    }
}
