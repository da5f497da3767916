//! Go's `encoding/json/scanner.go`: the state machine that checks JSON
//! one byte at a time. It is what `Valid`, `Unmarshal`'s first pass,
//! `Compact`, `Indent` and a `Decoder` finding the end of a value run;
//! its nesting stack is a vector, so input nested to the limit
//! (`exceeded max depth`) costs no host stack. Go 1.27's `encoding/json`
//! runs on `encoding/json/v2`'s `jsontext`, so the errors are jsontext's
//! as `v2_scanner.go`'s `transformSyntacticError` rewrites them: an
//! invalid character quoted as a whole rune (`'é'`), `in string`,
//! `in numeric literal`, ``invalid escape sequence `\x` in string``, and
//! `unexpected end of JSON input` wherever the input stops early (at the
//! start of a truncated top-level number or escape sequence, else at its
//! end).

/// What a step says about the byte it read (Go's `scan*` constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Scan {
    Continue,
    BeginLiteral,
    BeginObject,
    ObjectKey,
    ObjectValue,
    EndObject,
    BeginArray,
    ArrayValue,
    EndArray,
    SkipSpace,
    End,
    Error,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parse {
    ObjectKey,
    ObjectValue,
    ArrayValue,
}

/// The step function: scanner.go's `state*` functions by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    BeginValueOrEmpty,
    BeginValue,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEsc,
    InStringEscU,
    InStringEscU1,
    InStringEscU12,
    InStringEscU123,
    Neg,
    One,
    Zero,
    Dot,
    Dot0,
    E,
    ESign,
    E0,
    T,
    Tr,
    Tru,
    F,
    Fa,
    Fal,
    Fals,
    N,
    Nu,
    Nul,
    Error,
}

/// Go's `maxNestingDepth`.
pub(crate) const MAX_NESTING_DEPTH: usize = 10000;

pub(crate) struct Scanner {
    step: State,
    end_top: bool,
    parse_state: Vec<Parse>,
    /// The error, once one happened.
    pub err: Option<ScanError>,
    /// Bytes consumed (the offset errors report).
    pub bytes: i64,
    /// Where the number or escape sequence being read began.
    num_start: i64,
    esc_start: i64,
}

/// A syntax error, turned into its text with the input at hand
/// ([`ScanError::message`]).
#[derive(Clone, Debug)]
pub(crate) enum ScanError {
    /// An invalid character at offset `at` of the input.
    Char { at: i64, context: &'static str },
    /// An invalid escape sequence starting at `at`.
    Escape { at: i64 },
    Depth { offset: i64 },
    Eof { offset: i64 },
}

impl ScanError {
    /// Go's `*SyntaxError` text and offset; `data` is the input from the
    /// scan's offset 0.
    pub(crate) fn message(&self, data: &[u8]) -> (String, i64) {
        match *self {
            ScanError::Char { at, context } => {
                let rest = data.get(at.max(0) as usize..).unwrap_or_default();
                let (r, n) = crate::format::decode_rune(rest);
                let n = n.max(1);
                let q = if r == 0xFFFD && n == 1 {
                    let b = rest.first().copied().unwrap_or(0);
                    format!("'\\x{b:02x}'")
                } else {
                    String::from_utf8_lossy(&crate::format::quote_rune(r)).into_owned()
                };
                (format!("invalid character {q} {context}"), at + n as i64)
            }
            ScanError::Escape { at } => {
                let rest = data.get(at.max(0) as usize..).unwrap_or_default();
                let len = if rest.get(1) == Some(&b'u') { 6 } else { 2 };
                let what = &rest[..len.min(rest.len())];
                let needs_quote = what.iter().any(|&c| c == b'`' || c <= b' ' || c >= 0x7f);
                let shown = if needs_quote { String::from_utf8_lossy(&crate::format::quote(what)).into_owned() } else { format!("`{}`", String::from_utf8_lossy(what)) };
                (format!("invalid escape sequence {shown} in string"), at + what.len() as i64)
            }
            ScanError::Depth { offset } => ("exceeded max depth".into(), offset),
            ScanError::Eof { offset } => ("unexpected end of JSON input".into(), offset),
        }
    }
}

fn is_space(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\r' || c == b'\n'
}

impl Scanner {
    pub(crate) fn new() -> Scanner {
        Scanner { step: State::BeginValue, end_top: false, parse_state: Vec::new(), err: None, bytes: 0, num_start: 0, esc_start: 0 }
    }

