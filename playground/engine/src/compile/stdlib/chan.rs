//! Channels for a program running on one goroutine: `make(chan T, n)`,
//! send, receive, `close`, `select` as natives over the heap's
//! `ChanObj`. With a single goroutine an operation that would block can
//! never proceed, so it ends the run as Go's deadlock does. The scheduler
//! (issue 4) replaces these natives with parking goroutines; the
//! compiler's calls stay the same shape.

use super::{args, new_iface, new_str, oom};
use crate::heap::{ChanObj, Obj};
use crate::value::Value;
use crate::vm::{Fatal, FatalKind, GState, NativeFn, Stop, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "chan.make" => chan_make,
        "chan.send" => chan_send,
        "chan.recv" => |vm, g, n| chan_recv(vm, g, n, false),
        "chan.recv2" => |vm, g, n| chan_recv(vm, g, n, true),
        "chan.close" => chan_close,
        "chan.select" => chan_select,
        _ => return None,
    })
}

/// `[elem type id, cap] -> [ch]`
fn chan_make(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let elem = a.first().map_or(0, |v| v.int()) as u32;
    let cap = a.get(1).map_or(0, |v| v.int());
    if cap < 0 || cap > (vm.heap.budget() / 8) as i64 {
        return Err(plain_panic(vm, "makechan: size out of range", true)?);
    }
    let c = ChanObj { buf: Default::default(), cap: cap as u32, closed: false, elem_ty: elem };
    let h = vm.heap.alloc(Obj::Chan(Box::new(c)), 96 + cap as u64 * 8).map_err(oom)?;
    g.stack.push(Value::Chan(h));
    Ok(())
}

/// A runtime panic: `runtime error: ...` texts are runtime.Error
/// (errorString), the others plainError.
fn plain_panic(vm: &mut Vm, msg: &str, runtime_error: bool) -> Result<Throw, Throw> {
    let text = if runtime_error { format!("runtime error: {msg}") } else { msg.to_string() };
    let s = new_str(vm, text.as_bytes())?;
    let tid = if runtime_error { crate::rtype::T_RT_ERRORSTRING } else { crate::rtype::T_RT_PLAIN };
    Ok(Throw::Panic(new_iface(vm, tid, s)?))
}

/// Go's deadlock report: the one goroutine blocks forever.
fn deadlock(vm: &mut Vm, g: &GState, state: &str) -> Throw {
    let trace = vm.traceback(g);
    let mut message = String::from("fatal error: all goroutines are asleep - deadlock!\n\n");
    message.push_str(&vm.format_trace(1, state, &trace));
    Throw::Stop(Stop::Fatal(Fatal { kind: FatalKind::Internal, message, trace: vec![] }))
}

fn chan_mut(vm: &mut Vm, ch: Value) -> Option<&mut ChanObj> {
    let Value::Chan(h) = ch else { return None };
    match vm.heap.get_mut(h) {
        Some(Obj::Chan(c)) => Some(c),
        _ => None,
    }
}

/// `[ch, v] -> []`
fn chan_send(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let ch = a.first().copied().unwrap_or_default();
    let v = a.get(1).copied().unwrap_or_default();
    let v = vm.heap.clone_value(v).map_err(oom)?;
    match try_send(vm, ch, v)? {
        true => Ok(()),
        false => Err(deadlock(vm, g, if ch == Value::Nil { "chan send (nil chan)" } else { "chan send" })),
    }
}

/// Sends if the buffer has room; a closed channel panics.
fn try_send(vm: &mut Vm, ch: Value, v: Value) -> Result<bool, Throw> {
    let Some(c) = chan_mut(vm, ch) else { return Ok(false) };
    if c.closed {
        return Err(plain_panic(vm, "send on closed channel", false)?);
    }
    if c.buf.len() < c.cap as usize {
        c.buf.push_back(v);
        return Ok(true);
    }
    Ok(false)
}

/// A receive that can proceed: `Some((value, ok))`.
fn try_recv(vm: &mut Vm, ch: Value) -> Result<Option<(Value, bool)>, Throw> {
    let Some(c) = chan_mut(vm, ch) else { return Ok(None) };
    if let Some(v) = c.buf.pop_front() {
        return Ok(Some((v, true)));
    }
    if c.closed {
        let elem = c.elem_ty;
        let prog = vm.program().clone();
        let z = vm.heap.zero(&prog.types, elem).map_err(oom)?;
        return Ok(Some((z, false)));
    }
    Ok(None)
}

/// `[ch] -> [v]` or `[v, ok]`
fn chan_recv(vm: &mut Vm, g: &mut GState, argc: usize, with_ok: bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let ch = a.first().copied().unwrap_or_default();
    match try_recv(vm, ch)? {
        Some((v, ok)) => {
            g.stack.push(v);
            if with_ok {
                g.stack.push(Value::Bool(ok));
            }
            Ok(())
        }
        None => Err(deadlock(vm, g, if ch == Value::Nil { "chan receive (nil chan)" } else { "chan receive" })),
    }
}

/// `[ch] -> []`
fn chan_close(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let ch = a.first().copied().unwrap_or_default();
    let Some(c) = chan_mut(vm, ch) else { return Err(plain_panic(vm, "close of nil channel", false)?) };
    if c.closed {
        return Err(plain_panic(vm, "close of closed channel", false)?);
    }
    c.closed = true;
    Ok(())
}

/// `[has_default, (kind, ch, v)*] -> [index, v, ok]`: kind 0 sends, 1
/// receives. Among ready cases one is chosen at random (the run's
/// seed), as Go does; none ready: the default (-1) or a deadlock.
fn chan_select(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let has_default = a.first().is_some_and(|v| v.bool());
    let cases: Vec<(i64, Value, Value)> = a[1.min(a.len())..].chunks(3).filter(|c| c.len() == 3).map(|c| (c[0].int(), c[1], c[2])).collect();
    let mut ready = Vec::new();
    for (i, (kind, ch, _)) in cases.iter().enumerate() {
        let Value::Chan(h) = ch else { continue };
        let ok = match vm.heap.get(*h) {
            Obj::Chan(c) => {
                if *kind == 0 {
                    c.closed || c.buf.len() < c.cap as usize
                } else {
                    c.closed || !c.buf.is_empty()
                }
            }
            _ => false,
        };
        if ok {
            ready.push(i);
        }
    }
    if ready.is_empty() {
        if has_default {
            g.stack.push(Value::Int(-1));
            g.stack.push(Value::Nil);
            g.stack.push(Value::Bool(false));
            return Ok(());
        }
        return Err(deadlock(vm, g, if cases.is_empty() { "select (no cases)" } else { "select" }));
    }
    let pick = ready[(vm.rand() % ready.len() as u64) as usize];
    let (kind, ch, v) = cases[pick];
    let (rv, ok) = if kind == 0 {
        let v = vm.heap.clone_value(v).map_err(oom)?;
        try_send(vm, ch, v)?;
        (Value::Nil, false)
    } else {
        try_recv(vm, ch)?.unwrap_or((Value::Nil, false))
    };
    g.stack.push(Value::Int(pick as i64));
    g.stack.push(rv);
    g.stack.push(Value::Bool(ok));
    Ok(())
}
