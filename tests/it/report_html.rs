//! `diff --format html` and `check --format html`: snapshots of every corpus comparison, the
//! page's promises checked in its text (self-contained, accessible, escaped), and the page seen
//! as a person sees it — rendered by headless Chromium, not blank, no console error.

use super::report_support::{avenant, cases, have, hostile_comparison, scratch};
use avenant::diff::{compare, DiffOptions};
use avenant::render::diff_common::DiffRenderOptions;
use avenant::render::html::write_diff_html;
use avenant::{load, ReadOptions};
use std::process::Command;

fn html_of(name: &str) -> String {
    let old = load(
        std::path::Path::new(&format!("corpus/{name}/old.md")),
        &ReadOptions::default(),
    )
    .expect("old");
    let new = load(
        std::path::Path::new(&format!("corpus/{name}/new.md")),
        &ReadOptions::default(),
    )
    .expect("new");
    let cmp = compare(old, new, &DiffOptions::default());
    let mut out = Vec::new();
    write_diff_html(&cmp, &DiffRenderOptions::default(), &mut out).expect("html");
    String::from_utf8(out).expect("utf-8")
}

/// What every page promises, checked in its text.
fn check_page(name: &str, html: &str) {
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
        "{name}"
    );
    assert!(html.contains("<title>Tableau comparatif"), "{name}");
    for forbidden in [
        "<script", "src=", "http://", "https://", "url(", "@import", "<link",
    ] {
        // The convention's own text may quote a web address: only markup matters here.
        let markup: String = html
            .split('>')
            .filter_map(|s| s.rsplit_once('<').map(|(_, tag)| tag))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!markup.contains(forbidden), "{name}: {forbidden} in markup");
    }
    assert!(html.contains("<caption>"), "{name}: caption");
    assert!(html.contains("<th scope=\"col\">Rédaction actuelle</th><th scope=\"col\">Rédaction nouvelle</th><th scope=\"col\">Observations</th>"), "{name}");
    assert!(
        html.contains("@media print") && html.contains("size: A4 landscape"),
        "{name}"
    );
    assert!(
        html.contains("thead { display: table-header-group; }"),
        "{name}"
    );
    if html.contains("<del>") {
        assert!(html.contains("[début de suppression]") && html.contains("[fin de suppression]"));
    }
    if html.contains("<ins>") {
        assert!(html.contains("[début d'insertion]") && html.contains("[fin d'insertion]"));
    }
    // Every link of the summary leads somewhere on the page.
    for target in html.split("href=\"#").skip(1) {
        let id = target.split('"').next().unwrap_or("");
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "{name}: link to #{id} leads nowhere"
        );
    }
}

#[test]
fn corpus_comparisons_as_html() {
    for name in cases() {
        let html = html_of(&name);
        check_page(&name, &html);
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(format!("diff-html-{name}"), html);
        });
    }
}

#[test]
fn moves_are_linked_both_ways() {
    let html = html_of("02-alinea-deplace");
    assert!(
        html.contains("Déplacé depuis") || html.contains("déplacé depuis"),
        "{html}"
    );
    if html.contains("id=\"depart-1\"") {
        assert!(html.contains("href=\"#arrivee-1\"") && html.contains("href=\"#depart-1\""));
    }
}

#[test]
fn hostile_input_comes_out_as_text() {
    let cmp = hostile_comparison();
    let mut out = Vec::new();
    write_diff_html(&cmp, &DiffRenderOptions::default(), &mut out).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&amp;amp;")
            && html.contains("]]&gt;")
            && html.contains("&quot;guillemets&quot;")
    );
    assert!(html.contains("&lt;b&gt;gras&lt;/b&gt;"), "{html}");
}

