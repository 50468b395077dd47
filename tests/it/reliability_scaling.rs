//! Issue 16 item 9, checked by hand (`cargo test --test it -- --ignored grow_linearly`):
//! parsing texts whose article numbers repeat or come out of order, parse + diff, drafting and
//! applying when every article changed, all grow linearly. Each shape is timed at n and 2n
//! units in CPU time of this thread (the best of three runs, so that a loaded machine does not
//! fail the test); t(2n)/t(n) must stay under [`MAX_RATIO`]. The criterion benches
//! (`benches/parse.rs`, `scaling.rs`, `amend.rs`) give the release figures (target ≤ 2.2);
//! this debug-build check has some slack for noise and still catches a quadratic step (ratio 4
//! per doubling). It is timed, so it is ignored in CI: benchmarks measure, tests never depend
//! on the clock.

use super::reliability_budget::Budget;
use avenant::avenant::{apply, draft, DraftOptions};
use avenant::diff::{compare, DiffOptions};
use std::hint::black_box;
use std::time::Duration;

/// Most t(2n)/t(n) accepted here: 2.2 plus slack for a debug build on a shared machine.
const MAX_RATIO: f64 = 2.8;

/// A small deterministic shuffle (xorshift, no dependency) of 1..=n.
fn shuffled(n: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (1..=n).collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

/// The shapes that used to cost n² (`benches/parse.rs`): one number repeated, numbers shuffled,
/// numbered titles shuffled.
fn parse_shapes(n: usize) -> Vec<(&'static str, String)> {
    let mut same = String::from("Convention de partenariat\n\n");
    for i in 0..n {
        same.push_str(&format!(
            "Article 3 – Clause {i}\n\nTexte de la clause {i}.\n\n"
        ));
    }
    let mut disorder = String::from("Convention de partenariat\n\n");
    for (i, k) in shuffled(n).into_iter().enumerate() {
        disorder.push_str(&format!(
            "Article {k} – Clause {i}\n\nTexte de la clause {i}.\n\n- un point ;\n\n"
        ));
    }
    let mut titles = String::from("Charte\n\n");
    for (i, k) in shuffled(n).into_iter().enumerate() {
        titles.push_str(&format!("{k}. Objet {i}\n\nTexte {i}.\n\n"));
    }
    vec![
        ("numéro répété", same),
        ("numéros dans le désordre", disorder),
        ("titres numérotés dans le désordre", titles),
    ]
}

/// A convention of `n` articles; `changed`: every article's amount doubled (`benches/amend.rs`).
fn every_article(n: usize, changed: bool) -> String {
    let mut s = String::from("Convention de partenariat\n\n");
    for k in 1..=n {
        let amount = if changed { 2 * k } else { k };
        s.push_str(&format!(
            "Article {k} : Engagement {k}\n\nLe partenaire {k} verse une somme de {amount} euros au titre de l'année.\n\nLe comité se réunit chaque mois.\n\n"
        ));
    }
    s
}

/// The best CPU time of three runs of `f`.
fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let b = Budget::start();
            f();
            b.spent()
        })
        .min()
        .unwrap_or_default()
}

/// t(2n)/t(n) of `work` (given the size), printed, and checked against [`MAX_RATIO`].
fn ratio(what: &str, n: usize, mut work: impl FnMut(usize)) -> Option<String> {
    let t1 = best_of_three(|| work(n));
    let t2 = best_of_three(|| work(2 * n));
    let r = t2.as_secs_f64() / t1.as_secs_f64().max(1e-3);
    eprintln!("{what}: n = {n}: {t1:?}, 2n: {t2:?}, ratio {r:.2}");
    (r > MAX_RATIO).then(|| format!("{what}: t(2n)/t(n) = {r:.2} ({t1:?} → {t2:?})"))
}

#[test]
#[ignore = "timed: run by hand on an idle machine; the criterion benches measure scaling"]
fn parsing_diffing_drafting_and_applying_grow_linearly() {
    let mut failures = Vec::new();
    let p = 8_000;
    let (small, big) = (parse_shapes(p), parse_shapes(2 * p));
    for ((shape, a), (_, b)) in small.iter().zip(&big) {
        failures.extend(ratio(&format!("parse, {shape}"), p, |k| {
            black_box(avenant::parse_str("x", if k == p { a } else { b }));
        }));
    }
    let n = 1_000;
    let docs = |n: usize| {
        (
            avenant::parse_str("old", &every_article(n, false)),
            avenant::parse_str("new", &every_article(n, true)),
        )
    };
    let (small, big) = (docs(n), docs(2 * n));
    let pick = |k: usize| if k == n { &small } else { &big };
    failures.extend(ratio("diff, every article changed", n, |k| {
        let (old, new) = pick(k);
        black_box(compare(old.clone(), new.clone(), &DiffOptions::default()));
    }));
    let cmps: Vec<_> = [&small, &big]
        .iter()
        .map(|(o, nw)| compare(o.clone(), nw.clone(), &DiffOptions::default()))
        .collect();
    let cmp_of = |k: usize| if k == n { &cmps[0] } else { &cmps[1] };
    failures.extend(ratio("draft, every article changed", n, |k| {
        black_box(draft(cmp_of(k), &DraftOptions::default()));
    }));
    let acts: Vec<_> = cmps
        .iter()
        .map(|c| draft(c, &DraftOptions::default()))
        .collect();
    failures.extend(ratio("apply, every article changed", n, |k| {
        let (old, act) = if k == n {
            (&small.0, &acts[0])
        } else {
            (&big.0, &acts[1])
        };
        // Ten times: one apply takes a few CPU ticks of 10 ms.
        for _ in 0..10 {
            black_box(apply(old, act).expect("the act applies"));
        }
    }));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
