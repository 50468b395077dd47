//! The fixed parts of an avenant: title, parties, visa, objet, « il est convenu ce qui suit »,
//! entry into force, signatures.

use super::*;

/// « 1er », « 2 »: the number of an article of the avenant.
pub fn avenant_article_number(n: u32) -> String {
    if n == 1 {
        "1er".into()
    } else {
        n.to_string()
    }
}

/// « Article 1er – Modification de l'article 7 de la convention ».
pub fn avenant_article_heading(n: u32, heading: &str) -> String {
    format!("Article {} – {heading}", avenant_article_number(n))
}

/// « Modification de l'article 7 de la convention » (the heading of an amending article).
pub fn modification_heading(unit: &Unit) -> String {
    modification_heading_in(unit, DocNoun::CONVENTION)
}

/// [`modification_heading`] in a document named by `noun` (« … de l'article 7 du contrat »).
pub fn modification_heading_in(unit: &Unit, noun: DocNoun) -> String {
    match unit {
        Unit::Convention => format!("Modification {}", noun.of_it()),
        u => format!(
            "Modification {}",
            de(&cite_unit_in(u, Case::Nom, true, noun))
        ),
    }
}

/// « Modification de l'intitulé de la convention », « … du contrat ».
pub fn title_heading(noun: DocNoun) -> String {
    format!("Modification de l'intitulé {}", noun.of_it())
}

/// How the motive names a part outside the articles: « son intitulé », « ses visas »,
/// « la désignation de sa deuxième partie », « son bloc des signatures ».
pub fn block_in_objet(unit: Option<&Unit>) -> String {
    match unit {
        None => "son intitulé".into(),
        Some(Unit::Party { rank }) => {
            format!("la désignation de sa {} partie", ordinal(*rank, true))
        }
        Some(Unit::Parties) => "son bloc des parties".into(),
        Some(Unit::Visas) => "ses visas".into(),
        Some(Unit::Signatures) => "son bloc des signatures".into(),
        Some(Unit::Note { label }) => format!("sa note de bas de page n° {label}"),
        Some(u @ Unit::Division { .. }) => {
            format!("l'intitulé {}", de(&cite_unit(u, Case::Nom, false)))
        }
        Some(u) => cite_unit(u, Case::Nom, false),
    }
}

/// « Insertion d'un article 5 bis dans la convention », « Suppression de l'article 9 de la convention ».
pub fn insertion_heading(label: &str) -> String {
    insertion_heading_in(label, DocNoun::CONVENTION)
}

/// [`insertion_heading`] in a document named by `noun` (« … dans le contrat »); `label`
/// may be an article named by its heading (« intitulé « Membres » », see [`titled`]).
pub fn insertion_heading_in(label: &str, noun: DocNoun) -> String {
    format!(
        "Insertion d'un article {} dans {}",
        motive_label(label),
        noun.the()
    )
}

pub fn deletion_heading(unit: &Unit) -> String {
    deletion_heading_in(unit, DocNoun::CONVENTION)
}

/// [`deletion_heading`] in a document named by `noun`.
pub fn deletion_heading_in(unit: &Unit, noun: DocNoun) -> String {
    format!(
        "Suppression {}",
        de(&cite_unit_in(unit, Case::Nom, true, noun))
    )
}

/// « Ajout d'une annexe 3 à la convention », « … au contrat ».
pub fn annex_addition_heading(label: Option<&str>, noun: DocNoun) -> String {
    match label {
        Some(l) => format!("Ajout d'une annexe {l} {}", noun.to_it()),
        None => format!("Ajout d'une annexe {}", noun.to_it()),
    }
}

/// « Renumérotation d'articles de la convention », « … des statuts ».
pub fn renumbering_heading(noun: DocNoun) -> String {
    format!("Renumérotation d'articles {}", noun.of_it())
}

