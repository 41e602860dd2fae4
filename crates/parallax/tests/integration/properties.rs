//! Properties that hold for any input.

use parallax::{compare, Article, Options};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Words, punctuation, abbreviations, non-Latin scripts and odd white space.
    let piece = prop_oneof![
        "[A-Za-z]{1,8}",
        Just(". ".to_owned()),
        Just("Mr. ".to_owned()),
        Just("\n\n".to_owned()),
        Just("“".to_owned()),
        Just("東京。".to_owned()),
        Just("\u{200B}".to_owned()),
        "[0-9,.$]{1,6}",
        " {1,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn reports_point_into_the_inputs(left in text(), right in text()) {
        let report = compare(&Article::new("l", &left), &Article::new("r", &right), &Options::default());
        for (doc, input) in report.documents.iter().zip([&left, &right]) {
            let mut previous_end = 0;
            for s in &doc.sentences {
                prop_assert!(previous_end <= s.start && s.start < s.end);
                prop_assert_eq!(input.get(s.start..s.end), Some(s.text.as_str()));
                previous_end = s.end;
            }
        }
        for link in &report.links {
            prop_assert!((0.0..=1.0).contains(&link.score));
            for span in &link.diff {
                if let Some([a, b]) = span.left { prop_assert!(left.get(a..b).is_some()); }
                if let Some([a, b]) = span.right { prop_assert!(right.get(a..b).is_some()); }
            }
        }
    }
}
