//! The bad-input catalogue: each hostile input through `parse`, `diff`, `draft`, `apply` and
//! `check` of the real binary — the documented exit code, at most one French line on stderr
//! naming the file, no panic, under 10 s. Big inputs are generated here, never committed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::reliability_budget as budget;

/// The CPU time a command may use on one hostile input (« under 10 s »). Counted in CPU time of
/// the child process, so that a loaded machine does not fail the test; a process that waits
/// without working (a FIFO read) is caught by [`WALL_DEADLINE`].
const DEADLINE: Duration = Duration::from_secs(10);
/// PDFs and multi-megabyte inputs in a debug build: pdf-extract unoptimised takes 4 s on the
/// broken MENJ file alone and apply reads about 1 MB/s; release builds stay far under
/// [`DEADLINE`].
const SLOW_DEADLINE: Duration = Duration::from_secs(30);
/// Wall-clock limit, for a process blocked without using the CPU: generous, since on a shared
/// machine a process may get a tenth of a core.
const WALL_DEADLINE: Duration = Duration::from_secs(300);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn good() -> PathBuf {
    root().join("corpus/conventions/ena-dinum-2021.md")
}

fn good_avenant() -> PathBuf {
    root().join("corpus/avenants/ena-dinum-2021-avenant-1.md")
}

fn template() -> PathBuf {
    root().join("corpus/templates/dinum-partenariat.md")
}

/// A fresh folder for one case's files.
fn scratch(case: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("avenant-reliab-{}-{case}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write input");
    path
}

struct Run {
    code: Option<i32>,
    stderr: String,
    /// CPU time of the child (wall-clock time where `/proc` cannot tell).
    cpu: Duration,
    elapsed: Duration,
}

/// The binary under test: this build's, or the one `AVENANT_BIN` names, so that the catalogue
/// also runs on a release build (`AVENANT_BIN=target/release/avenant cargo test --test it
/// reliability_catalogue -- --nocapture` prints each command's cost and stderr line).
fn binary() -> PathBuf {
    std::env::var_os("AVENANT_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_avenant")),
        PathBuf::from,
    )
}

/// Runs the binary with a deadline on its CPU time (and a far wall-clock one); a run past
/// either is killed and reported with no exit code.
fn run(args: &[&std::ffi::OsStr]) -> Run {
    let slow = args.iter().any(|a| {
        a.to_string_lossy().to_lowercase().ends_with(".pdf")
            || std::fs::metadata(a).is_ok_and(|m| m.is_file() && m.len() > 1_000_000)
    });
    let deadline = if slow { SLOW_DEADLINE } else { DEADLINE };
    let start = Instant::now();
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let mut cpu = Duration::ZERO;
    let code = loop {
        // Read before try_wait reaps the child: the last figure seen while it ran.
        cpu = match budget::process_cpu(child.id()) {
            Some(now) => cpu.max(now),
            None => start.elapsed(),
        };
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if cpu > deadline || start.elapsed() > WALL_DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code,
        stderr: reader.join().unwrap_or_default(),
        cpu,
        elapsed: start.elapsed(),
    }
}

/// What a command must do with a hostile input.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Refused: exit 2, exactly one line naming the file.
    Refused,
    /// Refused because of another input (the avenant): exit 2, exactly one « avenant : » line.
    RefusedElsewhere,
    /// Read: one of these exit codes, and this many warning lines naming the file.
    Read(&'static [i32], usize),
    /// Either read (exit 0, no warning) or refused (exit 2, one line naming the file): the
    /// drafter refuses to print an act its own check finds wrong.
    ReadOrRefused,
    /// A damaged input whose outcome depends on the damage: a documented exit code (0, 1 or
    /// 2) and at most one « avenant : » line.
    AnyDocumented,
}

fn check_run(what: &str, file: &Path, args: &[&std::ffi::OsStr], expect: Expect) {
    let r = run(args);
    // Shown with --nocapture: the cost of each hostile input.
    eprintln!(
        "{what}: exit {:?}, {:?} CPU, {:?} wall: {}",
        r.code,
        r.cpu,
        r.elapsed,
        r.stderr.trim_end()
    );
    let name = file.display().to_string();
    // The parser's remark on a numbering (« 500 articles 3 » for the hostile input that repeats
    // one number) is a remark on the document, counted apart from the command's own lines.
    let lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| !l.contains(" : avertissement : numérotation des articles"))
        .collect();
    assert!(
        !r.stderr.contains("panicked") && r.code != Some(101),
        "{what}: panic\n{}",
        r.stderr
    );
    let code = r.code.unwrap_or_else(|| {
        panic!(
            "{what}: no exit in time ({:?} CPU, {:?} wall)",
            r.cpu, r.elapsed
        )
    });
    let expect = match expect {
        Expect::ReadOrRefused if code == 2 => Expect::Refused,
        Expect::ReadOrRefused => Expect::Read(&[0], 0),
        other => other,
    };
    match expect {
        Expect::ReadOrRefused => unreachable!("resolved above"),
        Expect::AnyDocumented => {
            assert!(
                [0, 1, 2].contains(&code),
                "{what}: exit {code}\n{}",
                r.stderr
            );
            assert!(lines.len() <= 1, "{what}: one stderr line\n{}", r.stderr);
            assert!(
                lines.iter().all(|l| l.starts_with("avenant : ")),
                "{what}\n{}",
                r.stderr
            );
        }
        Expect::RefusedElsewhere => {
            assert_eq!(code, 2, "{what}: exit code\n{}", r.stderr);
            assert_eq!(lines.len(), 1, "{what}: one stderr line\n{}", r.stderr);
            assert!(lines[0].starts_with("avenant : "), "{what}\n{}", r.stderr);
        }
        Expect::Refused => {
            assert_eq!(code, 2, "{what}: exit code\n{}", r.stderr);
            assert_eq!(lines.len(), 1, "{what}: one stderr line\n{}", r.stderr);
            assert!(
                lines[0].starts_with("avenant : ") && lines[0].contains(&name),
                "{what}: the line names the file\n{}",
                r.stderr
            );
        }
        Expect::Read(codes, warnings) => {
            assert!(codes.contains(&code), "{what}: exit {code}\n{}", r.stderr);
            assert_eq!(lines.len(), warnings, "{what}: stderr\n{}", r.stderr);
            for line in lines {
                assert!(line.contains(&name), "{what}: names the file\n{line}");
            }
        }
    }
}

