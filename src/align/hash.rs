//! Content hashes of the nodes: number excluded, case and accents folded, children mixed in,
//! so that equal subtrees are found in one pass.

use super::{class, own_text};
use crate::model::{Document, NodeId};
use crate::text::fold_into;

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
}

/// Content hash of every node, number excluded, case and accents folded, into `hashes`.
pub(super) fn content_hashes(doc: &Document, hashes: &mut Vec<u64>) {
    hashes.clear();
    hashes.resize(doc.nodes.len(), 0);
    // One buffer for every folded text.
    let mut folded = String::new();
    for index in (0..doc.nodes.len()).rev() {
        let id = NodeId(index as u32);
        let node = doc.node(id);
        let (text, _) = own_text(doc, id);
        folded.clear();
        fold_into(text, &mut folded);
        let mut h = crate::model::fingerprint(&folded);
        h = mix(h, u64::from(class(node.kind)));
        for c in &node.children {
            h = mix(h, hashes.get(c.index()).copied().unwrap_or(0));
        }
        hashes[index] = h;
    }
}
