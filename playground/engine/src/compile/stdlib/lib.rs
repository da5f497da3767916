//! Natives of `errors`, `strings`, `strconv`, `math`, `os` and the
//! builtins implemented natively (`min`/`max`, deferred `panic`).

use super::{args, new_iface, new_slice, new_str, oom, str_of, type_named};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Stop, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "builtin.panic" => builtin_panic,
        "builtin.min.i" | "builtin.min.u" | "builtin.min.f" | "builtin.min.s" => builtin_min,
        "builtin.max.i" | "builtin.max.u" | "builtin.max.f" | "builtin.max.s" => builtin_max,
        "os.Exit" => os_exit,
        "os.Stdout" => os_stdout,
        "os.Stderr" => os_stderr,
        "errors.New" => errors_new,
        "errors.(*errorString).Error" => error_string_text,
        "errors.Unwrap" => errors_unwrap,
        "errors.Is" => errors_is,
        "strings.Contains" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(find(a, b).is_some())),
        "strings.HasPrefix" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(a.starts_with(b))),
        "strings.HasSuffix" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(a.ends_with(b))),
        "strings.Index" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(find(a, b).map_or(-1, |i| i as i64))),
        "strings.Count" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(count(a, b))),
        "strings.TrimPrefix" => |vm, g, n| str2(vm, g, n, |a, b| Out::S(a.strip_prefix(b).unwrap_or(a).to_vec())),
        "strings.TrimSuffix" => |vm, g, n| str2(vm, g, n, |a, b| Out::S(a.strip_suffix(b).unwrap_or(a).to_vec())),
        "strings.ToUpper" => |vm, g, n| str1(vm, g, n, |a| String::from_utf8_lossy(a).to_uppercase().into_bytes()),
        "strings.ToLower" => |vm, g, n| str1(vm, g, n, |a| String::from_utf8_lossy(a).to_lowercase().into_bytes()),
        "strings.TrimSpace" => |vm, g, n| str1(vm, g, n, |a| a.trim_ascii().to_vec()),
        "strings.Repeat" => strings_repeat,
        "strings.Join" => strings_join,
        "strings.Split" => strings_split,
        "strings.Fields" => strings_fields,
        "strings.ReplaceAll" => strings_replace_all,
        "strconv.Itoa" => strconv_itoa,
        "strconv.Quote" => |vm, g, n| str1(vm, g, n, |a| super::fmt::quote(a).into_bytes()),
        "math.Sqrt" => |vm, g, n| f1(vm, g, n, f64::sqrt),
        "math.Floor" => |vm, g, n| f1(vm, g, n, f64::floor),
        "math.Ceil" => |vm, g, n| f1(vm, g, n, f64::ceil),
        "math.Abs" => |vm, g, n| f1(vm, g, n, f64::abs),
        "math.Log" => |vm, g, n| f1(vm, g, n, f64::ln),
        "math.Round" => |vm, g, n| f1(vm, g, n, f64::round),
        "math.Trunc" => |vm, g, n| f1(vm, g, n, f64::trunc),
        "math.Pow" => |vm, g, n| {
            let a = args(g, n);
            let _ = vm;
            g.stack.push(Value::Float(a.first().map_or(0.0, |v| v.float()).powf(a.get(1).map_or(0.0, |v| v.float()))));
            Ok(())
        },
        "math.Inf" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(if a.first().map_or(0, |v| v.int()) >= 0 { f64::INFINITY } else { f64::NEG_INFINITY }));
            Ok(())
        },
        "math.NaN" => |_vm, g, n| {
            args(g, n);
            g.stack.push(Value::Float(f64::NAN));
            Ok(())
        },
        _ => return None,
    })
}

fn builtin_panic(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Panic(a.first().copied().unwrap_or_default()))
}

fn cmp_vals(vm: &Vm, a: Value, b: Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        (Value::Int(x), Value::Int(y)) => x.cmp(&y),
        (Value::Str { .. }, Value::Str { .. }) => vm.heap.str_bytes(a).cmp(vm.heap.str_bytes(b)),
        _ => std::cmp::Ordering::Equal,
    }
}