/// The five commands with `file` as the convention (second version for diff and draft).
fn every_command(file: &Path, expect: [Expect; 5]) {
    let f = file.as_os_str();
    let (g, av, t) = (good(), good_avenant(), template());
    let commands: [(&str, Vec<&std::ffi::OsStr>); 5] = [
        ("parse", vec!["parse".as_ref(), f]),
        ("diff", vec!["diff".as_ref(), g.as_os_str(), f]),
        ("draft", vec!["draft".as_ref(), g.as_os_str(), f]),
        ("apply", vec!["apply".as_ref(), f, av.as_os_str()]),
        ("check", vec!["check".as_ref(), t.as_os_str(), f]),
    ];
    for ((what, args), expect) in commands.iter().zip(expect) {
        check_run(&format!("{what} {}", file.display()), file, args, expect);
    }
}

fn refused_everywhere(file: &Path) {
    every_command(file, [Expect::Refused; 5]);
}

/// A readable convention: parse 0, diff 1, draft 0, apply 0, check 0 or 1; `warnings` lines
/// per command that reads it.
fn read_everywhere(file: &Path, warnings: usize) {
    every_command(
        file,
        [
            Expect::Read(&[0], warnings),
            Expect::Read(&[0, 1], warnings),
            Expect::Read(&[0], warnings),
            Expect::Read(&[0], warnings),
            Expect::Read(&[0, 1], warnings),
        ],
    );
}

/// The good convention with `extra` inserted as a paragraph of its article 5.
fn with_paragraph(extra: &str) -> String {
    let text = std::fs::read_to_string(good()).expect("good convention");
    let at = text.find("\nArticle 5 ").expect("article 5");
    let after_heading = at + 1 + text[at + 1..].find('\n').expect("heading end");
    format!(
        "{}\n\n{extra}\n{}",
        &text[..after_heading],
        &text[after_heading..]
    )
}

// ---------------------------------------------------------------------------------------------
// Files that are not conventions at all: refused by every command.
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_blank_binary_png_nul() {
    let dir = scratch("junk");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(7u8, 200));
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let mut nul = std::fs::read(good()).expect("good");
    nul.splice(100..100, [0u8, 0, 0]);
    for (name, bytes) in [
        ("vide.md", b"".to_vec()),
        ("blanc.md", b"  \n\t\n\r\n   \n".to_vec()),
        ("binaire.md", binary),
        ("image.png", png),
        ("nul.md", nul),
    ] {
        refused_everywhere(&write(&dir, name, &bytes));
    }
}

#[test]
fn directory_missing_file_dev_null() {
    let dir = scratch("paths");
    refused_everywhere(&dir);
    refused_everywhere(&dir.join("nulle-part.md"));
    #[cfg(unix)]
    refused_everywhere(Path::new("/dev/null"));
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_is_refused_at_once() {
    let dir = scratch("fifo");
    let fifo = dir.join("tube.md");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo indisponible : cas sauté");
        return;
    }
    refused_everywhere(&fifo);
}

#[test]
fn a_file_over_max_size_is_refused() {
    let dir = scratch("max-size");
    let file = write(&dir, "grand.md", &std::fs::read(good()).expect("good"));
    let f = file.as_os_str();
    let g = good();
    for args in [
        vec!["--max-size".as_ref(), "1000".as_ref(), "parse".as_ref(), f],
        vec![
            "--max-size".as_ref(),
            "1000".as_ref(),
            "apply".as_ref(),
            f,
            g.as_os_str(),
        ],
    ] {
        check_run("--max-size", &file, &args, Expect::Refused);
    }
}

/// The hostile file in the other places a command takes a file: first version of diff and
/// draft, the template of check, the avenant of apply.
fn refused_in_other_places(file: &Path) {
    let f = file.as_os_str();
    let g = good();
    let g = g.as_os_str();
    for (what, args) in [
        ("diff (ancienne version)", vec!["diff".as_ref(), f, g]),
        ("draft (ancienne version)", vec!["draft".as_ref(), f, g]),
        ("check (modèle)", vec!["check".as_ref(), f, g]),
        ("apply (avenant)", vec!["apply".as_ref(), g, f]),
    ] {
        check_run(
            &format!("{what} {}", file.display()),
            file,
            &args,
            Expect::Refused,
        );
    }
}

#[test]
fn bad_files_in_every_place_a_command_takes_one() {
    let dir = scratch("places");
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let whole = pdf_with_articles();
    for file in [
        write(&dir, "vide.md", b""),
        write(&dir, "binaire.md", &binary),
        write(&dir, "tronque.pdf", &whole[..whole.len() / 3]),
        dir.join("nulle-part.md"),
        dir.clone(),
    ] {
        refused_in_other_places(&file);
    }
    #[cfg(unix)]
    {
        let fifo = dir.join("tube.md");
        if Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            refused_in_other_places(&fifo);
        }
    }
}

