//! The `Printf` engine: the verb/flag/width/precision state machine
//! (`doPrintf`), argument indexes (`%[2]d`), `*` widths, the bad-verb forms
//! (`%!d(string=hi)`, `%!d(MISSING)`, `%!(EXTRA int=3)`, `%!(NOVERB)`,
//! `%!d(BADINDEX)`), and the per-kind printing of values (`printArg`,
//! `printValue`, `handleMethods`).
//!
//! A line-by-line port of Go's fmt/print.go over [`FmtValue`] instead of
//! reflection, so that every odd corner (flags kept inside `%!v(...)`,
//! methods ignored behind unexported fields, `&{...}` only at top level)
//! behaves as in Go.

use super::int::{LDIGITS, UDIGITS};
use super::quote;
use super::value::{FmtValue, Kind, MethodCall, MethodName, MethodResult, is_exported};

/// Nesting deeper than this prints `...` instead of recursing further, so
/// pathological values cannot overflow the host stack (Go has no limit).
const MAX_DEPTH: usize = 400;

/// fmt's `fmt` struct: flags, width and precision of the current verb.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fmt {
    pub wid: i64,
    pub prec: i64,
    pub wid_present: bool,
    pub prec_present: bool,
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    pub plus_v: bool,
    pub sharp_v: bool,
}

impl Fmt {
    pub(crate) fn write_padding(&self, buf: &mut Vec<u8>, n: i64) {
        if n <= 0 {
            return;
        }
        let b = if self.zero && !self.minus { b'0' } else { b' ' };
        buf.resize(buf.len() + n as usize, b);
    }

    /// Appends `b` padded to the width (counted in runes).
    pub(crate) fn pad(&self, buf: &mut Vec<u8>, b: &[u8]) {
        if !self.wid_present || self.wid == 0 {
            buf.extend_from_slice(b);
            return;
        }
        let width = self.wid - quote::rune_count(b) as i64;
        if !self.minus {
            self.write_padding(buf, width);
            buf.extend_from_slice(b);
        } else {
            buf.extend_from_slice(b);
            self.write_padding(buf, width);
        }
    }

    fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        if self.prec_present {
            let mut n = self.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
                i += quote::decode_rune(&s[i..]).1.max(1);
            }
        }
        s
    }

    fn fmt_s(&self, buf: &mut Vec<u8>, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(buf, s);
    }

    fn fmt_q(&self, buf: &mut Vec<u8>, s: &[u8]) {
        let s = self.truncate(s);
        if self.sharp && quote::can_backquote(s) {
            let mut q = Vec::with_capacity(s.len() + 2);
            q.push(b'`');
            q.extend_from_slice(s);
            q.push(b'`');
            self.pad(buf, &q);
            return;
        }
        let q = if self.plus {
            quote::quote_to_ascii(s)
        } else {
            quote::quote(s)
        };
        self.pad(buf, &q);
    }
}

/// One formatting run (fmt's `pp`).
#[derive(Default)]
pub(crate) struct Printer {
    pub buf: Vec<u8>,
    pub fmt: Fmt,
    reordered: bool,
    good_arg_num: bool,
    panicking: bool,
    erroring: bool,
    pub wrap_errs: bool,
    pub wrapped_errs: Vec<usize>,
    /// Method results the output needed but found pending, in the order
    /// Go would call the methods.
    pub need: Vec<MethodCall>,
}

fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Parses a decimal number in `s[start..end]`: (num, isnum, newi).
fn parsenum(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num: i64 = 0;
    let mut isnum = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end);
        }
        num = num * 10 + (s[i] - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

/// `intFromArg`: a `*` width or precision taken from an integer argument.
fn int_from_arg(a: &[FmtValue], arg_num: usize) -> (i64, bool, usize) {
    let mut new_arg_num = arg_num;
    let mut num = 0i64;
    let mut is_int = false;
    if let Some(arg) = a.get(arg_num) {
        match arg.base() {
            FmtValue::Int { v, .. } => {
                num = *v;
                is_int = true;
            }
            FmtValue::Uint { v, .. } if (*v as i64) >= 0 => {
                num = *v as i64;
                is_int = true;
            }
            _ => {}
        }
        new_arg_num = arg_num + 1;
        if too_large(num) {
            num = 0;
            is_int = false;
        }
    }
    (num, is_int, new_arg_num)
}

/// `parseArgNumber`: `[n]` at the start of `format` -> (index, width, ok).
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parsenum(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

fn push_rune_u32(buf: &mut Vec<u8>, r: u32) {
    quote::push_rune(buf, r);
}

impl Printer {
    /// Whether argument indexes (`%[n]v`) were used.
    pub(crate) fn reordered(&self) -> bool {
        self.reordered
    }

    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    pub(crate) fn do_printf(&mut self, format: &[u8], a: &[FmtValue]) {
        let end = format.len();
        let mut arg_num: usize = 0;
        let mut after_index;
        self.reordered = false;
        let mut i = 0;
        'format_loop: while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // skip %
            self.fmt = Fmt::default();
            // Flags, with a fast path for a simple verb right after them.
            while i < end {
                let c = format[i];
                match c {
                    b'#' => self.fmt.sharp = true,
                    b'0' => self.fmt.zero = true,
                    b'+' => self.fmt.plus = true,
                    b'-' => self.fmt.minus = true,
                    b' ' => self.fmt.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < a.len() {
                            if c == b'w' {
                                self.wrapped_errs.push(arg_num);
                            }
                            if c == b'v' || c == b'w' {
                                self.fmt.sharp_v = self.fmt.sharp;
                                self.fmt.sharp = false;
                                self.fmt.plus_v = self.fmt.plus;
                                self.fmt.plus = false;
                            }
                            self.print_arg(&a[arg_num], c as u32);
                            arg_num += 1;
                            i += 1;
                            continue 'format_loop;
                        }
                        break;
                    }
                }
                i += 1;
            }
            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
            if i < end && format[i] == b'*' {
                i += 1;
                let (w, ok, n) = int_from_arg(a, arg_num);
                self.fmt.wid = w;
                self.fmt.wid_present = ok;
                arg_num = n;
                if !ok {
                    self.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.fmt.wid < 0 {
                    self.fmt.wid = -self.fmt.wid;
                    self.fmt.minus = true;
                    self.fmt.zero = false;
                }
                after_index = false;
            } else {
                let (w, ok, ni) = parsenum(format, i, end);
                self.fmt.wid = w;
                self.fmt.wid_present = ok;
                i = ni;
                if after_index && self.fmt.wid_present {
                    self.good_arg_num = false;
                }
            }
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (p, ok, n) = int_from_arg(a, arg_num);
                    self.fmt.prec = p;
                    self.fmt.prec_present = ok;
                    arg_num = n;
                    if self.fmt.prec < 0 {
                        self.fmt.prec = 0;
                        self.fmt.prec_present = false;
                    }
                    if !self.fmt.prec_present {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (p, ok, ni) = parsenum(format, i, end);
                    self.fmt.prec = p;
                    self.fmt.prec_present = ok;
                    i = ni;
                    if !self.fmt.prec_present {
                        self.fmt.prec = 0;
                        self.fmt.prec_present = true;
                    }
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, a.len());
            }
            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (verb, size) = quote::decode_rune(&format[i..]);
            i += size.max(1);
            if verb == '%' as u32 {
                self.buf.push(b'%');
            } else if !self.good_arg_num {
                self.buf.extend_from_slice(b"%!");
                push_rune_u32(&mut self.buf, verb);
                self.buf.extend_from_slice(b"(BADINDEX)");
            } else if arg_num >= a.len() {
                self.buf.extend_from_slice(b"%!");
                push_rune_u32(&mut self.buf, verb);
                self.buf.extend_from_slice(b"(MISSING)");
            } else {
                if verb == 'w' as u32 {
                    self.wrapped_errs.push(arg_num);
                }
                if verb == 'v' as u32 || verb == 'w' as u32 {
                    self.fmt.sharp_v = self.fmt.sharp;
                    self.fmt.sharp = false;
                    self.fmt.plus_v = self.fmt.plus;
                    self.fmt.plus = false;
                }
                self.print_arg(&a[arg_num], verb);
                arg_num += 1;
            }
        }
        if !self.reordered && arg_num < a.len() {
            self.fmt = Fmt::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, arg) in a[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                if matches!(arg, FmtValue::Nil { .. }) {
                    self.buf.extend_from_slice(b"<nil>");
                } else {
                    self.buf.extend_from_slice(arg.type_name().as_bytes());
                    self.buf.push(b'=');
                    self.print_arg(arg, 'v' as u32);
                }
            }
            self.buf.push(b')');
        }
    }

    /// `printArg`: one top-level operand.
    pub(crate) fn print_arg(&mut self, arg: &FmtValue, verb: u32) {
        if matches!(arg, FmtValue::Nil { .. }) {
            if verb == 'T' as u32 || verb == 'v' as u32 {
                self.fmt.pad(&mut self.buf, b"<nil>");
            } else {
                self.bad_verb(None, verb);
            }
            return;
        }
        if verb == 'T' as u32 {
            let t = arg.type_name().as_bytes().to_vec();
            self.fmt.fmt_s(&mut self.buf, &t);
            return;
        }
        if verb == 'p' as u32 {
            self.fmt_pointer(arg, 'p' as u32);
            return;
        }
        // `[]byte` has its own fast path in Go; only %#v differs visibly
        // (it says `[]byte{...}` where reflection would say `[]uint8`).
        if let FmtValue::Slice { ty, nil, elems, .. } = arg
            && ty == "[]uint8"
            && self.fmt.sharp_v
            && (verb == 'v' as u32 || verb == 'd' as u32)
        {
            {
                self.buf.extend_from_slice(b"[]byte");
                if *nil {
                    self.buf.extend_from_slice(b"(nil)");
                    return;
                }
                self.buf.push(b'{');
                for (k, e) in elems.iter().enumerate() {
                    if k > 0 {
                        self.buf.extend_from_slice(b", ");
                    }
                    let b = match e.base() {
                        FmtValue::Uint { v, .. } => *v,
                        _ => 0,
                    };
                    self.fmt0x64(b, true);
                }
                self.buf.push(b'}');
                return;
            }
        }
        // Unnamed []byte takes Go's fast path, which never looks at methods
        // (this shows with %w: each byte is reported bad, not the slice).
        let plain_bytes = matches!(arg, FmtValue::Slice { ty, .. } if ty == "[]uint8");
        if plain_bytes || !self.handle_methods(arg, verb) {
            self.print_value(arg, verb, 0, true);
        }
    }

    fn fmt0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.fmt.sharp;
        self.fmt.sharp = leading0x;
        self.fmt
            .fmt_integer(&mut self.buf, v, 16, false, 'v' as u32, LDIGITS);
        self.fmt.sharp = sharp;
    }

    /// `badVerb`: `%!verb(type=value)`; flags stay as they were, as in Go.
    fn bad_verb(&mut self, value: Option<&FmtValue>, verb: u32) {
        self.erroring = true;
        self.buf.extend_from_slice(b"%!");
        push_rune_u32(&mut self.buf, verb);
        self.buf.push(b'(');
        match value {
            Some(v) if !matches!(v, FmtValue::Nil { .. }) => {
                self.buf.extend_from_slice(v.type_name().as_bytes());
                self.buf.push(b'=');
                self.print_value(v, 'v' as u32, 0, false);
            }
            _ => self.buf.extend_from_slice(b"<nil>"),
        }
        self.buf.push(b')');
        self.erroring = false;
    }

    fn fmt_bool(&mut self, value: &FmtValue, v: bool, verb: u32) {
        if verb == 't' as u32 || verb == 'v' as u32 {
            let s: &[u8] = if v { b"true" } else { b"false" };
            self.fmt.pad(&mut self.buf, s);
        } else {
            self.bad_verb(Some(value), verb);
        }
    }

    fn fmt_integer(&mut self, value: &FmtValue, v: u64, signed: bool, verb: u32) {
        let Some(c) = char::from_u32(verb) else {
            self.bad_verb(Some(value), verb);
            return;
        };
        let buf = &mut self.buf;
        match c {
            'v' => {
                if self.fmt.sharp_v && !signed {
                    self.fmt0x64(v, true);
                } else {
                    self.fmt.fmt_integer(buf, v, 10, signed, verb, LDIGITS);
                }
            }
            'd' => self.fmt.fmt_integer(buf, v, 10, signed, verb, LDIGITS),
            'b' => self.fmt.fmt_integer(buf, v, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.fmt.fmt_integer(buf, v, 8, signed, verb, LDIGITS),
            'x' => self.fmt.fmt_integer(buf, v, 16, signed, verb, LDIGITS),
            'X' => self.fmt.fmt_integer(buf, v, 16, signed, verb, UDIGITS),
            'c' => self.fmt.fmt_c(buf, v),
            'q' => self.fmt.fmt_qc(buf, v),
            'U' => self.fmt.fmt_unicode(buf, v),
            _ => self.bad_verb(Some(value), verb),
        }
    }

    fn fmt_float(&mut self, value: &FmtValue, v: f64, size: u32, verb: u32) {
        let buf = &mut self.buf;
        match char::from_u32(verb).unwrap_or('\0') {
            'v' => self.fmt.fmt_float(buf, v, size, b'g', -1),
            c @ ('b' | 'g' | 'G' | 'x' | 'X') => self.fmt.fmt_float(buf, v, size, c as u8, -1),
            c @ ('f' | 'e' | 'E') => self.fmt.fmt_float(buf, v, size, c as u8, 6),
            'F' => self.fmt.fmt_float(buf, v, size, b'f', 6),
            _ => self.bad_verb(Some(value), verb),
        }
    }

    fn fmt_complex(&mut self, value: &FmtValue, re: f64, im: f64, size: u32, verb: u32) {
        match char::from_u32(verb).unwrap_or('\0') {
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                let old_plus = self.fmt.plus;
                self.buf.push(b'(');
                self.fmt_float(value, re, size / 2, verb);
                self.fmt.plus = true;
                self.fmt_float(value, im, size / 2, verb);
                self.buf.extend_from_slice(b"i)");
                self.fmt.plus = old_plus;
            }
            _ => self.bad_verb(Some(value), verb),
        }
    }

    fn fmt_string(&mut self, value: &FmtValue, v: &[u8], verb: u32) {
        let buf = &mut self.buf;
        match char::from_u32(verb).unwrap_or('\0') {
            'v' => {
                if self.fmt.sharp_v {
                    self.fmt.fmt_q(buf, v);
                } else {
                    self.fmt.fmt_s(buf, v);
                }
            }
            's' => self.fmt.fmt_s(buf, v),
            'x' => self.fmt.fmt_sbx(buf, v, LDIGITS),
            'X' => self.fmt.fmt_sbx(buf, v, UDIGITS),
            'q' => self.fmt.fmt_q(buf, v),
            _ => self.bad_verb(Some(value), verb),
        }
    }

    /// `fmtBytes` for the verbs that treat a byte slice/array as text.
    fn fmt_bytes_text(&mut self, v: &[u8], verb: u32) {
        let buf = &mut self.buf;
        match char::from_u32(verb).unwrap_or('\0') {
            's' => {
                let s = self.fmt.truncate(v);
                self.fmt.pad(buf, s);
            }
            'x' => self.fmt.fmt_sbx(buf, v, LDIGITS),
            'X' => self.fmt.fmt_sbx(buf, v, UDIGITS),
            _ => self.fmt.fmt_q(buf, v),
        }
    }

    fn fmt_pointer(&mut self, value: &FmtValue, verb: u32) {
        let u = match value.base() {
            FmtValue::Chan { addr, .. }
            | FmtValue::Func { addr, .. }
            | FmtValue::Pointer { addr, .. } => *addr,
            FmtValue::Map { addr, nil, .. } | FmtValue::Slice { addr, nil, .. } => {
                if *nil {
                    0
                } else {
                    *addr
                }
            }
            _ => {
                self.bad_verb(Some(value), verb);
                return;
            }
        };
        match char::from_u32(verb).unwrap_or('\0') {
            'v' => {
                if self.fmt.sharp_v {
                    self.buf.push(b'(');
                    self.buf.extend_from_slice(value.type_name().as_bytes());
                    self.buf.extend_from_slice(b")(");
                    if u == 0 {
                        self.buf.extend_from_slice(b"nil");
                    } else {
                        self.fmt0x64(u, true);
                    }
                    self.buf.push(b')');
                } else if u == 0 {
                    self.fmt.pad(&mut self.buf, b"<nil>");
                } else {
                    let sharp = !self.fmt.sharp;
                    self.fmt0x64(u, sharp);
                }
            }
            'p' => {
                let sharp = !self.fmt.sharp;
                self.fmt0x64(u, sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(value, u, false, verb),
            _ => self.bad_verb(Some(value), verb),
        }
    }

    /// `catchPanic`: what fmt prints when a method panicked.
    fn method_panicked(
        &mut self,
        value: &FmtValue,
        verb: u32,
        method: &str,
        panic_value: &FmtValue,
    ) {
        if let FmtValue::Pointer { addr: 0, .. } = value.base() {
            self.buf.extend_from_slice(b"<nil>");
            return;
        }
        let old = self.fmt;
        self.fmt = Fmt::default();
        self.buf.extend_from_slice(b"%!");
        push_rune_u32(&mut self.buf, verb);
        self.buf.extend_from_slice(b"(PANIC=");
        self.buf.extend_from_slice(method.as_bytes());
        self.buf.extend_from_slice(b" method: ");
        self.panicking = true;
        self.print_arg(panic_value, 'v' as u32);
        self.panicking = false;
        self.buf.push(b')');
        self.fmt = old;
    }

    /// Records a pending method result the output depends on.
    fn request(&mut self, token: u64, method: MethodName) {
        self.need.push(MethodCall { token, method });
    }

    /// `handleMethods`: Error/String/GoString and the `%w` check.
    fn handle_methods(&mut self, value: &FmtValue, verb: u32) -> bool {
        if self.erroring {
            return false;
        }
        let mut verb = verb;
        let methods = value.methods();
        if verb == 'w' as u32 {
            let is_error = methods.is_some_and(|m| m.error.is_some());
            if !is_error || !self.wrap_errs {
                self.bad_verb(Some(value), verb);
                return true;
            }
            verb = 'v' as u32;
        }
        let Some(m) = methods else { return false };
        if self.fmt.sharp_v {
            if let Some(r) = &m.go_string {
                match r {
                    MethodResult::Text(t) => self.fmt.fmt_s(&mut self.buf, t),
                    MethodResult::Panic(p) => self.method_panicked(value, verb, "GoString", p),
                    MethodResult::Pending(token) => self.request(*token, MethodName::GoString),
                }
                return true;
            }
        } else if matches!(char::from_u32(verb), Some('v' | 's' | 'x' | 'X' | 'q')) {
            let (r, name, which) = match (&m.error, &m.string) {
                (Some(r), _) => (r, "Error", MethodName::Error),
                (None, Some(r)) => (r, "String", MethodName::String),
                _ => return false,
            };
            match r {
                MethodResult::Text(t) => self.fmt_string(value, t, verb),
                MethodResult::Panic(p) => self.method_panicked(value, verb, name, p),
                MethodResult::Pending(token) => self.request(*token, which),
            }
            return true;
        }
        false
    }

    /// `printValue`: a value reached by reflection; `can_iface` is false
    /// below unexported fields, where fmt cannot call methods.
    pub(crate) fn print_value(
        &mut self,
        value: &FmtValue,
        verb: u32,
        depth: usize,
        can_iface: bool,
    ) {
        if depth > MAX_DEPTH {
            self.buf.extend_from_slice(b"...");
            return;
        }
        if depth > 0 && can_iface && self.handle_methods(value, verb) {
            return;
        }
        let sharp_v = self.fmt.sharp_v;
        match value.base() {
            FmtValue::Nil { ty } => {
                if depth == 0 && ty.is_empty() {
                    self.buf.extend_from_slice(b"<nil>");
                } else if sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                    self.buf.extend_from_slice(b"(nil)");
                } else {
                    self.buf.extend_from_slice(b"<nil>");
                }
            }
            FmtValue::Bool { v, .. } => self.fmt_bool(value, *v, verb),
            FmtValue::Int { v, .. } => self.fmt_integer(value, *v as u64, true, verb),
            FmtValue::Uint { v, .. } => self.fmt_integer(value, *v, false, verb),
            FmtValue::Float { v, bits, .. } => {
                self.fmt_float(value, *v, if *bits == 32 { 32 } else { 64 }, verb)
            }
            FmtValue::Complex { re, im, bits, .. } => {
                self.fmt_complex(value, *re, *im, if *bits == 64 { 64 } else { 128 }, verb)
            }
            FmtValue::Str { v, .. } => self.fmt_string(value, v, verb),
            FmtValue::Map {
                ty, nil, entries, ..
            } => {
                if sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                    if *nil {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.buf.push(b'{');
                } else {
                    self.buf.extend_from_slice(b"map[");
                }
                let mut order: Vec<usize> = (0..entries.len()).collect();
                order.sort_by(|&x, &y| super::sort::compare(&entries[x].0, &entries[y].0));
                for (k, &ix) in order.iter().enumerate() {
                    if k > 0 {
                        if sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    self.print_value(&entries[ix].0, verb, depth + 1, can_iface);
                    self.buf.push(b':');
                    self.print_value(&entries[ix].1, verb, depth + 1, can_iface);
                }
                self.buf.push(if sharp_v { b'}' } else { b']' });
            }
            FmtValue::Struct { ty, fields } => {
                if sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                }
                self.buf.push(b'{');
                for (k, f) in fields.iter().enumerate() {
                    if k > 0 {
                        if sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    if (self.fmt.plus_v || sharp_v) && !f.name.is_empty() {
                        self.buf.extend_from_slice(f.name.as_bytes());
                        self.buf.push(b':');
                    }
                    self.print_value(&f.value, verb, depth + 1, can_iface && is_exported(&f.name));
                }
                self.buf.push(b'}');
            }
            FmtValue::Array {
                ty,
                byte_elems,
                elems,
            } => self.print_list(ty, false, *byte_elems, elems, verb, depth, can_iface),
            FmtValue::Slice {
                ty,
                nil,
                byte_elems,
                elems,
                ..
            } => self.print_list(ty, *nil, *byte_elems, elems, verb, depth, can_iface),
            FmtValue::Pointer { addr, elem, .. } => {
                if depth == 0
                    && *addr != 0
                    && let Some(e) = elem
                    && matches!(
                        e.kind(),
                        Kind::Array | Kind::Slice | Kind::Struct | Kind::Map
                    )
                {
                    self.buf.push(b'&');
                    self.print_value(e, verb, depth + 1, can_iface);
                    return;
                }
                self.fmt_pointer(value, verb);
            }
            FmtValue::Chan { .. } | FmtValue::Func { .. } => self.fmt_pointer(value, verb),
            FmtValue::WithMethods { .. } => {}
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn print_list(
        &mut self,
        ty: &str,
        nil: bool,
        byte_elems: bool,
        elems: &[FmtValue],
        verb: u32,
        depth: usize,
        can_iface: bool,
    ) {
        if byte_elems && matches!(char::from_u32(verb), Some('s' | 'q' | 'x' | 'X')) {
            let bytes: Vec<u8> = elems
                .iter()
                .map(|e| match e.base() {
                    FmtValue::Uint { v, .. } => *v as u8,
                    _ => 0,
                })
                .collect();
            self.fmt_bytes_text(&bytes, verb);
            return;
        }
        if self.fmt.sharp_v {
            self.buf.extend_from_slice(ty.as_bytes());
            if nil {
                self.buf.extend_from_slice(b"(nil)");
                return;
            }
            self.buf.push(b'{');
            for (k, e) in elems.iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                self.print_value(e, verb, depth + 1, can_iface);
            }
            self.buf.push(b'}');
        } else {
            self.buf.push(b'[');
            for (k, e) in elems.iter().enumerate() {
                if k > 0 {
                    self.buf.push(b' ');
                }
                self.print_value(e, verb, depth + 1, can_iface);
            }
            self.buf.push(b']');
        }
    }
}
