//! Nothing lost, for PDFs: every word the extractor gives is in the tree (exact multiset), and
//! the extractor keeps the words `pdftotext` finds (its baselines beside the shared PDFs), but
//! for the page furniture it drops on purpose (running headers, page numbers).

use avenant::normalise;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_segmentation::UnicodeSegmentation;

fn pdfs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("corpus/pdf"), root.join("../shared/corpus/pdf")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("{} absent : sauté", dir.display());
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

fn words(text: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for line in text.split('\n') {
        for w in normalise::inline(line).unicode_words() {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    m
}

fn tree_words(doc: &avenant::Document) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for n in &doc.nodes {
        for w in n.text.unicode_words() {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    m
}

#[test]
fn every_extracted_word_is_in_the_tree() {
    for path in pdfs() {
        let bytes = std::fs::read(&path).expect("pdf");
        let Ok(text) = avenant::extract::pdf::pdf_to_text(&bytes) else {
            continue; // refused PDFs (broken text layer) are the catalogue's business
        };
        let name = path.display().to_string();
        let doc = avenant::parse_str(&name, &text);
        let (input, tree) = (words(&text), tree_words(&doc));
        let lost: Vec<String> = input
            .iter()
            .filter(|(w, n)| tree.get(*w).copied().unwrap_or(0) < **n)
            .map(|(w, n)| format!("{w} ({n} → {})", tree.get(w).copied().unwrap_or(0)))
            .collect();
        assert!(
            lost.is_empty(),
            "{name} : mots perdus : {}",
            lost.join(", ")
        );
    }
}

/// Words of pdftotext's baseline missing from our extraction, in share of the baseline; words
/// made only of digits (page numbers, « 3/26 ») and pdftotext's own line-end hyphen halves are
/// not counted.
#[test]
fn the_extractor_keeps_the_words_pdftotext_finds() {
    for path in pdfs() {
        let baseline = path.with_extension("pdftotext.txt");
        let Ok(reference) = std::fs::read_to_string(&baseline) else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("pdf");
        let text = avenant::extract::pdf::pdf_to_text(&bytes).expect("readable");
        let ours = words(&text);
        let theirs = words(&reference.replace("-\n", "").replace('\u{AD}', ""));
        let total: usize = theirs.values().sum();
        let mut missing = 0usize;
        let mut examples = Vec::new();
        for (w, n) in &theirs {
            if w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let m = ours.get(w).copied().unwrap_or(0);
            if m < *n {
                missing += n - m;
                if examples.len() < 20 {
                    examples.push(format!("{w} ({n} → {m})"));
                }
            }
        }
        let share = missing as f64 / total.max(1) as f64;
        eprintln!(
            "{} : {missing} mots de pdftotext absents sur {total} ({:.2} %)",
            path.display(),
            share * 100.0
        );
        assert!(
            share < 0.02,
            "{} : {missing} mots sur {total} absents : {}",
            path.display(),
            examples.join(", ")
        );
    }
}
