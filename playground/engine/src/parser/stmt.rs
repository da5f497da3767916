//! Statements: blocks, simple statements, the headers of `if`, `for`
//! and `switch` (with Go's composite-literal rule), and clauses.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn block(&mut self, context: &str) -> Block {
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

    pub(super) fn stmt_list(&mut self) -> Vec<Stmt> {
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

    pub(super) fn stmt_or_nil(&mut self) -> Option<Stmt> {
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
    pub(super) fn stmt_inner(&mut self) -> Option<Stmt> {
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
    pub(super) fn ident_stmt(&mut self) -> Option<Stmt> {
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

    pub(super) fn block_stmt(&mut self) -> Stmt {
        let b = self.block("");
        Stmt {
            span: b.span,
            kind: StmtKind::Block(b),
        }
    }

    pub(super) fn decl_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let d = self.gen_decl();
        Stmt {
            kind: StmtKind::Decl(d),
            span: self.span_from(start),
        }
    }

    /// `go f(x)` and `defer f(x)`.
    pub(super) fn call_stmt(&mut self) -> Stmt {
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

    pub(super) fn return_stmt(&mut self) -> Stmt {
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
    pub(super) fn branch_stmt(&mut self) -> Stmt {
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

    pub(super) fn labeled_stmt(&mut self, label: Name) -> Option<Stmt> {
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
    pub(super) fn simple_stmt_plain(&mut self, lhs: Option<Vec<Expr>>) -> Stmt {
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
    pub(super) fn simple_stmt(
        &mut self,
        lhs: Option<Vec<Expr>>,
        keyword: Option<TokenKind>,
    ) -> Simple {
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
    pub(super) fn single_lhs_stmt(&mut self, lhs: Vec<Expr>) -> Simple {
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
    pub(super) fn assign_stmt(&mut self, lhs: Vec<Expr>, keyword: Option<TokenKind>) -> Simple {
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

    pub(super) fn range_clause(
        &mut self,
        lhs: Vec<Expr>,
        define: bool,
        start: Option<Span>,
    ) -> Simple {
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
    pub(super) fn header(
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
    pub(super) fn stmt_string(&self, s: &Stmt) -> String {
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

    pub(super) fn simple_to_stmt(&mut self, s: Option<Simple>) -> Option<Box<Stmt>> {
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

    pub(super) fn if_stmt(&mut self) -> Stmt {
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
    pub(super) fn if_head(&mut self) -> (Option<Box<Stmt>>, Expr) {
        let (init, _, _, cond) = self.header(TokenKind::If);
        let init = self.simple_to_stmt(init);
        let cond = cond.unwrap_or_else(|| self.bad());
        (init, cond)
    }

    pub(super) fn for_head(&mut self) -> Box<ForHead> {
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

    pub(super) fn for_stmt(&mut self) -> Stmt {
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

    pub(super) fn switch_head(&mut self) -> Box<SwitchHead> {
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

    pub(super) fn switch_stmt(&mut self) -> Stmt {
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

    pub(super) fn case_clause(&mut self) -> CaseClause {
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

    pub(super) fn select_stmt(&mut self) -> Stmt {
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
}
