//! The sentence of each instruction, in the formula of the guide de légistique.

use super::*;

/// A rendered instruction: its lines (the sentence, then any quoted alinéas), and whether it
/// ends with a quotation block (then no final period is added when it stands alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub lines: Vec<String>,
    pub block: bool,
}

impl Sentence {
    pub(super) fn line(s: String) -> Sentence {
        Sentence {
            lines: vec![capitalise(&s)],
            block: false,
        }
    }
    pub(super) fn with_block(s: String, quoted: Vec<String>) -> Sentence {
        let mut lines = vec![capitalise(&s)];
        lines.extend(quoted);
        Sentence { lines, block: true }
    }

    /// The sentence standing alone: final period unless it ends with a quotation block.
    pub fn standalone(mut self) -> Vec<String> {
        if !self.block {
            if let Some(l) = self.lines.last_mut() {
                l.push('.');
            }
        }
        self.lines
    }

    /// The sentence as item `n`° of a chapeau: « 1° … ; », the last one « … . ».
    pub fn item(mut self, n: usize, last: bool, style: &Style) -> Vec<String> {
        if let Some(first) = self.lines.first_mut() {
            *first = format!("{n}° {first}");
        }
        if let Some(l) = self.lines.last_mut() {
            if last {
                l.push('.');
            } else {
                l.push(style.space);
                l.push(';');
            }
        }
        self.lines
    }
}

/// « À l'article 7, » / « Au premier alinéa de l'article 2, » / nothing when the target is the
/// chapeau's unit.
pub(super) fn location(t: &Target, ctx: Option<&Unit>, style: &Style) -> String {
    match target_np_range_in(t, 1, ctx, style.formal, style.noun) {
        Some(np) => format!("{}, ", np.with(Case::A)),
        None => String::new(),
    }
}

/// The target in the nominative, the unit itself cited plainly or formally.
pub(super) fn subject(
    t: &Target,
    count: u32,
    ctx: Option<&Unit>,
    formal: bool,
    noun: DocNoun,
) -> Np {
    target_np_range_in(t, count, ctx, formal, noun).unwrap_or_else(|| {
        // The chapeau's unit itself: cite it anyway.
        let u = unit_np_in(&t.unit, noun);
        Np::new(u.head, u.fem, u.plural)
    })
}

/// « les mots : « a » sont remplacés par les mots : « b » » and typed variants.
pub fn replace_words(
    t: &Target,
    old: &str,
    new: &str,
    vt: Option<ValueType>,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let np = words_np(old, vt);
    Sentence::line(format!(
        "{}{} {} {} par {}",
        location(t, ctx, style),
        announce(old, vt, style),
        np.verb(),
        np.agree("remplacé"),
        announce(new, vt, style)
    ))
}

/// « les mots : « a » sont remplacés, deux fois, par les mots : « b » », « …, à chaque
/// occurrence, par … ».
pub fn replace_words_each(
    t: &Target,
    old: &str,
    new: &str,
    times: Option<u32>,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let np = words_np(old, None);
    let how = match times {
        Some(n) => format!("{} fois", super::numbers::cardinal(n)),
        None => "à chaque occurrence".to_string(),
    };
    Sentence::line(format!(
        "{}{} {} {}, {how}, par {}",
        location(t, ctx, style),
        announce(old, None, style),
        np.verb(),
        np.agree("remplacé"),
        announce(new, None, style)
    ))
}

/// « Dans l'ensemble de la convention, les mots : « a » sont remplacés par les mots : « b » »,
/// or with the value's noun (« le montant : « … » est remplacé par le montant : « … » »).
pub fn replace_everywhere(old: &str, new: &str, vt: Option<ValueType>, style: &Style) -> Sentence {
    let np = words_np(old, vt);
    Sentence::line(format!(
        "dans l'ensemble {}, {} {} {} par {}",
        style.noun.of_it(),
        announce(old, vt, style),
        np.verb(),
        np.agree("remplacé"),
        announce(new, vt, style)
    ))
}