/// « Renumérotation de l'article L5121-7 du code »: one article renumbered, named by the
/// number it had.
pub fn article_renumbering_heading(label: &str, noun: DocNoun) -> String {
    format!(
        "Renumérotation {}",
        de(&cite_unit_in(&Unit::article(label), Case::Nom, true, noun))
    )
}

/// « Renumérotation d'annexes de la convention », « … du contrat ».
pub fn annex_renumbering_heading(noun: DocNoun) -> String {
    format!("Renumérotation d'annexes {}", noun.of_it())
}

/// « Remplacement de mots dans l'ensemble de la convention », « … du contrat ».
pub fn everywhere_heading(noun: DocNoun) -> String {
    format!("Remplacement de mots dans l'ensemble {}", noun.of_it())
}

/// French month names: the tokenizer's table, so that a date written here reads back as one.
use crate::diff::tokens::MONTHS;

/// A date in words as a convention is cited: « 1er février 2021 », « 2 avril 2021 ».
pub fn long_date(day: u32, month: u32, year: u32) -> Option<String> {
    let m = MONTHS.get(month.checked_sub(1)? as usize)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let d = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    Some(format!("{d} {m} {year}"))
}

/// Units cited in a list: « l'article 7 », « les articles 5.1 et 7 », « les articles 2, 4 et 7 ».
pub(super) fn cite_list(noun_sg: &str, noun_pl: &str, fem: bool, labels: &[String]) -> String {
    match labels.split_last() {
        None => String::new(),
        // The only, unnumbered annex: « l'annexe ».
        Some((last, [])) => {
            Np::new(format!("{noun_sg} {last}").trim_end(), fem, false).with(Case::Nom)
        }
        // Articles named by their headings: « les articles intitulés « A » et « B » ».
        Some((last, rest)) if labels.iter().all(|l| l.starts_with(TITLED)) => {
            let strip = |l: &String| l[TITLED.len()..].trim_start().to_string();
            let rest: Vec<String> = rest.iter().map(strip).collect();
            format!(
                "les {noun_pl} {TITLED}s {} et {}",
                rest.join(", "),
                strip(last)
            )
        }
        Some((last, rest)) => format!("les {noun_pl} {} et {last}", rest.join(", ")),
    }
}

const TITLED: &str = "intitulé";

/// An article label as the motive cites it; an article named by its heading (« intitulé
/// « Objet » ») as it stands.
fn motive_label(l: &str) -> String {
    if l.starts_with(TITLED) {
        l.to_string()
    } else {
        article_label(l)
    }
}

/// What a drafted avenant changes, for the exposé when no objet is given. Labels are cited as
/// given (`1er`, `5 bis`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub everywhere: Vec<(String, String)>,
    pub modified_articles: Vec<String>,
    pub inserted_articles: Vec<String>,
    pub deleted_articles: Vec<String>,
    pub renumbered: bool,
    pub renumbered_annexes: bool,
    pub preambule: bool,
    /// A préambule inserted where there was none.
    pub inserted_preambule: bool,
    pub modified_annexes: Vec<String>,
    pub added_annexes: Vec<String>,
    pub deleted_annexes: Vec<String>,
    /// Parts outside the articles brought up to date, as the motive names them, in order
    /// (« son intitulé », « la désignation de sa première partie », « son bloc des signatures »).
    pub blocks: Vec<String>,
    /// Divisions inserted, by label as written (`Chapitre IV bis`).
    pub inserted_divisions: Vec<String>,
    /// Divisions deleted, cited (« le chapitre III du titre V »).
    pub deleted_divisions: Vec<String>,
    /// Footnotes added and deleted, by number.
    pub added_notes: Vec<String>,
    pub deleted_notes: Vec<String>,
}

/// « de » or « d' » before an infinitive phrase.
pub(super) fn de_inf(phrase: &str) -> String {
    if phrase.starts_with(['a', 'e', 'é', 'i', 'o', 'u', 'h']) {
        format!("d'{phrase}")
    } else {
        format!("de {phrase}")
    }
}

