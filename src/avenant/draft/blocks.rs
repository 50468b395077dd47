//! Drafting the parts of the convention outside its articles: the title with its sub-lines
//! (« L'intitulé de la convention est ainsi rédigé »), each party's designation, the visas and the signature block.

use super::*;

/// The first node of a kind in document order.
fn first_of(doc: &Document, kind: NodeKind) -> Option<NodeId> {
    doc.descendants(doc.root())
        .into_iter()
        .find(|id| doc.node(*id).kind == kind)
}

fn all_of(doc: &Document, kind: NodeKind) -> Vec<NodeId> {
    doc.descendants(doc.root())
        .into_iter()
        .filter(|id| doc.node(*id).kind == kind)
        .collect()
}

/// The pair of the comparison joining `o` and `n`, anywhere in the tree.
fn find_pair(pairs: &[PairDiff], o: NodeId, n: NodeId) -> Option<&PairDiff> {
    pairs.iter().find_map(|p| {
        if p.old == Some(o) && p.new == Some(n) {
            Some(p)
        } else {
            find_pair(&p.children, o, n)
        }
    })
}

impl Drafter<'_> {
    /// The title, the parties and the visas, in this order (they come before the articles).
    pub(super) fn blocks_before(&mut self) -> Vec<(String, Vec<Instruction>)> {
        let cmp = self.cmp;
        let mut out = Vec::new();
        if let (Some(o), Some(n)) = (
            first_of(&cmp.old, NodeKind::Titre),
            first_of(&cmp.new, NodeKind::Titre),
        ) {
            let (ot, nt) = (&cmp.old.node(o).text, &cmp.new.node(n).text);
            // The title's own lines under it (sub-title, references, « conclue entre … »).
            let sub_lines_changed = content(&self.w, o) != content(&cmp.new, n);
            if text_key(ot) != text_key(nt) || sub_lines_changed {
                let ins = if sub_lines_changed {
                    // « L'intitulé de la convention est ainsi rédigé : » and every line of it.
                    let mut lines = vec![nt.trim().to_string()];
                    lines.extend(unit_lines(&cmp.new, n));
                    Instruction {
                        target: Target::convention().with_heading(),
                        op: Op::RewriteBlock { lines },
                    }
                } else {
                    Instruction {
                        target: Target::convention().with_heading(),
                        op: Op::RewriteHeading {
                            heading: nt.trim().to_string(),
                        },
                    }
                };
                if self.exec(&ins).is_ok() {
                    self.changes.blocks.push(formules::block_in_objet(None));
                    out.push((formules::title_heading(self.noun), vec![ins]));
                }
            }
        }
        if let (Some(o), Some(n)) = (
            first_of(&cmp.old, NodeKind::Parties),
            first_of(&cmp.new, NodeKind::Parties),
        ) {
            out.extend(self.block(Unit::Parties, o, n));
        }
        let (old_parties, new_parties) = (
            all_of(&cmp.old, NodeKind::Partie),
            all_of(&cmp.new, NodeKind::Partie),
        );
        if old_parties.len() == new_parties.len() {
            for (i, (o, n)) in old_parties.into_iter().zip(new_parties).enumerate() {
                out.extend(self.block(Unit::Party { rank: i as u32 + 1 }, o, n));
            }
        }
        if let (Some(o), Some(n)) = (
            first_of(&cmp.old, NodeKind::Visas),
            first_of(&cmp.new, NodeKind::Visas),
        ) {
            out.extend(self.block(Unit::Visas, o, n));
        } else if first_of(&cmp.old, NodeKind::Visas).is_some() {
            out.extend(self.delete_block(Unit::Visas));
        }
        out
    }

    /// The signature block (it comes after the articles and annexes).
    pub(super) fn blocks_after(&mut self) -> Vec<(String, Vec<Instruction>)> {
        let cmp = self.cmp;
        match (
            first_of(&cmp.old, NodeKind::Signatures),
            first_of(&cmp.new, NodeKind::Signatures),
        ) {
            (Some(o), Some(n)) => self.block(Unit::Signatures, o, n).into_iter().collect(),
            (Some(_), None) => self.delete_block(Unit::Signatures).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// The footnotes, by number: a changed note rewritten (« La note de bas de page n° 2 de la
    /// convention est ainsi rédigée : »), a note gone deleted, a new one added.
    pub(super) fn notes(&mut self) -> Vec<(String, Vec<Instruction>)> {
        let cmp = self.cmp;
        let labelled = |doc: &Document| -> Vec<(String, NodeId)> {
            all_of(doc, NodeKind::Note)
                .into_iter()
                .filter_map(|id| Some((doc.node(id).label.clone()?, id)))
                .collect()
        };
        let (old, new) = (labelled(&cmp.old), labelled(&cmp.new));
        let mut out = Vec::new();
        for (label, o) in &old {
            let unit = Unit::Note {
                label: label.clone(),
            };
            let kept = new.iter().any(|(l, _)| l == label);
            let (ins, heading) = match new.iter().find(|(l, _)| l == label) {
                Some((_, n)) => {
                    let text = cmp.new.node(*n).text.clone();
                    if text_key(&cmp.old.node(*o).text) == text_key(&text) {
                        continue;
                    }
                    (
                        Instruction {
                            target: Target::unit(unit.clone()),
                            op: Op::RewriteBlock { lines: vec![text] },
                        },
                        formules::modification_heading_in(&unit, self.noun),
                    )
                }
                None => (
                    Instruction {
                        target: Target::unit(unit.clone()),
                        op: Op::DeleteBlock,
                    },
                    formules::deletion_heading_in(&unit, self.noun),
                ),
            };
            if self.exec(&ins).is_ok() {
                if kept {
                    self.changes
                        .blocks
                        .push(formules::block_in_objet(Some(&unit)));
                } else {
                    self.changes.deleted_notes.push(label.clone());
                }
                out.push((heading, vec![ins]));
            }
        }
        for (label, n) in &new {
            if old.iter().any(|(l, _)| l == label) {
                continue;
            }
            let ins = Instruction {
                target: Target::convention(),
                op: Op::AddNote {
                    label: label.clone(),
                    text: cmp.new.node(*n).text.clone(),
                },
            };
            if self.exec(&ins).is_ok() {
                self.changes.added_notes.push(label.clone());
                out.push((formules::note_addition_heading(label, self.noun), vec![ins]));
            }
        }
        out
    }

    /// « L'intitulé du titre II est ainsi rédigé : « … ». » when a division keeps its label
    /// and changes its heading.
    pub(super) fn division_heading(
        &mut self,
        o: NodeId,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        let (on, nn) = (self.w.node(o), self.cmp.new.node(n));
        let label = on.label.clone()?;
        let heading = nn.heading.clone()?;
        if heading_key(on.heading.as_deref()) == heading_key(Some(&heading))
            || nn.label.as_deref().map(str::to_lowercase) != Some(label.to_lowercase())
        {
            return None;
        }
        let unit = division_unit(&self.w, o)?;
        let ins = Instruction {
            target: Target::unit(unit.clone()).with_heading(),
            op: Op::RewriteHeading { heading },
        };
        self.exec(&ins).ok()?;
        self.changes
            .blocks
            .push(formules::block_in_objet(Some(&unit)));
        Some((
            formules::modification_heading_in(&unit, self.noun),
            vec![ins],
        ))
    }

    /// « Les visas de la convention sont supprimés. »
    fn delete_block(&mut self, unit: Unit) -> Option<(String, Vec<Instruction>)> {
        let ins = Instruction {
            target: Target::unit(unit.clone()),
            op: Op::DeleteBlock,
        };
        self.exec(&ins).ok()?;
        self.changes
            .blocks
            .push(formules::block_in_objet(Some(&unit)));
        Some((formules::deletion_heading_in(&unit, self.noun), vec![ins]))
    }

    /// A block amended alinéa by alinéa (as the préambule), or rewritten whole when that does
    /// not give the new text back.
    fn block(&mut self, unit: Unit, o: NodeId, n: NodeId) -> Option<(String, Vec<Instruction>)> {
        if content(&self.w, o) == content(&self.cmp.new, n) {
            return None;
        }
        let empty = PairDiff {
            old: Some(o),
            new: Some(n),
            status: crate::diff::Status::Modified,
            basis: Basis::Place,
            similarity: 0.0,
            moved: false,
            renumbered: false,
            cosmetic: false,
            changes: Vec::new(),
            children: Vec::new(),
        };
        let p = find_pair(&self.cmp.pairs, o, n).unwrap_or(&empty).clone();
        let fine = self.attempt(o, |d| {
            let ins = d.alineas_fine(&p, o, n, &unit, false)?;
            if content(&d.w, o) == content(&d.cmp.new, n) {
                Ok(ins)
            } else {
                Err("mismatch".into())
            }
        });
        let ins = match fine {
            Ok(ins) => ins,
            Err(_) => {
                let ins = Instruction {
                    target: Target::unit(unit.clone()),
                    op: Op::RewriteBlock {
                        lines: unit_lines(&self.cmp.new, n),
                    },
                };
                let _ = self.exec(&ins);
                vec![ins]
            }
        };
        if ins.is_empty() {
            return None;
        }
        self.changes
            .blocks
            .push(formules::block_in_objet(Some(&unit)));
        Some((formules::modification_heading_in(&unit, self.noun), ins))
    }
}

/// The division `id` named so that it is found again, and alone: its label, then its
/// enclosing divisions (« chapitre Ier du titre V du livre Ier ») until no other division of
/// the convention answers to the name.
pub(super) fn division_unit(doc: &Document, id: NodeId) -> Option<Unit> {
    crate::avenant::apply::unique_division_name(doc, id).map(|label| Unit::Division { label })
}
