//! Small realistic documents of `corpus/structure/`, each built for one mechanism (table of
//! contents, articles quoted inside a code, text wrapped at 72 columns): the expected tree is
//! checked by hand-read assertions, and its outline is snapshotted.

use avenant::render::outline::outline;
use avenant::Document;

fn read(name: &str) -> Document {
    let path = format!("{}/corpus/structure/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("corpus/structure");
    avenant::parse_str(name, &text)
}

fn keys(d: &Document) -> Vec<String> {
    d.top_level()
        .iter()
        .map(|i| d.node(*i).key.clone())
        .collect()
}

fn snapshot(name: &str, d: &Document) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        let stem = name.replace('.', "-");
        insta::assert_snapshot!(format!("parse-structure-{stem}"), outline(d));
    });
}

#[test]
fn a_table_of_contents_stays_out_of_the_body() {
    let d = read("sommaire.txt");
    assert_eq!(
        keys(&d),
        [
            "titre",
            "sommaire",
            "parties",
            "preambule",
            "article-1",
            "article-2",
            "article-3",
            "article-4",
            "signatures",
            "annexe-1"
        ]
    );
    // The six entries and the « SOMMAIRE » line, every word kept, in a block of their own
    // where it stands in the document: after the title, before the parties.
    let s = d.get("sommaire").unwrap();
    assert_eq!(d.children(s).len(), 7);
    assert!(d.get("annexe-1/table-1/row-3").is_some());
    snapshot("sommaire.txt", &d);
}

/// Headings whose automatic numbering was lost in the text (« Objet de la consultation »
/// for « 1 Objet de la consultation »), found because the table of contents lists them: on a
/// small règlement de consultation, and on the DINUM CCTP (PDF text layer and pdftotext
/// rendering), whose six chapters were alinéas of the sub-article before them.
#[test]
fn headings_listed_by_the_table_of_contents_open_divisions() {
    let d = read("sommaire-sans-numeros.txt");
    assert_eq!(
        keys(&d),
        [
            "titre",
            "sommaire",
            "objet-de-la-consultation",
            "conditions-de-la-consultation",
            "jugement-des-offres"
        ]
    );
    let parent = |d: &Document, k: &str| d.node(d.parent(d.get(k).expect(k)).unwrap()).key.clone();
    assert_eq!(parent(&d, "article-1.2"), "objet-de-la-consultation");
    assert_eq!(parent(&d, "article-2.1"), "conditions-de-la-consultation");
    assert_eq!(d.alineas(d.get("jugement-des-offres").unwrap()).len(), 3);
    snapshot("sommaire-sans-numeros.txt", &d);
    let root = format!("{}/../shared/corpus/pdf", env!("CARGO_MANIFEST_DIR"));
    for name in [
        "dinum-cctp-accord-cadre-produit-2025.pdf",
        "dinum-cctp-accord-cadre-produit-2025.pdftotext.txt",
    ] {
        let path = std::path::PathBuf::from(format!("{root}/{name}"));
        if !path.exists() {
            eprintln!("{name} absent: skipped");
            continue;
        }
        let d = avenant::load(&path, &avenant::ReadOptions::default()).expect(name);
        let chapters: Vec<String> = keys(&d)
            .into_iter()
            .filter(|k| {
                !matches!(
                    k.as_str(),
                    "en-tete" | "titre" | "preambule" | "sommaire" | "notes"
                )
            })
            .collect();
        assert_eq!(
            chapters,
            [
                "avant-propos",
                "presentation-de-la-dinum-et-du-contexte-de-l-accord-cadre",
                "objet-et-perimetre-de-l-accord-cadre-interministeriel",
                "exigences-a-respecter-par-le-titulaire",
                "description-des-unites-d-œuvres",
                "pilotage-des-prestations"
            ],
            "{name}"
        );
        assert_eq!(
            parent(&d, "article-6.2"),
            "pilotage-des-prestations",
            "{name}"
        );
        assert!(d.get("non-classe").is_none(), "{name}");
    }
}

