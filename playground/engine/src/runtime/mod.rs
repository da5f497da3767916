//! Go's blocking runtime objects — channels, select, semaphores, the `sync`
//! types, timer channels and the context tree — as pure state machines.
//!
//! Nothing here blocks, runs goroutines or knows the VM's value
//! representation: every object is generic over the element value type and
//! every operation *decides*. It returns what happened to the calling
//! goroutine (done, park with a Go wait reason, would block, Go's panic or
//! fatal text) and which parked goroutines it wakes, with what they receive.
//! The VM glue turns those decisions into the scheduler's `Stop`s (`Park`,
//! `Ready`, `ReadyMany`, `Gosched`...) and, for woken goroutines, into the
//! results their blocked operation returns when they run again.
//!
//! # The glue protocol
//!
//! 1. A goroutine's operation calls the object (`Chans::chansend`,
//!    `Mutex::lock`, ...) with its goid and the virtual time.
//! 2. `Done`/`Acquired`: it continues. `Park(reason)`: the Machine returns
//!    `Stop::Park(reason)` and remembers which object the goroutine is
//!    blocked in. A `Failure`: Go's panic (recoverable) or fatal error.
//! 3. Results naming goroutines to wake (`Wake`s, `Wakes::ready`) become
//!    `Stop::Ready(g)` or, for several, `Stop::ReadyMany` in the order
//!    given (Go's goready order). For a channel `Wake`, the glue keeps the
//!    record until that goroutine runs: it is what its receive returns.
//! 4. When a parked goroutine runs again, the glue finishes its operation:
//!    channel and select operations from the stored `Wake`; sync objects
//!    through their `*_resume` method, which may park it again.
//!
//! Names and semantics follow Go's runtime (`runtime/chan.go`, `select.go`,
//! `sema.go`, `internal/sync/mutex.go`, `sync/*.go`, `context/context.go`);
//! each method names the Go function it mirrors. No misuse panics in Rust:
//! misuse comes back as Go's message in a result value.
//!
//! [`request`] is the table of the `Op::Sys` request ids through which
//! compiled code reaches these objects (and the rest of the runtime): who
//! serves each id.

pub mod chan;
pub mod context;
pub(crate) mod request;
pub mod select;
pub mod sema;
pub mod sync;
pub mod timer;

#[cfg(test)]
mod e2e_tests;

pub use crate::sched::{GoId, WaitReason};

/// A Go-level failure an operation ends in, with Go's exact text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A run-time panic: printed as `panic: <text>` (recoverable).
    Panic(&'static str),
    /// A fatal error (`runtime.fatal`/`throw`): printed as
    /// `fatal error: <text>`; not recoverable, exit code 2.
    Fatal(&'static str),
}

impl Failure {
    pub fn text(self) -> &'static str {
        match self {
            Failure::Panic(s) | Failure::Fatal(s) => s,
        }
    }
}
