//! The avenant reader's regular expressions: headings, boilerplate, the sentence formulas
//! (`R_*`) and the noun-phrase pieces (`P_*`) that designate a unit of the convention.

use regex::{Captures, Match, Regex, Replacer};
use std::borrow::Cow;
use std::sync::LazyLock;

/// A formula of the reader: its regex, compiled on first use, and the words every text it
/// matches contains. A text that lacks them is not matched, and the regex is neither tried nor
/// compiled: a run of `apply` compiles only the formulas its avenant's sentences may use (they
/// cost most of the run when all 80 were compiled, whatever the avenant).
///
/// `needles` are groups: each group must have one of its words in the text, in any case. The
/// words are ASCII in lower case, or signs without case (« § », « ° », « « »), and stand in
/// every text the regex matches — in debug builds each refusal is checked against the regex.
pub(super) struct Formula {
    needles: &'static [&'static [&'static str]],
    re: LazyLock<Regex>,
}

impl Formula {
    pub(super) const fn new(
        needles: &'static [&'static [&'static str]],
        re: fn() -> Regex,
    ) -> Self {
        check_needles(needles);
        Formula {
            needles,
            re: LazyLock::new(re),
        }
    }

    /// Whether `h` holds the words of every group (so that the regex may match it).
    fn may_match(&self, h: &str) -> bool {
        let ok = self
            .needles
            .iter()
            .all(|group| group.iter().any(|n| contains_folded(h, n)));
        debug_assert!(
            ok || !self.re.is_match(h),
            "the words {:?} of the formula « {} » are missing from a text it matches: « {h} »",
            self.needles,
            self.re.as_str()
        );
        ok
    }

    /// The compiled regex (for what the methods below do not cover).
    #[cfg(test)]
    pub(super) fn regex(&self) -> &Regex {
        &self.re
    }

    pub(super) fn is_match(&self, h: &str) -> bool {
        self.may_match(h) && self.re.is_match(h)
    }

    pub(super) fn captures<'h>(&self, h: &'h str) -> Option<Captures<'h>> {
        if self.may_match(h) {
            self.re.captures(h)
        } else {
            None
        }
    }

    pub(super) fn find<'h>(&self, h: &'h str) -> Option<Match<'h>> {
        if self.may_match(h) {
            self.re.find(h)
        } else {
            None
        }
    }

    pub(super) fn find_iter<'r, 'h>(
        &'r self,
        h: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.may_match(h)
            .then(|| self.re.find_iter(h))
            .into_iter()
            .flatten()
    }

    pub(super) fn replace<'h, R: Replacer>(&self, h: &'h str, rep: R) -> Cow<'h, str> {
        if self.may_match(h) {
            self.re.replace(h, rep)
        } else {
            Cow::Borrowed(h)
        }
    }

    pub(super) fn replace_all<'h, R: Replacer>(&self, h: &'h str, rep: R) -> Cow<'h, str> {
        if self.may_match(h) {
            self.re.replace_all(h, rep)
        } else {
            Cow::Borrowed(h)
        }
    }
}

/// Needles in ASCII lower case, or the caseless signs « § », « ° », « « », « ¤ » — checked
/// when the statics are built, at compile time.
const fn check_needles(needles: &[&[&str]]) {
    let mut g = 0;
    while g < needles.len() {
        let mut k = 0;
        while k < needles[g].len() {
            let b = needles[g][k].as_bytes();
            assert!(!b.is_empty(), "empty needle");
            let mut i = 0;
            while i < b.len() {
                assert!(!b[i].is_ascii_uppercase(), "needle in upper case");
                if b[i] >= 0x80 {
                    assert!(
                        b[i] == 0xC2
                            && i + 1 < b.len()
                            && matches!(b[i + 1], 0xA7 | 0xB0 | 0xAB | 0xA4),
                        "needle with a letter that has a case outside ASCII"
                    );
                    i += 1;
                }
                i += 1;
            }
            k += 1;
        }
        g += 1;
    }
}

/// Whether `h` contains `needle` (ASCII lower case, or caseless signs) in any case. Under `(?i)`
/// two non-ASCII letters also match ASCII ones, « ſ » (s) and « K » (Kelvin, k): a text holding
/// either is let through.
fn contains_folded(text: &str, needle: &str) -> bool {
    let (h, n) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    let found = h.len() >= n.len()
        && (0..=h.len() - n.len()).any(|i| {
            h[i].to_ascii_lowercase() == first && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest)
        });
    found || (needle.contains(['s', 'k']) && text.contains(['ſ', '\u{212A}']))
}

pub(super) const NOUN: &str = r"(?:l'appel de note|les mots|le mot|les termes|le terme|l'expression|la mention|la date|le montant|le nombre|le taux|la durée|la référence|les références|la somme|les chiffres|le chiffre|le signe|les signes|l'année|les années)";
pub(super) const ORD: &str = r"(?:avant-derni[eè]re?|derni[eè]re?|premi[eè]re?|premier|seconde?|(?:[a-z]+(?:-[a-z]+)* et )?[a-zé-]+ième|\d+(?:e|ème|er|re))";

/// The amended document's nouns (« convention », « contrat », « statuts »…), after an optional
/// « présent(e)(s) »: what the act calls the document (wording's `DocNoun`).
pub(super) fn doc() -> String {
    format!(
        "(?:présentes? |présents? )?(?:{})",
        crate::avenant::formules::DOC_NOUNS
    )
}

/// « de la convention », « du contrat », « de l'accord », « des statuts ».
pub(super) fn de_doc() -> String {
    format!("(?:de la |du |de l'|des ){}", doc())
}

pub(super) fn re(pattern: &str) -> Regex {
    let p = pattern
        .replace("DE_THEDOC", &de_doc())
        .replace("THEDOC", &doc())
        .replace("NOUN", NOUN)
        .replace("ORD", ORD);
    Regex::new(&format!("(?i){p}")).expect("valid regex")
}

