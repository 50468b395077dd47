//! Seeded mutation test of drafted avenants: a target number, a quoted word or an ordinal
//! changed so that the instruction no longer has a true application must never apply with
//! exit 0 and a result different from the unmutated avenant's. Deterministic (a seeded
//! generator), every instruction line of the corpus's drafted and committed avenants, a few seconds.

use avenant::avenant::render::markdown;
use avenant::avenant::{apply, draft, parse_avenant, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use avenant::Document;
use regex::Regex;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir("corpus")
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("old.md").exists() && p.join("new.md").exists())
        .collect();
    dirs.sort();
    dirs
}

fn load(p: &Path) -> Document {
    avenant::read(p, &Default::default()).expect("readable")
}

pub(crate) fn outcome(old: &Document, text: &str) -> Result<String, String> {
    let av = parse_avenant(text).map_err(|e| e.to_string())?;
    let doc = apply(old, &av).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    avenant::render::markdown::write_markdown(&doc, &mut out).expect("in memory");
    Ok(String::from_utf8(out).expect("utf-8"))
}

/// A small deterministic generator (no dependency): which occurrences to mutate.
pub(crate) struct Lcg(pub(crate) u64);
impl Lcg {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Mutants of one avenant text: (what was changed, mutated text). Each replaces one match of
/// `re` in an instruction line (after the first article heading of the avenant) by `with`.
pub(crate) fn mutants(text: &str, rng: &mut Lcg) -> Vec<(String, String)> {
    let body_start = text
        .find("\n# Article 1")
        .or_else(|| text.find("\nArticle 1"))
        .unwrap_or(0);
    let rules: [(&str, Regex, [&str; 3]); 3] = [
        (
            "numéro d'article",
            // Not the article a sentence adds: « complétée par un article 12 » truly applies.
            Regex::new(r"(?:l'article|À l'article|de l'article|Après l'article) (\d+(?: bis| ter)?)").unwrap(),
            ["97", "42 ter", "0"],
        ),
        (
            "mot cité",
            // The words an instruction replaces or deletes (the first quotation of its line).
            Regex::new(r"(?:les mots|le mot|la date|le montant|le nombre|le taux|la durée) : « ([^«»]+?) » (?:sont|est) (?:remplacée?s?|supprimée?s?)").unwrap(),
            ["zqx", "bis", "Article"],
        ),
        (
            "ordinal",
            Regex::new(r"\b(premier|deuxième|troisième|quatrième|cinquième|sixième|dernier) (alinéa|phrase)").unwrap(),
            ["vingt-septième", "quarantième", "centième"],
        ),
    ];
    let mut out = Vec::new();
    for (what, re, with) in &rules {
        let hits: Vec<_> = re
            .captures_iter(&text[body_start..])
            .filter_map(|c| c.get(1))
            .filter(|m| {
                let line_start = text[..body_start + m.start()]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                let line = &text[line_start..];
                let line = &line[..line.find('\n').unwrap_or(line.len())];
                // Instruction lines only: not the avenant's own article headings or boilerplate.
                let heading = line.starts_with('#') || line.starts_with("Article ");
                // Nor the text an instruction quotes (a new alinéa « … l'article 3 du décret … »):
                // changed, the instruction truly applies, with other words.
                let before = &text[line_start..body_start + m.start()];
                let quoted = *what != "mot cité"
                    && (line.starts_with('«')
                        || before.matches('«').count() > before.matches('»').count());
                !heading
                    && !quoted
                    && !line.starts_with("Le présent avenant")
                    && !line.contains("complétée par un article")
                    && !line.contains("inséré un article")
            })
            .collect();
        // Every hit, each with one of three replacements chosen by the seeded generator.
        for m in hits {
            let with = with[(rng.next() as usize) % with.len()];
            let (a, b) = (body_start + m.start(), body_start + m.end());
            let replacement = if *what == "mot cité" {
                format!("{} {with}", &text[a..b])
            } else {
                with.to_string()
            };
            out.push((
                format!("{what} « {} » → « {replacement} »", &text[a..b]),
                format!("{}{replacement}{}", &text[..a], &text[b..]),
            ));
        }
    }
    out
}

#[test]
fn mutated_avenants_never_apply_silently_wrong() {
    let mut rng = Lcg(0x5eed_a7e4);
    let mut total = 0;
    let mut refused = 0;
    let mut failures = Vec::new();
    for dir in cases() {
        let (old, new) = (load(&dir.join("old.md")), load(&dir.join("new.md")));
        let cmp = compare(old.clone(), new, &DiffOptions::default());
        for renumber in [false, true] {
            let av = draft(
                &cmp,
                &DraftOptions {
                    renumber,
                    ..DraftOptions::default()
                },
            );
            if av.articles.iter().all(|a| a.instructions.is_empty()) {
                continue;
            }
            let text = markdown(&av);
            let Ok(reference) = outcome(&old, &text) else {
                failures.push(format!(
                    "{}: the unmutated avenant does not apply",
                    dir.display()
                ));
                continue;
            };
            for (what, mutated) in mutants(&text, &mut rng) {
                total += 1;
                match outcome(&old, &mutated) {
                    Err(_) => refused += 1,
                    Ok(out) if out == reference => {}
                    Ok(_) => failures.push(format!(
                        "{} (renumber={renumber}): {what} applied with another result",
                        dir.display()
                    )),
                }
            }
        }
    }
    // The avenants written by people, on their conventions.
    for (conv, av) in [
        (
            "corpus/conventions/ena-dinum-2021.md",
            "corpus/avenants/ena-dinum-2021-avenant-1.md",
        ),
        (
            "corpus/conventions/ena-dinum-2021.md",
            "corpus/avenants/ena-dinum-2021-avenant-renouvellement.md",
        ),
        (
            "corpus/conventions/canope-dinum-2020.md",
            "corpus/avenants/canope-dinum-2020-avenant-renouvellement.md",
        ),
    ] {
        let old = load(Path::new(conv));
        let text = std::fs::read_to_string(av).expect("avenant");
        let Ok(reference) = outcome(&old, &text) else {
            failures.push(format!("{av}: the unmutated avenant does not apply"));
            continue;
        };
        for (what, mutated) in mutants(&text, &mut rng) {
            total += 1;
            match outcome(&old, &mutated) {
                Err(_) => refused += 1,
                Ok(out) if out == reference => {}
                Ok(_) => failures.push(format!("{av}: {what} applied with another result")),
            }
        }
    }
    eprintln!("{refused} of {total} mutants refused");
    assert!(total >= 40, "only {total} mutants");
    assert!(
        failures.is_empty(),
        "{} of {total} mutants:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(refused * 10 >= total * 9, "{refused} of {total} refused");
}
