//! Walking the comparison unit by unit, and comparing a unit of the working copy with the
//! new version's (content lines, headings, quoted lines).

use super::*;

// ----- walking the comparison -----

pub(super) fn pair_kind(cmp: &Comparison, p: &PairDiff) -> NodeKind {
    p.new
        .map(|n| cmp.new.node(n).kind)
        .or(p.old.map(|o| cmp.old.node(o).kind))
        .unwrap_or(NodeKind::Unclassified)
}

/// The préambule, articles (sub-articles after their article), annexes and the body of a
/// document without articles, in order.
pub(super) fn collect_units<'a>(
    cmp: &Comparison,
    pairs: &'a [PairDiff],
    out: &mut Vec<&'a PairDiff>,
) {
    for p in pairs {
        match pair_kind(cmp, p) {
            NodeKind::Article => {
                out.push(p);
                collect_units(cmp, &p.children, out);
            }
            NodeKind::Annexe | NodeKind::Preambule | NodeKind::Corps => out.push(p),
            NodeKind::Structure => {
                // Its heading first (« L'intitulé du titre II »), then what it holds.
                out.push(p);
                collect_units(cmp, &p.children, out)
            }
            NodeKind::Document => collect_units(cmp, &p.children, out),
            _ => {}
        }
    }
}

// ----- articles with intertitles -----

