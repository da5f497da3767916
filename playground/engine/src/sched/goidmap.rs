//! `GoidMap`: goid -> a small index (a G slot, a process record), for the
//! lookups every goroutine operation makes.
//!
//! Goids are handed out nearly in order (batches of 16 per P), so a
//! two-level table indexed by the goid itself beats hashing: a lookup is
//! two loads, consecutive goroutines share a page, and a page is freed
//! when its last goroutine is removed, so memory follows the live
//! goroutines, not every goroutine ever created (4 bytes per goid of a
//! live page, plus 8 bytes per 256 goids ever handed out).

use super::g::GoId;

const PAGE_BITS: u32 = 8;
const PAGE_LEN: usize = 1 << PAGE_BITS;
/// An empty entry (indexes are G slots or table rows, far below this).
const NONE: u32 = u32::MAX;

struct Page {
    slots: [u32; PAGE_LEN],
    live: u32,
}

/// A map from goid to `u32`, with the part of `HashMap`'s API the
/// engine uses.
#[derive(Default)]
pub struct GoidMap {
    pages: Vec<Option<Box<Page>>>,
    len: usize,
}

impl GoidMap {
    fn split(goid: GoId) -> (usize, usize) {
        ((goid >> PAGE_BITS) as usize, (goid as usize) & (PAGE_LEN - 1))
    }

    pub fn get(&self, goid: &GoId) -> Option<&u32> {
        let (p, i) = Self::split(*goid);
        let slot = &self.pages.get(p)?.as_ref()?.slots[i];
        (*slot != NONE).then_some(slot)
    }

    pub fn contains_key(&self, goid: &GoId) -> bool {
        self.get(goid).is_some()
    }

    /// Sets `goid`'s index; the old one if there was one. `NONE`
    /// (`u32::MAX`) cannot be stored: such an insert is ignored.
    pub fn insert(&mut self, goid: GoId, v: u32) -> Option<u32> {
        if v == NONE {
            return None;
        }
        let (p, i) = Self::split(goid);
        if self.pages.len() <= p {
            self.pages.resize_with(p + 1, || None);
        }
        let page = self.pages[p].get_or_insert_with(|| Box::new(Page { slots: [NONE; PAGE_LEN], live: 0 }));
        let old = std::mem::replace(&mut page.slots[i], v);
        if old == NONE {
            page.live += 1;
            self.len += 1;
            None
        } else {
            Some(old)
        }
    }

    pub fn remove(&mut self, goid: &GoId) -> Option<u32> {
        let (p, i) = Self::split(*goid);
        let entry = self.pages.get_mut(p)?;
        let page = entry.as_mut()?;
        let old = std::mem::replace(&mut page.slots[i], NONE);
        if old == NONE {
            return None;
        }
        page.live -= 1;
        self.len -= 1;
        if page.live == 0 {
            *entry = None;
        }
        Some(old)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }


    /// Every (goid, index), in goid order.
    pub fn iter(&self) -> impl Iterator<Item = (GoId, u32)> + '_ {
        self.pages.iter().enumerate().filter_map(|(p, page)| page.as_ref().map(|pg| (p, pg))).flat_map(|(p, pg)| {
            pg.slots.iter().enumerate().filter(|(_, s)| **s != NONE).map(move |(i, s)| (((p << PAGE_BITS) + i) as GoId, *s))
        })
    }
}

impl std::fmt::Debug for GoidMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::GoidMap;

    #[test]
    fn insert_get_remove_free_pages() {
        let mut m = GoidMap::default();
        assert_eq!(m.insert(1, 10), None);
        assert_eq!(m.insert(300, 20), None);
        assert_eq!(m.insert(1, 11), Some(10));
        assert_eq!(m.get(&1), Some(&11));
        assert_eq!(m.get(&2), None);
        assert_eq!(m.get(&(1 << 40)), None);
        assert_eq!(m.len(), 2);
        assert_eq!(m.iter().collect::<Vec<_>>(), vec![(1, 11), (300, 20)]);
        assert_eq!(m.remove(&300), Some(20));
        assert_eq!(m.remove(&300), None);
        assert!(m.pages[1].is_none(), "an empty page is freed");
        assert!(m.contains_key(&1) && !m.contains_key(&300));
        assert_eq!(m.insert(5, u32::MAX), None);
        assert!(!m.contains_key(&5));
    }
}
