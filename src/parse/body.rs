//! The body of a document: articles and sub-articles, structures (Partie … Sous-section),
//! divisions, intertitles, signatures and annexes.

use super::continuations::opens_unit;
use super::headings::{self, ArticleHeading};
use super::subdivisions::{self, SubHeading};
use super::{keys, Builder, Zone};
use crate::model::{Diagnostic, Node, NodeId, NodeKind, Severity, Span};
use crate::normalise::{Form, Line};
use std::collections::{BTreeMap, BTreeSet, HashMap};

impl Builder {
    // ----- body: articles, structures, signatures, annexes -----

    pub(super) fn body(&mut self, lines: &[&Line], articles: &BTreeMap<usize, ArticleHeading>) {
        let last_article = articles.keys().next_back().copied().unwrap_or(0);
        let mut zone = Zone::Body;
        let mut annex: Option<NodeId> = None;
        let mut signatures: Option<NodeId> = None;
        let untitled = untitled_annex(lines, last_article);
        let subs = sub_headings(lines, articles, untitled);
        self.scoped_articles = numbered_per_structure(lines, articles);
        self.long_headings = headings_on_next_line(lines, articles);
        let between = intertitles_between_articles(lines, articles);
        // The Markdown level of the open article's heading line (0: a plain line), while one
        // is open: a deeper unnumbered heading is its intertitle.
        let mut article_md: Option<u8> = None;
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i];
            let md = matches!(l.form, Form::Heading(_));
            if untitled == Some(i) && zone == Zone::Signatures {
                // An annex without a heading after the signatures: its first line heads it.
                let mut node =
                    Node::new(NodeKind::Annexe, keys::annex(None), l.text.clone(), l.span);
                node.heading = Some(l.text.clone());
                let root = self.doc.root();
                annex = Some(self.doc.push(root, node));
                self.annex = annex;
                self.articles.clear();
                self.structures.clear();
                self.subdivisions.clear();
                zone = Zone::Annex;
                self.table = None;
                i += 1;
                continue;
            }
            // Annexes: after the signatures, after the last article, or an annex whose own
            // articles start again at 1.
            // « ANNEXES » over several annexes: a heading of its own, never signature text.
            if headings::annexes(&l.text)
                && matches!(l.form, Form::Plain | Form::Heading(_))
                && lines.get(i + 1).is_some_and(|n| {
                    headings::annex(&n.text).is_some()
                        && (zone != Zone::Body
                            || n.span.start > last_article
                            || restarts_numbering(lines, i + 1, articles))
                })
            {
                let root = self.doc.root();
                let mut node = Node::new(NodeKind::Structure, "annexes", l.text.clone(), l.span);
                node.heading = Some(l.text.trim().trim_end_matches([':', ' ']).to_string());
                node.level = 1;
                self.doc.push(root, node);
                self.articles.clear();
                self.structures.clear();
                self.subdivisions.clear();
                self.table = None;
                zone = Zone::Annex;
                i += 1;
                continue;
            }
            if zone != Zone::Body
                || l.span.start > last_article
                || restarts_numbering(lines, i, articles)
            {
                if let Some(a) = headings::annex(&l.text)
                    .filter(|_| !matches!(l.form, Form::Row(_) | Form::Item { .. }))
                {
                    let (a, consumed) =
                        self.with_next_line_heading(lines, i, a.heading.is_none(), a);
                    let label = a.label.clone();
                    let key = keys::annex(label.as_deref());
                    let text = self.heading_text(lines, i, consumed);
                    let span = self.heading_span(lines, i, consumed);
                    let mut node = Node::new(NodeKind::Annexe, key, text, span);
                    node.label = label;
                    node.heading = a.heading;
                    let root = self.doc.root();
                    annex = Some(self.doc.push(root, node));
                    // The annex's own articles belong to it (`annexe-1/article-2`).
                    self.annex = annex;
                    self.articles.clear();
                    self.structures.clear();
                    self.subdivisions.clear();
                    zone = Zone::Annex;
                    self.table = None;
                    i += consumed;
                    continue;
                }
            }
            match zone {
                Zone::Annex => {
                    if let Some(a) = articles.get(&l.span.start) {
                        i += self.open_article_at(lines, i, a.clone());
                        article_md = Some(md_level(l));
                        continue;
                    } else if let Some(s) = headings::structure(&l.text, md)
                        .filter(|_| matches!(l.form, Form::Plain | Form::Heading(_)))
                    {
                        // An annex that is a whole document (statuts, règlement) has its own
                        // Titres and Chapitres: divisions of the annex (`annexe-1/titre-i`).
                        i += self.open_structure_at(lines, i, s) - 1;
                    } else if let Some(sub) = subs.get(&i) {
                        self.open_subdivision(l, sub);
                    } else if let Some(sub) = self.sub_article_here(l) {
                        self.open_article(lines, i, 1, sub);
                    } else if let Some(a) = annex {
                        let target = self
                            .subdivisions
                            .last()
                            .map(|(_, id)| *id)
                            .or(self.articles.last().map(|(_, id)| *id))
                            .or(self.structures.last().map(|(_, id)| *id))
                            .unwrap_or(a);
                        self.content(target, l);
                    }
                }
                Zone::Signatures
                    if matches!(l.form, Form::Heading(_))
                        && !signature_marker(l, None)
                        && !headings::signed(&l.text) =>
                {
                    // « ### Notes » after « Pour le bureau, »: what the signatures close is
                    // followed by a part of its own, not by more signatures.
                    let slug = headings::slug(&l.text);
                    // Never the key of the signatures or of the footnotes.
                    let slug = if slug.is_empty()
                        || slug == "signatures"
                        || slug == "notes" && !self.notes.is_empty()
                    {
                        format!("section-{slug}").trim_end_matches('-').to_string()
                    } else {
                        slug
                    };
                    self.annex = None;
                    self.structures.clear();
                    // Ranked as an unrecognised Markdown heading of its level.
                    self.open_structure(l, 8 + md_level(l), &slug, None, Some(l.text.clone()));
                    zone = Zone::Body;
                }
                Zone::Signatures => {
                    if let Some(s) = signatures {
                        match lines.get(i + 1).filter(|n| signatory_goes_on(l, n)) {
                            Some(n) => {
                                // « Pour la Société des autoroutes » ⏎ « Paris-Normandie
                                // (SAPN) : »: one signatory's designation, as its lines in
                                // lower case are joined (« La ministre de l'écologie, » ⏎ « du
                                // développement durable, »).
                                let merged = Line {
                                    form: Form::Plain,
                                    text: format!("{} {}", l.text, n.text),
                                    span: l.span.cover(n.span),
                                    blank_before: l.blank_before,
                                };
                                self.content(s, &merged);
                                i += 1;
                            }
                            None => self.content(s, l),
                        }
                    }
                }
                Zone::Body => {
                    if !self.articles.is_empty()
                        && (headings::signed(&l.text)
                            && (l.span.start > last_article
                                || annex_before_article(lines, i, articles))
                            || l.span.start > last_article
                                && (signature_marker(l, lines.get(i + 1).copied())
                                    || signatories_close(lines, i)))
                    {
                        self.subdivisions.clear();
                        let s = self.push_container(NodeKind::Signatures, "signatures", "", l.span);
                        self.leaf(s, l);
                        signatures = Some(s);
                        zone = Zone::Signatures;
                        self.table = None;
                    } else if let Some(a) = articles.get(&l.span.start) {
                        i += self.open_article_at(lines, i, a.clone());
                        article_md = Some(md_level(l));
                        continue;
                    } else if self.intertitles && is_intertitle(l, lines.get(i + 1).copied()) {
                        // « JE VEILLE AU BON EMBARQUEMENT » ⏎ « DES AIDANTS SUR L'OUTIL »: one heading.
                        let mut text = l.text.clone();
                        let mut span = l.span;
                        while let Some(next) = lines.get(i + 1).filter(|n| {
                            n.form == Form::Plain && headings::capitals(&n.text) && !n.blank_before
                        }) {
                            text.push(' ');
                            text.push_str(&next.text);
                            span = span.cover(next.span);
                            i += 1;
                        }
                        let merged = Line {
                            form: Form::Plain,
                            text: text.clone(),
                            span,
                            blank_before: l.blank_before,
                        };
                        let slug = headings::slug(&text);
                        self.open_structure(&merged, 3, &slug, None, Some(text));
                    } else if let Some(s) = headings::structure(&l.text, md) {
                        i += self.open_structure_at(lines, i, s) - 1;
                    } else if self.toc_heading(l) {
                        // A heading the table of contents lists, its number lost (« Avant-propos »,
                        // « Présentation de la DINUM… »): a division over the articles after it.
                        let slug = headings::slug(&l.text);
                        self.open_structure(l, 3, &slug, None, Some(l.text.clone()));
                    } else if let Some((label, heading)) =
                        headings::division(&l.text).filter(|(label, _)| {
                            lines
                                .get(i + 1)
                                .is_some_and(|n| articles.contains_key(&n.span.start))
                                // « III.-Un décret… » after the open article's own « I.- » and
                                // « II.- »: the article's third part, not a division.
                                && (self.articles.is_empty()
                                    || !continues_roman_series(lines, i, label, articles))
                        })
                    {
                        // « II.-Engagements du bailleur » just before an article: a division.
                        let slug = headings::slug(&format!("division {label}"));
                        self.open_structure(l, 3, &slug, Some(label), Some(heading));
                    } else if let Some(sub) = subs.get(&i).filter(|_| !self.articles.is_empty()) {
                        self.open_subdivision(l, sub);
                    } else if let Some(sub) = self.sub_article_here(l) {
                        self.open_article(lines, i, 1, sub);
                    } else if let Some(level) =
                        intertitle_level(l, article_md.filter(|_| !self.articles.is_empty()))
                    {
                        // « ### Adhésion » under « ## 3. Rôle du Partenaire »: a sub-heading of
                        // the open article's alinéas, never a division over the next articles.
                        self.open_intertitle(l, level);
                    } else if between.contains(&i) {
                        // « Bureau » ⏎ « Article 20 »: an unnumbered intertitle over the
                        // articles after it, inside the open Titre (ranked below every
                        // numbered division), never the last alinéa of the article before.
                        let heading = l.text.trim().to_string();
                        let slug = match headings::slug(&heading) {
                            s if s.is_empty() => "intertitre".to_string(),
                            s => s,
                        };
                        self.open_structure(l, 8, &slug, None, Some(heading));
                    } else if let Form::Heading(level) = l.form {
                        // An unrecognised Markdown heading: a structure of that level.
                        let slug = headings::slug(&l.text);
                        let slug = if slug.is_empty() {
                            "section".to_string()
                        } else {
                            slug
                        };
                        self.open_structure(l, 8 + level, &slug, None, Some(l.text.clone()));
                    } else {
                        let target = self.body_target(l.span);
                        self.content(target, l);
                    }
                }
            }
            i += 1;
        }
    }

    /// A body line worded as a title of the table of contents, and shaped as a heading: a
    /// paragraph of its own, short, without final punctuation.
    pub(super) fn toc_heading(&self, l: &Line) -> bool {
        matches!(l.form, Form::Plain | Form::Heading(_))
            && !self.toc_titles.is_empty()
            && l.text.split_whitespace().count() <= 20
            && !l.text.trim_end().ends_with(['.', ';', ',', ':'])
            // What has a place of its own (« Préambule », « Annexe 1 … ») keeps it.
            && !headings::preamble(&l.text)
            && !headings::annexes(&l.text)
            && headings::annex(&l.text).is_none()
            && self.toc_titles.contains(&super::toc::heading_key(&l.text))
    }

    /// When a heading has no words after its number and the next line is short, has no final
    /// punctuation and opens nothing, that line is the heading (« ARTICLE 1 » ⏎ « OBJET »);
    /// in a document that writes its headings so ([`Builder::long_headings`]), a longer one
    /// too ([`next_line_heading`]).
    fn with_next_line_heading<H: HasHeading>(
        &self,
        lines: &[&Line],
        i: usize,
        missing: bool,
        mut h: H,
    ) -> (H, usize) {
        if !missing {
            return (h, 1);
        }
        match next_line_heading(lines, i, self.long_headings) {
            Some(t) => {
                h.set_heading(t.to_string());
                (h, 2)
            }
            None => (h, 1),
        }
    }

    fn heading_text(&self, lines: &[&Line], i: usize, consumed: usize) -> String {
        if consumed == 2 {
            format!("{} – {}", lines[i].text, lines[i + 1].text)
        } else {
            lines[i].text.clone()
        }
    }

    fn heading_span(&self, lines: &[&Line], i: usize, consumed: usize) -> Span {
        let mut span = lines[i].span;
        if consumed == 2 {
            span = span.cover(lines[i + 1].span);
        }
        span
    }

    /// Opens the division whose number is line `i`, its name on the next line if need be
    /// (« TITRE Ier » ⏎ « CONSTITUTION », as « ARTICLE 1 » ⏎ « OBJET »): the lines consumed.
    fn open_structure_at(
        &mut self,
        lines: &[&Line],
        i: usize,
        s: headings::StructureHeading,
    ) -> usize {
        let (s, consumed) = self.with_next_line_heading(lines, i, s.heading.is_none(), s);
        let line = Line {
            form: lines[i].form.clone(),
            text: self.heading_text(lines, i, consumed),
            span: self.heading_span(lines, i, consumed),
            blank_before: lines[i].blank_before,
        };
        self.open_structure(&line, s.rank, &s.slug, Some(s.label), s.heading);
        consumed
    }

    /// Opens the article whose label is line `i`, its heading on the next line if need be
    /// (« ARTICLE 1 » ⏎ « OBJET »), or its first alinéa starting on the label's line
    /// (« **Article 8.** L'association est administrée par un ⏎ conseil … »): the lines
    /// consumed.
    fn open_article_at(&mut self, lines: &[&Line], i: usize, a: ArticleHeading) -> usize {
        let l = lines[i];
        if self.continue_article(l, &a) {
            return 1;
        }
        if let Some((label_text, first)) = inline_first_alinea(l, &a, lines.get(i + 1).copied()) {
            let mut a = a;
            a.heading = None;
            self.open_article_with_first(l, label_text, a, &first);
            return if first.span.end > l.span.end { 2 } else { 1 };
        }
        if let Some((label_text, first)) = heading_then_alinea(l, &a) {
            // « 4.2. Pièces contractuelles … du marché. Après sa conclusion, … : ».
            self.open_article_with_first(l, label_text, a, &first);
            return 1;
        }
        let (a, consumed) = self.with_next_line_heading(lines, i, a.heading.is_none(), a);
        self.open_article(lines, i, consumed, a);
        consumed
    }

    /// A « 5.1 Montant » line while article 5 (or 5.x) is open.
    fn sub_article_here(&self, l: &Line) -> Option<ArticleHeading> {
        // « 3. 2. Montant » reads as an ordered item to the normaliser: a sub-article too.
        let numbered_item = matches!(
            l.form,
            Form::Item {
                ordered: true,
                level: 0,
                ..
            }
        );
        if !matches!(l.form, Form::Plain | Form::Heading(_)) && !numbered_item {
            return None;
        }
        let (open, _) = self.articles.first()?;
        let sub = if matches!(l.form, Form::Heading(_)) {
            headings::marked_sub_article(&l.text)?
        } else {
            headings::sub_article(&l.text)?
        };
        sub.number.starts_with(&format!("{open}.")).then_some(sub)
    }

    /// Opens a sub-division (« 1° Désignation », « A.-Locaux… ») of the open article or annex,
    /// below the open sub-division of a lower level: `annexe/3o/a`.
    fn open_subdivision(&mut self, l: &Line, sub: &SubHeading) {
        self.table = None;
        while self
            .subdivisions
            .last()
            .is_some_and(|(lv, _)| *lv >= sub.level)
        {
            self.subdivisions.pop();
        }
        let parent = self
            .subdivisions
            .last()
            .map(|(_, id)| *id)
            .or(self.articles.last().map(|(_, id)| *id))
            .or(self.structures.last().map(|(_, id)| *id))
            .or(self.annex)
            .unwrap_or(self.doc.root());
        let key = keys::structure(Some(&self.doc.node(parent).key), &sub.segment);
        let mut node = Node::new(NodeKind::Structure, key, l.text.clone(), l.span);
        node.label = Some(sub.label.clone());
        node.heading = Some(sub.heading.clone());
        node.level = 20 + sub.level.min(200) as u8;
        let id = self.doc.push(parent, node);
        self.subdivisions.push((sub.level, id));
    }

    /// Opens an unnumbered intertitle (« ### Adhésion ») of the open article: a sub-division
    /// keyed below it (`article-3/adhesion`), closed by the next article or structure.
    /// « Article 5 : Gratification … (suite) » while article 5 is open (or one of its
    /// sub-articles): the article goes on after a page break of the form, it is no second
    /// article 5. The line stays in the tree as an intertitle of the article (`article-5/suite`)
    /// that what follows goes under. False when the line opens an article.
    fn continue_article(&mut self, l: &Line, a: &ArticleHeading) -> bool {
        let said = a
            .heading
            .as_deref()
            .unwrap_or(&l.text)
            .trim_end()
            .to_lowercase();
        if !(said.ends_with("(suite)") || said.ends_with("(suite et fin)")) {
            return false;
        }
        let Some(k) = self.articles.iter().rposition(|(n, _)| *n == a.number) else {
            return false;
        };
        self.articles.truncate(k + 1);
        self.table = None;
        self.subdivisions.clear();
        let parent = self.articles[k].1;
        let key = keys::structure(Some(&self.doc.node(parent).key), "suite");
        let mut node = Node::new(NodeKind::Structure, key, l.text.clone(), l.span);
        node.heading = Some(l.text.trim().to_string());
        node.level = 20;
        let id = self.doc.push(parent, node);
        self.subdivisions.push((0, id));
        true
    }

    fn open_intertitle(&mut self, l: &Line, _md_level: u8) {
        self.table = None;
        self.subdivisions.clear();
        let Some(parent) = self.articles.last().map(|(_, id)| *id) else {
            return;
        };
        let heading = l
            .text
            .trim()
            .trim_end_matches([':', ' ', '\u{a0}'])
            .to_string();
        let slug = match headings::slug(&heading) {
            s if s.is_empty() => "intertitre".to_string(),
            s => s,
        };
        let key = keys::structure(Some(&self.doc.node(parent).key), &slug);
        let mut node = Node::new(NodeKind::Structure, key, l.text.clone(), l.span);
        node.heading = Some(heading);
        // Below the article's own sub-divisions in rank (« 1° », « a) » nest under it).
        node.level = 20;
        let id = self.doc.push(parent, node);
        self.subdivisions.push((0, id));
    }

    /// Opens article `a` on line `l` reduced to its label text, then gives it its first
    /// alinéa `first`, read from the same line.
    fn open_article_with_first(
        &mut self,
        l: &Line,
        label_text: String,
        a: ArticleHeading,
        first: &Line,
    ) {
        let label_line = Line {
            form: l.form.clone(),
            text: label_text,
            span: l.span,
            blank_before: l.blank_before,
        };
        self.open_article(&[&label_line], 0, 1, a);
        if let Some((_, id)) = self.articles.last() {
            let id = *id;
            self.content(id, first);
        }
    }

    fn open_article(&mut self, lines: &[&Line], i: usize, consumed: usize, a: ArticleHeading) {
        self.table = None;
        self.subdivisions.clear();
        // Nest `5.1` under `5`, `5.1.2` under `5.1`.
        while let Some((num, _)) = self.articles.last() {
            if a.number.starts_with(&format!("{num}.")) {
                break;
            }
            self.articles.pop();
        }
        let parent = match self.articles.last() {
            Some((_, id)) => *id,
            None => self
                .structures
                .last()
                .map(|s| s.1)
                .or(self.annex)
                .unwrap_or(self.doc.root()),
        };
        let text = self.heading_text(lines, i, consumed);
        let span = self.heading_span(lines, i, consumed);
        // An annex's articles are its own; articles numbered again in each Titre are keyed
        // below the structure holding them.
        let scope = self.annex.or_else(|| {
            self.structures
                .last()
                .map(|(_, id)| *id)
                .filter(|_| self.scoped_articles)
        });
        let mut node = Node::new(
            NodeKind::Article,
            keys::article(scope.map(|a| self.doc.node(a).key.as_str()), &a.number),
            text,
            span,
        );
        node.label = Some(a.label);
        node.heading = a.heading;
        let id = self.doc.push(parent, node);
        self.articles.push((a.number, id));
    }

    fn open_structure(
        &mut self,
        l: &Line,
        rank: u8,
        slug: &str,
        label: Option<String>,
        heading: Option<String>,
    ) {
        self.table = None;
        self.articles.clear();
        self.subdivisions.clear();
        while self.structures.last().is_some_and(|(r, _)| *r >= rank) {
            self.structures.pop();
        }
        // Outside any structure: at the top of the document, or of the annex being read.
        let (parent, key) = match self.structures.last().map(|s| s.1).or(self.annex) {
            Some(id) => (id, keys::structure(Some(&self.doc.node(id).key), slug)),
            None => (self.doc.root(), keys::structure(None, slug)),
        };
        let mut node = Node::new(NodeKind::Structure, key, l.text.clone(), l.span);
        node.label = label;
        node.heading = heading;
        node.level = rank;
        let id = self.doc.push(parent, node);
        self.structures.push((rank, id));
    }

    /// Where body text goes: the open article, else the open structure, else an unclassified node.
    fn body_target(&mut self, span: Span) -> NodeId {
        if let Some((_, id)) = self.subdivisions.last() {
            return *id;
        }
        if let Some((_, id)) = self.articles.last() {
            return *id;
        }
        if let Some((_, id)) = self.structures.last() {
            return *id;
        }
        self.unclassified_node(span)
    }

    pub(super) fn unclassified_node(&mut self, span: Span) -> NodeId {
        if let Some(u) = self.unclassified {
            return u;
        }
        let u = self.push_container(NodeKind::Unclassified, "non-classe", "", span);
        self.doc.diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "texte hors de toute partie reconnue, gardé comme non classé",
            )
            .with_span(span),
        );
        self.unclassified = Some(u);
        u
    }
}

