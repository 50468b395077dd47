//! Drafting an avenant from a comparison, and applying it back, on the Canopé → ENA pair and the
//! Code civil pair; the Code du travail pair (about 100 s a draft today) only when
//! `AVENANT_BENCH_LARGE` is set. Measures the drafter as it is; issue 15 targets draft ≤ 10× git.

use avenant::avenant::{apply, draft, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).ok()
}

fn amend(c: &mut Criterion) {
    let mut group = c.benchmark_group("amend");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    let mut pairs = vec![
        (
            "canope→ena",
            "corpus/conventions/canope-dinum-2020.md",
            "corpus/conventions/ena-dinum-2021.md",
        ),
        (
            "code-civil 2012→2015",
            "../shared/corpus/bench/code-civil-2012-12-31.md",
            "../shared/corpus/bench/code-civil-2015-04-01.md",
        ),
    ];
    if std::env::var_os("AVENANT_BENCH_LARGE").is_some() {
        pairs.push((
            "code-du-travail 2011→2015",
            "../shared/corpus/bench/code-du-travail-2011-12-31.md",
            "../shared/corpus/bench/code-du-travail-2015-04-01.md",
        ));
    }
    for (name, a, b) in pairs {
        let (Some(a), Some(b)) = (read(a), read(b)) else {
            eprintln!("{name}: inputs absent, skipped");
            continue;
        };
        let old = avenant::parse_str("old", &a);
        let cmp = compare(
            old.clone(),
            avenant::parse_str("new", &b),
            &DiffOptions::default(),
        );
        group.bench_function(format!("{name} (draft)"), |bench| {
            bench.iter(|| draft(black_box(&cmp), &DraftOptions::default()))
        });
        let act = draft(&cmp, &DraftOptions::default());
        group.bench_function(format!("{name} (apply)"), |bench| {
            bench.iter(|| apply(black_box(&old), black_box(&act)))
        });
    }
    group.finish();
}

criterion_group!(benches, amend);
criterion_main!(benches);
