//! `gmp`: the engine in a terminal. This crate only wires the engine to
//! argv, files and exit codes; it holds no Go semantics of its own.
//!
//! ```text
//! gmp run FILE.go [--seed N] [--procs N] [--signal NAME@DURATION]... [--leaks] [--race] [--lost-updates] [-- ARGS...]
//! gmp trace FILE.go [the same flags]
//! ```
//!
//! The words after `--` are the program's arguments (`os.Args[1:]`;
//! `os.Args[0]` is `/tmpfs/play`, as on the Go Playground); input piped
//! or redirected into `gmp` is the program's `os.Stdin` (a terminal is
//! not read, so an interactive run reads EOF).
//!
//! `trace` prints the scheduler's event stream instead of the program's
//! output: one line per event, with its virtual time and source line,
//! named after the runtime function that does it in Go.
//!
//! `--signal interrupt@2s` sends SIGINT two virtual seconds into the run
//! (names: interrupt/SIGINT, terminate/SIGTERM, hangup/SIGHUP, quit/SIGQUIT,
//! SIGUSR1, SIGUSR2, kill/SIGKILL, or a number; units ns, us, ms, s, m, h).
//! `--leaks` adds, after the program's own output, the goroutines still
//! alive when it ended (Go itself says nothing about them).
//! `--race` runs with Go's race detector: each pair of unsynchronised
//! conflicting accesses is reported as `go run -race` reports it, and a
//! run that found any and would exit 0 exits 66.
//! `--lost-updates` adds, after the program's own output, each update a
//! goroutine lost by writing back a value computed from a read another
//! goroutine's write had made stale (`gmp_engine::LostUpdate`).
//! `gmp explore FILE.go [--procs 1,2,4] [--schedules N] [--seed N] [--strategies LIST] [--json]` runs N
//! schedules per GOMAXPROCS value and prints every distinct outcome with
//! how many schedules gave it and a token that replays one of them.
//! `--strategies` names the strategies taken in turn (`random`,
//! `extremes`, `stalls`, `pct` or `pctD` for PCT of depth D, `bounded`;
//! by default all of them, PCT at depths 2 and 3).
//! `--from-event E` forks instead: the run (of `--schedule TOKEN`, else of
//! the first `--procs` value and `--seed`) keeps its choices up to its
//! E-th event, and the N schedules vary only what comes after.
//! `--print-schedule` writes the run's schedule token to stderr at the end
//! (`schedule: 1.AgEAAA`); `--schedule TOKEN` replays it exactly (same
//! output, same event stream) and stands for `--procs` and `--seed`.
//! behaves like running the program built by the go tool: the program's
//! stdout and stderr, and Go's exit code.

use std::alloc::{GlobalAlloc, Layout};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: a run allocates and frees
/// many small objects (closures, goroutine states, map slots), and
/// glibc's malloc made a 100,000-goroutine program 15-30% slower
/// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// `mimalloc::MiMalloc` sends every allocation through
/// `mi_malloc_aligned`, whose slow path some block sizes (a closure's
/// 48-byte capture list) take every time; an alignment of at most 8,
/// which every `mi_malloc` block has, goes to `mi_malloc` instead.
struct Mimalloc;

