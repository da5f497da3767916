//! Go's sorting algorithms, ported call for call from Go 1.27's
//! `sort/zsortfunc.go` (the `slices` variants have the same structure):
//! pattern-defeating quicksort for `Sort`/`Slice`/`SortFunc`, insertion
//! blocks plus `symMerge` for the stable sorts. A learner's `Less`/`Swap`
//! or `cmp` may print or count, so the exact sequence of calls matters, and
//! so does the order the algorithm leaves equal elements in.
//!
//! Indices are Go `int`s (`isize`) so that the arithmetic reads like
//! Go's; `Data` implementations get indices within `0..n` from a
//! consistent `less` and must tolerate anything from an inconsistent one.

mod natives;
pub(crate) use natives::{is_sorted, reverse, reverse_call, sort_func, sort_interface, sort_ordered, sort_slice, typed_len, typed_less, typed_sort, typed_swap};

use crate::stdlib::{args, call_go, cmp_vals, pinned_args, slice_elems};
use crate::value::Value;
use crate::vm::NativeFn;

/// The natives of package `sort`: the sorts run the algorithms below over
/// VM values (`natives.rs`).
pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "sort.IntsAreSorted" | "sort.StringsAreSorted" | "sort.Float64sAreSorted" => |vm, g, n| {
            let a = args(g, n);
            let v = slice_elems(vm, a.first().copied().unwrap_or_default());
            let ok = v.windows(2).all(|w| !cmp_vals(vm, w[1], w[0]).is_lt());
            g.stack.push(Value::Bool(ok));
            Ok(())
        },
        "sort.SearchInts" | "sort.SearchStrings" | "sort.SearchFloat64s" => |vm, g, n| {
            let a = args(g, n);
            let v = slice_elems(vm, a.first().copied().unwrap_or_default());
            let x = a.get(1).copied().unwrap_or_default();
            let i = v.partition_point(|e| cmp_vals(vm, *e, x).is_lt());
            g.stack.push(Value::Int(i as i64));
            Ok(())
        },
        "sort.Search" => |vm, g, n| {
            let (a, _pin) = pinned_args(g, n);
            let (mut lo, mut hi) = (0i64, a.first().map_or(0, |v| v.int()));
            let f = a.get(1).copied().unwrap_or_default();
            while lo < hi {
                let h = lo + (hi - lo) / 2;
                let r = call_go(vm, g, f, &[Value::Int(h)], 1)?;
                if r.first().is_some_and(|v| v.bool()) { hi = h } else { lo = h + 1 }
            }
            g.stack.push(Value::Int(lo));
            Ok(())
        },
        // Go 1.22+: these call slices.Sort.
        "sort.Ints" => |vm, g, n| sort_ordered(vm, g, n, b'i'),
        "sort.Strings" => |vm, g, n| sort_ordered(vm, g, n, b's'),
        "sort.Float64s" => |vm, g, n| sort_ordered(vm, g, n, b'f'),
        "sort.Slice" => |vm, g, n| sort_slice(vm, g, n, false),
        "sort.SliceStable" => |vm, g, n| sort_slice(vm, g, n, true),
        "sort.Sort" => |vm, g, n| sort_interface(vm, g, n, false),
        "sort.IntSlice.Len" | "sort.StringSlice.Len" | "sort.Float64Slice.Len" => typed_len,
        "sort.IntSlice.Less" => |vm, g, n| typed_less(vm, g, n, b'i'),
        "sort.StringSlice.Less" => |vm, g, n| typed_less(vm, g, n, b's'),
        "sort.Float64Slice.Less" => |vm, g, n| typed_less(vm, g, n, b'f'),
        "sort.IntSlice.Swap" | "sort.StringSlice.Swap" | "sort.Float64Slice.Swap" => typed_swap,
        "sort.IntSlice.Sort" => |vm, g, n| typed_sort(vm, g, n, b'i'),
        "sort.StringSlice.Sort" => |vm, g, n| typed_sort(vm, g, n, b's'),
        "sort.Float64Slice.Sort" => |vm, g, n| typed_sort(vm, g, n, b'f'),
        "sort.Reverse" => reverse,
        "sort.IsSorted" => is_sorted,
        "sort.(*reverse).Len" => |vm, g, n| reverse_call(vm, g, n, "Len"),
        "sort.(*reverse).Less" => |vm, g, n| reverse_call(vm, g, n, "Less"),
        "sort.(*reverse).Swap" => |vm, g, n| reverse_call(vm, g, n, "Swap"),
        "sort.Stable" => |vm, g, n| sort_interface(vm, g, n, true),
        "sort.SliceIsSorted" => |vm, g, n| {
            let (a, _pin) = pinned_args(g, n);
            let s = match a.first().copied().unwrap_or_default() {
                Value::Iface { obj, .. } => vm.heap.cell(obj),
                v => v,
            };
            let len = match s {
                Value::Slice { len, .. } => len as i64,
                _ => 0,
            };
            let less = a.get(1).copied().unwrap_or_default();
            for i in (1..len).rev() {
                let r = call_go(vm, g, less, &[Value::Int(i), Value::Int(i - 1)], 1)?;
                if r.first().is_some_and(|v| v.bool()) {
                    g.stack.push(Value::Bool(false));
                    return Ok(());
                }
            }
            g.stack.push(Value::Bool(true));
            Ok(())
        },
        _ => return None,
    })
}

