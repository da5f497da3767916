//! The parser: tokens to an `ast::File`, plus syntax errors worded as the
//! go tool words them.
//!
//! A recursive-descent parser modelled on `cmd/compile/internal/syntax`
//! (the parser behind `go build`): the same grammar decisions, the same
//! error messages at the same positions, and the same recovery (skip to a
//! follow token, report at most one syntax error per line), so a learner's
//! mistake reads exactly as real Go reports it. It never panics and always
//! terminates: every loop consumes a token or stops at EOF, and nesting
//! deeper than `stack::MAX_DEPTH` levels (or than the host stack allows)
//! ends the parse with a diagnostic instead of overflowing the host stack.
//!
//! Generics are Go's syntax too: type parameter lists on functions and
//! types (`TypeSpec::tparams`, `FuncDecl::tparams`), instantiations
//! (`Index`, `IndexList`) and constraint type sets (`~T`, `A | B`).

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::lexer::{self, tokenize_with_owners};
use crate::span::{SourceFile, Span};
use crate::token::{SemiKind, Token, TokenKind, describe};
use std::mem::discriminant;

mod branches;
mod decl;
mod expr;
mod header;
mod print;
mod stmt;
mod types;

pub use print::expr_string;
use print::list_string;

pub use crate::stack::NESTING_UNSUPPORTED;

/// The go command's message for a byte that is not UTF-8 in the package
/// clause or the imports (go/scanner's wording; the compiler says
/// `invalid UTF-8 encoding`).
pub const GO_COMMAND_INVALID_UTF8: &str = "illegal UTF-8 encoding";

/// The go command's message for a NUL byte among those it reads before
/// compiling (`go: reading prog.go: unexpected NUL in input`, no position).
pub const GO_COMMAND_NUL: &str = "unexpected NUL in input";

/// Parses one file. The diagnostics include the lexer's and are sorted by
/// position. The tree is always returned; after errors it may contain
/// `ExprKind::Bad` nodes and should not be type-checked.
pub fn parse_file(file: &SourceFile) -> (File, Vec<Diagnostic>) {
    parse_file_from(file, 0)
}

/// Like [`parse_file`], numbering the file's expressions from `first_id`:
/// files checked together (the learner's and the library's) need
/// `ExprId`s no two of them share. Positions start at the file's `base`.
pub fn parse_file_from(file: &SourceFile, first_id: u32) -> (File, Vec<Diagnostic>) {
    let (mut tokens, mut lex_diags, owners) = tokenize_with_owners(file);
    if file.base != 0 {
        let shift = |s: &mut Span| {
            s.start += file.base;
            s.end += file.base;
        };
        tokens.iter_mut().for_each(|t| shift(&mut t.span));
        lex_diags.iter_mut().for_each(|d| shift(&mut d.span));
    }
    let header_end = header_end(&tokens);
    // A literal is bad (and silently invalid for the checker) after an
    // error of its own, not after a NUL or a byte that is not UTF-8 in it:
    // those are errors of the source text, and Go still uses the value.
    let bad_lits: Vec<usize> = owners
        .iter()
        .zip(&lex_diags)
        .filter(|(_, d)| !lexer::is_source_text_error(&d.message))
        .map(|(&o, _)| o)
        .collect();
    let mut p = Parser::new(file, tokens, owners.clone(), bad_lits);
    p.next_id = first_id;
    let ast = p.file();
    // The go command rejects a bad package clause or import before the
    // compiler runs, and reports only that first error: a NUL byte it read,
    // or else the first of go/parser's errors in the header.
    if file.text.contains('\0') && header::reads_nul(file.text.as_bytes()) {
        return (ast, vec![Diagnostic::new(Span::default(), GO_COMMAND_NUL)]);
    }
    let invalid_utf8 = lex_diags
        .iter()
        .find(|d| d.message == lexer::INVALID_UTF8 && d.span.start < header_end)
        .map(|d| {
            let utf16 = d.span.start == 0 && file.starts_with_utf16_bom();
            let msg = if utf16 { "illegal UTF-8 encoding (got UTF-16)" } else { GO_COMMAND_INVALID_UTF8 };
            Diagnostic::new(d.span, msg)
        });
    let parser_error = p.diags.iter().find(|d| is_go_command_error(d)).cloned();
    if let Some(d) = [invalid_utf8, parser_error].into_iter().flatten().min_by_key(|d| d.span.start) {
        return (ast, vec![d]);
    }
    if p.abandoned {
        // Go stopped reading here: later lexer errors were never seen.
        let seen = p.i;
        let mut keep = owners.iter().map(|&o| o <= seen);
        lex_diags.retain(|_| keep.next().unwrap_or(false));
    }
    (ast, filter_diagnostics(file, lex_diags, p.diags))
}

