//! `gmp`: the engine in a terminal. This crate only wires the engine to
//! argv, files and exit codes; it holds no Go semantics of its own.
//!
//! ```text
//! gmp run FILE.go [--seed N] [--procs N]
//! ```
//! behaves like running the program built by the go tool: the program's
//! stdout and stderr, and Go's exit code.

use std::process::ExitCode;

const USAGE: &str = "usage: gmp run FILE.go [--seed N] [--procs N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli(&args) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("gmp: {msg}");
            ExitCode::from(2)
        }
    }
}

fn cli(args: &[String]) -> Result<u8, String> {
    match args.first().map(String::as_str) {
        Some("run") => run_command(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(0)
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

fn run_command(args: &[String]) -> Result<u8, String> {
    let mut config = gmp_engine::RunConfig::default();
    let mut path = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seed" => config.seed = parse_flag(&mut it, "--seed")?,
            "--procs" => {
                config.procs = parse_flag(&mut it, "--procs")?;
                if config.procs == 0 {
                    return Err("--procs must be at least 1".into());
                }
            }
            flag if flag.starts_with('-') => return Err(format!("unknown flag {flag}\n{USAGE}")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("one file at a time; unexpected {extra:?}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let outcome = gmp_engine::run_source(&path, &source, &config);
    use std::io::Write;
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    Ok(outcome.exit_code.clamp(0, 255) as u8)
}

fn parse_flag<T: std::str::FromStr>(
    it: &mut std::slice::Iter<'_, String>,
    flag: &str,
) -> Result<T, String> {
    let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
    value.parse().map_err(|_| format!("{flag}: not a number: {value:?}"))
}
