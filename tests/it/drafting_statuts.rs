//! Statuts without a title (blind findings 18, 33; note6 § 13): the document is named by the
//! noun its own text gives itself (« les présents statuts »), never « la convention », and the
//! act adopted by one body is a « modification », not an avenant, and a decision, not a
//! contract: « Considérant qu'il y a lieu de modifier les statuts afin de … », « L'assemblée
//! générale extraordinaire décide : » (the body the statuts name for their modification), « La présente modification entre en vigueur à la date de son adoption. », « Les
//! autres dispositions des statuts demeurent inchangées. ». Two real texts: the Zeste de Savoir
//! statuts (untitled) and the Lyon Ruby Brigade statuts with their title line taken out.

use avenant::avenant::{draft_checked, render::markdown, DraftOptions};
use avenant::diff::{compare, DiffOptions};

fn act(name: &str, old: &str, new: &str) -> String {
    let cmp = compare(
        avenant::parse_str(name, old),
        avenant::parse_str(name, new),
        &DiffOptions::default(),
    );
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    markdown(&av).replace(['\u{a0}', '\u{202f}'], " ")
}

fn assert_statuts_modification(md: &str) {
    assert!(md.starts_with("# Modification des statuts"), "{md}");
    // A decision, not a contract: its motive, then the body that decides.
    assert!(
        md.contains(
            "Considérant qu'il y a lieu de modifier les statuts afin de mettre à jour leur"
        ),
        "{md}"
    );
    assert!(md.contains(" décide :\n"), "{md}");
    assert!(md.contains("## Article "), "{md}");
    assert!(md.contains("– Autres dispositions\n"), "{md}");
    assert!(
        md.contains("Les autres dispositions des statuts demeurent inchangées."),
        "{md}"
    );
    assert!(
        md.contains("La présente modification entre en vigueur à la date de son adoption."),
        "{md}"
    );
    for wrong in [
        "présent avenant",
        "de la convention",
        "Entre :",
        "stipulations",
        "Il a été préalablement exposé",
        "Ceci exposé",
        "convenu",
    ] {
        assert!(!md.contains(wrong), "{wrong}\n{md}");
    }
}

#[test]
fn zeste_de_savoir_untitled_statuts_are_modified_as_statuts() {
    let read = |v: &str| {
        std::fs::read_to_string(format!("corpus/blind/zeste-de-savoir-statuts-ca-{v}.txt"))
            .expect("corpus")
    };
    let md = act(
        "zeste-de-savoir-statuts.txt",
        &read("4-a-25"),
        &read("13-a-25"),
    );
    assert_statuts_modification(&md);
    assert!(
        md.contains("Au premier alinéa de l'article 8 des statuts"),
        "{md}"
    );
}

#[test]
fn lrb_statuts_without_their_title_are_modified_as_statuts() {
    let dir = std::path::Path::new("../shared/corpus/real");
    if !dir.exists() {
        return;
    }
    let read = |d: &str| {
        let text =
            std::fs::read_to_string(dir.join(format!("lrb-statuts-association-{d}.pandoc.txt")))
                .expect("corpus");
        // Without its title line « Statuts de l'association Lyon Ruby Brigade ».
        text.split_once('\n')
            .map(|(_, rest)| rest.to_string())
            .unwrap_or(text)
    };
    let md = act("lrb-statuts.txt", &read("2013-06-03"), &read("2016-06-24"));
    assert_statuts_modification(&md);
}

/// The body that decides is the one the document names for its own modification: the LRB
/// statuts (« propositions de modifications des statuts présentés à l'Assemblée Générale
/// extraordinaire »), the ASN statuts (« Les statuts peuvent être modifiés par l'Assemblée
/// Générale sur proposition du Bureau »), the API Entreprise CGU (« Toute modification des
/// présentes CGU par la DINSIC »); a placeholder when the document does not say (Renn.es CGU:
/// « Elles peuvent être modifiées à tout moment »). Each act still applies back.
#[test]
fn the_body_that_modifies_the_document_decides() {
    let read = |p: &str| std::fs::read_to_string(p).expect("corpus");
    let mut pairs = vec![
        (
            "asn-statuts.txt",
            read("corpus/blind2/asn-statuts-2017-04-05.txt"),
            read("corpus/blind2/asn-statuts-2019-01-26.txt"),
            "L'assemblée générale décide :",
        ),
        (
            "api-entreprise-cgu.txt",
            read("corpus/blind/api-entreprise-cgu-2018-06-15.txt"),
            read("corpus/blind/api-entreprise-cgu-2020-07-28.txt"),
            "La DINSIC décide :",
        ),
        (
            "renn-es-cgu.txt",
            read("corpus/blind2/renn-es-cgu-a.txt"),
            read("corpus/blind2/renn-es-cgu-b.txt"),
            "[organe compétent] décide :",
        ),
    ];
    let lrb =
        std::path::Path::new("../shared/corpus/real/lrb-statuts-association-2013-06-03.pandoc.txt");
    if lrb.exists() {
        pairs.push((
            "lrb-statuts.txt",
            read("../shared/corpus/real/lrb-statuts-association-2013-06-03.pandoc.txt"),
            read("../shared/corpus/real/lrb-statuts-association-2016-06-24.pandoc.txt"),
            "L'assemblée générale extraordinaire décide :",
        ));
    }
    for (name, old, new, decides) in pairs {
        let md = act(name, &old, &new);
        assert!(md.contains(&format!("\n{decides}\n")), "{name}\n{md}");
        assert!(
            md.contains("\nConsidérant qu'il y a lieu de modifier les "),
            "{name}\n{md}"
        );
        for wrong in [
            "Entre :",
            "Il a été préalablement exposé",
            "Ceci exposé",
            "présent avenant",
        ] {
            assert!(!md.contains(wrong), "{name}: {wrong}\n{md}");
        }
        // The decision is read back: the same model, and the new version by `apply`.
        let av = avenant::avenant::parse_avenant(&md).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = avenant::avenant::apply(&avenant::parse_str(name, &old), &av)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let _ = doc;
    }
    // The conditions générales are feminine plural: « ci-après dénommées ».
    let md = act(
        "api-entreprise-cgu.txt",
        &read("corpus/blind/api-entreprise-cgu-2018-06-15.txt"),
        &read("corpus/blind/api-entreprise-cgu-2020-07-28.txt"),
    );
    assert!(
        md.contains("(ci-après dénommées les « conditions générales »)"),
        "{md}"
    );
    assert!(md.starts_with("# Modification des conditions"), "{md}");
}

