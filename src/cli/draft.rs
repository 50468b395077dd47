//! `avenant draft OLD NEW`: compares the two versions and prints the avenant that turns the old
//! one into the new one (Markdown, text or JSON). `avenant diff --format avenant` calls
//! [`write_avenant`] too: one drafter behind both commands.

use super::{warn, Failure, EXIT_OK};
use avenant::avenant::render::{self, AvenantFormat};
use avenant::avenant::{draft_checked, DraftOptions};
use avenant::diff::{compare, Comparison, DiffOptions};
use avenant::ReadOptions;
use clap::{Args, ValueEnum};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Args)]
pub(super) struct DraftArgs {
    /// La convention en vigueur (Markdown, texte ou PDF).
    old: PathBuf,
    /// La nouvelle version voulue.
    new: PathBuf,
    #[arg(long, value_enum, default_value_t = DraftFormat::Md)]
    format: DraftFormat,
    /// Motif, écrit après « afin de » (sinon une phrase neutre énumère les changements).
    #[arg(long)]
    objet: Option<String>,
    /// Numéro de l'avenant.
    #[arg(long, default_value_t = 1)]
    numero: u32,
    /// Garde la numérotation de la nouvelle version (« Les articles 6 à 9 deviennent… ») au lieu d'insérer des articles « bis ».
    #[arg(long)]
    renumber: bool,
    /// « abrogé » au lieu de « supprimé ».
    #[arg(long)]
    abroge: bool,
    /// Lieu de signature (« Fait à … »).
    #[arg(long)]
    lieu: Option<String>,
    /// Date de signature.
    #[arg(long)]
    date: Option<String>,
    /// Date d'effet (« Le présent avenant prend effet le … ») au lieu de l'entrée en vigueur à la signature.
    #[arg(long)]
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
}

impl DraftArgs {
    fn options(&self) -> DraftOptions {
        DraftOptions {
            numero: self.numero,
            objet: self.objet.clone(),
            renumber: self.renumber,
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

pub(super) fn run(args: &DraftArgs, options: &ReadOptions) -> Result<u8, Failure> {
    let old = avenant::load(&args.old, options)?;
    let new = avenant::load(&args.new, options)?;
    warn(&old);
    warn(&new);
    let cmp = compare(old, new, &DiffOptions::default());
    let format = match args.format {
        DraftFormat::Md => AvenantFormat::Markdown,
        DraftFormat::Text => AvenantFormat::Text,
        DraftFormat::Json => AvenantFormat::Json,
    };
    if !cmp.has_differences() {
        // Still a well-formed (empty) avenant on stdout, but the user is told why it is empty.
        eprintln!(
            "avenant : {} et {} : aucune différence de fond ; l'avenant ne modifie aucune stipulation",
            args.old.display(),
            args.new.display()
        );
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_avenant(&cmp, &args.options(), format, &mut out)?;
    out.flush()?;
    Ok(EXIT_OK)
}
