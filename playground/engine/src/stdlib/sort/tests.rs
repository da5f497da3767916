//! The algorithms against traces recorded from real Go 1.27: a hash of
//! every `Less(i, j)`/`Swap(i, j)` call in order, the call counts and a
//! checksum of the permutation left behind.

use super::{Data, sort, stable};

/// `(key, id)` records sorted by key, recording each call as Go's probe does.
struct Trace {
    d: Vec<(i64, i64)>,
    h: u64,
    less: u64,
    swaps: u64,
}

impl Trace {
    fn new(d: Vec<(i64, i64)>) -> Self {
        Trace { d, h: 0, less: 0, swaps: 0 }
    }
    fn note(&mut self, op: u64, i: isize, j: isize) {
        self.h = self.h.wrapping_mul(1000003) ^ (op * 1_000_000 + i as u64 * 1000 + j as u64);
    }
    fn sum(&self) -> u64 {
        self.d.iter().enumerate().fold(0u64, |s, (i, r)| s.wrapping_mul(31).wrapping_add((r.1 as u64).wrapping_mul(i as u64 + 1)))
    }
}

impl Data for Trace {
    type E = ();
    fn less(&mut self, i: isize, j: isize) -> Result<bool, ()> {
        self.less += 1;
        self.note(1, i, j);
        Ok(self.d[i as usize].0 < self.d[j as usize].0)
    }
    fn swap(&mut self, i: isize, j: isize) -> Result<(), ()> {
        self.swaps += 1;
        self.note(2, i, j);
        self.d.swap(i as usize, j as usize);
        Ok(())
    }
}

/// The Go probe's inputs: an LCG and six shapes (random with `m` distinct
/// keys, ascending, descending, all equal, organ pipe, nearly sorted).
fn input(n: i64, pat: i64, m: i64) -> Vec<(i64, i64)> {
    let mut x = (n * 7919 + pat * 31 + m) as u64;
    (0..n)
        .map(|i| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let r = (x >> 33) as i64 % m;
            let k = match pat {
                0 => r,
                1 => i / m,
                2 => (n - i) / m,
                3 => 0,
                4 if i < n / 2 => i,
                4 => n - i,
                _ if i % 97 == 5 => i - 3,
                _ => i,
            };
            (k, i)
        })
        .collect()
}

#[test]
fn matches_go_traces() {
    let text = include_str!("go_traces.txt");
    let mut cases = 0;
    for line in text.lines().filter(|l| l.starts_with('(')) {
        let f: Vec<u64> = line.trim_matches(|c| "(),".contains(c)).split(", ").map(|x| x.parse().unwrap()).collect();
        let (n, pat, m) = (f[0] as i64, f[1] as i64, f[2] as i64);
        let mut t = Trace::new(input(n, pat, m));
        sort(&mut t, n as isize).unwrap();
        assert_eq!([t.h, t.less, t.swaps, t.sum()], f[3..7], "sort n={n} pat={pat} m={m}");
        let mut s = Trace::new(input(n, pat, m));
        stable(&mut s, n as isize).unwrap();
        assert_eq!([s.h, s.less, s.swaps, s.sum()], f[7..11], "stable n={n} pat={pat} m={m}");
        cases += 1;
    }
    assert_eq!(cases, 312);
}

/// McIlroy's adversary ("A killer adversary for quicksort"): values are
/// fixed lazily to make every pivot bad, driving pdqsort to breakPatterns
/// and heapsort.
struct Adversary {
    t: Trace,
    val: Vec<i64>,
    gas: i64,
    nsolid: i64,
    cand: i64,
}

impl Data for Adversary {
    type E = ();
    fn less(&mut self, i: isize, j: isize) -> Result<bool, ()> {
        self.t.less += 1;
        self.t.note(1, i, j);
        let (x, y) = (self.t.d[i as usize].1, self.t.d[j as usize].1);
        let (xu, yu) = (x as usize, y as usize);
        if self.val[xu] == self.gas && self.val[yu] == self.gas {
            if x == self.cand {
                self.val[xu] = self.nsolid;
            } else {
                self.val[yu] = self.nsolid;
            }
            self.nsolid += 1;
        }
        if self.val[xu] == self.gas {
            self.cand = x;
        } else if self.val[yu] == self.gas {
            self.cand = y;
        }
        Ok(self.val[xu] < self.val[yu])
    }
    fn swap(&mut self, i: isize, j: isize) -> Result<(), ()> {
        self.t.swap(i, j)
    }
}

