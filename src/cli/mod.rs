//! Argument parsing (clap derive) and dispatch to the library; errors become one line on stderr
//! naming the file, and exit code 2. A closed pipe (`| head`) is not an error.

mod apply;
mod check;
mod diff;
mod draft;
mod template;

use avenant::render;
use avenant::{Document, ReadOptions, Severity};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code: success, or no substantive difference.
pub const EXIT_OK: u8 = 0;
/// Exit code: differences found (diff, check).
pub const EXIT_DIFFERENCES: u8 = 1;
/// Exit code: bad input or usage.
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "avenant",
    version,
    about = "Lire, comparer et modifier des conventions administratives françaises",
    long_about = "Lire, comparer et modifier des conventions administratives françaises.\n\
                  Read, compare and amend French administrative conventions."
)]
struct Cli {
    /// Largest input file read, in bytes.
    #[arg(long, global = true, default_value_t = avenant::extract::DEFAULT_MAX_SIZE)]
    max_size: u64,
    /// Modifications suivies d'un .docx ou .odt : acceptées (défaut), refusées, ou document refusé.
    #[arg(long, global = true, value_enum, default_value_t = RevisionsArg::Accept)]
    revisions: RevisionsArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lit une convention et affiche son arbre (titre, parties, articles, alinéas, annexes).
    Parse {
        /// Fichier Markdown, texte, PDF, Word (.docx) ou OpenDocument (.odt).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ParseFormat::Outline)]
        format: ParseFormat,
    },
    /// Compare deux conventions article par article (codes de sortie : 0 identiques, 1 différences, 2 erreur).
    Diff(diff::DiffArgs),
    /// Vérifie des conventions sur un modèle (codes de sortie : 0 conformes, 1 écarts, 2 erreur).
    Check(check::CheckArgs),
    /// Modèles de convention : `template infer` déduit le modèle commun de plusieurs conventions.
    Template(template::TemplateArgs),
    /// Applique un avenant à une convention et affiche la convention consolidée (2 si une instruction est inapplicable).
    Apply(apply::ApplyArgs),
    /// Rédige l'avenant qui fait passer de l'ancienne version à la nouvelle (0 succès, 2 erreur).
    Draft(draft::DraftArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum RevisionsArg {
    /// Texte avec toutes les modifications acceptées (un avertissement les compte).
    Accept,
    /// Texte d'origine, modifications refusées.
    Reject,
    /// Erreur (code 2) si le document contient des modifications suivies.
    Refuse,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// Arbre indenté, une ligne par nœud.
    Outline,
    /// JSON (schema 1).
    Json,
    /// Markdown normalisé.
    Md,
}

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let options = ReadOptions {
        max_size: cli.max_size,
        revisions: match cli.revisions {
            RevisionsArg::Accept => avenant::extract::Revisions::Accept,
            RevisionsArg::Reject => avenant::extract::Revisions::Reject,
            RevisionsArg::Refuse => avenant::extract::Revisions::Refuse,
        },
    };
    let result = match cli.command {
        Command::Parse { file, format } => parse(&file, format, &options),
        Command::Diff(args) => diff::run(&args, &options),
        Command::Check(args) => check::run(&args, &options),
        Command::Template(args) => template::run(&args, &options),
        Command::Apply(args) => apply::run(&args, &options),
        Command::Draft(args) => draft::run(&args, &options),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Input(e)) => {
            eprintln!("avenant : {e}");
            ExitCode::from(EXIT_ERROR)
        }
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_OK),
        Err(Failure::Output(e)) => {
            eprintln!("avenant : écriture impossible : {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

enum Failure {
    Input(avenant::Error),
    Output(io::Error),
}

impl From<avenant::Error> for Failure {
    fn from(e: avenant::Error) -> Self {
        Failure::Input(e)
    }
}
impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

/// Prints a document's warnings on stderr, one line each, naming the file.
fn warn(doc: &Document) {
    for d in &doc.diagnostics {
        if d.severity == Severity::Warning {
            eprintln!(
                "avenant : {} : avertissement : {}",
                doc.source.path, d.message
            );
        }
    }
}

fn parse(
    file: &std::path::Path,
    format: ParseFormat,
    options: &ReadOptions,
) -> Result<u8, Failure> {
    let doc = avenant::load(file, options)?;
    warn(&doc);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        ParseFormat::Outline => render::outline::write_outline(&doc, &mut out)?,
        ParseFormat::Json => render::json::write_json(&doc, &mut out)?,
        ParseFormat::Md => render::markdown::write_markdown(&doc, &mut out)?,
    }
    out.flush()?;
    Ok(EXIT_OK)
}