#[test]
fn a_file_over_max_size_is_refused_by_every_command() {
    // The limit lies just above every other input, so only the big file is over it.
    let dir = scratch("max-size-all");
    let (g, av, t) = (good(), good_avenant(), template());
    let biggest = [&g, &av, &t]
        .iter()
        .map(|p| std::fs::metadata(p).expect("input").len())
        .max()
        .expect("inputs");
    let limit = (biggest + 1).to_string();
    let filler = "Un alinéa ajouté pour grossir le fichier. ".repeat(biggest as usize / 40 + 10);
    let file = write(&dir, "grand.md", with_paragraph(&filler).as_bytes());
    let f = file.as_os_str();
    for (what, args) in [
        ("parse", vec!["parse".as_ref(), f]),
        ("diff", vec!["diff".as_ref(), g.as_os_str(), f]),
        ("draft", vec!["draft".as_ref(), g.as_os_str(), f]),
        ("apply", vec!["apply".as_ref(), f, av.as_os_str()]),
        ("check", vec!["check".as_ref(), t.as_os_str(), f]),
    ] {
        let mut all: Vec<&std::ffi::OsStr> = vec!["--max-size".as_ref(), limit.as_ref()];
        all.extend(args);
        check_run(&format!("{what} --max-size"), &file, &all, Expect::Refused);
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings.
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_mid_file_is_read_with_one_warning() {
    let dir = scratch("utf8");
    let mut bytes = std::fs::read(good()).expect("good");
    let at = bytes.len() / 2;
    let at = at + bytes[at..].iter().position(|b| *b == b' ').expect("space");
    bytes.insert(at, 0xFF);
    let file = write(&dir, "octet.md", &bytes);
    read_everywhere(&file, 1);
    let r = run(&["parse".as_ref(), file.as_os_str()]);
    assert!(
        r.stderr.contains("1 octet invalide remplacé"),
        "{}",
        r.stderr
    );
}

#[test]
fn utf16_with_and_without_bom_is_read() {
    let dir = scratch("utf16");
    let text = with_paragraph("Un alinéa ajouté, le fichier étant en UTF-16.");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with_bom = [b"\xFF\xFE".as_slice(), &le].concat();
    for (name, bytes) in [("bom.md", with_bom), ("le.md", le), ("be.md", be)] {
        read_everywhere(&write(&dir, name, &bytes), 0);
    }
}

// ---------------------------------------------------------------------------------------------
// Sizes and depths: read, in bounded time and stack.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_two_megabyte_single_line() {
    let dir = scratch("long-line");
    let line = "la partie versera la somme convenue ".repeat(2 * 1024 * 1024 / 36);
    read_everywhere(
        &write(&dir, "ligne.md", with_paragraph(&line).as_bytes()),
        0,
    );
}

#[test]
fn deep_block_quotes_and_lists() {
    let dir = scratch("deep");
    let quotes = format!("{} citation profonde", ">".repeat(100_000));
    read_everywhere(
        &write(&dir, "citations.md", with_paragraph(&quotes).as_bytes()),
        0,
    );
    let mut list = String::new();
    for depth in 0..3_000 {
        list.push_str(&"  ".repeat(depth));
        list.push_str("- élément\n");
    }
    every_command(
        &write(&dir, "listes.md", with_paragraph(&list).as_bytes()),
        [
            Expect::Read(&[0], 0),
            Expect::Read(&[0, 1], 0),
            Expect::ReadOrRefused,
            Expect::Read(&[0], 0),
            Expect::Read(&[0, 1], 0),
        ],
    );
}

#[test]
fn a_ten_thousand_column_table() {
    let dir = scratch("wide");
    let header = format!("|{}\n", " c |".repeat(10_000));
    let rule = format!("|{}\n", "---|".repeat(10_000));
    let row = format!("|{}\n", " 1 |".repeat(10_000));
    let table = format!("{header}{rule}{row}");
    read_everywhere(
        &write(&dir, "table.md", with_paragraph(&table).as_bytes()),
        0,
    );
}

#[test]
fn thirty_digit_and_repeated_article_numbers() {
    let dir = scratch("numbers");
    let big = "Article 123456789012345678901234567890 – Objet\n\nLa présente convention a un objet.\n\nArticle 999999999999999999999999999999 – Durée\n\nElle dure un an.\n";
    let file = write(&dir, "trente.md", big.as_bytes());
    check_run(
        "parse 30 chiffres",
        &file,
        &["parse".as_ref(), file.as_os_str()],
        Expect::Read(&[0], 0),
    );
    let mut same = String::from("Convention de partenariat\n\n");
    for i in 0..500 {
        same.push_str(&format!(
            "Article 3 – Clause {i}\n\nTexte de la clause {i}.\n\n"
        ));
    }
    let file = write(&dir, "meme-numero.md", same.as_bytes());
    let g = good();
    for (what, args) in [
        ("parse", vec!["parse".as_ref(), file.as_os_str()]),
        (
            "diff",
            vec!["diff".as_ref(), g.as_os_str(), file.as_os_str()],
        ),
    ] {
        let r = run(&args);
        assert!(
            r.code.is_some_and(|c| c == 0 || c == 1),
            "{what}: {:?}\n{}",
            r.code,
            r.stderr
        );
        assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown markup that is not words (front matter, `<style>`, HTML tables, admonitions,
// bullets): read in bounded time, on every command.
// ---------------------------------------------------------------------------------------------

/// A convention read by parse, diff, apply and check; the drafter may refuse an act its own
/// check finds wrong (one line), never crash.
fn read_or_draft_refused(file: &Path) {
    every_command(
        file,
        [
            Expect::Read(&[0], 0),
            Expect::Read(&[0, 1], 0),
            Expect::ReadOrRefused,
            Expect::Read(&[0], 0),
            Expect::Read(&[0, 1], 0),
        ],
    );
}

/// Markup that holds no words added to the good convention: no difference, and the drafter
/// says so in one line (exit 0, an empty act).
fn markup_only(file: &Path) {
    every_command(
        file,
        [
            Expect::Read(&[0], 0),
            Expect::Read(&[0], 0),
            Expect::Read(&[0], 1),
            Expect::Read(&[0], 0),
            Expect::Read(&[0, 1], 0),
        ],
    );
}

#[test]
fn yaml_front_matter_unclosed_or_alone() {
    let dir = scratch("front-matter");
    let text = std::fs::read_to_string(good()).expect("good convention");
    // Never closed: the `---` and the keys are text, the convention is read.
    let open = format!("---\ntitle: Convention de partenariat\nauteur: DINUM\n{text}");
    read_or_draft_refused(&write(&dir, "ouverte.md", open.as_bytes()));
    // Closed after 5,000 keys (past what a front matter may hold): read as text, in bounded time.
    let mut many = String::from("---\n");
    for k in 0..5_000 {
        many.push_str(&format!("cle{k}: valeur\n"));
    }
    many.push_str("---\n");
    many.push_str(&text);
    read_or_draft_refused(&write(&dir, "longue.md", many.as_bytes()));
    // A front matter and nothing else: no convention, refused with one line.
    let alone = write(
        &dir,
        "seule.md",
        b"---\ntitle: Convention\nauteur: DINUM\n---\n",
    );
    refused_everywhere(&alone);
}

#[test]
fn style_blocks_closed_unclosed_and_repeated() {
    let dir = scratch("style");
    let mut css = String::from("<style>\n");
    for k in 0..2_000 {
        css.push_str(&format!("  .c{k} {{ content: \"Article {k}\"; }}\n"));
    }
    let closed = format!("{css}</style>");
    read_everywhere(
        &write(&dir, "style.md", with_paragraph(&closed).as_bytes()),
        0,
    );
    // Unclosed: only its own line is code, the rules after it are text.
    read_or_draft_refused(&write(&dir, "ouvert.md", with_paragraph(&css).as_bytes()));
    // `<style>` and `<!--` never closed, 100,000 times (20,000 in a debug build): each line
    // looked at once, not 2,000 times (24 s of CPU for the comments in a release build before).
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        100_000
    };
    let many = "<style> .a { color: red; } /* une règle de style assez longue */\n".repeat(n);
    markup_only(&write(&dir, "styles.md", with_paragraph(&many).as_bytes()));
    let comments = "texte <!-- commentaire jamais fermé, avec un peu de texte\n".repeat(n);
    read_or_draft_refused(&write(
        &dir,
        "commentaires.md",
        with_paragraph(&comments).as_bytes(),
    ));
}

#[test]
fn html_tables_deep_wide_and_unclosed() {
    let dir = scratch("html-tables");
    let nested = format!(
        "{}texte\n{}",
        "<table><tr><td>\n".repeat(1_000),
        "</td></tr></table>\n".repeat(1_000)
    );
    read_or_draft_refused(&write(
        &dir,
        "imbriquees.md",
        with_paragraph(&nested).as_bytes(),
    ));
    let one_line = format!(
        "{}texte{}",
        "<table><tr><td>".repeat(1_000),
        "</td></tr></table>".repeat(1_000)
    );
    read_or_draft_refused(&write(
        &dir,
        "imbriquees-ligne.md",
        with_paragraph(&one_line).as_bytes(),
    ));
    // 10,000 cells: 100 rows of 100, and one row of cells never closed (20,000 cells took 3.4 s
    // of CPU in a release build when each cell searched the rest of the table).
    let rows: String = (0..100)
        .map(|_| format!("<tr>{}</tr>\n", "<td>cellule</td>".repeat(100)))
        .collect();
    let grid = format!("<table>\n{rows}</table>");
    read_or_draft_refused(&write(
        &dir,
        "cellules.md",
        with_paragraph(&grid).as_bytes(),
    ));
    let open_cells = format!("<table><tr>{}</table>", "<td>c".repeat(10_000));
    read_or_draft_refused(&write(
        &dir,
        "cellules-ouvertes.md",
        with_paragraph(&open_cells).as_bytes(),
    ));
    // Merged cells that would multiply (`rowspan=1000 colspan=64`, 2,000 times): bounded (it
    // never ended before, each row's merged cells searched among all the open spans).
    let spans = format!(
        "<table>{}</table>",
        "<tr><td rowspan=1000 colspan=64>x".repeat(2_000)
    );
    read_or_draft_refused(&write(
        &dir,
        "fusions.md",
        with_paragraph(&spans).as_bytes(),
    ));
    // Tables never closed, one a line, 100,000 times (10,000 in a debug build): the depths are
    // counted once (over 19 s of CPU in a release build before).
    let n = if cfg!(debug_assertions) {
        10_000
    } else {
        100_000
    };
    let unclosed = "<table> <tr><td>cellule jamais fermée</td><td>b</td></tr>\n".repeat(n);
    read_or_draft_refused(&write(
        &dir,
        "ouvertes.md",
        with_paragraph(&unclosed).as_bytes(),
    ));
}

#[test]
fn deep_block_quotes_with_admonitions() {
    let dir = scratch("admonitions");
    let mut quotes = format!("{} [!NOTE] citation profonde\n", ">".repeat(100_000));
    quotes.push_str(&"> [!WARNING]\n> avertissement\n".repeat(1_000));
    for depth in 0..300 {
        quotes.push_str(&"> ".repeat(depth));
        quotes.push_str("[!TIP] conseil\n");
    }
    read_or_draft_refused(&write(
        &dir,
        "admonitions.md",
        with_paragraph(&quotes).as_bytes(),
    ));
}

#[test]
fn a_hundred_thousand_tab_bullets() {
    let dir = scratch("puces");
    // Bullets of a word processor's export (« •\t »), 100,000 of them; in a debug build a
    // shorter list, the same shape.
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        100_000
    };
    let bullets = "•\télément de la liste\n".repeat(n);
    read_or_draft_refused(&write(
        &dir,
        "puces.md",
        with_paragraph(&bullets).as_bytes(),
    ));
}

#[test]
fn a_paragraph_of_many_short_lines() {
    let dir = scratch("paragraphe");
    // Lines without final punctuation, each continuing the previous one: joined into one
    // paragraph whose every step must not read it again from its start.
    // 200,000 lines took about 17 s of CPU in a release build, each lower-cased whole at every
    // line (« d'une part » ?); 20,000 in a debug build.
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        200_000
    };
    let lines: String = (0..n).map(|k| format!("cle{k}: valeur\n")).collect();
    read_or_draft_refused(&write(&dir, "lignes.md", with_paragraph(&lines).as_bytes()));
}

// ---------------------------------------------------------------------------------------------
// PDFs.
// ---------------------------------------------------------------------------------------------

fn pdf_with_articles() -> Vec<u8> {
    std::fs::read(root().join("corpus/pdf/ena-dinum-2021.office.pdf")).expect("pdf")
}

/// A one-page PDF built by hand, with `extra` entries in its trailer and `content` drawn.
fn tiny_pdf(content: &str, trailer_extra: &str, resources: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << {resources} >> >>"),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n{o}\nendobj\n", i + 1).expect("write");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).expect("write");
    for off in offsets {
        writeln!(out, "{off:010} 00000 n ").expect("write");
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .expect("write");
    out
}

