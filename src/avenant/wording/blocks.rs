//! The parts of a convention outside its articles — a party's designation, the visas, the
//! signature block — named as units (writer), and read back from an avenant (reader), side by side.

use super::*;

/// The noun phrase naming a block unit, `None` for the other units: « la désignation de la
/// deuxième partie », « les visas », « le bloc des signatures ».
pub fn block_np(unit: &Unit) -> Option<Np> {
    match unit {
        Unit::Party { rank } => Some(Np::new(
            format!("désignation de la {} partie", ordinal(*rank, true)),
            true,
            false,
        )),
        Unit::Parties => Some(Np::new("bloc des parties", false, false)),
        Unit::Visas => Some(Np::new("visas", false, true)),
        Unit::Signatures => Some(Np::new("bloc des signatures", false, false)),
        _ => None,
    }
}

/// Reads a block unit at the start of `rest` (its determiner already stripped), as
/// [`block_np`] writes it; returns the unit and the length read.
pub fn read_block_unit(rest: &str) -> Option<(Unit, usize)> {
    let (unit, len) = read_block_head(rest)?;
    // « … de la convention », « … de la présente convention », as a formal citation ends.
    let tail = &rest[len..];
    let extra = [" de la présente convention", " de la convention"]
        .iter()
        .find(|t| {
            tail.get(..t.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(t))
                && tail[t.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map_or(0, |t| t.len());
    Some((unit, len + extra))
}

fn read_block_head(rest: &str) -> Option<(Unit, usize)> {
    let lower = rest.to_lowercase();
    for (head, unit) in [
        ("visas", Unit::Visas),
        ("bloc des parties", Unit::Parties),
        ("bloc des signatures", Unit::Signatures),
        ("signatures", Unit::Signatures),
    ] {
        if let Some(after) = lower.strip_prefix(head) {
            if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                return Some((unit, head.len()));
            }
        }
    }
    let after = lower.strip_prefix("désignation de la ")?;
    let (word, tail) = after.split_once(' ')?;
    let rank = parse_ordinal_number(word)?;
    let tail_rest = tail.strip_prefix("partie")?;
    if tail_rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let len = "désignation de la ".len() + word.len() + 1 + "partie".len();
    Some((Unit::Party { rank }, len))
}

/// « Le bloc des signatures de la convention est ainsi rédigé : » and the block quoted whole.
pub fn rewrite_block(t: &Target, lines: &[String], ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, true);
    Sentence::with_block(
        format!(
            "{} {} ainsi {}{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("rédigé"),
            colon(style)
        ),
        quote_block(lines, style),
    )
}

/// The operation a whole block unit reads as after « est ainsi rédigé : » or « est supprimé »:
/// `None` when the unit is not a block.
pub fn block_op(unit: &Unit, lines: Option<Vec<String>>) -> Option<Op> {
    block_np(unit)?;
    Some(match lines {
        Some(lines) => Op::RewriteBlock { lines },
        None => Op::DeleteBlock,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_units_read_back() {
        for unit in [
            Unit::Party { rank: 2 },
            Unit::Parties,
            Unit::Visas,
            Unit::Signatures,
        ] {
            let np = block_np(&unit).expect("a block");
            let (read, len) = read_block_unit(&np.head).expect("read back");
            assert_eq!(read, unit);
            assert_eq!(len, np.head.len());
        }
        assert_eq!(
            cite_unit(&Unit::Party { rank: 1 }, Case::De, true),
            "de la désignation de la première partie de la convention"
        );
        assert_eq!(cite_unit(&Unit::Visas, Case::A, false), "aux visas");
        assert!(read_block_unit("désignation de la première partition").is_none());
        assert_eq!(
            read_block_unit("bloc des signatures de la convention est"),
            Some((
                Unit::Signatures,
                "bloc des signatures de la convention".len()
            ))
        );
    }
}
