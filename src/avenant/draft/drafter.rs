//! The drafter of articles: a working copy of the convention on which every instruction is
//! executed as it is drafted, so that positions and quotations are those `apply` will read.

use super::*;

pub(super) struct Drafter<'a> {
    pub(super) cmp: &'a Comparison,
    pub(super) opts: &'a DraftOptions,
    /// The convention as the instructions drafted so far leave it.
    pub(super) w: Document,
    /// Label given in `w` to each inserted article of the new version.
    pub(super) inserted_labels: BTreeMap<NodeId, String>,
    pub(super) changes: Changes,
    /// Old articles (canonical labels) to rewrite whole: the verification's escalation.
    pub(super) force: &'a BTreeSet<String>,
    /// The document's own noun (« convention », « contrat », « statuts »): the headings say
    /// « Modification de l'article 7 du contrat ».
    pub(super) noun: formules::DocNoun,
    /// The alignment as two maps (old unit → new, new unit → old): one lookup instead of a
    /// walk of every pair per question (a code has 100,000 of them).
    pub(super) pairs: Pairs,
    /// Deletions drafted ahead of their place because an insertion re-uses the number they
    /// free ([`Drafter::free_label`]): written just before the unit being drafted.
    pub(super) early: Vec<(String, Vec<Instruction>)>,
    /// The canonical label of every article the working copy has ever held (the old
    /// version's, then those its instructions insert or renumber): a label outside it is free
    /// without a walk of the convention ([`Drafter::label_exists`] asks for many free ones).
    pub(super) known: rustc_hash::FxHashSet<String>,
    /// The old version's divisions by label (spacing and case folded), built at the first
    /// division insertion ([`Drafter::free_division_label`]).
    pub(super) old_divisions: Option<rustc_hash::FxHashMap<String, Vec<NodeId>>>,
    /// The new version's divisions that this act inserts whole (each with what it holds).
    pub(super) placed: rustc_hash::FxHashSet<NodeId>,
}

/// The canonical labels of every article in the arena of `doc` (removed ones too).
pub(super) fn article_labels(doc: &Document) -> rustc_hash::FxHashSet<String> {
    doc.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Article)
        .filter_map(|n| n.label.as_deref().map(canonical_label))
        .collect()
}

/// The alignment's pairs indexed both ways.
pub(super) struct Pairs {
    new_of: rustc_hash::FxHashMap<NodeId, NodeId>,
    old_of: rustc_hash::FxHashMap<NodeId, NodeId>,
}

impl Pairs {
    pub(super) fn of(cmp: &Comparison) -> Pairs {
        let mut new_of = rustc_hash::FxHashMap::default();
        let mut old_of = rustc_hash::FxHashMap::default();
        for p in cmp.alignment.iter() {
            if let (Some(o), Some(n)) = (p.old, p.new) {
                // The first pair wins, as `Alignment::new_of` / `old_of` answer.
                new_of.entry(o).or_insert(n);
                old_of.entry(n).or_insert(o);
            }
        }
        Pairs { new_of, old_of }
    }

    pub(super) fn new_of(&self, old: NodeId) -> Option<NodeId> {
        self.new_of.get(&old).copied()
    }

    pub(super) fn old_of(&self, new: NodeId) -> Option<NodeId> {
        self.old_of.get(&new).copied()
    }
}

impl<'a> Drafter<'a> {
    pub(super) fn label(&self, id: NodeId) -> String {
        canonical_label(self.w.node(id).label.as_deref().unwrap_or(""))
    }

    pub(super) fn exec(&mut self, ins: &Instruction) -> Result<(), String> {
        let before = self.w.nodes.len();
        let r = apply_instruction(&mut self.w, ins);
        // Articles get a label by being inserted (new nodes) or renumbered, nothing else.
        for n in &self.w.nodes[before..] {
            if n.kind == NodeKind::Article {
                if let Some(l) = n.label.as_deref() {
                    self.known.insert(canonical_label(l));
                }
            }
        }
        if let Op::Renumber { to, .. } = &ins.op {
            self.known.extend(to.iter().map(|l| canonical_label(l)));
        }
        r
    }

    /// Frees the article number `label` for an insertion when the working copy gives it to an
    /// old article that this act deletes anyway (no counterpart in the new version, nor any of
    /// its sub-articles): that deletion is drafted now, ahead of its place
    /// ([`Drafter::early`]), so that the act deletes before it re-uses the number, as `apply`
    /// reads it in order. A number held by an article kept elsewhere stays taken.
    pub(super) fn free_label(&mut self, label: &str) {
        if !self.known.contains(&canonical_label(label)) {
            return;
        }
        let Some(o) = super::super::apply::find_unit(&self.w, &Unit::article(label)) else {
            return;
        };
        // Only an article of the old version (inserted ones have later ids).
        if o.index() >= self.cmp.old.nodes.len() {
            return;
        }
        let kept = std::iter::once(o)
            .chain(self.w.descendants(o))
            .filter(|id| self.w.node(*id).kind == NodeKind::Article)
            .any(|id| self.pairs.new_of(id).is_some());
        if kept {
            return;
        }
        let deletion = self.delete_article(o);
        if !deletion.1.is_empty() {
            self.early.push(deletion);
        }
    }