    pub(crate) fn eof(&mut self) -> Scan {
        if self.err.is_some() {
            return Scan::Error;
        }
        if self.end_top {
            return Scan::End;
        }
        let in_number = matches!(self.step, State::Neg | State::One | State::Zero | State::Dot | State::Dot0 | State::E | State::ESign | State::E0);
        let in_escape = matches!(self.step, State::InStringEsc | State::InStringEscU | State::InStringEscU1 | State::InStringEscU12 | State::InStringEscU123);
        let top = self.parse_state.is_empty();
        self.step(b' ');
        if self.end_top && self.err.is_none() {
            return Scan::End;
        }
        let offset = if in_number && top {
            self.num_start
        } else if in_escape {
            self.esc_start
        } else {
            self.bytes
        };
        self.err = Some(ScanError::Eof { offset });
        Scan::Error
    }

    fn push(&mut self, p: Parse, success: Scan) -> Scan {
        self.parse_state.push(p);
        if self.parse_state.len() <= MAX_NESTING_DEPTH {
            return success;
        }
        self.step = State::Error;
        self.err = Some(ScanError::Depth { offset: self.bytes });
        Scan::Error
    }

    fn pop(&mut self) {
        self.parse_state.pop();
        if self.parse_state.is_empty() {
            self.step = State::EndTop;
            self.end_top = true;
        } else {
            self.step = State::EndValue;
        }
    }

    fn error(&mut self, _c: u8, context: &'static str) -> Scan {
        self.step = State::Error;
        self.err = Some(ScanError::Char { at: self.bytes - 1, context });
        Scan::Error
    }

    fn escape_error(&mut self) -> Scan {
        self.step = State::Error;
        self.err = Some(ScanError::Escape { at: self.esc_start });
        Scan::Error
    }

    /// Go's `stateEndValue` applied directly (the decoder's peek at what
    /// follows a value).
    pub(crate) fn end_value(&mut self, c: u8) -> Scan {
        self.run(State::EndValue, c)
    }

    pub(crate) fn step(&mut self, c: u8) -> Scan {
        self.run(self.step, c)
    }

