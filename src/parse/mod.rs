//! Parse stage: [`Normalised`] lines → [`Document`] tree (title, parties, visas, préambule,
//! articles, annexes, signatures, notes). It never reads files and never drops text: what it
//! cannot classify becomes an `unclassified` node with a diagnostic.

mod articles;
mod body;
mod continuations;
mod head;
pub mod headings;
pub(crate) mod keys;
mod leaves;
mod numbering;
mod subdivisions;
mod toc;

pub use articles::roman_value;
pub(crate) use head::describe_party;
pub(crate) use leaves::link_note_calls;

use crate::model::{Diagnostic, Document, Format, NodeId, NodeKind, Severity, Source, Span};
use crate::normalise::{self, Form, Line, Normalised};
use body::is_intertitle;
use continuations::join_continuations;

/// The sub-division headings (« I. Nom… », « 1° Désignation », « A.-Locaux… ») among the lines
/// of one unit's text, as the parser finds them: (line index, label, heading, depth from 1).
/// `apply` nests a unit quoted whole the way a reading of it would.
pub(crate) fn sub_headings_of(
    lines: &[Line],
    article: bool,
) -> Vec<(usize, String, String, usize)> {
    let refs: Vec<&Line> = lines.iter().collect();
    let mut out: Vec<(usize, String, String, usize)> = subdivisions::find(&refs, article)
        .into_iter()
        .map(|(i, s)| (i, s.label, s.heading, s.level))
        .collect();
    out.sort();
    out
}

/// Reads a source into its tree: normalise, then parse.
pub fn parse(source: Source) -> Document {
    let normalised = normalise::normalise(&source);
    parse_normalised(source, normalised)
}

/// Reads a source into its tree like [`parse`], but gives the decoded text back as soon as it
/// is normalised: the document keeps only its tree (`source.text` is empty and
/// [`Document::source_text`] gives ""; spans still say where each node stood). For a caller
/// that holds two large texts and reads only their nodes, as `diff` does: the text is not held
/// through the parse and after it (6 MB for each side of the Code du travail pair). Such a
/// tree is read, not edited: its index by key is given back (built again by the first
/// [`Document::get`]).
pub fn parse_tree(source: Source) -> Document {
    let normalised = normalise::normalise(&source);
    let mut doc = Document::new(source);
    // The parser reads the lines, never the text (the root's span was taken from it above).
    doc.source.text = String::new();
    let mut doc = build(doc, normalised);
    doc.release_key_index();
    doc
}

/// Builds the tree from lines already normalised.
pub fn parse_normalised(source: Source, normalised: Normalised) -> Document {
    build(Document::new(source), normalised)
}

