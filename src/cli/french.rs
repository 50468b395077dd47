//! The command line in French: clap's help headings, its built-in `--help` / `--version` flags,
//! default and possible values, and its usage errors, rewritten once for every subcommand.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

/// Rewrites a command (and its subcommands) so that its help reads in French.
pub(super) fn frenchify(cmd: Command) -> Command {
    let has_subcommands = cmd.has_subcommands();
    let is_root = cmd.get_name() == "avenant";
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("aide")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Affiche cette aide")
                .global(is_root),
        );
    if is_root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Affiche la version"),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, describe_values);
    }
    if has_subcommands {
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in names {
            cmd = cmd.mut_subcommand(name, frenchify);
        }
    }
    cmd
}

/// Clap writes « [default: …] [possible values: …] » in English: the same facts go into the
/// argument's own help, in French.
fn describe_values(arg: Arg) -> Arg {
    if matches!(
        arg.get_action(),
        ArgAction::Help | ArgAction::Version | ArgAction::SetTrue | ArgAction::Count
    ) {
        return arg;
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut extra = Vec::new();
    if !values.is_empty() {
        extra.push(format!("valeurs : {}", values.join(", ")));
    }
    if !defaults.is_empty() {
        extra.push(format!("par défaut : {}", defaults.join(", ")));
    }
    if extra.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    // `--help` (long help) lists each value with its own description.
    let described: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .filter_map(|v| v.get_help().map(|h| format!("  {} : {}", v.get_name(), h)))
        .collect();
    let long = if described.is_empty() {
        arg.get_long_help().map(|h| h.to_string())
    } else {
        let base = arg
            .get_long_help()
            .map_or_else(|| help.clone(), |h| h.to_string());
        let default = if defaults.is_empty() {
            String::new()
        } else {
            format!("\n[par défaut : {}]", defaults.join(", "))
        };
        return arg
            .hide_default_value(true)
            .hide_possible_values(true)
            .help(format!("{help} [{}]", extra.join(" ; ")))
            .long_help(format!(
                "{base}\n\nValeurs :\n{}{default}",
                described.join("\n")
            ));
    };
    let suffix = format!("[{}]", extra.join(" ; "));
    let joined = if help.is_empty() {
        suffix.clone()
    } else {
        format!("{help} {suffix}")
    };
    let arg = arg
        .hide_default_value(true)
        .hide_possible_values(true)
        .help(joined);
    match long {
        Some(l) => arg.long_help(format!("{l}\n\n{suffix}")),
        None => arg,
    }
}

fn text(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        ContextValue::None => String::new(),
        _ => String::new(),
    }
}

/// A usage error in French: one line naming the problem, the usage, and where to find help.
pub(super) fn usage_error(e: &clap::Error) -> String {
    let get = |k: ContextKind| e.get(k).map(text).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let mut message = match e.kind() {
        ErrorKind::UnknownArgument => format!("argument inconnu : {arg}"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "commande inconnue : {}",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            if value.is_empty() {
                format!("{arg} attend une valeur")
            } else if valid.is_empty() {
                format!("valeur invalide pour {arg} : « {value} »")
            } else {
                format!("valeur invalide pour {arg} : « {value} » (valeurs possibles : {valid})")
            }
        }
        ErrorKind::ValueValidation => {
            format!("valeur invalide pour {arg} : « {value} »")
        }
        ErrorKind::MissingRequiredArgument => {
            format!("argument obligatoire manquant : {arg}")
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "une commande est attendue".to_string()
        }
        ErrorKind::ArgumentConflict => {
            format!(
                "{arg} ne peut pas être employé avec {}",
                get(ContextKind::PriorArg)
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("trop de valeurs : « {value} »")
        }
        ErrorKind::NoEquals => format!("{arg} attend « = » avant sa valeur"),
        _ => {
            // Anything else: clap's own words, without its « error: » prefix.
            let s = e.to_string();
            let first = s.lines().next().unwrap_or("").to_string();
            first.trim_start_matches("error: ").to_string()
        }
    };
    for k in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
        ContextKind::SuggestedSubcommand,
    ] {
        let s = get(k);
        if !s.is_empty() {
            message.push_str(&format!(" (vouliez-vous dire « {s} » ?)"));
            break;
        }
    }
    let usage = get(ContextKind::Usage)
        .replace("Usage:", "Utilisation :")
        .trim()
        .to_string();
    let mut out = format!("avenant : {message}\n");
    if !usage.is_empty() {
        out.push_str(&format!("\n{usage}\n"));
    }
    out.push_str("\nPour en savoir plus : avenant --help\n");
    out
}
