//! The head of a document: title zone and en-tête, parties (« Entre … Et … »), visas and
//! préambule, everything before the first article.

use super::headings;
use super::subdivisions::words_outside_tags;
use super::{keys, Builder};
use crate::model::{Diagnostic, Document, Node, NodeId, NodeKind, Party, Severity};
use crate::normalise::{Form, Line};

impl Builder {
    // ----- head: title, en-tête, parties, visas, préambule -----

    pub(super) fn head(&mut self, lines: &[&Line], has_articles: bool) {
        if lines.is_empty() {
            return;
        }
        // « Entre : … Et : … », or else « X, d'une part, [et] Y, d'autre part » (the block
        // then starts with the paragraph just before « d'une part »).
        let entre = lines
            .iter()
            .position(|l| headings::between(&l.text).is_some())
            .or_else(|| {
                let first_end = lines.iter().position(|l| headings::part_end(&l.text))?;
                (first_end >= 1).then_some(first_end - 1)
            });
        // A form's parties: « L'établissement : » [fields] « L'organisme d'accueil : » [fields]
        // « Et l'étudiant stagiaire : » [fields], without « Entre ».
        let labelled = entre.is_none().then(|| labelled_parties(lines)).flatten();
        let entre = entre.or(labelled);
        // The first visa, préambule or « il a été convenu » at or after a line.
        let find = |from: usize, f: fn(&Line) -> bool| (from..lines.len()).find(|k| f(lines[*k]));
        let visa = |l: &Line| headings::visa(&l.text);
        let pre = |l: &Line| headings::preamble(&l.text) || headings::agreed(&l.text);
        let first_after = |start: usize| -> usize {
            [find(start, visa), find(start, pre)]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(lines.len())
        };
        // Visas before the parties (« Vu le code … ; il est convenu ce qui suit : Entre : … »):
        // the title zone ends at the first of them.
        let visas_first = entre.and_then(|e| find(0, visa).filter(|v| *v < e));
        let head_end = match (visas_first, entre) {
            (Some(v), _) => v,
            (None, Some(e)) => e,
            (None, None) => first_after(0),
        };
        let head_end = head_end.min(lines.len());
        self.title_zone(&lines[..head_end], head_end == lines.len(), has_articles);
        let mut i = head_end;
        if let (Some(v), Some(e)) = (visas_first, entre) {
            // The visas up to the parties, or to the formula that closes them.
            let end = find(v + 1, pre).map_or(e, |p| p.min(e));
            self.visas(&lines[v..end]);
            i = end;
        }
        if let Some(e) = entre {
            // What stands between the visas and « Entre » is the formula that opens the
            // parties' block (« il est convenu ce qui suit : »), or else neither.
            let opening = lines[i..e].iter().all(|l| headings::agreed(&l.text));
            if i < e && !opening {
                self.unclassified_lines(&lines[i..e]);
            }
            let start = if opening { i } else { e };
            let end = first_after(e + 1);
            i = start + self.parties(&lines[start..end], labelled.is_some());
        }
        if let Some(v) = find(i, visa) {
            if v > i {
                // Between the end of the parties' block and the visas: neither.
                self.unclassified_lines(&lines[i..v]);
            }
            let end = find(v + 1, pre).unwrap_or(lines.len()).max(v + 1);
            self.visas(&lines[v..end]);
            i = end;
        }
        if i < lines.len() {
            let rest = &lines[i..];
            let has_heading = pre(rest[0]);
            if has_articles || has_heading {
                let (text, heading, body) = if headings::preamble(&rest[0].text) {
                    (
                        rest[0].text.clone(),
                        Some(rest[0].text.trim_end_matches([' ', ':']).to_string()),
                        &rest[1..],
                    )
                } else {
                    (String::new(), None, rest)
                };
                let p = self.push_container(NodeKind::Preambule, "preambule", &text, rest[0].span);
                self.doc.node_mut(p).heading = heading;
                for l in body {
                    self.content(p, l);
                }
                self.table = None;
            } else {
                self.outside_then_signatures(rest);
            }
        }
    }

    /// The visas' block, one alinéa a line.
    fn visas(&mut self, lines: &[&Line]) {
        let vis = self.push_container(NodeKind::Visas, "visas", "", lines[0].span);
        for l in lines {
            self.leaf(vis, l);
        }
    }

    /// Lines that are neither title, parties, visas nor préambule: kept as unclassified text.
    fn unclassified_lines(&mut self, lines: &[&Line]) {
        let u = self.unclassified_node(lines[0].span);
        for l in lines {
            self.content(u, l);
        }
        self.table = None;
    }

