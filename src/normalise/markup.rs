//! Markdown markup that is not words, as real authors write it: YAML front matter, `<style>` /
//! `<script>` blocks, HTML comments, kramdown attribute lists, block-quote markers and GitHub
//! admonition tags are dropped before lines are classified; HTML tables are read as rows of cells.

use super::tables::{Piece, Placed};
use std::borrow::Cow;

/// Lines searched for the end of a block (`</style>`, `-->`): an unclosed opening costs a
/// bounded scan, never one to the end of the text for each. A table's end is not bounded: it
/// is counted once for the whole text ([`TableDepths`]).
const MAX_BLOCK: usize = 2000;

/// The raw lines with their non-word markup removed, one per raw line (a line that was only
/// markup becomes empty), or `None` when no line has any (most texts: nothing is copied).
/// YAML front matter keeps its `title:` as a `#` heading when the text has no `#` title.
pub(super) fn strip<'a>(raws: &[&'a str]) -> Option<Vec<Cow<'a, str>>> {
    strip_with(raws, true)
}

/// [`strip`]; with `filter`, the lines before the first one that may hold markup are not
/// looked at (none at all when no line may: one scan of the text), nor the lines after it
/// that may not. Without, every line is read (the reference the unit test compares to).
fn strip_with<'a>(raws: &[&'a str], filter: bool) -> Option<Vec<Cow<'a, str>>> {
    let front = front_matter(raws);
    let first = if filter {
        raws.iter().position(|r| may_have_markup(r))
    } else {
        Some(0)
    };
    if front.is_none() && first.is_none() {
        return None;
    }
    let mut out: Vec<Cow<'a, str>> = raws.iter().map(|r| Cow::Borrowed(*r)).collect();
    // Lines before the first that may hold markup are left as they are.
    let mut i = first.unwrap_or(raws.len());
    if let Some(end) = front {
        let has_title = raws[end + 1..].iter().any(|r| {
            let t = r.trim_start();
            r.len() - t.len() < 4 && (t.starts_with("# ") || t.starts_with("#\t"))
        });
        for k in 0..=end {
            out[k] = Cow::Borrowed("");
            if !has_title {
                if let Some(title) = yaml_value(raws[k], "title") {
                    out[k] = Cow::Owned(format!("# {title}"));
                }
            }
        }
        i = i.max(end + 1);
    }
    // The lines closing a block, each line looked at once however many unclosed openings
    // ask (a text of 100,000 unclosed `<!--` or `<style>` would otherwise cost 2,000 line
    // scans each: `i` only grows).
    let mut style_ends = NextLine::new(|r| r.to_ascii_lowercase().contains("</style"));
    let mut script_ends = NextLine::new(|r| r.to_ascii_lowercase().contains("</script"));
    let mut comment_ends = NextLine::new(|r| r.contains("-->"));
    while i < raws.len() {
        let raw = raws[i];
        // A line without `<`, `{:` or a leading `>` is none of the cases below: kept as is.
        if filter && !may_have_markup(raw) {
            i += 1;
            continue;
        }
        let t = raw.trim_start();
        // `<style>` and `<script>` blocks: code, not text.
        if let Some(tag) = ["style", "script"]
            .into_iter()
            .find(|tag| starts_with_tag(t, tag))
        {
            // Unclosed (within a bound), only the line is code: the text after it stays text.
            let closes = if tag == "style" {
                &mut style_ends
            } else {
                &mut script_ends
            };
            let end = closes.within(raws, i, i + MAX_BLOCK).unwrap_or(i);
            out[i..=end].fill(Cow::Borrowed(""));
            i = end + 1;
            continue;
        }
        // An HTML comment over several lines (one on a line is dropped by the inline reader).
        if let Some(open) = raw.find("<!--") {
            if !raw[open..].contains("-->") {
                if let Some(end) = comment_ends.within(raws, i + 1, i + MAX_BLOCK) {
                    out[i] = Cow::Borrowed(&raw[..open]);
                    out[i + 1..end].fill(Cow::Borrowed(""));
                    let last = raws[end];
                    let after = last.find("-->").map_or(last.len(), |p| p + 3);
                    out[end] = Cow::Borrowed(&last[after..]);
                    i = end + 1;
                    continue;
                }
            }
        }
        let unquoted = unquote(raw);
        let line = match attribute_lists(&unquoted) {
            Some(clean) => Cow::Owned(clean),
            None => unquoted,
        };
        out[i] = line;
        i += 1;
    }
    Some(out)
}

