//! Determinism of the real binary: byte-identical output across runs, locales (LANG / LC_ALL)
//! and working directories, for every reader and every output format; no output (JSON, HTML,
//! the parts of a Word file) holds an absolute path the user did not give.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const OLD: &str = "corpus/conventions/ena-dinum-2021.md";
const NEW: &str = "corpus/12-renouvellement-ena/new.md";
const PDF: &str = "corpus/pdf/ena-dinum-2021.office.pdf";

const DOCX: &str = "corpus/office/ena-dinum-2021.pandoc.docx";
const ODT: &str = "corpus/office/canope-dinum-2020.pandoc.odt";
const AVENANT: &str = "corpus/avenants/ena-dinum-2021-avenant-1.md";
const TEMPLATE: &str = "corpus/templates/dinum-partenariat.md";

/// The commands compared, with paths relative to the repository root: every reader (text, PDF,
/// .docx, .odt), every command, and the report formats (HTML, the Word « document comparé »
/// with its date given).
fn commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["parse", "--format", "json", OLD],
        vec!["parse", "--format", "md", PDF],
        vec!["parse", "--format", "json", DOCX],
        vec!["parse", "--format", "json", ODT],
        vec!["diff", "--format", "json", OLD, NEW],
        vec!["diff", "--format", "html", OLD, NEW],
        vec!["diff", "--format", "docx", "--date", "2026-01-31", OLD, NEW],
        vec!["diff", "--format", "md", DOCX, NEW],
        vec!["draft", "--format", "json", OLD, NEW],
        vec!["apply", OLD, AVENANT],
        vec!["check", "--format", "json", TEMPLATE, OLD, ODT],
    ]
}

fn run(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_avenant"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("binary runs");
    (out.status.code(), out.stdout, out.stderr)
}

#[test]
fn same_bytes_across_runs_and_locales() {
    let locales: [&[(&str, &str)]; 4] = [
        &[],
        &[("LANG", "C")],
        &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")],
        &[("LC_ALL", "tr_TR.UTF-8")],
    ];
    for args in commands() {
        let first = run(&args, root(), &[]);
        assert!(first.0.is_some_and(|c| c <= 1), "{args:?}: {:?}", first);
        for env in locales {
            let again = run(&args, root(), env);
            assert!(again == first, "{args:?} differs under {env:?}");
        }
    }
}

#[test]
fn same_bytes_from_another_working_directory() {
    // Run from a sub-folder with `../` paths: the output differs only by the paths as given.
    let sub = root().join("corpus");
    for args in commands() {
        let here = run(&args, root(), &[]);
        let moved: Vec<String> = args
            .iter()
            .map(|a| {
                if a.starts_with("corpus/") {
                    format!("../{a}")
                } else {
                    a.to_string()
                }
            })
            .collect();
        let moved_args: Vec<&str> = moved.iter().map(String::as_str).collect();
        let there = run(&moved_args, &sub, &[]);
        // A Word file names its sources inside deflated parts: compared part by part.
        let rewrite = |bytes: &[u8]| unzipped(bytes).replace("../corpus/", "corpus/");
        assert_eq!(here.0, there.0, "{args:?}");
        assert!(
            rewrite(&here.1) == rewrite(&there.1),
            "{args:?}: stdout depends on the working directory"
        );
    }
}

/// The text of an output: a zip archive (the .docx formats) as its parts' names and contents.
fn unzipped(bytes: &[u8]) -> String {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return String::from_utf8_lossy(bytes).into_owned();
    };
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        out.push_str(&part.name().expect("part name"));
        out.push('\n');
        std::io::Read::read_to_string(&mut part, &mut out).expect("utf-8 part");
        out.push('\n');
    }
    out
}

#[test]
fn json_holds_no_absolute_path_not_given() {
    let absolute = root().display().to_string();
    for args in commands() {
        let (_, stdout, stderr) = run(&args, root(), &[]);
        let out = unzipped(&stdout);
        assert!(!out.contains(&absolute), "{args:?}: {absolute} in stdout");
        assert!(
            !String::from_utf8_lossy(&stderr).contains(&absolute),
            "{args:?}: {absolute} in stderr"
        );
        let home = std::env::var("HOME").unwrap_or_default();
        if home.len() > 1 {
            assert!(!out.contains(&home), "{args:?}: $HOME in stdout");
        }
    }
}

/// `check` reads its conventions in parallel: the report is the same bytes whatever `--jobs`.
#[test]
fn same_bytes_whatever_jobs() {
    let conventions = [
        "corpus/conventions/canope-dinum-2020.md",
        "corpus/conventions/ena-dinum-2021.md",
        "corpus/10-partenaires/old.md",
        "corpus/10-partenaires/new.md",
        "corpus/office/ena-dinum-2021.pandoc.docx",
        "corpus/office/canope-dinum-2020.pandoc.odt",
        PDF,
    ];
    for format in ["terminal", "json", "md"] {
        let mut first: Option<(Option<i32>, Vec<u8>, Vec<u8>)> = None;
        for jobs in ["1", "2", "3", "8", "0"] {
            let mut args = vec![
                "check",
                "--format",
                format,
                "--jobs",
                jobs,
                "corpus/templates/dinum-partenariat.md",
            ];
            args.extend(conventions);
            let out = run(&args, root(), &[]);
            assert!(out.0.is_some_and(|c| c <= 1), "{args:?}: {out:?}");
            match &first {
                None => first = Some(out),
                Some(f) => assert!(*f == out, "check --format {format} --jobs {jobs} differs"),
            }
        }
    }
}

/// The same file named in several ways (`./`, doubled separators, `..`): the output differs
/// only by the name as the user gave it (the program builds no path of its own).
#[test]
fn same_bytes_whatever_the_path_spelling() {
    let spellings = [
        OLD.to_string(),
        format!("./{OLD}"),
        OLD.replace('/', "//"),
        format!("corpus/../{OLD}"),
    ];
    for format in ["json", "md", "outline"] {
        let mut first: Option<String> = None;
        for spelled in &spellings {
            let (code, stdout, stderr) = run(&["parse", "--format", format, spelled], root(), &[]);
            assert_eq!(
                code,
                Some(0),
                "{spelled}: {}",
                String::from_utf8_lossy(&stderr)
            );
            let out = String::from_utf8_lossy(&stdout).replace(spelled.as_str(), "FICHIER");
            match &first {
                None => first = Some(out),
                Some(f) => assert!(*f == out, "parse --format {format} {spelled} differs"),
            }
        }
    }
    let (_, stdout, _) = run(
        &["diff", "--format", "json", &format!("./{OLD}"), NEW],
        root(),
        &[],
    );
    let out = String::from_utf8_lossy(&stdout);
    assert!(out.contains(&format!("\"./{OLD}\"")), "the path as given");
}
