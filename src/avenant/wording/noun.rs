//! The document's own noun as the body of the act names it (« de la convention », « du
//! contrat », « de l'accord », « des statuts », « la présente convention »), with its agreement;
//! and the reader's pattern that accepts every such noun back.

use super::*;

/// The nouns the body of an act may name the amended document by, with gender and number:
/// the first word of its title when listed here, else « convention » (which the visa then
/// defines: « ci-après dénommé la « convention » »).
const NOUNS: &[(&str, bool, bool)] = &[
    // (noun, feminine, plural)
    ("convention", true, false),
    ("accord-cadre", false, false),
    ("accord", false, false),
    ("contrat", false, false),
    ("statuts", false, true),
    // « Conditions générales d'utilisation », named « les conditions générales ».
    ("conditions générales", true, true),
    ("charte", true, false),
    // « Licence Ouverte 2.0 », named « la licence » (blind4 finding 17).
    ("licence", true, false),
    ("protocole", false, false),
    ("marché", false, false),
    ("règlement", false, false),
    ("pacte", false, false),
    ("entente", true, false),
    ("code", false, false),
    ("traité", false, false),
    // An avenant amended by a later one (« Avenant n° 1 à l'avenant n° 3 … »).
    ("avenant", false, false),
];

/// The pattern of every noun of `NOUNS`, for the reader (longest first).
pub const DOC_NOUNS: &str =
    "convention|accord-cadre|accord|contrat|statuts|conditions générales|charte|licence|protocole|marché|règlement|pacte|entente|code|traité|avenant";

/// The document's noun: « convention » (default), « contrat », « statuts »…
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocNoun {
    pub word: &'static str,
    pub fem: bool,
    pub plural: bool,
}

impl Default for DocNoun {
    fn default() -> Self {
        DocNoun::CONVENTION
    }
}

impl DocNoun {
    pub const CONVENTION: DocNoun = DocNoun {
        word: "convention",
        fem: true,
        plural: false,
    };

    /// The noun that opens `title` (« contrat de subvention » → contrat), when listed; else
    /// « convention ».
    pub fn of(title: &str) -> DocNoun {
        let first = title
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphabetic() && c != '-')
            .to_lowercase();
        // A noun of two words: « conditions générales (d'utilisation) ».
        let two = title
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        NOUNS
            .iter()
            .find(|(w, ..)| *w == first || (w.contains(' ') && two.starts_with(w)))
            .map(|&(word, fem, plural)| DocNoun { word, fem, plural })
            .unwrap_or(DocNoun::CONVENTION)
    }

    pub fn np(self) -> Np {
        Np::new(self.word, self.fem, self.plural)
    }

    /// « la convention », « le contrat », « l'accord », « les statuts ».
    pub fn the(self) -> String {
        self.np().with(Case::Nom)
    }

    /// « de la convention », « du contrat », « de l'accord », « des statuts ».
    pub fn of_it(self) -> String {
        self.np().with(Case::De)
    }

    /// « à la convention », « au contrat », « à l'accord », « aux statuts ».
    pub fn to_it(self) -> String {
        self.np().with(Case::A)
    }

    /// « la présente convention », « le présent contrat », « les présents statuts ».
    pub fn present(self) -> String {
        match (self.fem, self.plural) {
            (true, true) => format!("les présentes {}", self.word),
            (false, true) => format!("les présents {}", self.word),
            (true, false) => format!("la présente {}", self.word),
            (false, false) => format!("le présent {}", self.word),
        }
    }

    /// A participle agreeing with the noun (« complétée », « complété », « complétés »).
    pub fn agree(self, participle: &str) -> String {
        self.np().agree(participle)
    }

    /// « est » or « sont ».
    pub fn verb(self) -> &'static str {
        self.np().verb()
    }

    /// A possessive agreeing with the noun as owner: « son », « sa », « ses » → « leur »,
    /// « leurs » when the noun is plural (« les statuts … afin de mettre à jour leur article 4 »).
    pub fn possessive(self, words: &str) -> String {
        if !self.plural {
            return words.to_string();
        }
        words
            .split(' ')
            .map(|w| match w {
                "son" | "sa" => "leur",
                "ses" => "leurs",
                other => other,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_document_agrees() {
        let cases = [
            (
                "convention de partenariat",
                "la convention",
                "de la convention",
                "à la convention",
                "la présente convention",
                "complétée",
            ),
            (
                "contrat de subvention",
                "le contrat",
                "du contrat",
                "au contrat",
                "le présent contrat",
                "complété",
            ),
            (
                "accord-cadre de coopération",
                "l'accord-cadre",
                "de l'accord-cadre",
                "à l'accord-cadre",
                "le présent accord-cadre",
                "complété",
            ),
            (
                "accord d'entreprise",
                "l'accord",
                "de l'accord",
                "à l'accord",
                "le présent accord",
                "complété",
            ),
            (
                "statuts de l'association",
                "les statuts",
                "des statuts",
                "aux statuts",
                "les présents statuts",
                "complétés",
            ),
            (
                "charte du référent",
                "la charte",
                "de la charte",
                "à la charte",
                "la présente charte",
                "complétée",
            ),
            (
                "marché public de services",
                "le marché",
                "du marché",
                "au marché",
                "le présent marché",
                "complété",
            ),
            (
                "code civil",
                "le code",
                "du code",
                "au code",
                "le présent code",
                "complété",
            ),
            (
                "avenant n° 2 à la convention de partenariat",
                "l'avenant",
                "de l'avenant",
                "à l'avenant",
                "le présent avenant",
                "complété",
            ),
            (
                "cahier des clauses",
                "la convention",
                "de la convention",
                "à la convention",
                "la présente convention",
                "complétée",
            ),
        ];
        for (title, the, of, to, present, done) in cases {
            let n = DocNoun::of(title);
            assert_eq!(n.the(), the, "{title}");
            assert_eq!(n.of_it(), of, "{title}");
            assert_eq!(n.to_it(), to, "{title}");
            assert_eq!(n.present(), present, "{title}");
            assert_eq!(n.agree("complété"), done, "{title}");
        }
        assert_eq!(
            DocNoun::of("statuts").possessive("la désignation de sa deuxième partie"),
            "la désignation de leur deuxième partie"
        );
        assert_eq!(
            DocNoun::of("contrat").possessive("ses articles"),
            "ses articles"
        );
    }
}
