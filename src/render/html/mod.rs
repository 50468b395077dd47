//! The HTML views a jurist opens in a browser: the « tableau comparatif » of a
//! [`Comparison`](crate::diff::Comparison) (one self-contained page, inline CSS, no script, no
//! network reference) and the check matrix.
//!
//! The page is built in two steps: a plain model of blocks and rows (so that moves can be linked
//! both ways, from where a unit left to where it arrived and back), then the markup. Every
//! character of the input goes through [`escape`].

mod builder;
mod check;
mod diff;

pub use check::write_check_html;
pub use diff::write_diff_html;
use std::io::{self, Write};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Marianne", "Segoe UI", Arial, sans-serif; color: #1e1e1e; background: #fff;
  margin: 1.5rem auto; max-width: 80rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
a { color: #0a4a9e; }
a:focus-visible, summary:focus-visible { outline: 3px solid #0a4a9e; outline-offset: 2px; }
.documents { margin: .25rem 0 1rem; }
.documents dt { font-weight: bold; }
.documents dd { margin: 0 0 .4rem 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border: 1px solid #6b6b6b; padding: .4rem .5rem; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
thead th { background: #dfe6f1; }
col.texte { width: 38%; } col.obs { width: 24%; }
th.unite { background: #f0f0f0; font-size: 1.02rem; }
th.unite .statut { font-weight: normal; font-style: italic; }
del { color: #8f0000; background: #fde7e7; text-decoration: line-through; }
ins { color: #0b5322; background: #e3f4e8; text-decoration: underline; }
.inseree { background: #f1faf3; } .supprimee { background: #fdf3f3; }
.depart td { color: #444; font-style: italic; }
.neant { color: #595959; font-style: italic; }
details summary { cursor: pointer; color: #0a4a9e; }
details .texte { margin: .3rem 0 .6rem 1rem; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.legende dt { font-weight: bold; float: left; clear: left; width: 9rem; }
.legende dd { margin-left: 10rem; }
.conforme { background: #e3f4e8; } .ecart { background: #fde7e7; } .accepte { background: #fff4d6; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; margin: 0; font-size: 10pt; }
  nav { break-after: page; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  del, ins, .conforme, .ecart, .accepte { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub(super) fn head(w: &mut impl Write, title: &str) -> io::Result<()> {
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, "<html lang=\"fr\">")?;
    writeln!(w, "<head>")?;
    writeln!(w, "<meta charset=\"utf-8\">")?;
    // No script, no request of any kind: the browser enforces what the page promises.
    writeln!(
        w,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )?;
    writeln!(
        w,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(w, "<title>{}</title>", escape(title))?;
    writeln!(w, "<style>{STYLE}</style>")?;
    writeln!(w, "</head>")?;
    writeln!(w, "<body>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(0) + 0.7152 * c(2) + 0.0722 * c(4)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_colours_pass_wcag_aa() {
        // (text, background) pairs the stylesheet uses; AA asks 4.5:1 for body text.
        for (fg, bg) in [
            ("1e1e1e", "ffffff"),
            ("0a4a9e", "ffffff"),
            ("8f0000", "fde7e7"),
            ("0b5322", "e3f4e8"),
            ("595959", "ffffff"),
            ("444444", "ffffff"),
            ("1e1e1e", "dfe6f1"),
            ("1e1e1e", "f0f0f0"),
            ("1e1e1e", "fff4d6"),
            ("8f0000", "fdf3f3"),
            ("0b5322", "f1faf3"),
        ] {
            assert!(STYLE.contains(&format!("#{fg}")) || fg == "444444" || fg == "1e1e1e");
            assert!(
                contrast(fg, bg) >= 4.5,
                "#{fg} on #{bg}: {:.2}",
                contrast(fg, bg)
            );
        }
    }

    #[test]
    fn every_markup_character_is_escaped() {
        assert_eq!(
            escape("<script>&amp;\"'>"),
            "&lt;script&gt;&amp;amp;&quot;&#39;&gt;"
        );
    }
}