/// What the algorithms sort: `sort.Interface` without `Len`. `E` is the
/// way a call into Go can fail (a panic, a stopped program).
pub(crate) trait Data {
    type E;
    fn less(&mut self, i: isize, j: isize) -> Result<bool, Self::E>;
    fn swap(&mut self, i: isize, j: isize) -> Result<(), Self::E>;
}

/// `bits.Len(uint(n))`: pdqsort's budget of bad pivots before heapsort.
pub(crate) fn bits_len(n: isize) -> isize {
    (usize::BITS - (n as usize).leading_zeros()) as isize
}

/// `sort.Sort`, `sort.Slice`, `slices.Sort`, `slices.SortFunc`.
pub(crate) fn sort<D: Data>(data: &mut D, n: isize) -> Result<(), D::E> {
    pdqsort(data, 0, n, bits_len(n))
}

fn insertion_sort<D: Data>(data: &mut D, a: isize, b: isize) -> Result<(), D::E> {
    for i in a + 1..b {
        let mut j = i;
        while j > a && data.less(j, j - 1)? {
            data.swap(j, j - 1)?;
            j -= 1;
        }
    }
    Ok(())
}

/// `siftDown`: the heap property on `data[lo:hi]`, offset by `first`.
fn sift_down<D: Data>(data: &mut D, lo: isize, hi: isize, first: isize) -> Result<(), D::E> {
    let mut root = lo;
    loop {
        let mut child = 2 * root + 1;
        if child >= hi {
            return Ok(());
        }
        if child + 1 < hi && data.less(first + child, first + child + 1)? {
            child += 1;
        }
        if !data.less(first + root, first + child)? {
            return Ok(());
        }
        data.swap(first + root, first + child)?;
        root = child;
    }
}

fn heap_sort<D: Data>(data: &mut D, a: isize, b: isize) -> Result<(), D::E> {
    let (first, lo, hi) = (a, 0, b - a);
    let mut i = (hi - 1) / 2;
    while i >= 0 {
        sift_down(data, i, hi, first)?;
        i -= 1;
    }
    let mut i = hi - 1;
    while i >= 0 {
        data.swap(first, first + i)?;
        sift_down(data, lo, i, first)?;
        i -= 1;
    }
    Ok(())
}

#[derive(PartialEq, Clone, Copy)]
enum Hint {
    Unknown,
    Increasing,
    Decreasing,
}

/// `pdqsort`: sorts `data[a:b]`; `limit` bad pivots are allowed before
/// falling back to heapsort.
fn pdqsort<D: Data>(data: &mut D, mut a: isize, mut b: isize, mut limit: isize) -> Result<(), D::E> {
    const MAX_INSERTION: isize = 12;
    let (mut was_balanced, mut was_partitioned) = (true, true);
    loop {
        let length = b - a;
        if length <= MAX_INSERTION {
            return insertion_sort(data, a, b);
        }
        if limit == 0 {
            return heap_sort(data, a, b);
        }
        if !was_balanced {
            break_patterns(data, a, b)?;
            limit -= 1;
        }
        let (mut pivot, mut hint) = choose_pivot(data, a, b)?;
        if hint == Hint::Decreasing {
            reverse_range(data, a, b)?;
            pivot = (b - 1) - (pivot - a);
            hint = Hint::Increasing;
        }
        // Likely already sorted.
        if was_balanced && was_partitioned && hint == Hint::Increasing && partial_insertion_sort(data, a, b)? {
            return Ok(());
        }
        // Many duplicates: put the elements equal to the pivot first.
        if a > 0 && !data.less(a - 1, pivot)? {
            a = partition_equal(data, a, b, pivot)?;
            continue;
        }
        let (mid, already) = partition(data, a, b, pivot)?;
        was_partitioned = already;
        let (left, right) = (mid - a, b - mid);
        let threshold = length / 8;
        // Recurse into the smaller side, loop on the larger.
        if left < right {
            was_balanced = left >= threshold;
            pdqsort(data, a, mid, limit)?;
            a = mid + 1;
        } else {
            was_balanced = right >= threshold;
            pdqsort(data, mid + 1, b, limit)?;
            b = mid;
        }
    }
}

