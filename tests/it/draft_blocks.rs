//! The parts outside the articles are drafted too (title, parties, visas, signature block), the
//! drafted acts of the real pairs are kept as snapshots, and a global replacement is written
//! only when every occurrence changed.

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft_checked, DraftOptions};
use avenant::diff::{compare, Comparison, DiffOptions};
use std::path::Path;

const REAL: &str = "../shared/corpus/real";

fn comparison(old: &Path, new: &Path) -> Comparison {
    let read = |p: &Path| avenant::read(p, &Default::default()).expect("readable");
    compare(read(old), read(new), &DiffOptions::default())
}

/// The act, verified by `draft_checked`, as Markdown.
fn act(old: &Path, new: &Path) -> String {
    let cmp = comparison(old, new);
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    markdown(&av)
}

#[test]
fn a_changed_signature_block_is_drafted() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    for ext in ["odt", "soffice.txt"] {
        let md = act(
            &dir.join(format!("lrb-statuts-association-2013-06-03.{ext}")),
            &dir.join(format!("lrb-statuts-association-2016-06-24.{ext}")),
        );
        assert!(
            md.contains("Modification du bloc des signatures des statuts"),
            "{ext}\n{md}"
        );
        assert!(md.contains("Fait à Lyon, le 30 mars 2016."), "{ext}\n{md}");
    }
}

#[test]
fn a_renamed_party_and_a_new_title_are_drafted() {
    let md = act(
        Path::new("corpus/08-partie-renommee/old.md"),
        Path::new("corpus/08-partie-renommee/new.md"),
    );
    assert!(
        md.contains("La désignation de la première partie de la convention est ainsi modifiée"),
        "{md}"
    );
    assert!(
        md.contains("L'Institut national du service public (INSP)"),
        "{md}"
    );
    let md = act(
        Path::new("corpus/10-partenaires/old.md"),
        Path::new("corpus/10-partenaires/new.md"),
    );
    for want in [
        "L'intitulé de la convention est ainsi rédigé\u{a0}: «\u{a0}Convention de partenariat\u{a0}».",
        "Les visas de la convention sont supprimés.",
        "Le bloc des parties de la convention est ainsi modifié",
        "Le bloc des signatures de la convention est ainsi modifié",
    ] {
        assert!(md.contains(want), "{want}\n{md}");
    }
}

#[test]
fn block_acts_apply_back_through_their_text() {
    for case in ["08-partie-renommee", "10-partenaires"] {
        let dir = Path::new("corpus").join(case);
        let cmp = comparison(&dir.join("old.md"), &dir.join("new.md"));
        let av = draft_checked(&cmp, &DraftOptions::default()).expect("verified");
        let read = avenant::avenant::parse_avenant(&markdown(&av)).expect("read back");
        let back = apply(&cmp.old, &read).expect("applies");
        let lines = |d: &avenant::Document, kind: avenant::NodeKind| -> Vec<String> {
            d.descendants(d.root())
                .into_iter()
                .filter(|id| d.node(*id).kind == kind)
                .flat_map(|id| d.descendants(id))
                .map(|id| d.node(id).text.clone())
                .collect()
        };
        for kind in [avenant::NodeKind::Parties, avenant::NodeKind::Signatures] {
            assert_eq!(lines(&back, kind), lines(&cmp.new, kind), "{case} {kind:?}");
        }
    }
}

#[test]
fn a_global_replacement_only_when_every_occurrence_changed() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    // 2013 → 2016: « bureau » becomes « Bureau » in articles 11 and 13, but the new article 6
    // keeps « par le bureau »: no « Dans l'ensemble de la convention ».
    let md = act(
        &dir.join("lrb-statuts-association-2013-06-03.odt"),
        &dir.join("lrb-statuts-association-2016-06-24.odt"),
    );
    assert!(!md.contains("Dans l'ensemble de la convention"), "{md}");
    // A renamed party, renamed everywhere: one sentence.
    let md = act(
        Path::new("corpus/08-partie-renommee/old.md"),
        Path::new("corpus/08-partie-renommee/new.md"),
    );
    assert!(md.contains("Dans l'ensemble de la convention"), "{md}");
}

/// The act drafted for each real pair of versions, as a jurist reads it.
#[test]
fn real_pairs_drafted() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    for (name, old, new) in [
        (
            "lrb-statuts",
            "lrb-statuts-association-2013-06-03.odt",
            "lrb-statuts-association-2016-06-24.odt",
        ),
        (
            "seed-canope-tracked",
            "seed-canope.odt",
            "seed-canope-tracked.docx",
        ),
        ("seed-ena-tracked", "seed-ena.odt", "seed-ena-tracked.docx"),
    ] {
        let md = act(&dir.join(old), &dir.join(new));
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(format!("draft-real-{name}"), md);
        });
    }
}
