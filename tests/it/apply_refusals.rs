//! `apply` is never silently wrong: an avenant it cannot read whole, or an instruction it cannot
//! carry out exactly, is refused (exit 2) — never skipped while the rest is applied.

use avenant::avenant::{apply, parse_avenant};
use std::process::Command;

const CONVENTION: &str = "Convention de partenariat

Article 1er : Objet

La présente convention a pour objet la coopération entre les parties.

Article 5 bis : Durée

La convention est conclue pour une durée de trois ans. Elle peut être renouvelée par les parties pour une durée de deux ans.

Article 6 : Montant

Le montant est de 1 000 euros.
";

fn conv() -> avenant::Document {
    avenant::parse_str("convention.md", CONVENTION)
}

/// Reads and applies; `Err` with the message of whichever step refused.
fn run(avenant_text: &str) -> Result<String, String> {
    let av = parse_avenant(avenant_text).map_err(|e| e.to_string())?;
    let doc = apply(&conv(), &av).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    avenant::render::markdown::write_markdown(&doc, &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).expect("utf-8"))
}

fn refused(avenant_text: &str, needle: &str) {
    match run(avenant_text) {
        Ok(out) => panic!("applied instead of refused:\n{avenant_text}\n---\n{out}"),
        Err(e) => assert!(e.contains(needle), "« {needle} » not in: {e}"),
    }
}

const HEAD: &str = "Avenant n° 1 à la convention de partenariat\n\n";

#[test]
fn a_letter_without_any_instruction_is_refused() {
    refused(
        &format!("{HEAD}Madame, Monsieur,\n\nNous vous confirmons notre accord pour prolonger notre partenariat.\n\nCordialement.\n"),
        "aucune instruction",
    );
}

#[test]
fn an_avenant_with_only_its_boilerplate_is_refused() {
    refused(
        &format!("{HEAD}Article 1er – Entrée en vigueur\n\nLe présent avenant entre en vigueur à la date de sa signature.\n\nArticle 2\n\nLes autres stipulations de la convention demeurent inchangées.\n"),
        "aucune instruction",
    );
}

#[test]
fn an_instruction_before_the_first_article_heading_is_refused() {
    refused(
        &format!("{HEAD}L'article 6 est ainsi rédigé : « Le montant est de 5 euros. »\n\nArticle 1er\n\nÀ l'article 6, les mots : « 1 000 » sont remplacés par les mots : « 2 000 ».\n"),
        "hors de tout article",
    );
}

#[test]
fn numbered_headings_without_the_word_article_are_refused() {
    refused(
        &format!("{HEAD}1. Montant\n\nÀ l'article 6, les mots : « 1 000 » sont remplacés par les mots : « 2 000 ».\n"),
        "hors de tout article",
    );
}

#[test]
fn decree_style_headings_are_read() {
    let out = run(&format!(
        "{HEAD}Art. 1er. – L'article 6 est ainsi rédigé :\n\n« Le montant est de 2 000 euros. »\n\nArt. 2. – À l'article 1er, le mot : « coopération » est remplacé par le mot : « collaboration ».\n"
    ))
    .expect("applies");
    assert!(out.contains("Le montant est de 2 000 euros."), "{out}");
    assert!(out.contains("a pour objet la collaboration"), "{out}");
}

#[test]
fn article_premier_and_unique_are_article_headings() {
    for h in [
        "Article premier",
        "Article unique",
        "ARTICLE 1er",
        "Article 1er. – Montant",
    ] {
        let out = run(&format!(
            "{HEAD}{h}\n\nÀ l'article 6, les mots : « 1 000 » sont remplacés par les mots : « 2 000 ».\n"
        ))
        .unwrap_or_else(|e| panic!("{h}: {e}"));
        assert!(out.contains("2 000 euros"), "{h}: {out}");
    }
}

#[test]
fn an_objet_sentence_never_hides_the_instructions_after_it() {
    let out = run(&format!(
        "{HEAD}Article 1er – Objet\n\nLe présent avenant a pour objet de modifier le montant.\n\nÀ l'article 6, les mots : « 1 000 » sont remplacés par les mots : « 2 000 ».\n"
    ))
    .expect("applies");
    assert!(out.contains("2 000 euros"), "{out}");
    refused(
        &format!("{HEAD}Article 1er – Objet\n\nLe présent avenant a pour objet de prolonger la convention.\n\nLa durée de la convention est prolongée jusqu'au 31 décembre 2027.\n"),
        "phrase non comprise",
    );
}

