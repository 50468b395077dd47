//! Quoted words match across the non-breaking hyphen U+2011 of texts printed by the Journal
//! officiel (« L. 301‑5-1 », « Aix‑Marseille-Provence »), which an act types « - »: on two real
//! exports of the APILOS convention (pandoc 2022, LibreOffice 2026).

use avenant::avenant::{apply, parse_avenant};

const APILOS_2022: &str = "../shared/corpus/real/apilos-convention-apl-foyer-2022-12-06.pandoc.txt";
const APILOS_2026: &str =
    "../shared/corpus/real/apilos-convention-apl-foyer-2026-06-10.soffice.txt";

fn applied(path: &str, sentence: &str) -> Result<avenant::Document, String> {
    let conv = crate::common::load_path(std::path::Path::new(path));
    let text = format!("Avenant\n\nArticle 1er\n\n{sentence}\n");
    let av = parse_avenant(&text).map_err(|e| e.to_string())?;
    apply(&conv, &av).map_err(|e| e.to_string())
}

/// How many texts write « au II de l'article L. 301-5-1 » (hyphens folded).
fn old_count(doc: &avenant::Document) -> usize {
    texts(doc)
        .iter()
        .filter(|t| {
            t.replace('\u{2011}', "-")
                .contains("au II de l'article L. 301-5-1")
        })
        .count()
}

fn texts(doc: &avenant::Document) -> Vec<String> {
    doc.descendants(doc.root())
        .into_iter()
        .map(|id| doc.node(id).text.clone())
        .collect()
}

#[test]
fn a_reference_with_a_non_breaking_hyphen_is_found_and_replaced() {
    // The alinéa of article 20 that writes the hyphen so, in each export.
    for (path, ordinal) in [(APILOS_2022, "deuxième"), (APILOS_2026, "premier")] {
        let old = crate::common::load_path(std::path::Path::new(path));
        assert!(
            texts(&old).iter().any(|t| t.contains("L. 301\u{2011}5-1")),
            "{path}: the text writes « L. 301‑5-1 »"
        );
        let doc = applied(
            path,
            &format!("Au {ordinal} alinéa de l'article 20 de la convention, les mots : « au II de l'article L. 301-5-1 » sont remplacés par les mots : « au III de l'article L. 301-5-1 »."),
        )
        .unwrap_or_else(|e| panic!("{path}: {e}"));
        let all = texts(&doc);
        assert!(
            all.iter()
                .any(|t| t.contains("au III de l'article L. 301-5-1 ou à l'article L. 301-5-2")),
            "{path}"
        );
        // The other alinéa, which wrote « - », keeps its words.
        assert_eq!(
            all.iter()
                .filter(|t| t.contains("au II de l'article L. 301-5-1"))
                .count(),
            old_count(&old) - 1,
            "{path}"
        );
    }
}

#[test]
fn a_name_with_a_non_breaking_hyphen_keeps_it_where_it_is_not_replaced() {
    for path in [APILOS_2022, APILOS_2026] {
        let doc = applied(
            path,
            "À l'article 2 de la convention, après les mots : « Grand Paris, la métropole d'Aix-Marseille-Provence », sont insérés les mots : « , la métropole Nice-Côte d'Azur ».",
        )
        .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            texts(&doc).iter().any(|t| t.contains(
                "la métropole d'Aix\u{2011}Marseille-Provence, la métropole Nice-Côte d'Azur, une"
            )),
            "{path}"
        );
    }
}