// SAFETY: each method forwards to mimalloc, which returns blocks of at
// least 8-byte alignment from `mi_malloc`/`mi_zalloc`/`mi_realloc` and
// honours larger alignments in `MiMalloc`; `mi_free` frees both kinds.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        if l.align() <= 8 {
            unsafe { libmimalloc_sys::mi_malloc(l.size()) as *mut u8 }
        } else {
            unsafe { mimalloc::MiMalloc.alloc(l) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        if l.align() <= 8 {
            unsafe { libmimalloc_sys::mi_zalloc(l.size()) as *mut u8 }
        } else {
            unsafe { mimalloc::MiMalloc.alloc_zeroed(l) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { mimalloc::MiMalloc.dealloc(p, l) }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        if l.align() <= 8 {
            unsafe { libmimalloc_sys::mi_realloc(p as *mut std::ffi::c_void, new_size) as *mut u8 }
        } else {
            unsafe { mimalloc::MiMalloc.realloc(p, l, new_size) }
        }
    }
}

const USAGE: &str = "usage: gmp run FILE.go [--seed N] [--procs N] [--schedule TOKEN] [--print-schedule] [--signal NAME@DURATION]... [--leaks] [--race] [--lost-updates] [-- ARGS...]\n       gmp trace FILE.go [the same flags]\n       gmp explore FILE.go [--procs 1,2,4] [--schedules N] [--seed N] [--strategies LIST] [--json]\n       gmp explore FILE.go --from-event N [--schedule TOKEN] [--procs P] [--schedules N] [--seed N] [--json]";

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
        Some("run") => run_command(&args[1..], false),
        Some("trace") => run_command(&args[1..], true),
        Some("explore") => explore_command(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(0)
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

fn run_command(args: &[String], trace: bool) -> Result<u8, String> {
    // `run` shows output only: it does not keep the event stream.
    let mut config = gmp_engine::RunConfig { record_events: trace, free_at_exit: false, ..gmp_engine::RunConfig::default() };
    let mut path = None;
    let mut show_leaks = false;
    let mut print_schedule = false;
    let mut schedule: Option<gmp_engine::Schedule> = None;
    let mut seed_or_procs = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seed" => {
                config.seed = parse_flag(&mut it, "--seed")?;
                seed_or_procs = Some("--seed");
            }
            "--schedule" => {
                let token = it.next().ok_or("--schedule needs a token, as --print-schedule writes it")?;
                schedule = Some(gmp_engine::Schedule::decode(token).map_err(|e| format!("--schedule: {e}"))?);
            }
            "--print-schedule" => print_schedule = true,
            "--procs" => {
                seed_or_procs = Some("--procs");
                config.procs = parse_flag(&mut it, "--procs")?;
                if config.procs == 0 {
                    return Err("--procs must be at least 1".into());
                }
                if config.procs > gmp_engine::MAX_PROCS {
                    return Err(format!("--procs: at most {}", gmp_engine::MAX_PROCS));
                }
            }
            "--leaks" => show_leaks = true,
            "--race" => config.race = true,
            "--lost-updates" => config.lost_updates = true,
            "--signal" => {
                let spec = it.next().ok_or("--signal needs NAME@DURATION, e.g. interrupt@2s")?;
                config.signals.push(parse_signal(spec)?);
            }
            // The program's own arguments: os.Args[1:].
            "--" => {
                config.args = it.by_ref().cloned().collect();
            }
            flag if flag.starts_with('-') => return Err(format!("unknown flag {flag}\n{USAGE}")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("one file at a time; unexpected {extra:?}")),
        }
    }
    if let Some(schedule) = &schedule {
        if let Some(flag) = seed_or_procs {
            return Err(format!("--schedule fixes GOMAXPROCS and the seed: drop {flag}"));
        }
        config = config.with_schedule(schedule);
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    // Bytes, not text: a file that is not UTF-8 gets Go's diagnostics.
    let source = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    // Input piped or redirected in is the program's os.Stdin; a terminal
    // is not read (the run is not interactive: os.Stdin reads EOF).
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        use std::io::Read;
        std::io::stdin().read_to_end(&mut config.stdin).map_err(|e| format!("reading standard input: {e}"))?;
    }
    let outcome = gmp_engine::run_source_bytes(&path, &source, &config);
    use std::io::Write;
    let print_token = || {
        if print_schedule {
            eprintln!("schedule: {}", config.schedule().encode());
        }
    };
    if trace {
        let file = gmp_engine::SourceFile::from_bytes(&path, &source);
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for e in &outcome.events {
            let _ = writeln!(out, "{}", e.trace_line(&file));
        }
        let _ = out.flush();
        print_token();
        return Ok(process_status(outcome.exit_code));
    }
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    if show_leaks {
        let report = if outcome.leak_report.is_empty() { "[gmp] no goroutines leaked\n" } else { &outcome.leak_report };
        let _ = std::io::stderr().write_all(report.as_bytes());
    }
    if config.lost_updates {
        let file = gmp_engine::SourceFile::from_bytes(&path, &source);
        let _ = std::io::stderr().write_all(lost_updates_report(&file, &outcome.lost_updates).as_bytes());
    }
    print_token();
    Ok(process_status(outcome.exit_code))
}

