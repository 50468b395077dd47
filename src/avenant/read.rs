//! Avenant text (Markdown or plain) → [`Avenant`]: reads back everything
//! [`crate::avenant::render`] writes, plus the variants jurists type (straight quotes, no colon,
//! « les termes », « est remplacé par », « est supprimée et remplacée par : », « Il est ajouté à
//! la fin de l'article … le paragraphe suivant : »). Lines are first put in canonical form by
//! `normalise::inline`, so typography never matters here.

use super::formules::{parse_cardinal, parse_position};
use super::model::{
    canonical_label, AlineaAt, AmendingArticle, Anchor, Avenant, AvenantParty, Instruction, Op,
    Position, Target, Unit, ValueType,
};
use crate::normalise::inline;
use crate::parse::headings;
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

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

const NOUN: &str = r"(?:les mots|le mot|les termes|le terme|l'expression|la mention|la date|le montant|le nombre|le taux|la durée|la référence|la somme|les chiffres|le chiffre)";
const ORD: &str = r"(?:avant-derni[eè]re?|derni[eè]re?|premi[eè]re?|premier|seconde?|(?:[a-z]+(?:-[a-z]+)* et )?[a-zé-]+ième|\d+(?:e|ème|er|re))";

fn re(pattern: &str) -> Regex {
    let p = pattern.replace("NOUN", NOUN).replace("ORD", ORD);
    Regex::new(&format!("(?i){p}")).expect("valid regex")
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^avenant\s+n°\s*(\d+)\s+(?:(?:à|a)\s+(?:la |le |les |l')?|aux?\s+)(.+?)(?:\s+du\s+(\S*\d.*?|\[date\]))?(?:\s+entre\s+.+)?$",
    )
});
/// The avenant's own article headings: « Article 2 – Objet », « Article 1er », « Article
/// premier », « Article unique », and the decree style « Art. 1er. – … ».
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:article|art\.)\s*(\d+|premier|unique)\s*(?:er)?\s*\.?\s*(?:[–:.\-—]\s*(.*))?$")
});
/// A sentence that amends a text: what must never stand outside an article of the avenant.
static INSTRUCTION_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:est|sont)\s+(?:ainsi\s+(?:rédigée?s?|modifiée?s?)|(?:supprimée?s?\s+et\s+)?remplacée?s?\s+par|supprimée?s?|abrogée?s?|complétée?s?\s+par|modifiée?s?\s+comme\s+suit|insérée?s?|ajoutée?s?)\b|\bil\s+est\s+(?:inséré|ajouté)|\bdevien(?:nen)?t\s+(?:respectivement\s+)?l(?:es|')\s*articles?\b",
    )
});
/// The avenant's own boilerplate inside an article (objet, entry into force, « les autres
/// stipulations demeurent inchangées »): skipped, never an instruction.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:le présent avenant\b|les autres (?:stipulations|dispositions|clauses)\b.*\b(?:demeurent|restent)\b)",
    )
});
static PARTY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(.+?),?\s+ci-après\s+(?:dénommée?s?|désignée?s?)\s+(.+?),?$"));
static OBJET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^le présent avenant a pour objet de modifier la convention(?:\s+afin\s+(?:de|d')\s*(.+?))?\s*\.?$",
    )
});
static EFFET: LazyLock<Regex> =
    LazyLock::new(|| re(r"prend effet (?:le|au|à compter du) (.+?)\s*\.?$"));
static FAIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^fait à ([^,]+?)\s*,\s*le\s+([^,]+?)\s*(?:,.*)?\.?$"));
/// An item of « est ainsi modifié : » — « 1° », « 2° bis », « a) ».
static ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d+°(?:\s*(?:bis|ter))?|[a-z]\))\s+(.*)$"));

