//! The `sync` package's blocking types and the runtime semaphore under
//! them, as pure state machines: [`sync`] (Mutex, RWMutex, WaitGroup,
//! Cond's notify list) over [`sema`] (`runtime/sema.go`).
//!
//! Nothing here blocks, runs goroutines or touches the VM: every operation
//! *decides*. It returns what happened to the calling goroutine (done,
//! park with a Go wait reason, or Go's panic or fatal text as a
//! [`Failure`]) and which parked goroutines it wakes, in Go's `goready`
//! order. `stdlib::sync::serve` is the glue: it keeps one object per Go
//! sync value that reached a slow path, turns the decisions into the
//! scheduler's `Stop`s (`Park`, `Ready`, `ReadyMany`...) and, when a
//! parked goroutine runs again, calls the object's `*_resume` method,
//! which may park it again (Go loops too).
//!
//! [`chan`] is the channels and `select` (`runtime/chan.go`,
//! `select.go`) as the same kind of state machine, over buffers the
//! caller keeps (the VM's heap); `process::chan` applies its decisions.
//! [`timer`] is `time`'s timers (when each fires, `Stop`, `Reset`, a
//! ticker's next period), applied by `stdlib::time::timers`. [`context`]
//! is `context`'s cancellation tree (who is canceled, in Go's order),
//! applied by `stdlib::context::tree`.
//!
//! Names and semantics follow Go's `runtime/sema.go`,
//! `internal/sync/mutex.go` and `sync/*.go`; each method names the Go
//! function it mirrors. No misuse panics in Rust: misuse comes back as
//! Go's message in a result value.
//!
//! [`race`] is the race detector's happens-before and shadow state
//! (`runtime/race.go`), fed by the VM's accesses and the sync points;
//! [`lost_update`] watches the same accesses for updates one goroutine
//! overwrote without seeing them.
//!
//! [`request`] is the table of the `Op::Sys` request ids through which
//! compiled code reaches the runtime: who serves each id.

pub mod chan;
pub mod context;
pub mod lost_update;
pub mod race;
pub(crate) mod request;
pub mod sema;
pub mod sync;
pub mod timer;

pub use crate::sched::{GoId, WaitReason};

/// Who started a goroutine: `created by <func> in goroutine <goid>` at `line`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Creator {
    /// Shared by every goroutine the same function starts.
    pub func: std::rc::Rc<str>,
    pub goid: GoId,
    pub line: u32,
    /// Go's compiler wraps a `go` statement with arguments in a closure
    /// `<func>.gowrapN` (N counted with the `deferwrap`s of the function),
    /// which a dump shows while the goroutine has not started. `Some(N)`
    /// for such a statement, N estimated from the bytecode: 1 + the `go`
    /// and `defer` instructions with arguments before it.
    pub wrap: Option<u32>,
}

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
}