#[test]
fn matches_go_against_an_adversary() {
    let want: [(i64, u64, u64, u64, u64); 4] = [
        (100, 18347488982855867601, 941, 315, 3524870830857432677),
        (257, 11948580696796012012, 1951, 824, 3837624463794191980),
        (1000, 14709250980653316076, 7202, 3244, 13018794055472354765),
        (5000, 11770423077244221052, 35280, 16246, 3286217458733881005),
    ];
    for (n, h, less, swaps, sum) in want {
        let d = (0..n).map(|i| (0, i)).collect();
        let mut a = Adversary { t: Trace::new(d), val: vec![n; n as usize], gas: n, nsolid: 0, cand: 0 };
        sort(&mut a, n as isize).unwrap();
        assert_eq!([a.t.h, a.t.less, a.t.swaps, a.t.sum()], [h, less, swaps, sum], "n={n}");
    }
}

/// An inconsistent `less` must neither panic nor index out of range.
struct Chaos {
    n: isize,
    x: u64,
}

impl Data for Chaos {
    type E = ();
    fn less(&mut self, i: isize, j: isize) -> Result<bool, ()> {
        assert!((0..self.n).contains(&i) && (0..self.n).contains(&j), "less({i}, {j}) out of range");
        self.x = self.x.wrapping_mul(6364136223846793005).wrapping_add(1);
        Ok(self.x >> 63 == 1)
    }
    fn swap(&mut self, i: isize, j: isize) -> Result<(), ()> {
        assert!((0..self.n).contains(&i) && (0..self.n).contains(&j), "swap({i}, {j}) out of range");
        Ok(())
    }
}

#[test]
fn inconsistent_less_stays_in_range() {
    for n in [0, 1, 2, 13, 50, 51, 200, 1000] {
        for seed in 0..20 {
            sort(&mut Chaos { n, x: seed }, n).unwrap();
            stable(&mut Chaos { n, x: seed }, n).unwrap();
        }
    }
}

/// heapSort is only reached after bits.Len(n) bad pivots, which no input
/// here produces; Go's heapSort_func copied into a probe gave these.
#[test]
fn heap_sort_matches_go() {
    let want: [(i64, i64, u64, u64, u64, u64); 24] = [
        (2, 0, 1000008737874262406, 1, 2, 31),
        (2, 1, 1000008737874262406, 1, 2, 31),
        (2, 2, 1000008737874262406, 1, 2, 31),
        (2, 3, 1000008737874262406, 1, 2, 31),
        (2, 4, 13741664681238091989, 1, 3, 2),
        (2, 5, 13741664681238091989, 1, 3, 2),
        (13, 0, 7399911133588027141, 60, 40, 1655998084102627430),
        (13, 1, 9991722381790087280, 55, 31, 1626689383568461102),
        (13, 2, 15986268954343985979, 49, 23, 8263056215281873522),
        (13, 3, 4107431278013615725, 33, 13, 897118738039462130),
        (13, 4, 5923886273496848073, 57, 35, 612522427849549359),
        (13, 5, 9678669391622921433, 64, 45, 56277008573879885),
        (100, 0, 17238330278632658919, 988, 530, 10341777252645682691),
        (100, 1, 1940342999837565479, 1027, 588, 16955766845209295753),
        (100, 2, 9239411627675342781, 936, 494, 12298125379276228449),
        (100, 3, 969947218809045476, 294, 100, 1250480508999616810),
        (100, 4, 2463068591256661717, 1046, 585, 11968178480891445529),
        (100, 5, 2375748971993818012, 1082, 641, 15791370009653200111),
        (1000, 0, 11102986439836927385, 15048, 7791, 13136165016330651237),
        (1000, 1, 16579632560853296791, 17439, 9622, 17905214052365877706),
        (1000, 2, 6034912263259349173, 15938, 8273, 1505572773188835546),
        (1000, 3, 8412354815033304180, 2994, 1000, 15060521136317442772),
        (1000, 4, 17014469988569850424, 17207, 9208, 10072378483842510200),
        (1000, 5, 15747531313932109795, 17570, 9701, 7791589735729305523),
    ];
    for (n, pat, h, less, swaps, sum) in want {
        let mut t = Trace::new(input(n, pat, 7));
        super::heap_sort(&mut t, 0, n as isize).unwrap();
        assert_eq!([t.h, t.less, t.swaps, t.sum()], [h, less, swaps, sum], "n={n} pat={pat}");
    }
}