    /// The text of a document without articles after its head: unclassified up to its
    /// signature block. It still ends with « Fait à …, le … » and its signatures, a letter
    /// with its closing formula (« Je vous prie d'agréer … ») and its copies: they are its
    /// signature block, not unclassified text.
    fn outside_then_signatures(&mut self, rest: &[&Line]) {
        let signed = rest.iter().position(|l| signs(l)).unwrap_or(rest.len());
        if signed > 0 {
            let u = self.unclassified_node(rest[0].span);
            for l in &rest[..signed] {
                self.content(u, l);
            }
            self.table = None;
        }
        if signed < rest.len() {
            let s = self.push_container(NodeKind::Signatures, "signatures", "", rest[signed].span);
            for l in &rest[signed..] {
                self.content(s, l);
            }
            self.table = None;
        }
    }

    /// A document with neither articles nor intertitles (an agreement, a model letter): its
    /// title, its parties (« Entre … Et … », up to the last party's « ci-après dénommé(e) » or
    /// « d'autre part »), its body (`corps`, whose alinéas are counted through: « le troisième
    /// alinéa de l'accord ») and its signature block from « Fait à … ». Builds nothing and
    /// returns false when there are neither parties nor signatures and the body holds fewer
    /// than [`MIN_BODY_LINES`] lines (« Note de service » and a sentence): not an act one amends.
    pub(super) fn articleless(&mut self, lines: &[&Line]) -> bool {
        // Visas or a préambule: the head of a convention whose articles were not recognised
        // (numbers lost in a conversion), read by `head` as before.
        if lines.is_empty()
            || lines.iter().any(|l| {
                headings::visa(&l.text) || headings::preamble(&l.text) || headings::agreed(&l.text)
            })
        {
            return false;
        }
        let t = title_line(lines);
        let mut own = lines[t + 1..]
            .iter()
            .position(|l| !continues_title(l))
            .map_or(lines.len(), |p| t + 1 + p);
        if own < lines.len() && ends_title(lines[own]) {
            own += 1;
        }
        let entre = lines
            .iter()
            .skip(t + 1)
            .position(|l| headings::between(&l.text).is_some())
            .map(|p| t + 1 + p);
        let title_end = entre.map_or(own, |e| e.min(own));
        // The parties: from « Entre » to the end of the party after the last « Et ».
        let parties_end = entre.and_then(|e| {
            let et = (e + 1..lines.len()).rfind(|i| headings::and(&lines[*i].text))?;
            let close = (et + 1..lines.len().min(et + 1 + PARTY_LINES)).find(|i| {
                let l = &lines[*i].text;
                headings::part_end(l) || l.to_lowercase().contains("ci-après")
            })?;
            // « ci-après dénommées ensemble « les parties » » still belongs to the block.
            let mut end = close + 1;
            while end < lines.len() && headings::together(&lines[end].text) {
                end += 1;
            }
            Some(end)
        });
        let body_start = parties_end.unwrap_or(title_end);
        let signed = (body_start..lines.len()).find(|i| signs(lines[*i]));
        let body_end = signed.unwrap_or(lines.len());
        if parties_end.is_none() && signed.is_none() && body_end - body_start < MIN_BODY_LINES {
            return false;
        }
        self.doc.diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "aucun article reconnu : les alinéas du document sont comptés d'un bout à l'autre",
            )
            .with_hint("un article commence par « Article 1er », « ARTICLE 2 » ou « 1. Objet »"),
        );
        self.title_zone_at(&lines[..title_end], t, false, false);
        // The parties' block may end before `parties_end` (a line no longer about a party):
        // the body starts where it ends.
        let body_start = match (entre, parties_end) {
            (Some(e), Some(end)) => e + self.parties(&lines[e..end], false),
            _ => body_start,
        };
        if body_start < body_end {
            let c = self.push_container(NodeKind::Corps, "corps", "", lines[body_start].span);
            for l in &lines[body_start..body_end] {
                self.content(c, l);
            }
            self.table = None;
        }
        if let Some(s) = signed {
            let sig = self.push_container(NodeKind::Signatures, "signatures", "", lines[s].span);
            for l in &lines[s..] {
                self.content(sig, l);
            }
            self.table = None;
        }
        true
    }

    /// `alone`: nothing follows in the head (no parties, visas or préambule), so that a short
    /// text under the title is the document's chapeau, read as its préambule.
    fn title_zone(&mut self, lines: &[&Line], alone: bool, has_articles: bool) {
        if lines.is_empty() {
            return;
        }
        let t = title_line(lines);
        let t = if has_articles {
            title_over_articles(lines).unwrap_or(t)
        } else {
            t
        };
        self.title_zone_at(lines, t, alone, has_articles);
    }

    /// The title zone whose line `t` names the document (found on a wider slice when the
    /// zone is cut before what identifies it, a letter's « Madame, Monsieur, »).
    fn title_zone_at(&mut self, lines: &[&Line], t: usize, alone: bool, has_articles: bool) {
        if t > 0 {
            let e = self.push_container(NodeKind::EnTete, "en-tete", "", lines[0].span);
            // A letterhead or address table stays a table.
            for l in &lines[..t] {
                self.content(e, l);
            }
            self.table = None;
        }
        let title = self.push_container(NodeKind::Titre, "titre", &lines[t].text, lines[t].span);
        // « Objet : Recours gracieux … »: the letter's object is its name.
        let heading = headings::object(&lines[t].text).unwrap_or(&lines[t].text);
        self.doc.node_mut(title).heading = Some(heading.to_string());
        // The title's own lines (sub-title, references, « entre X et Y »), up to the first
        // sentence or table: what follows (a notice, definitions, a form to fill) is neither
        // title, parties, visas nor préambule, and is kept as unclassified text.
        let mut own = lines[t + 1..]
            .iter()
            .position(|l| !continues_title(l))
            .map_or(lines.len(), |p| t + 1 + p);
        // The title's last part may close it with a period (« … à {{ ville }}(3). »).
        if own < lines.len() && ends_title(lines[own]) {
            own += 1;
        }
        for l in &lines[t + 1..own] {
            self.content(title, l);
        }
        self.table = None;
        let rest = &lines[own.min(lines.len())..];
        let chapeau =
            alone && rest.len() <= 3 && rest.iter().all(|l| !matches!(l.form, Form::Row(_)));
        if !rest.is_empty() && chapeau {
            let p = self.push_container(NodeKind::Preambule, "preambule", "", rest[0].span);
            for l in rest {
                self.content(p, l);
            }
            self.table = None;
        } else if has_articles && short_chapeau(rest, &lines[t].text) {
            // « Cette convention a pour objectif de définir les modalités… » before « Entre » :
            // a few sentences presenting the document under its title, its chapeau, kept with it.
            for l in rest {
                self.content(title, l);
            }
            self.table = None;
        } else if own < lines.len() && !has_articles {
            self.outside_then_signatures(&lines[own..]);
        } else if own < lines.len() {
            let u = self.unclassified_node(lines[own].span);
            for l in &lines[own..] {
                self.content(u, l);
            }
            self.table = None;
        }
    }

    /// The « Entre … Et … » block, read from `lines` up to where it ends: the number of lines
    /// it takes. Once two parties or more are named (« ci-après dénommé… »), a line that neither
    /// goes on describing the last one nor brings another (« Et », « d'autre part ») is no
    /// longer about a party: « Le 3 mai, les parties désignées ci-dessus ont conclu… ».
    /// `labels`: the block is a form's, each party opened by its label line (« L'organisme
    /// d'accueil : »), the last one by « Et … : », its fields in tables or as lines of their
    /// own; after the last party's fields, a new block's label ends it ([`ends_the_last_party`]).
    fn parties(&mut self, lines: &[&Line], labels: bool) -> usize {
        let root_parties = self.push_container(NodeKind::Parties, "parties", "", lines[0].span);
        let mut current: Option<NodeId> = None;
        let mut count = 0;
        // The last party was given its name.
        let mut named = false;
        // The open party was brought by « Et »: it is the last one.
        let mut last = false;
        let mut taken = lines.len();
        for (k, l) in lines.iter().enumerate() {
            if named && count >= 2 && !about_a_party(l) {
                taken = k;
                break;
            }
            if count >= 2 && ends_the_parties(l) {
                taken = k;
                break;
            }
            if count == 0 && headings::agreed(&l.text) {
                // « il est convenu ce qui suit : », written before « Entre : ».
                self.leaf(root_parties, l);
                continue;
            }
            if labels && last && k > 0 && ends_the_last_party(lines, k) {
                taken = k;
                break;
            }
            if labels && party_label(&l.text) && k > 0 {
                current = None;
                last = l.text.to_lowercase().starts_with("et ");
            }
            if let Some(rest) = headings::between(&l.text) {
                if rest.is_empty() {
                    self.leaf(root_parties, l);
                    current = None;
                    continue;
                }
            }
            if !labels && k > 0 && headings::and_party(&l.text) {
                // « Et l'association X, … »: the next party, named on the « Et » line.
                current = None;
                named = false;
            }
            if headings::and(&l.text) || headings::together(&l.text) {
                self.leaf(root_parties, l);
                current = None;
                named = false;
                continue;
            }
            if headings::part_end(&l.text) {
                // Closes the block it ends (or stands alone when no party is open).
                self.leaf(current.unwrap_or(root_parties), l);
                current = None;
                named = false;
                continue;
            }
            named |= l.text.to_lowercase().contains("ci-après");
            let party = match current {
                Some(p) => p,
                None => {
                    count += 1;
                    let key = keys::party(count);
                    let mut node = Node::new(NodeKind::Partie, key, "", l.span);
                    node.label = Some(count.to_string());
                    let id = self.doc.push(root_parties, node);
                    current = Some(id);
                    id
                }
            };
            if labels {
                // A form's fields stay tables.
                self.content(party, l);
            } else {
                self.leaf(party, l);
            }
        }
        self.table = None;
        // Name and « ci-après dénommé(e) » names of each party.
        for pid in self.doc.children(root_parties).to_vec() {
            if self.doc.node(pid).kind == NodeKind::Partie {
                describe_party(&mut self.doc, pid);
            }
        }
        taken
    }
}

