//! Avenant text (Markdown or plain) → [`Avenant`]: reads back everything
//! [`crate::avenant::render`] writes, plus the variants jurists type (straight quotes, no colon,
//! « les termes », « est remplacé par », « est supprimée et remplacée par : », « Il est ajouté à
//! la fin de l'article … le paragraphe suivant : »). Lines are first put in canonical form by
//! `normalise::inline`, so typography never matters here.

mod patterns;
mod places;
mod quotes;
mod sentence;
mod target;

pub use target::{cardinal_word, parse_np};

use self::patterns::{
    ANNEX_ARTICLE, ARTICLE, ARTICLE_TITLE, BOILERPLATE, DECIDES, EFFET, FAIT, INSTRUCTION_LIKE,
    INTRO, MINUTES_REPLACE, NUMBERED, OBJET, OWN_VISA, PARTY, R_IN_ANNEX, TITLE, TITLE_UNIT,
};
use self::quotes::extract_quotes;
use self::sentence::parse_body;
use super::model::{AmendingArticle, Avenant, AvenantParty, Op, Unit};
use crate::normalise::inline;
use crate::parse::headings;
use std::fmt;

/// A sentence of the avenant that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// 1-based line of the avenant text.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return f.write_str(&self.message);
        }
        write!(f, "ligne {} : {}", self.line, self.message)
    }
}

impl std::error::Error for ReadError {}

/// A line of the avenant in canonical form, with its 1-based number.
#[derive(Debug, Clone)]
pub(super) struct L {
    pub(super) n: usize,
    pub(super) text: String,
    /// The line as the jurist wrote it (trimmed), quoted in `apply`'s messages.
    pub(super) raw: String,
}

fn canonical_lines(text: &str) -> Vec<L> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            // Markdown headings and block quotes (« > Remplacer dans l'article 3 : » in minutes).
            let t = raw.trim().trim_start_matches('#').trim();
            let t = t.trim_start_matches('>').trim();
            if t.is_empty() {
                return None;
            }
            let c = kept_bullet(t, inline(t));
            (!c.is_empty()).then_some(L {
                n: i + 1,
                text: c,
                raw: t.to_string(),
            })
        })
        .collect()
}

/// The canonical line `c` with the bullet that opens the quoted line `t` (« « • de participer
/// … »): `inline` drops a bullet standing between spaces, but in a quotation it says the
/// level of a nested list item (see [`crate::avenant::formules::nested_bullets`]).
fn kept_bullet(t: &str, c: String) -> String {
    let Some(body) = t.strip_prefix('«') else {
        return c;
    };
    let body = body.trim_start_matches(|ch: char| ch.is_whitespace());
    let mut chars = body.chars();
    let (Some(b @ ('•' | '◦' | '▪')), Some(sp)) = (chars.next(), chars.next()) else {
        return c;
    };
    if !sp.is_whitespace() {
        return c;
    }
    match c.strip_prefix('«') {
        Some(rest) if !rest.trim_start().starts_with(b) => format!("« {b} {}", rest.trim_start()),
        _ => c,
    }
}