/// Sub-division headings of the body's articles and annexes, by line index: each unit (from
/// an article or annex heading to the next unit) is read on its own.
fn sub_headings(
    lines: &[&Line],
    articles: &BTreeMap<usize, ArticleHeading>,
    untitled_annex: Option<usize>,
) -> HashMap<usize, SubHeading> {
    let mut out = HashMap::new();
    // (first line of the unit's text, is an article)
    let mut unit: Option<(usize, bool)> = None;
    let flush = |unit: Option<(usize, bool)>, end: usize, out: &mut HashMap<usize, SubHeading>| {
        if let Some((start, article)) = unit.filter(|(s, _)| *s < end) {
            for (k, v) in subdivisions::find(&lines[start..end], article) {
                out.insert(start + k, v);
            }
        }
    };
    // Once an annex has opened, its Titres and Chapitres open units of the annex's own.
    let mut in_annex = false;
    for (i, l) in lines.iter().enumerate() {
        let is_article = articles.contains_key(&l.span.start);
        let is_annex = !matches!(l.form, Form::Row(_) | Form::Item { .. })
            && headings::annex(&l.text).is_some()
            || untitled_annex == Some(i);
        in_annex |= is_annex;
        if is_article || is_annex || subdivisions::ends_unit(l) {
            flush(unit, i, &mut out);
            let opens = is_article || is_annex || in_annex && !headings::signed(&l.text);
            unit = opens.then_some((i + 1, is_article));
        }
    }
    flush(unit, lines.len(), &mut out);
    out
}

