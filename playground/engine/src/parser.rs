//! The parser: tokens to an `ast::File`, plus syntax errors worded as the
//! go tool words them.
//!
//! A recursive-descent parser modelled on `cmd/compile/internal/syntax`
//! (the parser behind `go build`): the same grammar decisions, the same
//! error messages at the same positions, and the same recovery (skip to a
//! follow token, report at most one syntax error per line), so a learner's
//! mistake reads exactly as real Go reports it. It never panics and always
//! terminates: every loop consumes a token or stops at EOF, and nesting
//! deeper than `MAX_DEPTH` ends the parse with a diagnostic instead of
//! overflowing the host stack.
//!
//! Generics are outside the playground's Go subset: type parameter lists,
//! instantiations with several type arguments and constraint type sets are
//! parsed (to recover) and reported as unsupported at their position.

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::lexer::tokenize_with_owners;
use crate::span::{SourceFile, Span};
use crate::token::{SemiKind, Token, TokenKind, describe};
use std::mem::discriminant;

mod branches;

/// How deep expressions, types and statements may nest. Real programs stay
/// far below; the cap keeps pathological input from exhausting the stack.
pub const MAX_DEPTH: u32 = 200;

/// How many bytes of host stack the parser may use below its entry. A
/// second guard besides `MAX_DEPTH`, because frame sizes vary with the
/// build (debug frames are several times larger) and wasm stacks are
/// small (1 MiB by default).
pub const STACK_BUDGET: usize = 384 * 1024;

/// The address of a fresh local: a portable reading of the stack pointer
/// (stacks grow downward on every target we build for, wasm32 included).
#[inline(never)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The diagnostic for input nested beyond `MAX_DEPTH` or `STACK_BUDGET`.
pub const NESTING_UNSUPPORTED: &str = "unsupported: program nests too deeply for the playground";

/// The diagnostic for any generic construct.
pub const GENERICS_UNSUPPORTED: &str =
    "unsupported: generics (type parameters) are not supported by this playground";

