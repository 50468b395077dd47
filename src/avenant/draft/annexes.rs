//! The drafter of annexes and of the préambule.

use super::*;

impl<'a> Drafter<'a> {
    pub(super) fn annex(
        &mut self,
        o: Option<NodeId>,
        n: Option<NodeId>,
    ) -> Option<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        match (o, n) {
            (Some(o), Some(n)) => {
                if same_unit(&self.w, o, new, n) {
                    return None;
                }
                let label = self.w.node(o).label.clone();
                let unit = Unit::annex(label.as_deref());
                let full = Instruction {
                    target: Target::unit(unit.clone()),
                    op: Op::RewriteAnnex {
                        heading: new.node(n).heading.clone(),
                        blocks: unit_lines(new, n),
                    },
                };
                // The rows and alinéas that changed, one by one, when they are at most half
                // of the annex's lines (« 1° La deuxième ligne du tableau est ainsi
                // rédigée : »); else, or when the annex changed shape, the annex in full.
                let lines = unit_lines(new, n).len();
                let parts = self.attempt(o, |d| {
                    let ins = d.annex_parts(o, n, &unit)?;
                    if ins.len() * 2 <= lines && same_unit(&d.w, o, &d.cmp.new, n) {
                        Ok(ins)
                    } else {
                        Err("annex parts".into())
                    }
                });
                let ins = match parts {
                    Ok(ins) => ins,
                    Err(_) => {
                        self.exec(&full).ok()?;
                        vec![full]
                    }
                };
                self.changes
                    .modified_annexes
                    .push(label.unwrap_or_default());
                Some((formules::modification_heading_in(&unit, self.noun), ins))
            }
            (Some(o), None) => {
                let label = self.w.node(o).label.clone();
                let unit = Unit::annex(label.as_deref());
                let ins = Instruction {
                    target: Target::unit(unit.clone()),
                    op: Op::DeleteAnnex,
                };
                self.exec(&ins).ok()?;
                self.changes.deleted_annexes.push(label.unwrap_or_default());
                Some((formules::deletion_heading_in(&unit, self.noun), vec![ins]))
            }
            (None, Some(n)) => {
                let mut label = new.node(n).label.clone();
                let (target, before) = self.annex_place(n);
                // Its number taken in the working copy (old numbers kept, without
                // `renumber`): « 2 bis », « 2 ter » after an annex, « 1 A », « 1 B » before
                // the first one.
                if let Some(l) = label.clone() {
                    let taken = |x: &str| {
                        super::super::apply::find_unit(&self.w, &Unit::annex(Some(x))).is_some()
                    };
                    // After an annex itself numbered « 1 A » (placed before annex 1), the
                    // next letter of the same number: « 1 B ».
                    let lettered = match &target.unit {
                        Unit::Annex { label: Some(t) } if !before => t
                            .rsplit_once(' ')
                            .filter(|(_, x)| {
                                x.len() == 1 && x.chars().all(|c| c.is_ascii_uppercase())
                            })
                            .map(|(base, _)| base.to_string()),
                        _ => None,
                    };
                    if let Some(base) = lettered {
                        label = ('B'..='Z')
                            .map(|c| format!("{base} {c}"))
                            .find(|x| !taken(x));
                    } else if taken(&l) {
                        let suffixes: &[&str] = if before {
                            &["A", "B", "C"]
                        } else {
                            &["bis", "ter", "quater"]
                        };
                        label = suffixes
                            .iter()
                            .map(|s| format!("{l} {s}"))
                            .find(|x| !taken(x));
                    }
                }
                let (heading, blocks) = (new.node(n).heading.clone(), unit_lines(new, n));
                let ins = Instruction {
                    target,
                    op: if before {
                        Op::InsertAnnexBefore {
                            label: label.clone(),
                            heading,
                            blocks,
                        }
                    } else {
                        Op::AddAnnex {
                            label: label.clone(),
                            heading,
                            blocks,
                        }
                    },
                };
                self.exec(&ins).ok()?;
                // The number it took here (« 2 bis »): where the next new annex goes after it.
                if let Some(l) = &label {
                    self.inserted_labels.insert(n, l.clone());
                }
                self.changes
                    .added_annexes
                    .push(label.clone().unwrap_or_default());
                Some((
                    formules::annex_addition_heading(label.as_deref(), self.noun),
                    vec![ins],
                ))
            }
            (None, None) => None,
        }
    }

    /// Where a new annex goes, and whether before its target: after the annex preceding it
    /// in the new version when that one is not the last of the working copy (« Après
    /// l'annexe 1, il est inséré une annexe 2 »); before the working copy's annex that
    /// follows it when it comes first in the new version (« Avant l'annexe 1, il est inséré
    /// une annexe 1 A »); else at the end (« La convention est complétée par une annexe 3 »).
    fn annex_place(&self, n: NodeId) -> (Target, bool) {
        let new = &self.cmp.new;
        let annexes: Vec<NodeId> = new
            .descendants(new.root())
            .into_iter()
            .filter(|id| new.node(*id).kind == NodeKind::Annexe)
            .collect();
        let i = annexes.iter().position(|a| *a == n).unwrap_or(0);
        let working: Vec<NodeId> = self
            .w
            .descendants(self.w.root())
            .into_iter()
            .filter(|id| self.w.node(*id).kind == NodeKind::Annexe)
            .collect();
        // A new-version annex in the working copy: kept from the old version, added by this
        // act under the number it took there (« 2 bis »), or else found by its new number.
        // `by_label`: an annex of the new version alone found by its new number too.
        let in_w = |a: NodeId, by_label: bool| match self.cmp.alignment.old_of(a) {
            Some(o) if working.contains(&o) => Some(o),
            _ => {
                let l = self
                    .inserted_labels
                    .get(&a)
                    .cloned()
                    .or_else(|| by_label.then(|| new.node(a).label.clone()).flatten());
                l.as_ref()?;
                working.iter().copied().find(|w| self.w.node(*w).label == l)
            }
        };
        let Some(prev) = i.checked_sub(1).map(|j| annexes[j]) else {
            // First in the new version: before the first of the following annexes that the
            // working copy holds (kept, or inserted already), when that one is its first.
            let next = annexes[i + 1..].iter().find_map(|a| in_w(*a, false));
            return match next {
                Some(w) if working.first() == Some(&w) && self.w.node(w).label.is_some() => (
                    Target::unit(Unit::annex(self.w.node(w).label.as_deref())),
                    true,
                ),
                _ => (Target::convention(), false),
            };
        };
        match in_w(prev, true) {
            Some(w) if working.last() != Some(&w) && self.w.node(w).label.is_some() => (
                Target::unit(Unit::annex(self.w.node(w).label.as_deref())),
                false,
            ),
            _ => (Target::convention(), false),
        }
    }

    /// The changed rows and alinéas of an annex of unchanged structure, each rewritten.
    pub(super) fn annex_parts(
        &mut self,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Result<Vec<Instruction>, String> {
        let new = &self.cmp.new;
        let (oc, nc) = (self.w.children(o).to_vec(), new.children(n).to_vec());
        if oc.len() != nc.len()
            || heading_key(self.w.node(o).heading.as_deref())
                != heading_key(new.node(n).heading.as_deref())
        {
            return Err("structure".into());
        }
        let leaves = self.w.alineas(o);
        let mut out = Vec::new();
        let mut tables = 0;
        for (a, b) in oc.iter().zip(&nc) {
            let (an, bn) = (self.w.node(*a).clone(), new.node(*b));
            if an.kind != bn.kind {
                return Err("structure".into());
            }
            if an.kind == NodeKind::Table {
                tables += 1;
                let (ra, rb) = (self.w.children(*a).to_vec(), new.children(*b).to_vec());
                if ra.len() != rb.len() || tables > 1 {
                    return Err("rows".into());
                }
                for (i, (x, y)) in ra.iter().zip(&rb).enumerate() {
                    let cx: Vec<String> = self
                        .w
                        .node(*x)
                        .cells()
                        .iter()
                        .map(|c| text_key(c))
                        .collect();
                    let cy: Vec<String> =
                        new.node(*y).cells().iter().map(|c| text_key(c)).collect();
                    if cx != cy {
                        let ins = Instruction {
                            target: Target::unit(unit.clone())
                                .with_row(Position::of(i as u32 + 1, ra.len() as u32)),
                            op: Op::RewriteAlineas {
                                count: 1,
                                alineas: vec![leaf_line(new, *y)],
                            },
                        };
                        self.exec(&ins)?;
                        out.push(ins);
                    }
                }
            } else if an.kind.is_alinea_like()
                && (text_key(&an.text) != text_key(&bn.text)
                    || an.label != bn.label
                    || an.level != bn.level)
            {
                let k = leaves.iter().position(|l| l == a).ok_or("leaf")?;
                let ins = Instruction {
                    target: Target::unit(unit.clone())
                        .with_alinea(Position::of(k as u32 + 1, leaves.len() as u32)),
                    op: Op::RewriteAlineas {
                        count: 1,
                        alineas: vec![leaf_line(new, *b)],
                    },
                };
                self.exec(&ins)?;
                out.push(ins);
            }
        }
        Ok(out)
    }

    pub(super) fn preambule(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        let unit = Unit::Preambule;
        let ins = self.amend_alineas(p, o, n, &unit, true)?;
        self.changes.preambule = true;
        Some((formules::modification_heading_in(&unit, self.noun), ins))
    }

    /// A préambule where the old version has none: « Avant l'article 1er de la convention, il
    /// est inséré un préambule ainsi rédigé : », placed before the top-level unit holding the
    /// first article (that article, or the division it opens: « Avant le titre Ier … »).
    pub(super) fn insert_preambule(&mut self, n: NodeId) -> Option<(String, Vec<Instruction>)> {
        let w = &self.w;
        let first = w
            .descendants(w.root())
            .into_iter()
            .find(|id| w.node(*id).kind == NodeKind::Article)?;
        let mut top = first;
        while let Some(p) = w.parent(top).filter(|p| *p != w.root()) {
            top = p;
        }
        let unit = if w.node(top).kind == NodeKind::Structure {
            super::blocks::division_unit(w, top)?
        } else {
            Unit::article(w.node(first).label.as_deref()?)
        };
        // Its heading line (« Préambule »), when it has one, quoted first.
        let new = &self.cmp.new;
        let alineas = new
            .node(n)
            .heading
            .as_ref()
            .map(|_| new.node(n).text.trim().to_string())
            .into_iter()
            .chain(unit_lines(new, n))
            .collect();
        let ins = Instruction {
            target: Target::unit(unit),
            op: Op::InsertPreambule { alineas },
        };
        self.exec(&ins).ok()?;
        self.changes.inserted_preambule = true;
        Some((formules::preambule_insertion_heading(self.noun), vec![ins]))
    }

    /// The changed alinéas of a block without articles of its own (préambule, body of a
    /// document without articles), finest first (words, phrases, alinéas, rows), else all
    /// rewritten at once; `None` when nothing changed. `as_article`: passed to
    /// `alineas_fine` (whether many changed alinéas make the whole block rewritten).
    pub(super) fn amend_alineas(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
        as_article: bool,
    ) -> Option<Vec<Instruction>> {
        if content(&self.w, o) == content(&self.cmp.new, n) {
            return None;
        }
        let fine = self.attempt(o, |d| {
            let mut ins = d.alineas_fine(p, o, n, unit, as_article)?;
            ins.extend(d.tables_appended(o, n, unit)?);
            if content(&d.w, o) == content(&d.cmp.new, n) {
                Ok(ins)
            } else {
                Err("mismatch".into())
            }
        });
        Some(match fine {
            Ok(ins) => ins,
            Err(_) => self.article_rewrite_alineas(o, n, unit),
        })
    }

    /// The tables the new version adds after the unit's last alinéa (which the alinéa-level
    /// pass does not see: a table is no alinéa), each appended whole, « … est complété par un
    /// tableau ainsi rédigé : »; none when the unit already ends as the new one does.
    fn tables_appended(
        &mut self,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Result<Vec<Instruction>, String> {
        let is_table = |doc: &Document, id: &NodeId| doc.node(*id).kind == NodeKind::Table;
        let new = &self.cmp.new;
        let trailing = |doc: &Document, id: NodeId| {
            doc.children(id)
                .iter()
                .rev()
                .take_while(|c| is_table(doc, c))
                .count()
        };
        let (tw, tn) = (trailing(&self.w, o), trailing(new, n));
        // Only tables added at the end of a unit whose earlier tables are all kept.
        let tables_w = self
            .w
            .children(o)
            .iter()
            .filter(|c| is_table(&self.w, c))
            .count();
        let tables_n = new.children(n).iter().filter(|c| is_table(new, c)).count();
        if tn <= tw || tables_n - tn != tables_w - tw {
            return Ok(Vec::new());
        }
        let children = new.children(n);
        let mut out = Vec::new();
        for t in &children[children.len() - (tn - tw)..] {
            let rows: Vec<String> = new
                .children(*t)
                .iter()
                .map(|r| leaf_line(new, *r))
                .collect();
            if rows.is_empty() {
                continue;
            }
            let ins = Instruction {
                target: Target::unit(unit.clone()),
                op: Op::AddAlineas {
                    at: AlineaAt::End,
                    alineas: rows,
                },
            };
            self.exec(&ins)?;
            out.push(ins);
        }
        Ok(out)
    }

    /// All the alinéas of a unit rewritten at once.
    pub(super) fn article_rewrite_alineas(
        &mut self,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Vec<Instruction> {
        let count = self.w.alineas(o).len() as u32;
        let lines = unit_lines(&self.cmp.new, n);
        let target = Target::unit(unit.clone());
        let ins = if count == 0 {
            Instruction {
                target,
                op: Op::AddAlineas {
                    at: AlineaAt::End,
                    alineas: lines,
                },
            }
        } else {
            Instruction {
                target: target.with_alinea(Position::Nth(1)),
                op: Op::RewriteAlineas {
                    count,
                    alineas: lines,
                },
            }
        };
        let _ = self.exec(&ins);
        vec![ins]
    }
}
