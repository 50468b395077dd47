//! Quoted words: their occurrences in a unit (found once, or the instruction is refused), and
//! the text edits that replace, insert or delete them.

use super::*;

/// A text that words are searched in: a node's text, or one cell of a row, restricted to a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slot {
    pub(super) node: NodeId,
    pub(super) cell: Option<usize>,
    pub(super) range: (usize, usize),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) slot: Slot,
    pub(super) pos: usize,
    /// The length of the words found, as the text writes them (« L. 331‑34 » with the Journal
    /// officiel's non-breaking hyphen is longer than the act's « L. 331-34 »).
    pub(super) len: usize,
}

pub(super) fn slot_text(doc: &Document, slot: &Slot) -> String {
    let n = doc.node(slot.node);
    match slot.cell {
        Some(c) => n.cells().get(c).cloned().unwrap_or_default(),
        None => n.text.clone(),
    }
}

pub(super) fn hit_text(doc: &Document, hit: &Hit) -> String {
    slot_text(doc, &hit.slot)
}

pub(super) fn node_slots(doc: &Document, id: NodeId) -> Vec<Slot> {
    let n = doc.node(id);
    if n.kind == NodeKind::Row {
        (0..n.cells().len())
            .map(|c| Slot {
                node: id,
                cell: Some(c),
                range: (0, n.cells()[c].len()),
            })
            .collect()
    } else {
        vec![Slot {
            node: id,
            cell: None,
            range: (0, n.text.len()),
        }]
    }
}

/// Where words of a word-level instruction are looked for.
pub(super) fn text_scope(doc: &Document, t: &Target) -> Result<Vec<Slot>, String> {
    if t.heading {
        return Err(formules::not_applicable(t));
    }
    match resolve_leaf(doc, t)? {
        Some((_, leaf)) => {
            if let Some(p) = t.phrase {
                let text = doc.node(leaf).text.clone();
                let ph = phrases(&text);
                let i = p
                    .resolve(ph.len())
                    .ok_or_else(|| formules::target_missing(t))?;
                return Ok(vec![Slot {
                    node: leaf,
                    cell: None,
                    range: ph[i - 1],
                }]);
            }
            Ok(node_slots(doc, leaf))
        }
        None => {
            let unit = resolve_unit(doc, t)?;
            Ok(doc
                .descendants(unit)
                .into_iter()
                .filter(|id| {
                    let k = doc.node(*id).kind;
                    k.is_alinea_like() || k == NodeKind::Row
                })
                .flat_map(|id| node_slots(doc, id))
                .collect())
        }
    }
}

/// Byte offsets of `words` in `text` standing as whole words (hyphens alike, see
/// `occurrence_spans`).
pub fn occurrences(text: &str, words: &str) -> Vec<usize> {
    occurrence_spans(text, words)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// The hyphens that are one character for the words they join: U+2010 and the Journal
/// officiel's non-breaking U+2011 (« L. 331‑34 »), read as « - ».
pub(super) const HYPHENS_LIKE: [char; 2] = ['\u{2010}', '\u{2011}'];

fn is_hyphen_like(c: char) -> bool {
    HYPHENS_LIKE.contains(&c)
}

/// Whether `s` holds a hyphen of [`is_hyphen_like`] (both begin with the bytes E2 80).
fn has_hyphen_like(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memmem::find_iter(b, b"\xE2\x80").any(|i| matches!(b.get(i + 2), Some(0x90 | 0x91)))
}

/// `s` with its hyphens folded to « - », and for each byte of the folded text (and its end)
/// the offset of that byte in `s`.
fn folded(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut at = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let c = if is_hyphen_like(c) { '-' } else { c };
        for k in 0..c.len_utf8() {
            at.push(i + k);
        }
        out.push(c);
    }
    at.push(s.len());
    (out, at)
}

/// Where `words` stand in `text` as whole words, each as (start, end) byte offsets of `text`:
/// quoted words match across the hyphens of [`is_hyphen_like`] (the act types « - », the text
/// printed by the Journal officiel holds U+2011), the text keeping its own character.
pub fn occurrence_spans(text: &str, words: &str) -> Vec<(usize, usize)> {
    if has_hyphen_like(text) || has_hyphen_like(words) {
        let (t, at) = folded(text);
        let (w, _) = folded(words);
        return exact_occurrences(&t, &w)
            .into_iter()
            .map(|p| (at[p], at[p + w.len()]))
            .collect();
    }
    exact_occurrences(text, words)
        .into_iter()
        .map(|p| (p, p + words.len()))
        .collect()
}

