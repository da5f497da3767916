//! Expressions: constants, variables, operators, selectors, indexing,
//! slicing, composite literals, function literals, addresses and
//! assignable places.
//!
//! Aggregates (structs, arrays) read from variables are references to the
//! variable's object: `expr` leaves them so (cheap field reads), and
//! `expr_owned` adds the `Clone` where the value is bound somewhere else.

use super::Compiler;
use super::func::{FnState, VarLoc};
use crate::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::check::info::{Selection, Use};
use crate::chunk::{Op, SLICE_HI, SLICE_LO, SLICE_MAX};
use crate::vm::complex::ComplexOp;
use crate::constant::Value as CV;
use crate::span::Span;
use crate::types::{BasicKind, Type, TypeId};
use crate::value::IntKind;
use crate::vm::Const;

/// An assignable location whose operands are already on the stack.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    Var(VarLoc, TypeId),
    Blank,
    /// `[s]`: field `i` of a struct (or pointer to one).
    Field(u16),
    /// `[x, i]`
    Index,
    /// `[m, k]`; the map's value type for reads.
    MapIndex(u32),
    /// `[p]`
    Deref,
}

impl<'a> Compiler<'a> {
    pub fn ty(&self, e: &Expr) -> TypeId {
        self.ex.type_of(e.id).unwrap_or(TypeId(0))
    }

