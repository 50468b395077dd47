//! Decoding of text files: UTF-8 (with or without BOM, a few bad bytes replaced), UTF-16 (with or
//! without BOM), and Windows-1252 when the file as a whole is not UTF-8; line ends made `\n`.

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

/// How many invalid-byte positions a warning lists before summarising the rest.
const LISTED_POSITIONS: usize = 5;

/// Decodes text bytes. Returns the text with `\n` line ends, and at most one warning about how
/// it was read (Windows-1252, or UTF-8 with invalid bytes replaced by U+FFFD at given positions).
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), ErrorKind> {
    let mut diagnostics = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8(rest, 3, &mut diagnostics)
    } else if let Some(enc) = utf16_encoding(bytes) {
        let (text, _, _) = enc.decode(bytes);
        let how = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            "fichier lu en UTF-16 (marque d'ordre des octets)"
        } else {
            "fichier lu en UTF-16 (sans marque d'ordre des octets)"
        };
        diagnostics.push(Diagnostic::new(Severity::Info, how));
        text.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                if looks_binary(bytes) {
                    return Err(ErrorKind::Binary);
                }
                if mostly_utf8(bytes) {
                    decode_utf8(bytes, 0, &mut diagnostics)
                } else {
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

/// [`decode_text`] on bytes the caller gives away: a file in UTF-8 without a byte-order mark
/// or a carriage return (the usual case) becomes its text without a copy, so that reading a
/// code does not hold it twice; any other file is decoded as [`decode_text`] does.
pub fn decode_text_owned(bytes: Vec<u8>) -> Result<(String, Vec<Diagnostic>), ErrorKind> {
    if bytes.starts_with(b"\xEF\xBB\xBF")
        || utf16_encoding(&bytes).is_some()
        || bytes.contains(&b'\r')
    {
        return decode_text(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            if looks_binary(text.as_bytes()) {
                return Err(ErrorKind::Binary);
            }
            if text.trim().is_empty() {
                return Err(ErrorKind::Empty);
            }
            Ok((text, Vec::new()))
        }
        Err(e) => decode_text(e.as_bytes()),
    }
}

/// The UTF-16 flavour of a file: by its byte-order mark, or, without one, because NUL bytes
/// fill one byte of most pairs (the high byte of Latin text) and almost never the other.
fn utf16_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(encoding_rs::UTF_16LE);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(encoding_rs::UTF_16BE);
    }
    let head = &bytes[..bytes.len().min(65_536) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // Text: at least 70 % of one side NUL, at most 1 % of the other; binary data has NULs on both.
    if odd_nul * 10 >= pairs * 7 && even_nul * 100 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 100 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 as a whole: they hold at least as many
/// valid multi-byte sequences (accented letters, « ») as invalid bytes. A Windows-1252 file has
/// its accented letters as single invalid bytes and almost never a valid sequence.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_sequences = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_sequences += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid_sequences > 0 && invalid <= valid_sequences
}

/// UTF-8 with each invalid sequence replaced by U+FFFD, and one warning naming where they were
/// (line, and byte number counted from 1 at the start of the file, `offset` bytes of BOM included).
fn decode_utf8(bytes: &[u8], offset: usize, diagnostics: &mut Vec<Diagnostic>) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut positions = Vec::new();
    let mut line = 1usize;
    let mut at = offset;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        if !chunk.invalid().is_empty() {
            line += valid.bytes().filter(|b| *b == b'\n').count();
            positions.push((line, at + valid.len() + 1));
            text.push('\u{FFFD}');
        } else {
            line += valid.bytes().filter(|b| *b == b'\n').count();
        }
        at += valid.len() + chunk.invalid().len();
    }
    if !positions.is_empty() {
        diagnostics.push(
            Diagnostic::new(Severity::Warning, invalid_bytes_message(&positions))
                .with_hint("vérifiez ces passages dans le document d'origine"),
        );
    }
    text
}

