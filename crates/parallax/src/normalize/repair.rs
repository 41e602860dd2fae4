//! Mojibake repair: runs of GBK or Windows-1252 characters read back as the UTF-8 they came from.

use super::clean::{Edit, Group};
use super::decode::windows_1252_byte;
use super::{gbk_table, ChangeKind};
use std::sync::OnceLock;

/// A legacy decoder that may have been applied to UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Codec {
    Gbk,
    Windows1252,
}

impl Codec {
    /// The bytes the codec decodes to `c`: `(bytes, count)`.
    fn bytes(self, c: char) -> Option<([u8; 2], usize)> {
        match self {
            Codec::Gbk if c == '\u{20AC}' => Some(([0x80, 0], 1)),
            Codec::Gbk => gbk_code(c).map(|code| (code.to_be_bytes(), 2)),
            Codec::Windows1252 => windows_1252_byte(c).map(|b| ([b, 0], 1)),
        }
    }
}

/// Every character whose GBK code (in [`gbk_code`]'s table) starts with a UTF-8 lead byte
/// lies in this range (a test checks it), so no other character can start a GBK run.
pub(super) const GBK_RUN_STARTS: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';

/// Longest scan of one candidate run, in legacy bytes.
const MAX_RUN_BYTES: usize = 96;

/// How far (in characters) to look right of a GBK candidate for the nearest letter.
const CONTEXT_CHARS: usize = 32;

/// What the scan has seen so far on the current line (after repairs).
#[derive(Default)]
struct Scan {
    prev: Option<char>,
    last_significant: Option<char>,
    open_quote: bool,
}

impl Scan {
    fn see(&mut self, c: char) {
        match c {
            '\n' => {
                self.last_significant = None;
                self.open_quote = false;
            }
            '\u{201C}' => self.open_quote = true,
            '\u{201D}' => self.open_quote = false,
            _ if significant(c) => self.last_significant = Some(c),
            _ => {}
        }
        self.prev = Some(c);
    }
}

/// Per-line counts for the GBK context rule, built on first use.
struct Lines {
    /// Line index of every character.
    line_of: Vec<u32>,
    /// `(ASCII letters, CJK characters other than punctuation heads)` per line.
    counts: Vec<(usize, usize)>,
}

impl Lines {
    fn new(chars: &[(usize, char)]) -> Self {
        let mut line_of = Vec::with_capacity(chars.len());
        let mut counts = vec![(0, 0)];
        for &(_, c) in chars {
            line_of.push((counts.len() - 1) as u32);
            if let Some(last) = counts.last_mut() {
                if c.is_ascii() {
                    last.0 += usize::from(c.is_ascii_alphabetic());
                } else {
                    last.1 += usize::from(is_cjk(c) && !is_punctuation_head(c));
                }
            }
            if c == '\n' {
                counts.push((0, 0));
            }
        }
        Self { line_of, counts }
    }

    /// `(ASCII letters, CJK characters)` of the line of character `i`.
    fn counts_around(&self, i: usize) -> (usize, usize) {
        let line = self.line_of.get(i).map_or(0, |&l| l as usize);
        self.counts.get(line).copied().unwrap_or_default()
    }
}

/// One accepted repair.
struct Repair {
    edit: Edit,
    /// Character index just past the repaired stretch.
    end: usize,
}

pub(super) fn repair_edits(text: &str) -> Vec<Edit> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut lines = None;
    let mut scan = Scan::default();
    let mut edits = Vec::new();
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if !c.is_ascii() {
            let found = [Codec::Gbk, Codec::Windows1252]
                .into_iter()
                .find_map(|codec| attempt(codec, text, &chars, i, &scan, &mut lines));
            if let Some(repair) = found {
                for group in &repair.edit.groups {
                    group.text.chars().for_each(|c| scan.see(c));
                }
                i = repair.end;
                edits.push(repair.edit);
                continue;
            }
        }
        scan.see(c);
        i += 1;
    }
    edits
}

