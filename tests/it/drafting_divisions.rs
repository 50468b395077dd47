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

/// A small code of the Code du travail's shape: the new section 3 quotes an article L1-4 whose
/// number the old « Dispositions d'application » article of section 4 still holds, which the
/// new version keeps there as L1-7. The old article is renumbered first (« L'article L1-4
/// devient l'article L1-7. »), then the section's sub-sections are inserted with their own
/// L1-4; the act verifies.
#[test]
fn an_article_kept_under_another_number_frees_its_number_for_a_new_division() {
    let head = "# Code de l'exemple\n\n## Partie législative\n\n###### Chapitre Ier : Aides\n\n\
###### Section 1 : Aide au développement\n\n###### Article L1-1\n\nL'aide est accordée par l'État.\n\n\
###### Section 2 : Aide au plan de gestion\n\n###### Article L1-2\n\nL'aide au plan est accordée par convention.\n\n";
    let tail = "###### Chapitre II : Autres aides\n\n###### Article L2-1\n\nLes autres aides sont fixées par décret.\n";
    let old = format!(
        "{head}###### Section 3 : Aide au remplacement\n\n###### Article L1-3\n\nLe remplacement d'un salarié en formation ouvre droit à une aide.\n\n\
###### Section 4 : Dispositions d'application\n\n###### Article L1-4\n\nUn décret en Conseil d'État détermine les modalités d'application du présent chapitre.\n\n{tail}"
    );
    let new = format!(
        "{head}###### Section 3 : Contrat de génération\n\n###### Sous-section 1 : Modalités de mise en œuvre\n\n\
###### Article L1-4\n\nLes entreprises de moins de cinquante salariés bénéficient d'une aide.\n\n\
###### Article L1-5\n\nLes entreprises de plus de trois cents salariés concluent un accord.\n\n\
###### Sous-section 2 : Pénalités\n\n###### Article L1-6\n\nL'entreprise non couverte par un accord est soumise à une pénalité.\n\n\
###### Section 4 : Dispositions d'application\n\n###### Article L1-7\n\nUn décret en Conseil d'État détermine les modalités d'application du présent chapitre.\n\n{tail}"
    );
    let md = act(&old, &new);
    let renumbered = md
        .find("L'article L1-4 devient l'article L1-7.")
        .unwrap_or_else(|| panic!("{md}"));
    let quoted = md.find("« Article L1-4").unwrap_or_else(|| panic!("{md}"));
    assert!(renumbered < quoted, "{md}");
    assert!(md.contains("« Sous-section 2 : Pénalités"), "{md}");
    // Nothing is quoted twice: the chapter is not replaced whole.
    assert!(!md.contains("il est inséré un chapitre"), "{md}");
}

/// Section 4 « Contrat de génération » of chapter Ier of titre II of livre Ier of the fifth
/// part (2013): its articles L5121-7 to L5121-16 take numbers the old L5121-7 (« Dispositions
/// d'application », now L5121-22) still held. The old article is renumbered, then its
/// sub-sections inserted; the act verifies.
#[test]
fn the_contrat_de_generation_section_is_inserted_after_a_renumbering() {
    let Some((old, new)) = versions() else {
        return;
    };
    let part = "## Partie législative";
    let to = "###### Chapitre II : Aide";
    let md = act(
        &slice(
            &old,
            part,
            "Chapitre Ier : Aides à l'adaptation des salariés aux évolutions de l'emploi et des compétences",
            to,
        ),
        &slice(
            &new,
            part,
            "Chapitre Ier : Aides à l'adaptation des salariés aux évolutions de l'emploi et des compétences et à la gestion des âges",
            to,
        ),
    );
    assert!(
        md.contains("L'article L5121-7 devient l'article L5121-22."),
        "{md}"
    );
    assert!(
        md.contains("« Sous-section 1 : Modalités de mise en œuvre"),
        "{md}"
    );
}
