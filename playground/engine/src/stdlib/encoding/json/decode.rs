//! Go's `encoding/json/decode.go` over the runtime type descriptors:
//! `Unmarshal`'s walk of checked JSON into a value, storing through the
//! VM's pointers (a place is a pointer: an object and a slot), with Go's
//! `indirect` (nil pointers allocated, `UnmarshalJSON` and
//! `UnmarshalText` found on a value's address), its first saved error
//! with the struct and field path, and `any` decoding into
//! `map[string]interface {}`, `[]interface {}`, `float64`, `string`,
//! `bool` and nil. Objects and arrays being filled wait on a stack of
//! their own, so input nested to the scanner's limit (10,000 levels)
//! costs no host stack.

use super::encode::ptr_type;
use super::fields::{Field, fold_name, type_fields, type_name};
use crate::heap::{ByteKind, Obj};
use crate::rtype::{Kind, TypeDesc};
use crate::stdlib::{byte_slice, call_method_with, new_iface, new_str, oom, pin};
use crate::value::{Handle, Value, WHOLE};
use crate::vm::{Bytecode, GState, Throw, Vm};
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// A place a value is stored: what a Go pointer to it holds.
type Place = (Handle, u32);

/// Why `Unmarshal` failed, as the error Go returns (built in json.go).
pub(crate) enum Failure {
    /// `*UnmarshalTypeError` (`err`: its `Err`'s text).
    Type { value: String, ty: String, offset: i64, strct: String, field: String, err: Option<String> },
    /// `*InvalidUnmarshalError` for this type (None: `Unmarshal(nil)`),
    /// and whether it is a pointer type.
    Invalid(Option<(String, bool)>),
    /// An error of the program's (`UnmarshalJSON`'s, `UnmarshalText`'s).
    Err(Value),
    /// An `errors.New` text (`json: unknown field "x"`).
    Text(String),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    ObjStart,
    ObjEnd,
    ArrStart,
    ArrEnd,
    Lit,
}

/// One token of checked JSON: `[start, end)` its text (an object's or
/// array's whole text for its start token), `close` the index of its end
/// token.
#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Tok,
    start: u32,
    end: u32,
    close: u32,
}

/// The tokens of JSON that the scanner has accepted.
fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut toks: Vec<Token> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b' ' | b'\t' | b'\r' | b'\n' | b',' | b':' => i += 1,
            b'{' | b'[' => {
                open.push(toks.len());
                toks.push(Token { kind: if c == b'{' { Tok::ObjStart } else { Tok::ArrStart }, start: i as u32, end: 0, close: 0 });
                i += 1;
            }
            b'}' | b']' => {
                let at = toks.len();
                toks.push(Token { kind: if c == b'}' { Tok::ObjEnd } else { Tok::ArrEnd }, start: i as u32, end: i as u32 + 1, close: at as u32 });
                if let Some(o) = open.pop()
                    && let Some(t) = toks.get_mut(o)
                {
                    t.end = i as u32 + 1;
                    t.close = at as u32;
                }
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < data.len() && data[i] != b'"' {
                    if data[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                let end = i.min(data.len());
                toks.push(Token { kind: Tok::Lit, start: start as u32, end: end as u32, close: 0 });
            }
            _ => {
                let start = i;
                while i < data.len() && !matches!(data[i], b' ' | b'\t' | b'\r' | b'\n' | b',' | b':' | b'}' | b']') {
                    i += 1;
                }
                toks.push(Token { kind: Tok::Lit, start: start as u32, end: i as u32, close: 0 });
            }
        }
    }
    toks
}

fn getu4(s: &[u8]) -> Option<u32> {
    if s.len() < 6 || s[0] != b'\\' || s[1] != b'u' {
        return None;
    }
    let h = std::str::from_utf8(&s[2..6]).ok()?;
    u32::from_str_radix(h, 16).ok()
}

/// Go's `unquoteBytes`: a JSON string literal's bytes (invalid UTF-8
/// and lone surrogates become U+FFFD).
pub(crate) fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() < 2 || s[0] != b'"' || s[s.len() - 1] != b'"' {
        return None;
    }
    let s = &s[1..s.len() - 1];
    let mut out = Vec::with_capacity(s.len());
    let mut r = 0;
    while r < s.len() {
        let c = s[r];
        if c == b'\\' {
            r += 1;
            let e = *s.get(r)?;
            match e {
                b'"' | b'\\' | b'/' | b'\'' => {
                    out.push(e);
                    r += 1;
                }
                b'b' => (out.push(0x08), r += 1).1,
                b'f' => (out.push(0x0c), r += 1).1,
                b'n' => (out.push(b'\n'), r += 1).1,
                b'r' => (out.push(b'\r'), r += 1).1,
                b't' => (out.push(b'\t'), r += 1).1,
                b'u' => {
                    r -= 1;
                    let mut rr = getu4(&s[r..])?;
                    r += 6;
                    if (0xD800..0xE000).contains(&rr) {
                        let rr1 = getu4(&s[r..]).unwrap_or(0xFFFD);
                        if (0xD800..0xDC00).contains(&rr) && (0xDC00..0xE000).contains(&rr1) {
                            let dec = (((rr - 0xD800) << 10) | (rr1 - 0xDC00)) + 0x10000;
                            r += 6;
                            crate::format::push_rune(&mut out, dec);
                            continue;
                        }
                        rr = 0xFFFD;
                    }
                    crate::format::push_rune(&mut out, rr);
                }
                _ => return None,
            }
        } else if c == b'"' || c < b' ' {
            return None;
        } else if c < 0x80 {
            out.push(c);
            r += 1;
        } else {
            let (rr, size) = crate::format::decode_rune(&s[r..]);
            r += size.max(1);
            crate::format::push_rune(&mut out, rr);
        }
    }
    Some(out)
}

