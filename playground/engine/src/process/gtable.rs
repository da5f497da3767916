//! The process's goroutine records ([`GInfo`]) by goid: rows of a `Vec`,
//! reused as dead goroutines' rows free up (as the scheduler reuses G
//! slots), found through a [`GoidMap`] instead of a hash map: a
//! 100,000-goroutine program looks a record up on every step.

use super::machine::GInfo;
use crate::sched::{GoId, GoidMap};

#[derive(Default)]
pub struct GTable {
    rows: Vec<GInfo>,
    /// Rows whose goroutine exited, for the next insert.
    free: Vec<u32>,
    index: GoidMap,
}

impl GTable {
    pub fn get(&self, goid: &GoId) -> Option<&GInfo> {
        self.index.get(goid).and_then(|&i| self.rows.get(i as usize))
    }

    pub fn get_mut(&mut self, goid: &GoId) -> Option<&mut GInfo> {
        let i = *self.index.get(goid)?;
        self.rows.get_mut(i as usize)
    }

    pub fn contains_key(&self, goid: &GoId) -> bool {
        self.index.contains_key(goid)
    }

    /// Sets `goid`'s record; the old one if there was one.
    pub fn insert(&mut self, goid: GoId, info: GInfo) -> Option<GInfo> {
        if let Some(row) = self.get_mut(&goid) {
            return Some(std::mem::replace(row, info));
        }
        let i = match self.free.pop() {
            Some(i) => {
                self.rows[i as usize] = info;
                i
            }
            None => {
                self.rows.push(info);
                (self.rows.len() - 1) as u32
            }
        };
        self.index.insert(goid, i);
        None
    }

    pub fn remove(&mut self, goid: &GoId) -> Option<GInfo> {
        let i = self.index.remove(goid)?;
        self.free.push(i);
        self.rows.get_mut(i as usize).map(std::mem::take)
    }

    /// Removes `goid`'s record; its VM state index, if it had one. The
    /// row is emptied in place rather than moved out (an exit per
    /// goroutine).
    pub fn discard(&mut self, goid: &GoId) -> Option<usize> {
        let i = self.index.remove(goid)?;
        self.free.push(i);
        let row = self.rows.get_mut(i as usize)?;
        let vm = row.vm.take();
        *row = GInfo::default();
        vm.map(|i| i as usize)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.index.len()
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_reused() {
        let mut t = GTable::default();
        t.insert(7, GInfo { work_left: 1, ..GInfo::default() });
        t.insert(8, GInfo { work_left: 2, ..GInfo::default() });
        assert_eq!(t.remove(&7).map(|g| g.work_left), Some(1));
        assert!(t.get(&7).is_none());
        t.insert(9, GInfo { work_left: 3, ..GInfo::default() });
        assert_eq!(t.rows.len(), 2, "the freed row is reused");
        assert_eq!(t.get(&9).map(|g| g.work_left), Some(3));
        assert_eq!(t.get_mut(&8).map(|g| g.work_left), Some(2));
        assert_eq!(t.insert(8, GInfo::default()).map(|g| g.work_left), Some(2));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn discard_frees_the_row() {
        let mut t = GTable::default();
        t.insert(7, GInfo { vm: Some(3), work_left: 1, ..GInfo::default() });
        assert_eq!(t.discard(&7), Some(3));
        assert!(t.get(&7).is_none());
        assert_eq!(t.discard(&7), None);
        t.insert(8, GInfo::default());
        assert_eq!(t.rows.len(), 1, "the discarded row is reused");
        assert_eq!(t.get(&8).map(|g| (g.vm, g.work_left)), Some((None, 0)));
    }
}
