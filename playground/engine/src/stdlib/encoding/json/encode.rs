//! Go's `encoding/json/encode.go` over the runtime type descriptors:
//! `Marshal`'s walk of a value, with a stack of its own (values nest as
//! deep as the heap allows, and a cycle through pointers, maps or slices
//! is found after 1,000 levels as Go finds it), Go's key order for maps,
//! its float and string forms, and the learner's `MarshalJSON` and
//! `MarshalText` methods called through `stdlib::call_go`.

use super::fields::{Field, type_fields};
use super::indent::append_compact;
use crate::rtype::{Kind, TypeDesc};
use crate::stdlib::{bytes_of, call_method_with, oom, pin};
use crate::value::{Handle, Value, WHOLE};
use crate::vm::{GState, Throw, Vm};
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// Why `Marshal` failed, as the error Go returns (built in json.go).
pub(crate) enum Failure {
    /// `*UnsupportedTypeError` for this type.
    UnsupportedType(String),
    /// `*UnsupportedValueError` with this text.
    UnsupportedValue(String),
    /// `*MarshalerError`: the method's error, the type, the method.
    Marshaler { ty: String, err: Value, src: &'static str },
    /// `*MarshalerError` over a `*SyntaxError` in what `MarshalJSON` returned.
    MarshalerSyntax { ty: String, msg: String, off: i64 },
    /// `json: invalid number literal %q`.
    InvalidNumber(String),
}

/// Go's `startDetectingCyclesAfter`.
const START_DETECTING_CYCLES_AFTER: u32 = 1000;

enum Task {
    /// Text to write.
    Raw(Vec<u8>),
    Byte(u8),
    /// A value of runtime type `tid`; `place` is where it lives when it is
    /// addressable (a pointer to it calls pointer methods).
    Val { v: Value, tid: u32, place: Option<(Handle, u32)>, quoted: bool },
    /// Leaving a pointer, map or slice: one level less.
    Leave(Option<(u8, u32, u32, u32)>),
    /// Into a member or element, and out of it: the JSON pointer an
    /// error names.
    Seg(Seg),
    Unseg,
}

/// A step of a JSON pointer.
enum Seg {
    Name(Rc<str>),
    Index(u32),
}

pub(crate) struct Encoder<'a> {
    vm: &'a mut Vm,
    g: &'a mut GState,
    escape_html: bool,
    prog: Rc<crate::vm::Bytecode>,
    fields: FxHashMap<u32, Rc<Vec<Field>>>,
    ptr_level: u32,
    ptr_seen: Vec<(u8, u32, u32, u32)>,
    /// Method name ids (None when no type has the method).
    marshal_json: Option<u32>,
    marshal_text: Option<u32>,
    /// `*T`'s runtime type for a `T`, found once.
    ptr_types: FxHashMap<u32, Option<u32>>,
    /// The JSON pointer to the value being written.
    path: Vec<Seg>,
}

fn method_id(prog: &crate::vm::Bytecode, name: &str) -> Option<u32> {
    prog.method_names.iter().position(|n| n == name).map(|i| i as u32)
}

/// The runtime type of `*T` for `T`, if the program has it.
pub(crate) fn ptr_type(types: &[TypeDesc], t: u32) -> Option<u32> {
    types.iter().position(|d| matches!(d.kind, Kind::Ptr(e) if e == t)).map(|i| i as u32)
}

