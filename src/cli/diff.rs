//! `avenant diff OLD NEW`: loads both files, compares them, prints the comparison in the chosen
//! format; exit code 0 when no substantive difference, 1 otherwise (2 on error, as diff(1)).

use super::{Failure, Output, EXIT_DIFFERENCES, EXIT_OK};
use avenant::diff::{compare, DiffOptions};
use avenant::pipeline::load_tree;
use avenant::render::diff_common::DiffRenderOptions;
use avenant::render::{diff_json, diff_md, diff_terminal, docx, html};
use avenant::ReadOptions;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub(super) struct DiffArgs {
    /// Ancienne version (ou convention de référence).
    #[arg(value_name = "ANCIENNE")]
    old: PathBuf,
    /// Nouvelle version (ou autre convention).
    #[arg(value_name = "NOUVELLE")]
    new: PathBuf,
    /// Format de sortie.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = DiffFormat::Terminal)]
    format: DiffFormat,
    /// Affiche aussi les changements de pure forme (casse d'un intitulé, accent d'une capitale).
    #[arg(long)]
    show_cosmetic: bool,
    /// Mots inchangés gardés de part et d'autre d'un changement (terminal).
    #[arg(long, value_name = "MOTS", default_value_t = 8)]
    context: usize,
    /// Date des modifications suivies du document comparé (docx), AAAA-MM-JJ ; sinon maintenant.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Fils de calcul (0 : tous les cœurs) ; la sortie est la même quel que soit leur nombre.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
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
    /// Tableau comparatif en page HTML autonome (à ouvrir dans un navigateur, à imprimer).
    Html,
    /// Document comparé Word : la nouvelle version avec les modifications suivies (binaire : -o FICHIER si la sortie est un terminal).
    Docx,
    /// Tableau comparatif en PDF, par un navigateur Chromium sans interface (binaire : -o FICHIER si la sortie est un terminal).
    Pdf,
}

pub(super) fn run(args: &DiffArgs, options: &ReadOptions, out: &Output) -> Result<u8, Failure> {
    match args.format {
        DiffFormat::Docx => out.check_binary("docx")?,
        DiffFormat::Pdf => out.check_binary("pdf")?,
        _ => {}
    }
    let date = match &args.date {
        Some(d) => Some(docx::parse_date(d).map_err(|e| {
            Failure::Input(avenant::Error::new(
                "--date".to_string(),
                avenant::ErrorKind::Invalid(e),
            ))
        })?),
        None => None,
    };
    // Both sides are read and parsed at the same time (on two cores when there are two): the
    // new one on a thread of its own, the old one on this thread, whose allocator arena the
    // comparison then reuses (the memory the parser used and freed on this thread serves the
    // alignment instead of staying unused next to it; both on pool threads cost 20 MB more on
    // the Code du travail).
    // Each side keeps only its tree: nothing of the comparison reads the decoded texts (the
    // nodes hold their own), given back as soon as they are normalised (12 MB on two codes).
    let (old, new) = avenant::align::threads::both(
        args.jobs,
        || load_tree(&args.old, options),
        || load_tree(&args.new, options),
    );
    let (old, new) = (old?, new?);
    out.warn(&old);
    out.warn(&new);
    let cmp = compare(
        old,
        new,
        &DiffOptions {
            jobs: args.jobs,
            ..DiffOptions::default()
        },
    );
    let render = DiffRenderOptions {
        show_cosmetic: args.show_cosmetic,
        context: Some(args.context),
        color: out.color(),
    };
    let mut buffer = Vec::new();
    match args.format {
        // Text formats are written as they are rendered, through a buffered writer: no copy
        // of the whole output in memory (the JSON of a code's diff is tens of megabytes).
        DiffFormat::Terminal | DiffFormat::Md | DiffFormat::Json | DiffFormat::Html => {
            let mut w = out.writer()?;
            match args.format {
                DiffFormat::Terminal => diff_terminal::write_diff_terminal(&cmp, &render, &mut w)?,
                DiffFormat::Md => diff_md::write_diff_md(&cmp, &render, &mut w)?,
                DiffFormat::Json => diff_json::write_diff_json(&cmp, &render, &mut w)?,
                _ => html::write_diff_html(&cmp, &render, &mut w)?,
            }
            w.flush()?;
        }
        DiffFormat::Docx => {
            let options = docx::DocxOptions {
                date: date.unwrap_or_else(docx::now),
                ..Default::default()
            };
            docx::write_diff_docx(&cmp, &options, &mut std::io::Cursor::new(&mut buffer))?;
            out.write(&buffer)?;
        }
        DiffFormat::Pdf => {
            let mut page = Vec::new();
            html::write_diff_html(&cmp, &render, &mut page)?;
            buffer = super::pdf::print(&page)?;
            out.write(&buffer)?;
        }
        DiffFormat::Avenant => {
            // Drafting may refuse (exit 2, nothing written): rendered whole first.
            super::draft::write_avenant(
                &cmp,
                &Default::default(),
                Default::default(),
                &mut buffer,
            )?;
            out.write(&buffer)?;
        }
    }
    let code = if cmp.has_differences() {
        EXIT_DIFFERENCES
    } else {
        EXIT_OK
    };
    // The process ends here: the comparison's hundreds of thousands of allocations are left
    // to the system rather than freed one by one.
    std::mem::forget(cmp);
    Ok(code)
}
