//! Parse time of the seeds and of the 6 MB Code du travail (target: under 1 s in release), and
//! parse time at n and 2n units for texts whose numbers repeat or come out of order (target:
//! t(2n)/t(n) ≤ 2.2).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).ok()
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(10);
    for seed in ["canope-dinum-2020", "ena-dinum-2021"] {
        if let Some(text) = read(&format!("corpus/conventions/{seed}.md")) {
            group.bench_function(seed, |b| {
                b.iter(|| avenant::parse_str(seed, black_box(&text)))
            });
        }
    }
    match read("../shared/corpus/bench/code-du-travail-2015-04-01.md") {
        Some(text) => {
            group.bench_function("code-du-travail-2015 (6.2 Mo)", |b| {
                b.iter(|| avenant::parse_str("cdt", black_box(&text)))
            });
        }
        None => eprintln!("../shared/corpus/bench absent: Code du travail bench skipped"),
    }
    group.finish();
}

/// A deterministic shuffle (xorshift), so that the bench needs no random crate.
fn shuffled(n: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (1..=n).collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

/// Texts of `n` units in the shapes that used to cost n²: one article number repeated, article
/// numbers shuffled, numbers cycling 1–10 with sub-articles, shuffled dotted sections (no
/// « Article » word), shuffled « N. Titre » headings (read as no article at all).
pub fn shapes(n: usize) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut t = String::from("Convention de partenariat\n\n");
    for i in 0..n {
        t.push_str(&format!(
            "Article 3 – Clause {i}\n\nTexte de la clause {i}.\n\n"
        ));
    }
    out.push(("meme-numero", t));
    let mut t = String::from("Convention de partenariat\n\n");
    for (i, k) in shuffled(n).into_iter().enumerate() {
        t.push_str(&format!(
            "Article {k} – Clause {i}\n\nTexte de la clause {i}.\n\n- un point ;\n\n"
        ));
    }
    out.push(("desordre", t));
    let mut t = String::from("Convention de partenariat\n\n");
    for i in 0..n {
        let k = i % 10 + 1;
        t.push_str(&format!(
            "Article {k} : Titre\n\nTexte {i}.\n\n{k}.1 Sous-article\n\nTexte.\n\n"
        ));
    }
    out.push(("cycle-sous-articles", t));
    let mut t = String::from("Cahier des clauses techniques\n\n");
    for (i, k) in shuffled(n).into_iter().enumerate() {
        t.push_str(&format!(
            "{}.{} Stratégie {i}\n\nTexte de la section {i}.\n\n",
            k % 50 + 1,
            k % 9 + 1
        ));
    }
    out.push(("sections", t));
    let mut t = String::from("Charte\n\n");
    for (i, k) in shuffled(n).into_iter().enumerate() {
        t.push_str(&format!("{k}. Objet {i}\n\nTexte {i}.\n\n"));
    }
    out.push(("titres-numerotes", t));
    out
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse-scaling");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(10);
    for n in [4_000, 8_000] {
        for (shape, text) in shapes(n) {
            group.bench_function(format!("{shape}/{n}"), |b| {
                b.iter(|| avenant::parse_str(shape, black_box(&text)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, parse, scaling);
criterion_main!(benches);
