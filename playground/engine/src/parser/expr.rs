//! Expressions: operators by precedence, operands, and the postfix
//! forms (selectors, index, slice, call, assertion, composite literal).

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn name(&mut self) -> Name {
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

    pub(super) fn name_list(&mut self, first: Name) -> Vec<Name> {
        let mut l = vec![first];
        while self.got(TokenKind::Comma) {
            l.push(self.name());
        }
        l
    }

    pub(super) fn got_assign(&mut self) -> bool {
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

    pub(super) fn literal(&mut self) -> Option<BasicLit> {
        let kind = match self.kind() {
            TokenKind::Int => LitKind::Int,
            TokenKind::Float => LitKind::Float,
            TokenKind::Imag => LitKind::Imag,
            TokenKind::Rune => LitKind::Rune,
            TokenKind::String => LitKind::String,
            _ => return None,
        };
        let span = self.tok.span;
        let bad = self.bad_lits.binary_search(&self.i).is_ok();
        let lit = BasicLit {
            kind,
            text: self.text().to_string(),
            bad,
            span,
        };
        self.next();
        Some(lit)
    }

    pub(super) fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    pub(super) fn expr_list(&mut self) -> Vec<Expr> {
        let mut l = vec![self.expr()];
        while self.got(TokenKind::Comma) {
            l.push(self.expr());
        }
        l
    }

    pub(super) fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        // Each operator of a chain nests the tree one level deeper (`a + b
        // + c` is `(a + b) + c`), and the passes after the parser recurse
        // down it: a level each, left until the chain ends.
        let depth = self.depth;
        let e = self.binary_chain(x, prec);
        self.depth = depth;
        e
    }

    fn binary_chain(&mut self, x: Option<Expr>, prec: u8) -> Expr {
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
            if !self.enter() {
                return self.bad();
            }
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

    pub(super) fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            return self.bad();
        }
        let e = self.unary_inner();
        self.leave();
        e
    }

    pub(super) fn unary_inner(&mut self) -> Expr {
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

    pub(super) fn pexpr(&mut self, keep_parens: bool) -> Expr {
        let x = self.operand(keep_parens);
        self.pexpr_from(x, keep_parens)
    }

    /// Selectors, indexing, slicing, calls, assertions and composite
    /// literals after the operand `x`: each nests the tree one level
    /// deeper (`a.b().c` is `(a.b()).c`), left when the chain ends.
    pub(super) fn pexpr_from(&mut self, x: Expr, keep_parens: bool) -> Expr {
        let depth = self.depth;
        let e = self.suffixes(x, keep_parens);
        self.depth = depth;
        e
    }

    fn suffixes(&mut self, mut x: Expr, _keep_parens: bool) -> Expr {
        use TokenKind::*;
        loop {
            let start = x.span;
            if matches!(self.kind(), Period | LBrack | LParen | LBrace) && !self.enter() {
                return self.bad();
            }
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
                    self.next();
                    let mut lo = None;
                    if !self.is(Colon) {
                        let (mut list, comma) = if self.is(RBrack) {
                            self.syntax_error("expected operand");
                            (vec![self.bad()], false)
                        } else {
                            self.type_list(false)
                        };
                        if comma || self.is(RBrack) {
                            self.want(RBrack);
                            x = self.index_or_inst(x, list, start);
                            continue;
                        }
                        lo = Some(Box::new(list.remove(0)));
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
                        ExprKind::Index { .. } | ExprKind::IndexList { .. } => self.xnest >= 0 && !is_value(t),
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

    pub(super) fn operand(&mut self, keep_parens: bool) -> Expr {
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
                    // A function literal's body weighs two more levels: the
                    // checker and the compiler each start a function there,
                    // with frames several times an expression's.
                    let depth = self.depth;
                    if !self.enter() || !self.enter() {
                        return self.bad();
                    }
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    self.depth = depth;
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

    pub(super) fn arg_list(&mut self) -> (Vec<Expr>, Option<Span>) {
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

    /// `x` or, after a comma, a list of types (a generic instantiation):
    /// every element, and whether there was a comma.
    pub(super) fn type_list(&mut self, strict: bool) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let x = if strict { self.type_() } else { self.expr() };
        let mut list = vec![x];
        let mut comma = false;
        if self.got(TokenKind::Comma) {
            comma = true;
            while let Some(t) = self.type_or_nil() {
                list.push(t);
                if !self.got(TokenKind::Comma) {
                    break;
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }

    /// `x[list]`: an index or an instantiation with one type argument
    /// (`Index`), or one with several (`IndexList`).
    pub(super) fn index_or_inst(&mut self, x: Expr, mut list: Vec<Expr>, start: Span) -> Expr {
        let span = self.span_from(start);
        if list.len() == 1 {
            let i = list.remove(0);
            return self.mk(ExprKind::Index { x: Box::new(x), index: Box::new(i) }, span);
        }
        self.mk(ExprKind::IndexList { x: Box::new(x), indices: list }, span)
    }

    pub(super) fn complit(&mut self, ty: Option<Expr>) -> Expr {
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

    pub(super) fn bare_complit_expr(&mut self) -> Expr {
        if self.is(TokenKind::LBrace) {
            return self.complit(None);
        }
        self.expr()
    }
}
