//! The corpus: every program under `tests/` is its own named test.
//!
//! `cargo test -p gmp-engine --test corpus chan_close` runs the tests whose
//! name contains `chan_close`; a failure names its program and shows a diff.
//! Kinds of test, by the first part of the name:
//!
//! - `fidelity/<corpus>/<program>`: the program, run through the engine with
//!   the scheduler's invariant checks on, prints what real Go 1.27 printed,
//!   byte for byte (`X.stdout`; `X.stderr` after
//!   `gmp_engine::golden::normalize_stderr`; `X.exitcode`), with the
//!   arguments of its `// args:` line if it has one and, on its standard
//!   input, the bytes of `X.stdin` if there is one. Corpora:
//!   `programs/` (sequential), `concurrent/` (recorded with
//!   `GOMAXPROCS=1`, run on one P), `faketime/` (long sleeps, recorded from
//!   the Go Playground's faketime runtime), `compile_errors/` (the go tool's
//!   report, exit 1), `pasted/` (whole programs in the shape learners
//!   paste them — worker pools, pipelines, JSON configs — recorded with
//!   `GOMAXPROCS=1`: what the engine does not run yet stays in
//!   `KNOWN_FAILING.txt`, so the gap is counted). A program with the line `// fidelity: unsupported`
//!   must instead be refused with an `unsupported:` diagnostic.
//! - `more_ps/concurrent/<program>`: a program real Go prints the same for
//!   under `GOMAXPROCS=2` and `4` (`concurrent/SCHEDULE_INDEPENDENT.txt`)
//!   prints the same on 2 to 8 simulated Ps under several seeds.
//! - `trace/<corpus>/<program>`: the event stream (`gmp trace`'s text) of a
//!   `concurrent/` or `faketime/` program on 1 and 3 Ps with two seeds is
//!   byte-identical to its golden `X.trace`, and folds back into the
//!   scheduler's and the channels' state (`sched::replay`). The traces are
//!   the engine's own output, kept so that a change that should not alter
//!   behaviour can be shown not to.
//! - `diagnostics/<corpus>/<program>`: `check_errors/` and `syntax_errors/`
//!   fail to compile with exactly the diagnostics real Go printed
//!   (`X.expected`).
//! - `hostile/<program>`: a program written to exhaust a resource (a
//!   goroutine bomb, an output flood, a sleep of 292 years, a huge `make`)
//!   ends by itself, without a Rust panic, with a nonzero exit code and the
//!   outcome in `X.outcome`: Go's text where Go has one (`makeslice: len
//!   out of range`), else the engine's message naming the budget. A line
//!   `// run: name=value ...` sets `RunConfig` budgets (small ones keep the
//!   test fast). The outcomes are the engine's (re-record with
//!   `UPDATE_EXPECT=1 ... hostile/`); Go's texts in them were checked
//!   against Go's runtime sources.
//!
//! Every expected file is re-recorded by one command, `cargo xtask expect
//! [FILTER]`: real Go's files from Go, the golden traces from the engine
//! (that part alone: `UPDATE_EXPECT=1 cargo test -p gmp-engine --test
//! corpus trace/`). A trace changes only when behaviour is meant to.
//!
//! `KNOWN_FAILING.txt` lists `fidelity/` programs the engine does not match
//! yet; such a test passes while the program mismatches and fails once it
//! matches, so the list only shrinks.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use gmp_engine::golden::{normalize_stderr, program_args};
use gmp_engine::replay;
use gmp_engine::{Outcome, RunConfig, SourceFile, run_source};
use libtest_mimic::{Arguments, Failed, Trial};

const FIDELITY_CORPORA: &[&str] = &["programs", "concurrent", "compile_errors", "faketime", "pasted"];
const TRACE_CORPORA: &[&str] = &["concurrent", "faketime"];
const DIAGNOSTIC_CORPORA: &[&str] = &["check_errors", "syntax_errors"];
const HOSTILE: &str = "hostile";
/// How long a hostile program may take: most take well under a second
/// in a debug build, a few up to 3 s; the margin is for a loaded machine.
const HOSTILE_TIMEOUT: Duration = Duration::from_secs(30);
const KNOWN_FAILING: &str = "KNOWN_FAILING.txt";
const SCHEDULE_INDEPENDENT: &str = "concurrent/SCHEDULE_INDEPENDENT.txt";
const UNSUPPORTED_MARK: &str = "// fidelity: unsupported";
/// A program the engine has not finished by then counts as hung.
const ENGINE_TIMEOUT: Duration = Duration::from_secs(60);

