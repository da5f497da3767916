//! `cargo xtask bench [NAME…]`: times the programs in
//! `playground/engine/benches/go/` under real Go and under `gmp run`, and
//! prints the ratio. Both must print the same output for a row to count.
//!
//! Wall time of whole processes: what a learner waits for, start-up and
//! compilation included. Go is built once up front. The two run as
//! interleaved pairs (gmp, Go, gmp, Go...) so both see the same minutes of
//! a noisy machine, and the figures are medians: of each side's times,
//! and of the pairs' ratios (the ratio printed).
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

/// Interleaved pairs per program and GOMAXPROCS value.
const PAIRS: usize = 15;

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
            let pairs = interleaved(
                || Command::new(&gmp).args(["run", "--procs", &p]).arg(src).output(),
                || Command::new(&bin).env("GOMAXPROCS", &p).output(),
            )?;
            let note = verdict(&pairs.b_out, &pairs.a_out);
            let ratio = if note.is_empty() { format!("{:.1}x", pairs.ratio) } else { "-".into() };
            cells.push_str(&format!(" {:>9.2} {:>9.2} {ratio:>6}  ", pairs.b_ms, pairs.a_ms));
            if !note.is_empty() {
                notes.push(format!("P={procs}: {note}"));
            }
        }
        println!("{name:<12}{cells}{}", notes.join("; "));
    }
    println!("\n(medians of {PAIRS} interleaved pairs, gmp then Go; the ratio is the median of the pairs' ratios; wall time of the whole process)");
    Ok(())
}

/// Medians of `PAIRS` interleaved runs of A and B, and the last outputs.
struct Pairs {
    a_ms: f64,
    b_ms: f64,
    ratio: f64,
    a_out: Output,
    b_out: Output,
}

fn interleaved(
    mut a: impl FnMut() -> std::io::Result<Output>,
    mut b: impl FnMut() -> std::io::Result<Output>,
) -> Result<Pairs, String> {
    let timed = |run: &mut dyn FnMut() -> std::io::Result<Output>| -> Result<(f64, Output), String> {
        let start = Instant::now();
        let out = run().map_err(|e| e.to_string())?;
        Ok((ms(start.elapsed()), out))
    };
    let (mut a_ms, mut b_ms, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..PAIRS {
        let (ta, oa) = timed(&mut a)?;
        let (tb, ob) = timed(&mut b)?;
        a_ms.push(ta);
        b_ms.push(tb);
        ratios.push(ta / tb.max(1e-6));
        last = Some((oa, ob));
    }
    let (a_out, b_out) = last.ok_or("no runs")?;
    Ok(Pairs { a_ms: median(a_ms), b_ms: median(b_ms), ratio: median(ratios), a_out, b_out })
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
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

