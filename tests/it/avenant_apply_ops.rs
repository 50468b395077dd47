//! `apply` on list items, table rows, annexes, replacements everywhere, on a small convention.

use avenant::avenant::{apply, parse_avenant};
use avenant::Document;

const CONVENTION: &str = "Convention de partenariat\n\nArticle 1er : Objet\n\nLa convention lie l'ENA et la DINUM.\n\nArticle 2 : Engagements\n\nL'ENA s'engage à :\n\n1° nommer un intrapreneur ;\n\n2° fournir les données ;\n\n3° participer au comité.\n\nArticle 3 : Financement\n\nL'ENA verse 281 160 € à la DINUM.\n\nFait à Paris, le 2 avril 2021\n\nAnnexe 1 : Budget\n\n| Poste | Montant |\n|---|---|\n| Développement | 200 000 € |\n| Coaching | 81 160 € |\n";

fn run(body: &str) -> Document {
    let conv = avenant::parse_str("c.md", CONVENTION);
    let av = parse_avenant(&format!("Article 1er – Modification\n\n{body}\n"))
        .unwrap_or_else(|e| panic!("{body}\n{e}"));
    apply(&conv, &av).unwrap_or_else(|e| panic!("{body}\n{e}"))
}

fn text(d: &Document, key: &str) -> String {
    d.node(d.get(key).unwrap_or_else(|| panic!("{key}")))
        .text
        .clone()
}

#[test]
fn items() {
    let d = run("Le 2° de l'article 2 est ainsi rédigé :\n\n« 2° fournir les données et les codes sources ; »");
    assert_eq!(
        text(&d, "article-2/al-3"),
        "2° fournir les données et les codes sources ;"
    );
    let d = run("Après le 2° de l'article 2, il est inséré un 2° bis ainsi rédigé :\n\n« 2° bis héberger le service ; »");
    assert_eq!(text(&d, "article-2/al-4"), "2° bis héberger le service ;");
    assert_eq!(text(&d, "article-2/al-5"), "3° participer au comité.");
    let d = run("Le 1° de l'article 2 est supprimé.");
    assert_eq!(d.alineas(d.get("article-2").unwrap()).len(), 3);
}

#[test]
fn rows_and_annexes() {
    let d = run("À la troisième ligne du tableau figurant à l'annexe 1, le montant : « 81 160 € » est remplacé par le montant : « 91 160 € ».");
    assert_eq!(
        d.node(d.get("annexe-1/table-1/row-3").unwrap()).cells(),
        ["Coaching", "91 160 €"]
    );
    let d = run("L'annexe 1 de la convention est ainsi rédigée :\n\n« Annexe 1 – Budget révisé\n\n« | Poste | Montant |\n\n« | Développement | 300 000 € | »");
    let a = d.get("annexe-1").unwrap();
    assert_eq!(d.node(a).heading.as_deref(), Some("Budget révisé"));
    assert_eq!(
        d.node(d.get("annexe-1/table-1/row-2").unwrap()).cells(),
        ["Développement", "300 000 €"]
    );
    assert!(d.get("annexe-1/table-1/row-3").is_none());
    let d = run("L'annexe 1 de la convention est supprimée.");
    assert!(d.get("annexe-1").is_none());
}

