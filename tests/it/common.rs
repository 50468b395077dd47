//! Helpers shared by the integration tests: cosmetic rewrites of a convention (typography
//! only), which must never change its tree nor its comparison with the original; office and
//! OLE files built in memory; the blind tests' corpus listing, tree look-ups and act round trip.

/// Cosmetic rewrites of one line, chosen by `seed`.
#[derive(Debug, Clone, Copy)]
pub enum Rewrite {
    Apostrophes,
    Nbsp,
    Bold,
    PageBreak,
}

pub fn rewrite(text: &str, how: Rewrite, seed: usize) -> String {
    match how {
        Rewrite::Apostrophes => text.replace('\'', "’"),
        Rewrite::Nbsp => {
            // Every `seed % 3 + 2`-th space inside a line becomes a no-break space.
            let step = seed % 3 + 2;
            let mut n = 0;
            text.split('\n')
                .map(|line| {
                    let lead = line.len() - line.trim_start().len();
                    let (indent, rest) = line.split_at(lead);
                    let body: String = rest
                        .chars()
                        .map(|c| {
                            if c == ' ' {
                                n += 1;
                                if n % step == 0 {
                                    return '\u{a0}';
                                }
                            }
                            c
                        })
                        .collect();
                    format!("{indent}{body}")
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Rewrite::Bold => {
            // Bold every `seed % 5 + 3`-th purely alphabetic word that is not a line's first.
            let step = seed % 5 + 3;
            let mut n = 0;
            text.split('\n')
                .map(|line| {
                    line.split(' ')
                        .enumerate()
                        .map(|(i, w)| {
                            if i > 0 && !w.is_empty() && w.chars().all(char::is_alphabetic) {
                                n += 1;
                                if n % step == 0 {
                                    return format!("**{w}**");
                                }
                            }
                            w.to_string()
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Rewrite::PageBreak => {
            // Split one long plain paragraph in two before a lower-case word, as a page break does.
            let lines: Vec<&str> = text.split('\n').collect();
            let candidates: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| {
                    l.split(' ').count() > 15
                        && !l.contains('\t')
                        && l.starts_with(|c: char| c.is_alphabetic())
                        && !l.starts_with("Vu ")
                })
                .map(|(i, _)| i)
                .collect();
            if candidates.is_empty() {
                return text.to_string();
            }
            let li = candidates[seed % candidates.len()];
            let words: Vec<&str> = lines[li].split(' ').collect();
            let cut = (8..words.len()).find(|&k| {
                words[k].starts_with(|c: char| c.is_lowercase())
                    && !words[k - 1].ends_with(['.', ';', ':', '!', '?', '»', '…'])
                    && !words[k - 1].is_empty()
                    // An export closes emphasis at a paragraph's end: never cut inside `*…*`.
                    && balanced_emphasis(&words[..k].join(" "))
            });
            let Some(k) = cut else {
                return text.to_string();
            };
            let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
            out[li] = format!("{}\n\n{}", words[..k].join(" "), words[k..].join(" "));
            out.join("\n")
        }
    }
}

/// Every `**` and `*` opened in `prefix` is closed in it.
pub fn balanced_emphasis(prefix: &str) -> bool {
    let doubles = prefix.matches("**").count();
    let singles = prefix.replace("**", "").matches('*').count();
    doubles.is_multiple_of(2) && singles.is_multiple_of(2)
}

/// Writes a zip archive with these entries (deflated): the office files the reader must refuse.
pub fn zip_file(path: &std::path::Path, entries: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).expect("entry");
        std::io::Write::write_all(&mut zip, bytes).expect("write");
    }
    zip.finish().expect("finish");
}

/// An OLE compound file (the container of Word 97 files and of password-protected Office
/// files) naming one stream, enough for the reader to recognise it.
pub fn ole_file(stream: &str) -> Vec<u8> {
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 512));
    bytes.extend(stream.encode_utf16().flat_map(|u| u.to_le_bytes()));
    bytes.extend(std::iter::repeat_n(0u8, 512));
    bytes
}

/// The act drafted from `old` to `new` (texts), verified by `draft_checked` (applied back to the
/// new version), in Markdown; panics with the refusal when it does not verify.
pub fn verified_act(old: &str, new: &str, options: &avenant::avenant::DraftOptions) -> String {
    let cmp = avenant::diff::compare(
        avenant::parse_str("old.md", old),
        avenant::parse_str("new.md", new),
        &avenant::diff::DiffOptions::default(),
    );
    avenant::avenant::render::markdown(
        &avenant::avenant::draft_checked(&cmp, options).unwrap_or_else(|e| panic!("{e}")),
    )
}

// ——— The blind tests' helpers (`blind_corpus.rs`, `blind2_corpus.rs`, `blind3_corpus.rs`) ———

/// The file `name` of a corpus folder (relative to the crate).
pub fn corpus_file(folder: &str, name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(folder)
        .join(name)
}

/// The document at `p`, read as the CLI reads it, or a panic naming the file.
pub fn load_path(p: &std::path::Path) -> avenant::Document {
    avenant::load(p, &Default::default()).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A command's output as text, its non-breaking spaces (« », « : ») read as spaces.
pub fn spaced(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace(['\u{a0}', '\u{202f}'], " ")
}

/// A path in the temporary folder, unique to this test process and to `tag`.
pub fn temp_path(tag: &str, name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("avenant-{tag}-{}-{name}", std::process::id()))
}

/// [`temp_path`], written with `text`.
pub fn temp_file(tag: &str, name: &str, text: &str) -> std::path::PathBuf {
    let p = temp_path(tag, name);
    std::fs::write(&p, text).expect("temp file");
    p
}

/// The documents of a corpus folder (relative to the crate): its `.txt` files, sorted (the
/// README and the PDFs aside).
pub fn corpus_texts(folder: &str) -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// How many times each word occurs in the texts (Unicode word boundaries).
pub fn word_counts<'a>(
    texts: impl Iterator<Item = &'a str>,
) -> std::collections::BTreeMap<String, usize> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut m = std::collections::BTreeMap::new();
    for t in texts {
        for w in t.unicode_words() {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    m
}

/// The node under `key`, or a panic naming the document and the key.
pub fn node<'a>(doc: &'a avenant::Document, key: &str) -> &'a avenant::Node {
    let id = doc
        .get(key)
        .unwrap_or_else(|| panic!("{}: no {key}", doc.source.path));
    doc.node(id)
}

/// The texts of the alinéas of the unit under `key`.
pub fn alinea_texts(doc: &avenant::Document, key: &str) -> Vec<String> {
    let id = doc
        .get(key)
        .unwrap_or_else(|| panic!("{}: no {key}", doc.source.path));
    doc.alineas(id)
        .into_iter()
        .map(|a| doc.node(a).text.clone())
        .collect()
}

/// The keys of the document's articles, in order.
pub fn article_keys(doc: &avenant::Document) -> Vec<String> {
    doc.articles()
        .into_iter()
        .map(|a| doc.node(a).key.clone())
        .collect()
}

/// The real `avenant` binary run from the crate's folder.
pub fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs")
}

/// The round trip of a drafted act: drafted from `old` to `new` (verified by the drafter),
/// printed in Markdown, read back as text and applied to `old`. Returns the act and the
/// comparison of the consolidated text with `new` (each test says what may differ); panics,
/// naming `old`, when a step fails.
pub fn act_round_trip(
    old: &avenant::Document,
    new: &avenant::Document,
) -> (String, avenant::Comparison) {
    use avenant::diff::{compare, DiffOptions};
    let name = old.source.path.clone();
    let cmp = compare(old.clone(), new.clone(), &DiffOptions::default());
    let av = avenant::avenant::draft_checked(&cmp, &avenant::avenant::DraftOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let md = avenant::avenant::render::markdown(&av);
    let read = avenant::avenant::parse_avenant(&md)
        .unwrap_or_else(|e| panic!("{name}: act unreadable: {e}\n{md}"));
    let applied =
        avenant::avenant::apply(old, &read).unwrap_or_else(|e| panic!("{name}: {e}\n{md}"));
    let back = compare(applied, new.clone(), &DiffOptions::default());
    (md, back)
}
