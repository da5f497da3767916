//! Goals for "Pick the next step": the learner, or the page, sets what
//! the schedule should bring about — a deadlock, a leaked goroutine, a
//! given output, a lost update — and the page says whether the run on
//! show reached it.
//!
//! A goal is written as a page writes it in a playground's `data-goal`
//! attribute (and a share link's `goal=`): `deadlock`, `leak`,
//! `output:TEXT` or `lost-update`. It is checked against the run's
//! [`Outcome`], read with the engine's own [`Ending`], so "deadlocked"
//! means here what it means in "What else can happen from here?"; a lost
//! update is the engine's own report (`Outcome::lost_updates`), which a
//! run makes only when asked ([`Goal::watches_lost_updates`]).

use gmp_engine::explore::Ending;
use gmp_engine::{Outcome, SourceFile};

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
    /// A goroutine overwrites another's update it never saw (the racy
    /// `counter++`; see `gmp_engine::LostUpdate`).
    LostUpdate,
}

/// A piece of what the page says: words, or a line of the program (a
/// link into the editor on the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    Text(String),
    Line(u32),
}


impl Goal {
    /// Reads `deadlock`, `leak`, `output:TEXT` or `lost-update`; `Err`
    /// says what is wrong.
    pub fn parse(s: &str) -> Result<Goal, String> {
        match s.trim() {
            "deadlock" => Ok(Goal::Deadlock),
            "leak" => Ok(Goal::Leak),
            "lost-update" => Ok(Goal::LostUpdate),
            other => match other.strip_prefix("output:") {
                Some(text) if !text.is_empty() => Ok(Goal::Output(text.to_string())),
                _ => Err(format!("unknown goal {other:?}: expected deadlock, leak, output:TEXT or lost-update")),
            },
        }
    }

    /// Whether runs must watch for lost updates to check this goal (a
    /// watch costs a run that does not need it).
    pub fn watches_lost_updates(goal: Option<&Goal>) -> bool {
        goal == Some(&Goal::LostUpdate)
    }

    /// The goal as [`Goal::parse`] reads it.
    pub fn attr(&self) -> String {
        match self {
            Goal::Deadlock => "deadlock".to_string(),
            Goal::Leak => "leak".to_string(),
            Goal::Output(text) => format!("output:{text}"),
            Goal::LostUpdate => "lost-update".to_string(),
        }
    }

    /// The goal in words: "reach a deadlock".
    pub fn describe(&self) -> String {
        match self {
            Goal::Deadlock => "reach a deadlock".to_string(),
            Goal::Leak => "leave a goroutine leaked".to_string(),
            Goal::Output(text) => format!("print {text:?}"),
            Goal::LostUpdate => "lose an update".to_string(),
        }
    }

