//! `cargo xtask go-observe [FILTER] [--runs N]`: records what real Go
//! prints for the programs of the nondeterministic corpus
//! (`playground/engine/tests/nondeterministic/`), whose output Go leaves
//! open, and checks it against what Go's semantics allow.
//!
//! For each `X.go` (whose path contains FILTER, if given) it builds the
//! program once, as `cargo xtask expect` does (alone in a temporary
//! directory, `go build -o prog X.go`), runs the binary N times (default
//! [`DEFAULT_RUNS`]) under each `GOMAXPROCS` of [`PROCS`], and writes
//! `X.observed`: for each `GOMAXPROCS`, every distinct (stdout, exit code)
//! with how many runs printed it, most frequent first, ties by text (the
//! format is `gmp_engine::golden::format_observed`'s). The counts change
//! with every recording; the set of outputs rarely does.
//!
//! `X.allowed`, beside it, is written by hand: every output Go's semantics
//! allow, each derived from the program. The command fails if real Go
//! printed something `X.allowed` does not list (the derivation is wrong:
//! fix it) or if `X.allowed` is missing; it writes `X.observed` either way.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use gmp_engine::golden::{Observation, RunOutput, format_observed, parse_allowed};

use crate::expect::{ensure_go, go_env, go_files, run_with_timeout};

/// The corpus folder, relative to the workspace root.
pub const CORPUS: &str = "playground/engine/tests/nondeterministic";
/// The `GOMAXPROCS` values each program runs under.
pub const PROCS: &[u32] = &[1, 2, 4, 8];
/// Runs per `GOMAXPROCS` value unless `--runs` says otherwise.
const DEFAULT_RUNS: u32 = 300;
/// How long one run may take before it counts as hung (the programs end
/// within milliseconds).
const RUN_TIMEOUT: Duration = Duration::from_secs(10);
const USAGE: &str = "usage: cargo xtask go-observe [FILTER] [--runs N]";

pub fn go_observe(args: &[String]) -> Result<(), String> {
    let mut filter = None;
    let mut runs = DEFAULT_RUNS;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--runs" => {
                let n = rest.next().ok_or(USAGE)?;
                runs =
                    n.parse().ok().filter(|&n| n > 0).ok_or_else(|| format!("--runs {n:?}: not a positive number"))?;
            }
            f if filter.is_none() && !f.starts_with('-') => filter = Some(f),
            _ => return Err(USAGE.into()),
        }
    }
    let root = crate::util::root();
    let go = ensure_go(&root)?;
    let version = go_version(&go)?;
    let dir = root.join(CORPUS);
    let scratch = std::env::temp_dir().join(format!("gmp-go-observe-{}", std::process::id()));
    let mut problems = Vec::new();
    let mut count = 0;
    if filter.is_none() {
        remove_orphans(&dir)?;
    }
    for src in go_files(&dir)? {
        let rel = src.strip_prefix(&root).unwrap_or(&src).to_string_lossy().into_owned();
        if filter.is_some_and(|f| !rel.contains(f)) {
            continue;
        }
        let result = observe(&go, &version, &src, &scratch, runs);
        let _ = fs::remove_dir_all(&scratch);
        problems.extend(result?);
        count += 1;
    }
    let programs = if count == 1 { "program" } else { "programs" };
    println!("go-observe: {count} {programs}, {runs} runs at each GOMAXPROCS of {PROCS:?}");
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

