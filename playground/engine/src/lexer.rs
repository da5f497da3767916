//! The lexer: Go source text to tokens, with automatic semicolon insertion.
//!
//! It follows the Go spec's lexical grammar and mirrors the behaviour and
//! error wording of the go tool's scanner (`cmd/compile/internal/syntax`),
//! including where each error is positioned, because learners compare our
//! messages with real Go's. It never panics: malformed input yields a token
//! plus a diagnostic, and scanning continues.
//!
//! Literal values are not decoded here; `decode_string`, `decode_rune`,
//! `decode_int` turn a literal's text into its value when the checker needs
//! it (floats' and imaginary parts' are exact: `constant::Exact`).

use crate::diag::Diagnostic;
use crate::span::{SourceFile, Span};
use crate::token::{AssignOp, SemiKind, Token, TokenKind, keyword};

#[cfg(test)]
/// Splits a file into tokens. The last token is always `Eof`. Diagnostics
/// come in source order.
pub fn tokenize(file: &SourceFile) -> (Vec<Token>, Vec<Diagnostic>) {
    let (tokens, diags, _) = tokenize_with_owners(file);
    (tokens, diags)
}

/// Like `tokenize`, also saying for each diagnostic the index of the token
/// whose scanning reported it. Go's scanner runs lazily, one token ahead of
/// nothing: the parser needs this to know which errors Go would have seen
/// by a given point (Go stops after a bad package clause, and checks
/// labels only in bodies scanned without error).
pub(crate) fn tokenize_with_owners(file: &SourceFile) -> (Vec<Token>, Vec<Diagnostic>, Vec<usize>) {
    let mut lx = Lexer::new(&file.text, file.invalid_bytes());
    let mut tokens = Vec::new();
    loop {
        lx.tok_index = tokens.len();
        let tok = lx.next_token();
        tokens.push(tok);
        if tok.kind == TokenKind::Eof {
            break;
        }
    }
    (tokens, lx.diags, lx.owners)
}

/// The tokens of byte ranges of `file`, in order, as one stream ending in
/// `Eof`: each range starts where a top-level declaration starts (outside
/// any comment or literal), so each lexes as it would in the whole file.
/// A range that ends at a function body's `{` (`stub`) gets an empty body
/// there. Reading only the library declarations a program reaches
/// (`check::library`) this way skips lexing the rest. The library's text
/// has no lexical errors (`check::tests::stubs_check_cleanly`), so no
/// diagnostics are kept.
pub(crate) fn tokenize_ranges(file: &SourceFile, ranges: &[(u32, u32, bool)]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for &(start, end, stub) in ranges {
        let Some(text) = file.text.get(..end as usize) else { continue };
        let mut lx = Lexer::new(text, file.invalid_bytes());
        lx.load(start as usize);
        loop {
            let tok = lx.next_token();
            if tok.kind == TokenKind::Eof {
                break;
            }
            if !(stub && tok.kind == TokenKind::Semi(SemiKind::Eof)) {
                tokens.push(tok);
            }
        }
        if stub {
            let (e, brace) = (end as usize, Span::new(end as usize, end as usize + 1));
            tokens.push(Token { kind: TokenKind::LBrace, span: brace });
            tokens.push(Token { kind: TokenKind::RBrace, span: brace });
            tokens.push(Token { kind: TokenKind::Semi(SemiKind::Newline), span: Span::new(e + 1, e + 1) });
        }
    }
    let end = file.text.len();
    tokens.push(Token { kind: TokenKind::Eof, span: Span::new(end, end) });
    tokens
}

struct Lexer<'a> {
    src: &'a str,
    /// Offsets of the U+FFFDs in `src` that stand for bytes of the file
    /// that were not UTF-8 (`SourceFile::from_bytes`).
    invalid: &'a [u32],
    /// Offset of the current character `ch`.
    pos: usize,
    /// The current character; `None` at end of input.
    ch: Option<char>,
    /// Whether a newline or EOF here becomes a semicolon.
    nlsemi: bool,
    /// Offset where the current token starts.
    start: usize,
    diags: Vec<Diagnostic>,
    /// For each diagnostic, the index of the token being scanned.
    owners: Vec<usize>,
    tok_index: usize,
}

