//! Instantiation cycles (go/types' `mono.go`): a generic function or type
//! that instantiates itself, directly or through others, with ever larger
//! type arguments (`F[[]T]` inside `F[T]`, `List[T]` holding a
//! `*List[[]T]`) would need infinitely many instances. Every instantiation
//! adds edges from the type parameters its type arguments mention to the
//! type parameters they instantiate, weighted 0 when the argument is that
//! type parameter itself and 1 when it is a larger type; a cycle of
//! positive weight is Go's `instantiation cycle` error, reported with its
//! path as Go reports it.

use super::*;
use crate::types::Type;

#[derive(Default)]
pub(super) struct MonoGraph {
    vertices: Vec<Vertex>,
    edges: Vec<Edge>,
    /// Each type parameter's vertex.
    index: HashMap<TypeId, usize>,
}

struct Vertex {
    /// Weight of the heaviest known path to this vertex.
    weight: i64,
    /// The previous edge on that path, and its length.
    pre: usize,
    len: usize,
    tparam: TypeId,
}

struct Edge {
    dst: usize,
    src: usize,
    weight: i64,
    /// Where the instantiation is, and the type argument.
    pos: Span,
    typ: TypeId,
}

impl<'a> Checker<'a> {
    /// go/types' `recordInstance`: `tparams` instantiated with `targs`, the
    /// i-th at `spans[i]` when written, else at `pos`.
    pub(super) fn mono_record(&mut self, pos: Span, tparams: &[TypeId], targs: &[TypeId], spans: &[Span]) {
        if !self.recording() {
            return;
        }
        for (i, (&tp, &targ)) in tparams.iter().zip(targs).enumerate() {
            let at = spans.get(i).map(|s| Span { start: s.start, end: s.start + 1 }).unwrap_or(pos);
            let dst = self.mono_vertex(tp);
            let mut found = Vec::new();
            self.mono_tparams_in(targ, &mut found, 0);
            for q in found {
                let src = self.mono_vertex(q);
                let weight = if q == targ { 0 } else { 1 };
                self.mono.edges.push(Edge { dst, src, weight, pos: at, typ: targ });
            }
        }
    }

    fn mono_vertex(&mut self, tp: TypeId) -> usize {
        if let Some(&i) = self.mono.index.get(&tp) {
            return i;
        }
        let i = self.mono.vertices.len();
        self.mono.vertices.push(Vertex { weight: 0, pre: 0, len: 0, tparam: tp });
        self.mono.index.insert(tp, i);
        i
    }

    /// The type parameters `t` mentions.
    fn mono_tparams_in(&self, t: TypeId, out: &mut Vec<TypeId>, depth: u32) {
        if depth > 40 {
            return;
        }
        let d = depth + 1;
        match self.tt.get(t) {
            Type::TypeParam(_) if !out.contains(&t) => out.push(t),
            Type::TypeParam(_) => {}
            Type::Named(_) => {
                for a in self.tt.named_info(t).map(|n| n.targs.clone()).unwrap_or_default() {
                    self.mono_tparams_in(a, out, d);
                }
            }
            Type::Pointer(e) | Type::Slice(e) | Type::Array(e, _) | Type::Chan(_, e) => self.mono_tparams_in(*e, out, d),
            Type::Map(k, v) => {
                self.mono_tparams_in(*k, out, d);
                self.mono_tparams_in(*v, out, d);
            }
            Type::Struct(fs) => {
                for f in fs.clone() {
                    self.mono_tparams_in(f.ty, out, d);
                }
            }
            Type::Func(s) => {
                for p in s.params.iter().chain(&s.results) {
                    self.mono_tparams_in(*p, out, d);
                }
            }
            Type::Interface(ms) => {
                for m in ms.clone() {
                    self.mono_tparams_in(m.sig, out, d);
                }
            }
            _ => {}
        }
    }

    /// go/types' `monomorph`: Bellman-Ford for the heaviest paths; a path
    /// as long as there are vertices goes round a positive cycle.
    pub(super) fn monomorph(&mut self) {
        let n = self.mono.vertices.len();
        let mut again = true;
        while again {
            again = false;
            for i in 0..self.mono.edges.len() {
                let (src, dst, ew) = (self.mono.edges[i].src, self.mono.edges[i].dst, self.mono.edges[i].weight);
                let w = self.mono.vertices[src].weight + ew;
                if w <= self.mono.vertices[dst].weight {
                    continue;
                }
                let len = self.mono.vertices[src].len + 1;
                let v = &mut self.mono.vertices[dst];
                v.pre = i;
                v.len = len;
                if len >= n {
                    self.report_instance_loop(dst);
                    return;
                }
                v.weight = w;
                again = true;
            }
        }
    }

    fn report_instance_loop(&mut self, mut v: usize) {
        let mut stack = Vec::new();
        let mut seen = vec![false; self.mono.vertices.len()];
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            v = self.mono.edges[self.mono.vertices[v].pre].src;
        }
        while stack.first().is_some_and(|&s| s != v) {
            stack.remove(0);
        }
        let name_of = |c: &Self, tp: TypeId| c.tt.tparam_info(tp).map(|p| p.name.clone()).unwrap_or_default();
        let at = self.tparam_decl_span(self.mono.vertices[v].tparam);
        let mut msg = String::from("instantiation cycle:");
        for &s in &stack {
            let e = &self.mono.edges[self.mono.vertices[s].pre];
            let (pos, typ, dst) = (e.pos, e.typ, self.mono.vertices[e.dst].tparam);
            msg.push_str(&format!("\n\t{}: {} instantiated as {}", self.pos_string(pos), name_of(self, dst), self.type_str(typ)));
        }
        self.error(at, msg);
    }

    /// Where type parameter `tp` is declared (its name).
    fn tparam_decl_span(&self, tp: TypeId) -> Span {
        self.objs
            .iter()
            .find(|o| o.ty == tp && matches!(o.kind, ObjKind::TypeName) && o.span != Span::default())
            .map(|o| o.span)
            .unwrap_or_default()
    }
}
