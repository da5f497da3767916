//! Diagnostics: what the front end says instead of panicking.
//!
//! Every error a learner can cause is a `Diagnostic` with a span, rendered as
//! the go tool renders it: `./prog.go:12:5: undefined: x`.

use crate::span::{SourceFile, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span, message: message.into() }
    }

    /// `name:line:col: message`, the form the go tool prints.
    pub fn render(&self, file: &SourceFile) -> String {
        let lc = file.line_col(self.span.start);
        format!("{}:{}:{}: {}", display_name(&file.name), lc.line, lc.col, self.message)
    }
}

/// The go tool prints a file in the current directory as `./prog.go`.
pub fn display_name(name: &str) -> String {
    if name.starts_with('/') || name.starts_with("./") || name.starts_with("../") {
        name.to_string()
    } else {
        format!("./{name}")
    }
}

/// Sorts diagnostics by position, as `go build` reports them, and drops exact
/// repeats so one mistake is reported once.
pub fn sort_and_dedup(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.span.start.cmp(&b.span.start));
    diags.dedup();
}