    /// Whether the run of `file` that gave `out` reached the goal: `Ok`
    /// with what shows it (Go's own words for a deadlock; both goroutines
    /// and the lines of a lost update), `Err` with how the run ended
    /// instead.
    pub fn check(&self, out: &Outcome, file: &SourceFile) -> Result<Vec<Said>, String> {
        let ending = Ending::of(out);
        let words = |t: String| Some(vec![Said::Text(t)]);
        let reached = match (self, &ending) {
            (Goal::Deadlock, Ending::Deadlocked) => {
                let line = out.stderr.lines().find(|l| l.contains("deadlock!")).unwrap_or("deadlock!");
                words(line.trim_start_matches("fatal error: ").to_string())
            }
            (Goal::Leak, Ending::Exited { leaked, .. }) if *leaked > 0 => words(format!("{leaked} goroutine(s) leaked")),
            (Goal::Output(text), _) if out.stdout.contains(text.as_str()) => words(format!("printed {text:?}")),
            (Goal::LostUpdate, _) => out.lost_updates.first().map(|l| {
                let line = |at: Option<gmp_engine::Span>| Said::Line(at.map_or(0, |s| file.line_col(s.start).line));
                let (g, other) = (l.goid, l.lost_goid);
                vec![
                    Said::Text(format!("G{g} read at ")),
                    line(l.read),
                    Said::Text(format!(", G{other} wrote at ")),
                    line(l.lost_write),
                    Said::Text(format!(", then G{g} wrote back at ")),
                    line(l.write),
                    Said::Text(format!(" what it computed from its stale read: G{other}'s update is lost")),
                ]
            }),
            _ => None,
        };
        reached.ok_or_else(|| match self {
            Goal::LostUpdate => format!("this run {ending} and lost no update"),
            _ => format!("this run {ending}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gmp_engine::{RunConfig, run_source};

    fn outcome(src: &str) -> Outcome {
        run_source("prog.go", src, &RunConfig::default())
    }

    /// What `said` reads as on the page, lines as `file:line`.
    fn plain(said: &[Said], file: &str) -> String {
        said.iter()
            .map(|s| match s {
                Said::Text(t) => t.clone(),
                Said::Line(l) => format!("{file}:{l}"),
            })
            .collect()
    }

    fn check(goal: &Goal, out: &Outcome, src: &str) -> Result<String, String> {
        goal.check(out, &SourceFile::new("prog.go", src)).map(|said| plain(&said, "prog.go"))
    }

    #[test]
    fn goals_read_back_as_written() {
        for g in [Goal::Deadlock, Goal::Leak, Goal::Output("x = 1".into()), Goal::LostUpdate] {
            assert_eq!(Goal::parse(&g.attr()), Ok(g));
        }
        assert!(Goal::parse("livelock").unwrap_err().contains("expected deadlock, leak, output:TEXT or lost-update"));
        assert!(Goal::parse("output:").is_err());
    }

    #[test]
    fn a_deadlock_is_reached_in_gos_words_and_nothing_else_is() {
        let dead_src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n";
        let dead = outcome(dead_src);
        assert_eq!(check(&Goal::Deadlock, &dead, dead_src), Ok("all goroutines are asleep - deadlock!".to_string()));
        assert_eq!(check(&Goal::Leak, &dead, dead_src), Err("this run deadlocked".to_string()));
        let fine_src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi there\")\n}\n";
        let fine = outcome(fine_src);
        assert_eq!(check(&Goal::Deadlock, &fine, fine_src), Err("this run exited 0".to_string()));
        assert_eq!(check(&Goal::Output("hi".into()), &fine, fine_src), Ok("printed \"hi\"".to_string()));
        assert!(check(&Goal::Output("bye".into()), &fine, fine_src).is_err());
    }

    #[test]
    fn a_leak_is_a_program_goroutine_left_blocked() {
        let leaky = outcome("package main\n\nimport \"time\"\n\nfunc main() {\n\tgo func() { select {} }()\n\ttime.Sleep(1)\n}\n");
        assert_eq!(Goal::Leak.check(&leaky, &SourceFile::new("prog.go", "")), Ok(vec![Said::Text("1 goroutine(s) leaked".to_string())]));
    }

    /// Two goroutines read a counter, print, and write it back: on two Ps
    /// some seed has both read 0, and the goal names both goroutines and
    /// the lines of the read and the writes.
    #[test]
    fn a_lost_update_names_both_goroutines_and_the_lines() {
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar counter int\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tfor range 2 {\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tn := counter\n\t\t\tfmt.Println(\"read\", n)\n\t\t\tcounter = n + 1\n\t\t}()\n\t}\n\twg.Wait()\n}\n";
        let runs = (1..=40).map(|seed| run_source("prog.go", src, &RunConfig { procs: 2, seed, lost_updates: true, ..RunConfig::default() }));
        let (lost, kept): (Vec<Outcome>, Vec<Outcome>) = runs.partition(|o| o.stdout == "read 0\nread 0\n");
        let said = check(&Goal::LostUpdate, lost.first().expect("a seed where both read 0"), src).expect("reached");
        let l = lost[0].lost_updates[0];
        assert_eq!(said, format!("G{0} read at prog.go:16, G{1} wrote at prog.go:18, then G{0} wrote back at prog.go:18 what it computed from its stale read: G{1}'s update is lost", l.goid, l.lost_goid));
        assert_eq!(check(&Goal::LostUpdate, &kept[0], src), Err("this run exited 0 and lost no update".to_string()));
    }
}
