//! An amending article's body → instructions: items of « est ainsi modifié : », then each
//! sentence matched against the formulas of [`super::patterns`].

use super::patterns::*;
use super::places;
use super::quotes::{block, extract_quotes};
use super::target::parse_np;
use super::{err, JoinedAnnex, ReadError, L};
use crate::avenant::model::{
    canonical_label, AlineaAt, Anchor, Instruction, Op, Position, Target, Unit, ValueType,
    ALL_ALINEAS,
};
use crate::parse::headings;

pub(super) fn parse_body(
    lines: &[L],
    ctx: Option<&Unit>,
    joined: &[JoinedAnnex],
) -> Result<Vec<(Instruction, String)>, ReadError> {
    // Each instruction with the sentence it was read from, as written.
    let mut out = Vec::new();
    let written = |raw: &str, ins: Vec<Instruction>| {
        let raw = raw.to_string();
        ins.into_iter().map(move |i| (i, raw.clone()))
    };
    let mut j = 0;
    while j < lines.len() {
        let line = &lines[j];
        // « 1.1. », « II. – », « 1° », « a) » before a sentence that stands on its own.
        let text = match ITEM.captures(&line.text) {
            Some(ic) => ic[2].to_string(),
            None => line.text.clone(),
        };
        let s = strip_end(&text);
        if R_ABROGATED_LIST.is_match(&s) {
            // « Sont abrogés : » then « 1° L'article L. 313-6 ; », « 4° Les articles 73 et
            // 74 ; »: each item is what is abrogated.
            j += 1;
            let first = j;
            while j < lines.len() {
                let Some(ic) = ITEM.captures(&lines[j].text) else {
                    break;
                };
                let np = strip_end(&ic[2]);
                let sentence = format!("{np} est abrogé");
                let read = parse_sentence(&sentence, Vec::new(), ctx, joined)
                    .map_err(|m| err(lines[j].n, format!("« {s} » {np} : {m}")))?;
                out.extend(written(&lines[j].raw, read));
                j += 1;
            }
            if j == first {
                return Err(err(
                    line.n,
                    format!("« {s} » : aucune disposition abrogée (1°, 2°…) ne suit"),
                ));
            }
            continue;
        }
        if let Some(c) = R_MODIFIED.captures(&s) {
            let (t, _) = parse_np(&c["t"], ctx)
                .ok_or_else(|| err(line.n, format!("unité introuvable dans « {} »", &c["t"])))?;
            j += 1;
            if items_of(lines, &mut j, &t, None, joined, &mut out)? == 0 {
                return Err(err(
                    line.n,
                    format!("« {s} » : aucune modification numérotée (1°, a), I. –) ne suit"),
                ));
            }
            continue;
        }
        j += 1;
        let b = if s.ends_with(':') {
            block(lines, &mut j)?
        } else {
            Vec::new()
        };
        out.extend(written(
            &line.raw,
            parse_sentence(&s, b, ctx, joined).map_err(|m| err(line.n, m))?,
        ));
    }
    Ok(out)
}

/// The quoted block under the sentence, or the quotation closing the sentence itself
/// (« … il est inséré un alinéa ainsi rédigé : « … » »).
fn inline_or(block: Vec<String>, quotes: &[String], m: Option<regex::Match>) -> Vec<String> {
    match q(quotes, m) {
        Some(x) if block.is_empty() => vec![x],
        _ => block,
    }
}

/// The items (« 1° », « a) », « – ») under « … est ainsi modifié : », each applied within
/// `scope`, appended to `out`; returns how many were read. At the top (`kind` `None`) every item
/// line that follows is one; under an item that is itself « ainsi modifié » (« a) L'alinéa 1
/// est ainsi modifié : » then « – les mots … »), only the items of the next marker's kind.
fn items_of(
    lines: &[L],
    j: &mut usize,
    scope: &Target,
    kind: Option<u8>,
    joined: &[JoinedAnnex],
    out: &mut Vec<(Instruction, String)>,
) -> Result<usize, ReadError> {
    let mut items = 0;
    while *j < lines.len() {
        let Some(ic) = ITEM.captures(&lines[*j].text) else {
            break;
        };
        let mine = marker_kind(&ic[1]);
        if kind.is_some_and(|k| k != mine) {
            break;
        }
        let n = lines[*j].n;
        let raw = lines[*j].raw.clone();
        let sentence = strip_end(&ic[2]);
        *j += 1;
        if let Some(c) = R_MODIFIED.captures(&sentence) {
            let (t, _) = parse_np(&c["t"], Some(&scope.unit))
                .ok_or_else(|| err(n, format!("unité introuvable dans « {} »", &c["t"])))?;
            let t = within(t, scope);
            let sub = lines
                .get(*j)
                .and_then(|l| ITEM.captures(&l.text))
                .map(|ic| marker_kind(&ic[1]))
                .filter(|k| *k != mine);
            if sub.is_none() || items_of(lines, j, &t, sub, joined, out)? == 0 {
                return Err(err(
                    n,
                    format!("« {sentence} » : aucune modification (a), –) ne suit"),
                ));
            }
            items += 1;
            continue;
        }
        let b = if sentence.ends_with(':') {
            block(lines, j)?
        } else {
            Vec::new()
        };
        let read =
            parse_sentence(&sentence, b, Some(&scope.unit), joined).map_err(|m| err(n, m))?;
        out.extend(read.into_iter().map(|i| {
            (
                Instruction {
                    target: within(i.target, scope),
                    op: i.op,
                },
                raw.clone(),
            )
        }));
        items += 1;
    }
    Ok(items)
}

/// The kind of an item marker: « 1° », « a) », « – », « II. – », « 1.1. ».
fn marker_kind(m: &str) -> u8 {
    match m.chars().next() {
        Some('–' | '—' | '-') => 2,
        Some(c) if c.is_ascii_digit() && m.contains('°') => 0,
        Some(c) if c.is_ascii_digit() => 4,
        Some(c) if c.is_ascii_lowercase() => 1,
        _ => 3,
    }
}

/// `t` read inside `scope` (« à la deuxième phrase » under « L'alinéa 3 est ainsi modifié »):
/// what `t` does not say of the same unit, `scope` does.
fn within(mut t: Target, scope: &Target) -> Target {
    if t.unit != scope.unit {
        return t;
    }
    if t.item.is_empty() {
        t.item = scope.item.clone();
    }
    if t.alinea.is_none() {
        t.alinea = scope.alinea;
        if t.phrase.is_none() {
            t.phrase = scope.phrase;
        }
    }
    if t.row.is_none() {
        t.row = scope.row;
    }
    t.heading |= scope.heading;
    t
}

/// Drops the final « . » or « ; » (never a quotation's own punctuation).
pub(super) fn strip_end(s: &str) -> String {
    s.trim_end_matches([' ', '.', ';']).to_string()
}

