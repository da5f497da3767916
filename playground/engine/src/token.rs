//! Tokens of Go's lexical grammar, as the lexer produces them.
//!
//! A token is a kind plus a span; its text is `&file.text[span]`, so the
//! token stream stays small and literal values are decoded only when a later
//! stage asks (see `lexer::decode_*`). Names for error messages follow
//! `cmd/compile/internal/syntax` so diagnostics read like the go tool's.

use crate::span::Span;

/// Why a semicolon is there: Go's parser words errors differently for a
/// written `;`, one inserted at a newline, and one inserted at end of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SemiKind {
    Explicit,
    Newline,
    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Eof,
    Ident,
    // Literals: the text is kept; `bad` ones already produced a diagnostic.
    Int,
    Float,
    Imag,
    Rune,
    String,

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,

    // Binary operators that also have an op-assign form.
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    /// `x op= y`, with the operator it combines.
    OpAssign(AssignOp),

    LAnd,
    LOr,
    Arrow,
    Inc,
    Dec,
    Eql,
    Lss,
    Gtr,
    Assign,
    Not,
    Neq,
    Leq,
    Geq,
    Define,
    Ellipsis,
    Tilde,

    LParen,
    LBrack,
    LBrace,
    Comma,
    Period,
    RParen,
    RBrack,
    RBrace,
    Semi(SemiKind),
    Colon,
}

/// The operator of an op-assignment `x op= y`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssignOp {
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
}

impl AssignOp {
    pub fn as_str(self) -> &'static str {
        match self {
            AssignOp::Add => "+",
            AssignOp::Sub => "-",
            AssignOp::Mul => "*",
            AssignOp::Quo => "/",
            AssignOp::Rem => "%",
            AssignOp::And => "&",
            AssignOp::Or => "|",
            AssignOp::Xor => "^",
            AssignOp::Shl => "<<",
            AssignOp::Shr => ">>",
            AssignOp::AndNot => "&^",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// Keywords, looked up by identifier text.
pub fn keyword(text: &str) -> Option<TokenKind> {
    use TokenKind::*;
    Some(match text {
        "break" => Break,
        "case" => Case,
        "chan" => Chan,
        "const" => Const,
        "continue" => Continue,
        "default" => Default,
        "defer" => Defer,
        "else" => Else,
        "fallthrough" => Fallthrough,
        "for" => For,
        "func" => Func,
        "go" => Go,
        "goto" => Goto,
        "if" => If,
        "import" => Import,
        "interface" => Interface,
        "map" => Map,
        "package" => Package,
        "range" => Range,
        "return" => Return,
        "select" => Select,
        "struct" => Struct,
        "switch" => Switch,
        "type" => Type,
        "var" => Var,
        _ => return None,
    })
}

impl TokenKind {
    pub fn is_keyword(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            Break
                | Case
                | Chan
                | Const
                | Continue
                | Default
                | Defer
                | Else
                | Fallthrough
                | For
                | Func
                | Go
                | Goto
                | If
                | Import
                | Interface
                | Map
                | Package
                | Range
                | Return
                | Select
                | Struct
                | Switch
                | Type
                | Var
        )
    }

    pub fn is_literal(self) -> bool {
        matches!(
            self,
            TokenKind::Int
                | TokenKind::Float
                | TokenKind::Imag
                | TokenKind::Rune
                | TokenKind::String
        )
    }

    #[cfg(test)]
    pub fn is_semi(self) -> bool {
        matches!(self, TokenKind::Semi(_))
    }

    /// The fixed spelling of a token (empty for identifiers and literals,
    /// whose text lives in the source).
    pub fn text(self) -> &'static str {
        use TokenKind::*;
        match self {
            Eof => "EOF",
            Ident => "name",
            Int | Float | Imag | Rune | String => "literal",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            OpAssign(op) => match op {
                AssignOp::Add => "+=",
                AssignOp::Sub => "-=",
                AssignOp::Mul => "*=",
                AssignOp::Quo => "/=",
                AssignOp::Rem => "%=",
                AssignOp::And => "&=",
                AssignOp::Or => "|=",
                AssignOp::Xor => "^=",
                AssignOp::Shl => "<<=",
                AssignOp::Shr => ">>=",
                AssignOp::AndNot => "&^=",
            },
            LAnd => "&&",
            LOr => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Eql => "==",
            Lss => "<",
            Gtr => ">",
            Assign => "=",
            Not => "!",
            Neq => "!=",
            Leq => "<=",
            Geq => ">=",
            Define => ":=",
            Ellipsis => "...",
            Tilde => "~",
            LParen => "(",
            LBrack => "[",
            LBrace => "{",
            Comma => ",",
            Period => ".",
            RParen => ")",
            RBrack => "]",
            RBrace => "}",
            Semi(SemiKind::Explicit) => "semicolon",
            Semi(SemiKind::Newline) => "newline",
            Semi(SemiKind::Eof) => "EOF",
            Colon => ":",
        }
    }

    /// How Go's parser names an expected token: `comma`, `semicolon or
    /// newline`, `keyword chan`, or the token's spelling.
    pub fn expected_name(self) -> String {
        match self {
            TokenKind::Comma => "comma".to_string(),
            TokenKind::Semi(_) => "semicolon or newline".to_string(),
            k if k.is_keyword() => format!("keyword {}", k.text()),
            k => k.text().to_string(),
        }
    }

    /// Binary operator precedence (5 highest), 0 if not a binary operator.
    pub fn precedence(self) -> u8 {
        use TokenKind::*;
        match self {
            LOr => 1,
            LAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Quo | Rem | Shl | Shr | And | AndNot => 5,
            _ => 0,
        }
    }
}

/// Names a found token the way Go's `syntax error: unexpected X` does.
pub fn describe(kind: TokenKind, text: &str) -> String {
    match kind {
        TokenKind::Ident => format!("name {text}"),
        k if k.is_literal() => format!("literal {text}"),
        k if k.is_keyword() => format!("keyword {}", k.text()),
        TokenKind::Comma => "comma".to_string(),
        k => k.text().to_string(),
    }
}