#[test]
fn truncated_encrypted_and_scanned_pdfs_are_refused() {
    let dir = scratch("pdf-refused");
    let whole = pdf_with_articles();
    let truncated = write(&dir, "tronque.pdf", &whole[..whole.len() / 3]);
    refused_everywhere(&truncated);
    let scanned = tiny_pdf(
        "q 500 0 0 700 40 60 cm /Im1 Do Q",
        "",
        "/XObject << /Im1 << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >> >>",
    );
    refused_everywhere(&write(&dir, "numerise.pdf", &scanned));
    let key = "0".repeat(64);
    let encrypted = tiny_pdf(
        "BT /F1 12 Tf 72 700 Td (Article 1er) Tj ET",
        &format!("/Encrypt << /Filter /Standard /V 1 /R 2 /O <{key}> /U <{key}> /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"),
        "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>",
    );
    refused_everywhere(&write(&dir, "chiffre.pdf", &encrypted));
}

#[test]
fn a_bit_flipped_pdf_never_loses_words_quietly() {
    // Bit flips across the file: each run either reads the whole text, warns (one line naming
    // the file), or refuses; never a shorter text with exit 0 and nothing said.
    let dir = scratch("pdf-flip");
    let whole = pdf_with_articles();
    let reference = run_parse_words(&write(&dir, "origine.pdf", &whole)).expect("reads");
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for i in 0..6 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mut bytes = whole.clone();
        let pos = (state % bytes.len() as u64) as usize;
        bytes[pos] ^= 1 << (state % 8);
        let file = write(&dir, &format!("inverse-{i}.pdf"), &bytes);
        let r = run(&[
            "parse".as_ref(),
            "--format".as_ref(),
            "md".as_ref(),
            file.as_os_str(),
        ]);
        let lines = r.stderr.lines().count();
        assert!(!r.stderr.contains("panicked"), "octet {pos}: {}", r.stderr);
        assert!(lines <= 1, "octet {pos}: {}", r.stderr);
        if r.code == Some(0) && lines == 0 {
            let words = run_parse_words(&file).expect("reads");
            assert!(
                words * 100 >= reference * 97,
                "octet {pos}: {words} mots sur {reference}, sans avertissement"
            );
        }
        // The other commands: a documented exit code, one line at most, no panic.
        every_command(&file, [Expect::AnyDocumented; 5]);
    }
}

