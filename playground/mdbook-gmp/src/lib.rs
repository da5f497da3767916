//! The book's preprocessor: turns playground references in chapters into
//! placeholders that the playground web app mounts into.
//!
//! Three forms, each on its own line:
//! - a fenced block whose info string has `go` and `playground`
//!   (```` ```go playground ````) — its body is the program; a word
//!   `goal=deadlock`, `goal=leak`, `goal=output:TEXT` or
//!   `goal=lost-update` in the info string
//!   sets the goal "Pick the next step" gives the reader (the placeholder's
//!   `data-goal`);
//! - `{{#playground path.go}}` — the program is read from `path.go`,
//!   relative to the chapter's own file;
//! - `{{#exercise slug}}` — the starter program of `exercises/<slug>/`.
//!
//! The program is embedded in the page, so a page needs no extra fetch and
//! a reader without WebAssembly still sees the code. A reference to a file
//! or exercise that does not exist fails the book build with the chapter's
//! file and line. `\{{#` escapes a directive.
//!
//! This crate knows nothing of the engine: it only moves text into markup.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where the preprocessor finds what chapters refer to.
pub struct Context {
    /// The book's `src` folder: chapter paths are relative to it.
    pub src_dir: PathBuf,
    /// The folder holding one folder per exercise.
    pub exercises_dir: PathBuf,
}

/// A reference that could not be resolved, with where it was written.
#[derive(Debug, PartialEq, Eq)]
pub struct Error {
    pub chapter: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.chapter.display(), self.line, self.message)
    }
}

/// Expands every playground reference in one chapter's markdown.
/// `chapter` is the chapter's path relative to the `src` folder.
pub fn expand(ctx: &Context, chapter: &Path, content: &str) -> Result<String, Vec<Error>> {
    let mut out = String::with_capacity(content.len());
    let mut errors = Vec::new();
    let chapter_dir = ctx.src_dir.join(chapter).parent().map(Path::to_path_buf).unwrap_or_default();
    let lines: Vec<&str> = content.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let line_no = i + 1;
        if let Some(fence) = Fence::open(line) {
            let end = (i + 1..lines.len()).find(|&j| fence.closes(lines[j]));
            let body_end = end.unwrap_or(lines.len());
            if fence.is_go_playground {
                let body: String = lines[i + 1..body_end].concat();
                match fence.goal.as_deref().map(check_goal).transpose() {
                    Ok(goal) => out.push_str(&placeholder("prog.go", None, goal, &body)),
                    Err(message) => errors.push(Error { chapter: chapter.to_path_buf(), line: line_no, message }),
                }
            } else {
                // Directives inside ordinary code blocks are shown, not run.
                out.push_str(&lines[i..end.map_or(lines.len(), |e| e + 1)].concat());
            }
            i = end.map_or(lines.len(), |e| e + 1);
            continue;
        }
        match directive(line) {
            Some(Directive::Escaped(rest)) => out.push_str(&rest),
            Some(Directive::Playground(arg)) => {
                let path = chapter_dir.join(&arg);
                match std::fs::read_to_string(&path) {
                    Ok(src) => {
                        let name = Path::new(&arg).file_name().map_or(arg.clone(), |n| n.to_string_lossy().into_owned());
                        out.push_str(&placeholder(&name, None, None, &src));
                    }
                    Err(e) => errors.push(Error {
                        chapter: chapter.to_path_buf(),
                        line: line_no,
                        message: format!("{{{{#playground {arg}}}}}: cannot read {}: {e}", path.display()),
                    }),
                }
            }
            Some(Directive::Exercise(slug)) => match read_exercise(ctx, &slug) {
                Ok(src) => out.push_str(&placeholder("main.go", Some(&slug), None, &src)),
                Err(message) => errors.push(Error { chapter: chapter.to_path_buf(), line: line_no, message }),
            },
            Some(Directive::Malformed(message)) => {
                errors.push(Error { chapter: chapter.to_path_buf(), line: line_no, message })
            }
            None => out.push_str(line),
        }
        i += 1;
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

fn read_exercise(ctx: &Context, slug: &str) -> Result<String, String> {
    let valid = !slug.is_empty() && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(format!("{{{{#exercise {slug}}}}}: an exercise slug is letters, digits, '-' and '_'"));
    }
    let starter = ctx.exercises_dir.join(slug).join("starter.go");
    std::fs::read_to_string(&starter)
        .map_err(|e| format!("{{{{#exercise {slug}}}}}: no such exercise ({}: {e})", starter.display()))
}