/// A form's parties, without « Entre »: each opened by its label (« L'entreprise ou
/// l'organisme d'accueil : »), the last by « Et l'élève : », their fields kept as tables; the
/// next label (the tutor) ends the block. On a small convention of `corpus/structure/` and on
/// the esup notice (.docx), whose three parties were unclassified.
#[test]
fn a_forms_parties_are_read_from_their_labels() {
    let d = read("parties-formulaire.txt");
    assert_eq!(
        keys(&d),
        [
            "titre",
            "parties",
            "non-classe",
            "visas",
            "article-1",
            "article-2",
            "article-3",
            "signatures"
        ]
    );
    let names: Vec<&str> = d.parties().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Le chef d'établissement d'enseignement",
            "L'entreprise ou l'organisme d'accueil",
            "l'élève"
        ]
    );
    assert!(d.get("parties/partie-2/table-1/row-3").is_some());
    // The tutor is no party: his block stands between the parties and the visas.
    assert!(d.get("non-classe/table-1/row-2").is_some());
    snapshot("parties-formulaire.txt", &d);
    let path = std::path::PathBuf::from(format!(
        "{}/../shared/corpus/real/esup-notice-convention-stage-type-v4-2013-10-08.docx",
        env!("CARGO_MANIFEST_DIR")
    ));
    if !path.exists() {
        eprintln!("esup notice absent: skipped");
        return;
    }
    let d = avenant::load(&path, &avenant::ReadOptions::default()).expect("esup");
    let names: Vec<&str> = d.parties().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "L'établissement d'enseignement supérieur",
            "L'organisme d'accueil",
            "l'étudiant stagiaire"
        ]
    );
    assert!(d.get("parties/partie-3/table-1/row-11").is_some());
}

/// A form's parties when its fields are lines of their own, as text exports write a form's
/// cells: only the labels that designate someone (« Le lycée professionnel : », « L'organisme
/// d'accueil : », « Et le stagiaire : ») open parties; the fields' labels (« Nom de
/// l'établissement : », « Représenté par : ») stay lines of their party; a label over further
/// designations (« Encadrement du stage assuré par : ») ends the block. On a small convention
/// of `corpus/structure/` and on the esup notice's pandoc and LibreOffice renderings, read as
/// its .docx is.
#[test]
fn a_forms_parties_are_read_from_their_labels_whatever_the_layout() {
    let d = read("parties-formulaire-lignes.txt");
    assert_eq!(
        keys(&d),
        [
            "titre",
            "parties",
            "preambule",
            "article-1",
            "article-2",
            "signatures"
        ]
    );
    let names: Vec<&str> = d.parties().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Le lycée professionnel",
            "L'organisme d'accueil",
            "le stagiaire"
        ]
    );
    assert_eq!(d.alineas(d.get("parties/partie-1").unwrap()).len(), 7);
    assert_eq!(
        d.node(d.get("preambule/al-1").unwrap()).text,
        "Encadrement du stage assuré par :"
    );
    snapshot("parties-formulaire-lignes.txt", &d);
    for rendering in ["pandoc.txt", "soffice.txt"] {
        let path = std::path::PathBuf::from(format!(
            "{}/../shared/corpus/real/esup-notice-convention-stage-type-v4-2013-10-08.{rendering}",
            env!("CARGO_MANIFEST_DIR")
        ));
        if !path.exists() {
            eprintln!("esup notice absent: skipped");
            return;
        }
        let d = avenant::load(&path, &avenant::ReadOptions::default()).expect("esup");
        let names: Vec<&str> = d.parties().iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "L'établissement d'enseignement supérieur",
                "L'organisme d'accueil",
                "l'étudiant stagiaire"
            ],
            "{rendering}"
        );
        // The parties' fields are theirs, whatever the layout.
        let fields = |k: &str| d.descendants(d.get(k).unwrap()).len();
        assert!(fields("parties/partie-1") >= 8, "{rendering}");
        assert!(fields("parties/partie-3") >= 6, "{rendering}");
        assert!(d.get("preambule").is_some(), "{rendering}");
    }
}