    /// [`Drafter::free_label`] for an article quoted in the inserted division `into`, which
    /// cannot take a « bis » number of its own: when the number is held by an old article
    /// that the new version keeps in the same division (under the same number) but under
    /// another article number still free, that article is renumbered first, ahead of its
    /// place, as codes are amended (« L'article L. 5121-7 devient l'article L. 5121-22. »,
    /// then the new section quotes its own article L. 5121-7). An article moved elsewhere
    /// (into `into` itself, or to another division) is left to its deletion and insertion.
    pub(super) fn free_label_renumbering(&mut self, label: &str, into: NodeId) {
        self.free_label(label);
        if !self.known.contains(&canonical_label(label)) {
            return;
        }
        let Some(o) = super::super::apply::find_unit(&self.w, &Unit::article(label)) else {
            return;
        };
        if o.index() >= self.cmp.old.nodes.len() || self.w.node(o).number_is_implicit() {
            return;
        }
        let Some(m) = self.pairs.new_of(o) else {
            return;
        };
        let new = &self.cmp.new;
        // Its division kept under its own number (a chapter VI that becomes chapter VII is
        // replaced whole, its articles with it).
        let in_place = self.w.parent(o).is_some_and(|wp| {
            self.pairs.new_of(wp).is_some_and(|p| {
                new.parent(m) == Some(p)
                    && (self.w.node(wp).kind != NodeKind::Structure
                        || !self.relabelled_division(wp, p))
            })
        });
        let into_it = std::iter::successors(Some(m), |x| new.parent(*x)).any(|x| x == into);
        if !in_place || into_it {
            return;
        }
        let to = canonical_label(self.cmp.new.node(m).label.as_deref().unwrap_or(""));
        let taken = super::super::apply::find_unit(&self.w, &Unit::article(&to)).is_some();
        if to.is_empty() || to == canonical_label(label) || taken {
            return;
        }
        let from = self.label(o);
        let ins = Instruction {
            target: Target::convention(),
            op: Op::Renumber {
                from: vec![from.clone()],
                to: vec![to],
            },
        };
        if self.exec(&ins).is_ok() {
            self.changes.renumbered = true;
            self.early.push((
                formules::article_renumbering_heading(&from, self.noun),
                vec![ins],
            ));
        }
    }

    /// The nodes whose children a division insertion may change in the working copy: the root
    /// and every division (where the new one goes), and the parents of the old articles moved
    /// into it (`moved`), which leave their place. Saved, they let a refused insertion be
    /// undone whole ([`crate::edit::Snapshot::restore`]): the working copy must only ever hold
    /// what the act says.
    pub(super) fn skeleton(&self, moved: &[NodeId]) -> crate::edit::Snapshot {
        let w = &self.w;
        let mut ids = vec![w.root()];
        let mut stack: Vec<NodeId> = w.children(w.root()).to_vec();
        while let Some(id) = stack.pop() {
            if matches!(w.node(id).kind, NodeKind::Structure | NodeKind::Annexe) {
                ids.push(id);
                stack.extend(w.children(id).iter().copied());
            }
        }
        ids.extend(moved.iter().filter_map(|m| w.parent(*m)));
        ids.sort_unstable();
        ids.dedup();
        crate::edit::Snapshot::links(w, ids)
    }

    /// Runs `f`, whose edits stay inside the unit `id`, on the working copy; restores the unit
    /// when `f` fails (only the unit is saved: no copy of the whole convention per unit).
    pub(super) fn attempt(
        &mut self,
        id: NodeId,
        f: impl FnOnce(&mut Self) -> Result<Vec<Instruction>, String>,
    ) -> Result<Vec<Instruction>, String> {
        let saved = crate::edit::Snapshot::of(&self.w, id);
        let r = f(self);
        if r.is_err() {
            saved.restore(&mut self.w);
        }
        r
    }

    // ----- articles -----

