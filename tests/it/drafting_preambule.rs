//! A préambule where the old version had none (blind finding 9, the CGU of API Entreprise):
//! « Avant l'article 1er de la convention, il est inséré un préambule ainsi rédigé : », placed
//! before the top-level unit holding the first article and read back there by `apply`. Two
//! real texts: the CGU 2018 → 2020 pair and the Canopé convention without its préambule.

use avenant::avenant::{draft_checked, render::markdown, DraftOptions};
use avenant::diff::{compare, DiffOptions};

fn act(name: &str, old: &str, new: &str) -> String {
    let cmp = compare(
        avenant::parse_str(name, old),
        avenant::parse_str(name, new),
        &DiffOptions::default(),
    );
    let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    markdown(&av).replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn cgu_2020_preambule_is_inserted_before_article_1() {
    let read = |y: &str| {
        std::fs::read_to_string(format!("corpus/blind/api-entreprise-cgu-{y}.txt")).expect("corpus")
    };
    let md = act(
        "api-entreprise-cgu.txt",
        &read("2018-06-15"),
        &read("2020-07-28"),
    );
    assert!(
        md.contains("Avant l'article 1er des conditions générales, il est inséré un préambule ainsi rédigé :\n\n« Les présentes conditions d'utilisation (CGU)"),
        "{md}"
    );
    assert!(
        md.contains("Insertion d'un préambule dans les conditions générales"),
        "{md}"
    );
    assert!(
        md.contains("afin d'insérer un préambule") || md.contains("d'insérer un préambule"),
        "{md}"
    );
}

#[test]
fn canope_preambule_is_inserted_after_the_visas() {
    let new = std::fs::read_to_string("corpus/11-renouvellement-canope/old.md").expect("corpus");
    let start = new.find("\nPréambule\n").expect("préambule");
    let end = start + new[start..].find("\nArticle 1").expect("article 1");
    let old = format!("{}{}", &new[..start], &new[end..]);
    let md = act("canope.md", &old, &new);
    assert!(
        md.contains("Avant l'article 1er de la convention, il est inséré un préambule ainsi rédigé :\n\n« Préambule\n\n« Réseau Canopé est le chef de file"),
        "{md}"
    );
}
