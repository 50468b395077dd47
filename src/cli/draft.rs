//! `avenant draft OLD NEW`: compares the two versions and prints the avenant that turns the old
//! one into the new one (Markdown, text or JSON). `avenant diff --format avenant` calls
//! [`write_avenant`] too: one drafter behind both commands.

use super::{Failure, Output, EXIT_OK};
use avenant::avenant::render::{self, AvenantFormat};
use avenant::avenant::{draft_checked, DraftOptions};
use avenant::diff::{compare, Comparison, DiffOptions};
use avenant::ReadOptions;
use clap::{Args, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Args)]
pub(super) struct DraftArgs {
    /// La convention en vigueur (Markdown, texte ou PDF).
    #[arg(value_name = "ANCIENNE")]
    old: PathBuf,
    /// La nouvelle version voulue.
    #[arg(value_name = "NOUVELLE")]
    new: PathBuf,
    /// Format de sortie.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = DraftFormat::Md)]
    format: DraftFormat,
    /// Motif, écrit après « afin de » (sinon une phrase neutre énumère les changements).
    #[arg(long, value_name = "MOTIF")]
    objet: Option<String>,
    /// Numéro de l'avenant.
    #[arg(long, value_name = "N", default_value_t = 1)]
    numero: u32,
    /// Garde la numérotation de la nouvelle version (« Les articles 6 à 9 deviennent… ») au lieu d'insérer des articles « bis ».
    #[arg(long)]
    renumber: bool,
    /// Numérote tout article inséré « N bis » même quand le numéro de la nouvelle version est libre dans l'ancienne.
    #[arg(long)]
    bis: bool,
    /// « abrogé » au lieu de « supprimé ».
    #[arg(long)]
    abroge: bool,
    /// Lieu de signature (« Fait à … »).
    #[arg(long, value_name = "LIEU")]
    lieu: Option<String>,
    /// Date de signature.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Date d'effet (« Le présent avenant prend effet le … ») au lieu de l'entrée en vigueur à la signature.
    #[arg(long, value_name = "DATE")]
    date_effet: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum DraftFormat {
    /// L'avenant en Markdown.
    Md,
    /// L'avenant en texte brut.
    Text,
    /// L'avenant en JSON (schema 1) : le modèle et la phrase de chaque instruction.
    Json,
    /// L'avenant en document Word prêt à signer (binaire : -o FICHIER si la sortie est un terminal).
    Docx,
}

impl DraftArgs {
    fn options(&self) -> DraftOptions {
        DraftOptions {
            numero: self.numero,
            objet: self.objet.clone(),
            renumber: self.renumber,
            bis: self.bis,
            abroge: self.abroge,
            lieu: self.lieu.clone(),
            date: self.date.clone(),
            date_effet: self.date_effet.clone(),
            ..DraftOptions::default()
        }
    }
}

/// Drafts the avenant of a comparison, verified (applied back to the old version, it gives the
/// new one), and writes it: the one entry point of `draft` and `diff --format avenant`. An act
/// that does not verify is an error naming the units (exit 2), never printed.
pub(super) fn write_avenant(
    cmp: &Comparison,
    options: &DraftOptions,
    format: AvenantFormat,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let av = draft_checked(cmp, options).map_err(|e| {
        Failure::Input(avenant::Error::new(
            format!("{} → {}", cmp.old.source.path, cmp.new.source.path),
            avenant::ErrorKind::Invalid(e.to_string()),
        ))
    })?;
    render::write(&av, format, &options.style(), out)?;
    Ok(())
}

pub(super) fn run(args: &DraftArgs, options: &ReadOptions, out: &Output) -> Result<u8, Failure> {
    if matches!(args.format, DraftFormat::Docx) {
        out.check_binary("docx")?;
    }
    let old = avenant::load(&args.old, options)?;
    let new = avenant::load(&args.new, options)?;
    out.warn(&old);
    out.warn(&new);
    let cmp = compare(old, new, &DiffOptions::default());
    let format = match args.format {
        DraftFormat::Md => Some(AvenantFormat::Markdown),
        DraftFormat::Text => Some(AvenantFormat::Text),
        DraftFormat::Json => Some(AvenantFormat::Json),
        DraftFormat::Docx => None,
    };
    if !cmp.has_differences() {
        // Still a well-formed (empty) avenant on stdout, but the user is told why it is empty.
        out.note(&format!(
            "{} et {} : aucune différence de fond ; l'avenant ne modifie aucune stipulation",
            args.old.display(),
            args.new.display()
        ));
    }
    let mut buffer = Vec::new();
    let draft_options = args.options();
    match format {
        Some(format) => write_avenant(&cmp, &draft_options, format, &mut buffer)?,
        None => {
            let av = draft_checked(&cmp, &draft_options).map_err(|e| {
                Failure::Input(avenant::Error::new(
                    format!("{} → {}", cmp.old.source.path, cmp.new.source.path),
                    avenant::ErrorKind::Invalid(e.to_string()),
                ))
            })?;
            avenant::render::docx::write_avenant_docx(
                &av,
                &draft_options.style(),
                &mut io::Cursor::new(&mut buffer),
            )?
        }
    }
    out.write(&buffer)?;
    Ok(EXIT_OK)
}
