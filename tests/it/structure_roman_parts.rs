//! Roman-numbered paragraphs « I.- », « II.- », « III.- » inside an article are the article's
//! own parts, never divisions, even when the last one stands just before the next article;
//! a Roman heading that starts no such series (« II.-Engagements du bailleur. ») still opens
//! a division. Checked on both editions of the Code du travail, on the APL model convention
//! (`corpus/models/apl-sem.txt`) and on a small convention of `corpus/structure/`.

use avenant::render::outline::outline;
use avenant::{Document, NodeKind};

fn read(path: &str) -> Option<Document> {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{path} absent: skipped");
        return None;
    };
    Some(avenant::parse_str(&path, &text))
}

/// The keys of the divisions read from a Roman number (`division-ii`).
fn divisions(d: &Document) -> Vec<String> {
    d.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Structure)
        .filter(|n| {
            n.key
                .rsplit('/')
                .next()
                .is_some_and(|s| s.starts_with("division-"))
        })
        .map(|n| n.key.clone())
        .collect()
}

/// The text under an article, its heading aside.
fn article_text(d: &Document, key: &str) -> String {
    let a = d.get(key).unwrap_or_else(|| panic!("{key} absent"));
    d.descendants(a)
        .into_iter()
        .map(|c| d.node(c).text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_codes_roman_parts_stay_in_their_article() {
    let Some(d) = read("../shared/corpus/bench/code-du-travail-2015-04-01.md") else {
        return;
    };
    assert_eq!(divisions(&d), Vec::<String>::new());
    // The last part of each, just before the next article, was read as a division.
    for (article, last) in [
        ("article-L5423-11", "III.-Un décret en Conseil d'Etat fixe"),
        (
            "article-R5122-9",
            "IV. - L'autorité administrative s'assure",
        ),
        (
            "article-R6523-16",
            "II.-Pour l'application de l'article R. 6123-3-9",
        ),
    ] {
        assert!(
            article_text(&d, article).contains(last),
            "{article}: {last}"
        );
    }
    let Some(old) = read("../shared/corpus/bench/code-du-travail-2011-12-31.md") else {
        return;
    };
    assert_eq!(divisions(&old), Vec::<String>::new());
}

#[test]
fn roman_divisions_of_a_convention_stay_divisions() {
    let Some(d) = read("corpus/models/apl-sem.txt") else {
        return;
    };
    assert_eq!(
        divisions(&d),
        [
            "division-i",
            "division-ii",
            "division-iii",
            "division-iv",
            "division-v",
            "division-vi"
        ]
    );
}

#[test]
fn parts_of_articles_and_divisions_side_by_side() {
    let Some(d) = read("corpus/structure/parties-romaines.txt") else {
        return;
    };
    assert_eq!(divisions(&d), ["division-i", "division-ii", "division-iii"]);
    // « Entre l'État, … » ⏎ « Et l'association « Parcours », … »: two parties.
    assert!(d.get("parties/partie-2").is_some());
    let parent = |k: &str| d.node(d.parent(d.get(k).expect(k)).expect(k)).key.clone();
    assert_eq!(parent("article-2"), "division-i");
    assert_eq!(parent("article-4"), "division-ii");
    assert_eq!(parent("article-6"), "division-iii");
    assert!(article_text(&d, "article-2").contains("III.-Un arrêté du préfet"));
    assert!(article_text(&d, "article-4").contains("III.-Elle informe le préfet"));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("structure-parties-romaines", outline(&d)));
}
