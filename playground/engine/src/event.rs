//! The event stream: the single interface between a run and whoever watches
//! it (the UI animates it, the grader checks it). API boundary.

/// One thing that happened in a run, at a virtual time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Virtual nanoseconds since the run started.
    pub time_ns: u64,
    pub kind: EventKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// The program wrote to stdout (fd 1) or stderr (fd 2).
    Output { fd: u8, text: String },
    /// The process ended with this exit code.
    Exit { code: i32 },
}
