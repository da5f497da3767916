//! The compiled program the VM runs ([`Bytecode`]): functions with their
//! chunks, the runtime type table, constants, method names, type-assertion
//! sites and native functions. This is the compiler's target.

use super::{GState, Vm};
use crate::chunk::Chunk;
use crate::rtype::{TypeDesc, builtin_types};
use crate::span::{SourceFile, Span};
use crate::value::Value;

/// A constant-pool entry, materialised into the heap when a VM starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Complex(f64, f64),
    Str(Vec<u8>),
}

/// Where a result lives while deferred calls run (so a deferred closure can
/// change a named result): a local slot, or a local holding a cell pointer
/// when the result variable escaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResultSlot {
    pub local: u16,
    pub boxed: bool,
}

#[derive(Clone, Debug)]
pub struct Function {
    /// As tracebacks print it: `main.f`, `main.(*T).M`, `main.main.func1`.
    pub name: String,
    /// Parameter slots, receiver first for methods.
    pub nparams: u16,
    /// All local slots, parameters included (locals above the parameters
    /// start as `Nil`; the compiler initialises them).
    pub nlocals: u16,
    pub nresults: u16,
    /// Required for functions containing `defer` that return values.
    pub result_slots: Vec<ResultSlot>,
    pub chunk: Chunk,
    /// The declaration, for `created by` lines.
    pub span: Span,
    /// The send statements whose value Go passes to `chansend` by its
    /// address in the heap (see `compile/capture.rs`): the instruction
    /// after the send's call, and what holds the value. A sender blocked
    /// there keeps that object reachable (its `sudog.elem`).
    pub send_elems: Vec<(u32, SendElem)>,
}

/// The heap object holding the value a send statement passes by address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendElem {
    /// A variable Go captures by value: the running closure itself.
    Env,
    /// The cell of capture `i` (a variable Go captures by reference, or a
    /// captured pointer whose pointee holds the value).
    Capture(u16),
    /// What local slot `i` points to (an escaping variable's cell, or the
    /// object a pointer variable points into).
    Local(u16),
}

impl Function {
    pub fn new(name: impl Into<String>, nparams: u16, nlocals: u16, nresults: u16, chunk: Chunk) -> Function {
        Function {
            name: name.into(),
            nparams,
            nlocals: nlocals.max(nparams),
            nresults,
            result_slots: Vec::new(),
            chunk,
            span: Span::default(),
            send_elems: Vec::new(),
        }
    }

    /// Simulated Go frame size: locals and spill space plus the fixed part.
    pub fn frame_size(&self) -> u32 {
        (self.nlocals as u32 + 2) * 8 + 32
    }
}

/// A `x.(T)` site: the asserted type and the static interface type of `x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssertSite {
    pub target: u32,
    pub iface: u32,
}

/// What a native function may end in besides returning normally.
#[derive(Debug)]
pub enum Throw {
    /// A Go panic with this value (an interface value).
    Panic(Value),
    /// Stop the goroutine (`os.Exit`, a blocking request, a fatal error).
    Stop(super::Stop),
    /// Go code the native called needs the scheduler: the native gives up
    /// and its goroutine takes that code's frames over (`vm/reenter.rs`).
    Park(Box<super::reenter::Parked>),
}

/// A function implemented in Rust. It pops its `argc` arguments from the
/// goroutine's stack and pushes its results.
pub type NativeFn = fn(&mut Vm, &mut GState, usize) -> Result<(), Throw>;

#[derive(Clone)]
pub struct Native {
    pub name: String,
    pub func: NativeFn,
    /// A `sync` or `sync/atomic` operation: it orders the goroutines that
    /// use the same object (see `Vm::sync_epoch`).
    pub syncs: bool,
    /// It may call Go code (set by the library once the program is
    /// compiled): its arguments are kept so that it can run again once a
    /// call that blocked has returned (`reenter.rs`).
    pub reenters: bool,
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Native({})", self.name)
    }
}

/// Function values naming natives carry this bit (`Value::Func`).
pub const NATIVE_FUNC_BIT: u32 = 1 << 31;

/// The Go Playground's GOROOT sources, where Go's own functions' frames
/// point.
pub const GOROOT_SRC: &str = "/usr/local/go-faketime/src";

