//! Range over functions (Go 1.23 iterators): `for x := range seq` where
//! `seq` is a `func(yield func(...) bool)`.
//!
//! Checking follows go/types: `rangeKeyVal`'s `*Signature` case gives the
//! iteration variables' types or the cause of an error. The body is then
//! checked as what cmd/compile's rangefunc rewrite
//! (`cmd/compile/internal/rangefunc/rewrite.go`) turns it into: a closure
//! `func(k K, v V) bool` that the iterator calls as `yield`. So it gets a
//! function of its own (its locals are the closure's, and every variable of
//! the enclosing function it uses is captured, as for a function literal),
//! while `return` and labels still belong to the enclosing function. The
//! hidden variables of the rewrite are made here, as variables captured
//! like any other: `#stateN` per loop, and per function `#next`,
//! `#defers` and, when a body returns values from a function whose
//! results are unnamed, `#rv1`... The compiler (`compile/rangefunc.rs`)
//! emits the rewrite's code over them.

use super::*;
use crate::ast::ExprId;
use crate::types::{Signature, Type};

/// A loop body `begin_range_body` opened, for `end_range_body`.
pub(super) struct OpenBody {
    body: FuncId,
    state: VarId,
    next: VarId,
    depth: usize,
    /// Whether the function had deferred in an earlier loop.
    defer_seen_before: bool,
}

/// The hidden variables a function's range-over-func loops share.
#[derive(Default)]
pub(super) struct FuncVars {
    next: Option<VarId>,
    defers: Option<VarId>,
    results: Option<Vec<VarId>>,
    /// A `defer` was seen in a loop body since the outermost loop began.
    defer_seen: bool,
}

impl<'a> Checker<'a> {
    /// go/types' `rangeKeyVal` for an iterator: the types of the yield
    /// function's parameters, or why `sig` is not an iterator.
    pub(super) fn range_func_params(&mut self, sig: &Signature) -> Result<Vec<TypeId>, String> {
        const MUST: &str = "func must be func(yield func(...) bool)";
        if sig.params.len() != 1 {
            return Err(format!("{MUST}: wrong argument count"));
        }
        if !sig.results.is_empty() {
            return Err(format!("{MUST}: unexpected results"));
        }
        let Some(cb) = self.tt.signature(sig.params[0]).cloned() else {
            return Err(format!("{MUST}: argument is not func"));
        };
        if cb.params.len() > 2 {
            return Err(format!("{MUST}: yield func has too many parameters"));
        }
        let bool_t = self.tt.basic(BasicKind::Bool);
        if cb.results.len() != 1 || cb.results[0] != bool_t {
            return Err(if cb.results.len() == 1 && self.tt.is_boolean(cb.results[0]) {
                format!("{MUST}: yield func returns user-defined boolean, not bool")
            } else {
                format!("{MUST}: yield func does not return bool")
            });
        }
        if cb.variadic {
            let t = self.tt.intern(Type::Func(cb.clone()));
            return Err(format!("yield func of type {} cannot be variadic", self.type_str(t)));
        }
        Ok(cb.params)
    }

    /// The enclosing function proper (not a loop body): its context.
    fn real_func(&self) -> Option<&FuncCtx> {
        self.fstack.iter().rev().find(|f| !f.range_body)
    }

    fn real_func_mut(&mut self) -> Option<&mut FuncCtx> {
        self.fstack.iter_mut().rev().find(|f| !f.range_body)
    }

    /// Inside a range-over-func loop body (not in a function literal in it).
    pub(super) fn in_range_body(&self) -> bool {
        self.fstack.last().is_some_and(|f| f.range_body)
    }

    /// The signature and named-results flag `return` checks against.
    pub(super) fn return_target(&self) -> Option<(TypeId, bool)> {
        self.real_func().map(|f| (f.sig, f.has_named_results))
    }

    /// The function whose labels a branch statement names.
    pub(super) fn label_owner(&mut self) -> Option<&mut FuncCtx> {
        self.real_func_mut()
    }

    fn hidden_var(&mut self, name: &str, ty: TypeId, owner: FuncId) -> VarId {
        let vid = VarId(self.info.vars.len() as u32);
        self.info.vars.push(VarInfo { name: name.to_string(), ty, func: owner, escapes: true });
        vid
    }

