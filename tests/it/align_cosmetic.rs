//! Cosmetic is cosmetic, on real documents (the LRB statuts, the Canopé and ENA conventions as
//! LibreOffice exports them): bullet and dash style, list indent, wrap position, spaces around
//! « : » and « ; », heading case never make a difference of substance; with `--show-cosmetic`
//! the units they touch are listed as « retouche de forme ». And alinéa numbers in reports say
//! which version they count in.

use avenant::diff::{compare, DiffOptions};
use avenant::render::diff_common::DiffRenderOptions;

fn soffice(name: &str) -> Option<String> {
    let path = format!(
        "{}/../shared/corpus/real/{name}.soffice.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).ok()
}

/// Hard-wraps a paragraph at about 70 columns, between words, never before a capitalised
/// word (a line opening with a capital is read as a new alinéa: the reader's rule, not the
/// diff's).
fn wrap(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        if width > 0 && width + 1 + word.chars().count() > 70 && lower {
            out.push('\n');
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += word.chars().count();
    }
    out
}

/// The same text retyped: other bullets (« - », « -x », « – ») without indent, « : » and « ; »
/// without the space before them, article headings in capitals, long paragraphs wrapped.
fn retyped(text: &str) -> String {
    let mut out = Vec::new();
    let mut bullets = 0;
    for line in text.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix('•') {
            let mark = ["- ", "-", "– "][bullets % 3];
            bullets += 1;
            out.push(format!("{mark}{}", rest.trim()));
        } else if t.starts_with("Article ") {
            out.push(t.to_uppercase());
        } else if t.chars().count() > 90 && !t.contains('\t') {
            out.push(wrap(
                &t.replace(['\u{a0}', '\u{202f}'], " ")
                    .replace(" :", ":")
                    .replace(" ;", ";"),
            ));
        } else {
            out.push(t.replace(" ;", ";"));
        }
    }
    out.join("\n")
}

fn check_cosmetic(name: &str) {
    let Some(old) = soffice(name) else {
        eprintln!("{name}: corpus absent, skipped");
        return;
    };
    let new = retyped(&old);
    assert_ne!(old, new);
    let cmp = compare(
        avenant::parse_str("v1", &old),
        avenant::parse_str("v2", &new),
        &DiffOptions::default(),
    );
    let substantive: Vec<String> = cmp
        .iter()
        .filter(|p| p.status != avenant::diff::Status::Unchanged || p.moved || p.renumbered)
        .filter(|p| p.children.is_empty())
        .map(|p| {
            format!(
                "{:?}",
                (
                    p.old.map(|o| cmp.old.node(o).text.clone()),
                    p.new.map(|n| cmp.new.node(n).text.clone())
                )
            )
        })
        .collect();
    assert!(!cmp.has_differences(), "{name}: {substantive:#?}");
    assert!(
        cmp.summary.units.cosmetic + cmp.summary.alineas.cosmetic > 0,
        "{name}"
    );
    let mut md = Vec::new();
    let options = DiffRenderOptions {
        show_cosmetic: true,
        ..DiffRenderOptions::default()
    };
    avenant::render::diff_md::write_diff_md(&cmp, &options, &mut md).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("Retouche de forme."), "{md}");
    let mut plain = Vec::new();
    avenant::render::diff_md::write_diff_md(&cmp, &DiffRenderOptions::default(), &mut plain)
        .unwrap();
    assert!(!String::from_utf8(plain).unwrap().contains("Retouche"));
    let mut term = Vec::new();
    avenant::render::diff_terminal::write_diff_terminal(&cmp, &options, &mut term).unwrap();
    assert!(String::from_utf8(term)
        .unwrap()
        .contains("(retouche de forme)"));
}

#[test]
fn retyped_statuts_have_no_difference_of_substance() {
    check_cosmetic("lrb-statuts-association-2013-06-03");
}

#[test]
fn retyped_canope_convention_has_no_difference_of_substance() {
    check_cosmetic("seed-canope");
}

#[test]
fn retyped_ena_convention_has_no_difference_of_substance() {
    check_cosmetic("seed-ena");
}