#[test]
fn everywhere_and_whole_articles() {
    let d = run("Dans l'ensemble de la convention, les mots : « l'ENA » sont remplacés par les mots : « l'INSP ».");
    assert_eq!(
        text(&d, "article-1/al-1"),
        "La convention lie l'INSP et la DINUM."
    );
    assert_eq!(
        text(&d, "article-3/al-1"),
        "L'INSP verse 281 160 € à la DINUM."
    );
    let d = run("L'article 3 de la convention est ainsi rédigé :\n\n« Article 3 – Financement et versements\n\n« L'ENA verse 421 740 € à la DINUM.\n\n« Le versement intervient à la signature. »");
    assert_eq!(
        text(&d, "article-3"),
        "Article 3 : Financement et versements"
    );
    assert_eq!(
        text(&d, "article-3/al-2"),
        "Le versement intervient à la signature."
    );
    let d = run("La convention est complétée par un article 4 ainsi rédigé :\n\n« Article 4 – Durée\n\n« La convention dure un an. »");
    assert_eq!(text(&d, "article-4/al-1"), "La convention dure un an.");
    assert!(d.get("signatures").is_some());
    let d = run("Les articles 2 et 3 deviennent respectivement les articles 3 et 4.");
    let keys: Vec<_> = d
        .articles()
        .iter()
        .map(|i| d.node(*i).key.clone())
        .collect();
    assert_eq!(keys, ["article-1", "article-3", "article-4"]);
    let d = run(
        "L'article 3 est complété par un alinéa ainsi rédigé :\n\n« Le versement est annuel. »",
    );
    assert_eq!(text(&d, "article-3/al-2"), "Le versement est annuel.");
    assert!(d.get("annexe-1/table-1/row-3").is_some());
}

/// A part numbered « II. – » that the parser leaves an alinéa is the lines up to « III. – »:
/// abrogated or rewritten whole, counted in for « le deuxième alinéa du II », added to at its
/// end (« Le II est complété par un alinéa »); on two conventions, one whose parts open
/// sub-articles (« 25.2 »), one an article's own.
#[test]
fn a_point_written_ii_is_its_lines_up_to_iii() {
    let conventions = [
        (
            "Cahier des charges\n\nArticle 25 : Tarifs\n\n25.1. Principes\n\nLes tarifs sont fixés.\n\n25.2. Évolution\n\nLes tarifs évoluent selon le présent paragraphe.\n\nI. – Les tarifs évoluent.\n\nII. – Un contrat de plan fixe les hausses.\n\nIl est conclu pour cinq ans.\n\nIII. – Les tarifs sont affichés.\n",
            "25.2",
            "article-25.2",
        ),
        (
            "Convention\n\nArticle 3 : Tarifs\n\nLes tarifs sont publics.\n\nI. – Les tarifs évoluent.\n\nII. – Un contrat de plan fixe les hausses.\n\nIl est conclu pour cinq ans.\n\nIII. – Les tarifs sont affichés.\n",
            "3",
            "article-3",
        ),
    ];
    for (conv, label, key) in conventions {
        let doc = avenant::parse_str("c.md", conv);
        let apply_body = |body: &str| {
            let av = parse_avenant(&format!("Article 1er\n\n{body}\n"))
                .unwrap_or_else(|e| panic!("{body}\n{e}"));
            apply(&doc, &av).unwrap_or_else(|e| panic!("{body}\n{e}"))
        };
        let lines = |d: &Document| -> Vec<String> {
            d.alineas(d.get(key).expect("unit"))
                .into_iter()
                .map(|a| d.node(a).text.clone())
                .collect()
        };
        let first = lines(&doc)[0].clone();
        let d = apply_body(&format!("Le II de l'article {label} est abrogé."));
        assert_eq!(
            lines(&d),
            [
                first.as_str(),
                "I. – Les tarifs évoluent.",
                "III. – Les tarifs sont affichés."
            ],
            "{label}"
        );
        let d = apply_body(&format!(
            "Le II de l'article {label} est ainsi rédigé :\n\n« II. – Les hausses sont libres. »"
        ));
        assert_eq!(lines(&d)[2], "II. – Les hausses sont libres.", "{label}");
        assert_eq!(lines(&d)[3], "III. – Les tarifs sont affichés.", "{label}");
        let d = apply_body(&format!(
            "Le deuxième alinéa du II de l'article {label} est supprimé."
        ));
        assert_eq!(lines(&d)[3], "III. – Les tarifs sont affichés.", "{label}");
        let d = apply_body(&format!(
            "Le II de l'article {label} est complété par un alinéa ainsi rédigé :\n\n« Il est révisé à mi-parcours. »"
        ));
        assert_eq!(lines(&d)[4], "Il est révisé à mi-parcours.", "{label}");
        assert_eq!(lines(&d)[5], "III. – Les tarifs sont affichés.", "{label}");
    }
}