/// The neutral motive listing what changes, written after « afin de » (« mettre à jour ses
/// articles 5.1 et 7, d'insérer un article 5 bis et de supprimer l'article 6 »), or `None` when
/// nothing changes.
pub fn objet_neutre(c: &Changes, style: &Style) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut updated: Vec<String> = Vec::new();
    let noun = style.noun;
    let own = |s: String| noun.possessive(&s.replacen("l'", "son ", 1).replacen("les ", "ses ", 1));
    updated.extend(c.blocks.iter().map(|b| noun.possessive(b)));
    if c.preambule {
        updated.push(noun.possessive("son préambule"));
    }
    let arts: Vec<String> = c
        .modified_articles
        .iter()
        .map(|l| motive_label(l))
        .collect();
    if !arts.is_empty() {
        updated.push(own(cite_list("article", "articles", false, &arts)));
    }
    if !c.modified_annexes.is_empty() {
        updated.push(own(cite_list(
            "annexe",
            "annexes",
            true,
            &c.modified_annexes,
        )));
    }
    if let Some((last, rest)) = updated.split_last() {
        let list = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} ainsi que {last}", rest.join(", "))
        };
        parts.push(format!("mettre à jour {list}"));
    }
    for (old, new) in &c.everywhere {
        parts.push(format!(
            "remplacer, dans l'ensemble {}, {} par {}",
            noun.possessive("de son texte"),
            quote(old, style),
            quote(new, style)
        ));
    }
    let ins: Vec<String> = c
        .inserted_articles
        .iter()
        .map(|l| motive_label(l))
        .collect();
    // « insérer un préambule et les articles 2 et 3 »: one verb for what is inserted.
    let preambule = if c.inserted_preambule {
        "un préambule"
    } else {
        ""
    };
    let articles = match ins.as_slice() {
        [] => String::new(),
        [one] => format!("un article {one}"),
        many => cite_list("article", "articles", false, many),
    };
    match (preambule.is_empty(), articles.is_empty()) {
        (true, true) => {}
        (false, false) => parts.push(format!("insérer {preambule} et {articles}")),
        _ => parts.push(format!("insérer {preambule}{articles}")),
    }
    for d in &c.inserted_divisions {
        // « insérer un chapitre IV bis », « insérer une section 4 ».
        let (noun, rest) = d.trim().split_once(' ').unwrap_or((d.trim(), ""));
        parts.push(format!(
            "insérer {} {} {rest}",
            if division_is_feminine(d) { "une" } else { "un" },
            noun.to_lowercase(),
        ));
    }
    for l in &c.added_notes {
        parts.push(format!(
            "compléter {} par une note de bas de page n° {l}",
            noun.the()
        ));
    }
    match c.added_annexes.as_slice() {
        [] => {}
        [one] => parts.push(format!("compléter {} par une annexe {one}", noun.the())),
        many => parts.push(format!(
            "compléter {} par {}",
            noun.the(),
            cite_list("annexe", "annexes", true, many)
        )),
    }
    let del: Vec<String> = c.deleted_articles.iter().map(|l| motive_label(l)).collect();
    let mut deleted = Vec::new();
    if !del.is_empty() {
        deleted.push(cite_list("article", "articles", false, &del));
    }
    deleted.extend(c.deleted_divisions.iter().cloned());
    deleted.extend(
        c.deleted_notes
            .iter()
            .map(|l| format!("la note de bas de page n° {l}")),
    );
    if !c.deleted_annexes.is_empty() {
        deleted.push(cite_list("annexe", "annexes", true, &c.deleted_annexes));
    }
    if !deleted.is_empty() {
        parts.push(format!("supprimer {}", deleted.join(" ainsi que ")));
    }
    if c.renumbered {
        parts.push(noun.possessive("renuméroter en conséquence ses articles"));
    }
    if c.renumbered_annexes {
        parts.push(noun.possessive("renuméroter en conséquence ses annexes"));
    }
    let (first, rest) = parts.split_first()?;
    let mut out = first.clone();
    for (i, p) in rest.iter().enumerate() {
        out.push_str(if i + 1 == rest.len() { " et " } else { ", " });
        out.push_str(&de_inf(p));
    }
    Some(out)
}

