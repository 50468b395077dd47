//! Drafting an avenant from a comparison, and applying it back, on the Canopé → ENA pair and the
//! Code civil pair; the Code du travail pair (about 8 s of CPU a draft, 2 s an apply of its
//! act, which `draft` does not verify yet) only when `AVENANT_BENCH_LARGE` is set. Then the scaling series: a generated text of 500 to 8,000
//! articles where every article changed (one amount each), drafted and applied; t(2n)/t(n)
//! should stay ≤ 2.2 (issue 15 and 16). Issue 15 targets draft ≤ 10× git word-diff.

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

    let mut group = c.benchmark_group("amend-scaling");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    for n in [500, 1_000, 2_000, 4_000, 8_000] {
        let old = avenant::parse_str("old", &every_article(n, false));
        let cmp = compare(
            old.clone(),
            avenant::parse_str("new", &every_article(n, true)),
            &DiffOptions::default(),
        );
        group.bench_function(format!("every article changed, {n} (draft)"), |bench| {
            bench.iter(|| draft(black_box(&cmp), &DraftOptions::default()))
        });
        let act = draft(&cmp, &DraftOptions::default());
        group.bench_function(format!("every article changed, {n} (apply)"), |bench| {
            bench.iter(|| apply(black_box(&old), black_box(&act)))
        });
    }
    group.finish();
}

/// A convention of `n` articles; `changed`: every article's amount doubled (one word each).
fn every_article(n: usize, changed: bool) -> String {
    let mut s = String::from("Convention de partenariat\n\n");
    for k in 1..=n {
        let amount = if changed { 2 * k } else { k };
        s.push_str(&format!(
            "Article {k} : Engagement {k}\n\nLe partenaire {k} verse une somme de {amount} euros au titre de l'année.\n\nLe comité se réunit chaque mois.\n\n"
        ));
    }
    s
}

criterion_group!(benches, amend);
criterion_main!(benches);