/// The line naming the document in its title zone. The first Heading 1; else, after a
/// letterhead or address table (sender, addressee, « Paris, le … », references), a letter's
/// « Objet : … » just before « Madame, Monsieur, » (even when a reference above it, « Code
/// Potentiel : … », looks like a name); else a line that reads as a title; else the first
/// line that is not a table row: a table cell never names the document.
fn title_line(lines: &[&Line]) -> usize {
    let letter = || {
        (0..lines.len()).find(|i| {
            headings::object(&lines[*i].text).is_some()
                && lines
                    .get(i + 1)
                    .is_some_and(|n| headings::salutation(&n.text))
        })
    };
    lines
        .iter()
        .position(|l| matches!(l.form, Form::Heading(1)))
        .or_else(letter)
        .or_else(|| lines.iter().position(|l| headings::title(&l.text)))
        .or_else(|| {
            lines
                .iter()
                .position(|l| !matches!(l.form, Form::Row(_)))
                .filter(|t| *t > 0)
        })
        .unwrap_or(0)
}

/// Of several `#` headings before the articles, the last one names the document when the
/// first heads a text of its own (a list, sentences: « # Les membres du bureau » + the names)
/// and the last heads nothing before the articles (« # Les statuts de l'association »): the
/// heading that opens the articles. The lines above it are the en-tête.
fn title_over_articles(lines: &[&Line]) -> Option<usize> {
    let first = lines
        .iter()
        .position(|l| matches!(l.form, Form::Heading(1)))?;
    let last = lines
        .iter()
        .rposition(|l| matches!(l.form, Form::Heading(1)))?;
    (last > first
        && lines[first + 1..last].iter().any(|l| !continues_title(l))
        && lines[last + 1..].iter().all(|l| continues_title(l)))
    .then_some(last)
}

