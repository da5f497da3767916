//! `sync` for a program running on one goroutine: Mutex, RWMutex,
//! WaitGroup and Once over their stub structs' state fields. Waiting
//! that could only end by another goroutine's action ends the run as
//! Go's deadlock does; misuse panics or throws with Go's texts. The
//! scheduler (issue 4) replaces these with parking goroutines.

use super::{args, new_iface, new_str, oom, pinned_args};
use crate::value::{Handle, Value, WHOLE};
use crate::vm::{Fatal, FatalKind, GState, NativeFn, Stop, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "sync.(*Mutex).Lock" => |vm, g, n| lock(vm, g, n, false, "sync.Mutex.Lock"),
        "sync.(*Mutex).TryLock" => try_lock,
        "sync.(*Mutex).Unlock" => |vm, g, n| unlock(vm, g, n, false),
        "sync.(*RWMutex).Lock" => |vm, g, n| lock(vm, g, n, true, "sync.RWMutex.Lock"),
        "sync.(*RWMutex).Unlock" => |vm, g, n| unlock(vm, g, n, true),
        "sync.(*RWMutex).RLock" => rlock,
        "sync.(*RWMutex).RUnlock" => runlock,
        "sync.(*WaitGroup).Add" => |vm, g, n| {
            let a = args(g, n);
            wg_add(vm, g, a.first().copied().unwrap_or_default(), a.get(1).map_or(0, |v| v.int()))
        },
        "sync.(*WaitGroup).Done" => |vm, g, n| {
            let a = args(g, n);
            wg_add(vm, g, a.first().copied().unwrap_or_default(), -1)
        },
        "sync.(*WaitGroup).Wait" => wg_wait,
        "sync.(*Once).Do" => once_do,
        _ => return None,
    })
}

/// The state slot of a sync object: the struct's field 0, or for an
/// RWMutex the state of its inner Mutex.
fn state_of(vm: &Vm, recv: Value, nested: bool) -> Option<(Handle, usize)> {
    let h = match recv {
        Value::Ptr { obj, slot: WHOLE } => obj,
        Value::Ptr { obj, slot } => match vm.heap.elem(obj, slot as usize) {
            Value::Agg(h) => h,
            _ => return None,
        },
        _ => return None,
    };
    if nested {
        match vm.heap.slots(h).first() {
            Some(Value::Agg(inner)) => Some((*inner, 0)),
            _ => None,
        }
    } else {
        Some((h, 0))
    }
}

fn get(vm: &Vm, at: (Handle, usize)) -> i64 {
    vm.heap.slots(at.0).get(at.1).map_or(0, |v| v.int())
}

fn set(vm: &mut Vm, at: (Handle, usize), v: i64) -> Result<(), Throw> {
    vm.heap.store_slot(at.0, at.1, Value::Int(v)).map_err(oom)
}

fn nil_deref() -> Throw {
    Throw::Stop(Stop::Fatal(Fatal {
        kind: FatalKind::Internal,
        message: "panic: runtime error: invalid memory address or nil pointer dereference\n".into(),
        trace: vec![],
    }))
}

fn deadlock(vm: &mut Vm, g: &GState, state: &str) -> Throw {
    let trace = vm.traceback(g);
    let mut message = String::from("fatal error: all goroutines are asleep - deadlock!\n\n");
    message.push_str(&vm.format_trace(1, state, &trace));
    Throw::Stop(Stop::Fatal(Fatal { kind: FatalKind::Internal, message, trace: vec![] }))
}

/// Go's `throw`: a fatal error with the running goroutine's trace.
fn throw(vm: &mut Vm, g: &GState, msg: &str) -> Throw {
    let trace = vm.traceback(g);
    let mut message = format!("fatal error: {msg}\n\n");
    message.push_str(&vm.format_trace(1, "running", &trace));
    Throw::Stop(Stop::Fatal(Fatal { kind: FatalKind::Internal, message, trace: vec![] }))
}

fn lock(vm: &mut Vm, g: &mut GState, argc: usize, rw: bool, wait: &str) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(at) = state_of(vm, a.first().copied().unwrap_or_default(), rw) else { return Err(nil_deref()) };
    if get(vm, at) != 0 {
        return Err(deadlock(vm, g, wait));
    }
    set(vm, at, 1)
}

fn try_lock(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(at) = state_of(vm, a.first().copied().unwrap_or_default(), false) else { return Err(nil_deref()) };
    let free = get(vm, at) == 0;
    if free {
        set(vm, at, 1)?;
    }
    g.stack.push(Value::Bool(free));
    Ok(())
}

fn unlock(vm: &mut Vm, g: &mut GState, argc: usize, rw: bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(at) = state_of(vm, a.first().copied().unwrap_or_default(), rw) else { return Err(nil_deref()) };
    if get(vm, at) != 1 {
        let msg = if rw { "sync: Unlock of unlocked RWMutex" } else { "sync: unlock of unlocked mutex" };
        return Err(throw(vm, g, msg));
    }
    set(vm, at, 0)
}

/// Readers are counted as a negative state.
fn rlock(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(at) = state_of(vm, a.first().copied().unwrap_or_default(), true) else { return Err(nil_deref()) };
    let s = get(vm, at);
    if s > 0 {
        return Err(deadlock(vm, g, "sync.RWMutex.RLock"));
    }
    set(vm, at, s - 1)
}

fn runlock(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(at) = state_of(vm, a.first().copied().unwrap_or_default(), true) else { return Err(nil_deref()) };
    let s = get(vm, at);
    if s >= 0 {
        return Err(throw(vm, g, "sync: RUnlock of unlocked RWMutex"));
    }
    set(vm, at, s + 1)
}

fn wg_add(vm: &mut Vm, _g: &mut GState, recv: Value, delta: i64) -> Result<(), Throw> {
    let Some(at) = state_of(vm, recv, false) else { return Err(nil_deref()) };
    let n = get(vm, at) + delta;
    if n < 0 {
        let s = new_str(vm, b"sync: negative WaitGroup counter")?;
        return Err(Throw::Panic(new_iface(vm, crate::rtype::T_STRING, s)?));
    }
    set(vm, at, n)
}

fn wg_wait(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(at) = state_of(vm, a.first().copied().unwrap_or_default(), false) else { return Err(nil_deref()) };
    if get(vm, at) != 0 {
        return Err(deadlock(vm, g, "sync.WaitGroup.Wait"));
    }
    Ok(())
}

fn once_do(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let Some(at) = state_of(vm, a.first().copied().unwrap_or_default(), false) else { return Err(nil_deref()) };
    if get(vm, at) != 0 {
        return Ok(());
    }
    set(vm, at, 1)?;
    super::call_go(vm, g, a.get(1).copied().unwrap_or_default(), &[], 0)?;
    Ok(())
}
