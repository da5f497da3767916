//! The stable form of a program's stderr, shared by the fidelity corpus
//! recorder (`cargo xtask expect`) and the corpus test.
//!
//! Real Go's panic traces carry details no interpreter can or should
//! reproduce: absolute paths, PC offsets (`+0x1d`), argument words
//! (`main.f({0xc000012345, 0x3, 0x3})`), frames inside the Go runtime whose
//! line numbers change with every release. Both sides of a comparison go
//! through [`normalize_stderr`], so the engine must produce the lines kept
//! here exactly, and nothing it prints in the dropped places matters.

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
}
