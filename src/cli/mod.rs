//! Argument parsing (clap derive) and dispatch to the library; errors become one line on stderr
//! naming the file, and exit code 2. A closed pipe (`| head`) is not an error.

mod apply;
mod check;
mod diff;
mod draft;
mod french;
mod output;
mod pdf;
mod template;

pub(crate) use output::Output;

use avenant::render;
use avenant::ReadOptions;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io;
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
    /// Taille maximale d'un fichier lu, en octets.
    #[arg(long, global = true, value_name = "OCTETS", default_value_t = avenant::extract::DEFAULT_MAX_SIZE)]
    max_size: u64,
    /// Modifications suivies d'un .docx ou .odt : acceptées (défaut), refusées, ou document refusé.
    #[arg(long, global = true, value_enum, default_value_t = RevisionsArg::Accept)]
    revisions: RevisionsArg,
    /// Écrit le résultat dans FICHIER (exactement ce que la sortie standard recevrait).
    #[arg(short, long, global = true, value_name = "FICHIER")]
    output: Option<PathBuf>,
    /// N'affiche ni avertissement ni remarque sur la sortie d'erreur (les erreurs restent).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Couleurs : auto (si la sortie est un terminal et NO_COLOR absent), always, never.
    #[arg(long, global = true, value_enum, value_name = "QUAND", default_value_t = output::Color::Auto)]
    color: output::Color,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lit une convention et affiche son arbre (titre, parties, articles, alinéas, annexes).
    Parse {
        /// Fichier Markdown, texte, PDF, Word (.docx) ou OpenDocument (.odt).
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Format de sortie.
        #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ParseFormat::Outline)]
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
    let command = french::frenchify(Cli::command());
    let parsed = command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            eprint!("{}", french::usage_error(&e));
            return ExitCode::from(EXIT_ERROR);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(EXIT_OK);
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
    let out = Output::new(cli.output, cli.quiet, cli.color);
    let result = match cli.command {
        Command::Parse { file, format } => parse(&file, format, &options, &out),
        Command::Diff(args) => diff::run(&args, &options, &out),
        Command::Check(args) => check::run(&args, &options, &out),
        Command::Template(args) => template::run(&args, &options, &out),
        Command::Apply(args) => apply::run(&args, &options, &out),
        Command::Draft(args) => draft::run(&args, &options, &out),
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

pub(crate) enum Failure {
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

fn parse(
    file: &std::path::Path,
    format: ParseFormat,
    options: &ReadOptions,
    out: &Output,
) -> Result<u8, Failure> {
    // Only the tree is written (spans say where nodes stood): the decoded text is given back
    // once normalised, and the result is written as it is rendered, never held whole (the
    // JSON of a 20 MB code is over 100 MB).
    let doc = avenant::pipeline::load_tree(file, options)?;
    out.warn(&doc);
    let mut w = out.writer()?;
    match format {
        ParseFormat::Outline => render::outline::write_outline(&doc, &mut w)?,
        ParseFormat::Json => render::json::write_json(&doc, &mut w)?,
        ParseFormat::Md => render::markdown::write_markdown(&doc, &mut w)?,
    }
    io::Write::flush(&mut w)?;
    // The process ends here: the tree's allocations are left to the system.
    std::mem::forget(doc);
    Ok(EXIT_OK)
}
