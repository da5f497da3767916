//! `slices`: natives behind the generic functions `check/generic.rs`
//! instantiates. Ordered comparisons follow the name's suffix (`.i`
//! signed, `.u` unsigned, `.f` floats with Go's NaN order, `.s` strings);
//! `==` is the heap's Go equality; the `Func` forms call Go code.

use super::{args, call_go, new_iface, new_str, oom, pinned_args, slice_elems};
use crate::heap::Obj;
use crate::value::Value;
use crate::vm::{GState, NativeFn, Throw, Vm};
use std::cmp::Ordering;

pub fn lookup(name: &str) -> Option<NativeFn> {
    if let Some(rest) = name.strip_prefix("cmp.") {
        return cmp_lookup(rest);
    }
    let rest = name.strip_prefix("slices.")?;
    let (f, kind) = rest.split_once('.').unwrap_or((rest, ""));
    Some(match (f, kind) {
        ("Sort", "i") => |vm, g, n| super::sort::sort_ordered(vm, g, n, b'i'),
        ("Sort", "u") => |vm, g, n| super::sort::sort_ordered(vm, g, n, b'u'),
        ("Sort", "f") => |vm, g, n| super::sort::sort_ordered(vm, g, n, b'f'),
        ("Sort", "s") => |vm, g, n| super::sort::sort_ordered(vm, g, n, b's'),
        ("IsSorted", "i") => |vm, g, n| is_sorted(vm, g, n, b'i'),
        ("IsSorted", "u") => |vm, g, n| is_sorted(vm, g, n, b'u'),
        ("IsSorted", "f") => |vm, g, n| is_sorted(vm, g, n, b'f'),
        ("IsSorted", "s") => |vm, g, n| is_sorted(vm, g, n, b's'),
        ("Max", "i") => |vm, g, n| extreme(vm, g, n, b'i', Ordering::Greater),
        ("Max", "u") => |vm, g, n| extreme(vm, g, n, b'u', Ordering::Greater),
        ("Max", "f") => |vm, g, n| extreme(vm, g, n, b'f', Ordering::Greater),
        ("Max", "s") => |vm, g, n| extreme(vm, g, n, b's', Ordering::Greater),
        ("Min", "i") => |vm, g, n| extreme(vm, g, n, b'i', Ordering::Less),
        ("Min", "u") => |vm, g, n| extreme(vm, g, n, b'u', Ordering::Less),
        ("Min", "f") => |vm, g, n| extreme(vm, g, n, b'f', Ordering::Less),
        ("Min", "s") => |vm, g, n| extreme(vm, g, n, b's', Ordering::Less),
        ("BinarySearch", "i") => |vm, g, n| binary_search(vm, g, n, b'i'),
        ("BinarySearch", "u") => |vm, g, n| binary_search(vm, g, n, b'u'),
        ("BinarySearch", "f") => |vm, g, n| binary_search(vm, g, n, b'f'),
        ("BinarySearch", "s") => |vm, g, n| binary_search(vm, g, n, b's'),
        ("SortFunc", _) => |vm, g, n| super::sort::sort_func(vm, g, n, false),
        ("SortStableFunc", _) => |vm, g, n| super::sort::sort_func(vm, g, n, true),
        ("Contains", _) => |vm, g, n| {
            let i = index(vm, g, n)?;
            g.stack.push(Value::Bool(i >= 0));
            Ok(())
        },
        ("Index", _) => |vm, g, n| {
            let i = index(vm, g, n)?;
            g.stack.push(Value::Int(i));
            Ok(())
        },
        ("ContainsFunc", _) => |vm, g, n| {
            let i = index_func(vm, g, n)?;
            g.stack.push(Value::Bool(i >= 0));
            Ok(())
        },
        ("IndexFunc", _) => |vm, g, n| {
            let i = index_func(vm, g, n)?;
            g.stack.push(Value::Int(i));
            Ok(())
        },
        ("Equal", _) => equal,
        ("Reverse", _) => reverse,
        ("Clone", _) => clone,
        ("Compact", _) => compact,
        ("Insert", _) => insert,
        ("Delete", _) => delete,
        _ => return None,
    })
}

