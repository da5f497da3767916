//! What the corpus recorders (`cargo xtask expect`, `cargo xtask
//! go-observe`) and the corpus tests share: the stable form of a program's
//! stderr, the text format of the nondeterministic corpus's outputs, and
//! the command line a program runs with.
//!
//! # The stable form of stderr
//!
//! Real Go's panic traces carry details no interpreter can or should
//! reproduce: absolute paths, PC offsets (`+0x1d`), argument words
//! (`main.f({0xc000012345, 0x3, 0x3})`), frames inside the Go runtime whose
//! line numbers change with every release. Both sides of a comparison go
//! through [`normalize_stderr`], so the engine must produce the lines kept
//! here exactly, and nothing it prints in the dropped places matters.

/// The arguments a corpus program runs with (`os.Args[1:]`): the words of
/// its `// args:` line, if it has one (`// args: -n=3 a b`), both when real
/// Go records it and when the engine runs it.
pub fn program_args(source: &str) -> Vec<String> {
    source
        .lines()
        .find_map(|l| l.trim().strip_prefix("// args:"))
        .map(|words| words.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Normalizes stderr text (a panic trace, a fatal error, a compile error or
/// plain `print`/`println` output) to its stable lines.
///
/// Outside a goroutine trace every line is kept as is, except the `exit
/// status N` line `go run` adds. From the first `goroutine N [state]:`
/// header on, the text is a trace:
/// - goroutine headers and blank lines are kept;
/// - a frame (function line plus a tab-indented `file:line` line) is kept
///   only if its function belongs to package `main`; its arguments are
///   dropped (`main.f(...)` becomes `main.f`) and its location is reduced to
///   `\tfile.go:line` (directory and `+0x..` offset removed);
/// - `created by ...` lines are kept; their location is kept (reduced
///   likewise) only if the creator belongs to package `main`: a goroutine
///   started by the library (`created by time.goFunc`, `created by
///   sync.(*WaitGroup).Go in goroutine 1`) points into Go's sources, whose
///   line numbers change with every release;
/// - anything else (runtime frames, `...additional frames elided...`) goes.
///
/// The `[signal SIGSEGV: ...]` line loses its addresses (`code=... addr=...
/// pc=...`), which depend on the binary.
pub fn normalize_stderr(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_trace = false;
    // Whether the location line that follows the current function line is
    // to be kept (it belongs to a kept frame).
    let mut keep_location = false;
    for line in s.lines() {
        if is_exit_status(line) {
            continue;
        }
        if is_goroutine_header(line) {
            in_trace = true;
            keep_location = false;
            out.push(line.to_string());
            continue;
        }
        if !in_trace {
            out.push(normalize_signal(line));
            continue;
        }
        if line.is_empty() {
            keep_location = false;
            out.push(String::new());
        } else if let Some(loc) = line.strip_prefix('\t') {
            if keep_location {
                out.push(format!("\t{}", normalize_location(loc)));
            }
            keep_location = false;
        } else if let Some(creator) = line.strip_prefix("created by ") {
            out.push(line.to_string());
            keep_location = creator.starts_with("main.");
        } else if line.starts_with("main.") {
            out.push(strip_args(line).to_string());
            keep_location = true;
        } else {
            // A runtime or library frame, or a marker line: not stable.
            keep_location = false;
        }
    }
    let mut text = out.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// `exit status 2`, as `go run` reports the child's exit.
fn is_exit_status(line: &str) -> bool {
    line.strip_prefix("exit status ").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `goroutine 1 [running]:`, `goroutine 7 [chan receive, 2 minutes]:`.
fn is_goroutine_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("goroutine ") else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with(" [") && rest.ends_with("]:")
}

/// `main.(*T).M(0xc000010000, ...)` -> `main.(*T).M`.
fn strip_args(line: &str) -> &str {
    match line.rfind('(') {
        Some(open) if line.ends_with(')') => &line[..open],
        _ => line,
    }
}

/// `/tmp/x/prog.go:12 +0x1d` -> `prog.go:12`.
fn normalize_location(loc: &str) -> String {
    let loc = match loc.rfind(" +0x") {
        Some(i) => &loc[..i],
        None => loc,
    };
    match loc.rfind('/') {
        Some(i) => loc[i + 1..].to_string(),
        None => loc.to_string(),
    }
}

/// `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47db72]`
/// -> `[signal SIGSEGV: segmentation violation]`.
fn normalize_signal(line: &str) -> String {
    match line.find(" code=") {
        Some(i) if line.starts_with("[signal ") => format!("{}]", &line[..i]),
        _ => line.to_string(),
    }
}

/// One run's result as the nondeterministic corpus
/// (`tests/nondeterministic/`) keeps it: stdout and the exit code (stderr
/// is not kept: a panic's trace holds goroutine ids and addresses).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RunOutput {
    pub stdout: String,
    pub exit_code: i32,
}

/// Real Go's outputs at one GOMAXPROCS: how many runs, and each distinct
/// output with how many runs printed it, most frequent first (ties in
/// [`RunOutput`]'s order: by stdout, then exit code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observation {
    pub procs: u32,
    pub runs: u32,
    pub outputs: Vec<(u32, RunOutput)>,
}

/// The body of an output in the corpus's files (`X.observed`,
/// `X.allowed`): each line of stdout after `| ` (an empty line as a lone
/// `|`), and `\ no newline at end` after a last line that lacks its
/// newline. An empty stdout has no lines. Every `|` line ends in the
/// newline it stands for, so `| a b ` keeps its trailing space.
pub fn write_run_output(out: &mut String, stdout: &str) {
    for line in stdout.split_inclusive('\n') {
        let (text, newline) = match line.strip_suffix('\n') {
            Some(t) => (t, true),
            None => (line, false),
        };
        out.push('|');
        if !text.is_empty() {
            out.push(' ');
            out.push_str(text);
        }
        out.push('\n');
        if !newline {
            out.push_str(NO_NEWLINE);
            out.push('\n');
        }
    }
}

const NO_NEWLINE: &str = "\\ no newline at end";

/// `X.observed`: a `#` comment header, then for each GOMAXPROCS a line
/// `== GOMAXPROCS=P: N runs, K outputs` and each output as `-- C runs, exit
/// E` and its body ([`write_run_output`]).
pub fn format_observed(header: &str, observations: &[Observation]) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str(if line.is_empty() { "#" } else { "# " });
        out.push_str(line);
        out.push('\n');
    }
    for o in observations {
        let plural = if o.outputs.len() == 1 { "" } else { "s" };
        out.push_str(&format!("\n== GOMAXPROCS={}: {} runs, {} output{plural}\n", o.procs, o.runs, o.outputs.len()));
        for (count, run) in &o.outputs {
            out.push_str(&format!("-- {count} run{}, exit {}\n", if *count == 1 { "" } else { "s" }, run.exit_code));
            write_run_output(&mut out, &run.stdout);
        }
    }
    out
}

