//! Calls of the builtin functions (`len`, `append`, `make`, ...), with
//! constant folding where Go folds (`len` of a constant string or of an
//! array, `min`/`max` of constants).

use super::expr::{Mode, Operand};
use super::*;
use crate::ast::Expr;
use crate::types::Type;
use crate::constant::Unrepresentable;

impl<'a> Checker<'a> {
    pub(super) fn builtin_call(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        let (min, variadic) = b.arity();
        let n = args.len();
        let call_s = crate::parser::expr_string(e);
        if ellipsis.is_some() && b != Builtin::Append {
            self.error(
                e.span,
                format!(
                    "invalid operation: invalid use of ... with built-in {}",
                    b.name()
                ),
            );
            for a in args {
                let _ = self.expr(a, None);
            }
            return Operand::invalid();
        }
        let msg = if n < min {
            Some("not enough")
        } else if !variadic && n > min {
            Some("too many")
        } else {
            None
        };
        if let Some(m) = msg {
            for a in args {
                let _ = self.expr(a, None);
            }
            self.error(
                e.span,
                format!(
                    "invalid operation: {m} arguments for {call_s} (expected {min}, found {n})"
                ),
            );
            return Operand::invalid();
        }
        let int = self.tt.basic(BasicKind::Int);
        let novalue = || Operand {
            mode: Mode::NoValue,
            ty: TypeId(0),
        };
        match b {
            Builtin::Len | Builtin::Cap => {
                let a = &args[0];
                let mut x = self.expr(a, None);
                if x.is_invalid() || !self.single_value(&mut x, a) {
                    return Operand::invalid();
                }
                let t = match self.tt.under(x.ty) {
                    Type::Pointer(p) => match self.tt.under(*p) {
                        Type::Array(..) => *p,
                        _ => x.ty,
                    },
                    _ => x.ty,
                };
                let res = match self.tt.under(t).clone() {
                    Type::Basic(k) if k.is_string() && b == Builtin::Len => {
                        if let Some(Value::String(s)) = x.konst() {
                            return Operand {
                                mode: Mode::Constant(Value::int(s.len())),
                                ty: int,
                            };
                        }
                        Some(Operand::value(int))
                    }
                    Type::Array(_, len) => {
                        // Constant unless the operand has calls or receives;
                        // approximated: constant when the operand is a plain
                        // variable or selector.
                        if !self.has_call_or_recv(a) {
                            return Operand {
                                mode: Mode::Constant(Value::int(len)),
                                ty: int,
                            };
                        }
                        Some(Operand::value(int))
                    }
                    Type::Slice(_) | Type::Chan(..) => Some(Operand::value(int)),
                    Type::Map(..) if b == Builtin::Len => Some(Operand::value(int)),
                    // A type parameter without a core type: every type of
                    // its set must have a length (a capacity).
                    Type::TypeParam(_) => {
                        let ok = self.tt.all_terms(t, &|tt, u| match tt.under(u) {
                            Type::Basic(k) => k.is_string() && b == Builtin::Len,
                            Type::Array(..) | Type::Slice(_) | Type::Chan(..) => true,
                            Type::Map(..) => b == Builtin::Len,
                            Type::Pointer(p) => matches!(tt.under(*p), Type::Array(..)),
                            _ => false,
                        });
                        ok.then(|| Operand::value(int))
                    }
                    _ => None,
                };
                match res {
                    Some(r) => {
                        if self.tt.is_untyped(x.ty) {
                            let dt = self.default_type(x.ty);
                            self.convert_untyped(&mut x, a, dt);
                        }
                        r
                    }
                    None => {
                        let d = self.describe(&x, a);
                        self.error(
                            a.span,
                            format!("invalid argument: {d} for built-in {}", b.name()),
                        );
                        Operand::invalid()
                    }
                }
            }
            Builtin::Append => {
                let a = &args[0];
                let mut s = self.expr(a, None);
                if s.is_invalid() || !self.single_value(&mut s, a) {
                    for x in &args[1..] {
                        let _ = self.expr(x, None);
                    }
                    return Operand::invalid();
                }
                if s.mode == Mode::Nil {
                    self.error(a.span, "invalid append: argument must be a slice; have nil");
                    return Operand::invalid();
                }
                let Type::Slice(el) = self.tt.under(s.ty).clone() else {
                    let d = self.describe(&s, a);
                    self.error(
                        a.span,
                        format!("invalid append: argument must be a slice; have {d}"),
                    );
                    for x in &args[1..] {
                        let _ = self.expr(x, None);
                    }
                    return Operand::invalid();
                };
                if ellipsis.is_some() {
                    if n != 2 {
                        self.error(
                            e.span,
                            "can only use ... with final argument in list".to_string(),
                        );
                        return Operand::invalid();
                    }
                    let y = &args[1];
                    let mut yx = self.expr(y, Some(s.ty));
                    if yx.is_invalid() || !self.single_value(&mut yx, y) {
                        return Operand::value(s.ty);
                    }
                    // append([]byte, string...) is allowed.
                    let byte_string = self.tt.basic_kind(el) == Some(BasicKind::Uint8)
                        && self.tt.is_string(yx.ty);
                    if byte_string {
                        if self.tt.is_untyped(yx.ty) {
                            let st = self.tt.basic(BasicKind::String);
                            self.convert_untyped(&mut yx, y, st);
                        }
                    } else {
                        let st = self.tt.slice(el);
                        self.assign_operand(&mut yx, y, st, "argument to append");
                    }
                    return Operand::value(s.ty);
                }
                for y in &args[1..] {
                    let mut yx = self.expr(y, Some(el));
                    if !yx.is_invalid() && self.single_value(&mut yx, y) {
                        self.assign_operand(&mut yx, y, el, "argument to append");
                    }
                }
                Operand::value(s.ty)
            }
            Builtin::Make => {
                let te = &args[0];
                let t = self.type_expr(te);
                if self.tt.is_invalid(t) {
                    return Operand::invalid();
                }
                let min_args = match self.tt.under(t) {
                    Type::Slice(_) => 2,
                    Type::Map(..) | Type::Chan(..) => 1,
                    _ => {
                        let ts = crate::parser::expr_string(te);
                        self.error(te.span, format!("invalid argument: cannot make {ts}: type must be slice, map, or channel"));
                        for a in &args[1..] {
                            let _ = self.expr(a, None);
                        }
                        return Operand::invalid();
                    }
                };
                if n < min_args || n > 3 || (min_args == 1 && n > 2) {
                    let ts = crate::parser::expr_string(te);
                    let expect = if min_args == 2 { "2 or 3" } else { "1 or 2" };
                    self.error(
                        e.span,
                        format!(
                            "invalid operation: {call_s} expects {expect} arguments; found {n}"
                        )
                        .replace(
                            &format!("invalid operation: {call_s}"),
                            format!(
                                "invalid operation: make({ts}{}) ",
                                if n > 1 { ", …" } else { "" }
                            )
                            .trim_end(),
                        ),
                    );
                    return Operand::invalid();
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    let v = self.size_arg(a);
                    sizes.push(v);
                }
                if let (Some(Some(l)), Some(Some(c))) = (sizes.first(), sizes.get(1))
                    && l > c
                {
                    self.error(
                        args[1].span,
                        "invalid argument: length and capacity swapped".to_string(),
                    );
                }
                Operand::value(t)
            }
            Builtin::New => {
                // Go 1.26: new(expr) allocates a copy of the value.
                let a = &args[0];
                let x = self.expr_or_type(a);
                if x.is_invalid() {
                    return Operand::invalid();
                }
                if x.mode != Mode::TypeExpr {
                    let mut x = x;
                    if let Mode::Builtin(b) = x.mode {
                        self.error(a.span, format!("{} (built-in) must be called", b.name()));
                        return Operand::invalid();
                    }
                    if !self.single_value(&mut x, a) {
                        return Operand::invalid();
                    }
                    if x.mode == Mode::Nil {
                        self.error(a.span, "use of untyped nil in argument to built-in new");
                        return Operand::invalid();
                    }
                    let t = self.default_operand(&mut x, a, "argument to new");
                    return Operand::value(self.tt.pointer(t));
                }
                let t = x.ty;
                self.record_type(a, t);
                if self.tt.is_invalid(t) {
                    return Operand::invalid();
                }
                Operand::value(self.tt.pointer(t))
            }
            Builtin::Panic => {
                let a = &args[0];
                let mut x = self.expr(a, None);
                if !x.is_invalid() && self.single_value(&mut x, a) {
                    let any = self.any_type;
                    self.assign_operand(&mut x, a, any, "argument to panic");
                }
                novalue()
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.expr(a, None);
                    if !x.is_invalid() && self.single_value(&mut x, a) {
                        if x.mode == Mode::Nil {
                            self.error(a.span, "use of untyped nil in argument to built-in print");
                            continue;
                        }
                        self.default_operand(&mut x, a, "argument to built-in print");
                    }
                }
                novalue()
            }
            Builtin::Recover => Operand::value(self.any_type),
            Builtin::Delete => {
                let mut m = self.expr(&args[0], None);
                let mut kx = self.expr(&args[1], None);
                if m.is_invalid() || !self.single_value(&mut m, &args[0]) {
                    return novalue();
                }
                let Type::Map(kt, _) = self.tt.under(m.ty).clone() else {
                    let d = self.describe(&m, &args[0]);
                    self.error(args[0].span, format!("invalid argument: {d} is not a map"));
                    return novalue();
                };
                if !kx.is_invalid() && self.single_value(&mut kx, &args[1]) {
                    self.assign_operand(&mut kx, &args[1], kt, "argument to delete");
                }
                novalue()
            }
            Builtin::Copy => {
                let mut d = self.expr(&args[0], None);
                let mut s = self.expr(&args[1], None);
                if d.is_invalid()
                    || s.is_invalid()
                    || !self.single_value(&mut d, &args[0])
                    || !self.single_value(&mut s, &args[1])
                {
                    return Operand::value(int);
                }
                let del = match self.tt.under(d.ty) {
                    Type::Slice(el) => Some(*el),
                    _ => None,
                };
                let sel = match self.tt.under(s.ty) {
                    Type::Slice(el) => Some(*el),
                    Type::Basic(k) if k.is_string() => Some(self.tt.basic(BasicKind::Uint8)),
                    _ => None,
                };
                match (del, sel) {
                    (Some(a), Some(b)) if a == b => {
                        if self.tt.is_untyped(s.ty) {
                            let st = self.tt.basic(BasicKind::String);
                            self.convert_untyped(&mut s, &args[1], st);
                        }
                    }
                    (Some(a), Some(b)) => {
                        let (x, y) = (self.describe(&d, &args[0]), self.describe(&s, &args[1]));
                        let (at, bt) = (self.type_str(a), self.type_str(b));
                        // A string source has byte elements.
                        let bt = if self.tt.is_string(s.ty) {
                            "byte".to_string()
                        } else {
                            bt
                        };
                        self.error(
                            args[0].span,
                            format!("invalid copy: arguments {x} and {y} have different element types {at} and {bt}"),
                        );
                    }
                    (None, _) => {
                        let x = self.describe(&d, &args[0]);
                        self.error(
                            args[0].span,
                            format!("invalid copy: argument must be a slice; have {x}"),
                        );
                    }
                    (_, None) => {
                        let y = self.describe(&s, &args[1]);
                        self.error(
                            args[1].span,
                            format!("invalid copy: argument must be a slice; have {y}"),
                        );
                    }
                }
                Operand::value(int)
            }
            Builtin::Clear => {
                let mut x = self.expr(&args[0], None);
                if !x.is_invalid()
                    && self.single_value(&mut x, &args[0])
                    && !matches!(self.tt.under(x.ty), Type::Map(..) | Type::Slice(_))
                {
                    let d = self.describe(&x, &args[0]);
                    self.error(
                        args[0].span,
                        format!("invalid argument: {d} must be a map or slice"),
                    );
                }
                novalue()
            }
            Builtin::Close => {
                let mut x = self.expr(&args[0], None);
                if !x.is_invalid() && self.single_value(&mut x, &args[0]) {
                    match self.tt.under(x.ty) {
                        Type::Chan(crate::types::ChanDir::Recv, _) => {
                            let d = self.describe(&x, &args[0]);
                            self.error(
                                args[0].span,
                                format!("invalid operation: cannot close receive-only channel {d}"),
                            );
                        }
                        Type::Chan(..) => {}
                        _ => {
                            let d = self.describe(&x, &args[0]);
                            self.error(
                                args[0].span,
                                format!("invalid operation: cannot close non-channel {d}"),
                            );
                        }
                    }
                }
                novalue()
            }
            Builtin::Min | Builtin::Max => {
                let mut ops: Vec<(Operand, &'a Expr)> = Vec::new();
                for a in args {
                    let mut x = self.expr(a, None);
                    if x.is_invalid() || !self.single_value(&mut x, a) {
                        return Operand::invalid();
                    }
                    if !self.tt.is_ordered(x.ty) {
                        let d = self.describe(&x, a);
                        self.error(a.span, format!("invalid argument: {d} cannot be ordered"));
                        return Operand::invalid();
                    }
                    ops.push((x, a));
                }
                // The common type: the first typed operand's.
                // Untyped operands of incompatible kinds (`min("a", 1)`).
                for w in 1..ops.len() {
                    let (p, q) = (&ops[w - 1], &ops[w]);
                    if self.tt.is_untyped(p.0.ty) && self.tt.is_untyped(q.0.ty) {
                        let (pk, qk) = (self.tt.is_string(p.0.ty), self.tt.is_string(q.0.ty));
                        if pk != qk {
                            let (ps, qs) = (self.type_str(p.0.ty), self.type_str(q.0.ty));
                            let s = crate::parser::expr_string(q.1);
                            self.error(
                                q.1.span,
                                format!("invalid argument: mismatched types {ps} (previous argument) and {qs} (type of {s})"),
                            );
                            return Operand::invalid();
                        }
                    }
                }
                let typed = ops
                    .iter()
                    .find(|(o, _)| !self.tt.is_untyped(o.ty))
                    .map(|(o, _)| o.ty);
                if let Some(t) = typed {
                    for (o, a) in ops.iter_mut() {
                        if self.tt.is_untyped(o.ty) {
                            if !self.convert_untyped(o, a, t) {
                                let d = self.describe(o, a);
                                let ts = self.type_str(t);
                                self.error(a.span, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", ts, d, crate::parser::expr_string(a)));
                                return Operand::invalid();
                            }
                        } else if o.ty != t {
                            let s = crate::parser::expr_string(a);
                            self.error(
                                a.span,
                                format!("invalid argument: mismatched types {} (previous argument) and {} (type of {s})", self.type_str(t), self.type_str(o.ty)),
                            );
                            return Operand::invalid();
                        }
                    }
                }
                // Fold constants.
                if ops.iter().all(|(o, _)| o.konst().is_some()) {
                    let mut best: Option<Value> = None;
                    let mut ty = ops[0].0.ty;
                    for (o, _) in &ops {
                        let v = o.konst().cloned().unwrap_or(Value::int(0));
                        best = Some(match best {
                            None => {
                                ty = o.ty;
                                v
                            }
                            Some(cur) => {
                                let op = if b == Builtin::Min {
                                    crate::ast::BinaryOp::Lss
                                } else {
                                    crate::ast::BinaryOp::Gtr
                                };
                                if crate::constant::compare(&v, op, &cur).unwrap_or(false) {
                                    ty = o.ty;
                                    v
                                } else {
                                    cur
                                }
                            }
                        });
                    }
                    // Untyped operands of mixed kinds take the largest kind,
                    // as in `max(1.0, 2)`: an untyped float constant 2.
                    if typed.is_none() {
                        let rank = |k: BasicKind| match k {
                            BasicKind::UntypedInt => 1,
                            BasicKind::UntypedRune => 2,
                            BasicKind::UntypedFloat => 3,
                            BasicKind::UntypedComplex => 4,
                            _ => 0,
                        };
                        let kind_of = |t| self.tt.basic_kind(t).unwrap_or(BasicKind::Invalid);
                        if let Some(widest) = ops.iter().map(|(o, _)| o.ty).max_by_key(|&t| rank(kind_of(t))) {
                            ty = widest;
                        }
                        if kind_of(ty) == BasicKind::UntypedFloat
                            && let Some(Value::Int(i)) = &best
                        {
                            best = Some(Value::Float(crate::constant::Exact::from_int(i)));
                        }
                    }
                    if let Some(v) = best {
                        return Operand {
                            mode: Mode::Constant(v),
                            ty,
                        };
                    }
                }
                let t = typed.unwrap_or_else(|| self.default_type(ops[0].0.ty));
                for (o, a) in ops.iter_mut() {
                    if self.tt.is_untyped(o.ty) {
                        self.convert_untyped(o, a, t);
                    }
                }
                Operand::value(t)
            }
            // go/types' `_Complex`: untyped arguments take the other's type,
            // or both become untyped floats when both are constants.
            Builtin::Complex => {
                let mut re = self.expr(&args[0], None);
                let mut im = self.expr(&args[1], None);
                if re.is_invalid()
                    || im.is_invalid()
                    || !self.single_value(&mut re, &args[0])
                    || !self.single_value(&mut im, &args[1])
                {
                    return Operand::invalid();
                }
                let (xu, yu) = (self.tt.is_untyped(re.ty), self.tt.is_untyped(im.ty));
                let ok = match (xu, yu) {
                    (false, false) => true,
                    (true, false) => self.convert_untyped(&mut re, &args[0], im.ty),
                    (false, true) => self.convert_untyped(&mut im, &args[1], re.ty),
                    (true, true) if re.konst().is_some() && im.konst().is_some() => {
                        let uf = self.tt.basic(BasicKind::UntypedFloat);
                        for o in [&mut re, &mut im] {
                            let real = match o.konst() {
                                Some(Value::Complex(_, i)) => i.is_zero(),
                                Some(v) => v.exact().is_some(),
                                None => false,
                            };
                            if real && self.tt.is_numeric(o.ty) {
                                o.ty = uf;
                            }
                        }
                        true
                    }
                    (true, true) => {
                        let f = self.tt.basic(BasicKind::Float64);
                        self.convert_untyped(&mut re, &args[0], f) && self.convert_untyped(&mut im, &args[1], f)
                    }
                };
                if !ok || re.is_invalid() || im.is_invalid() {
                    return Operand::invalid();
                }
                if re.ty != im.ty {
                    let (a, b) = (self.type_str(re.ty), self.type_str(im.ty));
                    self.error(args[0].span, format!("invalid operation: {call_s} (mismatched types {a} and {b})"));
                    return Operand::invalid();
                }
                let t = match self.tt.basic_kind(self.tt.underlying(re.ty)) {
                    Some(BasicKind::Float32) => self.tt.basic(BasicKind::Complex64),
                    Some(BasicKind::Float64) => self.tt.basic(BasicKind::Complex128),
                    Some(BasicKind::UntypedFloat) => self.tt.basic(BasicKind::UntypedComplex),
                    _ => {
                        let ts = self.type_str(re.ty);
                        self.error(args[0].span, format!("invalid argument: arguments have type {ts}, expected floating-point"));
                        return Operand::invalid();
                    }
                };
                // Both constant: the result is a constant.
                match (re.konst().and_then(|v| v.exact()), im.konst().and_then(|v| v.exact())) {
                    (Some(a), Some(b)) => Operand { mode: Mode::Constant(Value::make_complex(a, b)), ty: t },
                    _ => Operand::value(t),
                }
            }
            // go/types' `_Imag, _Real`.
            Builtin::Real | Builtin::Imag => {
                let mut x = self.expr(&args[0], None);
                if x.is_invalid() || !self.single_value(&mut x, &args[0]) {
                    return Operand::invalid();
                }
                if self.tt.is_untyped(x.ty) {
                    if x.konst().is_some() {
                        // An untyped constant number is a complex constant.
                        if self.tt.is_numeric(x.ty) {
                            x.ty = self.tt.basic(BasicKind::UntypedComplex);
                        }
                    } else {
                        let c = self.tt.basic(BasicKind::Complex128);
                        if !self.convert_untyped(&mut x, &args[0], c) || x.is_invalid() {
                            return Operand::invalid();
                        }
                    }
                }
                let t = match self.tt.basic_kind(self.tt.underlying(x.ty)) {
                    Some(BasicKind::Complex64) => self.tt.basic(BasicKind::Float32),
                    Some(BasicKind::Complex128) => self.tt.basic(BasicKind::Float64),
                    Some(BasicKind::UntypedComplex) => self.tt.basic(BasicKind::UntypedFloat),
                    _ => {
                        let ts = self.type_str(x.ty);
                        self.error(args[0].span, format!("invalid argument: argument has type {ts}, expected complex type"));
                        return Operand::invalid();
                    }
                };
                match x.konst().and_then(|v| v.complex()) {
                    Some((re, im)) => {
                        let v = if b == Builtin::Real { re } else { im };
                        Operand { mode: Mode::Constant(Value::Float(v)), ty: t }
                    }
                    None => Operand::value(t),
                }
            }
        }
    }

    /// A `make` size argument: a non-negative integer.
    fn size_arg(&mut self, a: &'a Expr) -> Option<i128> {
        let mut x = self.expr(a, None);
        if x.is_invalid() || !self.single_value(&mut x, a) {
            return None;
        }
        if self.tt.is_untyped(x.ty) {
            let int = self.tt.basic(BasicKind::Int);
            let before = x.clone();
            self.not_representable = None;
            if !self.convert_untyped(&mut x, a, int) {
                let d = self.describe(&before, a);
                match self.not_representable.take() {
                    Some(Unrepresentable::Overflows) => self.error(a.span, format!("{d} overflows int")),
                    Some(Unrepresentable::Truncated) => self.error(a.span, format!("{d} truncated to int")),
                    _ => self.error(a.span, format!("cannot convert {d} to type int")),
                }
                return None;
            }
        }
        if !self.tt.is_integer(x.ty) {
            let d = self.describe(&x, a);
            self.error(a.span, format!("cannot convert {d} to type int"));
            return None;
        }
        if let Some(v) = x.konst().and_then(|v| v.as_i128()) {
            if v < 0 {
                let s = crate::parser::expr_string(a);
                self.error(
                    a.span,
                    format!(
                        "invalid argument: index {s} (constant of type int) must not be negative"
                    ),
                );
                return None;
            }
            return Some(v);
        }
        None
    }

    /// Whether `len(a)` of an array stays constant (no calls/receives).
    fn has_call_or_recv(&self, e: &Expr) -> bool {
        use crate::ast::ExprKind::*;
        let mut stack = vec![e];
        let mut n = 0;
        while let Some(e) = stack.pop() {
            n += 1;
            if n > 1000 {
                return true;
            }
            match &e.kind {
                Call { .. } => return true,
                Unary {
                    op: crate::ast::UnaryOp::Recv,
                    ..
                } => return true,
                Paren(x) | Selector { x, .. } | Star(x) | Unary { x, .. } => stack.push(x),
                Index { x, index } => {
                    stack.push(x);
                    stack.push(index);
                }
                Binary { x, y, .. } => {
                    stack.push(x);
                    stack.push(y);
                }
                _ => {}
            }
        }
        false
    }
}
