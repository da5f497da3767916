//! The fidelity test: every program of the corpus, run through the engine,
//! must print what real Go 1.27 printed, byte for byte.
//!
//! Corpora (expected files recorded by `cargo xtask go-expect`; this test
//! never needs Go):
//! - `tests/programs/X.go`: programs that build; `X.stdout` is compared
//!   exactly, `X.stderr` after `gmp_engine::golden::normalize_stderr` (panic
//!   traces keep only their stable lines), `X.exitcode` exactly.
//! - `tests/concurrent/X.go`: the same for programs with goroutines,
//!   channels, sync, time, context and runtime; recorded with GOMAXPROCS=1
//!   (stable goroutine ids) and run with the default `RunConfig` (1 P).
//!   Those real Go prints the same for under `GOMAXPROCS=2` and `4` (listed
//!   in `concurrent/SCHEDULE_INDEPENDENT.txt`) are also run on 2 to 8 Ps
//!   with several seeds, and must print the same.
//! - `tests/faketime/X.go`: programs that sleep for minutes or hours,
//!   recorded from Go's faketime runtime (the Go Playground's), one P.
//! - `tests/compile_errors/X.go`: programs that must not compile; the same
//!   three files hold the go tool's `# command-line-arguments` report and
//!   exit code 1.
//!
//! Each program is compiled under its base name (`X.go`), which the engine's
//! `diag::display_name` prints as `./X.go:L:C:`, as `go build X.go` does.
//!
//! A program that contains the line `// fidelity: unsupported` uses what the
//! engine rejects on purpose (generics...). Its recorded files keep real Go's
//! output for reference; the engine must instead fail to compile it with an
//! `unsupported` diagnostic (exit code 1, empty stdout).
//!
//! `tests/KNOWN_FAILING.txt` lists the programs the engine does not get right
//! yet. The test fails when an unlisted program mismatches and when a listed
//! one passes (remove it from the list: the list may only shrink). Run with
//! `UPDATE_KNOWN_FAILING=1` to rewrite the list from the current results, and
//! `FIDELITY_FILTER=substring` to run only matching programs (the list is
//! then not checked for passing entries outside the filter).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use gmp_engine::golden::normalize_stderr;
use gmp_engine::{RunConfig, run_source};

const CORPORA: &[&str] = &["programs", "concurrent", "compile_errors", "faketime"];
const KNOWN_FAILING: &str = "KNOWN_FAILING.txt";
const UNSUPPORTED_MARK: &str = "// fidelity: unsupported";
/// A program the engine has not finished by then counts as hung.
const ENGINE_TIMEOUT: Duration = Duration::from_secs(30);

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

#[test]
fn fidelity() {
    let dir = tests_dir();
    let filter = std::env::var("FIDELITY_FILTER").ok().filter(|f| !f.is_empty());
    let known = read_known_failing(&dir.join(KNOWN_FAILING));

    let mut programs = Vec::new();
    for corpus in CORPORA {
        for path in go_files(&dir.join(corpus)) {
            let rel = format!("{corpus}/{}", file_name(&path));
            if filter.as_deref().is_none_or(|f| rel.contains(f)) {
                programs.push((rel, path));
            }
        }
    }
    assert!(!programs.is_empty(), "no fidelity programs found under {}", dir.display());

    let mut passed = 0;
    let mut failing = BTreeSet::new();
    let mut problems = Vec::new();
    for (rel, path) in &programs {
        match check(path) {
            Ok(()) => {
                passed += 1;
                if known.contains(rel) {
                    problems.push(format!(
                        "{rel} now passes: remove it from tests/{KNOWN_FAILING} (or rerun with UPDATE_KNOWN_FAILING=1)"
                    ));
                }
            }
            Err(why) => {
                if !known.contains(rel) {
                    problems.push(format!("{rel} mismatches real Go:\n{why}"));
                }
                failing.insert(rel.clone());
            }
        }
    }
    let all: BTreeSet<&String> = programs.iter().map(|(rel, _)| rel).collect();
    if filter.is_none() {
        for rel in &known {
            if !all.contains(rel) {
                problems.push(format!("{rel} is listed in tests/{KNOWN_FAILING} but does not exist"));
            }
        }
    }

    println!("fidelity: {passed} passed, {} known failing", failing.iter().filter(|r| known.contains(*r)).count());

    if std::env::var_os("UPDATE_KNOWN_FAILING").is_some() {
        // Keep entries outside the filter untouched.
        let mut list: BTreeSet<String> =
            known.iter().filter(|r| !all.contains(r) && filter.is_some()).cloned().collect();
        list.extend(failing);
        write_known_failing(&dir.join(KNOWN_FAILING), &list);
        println!("fidelity: rewrote tests/{KNOWN_FAILING} with {} entries", list.len());
        return;
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("\n{p}");
        }
        panic!("fidelity: {} problem(s), see above", problems.len());
    }
}