fn builtin_min(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let mut m = a.first().copied().unwrap_or_default();
    for &x in &a[1.min(a.len())..] {
        if matches!(x, Value::Float(f) if f.is_nan()) {
            m = x;
            break;
        }
        if cmp_vals(vm, x, m).is_lt() {
            m = x;
        }
    }
    g.stack.push(m);
    Ok(())
}

fn builtin_max(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let mut m = a.first().copied().unwrap_or_default();
    for &x in &a[1.min(a.len())..] {
        if matches!(x, Value::Float(f) if f.is_nan()) {
            m = x;
            break;
        }
        if cmp_vals(vm, x, m).is_gt() {
            m = x;
        }
    }
    g.stack.push(m);
    Ok(())
}

fn os_exit(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Stop(Stop::Exit(a.first().map_or(0, |v| v.int()) as i32)))
}

/// `*os.File` objects: one slot holding the descriptor.
fn os_file(vm: &mut Vm, g: &mut GState, fd: i64) -> Result<(), Throw> {
    let h = vm.heap.alloc_slots(vec![Value::Int(fd)], 8).map_err(oom)?;
    g.stack.push(Value::Ptr { obj: h, slot: WHOLE });
    Ok(())
}

fn os_stdout(vm: &mut Vm, g: &mut GState, _argc: usize) -> Result<(), Throw> {
    os_file(vm, g, 1)
}

fn os_stderr(vm: &mut Vm, g: &mut GState, _argc: usize) -> Result<(), Throw> {
    os_file(vm, g, 2)
}

/// `errors.New`: a `*errors.errorString` holding the text.
fn errors_new(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = a.first().copied().unwrap_or(Value::EMPTY_STRING);
    let h = vm.heap.alloc_slots(vec![s], 16).map_err(oom)?;
    let tid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    let v = new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?;
    g.stack.push(v);
    Ok(())
}

fn error_string_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = match a.first() {
        Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).first().copied().unwrap_or(Value::EMPTY_STRING),
        _ => return Err(nil_deref(vm)),
    };
    g.stack.push(v);
    Ok(())
}

fn nil_deref(_vm: &mut Vm) -> Throw {
    Throw::Stop(Stop::Fatal(crate::vm::Fatal {
        kind: crate::vm::FatalKind::Internal,
        message: "panic: runtime error: invalid memory address or nil pointer dereference\n".into(),
        trace: vec![],
    }))
}

/// Calls `Unwrap() error` of an error value, if it has one.
fn unwrap_once(vm: &mut Vm, g: &mut GState, e: Value) -> Result<Option<Value>, Throw> {
    let Value::Iface { tid, obj } = e else { return Ok(None) };
    let Some(mid) = vm.program().method_names.iter().position(|m| m == "Unwrap") else { return Ok(None) };
    let inner = vm.heap.cell(obj);
    match super::call_method(vm, g, tid, inner, mid as u32, 1) {
        Some(r) => Ok(r?.first().copied()),
        None => Ok(None),
    }
}

fn errors_unwrap(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = unwrap_once(vm, g, a.first().copied().unwrap_or_default())?;
    g.stack.push(r.unwrap_or_default());
    Ok(())
}

fn errors_is(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let (mut e, target) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    let types = vm.program().clone();
    for _ in 0..100 {
        if e == Value::Nil {
            break;
        }
        if vm.heap.equal(&types.types, e, target).unwrap_or(false) {
            g.stack.push(Value::Bool(true));
            return Ok(());
        }
        match unwrap_once(vm, g, e)? {
            Some(n) => e = n,
            None => break,
        }
    }
    g.stack.push(Value::Bool(e == Value::Nil && target == Value::Nil));
    Ok(())
}

enum Out {
    B(bool),
    I(i64),
    S(Vec<u8>),
}