const BOM: char = '\u{feff}';

/// The compiler's error for a byte of the file that is not UTF-8.
pub(crate) const INVALID_UTF8: &str = "invalid UTF-8 encoding";
const INVALID_NUL: &str = "invalid NUL character";
const INVALID_BOM: &str = "invalid BOM in the middle of the file";

/// Whether a lexer error is about the source text itself (Go's source
/// reader reports it and skips the character) rather than about a token.
pub(crate) fn is_source_text_error(msg: &str) -> bool {
    msg == INVALID_UTF8 || msg == INVALID_NUL || msg == INVALID_BOM
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, invalid: &'a [u32]) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            invalid,
            pos: 0,
            ch: None,
            nlsemi: false,
            start: 0,
            diags: Vec::new(),
            owners: Vec::new(),
            tok_index: 0,
        };
        lx.load(0);
        // A byte order mark is allowed, and ignored, only at the very start.
        if lx.ch == Some(BOM) {
            lx.pos = BOM.len_utf8();
            lx.load(lx.pos);
        }
        lx
    }

    /// Makes the character at `pos` current, skipping (and reporting) NUL
    /// characters, bytes that are not UTF-8 and stray byte order marks as
    /// Go's source reader does.
    fn load(&mut self, mut pos: usize) {
        loop {
            self.pos = pos;
            // ASCII other than NUL, the common case, needs no decoding.
            if let Some(&b) = self.src.as_bytes().get(pos)
                && b != 0
                && b.is_ascii()
            {
                self.ch = Some(b as char);
                return;
            }
            self.ch = self.src.get(pos..).and_then(|s| s.chars().next());
            match self.ch {
                Some('\0') => {
                    self.error_at(pos, INVALID_NUL);
                    pos += 1;
                }
                Some(BOM) if pos > 0 => {
                    self.error_at(pos, INVALID_BOM);
                    pos += BOM.len_utf8();
                }
                Some(char::REPLACEMENT_CHARACTER)
                    if !self.invalid.is_empty() && self.invalid.binary_search(&(pos as u32)).is_ok() =>
                {
                    self.error_at(pos, INVALID_UTF8);
                    pos += char::REPLACEMENT_CHARACTER.len_utf8();
                }
                _ => return,
            }
        }
    }

    fn bump(&mut self) {
        if let Some(c) = self.ch {
            self.load(self.pos + c.len_utf8());
        }
    }

    fn error_at(&mut self, pos: usize, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(Span::new(pos, pos), msg));
        self.owners.push(self.tok_index);
    }

    /// Reports at the current character, as Go's `errorf` does.
    fn error_here(&mut self, msg: impl Into<String>) {
        self.error_at(self.pos, msg);
    }

    fn token(&self, kind: TokenKind) -> Token {
        Token {
            kind,
            span: Span::new(self.start, self.pos),
        }
    }

    fn next_token(&mut self) -> Token {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while let Some(c) = self.ch {
                if c == ' ' || c == '\t' || c == '\r' || (c == '\n' && !nlsemi) {
                    self.bump();
                } else {
                    break;
                }
            }
            self.start = self.pos;
            let Some(c) = self.ch else {
                if nlsemi {
                    return self.token(TokenKind::Semi(SemiKind::Eof));
                }
                return self.token(TokenKind::Eof);
            };
            if is_letter(c) || (!c.is_ascii() && self.at_ident_char(true)) {
                self.bump();
                return self.ident();
            }
            use TokenKind::*;
            let kind = match c {
                '\n' => {
                    self.bump();
                    return Token {
                        kind: Semi(SemiKind::Newline),
                        span: Span::new(self.start, self.start + 1),
                    };
                }
                '0'..='9' => return self.number(false),
                '"' => return self.std_string(),
                '`' => return self.raw_string(),
                '\'' => return self.rune(),
                '(' => LParen,
                '[' => LBrack,
                '{' => LBrace,
                ',' => Comma,
                ';' => Semi(SemiKind::Explicit),
                ')' => {
                    self.nlsemi = true;
                    RParen
                }
                ']' => {
                    self.nlsemi = true;
                    RBrack
                }
                '}' => {
                    self.nlsemi = true;
                    RBrace
                }
                ':' => {
                    self.bump();
                    if self.ch == Some('=') {
                        self.bump();
                        return self.token(Define);
                    }
                    return self.token(Colon);
                }
                '.' => {
                    self.bump();
                    if matches!(self.ch, Some('0'..='9')) {
                        return self.number(true);
                    }
                    if self.ch == Some('.') && self.src.as_bytes().get(self.pos + 1) == Some(&b'.')
                    {
                        self.bump();
                        self.bump();
                        return self.token(Ellipsis);
                    }
                    return self.token(Period);
                }
                '+' => return self.step_or_assign_op('+', Inc, Add, AssignOp::Add),
                '-' => return self.step_or_assign_op('-', Dec, Sub, AssignOp::Sub),
                '*' => {
                    self.bump();
                    return self.assign_op(Mul, AssignOp::Mul);
                }
                '/' => {
                    self.bump();
                    if self.ch == Some('/') {
                        while let Some(c) = self.ch {
                            if c == '\n' {
                                break;
                            }
                            self.bump();
                        }
                        continue;
                    }
                    if self.ch == Some('*') {
                        self.bump();
                        let comment_start = self.start;
                        let mut newline = false;
                        let mut closed = false;
                        while let Some(c) = self.ch {
                            self.bump();
                            if c == '\n' {
                                newline = true;
                            } else if c == '*' && self.ch == Some('/') {
                                self.bump();
                                closed = true;
                                break;
                            }
                        }
                        if !closed {
                            self.error_at(comment_start, "comment not terminated");
                        }
                        // A comment spanning lines acts like a newline.
                        if newline && nlsemi {
                            return Token {
                                kind: Semi(SemiKind::Newline),
                                span: Span::new(comment_start, comment_start),
                            };
                        }
                        continue;
                    }
                    return self.assign_op(Quo, AssignOp::Quo);
                }
                '%' => {
                    self.bump();
                    return self.assign_op(Rem, AssignOp::Rem);
                }
                '&' => {
                    self.bump();
                    if self.ch == Some('&') {
                        self.bump();
                        return self.token(LAnd);
                    }
                    if self.ch == Some('^') {
                        self.bump();
                        return self.assign_op(AndNot, AssignOp::AndNot);
                    }
                    return self.assign_op(And, AssignOp::And);
                }
                '|' => {
                    self.bump();
                    if self.ch == Some('|') {
                        self.bump();
                        return self.token(LOr);
                    }
                    return self.assign_op(Or, AssignOp::Or);
                }
                '^' => {
                    self.bump();
                    return self.assign_op(Xor, AssignOp::Xor);
                }
                '<' => {
                    self.bump();
                    match self.ch {
                        Some('=') => {
                            self.bump();
                            return self.token(Leq);
                        }
                        Some('<') => {
                            self.bump();
                            return self.assign_op(Shl, AssignOp::Shl);
                        }
                        Some('-') => {
                            self.bump();
                            return self.token(Arrow);
                        }
                        _ => return self.token(Lss),
                    }
                }
                '>' => {
                    self.bump();
                    match self.ch {
                        Some('=') => {
                            self.bump();
                            return self.token(Geq);
                        }
                        Some('>') => {
                            self.bump();
                            return self.assign_op(Shr, AssignOp::Shr);
                        }
                        _ => return self.token(Gtr),
                    }
                }
                '=' => {
                    self.bump();
                    if self.ch == Some('=') {
                        self.bump();
                        return self.token(Eql);
                    }
                    return self.token(Assign);
                }
                '!' => {
                    self.bump();
                    if self.ch == Some('=') {
                        self.bump();
                        return self.token(Neq);
                    }
                    return self.token(Not);
                }
                '~' => Tilde,
                _ => {
                    self.error_here(format!("invalid character {}", fmt_u(c)));
                    self.bump();
                    continue;
                }
            };
            self.bump();
            return self.token(kind);
        }
    }

    /// After `+` or `-` (`c`): `++`/`--` (`step`, which ends a line's
    /// statement), or the operator and its assignment form.
    fn step_or_assign_op(&mut self, c: char, step: TokenKind, op: TokenKind, aop: AssignOp) -> Token {
        self.bump();
        if self.ch == Some(c) {
            self.bump();
            self.nlsemi = true;
            return self.token(step);
        }
        self.assign_op(op, aop)
    }

    fn assign_op(&mut self, op: TokenKind, aop: AssignOp) -> Token {
        if self.ch == Some('=') {
            self.bump();
            return self.token(TokenKind::OpAssign(aop));
        }
        self.token(op)
    }

    /// Whether the current non-ASCII character may be in an identifier;
    /// reports Go's errors for digits at the start and for other symbols
    /// (which Go still takes into the identifier, to avoid follow-on errors).
    fn at_ident_char(&mut self, first: bool) -> bool {
        let Some(c) = self.ch else { return false };
        if is_go_letter(c) || c == '_' {
            return true;
        }
        if is_go_digit(c) {
            if first {
                self.error_here(format!("identifier cannot begin with digit {}", fmt_u(c)));
            }
            return true;
        }
        if !c.is_ascii() {
            self.error_here(format!("invalid character {} in identifier", fmt_u(c)));
            return true;
        }
        false
    }

    fn ident(&mut self) -> Token {
        loop {
            match self.ch {
                Some(c) if is_letter(c) || c.is_ascii_digit() => self.bump(),
                Some(c) if !c.is_ascii() => {
                    if !self.at_ident_char(false) {
                        break;
                    }
                    self.bump();
                }
                _ => break,
            }
        }
        let text = &self.src[self.start..self.pos];
        if let Some(kw) = keyword(text) {
            self.nlsemi = matches!(
                kw,
                TokenKind::Break | TokenKind::Continue | TokenKind::Fallthrough | TokenKind::Return
            );
            return self.token(kw);
        }
        self.nlsemi = true;
        self.token(TokenKind::Ident)
    }

    /// Scans digits of `base` (and `_`); returns bit 0 set if a digit was
    /// seen and bit 1 if a separator was. Records the first digit invalid
    /// for a base <= 10 in `invalid` (as an offset from the token start).
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        while let Some(c) = self.ch {
            let ok = if base <= 10 {
                c.is_ascii_digit()
            } else {
                c.is_ascii_hexdigit()
            };
            if !ok && c != '_' {
                break;
            }
            if c == '_' {
                digsep |= 2;
            } else {
                digsep |= 1;
                if base <= 10 && c.to_digit(10).is_some_and(|d| d >= base) && invalid.is_none() {
                    *invalid = Some(self.pos - self.start);
                }
            }
            self.bump();
        }
        digsep
    }

    fn number(&mut self, seen_point: bool) -> Token {
        let mut ok = true;
        let mut kind = TokenKind::Int;
        let mut base = 10;
        let mut prefix = '\0'; // '0' for legacy octal, or 'x', 'o', 'b'
        let mut digsep = 0;
        let mut invalid = None;
        let mut seen_point = seen_point;

        if !seen_point {
            if self.ch == Some('0') {
                self.bump();
                match self.ch.map(|c| c.to_ascii_lowercase()) {
                    Some('x') => {
                        self.bump();
                        base = 16;
                        prefix = 'x';
                    }
                    Some('o') => {
                        self.bump();
                        base = 8;
                        prefix = 'o';
                    }
                    Some('b') => {
                        self.bump();
                        base = 2;
                        prefix = 'b';
                    }
                    _ => {
                        base = 8;
                        prefix = '0';
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.ch == Some('.') {
                if prefix == 'o' || prefix == 'b' {
                    self.error_here(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.bump();
                seen_point = true;
            }
        }
        if seen_point {
            kind = TokenKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.error_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = self.ch.map(|c| c.to_ascii_lowercase());
        if e == Some('e') || e == Some('p') {
            if ok {
                if e == Some('e') && prefix != '\0' && prefix != '0' {
                    let c = self.ch.unwrap_or('e');
                    self.error_here(format!(
                        "{} exponent requires decimal mantissa",
                        quote_rune(c)
                    ));
                    ok = false;
                } else if e == Some('p') && prefix != 'x' {
                    let c = self.ch.unwrap_or('p');
                    self.error_here(format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_rune(c)
                    ));
                    ok = false;
                }
            }
            self.bump();
            kind = TokenKind::Float;
            if matches!(self.ch, Some('+') | Some('-')) {
                self.bump();
            }
            let ds = self.digits(10, &mut None);
            digsep = ds | (digsep & 2);
            if ds & 1 == 0 && ok {
                self.error_here("exponent has no digits");
                ok = false;
            }
        } else if prefix == 'x' && kind == TokenKind::Float && ok {
            self.error_here("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if self.ch == Some('i') {
            kind = TokenKind::Imag;
            self.bump();
        }
        self.nlsemi = true;
        let tok = self.token(kind);
        let text = &self.src[self.start..self.pos];
        if kind == TokenKind::Int
            && ok
            && let Some(i) = invalid
        {
            let d = text.as_bytes().get(i).copied().unwrap_or(b'0') as char;
            self.error_at(
                self.start + i,
                format!(
                    "invalid digit {} in {} literal",
                    quote_rune(d),
                    base_name(base)
                ),
            );
            ok = false;
        }
        if digsep & 2 != 0
            && ok
            && let Some(i) = invalid_sep(text)
        {
            self.error_at(self.start + i, "'_' must separate successive digits");
        }
        tok
    }

    fn rune(&mut self) -> Token {
        let mut ok = true;
        self.bump();
        let mut n = 0;
        loop {
            match self.ch {
                Some('\'') => {
                    if ok {
                        if n == 0 {
                            self.error_here("empty rune literal or unescaped '");
                        } else if n != 1 {
                            self.error_at(self.start, "more than one character in rune literal");
                        }
                    }
                    self.bump();
                    break;
                }
                Some('\\') => {
                    self.bump();
                    if !self.escape('\'') {
                        ok = false;
                    }
                }
                Some('\n') => {
                    if ok {
                        self.error_here("newline in rune literal");
                    }
                    break;
                }
                None => {
                    if ok {
                        self.error_at(self.start, "rune literal not terminated");
                    }
                    break;
                }
                Some(_) => self.bump(),
            }
            n += 1;
        }
        self.nlsemi = true;
        self.token(TokenKind::Rune)
    }

    fn std_string(&mut self) -> Token {
        self.bump();
        loop {
            match self.ch {
                Some('"') => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    self.bump();
                    self.escape('"');
                }
                Some('\n') => {
                    self.error_here("newline in string");
                    break;
                }
                None => {
                    self.error_at(self.start, "string not terminated");
                    break;
                }
                Some(_) => self.bump(),
            }
        }
        self.nlsemi = true;
        self.token(TokenKind::String)
    }

    fn raw_string(&mut self) -> Token {
        self.bump();
        loop {
            match self.ch {
                Some('`') => {
                    self.bump();
                    break;
                }
                None => {
                    self.error_at(self.start, "string not terminated");
                    break;
                }
                Some(_) => self.bump(),
            }
        }
        self.nlsemi = true;
        self.token(TokenKind::String)
    }

    /// Scans one escape after its backslash; false (with a diagnostic) if
    /// it is malformed. At end of input it returns true: the caller reports
    /// the unterminated literal.
    fn escape(&mut self, quote: char) -> bool {
        let (n, base, max): (u32, u32, u32) = match self.ch {
            Some(c) if c == quote || "abfnrtv\\".contains(c) => {
                self.bump();
                return true;
            }
            Some('0'..='7') => (3, 8, 255),
            Some('x') => {
                self.bump();
                (2, 16, 255)
            }
            Some('u') => {
                self.bump();
                (4, 16, 0x10FFFF)
            }
            Some('U') => {
                self.bump();
                (8, 16, 0x10FFFF)
            }
            None => return true,
            Some(_) => {
                self.error_here("unknown escape");
                return false;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            let Some(c) = self.ch else { return true };
            let d = c.to_digit(16).unwrap_or(base);
            if d >= base {
                self.error_here(format!(
                    "invalid character {} in {} escape",
                    quote_rune(c),
                    base_name(base)
                ));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.bump();
        }
        if x > max && base == 8 {
            self.error_here(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error_here(format!(
                "escape is invalid Unicode code point {}",
                fmt_u32(x)
            ));
            return false;
        }
        true
    }
}

/// Go's `unicode.IsLetter` (categories L*), approximated without tables:
/// Rust's Alphabetic minus the letter numbers (Nl, which are numeric too).
/// Combining marks that Unicode calls alphabetic still pass (a known gap).
fn is_go_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}

/// Go's `unicode.IsDigit` (category Nd): numeric, not a letter number,
/// and not one of the other-number (No) ranges, such as superscripts,
/// fractions and circled numbers, that pasted text brings in.
fn is_go_digit(c: char) -> bool {
    const OTHER_NUMBERS: &[(u32, u32)] = &[
        (0x00B2, 0x00B3),
        (0x00B9, 0x00B9),
        (0x00BC, 0x00BE),
        (0x09F4, 0x09F9),
        (0x0B72, 0x0B77),
        (0x0BF0, 0x0BF2),
        (0x0C78, 0x0C7E),
        (0x0D58, 0x0D5E),
        (0x0D70, 0x0D78),
        (0x0F2A, 0x0F33),
        (0x1369, 0x137C),
        (0x17F0, 0x17F9),
        (0x19DA, 0x19DA),
        (0x2070, 0x2079),
        (0x2080, 0x2089),
        (0x2150, 0x218B),
        (0x2460, 0x24FF),
        (0x2776, 0x2793),
        (0x2CFD, 0x2CFD),
        (0x3192, 0x3195),
        (0x3220, 0x3229),
        (0x3248, 0x324F),
        (0x3251, 0x325F),
        (0x3280, 0x3289),
        (0x32B1, 0x32BF),
        (0xA830, 0xA835),
        (0x1D2C0, 0x1D2F3),
        (0x1D360, 0x1D378),
        (0x1F100, 0x1F10C),
    ];
    let u = c as u32;
    c.is_numeric()
        && !c.is_alphabetic()
        && !OTHER_NUMBERS.iter().any(|&(lo, hi)| lo <= u && u <= hi)
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// The offset of the first misplaced `_` in a number literal, if any: each
/// `_` must sit between two digits (or after a base prefix).
fn invalid_sep(x: &str) -> Option<usize> {
    let b = x.as_bytes();
    let mut x1 = b' ';
    let mut d = b'.'; // '_', '0' (a digit) or '.' (anything else)
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' {
        x1 = b[1].to_ascii_lowercase();
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < b.len() {
        let p = d;
        d = b[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(b.len() - 1);
    }
    None
}

/// Whether Go's `strconv.IsPrint` would print the rune as itself
/// (approximated: everything but control and formatting characters).
fn is_print(c: char) -> bool {
    !(c.is_control()
        || c == '\u{feff}'
        || c == '\u{ad}'
        || ('\u{200b}'..='\u{200f}').contains(&c)
        || ('\u{2028}'..='\u{202e}').contains(&c)
        || ('\u{2060}'..='\u{206f}').contains(&c)
        || (c.is_whitespace() && c != ' ')
        || ('\u{e000}'..='\u{f8ff}').contains(&c))
}

/// Go's `%#U`: `U+0040 '@'`, or just `U+0007` if the rune is not printable.
pub fn fmt_u(c: char) -> String {
    if is_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

fn fmt_u32(x: u32) -> String {
    match char::from_u32(x) {
        Some(c) => fmt_u(c),
        None => format!("U+{x:04X}"),
    }
}

/// Go's `%q` for a rune: `'a'`, `'\n'`, `'\x00'`, `'\u00ad'`.
pub fn quote_rune(c: char) -> String {
    let inner = match c {
        '\x07' => "\\a".to_string(),
        '\x08' => "\\b".to_string(),
        '\x0c' => "\\f".to_string(),
        '\n' => "\\n".to_string(),
        '\r' => "\\r".to_string(),
        '\t' => "\\t".to_string(),
        '\x0b' => "\\v".to_string(),
        '\\' => "\\\\".to_string(),
        '\'' => "\\'".to_string(),
        c if is_print(c) => c.to_string(),
        c if (c as u32) < 0x80 => format!("\\x{:02x}", c as u32),
        c if (c as u32) < 0x10000 => format!("\\u{:04x}", c as u32),
        c => format!("\\U{:08x}", c as u32),
    };
    format!("'{inner}'")
}

// ---------------------------------------------------------------------------
// Literal values.

/// Why a literal's value could not be produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitError {
    /// The literal is malformed (the lexer already reported why).
    Malformed,
}

/// The bytes a string literal (interpreted or raw) denotes. Go strings are
/// byte strings: `"\xff"` is one byte that is not valid UTF-8.
pub fn decode_string(text: &str) -> Result<Vec<u8>, LitError> {
    if let Some(raw) = text.strip_prefix('`') {
        let body = raw.strip_suffix('`').ok_or(LitError::Malformed)?;
        // Carriage returns are discarded from raw strings.
        return Ok(body.bytes().filter(|&b| b != b'\r').collect());
    }
    let body = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|_| text.len() >= 2)
        .ok_or(LitError::Malformed)?;
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c == '\n' || c == '"' {
            return Err(LitError::Malformed);
        }
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match unescape(&mut chars, '"')? {
            Unescaped::Byte(b) => out.push(b),
            Unescaped::Char(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Ok(out)
}

/// The code point a rune literal denotes (`'\xff'` is 255).
pub fn decode_rune(text: &str) -> Result<u32, LitError> {
    let body = text
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .filter(|_| text.len() >= 2)
        .ok_or(LitError::Malformed)?;
    let mut chars = body.char_indices().peekable();
    let value = match chars.next() {
        Some((_, '\\')) => match unescape(&mut chars, '\'')? {
            Unescaped::Byte(b) => b as u32,
            Unescaped::Char(c) => c as u32,
        },
        Some((_, c)) if c != '\n' && c != '\'' => c as u32,
        _ => return Err(LitError::Malformed),
    };
    if chars.next().is_some() {
        return Err(LitError::Malformed);
    }
    Ok(value)
}

enum Unescaped {
    Byte(u8),
    Char(char),
}

fn unescape(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    quote: char,
) -> Result<Unescaped, LitError> {
    let (_, c) = chars.next().ok_or(LitError::Malformed)?;
    let simple = match c {
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        '\\' => Some('\\'),
        c if c == quote => Some(c),
        _ => None,
    };
    if let Some(s) = simple {
        return Ok(Unescaped::Char(s));
    }
    let (n, base, first) = match c {
        '0'..='7' => (2, 8, c.to_digit(8)),
        'x' => (2, 16, None),
        'u' => (4, 16, None),
        'U' => (8, 16, None),
        _ => return Err(LitError::Malformed),
    };
    let mut x = first.unwrap_or(0);
    for _ in 0..n {
        let (_, d) = chars.next().ok_or(LitError::Malformed)?;
        let d = d.to_digit(base).ok_or(LitError::Malformed)?;
        x = x * base + d;
    }
    match c {
        '0'..='7' | 'x' => u8::try_from(x)
            .map(Unescaped::Byte)
            .map_err(|_| LitError::Malformed),
        _ => char::from_u32(x)
            .map(Unescaped::Char)
            .ok_or(LitError::Malformed),
    }
}

/// The value of an integer literal (any base, with `_` separators).
/// Untyped constants may exceed 64 bits; larger than u128 is `Overflow`.
/// An integer literal's value, of any size: the checker bounds it (Go's
/// "constant overflow" past 512 bits).
pub fn decode_int(text: &str) -> Result<num_bigint::BigInt, LitError> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, base) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (lower[1..].to_string(), 8)
    } else {
        (lower, 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return Err(LitError::Malformed);
    }
    // Almost every literal fits a u64, parsed without a big-number pass.
    if let Ok(v) = u64::from_str_radix(&digits, base) {
        return Ok(v.into());
    }
    num_bigint::BigInt::parse_bytes(digits.as_bytes(), base).ok_or(LitError::Malformed)
}

#[cfg(test)]
#[path = "lexer_tests.rs"]
mod tests;
