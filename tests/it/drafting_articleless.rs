//! Documents without articles (an agreement, a model letter): the body is read as one unit
//! (`corps`) whose alinéas the act addresses as the document's own (« Le troisième alinéa de
//! l'accord est ainsi rédigé : »), `apply` reads those sentences back, and the real pairs of
//! such documents draft verified acts. A title and a sentence stay refused.

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft_checked, parse_avenant, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::{parse_str, Document, NodeKind};
use std::path::Path;

const OLD: &str = "Accord de rupture conventionnelle

Entre :

La société Exemple, représentée par sa directrice, ci-après dénommée « l'employeur »,

Et :

Monsieur Jean Martin, ci-après dénommé « le salarié »,

Le salarié a été embauché le 1er mars 2019 en qualité de technicien.

Les parties se sont rencontrées le 4 mai 2024 pour convenir de la rupture du contrat.

La date de fin du contrat est fixée au 30 juin 2024.

L'indemnité de rupture s'élève à 3 000 euros.

Elle est versée avec le dernier salaire.

Fait à Lyon, le 10 mai 2024, en deux exemplaires.
";

const NEW: &str = "Accord de rupture conventionnelle

Entre :

La société Exemple, représentée par sa directrice, ci-après dénommée « l'employeur »,

Et :

Monsieur Jean Martin, ci-après dénommé « le salarié »,

Le salarié a été embauché le 1er mars 2019 en qualité de technicien.

Les parties se sont rencontrées le 4 mai 2024 et le 11 mai 2024 pour convenir de la rupture du contrat.

Le contrat de travail prend fin le 31 juillet 2024, après le délai d'homologation.

L'indemnité de rupture s'élève à 3 000 euros.

Elle est versée avec le dernier salaire.

Le salarié restitue son badge le dernier jour.

Fait à Lyon, le 10 mai 2024, en deux exemplaires.
";

fn body(doc: &Document) -> Vec<String> {
    let corps = doc
        .children(doc.root())
        .iter()
        .copied()
        .find(|c| doc.node(*c).kind == NodeKind::Corps)
        .expect("a body");
    doc.alineas(corps)
        .into_iter()
        .map(|a| doc.node(a).text.clone())
        .collect()
}

#[test]
fn an_articleless_agreement_is_read_as_title_parties_body_and_signatures() {
    let doc = parse_str("accord.md", OLD);
    let top: Vec<NodeKind> = doc
        .children(doc.root())
        .iter()
        .map(|c| doc.node(*c).kind)
        .collect();
    assert_eq!(
        top,
        [
            NodeKind::Titre,
            NodeKind::Parties,
            NodeKind::Corps,
            NodeKind::Signatures
        ]
    );
    assert_eq!(doc.parties().len(), 2);
    assert_eq!(body(&doc).len(), 5);
    assert!(!doc.has_errors());
}

#[test]
fn the_act_addresses_the_alineas_of_the_document_and_applies_back() {
    let (old, new) = (parse_str("v1.md", OLD), parse_str("v2.md", NEW));
    let cmp = compare(old.clone(), new.clone(), &DiffOptions::default());
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let md = markdown(&av);
    let plain = md.replace('\u{a0}', " ");
    // The document's own noun, its alinéas counted through its body, the edits gathered
    // under one chapeau.
    assert!(md.contains("Modification de l'accord"), "{md}");
    for line in [
        "L'accord est ainsi modifié :",
        "1° Au deuxième alinéa, après le mot : « 2024 », sont insérés les mots : « et le 11 mai 2024 » ;",
        "2° Le troisième alinéa est ainsi rédigé :",
        "3° L'accord est complété par un alinéa ainsi rédigé :",
    ] {
        assert!(plain.contains(line), "{line}\n{md}");
    }
    assert!(!md.contains("de la convention"), "{md}");
    // Read back from its text and applied, it gives the new body.
    let back = parse_avenant(&md).expect("the act reads back");
    let amended = apply(&old, &back).expect("the act applies");
    assert_eq!(body(&amended), body(&new));
}

