//! What a package's request server asks of the machine ([`Services`]),
//! and the state the packages keep in it between requests ([`State`]).
//!
//! A package whose functions block or wake goroutines (`sync`, `time`,
//! `context`) serves its `Op::Sys` requests in its own folder
//! (`sync/serve.rs`, `time/timers.rs`, `context/tree.rs`); a package
//! written as library Go over them (errgroup) needs no server. The process routes each request to the server its
//! id belongs to (`runtime::request`) and lends itself as `Services`: the
//! VM with its heap, the goroutines' pending requests and what they are
//! parked on, channels, panics and crashes. A server returns what the
//! scheduler must do (`Stop`), so the packages know the scheduler's words
//! but not the process: the layering is VM → standard library → process.
//!
//! Contract of every server's `dispatch(m, sched, goid, sid, args)`:
//! called for every id its server owns, at the request's exact virtual
//! time, with the goroutine not running:
//! - `args` are the request's arguments, bottom of stack first;
//! - return `None` when served at once: push the results first with
//!   `m.push(goid, &results)`; the goroutine keeps executing;
//! - return `Some(stop)` to tell the scheduler (`Stop::Park(reason)`,
//!   `Stop::Ready(g)`, `Stop::TimerStart{..}`...);
//! - a fatal error: `m.fatal(sched, goid, msg)`;
//! - an id of the server it does not know: `m.unknown_request(sid)`, an
//!   internal error (never a default behaviour).

use crate::runtime::Creator;
use crate::sched::{GoId, Sched, Stop};
use crate::value::{Handle, Value};
use crate::vm::{Syscall, Vm};
use std::rc::Rc;

/// The machine as the standard library's servers see it.
pub(crate) trait Services {
    fn vm(&self) -> &Vm;
    fn vm_mut(&mut self) -> &mut Vm;
    /// Every package's state.
    fn state(&mut self) -> &mut State;
    /// Pushes `vals` as the results of goroutine `g`'s request.
    fn push(&mut self, g: GoId, vals: &[Value]);
    /// Takes the top `n` values off parked goroutine `g`'s operand stack
    /// (what it kept there while parked).
    fn take_held(&mut self, g: GoId, n: usize) -> Vec<Value>;
    /// The request goroutine `g` makes when it next runs.
    fn set_pending(&mut self, g: GoId, req: Syscall);
    /// What goroutine `g` is parked on, for the leak analysis (empty: it
    /// is not parked on an object).
    fn set_blocked_on(&mut self, g: GoId, on: Vec<Handle>);
    /// Go's run-time panic with `msg` in goroutine `g` (recoverable).
    fn go_panic(&mut self, sched: &Sched, g: GoId, msg: &str) -> Stop;
    /// `fatal error: msg` in goroutine `g`: the run ends.
    fn fatal(&mut self, sched: &Sched, g: GoId, msg: &str) -> Stop;
    /// An engine error (the run ends with exit 2).
    fn internal(&mut self, msg: &str) -> Stop;
    /// A request id its server does not know: an engine error.
    fn unknown_request(&mut self, sid: u32) -> Stop;
    /// `closechan` by goroutine `by`: the goroutines it readies, in Go's
    /// order (a sender woken by it panics when it runs).
    fn close_chan(&mut self, by: GoId, c: Value) -> Vec<GoId>;
    /// A send by `by` that does not block: to a waiting receiver, which
    /// is returned to be readied. `None`: nobody was waiting.
    fn send_to_receiver(&mut self, by: GoId, c: Value, v: Value) -> Option<GoId>;
    /// Whether a receiver waits on channel `h`.
    fn has_receiver(&self, h: Handle) -> bool;
    /// How many values channel `h`'s buffer holds (`None`: not a channel).
    fn chan_len(&self, h: Handle) -> Option<usize>;
    /// Puts `v` at the tail of channel `h`'s buffer, sent by `by`, whatever
    /// its capacity (a timer's channel: Go's one slot behind `cap` 0).
    fn send_to_buffer(&mut self, by: GoId, h: Handle, v: Value);
    /// `timerchandrain`: empties channel `c`'s buffer; true if it held a
    /// value.
    fn drain_chan(&mut self, c: Value) -> bool;
    /// A new channel of `cap` slots of type `elem` (`elem_name` for the
    /// event), made by goroutine `g`.
    fn make_chan(&mut self, g: GoId, elem: u32, elem_name: &str, cap: i64) -> Value;
    /// The goroutine the next `Stop::Newproc` creates: `func(args...)`,
    /// started by `creator`.
    fn set_spawning(&mut self, func: Value, args: Vec<Value>, creator: Creator);
    /// The name of the function a Func or closure value runs.
    fn func_name(&mut self, f: Value) -> Rc<str>;
}

/// The state of the packages that serve requests, kept by the machine.
#[derive(Clone, Debug, Default)]
pub(crate) struct State {
    pub sync: super::sync::serve::SyncState,
    pub timers: super::time::timers::Timers,
    pub contexts: super::context::tree::Contexts,
    /// Goroutines to start (AfterFuncs of a canceled context), taken by
    /// the machine's `newproc` in order when no `go` statement is pending.
    pub spawn_queue: std::collections::VecDeque<(Value, Vec<Value>, Creator)>,
}

/// The scheduler stop that readies `ready` (in the given order), if any.
pub(crate) fn ready_stop(ready: Vec<GoId>) -> Option<Stop> {
    match ready.len() {
        0 => None,
        1 => Some(Stop::Ready(ready[0])),
        _ => Some(Stop::ReadyMany(ready)),
    }
}
