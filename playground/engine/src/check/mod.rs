//! The type checker: resolves names, computes the type of every
//! expression, folds constants and reports Go's compile errors in Go's
//! (types2) words.
//!
//! Modelled on `go/types`: objects in nested scopes (universe, package,
//! file imports, function, blocks); package-level declarations resolved
//! lazily on first use, so their order in the file does not matter and
//! cycles are detected; function bodies checked afterwards. Standard library
//! packages are Go sources (`library/`) parsed by our own parser and
//! checked like user code, their body-less functions marked native and
//! their functions with bodies recorded for the compiler (library Go).
//! The result for the compiler is a `TypeInfo` (see `info.rs`).

mod assign;
mod builtins;
mod call;
mod decl;
mod expr;
mod index;
mod literals;
mod selector;
mod generic;
mod infer;
pub mod info;
mod instantiate;
mod mono;
mod typeset;
pub mod library;
mod packages;
mod rangefunc;
mod stmt;

#[cfg(test)]
mod tests;

use crate::ast;
use crate::constant::Value;
use crate::diag::Diagnostic;
use crate::span::Span;
use crate::types::{BasicKind, TypeId, TypeStyle, TypeTable};
use crate::universe::Builtin;
use expr::Mode;
use info::*;
use rustc_hash::FxHashMap as HashMap;

pub use info::{Checked, TypeInfo};

/// Go stops after this many errors and adds `too many errors`.
const MAX_ERRORS: usize = 10;

/// The linker's error for a program without `func main`.
const MISSING_MAIN: &str = "function main is undeclared in the main package";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ObjId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Unresolved,
    Resolving,
    Done,
}

#[derive(Clone, Debug)]
enum ObjKind {
    /// A variable: local (`VarId`) or package-level (`GlobalId`, or native
    /// for stub packages).
    Var {
        local: Option<VarId>,
        global: Option<GlobalId>,
    },
    Const(Value),
    TypeName,
    Func {
        func: Option<FuncRef>,
    },
    Builtin(Builtin),
    PkgName {
        pkg: usize,
        used: bool,
    },
    Nil,
}

#[derive(Clone, Copy)]
enum DeclRef<'a> {
    None,
    Const {
        ty: Option<&'a ast::Expr>,
        value: Option<&'a ast::Expr>,
        iota: u32,
    },
    Var {
        spec: &'a ast::VarSpec,
    },
    Type(&'a ast::TypeSpec),
    Func(&'a ast::FuncDecl),
}

struct Object<'a> {
    name: String,
    kind: ObjKind,
    ty: TypeId,
    pkg: usize,
    span: Span,
    state: State,
    decl: DeclRef<'a>,
    used: bool,
}

struct Scope {
    parent: Option<usize>,
    names: HashMap<String, ObjId>,
}

struct Package<'a> {
    /// The import path (`strings`, `unicode/utf8`).
    path: String,
    /// The package name (`utf8`).
    name: String,
    scope: usize,
    file: &'a ast::File,
    /// Whether this package is the user's program (record info, report
    /// diagnostics) or the library's.
    user: bool,
    /// Whether it holds Go to compile (the user's, or library Go with
    /// bodies): its info is recorded like the user's, its diagnostics
    /// still kept from the learner.
    go: bool,
    /// Whether declarations the program cannot reach were left out.
    partial: bool,
}

/// An enclosing loop, switch or select (the parser validates `break` and
/// `continue`; the checker only tracks nesting).
#[derive(Clone, Debug)]
struct Target;

/// Per-function checking context.
struct FuncCtx {
    func: FuncId,
    sig: TypeId,
    has_named_results: bool,
    result_objs: Vec<ObjId>,
    targets: Vec<Target>,
    /// Labels of this function: name -> (span, used).
    labels: HashMap<String, (Span, bool)>,
    /// Local objects declared here, to report unused ones.
    locals: Vec<ObjId>,
    /// A range-over-func loop body (`rangefunc.rs`): a closure for
    /// captures, part of its enclosing function for `return` and labels.
    range_body: bool,
    /// In a function (not a body): the hidden variables its
    /// range-over-func loops share.
    rf: rangefunc::FuncVars,
}

