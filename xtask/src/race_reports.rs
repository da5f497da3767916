//! What real Go's race detector prints, recorded for the engine's
//! `tests/race/` programs by `cargo xtask expect` (FILTER: a program's
//! name, or `race`): each is built with `go build -race` and run [`RUNS`]
//! times with `GOMAXPROCS=1` — the race runtime shuffles its scheduler,
//! so a racy program's report can change from run to run — and every
//! distinct outcome, most frequent first, is written to `X.race` with its
//! addresses, PC offsets and directories normalised as
//! `tests/race_detector.rs` normalises the engine's.

use std::path::Path;
use std::process::Command;

const RUNS: usize = 20;

/// `0x00c000012078` → `0xADDR`, a trailing ` +0x44` → ` +0xOFF`, and a
/// path's directories dropped (`/tmp/x/prog.go:12` → `prog.go:12`).
fn normalise(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("0x") {
        let hex = rest[i + 2..].chars().take_while(|c| c.is_ascii_hexdigit()).count();
        out.push_str(&rest[..i]);
        if hex == 12 {
            out.push_str("0xADDR");
        } else {
            out.push_str(&rest[i..i + 2 + hex]);
        }
        rest = &rest[i + 2 + hex..];
    }
    out.push_str(rest);
    if let Some(i) = out.rfind(" +0x")
        && out[i + 4..].chars().all(|c| c.is_ascii_hexdigit())
        && out.len() > i + 4
    {
        out.truncate(i);
        out.push_str(" +0xOFF");
    }
    // A path ending in `name.go:` loses its directories.
    if let Some(go) = out.find(".go:") {
        let start = out[..go].rfind(|c: char| c == ' ' || c == '\t').map_or(0, |i| i + 1);
        if let Some(slash) = out[start..go].rfind('/') {
            out.replace_range(start..start + slash + 1, "");
        }
    }
    out
}

/// Records `X.race` for every `tests/race/X.go` whose name contains
/// `filter`.
pub fn record(root: &Path, go: &Path, scratch: &Path, filter: Option<&str>) -> Result<(), String> {
    let dir = root.join("playground/engine/tests/race");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".go").map(str::to_string))
        .filter(|n| filter.is_none_or(|f| n.contains(f) || "race".contains(f)))
        .collect();
    names.sort();
    if names.is_empty() {
        return Ok(());
    }
    crate::util::step("race reports, from real Go's -race");
    for name in names {
        let work = scratch.join(format!("race-{name}"));
        std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
        std::fs::copy(dir.join(format!("{name}.go")), work.join("prog.go")).map_err(|e| e.to_string())?;
        std::fs::write(work.join("go.mod"), "module prog\n\ngo 1.27\n").map_err(|e| e.to_string())?;
        let mut build = Command::new(go);
        build.args(["build", "-race", "-o", "prog", "."]).current_dir(&work);
        crate::expect::go_env(&mut build);
        // The race runtime is linked through cgo (a C compiler is needed).
        build.env("CGO_ENABLED", "1");
        let built = build.output().map_err(|e| format!("go build -race: {e}"))?;
        if !built.status.success() {
            return Err(format!("{name}: go build -race: {}", String::from_utf8_lossy(&built.stderr)));
        }
        let mut outcomes: Vec<(String, usize)> = Vec::new();
        for _ in 0..RUNS {
            let out = Command::new(work.join("prog")).current_dir(&work).env("GOMAXPROCS", "1").output().map_err(|e| format!("{name}: {e}"))?;
            let stderr: Vec<String> = String::from_utf8_lossy(&out.stderr).lines().map(normalise).collect();
            let text = format!(
                "exit {}\n-- stdout --\n{}-- stderr --\n{}-- end --\n",
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout),
                stderr.iter().map(|l| format!("{l}\n")).collect::<String>()
            );
            match outcomes.iter_mut().find(|(t, _)| *t == text) {
                Some((_, n)) => *n += 1,
                None => outcomes.push((text, 1)),
            }
        }
        outcomes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let all: String = outcomes.iter().map(|(t, _)| t.as_str()).collect();
        let path = dir.join(format!("{name}.race"));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(all.as_str()) {
            std::fs::write(&path, &all).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        println!("  {name}: {} outcome(s)", outcomes.len());
    }
    Ok(())
}
