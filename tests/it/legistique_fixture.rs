//! LEGISTIQUE.md's round-trip fixture: each sentence, applied alone to article 7, gives exactly
//! the stated result; and `formules` writes each sentence back word for word.

use avenant::avenant::formules::{self, Style};
use avenant::avenant::{apply, parse_avenant};
use avenant::Document;

const AL1: &str = "La présente convention entre en vigueur à sa signature. Elle est conclue jusqu'au 30 juin 2021.";
const AL2: &str = "Les parties se réunissent annuellement en comité de pilotage. Le comité est présidé par la DINUM.";
const AL3: &str =
    "Elle peut être résiliée par chacune des parties par écrit dans un délai d'un mois.";

fn convention() -> Document {
    let text = format!(
        "Convention de partenariat\n\nArticle 6 : Objet\n\nLa convention organise la coopération.\n\nArticle 7 : Durée\n\n{AL1}\n\n{AL2}\n\n{AL3}\n\nArticle 8 : Publication\n\nLa convention est publiée.\n"
    );
    avenant::parse_str("fixture.md", &text)
}

fn article_7(doc: &Document) -> Vec<String> {
    let a = doc.get("article-7").expect("article 7");
    doc.alineas(a)
        .iter()
        .map(|id| doc.node(*id).text.clone())
        .collect()
}

/// The fixture sentence as an avenant of one article (« ⏎ » is a line break).
fn avenant_of(sentence: &str) -> String {
    format!(
        "Avenant n° 1 à la convention de partenariat\n\nArticle 1er – Modification de l'article 7 de la convention\n\n{}\n",
        sentence.replace(" ⏎ ", "\n\n")
    )
}

fn fixture() -> Vec<(&'static str, Vec<String>)> {
    let s = |x: &str| x.to_string();
    vec![
        (
            "À l'article 7, les mots : « 30 juin 2021 » sont remplacés par les mots : « 31 décembre 2021 ».",
            vec![
                s("La présente convention entre en vigueur à sa signature. Elle est conclue jusqu'au 31 décembre 2021."),
                s(AL2),
                s(AL3),
            ],
        ),
        ("Le troisième alinéa de l'article 7 est supprimé.", vec![s(AL1), s(AL2)]),
        (
            "La seconde phrase du deuxième alinéa de l'article 7 est supprimée.",
            vec![s(AL1), s("Les parties se réunissent annuellement en comité de pilotage."), s(AL3)],
        ),
        (
            "Au deuxième alinéa de l'article 7, le mot : « annuellement » est remplacé par les mots : « deux fois par an ».",
            vec![
                s(AL1),
                s("Les parties se réunissent deux fois par an en comité de pilotage. Le comité est présidé par la DINUM."),
                s(AL3),
            ],
        ),
        (
            "Après le premier alinéa de l'article 7, il est inséré un alinéa ainsi rédigé : ⏎ « Les données sont hébergées en France. »",
            vec![s(AL1), s("Les données sont hébergées en France."), s(AL2), s(AL3)],
        ),
        (
            "L'article 7 est complété par un alinéa ainsi rédigé : ⏎ « Le présent article s'applique sans préjudice de l'article 9. »",
            vec![s(AL1), s(AL2), s(AL3), s("Le présent article s'applique sans préjudice de l'article 9.")],
        ),
        (
            "Le premier alinéa de l'article 7 est ainsi rédigé : ⏎ « La convention entre en vigueur le 1er janvier 2021. »",
            vec![s("La convention entre en vigueur le 1er janvier 2021."), s(AL2), s(AL3)],
        ),
        (
            "Au dernier alinéa de l'article 7, les mots : « par écrit » sont supprimés.",
            vec![s(AL1), s(AL2), s("Elle peut être résiliée par chacune des parties dans un délai d'un mois.")],
        ),
        (
            "Le premier alinéa de l'article 7 est complété par une phrase ainsi rédigée : ⏎ « Elle est renouvelable une fois. »",
            vec![format!("{AL1} Elle est renouvelable une fois."), s(AL2), s(AL3)],
        ),
        (
            "À la première phrase du premier alinéa de l'article 7, après le mot : « signature », sont insérés les mots : « par les deux parties ».",
            vec![
                s("La présente convention entre en vigueur à sa signature par les deux parties. Elle est conclue jusqu'au 30 juin 2021."),
                s(AL2),
                s(AL3),
            ],
        ),
    ]
}

#[test]
fn each_sentence_applied_alone_gives_the_stated_result() {
    let conv = convention();
    assert_eq!(article_7(&conv), [AL1, AL2, AL3]);
    for (sentence, expected) in fixture() {
        let av = parse_avenant(&avenant_of(sentence)).unwrap_or_else(|e| panic!("{sentence}\n{e}"));
        assert_eq!(av.articles.len(), 1, "{sentence}");
        assert_eq!(av.articles[0].instructions.len(), 1, "{sentence}");
        let out = apply(&conv, &av).unwrap_or_else(|e| panic!("{sentence}\n{e}"));
        assert_eq!(article_7(&out), expected, "{sentence}");
        // Keys and numbering are those of the consolidated text parsed afresh.
        let reparsed = avenant::parse_str("fixture.md", &avenant::render::markdown::markdown(&out));
        assert!(
            out.same_tree(&reparsed),
            "{sentence}: {:?}",
            out.first_difference(&reparsed)
        );
        // The other articles are untouched.
        for key in ["article-6/al-1", "article-8/al-1"] {
            let a = conv.node(conv.get(key).unwrap()).text.clone();
            let b = out.node(out.get(key).unwrap()).text.clone();
            assert_eq!(a, b, "{sentence}");
        }
    }
}

#[test]
fn formules_write_each_fixture_sentence_word_for_word() {
    let plain = Style {
        space: ' ',
        ..Style::default()
    };
    for (sentence, _) in fixture() {
        let av = parse_avenant(&avenant_of(sentence)).unwrap();
        let ins = &av.articles[0].instructions[0];
        let written = formules::sentence(ins, None, &plain)
            .standalone()
            .join(" ⏎ ");
        // The fixture says « L'article 7 est complété » where an article-level target is plain.
        assert_eq!(written, sentence);
    }
}

#[test]
fn failures_name_the_avenant_article_quote_the_instruction_and_name_the_target() {
    let conv = convention();
    let cases = [
        (
            "À l'article 7, les mots : « 31 décembre 2099 » sont remplacés par le mot : « x ».",
            "les mots « 31 décembre 2099 » sont introuvables à l'article 7 de la convention",
        ),
        (
            "À l'article 7, le mot : « parties » est remplacé par le mot : « signataires ».",
            "le mot « parties » figure 2 fois à l'article 7 de la convention : l'avenant ne précise pas laquelle des occurrences est visée",
        ),
        (
            "Le cinquième alinéa de l'article 7 est supprimé.",
            "le cinquième alinéa de l'article 7 de la convention n'existe pas",
        ),
        (
            "L'article 12 de la convention est supprimé.",
            "l'article 12 de la convention n'existe pas",
        ),
        (
            "Au deuxième alinéa de l'article 7, les mots : « 30 juin 2021 » sont supprimés.",
            "les mots « 30 juin 2021 » sont introuvables au deuxième alinéa de l'article 7 de la convention",
        ),
    ];
    for (sentence, message) in cases {
        let av = parse_avenant(&avenant_of(sentence)).unwrap();
        let e = apply(&conv, &av).expect_err(sentence);
        // The avenant's article, its instruction quoted, then why it fails.
        assert_eq!(
            e.to_string(),
            format!("article 1er de l'avenant, « {sentence} » : {message}")
        );
    }
}