pub(super) fn parties_names(parties: &[AvenantParty]) -> String {
    let names: Vec<String> = parties
        .iter()
        .map(|p| p.short_name.clone().unwrap_or_else(|| p.name.clone()))
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => "[partie A] et [partie B]".into(),
    }
}

/// The gender and number of the noun that opens a document's title (« convention », « accord »,
/// « contrat », « statuts »…), so that the act says « la convention », « l'accord », « au
/// contrat », « aux statuts ». A noun not listed is taken as feminine singular, like
/// « convention ».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleNoun {
    /// la convention, la charte, l'entente
    Feminine,
    /// le contrat, le protocole, l'accord
    Masculine,
    /// les statuts
    Plural,
    /// les conditions générales, les clauses
    FemininePlural,
}

/// True when `title` opens with a noun that names a kind of document (« convention »,
/// « contrat », « cahier », « conditions »…): the act can then cite the title as it is (« à
/// la convention de partenariat »); otherwise it names it « la convention « … » ».
pub fn names_a_document(title: &str) -> bool {
    let first = title
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    DocNoun::of(&first) != DocNoun::CONVENTION
        || first == "convention"
        || TITLE_MASCULINE.contains(&first.as_str())
        || TITLE_PLURAL.contains(&first.as_str())
}

const TITLE_MASCULINE: &[&str] = &[
    "accord",
    "acte",
    "arrêté",
    "avenant",
    "cahier",
    "code",
    "contrat",
    "marché",
    "mémorandum",
    "pacte",
    "protocole",
    "règlement",
    "traité",
];

const TITLE_PLURAL: &[&str] = &[
    "statuts",
    "conditions",
    "clauses",
    "modalités",
    "stipulations",
];

impl TitleNoun {
    /// Reads the first word of `title`.
    pub fn of(title: &str) -> TitleNoun {
        const MASCULINE: &[&str] = TITLE_MASCULINE;
        let first = title
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        const PLURAL: &[&str] = TITLE_PLURAL;
        if first == "statuts" {
            TitleNoun::Plural
        } else if PLURAL.contains(&first.as_str()) {
            TitleNoun::FemininePlural
        } else if MASCULINE.contains(&first.as_str()) {
            TitleNoun::Masculine
        } else {
            TitleNoun::Feminine
        }
    }

    /// The definite article before `title`: « la », « le », « les », or « l' » before a vowel.
    fn article(self, title: &str) -> &'static str {
        let elided = title
            .chars()
            .next()
            .is_some_and(|c| "aàâeéèêiîoôuhAÀÂEÉÈÊIÎOÔUH".contains(c));
        match self {
            TitleNoun::Plural | TitleNoun::FemininePlural => "les ",
            _ if elided => "l'",
            TitleNoun::Masculine => "le ",
            TitleNoun::Feminine => "la ",
        }
    }

    /// « à » joined to the article: « à la », « à l' », « au », « aux ».
    fn to(self, title: &str) -> &'static str {
        match self.article(title) {
            "les " => "aux ",
            "le " => "au ",
            "l'" => "à l'",
            _ => "à la ",
        }
    }

    /// « dénommée », « dénommé », « dénommés », agreeing with the noun.
    pub fn named(self) -> &'static str {
        match self {
            TitleNoun::Feminine => "dénommée",
            TitleNoun::Masculine => "dénommé",
            TitleNoun::Plural => "dénommés",
            TitleNoun::FemininePlural => "dénommées",
        }
    }
}