static R_REPLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<loc>.+?),\s*)?(?:(?P<n1>NOUN)(?:\s+d[e'])?\s*:?\s*)?§(?P<q1>\d+),?\s+(?:est|sont)\s+(?:supprimée?s?\s+et\s+)?remplacée?s?\s+par\s+(?:(?P<n2>NOUN)\s*:?\s*)?§(?P<q2>\d+)$",
    )
});
static R_INSERT_W: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<loc>.+?),\s*)?(?P<rel>après|avant)\s+(?:NOUN\s*:?\s*)?§(?P<q1>\d+),?\s+(?:il\s+)?(?:est|sont)\s+(?:inséré|ajouté)e?s?\s+(?:NOUN\s*:?\s*)?§(?P<q2>\d+)$",
    )
});
static R_START_W: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^au début (?P<t>.+?),\s*(?:il\s+)?(?:est|sont)\s+(?:ajouté|inséré)e?s?\s+(?:NOUN\s*:?\s*)?§(?P<q>\d+)$",
    )
});
static R_END_W: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<t>.+?)\s+est\s+complétée?\s+par\s+(?:NOUN\s*:?\s*)?§(?P<q>\d+)$"));
static R_DEL_W: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<loc>.+?),\s*)?(?:NOUN\s*:?\s*)?§(?P<q>\d+)(?P<fin>\s+et la fin de (?:la phrase|l'alinéa))?,?\s+(?:est|sont)\s+(?:supprimé|abrogé)e?s?$",
    )
});
static R_ADD_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<t>.+?)\s+est\s+complétée?\s+par\s+une\s+phrase\s+ainsi\s+rédigée\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
static R_INSERT_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^après\s+(?P<t>.+?),\s*(?:il\s+)?est\s+insérée?\s+une\s+phrase\s+ainsi\s+rédigée\s*:?\s*(?:§(?P<q>\d+))?$",
    )
});
static R_ADD_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:la (?:présente )?convention est complétée par|il est ajouté(?: à la (?:présente )?convention)?) un article (?P<l>.+?) ainsi rédigé\s*:?$",
    )
});
static R_ADD_ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^la convention est complétée par une annexe(?: (?P<l>\S+))? ainsi rédigée\s*:?$")
});
static R_INSERT_ART: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^après\s+(?P<t>l'article .+?),\s*(?:il\s+)?est\s+inséré\s+un\s+article\s+(?P<l>.+?)\s+ainsi\s+rédigé\s*:?$",
    )
});
static R_INSERT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^après\s+(?P<t>.+?),\s*(?:il\s+)?(?:est|sont)\s+insérée?s?\s+(?P<what>.+?)\s+ainsi\s+rédigée?s?\s*:?$",
    )
});
static R_ADD_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^au début (?P<t>.+?),\s*(?:il\s+)?(?:est|sont)\s+ajoutée?s?\s+(?P<what>.+?)\s+ainsi\s+rédigée?s?\s*:?$",
    )
});
static R_ADD_END: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<t>.+?)\s+est\s+complétée?\s+par\s+(?P<what>.+?)\s+ainsi\s+rédigée?s?\s*:?$")
});
/// « Il est ajouté [à l'article 6] un alinéa ainsi rédigé : » (the unit from the context when
/// not named).
static R_ADD_IL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^il est ajouté\s+(?:(?P<loc>(?:à|au|aux)\s.+?),?\s+)?(?P<what>un alinéa|une phrase|des alinéas|(?:deux|trois|quatre|cinq) alinéas)\s+ainsi\s+rédigée?s?\s*:?$",
    )
});
static R_ADD_END2: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^il est ajouté à la fin (?P<t>.+?),?\s+(?:le|les|la|l')\s*(?P<what>paragraphes?|alinéas?|phrases?)\s+suivante?s?\s*:?$",
    )
});
static R_REWRITE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<t>.+?)\s+(?:est|sont)\s+ainsi\s+rédigée?s?\s*:?\s*(?:§(?P<q>\d+))?$")
});
static R_REPLACED_N: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:supprimée?s?\s+et\s+)?remplacée?s?\s+par\s+(?P<n>\S+)\s+(?:alinéas?|paragraphes?|lignes?)\s+ainsi\s+rédigée?s?\s*:?$",
    )
});
static R_REPLACED_COLON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:supprimée?s?\s+et\s+)?remplacée?s?(?:\s+par)?(?:\s+ce qui suit|\s+les (?:stipulations|dispositions) suivantes)?\s*:\s*(?:§(?P<q>\d+))?$",
    )
});
static R_DELETE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:supprimée?s?|abrogée?s?)$"));
static R_MODIFIED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<t>.+?)\s+(?:est|sont)\s+(?:ainsi\s+modifiée?s?|modifiée?s?\s+comme\s+suit)\s*:?$")
});
static R_RENUM1: LazyLock<Regex> =
    LazyLock::new(|| re(r"^l'article (?P<a>.+?) devient l'article (?P<b>.+?)$"));
static R_RENUM2: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^les articles (?P<a>.+?) deviennent respectivement les articles (?P<b>.+?)$")
});