/// Parses the byte ranges `ranges` of library file `file` as one file
/// (the package clause and imports first, then the declarations a program
/// reaches, `check::library`; see `lexer::tokenize_ranges`): positions
/// are the whole file's, and expressions are numbered from `first_id`.
pub(crate) fn parse_ranges(file: &SourceFile, ranges: &[(u32, u32, bool)], first_id: u32) -> File {
    let mut tokens = lexer::tokenize_ranges(file, ranges);
    for t in &mut tokens {
        t.span.start += file.base;
        t.span.end += file.base;
    }
    let mut p = Parser::new(file, tokens, Vec::new(), Vec::new());
    p.next_id = first_id;
    p.file()
}

/// Where the go command's reading of the file ends, as an offset: the
/// first token after the package clause and the import declarations
/// (comments before it included), or just after the token where a package
/// clause was expected and not found. go/parser reports a byte that is not
/// UTF-8 before it; the compiler, one after it.
fn header_end(toks: &[Token]) -> u32 {
    use TokenKind::*;
    let kind = |i: usize| toks.get(i).map_or(Eof, |t| t.kind);
    let end = |i: usize| toks.get(i).or(toks.last()).map_or(0, |t| t.span.end);
    if kind(0) != Package {
        return end(0);
    }
    if kind(1) != Ident {
        return end(1);
    }
    let mut i = 2;
    loop {
        while matches!(kind(i), Semi(_)) {
            i += 1;
        }
        if kind(i) != Import {
            break;
        }
        i += 1;
        let close = if kind(i) == LParen { RParen } else { SEMI };
        while kind(i) != Eof && !same(kind(i), close) {
            i += 1;
        }
        if kind(i) == RParen {
            i += 1;
        }
    }
    toks.get(i).or(toks.last()).map_or(0, |t| t.span.start)
}

/// Whether Go would stop after parsing, without type checking: after any
/// `syntax error`, a go-command error, or (ours) input nested too deeply
/// to parse. Other parse diagnostics (lexer errors, label and branch
/// errors, `invalid use of ...`) do not stop Go: it type-checks too and
/// reports everything together, sorted. A literal the lexer rejected is
/// marked `BasicLit::bad`; Go's checker treats it as invalid silently.
pub fn stops_before_type_check(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| {
        d.message.starts_with("syntax error")
            || is_go_command_error(d)
            || d.message == NESTING_UNSUPPORTED
    })
}

/// Whether the go command itself (reading the package clause and imports
/// with go/parser) reports this error, rather than the compiler. `go build`
/// prints such an error without the `# command-line-arguments` header and
/// names the file without `./`.
pub fn is_go_command_error(d: &Diagnostic) -> bool {
    let m = d.message.as_str();
    m.starts_with("expected 'package', found ")
        || m.starts_with("expected 'IDENT', found ")
        || m == "missing import path"
        || m == "import path must be a string"
        || m.starts_with(GO_COMMAND_INVALID_UTF8)
        || m == GO_COMMAND_NUL
}

