//! `avenant draft` with the real binary, on the renewals of both seeds: the avenant it prints,
//! written to a file and given to `avenant apply`, gives back the new version — exactly with
//! `--renumber` (whole tree), modulo the labels of inserted articles (« 5 bis ») by default.
//! The renewal avenants committed in `corpus/avenants/` are what `draft --renumber` prints;
//! `diff --format avenant` prints the same avenant as `draft`.

use avenant::{Document, NodeKind};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RENEWALS: [(&str, &str); 2] = [
    (
        "corpus/11-renouvellement-canope",
        "corpus/avenants/canope-dinum-2020-avenant-renouvellement.md",
    ),
    (
        "corpus/12-renouvellement-ena",
        "corpus/avenants/ena-dinum-2021-avenant-renouvellement.md",
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("binary runs")
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn temp(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "avenant-cli-draft-{}-{name}.md",
        std::process::id()
    ));
    std::fs::write(&path, text).expect("temp file");
    path
}

fn parse(path: &str) -> Document {
    avenant::read(&root().join(path), &Default::default()).expect("readable")
}

/// Articles and annexes with their texts, article labels and keys left out.
fn modulo_labels(doc: &Document) -> Vec<String> {
    doc.descendants(doc.root())
        .into_iter()
        .filter(|id| {
            let mut a = Some(*id);
            while let Some(x) = a {
                if matches!(doc.node(x).kind, NodeKind::Article | NodeKind::Annexe) {
                    return true;
                }
                a = doc.parent(x);
            }
            false
        })
        .map(|id| {
            let n = doc.node(id);
            match n.kind {
                NodeKind::Article => format!("article {:?}", n.heading),
                _ => format!("{} {:?} {}", n.kind.as_str(), n.label, n.text),
            }
        })
        .collect()
}

fn draft_then_apply(case: &str, extra: &[&str]) -> (Document, String) {
    let (old, new) = (format!("{case}/old.md"), format!("{case}/new.md"));
    let mut args = vec!["draft", old.as_str(), new.as_str()];
    args.extend_from_slice(extra);
    let text = stdout(&run(&args));
    let name = format!(
        "{}-{}",
        case.rsplit('/').next().unwrap_or("case"),
        extra.len()
    );
    let file = temp(&name, &text);
    let file = file.to_string_lossy().to_string();
    let consolidated = stdout(&run(&["apply", old.as_str(), file.as_str()]));
    let _ = std::fs::remove_file(&file);
    (avenant::parse_str("consolidée", &consolidated), text)
}

#[test]
fn renewals_round_trip_exactly_with_renumber() {
    for (case, _) in RENEWALS {
        let (applied, text) = draft_then_apply(case, &["--renumber"]);
        let new = parse(&format!("{case}/new.md"));
        assert!(
            applied.same_tree(&new),
            "{case}: {}\n{text}",
            applied.first_difference(&new).unwrap_or_default()
        );
        assert!(text.contains("deviennent respectivement"), "{text}");
    }
}

#[test]
fn renewals_round_trip_modulo_bis_labels_by_default() {
    for (case, _) in RENEWALS {
        let (applied, text) = draft_then_apply(case, &[]);
        let new = parse(&format!("{case}/new.md"));
        assert_eq!(
            modulo_labels(&applied),
            modulo_labels(&new),
            "{case}\n{text}"
        );
        assert!(text.contains(" bis ainsi rédigé"), "{text}");
        assert!(!text.contains("deviennent"), "{text}");
    }
}

#[test]
fn committed_renewal_avenants_are_what_draft_prints() {
    for (case, avenant) in RENEWALS {
        let (old, new) = (format!("{case}/old.md"), format!("{case}/new.md"));
        let printed = stdout(&run(&["draft", &old, &new, "--renumber"]));
        let committed = std::fs::read_to_string(root().join(avenant)).expect("committed avenant");
        assert_eq!(printed, committed, "regenerate {avenant}");
    }
}

#[test]
fn diff_format_avenant_is_the_drafter() {
    let (old, new) = (
        "corpus/07-montant-date/old.md",
        "corpus/07-montant-date/new.md",
    );
    let drafted = stdout(&run(&["draft", old, new]));
    let out = run(&["diff", old, new, "--format", "avenant"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), drafted);
}

#[test]
fn options_reach_the_text() {
    let (old, new) = (
        "corpus/12-renouvellement-ena/old.md",
        "corpus/12-renouvellement-ena/new.md",
    );
    let text = stdout(&run(&[
        "draft",
        old,
        new,
        "--numero",
        "2",
        "--lieu",
        "Paris",
        "--date",
        "1er/07/2022",
        "--date-effet",
        "1er/01/2022",
        "--objet",
        "prolonger le partenariat",
    ]));
    assert!(text.starts_with("# Avenant n° 2 à la convention de partenariat du 2 avril 2021"));
    assert!(text.contains("afin de prolonger le partenariat."));
    assert!(text.contains("Fait à Paris, le 1er/07/2022"));
    assert!(text.contains("prend effet le 1er/01/2022"));
    let old6 = "corpus/06-article-supprime/old.md";
    let new6 = "corpus/06-article-supprime/new.md";
    let text = stdout(&run(&["draft", old6, new6, "--abroge"]));
    assert!(
        text.contains("L'article 5 de la convention est abrogé."),
        "{text}"
    );
    let json = stdout(&run(&["draft", old6, new6, "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["schema"], 1);
    let text = stdout(&run(&["draft", old6, new6, "--format", "text"]));
    assert!(!text.contains("## "));
}

#[test]
fn a_missing_file_is_exit_2_and_nothing_on_stdout() {
    let out = run(&["draft", "corpus/nope.md", "corpus/07-montant-date/new.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.md"));
}

#[test]
fn a_cosmetic_rewrite_drafts_an_empty_avenant_and_says_so() {
    let out = run(&[
        "draft",
        "corpus/09-reecriture-cosmetique/old.md",
        "corpus/09-reecriture-cosmetique/new.md",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("aucune différence de fond"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert!(stdout(&out).contains("Les autres stipulations de la convention demeurent inchangées."));
}
