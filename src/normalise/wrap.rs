//! Hard-wrapped text (lines cut at 70–80 columns by legal databases and e-mail exports): finds
//! the lines that only continue the line before, so that each paragraph is read as one line.

/// A raw line that takes part in wrapping (not blank, not a drawn table or a rule).
fn prose(raw: &str) -> bool {
    let t = raw.trim();
    !t.is_empty()
        && !raw.contains('\t')
        && !pipe_row(t)
        && !t.starts_with('+')
        && !t.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | ' '))
}

/// A pipe table line (`| a | b |`, `|---|`): a bar followed by a blank or a rule, or a line
/// closed by a bar. A template filter cut to the head of a line (`|default }} …`) is prose.
fn pipe_row(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('|')
        && (t.len() == 1 || t.ends_with('|') || t[1..].starts_with([' ', '-', ':', '=', '\t']))
}

/// A drawn table line or a separator rule (`+---+`, `| a |`, `--`, `***`): never a continuation.
fn rule(t: &str) -> bool {
    let t = t.trim();
    pipe_row(t) || t.starts_with('+') || t.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | ' '))
}

/// Dot leaders before a page number, as tables of contents draw them (« Objet ...... 5 »).
fn leaders(t: &str) -> bool {
    let body = t.trim_end().trim_end_matches(|c: char| c.is_ascii_digit());
    body.len() < t.trim_end().len()
        && (body.trim_end().ends_with("....") || body.trim_end().ends_with("……"))
}

use crate::extract::pdf::hyphenation::{join_wrapped, Lexicon};
use std::borrow::Cow;

/// Final punctuation: a line ending with one of these may end its paragraph.
fn ends_complete(t: &str) -> bool {
    t.ends_with(['.', ';', ':', '!', '?', '…', '»', ')'])
}

/// A line that may open a paragraph of its own: capital, bullet, heading, quote, or a number
/// that is a marker (« 2° », « 3.2 Objet »), not one a sentence goes on with (« 301-5-2 du code »).
fn opens(t: &str) -> bool {
    let Some(c) = t.chars().next() else {
        return false;
    };
    if c.is_ascii_digit() {
        let mut words = t.split_whitespace();
        let number = words.next().unwrap_or("");
        return item(t)
            || number.ends_with(['.', ')', '°', ':'])
            || words
                .next()
                .is_none_or(|w| !w.starts_with(|c: char| c.is_lowercase()));
    }
    c.is_uppercase() || "#-–—•*«\"{[".contains(c)
}

/// A list item's marker: a bullet, `1.`, `2°`, `a)` followed by a space.
fn item(t: &str) -> bool {
    let mut chars = t.chars();
    let first = chars.next().unwrap_or(' ');
    if "-–—•*+▪●◦".contains(first) {
        return chars.next() == Some(' ');
    }
    let head: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    head.chars().count() <= 3 && t[head.len()..].starts_with(['.', ')', '°'])
}

/// How a raw line joins the line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    /// It starts a line of its own.
    No,
    /// It continues the line before, after a space.
    Space,
    /// It continues a word cut at the full width (a long address with no space to break at).
    Glue,
}