/// Parses one file. The diagnostics include the lexer's and are sorted by
/// position. The tree is always returned; after errors it may contain
/// `ExprKind::Bad` nodes and should not be type-checked.
pub fn parse_file(file: &SourceFile) -> (File, Vec<Diagnostic>) {
    let (tokens, mut lex_diags, owners) = tokenize_with_owners(file);
    let mut p = Parser::new(file, tokens, owners.clone());
    let ast = p.file();
    if p.abandoned {
        // Go stopped reading here: later lexer errors were never seen.
        let seen = p.i;
        let mut keep = owners.iter().map(|&o| o <= seen);
        lex_diags.retain(|_| keep.next().unwrap_or(false));
    }
    // The go command rejects a bad package clause or import before the
    // compiler runs, and reports only that first error.
    if let Some(d) = p.diags.iter().find(|d| is_go_command_error(d)) {
        return (ast, vec![d.clone()]);
    }
    (ast, filter_diagnostics(file, lex_diags, p.diags))
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
    // Real Go accepts generics; when the program has real errors, report
    // only those, as Go would.
    if out.iter().any(|d| d.message != GENERICS_UNSUPPORTED) {
        out.retain(|d| d.message != GENERICS_UNSUPPORTED);
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
    /// The parse stopped early, as Go's does after a bad package clause.
    abandoned: bool,
    /// Function nesting: inside a body, recovery also stops at statement
    /// keywords.
    fnest: u32,
    /// Expression nesting, -1 in a statement header, where `{` after a
    /// name opens the block instead of a composite literal.
    xnest: i32,
    depth: u32,
    /// `stack_position()` when parsing began.
    stack_base: usize,
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
    fn new(file: &'a SourceFile, mut toks: Vec<Token>, lex_errs: Vec<usize>) -> Parser<'a> {
        if toks.last().map(|t| t.kind) != Some(TokenKind::Eof) {
            let end = file.text.len();
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
            abandoned: false,
            fnest: 0,
            xnest: 0,
            depth: 0,
            stack_base: stack_position(),
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
            .get(s.start as usize..s.end as usize)
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

    /// Errors so far, not counting unsupported generics (valid Go).
    fn real_error_count(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.message != GENERICS_UNSUPPORTED)
            .count()
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
        let used = self.stack_base.saturating_sub(stack_position());
        if self.depth < MAX_DEPTH && used < STACK_BUDGET {
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

    // ----- file and declarations -------------------------------------------

    fn file(&mut self) -> File {
        let start = self.pos();
        let mut f = File {
            package: Name {
                name: "_".into(),
                span: start,
            },
            imports: Vec::new(),
            decls: Vec::new(),
            expr_count: 0,
            span: start,
        };
        // The go command reads the package clause (and imports) with
        // go/parser before compiling, so these errors use its wording.
        if !self.got(TokenKind::Package) {
            let msg = format!("expected 'package', found {}", self.go_parser_found());
            self.error_at(start, msg);
            f.span = Span::new(0, self.file.text.len());
            return f;
        }
        if !self.is(TokenKind::Ident) {
            let msg = format!("expected 'IDENT', found {}", self.go_parser_found());
            let pos = self.pos();
            self.error_at(pos, msg);
            f.span = Span::new(0, self.file.text.len());
            return f;
        }
        f.package = self.name();
        self.want(SEMI);
        if self.has_error() {
            self.abandoned = true;
            f.expr_count = self.next_id;
            f.span = Span::new(0, self.file.text.len());
            return f;
        }
        let mut prev = TokenKind::Import;
        while self.kind() != TokenKind::Eof {
            let k = self.kind();
            if k == TokenKind::Import && prev != TokenKind::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = k;
            match k {
                TokenKind::Import => {
                    self.next();
                    let mut imports = Vec::new();
                    self.group(&mut |p| {
                        if let Some(s) = p.import_spec() {
                            imports.push(s);
                        }
                    });
                    f.imports.extend(imports);
                }
                TokenKind::Const | TokenKind::Var | TokenKind::Type => {
                    let d = self.gen_decl();
                    f.decls.push(d);
                }
                TokenKind::Func => {
                    let start = self.pos();
                    self.next();
                    if let Some(d) = self.func_decl(start) {
                        f.decls.push(Decl::Func(d));
                    }
                }
                _ => {
                    let after_bodiless_func = matches!(
                        f.decls.last(),
                        Some(Decl::Func(FuncDecl { body: None, .. }))
                    );
                    if k == TokenKind::LBrace && after_bodiless_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance_decl();
                    continue;
                }
            }
            if self.kind() != TokenKind::Eof && !self.got(SEMI) {
                self.syntax_error("after top level declaration");
                self.advance_decl();
            }
        }
        f.expr_count = self.next_id;
        f.span = Span::new(0, self.file.text.len());
        f
    }

    fn advance_decl(&mut self) {
        use TokenKind::*;
        self.advance(&[Import, Const, Type, Var, Func]);
    }

    /// `const`/`var`/`type` (the current token) and its spec or group.
    fn gen_decl(&mut self) -> Decl {
        let start = self.pos();
        let k = self.kind();
        self.next();
        let grouped = self.is(TokenKind::LParen);
        match k {
            TokenKind::Const => {
                let mut specs = Vec::new();
                self.group(&mut |p| {
                    let iota = specs.len() as u32;
                    specs.push(p.const_spec(iota));
                });
                Decl::Const(GenDecl {
                    grouped,
                    specs,
                    span: self.span_from(start),
                })
            }
            TokenKind::Var => {
                let mut specs = Vec::new();
                self.group(&mut |p| specs.push(p.var_spec()));
                Decl::Var(GenDecl {
                    grouped,
                    specs,
                    span: self.span_from(start),
                })
            }
            _ => {
                let mut specs = Vec::new();
                self.group(&mut |p| specs.push(p.type_spec()));
                Decl::Type(GenDecl {
                    grouped,
                    specs,
                    span: self.span_from(start),
                })
            }
        }
    }

    /// One spec, or `( spec; spec; ... )`.
    fn group(&mut self, f: &mut dyn FnMut(&mut Parser<'a>)) {
        if self.got(TokenKind::LParen) {
            self.list("grouped declaration", SEMI, TokenKind::RParen, &mut |p| {
                f(p);
                false
            });
        } else {
            f(self);
        }
    }

    /// Go's `list`: elements separated by `sep` up to `close`; `f` returns
    /// true to stop early. Returns the position of the closing token.
    fn list(
        &mut self,
        context: &str,
        sep: TokenKind,
        close: TokenKind,
        f: &mut dyn FnMut(&mut Parser<'a>) -> bool,
    ) -> Span {
        let mut done = false;
        while self.kind() != TokenKind::Eof && !self.is(close) && !done {
            done = f(self);
            if !self.got(sep) && !self.is(close) {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    sep.expected_name(),
                    close.expected_name()
                ));
                self.advance(&[TokenKind::RParen, TokenKind::RBrack, TokenKind::RBrace]);
                if !self.is(close) {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    fn import_spec(&mut self) -> Option<ImportSpec> {
        let start = self.pos();
        let name = match self.kind() {
            TokenKind::Ident => Some(self.name()),
            TokenKind::Period => {
                let n = Name {
                    name: ".".into(),
                    span: self.tok.span,
                };
                self.next();
                Some(n)
            }
            _ => None,
        };
        let Some(mut path) = self.literal() else {
            // Reported by the go command (go/parser), hence no prefix.
            let pos = self.pos();
            self.error_at(pos, "missing import path");
            self.advance(&[SEMI, TokenKind::RParen]);
            return None;
        };
        if !path.bad && path.kind != LitKind::String {
            self.error_at(path.span, "import path must be a string");
            path.bad = true;
        }
        Some(ImportSpec {
            name,
            path,
            span: self.span_from(start),
        })
    }

    fn const_spec(&mut self, iota: u32) -> ConstSpec {
        let start = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if !matches!(
            self.kind(),
            TokenKind::Eof | TokenKind::Semi(_) | TokenKind::RParen
        ) {
            ty = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        ConstSpec {
            names,
            ty,
            values,
            iota,
            span: self.span_from(start),
        }
    }

    fn var_spec(&mut self) -> VarSpec {
        let start = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            ty = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        VarSpec {
            names,
            ty,
            values,
            span: self.span_from(start),
        }
    }

    fn type_spec(&mut self) -> TypeSpec {
        let start = self.pos();
        let name = self.name();
        let mut alias = false;
        let ty;
        if self.is(TokenKind::LBrack) {
            // `type T[P C] ...` (generic) or `type T [N]E` / `type T []E`.
            let lbrack = self.pos();
            self.next();
            match self.kind() {
                TokenKind::Ident => {
                    // Go's rule: read `[name` and, unless `[` follows, an
                    // expression; it is a type parameter list if that has
                    // the shape of a parameter declaration.
                    let n = self.name();
                    let mut x = self.name_expr(n);
                    if !self.is(TokenKind::LBrack) {
                        self.xnest += 1;
                        let px = self.pexpr_from(x, false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    match tparam_shape(&x, self.is(TokenKind::Comma)) {
                        Some(has_type) if has_type || !self.is(TokenKind::RBrack) => {
                            self.error_at(lbrack, GENERICS_UNSUPPORTED);
                            if !has_type {
                                let name = Name {
                                    name: x.ident().unwrap_or("_").to_string(),
                                    span: x.span,
                                };
                                self.param_list(Some(name), TokenKind::RBrack, true, false);
                            } else if self.got(TokenKind::Comma) {
                                self.param_list(None, TokenKind::RBrack, true, false);
                            } else {
                                self.want(TokenKind::RBrack);
                            }
                            alias = self.got_assign();
                            ty = self.type_or_nil();
                        }
                        _ => ty = Some(self.array_type(lbrack, Some(x))),
                    }
                }
                TokenKind::RBrack => {
                    self.next();
                    let elem = self.type_();
                    let span = self.span_from(lbrack);
                    ty = Some(self.mk(ExprKind::SliceType(Box::new(elem)), span));
                }
                _ => ty = Some(self.array_type(lbrack, None)),
            }
        } else {
            alias = self.got_assign();
            ty = self.type_or_nil();
        }
        let ty = match ty {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("in type declaration");
                self.advance(&[SEMI, TokenKind::RParen]);
                b
            }
        };
        TypeSpec {
            name,
            alias,
            ty,
            span: self.span_from(start),
        }
    }

    fn func_decl(&mut self, start: Span) -> Option<FuncDecl> {
        let mut recv = None;
        let mut has_recv = false;
        if self.got(TokenKind::LParen) {
            has_recv = true;
            let rcvr = self.param_list(None, TokenKind::RParen, false, false);
            let count: usize = rcvr.iter().map(|f| f.names.len().max(1)).sum();
            match count {
                0 => {
                    let pos = self.pos();
                    self.error_at(pos, "method has no receiver");
                }
                1 => {}
                _ => {
                    let pos = self.pos();
                    self.error_at(pos, "method has multiple receivers");
                }
            }
            recv = rcvr.into_iter().next();
        }
        let name;
        let ty;
        if self.is(TokenKind::Ident) {
            name = self.name();
            ty = self.func_type("", start);
        } else {
            name = Name {
                name: "_".into(),
                span: self.pos(),
            };
            ty = FuncType {
                params: Vec::new(),
                results: Vec::new(),
                span: self.pos(),
            };
            self.syntax_error(if has_recv {
                "expected name"
            } else {
                "expected name or ("
            });
            self.advance(&[TokenKind::LBrace, SEMI]);
        }
        let body = if self.is(TokenKind::LBrace) {
            Some(self.func_body())
        } else {
            None
        };
        Some(FuncDecl {
            recv,
            name,
            ty,
            body,
            span: self.span_from(start),
        })
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let first_tok = self.i;
        let errors_before = self.real_error_count();
        let b = self.block("");
        self.fnest -= 1;
        // Like Go, check labels and branches only in a body that parsed
        // cleanly (lexer errors included).
        let lex_error_inside = {
            let k = self.lex_errs.partition_point(|&o| o <= first_tok);
            self.lex_errs.get(k).is_some_and(|&o| o <= self.i)
        };
        if self.real_error_count() == errors_before && !lex_error_inside {
            let found = branches::check_branches(self.file, &b);
            self.diags.extend(found);
        }
        b
    }

    /// Parameters and results after `func` (and a name, if any). `context`
    /// names a place where type parameters are not allowed even in Go.
    fn func_type(&mut self, context: &str, start: Span) -> FuncType {
        if self.is(TokenKind::LBrack) {
            let pos = self.pos();
            self.next();
            if !context.is_empty() {
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            } else {
                self.error_at(pos, GENERICS_UNSUPPORTED);
            }
            if self.is(TokenKind::RBrack) {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                self.param_list(None, TokenKind::RBrack, true, false);
            }
        }
        self.want(TokenKind::LParen);
        let params = self.param_list(None, TokenKind::RParen, false, true);
        let results = self.func_result();
        FuncType {
            params,
            results,
            span: self.span_from(start),
        }
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(TokenKind::LParen) {
            return self.param_list(None, TokenKind::RParen, false, false);
        }
        let start = self.pos();
        match self.type_or_nil() {
            Some(ty) => {
                vec![Field {
                    names: Vec::new(),
                    ty,
                    variadic: false,
                    tag: None,
                    span: self.span_from(start),
                }]
            }
            None => Vec::new(),
        }
    }

    /// A parameter list up to `close` (the opening token is consumed),
    /// grouped into fields. `name` is an already consumed first name.
    fn param_list(
        &mut self,
        name: Option<Name>,
        close: TokenKind,
        require_names: bool,
        dddok: bool,
    ) -> Vec<Field> {
        let mut items: Vec<Param> = Vec::new();
        let mut first = name;
        let end = self.list("parameter list", TokenKind::Comma, close, &mut |p| {
            if let Some(par) = p.param_decl(first.take(), close) {
                items.push(par);
            }
            false
        });
        if items.is_empty() {
            return Vec::new();
        }
        let named = items
            .iter()
            .filter(|p| p.name.is_some() && p.ty.is_some())
            .count();
        let typed = items.iter().filter(|p| p.ty.is_some()).count();
        if named == 0 && !require_names {
            // `func(int, string)`: the "names" were types.
            let mut fields = Vec::new();
            let mut dots = Vec::new();
            for par in items {
                dots.push(par.dots);
                let ty = match (par.ty, par.name) {
                    (Some(t), _) => t,
                    (None, Some(n)) => self.name_expr(n),
                    (None, None) => self.bad(),
                };
                fields.push(Field {
                    names: Vec::new(),
                    span: ty.span,
                    ty,
                    variadic: par.dots.is_some(),
                    tag: None,
                });
            }
            self.check_dots(&dots, dddok);
            return fields;
        }
        let mut err_pos: Option<Span> = None;
        if named != items.len() {
            // Names without types take the next type to the right; a type
            // without a name, or a trailing name, is an error.
            let mut have_type = false;
            for par in items.iter_mut().rev() {
                if let Some(t) = &par.ty {
                    have_type = true;
                    if par.name.is_none() {
                        err_pos = Some(Span {
                            start: t.span.start,
                            end: t.span.start,
                        });
                        par.name = Some(Name {
                            name: "_".into(),
                            span: t.span,
                        });
                    }
                } else if !have_type && let Some(n) = &par.name {
                    err_pos = Some(n.span);
                }
            }
        }
        if let Some(pos) = err_pos {
            let (pos, msg) = if named == typed {
                (
                    end,
                    if require_names {
                        "missing type constraint"
                    } else {
                        "missing parameter type"
                    },
                )
            } else if require_names {
                (
                    pos,
                    if items.len() == 1 {
                        "missing type parameter name or invalid array length"
                    } else {
                        "missing type parameter name"
                    },
                )
            } else {
                (pos, "missing parameter name")
            };
            self.syntax_error_at(pos, msg);
        }
        // Group: consecutive untyped names share the next type.
        let mut fields = Vec::new();
        let mut pending: Vec<Name> = Vec::new();
        let mut dots = Vec::new();
        for par in items {
            if let Some(n) = par.name {
                pending.push(n);
            }
            if let Some(ty) = par.ty {
                let start = pending.first().map(|n| n.span).unwrap_or(ty.span);
                let span = start.to(ty.span);
                dots.push(par.dots);
                fields.push(Field {
                    names: std::mem::take(&mut pending),
                    ty,
                    variadic: par.dots.is_some(),
                    tag: None,
                    span,
                });
            }
        }
        if !pending.is_empty() {
            let pos = pending[0].span;
            let ty = self.mk(ExprKind::Bad, pos);
            dots.push(None);
            fields.push(Field {
                names: pending,
                ty,
                variadic: false,
                tag: None,
                span: pos,
            });
        }
        let per_name = fields_dots(&fields, &dots);
        self.check_dots(&per_name, dddok);
        fields
    }

    /// `...` is allowed only on the final parameter of a signature.
    fn check_dots(&mut self, dots: &[Option<Span>], dddok: bool) {
        for (i, d) in dots.iter().enumerate() {
            if let Some(pos) = d
                && (!dddok || i + 1 < dots.len())
            {
                let msg = if dddok {
                    "can only use ... with final parameter"
                } else {
                    "invalid use of ..."
                };
                self.error_at(*pos, msg);
                return;
            }
        }
    }

    fn param_decl(&mut self, name: Option<Name>, follow: TokenKind) -> Option<Param> {
        let type_sets = follow == TokenKind::RBrack;
        if name.is_none() && type_sets && self.is(TokenKind::Tilde) {
            let t = self.embedded_elem(None);
            return Some(Param {
                name: None,
                ty: Some(t),
                dots: None,
            });
        }
        let mut par = Param {
            name: None,
            ty: None,
            dots: None,
        };
        if self.is(TokenKind::Ident) || name.is_some() {
            let n = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.is(TokenKind::LBrack) {
                let (t, is_inst) = self.array_or_targs();
                if is_inst {
                    self.error_at(t.span, GENERICS_UNSUPPORTED);
                    let x = self.name_expr(n);
                    par.ty = Some(x);
                } else {
                    par.name = Some(n);
                    par.ty = Some(t);
                }
                if type_sets && self.is(TokenKind::Or) {
                    let t = par.ty.take();
                    par.ty = Some(self.embedded_elem(t));
                }
                return Some(par);
            }
            if self.is(TokenKind::Period) {
                let t = self.qualified_name(Some(n));
                par.ty = Some(t);
                if type_sets && self.is(TokenKind::Or) {
                    let t = par.ty.take();
                    par.ty = Some(self.embedded_elem(t));
                }
                return Some(par);
            }
            if type_sets && self.is(TokenKind::Or) {
                let x = self.name_expr(n);
                par.ty = Some(self.embedded_elem(Some(x)));
                return Some(par);
            }
            par.name = Some(n);
        }
        if self.is(TokenKind::Ellipsis) {
            let pos = self.pos();
            self.next();
            par.dots = Some(pos);
            match self.type_or_nil() {
                Some(t) => par.ty = Some(t),
                None => {
                    par.ty = Some(self.bad());
                    self.syntax_error("... is missing type");
                }
            }
            return Some(par);
        }
        if type_sets && self.is(TokenKind::Tilde) {
            par.ty = Some(self.embedded_elem(None));
            return Some(par);
        }
        par.ty = self.type_or_nil();
        if type_sets && self.is(TokenKind::Or) && par.ty.is_some() {
            let t = par.ty.take();
            par.ty = Some(self.embedded_elem(t));
        }
        if par.name.is_some() || par.ty.is_some() {
            return Some(par);
        }
        self.syntax_error(&format!("expected {}", follow.expected_name()));
        self.advance(&[TokenKind::Comma, follow]);
        None
    }

    // ----- statements -------------------------------------------------------

    fn block(&mut self, context: &str) -> Block {
        let start = self.pos();
        if !self.got(TokenKind::LBrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[TokenKind::Ident, TokenKind::RBrace]);
            let rbrace = self.pos();
            if self.got(TokenKind::RBrace) {
                return Block {
                    stmts: Vec::new(),
                    span: self.span_from(start),
                    rbrace,
                };
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(TokenKind::RBrace);
        Block {
            stmts,
            span: self.span_from(start),
            rbrace,
        }
    }

    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(
            self.kind(),
            TokenKind::Eof | TokenKind::RBrace | TokenKind::Case | TokenKind::Default
        ) {
            let Some(s) = self.stmt_or_nil() else { break };
            list.push(s);
            if !self.got(SEMI) && !self.is(TokenKind::RBrace) {
                self.syntax_error("at end of statement");
                self.advance(&[SEMI, TokenKind::RBrace, TokenKind::Case, TokenKind::Default]);
                self.got(SEMI);
            }
        }
        list
    }

    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        if !self.enter() {
            return None;
        }
        let s = self.stmt_inner();
        self.leave();
        s
    }

    /// Dispatches on the statement's first token. Kept small, and each
    /// form parsed in its own function, because this frame is on the
    /// recursion path of every nested statement (debug builds give each
    /// temporary its own stack slot).
    fn stmt_inner(&mut self) -> Option<Stmt> {
        use TokenKind::*;
        match self.kind() {
            Ident => self.ident_stmt(),
            Add | Sub | Mul | And | Xor | Not | Int | Float | Imag | Rune | String | Func
            | LParen | LBrack | Struct | Map | Chan | Interface | Arrow => {
                Some(self.simple_stmt_plain(None))
            }
            For => Some(self.for_stmt()),
            Switch => Some(self.switch_stmt()),
            Select => Some(self.select_stmt()),
            If => Some(self.if_stmt()),
            LBrace => Some(self.block_stmt()),
            Var | Const | Type => Some(self.decl_stmt()),
            Go | Defer => Some(self.call_stmt()),
            Return => Some(self.return_stmt()),
            Fallthrough | Break | Continue | Goto => Some(self.branch_stmt()),
            Semi(_) => Some(Stmt {
                kind: StmtKind::Empty,
                span: self.pos(),
            }),
            _ => None,
        }
    }

    /// A statement starting with a name: labeled or simple.
    fn ident_stmt(&mut self) -> Option<Stmt> {
        let lhs = self.expr_list();
        if lhs.len() == 1 && lhs[0].ident().is_some() && self.is(TokenKind::Colon) {
            let e = lhs.into_iter().next()?;
            let label = Name {
                name: e.ident().unwrap_or("_").to_string(),
                span: e.span,
            };
            return self.labeled_stmt(label);
        }
        Some(self.simple_stmt_plain(Some(lhs)))
    }

    fn block_stmt(&mut self) -> Stmt {
        let b = self.block("");
        Stmt {
            span: b.span,
            kind: StmtKind::Block(b),
        }
    }

    fn decl_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let d = self.gen_decl();
        Stmt {
            kind: StmtKind::Decl(d),
            span: self.span_from(start),
        }
    }

    /// `go f(x)` and `defer f(x)`.
    fn call_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let k = self.kind();
        self.next();
        let x = self.pexpr(self.is(TokenKind::LParen));
        let x = if let ExprKind::Paren(inner) = x.kind {
            let word = if k == TokenKind::Go { "go" } else { "defer" };
            self.error_at(
                x.span,
                format!("expression in {word} must not be parenthesized"),
            );
            unparen_owned(*inner)
        } else {
            x
        };
        let kind = if k == TokenKind::Go {
            StmtKind::Go(x)
        } else {
            StmtKind::Defer(x)
        };
        Stmt {
            kind,
            span: self.span_from(start),
        }
    }

    fn return_stmt(&mut self) -> Stmt {
        let start = self.pos();
        self.next();
        let mut results = Vec::new();
        if !matches!(self.kind(), TokenKind::Semi(_) | TokenKind::RBrace) {
            results = self.expr_list();
        }
        Stmt {
            kind: StmtKind::Return(results),
            span: self.span_from(start),
        }
    }

    /// `fallthrough`, `break [L]`, `continue [L]`, `goto L`.
    fn branch_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let k = self.kind();
        self.next();
        let kind = match k {
            TokenKind::Fallthrough => StmtKind::Fallthrough,
            TokenKind::Goto => StmtKind::Goto(self.name()),
            _ => {
                let label = if self.is(TokenKind::Ident) {
                    Some(self.name())
                } else {
                    None
                };
                if k == TokenKind::Break {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                }
            }
        };
        Stmt {
            kind,
            span: self.span_from(start),
        }
    }

    fn labeled_stmt(&mut self, label: Name) -> Option<Stmt> {
        let colon = self.pos();
        self.want(TokenKind::Colon);
        if self.is(TokenKind::RBrace) {
            let empty = Stmt {
                kind: StmtKind::Empty,
                span: self.pos(),
            };
            let span = self.span_from(label.span);
            return Some(Stmt {
                kind: StmtKind::Labeled {
                    label,
                    stmt: Box::new(empty),
                },
                span,
            });
        }
        match self.stmt_or_nil() {
            Some(s) => {
                let span = self.span_from(label.span);
                Some(Stmt {
                    kind: StmtKind::Labeled {
                        label,
                        stmt: Box::new(s),
                    },
                    span,
                })
            }
            None => {
                self.syntax_error_at(colon, "missing statement after label");
                None
            }
        }
    }

    /// A simple statement where range clauses and guards cannot occur.
    fn simple_stmt_plain(&mut self, lhs: Option<Vec<Expr>>) -> Stmt {
        match self.simple_stmt(lhs, None) {
            Simple::Stmt(s) | Simple::Assign(s, _) => s,
            Simple::Range { x, span, .. } | Simple::Guard { x, span, .. } => Stmt {
                kind: StmtKind::Expr(x),
                span,
            },
        }
    }

    /// `keyword` is the statement header being parsed, if any: `for`
    /// admits a range clause, `switch` a type switch guard.
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<TokenKind>) -> Simple {
        use TokenKind::*;
        if keyword == Some(For) && self.is(Range) {
            return self.range_clause(Vec::new(), false, None);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        if lhs.len() == 1 && !matches!(self.kind(), Assign | Define) {
            return self.single_lhs_stmt(lhs);
        }
        match self.kind() {
            Assign | Define => self.assign_stmt(lhs, keyword),
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[SEMI, RBrace]);
                let x = lhs.into_iter().next().unwrap_or_else(|| self.bad());
                Simple::Stmt(Stmt {
                    span: x.span,
                    kind: StmtKind::Expr(x),
                })
            }
        }
    }

    /// After one expression: `x op= y`, `x++`, `ch <- v`, or just `x`.
    fn single_lhs_stmt(&mut self, lhs: Vec<Expr>) -> Simple {
        use TokenKind::*;
        let op_pos = self.pos();
        let x = lhs.into_iter().next().unwrap_or_else(|| self.bad());
        let start = x.span;
        match self.kind() {
            OpAssign(op) => {
                self.next();
                let y = self.expr();
                let s = Stmt {
                    kind: StmtKind::Assign {
                        lhs: vec![x],
                        rhs: vec![y],
                        define: false,
                        op: Some(op),
                        op_span: op_pos,
                    },
                    span: self.span_from(start),
                };
                Simple::Assign(s, op_pos)
            }
            Inc | Dec => {
                let inc = self.is(Inc);
                self.next();
                let s = Stmt {
                    kind: StmtKind::IncDec { x, inc },
                    span: self.span_from(start),
                };
                Simple::Assign(s, op_pos)
            }
            Arrow => {
                self.next();
                let value = self.expr();
                Simple::Stmt(Stmt {
                    kind: StmtKind::Send { ch: x, value },
                    span: self.span_from(start),
                })
            }
            _ => Simple::Stmt(Stmt {
                span: x.span,
                kind: StmtKind::Expr(x),
            }),
        }
    }

    /// `lhs = rhs`, `lhs := rhs`, a range clause (in a `for` header) or a
    /// type switch guard (in a `switch` header); the operator is current.
    fn assign_stmt(&mut self, lhs: Vec<Expr>, keyword: Option<TokenKind>) -> Simple {
        use TokenKind::*;
        let start = lhs.first().map(|e| e.span).unwrap_or_else(|| self.pos());
        let op_pos = self.pos();
        let define = self.is(Define);
        self.next();
        if keyword == Some(For) && self.is(Range) {
            return self.range_clause(lhs, define, Some(start));
        }
        let rhs = self.expr_list();
        if keyword == Some(Switch)
            && define
            && rhs.len() == 1
            && lhs.len() == 1
            && let (ExprKind::TypeAssert { ty: None, .. }, Some(bind)) =
                (&rhs[0].kind, lhs[0].ident())
        {
            let bind = Name {
                name: bind.to_string(),
                span: lhs[0].span,
            };
            let span = self.span_from(start);
            let guard = rhs.into_iter().next().unwrap_or_else(|| self.bad());
            if let ExprKind::TypeAssert { x, .. } = guard.kind {
                return Simple::Guard {
                    bind: Some(bind),
                    x: *x,
                    span,
                };
            }
            return Simple::Stmt(Stmt {
                kind: StmtKind::Empty,
                span,
            });
        }
        let s = Stmt {
            kind: StmtKind::Assign {
                lhs,
                rhs,
                define,
                op: None,
                op_span: op_pos,
            },
            span: self.span_from(start),
        };
        Simple::Assign(s, op_pos)
    }

    fn range_clause(&mut self, lhs: Vec<Expr>, define: bool, start: Option<Span>) -> Simple {
        let start = start.unwrap_or_else(|| self.pos());
        self.next(); // range
        let x = self.expr();
        let mut it = lhs.into_iter();
        let key = it.next();
        let value = it.next();
        if let Some(extra) = it.next() {
            self.error_at(
                extra.span,
                "range clause permits at most two iteration variables",
            );
        }
        Simple::Range {
            key,
            value,
            define,
            x,
            span: self.span_from(start),
        }
    }

    /// The header of `if`, `for` or `switch` (the keyword is current):
    /// init statement, condition or tag (or range clause / guard), post
    /// statement.
    fn header(
        &mut self,
        keyword: TokenKind,
    ) -> (Option<Simple>, Option<Simple>, Option<Simple>, Option<Expr>) {
        use TokenKind::*;
        self.next(); // keyword
        if self.is(LBrace) {
            let mut cond = None;
            if keyword == If {
                self.syntax_error("missing condition in if statement");
                cond = Some(self.bad());
            }
            return (None, None, None, cond);
        }
        let outer = self.xnest;
        self.xnest = -1;
        let mut init = None;
        if !self.is(SEMI) {
            if self.got(Var) {
                self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.text()
                ));
            }
            let s = self.simple_stmt(None, Some(keyword));
            if matches!(s, Simple::Range { .. }) {
                self.xnest = outer;
                return (Some(s), None, None, None);
            }
            init = Some(s);
        }
        let mut cond_stmt = None;
        let mut post = None;
        let mut semi: Option<(Span, TokenKind)> = None;
        if !self.is(LBrace) {
            if self.is(SEMI) {
                semi = Some((self.pos(), self.kind()));
                self.next();
            } else {
                self.want(LBrace);
                if !self.is(LBrace) {
                    self.advance(&[LBrace, RBrace]);
                }
            }
            if keyword == For {
                let mut done = false;
                if !self.is(SEMI) {
                    if self.is(LBrace) {
                        self.syntax_error("expected for loop condition");
                        done = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, None));
                    }
                }
                if !done {
                    self.want(SEMI);
                    if !self.is(LBrace) {
                        let s = self.simple_stmt(None, None);
                        if let Simple::Assign(
                            Stmt {
                                kind: StmtKind::Assign { define: true, .. },
                                ..
                            },
                            pos,
                        ) = &s
                        {
                            let pos = *pos;
                            self.syntax_error_at(
                                pos,
                                "cannot declare in post statement of for loop",
                            );
                        }
                        post = Some(s);
                    }
                }
            } else if !self.is(LBrace) {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword)));
            }
        } else {
            cond_stmt = init.take();
        }
        let mut cond = None;
        match cond_stmt {
            None => {
                if let (If, Some((pos, k))) = (keyword, semi) {
                    if k != Semi(SemiKind::Explicit) {
                        self.syntax_error_at(
                            pos,
                            &format!("unexpected {}, expected {{ after if clause", k.text()),
                        );
                    } else {
                        self.syntax_error_at(pos, "missing condition in if statement");
                    }
                    cond = Some(self.mk(ExprKind::Bad, pos));
                }
            }
            Some(Simple::Stmt(Stmt {
                kind: StmtKind::Expr(x),
                ..
            })) => cond = Some(x),
            Some(g @ Simple::Guard { .. }) => {
                // Only a switch header yields a guard; keep it as the tag.
                self.xnest = outer;
                return (init, Some(g), post, None);
            }
            Some(other) => {
                let (pos, text) = match &other {
                    Simple::Assign(s, pos) => (*pos, self.stmt_string(s)),
                    Simple::Stmt(s) => (s.span, self.stmt_string(s)),
                    Simple::Range { span, .. } | Simple::Guard { span, .. } => {
                        (*span, "range clause".to_string())
                    }
                };
                let pos = Span {
                    start: pos.start,
                    end: pos.start,
                };
                self.syntax_error_at(pos, &format!("cannot use {text} as value"));
                cond = Some(self.mk(ExprKind::Bad, pos));
            }
        }
        self.xnest = outer;
        (init, None, post, cond)
    }

    /// How Go prints a misplaced statement in `cannot use ... as value`.
    fn stmt_string(&self, s: &Stmt) -> String {
        match &s.kind {
            StmtKind::Assign {
                lhs,
                rhs,
                define,
                op,
                ..
            } => {
                let l = list_string(lhs);
                let r = list_string(rhs);
                match (define, op) {
                    (false, None) => {
                        let emph = |v: &Vec<Expr>, t: String| {
                            if v.len() == 1 && matches!(v[0].kind, ExprKind::Binary { .. }) {
                                format!("({t})")
                            } else {
                                t
                            }
                        };
                        format!("assignment {} = {}", emph(lhs, l), emph(rhs, r))
                    }
                    (true, _) => format!("{l} := {r}"),
                    (false, Some(op)) => format!("{l} {}= {r}", op.as_str()),
                }
            }
            StmtKind::IncDec { x, inc } => {
                format!("{}{}", expr_string(x), if *inc { "++" } else { "--" })
            }
            StmtKind::Send { ch, value } => {
                format!("{} <- {}", expr_string(ch), expr_string(value))
            }
            StmtKind::Expr(x) => expr_string(x),
            _ => String::from("statement"),
        }
    }

    fn simple_to_stmt(&mut self, s: Option<Simple>) -> Option<Box<Stmt>> {
        s.map(|s| {
            Box::new(match s {
                Simple::Stmt(s) | Simple::Assign(s, _) => s,
                Simple::Range { x, span, .. } | Simple::Guard { x, span, .. } => Stmt {
                    kind: StmtKind::Expr(x),
                    span,
                },
            })
        })
    }

    fn if_stmt(&mut self) -> Stmt {
        let start = self.pos();
        if !self.enter() {
            return Stmt {
                kind: StmtKind::Empty,
                span: start,
            };
        }
        let (init, cond) = self.if_head();
        let then = self.block("if clause");
        let mut els = None;
        if self.got(TokenKind::Else) {
            match self.kind() {
                TokenKind::If => els = Some(Box::new(self.if_stmt())),
                TokenKind::LBrace => {
                    let b = self.block("");
                    els = Some(Box::new(Stmt {
                        span: b.span,
                        kind: StmtKind::Block(b),
                    }));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[TokenKind::Ident, TokenKind::RBrace]);
                }
            }
        }
        self.leave();
        Stmt {
            kind: StmtKind::If {
                init,
                cond,
                then,
                els,
            },
            span: self.span_from(start),
        }
    }

    /// The header's pieces live in this frame, off the recursion path.
    fn if_head(&mut self) -> (Option<Box<Stmt>>, Expr) {
        let (init, _, _, cond) = self.header(TokenKind::If);
        let init = self.simple_to_stmt(init);
        let cond = cond.unwrap_or_else(|| self.bad());
        (init, cond)
    }

    fn for_head(&mut self) -> Box<ForHead> {
        let (init, _, post, cond) = self.header(TokenKind::For);
        if let Some(Simple::Range {
            key,
            value,
            define,
            x,
            ..
        }) = init
        {
            return Box::new(ForHead::Range {
                key,
                value,
                define,
                x,
            });
        }
        let init = self.simple_to_stmt(init);
        let post = self.simple_to_stmt(post);
        Box::new(ForHead::Loop { init, cond, post })
    }

    fn for_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let head = self.for_head();
        let body = self.block("for clause");
        let kind = match *head {
            ForHead::Range {
                key,
                value,
                define,
                x,
            } => StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            },
            ForHead::Loop { init, cond, post } => StmtKind::For {
                init,
                cond,
                post,
                body,
            },
        };
        Stmt {
            kind,
            span: self.span_from(start),
        }
    }

    fn switch_head(&mut self) -> Box<SwitchHead> {
        let (init, guard, _, tag) = self.header(TokenKind::Switch);
        let init = self.simple_to_stmt(init);
        Box::new(match (guard, tag) {
            (Some(Simple::Guard { bind, x, .. }), _) => SwitchHead::Type { init, bind, x },
            (
                _,
                Some(Expr {
                    kind: ExprKind::TypeAssert { x, ty: None },
                    ..
                }),
            ) => SwitchHead::Type {
                init,
                bind: None,
                x: *x,
            },
            (_, tag) => SwitchHead::Expr { init, tag },
        })
    }

    fn switch_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let head = self.switch_head();
        if !self.got(TokenKind::LBrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[TokenKind::Case, TokenKind::Default, TokenKind::RBrace]);
        }
        let mut clauses = Vec::new();
        while !matches!(self.kind(), TokenKind::Eof | TokenKind::RBrace) {
            clauses.push(self.case_clause());
        }
        let rbrace = self.pos();
        self.want(TokenKind::RBrace);
        let kind = match *head {
            SwitchHead::Type { init, bind, x } => StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                rbrace,
            },
            SwitchHead::Expr { init, tag } => StmtKind::Switch {
                init,
                tag,
                clauses,
                rbrace,
            },
        };
        Stmt {
            kind,
            span: self.span_from(start),
        }
    }

    fn case_clause(&mut self) -> CaseClause {
        let start = self.pos();
        let mut exprs = Vec::new();
        let mut default = false;
        match self.kind() {
            TokenKind::Case => {
                self.next();
                exprs = self.expr_list();
            }
            TokenKind::Default => {
                self.next();
                default = true;
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[
                    TokenKind::Colon,
                    TokenKind::Case,
                    TokenKind::Default,
                    TokenKind::RBrace,
                ]);
            }
        }
        let colon = self.pos();
        self.want(TokenKind::Colon);
        let body = self.stmt_list();
        CaseClause {
            exprs,
            default,
            body,
            span: self.span_from(start),
            colon,
        }
    }

    fn select_stmt(&mut self) -> Stmt {
        let start = self.pos();
        self.next(); // select
        if !self.got(TokenKind::LBrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[TokenKind::Case, TokenKind::Default, TokenKind::RBrace]);
        }
        let mut clauses = Vec::new();
        while !matches!(self.kind(), TokenKind::Eof | TokenKind::RBrace) {
            let cstart = self.pos();
            let mut comm = None;
            match self.kind() {
                TokenKind::Case => {
                    self.next();
                    comm = Some(Box::new(self.simple_stmt_plain(None)));
                }
                TokenKind::Default => self.next(),
                _ => {
                    self.syntax_error("expected case or default or }");
                    self.advance(&[
                        TokenKind::Colon,
                        TokenKind::Case,
                        TokenKind::Default,
                        TokenKind::RBrace,
                    ]);
                }
            }
            let colon = self.pos();
            self.want(TokenKind::Colon);
            let body = self.stmt_list();
            clauses.push(CommClause {
                comm,
                body,
                span: self.span_from(cstart),
                colon,
            });
        }
        let rbrace = self.pos();
        self.want(TokenKind::RBrace);
        Stmt {
            kind: StmtKind::Select { clauses, rbrace },
            span: self.span_from(start),
        }
    }

    // ----- expressions ------------------------------------------------------

    fn name(&mut self) -> Name {
        if self.is(TokenKind::Ident) {
            let n = Name {
                name: self.text().to_string(),
                span: self.tok.span,
            };
            self.next();
            return n;
        }
        let n = Name {
            name: "_".into(),
            span: self.pos(),
        };
        self.syntax_error("expected name");
        self.advance(&[]);
        n
    }

    fn name_list(&mut self, first: Name) -> Vec<Name> {
        let mut l = vec![first];
        while self.got(TokenKind::Comma) {
            l.push(self.name());
        }
        l
    }

    fn got_assign(&mut self) -> bool {
        match self.kind() {
            TokenKind::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            TokenKind::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn literal(&mut self) -> Option<BasicLit> {
        let kind = match self.kind() {
            TokenKind::Int => LitKind::Int,
            TokenKind::Float => LitKind::Float,
            TokenKind::Imag => LitKind::Imag,
            TokenKind::Rune => LitKind::Rune,
            TokenKind::String => LitKind::String,
            _ => return None,
        };
        let span = self.tok.span;
        let bad = self.lex_errs.binary_search(&self.i).is_ok();
        let lit = BasicLit {
            kind,
            text: self.text().to_string(),
            bad,
            span,
        };
        self.next();
        Some(lit)
    }

    fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    fn expr_list(&mut self) -> Vec<Expr> {
        let mut l = vec![self.expr()];
        while self.got(TokenKind::Comma) {
            l.push(self.expr());
        }
        l
    }

    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        loop {
            let tprec = self.kind().precedence();
            if tprec <= prec {
                return x;
            }
            let op = match binary_op(self.kind()) {
                Some(op) => op,
                None => return x,
            };
            self.next();
            let y = self.binary_expr(None, tprec);
            let span = x.span.to(y.span);
            x = self.mk(
                ExprKind::Binary {
                    op,
                    x: Box::new(x),
                    y: Box::new(y),
                },
                span,
            );
        }
    }

    fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            return self.bad();
        }
        let e = self.unary_inner();
        self.leave();
        e
    }

    fn unary_inner(&mut self) -> Expr {
        use TokenKind::*;
        let start = self.pos();
        let op = match self.kind() {
            Mul => {
                self.next();
                let x = self.unary_expr();
                let span = self.span_from(start);
                return self.mk(ExprKind::Star(Box::new(x)), span);
            }
            Add => UnaryOp::Pos,
            Sub => UnaryOp::Neg,
            Not => UnaryOp::Not,
            Xor => UnaryOp::Xor,
            Tilde => UnaryOp::Tilde,
            And => {
                self.next();
                // &(T{}) is &T{}: Go drops the parentheses.
                let x = unparen_owned(self.unary_expr());
                let span = self.span_from(start);
                return self.mk(
                    ExprKind::Unary {
                        op: UnaryOp::Addr,
                        x: Box::new(x),
                    },
                    span,
                );
            }
            Arrow => {
                self.next();
                let mut x = self.unary_expr();
                if matches!(x.kind, ExprKind::ChanType { .. }) {
                    // `<-chan T`: the arrow belongs to the channel type.
                    if let Err(msg) = make_recv_chan(&mut x) {
                        self.syntax_error(&msg);
                    }
                    x.span = self.span_from(start);
                    return x;
                }
                let span = self.span_from(start);
                return self.mk(
                    ExprKind::Unary {
                        op: UnaryOp::Recv,
                        x: Box::new(x),
                    },
                    span,
                );
            }
            _ => return self.pexpr(true),
        };
        self.next();
        let x = self.unary_expr();
        let span = self.span_from(start);
        self.mk(ExprKind::Unary { op, x: Box::new(x) }, span)
    }

    fn pexpr(&mut self, keep_parens: bool) -> Expr {
        let x = self.operand(keep_parens);
        self.pexpr_from(x, keep_parens)
    }

    /// Selectors, indexing, slicing, calls, assertions and composite
    /// literals after the operand `x`.
    fn pexpr_from(&mut self, mut x: Expr, _keep_parens: bool) -> Expr {
        use TokenKind::*;
        loop {
            let start = x.span;
            match self.kind() {
                Period => {
                    self.next();
                    match self.kind() {
                        Ident => {
                            let sel = self.name();
                            let span = self.span_from(start);
                            x = self.mk(
                                ExprKind::Selector {
                                    x: Box::new(x),
                                    sel,
                                },
                                span,
                            );
                        }
                        LParen => {
                            self.next();
                            let ty = if self.got(Type) {
                                None
                            } else {
                                Some(Box::new(self.type_()))
                            };
                            self.want(RParen);
                            let span = self.span_from(start);
                            x = self.mk(ExprKind::TypeAssert { x: Box::new(x), ty }, span);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[SEMI, RParen]);
                        }
                    }
                }
                LBrack => {
                    let lbrack = self.pos();
                    self.next();
                    let mut lo = None;
                    if !self.is(Colon) {
                        let (i, comma) = if self.is(RBrack) {
                            self.syntax_error("expected operand");
                            (self.bad(), false)
                        } else {
                            self.type_list(false)
                        };
                        if comma || self.is(RBrack) {
                            if comma {
                                self.error_at(lbrack, GENERICS_UNSUPPORTED);
                            }
                            self.want(RBrack);
                            let span = self.span_from(start);
                            x = self.mk(
                                ExprKind::Index {
                                    x: Box::new(x),
                                    index: Box::new(i),
                                },
                                span,
                            );
                            continue;
                        }
                        lo = Some(Box::new(i));
                    }
                    if !self.got(Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[Comma, Colon, RBrack]);
                    }
                    self.xnest += 1;
                    let mut hi = None;
                    let mut max = None;
                    let mut full = false;
                    if !self.is(Colon) && !self.is(RBrack) {
                        hi = Some(Box::new(self.expr()));
                    }
                    if self.is(Colon) {
                        full = true;
                        if hi.is_none() {
                            let pos = self.pos();
                            self.error_at(pos, "middle index required in 3-index slice");
                            hi = Some(Box::new(self.bad()));
                        }
                        self.next();
                        if !self.is(RBrack) {
                            max = Some(Box::new(self.expr()));
                        } else {
                            let pos = self.pos();
                            self.error_at(pos, "final index required in 3-index slice");
                            max = Some(Box::new(self.bad()));
                        }
                    }
                    self.xnest -= 1;
                    self.want(RBrack);
                    let span = self.span_from(start);
                    x = self.mk(
                        ExprKind::Slice {
                            x: Box::new(x),
                            lo,
                            hi,
                            max,
                            full,
                        },
                        span,
                    );
                }
                LParen => {
                    self.next();
                    let (args, ellipsis) = self.arg_list();
                    let span = self.span_from(start);
                    x = self.mk(
                        ExprKind::Call {
                            fun: Box::new(x),
                            args,
                            ellipsis,
                        },
                        span,
                    );
                }
                LBrace => {
                    let t = x.unparen();
                    let ok = match &t.kind {
                        ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType(_)
                        | ExprKind::StructType(_)
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !ok {
                        return x;
                    }
                    if matches!(x.kind, ExprKind::Paren(_)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit(Some(x));
                }
                _ => return x,
            }
        }
    }

    fn operand(&mut self, keep_parens: bool) -> Expr {
        use TokenKind::*;
        let start = self.pos();
        match self.kind() {
            Ident => {
                let n = self.name();
                self.name_expr(n)
            }
            Int | Float | Imag | Rune | String => match self.literal() {
                Some(l) => {
                    let span = l.span;
                    self.mk(ExprKind::BasicLit(l), span)
                }
                None => self.bad(),
            },
            LParen => {
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(RParen);
                let keep = keep_parens || self.is(LBrace);
                if keep {
                    let span = self.span_from(start);
                    self.mk(ExprKind::Paren(Box::new(x)), span)
                } else {
                    x
                }
            }
            Func => {
                self.next();
                let ty = self.func_type("function type", start);
                if self.is(LBrace) {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    let span = self.span_from(start);
                    return self.mk(
                        ExprKind::FuncLit {
                            ty: Box::new(ty),
                            body: Box::new(body),
                        },
                        span,
                    );
                }
                let span = ty.span;
                self.mk(ExprKind::FuncType(Box::new(ty)), span)
            }
            LBrack | Chan | Map | Struct | Interface => self.type_(),
            _ => {
                let x = self.bad();
                self.syntax_error("expected expression");
                self.advance(&[RParen, RBrack, RBrace]);
                x
            }
        }
    }

    fn arg_list(&mut self) -> (Vec<Expr>, Option<Span>) {
        self.xnest += 1;
        let mut args = Vec::new();
        let mut dots = None;
        self.list(
            "argument list",
            TokenKind::Comma,
            TokenKind::RParen,
            &mut |p| {
                args.push(p.expr());
                if p.is(TokenKind::Ellipsis) {
                    dots = Some(p.tok.span);
                    p.next();
                    return true;
                }
                false
            },
        );
        self.xnest -= 1;
        (args, dots)
    }

    /// `x` or, after a comma, a list of types (a generic instantiation).
    fn type_list(&mut self, strict: bool) -> (Expr, bool) {
        self.xnest += 1;
        let x = if strict { self.type_() } else { self.expr() };
        let mut comma = false;
        if self.got(TokenKind::Comma) {
            comma = true;
            while self.type_or_nil().is_some() {
                if !self.got(TokenKind::Comma) {
                    break;
                }
            }
        }
        self.xnest -= 1;
        (x, comma)
    }

    fn complit(&mut self, ty: Option<Expr>) -> Expr {
        if !self.enter() {
            return self.bad();
        }
        let start = ty.as_ref().map(|t| t.span).unwrap_or_else(|| self.pos());
        self.xnest += 1;
        self.want(TokenKind::LBrace);
        let mut elems = Vec::new();
        let rbrace = self.list(
            "composite literal",
            TokenKind::Comma,
            TokenKind::RBrace,
            &mut |p| {
                let e = p.bare_complit_expr();
                if p.is(TokenKind::Colon) {
                    p.next();
                    let v = p.bare_complit_expr();
                    let span = e.span.to(v.span);
                    elems.push(Element {
                        key: Some(e),
                        value: v,
                        span,
                    });
                } else {
                    elems.push(Element {
                        key: None,
                        span: e.span,
                        value: e,
                    });
                }
                false
            },
        );
        self.xnest -= 1;
        self.leave();
        let span = self.span_from(start);
        self.mk(
            ExprKind::CompositeLit {
                ty: ty.map(Box::new),
                elems,
                rbrace,
            },
            span,
        )
    }

    fn bare_complit_expr(&mut self) -> Expr {
        if self.is(TokenKind::LBrace) {
            return self.complit(None);
        }
        self.expr()
    }

    // ----- types ------------------------------------------------------------

    fn type_(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("expected type");
                use TokenKind::*;
                self.advance(&[Comma, Colon, SEMI, RParen, RBrack, RBrace]);
                b
            }
        }
    }

    fn type_or_nil(&mut self) -> Option<Expr> {
        if !self.enter() {
            return Some(self.bad());
        }
        let t = self.type_inner();
        self.leave();
        t
    }

    fn type_inner(&mut self) -> Option<Expr> {
        use TokenKind::*;
        let start = self.pos();
        let kind = match self.kind() {
            Mul => {
                self.next();
                ExprKind::Star(Box::new(self.type_()))
            }
            Arrow => {
                self.next();
                self.want(Chan);
                ExprKind::ChanType {
                    dir: ChanDir::Recv,
                    elem: Box::new(self.chan_elem()),
                }
            }
            Func => {
                self.next();
                ExprKind::FuncType(Box::new(self.func_type("function type", start)))
            }
            LBrack => {
                self.next();
                if self.got(RBrack) {
                    ExprKind::SliceType(Box::new(self.type_()))
                } else {
                    return Some(self.array_type(start, None));
                }
            }
            Chan => {
                self.next();
                let dir = if self.got(Arrow) {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                ExprKind::ChanType {
                    dir,
                    elem: Box::new(self.chan_elem()),
                }
            }
            Map => {
                self.next();
                self.want(LBrack);
                let key = self.type_();
                self.want(RBrack);
                let value = self.type_();
                ExprKind::MapType {
                    key: Box::new(key),
                    value: Box::new(value),
                }
            }
            Struct => ExprKind::StructType(self.struct_type()),
            Interface => ExprKind::InterfaceType(self.interface_type()),
            Ident => return Some(self.qualified_name(None)),
            LParen => {
                self.next();
                let t = self.type_();
                self.want(RParen);
                ExprKind::Paren(Box::new(t))
            }
            _ => return None,
        };
        let span = self.span_from(start);
        Some(self.mk(kind, span))
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("missing channel element type");
                b
            }
        }
    }

    /// `[len]elem` after the `[` at `start`; `len` may already be parsed.
    fn array_type(&mut self, start: Span, len: Option<Expr>) -> Expr {
        let len = match len {
            Some(l) => Some(l),
            None if self.got(TokenKind::Ellipsis) => None,
            None => {
                self.xnest += 1;
                let l = self.expr();
                self.xnest -= 1;
                Some(l)
            }
        };
        if self.is(TokenKind::Comma) {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(TokenKind::RBrack);
        let elem = self.type_();
        let span = self.span_from(start);
        self.mk(
            ExprKind::ArrayType {
                len: len.map(Box::new),
                elem: Box::new(elem),
            },
            span,
        )
    }

    /// After a name in a field or parameter: `[N]T` or `[]T`, or a
    /// generic instantiation `[A, B]` (returned with `true`).
    fn array_or_targs(&mut self) -> (Expr, bool) {
        let start = self.pos();
        self.want(TokenKind::LBrack);
        if self.got(TokenKind::RBrack) {
            let elem = self.type_();
            let span = self.span_from(start);
            return (self.mk(ExprKind::SliceType(Box::new(elem)), span), false);
        }
        let (n, comma) = self.type_list(false);
        self.want(TokenKind::RBrack);
        if !comma && let Some(elem) = self.type_or_nil() {
            let span = self.span_from(start);
            return (
                self.mk(
                    ExprKind::ArrayType {
                        len: Some(Box::new(n)),
                        elem: Box::new(elem),
                    },
                    span,
                ),
                false,
            );
        }
        let span = self.span_from(start);
        (self.mk(ExprKind::Bad, span), true)
    }

    fn qualified_name(&mut self, name: Option<Name>) -> Expr {
        let start = name.as_ref().map(|n| n.span).unwrap_or_else(|| self.pos());
        let mut x = match name {
            Some(n) => self.name_expr(n),
            None if self.is(TokenKind::Ident) => {
                let n = self.name();
                self.name_expr(n)
            }
            None => {
                let n = Name {
                    name: "_".into(),
                    span: self.pos(),
                };
                self.syntax_error("expected name");
                self.advance(&[TokenKind::Period, SEMI, TokenKind::RBrace]);
                self.name_expr(n)
            }
        };
        if self.got(TokenKind::Period) {
            let sel = self.name();
            let span = self.span_from(start);
            x = self.mk(
                ExprKind::Selector {
                    x: Box::new(x),
                    sel,
                },
                span,
            );
        }
        if self.is(TokenKind::LBrack) {
            // A generic type instantiation `T[int]`.
            let pos = self.pos();
            self.next();
            if self.is(TokenKind::RBrack) {
                self.syntax_error("expected type argument list");
            } else {
                self.error_at(pos, GENERICS_UNSUPPORTED);
                self.type_list(true);
            }
            self.want(TokenKind::RBrack);
        }
        x
    }

    fn struct_type(&mut self) -> Vec<Field> {
        self.want(TokenKind::Struct);
        self.want(TokenKind::LBrace);
        let mut fields = Vec::new();
        self.list("struct type", SEMI, TokenKind::RBrace, &mut |p| {
            p.field_decl(&mut fields);
            false
        });
        fields
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        use TokenKind::*;
        let start = self.pos();
        match self.kind() {
            Ident => {
                let n = self.name();
                if matches!(self.kind(), Period | Semi(_) | RBrace) || self.kind().is_literal() {
                    // An embedded field `T`, `pkg.T`.
                    let ty = self.qualified_name(Some(n));
                    let tag = self.literal();
                    fields.push(Field {
                        names: Vec::new(),
                        ty,
                        variadic: false,
                        tag,
                        span: self.span_from(start),
                    });
                    return;
                }
                let names = self.name_list(n);
                let ty = if names.len() == 1 && self.is(LBrack) {
                    let (t, inst) = self.array_or_targs();
                    if inst {
                        self.error_at(t.span, GENERICS_UNSUPPORTED);
                    }
                    t
                } else {
                    self.type_()
                };
                let tag = self.literal();
                fields.push(Field {
                    names,
                    ty,
                    variadic: false,
                    tag,
                    span: self.span_from(start),
                });
            }
            Mul => {
                self.next();
                let ty = if self.is(LParen) {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(RParen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let span = self.span_from(start);
                let ty = self.mk(ExprKind::Star(Box::new(ty)), span);
                let tag = self.literal();
                fields.push(Field {
                    names: Vec::new(),
                    ty,
                    variadic: false,
                    tag,
                    span: self.span_from(start),
                });
            }
            LParen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.is(Mul) {
                    let pos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    let span = self.span_from(pos);
                    self.mk(ExprKind::Star(Box::new(t)), span)
                } else {
                    self.qualified_name(None)
                };
                self.got(RParen);
                let tag = self.literal();
                fields.push(Field {
                    names: Vec::new(),
                    ty,
                    variadic: false,
                    tag,
                    span: self.span_from(start),
                });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[SEMI, RBrace]);
            }
        }
    }

    fn interface_type(&mut self) -> Vec<InterfaceElem> {
        self.want(TokenKind::Interface);
        self.want(TokenKind::LBrace);
        let mut elems = Vec::new();
        self.list("interface type", SEMI, TokenKind::RBrace, &mut |p| {
            let start = p.pos();
            if p.is(TokenKind::Ident) {
                let n = p.name();
                match p.kind() {
                    TokenKind::LParen => {
                        let ty = p.func_type("interface method", start);
                        elems.push(InterfaceElem::Method {
                            name: n,
                            ty,
                            span: p.span_from(start),
                        });
                        return false;
                    }
                    TokenKind::LBrack => {
                        // A generic method or an instantiated embedded type.
                        let pos = p.pos();
                        p.error_at(pos, GENERICS_UNSUPPORTED);
                        p.next();
                        if !p.is(TokenKind::RBrack) {
                            p.param_list(None, TokenKind::RBrack, false, false);
                        } else {
                            p.next();
                        }
                        if p.is(TokenKind::LParen) {
                            let ty = p.func_type("interface method", start);
                            elems.push(InterfaceElem::Method {
                                name: n,
                                ty,
                                span: p.span_from(start),
                            });
                        } else {
                            let x = p.name_expr(n);
                            elems.push(InterfaceElem::Embedded(x));
                        }
                        return false;
                    }
                    _ => {
                        let t = p.qualified_name(Some(n));
                        let t = p.embedded_elem(Some(t));
                        elems.push(InterfaceElem::Embedded(t));
                        return false;
                    }
                }
            }
            let t = p.embedded_elem(None);
            elems.push(InterfaceElem::Embedded(t));
            false
        });
        elems
    }

    /// An embedded interface element; unions `A | B` and `~T` terms are
    /// constraint type sets, which are generics.
    fn embedded_elem(&mut self, first: Option<Expr>) -> Expr {
        let mut x = match first {
            Some(x) => x,
            None => self.embedded_term(),
        };
        while self.is(TokenKind::Or) {
            let pos = self.pos();
            self.error_at(pos, GENERICS_UNSUPPORTED);
            self.next();
            let y = self.embedded_term();
            let span = x.span.to(y.span);
            x = self.mk(
                ExprKind::Binary {
                    op: BinaryOp::Or,
                    x: Box::new(x),
                    y: Box::new(y),
                },
                span,
            );
        }
        x
    }

    fn embedded_term(&mut self) -> Expr {
        use TokenKind::*;
        if self.is(Tilde) {
            let start = self.pos();
            self.error_at(start, GENERICS_UNSUPPORTED);
            self.next();
            let t = self.type_();
            let span = self.span_from(start);
            return self.mk(
                ExprKind::Unary {
                    op: UnaryOp::Tilde,
                    x: Box::new(t),
                },
                span,
            );
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("expected ~ term or type");
                self.advance(&[Or, Tilde, SEMI, RParen, RBrack, RBrace]);
                b
            }
        }
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

fn list_string(l: &[Expr]) -> String {
    l.iter().map(expr_string).collect::<Vec<_>>().join(", ")
}

/// An expression in Go syntax, as Go's diagnostics print it (`x + 1`,
/// `f(a, b...)`, `[]int{…}`, `func(…) {…}`).
pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e, 0);
    s
}

