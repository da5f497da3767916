//! `errors`: `New`, `Is`, `As`, `Unwrap`, `Join`. `errors.New` values are
//! `*errors.errorString`s, as in Go (identity matters for `errors.Is`);
//! `Is` and `As` walk the error tree depth-first, calling the errors'
//! `Unwrap` and `Is` methods.

use super::{args, field_of_recv, new_iface, new_slice, new_str, oom, recv_obj, str_of, type_named};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "errors.New" => errors_new,
        "errors.(*errorString).Error" => error_string_text,
        "errors.Unwrap" => errors_unwrap,
        "errors.Is" => errors_is,
        "errors.As" => errors_as,
        "errors.Join" => errors_join,
        "errors.(*joinError).Error" => join_error_text,
        "errors.(*joinError).Unwrap" => |vm, g, n| field_of_recv(vm, g, n, 0),
        _ => return None,
    })
}

/// `errors.New`: a `*errors.errorString` holding the text.
fn errors_new(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = a.first().copied().unwrap_or(Value::EMPTY_STRING);
    let v = error_value(vm, s)?;
    g.stack.push(v);
    Ok(())
}

/// A fresh `errors.New(text)` value.
pub(crate) fn new_error(vm: &mut Vm, text: &[u8]) -> Result<Value, Throw> {
    let s = new_str(vm, text)?;
    error_value(vm, s)
}

fn error_value(vm: &mut Vm, s: Value) -> Result<Value, Throw> {
    let h = vm.heap.alloc_slots(vec![s], 16).map_err(oom)?;
    let tid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })
}

fn error_string_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = match a.first() {
        Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).first().copied().unwrap_or(Value::EMPTY_STRING),
        _ => return Err(super::fatal_nil_deref()),
    };
    g.stack.push(v);
    Ok(())
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
    let (a, _pin) = super::pinned_args(g, argc);
    // Only `Unwrap() error`; an `Unwrap() []error` does not count.
    let r = unwrap_once(vm, g, a.first().copied().unwrap_or_default())?.filter(|v| !matches!(v, Value::Slice { .. }));
    g.stack.push(r.unwrap_or_default());
    Ok(())
}

fn errors_is(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let (err, target) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    if err == Value::Nil || target == Value::Nil {
        g.stack.push(Value::Bool(err == target));
        return Ok(());
    }
    let prog = vm.program().clone();
    let is_mid = prog.method_names.iter().position(|m| m == "Is");
    for e in error_tree(vm, g, err)? {
        if vm.heap.equal(&prog.types, e, target).unwrap_or(false) {
            g.stack.push(Value::Bool(true));
            return Ok(());
        }
        // An `Is(error) bool` method.
        if let (Some(mid), Value::Iface { tid, obj }) = (is_mid, e)
            && let Some(callee) = prog.types.get(tid as usize).and_then(|t| t.method(mid as u32))
        {
            let f = match callee {
                crate::rtype::Callee::Func(f) => Value::Func(f),
                crate::rtype::Callee::Native(n) => Value::Func(n | crate::vm::NATIVE_FUNC_BIT),
            };
            let recv = vm.heap.cell(obj);
            let r = super::call_go(vm, g, f, &[recv, target], 1)?;
            if r.first().is_some_and(|v| v.bool()) {
                g.stack.push(Value::Bool(true));
                return Ok(());
            }
        }
    }
    g.stack.push(Value::Bool(false));
    Ok(())
}

/// The `Error()` text of an error value.
pub(crate) fn error_text(vm: &mut Vm, g: &mut GState, e: Value) -> Result<Vec<u8>, Throw> {
    let Value::Iface { tid, obj } = e else { return Ok(b"<nil>".to_vec()) };
    let inner = vm.heap.cell(obj);
    match super::call_method(vm, g, tid, inner, crate::rtype::M_ERROR, 1) {
        Some(r) => Ok(str_of(vm, r?.first().copied().unwrap_or_default())),
        None => Ok(Vec::new()),
    }
}

fn join_error_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let errs = recv_obj(vm, a.first().copied().unwrap_or_default()).and_then(|h| vm.heap.slots(h).first().copied()).unwrap_or_default();
    let mut out = Vec::new();
    for (i, e) in super::slice_elems(vm, errs).into_iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend(error_text(vm, g, e)?);
    }
    let v = new_str(vm, &out)?;
    g.stack.push(v);
    Ok(())
}

fn errors_join(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let errs: Vec<Value> = super::slice_elems(vm, a.first().copied().unwrap_or_default()).into_iter().filter(|e| *e != Value::Nil).collect();
    if errs.is_empty() {
        g.stack.push(Value::Nil);
        return Ok(());
    }
    let s = new_slice(vm, errs, 16)?;
    let h = vm.heap.alloc_slots(vec![s], 24).map_err(oom)?;
    let tid = type_named(vm, "*errors.joinError").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    let v = new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?;
    g.stack.push(v);
    Ok(())
}

/// The errors an error wraps (`Unwrap() error` or `Unwrap() []error`).
fn unwrap_all(vm: &mut Vm, g: &mut GState, e: Value) -> Result<Vec<Value>, Throw> {
    Ok(match unwrap_once(vm, g, e)? {
        Some(v @ Value::Slice { .. }) => super::slice_elems(vm, v),
        Some(Value::Nil) | None => vec![],
        Some(v) => vec![v],
    })
}

/// Depth-first walk of an error tree, as errors.Is/As do.
fn error_tree(vm: &mut Vm, g: &mut GState, root: Value) -> Result<Vec<Value>, Throw> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(e) = stack.pop() {
        if e == Value::Nil || out.len() > 10_000 {
            continue;
        }
        out.push(e);
        let mut kids = unwrap_all(vm, g, e)?;
        kids.reverse();
        stack.extend(kids);
    }
    Ok(out)
}

fn errors_as(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let (err, target) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    let Value::Iface { tid: ttid, obj: tobj } = target else {
        let msg = new_str(vm, b"errors: target cannot be nil")?;
        return Err(Throw::Panic(new_iface(vm, crate::rtype::T_STRING, msg)?));
    };
    let prog = vm.program().clone();
    let Some(crate::rtype::Kind::Ptr(elem)) = prog.types.get(ttid as usize).map(|t| t.kind.clone()) else {
        let msg = new_str(vm, b"errors: target must be a non-nil pointer")?;
        return Err(Throw::Panic(new_iface(vm, crate::rtype::T_STRING, msg)?));
    };
    let ptr = vm.heap.cell(tobj);
    let iface_methods = match prog.types.get(elem as usize).map(|t| &t.kind) {
        Some(crate::rtype::Kind::Interface(ms)) => Some(ms.clone()),
        _ => None,
    };
    for e in error_tree(vm, g, err)? {
        let Value::Iface { tid, obj } = e else { continue };
        let hit = match &iface_methods {
            Some(ms) => ms.iter().all(|&m| prog.types.get(tid as usize).is_some_and(|t| t.method(m).is_some())),
            None => tid == elem,
        };
        if hit {
            let v = if iface_methods.is_some() { e } else { vm.heap.cell(obj) };
            if let Value::Ptr { obj, slot } = ptr {
                if slot == WHOLE {
                    if let Value::Agg(src) = v {
                        vm.heap.copy_into(obj, src).map_err(oom)?;
                    }
                } else {
                    vm.heap.store_slot(obj, slot as usize, v).map_err(oom)?;
                }
            }
            g.stack.push(Value::Bool(true));
            return Ok(());
        }
    }
    g.stack.push(Value::Bool(false));
    Ok(())
}