impl FuncCtx {
    /// A function's (or a range-over-func loop body's) context, empty.
    fn new(func: FuncId, sig: TypeId, range_body: bool) -> FuncCtx {
        FuncCtx {
            func,
            sig,
            has_named_results: false,
            result_objs: Vec::new(),
            targets: Vec::new(),
            labels: HashMap::default(),
            locals: Vec::new(),
            range_body,
            rf: rangefunc::FuncVars::default(),
        }
    }
}

pub(crate) struct Checker<'a> {
    tt: TypeTable,
    objs: Vec<Object<'a>>,
    scopes: Vec<Scope>,
    scope: usize,
    universe: usize,
    pkgs: Vec<Package<'a>>,
    cur_pkg: usize,
    diags: Vec<Diagnostic>,
    stub_diags: Vec<Diagnostic>,
    info: TypeInfo,
    fstack: Vec<FuncCtx>,
    /// The package-level object whose initializer or body is being
    /// checked: references it makes are its init dependencies.
    cur_decl: Option<ObjId>,
    deps: HashMap<ObjId, Vec<ObjId>>,
    /// Package-level var objects of the user package, in source order.
    pkg_vars: Vec<ObjId>,
    /// The universe's `error` type and `any`.
    error_type: TypeId,
    any_type: TypeId,
    iota: Option<i128>,
    lit_count: HashMap<String, u32>,
    /// Per package, its file scope (imports).
    file_scopes: Vec<usize>,
    /// Imports that repeat an earlier one's name: never usable, so Go
    /// also reports them as imported and not used.
    dup_imports: Vec<(Span, String)>,
    /// The TypeName object of each named type.
    named_objs: HashMap<TypeId, ObjId>,
    /// Method objects with their receiver's named type.
    method_objs: Vec<(TypeId, ObjId)>,
    /// Package-level initializers: (lhs objects, rhs expression).
    global_inits: Vec<(Vec<ObjId>, ast::ExprId)>,
    /// `v, ok` expressions used in a two-value context.
    comma_ok_used: rustc_hash::FxHashSet<ast::ExprId>,
    /// Why the last untyped conversion failed.
    not_representable: Option<crate::constant::Unrepresentable>,
    /// A label waiting for the loop/switch/select it names.
    pending_label: Option<String>,
    /// `byte` and `rune` are aliases of uint8 and int32 (one `TypeId` each),
    /// but Go's messages keep the spelling: expressions and variables known
    /// to be spelled `byte`/`rune` (string indexing, rune literals, `var b
    /// byte`, `byte(x)`) are remembered here for display only.
    aliases: HashMap<ast::ExprId, &'static str>,
    obj_alias: HashMap<ObjId, &'static str>,
    /// The alias the next `declare_local` gives its variable.
    pending_alias: Option<&'static str>,
    /// The alias the type of the variable declaration being checked is
    /// spelled with (`var b byte = 300`: Go says `as byte value`).
    decl_alias: Option<&'static str>,
    /// The host stack used since checking began (`crate::stack`).
    stack: crate::stack::Guard,
    /// Set once the budget was exceeded (reported once).
    too_deep: bool,
    /// The user's source, for positions inside messages and for tokens the
    /// AST does not keep (the `:=` of a short variable declaration).
    src: Option<&'a crate::span::SourceFile>,
    /// The library functions and methods whose bodies the program can
    /// reach, by their declaration's position (`LibFile::bodies`); the
    /// others' bodies are not checked.
    reached: rustc_hash::FxHashSet<u32>,
    // ----- generics (typeset.rs, instantiate.rs, infer.rs) -----
    /// Generic functions, by their object.
    generic_funcs: HashMap<ObjId, instantiate::GenericFunc<'a>>,
    /// Selectors of methods with type parameters of their own, waiting
    /// for the call or instantiation that gives them type arguments.
    generic_method_sels: HashMap<ast::ExprId, instantiate::GenericMethod>,
    /// Methods of generic types' instances that have type parameters of
    /// their own: the declaration's object each stands for.
    method_origins: HashMap<ObjId, ObjId>,
    /// Generic aliases (`type Vec[T any] = []T`): their type parameters.
    generic_aliases: HashMap<ObjId, Vec<TypeId>>,
    /// Instances of generic types, by generic type and type arguments.
    named_insts: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances of generic functions, by function and type arguments.
    inst_funcs: HashMap<(ObjId, Vec<TypeId>), FuncId>,
    /// Instances whose bodies are still to be checked.
    pending_insts: Vec<instantiate::PendingInst<'a>>,
    /// Instances of generic types made before the generic type was
    /// complete, to expand once it is.
    unexpanded: Vec<TypeId>,
    /// Instances of generic types that have their methods.
    methods_done: rustc_hash::FxHashSet<TypeId>,
    /// Type instantiations whose constraints are checked once every
    /// declaration is complete: type parameters, arguments, their spans.
    later_verify: Vec<(Vec<TypeId>, Vec<TypeId>, Vec<Span>)>,
    /// Map key types that are type parameters, checked for comparable
    /// once every constraint is known.
    later_map_keys: Vec<(TypeId, Span)>,
    /// The instantiation graph, for instantiation cycles (mono.rs).
    mono: mono::MonoGraph,
    /// How deep instances of generic types are being expanded inside one
    /// another (bounded: an instantiation cycle would never end).
    expand_depth: u32,
    /// Type parameters `unify` lets match any type (a call's own, while a
    /// generic argument's are inferred from its parameter's type).
    unify_wildcards: Vec<TypeId>,
    /// While > 0, diagnostics are dropped (an instance's body is checked
    /// again only to record its types).
    quiet: u32,
    /// While > 0, functions declared are generic code (never compiled).
    in_generic: u32,
    /// While > 0, a type expression may be a constraint interface.
    constraint_ok: u32,
}