/// For each raw line, whether it continues the line before it (the text is hard-wrapped and
/// the line before was full: the first word of this one would not have fitted on it). Lines
/// of drawn tables (`drawn[k]`) neither count for the width nor join: a table keeps its own
/// layout, wider than the text around it.
pub(super) fn continuations(raws: &[&str], drawn: &[bool]) -> Vec<Join> {
    let mut out = vec![Join::No; raws.len()];
    let drawn = |k: usize| drawn.get(k).copied().unwrap_or(false);
    // Which lines are prose, decided once (the passes below ask it of each line several times).
    let is_prose: Vec<bool> = raws.iter().map(|r| prose(r)).collect();
    // The unit the wrap counted its width in: bytes (`fold`) or characters (Pandoc, mailers).
    let in_chars = counted_in_characters(raws, &is_prose, &drawn);
    let len = |s: &str| if in_chars { s.chars().count() } else { s.len() };
    if soft_wrapped_markdown(raws, &is_prose, &drawn, &len) {
        for (k, join) in out.iter_mut().enumerate().skip(1) {
            if soft_break(raws, &is_prose, k, &drawn) {
                *join = Join::Space;
            }
        }
        return out;
    }
    let widths: Vec<usize> = raws
        .iter()
        .enumerate()
        .filter(|(k, _)| !drawn(*k) && is_prose[*k])
        .map(|(_, r)| r.trim_end().len())
        .collect();
    let Some(width) = widths.iter().copied().max() else {
        return out;
    };
    // Wrapped text: no prose line over 120 bytes, and many lines near the widest.
    let near = widths.iter().filter(|w| **w + 20 >= width).count();
    if !(40..=120).contains(&width) || widths.len() < 10 || near * 4 < widths.len() {
        return out;
    }
    let width = if in_chars {
        raws.iter()
            .enumerate()
            .filter(|(k, _)| !drawn(*k) && is_prose[*k])
            .map(|(_, r)| r.trim_end().chars().count())
            .max()
            .unwrap_or(width)
    } else {
        width
    };
    // Paragraphs separated by blank lines: then a sentence ending a full line does not end
    // its paragraph (only a list item may follow it). Else (one paragraph a line, as office
    // exports write) a full line ending a sentence, followed by a capital, ends it.
    let blanks = raws.iter().filter(|r| r.trim().is_empty()).count();
    let blank_separated = blanks * 5 >= widths.len();
    // `fold -s` and most mailers leave the blank they cut at the end of the line: when nearly
    // every full line of the document ends with a blank, that blank is what marks a cut, and a
    // full line without one ends its paragraph (« … Marie-Caroline MISSIR » ⏎ « Ci-après … »).
    let full_at = |k: usize| {
        let prev = raws[k - 1].trim_end_matches([' ', '\r']);
        let cur = raws[k].trim();
        let first_word = cur.split([' ', '\t']).next().unwrap_or("");
        prose(prev) && !cur.is_empty() && len(prev) + 1 + len(first_word) + 1 > width
    };
    // (Office exports also leave blanks at the end of paragraphs: then, when short lines end
    // with a blank too, the blank marks nothing.)
    let (mut full, mut blank_ended, mut short, mut short_blank) = (0usize, 0, 0, 0);
    for k in 1..raws.len() {
        if drawn(k) || drawn(k - 1) {
            continue;
        }
        let blank = raws[k - 1].trim_end_matches('\r').ends_with([' ', '\t']);
        if full_at(k) {
            full += 1;
            blank_ended += usize::from(blank);
        } else if is_prose[k - 1] {
            short += 1;
            short_blank += usize::from(blank);
        }
    }
    let blank_marks_cut =
        blank_ended >= 5 && blank_ended * 10 >= full * 8 && short_blank * 10 <= short;
    // The logical line being built starts with a pipe row not closed yet.
    let mut open_row = false;
    for k in 1..raws.len() {
        if drawn(k) || drawn(k - 1) {
            continue;
        }
        let (prev, cur) = (raws[k - 1].trim_end_matches([' ', '\r']), raws[k].trim());
        if out[k - 1] == Join::No {
            open_row = pipe_row(prev);
        }
        if open_row && !prev.ends_with('|') && !cur.is_empty() {
            // A pipe row cut by the wrap: its tail lines up to the closing bar.
            out[k] = Join::Space;
            continue;
        }
        // Where a blank marks the cuts, a row without one was not cut.
        let blank = raws[k - 1].trim_end_matches('\r').ends_with([' ', '\t']);
        if prev.contains('\t') && blank_marks_cut && !blank {
            continue;
        }
        if prev.contains('\t') && !cur.is_empty() && !rule(cur) {
            // A TAB row cut by the wrap (`fold` counts a TAB to the next multiple of 8).
            let shown = prev.chars().fold(0, |col, c| {
                if c == '\t' {
                    col / 8 * 8 + 8
                } else if in_chars {
                    col + 1
                } else {
                    col + c.len_utf8()
                }
            });
            let first_word = cur.split([' ', '\t']).next().unwrap_or("");
            if shown + 1 + len(first_word) + 1 > width {
                out[k] = Join::Space;
            }
            continue;
        }
        // (A TAB row's tail may hold TABs of its own: only the line before must be prose.)
        // A table-of-contents entry (« Objet ........ 5 ») ends its line; a rule (a setext
        // underline as long as its heading) never continues one.
        if !prose(prev) || cur.is_empty() || rule(cur) || cur.starts_with('+') || leaders(prev) {
            continue;
        }
        // `fold` breaks a line that would fill the width exactly; the word it could not fit
        // runs to the next blank, a TAB in it taking it to the next multiple of 8 (the first
        // cell of a TAB row cut by the wrap).
        let full = word_end(len(prev) + 1, cur, in_chars) + 1 > width;
        let prev_t = prev.trim_start();
        let new_start = if blank_separated {
            item(cur) || cur.starts_with('#')
        } else {
            opens(cur)
        };
        // A word is cut only where the line has no blank to break at: the whole line is one word.
        // A cut that fell just before a blank leaves that blank at the head of the next line.
        let glue = if raws[k].starts_with([' ', '\t']) {
            Join::Space
        } else {
            Join::Glue
        };
        if len(raws[k - 1]) == width
            && !raws[k - 1].ends_with(' ')
            && !prev.trim().contains(' ')
            && !cur.contains(' ')
            && !rule(cur)
        {
            out[k] = glue;
        } else if blank_marks_cut {
            let blank = raws[k - 1].trim_end_matches('\r').ends_with([' ', '\t']);
            if full && blank && !rule(cur) {
                out[k] = Join::Space;
            } else if !blank && len(prev) == width && !prev.trim().contains(' ') && !rule(cur) {
                // A word longer than the line (a template field, an address) cut at the width.
                out[k] = glue;
            }
        } else if full && !(ends_complete(prev_t) && new_start) {
            out[k] = Join::Space;
        }
    }
    out
}

