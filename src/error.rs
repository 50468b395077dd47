//! Errors that stop the pipeline: input that cannot be read as a convention at all.
//! Each renders as one line « FICHIER : problème » for the CLI, which maps it to exit code 2.

use std::fmt;

/// What went wrong with an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file does not exist.
    NotFound,
    /// A folder was given where a file was expected.
    IsDirectory,
    /// A FIFO, device or socket: refused before it is opened (a FIFO could block for ever).
    SpecialFile,
    /// Reading failed (the system's message).
    Io(String),
    /// The file is empty or holds only blanks.
    Empty,
    /// The bytes are not text in a known encoding.
    Binary,
    /// The file is over the size the reader accepts.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The largest size accepted, in bytes.
        limit: u64,
    },
    /// A format recognised but not read (docx, zip, image…).
    Unsupported(String),
    /// The PDF could not be turned into text (message in French).
    Pdf(String),
    /// A .docx or .odt that cannot be read (damaged archive, zip bomb, not a text document…).
    Office(String),
    /// Tracked changes found while `--revisions refuse` asks for a document without any.
    Revisions {
        /// Tracked insertions found.
        insertions: usize,
        /// Tracked deletions found.
        deletions: usize,
    },
    /// The text holds no article: not a convention avenant can work on.
    NoArticle,
    /// An avenant instruction that cannot be applied (message names the avenant article and target).
    Apply(String),
    /// Anything else about the input (template syntax…).
    Invalid(String),
}

/// An error about one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file, as the user named it.
    pub path: String,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl Error {
    /// An error about the file `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        Error {
            path: path.into(),
            kind,
        }
    }
}

/// A size as a reader says it: « 2,6 Mo », « 48,8 Ko », « 512 octets » (a small `--max-size`
/// is not shown as « 0,0 Mo »).
fn megabytes(n: u64) -> String {
    let (value, unit) = match n {
        0..1_024 => return format!("{n} octet{}", if n > 1 { "s" } else { "" }),
        1_024..1_048_576 => (n as f64 / 1_024.0, "Ko"),
        _ => (n as f64 / 1_048_576.0, "Mo"),
    };
    format!("{value:.1} {unit}").replace('.', ",")
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::NotFound => write!(f, "fichier introuvable"),
            ErrorKind::IsDirectory => write!(f, "c'est un répertoire, pas un fichier"),
            ErrorKind::SpecialFile => write!(
                f,
                "fichier spécial (tube, périphérique ou socket) refusé : donnez un fichier ordinaire, ou «\u{a0}-\u{a0}» pour lire l'entrée standard"
            ),
            ErrorKind::Io(e) => write!(f, "lecture impossible ({e})"),
            ErrorKind::Empty => write!(f, "le fichier est vide"),
            ErrorKind::Binary => write!(
                f,
                "fichier binaire : ni texte, ni Markdown, ni PDF lisible"
            ),
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                "fichier trop volumineux ({} ; limite {}, voir --max-size)",
                megabytes(*size),
                megabytes(*limit)
            ),
            ErrorKind::Unsupported(what) => write!(f, "{what}"),
            ErrorKind::Pdf(msg) => write!(f, "{msg}"),
            ErrorKind::Office(msg) => write!(f, "{msg}"),
            ErrorKind::Revisions {
                insertions,
                deletions,
            } => write!(
                f,
                "le document contient des modifications suivies ({insertions} insertion{}, {deletions} suppression{}) ; acceptez-les ou refusez-les dans le traitement de texte, ou utilisez --revisions accept|reject",
                if *insertions > 1 { "s" } else { "" },
                if *deletions > 1 { "s" } else { "" }
            ),
            ErrorKind::NoArticle => write!(
                f,
                "aucun article reconnu (ni « Article 1er », ni « ARTICLE 2 », ni « 1. Objet ») : ce n'est pas une convention"
            ),
            ErrorKind::Apply(msg) => write!(f, "{msg}"),
            ErrorKind::Invalid(msg) => write!(f, "{msg}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : {}", self.path, self.kind)
    }
}

impl std::error::Error for Error {}

/// The result of reading a convention.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_in_the_unit_that_fits() {
        let too_large = |size, limit| ErrorKind::TooLarge { size, limit }.to_string();
        assert_eq!(
            too_large(41_943_040, 33_554_432),
            "fichier trop volumineux (40,0 Mo ; limite 32,0 Mo, voir --max-size)"
        );
        assert_eq!(
            too_large(2_700_000, 50_000),
            "fichier trop volumineux (2,6 Mo ; limite 48,8 Ko, voir --max-size)"
        );
        assert_eq!(
            too_large(2, 1),
            "fichier trop volumineux (2 octets ; limite 1 octet, voir --max-size)"
        );
    }
}