// Noun-phrase pieces.
static P_DET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:dans la |dans l'|dans le |dans les |[àa] la |[àa] l'|au |aux |[àa] |de la |de l'|du |des |de |la |le |les |l')",
    )
});
static P_CONNECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*,?\s*(?:(?:figurant|prévue?|mentionnée?)\s+)?(?:à la |à l'|au |aux |à |de la |de l'|du |des |de |dans la |dans l'|dans le )",
    )
});
static P_HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^intitulé\b"));
static P_PHRASE: LazyLock<Regex> = LazyLock::new(|| re(r"^(ORD) phrase\b"));
static P_ALINEA: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(ORD)(?: (et|à) (ORD))? (?:alinéa|paragraphe)s?\b"));
static P_ROW: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(ORD)(?: (et|à) (ORD))? lignes? du tableau\b"));
static P_ITEM_RANGE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d+)° (et|à) (\d+)°"));
static P_ITEM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d+°(?: (?:bis|ter|quater|quinquies))?|[a-z])(?:\))?(?:\s|$)"));
static P_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^article (premier|unique|(?:[LRD]\.? ?)?\d+(?:[.-]\d+)*(?: ?er)?(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?|[IVXLC]+(?: (?:bis|ter))?)\b(?: de la (?:présente )?convention)?",
    )
});
static P_ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^annexe(?: n°)?(?: (\d+|[IVXLC]+|[A-Z])\b)?(?: de la (?:présente )?convention)?")
});
static P_CONVENTION: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:présente )?convention\b"));
static P_PREAMBULE: LazyLock<Regex> = LazyLock::new(|| re(r"^préambule\b"));
static P_PRONOUN: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:il|elle|celui-ci|celle-ci)$"));

/// A line of the avenant in canonical form, with its 1-based number.
#[derive(Debug, Clone)]
struct L {
    n: usize,
    text: String,
}

fn canonical_lines(text: &str) -> Vec<L> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let t = raw.trim().trim_start_matches('#').trim();
            if t.is_empty() {
                return None;
            }
            let c = inline(t);
            (!c.is_empty()).then_some(L { n: i + 1, text: c })
        })
        .collect()
}