/// The column where the first word of `line` (up to its first blank) ends when it starts at
/// column `start`, a TAB counted to the next multiple of 8 as `fold` counts it, other
/// characters one column each (`in_chars`) or their bytes.
fn word_end(start: usize, line: &str, in_chars: bool) -> usize {
    let word = line.split(' ').next().unwrap_or("");
    if !word.contains('\t') {
        // (Up to the first TAB or blank, as the width rule has always measured it.)
        return start
            + if in_chars {
                word.chars().count()
            } else {
                word.len()
            };
    }
    word.chars().fold(start, |col, c| match c {
        '\t' => col / 8 * 8 + 8,
        _ if in_chars => col + 1,
        _ => col + c.len_utf8(),
    })
}

/// Whether a hard-wrapped text was cut at a width counted in characters (Pandoc, mailers)
/// rather than in bytes (`fold`): the two differ where lines hold accents, « ’ » or « œ ».
/// A line that goes on in lower case certainly continues the line before, which therefore
/// had no room left for its first word: in the unit the wrap counted in, that holds of
/// (nearly) every such line; in the other, lines with more or fewer multi-byte letters than
/// the widest one seem to have had room. Characters when fewer of these lines seem to have
/// had room counted so, and at most one in four; else bytes (a text of plain ASCII letters, a
/// text laid out rather than wrapped).
fn counted_in_characters(raws: &[&str], is_prose: &[bool], drawn: &impl Fn(usize) -> bool) -> bool {
    if raws.iter().all(|r| r.is_ascii()) {
        return false;
    }
    let lines = |k: usize| !drawn(k) && is_prose[k];
    let widest = |count: &dyn Fn(&str) -> usize| {
        (0..raws.len())
            .filter(|k| lines(*k))
            .map(|k| count(raws[k].trim_end()))
            .max()
            .unwrap_or(0)
    };
    let bytes = |s: &str| s.len();
    let chars = |s: &str| s.chars().count();
    let width_b = widest(&bytes);
    // No text wrapped at 120 characters or less has a line this long, in either unit (a text
    // of one paragraph a line, as codes are written, is not looked at further).
    if width_b > 4 * 120 {
        return false;
    }
    let width_c = widest(&chars);
    let (mut lower, mut roomy_b, mut roomy_c) = (0usize, 0usize, 0usize);
    for k in 1..raws.len() {
        if !lines(k) || !lines(k - 1) {
            continue;
        }
        let cur = raws[k].trim();
        if !cur.starts_with(char::is_lowercase) || item(cur) {
            continue;
        }
        let prev = raws[k - 1].trim_end_matches([' ', '\r']);
        let first_word = cur.split([' ', '\t']).next().unwrap_or("");
        lower += 1;
        // (Room: the line, a blank and the word, with `fold`'s one column to spare.)
        roomy_b += usize::from(prev.len() + 1 + first_word.len() < width_b);
        roomy_c += usize::from(chars(prev) + 1 + chars(first_word) < width_c);
    }
    // (A text laid out rather than wrapped, as `pdftotext -layout` writes a PDF, has many
    // lines with room in either unit: it stays with bytes.)
    roomy_c < roomy_b && roomy_c * 4 <= lower
}