fn designated(av: &Avenant) -> (&str, TitleNoun, String) {
    let title = if av.title.is_empty() {
        "convention"
    } else {
        av.title.as_str()
    };
    let date = av.convention_date.as_deref().unwrap_or("[date]");
    let rest = if adopted_by_one_body(av) {
        format!("{title} du {date}")
    } else {
        format!("{title} du {date} entre {}", parties_names(&av.parties))
    };
    (title, TitleNoun::of(title), rest)
}

/// True when the amended document is adopted by one body (« statuts », « règlement »,
/// « charte », a licence its author issues) and names no parties: its modification has no « Entre : » block, no « en deux
/// exemplaires » and one signature (blind finding 18).
pub fn adopted_by_one_body(av: &Avenant) -> bool {
    av.parties.is_empty()
        && matches!(
            DocNoun::of(&av.title).word,
            "statuts" | "règlement" | "charte" | "conditions générales" | "licence"
        )
}

/// « la convention de partenariat du 2 avril 2021 entre l'ENA et la DINUM », « l'accord … »,
/// « les statuts … ».
pub fn convention_designation(av: &Avenant) -> String {
    let (title, noun, rest) = designated(av);
    format!("{}{rest}", noun.article(title))
}

/// « Avenant n° 1 à la convention … du … entre … et … », « … au contrat … », « … aux statuts … ».
/// A document adopted by one body: « Modification des statuts … », « Modification n° 2 du
/// règlement intérieur … ».
pub fn avenant_title(av: &Avenant) -> String {
    let (title, noun, rest) = designated(av);
    if adopted_by_one_body(av) {
        let numero = match av.numero {
            0 | 1 => String::new(),
            n => format!("n° {n} "),
        };
        return format!(
            "Modification {numero}{}",
            de(&format!("{}{rest}", noun.article(title)))
        );
    }
    format!("Avenant n° {} {}{rest}", av.numero, noun.to(title))
}

/// Feminine unless the name is known to be masculine (« L'État », « Le ministère »…).
pub fn party_is_feminine(p: &AvenantParty) -> bool {
    let short = p.short_name.as_deref().unwrap_or("").to_lowercase();
    if short.starts_with("la ") {
        return true;
    }
    if short.starts_with("le ") {
        return false;
    }
    let name = p.name.to_lowercase();
    // A person: « Monsieur Otmani Ayoub, ci-après dénommé « l'Intervenant » » (blind finding 12).
    let first = name.split([' ', ',']).next().unwrap_or("");
    if matches!(first, "madame" | "mme" | "mme." | "mademoiselle" | "mlle") {
        return true;
    }
    if matches!(first, "monsieur" | "m." | "mr" | "mr.") {
        return false;
    }
    if name.starts_with("la ") || name.starts_with("une ") {
        return true;
    }
    if name.starts_with("le ") || name.starts_with("un ") {
        return false;
    }
    const MASC: &[&str] = &[
        "état",
        "etat",
        "établissement",
        "etablissement",
        "institut",
        "office",
        "ministère",
        "centre",
        "conseil",
        "groupement",
        "syndicat",
        "opérateur",
        "rectorat",
        "département",
        "réseau",
    ];
    let first = name
        .trim_start_matches("l'")
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_string();
    !MASC.contains(&first.as_str())
}

/// « L'École nationale d'administration (ENA), ci-après dénommée « l'ENA », ».
pub fn party_line(p: &AvenantParty, style: &Style) -> String {
    match &p.short_name {
        Some(s) => format!(
            "{}, ci-après {} {},",
            p.name,
            if party_is_feminine(p) {
                "dénommée"
            } else {
                "dénommé"
            },
            quote(s, style)
        ),
        None => format!("{},", p.name),
    }
}

pub const ENTRE: &str = "Entre :";
pub const ET: &str = "Et :";

