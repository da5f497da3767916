//! The goroutines the run's first `signal.Notify` starts, as Go's do:
//! the runtime's signal-mask goroutine (`runtime.ensureSigM`) and
//! os/signal's `watchSignalLoop` (`os/signal.loop`). They take goroutine
//! ids and the loop counts in `NumGoroutine` (see `process/sys_misc.rs`);
//! their bodies are one request each, as they live in the runtime.

use crate::chunk::{ChunkBuilder, Op};
use crate::runtime::request::signal as id;
use crate::span::Span;
use crate::vm::{Bytecode, Function};

/// The runtime's goroutine keeping the signal mask (`runtime.ensureSigM`).
pub const SIGM_FUNC: &str = "runtime.ensureSigM.func1";
/// os/signal's `watchSignalLoop`.
pub const LOOP_FUNC: &str = "os/signal.loop";

/// Adds the two functions when the program uses `os/signal`.
pub fn add_runtime_funcs(bc: &mut Bytecode) {
    if !bc.natives.iter().any(|n| n.name.starts_with("os/signal.")) || bc.funcs.iter().any(|f| f.name == LOOP_FUNC) {
        return;
    }
    let sp = Span::default();
    for (name, sid) in [(SIGM_FUNC, id::SIGNAL_SIGM), (LOOP_FUNC, id::SIGNAL_RECV)] {
        let mut b = ChunkBuilder::new();
        b.emit(Op::Sys { id: sid, argc: 0 }, sp);
        b.emit(Op::Ret(0), sp);
        bc.add_func(Function::new(name, 0, 0, 0, b.finish().unwrap_or_default()));
    }
}