pub(super) static TITLE: Formula = Formula::new(&[&["avenant", "modification"]], || {
    re(
        r"^(?:avenant\s+n°\s*(\d+)\s+(?:(?:à|a)\s+(?:la |le |les |l')?|aux?\s+)|modification\s+(?:n°\s*(\d+)\s+)?(?:des |du |de la |de l'))(.+?)(?:\s+du\s+(\S*\d.*?|\[date\]))?(?:\s+entre\s+.+)?$",
    )
});
/// The avenant's own article headings: « Article 2 – Objet », « Article 1er », « Article
/// premier », « Article unique », and the decree style « Art. 1er. – … ».
pub(super) static ARTICLE: Formula = Formula::new(&[&["art"]], || {
    re(r"^(?:article|art\.)\s*(\d+|premier|unique)\s*(?:er)?\s*\.?\s*(?:[–:.\-—]\s*(.*))?$")
});
/// A sentence that amends a text: what must never stand outside an article of the avenant.
pub(super) static INSTRUCTION_LIKE: Formula = Formula::new(&[&["est", "sont", "devien"]], || {
    re(
        r"\b(?:est|sont)\s+(?:ainsi\s+(?:rédigée?s?|modifiée?s?)|(?:supprimée?s?\s+et\s+)?remplacée?s?\s+par|supprimée?s?|abrogée?s?|complétée?s?\s+par|modifiée?s?\s+comme\s+suit|insérée?s?|ajoutée?s?)\b|\bil\s+est\s+(?:inséré|ajouté)|\bdevien(?:nen)?t\s+(?:respectivement\s+)?l(?:es|')\s*articles?\b",
    )
});
/// The avenant's own boilerplate inside an article (objet, entry into force, « les autres
/// stipulations demeurent inchangées »): skipped, never an instruction.
pub(super) static BOILERPLATE: Formula = Formula::new(
    &[&["avenant", "modifi", "vigueur", "autres"]],
    || {
        re(
            r"^(?:le présent avenant\b|la présente modification\b|les frais (?:de publication|d'impression|d'enregistrement)\b.*\b(?:du présent avenant|dudit avenant)\b.*\b(?:sont|seront) (?:supportés|à la charge)\b|(?:les |la |le )?(?:dispositions|stipulations|clauses) du présent avenant\b|l'avenant\s+(?:entre en vigueur|prend effet)\b|il (?:demeure|reste) en vigueur jusqu'au terme DE_THEDOC\b|les autres (?:stipulations|dispositions|clauses)\b.*\b(?:demeurent|restent)\b|(?:la |le |les |l')THEDOC\b[^«»:]{0,120}?\bainsi modifiée?s?\s+(?:est|sont)\s+(?:référencée?s?|enregistrée?s?|identifiée?s?)\b)",
        )
    },
);
pub(super) static PARTY: Formula = Formula::new(&[&["ci-apr"]], || {
    re(r"^(.+?),?\s+ci-après\s+(?:dénommée?s?|désignée?s?)\s+(.+?),?$")
});
pub(super) static OBJET: Formula = Formula::new(&[&["modifi"]], || {
    re(
        r"^(?:le présent avenant a pour objet de modifier (?:la |le |les |l')THEDOC|(?:la |le |les |l')THEDOC (?:est|sont) modifiée?s?|considérant qu'il y a lieu de modifier (?:la |le |les |l')THEDOC)(?:\s+afin\s+(?:de|d')\s*(.+?))?\s*[.,]?$",
    )
});
/// « L'assemblée générale extraordinaire décide : »: the body that decides a modification of
/// statuts (and the like).
pub(super) static DECIDES: Formula =
    Formula::new(&[&["cide"]], || re(r"^(.{1,80}?)\s+décide\s*:$"));
pub(super) static EFFET: Formula = Formula::new(&[&["effet"]], || {
    re(r"prend effet (?:le|au|à compter du) (.+?)\s*\.?$")
});
pub(super) static FAIT: Formula = Formula::new(&[&["fait"]], || {
    re(r"^fait à ([^,]+?)\s*,\s*le\s+([^,]+?)\s*(?:,.*)?\.?$")
});
/// « Il a été convenu que les modifications suivantes sont apportées à la convention du 21 mai
/// 1889 : » (1889 avenant, Sud de la France): the sentence that announces the instructions.
pub(super) static INTRO: Formula = Formula::new(&[&["modifications"]], || {
    re(
        r"^(?:il a été (?:convenu|décidé|arrêté) (?:que|qu'))?\s*les modifications suivantes (?:sont|seront) apportées (?:à|aux|au)[^:]*:?$",
    )
});
/// « Paris, le 19 juin 1889 »: the place and date of signature, alone on a line. The place's
/// length (at most 41 letters) is checked by [`place_date`]: a bounded repetition of a Unicode
/// class, `{1,40}`, compiled to 40 copies of it and cost a fifth of a whole `apply` run.
/// Letters without case folding: `(?i)` on `\p{L}` folds every letter of Unicode, ten times
/// the cost of the rest of the pattern.
static PLACE_DATE: Formula = Formula::new(&[&[","], &["le"]], || {
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{L}' -]+),\s+(?i:le)\s+(?:\d{1,2}|(?i:1er))\s+\p{L}+\s+\d{4}\.?$",
    )
    .expect("valid regex")
});

/// Whether `t` is a place and date of signature alone on its line (« Paris, le 19 juin 1889 »).
pub(super) fn place_date(t: &str) -> bool {
    // It ends with a year: most lines are told apart without compiling the regex (its letter
    // classes alone cost 7 M instructions).
    let year_last = t
        .strip_suffix('.')
        .unwrap_or(t)
        .chars()
        .last()
        .is_some_and(char::is_numeric);
    year_last
        && PLACE_DATE
            .captures(t)
            .is_some_and(|c| c["place"].chars().count() <= 41)
}
/// An instruction of an avenant without article headings: « 1° A l'article 3 est ajouté … ».
pub(super) static NUMBERED: Formula = Formula::new(&[&["°"]], || re(r"^(\d+)°\s+([^«\s].*)$"));
/// The imperative of minutes, its quotations on the lines that follow: « Remplacer dans
/// l'article 3 des statuts : » (Zeste de Savoir, AGE of 25 November 2023).
pub(super) static MINUTES_REPLACE: Formula = Formula::new(&[&["remplacer"]], || {
    re(r"^remplacer\s+(?:dans|à|a|au)\s+[^«]+?:?$")
});
/// An item of « est ainsi modifié : » — « 1° », « 2° bis », « a) ».
pub(super) static ITEM: Formula = Formula::new(&[], || {
    re(r"^(\d+°(?:\s*(?:bis|ter))?|[a-z]\)|\d+(?:\.\d+)*\.|[IVXLC]+\.?\s*[-–—]|[–—])\s+(.*)$")
});
/// The title line an avenant article often has under its heading (« Article 1er » then
/// « Modification de l'article 1.1 de la convention ») — never an instruction.
pub(super) static ARTICLE_TITLE: Formula = Formula::new(
    &[&[
        "modification",
        "ajout",
        "insertion",
        "suppression",
        "abrogation",
        "criture",
        "remplacement",
        "compl",
        "renum",
        "vigueur",
        "effet",
        "objet",
    ]],
    || {
        re(
            r"^(?:modification|modifications|ajout|insertion|suppression|abrogation|réécriture|remplacement|complément|renumérotation|entrée en vigueur|prise d'effet|objet)\b[^:;]*$",
        )
    },
);
/// The unit such a title names: « Modification de l'article 1.1 », « … du point 7.3 de la
/// convention », « … du préambule ».
pub(super) static TITLE_UNIT: Formula = Formula::new(
    &[&["modification", "criture", "compl"]],
    || {
        re(
            r"^(?:modifications?|réécriture|complément)\s+(?:de l'|du |des |de la )(?P<t>.+?)\s*\.?$",
        )
    },
);

