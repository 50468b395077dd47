//! Seeded mutation test on the stable toolchain: what the fuzzers guard, kept in CI. Corpus
//! texts, avenants and office files are mutated with French markers, office markup, cut lines
//! and flipped bytes (a fixed seed: the same cases every run), then read, parsed, rendered,
//! compared and applied — no panic.

use avenant::diff::{compare, DiffOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Duration;

use crate::reliability_budget::Budget;

/// CPU time (not wall-clock time: the machine may be loaded) each group of cases may use.
const LIMIT: Duration = Duration::from_secs(60);

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
    let budget = Budget::start();
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
    budget.assert_under(LIMIT, "parse_and_render_mutants");
}

#[test]
fn diff_and_draft_mutants() {
    let budget = Budget::start();
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
    budget.assert_under(LIMIT, "diff_and_draft_mutants");
}

#[test]
fn apply_mutated_avenants() {
    let budget = Budget::start();
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
    budget.assert_under(LIMIT, "apply_mutated_avenants");
}

/// Markup the office mutations insert: what the .docx and .odt readers key on.
const OFFICE_MARKERS: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r><w:t>Article 3 – </w:t></w:r>",
    "<w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr></w:tbl>",
    "<w:ins w:id=\"9\">",
    "</w:ins>",
    "<w:del w:id=\"8\"><w:r><w:delText>x</w:delText></w:r></w:del>",
    "<w:moveFrom w:id=\"7\">",
    "<w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"1\"/></w:numPr>",
    "<w:footnoteReference w:id=\"1\"/>",
    "<w:fldChar w:fldCharType=\"begin\"/>",
    "<w:fldChar w:fldCharType=\"end\"/>",
    "<w:sym w:font=\"Wingdings\" w:char=\"F0FE\"/>",
    "<w:gridSpan w:val=\"4000000000\"/>",
    "<text:p>",
    "</text:p>",
    "<text:h text:outline-level=\"99\">",
    "<text:list><text:list-item>",
    "</text:list-item></text:list>",
    "<text:s text:c=\"99999999\"/>",
    "<text:change text:change-id=\"c1\"/>",
    "<text:change-start text:change-id=\"c1\"/>",
    "<table:table><table:table-row><table:table-cell>",
    "&#0;",
    "&unknown;",
    "<!DOCTYPE x [<!ENTITY e \"eeeeeeeeee\">]>",
];

fn mutate_xml(xml: &str, rng: &mut Rng) -> String {
    let mut out = xml.to_string();
    for _ in 0..1 + rng.below(3) {
        let at = boundary(&out, rng.below(out.len() + 1));
        match rng.below(4) {
            0 | 1 => out.insert_str(at, OFFICE_MARKERS[rng.below(OFFICE_MARKERS.len())]),
            2 => {
                let end = boundary(&out, (at + 1 + rng.below(64)).min(out.len()));
                out.replace_range(at..end, "");
            }
            _ => {
                // A tag of the document moved elsewhere.
                if let Some(open) = out[at..].find('<') {
                    let s = at + open;
                    if let Some(len) = out[s..].find('>') {
                        let tag = out[s..s + len + 1].to_string();
                        let to = boundary(&out, rng.below(out.len() + 1));
                        out.insert_str(to, &tag);
                    }
                }
            }
        }
    }
    out
}

/// The parts of an office file, and the file rebuilt from (possibly changed) parts.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("entry");
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut data).expect("read");
            (entry.name().expect("entry name").to_string(), data)
        })
        .collect()
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        z.start_file(name.as_str(), o).expect("entry");
        z.write_all(data).expect("write");
    }
    z.finish().expect("finish");
    out.into_inner()
}

#[test]
fn office_mutants() {
    let budget = Budget::start();
    let mut rng = Rng(0x5EED_0004);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<Vec<(String, Vec<u8>)>> = [
        "corpus/office/ena-dinum-2021.pandoc.docx",
        "corpus/office/canope-dinum-2020.pandoc.odt",
    ]
    .iter()
    .map(|f| unzip(&std::fs::read(root.join(f)).expect("office fixture")))
    .collect();
    let options = avenant::ReadOptions::default();
    for case in 0..400 {
        let mut parts = files[case % files.len()].clone();
        let xml_parts: Vec<usize> = (0..parts.len())
            .filter(|i| parts[*i].0.ends_with(".xml"))
            .collect();
        let i = xml_parts[rng.below(xml_parts.len())];
        let xml = String::from_utf8_lossy(&parts[i].1).into_owned();
        parts[i].1 = mutate_xml(&xml, &mut rng).into_bytes();
        let bytes = rezip(&parts);
        let revisions = [
            avenant::extract::Revisions::Accept,
            avenant::extract::Revisions::Reject,
        ][case % 2];
        let options = avenant::ReadOptions {
            revisions,
            ..options
        };
        guarded("office", case, &parts[i].0, || {
            if let Ok((source, _)) = avenant::extract::read_bytes("mutant.docx", &bytes, &options) {
                let doc = avenant::parse_str("mutant.docx", &source.text);
                let mut out = Vec::new();
                avenant::render::json::write_json(&doc, &mut out).expect("json");
            }
        });
    }
    // Bytes of the archive itself flipped: refused in one error or read, never a panic.
    for case in 0..200 {
        let mut bytes = rezip(&files[case % files.len()]);
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
        }
        guarded("zip", case, "octets", || {
            let _ = avenant::extract::read_bytes("mutant.docx", &bytes, &options);
        });
    }
    budget.assert_under(LIMIT, "office_mutants");
}

