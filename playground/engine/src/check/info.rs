//! What the checker tells the compiler: side tables keyed by `ast::ExprId`.
//!
//! The AST stays immutable; everything the compiler needs beyond syntax is
//! here:
//! - `types[e]`: the type of every expression (after untyped constants got
//!   their final type, so `var x int8 = 1 + 2` records `int8` for `1 + 2`);
//!   a type expression records the type it denotes.
//! - `consts[e]`: the value of every constant expression (fold it, emit no
//!   code for its operands).
//! - `uses[e]`: what each identifier (and each `pkg.Member` selector)
//!   denotes.
//! - `selections[e]`: for `x.f` selectors, the field path through embedded
//!   fields or the method, with implicit dereferences/address-of spelled out.
//! - `calls[e]`: whether a call expression is a conversion, a builtin call
//!   or a real call (and whether a tuple is spread into the arguments).
//! - `defs`: the local variable each defining name introduces, keyed by the
//!   name's span start (names in declarations have no `ExprId`).
//! - `funcs`/`vars`/`globals`: per function its parameters, results, locals
//!   and captured variables; per local whether it *escapes* (captured by a
//!   closure or address taken: the compiler boxes those on the heap).
//! - `init_order`: package-level initializers in Go's order.
//! - `methods`: the methods of each named type.
//!
//! Conventions worth knowing when compiling:
//! - Identity is `TypeId` equality (`byte` is `uint8`, `rune` is `int32`);
//!   print types for `%T` and panics with `TypeTable::type_string(t,
//!   TypeStyle::Runtime)` (`main.T`, `*main.T`, `struct { X int }`).
//! - Untyped `nil` records the type it is used as (`var p *T = nil` gives
//!   `*T` on the `nil`); a value assigned to an interface keeps its own
//!   (concrete) type: compare with the target type to know where to box.
//! - Names without an `ExprId` (var/const/param/result/receiver names,
//!   `x` in `x := ...` too, and range variables) are found in `defs` by
//!   their span start. A type switch `switch v := x.(type)` declares one
//!   variable per clause: `defs` maps each clause's colon span start to
//!   that clause's variable (and the bind name to the first clause's).
//! - Functions of the standard-library stubs are native: `FuncRef::Native`
//!   with names like `"strings.Contains"`, methods like
//!   `"strings.(*Builder).WriteString"` or `"time.Duration.String"`;
//!   package variables like `os.Stdout` are `Use::NativeVar("os.Stdout")`.
//! - Function literals are named as Go's runtime names them, without the
//!   package: `main.func1`, `main.func1.1` (nested), `glob..func1`
//!   (package level); the runtime prints `main.main.func1`.
//! - Library Go (a library function with a body, `check/library/`) is
//!   recorded like the learner's, its functions named with their import
//!   path (`FuncInfo::library`); its expressions and positions never
//!   collide with the learner's.

use crate::ast::ExprId;
use crate::constant::Value;
use crate::types::{TypeId, TypeTable};
use crate::universe::Builtin;
use rustc_hash::FxHashMap as HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VarId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);

/// A function the program can call: one of the user's (declared or
/// literal), or one the VM implements natively (`"strings.Contains"`,
/// `"strings.(*Builder).WriteString"`, `"errors.(*errorString).Error"`...).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FuncRef {
    User(FuncId),
    Native(String),
}

/// What an identifier (or qualified identifier) denotes.
#[derive(Clone, Debug, PartialEq)]
pub enum Use {
    Local(VarId),
    Global(GlobalId),
    /// A package variable of a native package (`os.Args`, `os.Stdout`).
    NativeVar(String),
    Func(FuncRef),
    /// A constant; its value is in `consts`.
    Const,
    Type(TypeId),
    Builtin(Builtin),
    Nil,
    /// The package name in `pkg.Member` (the member's use is recorded on
    /// the selector expression).
    Package(String),
    /// The blank identifier on the left of an assignment.
    Blank,
}