/// The (GOMAXPROCS, seed) pairs the schedule-independent programs run with.
const MORE_PS: &[(u32, u64)] = &[(2, 1), (2, 2), (2, 3), (3, 4), (4, 5), (4, 6), (8, 7), (8, 8)];
/// The (GOMAXPROCS, seed) pairs of a golden trace.
const TRACE_RUNS: &[(u32, u64)] = &[(1, 1), (1, 2), (3, 1), (3, 2)];
/// A run's trace longer than this keeps its head and a digest of the whole.
const TRACE_MAX_LINES: usize = 1_000;
const TRACE_HEAD_LINES: usize = 200;

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut trials = Vec::new();
    let known = read_list(&dir.join(KNOWN_FAILING));
    for corpus in FIDELITY_CORPORA {
        for path in go_files(&dir.join(corpus)) {
            let name = format!("{corpus}/{}", stem(&path));
            let known_failing = known.contains(&format!("{corpus}/{}", file_name(&path)));
            trials.push(Trial::test(format!("fidelity/{name}"), move || fidelity(&path, known_failing)));
        }
    }
    trials.push(Trial::test("fidelity/known_failing_list_names_programs", {
        let dir = dir.clone();
        move || known_failing_list(&dir, &known)
    }));
    let independent = read_list(&dir.join(SCHEDULE_INDEPENDENT));
    for name in &independent {
        let path = dir.join("concurrent").join(name);
        trials.push(Trial::test(format!("more_ps/concurrent/{}", stem(&path)), move || more_ps(&path)));
    }
    trials.push(Trial::test("more_ps/list_is_long", move || {
        check(independent.len() > 100, || format!("only {} schedule-independent programs", independent.len()))
    }));
    for corpus in TRACE_CORPORA {
        for path in go_files(&dir.join(corpus)) {
            trials.push(Trial::test(format!("trace/{corpus}/{}", stem(&path)), move || trace(&path)));
        }
    }
    for corpus in DIAGNOSTIC_CORPORA {
        for path in go_files(&dir.join(corpus)) {
            trials.push(Trial::test(format!("diagnostics/{corpus}/{}", stem(&path)), move || diagnostics(&path)));
        }
    }
    for path in go_files(&dir.join(HOSTILE)) {
        trials.push(Trial::test(format!("hostile/{}", stem(&path)), move || hostile(&path)));
    }
    // A corpus folder that went missing must not pass as zero tests.
    for (corpus, at_least) in
        [("programs", 150), ("concurrent", 150), ("compile_errors", 50), ("faketime", 5), ("check_errors", 20), ("syntax_errors", 100), (HOSTILE, 20)]
    {
        let dir = dir.join(corpus);
        trials.push(Trial::test(format!("corpus/{corpus}_is_there"), move || {
            let n = go_files(&dir).len();
            check(n >= at_least, || format!("{} holds {n} programs, expected at least {at_least}", dir.display()))
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

/// The engine's result against real Go's recording.
fn fidelity(path: &Path, known_failing: bool) -> Result<(), Failed> {
    let result = compare_with_go(path);
    match (result, known_failing) {
        (Ok(()), false) | (Err(_), true) => Ok(()),
        (Err(why), false) => Err(format!("mismatches real Go:\n{why}").into()),
        (Ok(()), true) => Err(format!("now matches real Go: remove it from tests/{KNOWN_FAILING}").into()),
    }
}

fn compare_with_go(path: &Path) -> Result<(), String> {
    let source = read(path)?;
    let want_stdout = read_bytes(&path.with_extension("stdout"))?;
    let want_stderr = read(&path.with_extension("stderr"))?;
    let want_exit = read(&path.with_extension("exitcode"))?.trim().to_string();
    let args = program_args(&source);
    let config = RunConfig { check_invariants: true, record_events: false, args, stdin: input(path), ..RunConfig::default() };
    let out = run_engine(path, source.clone(), config, |_, _, out| Output::from(out))?;
    let stderr = normalize_stderr(&out.stderr);

    if source.lines().any(|l| l.trim() == UNSUPPORTED_MARK) {
        let refused = out.exit_code == 1
            && out.stdout.is_empty()
            && stderr.starts_with("# command-line-arguments\n")
            && stderr.contains(": unsupported");
        return if refused {
            Ok(())
        } else {
            Err(format!(
                "  expected an `unsupported` compile error (exit 1), got exit {}\n{}",
                out.exit_code,
                diff("stderr", "# command-line-arguments\n./X.go:L:C: unsupported: ...\n", &stderr)
            ))
        };
    }
    let mut why = String::new();
    if out.stdout.as_bytes() != want_stdout.as_slice() {
        why.push_str(&diff("stdout", &String::from_utf8_lossy(&want_stdout), &out.stdout));
    }
    if stderr != want_stderr {
        why.push_str(&diff("stderr (normalized)", &want_stderr, &stderr));
    }
    if out.exit_code.to_string() != want_exit {
        let _ = writeln!(why, "  exit code: expected {want_exit}, got {}", out.exit_code);
    }
    if why.is_empty() { Ok(()) } else { Err(why) }
}

fn known_failing_list(dir: &Path, known: &BTreeSet<String>) -> Result<(), Failed> {
    let missing: Vec<&String> = known.iter().filter(|rel| !dir.join(rel).exists()).collect();
    check(missing.is_empty(), || format!("tests/{KNOWN_FAILING} names programs that do not exist: {missing:?}"))
}

/// A schedule-independent program on more Ps and seeds.
fn more_ps(path: &Path) -> Result<(), Failed> {
    let source = read(path)?;
    let want_stdout = String::from_utf8_lossy(&read_bytes(&path.with_extension("stdout"))?).into_owned();
    let want_exit = read(&path.with_extension("exitcode"))?.trim().to_string();
    let mut problems = String::new();
    for &(procs, seed) in MORE_PS {
        let config = RunConfig {
            procs,
            seed,
            check_invariants: true,
            record_events: false,
            args: program_args(&source),
            stdin: input(path),
            ..RunConfig::default()
        };
        let out = run_engine(path, source.clone(), config, |_, _, out| Output::from(out))?;
        if out.stdout != want_stdout || out.exit_code.to_string() != want_exit {
            let _ = write!(
                problems,
                "GOMAXPROCS={procs} seed {seed}: exit {} (Go: {want_exit})\n{}{}",
                out.exit_code,
                diff("stdout", &want_stdout, &out.stdout),
                out.stderr.lines().take(8).map(|l| format!("  stderr: {l}\n")).collect::<String>()
            );
        }
    }
    check(problems.is_empty(), || problems)
}

/// The golden event trace, and the fold of each run's events.
fn trace(path: &Path) -> Result<(), Failed> {
    let source = read(path)?;
    let mut text = String::new();
    for &(procs, seed) in TRACE_RUNS {
        let config = RunConfig { procs, seed, check_invariants: true, stdin: input(path), ..RunConfig::default() };
        let (lines, folded) = run_engine(path, source.clone(), config, move |name, source, out| {
            let file = SourceFile::new(name, source);
            let lines: Vec<String> = out.events.iter().map(|e| e.trace_line(&file).to_string()).collect();
            (lines, replay::replay(procs, &out.events).map(|_| ()).map_err(|e| e.to_string()))
        })?;
        if let Err(e) = folded {
            return Err(format!("GOMAXPROCS={procs} seed {seed}: the events do not fold: {e}").into());
        }
        let _ = writeln!(text, "# gmp trace {} --procs {procs} --seed {seed}", file_name(path));
        let shown = if lines.len() <= TRACE_MAX_LINES { &lines[..] } else { &lines[..TRACE_HEAD_LINES] };
        for l in shown {
            let _ = writeln!(text, "{l}");
        }
        if shown.len() < lines.len() {
            let whole: String = lines.iter().flat_map(|l| [l.as_str(), "\n"]).collect();
            let _ = writeln!(
                text,
                "# ... {} more lines; FNV-1a 64 of all {} lines: {:016x}",
                lines.len() - shown.len(),
                lines.len(),
                fnv1a(whole.as_bytes())
            );
        }
    }
    let golden = path.with_extension("trace");
    let want = fs::read_to_string(&golden).unwrap_or_default();
    if want == text {
        return Ok(());
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&golden, &text).map_err(|e| format!("writing {}: {e}", golden.display()))?;
        return Ok(());
    }
    Err(format!(
        "the event stream differs from {} (if the change is meant, re-record: UPDATE_EXPECT=1 cargo test -p gmp-engine --test corpus trace/)\n{}",
        golden.display(),
        diff("trace", &want, &text)
    )
    .into())
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// Diagnostics against `go build`'s report (`X.expected`, the file built as
/// `prog.go`). The go tool cuts the report after 10 errors and adds a
/// `# command-line-arguments` header unless the go command itself rejected
/// the package clause or an import: [`gmp_engine::CompileError::render`]
/// does the same.
///
/// The source is read as bytes: some programs are not UTF-8 on purpose.
/// Go echoes such a byte raw in a message (a name, a literal); the engine
/// shows U+FFFD, so the report is compared as text decoded lossily.
fn diagnostics(path: &Path) -> Result<(), Failed> {
    let source = read_bytes(path)?;
    let want = normalize_go_build(&String::from_utf8_lossy(&read_bytes(&path.with_extension("expected"))?));
    let got = match gmp_engine::compile_bytes("prog.go", &source) {
        Ok(_) => String::new(),
        Err(e) => e.render(),
    };
    check(got == want, || diff("diagnostics", &want, &got))
}

/// A hostile program ends by itself, in time, with its recorded outcome.
fn hostile(path: &Path) -> Result<(), Failed> {
    let source = read(path)?;
    let mut config = RunConfig { check_invariants: true, ..RunConfig::default() };
    for line in source.lines() {
        let Some(settings) = line.trim().strip_prefix("// run:") else { continue };
        for setting in settings.split_whitespace() {
            set_budget(&mut config, setting).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let start = std::time::Instant::now();
    let (text, exit_code, internal) =
        run_engine(path, source, config, |_, _, out| (describe_outcome(&out), out.exit_code, matches!(out.end, gmp_engine::EndReason::Internal(_))))?;
    let took = start.elapsed();
    let mut problems = String::new();
    if exit_code == 0 || internal {
        let _ = writeln!(problems, "  it must end with an error of its own, not exit {exit_code} or an engine error");
    }
    if took > HOSTILE_TIMEOUT {
        let _ = writeln!(problems, "  it took {took:?}: a budget must stop it sooner");
    }
    let expected = path.with_extension("outcome");
    let want = fs::read_to_string(&expected).unwrap_or_default();
    if want != text {
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            fs::write(&expected, &text).map_err(|e| format!("writing {}: {e}", expected.display()))?;
        } else {
            let _ = write!(
                problems,
                "the outcome differs from {} (if the change is meant, re-record: UPDATE_EXPECT=1 cargo test -p gmp-engine --test corpus hostile/)\n{}",
                expected.display(),
                diff("outcome", &want, &text)
            );
        }
    }
    check(problems.is_empty(), || problems)
}

/// Sets one `RunConfig` budget from `name=value`.
fn set_budget(config: &mut RunConfig, setting: &str) -> Result<(), String> {
    let (name, value) = setting.split_once('=').ok_or_else(|| format!("{setting:?}: expected name=value"))?;
    let n: u64 = value.replace('_', "").parse().map_err(|e| format!("{setting:?}: {e}"))?;
    match name {
        "instr_limit" => config.instr_limit = n,
        "heap_budget" => config.heap_budget = n,
        "goroutine_budget" => config.goroutine_budget = n.try_into().map_err(|_| format!("{setting:?}: too big"))?,
        "goroutines_created_budget" => config.goroutines_created_budget = n,
        "output_budget" => config.output_budget = n,
        "fs_budget" => config.fs_budget = n,
        "time_budget_ns" => config.time_budget_ns = n,
        "event_budget" => config.event_budget = n as usize,
        "step_budget" => config.step_budget = n,
        _ => return Err(format!("{name:?}: not a budget")),
    }
    Ok(())
}

/// A run's outcome as `X.outcome` holds it: the exit code, why it ended,
/// stdout (its size, its head and a digest when long), then stderr whole.
fn describe_outcome(out: &Outcome) -> String {
    let mut text = format!("exit: {}\nend: {:?}\n", out.exit_code, out.end);
    let stdout = out.stdout.as_bytes();
    if stdout.len() <= 200 {
        let _ = writeln!(text, "stdout: {:?}", out.stdout);
    } else {
        let head = String::from_utf8_lossy(&stdout[..100]);
        let _ = writeln!(text, "stdout: {} bytes, FNV-1a 64 {:016x}, starting {head:?}", stdout.len(), fnv1a(stdout));
    }
    if out.stderr.len() <= 4096 {
        let _ = write!(text, "stderr:\n{}", out.stderr);
    } else {
        // Its first and last lines: Go's message opens a trace, the
        // engine's report follows what the program wrote.
        let err = &out.stderr;
        let to = err[..1024].rfind('\n').map_or(1024, |i| i + 1);
        let from = err.len() - 1024;
        let from = err[from..].find('\n').map_or(from, |i| from + i + 1);
        let _ = write!(text, "stderr: {} bytes, FNV-1a 64 {:016x}, starting:\n{}...\nending:\n{}", err.len(), fnv1a(err.as_bytes()), &err[..to], &err[from..]);
    }
    text
}

/// `go build prog.go` names the file `prog.go` in some reports and
/// `./prog.go` in others (the go command's own errors); the engine always
/// says `./prog.go` behind the header.
fn normalize_go_build(text: &str) -> String {
    if !text.starts_with("# command-line-arguments\n") {
        return text.to_string();
    }
    text.lines()
        .map(|l| match l.strip_prefix("prog.go:") {
            Some(rest) => format!("./prog.go:{rest}\n"),
            None => format!("{l}\n"),
        })
        .collect()
}

/// Runs the engine on its own thread, so that a hang is this program's
/// failure (after [`ENGINE_TIMEOUT`]) rather than the whole run's.
/// The outcome is not `Send` (it shares strings by `Rc`): `read` takes
/// what the test needs from it on the engine's thread.
fn run_engine<T: Send + 'static>(
    path: &Path,
    source: String,
    config: RunConfig,
    read: impl FnOnce(&str, &str, Outcome) -> T + Send + 'static,
) -> Result<T, String> {
    let name = file_name(path);
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.clone())
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let out = run_source(&name, &source, &config);
                read(&name, &source, out)
            }));
            let _ = tx.send(result);
        })
        .map_err(|e| format!("spawning engine thread: {e}"))?;
    match rx.recv_timeout(ENGINE_TIMEOUT) {
        Ok(Ok(out)) => Ok(out),
        Ok(Err(_)) => Err("  the engine panicked (a Rust panic: never acceptable)\n".into()),
        Err(_) => Err(format!("  the engine did not finish within {}s\n", ENGINE_TIMEOUT.as_secs())),
    }
}

