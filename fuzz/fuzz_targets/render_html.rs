//! A tree built from hostile text (and a second tree with that text shuffled) → the HTML
//! « tableau comparatif »: the page must tokenize back with only the renderer's own elements and
//! attributes — no element, attribute or raw `<`/`>` coming from the input.
#![no_main]
use avenant::diff::{compare, DiffOptions};
use libfuzzer_sys::fuzz_target;

/// Every element the renderer writes.
const ELEMENTS: &[&str] = &[
    "a", "body", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div", "dl",
    "dt", "h1", "h2", "h3", "head", "header", "html", "ins", "li", "main", "meta", "nav", "ol", "p",
    "pre", "script", "section", "span", "strong", "style", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
];
/// Every attribute the renderer writes.
const ATTRIBUTES: &[&str] = &[
    "aria-labelledby", "charset", "class", "colspan", "content", "href", "http-equiv", "id", "lang",
    "name", "scope", "open", "title", "rowspan",
];

/// Checks the page, returning what is wrong.
fn check(html: &str) -> Result<(), String> {
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'>' => return Err(format!("« > » brut dans le texte à l'octet {i}")),
            b'<' => {
                if html[i..].starts_with("<!DOCTYPE") || html[i..].starts_with("<!--") {
                    let end = html[i..].find('>').ok_or("doctype non fermé")?;
                    i += end + 1;
                    continue;
                }
                let close = b.get(i + 1) == Some(&b'/');
                let start = i + 1 + close as usize;
                let mut j = start;
                while j < b.len() && (b[j].is_ascii_alphanumeric()) {
                    j += 1;
                }
                let name = &html[start..j];
                if !ELEMENTS.contains(&name) {
                    return Err(format!("élément inconnu « {name} » à l'octet {i}"));
                }
                // attributes: name="value" with no raw < > " inside the value
                loop {
                    while j < b.len() && b[j] == b' ' {
                        j += 1;
                    }
                    match b.get(j) {
                        Some(b'>') => {
                            j += 1;
                            break;
                        }
                        Some(b'/') if b.get(j + 1) == Some(&b'>') => {
                            j += 2;
                            break;
                        }
                        None => return Err("balise non fermée".into()),
                        _ => {}
                    }
                    let a = j;
                    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
                        j += 1;
                    }
                    let attr = &html[a..j];
                    if !ATTRIBUTES.contains(&attr) {
                        return Err(format!("attribut inconnu « {attr} » dans <{name}>"));
                    }
                    if b.get(j) == Some(&b'=') {
                        if b.get(j + 1) != Some(&b'"') {
                            return Err(format!("attribut « {attr} » sans guillemets"));
                        }
                        let end = html[j + 2..].find('"').ok_or("valeur non fermée")?;
                        let value = &html[j + 2..j + 2 + end];
                        if value.contains('<') || value.contains('>') {
                            return Err(format!("« < » ou « > » brut dans l'attribut « {attr} »"));
                        }
                        j += 2 + end + 1;
                    }
                }
                // the renderer's own style sheet and script are constant: skip their content
                if !close && (name == "style" || name == "script") {
                    let end = html[j..]
                        .find(&format!("</{name}>"))
                        .ok_or("style ou script non fermé")?;
                    j += end;
                }
                i = j;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines: Vec<&str> = text.lines().collect();
    let mut other = lines.clone();
    if !other.is_empty() {
        let k = data[0] as usize % other.len();
        other.swap(0, k);
        other.remove(k / 2);
    }
    let old = avenant::parse_str("<b>ancien</b>.md", &text);
    let new = avenant::parse_str("nouveau\".md", &other.join("\n"));
    let cmp = compare(old, new, &DiffOptions::default());
    let render = avenant::render::diff_common::DiffRenderOptions::default();
    let mut out = Vec::new();
    avenant::render::html::write_diff_html(&cmp, &render, &mut out).expect("écriture en mémoire");
    let html = String::from_utf8(out).expect("HTML en UTF-8");
    if let Err(e) = check(&html) {
        panic!("HTML non sûr : {e}\n{html}");
    }
});
