//! `avenant check TEMPLATE CONVENTION…`: checks each convention against the template and prints
//! the reports (and, with several conventions, the matrix of clauses × conventions).
//! Exit code 0 when every convention conforms, 1 when some depart, 2 on error.

use super::{Failure, Output, EXIT_DIFFERENCES, EXIT_OK};
use avenant::template::{self, AllowList, Matrix, Template};
use avenant::{Error, ErrorKind, ReadOptions};
use clap::{Args, ValueEnum};
use std::io::{self, Write};
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
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Un rapport par convention, puis la matrice clauses × conventions.
    Terminal,
    /// Tableaux Markdown.
    Md,
    /// JSON (schema 1).
    Json,
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
    let mut reports = Vec::new();
    for path in &args.conventions {
        let convention = avenant::load(path, options)?;
        output.warn(&convention);
        let mut report = template::check(&template, &convention);
        allow.apply(&mut report);
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