fn run_parse_words(file: &Path) -> Option<usize> {
    let out = Command::new(binary())
        .args(["parse", "--format", "md"])
        .arg(file)
        .output()
        .ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    })
}

/// A PDF whose one page holds an article heading, then `n` characters of text drawn as one
/// line (font size 1, so that they stay on the page's baseline).
fn pdf_with_one_long_line(n: usize) -> Vec<u8> {
    let words: String = "la partie versera la somme convenue "
        .chars()
        .cycle()
        .take(n)
        .collect();
    tiny_pdf(
        &format!("BT /F1 12 Tf 72 780 Td (Article 1 : Objet) Tj ET BT /F1 1 Tf 20 700 Td ({words}) Tj ET"),
        "",
        "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>",
    )
}

#[test]
fn a_pdf_line_of_fifty_thousand_glyphs() {
    // Lines were built in quadratic time (12 s of CPU for 20,000 glyphs in a debug build).
    let dir = scratch("pdf-long-line");
    let file = write(&dir, "ligne.pdf", &pdf_with_one_long_line(50_000));
    check_run(
        "parse ligne de 50 000 glyphes",
        &file,
        &["parse".as_ref(), file.as_os_str()],
        Expect::Read(&[0], 0),
    );
}

#[test]
fn a_pdf_page_past_the_character_cap_is_read_with_a_warning() {
    // Past 200,000 characters a page is cut, and the user is told: never a quiet partial text.
    let dir = scratch("pdf-cap");
    let file = write(&dir, "page.pdf", &pdf_with_one_long_line(250_000));
    let g = good();
    for (what, args) in [
        ("parse", vec!["parse".as_ref(), file.as_os_str()]),
        (
            "diff",
            vec!["diff".as_ref(), g.as_os_str(), file.as_os_str()],
        ),
    ] {
        check_run(
            &format!("{what} page plafonnée"),
            &file,
            &args,
            Expect::Read(&[0, 1], 1),
        );
    }
    let r = run(&["parse".as_ref(), file.as_os_str()]);
    assert!(
        r.stderr.contains("est coupé à la limite de lecture"),
        "{}",
        r.stderr
    );
}