pub(super) fn value_type(noun: Option<&str>) -> Option<ValueType> {
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

pub(super) fn q(quotes: &[String], m: Option<regex::Match>) -> Option<String> {
    let i: usize = m?.as_str().parse().ok()?;
    quotes.get(i).cloned()
}

/// Parses one sentence (its quotations, and the quoted block that follows it) into an instruction.
/// The quoted block added at the end of `target`: one phrase when `what` names a phrase
/// (« une phrase », « la phrase suivante »), else alinéas; `None` when nothing was quoted.
pub(super) fn appended_at_end(
    target: Target,
    what: &str,
    block: Vec<String>,
) -> Option<Instruction> {
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

/// Parses one sentence into its instructions: one, or several when the sentence chains
/// replacements (« les termes : « a » sont remplacés par les termes : « b », les termes : « c »
/// sont remplacés par … »), each then taking the place the first one names.
pub(super) fn parse_sentence(
    s: &str,
    block: Vec<String>,
    ctx: Option<&Unit>,
    joined: &[JoinedAnnex],
) -> Result<Vec<Instruction>, String> {
    let quoted = BARE_PHRASE.replace(s, "$rel la phrase : « $p », $v");
    let s = quoted.as_ref();
    let (_, quotes) = extract_quotes(s);
    let mut read = parse_sentence_skel(s, block, ctx, joined)?;
    // « l'article intitulé § n »: the heading is the n-th quote.
    for ins in &mut read {
        if let Unit::TitledArticle { heading, .. } = &mut ins.target.unit {
            if let Some(n) = heading.strip_prefix('¤') {
                *heading = n
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| quotes.get(n))
                    .map(|q| q.trim().to_string())
                    .filter(|q| !q.is_empty())
                    .ok_or_else(|| format!("« {s} » : l'intitulé de l'article manque"))?;
            }
        }
    }
    // « la section § n »: the heading of the division is the n-th quote.
    for ins in &mut read {
        if let Unit::Division { label } = &mut ins.target.unit {
            if let Some((noun, n)) = label.split_once(" ¤") {
                let heading = n
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| quotes.get(n))
                    .map(|q| q.trim().to_string())
                    .filter(|q| !q.is_empty())
                    .ok_or_else(|| format!("« {s} » : l'intitulé de la division manque"))?;
                *label = crate::avenant::formules::titled_division_label(noun, &heading);
                // Quoted whole with its heading: the heading it keeps is not one of its
                // alinéas.
                if let Op::RewriteBlock { lines } = &mut ins.op {
                    let key = crate::text::heading_key(&heading);
                    if lines.len() > 1 && crate::text::heading_key(&lines[0]) == key {
                        lines.remove(0);
                    }
                }
            }
        }
    }
    // « l'alinéa commençant par les mots : § n »: the words are the n-th quote.
    for ins in &mut read {
        if let Some(w) = ins.target.alinea_starts.take() {
            let words = w
                .strip_prefix('§')
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| quotes.get(n))
                .filter(|q| !q.trim().is_empty())
                .ok_or_else(|| format!("« {s} » : les mots qui ouvrent l'alinéa manquent"))?;
            ins.target.alinea_starts = Some(words.trim().to_string());
        }
    }
    Ok(read)
}

fn parse_sentence_skel(
    s: &str,
    block: Vec<String>,
    ctx: Option<&Unit>,
    joined: &[JoinedAnnex],
) -> Result<Vec<Instruction>, String> {
    let (skel, quotes) = extract_quotes(s);
    let skel = R_ALINEA_WORDS
        .replace_all(&skel, |c: &regex::Captures| {
            let of = c.name("of").map_or("", |m| m.as_str().trim());
            format!("alinéa commençant par ¤{} {of}", &c["n"])
                .trim_end()
                .to_string()
        })
        .into_owned();
    // « avant la phrase : § n, il est inséré un alinéa »: the alinéa that this phrase opens.
    let skel = PHRASE_BEFORE_ALINEA
        .replace(&skel, "$rel l'alinéa commençant par ¤$n,$rest")
        .into_owned();
    let skel = R_TITLED_ARTICLE
        .replace_all(&skel, |c: &regex::Captures| {
            format!("article intitulé ¤{}", &c["n"])
        })
        .into_owned();
    let skel = R_TITLED_DIVISION
        .replace_all(&skel, |c: &regex::Captures| {
            format!("{} ¤{}", &c["noun"], &c["n"])
        })
        .into_owned();
    // « Au premier et au cinquième alinéas, … »: read once per position.
    if let Some(several) = places::several(&skel) {
        let several = several.map_err(|e| format!("« {s} » : {e}"))?;
        let per: Result<Vec<Vec<Instruction>>, String> = several
            .sentences
            .iter()
            .map(|p| read_text(s, p, quotes.clone(), block.clone(), ctx, joined))
            .collect();
        let deletions = |per: &Vec<Vec<Instruction>>| {
            per.iter()
                .all(|v| v.len() == 1 && places::deletes_one(&v[0].op))
        };
        match per {
            Ok(per) if per.iter().flatten().all(|i| places::inside(&i.op)) => {
                return Ok(per.into_iter().flatten().collect());
            }
            // A range (« les deuxième et troisième alinéas sont supprimés ») is read whole.
            per if several.consecutive => {
                let whole = read_text(s, &skel, quotes, block, ctx, joined);
                return match (whole, per) {
                    (Ok(w), _) => Ok(w),
                    (Err(_), Ok(per)) if deletions(&per) => Ok(places::in_order(
                        per,
                        &places::deletion_order(&several.ranks),
                    )),
                    (Err(e), _) => Err(e),
                };
            }
            Ok(per) if deletions(&per) => {
                return Ok(places::in_order(
                    per,
                    &places::deletion_order(&several.ranks),
                ));
            }
            Ok(_) => {
                return Err(format!(
                    "« {s} » : seuls des mots, une phrase ajoutée ou une suppression peuvent viser ainsi plusieurs unités non consécutives ; écrire une instruction par unité"
                ))
            }
            Err(e) => return Err(e),
        }
    }
    read_text(s, &skel, quotes, block, ctx, joined)
}

/// The skeleton of one sentence (its place already put in one position) read into its
/// instructions: passive voice, occurrences said, then the formulas.
fn read_text(
    s: &str,
    skel: &str,
    quotes: Vec<String>,
    block: Vec<String>,
    ctx: Option<&Unit>,
    joined: &[JoinedAnnex],
) -> Result<Vec<Instruction>, String> {
    let skel = passive(skel.trim());
    let (skel, each) = occurrences_said(skel)?;
    let said = quotes.clone();
    let read = read_skeleton(s, skel, quotes, block, ctx, joined)
        .map_err(|e| quotes_put_back(&e, &said))?;
    let Some(times) = each else {
        return Ok(read);
    };
    // « …, deux fois, par … », « …, à chaque occurrence, par … »: said of word replacements
    // only.
    read.into_iter()
        .map(|ins| match ins.op {
            Op::ReplaceWords { old, new, .. } => Ok(Instruction {
                target: ins.target,
                op: Op::ReplaceWordsEach { old, new, times },
            }),
            _ => Err(not_understood(s)),
        })
        .collect()
}

