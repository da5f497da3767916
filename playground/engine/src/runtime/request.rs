//! The table of runtime request ids: which server serves an
//! `Op::Sys { id, argc }` request.
//!
//! Compiled code (and the natives standing in for blocking library calls)
//! asks the process for a runtime operation by id. Every id belongs to
//! exactly one [`Server`], the part of the process that serves it; the
//! process routes a request with one `match` on [`server_of`], so an id
//! reaches its server's dispatcher and no other, and an id no server
//! claims is an engine error rather than a fall-through.
//!
//! Each server owns a fixed range of [`WIDTH`] ids, computed from its
//! place in the enum ([`Server::first`], [`Server::last`]): the ranges
//! cannot overlap, and the ids below the first range (0 among them)
//! belong to no server.
//!
//! The ids themselves are named here, one module per server (imported
//! as `id` by the server's code: `process::chan` and `process::machine`,
//! `stdlib::sync::serve`, `stdlib::time::timers`, `stdlib::context::tree`,
//! `process::sys_misc`, `stdlib::errgroup::serve`), through [`requests!`]: it numbers a
//! server's constants one after the other from the server's first id and
//! refuses to compile a block that outgrows its range. The numbers are
//! not observable (bytecode is never stored), so adding or moving a
//! request renumbers freely.

/// Who serves a runtime request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Server {
    /// Channels and `select` (`process::chan`, served in the machine).
    Chan,
    /// `runtime`, `runtime/debug`, `runtime/pprof`, `time.Sleep`, runtime
    /// fatal errors and the simulator package (`process::chan`, served in
    /// the machine).
    Runtime,
    /// `sync`'s blocking operations and their resumptions
    /// (`stdlib::sync::serve`).
    Sync,
    /// `time`'s clock and timers (`stdlib::time::timers`).
    Time,
    /// `context`'s cancellation tree (`stdlib::context::tree`).
    Context,
    /// `os/signal` (`process::sys_misc`).
    Signal,
}

/// How many ids each server owns.
pub(crate) const WIDTH: u32 = 64;

impl Server {
    /// Every server, in the order of their ranges.
    pub(crate) const ALL: [Server; 6] = [Server::Chan, Server::Runtime, Server::Sync, Server::Time, Server::Context, Server::Signal];

    /// The first id of this server's range.
    pub(crate) const fn first(self) -> u32 {
        (self as u32 + 1) * WIDTH
    }

    /// The last id of this server's range.
    pub(crate) const fn last(self) -> u32 {
        self.first() + (WIDTH - 1)
    }
}

// `ALL` lists the servers in declaration order, so that `server_of` can
// index it by range.
const _: () = {
    let mut i = 0;
    while i < Server::ALL.len() {
        assert!(Server::ALL[i] as usize == i, "Server::ALL must list the servers in declaration order");
        i += 1;
    }
};

/// The server of request `id`, if any claims it.
pub(crate) fn server_of(id: u32) -> Option<Server> {
    let i = (id / WIDTH).checked_sub(1)?;
    Server::ALL.get(i as usize).copied()
}

