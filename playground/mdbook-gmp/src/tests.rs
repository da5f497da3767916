use super::*;

fn fixture() -> (tempdir::TempDir, Context) {
    let dir = tempdir::TempDir::new();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("ch1")).unwrap();
    std::fs::write(src.join("ch1/hello.go"), "package main\n\nfunc main() {\n\tprintln(\"<hi & bye>\")\n}\n").unwrap();
    let ex = dir.path().join("exercises/first-goroutine");
    std::fs::create_dir_all(&ex).unwrap();
    std::fs::write(ex.join("starter.go"), "package main\n").unwrap();
    let ctx = Context { src_dir: src, exercises_dir: dir.path().join("exercises") };
    (dir, ctx)
}

/// A throwaway folder under the system temp dir, removed on drop.
mod tempdir {
    pub struct TempDir(std::path::PathBuf);
    impl TempDir {
        pub fn new() -> TempDir {
            use std::sync::atomic::{AtomicU32, Ordering};
            static N: AtomicU32 = AtomicU32::new(0);
            let p = std::env::temp_dir().join(format!("mdbook-gmp-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
            std::fs::create_dir_all(&p).unwrap();
            TempDir(p)
        }
        pub fn path(&self) -> &std::path::Path {
            &self.0
        }
    }
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[test]
fn fenced_go_playground_becomes_a_one_line_placeholder() {
    let (_d, ctx) = fixture();
    let md = "Intro.\n\n```go playground\npackage main\n\nfunc main() {}\n```\n\nAfter.\n";
    let out = expand(&ctx, Path::new("ch1/index.md"), md).unwrap();
    assert!(out.contains(
        "<div class=\"gmp-playground\" data-file=\"prog.go\"><pre class=\"gmp-source\">package main&#10;&#10;func main() {}&#10;</pre></div>"
    ), "{out}");
    assert!(out.starts_with("Intro.\n\n"));
    assert!(out.ends_with("\nAfter.\n"));
}

#[test]
fn a_fences_goal_becomes_the_placeholders_data_goal() {
    let (_d, ctx) = fixture();
    let md = "```go playground goal=deadlock\npackage main\n```\n\n```go playground goal=output:x=1\npackage main\n```\n\n```go playground goal=lost-update\npackage main\n```\n";
    let out = expand(&ctx, Path::new("ch1/index.md"), md).unwrap();
    assert!(out.contains("<div class=\"gmp-playground\" data-file=\"prog.go\" data-goal=\"deadlock\"><pre"), "{out}");
    assert!(out.contains("data-goal=\"output:x=1\""), "{out}");
    assert!(out.contains("data-goal=\"lost-update\""), "{out}");
    // A goal the playground cannot read fails the build at its line.
    let errors = expand(&ctx, Path::new("ch1/index.md"), "Text.\n```go playground goal=livelock\npackage main\n```\n").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].to_string(), "ch1/index.md:2: goal=livelock: a playground's goal is deadlock, leak, output:TEXT or lost-update");
}

#[test]
fn ordinary_code_blocks_are_left_alone_even_with_directives_inside() {
    let (_d, ctx) = fixture();
    let md = "```go\nfunc main() {}\n```\n````md\n{{#playground missing.go}}\n````\n";
    assert_eq!(expand(&ctx, Path::new("a.md"), md).unwrap(), md);
}

#[test]
fn playground_directive_reads_the_file_beside_the_chapter_and_escapes_it() {
    let (_d, ctx) = fixture();
    let out = expand(&ctx, Path::new("ch1/intro.md"), "See:\n\n{{#playground hello.go}}\n").unwrap();
    assert!(out.contains("data-file=\"hello.go\""), "{out}");
    assert!(out.contains("println(&quot;&lt;hi &amp; bye&gt;&quot;)"), "{out}");
}

#[test]
fn missing_file_fails_with_chapter_and_line() {
    let (_d, ctx) = fixture();
    let errs = expand(&ctx, Path::new("ch1/intro.md"), "one\ntwo\n{{#playground nope.go}}\n").unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 3);
    let shown = errs[0].to_string();
    assert!(shown.starts_with("ch1/intro.md:3: {{#playground nope.go}}: cannot read "), "{shown}");
}

#[test]
fn exercise_directive_embeds_the_starter_and_names_the_exercise() {
    let (_d, ctx) = fixture();
    let out = expand(&ctx, Path::new("x.md"), "{{#exercise first-goroutine}}\n").unwrap();
    assert!(out.contains("data-exercise=\"first-goroutine\""), "{out}");
    assert!(out.contains(">package main&#10;</pre>"), "{out}");
}

#[test]
fn unknown_or_malformed_exercises_are_errors() {
    let (_d, ctx) = fixture();
    let md = "{{#exercise no-such}}\n{{#exercise ../etc}}\n{{#exercise}}\n{{#playground a.go\n";
    let errs = expand(&ctx, Path::new("x.md"), md).unwrap_err();
    let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![1, 2, 3, 4]);
    assert!(errs[0].message.contains("no such exercise"));
    assert!(errs[1].message.contains("slug is letters"));
    assert!(errs[2].message.contains("exactly one argument"));
    assert!(errs[3].message.contains("missing closing"));
}

#[test]
fn mdbook_directives_and_escapes_pass_through() {
    let (_d, ctx) = fixture();
    let out = expand(&ctx, Path::new("x.md"), "{{#include foo.md}}\n\\{{#playground hello.go}}\n").unwrap();
    assert_eq!(out, "{{#include foo.md}}\n{{#playground hello.go}}\n");
}