/// Reads an `X.observed` file ([`format_observed`]).
pub fn parse_observed(text: &str) -> Result<Vec<Observation>, String> {
    let mut observations: Vec<Observation> = Vec::new();
    for (header, body) in sections(text)? {
        if let Some(rest) = header.strip_prefix("== GOMAXPROCS=") {
            let (procs, rest) = rest.split_once(": ").ok_or_else(|| format!("bad line {header:?}"))?;
            let runs = rest.split_once(' ').map(|(n, _)| n).unwrap_or("");
            observations.push(Observation {
                procs: number(procs, header)?,
                runs: number(runs, header)?,
                outputs: Vec::new(),
            });
            if !body.is_empty() {
                return Err(format!("output lines after {header:?}"));
            }
        } else {
            let rest = header.strip_prefix("-- ").unwrap_or("");
            let (count, exit) = rest.split_once(", exit ").ok_or_else(|| format!("bad line {header:?}"))?;
            let count = count.split(' ').next().unwrap_or("");
            let last = observations.last_mut().ok_or_else(|| format!("{header:?} before any GOMAXPROCS line"))?;
            last.outputs.push((number(count, header)?, RunOutput { stdout: body, exit_code: number(exit, header)? }));
        }
    }
    Ok(observations)
}

/// Reads an `X.allowed` file: `#` comments (the derivation), and each
/// allowed output as a line `-- exit E` followed by its body
/// ([`write_run_output`]).
pub fn parse_allowed(text: &str) -> Result<Vec<RunOutput>, String> {
    let mut allowed = Vec::new();
    for (header, body) in sections(text)? {
        let exit = header.strip_prefix("-- exit ").ok_or_else(|| format!("bad line {header:?}"))?;
        let run = RunOutput { stdout: body, exit_code: number(exit, header)? };
        if allowed.contains(&run) {
            return Err(format!("{run:?} is listed twice"));
        }
        allowed.push(run);
    }
    Ok(allowed)
}

/// The `==`/`--` lines of a file, each with the stdout its `|` lines spell.
fn sections(text: &str) -> Result<Vec<(&str, String)>, String> {
    let mut out: Vec<(&str, String)> = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("== ") || line.starts_with("-- ") {
            out.push((line, String::new()));
            continue;
        }
        let Some((header, body)) = out.last_mut() else {
            return Err(format!("{line:?} before any `--` line"));
        };
        if line == NO_NEWLINE && body.ends_with('\n') {
            body.pop();
        } else if let Some(text) = line.strip_prefix('|') {
            if !body.is_empty() && !body.ends_with('\n') {
                return Err(format!("a line after {NO_NEWLINE:?} under {header:?}"));
            }
            body.push_str(text.strip_prefix(' ').unwrap_or(text));
            body.push('\n');
        } else {
            return Err(format!("unexpected line {line:?}"));
        }
    }
    Ok(out)
}