fn str2(vm: &mut Vm, g: &mut GState, argc: usize, f: fn(&[u8], &[u8]) -> Out) -> Result<(), Throw> {
    let a = args(g, argc);
    let x = str_of(vm, a.first().copied().unwrap_or_default());
    let y = str_of(vm, a.get(1).copied().unwrap_or_default());
    let v = match f(&x, &y) {
        Out::B(b) => Value::Bool(b),
        Out::I(i) => Value::Int(i),
        Out::S(s) => new_str(vm, &s)?,
    };
    g.stack.push(v);
    Ok(())
}

fn str1(vm: &mut Vm, g: &mut GState, argc: usize, f: fn(&[u8]) -> Vec<u8>) -> Result<(), Throw> {
    let a = args(g, argc);
    let x = str_of(vm, a.first().copied().unwrap_or_default());
    let v = new_str(vm, &f(&x))?;
    g.stack.push(v);
    Ok(())
}

fn f1(_vm: &mut Vm, g: &mut GState, argc: usize, f: fn(f64) -> f64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Float(f(a.first().map_or(0.0, |v| v.float()))));
    Ok(())
}

fn find(a: &[u8], b: &[u8]) -> Option<usize> {
    if b.is_empty() {
        return Some(0);
    }
    a.windows(b.len()).position(|w| w == b)
}

fn count(a: &[u8], b: &[u8]) -> i64 {
    if b.is_empty() {
        return String::from_utf8_lossy(a).chars().count() as i64 + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find(&a[i..], b) {
        n += 1;
        i += p + b.len();
    }
    n
}

fn strings_repeat(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let n = a.get(1).map_or(0, |v| v.int());
    if n < 0 {
        let msg = new_str(vm, b"strings: negative Repeat count")?;
        return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_RT_PLAIN, msg)?));
    }
    if (s.len() as u64).saturating_mul(n as u64) > vm.heap.budget() {
        return Err(oom(crate::heap::HeapError::OutOfMemory { requested: u64::MAX, budget: vm.heap.budget() }));
    }
    let v = new_str(vm, &s.repeat(n as usize))?;
    g.stack.push(v);
    Ok(())
}

fn strings_join(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let parts: Vec<Vec<u8>> = super::slice_elems(vm, a.first().copied().unwrap_or_default()).into_iter().map(|v| str_of(vm, v)).collect();
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let v = new_str(vm, &parts.join(&sep[..]))?;
    g.stack.push(v);
    Ok(())
}

fn push_strs(vm: &mut Vm, g: &mut GState, parts: Vec<Vec<u8>>) -> Result<(), Throw> {
    let mut vals = Vec::new();
    for p in parts {
        vals.push(new_str(vm, &p)?);
    }
    let s = new_slice(vm, vals, 16)?;
    g.stack.push(s);
    Ok(())
}

fn strings_split(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let parts: Vec<Vec<u8>> = if sep.is_empty() {
        String::from_utf8_lossy(&s).chars().map(|c| c.to_string().into_bytes()).collect()
    } else {
        let mut out = Vec::new();
        let mut rest = &s[..];
        while let Some(p) = find(rest, &sep) {
            out.push(rest[..p].to_vec());
            rest = &rest[p + sep.len()..];
        }
        out.push(rest.to_vec());
        out
    };
    push_strs(vm, g, parts)
}

fn strings_fields(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let parts = String::from_utf8_lossy(&s).split_whitespace().map(|p| p.as_bytes().to_vec()).collect();
    push_strs(vm, g, parts)
}

fn strings_replace_all(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = String::from_utf8_lossy(&str_of(vm, a.first().copied().unwrap_or_default())).into_owned();
    let old = String::from_utf8_lossy(&str_of(vm, a.get(1).copied().unwrap_or_default())).into_owned();
    let new = String::from_utf8_lossy(&str_of(vm, a.get(2).copied().unwrap_or_default())).into_owned();
    let r = if old.is_empty() { s } else { s.replace(&old, &new) };
    let v = new_str(vm, r.as_bytes())?;
    g.stack.push(v);
    Ok(())
}

fn strconv_itoa(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = new_str(vm, a.first().map_or(0, |v| v.int()).to_string().as_bytes())?;
    g.stack.push(v);
    Ok(())
}
