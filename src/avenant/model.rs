//! The amendment model: an [`Avenant`] is a header (convention, parties, objet, dates) and
//! amending articles made of [`Instruction`]s `{target, op}`. The renderer writes it as French
//! text, `read` parses such text back into it, and `apply` executes it on a convention.

use serde::Serialize;

/// An avenant: everything [`crate::avenant::render`] writes, and everything `parse_avenant` reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Avenant {
    /// « Avenant n° 1 ».
    pub numero: u32,
    /// The convention as cited after « à la » (« convention de partenariat »), lower case.
    pub title: String,
    /// The convention's date as written (« 2 avril 2021 »), if known.
    pub convention_date: Option<String>,
    /// The parties, as the convention names them.
    pub parties: Vec<AvenantParty>,
    /// Visas other than the convention's own (« Vu le code de la commande publique »).
    pub visa: Vec<String>,
    /// The motive, written after « afin de » (without final period).
    pub objet: Option<String>,
    /// For a document adopted by one body (statuts, règlement, charte, conditions générales),
    /// the body that decides its modification, as the document names it (« l'assemblée
    /// générale extraordinaire », « la DINUM »); `None`: not said, a placeholder is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    /// The amending articles, in order (the closing « Autres stipulations » and « Entrée en
    /// vigueur » articles are not stored: the renderer always writes them).
    pub articles: Vec<AmendingArticle>,
    /// Entry into force on a set date (« prend effet le … »); `None`: on signature.
    pub effet: Option<String>,
    /// Where it is signed (« Fait à Strasbourg »), if known.
    pub lieu: Option<String>,
    /// When it is signed, as written, if known.
    pub date: Option<String>,
    /// The sentences as the avenant's text wrote them (filled by `parse_avenant`), quoted in
    /// `apply`'s messages instead of the normalised sentence.
    #[serde(skip)]
    pub written: Written,
}

/// Per amending article, per instruction, the sentence it was read from as the jurist wrote it
/// (« Le 2° de l'article 5 est abrogé. », not the reader's « est supprimé »). Wording only: it
/// never changes what an avenant does, so two avenants that differ only here are equal.
#[derive(Debug, Clone, Default)]
pub struct Written(pub Vec<Vec<String>>);

impl PartialEq for Written {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Written {}

impl Avenant {
    /// The sentence of the `instruction`-th instruction of the `article`-th amending article
    /// (0-based) as written in the avenant's text, when it was read from one.
    pub fn written(&self, article: usize, instruction: usize) -> Option<&str> {
        self.written
            .0
            .get(article)?
            .get(instruction)
            .map(String::as_str)
    }
}

/// A party: « L'École nationale d'administration (ENA) », ci-après dénommée « l'ENA ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct AvenantParty {
    /// The name in full (« L'École nationale d'administration (ENA) »).
    pub name: String,
    /// The name it is called by afterwards (« l'ENA »), if any.
    pub short_name: Option<String>,
}

/// « Article 1er – Modification de l'article 7 de la convention » and its instructions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmendingArticle {
    pub number: u32,
    pub heading: String,
    pub instructions: Vec<Instruction>,
}

/// One operation on one unit of the convention: one sentence, or one 1° item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instruction {
    pub target: Target,
    pub op: Op,
}

/// The unit of the convention an instruction points into.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Unit {
    /// The whole convention (add an article or an annex, renumber, replace everywhere).
    Convention,
    /// An article or sub-article by its label: `1er`, `4 bis`, `2.4.2`.
    Article {
        label: String,
    },
    /// An article whose number the text does not write (statuts whose sections are « ## Objet »,
    /// « ## Siège »), named by its heading as the text names it: « l'article intitulé
    /// « Objet » » (see [`crate::model::Node::number_is_implicit`]).
    TitledArticle {
        heading: String,
        /// Which of the articles so titled, in document order (1-based), when several share
        /// the heading: « le deuxième article des statuts intitulé « Bureau » ».
        #[serde(skip_serializing_if = "Option::is_none")]
        rank: Option<u32>,
    },
    /// An annex by its label (`2`, `I`), or the only, unnumbered annex.
    Annex {
        label: Option<String>,
    },
    Preambule,
    /// A party of the « Entre … Et … » block, by rank (1-based): « la désignation de la
    /// première partie ».
    Party {
        rank: u32,
    },
    /// The « Entre … Et … » block's own lines (« Entre : », « Et », « ci-après dénommées
    /// ensemble … »), its parties aside: « le bloc des parties ».
    Parties,
    /// The visas (« Vu … »), each one an alinéa: « le deuxième alinéa des visas ».
    Visas,
    /// The signature block (« Fait à …, le … », the signatories): « le bloc des signatures ».
    Signatures,
    /// A division (titre, chapitre, section…) by its label as written: `Titre II`.
    Division {
        label: String,
    },
    /// A footnote by its number: « la note de bas de page n° 2 ».
    Note {
        label: String,
    },
}