/// A PDF of pages drawn by Flate-compressed content streams.
fn pdf_of_flate_pages(pages: &[Vec<u8>]) -> Vec<u8> {
    let n = pages.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
    ];
    for (i, content) in pages.iter().enumerate() {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(content).expect("deflate");
        let packed = z.finish().expect("deflate");
        objects.push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>", 4 + 2 * i).into_bytes());
        let mut stream = format!(
            "<< /Length {} /Filter /FlateDecode >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        stream.extend(packed);
        stream.extend(b"\nendstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).expect("write");
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).expect("write");
    for off in offsets {
        writeln!(out, "{off:010} 00000 n ").expect("write");
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .expect("write");
    out
}

#[test]
fn a_pdf_decompression_bomb_is_not_inflated() {
    // 80 Mo of spaces behind a page's text, in a PDF of about 80 Ko: inflated whole, it took
    // 2.3 times its decompressed size in memory. Past 64 Mo a page is left unread: refused when
    // no page is left, read with a warning otherwise.
    let dir = scratch("pdf-bomb");
    let text = b"BT /F1 12 Tf 72 780 Td (Article 1 : Objet) Tj 0 -20 Td (La presente convention a pour objet de definir les modalites du partenariat entre les parties.) Tj ET\n".to_vec();
    let mut bomb = text.clone();
    bomb.resize(bomb.len() + 80 * 1024 * 1024, b' ');
    let alone = write(
        &dir,
        "bombe.pdf",
        &pdf_of_flate_pages(std::slice::from_ref(&bomb)),
    );
    refused_everywhere(&alone);
    let r = run(&["parse".as_ref(), alone.as_os_str()]);
    assert!(r.stderr.contains("bombe de décompression"), "{}", r.stderr);
    let second = write(&dir, "bombe-p2.pdf", &pdf_of_flate_pages(&[text, bomb]));
    check_run(
        "parse bombe en page 2",
        &second,
        &["parse".as_ref(), second.as_os_str()],
        Expect::Read(&[0], 1),
    );
    let r = run(&["parse".as_ref(), second.as_os_str()]);
    assert!(r.stderr.contains("page 2 est coupé"), "{}", r.stderr);
}

#[test]
fn a_pdf_whose_text_layer_is_broken_is_refused() {
    let broken =
        root().join("corpus/pdf/menj-convention-sequence-observation-textlayer-broken.pdf");
    refused_everywhere(&broken);
}

// ---------------------------------------------------------------------------------------------
// Avenants.
// ---------------------------------------------------------------------------------------------

fn apply_avenant(file: &Path, expect: Expect) {
    let g = good();
    check_run(
        &format!("apply {}", file.display()),
        file,
        &["apply".as_ref(), g.as_os_str(), file.as_os_str()],
        expect,
    );
}

#[test]
fn avenants_that_cannot_be_applied() {
    let dir = scratch("avenants");
    let head = "Avenant n° 1 à la convention de partenariat\n\n## Article 1er – Modification de l'article 4\n\n";
    for (name, body) in [
        (
            "guillemet.md",
            "Au premier alinéa de l'article 4, les mots : « tous les six mois sont remplacés par les mots : « tous les trois mois ».",
        ),
        (
            "absent.md",
            "L'article 42 de la convention est abrogé.",
        ),
    ] {
        apply_avenant(&write(&dir, name, format!("{head}{body}\n").as_bytes()), Expect::Refused);
    }
}

#[test]
fn an_avenant_with_no_instruction_is_refused() {
    let dir = scratch("lettre");
    let letter = "Madame, Monsieur,\n\nNous vous remercions de votre courrier et vous prions d'agréer nos salutations.\n";
    apply_avenant(
        &write(&dir, "lettre.md", letter.as_bytes()),
        Expect::Refused,
    );
}

#[test]
fn a_five_megabyte_avenant() {
    let dir = scratch("gros-avenant");
    let mut text = std::fs::read_to_string(good_avenant()).expect("avenant");
    let at = text.find("Ceci exposé").expect("exposé");
    let filler =
        "Considérant la nécessité de préciser les modalités du partenariat entre les parties.\n\n"
            .repeat(5 * 1024 * 1024 / 90);
    text.insert_str(at, &filler);
    apply_avenant(
        &write(&dir, "gros.md", text.as_bytes()),
        Expect::Read(&[0, 2], 0),
    );
}

/// A 1.6 Mo avenant in the JORF form (instructions in its annex, blind finding 28): 10,000
/// alinéas inserted after the third alinéa of one point (« 25.2.II »). Each instruction read
/// the whole growing point, a regex per line, so the run grew as n² (release build: 10,000
/// instructions 3.8 s, 20,000 about 15 s); the point is now read only as far as the ordinal
/// goes (release: 0.5 s and 1.5 s; the unit test `a_point_is_read_only_as_far_as_its_ordinal_goes`
/// guards the mechanism). What is left grows as n² with a small constant: each instruction
/// still lists the unit's alinéas (debug build: 20,000 instructions take 20 s of CPU).
#[test]
fn ten_thousand_annexed_insertions_into_one_point() {
    let dir = scratch("annexe-point");
    let real =
        std::fs::read_to_string(root().join("corpus/concessions/escota-avenant-13-2011-01-27.txt"))
            .expect("escota");
    let head = &real[..real.find("\nAnnexe\n").expect("annexe")];
    let mut text = format!("{head}\nAnnexe\n\nMODIFICATIONS\n\n");
    for k in 0..10_000 {
        text.push_str(&format!(
            "Article 25\n\nAu paragraphe 25.2.II, il est inséré après le troisième alinéa un alinéa rédigé comme suit :\n\nAjout {k}.\n\n"
        ));
    }
    let av = write(&dir, "avenant.txt", text.as_bytes());
    let cahier = root().join("corpus/concessions/cahier-des-charges-points-romains.md");
    check_run(
        "apply 10 000 insertions annexées",
        &av,
        &["apply".as_ref(), cahier.as_os_str(), av.as_os_str()],
        Expect::Read(&[0], 0),
    );
}

// ---------------------------------------------------------------------------------------------
// Standard input, and a bad byte that must not change the whole file's reading.
// ---------------------------------------------------------------------------------------------

fn run_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("output");
    let _ = writer.join();
    out
}

#[test]
fn dash_reads_standard_input() {
    let text = std::fs::read(good()).expect("good");
    let from_stdin = run_stdin(&["parse", "--format", "md", "-"], &text);
    assert_eq!(from_stdin.status.code(), Some(0));
    let from_file = Command::new(binary())
        .args(["parse", "--format", "md"])
        .arg(good())
        .output()
        .expect("runs");
    assert_eq!(from_stdin.stdout, from_file.stdout);
    let empty = run_stdin(&["parse", "-"], b"");
    assert_eq!(empty.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&empty.stderr),
        "avenant : entrée standard : le fichier est vide\n"
    );
}

