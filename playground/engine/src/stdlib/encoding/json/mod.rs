//! `encoding/json`: Go's API and error types are library Go (`json.go`);
//! walking values is native, over the runtime type descriptors (the
//! struct fields' names and tags that `rtype::TypeDesc::fields` carries
//! in programs importing this package, and the method tables, `*T`'s
//! included, that give `MarshalJSON` and `UnmarshalJSON`): `encode.rs`
//! (Go's encode.go), `decode.rs` (decode.go), `fields.rs` (`typeFields`),
//! `scanner.rs` and `indent.rs`. A native that fails fills the
//! program's `*failure`, which json.go turns into the error Go returns.

mod decode;
mod encode;
mod fields;
mod indent;
mod scanner;
#[cfg(test)]
mod tests;

use crate::rtype::{Kind, T_ANY, T_STRING, TypeDesc};
use crate::stdlib::{args, byte_slice, bytes_of, new_str, oom, pinned_args, str_of};
use crate::value::{Value, WHOLE};
use crate::vm::{Bytecode, GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "encoding/json.marshal" => marshal,
        "encoding/json.unmarshal" => unmarshal,
        "encoding/json.checkValid" => check_valid,
        "encoding/json.appendCompact" => append_compact,
        "encoding/json.appendIndent" => append_indent,
        "encoding/json.appendHTMLEscape" => append_html_escape,
        "encoding/json.valueEnd" => value_end,
        _ => return None,
    })
}

/// Whether `path` is this package (its programs' structs carry field
/// tags, `compile::Compiler::reflect`).
pub fn is(path: &str) -> bool {
    path == "encoding/json"
}

/// The runtime types `any` decodes into, when the program has not made
/// them itself.
pub fn add_runtime_types(bc: &mut Bytecode) {
    if !bc.lib_files.iter().any(|f| f.name == "encoding/json/json.go") {
        return;
    }
    if !bc.types.iter().any(|t| t.name == "map[string]interface {}") {
        bc.add_type(TypeDesc::new("map[string]interface {}", Kind::Map { key: T_STRING, val: T_ANY }, false, 8));
    }
    if !bc.types.iter().any(|t| t.name == "[]interface {}") {
        bc.add_type(TypeDesc::new("[]interface {}", Kind::Slice(T_ANY), false, 24));
    }
    // What `UseNumber` decodes numbers into; a program that names the
    // type made its own, with its methods.
    if !bc.types.iter().any(|t| t.name == "json.Number") {
        bc.add_type(TypeDesc::new("json.Number", Kind::String, true, 16));
    }
}

// The failure's fields, by position (json.go's `failure`).
const F_KIND: usize = 0;
const F_TYP: usize = 1;
const F_PTR: usize = 2;
const F_STR: usize = 3;
const F_OFFSET: usize = 4;
const F_STRUCT: usize = 5;
const F_FIELD: usize = 6;
const F_ERR: usize = 7;
const F_SRC: usize = 8;

// json.go's `fail*` kinds.
const FAIL_SYNTAX: i64 = 1;
const FAIL_UNSUPPORTED_TYPE: i64 = 2;
const FAIL_UNSUPPORTED_VALUE: i64 = 3;
const FAIL_MARSHALER: i64 = 4;
const FAIL_MARSHALER_SYNTAX: i64 = 5;
const FAIL_UNMARSHAL_TYPE: i64 = 6;
const FAIL_INVALID_UNMARSHAL: i64 = 7;
const FAIL_ERR: i64 = 8;
const FAIL_TEXT: i64 = 9;
const FAIL_MARSHALER_TEXT: i64 = 10;

/// Fills the program's `*failure` `f`: its kind and the string, bool,
/// int and error fields given.
fn fail(vm: &mut Vm, f: Value, kind: i64, strs: &[(usize, &str)], rest: &[(usize, Value)]) -> Result<(), Throw> {
    let Value::Ptr { obj, slot: WHOLE } = f else { return Ok(()) };
    let mut vals = vec![(F_KIND, Value::Int(kind))];
    for &(i, s) in strs {
        vals.push((i, new_str(vm, s.as_bytes())?));
    }
    vals.extend_from_slice(rest);
    for (i, v) in vals {
        vm.heap.store_slot(obj, i, v).map_err(oom)?;
    }
    Ok(())
}

fn syntax(vm: &mut Vm, f: Value, msg: &str, off: i64) -> Result<(), Throw> {
    fail(vm, f, FAIL_SYNTAX, &[(F_STR, msg)], &[(F_OFFSET, Value::Int(off))])
}

/// `marshal(v any, escapeHTML bool, f *failure) []byte`.
fn marshal(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let (v, esc, f) = (a.first().copied().unwrap_or_default(), a.get(1).is_some_and(|b| b.bool()), a.get(2).copied().unwrap_or_default());
    let r = encode::Encoder::new(vm, g, esc).marshal(v)?;
    match r {
        Ok(out) => {
            let b = byte_slice(vm, out)?;
            g.stack.push(b);
        }
        Err(e) => {
            use encode::Failure as E;
            match e {
                E::UnsupportedType(t) => fail(vm, f, FAIL_UNSUPPORTED_TYPE, &[(F_TYP, &t)], &[])?,
                E::UnsupportedValue(s) => fail(vm, f, FAIL_UNSUPPORTED_VALUE, &[(F_STR, &s)], &[])?,
                E::Marshaler { ty, err, src } => fail(vm, f, FAIL_MARSHALER, &[(F_TYP, &ty), (F_SRC, src)], &[(F_ERR, err)])?,
                E::MarshalerSyntax { ty, msg, off } => fail(vm, f, FAIL_MARSHALER_SYNTAX, &[(F_TYP, &ty), (F_STR, &msg)], &[(F_OFFSET, Value::Int(off))])?,
                // v2's `Number.MarshalJSONTo` refuses it.
                E::InvalidNumber(s) => {
                    let q = String::from_utf8_lossy(&crate::format::quote(s.as_bytes())).into_owned();
                    fail(vm, f, FAIL_MARSHALER_TEXT, &[(F_TYP, "*json.Number"), (F_SRC, "MarshalJSONTo"), (F_STR, &format!("cannot parse {q} as JSON number: invalid syntax"))], &[])?
                }
            }
            g.stack.push(Value::Nil);
        }
    }
    Ok(())
}