/// A run of `codec` characters read back as UTF-8, before any judgement.
struct Decoding {
    /// The UTF-8 text, without a lost third byte.
    output: String,
    /// How many characters of the run it uses.
    count: usize,
    /// Where each of those characters starts in the legacy bytes, and where the last ends.
    bounds: Vec<usize>,
    /// The second byte of a final `E2 xx` whose third byte was lost.
    lost_after: Option<u8>,
}

/// A run of `codec` characters encoded back to legacy bytes, lazily: characters are encoded
/// only as far as the UTF-8 reading needs them.
struct Run<'a> {
    codec: Codec,
    chars: &'a [(usize, char)],
    next: usize,
    bytes: Vec<u8>,
    /// Where each encoded character starts, and where the last one ends.
    bounds: Vec<usize>,
}

impl Run<'_> {
    /// The byte at `pos`, encoding more characters if needed; `None` past the run's end.
    fn byte(&mut self, pos: usize) -> Option<u8> {
        while self.bytes.len() <= pos {
            if self.bytes.len() >= MAX_RUN_BYTES {
                return None;
            }
            let &(_, c) = self.chars.get(self.next)?;
            let (bytes, count) = self.codec.bytes(c)?;
            self.bytes.extend_from_slice(bytes.get(..count)?);
            self.bounds.push(self.bytes.len());
            self.next += 1;
        }
        self.bytes.get(pos).copied()
    }

    fn is_bound(&self, pos: usize) -> bool {
        self.bounds.binary_search(&pos).is_ok()
    }
}

/// Encodes the run of `codec` characters at character `i` back to legacy bytes and reads the
/// longest valid UTF-8 prefix that ends on a character boundary.
fn decode_run(codec: Codec, chars: &[(usize, char)], i: usize) -> Option<Decoding> {
    let mut run = Run {
        codec,
        chars: chars.get(i..)?,
        next: 0,
        bytes: Vec::new(),
        bounds: vec![0],
    };
    if utf8_width(run.byte(0)?) < 2 {
        return None;
    }
    let (end_byte, lost_after) = valid_prefix(&mut run)?;
    let count = run.bounds.binary_search(&end_byte).ok()?;
    let decoded_len = if lost_after.is_some() {
        end_byte - 2
    } else {
        end_byte
    };
    let output = std::str::from_utf8(run.bytes.get(..decoded_len)?)
        .ok()?
        .to_owned();
    let mut bounds = run.bounds;
    bounds.truncate(count + 1);
    Some(Decoding {
        output,
        count,
        bounds,
        lost_after,
    })
}

/// Tries to repair the run of `codec` characters starting at character `i`.
fn attempt(
    codec: Codec,
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    scan: &Scan,
    lines: &mut Option<Lines>,
) -> Option<Repair> {
    if codec == Codec::Gbk {
        // Only a GBK code whose first byte leads a UTF-8 sequence can start a run, and those
        // all decode to CJK ideographs: other characters need neither the GBK table nor the
        // line counts.
        if !chars
            .get(i)
            .is_some_and(|&(_, c)| GBK_RUN_STARTS.contains(&c))
        {
            return None;
        }
        // GBK repairs need ASCII letters on the line; most Chinese lines have none.
        let lines = lines.get_or_insert_with(|| Lines::new(chars));
        if lines.counts_around(i).0 == 0 {
            return None;
        }
    }
    let Decoding {
        mut output,
        count,
        bounds,
        lost_after,
    } = decode_run(codec, chars, i)?;
    let lost = lost_after.is_some();
    let mut stop = i + count;
    if lost
        && chars
            .get(stop)
            .is_some_and(|&(_, c)| c == char::REPLACEMENT_CHARACTER)
    {
        stop += 1;
    }
    let prev = scan.prev;
    let next = chars.get(stop).map(|&(_, c)| c);
    if let Some(second) = lost_after {
        output.push(guess_lost(codec, second, prev, next, scan.open_quote));
    }

    let stretch = chars.get(i..i + count).unwrap_or_default();
    let accepted = match codec {
        Codec::Gbk => {
            latin_line(i, stretch, lines.get_or_insert_with(|| Lines::new(chars)))
                && gbk_result(&output, lost, prev, next)
                && !scan.last_significant.is_some_and(is_cjk)
                && !right_significant(chars, stop).is_some_and(is_cjk)
        }
        Codec::Windows1252 => windows_1252_result(&output, lost, prev, next, stretch),
    };
    if !accepted {
        return None;
    }

    let start = stretch.first().map_or(0, |&(at, _)| at);
    let end = chars.get(stop).map_or(text.len(), |&(at, _)| at);
    let groups = groups(
        &output,
        lost,
        &bounds,
        chars.get(i..stop).unwrap_or_default(),
    );
    Some(Repair {
        edit: Edit {
            range: start..end,
            groups,
            kind: ChangeKind::Mojibake,
        },
        end: stop,
    })
}