/// A line that opens the signature block: « Fait à …, le … », or a letter's closing formula
/// (« Je vous prie d'agréer … »).
fn signs(l: &Line) -> bool {
    matches!(l.form, Form::Plain | Form::Heading(_))
        && (headings::signed(&l.text) || headings::closing(&l.text))
}

/// A form's label: a short line closed by a colon, opening with a capital (« Nom de
/// l'établissement : », « L'organisme d'accueil : », « Tuteur dans l'organisme d'accueil : »).
fn form_label(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(':')
        && t.split_whitespace().count() <= 8
        && t.starts_with(char::is_uppercase)
        && headings::between(t).is_none()
        && !headings::agreed(t)
        && !headings::preamble(t)
}

/// A form's party label: a label that designates someone, with its definite article
/// (« L'établissement d'enseignement supérieur : », « Le lycée : », « Et l'étudiant
/// stagiaire : »). A field's label is a bare noun or participle (« Nom : », « Adresse : »,
/// « Représenté par : », « Qualité du représentant : »): however the form's fields are laid
/// out (table rows, or lines of their own as text exports write them), only the designations
/// open parties.
fn party_label(text: &str) -> bool {
    if !form_label(text) {
        return false;
    }
    let lower = text.trim().to_lowercase().replace('’', "'");
    let lower = lower.strip_prefix("et ").unwrap_or(&lower);
    ["l'", "le ", "la ", "les "]
        .iter()
        .any(|a| lower.starts_with(a))
}

