//! `runtime`: `ReadMemStats` over the simulated heap, `KeepAlive`,
//! `PanicNilError`'s methods and finalizers (`finalizer.rs`); `pprof/` is
//! package `runtime/pprof`. A call of the functions that talk to the
//! scheduler (`Gosched`, `GOMAXPROCS`, `Stack`...) compiles to a request to
//! the process instead (`stdlib/chan.rs`, whose placeholder natives the
//! lookup ends with); the natives here for `Gosched`, `NumGoroutine` and
//! `GC` run only where no such request is compiled (a function value).

pub(crate) mod debug;
pub(crate) mod finalizer;
pub(crate) mod pprof;

use super::{args, new_str, oom};
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
        "runtime.Caller" => caller,
        "runtime.Callers" => callers,
        "runtime.funcName" => |vm, g, n| {
            let pc = args(g, n).first().map_or(0, |v| v.int() as u64);
            let name = pc_func(vm, pc).and_then(|(f, _)| vm.program().funcs.get(f as usize)).map(|f| f.name.clone()).unwrap_or_default();
            let v = new_str(vm, name.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "runtime.funcFileLine" => |vm, g, n| {
            let pc = args(g, n).first().map_or(0, |v| v.int() as u64);
            let (file, line) = pc_func(vm, pc).map_or((String::from("?"), 0), |(f, ip)| file_line(vm, f, ip));
            let v = new_str(vm, file.as_bytes())?;
            g.stack.push(v);
            g.stack.push(Value::Int(line as i64));
            Ok(())
        },
        "runtime.funcEntry" => |vm, g, n| {
            let pc = args(g, n).first().map_or(0, |v| v.int() as u64);
            g.stack.push(Value::Int(pc_func(vm, pc).map_or(0, |(f, _)| pc_of(f, 0)) as i64));
            Ok(())
        },
        "runtime.Version" => |vm, g, n| {
            args(g, n);
            let v = new_str(vm, GO_VERSION.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
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
/// What `runtime.Version` says: the Go the engine's behaviour is
/// recorded from.
pub const GO_VERSION: &str = "go1.27.3";

/// Program counters: a function's index and an instruction in it, above
/// where Go's text segment starts (`0x401000`), so no pc is 0.
const PC_BASE: u64 = 0x401000;
const PC_FUNC_SHIFT: u32 = 20;

fn pc_of(func: u32, ip: u32) -> u64 {
    PC_BASE + ((func as u64) << PC_FUNC_SHIFT) + ip as u64
}

/// The function and instruction a pc names, if it names one.
fn pc_func(vm: &Vm, pc: u64) -> Option<(u32, u32)> {
    let off = pc.checked_sub(PC_BASE)?;
    let f = u32::try_from(off >> PC_FUNC_SHIFT).ok()?;
    let ip = (off & ((1 << PC_FUNC_SHIFT) - 1)) as u32;
    vm.program().funcs.get(f as usize).map(|_| (f, ip))
}

/// The file and line of instruction `ip` of function `f`, as a traceback
/// prints them (the line of the instruction just executed).
fn file_line(vm: &Vm, f: u32, ip: u32) -> (String, u32) {
    let tf = vm.trace_frame(f, ip);
    (tf.file.unwrap_or_else(|| vm.program().path.clone()), tf.line)
}

/// The goroutine's Go frames as pcs, innermost first: a traceback's frames
/// without the engine's own (trampolines, a library call's marker).
fn frame_pcs(vm: &Vm, g: &GState) -> Vec<u64> {
    let prog = vm.program();
    let marker = prog.reenter.map(|r| r.marker);
    g.frames
        .iter()
        .rev()
        .filter(|f| Some(f.func) != marker && !matches!(f.kind, crate::vm::FrameKind::PanicPrint(_)))
        .filter(|f| prog.funcs.get(f.func as usize).is_some_and(|x| !x.name.starts_with("trampoline.")))
        .map(|f| pc_of(f.func, f.ip))
        .collect()
}

/// `runtime.Caller(skip)`: 0 is the function that calls it.
fn caller(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let skip = args(g, n).first().map_or(0, |v| v.int());
    let pcs = frame_pcs(vm, g);
    let at = usize::try_from(skip).ok().and_then(|i| pcs.get(i).copied());
    let (pc, file, line) = match at.and_then(|pc| pc_func(vm, pc).map(|(f, ip)| (pc, f, ip))) {
        Some((pc, f, ip)) => {
            let (file, line) = file_line(vm, f, ip);
            (pc, file, line)
        }
        None => (0, String::new(), 0),
    };
    let v = new_str(vm, file.as_bytes())?;
    g.stack.extend([Value::Int(pc as i64), v, Value::Int(line as i64), Value::Bool(pc != 0)]);
    Ok(())
}

/// `runtime.Callers(skip, pc)`: 0 is Callers itself, 1 its caller.
fn callers(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let skip = a.first().map_or(0, |v| v.int()).max(0) as usize;
    let dst = a.get(1).copied().unwrap_or_default();
    // Callers' own frame comes first in Go's count.
    let pcs = frame_pcs(vm, g);
    let mut written = 0;
    if let Value::Slice { obj, off, len, .. } = dst {
        for (i, pc) in pcs.iter().skip(skip.saturating_sub(1)).take(len as usize).enumerate() {
            vm.heap.store_slot(obj, off as usize + i, Value::Int(*pc as i64)).map_err(oom)?;
            written += 1;
        }
    }
    g.stack.push(Value::Int(written));
    Ok(())
}

fn read_mem_stats(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let Some(h) = crate::heap::obj_of(&vm.heap, a.first().copied().unwrap_or_default()) else {
        return Err(super::nil_deref(vm));
    };
    let hp = &vm.heap;
    let live = hp.live_objects() as u64;
    let bytes = hp.go_bytes();
    // (slot, value): Alloc, TotalAlloc, Sys, Mallocs, Frees, HeapAlloc,
    // HeapSys, HeapInuse, HeapObjects, NumGC, EnableGC, in MemStats' order.
    let vals = [
        (0, bytes),
        (1, hp.total_alloc),
        (2, bytes),
        (4, hp.mallocs),
        (5, hp.mallocs.saturating_sub(live)),
        (6, bytes),
        (7, bytes),
        (9, bytes),
        (11, live),
        (26, hp.collections),
    ];
    for (i, v) in vals {
        vm.heap.store_slot(h, i, Value::Int(v as i64)).map_err(oom)?;
    }
    vm.heap.store_slot(h, 29, Value::Bool(true)).map_err(oom)
}
