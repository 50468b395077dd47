//! The drafter's new and deleted divisions: « Après le chapitre IV, il est inséré un chapitre
//! IV bis ainsi rédigé : » with everything the division holds quoted, « La section 2 est
//! supprimée. »

use super::*;
use crate::avenant::model::Place;

/// The quoted lines of what a division holds: the headings of its divisions (« Section 1 :
/// … ») and articles (« Article 7 – … »), each followed by its alinéas.
fn division_lines(doc: &Document, id: NodeId, out: &mut Vec<String>) {
    for c in doc.children(id) {
        let n = doc.node(*c);
        match n.kind {
            NodeKind::Structure => {
                out.push(formules::division_heading_line(
                    n.label.as_deref().unwrap_or(""),
                    n.heading.as_deref(),
                ));
                division_lines(doc, *c, out);
            }
            NodeKind::Article => {
                out.push(formules::article_heading_line(
                    n.label.as_deref().unwrap_or(""),
                    n.heading.as_deref(),
                ));
                out.extend(unit_lines(doc, *c));
                // Sub-articles follow as articles of their own.
                division_lines_articles(doc, *c, out);
            }
            NodeKind::Table => out.extend(doc.children(*c).iter().map(|r| leaf_line(doc, *r))),
            _ => out.push(leaf_line(doc, *c)),
        }
    }
}

fn division_lines_articles(doc: &Document, id: NodeId, out: &mut Vec<String>) {
    for c in doc.children(id) {
        let n = doc.node(*c);
        if n.kind == NodeKind::Article {
            out.push(formules::article_heading_line(
                n.label.as_deref().unwrap_or(""),
                n.heading.as_deref(),
            ));
            out.extend(unit_lines(doc, *c));
            division_lines_articles(doc, *c, out);
        }
    }
}

/// A division's label compared whatever its spacing and case (« Paragraphe  3 », « paragraphe 3 »).
fn division_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The most articles a division replaced whole may hold ([`Drafter::rewrite_restructured_divisions`]).
const MAX_QUOTED_ARTICLES: usize = 60;

/// The new version's nodes inside `id` (itself included).
pub(super) fn subtree(doc: &Document, id: NodeId) -> Vec<NodeId> {
    std::iter::once(id).chain(doc.descendants(id)).collect()
}

