//! The tree editing API (`avenant::edit`): after random edits, the rekeyed tree is the tree that
//! parsing its Markdown rendering gives (same keys, labels, alinéa numbers, texts).

use avenant::edit;
use avenant::model::{Node, NodeId, NodeKind, Span};
use avenant::render::markdown::markdown;
use avenant::Document;
use proptest::prelude::*;
use std::sync::LazyLock;

/// Corpus conventions, both versions of every corpus case and the shared seeds, kept when
/// their Markdown rendering parses back to the same tree (the property is about edits).
static DOCS: LazyLock<Vec<Document>> = LazyLock::new(|| {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut paths = Vec::new();
    for dir in [
        format!("{root}/corpus"),
        format!("{root}/corpus/conventions"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                for f in ["old.md", "new.md"] {
                    paths.push(p.join(f));
                }
            } else if p.extension().is_some_and(|x| x == "md") {
                paths.push(p);
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(format!("{root}/../shared/seeds")) {
        paths.extend(entries.flatten().map(|e| e.path()));
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok().map(|t| (p, t)))
        .map(|(p, t)| avenant::parse_str(&p.display().to_string(), &t))
        .filter(|d| avenant::parse_str("relu.md", &markdown(d)).same_tree(d))
        .collect()
});

const WORDS: &[&str] = &[
    "comité",
    "se",
    "réunit",
    "chaque",
    "mois",
    "partenaire",
    "verse",
    "une",
    "somme",
    "au",
    "plus",
    "tard",
    "avec",
    "les",
    "moyens",
    "prévus",
];

#[derive(Debug, Clone)]
enum Edit {
    SetText(usize, Vec<usize>),
    Insert(usize, Vec<usize>),
    Delete(usize),
    Move(usize, usize),
    ReplaceWord(usize, usize),
    DeleteArticle(usize),
    MoveArticle(usize, usize),
}

fn sentence(words: &[usize]) -> String {
    let w: Vec<&str> = words.iter().map(|i| WORDS[i % WORDS.len()]).collect();
    format!("Le {}.", w.join(" "))
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let words = prop::collection::vec(0usize..100, 1..8);
    prop_oneof![
        (any::<usize>(), words.clone()).prop_map(|(a, w)| Edit::SetText(a, w)),
        (any::<usize>(), words).prop_map(|(a, w)| Edit::Insert(a, w)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::ReplaceWord(a, b)),
        any::<usize>().prop_map(Edit::DeleteArticle),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::MoveArticle(a, b)),
    ]
}

fn reachable(doc: &Document, kind: NodeKind) -> Vec<NodeId> {
    doc.descendants(doc.root())
        .into_iter()
        .filter(|i| doc.node(*i).kind == kind)
        .collect()
}

/// Where an alinéa may go in `parent` without being read back as part of a sub-article: before
/// its first sub-article.
fn leaf_slot(doc: &Document, parent: NodeId) -> usize {
    let ch = doc.children(parent);
    ch.iter()
        .position(|c| doc.node(*c).kind == NodeKind::Article)
        .unwrap_or(ch.len())
}

fn run(doc: &mut Document, e: &Edit) {
    let alineas = reachable(doc, NodeKind::Alinea)
        .into_iter()
        .filter(|i| {
            let p = doc.parent(*i).map(|p| doc.node(p).kind);
            p == Some(NodeKind::Article)
        })
        .collect::<Vec<_>>();
    let articles = reachable(doc, NodeKind::Article)
        .into_iter()
        .filter(|i| {
            doc.parent(*i)
                .is_some_and(|p| doc.node(p).kind != NodeKind::Article)
        })
        .filter(|i| doc.node(*i).text.starts_with("Article"))
        .collect::<Vec<_>>();
    match e {
        Edit::SetText(a, w) if !alineas.is_empty() => {
            let id = alineas[a % alineas.len()];
            edit::set_text(doc, id, sentence(w));
        }
        Edit::Insert(a, w) if !alineas.is_empty() => {
            let after = alineas[a % alineas.len()];
            let parent = doc.parent(after).expect("parent");
            let at = edit::child_index(doc, parent, after) + 1;
            let node = Node::new(
                NodeKind::Alinea,
                edit::provisional_key(doc),
                sentence(w),
                Span::default(),
            );
            edit::insert(doc, parent, at.min(leaf_slot(doc, parent)), node);
        }
        Edit::Delete(a) if !alineas.is_empty() => edit::remove(doc, alineas[a % alineas.len()]),
        Edit::Move(a, b) if !alineas.is_empty() && !articles.is_empty() => {
            let id = alineas[a % alineas.len()];
            let to = articles[b % articles.len()];
            edit::remove(doc, id);
            let at = leaf_slot(doc, to);
            edit::move_to(doc, id, to, at);
        }
        Edit::ReplaceWord(a, w) if !alineas.is_empty() => {
            let id = alineas[a % alineas.len()];
            let text = doc.node(id).text.clone();
            if let Some(i) = text.find(' ') {
                let end = text[i + 1..].find(' ').map_or(text.len(), |j| i + 1 + j);
                if end > i + 1 {
                    edit::replace_words(doc, id, (i + 1, end), WORDS[w % WORDS.len()]);
                }
            }
        }
        Edit::DeleteArticle(a) if articles.len() > 1 => {
            edit::remove(doc, articles[a % articles.len()])
        }
        Edit::MoveArticle(a, b) if articles.len() > 1 => {
            let id = articles[a % articles.len()];
            let to = articles[b % articles.len()];
            if id != to {
                edit::remove(doc, id);
                let parent = doc.parent(to).expect("parent");
                let at = edit::child_index(doc, parent, to) + 1;
                edit::move_to(doc, id, parent, at);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn rekeyed_tree_is_the_reparsed_rendering(
        file in any::<usize>(),
        edits in prop::collection::vec(edit_strategy(), 1..6),
    ) {
        prop_assume!(!DOCS.is_empty());
        let mut doc = DOCS[file % DOCS.len()].clone();
        for e in &edits {
            run(&mut doc, e);
        }
        let rekeyed = edit::rekey(&doc);
        let reparsed = avenant::parse_str("relu.md", &markdown(&rekeyed));
        prop_assert!(
            rekeyed.same_tree(&reparsed),
            "{}\n{:?}",
            rekeyed.first_difference(&reparsed).unwrap_or_default(),
            edits
        );
    }
}

#[test]
fn the_corpus_has_documents_to_edit() {
    assert!(DOCS.len() >= 10, "{}", DOCS.len());
}