/// An annex without a heading after the signatures (a description of the operation, a form,
/// numbered « 1° », « 2° »…): the first line after « Fait à … » and its signatories that reads
/// as prose, when a series of sub-division headings follows it before anything else is
/// signed. A signature block holds places, dates, names and qualities, never numbered
/// headings; what has them is a document of its own.
fn untitled_annex(lines: &[&Line], last_article: usize) -> Option<usize> {
    let fait = lines
        .iter()
        .position(|l| l.span.start > last_article && headings::signed(&l.text))?;
    let end = lines[fait + 1..]
        .iter()
        .position(|l| subdivisions::ends_unit(l))
        .map_or(lines.len(), |k| fait + 1 + k);
    // A Markdown heading (the Markdown rendering of such an annex) heads it too.
    let start = (fait + 1..end).find(|&k| {
        let t = lines[k].text.trim_end();
        matches!(lines[k].form, Form::Heading(_))
            || lines[k].form == Form::Plain
                && t.ends_with(['.', ':'])
                && t.split_whitespace().count() >= 8
    })?;
    let series = subdivisions::find(&lines[start + 1..end], false);
    (series.values().filter(|s| s.level == 1).count() >= 2).then_some(start)
}

/// Line `i` is an annex heading whose next article heading (before any other annex heading)
/// is an « Article 1 » or « Article 1er »: the annex numbers its own articles.
fn restarts_numbering(
    lines: &[&Line],
    i: usize,
    articles: &BTreeMap<usize, ArticleHeading>,
) -> bool {
    if headings::annex(&lines[i].text).is_none() {
        return false;
    }
    for l in &lines[i + 1..] {
        if let Some(a) = articles.get(&l.span.start) {
            return a.number == "1";
        }
        if headings::annex(&l.text).is_some() {
            return false;
        }
    }
    false
}