/// « après le mot : « a », sont insérés les mots : « w » ».
pub fn insert_words(
    t: &Target,
    anchor: &Anchor,
    words: &str,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let (rel, aw) = match anchor {
        Anchor::After(w) => ("après", w),
        Anchor::Before(w) => ("avant", w),
    };
    let np = words_np(words, None);
    Sentence::line(format!(
        "{}{rel} {}, {} {} {}",
        location(t, ctx, style),
        announce(aw, None, style),
        np.verb(),
        np.agree("inséré"),
        announce(words, None, style)
    ))
}

/// « Au début du premier alinéa de l'article 2, sont ajoutés les mots : « w » ».
pub fn add_words_at_start(t: &Target, words: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let np = words_np(words, None);
    Sentence::line(format!(
        "au début {}, {} {} {}",
        de(&subject(t, 1, ctx, style.formal, style.noun).with(Case::Nom)),
        np.verb(),
        np.agree("ajouté"),
        announce(words, None, style)
    ))
}

/// « Le premier alinéa de l'article 11 est complété par les mots : « w » ».
pub fn add_words_at_end(t: &Target, words: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    Sentence::line(format!(
        "{} {} {} par {}",
        s.with(Case::Nom),
        s.verb(),
        s.agree("complété"),
        announce(words, None, style)
    ))
}

/// « Au dernier alinéa de l'article 6, les mots : « par écrit » sont supprimés ».
pub fn delete_words(
    t: &Target,
    words: &str,
    to_end: bool,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let np = words_np(words, None);
    let (verb, part) = if to_end {
        ("sont", format!("{}s", deleted(style)))
    } else {
        (np.verb(), np.agree(deleted(style)))
    };
    let fin = if to_end {
        " et la fin de la phrase"
    } else {
        ""
    };
    Sentence::line(format!(
        "{}{}{fin} {verb} {part}",
        location(t, ctx, style),
        announce(words, None, style)
    ))
}

