//! `strconv`: parsing and formatting (`crate::format` does the work, as
//! Go's algorithms), its `*NumError`s and its error values (`ErrSyntax`,
//! `ErrRange`, one per run).

use super::errors::error_text;
use super::{args, field_of_recv, new_iface, new_str, oom, package_error, recv_obj, str1, str_of, type_named};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "strconv.(*NumError).Error" => num_error_text,
        "strconv.(*NumError).Unwrap" => |vm, g, n| field_of_recv(vm, g, n, 2),
        "strconv.ParseUint" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let base = a.get(1).map_or(10, |v| v.int());
            let bits = a.get(2).map_or(64, |v| v.int());
            let r = crate::format::parse_uint(&s, base, bits).map(|v| v as i64).map_err(|(v, e)| (v as i64, e));
            push_int_result(vm, g, r)
        },
        "strconv.Unquote" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            match crate::format::unquote(&s) {
                Ok(b) => {
                    let v = new_str(vm, &b)?;
                    g.stack.push(v);
                    g.stack.push(Value::Nil);
                }
                Err(_) => {
                    g.stack.push(Value::EMPTY_STRING);
                    let e = syntax_error(vm)?;
                    g.stack.push(e);
                }
            }
            Ok(())
        },
        "strconv.ErrRange" => |vm, g, _n| {
            let e = range_error(vm)?;
            g.stack.push(e);
            Ok(())
        },
        "strconv.ErrSyntax" => |vm, g, _n| {
            let e = syntax_error(vm)?;
            g.stack.push(e);
            Ok(())
        },
        "strconv.AppendInt" => |vm, g, n| {
            let a = args(g, n);
            let s = crate::format::format_int(a.get(1).map_or(0, |v| v.int()), a.get(2).map_or(10, |v| v.int())).unwrap_or_default();
            let v = super::append_to_bytes(vm, a.first().copied().unwrap_or_default(), s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "strconv.Atoi" => strconv_atoi,
        "strconv.ParseInt" => strconv_parse_int,
        "strconv.ParseFloat" => strconv_parse_float,
        "strconv.ParseBool" => strconv_parse_bool,
        "strconv.FormatInt" => strconv_format_int,
        "strconv.FormatBool" => |vm, g, n| {
            let a = args(g, n);
            let v = new_str(vm, if a.first().is_some_and(|b| b.bool()) { b"true" } else { b"false" })?;
            g.stack.push(v);
            Ok(())
        },
        "strconv.FormatFloat" => strconv_format_float,
        "strconv.FormatComplex" => strconv_format_complex,
        "strconv.ParseComplex" => strconv_parse_complex,
        "strconv.QuoteRune" => |vm, g, n| {
            let a = args(g, n);
            let q = crate::format::quote_rune(a.first().map_or(0, |v| v.int()) as u32);
            let v = new_str(vm, &q)?;
            g.stack.push(v);
            Ok(())
        },
        "strconv.Itoa" => strconv_itoa,
        "strconv.Quote" => |vm, g, n| str1(vm, g, n, |a| super::fmt::quote(a).into_bytes()),
        "strconv.FormatUint" => |vm, g, n| {
            let a = args(g, n);
            let s = crate::format::format_uint(a.first().map_or(0, |v| v.int()) as u64, a.get(1).map_or(10, |v| v.int())).unwrap_or_default();
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "strconv.QuoteToASCII" => |vm, g, n| {
            let a = args(g, n);
            let q = crate::format::quote_to_ascii(&str_of(vm, a.first().copied().unwrap_or_default()));
            let v = new_str(vm, &q)?;
            g.stack.push(v);
            Ok(())
        },
        _ => return None,
    })
}

fn num_error_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let Some(h) = recv_obj(vm, a.first().copied().unwrap_or_default()) else { return Err(super::fatal_nil_deref()) };
    let f = vm.heap.slots(h).first().copied().unwrap_or_default();
    let num = vm.heap.slots(h).get(1).copied().unwrap_or_default();
    let e = vm.heap.slots(h).get(2).copied().unwrap_or_default();
    let mut out = b"strconv.".to_vec();
    out.extend(str_of(vm, f));
    out.extend_from_slice(b": parsing ");
    out.extend(crate::format::quote(&str_of(vm, num)));
    out.extend_from_slice(b": ");
    out.extend(error_text(vm, g, e)?);
    let v = new_str(vm, &out)?;
    g.stack.push(v);
    Ok(())
}

/// A `*strconv.NumError` for a failed parse.
fn num_error(vm: &mut Vm, e: crate::format::NumError) -> Result<Value, Throw> {
    let f = new_str(vm, e.func.as_bytes())?;
    let num = new_str(vm, &e.num)?;
    let err = match &e.err {
        crate::format::NumErrKind::Syntax => syntax_error(vm)?,
        crate::format::NumErrKind::Range => range_error(vm)?,
        other => {
            let text = match other {
                crate::format::NumErrKind::Base(b) => format!("invalid base {b}"),
                o => format!("{o:?}"),
            };
            let t = new_str(vm, text.as_bytes())?;
            let eh = vm.heap.alloc_slots(vec![t], 16).map_err(oom)?;
            let etid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
            new_iface(vm, etid, Value::Ptr { obj: eh, slot: WHOLE })?
        }
    };
    let h = vm.heap.alloc_slots(vec![f, num, err], 48).map_err(oom)?;
    let tid = type_named(vm, "*strconv.NumError").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })
}