/// Before the first annex, an « Article 1 » opens at least twice, each time after a
/// structure heading (Titre, Chapitre…) with no article 1 since: each structure numbers its
/// articles from 1 again, and « article 3 » alone names none of them.
fn numbered_per_structure(lines: &[&Line], articles: &BTreeMap<usize, ArticleHeading>) -> bool {
    let mut restarts = 0;
    let mut after_structure = false;
    for (i, l) in lines.iter().enumerate() {
        let md = matches!(l.form, Form::Heading(_));
        if !matches!(l.form, Form::Row(_) | Form::Item { .. }) && headings::annex(&l.text).is_some()
        {
            break;
        }
        if let Some(a) = articles.get(&l.span.start) {
            if a.number == "1" {
                if !after_structure {
                    return false;
                }
                restarts += 1;
            }
            after_structure = false;
        } else if headings::is_structure(&l.text, md)
            // « I) Adhésion » ⏎ « Article 1 »: a roman division over the articles after it.
            || headings::division(&l.text).is_some()
                && lines
                    .get(i + 1)
                    .is_some_and(|n| articles.contains_key(&n.span.start))
        {
            after_structure = true;
        }
    }
    restarts >= 2
}

/// Lines at most this far back are looked at for the previous number of a series.
const SERIES_LOOKBACK: usize = 400;

