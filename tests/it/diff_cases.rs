//! Version cases `corpus/NN-name/{old.md,new.md,case.toml}`: each case.toml states the pairs,
//! statuses, typed changes and global replacements that must be detected; the three formats
//! of every case are snapshotted into the top-level `snapshots/` folder.

use avenant::diff::{compare, Comparison, DiffOptions, PairDiff};
use avenant::render::diff_common::DiffRenderOptions;
use avenant::render::{diff_json, diff_md, diff_terminal};
use avenant::{load, ReadOptions};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    description: String,
    differences: bool,
    #[serde(default)]
    pair: Vec<ExpectedPair>,
    #[serde(default)]
    change: Vec<ExpectedChange>,
    #[serde(default)]
    global: Vec<ExpectedGlobal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedPair {
    old: String,
    new: String,
    status: Option<String>,
    renumbered: Option<bool>,
    moved: Option<bool>,
    cosmetic: Option<bool>,
    basis: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedChange {
    old_key: String,
    new_key: String,
    op: String,
    old: String,
    new: String,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedGlobal {
    old: String,
    new: String,
    min_count: usize,
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.join("case.toml").is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.as_bytes().first().is_some_and(u8::is_ascii_digit))
        })
        .collect();
    dirs.sort();
    dirs
}

fn key(doc: &avenant::Document, id: Option<avenant::NodeId>) -> String {
    id.map_or("-".to_string(), |i| doc.node(i).key.clone())
}

fn find<'a>(cmp: &'a Comparison, old: &str, new: &str) -> Option<&'a PairDiff> {
    cmp.iter()
        .find(|p| key(&cmp.old, p.old) == old && key(&cmp.new, p.new) == new)
}

fn render(
    cmp: &Comparison,
    f: impl Fn(&Comparison, &DiffRenderOptions, &mut Vec<u8>) -> std::io::Result<()>,
) -> String {
    let mut out = Vec::new();
    f(cmp, &DiffRenderOptions::default(), &mut out).expect("rendering to a Vec");
    String::from_utf8(out).expect("UTF-8")
}

fn check(dir: &Path) -> Vec<String> {
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("?")
        .to_string();
    let text = std::fs::read_to_string(dir.join("case.toml")).expect("case.toml");
    let case: Case = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}/case.toml: {e}"));
    // Relative paths, so that snapshots do not depend on where the repository lives.
    let rel = |f: &str| PathBuf::from(format!("corpus/{name}/{f}"));
    let opts = ReadOptions::default();
    let old = load(&rel("old.md"), &opts).unwrap_or_else(|e| panic!("{e}"));
    let new = load(&rel("new.md"), &opts).unwrap_or_else(|e| panic!("{e}"));
    let cmp = compare(old, new, &DiffOptions::default());
    let mut errors = Vec::new();
    if cmp.has_differences() != case.differences {
        errors.push(format!(
            "{name}: differences = {}, expected {}",
            cmp.has_differences(),
            case.differences
        ));
    }
    for e in &case.pair {
        let Some(p) = find(&cmp, &e.old, &e.new) else {
            errors.push(format!("{name}: no pair {} ↔ {}", e.old, e.new));
            continue;
        };
        let what = format!("{name}: {} ↔ {}", e.old, e.new);
        if let Some(s) = &e.status {
            if p.status.as_str() != s {
                errors.push(format!(
                    "{what}: status {}, expected {s}",
                    p.status.as_str()
                ));
            }
        }
        for (field, got, want) in [
            ("renumbered", p.renumbered, e.renumbered),
            ("moved", p.moved, e.moved),
            ("cosmetic", p.cosmetic, e.cosmetic),
        ] {
            if want.is_some_and(|w| w != got) {
                errors.push(format!("{what}: {field} = {got}"));
            }
        }
        if let Some(b) = &e.basis {
            if p.basis.as_str() != b {
                errors.push(format!("{what}: basis {}, expected {b}", p.basis.as_str()));
            }
        }
    }
    for e in &case.change {
        let Some(p) = find(&cmp, &e.old_key, &e.new_key) else {
            errors.push(format!(
                "{name}: no pair {} ↔ {} for a change",
                e.old_key, e.new_key
            ));
            continue;
        };
        let found = p.changes.iter().any(|c| {
            c.tag.as_str() == e.op
                && c.old == e.old
                && c.new == e.new
                && c.value_type.as_str() == e.kind
        });
        if !found {
            let got: Vec<String> = p
                .changes
                .iter()
                .map(|c| {
                    format!(
                        "{} « {} » → « {} » ({})",
                        c.tag.as_str(),
                        c.old,
                        c.new,
                        c.value_type.as_str()
                    )
                })
                .collect();
            errors.push(format!(
                "{name}: {} : no {} « {} » → « {} » ({}); got {got:?}",
                e.new_key, e.op, e.old, e.new, e.kind
            ));
        }
    }
    for e in &case.global {
        match cmp
            .globals
            .iter()
            .find(|g| g.old == e.old && g.new == e.new)
        {
            Some(g) if g.count >= e.min_count => {}
            Some(g) => errors.push(format!(
                "{name}: global {} → {} only {} times",
                e.old, e.new, g.count
            )),
            None => errors.push(format!("{name}: no global {} → {}", e.old, e.new)),
        }
    }
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        description => case.description.clone(),
    }, {
        insta::assert_snapshot!(format!("diff-terminal-{name}"), render(&cmp, diff_terminal::write_diff_terminal));
        insta::assert_snapshot!(format!("diff-md-{name}"), render(&cmp, diff_md::write_diff_md));
        insta::assert_snapshot!(format!("diff-json-{name}"), render(&cmp, diff_json::write_diff_json));
    });
    errors
}

