//! `avenant diff OLD NEW`: loads both files, compares them, prints the comparison in the chosen
//! format; exit code 0 when no substantive difference, 1 otherwise (2 on error, as diff(1)).

use super::{warn, Failure, EXIT_DIFFERENCES, EXIT_OK};
use avenant::diff::{compare, DiffOptions};
use avenant::render::diff_common::DiffRenderOptions;
use avenant::render::{diff_json, diff_md, diff_terminal};
use avenant::ReadOptions;
use clap::{Args, ValueEnum};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

#[derive(Args)]
pub(super) struct DiffArgs {
    /// Ancienne version (ou convention de référence).
    old: PathBuf,
    /// Nouvelle version (ou autre convention).
    new: PathBuf,
    #[arg(long, value_enum, default_value_t = DiffFormat::Terminal)]
    format: DiffFormat,
    /// Affiche aussi les changements de pure forme (casse d'un intitulé, accent d'une capitale).
    #[arg(long)]
    show_cosmetic: bool,
    /// Mots inchangés gardés de part et d'autre d'un changement (terminal).
    #[arg(long, default_value_t = 8)]
    context: usize,
    /// Couleurs : auto (si la sortie est un terminal), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// Un bloc par unité modifiée, mots supprimés en rouge barré, insérés en vert.
    Terminal,
    /// Tableau comparatif Markdown (Rédaction actuelle / Nouvelle rédaction / Observations).
    Md,
    /// JSON (schema 1).
    Json,
    /// L'avenant qui fait passer de l'ancienne version à la nouvelle (comme `avenant draft`).
    Avenant,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

pub(super) fn run(args: &DiffArgs, options: &ReadOptions) -> Result<u8, Failure> {
    // Both sides are read and parsed at the same time (on two cores when there are two).
    let (old, new) = rayon::join(
        || avenant::load(&args.old, options),
        || avenant::load(&args.new, options),
    );
    let (old, new) = (old?, new?);
    warn(&old);
    warn(&new);
    let cmp = compare(old, new, &DiffOptions::default());
    let stdout = io::stdout();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let render = DiffRenderOptions {
        show_cosmetic: args.show_cosmetic,
        context: Some(args.context),
        color,
    };
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        DiffFormat::Terminal => diff_terminal::write_diff_terminal(&cmp, &render, &mut out)?,
        DiffFormat::Md => diff_md::write_diff_md(&cmp, &render, &mut out)?,
        DiffFormat::Json => diff_json::write_diff_json(&cmp, &render, &mut out)?,
        DiffFormat::Avenant => {
            super::draft::write_avenant(&cmp, &Default::default(), Default::default(), &mut out)?
        }
    }
    out.flush()?;
    Ok(if cmp.has_differences() {
        EXIT_DIFFERENCES
    } else {
        EXIT_OK
    })
}