/// Parses an avenant's text.
pub fn parse_avenant(text: &str) -> Result<Avenant, ReadError> {
    let lines = canonical_lines(text);
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
        if headings::signed(t) {
            break;
        }
        if let Some(c) = TITLE.captures(t).filter(|_| av.numero == 0) {
            av.numero = c[1].parse().unwrap_or(1);
            av.title = c[2].to_string();
            av.convention_date = c
                .get(3)
                .map(|m| m.as_str().to_string())
                .filter(|d| d != "[date]");
        } else if let Some(rest) = headings::between(t) {
            zone = Zone::Parties;
            if !rest.is_empty() {
                av.parties.push(party(rest));
            }
        } else if headings::visa(t) {
            zone = Zone::Expose;
            if !(t.contains("ci-après dénommé") && t.contains("la « convention »")) {
                av.visa
                    .push(t.trim_end_matches([',', ';', ' ']).to_string());
            }
        } else if headings::preamble(t) || headings::agreed(t) {
            zone = Zone::Expose;
        } else if let Some(c) = OBJET.captures(t) {
            av.objet = c.get(1).map(|m| m.as_str().to_string());
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
    // Articles.
    while i < lines.len() {
        let t = lines[i].text.clone();
        if headings::signed(&t) {
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
        while i < lines.len()
            && !ARTICLE.is_match(&lines[i].text)
            && !headings::signed(&lines[i].text)
        {
            i += 1;
        }
        // The avenant's own boilerplate is skipped line by line: every other sentence of the
        // article must be an instruction (an objet never hides the sentences after it).
        let mut body = Vec::new();
        // Decree style: « Art. 1er. – L'article 6 est ainsi rédigé : » — the first sentence on
        // the heading's line is the article's first instruction, not its heading.
        let mut heading = heading;
        if INSTRUCTION_LIKE.is_match(&heading) {
            body.push(L {
                n: lines[start - 1].n,
                text: std::mem::take(&mut heading),
            });
        }
        for l in &lines[start..i] {
            if BOILERPLATE.is_match(&l.text) {
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
        let instructions = parse_body(&body)?;
        av.articles.push(AmendingArticle {
            number,
            heading,
            instructions,
        });
    }
    if av.numero == 0 {
        av.numero = 1;
    }
    if av.articles.iter().all(|a| a.instructions.is_empty()) {
        return Err(err(
            0,
            "l'avenant ne contient aucune instruction de modification (aucun article « … est ainsi rédigé », « … sont remplacés par … », « … est supprimé »…)",
        ));
    }
    Ok(av)
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

/// Replaces each top-level « … » by `§n` and returns the quoted texts.
fn extract_quotes(s: &str) -> (String, Vec<String>) {
    let mut skel = String::with_capacity(s.len());
    let mut quotes = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '«' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    skel.push_str(&format!("§{}", quotes.len()));
                    quotes.push(cur.trim().to_string());
                    cur.clear();
                } else {
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => skel.push(c),
        }
    }
    if depth > 0 {
        // Unclosed quotation: take the rest as quoted.
        skel.push_str(&format!("§{}", quotes.len()));
        quotes.push(cur.trim().to_string());
    }
    (skel, quotes)
}

fn balance(s: &str) -> i32 {
    s.chars().fold(0, |b, c| match c {
        '«' => b + 1,
        '»' => b - 1,
        _ => b,
    })
}

/// The quoted alinéas after a sentence ending with « : », from `lines[*j]`; advances `*j`.
/// A quotation runs over several lines either with « opening each alinéa (the French usage) or
/// with « on its first line and » on its last only; one left open to the end of the article is
/// refused, so that it never swallows the instructions after it.
fn block(lines: &[L], j: &mut usize) -> Result<Vec<String>, ReadError> {
    let mut out = Vec::new();
    if *j < lines.len() && !lines[*j].text.starts_with('«') {
        // « le paragraphe suivant : » then the text, unquoted.
        let t = &lines[*j].text;
        if !ITEM.is_match(t) && !ARTICLE.is_match(t) {
            out.push(t.trim().to_string());
            *j += 1;
        }
        return Ok(out);
    }
    let start = *j;
    let mut depth = 0;
    while *j < lines.len() {
        let t = lines[*j].text.trim_end();
        let opens = t.starts_with('«');
        if depth == 0 && !opens {
            break;
        }
        *j += 1;
        let body = if opens {
            t.trim_start_matches('«').trim_start()
        } else {
            t
        };
        depth = depth.max(1) + balance(body);
        if depth <= 0 {
            let trimmed = body.trim_end_matches([' ', '.', ';']);
            out.push(match trimmed.strip_suffix('»') {
                Some(b) => b.trim_end().to_string(),
                None => body.to_string(),
            });
            // Alinéas each closed by » follow one another: the block goes on while lines
            // open with « (an instruction never does).
            depth = 0;
            continue;
        }
        out.push(body.to_string());
    }
    if depth > 0 {
        return Err(err(
            lines.get(start).map_or(0, |l| l.n),
            "citation ouverte par « et jamais fermée par » avant la fin de l'article de l'avenant",
        ));
    }
    Ok(out)
}

fn err(line: usize, message: impl Into<String>) -> ReadError {
    ReadError {
        line,
        message: message.into(),
    }
}

fn parse_body(lines: &[L]) -> Result<Vec<Instruction>, ReadError> {
    let mut out = Vec::new();
    let mut j = 0;
    while j < lines.len() {
        let line = &lines[j];
        let s = strip_end(&line.text);
        if let Some(c) = R_MODIFIED.captures(&s) {
            let (t, _) = parse_np(&c["t"], None)
                .ok_or_else(|| err(line.n, format!("unité introuvable dans « {} »", &c["t"])))?;
            let ctx = t.unit.clone();
            j += 1;
            while j < lines.len() {
                let Some(ic) = ITEM.captures(&lines[j].text) else {
                    break;
                };
                let n = lines[j].n;
                let sentence = strip_end(&ic[2]);
                j += 1;
                let b = if sentence.ends_with(':') {
                    block(lines, &mut j)?
                } else {
                    Vec::new()
                };
                out.push(parse_sentence(&sentence, b, Some(&ctx)).map_err(|m| err(n, m))?);
            }
            continue;
        }
        j += 1;
        let b = if s.ends_with(':') {
            block(lines, &mut j)?
        } else {
            Vec::new()
        };
        out.push(parse_sentence(&s, b, None).map_err(|m| err(line.n, m))?);
    }
    Ok(out)
}

/// Drops the final « . » or « ; » (never a quotation's own punctuation).
fn strip_end(s: &str) -> String {
    s.trim_end_matches([' ', '.', ';']).to_string()
}

fn value_type(noun: Option<&str>) -> Option<ValueType> {
    match noun?.to_lowercase().as_str() {
        "la date" => Some(ValueType::Date),
        "le montant" | "la somme" => Some(ValueType::Montant),
        "le nombre" | "le chiffre" | "les chiffres" => Some(ValueType::Nombre),
        "le taux" => Some(ValueType::Taux),
        "la durée" => Some(ValueType::Duree),
        "la référence" => Some(ValueType::Reference),
        _ => None,
    }
}

fn q(quotes: &[String], m: Option<regex::Match>) -> Option<String> {
    let i: usize = m?.as_str().parse().ok()?;
    quotes.get(i).cloned()
}

/// Parses one sentence (its quotations, and the quoted block that follows it) into an instruction.
/// The quoted block added at the end of `target`: one phrase when `what` names a phrase
/// (« une phrase », « la phrase suivante »), else alinéas; `None` when nothing was quoted.
fn appended_at_end(target: Target, what: &str, block: Vec<String>) -> Option<Instruction> {
    if block.is_empty() {
        return None;
    }
    let op = if what.to_lowercase().contains("phrase") {
        Op::AddPhrase {
            text: block.join(" "),
        }
    } else {
        Op::AddAlineas {
            at: AlineaAt::End,
            alineas: block,
        }
    };
    Some(Instruction { target, op })
}

fn parse_sentence(s: &str, block: Vec<String>, ctx: Option<&Unit>) -> Result<Instruction, String> {
    let (skel, quotes) = extract_quotes(s);
    let skel = skel.trim().to_string();
    let target_of = |t: &str| -> Result<(Target, u32), String> {
        parse_np(t, ctx).ok_or_else(|| format!("unité introuvable dans « {t} »"))
    };
    let loc_target = |loc: Option<regex::Match>| -> Result<Target, String> {
        match loc {
            Some(l) => Ok(target_of(l.as_str())?.0),
            None => ctx
                .map(|u| Target::unit(u.clone()))
                .ok_or_else(|| "la phrase ne dit pas quel article elle modifie".to_string()),
        }
    };
    let missing_quote = || format!("citation manquante dans « {s} »");
    let first_text = |inline_q: Option<String>| -> Result<String, String> {
        inline_q
            .or_else(|| block.first().cloned())
            .ok_or_else(missing_quote)
    };

    if let Some(c) = R_REPLACE.captures(&skel) {
        let old = q(&quotes, c.name("q1")).ok_or_else(missing_quote)?;
        let new = q(&quotes, c.name("q2")).ok_or_else(missing_quote)?;
        let vt = value_type(c.name("n1").map(|m| m.as_str()))
            .or_else(|| value_type(c.name("n2").map(|m| m.as_str())));
        if let Some(l) = c.name("loc") {
            let ll = l.as_str().to_lowercase();
            if ll.contains("ensemble de la convention")
                || ll == "dans toute la convention"
                || ll == "dans la convention"
            {
                return Ok(Instruction {
                    target: Target::convention(),
                    op: Op::ReplaceEverywhere {
                        old,
                        new,
                        value_type: vt,
                    },
                });
            }
        }
        // « Le montant de « X » est remplacé par « Y » », naming no unit: the words must then
        // occur once in the whole convention (`apply` refuses them otherwise).
        let target = match (c.name("loc"), ctx) {
            (None, None) => Target::convention(),
            (loc, _) => loc_target(loc)?,
        };
        return Ok(Instruction {
            target,
            op: Op::ReplaceWords {
                old,
                new,
                value_type: vt,
            },
        });
    }
    if let Some(c) = R_INSERT_W.captures(&skel) {
        let a = q(&quotes, c.name("q1")).ok_or_else(missing_quote)?;
        let words = q(&quotes, c.name("q2")).ok_or_else(missing_quote)?;
        let anchor = if c["rel"].eq_ignore_ascii_case("après") {
            Anchor::After(a)
        } else {
            Anchor::Before(a)
        };
        return Ok(Instruction {
            target: loc_target(c.name("loc"))?,
            op: Op::InsertWords { anchor, words },
        });
    }
    if let Some(c) = R_START_W.captures(&skel) {
        return Ok(Instruction {
            target: target_of(&c["t"])?.0,
            op: Op::AddWordsAtStart {
                words: q(&quotes, c.name("q")).ok_or_else(missing_quote)?,
            },
        });
    }
    if let Some(c) = R_END_W.captures(&skel) {
        return Ok(Instruction {
            target: target_of(&c["t"])?.0,
            op: Op::AddWordsAtEnd {
                words: q(&quotes, c.name("q")).ok_or_else(missing_quote)?,
            },
        });
    }
    if let Some(c) = R_DEL_W.captures(&skel) {
        return Ok(Instruction {
            target: loc_target(c.name("loc"))?,
            op: Op::DeleteWords {
                words: q(&quotes, c.name("q")).ok_or_else(missing_quote)?,
                to_end: c.name("fin").is_some(),
            },
        });
    }
    if let Some(c) = R_ADD_PHRASE.captures(&skel) {
        return Ok(Instruction {
            target: target_of(&c["t"])?.0,
            op: Op::AddPhrase {
                text: first_text(q(&quotes, c.name("q")))?,
            },
        });
    }
    if let Some(c) = R_INSERT_PHRASE.captures(&skel) {
        return Ok(Instruction {
            target: target_of(&c["t"])?.0,
            op: Op::InsertPhrase {
                text: first_text(q(&quotes, c.name("q")))?,
            },
        });
    }
    if let Some(c) = R_ADD_ARTICLE.captures(&skel) {
        let label = canonical_label(&c["l"]);
        let (heading, alineas) = article_block(&block, &label)?;
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::AddArticle {
                label,
                heading,
                alineas,
            },
        });
    }
    if let Some(c) = R_ADD_ANNEX.captures(&skel) {
        let (heading, blocks) = annex_block(&block);
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::AddAnnex {
                label: c.name("l").map(|m| m.as_str().to_string()),
                heading,
                blocks,
            },
        });
    }
    if let Some((t, l)) = super::formules::read_insert_article_first(&skel) {
        let (heading, alineas) = article_block(&block, &l)?;
        return Ok(Instruction {
            target: target_of(&t)?.0,
            op: Op::InsertArticleFirst {
                label: canonical_label(&l),
                heading,
                alineas,
            },
        });
    }
    if let Some(c) = R_INSERT_ART.captures(&skel) {
        let (heading, alineas) = article_block(&block, &c["l"])?;
        return Ok(Instruction {
            target: target_of(&c["t"])?.0,
            op: Op::InsertArticle {
                label: canonical_label(&c["l"]),
                heading,
                alineas,
            },
        });
    }
    if let Some(c) = R_INSERT.captures(&skel) {
        let (target, _) = target_of(&c["t"])?;
        if block.is_empty() {
            return Err(missing_quote());
        }
        return Ok(Instruction {
            target,
            op: Op::InsertAlineas { alineas: block },
        });
    }
    if let Some(c) = R_ADD_START.captures(&skel) {
        let (target, _) = target_of(&c["t"])?;
        if block.is_empty() {
            return Err(missing_quote());
        }
        return Ok(Instruction {
            target,
            op: Op::AddAlineas {
                at: AlineaAt::Start,
                alineas: block,
            },
        });
    }
    if let Some(c) = R_ADD_IL.captures(&skel) {
        let target = loc_target(c.name("loc"))?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    if let Some(c) = R_ADD_END2.captures(&skel) {
        let (target, _) = target_of(&c["t"])?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    if let Some(c) = R_ADD_END.captures(&skel) {
        let (target, _) = target_of(&c["t"])?;
        if block.is_empty() {
            return Err(missing_quote());
        }
        return Ok(Instruction {
            target,
            op: Op::AddAlineas {
                at: AlineaAt::End,
                alineas: block,
            },
        });
    }
    let rewrite = R_REWRITE
        .captures(&skel)
        .map(|c| (c.name("t"), c.name("q")))
        .or_else(|| R_REPLACED_N.captures(&skel).map(|c| (c.name("t"), None)))
        .or_else(|| {
            R_REPLACED_COLON
                .captures(&skel)
                .map(|c| (c.name("t"), c.name("q")))
        });
    if let Some((Some(t), qm)) = rewrite {
        let (target, count) = target_of(t.as_str())?;
        let inline_q = q(&quotes, qm);
        let lines: Vec<String> = match inline_q {
            Some(x) => vec![x],
            None => block,
        };
        if lines.is_empty() {
            return Err(missing_quote());
        }
        let op = if target.heading {
            Op::RewriteHeading {
                heading: lines.join(" "),
            }
        } else if target.phrase.is_some() {
            Op::RewritePhrase {
                text: lines.join(" "),
            }
        } else if target.is_whole_unit() {
            match target.unit {
                Unit::Article { ref label } => {
                    let (heading, alineas) = article_block(&lines, label)?;
                    Op::RewriteArticle { heading, alineas }
                }
                Unit::Annex { .. } => {
                    let (heading, blocks) = annex_block(&lines);
                    Op::RewriteAnnex { heading, blocks }
                }
                ref u if super::formules::block_np(u).is_some() => {
                    super::formules::block_op(u, Some(lines)).ok_or_else(missing_quote)?
                }
                _ => {
                    return Err(format!(
                        "« {s} » : la convention entière ne peut être réécrite ainsi"
                    ))
                }
            }
        } else {
            Op::RewriteAlineas {
                count,
                alineas: lines,
            }
        };
        return Ok(Instruction { target, op });
    }
    if let Some(c) = R_DELETE.captures(&skel) {
        let (target, count) = target_of(&c["t"])?;
        let op = if target.phrase.is_some() {
            Op::DeletePhrase
        } else if target.is_whole_unit() {
            match target.unit {
                Unit::Article { .. } => Op::DeleteArticle,
                Unit::Annex { .. } => Op::DeleteAnnex,
                ref u if super::formules::block_np(u).is_some() => Op::DeleteBlock,
                _ => return Err(format!("« {s} » : impossible de supprimer cette unité")),
            }
        } else {
            Op::DeleteAlineas { count }
        };
        return Ok(Instruction { target, op });
    }
    if let Some(c) = R_RENUM1.captures(&skel) {
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::Renumber {
                from: vec![canonical_label(&c["a"])],
                to: vec![canonical_label(&c["b"])],
            },
        });
    }
    if let Some(c) = R_RENUM2.captures(&skel) {
        let from = label_list(&c["a"]);
        let to = label_list(&c["b"]);
        if from.len() != to.len() || from.is_empty() {
            return Err(format!(
                "« {s} » : les deux listes d'articles n'ont pas la même longueur"
            ));
        }
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::Renumber { from, to },
        });
    }
    Err(format!("phrase non comprise : « {s} »"))
}

