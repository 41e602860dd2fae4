//! The offset map back to the original text, and properties of clean over generated text:
//! monotonic, covering, never panicking, and clean text left unchanged.

use super::decode::windows_1252_byte;
use super::repair::gbk_code;
use super::*;
use proptest::prelude::*;
use std::ops::Range;

// --- to_original.

#[test]
fn issue_19_bidi_controls_are_removed_and_offsets_map_back() {
    let original = "Pay \u{202E}0001\u{202C} euros\u{2067}.\u{2069}";
    let cleaned = clean(original);
    assert_eq!(cleaned.text, "Pay 0001 euros.");
    let at = |s: &str| cleaned.text.find(s).unwrap();
    let map = |s: &str| &original[cleaned.to_original(at(s)..at(s) + s.len())];
    assert_eq!(map("0001"), "0001");
    assert_eq!(map("Pay 0001 euros"), "Pay \u{202E}0001\u{202C} euros");
    assert_eq!(map("."), ".");
    let kinds: Vec<ChangeKind> = cleaned.changes().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::Invisible; 4]);
}

#[test]
fn to_original_maps_repairs_and_removals() {
    let original = "Kim\u{9225}\u{6a9a} co\u{ad}op \u{9225}\u{FFFD} end\u{200b}";
    let cleaned = clean(original);
    assert_eq!(cleaned.text, "Kim\u{2019}s coop \u{2014} end");
    let at = |s: &str| cleaned.text.find(s).unwrap();
    let map = |s: &str| &original[cleaned.to_original(at(s)..at(s) + s.len())];
    assert_eq!(map("Kim\u{2019}s"), "Kim\u{9225}\u{6a9a}");
    assert_eq!(map("\u{2019}"), "\u{9225}");
    assert_eq!(map("s"), "\u{6a9a}");
    assert_eq!(map("coop"), "co\u{ad}op");
    assert_eq!(map("\u{2014}"), "\u{9225}\u{FFFD}");
    assert_eq!(map("end"), "end");
    assert_eq!(
        cleaned.to_original(0..cleaned.text.len()),
        0..original.len() - "\u{200b}".len()
    );
    // Mid-character and out-of-range offsets widen and clamp.
    let quote = at("\u{2019}");
    assert_eq!(cleaned.to_original(quote + 1..quote + 2), 3..6);
    assert_eq!(
        cleaned.to_original(1000..2000),
        original.len()..original.len()
    );
    let changes: Vec<(ChangeKind, Range<usize>)> =
        cleaned.changes().map(|c| (c.kind, c.original)).collect();
    assert_eq!(
        changes,
        [
            (ChangeKind::Mojibake, 3..6),
            (ChangeKind::Mojibake, 6..9),
            (ChangeKind::Invisible, 12..14),
            (ChangeKind::Mojibake, 17..23),
            (ChangeKind::Invisible, 27..30),
        ]
    );
}

/// Characters `clean` removes outright.
fn removable(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
    ) || is_bidi_control(c)
}

/// Could `c` be part of a mojibake run or a tidy change?
fn suspicious(c: char) -> bool {
    gbk_code(c).is_some()
        || windows_1252_byte(c).is_some()
        || removable(c)
        || matches!(
            c,
            '\u{1680}' | '\u{2000}'
                ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{2028}' | '\u{2029}'
        )
}

fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,6}",
        " {1,2}",
        Just("\n".to_owned()),
        Just("\u{9225}".to_owned()),
        Just("\u{9225}\u{6a9a}".to_owned()),
        Just("\u{9225}\u{6e07}".to_owned()),
        Just("\u{5c0f}".to_owned()),
        Just("\u{e2}\u{20ac}".to_owned()),
        Just("\u{c3}\u{a9}".to_owned()),
        Just("\u{FFFD}".to_owned()),
        Just("\u{ad}".to_owned()),
        Just("\u{200d}".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("小明。".to_owned()),
        "[\u{4e00}-\u{9fa5}]{1,3}",
        "[\u{80}-\u{ff}]{1,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn to_original_is_monotonic_and_covers(text in messy_text()) {
        let cleaned = clean(&text);
        // Whatever the cleaned characters skip in the original must have been removed.
        let removed: Vec<Range<usize>> =
            cleaned.changes().filter(|c| c.cleaned.is_empty()).map(|c| c.original).collect();
        let is_removed = |gap: Range<usize>| gap.into_iter().all(|p| removed.iter().any(|r| r.contains(&p)));
        let mut bounds: Vec<usize> = cleaned.text.char_indices().map(|(at, _)| at).collect();
        bounds.push(cleaned.text.len());
        let mut previous = 0..0;
        let mut covered_to = 0;
        for pair in bounds.windows(2) {
            let mapped = cleaned.to_original(pair[0]..pair[1]);
            prop_assert!(text.is_char_boundary(mapped.start) && text.is_char_boundary(mapped.end));
            prop_assert!(mapped.start < mapped.end);
            prop_assert!(previous.start <= mapped.start && previous.end <= mapped.end);
            prop_assert!(is_removed(covered_to..mapped.start), "gap {:?}", &text[covered_to..mapped.start]);
            covered_to = covered_to.max(mapped.end);
            previous = mapped;
        }
        prop_assert!(is_removed(covered_to..text.len()), "tail {:?}", &text[covered_to..]);
        // Removals are the only changes with an empty cleaned side, and they are invisible
        // characters, or mojibake of one.
        for change in cleaned.changes().filter(|c| c.cleaned.is_empty()) {
            prop_assert!(matches!(change.kind, ChangeKind::Invisible | ChangeKind::Mojibake));
        }
    }

    #[test]
    fn to_original_never_panics(text in messy_text(), start in 0usize..200, len in 0usize..200) {
        let cleaned = clean(&text);
        let mapped = cleaned.to_original(start..start + len);
        prop_assert!(mapped.start <= mapped.end && mapped.end <= text.len());
        prop_assert!(text.is_char_boundary(mapped.start) && text.is_char_boundary(mapped.end));
    }

    #[test]
    fn unsuspicious_text_is_unchanged(text in prop::collection::vec(any::<char>().prop_map(|c| if suspicious(c) { '?' } else { c }), 0..60)) {
        let text: String = text.into_iter().collect();
        prop_assert_eq!(clean(&text).text, text);
    }

    #[test]
    fn chinese_is_unchanged(text in "[\u{4e00}-\u{9fa5}，。、“”：；！？（）0-9 ]{0,60}") {
        prop_assert_eq!(clean(&text).text, text);
    }

    #[test]
    fn typographic_western_text_is_unchanged(text in western_text()) {
        prop_assert_eq!(clean(&text).text, text);
    }
}

/// Words with accented letters and typographic punctuation, as in real Western text.
fn western_text() -> impl Strategy<Value = String> {
    let stem = prop_oneof![
        // An accent inside or at the end of a word: `café`, `Müller`, `IRMÃ`.
        "[a-zA-Z]{1,6}[\u{e0}-\u{ff}\u{c0}-\u{de}]?[a-z]{0,3}",
        // An accent starting a word: `Österreich`, `Élysée`.
        "[\u{e0}-\u{ff}\u{c0}-\u{de}][a-z]{1,6}",
        // The one-letter words of French, Spanish and Portuguese.
        "[\u{e0}\u{e9}\u{f3}\u{f4}\u{c0}\u{c9}]",
    ];
    let word = (
        "[\u{201c}\u{2018}(\u{ab}\u{bf}\u{a1}]?",
        stem,
        "[\u{2019}\u{201d}\u{2026}\u{2013}\u{2014}\u{bb},.;:!?)]{0,3}",
    )
        .prop_map(|(open, stem, close)| format!("{open}{stem}{close}"));
    // Currency and degree signs go with numbers.
    let amount = "[\u{a3}\u{20ac}]?[0-9]{1,3}[\u{b0}\u{20ac}%]?";
    let word = prop_oneof![4 => word, 1 => amount.prop_map(String::from)];
    let separator = prop_oneof![Just(" "), Just(" "), Just(" \u{2014} "), Just("\n")];
    prop::collection::vec((word, separator), 0..30)
        .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s.to_owned()]).collect())
}