impl Unit {
    /// An article unit; the label is cited as légistique writes it (`1` → `1er`).
    pub fn article(label: &str) -> Unit {
        Unit::Article {
            label: canonical_label(label),
        }
    }
    /// An article named by its heading alone (`rank`: which of several so titled).
    pub fn titled(heading: &str, rank: Option<u32>) -> Unit {
        Unit::TitledArticle {
            heading: heading.to_string(),
            rank,
        }
    }
    pub fn annex(label: Option<&str>) -> Unit {
        Unit::Annex {
            label: label.map(str::to_string),
        }
    }
}

/// `1` and `premier` are cited `1er`; `5 BIS` is `5 bis` (the Latin word only: `47 bis-1-A`
/// keeps its capital); other labels unchanged.
pub fn canonical_label(label: &str) -> String {
    // « 2 du titre 1 »: an article numbered again in each division, named with its division
    // (the division's name kept as written).
    if let (art, Some(division)) = split_division(label) {
        let division: Vec<&str> = division.split_whitespace().collect();
        return format!("{} {}", canonical_label(art), division.join(" "));
    }
    let compact: Vec<&str> = label.split_whitespace().collect();
    let joined = compact.join(" ");
    let lower = joined.to_lowercase();
    if lower == "1" || lower == "premier" || lower == "1er" || lower == "1 er" {
        return "1er".into();
    }
    match joined.split_once(' ') {
        Some((n, suffix)) if suffix.chars().count() > 1 => {
            let (word, rest) = suffix.split_at(suffix.find(['-', '‑']).unwrap_or(suffix.len()));
            // Only the Latin word: an article named by words (« Annexe Tableau ») keeps them.
            let latin = crate::parse::headings::LATIN_SUFFIX
                .split('|')
                .any(|l| l.eq_ignore_ascii_case(word));
            if !latin {
                return joined;
            }
            format!("{n} {}{rest}", word.to_lowercase())
        }
        _ => joined,
    }
}

/// An article label and the division that tells it apart, when it has one: « 2 du titre 1 »
/// → (« 2 », « du titre 1 »).
pub fn split_division(label: &str) -> (&str, Option<&str>) {
    match [" du ", " de la ", " de l'"]
        .iter()
        .filter_map(|p| label.find(p))
        .min()
    {
        Some(i) => (&label[..i], Some(label[i..].trim())),
        None => (label, None),
    }
}

/// A position among the alinéas, phrases or rows of a unit, as the text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "n", rename_all = "kebab-case")]
pub enum Position {
    /// The n-th (1-based): « le troisième alinéa ».
    Nth(u32),
    /// The second of exactly two: « la seconde phrase ».
    Second,
    /// « le dernier alinéa ».
    Last,
    /// « l'avant-dernier alinéa ».
    BeforeLast,
}

impl Position {
    /// How légistique names the `n`-th of `total` units: « second » when there are exactly
    /// two, « dernier » for the last of three or more, the ordinal otherwise.
    pub fn of(n: u32, total: u32) -> Position {
        if total == 2 && n == 2 {
            Position::Second
        } else if total >= 3 && n == total {
            Position::Last
        } else {
            Position::Nth(n)
        }
    }

