//! The two seed conventions parse into the trees a jurist would draw: exact keys, headings,
//! page-break joins, tables, notes, parties.

use avenant::{Document, NodeKind};

fn seed(name: &str) -> Document {
    let path = format!("{}/corpus/conventions/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("seed present");
    avenant::parse_str(&path, &text)
}

fn keys(doc: &Document, ids: &[avenant::NodeId]) -> Vec<String> {
    ids.iter().map(|i| doc.node(*i).key.clone()).collect()
}

fn text(doc: &Document, key: &str) -> String {
    let id = doc.get(key).unwrap_or_else(|| panic!("no node {key}"));
    doc.node(id).text.clone()
}

fn heading(doc: &Document, key: &str) -> String {
    let id = doc.get(key).unwrap_or_else(|| panic!("no node {key}"));
    doc.node(id).heading.clone().unwrap_or_default()
}

#[test]
fn canope_top_level_keys() {
    let d = seed("canope-dinum-2020.md");
    let expected: Vec<String> = ["titre", "parties", "visas", "preambule"]
        .iter()
        .map(|s| s.to_string())
        .chain((1..=9).map(|n| format!("article-{n}")))
        .chain(
            ["signatures", "annexe-1", "annexe-2", "annexe-3", "notes"]
                .iter()
                .map(|s| s.to_string()),
        )
        .collect();
    assert_eq!(keys(&d, d.top_level()), expected);
    assert!(!d.has_errors(), "{:?}", d.diagnostics);
}

#[test]
fn canope_article_5_children() {
    let d = seed("canope-dinum-2020.md");
    let a5 = d.get("article-5").expect("article 5");
    assert_eq!(
        keys(&d, d.children(a5)),
        [
            "article-5/al-1",
            "article-5.1",
            "article-5.2",
            "article-5.3",
            "article-5.4",
            "article-5.5",
            "article-5.6"
        ]
    );
    assert_eq!(heading(&d, "article-5.1"), "Montant du financement");
    assert_eq!(heading(&d, "article-5.6"), "Compte-rendu de gestion");
}

#[test]
fn canope_article_headings() {
    let d = seed("canope-dinum-2020.md");
    let expected = [
        "Objet de la coopération",
        "Obligations du Réseau Canopé",
        "Obligations de la DINUM",
        "Déroulement des travaux",
        "Dispositions financières",
        "Modification de la convention",
        "Durée et résiliation de la convention",
        "Litiges",
        "Publication de la convention",
    ];
    for (n, h) in expected.iter().enumerate() {
        assert_eq!(heading(&d, &format!("article-{}", n + 1)), *h);
    }
}

#[test]
fn canope_page_break_paragraph_is_one_alinea() {
    let d = seed("canope-dinum-2020.md");
    let a3 = d.get("article-3").expect("article 3");
    assert_eq!(d.alineas(a3).len(), 2);
    let al1 = text(&d, "article-3/al-1");
    assert!(
        al1.contains("d'accessibilité, d'expérience utilisateur, de droit du numérique"),
        "{al1}"
    );
    assert!(al1.ends_with("sont listées en annexe 3 de la présente convention."));
}

#[test]
fn canope_annex_2_table_rows() {
    let d = seed("canope-dinum-2020.md");
    let table = d.get("annexe-2/table-1").expect("table");
    assert_eq!(d.node(table).kind, NodeKind::Table);
    assert_eq!(d.children(table).len(), 6);
    let header = d.node(d.get("annexe-2/table-1/row-1").unwrap());
    assert_eq!(
        header.cells(),
        ["Poste", "Nb jours", "TJM", "Total", "MarkUp", "Total"]
    );
    let row3 = d.node(d.get("annexe-2/table-1/row-3").unwrap());
    assert_eq!(
        row3.cells(),
        ["Développeur 2", "72", "750", "54.000", "15%", "62.100"]
    );
    let total = d.node(d.get("annexe-2/table-1/row-6").unwrap());
    assert_eq!(total.cells().last().map(String::as_str), Some("281.160"));
    // Annex 1's table runs over a blank line: still one table of 13 rows.
    assert_eq!(d.children(d.get("annexe-1/table-1").unwrap()).len(), 13);
    assert!(d.get("annexe-1/table-2").is_none());
}

#[test]
fn canope_parties_notes_and_typography() {
    let d = seed("canope-dinum-2020.md");
    let parties = d.parties();
    assert_eq!(parties.len(), 2);
    assert_eq!(parties[0].name, "Réseau Canopé");
    assert_eq!(parties[0].short_name.as_deref(), Some("Réseau Canopé"));
    assert_eq!(
        parties[1].name,
        "La Direction Interministérielle du Numérique (DINUM)"
    );
    assert_eq!(parties[1].short_name.as_deref(), Some("la DINUM"));
    // Notes sat in the middle of article 4: gathered last, calls linked.
    let notes = d.get("notes").unwrap();
    assert_eq!(
        keys(&d, d.children(notes)),
        ["notes/note-1", "notes/note-2", "notes/note-3"]
    );
    let al8 = d.node(d.get("article-4/al-8").unwrap());
    assert!(al8.text.ends_with("l'ANSSI¹ ;"));
    assert_eq!(al8.note_refs(), ["notes/note-1"]);
    // The alinéa after the notes is still in article 4, numbered on.
    assert!(text(&d, "article-4/al-11").starts_with("Le calendrier prévisionnel"));
    // Bold, ^{er} and straight quotes are gone; the words stay.
    assert!(text(&d, "article-5.1/al-1").contains(
        "fixé à 281 160 € (deux cent quatre-vingt-un mille cent soixante euros) nets de taxes."
    ));
    assert!(text(&d, "article-5.2/al-3").ends_with("au 1er février 2021."));
    assert!(text(&d, "article-2/al-3").contains("au rôle d'« intrapreneur » dans"));
    // The stray `--` line after the bank details is not an alinéa.
    assert_eq!(d.alineas(d.get("article-5.5").unwrap()).len(), 2);
    assert_eq!(
        d.node(d.get("article-2/al-2").unwrap()).kind,
        NodeKind::Item
    );
    assert_eq!(d.node(d.get("visas").unwrap()).children.len(), 3);
}

#[test]
fn ena_top_level_keys() {
    let d = seed("ena-dinum-2021.md");
    let expected: Vec<String> = ["en-tete", "titre", "parties", "preambule"]
        .iter()
        .map(|s| s.to_string())
        .chain((1..=7).map(|n| format!("article-{n}")))
        .chain(
            ["signatures", "annexe-1", "notes"]
                .iter()
                .map(|s| s.to_string()),
        )
        .collect();
    assert_eq!(keys(&d, d.top_level()), expected);
    assert!(!d.has_errors(), "{:?}", d.diagnostics);
}

#[test]
fn ena_headings_letterhead_and_page_break() {
    let d = seed("ena-dinum-2021.md");
    let expected = [
        "Objet de la convention",
        "Obligations de l'ENA",
        "Obligations de la DINUM",
        "Déroulement des travaux",
        "Modification du document",
        "Durée et résiliation de la convention",
        "Publication de la convention",
    ];
    for (n, h) in expected.iter().enumerate() {
        assert_eq!(heading(&d, &format!("article-{}", n + 1)), *h);
    }
    let entete: Vec<String> = d
        .children(d.get("en-tete").unwrap())
        .iter()
        .map(|i| d.node(*i).text.clone())
        .collect();
    assert_eq!(
        entete,
        ["PREMIER", "MINISTRE", "Liberté", "Égalité", "Fraternité"]
    );
    assert_eq!(text(&d, "titre"), "Convention de partenariat");
    // « Ce comité d'investissement » ⏎⏎ « est présidé par… »: one alinéa.
    let a4 = d.get("article-4").unwrap();
    assert_eq!(d.alineas(a4).len(), 7);
    assert!(text(&d, "article-4/al-1")
        .contains("Ce comité d'investissement est présidé par le représentant"));
    let parties = d.parties();
    assert_eq!(parties[0].short_name.as_deref(), Some("l'ENA"));
    assert_eq!(parties[1].aliases, ["le délégué", "la DINUM"]);
    assert_eq!(parties[1].short_name.as_deref(), Some("la DINUM"));
    // Notes after the signatures, annex table with an empty first header cell.
    assert_eq!(d.children(d.get("notes").unwrap()).len(), 3);
    let header = d.node(d.get("annexe-1/table-1/row-1").unwrap());
    assert_eq!(header.cells(), ["", "DINUM", "ENA"]);
    assert!(text(&d, "preambule/al-2").contains("agissant en qualité d'« intrapreneur(s) »."));
}
