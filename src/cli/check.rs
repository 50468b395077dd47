//! `avenant check TEMPLATE CONVENTION…`: checks each convention against the template and prints
//! the reports (and, with several conventions, the matrix of clauses × conventions).
//! Exit code 0 when every convention conforms, 1 when some depart, 2 on error.

use super::{Failure, Output, EXIT_DIFFERENCES, EXIT_OK};
use avenant::template::{self, AllowList, CheckReport, Matrix, Template};
use avenant::{Document, Error, ErrorKind, ReadOptions};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

#[derive(Args)]
pub(super) struct CheckArgs {
    /// Modèle de convention (Markdown avec {{variables}} et intitulés « [optionnel] »).
    #[arg(value_name = "MODÈLE")]
    template: PathBuf,
    /// Conventions à vérifier.
    #[arg(required = true, value_name = "CONVENTION")]
    conventions: Vec<PathBuf>,
    /// Format de sortie.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = CheckFormat::Terminal)]
    format: CheckFormat,
    /// Écarts acceptés, un par ligne : « CLAUSE : raison » ou « FICHIER#CLAUSE : raison ».
    #[arg(long, value_name = "FICHIER")]
    allow: Option<PathBuf>,
    /// Nombre de conventions lues et vérifiées en parallèle (0 : tous les cœurs).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Un rapport par convention, puis la matrice clauses × conventions.
    Terminal,
    /// Tableaux Markdown.
    Md,
    /// JSON (schema 1).
    Json,
    /// JSON Lines : un rapport par ligne, une ligne par convention, dans l'ordre des fichiers.
    Jsonl,
    /// Page HTML autonome : la matrice clauses × conventions avec sa légende, puis les rapports.
    Html,
}

pub(super) fn run(args: &CheckArgs, options: &ReadOptions, output: &Output) -> Result<u8, Failure> {
    let template = Template::load(&args.template, options)?;
    output.warn(template.document());
    let allow = match &args.allow {
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                let kind = if e.kind() == io::ErrorKind::NotFound {
                    ErrorKind::NotFound
                } else {
                    ErrorKind::Io(e.to_string())
                };
                Error::new(name.clone(), kind)
            })?;
            AllowList::parse(&name, &text)?
        }
        None => AllowList::default(),
    };
    // Each convention is read and checked on its own thread; results come back in the order
    // of the files whatever the number of threads, so the output never depends on it.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs)
        .build()
        .map_err(|e| Error::new("--jobs".to_string(), ErrorKind::Io(e.to_string())))?;
    let progress = progress_bar(args.conventions.len(), output.is_quiet());
    let results: Vec<Result<(Document, CheckReport), Error>> = pool.install(|| {
        args.conventions
            .par_iter()
            .map(|path| {
                let convention = avenant::load(path, options)?;
                let mut report = template::check(&template, &convention);
                allow.apply(&mut report);
                progress.inc(1);
                Ok((convention, report))
            })
            .collect()
    });
    progress.finish_and_clear();
    let mut reports = Vec::with_capacity(results.len());
    for result in results {
        let (convention, report) = result?;
        output.warn(&convention);
        reports.push(report);
    }
    let mut out = Vec::new();
    match args.format {
        CheckFormat::Terminal => {
            for (i, r) in reports.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write!(out, "{r}")?;
            }
            if reports.len() > 1 {
                writeln!(out)?;
                write!(out, "{}", Matrix::new(&template, &reports))?;
            }
        }
        CheckFormat::Md => {
            writeln!(out, "# Vérification de conventions sur le modèle")?;
            writeln!(out)?;
            if reports.len() > 1 {
                Matrix::new(&template, &reports).write_markdown(&mut out)?;
                writeln!(out)?;
            }
            for (i, r) in reports.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                r.write_markdown(&mut out)?;
            }
        }
        CheckFormat::Json => template::matrix::write_json(&template, &reports, &mut out)?,
        CheckFormat::Jsonl => {
            for r in &reports {
                writeln!(out, "{}", r.to_json_line())?;
            }
        }
        CheckFormat::Html => {
            avenant::render::html::write_check_html(&template, &reports, &mut out)?
        }
    }
    output.write(&out)?;
    Ok(if reports.iter().all(|r| r.conforms()) {
        EXIT_OK
    } else {
        EXIT_DIFFERENCES
    })
}

/// A progress bar on stderr for a batch, drawn only when stderr is a terminal, the batch has
/// several files and `--quiet` is off (hidden otherwise: nothing is written).
fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || len < 2 || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} ({eta})") {
        bar.set_style(style);
    }
    bar.set_message("conventions vérifiées");
    bar
}
