//! The bytecode compiler: walks the checked AST with the checker's
//! [`TypeInfo`] side tables and emits the VM's type-specialised ops, one
//! span per instruction (the line table tracebacks read).
//!
//! Files: `mod.rs` (program-wide state: runtime type descriptors, function
//! and native numbering, method tables with their wrapper functions,
//! package initialisation), `func.rs` (one function: slots, boxed
//! variables, loop targets), `stmt.rs`, `expr.rs`, `call.rs` (calls,
//! builtins, conversions), `stdlib/` (the natives behind the checker's
//! stub packages) and `tests.rs`.
//!
//! Conventions (see also the VM's compiler obligations in `vm/mod.rs`):
//! - Escaping variables (captured, or address taken) live in heap cells;
//!   package variables always do, so `&global` is uniform.
//! - Aggregates are references to their object until bound elsewhere,
//!   where `expr_owned` copies them.
//! - Package initialisation is its own function `main.init`; each
//!   `func init()` and then `main.main` run as separate steps on the
//!   main goroutine (`process::run_steps`), as Go's `runtime.main` calls them.
//! - `go` statements, channel operations, `select` and the runtime calls
//!   that need the scheduler compile to `Op::Go` / `Op::Sys` requests the
//!   process serves (`crate::stdlib::runtime_op`), not to natives.
//!
//! Anything the compiler cannot translate yet is an `unsupported: ...`
//! diagnostic at its position, never a crash.

mod call;
mod capture;
#[cfg(test)]
mod tests;
mod expr;
pub(crate) mod func;
mod mutation;
mod rangefunc;
mod stmt;

use crate::ast::{self, Decl, ExprId, ExprKind};
use crate::check::info::{ExprInfo, FuncId, FuncRef, TypeInfo, VarId};
use crate::chunk::{ChunkBuilder, Op};
use crate::diag::Diagnostic;
use crate::rtype::{self, Callee, Kind, Method, TypeDesc};
use crate::span::{SourceFile, Span};
use crate::types::{BasicKind, Type, TypeId, TypeStyle, TypeTable};
use crate::value::IntKind;
use crate::vm::{Bytecode, Function};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub(crate) use func::FnState;

/// The functions a run calls in order: package initialisation (variables
/// and `init` functions), then `main.main`.
#[derive(Clone, Debug, Default)]
pub struct EntryPoints {
    /// `main.init`: package variables in dependency order.
    pub init: u32,
    /// The `func init()`s, in source order (run as the runtime does,
    /// each called directly, so tracebacks show `main.init.0` alone).
    pub inits: Vec<u32>,
    pub main: Option<u32>,
}

/// Compiles a checked file to bytecode.
pub fn compile(file: &SourceFile, ast: &ast::File, checked: &crate::check::info::Checked) -> Result<(Bytecode, EntryPoints), Vec<Diagnostic>> {
    let mut c = Compiler::new(file, ast, &checked.types, &checked.info);
    c.reflect = checked.libs.iter().any(|l| crate::stdlib::walks_fields(&l.path));
    // Library Go is compiled with the program: the packages it imports
    // that have bodies, their lines read from their own files.
    for lib in checked.libs.iter().filter(|l| l.has_go) {
        c.libs.push(&lib.ast);
        c.bc.lib_files.push(lib.source.clone());
    }
    let entry = c.compile_all();
    crate::stdlib::mark_reentering(&mut c.bc);
    if !c.diags.is_empty() {
        let mut d = std::mem::take(&mut c.diags);
        crate::diag::sort_and_dedup(&mut d);
        return Err(d);
    }
    Ok((c.bc, entry))
}

pub(crate) struct Compiler<'a> {
    pub tt: &'a TypeTable,
    pub info: &'a TypeInfo,
    /// The expression tables of the code being compiled: the program's,
    /// or an instance's while one of its functions is compiled.
    pub ex: &'a ExprInfo,
    pub ast: &'a ast::File,
    /// The library files with Go bodies the program imports.
    pub libs: Vec<&'a ast::File>,
    pub bc: Bytecode,
    pub diags: Vec<Diagnostic>,
    type_ids: HashMap<TypeId, u32>,
    /// Bytecode index of each checker function.
    pub func_ids: HashMap<FuncId, u32>,
    natives: HashMap<String, u32>,
    /// Variables that live in heap cells.
    pub boxed: HashSet<VarId>,
    /// Captured variables Go captures by reference (`capture.rs`).
    pub by_ref: HashSet<VarId>,
    /// Generated helpers (method wrappers, bound methods), by a key.
    helpers: HashMap<String, u32>,
    /// Compiling the call of a `go` statement: a native callee needs a
    /// bytecode wrapper (a goroutine must start in a frame; a native
    /// would run at once, in the spawning goroutine).
    pub in_go_stmt: bool,
    /// Whether method tables were filled for a runtime type.
    methods_done: HashSet<u32>,
    /// Runtime type id → checker type, for method tables.
    rt_to_tt: HashMap<u32, TypeId>,
    /// The host stack used since compiling began (`crate::stack`).
    stack: crate::stack::Guard,
    /// Set once the stack was used up (reported once).
    too_deep: bool,
    /// The program imports a package whose natives walk values by
    /// their fields and methods as reflect would (`encoding/json`):
    /// struct types carry their fields' names and tags, and a named
    /// type's pointer type its method table (`UnmarshalJSON` on `*T`).
    pub reflect: bool,
}