/// A fence's `goal=`: `deadlock`, `leak`, `output:TEXT` or `lost-update`
/// (what the web app's `Goal::parse` reads), else why not.
fn check_goal(goal: &str) -> Result<&str, String> {
    match goal {
        "deadlock" | "leak" | "lost-update" => Ok(goal),
        _ if goal.strip_prefix("output:").is_some_and(|t| !t.is_empty()) => Ok(goal),
        _ => Err(format!("goal={goal}: a playground's goal is deadlock, leak, output:TEXT or lost-update")),
    }
}

/// The markup the web app mounts into, on one line so that markdown leaves
/// it alone (an HTML block ends at a blank line; the program may have many).
pub fn placeholder(file_name: &str, exercise: Option<&str>, goal: Option<&str>, source: &str) -> String {
    let exercise_attr = exercise.map(|s| format!(" data-exercise=\"{}\"", escape(s))).unwrap_or_default();
    let goal_attr = goal.map(|g| format!(" data-goal=\"{}\"", escape(g))).unwrap_or_default();
    format!(
        "\n<div class=\"gmp-playground\" data-file=\"{}\"{exercise_attr}{goal_attr}><pre class=\"gmp-source\">{}</pre></div>\n\n",
        escape(file_name),
        escape(source)
    )
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

struct Fence {
    marker: char,
    len: usize,
    is_go_playground: bool,
    /// The info string's `goal=…`.
    goal: Option<String>,
}

impl Fence {
    fn open(line: &str) -> Option<Fence> {
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() > 3 {
            return None;
        }
        let marker = trimmed.chars().next().filter(|&c| c == '`' || c == '~')?;
        let len = trimmed.chars().take_while(|&c| c == marker).count();
        if len < 3 {
            return None;
        }
        let info = trimmed[len..].trim();
        if marker == '`' && info.contains('`') {
            return None;
        }
        let words: Vec<&str> = info.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
        let is_go_playground = words.first() == Some(&"go") && words.contains(&"playground");
        let goal = words.iter().find_map(|w| w.strip_prefix("goal=")).map(str::to_string);
        Some(Fence { marker, len, is_go_playground, goal })
    }

    fn closes(&self, line: &str) -> bool {
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() > 3 {
            return false;
        }
        let n = trimmed.chars().take_while(|&c| c == self.marker).count();
        n >= self.len && trimmed[n..].trim().is_empty()
    }
}

enum Directive {
    Playground(String),
    Exercise(String),
    Escaped(String),
    Malformed(String),
}

fn directive(line: &str) -> Option<Directive> {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix("\\{{#") {
        let indent = &line[..line.len() - line.trim_start().len()];
        let tail = if line.ends_with('\n') { "\n" } else { "" };
        return Some(Directive::Escaped(format!("{indent}{{{{#{rest}{tail}")));
    }
    let body = t.strip_prefix("{{#")?;
    let (name, rest) = match body.split_once(char::is_whitespace) {
        Some(split) => split,
        None => match body.strip_suffix("}}") {
            Some(name) => (name, "}}"),
            None => (body, ""),
        },
    };
    let make: fn(String) -> Directive = match name {
        "playground" => Directive::Playground,
        "exercise" => Directive::Exercise,
        _ => return None, // mdBook's own directives ({{#include}}, ...) pass through.
    };
    let Some(arg) = rest.trim().strip_suffix("}}") else {
        return Some(Directive::Malformed(format!("{{{{#{name} ...: missing closing }}}}")));
    };
    let arg = arg.trim();
    if arg.is_empty() || arg.contains(char::is_whitespace) {
        return Some(Directive::Malformed(format!("{{{{#{name}}}}} takes exactly one argument")));
    }
    Some(make(arg.to_string()))
}

#[cfg(test)]
mod tests;