/// A line of a form's fields read as text: a table row, or a short line that is no sentence
/// (« Nom complet », « Adresse : », « président ou autre »; not « Note de lecture : … . »).
fn form_field(l: &Line) -> bool {
    matches!(l.form, Form::Row(_))
        || (matches!(l.form, Form::Plain)
            && words_outside_tags(&l.text) <= FIELD_WORDS
            && !l.text.trim_end().ends_with(['.', ';', '!', '?']))
}

/// Where a form's parties start: the first of the party labels (« L'organisme d'accueil : »)
/// that, with only their fields between them, lead to an « Et … : » label.
fn labelled_parties(lines: &[&Line]) -> Option<usize> {
    let et = lines.iter().position(|l| {
        matches!(l.form, Form::Plain)
            && party_label(&l.text)
            && l.text.to_lowercase().starts_with("et ")
    })?;
    let mut start = None;
    let mut k = et;
    while k > 0 {
        let p = lines[k - 1];
        if p.form == Form::Plain && party_label(&p.text) {
            start = Some(k - 1);
        } else if !form_field(p) {
            break;
        }
        k -= 1;
    }
    start
}

/// Whether line `k` of a form's parties' block, in its last party (« Et … : »), opens what
/// follows the parties: another designation (« L'établissement … en la personne de : »), a
/// label set apart after the party's table (« Tuteur dans l'organisme d'accueil : » after its
/// rows), or a label over designations (« Encadrement du stagiaire assuré par : » followed by
/// « L'établissement … en la personne de : »): a field's label is followed by its value.
fn ends_the_last_party(lines: &[&Line], k: usize) -> bool {
    let l = lines[k];
    if party_label(&l.text) {
        return true;
    }
    if !(matches!(l.form, Form::Plain) && form_label(&l.text)) {
        return false;
    }
    matches!(lines[k - 1].form, Form::Row(_))
        || lines.get(k + 1).is_some_and(|n| party_label(&n.text))
}

/// A line that, once two parties are open, starts what follows them whatever the last party
/// said: the formula that opens the stipulations (« Par la présente convention, … », « il a
/// été convenu ce qui suit »), a préambule or a visa, or a heading that is no party's (« ##
/// Objet de la convention »; « ## ET : » and « ## ENTRE : » are the block's own).
fn ends_the_parties(l: &Line) -> bool {
    let t = &l.text;
    let lower = headings::lower_start(t);
    lower.starts_with("par la présente")
        || headings::agreed(t)
        || headings::preamble(t)
        || headings::visa(t)
        || (matches!(l.form, Form::Heading(_))
            && headings::between(t).is_none()
            && !headings::and(t)
            && !headings::and_party(t)
            && !headings::part_end(t)
            && !headings::together(t))
}

