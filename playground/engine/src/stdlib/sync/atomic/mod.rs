//! `sync/atomic`: the functions over `*int32`, `*int64`, `*uint32`,
//! `*uint64`, `*uintptr` and the typed values (`Int32`, `Int64`, `Uint32`,
//! `Uint64`, `Uintptr`, `Bool`, `Value`, `Pointer[T]`). The simulator runs one
//! instruction at a time, so each operation is atomic by construction:
//! they never block and only need Go's arithmetic (wrapping at the
//! type's width) and Go's panics for `atomic.Value` misuse.

use crate::stdlib::{args, nil_deref, oom, panic_str, recv_obj, take_args};
use crate::value::{Handle, IntKind, Value, WHOLE};
use crate::vm::race::{self, Addr};
use crate::vm::{GState, NativeFn, Throw, Vm};

const I32: u8 = 0;
const I64: u8 = 1;
const U32: u8 = 2;
const U64: u8 = 3;

fn kind(k: u8) -> IntKind {
    match k {
        I32 => IntKind::I32,
        U32 => IntKind::U32,
        U64 => IntKind::U64,
        _ => IntKind::I64,
    }
}

fn suffix_kind(s: &str) -> Option<u8> {
    Some(match s {
        "Int32" => I32,
        "Int64" => I64,
        "Uint32" => U32,
        "Uint64" | "Uintptr" => U64,
        _ => return None,
    })
}

pub fn lookup(name: &str) -> Option<NativeFn> {
    let rest = name.strip_prefix("sync/atomic.")?;
    // Typed values: `(*Int32).Add` works on the struct's field 0.
    if let Some(m) = rest.strip_prefix("(*") {
        let (ty, meth) = m.split_once(").")?;
        if ty == "Value" {
            return Some(match meth {
                "Load" => value_load,
                "Store" => value_store,
                "Swap" => value_swap,
                "CompareAndSwap" => value_cas,
                _ => return None,
            });
        }
        // `Pointer[T]` (generic, one native for every T): field 0 holds
        // the pointer.
        if ty == "Pointer" {
            return Some(match meth {
                "Load" => |vm, g, n| on_field(vm, g, n, |vm, g, p, _| {
                    g.stack.push(load(vm, p));
                    Ok(())
                }),
                "Store" => |vm, g, n| on_field(vm, g, n, |vm, _, p, a| store(vm, p, a.first().copied().unwrap_or_default())),
                "Swap" => |vm, g, n| {
                    on_field(vm, g, n, |vm, g, p, a| {
                        let old = load(vm, p);
                        store(vm, p, a.first().copied().unwrap_or_default())?;
                        g.stack.push(old);
                        Ok(())
                    })
                },
                "CompareAndSwap" => |vm, g, n| {
                    on_field(vm, g, n, |vm, g, p, a| {
                        let ok = load(vm, p) == a.first().copied().unwrap_or_default();
                        if ok {
                            store(vm, p, a.get(1).copied().unwrap_or_default())?;
                        }
                        g.stack.push(Value::Bool(ok));
                        Ok(())
                    })
                },
                _ => return None,
            });
        }
        if ty == "Bool" {
            return Some(match meth {
                "Load" => |vm, g, n| on_field(vm, g, n, |vm, g, p, _| bool_load(vm, g, p)),
                "Store" => |vm, g, n| on_field(vm, g, n, |vm, _, p, a| store(vm, p, Value::Int(a.first().is_some_and(|v| v.bool()) as i64))),
                "Swap" => |vm, g, n| {
                    on_field(vm, g, n, |vm, g, p, a| {
                        let old = load(vm, p).int() != 0;
                        store(vm, p, Value::Int(a.first().is_some_and(|v| v.bool()) as i64))?;
                        g.stack.push(Value::Bool(old));
                        Ok(())
                    })
                },
                "CompareAndSwap" => |vm, g, n| {
                    on_field(vm, g, n, |vm, g, p, a| {
                        let old = a.first().is_some_and(|v| v.bool()) as i64;
                        let ok = load(vm, p).int() == old;
                        if ok {
                            store(vm, p, Value::Int(a.get(1).is_some_and(|v| v.bool()) as i64))?;
                        }
                        g.stack.push(Value::Bool(ok));
                        Ok(())
                    })
                },
                _ => return None,
            });
        }
        let k = suffix_kind(ty)?;
        return Some(match (meth, k) {
            ("Load", _) => |vm, g, n| on_field(vm, g, n, |vm, g, p, _| {
                g.stack.push(load(vm, p));
                Ok(())
            }),
            ("Store", _) => |vm, g, n| on_field(vm, g, n, |vm, _, p, a| store(vm, p, a.first().copied().unwrap_or_default())),
            ("Add", I32) => |vm, g, n| on_field(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I32, Op::Add)),
            ("Add", I64) => |vm, g, n| on_field(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::Add)),
            ("Add", U32) => |vm, g, n| on_field(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, U32, Op::Add)),
            ("Add", _) => |vm, g, n| on_field(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, U64, Op::Add)),
            ("Swap", _) => |vm, g, n| on_field(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::Swap)),
            ("And", _) => |vm, g, n| on_field(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::And)),
            ("Or", _) => |vm, g, n| on_field(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::Or)),
            ("CompareAndSwap", _) => |vm, g, n| on_field(vm, g, n, cas),
            _ => return None,
        });
    }
    // Functions over an address: `AddInt32(addr, delta)`...
    for (op, f) in [("Add", 0u8), ("Load", 1), ("Store", 2), ("Swap", 3), ("CompareAndSwap", 4), ("And", 5), ("Or", 6)] {
        let Some(ty) = rest.strip_prefix(op) else { continue };
        let k = suffix_kind(ty)?;
        return Some(match (f, k) {
            (0, I32) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I32, Op::Add)),
            (0, I64) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::Add)),
            (0, U32) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, U32, Op::Add)),
            (0, _) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, U64, Op::Add)),
            (1, _) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, _| {
                g.stack.push(load(vm, p));
                Ok(())
            }),
            (2, _) => |vm, g, n| on_addr(vm, g, n, |vm, _, p, a| store(vm, p, a.first().copied().unwrap_or_default())),
            (3, _) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::Swap)),
            (4, _) => |vm, g, n| on_addr(vm, g, n, cas),
            (5, _) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::And)),
            (_, _) => |vm, g, n| on_addr(vm, g, n, |vm, g, p, a| rmw(vm, g, p, a, I64, Op::Or)),
        });
    }
    None
}