    fn run(&mut self, state: State, c: u8) -> Scan {
        use State as S;
        let hex = |c: u8| c.is_ascii_hexdigit();
        match state {
            S::BeginValueOrEmpty => {
                if is_space(c) {
                    return Scan::SkipSpace;
                }
                if c == b']' {
                    return self.run(S::EndValue, c);
                }
                self.run(S::BeginValue, c)
            }
            S::BeginValue => {
                if is_space(c) {
                    return Scan::SkipSpace;
                }
                let (next, r) = match c {
                    b'{' => {
                        self.step = S::BeginStringOrEmpty;
                        return self.push(Parse::ObjectKey, Scan::BeginObject);
                    }
                    b'[' => {
                        self.step = S::BeginValueOrEmpty;
                        return self.push(Parse::ArrayValue, Scan::BeginArray);
                    }
                    b'"' => (S::InString, Scan::BeginLiteral),
                    b'-' | b'0'..=b'9' => {
                        self.num_start = self.bytes - 1;
                        (if c == b'-' { S::Neg } else if c == b'0' { S::Zero } else { S::One }, Scan::BeginLiteral)
                    }
                    b't' => (S::T, Scan::BeginLiteral),
                    b'f' => (S::F, Scan::BeginLiteral),
                    b'n' => (S::N, Scan::BeginLiteral),
                    _ => return self.error(c, "looking for beginning of value"),
                };
                self.step = next;
                r
            }
            S::BeginStringOrEmpty => {
                if is_space(c) {
                    return Scan::SkipSpace;
                }
                if c == b'}' {
                    if let Some(p) = self.parse_state.last_mut() {
                        *p = Parse::ObjectValue;
                    }
                    return self.run(S::EndValue, c);
                }
                self.run(S::BeginString, c)
            }
            S::BeginString => {
                if is_space(c) {
                    return Scan::SkipSpace;
                }
                if c == b'"' {
                    self.step = S::InString;
                    return Scan::BeginLiteral;
                }
                self.error(c, "looking for beginning of object key string")
            }
            S::EndValue => {
                let Some(&ps) = self.parse_state.last() else {
                    self.step = S::EndTop;
                    self.end_top = true;
                    return self.run(S::EndTop, c);
                };
                if is_space(c) {
                    self.step = S::EndValue;
                    return Scan::SkipSpace;
                }
                match ps {
                    Parse::ObjectKey => {
                        if c == b':' {
                            if let Some(p) = self.parse_state.last_mut() {
                                *p = Parse::ObjectValue;
                            }
                            self.step = S::BeginValue;
                            return Scan::ObjectKey;
                        }
                        self.error(c, "after object key")
                    }
                    Parse::ObjectValue => {
                        if c == b',' {
                            if let Some(p) = self.parse_state.last_mut() {
                                *p = Parse::ObjectKey;
                            }
                            self.step = S::BeginString;
                            return Scan::ObjectValue;
                        }
                        if c == b'}' {
                            self.pop();
                            return Scan::EndObject;
                        }
                        self.error(c, "after object key:value pair")
                    }
                    Parse::ArrayValue => {
                        if c == b',' {
                            self.step = S::BeginValue;
                            return Scan::ArrayValue;
                        }
                        if c == b']' {
                            self.pop();
                            return Scan::EndArray;
                        }
                        self.error(c, "after array element")
                    }
                }
            }
            S::EndTop => {
                if !is_space(c) {
                    self.error(c, "after top-level value");
                }
                Scan::End
            }
            S::InString => {
                if c == b'"' {
                    self.step = S::EndValue;
                    return Scan::Continue;
                }
                if c == b'\\' {
                    self.esc_start = self.bytes - 1;
                    self.step = S::InStringEsc;
                    return Scan::Continue;
                }
                if c < 0x20 {
                    return self.error(c, "in string");
                }
                Scan::Continue
            }
            S::InStringEsc => match c {
                b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => {
                    self.step = S::InString;
                    Scan::Continue
                }
                b'u' => {
                    self.step = S::InStringEscU;
                    Scan::Continue
                }
                _ => self.escape_error(),
            },
            S::InStringEscU | S::InStringEscU1 | S::InStringEscU12 | S::InStringEscU123 => {
                if hex(c) {
                    self.step = match state {
                        S::InStringEscU => S::InStringEscU1,
                        S::InStringEscU1 => S::InStringEscU12,
                        S::InStringEscU12 => S::InStringEscU123,
                        _ => S::InString,
                    };
                    return Scan::Continue;
                }
                self.escape_error()
            }
            S::Neg => match c {
                b'0' => {
                    self.step = S::Zero;
                    Scan::Continue
                }
                b'1'..=b'9' => {
                    self.step = S::One;
                    Scan::Continue
                }
                _ => self.error(c, "in numeric literal"),
            },
            S::One => {
                if c.is_ascii_digit() {
                    self.step = S::One;
                    return Scan::Continue;
                }
                self.run(S::Zero, c)
            }
            S::Zero => match c {
                b'.' => {
                    self.step = S::Dot;
                    Scan::Continue
                }
                b'e' | b'E' => {
                    self.step = S::E;
                    Scan::Continue
                }
                _ => self.run(S::EndValue, c),
            },
            S::Dot => {
                if c.is_ascii_digit() {
                    self.step = S::Dot0;
                    return Scan::Continue;
                }
                self.error(c, "in numeric literal")
            }
            S::Dot0 => {
                if c.is_ascii_digit() {
                    return Scan::Continue;
                }
                if c == b'e' || c == b'E' {
                    self.step = S::E;
                    return Scan::Continue;
                }
                self.run(S::EndValue, c)
            }
            S::E => {
                if c == b'+' || c == b'-' {
                    self.step = S::ESign;
                    return Scan::Continue;
                }
                self.run(S::ESign, c)
            }
            S::ESign => {
                if c.is_ascii_digit() {
                    self.step = S::E0;
                    return Scan::Continue;
                }
                self.error(c, "in numeric literal")
            }
            S::E0 => {
                if c.is_ascii_digit() {
                    return Scan::Continue;
                }
                self.run(S::EndValue, c)
            }
            S::T | S::Tr | S::Tru | S::F | S::Fa | S::Fal | S::Fals | S::N | S::Nu | S::Nul => {
                let (want, next, ctx) = match state {
                    S::T => (b'r', S::Tr, "in literal true (expecting 'r')"),
                    S::Tr => (b'u', S::Tru, "in literal true (expecting 'u')"),
                    S::Tru => (b'e', S::EndValue, "in literal true (expecting 'e')"),
                    S::F => (b'a', S::Fa, "in literal false (expecting 'a')"),
                    S::Fa => (b'l', S::Fal, "in literal false (expecting 'l')"),
                    S::Fal => (b's', S::Fals, "in literal false (expecting 's')"),
                    S::Fals => (b'e', S::EndValue, "in literal false (expecting 'e')"),
                    S::N => (b'u', S::Nu, "in literal null (expecting 'u')"),
                    S::Nu => (b'l', S::Nul, "in literal null (expecting 'l')"),
                    _ => (b'l', S::EndValue, "in literal null (expecting 'l')"),
                };
                if c == want {
                    self.step = next;
                    return Scan::Continue;
                }
                self.error(c, ctx)
            }
            S::Error => Scan::Error,
        }
    }
}

impl Scanner {
    /// The error's text and offset, `data` being the input scanned.
    pub(crate) fn error_of(&self, data: &[u8]) -> (String, i64) {
        self.err.as_ref().map_or_else(|| ("unexpected end of JSON input".into(), self.bytes), |e| e.message(data))
    }
}

/// Go's `checkValid`: `Err((message, offset))` for a `*SyntaxError`.
pub(crate) fn check_valid(data: &[u8]) -> Result<(), (String, i64)> {
    let mut s = Scanner::new();
    for &c in data {
        s.bytes += 1;
        if s.step(c) == Scan::Error {
            return Err(s.error_of(data));
        }
    }
    if s.eof() == Scan::Error {
        return Err(s.error_of(data));
    }
    Ok(())
}

/// Where the first value in `buf` ends, as a `Decoder`'s `readValue`
/// finds it: `Ok(Some(n))` once it is complete, `Ok(None)` when more
/// input is needed (`at_eof`: the input has ended, as if a space
/// followed), `Err` for a syntax error (its offset counted from `buf`'s
/// start).
pub(crate) fn value_end(buf: &[u8], at_eof: bool) -> Result<Option<usize>, (String, i64)> {
    let mut s = Scanner::new();
    for (i, &c) in buf.iter().enumerate() {
        s.bytes += 1;
        match s.step(c) {
            Scan::End => return Ok(Some(i)),
            Scan::EndObject | Scan::EndArray if s.end_value(b' ') == Scan::End => return Ok(Some(i + 1)),
            Scan::Error => return Err(s.error_of(buf)),
            _ => {}
        }
    }
    if at_eof && s.step(b' ') == Scan::End {
        return Ok(Some(buf.len()));
    }
    Ok(None)
}