/// Length of a UTF-8 sequence from its first byte; 0 for a byte that cannot start one.
pub(super) fn utf8_width(byte: u8) -> usize {
    match byte {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// The longest prefix of the run's bytes that is valid UTF-8 and ends on a character
/// boundary, and, if it ends with `E2 xx` whose third byte was lost, that `xx`.
fn valid_prefix(run: &mut Run<'_>) -> Option<(usize, Option<u8>)> {
    let mut pos = 0;
    let mut best = None;
    while let Some(byte) = run.byte(pos) {
        let width = utf8_width(byte);
        if width == 0 {
            break;
        }
        let mut sequence = [0; 4];
        let mut complete = true;
        for (k, slot) in sequence.iter_mut().enumerate().take(width) {
            match run.byte(pos + k) {
                Some(b) => *slot = b,
                None => complete = false,
            }
        }
        if complete && std::str::from_utf8(&sequence[..width]).is_ok() {
            pos += width;
            if run.is_bound(pos) {
                best = Some((pos, None));
            }
            continue;
        }
        let second = run.byte(pos + 1);
        let continues = run
            .byte(pos + 2)
            .is_some_and(|b| (0x80..=0xBF).contains(&b));
        let known = match run.codec {
            Codec::Gbk => matches!(second, Some(0x80 | 0x82 | 0x84)),
            Codec::Windows1252 => second == Some(0x80),
        };
        if byte == 0xE2 && known && !continues && run.is_bound(pos + 2) {
            best = Some((pos + 2, second));
        }
        break;
    }
    best
}

/// The character of `E2 second xx` whose last byte was lost, from its surroundings.
fn guess_lost(
    codec: Codec,
    second: u8,
    prev: Option<char>,
    next: Option<char>,
    open_quote: bool,
) -> char {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    match (codec, second) {
        // Currency and letterlike symbols: the euro and trade mark signs by far most often.
        (_, 0x82) => '\u{20AC}',
        (_, 0x84) => '\u{2122}',
        // A GBK decoder drops any third byte that is followed by a byte below 0x40.
        (Codec::Gbk, _) => {
            if word(prev) && word(next) {
                '\u{2019}'
            } else if space(prev) && space(next) {
                '\u{2014}'
            } else if space(prev) {
                '\u{201C}'
            } else if open_quote || prev.is_some_and(|c| ",.;:!?".contains(c)) {
                '\u{201D}'
            } else {
                '\u{2019}'
            }
        }
        // Windows-1252 only loses bytes it leaves undefined: 0x9D (”) and 0x90 (‐) matter.
        (Codec::Windows1252, _) => {
            if word(prev) && word(next) {
                '\u{2010}'
            } else {
                '\u{201D}'
            }
        }
    }
}

/// Splits a repair into groups: every original character goes with the output character that
/// holds its last byte, and output characters without one join the next group.
fn groups(output: &str, lost: bool, bounds: &[usize], stretch: &[(usize, char)]) -> Vec<Group> {
    let total = output.chars().count();
    let mut groups: Vec<Group> = Vec::new();
    let mut text = String::new();
    let mut byte_end = 0;
    let mut next_char = 0;
    for (k, c) in output.chars().enumerate() {
        byte_end += if lost && k + 1 == total {
            2
        } else {
            c.len_utf8()
        };
        text.push(c);
        let mut len = 0;
        while let (Some(&end), Some(&(_, original))) =
            (bounds.get(next_char + 1), stretch.get(next_char))
        {
            if end > byte_end {
                break;
            }
            len += original.len_utf8();
            next_char += 1;
        }
        if len > 0 {
            groups.push(Group {
                text: std::mem::take(&mut text),
                len,
            });
        }
    }
    // A U+FFFD taken as the lost byte, and anything left over, goes with the last group.
    let rest: usize = stretch
        .get(next_char..)
        .unwrap_or_default()
        .iter()
        .map(|(_, c)| c.len_utf8())
        .sum();
    match groups.last_mut() {
        Some(final_group) => {
            final_group.text.push_str(&text);
            final_group.len += rest;
        }
        None => groups.push(Group { text, len: rest }),
    }
    groups
}

/// Whether the stretch's line is Latin text: it has ASCII letters, at least four times as many
/// as CJK characters outside the stretch (not counting the GBK heads of UTF-8 punctuation).
fn latin_line(i: usize, stretch: &[(usize, char)], lines: &Lines) -> bool {
    let (letters, cjk) = lines.counts_around(i);
    let own = stretch
        .iter()
        .filter(|&&(_, c)| is_cjk(c) && !is_punctuation_head(c))
        .count();
    letters > 0 && letters >= 4 * cjk.saturating_sub(own)
}

/// Letters, digits and CJK characters, but not the GBK heads of UTF-8 punctuation.
fn significant(c: char) -> bool {
    // No ASCII character is CJK: the same answer, without the range tests.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() || is_cjk(c)) && !is_punctuation_head(c)
}

/// Whether `c` is a GBK character whose first byte is `E2`: the head of UTF-8 punctuation
/// (`鈥` for `E2 80`), very rare in real Chinese text. Every such character is CJK (a test
/// checks), so the table is searched for CJK characters only.
pub(super) fn is_punctuation_head(c: char) -> bool {
    is_cjk(c) && gbk_code(c).is_some_and(|code| code >> 8 == 0xE2)
}

/// The nearest letter, digit or CJK character right of character `from` on its line, reading
/// GBK mojibake on the way as what it decodes to (so `鈥渇` counts as `“f`).
fn right_significant(chars: &[(usize, char)], from: usize) -> Option<char> {
    let mut k = from;
    while k < (from + CONTEXT_CHARS).min(chars.len()) {
        let &(_, c) = chars.get(k)?;
        if c == '\n' {
            return None;
        }
        if let Some(decoding) = decode_run(Codec::Gbk, chars, k) {
            if let Some(first) = decoding.output.chars().find(|&c| significant(c)) {
                return Some(first);
            }
            k += decoding.count.max(1);
            continue;
        }
        if significant(c) {
            return Some(c);
        }
        k += 1;
    }
    None
}

/// How a repaired character counts as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Ascii,
    /// Punctuation, symbols, spaces: what mojibake most often hides.
    Mark,
    /// Latin-1 and Latin Extended-A letters, Latin ligatures.
    Latin,
    /// Latin Extended-B and Additional letters.
    RareLatin,
    Combining,
    /// Letters and digits of other scripts.
    Other,
    Cjk,
    /// Controls, private use, replacement characters, unassigned-looking symbols.
    Bad,
}

fn class(c: char) -> Class {
    match u32::from(c) {
        0x00..=0x7F if c.is_ascii_control() => Class::Bad,
        0x00..=0x7F => Class::Ascii,
        0xA0..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x2BFF | 0xFE0F | 0x1F000..=0x1FAFF => Class::Mark,
        0xC0..=0x17F | 0xFB00..=0xFB06 => Class::Latin,
        0x180..=0x24F | 0x1E00..=0x1EFF => Class::RareLatin,
        0x300..=0x36F => Class::Combining,
        _ if is_cjk(c) => Class::Cjk,
        0xE000..=0xF8FF | 0xFFFD => Class::Bad,
        _ if c.is_alphanumeric() => Class::Other,
        _ => Class::Bad,
    }
}

/// The checks shared by both codecs: nothing bad, a combining mark only after a letter.
fn plausible(output: &str, prev: Option<char>) -> bool {
    let bad = output.chars().any(|c| class(c) == Class::Bad);
    let dangling = output
        .chars()
        .next()
        .is_some_and(|c| class(c) == Class::Combining)
        && !prev.is_some_and(char::is_alphabetic);
    !bad && !dangling
}

fn gbk_result(output: &str, lost: bool, prev: Option<char>, next: Option<char>) -> bool {
    if !plausible(output, prev) || output.chars().any(|c| class(c) == Class::Cjk) {
        return false;
    }
    if lost {
        return true;
    }
    let glued = prev.is_some_and(|c| c.is_ascii_alphanumeric())
        || next.is_some_and(|c| c.is_ascii_alphanumeric());
    let classes: Vec<Class> = output.chars().map(class).collect();
    if classes.len() == 1 {
        return glued;
    }
    let marks = classes.contains(&Class::Mark);
    let letters = classes
        .iter()
        .filter(|&&c| !matches!(c, Class::Ascii | Class::Mark))
        .count();
    marks || glued || letters >= 3
}

/// Punctuation that real text puts right after an accented capital (`IRMÃ–`, `CAFÉ”`, `LÂ»`).
const COMMON_PUNCTUATION: &str =
    "\u{2018}\u{2019}\u{201C}\u{201D}\u{201E}\u{2013}\u{2014}\u{2026}\u{2039}\u{203A}\u{2022}\u{AB}\u{BB}\u{A1}\u{BF}\u{B0}\u{B7}";

fn windows_1252_result(
    output: &str,
    lost: bool,
    prev: Option<char>,
    next: Option<char>,
    stretch: &[(usize, char)],
) -> bool {
    if double_windows_1252(output) {
        return true;
    }
    if !plausible(output, prev) {
        return false;
    }
    if lost {
        return true;
    }
    let latin =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic() || class(c) == Class::Latin);
    let glued = latin(prev) || latin(next);
    let others = output
        .chars()
        .filter(|&c| matches!(class(c), Class::Other | Class::Cjk))
        .count();
    let mut byte = 0;
    let mut before = prev;
    let mut chars = output.chars().peekable();
    while let Some(c) = chars.next() {
        // Is this character spelled with punctuation that real text puts after an accented
        // letter? Then it must look like mojibake from its neighbours.
        let continuation = stretch
            .get(byte + 1..byte + c.len_utf8())
            .unwrap_or_default();
        let spelled_with_punctuation = continuation
            .iter()
            .all(|&(_, p)| COMMON_PUNCTUATION.contains(p));
        if c.len_utf8() > 2 && spelled_with_punctuation {
            return false; // `â–”` is a word ending in â and two quotes, not `▔`
        }
        let ok = match class(c) {
            Class::Ascii => true,
            Class::Combining => !spelled_with_punctuation,
            // `25Â°C`, `Â« text Â»`: the symbol does not follow a letter.
            Class::Mark => !spelled_with_punctuation || !before.is_some_and(char::is_alphabetic),
            // `Ã–sterreich`: the letter sits inside a word.
            Class::Latin | Class::RareLatin => {
                let follows = chars.peek().copied().or(next);
                (class(c) == Class::Latin || glued)
                    && (!spelled_with_punctuation || follows.is_some_and(char::is_alphabetic))
            }
            Class::Other | Class::Cjk => others >= 2,
            Class::Bad => false,
        };
        if !ok {
            return false;
        }
        byte += c.len_utf8();
        before = Some(c);
    }
    true
}

