//! Headings read from a PDF's type size (blind2 22): a series of short lines set larger than
//! the body is written as Markdown headings by the PDF reader, so that a document whose
//! headings carry no number keeps its sections. Tested on two real documents of different
//! makers (the ASN statuts printed by Chromium, the Aidants Connect legal notice), and on
//! what must not change: a two-heading leaflet, a paragraph's first line set larger.

use avenant::{Document, ReadOptions};
use std::path::Path;

fn load(rel: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    avenant::load(&path, &ReadOptions::default()).expect("the PDF parses")
}

fn article_headings(doc: &Document) -> Vec<String> {
    doc.articles()
        .into_iter()
        .map(|a| doc.node(a).heading.clone().unwrap_or_default())
        .collect()
}

#[test]
fn a_legal_notice_keeps_its_question_headings() {
    // Nine questions set in a larger size, each over its answer (read by hand in the PDF).
    let doc = load("corpus/pdf/aidants-connect-elements-juridiques-2024.pdf");
    let headings = article_headings(&doc);
    assert_eq!(headings.len(), 9, "{headings:?}");
    assert_eq!(headings[0], "Le mandat Aidants Connect");
    assert_eq!(headings[1], "Qui est concerné ?");
    assert!(headings[8].starts_with("Le mandat Aidants Connect couvre-t-il"));
    // Each answer stays under its question.
    let answer = doc.get("article-2/al-1").expect("article-2/al-1");
    assert!(doc
        .node(answer)
        .text
        .starts_with("Les professionnels du secteur social"));
}

#[test]
fn the_statuts_printed_by_a_browser_keep_their_sections() {
    let doc = load("corpus/blind2/pdf/asn-statuts-2017-04-05.chromium.pdf");
    let headings = article_headings(&doc);
    assert_eq!(headings.len(), 19);
    assert_eq!(headings[0], "Constitution");
    assert_eq!(
        headings[18],
        "Membres fondateurs, dispositions transitoires"
    );
}

#[test]
fn two_headings_set_large_are_no_series() {
    // The charters have two headings each (one of them empty in the old layout, its items
    // drawn in the other column): read as intertitles, as before, in both versions alike.
    for name in [
        "corpus/pdf/aidants-connect-charte-referent-2025.pdf",
        "corpus/pdf/aidants-connect-charte-referent-old.pdf",
    ] {
        let doc = load(name);
        assert!(doc.articles().is_empty(), "{name}");
        assert!(
            doc.nodes
                .iter()
                .any(|n| n.key == "je-veille-au-bon-embarquement-des-aidants-sur-l-outil"),
            "{name}"
        );
    }
    // The old charter's title, set large on two lines, is one title.
    let old = load("corpus/pdf/aidants-connect-charte-referent-old.pdf");
    let title = old.get("titre").expect("titre");
    assert_eq!(
        old.node(title).text,
        "LA CHARTE DU RESPONSABLE AIDANTS CONNECT"
    );
}

#[test]
fn a_paragraph_whose_first_line_is_larger_is_no_heading() {
    // The CCTP's « La Direction interministérielle du numérique (DINUM) est placée… » opens
    // its paragraph in a larger size and goes on in the body's: one alinéa of 2.1.
    let doc = load("corpus/pdf/dinum-cctp-accord-cadre-produit-2025.pdf");
    let first = doc.get("article-2.1/al-1").expect("article-2.1/al-1");
    let text = &doc.node(first).text;
    assert!(
        text.starts_with("La Direction interministérielle du numérique (DINUM) est placée")
            && text.contains("Premier ministre"),
        "{text}"
    );
    assert!(doc
        .nodes
        .iter()
        .all(|n| !n.key.contains("la-direction-interministerielle")));
}
