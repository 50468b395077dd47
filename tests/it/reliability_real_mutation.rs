//! Issue 16 item 4 on real documents: the acts drafted from the real pairs of
//! `../shared/corpus/real/` (.docx and .odt: statuts, an agreement without articles, an avenant
//! model and a convention model full of templating tags, seeds with tracked changes), mutated as
//! `apply_mutations.rs` mutates the corpus's (a target number, a quoted word, an ordinal), must
//! never apply with exit 0 and a result other than the unmutated act's.

use super::apply_mutations::{mutants, outcome, Lcg};
use avenant::avenant::render::markdown;
use avenant::avenant::{draft_checked, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::path::Path;

const REAL: &str = "../shared/corpus/real";

const PAIRS: [(&str, &str); 6] = [
    (
        "lrb-statuts-association-2013-06-03.odt",
        "lrb-statuts-association-2016-06-24.odt",
    ),
    (
        "apilos-convention-apl-foyer-2022-12-06.docx",
        "apilos-convention-apl-foyer-2026-06-10.docx",
    ),
    (
        "cdtn-rupture-amiable-apprentissage-2019-12-24.docx",
        "cdtn-rupture-amiable-apprentissage-2021-02-03.docx",
    ),
    (
        "apilos-avenant-foyer-residence-2023-01-02.docx",
        "apilos-avenant-foyer-residence-2026-06-02.docx",
    ),
    ("seed-canope.odt", "seed-canope-tracked.docx"),
    ("seed-ena.odt", "seed-ena-tracked.docx"),
];

#[test]
fn mutated_acts_of_the_real_pairs_never_apply_silently_wrong() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        eprintln!("{REAL} absent: skipped");
        return;
    }
    let read = |p: &str| avenant::read(&dir.join(p), &Default::default()).expect("readable");
    let mut rng = Lcg(0x7ea1_5eed);
    let (mut total, mut refused, mut acts) = (0, 0, 0);
    let mut failures = Vec::new();
    for (old_name, new_name) in PAIRS {
        let old = read(old_name);
        let cmp = compare(old.clone(), read(new_name), &DiffOptions::default());
        for renumber in [false, true] {
            let options = DraftOptions {
                renumber,
                ..DraftOptions::default()
            };
            // Every one of these pairs drafts an act that verifies (draft_verified.rs,
            // drafting_articleless.rs): a refusal here is a regression too.
            let av = match draft_checked(&cmp, &options) {
                Ok(av) => av,
                Err(e) => {
                    failures.push(format!("{old_name} renumber={renumber}: not drafted: {e}"));
                    continue;
                }
            };
            acts += 1;
            let text = markdown(&av);
            let Ok(reference) = outcome(&old, &text) else {
                failures.push(format!("{old_name}: the unmutated act does not apply"));
                continue;
            };
            for (what, mutated) in mutants(&text, &mut rng) {
                total += 1;
                match outcome(&old, &mutated) {
                    Err(_) => refused += 1,
                    Ok(out) if out == reference => {}
                    Ok(_) => failures.push(format!(
                        "{old_name} (renumber={renumber}): {what} applied with another result"
                    )),
                }
            }
        }
    }
    eprintln!("{acts} acts, {refused} of {total} mutants refused");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total >= 20, "only {total} mutants");
}