/// Whether `output` is itself Windows-1252 mojibake of UTF-8 with a multi-byte character:
/// the first of two passes over a double encoding (`Ã¢â‚¬Â\u{9D}` → `â€\u{9D}` → `”`,
/// `Ã‚Â£` → `Â£` → `£`).
fn double_windows_1252(output: &str) -> bool {
    let bytes: Option<Vec<u8>> = output.chars().map(windows_1252_byte).collect();
    bytes.is_some_and(|b| std::str::from_utf8(&b).is_ok_and(|s| !s.is_ascii()))
}

/// CJK ideographs, kana, Hangul, Bopomofo, Yi, CJK symbols and punctuation, fullwidth forms.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x2FF0..=0x31FF | 0x3200..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

// ---------------------------------------------------------------------------------------------
// The GBK table

/// GBK first bytes that are UTF-8 continuation bytes; they pair with [`wide_trails`].
fn wide_leads() -> impl Iterator<Item = u8> {
    0x81..=0xBF
}

/// GBK first bytes that are UTF-8 lead bytes of characters whose repair can be accepted
/// (U+0080..U+2FFF, U+F000..U+FFFF, and beyond U+FFFF); they pair with continuation bytes.
fn narrow_leads() -> impl Iterator<Item = u8> {
    (0xC2..=0xE2).chain([0xEF]).chain(0xF0..=0xF4)
}