/// Line `i`, numbered `label` in Roman (« III.-… »), follows a line of the same unit numbered
/// one less (« II.-… »), the nearest numbered one, with no article or structure heading
/// between them: it goes on a
/// series of numbered paragraphs that the open article began, as legal codes number the parts
/// of an article « I.- », « II.- », « III.- ».
fn continues_roman_series(
    lines: &[&Line],
    i: usize,
    label: &str,
    articles: &BTreeMap<usize, ArticleHeading>,
) -> bool {
    let Some(n) = super::articles::roman_value(label).filter(|n| *n > 1) else {
        return false;
    };
    for l in lines[..i].iter().rev().take(SERIES_LOOKBACK) {
        if articles.contains_key(&l.span.start)
            || headings::is_structure(&l.text, matches!(l.form, Form::Heading(_)))
        {
            return false;
        }
        let prefix: String = l
            .text
            .chars()
            .take_while(|c| matches!(c, 'I' | 'V' | 'X'))
            .collect();
        let marked = l.text[prefix.len()..]
            .trim_start()
            .starts_with(['.', ')', '-', '–', '—']);
        // The nearest numbered paragraph decides: after the article's own « I.- » and « II.- »,
        // « II.-Engagements du bailleur » starts a division again.
        if marked && !prefix.is_empty() {
            return super::articles::roman_value(&prefix) == Some(n - 1);
        }
    }
    false
}

/// After line `i` (« Fait à … »), an annex heading comes before any article heading: the
/// articles still to come are the annexes' own.
fn annex_before_article(
    lines: &[&Line],
    i: usize,
    articles: &BTreeMap<usize, ArticleHeading>,
) -> bool {
    for l in &lines[i + 1..] {
        if articles.contains_key(&l.span.start) {
            return false;
        }
        if headings::annex(&l.text).is_some() && !matches!(l.form, Form::Row(_) | Form::Item { .. })
        {
            return true;
        }
    }
    false
}