/// `partition`: one quicksort partition around `data[pivot]`, which ends
/// at the returned index.
fn partition<D: Data>(data: &mut D, a: isize, b: isize, pivot: isize) -> Result<(isize, bool), D::E> {
    data.swap(a, pivot)?;
    let (mut i, mut j) = (a + 1, b - 1);
    while i <= j && data.less(i, a)? {
        i += 1;
    }
    while i <= j && !data.less(j, a)? {
        j -= 1;
    }
    if i > j {
        data.swap(j, a)?;
        return Ok((j, true));
    }
    data.swap(i, j)?;
    i += 1;
    j -= 1;
    loop {
        while i <= j && data.less(i, a)? {
            i += 1;
        }
        while i <= j && !data.less(j, a)? {
            j -= 1;
        }
        if i > j {
            break;
        }
        data.swap(i, j)?;
        i += 1;
        j -= 1;
    }
    data.swap(j, a)?;
    Ok((j, false))
}

/// `partitionEqual`: elements equal to `data[pivot]`, then greater ones.
fn partition_equal<D: Data>(data: &mut D, a: isize, b: isize, pivot: isize) -> Result<isize, D::E> {
    data.swap(a, pivot)?;
    let (mut i, mut j) = (a + 1, b - 1);
    loop {
        while i <= j && !data.less(a, i)? {
            i += 1;
        }
        while i <= j && data.less(a, j)? {
            j -= 1;
        }
        if i > j {
            break;
        }
        data.swap(i, j)?;
        i += 1;
        j -= 1;
    }
    Ok(i)
}

/// `partialInsertionSort`: fixes up to five adjacent inversions; true if
/// `data[a:b]` ends sorted.
fn partial_insertion_sort<D: Data>(data: &mut D, a: isize, b: isize) -> Result<bool, D::E> {
    const MAX_STEPS: usize = 5;
    const SHORTEST_SHIFTING: isize = 50;
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !data.less(i, i - 1)? {
            i += 1;
        }
        if i == b {
            return Ok(true);
        }
        if b - a < SHORTEST_SHIFTING {
            return Ok(false);
        }
        data.swap(i, i - 1)?;
        // Shift the smaller one left (Go stops at 1, not at a).
        if i - a >= 2 {
            let mut j = i - 1;
            while j >= 1 {
                if !data.less(j, j - 1)? {
                    break;
                }
                data.swap(j, j - 1)?;
                j -= 1;
            }
        }
        // Shift the greater one right.
        if b - i >= 2 {
            let mut j = i + 1;
            while j < b {
                if !data.less(j, j - 1)? {
                    break;
                }
                data.swap(j, j - 1)?;
                j += 1;
            }
        }
    }
    Ok(false)
}

/// Go's `xorshift`, seeded with the length so runs are reproducible.
fn xorshift_next(r: &mut u64) -> u64 {
    *r ^= *r << 13;
    *r ^= *r >> 7;
    *r ^= *r << 17;
    *r
}

/// `breakPatterns`: three pseudo-random swaps around the middle.
fn break_patterns<D: Data>(data: &mut D, a: isize, b: isize) -> Result<(), D::E> {
    let length = b - a;
    if length >= 8 {
        let mut random = length as u64;
        let modulus = 1usize << bits_len(length);
        let mid = a + (length / 4) * 2;
        for idx in mid - 1..=mid + 1 {
            let mut other = (xorshift_next(&mut random) as usize & (modulus - 1)) as isize;
            if other >= length {
                other -= length;
            }
            data.swap(idx, a + other)?;
        }
    }
    Ok(())
}

/// `choosePivot`: a static pivot below 8 elements, median of three below
/// 50, Tukey's ninther above; the count of swaps hints at the order.
fn choose_pivot<D: Data>(data: &mut D, a: isize, b: isize) -> Result<(isize, Hint), D::E> {
    const SHORTEST_NINTHER: isize = 50;
    const MAX_SWAPS: usize = 4 * 3;
    let l = b - a;
    let mut swaps = 0;
    let (mut i, mut j, mut k) = (a + l / 4, a + l / 4 * 2, a + l / 4 * 3);
    if l >= 8 {
        if l >= SHORTEST_NINTHER {
            i = median(data, i - 1, i, i + 1, &mut swaps)?;
            j = median(data, j - 1, j, j + 1, &mut swaps)?;
            k = median(data, k - 1, k, k + 1, &mut swaps)?;
        }
        j = median(data, i, j, k, &mut swaps)?;
    }
    Ok(match swaps {
        0 => (j, Hint::Increasing),
        MAX_SWAPS => (j, Hint::Decreasing),
        _ => (j, Hint::Unknown),
    })
}