    /// Opens the body of `for ... range x` (x a valid iterator) as a
    /// closure; the iteration variables are declared after this, in it.
    pub(super) fn begin_range_body(&mut self, params: &[TypeId]) -> Option<OpenBody> {
        let parent = self.fstack.last()?.func;
        let depth = 1 + self.fstack.iter().rev().take_while(|f| f.range_body).count();
        let int = self.tt.basic(BasicKind::Int);
        let real = self.real_func()?.func;
        let next = match self.real_func().and_then(|f| f.rf.next) {
            Some(v) => v,
            None => {
                let v = self.hidden_var("#next", int, real);
                if let Some(f) = self.real_func_mut() {
                    f.rf.next = Some(v);
                }
                v
            }
        };
        let state = self.hidden_var("#state", int, parent);
        let defer_seen_before = if depth == 1 {
            self.real_func_mut().map(|f| std::mem::take(&mut f.rf.defer_seen)).unwrap_or(false)
        } else {
            false
        };
        let bool_t = self.tt.basic(BasicKind::Bool);
        let sig = self.tt.intern(Type::Func(Signature { params: params.to_vec(), results: vec![bool_t], variadic: false }));
        let name = format!("{}-range", self.info.funcs.get(parent.0 as usize).map_or("", |f| f.name.as_str()));
        let fid = self.new_func_info(name, None, sig);
        self.fstack.push(FuncCtx::new(fid, sig, true));
        // Every body reads its own state and `#next` (after an inner loop).
        self.note_capture(state);
        self.note_capture(next);
        Some(OpenBody { body: fid, state, next, depth, defer_seen_before })
    }

    /// Closes the body opened by `begin_range_body` and records the loop.
    pub(super) fn end_range_body(&mut self, x: ExprId, params: Vec<TypeId>, opened: OpenBody) {
        let OpenBody { body, state, next, depth, defer_seen_before } = opened;
        if let Some(fc) = self.fstack.pop() {
            self.report_unused(&fc.locals);
        }
        let mut defers = None;
        if depth == 1
            && let Some(f) = self.real_func_mut()
        {
            if f.rf.defer_seen {
                defers = f.rf.defers;
            }
            f.rf.defer_seen |= defer_seen_before;
        }
        if self.recording() {
            self.info.ex.range_funcs.insert(x, RangeFunc { body, params, state, next, defers });
        }
    }

    /// A `defer` in a loop body defers to the enclosing function
    /// (`runtime.deferprocat` with the `#defers` token).
    pub(super) fn range_body_defer(&mut self) {
        if !self.in_range_body() {
            return;
        }
        let Some(real) = self.real_func().map(|f| f.func) else { return };
        let any = self.any_type;
        let v = match self.real_func().and_then(|f| f.rf.defers) {
            Some(v) => v,
            None => self.hidden_var("#defers", any, real),
        };
        if let Some(f) = self.real_func_mut() {
            f.rf.defers = Some(v);
            f.rf.defer_seen = true;
        }
        self.note_capture(v);
    }

    /// `return x, y` in a loop body assigns the enclosing function's
    /// results (named, or hidden `#rv` ones made here) before leaving.
    pub(super) fn range_body_return(&mut self) {
        if !self.in_range_body() {
            return;
        }
        let vars = match self.real_func().and_then(|f| f.rf.results.clone()) {
            Some(vs) => vs,
            None => {
                let Some(f) = self.real_func() else { return };
                let (real, sig, named) = (f.func, f.sig, f.has_named_results);
                let objs = f.result_objs.clone();
                let vs: Vec<VarId> = if named {
                    objs.iter()
                        .filter_map(|&o| match self.obj(o).kind {
                            ObjKind::Var { local: Some(v), .. } => Some(v),
                            _ => None,
                        })
                        .collect()
                } else {
                    let rts = self.tt.signature(sig).map(|s| s.results.clone()).unwrap_or_default();
                    let vs: Vec<VarId> = rts.iter().enumerate().map(|(i, &t)| self.hidden_var(&format!("#rv{}", i + 1), t, real)).collect();
                    self.info.range_results.insert(real, vs.clone());
                    vs
                };
                if let Some(f) = self.real_func_mut() {
                    f.rf.results = Some(vs.clone());
                }
                vs
            }
        };
        for v in vars {
            self.note_capture(v);
        }
    }
}
