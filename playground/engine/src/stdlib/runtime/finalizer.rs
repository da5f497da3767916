//! `runtime.SetFinalizer` with Go's checks (`runtime/mfinal.go`): the
//! finalizer is recorded in the heap (`Heap::finalizers`), whose collector
//! queues it once the object is unreachable; the process's finalizer
//! goroutine runs it (`process/sys_misc.rs`). Misuse is a fatal error
//! (`throw`), raised through the process's `FATAL` request so it prints
//! with the goroutine's trace as Go's does.

use crate::stdlib::{args, new_str};
use crate::heap::Finalizer;
use crate::rtype::Kind;
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Stop, Syscall, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "runtime.SetFinalizer" => set_finalizer,
        _ => return None,
    })
}

/// `fatal error: msg` in the calling goroutine.
fn throw(vm: &mut Vm, msg: &str) -> Result<(), Throw> {
    let s = new_str(vm, msg.as_bytes())?;
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id: crate::runtime::request::sys::FATAL, args: vec![s] })))
}

fn set_finalizer(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let (o, f) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    let prog = vm.program().clone();
    let Value::Iface { tid, obj: cell } = o else { return throw(vm, "runtime.SetFinalizer: first argument is nil") };
    let Some(Kind::Ptr(_)) = prog.types.get(tid as usize).map(|t| &t.kind) else {
        return throw(vm, &format!("runtime.SetFinalizer: first argument is {}, not pointer", prog.type_name(tid)));
    };
    let ptr = vm.heap.cell(cell);
    let h = match ptr {
        // A pointer at an object's start: the whole object or its first
        // element/field (the same address in Go).
        Value::Ptr { obj, slot: WHOLE | 0 } => obj,
        Value::Ptr { .. } => return throw(vm, "runtime.SetFinalizer: pointer not at beginning of allocated block"),
        _ => return throw(vm, "runtime.SetFinalizer: pointer not in allocated block"),
    };
    let Value::Iface { tid: ftid, obj: fcell } = f else {
        // A nil finalizer removes the object's finalizer.
        vm.heap.finalizers.retain(|x| x.obj != h);
        return Ok(());
    };
    if !matches!(prog.types.get(ftid as usize).map(|t| &t.kind), Some(Kind::Func)) {
        return throw(vm, &format!("runtime.SetFinalizer: second argument is {}, not a function", prog.type_name(ftid)));
    }
    if vm.heap.finalizers.iter().any(|x| x.obj == h) {
        return throw(vm, "runtime.SetFinalizer: finalizer already set");
    }
    let func = vm.heap.cell(fcell);
    vm.heap.finalizers.push(Finalizer { obj: h, ptr, func });
    Ok(())
}