impl Drafter<'_> {
    /// An article with intertitles (`article-3/adhesion`): `apply` counts the article's own
    /// alinéas only, so the alinéas under an intertitle are amended by words quoted at the
    /// article (« À l'article 5, les mots : « 1 mois » sont remplacés … »), each quotation
    /// widened until it is unique in the whole article. `Err` (the article rewritten whole)
    /// when the intertitles, the alinéas' kinds or their number differ, or an alinéa changes
    /// too much for words.
    pub(super) fn subdivided_fine(
        &mut self,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Result<Vec<Instruction>, String> {
        let cmp = self.cmp;
        let mut out = Vec::new();
        if shape(&self.w, o) != shape(&cmp.new, n) {
            out = self.intertitles_added(o, n, unit)?;
            if shape(&self.w, o) != shape(&cmp.new, n) {
                return Err("intertitles".into());
            }
        }
        let target = Target::unit(unit.clone());
        let leaves = leaves_through(&self.w, o);
        for (wl, nl) in leaves.into_iter().zip(leaves_through(&cmp.new, n)) {
            let (ot, nt) = (&self.w.node(wl).text, &cmp.new.node(nl).text);
            if text_key(ot) == text_key(nt) {
                continue;
            }
            if self.too_many(ot, nt) {
                return Err("too many".into());
            }
            out.extend(self.words(o, wl, nl, unit, &target)?);
        }
        Ok(out)
    }

    /// The unnumbered intertitles the new article `n` has and the old one `o` lacks, each
    /// inserted before the alinéa it opens, designated by its first words (« À l'article 3,
    /// avant l'alinéa commençant par les mots : « Les tarifs », il est inséré un intertitre
    /// ainsi rédigé : « Montants » »). `Err` unless the alinéas are as many on both sides and
    /// every old intertitle opens the same alinéa in the new version.
    fn intertitles_added(
        &mut self,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Result<Vec<Instruction>, String> {
        let new = &self.cmp.new;
        // (heading, index among the article's alinéas of the first one it holds).
        let titles = |doc: &Document, id: NodeId| -> Result<Vec<(String, usize)>, String> {
            let leaves = leaves_through(doc, id);
            let mut out = Vec::new();
            for c in doc.children(id) {
                let x = doc.node(*c);
                if x.kind != NodeKind::Structure {
                    continue;
                }
                if x.label.is_some() {
                    return Err("numbered sub-division".into());
                }
                let first = leaves_through(doc, *c)
                    .first()
                    .and_then(|f| leaves.iter().position(|l| l == f))
                    .ok_or("empty intertitle")?;
                out.push((x.heading.clone().unwrap_or_default(), first));
            }
            Ok(out)
        };
        let (old_titles, new_titles) = (titles(&self.w, o)?, titles(new, n)?);
        let leaves = leaves_through(&self.w, o);
        if leaves.len() != leaves_through(new, n).len() {
            return Err("alinéas".into());
        }
        let mut kept = old_titles.iter().peekable();
        let mut added = Vec::new();
        for (h, at) in &new_titles {
            match kept.peek() {
                Some((oh, oat)) if heading_key(Some(oh)) == heading_key(Some(h)) && oat == at => {
                    kept.next();
                }
                _ => added.push((h.clone(), leaves[*at])),
            }
        }
        if kept.next().is_some() || added.is_empty() {
            return Err("intertitles".into());
        }
        let mut out = Vec::new();
        for (heading, leaf) in added {
            let words = self
                .opening_words(o, leaf)
                .ok_or("no unique opening words")?;
            let ins = Instruction {
                target: Target::unit(unit.clone()).with_alinea_starting(&words),
                op: Op::InsertIntertitle { heading },
            };
            self.exec(&ins)?;
            out.push(ins);
        }
        Ok(out)
    }

    /// The fewest first words of the alinéa `leaf` (three at least, or all of them) that open
    /// no other alinéa of the unit `unit_id`, as `apply` finds « l'alinéa commençant par les
    /// mots : « … » ».
    fn opening_words(&self, unit_id: NodeId, leaf: NodeId) -> Option<String> {
        let leaves = leaves_through(&self.w, unit_id);
        let texts: Vec<&str> = leaves
            .iter()
            .map(|l| self.w.node(*l).text.as_str())
            .collect();
        opening_words_among(&texts, leaves.iter().position(|l| *l == leaf)?)
    }

    /// The old article `o` as the act names it: « l'article 2 », or « l'article 2 du titre 1 »
    /// when articles are numbered again in each division (the parser's key then names the
    /// division, `titre-1/article-2`), its division named so that no other answers to it.
    pub(super) fn article_unit(&self, o: NodeId) -> Unit {
        let label = self.label(o);
        let w = &self.w;
        // An article whose number the text does not write (« ## Objet »): named by its
        // heading, when no other article of the working copy has it.
        if let Some((heading, rank)) = titled_heading(w, o) {
            return Unit::TitledArticle { heading, rank };
        }
        let numbered_again = w.node(o).key.contains("/article-")
            && w.parent(o)
                .is_some_and(|p| w.node(p).kind == NodeKind::Structure);
        let division = numbered_again
            .then(|| w.parent(o))
            .flatten()
            .and_then(|p| crate::avenant::apply::unique_division_name(w, p));
        match division {
            Some(d) => Unit::article(&format!("{label} {}", formules::of_division(&d))),
            None => Unit::article(&label),
        }
    }

    /// Whether `words` occur once in all the unit's texts (as `apply` searches the unit).
    pub(super) fn unique_in_unit(&self, unit_id: NodeId, words: &str) -> bool {
        self.unit_texts(unit_id)
            .iter()
            .map(|(_, t)| occurrences(t, words).len())
            .sum::<usize>()
            == 1
    }
}

/// The heading that names the article `o` of `doc` when its number is not written and no other
/// article has that heading (as `apply` finds it: case and final punctuation aside).
pub(super) fn titled_heading(doc: &Document, o: NodeId) -> Option<(String, Option<u32>)> {
    let node = doc.node(o);
    if !node.number_is_implicit() {
        return None;
    }
    let heading = node.heading.clone()?;
    let key = heading_key(Some(&heading));
    let same: Vec<NodeId> = doc
        .descendants(doc.root())
        .into_iter()
        .filter(|id| {
            let n = doc.node(*id);
            n.kind == NodeKind::Article && heading_key(n.heading.as_deref()) == key
        })
        .collect();
    // Several so titled: named by which one it is, in document order (« le deuxième article
    // intitulé « Bureau » »), as `apply` counts them.
    let rank = match same.iter().position(|id| *id == o)? {
        _ if same.len() == 1 => None,
        i => Some(i as u32 + 1),
    };
    Some((heading, rank))
}

// ----- comparing units -----

/// A text as the diff compares it: capital accents are cosmetic.
pub(super) fn text_key(s: &str) -> String {
    crate::diff::fold_capital_accents(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

pub(super) fn heading_key(h: Option<&str>) -> String {
    crate::text::heading_key(h.unwrap_or(""))
}

/// The content of a unit's own children (sub-articles excluded), with what its
/// sub-divisions hold, as compared.
pub(super) fn content(doc: &Document, id: NodeId) -> Vec<String> {
    content_to(doc, id, false)
}

/// [`same_unit`] for an article: what its sub-divisions hold is compared too (a change in
/// the 14° under the « II » of an article, or in the a) under its 1°, is a change of that
/// article, which [`content`] sees only as the sub-division's heading line).
pub(super) fn same_article(w: &Document, wid: NodeId, new: &Document, nid: NodeId) -> bool {
    heading_key(w.node(wid).heading.as_deref()) == heading_key(new.node(nid).heading.as_deref())
        && content_to(w, wid, true) == content_to(new, nid, true)
}

/// [`content`], with what each sub-division holds after its heading line when `deep`.
fn content_to(doc: &Document, id: NodeId, deep: bool) -> Vec<String> {
    let mut out = Vec::new();
    for c in doc.children(id) {
        let n = doc.node(*c);
        match n.kind {
            NodeKind::Article => {}
            NodeKind::Table => {
                out.push("table".into());
                for r in doc.children(*c) {
                    let cells: Vec<String> =
                        doc.node(*r).cells().iter().map(|x| text_key(x)).collect();
                    out.push(format!("row {}", cells.join(" | ")));
                }
            }
            // A sub-division's heading line (its label and its heading as compared), then
            // what it holds: an intertitle's alinéas are the article's; when `deep`, what it
            // holds is closed by an end line, so a line moved across its end is a change.
            NodeKind::Structure => {
                out.push(format!(
                    "structure {} {:?} {}",
                    n.level,
                    n.label,
                    heading_key(n.heading.as_deref())
                ));
                out.extend(content_to(doc, *c, deep));
                if deep {
                    out.push("end".into());
                }
            }
            k => out.push(format!(
                "{} {} {:?} {}",
                k.as_str(),
                n.level,
                n.label,
                text_key(&n.text)
            )),
        }
    }
    out
}

pub(super) fn same_unit(w: &Document, wid: NodeId, new: &Document, nid: NodeId) -> bool {
    heading_key(w.node(wid).heading.as_deref()) == heading_key(new.node(nid).heading.as_deref())
        && content(w, wid) == content(new, nid)
}

pub(super) fn has_sub_articles(doc: &Document, id: NodeId) -> bool {
    doc.children(id)
        .iter()
        .any(|c| doc.node(*c).kind == NodeKind::Article)
}

/// Whether the unit holds sub-divisions of its own (an intertitle under an article,
/// `article-3/adhesion`), whose alinéas `apply` does not count among the unit's.
pub(super) fn has_subdivisions(doc: &Document, id: NodeId) -> bool {
    doc.children(id)
        .iter()
        .any(|c| doc.node(*c).kind == NodeKind::Structure)
}

/// The alinéas of a unit read through its sub-divisions, in order (sub-articles excluded).
pub(super) fn leaves_through(doc: &Document, id: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    for c in doc.children(id) {
        match doc.node(*c).kind {
            NodeKind::Structure => out.extend(leaves_through(doc, *c)),
            k if k.is_alinea_like() => out.push(*c),
            _ => {}
        }
    }
    out
}

/// A unit's content with the alinéas' words left out: two units of the same shape have the
/// same sub-divisions, tables and alinéas of the same kinds, only their words differ.
pub(super) fn shape(doc: &Document, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for c in doc.children(id) {
        let n = doc.node(*c);
        match n.kind {
            NodeKind::Structure => {
                out.push(format!(
                    "structure {} {:?} {}",
                    n.level,
                    n.label,
                    heading_key(n.heading.as_deref())
                ));
                out.extend(shape(doc, *c));
            }
            k if k.is_alinea_like() => {
                out.push(format!("{} {} {:?}", k.as_str(), n.level, n.label))
            }
            // Sub-articles are units of their own; anything else (tables) compared whole.
            NodeKind::Article => {}
            _ => out.extend(leaf_shape(doc, *c)),
        }
    }
    out
}

/// A child that is neither an alinéa nor a sub-division, as compared whole.
fn leaf_shape(doc: &Document, id: NodeId) -> Vec<String> {
    let n = doc.node(id);
    let mut out = vec![format!("{} {}", n.kind.as_str(), text_key(&n.text))];
    for r in doc.children(id) {
        let cells: Vec<String> = doc.node(*r).cells().iter().map(|x| text_key(x)).collect();
        out.push(format!("row {}", cells.join(" | ")));
    }
    out
}

pub(super) fn has_table(doc: &Document, id: NodeId) -> bool {
    doc.children(id)
        .iter()
        .any(|c| doc.node(*c).kind == NodeKind::Table)
}

/// A leaf as quoted in the avenant: bullets with « – », rows as `| a | b |`.
pub(super) fn leaf_line(doc: &Document, id: NodeId) -> String {
    let n = doc.node(id);
    match n.kind {
        // Nested, with its level (quoted « • », « ◦ » by the wording).
        NodeKind::Item if n.label.is_none() => formules::nested_item_line(n.level, &n.text),
        // A pipe inside a cell (a template's `{{ x|f }}`) is escaped, so that the row is split
        // back at its own separators only.
        NodeKind::Row => collapse(&format!(
            "| {} |",
            n.cells()
                .iter()
                .map(|c| c.replace('|', "\\|"))
                .collect::<Vec<_>>()
                .join(" | ")
        )),
        _ => n.text.clone(),
    }
}

/// The lines of a unit's own content (sub-articles excluded), tables as rows.
pub(super) fn unit_lines(doc: &Document, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for c in doc.children(id) {
        match doc.node(*c).kind {
            NodeKind::Article => {}
            NodeKind::Table => out.extend(doc.children(*c).iter().map(|r| leaf_line(doc, *r))),
            // A sub-division (« I bis. Désignation… », « 1° … »): its heading line, then
            // what it holds.
            NodeKind::Structure => {
                out.push(leaf_line(doc, *c));
                out.extend(unit_lines(doc, *c));
            }
            _ => out.push(leaf_line(doc, *c)),
        }
    }
    out
}

/// The first words (three at least) of the `i`-th of `texts` that open no other of them: how
/// `apply` finds « l'alinéa commençant par les mots : « … » ».
pub(super) fn opening_words_among(texts: &[&str], i: usize) -> Option<String> {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = flat(texts.get(i)?);
    let words: Vec<&str> = text.split(' ').collect();
    let others: Vec<String> = texts
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != i)
        .map(|(_, t)| flat(t))
        .collect();
    (words.len().min(3)..=words.len()).find_map(|k| {
        let start = words[..k].join(" ");
        (!others.iter().any(|x| x.starts_with(&start))).then_some(start)
    })
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

pub(super) fn value_type(c: &WordChange) -> Option<ValueType> {
    if c.old.is_empty() || c.new.is_empty() {
        return None;
    }
    typed_noun(c.value_type)
}

/// The légistique noun of a diff value type (la date, le montant…), none for plain words.
pub(super) fn typed_noun(vt: crate::diff::ValueType) -> Option<ValueType> {
    use crate::diff::ValueType as V;
    match vt {
        V::Text | V::Party | V::Reference => None,
        V::Date => Some(ValueType::Date),
        V::Amount => Some(ValueType::Montant),
        V::Number => Some(ValueType::Nombre),
        V::Duration => Some(ValueType::Duree),
        V::Percent => Some(ValueType::Taux),
    }
}