#[test]
fn hand_written_sentences_on_an_articleless_document_apply() {
    let old = parse_str("v1.md", OLD);
    for (sentence, check) in [
        (
            "Le troisième alinéa de l'accord est ainsi rédigé :\n\n« La date de fin du contrat est fixée au 31 juillet 2024. »",
            (2, "La date de fin du contrat est fixée au 31 juillet 2024."),
        ),
        (
            "Après le cinquième alinéa de l'accord, il est inséré un alinéa ainsi rédigé :\n\n« Le salarié restitue son badge. »",
            (5, "Le salarié restitue son badge."),
        ),
        (
            "Au deuxième alinéa de l'accord, les mots : « 4 mai 2024 » sont remplacés par les mots : « 11 mai 2024 ».",
            (
                1,
                "Les parties se sont rencontrées le 11 mai 2024 pour convenir de la rupture du contrat.",
            ),
        ),
        (
            "Le dernier alinéa de l'accord est supprimé.",
            (3, "L'indemnité de rupture s'élève à 3 000 euros."),
        ),
    ] {
        let act = format!(
            "Avenant n° 1 à l'accord de rupture conventionnelle\n\nArticle 1er\n\n{sentence}\n"
        );
        let av = parse_avenant(&act).unwrap_or_else(|e| panic!("{sentence}: {e}"));
        let amended = apply(&old, &av).unwrap_or_else(|e| panic!("{sentence}: {e}"));
        let b = body(&amended);
        assert_eq!(b[check.0], check.1, "{sentence}\n{b:#?}");
        // The parties and the title are not counted among the alinéas.
        assert_eq!(amended.parties().len(), 2, "{sentence}");
    }
}

#[test]
fn a_title_and_a_sentence_stay_refused() {
    let doc = parse_str(
        "note.md",
        "Note de service\n\nCeci n'est pas une convention.\n",
    );
    assert!(doc
        .children(doc.root())
        .iter()
        .all(|c| doc.node(*c).kind != NodeKind::Corps));
    assert!(doc.has_errors());
}

const REAL: &str = "../shared/corpus/real";

fn verified(old: &str, new: &str) -> Option<String> {
    let dir = Path::new(REAL);
    if !dir.exists() {
        return None;
    }
    let read = |p: &str| avenant::load(&dir.join(p), &Default::default()).expect("readable");
    let cmp = compare(read(old), read(new), &DiffOptions::default());
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    Some(markdown(&av))
}

/// The Ministry of Labour's model agreement (2019 → 2021): title, both parties, the body's
/// alinéas, the footnote and the signature block change; the act verifies. The body is amended
/// unit by unit as an article is: its first two alinéas only by the global replacement, its
/// last rewritten, and the signatories' table it gains appended as a table, not the whole body
/// rewritten.
#[test]
fn the_cdtn_agreement_pair_drafts_a_verified_act() {
    let Some(md) = verified(
        "cdtn-rupture-amiable-apprentissage-2019-12-24.docx",
        "cdtn-rupture-amiable-apprentissage-2021-02-03.docx",
    ) else {
        return;
    };
    assert!(!md.contains("alinéas de la convention"), "{md}");
    assert!(md.contains("1° Le dernier alinéa est ainsi rédigé"), "{md}");
    assert!(
        md.contains("La convention est complétée par un tableau ainsi rédigé"),
        "{md}"
    );
    assert!(!md.contains("« . »"), "{md}");
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("draft-real-cdtn-rupture", md);
    });
}

/// The DGEC model letter (2024 → 2025): its versions differ only by a table's header marking
/// and a trailing space, so the verified act changes nothing.
#[test]
fn the_potentiel_letter_pair_drafts_an_empty_verified_act() {
    let Some(md) = verified(
        "potentiel-modele-reponse-recours-2024-09-18.docx",
        "potentiel-modele-reponse-recours-2025-01-31.docx",
    ) else {
        return;
    };
    assert!(!md.contains("est ainsi"), "{md}");
}
