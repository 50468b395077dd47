//! The DINUM CCTP (26 pages, running page numbers, real hyphenated compounds) read from PDF:
//! it parses into its numbered sections with no page number left in any node and no
//! compound broken.

use avenant::{NodeKind, ReadOptions};
use std::path::Path;

fn cctp() -> avenant::Document {
    let path = format!(
        "{}/corpus/pdf/dinum-cctp-accord-cadre-produit-2025.pdf",
        env!("CARGO_MANIFEST_DIR")
    );
    avenant::load(Path::new(&path), &ReadOptions::default()).expect("the CCTP parses")
}

#[test]
fn sections_are_found() {
    let doc = cctp();
    for key in [
        "article-2.1",
        "article-3.1",
        "article-4.1",
        "article-4.1.1",
        "article-5.8.2",
        "article-6.2",
    ] {
        assert!(doc.get(key).is_some(), "{key} missing");
    }
    let sub = doc.get("article-4.1.1").expect("4.1.1");
    assert_eq!(
        doc.node(doc.parent(sub).expect("parent")).key,
        "article-4.1"
    );
}

#[test]
fn no_page_number_or_running_line_left() {
    let doc = cctp();
    for node in &doc.nodes {
        let t = node.text.trim();
        let bare_number = !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit());
        assert!(!bare_number, "page number left as {}: {t:?}", node.key);
        assert!(
            !t.starts_with("Page ") || !t.contains(" sur "),
            "{}: {t}",
            node.key
        );
    }
    // The letterhead stays once, at the top, not repeated on every page.
    let letterhead = doc
        .nodes
        .iter()
        .filter(|n| n.text == "Secrétariat général du Gouvernement")
        .count();
    assert_eq!(letterhead, 1);
}

#[test]
fn compounds_are_kept_and_line_end_hyphens_joined() {
    let doc = cctp();
    let text: String = doc
        .nodes
        .iter()
        .filter(|n| n.kind != NodeKind::Document)
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.matches("accord-cadre").count() >= 20,
        "accord-cadre kept"
    );
    assert!(!text.contains("accordcadre") && !text.contains("accord- cadre"));
    assert!(text.contains("c'est-à-dire"));
    assert!(!text.contains("est- à"));
    // No word is left cut by a line-end hyphen (« conven- tion »).
    let cut = text
        .split_whitespace()
        .filter(|w| {
            w.ends_with('-') && w.len() > 2 && w.chars().next().is_some_and(char::is_lowercase)
        })
        .collect::<Vec<_>>();
    assert!(cut.is_empty(), "cut words: {cut:?}");
}