/// Two unnumbered sections sharing one heading (note8's gap): each is named by which one it
/// is, in document order (« le deuxième article des statuts intitulé « Membres » »), never by a
/// number the text does not write, and `apply` reads that designation back. Two real texts,
/// their headings made to repeat in both versions: the Mes Aides statuts (« Adhésion » and
/// « Admission initiale » both « Membres ») and the ASN statuts (the two « … du Bureau »
/// sections both « Bureau »).
#[test]
fn two_sections_sharing_a_heading_are_named_by_their_rank() {
    let read = |p: &str| std::fs::read_to_string(p).expect("corpus");
    let same = |text: &str, from: &[&str], to: &str| {
        from.iter().fold(text.to_string(), |t, f| t.replace(f, to))
    };
    let ma = |p: &str| {
        same(
            &read(p),
            &["## Adhésion\n", "## Admission initiale\n"],
            "## Membres\n",
        )
    };
    let md = act(
        "mes-aides-statuts.txt",
        &ma("corpus/blind/mes-aides-statuts-nice.txt"),
        &ma("corpus/blind/mes-aides-statuts-paris.txt"),
    );
    assert!(
        md.contains("## Article 3 – Modification du deuxième article des statuts intitulé « Membres »\n\nLe deuxième article des statuts intitulé « Membres » est ainsi rédigé :"),
        "{md}"
    );
    assert!(!md.contains("article 6"), "{md}");
    let asn = |p: &str| {
        same(
            &read(p),
            &[
                "## Composition et attribution du Bureau ##",
                "## Réunion et délibération du Bureau ##",
            ],
            "## Bureau ##",
        )
    };
    let md = act(
        "asn-statuts.txt",
        &asn("corpus/blind2/asn-statuts-2017-04-05.txt"),
        &asn("corpus/blind2/asn-statuts-2019-01-26.txt"),
    );
    assert!(
        md.contains("Le premier article des statuts intitulé « Bureau » est ainsi modifié :"),
        "{md}"
    );
    assert!(
        md.contains("deuxième article des statuts intitulé « Bureau »"),
        "{md}"
    );
}

/// The rank read back, and refused when it names no article: a third of two, or a second
/// where the heading is the only one of its kind.
#[test]
fn a_ranked_titled_article_is_read_back_or_refused() {
    let statuts = "Statuts de l'association\n\n## Objet\n\nL'association a pour objet le partage.\n\n## Membres\n\nLes membres adhèrent.\n\n## Siège\n\nLe siège est à Paris.\n\n## Membres\n\nLes membres cotisent.\n";
    let conv = avenant::parse_str("statuts.md", statuts);
    let run = |s: &str| -> Result<String, String> {
        let av = avenant::avenant::parse_avenant(&format!(
            "Modification des statuts de l'association\n\nArticle 1er\n\n{s}\n"
        ))
        .map_err(|e| e.to_string())?;
        let doc = avenant::avenant::apply(&conv, &av).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        avenant::render::markdown::write_markdown(&doc, &mut out).map_err(|e| e.to_string())?;
        Ok(String::from_utf8(out).expect("utf-8"))
    };
    let out = run("Au deuxième article des statuts intitulé « Membres », le mot : « cotisent » est remplacé par les mots : « versent une cotisation ».").unwrap_or_else(|e| panic!("{e}"));
    assert!(out.contains("Les membres versent une cotisation."), "{out}");
    assert!(out.contains("Les membres adhèrent."), "{out}");
    let out = run("Le premier article des statuts intitulé « Membres » est supprimé.")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.contains("Les membres adhèrent."), "{out}");
    assert!(out.contains("Les membres cotisent."), "{out}");
    for s in [
        "Le troisième article des statuts intitulé « Membres » est supprimé.",
        "Le deuxième article des statuts intitulé « Siège » est supprimé.",
        // Without its rank, the heading names two articles.
        "L'article des statuts intitulé « Membres » est supprimé.",
    ] {
        assert!(run(s).is_err(), "{s}");
    }
}
