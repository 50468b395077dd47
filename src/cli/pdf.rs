//! `--format pdf`: the HTML page printed by a headless Chromium (when one is installed), through
//! a temporary folder removed afterwards. One clear line when no browser is found.

use super::Failure;
use avenant::{Error, ErrorKind};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const BROWSERS: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    BROWSERS.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

fn failure(message: String) -> Failure {
    Failure::Input(Error::new("pdf".to_string(), ErrorKind::Invalid(message)))
}

/// Prints an HTML page to PDF with a headless Chromium.
pub(super) fn print(html: &[u8]) -> Result<Vec<u8>, Failure> {
    let Some(browser) = browser() else {
        return Err(failure(
            "aucun navigateur Chromium installé (chromium, google-chrome) : \
             utilisez --format html et imprimez la page depuis un navigateur"
                .to_string(),
        ));
    };
    let dir = std::env::temp_dir().join(format!("avenant-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = print_in(&browser, &dir, html);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn print_in(browser: &PathBuf, dir: &std::path::Path, html: &[u8]) -> Result<Vec<u8>, Failure> {
    let page = dir.join("comparaison.html");
    let pdf = dir.join("comparaison.pdf");
    std::fs::write(&page, html)?;
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profil").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    match std::fs::read(&pdf) {
        Ok(bytes) if status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => Err(failure(format!(
            "{} n'a pas produit de PDF ({status})",
            browser.display()
        ))),
    }
}
