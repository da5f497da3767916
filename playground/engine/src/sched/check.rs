//! The scheduler's invariants, checked after every event in tests and
//! debug builds. A violation is returned as a description (the run then
//! ends with `Ending::Fault`), never a panic.

use super::Sched;
use super::g::GStatus;
use super::p::PStatus;

/// Checks that the scheduler's state is coherent:
/// - every runnable G is in exactly one queue or runnext, and no other G is;
/// - a running G has an M that runs it and that M holds a P held by it;
/// - a G in a syscall has an M in a syscall;
/// - Ps and Ms agree on who holds whom; idle Ps are idle;
/// - the spinning count and `NumGoroutine` match what they count;
/// - free lists hold only dead Gs; the goid index points at its Gs.
#[allow(clippy::collapsible_match)]
pub fn check(s: &Sched) -> Result<(), String> {
    let mut seen = vec![0u8; s.gs.len()];
    let mut note = |g: u32, wher: &str| -> Result<(), String> {
        match seen.get_mut(g as usize) {
            Some(c) => {
                *c = c.saturating_add(1);
                Ok(())
            }
            None => Err(format!("queue {wher} holds unknown G slot {g}")),
        }
    };
    for p in &s.ps {
        if let Some(g) = p.runnext {
            note(g, &format!("runnext of P{}", p.id))?;
        }
        if p.runq_len() > super::p::RUNQ_LEN {
            return Err(format!("P{} local queue length {} exceeds 256", p.id, p.runq_len()));
        }
        for g in p.runq_items() {
            note(g, &format!("local queue of P{}", p.id))?;
        }
    }
    for &g in &s.global {
        note(g, "global")?;
    }
    let mut live = 0u32;
    for (i, g) in s.gs.iter().enumerate() {
        let n = seen[i];
        let goid = g.goid;
        if g.status == GStatus::Runnable {
            if n != 1 {
                return Err(format!("runnable goroutine {goid} is in {n} queues"));
            }
        } else if n != 0 {
            return Err(format!("goroutine {goid} in status {} sits in a run queue", g.status.go_name()));
        }
        if g.status != GStatus::Dead && !g.system {
            live += 1;
        }
        match g.status {
            GStatus::Running | GStatus::Syscall | GStatus::Copystack => {
                let Some(m) = g.m else { return Err(format!("{} goroutine {goid} has no M", g.status.go_name())) };
                let Some(mm) = s.ms.get(m as usize) else { return Err(format!("goroutine {goid} has unknown M{m}")) };
                if mm.curg != Some(i as u32) {
                    return Err(format!("goroutine {goid} says M{m} runs it, M{m} disagrees"));
                }
                if g.status != GStatus::Syscall {
                    let Some(p) = mm.p else { return Err(format!("running goroutine {goid} on M{m} without a P")) };
                    if s.ps.get(p as usize).and_then(|pp| pp.m) != Some(m) {
                        return Err(format!("M{m} holds P{p} but P{p} is not held by M{m}"));
                    }
                } else if mm.syscall_end.is_none() {
                    return Err(format!("goroutine {goid} in a syscall on M{m} with no syscall end"));
                }
            }
            _ => {
                if g.m.is_some() {
                    return Err(format!("{} goroutine {goid} still has an M", g.status.go_name()));
                }
            }
        }
        if matches!(g.status, GStatus::Waiting | GStatus::Leaked) && g.waitreason == super::WaitReason::Zero {
            return Err(format!("waiting goroutine {goid} has no wait reason"));
        }
        if s.goid_index.get(&goid) != Some(&(i as u32)) && g.status != GStatus::Dead {
            return Err(format!("goid index does not point at goroutine {goid}"));
        }
    }
    if live != s.ngoroutines {
        return Err(format!("NumGoroutine is {} but {live} goroutines are not dead", s.ngoroutines));
    }
    let mut spinning = 0;
    for (mi, m) in s.ms.iter().enumerate() {
        if m.spinning {
            spinning += 1;
            if m.curg.is_some() {
                return Err(format!("spinning M{mi} runs a G"));
            }
        }
        if let Some(g) = m.curg {
            let st = s.gs.get(g as usize).map(|g| g.status);
            if !matches!(st, Some(GStatus::Running | GStatus::Syscall | GStatus::Copystack)) {
                return Err(format!("M{mi} curg is in status {st:?}"));
            }
        }
        if let Some(p) = m.p {
            if s.ps.get(p as usize).and_then(|pp| pp.m) != Some(mi as u32) {
                return Err(format!("M{mi} holds P{p} which does not name it"));
            }
            if m.idle || m.dead {
                return Err(format!("idle or dead M{mi} holds P{p}"));
            }
        }
    }
    if spinning != s.nmspinning {
        return Err(format!("nmspinning is {} but {spinning} Ms spin", s.nmspinning));
    }
    for p in &s.ps {
        match (p.status, p.m) {
            (PStatus::Running, Some(m)) => {
                if s.ms.get(m as usize).and_then(|mm| mm.p) != Some(p.id) {
                    return Err(format!("P{} names M{m} which does not hold it", p.id));
                }
            }
            (PStatus::Running, None) => return Err(format!("running P{} has no M", p.id)),
            (_, Some(m)) => return Err(format!("{} P{} held by M{m}", p.status.go_name(), p.id)),
            _ => {}
        }
    }
    for &p in &s.pidle {
        if s.ps.get(p as usize).map(|pp| pp.status) != Some(PStatus::Idle) {
            return Err(format!("P{p} is on the idle list but not idle"));
        }
    }
    for g in s.ps.iter().flat_map(|p| p.gfree.iter()).chain(s.gfree_global.iter()) {
        if s.gs.get(*g as usize).map(|g| g.status) != Some(GStatus::Dead) {
            return Err(format!("free list holds G slot {g}, which is not dead"));
        }
    }
    Ok(())
}
