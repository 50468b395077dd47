//! What the reports say of an alignment: the renumbering series in every format (JSON, HTML,
//! Markdown, terminal), and an alinéa that moved between units at any depth (sub-articles,
//! articles inside divisions, an article and an annexe) shown where it left and where it arrived.

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

/// The text with the line starting with `line` moved before the line starting with `before`
/// (both read after indentation, no-break spaces as spaces).
fn move_line(text: &str, line: &str, before: &str) -> String {
    let norm = |l: &str| l.trim_start().replace('\u{a0}', " ");
    let mut lines: Vec<&str> = text.lines().collect();
    let from = lines
        .iter()
        .position(|l| norm(l).starts_with(line))
        .unwrap_or_else(|| panic!("{line}"));
    let moved = lines.remove(from);
    let to = lines
        .iter()
        .position(|l| norm(l).starts_with(before))
        .unwrap_or_else(|| panic!("{before}"));
    lines.insert(to, moved);
    lines.join("\n")
}

/// Asserts that every report shows the move where it left (`left`, the unit it left, and the
/// departure line) and where it arrived.
fn shown_on_both_sides(c: &Comparison, left: &str, departure: &str, arrival: &str) {
    let t = term(c);
    let block = t
        .split("\n\n")
        .find(|b| b.contains(departure))
        .unwrap_or_else(|| panic!("terminal: no « {departure} »\n{t}"));
    assert!(block.contains(left), "terminal: « {left} »\n{t}");
    assert!(t.contains(arrival), "terminal: « {arrival} »\n{t}");
    let m = md(c);
    let row = m
        .lines()
        .find(|l| l.contains(departure))
        .unwrap_or_else(|| panic!("Markdown: no « {departure} »\n{m}"));
    assert!(
        row.starts_with(&format!("| **{left}**")),
        "Markdown: the row of {left}\n{row}"
    );
    assert!(m.contains(arrival), "Markdown: « {arrival} »\n{m}");
    let h = html(c);
    assert!(h.contains("id=\"depart-1\""), "HTML: no departure row\n{h}");
    assert!(h.contains("href=\"#depart-1\""), "HTML: no link back\n{h}");
    let unit = h
        .split("<tbody")
        .find(|b| b.contains("id=\"depart-1\""))
        .expect("HTML block");
    assert!(
        unit.contains(&format!("class=\"unite\">{left}")),
        "HTML: the departure under {left}\n{unit}"
    );
}

#[test]
fn alinea_moved_between_sub_articles_shown_on_both_sides() {
    // Canopé: « Dans tous les cas, la DINUM ne pourra appliquer aucun frais… » leaves 5.2
    // for the end of 5.3.
    let Some(old) = soffice("seed-canope") else {
        return;
    };
    let new = move_line(&old, "Dans tous les cas, la DINUM", "5.4 Imputation");
    let c = cmp(&old, &new);
    shown_on_both_sides(
        &c,
        "Article 5.2",
        "Alinéa 5 (ancien) : déplacé vers article 5.3, alinéa 4",
        "déplacé depuis article 5.2, alinéa 5",
    );
    // In the tableau comparatif, the current wording of 5.2 still has it, in its place.
    let m = md(&c);
    let row = m
        .lines()
        .find(|l| l.starts_with("| **Article 5.2**"))
        .expect("5.2");
    let old_cell = row.split(" | ").next().expect("cell");
    let at = old_cell
        .find("Dans tous les cas, la DINUM")
        .expect("in the old cell");
    assert!(
        old_cell[..at].contains("soit de la date d'effet"),
        "{old_cell}"
    );
    assert!(
        old_cell[at..].contains("Les factures afférentes"),
        "{old_cell}"
    );
}

#[test]
fn alinea_moved_between_articles_inside_divisions_shown_on_both_sides() {
    // Code civil, livre Ier, titre Ier bis, chapitre Ier: the second alinéa of article 17-1
    // goes to the end of article 17-2, three divisions deep.
    let path = format!(
        "{}/../shared/corpus/bench/code-civil-2015-04-01.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let Ok(code) = std::fs::read_to_string(path) else {
        return;
    };
    let end = code.find("#### Chapitre II").expect("chapitre II");
    let old = &code[..end];
    let new = move_line(
        old,
        "Les dispositions de l'alinéa précédent s'appliquent à titre interprétatif",
        "##### Article 17-3",
    );
    let c = cmp(old, &new);
    shown_on_both_sides(
        &c,
        "Article 17-1",
        // An article's number says where it stands: no livre, titre, chapitre before it.
        "Alinéa 2 (ancien) : déplacé vers article 17-2, alinéa 3",
        "déplacé depuis article 17-1, alinéa 2",
    );
}