/// A Markdown text whose paragraphs are wrapped by soft line breaks (blank lines between
/// paragraphs, lines cut anywhere within them, as a Git-kept text is often written): there a
/// paragraph is one alinéa, and a line break inside it never opens one, even after a full stop
/// (« … auprès du secrétaire. » ⏎ « Le conseil … »). Told from an export with one paragraph a
/// line (LibreOffice, pdftotext) by its Markdown markup (an ATX heading, bold, a link), and
/// from a text cut at a fixed width (`fold`, a mailer: [`continuations`]' own rule) by where
/// its sentences are cut: of the breaks after a line that had room left for the next line's
/// first word, half at least, and [`SOFT_BREAKS`] at least, go on in lower case (a text cut at
/// its width goes on in lower case only after a full line; one paragraph a line goes on with
/// a capital).
fn soft_wrapped_markdown(
    raws: &[&str],
    is_prose: &[bool],
    drawn: &impl Fn(usize) -> bool,
    len: &impl Fn(&str) -> usize,
) -> bool {
    let markup = raws.iter().any(|r| {
        let t = r.trim_start();
        let hashes = t.bytes().take_while(|b| *b == b'#').count();
        (1..=6).contains(&hashes) && t[hashes..].starts_with(' ')
            || t.contains("**")
            || t.contains("](")
    });
    if !markup {
        return false;
    }
    let width = raws
        .iter()
        .zip(is_prose)
        .filter(|(_, p)| **p)
        .map(|(r, _)| len(r.trim_end()))
        .max()
        .unwrap_or(0);
    // Breaks after a line that had room left for the next one's first word, and those of
    // them that go on in lower case. (Cutting a text at a fixed width adds breaks after full
    // lines only: the count is the same once the text is folded.)
    let (mut short, mut lower) = (0usize, 0usize);
    for k in 1..raws.len() {
        let cur = raws[k].trim();
        if !inside_paragraph(raws, is_prose, k, drawn) {
            continue;
        }
        let first_word = cur.split([' ', '\t']).next().unwrap_or("");
        if len(raws[k - 1].trim_end()) + 1 + len(first_word) < width {
            short += 1;
            lower += usize::from(cur.starts_with(char::is_lowercase));
        }
    }
    lower >= SOFT_BREAKS && lower * 2 >= short
}

/// Lower-case continuations a text must show to be read as soft-wrapped Markdown.
const SOFT_BREAKS: usize = 5;

/// Line `k` goes on with the prose line before it, in the same block: no blank between, and
/// it opens nothing of its own (list item, heading, quote, table).
fn inside_paragraph(
    raws: &[&str],
    is_prose: &[bool],
    k: usize,
    drawn: &impl Fn(usize) -> bool,
) -> bool {
    let (prev, cur) = (raws[k - 1], raws[k].trim());
    !drawn(k)
        && !drawn(k - 1)
        && is_prose[k - 1]
        && is_prose[k]
        && !prev.trim_start().starts_with('#')
        && !item(cur)
        && !cur.starts_with(['#', '>', '<', '|'])
}

/// In soft-wrapped Markdown, line `k` continues its paragraph: inside it, and not after a hard
/// break (two blanks or a backslash closing the line before), nor an article's label (« **Article
/// 8.** » opens its article wherever it stands).
fn soft_break(raws: &[&str], is_prose: &[bool], k: usize, drawn: &impl Fn(usize) -> bool) -> bool {
    let prev = raws[k - 1].trim_end_matches('\r');
    // (Compared without lower-casing the line: no other character lower-cases to ASCII here.)
    let label = || {
        let t = raws[k].trim_start().trim_start_matches(['*', '_']);
        ["article ", "art. "].iter().any(|a| {
            t.get(..a.len()).is_some_and(|h| h.eq_ignore_ascii_case(a))
                && t[a.len()..].starts_with(|c: char| c.is_ascii_digit())
        })
    };
    inside_paragraph(raws, is_prose, k, drawn)
        && !prev.ends_with("  ")
        && !prev.ends_with('\\')
        && !label()
}

