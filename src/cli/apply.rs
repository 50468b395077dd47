//! `avenant apply CONVENTION AVENANT`: reads the convention and the avenant, applies the avenant
//! and prints the consolidated convention (Markdown or JSON). An avenant sentence that cannot be
//! read or applied is one line on stderr naming the avenant's article and the target, exit code
//! 2, and nothing on stdout.

use super::{Failure, Output, EXIT_OK};
use avenant::avenant::{apply, parse_avenant};
use avenant::render;
use avenant::{Error, ErrorKind, ReadOptions};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Args)]
pub(super) struct ApplyArgs {
    /// La convention à modifier (Markdown, texte ou PDF).
    #[arg(value_name = "CONVENTION")]
    convention: PathBuf,
    /// L'avenant (Markdown ou texte), tel que `avenant draft` l'écrit ou tel qu'un juriste le rédige.
    #[arg(value_name = "AVENANT")]
    avenant: PathBuf,
    /// Format de sortie.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ApplyFormat::Md)]
    format: ApplyFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum ApplyFormat {
    /// La convention consolidée en Markdown.
    Md,
    /// La convention consolidée en JSON (schema 1).
    Json,
}

pub(super) fn run(args: &ApplyArgs, options: &ReadOptions, out: &Output) -> Result<u8, Failure> {
    let convention = avenant::load(&args.convention, options)?;
    out.warn(&convention);
    let (source, _) = avenant::extract::read_path(&args.avenant, options)?;
    let path = args.avenant.display().to_string();
    let av = parse_avenant(&source.text)
        .map_err(|e| Error::new(path.clone(), ErrorKind::Invalid(e.to_string())))?;
    let consolidated =
        apply(&convention, &av).map_err(|e| Error::new(path, ErrorKind::Apply(e.to_string())))?;
    // Rendered in memory first: nothing reaches stdout unless everything succeeded.
    let mut buffer = Vec::new();
    match args.format {
        ApplyFormat::Md => render::markdown::write_markdown(&consolidated, &mut buffer)?,
        ApplyFormat::Json => render::json::write_json(&consolidated, &mut buffer)?,
    }
    out.write(&buffer)?;
    Ok(EXIT_OK)
}
