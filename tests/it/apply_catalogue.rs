//! Catalogue of amending phrasings `apply` reads, each applied to one small convention and
//! compared with the consolidated article written by hand. Sources: the model sentences of
//! the Guide de légistique (Légifrance, §3.4.1 « Rédaction des dispositions modificatives »,
//! summarised in LEGISTIQUE.md « Formulas by operation ») and the circulaire du 20 octobre 2000
//! (counting alinéas), plus the phrasings of amending laws and avenants listed in issue 13
//! (« est modifié comme suit », « est remplacé par les dispositions suivantes », « Il est
//! ajouté un article … », items a), b)…). They are formulas, not sentences quoted from
//! identified acts; the sentences quoted from identified acts, with their sources, are in
//! `applyread_catalogue.rs`.

use avenant::avenant::{apply, parse_avenant};

const CONVENTION: &str = "Convention de partenariat

Article 1er : Objet

La présente convention a pour objet la coopération entre les parties.

Article 4 : Engagements

Les parties s'engagent à coopérer. Elles se réunissent chaque année.

Le comité de suivi se réunit deux fois par an.

Article 5 : Financement

Le financement comprend :

1° une subvention de fonctionnement ;

2° une subvention d'investissement ;

3° une aide en nature.

Article 6 : Montant

Le montant de la subvention est de 1 000 euros.

Article 47-1 : Clause spéciale

Les données sont conservées cinq ans.

Annexe 2 : Calendrier

Le calendrier est fixé en janvier.
";

const A4: &str = "## Article 4 : Engagements";
const A5: &str = "## Article 5 : Financement";
const A6: &str = "## Article 6 : Montant";

