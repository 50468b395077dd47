//! A heading whose only change is its final punctuation (« Objet de la convention » /
//! « Objet de la convention. », « Titre II : Dispositions finales » / « … finales. ») is
//! cosmetic, as its case is: listed as « retouche de forme », never a difference of substance,
//! and the drafted act changes nothing. Checked on the APL model convention (articles whose
//! heading is on its own line, with periods, and its Roman divisions) and on the Canopé and
//! ENA conventions as LibreOffice exports them (« Article 1 : Objet de la coopération »).

use avenant::avenant::draft_checked;
use avenant::diff::{compare, DiffOptions};
use avenant::{Document, NodeKind};

fn read(path: &str) -> Option<String> {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).ok()
}

/// The text with the final « . » of every article and division heading toggled: added where
/// there is none, removed where there is one.
fn toggled(text: &str) -> (String, usize) {
    let doc: Document = avenant::parse_str("old", text);
    let mut at: Vec<(usize, bool)> = Vec::new();
    for n in &doc.nodes {
        if !matches!(n.kind, NodeKind::Article | NodeKind::Structure) {
            continue;
        }
        let Some(heading) = &n.heading else { continue };
        let Some(last_word) = heading.trim_end_matches('.').split_whitespace().last() else {
            continue;
        };
        // The heading's line: the label's, or the next one (« Article 1er. » ⏎ « Objet… »).
        let mut start = n.span.start;
        for line in text[n.span.start..].split_inclusive('\n').take(4) {
            let t = line.trim_end();
            let end = start + t.len();
            start += line.len();
            if t.trim_end_matches('.').ends_with(last_word) {
                if t.ends_with('.') {
                    at.push((end - 1, true));
                } else if t.ends_with(|c: char| c.is_alphanumeric()) {
                    at.push((end, false));
                }
                break;
            }
        }
    }
    at.sort();
    at.dedup();
    let mut out = String::with_capacity(text.len() + at.len());
    let mut last = 0;
    for (pos, remove) in &at {
        out.push_str(&text[last..*pos]);
        if *remove {
            last = pos + 1;
        } else {
            out.push('.');
            last = *pos;
        }
    }
    out.push_str(&text[last..]);
    (out, at.len())
}

fn check(name: &str, text: &str, at_least: usize) {
    let (new, changed) = toggled(text);
    assert!(changed >= at_least, "{name}: {changed} headings toggled");
    let old_doc = avenant::parse_str("old", text);
    let new_doc = avenant::parse_str("new", &new);
    // The toggled text reads to the same units.
    assert_eq!(old_doc.articles().len(), new_doc.articles().len(), "{name}");
    let cmp = compare(old_doc, new_doc, &DiffOptions::default());
    assert!(
        !cmp.has_differences(),
        "{name}: a heading's final period made a difference"
    );
    assert!(
        cmp.summary.units.cosmetic >= at_least,
        "{name}: {:?}",
        cmp.summary
    );
    let act = draft_checked(&cmp, &Default::default()).expect("the act verifies");
    assert!(
        act.articles.iter().all(|a| a.instructions.is_empty()),
        "{name}: the act changes something"
    );
}

#[test]
fn the_apl_models_headings_with_or_without_their_period() {
    let text = read("corpus/models/apl-sem.txt").expect("apl-sem.txt");
    check("apl-sem", &text, 20);
}

#[test]
fn the_seeds_headings_with_or_without_a_period() {
    for name in ["seed-canope", "seed-ena"] {
        let Some(text) = read(&format!("../shared/corpus/real/{name}.soffice.txt")) else {
            eprintln!("{name} absent: skipped");
            continue;
        };
        check(name, &text, 5);
    }
}
