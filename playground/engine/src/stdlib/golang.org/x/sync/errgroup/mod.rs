//! `golang.org/x/sync/errgroup`: Group, WithContext, Go, TryGo, Wait,
//! SetLimit, shaped as the real package (a WaitGroup, a once-set error,
//! the context's cancel, a semaphore for the limit).
//!
//! The stub compiler cannot compile Go bodies for library packages, so the
//! goroutine `Go` starts runs a small generated function
//! (`errgroup.(*Group).Go.func1`, see [`add_runtime_funcs`]): it calls
//! `f`, records the first error and cancels the context with it (the call
//! of `cancel` happens in bytecode, where it may block or wake others),
//! then reports done to the process. Blocking (`Wait`, `Go` past the
//! limit) and waking are process requests (`process/sys_misc.rs`).
//!
//! A `Group` is the stub's struct; its slots: 0 err, 1 cancel, 2 running
//! goroutines (the WaitGroup counter), 3 limit (-1: none), 4 semaphore
//! tokens held, 5 whether err is set (the `sync.Once`).
//! Differences from Go: the context is also cancelled when the last
//! running goroutine finishes (Go cancels in `Wait`, which does so too
//! when it finds nothing running); `created by` names the caller of `Go`.

pub(crate) mod serve;

use crate::stdlib::{args, oom};
use crate::chunk::{ChunkBuilder, Op};
use crate::runtime::request::errgroup as id;
use crate::span::Span;
use crate::value::{Handle, Value, WHOLE};
use crate::vm::{Bytecode, Function, GState, NativeFn, Stop, Syscall, Throw, Vm};

const PKG: &str = "golang.org/x/sync/errgroup";
/// The generated function a group's goroutine runs.
pub const WRAPPER: &str = "golang.org/x/sync/errgroup.(*Group).Go.func1";
pub const ERR: usize = 0;
pub const CANCEL: usize = 1;
pub const RUNNING: usize = 2;
pub const LIMIT: usize = 3;
pub const TOKENS: usize = 4;
pub const ERR_SET: usize = 5;
const NSLOTS: usize = 6;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "golang.org/x/sync/errgroup.(*Group).Go" => |vm, g, n| go(vm, g, n, false),
        "golang.org/x/sync/errgroup.(*Group).TryGo" => |vm, g, n| go(vm, g, n, true),
        "golang.org/x/sync/errgroup.(*Group).Wait" => wait,
        "golang.org/x/sync/errgroup.(*Group).SetLimit" => set_limit,
        "golang.org/x/sync/errgroup.WithContext" => with_context,
        "golang.org/x/sync/errgroup.finish" => finish,
        "golang.org/x/sync/errgroup.done" => |_vm, g, n| request(id::ERRGROUP_DONE, args(g, n)),
        "golang.org/x/sync/errgroup.nop" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        _ => return None,
    })
}

fn request(id: u32, args: impl Into<Vec<Value>>) -> Result<(), Throw> {
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, args: args.into() })))
}

/// The group's object behind a `*Group` (its slots hold the state; a zero
/// `Group` has nil/0 slots: limit 0 means none, so limits are stored +1).
pub fn group_obj(vm: &Vm, v: Value) -> Option<Handle> {
    match v {
        Value::Ptr { obj, slot: WHOLE } => Some(obj),
        Value::Ptr { obj, slot } => match vm.heap.elem(obj, slot as usize) {
            Value::Agg(h) => Some(h),
            _ => None,
        },
        _ => None,
    }
}

pub fn slot(vm: &Vm, h: Handle, i: usize) -> Value {
    vm.heap.slots(h).get(i).copied().unwrap_or_default()
}

/// `Go`/`TryGo`: asks the process to start the goroutine (or block, or
/// answer false, at the limit). `[g, f, wrapper]`.
fn go(vm: &mut Vm, g: &mut GState, argc: usize, try_only: bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let grp = a.first().copied().unwrap_or_default();
    if group_obj(vm, grp).is_none() {
        return Err(crate::stdlib::fatal_nil_deref());
    }
    let Some(w) = vm.program().funcs.iter().position(|f| f.name == WRAPPER) else {
        return Err(Throw::Stop(Stop::Fatal(crate::vm::Fatal {
            kind: crate::vm::FatalKind::Internal,
            message: "fatal error: errgroup: missing goroutine function\n".into(),
            trace: vec![],
        })));
    };
    let f = a.get(1).copied().unwrap_or_default();
    request(if try_only { id::ERRGROUP_TRYGO } else { id::ERRGROUP_GO }, vec![grp, f, Value::Func(w as u32)])
}

/// `Wait`: returns at once when nothing runs (cancelling the context, as
/// Go's `Wait` does); otherwise parks until the last goroutine is done.
fn wait(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let grp = a.first().copied().unwrap_or_default();
    let Some(h) = group_obj(vm, grp) else { return Err(crate::stdlib::fatal_nil_deref()) };
    if slot(vm, h, RUNNING).int() > 0 {
        return request(id::ERRGROUP_WAIT, vec![grp]);
    }
    let err = slot(vm, h, ERR);
    g.stack.push(err);
    let cancel = slot(vm, h, CANCEL);
    if cancel != Value::Nil {
        // Last thing done: a blocking request of cancel's becomes this
        // call's (its results, none, follow `err`).
        crate::stdlib::call_go(vm, g, cancel, &[err], 0)?;
    }
    Ok(())
}