/// Go reports only the first syntax error on a line (in the order the
/// parser reports them), and one copy of equal messages on a line; the rest
/// are noise from the same mistake. Then everything is sorted by position.
fn filter_diagnostics(
    file: &SourceFile,
    lex: Vec<Diagnostic>,
    parse: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let line = |d: &Diagnostic| file.line_col(d.span.start).line;
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut last_syntax_line = None;
    let mut last_other: Option<(u32, String)> = None;
    // Lexer errors are never syntax errors, so the two streams interleave
    // without changing what the filter keeps.
    for d in lex.into_iter().chain(parse) {
        let l = line(&d);
        if d.message.starts_with("syntax error") {
            if last_syntax_line == Some(l) {
                continue;
            }
            last_syntax_line = Some(l);
        } else {
            if last_other
                .as_ref()
                .is_some_and(|(ol, om)| *ol == l && *om == d.message)
            {
                continue;
            }
            last_other = Some((l, d.message.clone()));
        }
        out.push(d);
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// A simple statement as the headers of `if`, `for` and `switch` see it:
/// a statement, a range clause, or a type switch guard.
enum Simple {
    Stmt(Stmt),
    /// `pos` is the assignment operator's position (Go positions
    /// assignment errors there).
    Assign(Stmt, Span),
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        span: Span,
    },
    Guard {
        bind: Option<Name>,
        x: Expr,
        span: Span,
    },
}

/// A parsed `for` header.
enum ForHead {
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
    },
    Loop {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
    },
}

/// A parsed `switch` header.
enum SwitchHead {
    Type {
        init: Option<Box<Stmt>>,
        bind: Option<Name>,
        x: Expr,
    },
    Expr {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
    },
}

/// One parameter before grouping: `a`, `a T`, `T`, `...T`.
struct Param {
    name: Option<Name>,
    ty: Option<Expr>,
    dots: Option<Span>,
}

struct Parser<'a> {
    file: &'a SourceFile,
    toks: Vec<Token>,
    i: usize,
    tok: Token,
    prev_end: u32,
    diags: Vec<Diagnostic>,
    /// For each lexer diagnostic (in order), the index of the token whose
    /// scanning reported it; nondecreasing.
    lex_errs: Vec<usize>,
    /// The same for the errors that make a literal bad (not those of the
    /// source text: NUL, BOM, bytes that are not UTF-8).
    bad_lits: Vec<usize>,
    /// The parse stopped early, as Go's does after a bad package clause.
    abandoned: bool,
    /// Function nesting: inside a body, recovery also stops at statement
    /// keywords.
    fnest: u32,
    /// Expression nesting, -1 in a statement header, where `{` after a
    /// name opens the block instead of a composite literal.
    xnest: i32,
    depth: u32,
    /// The host stack used since parsing began.
    stack: crate::stack::Guard,
    /// `MAX_DEPTH`, or less on a stack the front end did not choose.
    depth_limit: u32,
    next_id: u32,
}

fn same(a: TokenKind, b: TokenKind) -> bool {
    discriminant(&a) == discriminant(&b)
}

const STOPSET: &[TokenKind] = &[
    TokenKind::Break,
    TokenKind::Const,
    TokenKind::Continue,
    TokenKind::Defer,
    TokenKind::Fallthrough,
    TokenKind::For,
    TokenKind::Go,
    TokenKind::Goto,
    TokenKind::If,
    TokenKind::Return,
    TokenKind::Select,
    TokenKind::Switch,
    TokenKind::Type,
    TokenKind::Var,
];

const SEMI: TokenKind = TokenKind::Semi(SemiKind::Explicit);

impl<'a> Parser<'a> {
    fn new(file: &'a SourceFile, mut toks: Vec<Token>, lex_errs: Vec<usize>, bad_lits: Vec<usize>) -> Parser<'a> {
        if toks.last().map(|t| t.kind) != Some(TokenKind::Eof) {
            let end = file.end() as usize;
            toks.push(Token {
                kind: TokenKind::Eof,
                span: Span::new(end, end),
            });
        }
        let tok = toks[0];
        Parser {
            file,
            toks,
            i: 0,
            tok,
            prev_end: 0,
            diags: Vec::new(),
            lex_errs,
            bad_lits,
            abandoned: false,
            fnest: 0,
            xnest: 0,
            depth: 0,
            stack: crate::stack::Guard::new(),
            depth_limit: crate::stack::depth_limit(),
            next_id: 0,
        }
    }

    // ----- token plumbing -------------------------------------------------

    fn next(&mut self) {
        if self.tok.kind == TokenKind::Eof {
            return;
        }
        self.prev_end = self.tok.span.end;
        self.i = (self.i + 1).min(self.toks.len() - 1);
        self.tok = self.toks[self.i];
    }

    fn kind(&self) -> TokenKind {
        self.tok.kind
    }

    fn is(&self, k: TokenKind) -> bool {
        same(self.tok.kind, k)
    }

    fn got(&mut self, k: TokenKind) -> bool {
        if self.is(k) {
            self.next();
            return true;
        }
        false
    }

    fn want(&mut self, k: TokenKind) {
        if !self.got(k) {
            self.syntax_error(&format!("expected {}", k.expected_name()));
            self.advance(&[]);
        }
    }

    fn pos(&self) -> Span {
        Span {
            start: self.tok.span.start,
            end: self.tok.span.start,
        }
    }

    fn text(&self) -> &'a str {
        let s = self.tok.span;
        self.file
            .text
            .get(s.start.wrapping_sub(self.file.base) as usize..s.end.wrapping_sub(self.file.base) as usize)
            .unwrap_or("")
    }