    /// The 1-based index this position designates among `total` units, if it exists.
    pub fn resolve(self, total: usize) -> Option<usize> {
        let i = match self {
            Position::Nth(n) => n as usize,
            Position::Second => 2,
            Position::Last => total,
            Position::BeforeLast => total.checked_sub(1)?,
        };
        (i >= 1 && i <= total).then_some(i)
    }
}

/// The count of `Op::RewriteAlineas` that runs to the unit's last alinéa (« Le préambule est
/// désormais rédigé comme suit : » rewrites all of it).
pub const ALL_ALINEAS: u32 = u32::MAX;

/// What an instruction points at, named from the smallest unit up: « la seconde phrase du
/// deuxième alinéa de l'article 7 », « le b du 1° de l'article 4 », « la troisième ligne du
/// tableau figurant à l'annexe 2 », « l'intitulé de l'article 4 ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    pub unit: Unit,
    /// The unit's heading (intitulé) rather than its text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
    /// A row of the unit's (first) table; the header row is the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<Position>,
    /// A list item by marker, outermost first: `["1°", "b"]` is « le b du 1° ».
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<String>,
    /// An alinéa (every line of the unit counts, items included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alinea: Option<Position>,
    /// An alinéa designated by the words it begins with (« l'alinéa commençant par les
    /// mots : « Un an au moins » »); `apply` finds the one alinéa of the unit so opening.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alinea_starts: Option<String>,
    /// A phrase of the alinéa (or item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phrase: Option<Position>,
}

impl Target {
    pub fn unit(unit: Unit) -> Target {
        Target {
            unit,
            heading: false,
            row: None,
            item: Vec::new(),
            alinea: None,
            alinea_starts: None,
            phrase: None,
        }
    }
    pub fn article(label: &str) -> Target {
        Target::unit(Unit::article(label))
    }
    pub fn convention() -> Target {
        Target::unit(Unit::Convention)
    }
    pub fn with_alinea(mut self, p: Position) -> Target {
        self.alinea = Some(p);
        self
    }
    pub fn with_alinea_starting(mut self, words: &str) -> Target {
        self.alinea_starts = Some(words.to_string());
        self
    }
    pub fn with_phrase(mut self, p: Position) -> Target {
        self.phrase = Some(p);
        self
    }
    pub fn with_item(mut self, marker: &str) -> Target {
        self.item.push(marker.to_string());
        self
    }
    pub fn with_row(mut self, p: Position) -> Target {
        self.row = Some(p);
        self
    }
    pub fn with_heading(mut self) -> Target {
        self.heading = true;
        self
    }
    /// True when the target is the unit itself (no alinéa, item, row, phrase or heading).
    pub fn is_whole_unit(&self) -> bool {
        !self.heading
            && self.row.is_none()
            && self.item.is_empty()
            && self.alinea.is_none()
            && self.alinea_starts.is_none()
            && self.phrase.is_none()
    }
}

/// A typed value, cited by its noun: « la date : « … » est remplacée par la date : « … » ».
/// The shared [`crate::text::value::ValueKind`]; the avenant's JSON names it in French
/// (`"montant"`, `"duree"`).
pub type ValueType = crate::text::value::ValueKind;

/// Where inserted words go, relative to an anchor of existing words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "words", rename_all = "kebab-case")]
pub enum Anchor {
    After(String),
    Before(String),
}

/// Where a new division goes, relative to its target: after the target (an article or a
/// division), first in it, or last in it (a division, or the convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    After,
    Start,
    End,
}

/// Start or end of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlineaAt {
    Start,
    End,
}