/// Checks a parsed file. Diagnostics come in the order they were found
/// (which decides which ten Go prints); `merge_diagnostics` caps and sorts.
pub fn check_file(file: &ast::File, src: &crate::span::SourceFile) -> (Checked, Vec<Diagnostic>) {
    // The library packages the program imports, transitively.
    let libs = library::load(file, src);
    let mut c = Checker::new();
    c.stack = crate::stack::Guard::new();
    c.src = Some(src);
    let diags = c.run(file, &libs);
    let Checker { tt, info, .. } = c;
    (Checked { types: tt, info, libs }, diags)
}

/// Combines the parser's diagnostics (those after which Go still
/// type-checks) with the checker's, as `go build` would print them.
///
/// - Scanner errors on identifiers (`invalid character U+00A0 in
///   identifier`) end compilation in Go before type checking, so the
///   checker's follow-on `undefined:` errors are dropped.
/// - cmd/compile stops at the 10th error it reports (syntax errors first,
///   then type errors in checking order) and adds `too many errors` there;
///   the survivors are printed sorted by position.
pub fn merge_diagnostics(parse: Vec<Diagnostic>, check: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let scanner_stop = parse.iter().any(|d| {
        d.message.starts_with("invalid character")
            || d.message.starts_with("identifier cannot begin with digit")
    });
    let mut all = parse;
    if !scanner_stop {
        all.extend(check);
    }
    // The linker runs only when compilation succeeded.
    if all.len() > 1 {
        all.retain(|d| d.message != MISSING_MAIN);
    }
    // Exact repeats are one report.
    let mut seen: Vec<Diagnostic> = Vec::new();
    all.retain(|d| {
        if seen.contains(d) {
            false
        } else {
            seen.push(d.clone());
            true
        }
    });
    if all.len() >= MAX_ERRORS && !all.iter().any(|d| d.message == "too many errors") {
        let at = all[MAX_ERRORS - 1].span;
        all.truncate(MAX_ERRORS);
        all.push(Diagnostic::new(at, "too many errors"));
    }
    // Stable: `too many errors` stays after the error it follows.
    all.sort_by_key(|d| d.span.start);
    all
}

