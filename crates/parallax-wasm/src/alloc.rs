//! A size-class allocator in front of the standard one, for the engine's many small blocks.
//!
//! A comparison makes and frees tens of thousands of small blocks (tokens' strings, short
//! lists): some 20,000 for seeds 002 vs 004, where chromium's profile put 8% of the time in the
//! standard wasm allocator (dlmalloc). Here a block of at most [`LARGEST`] bytes comes from a
//! free list per size class (a multiple of [`GRAIN`] bytes) and goes back to it when freed: a
//! pop and a push. Lists are filled from [`CHUNK`]-byte chunks taken from the allocator behind.
//! Larger blocks, and blocks aligned wider than [`GRAIN`], go straight to the allocator behind.
//! The class comes from the layout the caller passes back on every free, so blocks carry no
//! header.
//!
//! Freed small blocks stay in their class (they are not handed back or merged): memory held is
//! the most each class ever held at once, as with any segregated free-list allocator.
//!
//! The only `unsafe` code of the workspace (the workspace denies it; this module allows it):
//! an allocator cannot be written without it. The tests run it natively against random
//! sequences of allocations, moves and frees.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::{self, NonNull};

/// Size classes are multiples of this many bytes; it is also the alignment every small block has.
pub const GRAIN: usize = 8;
/// The largest block served from a size class.
pub const LARGEST: usize = 512;
/// Bytes taken from the allocator behind when a class's list is empty and the chunk is used up.
pub const CHUNK: usize = 64 * 1024;
/// How many size classes there are.
const CLASSES: usize = LARGEST / GRAIN;

/// The allocator's state: one free-list head per class, and the chunk blocks are cut from.
struct State {
    /// The first free block of each class (a freed block stores the next one in its first bytes).
    free: [*mut u8; CLASSES],
    /// The next unused byte of the current chunk.
    next: *mut u8,
    /// Where the current chunk ends.
    end: *mut u8,
}

/// Small blocks from free lists per size class, the rest from `A`.
pub struct SizeClasses<A> {
    /// The allocator behind: chunks, large blocks, wide alignments.
    behind: A,
    /// Only touched by one thread: see the `Sync` impl.
    state: UnsafeCell<State>,
}

// SAFETY: the global instance lives in a wasm32 module without threads (the `atomics` target
// feature is off), so only one thread ever touches `state`; tests use an instance from one
// thread only.
unsafe impl<A: Sync> Sync for SizeClasses<A> {}

impl<A> SizeClasses<A> {
    /// An allocator with empty lists in front of `behind`.
    pub const fn new(behind: A) -> Self {
        Self {
            behind,
            state: UnsafeCell::new(State {
                free: [ptr::null_mut(); CLASSES],
                next: ptr::null_mut(),
                end: ptr::null_mut(),
            }),
        }
    }
}

/// The class of a layout served from a list, or `None` for the allocator behind.
fn class(layout: Layout) -> Option<usize> {
    (layout.size() <= LARGEST && layout.align() <= GRAIN)
        .then(|| layout.size().max(1).div_ceil(GRAIN) - 1)
}

