//! `context`'s cancellation tree as a state machine (`context/context.go`:
//! `propagateCancel` hangs a cancelable context under its nearest
//! cancelable ancestor, `cancelCtx.cancel` cancels a node and then its
//! children, `removeChild` takes a canceled node off its parent, and
//! `AfterFunc`'s stop takes a node out before it fires).
//!
//! The order matters, and Go leaves part of it open: a parent keeps its
//! children in a map and ranges over it, so siblings are canceled from a
//! random start. A small map is one group of 8 slots filled in creation
//! order, and its range starts at a random slot and wraps around (a start
//! past the last child walks from the first): 3 children go 0 1 2 six
//! times in eight (real Go 1.27: 78%), 1 2 0 or 2 0 1 otherwise. The
//! start is `range`'s own choice, drawn by the caller.
//!
//! Each node carries a payload `P` (the context object, its function...),
//! which the caller (`stdlib::context::tree`) uses to do what a
//! cancellation means: set the error and cause, close Done, start the
//! `AfterFunc` goroutine.

use std::collections::BTreeMap;

#[derive(Clone, Debug)]
struct Node<P> {
    parent: Option<u64>,
    children: Vec<u64>,
    canceled: bool,
    payload: P,
}

/// The cancelable contexts of a run, by node id (from 1).
#[derive(Clone, Debug)]
pub struct Tree<P> {
    made: u64,
    nodes: BTreeMap<u64, Node<P>>,
}

impl<P> Default for Tree<P> {
    fn default() -> Self {
        Tree { made: 0, nodes: BTreeMap::new() }
    }
}

impl<P> Tree<P> {
    /// The next node's id, before it is added (its context object holds it).
    pub fn next_id(&self) -> u64 {
        self.made + 1
    }

    /// A new node under `parent` (its nearest cancelable ancestor, if
    /// any): it becomes the parent's child unless the parent is canceled.
    pub fn add(&mut self, parent: Option<u64>, payload: P) -> u64 {
        self.made += 1;
        let n = self.made;
        self.nodes.insert(n, Node { parent, children: Vec::new(), canceled: false, payload });
        if let Some(pn) = parent.and_then(|p| self.nodes.get_mut(&p))
            && !pn.canceled
        {
            pn.children.push(n);
        }
        n
    }

    /// `propagateCancel` for a node made under a parent of the program's
    /// own type that derives from node `parent`: `n` becomes its child.
    /// False if `parent` is canceled (then `n` is to be canceled with it).
    pub fn adopt(&mut self, parent: u64, n: u64) -> bool {
        if self.is_canceled(parent) || !self.nodes.contains_key(&n) {
            return false;
        }
        if let Some(node) = self.nodes.get_mut(&n) {
            node.parent = Some(parent);
        }
        if let Some(pn) = self.nodes.get_mut(&parent) {
            pn.children.push(n);
        }
        true
    }

    pub fn payload(&self, n: u64) -> Option<&P> {
        self.nodes.get(&n).map(|x| &x.payload)
    }

    pub fn payload_mut(&mut self, n: u64) -> Option<&mut P> {
        self.nodes.get_mut(&n).map(|x| &mut x.payload)
    }

    pub fn is_canceled(&self, n: u64) -> bool {
        self.nodes.get(&n).is_some_and(|x| x.canceled)
    }

    /// Cancels node `n` and its subtree: the nodes canceled, in Go's
    /// order (each before its children, siblings from a start drawn by
    /// `map_iter_start` when there are two or more). Canceled nodes leave
    /// their parents.
    pub fn cancel(&mut self, n: u64, mut map_iter_start: impl FnMut() -> u64) -> Vec<u64> {
        let mut order = Vec::new();
        let mut work = vec![n];
        while let Some(n) = work.pop() {
            let Some(node) = self.nodes.get_mut(&n) else { continue };
            if node.canceled {
                continue;
            }
            node.canceled = true;
            let (children, parent) = (std::mem::take(&mut node.children), node.parent);
            order.push(n);
            if let Some(pn) = parent.and_then(|p| self.nodes.get_mut(&p)) {
                pn.children.retain(|&c| c != n);
            }
            let k = children.len();
            let start = if k > 1 {
                let slots = k.next_multiple_of(8) as u64;
                let at = (map_iter_start() % slots) as usize;
                if at < k { at } else { 0 }
            } else {
                0
            };
            for i in (0..k).rev() {
                work.push(children[(start + i) % k]);
            }
        }
        order
    }