/// `--lost-updates`' report, in the engine's words (Go has none).
fn lost_updates_report(file: &gmp_engine::SourceFile, lost: &[gmp_engine::LostUpdate]) -> String {
    if lost.is_empty() {
        return "[gmp] no update lost\n".to_string();
    }
    let at = |s: Option<gmp_engine::Span>| s.map_or_else(|| "?".to_string(), |s| format!("{}:{}", file.name, file.line_col(s.start).line));
    let mut out = String::new();
    for l in lost {
        out.push_str(&format!(
            "[gmp] lost update: goroutine {g} read at {}, goroutine {o} wrote at {}, then goroutine {g} wrote back at {}: goroutine {o}'s update is lost\n",
            at(l.read),
            at(l.lost_write),
            at(l.write),
            g = l.goid,
            o = l.lost_goid,
        ));
    }
    out
}

/// The status a process exiting with `code` has: its low 8 bits, as the
/// OS keeps them (Go's `os.Exit(-1)` is 255, `os.Exit(1000)` 232).
fn process_status(code: i32) -> u8 {
    (code & 0xff) as u8
}

/// A strategy of `gmp explore --strategies`, by name.
fn strategy(name: &str) -> Result<gmp_engine::Strategy, String> {
    use gmp_engine::Strategy;
    let depth = |d: &str| {
        d.parse::<u32>()
            .ok()
            .filter(|d| (1..=gmp_engine::MAX_PCT_DEPTH).contains(d))
            .ok_or_else(|| format!("--strategies: PCT's depth must be 1 to {}: {name:?}", gmp_engine::MAX_PCT_DEPTH))
    };
    Ok(match name {
        "random" => Strategy::Random,
        "extremes" => Strategy::Extremes,
        "stalls" => Strategy::Stalls,
        "bounded" => Strategy::Bounded,
        "pct" => Strategy::Pct { depth: 3, steps: 0 },
        _ if name.starts_with("pct") => Strategy::Pct { depth: depth(&name[3..])?, steps: 0 },
        _ => return Err(format!("--strategies: unknown strategy {name:?} (random, extremes, stalls, pct, pctD, bounded)")),
    })
}