/// A pointer to the value at `place` (an aggregate is its own object).
pub(crate) fn ptr_to(v: Value, place: (Handle, u32)) -> Value {
    match v {
        Value::Agg(h) => Value::Ptr { obj: h, slot: WHOLE },
        _ => Value::Ptr { obj: place.0, slot: place.1 },
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Go's `appendString` as v2's encoder writes it: invalid UTF-8 becomes
/// U+FFFD itself (v1 wrote `\ufffd`).
pub(crate) fn append_string(dst: &mut Vec<u8>, src: &[u8], escape_html: bool) {
    dst.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        if b < 0x80 {
            let html_safe = b >= 0x20 && b != b'"' && b != b'\\' && b != b'<' && b != b'>' && b != b'&';
            let safe = b >= 0x20 && b != b'"' && b != b'\\';
            if html_safe || (!escape_html && safe) {
                i += 1;
                continue;
            }
            dst.extend_from_slice(&src[start..i]);
            match b {
                b'\\' | b'"' => dst.extend_from_slice(&[b'\\', b]),
                0x08 => dst.extend_from_slice(b"\\b"),
                0x0c => dst.extend_from_slice(b"\\f"),
                b'\n' => dst.extend_from_slice(b"\\n"),
                b'\r' => dst.extend_from_slice(b"\\r"),
                b'\t' => dst.extend_from_slice(b"\\t"),
                _ => dst.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xF) as usize]]),
            }
            i += 1;
            start = i;
            continue;
        }
        let (c, size) = crate::format::decode_rune(&src[i..]);
        if c == 0xFFFD && size == 1 {
            dst.extend_from_slice(&src[start..i]);
            dst.extend_from_slice("\u{FFFD}".as_bytes());
            i += 1;
            start = i;
            continue;
        }
        if c == 0x2028 || c == 0x2029 {
            dst.extend_from_slice(&src[start..i]);
            dst.extend_from_slice(&[b'\\', b'u', b'2', b'0', b'2', HEX[(c & 0xF) as usize]]);
            i += size;
            start = i;
            continue;
        }
        i += size.max(1);
    }
    dst.extend_from_slice(&src[start.min(src.len())..]);
    dst.push(b'"');
}

/// Go's `floatEncoder`: `None` for NaN and infinities.
pub(crate) fn append_float(dst: &mut Vec<u8>, f: f64, bits: u32) -> Result<(), String> {
    if f.is_nan() || f.is_infinite() {
        return Err(String::from_utf8_lossy(&crate::format::format_float(f, b'g', -1, bits)).into_owned());
    }
    let abs = f.abs();
    let mut fmt = b'f';
    if abs != 0.0 && (bits == 64 && (!(1e-6..1e21).contains(&abs)) || bits == 32 && (!(1e-6..1e21).contains(&(abs as f32)))) {
        fmt = b'e';
    }
    let mut b = crate::format::format_float(f, fmt, -1, bits);
    if fmt == b'e' {
        // clean up e-09 to e-9
        let n = b.len();
        if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
            b[n - 2] = b[n - 1];
            b.truncate(n - 1);
        }
    }
    dst.extend_from_slice(&b);
    Ok(())
}

