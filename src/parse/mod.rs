//! Parse stage: [`Normalised`] lines → [`Document`] tree (title, parties, visas, préambule,
//! articles, annexes, signatures, notes). It never reads files and never drops text: what it
//! cannot classify becomes an `unclassified` node with a diagnostic.

pub mod headings;

use crate::model::{Diagnostic, Document, Node, NodeId, NodeKind, Party, Severity, Source, Span};
use crate::normalise::{self, from_superscript, is_superscript_digit, Form, Line, Normalised};
use headings::ArticleHeading;

/// Reads a source into its tree: normalise, then parse.
pub fn parse(source: Source) -> Document {
    let normalised = normalise::normalise(&source);
    parse_normalised(source, normalised)
}

/// Builds the tree from lines already normalised.
pub fn parse_normalised(source: Source, normalised: Normalised) -> Document {
    let lines = join_continuations(normalised.lines);
    let mut b = Builder::new(Document::new(source));
    b.run(&lines);
    b.finish()
}

/// Final punctuation: a line ending with one of these is complete.
fn ends_complete(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| is_superscript_digit(c) || c == '*');
    t.ends_with(['.', ';', ':', '!', '?', '…', '»'])
}

/// A line that opens a unit (never the tail of a split paragraph).
fn opens_unit(line: &Line) -> bool {
    let t = &line.text;
    matches!(line.form, Form::Heading(_))
        || headings::article(t, false).is_some()
        || headings::structure(t, false).is_some()
        || headings::annex(t).is_some()
        || headings::sub_article(t).is_some()
        || headings::preamble(t)
}