/// (source formula, avenant article body, heading of the consolidated section, its text).
const CATALOGUE: &[(&str, &str, &str, &str)] = &[
    (
        "est modifié comme suit (lois modificatives)",
        "L'article 4 est modifié comme suit :\n\n1° Le deuxième alinéa est supprimé ;\n\n2° Au premier alinéa, le mot : « coopérer » est remplacé par le mot : « collaborer ».",
        A4,
        "Les parties s'engagent à collaborer. Elles se réunissent chaque année.",
    ),
    (
        "est remplacé par les dispositions suivantes",
        "L'article 6 est remplacé par les dispositions suivantes :\n\n« Le montant de la subvention est de 2 000 euros. »",
        // No heading quoted: the article is replaced without one, as the act says.
        "## Article 6",
        "Le montant de la subvention est de 2 000 euros.",
    ),
    (
        "est ainsi rédigé (Guide §3.4.1), heading quoted",
        "L'article 6 est ainsi rédigé :\n\n« Article 6 : Montant\n\nLe montant de la subvention est de 2 000 euros.\n\nIl est versé en une fois. »",
        A6,
        "Le montant de la subvention est de 2 000 euros.\n\nIl est versé en une fois.",
    ),
    (
        "Il est ajouté un article 10 ainsi rédigé",
        "Il est ajouté un article 10 ainsi rédigé :\n\n« Article 10 : Suivi\n\nUn comité suit la convention. »",
        "## Article 10 : Suivi",
        "Un comité suit la convention.",
    ),
    (
        "Après l'article 4, il est inséré un article 4 bis (Guide §3.4.1)",
        "Après l'article 4, il est inséré un article 4 bis ainsi rédigé :\n\n« Article 4 bis : Suivi\n\nUn comité suit la convention. »",
        "## Article 4 bis : Suivi",
        "Un comité suit la convention.",
    ),
    (
        "est complété par une phrase ainsi rédigée (Guide §3.4.1)",
        "Le premier alinéa de l'article 4 est complété par une phrase ainsi rédigée : « Elles rendent compte. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année. Elles rendent compte.\n\nLe comité de suivi se réunit deux fois par an.",
    ),
    (
        "est complété par un alinéa ainsi rédigé (Guide §3.4.1)",
        "L'article 4 est complété par un alinéa ainsi rédigé :\n\n« Un rapport est établi. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLe comité de suivi se réunit deux fois par an.\n\nUn rapport est établi.",
    ),
    (
        "La dernière phrase du … est supprimée",
        "La dernière phrase du premier alinéa de l'article 4 est supprimée.",
        A4,
        "Les parties s'engagent à coopérer.\n\nLe comité de suivi se réunit deux fois par an.",
    ),
    (
        "Le 2° de l'article 5 est supprimé",
        "Le 2° de l'article 5 est supprimé.",
        A5,
        "Le financement comprend :\n\n1° une subvention de fonctionnement ;\n\n3° une aide en nature.",
    ),
    (
        "Le 2° de l'article 5 est abrogé",
        "Le 2° de l'article 5 est abrogé.",
        A5,
        "Le financement comprend :\n\n1° une subvention de fonctionnement ;\n\n3° une aide en nature.",
    ),
    (
        "Le montant de « X » est remplacé par « Y » (no unit named: unique in the convention)",
        "Le montant de « 1 000 euros » est remplacé par « 2 000 euros ».",
        A6,
        "Le montant de la subvention est de 2 000 euros.",
    ),
    (
        "la somme de « X » est remplacée par « Y »",
        "À l'article 6, la somme de « 1 000 euros » est remplacée par « 2 000 euros ».",
        A6,
        "Le montant de la subvention est de 2 000 euros.",
    ),
    (
        "Dans l'article 7, …",
        "Dans l'article 6, les mots : « 1 000 » sont remplacés par les mots : « 2 000 ».",
        A6,
        "Le montant de la subvention est de 2 000 euros.",
    ),
    (
        "À l'article 6 de la convention, …",
        "À l'article 6 de la convention, les mots : « 1 000 » sont remplacés par les mots : « 2 000 ».",
        A6,
        "Le montant de la subvention est de 2 000 euros.",
    ),
    (
        "hyphenated number (47-1)",
        "À l'article 47-1, le mot : « cinq » est remplacé par le mot : « dix ».",
        "## Article 47-1 : Clause spéciale",
        "Les données sont conservées dix ans.",
    ),
    (
        "straight quotes",
        "À l'article 1er, les mots \"entre les parties\" sont remplacés par les mots \"entre les signataires\".",
        "## Article 1er : Objet",
        "La présente convention a pour objet la coopération entre les signataires.",
    ),
    (
        "« premier » for « 1er »",
        "À l'article premier, les mots : « entre les parties » sont remplacés par les mots : « entre les signataires ».",
        "## Article 1er : Objet",
        "La présente convention a pour objet la coopération entre les signataires.",
    ),
    (
        "' vs ’",
        "À l’article 4, les mots : « s’engagent à coopérer » sont remplacés par les mots : « s'obligent à coopérer ».",
        A4,
        "Les parties s'obligent à coopérer. Elles se réunissent chaque année.\n\nLe comité de suivi se réunit deux fois par an.",
    ),
    (
        "items a), b) under « est ainsi modifié »",
        "L'article 6 est ainsi modifié :\n\na) Les mots : « 1 000 » sont remplacés par les mots : « 2 000 » ;\n\nb) Il est ajouté un alinéa ainsi rédigé :\n\n« Il est versé en une fois. »",
        A6,
        "Le montant de la subvention est de 2 000 euros.\n\nIl est versé en une fois.",
    ),
    (
        "Au deuxième alinéa de l'article 4, le mot … (circulaire du 20 octobre 2000)",
        "Au deuxième alinéa de l'article 4, le mot : « deux » est remplacé par le mot : « trois ».",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLe comité de suivi se réunit trois fois par an.",
    ),
    (
        "est remplacé par deux alinéas ainsi rédigés, each closed",
        "Le deuxième alinéa de l'article 4 est remplacé par deux alinéas ainsi rédigés :\n\n« Le comité se réunit. »\n\n« Il rend compte. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLe comité se réunit.\n\nIl rend compte.",
    ),
    (
        "Après le premier alinéa, il est inséré un alinéa ainsi rédigé (Guide §3.4.1)",
        "Après le premier alinéa de l'article 4, il est inséré un alinéa ainsi rédigé :\n\n« Les parties se concertent. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLes parties se concertent.\n\nLe comité de suivi se réunit deux fois par an.",
    ),
    (
        "La deuxième phrase du premier alinéa est ainsi rédigée (Guide §3.4.1)",
        "La deuxième phrase du premier alinéa de l'article 4 est ainsi rédigée : « Elles se réunissent chaque mois. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque mois.\n\nLe comité de suivi se réunit deux fois par an.",
    ),
    (
        "Au 1° de l'article 5, le mot …",
        "Au 1° de l'article 5, le mot : « fonctionnement » est remplacé par le mot : « projet ».",
        A5,
        "Le financement comprend :\n\n1° une subvention de projet ;\n\n2° une subvention d'investissement ;\n\n3° une aide en nature.",
    ),
    (
        "L'intitulé de l'article 6 est ainsi rédigé",
        "L'intitulé de l'article 6 est ainsi rédigé : « Montant de la subvention ».",
        "## Article 6 : Montant de la subvention",
        "Le montant de la subvention est de 1 000 euros.",
    ),
    (
        "Le 3° de l'article 5 est ainsi rédigé",
        "Le 3° de l'article 5 est ainsi rédigé : « 3° une aide logistique. »",
        A5,
        "Le financement comprend :\n\n1° une subvention de fonctionnement ;\n\n2° une subvention d'investissement ;\n\n3° une aide logistique.",
    ),
    // Incises between commas in the insertion and completion formulas (issue 13, item 7).
    (
        "Il est inséré, avant l'article 1er, un article … (incise)",
        "Il est inséré, avant l'article 1er, un article 1er A ainsi rédigé :\n\n« Article 1er A : Définitions\n\n« Les termes sont définis ci-après. »",
        "## Article 1er A : Définitions",
        "Les termes sont définis ci-après.",
    ),
    (
        "Il est ajouté, après l'article 4, un article 4 bis (incise)",
        "Il est ajouté, après l'article 4, un article 4 bis ainsi rédigé :\n\n« Article 4 bis : Suivi\n\n« Le suivi est annuel. »",
        "## Article 4 bis : Suivi",
        "Le suivi est annuel.",
    ),
    (
        "L'article 6 est complété, in fine, par un alinéa (incise)",
        "L'article 6 est complété, in fine, par un alinéa ainsi rédigé : « Il est versé en une fois. »",
        A6,
        "Le montant de la subvention est de 1 000 euros.\n\nIl est versé en une fois.",
    ),
    (
        "L'article 6 est complété, à la fin, par une phrase (incise)",
        "L'article 6 est complété, à la fin, par une phrase ainsi rédigée : « Il est versé en une fois. »",
        A6,
        "Le montant de la subvention est de 1 000 euros. Il est versé en une fois.",
    ),
    (
        "L'article 4 est complété, après le premier alinéa, par un alinéa (incise)",
        "L'article 4 est complété, après le premier alinéa, par un alinéa ainsi rédigé :\n\n« Les parties se concertent. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLes parties se concertent.\n\nLe comité de suivi se réunit deux fois par an.",
    ),
    (
        "À l'article 5, le troisième alinéa est supprimé (place first)",
        "À l'article 5, le troisième alinéa est supprimé.",
        A5,
        "Le financement comprend :\n\n1° une subvention de fonctionnement ;\n\n3° une aide en nature.",
    ),
    (
        "À l'article 4, au deuxième alinéa, le mot … (place, then the alinéa as a place)",
        "À l'article 4, au deuxième alinéa, le mot : « deux » est remplacé par le mot : « trois ».",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLe comité de suivi se réunit trois fois par an.",
    ),
    (
        "À l'article 4, le second alinéa est ainsi rédigé (place first, quotation on the line)",
        "À l'article 4, le second alinéa est ainsi rédigé : « Le comité de suivi se réunit chaque mois. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLe comité de suivi se réunit chaque mois.",
    ),
    (
        "Après le premier alinéa …, il est inséré un alinéa ainsi rédigé : « … » (quotation on the line)",
        "Après le premier alinéa de l'article 4, il est inséré un alinéa ainsi rédigé : « Les parties se concertent. »",
        A4,
        "Les parties s'engagent à coopérer. Elles se réunissent chaque année.\n\nLes parties se concertent.\n\nLe comité de suivi se réunit deux fois par an.",
    ),
    (
        "decree-style heading « Art. 1er. – » with the instruction on its line",
        "",
        A6,
        "Le montant de la subvention est de 2 000 euros.",
    ),
];