/// A line that opens the signature block without « Fait à … », after the last article: a
/// « SIGNATURES » heading, « Lu et approuvé », the closing formula « Cette convention est
/// établie en trois exemplaires originaux. », a signatory's quality « Pour l'UNAF, ».
fn signature_marker(l: &Line, next: Option<&Line>) -> bool {
    if !matches!(l.form, Form::Plain | Form::Heading(_)) {
        return false;
    }
    // A template's mark (« Pour le bureau, [optionnel] ») is no part of the line's words.
    let text = l
        .text
        .trim_end()
        .strip_suffix(crate::template::OPTIONAL_MARK)
        .map_or(l.text.as_str(), str::trim_end);
    let t = text.trim().trim_end_matches([':', ' ', '\u{a0}']);
    let lower = t.to_lowercase();
    let words = t.split_whitespace().count();
    if matches!(
        lower.as_str(),
        "signatures" | "signature" | "signature des parties"
    ) {
        return true;
    }
    if lower.starts_with("lu et approuvé") || lower.starts_with("lu et approuve") {
        return words <= 6;
    }
    // « … établie (signée, faite) en 3 exemplaires originaux. »
    if words <= 16
        && [
            " en deux ",
            " en trois ",
            " en quatre ",
            " en double ",
            " en triple ",
        ]
        .iter()
        .chain(&[" en 2 ", " en 3 ", " en 4 ", " en 5 ", " en 6 "])
        .any(|n| lower.contains(n))
        && lower.contains("exemplaire")
    {
        return true;
    }
    // « Pour l'UNAF, Pour l'UDAF, », « Pour la Ville de X, »: short, each « Pour » naming
    // a party with a capital, ending with a comma.
    let pour_party = |p: &str| {
        let rest = p.trim_start().strip_prefix("Pour ")?;
        let rest = ["l'", "l’", "le ", "la ", "les "]
            .iter()
            .find_map(|a| rest.strip_prefix(a))
            .unwrap_or(rest);
        rest.chars().next().filter(|c| c.is_uppercase())
    };
    let pour_parties = words <= 10
        && text.ends_with(',')
        && text
            .split_inclusive(',')
            .filter(|p| !p.trim().is_empty())
            .all(|p| pour_party(p).is_some());
    // « Pour le bureau, » closing the text, a body named in lower case: the last paragraph,
    // or the last before a heading (« ### Notes »): an alinéa never ends on a comma.
    let pour_body = words <= 6
        && t.starts_with("Pour ")
        && text.ends_with(',')
        && next.is_none_or(|n| matches!(n.form, Form::Heading(_)));
    pour_parties || pour_body
}

/// The heading of the bare label on line `i` (« Article 3. »), when it stands on the next line:
/// short (twelve words; ten with a final period, in the style where the label has one too),
/// without final « ; », « : », « , », a capital first, opening nothing. `long`: the document
/// writes most of its headings so, and a longer one is one too (« Obligations respectives du
/// propriétaire et du bailleur relatives à la maintenance et à l'entretien des locaux. »):
/// thirty words, one sentence, a final period whatever the label's, not opening with a word
/// that opens a sentence (« Le », « Il », « Pour »…): a heading names, it does not say.
fn next_line_heading<'l>(lines: &[&'l Line], i: usize, long: bool) -> Option<&'l str> {
    let (next, _) = (lines.get(i + 1)?, lines.get(i + 2)?);
    let t = next.text.as_str();
    // Cheap tests first (a code asks this of thousands of bare labels): the form, the ends,
    // the number of words counted no further than the longest heading; the heading regexes
    // of `opens_unit` last.
    if next.form != Form::Plain
        || t.ends_with([';', ':', ','])
        || !t.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    // Past 12 words only a long heading that does not open like a sentence is taken (the
    // last test below): the others are counted no further than 13 words.
    let first = || {
        t.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    let limit = if long && !SENTENCE_OPENERS.contains(&first().as_str()) {
        LONG_HEADING_WORDS
    } else {
        12
    };
    let words = crate::text::words_upto(t, limit + 1);
    if words > limit {
        return None;
    }
    if opens_unit(next) || headings::signed(t) {
        return None;
    }
    // « Objet de la convention. »: a short heading may end with a period, in the style where
    // the number line does too (« Article 1er. »).
    let period_ok = words <= 10 && lines[i].text.ends_with('.');
    if words <= 12 && (!t.ends_with('.') || period_ok) {
        return Some(t);
    }
    let one_sentence = !t.trim_end_matches('.').contains([';', '!', '?'])
        && !t.trim_end_matches('.').contains(". ");
    (long
        && words <= LONG_HEADING_WORDS
        && one_sentence
        && !SENTENCE_OPENERS.contains(&first().as_str()))
    .then_some(t)
}

/// Words of a heading on the line after its label, at most, in a document that writes its
/// headings so.
const LONG_HEADING_WORDS: usize = 30;

/// Words that open a sentence, never a heading (a heading is a noun phrase without its
/// article: « Durée de la convention », not « La durée … »).
pub(super) const SENTENCE_OPENERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "en",
    "dans",
    "pour",
    "par",
    "si",
    "lorsque",
    "lorsqu",
    "à",
    "au",
    "aux",
    "tout",
    "toute",
    "tous",
    "toutes",
    "chaque",
    "sauf",
    "sans",
    "sur",
    "après",
    "avant",
    "conformément",
    "afin",
    "dès",
    "a",
    "nous",
    "je",
    "vous",
];

/// The document writes its article headings on the line after a bare label (« Article 1er. »
/// ⏎ « Objet de la convention. »): three labels at least take a short heading so, and half of
/// its bare labels are followed by a line that reads as a heading, long or short.
pub(super) fn headings_on_next_line(
    lines: &[&Line],
    articles: &BTreeMap<usize, ArticleHeading>,
) -> bool {
    let (mut bare, mut short, mut taken) = (0usize, 0usize, 0usize);
    for (i, l) in lines.iter().enumerate() {
        if articles
            .get(&l.span.start)
            .is_some_and(|a| a.heading.is_none())
        {
            bare += 1;
            // A short heading is a long one too: ask the short question only of those.
            if next_line_heading(lines, i, true).is_some() {
                taken += 1;
                if next_line_heading(lines, i, false).is_some() {
                    short += 1;
                }
            }
        }
    }
    short >= 3 && taken * 2 >= bare
}

