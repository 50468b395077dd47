//! Text boxes and frames anchored in the body, in files written by LibreOffice: each is read in
//! place (after the paragraph that anchors it, before the next one), once, in document order.

use avenant::model::NodeKind;
use std::path::Path;

/// The alinéas of each article, in order.
fn articles(path: &str) -> Vec<(String, Vec<String>)> {
    let doc = avenant::read(Path::new(path), &avenant::ReadOptions::default()).expect("reads");
    doc.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Article)
        .map(|a| {
            let texts = a
                .children
                .iter()
                .map(|c| doc.node(*c))
                .filter(|c| c.kind.is_alinea_like())
                .map(|c| c.text.clone())
                .collect();
            (a.key.clone(), texts)
        })
        .collect()
}

#[test]
fn libreoffice_text_boxes_and_frames_are_read_in_place() {
    let want = vec![
        (
            "article-1".to_string(),
            vec![
                "La présente convention a pour objet de vérifier la lecture des encadrés."
                    .to_string(),
                "Encadré : les montants sont exprimés en euros.".to_string(),
                "Deuxième alinéa de l'article 1.".to_string(),
            ],
        ),
        (
            "article-2".to_string(),
            vec![
                "La convention est conclue pour un an. Elle prend effet à sa signature."
                    .to_string(),
                "Encadré en ligne : renouvelable une fois.".to_string(),
                "Dernier alinéa de l'article 2.".to_string(),
            ],
        ),
    ];
    let root = env!("CARGO_MANIFEST_DIR");
    // In the .odt, LibreOffice writes the paragraph-anchored frame before the paragraph's words;
    // in the .docx, both boxes come twice (the text box and its VML fallback): one is read.
    for ext in ["odt", "docx"] {
        let path = format!("{root}/corpus/office/encadre.soffice.{ext}");
        assert_eq!(articles(&path), want, "{ext}");
    }
}