pub(super) static R_REPLACE: Formula = Formula::new(&[&["rempla"], &["§"]], || {
    re(
        r"^(?:(?P<loc>.+?),\s*|(?P<loc2>(?:au|aux|[àa]|dans)\s.+?)\s+)?(?:(?P<n1>NOUN)(?:\s+d[e'])?\s*:?\s*)?§(?P<q1>\d+),?\s+(?:est|sont)\s+(?:supprimée?s?\s+et\s+)?remplacée?s?\s+par\s*:?\s*(?:(?P<n2>NOUN)\s*:?\s*)?§(?P<q2>\d+)$",
    )
});
pub(super) static R_INSERT_W: Formula = Formula::new(
    &[&["apr", "avant"], &["ins", "ajout"], &["§"]],
    || {
        re(
            r"^(?:(?P<loc>.+?),\s*|(?P<loc2>(?:au|aux|[àa]|dans)\s[^,§]+?)\s+)?(?P<rel>après|avant)\s+(?:NOUN\s*:?\s*)?§(?P<q1>\d+),?\s+(?:il\s+)?(?:est|sont)\s+(?:inséré|ajouté)e?s?\s+(?:NOUN\s*:?\s*)?§(?P<q2>\d+)$",
        )
    },
);
pub(super) static R_START_W: Formula = Formula::new(&[&["au d"], &["§"]], || {
    re(
        r"^au début (?P<t>.+?),\s*(?:il\s+)?(?:est|sont)\s+(?:ajouté|inséré)e?s?\s+(?:NOUN\s*:?\s*)?§(?P<q>\d+)$",
    )
});
/// « Après le mot : « mariage », la fin du premier alinéa de l'article 171 est ainsi rédigée :
/// « … » » (TA n° 376, 2009): what follows the words to the end of the unit is rewritten.
pub(super) static R_END_REWRITE: Formula = Formula::new(&[&["apr"], &["fin"], &["ainsi"]], || {
    re(
        r"^après\s+(?:NOUN\s*:?\s*)?§(?P<a>\d+),?\s+la\s+fin\s+(?P<t>(?:du|de\s+la|de\s+l'|des|de)\s.+?)\s+est\s+ainsi\s+rédigée\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
/// « Le premier alinéa … est complété par les mots et une phrase ainsi rédigée : « w. P. » »
/// (TA n° 376, 2009): words, then a whole sentence, at the end of the unit.
pub(super) static R_END_WORDS_PHRASE: Formula = Formula::new(
    &[&["compl"], &["phrase"], &["ainsi"], &["§"]],
    || {
        re(
            r"^(?P<t>.+?)\s+est\s+complétée?\s+par\s+les\s+mots\s+et\s+(?:une|deux|trois)\s+phrases?\s+ainsi\s+rédigée?s?\s*:?\s*§(?P<q>\d+)$",
        )
    },
);
pub(super) static R_END_W: Formula = Formula::new(&[&["compl"], &["§"]], || {
    re(r"^(?P<t>.+?)\s+est\s+complétée?\s+par\s+(?:NOUN\s*:?\s*)?§(?P<q>\d+)$")
});
pub(super) static R_DEL_W: Formula = Formula::new(&[&["supprim", "abrog"], &["§"]], || {
    re(
        r"^(?:(?P<loc>.+?),\s*|(?P<loc2>(?:au|aux|[àa]|dans)\s.+?)\s+)?(?:NOUN\s*:?\s*)?§(?P<q>\d+)(?P<fin>\s+et la fin de (?:la phrase|l'alinéa))?,?\s+(?:est|sont)\s+(?:supprimé|abrogé)e?s?$",
    )
});
pub(super) static R_ADD_PHRASE: Formula = Formula::new(
    &[&["compl"], &["phrase"], &["ainsi"]],
    || {
        re(
            r"^(?P<t>.+?)\s+est\s+complétée?\s+par\s+une\s+phrase\s+ainsi\s+rédigée\s*:?\s*(?:§(?P<q>\d+))?$",
        )
    },
);
pub(super) static R_INSERT_PHRASE: Formula = Formula::new(
    &[&["apr"], &["phrase"], &["ainsi"]],
    || {
        re(
            r"^après\s+(?P<t>.+?),\s*(?:il\s+)?est\s+insérée?\s+une\s+phrase\s+ainsi\s+rédigée\s*:?\s*(?:§(?P<q>\d+))?$",
        )
    },
);
pub(super) static R_ADD_ARTICLE: Formula = Formula::new(&[&["article"], &["ainsi"]], || {
    re(
        r"^(?:(?:la |le |les |l')THEDOC (?:est|sont) complétée?s? par|il est ajouté(?: (?:à la |au |aux |à l')THEDOC)?) un article (?P<l>.+?) ainsi rédigé\s*:?$",
    )
});
pub(super) static R_ADD_ANNEX: Formula = Formula::new(&[&["annexe"]], || {
    re(
        r"^(?:(?:la |le |les |l')THEDOC (?:est|sont) complétée?s? par une annexe(?: (?P<l>\S+(?: (?:bis|ter|quater))?))? ainsi rédigée|est ajoutée (?:à la |au |aux |à l')THEDOC l'annexe suivante)\s*:?$",
    )
});
pub(super) static R_INSERT_ART: Formula = Formula::new(
    &[&["article"], &["ainsi"], &["apr", "avant"]],
    || {
        re(
            r"^(?:(?P<rel>après|avant)\s+(?P<t>(?:l'|le ORD )article .+?),\s*(?:il\s+)?est\s+(?:inséré|ajouté)|il\s+est\s+(?:inséré|ajouté)\s+(?P<rel2>après|avant)\s+(?P<t2>(?:l'|le ORD )article .+?))\s+un\s+article(?:\s+(?P<l>.+?))?\s+ainsi\s+rédigé\s*:?$",
        )
    },
);
pub(super) static R_INSERT: Formula = Formula::new(&[&["apr"], &["ainsi"]], || {
    re(
        r"^après\s+(?P<t>.+?),\s*(?:il\s+)?(?:est|sont)\s+insérée?s?\s+(?P<what>.+?)\s+ainsi\s+rédigée?s?\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
pub(super) static R_ADD_START: Formula = Formula::new(&[&["au d"], &["ainsi"], &["ajout"]], || {
    re(
        r"^au début (?P<t>.+?),\s*(?:il\s+)?(?:est|sont)\s+ajoutée?s?\s+(?P<what>.+?)\s+ainsi\s+rédigée?s?\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
pub(super) static R_ADD_END: Formula = Formula::new(&[&["compl"], &["ainsi"]], || {
    re(
        r"^(?P<t>.+?)\s+est\s+complétée?\s+par\s+(?P<what>.+?)\s+ainsi\s+rédigée?s?\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
/// « Il est ajouté [à l'article 6] un alinéa ainsi rédigé : » (the unit from the context when
/// not named); a numbered part added at the end, « Il est ajouté un VII ainsi rédigé : »,
/// « Sont ajoutés des II, III et IV ainsi rédigés : » (TA n° 376, 2009).
pub(super) static R_ADD_IL: Formula = Formula::new(&[&["ajout"], &["ainsi"]], || {
    re(
        r"^(?:il est ajouté|sont ajoutée?s)\s+(?:(?P<loc>(?:à|au|aux)\s.+?),?\s+)?(?P<what>un alinéa|une phrase|des alinéas|(?:deux|trois|quatre|cinq) alinéas|un (?-i:[IVXLC]+|\d+°)(?: bis| ter)?(?: et un (?-i:[IVXLC]+|\d+°))?|des (?-i:[IVXLC]+|\d+°)(?:, (?-i:[IVXLC]+|\d+°))* et (?-i:[IVXLC]+|\d+°))\s+ainsi\s+rédigée?s?\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
/// « Sont abrogés : » then the items naming what is (TA n° 376, 2009, art. 33, I).
pub(super) static R_ABROGATED_LIST: Formula =
    Formula::new(&[&[":"], &["abrog", "supprim"]], || {
        re(r"^(?:sont|est)\s+(?:abrogée?s?|supprimée?s?)\s*:$")
    });
/// « Les articles 73 et 74 sont abrogés », « Les articles L. 230-1 à L. 230-3 sont supprimés ».
pub(super) static R_DELETE_ARTICLES: Formula = Formula::new(
    &[&["articles"], &["supprim", "abrog"]],
    || {
        re(
            r"^les\s+articles\s+(?P<l>.+?)(?:\s+DE_THEDOC)?\s+(?:sont|est)\s+(?:supprimée?s?|abrogée?s?)$",
        )
    },
);
/// The number of occurrences a replacement states, between the verb and « par »: « les mots :
/// « a » sont remplacés, deux fois, par les mots : « b » », « …, à chaque occurrence, par … ».
pub(super) static OCCURRENCES_INCISE: Formula = Formula::new(
    &[&["rempla"], &["fois", "occurrence", "partout"]],
    || {
        re(
            r"(?P<v>remplacée?s?)\s*,?\s*(?:(?P<k>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+)\s+fois|à\s+chaque\s+occurrence|partout\s+où\s+(?:ils?|elles?)\s+(?:apparaissent|apparaît|figurent|figure))\s*,?\s*par\b",
        )
    },
);
/// The same at the end of the sentence: « … par les mots : « b » à chaque occurrence », « …
/// partout où ils figurent ».
pub(super) static OCCURRENCES_TAIL: Formula = Formula::new(
    &[&["§"], &["fois", "occurrence", "partout"]],
    || {
        re(
            r"(?P<q>§\d+)(?:\s*,)?\s+(?:(?P<k>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+)\s+fois|à\s+chaque\s+occurrence|partout\s+où\s+(?:ils?|elles?)\s+(?:apparaissent|apparaît|figurent|figure))$",
        )
    },
);
/// « Les articles 6 et 7 sont remplacés par un article 6 ainsi rédigé : », « Les articles 5 à 7
/// sont remplacés par un article 5 ainsi rédigé : » (several articles merged into one).
pub(super) static R_ARTICLES_INTO_ONE: Formula = Formula::new(
    &[&["articles"], &["rempla"], &["ainsi"]],
    || {
        re(
            r"^les\s+articles\s+(?P<l>.+?)(?:\s+DE_THEDOC)?\s+sont\s+(?:supprimés\s+et\s+)?remplacés\s+par\s+un\s+(?:nouvel\s+)?article\s+(?P<n>.+?)\s+ainsi\s+rédigé\s*:?$",
        )
    },
);
/// « Sont ajoutés une phrase et un alinéa ainsi rédigés : » (TA n° 376, 2009, art. 29 octies):
/// the first quoted line ends the unit's last alinéa, the others follow it.
pub(super) static R_PHRASE_AND_ALINEAS: Formula = Formula::new(&[&["phrase"], &["ainsi"]], || {
    re(
        r"^(?:(?:il est ajouté|sont ajoutée?s)\s+(?:(?P<loc>(?:à|au|aux)\s.+?),?\s+)?|(?P<t>.+?)\s+est\s+complétée?\s+par\s+)une\s+phrase\s+et\s+(?P<n>un|deux|trois|quatre)\s+alinéas?\s+ainsi\s+rédigée?s\s*:?$",
    )
});
/// « Au paragraphe 25.2.c, il est inséré un dernier alinéa ainsi rédigé : » (avenants to
/// motorway concessions, JORF 2011): an alinéa added at the end of the place.
pub(super) static R_INSERT_LAST: Formula = Formula::new(&[&["derni"], &["ainsi"]], || {
    re(
        r"^(?:(?P<loc>(?:au|aux|[àa]|dans)\s[^,§]+?),?\s+)?(?:il\s+)?(?:est|sont)\s+(?:inséré|ajouté)e?s?\s+(?P<what>un\s+(?:nouvel\s+)?dernier\s+alinéa|une\s+(?:nouvelle\s+)?dernière\s+phrase)\s+ainsi\s+rédigée?\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
/// « Le cahier des charges … est modifié conformément aux dispositions figurant en annexe au
/// présent avenant »: the instructions are the avenant's annex.
pub(super) static R_IN_ANNEX: Formula = Formula::new(&[&["conform"], &["annexe"]], || {
    re(
        r"^.+?\s+(?:est|sont)\s+modifiée?s?\s+conformément\s+(?:aux\s+dispositions|aux\s+stipulations|à\s+la\s+liste)\s+(?:figurant|jointes?|annexées?|contenues?)\s+(?:en\s+annexe|à\s+l'annexe|dans\s+l'annexe)\s+(?:au|du)\s+présent\s+avenant\s*\.?$",
    )
});
/// An article of the amended text named in the avenant's annex, « Article 25 », whose
/// sentences follow.
pub(super) static ANNEX_ARTICLE: Formula = Formula::new(&[&["art"]], || {
    re(
        r"^(?:article|art\.)\s+((?:[LRD]\.\s?)?\d+(?:[.\-]\d+)*(?:\s?er)?(?:\s(?:bis|ter|quater))?)\s*\.?$",
    )
});
/// « rédigé comme suit » after a noun (« un alinéa rédigé comme suit », « un dernier alinéa,
/// rédigé comme suit »): the formula « ainsi rédigé ».
pub(super) static AS_FOLLOWS: Formula = Formula::new(&[&["comme"]], || {
    re(r"(?P<w>[^\s,]+)(?:,\s*|\s+)(?P<r>rédigée?s?)\s+comme\s+suit\b")
});
/// « il est inséré après le troisième alinéa un alinéa » (the place between the verb and
/// what is inserted, no comma), optionally after the unit (« Au paragraphe 25.2.II, … »).
pub(super) static R_INSERTED_AFTER: Formula = Formula::new(&[&["apr", "avant"]], || {
    re(
        r"^(?:(?P<loc>(?:au|aux|[àa]|dans)\s[^,§]+?),\s*)?il\s+est\s+(?P<v>insérée?s?|ajoutée?s?)\s+(?P<rel>après|avant)\s+(?P<x>[^,§]+?)\s+(?P<rest>(?:un|une|deux|trois|quatre|cinq|des)\s+(?:nouvel\s+|nouvelle\s+|nouveaux\s+|nouvelles\s+)?(?:alinéas?|phrases?|paragraphes?)\b.*)$",
    )
});
/// « A l'article 3 est ajouté le paragraphe ci-après : » (1889), « À l'article 2, il est ajouté
/// un alinéa ainsi rédigé : »: the place first, then what is added at its end.
pub(super) static R_ADD_AT: Formula = Formula::new(&[&["ajout"]], || {
    re(
        r"^(?P<t>(?:[àa]|au|aux)\s+[^,§]+?),?\s+(?:il\s+)?(?:est|sont)\s+ajoutée?s?\s+(?P<what>(?:le|la|les|l')\s*(?:\S+\s+)?(?:paragraphes?|alinéas?|phrases?)\s+(?:ci-après|suivante?s?)|(?:un|une|des|deux|trois|quatre|cinq)\s+(?:nouveaux?\s+|nouvelles?\s+)?(?:paragraphes?|alinéas?|phrases?)(?:\s+ainsi\s+rédigée?s?)?)\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
/// « Le texte de l'article 2 est complété par l'alinéa suivant : « … » », « L'article 3 est
/// complété par le paragraphe ci-après : ».
pub(super) static R_ADD_END3: Formula = Formula::new(&[&["compl"]], || {
    re(
        r"^(?:le texte de\s+)?(?P<t>.+?)\s+est\s+complétée?\s+par\s+(?P<what>(?:le|la|les|l')\s*(?:\S+\s+)?(?:paragraphes?|alinéas?|phrases?))\s+(?:ci-après|suivante?s?)\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
/// « Deux articles nouveaux seront ajoutés à la convention, savoir : » (1889), « Il est ajouté à
/// la convention les articles suivants : », then the quoted articles.
pub(super) static R_ADD_ARTICLES: Formula = Formula::new(&[&["article"], &["ajout"]], || {
    re(
        r"^(?:(?P<n>deux|trois|quatre|cinq|\d+) articles? nouveaux (?:sont|seront) ajoutés (?:à la |au |aux |à l')THEDOC|(?:il est|sont) ajoutés? (?:à la |au |aux |à l')THEDOC (?:les|deux|trois|quatre|cinq) (?:nouveaux )?articles (?:suivants|ci-après))(?:,?\s*savoir)?\s*:?$",
    )
});
pub(super) static R_ADD_END2: Formula = Formula::new(&[&["il est ajout"]], || {
    re(
        r"^il est ajouté à la fin (?P<t>.+?),?\s+(?:le|les|la|l')\s*(?P<what>paragraphes?|alinéas?|phrases?)\s+suivante?s?\s*:?$",
    )
});
pub(super) static R_REWRITE: Formula = Formula::new(&[&["dig"]], || {
    re(
        r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:(?:ainsi|désormais)\s+rédigée?s?(?:\s+comme\s+suit)?|rédigée?s?\s+comme\s+suit)\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
pub(super) static R_REPLACED_N: Formula = Formula::new(&[&["rempla"], &["ainsi"]], || {
    re(
        r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:supprimée?s?\s+et\s+)?remplacée?s?\s+par\s+(?P<n>\S+)\s+(?:alinéas?|paragraphes?|lignes?)\s+ainsi\s+rédigée?s?\s*:?$",
    )
});
pub(super) static R_REPLACED_COLON: Formula = Formula::new(&[&["rempla"], &[":"]], || {
    re(
        r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:supprimée?s?\s+et\s+)?remplacée?s?(?:\s+par)?(?:\s+ce qui suit|\s+comme suit|\s+(?:les|le|la|l')\s*(?:stipulations|dispositions|paragraphes?|alinéas?|phrases?|termes|mots|annexe|sections?|sous-sections?|chapitres?|parties?|rubriques?|articles?|clauses?)\s+suivante?s?)?\s*:\s*(?:§(?P<q>\d+))?$",
    )
});
pub(super) static R_DELETE: Formula = Formula::new(&[&["supprim", "abrog"]], || {
    re(r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:supprimée?s?|abrogée?s?)$")
});
pub(super) static R_MODIFIED: Formula = Formula::new(&[&["modifi"]], || {
    re(
        r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:ainsi\s+modifiée?s?|modifiée?s?\s+(?:comme\s+suit|ainsi\s+qu'il\s+suit))\s*:?$",
    )
});
pub(super) static R_RENUM1: Formula = Formula::new(&[&["devient"]], || {
    re(r"^l'article (?P<a>.+?) devient l'article (?P<b>.+?)$")
});
pub(super) static R_RENUM2: Formula = Formula::new(&[&["deviennent"]], || {
    re(r"^les articles (?P<a>.+?) deviennent (?:respectivement )?les articles (?P<b>.+?)$")
});

/// Where a sentence chains a further replacement: « …, les termes : « c » sont remplacés par … »,
/// or, the verb left out after a first replacement, « … et les mots : « c » par les mots :
/// « d » » (also after « ; »).
pub(super) static R_CHAINED: Formula = Formula::new(&[&["§"], &["rempla", "supprim"]], || {
    re(
        r"(?:,|\s*;|\s+et)\s+NOUN\s*:?\s*§\d+\s*,?\s+(?:(?:est|sont)\s+(?:(?:supprimée?s?\s+et\s+)?remplacée?s?\s+par|supprimée?s?$)|par\s+(?:NOUN\s*:?\s*)?§\d+)",
    )
});
/// A replacement of words chained with an instruction on a phrase or an alinéa of the same place,
/// its text quoted after the sentence: « …, les mots : « a » sont remplacés par les mots : « b »
/// et la dernière phrase est remplacée par la phrase suivante : » (projet de loi audiovisuel,
/// 2019, art. 22, XV, 3°).
pub(super) static R_CHAINED_UNIT: Formula = Formula::new(&[&["§"], &["phrase", "alin"]], || {
    re(
        r"\s+et\s+(?:la|le|l')\s*(?:ORD\s+)?(?:phrase|alinéa)\s+(?:est|sont)\s+(?:ainsi\s+rédigée?|remplacée?\s+par\s+(?:la|le|l')\s*(?:phrase|alinéa)\s+suivante?\s*:|supprimée?$)",
    )
});
/// A chained replacement whose verb is left out: « les mots : § 2 par les mots : § 3 ».
pub(super) static R_VERBLESS: Formula = Formula::new(&[&["§"], &["par"]], || {
    re(r"^(?P<old>NOUN\s*:?\s*§\d+)\s*,?\s+par\s+(?P<new>(?:NOUN\s*:?\s*)?§\d+)$")
});
/// « A l'article 1.3, après le deuxième alinéa sont ajoutés les deux paragraphes suivants : »
pub(super) static R_INSERT_FOLLOWING: Formula = Formula::new(&[&["apr"], &["suivant"]], || {
    re(
        r"^(?:(?P<loc>.+?),\s*)?après\s+(?P<t>.+?),?\s+(?:il\s+)?(?:est|sont)\s+(?:ajouté|inséré)e?s?\s+(?:le|la|les|l')\s*(?:\S+\s+)?(?:paragraphes?|alinéas?)\s+suivante?s?\s*:?$",
    )
});
/// « A la fin du point 7.3 est ajouté le paragraphe suivant : »
pub(super) static R_END_FOLLOWING: Formula = Formula::new(&[&["fin"], &["suivant"]], || {
    re(
        r"^[àa] la fin (?P<t>.+?),?\s+(?:est|sont)\s+ajoutée?s?\s+(?:le|la|les|l')\s*(?:\S+\s+)?(?P<what>paragraphes?|alinéas?|phrases?)\s+suivante?s?\s*:?$",
    )
});
/// « Au premier alinéa, le montant de 1 150 M€ est remplacé par 934,4 M€ »: a value named
/// without quotation marks, after its noun.
pub(super) static R_REPLACE_VALUE: Formula = Formula::new(&[&["rempla"]], || {
    re(
        r"^(?:(?P<loc>.+?),\s*)?(?P<n>le montant|la somme|le taux|la date|la durée|le nombre)\s+(?:de\s+|d')?(?P<old>[^§]+?)\s+est\s+remplacée?\s+par\s+(?P<new>[^§]+?)$",
    )
});

/// A quoted article in the decree style, number and first alinéa on one line:
/// « Art. 9-1. - Le présent décret… », « Art. L. 551-1. – Le montant… ».
pub(super) static QUOTED_ART_INLINE: Formula = Formula::new(&[&["art."]], || {
    re(
        r"^art\.\s*((?:[LRD]\.\s?)?\d+(?:[.\-‑]\d+)*(?:\s(?:bis|ter|quater)(?:[\-‑][0-9A-Z]+)*)?)\s*\.?\s*[-–—]\s+(.+)$",
    )
});
/// A quoted article headed by its number alone: « 7.4. Prorogation des dotations ».
pub(super) static QUOTED_NUMBER_HEADING: Formula =
    Formula::new(&[], || re(r"^(\d+(?:\.\d+)+)\.?\s+(\p{Lu}.*)$"));

/// « L'annexe 2 est remplacée par l'annexe jointe au présent avenant »
pub(super) static R_ANNEX_JOINED: Formula = Formula::new(&[&["annexe"], &["avenant"]], || {
    re(
        r"^(?P<t>l'annexe.+?)\s+est\s+remplacée\s+par\s+l'annexe\s*(?:n°\s*)?(?P<l>\d+|[IVXLC]+|[A-Z])?\s*(?:jointe|annexée)\s+au\s+présent\s+avenant$",
    )
});
/// « L'annexe jointe au présent avenant remplace l'annexe 2 de la convention »
pub(super) static R_ANNEX_JOINED2: Formula = Formula::new(
    &[&["annexe"], &["avenant"], &["remplace"]],
    || {
        re(
            r"^l'annexe\s*(?:n°\s*)?(?P<l>\d+|[IVXLC]+|[A-Z])?\s*(?:jointe|annexée)?\s*(?:au|du)\s+présent\s+avenant\s+remplace\s+(?P<t>l'annexe.+?)$",
        )
    },
);

// Noun-phrase pieces.
pub(super) static P_DET: Formula = Formula::new(&[], || {
    re(
        r"^(?:[àa] la fin (?:du |de la |de l'|des )|dans la |dans l'|dans le |dans les |[àa] la |[àa] l'|au |aux |[àa] |de la |de l'|du |des |de |la |le |les |l')",
    )
});
pub(super) static P_CONNECT: Formula = Formula::new(&[], || {
    re(
        r"^\s*,?\s*(?:(?:figurant|prévue?|mentionnée?)\s+)?(?:à la |à l'|au |aux |à |de la |de l'|du |des |de |dans la |dans l'|dans le )",
    )
});
pub(super) static P_HEADING: Formula = Formula::new(&[&["intitul"]], || re(r"^intitulé\b"));
pub(super) static P_PHRASE: Formula = Formula::new(&[&["phrase"]], || re(r"^(ORD) phrase\b"));
pub(super) static P_ALINEA: Formula = Formula::new(&[&["alin", "paragraphe"]], || {
    re(r"^(ORD)(?: (et|à) (ORD))? (?:alinéa|paragraphe)s?\b")
});
/// « l'alinéa commençant par les mots : « … » » (the quote is a `§n` of the skeleton).
/// The skeleton says it « alinéa commençant par ¤n » (see [`R_ALINEA_WORDS`]).
pub(super) static P_ALINEA_WORDS: Formula =
    Formula::new(&[&["¤"]], || re(r"^alinéa commençant par ¤(\d+)"));
/// « l'alinéa [de l'article 25] commençant par les mots : § n », rewritten « l'alinéa
/// commençant par ¤n [de l'article 25] » (the article may be named by its quoted heading,
/// « de l'article intitulé § 0 ») before the formulas are read, so that no formula
/// takes « les mots : § n » for the words it acts on.
pub(super) static R_ALINEA_WORDS: Formula = Formula::new(&[&["alin"], &["par"], &["§"]], || {
    re(
        r"alinéa\s+(?P<of>(?:de\s+l'|du\s+|de\s+la\s+)(?:[^,§]|§\d+)+?\s+)?(?:commen[cç]ant|qui\s+commence|débutant)\s+par\s+(?:les\s+mots|le\s+mot)\s*:?\s*§(?P<n>\d+)",
    )
});
/// « Au paragraphe 25.2.II, avant la phrase : Un an au moins … précédent , il est inséré un
/// alinéa » (SAPN, 9th avenant, 2011, its annex): the phrase named without its quotation marks,
/// lost in the published text, runs to the comma before « il est inséré »; it is quoted before
/// the sentence is read.
pub(super) static BARE_PHRASE: Formula = Formula::new(&[&["phrase"], &["ins"]], || {
    re(
        r"\b(?P<rel>avant|après)\s+la\s+phrase\s*:\s*(?P<p>[^«»§\s][^«»§]*?)\s*,\s*(?P<v>(?:il\s+)?(?:est|sont)\s+insérée?s?)\b",
    )
});
/// « avant la phrase : § n, il est inséré un alinéa »: an alinéa inserted before a phrase goes
/// before the alinéa that phrase opens — read as « avant l'alinéa commençant par ¤n » (a phrase
/// inside an alinéa opens none, and the instruction is refused).
pub(super) static PHRASE_BEFORE_ALINEA: Formula = Formula::new(
    &[&["phrase"], &["§"], &["alin"]],
    || {
        re(
            r"\b(?P<rel>avant)\s+la\s+phrase\s*:?\s*§(?P<n>\d+)\s*,(?P<rest>\s*(?:il\s+)?(?:est|sont)\s+insérée?s?\s+(?:un|deux|trois|quatre|cinq|des)\s+(?:nouvel\s+|nouveaux\s+)?alinéas?\b)",
        )
    },
);
/// « Avant l'alinéa commençant par les mots : « … », il est inséré un alinéa ainsi rédigé : »
/// (or « après »), the place possibly named first (« À l'article 25, avant … »).
pub(super) static R_INSERT_BEFORE: Formula = Formula::new(&[&["avant", "apr"], &["ainsi"]], || {
    re(
        r"^(?:(?P<loc>(?:au|aux|[àa]|dans)\s[^,§]+?),\s*)?(?P<rel>avant|après)\s+(?P<t>.+?),\s*(?:il\s+)?(?:est|sont)\s+insérée?s?\s+(?P<what>.+?)\s+ainsi\s+rédigée?s?\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
/// « l'article intitulé « Objet » » (an article whose number the text does not write, named
/// by its heading; [`R_TITLED_ARTICLE`] has made the quote `¤n` in a skeleton), or, in a text
/// whose quotations are still there (a chapeau, an amending article's title, « L'article …
/// est ainsi modifié : »), with the heading itself, which may hold a quotation of its own
/// (« intitulé « Absence de droits restreignant la « Réutilisation » » »).
pub(super) static P_TITLED_ARTICLE: Formula = Formula::new(&[&["article"], &["intitul"]], || {
    re(
        r"^(?:(?P<rank>ORD)\s+)?article(?: DE_THEDOC)? intitulé\s*:?\s*(?:¤(?P<n>\d+)|«\s*(?P<h>(?:[^«»]|«[^«»]*»)+?)\s*»)(?: DE_THEDOC)?",
    )
});
/// « article [des statuts] intitulé § n », rewritten « article intitulé ¤n » before the
/// formulas are read, so that no formula takes the heading for the words it acts on.
pub(super) static R_TITLED_ARTICLE: Formula =
    Formula::new(&[&["article"], &["intitul"], &["§"]], || {
        re(r"\barticle(?: DE_THEDOC)?\s+intitulé\s*:?\s*§(?P<n>\d+)")
    });
/// « la section § n » (a division the text does not number, named by its heading),
/// rewritten « section ¤n » before the formulas are read, as [`R_TITLED_ARTICLE`] does.
pub(super) static R_TITLED_DIVISION: Formula = Formula::new(
    &[&["section", "chapitre", "partie", "rubrique"], &["§"]],
    || {
        re(
            r"\b(?P<noun>sous-section|section|chapitre|partie|rubrique)(?: DE_THEDOC)?(?P<t>\s+intitulée?)?\s*:?\s*§(?P<n>\d+)",
        )
    },
);
/// « Les articles et sections des annexes du contrat … restent inchangés à l'exception de la
/// section « … » qui est remplacée par la section suivante : » (an avenant written by the
/// parties): the unit named after « à l'exception de » and what « qui » says of it.
pub(super) static R_KEPT_EXCEPT: Formula = Formula::new(
    &[
        &["inchang", "maintenu", "demeur", "restent"],
        &["exception"],
        &["qui"],
    ],
    || {
        re(
            r"^.+?\s(?:restent|demeurent|sont)\s+(?:inchangée?s?|maintenue?s?|en l'état)\s*,?\s*à l'exception\s+(?P<t>(?:de la|de l'|du|des|de)\s*.+?),?\s+qui\s+(?P<v>(?:est|sont)\s.+)$",
        )
    },
);
/// « l'alinéa 1 », « les alinéas 2 à 4 » (the Règlement du Sénat's own numbering).
pub(super) static P_ALINEA_N: Formula =
    Formula::new(&[&["alin"]], || re(r"^alinéas? (\d+)(?: (et|à) (\d+))?\b"));
pub(super) static P_ROW: Formula = Formula::new(&[&["ligne"]], || {
    re(r"^(ORD)(?: (et|à) (ORD))? lignes? du tableau\b")
});
pub(super) static P_ITEM_RANGE: Formula = Formula::new(&[&["°"]], || re(r"^(\d+)° (et|à) (\d+)°"));
pub(super) static P_ITEM: Formula = Formula::new(&[], || {
    re(
        r"^(\d+°(?: (?:bis|ter|quater|quinquies))?|[a-z]|(?-i:[IVXLC]+)(?: (?:bis|ter))?)(?:\))?(?:\s|,|$)",
    )
});
/// A numbered point of a sub-article, « le paragraphe 25.2.c », « le point 25.2.II » (the
/// cahiers des charges of motorway concessions): the sub-article, then the point's marker.
pub(super) static P_POINT: Formula = Formula::new(&[&["paragraphe", "point"]], || {
    re(r"^(?:paragraphe|point) (\d+(?:\.\d+)+)\.((?-i:[a-z]|[IVXLC]+))\b(?: DE_THEDOC)?")
});
/// An article or point by its number: « 7 », « 47-1 bis », « 47 bis-1-A » (the Senate's
/// rules), « L. 5214-1 A », « R*3231-2 » (a
/// code's article taken in Conseil d'État, starred) — the Latin suffixes
/// and the capital-letter suffix the parser reads (`parse::headings`), the letter in capitals
/// only (« l'article 5 a été… » is no suffix).
pub(super) static P_ARTICLE: Formula = Formula::new(&[&["article", "point"]], || {
    re(&format!(
        r"^(?:nouvel )?(?:article|point)(?: de)? (premier|unique|(?:[LRD]\*?\.? ?)?\d+(?:[.\-‑]\d+)*(?: ?er)?(?: (?:(?:{})(?:[\-‑](?:\d+|(?-i:[A-Z])))*|(?-i:[A-Z])))?|[IVXLC]+(?: (?:bis|ter))?|(?-i:\p{{Lu}}\p{{Ll}}+(?: (?:[IVXLC]+|\d+|\p{{Lu}}\p{{Ll}}+))*)(?: à l'article (?:[LRD]\.? ?)?\d+(?:[.\-‑]\d+)*)?)\b(?: ?§\d+)?(?: DE_THEDOC)?",
        crate::parse::headings::LATIN_SUFFIX
    ))
});
/// An annex by its number: « 2 », « II », « B », « 2 bis », and « 1 A » (a new annex placed
/// before annex 1).
pub(super) static P_ANNEX: Formula = Formula::new(&[&["annexe"]], || {
    re(&format!(
        r"^annexe(?: n°)?(?: ((?:\d+|[IVXLC]+)(?: (?:{}|(?-i:[A-Z])))?|[A-Z])\b)?(?: DE_THEDOC)?",
        crate::parse::headings::LATIN_SUFFIX
    ))
});
pub(super) static P_CONVENTION: Formula = Formula::new(&[], || re(r"^THEDOC\b"));
pub(super) static P_PREAMBULE: Formula = Formula::new(&[&["ambule", "expos"]], || {
    re(r"^(?:préambule|exposé des motifs)\b(?: DE_THEDOC)?")
});
pub(super) static P_PRONOUN: Formula = Formula::new(&[&["il", "elle", "cel"]], || {
    re(r"^(?:il|elle|celui-ci|celle-ci)$")
});

/// « dans l'ensemble de la convention », « dans tout le contrat », « dans les statuts »: a place
/// that is the whole document.
pub(super) static P_WHOLE_DOC: Formula = Formula::new(&[&["dans"]], || {
    re(
        r"^dans (?:l'ensemble (?:de la |du |de l'|des )|toute la |tout le |tout l'|tous les |la |le |l'|les )THEDOC$",
    )
});

/// The act's own visa defines the document's noun: « (ci-après dénommé le « contrat ») ».
pub(super) static OWN_VISA: Formula = Formula::new(&[&["«"]], || {
    re(&format!(
        r"(?:la |le |les |l')«\s*(?:{})\s*»",
        crate::avenant::formules::DOC_NOUNS
    ))
});

/// The active and imperative phrasings of real amending texts, each with the passive formula
/// it means (matched on the skeleton, quotations replaced by `§n`): the amendments to bills
/// (« Compléter le II de cet article par les mots : … », « Rédiger ainsi le 3 : »,
/// « Supprimer le dernier alinéa. ») and the conventions collectives' « Le présent article
/// modifie intégralement l'article 3.2 … comme suit : ».
/// « À l'article 5, le deuxième alinéa »: a place, a comma, then a unit in it; the unit may
/// be a place too (« À l'article L. 121-1, au premier alinéa », « Dans l'article 4, à la
/// première phrase »).
pub(super) static P_FRONTED: Formula = Formula::new(&[&[","]], || {
    re(
        r"^(?P<prep>à|a|au|aux|dans)\s+(?P<place>[^,]+?),\s*(?:(?P<np>(?:le|la|les|l')\b.+)|(?P<pp>(?:au|aux|[àa] la|[àa] l'|dans le|dans la|dans l'|dans les)\s*.+))$",
    )
});

/// Incises between commas in the insertion and completion formulas, put back where the
/// formulas of [`R_INSERT`]-like patterns read them: « Il est inséré, avant l'article 1er, un
/// article … » → « Avant l'article 1er, il est inséré un article … »; « est complété, in fine,
/// par … » → « est complété par … »; « est complété, après le premier alinéa, par un alinéa »
/// → « Après le premier alinéa de …, il est inséré un alinéa ». Applied in order, each once.
pub(super) static INCISES: [(Formula, &str); 3] = [
    (
        Formula::new(&[&["il"], &[","], &["ins", "ajout"]], || {
            re(
                r"^il\s+est\s+(?P<v>inséré|ajouté|insérée|ajoutée|insérés|ajoutés|insérées|ajoutées),\s*(?P<loc>(?:avant|après|au\s+début|à\s+la\s+fin|a\s+la\s+fin|en\s+tête|au|aux|à|a|dans)\b[^,]+?),\s*(?P<rest>.+)$",
            )
        }),
        "$loc, il est $v $rest",
    ),
    (
        Formula::new(&[&["compl"], &[","], &["par"]], || {
            re(
                r"^(?P<t>.+?)\s+(?P<v>est|sont)\s+(?P<c>complétée?s?),\s*(?:in\s+fine|à\s+la\s+fin|a\s+la\s+fin|en\s+fin\s+d'article|à\s+son\s+terme)\s*,\s*par\s+(?P<rest>.+)$",
            )
        }),
        "$t $v $c par $rest",
    ),
    // « à la fin, le mot : « suivantes : » est remplacé … »: the words say where.
    (
        Formula::new(&[&["fin"], &["§"]], || {
            re(r"^(?:à|a)\s+la\s+fin,\s*(?P<rest>(?:NOUN)\s*:?\s*§.+)$")
        }),
        "$rest",
    ),
];

/// « L'article 4 est complété, après le premier alinéa, par un alinéa … »: the unit, the
/// place in it, what is inserted there.
pub(super) static R_COMPLETED_AFTER: Formula = Formula::new(
    &[&["compl"], &[","], &["apr", "avant"]],
    || {
        re(
            r"^(?P<t>.+?)\s+(?:est|sont)\s+complétée?s?,\s*(?P<rel>après|avant)\s+(?P<x>[^,]+?),\s*par\s+(?P<rest>.+)$",
        )
    },
);

pub(super) static ACTIVE_FORMS: [(Formula, &str); 9] = [
    (
        Formula::new(&[&["modifie"], &["comme"]], || {
            re(
                r"^(?:le présent (?:article|avenant) )?modifie intégralement (?P<t>.+?) comme suit\s*:?\s*(?P<q>§\d+)?$",
            )
        }),
        "$t est ainsi rédigé : $q",
    ),
    (
        Formula::new(&[&["remplace", "crit"]], || {
            re(
                r"^(?:le présent (?:article|avenant) )?(?:remplace|réécrit) (?P<t>.+?) (?:comme suit|par les dispositions suivantes)\s*:?\s*(?P<q>§\d+)?$",
            )
        }),
        "$t est ainsi rédigé : $q",
    ),
    (
        Formula::new(&[&["compl"]], || {
            re(r"^compléter (?P<t>.+?) par (?P<w>.+)$")
        }),
        "$t est complété par $w",
    ),
    (
        Formula::new(&[&["diger"]], || {
            re(r"^rédiger (?:ainsi|comme suit) (?P<t>.+?)\s*:?\s*(?P<q>§\d+)?$")
        }),
        "$t est ainsi rédigé : $q",
    ),
    // Amendments' infinitives with the place first: « Dans le premier alinéa …, avant les
    // mots : « … », insérer les mots : « … » », « …, remplacer les mots : « … » par les
    // mots : « … » », « …, supprimer les mots : « … » ».
    (
        Formula::new(&[&["ins"], &["apr", "avant"]], || {
            re(
                r"^(?P<loc>.+?,\s*)?(?P<rel>après|avant)\s+(?P<a>(?:NOUN\s*:?\s*)?§\d+),\s*(?:d')?insérer\s+(?P<b>(?:NOUN\s*:?\s*)?§\d+)$",
            )
        }),
        "$loc$rel $a, sont insérés $b",
    ),
    // Minutes: « Remplacer dans l'article 3 des statuts : « … » par « … » ».
    (
        Formula::new(&[&["remplacer"]], || {
            re(
                r"^remplacer\s+(?P<loc>(?:dans|à|a|au)\s+[^§]+?)\s*:?\s*(?P<a>(?:NOUN\s*:?\s*)?§\d+)\s+par\s*:?\s*(?P<b>(?:NOUN\s*:?\s*)?§\d+)$",
            )
        }),
        "$loc, $a sont remplacés par $b",
    ),
    (
        Formula::new(&[&["remplacer"]], || {
            re(
                r"^(?P<loc>.+?,\s*)?(?:de\s+)?remplacer\s+(?P<a>(?:NOUN\s*:?\s*)?§\d+)\s+par\s+(?P<b>(?:NOUN\s*:?\s*)?§\d+)$",
            )
        }),
        "$loc$a sont remplacés par $b",
    ),
    (
        Formula::new(&[&["supprimer"]], || {
            re(r"^(?P<loc>[^,]+,\s*)(?:de\s+)?supprimer\s+(?P<t>.+?)\.?$")
        }),
        "$loc$t est supprimé",
    ),
    (
        Formula::new(&[&["supprimer"]], || re(r"^supprimer (?P<t>.+?)\.?$")),
        "$t est supprimé",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_found_in_any_case() {
        assert!(contains_folded("Les mots SONT REMPLACÉS par", "rempla"));
        assert!(contains_folded("§1 est remplacé", "§"));
        assert!(!contains_folded("est supprimé", "rempla"));
        assert!(!contains_folded("", "a"));
        // « ſ » and the Kelvin sign match « s » and « k » under (?i): let through.
        assert!(contains_folded("ſupprimé", "supprim"));
        assert!(!contains_folded("upprimé", "supprim"));
    }

    #[test]
    fn a_formula_refuses_only_what_its_regex_refuses() {
        for h in [
            "Les articles 6 et 7 sont remplacés par un article 6 ainsi rédigé :",
            "LES ARTICLES 6 ET 7 SONT REMPLACÉS PAR UN ARTICLE 6 AINSI RÉDIGÉ :",
            "L'article 6 est abrogé",
        ] {
            assert_eq!(
                R_ARTICLES_INTO_ONE.is_match(h),
                R_ARTICLES_INTO_ONE.regex().is_match(h),
                "{h}"
            );
        }
        assert!(R_ARTICLES_INTO_ONE
            .is_match("LES ARTICLES 6 ET 7 SONT REMPLACÉS PAR UN ARTICLE 6 AINSI RÉDIGÉ :"));
        // A text without the words is not matched, and the regex is left alone.
        assert!(R_ARTICLES_INTO_ONE
            .captures("L'article 6 est abrogé")
            .is_none());
        assert_eq!(AS_FOLLOWS.replace_all("sans formule", "x"), "sans formule");
        assert_eq!(R_CHAINED.find_iter("sans citation").count(), 0);
    }
}