/// The diagnostics the stubs themselves produce (a test asserts none).
#[cfg(test)]
pub(crate) fn check_stubs() -> Vec<(String, Vec<Diagnostic>)> {
    let mut out = Vec::new();
    for path in crate::stdlib::PACKAGES.iter().map(|p| p.path) {
        let src = library::program_reaching_all(path);
        let sf = crate::span::SourceFile::new("prog.go", src);
        let (f, d) = crate::parser::parse_file(&sf);
        assert!(d.is_empty());
        let libs = library::load(&f, &sf);
        for l in &libs {
            let (_, sd) = crate::parser::parse_file_from(&l.source, 0);
            if !sd.is_empty() {
                out.push((l.path.clone(), sd));
            }
        }
        let mut c = Checker::new();
        c.src = Some(&sf);
        let _ = c.run(&f, &libs);
        if !c.stub_diags.is_empty() {
            out.push((path.to_string(), c.stub_diags.clone()));
        }
    }
    out
}

impl<'a> Checker<'a> {
    fn new() -> Checker<'a> {
        let mut c = Checker {
            tt: TypeTable::new(),
            objs: Vec::new(),
            scopes: vec![Scope {
                parent: None,
                names: HashMap::default(),
            }],
            scope: 0,
            universe: 0,
            pkgs: Vec::new(),
            cur_pkg: 0,
            diags: Vec::new(),
            stub_diags: Vec::new(),
            info: TypeInfo::default(),
            fstack: Vec::new(),
            cur_decl: None,
            deps: HashMap::default(),
            pkg_vars: Vec::new(),
            error_type: TypeId(0),
            any_type: TypeId(0),
            iota: None,
            lit_count: HashMap::default(),
            file_scopes: Vec::new(),
            dup_imports: Vec::new(),
            named_objs: HashMap::default(),
            method_objs: Vec::new(),
            global_inits: Vec::new(),
            comma_ok_used: Default::default(),
            not_representable: None,
            pending_label: None,
            src: None,
            reached: Default::default(),
            aliases: HashMap::default(),
            obj_alias: HashMap::default(),
            pending_alias: None,
            decl_alias: None,
            stack: crate::stack::Guard::new(),
            too_deep: false,
            generic_funcs: HashMap::default(),
            generic_aliases: HashMap::default(),
            method_origins: HashMap::default(),
            generic_method_sels: HashMap::default(),
            named_insts: HashMap::default(),
            inst_funcs: HashMap::default(),
            pending_insts: Vec::new(),
            unexpanded: Vec::new(),
            methods_done: Default::default(),
            later_verify: Vec::new(),
            later_map_keys: Vec::new(),
            mono: Default::default(),
            expand_depth: 0,
            unify_wildcards: Vec::new(),
            quiet: 0,
            in_generic: 0,
            constraint_ok: 0,
        };
        c.init_universe();
        c
    }

    fn init_universe(&mut self) {
        for (name, k) in crate::universe::BASIC_TYPES {
            let t = self.tt.basic(*k);
            self.declare_universe(name, ObjKind::TypeName, t);
        }
        // error: a named interface { Error() string }.
        let err = self.tt.new_named("error", "");
        let string = self.tt.basic(BasicKind::String);
        let sig = self.tt.func(vec![], vec![string], false);
        let iface = self.tt.intern(crate::types::Type::Interface(vec![
            crate::types::IfaceMethod {
                name: "Error".into(),
                sig,
            },
        ]));
        if let Some(n) = self.tt.named_info_mut(err) {
            n.underlying = iface;
        }
        self.error_type = err;
        self.declare_universe("error", ObjKind::TypeName, err);
        self.any_type = self.tt.empty_interface();
        self.declare_universe("any", ObjKind::TypeName, self.any_type);
        // comparable: a named constraint whose type set is the comparable
        // types.
        let cmp = self.tt.new_named("comparable", "");
        let set = self.tt.intern(crate::types::Type::Constraint(crate::types::TypeSet {
            methods: Vec::new(),
            terms: None,
            comparable: true,
            implicit: false,
        }));
        if let Some(n) = self.tt.named_info_mut(cmp) {
            n.underlying = set;
        }
        self.declare_universe("comparable", ObjKind::TypeName, cmp);
        let ub = self.tt.basic(BasicKind::UntypedBool);
        self.declare_universe("true", ObjKind::Const(Value::Bool(true)), ub);
        self.declare_universe("false", ObjKind::Const(Value::Bool(false)), ub);
        let ui = self.tt.basic(BasicKind::UntypedInt);
        self.declare_universe("iota", ObjKind::Const(Value::int(0)), ui);
        let un = self.tt.basic(BasicKind::UntypedNil);
        self.declare_universe("nil", ObjKind::Nil, un);
        for b in Builtin::ALL {
            self.declare_universe(b.name(), ObjKind::Builtin(b), TypeId(0));
        }
    }

    fn declare_universe(&mut self, name: &str, kind: ObjKind, ty: TypeId) {
        let id = self.new_obj(name, kind, ty, Span::default(), DeclRef::None);
        self.objs[id.0 as usize].state = State::Done;
        self.scopes[0].names.insert(name.to_string(), id);
    }

    fn new_obj(
        &mut self,
        name: &str,
        kind: ObjKind,
        ty: TypeId,
        span: Span,
        decl: DeclRef<'a>,
    ) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        self.objs.push(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg: self.cur_pkg,
            span,
            state: State::Unresolved,
            decl,
            used: false,
        });
        id
    }

    fn obj(&self, id: ObjId) -> &Object<'a> {
        &self.objs[id.0 as usize]
    }
    fn obj_mut(&mut self, id: ObjId) -> &mut Object<'a> {
        &mut self.objs[id.0 as usize]
    }

    // ----- scopes -----

    fn open_scope(&mut self) {
        let s = self.scopes.len();
        self.scopes.push(Scope {
            parent: Some(self.scope),
            names: HashMap::default(),
        });
        self.scope = s;
    }
    fn close_scope(&mut self) {
        if let Some(p) = self.scopes[self.scope].parent {
            self.scope = p;
        }
    }

    fn lookup(&self, name: &str) -> Option<ObjId> {
        let mut s = Some(self.scope);
        while let Some(i) = s {
            if let Some(&o) = self.scopes[i].names.get(name) {
                return Some(o);
            }
            s = self.scopes[i].parent;
        }
        None
    }

    /// Declares `obj` in the current scope; reports a redeclaration.
    fn declare(&mut self, name: &str, obj: ObjId, span: Span) -> bool {
        if name == "_" {
            return true;
        }
        if let Some(&prev) = self.scopes[self.scope].names.get(name) {
            let ps = self.pos_string(self.obj(prev).span);
            self.error(
                span,
                format!("{name} redeclared in this block\n\t{ps}: other declaration of {name}"),
            );
            return false;
        }
        self.scopes[self.scope].names.insert(name.to_string(), obj);
        true
    }

    // ----- diagnostics -----

    fn error(&mut self, span: Span, msg: impl Into<String>) {
        if self.quiet > 0 {
            return;
        }
        let d = Diagnostic::new(span, msg);
        if self.pkgs.get(self.cur_pkg).is_some_and(|p| p.user) {
            self.diags.push(d);
        } else {
            self.stub_diags.push(d);
        }
    }

    fn unsupported(&mut self, span: Span, what: &str) {
        self.error(
            span,
            format!("unsupported: {what} is not supported by this playground"),
        );
    }

    /// `./prog.go:4:5`, as positions appear inside multi-line messages.
    fn pos_string(&self, span: Span) -> String {
        match self.src {
            Some(f) => {
                let lc = f.line_col(span.start);
                format!(
                    "{}:{}:{}",
                    crate::diag::display_name(&f.name),
                    lc.line,
                    lc.col
                )
            }
            None => String::new(),
        }
    }

    /// The position of `tok` at or after `from` in the user's source.
    fn find_token(&self, from: u32, tok: &str) -> Option<Span> {
        let f = self.src?;
        let rest = f.text.get(from as usize..)?;
        let i = rest.find(tok)?;
        Some(Span::new(from as usize + i, from as usize + i + tok.len()))
    }

    /// Whether alias `a` (`byte`/`rune`) denotes type `t`.
    fn alias_fits(&self, a: &str, t: TypeId) -> bool {
        match a {
            "byte" => matches!(self.tt.get(t), crate::types::Type::Basic(BasicKind::Uint8)),
            "rune" => matches!(self.tt.get(t), crate::types::Type::Basic(BasicKind::Int32)),
            _ => false,
        }
    }

    /// Remembers that expression `e` of type `t` is spelled `a`.
    fn note_alias(&mut self, e: &ast::Expr, a: Option<&'static str>, t: TypeId) {
        if let Some(a) = a
            && self.alias_fits(a, t)
        {
            self.aliases.insert(e.unparen().id, a);
            self.aliases.insert(e.id, a);
        }
    }

    /// The alias a type expression is spelled with (`byte`, `rune`).
    fn type_expr_alias(&self, e: &ast::Expr) -> Option<&'static str> {
        let name = e.unparen().ident()?;
        let o = self.lookup(name)?;
        if self.obj(o).pkg != 0 || self.scopes[0].names.get(name) != Some(&o) {
            return None;
        }
        match name {
            "byte" => Some("byte"),
            "rune" => Some("rune"),
            _ => None,
        }
    }

    /// A type as messages print it for expression `e` (keeping `byte` and
    /// `rune` where the program spelled them).
    fn spelled(&self, t: TypeId, e: &ast::Expr) -> String {
        let a = self
            .aliases
            .get(&e.id)
            .or_else(|| self.aliases.get(&e.unparen().id));
        match a {
            Some(a) if self.alias_fits(a, t) => a.to_string(),
            _ => self.declared_sig(t, e).unwrap_or_else(|| self.type_str(t)),
        }
    }

    /// The type of a declared function named by `e` as go/types prints it:
    /// with its parameters' (and named results') names,
    /// `func(yield func(int) bool)`, which the interned type does not keep.
    fn declared_sig(&self, t: TypeId, e: &ast::Expr) -> Option<String> {
        let crate::types::Type::Func(sig) = self.tt.get(t) else { return None };
        let Some(Use::Func(FuncRef::User(f))) = self.info.ex.uses.get(&e.unparen().id) else { return None };
        let fi = self.info.funcs.get(f.0 as usize)?;
        let named_params = !fi.params.is_empty() && fi.params.len() == sig.params.len();
        let named_results = !fi.results.is_empty() && fi.results.len() == sig.results.len();
        if !(named_params || named_results) || fi.sig != t {
            return None;
        }
        let name = |v: &VarId| self.info.vars.get(v.0 as usize).map_or("_", |v| v.name.as_str());
        let mut params = Vec::new();
        for (i, &pt) in sig.params.iter().enumerate() {
            let ts = match self.tt.get(pt) {
                crate::types::Type::Slice(el) if sig.variadic && i + 1 == sig.params.len() => format!("...{}", self.type_str(*el)),
                _ => self.type_str(pt),
            };
            params.push(match fi.params.get(i) {
                Some(v) if named_params => format!("{} {ts}", name(v)),
                _ => ts,
            });
        }
        let mut s = format!("func({})", params.join(", "));
        let rs: Vec<String> = if named_results {
            fi.results.iter().zip(&sig.results).map(|(v, &rt)| format!("{} {}", name(v), self.type_str(rt))).collect()
        } else {
            sig.results.iter().map(|&rt| self.type_str(rt)).collect()
        };
        match rs.len() {
            0 => {}
            1 if fi.results.is_empty() => s.push_str(&format!(" {}", rs[0])),
            _ => s.push_str(&format!(" ({})", rs.join(", "))),
        }
        Some(s)
    }

    /// Whether recursion must stop here: the host stack budget is spent.
    /// Reports `unsupported: program nests too deeply` once.
    fn out_of_stack(&mut self, span: Span) -> bool {
        if self.too_deep || self.stack.exhausted() {
            if !self.too_deep {
                self.too_deep = true;
                self.error(span, crate::parser::NESTING_UNSUPPORTED);
            }
            return true;
        }
        false
    }

    fn recording(&self) -> bool {
        self.pkgs.get(self.cur_pkg).is_some_and(|p| p.go)
    }

    fn type_str(&self, t: TypeId) -> String {
        self.tt.type_string(t, TypeStyle::Checker)
    }

    // ----- recording -----

    fn record_type(&mut self, e: &ast::Expr, t: TypeId) {
        if self.recording() {
            self.info.ex.types.insert(e.id, t);
        }
    }
    fn record_const(&mut self, e: &ast::Expr, v: &Value) {
        if self.recording() {
            self.info.ex.consts.insert(e.id, v.clone());
        }
    }
    fn record_use(&mut self, e: &ast::Expr, u: Use) {
        if self.recording() {
            self.info.ex.uses.insert(e.id, u);
        }
    }

    // ----- functions and variables -----

    fn new_func_info(
        &mut self,
        name: String,
        lit: Option<ast::ExprId>,
        sig: TypeId,
    ) -> FuncId {
        let id = FuncId(self.info.funcs.len() as u32);
        self.info.funcs.push(FuncInfo {
            name,
            lit,
            sig,
            recv: None,
            params: Vec::new(),
            results: Vec::new(),
            locals: Vec::new(),
            captures: Vec::new(),
            is_init: false,
            library: !self.pkgs.get(self.cur_pkg).is_some_and(|p| p.user),
            generic: self.in_generic > 0,
            unreached: false,
        });
        id
    }

    /// Declares a local variable of the current function.
    fn declare_local(&mut self, name: &ast::Name, ty: TypeId, kind: VarKind) -> ObjId {
        let func = self.fstack.last().map(|f| f.func).unwrap_or(FuncId(0));
        let vid = VarId(self.info.vars.len() as u32);
        self.info.vars.push(VarInfo {
            name: name.name.clone(),
            ty,
            func,
            escapes: false,
        });
        if let Some(f) = self.info.funcs.get_mut(func.0 as usize) {
            match kind {
                VarKind::Receiver => f.recv = Some(vid),
                VarKind::Param => f.params.push(vid),
                VarKind::Result => f.results.push(vid),
                VarKind::Local => f.locals.push(vid),
            }
        }
        if self.recording() {
            self.info.ex.defs.insert(name.span.start, vid);
        }
        let obj = self.new_obj(
            &name.name,
            ObjKind::Var {
                local: Some(vid),
                global: None,
            },
            ty,
            name.span,
            DeclRef::None,
        );
        self.obj_mut(obj).state = State::Done;
        // Parameters and results never count as unused.
        if kind != VarKind::Local {
            self.obj_mut(obj).used = true;
        } else if let Some(f) = self.fstack.last_mut() {
            f.locals.push(obj);
        }
        if let Some(a) = self.pending_alias.take()
            && self.alias_fits(a, ty)
        {
            self.obj_alias.insert(obj, a);
        }
        if !self.declare(&name.name, obj, name.span) {
            // A redeclaration was reported; do not also call it unused.
            self.obj_mut(obj).used = true;
        }
        obj
    }

    /// Marks a local as escaping (address taken).
    fn mark_escapes(&mut self, obj: ObjId) {
        if let ObjKind::Var { local: Some(v), .. } = self.obj(obj).kind
            && let Some(vi) = self.info.vars.get_mut(v.0 as usize)
        {
            vi.escapes = true;
        }
    }

    /// Reports the unused locals of the function being finished.
    fn report_unused(&mut self, locals: &[ObjId]) {
        for &o in locals {
            let ob = self.obj(o);
            if !ob.used && ob.name != "_" {
                let (span, name) = (ob.span, ob.name.clone());
                self.error(span, format!("declared and not used: {name}"));
            }
        }
    }

    fn run(&mut self, file: &'a ast::File, libs: &'a [library::LibFile]) -> Vec<Diagnostic> {
        // Library packages first (in dependency order thanks to lazy
        // resolution), then the user's package.
        for library::LibFile { path, ast: f, has_go, partial, .. } in libs {
            let scope = self.scopes.len();
            self.scopes.push(Scope {
                parent: Some(self.universe),
                names: HashMap::default(),
            });
            let name = f.package.name.clone();
            self.pkgs.push(Package {
                path: path.clone(),
                name,
                scope,
                file: f,
                user: false,
                go: *has_go,
                partial: *partial,
            });
        }
        let scope = self.scopes.len();
        self.scopes.push(Scope {
            parent: Some(self.universe),
            names: HashMap::default(),
        });
        self.pkgs.push(Package {
            path: "main".into(),
            name: "main".into(),
            scope,
            file,
            user: true,
            go: true,
            partial: false,
        });
        let user_pkg = self.pkgs.len() - 1;
        for p in 0..self.pkgs.len() {
            self.collect_package(p);
        }
        for p in 0..self.pkgs.len() {
            self.resolve_package(p);
        }
        // Instantiations in package-level declarations are verified before
        // the bodies are checked (go/types' delayed actions run at the end
        // of each declaration).
        self.cur_pkg = user_pkg;
        self.expand_pending();
        self.verify_later();
        // Library Go's bodies, checked like the learner's (their
        // diagnostics kept apart).
        // Only the functions and methods the program can reach: the rest
        // of a package's Go costs time and memory for nothing.
        self.reached = libs.iter().flat_map(|l| l.bodies.iter().copied()).collect();
        for p in 0..user_pkg {
            if self.pkgs[p].go {
                self.cur_pkg = p;
                self.check_bodies(p);
            }
        }
        self.cur_pkg = user_pkg;
        self.check_bodies(user_pkg);
        self.expand_pending();
        self.verify_later();
        self.monomorph();
        // Each instance of a generic function or method, checked again
        // with its type arguments, for the compiler (instantiate.rs):
        // only for a program that compiles.
        if self.diags.is_empty() {
            self.check_instances();
        }
        self.cur_pkg = user_pkg;
        self.compute_init_order();
        // The linker's complaint, only when the program compiled (Go prints
        // it as `runtime.main_main·f: function main is undeclared in the
        // main package`, without a file position).
        if self.diags.is_empty() && self.info.main.is_none() && file.package.name == "main" {
            self.error(file.package.span, MISSING_MAIN);
        }
        std::mem::take(&mut self.diags)
    }
}

#[cfg(test)]
/// Convenience for tests and `lib.rs`: parse + check, returning rendered
/// diagnostics.
pub fn check_source(name: &str, src: &str) -> Result<Checked, Vec<String>> {
    let sf = crate::span::SourceFile::new(name, src);
    let (f, d) = crate::parser::parse_file(&sf);
    if !d.is_empty() {
        return Err(d.iter().map(|d| d.render(&sf)).collect());
    }
    let (checked, diags) = check_file(&f, &sf);
    let diags = merge_diagnostics(Vec::new(), diags);
    if diags.is_empty() {
        Ok(checked)
    } else {
        Err(diags.iter().map(|d| d.render(&sf)).collect())
    }
}
