//! Batch `check` on many conventions with rayon, and `diff` on several threads: the output is
//! byte-identical whatever the number of threads (`--jobs 1` and `--jobs 4`), in every format,
//! and `--format jsonl` gives one line per convention in the order of the files.

use std::process::{Command, Output};

fn avenant(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs")
}

const TEMPLATE: &str = "corpus/templates/dinum-partenariat.md";

/// Every variant convention, three times over (a batch of a few dozen files).
fn batch() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/templates/variants"
    ))
    .expect("variants")
    .filter_map(|e| {
        let p = e.ok()?.path().join("convention.md");
        p.exists().then(|| {
            p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        })
    })
    .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    let mut all = files.clone();
    all.extend(files.iter().rev().cloned());
    all.extend(files);
    all
}

fn check(format: &str, jobs: &str, files: &[String]) -> Output {
    let mut args: Vec<String> = ["check", TEMPLATE, "--format", format, "--jobs", jobs]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.extend(files.iter().cloned());
    avenant(&args)
}

#[test]
fn jobs_1_and_jobs_4_give_byte_identical_output() {
    let files = batch();
    for format in ["terminal", "md", "json", "jsonl"] {
        let one = check(format, "1", &files);
        let four = check(format, "4", &files);
        assert_eq!(one.status.code(), four.status.code(), "{format}");
        assert!(!one.stdout.is_empty(), "{format}");
        assert_eq!(one.stdout, four.stdout, "{format}: stdout differs");
        assert_eq!(one.stderr, four.stderr, "{format}: stderr differs");
    }
}

#[test]
fn jsonl_gives_one_line_per_convention_in_file_order() {
    let files = batch();
    let out = check("jsonl", "0", &files);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), files.len());
    for (line, file) in lines.iter().zip(&files) {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON value per line");
        assert_eq!(v["schema"], 1);
        assert!(
            v["convention"]
                .as_str()
                .is_some_and(|c| c.ends_with(file.as_str())),
            "{line}"
        );
    }
}

#[test]
fn quiet_writes_nothing_on_stderr_and_bad_jobs_never_panics() {
    let files = batch();
    let mut args: Vec<String> = vec!["check".into(), TEMPLATE.into(), "--quiet".into()];
    args.extend(files);
    let out = avenant(&args);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = avenant(&[
        "check".into(),
        TEMPLATE.into(),
        "--jobs".into(),
        "x".into(),
        "a.md".into(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// `diff` reads both sides and diffs the pairs on several threads: the same bytes whatever
/// `--jobs`, on a generated convention large enough to be cut between threads (every article
/// changed) and on two real versions of statuts.
#[test]
fn diff_gives_the_same_bytes_whatever_jobs() {
    let convention = |factor: usize| {
        let mut t = String::from("Convention de partenariat\n\n");
        for k in 1..=2_000 {
            t.push_str(&format!(
                "Article {k} : Engagement {k}\n\nLe partenaire {k} verse une somme de {} euros au titre de l'année.\n\nLe comité se réunit chaque mois.\n\n",
                k * factor
            ));
        }
        t
    };
    let dir = std::env::temp_dir().join(format!("avenant-diff-jobs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (old, new) = (dir.join("old.md"), dir.join("new.md"));
    std::fs::write(&old, convention(1)).expect("old");
    std::fs::write(&new, convention(2)).expect("new");
    let pairs = [
        (old.display().to_string(), new.display().to_string()),
        (
            "corpus/blind2/asn-statuts-2017-04-05.txt".to_string(),
            "corpus/blind2/asn-statuts-2019-01-26.txt".to_string(),
        ),
    ];
    for (a, b) in &pairs {
        for format in ["json", "terminal"] {
            let run = |jobs: &str| {
                avenant(&["diff", "--format", format, "--jobs", jobs, a, b].map(String::from))
            };
            let one = run("1");
            assert_eq!(one.status.code(), Some(1), "{a} {format}");
            for jobs in ["2", "4", "0"] {
                let other = run(jobs);
                assert_eq!(
                    one.status.code(),
                    other.status.code(),
                    "{a} {format} {jobs}"
                );
                assert!(
                    one.stdout == other.stdout,
                    "{a} {format} --jobs {jobs}: stdout differs"
                );
                assert_eq!(one.stderr, other.stderr, "{a} {format} {jobs}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
