//! Which local slots a function may still read from each instruction on:
//! what Go's stack maps tell its collector. A variable after its last use
//! is no root in Go, so a goroutine blocked on a channel that only a dead
//! variable of `main` still names is leaked (the goroutineleak profile
//! reports it). A backward data-flow pass over the bytecode, computed when
//! a leak analysis asks, never while the program runs.
//!
//! Conservative where the bytecode does not say: result slots are always
//! live (deferred calls and a recovered panic read them), and so is every
//! slot of an instruction index past the code.

use super::Function;
use crate::chunk::Op;

/// Live local slots per instruction index, as bit sets.
pub struct Liveness {
    /// Instructions in the function.
    len: usize,
    words: usize,
    /// `live_in` of instruction `ip` at `[ip * words .. (ip + 1) * words]`.
    bits: Vec<u64>,
}

impl Liveness {
    pub fn of(f: &Function) -> Liveness {
        let code = &f.chunk.code;
        let n = code.len();
        let words = (f.nlocals as usize).div_ceil(64).max(1);
        let mut always = vec![0u64; words];
        for rs in &f.result_slots {
            set(&mut always, rs.local as usize);
        }
        let mut bits = vec![0u64; (n + 1) * words];
        let mut out = vec![0u64; words];
        let mut changed = true;
        while changed {
            changed = false;
            for ip in (0..n).rev() {
                out.iter_mut().for_each(|w| *w = 0);
                for s in successors(code[ip], ip) {
                    let s = s.min(n);
                    for (o, b) in out.iter_mut().zip(&bits[s * words..(s + 1) * words]) {
                        *o |= b;
                    }
                }
                let (uses, defs) = uses_defs(code[ip]);
                for d in defs.into_iter().flatten() {
                    clear(&mut out, d as usize);
                }
                for u in uses.into_iter().flatten() {
                    set(&mut out, u as usize);
                }
                for (o, a) in out.iter_mut().zip(&always) {
                    *o |= a;
                }
                let slot = &mut bits[ip * words..(ip + 1) * words];
                if slot != out.as_slice() {
                    slot.copy_from_slice(&out);
                    changed = true;
                }
            }
        }
        Liveness { len: n, words, bits }
    }

    /// Whether local `local` may be read again from instruction `ip` on.
    pub fn is_live(&self, ip: usize, local: usize) -> bool {
        if ip >= self.len || local / 64 >= self.words {
            // Past the code (or the function's slots): nothing known.
            return true;
        }
        self.bits.get(ip * self.words + local / 64).is_none_or(|x| x & (1 << (local % 64)) != 0)
    }
}

fn set(bits: &mut [u64], i: usize) {
    if let Some(w) = bits.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

fn clear(bits: &mut [u64], i: usize) {
    if let Some(w) = bits.get_mut(i / 64) {
        *w &= !(1 << (i % 64));
    }
}

/// Where control may go after instruction `ip`.
fn successors(op: Op, ip: usize) -> Vec<usize> {
    match op {
        Op::Jump(t) => vec![t as usize],
        Op::JumpIfFalse(t) | Op::JumpIfTrue(t) | Op::MapNext(t) | Op::JumpUnlessI { target: t, .. } => vec![ip + 1, t as usize],
        Op::Ret(_) | Op::Panic | Op::PanicRangeState | Op::Goexit => Vec::new(),
        _ => vec![ip + 1],
    }
}

/// The locals an instruction reads and the ones it overwrites.
fn uses_defs(op: Op) -> ([Option<u16>; 2], [Option<u16>; 1]) {
    match op {
        Op::GetLocal(i) => ([Some(i), None], [None]),
        Op::SetLocal(i) => ([None, None], [Some(i)]),
        Op::IncLocal { local, .. } => ([Some(local), None], [None]),
        Op::AddLocal { dst, src } => ([Some(dst), Some(src)], [None]),
        _ => ([None, None], [None]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunk::ChunkBuilder;
    use crate::span::Span;

    fn func(ops: &[Op], nlocals: u16) -> Function {
        let mut b = ChunkBuilder::new();
        for &op in ops {
            b.emit(op, Span::default());
        }
        Function::new("main.f", 0, nlocals, 0, b.finish().unwrap_or_default())
    }

    #[test]
    fn a_local_is_dead_after_its_last_read() {
        // 0: x = 1; 1..: read x; call; then only y is read.
        let f = func(&[Op::PushInt(1), Op::SetLocal(0), Op::PushInt(2), Op::SetLocal(1), Op::GetLocal(0), Op::Pop, Op::PushNil, Op::GetLocal(1), Op::Ret(0)], 2);
        let l = Liveness::of(&f);
        assert!(!l.is_live(0, 0), "not yet assigned");
        assert!(l.is_live(2, 0) && l.is_live(4, 0));
        assert!(!l.is_live(5, 0) && !l.is_live(6, 0), "after its last read");
        assert!(l.is_live(6, 1) && !l.is_live(8, 1));
    }

    #[test]
    fn a_loop_keeps_what_its_next_round_reads() {
        // 0: GetLocal 0; 1: Pop; 2: PushNil; 3: Jump 0 — local 0 is read every round.
        let f = func(&[Op::GetLocal(0), Op::Pop, Op::PushNil, Op::Jump(0)], 1);
        let l = Liveness::of(&f);
        assert!(l.is_live(2, 0) && l.is_live(3, 0));
    }

    #[test]
    fn past_the_code_everything_is_live() {
        let f = func(&[Op::Ret(0)], 3);
        let l = Liveness::of(&f);
        assert!(!l.is_live(0, 2));
        assert!(l.is_live(1, 2) && l.is_live(99, 0));
    }
}