/// A signatory's quality standing alone, its own line or two: « Le préfet, », « Le
/// représentant » ⏎ « du service utilisateur, » (a capital « Le », « La », « Les » or « Pour »,
/// eight words at most, the last line closed by a comma, a second line in lower case). The
/// number of lines it takes, if it is one.
fn quality_at(lines: &[&Line], i: usize) -> Option<usize> {
    let l = lines.get(i)?;
    let t = l.text.trim_end();
    let short = |s: &str| s.split_whitespace().count() <= 8;
    if l.form != Form::Plain
        || !["Le ", "La ", "Les ", "L'", "L’", "Pour "]
            .iter()
            .any(|a| t.starts_with(a))
        || !short(t)
    {
        return None;
    }
    if t.ends_with(',') {
        return Some(1);
    }
    let n = lines.get(i + 1)?;
    let nt = n.text.trim_end();
    (n.form == Form::Plain
        && !t.ends_with(['.', ';', ':', '!', '?'])
        && nt.starts_with(char::is_lowercase)
        && nt.ends_with(',')
        && short(nt))
    .then_some(2)
}

/// Line `i`, after the last article, opens the signatories' qualities that close the text
/// without « Fait à » (the 2009 model convention of use: « Le représentant » ⏎ « du service
/// utilisateur, » … « Le préfet, » ⏎ « Visa du contrôleur … »): two qualities at least, and
/// nothing after them up to the end or an annex but short lines (sixteen words), no sentence
/// going on an alinéa.
fn signatories_close(lines: &[&Line], i: usize) -> bool {
    let end = (i..lines.len())
        .find(|k| {
            !matches!(lines[*k].form, Form::Row(_) | Form::Item { .. })
                && headings::annex(&lines[*k].text).is_some()
        })
        .unwrap_or(lines.len());
    let (mut k, mut qualities) = (i, 0);
    while let Some(n) = quality_at(lines, k).filter(|_| k < end) {
        qualities += 1;
        k += n;
    }
    qualities >= 2
        && quality_at(lines, i).is_some()
        && lines[k..end]
            .iter()
            .all(|l| l.form == Form::Plain && l.text.split_whitespace().count() <= 16)
}

/// In a signature block, line `l` opens a signatory's designation that line `next` ends:
/// « Pour la Société des autoroutes » (no final punctuation) ⏎ « Paris-Normandie (SAPN) : »
/// (short, closed by « : » or « , », no « Pour » of its own).
fn signatory_goes_on(l: &Line, next: &Line) -> bool {
    let t = l.text.trim_end();
    let n = next.text.trim_end();
    l.form == Form::Plain
        && next.form == Form::Plain
        && (t.starts_with("Pour ")
            || t.starts_with("POUR ")
            // « Le représentant » ⏎ « du service utilisateur, »: a quality in lower case.
            || ["Le ", "La ", "Les "].iter().any(|a| t.starts_with(a))
                && n.starts_with(char::is_lowercase))
        && t.split_whitespace().count() <= 10
        && !t.ends_with([',', ';', ':', '.', '!', '?'])
        && n.ends_with([':', ','])
        && n.split_whitespace().count() <= 8
        && !n.starts_with("Pour ")
        && !n.starts_with("POUR ")
        && !headings::signed(n)
}

/// An article label at the head of a hard-wrapped paragraph (« Article 8. L'association est
/// administrée par un » ⏎ « conseil d'administration, composé de … »): what follows the label
/// on its line ends mid-sentence and the next line of the same paragraph goes on in lower
/// case (or it is too long for a heading), so it is the first alinéa's beginning, not a
/// heading; so is a whole sentence after the label. Gives the label's own text
/// (« Article 8. ») and the alinéa, both lines joined.
fn inline_first_alinea(
    l: &Line,
    a: &ArticleHeading,
    next: Option<&Line>,
) -> Option<(String, Line)> {
    let heading = a.heading.as_deref()?;
    if l.form != Form::Plain {
        return None;
    }
    let label = l.text.strip_suffix(heading)?.trim_end();
    if label.is_empty() {
        return None;
    }
    let h = heading.trim_end();
    let words = h.split_whitespace().count();
    let continued = next.filter(|n| {
        n.form == Form::Plain
            && !n.blank_before
            && !h.ends_with(['.', ';', ':', '!', '?', '…', '»'])
            // The next line goes on in lower case, or what precedes it is already too long
            // for a heading (« … ayant pour titre » ⏎ « « Jardins partagés du Val ». »).
            && (n.text.chars().next().is_some_and(char::is_lowercase) || words >= 12)
    });
    let (text, span) = match continued {
        Some(n) => (format!("{heading} {}", n.text), l.span.cover(n.span)),
        // A sentence announcing a list (« Les ressources de l'association comprennent : »),
        // or a whole sentence of fourteen words or more (« Le président a qualité pour
        // représenter l'association … »): an alinéa, a heading is short.
        None if h.ends_with(':')
            && next.is_some_and(|n| matches!(n.form, Form::Item { .. }))
            && h.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
                >= 5
            || h.ends_with('.') && words >= 14 =>
        {
            (heading.to_string(), l.span)
        }
        None => return None,
    };
    let first = Line {
        form: Form::Plain,
        text,
        span,
        blank_before: true,
    };
    Some((label.to_string(), first))
}

