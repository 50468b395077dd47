//! The `guard_template` example runs in `cargo test`: the same code, its snapshots checked.

#[allow(dead_code)]
#[path = "../../examples/guard_template.rs"]
mod guard_template;

#[test]
fn the_guard_example_runs_and_its_snapshots_hold() {
    let reports = guard_template::guard().expect("the example runs");
    assert_eq!(reports.len(), 2);
    assert!(
        !reports[0].conforms(),
        "the ENA convention departs from the template"
    );
    assert!(reports[1].conforms(), "the variant follows the template");
}
