//! Channels, `select` and the `runtime` functions that talk to the
//! scheduler, compiled to `Op::Sys` requests instead of natives: they may
//! block the goroutine (a send with no receiver parks it) or wake others,
//! which only the process can do. The process serves them
//! (`process::sys`, `process::machine`); the ids are its table.

use crate::process::sys::id;

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
        _ => return None,
    })
}