/// Words cut by a hyphen at the end of a line (« justi- » ⏎ « fiée ») joined back, by the PDF
/// reader's rule (a compound keeps its hyphen: « accord-cadre »): the lines rewritten, or `None`
/// when no word is cut. The next line continues the paragraph: joined to it by the wrap, or
/// opening with a small letter. The whole word goes on the first line, or on the second when
/// the first holds nothing else (a line is never emptied). Lines `skip` names are left alone.
pub(super) fn rejoin_cut_words<'a>(
    raws: &[&'a str],
    joins: &[Join],
    skip: impl Fn(usize) -> bool,
) -> Option<Vec<Cow<'a, str>>> {
    let cut: Vec<usize> = (1..raws.len())
        .filter(|&k| {
            let next = raws[k].trim_start();
            let continues = match joins[k] {
                Join::Space => next.starts_with(char::is_alphabetic),
                Join::Glue => false,
                Join::No => next.starts_with(char::is_lowercase),
            };
            continues
                && super::ordered_marker(next).is_none()
                && !skip(k)
                && !skip(k - 1)
                && cut_at_end(raws[k - 1])
        })
        .collect();
    if cut.is_empty() {
        return None;
    }
    let lexicon = Lexicon::from_lines(raws.iter().copied());
    let mut out: Vec<Cow<'a, str>> = raws.iter().map(|r| Cow::Borrowed(*r)).collect();
    for k in cut {
        let before = out[k - 1].trim_end_matches([' ', '\r']).to_string();
        // The previous rewrite may have taken the cut away (a one-word line moved down).
        if !cut_at_end(&before) {
            continue;
        }
        let next = out[k].trim_matches([' ', '\r']).to_string();
        let (word, rest) = next.split_at(next.find(' ').unwrap_or(next.len()));
        let (head, left) = before.split_at(before.rfind(' ').map_or(0, |p| p + 1));
        let whole = join_wrapped(left, word, &lexicon);
        if !rest.trim().is_empty() {
            out[k - 1] = Cow::Owned(format!("{head}{whole}"));
            out[k] = Cow::Owned(rest.trim_start().to_string());
        } else if !head.trim().is_empty() {
            out[k - 1] = Cow::Owned(head.trim_end().to_string());
            out[k] = Cow::Owned(whole);
        }
    }
    Some(out)
}

