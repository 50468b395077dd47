//! Word-level diff of one field's text: folding keys, `similar` ops over tokens (by sentence
//! chunks past [`WORD_DIFF_BUDGET`]), and the typed, cosmetic-aware [`WordChange`]s they yield.

use super::tokens::{tokenize, Token};
use super::values;
use super::{ChangeTag, Field, ValueType, WordChange, COARSE_CHUNK, WORD_DIFF_BUDGET};
use crate::text::{fold, fold_capital_accents};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::borrow::Cow;
use std::ops::Range;

/// Folding key of a token: full fold in headings, capital accents only in text (borrowed
/// when folding changes nothing, as for most tokens).
pub(super) fn key(text: &str, field: Field) -> Cow<'_, str> {
    match field {
        Field::Heading
            if text
                .bytes()
                .any(|b| !b.is_ascii() || b.is_ascii_uppercase()) =>
        {
            Cow::Owned(fold(text))
        }
        Field::Text if text.chars().any(is_accented_capital) => {
            Cow::Owned(fold_capital_accents(text))
        }
        _ => Cow::Borrowed(text),
    }
}

/// A capital [`fold_capital_accents`] changes (most tokens have none: borrowed, not copied).
fn is_accented_capital(c: char) -> bool {
    matches!(
        c,
        'À' | 'Â' | 'É' | 'È' | 'Ê' | 'Ë' | 'Î' | 'Ï' | 'Ô' | 'Ù' | 'Û' | 'Ü' | 'Ç'
    )
}

/// A diff op over token indices: tag, old tokens, new tokens.
pub(super) type TokenOp = (DiffTag, Range<usize>, Range<usize>);

/// Token-index ops between two token lists (Equal included); true when the lists were too
/// long for a word-by-word diff ([`WORD_DIFF_BUDGET`]) and were diffed sentence by sentence.
fn token_ops(
    old: &str,
    ot: &[Token],
    new: &str,
    nt: &[Token],
    field: Field,
) -> (Vec<TokenOp>, bool) {
    let ok: Vec<Cow<str>> = ot.iter().map(|t| key(t.text(old), field)).collect();
    let nk: Vec<Cow<str>> = nt.iter().map(|t| key(t.text(new), field)).collect();
    key_ops(&ok, &nk)
}

/// Ops between two key lists: word by word within the budget, else by chunks.
pub(super) fn key_ops<K: AsRef<str> + Eq + std::hash::Hash>(
    ok: &[K],
    nk: &[K],
) -> (Vec<TokenOp>, bool) {
    if ok.len() + nk.len() <= WORD_DIFF_BUDGET {
        let ops = capture_diff_slices(Algorithm::Patience, ok, nk);
        return (ops.iter().map(|op| op.as_tag_tuple()).collect(), false);
    }
    let (oc, nc) = (chunks(ok), chunks(nk));
    let okc: Vec<&[K]> = oc.iter().map(|r| &ok[r.clone()]).collect();
    let nkc: Vec<&[K]> = nc.iter().map(|r| &nk[r.clone()]).collect();
    // Token range of a range of chunks (an empty one where the next chunk starts).
    let span = |c: &[Range<usize>], len: usize, r: Range<usize>| -> Range<usize> {
        let at = |k: usize| c.get(k).map_or(len, |x| x.start);
        if r.is_empty() {
            at(r.start)..at(r.start)
        } else {
            at(r.start)..c.get(r.end - 1).map_or(len, |x| x.end)
        }
    };
    let ops = capture_diff_slices(Algorithm::Patience, &okc, &nkc)
        .iter()
        .map(|op| {
            let (tag, or, nr) = op.as_tag_tuple();
            (tag, span(&oc, ok.len(), or), span(&nc, nk.len(), nr))
        })
        .collect();
    (ops, true)
}

/// Sentence-like chunks of a key list: cut after `.`, `;`, `:`, `!`, `?` or every
/// [`COARSE_CHUNK`] keys.
fn chunks<K: AsRef<str>>(keys: &[K]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(keys.len() / 8 + 1);
    let mut start = 0;
    for (i, k) in keys.iter().enumerate() {
        let end = matches!(k.as_ref(), "." | ";" | ":" | "!" | "?" | "…");
        if end || i + 1 - start >= COARSE_CHUNK {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < keys.len() {
        out.push(start..keys.len());
    }
    out
}

/// Byte range of tokens `r`; empty ranges sit after the previous token.
fn bytes(tokens: &[Token], r: &Range<usize>) -> Range<usize> {
    if r.is_empty() {
        let at = if r.start == 0 {
            0
        } else {
            tokens.get(r.start - 1).map_or(0, |t| t.range.end)
        };
        return at..at;
    }
    let start = tokens.get(r.start).map_or(0, |t| t.range.start);
    let end = tokens.get(r.end - 1).map_or(start, |t| t.range.end);
    start..end
}

fn typed<'t>(tokens: &'t [Token], r: &Range<usize>) -> Option<&'t Token> {
    let slice = tokens.get(r.clone())?;
    let mut values = slice.iter().filter(|t| t.kind.is_value());
    let first = values.next()?;
    if values.next().is_some() {
        return None;
    }
    // The value must be the substance of the change: nothing else but short words/punctuation.
    let others = slice.iter().filter(|t| !t.kind.is_value()).count();
    (others <= 2).then_some(first)
}

