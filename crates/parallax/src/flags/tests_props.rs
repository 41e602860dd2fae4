//! Properties of the discrepancy flags: sorted, deterministic, never panicking, spans inside
//! their sentences, and serialized with lowercase names.

use super::tests::{render, sentences};
use super::*;
use crate::tokenize::detect_language;
use proptest::prelude::*;

#[test]
fn flags_are_sorted_and_deterministic() {
    let left = "Ukraine said 217 people died on Wednesday. Aide Yury Ushakov spoke.";
    let right = "The White House said 270 people died on Thursday. Aide Yuri Ushakov spoke.";
    let first = render(left, right);
    assert_eq!(first, render(left, right));
    let ls = sentences(left);
    let rs = sentences(right);
    let flags = compare_sides(
        &Side {
            text: left,
            sentences: &ls,
        },
        &Side {
            text: right,
            sentences: &rs,
        },
    );
    let keys: Vec<_> = flags.iter().map(|f| (f.left, f.right)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(flags.len(), 4, "{first:?}");
}

#[test]
fn bad_sentence_ranges_are_ignored() {
    let text = "Kim’s 217 people";
    let (five, four) = (5, 4);
    let ranges = [0..2, 3..100, five..four, 0..text.len(), 0..text.len()];
    let side = Side {
        text,
        sentences: &ranges,
    };
    assert!(compare_sides(&side, &side).is_empty());
}

#[cfg(feature = "serde")]
#[test]
fn flags_serialize_with_lowercase_names() {
    let flag = Flag {
        kind: FlagKind::Attribution,
        severity: Severity::Variant,
        left: Some([1, 2]),
        right: None,
        note: "n".into(),
    };
    let json = serde_json::to_string(&flag).unwrap_or_default();
    assert_eq!(
        json,
        r#"{"kind":"attribution","severity":"variant","left":[1,2],"note":"n"}"#
    );
}

/// Pieces that make random texts with numbers, dates, names, quotes and odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("217".to_owned()),
        Just("1.000,5".to_owned()),
        Just("$".to_owned()),
        Just("twenty-four".to_owned()),
        Just("million".to_owned()),
        Just("June".to_owned()),
        Just("19.".to_owned()),
        Just("Wednesday".to_owned()),
        Just("said".to_owned()),
        Just("according to".to_owned()),
        Just("Yury".to_owned()),
        Just("Yuri".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("„".to_owned()),
        Just("\"".to_owned()),
        Just("’".to_owned()),
        Just(". ".to_owned()),
        Just(":".to_owned()),
        Just("-".to_owned()),
        Just("p.m.".to_owned()),
        Just("zweimal".to_owned()),
        Just("hundred".to_owned()),
        Just("thousand".to_owned()),
        Just("999999999999999999999".to_owned()),
        Just("Foreign Minister".to_owned()),
        Just("Berg".to_owned()),
        Just("Mittwochabend".to_owned()),
        Just("2024-06-19".to_owned()),
        Just("15:30".to_owned()),
        "\\PC{0,6}",
        "[a-zA-Z0-9 .,]{0,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..30).prop_map(|p| p.join(" "))
}

/// Random sentence ranges: some valid, some not.
fn ranges(text: &str, cuts: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = sentences(text);
    for pair in cuts.chunks(2) {
        if let [a, b] = pair {
            out.push(*a.min(b)..*a.max(b));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_spans_lie_in_sentences(
        left in text(),
        right in text(),
        cuts in proptest::collection::vec(0usize..200, 0..6),
    ) {
        let left_ranges = ranges(&left, &cuts);
        let right_ranges = ranges(&right, &cuts);
        let flags = compare_sides(
            &Side { text: &left, sentences: &left_ranges },
            &Side { text: &right, sentences: &right_ranges },
        );
        let inside = |text: &str, ranges: &[Range<usize>], span: Option<[usize; 2]>| {
            span.is_none_or(|[a, b]| {
                a < b && text.get(a..b).is_some()
                    && ranges.iter().any(|r| text.get(r.clone()).is_some() && r.start <= a && b <= r.end)
            })
        };
        for f in &flags {
            prop_assert!(inside(&left, &left_ranges, f.left), "{f:?}");
            prop_assert!(inside(&right, &right_ranges, f.right), "{f:?}");
        }
        let same = compare_sides(
            &Side { text: &left, sentences: &left_ranges },
            &Side { text: &left, sentences: &left_ranges },
        );
        prop_assert!(same.is_empty(), "{same:?}");
        let languages = [detect_language(&left), detect_language(&right)].map(Some);
        let known = compare_sides_in(
            &Side { text: &left, sentences: &left_ranges },
            &Side { text: &right, sentences: &right_ranges },
            languages,
        );
        prop_assert_eq!(known, flags);
    }
}

#[test]
fn huge_numbers_neither_panic_nor_flag_against_themselves() {
    let hundreds = "hundred ".repeat(40);
    let digits = "9".repeat(400);
    let groups = format!("1{}", " 000".repeat(200));
    for text in [
        format!("They counted {hundreds}people."),
        format!("They counted {digits} people and ${digits} trillion."),
        format!("They counted {groups} people."),
    ] {
        assert_eq!(render(&text, &text), Vec::<String>::new());
    }
}