/// A line ending with a word cut by a hyphen (two letters, then `-`).
fn cut_at_end(raw: &str) -> bool {
    let t = raw.trim_end();
    t.strip_suffix('-').is_some_and(|s| {
        let mut back = s.chars().rev();
        back.next().is_some_and(char::is_alphabetic) && back.next().is_some_and(char::is_alphabetic)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_continue() {
        let text = "Article 1er : Objet\nLa présente convention a pour objet de définir les conditions dans\nlesquelles les parties coopèrent pour la mise en œuvre du projet de\nservice public numérique.\nArticle 2 : Durée\nLa présente convention est conclue pour une durée de trois ans à\ncompter de sa signature par la dernière des parties, renouvelable.\nElle peut être dénoncée par chacune des parties avec un préavis de\ntrois mois, par lettre recommandée avec accusé de réception adressée.\nFait à Paris.";
        let raws: Vec<&str> = text.split('\n').collect();
        let c: Vec<bool> = continuations(&raws, &[])
            .iter()
            .map(|j| *j != Join::No)
            .collect();
        assert_eq!(
            c,
            [false, false, true, true, false, false, true, false, true, false]
        );
    }

    /// Soft-wrapped Markdown: every break inside a paragraph joins, after a full stop too;
    /// a list item, a heading, an article label and a hard break (two blanks) open a line.
    #[test]
    fn soft_wrapped_markdown_paragraphs_are_one_line() {
        let text = "# Statuts\n\n**Article 6.** L’adhésion se fait en\nadressant une demande au secrétaire.\nLe conseil statue sur les\ndemandes et informe ensuite les candidats\nde sa décision.\n\nToute personne dont la demande d’adhésion a été acceptée et qui est à jour de sa cotisation\nest membre\nde l’association.\n- la diffusion de contenus\nsur tout support ;\n**Article 7.** La qualité de membre se perd\npar décès.  \nFin.";
        let raws: Vec<&str> = text.split('\n').collect();
        let c: Vec<bool> = continuations(&raws, &[])
            .iter()
            .map(|j| *j != Join::No)
            .collect();
        assert_eq!(
            c,
            [
                false, false, false, true, true, true, true, false, false, true, true, false, true,
                false, true, false
            ]
        );
    }

    /// The same kind of text without Markdown markup, or with its paragraphs one a line and a
    /// few words going on in lower case, is read by the width rule.
    #[test]
    fn soft_wrap_needs_markdown_and_lower_case_breaks() {
        let plain = "Statuts\n\nL’adhésion à l’association se fait en adressant une demande écrite au secrétaire.\n\nL’adhésion se fait en\nadressant une demande.\nLe conseil statue sur les\ndemandes et informe ensuite\nles candidats de sa décision,\nqui est motivée\net notifiée.";
        let raws: Vec<&str> = plain.split('\n').collect();
        let drawn = |_: usize| false;
        let flags = |raws: &[&str]| raws.iter().map(|r| prose(r)).collect::<Vec<bool>>();
        assert!(!soft_wrapped_markdown(
            &raws,
            &flags(&raws),
            &drawn,
            &str::len
        ));
        let marked = format!("# {plain}");
        let raws: Vec<&str> = marked.split('\n').collect();
        assert!(soft_wrapped_markdown(
            &raws,
            &flags(&raws),
            &drawn,
            &str::len
        ));
        let lines = "# Convention\n\n**LA MAIRIE DE X**\n37 rue Clemenceau\n77590 X\nReprésentée par son Maire\n\nD'une part,\nsuite\nencore\nfin";
        let raws: Vec<&str> = lines.split('\n').collect();
        assert!(!soft_wrapped_markdown(
            &raws,
            &flags(&raws),
            &drawn,
            &str::len
        ));
    }

    /// blind3 finding 4 (sigsegv statuts): in a hard-wrapped text, a setext heading whose
    /// underline would not have fitted on its line keeps the underline to itself.
    #[test]
    fn a_setext_underline_never_continues_its_heading() {
        let prose = "Il est fondé entre les adhérents aux présents statuts une association\nrégie par la loi du 1er juillet 1901 ayant pour titre : sigsegv, et dont\nle siège est fixé au 33 bis avenue du docteur Durand, à Arcueil, dans le\n";
        let text = format!(
            "{}\nArticle 6 - Admission et cotisation annuelle\n{}\n\n{}",
            prose.repeat(4),
            "=".repeat(44),
            prose.repeat(2)
        );
        let raws: Vec<&str> = text.split('\n').collect();
        let joins = continuations(&raws, &[]);
        let k = raws
            .iter()
            .position(|r| r.starts_with("===="))
            .expect("underline");
        assert_eq!(joins[k], Join::No);
        assert!(joins.contains(&Join::Space), "the prose is still joined");
    }

    #[test]
    fn unwrapped_text_is_left_alone() {
        let long = "mot ".repeat(60);
        let text = format!("Titre\n{long}\nsuite en minuscules\nautre ligne");
        let raws: Vec<&str> = text.split('\n').collect();
        assert!(continuations(&raws, &[]).iter().all(|c| *c == Join::No));
    }

    fn joined(text: &str, drawn: &[bool]) -> Vec<Join> {
        let raws: Vec<&str> = text.split('\n').collect();
        continuations(&raws, drawn)
    }

    /// Ten full lines (41 bytes, the width) cut with their blank, so that the blank marks the cuts.
    fn filler() -> String {
        "Les parties conviennent de ce qui suit et \n".repeat(10) + "fin.\n"
    }

    /// Words up to `n` bytes and `tail` after them.
    fn line(n: usize, tail: &str) -> String {
        let mut s = String::new();
        while s.len() + 4 + tail.len() <= n {
            s.push_str("mot ");
        }
        s.push_str(&"x".repeat(n - s.len() - tail.len()));
        s + tail
    }

    #[test]
    fn a_number_that_goes_on_with_the_sentence_continues_it() {
        // « l'article L. » ⏎ « 301-5-2 du code » (a sentence ends no more at « L. » than
        // a marker opens at « 301-5-2 du »), but « 2° Le » opens an item.
        for (next, expected) in [
            ("301-5-2 du code de la construction.", Join::Space),
            ("2° Le bénéficiaire s'engage à verser.", Join::No),
            ("3.2 Objet de la présente convention.", Join::No),
        ] {
            let text = format!(
                "Article 1er : Objet\n{}{}\n{next}",
                "Les parties conviennent de ce qui suit et\n".repeat(10),
                line(41, " de l'article L.")
            );
            let j = joined(&text, &[]);
            assert_eq!(j[12], expected, "{next}");
        }
    }

    #[test]
    fn a_template_filter_at_the_head_of_a_line_is_no_table_row() {
        let text = format!(
            "{}à {{{{ \n{}\n|default_str_if_none }} au gestionnaire ;\n| a | b |\n",
            filler(),
            "programme.ville_signature_residence_agrement"
                .chars()
                .cycle()
                .take(41)
                .collect::<String>()
        );
        let j = joined(&text, &[]);
        let n = j.len();
        // The filter joins its field; the pipe row after it stays a row of its own.
        assert_eq!(j[n - 3], Join::Glue);
        assert_eq!(j[n - 2], Join::No);
    }

    #[test]
    fn a_cut_just_before_a_blank_keeps_the_blank() {
        // `fold` cut a word of exactly the width; the blank after it heads the next line.
        let word = "x".repeat(41);
        let text = format!("{}{word}\n en date du 3 mai ;\n{word}\nsuite\n", filler());
        let j = joined(&text, &[]);
        let n = j.len();
        assert_eq!(j[n - 4], Join::Space);
        assert_eq!(j[n - 2], Join::Glue);
    }

    #[test]
    fn a_tab_row_without_the_cut_blank_is_a_row_of_its_own() {
        let text = format!(
            "{}Poste\tNb jours\tTJM\tTotal\tMarkUp\nDéveloppeur 1\t120\t750\t90.000\nRH\tMobilisation des personnels aptes \nde participer.\tOui\n",
            filler()
        );
        let j = joined(&text, &[]);
        let n = j.len();
        assert_eq!(j[n - 4], Join::No);
        assert_eq!(j[n - 2], Join::Space);
    }

    #[test]
    fn drawn_tables_neither_set_the_width_nor_join() {
        // A simple table wider than the text: the text is still read as wrapped at 41, and
        // the table's lines are left alone.
        let wide = format!("  {}   {}", "a".repeat(60), "b".repeat(60));
        let text = format!("{}{wide}\n{wide}\nLa suite.", filler().repeat(2));
        let raws: Vec<&str> = text.split('\n').collect();
        let mut drawn = vec![false; raws.len()];
        let n = raws.len();
        drawn[n - 3] = true;
        drawn[n - 2] = true;
        let j = continuations(&raws, &drawn);
        assert_eq!(j[1], Join::Space);
        assert!(j[n - 3..].iter().all(|c| *c == Join::No));
        assert!(joined(&text, &[]).iter().all(|c| *c == Join::No));
    }

    fn rejoined(text: &str) -> Vec<String> {
        let raws: Vec<&str> = text.split('\n').collect();
        let joins = continuations(&raws, &[]);
        match rejoin_cut_words(&raws, &joins, |_| false) {
            Some(l) => l.into_iter().map(|l| l.into_owned()).collect(),
            None => raws.into_iter().map(String::from).collect(),
        }
    }

    #[test]
    fn words_cut_at_a_line_end_are_joined() {
        assert_eq!(
            rejoined("si la dépense est effectivement justi-\nfiée et que les finances"),
            [
                "si la dépense est effectivement justifiée",
                "et que les finances"
            ]
        );
        // A one-word line keeps its word: the line before gives its half.
        assert_eq!(
            rejoined("certains faits ou dossiers pré-\ncis.\n"),
            ["certains faits ou dossiers", "précis.", ""]
        );
        // Compounds keep their hyphen; a capital after a plain line, a list item, a dash
        // after a space are no cut word.
        assert_eq!(
            rejoined("dans cet accord-\ncadre et\nla conven-\ntion"),
            ["dans cet accord-cadre", "et", "la", "convention"]
        );
        for text in [
            "Paris -\nLyon",
            "les parties-\nLe texte",
            "les mots-\na) premier",
        ] {
            assert_eq!(
                rejoined(text),
                text.split('\n').collect::<Vec<_>>(),
                "{text}"
            );
        }
    }
}
