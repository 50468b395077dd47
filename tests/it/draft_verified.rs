//! `draft` verifies its own act: rendered, read back, applied to the old version, it must give
//! the new one unit by unit — or the act is refused with the units named, never printed wrong.

use avenant::avenant::{draft, draft_checked, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::path::Path;

fn check(old: &Path, new: &Path, renumber: bool) -> Result<(), String> {
    let read = |p: &Path| avenant::read(p, &Default::default()).expect("readable");
    let cmp = compare(read(old), read(new), &DiffOptions::default());
    let options = DraftOptions {
        renumber,
        ..DraftOptions::default()
    };
    draft_checked(&cmp, &options)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// `check` with and without `--renumber`.
fn check_both(old: &Path, new: &Path) {
    for renumber in [false, true] {
        check(old, new, renumber).unwrap_or_else(|e| panic!("renumber={renumber}: {e}"));
    }
}

/// `check_both` on two texts read from memory.
fn check_texts(old: &str, new: &str) {
    let cmp = compare(
        avenant::parse_str("old.md", old),
        avenant::parse_str("new.md", new),
        &DiffOptions::default(),
    );
    for renumber in [false, true] {
        let options = DraftOptions {
            renumber,
            ..DraftOptions::default()
        };
        if let Err(e) = draft_checked(&cmp, &options) {
            panic!("renumber={renumber}: {e}");
        }
    }
}

/// The title and parties of the small conventions below.
const PARTIES: &str = "Convention de partenariat\n\nEntre\n\nL'Agence nationale des données (AND)\n\nCi-après dénommée « l'AND »\n\nEt\n\nLa Direction du numérique (DNUM)\n\nCi-après dénommée « la DNUM »\n\n";

#[test]
fn every_corpus_pair_drafts_a_verified_act() {
    let mut failures = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir("corpus")
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("old.md").exists() && p.join("new.md").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 12, "{dirs:?}");
    for d in &dirs {
        for renumber in [false, true] {
            if let Err(e) = check(&d.join("old.md"), &d.join("new.md"), renumber) {
                failures.push(format!("{} renumber={renumber}: {e}", d.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const REAL: &str = "../shared/corpus/real";

#[test]
fn the_real_statuts_pair_drafts_a_verified_act() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    for renumber in [false, true] {
        check(
            &dir.join("lrb-statuts-association-2013-06-03.soffice.txt"),
            &dir.join("lrb-statuts-association-2016-06-24.soffice.txt"),
            renumber,
        )
        .unwrap_or_else(|e| panic!("renumber={renumber}: {e}"));
    }
}

/// Pairs the drafter cannot yet express (an article holding tables and lists rewritten): the
/// act is refused and the units named, rather than printed wrong.
#[test]
fn an_act_that_does_not_verify_is_refused_naming_its_units() {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return;
    }
    let e = check(
        &dir.join("apilos-avenant-foyer-residence-2023-01-02.soffice.txt"),
        &dir.join("apilos-avenant-foyer-residence-2026-06-02.soffice.txt"),
        false,
    );
    if let Err(e) = e {
        assert!(e.contains("article 2"), "{e}");
        assert!(e.contains("aucun avenant n'est imprimé"), "{e}");
    }
}

/// The two apilos avenant models (real .docx, 2023 and 2026): article 2 quotes a table whose
/// cells hold template pipes (`{{ l.typologie|tl }}`); the act must quote them so that the row
/// is split back at its own separators only, and the act verifies.
#[test]
fn the_apilos_avenant_pair_drafts_a_verified_act_with_pipes_in_cells() {
    let real = Path::new("../shared/corpus/real");
    let (old, new) = (
        real.join("apilos-avenant-foyer-residence-2023-01-02.docx"),
        real.join("apilos-avenant-foyer-residence-2026-06-02.docx"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}

/// The Code civil pair: its new divisions (« Section 4 » completing chapitre II bis, « Chapitre
/// IV bis » after chapitre IV of titre V of livre Ier) are drafted and the act verifies.
#[test]
fn the_code_civil_drafts_a_verified_act_with_its_new_divisions() {
    let bench = Path::new("../shared/corpus/bench");
    let (old, new) = (
        bench.join("code-civil-2012-12-31.md"),
        bench.join("code-civil-2015-04-01.md"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}

/// The Code civil and Code du travail pairs (issue 15): the drafted act must apply back to
/// exactly the new version. Ignored: over 20 s in a debug build. Compared node by node with the new version as `draft`'s own check
/// compares units (`cargo run --release --example draft_places -- OLD NEW`), the unverified act
/// applied back differed in 28 places (session 9); none since session 10 (`draft_places`: 0):
/// - « Article Annexe Tableau » (and the code's six other « Article Annexe … ») is an article
///   named by words, no longer a division swallowing article R1463-1: its tableau is drafted;
/// - amiante sous-section 2 (paragraphs renumbered around articles whose numbers its
///   neighbour sous-section 3 still bears): when a division cannot be replaced whole, the
///   division holding it is (section 3, 55 articles);
/// - « Paragraphe 2 : Conseils de la formation … de Mayotte » (210 characters) is a division.
///
/// Section 4 « Contrat de génération » (its L5121-7 held by the old L5121-7, now L5121-22)
/// and sous-section 3 of the amiante section are drafted since session 9: an old article
/// kept in place under another number is renumbered before a new division takes its number
/// (« L'article L5121-7 devient l'article L5121-22. »).
///
/// The unverified act is written to the temp dir. Run with
/// `cargo test --release --test it -- --ignored codes_draft`.
#[test]
#[ignore = "over 20 s in debug (the Code du travail draft alone takes 6 s in release); run it in release"]
fn codes_draft_verified_acts() {
    let bench = Path::new("../shared/corpus/bench");
    let mut failures = Vec::new();
    for (old, new) in [
        ("code-civil-2012-12-31.md", "code-civil-2015-04-01.md"),
        (
            "code-du-travail-2011-12-31.md",
            "code-du-travail-2015-04-01.md",
        ),
    ] {
        if !bench.join(old).exists() {
            eprintln!("{old} absent: skipped");
            continue;
        }
        if let Err(e) = check(&bench.join(old), &bench.join(new), false) {
            // The unverified act, to read where it goes wrong.
            let read = |p: &Path| avenant::read(p, &Default::default()).expect("readable");
            let cmp = compare(
                read(&bench.join(old)),
                read(&bench.join(new)),
                &DiffOptions::default(),
            );
            let act = avenant::avenant::render::markdown(&draft(&cmp, &DraftOptions::default()));
            let dump = std::env::temp_dir().join(format!("unverified-act-{old}"));
            let _ = std::fs::write(&dump, act);
            failures.push(format!(
                "{old}: {e} (acte non vérifié : {})",
                dump.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The apilos APL convention for logements-foyers (real .docx, 2022 → 2026): the title's
/// templated sub-lines and the annex's new parts « II. », « III. », « IV. » (sub-divisions with
/// tables) are drafted, and the annex quoted whole applies back to the same sub-divisions.
#[test]
fn the_apilos_convention_pair_drafts_a_verified_act() {
    let real = Path::new(REAL);
    let (old, new) = (
        real.join("apilos-convention-apl-foyer-2022-12-06.docx"),
        real.join("apilos-convention-apl-foyer-2026-06-10.docx"),
    );
    if !old.exists() {
        return;
    }
    check_both(&old, &new);
}

/// The Ministry of Labour's model agreement without articles (2019 → 2021): its body's
/// alinéas are addressed as the document's own.
#[test]
fn the_cdtn_agreement_pair_drafts_a_verified_act() {
    let real = Path::new(REAL);
    let (old, new) = (
        real.join("cdtn-rupture-amiable-apprentissage-2019-12-24.docx"),
        real.join("cdtn-rupture-amiable-apprentissage-2021-02-03.docx"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}

/// The DGEC model letter without articles (2024 → 2025): no change of substance, an empty act
/// that verifies.
#[test]
fn the_potentiel_letter_pair_drafts_a_verified_act() {
    let real = Path::new(REAL);
    let (old, new) = (
        real.join("potentiel-modele-reponse-recours-2024-09-18.docx"),
        real.join("potentiel-modele-reponse-recours-2025-01-31.docx"),
    );
    if !old.exists() {
        return;
    }
    check(&old, &new, false).unwrap_or_else(|e| panic!("{e}"));
}

/// A number freed by a deletion and re-used by an insertion drafted before it (issue 13: the
/// Code du travail act inserted « D4622-14 » while the old D4622-14, moved out, was still
/// there): the deletion is drafted first, and a division insertion refused leaves the working
/// copy as it was. Two documents: a new chapter whose article takes the number of an article
/// deleted further on, and an article inserted first in a division under such a number.
#[test]
fn a_number_freed_further_on_is_freed_before_it_is_re_used() {
    let statuts = "Statuts de l'association Sport pour tous\n\nChapitre Ier : Dispositions générales\n\nArticle L1-1 : Objet\n\nL'association a pour objet la promotion du sport pour tous.\n\nArticle L1-2 : Siège\n\nLe siège de l'association est fixé à Lyon.\n\nChapitre II : Membres\n\nArticle L2-1 : Adhésion\n\nL'adhésion est ouverte à toute personne qui en fait la demande.\n\nArticle L2-2 : Cotisation\n\nLa cotisation est fixée chaque année par l'assemblée générale.\n\nArticle L2-3 : Radiation\n\nLa radiation est prononcée par le bureau pour non-paiement de la cotisation.\n";
    let statuts_new = statuts
        .replace(
            "Chapitre II : Membres",
            "Chapitre Ier bis : Ressources\n\nArticle L2-3 : Dons\n\nL'association peut recevoir des dons et des legs.\n\nChapitre II : Membres",
        )
        .replace(
            "\n\nArticle L2-3 : Radiation\n\nLa radiation est prononcée par le bureau pour non-paiement de la cotisation.",
            "",
        );
    let convention = "Convention de partenariat\n\nTitre I : Objet\n\nArticle 1 : Objet\n\nLa présente convention définit les conditions du partenariat entre les parties.\n\nArticle 2 : Engagements\n\nChaque partie désigne un référent chargé du suivi de la convention.\n\nTitre II : Financement\n\nArticle 3 : Montant\n\nLe montant de la participation est fixé à 10 000 euros.\n\nArticle 4 : Versement\n\nLe versement intervient en une fois à la signature.\n\nTitre III : Durée\n\nArticle 5 : Durée\n\nLa convention est conclue pour une durée de trois ans.\n\nArticle 6 : Reconduction\n\nLa convention est reconduite tacitement pour une durée d'un an.\n";
    let convention_new = convention
        .replace(
            "Titre II : Financement\n\n",
            "Titre II : Financement\n\nArticle 6 : Principe\n\nLe financement du partenariat est partagé entre les parties.\n\n",
        )
        .replace(
            "\n\nArticle 6 : Reconduction\n\nLa convention est reconduite tacitement pour une durée d'un an.",
            "",
        );
    for (old, new, deleted, inserted) in [
        (
            statuts,
            statuts_new.as_str(),
            "L'article L2-3 des statuts est supprimé.",
            "Après le chapitre Ier des statuts, il est inséré un chapitre Ier bis ainsi rédigé",
        ),
        (
            convention,
            convention_new.as_str(),
            "L'article 6 de la convention est supprimé.",
            "Au début du titre II de la convention, il est inséré un article 6 ainsi rédigé",
        ),
    ] {
        let cmp = compare(
            avenant::parse_str("old", old),
            avenant::parse_str("new", new),
            &DiffOptions::default(),
        );
        let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let md = avenant::avenant::render::markdown(&av).replace('\u{a0}', " ");
        let (Some(d), Some(i)) = (md.find(deleted), md.find(inserted)) else {
            panic!("{deleted} / {inserted}\n{md}");
        };
        assert!(d < i, "the number is freed before it is re-used\n{md}");
    }
}

/// A division the aligner pairs under another number (« Titre II : Dispositions finales » →
/// « Titre III : Clauses finales », renumbered and reworded at its place) while no division
/// renumbering is drafted: the old division is deleted and the new one inserted whole, with
/// and without `--renumber` (found by `draft_props`).
#[test]
fn a_division_paired_under_another_number_is_deleted_and_inserted() {
    let head = format!("{PARTIES}Titre I : Dispositions générales\n\nArticle 1 : Objet\n\nLa convention précise le financement de la réunion.\n\n");
    let old = format!("{head}Titre II : Dispositions finales\n\nArticle 3 : Objet service\n\nLe délai précise le rapport de la réunion.\n\nFait à Paris, le 2 avril 2021\n");
    let new = format!("{head}Titre I bis : Nouveautés\n\nArticle 2 : Nouveauté\n\nLe régime est institué.\n\nTitre III : Clauses finales 201\n\nArticle 3 : Clause 201\n\nLa clause 201 s'applique.\n\nFait à Paris, le 2 avril 2021\n");
    check_texts(&old, &new);
}

/// An annex deleted and another inserted under its number (the aligner pairs them no more: no
/// shared subject): the annex is replaced whole (« L'annexe 1 est ainsi rédigée »), with and
/// without `--renumber` (found by `draft_props`).
#[test]
fn an_annex_whose_number_is_re_used_is_replaced() {
    let head = format!("{PARTIES}Article 1 : Objet\n\nLa convention précise le financement de la réunion.\n\nFait à Paris, le 2 avril 2021\n\n");
    let tail = "Annexe 2 : Pièce délai\n\nLe bilan précise le délai de la réunion.\n";
    let old = format!(
        "{head}Annexe 1 : Pièce réunion\n\nLa convention précise le délai du bilan.\n\n{tail}"
    );
    let new = format!("{head}Annexe 1 : Ajout\n\nLa pièce est jointe.\n\n{tail}");
    check_texts(&old, &new);
}

/// The aligner's written pair (`corpus/align/`, a CPO whose annex's parts are renumbered in
/// another scheme and one moved one level down) drafts a verified act, with and without
/// `--renumber`: the annex is amended or quoted whole with its sub-divisions.
#[test]
fn the_cpo_pair_of_the_aligner_drafts_a_verified_act() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/align");
    let (old, new) = (
        dir.join("cpo-jardins-2023.md"),
        dir.join("cpo-jardins-2026.md"),
    );
    check_both(&old, &new);
}

/// Without `--renumber`: an annex deleted (the next keeps its old number) and two annexes
/// appended, the first under a taken number (« 2 bis »): the second goes after it, not after
/// annexe 2 (found by `draft_props`).
#[test]
fn new_annexes_follow_each_other_under_the_numbers_they_took() {
    let head = format!("{PARTIES}Article 1 : Objet\n\nLa convention précise le financement de la réunion.\n\nFait à Paris, le 2 avril 2021\n\n");
    let old = format!("{head}Annexe 1 : Pièce réunion\n\nLa convention précise le délai du bilan.\n\nAnnexe 2 : Pièce délai\n\nLe bilan précise le délai.\n");
    let new = format!("{head}Annexe 1 : Pièce délai\n\nLe bilan précise le délai.\n\nAnnexe 2 : Ajout un\n\nLa première pièce est jointe.\n\nAnnexe 3 : Ajout deux\n\nLa seconde pièce est jointe.\n");
    check_texts(&old, &new);
}

/// A code whose parts the parser cannot tell apart (unnumbered headings « RELATIONS DE TRAVAIL
/// (PREMIÈRE) »…): each part has its « Livre II », « Titre IV », « Chapitre II », so « la
/// section 1 du chapitre II du titre IV du livre II » names two divisions. `part` writes one
/// part; `body` is what its chapitre II holds after its first article.
fn code_with_two_parts(second: &str) -> String {
    code_with_parts(second, |n| format!("RELATIONS DE TRAVAIL ({n})"))
}

/// The same code with its parts numbered as the Code du travail numbers them (« PREMIÈRE
/// PARTIE : … »): each division has a name of its own (« le livre II de la deuxième partie »).
fn code_in_ordinal_parts(second: &str) -> String {
    code_with_parts(second, |n| {
        format!("{n} PARTIE : LES RELATIONS DE TRAVAIL ({n})")
    })
}

fn code_with_parts(second: &str, heading: impl Fn(&str) -> String) -> String {
    let part = |n: &str, p: &str, body: &str| {
        format!(
            "### {}\n\n### Livre II : La négociation collective\n\n#### Titre IV : Domaines et périodicité\n\n##### Chapitre II : Négociation obligatoire\n\n###### Section 1 : Négociation annuelle\n\n###### Article {p}2242-1\n\nL'employeur engage chaque année une négociation sur les salaires effectifs ({n}).\n\n{body}##### Chapitre III : Dispositions pénales\n\n###### Article {p}2243-1\n\nLe fait de se soustraire aux obligations est puni d'une amende ({n}).\n\n",
            heading(n)
        )
    };
    format!(
        "# Code de l'exemple\n\n## Partie législative\n\n{}{}",
        part("PREMIÈRE", "L1", ""),
        part("DEUXIÈME", "L", second)
    )
}

/// A new section holding new sub-sections, where the section before it cannot be named alone:
/// inserted whole, its sub-sections quoted with it, after the last article of the section it
/// follows (« Après l'article L2242-1, il est inséré une section 2 »), as codes are amended.
#[test]
fn a_new_division_holding_new_divisions_goes_after_an_article_when_its_place_is_ambiguous() {
    let old = code_with_two_parts("");
    let new = code_with_two_parts(
        "###### Section 2 : Négociation triennale\n\n###### Sous-section 1 : Gestion des emplois\n\n###### Article L2242-15\n\nDans les entreprises d'au moins trois cents salariés, l'employeur engage tous les trois ans une négociation.\n\n###### Sous-section 2 : Mobilité interne\n\n###### Article L2242-21\n\nL'employeur peut engager une négociation portant sur la mobilité interne.\n\n",
    );
    check_texts(&old, &new);
    let cmp = compare(
        avenant::parse_str("old.md", &old),
        avenant::parse_str("new.md", &new),
        &DiffOptions::default(),
    );
    let act = avenant::avenant::render::markdown(&draft(&cmp, &DraftOptions::default()));
    assert!(
        act.contains("Après l'article L2242-1 du code, il est inséré une section 2"),
        "{act}"
    );
    assert!(act.contains("Mobilité interne"), "{act}");
    assert_eq!(act.matches("il est inséré").count(), 1, "{act}");
}

/// The same new section in a code whose parts are numbered « PREMIÈRE PARTIE », « DEUXIÈME
/// PARTIE »: its place is named (« Le chapitre II du titre IV du livre II de la deuxième partie
/// du code est complété par une section 2 »), and so are a renamed chapter and a new chapter
/// first in a title of that part (« Au début du titre IV … »); the act reads back and verifies.
#[test]
fn divisions_of_ordinal_parts_are_named_by_their_part() {
    let old = code_in_ordinal_parts("");
    let new = code_in_ordinal_parts(
        "###### Section 2 : Négociation triennale\n\n###### Sous-section 1 : Gestion des emplois\n\n###### Article L2242-15\n\nDans les entreprises d'au moins trois cents salariés, l'employeur engage tous les trois ans une négociation.\n\n",
    )
    .replace(
        "##### Chapitre III : Dispositions pénales\n\n###### Article L2243-1",
        "##### Chapitre III : Dispositions pénales et sanctions\n\n###### Article L2243-1",
    )
    .replace(
        "#### Titre IV : Domaines et périodicité\n\n##### Chapitre II : Négociation obligatoire\n\n###### Section 1 : Négociation annuelle\n\n###### Article L2242-1\n\n",
        "#### Titre IV : Domaines et périodicité\n\n##### Chapitre Ier : Principes\n\n###### Article L2241-1\n\nLa négociation collective est un droit des salariés.\n\n##### Chapitre II : Négociation obligatoire\n\n###### Section 1 : Négociation annuelle\n\n###### Article L2242-1\n\n",
    );
    check_texts(&old, &new);
    let cmp = compare(
        avenant::parse_str("old.md", &old),
        avenant::parse_str("new.md", &new),
        &DiffOptions::default(),
    );
    let act = avenant::avenant::render::markdown(&draft(&cmp, &DraftOptions::default()));
    for sentence in [
        "Le chapitre II du titre IV du livre II de la deuxième partie du code est complété par une section 2 ainsi rédigée",
        "L'intitulé du chapitre III du titre IV du livre II de la deuxième partie du code est ainsi rédigé",
        "Au début du titre IV du livre II de la deuxième partie du code, il est inséré un chapitre Ier",
    ] {
        assert!(act.contains(sentence), "{sentence}\n{act}");
    }
}

/// The Code du travail's « Sous-section unique » become « Sous-section 1 » next to a new
/// « Sous-section 2 », in a section that cannot be named alone: the new sub-section 1 goes
/// right after the old one, which is then deleted; sub-section 2 follows its last article.
#[test]
fn a_renumbered_division_in_an_ambiguous_place_is_replaced_beside_the_old_one() {
    let body = |label: &str, more: &str| {
        format!(
            "###### Section 3 : Négociation triennale\n\n###### Sous-section {label} : Gestion des emplois.\n\n###### Article L2242-15\n\nDans les entreprises d'au moins trois cents salariés, l'employeur engage tous les trois ans une négociation.\n\n###### Article L2242-16\n\nLa négociation porte également sur les conditions de la mobilité professionnelle.\n\n{more}"
        )
    };
    let old = code_with_two_parts(&body("unique", ""));
    let new = code_with_two_parts(&body(
        "1",
        "###### Sous-Section 2 : Mobilité interne\n\n###### Article L2242-21\n\nL'employeur peut engager une négociation portant sur la mobilité interne.\n\n",
    ));
    check_texts(&old, &new);
}

/// Numbered lines that the source breaks with `<br/>` (the Code du travail's HTML) are plain
/// alinéas in the new version; quoted by the act, they read back as list items « 1° », « 2° ».
/// The same words in the same place, one alinéa each for the circular: the act verifies, for
/// an inserted article of a code and an article of a convention rewritten whole.
#[test]
fn numbered_lines_quoted_back_as_items_verify() {
    let code = |inserted: &str| {
        format!(
            "# Code de l'exemple\n\n## Partie législative\n\n### Livre II : La négociation collective\n\n###### Article L1233-24-1\n\n<div align=\"left\">Dans les entreprises de cinquante salariés et plus, un accord collectif majoritaire peut déterminer le contenu du plan de sauvegarde de l'emploi. <br/>\n\n{inserted}###### Article L1233-25\n\n<div align=\"left\">Lorsqu'au moins dix salariés ont refusé la modification d'un élément essentiel de leur contrat de travail, leur licenciement est soumis aux dispositions applicables en cas de licenciement collectif. <br/>\n"
        )
    };
    check_texts(
        &code(""),
        &code("###### Article L1233-24-2\n\n<div align=\"left\">L'accord collectif mentionné à l'article L. 1233-24-1 porte sur le contenu du plan de sauvegarde de l'emploi. <br/>\n<br/>Il peut également porter sur : <br/>\n<br/>1° Les modalités d'information et de consultation du comité d'entreprise ; <br/>\n<br/>2° Le calendrier des licenciements ; <br/>\n<br/>3° Le nombre de suppressions d'emploi et les catégories professionnelles concernées. <br/>\n\n"),
    );
    let convention = |engagements: &str| {
        format!(
            "{PARTIES}## Article 1er – Objet\n\n<div align=\"left\">La présente convention a pour objet de définir les conditions du partenariat. <br/>\n\n## Article 2 – Engagements\n\n<div align=\"left\">{engagements}\n\n## Article 3 – Durée\n\n<div align=\"left\">La convention est conclue pour une durée d'un an. <br/>\n"
        )
    };
    check_texts(
        &convention("L'Agence s'engage à transmettre les données. <br/>\n<br/>Elle désigne un référent. <br/>"),
        &convention("Les parties s'engagent réciproquement : <br/>\n<br/>1° À transmettre les données dans un délai de quinze jours ; <br/>\n<br/>2° À désigner chacune un référent ; <br/>\n<br/>3° À se réunir au moins une fois par semestre. <br/>"),
    );
}

/// A division whose articles the act all deletes or moves elsewhere is deleted once emptied
/// (the Code du travail's « Section unique » of the cinquième partie), and an emptied division
/// whose number a new division takes is deleted before it (« Paragraphe 3 : Dépenses
/// libératoires » emptied, « Paragraphe 4 » becoming « Paragraphe 3 »): two documents, a
/// convention whose titre II's articles move into titre I, and a code whose section 2's
/// article moves into section 1 while section 3 becomes section 2.
#[test]
fn an_emptied_division_is_deleted() {
    let convention = format!("{PARTIES}Titre I : Objet\n\nArticle 1 : Objet\n\nLa présente convention définit les conditions du partenariat entre les parties.\n\nArticle 2 : Engagements\n\nChaque partie désigne un référent chargé du suivi de la convention.\n\nTitre II : Financement\n\nArticle 3 : Montant\n\nLe montant de la participation est fixé à 10 000 euros.\n\nArticle 4 : Versement\n\nLe versement intervient en une fois à la signature.\n\nTitre III : Durée\n\nArticle 5 : Durée\n\nLa convention est conclue pour une durée de trois ans.\n\nFait à Paris, le 2 avril 2021\n");
    let convention_new = convention.replace("Titre II : Financement\n\n", "");
    let section = |n: &str, heading: &str, article: &str, text: &str| {
        format!("###### Section {n} : {heading}\n\n###### Article {article}\n\n{text}\n\n")
    };
    let annual = section(
        "1",
        "Négociation annuelle",
        "L2242-1",
        "L'employeur engage chaque année une négociation sur les salaires effectifs.",
    );
    let triennial = section(
        "2",
        "Négociation triennale",
        "L2242-15",
        "Dans les entreprises d'au moins trois cents salariés, l'employeur engage tous les trois ans une négociation.",
    );
    let mobility = |n: &str| {
        section(
            n,
            "Mobilité interne",
            "L2242-21",
            "L'employeur peut engager une négociation portant sur la mobilité interne.",
        )
    };
    let code = |body: &str| {
        format!("# Code de l'exemple\n\n## Partie législative\n\n### Livre II : La négociation collective\n\n#### Titre IV : Domaines et périodicité\n\n##### Chapitre II : Négociation obligatoire\n\n{body}##### Chapitre III : Dispositions pénales\n\n###### Article L2243-1\n\nLe fait de se soustraire aux obligations est puni d'une amende.\n")
    };
    let old_code = code(&format!("{annual}{triennial}{}", mobility("3")));
    // L2242-15 moves into section 1: section 2 is emptied, and section 3 takes its number.
    let new_code = code(&format!(
        "{}{}",
        annual.replace(
            "salaires effectifs.\n\n",
            "salaires effectifs.\n\n###### Article L2242-15\n\nDans les entreprises d'au moins trois cents salariés, l'employeur engage tous les trois ans une négociation.\n\n"
        ),
        mobility("2")
    ));
    for (old, new, deleted) in [
        (
            &convention,
            &convention_new,
            "Le titre II de la convention est supprimé.",
        ),
        (&old_code, &new_code, "La section 2 du code est supprimée."),
    ] {
        check_texts(old, new);
        let cmp = compare(
            avenant::parse_str("old.md", old),
            avenant::parse_str("new.md", new),
            &DiffOptions::default(),
        );
        let act = avenant::avenant::render::markdown(&draft(&cmp, &DraftOptions::default()))
            .replace('\u{a0}', " ");
        assert!(act.contains(deleted), "{deleted}\n{act}");
    }
}

/// A change inside a part of an article read as a sub-division (the 14° under the « II.- » of
/// the Code du travail's L2261-22, the b) under a 1° ending with a colon) is a change of the
/// article: drafted and verified, never left out because the article's own alinéas are the
/// same. Two documents: a code article with « I.- » and « II.- » parts, and a convention
/// article whose engagements are listed under 1° and 2°.
#[test]
fn a_change_inside_a_part_of_an_article_is_drafted() {
    let code = |fourteenth: &str| {
        format!("# Code de l'exemple\n\n## Partie législative\n\n### Livre II : La négociation collective\n\n#### Titre VI : Application des conventions\n\n###### Article L2261-22\n\nI.-Pour pouvoir être étendue, la convention de branche conclue au niveau national contient des clauses portant sur la détermination des règles de négociation.\n\nII.-Elle contient en outre, sous réserve des dispositions particulières, des clauses portant sur :\n\n1° L'exercice du droit syndical ;\n\n13° Les conditions d'emploi des salariés à temps partiel ;\n\n14° {fourteenth} ;\n\n15° Les modalités de la formation professionnelle.\n\n###### Article L2261-23\n\nL'arrêté d'extension est publié au Journal officiel.\n")
    };
    check_texts(
        &code("Les modalités d'accès à un régime de prévoyance maladie"),
        &code("Les modalités d'accès à un régime de prévoyance ou à un régime de remboursements complémentaires de frais occasionnés par une maladie"),
    );
    let convention = |second: &str| {
        format!("{PARTIES}## Article 1er – Objet\n\nLa présente convention a pour objet de définir les conditions du partenariat.\n\n## Article 2 – Engagements\n\n1° L'AND s'engage :\n\na) À transmettre les données dans un délai de quinze jours ;\n\nb) {second} ;\n\n2° La DNUM s'engage :\n\na) À héberger le service ;\n\nb) À en assurer la maintenance.\n\n## Article 3 – Durée\n\nLa convention est conclue pour une durée d'un an.\n\nFait à Paris, le 2 avril 2021\n")
    };
    check_texts(
        &convention("À désigner un référent"),
        &convention("À désigner deux référents, l'un technique, l'autre juridique"),
    );
}