/// The words `new` that replace `matched` (the words found in the text) written with the
/// text's hyphen: when the text joined the words it had with the non-breaking hyphen U+2011
/// alone (the Journal officiel's « L. 331‑34 »), the hyphens of `new` between two letters or
/// digits are that one too (« L. 331‑35 »).
pub(super) fn in_text_hyphens<'a>(matched: &str, new: &'a str) -> std::borrow::Cow<'a, str> {
    if !matched.contains('\u{2011}') || matched.contains('-') || !new.contains('-') {
        return new.into();
    }
    let chars: Vec<char> = new.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let joins = *c == '-'
                && i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            if joins {
                '\u{2011}'
            } else {
                *c
            }
        })
        .collect::<String>()
        .into()
}

/// Byte offsets of `words` in `text`, byte for byte, standing as whole words.
fn exact_occurrences(text: &str, words: &str) -> Vec<usize> {
    if words.is_empty() {
        return Vec::new();
    }
    // A footnote call (« ² ») is glued to the word before it: it starts no word.
    let starts_alnum = words
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !formules::is_note_call(&c.to_string()));
    let ends_alnum = words.chars().last().is_some_and(char::is_alphanumeric);
    text.match_indices(words)
        .map(|(i, _)| i)
        .filter(|i| {
            let before_ok =
                !starts_alnum || !text[..*i].chars().last().is_some_and(char::is_alphanumeric);
            let after_ok = !ends_alnum
                || !text[i + words.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            before_ok && after_ok
        })
        .collect()
}

pub(super) fn unique_occurrence(
    doc: &Document,
    scope: &[Slot],
    words: &str,
    t: &Target,
) -> Result<Hit, String> {
    let mut hits = Vec::new();
    for slot in scope {
        let text = slot_text(doc, slot);
        let Some(part) = text.get(slot.range.0..slot.range.1) else {
            continue;
        };
        for (start, end) in occurrence_spans(part, words) {
            hits.push(Hit {
                slot: *slot,
                pos: slot.range.0 + start,
                len: end - start,
            });
        }
    }
    match hits.len() {
        0 => Err(formules::words_not_found(words, t)),
        1 => Ok(hits[0]),
        n => Err(formules::words_ambiguous(words, n, t)),
    }
}

/// Replaces `len` bytes at the hit by `with`, and tidies the spaces.
pub(super) fn edit_at(doc: &mut Document, hit: &Hit, len: usize, with: &str) {
    let text = hit_text(doc, hit);
    let end = (hit.pos + len).min(text.len());
    let new = tidy(&format!("{}{with}{}", &text[..hit.pos], &text[end..]));
    write_slot(doc, &hit.slot, new);
}

/// Sets the text of a slot (a node's text, or one cell of a row).
fn write_slot(doc: &mut Document, slot: &Slot, new: String) {
    match slot.cell {
        Some(c) => {
            let node = doc.node_mut(slot.node);
            if let Some(cell) = node.cells_mut().get_mut(c) {
                *cell = new;
            }
            let text = normalise::row_text(node.cells());
            set_text(doc, slot.node, text);
        }
        None => set_text(doc, slot.node, new),
    }
}

/// « les mots : « old » sont remplacés, deux fois, par … » (`times`), « …, à chaque occurrence,
/// par … » (`None`): every occurrence of `old` in the scope is replaced; none, or another number
/// than the act states, is refused.
pub(super) fn replace_each(
    doc: &mut Document,
    scope: &[Slot],
    old: &str,
    new: &str,
    times: Option<u32>,
    t: &Target,
) -> Result<(), String> {
    let mut found = Vec::new();
    for slot in scope {
        let text = slot_text(doc, slot);
        let Some(part) = text.get(slot.range.0..slot.range.1) else {
            continue;
        };
        let at: Vec<(usize, usize)> = occurrence_spans(part, old)
            .into_iter()
            .map(|(s, e)| (slot.range.0 + s, slot.range.0 + e))
            .collect();
        if !at.is_empty() {
            found.push((*slot, text, at));
        }
    }
    let n: usize = found.iter().map(|(_, _, at)| at.len()).sum();
    if n == 0 {
        return Err(formules::words_not_found(old, t));
    }
    if let Some(k) = times.filter(|k| *k as usize != n) {
        return Err(formules::words_count_differs(old, n, k, t));
    }
    for (slot, mut text, at) in found {
        for (s, e) in at.into_iter().rev() {
            let new = in_text_hyphens(&text[s..e], new).into_owned();
            text.replace_range(s..e, &new);
        }
        write_slot(doc, &slot, tidy(&text));
    }
    Ok(())
}

