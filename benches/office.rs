//! Office reading time (`extract::read_bytes`) on a ~1 MB .docx built by repeating the body of the
//! pandoc-written Canopé convention (`corpus/office/`); the target is ≤ 100 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::io::{Read, Write};
use std::time::Duration;

/// The fixture with its body repeated until the archive weighs about `target` bytes.
fn big_docx(target: usize) -> Vec<u8> {
    let path = format!(
        "{}/corpus/office/canope-dinum-2020.pandoc.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("fixture");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("entry");
        let mut content = Vec::new();
        f.read_to_end(&mut content).expect("read");
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        parts.push((name, content));
    }
    let mut times = 1;
    loop {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, content) in &parts {
                zip.start_file(name.as_str(), options).expect("entry");
                if name == "word/document.xml" {
                    let xml = String::from_utf8_lossy(content);
                    let start = xml.find("<w:body>").expect("body") + "<w:body>".len();
                    let end = xml
                        .rfind("<w:sectPr")
                        .unwrap_or_else(|| xml.rfind("</w:body>").expect("end"));
                    let body = &xml[start..end];
                    let mut doc = String::from(&xml[..start]);
                    for _ in 0..times {
                        doc.push_str(body);
                    }
                    doc.push_str(&xml[end..]);
                    zip.write_all(doc.as_bytes()).expect("write");
                } else {
                    zip.write_all(content).expect("write");
                }
            }
            zip.finish().expect("finish");
        }
        let bytes = out.into_inner();
        if bytes.len() >= target || times > 4096 {
            return bytes;
        }
        times = (times * target / bytes.len().max(1)).max(times + 1);
    }
}

fn office(c: &mut Criterion) {
    let docx = big_docx(1024 * 1024);
    let options = avenant::ReadOptions::default();
    let mut group = c.benchmark_group("office");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(20);
    group.bench_function(format!("docx_{}_kB", docx.len() / 1024), |b| {
        b.iter(|| avenant::extract::read_bytes("big.docx", black_box(&docx), &options))
    });
    group.finish();
}

criterion_group!(benches, office);
criterion_main!(benches);