#[test]
fn one_bad_byte_changes_one_unit_only() {
    // Before: one 0xFF made the whole file Windows-1252 and every unit « modified ».
    let dir = scratch("one-byte");
    let mut bytes = std::fs::read(good()).expect("good");
    let at = bytes
        .windows(7)
        .position(|w| w == b"Article")
        .expect("article")
        + 3;
    bytes.insert(at, 0xFF);
    let file = write(&dir, "octet.md", &bytes);
    let out = Command::new(binary())
        .args(["diff", "--format", "json"])
        .arg(good())
        .arg(&file)
        .output()
        .expect("runs");
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(!json.contains("Ã©"), "read as Windows-1252");
    let modified = json.matches("\"status\": \"modified\"").count()
        + json.matches("\"status\":\"modified\"").count();
    assert!(modified <= 2, "{modified} units modified");
}

// ---------------------------------------------------------------------------------------------
// Numbers that overflow every integer type, and one number repeated: every command.
// ---------------------------------------------------------------------------------------------

#[test]
fn thirty_digit_and_repeated_numbers_on_every_command() {
    let dir = scratch("numbers-all");
    let big = "Article 123456789012345678901234567890 – Objet\n\nLa présente convention a un objet.\n\nArticle 999999999999999999999999999999 – Durée\n\nElle dure un an.\n";
    let trente = write(&dir, "trente.md", big.as_bytes());
    let mut same = String::from("Convention de partenariat\n\n");
    for i in 0..500 {
        same.push_str(&format!(
            "Article 3 – Clause {i}\n\nTexte de la clause {i}.\n\n"
        ));
    }
    let meme = write(&dir, "meme-numero.md", same.as_bytes());
    let r = run(&["parse".as_ref(), meme.as_os_str()]);
    assert!(
        r.stderr
            .contains("numérotation des articles : 500 articles 3"),
        "{}",
        r.stderr
    );
    for file in [&trente, &meme] {
        // apply with the corpus avenant: its target articles are missing, refused by every
        // command in one line naming the avenant (checked below with avenants of their own).
        every_command(
            file,
            [
                Expect::Read(&[0], 0),
                Expect::Read(&[0, 1], 0),
                Expect::ReadOrRefused,
                Expect::RefusedElsewhere,
                Expect::Read(&[0, 1], 0),
            ],
        );
    }
    // An avenant aimed at the 30-digit article applies; one aimed at the repeated number is
    // refused (its words are not where the first « article 3 » is), never applied silently.
    let av = write(
        &dir,
        "avenant-trente.md",
        "Avenant n° 1\n\nArticle 1er\n\nÀ l'article 123456789012345678901234567890 de la convention, les mots : « un objet » sont remplacés par les mots : « un objet précis ».\n".as_bytes(),
    );
    let r = run(&["apply".as_ref(), trente.as_os_str(), av.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let av = write(
        &dir,
        "avenant-trois.md",
        "Avenant n° 1\n\nArticle 1er\n\nÀ l'article 3 de la convention, les mots : « Texte de la clause 7 » sont remplacés par les mots : « Texte modifié ».\n".as_bytes(),
    );
    check_run(
        "apply numéro répété",
        &av,
        &["apply".as_ref(), meme.as_os_str(), av.as_os_str()],
        Expect::Refused,
    );
}

// ---------------------------------------------------------------------------------------------
// Office files that are not readable documents: refused by every command.
// ---------------------------------------------------------------------------------------------

const ODT_MIME: &[u8] = b"application/vnd.oasis.opendocument.text";

#[test]
fn bad_office_files_on_every_command() {
    let dir = scratch("office");
    let mut files = Vec::new();
    for ext in ["docx", "odt"] {
        let real = std::fs::read(root().join(format!("corpus/office/ena-dinum-2021.pandoc.{ext}")))
            .expect("office fixture");
        files.push(write(
            &dir,
            &format!("tronque.{ext}"),
            &real[..real.len() / 2],
        ));
        let not_document = dir.join(format!("archive.{ext}"));
        crate::common::zip_file(&not_document, &[("photos/lisezmoi.txt", b"bonjour")]);
        files.push(not_document);
    }
    // Encrypted: a password-protected Word file is an OLE file holding EncryptionInfo; an
    // encrypted .odt is a zip whose manifest declares encrypted parts.
    files.push(write(
        &dir,
        "protege.docx",
        &crate::common::ole_file("EncryptionInfo"),
    ));
    let encrypted_odt = dir.join("protege.odt");
    crate::common::zip_file(
        &encrypted_odt,
        &[
            ("mimetype", ODT_MIME),
            ("content.xml", &[0x8Bu8, 0x13, 0xF7, 0x02, 0x55, 0xA0, 0x10, 0x99]),
            (
                "META-INF/manifest.xml",
                br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#,
            ),
        ],
    );
    files.push(encrypted_odt);
    // Bombs: 64 MiB of spaces compressed to a few tens of kilobytes.
    let spaces = vec![b' '; 64 * 1024 * 1024];
    let bomb_docx = dir.join("bombe.docx");
    crate::common::zip_file(&bomb_docx, &[("word/document.xml", &spaces)]);
    files.push(bomb_docx);
    let bomb_odt = dir.join("bombe.odt");
    crate::common::zip_file(
        &bomb_odt,
        &[("mimetype", ODT_MIME), ("content.xml", &spaces)],
    );
    files.push(bomb_odt);
    // An .odt that is a spreadsheet, and an Excel and a PowerPoint file named .docx.
    let sheet = dir.join("budget.odt");
    crate::common::zip_file(
        &sheet,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", b"<office:document-content/>"),
        ],
    );
    files.push(sheet);
    for (name, part) in [
        ("classeur.docx", "xl/workbook.xml"),
        ("diaporama.docx", "ppt/presentation.xml"),
    ] {
        let file = dir.join(name);
        crate::common::zip_file(&file, &[(part, b"<x/>")]);
        files.push(file);
    }
    // A Word 97 file and an RTF file, renamed .docx.
    files.push(write(
        &dir,
        "ancien.docx",
        &crate::common::ole_file("WordDocument"),
    ));
    files.push(write(
        &dir,
        "lettre.docx",
        b"{\\rtf1\\ansi Article 1 : Objet\\par La convention a un objet.\\par}",
    ));
    for file in &files {
        refused_everywhere(file);
    }
}

/// Office XML nested far deeper than any real document (tables in tables, lists in lists):
/// read without recursion, so no stack overflow.
#[test]
fn deeply_nested_office_xml() {
    let dir = scratch("office-deep");
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let mut body = String::from("<w:p><w:r><w:t>Article 1 – Objet</w:t></w:r></w:p>");
    for _ in 0..5_000 {
        body.push_str("<w:tbl><w:tr><w:tc>");
    }
    body.push_str("<w:p><w:r><w:t>au fond</w:t></w:r></w:p>");
    for _ in 0..5_000 {
        body.push_str("</w:tc></w:tr></w:tbl>");
    }
    body.push_str("<w:p><w:r><w:t>Article 2 – Durée</w:t></w:r></w:p>");
    let docx = dir.join("tableaux.docx");
    crate::common::zip_file(
        &docx,
        &[(
            "word/document.xml",
            format!("<w:document {w}><w:body>{body}</w:body></w:document>").as_bytes(),
        )],
    );
    let mut lists = String::new();
    for _ in 0..5_000 {
        lists.push_str("<text:list><text:list-item>");
    }
    lists.push_str("<text:p>au fond</text:p>");
    for _ in 0..5_000 {
        lists.push_str("</text:list-item></text:list>");
    }
    let content = format!(
        r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:h text:outline-level="1">Article 1 – Objet</text:h>{lists}<text:h text:outline-level="1">Article 2 – Durée</text:h></office:text></office:body></office:document-content>"#
    );
    let odt = dir.join("listes.odt");
    crate::common::zip_file(
        &odt,
        &[("mimetype", ODT_MIME), ("content.xml", content.as_bytes())],
    );
    for file in [&docx, &odt] {
        check_run(
            "parse imbrication profonde",
            file,
            &["parse".as_ref(), file.as_os_str()],
            Expect::Read(&[0], 0),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Documents without articles (`corps`: an agreement, a model letter): read with one warning,
// in every place a command takes a file; a refusal comes after that warning.
// ---------------------------------------------------------------------------------------------

#[test]
fn documents_without_articles_in_every_place() {
    let real = root().join("../shared/corpus/real");
    let dir = scratch("corps");
    let mut files = vec![write(
        &dir,
        "accord.md",
        "Accord de rupture\n\nEntre les soussignés :\n\nMadame Dupont, employeur,\n\nEt\n\nMonsieur Martin, apprenti,\n\nLe contrat d'apprentissage conclu le 1er septembre 2024 est rompu d'un commun accord.\n\nLa rupture prend effet le 30 juin 2025.\n\nFait à Paris, le 2 juin 2025.\n\nL'employeur\n\nL'apprenti\n"
            .as_bytes(),
    )];
    for name in [
        "cdtn-rupture-amiable-apprentissage-2019-12-24.docx",
        "potentiel-modele-reponse-recours-2024-09-18.docx",
    ] {
        if real.join(name).exists() {
            files.push(real.join(name));
        }
    }
    let (g, av, t) = (good(), good_avenant(), template());
    for file in &files {
        let f = file.as_os_str();
        let name = file.display().to_string();
        let commands: Vec<(&str, Vec<&std::ffi::OsStr>, &[i32])> = vec![
            ("parse", vec!["parse".as_ref(), f], &[0]),
            ("diff", vec!["diff".as_ref(), g.as_os_str(), f], &[1]),
            (
                "diff (ancienne)",
                vec!["diff".as_ref(), f, g.as_os_str()],
                &[1],
            ),
            ("diff (même)", vec!["diff".as_ref(), f, f], &[0]),
            ("draft", vec!["draft".as_ref(), g.as_os_str(), f], &[0, 2]),
            (
                "draft (ancienne)",
                vec!["draft".as_ref(), f, g.as_os_str()],
                &[0, 2],
            ),
            ("apply", vec!["apply".as_ref(), f, av.as_os_str()], &[2]),
            ("check", vec!["check".as_ref(), t.as_os_str(), f], &[0, 1]),
            (
                "check (modèle)",
                vec!["check".as_ref(), f, g.as_os_str()],
                &[0, 1, 2],
            ),
        ];
        for (what, args, codes) in commands {
            let r = run(&args);
            let what = format!("{what} {name}");
            eprintln!(
                "{what}: exit {:?}, {:?} CPU: {}",
                r.code,
                r.cpu,
                r.stderr.trim_end()
            );
            assert!(
                !r.stderr.contains("panicked"),
                "{what}: panic\n{}",
                r.stderr
            );
            let code = r.code.unwrap_or_else(|| panic!("{what}: no exit in time"));
            assert!(codes.contains(&code), "{what}: exit {code}\n{}", r.stderr);
            let lines: Vec<&str> = r.stderr.lines().collect();
            // The warning about the document (once per place it is read), then at most one
            // refusal.
            let warnings = lines
                .iter()
                .filter(|l| {
                    l.contains(&name) && l.contains("avertissement : aucun article reconnu")
                })
                .count();
            assert!(warnings >= 1, "{what}: the warning\n{}", r.stderr);
            let others = lines.len() - warnings;
            assert_eq!(others, usize::from(code == 2), "{what}\n{}", r.stderr);
            assert!(
                lines.iter().all(|l| l.starts_with("avenant : ")),
                "{what}\n{}",
                r.stderr
            );
        }
    }
}

/// A PDF made by a real tool, scanned (no text layer) or protected by a user password, is
/// refused by every command with the line that says so, not as « endommagé ou tronqué »
/// (`tests/fixtures/README.md` says how they were made).
#[test]
fn real_scanned_and_encrypted_pdfs_say_so() {
    for (name, says) in [
        (
            "scan.pdf",
            "le PDF n'a pas de couche texte (document numérisé ?)",
        ),
        (
            "chiffre.pdf",
            "le PDF est chiffré ; enregistrez-en une copie non protégée",
        ),
    ] {
        let file = root().join("tests/fixtures").join(name);
        refused_everywhere(&file);
        let r = run(&["parse".as_ref(), file.as_os_str()]);
        assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
    }
}
