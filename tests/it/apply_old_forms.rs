//! `apply` on the forms of short, old and informal amending acts (blind findings 13, 14, 34):
//! instructions numbered 1°, 2° without « Article » headings, « le paragraphe ci-après »,
//! quotations left open in the old style, the place put first, the imperative of minutes.

use avenant::avenant::{apply, parse_avenant};
use avenant::Document;

const CONV: &str = "Convention\n\nArticle 1er\n\nTexte un.\n\nArticle 2\n\nTexte deux.\n\nArticle 3\n\nLe siège social est fixé au domicile du président. Il pourra être transféré par simple décision du conseil d'administration.\n";

fn alineas(doc: &Document, key: &str) -> Vec<String> {
    let id = doc.get(key).expect("unit");
    doc.alineas(id)
        .into_iter()
        .map(|a| doc.node(a).text.clone())
        .collect()
}

fn applied(text: &str) -> Result<Document, String> {
    let conv = avenant::parse_str("convention", CONV);
    let av = parse_avenant(text).map_err(|e| e.to_string())?;
    apply(&conv, &av).map_err(|e| e.to_string())
}

#[test]
fn numbered_instructions_without_article_headings_are_the_avenants_articles() {
    // The 1889 form (intro, « paragraphe ci-après », a quotation the paragraph's end closes),
    // and a modern short avenant (« Les parties conviennent de ce qui suit : », 1°, 2°).
    let old = "Avenant\n\nIl a été convenu que les modifications suivantes sont apportées à la convention du 21 mai 1889 :\n\n1° A l'article 2 est ajouté le paragraphe ci-après :\n\n\"Texte ajouté.\n\n2° L'article 1er est ainsi rédigé :\n\n\"Texte premier.\n\nParis, le 19 juin 1889\n";
    let doc = applied(old).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(alineas(&doc, "article-2"), ["Texte deux.", "Texte ajouté."]);
    assert_eq!(alineas(&doc, "article-1"), ["Texte premier."]);
    let modern = "Avenant n° 2 à la convention\n\nLes parties conviennent de ce qui suit :\n\n1° À l'article 2, les mots : « deux » sont remplacés par les mots : « 2 ».\n\n2° L'article 1er est complété par un alinéa ainsi rédigé : « Texte ajouté. »\n\nFait à Lyon, le 3 mars 2024.\n";
    let doc = applied(modern).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(alineas(&doc, "article-2"), ["Texte 2."]);
    assert_eq!(alineas(&doc, "article-1"), ["Texte un.", "Texte ajouté."]);
    let av = parse_avenant(modern).expect("read");
    assert_eq!(av.articles.len(), 2);
}

#[test]
fn a_quotation_left_open_is_old_style_only_with_a_straight_quote() {
    // « " » the paragraph's end closes (1889); a « never closed is a slip, refused whole.
    let head =
        "Avenant n° 1\n\nArticle 1er\n\nL'article 2 est complété par un alinéa ainsi rédigé :\n\n";
    let doc = applied(&format!("{head}\"Texte ajouté.\n")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(alineas(&doc, "article-2"), ["Texte deux.", "Texte ajouté."]);
    let e = applied(&format!(
        "{head}« Texte ajouté.\n\nL'article 1er est supprimé.\n"
    ))
    .expect_err("refused");
    assert!(e.contains("jamais fermée"), "{e}");
}

#[test]
fn an_added_alinea_is_read_in_every_common_phrasing() {
    for sentence in [
        "L'article 2 est complété par un alinéa ainsi rédigé : « Texte ajouté. »",
        "À l'article 2, il est ajouté un alinéa ainsi rédigé :\n\n« Texte ajouté. »",
        "À l'article 2, il est ajouté un alinéa ainsi rédigé : « Texte ajouté. »",
        "Le texte de l'article 2 est complété par l'alinéa suivant : « Texte ajouté. »",
        "L'article 2 est complété par le paragraphe ci-après :\n\n« Texte ajouté. »",
        "A l'article 2 est ajouté le paragraphe ci-après :\n\n« Texte ajouté. »",
    ] {
        let text = format!("Avenant n° 1\n\nArticle 1er\n\n{sentence}\n");
        match applied(&text) {
            Ok(doc) => assert_eq!(
                alineas(&doc, "article-2"),
                ["Texte deux.", "Texte ajouté."],
                "{sentence}"
            ),
            Err(e) => panic!("{sentence}: {e}"),
        }
    }
}

#[test]
fn the_imperative_of_minutes_is_read_on_one_line_and_in_block_quotes() {
    let new = "Le siège social est fixé à Levallois-Perret (Hauts-de-Seine).";
    let one = format!("Avenant n° 1\n\nArticle 1er\n\nRemplacer dans l'article 3 des statuts : « Le siège social est fixé au domicile du président. Il pourra être transféré par simple décision du conseil d'administration. » par « {new} »\n");
    let minutes = format!("# Assemblée générale extraordinaire du 25 novembre 2023\n\nLa proposition de modification suivante des statuts est présentée à l'assemblée :\n\n> Remplacer dans l'article 3 des statuts:\n>\n> « Le siège social est fixé au domicile du président. Il pourra être transféré par simple décision du conseil d'administration. »\n>\n> par\n>\n> « {new} »\n\n## Discussion et vote\n\nLa modification est adoptée à l'unanimité.\n");
    for text in [one, minutes] {
        let doc = applied(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(alineas(&doc, "article-3"), [new], "{text}");
    }
    // Words absent from the article: refused, naming them.
    let absent = "Avenant n° 1\n\nArticle 1er\n\nRemplacer dans l'article 3 : « au siège de la mairie » par « ailleurs »\n";
    let e = applied(absent).expect_err("refused");
    assert!(e.contains("introuvable"), "{e}");
}

#[test]
fn articles_added_under_numbers_the_convention_has_are_refused_naming_them() {
    let text = "Avenant\n\n1° Deux articles nouveaux seront ajoutés à la convention, savoir :\n\n\"Art. 3 - Texte trois.\n\n\"Art. 4 - Texte quatre.\n";
    let e = applied(text).expect_err("refused");
    assert!(e.contains("l'article 3 existe déjà"), "{e}");
    let text = text
        .replace("Art. 3 -", "Art. 5 -")
        .replace("Art. 4 -", "Art. 6 -");
    let doc = applied(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(alineas(&doc, "article-5"), ["Texte trois."]);
    assert_eq!(alineas(&doc, "article-6"), ["Texte quatre."]);
    // The count the sentence announces is checked.
    let three = text.replace("Deux articles", "Trois articles");
    assert!(applied(&three).is_err());
}
