//! The integration tests, in one binary: each module runs the library or the real `avenant` binary
//! on the corpus, and every snapshot is kept in the top-level `snapshots/` folder.

mod align_real;
mod apply_catalogue;
mod apply_mutations;
mod apply_refusals;
mod avenant_apply_ops;
mod avenant_model_roundtrip;
mod avenant_read_variants;
mod avenant_render;
mod cli_apply;
mod cli_check;
mod cli_diff;
mod cli_draft;
mod cli_parse;
mod cli_pdf;
#[allow(dead_code)]
mod common;
mod corpus_snapshots;
mod diff_cases;
mod diff_partners;
mod diff_props;
mod draft_cases;
mod draft_roundtrip;
mod draft_verified;
mod legistique_fixture;
mod office_pandoc;
mod office_read;
mod office_snapshots;
mod parse_properties;
mod parse_seeds;
mod pdf_cctp;
mod pdf_equivalence;
mod perf_batch;
mod readme;
mod reliability_catalogue;
mod reliability_conservation;
mod reliability_determinism;
mod reliability_mutation;
mod report_cli;
mod report_docx;
mod report_html;
mod report_support;
mod structure_real;
mod template_check;
mod template_guard;
mod template_infer;