#[derive(Clone, Debug)]
pub struct Bytecode {
    pub funcs: Vec<Function>,
    pub types: Vec<TypeDesc>,
    pub consts: Vec<Const>,
    pub nglobals: u32,
    /// Method names by id; ids 0 and 1 are `Error` and `String`.
    pub method_names: Vec<String>,
    pub asserts: Vec<AssertSite>,
    pub natives: Vec<Native>,
    /// The function a run starts with (package init, then `main.main`).
    pub entry: u32,
    pub file: SourceFile,
    /// The library files whose Go is compiled with the program
    /// (`math/rand/rand.go`), each at its own base: a span names its file.
    pub lib_files: Vec<SourceFile>,
    /// The file name tracebacks print, e.g. `/tmp/sandbox/prog.go`.
    pub path: String,
    /// The marker function and its deferred native that let a native
    /// wait for Go code it called (`vm/reenter.rs`), once added.
    pub reenter: Option<super::reenter::Ids>,
    /// The trampolines `stdlib::call_go` calls Go code through, by
    /// argument and result count, once added.
    pub trampolines: Vec<Vec<u32>>,
}

fn runtime_error_text(_vm: &mut Vm, _g: &mut GState, _argc: usize) -> Result<(), Throw> {
    // The receiver (the boxed message string) is already the result.
    Ok(())
}

impl Bytecode {
    /// An empty program with the predeclared types, method names and
    /// natives in place.
    pub fn new(file: SourceFile) -> Bytecode {
        Bytecode {
            funcs: Vec::new(),
            types: builtin_types(),
            consts: Vec::new(),
            nglobals: 0,
            method_names: vec!["Error".into(), "String".into()],
            asserts: Vec::new(),
            natives: vec![Native { name: "runtime.(*Error).Error".into(), func: runtime_error_text, syncs: false, reenters: false }],
            reenter: None,
            trampolines: Vec::new(),
            entry: 0,
            lib_files: Vec::new(),
            // Go prints the absolute path the file was built from; a bare
            // name gets the Go Playground's folder.
            path: if file.name.starts_with('/') {
                file.name.clone()
            } else {
                format!("/tmp/sandbox/{}", file.name.trim_start_matches("./"))
            },
            file,
        }
    }

    pub fn add_func(&mut self, f: Function) -> u32 {
        self.funcs.push(f);
        self.funcs.len() as u32 - 1
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        if let Some(i) = self.consts.iter().position(|x| *x == c) {
            return i as u32;
        }
        self.consts.push(c);
        self.consts.len() as u32 - 1
    }

    pub fn add_type(&mut self, t: TypeDesc) -> u32 {
        self.types.push(t);
        self.types.len() as u32 - 1
    }

    pub fn method_id(&mut self, name: &str) -> u32 {
        if let Some(i) = self.method_names.iter().position(|m| m == name) {
            return i as u32;
        }
        self.method_names.push(name.into());
        self.method_names.len() as u32 - 1
    }

    pub fn add_native(&mut self, name: &str, func: NativeFn) -> u32 {
        let syncs = name.starts_with("sync.") || name.starts_with("sync/atomic.");
        self.natives.push(Native { name: name.into(), func, syncs, reenters: false });
        self.natives.len() as u32 - 1
    }

    pub fn add_assert(&mut self, target: u32, iface: u32) -> u32 {
        self.asserts.push(AssertSite { target, iface });
        self.asserts.len() as u32 - 1
    }

    pub fn type_name(&self, tid: u32) -> &str {
        self.types.get(tid as usize).map_or("?", |t| t.name.as_str())
    }

    /// The 1-based source line of instruction `ip` of function `f`.
    pub fn line_of(&self, f: u32, ip: u32) -> u32 {
        self.funcs.get(f as usize).map_or(0, |func| {
            let pos = func.chunk.span_at(ip as usize).start;
            self.source_of(pos).line_col(pos).line
        })
    }

    /// The file position `pos` lies in: the program's or a library file.
    pub fn source_of(&self, pos: u32) -> &SourceFile {
        if pos > self.file.end()
            && let Some(lib) = self.lib_files.iter().find(|l| l.contains(pos))
        {
            return lib;
        }
        &self.file
    }

    /// The path a traceback prints for instruction `ip` of function `f`:
    /// the program's, or for library Go its file in Go's tree at the Go
    /// Playground's GOROOT (`/usr/local/go-faketime/src/math/rand/rand.go`).
    pub fn path_of(&self, f: u32, ip: u32) -> Option<String> {
        let func = self.funcs.get(f as usize)?;
        let pos = func.chunk.span_at(ip as usize).start;
        let src = self.source_of(pos);
        (src.base != 0).then(|| format!("{GOROOT_SRC}/{}", src.name_at(pos)))
    }

    /// [`Bytecode::path_of`] the start of the function named `name`: where
    /// the `go` statements of a library function that starts goroutines
    /// are (`sync.(*WaitGroup).Go` in sync/waitgroup.go).
    pub fn path_of_func(&self, name: &str) -> Option<String> {
        let f = self.funcs.iter().position(|f| f.name == name)?;
        self.path_of(f as u32, 0)
    }
}