/// A label whose heading, closed by a period, is followed on its line by the unit's first
/// alinéa (« 4.2. Pièces contractuelles … du marché. Après sa conclusion, le marché est …
/// : », as Légifrance prints the CCAG): the label line and that alinéa.
fn heading_then_alinea(l: &Line, a: &ArticleHeading) -> Option<(String, Line)> {
    let heading = a.heading.as_deref()?;
    if l.form != Form::Plain || !heading.ends_with('.') || l.text.ends_with(heading) {
        return None;
    }
    let end = l.text.find(heading)? + heading.len();
    let rest = l.text[end..].trim();
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let first = Line {
        form: Form::Plain,
        text: rest.to_string(),
        span: l.span,
        blank_before: true,
    };
    Some((l.text[..end].to_string(), first))
}

/// Unnumbered intertitles between articles, by line index: plain lines of their own, short
/// (at most [`INTERTITLE_WORDS`] words), opening with a capital, without final punctuation,
/// right before an article's heading (« Il décide des réunions statutaires. » ⏎ « Bureau » ⏎
/// « Article 20 »), as Légifrance prints the intertitles of statuts and codes. A document
/// that writes them does so at least twice; one such line alone is more likely an article's
/// last alinéa written without its full stop, and stays one.
fn intertitles_between_articles(
    lines: &[&Line],
    articles: &BTreeMap<usize, ArticleHeading>,
) -> BTreeSet<usize> {
    if articles.len() < 2 {
        return BTreeSet::new();
    }
    let found: BTreeSet<usize> = lines
        .windows(2)
        .enumerate()
        .filter(|(_, w)| articles.contains_key(&w[1].span.start) && w[1].blank_before)
        .filter(|(_, w)| {
            let l = w[0];
            let t = l.text.trim();
            l.form == Form::Plain
                && l.blank_before
                && !articles.contains_key(&l.span.start)
                && t.chars().next().is_some_and(char::is_uppercase)
                && !t.ends_with(['.', ';', ':', ',', '!', '?', '…', ')', ']', '»', '"'])
                && t.split_whitespace().count() <= INTERTITLE_WORDS
                && !t.contains(['|', '\t'])
                && !headings::signed(t)
                && headings::structure(t, false).is_none()
                && headings::annex(t).is_none()
        })
        .map(|(i, _)| i)
        .collect();
    if found.len() >= 2 {
        found
    } else {
        BTreeSet::new()
    }
}

/// The most words of an unnumbered intertitle between articles.
const INTERTITLE_WORDS: usize = 8;

/// The Markdown level of a line's heading, 0 for a line that is no Markdown heading.
fn md_level(l: &Line) -> u8 {
    match l.form {
        Form::Heading(level) => level,
        _ => 0,
    }
}

/// An unnumbered Markdown heading deeper than the open article's own heading (`article_md`,
/// 0 when the article's label is a plain line, then from `###` on): the article's
/// intertitle, with its Markdown level.
fn intertitle_level(l: &Line, article_md: Option<u8>) -> Option<u8> {
    let Form::Heading(level) = l.form else {
        return None;
    };
    let open = article_md?;
    let deeper = if open == 0 { level >= 3 } else { level > open };
    deeper.then_some(level)
}

/// An intertitle of a document without articles: a line starting a paragraph, in capitals
/// (« JE VEILLE AU BON EMBARQUEMENT »), or short, unpunctuated and followed by list items.
pub(super) fn is_intertitle(line: &Line, next: Option<&Line>) -> bool {
    if line.form != Form::Plain || !line.blank_before {
        return false;
    }
    let t = &line.text;
    let heads_a_list = next.is_some_and(|n| matches!(n.form, Form::Item { .. }))
        && t.split_whitespace().count() <= 15
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', ';', ',', ':', '!', '?']);
    headings::capitals(t) || heads_a_list
}

trait HasHeading {
    fn set_heading(&mut self, h: String);
}
impl HasHeading for ArticleHeading {
    fn set_heading(&mut self, h: String) {
        self.heading = Some(h);
    }
}
impl HasHeading for headings::AnnexHeading {
    fn set_heading(&mut self, h: String) {
        self.heading = Some(h);
    }
}
impl HasHeading for headings::StructureHeading {
    fn set_heading(&mut self, h: String) {
        self.heading = Some(h);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Document, Format, NodeKind, Source};

    fn doc(text: &str) -> Document {
        super::super::parse(Source {
            path: "t.txt".into(),
            format: Format::Text,
            text: text.into(),
        })
    }

    fn alineas(d: &Document, key: &str) -> Vec<String> {
        let id = d.get(key).unwrap_or_else(|| panic!("{key}"));
        d.node(id)
            .children
            .iter()
            .map(|c| d.node(*c))
            .filter(|n| n.kind == NodeKind::Alinea)
            .map(|n| n.text.clone())
            .collect()
    }

    #[test]
    fn short_lines_before_articles_are_intertitles_when_the_text_writes_several() {
        let text = "Statuts\n\nTITRE III\n\nCONSEIL\n\nArticle 19\n\nIl décide.\n\nBureau\n\n\
            Article 20\n\nLe conseil élit un bureau.\n\nLe président\n\nArticle 21\n\n\
            Le président représente l'association.\n";
        let d = doc(text);
        assert_eq!(alineas(&d, "article-19"), ["Il décide."]);
        let bureau = d.get("titre-iii/bureau").expect("intertitle");
        assert_eq!(d.node(bureau).heading.as_deref(), Some("Bureau"));
        let a20 = d.get("article-20").expect("article 20");
        assert_eq!(d.node(a20).parent, Some(bureau));
        assert!(d.get("titre-iii/le-president").is_some());
        // One such line alone is the article's last alinéa, written without its full stop.
        let one = "Statuts\n\nArticle 1\n\nLe siège est à Paris.\n\nSiège social\n\nArticle 2\n\nTexte.\n";
        let d = doc(one);
        assert_eq!(
            alineas(&d, "article-1"),
            ["Le siège est à Paris.", "Siège social"]
        );
    }
}