/// « ci-après dénommées ensemble « les parties », », in the masculine as soon as one party is
/// (« ensemble dénommés » for a commune and Monsieur X); the feminine for the unknown parties
/// « [partie A] », « [partie B] ».
pub fn ensemble(parties: &[AvenantParty], style: &Style) -> String {
    let feminine = parties.iter().all(party_is_feminine);
    format!(
        "ci-après {} ensemble {},",
        if feminine {
            "dénommées"
        } else {
            "dénommés"
        },
        quote("les parties", style)
    )
}

/// « Vu la convention … (ci-après dénommée la « convention »), ».
pub fn visa_convention(av: &Avenant, style: &Style) -> String {
    let noun = DocNoun::of(&av.title);
    let det = noun.the();
    let det = &det[..det.len() - noun.word.len()];
    format!(
        "Vu {} (ci-après {} {det}{}),",
        convention_designation(av),
        designated(av).1.named(),
        quote(noun.word, style)
    )
}

/// The decision that opens the modification of a document adopted by one body: « L'assemblée
/// générale extraordinaire décide : » (the body the document names, else a placeholder).
pub fn decides(organ: Option<&str>, style: &Style) -> String {
    format!(
        "{} décide{}",
        crate::text::capitalise(organ.unwrap_or(ORGAN_PLACEHOLDER)),
        colon(style)
    )
}

/// What the decision names when the document does not say who modifies it.
pub const ORGAN_PLACEHOLDER: &str = "[organe compétent]";

/// The motive of such a decision: « Considérant qu'il y a lieu de modifier les statuts afin de
/// … , ».
pub fn considerant(objet: Option<&str>, noun: DocNoun) -> String {
    match objet {
        Some(o) => format!(
            "Considérant qu'il y a lieu de modifier {} afin {},",
            noun.the(),
            de_inf(o)
        ),
        None => format!("Considérant qu'il y a lieu de modifier {},", noun.the()),
    }
}

pub fn expose_heading(style: &Style) -> String {
    format!("Il a été préalablement exposé ce qui suit{}", colon(style))
}

/// « Le présent avenant a pour objet de modifier la convention afin de … »; for a document
/// adopted by one body (`one_body`), whose act is a « modification », not an avenant: « Les
/// statuts sont modifiés afin de … ».
pub fn objet(objet: Option<&str>, noun: DocNoun, one_body: bool) -> String {
    if one_body {
        let the = capitalise(&noun.the());
        let modified = format!("{the} {} {}", noun.verb(), noun.agree("modifié"));
        return match objet {
            Some(o) => format!("{modified} afin {}.", de_inf(o)),
            None => format!("{modified}."),
        };
    }
    match objet {
        Some(o) => format!(
            "Le présent avenant a pour objet de modifier {} afin {}.",
            noun.the(),
            de_inf(o)
        ),
        None => format!(
            "Le présent avenant a pour objet de modifier {}.",
            noun.the()
        ),
    }
}

pub fn convenu(style: &Style) -> String {
    format!("Ceci exposé, il a été convenu ce qui suit{}", colon(style))
}

pub const AUTRES_STIPULATIONS_HEADING: &str = "Autres stipulations";
pub const AUTRES_STIPULATIONS: &str =
    "Les autres stipulations de la convention demeurent inchangées.";

/// Statuts, règlement and charte have dispositions, a convention or a contract stipulations.
fn provisions(noun: DocNoun) -> &'static str {
    if matches!(noun.word, "statuts" | "règlement" | "charte") {
        "dispositions"
    } else {
        "stipulations"
    }
}

/// « Autres stipulations », « Autres dispositions » (statuts, règlement, charte).
pub fn autres_stipulations_heading(noun: DocNoun) -> String {
    format!("Autres {}", provisions(noun))
}

/// « Les autres stipulations de la convention demeurent inchangées. », « … du contrat … »,
/// « Les autres dispositions des statuts … ».
pub fn autres_stipulations(noun: DocNoun) -> String {
    format!(
        "Les autres {} {} demeurent inchangées.",
        provisions(noun),
        noun.of_it()
    )
}
pub const ENTREE_EN_VIGUEUR_HEADING: &str = "Entrée en vigueur";

