//! Units left unpaired anywhere in the tree (articles, then alinéas) paired across parents:
//! exact then similar, as moves.

use super::{Aligner, Basis};
use crate::model::{NodeId, NodeKind};
use rustc_hash::FxHashMap;

impl Aligner<'_> {
    /// Pairs units left unpaired anywhere (articles when `articles`, else alinéas) across parents.
    pub(super) fn global_moves(&mut self, top: &[usize], articles: bool) {
        let mut deleted: Vec<usize> = Vec::new();
        let mut inserted: Vec<usize> = Vec::new();
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
            let (doc, id) = match (b.old, b.new) {
                (Some(o), None) => (self.old.doc, o),
                (None, Some(n)) => (self.new.doc, n),
                _ => continue,
            };
            let kind = doc.node(id).kind;
            let wanted = if articles {
                kind == NodeKind::Article
            } else {
                kind.is_alinea_like()
            };
            if !wanted || (!articles && doc.node(id).text.split_whitespace().count() < 4) {
                continue;
            }
            if b.old.is_some() {
                deleted.push(k);
            } else {
                inserted.push(k);
            }
        }
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
                        c.push((d, x));
                    }
                }
                c
            } else {
                self.candidates(&olds, &news, &rest_d, &rest_i, true)
            };
            let mut scored: Vec<(f32, usize, usize)> = Vec::new();
            for (d, x) in cands {
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
            b.moved = true;
            b.renumbered = renumbered;
            b.children = children;
        }
    }
}