#[test]
fn byte_mutants_through_extract() {
    // Raw bytes flipped, cut or re-encoded: the decoder picks an encoding or refuses, then the
    // parser reads what it got.
    let budget = Budget::start();
    let mut rng = Rng(0x5EED_0005);
    let bases = texts();
    let options = avenant::ReadOptions::default();
    for case in 0..600 {
        let mut bytes = bases[case % bases.len()].clone().into_bytes();
        match rng.below(4) {
            0 => {
                for _ in 0..1 + rng.below(6) {
                    let at = rng.below(bytes.len());
                    bytes[at] = rng.next() as u8;
                }
            }
            1 => bytes.truncate(rng.below(bytes.len())),
            2 => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut utf16: Vec<u8> = if rng.below(2) == 0 {
                    vec![0xFF, 0xFE]
                } else {
                    Vec::new()
                };
                utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                let cut = rng.below(utf16.len());
                utf16.truncate(cut);
                bytes = utf16;
            }
            _ => {
                let at = rng.below(bytes.len());
                bytes.splice(at..at, [0xFF, 0xFE, 0x00, 0xC3]);
            }
        }
        guarded("octets", case, &String::from_utf8_lossy(&bytes), || {
            if let Ok((source, _)) = avenant::extract::read_bytes("mutant.md", &bytes, &options) {
                let _ = avenant::parse_str("mutant.md", &source.text);
            }
        });
    }
    budget.assert_under(LIMIT, "byte_mutants_through_extract");
}

/// What the `diff` fuzz target does with one input (fuzz/fuzz_targets/diff.rs): the text and
/// the text with its lines rotated and one dropped, compared, rendered and drafted.
fn diff_target(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut other: Vec<&str> = lines.clone();
    if !other.is_empty() {
        let k = data[0] as usize % other.len();
        other.rotate_left(k / 2);
        other.remove(k);
    }
    let old = avenant::parse_str("ancien.md", text);
    let new = avenant::parse_str("nouveau.md", &other.join("\n"));
    let cmp = compare(old, new, &DiffOptions::default());
    let render = avenant::render::diff_common::DiffRenderOptions::default();
    let mut out = Vec::new();
    let _ = avenant::render::diff_terminal::write_diff_terminal(&cmp, &render, &mut out);
    out.clear();
    let _ = avenant::render::diff_json::write_diff_json(&cmp, &render, &mut out);
    out.clear();
    let _ = avenant::render::diff_md::write_diff_md(&cmp, &render, &mut out);
    let _ = avenant::avenant::draft(&cmp, &avenant::avenant::DraftOptions::default());
}

#[test]
fn inputs_that_stopped_the_fuzzers_run_in_bounded_time() {
    // Every input a fuzz run reported (crash, timeout, OOM), replayed through what its target
    // does: no panic, under 10 s of CPU each. The two timeouts of the first runs were CPU
    // starvation (0.22 s and 1.9 s alone, instrumented); they stay here as guards.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("fuzz/regressions"))
        .expect("fuzz/regressions")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    cases.sort();
    // The PDF timeout was the seed itself.
    cases.push(root.join("corpus/pdf/dinum-cctp-accord-cadre-produit-2025.pdf"));
    for path in cases {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let data = std::fs::read(&path).expect("regression input");
        let budget = Budget::start();
        guarded("régression", 0, &name, || {
            if name.starts_with("diff-") {
                diff_target(&data);
            } else if name.starts_with("parse-") {
                let _ = avenant::parse_str("relu.md", &String::from_utf8_lossy(&data));
            } else if name.starts_with("apply-") {
                if let Ok(av) = avenant::avenant::parse_avenant(&String::from_utf8_lossy(&data)) {
                    let convention = avenant::parse_str(
                        "convention.md",
                        &read("corpus/conventions/ena-dinum-2021.md"),
                    );
                    let _ = avenant::avenant::apply(&convention, &av);
                }
            } else {
                let _ =
                    avenant::extract::read_bytes(&name, &data, &avenant::ReadOptions::default());
            }
        });
        budget.assert_under(Duration::from_secs(10), &name);
    }
}
