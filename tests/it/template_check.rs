//! The hand-written DINUM partnership template (`corpus/templates/dinum-partenariat.md`)
//! checked against both seed conventions and against the variants of
//! `corpus/templates/variants/` (expectations in each `case.toml`); the reports and the matrix
//! are snapshots in the top-level `snapshots/` folder, read as a jurist reads them.

use avenant::template::{self, AllowList, ClauseStatus, Matrix, Template};
use std::path::{Path, PathBuf};

const TEMPLATE: &str = "corpus/templates/dinum-partenariat.md";
const SEEDS: [&str; 2] = [
    "corpus/conventions/canope-dinum-2020.md",
    "corpus/conventions/ena-dinum-2021.md",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a file under a name relative to the crate, so that reports do not depend on where
/// the checkout lives.
fn doc(relative: &str) -> avenant::Document {
    let text = std::fs::read_to_string(root().join(relative)).expect("utf-8 file");
    avenant::parse_str(relative, &text)
}

fn template() -> Template {
    let text = std::fs::read_to_string(root().join(TEMPLATE)).expect("template");
    Template::parse(TEMPLATE, &text).expect("the template is valid")
}

fn snapshots(f: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f);
}

#[test]
fn the_template_reads_with_its_optional_clause_and_placeholders() {
    let t = template();
    assert!(t.is_optional("article-5"));
    assert!(t.is_optional("article-5.3"));
    assert!(!t.is_optional("article-6"));
    let names: Vec<String> = t.placeholders().iter().map(|p| p.to_string()).collect();
    for expected in [
        "{{partenaire:party}}",
        "{{partenaire_adresse}}",
        "{{partenaire_representant}}",
        "{{date_fin:date}}",
        "{{montant:amount}}",
        "{{date_signature:date}}",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    // The optional mark is not part of the heading any more.
    let doc = t.document();
    let a5 = doc.node(doc.get("article-5").expect("article 5"));
    assert_eq!(a5.heading.as_deref(), Some("Dispositions financières"));
}

#[test]
fn seeds_against_the_hand_written_template() {
    let t = template();
    let canope = template::check(&t, &doc(SEEDS[0]));
    let ena = template::check(&t, &doc(SEEDS[1]));

    // The partner's name fills {{partenaire:party}} everywhere, consistently.
    let p = canope.placeholder("partenaire").expect("placeholder");
    assert_eq!(p.value.as_deref(), Some("Réseau Canopé"));
    assert!(p.inconsistent.is_none() && p.type_problems.is_empty());
    let p = ena.placeholder("partenaire").expect("placeholder");
    assert_eq!(p.value.as_deref(), Some("l'ENA"));
    assert!(p.inconsistent.is_none());
    assert_eq!(
        ena.placeholder("date_fin").and_then(|p| p.value.as_deref()),
        Some("31 décembre 2021")
    );
    assert_eq!(
        canope
            .placeholder("montant")
            .and_then(|p| p.value.as_deref()),
        Some("281 160 €")
    );

    // Canopé has the optional financial article, word for word; ENA does not have it.
    for key in ["article-5", "article-5.1", "article-5.2", "article-5.6"] {
        assert_eq!(
            canope.clause(key).map(|c| c.status),
            Some(ClauseStatus::Conforme),
            "{key}"
        );
        let c = ena.clause(key).expect("reported");
        assert_eq!(
            (c.status, c.optional),
            (ClauseStatus::Absent, true),
            "{key}"
        );
    }
    // Canopé's own clauses.
    let added: Vec<&str> = canope.keys(ClauseStatus::Ajoutee);
    assert_eq!(added, ["visas", "article-8", "annexe-2", "annexe-3"]);
    assert_eq!(ena.keys(ClauseStatus::Ajoutee), ["en-tete"]);
    // ENA's articles are the template's, renumbered.
    for key in [
        "article-1",
        "article-2",
        "article-3",
        "article-4",
        "article-7",
        "article-8",
        "annexe-1",
    ] {
        assert_eq!(
            ena.clause(key).map(|c| c.status),
            Some(ClauseStatus::Conforme),
            "{key}: {ena}"
        );
    }
    assert_eq!(
        ena.clause("article-7")
            .and_then(|c| c.convention_key.as_deref()),
        Some("article-6")
    );
    assert!(!canope.conforms() && !ena.conforms());

    snapshots(|| {
        insta::assert_snapshot!("template-check-canope-dinum-2020", canope.to_string());
        insta::assert_snapshot!("template-check-ena-dinum-2021", ena.to_string());
        let matrix = Matrix::new(&t, &[canope.clone(), ena.clone()]);
        insta::assert_snapshot!("template-matrix-seeds", matrix.to_string());
        let mut md = Vec::new();
        matrix.write_markdown(&mut md).expect("markdown");
        insta::assert_snapshot!("template-matrix-seeds-md", String::from_utf8_lossy(&md));
    });
}

#[test]
fn reports_are_deterministic() {
    let t = template();
    let a = template::check(&t, &doc(SEEDS[0])).to_string();
    let b = template::check(&t, &doc(SEEDS[0])).to_string();
    assert_eq!(a, b);
}

#[test]
fn json_is_its_own_schema() {
    let t = template();
    let reports = vec![
        template::check(&t, &doc(SEEDS[0])),
        template::check(&t, &doc(SEEDS[1])),
    ];
    let mut out = Vec::new();
    template::matrix::write_json(&t, &reports, &mut out).expect("json");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("valid json");
    assert_eq!(v["schema"], 1);
    assert_eq!(v["conforms"], false);
    assert_eq!(v["reports"].as_array().map(Vec::len), Some(2));
    let clauses = v["reports"][1]["clauses"].as_array().expect("clauses");
    let a5 = clauses
        .iter()
        .find(|c| c["key"] == "article-5")
        .expect("article 5");
    assert_eq!(a5["status"], "absent");
    assert_eq!(a5["optional"], true);
    assert_eq!(v["matrix"]["columns"][0], SEEDS[0]);
    let single: serde_json::Value =
        serde_json::from_str(&reports[0].to_json()).expect("valid json");
    assert_eq!(single["schema"], 1);
    assert_eq!(single["convention"], SEEDS[0]);
}

#[test]
fn allowed_departures_are_not_counted() {
    let t = template();
    let mut report = template::check(
        &t,
        &doc("corpus/templates/variants/03-clause-ajoutee/convention.md"),
    );
    assert_eq!(report.deviations(), 1);
    let allow = AllowList::parse(
        "allow.txt",
        "# départs connus\n03-clause-ajoutee/convention.md#+article-8 : clause de litiges demandée par l'ENA\n",
    )
    .expect("allow list");
    allow.apply(&mut report);
    assert!(report.conforms(), "{report}");
    let text = report.to_string();
    assert!(
        text.contains("accepté\u{a0}: clause de litiges demandée par l'ENA"),
        "{text}"
    );
}

#[derive(serde::Deserialize)]
struct Case {
    description: String,
    conforms: bool,
    adapte: Vec<String>,
    absent: Vec<String>,
    ajoutee: Vec<String>,
    #[serde(default)]
    changes: Vec<String>,
    #[serde(default)]
    problems: Vec<String>,
}

#[test]
fn variants_meet_their_case_toml() {
    let t = template();
    let dir = root().join("corpus/templates/variants");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("variants folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "variants: {cases:?}");
    snapshots(|| {
        for case_dir in cases {
            let name = case_dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("x")
                .to_string();
            let case: Case = toml::from_str(
                &std::fs::read_to_string(case_dir.join("case.toml")).expect("case.toml"),
            )
            .unwrap_or_else(|e| panic!("{name}/case.toml: {e}"));
            let relative = format!("corpus/templates/variants/{name}/convention.md");
            assert!(Path::new(&root().join(&relative)).exists());
            let report = template::check(&t, &doc(&relative));
            let why = format!("{name} ({}):\n{report}", case.description);
            assert_eq!(report.conforms(), case.conforms, "{why}");
            assert_eq!(report.keys(ClauseStatus::Adapte), case.adapte, "{why}");
            assert_eq!(report.keys(ClauseStatus::Absent), case.absent, "{why}");
            assert_eq!(report.keys(ClauseStatus::Ajoutee), case.ajoutee, "{why}");
            for words in &case.changes {
                assert!(
                    report
                        .clauses
                        .iter()
                        .flat_map(|c| &c.changes)
                        .any(|c| c.new.contains(words.as_str())),
                    "{why}\nchange « {words} »"
                );
            }
            let problems: Vec<&String> = report.clauses.iter().flat_map(|c| &c.problems).collect();
            assert_eq!(problems.len(), case.problems.len(), "{why}");
            for p in &case.problems {
                assert!(problems.contains(&p), "{why}\nproblem « {p} »");
            }
            insta::assert_snapshot!(format!("template-variant-{name}"), report.to_string());
        }
    });
}