    pub(super) fn modify_article(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        if same_article(&self.w, o, new, n) {
            return None;
        }
        let unit = self.article_unit(o);
        let forced = self.force.contains(&self.label(o));
        let fine = self.attempt(o, |d| {
            if forced {
                return Err("escalated".into());
            }
            let ins = d.article_fine(p, o, n, &unit)?;
            if same_article(&d.w, o, &d.cmp.new, n) {
                Ok(ins)
            } else {
                Err("mismatch".into())
            }
        });
        let ins = match fine {
            Ok(ins) => ins,
            Err(_) => self.article_rewrite(o, n, &unit),
        };
        match &unit {
            Unit::Article { label } => self.changes.modified_articles.push(label.clone()),
            Unit::TitledArticle { heading, .. } => self
                .changes
                .modified_articles
                .push(formules::titled(heading)),
            _ => {}
        }
        Some((formules::modification_heading_in(&unit, self.noun), ins))
    }

    /// The whole article quoted (or, when it holds sub-articles, all its own alinéas).
    pub(super) fn article_rewrite(
        &mut self,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Vec<Instruction> {
        let new = &self.cmp.new;
        let target = Target::unit(unit.clone());
        let mut out = Vec::new();
        // An old article with intertitles and no sub-article of its own is quoted whole (its
        // intertitles go with it), the new one's sub-articles inserted after it.
        let whole = !has_sub_articles(&self.w, o) && has_subdivisions(&self.w, o);
        if has_sub_articles(&self.w, o) || (has_sub_articles(new, n) && !whole) {
            if heading_key(self.w.node(o).heading.as_deref())
                != heading_key(new.node(n).heading.as_deref())
            {
                if let Some(h) = new.node(n).heading.clone() {
                    out.push(Instruction {
                        target: target.clone().with_heading(),
                        op: Op::RewriteHeading { heading: h },
                    });
                }
            }
            let count = self.w.alineas(o).len() as u32;
            let lines = unit_lines(new, n);
            let op = match (count, lines.is_empty()) {
                (0, true) => None,
                (0, false) => Some((
                    target.clone(),
                    Op::AddAlineas {
                        at: AlineaAt::Start,
                        alineas: lines,
                    },
                )),
                (c, true) => Some((
                    target.clone().with_alinea(Position::of(1, c)),
                    Op::DeleteAlineas { count: c },
                )),
                (c, false) => Some((
                    target.clone().with_alinea(Position::Nth(1)),
                    Op::RewriteAlineas {
                        count: c,
                        alineas: lines,
                    },
                )),
            };
            if let Some((target, op)) = op {
                out.push(Instruction { target, op });
            }
        } else if let Some(titled) = self.rewrite_with_intertitles(n, unit) {
            // Executed as drafted: the intertitles are placed on the rewritten article.
            return titled;
        } else {
            out.push(Instruction {
                target,
                op: Op::RewriteArticle {
                    heading: new.node(n).heading.clone(),
                    alineas: unit_lines(new, n),
                },
            });
        }
        for ins in &out {
            let _ = self.exec(ins);
        }
        out
    }

    /// The new article `n` rewritten whole when it has unnumbered intertitles (« ### Montants »),
    /// which a quotation cannot tell from alinéas: its alinéas quoted without them, then each
    /// intertitle inserted before the alinéa it opens, designated by its first words (« Avant
    /// l'alinéa de l'article 3 commençant par les mots : « Les montants », il est inséré un
    /// intertitre ainsi rédigé : « Montants » »). `None` when `n` has no such intertitle, holds
    /// other sub-divisions, or an alinéa opening an intertitle has no words of its own; the
    /// instructions are executed on the working copy.
    fn rewrite_with_intertitles(&mut self, n: NodeId, unit: &Unit) -> Option<Vec<Instruction>> {
        let new = &self.cmp.new;
        let leaves = leaves_through(new, n);
        let mut titles: Vec<(String, usize)> = Vec::new();
        let mut lines = Vec::new();
        for c in new.children(n) {
            let x = new.node(*c);
            match x.kind {
                NodeKind::Article => return None,
                NodeKind::Structure => {
                    // Unnumbered, holding alinéas only.
                    if x.label.is_some() || has_subdivisions(new, *c) || has_sub_articles(new, *c) {
                        return None;
                    }
                    let first = leaves_through(new, *c).first().copied()?;
                    let at = leaves.iter().position(|l| *l == first)?;
                    titles.push((x.heading.clone().filter(|h| !h.trim().is_empty())?, at));
                    lines.extend(unit_lines(new, *c));
                }
                NodeKind::Table => {
                    lines.extend(new.children(*c).iter().map(|r| leaf_line(new, *r)))
                }
                _ => lines.push(leaf_line(new, *c)),
            }
        }
        if titles.is_empty() || lines.len() != leaves.len() {
            return None;
        }
        let target = Target::unit(unit.clone());
        let rewrite = Instruction {
            target: target.clone(),
            op: Op::RewriteArticle {
                heading: new.node(n).heading.clone(),
                alineas: lines,
            },
        };
        // Each intertitle's alinéa named by words that open no other alinéa of the article.
        let texts: Vec<&str> = leaves.iter().map(|l| new.node(*l).text.as_str()).collect();
        let mut inserts = Vec::new();
        for (heading, at) in titles {
            let words = opening_words_among(&texts, at)?;
            inserts.push(Instruction {
                target: target.clone().with_alinea_starting(&words),
                op: Op::InsertIntertitle { heading },
            });
        }
        let out: Vec<Instruction> = std::iter::once(rewrite).chain(inserts).collect();
        for ins in &out {
            let _ = self.exec(ins);
        }
        Some(out)
    }

    /// Heading, then the alinéas one by one; `Err` when the article must be rewritten whole.
    pub(super) fn article_fine(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Result<Vec<Instruction>, String> {
        let new = &self.cmp.new;
        let mut out = Vec::new();
        if has_table(&self.w, o) || has_table(new, n) {
            let old_t: Vec<String> = content(&self.w, o)
                .into_iter()
                .filter(|l| l.starts_with("row") || l == "table")
                .collect();
            let new_t: Vec<String> = content(new, n)
                .into_iter()
                .filter(|l| l.starts_with("row") || l == "table")
                .collect();
            if old_t != new_t {
                return Err("table".into());
            }
        }
        let target = Target::unit(unit.clone());
        let mut renamed = None;
        if heading_key(self.w.node(o).heading.as_deref())
            != heading_key(new.node(n).heading.as_deref())
        {
            let Some(h) = new.node(n).heading.clone() else {
                return Err("heading removed".into());
            };
            let ins = Instruction {
                target: target.clone().with_heading(),
                op: Op::RewriteHeading { heading: h },
            };
            if matches!(unit, Unit::TitledArticle { .. }) {
                // An article named by its heading: the heading changes last, after the
                // instructions that still name it by the old one.
                renamed = Some(ins);
            } else {
                self.exec(&ins)?;
                out.push(ins);
            }
        }
        if has_subdivisions(&self.w, o) || has_subdivisions(new, n) {
            out.extend(self.subdivided_fine(o, n, unit)?);
        } else {
            out.extend(self.alineas_fine(p, o, n, unit, true)?);
        }
        if let Some(ins) = renamed {
            self.exec(&ins)?;
            out.push(ins);
        }
        Ok(out)
    }

    /// The alinéa-level instructions of a unit (article or préambule).
    pub(super) fn alineas_fine(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
        article: bool,
    ) -> Result<Vec<Instruction>, String> {
        let cmp = self.cmp;
        let old_leaves = cmp.old.alineas(o);
        let new_leaves = cmp.new.alineas(n);
        // Kept leaves: pairs of this unit's children with both sides here.
        let mut kept: Vec<(usize, usize, &PairDiff)> = Vec::new();
        for c in &p.children {
            let (Some(co), Some(cn)) = (c.old, c.new) else {
                continue;
            };
            let (Some(oi), Some(ni)) = (
                old_leaves.iter().position(|x| *x == co),
                new_leaves.iter().position(|x| *x == cn),
            ) else {
                continue;
            };
            if matches!(c.basis, Basis::Split | Basis::Merge) {
                if article {
                    return Err("split or merge".into());
                }
                continue;
            }
            if kept.iter().any(|k| k.0 == oi || k.1 == ni) {
                continue;
            }
            kept.push((oi, ni, c));
        }
        kept.sort_by_key(|k| k.1);
        if kept.windows(2).any(|w| w[0].0 >= w[1].0) {
            if article {
                return Err("reordered".into());
            }
            kept.retain(|k| !k.2.moved);
            kept.dedup_by(|b, a| b.0 <= a.0);
        }
        // Decide each kept leaf, and count what is touched.
        let mut touched = 0usize;
        let mut plan: Vec<(usize, usize, bool)> = Vec::new();
        for (oi, ni, c) in &kept {
            let (on, nn) = (cmp.old.node(old_leaves[*oi]), cmp.new.node(new_leaves[*ni]));
            let differs = text_key(&on.text) != text_key(&nn.text)
                || on.kind != nn.kind
                || on.label != nn.label
                || on.cells() != nn.cells() && on.kind == NodeKind::Row;
            if !differs {
                plan.push((*oi, *ni, false));
                continue;
            }
            let rewrite =
                on.kind != nn.kind || on.label != nn.label || self.too_many(&on.text, &nn.text);
            let plain = c
                .substantive()
                .any(|ch| value_type(ch).is_none() && ch.global.is_none());
            if rewrite || plain {
                touched += 1;
            }

            plan.push((*oi, *ni, true));
        }
        // Between two kept leaves, deleted and inserted ones replace each other: a replaced
        // alinéa is touched once.
        let (mut po, mut pn) = (0usize, 0usize);
        for (oi, ni) in plan
            .iter()
            .map(|k| (k.0, k.1))
            .chain(std::iter::once((old_leaves.len(), new_leaves.len())))
        {
            touched += oi.saturating_sub(po).max(ni.saturating_sub(pn));
            po = oi + 1;
            pn = ni + 1;
        }
        let total = old_leaves.len().max(new_leaves.len());
        if article && touched >= 2 && touched * 2 >= total {
            return Err("half of the article".into());
        }
        // Emit in order, positions on the text as it is being edited.
        let mut out = Vec::new();
        let mut at = 0usize; // leaves of the working unit already passed
        let mut prev_old = 0usize; // next old leaf not yet passed
        let mut prev_new = 0usize;
        let mut steps: Vec<(usize, usize, Option<bool>)> =
            plan.iter().map(|k| (k.0, k.1, Some(k.2))).collect();
        steps.push((old_leaves.len(), new_leaves.len(), None));
        for (oi, ni, keep) in steps {
            let deleted = oi.saturating_sub(prev_old);
            let inserted: Vec<String> = new_leaves[prev_new..ni]
                .iter()
                .map(|id| leaf_line(&cmp.new, *id))
                .collect();
            let target = Target::unit(unit.clone());
            let total_now = self.w.alineas(o).len();
            // One alinéa for one, unpaired because a whole phrase was added or removed.
            if deleted == 1 && inserted.len() == 1 {
                let wl = self.w.alineas(o).get(at).copied();
                let nl = new_leaves[prev_new];
                if let Some(wl) = wl.filter(|wl| {
                    let (a, b) = (self.w.node(*wl), cmp.new.node(nl));
                    a.kind == b.kind && a.label == b.label
                }) {
                    let t = self.single_scope(
                        o,
                        &target
                            .clone()
                            .with_alinea(Position::of(at as u32 + 1, total_now as u32)),
                    );
                    let (ot, nt) = (self.w.node(wl).text.clone(), cmp.new.node(nl).text.clone());
                    if let Some(ins) = self.phrase_added_or_deleted(wl, &ot, &nt, &t) {
                        out.extend(ins);
                        at += 1;
                        if let Some(differs) = keep {
                            at += 1;
                            if differs {
                                let leaf =
                                    self.w.alineas(o).get(at - 1).copied().ok_or("leaf lost")?;
                                out.extend(self.leaf(o, leaf, new_leaves[ni], unit, at)?);
                            }
                        }
                        prev_old = oi + 1;
                        prev_new = ni + 1;
                        continue;
                    }
                }
            }
            let gap = match (deleted, inserted.len()) {
                (0, 0) => None,
                (d, 0) => Some((
                    if d == 1 {
                        target.with_alinea(Position::of(at as u32 + 1, total_now as u32))
                    } else {
                        target.with_alinea(Position::Nth(at as u32 + 1))
                    },
                    Op::DeleteAlineas { count: d as u32 },
                )),
                (0, _) if total_now == 0 || at == total_now => (
                    target,
                    Op::AddAlineas {
                        at: AlineaAt::End,
                        alineas: inserted.clone(),
                    },
                )
                    .into(),
                (0, _) if at == 0 => (
                    target,
                    Op::AddAlineas {
                        at: AlineaAt::Start,
                        alineas: inserted.clone(),
                    },
                )
                    .into(),
                (0, _) => Some((
                    target.with_alinea(Position::of(at as u32, total_now as u32)),
                    Op::InsertAlineas {
                        alineas: inserted.clone(),
                    },
                )),
                (d, _) => Some((
                    if d == 1 {
                        target.with_alinea(Position::of(at as u32 + 1, total_now as u32))
                    } else {
                        target.with_alinea(Position::Nth(at as u32 + 1))
                    },
                    Op::RewriteAlineas {
                        count: d as u32,
                        alineas: inserted.clone(),
                    },
                )),
            };
            if let Some((target, op)) = gap {
                let ins = Instruction { target, op };
                self.exec(&ins)?;
                out.push(ins);
                at += inserted.len();
            }
            if let Some(differs) = keep {
                at += 1;
                if differs {
                    let leaf = self.w.alineas(o).get(at - 1).copied().ok_or("leaf lost")?;
                    out.extend(self.leaf(o, leaf, new_leaves[ni], unit, at)?);
                }
            }
            prev_old = oi + 1;
            prev_new = ni + 1;
        }
        Ok(out)
    }

    /// True when an alinéa's changes call for rewriting it (typed values not counted).
    pub(super) fn too_many(&self, old_text: &str, new_text: &str) -> bool {
        let changes = edits(old_text, new_text);
        let plain: Vec<&WordChange> = changes
            .iter()
            .filter(|ch| value_type(ch).is_none())
            .collect();
        let words: usize = plain
            .iter()
            .map(|ch| word_count(&ch.old).max(word_count(&ch.new)))
            .sum();
        plain.len() > self.opts.max_edits_per_alinea
            || words as f64 > self.opts.rewrite_threshold * word_count(old_text).max(1) as f64
    }

    /// Instructions turning one working leaf into the new one: words, a phrase, or the alinéa.
    pub(super) fn leaf(
        &mut self,
        unit_id: NodeId,
        leaf: NodeId,
        new_leaf: NodeId,
        unit: &Unit,
        at: usize,
    ) -> Result<Vec<Instruction>, String> {
        let new = &self.cmp.new;
        let (wn, nn) = (self.w.node(leaf).clone(), new.node(new_leaf));
        let total = self.w.alineas(unit_id).len() as u32;
        let target = Target::unit(unit.clone()).with_alinea(Position::of(at as u32, total));
        let whole = wn.kind != nn.kind || wn.label != nn.label || self.too_many(&wn.text, &nn.text);
        if wn.kind == nn.kind && wn.label == nn.label {
            let scope = self.single_scope(unit_id, &target);
            if let Some(ins) = self.phrase_added_or_deleted(leaf, &wn.text, &nn.text, &scope) {
                return Ok(ins);
            }
        }
        if !whole {
            let r = self.attempt(unit_id, |d| d.words(unit_id, leaf, new_leaf, unit, &target));
            if let Ok(ins) = r {
                return Ok(ins);
            }
        }
        // One phrase changed among several: rewrite that phrase.
        let (ot, nt) = (wn.text.clone(), nn.text.clone());
        let (op_, np_) = (phrases(&ot), phrases(&nt));
        if wn.kind == nn.kind && wn.label == nn.label && op_.len() == np_.len() && op_.len() > 1 {
            let differing: Vec<usize> = (0..op_.len())
                .filter(|i| {
                    text_key(&ot[op_[*i].0..op_[*i].1]) != text_key(&nt[np_[*i].0..np_[*i].1])
                })
                .collect();
            if let [k] = differing.as_slice() {
                let ins = Instruction {
                    target: target
                        .clone()
                        .with_phrase(Position::of(*k as u32 + 1, op_.len() as u32)),
                    op: Op::RewritePhrase {
                        text: nt[np_[*k].0..np_[*k].1].to_string(),
                    },
                };
                let r = self.attempt(unit_id, |d| {
                    d.exec(&ins)?;
                    if text_key(&d.w.node(leaf).text) == text_key(&nt) {
                        Ok(vec![ins.clone()])
                    } else {
                        Err("phrase".into())
                    }
                });
                if let Ok(ins) = r {
                    return Ok(ins);
                }
            }
        }
        let ins = Instruction {
            target,
            op: Op::RewriteAlineas {
                count: 1,
                alineas: vec![leaf_line(new, new_leaf)],
            },
        };
        self.exec(&ins)?;
        Ok(vec![ins])
    }

    /// One whole phrase appended, inserted or deleted, the others unchanged: « … est complété
    /// par une phrase ainsi rédigée : », « Après la première phrase …, est insérée une phrase
    /// … », « La dernière phrase … est supprimée. »; `None` when the change is not that, or
    /// when executing it does not give the new text.
    pub(super) fn phrase_added_or_deleted(
        &mut self,
        leaf: NodeId,
        ot: &str,
        nt: &str,
        target: &Target,
    ) -> Option<Vec<Instruction>> {
        let (op_, np_) = (phrases(ot), phrases(nt));
        let keys = |t: &str, r: &[(usize, usize)]| -> Vec<String> {
            r.iter().map(|(a, b)| text_key(&t[*a..*b])).collect()
        };
        let (ok, nk) = (keys(ot, &op_), keys(nt, &np_));
        let ins = if nk.len() == ok.len() + 1 && !ok.is_empty() {
            // The one new phrase: where the lists stop agreeing.
            let k = (0..ok.len()).find(|i| ok[*i] != nk[*i]).unwrap_or(ok.len());
            if ok[k..] != nk[k + 1..] {
                return None;
            }
            let text = nt[np_[k].0..np_[k].1].trim().to_string();
            if k == ok.len() {
                Instruction {
                    target: target.clone(),
                    op: Op::AddPhrase { text },
                }
            } else if k == 0 {
                return None;
            } else {
                Instruction {
                    target: target
                        .clone()
                        .with_phrase(Position::of(k as u32, ok.len() as u32)),
                    op: Op::InsertPhrase { text },
                }
            }
        } else if ok.len() == nk.len() + 1 && !nk.is_empty() {
            let k = (0..nk.len()).find(|i| ok[*i] != nk[*i]).unwrap_or(nk.len());
            if ok[k + 1..] != nk[k..] {
                return None;
            }
            Instruction {
                target: target
                    .clone()
                    .with_phrase(Position::of(k as u32 + 1, ok.len() as u32)),
                op: Op::DeletePhrase,
            }
        } else {
            return None;
        };
        let want = text_key(nt);
        self.attempt(leaf, |d| {
            d.exec(&ins)?;
            if text_key(&d.w.node(leaf).text) == want {
                Ok(vec![ins.clone()])
            } else {
                Err("phrase".into())
            }
        })
        .ok()
    }

    /// Word-level instructions, one change at a time, re-diffing the edited text each time.
    pub(super) fn words(
        &mut self,
        unit_id: NodeId,
        leaf: NodeId,
        new_leaf: NodeId,
        unit: &Unit,
        target: &Target,
    ) -> Result<Vec<Instruction>, String> {
        let new_text = self.cmp.new.node(new_leaf).text.clone();
        let original = self.w.node(leaf).text.clone();
        let mut out = Vec::new();
        let limit = 2 * diff_texts(&original, &new_text, Field::Text).len() + 2;
        for _ in 0..limit {
            let text = self.w.node(leaf).text.clone();
            if text_key(&text) == text_key(&new_text) {
                return Ok(out);
            }
            let changes = edits(&text, &new_text);
            // A footnote call moved or renumbered: deleted or replaced first, while it is
            // still the only one.
            let Some(ch) = changes
                .iter()
                .find(|c| formules::is_note_call(c.old.trim()))
                .or(changes.first())
            else {
                return Ok(out);
            };
            let ins = self.word_instruction(unit_id, leaf, unit, target, &text, ch)?;
            // Each instruction quotes words the convention holds: words left by the one
            // before (« paran » after « 1 000 €/ » → « 1 200 € par ») are in neither version,
            // and the phrase or the alinéa is rewritten instead (blind4 finding 1).
            if quoted_words(&ins.op).any(|w| !original.contains(w)) {
                return Err("words quoted from an edited text".into());
            }
            self.exec(&ins)?;
            out.push(ins);
        }
        if text_key(&self.w.node(leaf).text) == text_key(&new_text) {
            Ok(out)
        } else {
            Err("words".into())
        }
    }

    /// Texts searched when the target is the unit itself (as `apply` searches them).
    pub(super) fn unit_texts(&self, unit_id: NodeId) -> Vec<(NodeId, String)> {
        let mut out = Vec::new();
        for id in self.w.descendants(unit_id) {
            let n = self.w.node(id);
            if n.kind == NodeKind::Row {
                out.extend(n.cells().iter().map(|c| (id, c.clone())));
            } else if n.kind.is_alinea_like() {
                out.push((id, n.text.clone()));
            }
        }
        out
    }

    /// The target words are unique in: the unit (when it has a single alinéa), the alinéa, or
    /// the phrase; `None` when they are not unique in any.
    pub(super) fn scope_for(
        &self,
        unit_id: NodeId,
        leaf: NodeId,
        target: &Target,
        text: &str,
        words: &str,
        pos: usize,
    ) -> Option<Target> {
        let mine = occurrences(text, words);
        if !mine.contains(&pos) {
            return None;
        }
        if target.alinea.is_none() {
            // The unit itself (an alinéa under an intertitle): unique in all of it.
            return (mine.len() == 1 && self.unique_in_unit(unit_id, words))
                .then(|| target.clone());
        }
        if mine.len() == 1 {
            if self.w.alineas(unit_id).len() == 1 {
                let all: usize = self
                    .unit_texts(unit_id)
                    .iter()
                    .map(|(_, t)| occurrences(t, words).len())
                    .sum();
                if all == 1 {
                    return Some(Target::unit(target.unit.clone()));
                }
            }
            return Some(target.clone());
        }
        let ph = phrases(text);
        if ph.len() > 1 {
            let k = ph
                .iter()
                .position(|r| r.0 <= pos && pos < r.1.max(r.0 + 1))?;
            let (s, e) = ph[k];
            if pos + words.len() <= e {
                let inside = occurrences(&text[s..e], words);
                if inside.len() == 1 {
                    let _ = leaf;
                    return Some(
                        target
                            .clone()
                            .with_phrase(Position::of(k as u32 + 1, ph.len() as u32)),
                    );
                }
            }
        }
        None
    }

    pub(super) fn word_instruction(
        &self,
        unit_id: NodeId,
        leaf: NodeId,
        unit: &Unit,
        target: &Target,
        text: &str,
        ch: &WordChange,
    ) -> Result<Instruction, String> {
        let _ = unit;
        // The old words without the spaces around them (a merged edit may start at a space).
        let (mut s, mut e) = (
            ch.old_range.start.min(text.len()),
            ch.old_range.end.min(text.len()),
        );
        while s < e && text[s..].starts_with(char::is_whitespace) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
        while e > s && text[..e].ends_with(char::is_whitespace) {
            e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
        }
        let tag = if s == e { ChangeTag::Insert } else { ch.tag };
        let ch = &WordChange {
            tag,
            new: ch.new.trim().to_string(),
            ..ch.clone()
        };
        // A lone punctuation mark is never quoted (« complété par le mot : « . » »): the
        // phrase or alinéa holding it is rewritten instead.
        if !text[s..e].chars().any(char::is_alphanumeric)
            && !ch.new.chars().any(char::is_alphanumeric)
        {
            return Err("punctuation only".into());
        }
        match ch.tag {
            ChangeTag::Insert => {
                let edge = text[..s].trim().is_empty()
                    || text[s..]
                        .chars()
                        .all(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '…' | ' '));
                if edge && target.alinea.is_none() {
                    // « Au début de l'article » is not the start of an alinéa under an
                    // intertitle.
                    return Err("start or end of an alinéa without its place".into());
                }
                if text[..s].trim().is_empty() {
                    return Ok(Instruction {
                        target: self.single_scope(unit_id, target),
                        op: Op::AddWordsAtStart {
                            words: ch.new.trim().to_string(),
                        },
                    });
                }
                if text[s..]
                    .chars()
                    .all(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '…' | ' '))
                {
                    return Ok(Instruction {
                        target: self.single_scope(unit_id, target),
                        op: Op::AddWordsAtEnd {
                            words: ch.new.trim().to_string(),
                        },
                    });
                }
                // After the words before, widened to the left until unique.
                let mut a = chunk_start(text, s);
                loop {
                    let anchor = text[a..s].trim();
                    if !anchor.is_empty() {
                        let pos = a + (text[a..s].len() - text[a..s].trim_start().len());
                        if let Some(t) = self.scope_for(unit_id, leaf, target, text, anchor, pos) {
                            return Ok(Instruction {
                                target: t,
                                op: Op::InsertWords {
                                    anchor: Anchor::After(anchor.to_string()),
                                    words: ch.new.trim().to_string(),
                                },
                            });
                        }
                    }
                    if a == 0 {
                        return Err("anchor".into());
                    }
                    a = chunk_start(text, a);
                }
            }
            ChangeTag::Delete | ChangeTag::Replace => {
                let old = &text[s..e];
                let vt = value_type(ch);
                if let Some(t) = self.scope_for(unit_id, leaf, target, text, old, s) {
                    let op = if ch.tag == ChangeTag::Delete {
                        Op::DeleteWords {
                            words: old.to_string(),
                            to_end: false,
                        }
                    } else {
                        Op::ReplaceWords {
                            old: old.to_string(),
                            new: ch.new.clone(),
                            value_type: vt,
                        }
                    };
                    return Ok(Instruction { target: t, op });
                }
                // Widen word by word, alternately right and left, within the alinéa.
                let (mut a, mut b) = (s, e);
                let mut right = true;
                loop {
                    if a == 0 && b >= text.len() {
                        return Err("not unique".into());
                    }
                    if (right && b < text.len()) || a == 0 {
                        b = chunk_end(text, b);
                    } else {
                        a = chunk_start(text, a);
                    }
                    right = !right;
                    let quoted = &text[a..b];
                    if occurrences(text, quoted) == [a]
                        && (target.alinea.is_some() || self.unique_in_unit(unit_id, quoted))
                    {
                        let new_words =
                            collapse(&format!("{}{}{}", &text[a..s], ch.new, &text[e..b]));
                        if new_words.is_empty() {
                            return Ok(Instruction {
                                target: target.clone(),
                                op: Op::DeleteWords {
                                    words: quoted.to_string(),
                                    to_end: false,
                                },
                            });
                        }
                        return Ok(Instruction {
                            target: target.clone(),
                            op: Op::ReplaceWords {
                                old: quoted.to_string(),
                                new: new_words,
                                value_type: None,
                            },
                        });
                    }
                }
            }
        }
    }

    /// The unit itself when it has a single alinéa (« À l'article 7 »), else the alinéa.
    pub(super) fn single_scope(&self, unit_id: NodeId, target: &Target) -> Target {
        if self.w.alineas(unit_id).len() == 1 && !has_sub_articles(&self.w, unit_id) {
            Target::unit(target.unit.clone())
        } else {
            target.clone()
        }
    }
}

/// The words of the amended text an instruction quotes (replaced, deleted, or its anchor).
fn quoted_words(op: &Op) -> impl Iterator<Item = &str> {
    let w = match op {
        Op::ReplaceWords { old, .. } => Some(old.as_str()),
        Op::DeleteWords { words, .. } => Some(words.as_str()),
        Op::InsertWords {
            anchor: Anchor::After(a) | Anchor::Before(a),
            ..
        } => Some(a.as_str()),
        _ => None,
    };
    w.into_iter()
}