    /// `AfterFunc`'s stop: takes node `n` out before it is canceled; false
    /// if it already was (or never existed).
    pub fn stop(&mut self, n: u64) -> bool {
        let Some(node) = self.nodes.get_mut(&n).filter(|x| !x.canceled) else { return false };
        node.canceled = true;
        if let Some(pn) = node.parent.and_then(|p| self.nodes.get_mut(&p)) {
            pn.children.retain(|&c| c != n);
        }
        true
    }

    /// The nodes not canceled, each with its parent if that is not
    /// canceled either (whose `children` map holds it, in Go).
    pub fn live_with_parents(&self) -> impl Iterator<Item = (u64, &P, Option<&P>)> + '_ {
        self.nodes.iter().filter(|(_, x)| !x.canceled).map(|(&n, x)| {
            let parent = x.parent.and_then(|p| self.nodes.get(&p)).filter(|p| !p.canceled && p.children.contains(&n));
            (n, &x.payload, parent.map(|p| &p.payload))
        })
    }

    /// The payloads of the nodes not canceled, in id order: what must stay
    /// alive (Go's parents keep their children in their maps).
    pub fn live(&self) -> impl Iterator<Item = &P> + '_ {
        self.nodes.values().filter(|x| !x.canceled).map(|x| &x.payload)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_nodes_with_the_parents_that_hold_them() {
        let mut t: Tree<&str> = Tree::default();
        let a = t.add(None, "a");
        let b = t.add(Some(a), "b");
        let c = t.add(Some(b), "c");
        let view: Vec<(u64, &str, Option<&str>)> = t.live_with_parents().map(|(n, p, q)| (n, *p, q.copied())).collect();
        assert_eq!(view, [(a, "a", None), (b, "b", Some("a")), (c, "c", Some("b"))]);
        // A stopped (or canceled) node leaves its parent's map.
        t.stop(b);
        let view: Vec<(u64, Option<&str>)> = t.live_with_parents().map(|(n, _, q)| (n, q.copied())).collect();
        assert_eq!(view, [(a, None), (c, None)]);
    }

    #[test]
    fn cancel_walks_a_node_then_its_children_and_they_leave_their_parents() {
        let mut t = Tree::<&str>::default();
        let root = t.add(None, "root");
        let a = t.add(Some(root), "a");
        let a1 = t.add(Some(a), "a1");
        let b = t.add(Some(root), "b");
        // Two children of root: the start is drawn once (slot 0 of 8 here).
        let mut draws = 0;
        let order = t.cancel(root, || {
            draws += 1;
            0
        });
        assert_eq!(order, [root, a, a1, b]);
        assert_eq!(draws, 1, "only nodes with two or more children draw");
        assert!(t.is_canceled(a1));
        assert_eq!(t.live().count(), 0);
        assert!(t.cancel(root, || 0).is_empty(), "canceling twice does nothing");
    }

    #[test]
    fn siblings_start_from_the_drawn_slot_of_an_eight_slot_group() {
        for (draw, want) in [(0, ["a", "b", "c"]), (1, ["b", "c", "a"]), (2, ["c", "a", "b"]), (5, ["a", "b", "c"]), (9, ["b", "c", "a"])] {
            let mut t = Tree::<&str>::default();
            let root = t.add(None, "root");
            for name in ["a", "b", "c"] {
                t.add(Some(root), name);
            }
            let order: Vec<&str> = t.cancel(root, || draw).into_iter().skip(1).map(|n| *t.payload(n).unwrap()).collect();
            assert_eq!(order, want, "draw {draw}");
        }
    }

    #[test]
    fn a_child_of_a_canceled_parent_is_not_hung_under_it_and_stop_takes_a_node_out() {
        let mut t = Tree::<u8>::default();
        let p = t.add(None, 0);
        t.cancel(p, || 0);
        let late = t.add(Some(p), 1);
        assert_eq!(t.cancel(p, || 0), Vec::<u64>::new());
        assert!(!t.is_canceled(late), "not reached through its canceled parent");
        let q = t.add(None, 2);
        let f = t.add(Some(q), 3);
        assert!(t.stop(f));
        assert!(!t.stop(f), "stopped once");
        assert_eq!(t.cancel(q, || 0), [q], "a stopped node is no longer a child");
        assert_eq!(t.live().copied().collect::<Vec<_>>(), [1]);
    }
}