/// An error message on a sentence's skeleton with the sentence's own quotations put back where
/// the reader's markers (`§0`, `¤1`) stand: « unité introuvable dans « La section « Conditions
/// budgétaire » » », never « La section §0 ».
fn quotes_put_back(message: &str, quotes: &[String]) -> String {
    static MARKER: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"[§¤](\d+)").expect("valid regex"));
    MARKER
        .replace_all(message, |c: &regex::Captures| {
            c[1].parse::<usize>()
                .ok()
                .and_then(|n| quotes.get(n))
                .map_or_else(|| c[0].to_string(), |q| format!("« {q} »"))
        })
        .into_owned()
}

/// The skeleton without the number of occurrences a replacement states (« sont remplacés, deux
/// fois, par », « …, à chaque occurrence, par », « … partout où ils figurent »), and that number:
/// `Some(None)` for every occurrence, `Some(Some(n))` for exactly `n`.
fn occurrences_said(skel: String) -> Result<(String, Option<Option<u32>>), String> {
    let Some(c) = OCCURRENCES_INCISE
        .captures(&skel)
        .or_else(|| OCCURRENCES_TAIL.captures(&skel))
    else {
        return Ok((skel, None));
    };
    let times = match c.name("k") {
        Some(k) => Some(
            k.as_str()
                .parse::<u32>()
                .ok()
                .or_else(|| super::target::cardinal_word(k.as_str()))
                .filter(|n| *n >= 2)
                .ok_or_else(|| format!("nombre d'occurrences illisible : « {} »", k.as_str()))?,
        ),
        None => None,
    };
    let whole = c.get(0).map_or(0..0, |m| m.range());
    let kept = c.name("v").or(c.name("q")).map_or("", |m| m.as_str());
    let glue = if c.name("v").is_some() { " par" } else { "" };
    let out = format!("{}{kept}{glue}{}", &skel[..whole.start], &skel[whole.end..]);
    Ok((out, Some(times)))
}