/// What an instruction does to its target. Texts are normalised (`normalise::inline`): plain
/// spaces, « » quotes, `'` apostrophes. Alinéas are whole lines, list markers included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Op {
    /// « les mots : « old » sont remplacés par les mots : « new » » (or « la date », « le montant »…).
    ReplaceWords {
        old: String,
        new: String,
        #[serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "crate::text::value::serialize_french"
        )]
        value_type: Option<ValueType>,
    },
    /// « les mots : « old » sont remplacés, deux fois, par les mots : « new » » (`times`), or
    /// « …, à chaque occurrence, par … » (`None`): every occurrence in the target, and exactly
    /// `times` of them when the act counts them.
    ReplaceWordsEach {
        old: String,
        new: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        times: Option<u32>,
    },
    /// « après le mot : « a », sont insérés les mots : « w » ».
    InsertWords {
        anchor: Anchor,
        words: String,
    },
    /// « Au début du …, sont ajoutés les mots : « w » ».
    AddWordsAtStart {
        words: String,
    },
    /// « … est complété par les mots : « w » » (before the final punctuation).
    AddWordsAtEnd {
        words: String,
    },
    /// « les mots : « w » sont supprimés »; with `to_end`, « … et la fin de la phrase sont supprimés ».
    DeleteWords {
        words: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        to_end: bool,
    },
    /// « Après le mot : « a », la fin du premier alinéa … est ainsi rédigée : « w » »: what
    /// follows the words `after` to the end of the target (its phrase, else its alinéa) is
    /// replaced by `text`.
    RewriteEnd {
        after: String,
        text: String,
    },
    /// « La deuxième phrase du … est ainsi rédigée : « … » ».
    RewritePhrase {
        text: String,
    },
    /// « Après la première phrase du …, est insérée une phrase ainsi rédigée : « … » ».
    InsertPhrase {
        text: String,
    },
    /// « Le premier alinéa … est complété par une phrase ainsi rédigée : « … » ».
    AddPhrase {
        text: String,
    },
    /// « La dernière phrase du … est supprimée. »
    DeletePhrase,
    /// `count` alinéas (or items, or rows) from the target are replaced by `alineas`.
    RewriteAlineas {
        count: u32,
        alineas: Vec<String>,
    },
    /// New alinéas after the target alinéa (item, row).
    InsertAlineas {
        alineas: Vec<String>,
    },
    /// New alinéas before the target alinéa: « Avant l'alinéa commençant par les mots : « … »,
    /// il est inséré un alinéa ainsi rédigé : ».
    InsertAlineasBefore {
        alineas: Vec<String>,
    },
    /// New alinéas at the start or the end of the target unit.
    AddAlineas {
        at: AlineaAt,
        alineas: Vec<String>,
    },
    /// `count` alinéas (items, rows) from the target are deleted.
    DeleteAlineas {
        count: u32,
    },
    /// The target article quoted whole, heading included.
    RewriteArticle {
        heading: Option<String>,
        alineas: Vec<String>,
    },
    /// A new article (« 5 bis ») after the target article.
    InsertArticle {
        label: String,
        heading: Option<String>,
        alineas: Vec<String>,
    },
    /// A new article first in the target article (a sub-article) or division: « Au début du
    /// chapitre II, il est inséré un article 7 ainsi rédigé : ».
    InsertArticleFirst {
        label: String,
        heading: Option<String>,
        alineas: Vec<String>,
    },
    /// A new article before the target article, at its level: « Avant l'article 1er, il est
    /// inséré un article 1er A ainsi rédigé : ».
    InsertArticleBefore {
        label: String,
        heading: Option<String>,
        alineas: Vec<String>,
    },
    /// A new article after the last one (target: the convention).
    AddArticle {
        label: String,
        heading: Option<String>,
        alineas: Vec<String>,
    },
    DeleteArticle,
    /// « Les articles 6 à 9 deviennent respectivement les articles 7 à 10. »
    Renumber {
        from: Vec<String>,
        to: Vec<String>,
    },
    /// « Les annexes 3 à 5 deviennent respectivement les annexes 2 à 4. »
    RenumberAnnexes {
        from: Vec<String>,
        to: Vec<String>,
    },
    /// « L'intitulé de l'article 4 est ainsi rédigé : « … ». »
    RewriteHeading {
        heading: String,
    },
    /// The annex quoted whole; `blocks` are its lines (table rows as `a | b`).
    RewriteAnnex {
        heading: Option<String>,
        blocks: Vec<String>,
    },
    /// « La convention est complétée par une annexe 4 ainsi rédigée : ».
    AddAnnex {
        label: Option<String>,
        heading: Option<String>,
        blocks: Vec<String>,
    },
    DeleteAnnex,
    /// « Avant l'annexe 1, il est inséré une annexe 1 A ainsi rédigée : »: a new annex placed
    /// before the target annex (the first annexes of the convention stay where they are).
    InsertAnnexBefore {
        label: Option<String>,
        heading: Option<String>,
        blocks: Vec<String>,
    },
    /// A part outside the articles (a party's designation, the visas, the signature block)
    /// quoted whole, tables as `a | b` rows: « Le bloc des signatures est ainsi rédigé : ».
    RewriteBlock {
        lines: Vec<String>,
    },
    /// « Les visas de la convention sont supprimés. »
    DeleteBlock,
    /// An unnumbered intertitle inside an article, before the target alinéa (designated by
    /// its first words): « À l'article 3, avant l'alinéa commençant par les mots : « Les
    /// tarifs », il est inséré un intertitre ainsi rédigé : « Montants » ». The alinéas from
    /// that one to the next intertitle go under it.
    InsertIntertitle {
        heading: String,
    },
    /// A new division (titre, chapitre, section…) quoted whole: its heading, then its lines —
    /// the headings of the divisions and articles it holds (« Section 1 : … », « Article 7 »)
    /// and their alinéas: « Après le chapitre IV, il est inséré un chapitre IV bis ainsi
    /// rédigé : », « Au début du titre II, … », « Le chapitre II est complété par une section 4 ».
    InsertDivision {
        place: Place,
        /// As written: `Chapitre IV bis`.
        label: String,
        heading: Option<String>,
        lines: Vec<String>,
    },
    /// The division's heading removed, what it holds kept in its place under the division
    /// enclosing it: « La division et l'intitulé de la section 1 du chapitre II sont
    /// supprimés. » (the formula of codes when a level of division disappears).
    UnwrapDivision,
    /// A préambule where the convention had none, before the unit targeted (the first article
    /// or the division holding it): « Avant l'article 1er de la convention, il est inséré un
    /// préambule ainsi rédigé : ».
    InsertPreambule {
        alineas: Vec<String>,
    },
    /// « La convention est complétée par une note de bas de page n° 4 ainsi rédigée : ».
    AddNote {
        label: String,
        text: String,
    },
    /// « Dans l'ensemble de la convention, les mots : « old » sont remplacés par les mots : « new ». »
    ReplaceEverywhere {
        old: String,
        new: String,
        /// A date, an amount… replaced throughout is announced by its noun.
        #[serde(serialize_with = "crate::text::value::serialize_french")]
        value_type: Option<ValueType>,
    },
}

