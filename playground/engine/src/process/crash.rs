//! The text and exit code of every way a process ends badly, as Go 1.27
//! prints them (checked against real Go; the traces go through
//! [`crate::golden::normalize_stderr`] in comparisons):
//!
//! - an unrecovered panic in any goroutine: the VM's `panic: ...` chain
//!   (with ` [recovered]` and nested panics), a blank line, then only the
//!   panicking goroutine (`GOTRACEBACK=single`): `goroutine N [running]:`,
//!   its frames and, for a goroutine other than main, `created by`;
//! - a fatal error in a goroutine (`fatal error: sync: unlock of unlocked
//!   mutex`, stack overflow, out of memory): the message, a blank line and
//!   that goroutine's trace;
//! - `checkdead`'s verdicts: `fatal error: all goroutines are asleep -
//!   deadlock!`, a blank line and every goroutine (blank line between);
//!   `fatal error: no goroutines (main called runtime.Goexit) - deadlock!`
//!   alone.
//!
//! All of them exit with status 2. `os.Exit(n)` and main returning print
//! nothing here.

use super::dump;
use super::machine::VmMachine;
use crate::sched::{GoId, Sched};
use crate::vm::{Fatal, PanicReport};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrashKind {
    /// An unrecovered panic.
    Panic,
    /// A fatal error (`fatal error: ...`), deadlocks included.
    Fatal,
    /// The engine found itself inconsistent (a bug, reported, not hidden).
    Internal,
    /// The program used up one of the run's budgets (`gmp: ...`).
    Budget,
}

/// How the engine's report of a used-up budget begins.
const BUDGET_PREFIX: &str = "gmp: the run was stopped: ";

/// How a run crashed: the text written to stderr and the exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crash {
    pub text: String,
    pub exit_code: i32,
    /// The goroutine that crashed (0: none, e.g. a deadlock).
    pub goid: GoId,
    pub kind: CrashKind,
}

/// `goroutine N [running]:` and the frames of `goid`, with `created by`.
fn running_block(m: &VmMachine, goid: GoId, trace: &[crate::vm::TraceFrame]) -> String {
    let mut s = format!("goroutine {goid} [running]:\n");
    s.push_str(&dump::frames(m, trace));
    s.push_str(&dump::created_by(m, goid));
    s
}

/// An unrecovered panic the VM reported for goroutine `goid`.
pub fn panicked(m: &VmMachine, _sched: &Sched, goid: GoId, r: &PanicReport) -> Crash {
    let mut text = r.message.clone();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&running_block(m, goid, &r.trace));
    Crash { text, exit_code: 2, goid, kind: CrashKind::Panic }
}

/// A panic the runtime raises for `goid` (`send on closed channel`...):
/// Go prints it as a runtime error: `panic: <msg>`. Goexit-style unwinding
/// is not available from outside the VM (see `machine::go_panic`).
pub fn runtime_panic(m: &VmMachine, _sched: &Sched, goid: GoId, msg: &str) -> Crash {
    let trace = m.trace_of(goid);
    let text = format!("panic: {msg}\n\n{}", running_block(m, goid, &trace));
    Crash { text, exit_code: 2, goid, kind: CrashKind::Panic }
}

/// A fatal error the VM reported (its message already holds the
/// `fatal error:` lines).
pub fn vm_fatal(m: &VmMachine, _sched: &Sched, goid: GoId, f: &Fatal) -> Crash {
    let mut text = f.message.clone();
    if !f.trace.is_empty() {
        text.push('\n');
        text.push_str(&running_block(m, goid, &f.trace));
    }
    Crash { text, exit_code: 2, goid, kind: CrashKind::Fatal }
}

/// `fatal error: <msg>` thrown by the runtime in goroutine `goid`, as
/// `sync.fatal` prints it: the message, a blank line, the goroutine.
pub fn fatal_in(m: &VmMachine, _sched: &Sched, goid: GoId, msg: &str) -> Crash {
    let trace = m.trace_of(goid);
    let text = format!("fatal error: {msg}\n\n{}", running_block(m, goid, &trace));
    Crash { text, exit_code: 2, goid, kind: CrashKind::Fatal }
}

/// `checkdead`'s verdict after the scheduler found nothing to run.
pub fn deadlock(m: &VmMachine, sched: &Sched, main_goexit: bool) -> Crash {
    let mut text = String::from("fatal error: ");
    if main_goexit {
        text.push_str("no goroutines (main called runtime.Goexit) - deadlock!\n");
    } else {
        text.push_str("all goroutines are asleep - deadlock!\n");
        // Every goroutine, in allgs order, each after a blank line.
        for goid in dump::user_goroutines(sched) {
            text.push('\n');
            text.push_str(&dump::goroutine(m, sched, goid));
        }
    }
    Crash { text, exit_code: 2, goid: 0, kind: CrashKind::Fatal }
}

/// The run used up a budget (`what`: which, and by how much) in
/// goroutine `goid` (0: none known), at `at` (or where the goroutine
/// stands): the engine's line, `gmp: the run was stopped: <what>
/// (prog.go:LINE)`, a blank line and the goroutine as a dump shows it.
/// Not Go's text: Go has no such budgets.
pub fn budget(m: &VmMachine, sched: &Sched, goid: GoId, what: &str, at: Option<crate::span::Span>) -> Crash {
    let mut text = format!("{BUDGET_PREFIX}{what}");
    let prog = m.vm.program();
    if let Some(span) = at.or_else(|| if goid == 0 { None } else { crate::sched::Machine::position(m, goid) }) {
        let name = prog.file.name.rsplit('/').next().unwrap_or("prog.go");
        text.push_str(&format!(" ({name}:{})", prog.file.line_col(span.start).line));
    }
    text.push('\n');
    if goid != 0 && sched.g_by_id(goid).is_some() {
        text.push('\n');
        text.push_str(&dump::goroutine(m, sched, goid));
    }
    Crash { text, exit_code: 2, goid, kind: CrashKind::Budget }
}

/// The budget a [`budget`] report names, with its position: its first
/// line without the `gmp:` prefix.
pub fn budget_message(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    line.strip_prefix(BUDGET_PREFIX).unwrap_or(line).to_string()
}

/// An engine inconsistency, said plainly (exit 2, like a runtime throw).
pub fn internal(msg: &str) -> Crash {
    Crash { text: format!("fatal error: internal engine error: {msg}\n"), exit_code: 2, goid: 0, kind: CrashKind::Internal }
}