impl Drafter<'_> {
    /// The unit naming, in the working copy, the unit of the new version `n` (an article or a
    /// division kept from the old version, or inserted by this act).
    fn working_unit(&self, n: NodeId) -> Option<Unit> {
        let new = &self.cmp.new;
        let node = new.node(n);
        match node.kind {
            NodeKind::Article => {
                if let Some(l) = self.inserted_labels.get(&n) {
                    return Some(Unit::article(l));
                }
                let old = self.pairs.old_of(n)?;
                crate::edit::is_attached(&self.w, old).then(|| Unit::article(&self.label(old)))
            }
            NodeKind::Structure => match self.pairs.old_of(n) {
                Some(old) if crate::edit::is_attached(&self.w, old) => {
                    super::blocks::division_unit(&self.w, old)
                }
                // Inserted by this act: named as the new version names it.
                _ => super::blocks::division_unit(new, n),
            },
            NodeKind::Document => Some(Unit::Convention),
            _ => None,
        }
    }

    /// The articles inside the new division `n`, whose numbers are freed of the old articles
    /// this act deletes anyway, or renumbers as the new version does
    /// ([`Drafter::free_label_renumbering`]).
    pub(super) fn free_labels_of(&mut self, n: NodeId) -> Vec<NodeId> {
        let new = &self.cmp.new;
        let inside: Vec<NodeId> = subtree(new, n)
            .into_iter()
            .filter(|id| new.node(*id).kind == NodeKind::Article)
            .collect();
        for id in &inside {
            self.free_label_renumbering(
                &canonical_label(new.node(*id).label.as_deref().unwrap_or("")),
                n,
            );
        }
        inside
    }

    /// The last article of the new version's unit `s` (itself when an article) that the
    /// working copy holds, named as it is there, with a division for parent: what « Après
    /// l'article L. 5134-119, il est inséré une section 9 » anchors on when `s` cannot be named.
    fn last_working_article(&self, s: NodeId) -> Option<Unit> {
        let new = &self.cmp.new;
        subtree(new, s).into_iter().rev().find_map(|id| {
            let in_division = new
                .parent(id)
                .is_some_and(|p| matches!(new.node(p).kind, NodeKind::Structure));
            if new.node(id).kind != NodeKind::Article || !in_division {
                return None;
            }
            self.working_unit(id)
        })
    }

    /// « Après le chapitre IV …, il est inséré un chapitre IV bis ainsi rédigé : », « Au début
    /// du titre II, … », « Le chapitre II bis est complété par une section 4 … »; the articles
    /// it holds are then inserted with it (their labels recorded). When the division before it
    /// cannot be named alone (a code whose parts the parser does not tell apart), it is placed
    /// after that division's last article, as codes are amended (« Après l'article L. 5134-119,
    /// il est inséré une section 9 »). A refused insertion leaves the working copy as it was:
    /// the old articles moved into it stay where they are (their deletions are not written).
    ///
    /// `beside`: an old division that the new one replaces under another number, still in
    /// place; the new one may go right after it (it is deleted next).
    pub(super) fn insert_division(
        &mut self,
        n: NodeId,
        beside: Option<NodeId>,
    ) -> Option<Vec<(String, Vec<Instruction>)>> {
        let new = &self.cmp.new;
        let node = new.node(n);
        let label = node.label.clone()?;
        self.free_division_label(&label);
        let parent = new.parent(n)?;
        let siblings: Vec<NodeId> = new
            .children(parent)
            .iter()
            .copied()
            .filter(|c| matches!(new.node(*c).kind, NodeKind::Article | NodeKind::Structure))
            .collect();
        let i = siblings.iter().position(|c| *c == n)?;
        let mut anchors = Vec::new();
        let named = if i + 1 == siblings.len() && i > 0 {
            self.working_unit(parent).map(|u| (Place::End, u))
        } else if i > 0 {
            self.working_unit(siblings[i - 1])
                .map(|u| (Place::After, u))
        } else {
            self.working_unit(parent).map(|u| (Place::Start, u))
        };
        anchors.extend(named);
        if i > 0 {
            if let Some(u) = self.last_working_article(siblings[i - 1]) {
                if !anchors.iter().any(|(p, a)| *p == Place::After && *a == u) {
                    anchors.push((Place::After, u));
                }
            }
        }
        if let Some(o) = beside.filter(|o| crate::edit::is_attached(&self.w, *o)) {
            anchors.extend(super::blocks::division_unit(&self.w, o).map(|u| (Place::After, u)));
        }
        if anchors.is_empty() {
            return None;
        }
        let inside = self.free_labels_of(n);
        let moved: Vec<NodeId> = inside
            .iter()
            .filter_map(|id| self.pairs.old_of(*id))
            .collect();
        let saved = self.skeleton(&moved);
        let mut lines = Vec::new();
        division_lines(new, n, &mut lines);
        // Articles of the old version moved into it leave their old place first.
        let mut out = Vec::new();
        for old in moved {
            if crate::edit::is_attached(&self.w, old) {
                out.push(self.delete_article(old));
            }
        }
        let mut done = None;
        for (place, unit) in anchors {
            let ins = Instruction {
                target: Target::unit(unit),
                op: Op::InsertDivision {
                    place,
                    label: label.clone(),
                    heading: node.heading.clone(),
                    lines: lines.clone(),
                },
            };
            // A refused insertion grafts at most under the unit it names or one of its
            // ancestors (« Après l'article … » closes the divisions holding it): those alone
            // are saved, not every division of the code per attempt.
            let attempt = match super::super::apply::find_unit(&self.w, &ins.target.unit) {
                Some(t) => crate::edit::Snapshot::links(
                    &self.w,
                    std::iter::successors(Some(t), |x| self.w.parent(*x)),
                ),
                None => crate::edit::Snapshot::links(&self.w, []),
            };
            if self.exec(&ins).is_ok() {
                done = Some(ins);
                break;
            }
            attempt.restore(&mut self.w);
        }
        let Some(ins) = done else {
            saved.restore(&mut self.w);
            return None;
        };
        for id in inside {
            let l = canonical_label(new.node(id).label.as_deref().unwrap_or(""));
            self.inserted_labels.insert(id, l);
        }
        self.placed.extend(subtree(new, n));
        self.changes.inserted_divisions.push(label.clone());
        out.push((
            formules::division_insertion_heading(&label, self.noun),
            vec![ins],
        ));
        Some(out)
    }

    /// Whether the old division `o` held text, holds none in the working copy (every article
    /// deleted or moved elsewhere) and is not kept empty by the new version.
    fn emptied(&self, o: NodeId) -> bool {
        // Anything but divisions below `id`: a walk that stops at the first one.
        let holds_text = |doc: &Document, id: NodeId| {
            let mut stack = doc.children(id).to_vec();
            while let Some(c) = stack.pop() {
                if doc.node(c).kind != NodeKind::Structure {
                    return true;
                }
                stack.extend(doc.children(c).iter().copied());
            }
            false
        };
        self.cmp.old.node(o).kind == NodeKind::Structure
            && holds_text(&self.cmp.old, o)
            && !holds_text(&self.w, o)
            && crate::edit::is_attached(&self.w, o)
            && self
                .pairs
                .new_of(o)
                .is_none_or(|m| holds_text(&self.cmp.new, m))
    }

    /// « La section 3 du chapitre II est supprimée. » for the emptied old division `o`.
    fn delete_emptied(&mut self, o: NodeId) -> Option<(String, Vec<Instruction>)> {
        let unit = super::blocks::division_unit(&self.w, o)?;
        let ins = Instruction {
            target: Target::unit(unit.clone()),
            op: Op::DeleteBlock,
        };
        self.exec(&ins).ok()?;
        self.changes
            .deleted_divisions
            .push(formules::cite_unit(&unit, formules::Case::Nom, false));
        Some((formules::deletion_heading_in(&unit, self.noun), vec![ins]))
    }

    /// Frees the division number `label` for an insertion: an old division bearing it that
    /// the act has emptied and the new version does not keep (« Paragraphe 3 : Dépenses
    /// libératoires », whose articles are all deleted, before a new « Paragraphe 3 » is
    /// inserted beside it) is deleted now, ahead of its place ([`Drafter::early`]), so that
    /// the new division's name is not shared with it.
    pub(super) fn free_division_label(&mut self, label: &str) {
        let old = &self.cmp.old;
        let by_label = self.old_divisions.get_or_insert_with(|| {
            let mut map: rustc_hash::FxHashMap<String, Vec<NodeId>> = Default::default();
            for (i, x) in old.nodes.iter().enumerate() {
                if let (NodeKind::Structure, Some(l)) = (x.kind, x.label.as_deref()) {
                    map.entry(division_key(l))
                        .or_default()
                        .push(NodeId(i as u32));
                }
            }
            map
        });
        let same = by_label
            .get(&division_key(label))
            .cloned()
            .unwrap_or_default();
        for o in same {
            if self.pairs.new_of(o).is_none() && self.emptied(o) {
                if let Some(deletion) = self.delete_emptied(o) {
                    self.early.push(deletion);
                }
            }
        }
    }

    /// The old divisions that the act has emptied (every article they held deleted or moved
    /// elsewhere) and that the new version does not keep empty: « La section unique du
    /// chapitre II … est supprimée. », drafted once everything else is, when no later
    /// instruction can fill them again. An old division that was empty, or whose counterpart
    /// in the new version is empty too, stays.
    pub(super) fn delete_emptied_divisions(&mut self) -> Vec<(String, Vec<Instruction>)> {
        let old_len = self.cmp.old.nodes.len();
        let mut out = Vec::new();
        for i in 0..old_len {
            let o = NodeId(i as u32);
            if self.emptied(o) {
                out.extend(self.delete_emptied(o));
            }
        }
        out
    }

    /// The old divisions that the new version no longer has while everything they hold is
    /// kept right under the division enclosing them (sections 1 to 4 of a chapter gone, their
    /// articles now the chapter's own): « La division et l'intitulé de la section 1 du
    /// chapitre II sont supprimés. », drafted once every unit is, in document order.
    pub(super) fn unwrap_divisions(&mut self) -> Vec<(String, Vec<Instruction>)> {
        let (old, new) = (&self.cmp.old, &self.cmp.new);
        // The articles this act inserted, by their label in the working copy.
        let inserted: rustc_hash::FxHashMap<String, NodeId> = self
            .inserted_labels
            .iter()
            .map(|(n, l)| (l.clone(), *n))
            .collect();
        let mut out = Vec::new();
        for i in 0..old.nodes.len() {
            let o = NodeId(i as u32);
            if old.node(o).kind != NodeKind::Structure
                || self.pairs.new_of(o).is_some()
                || !crate::edit::is_attached(&self.w, o)
            {
                continue;
            }
            let Some(parent) = self.w.parent(o) else {
                continue;
            };
            let enclosing = if parent == self.w.root() {
                Some(new.root())
            } else {
                self.pairs.new_of(parent)
            };
            let Some(enclosing) = enclosing else {
                continue;
            };
            let held = self.w.children(o);
            // Units of the old version or inserted by this act, each of them right under the
            // enclosing division in the new version.
            let flat = !held.is_empty()
                && held.iter().all(|c| {
                    let x = self.w.node(*c);
                    let counterpart = if c.index() < old.nodes.len() {
                        self.pairs.new_of(*c)
                    } else if x.kind == NodeKind::Article {
                        inserted
                            .get(canonical_label(x.label.as_deref().unwrap_or("")).as_str())
                            .copied()
                    } else {
                        None
                    };
                    matches!(x.kind, NodeKind::Article | NodeKind::Structure)
                        && counterpart.is_some_and(|m| new.parent(m) == Some(enclosing))
                });
            if !flat {
                continue;
            }
            let Some(unit) = super::blocks::division_unit(&self.w, o) else {
                continue;
            };
            let ins = Instruction {
                target: Target::unit(unit.clone()),
                op: Op::UnwrapDivision,
            };
            let mut moved = vec![parent, o];
            moved.extend_from_slice(self.w.children(o));
            let saved = crate::edit::Snapshot::links(&self.w, moved);
            if self.exec(&ins).is_err() {
                saved.restore(&mut self.w);
                continue;
            }
            out.push((formules::deletion_heading_in(&unit, self.noun), vec![ins]));
        }
        out
    }

    /// Whether the working copy's division `o` holds, one level down, other units than the new
    /// version's `n`: other divisions (label, heading, level), other articles in its places
    /// (an article that is the right one but worded otherwise is the article's business),
    /// other alinéas.
    fn restructured(&self, o: NodeId, n: NodeId) -> bool {
        let (w, new, old_len) = (&self.w, &self.cmp.new, self.cmp.old.nodes.len());
        let (a, b) = (w.children(o), new.children(n));
        if a.len() != b.len() {
            return true;
        }
        a.iter().zip(b).any(|(x, y)| {
            let (nx, ny) = (w.node(*x), new.node(*y));
            if nx.kind != ny.kind {
                return true;
            }
            match nx.kind {
                NodeKind::Structure => {
                    division_key(nx.label.as_deref().unwrap_or(""))
                        != division_key(ny.label.as_deref().unwrap_or(""))
                        || heading_key(nx.heading.as_deref()) != heading_key(ny.heading.as_deref())
                        || nx.level != ny.level
                }
                NodeKind::Article => {
                    if x.index() < old_len {
                        self.pairs.new_of(*x) != Some(*y)
                    } else {
                        self.inserted_labels.get(y).map(String::as_str)
                            != nx.label.as_deref().map(canonical_label).as_deref()
                    }
                }
                _ => text_key(&nx.text) != text_key(&ny.text),
            }
        })
    }

    /// Whether the working copy's division `o` holds a unit (of the old version, or inserted by
    /// this act) whose counterpart in the new version lies outside the new division `n`.
    fn holds_kept_elsewhere(&self, o: NodeId, n: NodeId) -> bool {
        let new = &self.cmp.new;
        let inside: rustc_hash::FxHashSet<NodeId> = subtree(new, n).into_iter().collect();
        let by_label: rustc_hash::FxHashMap<&str, NodeId> = self
            .inserted_labels
            .iter()
            .map(|(n, l)| (l.as_str(), *n))
            .collect();
        let old_len = self.cmp.old.nodes.len();
        subtree(&self.w, o).into_iter().any(|id| {
            let x = self.w.node(id);
            let counterpart = if id.index() < old_len {
                self.pairs.new_of(id)
            } else if x.kind == NodeKind::Article {
                by_label
                    .get(canonical_label(x.label.as_deref().unwrap_or("")).as_str())
                    .copied()
            } else {
                None
            };
            counterpart.is_some_and(|m| !inside.contains(&m))
        })
    }

    /// The divisions that the act, unit by unit, leaves holding other divisions or articles
    /// than the new version's (sub-sections added around kept articles, paragraphs renumbered
    /// beside kept ones, articles exchanged between two divisions): each is replaced whole, the
    /// smallest one first met from the top — « La sous-section 2 … est supprimée. » then « Après
    /// la sous-section 1 …, il est inséré une sous-section 2 ainsi rédigée : » quoting what
    /// it holds. When it cannot be (a number it holds still borne elsewhere), the division
    /// holding it is tried. A division of more than [`MAX_QUOTED_ARTICLES`] articles is not
    /// quoted whole: the divisions it holds are looked at instead.
    pub(super) fn rewrite_restructured_divisions(&mut self) -> Vec<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        let mut out = Vec::new();
        let divisions_of = |id: NodeId| -> Vec<NodeId> {
            new.children(id)
                .iter()
                .rev()
                .copied()
                .filter(|c| new.node(*c).kind == NodeKind::Structure)
                .collect()
        };
        let mut stack = divisions_of(new.root());
        while let Some(n) = stack.pop() {
            let Some(o) = self.working_division(n) else {
                // A new division that could not be inserted unit by unit (its number still
                // held by an old division deleted since as emptied, or its counterpart deleted
                // as emptied): inserted now.
                let gone = self
                    .pairs
                    .old_of(n)
                    .is_none_or(|o| !crate::edit::is_attached(&self.w, o));
                if gone && !self.placed.contains(&n) {
                    if let Some(a) = self.insert_division(n, None) {
                        out.append(&mut self.early);
                        out.extend(a);
                    }
                }
                continue;
            };
            if !self.restructured(o, n) {
                stack.extend(divisions_of(n));
                continue;
            }
            // The division itself, else the smallest division holding it whose units are all
            // kept inside it (articles moved between two of its sub-divisions).
            let candidates = std::iter::successors(Some(n), |x| new.parent(*x))
                .take_while(|x| new.node(*x).kind == NodeKind::Structure)
                .filter_map(|x| Some((self.working_division(x)?, x)));
            let mut done = false;
            for (wo, x) in candidates.collect::<Vec<_>>() {
                if self.quoted_articles(x) > MAX_QUOTED_ARTICLES {
                    break;
                }
                if self.relabelled_division(wo, x) || self.holds_kept_elsewhere(wo, x) {
                    continue;
                }
                if let Some(a) = self.replace_division(wo, x) {
                    out.extend(a);
                    done = true;
                    break;
                }
                // Refused (a number it holds still borne by an article of a neighbouring
                // division that the new version renumbers): the division holding both,
                // replaced whole, as issue 13 redrafts at the next larger unit.
            }
            if !done {
                stack.extend(divisions_of(n));
            }
        }
        out
    }

    /// The working copy's division paired with the new version's division `n`, if still there.
    fn working_division(&self, n: NodeId) -> Option<NodeId> {
        self.pairs
            .old_of(n)
            .filter(|o| crate::edit::is_attached(&self.w, *o))
            .filter(|o| self.w.node(*o).kind == NodeKind::Structure)
    }

    /// The articles inside the new version's division `n`.
    fn quoted_articles(&self, n: NodeId) -> usize {
        let new = &self.cmp.new;
        subtree(new, n)
            .into_iter()
            .filter(|id| new.node(*id).kind == NodeKind::Article)
            .count()
    }

    /// The working copy's division `o` deleted, then the new version's `n` inserted whole in
    /// its place; `None` (the working copy as it was) when either cannot be drafted.
    fn replace_division(
        &mut self,
        o: NodeId,
        n: NodeId,
    ) -> Option<Vec<(String, Vec<Instruction>)>> {
        let saved = self.skeleton(&[]);
        let deleted = self.changes.deleted_divisions.len();
        let early = self.early.len();
        let undo = |d: &mut Self, saved: crate::edit::Snapshot| {
            saved.restore(&mut d.w);
            d.changes.deleted_divisions.truncate(deleted);
            d.early.truncate(early);
        };
        let Some(deletion) = self.delete_emptied(o) else {
            undo(self, saved);
            return None;
        };
        let Some(a) = self.insert_division(n, None) else {
            undo(self, saved);
            return None;
        };
        let mut out: Vec<(String, Vec<Instruction>)> = self.early.drain(..).collect();
        out.push(deletion);
        out.extend(a);
        Some(out)
    }

    /// « Le chapitre III de la convention est supprimé. », when nothing it holds is kept.
    pub(super) fn delete_division(&mut self, p: &PairDiff) -> Option<(String, Vec<Instruction>)> {
        self.delete_division_unless_kept(p.old?, None)
    }

    /// Whether an old division and the new one it is paired with bear different numbers.
    pub(super) fn relabelled_division(&self, o: NodeId, n: NodeId) -> bool {
        let (ol, nl) = (
            self.w.node(o).label.as_deref(),
            self.cmp.new.node(n).label.as_deref(),
        );
        match (ol, nl) {
            (Some(a), Some(b)) => canonical_label(a) != canonical_label(b),
            _ => false,
        }
    }

    /// « Le titre II de la convention est supprimé. » for an old division paired with the new
    /// division `n` under another number, when what it holds is kept only inside `n` (which is
    /// inserted whole next).
    pub(super) fn delete_emptied_division(
        &mut self,
        o: NodeId,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        self.delete_division_unless_kept(o, Some(n))
    }

    /// Deletes the old division `o` unless a unit it holds (or itself) has a counterpart in the
    /// new version outside the new division `into` (the whole new version when `None`).
    fn delete_division_unless_kept(
        &mut self,
        o: NodeId,
        into: Option<NodeId>,
    ) -> Option<(String, Vec<Instruction>)> {
        if !crate::edit::is_attached(&self.w, o) {
            return None;
        }
        let inside: std::collections::BTreeSet<NodeId> = into
            .map(|n| subtree(&self.cmp.new, n).into_iter().collect())
            .unwrap_or_default();
        let kept = subtree(&self.cmp.old, o)
            .into_iter()
            .filter_map(|id| self.pairs.new_of(id))
            .any(|m| !inside.contains(&m));
        if kept {
            return None;
        }
        self.delete_emptied(o)
    }
}
