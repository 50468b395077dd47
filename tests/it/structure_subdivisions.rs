//! Sub-division headings inside annexes and articles (« 1° », « A.- », « 1. », « 3 bis. »,
//! « I. », « I bis. »), « ANNEXES » over several annexes, annexes with their own articles, and
//! template syntax kept whole: on a small document of `corpus/structure/` and on the real
//! apilos models (two editions written in two numbering styles).

use avenant::render::outline::outline;
use avenant::{Document, NodeKind, ReadOptions};
use std::path::PathBuf;

fn real(name: &str) -> Option<Document> {
    let path = PathBuf::from(format!(
        "{}/../shared/corpus/real/{name}",
        env!("CARGO_MANIFEST_DIR")
    ));
    if !path.exists() {
        eprintln!("{} absent: skipped", path.display());
        return None;
    }
    let (source, _) = avenant::extract::read_path(&path, &ReadOptions::default()).ok()?;
    Some(avenant::parse::parse(source))
}

fn labels_under(d: &Document, key: &str) -> Vec<String> {
    d.children(d.get(key).expect(key))
        .iter()
        .filter(|c| d.node(**c).kind == NodeKind::Structure)
        .map(|c| d.node(*c).key.clone())
        .collect()
}

#[test]
fn a_small_convention_with_annexes_and_sub_divisions() {
    let path = format!(
        "{}/corpus/structure/annexes-subdivisions.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("corpus/structure");
    let d = avenant::parse_str("annexes-subdivisions.txt", &text);
    let top: Vec<_> = d
        .top_level()
        .iter()
        .map(|i| d.node(*i).key.clone())
        .collect();
    assert_eq!(
        top,
        [
            "titre",
            "parties",
            "preambule",
            "article-1",
            "article-2",
            "article-3",
            "signatures",
            "annexes",
            "annexe-1",
            "annexe-2",
            "annexe-3"
        ]
    );
    // « I. Locaux mis à disposition » opens article 1: its sub-divisions.
    assert_eq!(
        labels_under(&d, "article-1"),
        ["article-1/i", "article-1/ii"]
    );
    // « 1° à assurer les locaux ; » is an item of a sentence, never a heading.
    assert!(labels_under(&d, "article-2").is_empty());
    assert_eq!(d.alineas(d.get("article-2").unwrap()).len(), 3);
    // Annex 1: 1° 2° 3°, with A.- and B.- inside 2°.
    assert_eq!(
        labels_under(&d, "annexe-1"),
        ["annexe-1/1o", "annexe-1/2o", "annexe-1/3o"]
    );
    assert_eq!(
        labels_under(&d, "annexe-1/2o"),
        ["annexe-1/2o/a", "annexe-1/2o/b"]
    );
    let b = d.node(d.get("annexe-1/2o/b").unwrap());
    assert_eq!(
        (b.label.as_deref(), b.heading.as_deref()),
        (Some("B"), Some("Matériel numérique."))
    );
    // The annex's own articles are its own; the signatures keep their three lines.
    assert!(d.get("annexe-2/article-2/al-1").is_some());
    assert_eq!(d.children(d.get("signatures").unwrap()).len(), 3);
    // The template loop stays one alinéa, the table keeps its rows.
    assert_eq!(
        d.node(d.get("annexe-1/2o/b/al-1").unwrap()).text,
        "{% for materiel in materiels %}{{ materiel.nom }}{% endfor %}"
    );
    assert!(d.get("annexe-3/table-1/row-3").is_some());
    // Editing keeps the keys parse gives.
    let again = avenant::edit::rekey(&d);
    let keys = |d: &Document| d.nodes.iter().map(|n| n.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&again), keys(&d));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!("parse-structure-annexes-subdivisions-txt", outline(&d));
    });
}

