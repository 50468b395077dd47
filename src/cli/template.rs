//! `avenant template infer CONVENTION… [-o TEMPLATE.md]`: writes the common template of
//! conventions of one family (clauses common to all, `[optionnel]` ones shared by some,
//! placeholders where they differ by names, dates, amounts, addresses, signatories).

use super::{Failure, Output, EXIT_OK};
use avenant::ReadOptions;
use clap::{Args, Subcommand};
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
        #[arg(required = true, value_name = "CONVENTION")]
        conventions: Vec<PathBuf>,
    },
}

pub(super) fn run(args: &TemplateArgs, options: &ReadOptions, out: &Output) -> Result<u8, Failure> {
    match &args.command {
        TemplateCommand::Infer { conventions } => {
            let mut docs = Vec::new();
            for path in conventions {
                let doc = avenant::load(path, options)?;
                out.warn(&doc);
                docs.push(doc);
            }
            let markdown = avenant::template::infer(&docs);
            out.write(markdown.as_bytes())?;
            Ok(EXIT_OK)
        }
    }
}
