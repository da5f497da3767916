//! One function being compiled: its chunk builder, where each variable
//! lives (a frame slot, a slot holding a heap cell for escaping variables,
//! a closure capture, a package variable's cell), and the loop/label stack
//! for `break` and `continue`.

use super::Compiler;
use crate::ast;
use crate::check::info::{FuncId, GlobalId, VarId};
use crate::chunk::{ChunkBuilder, Label, Op};
use crate::span::Span;
use crate::types::TypeId;
use crate::vm::{Function, ResultSlot};
use rustc_hash::FxHashMap as HashMap;

/// Where a variable's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarLoc {
    Slot(u16),
    /// The slot holds a pointer to the variable's heap cell.
    Boxed(u16),
    /// Capture `i` of the running closure: a pointer to the cell.
    Capture(u16),
    /// A package variable: the global holds a pointer to its cell.
    Global(u32),
}

pub struct LoopCtx {
    pub label: Option<String>,
    pub brk: Label,
    /// `None` for `switch`/`select` (break only).
    pub cont: Option<Label>,
}

pub(crate) struct FnState {
    pub b: ChunkBuilder,
    pub fid: FuncId,
    pub vars: HashMap<VarId, VarLoc>,
    pub nlocals: u16,
    pub loops: Vec<LoopCtx>,
    /// The label on the statement being compiled next.
    pub pending_label: Option<String>,
    /// The jump target of each label `goto` may name, made at its first
    /// use (a `goto` may jump forward to a label not compiled yet).
    pub goto_labels: HashMap<String, Label>,
    /// Result slots (named results, or hidden slots when `defer` is used).
    pub results: Vec<ResultSlot>,
    pub result_types: Vec<TypeId>,
    pub named_results: bool,
    pub has_defer: bool,
    /// Fallthrough target of the current case body.
    pub fallthrough: Option<Label>,
    /// As tracebacks print it (`main.f`, `main.main.func1`).
    pub name: String,
    pub is_lit: bool,
    /// Function literals numbered so far (Go's `func1`, `func2`, `1`...).
    pub lits: u32,
    /// Range-over-func loop bodies numbered so far (`-range1`...).
    pub ranges: u32,
    /// Compiling a range-over-func loop body: its loops and hidden
    /// variables (`rangefunc.rs`).
    pub range: Option<std::rc::Rc<super::rangefunc::RangeBody>>,
    /// The result variables (named, or hidden `#rv` ones), where a loop
    /// body's `return` stores.
    pub result_vars: Vec<Option<VarId>>,
    /// Labels declared in this function's own code, outside its
    /// range-over-func loop bodies: where a body's `goto` may lead.
    pub direct_labels: Vec<String>,
    /// Sends whose value Go passes by its heap address (`Function::send_elems`).
    pub send_elems: Vec<(u32, crate::vm::SendElem)>,
}

impl FnState {
    pub fn new(fid: FuncId) -> FnState {
        FnState {
            b: ChunkBuilder::new(),
            fid,
            vars: HashMap::default(),
            nlocals: 0,
            loops: Vec::new(),
            pending_label: None,
            goto_labels: HashMap::default(),
            results: Vec::new(),
            result_types: Vec::new(),
            named_results: false,
            has_defer: false,
            fallthrough: None,
            name: String::new(),
            is_lit: false,
            lits: 0,
            ranges: 0,
            range: None,
            result_vars: Vec::new(),
            direct_labels: Vec::new(),
            send_elems: Vec::new(),
        }
    }

    /// The name Go gives the next function literal in this function.
    pub fn next_lit_name(&mut self) -> String {
        self.lits += 1;
        if self.is_lit { format!("{}.{}", self.name, self.lits) } else { format!("{}.func{}", self.name, self.lits) }
    }

    pub fn new_slot(&mut self) -> u16 {
        self.nlocals = self.nlocals.saturating_add(1);
        self.nlocals - 1
    }

    pub fn emit(&mut self, op: Op, span: Span) {
        self.b.emit(op, span);
    }