/// The (GOMAXPROCS, seed) pairs the schedule-independent programs run with.
const MORE_PS: &[(u32, u64)] = &[(2, 1), (2, 2), (2, 3), (3, 4), (4, 5), (4, 6), (8, 7), (8, 8)];

/// Real Go prints the same for these concurrent programs whatever
/// GOMAXPROCS is (`concurrent/SCHEDULE_INDEPENDENT.txt`, from `cargo xtask
/// go-expect`), so on more Ps and other seeds the engine must too: every
/// interleaving it picks has to be one Go allows.
#[test]
fn schedule_independent_programs_print_the_same_on_more_ps() {
    let dir = tests_dir().join("concurrent");
    let list = fs::read_to_string(dir.join("SCHEDULE_INDEPENDENT.txt")).expect("the list (run `cargo xtask go-expect`)");
    let known = read_known_failing(&tests_dir().join(KNOWN_FAILING));
    let names: Vec<&str> = list.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    assert!(names.len() > 100, "only {} schedule-independent programs", names.len());
    let mut problems = Vec::new();
    for name in &names {
        if known.contains(&format!("concurrent/{name}")) {
            continue;
        }
        let path = dir.join(name);
        let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want_stdout = String::from_utf8_lossy(&read_expected(&path, "stdout").unwrap_or_else(|e| panic!("{e}"))).into_owned();
        let want_exit = String::from_utf8_lossy(&read_expected(&path, "exitcode").unwrap_or_else(|e| panic!("{e}"))).trim().to_string();
        for &(procs, seed) in MORE_PS {
            let config = RunConfig { procs, seed, record_events: false, ..RunConfig::default() };
            match run_engine_with(name.to_string(), source.clone(), config) {
                Ok((stdout, _, code)) if stdout == want_stdout && code.to_string() == want_exit => {}
                Ok((stdout, stderr, code)) => problems.push(format!(
                    "{name} with GOMAXPROCS={procs} seed {seed}: exit {code} (Go: {want_exit})\n{}{}",
                    diff("stdout", &want_stdout, &stdout),
                    stderr.lines().take(8).map(|l| format!("  stderr: {l}\n")).collect::<String>()
                )),
                Err(why) => problems.push(format!("{name} with GOMAXPROCS={procs} seed {seed}:\n{why}")),
            }
        }
    }
    println!("schedule independence: {} programs x {} configurations, {} problems", names.len(), MORE_PS.len(), problems.len());
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("\n{p}");
        }
        panic!("schedule independence: {} problem(s), see above", problems.len());
    }
}

/// Runs one program through the engine and compares it with its recording.
fn check(path: &Path) -> Result<(), String> {
    let source = fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let want_stdout = read_expected(path, "stdout")?;
    let want_stderr = String::from_utf8_lossy(&read_expected(path, "stderr")?).into_owned();
    let want_exit = String::from_utf8_lossy(&read_expected(path, "exitcode")?).trim().to_string();

    let (stdout, stderr, exit_code) = run_engine(file_name(path), source.clone())?;
    let stderr = normalize_stderr(&stderr);

    if source.lines().any(|l| l.trim() == UNSUPPORTED_MARK) {
        let ok = exit_code == 1
            && stdout.is_empty()
            && stderr.starts_with("# command-line-arguments\n")
            && stderr.contains(": unsupported");
        return if ok {
            Ok(())
        } else {
            Err(format!(
                "  expected an `unsupported` compile error (exit 1), got exit {exit_code}\n{}",
                diff("stderr", "# command-line-arguments\n./X.go:L:C: unsupported: ...\n", &stderr)
            ))
        };
    }

    let mut why = String::new();
    if stdout.as_bytes() != want_stdout.as_slice() {
        why.push_str(&diff("stdout", &String::from_utf8_lossy(&want_stdout), &stdout));
    }
    if stderr != want_stderr {
        why.push_str(&diff("stderr (normalized)", &want_stderr, &stderr));
    }
    if exit_code.to_string() != want_exit {
        why.push_str(&format!("  exit code: expected {want_exit}, got {exit_code}\n"));
    }
    if why.is_empty() { Ok(()) } else { Err(why) }
}