fn push_int_result(vm: &mut Vm, g: &mut GState, r: Result<i64, (i64, crate::format::NumError)>) -> Result<(), Throw> {
    match r {
        Ok(v) => {
            g.stack.push(Value::Int(v));
            g.stack.push(Value::Nil);
        }
        Err((v, e)) => {
            let e = num_error(vm, e)?;
            g.stack.push(Value::Int(v));
            g.stack.push(e);
        }
    }
    Ok(())
}

fn strconv_atoi(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    push_int_result(vm, g, crate::format::atoi(&s))
}

fn strconv_parse_int(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let base = a.get(1).map_or(10, |v| v.int());
    let bits = a.get(2).map_or(64, |v| v.int());
    push_int_result(vm, g, crate::format::parse_int(&s, base, bits))
}

fn strconv_parse_float(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let bits = a.get(1).map_or(64, |v| v.int());
    match crate::format::parse_float(&s, bits) {
        Ok(f) => {
            g.stack.push(Value::Float(f));
            g.stack.push(Value::Nil);
        }
        Err((f, e)) => {
            let e = num_error(vm, e)?;
            g.stack.push(Value::Float(f));
            g.stack.push(e);
        }
    }
    Ok(())
}

fn strconv_parse_bool(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    match crate::format::parse_bool(&s) {
        Ok(b) => {
            g.stack.push(Value::Bool(b));
            g.stack.push(Value::Nil);
        }
        Err(e) => {
            let e = num_error(vm, e)?;
            g.stack.push(Value::Bool(false));
            g.stack.push(e);
        }
    }
    Ok(())
}

fn strconv_format_int(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let i = a.first().map_or(0, |v| v.int());
    let base = a.get(1).map_or(10, |v| v.int());
    match crate::format::format_int(i, base) {
        Ok(s) => {
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        }
        Err(m) => {
            let msg = new_str(vm, m.as_bytes())?;
            Err(Throw::Panic(new_iface(vm, crate::rtype::T_STRING, msg)?))
        }
    }
}

fn strconv_format_float(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let f = a.first().map_or(0.0, |v| v.float());
    let fmt = a.get(1).map_or(b'g' as i64, |v| v.int()) as u8;
    let prec = a.get(2).map_or(-1, |v| v.int());
    let bits = a.get(3).map_or(64, |v| v.int());
    // As many digits as asked for, which Go allocates: within the budget.
    vm.heap.reserve((prec.max(0) as u64).saturating_add(32)).map_err(super::oom)?;
    let s = crate::format::format_float(f, fmt, prec, bits as u32);
    let v = new_str(vm, s.as_ref())?;
    g.stack.push(v);
    Ok(())
}

fn strconv_format_complex(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let (re, im) = a.first().map_or((0.0, 0.0), |v| v.complex());
    let fmt = a.get(1).map_or(b'g' as i64, |v| v.int()) as u8;
    let prec = a.get(2).map_or(-1, |v| v.int());
    let bits = a.get(3).map_or(128, |v| v.int());
    if bits != 64 && bits != 128 {
        return Err(super::panic_str(vm, b"invalid bitSize"));
    }
    vm.heap.reserve((prec.max(0) as u64).saturating_mul(2).saturating_add(64)).map_err(super::oom)?;
    let s = crate::format::format_complex(re, im, fmt, prec, bits as u32);
    let v = new_str(vm, &s)?;
    g.stack.push(v);
    Ok(())
}

fn strconv_parse_complex(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let bits = a.get(1).map_or(128, |v| v.int());
    match crate::format::parse_complex(&s, bits) {
        Ok((re, im)) => {
            g.stack.push(Value::from_complex(re, im));
            g.stack.push(Value::Nil);
        }
        Err(((re, im), e)) => {
            let e = num_error(vm, e)?;
            g.stack.push(Value::from_complex(re, im));
            g.stack.push(e);
        }
    }
    Ok(())
}

fn strconv_itoa(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = new_str(vm, a.first().map_or(0, |v| v.int()).to_string().as_bytes())?;
    g.stack.push(v);
    Ok(())
}

/// `strconv.ErrSyntax`: one value per run (kept in a scratch global).
fn syntax_error(vm: &mut Vm) -> Result<Value, Throw> {
    package_error(vm, super::SCRATCH_ERR_SYNTAX, b"invalid syntax")
}

fn range_error(vm: &mut Vm) -> Result<Value, Throw> {
    package_error(vm, super::SCRATCH_ERR_RANGE, b"value out of range")
}
