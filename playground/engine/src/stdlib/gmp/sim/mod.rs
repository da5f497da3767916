//! `gmp/sim`, the simulator-only package: what a program in a browser
//! cannot do for real, simulated on the virtual clock. Each function is a
//! request to the process (`process/chan.rs`): `Syscall` and `Cgo` block
//! the goroutine's M in `_Gsyscall` for the duration (sysmon hands its P
//! to another M after 20 µs, as `retake` does); `Work` is CPU-bound work
//! the goroutine does on its P, preemptible like any code.

use crate::stdlib::args;
use crate::runtime::request::sys as id;
use crate::vm::{GState, NativeFn, Stop, Syscall, Throw};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        // A cgo call is, to the scheduler, a system call (entersyscall).
        "gmp/sim.Syscall" | "gmp/sim.Cgo" => |_vm, g, n| request(g, n, id::SIM_SYSCALL),
        "gmp/sim.Work" => |_vm, g, n| request(g, n, id::SIM_WORK),
        _ => return None,
    })
}

fn request(g: &mut GState, argc: usize, id: u32) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, args: a.into() })))
}

