//! Decoding of text files: UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1252
//! (common in office exports), with line ends made `\n`. Binary and blank inputs are refused.

use crate::error::ErrorKind;
use crate::model::{Diagnostic, Severity};

/// Largest input read by default (32 MiB): larger files are refused with a clear message.
pub const DEFAULT_MAX_SIZE: u64 = 32 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    pub max_size: u64,
    /// What to do with the tracked changes of a .docx or .odt.
    pub revisions: Revisions,
}

/// Tracked changes in an office document: accepted (default), rejected, or refused (error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Revisions {
    #[default]
    Accept,
    Reject,
    Refuse,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_size: DEFAULT_MAX_SIZE,
            revisions: Revisions::Accept,
        }
    }
}

/// Decodes text bytes. Returns the text with `\n` line ends, and a warning when it was not UTF-8.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), ErrorKind> {
    let mut diagnostics = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, _) = enc.decode(bytes);
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "fichier lu en UTF-16 (marque d'ordre des octets)",
        ));
        text.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                if looks_binary(bytes) {
                    return Err(ErrorKind::Binary);
                }
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "le fichier n'est pas en UTF-8 : lu comme Windows-1252",
                    )
                    .with_hint("enregistrez-le en UTF-8 pour éviter toute ambiguïté"),
                );
                text.into_owned()
            }
        }
    };
    if looks_binary(text.as_bytes()) {
        return Err(ErrorKind::Binary);
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok((text, diagnostics))
}

/// NUL bytes, or more than 1 % of control characters other than tab, line feed, carriage
/// return and form feed, in the first 64 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(65_536)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 100 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_read_with_a_warning() {
        let bytes = b"Article 1er : Dur\xe9e de la convention";
        let (text, diags) = decode_text(bytes).unwrap();
        assert_eq!(text, "Article 1er : Durée de la convention");
        assert_eq!(diags[0].severity, Severity::Warning);
    }

    #[test]
    fn utf8_bom_and_crlf() {
        let (text, diags) = decode_text(b"\xEF\xBB\xBFa\r\nb\rc").unwrap();
        assert_eq!(text, "a\nb\nc");
        assert!(diags.is_empty());
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Été".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(&bytes).unwrap().0, "Été");
    }

    #[test]
    fn binary_and_blank_are_refused() {
        assert_eq!(
            decode_text(b"\x00\x01\x02abc").unwrap_err(),
            ErrorKind::Binary
        );
        assert_eq!(decode_text(b" \n\t\n").unwrap_err(), ErrorKind::Empty);
    }
}