/// The lines of an avenant with no « Article » heading, put in the form the reader reads:
/// instructions numbered « 1° », « 2° » (short and old avenants: « 1° A l'article 3 est ajouté
/// le paragraphe ci-après : ») each become an article of the avenant; failing those, the
/// imperative of minutes (« Remplacer dans l'article 3 des statuts : » then « « … » », « par »,
/// « « … » » on lines of their own) each become an article holding the joined sentence.
fn regroup(lines: Vec<L>) -> Vec<L> {
    let end = lines
        .iter()
        .position(|l| headings::annex(&l.text).is_some())
        .unwrap_or(lines.len());
    if lines[..end].iter().any(|l| ARTICLE.is_match(&l.text)) {
        return lines;
    }
    let numbered = |l: &L| {
        NUMBERED
            .captures(&l.text)
            .map(|c| (c[1].parse::<u32>().unwrap_or(0), c[2].to_string()))
    };
    let heading = |l: &L, n: u32| L {
        n: l.n,
        text: format!("Article {n}"),
        raw: l.raw.clone(),
    };
    if lines[..end]
        .iter()
        .find_map(numbered)
        .is_some_and(|(n, _)| n == 1)
    {
        let mut out = Vec::with_capacity(lines.len() + 4);
        for (k, l) in lines.into_iter().enumerate() {
            match numbered(&l).filter(|_| k < end) {
                Some((n, rest)) => {
                    out.push(heading(&l, n));
                    let raw = written_tail(&l.raw, &rest);
                    out.push(L {
                        n: l.n,
                        text: rest,
                        raw,
                    });
                }
                None => out.push(l),
            }
        }
        return out;
    }
    if !lines[..end]
        .iter()
        .any(|l| MINUTES_REPLACE.is_match(&l.text))
    {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut k = 0;
    let mut number = 0;
    while k < lines.len() {
        let l = &lines[k];
        k += 1;
        if k > end || !MINUTES_REPLACE.is_match(&l.text) {
            // The minutes' own prose (discussion, votes) after the first instruction is not
            // the act: left out, save what reads like an instruction (refused if not
            // understood, never dropped) and the signatures.
            if number == 0 || k > end || INSTRUCTION_LIKE.is_match(&l.text) || signed(&l.text) {
                out.push(l.clone());
            }
            continue;
        }
        // The sentence runs on over the quotations and « par », up to the second quotation.
        let mut text = l.text.clone();
        let mut raw = l.raw.clone();
        let first = k;
        while k < end.min(first + 8) {
            let (skel, qs) = extract_quotes(&text);
            if qs.len() >= 2 && skel.contains(" par ") {
                break;
            }
            text = format!("{text} {}", lines[k].text);
            raw = format!("{raw} {}", lines[k].raw);
            k += 1;
        }
        number += 1;
        out.push(heading(l, number));
        out.push(L { n: l.n, text, raw });
    }
    out
}

/// A line that closes the avenant's articles: the parser's signature lines, and the place and
/// date of old acts on their own line (« Paris, le 19 juin 1889 »).
fn signed(t: &str) -> bool {
    headings::signed(t) || patterns::place_date(t)
}

/// Parses an avenant's text.
pub fn parse_avenant(text: &str) -> Result<Avenant, ReadError> {
    let lines = regroup(canonical_lines(text));
    let mut av = Avenant::default();
    let mut i = 0;
    #[derive(PartialEq)]
    enum Zone {
        Head,
        Parties,
        Expose,
    }
    let mut zone = Zone::Head;
    // Header: everything before the first article heading.
    while i < lines.len() {
        let t = &lines[i].text;
        if ARTICLE.is_match(t) {
            break;
        }
        if signed(t) {
            break;
        }
        if let Some(c) = TITLE.captures(t).filter(|_| av.numero == 0) {
            // « Avenant n° 2 à … », or « Modification des statuts … » (n° 1 unless written).
            av.numero = c
                .get(1)
                .or_else(|| c.get(2))
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(1);
            av.title = c[3].to_string();
            av.convention_date = c
                .get(4)
                .map(|m| m.as_str().to_string())
                .filter(|d| d != "[date]");
        } else if let Some(c) = OBJET.captures(t) {
            // Before the zone formulas: the objet's own words may hold one (« … afin de
            // convenu ce qui suit » is the objet, not « il a été convenu ce qui suit »).
            av.objet = c.get(1).map(|m| m.as_str().to_string());
        } else if let Some(c) = DECIDES.captures(t).filter(|_| zone != Zone::Parties) {
            let organ = c[1].trim();
            if organ != crate::avenant::formules::ORGAN_PLACEHOLDER
                && !organ.eq_ignore_ascii_case(crate::avenant::formules::ORGAN_PLACEHOLDER)
            {
                av.organ = Some(lower_first_word(organ));
            }
            zone = Zone::Expose;
        } else if let Some(rest) = headings::between(t) {
            zone = Zone::Parties;
            if !rest.is_empty() {
                av.parties.push(party(rest));
            }
        } else if headings::visa(t) {
            zone = Zone::Expose;
            if !(t.contains("ci-après dénommé") && OWN_VISA.is_match(t)) {
                av.visa
                    .push(t.trim_end_matches([',', ';', ' ']).to_string());
            }
        } else if headings::preamble(t) || headings::agreed(t) || INTRO.is_match(t) {
            zone = Zone::Expose;
        } else if INSTRUCTION_LIKE.is_match(t) && !t.to_lowercase().starts_with("considérant") {
            return Err(err(
                lines[i].n,
                format!(
                    "instruction hors de tout article de l'avenant (aucun intitulé « Article 1er » ne la précède) : « {t} »"
                ),
            ));
        } else if zone == Zone::Parties && !(headings::and(t) || headings::together(t)) {
            av.parties.push(party(t));
        }
        i += 1;
    }
    // The avenant's own annexes, after its articles (and signatures): « Annexe 1 : … » then
    // its text, read by « L'annexe 2 est remplacée par l'annexe jointe au présent avenant ».
    let end = (i..lines.len())
        .find(|&k| headings::annex(&lines[k].text).is_some())
        .unwrap_or(lines.len());
    let joined = joined_annexes(&lines[end..]);
    let annex_lines = &lines[end..];
    let lines = &lines[..end];
    // « Le cahier des charges … est modifié conformément aux dispositions figurant en annexe
    // au présent avenant »: the article that says so, and its sentence as written.
    let mut carried: Option<(u32, L)> = None;
    // Articles.
    while i < lines.len() {
        let t = lines[i].text.clone();
        if signed(&t) {
            if let Some(c) = FAIT.captures(&t) {
                av.lieu = Some(c[1].to_string()).filter(|l| l != "[lieu]");
                av.date = Some(c[2].to_string()).filter(|d| d != "[date]");
            }
            break;
        }
        let Some(c) = ARTICLE.captures(&t) else {
            return Err(ReadError {
                line: lines[i].n,
                message: format!("phrase hors de tout article : « {t} »"),
            });
        };
        let number: u32 = c[1].parse().unwrap_or(1);
        let heading = c
            .get(2)
            .map(|m| m.as_str().trim().to_string())
            .unwrap_or_default();
        i += 1;
        let start = i;
        while i < lines.len() && !ARTICLE.is_match(&lines[i].text) && !signed(&lines[i].text) {
            i += 1;
        }
        // The avenant's own boilerplate is skipped line by line: every other sentence of the
        // article must be an instruction (an objet never hides the sentences after it).
        let mut body = Vec::new();
        // Decree style: « Art. 1er. – L'article 6 est ainsi rédigé : » — the first sentence on
        // the heading's line is the article's first instruction, not its heading.
        let mut heading = heading;
        if INSTRUCTION_LIKE.is_match(&heading) {
            let text = std::mem::take(&mut heading);
            // The heading's own words (« Art. 1er. – ») are not the instruction's.
            let raw = written_tail(&lines[start - 1].raw, &text);
            body.push(L {
                n: lines[start - 1].n,
                text,
                raw,
            });
        }
        // The article's own title on the line under its heading (« Article 1er » then
        // « Modification de l'article 1.1 »): a title, when sentences follow it.
        let mut from = start;
        if heading.is_empty()
            && i > start + 1
            && ARTICLE_TITLE.is_match(&lines[start].text)
            && !INSTRUCTION_LIKE.is_match(&lines[start].text)
        {
            heading = lines[start].text.trim_end_matches('.').to_string();
            from += 1;
        }
        for l in &lines[from..i] {
            if R_IN_ANNEX.is_match(&l.text) {
                carried.get_or_insert((number, l.clone()));
            } else if BOILERPLATE.is_match(&l.text) {
                if let Some(c) = EFFET.captures(&l.text) {
                    av.effet = Some(c[1].to_string());
                }
            } else {
                body.push(l.clone());
            }
        }
        if body.is_empty() {
            continue;
        }
        // The unit the title names is the one the article's sentences amend when they name
        // none (« Au premier alinéa, … » under « Modification de l'article 1.3 »).
        let ctx = TITLE_UNIT
            .captures(&heading)
            .and_then(|c| target::parse_np(&c["t"], None))
            .map(|(t, _)| t.unit)
            .filter(|u| !matches!(u, Unit::Convention));
        let label = if number == 1 {
            "1er".to_string()
        } else {
            number.to_string()
        };
        let place = format!("article {label} de l'avenant");
        push_article(
            &mut av,
            number,
            heading,
            &body,
            ctx.as_ref(),
            &joined,
            &place,
        )?;
    }
    if av.numero == 0 {
        av.numero = 1;
    }
    if let Some((number, said)) = carried {
        annexed_instructions(&mut av, annex_lines, number, &said)?;
        return Ok(av);
    }
    // An annex joined to the avenant that no instruction uses would be silently left out.
    for a in &joined {
        let used =
            av.articles.iter().flat_map(|x| &x.instructions).any(
                |ins| matches!(&ins.op, Op::RewriteAnnex { blocks, .. } if *blocks == a.lines),
            );
        if !used {
            return Err(err(
                0,
                format!(
                    "l'annexe {} jointe à l'avenant n'est citée par aucune instruction (« L'annexe 2 est remplacée par l'annexe jointe au présent avenant »)",
                    a.label.as_deref().unwrap_or("")
                ),
            ));
        }
    }
    if av.articles.iter().all(|a| a.instructions.is_empty()) {
        return Err(err(
            0,
            "l'avenant ne contient aucune instruction de modification (aucun article « … est ainsi rédigé », « … sont remplacés par … », « … est supprimé »…)",
        ));
    }
    Ok(av)
}

/// The instructions an avenant carries in its annex (« … est modifié conformément aux
/// dispositions figurant en annexe au présent avenant », said by its article `number`): the
/// annex's title lines are skipped, each « Article 25 » names the article of the amended text
/// its sentences amend, and every other line must be an instruction (or the text it quotes).
/// They are read as amending articles of the avenant, after its own; an annex that carries
/// none is refused, naming the sentence that announced them.
fn annexed_instructions(
    av: &mut Avenant,
    annex: &[L],
    number: u32,
    said: &L,
) -> Result<(), ReadError> {
    let mut groups: Vec<(Option<String>, Vec<L>)> = vec![(None, Vec::new())];
    for l in annex {
        if signed(&l.text) {
            break;
        }
        if headings::annex(&l.text).is_some() {
            continue;
        }
        if let Some(c) = ANNEX_ARTICLE.captures(&l.text) {
            groups.push((Some(c[1].to_string()), Vec::new()));
            continue;
        }
        let (label, body) = groups.last_mut().expect("one group");
        // The annex's title (« MODIFICATION APPORTÉE AU CAHIER DES CHARGES … ») before its
        // first sentence.
        if body.is_empty() && label.is_none() && ARTICLE_TITLE.is_match(&l.text) {
            continue;
        }
        body.push(l.clone());
    }
    let before = av.articles.len();
    for (label, body) in groups {
        if body.is_empty() {
            continue;
        }
        let ctx = label.as_deref().map(Unit::article);
        let place = match &label {
            Some(l) => format!("article {l} de l'annexe de l'avenant"),
            None => "annexe de l'avenant".to_string(),
        };
        let heading =
            label.map_or_else(|| "Annexe".to_string(), |l| format!("Annexe – article {l}"));
        push_article(av, number, heading, &body, ctx.as_ref(), &[], &place)?;
    }
    if av.articles[before..]
        .iter()
        .all(|a| a.instructions.is_empty())
    {
        return Err(err(
            said.n,
            format!(
                "« {} » : aucune instruction de modification ne figure en annexe à l'avenant (une annexe « Annexe » suivie de « Article 25 » et de phrases comme « Au paragraphe 25.2.c, il est inséré un dernier alinéa, rédigé comme suit : »)",
                said.raw.trim_end_matches(['.', ' '])
            ),
        ));
    }
    Ok(())
}

/// The end of the written line `raw` that holds as many words as the canonical `text` (the
/// sentence after a decree-style heading « Art. 1er. – »); `text` itself when they differ.
fn written_tail(raw: &str, text: &str) -> String {
    let words = text.split_whitespace().count();
    let all: Vec<&str> = raw.split_whitespace().collect();
    if words == 0 || words > all.len() {
        return text.to_string();
    }
    let tail = all[all.len() - words..].join(" ");
    if inline(&tail) == text {
        tail
    } else {
        text.to_string()
    }
}

/// « L'assemblée générale » → « l'assemblée générale », « La DINUM » → « la DINUM »: the
/// body as the decision names it, its article in lower case.
fn lower_first_word(organ: &str) -> String {
    let mut c = organ.chars();
    match c.next() {
        Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        _ => organ.to_string(),
    }
}

fn party(t: &str) -> AvenantParty {
    match PARTY.captures(t) {
        Some(c) => {
            let quoted = c[2].trim().to_string();
            // « l'ENA » or la « DINUM »: the article outside the quote joins the name.
            let (skel, qs) = extract_quotes(&quoted);
            let short = match qs.first() {
                Some(q) => {
                    let before = skel.split('§').next().unwrap_or("").trim();
                    if before.is_empty() {
                        q.clone()
                    } else if before.ends_with('\'') {
                        format!("{before}{q}")
                    } else {
                        format!("{before} {q}")
                    }
                }
                None => quoted,
            };
            AvenantParty {
                name: c[1].trim().to_string(),
                short_name: Some(short),
            }
        }
        None => AvenantParty {
            name: t.trim_end_matches([',', ';', ' ']).to_string(),
            short_name: None,
        },
    }
}

/// An annex joined to the avenant: its label, heading and lines.
#[derive(Debug, Clone)]
pub(super) struct JoinedAnnex {
    pub(super) label: Option<String>,
    pub(super) heading: Option<String>,
    pub(super) lines: Vec<String>,
}

fn joined_annexes(lines: &[L]) -> Vec<JoinedAnnex> {
    let mut out: Vec<JoinedAnnex> = Vec::new();
    for l in lines {
        if signed(&l.text) {
            break;
        }
        if let Some(h) = headings::annex(&l.text) {
            out.push(JoinedAnnex {
                label: h.label,
                heading: h.heading,
                lines: Vec::new(),
            });
        } else if let Some(a) = out.last_mut() {
            a.lines.push(l.text.clone());
        }
    }
    out
}

pub(super) fn err(line: usize, message: impl Into<String>) -> ReadError {
    ReadError {
        line,
        message: message.into(),
    }
}

/// Reads the sentences of one amending article (`place` names it in an error: « article 2 de
/// l'avenant ») and adds it to the avenant, with the sentences as written.
fn push_article(
    av: &mut Avenant,
    number: u32,
    heading: String,
    body: &[L],
    ctx: Option<&Unit>,
    joined: &[JoinedAnnex],
    place: &str,
) -> Result<(), ReadError> {
    let (instructions, written): (Vec<_>, Vec<_>) = parse_body(body, ctx, joined)
        .map_err(|e| ReadError {
            line: e.line,
            message: format!("{} ({place})", e.message),
        })?
        .into_iter()
        .unzip();
    av.written.0.push(written);
    av.articles.push(AmendingArticle {
        number,
        heading,
        instructions,
    });
    Ok(())
}
