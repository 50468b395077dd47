//! Seeded mutation test on the stable toolchain: what the fuzzers guard, kept in CI. Corpus
//! texts and avenants are mutated with French markers, cut lines and flipped bytes (a fixed
//! seed: the same cases every run), then parsed, rendered, compared and applied — no panic.

use avenant::diff::{compare, DiffOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

/// Markers the mutations insert: the words the parser and the avenant reader key on.
const MARKERS: &[&str] = &[
    "Article ",
    "ARTICLE 3 ",
    "Article 1er – ",
    "Art. 2. – ",
    "Annexe ",
    "## ",
    "# ",
    "> ",
    "- ",
    "1° ",
    "| a | b |\n|---|",
    "« ",
    " »",
    "«",
    "»",
    "bis ",
    "alinéa ",
    "est ainsi rédigé :",
    "les mots : « ",
    "sont remplacés par les mots : « ",
    "est abrogé.",
    "-- ",
    "\t",
    "\n\n",
    "¹ ",
    "Fait à ",
    "Vu ",
    "Entre :",
    "12 000 €",
    "31 décembre 2021",
];

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One mutation of `text`, on a char boundary.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return MARKERS[rng.below(MARKERS.len())].to_string();
    }
    let i = rng.below(lines.len());
    match rng.below(7) {
        0 => {
            let marker = MARKERS[rng.below(MARKERS.len())];
            let line = &mut lines[i];
            let at = boundary(line, rng.below(line.len() + 1));
            line.insert_str(at, marker);
        }
        1 => {
            lines.remove(i);
        }
        2 => {
            let copy = lines[i].clone();
            lines.insert(rng.below(lines.len() + 1), copy);
        }
        3 => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        4 => {
            let line = &mut lines[i];
            let at = boundary(line, rng.below(line.len() + 1));
            line.truncate(at);
        }
        5 => {
            // A digit changed: article numbers, dates, amounts.
            let line = &mut lines[i];
            if let Some((at, _)) = line.char_indices().find(|(_, c)| c.is_ascii_digit()) {
                let d = char::from(b'0' + rng.below(10) as u8);
                line.replace_range(at..at + 1, &d.to_string());
            } else {
                line.push_str(" 7");
            }
        }
        _ => {
            let n = 1 + rng.below(4);
            let end = (i + n).min(lines.len());
            let block: Vec<String> = lines[i..end].to_vec();
            lines.splice(i..i, block);
        }
    }
    lines.join("\n")
}

fn boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn read(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Runs `f`, and names the case when it panics.
fn guarded(what: &str, case: usize, input: &str, f: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        let path = std::env::temp_dir().join(format!("avenant-mutant-{what}-{case}.md"));
        let _ = std::fs::write(&path, input);
        panic!(
            "{what} : panique sur le mutant {case} (écrit dans {})",
            path.display()
        );
    }
}

fn texts() -> Vec<String> {
    [
        "corpus/01-article-insere/old.md",
        "corpus/04-alinea-scinde/old.md",
        "corpus/07-montant-date/new.md",
        "corpus/10-partenaires/old.md",
    ]
    .iter()
    .map(|p| read(p))
    .collect()
}

#[test]
fn parse_and_render_mutants() {
    let start = Instant::now();
    let mut rng = Rng(0x5EED_0001);
    let bases = texts();
    for case in 0..1_000 {
        let base = &bases[case % bases.len()];
        let mut text = mutate(base, &mut rng);
        for _ in 0..rng.below(3) {
            text = mutate(&text, &mut rng);
        }
        guarded("parse", case, &text, || {
            let doc = avenant::parse_str("mutant.md", &text);
            let mut out = Vec::new();
            avenant::render::outline::write_outline(&doc, &mut out).expect("outline");
            avenant::render::json::write_json(&doc, &mut out).expect("json");
            out.clear();
            avenant::render::markdown::write_markdown(&doc, &mut out).expect("md");
            let _ = avenant::parse_str("relu.md", &String::from_utf8_lossy(&out));
        });
    }
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

#[test]
fn diff_and_draft_mutants() {
    let start = Instant::now();
    let mut rng = Rng(0x5EED_0002);
    let bases = texts();
    for case in 0..200 {
        let base = &bases[case % bases.len()];
        let text = mutate(&mutate(base, &mut rng), &mut rng);
        guarded("diff", case, &text, || {
            let old = avenant::parse_str("ancien.md", base);
            let new = avenant::parse_str("mutant.md", &text);
            let cmp = compare(old, new, &DiffOptions::default());
            let render = avenant::render::diff_common::DiffRenderOptions::default();
            let mut out = Vec::new();
            avenant::render::diff_json::write_diff_json(&cmp, &render, &mut out).expect("json");
            let _ = avenant::avenant::draft(&cmp, &avenant::avenant::DraftOptions::default());
        });
    }
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

#[test]
fn apply_mutated_avenants() {
    let start = Instant::now();
    let mut rng = Rng(0x5EED_0003);
    let convention = avenant::parse_str(
        "convention.md",
        &read("corpus/conventions/ena-dinum-2021.md"),
    );
    let avenants = [
        read("corpus/avenants/ena-dinum-2021-avenant-1.md"),
        read("corpus/avenants/ena-dinum-2021-avenant-renouvellement.md"),
    ];
    for case in 0..800 {
        let text = mutate(&avenants[case % avenants.len()], &mut rng);
        guarded("apply", case, &text, || {
            if let Ok(av) = avenant::avenant::parse_avenant(&text) {
                let _ = avenant::avenant::apply(&convention, &av);
            }
        });
    }
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}