/// `unmarshal(data []byte, v any, useNumber, disallowUnknownFields bool, f *failure)`,
/// on data the scanner accepted.
fn unmarshal(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let data = bytes_of(vm, a.first().copied().unwrap_or_default());
    let (v, use_number, disallow, f) = (a.get(1).copied().unwrap_or_default(), a.get(2).is_some_and(|b| b.bool()), a.get(3).is_some_and(|b| b.bool()), a.get(4).copied().unwrap_or_default());
    let r = decode::Decoder::new(vm, g, data, use_number, disallow).unmarshal(v)?;
    use decode::Failure as D;
    match r {
        None => {}
        Some(D::Type { value, ty, offset, strct, field, err }) => {
            fail(vm, f, FAIL_UNMARSHAL_TYPE, &[(F_STR, &value), (F_TYP, &ty), (F_STRUCT, &strct), (F_FIELD, &field), (F_SRC, err.as_deref().unwrap_or(""))], &[(F_OFFSET, Value::Int(offset))])?
        }
        Some(D::Invalid(None)) => fail(vm, f, FAIL_INVALID_UNMARSHAL, &[], &[])?,
        Some(D::Invalid(Some((t, ptr)))) => fail(vm, f, FAIL_INVALID_UNMARSHAL, &[(F_TYP, &t)], &[(F_PTR, Value::Bool(ptr))])?,
        Some(D::Err(e)) => fail(vm, f, FAIL_ERR, &[], &[(F_ERR, e)])?,
        Some(D::Text(s)) => fail(vm, f, FAIL_TEXT, &[(F_STR, &s)], &[])?,
    }
    Ok(())
}

/// `checkValid(data []byte, f *failure) bool`.
fn check_valid(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let data = bytes_of(vm, a.first().copied().unwrap_or_default());
    let ok = match scanner::check_valid(&data) {
        Ok(()) => true,
        Err((msg, off)) => {
            syntax(vm, a.get(1).copied().unwrap_or_default(), &msg, off)?;
            false
        }
    };
    g.stack.push(Value::Bool(ok));
    Ok(())
}

/// `appendCompact(dst, src []byte, escape bool, f *failure) []byte`.
fn append_compact(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let mut dst = bytes_of(vm, a.first().copied().unwrap_or_default());
    let src = bytes_of(vm, a.get(1).copied().unwrap_or_default());
    if let Err((msg, off)) = indent::append_compact(&mut dst, &src, a.get(2).is_some_and(|b| b.bool())) {
        syntax(vm, a.get(3).copied().unwrap_or_default(), &msg, off)?;
    }
    let b = byte_slice(vm, dst)?;
    g.stack.push(b);
    Ok(())
}

/// `appendIndent(dst, src []byte, prefix, indent string, f *failure) []byte`.
fn append_indent(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let mut dst = bytes_of(vm, a.first().copied().unwrap_or_default());
    let src = bytes_of(vm, a.get(1).copied().unwrap_or_default());
    let prefix = str_of(vm, a.get(2).copied().unwrap_or_default());
    let ind = str_of(vm, a.get(3).copied().unwrap_or_default());
    let limit = vm.heap.budget() as usize;
    match indent::append_indent(&mut dst, &src, &prefix, &ind, limit) {
        Ok(()) => {}
        Err(indent::IndentError::Syntax(msg, off)) => syntax(vm, a.get(4).copied().unwrap_or_default(), &msg, off)?,
        Err(indent::IndentError::TooBig) => {
            return Err(oom(crate::heap::HeapError::OutOfMemory { requested: limit as u64, budget: limit as u64 }));
        }
    }
    let b = byte_slice(vm, dst)?;
    g.stack.push(b);
    Ok(())
}

/// `appendHTMLEscape(dst, src []byte) []byte`.
fn append_html_escape(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let mut dst = bytes_of(vm, a.first().copied().unwrap_or_default());
    let src = bytes_of(vm, a.get(1).copied().unwrap_or_default());
    indent::append_html_escape(&mut dst, &src);
    let b = byte_slice(vm, dst)?;
    g.stack.push(b);
    Ok(())
}

/// `valueEnd(buf []byte, atEOF bool, f *failure) int`.
fn value_end(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let buf = bytes_of(vm, a.first().copied().unwrap_or_default());
    let n = match scanner::value_end(&buf, a.get(1).is_some_and(|b| b.bool())) {
        Ok(Some(n)) => n as i64,
        Ok(None) => -1,
        Err((msg, off)) => {
            syntax(vm, a.get(2).copied().unwrap_or_default(), &msg, off)?;
            -2
        }
    };
    g.stack.push(Value::Int(n));
    Ok(())
}