    /// A span from `start` to the end of the last consumed token.
    fn span_from(&self, start: Span) -> Span {
        Span {
            start: start.start,
            end: self.prev_end.max(start.start),
        }
    }

    /// Skips tokens until one in `follow` (or, inside a function, a
    /// statement keyword). With no follow set, skips exactly one token.
    fn advance(&mut self, follow: &[TokenKind]) {
        loop {
            let k = self.kind();
            if k == TokenKind::Eof {
                return;
            }
            if !follow.is_empty() {
                if follow.iter().any(|&f| same(f, k)) {
                    return;
                }
                if self.fnest > 0 && STOPSET.iter().any(|&f| same(f, k)) {
                    return;
                }
            }
            self.next();
            if follow.is_empty() {
                return;
            }
        }
    }

    // ----- diagnostics ----------------------------------------------------

    /// How go/parser names the current token in `expected X, found Y`.
    fn go_parser_found(&self) -> String {
        match self.kind() {
            TokenKind::Semi(SemiKind::Newline) | TokenKind::Semi(SemiKind::Eof) => "newline".into(),
            TokenKind::Semi(SemiKind::Explicit) => "';'".into(),
            k if k == TokenKind::Ident || k.is_literal() => self.text().to_string(),
            k => format!("'{}'", k.text()),
        }
    }

    /// Errors so far.
    fn real_error_count(&self) -> usize {
        self.diags.len()
    }

    fn has_error(&self) -> bool {
        !self.diags.is_empty() || self.lex_errs.first().is_some_and(|&o| o <= self.i)
    }

    fn error_at(&mut self, pos: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(pos, msg));
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    /// Go's `syntaxErrorAt`: a message starting with "in", "at", "after" or
    /// "expected" is completed with the unexpected token.
    fn syntax_error_at(&mut self, pos: Span, msg: &str) {
        if self.kind() == TokenKind::Eof && self.has_error() {
            return; // avoid meaningless follow-up errors
        }
        let suffix = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let found = describe(self.kind(), self.text());
        self.error_at(pos, format!("syntax error: unexpected {found}{suffix}"));
    }

