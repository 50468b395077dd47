//! `avenant template infer CONVENTION… [-o TEMPLATE.md]`: writes the common template of
//! conventions of one family (clauses common to all, `[optionnel]` ones shared by some,
//! placeholders where they differ by names, dates, amounts, addresses, signatories).

use super::{warn, Failure, EXIT_OK};
use avenant::{Error, ErrorKind, ReadOptions};
use clap::{Args, Subcommand};
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Args)]
pub(super) struct TemplateArgs {
    #[command(subcommand)]
    command: TemplateCommand,
}

#[derive(Subcommand)]
enum TemplateCommand {
    /// Déduit le modèle commun de plusieurs conventions (la première sert de référence).
    Infer {
        /// Conventions d'une même famille.
        #[arg(required = true)]
        conventions: Vec<PathBuf>,
        /// Fichier où écrire le modèle (sinon la sortie standard).
        #[arg(short, long, value_name = "TEMPLATE.md")]
        output: Option<PathBuf>,
    },
}

pub(super) fn run(args: &TemplateArgs, options: &ReadOptions) -> Result<u8, Failure> {
    match &args.command {
        TemplateCommand::Infer {
            conventions,
            output,
        } => {
            let mut docs = Vec::new();
            for path in conventions {
                let doc = avenant::load(path, options)?;
                warn(&doc);
                docs.push(doc);
            }
            let markdown = avenant::template::infer(&docs);
            match output {
                Some(path) => std::fs::write(path, markdown).map_err(|e| {
                    Error::new(path.display().to_string(), ErrorKind::Io(e.to_string()))
                })?,
                None => {
                    let stdout = io::stdout();
                    let mut out = stdout.lock();
                    out.write_all(markdown.as_bytes())?;
                    out.flush()?;
                }
            }
            Ok(EXIT_OK)
        }
    }
}