/// What the output tests read of an outcome.
struct Output {
    stdout: String,
    stderr: String,
    exit_code: i32,
}

impl From<Outcome> for Output {
    fn from(o: Outcome) -> Output {
        Output { stdout: o.stdout, stderr: o.stderr, exit_code: o.exit_code }
    }
}

fn check(ok: bool, why: impl FnOnce() -> String) -> Result<(), Failed> {
    if ok { Ok(()) } else { Err(why().into()) }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e} (run `cargo xtask expect`)", path.display()))
}

/// The program's standard input: its `X.stdin`, else nothing (EOF).
fn input(path: &Path) -> Vec<u8> {
    fs::read(path.with_extension("stdin")).unwrap_or_default()
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e} (run `cargo xtask expect`)", path.display()))
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
        let _ = writeln!(out, "   {}", show(line));
    }
    for (sign, lines) in [('-', &w), ('+', &g)] {
        for line in lines.iter().skip(first).take(SHOWN) {
            let _ = writeln!(out, "  {sign}{}", show(line));
        }
        if lines.len() > first + SHOWN {
            let _ = writeln!(out, "  {sign}... ({} more lines)", lines.len() - first - SHOWN);
        }
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

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A list file: one entry a line; `#` comments and blank lines skipped.
fn read_list(path: &Path) -> BTreeSet<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}
