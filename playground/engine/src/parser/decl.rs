//! Declarations: the file, imports, `const`/`var`/`type` specs,
//! functions and their signatures and parameter lists.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn file(&mut self) -> File {
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
            f.span = Span::new(self.file.base as usize, self.file.end() as usize);
            return f;
        }
        if !self.is(TokenKind::Ident) {
            let msg = format!("expected 'IDENT', found {}", self.go_parser_found());
            let pos = self.pos();
            self.error_at(pos, msg);
            f.span = Span::new(self.file.base as usize, self.file.end() as usize);
            return f;
        }
        f.package = self.name();
        self.want(SEMI);
        if self.has_error() {
            self.abandoned = true;
            f.expr_count = self.next_id;
            f.span = Span::new(self.file.base as usize, self.file.end() as usize);
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
        f.span = Span::new(self.file.base as usize, self.file.end() as usize);
        f
    }

    pub(super) fn advance_decl(&mut self) {
        use TokenKind::*;
        self.advance(&[Import, Const, Type, Var, Func]);
    }

    /// `const`/`var`/`type` (the current token) and its spec or group.
    pub(super) fn gen_decl(&mut self) -> Decl {
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
    pub(super) fn group(&mut self, f: &mut dyn FnMut(&mut Parser<'a>)) {
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
    pub(super) fn list(
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

    pub(super) fn import_spec(&mut self) -> Option<ImportSpec> {
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

    pub(super) fn const_spec(&mut self, iota: u32) -> ConstSpec {
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

    pub(super) fn var_spec(&mut self) -> VarSpec {
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

    pub(super) fn type_spec(&mut self) -> TypeSpec {
        let start = self.pos();
        let name = self.name();
        let mut alias = false;
        let mut tparams = Vec::new();
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
                            if !has_type {
                                let name = Name {
                                    name: x.ident().unwrap_or("_").to_string(),
                                    span: x.span,
                                };
                                tparams = self.param_list(Some(name), TokenKind::RBrack, true, false);
                            } else {
                                // `[P *C]` read as the expression `P * C`:
                                // split it back into a name and a constraint.
                                let first = self.split_tparam(x);
                                let mut rest = if self.got(TokenKind::Comma) {
                                    self.param_list(None, TokenKind::RBrack, true, false)
                                } else {
                                    self.want(TokenKind::RBrack);
                                    Vec::new()
                                };
                                rest.insert(0, first);
                                tparams = rest;
                            }
                            if tparams.is_empty() && has_type {
                                self.error_at(lbrack, "empty type parameter list");
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
            tparams,
            alias,
            ty,
            span: self.span_from(start),
        }
    }

    pub(super) fn func_decl(&mut self, start: Span) -> Option<FuncDecl> {
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
        let mut tparams = Vec::new();
        if self.is(TokenKind::Ident) {
            name = self.name();
            if self.is(TokenKind::LBrack) {
                tparams = self.type_params();
            }
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
            tparams,
            ty,
            body,
            span: self.span_from(start),
        })
    }

    /// A declared function's type parameter list `[T, U any]`.
    fn type_params(&mut self) -> Vec<Field> {
        self.want(TokenKind::LBrack);
        if self.is(TokenKind::RBrack) {
            self.syntax_error("empty type parameter list");
            self.next();
            return Vec::new();
        }
        self.param_list(None, TokenKind::RBrack, true, false)
    }

    /// The first type parameter of a generic type when the parser read it
    /// as an expression: `P * C` is `P *C`, `P * C | D` is `P *C | D`,
    /// `P(C)` is `P (C)` (as cmd/compile's `extractName` splits them).
    fn split_tparam(&mut self, x: Expr) -> Field {
        let span = x.span;
        let (name, ty) = self.split_tparam_expr(x);
        Field { names: vec![name], ty, variadic: false, tag: None, span }
    }

    fn split_tparam_expr(&mut self, x: Expr) -> (Name, Expr) {
        match x.kind {
            ExprKind::Binary { op: BinaryOp::Mul, x: l, y } => {
                let name = Name { name: l.ident().unwrap_or("_").to_string(), span: l.span };
                let span = Span { start: x.span.start.max(l.span.end), end: y.span.end };
                let star_span = Span { start: span.start.min(y.span.start), end: y.span.end };
                (name, self.mk(ExprKind::Star(y), star_span))
            }
            ExprKind::Binary { op: BinaryOp::Or, x: l, y } => {
                let (name, t) = self.split_tparam_expr(*l);
                let span = t.span.to(y.span);
                (name, self.mk(ExprKind::Binary { op: BinaryOp::Or, x: Box::new(t), y }, span))
            }
            ExprKind::Call { fun, mut args, .. } if !args.is_empty() => {
                let name = Name { name: fun.ident().unwrap_or("_").to_string(), span: fun.span };
                let a = args.remove(0);
                (name, a)
            }
            _ => {
                let name = Name { name: x.ident().unwrap_or("_").to_string(), span: x.span };
                let b = self.mk(ExprKind::Bad, x.span);
                (name, b)
            }
        }
    }

    pub(super) fn func_body(&mut self) -> Block {
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
    pub(super) fn func_type(&mut self, context: &str, start: Span) -> FuncType {
        if self.is(TokenKind::LBrack) {
            // A declared function's list was read by `type_params`; here
            // the place allows none.
            let pos = self.pos();
            self.next();
            self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
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

    pub(super) fn func_result(&mut self) -> Vec<Field> {
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
    pub(super) fn param_list(
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
    pub(super) fn check_dots(&mut self, dots: &[Option<Span>], dddok: bool) {
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

    pub(super) fn param_decl(&mut self, name: Option<Name>, follow: TokenKind) -> Option<Param> {
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
                let x = self.name_expr(n.clone());
                let (t, is_inst) = self.array_or_targs(Some(x));
                if is_inst {
                    par.ty = Some(t);
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
}
