//! `runtime`: `ReadMemStats` over the simulated heap, `KeepAlive`,
//! `PanicNilError`'s methods and finalizers (`finalizer.rs`); `pprof/` is
//! package `runtime/pprof`. A call of the functions that talk to the
//! scheduler (`Gosched`, `GOMAXPROCS`, `Stack`...) compiles to a request to
//! the process instead (`stdlib/chan.rs`, whose placeholder natives the
//! lookup ends with); the natives here for `Gosched`, `NumGoroutine` and
//! `GC` run only where no such request is compiled (a function value).

pub(crate) mod finalizer;
pub(crate) mod pprof;

use super::{args, oom};
use crate::value::Value;
use crate::vm::{GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    natives(name).or_else(|| finalizer::lookup(name)).or_else(|| super::chan::lookup(name))
}

fn natives(name: &str) -> Option<NativeFn> {
    Some(match name {
        // One goroutine for now: the scheduler (issue 4) replaces these.
        "runtime.Gosched" | "runtime.KeepAlive" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        "runtime.NumGoroutine" => |_vm, g, n| {
            args(g, n);
            g.stack.push(Value::Int(1));
            Ok(())
        },
        "runtime.GC" => |vm, g, n| {
            args(g, n);
            // The running goroutine is not in vm.gs while it runs: lend
            // its roots to the collection.
            let holder = GState { stack: g.stack.clone(), frames: g.frames.clone(), defers: g.defers.clone(), panics: g.panics.clone(), ..GState::default() };
            vm.gs.push(Box::new(holder));
            let at = vm.gs.len() - 1;
            vm.collect();
            vm.release(at);
            Ok(())
        },
        "runtime.ReadMemStats" => read_mem_stats,
        // The VM's runtime errors hold their text (see rtype::N_RUNTIME_ERROR).
        "runtime.(*PanicNilError).Error" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(a.first().copied().unwrap_or_default());
            Ok(())
        },
        "runtime.(*PanicNilError).RuntimeError" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        _ => return None,
    })
}

/// `runtime.ReadMemStats(m)`: the simulated heap's counters, in the stub
/// struct's field order (Alloc, TotalAlloc, Mallocs, Frees, HeapAlloc,
/// HeapObjects, NumGC). Deterministic: the heap counts Go sizes.
fn read_mem_stats(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let Some(h) = crate::heap::obj_of(&vm.heap, a.first().copied().unwrap_or_default()) else {
        return Err(super::nil_deref(vm));
    };
    let hp = &vm.heap;
    let live = hp.live_objects() as u64;
    let vals = [hp.go_bytes(), hp.total_alloc, hp.mallocs, hp.mallocs.saturating_sub(live), hp.go_bytes(), live, hp.collections];
    for (i, v) in vals.into_iter().enumerate() {
        vm.heap.store_slot(h, i, Value::Int(v as i64)).map_err(oom)?;
    }
    Ok(())
}
