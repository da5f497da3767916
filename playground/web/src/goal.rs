//! Goals for "Pick the next step": the learner, or the page, sets what
//! the schedule should bring about — a deadlock, a leaked goroutine, a
//! given output — and the page says whether the run on show reached it.
//!
//! A goal is written as a page writes it in a playground's `data-goal`
//! attribute (and a share link's `goal=`): `deadlock`, `leak`, or
//! `output:TEXT`. It is checked against the run's [`Outcome`], read with
//! the engine's own [`Ending`], so "deadlocked" means here what it means
//! in "What else can happen from here?".

use gmp_engine::Outcome;
use gmp_engine::explore::Ending;

/// What the schedule should bring about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Goal {
    /// The run dies with Go's `fatal error: all goroutines are asleep -
    /// deadlock!`.
    Deadlock,
    /// main returns (or `os.Exit` runs) with one of the program's
    /// goroutines still blocked.
    Leak,
    /// The program's standard output contains this text.
    Output(String),
}

impl Goal {
    /// Reads `deadlock`, `leak` or `output:TEXT`; `Err` says what is wrong.
    pub fn parse(s: &str) -> Result<Goal, String> {
        match s.trim() {
            "deadlock" => Ok(Goal::Deadlock),
            "leak" => Ok(Goal::Leak),
            other => match other.strip_prefix("output:") {
                Some(text) if !text.is_empty() => Ok(Goal::Output(text.to_string())),
                _ => Err(format!("unknown goal {other:?}: expected deadlock, leak or output:TEXT")),
            },
        }
    }

    /// The goal as [`Goal::parse`] reads it.
    pub fn attr(&self) -> String {
        match self {
            Goal::Deadlock => "deadlock".to_string(),
            Goal::Leak => "leak".to_string(),
            Goal::Output(text) => format!("output:{text}"),
        }
    }

    /// The goal in words: "reach a deadlock".
    pub fn describe(&self) -> String {
        match self {
            Goal::Deadlock => "reach a deadlock".to_string(),
            Goal::Leak => "leave a goroutine leaked".to_string(),
            Goal::Output(text) => format!("print {text:?}"),
        }
    }

    /// Whether the run that gave `out` reached the goal: `Ok` with what
    /// shows it (Go's own words for a deadlock), `Err` with how the run
    /// ended instead.
    pub fn check(&self, out: &Outcome) -> Result<String, String> {
        let ending = Ending::of(out);
        let reached = match (self, &ending) {
            (Goal::Deadlock, Ending::Deadlocked) => {
                let line = out.stderr.lines().find(|l| l.contains("deadlock!")).unwrap_or("deadlock!");
                Some(line.trim_start_matches("fatal error: ").to_string())
            }
            (Goal::Leak, Ending::Exited { leaked, .. }) if *leaked > 0 => Some(format!("{leaked} goroutine(s) leaked")),
            (Goal::Output(text), _) if out.stdout.contains(text.as_str()) => Some(format!("printed {text:?}")),
            _ => None,
        };
        reached.ok_or_else(|| format!("this run {ending}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gmp_engine::{RunConfig, run_source};

    fn outcome(src: &str) -> Outcome {
        run_source("prog.go", src, &RunConfig::default())
    }

    #[test]
    fn goals_read_back_as_written() {
        for g in [Goal::Deadlock, Goal::Leak, Goal::Output("x = 1".into())] {
            assert_eq!(Goal::parse(&g.attr()), Ok(g));
        }
        assert!(Goal::parse("livelock").unwrap_err().contains("expected deadlock, leak or output:TEXT"));
        assert!(Goal::parse("output:").is_err());
    }

    #[test]
    fn a_deadlock_is_reached_in_gos_words_and_nothing_else_is() {
        let dead = outcome("package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n");
        assert_eq!(Goal::Deadlock.check(&dead), Ok("all goroutines are asleep - deadlock!".to_string()));
        assert_eq!(Goal::Leak.check(&dead), Err("this run deadlocked".to_string()));
        let fine = outcome("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi there\")\n}\n");
        assert_eq!(Goal::Deadlock.check(&fine), Err("this run exited 0".to_string()));
        assert_eq!(Goal::Output("hi".into()).check(&fine), Ok("printed \"hi\"".to_string()));
        assert!(Goal::Output("bye".into()).check(&fine).is_err());
    }

    #[test]
    fn a_leak_is_a_program_goroutine_left_blocked() {
        let leaky = outcome("package main\n\nimport \"time\"\n\nfunc main() {\n\tgo func() { select {} }()\n\ttime.Sleep(1)\n}\n");
        assert_eq!(Goal::Leak.check(&leaky), Ok("1 goroutine(s) leaked".to_string()));
    }
}
