//! The syntax tree of one Go source file, as the parser builds it.
//!
//! Shaped like `go/ast` where that helps the later stages: types are
//! expressions (Go's grammar cannot tell `T(x)` from `f(x)`, nor `*p` from
//! `*T`, before name resolution), every node has a `Span`, and every
//! expression has an `ExprId` that is unique within its file so that the
//! checker can record types and constant values in side tables instead of
//! mutating the tree. Parameter and field lists keep Go's grouping
//! (`a, b int` is one `Field` with two names) so a shared type is resolved
//! once.

use crate::span::Span;
use crate::token::AssignOp;

/// Identifies one expression node; dense, from 0 to `File::expr_count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExprId(pub u32);

#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub package: Name,
    pub imports: Vec<ImportSpec>,
    pub decls: Vec<Decl>,
    /// One more than the largest `ExprId` in the file.
    pub expr_count: u32,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportSpec {
    /// `import name "path"`; also `.` and `_`.
    pub name: Option<Name>,
    /// The path's literal text, quotes included (decode with
    /// `lexer::decode_string`).
    pub path: BasicLit,
    pub span: Span,
}

// A file has few declarations; boxing the large function variant would
// only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Const(GenDecl<ConstSpec>),
    Var(GenDecl<VarSpec>),
    Type(GenDecl<TypeSpec>),
    Func(FuncDecl),
}


/// A `const`, `var` or `type` declaration: one spec, or a parenthesized
/// group of them.
#[derive(Clone, Debug, PartialEq)]
pub struct GenDecl<S> {
    pub grouped: bool,
    pub specs: Vec<S>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    pub names: Vec<Name>,
    pub ty: Option<Expr>,
    /// Empty when the spec repeats the previous one's expressions (the
    /// `iota` idiom); the checker does the repeating.
    pub values: Vec<Expr>,
    /// The spec's index in its group: the value of `iota`.
    pub iota: u32,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    pub names: Vec<Name>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    pub name: Name,
    /// `type List[T any] ...`: the type parameters, each a `Field` whose
    /// `ty` is the constraint (empty for a type that is not generic).
    pub tparams: Vec<Field>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    pub recv: Option<Field>,
    pub name: Name,
    /// `func Map[T, U any](...)`: the type parameters (see `TypeSpec`).
    pub tparams: Vec<Field>,
    pub ty: FuncType,
    /// `None` for a declaration without body (which the checker rejects:
    /// the playground has no assembly).
    pub body: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub params: Vec<Field>,
    pub results: Vec<Field>,
    pub span: Span,
}