/// Entry into force: on signature, or on a set date; on its adoption for a document adopted
/// by one body (`one_body`), which no « dernière des parties » signs.
pub fn entree_en_vigueur(effet: Option<&str>, one_body: bool) -> String {
    match effet {
        Some(d) if one_body => format!("La présente modification prend effet le {d}."),
        Some(d) => format!("Le présent avenant prend effet le {d}."),
        None if one_body => {
            "La présente modification entre en vigueur à la date de son adoption.".into()
        }
        None => "Le présent avenant entre en vigueur à la date de sa signature par la dernière des parties.".into(),
    }
}

/// « Fait à \[lieu\], le \[date\]. », without « en … exemplaires »: a document adopted by one
/// body is signed once.
pub fn fait_a_once(lieu: Option<&str>, date: Option<&str>) -> String {
    format!(
        "Fait à {}, le {}.",
        lieu.unwrap_or("[lieu]"),
        date.unwrap_or("[date]")
    )
}

/// « Fait à \[lieu\], le \[date\], en deux exemplaires originaux. »
pub fn fait_a(lieu: Option<&str>, date: Option<&str>, parties: usize) -> String {
    format!(
        "Fait à {}, le {}, en {} exemplaires originaux.",
        lieu.unwrap_or("[lieu]"),
        date.unwrap_or("[date]"),
        cardinal(parties.max(2) as u32)
    )
}

/// « Pour l'ENA, » then the placeholder for the signatory.
pub fn signature(p: &AvenantParty) -> (String, String) {
    let who = p.short_name.clone().unwrap_or_else(|| p.name.clone());
    (
        format!("Pour {who},"),
        "[nom et fonction du signataire]".into(),
    )
}

#[cfg(test)]
mod party_tests {
    use super::*;

    fn party(name: &str, short: &str) -> AvenantParty {
        AvenantParty {
            name: name.into(),
            short_name: Some(short.into()),
        }
    }

    #[test]
    fn a_person_agrees_with_monsieur_or_madame() {
        let style = Style::default();
        let man = party(
            "Monsieur Otmani Ayoub, né le [date] à [lieu]",
            "l'Intervenant",
        );
        let woman = party("Madame Claire Martin", "l'Intervenante");
        let commune = party("La commune de Genas", "la Commune");
        assert!(party_line(&man, &style).contains("ci-après dénommé «"));
        assert!(party_line(&woman, &style).contains("ci-après dénommée «"));
        assert!(ensemble(&[commune.clone(), man], &style).contains("dénommés ensemble"));
        assert!(ensemble(&[commune, woman], &style).contains("dénommées ensemble"));
        assert!(ensemble(&[], &style).contains("dénommées ensemble"));
    }
}

#[cfg(test)]
mod title_noun_tests {
    use super::TitleNoun;

    #[test]
    fn the_article_follows_the_title_noun() {
        let cases = [
            ("convention de partenariat", "la ", "à la ", "dénommée"),
            ("accord-cadre de coopération", "l'", "à l'", "dénommé"),
            ("contrat de subvention", "le ", "au ", "dénommé"),
            ("statuts de l'association", "les ", "aux ", "dénommés"),
            (
                "conditions générales d'utilisation",
                "les ",
                "aux ",
                "dénommées",
            ),
            ("entente intercommunale", "l'", "à l'", "dénommée"),
            ("charte du référent", "la ", "à la ", "dénommée"),
        ];
        for (title, article, to, named) in cases {
            let noun = TitleNoun::of(title);
            assert_eq!(noun.article(title), article, "{title}");
            assert_eq!(noun.to(title), to, "{title}");
            assert_eq!(noun.named(), named, "{title}");
        }
    }
}
