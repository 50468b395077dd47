//! The drafter's articles deleted and inserted: « L'article 5 est abrogé », « Après l'article 4,
//! il est inséré un article 4-1 », the new version's number when free, « bis » when taken.

use super::*;

impl Drafter<'_> {
    pub(super) fn delete_article(&mut self, o: NodeId) -> (String, Vec<Instruction>) {
        let label = self.label(o);
        if !crate::edit::is_attached(&self.w, o) {
            // Gone with the article holding it.
            return (String::new(), Vec::new());
        }
        let unit = self.article_unit(o);
        let ins = Instruction {
            target: Target::unit(unit.clone()),
            op: Op::DeleteArticle,
        };
        let ok = self.exec(&ins).is_ok();
        self.changes.deleted_articles.push(match &unit {
            Unit::TitledArticle { heading, .. } => formules::titled(heading),
            _ => label,
        });
        (
            formules::deletion_heading_in(&unit, self.noun),
            if ok { vec![ins] } else { Vec::new() },
        )
    }

    /// The label, in the working copy, of the article of the new version before `n`.
    pub(super) fn previous_label(&self, n: NodeId) -> Option<String> {
        let new = &self.cmp.new;
        let (siblings, i) = sibling_articles(new, n)?;
        let prev = *siblings.get(i.checked_sub(1)?)?;
        if let Some(l) = self.inserted_labels.get(&prev) {
            return Some(l.clone());
        }
        let old = self.pairs.old_of(prev)?;
        let live = crate::edit::is_attached(&self.w, old);
        live.then(|| self.label(old))
    }

    pub(super) fn label_exists(&self, label: &str) -> bool {
        self.known.contains(&canonical_label(label))
            && super::super::apply::find_unit(&self.w, &Unit::article(label)).is_some()
    }

    pub(super) fn is_last_article(&self, label: &str) -> bool {
        let last = last_top_article(&self.w, self.w.root());
        last.is_some_and(|id| self.label(id) == canonical_label(label))
    }

    pub(super) fn insert_article(&mut self, p: &PairDiff) -> Option<(String, Vec<Instruction>)> {
        let n = p.new?;
        let new = &self.cmp.new;
        let node = new.node(n);
        if node.number_is_implicit() {
            return self.insert_titled_article(n);
        }
        let Some(prev) = self.previous_label(n) else {
            return self
                .insert_article_first(n)
                .or_else(|| self.insert_article_before(n));
        };
        let top = new
            .parent(n)
            .is_none_or(|x| new.node(x).kind != NodeKind::Article);
        let append = top && self.is_last_article(&prev);
        let own = canonical_label(node.label.as_deref().unwrap_or(""));
        if self.opts.renumber {
            self.free_label(&own);
        }
        let label = if self.opts.renumber {
            own
        } else if !self.opts.bis
            && (self.fits_after(&own, &prev) || self.out_of_order_in_new(n, &own))
        {
            // The new version's own number, free in the old one and in order there — or where
            // the new version itself breaks the numbering order (« 515-14 » placed after
            // « 710-1 »): the act gives it the number the new version gives it.
            own
        } else if append {
            match prev.trim_end_matches("er").parse::<u32>() {
                Ok(k) => (k + 1).to_string(),
                Err(_) => self.bis(&prev),
            }
        } else {
            self.bis(&prev)
        };
        if label.is_empty() {
            return None;
        }
        self.free_label(&label);
        if self.label_exists(&label) {
            return None;
        }
        let heading = node.heading.clone();
        let alineas = unit_lines(new, n);
        let ins = if append {
            Instruction {
                target: Target::convention(),
                op: Op::AddArticle {
                    label: label.clone(),
                    heading,
                    alineas,
                },
            }
        } else {
            Instruction {
                target: Target::article(&prev),
                op: Op::InsertArticle {
                    label: label.clone(),
                    heading,
                    alineas,
                },
            }
        };
        self.exec(&ins).ok()?;
        self.inserted_labels.insert(n, label.clone());
        self.changes.inserted_articles.push(label.clone());
        Some((formules::insertion_heading_in(&label, self.noun), vec![ins]))
    }

    /// An article whose number the new version does not write (« ## Membres » among
    /// unnumbered sections), inserted with its heading and no number after the article before
    /// it, named by its heading (« Après l'article intitulé « Objet », il est inséré un
    /// article ainsi rédigé : « Membres » … »), or before the next one when it comes first.
    fn insert_titled_article(&mut self, n: NodeId) -> Option<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        let heading = new.node(n).heading.clone()?;
        let (siblings, i) = sibling_articles(new, n)?;
        // A neighbour as the act names it: inserted by this act, or an old article still there.
        let unit_of = |d: &Self, c: NodeId| -> Option<Unit> {
            if d.inserted_labels.contains_key(&c) {
                let h = new.node(c).heading.clone()?;
                return Some(d.inserted_titled(c, &h));
            }
            let old = d.pairs.old_of(c)?;
            crate::edit::is_attached(&d.w, old).then(|| d.article_unit(old))
        };
        let after = i.checked_sub(1).and_then(|j| unit_of(self, siblings[j]));
        let (target, before) = match after {
            Some(u) => (u, false),
            None => (
                siblings[i + 1..].iter().find_map(|c| unit_of(self, *c))?,
                true,
            ),
        };
        let alineas = unit_lines(new, n);
        let op = if before {
            Op::InsertArticleBefore {
                label: String::new(),
                heading: Some(heading.clone()),
                alineas,
            }
        } else {
            Op::InsertArticle {
                label: String::new(),
                heading: Some(heading.clone()),
                alineas,
            }
        };
        let ins = Instruction {
            target: Target::unit(target),
            op,
        };
        self.exec(&ins).ok()?;
        self.inserted_labels.insert(n, String::new());
        let named = formules::titled(&heading);
        self.changes.inserted_articles.push(named.clone());
        Some((formules::insertion_heading_in(&named, self.noun), vec![ins]))
    }

    /// An article this act inserted without a number (`c`, of the new version), named as
    /// `apply` finds it in the working copy: by its heading, and by which one it is when other
    /// articles bear that heading (« Après le premier article des statuts intitulé « Membres »,
    /// … »).
    fn inserted_titled(&self, c: NodeId, heading: &str) -> Unit {
        let key = heading_key(Some(heading));
        let same = |doc: &Document| -> Vec<NodeId> {
            doc.descendants(doc.root())
                .into_iter()
                .filter(|id| {
                    let n = doc.node(*id);
                    n.kind == NodeKind::Article && heading_key(n.heading.as_deref()) == key
                })
                .collect()
        };
        // Which of the articles so titled that this act inserts, in the new version's order;
        // the same one among the working copy's new nodes (the old version's arena is its
        // start).
        let k = same(&self.cmp.new)
            .into_iter()
            .filter(|x| self.inserted_labels.contains_key(x))
            .position(|x| x == c);
        let first_new = self.cmp.old.nodes.len();
        let fresh: Vec<NodeId> = same(&self.w)
            .into_iter()
            .filter(|x| x.index() >= first_new)
            .collect();
        match k
            .and_then(|k| fresh.get(k))
            .and_then(|id| titled_heading(&self.w, *id))
        {
            Some((heading, rank)) => Unit::TitledArticle { heading, rank },
            None => Unit::titled(heading, None),
        }
    }

    /// True when `label` is free in the working copy and falls, in the numbering order,
    /// between the article `prev` and the article following it there (any article after it at
    /// the same depth): « 5.7 » after « 5.6 », « 12 » after the last article « 11 », « 47-2 »
    /// after « 47-1 » and before « 48 ».
    pub(super) fn fits_after(&self, label: &str, prev: &str) -> bool {
        let Some(key) = label_order(label) else {
            return false;
        };
        if label.is_empty() || self.label_exists(label) {
            return false;
        }
        // The next article after `prev` in the working copy, at the same depth or above: the
        // first one in document order outside `prev` (found through the label index, then a
        // walk forward from it, not a list of the whole code per insertion).
        let w = &self.w;
        let Some(at) = super::super::apply::find_unit(w, &Unit::article(prev)) else {
            return false;
        };
        // An article named by words (« Annexe ») has no place in the numbering: the numbered
        // article before it says where the numbers stand.
        let prev_key = label_order(prev).or_else(|| previous_ordered(w, at, |id| self.label(id)));
        // A code's series (« R. », « D. ») are each in order, not against one another: its R
        // articles come before its D articles in each division.
        if prev_key.is_none_or(|p| same_series(&p, &key) && key <= p) {
            return false;
        }
        match next_article_outside(w, at) {
            None => true,
            Some(id) => {
                label_order(&self.label(id)).is_some_and(|nk| !same_series(&nk, &key) || key < nk)
            }
        }
    }

    /// True when `label` is free in the working copy and the new version itself places the
    /// article `n` after an article of a higher number (its previous article there): a number
    /// out of order that « bis » would not make right.
    pub(super) fn out_of_order_in_new(&self, n: NodeId, label: &str) -> bool {
        let new = &self.cmp.new;
        let Some(key) = label_order(label) else {
            return false;
        };
        if label.is_empty() || self.label_exists(label) {
            return false;
        }
        let before = std::iter::successors(new.parent(n), |p| new.parent(*p))
            .next()
            .and_then(|parent| {
                let siblings = new.children(parent);
                let i = siblings.iter().position(|c| *c == n)?;
                siblings[..i]
                    .iter()
                    .rev()
                    .find(|c| new.node(**c).kind == NodeKind::Article)
                    .copied()
            });
        let Some(prev) = before else {
            return false;
        };
        label_order(new.node(prev).label.as_deref().unwrap_or("")).is_some_and(|pk| pk > key)
    }

    /// An article first in its article or division (« Au début de l'article 3, il est inséré
    /// un article 3.1 … »), under the new version's number, which must be free.
    pub(super) fn insert_article_first(&mut self, n: NodeId) -> Option<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        let node = new.node(n);
        let parent = new.parent(n)?;
        // Only the first article (or division) of its parent.
        let first = new
            .children(parent)
            .iter()
            .copied()
            .find(|c| matches!(new.node(*c).kind, NodeKind::Article | NodeKind::Structure));
        if first != Some(n) {
            return None;
        }
        let unit = match new.node(parent).kind {
            NodeKind::Article | NodeKind::Structure => {
                let old = self.pairs.old_of(parent)?;
                if !self.w.descendants(self.w.root()).contains(&old) {
                    return None;
                }
                let on = self.w.node(old);
                match on.kind {
                    NodeKind::Article => Unit::article(&self.label(old)),
                    NodeKind::Structure => super::blocks::division_unit(&self.w, old)?,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let label = canonical_label(node.label.as_deref().unwrap_or(""));
        if label.is_empty() {
            return None;
        }
        self.free_label(&label);
        if self.label_exists(&label) {
            return None;
        }
        // An article with alinéas of its own before its sub-articles: the new sub-article goes
        // « Après le dernier alinéa de l'article 5.3 », not « Au début » (which would put it
        // before them).
        let own_alineas = matches!(unit, Unit::Article { .. })
            && self
                .pairs
                .old_of(parent)
                .is_some_and(|old| !self.w.alineas(old).is_empty());
        let target = if own_alineas {
            Target::unit(unit).with_alinea(Position::Last)
        } else {
            Target::unit(unit)
        };
        let ins = Instruction {
            target,
            op: Op::InsertArticleFirst {
                label: label.clone(),
                heading: node.heading.clone(),
                alineas: unit_lines(new, n),
            },
        };
        self.exec(&ins).ok()?;
        self.inserted_labels.insert(n, label.clone());
        self.changes.inserted_articles.push(label.clone());
        Some((formules::insertion_heading_in(&label, self.noun), vec![ins]))
    }

    /// An article before the first one of its level (« Avant l'article 1er, il est inséré un
    /// article 1er A … »): under the new version's number when it is free and comes before the
    /// next article's, else the next article's number followed by « A » (then « B »…), as
    /// amending acts number an article put before the first.
    pub(super) fn insert_article_before(
        &mut self,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        let node = new.node(n);
        let parent = new.parent(n)?;
        // The next article of the new version that stands in the working copy.
        let siblings = new.children(parent);
        let at = siblings.iter().position(|c| *c == n)?;
        let next = siblings[at + 1..]
            .iter()
            .filter(|c| new.node(**c).kind == NodeKind::Article)
            .find_map(|c| {
                let old = self.pairs.old_of(*c)?;
                crate::edit::is_attached(&self.w, old).then_some(old)
            })?;
        let next_label = self.label(next);
        if next_label.is_empty() {
            return None;
        }
        let own = canonical_label(node.label.as_deref().unwrap_or(""));
        if self.opts.renumber {
            self.free_label(&own);
        }
        let before_next = |l: &str| matches!((label_order(l), label_order(&next_label)), (Some(a), Some(b)) if a < b);
        // « 1 A » stands before « 1er », as amending acts number it.
        let lettered_before = |l: &str| {
            l.split_once(' ').is_some_and(|(base, letter)| {
                canonical_label(base) == canonical_label(&next_label)
                    && letter.len() == 1
                    && letter.chars().all(|c| c.is_ascii_uppercase())
            })
        };
        // With `renumber` the new version's number stands whenever it is free.
        let label = if !own.is_empty()
            && !self.label_exists(&own)
            && (self.opts.renumber || before_next(&own) || lettered_before(&own))
        {
            own
        } else {
            let base = canonical_label(&next_label);
            ('A'..='Z')
                .map(|c| format!("{base} {c}"))
                .find(|l| !self.label_exists(l))?
        };
        self.free_label(&label);
        if self.label_exists(&label) {
            return None;
        }
        let ins = Instruction {
            target: Target::article(&next_label),
            op: Op::InsertArticleBefore {
                label: label.clone(),
                heading: node.heading.clone(),
                alineas: unit_lines(new, n),
            },
        };
        self.exec(&ins).ok()?;
        self.inserted_labels.insert(n, label.clone());
        self.changes.inserted_articles.push(label.clone());
        Some((formules::insertion_heading_in(&label, self.noun), vec![ins]))
    }

    /// « 5 bis », else « 5 ter »…, the first label free after `prev`.
    pub(super) fn bis(&self, prev: &str) -> String {
        let base = canonical_label(prev);
        let base = base
            .split_whitespace()
            .next()
            .unwrap_or(base.as_str())
            .to_string();
        for s in [
            "bis",
            "ter",
            "quater",
            "quinquies",
            "sexies",
            "septies",
            "octies",
            "nonies",
            "decies",
        ] {
            let l = format!("{base} {s}");
            if !self.label_exists(&l) {
                return l;
            }
        }
        format!("{base} bis")
    }
}

/// A label as a sortable key: its numbers (« 5.7 » → 5, 7; « 47-2 » → 47, 2; « 1er » → 1) then
/// the rank of a latin suffix (« 4 bis » → 4, 0, 2); `None` for a label without numbers. A
/// codes' letter prefix (« L1233-24-1 », « L. 1233-24-1 », « R. 4127-1 ») comes first, as one
/// number above every plain number, so that each series sorts within itself.
pub(super) fn label_order(label: &str) -> Option<Vec<u32>> {
    let canon = canonical_label(label);
    let digits = canon.find(|c: char| c.is_ascii_digit())?;
    let (prefix, rest) = canon.split_at(digits);
    let mut key = Vec::new();
    if !prefix.trim().is_empty() {
        let mut code: u32 = 0;
        for c in prefix
            .chars()
            .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        {
            if !c.is_ascii_alphabetic() || code > 27 * 27 * 27 {
                return None;
            }
            code = code * 27 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
        }
        key.push(1_000_000 + code);
    }
    let rest = canonical_label(rest);
    let mut parts = rest.split_whitespace();
    let head = parts.next()?.trim_end_matches("er");
    for n in head.split(['.', '-']) {
        key.push(n.parse::<u32>().ok()?);
    }
    if let Some(suffix) = parts.next() {
        let rank = [
            "bis",
            "ter",
            "quater",
            "quinquies",
            "sexies",
            "septies",
            "octies",
            "nonies",
            "decies",
        ]
        .iter()
        .position(|s| *s == suffix)?;
        key.push(0);
        key.push(rank as u32 + 2);
    }
    Some(key)
}

/// Whether two [`label_order`] keys are of one series: both without a letter prefix, or with
/// the same one (« R. 4121-1 » and « R. 4121-2 », not « D. 4121-3 »).
fn same_series(a: &[u32], b: &[u32]) -> bool {
    let series = |k: &[u32]| k.first().copied().filter(|x| *x >= 1_000_000);
    series(a) == series(b)
}

/// The last article not inside an article, in document order, below `id`: searched from the end.
pub(super) fn last_top_article(doc: &Document, id: NodeId) -> Option<NodeId> {
    for c in doc.children(id).iter().rev() {
        if doc.node(*c).kind == NodeKind::Article {
            return Some(*c);
        }
        if let Some(a) = last_top_article(doc, *c) {
            return Some(a);
        }
    }
    None
}

/// The first article after the subtree of `id` in document order, if any.
fn next_article_outside(w: &Document, id: NodeId) -> Option<NodeId> {
    let first_in = |top: NodeId| -> Option<NodeId> {
        let mut stack = vec![top];
        while let Some(x) = stack.pop() {
            if w.node(x).kind == NodeKind::Article {
                return Some(x);
            }
            stack.extend(w.children(x).iter().rev().copied());
        }
        None
    };
    let mut x = id;
    while let Some(p) = w.parent(x) {
        let siblings = w.children(p);
        let after = siblings
            .iter()
            .position(|c| *c == x)
            .map_or(siblings.len(), |i| i + 1);
        if let Some(a) = siblings[after..].iter().find_map(|s| first_in(*s)) {
            return Some(a);
        }
        x = p;
    }
    None
}

/// The order ([`label_order`]) of the nearest article before `id` in document order that
/// has one (an article holding `id` included), through divisions, annexes and articles.
fn previous_ordered(
    w: &Document,
    id: NodeId,
    label: impl Fn(NodeId) -> String,
) -> Option<Vec<u32>> {
    let units = |x: NodeId| {
        matches!(
            w.node(x).kind,
            NodeKind::Article | NodeKind::Structure | NodeKind::Annexe
        )
    };
    // The last ordered article inside `top` (itself included), in document order.
    let last_in = |top: NodeId| -> Option<Vec<u32>> {
        let mut stack = vec![top];
        let mut order = Vec::new();
        while let Some(x) = stack.pop() {
            order.push(x);
            stack.extend(w.children(x).iter().rev().copied().filter(|c| units(*c)));
        }
        // Document order, read from the last unit back.
        order
            .into_iter()
            .rev()
            .filter(|x| w.node(*x).kind == NodeKind::Article)
            .find_map(|x| label_order(&label(x)))
    };
    let mut x = id;
    while let Some(p) = w.parent(x) {
        let siblings = w.children(p);
        let before = siblings.iter().position(|c| *c == x).unwrap_or(0);
        if let Some(k) = siblings[..before]
            .iter()
            .rev()
            .filter(|s| units(**s))
            .find_map(|s| last_in(*s))
        {
            return Some(k);
        }
        if w.node(p).kind == NodeKind::Article {
            if let Some(k) = label_order(&label(p)) {
                return Some(k);
            }
        }
        x = p;
    }
    None
}

/// The articles of `n`'s parent in `doc`, and `n`'s place among them.
fn sibling_articles(doc: &Document, n: NodeId) -> Option<(Vec<NodeId>, usize)> {
    let siblings: Vec<NodeId> = doc
        .children(doc.parent(n)?)
        .iter()
        .copied()
        .filter(|c| doc.node(*c).kind == NodeKind::Article)
        .collect();
    let i = siblings.iter().position(|c| *c == n)?;
    Some((siblings, i))
}

#[cfg(test)]
mod tests {
    use super::label_order;

    #[test]
    fn prefixed_code_numbers_sort_within_their_series() {
        let k = |l: &str| label_order(l).expect("numbered");
        assert!(k("L1233-24") < k("L1233-24-1") && k("L1233-24-1") < k("L1233-24-2"));
        assert!(k("L1233-24-2") < k("L1233-25") && k("L1233-25") < k("L1234"));
        assert_eq!(k("L. 1233-24-1"), k("L1233-24-1"));
        assert!(k("L4081-2") < k("R1") && k("999") < k("L1"));
        assert!(k("L1233-24 bis") < k("L1233-24-1"));
        assert!(label_order("L").is_none() && label_order("IV").is_none());
        assert!(super::same_series(&k("R4412-94"), &k("R. 4412-148")));
        assert!(!super::same_series(&k("R6123-3-8"), &k("D6123-25")));
        assert!(
            !super::same_series(&k("12"), &k("L12")) && super::same_series(&k("12"), &k("5.1"))
        );
        assert!(label_order("Annexe Tableau").is_none());
    }
}