#[test]
fn the_apilos_annexes_in_two_numbering_styles() {
    // 2022 edition: 1° … 5°, « A.- » and « B.- » inside 3°, « 1. » … « 6. » with « 3 bis »
    // and « 3 ter » inside A.
    if let Some(d) = real("apilos-convention-apl-foyer-2022-12-06.docx") {
        assert_eq!(
            labels_under(&d, "annexe"),
            [
                "annexe/1o",
                "annexe/2o",
                "annexe/3o",
                "annexe/4o",
                "annexe/5o"
            ]
        );
        assert_eq!(
            labels_under(&d, "annexe/3o"),
            ["annexe/3o/a", "annexe/3o/b"]
        );
        assert_eq!(
            labels_under(&d, "annexe/3o/a"),
            [
                "annexe/3o/a/1",
                "annexe/3o/a/2",
                "annexe/3o/a/3",
                "annexe/3o/a/3-bis",
                "annexe/3o/a/3-ter",
                "annexe/3o/a/4",
                "annexe/3o/a/5",
                "annexe/3o/a/6"
            ]
        );
        // « 5.1. Permis de construire : … » and the next points head no block: alinéas of 5°.
        assert!(labels_under(&d, "annexe/5o").is_empty());
        // Article 11's « I. En ce qui concerne … », « a) Le remboursement : » stay alinéas:
        // a long sentence, and a series that does not open the article.
        assert!(labels_under(&d, "article-11").is_empty());
    }
    // 2026 edition: I., I bis., II. … IV., with A. … D. inside III and IV.
    if let Some(d) = real("apilos-convention-apl-foyer-2026-06-10.docx") {
        assert_eq!(
            labels_under(&d, "annexe"),
            [
                "annexe/i",
                "annexe/i-bis",
                "annexe/ii",
                "annexe/iii",
                "annexe/iv"
            ]
        );
        assert_eq!(
            labels_under(&d, "annexe/iii"),
            ["annexe/iii/a", "annexe/iii/b"]
        );
        assert_eq!(
            labels_under(&d, "annexe/iv"),
            ["annexe/iv/a", "annexe/iv/b", "annexe/iv/c", "annexe/iv/d"]
        );
        let c = d.node(d.get("annexe/iv/c").unwrap());
        assert_eq!(c.label.as_deref(), Some("C"));
    }
    // The avenant quotes « III. », « A. » … « D. » inside its article 2, after its own text:
    // no sub-division of the avenant's article.
    for name in [
        "apilos-avenant-foyer-residence-2023-01-02.docx",
        "apilos-avenant-foyer-residence-2026-06-02.docx",
    ] {
        if let Some(d) = real(name) {
            assert!(labels_under(&d, "article-2").is_empty(), "{name}");
        }
    }
}

/// Template tags (`{{ … }}`, `{% … %}`, `{ … }`) and bracketed fields (« [nom du
/// bénéficiaire] ») of a text, in order.
fn tags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (close, step): (&str, usize) = match (b[i], b.get(i + 1)) {
            (b'{', Some(b'{')) => ("}}", 2),
            (b'{', Some(b'%')) => ("%}", 2),
            (b'{', _) => ("}", 1),
            (b'[', _) => ("]", 1),
            _ => {
                i += 1;
                continue;
            }
        };
        match text[i + step..].find(close) {
            Some(e) => {
                let end = i + step + e + close.len();
                out.push(text[i..end].to_string());
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

#[test]
fn template_syntax_in_real_models_is_kept_whole() {
    let mut checked = 0;
    for name in [
        "apilos-convention-apl-foyer-2022-12-06.docx",
        "apilos-convention-apl-foyer-2026-06-10.docx",
        "apilos-avenant-foyer-residence-2023-01-02.docx",
        "apilos-avenant-foyer-residence-2026-06-02.docx",
        "potentiel-modele-reponse-recours-2024-09-18.docx",
    ] {
        let path = PathBuf::from(format!(
            "{}/../shared/corpus/real/{name}",
            env!("CARGO_MANIFEST_DIR")
        ));
        let Ok((source, _)) = avenant::extract::read_path(&path, &ReadOptions::default()) else {
            continue;
        };
        let d = avenant::parse::parse(source.clone());
        // Every tag of the source, each within one line, is found whole in one node.
        let mut want: Vec<String> = source
            .text
            .lines()
            .flat_map(|l| tags(&avenant::normalise::inline(l)))
            .collect();
        let mut got: Vec<String> = d.nodes.iter().flat_map(|n| tags(&n.text)).collect();
        want.sort();
        got.sort();
        assert!(want.len() > 10, "{name}: {} tags", want.len());
        let missing: Vec<_> = want.iter().filter(|t| !got.contains(t)).take(5).collect();
        assert!(
            missing.is_empty(),
            "{name}: tags split or lost: {missing:?}"
        );
        checked += 1;
    }
    assert!(checked == 0 || checked >= 2);
}