#[test]
fn articles_quoted_inside_a_code_are_not_its_articles() {
    let d = read("code-cite.md");
    let labels: Vec<String> = d
        .articles()
        .iter()
        .map(|i| d.node(*i).label.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "Annexe", "D10"]
    );
    // « Art. D. 133-19.- » is reproduced inside article D1; the model convention's « Article
    // 1er », « Article 2 » are lines of the « Article Annexe », an article named by words
    // (which holds article D10 no more).
    assert_eq!(d.alineas(d.get("article-D1").unwrap()).len(), 4);
    // Its first line in capitals is its heading, as « TABLEAU C » is that of the Code du
    // travail's « Article Annexe Tableau ».
    let annexe = d.get("article-annexe").unwrap();
    assert_eq!(
        d.node(annexe).heading.as_deref(),
        Some("MODÈLE DE CONVENTION DE FORMATION")
    );
    assert_eq!(d.alineas(annexe).len(), 5);
    assert_eq!(
        d.parent(d.get("article-D10").unwrap()),
        d.get("partie-reglementaire/chapitre-ii")
    );
    snapshot("code-cite.md", &d);
}

#[test]
fn a_text_wrapped_at_72_columns_keeps_its_alineas() {
    let d = read("replie-72.txt");
    let texts = |k: &str| -> Vec<String> {
        d.alineas(d.get(k).unwrap())
            .iter()
            .map(|i| d.node(*i).text.clone())
            .collect()
    };
    assert_eq!(
        texts("article-1"),
        [
            "La commune met à la disposition de l'association une salle de réunion située au 352 cours Emile Zola, à Villeurbanne, pour ses activités statutaires.",
            "L'association en fait un usage conforme à sa destination."
        ]
    );
    assert_eq!(texts("article-2").len(), 2);
    assert_eq!(texts("article-3").len(), 1);
    snapshot("replie-72.txt", &d);
}

/// Template row tags (docxtpl `{%tr for … %}` / `{%tr endfor %}`) inside a pandoc simple table
/// are rows of that table, as the Word reader reads them, never alinéas that split it: the APL
/// foyer convention (2022, 2026) and the foyer-résidence avenant (2023, 2026), pandoc
/// renderings, which now have as many tables as the .docx (6, 6, 2, 4).
#[test]
fn template_row_tags_never_split_a_table() {
    let dir = format!("{}/../shared/corpus/real", env!("CARGO_MANIFEST_DIR"));
    for (name, tables) in [
        ("apilos-convention-apl-foyer-2022-12-06.pandoc.txt", 6),
        ("apilos-convention-apl-foyer-2026-06-10.pandoc.txt", 6),
        ("apilos-avenant-foyer-residence-2023-01-02.pandoc.txt", 2),
        ("apilos-avenant-foyer-residence-2026-06-02.pandoc.txt", 4),
    ] {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/{name}")) else {
            eprintln!("real corpus absent: skipped");
            return;
        };
        let d = avenant::parse_str(name, &text);
        let mut rows = 0;
        let mut found = 0;
        for id in d.descendants(d.root()) {
            let node = d.node(id);
            let tag = node.text.trim_start().starts_with("{%tr ");
            match node.kind {
                avenant::NodeKind::Row if tag => rows += 1,
                avenant::NodeKind::Table => found += 1,
                _ => assert!(
                    !tag,
                    "{name}: {} {:?} « {} »",
                    node.key, node.kind, node.text
                ),
            }
        }
        assert!(rows >= 2 * tables, "{name}: {rows} tag rows");
        assert_eq!(found, tables, "{name}: tables");
    }
}

