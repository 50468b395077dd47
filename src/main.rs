//! The `avenant` command line: parses arguments, runs the library's pipeline, prints the result.
//! Exit codes as diff(1): 0 no substantive difference (or success), 1 differences, 2 error.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
