//! Parse time of the seeds and of the 6 MB Code du travail (target: under 1 s in release).

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

criterion_group!(benches, parse);
criterion_main!(benches);
