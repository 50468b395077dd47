//! Scaling of parse + diff: each input at size n and doubled by concatenation (2n); the target
//! is t(2n)/t(n) ≤ 2.2 (compare the two lines of each case). Cases: the Code du travail pair
//! (first quarter, when ../shared/corpus/bench is present) and adversarial inputs — thousands
//! of identical articles, one-word articles, one long alinéa (over the word-diff budget).

use avenant::diff::{compare, DiffOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).ok()
}

/// The first `1/parts` of a text, cut at a line boundary.
fn head(text: &str, parts: usize) -> String {
    let mid = text.len() / parts;
    let cut = text[mid..].find('\n').map_or(text.len(), |i| mid + i);
    text[..cut].to_string()
}

/// A small deterministic generator (no dependency): xorshift.
fn words(seed: u64, n: usize, alphabet: u64) -> Vec<String> {
    let mut x = seed.max(1);
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            format!("mot{}", x % alphabet)
        })
        .collect()
}

/// (name, old, new) at size n.
fn cases() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (
        read("../shared/corpus/bench/code-du-travail-2011-12-31.md"),
        read("../shared/corpus/bench/code-du-travail-2015-04-01.md"),
    ) {
        out.push(("code-du-travail, quart".into(), head(&a, 4), head(&b, 4)));
    }
    let same = |count: usize, skip: usize| {
        let mut t = String::from("Convention\n\n");
        for i in 1..=count {
            if skip == 0 || i % skip != 0 {
                t.push_str(&format!(
                    "Article {i}\n\nLe présent article s'applique aux salariés.\n\n"
                ));
            }
        }
        t
    };
    out.push(("articles identiques".into(), same(2_000, 0), same(2_000, 3)));
    let one_word = |seed: u64| {
        let mut t = String::from("Convention\n\n");
        for (i, w) in words(seed, 4_000, 50).iter().enumerate() {
            t.push_str(&format!("Article {}\n\n{w}\n\n", i + 1));
        }
        t
    };
    out.push(("articles d'un mot".into(), one_word(1), one_word(2)));
    let long = |seed: u64| {
        format!(
            "Convention\n\nArticle 1er : Objet\n\n{}.\n",
            words(seed, 40_000, 300).join(" ")
        )
    };
    out.push(("un long alinéa".into(), long(3), long(4)));
    out
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group
        .measurement_time(Duration::from_secs(8))
        .sample_size(10);
    for (name, a, b) in cases() {
        for (size, a, b) in [
            ("n", a.clone(), b.clone()),
            ("2n", a.repeat(2), b.repeat(2)),
        ] {
            group.bench_function(format!("{name} ({size}, parse + diff)"), |bench| {
                bench.iter(|| {
                    compare(
                        avenant::parse_str("a", black_box(&a)),
                        avenant::parse_str("b", black_box(&b)),
                        &DiffOptions::default(),
                    )
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