/// Standard base64 with padding, as a `[]byte` decodes; Err is the
/// offset of the first bad byte (`illegal base64 data at input byte N`).
fn unbase64(src: &[u8]) -> Result<Vec<u8>, usize> {
    // Go skips \r and \n.
    let clean: Vec<(usize, u8)> = src.iter().copied().enumerate().filter(|&(_, c)| c != b'\r' && c != b'\n').collect();
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < clean.len() {
        let chunk = &clean[i..(i + 4).min(clean.len())];
        let mut n = 0u32;
        let mut got = 0;
        for (k, &(pos, c)) in chunk.iter().enumerate() {
            if c == b'=' {
                // Padding: only at the end of the last quantum, after two.
                if k < 2 {
                    return Err(pos);
                }
                if k == 2 && chunk.get(3).is_none_or(|x| x.1 != b'=') {
                    return Err(chunk.get(3).map_or(pos + 1, |x| x.0));
                }
                if i + 4 < clean.len() {
                    return Err(clean[i + 4].0);
                }
                break;
            }
            let Some(v) = val(c) else { return Err(pos) };
            n |= (v as u32) << (18 - 6 * k);
            got += 1;
        }
        if got == 1 {
            return Err(chunk.last().map_or(0, |x| x.0 + 1).min(src.len()));
        }
        out.push((n >> 16) as u8);
        if got > 2 {
            out.push((n >> 8) as u8);
        }
        if got > 3 {
            out.push(n as u8);
        }
        if got < 4 && i + 4 < clean.len() {
            return Err(clean[i + got].0);
        }
        i += 4;
    }
    Ok(out)
}

/// What Go's `indirect` finds.
enum Ind {
    /// A value with `UnmarshalJSON` (its type, the receiver).
    Json(u32, Value),
    /// One with `UnmarshalText`.
    Text(u32, Value),
    /// The place to store into, and its type.
    At(Place, u32),
    /// Nowhere to store (an array pointer into a slice).
    Skip,
}

/// Objects and arrays being filled.
enum Frame {
    Struct { tid: u32, obj: Handle, fields: Rc<Vec<Field>> },
    /// A map, the cell its current element is decoded into, and the key's
    /// literal token.
    Map { map: Value, key_t: u32, val_t: u32, cell: Handle, key: Option<Token> },
    /// A slice stored at `place` while it grows.
    Slice { place: Place, elem: u32, i: u32 },
    Array { obj: Handle, elem: u32, len: u32, i: u32 },
    AnyObj { place: Place, map: Value, cell: Handle, key: Value },
    AnyArr { place: Place, items: Vec<Value>, cell: Handle },
}

pub(crate) struct Decoder<'a> {
    vm: &'a mut Vm,
    g: &'a mut GState,
    prog: Rc<Bytecode>,
    data: Vec<u8>,
    toks: Vec<Token>,
    disallow_unknown: bool,
    /// `json.Number`'s runtime type when numbers in `any` stay text
    /// (`Decoder.UseNumber`).
    number: Option<u32>,
    saved: Option<Failure>,
    /// The JSON pointer to the value being decoded (object names and
    /// array indices), which a type error reports as its field path
    /// under the root type's name (v2's `transformUnmarshalError`).
    path: Vec<String>,
    root_name: String,
    /// Per frame: the path's length to restore after each of its values.
    ctx_saved: Vec<usize>,
    fields: FxHashMap<u32, Rc<Vec<Field>>>,
    ptr_types: FxHashMap<u32, Option<u32>>,
    unmarshal_json: Option<u32>,
    unmarshal_text: Option<u32>,
    map_any: Option<u32>,
    slice_any: Option<u32>,
    stack: Vec<Frame>,
}

fn method_id(prog: &Bytecode, name: &str) -> Option<u32> {
    prog.method_names.iter().position(|n| n == name).map(|i| i as u32)
}