/// A line of the parties' block after a party was named: another party (« Et », « et la
/// société … », « d'autre part »), or more about the last one (« représentée par … »,
/// « agissant … », « ci-après … », a line going on in lower case).
fn about_a_party(l: &Line) -> bool {
    let t = &l.text;
    let lower = t.to_lowercase();
    headings::and(t)
        || headings::part_end(t)
        || headings::together(t)
        || headings::between(t).is_some()
        || lower.starts_with("et ")
        || lower.contains("ci-après")
        || [
            "représenté",
            "agissant",
            "domicilié",
            "sis ",
            "dont le siège",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
        || t.starts_with(|c: char| c.is_lowercase())
}

/// Lines of an articleless document's body below which, without parties nor signatures, it
/// is not read as an act (a title and a sentence or two).
const MIN_BODY_LINES: usize = 3;

/// Words of a form's field line at most, when the fields are lines of their own.
const FIELD_WORDS: usize = 25;

/// How far after the last « Et » the last party's « ci-après dénommé(e) » is looked for.
const PARTY_LINES: usize = 8;

/// A line that still belongs to the title block: no table row or list item, and no sentence
/// (final period, or more than 100 words outside template tags).
fn continues_title(l: &Line) -> bool {
    matches!(l.form, Form::Plain | Form::Heading(_))
        && words_outside_tags(&l.text) <= 100
        && !l.text.trim_end().ends_with(['.', ';', '!', '?'])
        && !headings::salutation(&l.text)
}

/// Paragraphs under the title that make its chapeau: one to three sentences of prose (no
/// heading, list, table or form field), the first presenting the document by the noun its
/// title opens with (« Convention de mise à disposition… » ⏎ « Cette convention a pour
/// objectif… »). A longer text, or one about another document (« La présente notice… »),
/// stands outside the convention's parts.
fn short_chapeau(rest: &[&Line], title: &str) -> bool {
    let Some(noun) = title
        .split_whitespace()
        .next()
        .map(|w| w.trim_start_matches(['#', '*']).to_lowercase())
        .filter(|w| w.chars().count() >= 4)
    else {
        return false;
    };
    let presents = |text: &str| {
        let lower = text.to_lowercase();
        ["cette ", "la présente ", "le présent ", "ce "]
            .iter()
            .any(|d| lower.strip_prefix(d).is_some_and(|r| r.starts_with(&noun)))
    };
    // A few lines of prose: three, or up to six short ones when sentences stand on lines of
    // their own (« … de nos activités. » ⏎ « L'utilisation d'autres appareils … », the
    // Robots-JU charte, blind4 finding 18).
    let words: usize = rest.iter().map(|l| words_outside_tags(&l.text)).sum();
    !rest.is_empty()
        && (rest.len() <= 3 || rest.len() <= 6 && words <= 150)
        && presents(&rest[0].text)
        && rest
            .iter()
            .all(|l| l.form == Form::Plain && !l.text.trim_end().ends_with(':'))
}

/// The last part of a title cut by a line break, closed by a period: short, and not starting
/// a sentence of its own (no capital first).
fn ends_title(l: &Line) -> bool {
    matches!(l.form, Form::Plain)
        && words_outside_tags(&l.text) <= 25
        && !l.text.starts_with(char::is_uppercase)
}

/// Sets a party node's name, « ci-après » names and heading from its alinéas (also called by
/// [`crate::edit::rekey`] after edits, so that both agree).
pub(crate) fn describe_party(doc: &mut Document, pid: NodeId) {
    let texts: Vec<String> = doc
        .children(pid)
        .iter()
        .map(|c| doc.node(*c).text.clone())
        .collect();
    let first = texts.first().cloned().unwrap_or_default();
    let name = headings::between(&first).unwrap_or(&first);
    let name = name
        .strip_prefix("et ")
        .or_else(|| name.strip_prefix("Et "))
        .unwrap_or(name)
        .to_string();
    let name = name.trim_end_matches([',', ';', ':', ' ']).to_string();
    let aliases = aliases(&texts);
    let short_name = pick_short_name(&name, &aliases);
    let heading = short_name.clone().unwrap_or_else(|| name.clone());
    let node = doc.node_mut(pid);
    node.heading = Some(heading);
    node.set_party(Some(Party {
        name,
        short_name,
        aliases,
    }));
}

/// The quoted names after « ci-après dénommé(e)(s) », « ci-après désigné(e) », « ci-après ».
fn aliases(texts: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for t in texts {
        let lower = t.to_lowercase();
        let Some(pos) = lower.find("ci-après") else {
            continue;
        };
        let rest = &t[pos..];
        let mut search = rest;
        while let Some(open) = search.find('«') {
            let after = &search[open + '«'.len_utf8()..];
            let Some(close) = after.find('»') else { break };
            let inner = after[..close].trim();
            // « l'« ENA » » style: an article just before the quote belongs to the name.
            let before = search[..open].trim_end();
            let article = ["l'", "la ", "le ", "les "]
                .iter()
                .find(|a| {
                    before.to_lowercase().ends_with(a.trim_end())
                        && before.ends_with(['\'', 'a', 'e', 's'])
                })
                .filter(|a| {
                    let w = before.rsplit(' ').next().unwrap_or("").to_lowercase();
                    w == a.trim_end() || w.ends_with('\'') && a.starts_with("l'")
                });
            let name = match article {
                Some(a) if before.ends_with('\'') => format!("{a}{inner}"),
                Some(a) => format!("{}{inner}", a),
                None => inner.to_string(),
            };
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
            search = &after[close + '»'.len_utf8()..];
        }
    }
    out
}

/// The alias whose words appear in the party's name (« la DINUM » for « … (DINUM) »), else the first.
fn pick_short_name(name: &str, aliases: &[String]) -> Option<String> {
    let name_l = name.to_lowercase();
    aliases
        .iter()
        .find(|a| {
            a.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 2)
                .any(|w| name_l.contains(&w.to_lowercase()))
        })
        .or_else(|| aliases.first())
        .cloned()
}