/// The next line that closes a block (`</style`, `-->`), searched forward from ever later
/// lines: each line is tested at most once.
struct NextLine {
    closes: fn(&str) -> bool,
    /// Lines before `searched` have been tested; `found` is the last one that closes.
    searched: usize,
    found: Option<usize>,
}

impl NextLine {
    fn new(closes: fn(&str) -> bool) -> Self {
        Self {
            closes,
            searched: 0,
            found: None,
        }
    }

    /// The first line in `from..limit` (and before the end of `raws`) that closes; `from`
    /// never smaller than at the previous call.
    fn within(&mut self, raws: &[&str], from: usize, limit: usize) -> Option<usize> {
        if let Some(f) = self.found.filter(|f| *f >= from) {
            return (f < limit).then_some(f);
        }
        let limit = limit.min(raws.len());
        let start = self.searched.max(from);
        for (k, raw) in raws.iter().enumerate().take(limit).skip(start) {
            if (self.closes)(raw) {
                self.found = Some(k);
                self.searched = k + 1;
                return Some(k);
            }
        }
        self.searched = self.searched.max(limit);
        None
    }
}

/// Whether a line may hold markup [`strip`] removes (a cheap test: most lines hold none).
fn may_have_markup(raw: &str) -> bool {
    raw.contains('<')
        || raw.trim_start().starts_with('>')
        || (raw.contains('{') && raw.contains("{:"))
}

/// `<tag` followed by `>`, a space or `/` at the start of `t`, in any case.
fn starts_with_tag(t: &str, tag: &str) -> bool {
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    rest.len() >= tag.len()
        && rest.is_char_boundary(tag.len())
        && rest[..tag.len()].eq_ignore_ascii_case(tag)
        && rest[tag.len()..].starts_with(['>', ' ', '/', '\t'])
}

/// The last line of a YAML front matter opening the text (`---`, `key: value` lines, `---` or
/// `...`), or `None`.
fn front_matter(raws: &[&str]) -> Option<usize> {
    if raws.first()?.trim_end() != "---" {
        return None;
    }
    let mut keys = 0;
    for (k, raw) in raws.iter().enumerate().skip(1).take(64) {
        let t = raw.trim_end();
        if t == "---" || t == "..." {
            return (keys > 0).then_some(k);
        }
        if t.is_empty() || t.starts_with([' ', '\t', '#']) || t.starts_with("- ") {
            continue;
        }
        yaml_key(t)?;
        keys += 1;
    }
    None
}

/// The key of a YAML `key: value` line (a name of letters, digits, `_` and `-`).
fn yaml_key(t: &str) -> Option<&str> {
    let colon = t.find(':')?;
    let key = &t[..colon];
    let rest = &t[colon + 1..];
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && (rest.is_empty() || rest.starts_with([' ', '\t'])))
    .then_some(key)
}

/// The value of `key:` on this line, quotes removed, when it is not empty.
fn yaml_value<'a>(raw: &'a str, key: &str) -> Option<&'a str> {
    let t = raw.trim_end();
    if yaml_key(t)? != key {
        return None;
    }
    let v = t[key.len() + 1..].trim();
    let v = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v);
    (!v.is_empty()).then_some(v)
}

/// A block-quote line without its `>` markers, and without a GitHub admonition tag
/// (`> [!NOTE]`, `> [!INFO] texte`) after them.
fn unquote(raw: &str) -> Cow<'_, str> {
    let t = raw.trim_start();
    if raw.len() - t.len() >= 4 || !t.starts_with('>') {
        return Cow::Borrowed(raw);
    }
    // Each `>` takes one space after it; the rest of the indentation is the quoted line's own.
    let mut rest = t;
    while let Some(r) = rest.strip_prefix('>') {
        rest = r.strip_prefix([' ', '\t']).unwrap_or(r);
        let inner = rest.trim_start_matches(' ');
        if inner.starts_with('>') && rest.len() - inner.len() < 4 {
            rest = inner;
        }
    }
    if let Some(r) = rest.strip_prefix("[!") {
        if let Some(end) = r.find(']') {
            if end > 0 && r[..end].chars().all(|c| c.is_ascii_alphabetic()) {
                rest = r[end + 1..].trim_start();
            }
        }
    }
    Cow::Borrowed(rest)
}

