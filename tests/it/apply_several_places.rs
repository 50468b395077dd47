//! One sentence said of several alinéas, phrases or items (« Au premier et au cinquième
//! alinéas, les mots … », « Les premier et troisième alinéas sont supprimés »), and a chained
//! replacement whose verb is left out (« … et les mots : « c » par les mots : « d » »): each
//! named unit, and only those, is amended, or the avenant is refused.

use avenant::avenant::{apply, parse_avenant};

const CONV: &str = "Convention de partenariat

Article 4 : Engagements

Le comité de suivi se réunit chaque année.

Le secrétariat du comité est assuré par l'État.

Le comité rend un avis. Il le transmet aux parties.

Le comité peut entendre des experts.

Le rapport du comité est publié.

Article 5 : Financement

Le financement comprend :

1° une subvention du comité ;

2° une avance ;

3° une aide du comité.
";

fn run(body: &str) -> Result<Vec<String>, String> {
    let conv = avenant::parse_str("c.md", CONV);
    let av = parse_avenant(&format!(
        "Avenant n° 1 à la convention de partenariat\n\nArticle 1er\n\n{body}\n"
    ))
    .map_err(|e| e.to_string())?;
    let out = apply(&conv, &av).map_err(|e| e.to_string())?;
    let mut v = Vec::new();
    for key in ["article-4", "article-5"] {
        let id = out.get(key).expect("article");
        v.extend(
            out.alineas(id)
                .into_iter()
                .map(|a| out.node(a).text.clone()),
        );
    }
    Ok(v)
}

fn original() -> Vec<String> {
    CONV.lines()
        .skip(1)
        .filter(|l| !l.is_empty() && !l.starts_with("Article"))
        .map(str::to_string)
        .collect()
}

/// The original alinéas with `changes` (index, new text) and `deleted` indexes.
fn expect(changes: &[(usize, &str)], deleted: &[usize]) -> Vec<String> {
    let mut v = original();
    for (i, t) in changes {
        v[*i] = t.to_string();
    }
    v.into_iter()
        .enumerate()
        .filter(|(i, _)| !deleted.contains(i))
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn words_replaced_in_each_alinea_the_list_names() {
    let first_fifth = expect(
        &[
            (0, "Le conseil de suivi se réunit chaque année."),
            (4, "Le rapport du conseil est publié."),
        ],
        &[],
    );
    for s in [
        "Au premier et au cinquième alinéas de l'article 4, le mot : « comité » est remplacé par le mot : « conseil ».",
        "Aux premier et cinquième alinéas de l'article 4, le mot : « comité » est remplacé par le mot : « conseil ».",
        "Aux premier et dernier alinéas de l'article 4, le mot : « comité » est remplacé par le mot : « conseil ».",
    ] {
        assert_eq!(run(s).unwrap_or_else(|e| panic!("{s}\n{e}")), first_fifth, "{s}");
    }
    // A range, « à » and « et » consecutive: every alinéa of it, none other.
    let second_third = expect(
        &[
            (1, "Le secrétariat du conseil est assuré par l'État."),
            (2, "Le conseil rend un avis. Il le transmet aux parties."),
        ],
        &[],
    );
    for s in [
        "Aux deuxième et troisième alinéas de l'article 4, le mot : « comité » est remplacé par le mot : « conseil ».",
        "Aux deuxième à troisième alinéas de l'article 4, le mot : « comité » est remplacé par le mot : « conseil ».",
    ] {
        assert_eq!(run(s).unwrap_or_else(|e| panic!("{s}\n{e}")), second_third, "{s}");
    }
    let three = run("Aux premier à troisième alinéas de l'article 4, le mot : « comité » est remplacé par le mot : « conseil ».").expect("range");
    assert_eq!(three[0], "Le conseil de suivi se réunit chaque année.");
    assert_eq!(
        three[2],
        "Le conseil rend un avis. Il le transmet aux parties."
    );
    assert_eq!(three[3], "Le comité peut entendre des experts.");
    // Items: « aux 1° et 3° ».
    let items = run("Aux 1° et 3° de l'article 5, les mots : « du comité » sont supprimés.")
        .expect("items");
    assert_eq!(items[6], "1° une subvention ;");
    assert_eq!(items[7], "2° une avance ;");
    assert_eq!(items[8], "3° une aide.");
}

#[test]
fn alineas_listed_apart_are_deleted_and_no_other() {
    assert_eq!(
        run("Les premier et troisième alinéas de l'article 4 sont supprimés.").expect("deleted"),
        expect(&[], &[0, 2])
    );
    assert_eq!(
        run("Les deuxième, troisième et cinquième alinéas de l'article 4 sont supprimés.")
            .expect("deleted"),
        expect(&[], &[1, 2, 4])
    );
    assert_eq!(
        run("Les avant-dernier et dernier alinéas de l'article 4 sont supprimés.")
            .expect("deleted"),
        expect(&[], &[3, 4])
    );
    assert_eq!(
        run("Les 1° et 3° de l'article 5 sont supprimés.").expect("items"),
        expect(&[], &[6, 8])
    );
}

#[test]
fn a_list_the_text_does_not_bear_is_refused() {
    for (s, needle) in [
        // The words are not in the fifth alinéa: nothing is half-applied.
        (
            "Au premier et au cinquième alinéas de l'article 4, les mots : « chaque année » sont remplacés par les mots : « chaque mois ».",
            "cinquième alinéa",
        ),
        // Two alinéas apart cannot be rewritten by one quotation.
        (
            "Les premier et troisième alinéas de l'article 4 sont ainsi rédigés : « Texte. »",
            "non consécutives",
        ),
        // A range backwards, a position twice.
        (
            "Aux troisième à premier alinéas de l'article 4, le mot : « comité » est supprimé.",
            "positions illisibles",
        ),
        (
            "Les premier et sixième alinéas de l'article 4 sont supprimés.",
            "alinéa",
        ),
    ] {
        let e = run(s).expect_err(s);
        assert!(e.contains(needle), "{s}\n{e}");
    }
}

#[test]
fn a_chained_replacement_without_its_verb() {
    let want = expect(&[(0, "Le conseil de suivi se réunit chaque mois.")], &[]);
    for s in [
        "Au premier alinéa de l'article 4, le mot : « comité » est remplacé par le mot : « conseil » et les mots : « chaque année » par les mots : « chaque mois ».",
        "Au premier alinéa de l'article 4, le mot : « comité » est remplacé par le mot : « conseil » ; les mots : « chaque année » par les mots : « chaque mois ».",
        "Au premier alinéa de l'article 4, les mots : « chaque année » sont remplacés par les mots : « chaque mois » et le mot : « comité » par le mot : « conseil ».",
    ] {
        assert_eq!(run(s).unwrap_or_else(|e| panic!("{s}\n{e}")), want, "{s}");
    }
    // Three in a chain, the last two without their verb.
    let got = run("À l'article 4, les mots : « de suivi » sont remplacés par les mots : « de pilotage », les mots : « par l'État » par les mots : « par la région » et les mots : « est publié » par les mots : « est rendu public ».").expect("three");
    assert_eq!(got[0], "Le comité de pilotage se réunit chaque année.");
    assert_eq!(got[1], "Le secrétariat du comité est assuré par la région.");
    assert_eq!(got[4], "Le rapport du comité est rendu public.");
    // A chained pair whose old words are absent: refused whole.
    let e = run("À l'article 4, le mot : « comité » est remplacé par le mot : « conseil » et les mots : « chaque jour » par les mots : « chaque mois ».").expect_err("absent");
    assert!(e.contains("chaque jour"), "{e}");
}