/// The section of the consolidated Markdown under `heading`, up to the next heading.
fn section(out: &str, heading: &str) -> Option<String> {
    let start = out.find(&format!("{heading}\n"))? + heading.len();
    let rest = &out[start..];
    let end = rest.find("\n#").unwrap_or(rest.len());
    Some(rest[..end].trim().to_string())
}

#[test]
fn every_phrasing_of_the_catalogue_gives_the_hand_written_text() {
    let conv = avenant::parse_str("convention.md", CONVENTION);
    let mut failures = Vec::new();
    for (source, body, heading, want) in CATALOGUE {
        let text = if body.is_empty() {
            "Avenant n° 1 à la convention de partenariat\n\nArt. 1er. – À l'article 6, les mots : « 1 000 » sont remplacés par les mots : « 2 000 ».\n".to_string()
        } else {
            format!("Avenant n° 1 à la convention de partenariat\n\nArticle 1er\n\n{body}\n")
        };
        let result = parse_avenant(&text)
            .map_err(|e| e.to_string())
            .and_then(|av| apply(&conv, &av).map_err(|e| e.to_string()));
        let doc = match result {
            Ok(doc) => doc,
            Err(e) => {
                failures.push(format!("{source}: refused: {e}"));
                continue;
            }
        };
        let mut out = Vec::new();
        avenant::render::markdown::write_markdown(&doc, &mut out).expect("in memory");
        let out = String::from_utf8(out).expect("utf-8");
        match section(&out, heading) {
            Some(got) if got == *want => {}
            got => failures.push(format!("{source}:\n  got  {got:?}\n  want {want:?}")),
        }
    }
    assert!(CATALOGUE.len() >= 35);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn what_is_not_a_textual_change_is_refused() {
    let conv = avenant::parse_str("convention.md", CONVENTION);
    for body in [
        // A decision, not a textual change.
        "La durée de la convention est prolongée jusqu'au 31 décembre 2027.",
        // No annex follows the avenant's articles: nothing to put in its place, so refused.
        "L'annexe 2 est remplacée par l'annexe jointe au présent avenant.",
        // Words absent from the unit.
        "À l'article 6, les mots : « 3 000 » sont remplacés par les mots : « 2 000 ».",
        // « une subvention » occurs in the 1° and the 2°: no unit named, no occurrence.
        "Les mots : « une subvention » sont remplacés par les mots : « un concours ».",
        // An article that does not exist.
        "L'article 9 est supprimé.",
    ] {
        let text =
            format!("Avenant n° 1 à la convention de partenariat\n\nArticle 1er\n\n{body}\n");
        let r = parse_avenant(&text)
            .map_err(|e| e.to_string())
            .and_then(|av| apply(&conv, &av).map_err(|e| e.to_string()));
        assert!(r.is_err(), "applied: {body}");
    }
}
