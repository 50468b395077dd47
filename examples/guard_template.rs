//! Guarding a template in CI: check every partner convention against the template and keep
//! the reports as insta snapshots, so that any change — a convention departing from the
//! template, or the template itself drifting — shows up as a snapshot diff to review.
//!
//! In your own project's tests, it is three lines:
//!
//! ```ignore
//! let template = avenant::Template::load(Path::new("modeles/partenariat.md"), &Default::default())?;
//! let convention = avenant::load(Path::new("conventions/ena.md"), &Default::default())?;
//! insta::assert_snapshot!(avenant::check(&template, &convention).to_string());
//! ```
//!
//! Run it here with `cargo run --example guard_template` (the snapshots are in `snapshots/`;
//! `tests/template_guard.rs` runs the same code in `cargo test`).

use std::path::Path;

const TEMPLATE: &str = "corpus/templates/dinum-partenariat.md";
const CONVENTIONS: [&str; 2] = [
    "corpus/conventions/ena-dinum-2021.md",
    "corpus/templates/variants/00-conforme/convention.md",
];

/// Checks the conventions against the template and asserts the snapshot of each report.
pub fn guard() -> Result<Vec<avenant::CheckReport>, avenant::Error> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Relative names keep the reports (and the snapshots) independent of the checkout.
    let read = |relative: &str| {
        std::fs::read_to_string(root.join(relative))
            .map_err(|e| avenant::Error::new(relative, avenant::ErrorKind::Io(e.to_string())))
    };
    let template = avenant::Template::parse(TEMPLATE, &read(TEMPLATE)?)?;
    let mut reports = Vec::new();
    for relative in CONVENTIONS {
        let convention = avenant::parse_str(relative, &read(relative)?);
        reports.push(avenant::check(&template, &convention));
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for report in &reports {
            let stem = Path::new(&report.convention)
                .parent()
                .filter(|p| p.ends_with("00-conforme"))
                .map_or_else(
                    || {
                        Path::new(&report.convention)
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    },
                    |_| "variante-conforme".to_string(),
                );
            insta::assert_snapshot!(format!("guard-template-{stem}"), report.to_string());
        }
    });
    Ok(reports)
}

fn main() {
    match guard() {
        Ok(reports) => {
            for r in &reports {
                println!("{} : {}", r.convention, r.summary());
            }
        }
        Err(e) => {
            eprintln!("guard_template : {e}");
            std::process::exit(2);
        }
    }
}