/// « 6 à 9 » → 6, 7, 8, 9; « 6, 8 et 9 » → 6, 8, 9.
fn label_list(s: &str) -> Vec<String> {
    if let Some((a, b)) = s.split_once(" à ") {
        if let Some(range) = super::formules::label_range(a, b) {
            return range;
        }
    }
    s.replace(" et ", ", ")
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(canonical_label)
        .collect()
}

/// The quoted article: « Article 5 – Durée » then alinéas. A quoted heading whose number is
/// not the one the instruction names (« Article 5 ter » under « l'article 5 bis ») is refused.
fn article_block(lines: &[String], expect: &str) -> Result<(Option<String>, Vec<String>), String> {
    match lines.first().and_then(|f| headings::article(f, true)) {
        Some(h) => {
            if canonical_label(&h.label) != canonical_label(expect) {
                return Err(format!(
                    "l'article cité (« Article {} ») n'est pas l'article {} que la phrase désigne",
                    h.label,
                    canonical_label(expect)
                ));
            }
            Ok((h.heading, lines[1..].to_vec()))
        }
        None => Ok((None, lines.to_vec())),
    }
}

fn annex_block(lines: &[String]) -> (Option<String>, Vec<String>) {
    match lines.first().and_then(|f| headings::annex(f)) {
        Some(h) => (h.heading, lines[1..].to_vec()),
        None => (None, lines.to_vec()),
    }
}