/// How a selector `x.f` selects.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// A struct field. `path` indexes fields from `x`'s struct through
    /// embedded fields to the field; `x` is dereferenced automatically where
    /// it (or an embedded field on the path) is a pointer.
    Field { path: Vec<usize>, indirect: bool },
    /// A concrete method. `path` are the embedded fields to walk first;
    /// `recv` is the named type declaring the method. `addr`: the receiver
    /// is a pointer receiver and must be addressed (`x` was a variable of
    /// type T); `deref`: the method has a value receiver but the operand is
    /// a pointer (implicit `*`). `value`: a method value `x.M` not called
    /// immediately (bind the receiver now); `expr`: a method expression
    /// `T.M` / `(*T).M` (receiver becomes the first argument).
    Method {
        path: Vec<usize>,
        recv: TypeId,
        func: FuncRef,
        ptr_recv: bool,
        addr: bool,
        deref: bool,
        value: bool,
        expr: bool,
    },
    /// A method of an interface (dynamic dispatch), reached through `path`.
    IfaceMethod {
        path: Vec<usize>,
        iface: TypeId,
        index: usize,
        name: String,
        value: bool,
        expr: bool,
    },
}

/// What a call expression is.
#[derive(Clone, Debug, PartialEq)]
pub enum CallKind {
    /// `T(x)`.
    Conversion(TypeId),
    Builtin(Builtin),
    /// A function or method call. `spread`: the single argument is a
    /// multi-value call spread over the parameters (`f(g())`). `ellipsis`:
    /// `f(xs...)` passes the slice as the variadic parameter.
    Call {
        spread: bool,
        ellipsis: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    Receiver,
    Param,
    Result,
    Local,
}

#[derive(Clone, Debug)]
pub struct VarInfo {
    /// As declared: a declared function's type prints its parameters'
    /// names (`Checker::declared_sig`); the checker's tests find
    /// variables by it.
    pub name: String,
    pub ty: TypeId,
    pub func: FuncId,
    /// Captured by a closure or its address taken: lives on the heap.
    pub escapes: bool,
}

#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// `main`, `T.M`, `(*T).M`, `main.func1`, `main.func1.1` (see above).
    pub name: String,
    /// The function literal's expression, for closures.
    pub lit: Option<ExprId>,
    /// The signature (a `Type::Func`).
    pub sig: TypeId,
    pub recv: Option<VarId>,
    pub params: Vec<VarId>,
    pub results: Vec<VarId>,
    /// Every local declared in the body (params and results excluded).
    pub locals: Vec<VarId>,
    /// Variables of enclosing functions this literal refers to (directly
    /// or through a nested literal).
    pub captures: Vec<VarId>,
    /// `func init()` (several are allowed; run in order).
    pub is_init: bool,
    /// Library Go: `name` is qualified by its import path
    /// (`math/rand.(*Rand).Intn`), as Go's runtime prints it.
    pub library: bool,
    /// A generic function or method (or a literal inside one), checked
    /// with its type parameters: never compiled, only its instances are.
    pub generic: bool,
    /// Library Go the program cannot reach (`library::reach`): its
    /// body is neither checked nor compiled.
    pub unreached: bool,
}

#[derive(Clone, Debug)]
pub struct GlobalInfo {
    /// As declared; the checker's tests find variables by it.
    #[cfg_attr(not(test), expect(dead_code))]
    pub name: String,
    pub ty: TypeId,
}

/// One package-level initialization: `lhs = rhs` (several lhs for
/// `var a, b = f()`; `None` for `_`).
#[derive(Clone, Debug)]
pub struct Initializer {
    pub lhs: Vec<Option<GlobalId>>,
    pub rhs: ExprId,
}