fn number<T: std::str::FromStr>(s: &str, line: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("bad number {s:?} in {line:?}"))
}

#[cfg(test)]
mod tests {
    use super::normalize_stderr;

    #[test]
    fn keeps_stable_trace_lines() {
        let raw = "panic: runtime error: index out of range [5] with length 3 [recovered]\n\
\tpanic: again\n\
[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x47db72]\n\
\n\
goroutine 1 [running]:\n\
main.main.func1()\n\
\t/tmp/gx/prog.go:11 +0xb9\n\
panic({0x564100?, 0x3d5c4c696000?})\n\
\t/usr/lib/go/src/runtime/panic.go:859 +0x125\n\
main.(*T).M(...)\n\
\t/tmp/gx/prog.go:5\n\
main.main()\n\
\t/tmp/gx/prog.go:14 +0x50\n\
created by main.main in goroutine 1\n\
\t/tmp/gx/prog.go:9 +0x20\n\
exit status 2\n";
        let want = "panic: runtime error: index out of range [5] with length 3 [recovered]\n\
\tpanic: again\n\
[signal SIGSEGV: segmentation violation]\n\
\n\
goroutine 1 [running]:\n\
main.main.func1\n\
\tprog.go:11\n\
main.(*T).M\n\
\tprog.go:5\n\
main.main\n\
\tprog.go:14\n\
created by main.main in goroutine 1\n\
\tprog.go:9\n";
        assert_eq!(normalize_stderr(raw), want);
    }

    #[test]
    fn library_creator_locations_go() {
        let raw = "panic: boom [recovered, repanicked]\n\
\n\
goroutine 7 [running]:\n\
main.main.func1()\n\
\t/tmp/gx/prog.go:12 +0x25\n\
created by sync.(*WaitGroup).Go in goroutine 1\n\
\t/usr/lib/go/src/sync/waitgroup.go:238 +0x7a\n\
\n\
goroutine 8 [running]:\n\
created by time.goFunc\n\
\t/usr/lib/go/src/time/sleep.go:182 +0x2d\n";
        let want = "panic: boom [recovered, repanicked]\n\
\n\
goroutine 7 [running]:\n\
main.main.func1\n\
\tprog.go:12\n\
created by sync.(*WaitGroup).Go in goroutine 1\n\
\n\
goroutine 8 [running]:\n\
created by time.goFunc\n";
        assert_eq!(normalize_stderr(raw), want);
    }

    #[test]
    fn plain_stderr_is_kept() {
        assert_eq!(normalize_stderr("hello\n\tx\n"), "hello\n\tx\n");
        assert_eq!(normalize_stderr(""), "");
        assert_eq!(normalize_stderr("no newline"), "no newline\n");
    }

    #[test]
    fn compile_errors_are_kept() {
        let raw = "# command-line-arguments\n./a.go:3:2: undefined: x\n./a.go:4:6: not enough arguments in call to f\n\thave ()\n\twant (int)\n";
        assert_eq!(normalize_stderr(raw), raw);
    }

    #[test]
    fn run_outputs_round_trip() {
        use super::{Observation, RunOutput, format_observed, parse_allowed, parse_observed};
        let run = |stdout: &str, exit_code| RunOutput { stdout: stdout.into(), exit_code };
        let observations = vec![
            Observation { procs: 1, runs: 3, outputs: vec![(3, run("c a b end\n", 0))] },
            Observation {
                procs: 2,
                runs: 4,
                outputs: vec![(2, run("x\n\ny \n", 0)), (1, run("", 2)), (1, run("no newline", 0))],
            },
        ];
        let text = format_observed("a header\n\nin two paragraphs", &observations);
        assert_eq!(
            text,
            "# a header\n#\n# in two paragraphs\n\n== GOMAXPROCS=1: 3 runs, 1 output\n-- 3 runs, exit 0\n| c a b end\n\n\
             == GOMAXPROCS=2: 4 runs, 3 outputs\n-- 2 runs, exit 0\n| x\n|\n| y \n-- 1 run, exit 2\n\
             -- 1 run, exit 0\n| no newline\n\\ no newline at end\n"
        );
        assert_eq!(parse_observed(&text), Ok(observations));
        let allowed = "# why\n-- exit 0\n| a\n\n# the panic\n-- exit 2\n";
        assert_eq!(parse_allowed(allowed), Ok(vec![run("a\n", 0), run("", 2)]));
        assert!(parse_allowed("-- exit 0\n| a\n-- exit 0\n| a\n").is_err(), "a duplicate");
        assert!(parse_allowed("| a\n").is_err(), "a line before any output");
    }
}
