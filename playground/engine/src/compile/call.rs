//! Calls: user functions, methods (static and through interfaces),
//! function values, natives, builtins and conversions. Arguments are
//! converted to the parameter types, variadic tails packed into a slice.

use super::Compiler;
use super::func::FnState;
use crate::ast::{Expr, ExprKind};
use crate::check::info::{CallKind, FuncRef, Selection, Use};
use crate::chunk::{Op, PrintKind};
use crate::vm::complex::ComplexOp;
use crate::rtype::Callee;
use crate::span::Span;
use crate::types::{BasicKind, Signature, Type, TypeId};
use crate::universe::Builtin;

/// What a call pushes before its arguments and how it is invoked.
enum Target {
    Func(u32),
    Native(u32),
    Value,
    Iface(u32),
}

impl<'a> Compiler<'a> {
    /// `deferred`: compile for `defer`/`go`: push a function value and the
    /// arguments, and return the argument count instead of calling.
    pub fn call(&mut self, fs: &mut FnState, e: &'a Expr, fun: &'a Expr, args: &'a [Expr], ellipsis: bool, deferred: bool) -> Option<u16> {
        let sp = e.span;
        match self.ex.calls.get(&e.id).cloned() {
            Some(CallKind::Conversion(t)) => {
                if deferred {
                    self.unsupported(sp, "defer of a conversion");
                    return None;
                }
                if let Some(a) = args.first() {
                    self.conversion(fs, a, t, sp);
                }
                None
            }
            Some(CallKind::Builtin(b)) => {
                if deferred {
                    return self.deferred_builtin(fs, e, b, args, sp);
                }
                self.builtin(fs, e, b, args, ellipsis);
                None
            }
            Some(CallKind::Call { spread, ellipsis }) => self.real_call(fs, e, fun, args, spread, ellipsis, deferred),
            None => {
                self.unsupported(sp, "this call");
                None
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn real_call(&mut self, fs: &mut FnState, e: &'a Expr, fun: &'a Expr, args: &'a [Expr], spread: bool, ellipsis: bool, deferred: bool) -> Option<u16> {
        let sp = e.span;
        let fun_u = self.method_instance_selector(fun.unparen());
        let fty = self.ty(fun_u);
        let Some(sig) = self.tt.signature(fty).cloned() else {
            self.unsupported(sp, "call of a non-function");
            return None;
        };
        // The callee and receiver.
        let mut recv_args = 0u16;
        let target = match (&fun_u.kind, self.ex.selections.get(&fun_u.id).cloned(), self.ex.uses.get(&fun_u.id).cloned()) {
            (ExprKind::Selector { x, .. }, Some(Selection::Method { path, func, ptr_recv, addr, deref, recv, expr: false, .. }), _) => {
                let callee = self.callee_of(&func);
                if deferred {
                    match callee {
                        Some(Callee::Func(f)) => fs.emit(Op::FuncValue(f), sp),
                        Some(Callee::Native(n)) => {
                            let f = self.native_value(n, sig.params.len() as u16 + 1, sig.results.len() as u16, sp)?;
                            fs.emit(Op::FuncValue(f), sp)
                        }
                        None => {}
                    }
                }
                self.receiver(fs, x, &path, ptr_recv, addr, deref, recv, sp);
                recv_args = 1;
                match callee {
                    Some(Callee::Func(f)) => Target::Func(f),
                    Some(Callee::Native(n)) => Target::Native(n),
                    None => {
                        let name = match &func {
                            FuncRef::Native(n) => n.clone(),
                            _ => "method".into(),
                        };
                        self.unsupported(sp, &name);
                        return None;
                    }
                }
            }
            (ExprKind::Selector { x, .. }, Some(Selection::IfaceMethod { path, name, expr: false, .. }), _) => {
                let mid = self.bc.method_id(&name);
                if deferred {
                    // Bind the interface receiver into a closure.
                    self.expr(fs, x);
                    for i in &path {
                        fs.emit(Op::Field(*i as u16), sp);
                    }
                    let key = format!("iface{mid}_{}_{}", sig.params.len(), sig.results.len());
                    let f = self.bound_method(key, sig.params.len() as u16, sig.results.len() as u16, Some(mid), None, sp)?;
                    fs.emit(Op::MakeClosure { func: f, ncap: 1 }, sp);
                    Target::Value
                } else {
                    self.expr(fs, x);
                    for i in &path {
                        fs.emit(Op::Field(*i as u16), sp);
                    }
                    recv_args = 1;
                    Target::Iface(mid)
                }
            }
            (_, None, Some(Use::Func(f))) => match self.callee_of(&f) {
                Some(Callee::Func(i)) => {
                    if deferred {
                        fs.emit(Op::FuncValue(i), sp);
                    }
                    Target::Func(i)
                }
                Some(Callee::Native(n)) => {
                    if deferred {
                        let f = self.native_value(n, sig.params.len() as u16, sig.results.len() as u16, sp)?;
                        fs.emit(Op::FuncValue(f), sp);
                    }
                    Target::Native(n)
                }
                None => {
                    let name = match &f {
                        FuncRef::Native(n) => n.clone(),
                        _ => "function".into(),
                    };
                    self.unsupported(fun.span, &name);
                    return None;
                }
            },
            _ => {
                self.expr(fs, fun);
                Target::Value
            }
        };
        let argc = self.args(fs, &sig, args, spread, ellipsis, sp)? + recv_args;
        if deferred {
            return Some(argc);
        }
        // Go attributes a call to the line of its `(`.
        let sp = Span { start: fun.span.end, end: e.span.end.max(fun.span.end) };
        match target {
            Target::Func(f) => fs.emit(Op::Call(f), sp),
            Target::Native(n) => {
                let name = self.bc.natives.get(n as usize).map(|x| x.name.clone()).unwrap_or_default();
                match crate::stdlib::runtime_op(&name, argc) {
                    Some(op) => fs.emit(op, sp),
                    None if name == "runtime/pprof.(*Profile).WriteTo" => {
                        let f = self.native_value(n, argc, 1, sp)?;
                        fs.emit(Op::Call(f), sp)
                    }
                    None => fs.emit(Op::CallNative { id: n, argc }, sp),
                }
            }
            Target::Value => fs.emit(Op::CallValue(argc), sp),
            Target::Iface(m) => fs.emit(Op::CallIface { method: m, argc: argc - 1 }, sp),
        }
        None
    }

    /// Pushes the arguments converted to the parameters; returns the count.
    fn args(&mut self, fs: &mut FnState, sig: &Signature, args: &'a [Expr], spread: bool, ellipsis: bool, sp: Span) -> Option<u16> {
        let np = sig.params.len();
        let param = |i: usize| -> TypeId {
            if sig.variadic && i + 1 >= np {
                sig.params.last().copied().unwrap_or(TypeId(0))
            } else {
                sig.params.get(i).copied().unwrap_or(TypeId(0))
            }
        };
        if spread {
            // f(g()): spill g's results, then convert each.
            let a = args.first()?;
            let Type::Tuple(ts) = self.tt.get(self.ty(a)).clone() else { return None };
            self.expr(fs, a);
            let slots: Vec<u16> = ts.iter().map(|_| fs.new_slot()).collect();
            for s in slots.iter().rev() {
                fs.emit(Op::SetLocal(*s), sp);
            }
            let fixed = if sig.variadic { np - 1 } else { np };
            for (i, s) in slots.iter().enumerate().take(fixed) {
                fs.emit(Op::GetLocal(*s), sp);
                self.implicit(fs, ts[i], param(i), sp);
            }
            if sig.variadic {
                let st = param(np - 1);
                let et = self.tt.elem(st).unwrap_or(TypeId(0));
                let eid = self.rtype(et);
                fs.emit(Op::PushNil, sp);
                let extra = slots.len().saturating_sub(fixed);
                for (i, s) in slots.iter().enumerate().skip(fixed) {
                    fs.emit(Op::GetLocal(*s), sp);
                    self.implicit(fs, ts[i], et, sp);
                }
                if extra > 0 {
                    fs.emit(Op::Append { elem: eid, n: extra as u16 }, sp);
                }
            }
            return Some(np as u16);
        }
        if sig.variadic && !ellipsis {
            let fixed = np - 1;
            for (i, a) in args.iter().enumerate().take(fixed) {
                self.expr_to(fs, a, param(i));
            }
            let st = param(np - 1);
            let et = self.tt.elem(st).unwrap_or(TypeId(0));
            let eid = self.rtype(et);
            fs.emit(Op::PushNil, sp);
            let extra = &args[fixed.min(args.len())..];
            for a in extra {
                self.expr_to(fs, a, et);
            }
            if !extra.is_empty() {
                fs.emit(Op::Append { elem: eid, n: extra.len() as u16 }, sp);
            }
            return Some(np as u16);
        }
        for (i, a) in args.iter().enumerate() {
            self.expr_to(fs, a, param(i));
        }
        Some(args.len() as u16)
    }

    /// `defer`/`go` of a builtin: wrap `panic(v)` and `print`s; others
    /// are rare in lessons.
    fn deferred_builtin(&mut self, fs: &mut FnState, _e: &'a Expr, b: Builtin, args: &'a [Expr], sp: Span) -> Option<u16> {
        if b == Builtin::Panic
            && let Some(a) = args.first()
        {
            let id = self.native_id("builtin.panic")?;
            fs.emit(Op::FuncValue(id | crate::vm::NATIVE_FUNC_BIT), sp);
            self.expr_owned(fs, a);
            let at = self.ty(a);
            self.box_as_any(fs, at, sp);
            return Some(1);
        }
        if matches!(b, Builtin::Print | Builtin::Println) {
            // A helper taking the evaluated arguments prints them.
            let kinds: Vec<PrintKind> = args.iter().map(|a| self.print_kind(self.ty(a))).collect();
            let key = format!("print:{:?}:{:?}", b, kinds);
            let f = match self.helper(&key) {
                Some(f) => f,
                None => {
                    let mut cb = crate::chunk::ChunkBuilder::new();
                    for (i, k) in kinds.iter().enumerate() {
                        if i > 0 && b == Builtin::Println {
                            cb.emit(Op::Print(PrintKind::Space), sp);
                        }
                        cb.emit(Op::GetLocal(i as u16), sp);
                        cb.emit(Op::Print(*k), sp);
                    }
                    if b == Builtin::Println {
                        cb.emit(Op::Print(PrintKind::Newline), sp);
                    }
                    cb.emit(Op::Ret(0), sp);
                    let chunk = cb.finish().ok()?;
                    let n = args.len() as u16;
                    let f = self.bc.add_func(crate::vm::Function::new("main.main.deferwrap", n, n, 0, chunk));
                    self.set_helper(key, f);
                    f
                }
            };
            fs.emit(Op::FuncValue(f), sp);
            for a in args {
                self.expr_owned(fs, a);
            }
            return Some(args.len() as u16);
        }
        if b == Builtin::Close
            && let Some(a) = args.first()
        {
            let key = "defer:close".to_string();
            let f = match self.helper(&key) {
                Some(f) => f,
                None => {
                    let id = crate::runtime::request::sys::CHAN_CLOSE;
                    let mut cb = crate::chunk::ChunkBuilder::new();
                    cb.emit(Op::GetLocal(0), sp);
                    cb.emit(Op::Sys { id, argc: 1 }, sp);
                    cb.emit(Op::Ret(0), sp);
                    let chunk = cb.finish().ok()?;
                    let f = self.bc.add_func(crate::vm::Function::new("main.main.deferwrap", 1, 1, 0, chunk));
                    self.set_helper(key, f);
                    f
                }
            };
            fs.emit(Op::FuncValue(f), sp);
            self.expr(fs, a);
            return Some(1);
        }
        self.unsupported(sp, "defer of this builtin");
        None
    }

    /// The function value of native `n` for `defer`/`go`: the native
    /// itself, or for a runtime operation compiled to an instruction
    /// ([`crate::stdlib::runtime_op`]) a bytecode wrapper around it.
    fn native_value(&mut self, n: u32, nparams: u16, nresults: u16, sp: Span) -> Option<u32> {
        let name = self.bc.natives.get(n as usize).map(|x| x.name.clone()).unwrap_or_default();
        let key = format!("opwrap:{name}:{nparams}");
        if let Some(f) = self.helper(&key) {
            return Some(f);
        }
        let mut cb = crate::chunk::ChunkBuilder::new();
        if name == "runtime/pprof.(*Profile).WriteTo" {
            // (p, w, debug): the process makes the text, a native writes it.
            let write = self.native_id("runtime/pprof.writeText")?;
            cb.emit(Op::GetLocal(1), sp);
            cb.emit(Op::GetLocal(0), sp);
            cb.emit(Op::GetLocal(2), sp);
            cb.emit(Op::Sys { id: crate::runtime::request::sys::PPROF_TEXT, argc: 2 }, sp);
            cb.emit(Op::CallNative { id: write, argc: 2 }, sp);
        } else {
            let op = match crate::stdlib::runtime_op(&name, nparams) {
                Some(op) => op,
                // A goroutine must start in a bytecode frame.
                None if self.in_go_stmt => Op::CallNative { id: n, argc: nparams },
                None => return Some(n | crate::vm::NATIVE_FUNC_BIT),
            };
            for i in 0..nparams {
                cb.emit(Op::GetLocal(i), sp);
            }
            cb.emit(op, sp);
        }
        cb.emit(Op::Ret(nresults), sp);
        let chunk = cb.finish().ok()?;
        let f = self.bc.add_func(crate::vm::Function::new(name, nparams, nparams, nresults, chunk));
        self.set_helper(key, f);
        Some(f)
    }

    /// Boxes a value into an interface unless it is one already.
    pub fn box_as_any(&mut self, fs: &mut FnState, from: TypeId, sp: Span) {
        if self.is_iface(from) || self.basic(from) == Some(BasicKind::UntypedNil) {
            return;
        }
        self.ensure_methods(from, sp);
        let id = self.rtype(from);
        fs.emit(Op::ToIface(id), sp);
    }

    fn builtin(&mut self, fs: &mut FnState, e: &'a Expr, b: Builtin, args: &'a [Expr], ellipsis: bool) {
        let sp = e.span;
        let t = self.ty(e);
        let arg_t = |c: &Self, i: usize| args.get(i).map(|a| c.ty(a)).unwrap_or(TypeId(0));
        match b {
            Builtin::Len | Builtin::Cap => {
                let Some(a) = args.first() else { return };
                let at = self.ty(a);
                if let Type::Pointer(inner) = self.under(at).clone()
                    && let Type::Array(_, n) = self.under(inner)
                {
                    let n = *n;
                    self.expr_discard(fs, a);
                    self.push_int(fs, n, sp);
                    return;
                }
                self.expr(fs, a);
                fs.emit(if b == Builtin::Len { Op::Len } else { Op::Cap }, sp);
            }
            Builtin::Append => {
                let Some(s) = args.first() else { return };
                let st = self.ty(s);
                let et = self.tt.elem(st).unwrap_or(TypeId(0));
                let eid = self.rtype(et);
                self.expr(fs, s);
                if ellipsis {
                    if let Some(x) = args.get(1) {
                        self.expr(fs, x);
                        fs.emit(Op::AppendSlice(eid), sp);
                    }
                    return;
                }
                let rest = &args[1..];
                for a in rest {
                    self.expr_to(fs, a, et);
                }
                if !rest.is_empty() {
                    fs.emit(Op::Append { elem: eid, n: rest.len() as u16 }, sp);
                }
            }
            Builtin::Copy => {
                for a in args {
                    self.expr(fs, a);
                }
                fs.emit(Op::Copy, sp);
            }
            Builtin::Delete => {
                let mt = arg_t(self, 0);
                let kt = match self.under(mt) {
                    Type::Map(k, _) => *k,
                    _ => TypeId(0),
                };
                if let (Some(m), Some(k)) = (args.first(), args.get(1)) {
                    self.expr(fs, m);
                    self.expr_to(fs, k, kt);
                    fs.emit(Op::MapDelete, sp);
                }
            }
            Builtin::Make => match self.under(t).clone() {
                Type::Slice(et) => {
                    let eid = self.rtype(et);
                    match args.get(1) {
                        Some(l) => self.expr(fs, l),
                        None => fs.emit(Op::PushInt(0), sp),
                    }
                    match args.get(2) {
                        Some(c) => self.expr(fs, c),
                        None => fs.emit(Op::Dup, sp),
                    }
                    fs.emit(Op::MakeSlice(eid), sp);
                }
                Type::Map(..) => {
                    let id = self.rtype(t);
                    match args.get(1) {
                        Some(h) => self.expr(fs, h),
                        None => fs.emit(Op::PushInt(0), sp),
                    }
                    fs.emit(Op::MakeMap(id), sp);
                }
                Type::Chan(_, et) => {
                    let eid = self.rtype(et);
                    self.push_int(fs, eid as i64, sp);
                    match args.get(1) {
                        Some(n) => self.expr(fs, n),
                        None => fs.emit(Op::PushInt(0), sp),
                    }
                    self.call_native(fs, "chan.make", 2, sp);
                }
                _ => self.unsupported(sp, "make of this type"),
            },
            Builtin::New => {
                let et = self.tt.elem(t).unwrap_or(TypeId(0));
                match args.first() {
                    // Go 1.26: new(expr) allocates a copy of the value.
                    Some(a) if !matches!(self.ex.uses.get(&a.unparen().id), Some(Use::Type(_))) && !self.is_type_expr(a) => self.expr_to(fs, a, et),
                    _ => self.zero_value(fs, et, sp),
                }
                if self.is_aggregate(et) {
                    fs.emit(Op::Addr, sp);
                } else {
                    fs.emit(Op::NewCell, sp);
                }
            }
            Builtin::Panic => {
                if let Some(a) = args.first() {
                    self.expr_owned(fs, a);
                    let at = self.ty(a);
                    self.box_as_any(fs, at, sp);
                }
                fs.emit(Op::Panic, sp);
            }
            Builtin::Recover => fs.emit(Op::Recover, sp),
            Builtin::Print | Builtin::Println => {
                for (i, a) in args.iter().enumerate() {
                    if i > 0 && b == Builtin::Println {
                        fs.emit(Op::Print(PrintKind::Space), sp);
                    }
                    let at = self.ty(a);
                    self.expr(fs, a);
                    fs.emit(Op::Print(self.print_kind(at)), sp);
                }
                if b == Builtin::Println {
                    fs.emit(Op::Print(PrintKind::Newline), sp);
                }
            }
            Builtin::Min | Builtin::Max => {
                let name = if b == Builtin::Min { "builtin.min" } else { "builtin.max" };
                let kind = if self.tt.is_string(t) {
                    "s"
                } else if self.tt.is_float(t) {
                    "f"
                } else if self.tt.is_unsigned(t) {
                    "u"
                } else {
                    "i"
                };
                let Some(id) = self.native_id(&format!("{name}.{kind}")) else { return self.unsupported(sp, name) };
                for a in args {
                    self.expr_to(fs, a, t);
                }
                fs.emit(Op::CallNative { id, argc: args.len() as u16 }, sp);
            }
            Builtin::Clear => {
                if let Some(a) = args.first() {
                    self.expr(fs, a);
                }
                fs.emit(Op::Clear, sp);
            }
            Builtin::Close => {
                if let Some(a) = args.first() {
                    self.expr(fs, a);
                }
                self.call_native(fs, "chan.close", 1, sp);
            }
            // Constant calls were folded by the checker; these are the rest.
            Builtin::Complex => {
                let part = self.tt.basic(if self.basic(t) == Some(BasicKind::Complex64) { BasicKind::Float32 } else { BasicKind::Float64 });
                for a in args {
                    self.expr_to(fs, a, part);
                }
                self.complex_op(fs, ComplexOp::Make, sp);
            }
            Builtin::Real | Builtin::Imag => {
                if let Some(a) = args.first() {
                    self.expr(fs, a);
                }
                self.complex_op(fs, if b == Builtin::Real { ComplexOp::Real } else { ComplexOp::Imag }, sp);
            }
        }
    }

    fn print_kind(&self, at: TypeId) -> PrintKind {
        match self.under(at) {
            Type::Basic(k) if k.is_boolean() => PrintKind::Bool,
            Type::Basic(k) if k.is_unsigned() => PrintKind::Uint,
            Type::Basic(k) if k.is_integer() => PrintKind::Int,
            Type::Basic(BasicKind::Float32) => PrintKind::Float32,
            Type::Basic(k) if k.is_float() => PrintKind::Float64,
            Type::Basic(BasicKind::Complex64) => PrintKind::Complex64,
            Type::Basic(k) if k.is_complex() => PrintKind::Complex128,
            Type::Basic(k) if k.is_string() => PrintKind::String,
            Type::Basic(BasicKind::UntypedNil) => PrintKind::Pointer,
            Type::Interface(_) => PrintKind::Iface,
            _ => PrintKind::Pointer,
        }
    }

    /// `T(x)`.
    fn conversion(&mut self, fs: &mut FnState, a: &'a Expr, to: TypeId, sp: Span) {
        let from = self.ty(a);
        if self.is_iface(to) {
            self.expr_to(fs, a, to);
            return;
        }
        let fu = self.under(from).clone();
        let tu = self.under(to).clone();
        self.expr(fs, a);
        match (&fu, &tu) {
            (Type::Basic(f), Type::Basic(t)) => {
                let (f, t) = (*f, *t);
                if t.is_string() && f.is_integer() {
                    fs.emit(Op::RuneToStr, sp);
                } else if t.is_integer() && f.is_integer() {
                    self.trunc(fs, to, sp);
                } else if t.is_float() && f.is_integer() {
                    fs.emit(if f.is_unsigned() { Op::UintToFloat } else { Op::IntToFloat }, sp);
                    self.trunc(fs, to, sp);
                } else if t.is_integer() && f.is_float() {
                    if let Some(k) = self.int_kind(to) {
                        fs.emit(Op::FloatToInt(k), sp);
                    }
                } else if t.is_float() && f.is_float() {
                    self.trunc(fs, to, sp);
                } else if t.is_complex() && f.is_complex() {
                    // complex128 to complex64 rounds each part.
                    self.trunc(fs, to, sp);
                }
            }
            (Type::Basic(t), Type::Slice(e)) if t.is_string() => {
                if self.basic(*e) == Some(BasicKind::Uint8) {
                    fs.emit(Op::StrToBytes, sp);
                } else {
                    fs.emit(Op::StrToRunes, sp);
                }
            }
            (Type::Slice(e), Type::Basic(t)) if t.is_string() => {
                if self.basic(*e) == Some(BasicKind::Uint8) {
                    fs.emit(Op::BytesToStr, sp);
                } else {
                    fs.emit(Op::RunesToStr, sp);
                }
            }
            (Type::Slice(_), Type::Array(_, n)) => fs.emit(Op::SliceToArray(*n as u32), sp),
            (Type::Slice(_), Type::Pointer(p)) if matches!(self.under(*p), Type::Array(..)) => {
                let Type::Array(_, n) = self.under(*p).clone() else { return };
                fs.emit(Op::SliceToArrayPtr(n as u32), sp);
            }
            _ => {
                if self.is_aggregate(to) && !matches!(a.unparen().kind, ExprKind::CompositeLit { .. } | ExprKind::Call { .. }) {
                    fs.emit(Op::Clone, sp);
                }
            }
        }
    }
}
