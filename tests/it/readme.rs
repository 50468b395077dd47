//! The README's examples stay true: every `$ avenant …` line runs with the real binary and
//! exits 0 (or 1 for a command that reports differences).

use std::process::Command;

#[test]
fn readme_examples_run() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README.md");
    let examples: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("$ avenant "))
        .collect();
    assert!(!examples.is_empty(), "the README shows examples");
    for example in examples {
        let args: Vec<&str> = example.split_whitespace().collect();
        let out = Command::new(env!("CARGO_BIN_EXE_avenant"))
            .args(&args)
            .current_dir(root)
            .output()
            .expect("binary runs");
        let code = out.status.code();
        assert!(
            matches!(code, Some(0) | Some(1)),
            "`avenant {example}` exited {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.is_empty(),
            "`avenant {example}` printed nothing"
        );
    }
}