    /// Returns false (after reporting, and abandoning the parse) when the
    /// input nests too deeply to follow without risking the host stack.
    fn enter(&mut self) -> bool {
        if self.depth < self.depth_limit && !self.stack.exhausted() {
            self.depth += 1;
            return true;
        }
        if self.kind() != TokenKind::Eof {
            let pos = self.pos();
            self.error_at(pos, NESTING_UNSUPPORTED);
            // Jump to EOF: every loop stops there, so the parse unwinds.
            self.i = self.toks.len() - 1;
            self.tok = self.toks[self.i];
        }
        false
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- node construction ----------------------------------------------

    fn mk(&mut self, kind: ExprKind, span: Span) -> Expr {
        let id = ExprId(self.next_id);
        self.next_id += 1;
        Expr { id, kind, span }
    }

    fn bad(&mut self) -> Expr {
        let pos = self.pos();
        self.mk(ExprKind::Bad, pos)
    }

    fn name_expr(&mut self, n: Name) -> Expr {
        self.mk(ExprKind::Ident(n.name), n.span)
    }
}

/// Whether `x`, read after `type T[`, is the start of a type parameter
/// list (Go's `extractName`): `Some(true)` if it already includes the
/// constraint (`P *C`, `P C|D`, `P (C)`), `Some(false)` for a bare name.
fn tparam_shape(x: &Expr, force: bool) -> Option<bool> {
    match &x.kind {
        ExprKind::Ident(_) => Some(false),
        ExprKind::Binary {
            op: BinaryOp::Mul,
            x: l,
            y,
        } if l.ident().is_some() && (force || is_type_elem(y)) => Some(true),
        ExprKind::Binary {
            op: BinaryOp::Or,
            x: l,
            y,
        } => match tparam_shape(l, force || is_type_elem(y)) {
            Some(true) => Some(true),
            _ => None,
        },
        ExprKind::Call {
            fun,
            args,
            ellipsis: None,
        } if fun.ident().is_some() && args.len() == 1 => {
            if force || is_type_elem(&args[0]) {
                Some(true)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether `x` contains a type literal (so it cannot be a value).
fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType { .. }
        | ExprKind::StructType(_)
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType(_)
        | ExprKind::SliceType(_)
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. } => true,
        ExprKind::Binary { x, y, .. } => is_type_elem(x) || is_type_elem(y),
        ExprKind::Unary { op, x } => *op == UnaryOp::Tilde || is_type_elem(x),
        ExprKind::Star(x) | ExprKind::Paren(x) => is_type_elem(x),
        _ => false,
    }
}

/// For each declared parameter (a field contributes one entry per name),
/// where its `...` was, if any.
fn fields_dots(fields: &[Field], dots: &[Option<Span>]) -> Vec<Option<Span>> {
    let mut out = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let d = dots.get(i).copied().flatten();
        let n = f.names.len().max(1);
        for _ in 1..n {
            out.push(None);
        }
        out.push(d);
    }
    out
}

fn binary_op(k: TokenKind) -> Option<BinaryOp> {
    use TokenKind::*;
    Some(match k {
        LOr => BinaryOp::LOr,
        LAnd => BinaryOp::LAnd,
        Eql => BinaryOp::Eql,
        Neq => BinaryOp::Neq,
        Lss => BinaryOp::Lss,
        Leq => BinaryOp::Leq,
        Gtr => BinaryOp::Gtr,
        Geq => BinaryOp::Geq,
        Add => BinaryOp::Add,
        Sub => BinaryOp::Sub,
        Or => BinaryOp::Or,
        Xor => BinaryOp::Xor,
        Mul => BinaryOp::Mul,
        Quo => BinaryOp::Quo,
        Rem => BinaryOp::Rem,
        Shl => BinaryOp::Shl,
        Shr => BinaryOp::Shr,
        And => BinaryOp::And,
        AndNot => BinaryOp::AndNot,
        _ => return None,
    })
}

fn unparen_owned(mut e: Expr) -> Expr {
    while let ExprKind::Paren(inner) = e.kind {
        e = *inner;
    }
    e
}

/// Whether `x` is certainly a value, not a type (so `x{` cannot start a
/// composite literal).
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit(_)
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert { .. }
        | ExprKind::Call { .. }
        | ExprKind::Unary { .. }
        | ExprKind::Binary { .. } => true,
        ExprKind::Paren(inner) => is_value(inner),
        ExprKind::Index { x, index } => is_value(x) || is_value(index),
        ExprKind::IndexList { x, indices } => is_value(x) || indices.iter().any(is_value),
        _ => false,
    }
}

/// Turns `<-` applied to a channel type into a receive-only channel type,
/// as in `<-chan int` and `<-chan <-chan int`.
fn make_recv_chan(x: &mut Expr) -> Result<(), String> {
    let mut t = x;
    loop {
        if !matches!(t.kind, ExprKind::ChanType { .. }) {
            return Err(format!("unexpected {}, expected chan", expr_string(t)));
        }
        match &mut t.kind {
            ExprKind::ChanType { dir, elem } => {
                let was = *dir;
                if was == ChanDir::Recv {
                    return Err("unexpected <-, expected chan".into());
                }
                *dir = ChanDir::Recv;
                if was == ChanDir::Both {
                    return Ok(());
                }
                // It was `chan<- elem`: the arrow moves into the element.
                t = elem;
            }
            _ => return Ok(()),
        }
    }
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
