//! `cargo xtask bench [NAME…]`: times the programs in
//! `playground/engine/benches/go/` under real Go and under `gmp run`, and
//! prints the ratio. Both must print the same output for a row to count.
//!
//! Wall time of whole processes, best of a few runs: that is what a learner
//! waits for, start-up and compilation included. Go is built once up front.
//!
//! Each program runs twice over: with one P (`GOMAXPROCS=1`, `gmp run
//! --procs 1`) and with as many Ps as the machine has cores (Go's default,
//! `gmp run --procs N`). Real Go then runs on N threads at once; the
//! engine simulates the N Ps on one thread.

use crate::expect::{ensure_go, go_env};
use crate::util::{self, step};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const RUNS: usize = 3;

pub fn bench(filter: &[String]) -> Result<(), String> {
    let root = util::root();
    let go = ensure_go(&root)?;
    step("building gmp with the native profile (opt-level 3)");
    util::run(util::cargo().args(["build", "--quiet", "--profile", "native", "--package", "gmp-cli"]))?;
    let gmp = root.join("target").join("native").join("gmp");
    let out_dir = root.join("target").join("bench-go");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;

    let dir = root.join("playground").join("engine").join("benches").join("go");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .filter(|p| filter.is_empty() || filter.iter().any(|f| p.file_stem().is_some_and(|s| s == f.as_str())))
        .collect();
    programs.sort();
    if programs.is_empty() {
        return Err(format!("no benchmark matches {filter:?} in {}", dir.display()));
    }

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "\n{:<12} {:>9} {:>9} {:>6}   {:>9} {:>9} {:>6}  note",
        "program",
        "go P=1",
        "gmp P=1",
        "ratio",
        format!("go P={cores}"),
        format!("gmp P={cores}"),
        "ratio"
    );
    for src in &programs {
        let name = src.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let bin = out_dir.join(&name);
        let mut build = Command::new(&go);
        build.arg("build").arg("-o").arg(&bin).arg(src).current_dir(&out_dir);
        go_env(&mut build);
        util::run(&mut build)?;
        let mut cells = String::new();
        let mut notes = Vec::new();
        for procs in [1, cores] {
            let p = procs.to_string();
            let (go_time, go_out) = best_of(|| Command::new(&bin).env("GOMAXPROCS", &p).output())?;
            let (gmp_time, gmp_out) = best_of(|| Command::new(&gmp).args(["run", "--procs", &p]).arg(src).output())?;
            let note = verdict(&go_out, &gmp_out);
            let ratio = if note.is_empty() { format!("{:.1}x", ms(gmp_time) / ms(go_time)) } else { "-".into() };
            cells.push_str(&format!(" {:>9.2} {:>9.2} {ratio:>6}  ", ms(go_time), ms(gmp_time)));
            if !note.is_empty() {
                notes.push(format!("P={procs}: {note}"));
            }
        }
        println!("{name:<12}{cells}{}", notes.join("; "));
    }
    println!("\n(best of {RUNS} runs each; wall time of the whole process)");
    Ok(())
}

fn best_of(mut run: impl FnMut() -> std::io::Result<Output>) -> Result<(Duration, Output), String> {
    let mut best: Option<(Duration, Output)> = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = run().map_err(|e| e.to_string())?;
        let took = start.elapsed();
        if best.as_ref().is_none_or(|(b, _)| took < *b) {
            best = Some((took, out));
        }
    }
    best.ok_or_else(|| "no runs".into())
}

/// Empty when gmp agreed with Go; otherwise why the row does not count.
fn verdict(go: &Output, gmp: &Output) -> String {
    if gmp.status.code() != go.status.code() {
        let why = String::from_utf8_lossy(&gmp.stderr);
        let first = why.lines().find(|l| !l.trim().is_empty() && !l.starts_with('#')).unwrap_or("");
        return format!("gmp exited {:?}: {first}", gmp.status.code());
    }
    if gmp.stdout != go.stdout {
        return "output differs from Go".into();
    }
    String::new()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

