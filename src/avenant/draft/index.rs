//! Which nodes hold which words: built once per document, so that a candidate replacement
//! « dans l'ensemble de la convention » is counted in the few nodes holding its words, not by
//! a walk of the whole tree per candidate.

use super::*;
use rustc_hash::FxHashMap;

/// Words (maximal runs of alphanumeric characters, as [`occurrences`] bounds them) → the nodes
/// whose text, heading or cells hold them. A superset: after a node's text changes, call
/// [`WordIndex::add`] for it; stale entries only cost a look.
pub(super) struct WordIndex {
    postings: FxHashMap<String, Vec<NodeId>>,
    /// The nodes reachable from the root, for words with no alphanumeric character.
    all: Vec<NodeId>,
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl WordIndex {
    pub(super) fn build(doc: &Document) -> WordIndex {
        let all = doc.descendants(doc.root());
        let mut index = WordIndex {
            postings: FxHashMap::default(),
            all: Vec::new(),
        };
        index.add(doc, &all);
        index.all = all;
        index
    }

    /// Indexes (again) the texts of `ids`.
    pub(super) fn add(&mut self, doc: &Document, ids: &[NodeId]) {
        for &id in ids {
            let n = doc.node(id);
            let texts = std::iter::once(n.text.as_str())
                .chain(n.heading.as_deref())
                .chain(n.cells().iter().map(String::as_str));
            for t in texts {
                for w in words(t) {
                    let list = self.postings.entry(w.to_string()).or_default();
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
            }
        }
    }

    /// The nodes that may hold `phrase` (every word of a phrase is a whole word where it
    /// occurs), in document order: those of its rarest word.
    pub(super) fn candidates(&self, phrase: &str) -> Vec<NodeId> {
        let mut best: Option<&Vec<NodeId>> = None;
        for w in words(phrase) {
            match self.postings.get(w) {
                None => return Vec::new(),
                Some(l) if best.is_none_or(|b| l.len() < b.len()) => best = Some(l),
                _ => {}
            }
        }
        let Some(list) = best else {
            return self.all.clone();
        };
        let mut ids = list.clone();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The occurrences of `phrase` in every text of the document (as a full walk counts them),
    /// looking only where its words are.
    pub(super) fn count(&self, doc: &Document, phrase: &str) -> usize {
        if phrase.is_empty() {
            return 0;
        }
        self.candidates(phrase)
            .into_iter()
            .map(|id| node_occurrences(doc, id, phrase))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_a_full_walk_does() {
        let md = "# Convention\n\n## Article 1\n\nLe Département de la Gironde verse. Le Département.\n\n## Article 2 – Département\n\nLa Région et le département-pilote.\n\n| A | B |\n|---|---|\n| Département | x |\n";
        let doc = crate::parse_str("c", md);
        let index = WordIndex::build(&doc);
        for p in [
            "Département",
            "département",
            "Le Département de",
            "Région et",
            "Gironde verse.",
            ".",
            "absent",
            "pilote",
            "Départ",
        ] {
            assert_eq!(index.count(&doc, p), count_all(&doc, p), "{p}");
        }
    }
}
