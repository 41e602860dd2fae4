//! Properties of `segment` that hold for any input.

use parallax::segment::segment;
use proptest::prelude::*;

/// Text made of sentence-like pieces and the characters that trouble segmenters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,8}",
        "[A-Z][a-z]{0,6}",
        Just(" ".to_owned()),
        Just(". ".to_owned()),
        Just(".".to_owned()),
        Just("...".to_owned()),
        Just(". . . .".to_owned()),
        Just("…".to_owned()),
        Just("?! ".to_owned()),
        Just("Mr. ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("a.m. ".to_owned()),
        Just("J. ".to_owned()),
        Just("No. 5".to_owned()),
        Just("am 3. ".to_owned()),
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just(" ” ".to_owned()),
        Just("„".to_owned()),
        Just("'".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[...]".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("東京。".to_owned()),
        Just("」".to_owned()),
        Just("• ".to_owned()),
        Just("1. ".to_owned()),
        Just("2) ".to_owned()),
        Just("b. ".to_owned()),
        Just("By ".to_owned()),
        Just("(AP Photo/".to_owned()),
        Just(" | ".to_owned()),
        Just("鈥".to_owned()),
        "[0-9,.$]{1,6}",
        "[.!?]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Checks every promise `segment` makes about its ranges.
fn check(input: &str) -> Result<(), TestCaseError> {
    let sentences = segment(input);
    let mut previous_end = 0;
    let mut covered = vec![false; input.len()];
    for s in &sentences {
        let r = s.range.clone();
        prop_assert!(r.start < r.end, "empty range {r:?}");
        prop_assert!(
            previous_end <= r.start,
            "ranges overlap or are out of order at {r:?}"
        );
        let Some(piece) = input.get(r.clone()) else {
            return Err(TestCaseError::fail(format!(
                "{r:?} is not on char boundaries"
            )));
        };
        prop_assert_eq!(piece.trim(), piece, "untrimmed range {:?}", r);
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
        previous_end = r.end;
    }
    for (i, c) in input.char_indices() {
        prop_assert!(
            c.is_whitespace() || covered[i],
            "{c:?} at {i} is in no sentence"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn ranges_are_ordered_trimmed_and_cover_the_text(input in text()) {
        check(&input)?;
    }

    #[test]
    fn any_string_is_segmented_safely(input in any::<String>()) {
        check(&input)?;
    }

    #[test]
    fn segmentation_is_deterministic(input in text()) {
        prop_assert_eq!(segment(&input), segment(&input));
    }
}

#[test]
fn pathological_inputs() {
    let long_dots = ".".repeat(10_000);
    let spaced_dots = ". ".repeat(5_000);
    let long_word = "a".repeat(10_000) + ". B";
    let many_lines = "x\n".repeat(5_000);
    let quotes = "“".repeat(1_000) + ". " + &"”".repeat(1_000);
    for input in [
        long_dots.as_str(),
        spaced_dots.as_str(),
        long_word.as_str(),
        many_lines.as_str(),
        quotes.as_str(),
        "\r\n\r\n",
        "\r",
        "”",
        "\" ",
        ". \u{301}",
        "1.",
        "• ",
        "a. b. c.",
    ] {
        check(input).unwrap_or_else(|e| panic!("{input:.40?}: {e}"));
    }
}