fn explore_command(args: &[String]) -> Result<u8, String> {
    use gmp_engine::explore::{ExploreConfig, explore, fork};
    let mut config = ExploreConfig::default();
    let (mut path, mut json) = (None, false);
    // A fork: the run to start from and the event to branch after.
    let (mut base, mut from_event): (Option<gmp_engine::Schedule>, Option<usize>) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--procs" => {
                let list = it.next().ok_or("--procs needs a list, e.g. 1,2,4")?;
                config.procs = list
                    .split(',')
                    .map(|p| p.trim().parse::<u32>().ok().filter(|&n| (1..=gmp_engine::MAX_PROCS).contains(&n)))
                    .collect::<Option<Vec<u32>>>()
                    .ok_or_else(|| format!("--procs: expected numbers from 1 to {}, e.g. 1,2,4: {list:?}", gmp_engine::MAX_PROCS))?;
            }
            "--schedules" => {
                config.schedules = parse_flag(&mut it, "--schedules")?;
                if config.schedules == 0 {
                    return Err("--schedules must be at least 1".into());
                }
            }
            "--seed" => config.first_seed = parse_flag(&mut it, "--seed")?,
            "--strategies" => {
                let list = it.next().ok_or("--strategies needs a list, e.g. random,pct3,bounded")?;
                config.strategies = list.split(',').map(|s| strategy(s.trim())).collect::<Result<Vec<_>, String>>()?;
            }
            "--schedule" => {
                let token = it.next().ok_or("--schedule needs a token (from gmp run --print-schedule)")?;
                base = Some(gmp_engine::Schedule::decode(token).map_err(|e| format!("--schedule: {e}"))?);
            }
            "--from-event" => from_event = Some(parse_flag(&mut it, "--from-event")?),
            "--json" => json = true,
            flag if flag.starts_with('-') => return Err(format!("unknown flag {flag}\n{USAGE}")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("one file at a time; unexpected {extra:?}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    let source = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let source = String::from_utf8_lossy(&source);
    let program = match gmp_engine::compile(&path, &source) {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", e.render());
            return Ok(1);
        }
    };
    let found = match from_event {
        None if base.is_some() => return Err("--schedule goes with --from-event N: the run to fork and where".into()),
        None => explore(&program, &config),
        Some(n) => {
            // The run so far: the given schedule's, else the first
            // GOMAXPROCS value's with the first seed.
            let run = match &base {
                Some(s) => gmp_engine::RunConfig::from_schedule(s),
                None => gmp_engine::RunConfig { procs: config.procs.first().copied().unwrap_or(1), seed: config.first_seed, ..Default::default() },
            };
            let (at, _) = gmp_engine::Session::replay_to(&program, &run, n, u32::MAX);
            fork(&program, &run, at.choices_made(), &config)
        }
    };
    // A closed stdout (`| head`) ends the listing quietly.
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        let outcomes: Vec<serde_json::Value> = found
            .outcomes
            .iter()
            .map(|o| {
                serde_json::json!({
                    "stdout": o.stdout,
                    "stderr": o.stderr,
                    "exit_code": o.exit_code,
                    "ending": o.ending.to_string(),
                    "count": o.count,
                    "procs": o.procs,
                    "schedule": o.schedule.encode(),
                })
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::json!({ "schedules_run": found.schedules_run, "outcomes": outcomes }));
        let _ = out.flush();
        return Ok(0);
    }
    let procs: Vec<String> = config.procs.iter().map(u32::to_string).collect();
    let _ = writeln!(
        out,
        "{} schedules ({} per GOMAXPROCS {}): {} distinct outcome(s)",
        found.schedules_run,
        config.schedules,
        procs.join(", "),
        found.outcomes.len()
    );
    for o in &found.outcomes {
        let procs: Vec<String> = o.procs.iter().map(u32::to_string).collect();
        let _ = writeln!(out, "\n{} schedule(s), GOMAXPROCS {}: {}", o.count, procs.join(", "), o.ending);
        for line in o.stdout.lines() {
            let _ = writeln!(out, "  | {line}");
        }
        for line in o.stderr.lines().take(6) {
            let _ = writeln!(out, "  ! {line}");
        }
        let _ = writeln!(out, "  replay: gmp run {path} --schedule {}", o.schedule.encode());
    }
    let _ = out.flush();
    Ok(0)
}

fn parse_flag<T: std::str::FromStr>(
    it: &mut std::slice::Iter<'_, String>,
    flag: &str,
) -> Result<T, String> {
    let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
    value.parse().map_err(|_| format!("{flag}: not a number: {value:?}"))
}

/// `NAME@DURATION` → (virtual ns, signal number).
fn parse_signal(spec: &str) -> Result<(u64, i32), String> {
    let (name, at) = spec
        .split_once('@')
        .ok_or_else(|| format!("--signal {spec:?}: expected NAME@DURATION, e.g. interrupt@2s"))?;
    let number = match name.to_ascii_lowercase().trim_start_matches("sig") {
        "int" | "interrupt" => 2,
        "term" | "terminate" | "terminated" => 15,
        "hup" | "hangup" => 1,
        "quit" => 3,
        "kill" | "killed" => 9,
        "usr1" => 10,
        "usr2" => 12,
        other => other
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=64).contains(n))
            .ok_or_else(|| format!("--signal {spec:?}: unknown signal {name:?}"))?,
    };
    let ns = parse_duration(at).ok_or_else(|| format!("--signal {spec:?}: bad duration {at:?} (e.g. 1500ms, 2s, 1m)"))?;
    Ok((ns, number))
}

/// A Go-style duration with one unit: `1500ms`, `2s`, `1.5m`.
fn parse_duration(s: &str) -> Option<u64> {
    let split = s.find(|c: char| c.is_ascii_alphabetic())?;
    let (num, unit) = s.split_at(split);
    let value: f64 = num.parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0)?;
    let scale = match unit {
        "ns" => 1.0,
        "us" | "µs" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        "m" => 60e9,
        "h" => 3600e9,
        _ => return None,
    };
    let ns = value * scale;
    (ns < 1e19).then_some(ns as u64)
}