#[test]
fn version_cases() {
    let dirs = cases();
    assert!(
        dirs.len() >= 9,
        "expected the version cases in corpus/, found {}",
        dirs.len()
    );
    let errors: Vec<String> = dirs.iter().flat_map(|d| check(d)).collect();
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn every_json_pair_follows_the_contract() {
    for dir in cases() {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let opts = ReadOptions::default();
        let old = load(&dir.join("old.md"), &opts).expect("old.md");
        let new = load(&dir.join("new.md"), &opts).expect("new.md");
        let cmp = compare(old, new, &DiffOptions::default());
        let json: serde_json::Value =
            serde_json::from_str(&render(&cmp, diff_json::write_diff_json)).expect("JSON");
        assert_eq!(json["schema"], 1);
        assert!(json["old"]["path"].is_string() && json["new"]["path"].is_string());
        for k in [
            "unchanged",
            "modified",
            "inserted",
            "deleted",
            "renumbered",
            "moved",
        ] {
            assert!(json["summary"][k].is_u64(), "{name}: summary.{k}");
        }
        fn walk(p: &serde_json::Value, name: &str) {
            let keys: Vec<&String> = p.as_object().expect("pair object").keys().collect();
            assert_eq!(
                keys,
                [
                    "basis",
                    "changes",
                    "children",
                    "cosmetic",
                    "moved",
                    "new",
                    "old",
                    "renumbered",
                    "similarity",
                    "status"
                ],
                "{name}"
            );
            assert!(
                p["old"].is_string() || p["new"].is_string(),
                "{name}: a pair without side"
            );
            assert!(["unchanged", "modified", "inserted", "deleted"]
                .contains(&p["status"].as_str().unwrap_or("")));
            let s = p["similarity"].as_f64().unwrap_or(-1.0);
            assert!((0.0..=1.0).contains(&s), "{name}: similarity {s}");
            for c in p["changes"].as_array().expect("changes") {
                assert!(["replace", "insert", "delete"].contains(&c["op"].as_str().unwrap_or("")));
                assert!(["text", "date", "amount", "number", "duration", "percent"]
                    .contains(&c["type"].as_str().unwrap_or("")));
                assert!(c["old"].is_string() && c["new"].is_string());
            }
            for child in p["children"].as_array().expect("children") {
                walk(child, name);
            }
        }
        for p in json["pairs"].as_array().expect("pairs") {
            walk(p, &name);
        }
    }
}
