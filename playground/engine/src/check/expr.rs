//! Expressions (go/types' expr.go and operand.go): operands, identifiers,
//! operators with constant folding, and type assertions. The other kinds
//! of expression have files of their own: `assign.rs` (untyped constants,
//! assignability), `selector.rs`, `index.rs`, `literals.rs`.

use super::*;
use crate::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::constant::{self as k, ConstError, Unrepresentable};
use crate::types::Type;
use num_traits::{Signed, ToPrimitive, Zero};

/// How an expression may be used, as go/types' operand modes.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Mode {
    Invalid,
    NoValue,
    Builtin(Builtin),
    TypeExpr,
    Constant(Value),
    /// Addressable.
    Variable,
    MapIndex,
    Value,
    /// `v, ok` capable: map index, type assertion, receive.
    CommaOk,
    Nil,
    /// A package name (only valid as `pkg.X`).
    Package(usize),
}

#[derive(Clone, Debug)]
pub(super) struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: Mode::Invalid,
            ty: TypeId(0),
        }
    }
    pub fn is_invalid(&self) -> bool {
        self.mode == Mode::Invalid
    }
    pub fn value(ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Value,
            ty,
        }
    }
    pub fn konst(&self) -> Option<&Value> {
        match &self.mode {
            Mode::Constant(v) => Some(v),
            _ => None,
        }
    }
}

