//! A report closes each of its lines with one period, whatever the heading or quoted text it
//! ends on: a division heading that ends in « . » or « : » (« I.-Dispositions générales. »,
//! « A. Locaux … convention : ») is named without it, so that no report reads « finales.. »,
//! « générales., » or « convention. : ». Checked with the real binary, in the terminal, Markdown
//! and HTML reports, on the APL convention pair of `real/` (headings ending in « . » and « : »)
//! and on the ENA convention with two « TITRE » divisions whose headings end in « . ».

use std::path::Path;
use std::process::Command;

fn report(old: &Path, new: &Path, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_avenant"))
        .args(["diff", "--show-cosmetic", "--format", format])
        .arg(old)
        .arg(new)
        .output()
        .expect("binary runs");
    assert!(
        out.status.code() == Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 report")
}

/// A unit's name followed by its status, in the three reports: « Nom (modifiée) », « Nom</a>
/// (supprimée) », « | **Nom** – » (the first on a line: the unit's own name).
fn name_ends_with_punctuation(report: &str) -> Vec<String> {
    const STATUS: [&str; 9] = [
        "modifiée",
        "supprimée",
        "insérée",
        "renumérotée",
        "retouche",
        "déplacée",
        "alinéa devenu",
        "intitulé devenu",
        "même",
    ];
    let mut bad = Vec::new();
    for line in report.lines() {
        let name = if let Some(rest) = line.strip_prefix("| **") {
            rest.find("** –").map(|i| &rest[..i])
        } else if let Some(i) = line.find("</a> (") {
            Some(&line[..i])
        } else {
            line.find(" (")
                .filter(|&i| STATUS.iter().any(|s| line[i + 2..].starts_with(s)))
                .map(|i| &line[..i])
        };
        if name.is_some_and(|n| n.trim_end().ends_with(['.', ':', ';', ','])) {
            bad.push(line.chars().take(160).collect());
        }
    }
    bad
}

/// The report's own summary lines (unchanged units, renumberings): no doubled punctuation.
fn doubled_in_summaries(report: &str) -> Vec<String> {
    report
        .lines()
        .filter(|l| {
            [
                "Inchangés",
                "Sans changement",
                "Renumérotation",
                "Modifiés par",
            ]
            .iter()
            .any(|s| l.starts_with(s) || l.contains(&format!(">{s}")))
        })
        .filter(|l| l.contains("..") || l.contains(".,") || l.contains(". :"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_apl_convention_pairs_names_end_once() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    let old = real.join("apilos-convention-apl-foyer-2022-12-06.docx");
    let new = real.join("apilos-convention-apl-foyer-2026-06-10.docx");
    if !old.exists() {
        eprintln!("real/ absent: skipped");
        return;
    }
    for format in ["terminal", "md", "html"] {
        let r = report(&old, &new, format);
        // The pair's headings « 2° Nature de l'opération et financement. » and « A. Locaux
        // auxquels s'applique la présente convention : » are named in each report.
        assert!(
            r.contains("et financement →") || r.contains("et financement**"),
            "{format}"
        );
        assert_eq!(
            name_ends_with_punctuation(&r),
            Vec::<String>::new(),
            "{format}"
        );
        assert_eq!(doubled_in_summaries(&r), Vec::<String>::new(), "{format}");
    }
}

#[test]
fn a_division_heading_ending_in_a_period_is_listed_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(text) = std::fs::read_to_string(root.join("../shared/corpus/real/seed-ena.soffice.txt"))
    else {
        eprintln!("real/ absent: skipped");
        return;
    };
    // Two divisions whose headings end in « . », and one word added to article 2.
    let old = text
        .replacen(
            "\nArticle 1",
            "\nTITRE I – DISPOSITIONS GÉNÉRALES.\nArticle 1",
            1,
        )
        .replacen(
            "\nArticle 6",
            "\nTITRE II – Dispositions finales.\nArticle 6",
            1,
        );
    assert_ne!(old, text);
    let new = old.replacen("L’ENA s’engage", "L’ENA s’engage en outre", 1);
    assert_ne!(new, old);
    let dir = std::env::temp_dir();
    let (a, b) = (
        dir.join(format!("avenant-punct-{}-old.txt", std::process::id())),
        dir.join(format!("avenant-punct-{}-new.txt", std::process::id())),
    );
    std::fs::write(&a, &old).expect("temp file");
    std::fs::write(&b, &new).expect("temp file");
    for format in ["terminal", "md", "html"] {
        let r = report(&a, &b, format);
        // The HTML report folds unchanged units into one summary, heading by heading.
        let listed = if format == "html" {
            "<strong>TITRE II – Dispositions finales</strong>"
        } else {
            "TITRE II – Dispositions finales,"
        };
        assert!(r.contains(listed), "{format}: {r}");
        assert!(
            !r.contains("finales.,") && !r.contains("finales.."),
            "{format}"
        );
        assert_eq!(
            name_ends_with_punctuation(&r),
            Vec::<String>::new(),
            "{format}"
        );
        assert_eq!(doubled_in_summaries(&r), Vec::<String>::new(), "{format}");
    }
    let _ = std::fs::remove_file(&a);
    let _ = std::fs::remove_file(&b);
}