/// Parses a noun phrase designating a unit of the convention (« la seconde phrase du deuxième
/// alinéa de l'article 7 »); returns the target and the count of a range (« les deuxième et
/// troisième alinéas » → 2).
pub fn parse_np(s: &str, ctx: Option<&Unit>) -> Option<(Target, u32)> {
    let mut rest = s.trim().to_string();
    if P_PRONOUN.is_match(&rest) {
        return ctx.map(|u| (Target::unit(u.clone()), 1));
    }
    let mut heading = false;
    let mut phrase = None;
    let mut alinea = None;
    let mut row = None;
    let mut items: Vec<String> = Vec::new();
    let mut unit: Option<Unit> = None;
    let mut count = 1;
    let range = |a: &str, kind: Option<&str>, b: Option<&str>| -> Option<(Position, u32)> {
        let pa = parse_position(a)?;
        match (kind, b) {
            (Some(k), Some(b)) => {
                let (Position::Nth(x), Some(Position::Nth(y))) = (pa, parse_position(b)) else {
                    return None;
                };
                let n = if k.eq_ignore_ascii_case("et") {
                    2
                } else {
                    y.checked_sub(x)? + 1
                };
                Some((pa, n))
            }
            _ => Some((pa, 1)),
        }
    };
    loop {
        if let Some(m) = P_DET.find(&rest) {
            rest = rest[m.end()..].to_string();
        }
        let consumed;
        if let Some(m) = P_HEADING.find(&rest) {
            heading = true;
            consumed = m.end();
        } else if let Some(c) = P_PHRASE.captures(&rest) {
            phrase = Some(parse_position(&c[1])?);
            consumed = c.get(0)?.end();
        } else if let Some(c) = P_ROW.captures(&rest) {
            let (p, n) = range(
                &c[1],
                c.get(2).map(|m| m.as_str()),
                c.get(3).map(|m| m.as_str()),
            )?;
            row = Some(p);
            count = n;
            consumed = c.get(0)?.end();
        } else if let Some(c) = P_ALINEA.captures(&rest) {
            let (p, n) = range(
                &c[1],
                c.get(2).map(|m| m.as_str()),
                c.get(3).map(|m| m.as_str()),
            )?;
            alinea = Some(p);
            if phrase.is_none() {
                count = n;
            }
            consumed = c.get(0)?.end();
        } else if let Some(c) = P_ITEM_RANGE.captures(&rest) {
            let a: u32 = c[1].parse().ok()?;
            let b: u32 = c[3].parse().ok()?;
            items.push(format!("{a}°"));
            count = if c[2].eq_ignore_ascii_case("et") {
                2
            } else {
                b.checked_sub(a)? + 1
            };
            consumed = c.get(0)?.end();
        } else if let Some(c) = P_ARTICLE.captures(&rest) {
            unit = Some(Unit::article(&c[1]));
            consumed = c.get(0)?.end();
        } else if let Some(c) = P_ANNEX.captures(&rest) {
            unit = Some(Unit::annex(c.get(1).map(|m| m.as_str())));
            consumed = c.get(0)?.end();
        } else if let Some(m) = P_CONVENTION.find(&rest) {
            unit = Some(Unit::Convention);
            consumed = m.end();
        } else if let Some(m) = P_PREAMBULE.find(&rest) {
            unit = Some(Unit::Preambule);
            consumed = m.end();
        } else if let Some((u, len)) = super::formules::read_block_unit(&rest) {
            unit = Some(u);
            consumed = len;
        } else if let Some(c) = P_ITEM.captures(&rest) {
            items.push(c[1].to_string());
            consumed = c.get(1)?.end() + usize::from(rest[c.get(1)?.end()..].starts_with(')'));
        } else {
            return None;
        }
        rest = rest[consumed..].to_string();
        if rest.trim().is_empty() || unit.is_some() {
            break;
        }
        let m = P_CONNECT.find(&rest)?;
        rest = rest[m.end()..].to_string();
    }
    if !rest.trim().is_empty() {
        return None;
    }
    let unit = match unit {
        Some(u) => u,
        None => ctx?.clone(),
    };
    items.reverse();
    let target = Target {
        unit,
        heading,
        row,
        item: items,
        alinea,
        phrase,
    };
    Some((target, count))
}

