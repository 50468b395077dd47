//! An HTML page (a word processor's or Google Docs' « Page Web » export) read as the Markdown
//! lines it shows: headings, paragraphs and list items; its tables kept whole for the table reader.

/// The page's text as Markdown lines, or `None` when `text` is not a whole HTML page (an
/// HTML fragment in Markdown stays for the Markdown reader). `<head>`, `<script>` and
/// `<style>` are markup, not words; entities are left for the inline reader to decode.
pub fn page_to_markdown(text: &str) -> Option<String> {
    let start = text.trim_start().get(..15)?.to_ascii_lowercase();
    if !(start.starts_with("<!doctype html") || start.starts_with("<html")) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len() / 2);
    let mut at = 0;
    while let Some(open) = lower[at..].find('<').map(|i| at + i) {
        push_text(&mut out, &text[at..open]);
        let Some(close) = lower[open..].find('>').map(|i| open + i + 1) else {
            // A lone « < » is text.
            push_text(&mut out, &text[open..]);
            at = text.len();
            break;
        };
        let tag = &lower[open + 1..close - 1];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = tag.starts_with('/');
        at = close;
        match (name.as_str(), closing) {
            ("head" | "script" | "style" | "title", false) => {
                // Skipped whole, up to its closing tag.
                let end = format!("</{name}");
                at = match lower[close..].find(&end) {
                    Some(i) => lower[close + i..]
                        .find('>')
                        .map_or(text.len(), |j| close + i + j + 1),
                    None => text.len(),
                };
            }
            ("table", false) => {
                // Kept as HTML, on lines of its own: the Markdown reader reads HTML tables.
                let end = lower[close..]
                    .find("</table>")
                    .map_or(text.len(), |i| close + i + "</table>".len());
                block(&mut out);
                out.push_str(&text[open..end]);
                block(&mut out);
                at = end;
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                block(&mut out);
                let level = usize::from(name.as_bytes()[1] - b'0');
                out.push_str(&"#".repeat(level));
                out.push(' ');
            }
            ("p", false) if class_has(tag, "title") => {
                block(&mut out);
                out.push_str("# ");
            }
            ("p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol", _)
            | ("blockquote" | "body" | "section" | "article", _) => block(&mut out),
            ("li", false) => {
                line(&mut out);
                out.push_str("- ");
            }
            ("li" | "tr", true) | ("br", _) => line(&mut out),
            _ => {}
        }
    }
    push_text(&mut out, &text[at..]);
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    let mut page = String::with_capacity(out.len());
    let mut blank = true;
    for l in lines {
        let empty = l.trim().trim_start_matches('#').is_empty() || l.trim() == "-";
        if empty {
            if !blank {
                page.push('\n');
            }
            blank = true;
            continue;
        }
        page.push_str(l);
        page.push('\n');
        blank = false;
    }
    let end = page.trim_end().len();
    page.truncate(end);
    page.push('\n');
    Some(page)
}

/// Text between tags, its runs of white space one space, as a browser shows it.
fn push_text(out: &mut String, text: &str) {
    let mut space = out.ends_with([' ', '\n']) || out.is_empty();
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// Ends the current line.
fn line(out: &mut String) {
    let t = out.trim_end_matches(' ').len();
    out.truncate(t);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Ends the current paragraph: a blank line.
fn block(out: &mut String) {
    line(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// The tag's `class` attribute names `class` (« c9 title »).
fn class_has(tag: &str, class: &str) -> bool {
    let Some(i) = tag.find("class=") else {
        return false;
    };
    let value = tag[i + "class=".len()..].trim_start_matches(['"', '\'']);
    let value = &value[..value.find(['"', '\'']).unwrap_or(value.len())];
    value.split_whitespace().any(|c| c == class)
}

#[cfg(test)]
mod tests {
    use super::page_to_markdown;

    #[test]
    fn a_google_docs_page_is_its_headings_paragraphs_and_items() {
        let page = "<html><head><script>gtag('js');</script><style type=\"text/css\">.c1{color:#000}</style></head><body class=\"c11\"><p class=\"c9 title\" id=\"h.1\"><span class=\"c10\">STATUTS </span><span>&laquo;&nbsp;X&nbsp;&raquo;</span></p><h3 class=\"c3\"><span>ARTICLE 1 &ndash; OBJET</span></h3><p class=\"c4\"><span>Il est fond&eacute; </span><span class=\"c7\">une association</span><span>.</span></p><p class=\"c4 c6\"><span></span></p><ul class=\"c12\"><li class=\"c0\"><span>Par d&eacute;c&egrave;s;</span></li><li><span>Par d&eacute;mission.</span></li></ul></body></html>\n";
        assert_eq!(
            page_to_markdown(page).as_deref(),
            Some(
                "# STATUTS &laquo;&nbsp;X&nbsp;&raquo;\n\n### ARTICLE 1 &ndash; OBJET\n\nIl est fond&eacute; une association.\n\n- Par d&eacute;c&egrave;s;\n- Par d&eacute;mission.\n"
            )
        );
    }

    #[test]
    fn markdown_and_fragments_are_not_pages() {
        assert_eq!(
            page_to_markdown("# Convention\n\n<table><tr><td>a</td></tr></table>\n"),
            None
        );
        assert_eq!(page_to_markdown("<p>Article 1</p>"), None);
    }

    #[test]
    fn a_table_stays_html() {
        let page = "<!DOCTYPE html><html><body><h2>Annexe</h2><table><tr><td>a</td><td>b</td></tr></table><p>Fin</p></body></html>";
        assert_eq!(
            page_to_markdown(page).as_deref(),
            Some("## Annexe\n\n<table><tr><td>a</td><td>b</td></tr></table>\n\nFin\n")
        );
    }
}