/// Defines request ids, one block per server:
///
/// ```ignore
/// pub mod id {
///     crate::runtime::request::requests! {
///         Server::Context {
///             /// `context.WithCancel(parent)`: `[parent] -> [ctx, cancel]`.
///             WITH_CANCEL,
///             /// ...
///             WITH_DEADLINE,
///         }
///     }
/// }
/// ```
///
/// Each name becomes a `pub const NAME: u32` (keeping its doc comment),
/// numbered from the server's first id in the order written; a block
/// with more names than its server's range holds does not compile. The
/// invocation also defines `BY_SERVER` (each server with its ids), which
/// the tests check against [`server_of`].
macro_rules! requests {
    (@number ($n:expr);) => {};
    (@number ($n:expr); $(#[$doc:meta])* $name:ident, $($rest:tt)*) => {
        $(#[$doc])*
        pub const $name: u32 = $n;
        $crate::runtime::request::requests!(@number ($name + 1); $($rest)*);
    };
    ($(Server::$server:ident { $($(#[$doc:meta])* $name:ident),* $(,)? })+) => {
        $(
            $crate::runtime::request::requests!(
                @number ($crate::runtime::request::Server::$server.first()); $($(#[$doc])* $name,)*
            );
            const _: () = {
                $(assert!(
                    $name <= $crate::runtime::request::Server::$server.last(),
                    concat!("request ", stringify!($name), " is past the end of ", stringify!($server), "'s id range")
                );)*
            };
        )+
        /// Each server of this module with its ids.
        #[cfg_attr(not(test), allow(dead_code))]
        pub(crate) const BY_SERVER: &[($crate::runtime::request::Server, &[u32])] =
            &[$(($crate::runtime::request::Server::$server, &[$($name),*])),+];
    };
}
pub(crate) use requests;

// The requests, one module per dispatcher (each re-exported as that
// dispatcher's `id`). Arguments are listed bottom of stack first; `->`
// the results pushed when the goroutine resumes.

/// The requests of channels and `select` (Server::Chan) and the runtime's own requests (Server::Runtime), served by `process::chan` and `process::machine`.
pub(crate) mod sys {
    crate::runtime::request::requests! {
        Server::Chan {
            /// `make(chan T, n)`: `[elem_type Int, n Int] -> [Chan]`.
            MAKE_CHAN,
            /// `c <- v`: `[c, v] -> []`.
            CHAN_SEND,
            /// `<-c`: `[c] -> [v]`.
            CHAN_RECV,
            /// `v, ok := <-c`: `[c] -> [v, ok Bool]`.
            CHAN_RECV2,
            /// `close(c)`: `[c] -> []`.
            CHAN_CLOSE,
            /// `select`: `[has_default Bool, (kind Int, c, v)*] -> [index Int, v, ok Bool]`,
            /// kind 0 a send of `v`, 1 a receive (`v` unused); index -1: the default.
            SELECT,
        }
        Server::Runtime {
            /// `runtime.Gosched()`: `[] -> []`.
            GOSCHED,
            /// `time.Sleep(d)`: `[ns Int] -> []`.
            SLEEP,
            /// `runtime.NumGoroutine()`: `[] -> [Int]`.
            NUM_GOROUTINE,
            /// `runtime.GOMAXPROCS(n)`: `[n Int] -> [previous Int]` (n < 1 only reads).
            GOMAXPROCS,
            /// `runtime.GC()`: `[] -> []`. Collects and stamps waiting goroutines'
            /// `waitsince` (what makes `, N minutes` appear in dumps).
            GC,
            /// `runtime.Stack(buf, all)`: `[buf []byte, all Bool] -> [n Int]`,
            /// the dump copied into `buf` (truncated to its length).
            STACK,
            /// `debug.Stack()`: `[] -> [[]byte]`.
            DEBUG_STACK,
            /// `pprof.Lookup("goroutine").WriteTo(w, debug)` text:
            /// `[debug Int] -> [string]` (the caller writes it to `w`).
            PPROF_GOROUTINE,
            /// `pprof.Lookup("goroutineleak").WriteTo(w, debug)` text: runs the
            /// leak detection first, as Go's profile does: `[debug Int] -> [string]`.
            PPROF_GOROUTINE_LEAK,
            /// `runtime.LockOSThread()` / `UnlockOSThread()`: `[] -> []`.
            LOCK_OS_THREAD,
            UNLOCK_OS_THREAD,
            /// A runtime fatal error in the calling goroutine (`fatal error: msg`,
            /// its trace, exit 2; not recoverable): `[msg string] -> never`. For
            /// `sync: unlock of unlocked mutex` and friends.
            FATAL,
            /// `pprof.Lookup("goroutine").Count()` / `NumGoroutine` for
            /// `goroutineleak`: `[] -> [Int]` leaked goroutines after a detection.
            GOROUTINE_LEAK_COUNT,
            /// `runtime.NumCPU()`: `[] -> [Int]`, the simulated machine's CPUs
            /// (the run's initial GOMAXPROCS, as Go's default is NumCPU).
            NUM_CPU,
            /// `(*pprof.Profile).Count()`: `[p] -> [Int]`: goroutines, leaked
            /// goroutines (after a detection), threads; a custom profile's entries.
            PPROF_COUNT,
            /// The text `(*pprof.Profile).WriteTo(w, debug)` writes: `[p, debug Int]
            /// -> [string]` (the goroutine profiles as `PPROF_GOROUTINE` and
            /// `PPROF_GOROUTINE_LEAK` make them; a header for the others).
            PPROF_TEXT,
            /// Simulator-only (what a browser cannot do for real): a blocking
            /// system call lasting `ns` of virtual time; its M blocks, and sysmon
            /// hands the P to another M after 20 µs (`handoffp`): `[ns Int] -> []`.
            SIM_SYSCALL,
            /// Simulator-only: CPU-bound work for `ns` of virtual time, preemptible
            /// like any code: `[ns Int] -> []`.
            SIM_WORK,
        }
    }
}

/// The requests of `sync` (Server::Sync), served by `stdlib::sync::serve`.
pub(crate) mod sync {
    crate::runtime::request::requests! {
        Server::Sync {
            /// `(*Mutex).Lock` slow path (the mutex is not free): `[m] -> []`.
            MUTEX_LOCK,
            /// `(*Mutex).Unlock` slow path (waiters or unlocked): `[m] -> []`.
            MUTEX_UNLOCK,
            /// `(*RWMutex).RLock`, `RUnlock`, `Lock`, `Unlock`: `[rw] -> []`.
            RW_RLOCK,
            RW_RUNLOCK,
            RW_LOCK,
            RW_UNLOCK,
            /// `(*RWMutex).TryLock`, `TryRLock`: `[rw] -> [Bool]`.
            RW_TRYLOCK,
            RW_TRYRLOCK,
            /// `(*WaitGroup).Add` reaching zero with waiters: `[wg, delta] -> []`.
            WG_ADD,
            /// `(*WaitGroup).Wait` with a non-zero counter: `[wg] -> []`.
            WG_WAIT,
            /// `(*Cond).Wait`, `Signal`, `Broadcast`: `[c] -> []`.
            COND_WAIT,
            COND_SIGNAL,
            COND_BROADCAST,

            // Internal: pending requests of parked goroutines (never compiled).
            RESUME_MUTEX,
            RESUME_RW,
            RESUME_WG,
            /// A Cond waiter was notified: re-lock its Locker: `[c] -> []`.
            RESUME_COND,
            /// Cond.Wait after its Unlock woke someone: park on the notify list.
            COND_PARK,
            /// A starving Mutex handed itself over: yield so the new owner runs.
            GOYIELD,
        }
    }
}

/// The requests of `time` (Server::Time), served by `stdlib::time::timers`.
pub(crate) mod time {
    crate::runtime::request::requests! {
        Server::Time {
            /// `time.Now()`: `[] -> [Time]`.
            TIME_NOW,
            /// `time.Since(t)`: `[t Time] -> [Duration Int]`.
            TIME_SINCE,
            /// `time.Until(t)`: `[t Time] -> [Duration Int]`.
            TIME_UNTIL,
            /// `time.After(d)`: `[d] -> [chan]`.
            AFTER,
            /// `time.Tick(d)`: `[d] -> [chan]` (nil for d <= 0).
            TICK,
            /// `time.NewTimer(d)`: `[d] -> [*Timer]`.
            NEW_TIMER,
            /// `time.NewTicker(d)`: `[d] -> [*Ticker]`.
            NEW_TICKER,
            /// `time.AfterFunc(d, f)`: `[d, f] -> [*Timer]`.
            AFTER_FUNC,
            /// `(*Timer).Stop()`: `[t] -> [Bool]`.
            TIMER_STOP,
            /// `(*Timer).Reset(d)`: `[t, d] -> [Bool]`.
            TIMER_RESET,
            /// `(*Ticker).Stop()`: `[t] -> []`.
            TICKER_STOP,
            /// `(*Ticker).Reset(d)`: `[t, d] -> []`.
            TICKER_RESET,
        }
    }
}

/// The requests of `context` (Server::Context), served by `stdlib::context::tree`.
pub(crate) mod context {
    crate::runtime::request::requests! {
        Server::Context {
            /// `context.WithCancel(parent)`: `[parent] -> [ctx, cancel]`.
            WITH_CANCEL,
            /// `context.WithCancelCause(parent)`: `[parent] -> [ctx, cancel]`.
            WITH_CANCEL_CAUSE,
            /// `WithTimeout(parent, d)` / `WithTimeoutCause`: `[parent, d, cause] -> [ctx, cancel]`.
            WITH_TIMEOUT,
            /// `WithDeadline(parent, t)` / `WithDeadlineCause`: `[parent, unix_ns, cause] -> [ctx, cancel]`.
            WITH_DEADLINE,
            /// A CancelFunc: `[node] -> []`.
            CANCEL,
            /// A CancelCauseFunc: `[node, cause] -> []`.
            CANCEL_CAUSE,
            /// `context.AfterFunc(ctx, f)`: `[ctx, f] -> [afterFuncCtx, node]`.
            AFTER_FUNC,
            /// AfterFunc's stop function: `[node] -> [Bool]`.
            AFTER_FUNC_STOP,
            /// Internal: start the next queued AfterFunc goroutine.
            SPAWN_NEXT,
            /// `propagateCancel` under a parent of the program's own type
            /// that derives from context `p`: `[p, node] -> []`.
            ADOPT,
            /// Cancel from a parent of the program's own type: `[node, err, cause] -> []`.
            CANCEL_ERR,
        }
    }
}

/// The requests of `os/signal` and the finalizer goroutine (Server::Signal), served by `process::sys_misc`.
pub(crate) mod signal {
    crate::runtime::request::requests! {
        Server::Signal {
            /// `signal.Notify(c, sigs...)`: `[c Chan, sigs []int (numbers; empty:
            /// all)] -> []`.
            SIGNAL_NOTIFY,
            /// `signal.Stop(c)`: `[c Chan] -> []`.
            SIGNAL_STOP,
            /// A signal sent to the process itself, delivered now: `[sig Int] -> []`.
            SIGNAL_RAISE,
            /// `signal.Ignore(sigs...)`: `[sigs []int] -> []`.
            SIGNAL_IGNORE,
            /// `signal.Reset(sigs...)`: `[sigs []int] -> []` (empty: all).
            SIGNAL_RESET,
            /// `signal.Ignored(sig)`: `[sig Int] -> [Bool]`.
            SIGNAL_IGNORED,
            /// Internal: the caller's next step of starting the signal goroutines.
            SIGNAL_STEP,
            /// The body of `runtime.ensureSigM`'s goroutine: `[] -> []`; answers
            /// the `Notify` waiting for it (Go's mask handshake), then it exits.
            SIGNAL_SIGM,
            /// The body of `os/signal.loop`: `[] -> []`, parks for good (Go's
            /// `signal_recv`; the engine delivers signals from the sender).
            SIGNAL_RECV,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_do_not_overlap_and_map_back_to_their_server() {
        for (i, s) in Server::ALL.iter().enumerate() {
            assert!(s.first() > 0 && s.first() <= s.last(), "{s:?}");
            for t in &Server::ALL[i + 1..] {
                assert!(s.last() < t.first() || t.last() < s.first(), "{s:?} overlaps {t:?}");
            }
            assert_eq!(server_of(s.first()), Some(*s));
            assert_eq!(server_of(s.last()), Some(*s));
        }
        let (first, last) = (Server::ALL[0], Server::ALL[Server::ALL.len() - 1]);
        assert_eq!(server_of(0), None);
        assert_eq!(server_of(first.first() - 1), None);
        assert_eq!(server_of(last.last() + 1), None);
        assert_eq!(server_of(u32::MAX), None);
    }

    mod block {
        crate::runtime::request::requests! {
            Server::Time {
                /// A doc comment is kept.
                A,
                B,
            }
            Server::Signal {
                C,
            }
        }
    }

    #[test]
    fn the_macro_numbers_each_server_from_its_first_id() {
        assert_eq!((block::A, block::B, block::C), (Server::Time.first(), Server::Time.first() + 1, Server::Signal.first()));
        assert_eq!(block::BY_SERVER, [(Server::Time, &[block::A, block::B][..]), (Server::Signal, &[block::C][..])]);
    }
}