/// « La deuxième phrase du premier alinéa de l'article 3 est ainsi rédigée : ⏎ « … » ».
pub fn rewrite_phrase(t: &Target, text: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    Sentence::with_block(
        format!(
            "{} {} ainsi {}{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("rédigé"),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « Après le mot : « a », la fin du premier alinéa de l'article 171 est ainsi rédigée : ⏎
/// « … » ».
pub fn rewrite_end(
    t: &Target,
    after: &str,
    text: &str,
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    Sentence::with_block(
        format!(
            "après {}, la fin {} est ainsi rédigée{}",
            announce(after, None, style),
            de(&subject(t, 1, ctx, false, style.noun).with(Case::Nom)),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « Le premier alinéa de l'article 3 est complété par une phrase ainsi rédigée : ⏎ « … » ».
pub fn add_phrase(t: &Target, text: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    Sentence::with_block(
        format!(
            "{} {} {} par une phrase ainsi rédigée{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("complété"),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « Après la première phrase du …, est insérée une phrase ainsi rédigée : ⏎ « … » ».
pub fn insert_phrase(t: &Target, text: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    Sentence::with_block(
        format!(
            "après {}, est insérée une phrase ainsi rédigée{}",
            s.with(Case::Nom),
            colon(style)
        ),
        quote_block(&[text.to_string()], style),
    )
}

/// « La dernière phrase du deuxième alinéa de l'article 3 est supprimée ».
pub fn delete_phrase(t: &Target, ctx: Option<&Unit>, style: &Style) -> Sentence {
    delete_units(t, 1, ctx, style)
}

pub(super) fn unit_word(t: &Target, n: usize) -> (String, bool) {
    let fem = t.row.is_some() && t.item.is_empty() && t.alinea.is_none();
    let noun = if fem { "ligne" } else { "alinéa" };
    let word = format!(
        "{} {noun}{}",
        cardinal_agreed(n as u32, fem),
        if n > 1 { "s" } else { "" }
    );
    (word, fem)
}

/// « un tableau » when every quoted line is a table row added to a unit (not to a table).
fn table_word(t: &Target, alineas: &[String]) -> Option<(String, bool)> {
    let row = |a: &String| {
        let a = a.trim();
        a.len() > 1 && a.starts_with('|') && a.ends_with('|')
    };
    (t.row.is_none() && t.item.is_empty() && !alineas.is_empty() && alineas.iter().all(row))
        .then(|| ("un tableau".to_string(), false))
}

pub(super) fn ainsi_redige(n: usize, fem: bool, style: &Style) -> String {
    let p = match (fem, n > 1) {
        (false, false) => "rédigé",
        (false, true) => "rédigés",
        (true, false) => "rédigée",
        (true, true) => "rédigées",
    };
    format!("ainsi {p}{}", colon(style))
}

/// « Le troisième alinéa de l'article 2 est ainsi rédigé : ⏎ « … » »; « … est remplacé par deux
/// alinéas ainsi rédigés : »; « Le 2° de l'article 4 est ainsi rédigé : ».
pub fn rewrite_alineas(
    t: &Target,
    count: u32,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, count, ctx, style.formal, style.noun);
    let n = alineas.len();
    let head = if n as u32 == count {
        format!(
            "{} {} ainsi {}{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("rédigé"),
            colon(style)
        )
    } else {
        let (word, fem) = unit_word(t, n);
        format!(
            "{} {} {} par {word} {}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("remplacé"),
            ainsi_redige(n, fem, style)
        )
    };
    Sentence::with_block(head, quote_block(alineas, style))
}

/// « Après le deuxième alinéa de l'article 5, il est inséré un alinéa ainsi rédigé : ⏎ « … » »;
/// after an item, « il est inséré un 3° bis ainsi rédigé : ».
pub fn insert_alineas(
    t: &Target,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    insert_alineas_at("après", t, alineas, ctx, style)
}

/// « Avant l'alinéa commençant par les mots : « … », il est inséré un alinéa ainsi rédigé : ».
pub fn insert_alineas_before(
    t: &Target,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    insert_alineas_at("avant", t, alineas, ctx, style)
}

/// « Avant l'alinéa de l'article 3 commençant par les mots : « Les tarifs », il est inséré un
/// intertitre ainsi rédigé : « Montants » ».
pub fn insert_intertitle(t: &Target, heading: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    Sentence::with_block(
        format!(
            "avant {}, il est inséré un intertitre ainsi rédigé{}",
            s.with(Case::Nom),
            colon(style)
        ),
        quote_block(&[heading.to_string()], style),
    )
}

fn insert_alineas_at(
    rel: &str,
    t: &Target,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    let n = alineas.len();
    let new_item = (!t.item.is_empty() && n == 1)
        .then(|| alineas.first().and_then(|a| leading_marker(a)))
        .flatten();
    let what = match new_item {
        Some(m) => format!("il est inséré un {m} {}", ainsi_redige(1, false, style)),
        None => {
            let (n, (word, fem)) = match table_word(t, alineas) {
                Some(w) => (1, w),
                None => (n, unit_word(t, n)),
            };
            let verb = match (n > 1, fem) {
                (true, true) => "sont insérées",
                (true, false) => "sont insérés",
                (false, _) => "il est inséré",
            };
            format!("{verb} {word} {}", ainsi_redige(n, fem, style))
        }
    };
    Sentence::with_block(
        format!("{rel} {}, {what}", s.with(Case::Nom)),
        quote_block(alineas, style),
    )
}

/// The marker opening an item's text (« 3° bis », « 2° », « b) » → « b »), if any.
pub fn leading_marker(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let digits: String = first.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && first == format!("{digits}°") {
        if let Some(next) = words.next() {
            if matches!(next, "bis" | "ter" | "quater" | "quinquies") {
                return Some(format!("{first} {next}"));
            }
        }
        return Some(first.to_string());
    }
    let mut cs = first.chars();
    if let (Some(c), Some(')'), None) = (cs.next(), cs.next(), cs.next()) {
        if c.is_ascii_lowercase() {
            return Some(c.to_string());
        }
    }
    None
}

/// « Au début de l'article 6, il est ajouté un alinéa ainsi rédigé : » / « L'article 6 est
/// complété par un alinéa ainsi rédigé : ».
pub fn add_alineas(
    t: &Target,
    at: AlineaAt,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    let (n, (word, fem)) = match table_word(t, alineas) {
        Some(w) => (1, w),
        None => (alineas.len(), unit_word(t, alineas.len())),
    };
    let head = match at {
        AlineaAt::Start => {
            let verb = if n > 1 {
                "sont ajoutés"
            } else {
                "il est ajouté"
            };
            format!(
                "au début {}, {verb} {word} {}",
                de(&s.with(Case::Nom)),
                ainsi_redige(n, fem, style)
            )
        }
        AlineaAt::End => format!(
            "{} {} {} par {word} {}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("complété"),
            ainsi_redige(n, fem, style)
        ),
    };
    Sentence::with_block(head, quote_block(alineas, style))
}

/// « Le troisième alinéa de l'article 7 est supprimé. » / « Les deuxième et troisième alinéas
/// de l'article 5 sont supprimés. » / « La dernière phrase du … est supprimée. »
pub fn delete_units(t: &Target, count: u32, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let formal = t.is_whole_unit() || style.formal;
    let s = subject(t, count, ctx, formal, style.noun);
    Sentence::line(format!(
        "{} {} {}",
        s.with(Case::Nom),
        s.verb(),
        s.agree(deleted(style))
    ))
}

/// « Article 5 – Durée » (an article's heading line as quoted); with no label (an article
/// whose number the text does not write), its heading alone: « Objet ».
pub fn article_heading_line(label: &str, heading: Option<&str>) -> String {
    if label.trim().is_empty() {
        if let Some(h) = heading {
            return h.to_string();
        }
    }
    match heading {
        Some(h) => format!("Article {} – {h}", article_label(label)),
        None => format!("Article {}", article_label(label)),
    }
}

/// « Annexe 2 – Budget ».
pub fn annex_heading_line(label: Option<&str>, heading: Option<&str>) -> String {
    let mut s = "Annexe".to_string();
    if let Some(l) = label {
        s.push(' ');
        s.push_str(l);
    }
    if let Some(h) = heading {
        s.push_str(" – ");
        s.push_str(h);
    }
    s
}

pub(super) fn with_heading_line(first: String, alineas: &[String]) -> Vec<String> {
    let mut all = vec![first];
    all.extend(alineas.iter().cloned());
    all
}

/// « L'article 5 de la convention est ainsi rédigé : ⏎ « Article 5 – Durée ⏎ « … » ».
pub fn rewrite_article(
    t: &Target,
    heading: Option<&str>,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    // The quoted heading line says « Article 5 », not the division that names it.
    let label = match &t.unit {
        Unit::Article { label } => super::super::model::split_division(label).0.to_string(),
        _ => String::new(),
    };
    let s = subject(t, 1, ctx, true, style.noun);
    Sentence::with_block(
        format!("{} est ainsi rédigé{}", s.with(Case::Nom), colon(style)),
        quote_block(
            &with_heading_line(article_heading_line(&label, heading), alineas),
            style,
        ),
    )
}

/// « Après l'article 4 de la convention, il est inséré un article 4 bis ainsi rédigé : ».
pub fn insert_article(
    t: &Target,
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, true, style.noun);
    with_article(
        format!("après {}, il est inséré", s.with(Case::Nom)),
        label,
        heading,
        alineas,
        style,
    )
}

/// « Avant l'article 1er de la convention, il est inséré un article 1er A ainsi rédigé : ».
pub fn insert_article_before(
    t: &Target,
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, true, style.noun);
    with_article(
        format!("avant {}, il est inséré", s.with(Case::Nom)),
        label,
        heading,
        alineas,
        style,
    )
}

/// « {lead} un article N ainsi rédigé : » and the article quoted whole, heading line first: the
/// formula of every sentence that adds a whole article (after another, at the start of a unit,
/// at the end of the convention).
pub(super) fn with_article(
    lead: String,
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
    style: &Style,
) -> Sentence {
    // An article whose number the text does not write: « il est inséré un article ainsi
    // rédigé : », its heading the first quoted line.
    let numbered = if label.trim().is_empty() {
        String::new()
    } else {
        format!(" {}", article_label(label))
    };
    Sentence::with_block(
        format!("{lead} un article{numbered} ainsi rédigé{}", colon(style)),
        quote_block(
            &with_heading_line(article_heading_line(label, heading), alineas),
            style,
        ),
    )
}

/// « La convention est complétée par un article 10 ainsi rédigé : ».
pub fn add_article(
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
    style: &Style,
) -> Sentence {
    with_article(
        format!(
            "{} {} {} par",
            style.noun.the(),
            style.noun.verb(),
            style.noun.agree("complété")
        ),
        label,
        heading,
        alineas,
        style,
    )
}

/// « L'article 9 de la convention est supprimé. »
pub fn delete_article(t: &Target, ctx: Option<&Unit>, style: &Style) -> Sentence {
    delete_units(t, 1, ctx, style)
}

pub(super) fn label_list(labels: &[String]) -> String {
    let cited: Vec<String> = labels.iter().map(|l| article_label(l)).collect();
    let consecutive = cited.len() > 2 && consecutive_labels(labels);
    if consecutive {
        return format!("{} à {}", cited[0], cited[cited.len() - 1]);
    }
    match cited.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// « L'article 8 devient l'article 9. » / « Les articles 6 à 9 deviennent respectivement les
/// articles 7 à 10. »
pub fn renumber(from: &[String], to: &[String]) -> Sentence {
    if from.len() == 1 && to.len() == 1 {
        return Sentence::line(format!(
            "l'article {} devient l'article {}",
            article_label(&from[0]),
            article_label(&to[0])
        ));
    }
    Sentence::line(format!(
        "les articles {} deviennent respectivement les articles {}",
        label_list(from),
        label_list(to)
    ))
}

/// « L'intitulé de l'article 4 est ainsi rédigé : « Durée de la convention » ».
pub fn rewrite_heading(t: &Target, heading: &str, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, style.formal, style.noun);
    Sentence::line(format!(
        "{} est ainsi rédigé{} {}",
        s.with(Case::Nom),
        colon(style),
        quote(heading, style)
    ))
}

/// « L'annexe 2 de la convention est ainsi rédigée : ⏎ « Annexe 2 – … ».
pub fn rewrite_annex(
    t: &Target,
    heading: Option<&str>,
    blocks: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let label = match &t.unit {
        Unit::Annex { label } => label.clone(),
        _ => None,
    };
    let s = subject(t, 1, ctx, true, style.noun);
    Sentence::with_block(
        format!("{} est ainsi rédigée{}", s.with(Case::Nom), colon(style)),
        quote_block(
            &with_heading_line(annex_heading_line(label.as_deref(), heading), blocks),
            style,
        ),
    )
}

/// « La convention est complétée par une annexe 4 ainsi rédigée : ».
pub fn add_annex(
    label: Option<&str>,
    heading: Option<&str>,
    blocks: &[String],
    style: &Style,
) -> Sentence {
    let l = label.map(|l| format!(" {l}")).unwrap_or_default();
    Sentence::with_block(
        format!(
            "{} {} {} par une annexe{l} ainsi rédigée{}",
            style.noun.the(),
            style.noun.verb(),
            style.noun.agree("complété"),
            colon(style)
        ),
        quote_block(
            &with_heading_line(annex_heading_line(label, heading), blocks),
            style,
        ),
    )
}

/// One instruction as its model sentence; `ctx` is the chapeau's unit when it is an item.
pub fn sentence(ins: &Instruction, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let t = &ins.target;
    match &ins.op {
        Op::ReplaceWords {
            old,
            new,
            value_type,
        } => replace_words(t, old, new, *value_type, ctx, style),
        Op::ReplaceWordsEach { old, new, times } => {
            replace_words_each(t, old, new, *times, ctx, style)
        }
        Op::InsertWords { anchor, words } => insert_words(t, anchor, words, ctx, style),
        Op::AddWordsAtStart { words } => add_words_at_start(t, words, ctx, style),
        Op::AddWordsAtEnd { words } => add_words_at_end(t, words, ctx, style),
        Op::DeleteWords { words, to_end } => delete_words(t, words, *to_end, ctx, style),
        Op::RewriteEnd { after, text } => rewrite_end(t, after, text, ctx, style),
        Op::RewritePhrase { text } => rewrite_phrase(t, text, ctx, style),
        Op::InsertPhrase { text } => insert_phrase(t, text, ctx, style),
        Op::AddPhrase { text } => add_phrase(t, text, ctx, style),
        Op::DeletePhrase => delete_phrase(t, ctx, style),
        Op::RewriteAlineas { count, alineas } => rewrite_alineas(t, *count, alineas, ctx, style),
        Op::InsertAlineas { alineas } => insert_alineas(t, alineas, ctx, style),
        Op::InsertAlineasBefore { alineas } => insert_alineas_before(t, alineas, ctx, style),
        Op::InsertIntertitle { heading } => insert_intertitle(t, heading, ctx, style),
        Op::AddAlineas { at, alineas } => add_alineas(t, *at, alineas, ctx, style),
        Op::DeleteAlineas { count } => delete_units(t, *count, ctx, style),
        Op::RewriteArticle { heading, alineas } => {
            rewrite_article(t, heading.as_deref(), alineas, ctx, style)
        }
        Op::InsertArticle {
            label,
            heading,
            alineas,
        } => insert_article(t, label, heading.as_deref(), alineas, ctx, style),
        Op::InsertArticleFirst {
            label,
            heading,
            alineas,
        } => insert_article_first(t, label, heading.as_deref(), alineas, ctx, style),
        Op::InsertArticleBefore {
            label,
            heading,
            alineas,
        } => insert_article_before(t, label, heading.as_deref(), alineas, ctx, style),
        Op::AddArticle {
            label,
            heading,
            alineas,
        } => add_article(label, heading.as_deref(), alineas, style),
        Op::DeleteArticle => delete_article(t, ctx, style),
        Op::Renumber { from, to } => renumber(from, to),
        Op::RenumberAnnexes { from, to } => renumber_annexes(from, to),
        Op::AddNote { label, text } => add_note(label, text, style),
        Op::InsertPreambule { alineas } => insert_preambule(t, alineas, ctx, style),
        Op::RewriteHeading { heading } => rewrite_heading(t, heading, ctx, style),
        Op::RewriteAnnex { heading, blocks } => {
            rewrite_annex(t, heading.as_deref(), blocks, ctx, style)
        }
        Op::AddAnnex {
            label,
            heading,
            blocks,
        } => match t.unit {
            Unit::Annex { .. } => insert_annex(
                t,
                false,
                label.as_deref(),
                heading.as_deref(),
                blocks,
                style,
            ),
            _ => add_annex(label.as_deref(), heading.as_deref(), blocks, style),
        },
        Op::InsertAnnexBefore {
            label,
            heading,
            blocks,
        } => insert_annex(t, true, label.as_deref(), heading.as_deref(), blocks, style),
        Op::DeleteAnnex | Op::DeleteBlock => delete_units(t, 1, ctx, style),
        Op::RewriteBlock { lines } => rewrite_block(t, lines, ctx, style),
        Op::InsertDivision {
            place,
            label,
            heading,
            lines,
        } => insert_division(t, *place, label, heading.as_deref(), lines, ctx, style),
        Op::UnwrapDivision => unwrap_division(t, ctx, style),
        Op::ReplaceEverywhere {
            old,
            new,
            value_type,
        } => replace_everywhere(old, new, *value_type, style),
    }
}

/// The article unit shared by all the instructions, when a chapeau can gather them: several
/// instructions on the inside of one article (none rewriting, inserting or deleting it whole).
pub fn chapeau_unit(instructions: &[Instruction]) -> Option<&Unit> {
    if instructions.len() < 2 {
        return None;
    }
    let unit = &instructions.first()?.target.unit;
    // The body of a document without articles (« L'accord est ainsi modifié : »): instructions
    // inside it, each naming an alinéa, an item or a row.
    let in_body = *unit == Unit::Convention
        && instructions.iter().all(|i| {
            i.target.alinea.is_some()
                || !i.target.item.is_empty()
                || i.target.row.is_some()
                || matches!(i.op, Op::AddAlineas { .. })
        });
    if !in_body
        && !matches!(
            unit,
            Unit::Article { .. }
                | Unit::TitledArticle { .. }
                | Unit::Annex { .. }
                | Unit::Party { .. }
                | Unit::Parties
                | Unit::Visas
                | Unit::Signatures
        )
    {
        return None;
    }
    let ok = instructions.iter().all(|i| {
        &i.target.unit == unit
            && !matches!(
                i.op,
                Op::RewriteArticle { .. }
                    | Op::InsertArticle { .. }
                    | Op::AddArticle { .. }
                    | Op::DeleteArticle
                    | Op::Renumber { .. }
                    | Op::RenumberAnnexes { .. }
                    | Op::AddNote { .. }
                    | Op::InsertPreambule { .. }
                    | Op::RewriteAnnex { .. }
                    | Op::AddAnnex { .. }
                    | Op::InsertAnnexBefore { .. }
                    | Op::DeleteAnnex
                    | Op::RewriteBlock { .. }
                    | Op::InsertArticleFirst { .. }
                    | Op::InsertArticleBefore { .. }
                    | Op::DeleteBlock
                    | Op::InsertDivision { .. }
                    | Op::UnwrapDivision
                    | Op::ReplaceEverywhere { .. }
            )
    });
    ok.then_some(unit)
}

/// « L'article 7 de la convention est ainsi modifié : ».
pub fn chapeau(unit: &Unit, style: &Style) -> String {
    let np = unit_np_in(unit, style.noun);
    if *unit == Unit::Convention {
        // « L'accord est ainsi modifié : ».
        return capitalise(&format!(
            "{} {} ainsi {}{}",
            np.with(Case::Nom),
            np.verb(),
            np.agree("modifié"),
            colon(style)
        ));
    }
    capitalise(&format!(
        "{} {} ainsi {}{}",
        cite_unit_in(unit, Case::Nom, true, style.noun),
        np.verb(),
        np.agree("modifié"),
        colon(style)
    ))
}

/// The body of an amending article: one sentence, a chapeau and its items, or sentences in turn.
pub fn article_body(art: &AmendingArticle, style: &Style) -> Vec<String> {
    if let Some(unit) = chapeau_unit(&art.instructions) {
        let mut lines = vec![chapeau(unit, style)];
        let n = art.instructions.len();
        for (i, ins) in art.instructions.iter().enumerate() {
            lines.extend(sentence(ins, Some(unit), style).item(i + 1, i + 1 == n, style));
        }
        return lines;
    }
    // The first sentence names the document with its unit (« À l'article 6 de la
    // convention, … »), as LEGISTIQUE.md's model avenant does; the next ones cite it plainly.
    art.instructions
        .iter()
        .enumerate()
        .flat_map(|(i, ins)| {
            let style = Style {
                formal: i == 0,
                ..*style
            };
            sentence(ins, None, &style).standalone()
        })
        .collect()
}