    /// Compiles `e` leaving its value(s) on the stack.
    pub fn expr(&mut self, fs: &mut FnState, e: &'a Expr) {
        let sp = e.span;
        if self.out_of_stack(sp) {
            return;
        }
        // String literals keep their exact bytes (constant values are
        // Rust strings, which cannot hold invalid UTF-8).
        if let ExprKind::BasicLit(lit) = &e.kind
            && lit.kind == crate::ast::LitKind::String
            && !self.is_iface(self.ty(e))
            && let Ok(bytes) = crate::lexer::decode_string(&lit.text)
        {
            let c = self.bc.add_const(Const::Str(bytes));
            fs.emit(Op::Const(c), sp);
            return;
        }
        if let Some(v) = self.ex.const_of(e.id) {
            let t = self.ty(e);
            self.constant(fs, &v.clone(), t, sp);
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(fs, x),
            ExprKind::Ident(_) => self.ident(fs, e),
            ExprKind::BasicLit(_) => self.unsupported(sp, "literal without a constant value"),
            ExprKind::FuncLit { ty, body } => self.func_lit(fs, e, ty, body),
            ExprKind::CompositeLit { elems, .. } => {
                let t = self.ty(e);
                self.composite(fs, t, elems, sp)
            }
            ExprKind::Selector { x, sel } => self.selector(fs, e, x, &sel.name),
            // An instantiated generic function `Map[int, string]` as a value.
            ExprKind::Index { .. } | ExprKind::IndexList { .. } if matches!(self.ex.uses.get(&e.id), Some(Use::Func(_))) => {
                if let Some(Use::Func(f)) = self.ex.uses.get(&e.id).cloned() {
                    self.func_value(fs, &f, sp);
                }
            }
            // A generic method's instance `b.Repeat[int]`: its selector.
            ExprKind::Index { .. } | ExprKind::IndexList { .. } if !std::ptr::eq(self.method_instance_selector(e), e) => {
                let sel = self.method_instance_selector(e);
                self.expr(fs, sel);
            }
            ExprKind::IndexList { .. } => self.unsupported(sp, "this instantiation"),
            ExprKind::Index { x, index } => {
                let xt = self.ty(x);
                match self.under(xt).clone() {
                    Type::Map(k, v) => {
                        self.expr(fs, x);
                        self.expr_to(fs, index, k);
                        let vt = self.rtype(v);
                        fs.emit(Op::MapGet(vt), sp);
                    }
                    _ => {
                        self.expr(fs, x);
                        self.expr(fs, index);
                        fs.emit(Op::Index, sp);
                    }
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                let xt = self.ty(x);
                // Slicing an array needs its address (shares the array).
                if matches!(self.under(xt), Type::Array(..)) {
                    if !self.addr_of(fs, x) {
                        self.expr(fs, x);
                    }
                } else {
                    self.expr(fs, x);
                }
                let mut flags = 0;
                for (b, f) in [(lo, SLICE_LO), (hi, SLICE_HI), (max, SLICE_MAX)] {
                    if let Some(b) = b {
                        self.expr(fs, b);
                        flags |= f;
                    }
                }
                fs.emit(Op::SliceExpr(flags), sp);
            }
            ExprKind::TypeAssert { x, ty } => {
                let Some(ty) = ty else { return self.unsupported(sp, "type switch guard outside a switch") };
                let target = self.ty(ty);
                let xt = self.ty(x);
                self.expr(fs, x);
                let site = self.assert_site(target, xt, sp);
                fs.emit(Op::TypeAssert(site), sp);
            }
            ExprKind::Call { fun, args, ellipsis } => {
                self.call(fs, e, fun, args, ellipsis.is_some(), false);
            }
            ExprKind::Star(x) => {
                self.expr(fs, x);
                fs.emit(Op::Load, sp);
            }
            ExprKind::Unary { op, x } => self.unary(fs, e, *op, x),
            ExprKind::Binary { op, x, y } => self.binary(fs, e, *op, x, y),
            _ => self.unsupported(sp, "this expression"),
        }
    }

    /// Compiles `e` as a value the caller owns (aggregates copied unless
    /// fresh).
    pub fn expr_owned(&mut self, fs: &mut FnState, e: &'a Expr) {
        self.expr(fs, e);
        let t = self.ty(e);
        if self.is_aggregate(t) && !is_fresh(e) {
            fs.emit(Op::Clone, e.span);
        }
    }

    /// Compiles `e` converted (implicitly) to type `to`.
    pub fn expr_to(&mut self, fs: &mut FnState, e: &'a Expr, to: TypeId) {
        let from = self.ty(e);
        if to.0 != 0 && self.is_iface(to) && !self.is_iface(from) {
            // `ToIface` copies the value into the box itself.
            self.expr(fs, e);
        } else {
            self.expr_owned(fs, e);
        }
        self.implicit(fs, from, to, e.span);
    }

    /// An implicit conversion: concrete → interface boxes the value.
    pub fn implicit(&mut self, fs: &mut FnState, from: TypeId, to: TypeId, sp: Span) {
        if to.0 == 0 || from == to || !self.is_iface(to) || self.is_iface(from) {
            return;
        }
        if self.basic(from) == Some(BasicKind::UntypedNil) {
            return;
        }
        self.ensure_methods(from, sp);
        let id = self.rtype(from);
        fs.emit(Op::ToIface(id), sp);
    }

    /// Compiles `e` for its effects only.
    pub fn expr_discard(&mut self, fs: &mut FnState, e: &'a Expr) {
        let n = self.value_count(e);
        self.expr(fs, e);
        if n > 0 {
            fs.emit(Op::PopN(n as u16), e.span);
        }
    }

    /// How many values `e` leaves (calls may leave 0 or several).
    pub fn value_count(&self, e: &Expr) -> usize {
        let t = self.ty(e);
        match self.tt.get(t) {
            Type::Tuple(ts) => ts.len(),
            _ => {
                if let ExprKind::Call { .. } = &e.unparen().kind
                    && t.0 == 0
                {
                    return 0;
                }
                1
            }
        }
    }

    pub fn constant(&mut self, fs: &mut FnState, v: &CV, t: TypeId, sp: Span) {
        // A constant converted to an interface: the dynamic type is the
        // constant's default type.
        let t = if self.is_iface(t) {
            let k = match v {
                CV::Bool(_) => BasicKind::Bool,
                CV::Int(_) => BasicKind::Int,
                CV::Float(_) => BasicKind::Float64,
                CV::String(_) => BasicKind::String,
                CV::Complex(..) => BasicKind::Complex128,
            };
            let bt = self.tt.basic(k);
            self.constant(fs, v, bt, sp);
            self.implicit(fs, bt, t, sp);
            return;
        } else {
            t
        };
        if self.is_complex(t) {
            // Any numeric constant of a complex type: its parts, each
            // rounded to float32 for complex64.
            let Some((re, im)) = v.complex() else { return };
            let (re, im) = if self.basic(t) == Some(BasicKind::Complex64) { (re.to_f32(), im.to_f32()) } else { (re.to_f64(), im.to_f64()) };
            // Go's constants are exact: a zero part is never -0 (`-0.5i`
            // is `(0-0.5i)`); adding +0 turns -0 into +0.
            let c = Const::Complex(re + 0.0, im + 0.0);
            let c = self.bc.add_const(c);
            fs.emit(Op::Const(c), sp);
            return;
        }
        match v {
            CV::Bool(b) => fs.emit(Op::PushBool(*b), sp),
            CV::Int(_) => {
                if self.tt.is_float(t) {
                    let c = self.bc.add_const(Const::Float(v.as_f64().unwrap_or(0.0)));
                    fs.emit(Op::Const(c), sp);
                } else {
                    // The checker has found it representable: 64 bits.
                    let i = v.to_i64_bits().unwrap_or(0);
                    if let Ok(s) = i32::try_from(i) {
                        fs.emit(Op::PushInt(s), sp);
                    } else {
                        let c = self.bc.add_const(Const::Int(i));
                        fs.emit(Op::Const(c), sp);
                    }
                }
            }
            CV::Float(f) => {
                if self.tt.is_integer(t) {
                    // An integral float (`uint64(1e19)`), exactly.
                    let i = v.to_i64_bits().unwrap_or(0);
                    let c = self.bc.add_const(Const::Int(i));
                    fs.emit(Op::Const(c), sp);
                } else {
                    let f = if self.is_float32(t) { f.to_f32() } else { f.to_f64() };
                    let c = self.bc.add_const(Const::Float(f));
                    fs.emit(Op::Const(c), sp);
                }
            }
            CV::String(s) => {
                let c = self.bc.add_const(Const::Str(s.clone()));
                fs.emit(Op::Const(c), sp);
            }
            // A complex constant of a float or integer type (`float64(1 + 0i)`):
            // its real part, which the checker has found representable.
            CV::Complex(re, _) => {
                let c = if self.tt.is_float(t) {
                    Const::Float(if self.is_float32(t) { re.to_f32() } else { re.to_f64() })
                } else {
                    Const::Int(v.to_i64_bits().unwrap_or(0))
                };
                let c = self.bc.add_const(c);
                fs.emit(Op::Const(c), sp);
            }
        }
    }

    fn ident(&mut self, fs: &mut FnState, e: &'a Expr) {
        let sp = e.span;
        match self.ex.uses.get(&e.id).cloned() {
            Some(Use::Local(v)) => match fs.var_loc(v) {
                Some(loc) => fs.load_var(loc, sp),
                None => self.unsupported(sp, "variable not in scope of the compiler"),
            },
            Some(Use::Global(g)) => fs.load_var(VarLoc::Global(g.0), sp),
            Some(Use::Nil) => fs.emit(Op::PushNil, sp),
            Some(Use::Func(f)) => self.func_value(fs, &f, sp),
            Some(Use::NativeVar(n)) => self.native_var(fs, &n, sp),
            _ => self.unsupported(sp, "this identifier"),
        }
    }

    fn native_var(&mut self, fs: &mut FnState, name: &str, sp: Span) {
        match crate::stdlib::native_var(name) {
            Some(n) => match self.native_id(n) {
                Some(id) => fs.emit(Op::CallNative { id, argc: 0 }, sp),
                None => self.unsupported(sp, name),
            },
            None => self.unsupported(sp, name),
        }
    }

    pub fn func_value(&mut self, fs: &mut FnState, f: &crate::check::info::FuncRef, sp: Span) {
        match self.callee_of(f) {
            Some(crate::rtype::Callee::Func(i)) => fs.emit(Op::FuncValue(i), sp),
            Some(crate::rtype::Callee::Native(n)) => fs.emit(Op::FuncValue(n | crate::vm::NATIVE_FUNC_BIT), sp),
            None => {
                let name = match f {
                    crate::check::info::FuncRef::Native(n) => n.clone(),
                    _ => "function".into(),
                };
                self.unsupported(sp, &name)
            }
        }
    }

    fn func_lit(&mut self, fs: &mut FnState, e: &'a Expr, ty: &'a crate::ast::FuncType, body: &'a crate::ast::Block) {
        let Some(&fid) = self.ex.lits.get(&e.id) else { return self.unsupported(e.span, "function literal") };
        let name = fs.next_lit_name();
        if let Some(&idx) = self.func_ids.get(&fid)
            && let Some(f) = self.bc.funcs.get_mut(idx as usize)
        {
            f.name = name;
        }
        self.compile_func(fid, None, ty, body, e.span);
        let Some(&idx) = self.func_ids.get(&fid) else { return };
        let caps = self.info.funcs.get(fid.0 as usize).map(|f| f.captures.clone()).unwrap_or_default();
        if caps.is_empty() {
            fs.emit(Op::FuncValue(idx), e.span);
            return;
        }
        for v in &caps {
            match fs.var_loc(*v) {
                Some(loc) => {
                    if !fs.var_addr(loc, e.span) {
                        self.unsupported(e.span, "capture of an unboxed variable");
                    }
                }
                None => self.unsupported(e.span, "capture of an unknown variable"),
            }
        }
        fs.emit(Op::MakeClosure { func: idx, ncap: caps.len() as u16 }, e.span);
    }

    pub fn zero_value(&mut self, fs: &mut FnState, t: TypeId, sp: Span) {
        match self.under(t) {
            Type::Basic(k) if k.is_integer() => fs.emit(Op::PushInt(0), sp),
            Type::Basic(k) if k.is_boolean() => fs.emit(Op::PushBool(false), sp),
            _ => {
                let id = self.rtype(t);
                fs.emit(Op::Zero(id), sp)
            }
        }
    }

    pub fn composite(&mut self, fs: &mut FnState, t: TypeId, elems: &'a [crate::ast::Element], sp: Span) {
        match self.under(t).clone() {
            Type::Pointer(inner) => {
                // `&T{}` elided inside a literal of pointers.
                self.composite(fs, inner, elems, sp);
                fs.emit(if self.is_aggregate(inner) { Op::Addr } else { Op::NewCell }, sp);
            }
            Type::Struct(fields) => {
                let id = self.rtype(t);
                fs.emit(Op::Zero(id), sp);
                for (i, el) in elems.iter().enumerate() {
                    let idx = match &el.key {
                        Some(k) => match k.ident().and_then(|n| fields.iter().position(|f| f.name == n)) {
                            Some(i) => i,
                            None => return self.unsupported(k.span, "field key"),
                        },
                        None => i,
                    };
                    let Some(f) = fields.get(idx) else { continue };
                    fs.emit(Op::Dup, el.span);
                    self.elem_value(fs, &el.value, f.ty);
                    fs.emit(Op::SetField(idx as u16), el.span);
                }
            }
            Type::Array(et, _) => {
                let id = self.rtype(t);
                fs.emit(Op::Zero(id), sp);
                self.indexed_elems(fs, elems, et);
            }
            Type::Slice(et) => {
                // Length: the largest index + 1.
                let mut n: i64 = 0;
                let mut next: i64 = 0;
                for el in elems {
                    if let Some(k) = &el.key {
                        next = self.ex.const_of(k.id).and_then(|v| v.as_i128()).unwrap_or(0) as i64;
                    }
                    next += 1;
                    n = n.max(next);
                }
                let eid = self.rtype(et);
                self.push_int(fs, n, sp);
                fs.emit(Op::Dup, sp);
                fs.emit(Op::MakeSlice(eid), sp);
                self.indexed_elems(fs, elems, et);
            }
            Type::Map(kt, vt) => {
                let id = self.rtype(t);
                self.push_int(fs, elems.len() as i64, sp);
                fs.emit(Op::MakeMap(id), sp);
                for el in elems {
                    let Some(k) = &el.key else { continue };
                    fs.emit(Op::Dup, el.span);
                    self.elem_value(fs, k, kt);
                    self.elem_value(fs, &el.value, vt);
                    fs.emit(Op::MapSet, el.span);
                }
            }
            _ => self.unsupported(sp, "composite literal of this type"),
        }
    }

    fn indexed_elems(&mut self, fs: &mut FnState, elems: &'a [crate::ast::Element], et: TypeId) {
        let mut next: i64 = 0;
        for el in elems {
            if let Some(k) = &el.key {
                next = self.ex.const_of(k.id).and_then(|v| v.as_i128()).unwrap_or(0) as i64;
            }
            fs.emit(Op::Dup, el.span);
            self.push_int(fs, next, el.span);
            self.elem_value(fs, &el.value, et);
            fs.emit(Op::SetIndex, el.span);
            next += 1;
        }
    }

    /// A literal's element, whose type may be elided (`{1, 2}` inside
    /// `[]Point{...}`).
    fn elem_value(&mut self, fs: &mut FnState, v: &'a Expr, t: TypeId) {
        if let ExprKind::CompositeLit { ty: None, elems, .. } = &v.kind {
            let vt = self.ex.type_of(v.id).unwrap_or(t);
            self.composite(fs, vt, elems, v.span);
            return;
        }
        self.expr_to(fs, v, t);
    }

    pub fn push_int(&mut self, fs: &mut FnState, n: i64, sp: Span) {
        match i32::try_from(n) {
            Ok(s) => fs.emit(Op::PushInt(s), sp),
            Err(_) => {
                let c = self.bc.add_const(Const::Int(n));
                fs.emit(Op::Const(c), sp)
            }
        }
    }

    fn selector(&mut self, fs: &mut FnState, e: &'a Expr, x: &'a Expr, _name: &str) {
        let sp = e.span;
        if let Some(u) = self.ex.uses.get(&e.id).cloned() {
            // A qualified identifier `pkg.Member`.
            match u {
                Use::Func(f) => return self.func_value(fs, &f, sp),
                Use::NativeVar(n) => return self.native_var(fs, &n, sp),
                Use::Global(g) => return fs.load_var(VarLoc::Global(g.0), sp),
                _ => return self.unsupported(sp, "this selector"),
            }
        }
        match self.ex.selections.get(&e.id).cloned() {
            Some(Selection::Field { path, .. }) => {
                self.expr(fs, x);
                for i in path {
                    fs.emit(Op::Field(i as u16), sp);
                }
            }
            Some(Selection::Method { path, func, ptr_recv, addr, deref, expr: false, recv, .. }) => {
                // A method value: bind the receiver now.
                self.receiver(fs, x, &path, ptr_recv, addr, deref, recv, sp);
                let Some(callee) = self.callee_of(&func) else { return self.unsupported(sp, "method value") };
                let Some(sig) = self.tt.signature(self.ty(e)).cloned() else { return self.unsupported(sp, "method value") };
                let key = format!("{:?}", callee).replace(['(', ')'], "");
                match self.bound_method(key, sig.params.len() as u16, sig.results.len() as u16, None, Some(callee), sp) {
                    Some(f) => fs.emit(Op::MakeClosure { func: f, ncap: 1 }, sp),
                    None => self.unsupported(sp, "method value"),
                }
            }
            Some(Selection::IfaceMethod { path, name, expr: false, .. }) => {
                self.expr(fs, x);
                for i in path {
                    fs.emit(Op::Field(i as u16), sp);
                }
                let Some(sig) = self.tt.signature(self.ty(e)).cloned() else { return self.unsupported(sp, "method value") };
                let mid = self.bc.method_id(&name);
                let key = format!("iface{mid}_{}_{}", sig.params.len(), sig.results.len());
                match self.bound_method(key, sig.params.len() as u16, sig.results.len() as u16, Some(mid), None, sp) {
                    Some(f) => fs.emit(Op::MakeClosure { func: f, ncap: 1 }, sp),
                    None => self.unsupported(sp, "method value"),
                }
            }
            Some(Selection::Method { func, expr: true, deref, recv, ptr_recv, path, .. }) => {
                let recv_t = self.tt.signature(self.ty(e)).and_then(|s| s.params.first().copied());
                if (deref || !path.is_empty())
                    && let Some(rt) = recv_t
                {
                    // (*T).M of a value method: dereference first.
                    let name = _name.to_string();
                    match self.method_wrapper(rt, &name, &path, recv, ptr_recv, &func, sp) {
                        Some(f) => fs.emit(Op::FuncValue(f), sp),
                        None => self.unsupported(sp, "method expression"),
                    }
                } else {
                    self.func_value(fs, &func, sp)
                }
            }
            Some(Selection::IfaceMethod { name, expr: true, .. }) => {
                // I.M: a function taking the interface value first.
                let Some(sig) = self.tt.signature(self.ty(e)).cloned() else { return self.unsupported(sp, "method expression") };
                let n = sig.params.len() as u16;
                let mid = self.bc.method_id(&name);
                let key = format!("iexpr{mid}_{n}_{}", sig.results.len());
                let f = match self.helper(&key) {
                    Some(f) => f,
                    None => {
                        let mut b = crate::chunk::ChunkBuilder::new();
                        for i in 0..n {
                            b.emit(Op::GetLocal(i), sp);
                        }
                        b.emit(Op::CallIface { method: mid, argc: n.saturating_sub(1) }, sp);
                        b.emit(Op::Ret(sig.results.len() as u16), sp);
                        let Ok(chunk) = b.finish() else { return self.unsupported(sp, "method expression") };
                        let f = self.bc.add_func(crate::vm::Function::new(format!("main.{name}-fm"), n, n, sig.results.len() as u16, chunk));
                        self.set_helper(key, f);
                        f
                    }
                };
                fs.emit(Op::FuncValue(f), sp);
            }
            _ => self.unsupported(sp, "this selector"),
        }
    }

    /// The types of the fields along an embedded-field path from `t`.
    pub fn path_types(&self, t: TypeId, path: &[usize]) -> Vec<TypeId> {
        let mut out = Vec::new();
        let mut cur = t;
        for &i in path {
            let st = match self.under(cur) {
                Type::Pointer(e) => *e,
                _ => cur,
            };
            let Type::Struct(fields) = self.under(st) else { break };
            let Some(f) = fields.get(i) else { break };
            cur = f.ty;
            out.push(cur);
        }
        out
    }

    /// Pushes a method call's receiver as the method expects it.
    #[allow(clippy::too_many_arguments)]
    pub fn receiver(&mut self, fs: &mut FnState, x: &'a Expr, path: &[usize], ptr_recv: bool, addr: bool, deref: bool, recv: TypeId, sp: Span) {
        if path.is_empty() {
            if addr {
                if !self.addr_of(fs, x) {
                    self.expr(fs, x);
                    if self.is_aggregate(self.ty(x)) {
                        fs.emit(Op::Addr, sp);
                    } else {
                        fs.emit(Op::NewCell, sp);
                    }
                }
                return;
            }
            self.expr(fs, x);
            if ptr_recv {
                return;
            }
            if deref {
                fs.emit(Op::Load, sp);
            }
            if self.is_aggregate(recv) {
                fs.emit(Op::Clone, sp);
            }
            return;
        }
        // Through embedded fields: Field ops dereference pointers on the
        // way; the object reached is shared, so its address is real.
        let tys = self.path_types(self.ty(x), path);
        self.expr(fs, x);
        let n = path.len();
        for &i in &path[..n - 1] {
            fs.emit(Op::Field(i as u16), sp);
        }
        let last = path[n - 1];
        let last_is_ptr = tys.last().is_some_and(|t| matches!(self.under(*t), Type::Pointer(_)));
        if ptr_recv {
            fs.emit(if last_is_ptr { Op::Field(last as u16) } else { Op::FieldAddr(last as u16) }, sp);
            return;
        }
        fs.emit(Op::Field(last as u16), sp);
        if last_is_ptr {
            fs.emit(Op::Load, sp);
        }
        if self.is_aggregate(recv) {
            fs.emit(Op::Clone, sp);
        }
    }

    /// Pushes the address of an addressable expression; false if it is
    /// not addressable this way (nothing emitted).
    pub fn addr_of(&mut self, fs: &mut FnState, x: &'a Expr) -> bool {
        let sp = x.span;
        let t = self.ty(x);
        match &x.kind {
            ExprKind::Paren(i) => self.addr_of(fs, i),
            ExprKind::Ident(_) => {
                let loc = match self.ex.uses.get(&x.id) {
                    Some(Use::Local(v)) => fs.var_loc(*v),
                    Some(Use::Global(g)) => Some(VarLoc::Global(g.0)),
                    _ => None,
                };
                let Some(loc) = loc else { return false };
                if self.is_aggregate(t) {
                    fs.load_var(loc, sp);
                    fs.emit(Op::Addr, sp);
                    return true;
                }
                fs.var_addr(loc, sp)
            }
            ExprKind::Selector { x: inner, .. } => {
                if let Some(Use::Global(g)) = self.ex.uses.get(&x.id) {
                    let g = g.0;
                    if self.is_aggregate(t) {
                        fs.load_var(VarLoc::Global(g), sp);
                        fs.emit(Op::Addr, sp);
                        return true;
                    }
                    return fs.var_addr(VarLoc::Global(g), sp);
                }
                let Some(Selection::Field { path, .. }) = self.ex.selections.get(&x.id).cloned() else { return false };
                self.expr(fs, inner);
                let n = path.len();
                for (k, i) in path.into_iter().enumerate() {
                    fs.emit(if k + 1 == n { Op::FieldAddr(i as u16) } else { Op::Field(i as u16) }, sp);
                }
                true
            }
            ExprKind::Index { x: inner, index } => {
                let it = self.ty(inner);
                if matches!(self.under(it), Type::Map(..)) {
                    return false;
                }
                self.expr(fs, inner);
                self.expr(fs, index);
                fs.emit(Op::IndexAddr, sp);
                true
            }
            ExprKind::Star(p) => {
                self.expr(fs, p);
                true
            }
            ExprKind::CompositeLit { elems, .. } => {
                self.composite(fs, t, elems, sp);
                fs.emit(if self.is_aggregate(t) { Op::Addr } else { Op::NewCell }, sp);
                true
            }
            _ => false,
        }
    }

    /// Pushes the operands of an assignable place.
    pub fn place(&mut self, fs: &mut FnState, x: &'a Expr) -> Place {
        let sp = x.span;
        let t = self.var_type(x);
        match &x.kind {
            ExprKind::Paren(i) => self.place(fs, i),
            ExprKind::Ident(n) if n == "_" => Place::Blank,
            ExprKind::Ident(_) => match self.ex.uses.get(&x.id).cloned() {
                Some(Use::Local(v)) => match fs.var_loc(v) {
                    Some(loc) => Place::Var(loc, t),
                    None => {
                        self.unsupported(sp, "assignment to this variable");
                        Place::Blank
                    }
                },
                Some(Use::Global(g)) => Place::Var(VarLoc::Global(g.0), t),
                Some(Use::Blank) | None => Place::Blank,
                _ => {
                    self.unsupported(sp, "assignment to this name");
                    Place::Blank
                }
            },
            ExprKind::Selector { x: inner, .. } => {
                if let Some(Use::Global(g)) = self.ex.uses.get(&x.id) {
                    return Place::Var(VarLoc::Global(g.0), t);
                }
                let Some(Selection::Field { path, .. }) = self.ex.selections.get(&x.id).cloned() else {
                    self.unsupported(sp, "assignment to this selector");
                    return Place::Blank;
                };
                self.expr(fs, inner);
                let n = path.len();
                for &i in &path[..n.saturating_sub(1)] {
                    fs.emit(Op::Field(i as u16), sp);
                }
                Place::Field(path.last().copied().unwrap_or(0) as u16)
            }
            ExprKind::Index { x: inner, index } => {
                let it = self.ty(inner);
                if let Type::Map(k, v) = self.under(it).clone() {
                    self.expr(fs, inner);
                    self.expr_to(fs, index, k);
                    return Place::MapIndex(self.rtype(v));
                }
                self.expr(fs, inner);
                self.expr(fs, index);
                Place::Index
            }
            ExprKind::Star(p) => {
                self.expr(fs, p);
                Place::Deref
            }
            _ => {
                self.unsupported(sp, "assignment to this expression");
                Place::Blank
            }
        }
    }

    /// Stores the value on top of the stack into a place.
    pub fn store(&mut self, fs: &mut FnState, p: Place, sp: Span) {
        match p {
            Place::Var(loc, t) => {
                if let VarLoc::Slot(s) = loc
                    && self.is_aggregate(t)
                {
                    // Copy into the variable's object: pointers to it stay valid.
                    fs.emit(Op::GetLocal(s), sp);
                    fs.emit(Op::Addr, sp);
                    fs.emit(Op::Swap, sp);
                    fs.emit(Op::Store, sp);
                } else {
                    fs.store_var(loc, sp)
                }
            }
            Place::Blank => fs.emit(Op::Pop, sp),
            Place::Field(i) => fs.emit(Op::SetField(i), sp),
            Place::Index => fs.emit(Op::SetIndex, sp),
            Place::MapIndex(_) => fs.emit(Op::MapSet, sp),
            Place::Deref => fs.emit(Op::Store, sp),
        }
    }

    /// Reads a place without consuming its operands (for `x op= y`).
    pub fn load_keep(&mut self, fs: &mut FnState, p: Place, sp: Span) {
        match p {
            Place::Var(loc, _) => fs.load_var(loc, sp),
            Place::Blank => fs.emit(Op::PushNil, sp),
            Place::Field(i) => {
                fs.emit(Op::Dup, sp);
                fs.emit(Op::Field(i), sp);
            }
            Place::Index => {
                fs.emit(Op::Dup2, sp);
                fs.emit(Op::Index, sp);
            }
            Place::MapIndex(vt) => {
                fs.emit(Op::Dup2, sp);
                fs.emit(Op::MapGet(vt), sp);
            }
            Place::Deref => {
                fs.emit(Op::Dup, sp);
                fs.emit(Op::Load, sp);
            }
        }
    }

    fn unary(&mut self, fs: &mut FnState, e: &'a Expr, op: UnaryOp, x: &'a Expr) {
        let sp = e.span;
        let t = self.ty(e);
        match op {
            UnaryOp::Addr => {
                if !self.addr_of(fs, x) {
                    self.unsupported(sp, "address of this expression");
                }
            }
            UnaryOp::Pos => self.expr(fs, x),
            UnaryOp::Neg => {
                self.expr(fs, x);
                if self.tt.is_float(t) {
                    fs.emit(Op::NegF, sp);
                } else if self.is_complex(t) {
                    self.complex_op(fs, ComplexOp::Neg, sp);
                } else {
                    fs.emit(Op::NegI, sp);
                    self.trunc(fs, t, sp);
                }
            }
            UnaryOp::Not => {
                self.expr(fs, x);
                fs.emit(Op::LNot, sp);
            }
            UnaryOp::Xor => {
                self.expr(fs, x);
                fs.emit(Op::Not, sp);
                self.trunc(fs, t, sp);
            }
            UnaryOp::Recv => {
                self.expr(fs, x);
                self.call_native(fs, "chan.recv", 1, sp);
            }
            UnaryOp::Tilde => self.unsupported(sp, "~"),
        }
    }

    /// Re-normalises a sized integer after 64-bit arithmetic.
    pub fn trunc(&mut self, fs: &mut FnState, t: TypeId, sp: Span) {
        if let Some(k) = self.int_kind(t)
            && !matches!(k, IntKind::I64 | IntKind::U64)
        {
            fs.emit(Op::Trunc(k), sp);
        }
        if self.is_float32(t) {
            fs.emit(Op::RoundF32, sp);
        }
        if self.basic(t) == Some(BasicKind::Complex64) {
            self.complex_op(fs, ComplexOp::Round64, sp);
        }
    }

    fn binary(&mut self, fs: &mut FnState, e: &'a Expr, op: BinaryOp, x: &'a Expr, y: &'a Expr) {
        let sp = e.span;
        match op {
            BinaryOp::LAnd | BinaryOp::LOr => {
                let end = fs.b.new_label();
                self.expr(fs, x);
                fs.emit(Op::Dup, sp);
                let j = if op == BinaryOp::LAnd { Op::JumpIfFalse(0) } else { Op::JumpIfTrue(0) };
                fs.b.emit_jump(j, end, sp);
                fs.emit(Op::Pop, sp);
                self.expr(fs, y);
                fs.b.bind(end);
                return;
            }
            BinaryOp::Eql | BinaryOp::Neq | BinaryOp::Lss | BinaryOp::Leq | BinaryOp::Gtr | BinaryOp::Geq => {
                return self.comparison(fs, op, x, y, sp);
            }
            _ => {}
        }
        let t = self.ty(e);
        self.expr(fs, x);
        self.expr(fs, y);
        if self.tt.is_string(t) {
            fs.emit(Op::Concat, sp);
            return;
        }
        if self.tt.is_float(t) || self.is_complex(t) {
            return self.arith(fs, op, t, sp);
        }
        if !self.tt.is_integer(t) {
            return self.unsupported(sp, "this operator's operand type");
        }
        let unsigned = self.tt.is_unsigned(t);
        let o = match op {
            BinaryOp::Add => Op::AddI,
            BinaryOp::Sub => Op::SubI,
            BinaryOp::Mul => Op::MulI,
            BinaryOp::Quo if unsigned => Op::DivU,
            BinaryOp::Quo => Op::DivI,
            BinaryOp::Rem if unsigned => Op::RemU,
            BinaryOp::Rem => Op::RemI,
            BinaryOp::And => Op::And,
            BinaryOp::Or => Op::Or,
            BinaryOp::Xor => Op::Xor,
            BinaryOp::AndNot => Op::AndNot,
            BinaryOp::Shl => Op::Shl,
            BinaryOp::Shr if unsigned => Op::ShrU,
            BinaryOp::Shr => Op::ShrI,
            _ => return self.unsupported(sp, "this operator"),
        };
        fs.emit(o, sp);
        self.trunc(fs, t, sp);
    }

    fn comparison(&mut self, fs: &mut FnState, op: BinaryOp, x: &'a Expr, y: &'a Expr, sp: Span) {
        let xt = self.ty(x);
        let yt = self.ty(y);
        // Mixed interface/concrete comparisons compare as interfaces.
        let (ct, conv_x, conv_y) = if self.is_iface(xt) && !self.is_iface(yt) {
            (xt, false, true)
        } else if self.is_iface(yt) && !self.is_iface(xt) {
            (yt, true, false)
        } else {
            (xt, false, false)
        };
        self.expr(fs, x);
        if conv_x {
            self.implicit(fs, xt, ct, x.span);
        }
        self.expr(fs, y);
        if conv_y {
            self.implicit(fs, yt, ct, y.span);
        }
        let nilish = self.basic(xt) == Some(BasicKind::UntypedNil) || self.basic(yt) == Some(BasicKind::UntypedNil);
        let ops: [Op; 6] = if nilish || !matches!(self.under(ct), Type::Basic(_)) {
            [Op::Eq, Op::Ne, Op::Eq, Op::Eq, Op::Eq, Op::Eq]
        } else if self.tt.is_string(ct) {
            [Op::EqS, Op::NeS, Op::LtS, Op::LeS, Op::GtS, Op::GeS]
        } else if self.tt.is_float(ct) {
            [Op::EqF, Op::NeF, Op::LtF, Op::LeF, Op::GtF, Op::GeF]
        } else if self.tt.is_unsigned(ct) {
            [Op::EqI, Op::NeI, Op::LtU, Op::LeU, Op::GtU, Op::GeU]
        } else if self.tt.is_integer(ct) || self.tt.is_boolean(ct) {
            [Op::EqI, Op::NeI, Op::LtI, Op::LeI, Op::GtI, Op::GeI]
        } else {
            [Op::Eq, Op::Ne, Op::Eq, Op::Eq, Op::Eq, Op::Eq]
        };
        let o = match op {
            BinaryOp::Eql => ops[0],
            BinaryOp::Neq => ops[1],
            BinaryOp::Lss => ops[2],
            BinaryOp::Leq => ops[3],
            BinaryOp::Gtr => ops[4],
            _ => ops[5],
        };
        fs.emit(o, sp);
    }

    pub fn assert_site(&mut self, target: TypeId, iface: TypeId, sp: Span) -> u32 {
        if !self.is_iface(target) {
            self.ensure_methods(target, sp);
        }
        let t = self.rtype(target);
        let i = self.rtype(iface);
        self.bc.add_assert(t, i)
    }
}

/// Literals and calls produce fresh aggregates that need no copy.
fn is_fresh(e: &Expr) -> bool {
    matches!(e.unparen().kind, ExprKind::CompositeLit { .. } | ExprKind::Call { .. })
}