#[test]
fn a_quoted_article_5_ter_under_an_instruction_about_5_bis_is_refused() {
    refused(
        &format!("{HEAD}Article 1er\n\nL'article 5 bis est ainsi rédigé :\n\n« Article 5 ter : Durée\n\n« La convention est conclue pour une durée de cinq ans. »\n"),
        "n'est pas l'article 5 bis",
    );
    refused(
        &format!("{HEAD}Article 1er\n\nAprès l'article 6, il est inséré un article 6 bis ainsi rédigé :\n\n« Article 6 ter : Suivi\n\n« Un comité suit la convention. »\n"),
        "n'est pas l'article 6 bis",
    );
}

#[test]
fn a_quotation_may_open_on_its_first_line_and_close_on_its_last() {
    let out = run(&format!(
        "{HEAD}Article 1er\n\nL'article 5 bis est ainsi rédigé :\n\n« Article 5 bis : Durée\n\nLa convention est conclue pour une durée de cinq ans.\n\nElle n'est pas renouvelable. »\n"
    ))
    .expect("applies");
    assert!(out.contains("durée de cinq ans."), "{out}");
    assert!(out.contains("Elle n'est pas renouvelable."), "{out}");
}

#[test]
fn an_unclosed_quotation_never_swallows_the_next_instruction() {
    refused(
        &format!("{HEAD}Article 1er\n\nL'article 6 est ainsi rédigé :\n\n« Le montant est de 2 000 euros.\n\nÀ l'article 1er, le mot : « coopération » est remplacé par le mot : « collaboration ».\n"),
        "jamais fermée",
    );
}

#[test]
fn quoted_words_absent_or_repeated_are_refused() {
    refused(
        &format!("{HEAD}Article 1er\n\nÀ l'article 6, les mots : « 3 000 » sont remplacés par les mots : « 2 000 ».\n"),
        "introuvable",
    );
    // « pour une durée » opens both phrases of article 5 bis: which one, the avenant must say.
    refused(
        &format!("{HEAD}Article 1er\n\nÀ l'article 5 bis, les mots : « pour une durée » sont remplacés par les mots : « pour un temps ».\n"),
        "2 fois",
    );
}

#[test]
fn a_decision_is_not_a_textual_change() {
    refused(
        &format!("{HEAD}Article 1er – Durée\n\nLa durée de la convention est prolongée jusqu'au 31 décembre 2027.\n"),
        "phrase non comprise",
    );
}

#[test]
fn the_binary_exits_2_with_one_line_and_nothing_on_stdout() {
    let dir = std::env::temp_dir().join(format!("avenant-apply-refusals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let c = dir.join("convention.md");
    let a = dir.join("lettre.md");
    std::fs::write(&c, CONVENTION).expect("write");
    std::fs::write(
        &a,
        format!("{HEAD}Madame, Monsieur,\n\nNous confirmons notre accord.\n"),
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_avenant"))
        .arg("apply")
        .arg(&c)
        .arg(&a)
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let all = String::from_utf8_lossy(&out.stderr);
    // The convention numbers its articles 1er, 5 bis, 6: the parser's remark on it comes
    // first, then the refusal's one line.
    let (remarks, err): (Vec<&str>, Vec<&str>) = all
        .lines()
        .partition(|l| l.contains("convention.md : avertissement : numérotation des articles"));
    assert_eq!(remarks.len(), 1, "{all}");
    let err = err.join("\n");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("lettre.md") && err.contains("aucune instruction"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The refusal quotes the jurist's own sentence as the avenant writes it (« est abrogé »,
/// straight quotes, « Art. 1er. – » style), never the reader's normalised form (issue 16).
#[test]
fn the_refusal_quotes_the_sentence_as_written() {
    for (avenant_text, written) in [
        (
            "Avenant n° 1 à la convention de partenariat\n\nArticle 1er\n\nL'article 9 est abrogé.\n",
            "« L'article 9 est abrogé. » :",
        ),
        (
            "Avenant n° 1 à la convention de partenariat\n\nArticle 1er\n\nA l'article 6, les mots \"3 000 euros\" sont remplacés par les mots \"2 000 euros\".\n",
            "« A l'article 6, les mots \"3 000 euros\" sont remplacés par les mots \"2 000 euros\". » :",
        ),
        (
            "Avenant n° 1 à la convention de partenariat\n\nArt. 1er. – L'article 6 est modifié comme suit :\n\n1° Les mots : « 1 000 euros » sont remplacés par les mots : « 2 000 euros » ;\n\n2° La troisième phrase est abrogée.\n",
            "« 2° La troisième phrase est abrogée. » :",
        ),
    ] {
        refused(avenant_text, written);
    }
}