/// Reads a cardinal word, for « deux alinéas ».
pub fn cardinal_word(w: &str) -> Option<u32> {
    parse_cardinal(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noun_phrases() {
        let (t, n) = parse_np("la seconde phrase du deuxième alinéa de l'article 7", None).unwrap();
        assert_eq!(
            t,
            Target::article("7")
                .with_alinea(Position::Nth(2))
                .with_phrase(Position::Second)
        );
        assert_eq!(n, 1);
        let (t, n) = parse_np("les deuxième à quatrième alinéas de l'article 5", None).unwrap();
        assert_eq!(
            (t, n),
            (Target::article("5").with_alinea(Position::Nth(2)), 3)
        );
        let (t, _) = parse_np("le b du 1° de l'article 4", None).unwrap();
        assert_eq!(t, Target::article("4").with_item("1°").with_item("b"));
        let (t, _) = parse_np(
            "à la troisième ligne du tableau figurant à l'annexe 2",
            None,
        )
        .unwrap();
        assert_eq!(
            t,
            Target::unit(Unit::annex(Some("2"))).with_row(Position::Nth(3))
        );
        let (t, _) = parse_np("l'intitulé de l'article 4", None).unwrap();
        assert_eq!(t, Target::article("4").with_heading());
        let (t, _) = parse_np("l'article 1er de la convention", None).unwrap();
        assert_eq!(t, Target::article("1"));
        let ctx = Unit::article("7");
        let (t, _) = parse_np("au dernier alinéa", Some(&ctx)).unwrap();
        assert_eq!(t, Target::article("7").with_alinea(Position::Last));
        assert!(parse_np("le chat de la voisine", None).is_none());
    }

    #[test]
    fn quotes_are_extracted_with_nesting() {
        let (s, q) = extract_quotes("les mots : « l'« ENA » » sont remplacés par « x »");
        assert_eq!(s, "les mots : §0 sont remplacés par §1");
        assert_eq!(q, ["l'« ENA »", "x"]);
    }
}
