//! What the reports say of an alignment: the renumbering series in every format (JSON, HTML,
//! Markdown, terminal).

use crate::align_pairs::{renumber, replace_block, soffice};
use avenant::diff::{compare, Comparison, DiffOptions};
use avenant::render::diff_common::DiffRenderOptions;

fn cmp(old: &str, new: &str) -> Comparison {
    compare(
        avenant::parse_str("v1", old),
        avenant::parse_str("v2", new),
        &DiffOptions::default(),
    )
}

type Writer = fn(&Comparison, &DiffRenderOptions, &mut Vec<u8>) -> std::io::Result<()>;

fn render(c: &Comparison, f: Writer) -> String {
    let mut out = Vec::new();
    f(c, &DiffRenderOptions::default(), &mut out).expect("render");
    String::from_utf8(out).expect("UTF-8")
}

fn json(c: &Comparison) -> serde_json::Value {
    let text = render(c, avenant::render::diff_json::write_diff_json);
    serde_json::from_str(&text).expect("JSON")
}

fn html(c: &Comparison) -> String {
    render(c, avenant::render::html::write_diff_html)
}

fn md(c: &Comparison) -> String {
    render(c, avenant::render::diff_md::write_diff_md)
}

fn term(c: &Comparison) -> String {
    render(c, avenant::render::diff_terminal::write_diff_terminal)
}

/// Canopé with sub-article 5.1 and ANNEXE 1 deleted: 5.2–5.6 → 5.1–5.5, annexes 2–3 → 1–2.
fn canope_renumbered() -> Option<(String, String)> {
    let old = soffice("seed-canope")?;
    let new = replace_block(&old, "5.1 ", &["5.2 "], &[]);
    let new = renumber(
        &new,
        2..=6,
        |n| format!("5.{n} "),
        |n| format!("5.{} ", n - 1),
    );
    let new = replace_block(&new, "ANNEXE 1 ", &["ANNEXE 2 "], &[]);
    let new = renumber(
        &new,
        2..=3,
        |n| format!("ANNEXE {n} "),
        |n| format!("ANNEXE {} ", n - 1),
    );
    Some((old, new))
}

#[test]
fn json_carries_the_renumbering_series_of_sub_articles_and_annexes() {
    let Some((old, new)) = canope_renumbered() else {
        return;
    };
    let c = cmp(&old, &new);
    let v = json(&c);
    let series = v["renumberings"].as_array().expect("renumberings");
    let texts: Vec<&str> = series.iter().filter_map(|s| s["text"].as_str()).collect();
    assert_eq!(
        texts,
        [
            "articles 5.2 à 5.6 deviennent 5.1 à 5.5",
            "annexes 2 et 3 deviennent 1 et 2"
        ]
    );
    assert_eq!(series[0]["kind"], "article");
    assert_eq!(series[0]["shift"], -1);
    assert_eq!(series[0]["units"][0]["old"], "article-5.2");
    assert_eq!(series[0]["units"][0]["new"], "article-5.1");
    assert_eq!(series[1]["kind"], "annexe");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!(
            "align-renumberings-json-canope",
            serde_json::to_string_pretty(&v["renumberings"]).expect("JSON")
        );
    });
    // The same series in every other report.
    let h = html(&c);
    assert!(
        h.contains("<h2 id=\"renumerotations\">Renumérotations</h2>"),
        "{h}"
    );
    assert!(
        h.contains("<li>Articles 5.2 à 5.6 deviennent 5.1 à 5.5.</li>"),
        "{h}"
    );
    assert!(
        h.contains("<li>Annexes 2 et 3 deviennent 1 et 2.</li>"),
        "{h}"
    );
    assert!(md(&c).contains("- Annexes 2 et 3 deviennent 1 et 2."));
    assert!(term(&c).contains("Renumérotation : articles 5.2 à 5.6 deviennent 5.1 à 5.5."));
}

#[test]
fn json_carries_the_renumbering_series_of_articles_after_an_insertion() {
    // ENA: a new Article 3 inserted, Articles 3–7 become 4–8.
    let Some(old) = soffice("seed-ena") else {
        return;
    };
    let new = renumber(
        &old,
        3..=7,
        |n| format!("Article {n} :"),
        |n| format!("Article {} :", n + 1),
    );
    let new = new.replacen(
        "\nArticle 4 :",
        "\nArticle 3 : Comité de suivi\nUn comité de suivi réunit les parties chaque trimestre pour arrêter le calendrier des ateliers.\nArticle 4 :",
        1,
    );
    let c = cmp(&old, &new);
    let v = json(&c);
    let series = v["renumberings"].as_array().expect("renumberings");
    assert_eq!(series.len(), 1, "{series:?}");
    assert_eq!(series[0]["text"], "articles 3 à 7 deviennent 4 à 8");
    assert_eq!(series[0]["shift"], 1);
    assert_eq!(series[0]["old"]["first"], "3");
    assert_eq!(series[0]["new"]["last"], "8");
    let keys: Vec<(String, String)> = series[0]["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| (u["old"].to_string(), u["new"].to_string()))
        .collect();
    assert_eq!(keys.len(), 5);
    assert_eq!(keys[0], ("\"article-3\"".into(), "\"article-4\"".into()));
    assert!(html(&c).contains("<li>Articles 3 à 7 deviennent 4 à 8.</li>"));
    // Without renumbering, no key at all (the JSON of such a diff is unchanged).
    let same = cmp(&old, &old);
    assert!(json(&same).get("renumberings").is_none());
    assert!(!html(&same).contains("renumerotations"));
}