#[test]
fn check_matrix_as_html() {
    let out = avenant(&[
        "check",
        "corpus/templates/dinum-partenariat.md",
        "corpus/conventions/canope-dinum-2020.md",
        "corpus/conventions/ena-dinum-2021.md",
        "--format",
        "html",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("<dl class=\"legende\">"), "legend");
    assert!(
        html.contains("<th scope=\"col\">canope-dinum-2020</th>"),
        "{html}"
    );
    assert!(html.contains("<th scope=\"row\">"));
    assert!(!html.contains("<script"));
}

/// Renders a page in headless Chromium; returns the screenshot's size and what the browser logged.
fn screenshot(page: &std::path::Path, png: &std::path::Path) -> (u64, String) {
    let profile = png.with_extension("profil");
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let size = std::fs::metadata(png).map_or(0, |m| m.len());
    (size, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn pages_render_in_a_browser() {
    if !have("chromium") {
        return;
    }
    let dir = scratch("chromium");
    // A blank page of the same size: what « nothing rendered » weighs.
    let blank = dir.join("blank.html");
    std::fs::write(
        &blank,
        "<!DOCTYPE html><html lang=\"fr\"><title>x</title></html>",
    )
    .unwrap();
    let (blank_size, _) = screenshot(&blank, &dir.join("blank.png"));
    assert!(blank_size > 0, "chromium wrote no screenshot");
    for name in cases() {
        let page = dir.join(format!("{name}.html"));
        std::fs::write(&page, html_of(&name)).unwrap();
        let png = dir.join(format!("{name}.png"));
        let (size, log) = screenshot(&page, &png);
        assert!(
            size > 4 * blank_size,
            "{name}: screenshot looks blank ({size} bytes, blank page {blank_size})"
        );
        for line in log.lines() {
            assert!(
                !(line.contains("CONSOLE") || line.contains("Content Security Policy")),
                "{name}: the page logged: {line}"
            );
        }
    }
}

#[test]
fn pdf_through_a_headless_browser() {
    if !have("chromium") {
        return;
    }
    let dir = scratch("pdf");
    let pdf = dir.join("tableau.pdf");
    let out = avenant(&[
        "diff",
        "corpus/07-montant-date/old.md",
        "corpus/07-montant-date/new.md",
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap_or_default().starts_with(b"%PDF"));
}

/// A party named by its whole first alinéa (no short name follows, as in the apilos
/// conventions): the title row gives « Partie 1 », the paragraph stands once, in its own row.
#[test]
fn a_party_named_by_its_first_alinea_is_written_once() {
    let old = "Convention de partenariat\n\nEntre les soussignés :\n\nLe ministre chargé du logement, agissant au nom de l'État et représenté par le préfet du département, ou par le président de l'établissement public de coopération intercommunale ;\n\nL'organisme propriétaire, représenté par son directeur général ;\n\nIl a été convenu ce qui suit :\n\nArticle 1 : Objet\n\nLa présente convention a pour objet de fixer les obligations des parties.\n";
    let new = old.replace("son directeur général", "sa directrice générale");
    let cmp = compare(
        avenant::parse_str("ancienne.md", old),
        avenant::parse_str("nouvelle.md", &new),
        &DiffOptions::default(),
    );
    let mut out = Vec::new();
    write_diff_html(&cmp, &DiffRenderOptions::default(), &mut out).expect("html");
    let html = String::from_utf8(out).expect("utf-8");
    check_page("partie", &html);
    assert_eq!(
        html.matches("Le ministre chargé du logement").count(),
        2,
        "once a side\n{html}"
    );
    assert!(
        html.contains("<td><strong>Partie 1</strong></td>"),
        "{html}"
    );
    assert!(html.contains("sa directrice générale"), "{html}");
}

/// An alinéa too long for a word-by-word diff is compared sentence by sentence, and the page
/// says so, as the terminal report does.
#[test]
fn a_sentence_by_sentence_comparison_is_said_on_the_page() {
    let long =
        "La partie versera la somme convenue au titre de la présente convention. ".repeat(3_500);
    let old = format!("Convention de test\n\nArticle 1 : Objet\n\n{long}\n");
    let new = old.replacen("la somme convenue", "la somme révisée", 1);
    let cmp = compare(
        avenant::parse_str("ancienne.md", &old),
        avenant::parse_str("nouvelle.md", &new),
        &DiffOptions::default(),
    );
    assert_eq!(cmp.summary.coarse, 1, "over the budget");
    let mut out = Vec::new();
    write_diff_html(&cmp, &DiffRenderOptions::default(), &mut out).expect("html");
    let html = String::from_utf8(out).expect("utf-8");
    check_page("phrase par phrase", &html);
    let note = "Note : 1 unité trop longue pour une comparaison mot à mot (plus de 60\u{a0}000 mots) : comparée phrase par phrase.";
    assert!(html.contains(note), "{}", &html[..html.len().min(4000)]);
    // The Markdown tableau comparatif says it too.
    let mut out = Vec::new();
    avenant::render::diff_md::write_diff_md(&cmp, &DiffRenderOptions::default(), &mut out)
        .expect("md");
    let md = String::from_utf8(out).expect("utf-8");
    assert!(
        md.contains(note),
        "{}",
        &md[md.len().saturating_sub(2000)..]
    );
}