/// `cmp.Compare` and `cmp.Less` (they share `compare` with `slices`).
fn cmp_lookup(rest: &str) -> Option<NativeFn> {
    fn compare_native(vm: &mut Vm, g: &mut GState, n: usize, kind: u8) -> Result<(), Throw> {
        let a = args(g, n);
        let o = compare(vm, kind, a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
        g.stack.push(Value::Int(o as i64));
        Ok(())
    }
    fn less_native(vm: &mut Vm, g: &mut GState, n: usize, kind: u8) -> Result<(), Throw> {
        let a = args(g, n);
        let o = compare(vm, kind, a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
        g.stack.push(Value::Bool(o == Ordering::Less));
        Ok(())
    }
    Some(match rest {
        "Compare.i" => |vm, g, n| compare_native(vm, g, n, b'i'),
        "Compare.u" => |vm, g, n| compare_native(vm, g, n, b'u'),
        "Compare.f" => |vm, g, n| compare_native(vm, g, n, b'f'),
        "Compare.s" => |vm, g, n| compare_native(vm, g, n, b's'),
        "Less.i" => |vm, g, n| less_native(vm, g, n, b'i'),
        "Less.u" => |vm, g, n| less_native(vm, g, n, b'u'),
        "Less.f" => |vm, g, n| less_native(vm, g, n, b'f'),
        "Less.s" => |vm, g, n| less_native(vm, g, n, b's'),
        _ => return None,
    })
}

/// Go's `cmp.Compare` for the element kind: a NaN is less than any
/// number and equal to a NaN.
fn compare(vm: &Vm, kind: u8, a: Value, b: Value) -> Ordering {
    match kind {
        b'u' => (a.int() as u64).cmp(&(b.int() as u64)),
        b'f' => {
            let (x, y) = (a.float(), b.float());
            match (x.is_nan(), y.is_nan()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
            }
        }
        b's' => vm.heap.str_bytes(a).cmp(vm.heap.str_bytes(b)),
        _ => a.int().cmp(&b.int()),
    }
}

fn store_all(vm: &mut Vm, s: Value, vals: Vec<Value>) -> Result<(), Throw> {
    if let Value::Slice { obj, off, .. } = s {
        for (i, v) in vals.into_iter().enumerate() {
            vm.heap.store_slot(obj, off as usize + i, v).map_err(oom)?;
        }
    }
    Ok(())
}

fn is_sorted(vm: &mut Vm, g: &mut GState, n: usize, kind: u8) -> Result<(), Throw> {
    let a = args(g, n);
    let vals = slice_elems(vm, a.first().copied().unwrap_or_default());
    let ok = vals.windows(2).all(|w| compare(vm, kind, w[1], w[0]) != Ordering::Less);
    g.stack.push(Value::Bool(ok));
    Ok(())
}

/// `slices.Max` / `Min`: the first extreme element; a NaN wins (Go's
/// `max`/`min`); an empty slice panics.
fn extreme(vm: &mut Vm, g: &mut GState, n: usize, kind: u8, want: Ordering) -> Result<(), Throw> {
    let a = args(g, n);
    let vals = slice_elems(vm, a.first().copied().unwrap_or_default());
    let Some(&first) = vals.first() else {
        let msg: &[u8] = if want == Ordering::Greater { b"slices.Max: empty list" } else { b"slices.Min: empty list" };
        return Err(super::panic_str(vm, msg));
    };
    let mut m = first;
    for &v in &vals[1..] {
        if kind == b'f' && m.float().is_nan() {
            break;
        }
        if (kind == b'f' && v.float().is_nan()) || compare(vm, kind, v, m) == want {
            m = v;
        }
    }
    g.stack.push(m);
    Ok(())
}

fn binary_search(vm: &mut Vm, g: &mut GState, n: usize, kind: u8) -> Result<(), Throw> {
    let a = args(g, n);
    let vals = slice_elems(vm, a.first().copied().unwrap_or_default());
    let target = a.get(1).copied().unwrap_or_default();
    let i = vals.partition_point(|v| compare(vm, kind, *v, target) == Ordering::Less);
    let found = vals.get(i).is_some_and(|v| compare(vm, kind, *v, target) == Ordering::Equal);
    g.stack.push(Value::Int(i as i64));
    g.stack.push(Value::Bool(found));
    Ok(())
}

fn index(vm: &mut Vm, g: &mut GState, n: usize) -> Result<i64, Throw> {
    let a = args(g, n);
    let vals = slice_elems(vm, a.first().copied().unwrap_or_default());
    let x = a.get(1).copied().unwrap_or_default();
    let prog = vm.program().clone();
    Ok(vals.iter().position(|v| vm.heap.equal(&prog.types, *v, x).unwrap_or(false)).map_or(-1, |i| i as i64))
}

fn index_func(vm: &mut Vm, g: &mut GState, n: usize) -> Result<i64, Throw> {
    let (a, _pin) = pinned_args(g, n);
    let vals = slice_elems(vm, a.first().copied().unwrap_or_default());
    let f = a.get(1).copied().unwrap_or_default();
    for (i, v) in vals.into_iter().enumerate() {
        let r = call_go(vm, g, f, &[v], 1)?;
        if r.first().is_some_and(|x| x.bool()) {
            return Ok(i as i64);
        }
    }
    Ok(-1)
}

fn equal(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let x = slice_elems(vm, a.first().copied().unwrap_or_default());
    let y = slice_elems(vm, a.get(1).copied().unwrap_or_default());
    let prog = vm.program().clone();
    let ok = x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| vm.heap.equal(&prog.types, *p, *q).unwrap_or(false));
    g.stack.push(Value::Bool(ok));
    Ok(())
}

fn reverse(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let s = a.first().copied().unwrap_or_default();
    let mut vals = slice_elems(vm, s);
    vals.reverse();
    store_all(vm, s, vals)
}

/// A new slice of `vals` (capacity `cap`) stored like `like`'s backing
/// array (compact bytes for `[]byte`).
fn fresh(vm: &mut Vm, like: Value, vals: Vec<Value>, cap: usize) -> Result<Value, Throw> {
    let len = vals.len() as u32;
    let byte_kind = match like {
        Value::Slice { obj, .. } => match vm.heap.get(obj) {
            Obj::ByteArr(k, _) => Some(*k),
            _ => None,
        },
        _ => None,
    };
    let h = match byte_kind {
        Some(k) => {
            let mut data: Vec<u8> = vals.iter().map(|v| crate::heap::ByteKind::store(*v)).collect();
            data.resize(cap, 0);
            vm.heap.alloc_byte_arr(k, data, cap as u64).map_err(oom)?
        }
        None => {
            let mut slots = vals;
            let zero = slots.first().map_or(Value::Nil, |v| zero_like(*v));
            slots.resize(cap, zero);
            vm.heap.alloc_slots(slots, cap as u64 * 8).map_err(oom)?
        }
    };
    Ok(Value::Slice { obj: h, off: 0, len, cap: cap as u32 })
}

/// The zero value of an element's kind (what `clear` leaves behind).
fn zero_like(v: Value) -> Value {
    match v {
        Value::Int(_) => Value::Int(0),
        Value::Float(_) => Value::Float(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Str { .. } => Value::EMPTY_STRING,
        _ => Value::Nil,
    }
}

/// `slices.Clone`: nil stays nil.
fn clone(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let s = a.first().copied().unwrap_or_default();
    let v = match s {
        Value::Slice { .. } => {
            let vals = slice_elems(vm, s);
            let cap = vals.len();
            fresh(vm, s, vals, cap)?
        }
        other => other,
    };
    g.stack.push(v);
    Ok(())
}

/// `slices.Compact`: in place; the tail past the new length is zeroed.
fn compact(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let s = a.first().copied().unwrap_or_default();
    let vals = slice_elems(vm, s);
    let prog = vm.program().clone();
    let mut out: Vec<Value> = Vec::new();
    for v in &vals {
        if out.last().is_some_and(|l| vm.heap.equal(&prog.types, *l, *v).unwrap_or(false)) {
            continue;
        }
        out.push(*v);
    }
    let k = out.len();
    out.extend(vals[k..].iter().map(|v| zero_like(*v)));
    store_all(vm, s, out)?;
    g.stack.push(with_len(s, k));
    Ok(())
}

fn with_len(s: Value, len: usize) -> Value {
    match s {
        Value::Slice { obj, off, cap, .. } => Value::Slice { obj, off, len: len as u32, cap },
        other => other,
    }
}

fn bounds(vm: &mut Vm, text: String) -> Throw {
    match new_str(vm, text.as_bytes()).and_then(|s| new_iface(vm, crate::rtype::T_RT_BOUNDS, s)) {
        Ok(v) => Throw::Panic(v),
        Err(e) => e,
    }
}

/// The element size in bytes of the slices among `vals`, read off a
/// backing array (its Go size over its capacity); 8 if none has one.
fn elem_size(vm: &Vm, vals: &[Value]) -> u64 {
    vals.iter()
        .find_map(|v| match *v {
            Value::Slice { obj, cap, .. } if cap > 0 => match vm.heap.get(obj) {
                Obj::Slots(slots) if !slots.is_empty() => Some(vm.heap.go_bytes_of(obj) / slots.len() as u64),
                Obj::ByteArr(..) => Some(1),
                _ => None,
            },
            _ => None,
        })
        .unwrap_or(8)
}

/// `slices.Insert(s, i, vs...)`: in place when it fits the capacity, else
/// a new array grown as Go's `append(s[:i], make(S, n+m-i)...)` grows it.
fn insert(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let s = a.first().copied().unwrap_or_default();
    let i = a.get(1).map_or(0, |v| v.int());
    let ins = slice_elems(vm, a.get(2).copied().unwrap_or_default());
    let mut vals = slice_elems(vm, s);
    let cap = match s {
        Value::Slice { cap, .. } => cap as usize,
        _ => 0,
    };
    if i < 0 || i as usize > vals.len() {
        return Err(bounds(vm, format!("runtime error: slice bounds out of range [{i}:{}]", vals.len())));
    }
    let at = i as usize;
    vals.splice(at..at, ins);
    let len = vals.len();
    let v = if len <= cap {
        let out = with_len(s, len);
        store_all(vm, out, vals)?;
        out
    } else {
        let size = elem_size(vm, &[s, a.get(2).copied().unwrap_or_default()]);
        fresh(vm, s, vals, crate::vm::grow_cap(cap, len, size).max(len))?
    };
    g.stack.push(v);
    Ok(())
}

/// `slices.Delete(s, i, j)`: in place; the vacated tail is zeroed.
fn delete(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let s = a.first().copied().unwrap_or_default();
    let (i, j) = (a.get(1).map_or(0, |v| v.int()), a.get(2).map_or(0, |v| v.int()));
    let vals = slice_elems(vm, s);
    let len = vals.len() as i64;
    if !(0 <= i && i <= j && j <= len) {
        let text = if j > len || j < 0 {
            format!("runtime error: slice bounds out of range [:{j}] with capacity {len}")
        } else {
            format!("runtime error: slice bounds out of range [{i}:{j}]")
        };
        return Err(bounds(vm, text));
    }
    let (i, j) = (i as usize, j as usize);
    let mut out: Vec<Value> = vals[..i].to_vec();
    out.extend_from_slice(&vals[j..]);
    let k = out.len();
    out.extend(vals[k..].iter().map(|v| zero_like(*v)));
    store_all(vm, s, out)?;
    g.stack.push(with_len(s, k));
    Ok(())
}