fn set_limit(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(h) = group_obj(vm, a.first().copied().unwrap_or_default()) else { return Err(crate::stdlib::fatal_nil_deref()) };
    let n = a.get(1).map_or(-1, |v| v.int());
    let held = slot(vm, h, TOKENS).int();
    if held != 0 {
        let msg = format!("errgroup: modify limit while {held} goroutines in the group are still active");
        let s = crate::stdlib::new_str(vm, msg.as_bytes())?;
        // Go panics with fmt.Errorf's error: an *errors.errorString.
        let hh = vm.heap.alloc_slots(vec![s], 16).map_err(oom)?;
        let tid = crate::stdlib::type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
        let v = crate::stdlib::new_iface(vm, tid, Value::Ptr { obj: hh, slot: WHOLE })?;
        return Err(Throw::Panic(v));
    }
    vm.heap.store_slot(h, LIMIT, Value::Int(if n < 0 { 0 } else { n + 1 })).map_err(oom)
}

/// `WithContext(ctx)`: `context.WithCancelCause(ctx)` is a request of the
/// context implementation; its id is learnt by asking its native, and the
/// process serves both in one step (`ERRGROUP_WITH_CONTEXT`).
fn with_context(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let ctx = a.first().copied().unwrap_or_default();
    let inner = match crate::stdlib::lookup("context.WithCancelCause") {
        Some(f) => {
            let at = g.stack.len();
            g.stack.push(ctx);
            let r = f(vm, g, 1);
            match r {
                Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, .. }))) => Some(id),
                _ => {
                    g.stack.truncate(at);
                    None
                }
            }
        }
        None => None,
    };
    let Some(cid) = inner else {
        return Err(Throw::Stop(Stop::Fatal(crate::vm::Fatal {
            kind: crate::vm::FatalKind::Internal,
            message: "fatal error: errgroup.WithContext needs context.WithCancelCause\n".into(),
            trace: vm.traceback(g),
        })));
    };
    let zero = vec![Value::Nil, Value::Nil, Value::Int(0), Value::Int(0), Value::Int(0), Value::Bool(false)];
    debug_assert_eq!(zero.len(), NSLOTS);
    let h = vm.heap.alloc_slots(zero, 64).map_err(oom)?;
    request(id::ERRGROUP_WITH_CONTEXT, vec![Value::Int(cid as i64), ctx, Value::Ptr { obj: h, slot: WHOLE }])
}

/// In the group's goroutine after `f` returned `err`: records the first
/// error; answers the function to call next with an error: the group's
/// cancel (first error, or the last goroutine finishing) or a no-op.
fn finish(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let nop = vm.program().natives.iter().position(|n| n.name == "golang.org/x/sync/errgroup.nop").map_or(Value::Nil, |i| Value::Func(i as u32 | crate::vm::NATIVE_FUNC_BIT));
    let Some(h) = group_obj(vm, a.first().copied().unwrap_or_default()) else { return Err(crate::stdlib::fatal_nil_deref()) };
    let err = a.get(1).copied().unwrap_or_default();
    let mut call = false;
    if err != Value::Nil && !slot(vm, h, ERR_SET).bool() {
        vm.heap.store_slot(h, ERR, err).map_err(oom)?;
        vm.heap.store_slot(h, ERR_SET, Value::Bool(true)).map_err(oom)?;
        call = true;
    }
    if slot(vm, h, RUNNING).int() <= 1 {
        call = true;
    }
    let cancel = slot(vm, h, CANCEL);
    if call && cancel != Value::Nil {
        g.stack.push(cancel);
        g.stack.push(slot(vm, h, ERR));
    } else {
        g.stack.push(nop);
        g.stack.push(Value::Nil);
    }
    Ok(())
}

/// Adds the group goroutine's function and its natives when the program
/// uses errgroup: `func1(g, f) { fn, e := finish(g, f()); fn(e); done(g) }`.
pub fn add_runtime_funcs(bc: &mut Bytecode) {
    if !bc.natives.iter().any(|n| n.name.starts_with(PKG)) || bc.funcs.iter().any(|f| f.name == WRAPPER) {
        return;
    }
    let mut ids = [0u32; 3];
    for (i, name) in ["golang.org/x/sync/errgroup.finish", "golang.org/x/sync/errgroup.done", "golang.org/x/sync/errgroup.nop"].iter().enumerate() {
        let Some(f) = lookup(name) else { return };
        ids[i] = bc.add_native(name, f);
    }
    let sp = Span::default();
    let mut b = ChunkBuilder::new();
    b.emit(Op::GetLocal(0), sp);
    b.emit(Op::GetLocal(1), sp);
    b.emit(Op::CallValue(0), sp);
    b.emit(Op::CallNative { id: ids[0], argc: 2 }, sp);
    b.emit(Op::CallValue(1), sp);
    b.emit(Op::GetLocal(0), sp);
    b.emit(Op::CallNative { id: ids[1], argc: 1 }, sp);
    b.emit(Op::Ret(0), sp);
    let chunk = b.finish().unwrap_or_default();
    bc.add_func(Function::new(WRAPPER, 2, 2, 0, chunk));
}