fn order2<D: Data>(data: &mut D, a: isize, b: isize, swaps: &mut usize) -> Result<(isize, isize), D::E> {
    if data.less(b, a)? {
        *swaps += 1;
        return Ok((b, a));
    }
    Ok((a, b))
}

fn median<D: Data>(data: &mut D, a: isize, b: isize, c: isize, swaps: &mut usize) -> Result<isize, D::E> {
    let (a, b) = order2(data, a, b, swaps)?;
    let (b, _c) = order2(data, b, c, swaps)?;
    let (_a, b) = order2(data, a, b, swaps)?;
    Ok(b)
}

fn reverse_range<D: Data>(data: &mut D, a: isize, b: isize) -> Result<(), D::E> {
    let (mut i, mut j) = (a, b - 1);
    while i < j {
        data.swap(i, j)?;
        i += 1;
        j -= 1;
    }
    Ok(())
}

fn swap_range<D: Data>(data: &mut D, a: isize, b: isize, n: isize) -> Result<(), D::E> {
    for i in 0..n {
        data.swap(a + i, b + i)?;
    }
    Ok(())
}

/// `sort.Stable`, `sort.SliceStable`, `slices.SortStableFunc`: insertion
/// sorted blocks of 20, then merged in place by `symMerge`.
pub(crate) fn stable<D: Data>(data: &mut D, n: isize) -> Result<(), D::E> {
    let mut block = 20;
    let (mut a, mut b) = (0, block);
    while b <= n {
        insertion_sort(data, a, b)?;
        a = b;
        b += block;
    }
    insertion_sort(data, a, n)?;
    while block < n {
        a = 0;
        b = 2 * block;
        while b <= n {
            sym_merge(data, a, a + block, b)?;
            a = b;
            b += 2 * block;
        }
        let m = a + block;
        if m < n {
            sym_merge(data, a, m, n)?;
        }
        block *= 2;
    }
    Ok(())
}

/// `symMerge`: merges sorted `data[a:m]` and `data[m:b]` (Kim & Kutzner's
/// SymMerge), with direct insertion when one side has one element.
fn sym_merge<D: Data>(data: &mut D, a: isize, m: isize, b: isize) -> Result<(), D::E> {
    if m - a == 1 {
        // Lowest i in m..b with data[i] >= data[a].
        let (mut i, mut j) = (m, b);
        while i < j {
            let h = ((i + j) as usize >> 1) as isize;
            if data.less(h, a)? {
                i = h + 1;
            } else {
                j = h;
            }
        }
        for k in a..i - 1 {
            data.swap(k, k + 1)?;
        }
        return Ok(());
    }
    if b - m == 1 {
        // Lowest i in a..m with data[i] > data[m].
        let (mut i, mut j) = (a, m);
        while i < j {
            let h = ((i + j) as usize >> 1) as isize;
            if !data.less(m, h)? {
                i = h + 1;
            } else {
                j = h;
            }
        }
        let mut k = m;
        while k > i {
            data.swap(k, k - 1)?;
            k -= 1;
        }
        return Ok(());
    }
    let mid = ((a + b) as usize >> 1) as isize;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = ((start + r) as usize >> 1) as isize;
        if !data.less(p - c, c)? {
            start = c + 1;
        } else {
            r = c;
        }
    }
    let end = n - start;
    if start < m && m < end {
        rotate(data, start, m, end)?;
    }
    if a < start && start < mid {
        sym_merge(data, a, start, mid)?;
    }
    if mid < end && end < b {
        sym_merge(data, mid, end, b)?;
    }
    Ok(())
}

/// `rotate`: swaps blocks `data[a:m]` and `data[m:b]` by block swaps.
fn rotate<D: Data>(data: &mut D, a: isize, m: isize, b: isize) -> Result<(), D::E> {
    let (mut i, mut j) = (m - a, b - m);
    while i != j {
        if i > j {
            swap_range(data, m - i, m, j)?;
            i -= j;
        } else {
            swap_range(data, m - i, m + j - i, i)?;
            j -= i;
        }
    }
    swap_range(data, m - i, m, i)
}

#[cfg(test)]
mod tests;
