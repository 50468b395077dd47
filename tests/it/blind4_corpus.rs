//! The fourth blind test (`corpus/blind4/`, sources in its README): the Licence Ouverte 2.0 in
//! two states, an association's statuts and règlement intérieur in two versions each, the
//! State's model « convention d'utilisation », a Google Docs HTML export, a training convention
//! model, a CCAG article, a charte, an amending annex of a décret, a SCOP's statuts (50,000
//! characters) **and two minutes of its general assembly that amend them**, plus office copies
//! (.docx, .odt) of four of the texts. None of them was seen by the team. What holds is tested;
//! each failing expectation is `#[ignore]`d with its number in `docs/findings/blind-4.md`.

use super::common::{
    self, alinea_texts, article_keys, corpus_file, corpus_texts, load_path, node, run, spaced,
    word_counts,
};
use avenant::diff::{compare, DiffOptions};
use avenant::{normalise, Document};
use std::path::PathBuf;
use std::process::Output;

const LO_A: &str = "licence-ouverte-2.0-a.txt";
const LO_B: &str = "licence-ouverte-2.0-b.txt";
const AF_2012: &str = "agile-france-statuts-2012.txt";
const AF_2018: &str = "agile-france-statuts-2018.txt";
const RG_A: &str = "agile-france-reglement-a.txt";
const RG_B: &str = "agile-france-reglement-b.txt";
const UTILISATION: &str = "etat-convention-utilisation-type-2009.txt";
const GDOCS: &str = "ultreme-statuts-gdocs.txt";
const FORMATION: &str = "scopyleft-convention-formation.txt";
const CCAG_2009: &str = "ccag-travaux-2009-article-4.txt";
const CHARTE: &str = "robots-ju-charte-informatique-2018.txt";
const ATMB: &str = "atmb-modifications-statuts-2002.txt";
const SCOP: &str = "24eme-statuts-2015.txt";
const PV_MARS: &str = "24eme-pv-age-2019-03-14.txt";
const PV_JUIN: &str = "24eme-pv-age-2019-06-28.txt";

/// The pairs (old, new) of the folder.
const PAIRS: [(&str, &str); 3] = [(LO_A, LO_B), (AF_2012, AF_2018), (RG_A, RG_B)];

/// The office copies made for this test (pandoc, LibreOffice), with the text they come from.
const OFFICE: [(&str, &str); 5] = [
    ("agile-france-statuts-2018.pandoc.docx", AF_2018),
    ("agile-france-statuts-2018.soffice.odt", AF_2018),
    (
        "etat-convention-utilisation-type-2009.pandoc.docx",
        UTILISATION,
    ),
    ("licence-ouverte-2.0-b.pandoc.odt", LO_B),
    ("ultreme-statuts-gdocs.pandoc.docx", GDOCS),
];

fn path(name: &str) -> PathBuf {
    corpus_file("corpus/blind4", name)
}

fn rel(name: &str) -> String {
    format!("corpus/blind4/{name}")
}

fn load(name: &str) -> Document {
    load_path(&path(name))
}

fn outline(doc: &Document) -> String {
    avenant::render::outline::outline(doc)
}

fn stdout(out: &Output) -> String {
    spaced(&out.stdout)
}

fn stderr(out: &Output) -> String {
    spaced(&out.stderr)
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    common::temp_file("blind4", name, text)
}

fn temp_path(name: &str) -> PathBuf {
    common::temp_path("blind4", name)
}

/// The act drafted from `old` to `new` (checked by the drafter), in Markdown.
fn act(old: &Document, new: &Document) -> Result<String, String> {
    let cmp = compare(old.clone(), new.clone(), &DiffOptions::default());
    avenant::avenant::draft_checked(&cmp, &Default::default())
        .map(|av| avenant::avenant::render::markdown(&av))
        .map_err(|e| e.to_string())
}