fn read_skeleton(
    s: &str,
    skel: String,
    quotes: Vec<String>,
    block: Vec<String>,
    ctx: Option<&Unit>,
    joined: &[JoinedAnnex],
) -> Result<Vec<Instruction>, String> {
    // A chained replacement follows a first one: never cut before the first « remplacé ».
    let first = skel.to_lowercase().find("remplac").unwrap_or(skel.len());
    // A chain quotes at least three times (a replacement's two, then the next one's words).
    let mut cuts: Vec<usize> = if quotes.len() >= 3 {
        R_CHAINED
            .find_iter(&skel)
            .map(|m| m.start())
            .filter(|&c| c > first)
            .collect()
    } else {
        Vec::new()
    };
    // « … et la dernière phrase est remplacée par la phrase suivante : » after a replacement
    // of words: the last instruction, the quoted block its text.
    if quotes.len() >= 2 && first < skel.len() {
        if let Some(m) = R_CHAINED_UNIT.find(&skel).filter(|m| m.start() > first) {
            cuts.push(m.start());
            cuts.sort_unstable();
            cuts.dedup();
        }
    }
    if let Some(r) = added_articles(s, &skel, &block) {
        return r;
    }
    if let Some(c) = R_DELETE_ARTICLES.captures(&skel) {
        let labels = several_labels(s, &c["l"])?;
        return Ok(labels
            .iter()
            .map(|l| Instruction {
                target: Target::article(l),
                op: Op::DeleteArticle,
            })
            .collect());
    }
    if let Some(c) = R_ARTICLES_INTO_ONE.captures(&skel) {
        // « Les articles 6 et 7 sont remplacés par un article 6 ainsi rédigé : »: the new
        // article takes the place of the first one; the others are deleted.
        let labels = several_labels(s, &c["l"])?;
        let label = canonical_label(&c["n"]);
        let (heading, alineas) = article_block(&block, &label)?;
        if alineas.is_empty() {
            return Err(format!("citation manquante dans « {s} »"));
        }
        let mut out = Vec::new();
        if labels.contains(&label) {
            out.push(Instruction {
                target: Target::article(&label),
                op: Op::RewriteArticle { heading, alineas },
            });
        } else {
            let last = labels.last().map(String::as_str).unwrap_or_default();
            out.push(Instruction {
                target: Target::article(last),
                op: Op::InsertArticle {
                    label: label.clone(),
                    heading,
                    alineas,
                },
            });
        }
        out.extend(labels.iter().filter(|l| **l != label).map(|l| Instruction {
            target: Target::article(l),
            op: Op::DeleteArticle,
        }));
        return Ok(out);
    }
    if let Some(c) = R_PHRASE_AND_ALINEAS.captures(&skel) {
        // The phrase ends the unit's last alinéa; the alinéas follow the unit.
        let place = c.name("loc").or(c.name("t")).map(|m| m.as_str());
        let target = match place {
            Some(p) => {
                parse_np(p, ctx)
                    .ok_or_else(|| format!("unité introuvable dans « {p} »"))?
                    .0
            }
            None => ctx
                .map(|u| Target::unit(u.clone()))
                .ok_or_else(|| "la phrase ne dit pas quel article elle modifie".to_string())?,
        };
        let n = crate::avenant::formules::parse_cardinal(&c["n"]).unwrap_or(0) as usize;
        let Some((phrase, alineas)) = block.split_first().filter(|(_, r)| r.len() == n) else {
            return Err(format!(
                "« {s} » : {} ligne(s) citée(s), ce que la phrase n'annonce pas",
                block.len()
            ));
        };
        let last = if target.item.is_empty() {
            target.clone().with_alinea(Position::Last)
        } else {
            target.clone()
        };
        return Ok(vec![
            Instruction {
                target: last,
                op: Op::AddPhrase {
                    text: phrase.clone(),
                },
            },
            Instruction {
                target,
                op: Op::AddAlineas {
                    at: AlineaAt::End,
                    alineas: alineas.to_vec(),
                },
            },
        ]);
    }
    if cuts.is_empty() {
        return Ok(vec![parse_one(s, skel, &quotes, block, ctx, joined)?]);
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for c in cuts.iter().copied().chain([skel.len()]) {
        let piece = skel[from..c].trim_start_matches([',', ';', ' ']);
        // « … est remplacé par le mot : « et » et les mots : « … » sont supprimés ».
        let piece = piece.strip_prefix("et ").unwrap_or(piece);
        // « … et les mots : « c » par les mots : « d » »: the verb of the first replacement.
        let piece = match R_VERBLESS.captures(piece.trim_end()) {
            Some(v) => format!("{} est remplacé par {}", &v["old"], &v["new"]),
            None => piece.to_string(),
        };
        pieces.push(piece);
        from = c;
    }
    let loc = R_REPLACE.captures(&pieces[0]).and_then(|c| {
        c.name("loc")
            .or(c.name("loc2"))
            .map(|m| m.as_str().to_string())
    });
    let mut out = Vec::new();
    let last = pieces.len() - 1;
    let mut block = Some(block);
    for (i, p) in pieces.into_iter().enumerate() {
        let p = match (&loc, i) {
            (Some(l), i) if i > 0 => format!("{l}, {p}"),
            _ => p,
        };
        // The quoted block, if any, is the text of the chain's last instruction.
        let b = if i == last {
            block.take().unwrap_or_default()
        } else {
            Vec::new()
        };
        out.push(parse_one(s, p, &quotes, b, ctx, joined)?);
    }
    Ok(out)
}

/// The skeleton in the passive formula the patterns read, when it is written in the active
/// voice or the imperative (« Compléter … par … » → « … est complété par … »).
fn passive(skel: &str) -> String {
    let mut skel = as_follows(&kept_except(skel));
    for (r, to) in ACTIVE_FORMS.iter() {
        if r.is_match(&skel) {
            skel = r.replace(&skel, *to).trim().to_string();
            break;
        }
    }
    without_incises(skel)
}

/// « Les articles … restent inchangés à l'exception de la section § 1 qui est remplacée par la
/// section suivante : » → « la section § 1 est remplacée par la section suivante : »: what the
/// sentence says of the one unit it excepts is the instruction; the rest is kept.
fn kept_except(skel: &str) -> String {
    let Some(c) = R_KEPT_EXCEPT.captures(skel) else {
        return skel.to_string();
    };
    let t = c["t"].trim();
    let lower = t.to_lowercase();
    let np = [
        ("de la ", "la "),
        ("de l'", "l'"),
        ("du ", "le "),
        ("des ", "les "),
        ("de ", ""),
    ]
    .into_iter()
    .find(|(from, _)| lower.starts_with(from))
    .map_or_else(
        || t.to_string(),
        |(from, to)| format!("{to}{}", &t[from.len()..]),
    );
    format!("{np} {}", c["v"].trim())
}

/// « un alinéa rédigé comme suit », « un dernier alinéa, rédigé comme suit » → « … ainsi
/// rédigé »; « est rédigé comme suit » is left to the formula that reads it.
fn as_follows(skel: &str) -> String {
    AS_FOLLOWS
        .replace_all(skel, |c: &regex::Captures| {
            let w = &c["w"];
            if ["est", "sont", "désormais", "ainsi"].contains(&w.to_lowercase().as_str()) {
                c[0].to_string()
            } else {
                format!("{w} ainsi {}", &c["r"])
            }
        })
        .into_owned()
}

/// « au paragraphe 25.2.II » → « du paragraphe 25.2.II »: a place as the complement of a noun.
fn of_place(loc: &str) -> String {
    let loc = loc.trim();
    let lower = loc.to_lowercase();
    for (from, to) in [
        ("au ", "du "),
        ("aux ", "des "),
        ("à la ", "de la "),
        ("a la ", "de la "),
        ("à l'", "de l'"),
        ("a l'", "de l'"),
        ("dans le ", "du "),
        ("dans la ", "de la "),
        ("dans l'", "de l'"),
        ("dans les ", "des "),
        ("à ", "de "),
        ("a ", "de "),
    ] {
        if lower.starts_with(from) {
            return format!("{to}{}", &loc[from.len()..]);
        }
    }
    format!("de {loc}")
}

/// The skeleton with the incises of [`INCISES`] and [`R_COMPLETED_AFTER`] put where the
/// formulas read them.
fn without_incises(mut skel: String) -> String {
    for (r, to) in INCISES.iter() {
        if r.is_match(&skel) {
            skel = r.replace(&skel, *to).trim().to_string();
        }
    }
    // « Au paragraphe 25.2.II, il est inséré après le troisième alinéa un alinéa … » →
    // « Après le troisième alinéa du paragraphe 25.2.II, il est inséré un alinéa … ».
    if let Some(c) = R_INSERTED_AFTER.captures(&skel) {
        let rel = if c["rel"].eq_ignore_ascii_case("avant") {
            "Avant"
        } else {
            "Après"
        };
        let place = match c.name("loc") {
            Some(l) => format!("{} {}", c["x"].trim(), of_place(l.as_str())),
            None => c["x"].trim().to_string(),
        };
        skel = format!("{rel} {place}, il est {} {}", &c["v"], c["rest"].trim());
    }
    if let Some(c) = R_COMPLETED_AFTER.captures(&skel) {
        let t = c["t"].trim();
        let mut chars = t.chars();
        let t = match chars.next() {
            Some(f) => f.to_lowercase().chain(chars).collect::<String>(),
            None => String::new(),
        };
        let of = match t.split_once(' ') {
            Some(("le", r)) => format!("du {r}"),
            Some(("les", r)) => format!("des {r}"),
            _ => format!("de {t}"),
        };
        let rel = &c["rel"];
        let mut rel_chars = rel.chars();
        let rel = match rel_chars.next() {
            Some(f) => f.to_uppercase().chain(rel_chars).collect::<String>(),
            None => String::new(),
        };
        skel = format!(
            "{rel} {} {of}, il est inséré {}",
            c["x"].trim(),
            c["rest"].trim()
        );
    }
    skel
}

fn parse_one(
    s: &str,
    skel: String,
    quotes: &[String],
    block: Vec<String>,
    ctx: Option<&Unit>,
    joined: &[JoinedAnnex],
) -> Result<Instruction, String> {
    let quotes = quotes.to_vec();
    // « L'annexe 2 est remplacée par l'annexe jointe au présent avenant »: the annex text
    // follows the avenant's articles.
    let annex_joined = R_ANNEX_JOINED
        .captures(&skel)
        .map(|c| {
            (
                c["t"].to_string(),
                c.name("l").map(|m| m.as_str().to_string()),
            )
        })
        .or_else(|| {
            R_ANNEX_JOINED2.captures(&skel).map(|c| {
                (
                    c["t"].to_string(),
                    c.name("l").map(|m| m.as_str().to_string()),
                )
            })
        });
    if let Some((t, label)) = annex_joined {
        let (target, _) =
            parse_np(&t, ctx).ok_or_else(|| format!("unité introuvable dans « {t} »"))?;
        if !matches!(target.unit, Unit::Annex { .. }) || !target.is_whole_unit() {
            return Err(format!(
                "« {s} » : seule une annexe entière peut être remplacée ainsi"
            ));
        }
        let found: Vec<&JoinedAnnex> = joined
            .iter()
            .filter(|a| label.is_none() || a.label.as_deref() == label.as_deref())
            .collect();
        let [annex] = found.as_slice() else {
            return Err(format!(
                "« {s} » : {} annexe(s) jointe(s) à l'avenant correspondent (il en faut exactement une, après les articles de l'avenant, sous un intitulé « Annexe … »)",
                found.len()
            ));
        };
        return Ok(Instruction {
            target,
            op: Op::RewriteAnnex {
                heading: annex.heading.clone(),
                blocks: annex.lines.clone(),
            },
        });
    }
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
        // « le signe : « , » est remplacé par le mot : « et » »: the sign hangs on the word
        // before it, the word that takes its place stands apart (« X, Y » → « X et Y »).
        let sign = !old.is_empty() && old.chars().all(|ch| matches!(ch, ',' | ';' | ':' | '.'));
        let new = if sign && new.starts_with(char::is_alphanumeric) {
            format!(" {new}")
        } else {
            new
        };
        let vt = value_type(c.name("n1").map(|m| m.as_str()))
            .or_else(|| value_type(c.name("n2").map(|m| m.as_str())));
        let loc = c.name("loc").or(c.name("loc2"));
        if let Some(l) = loc {
            if P_WHOLE_DOC.is_match(l.as_str().trim()) {
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
        let target = match (loc, ctx) {
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
            target: loc_target(c.name("loc").or(c.name("loc2")))?,
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
    if let Some(c) = R_END_REWRITE.captures(&skel) {
        let t = c["t"].trim();
        let (target, _) = target_of(t)?;
        return Ok(Instruction {
            target,
            op: Op::RewriteEnd {
                after: q(&quotes, c.name("a")).ok_or_else(missing_quote)?,
                text: first_text(q(&quotes, c.name("q")))?,
            },
        });
    }
    if let Some(c) = R_END_WORDS_PHRASE.captures(&skel) {
        return Ok(Instruction {
            target: target_of(&c["t"])?.0,
            op: Op::AddWordsAtEnd {
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
            target: loc_target(c.name("loc").or(c.name("loc2")))?,
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
        let (heading, blocks) = match c.name("l") {
            Some(l) => annex_block_for(&block, l.as_str()),
            None => annex_block(&block),
        };
        let quoted_label = block
            .first()
            .and_then(|f| headings::annex(f))
            .and_then(|h| h.label);
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::AddAnnex {
                label: c.name("l").map(|m| m.as_str().to_string()).or(quoted_label),
                heading,
                blocks,
            },
        });
    }
    if let Some((t, l)) = crate::avenant::formules::read_insert_article_first(&skel) {
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
    if let Some((t, l, before)) = crate::avenant::formules::read_insert_annex(&skel) {
        let (heading, blocks) = match &l {
            Some(l) => annex_block_for(&block, l),
            None => annex_block(&block),
        };
        let quoted_label = block
            .first()
            .and_then(|f| headings::annex(f))
            .and_then(|h| h.label);
        return Ok(Instruction {
            target: target_of(&t)?.0,
            op: if before {
                Op::InsertAnnexBefore {
                    label: l.or(quoted_label),
                    heading,
                    blocks,
                }
            } else {
                Op::AddAnnex {
                    label: l.or(quoted_label),
                    heading,
                    blocks,
                }
            },
        });
    }
    if let Some(t) = crate::avenant::formules::read_insert_preambule(&skel) {
        return Ok(Instruction {
            target: target_of(&t)?.0,
            op: Op::InsertPreambule {
                alineas: block.clone(),
            },
        });
    }
    if let Some(label) = crate::avenant::formules::read_add_note(&skel) {
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::AddNote {
                label,
                text: first_text(None)?,
            },
        });
    }
    if let Some((place, t, label)) = crate::avenant::formules::read_insert_division(&skel) {
        return division_block(&block, place, target_of(&t)?.0, label);
    }
    if let Some(c) = R_INSERT_ART.captures(&skel) {
        // No number: an article whose number the text does not write, its heading quoted first.
        let l = c.name("l").map_or("", |m| m.as_str());
        let (heading, alineas) = article_block(&block, l)?;
        let t = c.name("t").or(c.name("t2")).map_or("", |m| m.as_str());
        let before = c
            .name("rel")
            .or(c.name("rel2"))
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("avant"));
        let label = canonical_label(l);
        return Ok(Instruction {
            target: target_of(t)?.0,
            op: if before {
                Op::InsertArticleBefore {
                    label,
                    heading,
                    alineas,
                }
            } else {
                Op::InsertArticle {
                    label,
                    heading,
                    alineas,
                }
            },
        });
    }
    if let Some(c) = R_INSERT_FOLLOWING.captures(&skel) {
        let unit = match c.name("loc") {
            Some(l) => Some(target_of(l.as_str())?.0.unit),
            None => ctx.cloned(),
        };
        let (target, _) = parse_np(&c["t"], unit.as_ref())
            .ok_or_else(|| format!("unité introuvable dans « {} »", &c["t"]))?;
        return with_block(target, block, |alineas| Op::InsertAlineas { alineas })
            .ok_or_else(missing_quote);
    }
    if let Some(c) = R_END_FOLLOWING.captures(&skel) {
        let (target, _) = target_of(&c["t"])?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    if quotes.is_empty() {
        if let Some(c) = R_REPLACE_VALUE.captures(&skel) {
            let target = match (c.name("loc"), ctx) {
                (None, None) => Target::convention(),
                (loc, _) => loc_target(loc)?,
            };
            return Ok(Instruction {
                target,
                op: Op::ReplaceWords {
                    old: c["old"].trim().to_string(),
                    new: c["new"].trim().to_string(),
                    value_type: value_type(Some(&c["n"])),
                },
            });
        }
    }
    // « Avant / après [l'alinéa …] [de l'article …], il est inséré … »: the quoted block and
    // the place, in the unit the sentence names (« loc ») or the one its article amends.
    let insert_place = |c: &regex::Captures| -> Result<(Vec<String>, Target), String> {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let unit = match c.name("loc") {
            Some(l) => Some(target_of(l.as_str())?.0.unit),
            None => ctx.cloned(),
        };
        // Not an alinéa's place (« avant la phrase : Un an … » unquoted): another formula's.
        let Some((target, _)) = parse_np(&c["t"], unit.as_ref()) else {
            return Err(not_understood(s));
        };
        Ok((block, target))
    };
    // « Avant l'alinéa commençant par les mots : « … », il est inséré un intertitre ainsi
    // rédigé : « … » »: an unnumbered intertitle inside the article.
    if let Some(c) = R_INSERT_BEFORE
        .captures(&skel)
        .filter(|c| c["what"].trim().eq_ignore_ascii_case("un intertitre"))
    {
        let (block, target) = insert_place(&c)?;
        if target.alinea_starts.is_none() || !c["rel"].eq_ignore_ascii_case("avant") {
            return Err(format!(
                "« {s} » : un intertitre s'insère avant l'alinéa désigné par ses premiers mots"
            ));
        }
        let heading = block.join(" ").trim().to_string();
        if heading.is_empty() {
            return Err(missing_quote());
        }
        return Ok(Instruction {
            target,
            op: Op::InsertIntertitle { heading },
        });
    }
    if let Some(c) = R_INSERT_BEFORE.captures(&skel).filter(|c| {
        c["what"].contains("alinéa")
            && (c["rel"].eq_ignore_ascii_case("avant")
                || c.name("loc").is_some()
                || c["t"].contains('¤'))
    }) {
        let (block, target) = insert_place(&c)?;
        if target.alinea.is_none() && target.alinea_starts.is_none() || target.phrase.is_some() {
            return Err(format!(
                "« {s} » : seul un alinéa peut être désigné ainsi (« avant l'alinéa … »)"
            ));
        }
        return if c["rel"].eq_ignore_ascii_case("avant") {
            with_block(target, block, |alineas| Op::InsertAlineasBefore { alineas })
        } else {
            with_block(target, block, |alineas| Op::InsertAlineas { alineas })
        }
        .ok_or_else(missing_quote);
    }
    if let Some(c) = R_INSERT.captures(&skel) {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let (target, _) = target_of(&c["t"])?;
        return with_block(target, block, |alineas| Op::InsertAlineas { alineas })
            .ok_or_else(missing_quote);
    }
    if let Some(c) = R_ADD_START.captures(&skel) {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let (target, _) = target_of(&c["t"])?;
        let at = AlineaAt::Start;
        return with_block(target, block, |alineas| Op::AddAlineas { at, alineas })
            .ok_or_else(missing_quote);
    }
    if let Some(c) = R_INSERT_LAST.captures(&skel) {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let target = loc_target(c.name("loc"))?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    if let Some(c) = R_ADD_IL.captures(&skel) {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let target = loc_target(c.name("loc"))?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    if let Some(c) = R_ADD_END2.captures(&skel) {
        let (target, _) = target_of(&c["t"])?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    if let Some(c) = R_ADD_END.captures(&skel) {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let (target, _) = target_of(&c["t"])?;
        let at = AlineaAt::End;
        return with_block(target, block, |alineas| Op::AddAlineas { at, alineas })
            .ok_or_else(missing_quote);
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
        let op = if target.heading && target.unit == Unit::Convention && lines.len() > 1 {
            // The title quoted with its sub-lines, one quoted line each.
            Op::RewriteBlock { lines }
        } else if target.heading {
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
                Unit::TitledArticle { .. } => {
                    let (heading, alineas) = article_block(&lines, "")?;
                    Op::RewriteArticle { heading, alineas }
                }
                Unit::Annex { .. } => {
                    let (heading, blocks) = annex_block(&lines);
                    Op::RewriteAnnex { heading, blocks }
                }
                // The whole préambule: every alinéa of it, its quoted heading dropped.
                Unit::Preambule => {
                    let mut lines = lines;
                    if lines
                        .first()
                        .is_some_and(|f| f.trim().eq_ignore_ascii_case("préambule"))
                    {
                        lines.remove(0);
                    }
                    return Ok(Instruction {
                        target: target.with_alinea(Position::Nth(1)),
                        op: Op::RewriteAlineas {
                            count: ALL_ALINEAS,
                            alineas: lines,
                        },
                    });
                }
                ref u if crate::avenant::formules::block_np(u).is_some() => {
                    crate::avenant::formules::block_op(u, Some(lines)).ok_or_else(missing_quote)?
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
    if let Some(t) = crate::avenant::formules::read_unwrap_division(&skel) {
        return Ok(Instruction {
            target: target_of(&t)?.0,
            op: Op::UnwrapDivision,
        });
    }
    if let Some(c) = R_DELETE.captures(&skel) {
        let (target, count) = target_of(&c["t"])?;
        let op = if target.phrase.is_some() {
            Op::DeletePhrase
        } else if target.is_whole_unit() {
            match target.unit {
                Unit::Article { .. } | Unit::TitledArticle { .. } => Op::DeleteArticle,
                Unit::Annex { .. } => Op::DeleteAnnex,
                ref u if crate::avenant::formules::block_np(u).is_some() => Op::DeleteBlock,
                _ => return Err(format!("« {s} » : impossible de supprimer cette unité")),
            }
        } else {
            Op::DeleteAlineas { count }
        };
        return Ok(Instruction { target, op });
    }
    if let Some(r) = crate::avenant::formules::read_renumber_annexes(&skel) {
        let (from, to) = r?;
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::RenumberAnnexes { from, to },
        });
    }
    if let Some(c) = R_RENUM1.captures(&skel) {
        return Ok(Instruction {
            target: Target::convention(),
            op: Op::Renumber {
                from: vec![canonical_label(&c["a"].replace('\u{2011}', "-"))],
                to: vec![canonical_label(&c["b"].replace('\u{2011}', "-"))],
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
    if let Some(c) = R_ADD_AT.captures(&skel) {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let (target, _) = target_of(&c["t"])?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    if let Some(c) = R_ADD_END3.captures(&skel) {
        let block = inline_or(block.clone(), &quotes, c.name("q"));
        let (target, _) = target_of(&c["t"])?;
        return appended_at_end(target, &c["what"], block).ok_or_else(missing_quote);
    }
    Err(not_understood(s))
}

/// « Deux articles nouveaux seront ajoutés à la convention, savoir : » then the quoted articles
/// (« Art. 5 - … », « Art. 6 - … »): one article added per quoted heading, as many as the
/// sentence says.
fn added_articles(
    s: &str,
    skel: &str,
    block: &[String],
) -> Option<Result<Vec<Instruction>, String>> {
    let c = R_ADD_ARTICLES.captures(skel)?;
    let mut groups: Vec<Vec<String>> = Vec::new();
    for l in block {
        let starts = QUOTED_ART_INLINE.is_match(l) || headings::article(l, true).is_some();
        match groups.last_mut() {
            Some(g) if !starts => g.push(l.clone()),
            _ if starts => groups.push(vec![l.clone()]),
            _ => return Some(Err(format!("« {s} » : le texte cité ne commence pas par l'intitulé d'un article (« Art. 5 - … »)"))),
        }
    }
    let want = c.name("n").map(|n| {
        n.as_str()
            .parse::<u32>()
            .ok()
            .or_else(|| super::cardinal_word(n.as_str()))
    });
    if groups.is_empty() || want.is_some_and(|w| w != Some(groups.len() as u32)) {
        return Some(Err(format!(
            "« {s} » : {} article(s) cité(s) à la suite, ce que la phrase n'annonce pas",
            groups.len()
        )));
    }
    let mut out = Vec::new();
    for g in groups {
        let label = match QUOTED_ART_INLINE.captures(&g[0]) {
            Some(c) => c[1].to_string(),
            None => headings::article(&g[0], true)
                .map(|h| h.label)
                .unwrap_or_default(),
        };
        let label = canonical_label(&label);
        let (heading, alineas) = match article_block(&g, &label) {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        out.push(Instruction {
            target: Target::convention(),
            op: Op::AddArticle {
                label,
                heading,
                alineas,
            },
        });
    }
    Some(Ok(out))
}

/// The articles a sentence lists (« les articles 6 et 7 »): two at least, or the sentence is
/// refused, naming the list it could not read.
fn several_labels(s: &str, list: &str) -> Result<Vec<String>, String> {
    let labels = label_list(list);
    if labels.len() < 2 {
        return Err(format!("« {s} » : articles illisibles dans « {list} »"));
    }
    Ok(labels)
}

/// « 6 à 9 » → 6, 7, 8, 9; « 6, 8 et 9 » → 6, 8, 9.
pub(super) fn label_list(s: &str) -> Vec<String> {
    // « L. 331‑13 » with a non-breaking hyphen, as the Journal officiel prints it.
    let s = &s.replace('\u{2011}', "-");
    if let Some((a, b)) = s.split_once(" à ") {
        if let Some(range) = crate::avenant::formules::label_range(a, b) {
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

/// The quoted article: « Article 5 – Durée » then alinéas; also « 7.4. Durée » (the number
/// alone) and the decree style « Art. 9-1. – First alinéa… » (number and text on one line).
/// A quoted heading whose number is not the one the instruction names (« Article 5 ter »
/// under « l'article 5 bis ») is refused.
pub(super) fn article_block(
    lines: &[String],
    expect: &str,
) -> Result<(Option<String>, Vec<String>), String> {
    let Some(first) = lines.first() else {
        return Ok((None, Vec::new()));
    };
    if expect.trim().is_empty() {
        // An article whose number the text does not write: its heading alone comes first.
        return Ok((Some(first.trim().to_string()), lines[1..].to_vec()));
    }
    // « L'article 5 du titre 2 … »: the quoted heading says « Article 5 ».
    let want = canonical_label(crate::avenant::model::split_division(expect).0);
    if let Some(c) = QUOTED_ART_INLINE.captures(first) {
        if canonical_label(&c[1].replace('‑', "-")) == want {
            let mut alineas = vec![c[2].trim().to_string()];
            alineas.extend(lines[1..].iter().cloned());
            return Ok((None, alineas));
        }
    }
    if let Some(c) = QUOTED_NUMBER_HEADING.captures(first) {
        if canonical_label(&c[1]) == want && lines.len() > 1 {
            return Ok((Some(c[2].trim().to_string()), lines[1..].to_vec()));
        }
    }
    // An article named by words (« Article Annexe Tableau – TABLEAU C »): the label the
    // sentence names, then its heading if any.
    let worded = first
        .strip_prefix("Article ")
        .and_then(|r| r.strip_prefix(want.as_str()))
        .filter(|_| headings::article(first, true).is_none());
    if let Some(rest) = worded.map(str::trim_start) {
        if rest.is_empty() {
            return Ok((None, lines[1..].to_vec()));
        }
        if let Some(h) = rest.strip_prefix(['–', '—', ':', '-']) {
            return Ok((Some(h.trim().to_string()), lines[1..].to_vec()));
        }
    }
    match headings::article(first, true) {
        Some(h) => {
            if canonical_label(&h.label) != want {
                return Err(format!(
                    "l'article cité (« Article {} ») n'est pas l'article {} que la phrase désigne",
                    h.label, want
                ));
            }
            Ok((h.heading, lines[1..].to_vec()))
        }
        None => Ok((None, lines.to_vec())),
    }
}

/// The quoted new division: its heading line (« Chapitre IV bis : Des règles… », the label the
/// sentence names), then its lines as quoted.
pub(super) fn division_block(
    lines: &[String],
    place: crate::avenant::model::Place,
    target: Target,
    label: String,
) -> Result<Instruction, String> {
    let first = lines
        .first()
        .ok_or_else(|| format!("citation manquante après « {label} »"))?;
    let heading = match headings::structure(first, false) {
        Some(h) if h.label.eq_ignore_ascii_case(&label) => h.heading,
        _ => {
            return Err(format!(
            "la division citée (« {first} ») n'est pas celle que la phrase désigne (« {label} »)"
        ))
        }
    };
    Ok(Instruction {
        target,
        op: Op::InsertDivision {
            place,
            label,
            heading,
            lines: lines[1..].to_vec(),
        },
    })
}

/// [`annex_block`] when the sentence names the annex's label (« 2 bis »): its quoted heading
/// line « Annexe 2 bis – Titre » is read with that label whole.
pub(super) fn annex_block_for(lines: &[String], label: &str) -> (Option<String>, Vec<String>) {
    let head = format!("annexe {}", label.to_lowercase());
    if let Some(first) = lines.first() {
        let lower = first.to_lowercase();
        if let Some(rest) = lower.strip_prefix(&head) {
            if rest.is_empty() || rest.starts_with([' ', ':', '–', '-', '—']) {
                let rest = first
                    .get(head.len()..)
                    .unwrap_or("")
                    .trim_start_matches([' ', ':', '–', '-', '—']);
                let heading = (!rest.trim().is_empty()).then(|| rest.trim().to_string());
                return (heading, lines[1..].to_vec());
            }
        }
    }
    annex_block(lines)
}

pub(super) fn annex_block(lines: &[String]) -> (Option<String>, Vec<String>) {
    match lines.first().and_then(|f| headings::annex(f)) {
        Some(h) => (h.heading, lines[1..].to_vec()),
        None => (None, lines.to_vec()),
    }
}

/// The instruction whose text is the quoted block that follows the sentence; an instruction
/// announcing a quotation that is not there gives none.
fn with_block(
    target: Target,
    block: Vec<String>,
    op: impl FnOnce(Vec<String>) -> Op,
) -> Option<Instruction> {
    (!block.is_empty()).then(|| Instruction {
        target,
        op: op(block),
    })
}

/// The refusal of a sentence the reader does not understand, quoting at most its first 200
/// characters, so that the error stays one readable line.
fn not_understood(s: &str) -> String {
    format!("phrase non comprise : « {} »", crate::text::shorten(s, 200))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// blind3 finding 10: an error names the unit with the avenant's quotation, not the
    /// reader's marker.
    #[test]
    fn errors_quote_the_sentence_not_its_markers() {
        let quotes = vec!["Conditions budgétaire".to_string()];
        assert_eq!(
            quotes_put_back("unité introuvable dans « La section §0 »", &quotes),
            "unité introuvable dans « La section « Conditions budgétaire » »"
        );
        assert_eq!(
            quotes_put_back("article intitulé ¤0", &quotes),
            "article intitulé « Conditions budgétaire »"
        );
        assert_eq!(quotes_put_back("rien §3", &quotes), "rien §3");
    }

    #[test]
    fn a_sentence_not_understood_is_quoted_in_two_hundred_characters_at_most() {
        let long = "mot ".repeat(30_000);
        let e = not_understood(&long);
        assert!(e.chars().count() < 240, "{}", e.chars().count());
        assert!(e.ends_with("mot … »"), "{e}");
        assert_eq!(not_understood("court"), "phrase non comprise : « court »");
    }

    #[test]
    fn an_alinea_named_by_its_first_words() {
        let read = |s: &str, b: &[&str]| {
            let b = b.iter().map(|l| l.to_string()).collect();
            parse_sentence(s, b, None, &[]).unwrap_or_else(|e| panic!("{e}"))
        };
        let t = Target::article("25").with_alinea_starting("Un an au moins");
        let a = vec!["A.".to_string()];
        for (s, op) in [
            (
                "À l'article 25, avant l'alinéa commençant par les mots : « Un an au moins », il est inséré un alinéa ainsi rédigé :",
                Op::InsertAlineasBefore { alineas: a.clone() },
            ),
            (
                "Avant l'alinéa de l'article 25 commençant par les mots : « Un an au moins », il est inséré un alinéa ainsi rédigé :",
                Op::InsertAlineasBefore { alineas: a.clone() },
            ),
            (
                "À l'article 25, après l'alinéa commençant par les mots : « Un an au moins », il est inséré un alinéa ainsi rédigé :",
                Op::InsertAlineas { alineas: a.clone() },
            ),
            (
                "L'alinéa de l'article 25 commençant par les mots : « Un an au moins » est ainsi rédigé :",
                Op::RewriteAlineas { count: 1, alineas: a.clone() },
            ),
        ] {
            assert_eq!(read(s, &["A."]), [Instruction { target: t.clone(), op }], "{s}");
        }
        let got = read(
            "À l'article 25, l'alinéa commençant par les mots : « Un an au moins » est supprimé",
            &[],
        );
        assert_eq!(
            got,
            [Instruction {
                target: t.clone(),
                op: Op::DeleteAlineas { count: 1 }
            }]
        );
        // A numbered alinéa: « avant le deuxième alinéa ».
        let got = read(
            "Avant le deuxième alinéa de l'article 5, il est inséré un alinéa ainsi rédigé :",
            &["A."],
        );
        assert_eq!(
            got[0].target,
            Target::article("5").with_alinea(Position::Nth(2))
        );
        // « après l'article 5 » stays an article's place, not an alinéa's.
        assert!(parse_sentence(
            "Avant la première phrase de l'article 5, il est inséré un alinéa ainsi rédigé :",
            vec!["A.".into()],
            None,
            &[]
        )
        .is_err());
    }

    #[test]
    fn active_and_imperative_phrasings_read_as_their_passive_formula() {
        for (skel, want) in [
            (
                "Le présent article modifie intégralement l'article 3.2 de la convention comme suit :",
                "l'article 3.2 de la convention est ainsi rédigé :",
            ),
            (
                "Compléter le second alinéa de l'article 12 par les mots : §0",
                "le second alinéa de l'article 12 est complété par les mots : §0",
            ),
            (
                "Rédiger ainsi le dernier alinéa de l'article 4 : §0",
                "le dernier alinéa de l'article 4 est ainsi rédigé : §0",
            ),
            ("Supprimer le 2° de l'article 5.", "le 2° de l'article 5 est supprimé"),
            // « rédigé comme suit » after a noun is « ainsi rédigé »; the place between the
            // verb and what is inserted is put first (avenants to motorway concessions, 2011).
            (
                "Au paragraphe 25.2.c, il est inséré un dernier alinéa, rédigé comme suit :",
                "Au paragraphe 25.2.c, il est inséré un dernier alinéa ainsi rédigé :",
            ),
            (
                "Au paragraphe 25.2.II, il est inséré après le troisième alinéa un alinéa rédigé comme suit :",
                "Après le troisième alinéa du paragraphe 25.2.II, il est inséré un alinéa ainsi rédigé :",
            ),
            (
                "Il est inséré après le premier alinéa de l'article 4 un alinéa ainsi rédigé :",
                "Après le premier alinéa de l'article 4, il est inséré un alinéa ainsi rédigé :",
            ),
            (
                "L'article 5 est rédigé comme suit :",
                "L'article 5 est rédigé comme suit :",
            ),
            // Already passive: unchanged.
            (
                "L'article 6 est complété par un alinéa ainsi rédigé :",
                "L'article 6 est complété par un alinéa ainsi rédigé :",
            ),
        ] {
            assert_eq!(passive(skel), want, "{skel}");
        }
    }

    #[test]
    fn a_section_named_by_its_heading_and_the_one_unit_a_sentence_excepts() {
        let read = |s: &str, b: &[&str]| {
            let b = b.iter().map(|l| l.to_string()).collect();
            parse_sentence(s, b, None, &[]).unwrap_or_else(|e| panic!("{s}: {e}"))
        };
        let want = Instruction {
            target: Target::unit(Unit::Division {
                label: "Section «\u{a0}Conditions budgétaire\u{a0}»".into(),
            }),
            op: Op::RewriteBlock {
                lines: vec!["Texte.".into(), "– Un ;".into()],
            },
        };
        for s in [
            // The parties' own avenant (24ème, 2019): the heading quoted again is dropped.
            "Les articles et sections des annexes du contrat « CP » connu sous le numéro n° 2017 restent inchangés à l'exception de la section « Conditions budgétaire » qui est remplacée par la section suivante :",
            "Les stipulations du contrat demeurent inchangées, à l'exception de la section « Conditions budgétaire », qui est ainsi rédigée :",
            "La section « Conditions budgétaire » est remplacée par la section suivante :",
            "La section intitulée « Conditions budgétaire » des annexes est ainsi rédigée :",
        ] {
            let got = read(s, &["Conditions budgétaire", "Texte.", "– Un ;"]);
            assert_eq!(got, std::slice::from_ref(&want), "{s}");
        }
        // Quoted words of an alinéa are never read as a heading.
        let got = read(
            "Au premier alinéa de l'article 2, le mot : « section » est remplacé par le mot : « partie »",
            &[],
        );
        assert!(matches!(got[0].op, Op::ReplaceWords { .. }), "{got:?}");
    }

    #[test]
    fn an_article_inserted_after_one_named_by_rank_and_heading() {
        let b: Vec<String> = vec!["Adhésion".into(), "Texte.".into()];
        let got = parse_sentence(
            "Après le deuxième article des statuts intitulé « Cotisation », il est inséré un article ainsi rédigé :",
            b,
            None,
            &[],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            got,
            [Instruction {
                target: Target::unit(Unit::titled("Cotisation", Some(2))),
                op: Op::InsertArticle {
                    label: String::new(),
                    heading: Some("Adhésion".into()),
                    alineas: vec!["Texte.".into()],
                },
            }]
        );
    }
}
