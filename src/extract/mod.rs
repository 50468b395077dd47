//! Extract stage: file bytes → [`Source`] text (UTF-8, Windows-1252, UTF-16, an HTML page, a PDF).
//! It refuses what is not a readable document with one clear [`Error`]; it never parses structure.

pub mod html;
pub mod office;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod text;

pub use office::Locators;
pub use text::{decode_text, decode_text_owned, ReadOptions, Revisions, DEFAULT_MAX_SIZE};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Diagnostic, Format, Source};
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

/// The path that means « standard input » on the command line.
pub const STDIN_PATH: &str = "-";
/// How standard input is named in messages and in the source.
pub const STDIN_NAME: &str = "entrée standard";

/// Reads a file into a [`Source`], with any warnings about how it was read. `-` reads standard
/// input; special files (FIFO, device, socket) are refused before being opened, so that a FIFO
/// with no writer cannot block.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<(Source, Vec<Diagnostic>)> {
    read_path_located(path, options).map(|(s, d, _)| (s, d))
}

/// [`read_path`], with where each block of the text came from in an office document (empty for
/// text and PDF, whose spans already point into the file's own text).
pub fn read_path_located(
    path: &Path,
    options: &ReadOptions,
) -> Result<(Source, Vec<Diagnostic>, Locators)> {
    if path.as_os_str() == STDIN_PATH {
        let bytes = read_limited(std::io::stdin().lock(), STDIN_NAME, 0, options)?;
        return read_located(STDIN_NAME, Cow::Owned(bytes), options);
    }
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::new(name, ErrorKind::NotFound))
        }
        Err(e) => return Err(Error::new(name, ErrorKind::Io(e.to_string()))),
    };
    if meta.is_dir() {
        return Err(Error::new(name, ErrorKind::IsDirectory));
    }
    if !meta.is_file() {
        return Err(Error::new(name, ErrorKind::SpecialFile));
    }
    if meta.len() > options.max_size {
        return Err(Error::new(
            name,
            ErrorKind::TooLarge {
                size: meta.len(),
                limit: options.max_size,
            },
        ));
    }
    let file =
        std::fs::File::open(path).map_err(|e| Error::new(&name, ErrorKind::Io(e.to_string())))?;
    let bytes = read_limited(file, &name, meta.len(), options)?;
    read_located(&name, Cow::Owned(bytes), options)
}

/// Reads at most `max_size` bytes (a file that grew since it was measured, or standard input,
/// is refused past the limit rather than read whole into memory). The buffer is sized once
/// from `expected` (the file's length; one byte more, to see the end): a text file's buffer
/// becomes its decoded text without a copy ([`decode_text_owned`]).
fn read_limited(
    reader: impl Read,
    name: &str,
    expected: u64,
    options: &ReadOptions,
) -> Result<Vec<u8>> {
    let expected = expected.min(options.max_size).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    reader
        .take(options.max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::new(name, ErrorKind::Io(e.to_string())))?;
    if bytes.len() as u64 > options.max_size {
        return Err(Error::new(
            name,
            ErrorKind::TooLarge {
                size: bytes.len() as u64,
                limit: options.max_size,
            },
        ));
    }
    Ok(bytes)
}

/// Reads bytes already in memory; `name` is used in messages and in the source.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Source, Vec<Diagnostic>)> {
    read_bytes_located(name, bytes, options).map(|(s, d, _)| (s, d))
}

/// [`read_bytes`], with the office locators (see [`read_path_located`]).
pub fn read_bytes_located(
    name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Source, Vec<Diagnostic>, Locators)> {
    read_located(name, Cow::Borrowed(bytes), options)
}

/// [`read_bytes_located`] on bytes borrowed or owned: owned text bytes become the text itself.
fn read_located(
    name: &str,
    bytes: Cow<'_, [u8]>,
    options: &ReadOptions,
) -> Result<(Source, Vec<Diagnostic>, Locators)> {
    if bytes.len() as u64 > options.max_size {
        return Err(Error::new(
            name,
            ErrorKind::TooLarge {
                size: bytes.len() as u64,
                limit: options.max_size,
            },
        ));
    }
    if bytes.is_empty() {
        return Err(Error::new(name, ErrorKind::Empty));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return office::read_zip_located(name, &bytes, options);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(Error::new(
            name,
            ErrorKind::Unsupported(office::ole_refusal(&bytes)),
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(Error::new(
            name,
            ErrorKind::Unsupported(office::RTF_REFUSAL.into()),
        ));
    }
    if let Some(what) = unsupported_magic(&bytes) {
        return Err(Error::new(name, ErrorKind::Unsupported(what.to_string())));
    }
    if is_pdf(&bytes) {
        return read_pdf(name, &bytes).map(|(s, d)| (s, d, Locators::default()));
    }
    let (text, diagnostics) =
        decode_text_owned(bytes.into_owned()).map_err(|kind| Error::new(name, kind))?;
    // An HTML page (« Page Web » export): the Markdown lines it shows (blind4 finding 12).
    let text = html::page_to_markdown(&text).unwrap_or(text);
    Ok((
        Source {
            path: name.to_string(),
            format: Format::Text,
            text,
        },
        diagnostics,
        Locators::default(),
    ))
}

/// `%PDF-` within the first kilobyte, as readers accept it.
fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

fn unsupported_magic(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("image non prise en charge ; utilisez le texte ou le PDF du document")
    } else {
        None
    }
}

#[cfg(feature = "pdf")]
fn read_pdf(name: &str, bytes: &[u8]) -> Result<(Source, Vec<Diagnostic>)> {
    let (text, layer) = pdf::pdf_to_checked_text(bytes)
        .map_err(|e| Error::new(name, ErrorKind::Pdf(e.to_string())))?;
    let diagnostics = layer
        .warning()
        .map(|w| Diagnostic::new(crate::model::Severity::Warning, w))
        .into_iter()
        .collect();
    Ok((
        Source {
            path: name.to_string(),
            format: Format::Pdf,
            text,
        },
        diagnostics,
    ))
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(name: &str, _bytes: &[u8]) -> Result<(Source, Vec<Diagnostic>)> {
    Err(Error::new(
        name,
        ErrorKind::Unsupported("lecture des PDF non compilée (fonctionnalité « pdf »)".into()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_zip_and_empty() {
        let o = ReadOptions::default();
        let e = read_bytes("a.docx", b"PK\x03\x04rest", &o).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Office(_)));
        assert_eq!(read_bytes("e", b"", &o).unwrap_err().kind, ErrorKind::Empty);
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_being_read() {
        let o = ReadOptions::default();
        let e = read_path(Path::new("/dev/null"), &o).unwrap_err();
        assert_eq!(e.kind, ErrorKind::SpecialFile);
        assert!(e.to_string().starts_with("/dev/null : fichier spécial"));
    }

    #[test]
    fn a_file_is_read_up_to_the_limit_only() {
        let o = ReadOptions {
            max_size: 4,
            ..ReadOptions::default()
        };
        let e = read_limited(&b"abcdefgh"[..], "x", 8, &o).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::TooLarge { .. }));
        assert_eq!(read_limited(&b"abcd"[..], "x", 4, &o).unwrap(), b"abcd");
        assert_eq!(read_limited(&b"abcd"[..], "x", 0, &o).unwrap(), b"abcd");
    }

    #[test]
    fn too_large_is_refused() {
        let o = ReadOptions {
            max_size: 3,
            ..ReadOptions::default()
        };
        let e = read_bytes("big.md", b"abcdef", &o).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("big.md : fichier trop volumineux"));
    }
}