/// A parameter, result, receiver or struct field group: `a, b int`, an
/// unnamed `int`, an embedded `T` / `*T`, or a variadic `xs ...int`.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Empty for an unnamed parameter or an embedded field.
    pub names: Vec<Name>,
    /// For a variadic parameter, the element type.
    pub ty: Expr,
    pub variadic: bool,
    /// A struct field's tag literal.
    pub tag: Option<BasicLit>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// Where the block opens and closes (the `{` and `}`).
    pub span: Span,
    pub rbrace: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// A lone `;`, or the statement after a label at a block's end.
    Empty,
    /// A `const`, `var` or `type` declaration inside a function.
    Decl(Decl),
    Expr(Expr),
    /// `ch <- v`
    Send {
        ch: Expr,
        value: Expr,
    },
    /// `x++` / `x--`
    IncDec {
        x: Expr,
        inc: bool,
    },
    /// `a, b = x, y`; `a, b := x, y` (`define`); `x op= y` (`op`).
    /// `op_span` is the operator's position, where Go reports errors
    /// about the assignment as a whole.
    Assign {
        lhs: Vec<Expr>,
        rhs: Vec<Expr>,
        define: bool,
        op: Option<AssignOp>,
        op_span: Span,
    },
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Name>),
    Continue(Option<Name>),
    Goto(Name),
    Fallthrough,
    Labeled {
        label: Name,
        stmt: Box<Stmt>,
    },
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    /// `switch init; tag { ... }`
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        clauses: Vec<CaseClause>,
        rbrace: Span,
    },
    /// `switch init; bind := x.(type) { ... }`
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Name>,
        /// The operand of `.(type)`.
        x: Expr,
        clauses: Vec<CaseClause>,
        rbrace: Span,
    },
    Select {
        clauses: Vec<CommClause>,
        rbrace: Span,
    },
    /// The three-clause, condition-only and infinite forms.
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x`, `for k = range x`, `for range x`.
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Empty for `default`. In a type switch, these are types (`nil` too).
    pub exprs: Vec<Expr>,
    pub default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
    pub colon: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    /// A send, a receive (`<-ch`, `v := <-ch`, `v, ok = <-ch`), or `None`
    /// for `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub span: Span,
    pub colon: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BasicLit {
    pub kind: LitKind,
    /// The literal as written.
    pub text: String,
    /// The lexer reported it as malformed.
    pub bad: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub id: ExprId,
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    Xor,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
    /// `~T`, only in constraints: every type whose underlying type is T.
    Tilde,
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::Xor => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
            UnaryOp::Tilde => "~",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    LOr,
    LAnd,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Quo,
    Rem,
    Shl,
    Shr,
    And,
    AndNot,
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            LOr => "||",
            LAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            Shl => "<<",
            Shr => ">>",
            And => "&",
            AndNot => "&^",
        }
    }

    /// Go's five precedence levels, 5 binding tightest.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            LOr => 1,
            LAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Quo | Rem | Shl | Shr | And | AndNot => 5,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// One element of a composite literal: `value` or `key: value`. A value
/// (or key) that is itself a literal with its type elided is a
/// `CompositeLit` with `ty: None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
    pub span: Span,
}

/// An interface element: a method, or an embedded interface.
#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    Method {
        name: Name,
        ty: FuncType,
        span: Span,
    },
    Embedded(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// Placeholder where parsing failed (a diagnostic was reported).
    Bad,
    Ident(String),
    BasicLit(BasicLit),
    /// `T{...}`; `ty` is `None` when elided inside an outer literal.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elems: Vec<Element>,
        rbrace: Span,
    },
    /// Boxed, like `FuncType`, to keep `Expr` small (parser frames hold
    /// many `Expr` temporaries).
    FuncLit {
        ty: Box<FuncType>,
        body: Box<Block>,
    },
    Paren(Box<Expr>),
    Selector {
        x: Box<Expr>,
        sel: Name,
    },
    /// `x[i]`; also a generic instantiation with one type argument,
    /// `F[int]` or `List[T]` (the checker tells which).
    Index {
        x: Box<Expr>,
        index: Box<Expr>,
    },
    /// `F[int, string]`: an instantiation with several type arguments
    /// (go/ast's `IndexListExpr`).
    IndexList {
        x: Box<Expr>,
        indices: Vec<Expr>,
    },
    /// `x[lo:hi]` and `x[lo:hi:max]` (`full`).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        full: bool,
    },
    /// `x.(T)`; `ty` is `None` for `x.(type)`, which is only valid as a
    /// type switch guard (the parser turns a guard into `TypeSwitch`).
    TypeAssert {
        x: Box<Expr>,
        ty: Option<Box<Expr>>,
    },
    /// `f(args)`, `f(args...)`, and conversions `T(x)`.
    Call {
        fun: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: Option<Span>,
    },
    /// `*x`: a dereference or a pointer type.
    Star(Box<Expr>),
    Unary {
        op: UnaryOp,
        x: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        x: Box<Expr>,
        y: Box<Expr>,
    },

    // Type expressions.
    /// `[N]T`; `len` is `None` for `[...]T`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType(Box<Expr>),
    MapType {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    ChanType {
        dir: ChanDir,
        elem: Box<Expr>,
    },
    FuncType(Box<FuncType>),
    StructType(Vec<Field>),
    InterfaceType(Vec<InterfaceElem>),
}

impl Expr {
    /// Strips any parentheses: `((x))` is `x`.
    pub fn unparen(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        e
    }

    pub fn ident(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Ident(n) => Some(n),
            _ => None,
        }
    }
}
