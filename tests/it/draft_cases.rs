//! Round trip on every version case of `corpus/NN-*/`: `apply(old, draft(old, new))` gives
//! `new`, through the text of the avenant (rendered as Markdown, read back by `parse_avenant`).
//!
//! What « gives `new` » means:
//! - with `--renumber` ([`DraftOptions::renumber`]): the amended units (préambule, articles,
//!   annexes) are exactly those of `new` — keys, kinds, labels, headings, normalised texts —
//!   cosmetic differences aside (case of a heading, accent on a capital: an avenant never
//!   amends typography, so case 09 compares equal only modulo them);
//! - with default options: the same, modulo the labels of articles (an inserted article is
//!   « 5 bis », a deleted one leaves its number empty, as the 1997 circular advises);
//! - when the versions differ only in those units (cases 01 to 07), the whole trees are equal
//!   ([`Document::same_tree`]) with `--renumber`.
//!
//! Titles, parties and signatures are outside what an avenant's instructions point at (only
//! « dans l'ensemble de la convention » reaches them): cases 08 and 10 compare the amended units.

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft, parse_avenant, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::{Document, NodeKind};
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("corpus")
        .expect("corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.join("old.md").exists()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.as_bytes().first().is_some_and(u8::is_ascii_digit))
        })
        .collect();
    dirs.sort();
    dirs
}

fn load(p: &Path) -> Document {
    avenant::read(p, &Default::default()).expect("readable")
}

/// Capital accents folded in texts: what the diff calls cosmetic (its own function).
fn fold_text(s: &str) -> String {
    avenant::diff::fold_capital_accents(s)
}

/// The amended units as lines: kind, key and label (unless `modulo_labels`), heading, text.
pub fn body(doc: &Document, modulo_labels: bool) -> Vec<String> {
    let mut out = Vec::new();
    for top in doc.top_level() {
        let k = doc.node(*top).kind;
        if !matches!(
            k,
            NodeKind::Article | NodeKind::Annexe | NodeKind::Preambule | NodeKind::Structure
        ) {
            continue;
        }
        for id in std::iter::once(*top).chain(doc.descendants(*top)) {
            let n = doc.node(id);
            let heading = n.heading.as_deref().map(avenant::align::fold);
            let line = if n.kind == NodeKind::Article && modulo_labels {
                format!("{} {:?}", n.kind.as_str(), heading)
            } else if matches!(
                n.kind,
                NodeKind::Article | NodeKind::Annexe | NodeKind::Structure | NodeKind::Preambule
            ) {
                format!(
                    "{} {} {:?} {:?}",
                    n.kind.as_str(),
                    key(n.key.as_str(), modulo_labels),
                    n.label,
                    heading
                )
            } else {
                format!(
                    "{} {} {:?} {} {}",
                    n.kind.as_str(),
                    key(n.local_key(), modulo_labels),
                    n.label,
                    n.level,
                    fold_text(&n.text)
                )
            };
            out.push(line);
        }
    }
    out
}

fn key(k: &str, modulo_labels: bool) -> String {
    if modulo_labels {
        k.rsplit('/').next().unwrap_or(k).to_string()
    } else {
        k.to_string()
    }
}

fn round_trip(dir: &Path, renumber: bool) -> Result<bool, String> {
    let (old, new) = (load(&dir.join("old.md")), load(&dir.join("new.md")));
    let cmp = compare(old.clone(), new.clone(), &DiffOptions::default());
    let options = DraftOptions {
        renumber,
        ..DraftOptions::default()
    };
    let av = draft(&cmp, &options);
    let text = markdown(&av);
    // An avenant without any instruction is refused by `apply`: the new version must then be
    // the old one, cosmetic differences aside.
    if av.articles.iter().all(|a| a.instructions.is_empty()) {
        let same = body(&old, !renumber) == body(&new, !renumber);
        return if same || !cmp.has_differences() {
            Ok(false)
        } else {
            Err(format!("nothing drafted for a real difference\n{text}"))
        };
    }
    let read = parse_avenant(&text).map_err(|e| format!("{e}\n{text}"))?;
    if read != av {
        let (x, y) = (format!("{read:#?}"), format!("{av:#?}"));
        let first = x
            .lines()
            .zip(y.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("read {a}\ndrafted {b}"))
            .unwrap_or_default();
        return Err(format!(
            "the avenant does not read back as drafted: {first}\n{text}"
        ));
    }
    let applied = apply(&old, &read).map_err(|e| format!("{e}\n{text}"))?;
    let modulo = !renumber;
    let (a, b) = (body(&applied, modulo), body(&new, modulo));
    if a != b {
        let first = a
            .iter()
            .zip(&b)
            .find(|(x, y)| x != y)
            .map(|(x, y)| format!("{x}\n≠\n{y}"))
            .unwrap_or_else(|| format!("{} ≠ {} nodes", a.len(), b.len()));
        return Err(format!("{first}\n\n{text}"));
    }
    // Nothing changed outside the amended units: the whole trees are equal.
    let whole = renumber && outside(&old) == outside(&new);
    if whole && !applied.same_tree(&new) {
        return Err(format!(
            "whole tree: {}\n\n{text}",
            applied.first_difference(&new).unwrap_or_default()
        ));
    }
    Ok(whole)
}

/// The nodes outside the amended units (title, parties, visas, signatures, notes…).
fn outside(doc: &Document) -> Vec<avenant::Node> {
    doc.top_level()
        .iter()
        .filter(|id| {
            !matches!(
                doc.node(**id).kind,
                NodeKind::Article | NodeKind::Annexe | NodeKind::Preambule | NodeKind::Structure
            )
        })
        .flat_map(|id| std::iter::once(*id).chain(doc.descendants(*id)))
        .map(|id| {
            let mut n = doc.node(id).clone();
            n.children.clear();
            n.parent = None;
            n
        })
        .collect()
}

#[test]
fn every_case_round_trips_with_default_options() {
    let mut failures = Vec::new();
    for dir in cases() {
        if let Err(e) = round_trip(&dir, false) {
            failures.push(format!("{}: {e}", dir.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n=====\n\n"));
}

#[test]
fn every_case_round_trips_with_renumber() {
    let mut failures = Vec::new();
    let mut whole = 0;
    for dir in cases() {
        match round_trip(&dir, true) {
            Ok(w) => whole += usize::from(w),
            Err(e) => failures.push(format!("{}: {e}", dir.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n=====\n\n"));
    // Cases 01 to 07 change nothing outside the articles: compared as whole trees.
    assert!(whole >= 7, "{whole} cases compared as whole trees");
}

/// The avenant drafted for every case, with default options, as a jurist reads it.
#[test]
fn drafted_avenants() {
    let dirs = cases();
    assert!(dirs.len() >= 12, "{} version cases", dirs.len());
    for dir in dirs {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let (old, new) = (load(&dir.join("old.md")), load(&dir.join("new.md")));
        let cmp = compare(old, new, &DiffOptions::default());
        let text = markdown(&draft(&cmp, &DraftOptions::default()));
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(format!("draft-md-{name}"), text);
        });
    }
}