/// Second bytes after a continuation byte: an absorbed ASCII byte, a continuation or a lead.
fn wide_trails() -> impl Iterator<Item = u8> {
    (0x40..=0x7E).chain(0x80..=0xBF).chain(narrow_leads())
}

fn narrow_trails() -> impl Iterator<Item = u8> {
    0x80..=0xBF
}

/// GBK's character (as UTF-16) for every pair of [`gbk_pairs`], 0 where GBK has none:
/// [`gbk_table::DELTAS`] decoded. Each byte is the step from the previous character, except
/// 0 (no character) and `0xFE hi lo` (the character `hi lo`).
pub(super) fn gbk_chars() -> impl Iterator<Item = u16> {
    let mut bytes = gbk_table::DELTAS.iter().copied();
    let mut previous: u16 = 0;
    std::iter::from_fn(move || {
        let step = bytes.next()?;
        Some(match step {
            0 => 0,
            0xFE => {
                previous = u16::from_be_bytes([bytes.next()?, bytes.next()?]);
                previous
            }
            _ => {
                previous = previous.wrapping_add(u16::from(step));
                previous
            }
        })
    })
}

/// Every `(lead, trail)` pair the GBK table covers, in table order.
pub(super) fn gbk_pairs() -> impl Iterator<Item = (u8, u8)> {
    let wide = wide_leads().flat_map(|lead| wide_trails().map(move |trail| (lead, trail)));
    let narrow = narrow_leads().flat_map(|lead| narrow_trails().map(move |trail| (lead, trail)));
    wide.chain(narrow)
}

/// The GBK code of `c`, if `c` is in the part of GBK that UTF-8 mojibake can produce.
pub(super) fn gbk_code(c: char) -> Option<u16> {
    // Indexed by the character (UTF-16), 0 where it has no code (no GBK code is 0): the first
    // code of [`gbk_pairs`] that gives it. A zeroed table of 64 Ki codes costs no sorting.
    static REVERSE: OnceLock<Vec<u16>> = OnceLock::new();
    let reverse = REVERSE.get_or_init(|| {
        let mut reverse = vec![0u16; 0x1_0000];
        for ((lead, trail), c) in gbk_pairs().zip(gbk_chars()) {
            if let Some(slot) = reverse.get_mut(usize::from(c)).filter(|_| c != 0) {
                if *slot == 0 {
                    *slot = u16::from_be_bytes([lead, trail]);
                }
            }
        }
        reverse
    });
    let c = u16::try_from(u32::from(c)).ok()?;
    reverse
        .get(usize::from(c))
        .copied()
        .filter(|&code| code != 0)
}