unsafe impl<A: GlobalAlloc> GlobalAlloc for SizeClasses<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else {
            return unsafe { self.behind.alloc(layout) };
        };
        // SAFETY: one thread (see the `Sync` impl), and no call below re-enters this allocator.
        let state = unsafe { &mut *self.state.get() };
        let head = state.free[class];
        if let Some(block) = NonNull::new(head) {
            // SAFETY: a free block holds the next free block's address in its first bytes.
            state.free[class] = unsafe { block.as_ptr().cast::<*mut u8>().read_unaligned() };
            return block.as_ptr();
        }
        let size = (class + 1) * GRAIN;
        if (state.end as usize) - (state.next as usize) < size {
            // SAFETY: CHUNK is non-zero and GRAIN a power of two.
            let chunk = unsafe {
                self.behind
                    .alloc(Layout::from_size_align_unchecked(CHUNK, GRAIN))
            };
            if chunk.is_null() {
                return chunk;
            }
            state.next = chunk;
            // SAFETY: the chunk is CHUNK bytes long.
            state.end = unsafe { chunk.add(CHUNK) };
        }
        let block = state.next;
        // SAFETY: at least `size` bytes are left in the chunk.
        state.next = unsafe { block.add(size) };
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if class(layout).is_none() {
            // The allocator behind knows which of its memory is fresh, hence already zero.
            return unsafe { self.behind.alloc_zeroed(layout) };
        }
        // SAFETY: as `alloc`; a small block may be a freed one, so it is zeroed here.
        let block = unsafe { self.alloc(layout) };
        if !block.is_null() {
            unsafe { ptr::write_bytes(block, 0, layout.size()) };
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(class) = class(layout) else {
            return unsafe { self.behind.dealloc(block, layout) };
        };
        // SAFETY: one thread (see the `Sync` impl).
        let state = unsafe { &mut *self.state.get() };
        // SAFETY: the block is at least GRAIN bytes and GRAIN-aligned: room for the link.
        unsafe { block.cast::<*mut u8>().write_unaligned(state.free[class]) };
        state.free[class] = block;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract: new_size rounded up to the alignment fits isize.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class(layout), class(new)) {
            (Some(old), Some(now)) if old == now => block,
            (None, None) => unsafe { self.behind.realloc(block, layout, new_size) },
            _ => {
                // SAFETY: as `alloc`, `dealloc`; the copy is the smaller of the two sizes.
                let moved = unsafe { self.alloc(new) };
                if !moved.is_null() {
                    unsafe {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                }
                moved
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::alloc::System;

    #[test]
    fn classes_by_size_and_alignment() {
        let table = [
            ((0, 1), Some(0)),
            ((1, 1), Some(0)),
            ((8, 8), Some(0)),
            ((9, 1), Some(1)),
            ((16, 4), Some(1)),
            ((LARGEST, 8), Some(CLASSES - 1)),
            ((LARGEST + 1, 1), None),
            ((8, 16), None),
        ];
        for ((size, align), want) in table {
            let layout = Layout::from_size_align(size, align).unwrap();
            assert_eq!(class(layout), want, "{size} bytes aligned to {align}");
        }
    }

    #[test]
    fn a_freed_block_is_handed_out_again_in_its_class_only() {
        let heap = SizeClasses::new(System);
        let small = Layout::from_size_align(24, 8).unwrap();
        let other = Layout::from_size_align(40, 8).unwrap();
        unsafe {
            let first = heap.alloc(small);
            heap.dealloc(first, small);
            assert_ne!(heap.alloc(other), first, "another class reused the block");
            assert_eq!(heap.alloc(small), first, "the freed block was not reused");
        }
    }

    #[test]
    fn zeroed_blocks_are_zero_even_when_reused() {
        let heap = SizeClasses::new(System);
        for size in [24, 4 * LARGEST] {
            let layout = Layout::from_size_align(size, 8).unwrap();
            unsafe {
                let dirty = heap.alloc(layout);
                fill(dirty, size, 0xAB);
                heap.dealloc(dirty, layout);
                let zeroed = heap.alloc_zeroed(layout);
                assert!(holds(zeroed, size, 0), "{size} bytes not zeroed");
                heap.dealloc(zeroed, layout);
            }
        }
    }

    /// One step of a random program for the allocator.
    #[derive(Debug, Clone)]
    enum Step {
        /// Allocate `size` bytes aligned to `1 << align_log`.
        Alloc { size: usize, align_log: u32 },
        /// Free the live block at this index (modulo the number live).
        Free(usize),
        /// Resize the live block at this index to `size` bytes.
        Resize(usize, usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..2 * LARGEST, 0u32..5).prop_map(|(size, align_log)| Step::Alloc { size, align_log }),
            any::<usize>().prop_map(Step::Free),
            (any::<usize>(), 0..2 * LARGEST).prop_map(|(k, size)| Step::Resize(k, size)),
        ]
    }

    /// Fills a block with its own tag, so a block another block overwrote shows it.
    unsafe fn fill(block: *mut u8, size: usize, tag: u8) {
        unsafe { ptr::write_bytes(block, tag, size) };
    }

    /// Whether the first `size` bytes of a block still hold its tag.
    unsafe fn holds(block: *mut u8, size: usize, tag: u8) -> bool {
        (0..size).all(|k| unsafe { block.add(k).read() } == tag)
    }

    proptest! {
        /// Live blocks are aligned, never overlap, and keep their bytes through other blocks'
        /// allocations, moves and frees.
        #[test]
        fn blocks_keep_their_bytes(steps in proptest::collection::vec(step(), 1..300)) {
            let heap = SizeClasses::new(System);
            let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
            for (n, step) in steps.into_iter().enumerate() {
                let tag = (n % 251) as u8 + 1;
                match step {
                    Step::Alloc { size, align_log } => {
                        let layout = Layout::from_size_align(size, 1 << align_log).unwrap();
                        let block = unsafe { heap.alloc(layout) };
                        prop_assert!(!block.is_null());
                        prop_assert_eq!(block as usize % layout.align(), 0);
                        unsafe { fill(block, size, tag) };
                        live.push((block, layout, tag));
                    }
                    Step::Free(k) if !live.is_empty() => {
                        let (block, layout, old) = live.swap_remove(k % live.len());
                        let intact = unsafe { holds(block, layout.size(), old) };
                        prop_assert!(intact);
                        unsafe { heap.dealloc(block, layout) };
                    }
                    Step::Resize(k, size) if !live.is_empty() => {
                        let k = k % live.len();
                        let (block, layout, old) = live[k];
                        let intact = unsafe { holds(block, layout.size(), old) };
                        prop_assert!(intact);
                        let moved = unsafe { heap.realloc(block, layout, size) };
                        prop_assert!(!moved.is_null());
                        let intact = unsafe { holds(moved, layout.size().min(size), old) };
                        prop_assert!(intact);
                        let layout = Layout::from_size_align(size, layout.align()).unwrap();
                        unsafe { fill(moved, size, tag) };
                        live[k] = (moved, layout, tag);
                    }
                    Step::Free(_) | Step::Resize(..) => {}
                }
            }
            let mut spans: Vec<(usize, usize)> =
                live.iter().map(|&(b, l, _)| (b as usize, b as usize + l.size())).collect();
            spans.sort_unstable();
            for pair in spans.windows(2) {
                prop_assert!(pair[0].1 <= pair[1].0, "blocks overlap: {:?}", pair);
            }
            for (block, layout, tag) in live {
                let intact = unsafe { holds(block, layout.size(), tag) };
                prop_assert!(intact);
                unsafe { heap.dealloc(block, layout) };
            }
        }
    }
}
