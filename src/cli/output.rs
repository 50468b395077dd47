//! Where a command's result goes: stdout, or the file of `-o/--output` (the same bytes either
//! way); warnings on stderr unless `--quiet`; colours decided once from `--color`.

use super::Failure;
use avenant::{Document, Error, ErrorKind, Severity};
use clap::ValueEnum;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

/// `--color`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Color {
    /// Si la sortie est un terminal (et NO_COLOR absent).
    Auto,
    /// Toujours.
    Always,
    /// Jamais.
    Never,
}

/// The destination of a command's result, and its stderr manners.
pub(crate) struct Output {
    path: Option<PathBuf>,
    quiet: bool,
    color: Color,
}

impl Output {
    pub(crate) fn new(path: Option<PathBuf>, quiet: bool, color: Color) -> Output {
        Output { path, quiet, color }
    }

    /// Whether `--quiet` silences warnings and progress.
    pub(crate) fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Whether to write ANSI colours: never into a file unless `--color always`.
    pub(crate) fn color(&self) -> bool {
        match self.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                self.path.is_none()
                    && io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }

    /// Writes the result, text or binary, to the file of `-o` or to stdout.
    pub(crate) fn write(&self, bytes: &[u8]) -> Result<(), Failure> {
        match &self.path {
            Some(path) if path.as_os_str() != "-" => std::fs::write(path, bytes).map_err(|e| {
                Failure::Input(Error::new(
                    path.display().to_string(),
                    ErrorKind::Invalid(format!("écriture impossible ({e})")),
                ))
            }),
            _ => {
                let stdout = io::stdout();
                let mut out = stdout.lock();
                out.write_all(bytes)?;
                out.flush()?;
                Ok(())
            }
        }
    }

    /// A buffered writer to the file of `-o` or to stdout, for results written as they are
    /// rendered (no whole copy in memory); [`Output::write`] for bytes already made.
    pub(crate) fn writer(&self) -> Result<io::BufWriter<Box<dyn Write>>, Failure> {
        // The buffer is concrete (small writes inline); the file or stdout behind it is reached
        // once per 64 KiB.
        let inner: Box<dyn Write> = match &self.path {
            Some(path) if path.as_os_str() != "-" => {
                Box::new(std::fs::File::create(path).map_err(|e| {
                    Failure::Input(Error::new(
                        path.display().to_string(),
                        ErrorKind::Invalid(format!("écriture impossible ({e})")),
                    ))
                })?)
            }
            _ => Box::new(io::stdout().lock()),
        };
        Ok(io::BufWriter::with_capacity(1 << 16, inner))
    }

    /// Refuses a binary format on a terminal: call before doing the work.
    pub(crate) fn check_binary(&self, format: &str) -> Result<(), Failure> {
        let to_stdout = self.path.as_ref().is_none_or(|p| p.as_os_str() == "-");
        if to_stdout && io::stdout().is_terminal() {
            return Err(Failure::Input(Error::new(
                "sortie standard".to_string(),
                ErrorKind::Invalid(format!(
                    "le format {format} est binaire et ne s'affiche pas dans un terminal : \
                     indiquez un fichier avec -o FICHIER"
                )),
            )));
        }
        Ok(())
    }

    /// A remark on stderr (not an error), silenced by `--quiet`.
    pub(crate) fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("avenant : {message}");
        }
    }

    /// Prints a document's warnings on stderr, one line each, naming the file (unless `--quiet`).
    pub(crate) fn warn(&self, doc: &Document) {
        for d in &doc.diagnostics {
            if d.severity == Severity::Warning {
                self.note(&format!(
                    "{} : avertissement : {}",
                    doc.source.path, d.message
                ));
            }
        }
    }
}