/// « fichier UTF-8 avec 2 octets invalides remplacés par « � » : ligne 3 (octet 58), ligne 9 (octet 402) ».
fn invalid_bytes_message(positions: &[(usize, usize)]) -> String {
    let n = positions.len();
    let listed: Vec<String> = positions
        .iter()
        .take(LISTED_POSITIONS)
        .map(|(line, byte)| format!("ligne {line} (octet {byte})"))
        .collect();
    let more = if n > LISTED_POSITIONS {
        format!(" et {} autres", n - LISTED_POSITIONS)
    } else {
        String::new()
    };
    let (what, replaced) = if n == 1 {
        ("1 octet invalide", "remplacé")
    } else {
        ("octets invalides", "remplacés")
    };
    let count = if n == 1 {
        what.to_string()
    } else {
        format!("{n} {what}")
    };
    format!(
        "fichier UTF-8 avec {count} {replaced} par «\u{a0}\u{FFFD}\u{a0}» : {}{more}",
        listed.join(", ")
    )
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
    fn owned_bytes_decode_as_borrowed_ones() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Été".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let mut bad = "Réseau Canopé\n".repeat(20).into_bytes();
        bad[3] = 0xFF;
        let cases: Vec<Vec<u8>> = vec![
            b"Article 1er : Dur\xe9e de la convention".to_vec(),
            b"\xEF\xBB\xBFa\r\nb\rc".to_vec(),
            b"a\r\nb".to_vec(),
            "Article 1er\n\nLe texte « cité ».\n".as_bytes().to_vec(),
            utf16,
            bad,
            b"   \n\t\n".to_vec(),
            b"\0\0\0\x01\x02binary\0".to_vec(),
            Vec::new(),
        ];
        for bytes in cases {
            let owned = decode_text_owned(bytes.clone());
            assert_eq!(owned, decode_text(&bytes), "{bytes:?}");
        }
        // The usual file keeps its buffer: no copy.
        let bytes = "Article 1er\n\nTexte.\n".as_bytes().to_vec();
        let at = bytes.as_ptr();
        assert_eq!(decode_text_owned(bytes).unwrap().0.as_ptr(), at);
    }

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
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        let mut bytes = "Réseau Canopé\n".repeat(20).into_bytes();
        bytes.insert(16, 0xFF);
        let (text, diags) = decode_text(&bytes).unwrap();
        assert!(text.starts_with("Réseau Canopé\n\u{FFFD}Réseau Canopé\n"));
        assert_eq!(text.matches("Réseau Canopé").count(), 20);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].message,
            "fichier UTF-8 avec 1 octet invalide remplacé par «\u{a0}\u{FFFD}\u{a0}» : ligne 2 (octet 17)"
        );
    }

    #[test]
    fn many_bad_bytes_are_summarised_in_one_warning() {
        let mut bytes = Vec::new();
        for _ in 0..8 {
            bytes.extend_from_slice("élément « a »\n".as_bytes());
            bytes.push(0xFE);
        }
        let (_, diags) = decode_text(&bytes).unwrap();
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("8 octets invalides remplacés"));
        assert!(
            diags[0].message.ends_with("et 3 autres"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn windows_1252_with_one_accidental_utf8_sequence_stays_1252() {
        // « Ã© » in cp1252 is C3 A9, a valid UTF-8 « é »; the other accents are single bytes.
        let bytes = b"Dur\xe9e, \xe9ch\xe9ance, r\xe9sili\xe9e, \xc3\xa9";
        let (text, diags) = decode_text(bytes).unwrap();
        assert!(text.starts_with("Durée, échéance"));
        assert!(diags[0].message.contains("Windows-1252"));
    }

    #[test]
    fn utf16_without_bom() {
        let le: Vec<u8> = "Article 1er : Été"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode_text(&le).unwrap().0, "Article 1er : Été");
        let be: Vec<u8> = "Article 1er : Été"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode_text(&be).unwrap().0, "Article 1er : Été");
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
