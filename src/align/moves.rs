//! Units left unpaired anywhere in the tree (articles, then alinéas) paired across parents:
//! exact then similar, as moves.

use super::{label_key, Aligner, Basis};
use crate::model::{Document, NodeId, NodeKind};
use rustc_hash::FxHashMap;

impl Aligner<'_> {
    /// The units left unpaired under `top`, in document order, that `wanted` keeps (given the
    /// unit's document and node): (deleted, inserted) arena indices.
    pub(super) fn unpaired_units(
        &self,
        top: &[usize],
        wanted: impl Fn(&Document, NodeId) -> bool,
    ) -> (Vec<usize>, Vec<usize>) {
        let (mut deleted, mut inserted) = (Vec::new(), Vec::new());
        let mut stack: Vec<usize> = top.iter().rev().copied().collect();
        while let Some(k) = stack.pop() {
            let b = &self.arena[k];
            if b.dropped {
                continue;
            }
            stack.extend(b.children.iter().rev().copied());
            if b.basis != Basis::Unmatched {
                continue;
            }
            match (b.old, b.new) {
                (Some(o), None) if wanted(self.old.doc, o) => deleted.push(k),
                (None, Some(n)) if wanted(self.new.doc, n) => inserted.push(k),
                _ => {}
            }
        }
        (deleted, inserted)
    }

    /// Pairs units left unpaired anywhere (articles when `articles`, else alinéas) across parents.
    pub(super) fn global_moves(&mut self, top: &[usize], articles: bool) {
        let (deleted, inserted) = self.unpaired_units(top, |doc, id| {
            let node = doc.node(id);
            if articles {
                node.kind == NodeKind::Article
            } else {
                node.kind.is_alinea_like() && node.text.split_whitespace().count() >= 4
            }
        });
        if deleted.is_empty() || inserted.is_empty() {
            return;
        }
        let old_id = |a: &Aligner, k: usize| a.arena[k].old.unwrap_or(NodeId(0));
        let new_id = |a: &Aligner, k: usize| a.arena[k].new.unwrap_or(NodeId(0));
        let mut used_del = vec![false; deleted.len()];
        let mut used_ins = vec![false; inserted.len()];
        let mut found: Vec<(usize, usize, Basis, f32)> = Vec::new();
        // Exact, in order.
        let mut queues: FxHashMap<u64, std::collections::VecDeque<usize>> = FxHashMap::default();
        for (d, k) in deleted.iter().enumerate() {
            let h = self.old.hash[old_id(self, *k).index()];
            queues.entry(h).or_default().push_back(d);
        }
        for (x, k) in inserted.iter().enumerate() {
            let h = self.new.hash[new_id(self, *k).index()];
            if let Some(q) = queues.get_mut(&h) {
                if let Some(d) = q.pop_front() {
                    used_del[d] = true;
                    used_ins[x] = true;
                    found.push((d, x, Basis::Exact, 1.0));
                }
            }
        }
        // Similar, best first.
        let rest_d: Vec<usize> = (0..deleted.len()).filter(|d| !used_del[*d]).collect();
        let rest_i: Vec<usize> = (0..inserted.len()).filter(|x| !used_ins[*x]).collect();
        if !rest_d.is_empty() && !rest_i.is_empty() {
            let olds: Vec<NodeId> = deleted.iter().map(|k| old_id(self, *k)).collect();
            let news: Vec<NodeId> = inserted.iter().map(|k| new_id(self, *k)).collect();
            let cands = if rest_d.len() * rest_i.len() <= 2500 {
                let mut c = Vec::new();
                for &d in &rest_d {
                    for &x in &rest_i {
                        c.push((d as u32, x as u32));
                    }
                }
                c
            } else {
                self.candidates(&olds, &news, &rest_d, &rest_i, true)
            };
            let mut scored: Vec<(f32, usize, usize)> = Vec::new();
            for (d, x) in cands {
                let (d, x) = (d as usize, x as usize);
                let s = self.similarity(olds[d], news[x]);
                if s >= self.options.move_similarity {
                    scored.push((s, d, x));
                }
            }
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            for (s, d, x) in scored {
                if !used_del[d] && !used_ins[x] {
                    used_del[d] = true;
                    used_ins[x] = true;
                    found.push((d, x, Basis::Similar, s));
                }
            }
        }
        // Place: an article whose number is that of an inserted one under the same paired
        // ancestor (its division was removed, split or renamed around it): the same article,
        // rewritten in place, whatever its words (« même numéro, même place »). After the
        // similar ones: a move is reported only when the content clearly went elsewhere.
        if articles {
            for scope in [false, true] {
                self.place_across_parents(
                    &deleted,
                    &inserted,
                    &mut used_del,
                    &mut used_ins,
                    &mut found,
                    scope,
                );
            }
        }
        for (d, x, basis, s) in found {
            let (kd, kx) = (deleted[d], inserted[x]);
            let o = old_id(self, kd);
            let n = new_id(self, kx);
            self.old.matched[o.index()] = true;
            self.new.matched[n.index()] = true;
            self.arena[kd].dropped = true;
            let children = self.align_children(o, n);
            let renumbered = self.renumbered(o, n);
            let b = &mut self.arena[kx];
            b.old = Some(o);
            b.basis = basis;
            b.similarity = s;
            b.moved = basis != Basis::Place;
            b.renumbered = renumbered;
            b.children = children;
        }
    }
}