impl Op {
    /// The number of alinéas this op writes (used for agreement: « un alinéa », « deux alinéas »).
    pub fn new_alineas(&self) -> usize {
        match self {
            Op::RewriteAlineas { alineas, .. }
            | Op::InsertAlineas { alineas }
            | Op::InsertAlineasBefore { alineas }
            | Op::AddAlineas { alineas, .. }
            | Op::InsertPreambule { alineas } => alineas.len(),
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cited_canonically() {
        assert_eq!(canonical_label("1"), "1er");
        assert_eq!(canonical_label("premier"), "1er");
        assert_eq!(canonical_label("5  BIS"), "5 bis");
        assert_eq!(canonical_label("2.4.2"), "2.4.2");
        assert_eq!(canonical_label("5 A"), "5 A");
        assert_eq!(canonical_label("47 BIS-1-A"), "47 bis-1-A");
        assert_eq!(canonical_label("Annexe Tableau"), "Annexe Tableau");
        assert_eq!(canonical_label("Annexe  III"), "Annexe III");
        // An article numbered again in each titre, named with its titre.
        assert_eq!(canonical_label("1  du titre II"), "1er du titre II");
        assert_eq!(split_division("2 du titre 1"), ("2", Some("du titre 1")));
        assert_eq!(split_division("5 bis"), ("5 bis", None));
    }

    #[test]
    fn positions() {
        assert_eq!(Position::of(2, 2), Position::Second);
        assert_eq!(Position::of(3, 3), Position::Last);
        assert_eq!(Position::of(1, 3), Position::Nth(1));
        assert_eq!(Position::Last.resolve(3), Some(3));
        assert_eq!(Position::BeforeLast.resolve(3), Some(2));
        assert_eq!(Position::Nth(4).resolve(3), None);
    }
}
