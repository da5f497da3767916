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
//! The ids themselves are named beside their server's code (the `id`
//! modules of `process::sys`, `sys_sync`, `sys_time`, `sys_context`,
//! `sys_misc`, `sys_errgroup`), through [`requests!`]: it numbers a
//! server's constants one after the other from the server's first id and
//! refuses to compile a block that outgrows its range. The numbers are
//! not observable (bytecode is never stored), so adding or moving a
//! request renumbers freely.

/// Who serves a runtime request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Server {
    /// Channels and `select` (`process::sys`, served in the machine).
    Chan,
    /// `runtime`, `runtime/debug`, `runtime/pprof`, `time.Sleep`, runtime
    /// fatal errors and the simulator package (`process::sys`, served in
    /// the machine).
    Runtime,
    /// `sync`'s blocking operations and their resumptions
    /// (`process::sys_sync`).
    Sync,
    /// `time`'s clock and timers (`process::sys_time`).
    Time,
    /// `context`'s cancellation tree (`process::sys_context`).
    Context,
    /// `os/signal` (`process::sys_misc`).
    Signal,
    /// `golang.org/x/sync/errgroup` (`process::sys_errgroup`).
    Errgroup,
}

/// How many ids each server owns.
pub(crate) const WIDTH: u32 = 64;

impl Server {
    /// Every server, in the order of their ranges.
    pub(crate) const ALL: [Server; 7] =
        [Server::Chan, Server::Runtime, Server::Sync, Server::Time, Server::Context, Server::Signal, Server::Errgroup];

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
            Server::Errgroup {
                C,
            }
        }
    }

    #[test]
    fn the_macro_numbers_each_server_from_its_first_id() {
        assert_eq!((block::A, block::B, block::C), (Server::Time.first(), Server::Time.first() + 1, Server::Errgroup.first()));
        assert_eq!(block::BY_SERVER, [(Server::Time, &[block::A, block::B][..]), (Server::Errgroup, &[block::C][..])]);
    }
}
