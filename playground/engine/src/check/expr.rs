//! Expressions: operands, identifiers, operators with constant folding,
//! untyped-constant conversion, selectors, index and slice expressions,
//! composite literals, function literals and type assertions.

use super::*;
use crate::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::constant::{self as k, ConstError, Unrepresentable};
use crate::types::{LookupResult, Selected, Type};

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
        }
        s.push(')');
        s
    }

    /// An expression that must be a single value (or a type, reported).
    pub(super) fn expr(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        let mut x = self.raw_expr(e, hint);
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
                                mode: Mode::Constant(Value::Int(i)),
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
    fn note_capture(&mut self, v: VarId) {
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
            LitKind::Int => match crate::lexer::decode_int(&lit.text) {
                Ok(i) if i <= i128::MAX as u128 => (Value::Int(i as i128), BasicKind::UntypedInt),
                Ok(_) => {
                    self.error(e.span, format!("integer constant too large: {}", lit.text));
                    return Operand::invalid();
                }
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
            LitKind::Imag => match crate::lexer::decode_imag(&lit.text) {
                Ok(f) => (Value::Complex(0.0, f), BasicKind::UntypedComplex),
                Err(_) => return Operand::invalid(),
            },
            LitKind::Rune => match crate::lexer::decode_rune(&lit.text) {
                Ok(r) => (Value::Int(r as i128), BasicKind::UntypedRune),
                Err(_) => return Operand::invalid(),
            },
            LitKind::String => match crate::lexer::decode_string(&lit.text) {
                // Strings are byte strings in Go; invalid UTF-8 is kept
                // lossily here (the compiler re-decodes the literal).
                Ok(b) => (
                    Value::String(String::from_utf8_lossy(&b).into_owned()),
                    BasicKind::UntypedString,
                ),
                Err(_) => return Operand::invalid(),
            },
        };
        Operand {
            mode: Mode::Constant(v),
            ty: self.tt.basic(kind),
        }
    }

    // ----- untyped conversion and assignability -----

    /// The default type of an untyped operand (`x := 1` gives int).
    pub(super) fn default_type(&self, t: TypeId) -> TypeId {
        match self.tt.get(t) {
            Type::Basic(BasicKind::UntypedBool) => self.tt.basic(BasicKind::Bool),
            Type::Basic(BasicKind::UntypedInt) => self.tt.basic(BasicKind::Int),
            Type::Basic(BasicKind::UntypedRune) => self.tt.basic(BasicKind::Int32),
            Type::Basic(BasicKind::UntypedFloat) => self.tt.basic(BasicKind::Float64),
            Type::Basic(BasicKind::UntypedComplex) => self.tt.basic(BasicKind::Complex128),
            Type::Basic(BasicKind::UntypedString) => self.tt.basic(BasicKind::String),
            _ => t,
        }
    }

    /// Gives an untyped operand its default type for a declaration without
    /// type (`x := v`); reports `use of untyped nil`.
    pub(super) fn default_operand(
        &mut self,
        x: &mut Operand,
        e: &'a Expr,
        context: &str,
    ) -> TypeId {
        if x.mode == Mode::Nil || matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil)) {
            self.error(e.span, format!("use of untyped nil in {context}"));
            return TypeId(0);
        }
        let t = self.default_type(x.ty);
        if matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedRune)) {
            self.note_alias(e, Some("rune"), t);
        }
        if t != x.ty {
            self.convert_untyped(x, e, t);
        }
        x.ty
    }

    /// Converts an untyped operand to type `t` (recording the final type on
    /// the expression tree); on failure reports and invalidates.
    /// Returns false when the value is not representable / compatible.
    pub(super) fn convert_untyped(&mut self, x: &mut Operand, e: &'a Expr, t: TypeId) -> bool {
        if !self.tt.is_untyped(x.ty) || self.tt.is_invalid(t) {
            return true;
        }
        let target = if self.tt.is_interface(t) {
            // An untyped value assigned to an interface gets its default type.
            if matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil)) {
                self.update_untyped(e, t);
                x.ty = t;
                return true;
            }
            self.default_type(x.ty)
        } else {
            t
        };
        let xk = self.tt.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
        if xk == BasicKind::UntypedNil {
            if !self.tt.has_nil(target) {
                return false;
            }
            self.update_untyped(e, target);
            x.ty = target;
            return true;
        }
        let Some(tk) = self.tt.basic_kind(target) else {
            return false;
        };
        let compatible = match xk {
            BasicKind::UntypedBool => tk.is_boolean(),
            BasicKind::UntypedString => tk.is_string(),
            BasicKind::UntypedInt
            | BasicKind::UntypedRune
            | BasicKind::UntypedFloat
            | BasicKind::UntypedComplex => tk.is_numeric(),
            _ => false,
        };
        if !compatible {
            return false;
        }
        if let Mode::Constant(v) = &x.mode {
            match k::represent(v, tk) {
                Ok(nv) => {
                    x.mode = Mode::Constant(nv.clone());
                    self.record_const(e, &nv);
                }
                Err(why) => {
                    self.not_representable = Some(why);
                    return false;
                }
            }
        }
        x.ty = target;
        self.update_untyped(e, target);
        true
    }

    /// Records the final type of an untyped expression tree.
    fn update_untyped(&mut self, e: &Expr, t: TypeId) {
        if !self.recording() {
            return;
        }
        let mut stack = vec![e];
        let mut n = 0;
        while let Some(e) = stack.pop() {
            n += 1;
            if n > 10_000 {
                break;
            }
            let Some(&old) = self.info.types.get(&e.id) else {
                continue;
            };
            if !self.tt.is_untyped(old) {
                continue;
            }
            self.info.types.insert(e.id, t);
            match &e.kind {
                ExprKind::Paren(x) => stack.push(x),
                ExprKind::Unary { x, .. } => stack.push(x),
                ExprKind::Binary { op, x, y } => {
                    use BinaryOp::*;
                    match op {
                        Eql | Neq | Lss | Leq | Gtr | Geq => {}
                        Shl | Shr => stack.push(x),
                        _ => {
                            stack.push(x);
                            stack.push(y);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Checks that `x` can be assigned to type `t` in `context`
    /// (`assignment`, `variable declaration`, `argument to f`, ...),
    /// converting untyped operands; reports Go's message otherwise.
    pub(super) fn assign_operand(
        &mut self,
        x: &mut Operand,
        e: &'a Expr,
        t: TypeId,
        context: &str,
    ) -> bool {
        if x.is_invalid() || self.tt.is_invalid(t) {
            return false;
        }
        // An untyped constant assigned to an interface first takes its
        // default type (Go then describes it as `5 (constant of type int)`).
        if self.tt.is_untyped(x.ty)
            && self.tt.is_interface(t)
            && x.mode != Mode::Nil
            && !matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil))
        {
            let dt = self.default_type(x.ty);
            if !self.convert_untyped(x, e, dt) {
                let d = self.describe(x, e);
                let ds = self.type_str(dt);
                self.error(
                    e.span,
                    format!("cannot use {d} as {ds} value in {context} (overflows)"),
                );
                *x = Operand::invalid();
                return false;
            }
        }
        if self.tt.is_untyped(x.ty) {
            let before = x.clone();
            self.not_representable = None;
            if !self.convert_untyped(x, e, t) {
                let d = self.describe(&before, e);
                let shown = if self.tt.is_interface(t) {
                    self.default_type(before.ty)
                } else {
                    t
                };
                let ts = self.type_str(shown);
                if before.mode == Mode::Nil
                    || matches!(self.tt.get(before.ty), Type::Basic(BasicKind::UntypedNil))
                {
                    self.error(e.span, format!("cannot use nil as {ts} value in {context}"));
                } else {
                    match self.not_representable.take() {
                        Some(Unrepresentable::Overflows) => self.error(
                            e.span,
                            format!("cannot use {d} as {ts} value in {context} (overflows)"),
                        ),
                        Some(Unrepresentable::Truncated) => self.error(
                            e.span,
                            format!("cannot use {d} as {ts} value in {context} (truncated)"),
                        ),
                        _ => {
                            self.error(e.span, format!("cannot use {d} as {ts} value in {context}"))
                        }
                    }
                }
                *x = Operand::invalid();
                return false;
            }
        }
        if self.tt.is_interface(t) {
            self.resolve_methods(x.ty);
        }
        if self.tt.assignable(x.ty, t) {
            return true;
        }
        let d = self.describe(x, e);
        let ts = self.type_str(t);
        let mut msg = format!("cannot use {d} as {ts} value in {context}");
        if self.tt.is_interface(t) && !self.tt.is_interface(x.ty) {
            if let Err(why) = self.tt.implements(x.ty, t, TypeStyle::Checker) {
                msg.push_str(&format!(
                    ": {} does not implement {ts} {why}",
                    self.type_str(x.ty)
                ));
            }
        } else if self.tt.is_interface(t)
            && self.tt.is_interface(x.ty)
            && let Err(why) = self.tt.implements(x.ty, t, TypeStyle::Checker)
        {
            msg.push_str(&format!(
                ": {} does not implement {ts} {why}",
                self.type_str(x.ty)
            ));
        }
        self.error(e.span, msg);
        false
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
                self.error(e.span, crate::parser::GENERICS_UNSUPPORTED);
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
                        (UnaryOp::Neg, Value::Int(i)) => i.checked_neg().map(Value::Int),
                        (UnaryOp::Neg, Value::Float(f)) => Some(Value::Float(f.neg())),
                        (UnaryOp::Neg, Value::Complex(a, b)) => Some(Value::Complex(-a, -b)),
                        (UnaryOp::Not, Value::Bool(b)) => Some(Value::Bool(!b)),
                        (UnaryOp::Xor, Value::Int(i)) => {
                            // ^x for unsigned typed constants flips only the
                            // type's bits.
                            if self.tt.is_unsigned(x.ty) {
                                let bits =
                                    self.tt.basic_kind(x.ty).map(|k| k.int_bits()).unwrap_or(64);
                                let mask: i128 = (1i128 << bits) - 1;
                                Some(Value::Int(!i & mask))
                            } else {
                                Some(Value::Int(!i))
                            }
                        }
                        _ => None,
                    };
                    match r {
                        Some(v) => return self.typed_const_check(e, v, x.ty),
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
                    if let Some(t) = self.info.types.get(&x.id)
                        && matches!(self.tt.under(*t), Type::Pointer(_))
                    {
                        return;
                    }
                    cur = x;
                }
                ExprKind::Index { x, .. } => {
                    if let Some(t) = self.info.types.get(&x.id)
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
                Value::Int(0) => true,
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
                            Value::Float(f) if f.to_i128().is_some() => Value::Int(f.to_i128().unwrap_or(0)),
                            v => v,
                        }
                    } else {
                        v
                    };
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
        } else if !self.tt.is_ordered(x.ty) {
            let d = self.describe(x, xe);
            self.error(
                xe.span,
                format!(
                    "invalid operation: {s} (operator {} not defined on {})",
                    op.as_str(),
                    d.split(" (").next().unwrap_or("").to_string()
                        + &{
                            let _ = d.clone();
                            String::new()
                        }
                ),
            );
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
                Err(Unrepresentable::Overflows) if v.as_i128().is_some_and(|i| i < 0) => {
                    let d = self.describe(&y, ye);
                    self.error(ye.span, format!("invalid shift count {d} (negative)"));
                    return Operand::invalid();
                }
                Err(_) => {
                    let d = self.describe(&y, ye);
                    self.error(ye.span, format!("{} truncated to uint", d));
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
            if s < 0 {
                let d = self.describe(&y, ye);
                self.error(ye.span, format!("invalid shift count {d} (negative)"));
                return Operand::invalid();
            }
            let Some(xi) = xv.as_i128() else {
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
            match k::shift(xi, op == BinaryOp::Shl, s.min(u64::MAX as i128) as u64) {
                Ok(r) => return self.typed_const_check(e, Value::Int(r), ty),
                Err(_) => {
                    self.error(e.span, "constant shift overflow");
                    return Operand::invalid();
                }
            }
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

    // ----- selectors -----

    fn selector(&mut self, e: &'a Expr, xe: &'a Expr, sel: &'a ast::Name) -> Operand {
        // Qualified identifier: pkg.Name.
        if let ExprKind::Ident(pname) = &xe.kind
            && let Some(o) = self.lookup(pname)
            && let ObjKind::PkgName { pkg, .. } = self.obj(o).kind
        {
            let _ = self.use_obj(xe, o);
            if pkg == usize::MAX {
                return Operand::invalid();
            }
            let scope = self.pkgs[pkg].scope;
            let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
            let member = self.scopes[scope]
                .names
                .get(&sel.name)
                .copied()
                .filter(|_| exported);
            let Some(m) = member else {
                let pn = self.pkgs[pkg].name.clone();
                // types2 points at an exported name differing only in case.
                let near = (!exported)
                    .then(|| {
                        self.scopes[scope].names.keys().find(|k| {
                            k.eq_ignore_ascii_case(&sel.name)
                                && k.chars().next().is_some_and(|c| c.is_uppercase())
                        })
                    })
                    .flatten()
                    .cloned();
                if let Some(have) = near {
                    self.error(sel.span, format!("undefined: {pn}.{} (but have {have})", sel.name));
                } else if let Some(what) = super::packages::unsupported_member(&self.pkgs[pkg].path, &sel.name) {
                    self.unsupported(sel.span, what);
                } else {
                    self.error(sel.span, format!("undefined: {pn}.{}", sel.name));
                }
                return Operand::invalid();
            };
            let saved = self.cur_decl;
            let x = self.use_obj(e, m);
            self.cur_decl = saved;
            return x;
        }
        let x = self.expr_or_type(xe);
        if x.is_invalid() {
            return x;
        }
        if x.mode == Mode::TypeExpr {
            return self.method_expr(e, x.ty, xe, sel);
        }
        let mut x = x;
        if !self.single_value(&mut x, xe) {
            return Operand::invalid();
        }
        if x.mode == Mode::Nil {
            self.error(
                e.span,
                "use of untyped nil in selector expression".to_string(),
            );
            return Operand::invalid();
        }
        match self.tt.lookup(x.ty, &sel.name) {
            LookupResult::Found(s, indirect) => {
                let x_ptr = matches!(self.tt.get(x.ty), Type::Pointer(_));
                match s {
                    Selected::Field { path, ty } => {
                        // Unexported fields of another package's struct.
                        let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                        if !exported
                            && self
                                .field_pkg(x.ty, &path)
                                .is_some_and(|p| p != self.pkgs[self.cur_pkg].path)
                        {
                            let s = crate::parser::expr_string(e);
                            self.error(
                                sel.span,
                                format!(
                                    "{s} undefined (cannot refer to unexported field {})",
                                    sel.name
                                ),
                            );
                            return Operand::invalid();
                        }
                        if self.recording() {
                            self.info.selections.insert(
                                e.id,
                                Selection::Field {
                                    path,
                                    indirect: indirect || x_ptr,
                                },
                            );
                        }
                        let mode = if x.mode == Mode::Variable || x_ptr || indirect {
                            Mode::Variable
                        } else {
                            Mode::Value
                        };
                        Operand { mode, ty }
                    }
                    Selected::Method {
                        path,
                        recv_named,
                        index,
                        ptr_recv,
                    } => {
                        let (func_obj, sig) = match self
                            .tt
                            .named_info(recv_named)
                            .and_then(|n| n.methods.get(index))
                        {
                            Some(m) => (ObjId(m.func), m.sig),
                            None => return Operand::invalid(),
                        };
                        // Unexported methods of another package's type
                        // (library Go's helpers) are not the learner's.
                        let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                        if !exported && self.obj(func_obj).pkg != self.cur_pkg {
                            let s = crate::parser::expr_string(e);
                            let twin = self.tt.named_info(recv_named).and_then(|n| {
                                n.methods
                                    .iter()
                                    .find(|m| m.name != sel.name && m.name.eq_ignore_ascii_case(&sel.name))
                                    .map(|m| m.name.clone())
                            });
                            let why = match twin {
                                Some(t) => format!("type {} has no field or method {}, but does have method {t}", self.type_str(x.ty), sel.name),
                                None => format!("cannot refer to unexported method {}", sel.name),
                            };
                            self.error(sel.span, format!("{s} undefined ({why})"));
                            return Operand::invalid();
                        }
                        if sig.is_none() {
                            self.resolve_obj(func_obj);
                        }
                        let sig = self
                            .tt
                            .named_info(recv_named)
                            .and_then(|n| n.methods.get(index))
                            .and_then(|m| m.sig)
                            .unwrap_or(TypeId(0));
                        if let Some(d) = self.cur_decl {
                            self.deps.entry(d).or_default().push(func_obj);
                        }
                        let has_ptr = x_ptr || indirect;
                        let addr = ptr_recv && !has_ptr;
                        if addr && x.mode != Mode::Variable {
                            let d = self.describe(&x, xe);
                            let _ = d;
                            let s = crate::parser::expr_string(e);
                            let ts = self.type_str(x.ty);
                            self.error(
                                sel.span,
                                format!("cannot call pointer method {} on {ts}", sel.name),
                            );
                            let _ = s;
                            return Operand::invalid();
                        }
                        if addr {
                            self.mark_addressed(xe);
                        }
                        let func = self
                            .obj_func(func_obj)
                            .unwrap_or(FuncRef::Native(String::new()));
                        if self.recording() {
                            self.info.selections.insert(
                                e.id,
                                Selection::Method {
                                    path,
                                    recv: recv_named,
                                    func,
                                    ptr_recv,
                                    addr,
                                    deref: !ptr_recv && has_ptr,
                                    value: true,
                                    expr: false,
                                },
                            );
                        }
                        Operand::value(sig)
                    }
                    Selected::IfaceMethod { path, iface, index } => {
                        let sig = self
                            .tt
                            .iface_methods(iface)
                            .get(index)
                            .map(|m| m.sig)
                            .unwrap_or(TypeId(0));
                        if self.recording() {
                            self.info.selections.insert(
                                e.id,
                                Selection::IfaceMethod {
                                    path,
                                    iface,
                                    index,
                                    name: sel.name.clone(),
                                    value: true,
                                    expr: false,
                                },
                            );
                        }
                        Operand::value(sig)
                    }
                }
            }
            LookupResult::Ambiguous => {
                let s = crate::parser::expr_string(e);
                self.error(sel.span, format!("ambiguous selector {s}"));
                Operand::invalid()
            }
            LookupResult::NotFound => {
                let s = crate::parser::expr_string(e);
                let ts = self.type_str(x.ty);
                // Pointer to interface: Go explains.
                if let Type::Pointer(p) = self.tt.get(x.ty)
                    && self.tt.is_interface(*p)
                {
                    self.error(
                        sel.span,
                        format!("{s} undefined (type {ts} is pointer to interface, not interface)"),
                    );
                    return Operand::invalid();
                }
                // A field/method with different capitalization.
                let alt = self.case_variant(x.ty, &sel.name);
                match alt {
                    Some(a) => self.error(
                        sel.span,
                        format!("{s} undefined (type {ts} has no field or method {}, but does have {a})", sel.name),
                    ),
                    None => self.error(sel.span, format!("{s} undefined (type {ts} has no field or method {})", sel.name)),
                }
                Operand::invalid()
            }
        }
    }

    /// The package that declared the field at the end of `path`.
    fn field_pkg(&self, t: TypeId, path: &[usize]) -> Option<String> {
        let mut cur = match self.tt.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        let mut pkg = None;
        for &i in path {
            let f = match self.tt.under(cur) {
                Type::Struct(fs) => fs.get(i)?.clone(),
                _ => return None,
            };
            pkg = Some(f.pkg.clone());
            cur = match self.tt.get(f.ty) {
                Type::Pointer(e) => *e,
                _ => f.ty,
            };
        }
        pkg
    }

    /// go/types hints at `x.foo` when `x.Foo` exists.
    fn case_variant(&self, t: TypeId, name: &str) -> Option<String> {
        let mut chars = name.chars();
        let first = chars.next()?;
        let flipped: String = if first.is_uppercase() {
            first.to_lowercase().chain(chars).collect()
        } else {
            first.to_uppercase().chain(chars).collect()
        };
        match self.tt.lookup(t, &flipped) {
            LookupResult::Found(Selected::Field { .. }, _) => Some(format!("field {flipped}")),
            LookupResult::Found(_, _) => Some(format!("method {flipped}")),
            _ => None,
        }
    }

    /// `T.M` / `(*T).M`: a function taking the receiver first.
    fn method_expr(
        &mut self,
        e: &'a Expr,
        t: TypeId,
        _xe: &'a Expr,
        sel: &'a ast::Name,
    ) -> Operand {
        let s = crate::parser::expr_string(e);
        match self.tt.lookup(t, &sel.name) {
            LookupResult::Found(
                Selected::Method {
                    path,
                    recv_named,
                    index,
                    ptr_recv,
                },
                indirect,
            ) => {
                let is_ptr = matches!(self.tt.get(t), Type::Pointer(_));
                if ptr_recv && !is_ptr && !indirect {
                    let ts = self.type_str(t);
                    self.error(
                        sel.span,
                        format!(
                            "invalid method expression {s} (needs pointer receiver (*{ts}).{})",
                            sel.name
                        ),
                    );
                    return Operand::invalid();
                }
                let Some(m) = self
                    .tt
                    .named_info(recv_named)
                    .and_then(|n| n.methods.get(index))
                    .cloned()
                else {
                    return Operand::invalid();
                };
                if m.sig.is_none() {
                    self.resolve_obj(ObjId(m.func));
                }
                let sig = self
                    .tt
                    .named_info(recv_named)
                    .and_then(|n| n.methods.get(index))
                    .and_then(|m| m.sig)
                    .unwrap_or(TypeId(0));
                let Some(sg) = self.tt.signature(sig).cloned() else {
                    return Operand::invalid();
                };
                let mut params = vec![t];
                params.extend(sg.params);
                let ft = self.tt.func(params, sg.results, sg.variadic);
                let func = self
                    .obj_func(ObjId(m.func))
                    .unwrap_or(FuncRef::Native(String::new()));
                if self.recording() {
                    self.info.selections.insert(
                        e.id,
                        Selection::Method {
                            path,
                            recv: recv_named,
                            func,
                            ptr_recv,
                            addr: false,
                            deref: !ptr_recv && is_ptr,
                            value: false,
                            expr: true,
                        },
                    );
                }
                Operand::value(ft)
            }
            LookupResult::Found(Selected::IfaceMethod { path, iface, index }, _) => {
                let sig = self
                    .tt
                    .iface_methods(iface)
                    .get(index)
                    .map(|m| m.sig)
                    .unwrap_or(TypeId(0));
                let Some(sg) = self.tt.signature(sig).cloned() else {
                    return Operand::invalid();
                };
                let mut params = vec![t];
                params.extend(sg.params);
                let ft = self.tt.func(params, sg.results, sg.variadic);
                if self.recording() {
                    self.info.selections.insert(
                        e.id,
                        Selection::IfaceMethod {
                            path,
                            iface,
                            index,
                            name: sel.name.clone(),
                            value: false,
                            expr: true,
                        },
                    );
                }
                Operand::value(ft)
            }
            _ => {
                let ts = self.type_str(t);
                self.error(
                    sel.span,
                    format!("{s} undefined (type {ts} has no method {})", sel.name),
                );
                Operand::invalid()
            }
        }
    }

    // ----- index and slice -----

    fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, ie: &'a Expr) -> Operand {
        let x = self.expr_or_type(xe);
        if x.is_invalid() {
            let _ = self.expr(ie, None);
            return x;
        }
        if x.mode == Mode::TypeExpr || matches!(x.mode, Mode::Builtin(_)) {
            self.error(e.span, crate::parser::GENERICS_UNSUPPORTED);
            return Operand::invalid();
        }
        let mut x = x;
        if !self.single_value(&mut x, xe) {
            return Operand::invalid();
        }
        // Generic function instantiation f[int].
        if matches!(self.tt.under(x.ty), Type::Func(_)) {
            self.error(e.span, crate::parser::GENERICS_UNSUPPORTED);
            return Operand::invalid();
        }
        let (elem, length, mode) = match self.tt.under(x.ty).clone() {
            Type::Basic(bk) if bk.is_string() => {
                let len = x.konst().and_then(|v| v.as_str()).map(|s| s.len() as i64);
                let byte = self.tt.basic(BasicKind::Uint8);
                self.note_alias(e, Some("byte"), byte);
                (byte, len, Mode::Value)
            }
            Type::Slice(el) => (el, None, Mode::Variable),
            Type::Array(el, n) => (
                el,
                Some(n),
                if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                },
            ),
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array(el, n) => (el, Some(n), Mode::Variable),
                _ => {
                    let d = self.describe(&x, xe);
                    self.error(
                        Span {
                            start: xe.span.end,
                            end: xe.span.end + 1,
                        },
                        format!("cannot index {d}"),
                    );
                    return Operand::invalid();
                }
            },
            Type::Map(kt, vt) => {
                let mut k = self.expr(ie, Some(kt));
                if !k.is_invalid() && self.single_value(&mut k, ie) {
                    self.assign_operand(&mut k, ie, kt, "map index");
                }
                return Operand {
                    mode: Mode::MapIndex,
                    ty: vt,
                };
            }
            _ => {
                let d = self.describe(&x, xe);
                // Go reports at the `[`.
                self.error(
                    Span {
                        start: xe.span.end,
                        end: xe.span.end + 1,
                    },
                    format!("cannot index {d}"),
                );
                let _ = self.expr(ie, None);
                return Operand::invalid();
            }
        };
        let ix = self.index_value(ie, length);
        // Indexing a constant string with a constant index is not a constant
        // in Go, but is bounds-checked.
        if let (Some(Value::String(s)), Some(i)) = (x.konst(), ix) {
            let _ = (s, i);
        }
        Operand { mode, ty: elem }
    }

    /// Checks an index operand; returns its constant value if any.
    pub(super) fn index_value(&mut self, ie: &'a Expr, length: Option<i64>) -> Option<i64> {
        let mut i = self.expr(ie, None);
        if i.is_invalid() || !self.single_value(&mut i, ie) {
            return None;
        }
        if let Mode::Constant(v) = &i.mode
            && self.tt.is_untyped(i.ty)
        {
            let int = self.tt.basic(BasicKind::Int);
            match k::represent(v, BasicKind::Int) {
                Ok(_) => {
                    self.convert_untyped(&mut i, ie, int);
                }
                Err(Unrepresentable::Truncated) => {
                    let d = self.describe(&i, ie);
                    self.error(
                        ie.span,
                        format!("invalid argument: index {d} truncated to int"),
                    );
                    return None;
                }
                Err(_) => {
                    let d = self.describe(&i, ie);
                    self.error(
                        ie.span,
                        format!("invalid argument: index {d} must be integer"),
                    );
                    return None;
                }
            }
        }
        if !self.tt.is_integer(i.ty) {
            let d = self.describe(&i, ie);
            self.error(
                ie.span,
                format!("invalid argument: index {d} must be integer"),
            );
            return None;
        }
        if let Some(Value::Int(n)) = i.konst() {
            let n = *n;
            if n < 0 {
                let d = self.describe(&i, ie);
                self.error(
                    ie.span,
                    format!("invalid argument: index {d} must not be negative"),
                );
                return None;
            }
            if let Some(len) = length
                && n >= len as i128
            {
                let s = crate::parser::expr_string(ie);
                self.error(
                    ie.span,
                    format!("invalid argument: index {s} out of bounds [0:{len}]"),
                );
                return None;
            }
            return Some(n as i64);
        }
        None
    }

    fn slice_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        full: bool,
    ) -> Operand {
        let mut x = self.expr(xe, None);
        if x.is_invalid() || !self.single_value(&mut x, xe) {
            return Operand::invalid();
        }
        let (result, length) = match self.tt.under(x.ty).clone() {
            Type::Basic(bk) if bk.is_string() => {
                if full {
                    self.error(
                        e.span,
                        "invalid operation: 3-index slice of string".to_string(),
                    );
                    return Operand::invalid();
                }
                let len = x.konst().and_then(|v| v.as_str()).map(|s| s.len() as i64);
                let t = if self.tt.is_untyped(x.ty) {
                    self.tt.basic(BasicKind::String)
                } else {
                    x.ty
                };
                (t, len)
            }
            Type::Slice(_) => (x.ty, None),
            Type::Array(el, n) => {
                if x.mode != Mode::Variable {
                    let d = self.describe(&x, xe);
                    self.error(
                        e.span,
                        format!("invalid operation: {d} (slice of unaddressable value)"),
                    );
                    return Operand::invalid();
                }
                self.mark_addressed(xe);
                (self.tt.slice(el), Some(n))
            }
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array(el, n) => (self.tt.slice(el), Some(n)),
                _ => {
                    let d = self.describe(&x, xe);
                    self.error(xe.span, format!("cannot slice {d}"));
                    return Operand::invalid();
                }
            },
            _ => {
                let d = self.describe(&x, xe);
                self.error(xe.span, format!("cannot slice {d}"));
                return Operand::invalid();
            }
        };
        let cap = length.map(|l| l + 1);
        let mut vals: Vec<Option<i64>> = Vec::new();
        for ie in [lo, hi, max].into_iter().flatten() {
            vals.push(self.index_value(ie, cap));
        }
        // Constant indices must be non-decreasing.
        let known: Vec<(usize, i64)> = vals
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        for w in known.windows(2) {
            if w[0].1 > w[1].1 {
                let idx: Vec<&Expr> = [lo, hi, max].into_iter().flatten().collect();
                if let Some(at) = idx.get(w[1].0) {
                    self.error(
                        at.span,
                        format!("invalid slice indices: {} < {}", w[1].1, w[0].1),
                    );
                }
                break;
            }
        }
        Operand::value(result)
    }

    // ----- composite literals -----

    fn composite_lit(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elems: &'a [ast::Element],
        hint: Option<TypeId>,
    ) -> Operand {
        let t = match ty {
            Some(te) => {
                // `[...]T{...}`: length from the elements.
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    let el = self.type_expr(elem);
                    let n = self.indexed_elems(elems, el, None, "array or slice literal");
                    if n > u32::MAX as i64 {
                        self.unsupported(te.span, &format!("an array of {n} elements (more than {})", u32::MAX));
                        return Operand::invalid();
                    }
                    let at = self.tt.intern(Type::Array(el, n));
                    self.record_type(te, at);
                    return Operand::value(at);
                }
                self.type_expr(te)
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.error(e.span, "invalid composite literal type: missing type");
                    return Operand::invalid();
                }
            },
        };
        if self.tt.is_invalid(t) {
            for el in elems {
                let _ = self.expr(&el.value, None);
            }
            return Operand::invalid();
        }
        // An elided `&T` element type: `[]*T{{...}}`.
        let (base, ptr) = match (ty, self.tt.get(t)) {
            (None, Type::Pointer(p)) => (*p, true),
            _ => (t, false),
        };
        match self.tt.under(base).clone() {
            Type::Struct(fields) => {
                if elems.is_empty() {
                } else if elems[0].key.is_some() {
                    let mut seen: Vec<String> = Vec::new();
                    for el in elems {
                        let Some(key) = &el.key else {
                            self.error(
                                el.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            let _ = self.expr(&el.value, None);
                            continue;
                        };
                        let Some(kname) = key.ident() else {
                            let s = crate::parser::expr_string(key);
                            self.error(
                                key.span,
                                format!("invalid field name {s} in struct literal"),
                            );
                            let _ = self.expr(&el.value, None);
                            continue;
                        };
                        let Some((_, f)) = fields.iter().enumerate().find(|(_, f)| f.name == kname)
                        else {
                            let ts = self.type_str(base);
                            self.error(
                                key.span,
                                format!("unknown field {kname} in struct literal of type {ts}"),
                            );
                            let _ = self.expr(&el.value, None);
                            continue;
                        };
                        if seen.iter().any(|s| s == kname) {
                            self.error(
                                key.span,
                                format!("duplicate field name {kname} in struct literal"),
                            );
                        }
                        seen.push(kname.to_string());
                        let ft = f.ty;
                        let mut v = self.expr(&el.value, Some(ft));
                        if !v.is_invalid() && self.single_value(&mut v, &el.value) {
                            self.assign_operand(&mut v, &el.value, ft, "struct literal");
                        }
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if el.key.is_some() {
                            self.error(
                                el.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            let ts = self.type_str(base);
                            self.error(
                                el.value.span,
                                format!("too many values in struct literal of type {ts}"),
                            );
                            break;
                        };
                        let ft = f.ty;
                        let mut v = self.expr(&el.value, Some(ft));
                        if !v.is_invalid() && self.single_value(&mut v, &el.value) {
                            self.assign_operand(&mut v, &el.value, ft, "struct literal");
                        }
                    }
                    if elems.len() < fields.len() {
                        let ts = self.type_str(base);
                        // Go reports at the closing brace.
                        let at = match &e.kind {
                            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                            _ => e.span,
                        };
                        self.error(at, format!("too few values in struct literal of type {ts}"));
                    }
                }
            }
            Type::Array(el, n) => {
                self.indexed_elems(elems, el, Some(n), "array or slice literal");
            }
            Type::Slice(el) => {
                self.indexed_elems(elems, el, None, "array or slice literal");
            }
            Type::Map(kt, vt) => {
                let mut keys: Vec<Value> = Vec::new();
                for el in elems {
                    match &el.key {
                        Some(key) => {
                            let mut kx = self.expr(key, Some(kt));
                            if !kx.is_invalid() && self.single_value(&mut kx, key) {
                                self.assign_operand(&mut kx, key, kt, "map literal");
                                if let Some(v) = kx.konst() {
                                    if keys.contains(v) {
                                        let s = crate::parser::expr_string(key);
                                        self.error(
                                            key.span,
                                            format!("duplicate key {s} in map literal"),
                                        );
                                    } else {
                                        keys.push(v.clone());
                                    }
                                }
                            }
                        }
                        None => self.error(el.value.span, "missing key in map literal"),
                    }
                    let mut v = self.expr(&el.value, Some(vt));
                    if !v.is_invalid() && self.single_value(&mut v, &el.value) {
                        self.assign_operand(&mut v, &el.value, vt, "map literal");
                    }
                }
            }
            _ => {
                let ts = self.type_str(t);
                self.error(e.span, format!("invalid composite literal type {ts}"));
                return Operand::invalid();
            }
        }
        if ptr {
            // The elided `&T{}` records the pointer type.
            return Operand::value(t);
        }
        Operand::value(t)
    }

    /// Elements of an array or slice literal; returns the length.
    fn indexed_elems(
        &mut self,
        elems: &'a [ast::Element],
        el: TypeId,
        len: Option<i64>,
        context: &str,
    ) -> i64 {
        let mut idx: i64 = 0;
        let mut max: i64 = 0;
        let mut seen: Vec<i64> = Vec::new();
        for e in elems {
            if let Some(key) = &e.key {
                let kv = self.index_value(key, len);
                match kv {
                    Some(k) => idx = k,
                    None => {
                        let x = self.info.consts.get(&key.id).cloned();
                        if x.is_none() {
                            let s = crate::parser::expr_string(key);
                            if !self.diags.iter().any(|d| d.span == key.span) {
                                self.error(key.span, format!("index {s} must be integer constant"));
                            }
                        }
                    }
                }
            } else if let Some(l) = len
                && idx >= l
            {
                self.error(
                    e.value.span,
                    format!("index {idx} is out of bounds (>= {l})"),
                );
            }
            if seen.contains(&idx) {
                self.error(
                    e.key.as_ref().map(|k| k.span).unwrap_or(e.value.span),
                    format!("duplicate index {idx} in array or slice literal"),
                );
            }
            seen.push(idx);
            let mut v = self.expr(&e.value, Some(el));
            if !v.is_invalid() && self.single_value(&mut v, &e.value) {
                self.assign_operand(&mut v, &e.value, el, context);
            }
            idx += 1;
            max = max.max(idx);
        }
        max
    }

    /// Resolves the signatures of the methods of `t` (or of the type `t`
    /// points to) not resolved yet: whether `t` implements an interface
    /// depends on them, and a package-level initializer can ask before the
    /// methods' declarations were reached.
    pub(super) fn resolve_methods(&mut self, t: TypeId) {
        let base = match self.tt.get(t) {
            crate::types::Type::Pointer(e) => *e,
            _ => t,
        };
        let pending: Vec<u32> = self
            .tt
            .named_info(base)
            .map(|n| n.methods.iter().filter(|m| m.sig.is_none()).map(|m| m.func).collect())
            .unwrap_or_default();
        for f in pending {
            self.resolve_obj(ObjId(f));
        }
    }

    // ----- function literals -----

    fn func_lit(&mut self, e: &'a Expr, ty: &'a ast::FuncType, body: &'a ast::Block) -> Operand {
        let sig = self.func_type(ty);
        // Go's runtime names: `main.func1` inside `main`, `main.func1.2`
        // for the second literal inside that one, `glob..func1` at package
        // level (the compiler prefixes the package: `main.main.func1`).
        let (outer, nested) = match self.fstack.last() {
            Some(f) => {
                let fi = &self.info.funcs[f.func.0 as usize];
                (fi.name.clone(), fi.lit.is_some())
            }
            None if self.pkgs[self.cur_pkg].user => ("glob.".to_string(), false),
            None => (format!("{}.glob.", self.pkgs[self.cur_pkg].path), false),
        };
        let n = self.lit_count.entry(outer.clone()).or_insert(0);
        *n += 1;
        let name = if nested {
            format!("{outer}.{n}")
        } else {
            format!("{outer}.func{n}")
        };
        if !self.recording() {
            return Operand::value(sig);
        }
        let fid = self.new_func_info(name, e.span, Some(e.id), sig);
        self.info.lits.insert(e.id, fid);
        let saved_scope = self.scope;
        self.func_body(fid, None, ty, sig, body);
        self.scope = saved_scope;
        Operand::value(sig)
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

trait BasicName {
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