/// Alinéa numbers say which version they count in: the LRB statuts 2013 → 2016, Article 6 gets
/// two new alinéas after its first, so its old alinéa 2 is the new alinéa 4.
#[test]
fn alinea_numbers_name_their_version() {
    let (Some(old), Some(new)) = (
        soffice("lrb-statuts-association-2013-06-03"),
        soffice("lrb-statuts-association-2016-06-24"),
    ) else {
        return;
    };
    // Article 6's second alinéa reworded too, so that it is listed.
    let new = new.replace(
        "Sont membres bienfaiteurs les personnes",
        "Sont membres bienfaiteurs toutes les personnes",
    );
    let cmp = compare(
        avenant::parse_str("v1", &old),
        avenant::parse_str("v2", &new),
        &DiffOptions::default(),
    );
    for (render, want) in [
        (
            "md",
            [
                "Alinéa 2 : inséré.",
                "Alinéa 2 (ancien) / alinéa 1 (nouveau) : fusion avec l'alinéa 2",
            ],
        ),
        (
            "terminal",
            [
                "Alinéa 2 (inséré)",
                "Alinéa 2 (ancien) / alinéa 4 (nouveau)",
            ],
        ),
    ] {
        let mut out = Vec::new();
        let options = DiffRenderOptions::default();
        if render == "md" {
            avenant::render::diff_md::write_diff_md(&cmp, &options, &mut out).unwrap();
        } else {
            avenant::render::diff_terminal::write_diff_terminal(&cmp, &options, &mut out).unwrap();
        }
        let out = String::from_utf8(out).unwrap();
        for w in want {
            assert!(out.contains(w), "{render}: {w}\n{out}");
        }
    }
}

/// The document with the heading line starting with `from` (after indentation, no-break
/// spaces read as spaces) replaced by `to`.
fn retitled(text: &str, from: &str, to: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim_start().replace('\u{a0}', " ").starts_with(from) {
                to.to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A heading whose only change is a final « . » or « : », its case or its spaces is a
/// cosmetic change: nothing substantive, and the article, whose text is otherwise the same,
/// is listed as a « retouche de forme » with `--show-cosmetic` (never « modifié »), in the
/// terminal, Markdown and HTML reports. The LRB statuts (« Article 4 – Durée » →
/// « ARTICLE 4 –  DURÉE. ») and the Canopé convention (« Article 6 : Modification de la
/// convention » → « Article 6 : modification de la  convention : »).
#[test]
fn heading_punctuation_case_and_spaces_are_cosmetic() {
    for (name, from, to, unit) in [
        (
            "lrb-statuts-association-2016-06-24",
            "Article 4 ",
            "Article 4 – DURÉE.",
            "Article 4",
        ),
        (
            "seed-canope",
            "Article 6 :",
            "Article 6 : modification de la  convention :",
            "Article 6",
        ),
    ] {
        let Some(old) = soffice(name) else {
            eprintln!("{name}: corpus absent, skipped");
            return;
        };
        let new = retitled(&old, from, to);
        assert_ne!(old, new);
        let cmp = compare(
            avenant::parse_str("v1", &old),
            avenant::parse_str("v2", &new),
            &DiffOptions::default(),
        );
        assert!(!cmp.has_differences(), "{name}");
        let article = cmp
            .iter()
            .find(|p| p.changes.iter().any(|c| c.cosmetic))
            .unwrap_or_else(|| panic!("{name}: no cosmetic change"));
        assert_eq!(article.status, avenant::diff::Status::Unchanged, "{name}");
        assert!(article.changes.iter().all(|c| c.cosmetic), "{name}");
        let show = DiffRenderOptions {
            show_cosmetic: true,
            ..DiffRenderOptions::default()
        };
        let mut term = Vec::new();
        avenant::render::diff_terminal::write_diff_terminal(&cmp, &show, &mut term).unwrap();
        let term = String::from_utf8(term).unwrap();
        assert!(
            term.contains(&format!("{unit} (retouche de forme)")),
            "{name}\n{term}"
        );
        let mut plain = Vec::new();
        avenant::render::diff_terminal::write_diff_terminal(
            &cmp,
            &DiffRenderOptions::default(),
            &mut plain,
        )
        .unwrap();
        let plain = String::from_utf8(plain).unwrap();
        assert!(!plain.contains("(retouche"), "{name}\n{plain}");
        assert!(!plain.contains("(modifié"), "{name}\n{plain}");
        let mut md = Vec::new();
        avenant::render::diff_md::write_diff_md(&cmp, &show, &mut md).unwrap();
        let md = String::from_utf8(md).unwrap();
        assert!(md.contains("Retouche de forme."), "{name}\n{md}");
        let mut html = Vec::new();
        avenant::render::html::write_diff_html(&cmp, &show, &mut html).unwrap();
        let html = String::from_utf8(html).unwrap();
        assert!(html.contains("etouche de forme"), "{name}");
    }
}
