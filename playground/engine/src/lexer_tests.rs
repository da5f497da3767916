//! Lexer tests: every literal form, semicolon insertion, each error.
use super::*;