fn write_expr(s: &mut String, e: &Expr, depth: u32) {
    if depth > 64 {
        s.push('…');
        return;
    }
    let d = depth + 1;
    match &e.kind {
        ExprKind::Bad => s.push_str("BadExpr"),
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::BasicLit(l) => s.push_str(&l.text),
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                write_expr(s, t, d);
            }
            s.push('{');
            if !elems.is_empty() {
                s.push('…');
            }
            s.push('}');
        }
        ExprKind::FuncLit { ty, body } => {
            s.push_str("func");
            write_sig(s, ty, d);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x, d);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x, d);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, index } => {
            write_expr(s, x, d);
            s.push('[');
            write_expr(s, index, d);
            s.push(']');
        }
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            full,
        } => {
            write_expr(s, x, d);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l, d);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h, d);
            }
            if *full {
                s.push(':');
                if let Some(m) = max {
                    write_expr(s, m, d);
                }
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(s, x, d);
            s.push_str(".(");
            match ty {
                Some(t) => write_expr(s, t, d),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
        } => {
            write_expr(s, fun, d);
            s.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a, d);
            }
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x, d);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(s, x, d);
        }
        ExprKind::Binary { op, x, y } => {
            write_operand(s, x, op.precedence(), false, d);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_operand(s, y, op.precedence(), true, d);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l, d),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem, d);
        }
        ExprKind::SliceType(elem) => {
            s.push_str("[]");
            write_expr(s, elem, d);
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key, d);
            s.push(']');
            write_expr(s, value, d);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem, d);
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(s, ft, d);
        }
        ExprKind::StructType(fields) => {
            s.push_str("struct{");
            write_fields(s, fields, "; ", d);
            s.push('}');
        }
        ExprKind::InterfaceType(elems) => {
            s.push_str("interface{");
            for (i, el) in elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    InterfaceElem::Method { name, ty, .. } => {
                        s.push_str(&name.name);
                        write_sig(s, ty, d);
                    }
                    InterfaceElem::Embedded(t) => write_expr(s, t, d),
                }
            }
            s.push('}');
        }
    }
}

fn write_operand(s: &mut String, x: &Expr, prec: u8, right: bool, d: u32) {
    if let ExprKind::Binary { op, .. } = &x.kind {
        let p = op.precedence();
        if p < prec || (right && p == prec) {
            s.push('(');
            write_expr(s, x, d);
            s.push(')');
            return;
        }
    }
    write_expr(s, x, d);
}

fn write_fields(s: &mut String, fields: &[Field], sep: &str, d: u32) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
        if !names.is_empty() {
            s.push_str(&names.join(", "));
            s.push(' ');
        }
        if f.variadic {
            s.push_str("...");
        }
        write_expr(s, &f.ty, d);
        if let Some(t) = &f.tag {
            s.push(' ');
            s.push_str(&t.text);
        }
    }
}

fn write_sig(s: &mut String, ft: &FuncType, d: u32) {
    s.push('(');
    write_fields(s, &ft.params, ", ", d);
    s.push(')');
    match ft.results.as_slice() {
        [] => {}
        [r] if r.names.is_empty() => {
            s.push(' ');
            write_expr(s, &r.ty, d);
        }
        rs => {
            s.push_str(" (");
            write_fields(s, rs, ", ", d);
            s.push(')');
        }
    }
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
