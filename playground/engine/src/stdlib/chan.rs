//! Channels, `select` and the `runtime` functions that talk to the
//! scheduler, compiled to `Op::Sys` requests instead of natives: they may
//! block the goroutine (a send with no receiver parks it) or wake others,
//! which only the process can do. The process serves them
//! (`process::chan`, `process::machine`); the ids are its table.

use crate::chunk::Op;
use crate::runtime::request::sys as id;
use crate::vm::{GState, NativeFn, Throw, Vm};

/// The instruction a call of stub `name` with `argc` arguments compiles
/// to, when it is not a native call: a `Sys` request, or `Goexit`.
pub fn runtime_op(name: &str, argc: u16) -> Option<Op> {
    if name == "runtime.Goexit" {
        return Some(Op::Goexit);
    }
    super::sys_id(name).map(|id| Op::Sys { id, argc })
}

/// Natives registered for the stubs that have no native implementation
/// (so the compiler can name them); calls compile to [`runtime_op`]
/// instead, and this body is never reached.
pub fn lookup(name: &str) -> Option<NativeFn> {
    fn unreachable_native(_: &mut Vm, _: &mut GState, _: usize) -> Result<(), Throw> {
        Err(Throw::Stop(super::internal_stop("a runtime operation was called as a native")))
    }
    match name {
        "runtime.Goexit" | "runtime.LockOSThread" | "runtime.UnlockOSThread" | "runtime.Stack" | "runtime.GOMAXPROCS" | "runtime.NumCPU" | "runtime/debug.Stack" | "debug.Stack" => {
            Some(unreachable_native)
        }
        _ => None,
    }
}

/// The `Op::Sys` id serving the stub `name` (a channel operation as the
/// compiler names it, or a runtime function), if it is one. The argument
/// and result shapes are those of the native it replaces (see `sys::id`).
pub fn sys_id(name: &str) -> Option<u32> {
    Some(match name {
        "chan.make" => id::MAKE_CHAN,
        "chan.send" => id::CHAN_SEND,
        "chan.recv" => id::CHAN_RECV,
        "chan.recv2" => id::CHAN_RECV2,
        "chan.close" => id::CHAN_CLOSE,
        "chan.select" => id::SELECT,
        "runtime.Gosched" => id::GOSCHED,
        "runtime.NumGoroutine" => id::NUM_GOROUTINE,
        "runtime.GOMAXPROCS" => id::GOMAXPROCS,
        "runtime.GC" => id::GC,
        "runtime.LockOSThread" => id::LOCK_OS_THREAD,
        "runtime.UnlockOSThread" => id::UNLOCK_OS_THREAD,
        "runtime.Stack" => id::STACK,
        "runtime.NumCPU" => id::NUM_CPU,
        "runtime/debug.Stack" | "debug.Stack" => id::DEBUG_STACK,
        "runtime/pprof.(*Profile).Count" => id::PPROF_COUNT,
        _ => return None,
    })
}