/// Builds and runs one program, writes `X.observed`, and returns what is
/// wrong with it: outputs outside `X.allowed`, or no `X.allowed`.
fn observe(go: &Path, version: &str, src: &Path, scratch: &Path, runs: u32) -> Result<Vec<String>, String> {
    let name = src.file_name().ok_or("no file name")?.to_string_lossy().into_owned();
    fs::create_dir_all(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    fs::copy(src, scratch.join(&name)).map_err(|e| format!("{}: {e}", src.display()))?;
    let mut build = Command::new(go);
    build.args(["build", "-o", "prog", &name]).current_dir(scratch);
    go_env(&mut build);
    let out = build.output().map_err(|e| format!("running {}: {e}", go.display()))?;
    if !out.status.success() {
        return Err(format!("{name} does not build under Go:\n{}", String::from_utf8_lossy(&out.stderr)));
    }

    let mut observations = Vec::new();
    for &procs in PROCS {
        let mut counts: HashMap<RunOutput, u32> = HashMap::new();
        for _ in 0..runs {
            let mut run = Command::new(scratch.join("prog"));
            run.current_dir(scratch).env_clear().env("PATH", "/usr/bin:/bin").env("GOMAXPROCS", procs.to_string());
            let (stdout, _, exit_code) =
                run_with_timeout(run, &[], RUN_TIMEOUT).map_err(|e| format!("{name} under GOMAXPROCS={procs}: {e}"))?;
            let stdout = String::from_utf8(stdout).map_err(|_| format!("{name} printed bytes that are not UTF-8"))?;
            *counts.entry(RunOutput { stdout, exit_code }).or_default() += 1;
        }
        let mut outputs: Vec<(u32, RunOutput)> = counts.into_iter().map(|(o, n)| (n, o)).collect();
        outputs.sort_by(|(n1, o1), (n2, o2)| n2.cmp(n1).then_with(|| o1.cmp(o2)));
        observations.push(Observation { procs, runs, outputs });
    }
    let header = format!(
        "{name}: what real Go ({version}) printed.\n\
         For each GOMAXPROCS: every distinct output, as `-- N runs, exit E`\n\
         and its stdout lines after `| `, most frequent first, ties by text.\n\
         Recorded by `cargo xtask go-observe`; the counts change with every\n\
         recording. What Go allows: {}.",
        src.with_extension("allowed").file_name().unwrap_or_default().to_string_lossy()
    );
    let path = src.with_extension("observed");
    fs::write(&path, format_observed(&header, &observations)).map_err(|e| format!("{}: {e}", path.display()))?;

    let seen = |procs: u32| observations.iter().find(|o| o.procs == procs).map_or(0, |o| o.outputs.len());
    let mut union: Vec<&RunOutput> = observations.iter().flat_map(|o| o.outputs.iter().map(|(_, r)| r)).collect();
    union.sort();
    union.dedup();
    let allowed_path = src.with_extension("allowed");
    let allowed_name = allowed_path.file_name().unwrap_or_default().to_string_lossy();
    let allowed = match fs::read_to_string(&allowed_path) {
        Ok(text) => parse_allowed(&text).map_err(|e| format!("{}: {e}", allowed_path.display()))?,
        Err(_) => {
            println!("{name}: no {}", allowed_path.display());
            return Ok(vec![format!("{name}: write {} (what Go allows)", allowed_path.display())]);
        }
    };
    let shown: Vec<String> = PROCS.iter().map(|&p| format!("{p}: {}", seen(p))).collect();
    println!(
        "{name}: {} of {} allowed outputs seen (by GOMAXPROCS {})",
        union.iter().filter(|r| allowed.contains(r)).count(),
        allowed.len(),
        shown.join(", ")
    );
    let mut problems = Vec::new();
    for o in &observations {
        for (n, run) in &o.outputs {
            if !allowed.contains(run) {
                problems.push(format!(
                    "{name}: under GOMAXPROCS={} real Go printed (in {n} of {} runs, exit {}) what {allowed_name} does not allow:\n{}",
                    o.procs,
                    o.runs,
                    run.exit_code,
                    indent(&run.stdout)
                ));
            }
        }
    }
    Ok(problems)
}

fn indent(stdout: &str) -> String {
    let mut body = String::new();
    gmp_engine::golden::write_run_output(&mut body, stdout);
    body.lines().map(|l| format!("    {l}\n")).collect::<String>().trim_end().to_string()
}

/// `go1.27.3 linux/amd64`.
fn go_version(go: &Path) -> Result<String, String> {
    let mut cmd = Command::new(go);
    cmd.arg("version");
    go_env(&mut cmd);
    let out = cmd.output().map_err(|e| format!("running {}: {e}", go.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.trim().strip_prefix("go version ").unwrap_or(text.trim()).to_string())
}

/// Deletes `X.observed` files whose `X.go` is gone.
fn remove_orphans(dir: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.extension().is_some_and(|x| x == "observed") && !path.with_extension("go").exists() {
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("removed {}", path.display());
        }
    }
    Ok(())
}