/// Runs the engine on its own thread, so that an engine panic or hang is
/// reported as this program's failure instead of ending the whole test.
fn run_engine(name: String, source: String) -> Result<(String, String, i32), String> {
    run_engine_with(name, source, RunConfig::default())
}

fn run_engine_with(name: String, source: String, config: RunConfig) -> Result<(String, String, i32), String> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.clone())
        .spawn(move || {
            let result = std::panic::catch_unwind(|| run_source(&name, &source, &config));
            let _ = tx.send(result.map(|o| (o.stdout, o.stderr, o.exit_code)));
        })
        .map_err(|e| format!("spawning engine thread: {e}"))?;
    match rx.recv_timeout(ENGINE_TIMEOUT) {
        Ok(Ok(out)) => Ok(out),
        Ok(Err(_)) => Err("  the engine panicked (a Rust panic: never acceptable)\n".into()),
        Err(_) => Err(format!("  the engine did not finish within {}s\n", ENGINE_TIMEOUT.as_secs())),
    }
}

fn read_expected(path: &Path, ext: &str) -> Result<Vec<u8>, String> {
    let p = path.with_extension(ext);
    fs::read(&p).map_err(|e| format!("  {}: {e} (run `cargo xtask go-expect`)\n", p.display()))
}

/// A short line diff around the first difference: a few lines of context,
/// then the expected (`-`) and actual (`+`) lines from there on.
fn diff(what: &str, want: &str, got: &str) -> String {
    const CONTEXT: usize = 3;
    const SHOWN: usize = 12;
    let w: Vec<&str> = want.split_inclusive('\n').collect();
    let g: Vec<&str> = got.split_inclusive('\n').collect();
    let first = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let mut out = format!("  --- expected {what}\n  +++ engine {what}\n  @@ line {} @@\n", first + 1);
    for line in &w[first.saturating_sub(CONTEXT)..first] {
        out.push_str(&format!("   {}\n", show(line)));
    }
    for line in w.iter().skip(first).take(SHOWN) {
        out.push_str(&format!("  -{}\n", show(line)));
    }
    if w.len() > first + SHOWN {
        out.push_str(&format!("  -... ({} more lines)\n", w.len() - first - SHOWN));
    }
    for line in g.iter().skip(first).take(SHOWN) {
        out.push_str(&format!("  +{}\n", show(line)));
    }
    if g.len() > first + SHOWN {
        out.push_str(&format!("  +... ({} more lines)\n", g.len() - first - SHOWN));
    }
    out
}

/// A line without its newline; a missing final newline is made visible.
fn show(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(l) => l.to_string(),
        None => format!("{line}\\ (no newline at end)"),
    }
}

/// The `.go` files of corpus folder `dir`, sorted; a missing or empty
/// folder is a failure (a corpus that vanished must not pass).
fn go_files(dir: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    assert!(!files.is_empty(), "no .go files in {}", dir.display());
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read_known_failing(path: &Path) -> BTreeSet<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn write_known_failing(path: &Path, list: &BTreeSet<String>) {
    let mut text = String::from(
        "# Fidelity programs the engine does not match real Go on yet, one path a\n\
         # line relative to playground/engine/tests/. The fidelity test fails if a\n\
         # listed program passes: remove it. Regenerate with\n\
         # UPDATE_KNOWN_FAILING=1 cargo test -p gmp-engine --test fidelity\n",
    );
    for rel in list {
        text.push_str(rel);
        text.push('\n');
    }
    if let Err(e) = fs::write(path, text) {
        panic!("writing {}: {e}", path.display());
    }
}
