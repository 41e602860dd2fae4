//! Which blocks of a long aligned view to draw: those near the screen (issue 18). The rest are
//! stood in for by two empty boxes, above and below, as tall as the blocks they replace — the
//! heights measured when a block was last drawn, an estimate for the ones never drawn.
//!
//! Pure arithmetic over heights, so it is tested natively; the view measures and scrolls.

/// Blocks drawn beyond the screen on either side, so that a brisk scroll finds them ready.
pub const OVERSCAN: usize = 8;

/// The window moves once the screen comes this close (in blocks) to its drawn edge: close to
/// [`OVERSCAN`], so that scrolling draws a few rows at a time, never a screenful in one task.
pub const MARGIN: usize = 6;

/// Blocks a fresh window holds before anything was measured: about a screen. Few, so that
/// the task that draws a new report stays short (issue 18); the window grows to what the
/// screen shows in the next frames.
pub const FIRST_WINDOW: usize = 12;

/// Blocks drawn around a block jumped to: about a screen and a half, so that the row, centred
/// when focused, has rows drawn well past the screen on both sides. (With 12, chromium took
/// the focus away from the row again a few milliseconds after it was given, with no change to
/// the page in between: the overview strip's jumps in e2e/worker.test.mjs failed.)
pub const JUMP_WINDOW: usize = 40;

/// The most blocks a window grows by in one step.
pub const GROW: usize = 24;

/// The blocks that overlap `top..bottom` (pixels from the top of the first block), as a range
/// of indices; blocks are `heights` tall, one after another. Empty `heights` give `0..0`.
pub fn visible(heights: &[f64], top: f64, bottom: f64) -> (usize, usize) {
    let mut first = heights.len();
    let mut end = heights.len();
    let mut y = 0.0;
    for (i, h) in heights.iter().enumerate() {
        let next = y + h;
        if first == heights.len() && next > top {
            first = i;
        }
        if y >= bottom {
            end = i;
            break;
        }
        y = next;
    }
    (first.min(end), end.max(first.min(end)))
}

/// The window to draw so that `shown` (the visible blocks) is covered with [`OVERSCAN`] to
/// spare (but at most [`GROW`] blocks more than the current window holds), or `None` while the
/// current window still covers it with [`MARGIN`] to spare (or reaches the list's end on that
/// side). `len` is the number of blocks.
pub fn next_window(
    current: (usize, usize),
    shown: (usize, usize),
    len: usize,
) -> Option<(usize, usize)> {
    let (start, end) = current;
    let covered_above = start == 0 || start + MARGIN <= shown.0;
    let covered_below = end >= len || shown.1 + MARGIN <= end;
    if start <= shown.0 && shown.1 <= end && covered_above && covered_below {
        return None;
    }
    let mut next = (
        shown.0.saturating_sub(OVERSCAN),
        (shown.1 + OVERSCAN).min(len),
    );
    // A screen taller than the rows drawn (an iframe the host sizes to its content) fills a
    // few rows at a time, over several frames, never all rows in one task.
    let most = (end - start).max(FIRST_WINDOW) + GROW;
    next.1 = next.1.min(next.0 + most);
    (next != current).then_some(next)
}

/// A window of about [`JUMP_WINDOW`] blocks centred on block `at`, within `len` blocks.
pub fn around(at: usize, len: usize) -> (usize, usize) {
    let start = at
        .saturating_sub(JUMP_WINDOW / 2)
        .min(len.saturating_sub(JUMP_WINDOW));
    (start, (start + JUMP_WINDOW).min(len))
}

/// The heights of `range`'s blocks added up.
pub fn span(heights: &[f64], range: std::ops::Range<usize>) -> f64 {
    heights.get(range).map_or(0.0, |h| h.iter().sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_blocks() {
        let h = [10.0, 20.0, 30.0, 40.0];
        // (top, bottom) → blocks overlapping it
        let cases = [
            ((0.0, 5.0), (0, 1)),
            ((0.0, 10.0), (0, 1)),
            ((5.0, 15.0), (0, 2)),
            ((10.0, 30.0), (1, 2)),
            ((25.0, 65.0), (1, 4)),
            ((95.0, 200.0), (3, 4)),
            ((100.0, 200.0), (4, 4)),
            ((-50.0, -10.0), (0, 0)),
            ((-50.0, 1.0), (0, 1)),
        ];
        for ((top, bottom), want) in cases {
            assert_eq!(visible(&h, top, bottom), want, "{top}..{bottom}");
        }
        assert_eq!(visible(&[], 0.0, 100.0), (0, 0));
    }

    #[test]
    fn the_window_moves_only_near_its_edge() {
        let len = 1000;
        let cases = [
            // well inside: stays
            ((100, 160), (120, 140), None),
            // within the margin of the lower edge: moves down
            ((100, 160), (130, 158), Some((122, 166))),
            // scrolling on by a row draws a few rows, not a screenful
            ((100, 130), (110, 123), None),
            ((100, 130), (110, 125), Some((102, 133))),
            // past it entirely (a jump)
            ((0, 40), (500, 520), Some((492, 528))),
            // at the top of the list, the upper edge never needs a margin
            ((0, 40), (0, 20), None),
            // at the bottom likewise
            ((960, 1000), (985, 1000), None),
            // a screen that shows every row (a frame as tall as its content) grows the window
            // a step at a time
            ((0, 40), (0, 1000), Some((0, 64))),
            ((0, 64), (0, 1000), Some((0, 88))),
            // a first window grows by as much
            ((0, 12), (0, 1000), Some((0, 36))),
            // near the upper edge
            ((100, 160), (102, 120), Some((94, 128))),
        ];
        for (current, shown, want) in cases {
            assert_eq!(
                next_window(current, shown, len),
                want,
                "{current:?} {shown:?}"
            );
        }
    }

    #[test]
    fn a_window_around_a_block() {
        assert_eq!(around(500, 1000), (480, 520));
        assert_eq!(around(3, 1000), (0, 40));
        assert_eq!(around(995, 1000), (960, 1000));
        assert_eq!(around(5, 10), (0, 10));
    }

    #[test]
    fn spans() {
        let h = [1.0, 2.0, 3.0];
        for (range, want) in [(0..0, 0.0), (1..3, 5.0), (2..9, 0.0)] {
            assert!((span(&h, range.clone()) - want).abs() < 1e-9, "{range:?}");
        }
    }
}