/// Unnumbered intertitles (« ### Demande », « ### Confirmation : ») under a numbered article,
/// whether the article's label is a Markdown heading or a plain line: sub-headings of the
/// article's alinéas, closed by the next article, which stays a sibling (blind findings 4, 21).
#[test]
fn an_intertitle_inside_an_article_belongs_to_it() {
    let d = read("intertitres-article.md");
    assert_eq!(
        keys(&d),
        [
            "titre",
            "article-1",
            "article-2",
            "article-3",
            "article-4",
            "article-5"
        ]
    );
    let parent_key = |k: &str| d.node(d.parent(d.get(k).unwrap()).unwrap()).key.clone();
    assert_eq!(parent_key("article-2/demande"), "article-2");
    assert_eq!(
        parent_key("article-2/confirmation/al-3"),
        "article-2/confirmation"
    );
    assert_eq!(
        d.node(d.get("article-2/confirmation").unwrap())
            .heading
            .as_deref(),
        Some("Confirmation")
    );
    assert_eq!(
        parent_key("article-4/consignes/al-1"),
        "article-4/consignes"
    );
    // The Markdown rendering reads back to the same outline.
    let md = avenant::render::markdown::markdown(&d);
    let again = avenant::parse_str("intertitres-article.md", &md);
    assert_eq!(outline(&again), outline(&d));
    snapshot("intertitres-article.md", &d);
}

/// Articles numbered from 1 again in each Titre are keyed by their Titre (`titre-ii/article-1`),
/// and the closing formula « établie en deux exemplaires originaux » with the signatories
/// « Pour la Commune, » open the signature block without « Fait à … »; the annex after them is
/// an annex (blind findings 1, 23, 24; the Chartrettes conventions are the real documents).
#[test]
fn articles_numbered_per_titre_are_keyed_by_it_and_signatures_end_the_body() {
    let d = read("titres-renumerotes.txt");
    assert_eq!(
        keys(&d),
        [
            "titre",
            "parties",
            "preambule",
            "titre-i",
            "titre-ii",
            "titre-iii",
            "signatures",
            "annexe-1"
        ]
    );
    let under = |t: &str| -> Vec<String> {
        d.children(d.get(t).unwrap())
            .iter()
            .map(|c| d.node(*c).key.clone())
            .collect()
    };
    assert_eq!(under("titre-i"), ["titre-i/article-1", "titre-i/article-2"]);
    assert_eq!(
        under("titre-ii"),
        [
            "titre-ii/article-1",
            "titre-ii/article-2",
            "titre-ii/article-3"
        ]
    );
    assert_eq!(d.alineas(d.get("titre-iii/article-2").unwrap()).len(), 1);
    assert_eq!(d.children(d.get("signatures").unwrap()).len(), 3);
    // Keys recomputed after an edit are the parser's.
    let again = avenant::edit::rekey(&d);
    assert_eq!(outline(&again), outline(&d));
    snapshot("titres-renumerotes.txt", &d);
}

/// Article labels at the head of a paragraph (« Article 2. Le siège social est fixé … »): the
/// rest of the line is the first alinéa's beginning, joined with its hard-wrapped tail, and
/// the article has no heading; a label followed by a short heading keeps it (blind finding 31;
/// the Zeste de Savoir statuts are the real documents).
#[test]
fn an_inline_article_label_starts_the_first_alinea() {
    let d = read("statuts-libelles-en-ligne.txt");
    for k in ["article-1", "article-2", "article-3", "article-4"] {
        assert_eq!(d.node(d.get(k).unwrap()).heading, None, "{k}");
    }
    let text = |k: &str| d.node(d.get(k).unwrap()).text.clone();
    assert_eq!(text("article-1"), "Article 1er.");
    assert_eq!(
        text("article-1/al-1"),
        "Il est fondé entre les adhérents aux présents statuts une association régie par la loi du 1er juillet 1901, ayant pour titre « Jardins partagés du Val »."
    );
    assert_eq!(
        text("article-2/al-1"),
        "Le siège social est fixé à la maison des associations de la commune de Vert-le-Petit."
    );
    assert_eq!(d.alineas(d.get("article-3").unwrap()).len(), 3);
    assert_eq!(d.alineas(d.get("article-4").unwrap()).len(), 1);
    assert_eq!(
        d.node(d.get("article-5").unwrap()).heading.as_deref(),
        Some("Dissolution")
    );
    let md = avenant::render::markdown::markdown(&d);
    let again = avenant::parse_str("statuts-libelles-en-ligne.txt", &md);
    assert_eq!(outline(&again), outline(&d));
    snapshot("statuts-libelles-en-ligne.txt", &d);
}

