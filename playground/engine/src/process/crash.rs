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
}

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

/// An engine inconsistency, said plainly (exit 2, like a runtime throw).
pub fn internal(msg: &str) -> Crash {
    Crash { text: format!("fatal error: internal engine error: {msg}\n"), exit_code: 2, goid: 0, kind: CrashKind::Internal }
}