    /// Compiles a function body; `None` if a diagnostic was reported.
    pub fn compile_body<'a>(&mut self, c: &mut Compiler<'a>, recv: Option<&'a ast::Field>, ty: &'a ast::FuncType, body: &'a ast::Block) -> Option<Function> {
        let finfo = c.info.funcs.get(self.fid.0 as usize)?.clone();
        // Captures first: they are not slots.
        for (i, v) in finfo.captures.iter().enumerate() {
            self.vars.insert(*v, VarLoc::Capture(i as u16));
        }
        let mut params: Vec<(Option<VarId>, Span)> = Vec::new();
        if let Some(r) = recv {
            if r.names.is_empty() {
                params.push((None, r.span));
            }
            for n in &r.names {
                params.push((c.ex.defs.get(&n.span.start).copied(), n.span));
            }
        }
        for f in &ty.params {
            if f.names.is_empty() {
                params.push((None, f.span));
            }
            for n in &f.names {
                params.push((c.ex.defs.get(&n.span.start).copied(), n.span));
            }
        }
        let nparams = params.len() as u16;
        for (v, _) in &params {
            let s = self.new_slot();
            if let Some(v) = v {
                self.vars.insert(*v, VarLoc::Slot(s));
            }
        }
        let sig = c.tt.signature(finfo.sig).cloned();
        self.result_types = sig.as_ref().map(|s| s.results.clone()).unwrap_or_default();
        self.has_defer = contains_defer(&body.stmts);
        // A value receiver of aggregate type that the body may modify is
        // copied first: interface calls pass the shared box's object.
        if let Some(r) = recv
            && let Some(Some(v)) = params.first().map(|p| p.0)
            && c.info.vars.get(v.0 as usize).is_some_and(|vi| c.is_aggregate(vi.ty))
            && super::mutation::mutates(c.info, c.ex, v, &body.stmts)
        {
            self.emit(Op::GetLocal(0), r.span);
            self.emit(Op::Clone, r.span);
            self.emit(Op::SetLocal(0), r.span);
        }
        // Boxed parameters move into cells at entry.
        for (v, sp) in &params {
            if let Some(v) = v
                && c.boxed.contains(v)
                && let Some(VarLoc::Slot(s)) = self.vars.get(v).copied()
            {
                self.emit(Op::GetLocal(s), *sp);
                self.emit(Op::NewCell, *sp);
                self.emit(Op::SetLocal(s), *sp);
                self.vars.insert(*v, VarLoc::Boxed(s));
            }
        }
        // Results: named ones are variables; with defer, unnamed ones get
        // hidden slots so the VM can hold them while deferred calls run.
        let mut ri = 0;
        for f in &ty.results {
            let names: Vec<Option<&ast::Name>> = if f.names.is_empty() { vec![None] } else { f.names.iter().map(Some).collect() };
            for n in names {
                let rt = self.result_types.get(ri).copied().unwrap_or(TypeId(0));
                // An unnamed result a loop body returns through (`#rv1`).
                let hidden = c.info.range_results.get(&self.fid).and_then(|vs| vs.get(ri).copied());
                ri += 1;
                let v = n.and_then(|n| c.ex.defs.get(&n.span.start).copied()).or(hidden);
                self.result_vars.push(v);
                if n.is_some() {
                    self.named_results = true;
                }
                if v.is_none() && !self.has_defer {
                    continue;
                }
                let s = self.new_slot();
                let sp = n.map_or(f.span, |n| n.span);
                let boxed = v.is_some_and(|v| c.boxed.contains(&v));
                c.zero_value(self, rt, sp);
                if boxed {
                    self.emit(Op::NewCell, sp);
                }
                self.emit(Op::SetLocal(s), sp);
                if let Some(v) = v {
                    self.vars.insert(v, if boxed { VarLoc::Boxed(s) } else { VarLoc::Slot(s) });
                }
                self.results.push(ResultSlot { local: s, boxed });
            }
        }
        self.direct_labels = super::rangefunc::direct_labels(c, &body.stmts);
        self.stmts(c, &body.stmts);
        // Falling off the end: only possible without results.
        if self.result_types.is_empty() {
            self.emit(Op::Ret(0), body.rbrace);
        } else if self.named_results || self.has_defer {
            self.return_named(c, body.rbrace);
        } else {
            // Unreachable (the checker requires a terminating statement).
            self.emit(Op::Ret(0), body.rbrace);
        }
        let b = std::mem::take(&mut self.b);
        let chunk = match b.finish() {
            Ok(ch) => ch,
            Err(e) => {
                c.unsupported(body.span, &format!("internal compiler error: {e}"));
                return None;
            }
        };
        let mut f = Function::new(String::new(), nparams, self.nlocals, self.result_types.len() as u16, chunk);
        if self.has_defer && !self.result_types.is_empty() && self.results.len() == self.result_types.len() {
            f.result_slots = self.results.clone();
        }
        f.send_elems = std::mem::take(&mut self.send_elems);
        Some(f)
    }

    /// `return` with no operands in a function with results: push the
    /// result variables.
    pub fn return_named(&mut self, c: &mut Compiler, span: Span) {
        let n = self.result_types.len();
        if self.results.len() != n {
            c.unsupported(span, "return without values here");
            return;
        }
        for rs in self.results.clone() {
            self.emit(Op::GetLocal(rs.local), span);
            if rs.boxed {
                self.emit(Op::Load, span);
            }
        }
        self.emit(Op::Ret(n as u16), span);
    }

    /// Declares a local variable at its defining name: gives it a slot.
    pub fn declare(&mut self, c: &Compiler, name_start: u32) -> Option<(VarId, VarLoc)> {
        let v = *c.ex.defs.get(&name_start)?;
        let s = self.new_slot();
        let loc = if c.boxed.contains(&v) { VarLoc::Boxed(s) } else { VarLoc::Slot(s) };
        self.vars.insert(v, loc);
        Some((v, loc))
    }

    /// Stores the value on top of the stack into a freshly declared
    /// variable (a boxed one gets a new cell: per-iteration semantics).
    pub fn init_var(&mut self, loc: VarLoc, span: Span) {
        match loc {
            VarLoc::Slot(s) => self.emit(Op::SetLocal(s), span),
            VarLoc::Boxed(s) => {
                self.emit(Op::NewCell, span);
                self.emit(Op::SetLocal(s), span);
            }
            VarLoc::Capture(_) | VarLoc::Global(_) => self.emit(Op::Pop, span),
        }
    }

    pub fn var_loc(&self, v: VarId) -> Option<VarLoc> {
        self.vars.get(&v).copied()
    }


    /// Where the value of `ch <- value` lives when Go passes it to
    /// `chansend` by address in the heap (`compile/capture.rs`): a
    /// variable Go captures by value lives in the closure, one it captures
    /// by reference or an escaping local in its cell, a field reached
    /// through a pointer in the pointee. `None` when Go copies the value
    /// to the stack first, or it lives outside the heap.
    pub fn send_elem(&self, c: &Compiler, value: &ast::Expr) -> Option<crate::vm::SendElem> {
        use crate::ast::ExprKind;
        use crate::check::info::{Selection, Use};
        use crate::vm::SendElem;
        let mut e = value.unparen();
        // Through fields of a struct variable to the variable, or to the
        // pointer whose pointee holds them.
        let mut through_pointer = false;
        while let ExprKind::Selector { x, .. } = &e.kind {
            match c.ex.selections.get(&e.id) {
                Some(Selection::Field { indirect, .. }) => {
                    through_pointer = *indirect;
                    e = x.unparen();
                    if through_pointer {
                        break;
                    }
                }
                _ => return None,
            }
        }
        let ExprKind::Ident(_) = &e.kind else { return None };
        let Some(Use::Local(v)) = c.ex.uses.get(&e.id) else { return None };
        match *self.vars.get(v)? {
            VarLoc::Capture(i) if through_pointer || c.by_ref.contains(v) => Some(SendElem::Capture(i)),
            VarLoc::Capture(_) => Some(SendElem::Env),
            VarLoc::Boxed(s) => Some(SendElem::Local(s)),
            VarLoc::Slot(s) if through_pointer => Some(SendElem::Local(s)),
            VarLoc::Slot(_) | VarLoc::Global(_) => None,
        }
    }

    /// Pushes a variable's value.
    pub fn load_var(&mut self, loc: VarLoc, span: Span) {
        match loc {
            VarLoc::Slot(s) => self.emit(Op::GetLocal(s), span),
            VarLoc::Boxed(s) => {
                self.emit(Op::GetLocal(s), span);
                self.emit(Op::Load, span);
            }
            VarLoc::Capture(i) => self.emit(Op::LoadCapture(i), span),
            VarLoc::Global(g) => {
                self.emit(Op::GetGlobal(g), span);
                self.emit(Op::Load, span);
            }
        }
    }

    /// Pushes a pointer to a variable's cell (`&x` of a boxed variable).
    pub fn var_addr(&mut self, loc: VarLoc, span: Span) -> bool {
        match loc {
            VarLoc::Slot(_) => return false,
            VarLoc::Boxed(s) => self.emit(Op::GetLocal(s), span),
            VarLoc::Capture(i) => self.emit(Op::GetCapture(i), span),
            VarLoc::Global(g) => self.emit(Op::GetGlobal(g), span),
        }
        true
    }

    /// Stores the value on top of the stack into a variable.
    pub fn store_var(&mut self, loc: VarLoc, span: Span) {
        match loc {
            VarLoc::Slot(s) => self.emit(Op::SetLocal(s), span),
            VarLoc::Boxed(s) => {
                self.emit(Op::GetLocal(s), span);
                self.emit(Op::Swap, span);
                self.emit(Op::Store, span);
            }
            VarLoc::Capture(i) => self.emit(Op::StoreCapture(i), span),
            VarLoc::Global(g) => {
                self.emit(Op::GetGlobal(g), span);
                self.emit(Op::Swap, span);
                self.emit(Op::Store, span);
            }
        }
    }

    /// A package-level initializer `a, b = rhs`.
    pub fn init_assign<'a>(&mut self, c: &mut Compiler<'a>, lhs: &[Option<GlobalId>], rhs: &'a ast::Expr) {
        if lhs.len() == 1 {
            let dst = lhs[0].and_then(|g| c.info.globals.get(g.0 as usize)).map(|g| g.ty);
            match dst {
                Some(t) => c.expr_to(self, rhs, t),
                None => c.expr_discard(self, rhs),
            }
            if let Some(g) = lhs[0] {
                self.store_var(VarLoc::Global(g.0), rhs.span);
            }
            return;
        }
        c.expr(self, rhs);
        for g in lhs.iter().rev() {
            match g {
                Some(g) => self.store_var(VarLoc::Global(g.0), rhs.span),
                None => self.emit(Op::Pop, rhs.span),
            }
        }
    }
}

fn contains_defer(stmts: &[ast::Stmt]) -> bool {
    use ast::StmtKind::*;
    stmts.iter().any(|s| match &s.kind {
        Defer(_) => true,
        Labeled { stmt, .. } => contains_defer(std::slice::from_ref(stmt)),
        Block(b) => contains_defer(&b.stmts),
        If { then, els, .. } => contains_defer(&then.stmts) || els.as_ref().is_some_and(|e| contains_defer(std::slice::from_ref(e))),
        Switch { clauses, .. } | TypeSwitch { clauses, .. } => clauses.iter().any(|c| contains_defer(&c.body)),
        Select { clauses, .. } => clauses.iter().any(|c| contains_defer(&c.body)),
        For { body, .. } | Range { body, .. } => contains_defer(&body.stmts),
        _ => false,
    })
}