#[derive(Clone, Copy)]
enum Op {
    Add,
    Swap,
    And,
    Or,
}

type Body = fn(&mut Vm, &mut GState, Value, &[Value]) -> Result<(), Throw>;

/// An address-taking function: `addr` first, then the operands.
fn on_addr(vm: &mut Vm, g: &mut GState, n: usize, body: Body) -> Result<(), Throw> {
    let a = args(g, n);
    let p = a.first().copied().unwrap_or_default();
    if !matches!(p, Value::Ptr { slot, .. } if slot != WHOLE) {
        return Err(nil_deref(vm));
    }
    race_acquire(vm, p);
    body(vm, g, p, a.get(1..).unwrap_or(&[]))
}

/// A typed value's method: the receiver's field 0 is the word.
fn on_field(vm: &mut Vm, g: &mut GState, n: usize, body: Body) -> Result<(), Throw> {
    // A method has at most two operands (CompareAndSwap's old and new).
    let a: [Value; 3] = take_args(g, n);
    let Some(h) = recv_obj(vm, a[0]) else { return Err(nil_deref(vm)) };
    let p = Value::Ptr { obj: h, slot: 0 };
    race_acquire(vm, p);
    body(vm, g, p, a.get(1..n.min(3)).unwrap_or(&[]))
}

/// `-race`: atomics synchronise. Every operation acquires what earlier
/// stores to the word released; a store (alone or in a
/// read-modify-write) releases (`store`).
fn race_acquire(vm: &mut Vm, p: Value) {
    if vm.race_detects()
        && let Value::Ptr { obj, slot } = p
    {
        vm.raceacquire(Addr::Sync(obj, race::SYNC_ATOMIC | slot));
    }
}

/// The word at pointer `p` (`0` for a nil or whole-object pointer).
pub(crate) fn load(vm: &Vm, p: Value) -> Value {
    match p {
        Value::Ptr { obj, slot } if slot != WHOLE => vm.heap.elem(obj, slot as usize),
        _ => Value::Int(0),
    }
}

