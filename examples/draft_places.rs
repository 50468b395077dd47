//! Where a drafted act, applied back to the old version, differs from the new one: the act is
//! drafted without its check, rendered, read back and applied, and the result compared node by
//! node with the new version (kind, label, heading, text, in document order). Each differing
//! run of nodes is one place, printed with the division holding it.
//!
//! `cargo run --release --example draft_places -- OLD NEW [ACT.md]`

use avenant::avenant::{draft, render, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::model::{Document, NodeId};
use std::path::Path;

fn lines(doc: &Document) -> Vec<(String, NodeId)> {
    use avenant::model::NodeKind as K;
    let mut out = Vec::new();
    for &top in doc.top_level() {
        if !matches!(
            doc.node(top).kind,
            K::Article
                | K::Annexe
                | K::Preambule
                | K::Structure
                | K::Titre
                | K::Parties
                | K::Visas
                | K::Signatures
                | K::Notes
                | K::Corps
        ) {
            continue;
        }
        for id in std::iter::once(top).chain(doc.descendants(top)) {
            let n = doc.node(id);
            // As `draft`'s own check compares them: article numbers aside (`--strict`
            // keeps them), heading lines through their folded heading, numbered lines as
            // alinéas.
            let label = if n.kind == K::Article && !strict() {
                String::new()
            } else {
                n.label.clone().unwrap_or_default()
            };
            let heading = n
                .heading
                .as_deref()
                .map(avenant::text::heading_key)
                .unwrap_or_default();
            let text = if matches!(
                n.kind,
                K::Article | K::Annexe | K::Structure | K::Preambule | K::Corps
            ) {
                ""
            } else {
                n.text.as_str()
            };
            let numbered = n.kind == K::Item
                && n.level == 0
                && n.label.as_deref().is_some_and(|l| n.text.starts_with(l));
            let dashed = if n.kind == K::Alinea && n.level == 0 {
                ["- ", "– ", "— "]
                    .iter()
                    .find_map(|d| n.text.strip_prefix(d))
                    .map(str::trim_start)
            } else {
                None
            };
            let (kind, label) = if numbered {
                ("alinea", "")
            } else if dashed.is_some() {
                ("item", "")
            } else {
                (n.kind.as_str(), label.as_str())
            };
            let text = dashed.unwrap_or(text);
            out.push((
                format!(
                    "{}|{}|{}|{}|{}",
                    kind,
                    label,
                    heading,
                    n.level,
                    avenant::text::fold_capital_accents(text)
                ),
                id,
            ));
        }
    }
    out
}

fn strict() -> bool {
    std::env::args().any(|a| a == "--strict")
}

fn path(doc: &Document, id: NodeId) -> String {
    let mut names: Vec<String> = std::iter::successors(doc.parent(id), |p| doc.parent(*p))
        .filter(|p| *p != doc.root())
        .map(|p| {
            let n = doc.node(p);
            n.label.clone().or(n.heading.clone()).unwrap_or_default()
        })
        .collect();
    names.reverse();
    names.join(" > ")
}

fn short(s: &str) -> String {
    s.chars().take(110).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (old, new) = (Path::new(&args[1]), Path::new(&args[2]));
    let read = |p: &Path| avenant::read(p, &Default::default()).expect("readable");
    let cmp = compare(read(old), read(new), &DiffOptions::default());
    let t = std::time::Instant::now();
    let av = draft(&cmp, &DraftOptions::default());
    eprintln!("draft: {:.2} s", t.elapsed().as_secs_f64());
    let md = render::markdown(&av);
    if let Some(out) = args.get(3) {
        std::fs::write(out, &md).expect("written");
    }
    let read_back = avenant::parse_avenant(&md).expect("reads back");
    let applied = avenant::apply(&cmp.old, &read_back).expect("applies");
    let (a, b) = (lines(&applied), lines(&cmp.new));
    let sa: Vec<&str> = a.iter().map(|x| x.0.as_str()).collect();
    let sb: Vec<&str> = b.iter().map(|x| x.0.as_str()).collect();
    let mut places = 0;
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &sa, &sb) {
        if let similar::DiffOp::Equal { .. } = op {
            continue;
        }
        places += 1;
        let (or, nr) = (op.old_range(), op.new_range());
        let at = if let Some(x) = b.get(nr.start) {
            path(&cmp.new, x.1)
        } else {
            path(&applied, a[or.start].1)
        };
        println!("== place {places}: {at}");
        for x in &a[or] {
            println!("  - {}", short(&x.0));
        }
        for x in &b[nr] {
            println!("  + {}", short(&x.0));
        }
    }
    println!("{places} places");
}
