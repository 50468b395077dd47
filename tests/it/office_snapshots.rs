//! Snapshots of the tree of every .docx and .odt in `../shared/corpus/real/` (outline format), each
//! read against the document and its LibreOffice text: labels, tables and notes as Word shows them.

use avenant::render::outline::outline;

#[test]
fn real_office_documents() {
    let dir = format!("{}/../shared/corpus/real", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("note : {dir} absent, instantanés des documents réels non vérifiés");
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx" || x == "odt"))
        .collect();
    files.sort();
    assert!(files.len() >= 17, "{} files", files.len());
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for path in files {
            let name = path
                .file_name()
                .and_then(|s| s.to_str())
                .unwrap_or("x")
                .to_string();
            let (mut source, _) =
                avenant::extract::read_path(&path, &avenant::ReadOptions::default())
                    .expect("reads");
            source.path = format!("real/{name}");
            let doc = avenant::parse::parse(source);
            insta::assert_snapshot!(format!("office-outline-{name}"), outline(&doc));
        }
    });
}