/// Starts in lower case, possibly behind an opening parenthesis (« (verrouiller l'ordinateur… »).
fn continues_in_lower_case(text: &str) -> bool {
    text.trim_start_matches('(')
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Re-joins a paragraph split by a page break or a hard wrap: a plain line, or an item, that
/// ends without final punctuation, followed by a plain line starting in lower case.
fn join_continuations(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(prev) = out.last_mut() {
            let prev_ok = matches!(prev.form, Form::Plain | Form::Item { .. })
                && !ends_complete(&prev.text)
                && !headings::part_end(&prev.text);
            let cur_ok = line.form == Form::Plain
                && continues_in_lower_case(&line.text)
                // Past a blank line, a lone word (« aidantsconnect.beta.gouv.fr ») is a
                // line of its own, not the tail of a paragraph cut by a page break.
                && (!line.blank_before || line.text.contains(' '))
                && !headings::part_end(&line.text)
                && !headings::and(&line.text);
            if prev_ok && cur_ok && !opens_unit(prev) {
                prev.text.push(' ');
                prev.text.push_str(&line.text);
                prev.span = prev.span.cover(line.span);
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// Where a line falls in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Body,
    Signatures,
    Annex,
}

struct Builder {
    doc: Document,
    /// Footnote definitions, gathered to be put last.
    notes: Vec<(String, String, Span)>,
    /// Open structure headings: (rank, node).
    structures: Vec<(u8, NodeId)>,
    /// Open articles: (number, node), outermost first.
    articles: Vec<(String, NodeId)>,
    /// The table being filled, with the container it belongs to.
    table: Option<(NodeId, NodeId)>,
    unclassified: Option<NodeId>,
    /// The document is cut by capitalised intertitles (it has no article).
    intertitles: bool,
}

impl Builder {
    fn new(doc: Document) -> Self {
        Builder {
            doc,
            notes: Vec::new(),
            structures: Vec::new(),
            articles: Vec::new(),
            table: None,
            unclassified: None,
            intertitles: false,
        }
    }

    fn run(&mut self, all: &[Line]) {
        // Footnote definitions leave the flow wherever they stand.
        let mut lines: Vec<&Line> = Vec::with_capacity(all.len());
        for line in all {
            if let Form::Note(label) = &line.form {
                self.notes
                    .push((label.clone(), line.text.clone(), line.span));
            } else {
                lines.push(line);
            }
        }
        let articles = self.find_articles(&lines);
        let first_unit = lines.iter().enumerate().position(|(i, l)| {
            articles.contains_key(&(l.span.start))
                || headings::structure(&l.text, matches!(l.form, Form::Heading(_))).is_some()
                || headings::division(&l.text).is_some()
                    && lines
                        .get(i + 1)
                        .is_some_and(|n| articles.contains_key(&n.span.start))
        });
        // Without articles, capitalised intertitles (two at least, the title aside) cut the
        // document into sections, so that it can still be compared.
        let intertitles: Vec<usize> = if articles.is_empty() {
            (1..lines.len())
                .filter(|i| is_intertitle(lines[*i], lines.get(i + 1).copied()))
                .collect()
        } else {
            Vec::new()
        };
        self.intertitles = intertitles.len() >= 2;
        let body_start = if !articles.is_empty() {
            first_unit.unwrap_or(lines.len())
        } else if self.intertitles {
            self.doc.diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "aucun article reconnu : le document est découpé selon ses intertitres",
                )
                .with_hint(
                    "un article commence par « Article 1er », « ARTICLE 2 » ou « 1. Objet »",
                ),
            );
            intertitles[0]
        } else {
            self.doc.diagnostics.push(
                Diagnostic::new(Severity::Error, "aucun article reconnu dans le document")
                    .with_hint(
                        "un article commence par « Article 1er », « ARTICLE 2 » ou « 1. Objet »",
                    ),
            );
            lines.len()
        };
        self.head(
            &lines[..body_start],
            !articles.is_empty() || self.intertitles,
        );
        self.body(&lines[body_start..], &articles);
    }

    /// Article headings of the document, by line start offset. When no « Article » heading
    /// exists, numbered headings (« 1. Objet », « II – Durée ») that count up from 1 are used.
    fn find_articles(&self, lines: &[&Line]) -> std::collections::BTreeMap<usize, ArticleHeading> {
        let mut found = std::collections::BTreeMap::new();
        for l in lines {
            if let Some(a) = headings::article(&l.text, matches!(l.form, Form::Heading(_))) {
                found.insert(l.span.start, a);
            }
        }
        if !found.is_empty() {
            return found;
        }
        let mut expected = 1;
        for l in lines {
            let top_level = match &l.form {
                Form::Plain | Form::Heading(_) => true,
                Form::Item { ordered, level, .. } => *ordered && *level == 0,
                _ => false,
            };
            if !top_level {
                continue;
            }
            if let Some(a) = headings::numbered(&l.text) {
                if number_value(&a.number) == Some(expected) {
                    found.insert(l.span.start, a);
                    expected += 1;
                }
            }
        }
        if found.len() >= 2 {
            return found;
        }
        found.clear();
        // Dotted section numbers (« 2.1 Stratégie », « 4.1.1 … »), table-of-contents entries
        // (same number, heading followed by a page number, met again later) left out.
        let mut sections: Vec<(usize, ArticleHeading, bool)> = Vec::new();
        for l in lines {
            if matches!(l.form, Form::Plain | Form::Heading(_)) {
                if let Some((a, page)) = headings::section(&l.text) {
                    sections.push((l.span.start, a, page));
                }
            }
        }
        for (i, (start, a, _)) in sections.iter().enumerate() {
            // A number met again later: this one was its entry in the table of contents.
            let listed_again = sections[i + 1..]
                .iter()
                .any(|(_, b, _)| b.number == a.number);
            if !listed_again {
                found.insert(*start, a.clone());
            }
        }
        if found.len() < 2 {
            found.clear();
        }
        found
    }

    // ----- head: title, en-tête, parties, visas, préambule -----

    fn head(&mut self, lines: &[&Line], has_articles: bool) {
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
        let visas = lines.iter().position(|l| headings::visa(&l.text));
        let pre = lines
            .iter()
            .position(|l| headings::preamble(&l.text) || headings::agreed(&l.text));
        let first_after = |start: usize| -> usize {
            [visas, pre]
                .into_iter()
                .flatten()
                .filter(|i| *i >= start)
                .min()
                .unwrap_or(lines.len())
        };
        let head_end = entre.unwrap_or_else(|| first_after(0));
        let head_end = head_end.min(lines.len());
        self.title_zone(&lines[..head_end]);
        let mut i = head_end;
        if let Some(e) = entre {
            let end = first_after(e + 1);
            self.parties(&lines[e..end]);
            i = end;
        }
        if let Some(v) = visas.filter(|v| *v >= i) {
            let end = [pre]
                .into_iter()
                .flatten()
                .filter(|p| *p > v)
                .min()
                .unwrap_or(lines.len());
            let end = end.max(v + 1);
            let vis = self.push_container(NodeKind::Visas, "visas", "", lines[v].span);
            for l in &lines[v..end] {
                self.leaf(vis, l);
            }
            i = end;
        }
        if i < lines.len() {
            let rest = &lines[i..];
            let has_heading = headings::preamble(&rest[0].text) || headings::agreed(&rest[0].text);
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
                let u = self.unclassified_node(rest[0].span);
                for l in rest {
                    self.content(u, l);
                }
            }
        }
    }

    fn title_zone(&mut self, lines: &[&Line]) {
        if lines.is_empty() {
            return;
        }
        let t = lines
            .iter()
            .position(|l| matches!(l.form, Form::Heading(1)) || headings::title(&l.text))
            .unwrap_or(0);
        if t > 0 {
            let e = self.push_container(NodeKind::EnTete, "en-tete", "", lines[0].span);
            for l in &lines[..t] {
                self.leaf(e, l);
            }
        }
        let title = self.push_container(NodeKind::Titre, "titre", &lines[t].text, lines[t].span);
        self.doc.node_mut(title).heading = Some(lines[t].text.clone());
        for l in &lines[t + 1..] {
            self.content(title, l);
        }
        self.table = None;
    }

    fn parties(&mut self, lines: &[&Line]) {
        let root_parties = self.push_container(NodeKind::Parties, "parties", "", lines[0].span);
        let mut current: Option<NodeId> = None;
        let mut count = 0;
        for l in lines {
            if let Some(rest) = headings::between(&l.text) {
                if rest.is_empty() {
                    self.leaf(root_parties, l);
                    current = None;
                    continue;
                }
            }
            if headings::and(&l.text) || headings::together(&l.text) {
                self.leaf(root_parties, l);
                current = None;
                continue;
            }
            if headings::part_end(&l.text) {
                // Closes the block it ends (or stands alone when no party is open).
                self.leaf(current.unwrap_or(root_parties), l);
                current = None;
                continue;
            }
            let party = match current {
                Some(p) => p,
                None => {
                    count += 1;
                    let key = format!("parties/partie-{count}");
                    let mut node = Node::new(NodeKind::Partie, key, "", l.span);
                    node.label = Some(count.to_string());
                    let id = self.doc.push(root_parties, node);
                    current = Some(id);
                    id
                }
            };
            self.leaf(party, l);
        }
        // Name and « ci-après dénommé(e) » names of each party.
        for pid in self.doc.children(root_parties).to_vec() {
            if self.doc.node(pid).kind != NodeKind::Partie {
                continue;
            }
            let texts: Vec<String> = self
                .doc
                .children(pid)
                .iter()
                .map(|c| self.doc.node(*c).text.clone())
                .collect();
            let first = texts.first().cloned().unwrap_or_default();
            let name = headings::between(&first).unwrap_or(&first);
            let name = name.strip_prefix("et ").unwrap_or(name).to_string();
            let name = name.trim_end_matches([',', ';', ' ']).to_string();
            let aliases = aliases(&texts);
            let short_name = pick_short_name(&name, &aliases);
            let heading = short_name.clone().unwrap_or_else(|| name.clone());
            let node = self.doc.node_mut(pid);
            node.heading = Some(heading);
            node.party = Some(Party {
                name,
                short_name,
                aliases,
            });
        }
    }

    // ----- body: articles, structures, signatures, annexes -----

    fn body(
        &mut self,
        lines: &[&Line],
        articles: &std::collections::BTreeMap<usize, ArticleHeading>,
    ) {
        let last_article = articles.keys().next_back().copied().unwrap_or(0);
        let mut zone = Zone::Body;
        let mut annex: Option<NodeId> = None;
        let mut signatures: Option<NodeId> = None;
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i];
            let md = matches!(l.form, Form::Heading(_));
            // Annexes: after the signatures, or after the last article.
            if zone != Zone::Body || l.span.start > last_article {
                if let Some(a) = headings::annex(&l.text)
                    .filter(|_| !matches!(l.form, Form::Row(_) | Form::Item { .. }))
                {
                    let (a, consumed) =
                        self.with_next_line_heading(lines, i, a.heading.is_none(), a);
                    let label = a.label.clone();
                    let key = match &label {
                        Some(n) => format!("annexe-{}", headings::slug(n)),
                        None => "annexe".to_string(),
                    };
                    let text = self.heading_text(lines, i, consumed);
                    let span = self.heading_span(lines, i, consumed);
                    let mut node = Node::new(NodeKind::Annexe, key, text, span);
                    node.label = label;
                    node.heading = a.heading;
                    let root = self.doc.root();
                    annex = Some(self.doc.push(root, node));
                    zone = Zone::Annex;
                    self.table = None;
                    i += consumed;
                    continue;
                }
            }
            match zone {
                Zone::Annex => {
                    if let Some(a) = annex {
                        self.content(a, l);
                    }
                }
                Zone::Signatures => {
                    if let Some(s) = signatures {
                        self.content(s, l);
                    }
                }
                Zone::Body => {
                    if !self.articles.is_empty()
                        && headings::signed(&l.text)
                        && l.span.start > last_article
                    {
                        let s = self.push_container(NodeKind::Signatures, "signatures", "", l.span);
                        self.leaf(s, l);
                        signatures = Some(s);
                        zone = Zone::Signatures;
                        self.table = None;
                    } else if let Some(a) = articles.get(&l.span.start) {
                        let (a, consumed) =
                            self.with_next_line_heading(lines, i, a.heading.is_none(), a.clone());
                        self.open_article(lines, i, consumed, a);
                        i += consumed;
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
                        self.open_structure(l, s.rank, &s.slug, Some(s.label), s.heading);
                    } else if let Some((label, heading)) =
                        headings::division(&l.text).filter(|_| {
                            lines
                                .get(i + 1)
                                .is_some_and(|n| articles.contains_key(&n.span.start))
                        })
                    {
                        // « II.-Engagements du bailleur » just before an article: a division.
                        let slug = headings::slug(&format!("division {label}"));
                        self.open_structure(l, 3, &slug, Some(label), Some(heading));
                    } else if let Some(sub) = self.sub_article_here(l) {
                        self.open_article(lines, i, 1, sub);
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

    /// When a heading has no words after its number and the next line is short, has no final
    /// punctuation and opens nothing, that line is the heading (« ARTICLE 1 » ⏎ « OBJET »).
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
        if let (Some(next), Some(_)) = (lines.get(i + 1), lines.get(i + 2)) {
            let t = &next.text;
            let words = t.split_whitespace().count();
            // « Objet de la convention. »: a short heading may end with a period, in the
            // style where the number line does too (« Article 1er. »).
            let period_ok = words <= 10 && lines[i].text.ends_with('.');
            if next.form == Form::Plain
                && words <= 12
                && !t.ends_with([';', ':', ','])
                && (!t.ends_with('.') || period_ok)
                && t.chars().next().is_some_and(char::is_uppercase)
                && !opens_unit(next)
                && !headings::signed(t)
            {
                h.set_heading(t.clone());
                return (h, 2);
            }
        }
        (h, 1)
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

    /// A « 5.1 Montant » line while article 5 (or 5.x) is open.
    fn sub_article_here(&self, l: &Line) -> Option<ArticleHeading> {
        if !matches!(l.form, Form::Plain | Form::Heading(_)) {
            return None;
        }
        let (open, _) = self.articles.first()?;
        let sub = headings::sub_article(&l.text)?;
        sub.number.starts_with(&format!("{open}.")).then_some(sub)
    }

    fn open_article(&mut self, lines: &[&Line], i: usize, consumed: usize, a: ArticleHeading) {
        self.table = None;
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
                .unwrap_or(self.doc.root()),
        };
        let text = self.heading_text(lines, i, consumed);
        let span = self.heading_span(lines, i, consumed);
        let mut node = Node::new(
            NodeKind::Article,
            format!("article-{}", a.number),
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
        while self.structures.last().is_some_and(|(r, _)| *r >= rank) {
            self.structures.pop();
        }
        let (parent, key) = match self.structures.last() {
            Some((_, id)) => (*id, format!("{}/{slug}", self.doc.node(*id).key)),
            None => (self.doc.root(), slug.to_string()),
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
        if let Some((_, id)) = self.articles.last() {
            return *id;
        }
        if let Some((_, id)) = self.structures.last() {
            return *id;
        }
        self.unclassified_node(span)
    }

    fn unclassified_node(&mut self, span: Span) -> NodeId {
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

    // ----- leaves -----

    fn push_container(&mut self, kind: NodeKind, key: &str, text: &str, span: Span) -> NodeId {
        self.table = None;
        let root = self.doc.root();
        self.doc.push(root, Node::new(kind, key, text, span))
    }

    /// Adds a line to a container: rows gather into a table, the rest are alinéas.
    fn content(&mut self, parent: NodeId, l: &Line) {
        if let Form::Row(cells) = &l.form {
            let table = match self.table {
                Some((t, p)) if p == parent => t,
                _ => {
                    let n = self.count(parent, NodeKind::Table) + 1;
                    let key = format!("{}/table-{n}", self.doc.node(parent).key);
                    let t = self
                        .doc
                        .push(parent, Node::new(NodeKind::Table, key, "", l.span));
                    self.table = Some((t, parent));
                    t
                }
            };
            let n = self.doc.children(table).len() + 1;
            let key = format!("{}/row-{n}", self.doc.node(table).key);
            let mut row = Node::new(NodeKind::Row, key, l.text.clone(), l.span);
            row.cells = cells.clone();
            row.label = Some(n.to_string());
            self.doc.push(table, row);
            let tnode = self.doc.node_mut(table);
            tnode.span = tnode.span.cover(l.span);
            return;
        }
        self.table = None;
        self.leaf(parent, l);
    }

    /// Adds an alinéa or a list item, numbered as légistique counts them.
    fn leaf(&mut self, parent: NodeId, l: &Line) {
        let n = self
            .doc
            .children(parent)
            .iter()
            .filter(|c| self.doc.node(**c).kind.is_alinea_like())
            .count()
            + 1;
        let key = format!("{}/al-{n}", self.doc.node(parent).key);
        let (kind, label, level) = match &l.form {
            Form::Item {
                marker,
                ordered,
                level,
            } => (NodeKind::Item, ordered.then(|| marker.clone()), *level),
            _ => (NodeKind::Alinea, None, 0),
        };
        let text = match &l.form {
            Form::Heading(_) | Form::Row(_) | Form::Note(_) | Form::Plain | Form::Item { .. } => {
                l.text.clone()
            }
        };
        let mut node = Node::new(kind, key, text, l.span);
        node.label = label;
        node.level = level;
        if let Form::Row(cells) = &l.form {
            node.cells = cells.clone();
        }
        self.doc.push(parent, node);
    }

    fn count(&self, parent: NodeId, kind: NodeKind) -> usize {
        self.doc
            .children(parent)
            .iter()
            .filter(|c| self.doc.node(**c).kind == kind)
            .count()
    }

    fn finish(mut self) -> Document {
        if !self.notes.is_empty() {
            let span = self
                .notes
                .iter()
                .map(|n| n.2)
                .reduce(Span::cover)
                .unwrap_or_default();
            let notes = self.push_container(NodeKind::Notes, "notes", "", span);
            for (label, text, span) in std::mem::take(&mut self.notes) {
                let mut node = Node::new(NodeKind::Note, format!("notes/note-{label}"), text, span);
                node.label = Some(label);
                self.doc.push(notes, node);
            }
        }
        link_note_calls(&mut self.doc);
        cover_children(&mut self.doc);
        self.doc
    }
}

/// An intertitle of a document without articles: a line starting a paragraph, in capitals
/// (« JE VEILLE AU BON EMBARQUEMENT »), or short, unpunctuated and followed by list items.
fn is_intertitle(line: &Line, next: Option<&Line>) -> bool {
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

fn number_value(n: &str) -> Option<u32> {
    if let Ok(v) = n.parse() {
        return Some(v);
    }
    roman_value(n)
}

/// Value of a Roman numeral (`IV` → 4).
pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
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

/// Makes every node's span cover its children's (children always come after their parent
/// in the arena, so one backward pass suffices).
fn cover_children(doc: &mut Document) {
    for i in (1..doc.nodes.len()).rev() {
        if let Some(parent) = doc.nodes[i].parent {
            if parent.index() != 0 {
                let span = doc.nodes[i].span;
                let p = &mut doc.nodes[parent.index()];
                p.span = p.span.cover(span);
            }
        }
    }
}

/// Links superscript footnote calls (`ANSSI¹`) to the notes they call.
fn link_note_calls(doc: &mut Document) {
    if doc.get("notes").is_none() {
        return;
    }
    for i in 0..doc.nodes.len() {
        if doc.nodes[i].kind == NodeKind::Note {
            continue;
        }
        let mut refs = Vec::new();
        let text = &doc.nodes[i].text;
        let mut run = String::new();
        let mut prev_char: Option<char> = None;
        let mut run_start_prev: Option<char> = None;
        for c in text.chars().chain(std::iter::once(' ')) {
            if is_superscript_digit(c) {
                if run.is_empty() {
                    run_start_prev = prev_char;
                }
                run.push(c);
            } else if !run.is_empty() {
                if run_start_prev.is_some_and(|p| !p.is_whitespace()) {
                    if let Some(n) = from_superscript(&run) {
                        let key = format!("notes/note-{n}");
                        if doc.get(&key).is_some() && !refs.contains(&key) {
                            refs.push(key);
                        }
                    }
                }
                run.clear();
            }
            prev_char = Some(c);
        }
        doc.nodes[i].note_refs = refs;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn doc(text: &str) -> Document {
        parse(Source {
            path: "t.md".into(),
            format: Format::Text,
            text: text.into(),
        })
    }

    fn top(d: &Document) -> Vec<String> {
        d.top_level()
            .iter()
            .map(|i| d.node(*i).key.clone())
            .collect()
    }

    const SMALL: &str = "Convention de partenariat\n\nEntre :\n\nL'État\n\nCi-après dénommé « l'État »,\n\nEt\n\nLa Ville de Lyon\n\nCi-après dénommée « la Ville »,\n\nVu le code général,\n\nPréambule\n\nLes parties veulent coopérer.\n\nIl a été convenu ce qui suit :\n\nArticle 1er : Objet\n\nLa présente convention a pour objet\n\nde définir la coopération.\n\n- un ;\n- deux.\n\nArticle 2 : Durée\n\n2.1 Durée initiale\n\nElle dure un an¹.\n\n¹ Note.\n\nFait à Paris, le 1er mars 2021\n\nPour l'État\n\nAnnexe 1 : Budget\n\nPoste\tMontant\nA\t10\n";

    #[test]
    fn small_convention() {
        let d = doc(SMALL);
        assert_eq!(
            top(&d),
            [
                "titre",
                "parties",
                "visas",
                "preambule",
                "article-1",
                "article-2",
                "signatures",
                "annexe-1",
                "notes"
            ]
        );
        let a1 = d.get("article-1").unwrap();
        assert_eq!(d.node(a1).label.as_deref(), Some("1er"));
        assert_eq!(d.node(a1).heading.as_deref(), Some("Objet"));
        let al1 = d.get("article-1/al-1").unwrap();
        assert_eq!(
            d.node(al1).text,
            "La présente convention a pour objet de définir la coopération."
        );
        assert_eq!(
            d.node(d.get("article-1/al-3").unwrap()).kind,
            NodeKind::Item
        );
        assert!(d.get("article-2.1").is_some());
        assert_eq!(d.parent(d.get("article-2.1").unwrap()), d.get("article-2"));
        let al = d.get("article-2.1/al-1").unwrap();
        assert_eq!(d.node(al).note_refs, ["notes/note-1"]);
        assert!(d.get("annexe-1/table-1/row-2").is_some());
        let parties = d.parties();
        assert_eq!(parties[0].name, "L'État");
        assert_eq!(parties[0].short_name.as_deref(), Some("l'État"));
        assert_eq!(parties[1].short_name.as_deref(), Some("la Ville"));
        assert!(!d.has_errors());
    }

    #[test]
    fn no_article_is_an_error_but_keeps_text() {
        let d = doc("Un texte\n\nsans article.\n\nAutre chose.");
        assert!(d.has_errors());
        let words: usize = d
            .nodes
            .iter()
            .map(|n| n.text.split_whitespace().count())
            .sum();
        assert_eq!(words, 6);
    }

    #[test]
    fn numbered_headings_without_article_word() {
        let d = doc("Charte du référent\n\n1. Objet\n\nLa charte fixe les règles.\n\n2. Engagements\n\nLe référent s'engage.");
        assert_eq!(top(&d), ["titre", "article-1", "article-2"]);
    }

    #[test]
    fn structures_nest() {
        let d = doc("# Code\n\n## Partie législative\n\n### Livre Ier : Un\n\n#### Article L1\n\nTexte.\n\n### Livre II : Deux\n\n#### Article L2\n\nTexte.");
        let l2 = d.get("article-L2").unwrap();
        assert_eq!(
            d.node(d.parent(l2).unwrap()).key,
            "partie-legislative/livre-ii"
        );
    }

    #[test]
    fn heading_on_next_line() {
        let d =
            doc("Convention\n\nARTICLE 1\n\nOBJET\n\nLe texte.\n\nARTICLE 2\n\nDURÉE\n\nUn an.");
        let a = d.node(d.get("article-1").unwrap());
        assert_eq!(a.heading.as_deref(), Some("OBJET"));
        assert_eq!(d.alineas(d.get("article-1").unwrap()).len(), 1);
    }

    #[test]
    fn divisions_and_period_headings() {
        let d = doc("Convention\n\nI.-Dispositions générales.\n\nArticle 1er.\n\nObjet de la convention.\n\nLe texte.\n\nII.-Engagements du bailleur.\n\nArticle 2.\n\nDurée.\n\nUn an.");
        assert_eq!(top(&d), ["titre", "division-i", "division-ii"]);
        let a1 = d.node(d.get("article-1").unwrap());
        assert_eq!(a1.heading.as_deref(), Some("Objet de la convention."));
        assert_eq!(
            d.node(d.get("division-ii").unwrap()).heading.as_deref(),
            Some("Engagements du bailleur.")
        );
    }

    #[test]
    fn parties_by_one_part_and_the_other() {
        let d = doc("Convention type\n\nL'État, représenté par le préfet,\n\nd'une part,\n\net la société X, représentée par M. Y,\n\nd'autre part,\n\nsont convenus de ce qui suit :\n\nArticle 1er : Objet\n\nTexte.");
        assert_eq!(top(&d), ["titre", "parties", "preambule", "article-1"]);
        let p = d.parties();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name, "L'État, représenté par le préfet");
        assert_eq!(p[1].name, "la société X, représentée par M. Y");
    }

    #[test]
    fn sections_without_articles() {
        let d = doc("Cahier des clauses techniques\n\nSOMMAIRE\n\n2.1 Stratégie 3\n\n2.2 Accord 4\n\n2.1 Stratégie\n\nTexte un.\n\n2.2 Accord\n\nTexte deux.\n\n2.2.1 Détail\n\nTexte trois.");
        assert_eq!(top(&d), ["titre", "article-2.1", "article-2.2"]);
        assert!(d.get("article-2.2.1").is_some());
        assert!(!d.has_errors());
        let d = doc("LA CHARTE DU RESPONSABLE\nAIDANTS CONNECT\n\nJe m'engage.\n\nJE VEILLE AU BON EMBARQUEMENT\nDES AIDANTS SUR L'OUTIL\n\n- J'active les cartes\n\nJE VEILLE A LA SÉCURITÉ\n\n- Je sensibilise");
        assert_eq!(
            top(&d),
            [
                "titre",
                "je-veille-au-bon-embarquement-des-aidants-sur-l-outil",
                "je-veille-a-la-securite"
            ]
        );
        assert!(!d.has_errors());
        assert_eq!(d.diagnostics[0].severity, Severity::Warning);
        let d = doc("LA CHARTE\n\nJE VEILLE\n\n- Je sensibilise les aidants\n(verrouiller l'ordinateur)\n- Je désactive\n\nJE SIGNALE\n\n- La perte");
        assert_eq!(d.alineas(d.get("je-veille").unwrap()).len(), 2);
        let d = doc("La charte du référent\n\nJe m'engage.\n\nJe veille au bon embarquement\n\n- J'active les cartes\n\nJe veille à la sécurité\n\n- Je sensibilise");
        assert_eq!(
            top(&d),
            [
                "titre",
                "je-veille-au-bon-embarquement",
                "je-veille-a-la-securite"
            ]
        );
    }

    #[test]
    fn a_lone_word_after_a_blank_line_is_not_a_continuation() {
        let d = doc("Convention\n\nArticle 1er : Objet\n\n- Je tiens à jour la liste\n\naidantsconnect.beta.gouv.fr\n\nmais une suite de phrase se rattache.");
        let texts: Vec<_> = d
            .alineas(d.get("article-1").unwrap())
            .iter()
            .map(|i| d.node(*i).text.clone())
            .collect();
        assert_eq!(
            texts,
            [
                "Je tiens à jour la liste",
                "aidantsconnect.beta.gouv.fr mais une suite de phrase se rattache."
            ]
        );
    }

    #[test]
    fn roman() {
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XII"), Some(12));
        assert_eq!(roman_value("ab"), None);
    }
}