/// What the checker records per expression (and per defining name): the
/// tables a function's code is compiled from. The program has one; each
/// instance of a generic function (`Map[int,string]`) has its own, since
/// the same expressions have other types there (see `TypeInfo::instances`).
#[derive(Default, Clone)]
pub struct ExprInfo {
    pub types: HashMap<ExprId, TypeId>,
    pub consts: HashMap<ExprId, Value>,
    pub uses: HashMap<ExprId, Use>,
    pub selections: HashMap<ExprId, Selection>,
    pub calls: HashMap<ExprId, CallKind>,
    /// The variable a defining name introduces, by the name's span start.
    pub defs: HashMap<u32, VarId>,
    /// Function literals: their functions, by the literal's expression.
    pub lits: HashMap<ExprId, FuncId>,
    /// Range-over-func loops, by the range expression (see `RangeFunc`).
    pub range_funcs: HashMap<ExprId, RangeFunc>,
}

/// A `for ... range f` over an iterator function, as cmd/compile's
/// rangefunc rewrite sees it: the loop body becomes a closure (`body`,
/// named `main.f-range1` by the compiler) that `f` calls as `yield`, and
/// the hidden variables the rewrite declares (`#stateN`, `#next`,
/// `#defers`), captured by the body like any variable a closure uses.
#[derive(Clone, Debug)]
pub struct RangeFunc {
    pub body: FuncId,
    /// The yield function's parameter types (0, 1 or 2).
    pub params: Vec<TypeId>,
    /// `#stateN` (an `abi.RF_State`), declared by the function enclosing
    /// the loop.
    pub state: VarId,
    /// `#next`: which exit the body took (0 none, -1 return, > 0
    /// break/continue of an enclosing range-over-func loop, < -1 a
    /// labeled branch to an ordinary statement). One per function.
    pub next: VarId,
    /// `#defers` (`runtime.deferrangefunc`'s token), on the outermost
    /// loop whose body defers.
    pub defers: Option<VarId>,
}

impl ExprInfo {
    pub fn type_of(&self, e: ExprId) -> Option<TypeId> {
        self.types.get(&e).copied()
    }
    pub fn const_of(&self, e: ExprId) -> Option<&Value> {
        self.consts.get(&e)
    }
}

/// One instance of a generic function or of a generic type's method,
/// checked with its type arguments in place of its type parameters
/// (monomorphisation: see ARCHITECTURE.md): the function it compiles to
/// and the tables of its body.
pub struct Instance {
    pub func: FuncId,
    /// The declaration, found by its name's position (in the learner's
    /// file or a library file).
    pub decl_name: u32,
    pub ex: ExprInfo,
}

#[derive(Default)]
pub struct TypeInfo {
    /// The program's expressions (outside generic functions).
    pub ex: ExprInfo,
    /// Each instance of a generic function or method, with its own tables.
    pub instances: Vec<Instance>,
    /// Package-level variables, by name span start.
    pub global_defs: HashMap<u32, GlobalId>,
    /// Functions (declared or literal), by the declaration's name span start
    /// or the literal's `ExprId` via `lits`.
    pub func_defs: HashMap<u32, FuncId>,
    pub funcs: Vec<FuncInfo>,
    pub vars: Vec<VarInfo>,
    pub globals: Vec<GlobalInfo>,
    pub init_order: Vec<Initializer>,
    /// `func init()`s in source order, then `main`.
    pub inits: Vec<FuncId>,
    pub main: Option<FuncId>,
    /// For each named type, its methods: (name, function, pointer receiver).
    pub methods: HashMap<TypeId, Vec<(String, FuncRef, bool)>>,
    /// Hidden result variables (`#rv1`...) of functions with unnamed
    /// results that `return` values from a range-over-func loop body.
    pub range_results: HashMap<FuncId, Vec<VarId>>,
}


/// The result of checking a file: the types, and the side tables.
pub struct Checked {
    pub types: TypeTable,
    pub info: TypeInfo,
    /// The library packages the program imports (`check/library/`):
    /// those with Go bodies are compiled with the program.
    pub libs: Vec<super::library::LibFile>,
}
