//! `mdbook-gmp`: the preprocessor binary. It only speaks mdBook's protocol
//! (`supports RENDERER`, then book JSON on stdin and out); the work is in
//! the library.

use mdbook_gmp::{Context, expand};
use mdbook_preprocessor::book::BookItem;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("supports") {
        // Placeholders are HTML: only the html renderer can show them.
        return if args.get(1).map(String::as_str) == Some("html") { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    match preprocess() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("mdbook-gmp: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn preprocess() -> Result<(), String> {
    let (ctx, mut book) = mdbook_preprocessor::parse_input(std::io::stdin()).map_err(|e| format!("{e:#}"))?;
    let context = Context {
        src_dir: ctx.root.join(&ctx.config.book.src),
        exercises_dir: ctx.root.join("exercises"),
    };
    let mut errors = Vec::new();
    book.for_each_mut(|item| {
        let BookItem::Chapter(chapter) = item else { return };
        let Some(path) = chapter.source_path.clone() else { return };
        match expand(&context, &path, &chapter.content) {
            Ok(content) => chapter.content = content,
            Err(errs) => errors.extend(errs),
        }
    });
    if !errors.is_empty() {
        let shown: Vec<String> = errors.iter().map(|e| format!("{}{e}", context.src_dir.strip_prefix(&ctx.root).unwrap_or(&context.src_dir).join("").display())).collect();
        return Err(format!("{} broken playground reference(s):\n{}", errors.len(), shown.join("\n")));
    }
    serde_json::to_writer(std::io::stdout(), &book).map_err(|e| e.to_string())
}
