//! The `Op::Sys` ids 64..=127: sync, sync/atomic, time and context as
//! blocking operations. A placeholder until that work lands: the
//! dispatcher's contract is fixed here so both sides can rely on it.
//!
//! Contract of [`dispatch`] (called by `VmMachine::sys` for every id in
//! `sys::id::SYNC_FIRST..=SYNC_LAST`, at the request's exact virtual
//! time, with the goroutine not running):
//! - `args` are the request's arguments, bottom of stack first;
//! - return `None` when served at once: push the results first with
//!   `m.push(goid, &results)`; the goroutine keeps executing;
//! - return `Some(stop)` to tell the scheduler (`Stop::Park(reason)`,
//!   `Stop::Ready(g)`, `Stop::Sleep{..}`...). A goroutine that parks gets
//!   its results pushed by whoever readies it (`m.push(other, ..)`);
//! - a recoverable run-time panic: `m.go_panic(sched, goid, msg)`; a
//!   fatal error: `m.die(crash::fatal_in(m, sched, goid, msg))`.

use super::crash;
use super::machine::VmMachine;
use crate::sched::{GoId, Sched, Stop};
use crate::value::Value;

/// Serves request `id` (64..=127) of goroutine `goid`. See the module doc.
pub fn dispatch(m: &mut VmMachine, _sched: &Sched, _goid: GoId, id: u32, _args: &[Value]) -> Option<Stop> {
    let c = crash::internal(&format!("unknown runtime operation {id}"));
    Some(m.die(c))
}