pub(super) use crate::edit::set_text;

/// Single spaces, no space before « . , ) », none at the ends.
pub fn tidy(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.join(" ");
    for p in [" .", " ,", " )", " …"] {
        while let Some(i) = out.find(p) {
            out.replace_range(i..i + 1, "");
        }
    }
    out.replace("( ", "(")
}

/// Replaces every occurrence; words starting in lower case are also replaced where a sentence
/// capitalises them (« l'ENA » → « l'INSP » also turns « L'ENA » into « L'INSP »).
pub(super) fn replace_everywhere(
    doc: &mut Document,
    old: &str,
    new: &str,
    t: &Target,
) -> Result<(), String> {
    let ids = reachable(doc);
    if replace_everywhere_in(doc, &ids, old, new) == 0 {
        return Err(formules::words_not_found(old, t));
    }
    Ok(())
}

/// « Dans l'ensemble de la convention » restricted to the nodes `ids` (the caller knows the
/// others hold none of the words): the occurrences replaced, as written and capitalised.
pub(crate) fn replace_everywhere_in(
    doc: &mut Document,
    ids: &[NodeId],
    old: &str,
    new: &str,
) -> usize {
    let mut count = replace_all(doc, ids, old, new);
    let cap = formules::capitalise(old);
    if cap != old {
        count += replace_all(doc, ids, &cap, &formules::capitalise(new));
    }
    count
}

pub(super) fn replace_all(doc: &mut Document, ids: &[NodeId], old: &str, new: &str) -> usize {
    if old.is_empty() {
        return 0;
    }
    // One searcher for the whole walk: most texts of a code hold none of the words, and a
    // searcher built per text cost more than the search (2.5 G instructions of the Code du
    // travail draft's check).
    // With a hyphen in the words, the longest piece without one (the text may write the
    // hyphen another way, « L. 331‑34 »).
    let piece = old
        .split(|c: char| c == '-' || is_hyphen_like(c))
        .max_by_key(|p| p.len())
        .unwrap_or(old);
    let finder = memchr::memmem::Finder::new(piece.as_bytes());
    let holds = |s: &str| finder.find(s.as_bytes()).is_some();
    let replaced = |s: &str| holds(s).then(|| replace_words(s, old, new)).flatten();
    let mut count = 0;
    for &id in ids {
        let node = doc.node_mut(id);
        if let Some((s, n)) = replaced(&node.text) {
            node.text = s;
            count += n;
        }
        if let Some((s, _)) = node.heading.as_deref().and_then(replaced) {
            node.heading = Some(s);
        }
        let mut cells_changed = false;
        for i in 0..node.cells().len() {
            if let Some((s, _)) = replaced(&node.cells()[i]) {
                node.cells_mut()[i] = s;
                cells_changed = true;
            }
        }
        if cells_changed {
            node.text = normalise::row_text(node.cells());
        }
    }
    count
}

/// `s` with every occurrence of `old` (whole words, as [`occurrences`] finds them) replaced
/// by `new`, spaces tidied, and the number of occurrences; `None` when `old` does not occur.
pub(crate) fn replace_words(s: &str, old: &str, new: &str) -> Option<(String, usize)> {
    let occ = occurrence_spans(s, old);
    if occ.is_empty() {
        return None;
    }
    let n = occ.len();
    let mut out = s.to_string();
    for (start, end) in occ.into_iter().rev() {
        let new = in_text_hyphens(&out[start..end], new).into_owned();
        out.replace_range(start..end, &new);
    }
    Some((tidy(&out), n))
}