#[test]
fn alinea_moved_from_an_article_to_an_annexe_shown_on_both_sides() {
    // Canopé: Article 8's only alinéa goes to the end of Annexe 2; ENA: Article 4's second
    // alinéa opens Annexe 1.
    let Some(old) = soffice("seed-canope") else {
        return;
    };
    let new = move_line(&old, "Pour tout différend", "ANNEXE 3");
    shown_on_both_sides(
        &cmp(&old, &new),
        "Article 8",
        "Alinéa 1 (ancien) : déplacé vers annexe 2",
        "déplacé depuis article 8, alinéa 1",
    );
    let Some(old) = soffice("seed-ena") else {
        return;
    };
    let new = move_line(&old, "Les codes sources documentés", "DINUM");
    shown_on_both_sides(
        &cmp(&old, &new),
        "Article 4",
        "Alinéa 2 (ancien) : déplacé vers annexe 1, alinéa 1",
        "déplacé depuis article 4, alinéa 2",
    );
}

/// Sub-divisions renumbered in another scheme and reworded at their place, and one gone a
/// level down, as every report says it: the CPO pair of corpus/align (1° … 4° → I … IV, 4°
/// « Partenaires du projet » → IV A) and the APL foyer convention's annex (2022 → 2026).
#[test]
fn subdivisions_renumbered_reworded_and_moved_down_in_every_report() {
    let read = |n: &str| {
        std::fs::read_to_string(format!(
            "{}/corpus/align/cpo-jardins-{n}.md",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("corpus/align")
    };
    let c = cmp(&read("2023"), &read("2026"));
    let t = term(&c);
    for want in [
        "2° Nature des actions et financement → II. Nature du programme d'actions (renumérotée, même place, modifiée)",
        "4° Partenaires du projet (ancienne) : déplacée vers annexe 1, IV, A",
        // « 4° Partenaires du projet : » → « A. Partenaires du projet »: the colon is
        // typography, the heading unchanged (and a name is given without it).
        "4° Partenaires du projet → A. Partenaires du projet (renumérotée, déplacée depuis annexe 1, 4°)",
        "Renumérotation : divisions 1° à 3° deviennent I à III.",
    ] {
        assert!(t.contains(want), "{want}\n{t}");
    }
    let m = md(&c);
    for want in [
        "Renumérotée, même place, modifiée (2° → II).",
        "4° Partenaires du projet (ancienne) : déplacée vers annexe 1, IV, A.",
        "Renumérotée, déplacée depuis annexe 1, 4° (4° → IV, A).",
        "- Divisions 1° à 3° deviennent I à III.",
    ] {
        assert!(m.contains(want), "{want}\n{m}");
    }
    let j = json(&c);
    let text = j.to_string();
    assert!(text.contains("\"basis\":\"rank\""), "{text}");
    assert!(
        text.contains("divisions 1° à 3° deviennent I à III"),
        "{text}"
    );
    let h = html(&c);
    assert!(
        h.contains("<li>Divisions 1° à 3° deviennent I à III.</li>"),
        "{h}"
    );

    // The APL foyer convention, read from its .docx.
    let dir = format!("{}/../shared/corpus/real", env!("CARGO_MANIFEST_DIR"));
    let read = |n: &str| {
        avenant::read(
            std::path::Path::new(&format!("{dir}/{n}")),
            &Default::default(),
        )
    };
    let (Ok(old), Ok(new)) = (
        read("apilos-convention-apl-foyer-2022-12-06.docx"),
        read("apilos-convention-apl-foyer-2026-06-10.docx"),
    ) else {
        eprintln!("real/ absent: skipped");
        return;
    };
    let c = compare(old, new, &DiffOptions::default());
    let t = term(&c);
    for want in [
        "2° Nature de l'opération et financement → II. Nature du programme conventionné (renumérotée, même place, modifiée)",
        "3° Composition de l'opération → III. Composition du programme (renumérotée, même place, modifiée)",
        "4° Origine des propriétés (ancienne) : déplacée vers annexe, IV, A",
        "Renumérotation : divisions 2° et 3° deviennent II et III.",
    ] {
        assert!(t.contains(want), "{want}\n{t}");
    }
}
