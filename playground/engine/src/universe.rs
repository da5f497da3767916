//! The universe: Go's predeclared identifiers (types, constants, `nil`,
//! builtin functions). The checker puts these in the outermost scope.

use crate::types::BasicKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
}

impl Builtin {
    pub const ALL: [Builtin; 18] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Imag,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Recover,
    ];

    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
        }
    }

    /// (minimum arguments, variadic) as go/types' predeclaredFuncs table.
    pub fn arity(self) -> (usize, bool) {
        use Builtin::*;
        match self {
            Append => (1, true),
            Cap | Len | Clear | Close | Imag | Real | New | Panic => (1, false),
            Complex | Copy | Delete => (2, false),
            Make => (1, true),
            Max | Min => (1, true),
            Print | Println => (0, true),
            Recover => (0, false),
        }
    }

    /// Builtins whose call may stand alone as a statement.
    pub fn is_statement(self) -> bool {
        use Builtin::*;
        matches!(
            self,
            Clear | Close | Copy | Delete | Panic | Print | Println | Recover
        )
    }
}

/// The predeclared type names and the basic kind each denotes (`byte` and
/// `rune` are aliases).
pub const BASIC_TYPES: &[(&str, BasicKind)] = &[
    ("bool", BasicKind::Bool),
    ("int", BasicKind::Int),
    ("int8", BasicKind::Int8),
    ("int16", BasicKind::Int16),
    ("int32", BasicKind::Int32),
    ("int64", BasicKind::Int64),
    ("uint", BasicKind::Uint),
    ("uint8", BasicKind::Uint8),
    ("uint16", BasicKind::Uint16),
    ("uint32", BasicKind::Uint32),
    ("uint64", BasicKind::Uint64),
    ("uintptr", BasicKind::Uintptr),
    ("float32", BasicKind::Float32),
    ("float64", BasicKind::Float64),
    ("complex64", BasicKind::Complex64),
    ("complex128", BasicKind::Complex128),
    ("string", BasicKind::String),
    ("byte", BasicKind::Uint8),
    ("rune", BasicKind::Int32),
];