/// Overwrites the word at pointer `p` (nothing for a nil pointer).
pub(crate) fn store(vm: &mut Vm, p: Value, v: Value) -> Result<(), Throw> {
    if let Value::Ptr { obj, slot } = p
        && slot != WHOLE
    {
        if vm.race_detects() {
            vm.racereleasemerge(Addr::Sync(obj, race::SYNC_ATOMIC | slot));
        }
        match vm.heap.scalar_slot_mut(obj, slot as usize) {
            Some(s) if !matches!(v, Value::Agg(_)) => *s = v,
            _ => vm.heap.store_slot(obj, slot as usize, v).map_err(oom)?,
        }
    }
    Ok(())
}

fn bool_load(vm: &mut Vm, g: &mut GState, p: Value) -> Result<(), Throw> {
    let v = load(vm, p);
    g.stack.push(Value::Bool(v.int() != 0 || v == Value::Bool(true)));
    Ok(())
}

/// Read-modify-write: `Add` returns the new value, the others the old.
fn rmw(vm: &mut Vm, g: &mut GState, p: Value, a: &[Value], k: u8, op: Op) -> Result<(), Throw> {
    let old = load(vm, p).int();
    let x = a.first().map_or(0, |v| v.int());
    let new = match op {
        Op::Add => kind(k).wrap(old.wrapping_add(x)),
        Op::Swap => x,
        Op::And => old & x,
        Op::Or => old | x,
    };
    store(vm, p, Value::Int(new))?;
    g.stack.push(Value::Int(if matches!(op, Op::Add) { new } else { old }));
    Ok(())
}

fn cas(vm: &mut Vm, g: &mut GState, p: Value, a: &[Value]) -> Result<(), Throw> {
    let ok = load(vm, p).int() == a.first().map_or(0, |v| v.int());
    if ok {
        store(vm, p, a.get(1).copied().unwrap_or_default())?;
    }
    g.stack.push(Value::Bool(ok));
    Ok(())
}

/// `atomic.Value`: field 0 holds the stored interface (nil until Store).
fn value_field(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(Handle, Vec<Value>), Throw> {
    let a = args(g, n);
    let Some(h) = recv_obj(vm, a.first().copied().unwrap_or_default()) else { return Err(nil_deref(vm)) };
    Ok((h, a.get(1..).unwrap_or(&[]).to_vec()))
}

fn value_check(vm: &mut Vm, h: Handle, new: Value, what: &str) -> Result<(), Throw> {
    let Value::Iface { tid, .. } = new else {
        return Err(panic_str(vm, format!("sync/atomic: {what} of nil value into Value").as_bytes()));
    };
    if let Value::Iface { tid: old, .. } = vm.heap.elem(h, 0)
        && old != tid
    {
        return Err(panic_str(vm, format!("sync/atomic: {what} of inconsistently typed value into Value").as_bytes()));
    }
    Ok(())
}

fn value_load(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let (h, _) = value_field(vm, g, n)?;
    g.stack.push(vm.heap.elem(h, 0));
    Ok(())
}

fn value_store(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let (h, a) = value_field(vm, g, n)?;
    let v = a.first().copied().unwrap_or_default();
    value_check(vm, h, v, "store")?;
    vm.heap.store_slot(h, 0, v).map_err(oom)
}

fn value_swap(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let (h, a) = value_field(vm, g, n)?;
    let v = a.first().copied().unwrap_or_default();
    value_check(vm, h, v, "swap")?;
    let old = vm.heap.elem(h, 0);
    vm.heap.store_slot(h, 0, v).map_err(oom)?;
    g.stack.push(old);
    Ok(())
}

fn value_cas(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let (h, a) = value_field(vm, g, n)?;
    let (old, new) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    value_check(vm, h, new, "compare and swap")?;
    let cur = vm.heap.elem(h, 0);
    let prog = vm.program().clone();
    let ok = match (cur, old) {
        (Value::Nil, Value::Nil) => true,
        (Value::Nil, _) | (_, Value::Nil) => false,
        _ => vm.heap.equal(&prog.types, cur, old).unwrap_or(false),
    };
    if ok {
        vm.heap.store_slot(h, 0, new).map_err(oom)?;
    }
    g.stack.push(Value::Bool(ok));
    Ok(())
}