/// The keys of the articles proper (sub-articles such as `article-14.2` aside).
fn top_articles(doc: &Document) -> Vec<String> {
    article_keys(doc)
        .into_iter()
        .filter(|k| !k.contains('.') && !k.contains('/'))
        .collect()
}

/// A one-article convention holding `alinea`.
fn one_article(alinea: &str) -> Document {
    avenant::parse_str(
        "convention.md",
        &format!("# Convention\n\n## Article 1\n\n{alinea}\n"),
    )
}

/// The words an act says are in the text it amends: each quotation that follows « le mot : »,
/// « les mots : », « le montant : »… and precedes « est remplacé » / « sont remplacés ».
fn replaced_quotations(act: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in act.lines() {
        for (i, _) in line.match_indices(" : « ") {
            let rest = &line[i + " : « ".len()..];
            let Some(end) = rest.find(" »") else {
                continue;
            };
            let after = &rest[end..];
            if after.starts_with(" » est remplacé") || after.starts_with(" » sont remplacés") {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

// ——— Every document ———

#[test]
fn every_document_parses_with_no_word_lost() {
    let docs = corpus_texts("corpus/blind4");
    assert_eq!(docs.len(), 15, "{docs:?}");
    for p in docs {
        let name = p.display().to_string();
        if name.ends_with(GDOCS) {
            // An HTML page is read by the extract stage (finding 12), not by `parse_str`: its
            // words are tested in `an_html_export_is_read`.
            continue;
        }
        let text = std::fs::read_to_string(&p).expect("utf-8");
        let doc = avenant::parse_str(&name, &text);
        let lines: Vec<String> = normalise::without_markup(&text)
            .split('\n')
            .map(normalise::inline)
            .collect();
        let input = word_counts(lines.iter().map(String::as_str));
        let tree = word_counts(doc.nodes.iter().map(|n| n.text.as_str()));
        assert_eq!(input, tree, "{name}: words differ");
        assert!(!doc.has_errors(), "{name}: {:?}", doc.diagnostics);
    }
}

#[test]
fn markdown_rendering_reads_back_to_the_same_outline() {
    for p in corpus_texts("corpus/blind4") {
        let name = p.display().to_string();
        if name.ends_with(GDOCS) {
            continue;
        }
        let text = std::fs::read_to_string(&p).expect("utf-8");
        let doc = avenant::parse_str(&name, &text);
        let again = avenant::parse_str(&name, &avenant::render::markdown::markdown(&doc));
        assert_eq!(outline(&doc), outline(&again), "{name}");
    }
}

/// Every command on every document, office copy and pair: an exit code of the README, never a
/// panic; a refusal is one French line naming the file.
#[test]
fn every_command_ends_with_a_documented_exit_code() {
    let check = |args: &[&str]| {
        let out = run(args);
        let err = stderr(&out);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?}: {:?} {err}",
            out.status
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        if out.status.code() == Some(2) {
            let lines: Vec<&str> = err
                .lines()
                .filter(|l| !l.contains("avertissement"))
                .collect();
            assert_eq!(lines.len(), 1, "{args:?}: {err}");
            assert!(lines[0].starts_with("avenant : "), "{args:?}: {err}");
        }
    };
    let mut files: Vec<String> = corpus_texts("corpus/blind4")
        .iter()
        .map(|p| p.to_str().expect("utf-8 path").to_string())
        .collect();
    files.extend(OFFICE.iter().map(|(office, _)| rel(office)));
    for f in &files {
        for format in ["outline", "json", "md"] {
            check(&["parse", f, "--format", format]);
        }
    }
    let out_docx = temp_path("compare.docx");
    let o = out_docx.to_str().expect("utf-8 path");
    for (old, new) in PAIRS {
        let (old, new) = (rel(old), rel(new));
        for format in ["terminal", "md", "json", "html", "avenant"] {
            check(&["diff", &old, &new, "--format", format, "--color", "never"]);
        }
        check(&["diff", &old, &new, "--format", "docx", "-o", o]);
        check(&["draft", &old, &new]);
        check(&["draft", &old, &new, "--format", "docx", "-o", o]);
    }
    for pv in [PV_MARS, PV_JUIN] {
        check(&["apply", &rel(SCOP), &rel(pv)]);
    }
    let _ = std::fs::remove_file(&out_docx);
}

// ——— What holds ———

#[test]
fn office_copies_read_like_their_text() {
    for (office, text) in OFFICE {
        if text == GDOCS {
            continue;
        }
        // Pandoc turns « 14. 1. » into a list: the copies are compared article by article.
        let (a, b) = (load(text), load(office));
        assert_eq!(top_articles(&a), top_articles(&b), "{office}");
    }
    // The Google Docs page, once in Word, is the statuts it shows: twelve articles.
    let doc = load("ultreme-statuts-gdocs.pandoc.docx");
    assert_eq!(top_articles(&doc).len(), 12, "{}", outline(&doc));
}

#[test]
fn agile_france_statuts_diff_renumbers_and_the_act_applies_back() {
    let out = run(&["diff", &rel(AF_2012), &rel(AF_2018), "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    for want in [
        "Article 11 (inséré) — Assemblée générale ordinaire (AGO)",
        "Article 11 → Article 12 (renuméroté, modifié)",
        "Renumérotation : articles 11 à 13 deviennent 12 à 14.",
    ] {
        assert!(report.contains(want), "{want}\n{report}");
    }
    let (old, new) = (load(AF_2012), load(AF_2018));
    let cmp = compare(old.clone(), new.clone(), &DiffOptions::default());
    let options = avenant::avenant::DraftOptions {
        renumber: true,
        ..Default::default()
    };
    let md = avenant::avenant::render::markdown(
        &avenant::avenant::draft_checked(&cmp, &options).unwrap_or_else(|e| panic!("{e}")),
    );
    let read = avenant::avenant::parse_avenant(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    let applied = avenant::avenant::apply(&old, &read).unwrap_or_else(|e| panic!("{e}\n{md}"));
    let back = compare(applied, new, &DiffOptions::default());
    assert!(!back.has_differences(), "{md}");
    assert!(
        md.contains("Les articles 11 à 13 deviennent respectivement les articles 12 à 14."),
        "{md}"
    );
}

#[test]
fn scop_statuts_have_eight_titres_forty_seven_articles_and_their_annexes() {
    let doc = load(SCOP);
    let keys = top_articles(&doc);
    assert_eq!(keys.len(), 47, "{keys:?}");
    for k in [
        "titre-i",
        "titre-viii",
        "article-12.1",
        "article-35.3",
        "annexe-ii/table-1/row-3",
        "signatures",
    ] {
        assert!(doc.get(k).is_some(), "{k}\n{}", outline(&doc));
    }
}

#[test]
fn state_model_convention_reads_article_premier_and_its_sub_articles() {
    let doc = load(UTILISATION);
    assert_eq!(top_articles(&doc).len(), 15);
    assert_eq!(
        node(&doc, "article-1").heading.as_deref(),
        Some("Objet de la convention")
    );
    assert!(doc.get("article-14.2").is_some(), "{}", outline(&doc));
    let doc = load(CCAG_2009);
    assert!(doc.get("article-4.1").is_some(), "{}", outline(&doc));
    assert!(doc.get("article-4.2").is_some(), "{}", outline(&doc));
}

#[test]
fn the_amending_annex_is_read_article_by_article() {
    // The décret's annex is itself an act: each of its articles bears the number of the
    // article it amends, the new text follows unquoted, its own « Article 2 » repeated.
    let doc = load(ATMB);
    let keys = article_keys(&doc);
    assert_eq!(
        keys.first().map(String::as_str),
        Some("article-1"),
        "{keys:?}"
    );
    assert!(keys.iter().any(|k| k == "article-47"), "{keys:?}");
}

// ——— Findings ———

/// Finding 1: an act quotes only words that are in the convention.
#[test]
fn replacements_quote_only_words_of_the_convention() {
    for (old, new) in [
        (
            "La somme de 1 000 €/an est due.",
            "La somme de 1 200 € par an est due.",
        ),
        (
            "La loi du 1^er ^juillet 1901 est applicable.",
            "La loi du 1e juillet 1901 est applicable.",
        ),
    ] {
        let md = act(&one_article(old), &one_article(new)).unwrap_or_else(|e| panic!("{e}"));
        for q in replaced_quotations(&md) {
            assert!(old.contains(&q), "« {q} » is not in « {old} »\n{md}");
        }
    }
    let (a, b) = (load(AF_2012), load(AF_2018));
    let md = act(&a, &b).unwrap_or_else(|e| panic!("{e}"));
    assert!(!md.contains("1ejuillet"), "{md}");
}

/// Finding 2: a long numbered sub-article heading is a sub-article like its neighbours.
#[test]
fn long_numbered_sub_article_headings_are_sub_articles() {
    let doc = load(SCOP);
    for k in ["article-16.2", "article-16.6"] {
        assert!(doc.get(k).is_some(), "{k}\n{}", outline(&doc));
    }
    assert_eq!(
        node(&doc, "article-16.1").children.len(),
        1,
        "{}",
        outline(&doc)
    );
}

/// Finding 3: « ## I) Adhésion » opens a division like « ## II) Initiatives ».
#[test]
fn roman_divisions_with_a_parenthesis_are_divisions() {
    let doc = load(RG_A);
    assert!(alinea_texts(&doc, "titre").is_empty(), "{}", outline(&doc));
    let keys = article_keys(&doc);
    assert_eq!(keys.len(), 5, "{keys:?}");
    assert!(keys.iter().all(|k| !k.contains('~')), "{keys:?}");
}

/// Finding 4: the signatures of the model convention are its signature block.
#[test]
fn split_signature_lines_are_the_signature_block() {
    let doc = load(UTILISATION);
    assert!(doc.get("signatures").is_some(), "{}", outline(&doc));
    let last = alinea_texts(&doc, "article-15");
    assert!(!last.iter().any(|t| t.starts_with("Le préfet")), "{last:?}");
}

/// Finding 5: a heading that only loses its quotation marks is not amended.
#[test]
fn quotation_marks_around_a_heading_are_not_a_change() {
    let out = run(&["diff", &rel(AF_2012), &rel(AF_2018), "--color", "never"]);
    let report = stdout(&out);
    for article in ["Article 4", "Article 5", "Article 6"] {
        assert!(
            !report.contains(&format!("{article} (modifié)")),
            "{article}\n{report}"
        );
    }
    let md = act(&load(AF_2012), &load(AF_2018)).unwrap_or_else(|e| panic!("{e}"));
    assert!(!md.contains("L'intitulé de l'article 4"), "{md}");
}

/// Finding 6: a line that opens with a comma continues the sentence of the line before.
#[test]
fn a_line_opening_with_a_comma_continues_its_sentence() {
    let doc = load(UTILISATION);
    let al = alinea_texts(&doc, "article-9");
    assert!(!al.iter().any(|t| t.starts_with(',')), "{al:?}");
    assert!(
        al.iter()
            .any(|t| t.contains("article 606 du code civil , à la charge")
                || t.contains("article 606 du code civil, à la charge")),
        "{al:?}"
    );
}

/// Finding 7: a note « (1) … » called from the heading is a note, not the article's last alinéa.
#[test]
#[ignore = "finding 7: « _(1) Immeubles à usage de bureaux._ » is counted as an alinéa"]
fn notes_called_from_a_heading_are_not_alineas() {
    let doc = load(UTILISATION);
    assert_eq!(
        alinea_texts(&doc, "article-5").len(),
        3,
        "{}",
        outline(&doc)
    );
    assert_eq!(
        alinea_texts(&doc, "article-12").len(),
        1,
        "{}",
        outline(&doc)
    );
}

/// Finding 8: the préfet before whom the parties appear is not a third party.
#[test]
#[ignore = "finding 8: « se sont présentés devant nous, préfet … Exposé » is a third party"]
fn the_prefet_formula_is_not_a_party() {
    let doc = load(UTILISATION);
    assert!(doc.get("parties/partie-2").is_some(), "{}", outline(&doc));
    assert!(doc.get("parties/partie-3").is_none(), "{}", outline(&doc));
}

/// Finding 9: « 2. ……… représentée par ……… » is the second party.
#[test]
#[ignore = "finding 9: the second party, a blank to fill, is an alinéa of the first"]
fn a_party_left_blank_is_a_party() {
    let doc = load(FORMATION);
    assert!(doc.get("parties/partie-2").is_some(), "{}", outline(&doc));
    let first = alinea_texts(&doc, "parties/partie-1");
    assert!(!first.iter().any(|t| t.starts_with("2.")), "{first:?}");
}

/// Finding 10: « # Article Annexe, art. 4 » is article 4; its 4.1 is not the whole article 4 of
/// the 2009 edition.
#[test]
#[ignore = "finding 10: CCAG 1978 → 2009: « Article 4.1 → Article 4 (renuméroté, même place) »"]
fn ccag_sub_articles_pair_with_sub_articles() {
    let out = run(&[
        "diff",
        "corpus/blind3/ccag-pi-1978-article-4.txt",
        &rel(CCAG_2009),
        "--color",
        "never",
    ]);
    let report = stdout(&out);
    assert!(!report.contains("Article 4.1 → Article 4 "), "{report}");
}

/// Finding 11: Pandoc superscripts (`1^er^`) are markup, not carets in the text.
#[test]
fn pandoc_superscripts_are_not_text() {
    let doc = load(AF_2012);
    for t in alinea_texts(&doc, "article-1")
        .iter()
        .chain(alinea_texts(&doc, "article-13").iter())
    {
        assert!(!t.contains('^'), "{t}");
    }
    let doc = load(SCOP);
    assert!(
        alinea_texts(&doc, "article-26.2")
            .iter()
            .all(|t| !t.contains('^')),
        "{}",
        outline(&doc)
    );
}

/// Finding 12: an HTML page (Google Docs « Page Web ») is read, as its .docx copy is.
#[test]
fn an_html_export_is_read() {
    let doc = avenant::load(&path(GDOCS), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let keys = top_articles(&doc);
    assert_eq!(keys.len(), 12, "{}", outline(&doc));
    assert_eq!(
        node(&doc, "article-3").heading.as_deref(),
        Some("SIEGE SOCIAL")
    );
    assert!(alinea_texts(&doc, "article-3")[0].starts_with("Le siège social est fixé à Domaine"));
}

/// Finding 13: the minutes of the assembly that amended the statuts apply to them.
#[test]
#[ignore = "finding 13: the parties' own minutes are refused (« aucune instruction de modification »)"]
fn the_assembly_minutes_apply_to_the_statuts() {
    let out = run(&["apply", &rel(SCOP), &rel(PV_MARS)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let consolidated = temp_file("scop-2019-03.md", &stdout(&out));
    let doc = load_path(&consolidated);
    assert_eq!(
        alinea_texts(&doc, "article-5")[0],
        "Le siège social est fixé au 2 place Saint-Opportune, 75001 Paris."
    );
    assert_eq!(alinea_texts(&doc, "article-5").len(), 2);
    let out = run(&["apply", &rel(SCOP), &rel(PV_JUIN)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let consolidated = temp_file("scop-2019-06.md", &stdout(&out));
    let doc = load_path(&consolidated);
    assert_eq!(
        alinea_texts(&doc, "article-35.2"),
        vec!["1% sont affectés au fonds de développement.".to_string()]
    );
}

/// Finding 14: a heading that holds guillemets is designated and read back.
/// `apply` reads the act back: the article's heading is rewritten, the article inserted.
#[test]
fn a_heading_with_guillemets_is_designated() {
    let md = act(&load(LO_A), &load(LO_B)).unwrap_or_else(|e| panic!("{e}"));
    assert!(md.contains("Données à caractère personnel"), "{md}");
    assert!(
        spaced(md.as_bytes()).contains(
            "intitulé « Absence de droits restreignant la « Réutilisation » » est ainsi modifié"
        ),
        "{md}"
    );
    let act_file = temp_file("b4-lo-act.md", &md);
    let out = run(&["apply", &rel(LO_A), act_file.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Droits de propriété intellectuelle"),
        "{text}"
    );
    assert!(text.contains("Données à caractère personnel"), "{text}");
    assert!(!text.contains("Absence de droits restreignant"), "{text}");
}

/// Finding 15: the règlement's restructuring is drafted.
#[test]
#[ignore = "finding 15: draft refuses the règlement a → b (« article 1 … article 5 ne reviennent pas à l'identique »)"]
fn the_restructured_reglement_is_drafted() {
    let md = act(&load(RG_A), &load(RG_B)).unwrap_or_else(|e| panic!("{e}"));
    assert!(md.contains("Modalités d'action"), "{md}");
}

/// Finding 16: an alinéa changed in a section that holds a `###` sub-heading is drafted.
#[test]
fn an_alinea_before_a_sub_heading_is_drafted() {
    let text = std::fs::read_to_string(path(LO_A)).expect("utf-8");
    let new = text.replace(
        "La présente licence est régie par le droit français.",
        "La présente licence est régie par le droit français et européen.",
    );
    let old = avenant::parse_str("lo-a.md", &text);
    let new = avenant::parse_str("lo-a3.md", &new);
    let md = act(&old, &new).unwrap_or_else(|e| panic!("{e}"));
    assert!(md.contains("et européen"), "{md}");
    // `apply` reads the act back, the sub-heading in its place.
    let act_file = temp_file("b4-lo-act16.md", &md);
    let out = run(&["apply", &rel(LO_A), act_file.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("régie par le droit français et européen."),
        "{text}"
    );
    assert!(
        text.contains("Compatibilité de la présente licence"),
        "{text}"
    );
}

/// Finding 17: an act amending a licence speaks of « la licence ».
#[test]
fn an_act_on_a_licence_speaks_of_the_licence() {
    let text = std::fs::read_to_string(path(LO_A)).expect("utf-8");
    let new = text.replace("est seul responsable", "est pleinement responsable");
    let old = avenant::parse_str("lo-a.md", &text);
    let new = avenant::parse_str("lo-a2.md", &new);
    let md = act(&old, &new).unwrap_or_else(|e| panic!("{e}"));
    assert!(!md.contains("convention"), "{md}");
    assert!(!md.contains("[partie A]"), "{md}");
    assert!(md.contains("licence"), "{md}");
}

/// Finding 18: the charte's opening prose is its chapeau, not unclassified text.
#[test]
fn the_charte_opening_is_its_chapeau() {
    let doc = load(CHARTE);
    assert!(doc.get("non-classe").is_none(), "{}", outline(&doc));
}

/// Finding 19: « LES SOUSSIGNES » and their list are the parties of the statuts.
#[test]
#[ignore = "finding 19: the founders' list is unclassified"]
fn the_founders_are_the_parties() {
    let doc = load(SCOP);
    assert!(doc.get("non-classe").is_none(), "{}", outline(&doc));
    assert!(doc.get("parties/partie-3").is_some(), "{}", outline(&doc));
}
