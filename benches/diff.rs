//! Diff time (align + word diff) of the Canopé → ENA pair and of the Code du travail 2011 → 2015
//! (target: under 1.5 s in release; the first half of each code too, to check near-linear cost).

use avenant::diff::{compare, DiffOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).ok()
}

/// The first half of a text, cut at a line boundary.
fn half(text: &str) -> &str {
    let mid = text.len() / 2;
    let cut = text[mid..].find('\n').map_or(text.len(), |i| mid + i);
    &text[..cut]
}

fn diff(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    if let (Some(a), Some(b)) = (
        read("corpus/conventions/canope-dinum-2020.md"),
        read("corpus/conventions/ena-dinum-2021.md"),
    ) {
        let (old, new) = (
            avenant::parse_str("canope", &a),
            avenant::parse_str("ena", &b),
        );
        group.bench_function("canope→ena (compare)", |bench| {
            bench.iter(|| {
                compare(
                    black_box(old.clone()),
                    black_box(new.clone()),
                    &DiffOptions::default(),
                )
            })
        });
    }
    match (
        read("../shared/corpus/bench/code-du-travail-2011-12-31.md"),
        read("../shared/corpus/bench/code-du-travail-2015-04-01.md"),
    ) {
        (Some(a), Some(b)) => {
            for (name, a, b) in [
                ("code-du-travail 2011→2015, first half", half(&a), half(&b)),
                ("code-du-travail 2011→2015", a.as_str(), b.as_str()),
            ] {
                let (old, new) = (avenant::parse_str("2011", a), avenant::parse_str("2015", b));
                group.bench_function(format!("{name} (compare)"), |bench| {
                    bench.iter(|| {
                        compare(
                            black_box(old.clone()),
                            black_box(new.clone()),
                            &DiffOptions::default(),
                        )
                    })
                });
                group.bench_function(format!("{name} (parse + compare)"), |bench| {
                    bench.iter(|| {
                        compare(
                            avenant::parse_str("2011", black_box(a)),
                            avenant::parse_str("2015", black_box(b)),
                            &DiffOptions::default(),
                        )
                    })
                });
            }
        }
        _ => eprintln!("../shared/corpus/bench absent: Code du travail diff bench skipped"),
    }
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
