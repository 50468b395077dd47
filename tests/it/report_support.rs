//! Helpers of the report tests: the corpus cases, the real binary, and the external tools
//! (chromium, pandoc, soffice, pdftoppm) a person would open the reports with. A test that needs
//! a tool absent here is skipped with a note, except under CI (`CI=true`), where `.ci/run`
//! installs them and their absence is a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The corpus version cases `corpus/NN-name/` (each with old.md, new.md, case.toml).
pub fn cases() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .expect("corpus/")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("case.toml").is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.as_bytes().first().is_some_and(u8::is_ascii_digit))
        .collect();
    names.sort();
    names
}

/// Runs the real binary from the crate root.
pub fn avenant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run avenant")
}

/// A fresh scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("avenant-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Whether `tool` is installed; under CI its absence fails the test, elsewhere it skips it.
pub fn have(tool: &str) -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()));
    if !found {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{tool} is required under CI (.ci/run installs it)"
        );
        eprintln!("note: {tool} absent: test skipped (apt-get install -y {tool})");
    }
    found
}

/// What an article may contain that must come out as text: markup, entities, CDATA ends, quotes.
pub const HOSTILE: &str = "Le texte <script>alert('x')</script> et <img src=x onerror=alert(1)> restent du texte, &amp; aussi, comme ]]> et les \"guillemets\".";

/// A comparison whose texts carry [`HOSTILE`] (set on the tree: the readers already strip
/// markup from files, the renderers must not rely on it).
pub fn hostile_comparison() -> avenant::diff::Comparison {
    let text = "Convention de test\n\nArticle 1 : Objet\n\nPREMIER\n\nArticle 2 : Durée\n\nLa convention dure un an.\n";
    let mut old = avenant::parse_str("old.md", text);
    let mut new = avenant::parse_str("new.md", &text.replace("un an", "deux ans"));
    for doc in [&mut old, &mut new] {
        let ids = doc.descendants(doc.root());
        for id in ids {
            let node = doc.node_mut(id);
            if node.text == "PREMIER" {
                node.text = HOSTILE.to_string();
            } else if node.text == "La convention dure deux ans." {
                node.text = "La convention dure deux ans <b>gras</b>.".to_string();
            }
        }
    }
    avenant::diff::compare(old, new, &avenant::diff::DiffOptions::default())
}
