//! PDF extraction time (`extract::pdf::pdf_to_text`) on the CCTP (26 pages) and the four seed PDFs.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

const FILES: [&str; 5] = [
    "dinum-cctp-accord-cadre-produit-2025.pdf",
    "canope-dinum-2020.office.pdf",
    "canope-dinum-2020.web.pdf",
    "ena-dinum-2021.office.pdf",
    "ena-dinum-2021.web.pdf",
];

fn pdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf_to_text");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(20);
    for name in FILES {
        let path = format!("{}/corpus/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
        match std::fs::read(&path) {
            Ok(bytes) => {
                group.bench_function(name, |b| {
                    b.iter(|| avenant::extract::pdf::pdf_to_text(black_box(&bytes)))
                });
            }
            Err(e) => eprintln!("{path}: {e}, bench skipped"),
        }
    }
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