impl Aligner<'_> {
    /// The nearest ancestor of `id` that is paired (`None` at the top level).
    fn paired_ancestor(&self, old_side: bool, id: NodeId) -> Option<NodeId> {
        let side = if old_side { &self.old } else { &self.new };
        let mut cur = side.doc.parent(id);
        while let Some(p) = cur {
            if side.matched[p.index()] {
                return Some(p);
            }
            cur = side.doc.parent(p);
        }
        None
    }

    /// The nearest paired ancestor, or with `top` the outermost paired one.
    fn scope_ancestor(&self, old_side: bool, id: NodeId, top: bool) -> Option<NodeId> {
        let mut anc = self.paired_ancestor(old_side, id);
        if top {
            while let Some(a) = anc.and_then(|a| self.paired_ancestor(old_side, a)) {
                anc = Some(a);
            }
        }
        anc
    }

    /// Pairs deleted and inserted articles with the same number whose nearest paired ancestors
    /// are paired together, when that number is unique there on both sides (basis
    /// [`Basis::Place`]); with `top_scope`, whose top-level paired ancestors are (a Partie of a
    /// code, the convention's body, an annexe): [`Basis::Number`], a move.
    fn place_across_parents(
        &mut self,
        deleted: &[usize],
        inserted: &[usize],
        used_del: &mut [bool],
        used_ins: &mut [bool],
        found: &mut Vec<(usize, usize, Basis, f32)>,
        top_scope: bool,
    ) {
        let mut old_to_new: FxHashMap<NodeId, NodeId> = FxHashMap::default();
        for b in &self.arena {
            if let (false, Some(o), Some(n)) = (b.dropped, b.old, b.new) {
                old_to_new.entry(o).or_insert(n);
            }
        }
        type Slot = (u32, usize);
        let mut ins: FxHashMap<(String, Option<NodeId>), Slot> = FxHashMap::default();
        for (x, k) in inserted.iter().enumerate() {
            let Some(n) = self.arena[*k].new else {
                continue;
            };
            if used_ins[x] {
                continue;
            }
            if let Some(l) = label_key(self.new.doc, n) {
                let e = ins
                    .entry((l, self.scope_ancestor(false, n, top_scope)))
                    .or_insert((0, x));
                e.0 += 1;
            }
        }
        let mut del: FxHashMap<(String, Option<NodeId>), Slot> = FxHashMap::default();
        for (d, k) in deleted.iter().enumerate() {
            let Some(o) = self.arena[*k].old else {
                continue;
            };
            if used_del[d] {
                continue;
            }
            if let Some(l) = label_key(self.old.doc, o) {
                let anc = match self.scope_ancestor(true, o, top_scope) {
                    Some(a) => match old_to_new.get(&a) {
                        Some(n) => Some(*n),
                        None => continue,
                    },
                    None => None,
                };
                let e = del.entry((l, anc)).or_insert((0, d));
                e.0 += 1;
            }
        }
        let mut pairs: Vec<(usize, usize)> = del
            .iter()
            .filter_map(|(key, &(count, d))| match ins.get(key) {
                Some(&(1, x)) if count == 1 => Some((d, x)),
                _ => None,
            })
            .collect();
        pairs.sort_unstable();
        for (d, x) in pairs {
            let (Some(o), Some(n)) = (self.arena[deleted[d]].old, self.arena[inserted[x]].new)
            else {
                continue;
            };
            if !self.same_place_heading(o, n) {
                continue;
            }
            let s = self.similarity(o, n);
            used_del[d] = true;
            used_ins[x] = true;
            let basis = if top_scope {
                Basis::Number
            } else {
                Basis::Place
            };
            found.push((d, x, basis, s));
        }
    }
}