#[allow(clippy::too_many_arguments)]
fn make_change(
    tag: DiffTag,
    old: &str,
    ot: &[Token],
    or: Range<usize>,
    new: &str,
    nt: &[Token],
    nr: Range<usize>,
    field: Field,
    cosmetic: bool,
) -> Option<WordChange> {
    let tag = match tag {
        DiffTag::Equal => {
            if cosmetic {
                ChangeTag::Replace
            } else {
                return None;
            }
        }
        DiffTag::Delete => ChangeTag::Delete,
        DiffTag::Insert => ChangeTag::Insert,
        DiffTag::Replace => ChangeTag::Replace,
    };
    let ob = bytes(ot, &or);
    let nb = bytes(nt, &nr);
    let (to, tn) = (typed(ot, &or), typed(nt, &nr));
    let kind = match (to, tn) {
        (Some(a), Some(b)) if a.kind == b.kind => Some(a.kind),
        (Some(a), None) if nr.is_empty() => Some(a.kind),
        (None, Some(b)) if or.is_empty() => Some(b.kind),
        _ => None,
    };
    let (value_type, old_value, new_value) = match kind {
        Some(k) if !cosmetic => (
            k.value_kind().unwrap_or(ValueType::Text),
            to.and_then(|t| values::value(t, old)),
            tn.and_then(|t| values::value(t, new)),
        ),
        _ => (ValueType::Text, None, None),
    };
    Some(WordChange {
        tag,
        field,
        old: old.get(ob.clone()).unwrap_or("").to_string(),
        new: new.get(nb.clone()).unwrap_or("").to_string(),
        old_range: ob,
        new_range: nb,
        value_type,
        old_value,
        new_value,
        cosmetic,
        global: None,
    })
}

/// Converts token ops into word changes (cosmetic ones from equal-but-not-identical runs).
pub(super) fn changes_of(
    ops: &[TokenOp],
    old: &str,
    ot: &[Token],
    new: &str,
    nt: &[Token],
    field: Field,
) -> Vec<WordChange> {
    let mut out = Vec::new();
    for (tag, or, nr) in ops {
        if *tag == DiffTag::Equal {
            // Runs of tokens equal once folded but written differently.
            let mut k = 0;
            let n = or.len();
            while k < n {
                let differs = |k: usize| ot[or.start + k].text(old) != nt[nr.start + k].text(new);
                if !differs(k) {
                    k += 1;
                    continue;
                }
                let s = k;
                while k < n && differs(k) {
                    k += 1;
                }
                out.extend(make_change(
                    DiffTag::Equal,
                    old,
                    ot,
                    or.start + s..or.start + k,
                    new,
                    nt,
                    nr.start + s..nr.start + k,
                    field,
                    true,
                ));
            }
        } else {
            let bullet = or.start == 0 && nr.start == 0 && {
                let only_marks = |text: &str, ts: &[Token], r: &Range<usize>| {
                    ts[r.clone()].iter().all(|t| is_list_mark(t.text(text)))
                };
                only_marks(old, ot, or) && only_marks(new, nt, nr)
            };
            // A heading's final punctuation (« Objet » / « Objet. », « Durée : ») is typography,
            // and so are quotation marks around it (« "Durée" » / « Durée »).
            let marks = |mark: fn(&str) -> bool| {
                ot[or.clone()].iter().all(|t| mark(t.text(old)))
                    && nt[nr.clone()].iter().all(|t| mark(t.text(new)))
            };
            let closing = field == Field::Heading
                && ((or.end == ot.len()
                    && nr.end == nt.len()
                    && marks(|t| is_closing_mark(t) || is_quotation_mark(t)))
                    || (or.start == 0 && nr.start == 0 && marks(is_quotation_mark)));
            out.extend(make_change(
                *tag,
                old,
                ot,
                or.clone(),
                new,
                nt,
                nr.clone(),
                field,
                bullet || closing,
            ));
        }
    }
    out
}

/// A list marker written as text at the head of an alinéa (« - », « – », « • », « * »…): its
/// style, or its presence when the list was read as plain text (« -le » against « - le »), is
/// typography.
fn is_list_mark(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| {
            matches!(
                c,
                '-' | '–' | '—' | '•' | '*' | '·' | '◦' | '▪' | '‣' | '○' | '■' | '□'
            )
        })
}

/// A token of heading punctuation only ([`crate::text::is_heading_closing`]).
fn is_closing_mark(token: &str) -> bool {
    !token.is_empty() && token.chars().all(crate::text::is_heading_closing)
}

/// A token of quotation marks only ([`crate::text::is_quotation_mark`]), with the no-break
/// spaces that stand inside « ».
fn is_quotation_mark(token: &str) -> bool {
    !token.is_empty()
        && token
            .chars()
            .all(|c| crate::text::is_quotation_mark(c) || matches!(c, '\u{a0}' | '\u{202f}'))
}

/// Word changes between two texts of the same field.
pub fn diff_texts(old: &str, new: &str, field: Field) -> Vec<WordChange> {
    diff_texts_capped(old, new, field).0
}

/// [`diff_texts`], and whether the texts were too long for a word-by-word diff
/// ([`WORD_DIFF_BUDGET`]): then the changes are whole sentences.
pub fn diff_texts_capped(old: &str, new: &str, field: Field) -> (Vec<WordChange>, bool) {
    let ot = tokenize(old);
    let nt = tokenize(new);
    let (ops, capped) = token_ops(old, &ot, new, &nt, field);
    (changes_of(&ops, old, &ot, new, &nt, field), capped)
}