impl<'a> Compiler<'a> {
    fn new(file: &SourceFile, ast: &'a ast::File, tt: &'a TypeTable, info: &'a TypeInfo) -> Compiler<'a> {
        let mut boxed: HashSet<VarId> = info.vars.iter().enumerate().filter(|(_, v)| v.escapes).map(|(i, _)| VarId(i as u32)).collect();
        for f in &info.funcs {
            boxed.extend(f.captures.iter().copied());
        }
        let mut bc = Bytecode::new(file.clone());
        crate::stdlib::register(&mut bc);
        Compiler {
            tt,
            info,
            ex: &info.ex,
            ast,
            libs: Vec::new(),
            bc,
            diags: Vec::new(),
            type_ids: HashMap::default(),
            func_ids: HashMap::default(),
            natives: HashMap::default(),
            boxed,
            by_ref: capture::by_reference(info, ast),
            helpers: HashMap::default(),
            in_go_stmt: false,
            methods_done: HashSet::default(),
            rt_to_tt: HashMap::default(),
            stack: crate::stack::Guard::new(),
            too_deep: false,
            reflect: false,
        }
    }

    /// Whether recursion must stop here: the host stack budget is spent
    /// (the parser's `MAX_DEPTH` keeps real programs far from it).
    pub fn out_of_stack(&mut self, span: Span) -> bool {
        if self.too_deep || self.stack.exhausted() {
            if !self.too_deep {
                self.too_deep = true;
                self.diags.push(Diagnostic::new(span, crate::stack::NESTING_UNSUPPORTED));
            }
            return true;
        }
        false
    }

    pub fn unsupported(&mut self, span: Span, what: &str) {
        self.diags.push(Diagnostic::new(span, format!("unsupported: {what}")));
    }

    fn compile_all(&mut self) -> EntryPoints {
        // Number every function first so calls can refer forward.
        for (i, f) in self.info.funcs.iter().enumerate() {
            let name = if f.library { f.name.clone() } else { go_func_name(&f.name) };
            let idx = self.bc.add_func(Function::new(name, 0, 0, 0, Default::default()));
            self.func_ids.insert(FuncId(i as u32), idx);
        }
        // Name the program's `init` functions as Go does: main.init.0,
        // main.init.1... (the library's keep their package's name).
        let user_inits = self.info.inits.iter().filter(|f| !self.info.funcs.get(f.0 as usize).is_some_and(|f| f.library));
        for (n, fid) in user_inits.enumerate() {
            if let Some(&idx) = self.func_ids.get(fid) {
                self.bc.funcs[idx as usize].name = format!("main.init.{n}");
            }
        }
        self.bc.nglobals = self.info.globals.len() as u32 + crate::stdlib::SCRATCH_GLOBALS;
        crate::stdlib::add_trampolines(&mut self.bc, self.info.globals.len() as u32);
        let files: Vec<&'a ast::File> = self.libs.iter().copied().chain([self.ast]).collect();
        for d in files.iter().flat_map(|f| &f.decls) {
            if let Decl::Func(fd) = d {
                let Some(&fid) = self.info.func_defs.get(&fd.name.span.start) else { continue };
                let Some(body) = &fd.body else { continue };
                // A generic function compiles once per instance, below;
                // library Go the program cannot reach not at all.
                if !fd.tparams.is_empty() || self.info.funcs.get(fid.0 as usize).is_some_and(|f| f.generic || f.unreached) {
                    continue;
                }
                self.compile_func(fid, fd.recv.as_ref(), &fd.ty, body, fd.span);
            }
        }
        // Each instance of a generic function or method: its declaration's
        // code with the instance's tables (monomorphisation).
        for inst in &self.info.instances {
            let decl = files.iter().flat_map(|f| &f.decls).find_map(|d| match d {
                Decl::Func(fd) if fd.name.span.start == inst.decl_name => Some(fd),
                _ => None,
            });
            let Some(fd) = decl else { continue };
            let Some(body) = &fd.body else { continue };
            let saved = self.ex;
            self.ex = &inst.ex;
            self.compile_func(inst.func, fd.recv.as_ref(), &fd.ty, body, fd.span);
            self.ex = saved;
        }
        let init = self.compile_init();
        // Last: reuses the types the program made (ids are canonical).
        self.stub_runtime_types();
        let main = self.info.main.and_then(|m| self.func_ids.get(&m).copied());
        let inits = self
            .info
            .inits
            .iter()
            .filter(|f| !self.info.funcs.get(f.0 as usize).is_some_and(|f| f.library))
            .filter_map(|f| self.func_ids.get(f).copied())
            .collect();
        EntryPoints { init, inits, main }
    }

    /// Compiles one declared function or literal into its preassigned slot.
    pub fn compile_func(&mut self, fid: FuncId, recv: Option<&'a ast::Field>, ty: &'a ast::FuncType, body: &'a ast::Block, span: Span) {
        let Some(&idx) = self.func_ids.get(&fid) else { return };
        let name = self.bc.funcs[idx as usize].name.clone();
        let mut fs = FnState::new(fid);
        fs.name = name.clone();
        fs.is_lit = self.info.funcs.get(fid.0 as usize).is_some_and(|f| f.lit.is_some());
        let f = fs.compile_body(self, recv, ty, body);
        if let Some(mut f) = f {
            f.name = name;
            f.span = span;
            self.bc.funcs[idx as usize] = f;
        }
    }

    /// The package initialiser `main.init`: boxes every global (so `&g`
    /// works uniformly), zeroes them, runs the initializers in the
    /// checker's order, then the `init` functions.
    fn compile_init(&mut self) -> u32 {
        let mut fs = FnState::new(FuncId(u32::MAX));
        fs.name = "main.init".into();
        let sp = self.ast.package.span;
        for (i, g) in self.info.globals.iter().enumerate() {
            let t = self.rtype(g.ty);
            fs.b.emit(Op::Zero(t), sp);
            fs.b.emit(Op::NewCell, sp);
            fs.b.emit(Op::SetGlobal(i as u32), sp);
        }
        // Go initializes package by package, each one's variables and
        // then its init functions: the library's (whose variables all
        // come first in `init_order`, as no library variable depends on
        // the program's), then the program's, whose init functions
        // goroutine 1 calls after this one (`EntryPoints::inits`).
        let mut lib_inits_called = false;
        for ini in &self.info.init_order {
            let lib = self.libs.iter().copied().find_map(|f| find_expr(f, ini.rhs));
            if lib.is_none() && !lib_inits_called {
                self.call_library_inits(&mut fs, sp);
                lib_inits_called = true;
            }
            let Some(rhs) = lib.or_else(|| find_expr(self.ast, ini.rhs)) else { continue };
            fs.init_assign(self, &ini.lhs, rhs);
        }
        if !lib_inits_called {
            self.call_library_inits(&mut fs, sp);
        }
        fs.b.emit(Op::Ret(0), sp);
        let nlocals = fs.nlocals;
        let chunk = match std::mem::take(&mut fs.b).finish() {
            Ok(c) => c,
            Err(e) => {
                self.unsupported(sp, &format!("internal compiler error: {e}"));
                Default::default()
            }
        };
        self.bc.add_func(Function::new("main.init", 0, nlocals, 0, chunk))
    }

    /// Calls the library's `init` functions (flag's), in package order.
    fn call_library_inits(&mut self, fs: &mut FnState, sp: Span) {
        for fid in self.info.inits.clone() {
            if self.info.funcs.get(fid.0 as usize).is_some_and(|f| f.library)
                && let Some(&idx) = self.func_ids.get(&fid)
            {
                fs.b.emit(Op::Call(idx), sp);
            }
        }
    }

    /// Runtime types of stub packages that natives create values of
    /// (`*errors.errorString`, `*strconv.NumError`), with their methods.
    fn stub_runtime_types(&mut self) {
        let mut invalid_run = 0;
        let mut i = 1u32;
        let mut named = Vec::new();
        while invalid_run < 256 && i < 1_000_000 {
            let t = TypeId(i);
            i += 1;
            let ty = self.tt.get(t);
            if matches!(ty, Type::Basic(BasicKind::Invalid)) {
                invalid_run += 1;
                continue;
            }
            invalid_run = 0;
            if let Type::Pointer(e) = ty
                && let Type::Named(n) = self.tt.get(*e)
                && let Some(info) = self.tt.named.get(*n as usize)
                && crate::stdlib::NATIVES_TYPES.iter().any(|(p, nm)| info.pkg == *p && info.name == *nm)
            {
                self.ensure_methods(t, Span::default());
            }
            if let Type::Named(n) = ty
                && let Some(info) = self.tt.named.get(*n as usize)
                && crate::stdlib::NATIVES_TYPES.iter().any(|(p, nm)| info.pkg == *p && info.name == *nm)
            {
                named.push(t);
            }
        }
        // Pointer types the checker never interned: describe them here.
        for t in named {
            let pname = format!("*{}", self.tt.type_string(t, TypeStyle::Runtime));
            if self.bc.types.iter().any(|d| d.name == pname) {
                continue;
            }
            let elem = self.rtype(t);
            let mut desc = TypeDesc::new(pname, Kind::Ptr(elem), true, 8);
            let Type::Named(n) = self.tt.get(t) else { continue };
            let names: Vec<String> = self.tt.named.get(*n as usize).map(|i| i.methods.iter().map(|m| m.name.clone()).collect()).unwrap_or_default();
            for name in names {
                let Some(f) = self.method_func(t, &name) else { continue };
                let Some(callee) = self.callee_of(&f) else { continue };
                let mid = self.bc.method_id(&name);
                desc.methods.push(Method { name: mid, target: callee });
            }
            desc.methods.sort_by_key(|m| m.name);
            self.bc.add_type(desc);
        }
        crate::stdlib::add_runtime_types(&mut self.bc);
    }

    // ---- types ----------------------------------------------------------

    pub fn under(&self, t: TypeId) -> &'a Type {
        self.tt.under(t)
    }

    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        self.tt.basic_kind(t)
    }

    pub fn int_kind(&self, t: TypeId) -> Option<IntKind> {
        Some(match self.basic(t)? {
            BasicKind::Int | BasicKind::Int64 | BasicKind::UntypedInt => IntKind::I64,
            BasicKind::Int8 => IntKind::I8,
            BasicKind::Int16 => IntKind::I16,
            BasicKind::Int32 | BasicKind::UntypedRune => IntKind::I32,
            BasicKind::Uint | BasicKind::Uint64 | BasicKind::Uintptr => IntKind::U64,
            BasicKind::Uint8 => IntKind::U8,
            BasicKind::Uint16 => IntKind::U16,
            BasicKind::Uint32 => IntKind::U32,
            _ => return None,
        })
    }

    pub fn is_float32(&self, t: TypeId) -> bool {
        self.basic(t) == Some(BasicKind::Float32)
    }

    /// A complex operation on the operands on the stack: a native call.
    pub fn complex_op(&mut self, fs: &mut FnState, op: crate::vm::complex::ComplexOp, span: Span) {
        self.call_native(fs, op.native(), op.argc(), span);
    }

    /// complex64, complex128 or an untyped complex constant's type.
    pub fn is_complex(&self, t: TypeId) -> bool {
        self.basic(t).is_some_and(|k| k.is_complex())
    }

    /// Struct or array: values that are heap objects copied on assignment.
    pub fn is_aggregate(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Struct(_) | Type::Array(..))
    }

    pub fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    /// The canonical runtime type id of a checker type.
    pub fn rtype(&mut self, t: TypeId) -> u32 {
        if let Some(&id) = self.type_ids.get(&t) {
            return id;
        }
        let name = self.tt.type_string(t, TypeStyle::Runtime);
        let predeclared = match self.tt.get(t) {
            // Not predeclared ids: made below, once each.
            Type::Basic(BasicKind::Complex64 | BasicKind::Complex128) => None,
            Type::Basic(BasicKind::UntypedComplex) => {
                let c = self.tt.basic(BasicKind::Complex128);
                Some(self.rtype(c))
            }
            Type::Basic(k) => Some(match k {
                BasicKind::Bool | BasicKind::UntypedBool => rtype::T_BOOL,
                BasicKind::Int | BasicKind::UntypedInt => rtype::T_INT,
                BasicKind::Int8 => rtype::T_INT8,
                BasicKind::Int16 => rtype::T_INT16,
                BasicKind::Int32 | BasicKind::UntypedRune => rtype::T_INT32,
                BasicKind::Int64 => rtype::T_INT64,
                BasicKind::Uint => rtype::T_UINT,
                BasicKind::Uint8 => rtype::T_UINT8,
                BasicKind::Uint16 => rtype::T_UINT16,
                BasicKind::Uint32 => rtype::T_UINT32,
                BasicKind::Uint64 => rtype::T_UINT64,
                BasicKind::Uintptr => rtype::T_UINTPTR,
                BasicKind::Float32 => rtype::T_FLOAT32,
                BasicKind::Float64 | BasicKind::UntypedFloat => rtype::T_FLOAT64,
                BasicKind::String | BasicKind::UntypedString => rtype::T_STRING,
                _ => rtype::T_ANY,
            }),
            Type::Interface(ms) if ms.is_empty() => Some(rtype::T_ANY),
            Type::Named(_) if name == "error" => Some(rtype::T_ERROR),
            // The VM creates this runtime error: the program's type must be its.
            Type::Pointer(_) if name == "*runtime.PanicNilError" => Some(rtype::T_RT_PANICNIL),
            Type::Slice(e) if *e == self.tt.basic(BasicKind::Uint8) => Some(rtype::T_SLICE_BYTE),
            Type::Slice(e) if *e == self.tt.basic(BasicKind::Int32) => Some(rtype::T_SLICE_RUNE),
            _ => None,
        };
        if let Some(id) = predeclared {
            self.type_ids.insert(t, id);
            self.rt_to_tt.entry(id).or_insert(t);
            return id;
        }
        // Reserve the id first: recursive types refer to themselves.
        let id = self.bc.add_type(TypeDesc::new(name, Kind::Bool, true, 8));
        self.type_ids.insert(t, id);
        self.rt_to_tt.insert(id, t);
        let (kind, size) = match self.under(t).clone() {
            Type::Basic(k) => match k {
                BasicKind::Bool => (Kind::Bool, 1),
                BasicKind::Float32 => (Kind::Float32, 4),
                BasicKind::Float64 => (Kind::Float64, 8),
                BasicKind::Complex64 => (Kind::Complex64, 8),
                BasicKind::Complex128 => (Kind::Complex128, 16),
                BasicKind::String => (Kind::String, 16),
                _ => match self.int_kind(t) {
                    Some(k) => (Kind::Int(k), 8),
                    None => (Kind::Int(IntKind::I64), 8),
                },
            },
            Type::Pointer(e) => (Kind::Ptr(self.rtype(e)), 8),
            Type::Slice(e) => (Kind::Slice(self.rtype(e)), 24),
            Type::Array(e, n) => {
                let el = self.rtype(e);
                let sz = self.bc.types.get(el as usize).map_or(8, |d| d.size);
                (Kind::Array { len: n.max(0) as u32, elem: el }, sz.saturating_mul(n.max(0) as u64))
            }
            Type::Struct(fields) => {
                let mut ids = Vec::new();
                let mut sz = 0u64;
                for f in &fields {
                    let fid = self.rtype(f.ty);
                    sz += self.bc.types.get(fid as usize).map_or(8, |d| d.size);
                    ids.push(fid);
                }
                (Kind::Struct(ids), sz)
            }
            Type::Map(k, v) => (Kind::Map { key: self.rtype(k), val: self.rtype(v) }, 8),
            Type::Chan(..) => (Kind::Chan, 8),
            Type::Func(_) => (Kind::Func, 8),
            Type::Interface(ms) => {
                let mut ids: Vec<u32> = ms.iter().map(|m| self.bc.method_id(&m.name)).collect();
                ids.sort();
                (Kind::Interface(ids), 16)
            }
            _ => (Kind::Bool, 8),
        };
        let comparable = self.tt.comparable(t);
        let fields = match self.under(t) {
            Type::Struct(fs) if self.reflect => fs
                .iter()
                .map(|f| {
                    let name = if f.embedded { self.tt.type_string(f.ty, TypeStyle::Runtime).trim_start_matches('*').rsplit('.').next().unwrap_or("").to_string() } else { f.name.clone() };
                    rtype::FieldDesc { name, tag: f.tag.clone(), embedded: f.embedded }
                })
                .collect(),
            _ => Vec::new(),
        };
        if let Some(d) = self.bc.types.get_mut(id as usize) {
            d.kind = kind;
            d.size = size;
            d.comparable = comparable;
            d.fields = fields;
        }
        crate::stdlib::note_type(&mut self.bc, id, t, self.tt);
        id
    }

    /// Fills the method table of a runtime type used as a dynamic type
    /// (converted to an interface).
    pub fn ensure_methods(&mut self, t: TypeId, span: Span) {
        let id = self.rtype(t);
        if !self.methods_done.insert(id) {
            return;
        }
        let mut table: Vec<Method> = Vec::new();
        // Candidate names: the methods of the named type (or the pointee),
        // and of types embedded in its struct.
        let mut names: Vec<String> = Vec::new();
        let base = match self.tt.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        self.collect_method_names(base, &mut names, 0);
        names.sort();
        names.dedup();
        for name in names {
            let crate::types::LookupResult::Found(sel, _) = self.tt.lookup(t, &name) else { continue };
            let target = match sel {
                crate::types::Selected::Method { path, recv_named, ptr_recv, .. } => {
                    let is_ptr = matches!(self.tt.get(t), Type::Pointer(_));
                    // A value type's method set lacks pointer methods
                    // (unless reached through an embedded pointer).
                    if ptr_recv && !is_ptr && path.is_empty() {
                        continue;
                    }
                    let Some(func) = self.method_func(recv_named, &name) else { continue };
                    if path.is_empty() && (is_ptr == ptr_recv) {
                        match self.callee_of(&func) {
                            Some(c) => c,
                            None => continue,
                        }
                    } else {
                        match self.method_wrapper(t, &name, &path, recv_named, ptr_recv, &func, span) {
                            Some(f) => Callee::Func(f),
                            None => continue,
                        }
                    }
                }
                crate::types::Selected::IfaceMethod { path, iface, index } => match self.iface_wrapper(t, &name, &path, iface, index, span) {
                    Some(f) => Callee::Func(f),
                    None => continue,
                },
                crate::types::Selected::Field { .. } => continue,
            };
            let mid = self.bc.method_id(&name);
            table.push(Method { name: mid, target });
        }
        table.sort_by_key(|m| m.name);
        if let Some(d) = self.bc.types.get_mut(id as usize) {
            d.methods = table;
        }
        // fmt walks into composite values and calls their elements'
        // methods too: every type reachable needs its table.
        let parts: Vec<TypeId> = match self.under(t) {
            Type::Pointer(e) | Type::Slice(e) | Type::Array(e, _) | Type::Chan(_, e) => vec![*e],
            Type::Map(k, v) => vec![*k, *v],
            Type::Struct(fields) => fields.iter().map(|f| f.ty).collect(),
            _ => vec![],
        };
        for p in parts {
            if !self.is_iface(p) {
                self.ensure_methods(p, span);
            }
        }
        // A decoder stores into fields and elements, which are
        // addressable: it calls their pointer methods (`UnmarshalJSON` on
        // `*T`), as reflect's `Addr` does. Every pointer method's receiver
        // type was interned by the checker.
        if self.reflect
            && let Type::Named(_) = self.tt.get(t)
            && let Some(p) = self.tt.find(&Type::Pointer(t))
        {
            self.ensure_methods(p, span);
        }
    }

    fn collect_method_names(&self, t: TypeId, out: &mut Vec<String>, depth: u32) {
        if depth > 8 {
            return;
        }
        if let Some(ms) = self.info.methods.get(&t) {
            out.extend(ms.iter().map(|m| m.0.clone()));
        }
        if let Type::Named(i) = self.tt.get(t)
            && let Some(n) = self.tt.named.get(*i as usize)
        {
            out.extend(n.methods.iter().map(|m| m.name.clone()));
        }
        if let Type::Interface(ms) = self.under(t) {
            out.extend(ms.iter().map(|m| m.name.clone()));
        }
        if let Type::Struct(fields) = self.under(t) {
            for f in fields.iter().filter(|f| f.embedded) {
                let ft = match self.tt.get(f.ty) {
                    Type::Pointer(e) => *e,
                    _ => f.ty,
                };
                self.collect_method_names(ft, out, depth + 1);
            }
        }
    }

    /// The function implementing method `name` of named type `recv`.
    pub fn method_func(&self, recv: TypeId, name: &str) -> Option<FuncRef> {
        if let Some(ms) = self.info.methods.get(&recv)
            && let Some(m) = ms.iter().find(|m| m.0 == name)
        {
            return Some(m.1.clone());
        }
        let Type::Named(i) = self.tt.get(recv) else { return None };
        let n = self.tt.named.get(*i as usize)?;
        let m = n.methods.iter().find(|m| m.name == name)?;
        if n.pkg == "main" {
            return None;
        }
        let disp = if m.ptr_recv { format!("{}.(*{}).{}", n.pkg, n.name, name) } else { format!("{}.{}.{}", n.pkg, n.name, name) };
        Some(FuncRef::Native(disp))
    }

    pub fn callee_of(&mut self, f: &FuncRef) -> Option<Callee> {
        match f {
            FuncRef::User(fid) => self.func_ids.get(fid).map(|&i| Callee::Func(i)),
            FuncRef::Native(n) => self.native_id(n).map(Callee::Native),
        }
    }

    pub fn native_id(&mut self, name: &str) -> Option<u32> {
        if let Some(&i) = self.natives.get(name) {
            return Some(i);
        }
        let f = crate::stdlib::lookup(name)?;
        let id = self.bc.add_native(name, f);
        self.natives.insert(name.to_string(), id);
        Some(id)
    }

    /// A wrapper making method `name` callable on a value of type `t`
    /// (the dynamic type in an interface): walks the embedded `path`,
    /// dereferences or takes the address as the receiver needs, calls.
    #[allow(clippy::too_many_arguments)]
    pub fn method_wrapper(&mut self, t: TypeId, name: &str, path: &[usize], recv_named: TypeId, ptr_recv: bool, func: &FuncRef, span: Span) -> Option<u32> {
        let key = format!("wrap:{}:{}", t.0, name);
        if let Some(&f) = self.helpers.get(&key) {
            return Some(f);
        }
        let callee = self.callee_of(func)?;
        let sig = self.method_sig(recv_named, name)?;
        let nparams = 1 + sig.params.len() as u16;
        let nres = sig.results.len() as u16;
        let mut b = ChunkBuilder::new();
        b.emit(Op::GetLocal(0), span);
        // Walk to the receiver through embedded fields (Field ops
        // dereference pointers on the way).
        let tys = self.path_types(t, path);
        let cur_is_ptr = if path.is_empty() { matches!(self.tt.get(t), Type::Pointer(_)) } else { tys.last().is_some_and(|x| matches!(self.under(*x), Type::Pointer(_))) };
        if let Some((&last, rest)) = path.split_last() {
            for &i in rest {
                b.emit(Op::Field(i as u16), span);
            }
            if ptr_recv && !cur_is_ptr {
                b.emit(Op::FieldAddr(last as u16), span);
            } else {
                b.emit(Op::Field(last as u16), span);
            }
        } else if ptr_recv && !cur_is_ptr {
            return None;
        }
        if !ptr_recv && cur_is_ptr {
            b.emit(Op::Load, span);
        }
        if !ptr_recv && self.is_aggregate(recv_named) {
            b.emit(Op::Clone, span);
        }
        for i in 1..nparams {
            b.emit(Op::GetLocal(i), span);
        }
        match callee {
            Callee::Func(f) => b.emit(Op::Call(f), span),
            Callee::Native(n) => b.emit(Op::CallNative { id: n, argc: nparams }, span),
        };
        b.emit(Op::Ret(nres), span);
        let chunk = b.finish().ok()?;
        let tname = self.tt.type_string(t, TypeStyle::Runtime);
        let fname = format!("{}.{}", wrapper_type_name(&tname), name);
        let idx = self.bc.add_func(Function::new(fname, nparams, nparams, nres, chunk));
        self.helpers.insert(key, idx);
        Some(idx)
    }

    /// Calls a native by name (`argc` arguments on the stack).
    pub fn call_native(&mut self, fs: &mut FnState, name: &str, argc: u16, span: Span) {
        if let Some(id) = crate::stdlib::sys_id(name) {
            return fs.emit(Op::Sys { id, argc }, span);
        }
        match self.native_id(name) {
            Some(id) => fs.emit(Op::CallNative { id, argc }, span),
            None => self.unsupported(span, name),
        }
    }

    pub fn helper(&self, key: &str) -> Option<u32> {
        self.helpers.get(key).copied()
    }

    pub fn set_helper(&mut self, key: String, f: u32) {
        self.helpers.insert(key, f);
    }

    /// Whether an expression denotes a type (`new(T)` vs `new(v)`).
    /// `x.M[int]`, an instance of a method with type parameters of its
    /// own, compiles as its selector `x.M` (whose selection names the
    /// instance); any other expression is itself.
    pub fn method_instance_selector<'e>(&self, e: &'e ast::Expr) -> &'e ast::Expr {
        let (ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. }) = &e.kind else { return e };
        let x = x.unparen();
        match self.ex.selections.get(&x.id) {
            Some(crate::check::info::Selection::Method { .. }) if matches!(x.kind, ExprKind::Selector { .. }) => x,
            _ => e,
        }
    }

    pub fn is_type_expr(&self, e: &ast::Expr) -> bool {
        use ast::ExprKind::*;
        match &e.unparen().kind {
            Ident(_) | Selector { .. } => matches!(self.ex.uses.get(&e.unparen().id), Some(crate::check::info::Use::Type(_))),
            ArrayType { .. } | SliceType(_) | MapType { .. } | ChanType { .. } | FuncType(_) | StructType(_) | InterfaceType(_) => true,
            Star(x) => self.is_type_expr(x),
            _ => false,
        }
    }

    /// A wrapper calling a method of an interface embedded (through
    /// `path`) in the struct type `t`.
    fn iface_wrapper(&mut self, t: TypeId, name: &str, path: &[usize], iface: TypeId, index: usize, span: Span) -> Option<u32> {
        let key = format!("iwrap:{}:{}", t.0, name);
        if let Some(&f) = self.helpers.get(&key) {
            return Some(f);
        }
        let sig_t = self.tt.iface_methods(iface).get(index)?.sig;
        let sig = self.tt.signature(sig_t)?.clone();
        let nparams = 1 + sig.params.len() as u16;
        let nres = sig.results.len() as u16;
        let mid = self.bc.method_id(name);
        let mut b = ChunkBuilder::new();
        b.emit(Op::GetLocal(0), span);
        for &i in path {
            b.emit(Op::Field(i as u16), span);
        }
        for i in 1..nparams {
            b.emit(Op::GetLocal(i), span);
        }
        b.emit(Op::CallIface { method: mid, argc: nparams - 1 }, span);
        b.emit(Op::Ret(nres), span);
        let chunk = b.finish().ok()?;
        let tname = self.tt.type_string(t, TypeStyle::Runtime);
        let idx = self.bc.add_func(Function::new(format!("{}.{}", wrapper_type_name(&tname), name), nparams, nparams, nres, chunk));
        self.helpers.insert(key, idx);
        Some(idx)
    }

    pub fn method_sig(&self, recv_named: TypeId, name: &str) -> Option<crate::types::Signature> {
        let Type::Named(i) = self.tt.get(recv_named) else { return None };
        let n = self.tt.named.get(*i as usize)?;
        let m = n.methods.iter().find(|m| m.name == name)?;
        self.tt.signature(m.sig?).cloned()
    }

    /// A function of `nparams` parameters that calls `callee` with capture
    /// 0 (the bound receiver) prepended: method values `x.M`, and `defer`
    /// / `go` of interface method calls.
    pub fn bound_method(&mut self, key: String, nparams: u16, nres: u16, iface_method: Option<u32>, callee: Option<Callee>, span: Span) -> Option<u32> {
        if let Some(&f) = self.helpers.get(&key) {
            return Some(f);
        }
        let mut b = ChunkBuilder::new();
        b.emit(Op::GetCapture(0), span);
        for i in 0..nparams {
            b.emit(Op::GetLocal(i), span);
        }
        match (iface_method, callee) {
            (Some(m), _) => b.emit(Op::CallIface { method: m, argc: nparams }, span),
            (None, Some(Callee::Func(f))) => b.emit(Op::Call(f), span),
            (None, Some(Callee::Native(n))) => b.emit(Op::CallNative { id: n, argc: nparams + 1 }, span),
            _ => return None,
        };
        b.emit(Op::Ret(nres), span);
        let chunk = b.finish().ok()?;
        let name = match callee {
            Some(Callee::Func(f)) => format!("{}-fm", self.bc.funcs.get(f as usize).map_or("main.func", |x| x.name.as_str())),
            _ => format!("main.{key}-fm"),
        };
        let idx = self.bc.add_func(Function::new(name, nparams, nparams, nres, chunk));
        self.helpers.insert(key, idx);
        Some(idx)
    }
}

/// `main.(*T).M` style names: the checker names methods `T.M`/`(*T).M`.
fn go_func_name(n: &str) -> String {
    format!("main.{n}")
}

fn wrapper_type_name(runtime: &str) -> String {
    match runtime.strip_prefix('*') {
        Some(r) => format!("({})", r.replacen("main.", "main.*", 1)).replace("(main.*", "main.(*"),
        None => runtime.to_string(),
    }
}

/// Finds an expression by id (package initializers are given by id).
fn find_expr(file: &ast::File, id: ExprId) -> Option<&ast::Expr> {
    for d in &file.decls {
        if let Decl::Var(g) = d {
            for s in &g.specs {
                for v in &s.values {
                    if v.id == id {
                        return Some(v);
                    }
                }
            }
        }
    }
    None
}
