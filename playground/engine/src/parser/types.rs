//! Type expressions: named, pointer, array, slice, map, channel,
//! function, struct and interface types.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn type_(&mut self) -> Expr {
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

    pub(super) fn type_or_nil(&mut self) -> Option<Expr> {
        if !self.enter() {
            return Some(self.bad());
        }
        let t = self.type_inner();
        self.leave();
        t
    }

    pub(super) fn type_inner(&mut self) -> Option<Expr> {
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

    pub(super) fn chan_elem(&mut self) -> Expr {
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
    pub(super) fn array_type(&mut self, start: Span, len: Option<Expr>) -> Expr {
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

    /// After a name `x` in a field or parameter: `[N]T` or `[]T`, or a
    /// generic instantiation `x[A, B]` (returned with `true`).
    pub(super) fn array_or_targs(&mut self, x: Option<Expr>) -> (Expr, bool) {
        let start = self.pos();
        self.want(TokenKind::LBrack);
        if self.got(TokenKind::RBrack) {
            let elem = self.type_();
            let span = self.span_from(start);
            return (self.mk(ExprKind::SliceType(Box::new(elem)), span), false);
        }
        let (mut list, comma) = self.type_list(false);
        self.want(TokenKind::RBrack);
        if !comma && let Some(elem) = self.type_or_nil() {
            let span = self.span_from(start);
            let n = list.remove(0);
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
        match x {
            Some(x) => {
                let from = x.span;
                (self.index_or_inst(x, list, from), true)
            }
            None => {
                let span = self.span_from(start);
                (self.mk(ExprKind::Bad, span), true)
            }
        }
    }

    pub(super) fn qualified_name(&mut self, name: Option<Name>) -> Expr {
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
            self.next();
            if self.is(TokenKind::RBrack) {
                self.syntax_error("expected type argument list");
                self.want(TokenKind::RBrack);
            } else {
                let (list, _) = self.type_list(true);
                self.want(TokenKind::RBrack);
                x = self.index_or_inst(x, list, start);
            }
        }
        x
    }

    pub(super) fn struct_type(&mut self) -> Vec<Field> {
        self.want(TokenKind::Struct);
        self.want(TokenKind::LBrace);
        let mut fields = Vec::new();
        self.list("struct type", SEMI, TokenKind::RBrace, &mut |p| {
            p.field_decl(&mut fields);
            false
        });
        fields
    }

    pub(super) fn field_decl(&mut self, fields: &mut Vec<Field>) {
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
                    // `a [N]T`, or an embedded instantiation `List[int]`.
                    let (t, inst) = {
                        let n0 = names[0].clone();
                        let x = self.name_expr(n0);
                        self.array_or_targs(Some(x))
                    };
                    if inst {
                        fields.push(Field {
                            names: Vec::new(),
                            ty: t,
                            variadic: false,
                            tag: self.literal(),
                            span: self.span_from(start),
                        });
                        return;
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

    pub(super) fn interface_type(&mut self) -> Vec<InterfaceElem> {
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
                        // A generic method (which Go refuses) or an
                        // instantiated embedded type `Getter[T]`.
                        let pos = p.pos();
                        let x = p.name_expr(n.clone());
                        p.next();
                        // Read as a parameter list, which covers both
                        // `[T any]` and `[int, string]`.
                        let list: Vec<Expr> = if !p.is(TokenKind::RBrack) {
                            p.param_list(None, TokenKind::RBrack, false, false).into_iter().map(|f| f.ty).collect()
                        } else {
                            p.next();
                            Vec::new()
                        };
                        if p.is(TokenKind::LParen) {
                            // Go's type checker says so (not a syntax
                            // error); the names stay undeclared.
                            p.error_at(pos, "interface method must have no type parameters");
                            let ty = p.func_type("interface method", start);
                            elems.push(InterfaceElem::Method {
                                name: n,
                                ty,
                                span: p.span_from(start),
                            });
                        } else {
                            let x = if list.is_empty() { x } else { p.index_or_inst(x, list, start) };
                            let x = p.embedded_elem(Some(x));
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

    /// An embedded interface element; unions `A | B` and `~T` terms make
    /// a constraint's type set.
    pub(super) fn embedded_elem(&mut self, first: Option<Expr>) -> Expr {
        let mut x = match first {
            Some(x) => x,
            None => self.embedded_term(),
        };
        while self.is(TokenKind::Or) {
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

    pub(super) fn embedded_term(&mut self) -> Expr {
        use TokenKind::*;
        if self.is(Tilde) {
            let start = self.pos();
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
