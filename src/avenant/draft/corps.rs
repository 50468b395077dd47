//! Drafting the body of a document without articles (`corps`: an agreement, a model letter):
//! its alinéas are addressed as the document's own, « Le troisième alinéa de l'accord est
//! ainsi rédigé : », « Après le cinquième alinéa du contrat, il est inséré un alinéa … ».

use super::*;

impl Drafter<'_> {
    /// The changed body, finest first (words, phrases, alinéas, rows), else rewritten whole;
    /// the instructions target the document itself (`Unit::Convention`), which `apply`
    /// resolves to its body.
    pub(super) fn corps(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        let unit = Unit::Convention;
        // Not an article: however many of its alinéas change, each is amended on its own
        // (the whole document rewritten is the last resort).
        let ins = self.amend_alineas(p, o, n, &unit, false)?;
        self.changes.blocks.push(self.noun.possessive("son texte"));
        Some((formules::modification_heading_in(&unit, self.noun), ins))
    }
}