impl<'a> Checker<'a> {
    /// go/types' operand description: `x (variable of type int)`,
    /// `300 (untyped int constant)`, `c * 100 (untyped int constant 1000)`.
    pub(super) fn describe(&self, x: &Operand, e: &Expr) -> String {
        if x.mode == Mode::Nil || (matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil)))
        {
            return "nil".into();
        }
        let expr = crate::parser::expr_string(e);
        let mut s = format!("{expr} (");
        let mut has_type = false;
        match x.mode {
            Mode::Invalid
            | Mode::NoValue
            | Mode::Builtin(_)
            | Mode::TypeExpr
            | Mode::Package(_) => {}
            _ => {
                if self.tt.is_untyped(x.ty) {
                    s.push_str(self.tt.get(x.ty).clone().basic_name());
                    s.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        s.push_str(match &x.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::TypeExpr => "type",
            Mode::Constant(_) => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
            Mode::CommaOk => "comma, ok expression",
            Mode::Nil => "nil",
            Mode::Package(_) => "package",
        });
        if let Mode::Constant(v) = &x.mode {
            let vs = v.go_string();
            // A byte that is not UTF-8 in the expression's text (which Go
            // echoes raw) never reads as the quoted value (which has U+FFFD).
            let raw_byte = self.src.is_some_and(|f| {
                let bytes = f.invalid_bytes();
                let i = bytes.partition_point(|&p| p < e.span.start);
                bytes.get(i).is_some_and(|&p| p < e.span.end)
            });
            if vs != expr || raw_byte {
                s.push(' ');
                s.push_str(&vs);
            }
        }
        if has_type {
            s.push_str(" of ");
            if self.tt.named_info(x.ty).is_some() {
                match self.tt.composite_kind(x.ty) {
                    Some(kind) => {
                        s.push_str(kind);
                        s.push(' ');
                    }
                    None => {
                        if let Some(bk) = self.tt.basic_kind(x.ty) {
                            s.push_str(bk.name());
                            s.push(' ');
                        }
                    }
                }
            }
            s.push_str("type ");
            s.push_str(&self.spelled(x.ty, e));
            if let Some(tp) = self.tt.tparam_info(x.ty) {
                s.push_str(" constrained by ");
                s.push_str(&self.type_str(tp.constraint));
            }
        }
        s.push(')');
        s
    }

    /// An expression that must be a single value (or a type, reported).
    pub(super) fn expr(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        let mut x = self.raw_expr(e, hint);
        if self.generic_method_sels.remove(&e.unparen().id).is_some() {
            let s = crate::parser::expr_string(e);
            self.error(e.span, format!("cannot use generic function {s} without instantiation"));
            return Operand::invalid();
        }
        if !x.is_invalid() && let Some(o) = self.generic_func_of(e) {
            // Go 1.21's reverse inference: the type the context expects
            // (`var f func(int) int = Double`) gives the type arguments.
            if let Some(h) = hint
                && let Some(x) = self.generic_func_from_target(e, o, h)
            {
                return x;
            }
            let s = crate::parser::expr_string(e);
            self.error(e.span, format!("cannot use generic function {s} without instantiation"));
            return Operand::invalid();
        }
        match x.mode {
            Mode::TypeExpr => {
                let s = crate::parser::expr_string(e);
                self.error(e.span, format!("{s} (type) is not an expression"));
                x = Operand::invalid();
            }
            Mode::Builtin(b) => {
                self.error(e.span, format!("{} (built-in) must be called", b.name()));
                x = Operand::invalid();
            }
            Mode::Package(_) => {
                let s = crate::parser::expr_string(e);
                self.error(e.span, format!("use of package {s} without selector"));
                x = Operand::invalid();
            }
            _ => {}
        }
        if let Type::Tuple(ts) = self.tt.get(x.ty)
            && (!ts.is_empty() || x.mode != Mode::NoValue)
        {
            let s = crate::parser::expr_string(e);
            self.error(
                e.span,
                format!(
                    "multiple-value {s} (value of type {}) in single-value context",
                    self.type_str(x.ty)
                ),
            );
            return Operand::invalid();
        }
        x
    }

    /// An expression that may be a multi-value call.
    pub(super) fn expr_multi(&mut self, e: &'a Expr) -> Operand {
        let x = self.raw_expr(e, None);
        match x.mode {
            Mode::TypeExpr | Mode::Builtin(_) | Mode::Package(_) => self.expr(e, None),
            _ => x,
        }
    }

    /// An expression or a type.
    pub(super) fn expr_or_type(&mut self, e: &'a Expr) -> Operand {
        let x = self.raw_expr(e, None);
        if let Mode::Package(_) = x.mode {
            let s = crate::parser::expr_string(e);
            self.error(e.span, format!("use of package {s} without selector"));
            return Operand::invalid();
        }
        x
    }

    /// Reports `f() (no value) used as value` for a no-value operand.
    pub(super) fn single_value(&mut self, x: &mut Operand, e: &Expr) -> bool {
        if x.mode == Mode::NoValue {
            let s = crate::parser::expr_string(e);
            self.error(e.span, format!("{s} (no value) used as value"));
            *x = Operand::invalid();
            return false;
        }
        if x.mode == Mode::CommaOk {
            x.mode = Mode::Value;
        }
        true
    }

    fn raw_expr(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        if self.out_of_stack(e.span) {
            return Operand::invalid();
        }
        let x = self.raw_expr_inner(e, hint);
        match &x.mode {
            Mode::Invalid | Mode::Package(_) | Mode::Builtin(_) => {}
            Mode::Constant(v) => {
                let v = v.clone();
                self.record_const(e, &v);
                self.record_type(e, x.ty);
            }
            _ => self.record_type(e, x.ty),
        }
        x
    }

    fn raw_expr_inner(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(),
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::BasicLit(lit) => self.basic_lit(e, lit),
            ExprKind::Paren(x) => self.raw_expr(x, hint),
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body),
            ExprKind::CompositeLit { ty, elems, .. } => {
                self.composite_lit(e, ty.as_deref(), elems, hint)
            }
            ExprKind::Selector { x, sel } => self.selector(e, x, sel),
            ExprKind::Index { x, index } => self.index_expr(e, x, index),
            ExprKind::IndexList { x, indices } => self.index_list_expr(e, x, indices),
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                full,
            } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *full),
            ExprKind::TypeAssert { x, ty } => self.type_assert(e, x, ty.as_deref()),
            ExprKind::Call {
                fun,
                args,
                ellipsis,
            } => self.call(e, fun, args, *ellipsis),
            ExprKind::Star(x) => {
                let o = self.raw_expr(x, None);
                match o.mode {
                    Mode::Invalid => o,
                    Mode::TypeExpr => {
                        let t = self.tt.pointer(o.ty);
                        Operand {
                            mode: Mode::TypeExpr,
                            ty: t,
                        }
                    }
                    Mode::Nil => {
                        self.error(e.span, "invalid operation: cannot indirect nil");
                        Operand::invalid()
                    }
                    _ => {
                        let mut o = o;
                        if !self.single_value(&mut o, x) {
                            return Operand::invalid();
                        }
                        match self.tt.under(o.ty) {
                            Type::Pointer(t) => Operand {
                                mode: Mode::Variable,
                                ty: *t,
                            },
                            _ => {
                                let d = self.describe(&o, x);
                                self.error(
                                    e.span,
                                    format!("invalid operation: cannot indirect {d}"),
                                );
                                Operand::invalid()
                            }
                        }
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x, hint),
            ExprKind::Binary { op, x, y } => self.binary(e, *op, x, y, hint),
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.type_expr(e);
                if self.tt.is_invalid(t) {
                    Operand::invalid()
                } else {
                    Operand {
                        mode: Mode::TypeExpr,
                        ty: t,
                    }
                }
            }
        }
    }

    fn ident(&mut self, e: &'a Expr, name: &str) -> Operand {
        if name == "_" {
            self.error(e.span, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some(o) = self.lookup(name) else {
            self.error(e.span, format!("undefined: {name}"));
            return Operand::invalid();
        };
        self.use_obj(e, o)
    }

    /// An operand for a reference to object `o` (recording the use and
    /// init dependencies).
    pub(super) fn use_obj(&mut self, e: &'a Expr, o: ObjId) -> Operand {
        let named_type = matches!(self.obj(o).kind, ObjKind::TypeName)
            && self.named_objs.contains_key(&self.obj(o).ty);
        match self.obj(o).state {
            State::Done => {}
            // A named type may refer to itself (through pointers etc.).
            State::Resolving if named_type => {}
            _ => self.resolve_obj(o),
        }
        self.obj_mut(o).used = true;
        let ty = self.obj(o).ty;
        let kind = self.obj(o).kind.clone();
        let is_pkg_level =
            self.obj(o).pkg == self.cur_pkg && !matches!(kind, ObjKind::Var { local: Some(_), .. });
        if is_pkg_level
            && let Some(d) = self.cur_decl
            && matches!(kind, ObjKind::Var { .. } | ObjKind::Func { .. })
        {
            self.deps.entry(d).or_default().push(o);
        }
        match kind {
            ObjKind::Var { local, global } => {
                // An earlier error made the type invalid: stay quiet.
                if self.tt.is_invalid(ty) {
                    return Operand::invalid();
                }
                if let Some(&a) = self.obj_alias.get(&o) {
                    self.note_alias(e, Some(a), ty);
                }
                if let Some(v) = local {
                    self.note_capture(v);
                    self.record_use(e, Use::Local(v));
                } else if let Some(g) = global {
                    self.record_use(e, Use::Global(g));
                } else {
                    let p = self.obj(o).pkg;
                    let n = format!("{}.{}", self.pkgs[p].path, self.obj(o).name);
                    self.record_use(e, Use::NativeVar(n));
                }
                Operand {
                    mode: Mode::Variable,
                    ty,
                }
            }
            ObjKind::Const(v) => {
                if self.obj(o).name == "iota"
                    && self.obj(o).pkg == 0
                    && self.scopes[0].names.get("iota") == Some(&o)
                {
                    match self.iota {
                        Some(i) => {
                            self.record_use(e, Use::Const);
                            return Operand {
                                mode: Mode::Constant(Value::int(i)),
                                ty,
                            };
                        }
                        None => {
                            self.error(e.span, "cannot use iota outside constant declaration");
                            return Operand::invalid();
                        }
                    }
                }
                self.record_use(e, Use::Const);
                if self.tt.is_invalid(ty) {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Constant(v),
                    ty,
                }
            }
            ObjKind::TypeName => {
                self.record_use(e, Use::Type(ty));
                if self.tt.is_invalid(ty) {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::TypeExpr,
                    ty,
                }
            }
            ObjKind::Func { func } => {
                if let Some(f) = func {
                    self.record_use(e, Use::Func(f));
                }
                Operand::value(ty)
            }
            ObjKind::Builtin(b) => {
                self.record_use(e, Use::Builtin(b));
                Operand {
                    mode: Mode::Builtin(b),
                    ty: TypeId(0),
                }
            }
            ObjKind::PkgName { pkg, .. } => {
                if let ObjKind::PkgName { used, .. } = &mut self.obj_mut(o).kind {
                    *used = true;
                }
                // An unsupported import was reported already.
                if pkg == usize::MAX {
                    return Operand::invalid();
                }
                let path = self.pkgs[pkg].path.clone();
                self.record_use(e, Use::Package(path));
                Operand {
                    mode: Mode::Package(pkg),
                    ty: TypeId(0),
                }
            }
            ObjKind::Nil => {
                self.record_use(e, Use::Nil);
                Operand {
                    mode: Mode::Nil,
                    ty,
                }
            }
        }
    }

    /// A local variable referenced from a function literal nested inside
    /// its declaring function is captured (and escapes).
    pub(super) fn note_capture(&mut self, v: VarId) {
        let Some(owner) = self.info.vars.get(v.0 as usize).map(|vi| vi.func) else {
            return;
        };
        let Some(cur) = self.fstack.last().map(|f| f.func) else {
            return;
        };
        if owner == cur {
            return;
        }
        if let Some(vi) = self.info.vars.get_mut(v.0 as usize) {
            vi.escapes = true;
        }
        // Every literal between the owner and here captures it.
        for f in self.fstack.iter().rev() {
            if f.func == owner {
                break;
            }
            if let Some(fi) = self.info.funcs.get_mut(f.func.0 as usize)
                && !fi.captures.contains(&v)
            {
                fi.captures.push(v);
            }
        }
    }

    fn basic_lit(&mut self, e: &Expr, lit: &ast::BasicLit) -> Operand {
        use crate::ast::LitKind;
        // The lexer reported a malformed literal; Go stays quiet here.
        if lit.bad {
            return Operand::invalid();
        }
        let (v, kind) = match lit.kind {
            // go/types' basicLit: longer literals are not meaningful.
            LitKind::Int | LitKind::Float | LitKind::Imag if lit.text.len() > 10_000 => {
                let head = lit.text.get(..10).unwrap_or(&lit.text);
                self.error(e.span, format!("excessively long constant: {head}... ({} chars)", lit.text.len()));
                return Operand::invalid();
            }
            LitKind::Int => match crate::lexer::decode_int(&lit.text) {
                Ok(i) => (Value::Int(i), BasicKind::UntypedInt),
                Err(_) => return Operand::invalid(),
            },
            LitKind::Float => match crate::constant::Exact::parse_literal(&lit.text) {
                Some(f) => (Value::Float(f), BasicKind::UntypedFloat),
                None => {
                    // Only exponents far beyond any real need get here.
                    self.error(
                        e.span,
                        format!("unsupported: the exponent of float constant {} is beyond this playground's range", lit.text),
                    );
                    return Operand::invalid();
                }
            },
            LitKind::Imag => match crate::constant::Exact::parse_imaginary(&lit.text) {
                Some(f) => (Value::make_complex(crate::constant::Exact::from_i128(0), f), BasicKind::UntypedComplex),
                None => return Operand::invalid(),
            },
            LitKind::Rune => match crate::lexer::decode_rune(&lit.text) {
                Ok(r) => (Value::int(r as u32), BasicKind::UntypedRune),
                Err(_) => return Operand::invalid(),
            },
            LitKind::String => match crate::lexer::decode_string(&lit.text) {
                // Strings are byte strings in Go: invalid UTF-8 is kept.
                Ok(b) => (Value::String(b), BasicKind::UntypedString),
                Err(_) => return Operand::invalid(),
            },
        };
        // An integer literal past 512 bits (go.dev/issue/54280).
        if v.int_overflows() {
            self.error(e.span, "constant overflow");
            return Operand::invalid();
        }
        Operand {
            mode: Mode::Constant(v),
            ty: self.tt.basic(kind),
        }
    }

    // ----- operators -----

    fn unary(&mut self, e: &'a Expr, op: UnaryOp, xe: &'a Expr, hint: Option<TypeId>) -> Operand {
        match op {
            UnaryOp::Addr => {
                // `&T{...}`: composite literal address.
                let inner = xe.unparen();
                if let ExprKind::CompositeLit { .. } = inner.kind {
                    let h = hint.and_then(|h| match self.tt.under(h) {
                        Type::Pointer(p) => Some(*p),
                        _ => None,
                    });
                    let x = self.expr(xe, h);
                    if x.is_invalid() {
                        return x;
                    }
                    return Operand::value(self.tt.pointer(x.ty));
                }
                let mut x = self.expr(xe, None);
                if x.is_invalid() || !self.single_value(&mut x, xe) {
                    return Operand::invalid();
                }
                if x.mode != Mode::Variable {
                    let d = self.describe(&x, xe);
                    self.error(
                        xe.span,
                        format!("invalid operation: cannot take address of {d}"),
                    );
                    return Operand::invalid();
                }
                self.mark_addressed(xe);
                Operand::value(self.tt.pointer(x.ty))
            }
            UnaryOp::Recv => {
                let mut x = self.expr(xe, None);
                if x.is_invalid() || !self.single_value(&mut x, xe) {
                    return Operand::invalid();
                }
                match self.tt.under(x.ty).clone() {
                    Type::Chan(dir, el) => {
                        if dir == crate::types::ChanDir::Send {
                            let d = self.describe(&x, xe);
                            self.error(
                                xe.span,
                                format!(
                                    "invalid operation: cannot receive from send-only channel {} {d}",
                                    self.type_str(x.ty)
                                ),
                            );
                            return Operand::invalid();
                        }
                        Operand {
                            mode: Mode::CommaOk,
                            ty: el,
                        }
                    }
                    _ => {
                        let d = self.describe(&x, xe);
                        self.error(
                            e.span,
                            format!("invalid operation: cannot receive from non-channel {d}"),
                        );
                        Operand::invalid()
                    }
                }
            }
            UnaryOp::Tilde => {
                // `~T` is a term of a constraint, not an operation.
                let x = self.expr(xe, hint);
                if x.is_invalid() {
                    return x;
                }
                let msg = if self.tt.is_integer(x.ty) {
                    "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)"
                } else {
                    "cannot use ~ outside of interface or type constraint"
                };
                self.error(e.span, msg);
                Operand::invalid()
            }
            _ => {
                let mut x = self.expr(xe, hint);
                if x.is_invalid() || !self.single_value(&mut x, xe) {
                    return Operand::invalid();
                }
                let ok = match op {
                    UnaryOp::Pos | UnaryOp::Neg => self.tt.is_numeric(x.ty),
                    UnaryOp::Not => self.tt.is_boolean(x.ty),
                    UnaryOp::Xor => self.tt.is_integer(x.ty),
                    _ => false,
                };
                if !ok {
                    let d = self.describe(&x, xe);
                    self.error(
                        xe.span,
                        format!(
                            "invalid operation: operator {} not defined on {d}",
                            op.as_str()
                        ),
                    );
                    return Operand::invalid();
                }
                if let Mode::Constant(v) = &x.mode {
                    let r = match (op, v) {
                        (UnaryOp::Pos, _) => Some(v.clone()),
                        (UnaryOp::Neg, Value::Int(i)) => Some(Value::Int(-i)),
                        (UnaryOp::Neg, Value::Float(f)) => Some(Value::Float(f.neg())),
                        (UnaryOp::Neg, Value::Complex(a, b)) => Some(Value::make_complex(a.neg(), b.neg())),
                        (UnaryOp::Not, Value::Bool(b)) => Some(Value::Bool(!b)),
                        (UnaryOp::Xor, Value::Int(i)) => {
                            // ^x for unsigned typed constants flips only the
                            // type's bits.
                            if self.tt.is_unsigned(x.ty) {
                                let bits =
                                    self.tt.basic_kind(x.ty).map(|k| k.int_bits()).unwrap_or(64);
                                let mask = (num_bigint::BigInt::from(1) << bits) - 1;
                                Some(Value::Int(!i & mask))
                            } else {
                                Some(Value::Int(!i))
                            }
                        }
                        _ => None,
                    };
                    match r {
                        Some(v) => {
                            let name = if op == UnaryOp::Xor { "bitwise complement" } else { "" };
                            if self.untyped_overflow(e.span, &v, x.ty, name) {
                                return Operand::invalid();
                            }
                            return self.typed_const_check(e, v, x.ty);
                        }
                        None => {
                            self.error(e.span, "constant overflow");
                            return Operand::invalid();
                        }
                    }
                }
                Operand::value(x.ty)
            }
        }
    }

    /// go/types' `overflow` for an untyped result: an integer past
    /// [`k::PREC`] bits is `constant <op> overflow`, named by go/types'
    /// `opName` (`addition`, `shift`...; none for others). Typed results
    /// are checked against their type instead (`typed_const_check`).
    fn untyped_overflow(&mut self, at: Span, v: &Value, t: TypeId, op_name: &str) -> bool {
        if !self.tt.is_untyped(t) || !v.int_overflows() {
            return false;
        }
        let sep = if op_name.is_empty() { "" } else { " " };
        self.error(at, format!("constant {op_name}{sep}overflow"));
        true
    }

    /// Where a binary operation's operator is: go/types reports overflows
    /// there.
    fn operator_span(&self, e: &Expr, xe: &Expr, op: BinaryOp) -> Span {
        self.find_token(xe.span.end, op.as_str()).filter(|s| s.end <= e.span.end).unwrap_or(e.span)
    }

    /// A constant result of type `t`: typed constants must stay
    /// representable (`c * 2 (constant 200 of type int8) overflows int8`).
    fn typed_const_check(&mut self, e: &'a Expr, v: Value, t: TypeId) -> Operand {
        if !self.tt.is_untyped(t)
            && let Some(bk) = self.tt.basic_kind(t)
        {
            match k::represent(&v, bk) {
                Ok(nv) => {
                    return Operand {
                        mode: Mode::Constant(nv),
                        ty: t,
                    };
                }
                Err(_) => {
                    let x = Operand {
                        mode: Mode::Constant(v),
                        ty: t,
                    };
                    let d = self.describe(&x, e);
                    self.error(e.span, format!("{d} overflows {}", bk.name()));
                    return Operand::invalid();
                }
            }
        }
        Operand {
            mode: Mode::Constant(v),
            ty: t,
        }
    }

    /// Marks the variable under `&x` (or `x.f`, `x[i]` of an array) as
    /// escaping.
    pub(super) fn mark_addressed(&mut self, e: &Expr) {
        let mut cur = e;
        for _ in 0..200 {
            match &cur.unparen().kind {
                ExprKind::Ident(name) => {
                    if let Some(o) = self.lookup(name) {
                        self.mark_escapes(o);
                    }
                    return;
                }
                ExprKind::Selector { x, .. } => {
                    // Through a pointer the variable itself is not addressed.
                    if let Some(t) = self.info.ex.types.get(&x.id)
                        && matches!(self.tt.under(*t), Type::Pointer(_))
                    {
                        return;
                    }
                    cur = x;
                }
                ExprKind::Index { x, .. } => {
                    if let Some(t) = self.info.ex.types.get(&x.id)
                        && !matches!(self.tt.under(*t), Type::Array(..))
                    {
                        return;
                    }
                    cur = x;
                }
                _ => return,
            }
        }
    }

    fn binary(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        xe: &'a Expr,
        ye: &'a Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        use BinaryOp::*;
        if matches!(op, Shl | Shr) {
            return self.shift(e, op, xe, ye, hint);
        }
        let mut x = self.expr(xe, None);
        let mut y = self.expr(ye, None);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if !self.single_value(&mut x, xe) || !self.single_value(&mut y, ye) {
            return Operand::invalid();
        }
        let is_cmp = matches!(op, Eql | Neq | Lss | Leq | Gtr | Geq);
        // Bring untyped operands to a common type.
        let (x0, y0) = (x.clone(), y.clone());
        self.not_representable = None;
        if !self.match_types(&mut x, xe, &mut y, ye) {
            // A constant that does not fit the other operand's type is
            // reported on the constant (types2's invalidConversion).
            let (u, ue, other, oe) = if self.tt.is_untyped(x0.ty) && !self.tt.is_untyped(y0.ty) {
                (&x0, xe, y0.ty, ye)
            } else {
                (&y0, ye, x0.ty, xe)
            };
            let d = self.describe(u, ue);
            let ts = self.spelled(other, oe);
            match self.not_representable.take() {
                Some(Unrepresentable::Truncated) => {
                    self.error(ue.span, format!("{d} truncated to {ts}"));
                }
                Some(Unrepresentable::Overflows) => {
                    self.error(ue.span, format!("{d} overflows {ts}"));
                }
                _ => {
                    let xs = self.type_name_for_mismatch(&x0, xe);
                    let ys = self.type_name_for_mismatch(&y0, ye);
                    let s = crate::parser::expr_string(e);
                    // Comparisons report a mismatch at the second operand.
                    let at = if is_cmp { ye.span } else { xe.span };
                    self.error(
                        at,
                        format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
                    );
                }
            }
            return Operand::invalid();
        }
        if is_cmp {
            return self.comparison(e, op, &x, xe, &y, ye);
        }
        if !self.tt.assignable(x.ty, y.ty) && !self.tt.assignable(y.ty, x.ty)
            || (x.ty != y.ty && !self.tt.is_untyped(x.ty) && !self.tt.is_untyped(y.ty))
        {
            let s = crate::parser::expr_string(e);
            let (xs, ys) = (self.spelled(x.ty, xe), self.spelled(y.ty, ye));
            self.error(
                xe.span,
                format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
            );
            return Operand::invalid();
        }
        let t = x.ty;
        if let Some(&a) = self
            .aliases
            .get(&xe.unparen().id)
            .or_else(|| self.aliases.get(&ye.unparen().id))
        {
            self.note_alias(e, Some(a), t);
        }
        let ok = match op {
            // For a type parameter: every type of its set, each its way.
            Add if self.tt.is_type_param(t) => self.tt.all_terms(t, &|tt, u| tt.is_numeric(u) || tt.is_string(u)),
            Add => self.tt.is_numeric(t) || self.tt.is_string(t),
            Sub | Mul | Quo => self.tt.is_numeric(t),
            Rem | And | Or | Xor | AndNot => self.tt.is_integer(t),
            LAnd | LOr => self.tt.is_boolean(t),
            _ => false,
        };
        if !ok {
            let d = self.describe(&x, xe);
            let opn = op.as_str();
            self.error(
                xe.span,
                format!("invalid operation: operator {opn} not defined on {d}"),
            );
            return Operand::invalid();
        }
        // Division by a constant zero.
        if matches!(op, Quo | Rem)
            && let Some(v) = y.konst()
        {
            let zero = match v {
                Value::Int(i) => i.is_zero(),
                Value::Float(f) => f.is_zero() && (self.tt.is_integer(x.ty) || x.konst().is_some()),
                _ => false,
            };
            if zero && (self.tt.is_integer(x.ty) || x.konst().is_some()) {
                self.error(ye.span, "invalid operation: division by zero");
                return Operand::invalid();
            }
        }
        if let (Some(a), Some(b)) = (x.konst().cloned(), y.konst().cloned()) {
            let int_div = self.tt.is_integer(t);
            let kop = match op {
                Add => k::Op::Add,
                Sub => k::Op::Sub,
                Mul => k::Op::Mul,
                Quo if int_div => k::Op::IntQuo,
                Quo => k::Op::Quo,
                Rem => k::Op::Rem,
                And => k::Op::And,
                Or => k::Op::Or,
                Xor => k::Op::Xor,
                AndNot => k::Op::AndNot,
                LAnd => k::Op::LAnd,
                _ => k::Op::LOr,
            };
            // Untyped float division of ints: promote.
            let (a, b) = if !int_div
                && matches!((&a, &b), (Value::Int(_), Value::Int(_)))
                && kop == k::Op::Quo
            {
                (
                    a.exact().map_or(Value::float(0.0), Value::Float),
                    b.exact().map_or(Value::float(0.0), Value::Float),
                )
            } else {
                (a, b)
            };
            match k::binary(&a, kop, &b) {
                Ok(v) => {
                    let v = if self.tt.is_integer(t) {
                        match v {
                            Value::Float(f) => f.to_int().map_or(Value::Float(f), Value::Int),
                            v => v,
                        }
                    } else {
                        v
                    };
                    let name = match op {
                        Add => "addition",
                        Sub => "subtraction",
                        Xor => "bitwise XOR",
                        Mul => "multiplication",
                        _ => "",
                    };
                    let at = self.operator_span(e, xe, op);
                    if self.untyped_overflow(at, &v, t, name) {
                        return Operand::invalid();
                    }
                    // Typed unsigned arithmetic on constants must stay in range.
                    return self.typed_const_check(e, v, t);
                }
                Err(ConstError::DivByZero) => {
                    self.error(ye.span, "invalid operation: division by zero");
                    return Operand::invalid();
                }
                Err(ConstError::TooLong(n)) => {
                    let max = crate::constant::MAX_STRING;
                    self.unsupported(e.span, &format!("a string constant of {n} bytes (more than {max})"));
                    return Operand::invalid();
                }
                Err(ConstError::FloatRange) => {
                    self.unsupported(e.span, "a float constant beyond 1e±19000");
                    return Operand::invalid();
                }
                Err(_) => {
                    self.error(e.span, "constant overflow");
                    return Operand::invalid();
                }
            }
        }
        Operand::value(t)
    }

    /// The first field (or element) type that makes `t` incomparable.
    fn incomparable_part(&self, t: TypeId) -> TypeId {
        let mut cur = t;
        for _ in 0..50 {
            match self.tt.under(cur) {
                Type::Struct(fs) => match fs.iter().find(|f| !self.tt.comparable(f.ty)) {
                    Some(f) => {
                        if matches!(self.tt.under(f.ty), Type::Struct(_) | Type::Array(..)) {
                            cur = f.ty;
                        } else {
                            return f.ty;
                        }
                    }
                    None => return cur,
                },
                Type::Array(e, _) => cur = *e,
                _ => return cur,
            }
        }
        cur
    }

    fn type_name_for_mismatch(&self, x: &Operand, e: &Expr) -> String {
        if x.mode == Mode::Nil {
            return "untyped nil".into();
        }
        self.spelled(x.ty, e)
    }

    /// Converts untyped operands towards each other's type; false on a
    /// mismatch (`"a" * 2`, `x + "s"` with x int).
    fn match_types(
        &mut self,
        x: &mut Operand,
        xe: &'a Expr,
        y: &mut Operand,
        ye: &'a Expr,
    ) -> bool {
        let xu = self.tt.is_untyped(x.ty);
        let yu = self.tt.is_untyped(y.ty);
        if xu && yu {
            let xk = self.tt.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
            let yk = self.tt.basic_kind(y.ty).unwrap_or(BasicKind::Invalid);
            if xk == yk {
                return true;
            }
            let numeric = |k: BasicKind| {
                matches!(
                    k,
                    BasicKind::UntypedInt
                        | BasicKind::UntypedRune
                        | BasicKind::UntypedFloat
                        | BasicKind::UntypedComplex
                )
            };
            if numeric(xk) && numeric(yk) {
                let rank = |k: BasicKind| match k {
                    BasicKind::UntypedInt => 0,
                    BasicKind::UntypedRune => 1,
                    BasicKind::UntypedFloat => 2,
                    _ => 3,
                };
                let target = if rank(xk) >= rank(yk) { x.ty } else { y.ty };
                if let (Mode::Constant(v), BasicKind::UntypedFloat) = (
                    &x.mode,
                    self.tt.basic_kind(target).unwrap_or(BasicKind::Invalid),
                ) {
                    x.mode = Mode::Constant(v.exact().map_or(Value::float(0.0), Value::Float));
                }
                if let (Mode::Constant(v), BasicKind::UntypedFloat) = (
                    &y.mode,
                    self.tt.basic_kind(target).unwrap_or(BasicKind::Invalid),
                ) {
                    y.mode = Mode::Constant(v.exact().map_or(Value::float(0.0), Value::Float));
                }
                x.ty = target;
                y.ty = target;
                return true;
            }
            // nil against nil is fine for `==` reporting later.
            return xk == BasicKind::UntypedNil && yk == BasicKind::UntypedNil;
        }
        if xu {
            let t = y.ty;
            return self.convert_untyped(x, xe, t);
        }
        if yu {
            let t = x.ty;
            return self.convert_untyped(y, ye, t);
        }
        true
    }

    fn comparison(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        x: &Operand,
        xe: &'a Expr,
        y: &Operand,
        ye: &'a Expr,
    ) -> Operand {
        use BinaryOp::*;
        let ub = self.tt.basic(BasicKind::UntypedBool);
        let s = crate::parser::expr_string(e);
        let x_nil =
            matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil)) || x.mode == Mode::Nil;
        let y_nil =
            matches!(self.tt.get(y.ty), Type::Basic(BasicKind::UntypedNil)) || y.mode == Mode::Nil;
        if !self.tt.assignable(x.ty, y.ty) && !self.tt.assignable(y.ty, x.ty) {
            let (xs, ys) = (
                self.type_name_for_mismatch(x, xe),
                self.type_name_for_mismatch(y, ye),
            );
            self.error(
                ye.span,
                format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
            );
            return Operand::invalid();
        }
        if matches!(op, Eql | Neq) {
            if x_nil && y_nil {
                self.error(
                    xe.span,
                    format!(
                        "invalid operation: {s} (operator {} not defined on nil)",
                        op.as_str()
                    ),
                );
                return Operand::invalid();
            }
            for (o, oe, other_nil, self_nil) in [(x, xe, y_nil, x_nil), (y, ye, x_nil, y_nil)] {
                if !(self_nil || self.tt.comparable(o.ty) || (other_nil && self.tt.has_nil(o.ty))) {
                    if self.tt.is_type_param(o.ty) {
                        self.error(xe.span, format!("invalid operation: {s} (incomparable types in type set)"));
                        return Operand::invalid();
                    }
                    let what = match self.tt.under(o.ty) {
                        Type::Slice(_) => {
                            format!("invalid operation: {s} (slice can only be compared to nil)")
                        }
                        Type::Map(..) => {
                            format!("invalid operation: {s} (map can only be compared to nil)")
                        }
                        Type::Func(_) => {
                            format!("invalid operation: {s} (func can only be compared to nil)")
                        }
                        _ => {
                            let bad = self.incomparable_part(o.ty);
                            let bs = self.type_str(bad);
                            let kind = if matches!(self.tt.under(o.ty), Type::Array(..)) {
                                "array"
                            } else {
                                "struct"
                            };
                            let _ = kind;
                            format!(
                                "invalid operation: {s} (struct containing {bs} cannot be compared)"
                            )
                        }
                    };
                    let _ = oe;
                    self.error(xe.span, what);
                    return Operand::invalid();
                }
            }
        } else if let Some((o, oe)) = [(x, xe), (y, ye)].into_iter().find(|(o, _)| self.tt.is_type_param(o.ty) && !self.tt.is_ordered(o.ty)) {
            let ts = self.type_str(o.ty);
            self.error(oe.span, format!("invalid operation: {s} (type parameter {ts} cannot use operator {})", op.as_str()));
            return Operand::invalid();
        } else if let Some(o) = [x, y].into_iter().find(|o| !self.tt.is_ordered(o.ty)) {
            // go/types' catch-all: the first unordered operand's kind of
            // composite type, or its type (`operator < not defined on complex128`).
            let what = match self.tt.under(o.ty) {
                Type::Array(..) => "array".to_string(),
                Type::Slice(_) => "slice".to_string(),
                Type::Struct(_) => "struct".to_string(),
                Type::Pointer(_) => "pointer".to_string(),
                Type::Func(_) => "func".to_string(),
                Type::Interface(_) => "interface".to_string(),
                Type::Map(..) => "map".to_string(),
                Type::Chan(..) => "chan".to_string(),
                _ => self.type_str(o.ty),
            };
            let at = if std::ptr::eq(o, x) { xe.span } else { ye.span };
            self.error(at, format!("invalid operation: {s} (operator {} not defined on {what})", op.as_str()));
            return Operand::invalid();
        }
        if let (Some(a), Some(b)) = (x.konst(), y.konst())
            && let Some(r) = k::compare(a, op, b)
        {
            return Operand {
                mode: Mode::Constant(Value::Bool(r)),
                ty: ub,
            };
        }
        // Untyped operands of a non-constant comparison take their default
        // types.
        if self.tt.is_untyped(x.ty) && !x_nil {
            let t = self.default_type(x.ty);
            self.update_untyped(xe, t);
        }
        if self.tt.is_untyped(y.ty) && !y_nil {
            let t = self.default_type(y.ty);
            self.update_untyped(ye, t);
        }
        Operand::value(ub)
    }

    fn shift(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        xe: &'a Expr,
        ye: &'a Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        let mut x = self.expr(xe, hint);
        let mut y = self.expr(ye, None);
        if x.is_invalid()
            || y.is_invalid()
            || !self.single_value(&mut x, xe)
            || !self.single_value(&mut y, ye)
        {
            return Operand::invalid();
        }
        // The shift count: an integer, or an untyped constant representable
        // as uint.
        if let Mode::Constant(v) = &y.mode
            && self.tt.is_untyped(y.ty)
        {
            match k::represent(v, BasicKind::Uint) {
                Ok(nv) => y.mode = Mode::Constant(nv),
                // go/types checks the sign first: `1 << -1.0` is negative too.
                Err(_) if v.to_int().is_some_and(|i| i.is_negative()) => {
                    let d = self.describe(&y, ye);
                    self.error(ye.span, format!("invalid shift count {d} (negative)"));
                    return Operand::invalid();
                }
                Err(why) => {
                    // go/types' representable: an integer overflows, a
                    // float (even 1e100) is truncated.
                    let d = self.describe(&y, ye);
                    let how = if why == Unrepresentable::Overflows { "overflows" } else { "truncated to" };
                    self.error(ye.span, format!("{d} {how} uint"));
                    return Operand::invalid();
                }
            }
            let uint = self.tt.basic(BasicKind::Uint);
            self.update_untyped(ye, uint);
        }
        if !self.tt.is_integer(y.ty) && !self.tt.is_untyped(y.ty) {
            let d = self.describe(&y, ye);
            self.error(
                ye.span,
                format!("invalid operation: shift count {d} must be integer"),
            );
            return Operand::invalid();
        }
        if let (Some(xv), Some(Value::Int(s))) = (x.konst().cloned(), y.konst().cloned()) {
            if s.is_negative() {
                let d = self.describe(&y, ye);
                self.error(ye.span, format!("invalid shift count {d} (negative)"));
                return Operand::invalid();
            }
            let Some(xi) = xv.to_int() else {
                let d = self.describe(&x, xe);
                self.error(
                    xe.span,
                    format!("invalid operation: shifted operand {d} must be integer"),
                );
                return Operand::invalid();
            };
            if !self.tt.is_integer(x.ty) && !self.tt.is_untyped(x.ty) {
                let d = self.describe(&x, xe);
                self.error(
                    xe.span,
                    format!("invalid operation: shifted operand {d} must be integer"),
                );
                return Operand::invalid();
            }
            let ty = if self.tt.is_untyped(x.ty) && !self.tt.is_integer(x.ty) {
                self.tt.basic(BasicKind::UntypedInt)
            } else {
                x.ty
            };
            // go/types' shiftBound: larger counts are refused before
            // shifting.
            let Some(s) = s.to_u64().filter(|&s| s <= k::MAX_SHIFT) else {
                let d = self.describe(&y, ye);
                self.error(ye.span, format!("invalid operation: invalid shift count {d}"));
                return Operand::invalid();
            };
            let v = Value::Int(k::shift(&xi, op == BinaryOp::Shl, s));
            let at = self.operator_span(e, xe, op);
            if self.untyped_overflow(at, &v, ty, "shift") {
                return Operand::invalid();
            }
            return self.typed_const_check(e, v, ty);
        }
        if self.tt.is_untyped(x.ty) {
            // A non-constant shift of an untyped constant: the constant takes
            // the type the context expects (simplified: hint or int).
            let t = hint
                .filter(|h| self.tt.is_integer(*h))
                .unwrap_or(self.tt.basic(BasicKind::Int));
            if !self.convert_untyped(&mut x, xe, t) {
                let d = self.describe(&x, xe);
                self.error(
                    xe.span,
                    format!("invalid operation: shifted operand {d} must be integer"),
                );
                return Operand::invalid();
            }
        }
        if !self.tt.is_integer(x.ty) {
            let d = self.describe(&x, xe);
            self.error(
                xe.span,
                format!("invalid operation: shifted operand {d} must be integer"),
            );
            return Operand::invalid();
        }
        Operand::value(x.ty)
    }

    // ----- type assertions -----

    fn type_assert(&mut self, e: &'a Expr, xe: &'a Expr, te: Option<&'a Expr>) -> Operand {
        let mut x = self.expr(xe, None);
        let Some(te) = te else {
            self.error(
                e.span,
                "invalid syntax tree: use of .(type) outside type switch",
            );
            return Operand::invalid();
        };
        if x.is_invalid() || !self.single_value(&mut x, xe) {
            let _ = self.type_expr(te);
            return Operand::invalid();
        }
        if !self.tt.is_interface(x.ty) {
            let d = self.describe(&x, xe);
            self.error(
                xe.span,
                format!("invalid operation: {d} is not an interface"),
            );
            let _ = self.type_expr(te);
            return Operand::invalid();
        }
        let t = self.type_expr(te);
        if self.tt.is_invalid(t) {
            return Operand::invalid();
        }
        self.check_assertable(x.ty, t, te, xe);
        Operand {
            mode: Mode::CommaOk,
            ty: t,
        }
    }

    /// `x.(T)` with concrete T requires T to implement x's interface.
    pub(super) fn check_assertable(&mut self, iface: TypeId, t: TypeId, te: &Expr, xe: &Expr) {
        self.assertable(iface, t, te, xe, None);
    }

    /// `x.(T)` (or a type switch case T, with `x`'s operand) with concrete
    /// T requires T to implement x's interface.
    pub(super) fn assertable(
        &mut self,
        iface: TypeId,
        t: TypeId,
        te: &Expr,
        xe: &Expr,
        switch_x: Option<&Operand>,
    ) {
        if self.tt.is_interface(t) {
            return;
        }
        self.resolve_methods(t);
        if let Err(why) = self.tt.implements(t, iface, TypeStyle::Checker) {
            let ts = self.type_str(t);
            match switch_x {
                Some(x) => {
                    let cs = crate::parser::expr_string(te);
                    let d = self.describe(x, xe);
                    self.error(
                        te.span,
                        format!("impossible type switch case: {cs}\n\t{d} cannot have dynamic type {ts} {why}"),
                    );
                }
                None => {
                    let s = crate::parser::expr_string(xe);
                    let is = self.type_str(iface);
                    self.error(
                        xe.span,
                        format!("impossible type assertion: {s}.({ts})\n\t{ts} does not implement {is} {why}"),
                    );
                }
            }
        }
    }
}

pub(super) trait BasicName {
    fn basic_name(&self) -> &'static str;
}
impl BasicName for Type {
    fn basic_name(&self) -> &'static str {
        match self {
            Type::Basic(k) => k.name(),
            _ => "",
        }
    }
}
