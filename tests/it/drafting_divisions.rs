//! Divisions restructured around kept articles (issue 13, the Code du travail pair): a level of
//! division that disappears is unwrapped (« La division et l'intitulé de la section 1 … sont
//! supprimés. »), a division whose sub-divisions are added or renumbered around kept articles
//! is replaced whole. Each case is a slice of the real Code du travail (2011 → 2015), and every
//! act is verified by `draft_checked` (applied back to the new version).

use std::path::Path;

const BENCH: &str = "../shared/corpus/bench";

/// The lines of the part of the code opened by `part` (« ## Partie réglementaire »), from the
/// line ending with `from` up to (not including) the next line starting with `to`, as a code.
fn slice(text: &str, part: &str, from: &str, to: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let p = lines.iter().position(|l| *l == part).expect("part");
    let a = p + lines[p..]
        .iter()
        .position(|l| l.ends_with(from))
        .expect("from");
    let b = a
        + 1
        + lines[a + 1..]
            .iter()
            .position(|l| l.starts_with(to))
            .expect("to");
    format!("Code du travail\n\n{part}\n\n{}\n", lines[a..b].join("\n"))
}

fn versions() -> Option<(String, String)> {
    let read = |n: &str| std::fs::read_to_string(Path::new(BENCH).join(n)).ok();
    Some((
        read("code-du-travail-2011-12-31.md")?,
        read("code-du-travail-2015-04-01.md")?,
    ))
}

fn act(old: &str, new: &str) -> String {
    crate::common::verified_act(old, new, &Default::default()).replace('\u{a0}', " ")
}

/// Chapter II of titre II of livre Ier of the fifth part: its four sections are gone in 2015,
/// their articles (three rewritten, one replaced) now the chapter's own.
#[test]
fn sections_gone_around_kept_articles_are_unwrapped() {
    let Some((old, new)) = versions() else {
        return;
    };
    let part = "## Partie législative";
    let to = "###### Chapitre III : Aides aux actions de reclassement";
    let md = act(
        &slice(
            &old,
            part,
            "Chapitre II : Aides aux salariés en chômage partiel",
            to,
        ),
        &slice(
            &new,
            part,
            "Chapitre II : Aide aux salariés placés en activité partielle",
            to,
        ),
    );
    for s in ["section 1", "section 2", "section 3"] {
        assert!(
            md.contains(&format!(
                "La division et l'intitulé de la {s} du code sont supprimés"
            )),
            "{s}\n{md}"
        );
    }
}

/// Section 3 of the chapter on economic dismissal (regulatory part): two sub-sections are
/// inserted before the two it had, which become sub-sections 3 and 4 around their kept
/// articles. The section is replaced whole.
#[test]
fn sub_sections_renumbered_around_kept_articles_replace_the_section() {
    let Some((old, new)) = versions() else {
        return;
    };
    let part = "## Partie réglementaire";
    let (from, to) = (
        "Chapitre III : Licenciement pour motif économique",
        "###### Chapitre IV",
    );
    let md = act(&slice(&old, part, from, to), &slice(&new, part, from, to));
    assert!(
        md.contains("il est inséré une section 3 ainsi rédigée"),
        "{md}"
    );
    assert!(
        md.contains("« Sous-section 4 : Intervention de l'autorité administrative"),
        "{md}"
    );
}