/// Builds the tree of `doc` (its root alone) from its normalised lines.
fn build(doc: Document, normalised: Normalised) -> Document {
    let lines = join_continuations(normalised.lines);
    let mut b = Builder::new(doc);
    // About one node per line: the arena is sized once rather than doubled up to twice the
    // size it needs (its unused tail is given back in `finish`).
    b.doc.nodes.reserve(lines.len() + 16);
    b.run(&lines);
    let mut lines = lines;
    b.take_texts(&mut lines);
    drop(lines);
    let mut doc = b.finish();
    numbering::remark(&mut doc);
    doc
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
    /// The annex being filled, whose articles are its own.
    annex: Option<NodeId>,
    /// Open sub-divisions of the current article or annex (« 1° », « A. »…): (level, node).
    subdivisions: Vec<(usize, NodeId)>,
    /// The document is cut by capitalised intertitles (it has no article).
    intertitles: bool,
    /// Articles are numbered from 1 again in each Titre (Chapitre…): their keys name the
    /// structure holding them (`titre-3/article-3`).
    scoped_articles: bool,
    /// The document writes its article headings on the line after their bare labels, some
    /// long ([`body::headings_on_next_line`]).
    long_headings: bool,
    /// The titles a table of contents lists ([`toc::titles`]): body lines worded so are
    /// headings.
    toc_titles: std::collections::HashSet<String>,
    /// Per container: (children seen, alinéa-like children, tables), kept up to date lazily.
    /// (Indexed by node; `u32` counts, as node ids are.)
    tallies: Vec<[u32; 3]>,
    /// The lines being read (address of the first, count), so that a leaf made of one of them
    /// takes its text when the reading is over instead of a copy ([`Builder::text_from`]).
    lines_at: (usize, usize),
    /// Per line being read: the leaf that takes its text once the reading is over.
    text_owner: Vec<Option<NodeId>>,
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
            annex: None,
            subdivisions: Vec::new(),
            intertitles: false,
            scoped_articles: false,
            long_headings: false,
            toc_titles: std::collections::HashSet::new(),
            tallies: Vec::new(),
            lines_at: (0, 0),
            text_owner: Vec::new(),
        }
    }

    fn run(&mut self, all: &[Line]) {
        self.lines_at = (all.as_ptr() as usize, all.len());
        self.text_owner = vec![None; all.len()];
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
        // Tables of contents leave the flow too: their entries are not the articles.
        let toc = toc::toc_lines(&lines);
        let mut toc_block: Vec<&Line> = Vec::new();
        if !toc.is_empty() {
            let mut keep = Vec::with_capacity(lines.len());
            let mut t = toc.iter().peekable();
            for (i, l) in lines.into_iter().enumerate() {
                if t.peek() == Some(&&i) {
                    t.next();
                    toc_block.push(l);
                } else {
                    keep.push(l);
                }
            }
            lines = keep;
        }
        self.toc_titles = toc::titles(&toc_block);
        let mut articles = self.find_articles(&lines);
        if articles.is_empty() {
            // No numbered article: unnumbered Markdown headings (« ## Siège »), three at least
            // at one level, are the articles, numbered in order.
            articles = articles::implicit_articles(&lines);
            if let Some(level) = lines
                .iter()
                .find(|l| articles.contains_key(&l.span.start))
                .and_then(|l| match l.form {
                    Form::Heading(level) => Some(level),
                    _ => None,
                })
            {
                self.doc.diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        format!(
                            "aucun article numéroté : les {} intertitres {} sont lus comme des articles, numérotés dans l'ordre (numéros implicites)",
                            articles.len(),
                            // The Markdown syntax only where the input is written with it.
                            if self.doc.source.format == Format::Text {
                                format!("« {} »", "#".repeat(usize::from(level)))
                            } else {
                                format!("de niveau {level}")
                            },
                        ),
                    )
                    .with_hint(
                        "un article commence par « Article 1er », « ARTICLE 2 » ou « 1. Objet »",
                    ),
                );
            }
        }
        let first_unit = lines.iter().enumerate().position(|(i, l)| {
            articles.contains_key(&(l.span.start))
                || !articles.is_empty() && self.toc_heading(l)
                || headings::is_structure(&l.text, matches!(l.form, Form::Heading(_)))
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
        } else if self.articleless(&lines) {
            // Title, parties, body and signatures are read; nothing is left for the body.
            self.place_toc_block(toc_block);
            self.place_toc();
            return;
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
        self.place_toc_block(toc_block);
        self.body(&lines[body_start..], &articles);
        self.place_toc();
    }

    /// The « sommaire » lines kept out of the flow, as their own block.
    fn place_toc_block(&mut self, toc_block: Vec<&Line>) {
        if let Some(first) = toc_block.first() {
            let s = self.push_container(NodeKind::Unclassified, "sommaire", "", first.span);
            for l in toc_block {
                self.content(s, l);
            }
            self.table = None;
        }
    }

    /// The `sommaire` block, built apart, goes back where it stands in the document: before
    /// the first top-level unit that starts after it.
    fn place_toc(&mut self) {
        let Some(s) = self.doc.get("sommaire") else {
            return;
        };
        let start = self.doc.node(s).span.start;
        let root = self.doc.root();
        let mut top: Vec<NodeId> = self.doc.children(root).to_vec();
        top.retain(|c| *c != s);
        let at = top
            .iter()
            .position(|c| self.doc.node(*c).span.start > start)
            .unwrap_or(top.len());
        top.insert(at, s);
        self.doc.node_mut(root).children = top;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, NodeKind};

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

    #[test]
    fn unnumbered_markdown_headings_are_implicit_articles() {
        // A charte of one body: its only structure is `###` headings (finding 2, second
        // document besides the Mes Aides statuts).
        let d = doc("# Charte du jardin partagé\n\n\
            ### Objet :\n\nLa présente charte règle l'usage du jardin.\n\n\
            ### Accès\n\nLe jardin est ouvert du lundi au samedi.\n\n\
            ### Outils\n\nLes outils sont rangés après usage.\n\nIls restent au jardin.\n");
        assert_eq!(top(&d), ["titre", "article-1", "article-2", "article-3"]);
        let a1 = d.get("article-1").unwrap();
        assert_eq!(d.node(a1).heading.as_deref(), Some("Objet"));
        assert_eq!(d.node(a1).label.as_deref(), Some("1"));
        let al = d.get("article-3/al-2").unwrap();
        assert_eq!(d.node(al).text, "Ils restent au jardin.");
        let warnings: Vec<&str> = d
            .diagnostics
            .iter()
            .filter(|x| x.message.contains("numéros implicites"))
            .map(|x| x.message.as_str())
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("les 3 intertitres « ### »"),
            "{warnings:?}"
        );
        // A Word file's headings are styles, not « ### » (blind2 finding 17).
        let d = parse(Source {
            path: "t.docx".into(),
            format: Format::Docx,
            text: "# Charte\n\n### Objet\n\nUn.\n\n### Accès\n\nDeux.\n\n### Outils\n\nTrois.\n"
                .into(),
        });
        let warning = d
            .diagnostics
            .iter()
            .find(|x| x.message.contains("numéros implicites"))
            .map(|x| x.message.as_str());
        assert_eq!(
            warning,
            Some("aucun article numéroté : les 3 intertitres de niveau 3 sont lus comme des articles, numérotés dans l'ordre (numéros implicites)")
        );
    }

    #[test]
    fn two_unnumbered_sections_with_their_text_are_articles() {
        // Blind2 finding 5: a règlement of two sections is two units (its next version, of
        // four, has four), whether or not a `#` title stands above them.
        for text in [
            "# Règlement\n\n## Cotisation\n\nLe montant est fixé à 20 €.\n\n## Réunion\n\nLe bureau se réunit.\n",
            "## Cotisation\n\nLe montant est fixé à 20 €.\n\n## Réunion\n\n### Lieu\n\nLe bureau se réunit.\n",
        ] {
            let d = doc(text);
            let keys: Vec<String> = d.articles().iter().map(|a| d.node(*a).key.clone()).collect();
            assert_eq!(keys, ["article-1", "article-2"], "{text}");
            assert_eq!(
                d.node(d.get("article-1").unwrap()).heading.as_deref(),
                Some("Cotisation")
            );
            assert!(d
                .diagnostics
                .iter()
                .any(|x| x.message.contains("les 2 intertitres")));
        }
        // Two headings, one of them bare, are no clauses.
        let d = doc("# Note\n\n## Contexte\n\n## Suite\n\nUn autre texte.\n\nEt un autre.\n");
        assert!(d.articles().is_empty());
        assert!(!d
            .diagnostics
            .iter()
            .any(|x| x.message.contains("numéros implicites")));
    }

    #[test]
    fn numbered_sections_skip_a_few_numbers() {
        // Blind2 finding 9: the Renn.es statuts go from « ## 15. » to « ## 17. »; finding 23:
        // the démarches-simplifiées CGU's body starts at « ## 2 . » once its « 1. Sommaire »
        // of links is set aside.
        let d = doc("# Statuts\n\n## 1. Objet\n\nTexte.\n\n## 2. Siège\n\nParis.\n\n## 4. Durée\n\nIllimitée.\n");
        let keys: Vec<String> = d
            .articles()
            .iter()
            .map(|a| d.node(*a).key.clone())
            .collect();
        assert_eq!(keys, ["article-1", "article-2", "article-4"]);
        let d = doc("# CGU\n\n## 1. Sommaire\n\n## [2. Objet](cgu.md#\\_toc1)\n\n## [3. Durée](cgu.md#\\_toc2)\n\n## 2 . Objet\n\nTexte.\n\n## 3 . Durée\n\nUn an.\n");
        assert_eq!(top(&d), ["titre", "sommaire", "article-2", "article-3"]);
        assert_eq!(
            d.node(d.get("article-2").unwrap()).heading.as_deref(),
            Some("Objet")
        );
        // A plain line, or a heading of another level, does not skip: « 5. Les membres » in
        // an article's text is no section.
        // Read back from its Markdown rendering, where the entries are paragraphs: « a. Présentation
        // … » after « 4. Rôle … (cgu.md#_toc4) » is an entry of its own, not that line's tail.
        let d = doc("# CGU\n\nSommaire\n\n4\\. Rôle (cgu.md#\\_toc4)\n\na. Présentation (cgu.md#\\_toc5)\n\nb. Garanties (cgu.md#\\_toc6)\n\n## 4 . Rôle\n\nTexte.\n\n## 5 . Fin\n\nFin.\n");
        assert_eq!(d.alineas(d.get("sommaire").unwrap()).len(), 4);
        let d =
            doc("Statuts\n\n1. Objet\n\nTexte.\n\n2. Siège\n\nParis.\n\n4. Durée\n\nIllimitée.\n");
        assert!(d.get("article-4").is_none());
        let d = doc("# Statuts\n\n## 1. Objet\n\nTexte.\n\n## 2. Siège\n\n### 4. Annexe\n\nIllimitée.\n\n## 9. Fin\n\nFin.\n");
        let keys: Vec<String> = d
            .articles()
            .iter()
            .map(|a| d.node(*a).key.clone())
            .collect();
        assert_eq!(keys, ["article-1", "article-2"]);
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
        assert_eq!(d.node(al).note_refs(), ["notes/note-1"]);
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
    fn the_heading_over_the_articles_is_the_title() {
        // A `#` list before the document's own `#` title: en-tête, not title.
        let d = doc("# Les membres du bureau\n\n- Président : A\n- Trésorier : B\n\n# Les statuts de l'association\n\n## Article 1 - Objet\n\nTexte.\n\n## Article 2 - Durée\n\nUn an.");
        assert_eq!(top(&d), ["en-tete", "titre", "article-1", "article-2"]);
        let t = d.node(d.get("titre").unwrap());
        assert_eq!(t.heading.as_deref(), Some("Les statuts de l'association"));
        // A title and its sub-title, both `#`: the first is the title.
        let d =
            doc("# Convention de partenariat\n\n# Année 2024\n\n## Article 1 - Objet\n\nTexte.");
        let t = d.node(d.get("titre").unwrap());
        assert_eq!(t.heading.as_deref(), Some("Convention de partenariat"));
    }

    #[test]
    fn an_article_continued_after_a_page_break_is_the_same_article() {
        // « Article 2 : Durée (suite) »: article 2 goes on (its sub-articles too), no `article-2~2`.
        let d = doc("Convention\n\nArticle 1 : Objet\n\nTexte.\n\nArticle 2 : Durée\n\nUn an.\n\n2.1 Renouvellement\n\nTacite.\n\nArticle 2 : Durée (suite)\n\nPuis deux ans.\n\n2.2 Résiliation\n\nUn mois.\n\nArticle 3 : Prix\n\nDix euros.");
        assert_eq!(top(&d), ["titre", "article-1", "article-2", "article-3"]);
        let suite = d.get("article-2/suite").unwrap();
        assert_eq!(d.alineas(suite).len(), 1);
        let r = d.get("article-2.2").unwrap();
        assert_eq!(d.node(d.parent(r).unwrap()).key, "article-2");
        // A « (suite) » of no article before is an article.
        let d =
            doc("Convention\n\nArticle 1 : Objet (suite)\n\nTexte.\n\nArticle 2 : Durée\n\nUn an.");
        assert_eq!(top(&d), ["titre", "article-1", "article-2"]);
    }

    #[test]
    fn division_name_on_next_line() {
        // « TITRE Ier » ⏎ « CONSTITUTION »: the division's name, not its first alinéa; a
        // sentence after a bare « Chapitre 2 » stays an alinéa.
        let d = doc("Statuts\n\nTITRE Ier\n\nCONSTITUTION\n\nArticle 1er\n\nTexte.\n\nChapitre 2\n\nDispositions finales\n\nArticle 2\n\nUn an.\n\nCHAPITRE 3\n\nLe présent chapitre est vide.\n\nArticle 3\n\nDeux ans.");
        let t = d.node(d.get("titre-ier").unwrap());
        assert_eq!(t.heading.as_deref(), Some("CONSTITUTION"));
        assert!(d.alineas(d.get("titre-ier").unwrap()).is_empty());
        let c = d.node(d.get("titre-ier/chapitre-2").unwrap());
        assert_eq!(c.heading.as_deref(), Some("Dispositions finales"));
        let c3 = d.get("titre-ier/chapitre-3").unwrap();
        assert_eq!(d.node(c3).heading, None);
        assert_eq!(d.alineas(c3).len(), 1);
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
        // The « SOMMAIRE » block is kept out of the body.
        assert_eq!(top(&d), ["titre", "sommaire", "article-2.1", "article-2.2"]);
        assert!(d.get("article-2.2.1").is_some());
        assert!(!d.has_errors());
        let d = doc("LA CHARTE DU RESPONSABLE\nAIDANTS CONNECT\n\nJe m'engage.\n\nJE VEILLE AU BON EMBARQUEMENT\nDES AIDANTS SUR L'OUTIL\n\n- J'active les cartes\n\nJE VEILLE A LA SÉCURITÉ\n\n- Je sensibilise");
        assert_eq!(
            top(&d),
            [
                "titre",
                "preambule",
                "je-veille-au-bon-embarquement-des-aidants-sur-l-outil",
                "je-veille-a-la-securite"
            ]
        );
        // « Je m'engage. » under the title: the charter's chapeau, read as its préambule.
        assert_eq!(d.alineas(d.get("preambule").unwrap()).len(), 1);
        assert!(!d.has_errors());
        assert_eq!(d.diagnostics[0].severity, Severity::Warning);
        let d = doc("LA CHARTE\n\nJE VEILLE\n\n- Je sensibilise les aidants\n(verrouiller l'ordinateur)\n- Je désactive\n\nJE SIGNALE\n\n- La perte");
        assert_eq!(d.alineas(d.get("je-veille").unwrap()).len(), 2);
        // Past a blank line, a parenthesis opening a paragraph is an alinéa of its own
        // (blind finding 26; the esup notice's « (demande de rajout …) précisez … »).
        let d = doc("Article 1er – Créneaux\n\nCréneaux attribués pour la période\n\n(hors vacances scolaires et jours fériés)\n\nArticle 2 – Durée\n\nDurée en heures\n\n\n(demande de rajout d'une ligne) précisez le cas échéant\n");
        assert_eq!(d.alineas(d.get("article-1").unwrap()).len(), 2);
        assert_eq!(d.alineas(d.get("article-2").unwrap()).len(), 2);
        // But a sentence cut by blank lines goes on through its parenthesis (« … de
        // l'article (ou les articles) de la loi … »), and « il est convenu ce qui suit : »
        // after a visa ending in a comma is not that visa's tail (blind2, convention type 2005).
        let d = doc("Article 1er\n\nEn application de l'article\n\n(ou les articles) de la loi du 13 août 2004, il est convenu.\n\nArticle 2\n\nFin.\n");
        assert_eq!(d.alineas(d.get("article-1").unwrap()).len(), 1);
        let d = doc("Entre\n\nL'Etat, d'une part,\n\nEt le département, d'autre part,\n\nVu la loi n° 2004-809 ;\n\nVu l'avis du comité en date du ,\n\nil est convenu ce qui suit :\n\nArticle 1er\n\nTexte.\n");
        assert_eq!(d.alineas(d.get("visas").unwrap()).len(), 2);
        let d = doc("La charte du référent\n\nJe m'engage.\n\nJe veille au bon embarquement\n\n- J'active les cartes\n\nJe veille à la sécurité\n\n- Je sensibilise");
        assert_eq!(
            top(&d),
            [
                "titre",
                "preambule",
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
    fn label_forms_sub_numbering_notes_and_divisions() {
        let d = doc("Convention\n\nArticle 1er.\n\nObjet\n\nLe texte.\n\nNota : Ce texte est modifié.\n\nArticle 2 (nouveau)\n\nTexte deux.\n\n2. 1. Montant\n\nTexte.\n\n2-2 Durée\n\nTexte.\n\nNOTA :\n\nUne note.\n\nArt. 3 – Durée\n\nTexte.\n\nTitre II bis : Dispositions\n\nArticle 9 ter\n\nTexte.\n\nTitre premier\n\nArticle 10\n\nTexte.\n");
        assert_eq!(
            top(&d),
            [
                "titre",
                "article-1",
                "article-2",
                "article-3",
                "titre-ii-bis",
                "titre-premier"
            ]
        );
        assert_eq!(
            d.node(d.get("article-1").unwrap()).heading.as_deref(),
            Some("Objet")
        );
        // The « Nota » stays an alinéa of its article; it opens nothing.
        assert_eq!(d.alineas(d.get("article-1").unwrap()).len(), 2);
        assert!(d.get("article-2.1").is_some() && d.get("article-2.2/al-3").is_some());
        assert_eq!(
            d.node(d.get("article-2.2").unwrap()).label.as_deref(),
            Some("2-2")
        );
        let parent_key = |k: &str| d.node(d.parent(d.get(k).unwrap()).unwrap()).key.clone();
        assert_eq!(parent_key("article-9-ter"), "titre-ii-bis");
        assert_eq!(parent_key("article-10"), "titre-premier");
    }

    #[test]
    fn annexes_own_their_articles_after_the_signatures_or_restarting_at_one() {
        let d = doc("Convention\n\nArticle 1er : Objet\n\nLe texte.\n\nArticle 2 : Durée\n\nUn an.\n\nFait à Paris, le 3 mai 2024, en deux exemplaires originaux.\n\nPour l'État,\n\nLe préfet\n\nAnnexe 1 : Règlement du concours\n\nArticle 1er : Organisateur\n\nLa Ville organise.\n\nArticle 2 : Participants\n\nTous.\n\nAnnexe 2 : Budget\n\nPoste\tMontant\nA\t10\n");
        assert_eq!(
            top(&d),
            [
                "titre",
                "article-1",
                "article-2",
                "signatures",
                "annexe-1",
                "annexe-2"
            ]
        );
        assert_eq!(d.children(d.get("signatures").unwrap()).len(), 3);
        assert!(d.get("annexe-1/article-2/al-1").is_some());
        assert!(d.get("annexe-2/table-1/row-2").is_some());
        let d = doc("Convention\n\nArticle 1er : Objet\n\nLe texte.\n\nArticle 2 : Durée\n\nUn an.\n\nAnnexe 1 : Règlement\n\nArticle 1 : Organisateur\n\nLa Ville.\n");
        assert_eq!(top(&d), ["titre", "article-1", "article-2", "annexe-1"]);
        assert!(d.get("annexe-1/article-1/al-1").is_some());
    }

    #[test]
    fn a_letter_is_named_by_its_object_never_by_its_address_table() {
        // The letterhead table stays a table of the en-tête; « Code Potentiel : … » above the
        // object names nothing; the closing formula starts the signature block.
        for head in [
            "\tParis, le 3 mai 2024\nAffaire suivie par : M. X\t\n\tSociété Y\n",
            "Paris, le 3 mai 2024\n\nCode Potentiel : 12\n\nSociété Y\n",
        ] {
            let d = doc(&format!("{head}\nObjet : Recours gracieux\n\nMadame, Monsieur,\n\nVotre recours est rejeté.\n\nJe vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\nLa directrice\n"));
            let t = d.node(d.get("titre").unwrap());
            assert_eq!(t.heading.as_deref(), Some("Recours gracieux"), "{head}");
            assert_eq!(d.children(d.get("titre").unwrap()).len(), 0);
            assert_eq!(
                top(&d),
                ["en-tete", "titre", "corps", "signatures"],
                "{head}"
            );
            assert_eq!(d.children(d.get("signatures").unwrap()).len(), 2);
        }
        let d = doc("\tParis, le 3 mai 2024\nAffaire suivie par : M. X\t\n\nObjet : Recours\n\nMadame,\n\nTexte.\n");
        // Lines indented by a TAB are the en-tête's lines (a TAB row needs two cells of text
        // since the reader's finding 6), never the title.
        let head = d.get("en-tete").expect("en-tête");
        assert!(d
            .descendants(head)
            .into_iter()
            .any(|id| d.node(id).text.contains("Affaire suivie par")));
    }

    #[test]
    fn the_parties_block_ends_where_the_text_is_no_longer_about_a_party() {
        let d = doc("Rupture d'un commun accord du contrat\n\nEntre,\n\nLa société X, représentée par M. Y,\n\nCi-après dénommée « l'employeur »,\n\nEt,\n\nMadame Z,\n\nReprésentée par sa mère,\n\nCi-après dénommée « l'apprentie ».\n\nLe 3 mai, les parties désignées ci-dessus ont conclu un contrat.\n\nElles décident d'y mettre fin.\n\nFait à Lyon, le 4 juin 2024\n\nL'employeur\n");
        assert_eq!(top(&d), ["titre", "parties", "corps", "signatures"]);
        let p2 = d.get("parties/partie-2").unwrap();
        assert_eq!(d.children(p2).len(), 3);
        assert_eq!(d.alineas(d.get("corps").unwrap()).len(), 2);
        // A convention's parties still run up to its préambule.
        let d = doc(SMALL);
        assert_eq!(d.parties().len(), 2);
        assert_eq!(d.children(d.get("parties/partie-2").unwrap()).len(), 2);
    }

    #[test]
    fn a_forms_parties_open_at_their_labels_and_end_after_the_last() {
        let d = doc("Convention de stage\n\nL'établissement :\nNom\tLycée X\nAdresse\tLyon\n\nL'organisme d'accueil :\nNom\tSociété Y\nAdresse\tParis\n\nEt le stagiaire :\nNom\tZ\nClasse\tBTS\n\nLe tuteur :\nNom\tT\nTél\t01\n\nArticle 1er : Objet\n\nTexte.\n");
        assert_eq!(d.parties().len(), 3);
        assert_eq!(d.parties()[2].name, "le stagiaire");
        assert!(d.get("parties/partie-1/table-1/row-2").is_some());
        // The tutor's block, after the last party, is no party.
        assert!(d.get("preambule/table-1/row-2").is_some());
        // Without « Et … : », label lines are no parties.
        let d = doc("Convention\n\nL'établissement :\nNom\tLycée X\nAdresse\tLyon\n\nArticle 1er : Objet\n\nTexte.\n");
        assert!(d.parties().is_empty());
    }

    #[test]
    fn a_forms_parties_open_at_designations_not_at_field_labels() {
        // The fields as lines of their own: « Nom : », « Adresse : » open no party.
        let d = doc("Convention de stage\n\nL'établissement :\nNom :\nLycée X\nAdresse :\nLyon\n\nL'organisme d'accueil :\nNom :\nSociété Y\n\nEt le stagiaire :\nNom :\nZ\n\nEncadrement assuré par :\nLe tuteur :\nT\n\nArticle 1er : Objet\n\nTexte.\n");
        assert_eq!(d.parties().len(), 3);
        assert_eq!(d.alineas(d.get("parties/partie-1").unwrap()).len(), 5);
        assert_eq!(d.alineas(d.get("parties/partie-3").unwrap()).len(), 3);
        assert!(d.get("preambule/al-3").is_some());
        // A sentence above the labels is not part of the form.
        let d = doc("Convention de stage\n\nLa présente notice explique le formulaire.\n\nL'établissement :\nNom :\nLycée X\n\nEt le stagiaire :\nNom :\nZ\n\nArticle 1er : Objet\n\nTexte.\n");
        assert_eq!(d.parties().len(), 2);
        assert!(d.get("non-classe/al-1").is_some());
    }

    #[test]
    fn sentences_presenting_the_document_under_its_title_are_its_chapeau() {
        let d = doc("Convention de mise à disposition de locaux\n\nCette convention a pour objectif de définir les modalités de mise à disposition.\n\nEntre :\n\nLa commune de X,\n\nD'une part,\n\nEt :\n\nL'association Y,\n\nD'autre part.\n\nArticle 1er : Objet\n\nTexte.\n");
        assert!(d.get("non-classe").is_none());
        assert!(d.get("titre/al-1").is_some());
        assert_eq!(d.parties().len(), 2);
        // Another document's presentation, or a longer text, stays outside.
        let d = doc("Convention de stage\n\nCette notice explique le formulaire à remplir par les parties.\n\nEntre :\n\nLe lycée X,\n\nEt :\n\nL'entreprise Y,\n\nArticle 1er : Objet\n\nTexte.\n");
        assert!(d.get("non-classe/al-1").is_some());
    }

    #[test]
    fn titres_of_an_annex_are_the_annexs() {
        let d = doc("Convention\n\nTitre I : Dispositions\n\nArticle 1er : Objet\n\nTexte.\n\nFait à Paris, le 3 mai 2024.\n\nAnnexe 1 : Statuts\n\nTITRE I – OBJET\n\nArticle 1 – Nom\n\nTexte.\n\nChapitre 2 – Bureau\n\nLe bureau.\n\nArticle 2 – Bureau\n\nTexte.\n\nAnnexe 2 : Budget\n\nTexte.\n");
        assert_eq!(
            top(&d),
            ["titre", "titre-i", "signatures", "annexe-1", "annexe-2"]
        );
        let parent_key = |k: &str| d.node(d.parent(d.get(k).unwrap()).unwrap()).key.clone();
        assert_eq!(parent_key("annexe-1/titre-i"), "annexe-1");
        assert_eq!(parent_key("annexe-1/article-1"), "annexe-1/titre-i");
        assert_eq!(
            parent_key("annexe-1/article-2"),
            "annexe-1/titre-i/chapitre-2"
        );
        // Text between a Chapitre and its first article is the Chapitre's.
        assert!(d.get("annexe-1/titre-i/chapitre-2/al-1").is_some());
        assert_eq!(parent_key("annexe-2/al-1"), "annexe-2");
    }

    #[test]
    fn a_tree_without_its_text_is_the_same_tree() {
        for text in [
            SMALL,
            "# Code\n\n## Partie législative\n\n#### Article L1\n\nTexte¹.\n\n¹ Note.\n",
        ] {
            let source = Source {
                path: "t.md".into(),
                format: Format::Text,
                text: text.into(),
            };
            let (full, tree) = (parse(source.clone()), parse_tree(source));
            assert!(tree.same_tree(&full), "{:?}", tree.first_difference(&full));
            assert!(tree.source.text.is_empty());
            assert_eq!(tree.node(tree.root()).span, full.node(full.root()).span);
            let spans = |d: &Document| {
                d.nodes
                    .iter()
                    .map(|n| (n.span.start, n.span.end))
                    .collect::<Vec<_>>()
            };
            assert_eq!(spans(&tree), spans(&full));
            assert_eq!(tree.diagnostics, full.diagnostics);
        }
    }

    #[test]
    fn d_une_part_et_ends_the_first_party() {
        // Blind finding 27 (JORF avenant): « D'une part, et » between the two parties.
        let d = doc("Avenant\n\nEntre :\n\nLa ministre, agissant au nom de l'Etat,\n\nD'une part, et\n\nLa société X, représentée par M. Y,\n\nD'autre part,\n\nil a été convenu ce qui suit :\n\nArticle 1er\n\nTexte.\n");
        let p = d.parties();
        assert_eq!(p.len(), 2);
        assert!(p[1].name.starts_with("La société X"), "{}", p[1].name);
    }

    #[test]
    fn signatures_without_fait_a_end_the_last_article() {
        // Blind finding 1 (1889 convention): « Lu et approuvé », a quality, a name.
        let d = doc("Convention\n\nArticle 1er\n\nTexte.\n\nArticle 2\n\nLa présente convention sera enregistrée.\n\nLu et approuvé :\n\nL'administrateur délégué,\n\nV. FOURNIER.\n");
        assert_eq!(top(&d), ["titre", "article-1", "article-2", "signatures"]);
        assert_eq!(d.alineas(d.get("article-2").unwrap()).len(), 1);
        assert_eq!(d.children(d.get("signatures").unwrap()).len(), 3);
        // A « SIGNATURES » heading; a sentence of the last article beginning « Pour » does not.
        let d = doc("# Convention\n\n## Article 1\n\nPour l'application du présent article,\n\nle maire décide.\n\n## SIGNATURES\n\nPour la Ville\n\n# ANNEXE 1\n\nTexte.\n");
        assert_eq!(top(&d), ["titre", "article-1", "signatures", "annexe-1"]);
        assert_eq!(d.alineas(d.get("article-1").unwrap()).len(), 1);
    }

    #[test]
    fn a_signatorys_designation_over_two_lines_is_one_alinea() {
        // Blind2 finding 18 (SAPN and APRR avenants, 2011): « Pour la Société des autoroutes »
        // ⏎ « Paris-Rhin-Rhône : » is one line of the block, as the ministre's are.
        let d = doc("Avenant\n\nArticle 1er\n\nTexte.\n\nFait à Paris, le 27 janvier 2011.\n\nPour l'Etat :\n\nLa ministre de l'écologie,\n\ndu développement durable,\n\nPour la Société des autoroutes\n\nParis-Rhin-Rhône :\n\nLe directeur général,\n\nP. Nourry\n");
        let texts: Vec<String> = d
            .alineas(d.get("signatures").unwrap())
            .iter()
            .map(|i| d.node(*i).text.clone())
            .collect();
        assert_eq!(
            texts,
            [
                "Fait à Paris, le 27 janvier 2011.",
                "Pour l'Etat :",
                "La ministre de l'écologie, du développement durable,",
                "Pour la Société des autoroutes Paris-Rhin-Rhône :",
                "Le directeur général,",
                "P. Nourry"
            ]
        );
        // Two signatories, each on its line, stay two.
        let d = doc("Convention\n\nArticle 1er\n\nTexte.\n\nFait à Lyon, le 3 mai 2024\n\nPour la Ville\n\nPour l'État :\n");
        assert_eq!(d.alineas(d.get("signatures").unwrap()).len(), 3);
    }

    #[test]
    fn a_document_that_heads_its_articles_on_the_next_line_does_so_for_long_headings_too() {
        // The APILOS conventions (2022, 2026, SEM model): « Article 3. » ⏎ « Obligations
        // respectives … des locaux. » (15 words), « Article 13 » ⏎ « Modalités … . ».
        let d = doc("Convention\n\nArticle 1er.\n\nObjet de la convention.\n\nTexte un.\n\nArticle 2.\n\nDurée de la convention.\n\nTexte deux.\n\nArticle 3.\n\nObligations respectives du propriétaire et du bailleur relatives à la maintenance et à l'entretien des locaux.\n\nTexte trois.\n\nArticle 4\n\nModalités de paiement de la redevance et des prestations.\n\nTexte quatre.\n\nArticle 5.\n\nDépôt de garantie.\n\nLe dépôt de garantie est versé au gestionnaire par le résident lors de son entrée dans les lieux.\n");
        let heading = |k: &str| {
            d.node(d.get(k).unwrap())
                .heading
                .clone()
                .unwrap_or_default()
        };
        assert!(heading("article-3").starts_with("Obligations respectives"));
        assert!(heading("article-4").starts_with("Modalités de paiement"));
        assert_eq!(d.alineas(d.get("article-3").unwrap()).len(), 1);
        // A label whose first alinéa is a sentence keeps it, even in that style.
        let d = doc("Convention\n\nArticle 1er.\n\nObjet.\n\nTexte un.\n\nArticle 2.\n\nDurée.\n\nTexte deux.\n\nArticle 3.\n\nMontant.\n\nTexte.\n\nArticle 4.\n\nLe bailleur s'engage à entretenir les locaux et à les maintenir en bon état.\n\nSuite.\n");
        assert_eq!(d.node(d.get("article-4").unwrap()).heading, None);
        // Without that style, a long line after a bare label is its first alinéa.
        let d = doc("Convention\n\nArticle 1\n\nObligations respectives du propriétaire et du bailleur relatives à la maintenance des locaux.\n\nArticle 2\n\nTexte.\n");
        assert_eq!(d.node(d.get("article-1").unwrap()).heading, None);
    }

    #[test]
    fn pour_le_bureau_closing_the_text_is_its_signature() {
        // The Mes Aides statuts (Nice and Paris): « Pour le bureau, » after the last section,
        // then « ### Notes »: the signature, then a part of its own, not alinéas of the last
        // article.
        let d = doc("# Statuts\n\n## Objet\n\nUn.\n\n## Siège\n\nDeux.\n\n## Dissolution\n\nTrois.\n\nPour le bureau,\n\n### Notes\n\n- Le jugement majoritaire est un système de vote.\n");
        assert_eq!(
            top(&d),
            [
                "titre",
                "article-1",
                "article-2",
                "article-3",
                "signatures",
                "notes"
            ]
        );
        assert_eq!(d.alineas(d.get("article-3").unwrap()).len(), 1);
        assert_eq!(d.alineas(d.get("notes").unwrap()).len(), 1);
        // A sentence of the last article that ends on a comma and goes on stays in it.
        let d = doc("# Convention\n\n## Article 1\n\nTexte.\n\n## Article 2\n\nPour le calcul,\n\nle maire décide.\n");
        assert_eq!(top(&d), ["titre", "article-1", "article-2"]);
    }

    #[test]
    fn roman() {
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XII"), Some(12));
        assert_eq!(roman_value("ab"), None);
    }
}