/// The line without its kramdown attribute lists (`{:target="_blank"}`, `{: .classe}`), or
/// `None` when it has none.
fn attribute_lists(raw: &str) -> Option<String> {
    if !raw.contains("{:") {
        return None;
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut changed = false;
    while let Some(open) = rest.find("{:") {
        let after = &rest[open + 2..];
        // The list ends at the first `}` not inside quotes.
        let mut quote = None;
        let close = after.char_indices().find_map(|(k, c)| match (c, quote) {
            ('"' | '\'', None) => {
                quote = Some(c);
                None
            }
            (c, Some(q)) if c == q => {
                quote = None;
                None
            }
            ('}', None) => Some(k),
            ('{' | '\n', None) => Some(usize::MAX),
            _ => None,
        });
        match close {
            Some(k) if k != usize::MAX && looks_like_attributes(&after[..k]) => {
                out.push_str(&rest[..open]);
                rest = &after[k + 1..];
                changed = true;
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Kramdown attributes: `.classe`, `#id`, `clé="valeur"`, `clé=valeur`, separated by spaces.
fn looks_like_attributes(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && (s.starts_with(['.', '#'])
            || s.split_once('=').is_some_and(|(k, _)| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            }))
}

/// An HTML table (`<table>` … `</table>`) starting at raw line `i`: its rows of cells (merged
/// cells left empty so that columns stay aligned, as the office reader does), and the index
/// just past its last line. A table of one column is layout: its cells are text.
#[cfg(test)]
pub(super) fn html_table(raws: &[&str], i: usize) -> Option<(Vec<Placed>, usize)> {
    html_table_in(raws, i, &mut TableDepths::default())
}

/// For each raw line, the line closing a table opened there: the first line after which no
/// more tables are open than before it (`None`: never closed). Counted once for the whole text
/// when a line first opens a table, by one walk with a stack: a text of many unclosed
/// `<table>` lines is not read again from each of them, and a table of any length (the Code du
/// travail's tableau of conseils de prud'hommes runs over 3,900 lines) is found whole.
#[derive(Default)]
pub(super) struct TableDepths(Option<Vec<Option<u32>>>);

impl TableDepths {
    fn of(&mut self, raws: &[&str]) -> &[Option<u32>] {
        self.0.get_or_insert_with(|| {
            // depths[k]: tables open before raw line k (depths[raws.len()]: at the end).
            let mut depths = Vec::with_capacity(raws.len() + 1);
            let mut depth = 0i32;
            depths.push(depth);
            for raw in raws {
                if raw.contains('<') {
                    // `<table` tags and `</table` closings, any case, read in place.
                    let (mut opens, mut closes) = (0usize, 0usize);
                    for (p, _) in raw.match_indices('<') {
                        let tag = &raw[p..];
                        if starts_with_tag(tag, "table") {
                            opens += 1;
                        } else if tag
                            .as_bytes()
                            .get(1..7)
                            .is_some_and(|t| t.eq_ignore_ascii_case(b"/table"))
                        {
                            closes += 1;
                        }
                    }
                    depth = depth
                        .saturating_add(opens as i32)
                        .saturating_sub(closes as i32);
                }
                depths.push(depth);
            }
            // The next j > i with depths[j] <= depths[i]: the block of line i ends at j - 1.
            let mut ends = vec![None; raws.len()];
            let mut open: Vec<usize> = Vec::new();
            for (j, d) in depths.iter().enumerate() {
                while let Some(&i) = open.last() {
                    if depths[i] < *d {
                        break;
                    }
                    open.pop();
                    ends[i] = Some((j - 1) as u32);
                }
                if j < raws.len() {
                    open.push(j);
                }
            }
            ends
        })
    }
}

/// [`html_table`], with the text's table depths counted once for all its lines.
pub(super) fn html_table_in(
    raws: &[&str],
    i: usize,
    depths: &mut TableDepths,
) -> Option<(Vec<Placed>, usize)> {
    if !starts_with_tag(raws[i].trim_start(), "table") {
        return None;
    }
    // The block: up to the `</table>` closing the first `<table>` (nested ones counted), the
    // first line after which no more tables are open than before line `i`.
    let end = depths.of(raws)[i]? as usize;
    // The block's text, with the raw line each byte comes from.
    let mut text = String::new();
    let mut line_at = Vec::new();
    for (k, raw) in raws.iter().enumerate().take(end + 1).skip(i) {
        text.push_str(raw);
        text.push(' ');
        line_at.resize(text.len(), k);
    }
    let lower = text.to_ascii_lowercase();
    let mut rows: Vec<(Vec<String>, usize, usize)> = Vec::new();
    // Row spans still open: for each column, the rows it still covers (0: none).
    let mut spans: Vec<usize> = Vec::new();
    // Empty cells (merged ones) that may still be made: a table's cells stay within its size
    // (a cell of `rowspan=1000 colspan=64` repeated would otherwise make billions).
    let mut spare = text.len();
    let mut row: Option<(Vec<String>, usize)> = None;
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(p) = lower[at..].find('<') {
        let p = at + p;
        let tag_end = lower[p..].find('>').map_or(lower.len(), |e| p + e + 1);
        let tag = &lower[p..tag_end];
        at = tag_end;
        let name: String = tag
            .trim_start_matches('<')
            .chars()
            .take_while(|c| *c == '/' || c.is_ascii_alphanumeric())
            .collect();
        // A row ends at its `</tr>`, or (HTML leaves it out) at the next row or the table's end.
        let mut end_row = |row: &mut Option<(Vec<String>, usize)>| {
            if let Some((mut cells, first)) = row.take() {
                // Spans reaching past the row's last cell.
                fill_spans(&mut cells, &spans, &mut spare);
                for s in &mut spans {
                    *s = s.saturating_sub(1);
                }
                while spans.last() == Some(&0) {
                    spans.pop();
                }
                rows.push((cells, first, line_at[p.min(line_at.len() - 1)]));
            }
        };
        match name.as_str() {
            "table" => depth += 1,
            "/table" => {
                if depth == 1 {
                    end_row(&mut row);
                }
                depth = depth.saturating_sub(1);
            }
            _ if depth != 1 => {}
            "tr" => {
                end_row(&mut row);
                row = Some((Vec::new(), line_at[p]));
            }
            "/tr" => end_row(&mut row),
            "td" | "th" => {
                let Some((cells, _)) = row.as_mut() else {
                    continue;
                };
                // The cell's content: up to its closing tag (or the next cell or row).
                let close = cell_end(&lower, tag_end);
                let content = text[tag_end..close].to_string();
                fill_spans(cells, &spans, &mut spare);
                let col = cells.len();
                cells.push(content);
                let colspan = attribute(tag, "colspan").clamp(1, 64);
                let rowspan = attribute(tag, "rowspan").clamp(1, 1000);
                for c in 0..colspan {
                    if c > 0 {
                        if spare == 0 {
                            break;
                        }
                        spare -= 1;
                        cells.push(String::new());
                    }
                    if rowspan > 1 && spare > 0 {
                        if spans.len() <= col + c {
                            spans.resize(col + c + 1, 0);
                        }
                        spans[col + c] = spans[col + c].max(rowspan);
                    }
                }
                at = close;
            }
            _ => {}
        }
    }
    if rows.iter().all(|(cells, ..)| cells.len() <= 1) {
        // Layout: the cells' text, one piece each.
        let out = rows
            .into_iter()
            .filter_map(|(cells, first, last)| {
                let t = cells.into_iter().next()?;
                Some(Placed {
                    piece: Piece::Text(t),
                    first,
                    last,
                })
            })
            .collect();
        return Some((out, end + 1));
    }
    let out = rows
        .into_iter()
        .map(|(cells, first, last)| Placed {
            piece: Piece::Row(cells),
            first,
            last,
        })
        .collect();
    Some((out, end + 1))
}

/// Empty cells for the row spans from above that stand at the row's next columns.
/// At most `spare` of them, taken from it.
fn fill_spans(cells: &mut Vec<String>, spans: &[usize], spare: &mut usize) {
    // The current row's own spans stand at columns it has already filled.
    while *spare > 0 && spans.get(cells.len()).is_some_and(|left| *left > 0) {
        *spare -= 1;
        cells.push(String::new());
    }
}

/// Where a cell's content ends: its `</td>` / `</th>`, or the next cell or row tag.
/// One walk over the `<` from `from` (the first one that opens any of the tags): searching each
/// tag to the end of the table made a table of n cells cost n² (460 M instructions on the Code
/// du travail's 70 tables).
fn cell_end(lower: &str, from: usize) -> usize {
    const ENDS: [&str; 7] = ["</td", "</th", "<td", "<th", "<tr", "</tr", "</table"];
    lower[from..]
        .match_indices('<')
        .map(|(p, _)| from + p)
        .find(|&p| ENDS.iter().any(|t| lower[p..].starts_with(t)))
        .unwrap_or(lower.len())
}

/// A numeric attribute of a lowercase tag (`colspan="2"`), 1 when absent.
fn attribute(tag: &str, name: &str) -> usize {
    let Some(p) = tag.find(&format!("{name}=")) else {
        return 1;
    };
    tag[p + name.len() + 1..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect::<String>()
        .parse()
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table depths read in place are the ones the lower-cased copies gave.
    #[test]
    fn table_depths_count_tags_in_any_case() {
        let raws = [
            "<TABLE border=1><tr><td>a</td></tr>",
            "<table><Table/><tablex> </TABLE></table",
            "texte < table",
            "<table\t>",
            "</tablE></tAble ><table>",
            "sans balise",
            "<<table>>",
        ];
        let old = |raw: &str| {
            let lower = raw.to_ascii_lowercase();
            let opens = lower
                .match_indices('<')
                .filter(|(p, _)| starts_with_tag(&lower[*p..], "table"))
                .count() as i32;
            opens - lower.matches("</table").count() as i32
        };
        let mut expected = vec![0];
        for raw in raws {
            expected.push(expected.last().copied().unwrap_or(0) + old(raw));
        }
        // Each line's block ends where a forward search over those depths ends it.
        let searched: Vec<Option<u32>> = (0..raws.len())
            .map(|i| {
                (i..raws.len())
                    .find(|k| expected[k + 1] <= expected[i])
                    .map(|k| k as u32)
            })
            .collect();
        assert_eq!(TableDepths::default().of(&raws), searched.as_slice());
    }

    fn stripped(text: &str) -> Vec<String> {
        let raws: Vec<&str> = text.split('\n').collect();
        match strip(&raws) {
            Some(lines) => lines.into_iter().map(|l| l.into_owned()).collect(),
            None => raws.into_iter().map(String::from).collect(),
        }
    }

    #[test]
    fn front_matter_keeps_its_title() {
        let l =
            stripped("---\nlayout: page\ntitle: \"Statuts\"\npermalink: /x/\n---\n\n## Titre\n");
        assert_eq!(l, ["", "", "# Statuts", "", "", "", "## Titre", ""]);
        // A `#` title in the text wins: the front matter is dropped whole.
        let l = stripped("---\ntitle: Autre\n---\n# Statuts\n");
        assert_eq!(l, ["", "", "", "# Statuts", ""]);
    }

    #[test]
    fn a_rule_at_the_top_is_no_front_matter() {
        let text = "---\nArticle 1 : objet de la convention.\n---\n";
        assert_eq!(stripped(text), text.split('\n').collect::<Vec<_>>());
        let text = "---\n---\n# Statuts\n";
        assert_eq!(stripped(text), text.split('\n').collect::<Vec<_>>());
    }

    #[test]
    fn style_script_and_comments_are_dropped() {
        let l = stripped("a\n<style type=\"text/css\">\n  h2::before {\n    content: \"Article \";\n  }\n</style>\nb\n<SCRIPT>x()</SCRIPT>\nc <!-- note\nsur deux lignes --> d\n");
        assert_eq!(l, ["a", "", "", "", "", "", "b", "", "c ", " d", ""]);
        // An unclosed `<style>` hides nothing after it.
        assert_eq!(stripped("<style>\nTexte.\n"), ["", "Texte.", ""]);
    }

    #[test]
    fn attribute_lists_are_dropped() {
        let l = stripped("Voir la [documentation](https://x.fr/doc){:target=\"_blank\"}.\n{: .note}\nun {{ nom }} et {: pas un attribut}");
        assert_eq!(
            l,
            [
                "Voir la [documentation](https://x.fr/doc).",
                "",
                "un {{ nom }} et {: pas un attribut}"
            ]
        );
    }

    #[test]
    fn block_quotes_and_admonitions() {
        let l =
            stripped("> [!INFO] L’Association\n> Petri Geoffrey  \n> <br/>\n>> cité\n> >   - liste\n    > code");
        assert_eq!(
            l,
            [
                "L’Association",
                "Petri Geoffrey  ",
                "<br/>",
                "cité",
                "  - liste",
                "    > code"
            ]
        );
    }

    /// The filtered [`strip`] gives the answer of the one reading every line, on the codes'
    /// first 5,000 lines, every text of the repo's corpus and of the real corpus, and texts
    /// made to hold each kind of markup.
    #[test]
    fn the_filter_changes_no_answer() {
        let same = |name: &str, text: &str| {
            let raws: Vec<&str> = text.split('\n').collect();
            let all = |o: Option<Vec<Cow<str>>>| match o {
                Some(lines) => lines
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect::<Vec<_>>(),
                None => raws.iter().map(|r| r.to_string()).collect(),
            };
            assert_eq!(
                all(strip_with(&raws, true)),
                all(strip_with(&raws, false)),
                "{name}"
            );
        };
        let mut texts = 0;
        for code in [
            "code-civil-2012-12-31",
            "code-civil-2015-04-01",
            "code-du-travail-2011-12-31",
            "code-du-travail-2015-04-01",
        ] {
            let text = std::fs::read_to_string(format!("../shared/corpus/bench/{code}.md"))
                .expect("a code of the bench corpus");
            let head: Vec<&str> = text.split('\n').take(5000).collect();
            same(code, &head.join("\n"));
            texts += 1;
        }
        let mut dirs = vec![
            std::path::PathBuf::from("corpus"),
            std::path::PathBuf::from("../shared/corpus/real"),
        ];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir)
                .expect("a corpus directory")
                .flatten()
            {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    same(&path.display().to_string(), &text);
                    texts += 1;
                }
            }
        }
        assert!(texts > 20, "{texts} texts");
        for text in [
            "a\nb\n<style>\nx\n</style>\nc\n> d\ne {: .note}\nf",
            "---\ntitle: T\n---\n\ntexte\n",
            "---\ntitle: T\n---\n> [!NOTE] x\ny <!-- z\nw --> v\n",
            "texte\n  > cité\n      > code\n{:x}\n<script>\n",
        ] {
            same(text, text);
        }
    }

    fn rows(text: &str) -> Vec<Piece> {
        let raws: Vec<&str> = text.split('\n').collect();
        html_table(&raws, 0)
            .expect("a table")
            .0
            .into_iter()
            .map(|p| p.piece)
            .collect()
    }

    #[test]
    fn html_tables_with_spans() {
        let t = "<table>\n<tr>\n<td rowspan=\"2\">\n<p>CHARGES </p>\n</td>\n<td colspan=\"2\">MONTANTS</td>\n</tr>\n<tr><td>Exécutés</td><td>Budgétés</td></tr>\n<tr><td>I. Charges</td><td>.</td><td>.</td></tr>\n</table>";
        let cells = |r: &Piece| match r {
            Piece::Row(c) => c.iter().map(|c| c.trim().to_string()).collect::<Vec<_>>(),
            Piece::Text(_) => Vec::new(),
        };
        let r = rows(t);
        assert_eq!(r.len(), 3);
        assert_eq!(cells(&r[0]), ["<p>CHARGES </p>", "MONTANTS", ""]);
        assert_eq!(cells(&r[1]), ["", "Exécutés", "Budgétés"]);
        assert_eq!(cells(&r[2]), ["I. Charges", ".", "."]);
    }

    #[test]
    fn cell_end_is_the_first_of_the_tags() {
        // The answer of searching each tag on its own, as before the single walk.
        let searched = |lower: &str, from: usize| {
            ["</td", "</th", "<td", "<th", "<tr", "</tr", "</table"]
                .iter()
                .filter_map(|t| lower[from..].find(t).map(|p| from + p))
                .min()
                .unwrap_or(lower.len())
        };
        for lower in [
            "<td>a <b>gras</b> <br/> b</td><td>c</td></tr></table>",
            "<th colspan=\"2\">x<tdx>y<p>z</p><tr><td>é</td>",
            "<td>sans fin <i>x</i>",
            "<td>< td <t<tr",
        ] {
            for from in (0..=lower.len()).filter(|p| lower.is_char_boundary(*p)) {
                assert_eq!(
                    cell_end(lower, from),
                    searched(lower, from),
                    "{lower} {from}"
                );
            }
        }
    }

    #[test]
    fn one_column_html_table_is_text() {
        let r = rows("<table><tr><td>Seul</td></tr></table>");
        assert_eq!(r, [Piece::Text("Seul".into())]);
        let raws = ["<tablette>", "</table>"];
        assert!(html_table(&raws, 0).is_none());
    }

    thread_local! {
        static TESTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn each_line_is_tested_once_for_a_closing() {
        // 10,000 unclosed openings, one a line, then a closing: every line tested once, not
        // 2,000 times; and the answers are those of a search from each line.
        let mut raws = vec!["<!-- ouvert"; 10_000];
        raws.push("fin -->");
        raws.extend(["<!-- ouvert"; 3]);
        let mut next = NextLine::new(|r| {
            TESTED.with(|t| t.set(t.get() + 1));
            r.contains("-->")
        });
        for i in 0..raws.len() {
            let naive = (i + 1..raws.len().min(i + MAX_BLOCK)).find(|k| raws[*k].contains("-->"));
            assert_eq!(next.within(&raws, i + 1, i + MAX_BLOCK), naive, "line {i}");
        }
        assert!(TESTED.with(|t| t.get()) <= raws.len());
    }

    #[test]
    fn merged_cells_stay_within_the_table_size() {
        // A cell of 1,000 rows by 64 columns on every row: the empty cells made are bounded
        // by the table's size, and the merged cells of a real table are kept.
        let t = format!(
            "<table>{}</table>",
            "<tr><td rowspan=1000 colspan=64>x".repeat(2_000)
        );
        let raws: Vec<&str> = t.split('\n').collect();
        let (placed, _) = html_table(&raws, 0).expect("a table");
        let cells: usize = placed
            .iter()
            .map(|p| match &p.piece {
                Piece::Row(c) => c.len(),
                Piece::Text(_) => 1,
            })
            .sum();
        assert!(cells <= 2 * t.len(), "{cells} cells for {} bytes", t.len());
        let r = rows("<table><tr><td rowspan=\"2\" colspan=\"2\">A</td><td>B</td></tr><tr><td>C</td></tr></table>");
        assert_eq!(
            r,
            [
                Piece::Row(vec!["A".into(), String::new(), "B".into()]),
                Piece::Row(vec![String::new(), String::new(), "C".into()]),
            ]
        );
    }

    #[test]
    fn a_table_of_any_length_is_read_whole() {
        // 3,000 rows over 9,000 lines (the Code du travail's tableau of conseils de
        // prud'hommes runs over 3,900 lines): rows of cells, not lines of text.
        let mut t = String::from("<table>\n");
        for k in 0..3_000 {
            t.push_str(&format!(
                "<tr>\n<td>Siège {k}</td>\n<td>Ressort {k}</td></tr>\n"
            ));
        }
        t.push_str("</table>");
        let r = rows(&t);
        assert_eq!(r.len(), 3_000);
        assert_eq!(
            r[2_999],
            Piece::Row(vec!["Siège 2999".into(), "Ressort 2999".into()])
        );
    }

    #[test]
    fn table_ends_are_those_of_a_search_from_each_line() {
        // Nested, unclosed and closed tables: each line's end as searched forward from it.
        let raws = [
            "<table>",
            "<tr><td>a</td><td><table>",
            "x</table></td></tr>",
            "</table>",
            "texte",
            "<table><tr><td>b</td></tr></table>",
            "<table>",
            "<table>",
            "</table>",
            "y",
        ];
        let mut depths = vec![0i32];
        for r in raws {
            let l = r.to_ascii_lowercase();
            let opens = l
                .match_indices('<')
                .filter(|(p, _)| starts_with_tag(&l[*p..], "table"))
                .count();
            let d = depths[depths.len() - 1] + opens as i32 - l.matches("</table").count() as i32;
            depths.push(d);
        }
        let mut counted = TableDepths::default();
        let ends = counted.of(&raws).to_vec();
        for i in 0..raws.len() {
            let searched = (i..raws.len()).find(|k| depths[k + 1] <= depths[i]);
            assert_eq!(ends[i].map(|e| e as usize), searched, "line {i}");
        }
        assert_eq!(ends[0], Some(3));
        assert_eq!(ends[6], None);
    }
}
