//! Annexes that are whole documents (statuts, règlement intérieur): their own « Titre »,
//! « Chapitre » and « Section » headings open divisions of the annex (`annexe-1/titre-ii`),
//! never of the convention, and their articles stay the annex's. Two documents of
//! `corpus/structure/`: plain text with capitalised Titres, Markdown with `#` headings and a
//! convention that has Titres of its own.

use avenant::render::outline::outline;
use avenant::{Document, NodeKind};

fn parse(name: &str) -> Document {
    let path = format!("{}/corpus/structure/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("corpus/structure");
    avenant::parse_str(name, &text)
}

fn key(d: &Document, id: avenant::NodeId) -> String {
    d.node(id).key.clone()
}

fn top(d: &Document) -> Vec<String> {
    d.top_level().iter().map(|i| key(d, *i)).collect()
}

fn parent(d: &Document, k: &str) -> String {
    key(d, d.parent(d.get(k).expect(k)).expect(k))
}

fn snapshot(name: &str, d: &Document) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, outline(d)));
}

/// Every structure of the tree, by key.
fn structures(d: &Document) -> Vec<String> {
    d.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Structure)
        .map(|n| n.key.clone())
        .collect()
}

#[test]
fn annexed_statuts_keep_their_titres_and_chapitres() {
    let d = parse("annexe-statuts.txt");
    assert_eq!(
        top(&d),
        [
            "titre",
            "parties",
            "preambule",
            "article-1",
            "article-2",
            "article-3",
            "article-4",
            "signatures",
            "annexe-1",
            "annexe-2"
        ]
    );
    assert_eq!(
        structures(&d),
        [
            "annexe-1/titre-i",
            "annexe-1/titre-ii",
            "annexe-1/titre-iii",
            "annexe-1/titre-iii/chapitre-1er",
            "annexe-1/titre-iii/chapitre-2"
        ]
    );
    // The statuts' articles 1 to 8 are the annex's, each under its Titre or Chapitre.
    assert_eq!(parent(&d, "annexe-1/article-1"), "annexe-1/titre-i");
    assert_eq!(parent(&d, "annexe-1/article-5"), "annexe-1/titre-ii");
    assert_eq!(
        parent(&d, "annexe-1/article-8"),
        "annexe-1/titre-iii/chapitre-2"
    );
    assert_eq!(d.articles().len(), 4 + 8);
    let t = d.node(d.get("annexe-1/titre-iii").unwrap());
    assert_eq!(
        (t.label.as_deref(), t.heading.as_deref()),
        (Some("Titre III"), Some("ADMINISTRATION ET FONCTIONNEMENT"))
    );
    // The next annex closes the statuts' divisions; its table stays its own.
    assert_eq!(parent(&d, "annexe-2/table-1"), "annexe-2");
    assert_eq!(d.alineas(d.get("annexe-1/article-5").unwrap()).len(), 4);
    let again = avenant::edit::rekey(&d);
    let keys = |d: &Document| d.nodes.iter().map(|n| n.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&again), keys(&d));
    snapshot("parse-structure-annexe-statuts-txt", &d);
}

#[test]
fn an_annexed_reglement_has_chapitres_and_sections_of_its_own() {
    let d = parse("annexe-reglement.md");
    // The convention's own Titres stay at the top; the annex's Chapitres stay in the annex.
    assert_eq!(
        top(&d),
        [
            "titre",
            "parties",
            "visas",
            "preambule",
            "titre-i",
            "titre-ii",
            "signatures",
            "annexe-1",
            "annexe-2"
        ]
    );
    assert_eq!(
        structures(&d),
        [
            "titre-i",
            "titre-ii",
            "annexe-2/chapitre-1er",
            "annexe-2/chapitre-1er/section-1",
            "annexe-2/chapitre-1er/section-2",
            "annexe-2/chapitre-2"
        ]
    );
    assert_eq!(parent(&d, "article-4"), "titre-ii");
    assert_eq!(
        parent(&d, "annexe-2/article-2"),
        "annexe-2/chapitre-1er/section-1"
    );
    assert_eq!(
        parent(&d, "annexe-2/article-3"),
        "annexe-2/chapitre-1er/section-2"
    );
    assert_eq!(parent(&d, "annexe-2/article-5"), "annexe-2/chapitre-2");
    assert!(d.get("annexe-1/al-1").is_some());
    let again = avenant::edit::rekey(&d);
    let keys = |d: &Document| d.nodes.iter().map(|n| n.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&again), keys(&d));
    snapshot("parse-structure-annexe-reglement-md", &d);
}

/// Two versions of the annexed statuts: the annex's renamed Titre is paired with its old
/// wording under its key, and every article with its own, the convention's left alone.
#[test]
fn a_titre_of_an_annex_is_paired_as_the_annexs() {
    use avenant::align::{align, AlignOptions, Basis};
    let old = parse("annexe-statuts.txt");
    let path = format!(
        "{}/corpus/structure/annexe-statuts.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("TITRE II – COMPOSITION", "TITRE II – MEMBRES")
        .replace("d'honneur, de membres bienfaiteurs", "bienfaiteurs");
    let new = avenant::parse_str("annexe-statuts-2.txt", &text);
    let a = align(&old, &new, &AlignOptions::default());
    let pairs: Vec<(String, String)> = a
        .iter()
        .filter(|p| p.basis != Basis::Unmatched)
        .filter_map(|p| Some((key(&old, p.old?), key(&new, p.new?))))
        .collect();
    for k in [
        "annexe-1/titre-ii",
        "annexe-1/titre-iii/chapitre-2",
        "annexe-1/article-4",
        "article-4",
    ] {
        assert!(
            pairs.contains(&(k.to_string(), k.to_string())),
            "{k}: {pairs:?}"
        );
    }
    assert!(pairs.iter().all(|(o, n)| o == n), "{pairs:?}");
}
