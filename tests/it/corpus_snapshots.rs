//! Snapshots of every corpus convention's tree (outline and JSON) in the top-level
//! `snapshots/` folder: a change in parsing shows up as a reviewed diff of these files.

use avenant::render::{json::write_json, outline::outline};

fn conventions() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in ["conventions", "models"] {
        let dir = format!("{}/corpus/{dir}", env!("CARGO_MANIFEST_DIR"));
        files.extend(
            std::fs::read_dir(dir)
                .expect("corpus folder")
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt")),
        );
    }
    files.sort();
    files
}

#[test]
fn parse_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for path in conventions() {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("x")
                .to_string();
            let text = std::fs::read_to_string(&path).expect("utf-8");
            // A relative name keeps the snapshots independent of where the checkout lives.
            let relative = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| stem.clone());
            let doc = avenant::parse_str(relative.trim_start_matches('/'), &text);
            insta::assert_snapshot!(format!("parse-outline-{stem}"), outline(&doc));
            let mut json = Vec::new();
            write_json(&doc, &mut json).expect("json");
            insta::assert_snapshot!(format!("parse-json-{stem}"), String::from_utf8_lossy(&json));
        }
    });
}