/// What ends the parties' block (blind finding 20, with the UNAF model and the Chartrettes
/// conventions of `blind_corpus`): visas written before « Entre : » are the visas, and the
/// « Il est convenu ce qui suit : » between them and « Entre : » opens the parties' block; a
/// « ## Préambule » heading closes the last party, whose « d'autre part » ends its line.
#[test]
fn visas_before_the_parties_are_visas() {
    let d = read("cpom-visas-avant-parties.md");
    assert_eq!(
        keys(&d),
        [
            "titre",
            "visas",
            "parties",
            "preambule",
            "article-1",
            "article-2",
            "article-3",
            "signatures"
        ]
    );
    assert_eq!(d.children(d.get("visas").unwrap()).len(), 3);
    assert_eq!(d.parties().len(), 2);
    let p2 = d.get("parties/partie-2").unwrap();
    assert_eq!(d.children(p2).len(), 1);
    assert_eq!(d.children(d.get("preambule").unwrap()).len(), 2);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    snapshot("cpom-visas-avant-parties.md", &d);
}

/// After « D'autre part. », what no longer describes a party ends the block: « Par la
/// présente convention, … », or a heading that is not the block's own (« ## ENTRE : », « ##
/// ET : » are): they open the préambule, never a third party.
#[test]
fn the_parties_end_at_the_first_line_about_the_convention() {
    let d = read("parties-puis-objet.md");
    assert_eq!(d.parties().len(), 2);
    let pre = d.get("preambule").unwrap();
    assert!(d
        .node(d.children(pre)[0])
        .text
        .starts_with("Par la présente convention"));
    snapshot("parties-puis-objet.md", &d);
    // The same block followed by an object heading instead.
    let path = format!(
        "{}/corpus/structure/parties-puis-objet.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap().replace(
        "Par la présente convention, la commune",
        "## Objet\n\nLa commune",
    );
    let d = avenant::parse_str("objet.md", &text);
    assert_eq!(d.parties().len(), 2);
    let pre = d.get("preambule").unwrap();
    let texts: Vec<&str> = d
        .children(pre)
        .iter()
        .map(|c| d.node(*c).text.as_str())
        .collect();
    assert_eq!(texts[0], "Objet", "{texts:?}");
}

/// Soft-wrapped Markdown (blind finding 32, with the two Zeste de Savoir statuts of
/// `blind_corpus`): a paragraph is one alinéa, whatever its line breaks, even one after a full
/// stop (« … en cas de doute. » ⏎ « L’animateur du projet … » ⏎ « En cas de besoin, … »); a
/// list item takes its lazy continuation lines. On the association's règlement intérieur, a
/// real text (source in `corpus/README.md`).
#[test]
fn soft_line_breaks_open_no_alinea() {
    let d = read("zds-reglement-interieur.md");
    let texts = |key: &str| -> Vec<String> {
        let id = d.get(key).unwrap_or_else(|| panic!("no {key}"));
        d.children(id)
            .iter()
            .map(|c| d.node(*c).text.clone())
            .collect()
    };
    let groupe = texts("article-4/groupe-de-travail");
    assert_eq!(groupe.len(), 2, "{groupe:?}");
    assert!(groupe[1].contains("en cas de doute. L'animateur du projet"));
    assert!(groupe[1].ends_with("(mailing-list, espace web, etc.)."));
    assert_eq!(texts("article-4/mandats").len(), 7);
    assert_eq!(texts("article-4/cotisation").len(), 3);
    assert_eq!(
        texts("article-3/obligations-des-membres-du-bureau").len(),
        4
    );
    let bilans = texts("article-3/bilans");
    assert_eq!(bilans.len(), 3);
    assert!(bilans[1].ends_with("il doit démissionner."), "{bilans:?}");
    snapshot("zds-reglement-interieur.md", &d);
}