impl<'a> Decoder<'a> {
    pub(crate) fn new(vm: &'a mut Vm, g: &'a mut GState, data: Vec<u8>, use_number: bool, disallow_unknown: bool) -> Decoder<'a> {
        let prog = vm.program().clone();
        let find = |name: &str| prog.types.iter().position(|t| t.name == name).map(|i| i as u32);
        let (map_any, slice_any) = (find("map[string]interface {}"), find("[]interface {}"));
        let number = if use_number { find("json.Number") } else { None };
        let unmarshal_json = method_id(&prog, "UnmarshalJSON");
        let unmarshal_text = method_id(&prog, "UnmarshalText");
        Decoder {
            vm,
            g,
            prog,
            data,
            toks: Vec::new(),
            disallow_unknown,
            number,
            saved: None,
            path: Vec::new(),
            root_name: String::new(),
            ctx_saved: Vec::new(),
            fields: FxHashMap::default(),
            ptr_types: FxHashMap::default(),
            unmarshal_json,
            unmarshal_text,
            map_any,
            slice_any,
            stack: Vec::new(),
        }
    }

    /// A token's text (empty for a malformed token: the input was checked).
    fn text(&self, t: Token) -> &[u8] {
        self.data.get(t.start as usize..t.end as usize).unwrap_or_default()
    }

    fn types(&self) -> &[TypeDesc] {
        &self.prog.types
    }

    fn kind(&self, t: u32) -> Option<&Kind> {
        self.prog.types.get(t as usize).map(|d| &d.kind)
    }

    fn name(&self, t: u32) -> String {
        self.prog.types.get(t as usize).map_or_else(String::new, |d| d.name.clone())
    }

    fn has(&self, t: u32, m: Option<u32>) -> bool {
        m.is_some_and(|m| self.prog.types.get(t as usize).is_some_and(|d| d.method(m).is_some()))
    }

    fn ptr_of(&mut self, t: u32) -> Option<u32> {
        if let Some(&p) = self.ptr_types.get(&t) {
            return p;
        }
        let p = ptr_type(&self.prog.types, t);
        self.ptr_types.insert(t, p);
        p
    }

    fn load(&self, p: Place) -> Value {
        if p.1 == WHOLE { Value::Agg(p.0) } else { self.vm.heap.elem(p.0, p.1 as usize) }
    }

    fn store(&mut self, p: Place, v: Value) -> Result<(), Throw> {
        if p.1 == WHOLE {
            if let Value::Agg(src) = v {
                self.vm.heap.copy_into(p.0, src).map_err(oom)?;
            }
            Ok(())
        } else {
            self.vm.heap.store_slot(p.0, p.1 as usize, v).map_err(oom)
        }
    }

    fn zero(&mut self, t: u32) -> Result<Value, Throw> {
        let prog = self.prog.clone();
        self.vm.heap.zero(&prog.types, t).map_err(oom)
    }

    /// `new(T)`: a pointer to a fresh zero `T`.
    fn new_ptr(&mut self, elem: u32) -> Result<Value, Throw> {
        let z = self.zero(elem)?;
        Ok(match z {
            Value::Agg(h) => Value::Ptr { obj: h, slot: WHOLE },
            _ => Value::Ptr { obj: self.vm.heap.alloc(Obj::Cell(z), 8).map_err(oom)?, slot: 0 },
        })
    }

    fn new_cell(&mut self, t: u32) -> Result<Handle, Throw> {
        let z = self.zero(t)?;
        self.vm.heap.alloc(Obj::Cell(z), 16).map_err(oom)
    }

    fn fields_of(&mut self, t: u32) -> Rc<Vec<Field>> {
        if let Some(f) = self.fields.get(&t) {
            return f.clone();
        }
        let f = Rc::new(type_fields(self.types(), t));
        self.fields.insert(t, f.clone());
        f
    }

    /// Keeps the first error, a type error with the path to its value.
    fn save(&mut self, f: Failure) {
        if self.saved.is_some() {
            return;
        }
        self.saved = Some(match f {
            Failure::Type { value, ty, offset, err, .. } if !self.path.is_empty() => Failure::Type { value, ty, offset, strct: self.root_name.clone(), field: self.path.join("."), err },
            f => f,
        });
    }

    fn type_err(&mut self, value: &str, t: u32, offset: u32) {
        let ty = self.name(t);
        self.save(Failure::Type { value: value.to_string(), ty, offset: offset as i64, strct: String::new(), field: String::new(), err: None });
    }

    /// Values only the decoder holds, kept alive while Go code runs.
    fn roots(&self) -> Vec<Value> {
        let mut out = Vec::new();
        for f in &self.stack {
            match f {
                Frame::Map { map, cell, .. } => out.extend([*map, Value::Ptr { obj: *cell, slot: 0 }]),
                Frame::AnyObj { map, cell, key, .. } => out.extend([*map, Value::Ptr { obj: *cell, slot: 0 }, *key]),
                Frame::AnyArr { items, cell, .. } => {
                    out.extend_from_slice(items);
                    out.push(Value::Ptr { obj: *cell, slot: 0 });
                }
                Frame::Struct { obj, .. } | Frame::Array { obj, .. } => out.push(Value::Agg(*obj)),
                Frame::Slice { place, .. } => out.push(Value::Ptr { obj: place.0, slot: place.1 }),
            }
        }
        out
    }

    /// Calls `UnmarshalJSON` or `UnmarshalText` with `arg`: the method's error.
    fn call(&mut self, t: u32, recv: Value, m: u32, arg: &[u8], extra: Value) -> Result<Value, Throw> {
        let b = byte_slice(self.vm, arg.to_vec())?;
        let mut held = self.roots();
        held.extend([recv, b, extra]);
        let _pin = pin(&held);
        crate::stdlib::calling_as(self.vm, false, 0);
        match call_method_with(self.vm, self.g, t, recv, m, &[b], 1) {
            Some(r) => Ok(r?.first().copied().unwrap_or_default()),
            None => Ok(Value::Nil),
        }
    }

    /// Go's `indirect` from the value at `place` (None: `v` itself, not
    /// addressable) of type `t`.
    fn indirect(&mut self, mut place: Option<Place>, mut v: Value, mut t: u32, decoding_null: bool) -> Result<Ind, Throw> {
        let v0 = (place, t);
        let mut have_addr = false;
        if let Some(p) = place
            && !matches!(self.kind(t), Some(Kind::Ptr(_)))
            && !type_name(self.types(), t).is_empty()
            && let Some(pt) = self.ptr_of(t)
        {
            have_addr = true;
            v = super::encode::ptr_to(self.load(p), p);
            t = pt;
            place = None;
        }
        for _ in 0..100_000 {
            if let Some(p) = place {
                v = self.load(p);
            }
            if let (Some(Kind::Interface(_)), Value::Iface { tid: dt, obj }) = (self.kind(t), v) {
                let inner = self.vm.heap.cell(obj);
                if let Some(&Kind::Ptr(e)) = self.kind(dt)
                    && inner != Value::Nil
                    && (!decoding_null || matches!(self.kind(e), Some(Kind::Ptr(_))))
                {
                    have_addr = false;
                    (place, v, t) = (None, inner, dt);
                    continue;
                }
            }
            let Some(&Kind::Ptr(elem)) = self.kind(t) else { break };
            if decoding_null && place.is_some() {
                break;
            }
            if v == Value::Nil {
                v = self.new_ptr(elem)?;
                if let Some(p) = place {
                    self.store(p, v)?;
                }
            }
            if self.has(t, self.unmarshal_json) {
                return Ok(Ind::Json(t, v));
            }
            if !decoding_null && self.has(t, self.unmarshal_text) {
                return Ok(Ind::Text(t, v));
            }
            if have_addr {
                (place, t) = v0;
                have_addr = false;
            } else {
                let Value::Ptr { obj, slot } = v else { break };
                (place, t) = (Some((obj, slot)), elem);
            }
        }
        Ok(match place {
            Some(p) => Ind::At(p, t),
            None => match v {
                Value::Ptr { obj, slot } => Ind::At((obj, slot), self.kind(t).and_then(|k| if let Kind::Ptr(e) = k { Some(*e) } else { None }).unwrap_or(t)),
                _ => Ind::Skip,
            },
        })
    }

    /// `Unmarshal(data, v)` after `checkValid`: the first error, if any.
    pub(crate) fn unmarshal(&mut self, v: Value) -> Result<Option<Failure>, Throw> {
        let (tid, inner) = match v {
            Value::Iface { tid, obj } => (tid, self.vm.heap.cell(obj)),
            _ => return Ok(Some(Failure::Invalid(None))),
        };
        if !matches!(self.kind(tid), Some(Kind::Ptr(_))) || inner == Value::Nil {
            let is_ptr = matches!(self.kind(tid), Some(Kind::Ptr(_)));
            return Ok(Some(Failure::Invalid(Some((self.name(tid), is_ptr)))));
        }
        let need = self.data.len() as u64 * std::mem::size_of::<Token>() as u64;
        self.vm.heap.reserve(need).map_err(oom)?;
        self.toks = tokenize(&self.data);
        let _pin = pin(&[v]);
        if let Some(&Kind::Ptr(e)) = self.kind(tid) {
            self.root_name = type_name(self.types(), e);
        }
        if let Some(f) = self.run(inner, tid)? {
            return Ok(Some(f));
        }
        Ok(self.saved.take())
    }

    /// Decodes the token at `pos` into a target: a place, or the root
    /// pointer. Returns the next token's index, and whether a frame was
    /// pushed (its tokens follow).
    fn begin(&mut self, pos: usize, place: Option<Place>, v: Value, t: u32) -> Result<Result<usize, Failure>, Throw> {
        let Some(&tok) = self.toks.get(pos) else { return Ok(Ok(pos + 1)) };
        let next = tok.close as usize + 1;
        match tok.kind {
            Tok::Lit => {
                let item = self.text(tok).to_vec();
                if let Err(f) = self.literal(&item, place, v, t, false, tok.end)? {
                    return Ok(Err(f));
                }
                Ok(Ok(pos + 1))
            }
            Tok::ObjStart | Tok::ArrStart => {
                let obj = tok.kind == Tok::ObjStart;
                let what = if obj { "object" } else { "array" };
                match self.indirect(place, v, t, false)? {
                    Ind::Json(mt, recv) => {
                        let raw = self.text(tok).to_vec();
                        let Some(m) = self.unmarshal_json else { return Ok(Ok(next)) };
                        let err = self.call(mt, recv, m, &raw, v)?;
                        if err != Value::Nil {
                            return Ok(Err(Failure::Err(err)));
                        }
                        Ok(Ok(next))
                    }
                    Ind::Text(..) => {
                        self.type_err(what, t, tok.start + 1);
                        Ok(Ok(next))
                    }
                    Ind::Skip => Ok(Ok(next)),
                    Ind::At(p, pt) => {
                        let kind = self.kind(pt).cloned();
                        let frame = match (obj, kind) {
                            (_, Some(Kind::Interface(ms))) if ms.is_empty() => {
                                let cell = self.new_cell(crate::rtype::T_ANY)?;
                                if obj {
                                    let map = self.vm.heap.alloc_map(self.vm.chooser.map_hash_seed(), 0).map_err(oom)?;
                                    Frame::AnyObj { place: p, map, cell, key: Value::Nil }
                                } else {
                                    Frame::AnyArr { place: p, items: Vec::new(), cell }
                                }
                            }
                            (true, Some(Kind::Map { key, val })) => {
                                let mut map = self.load(p);
                                if map == Value::Nil {
                                    map = self.vm.heap.alloc_map(self.vm.chooser.map_hash_seed(), 0).map_err(oom)?;
                                    self.store(p, map)?;
                                }
                                let cell = self.new_cell(val)?;
                                Frame::Map { map, key_t: key, val_t: val, cell, key: None }
                            }
                            (true, Some(Kind::Struct(_))) => {
                                let Value::Agg(h) = self.load(p) else { return Ok(Ok(next)) };
                                let fields = self.fields_of(pt);
                                Frame::Struct { tid: pt, obj: h, fields }
                            }
                            (false, Some(Kind::Slice(elem))) => Frame::Slice { place: p, elem, i: 0 },
                            (false, Some(Kind::Array { len, elem })) => {
                                let Value::Agg(h) = self.load(p) else { return Ok(Ok(next)) };
                                Frame::Array { obj: h, elem, len, i: 0 }
                            }
                            _ => {
                                self.type_err(what, pt, tok.start + 1);
                                return Ok(Ok(next));
                            }
                        };
                        self.ctx_saved.push(self.path.len());
                        self.stack.push(frame);
                        Ok(Ok(pos + 1))
                    }
                }
            }
            Tok::ObjEnd | Tok::ArrEnd => Ok(Ok(pos + 1)),
        }
    }

    /// The walk: decodes the root pointer `v` of type `t`.
    fn run(&mut self, v: Value, t: u32) -> Result<Option<Failure>, Throw> {
        let mut pos = match self.begin(0, None, v, t)? {
            Ok(p) => p,
            Err(f) => return Ok(Some(f)),
        };
        while !self.stack.is_empty() {
            let Some(&tok) = self.toks.get(pos) else { break };
            if matches!(tok.kind, Tok::ObjEnd | Tok::ArrEnd) {
                pos += 1;
                self.finish()?;
                if let Err(f) = self.after_value()? {
                    return Ok(Some(f));
                }
                continue;
            }
            // The next value's path segment, and its target, from the
            // frame on top.
            let segment = match self.stack.last() {
                Some(Frame::Struct { .. } | Frame::Map { .. } | Frame::AnyObj { .. }) => String::from_utf8_lossy(&unquote(self.text(tok)).unwrap_or_default()).into_owned(),
                Some(Frame::Slice { i, .. } | Frame::Array { i, .. }) => i.to_string(),
                Some(Frame::AnyArr { items, .. }) => items.len().to_string(),
                None => String::new(),
            };
            self.path.push(segment);
            let target: Option<(Place, u32)> = match self.stack.last_mut() {
                Some(Frame::Struct { .. }) => {
                    let key = unquote(self.text(tok)).unwrap_or_default();
                    pos += 1;
                    match self.field_target(&key)? {
                        Some((p, ft, true)) => {
                            let Some(&vt) = self.toks.get(pos) else { break };
                            pos = if vt.kind == Tok::Lit { pos + 1 } else { vt.close as usize + 1 };
                            if let Err(f) = self.quoted_value(vt, p, ft)? {
                                return Ok(Some(f));
                            }
                            if let Err(f) = self.after_value()? {
                                return Ok(Some(f));
                            }
                            continue;
                        }
                        Some((p, ft, false)) => Some((p, ft)),
                        None => None,
                    }
                }
                Some(Frame::Map { cell, val_t, key, .. }) => {
                    *key = Some(tok);
                    let (cell, val_t) = (*cell, *val_t);
                    let z = self.zero(val_t)?;
                    self.vm.heap.store_slot(cell, 0, z).map_err(oom)?;
                    pos += 1;
                    Some(((cell, 0), val_t))
                }
                Some(Frame::AnyObj { cell, .. }) => {
                    let cell = *cell;
                    let k = unquote(self.text(tok)).unwrap_or_default();
                    let k = new_str(self.vm, &k)?;
                    if let Some(Frame::AnyObj { key, .. }) = self.stack.last_mut() {
                        *key = k;
                    }
                    self.vm.heap.store_slot(cell, 0, Value::Nil).map_err(oom)?;
                    pos += 1;
                    Some(((cell, 0), crate::rtype::T_ANY))
                }
                Some(Frame::AnyArr { cell, .. }) => {
                    let cell = *cell;
                    self.vm.heap.store_slot(cell, 0, Value::Nil).map_err(oom)?;
                    Some(((cell, 0), crate::rtype::T_ANY))
                }
                Some(Frame::Slice { .. }) => Some(self.slice_elem()?),
                Some(Frame::Array { obj, elem, len, i }) => {
                    let at = *i;
                    *i += 1;
                    (at < *len).then_some(((*obj, at), *elem))
                }
                None => None,
            };
            let Some(&vt) = self.toks.get(pos) else { break };
            let depth = self.stack.len();
            match target {
                None => {
                    pos = if vt.kind == Tok::Lit { pos + 1 } else { vt.close as usize + 1 };
                    if let Err(f) = self.after_value()? {
                        return Ok(Some(f));
                    }
                }
                Some((p, ft)) => {
                    let cur = self.load(p);
                    match self.begin(pos, Some(p), cur, ft)? {
                        Err(f) => return Ok(Some(f)),
                        Ok(next) => {
                            pos = next;
                            if self.stack.len() == depth
                                && let Err(f) = self.after_value()?
                            {
                                return Ok(Some(f));
                            }
                        }
                    }
                }
            }
        }
        Ok(None)
    }

    /// The struct field a key names (exactly, else case-insensitively),
    /// with the embedded pointers on its way allocated: its place, type
    /// and `,string` option; None to skip.
    fn field_target(&mut self, key: &[u8]) -> Result<Option<(Place, u32, bool)>, Throw> {
        let Some(Frame::Struct { tid, obj, fields }) = self.stack.last() else { return Ok(None) };
        let (tid, obj, fields) = (*tid, *obj, fields.clone());
        let f = fields.iter().find(|f| f.name.as_bytes() == key).or_else(|| {
            let k = fold_name(key);
            fields.iter().find(|f| fold_name(f.name.as_bytes()) == k)
        });
        let Some(f) = f else {
            if self.disallow_unknown {
                let q = String::from_utf8_lossy(&crate::format::quote(key)).into_owned();
                self.save(Failure::Text(format!("json: unknown field {q}")));
            }
            return Ok(None);
        };
        let (mut h, mut cur_t) = (obj, tid);
        let n = f.index.len();
        for (k, &i) in f.index.iter().enumerate() {
            let ft = match self.kind(cur_t) {
                Some(Kind::Struct(fs)) => fs.get(i as usize).copied().unwrap_or(0),
                _ => return Ok(None),
            };
            if k + 1 == n {
                return Ok(Some(((h, i), ft, f.quoted)));
            }
            // Into an embedded struct, allocating a nil embedded pointer.
            let mut fv = self.vm.heap.elem(h, i as usize);
            let mut et = ft;
            if let Some(&Kind::Ptr(e)) = self.kind(ft) {
                if fv == Value::Nil {
                    fv = self.new_ptr(e)?;
                    self.vm.heap.store_slot(h, i as usize, fv).map_err(oom)?;
                }
                et = e;
            }
            match fv {
                Value::Agg(x) | Value::Ptr { obj: x, slot: WHOLE } => {
                    h = x;
                    cur_t = et;
                }
                _ => return Ok(None),
            }
        }
        Ok(None)
    }

    /// A `,string` field's value: a string holding the literal.
    fn quoted_value(&mut self, vt: Token, p: Place, ft: u32) -> Result<Result<(), Failure>, Throw> {
        let item = self.text(vt).to_vec();
        let cur = self.load(p);
        match (vt.kind, item.first()) {
            (Tok::Lit, Some(b'n')) => self.literal(b"null", Some(p), cur, ft, false, vt.end),
            (Tok::Lit, Some(b'"')) => {
                let s = unquote(&item).unwrap_or_default();
                self.literal(&s, Some(p), cur, ft, true, vt.end)
            }
            // v2 wants a string: anything else is a type error.
            (kind, first) => {
                let what = match (kind, first) {
                    (Tok::ObjStart, _) => "object",
                    (Tok::ArrStart, _) => "array",
                    (_, Some(b't' | b'f')) => "bool",
                    _ => "number",
                };
                self.type_err(what, ft, vt.end);
                Ok(Ok(()))
            }
        }
    }

    /// After a value inside the frame on top: a map's entry is set, an
    /// `any` object's or array's element kept; the error context is
    /// restored.
    fn after_value(&mut self) -> Result<Result<(), Failure>, Throw> {
        let r = self.after_value_in_frame();
        if let Some(&n) = self.ctx_saved.last() {
            self.path.truncate(n);
        }
        r
    }

    fn after_value_in_frame(&mut self) -> Result<Result<(), Failure>, Throw> {
        let prog = self.prog.clone();
        match self.stack.last_mut() {
            Some(Frame::Map { map, key_t, cell, key: Some(ktok), .. }) => {
                let (map, key_t, cell, ktok) = (*map, *key_t, *cell, *ktok);
                let item = self.text(ktok).to_vec();
                let key = unquote(&item).unwrap_or_default();
                let kv = if self.ptr_of(key_t).is_some_and(|pk| self.has(pk, self.unmarshal_text)) {
                    let kp = self.new_ptr(key_t)?;
                    let pt = self.ptr_of(key_t).unwrap_or(0);
                    let _pin = pin(&[kp]);
                    if let Err(f) = self.literal(&key, None, kp, pt, true, ktok.end)? {
                        return Ok(Err(f));
                    }
                    let Value::Ptr { obj, slot } = kp else { return Ok(Ok(())) };
                    Some(self.load((obj, slot)))
                } else {
                    match self.kind(key_t).cloned() {
                        Some(Kind::String) => Some(new_str(self.vm, &key)?),
                        Some(Kind::Float32 | Kind::Float64) => {
                            let bits = if matches!(self.kind(key_t), Some(Kind::Float32)) { 32 } else { 64 };
                            match crate::format::parse_float(&key, bits) {
                                Ok(f) => Some(Value::Float(f)),
                                Err(_) => {
                                    let s = String::from_utf8_lossy(&key).into_owned();
                                    self.type_err(&format!("number {s}"), key_t, ktok.start + 1);
                                    None
                                }
                            }
                        }
                        Some(Kind::Int(k)) => {
                            let s = String::from_utf8_lossy(&key).into_owned();
                            let n = if k.is_unsigned() {
                                crate::format::parse_uint(&key, 10, 64).ok().map(|u| u as i64).filter(|&n| k.wrap(n) as u64 == n as u64)
                            } else {
                                crate::format::parse_int(&key, 10, 64).ok().filter(|&n| k.wrap(n) == n)
                            };
                            if n.is_none() {
                                self.type_err(&format!("number {s}"), key_t, ktok.start + 1);
                            }
                            n.map(Value::Int)
                        }
                        // v2 decodes the name as a string into the key.
                        _ => {
                            self.type_err("string", key_t, ktok.end);
                            None
                        }
                    }
                };
                if let (Some(kv), Value::Map(h)) = (kv, map) {
                    let val = self.vm.heap.cell(cell);
                    self.vm.heap.map_set(&prog.types, h, kv, val).map_err(|e| match e {
                        crate::heap::MapError::Heap(e) => oom(e),
                        crate::heap::MapError::Uncomparable(_) => oom(crate::heap::HeapError::OutOfMemory { requested: 0, budget: 0 }),
                    })?;
                }
            }
            Some(Frame::AnyObj { map: Value::Map(h), cell, key, .. }) => {
                let (h, cell, key) = (*h, *cell, *key);
                let val = self.vm.heap.cell(cell);
                self.vm.heap.map_set(&prog.types, h, key, val).map_err(|e| match e {
                    crate::heap::MapError::Heap(e) => oom(e),
                    crate::heap::MapError::Uncomparable(_) => oom(crate::heap::HeapError::OutOfMemory { requested: 0, budget: 0 }),
                })?;
            }
            Some(Frame::AnyArr { items, cell, .. }) => {
                let val = self.vm.heap.cell(*cell);
                items.push(val);
            }
            _ => {}
        }
        Ok(Ok(()))
    }

    /// The next element of the slice on top: grown as `reflect.Value.Grow`
    /// grows it, stored back at once so the program's value holds it.
    fn slice_elem(&mut self) -> Result<(Place, u32), Throw> {
        let Some(&Frame::Slice { place, elem, i, .. }) = self.stack.last() else { return Ok(((0, WHOLE), 0)) };
        let cur = self.load(place);
        let (obj, off, len, cap) = match cur {
            Value::Slice { obj, off, len, cap } => (obj, off, len, cap),
            _ => (0, 0, 0, 0),
        };
        let (mut obj, mut off, mut len, mut cap) = (obj, off, len, cap);
        if i >= cap {
            let prog = self.prog.clone();
            let esize = prog.types.get(elem as usize).map_or(8, |d| d.size);
            let new_cap = crate::vm::grow_cap(cap as usize, i as usize + 1, esize).max(i as usize + 1);
            let old = if cap > 0 { self.vm.heap.elems(obj, off as usize, len as usize) } else { Vec::new() };
            obj = self.backing(elem, &old, new_cap)?;
            off = 0;
            cap = new_cap as u32;
        }
        if i >= len {
            len = i + 1;
        }
        self.store(place, Value::Slice { obj, off, len, cap })?;
        if let Some(Frame::Slice { i, .. }) = self.stack.last_mut() {
            *i += 1;
        }
        Ok(((obj, off + i), elem))
    }

    /// A backing array of `cap` elements of type `elem`: `vals`, then zeros.
    fn backing(&mut self, elem: u32, vals: &[Value], cap: usize) -> Result<Handle, Throw> {
        let prog = self.prog.clone();
        let esize = prog.types.get(elem as usize).map_or(8, |d| d.size);
        if let Some(kind) = ByteKind::of(&prog.types, elem) {
            self.vm.heap.reserve(cap as u64).map_err(oom)?;
            let mut data: Vec<u8> = vals.iter().map(|&v| ByteKind::store(v)).collect();
            data.resize(cap, 0);
            return self.vm.heap.alloc_byte_arr(kind, data, cap as u64).map_err(oom);
        }
        self.vm.heap.reserve(cap as u64 * std::mem::size_of::<Value>() as u64).map_err(oom)?;
        let mut slots = Vec::with_capacity(cap);
        for &v in vals {
            slots.push(self.vm.heap.clone_value(v).map_err(oom)?);
        }
        while slots.len() < cap {
            slots.push(self.vm.heap.zero(&prog.types, elem).map_err(oom)?);
        }
        self.vm.heap.alloc_slots(slots, cap as u64 * esize).map_err(oom)
    }

    /// The frame on top is complete: a slice is cut to what was read, an
    /// array's rest zeroed, an `any` value stored.
    fn finish(&mut self) -> Result<(), Throw> {
        let Some(frame) = self.stack.pop() else { return Ok(()) };
        if let Some(n) = self.ctx_saved.pop() {
            self.path.truncate(n);
        }
        match frame {
            Frame::Slice { place, i, .. } => {
                match self.load(place) {
                    Value::Slice { obj, off, len, cap } if i < len => {
                        let v = if i == 0 { Value::Slice { obj, off, len: 0, cap } } else { Value::Slice { obj, off, len: i, cap } };
                        self.store(place, v)?;
                    }
                    _ => {}
                }
                if i == 0 {
                    // `[]` is an empty slice, not nil.
                    let h = self.vm.heap.alloc_slots(Vec::new(), 0).map_err(oom)?;
                    self.store(place, Value::Slice { obj: h, off: 0, len: 0, cap: 0 })?;
                }
            }
            Frame::Array { obj, elem, len, i } => {
                for k in i..len {
                    let z = self.zero(elem)?;
                    self.vm.heap.store_slot(obj, k as usize, z).map_err(oom)?;
                }
            }
            Frame::AnyObj { place, map, .. } => {
                let tid = self.map_any.unwrap_or(crate::rtype::T_ANY);
                let v = new_iface(self.vm, tid, map)?;
                self.store(place, v)?;
            }
            Frame::AnyArr { place, items, .. } => {
                let tid = self.slice_any.unwrap_or(crate::rtype::T_ANY);
                let n = items.len() as u32;
                let h = self.vm.heap.alloc_slots(items, n as u64 * 16).map_err(oom)?;
                let s = Value::Slice { obj: h, off: 0, len: n, cap: n };
                let v = new_iface(self.vm, tid, s)?;
                self.store(place, v)?;
            }
            Frame::Struct { .. } | Frame::Map { .. } => {}
        }
        Ok(())
    }

    /// A string into a `time.Time`: RFC 3339, by json.go's
    /// `unmarshalTime` (time.Parse and its error).
    fn time(&mut self, p: Place, s: &[u8]) -> Result<Result<(), Failure>, Throw> {
        // Compiled when the program names `Time` (`check/library.rs`).
        let Some(f) = self.prog.funcs.iter().position(|f| f.name == "encoding/json.unmarshalTime" && !f.chunk.code.is_empty()) else {
            return Ok(Ok(()));
        };
        let sv = new_str(self.vm, s)?;
        let mut held = self.roots();
        held.push(sv);
        let _pin = pin(&held);
        crate::stdlib::calling_as(self.vm, false, 0);
        let res = crate::stdlib::call_go(self.vm, self.g, Value::Func(f as u32), &[sv], 2)?;
        let err = res.get(1).copied().unwrap_or_default();
        if err != Value::Nil {
            return Ok(Err(Failure::Err(err)));
        }
        let t = res.first().copied().unwrap_or_default();
        self.store(p, t)?;
        Ok(Ok(()))
    }

    /// Go's `literalStore`: a literal (`fromQuoted`: the text inside a
    /// `,string` field's string) into the value at `place` (or the root
    /// pointer `v`) of type `t`; `end` is where the literal ends (the
    /// offset type errors report).
    fn literal(&mut self, item: &[u8], place: Option<Place>, v: Value, t: u32, from_quoted: bool, end: u32) -> Result<Result<(), Failure>, Throw> {
        let invalid_use = |d: &Self, t: u32| {
            let q = String::from_utf8_lossy(&crate::format::quote(item)).into_owned();
            Failure::Text(format!("json: invalid use of ,string struct tag, trying to unmarshal {q} into {}", d.name(t)))
        };
        let Some(&c) = item.first() else {
            let f = invalid_use(self, t);
            self.save(f);
            return Ok(Ok(()));
        };
        let is_null = c == b'n';
        let (p, t) = match self.indirect(place, v, t, is_null)? {
            Ind::Json(mt, recv) => {
                let Some(m) = self.unmarshal_json else { return Ok(Ok(())) };
                let err = self.call(mt, recv, m, item, v)?;
                return Ok(if err == Value::Nil { Ok(()) } else { Err(Failure::Err(err)) });
            }
            Ind::Text(mt, recv) => {
                if c != b'"' {
                    if from_quoted {
                        let f = invalid_use(self, t);
                        self.save(f);
                        return Ok(Ok(()));
                    }
                    let val = match c {
                        b'n' => "null",
                        b't' | b'f' => "bool",
                        _ => "number",
                    };
                    self.type_err(val, t, end);
                    return Ok(Ok(()));
                }
                let Some(s) = unquote(item) else {
                    return Ok(Err(invalid_use(self, t)));
                };
                let Some(m) = self.unmarshal_text else { return Ok(Ok(())) };
                let err = self.call(mt, recv, m, &s, v)?;
                return Ok(if err == Value::Nil { Ok(()) } else { Err(Failure::Err(err)) });
            }
            Ind::At(p, t) => (p, t),
            Ind::Skip => return Ok(Ok(())),
        };
        let kind = self.kind(t).cloned();
        let empty_iface = matches!(&kind, Some(Kind::Interface(ms)) if ms.is_empty());
        match c {
            b'n' => {
                if from_quoted && item != b"null" {
                    let f = invalid_use(self, t);
                    self.save(f);
                } else if matches!(kind, Some(Kind::Interface(_) | Kind::Ptr(_) | Kind::Map { .. } | Kind::Slice(_))) {
                    self.store(p, Value::Nil)?;
                }
            }
            b't' | b'f' => {
                let value = c == b't';
                if from_quoted && item != b"true" && item != b"false" {
                    let f = invalid_use(self, t);
                    self.save(f);
                    return Ok(Ok(()));
                }
                match kind {
                    Some(Kind::Bool) => self.store(p, Value::Bool(value))?,
                    _ if empty_iface => {
                        let v = new_iface(self.vm, crate::rtype::T_BOOL, Value::Bool(value))?;
                        self.store(p, v)?;
                    }
                    _ if from_quoted => {
                        let f = invalid_use(self, t);
                        self.save(f);
                    }
                    _ => self.type_err("bool", t, end),
                }
            }
            b'"' => {
                let Some(s) = unquote(item) else {
                    return Ok(Err(invalid_use(self, t)));
                };
                if self.name(t) == "time.Time" {
                    return self.time(p, &s);
                }
                match kind {
                    Some(Kind::String) => {
                        if self.name(t) == "json.Number" && !super::encode::valid_number(&s) {
                            let q = String::from_utf8_lossy(&crate::format::quote(item)).into_owned();
                            return Ok(Err(Failure::Text(format!("json: invalid number literal, trying to unmarshal {q} into Number"))));
                        }
                        let v = new_str(self.vm, &s)?;
                        self.store(p, v)?;
                    }
                    Some(Kind::Slice(e)) if matches!(self.kind(e), Some(Kind::Int(crate::value::IntKind::U8))) => match unbase64(&s) {
                        Ok(b) => {
                            let v = byte_slice(self.vm, b)?;
                            let v = match v {
                                Value::Slice { obj, off, len, .. } => Value::Slice { obj, off, len, cap: len },
                                v => v,
                            };
                            self.store(p, v)?;
                        }
                        Err(at) => {
                            let ty = self.name(t);
                            self.save(Failure::Type { value: "string".into(), ty, offset: end as i64, strct: String::new(), field: String::new(), err: Some(format!("illegal base64 data at input byte {at}")) });
                        }
                    },
                    _ if empty_iface => {
                        let sv = new_str(self.vm, &s)?;
                        let v = new_iface(self.vm, crate::rtype::T_STRING, sv)?;
                        self.store(p, v)?;
                    }
                    _ => self.type_err("string", t, end),
                }
            }
            _ => {
                let text = String::from_utf8_lossy(item).into_owned();
                if c != b'-' && !c.is_ascii_digit() {
                    if from_quoted && matches!(kind, Some(Kind::Int(_) | Kind::Float32 | Kind::Float64)) {
                        self.type_err(&format!("number {text}"), t, end);
                        return Ok(Ok(()));
                    }
                    return Ok(Err(invalid_use(self, t)));
                }
                match kind {
                    _ if empty_iface && self.number.is_some() => {
                        let sv = new_str(self.vm, item)?;
                        let v = new_iface(self.vm, self.number.unwrap_or(crate::rtype::T_STRING), sv)?;
                        self.store(p, v)?;
                    }
                    _ if empty_iface => match crate::format::parse_float(item, 64) {
                        Ok(f) => {
                            let v = new_iface(self.vm, crate::rtype::T_FLOAT64, Value::Float(f))?;
                            self.store(p, v)?;
                        }
                        // Out of range: v2 keeps a zero float64 and says so.
                        Err(_) => {
                            let v = new_iface(self.vm, crate::rtype::T_FLOAT64, Value::Float(0.0))?;
                            self.store(p, v)?;
                            self.type_err(&format!("number {text}"), crate::rtype::T_FLOAT64, end);
                        }
                    },
                    Some(Kind::Int(k)) => {
                        let n = if k.is_unsigned() {
                            crate::format::parse_uint(item, 10, 64).ok().map(|u| u as i64).filter(|&n| k.wrap(n) as u64 == n as u64)
                        } else {
                            crate::format::parse_int(item, 10, 64).ok().filter(|&n| k.wrap(n) == n)
                        };
                        match n {
                            Some(n) => self.store(p, Value::Int(n))?,
                            None => self.type_err(&format!("number {text}"), t, end),
                        }
                    }
                    Some(Kind::Float32 | Kind::Float64) => {
                        let bits = if matches!(kind, Some(Kind::Float32)) { 32 } else { 64 };
                        match crate::format::parse_float(item, bits) {
                            Ok(f) => self.store(p, Value::Float(f))?,
                            Err(_) => self.type_err(&format!("number {text}"), t, end),
                        }
                    }
                    Some(Kind::String) if self.name(t) == "json.Number" => {
                        let v = new_str(self.vm, item)?;
                        self.store(p, v)?;
                    }
                    _ if from_quoted => return Ok(Err(invalid_use(self, t))),
                    _ => self.type_err("number", t, end),
                }
            }
        }
        Ok(Ok(()))
    }
}
