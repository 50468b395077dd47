//! An annex without an « Annexe » heading after the signatures (the description of the
//! operation the APL model convention annexes, a subsidy convention's « fiche descriptive »):
//! the first line after « Fait à … » and its signatories that reads as prose heads it when a
//! series of numbered sub-division headings (« 1° », « 2° »…) follows, since a signature block
//! never has numbered headings. Its sub-divisions are the annex's (`annexe/3o/a`), and the
//! signatures keep only the place, the date and the signatories.

use avenant::render::outline::outline;
use avenant::{Document, NodeKind};

fn read(path: &str) -> Document {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("corpus file");
    avenant::parse_str(&path, &text)
}

fn top(d: &Document) -> Vec<String> {
    d.top_level()
        .iter()
        .map(|i| d.node(*i).key.clone())
        .collect()
}

fn children(d: &Document, key: &str) -> Vec<String> {
    d.children(d.get(key).expect(key))
        .iter()
        .map(|c| d.node(*c).key.clone())
        .filter(|k| !k.contains("/al-") && !k.contains("/table-"))
        .collect()
}

fn signature_lines(d: &Document) -> usize {
    d.children(d.get("signatures").expect("signatures")).len()
}

#[test]
fn the_apl_models_description_is_its_annex() {
    let d = read("corpus/models/apl-sem.txt");
    let t = top(&d);
    assert_eq!(&t[t.len() - 2..], ["signatures", "annexe"]);
    let annex = d.node(d.get("annexe").unwrap());
    assert_eq!(annex.kind, NodeKind::Annexe);
    assert!(annex.text.starts_with("Document prévu par l'article 1er"));
    assert_eq!(
        children(&d, "annexe"),
        [
            "annexe/1o",
            "annexe/2o",
            "annexe/3o",
            "annexe/4o",
            "annexe/5o"
        ]
    );
    assert_eq!(children(&d, "annexe/3o"), ["annexe/3o/a", "annexe/3o/b"]);
    // « Fait en … originaux », the lessor and the prefect.
    assert_eq!(signature_lines(&d), 3);
}

#[test]
fn a_subsidy_conventions_fiche_is_its_annex() {
    let d = read("corpus/structure/annexe-sans-titre.txt");
    let t = top(&d);
    assert_eq!(&t[t.len() - 2..], ["signatures", "annexe"]);
    assert_eq!(
        children(&d, "annexe"),
        ["annexe/1o", "annexe/2o", "annexe/3o"]
    );
    assert_eq!(signature_lines(&d), 3);
    // « Entre la commune …, » ⏎ « Et l'association …, »: two parties.
    assert_eq!(
        children(&d, "parties"),
        ["parties/partie-1", "parties/partie-2"]
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("structure-annexe-sans-titre", outline(&d)));
}

/// Signature blocks followed by notes or nothing stay signature blocks.
#[test]
fn signatures_without_numbered_headings_stay_signatures() {
    for path in [
        "corpus/structure/parties-romaines.txt",
        "corpus/structure/parties-formulaire.txt",
        "corpus/structure/replie-72.txt",
    ] {
        let d = read(path);
        assert!(d.get("annexe").is_none(), "{path}");
        assert_eq!(
            top(&d).last().map(String::as_str),
            Some("signatures"),
            "{path}"
        );
    }
}