/// Standard base64 with padding, as `[]byte` encodes.
pub(crate) fn base64(src: &[u8]) -> Vec<u8> {
    const ENC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(src.len().div_ceil(3) * 4);
    for chunk in src.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        out.push(ENC[(n >> 18) as usize & 63]);
        out.push(ENC[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { ENC[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { ENC[n as usize & 63] } else { b'=' });
    }
    out
}

/// Go's `isValidNumber` (a `json.Number`'s text).
pub(crate) fn valid_number(s: &[u8]) -> bool {
    let mut s = s;
    if s.is_empty() {
        return false;
    }
    if s[0] == b'-' {
        s = &s[1..];
        if s.is_empty() {
            return false;
        }
    }
    match s[0] {
        b'0' => s = &s[1..],
        b'1'..=b'9' => {
            s = &s[1..];
            while !s.is_empty() && s[0].is_ascii_digit() {
                s = &s[1..];
            }
        }
        _ => return false,
    }
    if s.len() >= 2 && s[0] == b'.' && s[1].is_ascii_digit() {
        s = &s[2..];
        while !s.is_empty() && s[0].is_ascii_digit() {
            s = &s[1..];
        }
    }
    if s.len() >= 2 && (s[0] == b'e' || s[0] == b'E') {
        s = &s[1..];
        if s[0] == b'+' || s[0] == b'-' {
            s = &s[1..];
            if s.is_empty() {
                return false;
            }
        }
        while !s.is_empty() && s[0].is_ascii_digit() {
            s = &s[1..];
        }
    }
    s.is_empty()
}

impl<'a> Encoder<'a> {
    pub(crate) fn new(vm: &'a mut Vm, g: &'a mut GState, escape_html: bool) -> Encoder<'a> {
        let types = vm.program().clone();
        let marshal_json = method_id(&types, "MarshalJSON");
        let marshal_text = method_id(&types, "MarshalText");
        Encoder { vm, g, escape_html, prog: types, fields: FxHashMap::default(), ptr_level: 0, ptr_seen: Vec::new(), marshal_json, marshal_text, ptr_types: FxHashMap::default(), path: Vec::new() }
    }

    fn desc(&self, t: u32) -> Option<&TypeDesc> {
        self.prog.types.get(t as usize)
    }

    fn name(&self, t: u32) -> String {
        self.desc(t).map_or_else(String::new, |d| d.name.clone())
    }

    fn has(&self, t: u32, m: Option<u32>) -> bool {
        m.is_some_and(|m| self.desc(t).is_some_and(|d| d.method(m).is_some()))
    }

    fn ptr_of(&mut self, t: u32) -> Option<u32> {
        if let Some(&p) = self.ptr_types.get(&t) {
            return p;
        }
        let p = ptr_type(&self.prog.types, t);
        self.ptr_types.insert(t, p);
        p
    }

    pub(crate) fn fields(&mut self, t: u32) -> Rc<Vec<Field>> {
        if let Some(f) = self.fields.get(&t) {
            return f.clone();
        }
        let f = Rc::new(type_fields(&self.prog.types, t));
        self.fields.insert(t, f.clone());
        f
    }

    /// Calls method `m` of `recv` (of type `t`) for `([]byte, error)`.
    fn call(&mut self, t: u32, recv: Value, m: u32, stack: &[Task]) -> Result<(Vec<u8>, Value), Throw> {
        // What the walk still holds stays alive while Go code runs.
        let held: Vec<Value> = stack.iter().filter_map(|t| if let Task::Val { v, .. } = t { Some(*v) } else { None }).chain([recv]).collect();
        let _pin = pin(&held);
        crate::stdlib::calling_as(self.vm, false, 0);
        let res = match call_method_with(self.vm, self.g, t, recv, m, &[], 2) {
            Some(r) => r?,
            None => return Ok((Vec::new(), Value::Nil)),
        };
        let b = res.first().copied().unwrap_or_default();
        Ok((bytes_of(self.vm, b), res.get(1).copied().unwrap_or_default()))
    }

    /// `Marshal(v)`: the text, or why not.
    pub(crate) fn marshal(&mut self, v: Value) -> Result<Result<Vec<u8>, Failure>, Throw> {
        let mut out = Vec::new();
        let mut stack = Vec::new();
        match v {
            Value::Iface { tid, obj } => {
                let inner = self.vm.heap.cell(obj);
                stack.push(Task::Val { v: inner, tid, place: None, quoted: false });
            }
            _ => out.extend_from_slice(b"null"),
        }
        let budget = self.vm.heap.budget() as usize;
        while let Some(task) = stack.pop() {
            if out.len() > budget {
                return Err(oom(crate::heap::HeapError::OutOfMemory { requested: out.len() as u64, budget: budget as u64 }));
            }
            match task {
                Task::Raw(b) => out.extend_from_slice(&b),
                Task::Byte(b) => out.push(b),
                Task::Seg(s) => self.path.push(s),
                Task::Unseg => {
                    self.path.pop();
                }
                Task::Leave(key) => {
                    self.ptr_level = self.ptr_level.saturating_sub(1);
                    if let Some(k) = key {
                        self.ptr_seen.retain(|&s| s != k);
                    }
                }
                Task::Val { v, tid, place, quoted } => {
                    if let Err(f) = self.value(&mut out, &mut stack, v, tid, place, quoted)? {
                        return Ok(Err(f));
                    }
                }
            }
        }
        Ok(Ok(out))
    }

    /// One level deeper through a pointer, map or slice (Go's `ptrLevel`),
    /// looking for a cycle once past 1,000.
    fn enter(&mut self, stack: &mut Vec<Task>, key: (u8, u32, u32, u32), tid: u32) -> Result<(), Failure> {
        self.ptr_level += 1;
        if self.ptr_level > START_DETECTING_CYCLES_AFTER {
            if self.ptr_seen.contains(&key) {
                return Err(Failure::UnsupportedValue(format!("encountered a cycle via {}", self.name(tid))));
            }
            self.ptr_seen.push(key);
            stack.push(Task::Leave(Some(key)));
        } else {
            stack.push(Task::Leave(None));
        }
        Ok(())
    }

    fn value(&mut self, out: &mut Vec<u8>, stack: &mut Vec<Task>, v: Value, tid: u32, place: Option<(Handle, u32)>, quoted: bool) -> Result<Result<(), Failure>, Throw> {
        let types = self.prog.clone();
        let Some(d) = types.types.get(tid as usize) else {
            out.extend_from_slice(b"null");
            return Ok(Ok(()));
        };
        let is_ptr = matches!(d.kind, Kind::Ptr(_));
        // Marshalers first, in Go's order: a pointer method of an
        // addressable value, the type's own, then the same for text.
        for (m, text) in [(self.marshal_json, false), (self.marshal_text, true)] {
            let Some(mid) = m else { continue };
            let mut target = None;
            if !is_ptr
                && let Some(p) = place
                && let Some(pt) = self.ptr_of(tid)
                && self.has(pt, m)
            {
                target = Some((pt, ptr_to(v, p)));
            }
            if target.is_none() && self.has(tid, m) {
                target = Some((tid, v));
            }
            let Some((mt, recv)) = target else { continue };
            if (is_ptr || matches!(d.kind, Kind::Interface(_))) && recv == Value::Nil {
                out.extend_from_slice(b"null");
                return Ok(Ok(()));
            }
            let (b, err) = self.call(mt, recv, mid, stack)?;
            let src = if text { "MarshalText" } else { "MarshalJSON" };
            // v2 calls methods on an addressable copy: the error names the
            // pointer type.
            let ty = if is_ptr { d.name.clone() } else { format!("*{}", d.name) };
            if err != Value::Nil {
                return Ok(Err(Failure::Marshaler { ty, err, src }));
            }
            if text {
                append_string(out, &b, self.escape_html);
            } else if let Err((msg, off)) = append_compact(out, &b, self.escape_html) {
                return Ok(Err(Failure::MarshalerSyntax { ty, msg, off }));
            }
            return Ok(Ok(()));
        }
        let q = |out: &mut Vec<u8>| {
            if quoted {
                out.push(b'"')
            }
        };
        match &d.kind {
            Kind::Bool => {
                q(out);
                out.extend_from_slice(if v.bool() { b"true" } else { b"false" });
                q(out);
            }
            Kind::Int(k) => {
                q(out);
                if k.is_unsigned() {
                    out.extend_from_slice((v.int() as u64).to_string().as_bytes());
                } else {
                    out.extend_from_slice(v.int().to_string().as_bytes());
                }
                q(out);
            }
            Kind::Float32 | Kind::Float64 => {
                let bits = if matches!(d.kind, Kind::Float32) { 32 } else { 64 };
                q(out);
                if let Err(s) = append_float(out, v.float(), bits) {
                    return Ok(Err(Failure::UnsupportedValue(s)));
                }
                q(out);
            }
            Kind::String => {
                let s = self.vm.heap.str_bytes(v).to_vec();
                if d.name == "json.Number" {
                    let s = if s.is_empty() { b"0".to_vec() } else { s };
                    if !valid_number(&s) {
                        return Ok(Err(Failure::InvalidNumber(String::from_utf8_lossy(&s).into_owned())));
                    }
                    q(out);
                    out.extend_from_slice(&s);
                    q(out);
                } else if quoted {
                    let mut inner = Vec::new();
                    append_string(&mut inner, &s, self.escape_html);
                    append_string(out, &inner, false);
                } else {
                    append_string(out, &s, self.escape_html);
                }
            }
            Kind::Complex64 | Kind::Complex128 | Kind::Chan | Kind::Func => return Ok(Err(Failure::UnsupportedType(d.name.clone()))),
            Kind::Interface(_) => match v {
                Value::Iface { tid: dt, obj } => {
                    let inner = self.vm.heap.cell(obj);
                    stack.push(Task::Val { v: inner, tid: dt, place: None, quoted: false });
                }
                _ => out.extend_from_slice(b"null"),
            },
            &Kind::Ptr(elem) => {
                let (obj, slot) = match v {
                    Value::Ptr { obj, slot } => (obj, slot),
                    // An array pointer into a slice's backing array.
                    Value::Slice { obj, off, len, .. } => {
                        let vals = self.vm.heap.elems(obj, off as usize, len as usize);
                        let et = match types.types.get(elem as usize).map(|t| &t.kind) {
                            Some(&Kind::Array { elem, .. }) => elem,
                            _ => elem,
                        };
                        if let Err(f) = self.enter(stack, (0, obj, off, 0), tid) {
                            return Ok(Err(f));
                        }
                        self.seq(out, stack, &vals, et, Some((obj, off)));
                        return Ok(Ok(()));
                    }
                    _ => {
                        out.extend_from_slice(b"null");
                        return Ok(Ok(()));
                    }
                };
                if let Err(f) = self.enter(stack, (0, obj, slot, 0), tid) {
                    return Ok(Err(f));
                }
                let pv = if slot == WHOLE { Value::Agg(obj) } else { self.vm.heap.elem(obj, slot as usize) };
                stack.push(Task::Val { v: pv, tid: elem, place: Some((obj, slot)), quoted });
            }
            Kind::Struct(_) => {
                let Value::Agg(h) = v else {
                    out.extend_from_slice(b"{}");
                    return Ok(Ok(()));
                };
                let fields = self.fields(tid);
                let mut items: Vec<Task> = Vec::new();
                let mut first = true;
                'fields: for f in fields.iter() {
                    // Down the index path; a nil embedded pointer hides its fields.
                    let (mut obj, mut cur_t) = (h, tid);
                    let mut fv = Value::Agg(h);
                    let mut fplace = None;
                    let mut addressable = place.is_some();
                    for (depth, &i) in f.index.iter().enumerate() {
                        if depth > 0 {
                            match fv {
                                Value::Agg(x) => obj = x,
                                Value::Ptr { obj: x, slot: WHOLE } => {
                                    obj = x;
                                    addressable = true;
                                    if let Some(Kind::Ptr(e)) = types.types.get(cur_t as usize).map(|t| &t.kind) {
                                        cur_t = *e;
                                    }
                                }
                                _ => continue 'fields,
                            }
                        }
                        let ft = match types.types.get(cur_t as usize).map(|t| &t.kind) {
                            Some(Kind::Struct(fs)) => fs.get(i as usize).copied().unwrap_or(0),
                            _ => continue 'fields,
                        };
                        fv = self.vm.heap.elem(obj, i as usize);
                        fplace = addressable.then_some((obj, i));
                        cur_t = ft;
                    }
                    if f.omit_empty && self.is_empty(fv, f.tid) {
                        continue;
                    }
                    if f.omit_zero && self.is_zero(fv, f.tid) {
                        continue;
                    }
                    let mut key = vec![if first { b'{' } else { b',' }];
                    first = false;
                    append_string(&mut key, f.name.as_bytes(), self.escape_html);
                    key.push(b':');
                    items.push(Task::Raw(key));
                    items.push(Task::Seg(Seg::Name(f.name.as_str().into())));
                    items.push(Task::Val { v: fv, tid: f.tid, place: fplace, quoted: f.quoted });
                    items.push(Task::Unseg);
                }
                if first {
                    out.push(b'{');
                }
                stack.push(Task::Byte(b'}'));
                stack.extend(items.into_iter().rev());
            }
            &Kind::Map { key, val } => {
                let Value::Map(h) = v else {
                    out.extend_from_slice(b"null");
                    return Ok(Ok(()));
                };
                let kd = types.types.get(key as usize);
                let key_ok = matches!(kd.map(|t| &t.kind), Some(Kind::String | Kind::Int(_) | Kind::Float32 | Kind::Float64)) || self.has(key, self.marshal_text);
                if !key_ok && self.vm.heap.map_len(v) > 0 {
                    // v2 writes the key as a value, which jsontext refuses
                    // as a name, after the `{`.
                    let within = if self.path.is_empty() { String::new() } else { format!(" within {}", String::from_utf8_lossy(&crate::format::quote(self.pointer().as_bytes()))) };
                    return Ok(Err(Failure::UnsupportedValue(format!("jsontext: object member name must be a string{within} after offset {}", out.len() + 2))));
                }
                if let Err(f) = self.enter(stack, (1, h, 0, 0), tid) {
                    return Ok(Err(f));
                }
                let mut entries = Vec::new();
                if let Ok(it) = self.vm.heap.map_iter(v, 0) {
                    while let Ok(Some(kv)) = self.vm.heap.map_next(&types.types, it) {
                        entries.push(kv);
                    }
                }
                let mut named: Vec<(Vec<u8>, Value)> = Vec::new();
                for (k, x) in entries {
                    let ks = match kd.map(|t| &t.kind) {
                        Some(Kind::String) => self.vm.heap.str_bytes(k).to_vec(),
                        _ if self.has(key, self.marshal_text) => {
                            let is_nil_ptr = matches!(kd.map(|t| &t.kind), Some(Kind::Ptr(_))) && k == Value::Nil;
                            if is_nil_ptr {
                                Vec::new()
                            } else {
                                let Some(mid) = self.marshal_text else { continue };
                                let (b, err) = self.call(key, k, mid, stack)?;
                                if err != Value::Nil {
                                    return Ok(Err(Failure::Marshaler { ty: self.name(key), err, src: "MarshalText" }));
                                }
                                b
                            }
                        }
                        Some(Kind::Int(ik)) if ik.is_unsigned() => (k.int() as u64).to_string().into_bytes(),
                        Some(Kind::Float32 | Kind::Float64) => {
                            let mut b = Vec::new();
                            let bits = if matches!(kd.map(|t| &t.kind), Some(Kind::Float32)) { 32 } else { 64 };
                            if let Err(s) = append_float(&mut b, k.float(), bits) {
                                return Ok(Err(Failure::UnsupportedValue(s)));
                            }
                            b
                        }
                        _ => k.int().to_string().into_bytes(),
                    };
                    named.push((ks, x));
                }
                named.sort_by(|a, b| a.0.cmp(&b.0));
                let mut items = Vec::new();
                for (i, (ks, x)) in named.into_iter().enumerate() {
                    let mut kb = vec![if i == 0 { b'{' } else { b',' }];
                    append_string(&mut kb, &ks, self.escape_html);
                    kb.push(b':');
                    items.push(Task::Raw(kb));
                    items.push(Task::Seg(Seg::Name(String::from_utf8_lossy(&ks).into())));
                    items.push(Task::Val { v: x, tid: val, place: None, quoted: false });
                    items.push(Task::Unseg);
                }
                if items.is_empty() {
                    out.push(b'{');
                }
                stack.push(Task::Byte(b'}'));
                stack.extend(items.into_iter().rev());
            }
            &Kind::Slice(elem) => {
                let Value::Slice { obj, off, len, .. } = v else {
                    out.extend_from_slice(b"null");
                    return Ok(Ok(()));
                };
                let byte_elems = matches!(types.types.get(elem as usize).map(|t| &t.kind), Some(Kind::Int(crate::value::IntKind::U8)));
                let elem_marshals = self.has(elem, self.marshal_json) || self.has(elem, self.marshal_text) || self.ptr_of(elem).is_some_and(|p| self.has(p, self.marshal_json) || self.has(p, self.marshal_text));
                if byte_elems && !elem_marshals {
                    let b = bytes_of(self.vm, v);
                    out.push(b'"');
                    out.extend_from_slice(&base64(&b));
                    out.push(b'"');
                    return Ok(Ok(()));
                }
                if let Err(f) = self.enter(stack, (2, obj, off, len), tid) {
                    return Ok(Err(f));
                }
                let vals = self.vm.heap.elems(obj, off as usize, len as usize);
                self.seq(out, stack, &vals, elem, Some((obj, off)));
            }
            &Kind::Array { elem, .. } => {
                let Value::Agg(h) = v else {
                    out.extend_from_slice(b"[]");
                    return Ok(Ok(()));
                };
                let vals = self.vm.heap.slots(h).to_vec();
                self.seq(out, stack, &vals, elem, place.map(|_| (h, 0)));
            }
        }
        Ok(Ok(()))
    }

    /// `[a,b,...]` of elements of type `elem`, which live in object
    /// `at.0` from slot `at.1` on when addressable.
    fn seq(&mut self, out: &mut Vec<u8>, stack: &mut Vec<Task>, vals: &[Value], elem: u32, at: Option<(Handle, u32)>) {
        if vals.is_empty() {
            out.extend_from_slice(b"[]");
            return;
        }
        out.push(b'[');
        stack.push(Task::Byte(b']'));
        for (i, &x) in vals.iter().enumerate().rev() {
            stack.push(Task::Unseg);
            stack.push(Task::Val { v: x, tid: elem, place: at.map(|(h, o)| (h, o + i as u32)), quoted: false });
            stack.push(Task::Seg(Seg::Index(i as u32)));
            if i > 0 {
                stack.push(Task::Byte(b','));
            }
        }
    }

    /// The JSON pointer to the value being written (`/M/0`).
    fn pointer(&self) -> String {
        let mut p = String::new();
        for s in &self.path {
            p.push('/');
            match s {
                Seg::Name(n) => p.push_str(&n.replace('~', "~0").replace('/', "~1")),
                Seg::Index(i) => p.push_str(&i.to_string()),
            }
        }
        p
    }

    /// Go's `isEmptyValue`.
    fn is_empty(&self, v: Value, t: u32) -> bool {
        match self.desc(t).map(|d| &d.kind) {
            Some(Kind::Array { len, .. }) => *len == 0,
            Some(Kind::Map { .. }) => self.vm.heap.map_len(v) == 0,
            Some(Kind::Slice(_)) => !matches!(v, Value::Slice { len: 1.., .. }),
            Some(Kind::String) => self.vm.heap.str_bytes(v).is_empty(),
            Some(Kind::Bool) => !v.bool(),
            Some(Kind::Int(_)) => v.int() == 0,
            Some(Kind::Float32 | Kind::Float64) => v.float() == 0.0,
            Some(Kind::Interface(_) | Kind::Ptr(_)) => v == Value::Nil,
            _ => false,
        }
    }

    /// `reflect.Value.IsZero` (what `omitzero` omits).
    fn is_zero(&self, v: Value, t: u32) -> bool {
        let mut work = vec![(v, t)];
        while let Some((v, t)) = work.pop() {
            let zero = match self.desc(t).map(|d| &d.kind) {
                Some(Kind::Struct(fs)) => {
                    if let Value::Agg(h) = v {
                        work.extend(self.vm.heap.slots(h).iter().copied().zip(fs.iter().copied()));
                    }
                    true
                }
                Some(&Kind::Array { elem, .. }) => {
                    if let Value::Agg(h) = v {
                        work.extend(self.vm.heap.slots(h).iter().map(|&x| (x, elem)));
                    }
                    true
                }
                Some(Kind::String) => self.vm.heap.str_bytes(v).is_empty(),
                Some(Kind::Bool) => !v.bool(),
                Some(Kind::Int(_)) => v.int() == 0,
                Some(Kind::Float32 | Kind::Float64) => v.float().to_bits() == 0,
                Some(Kind::Complex64 | Kind::Complex128) => v == Value::Complex(0, 0),
                _ => v == Value::Nil,
            };
            if !zero {
                return false;
            }
        }
        true
    }
}
