//! Table-driven tests of the word diff, its mirror symmetry, cuts and the semantic clean-up.

use super::ops::{token_ops, TokenOp};
use super::*;
use crate::test_support::unique;
use crate::tokenize::tokenize;

struct Case {
    name: &'static str,
    left: &'static str,
    right: &'static str,
    options: DiffOptions,
    /// `op left|right` per span, `_` for an absent side.
    expected: &'static [&'static str],
}

const PLAIN: DiffOptions = DiffOptions {
    ignore_case: false,
    ignore_punctuation: false,
};
const NO_CASE: DiffOptions = DiffOptions {
    ignore_case: true,
    ignore_punctuation: false,
};
const NO_PUNCT: DiffOptions = DiffOptions {
    ignore_case: false,
    ignore_punctuation: true,
};

const CASES: &[Case] = &[
    Case {
        name: "identical",
        left: "Rain fell all day.",
        right: "Rain fell all day.",
        options: PLAIN,
        expected: &["equal Rain fell all day.|Rain fell all day."],
    },
    Case {
        name: "typographic quotes and dashes are equal",
        left: "“Kim’s” visit — short",
        right: "\"Kim's\" visit - short",
        options: PLAIN,
        expected: &["equal “Kim’s” visit — short|\"Kim's\" visit - short"],
    },
    Case {
        name: "case is a change by default",
        left: "The Mayor spoke",
        right: "The mayor spoke",
        options: PLAIN,
        expected: &["equal The|The", "replace Mayor|mayor", "equal spoke|spoke"],
    },
    Case {
        name: "ignore case",
        left: "The Mayor spoke",
        right: "the mayor spoke",
        options: NO_CASE,
        expected: &["equal The Mayor spoke|the mayor spoke"],
    },
    Case {
        name: "insertion at the end",
        left: "Crowds cheered",
        right: "Crowds cheered loudly",
        options: PLAIN,
        expected: &["equal Crowds cheered|Crowds cheered", "insert _|loudly"],
    },
    Case {
        name: "deletion at the start",
        left: "On Monday the bridge opened",
        right: "the bridge opened",
        options: PLAIN,
        expected: &[
            "delete On Monday|_",
            "equal the bridge opened|the bridge opened",
        ],
    },
    Case {
        name: "lone the between changes is absorbed",
        left: "He called the loss a blow",
        right: "He said the collapse was a blow",
        options: PLAIN,
        expected: &[
            "equal He|He",
            "replace called the loss|said the collapse was",
            "equal a blow|a blow",
        ],
    },
    Case {
        // One shortest diff only: with two (keep `landmark` or keep `,`), which one
        // Myers finds depends on the side order, and the diff runs in a canonical one.
        name: "lone comma between changes is absorbed",
        left: "The Wenlow lighthouse, a landmark on the coast",
        right: "The old tower, which had stood on the coast",
        options: PLAIN,
        expected: &[
            "equal The|The",
            "replace Wenlow lighthouse, a landmark|old tower, which had stood",
            "equal on the coast|on the coast",
        ],
    },
    Case {
        name: "three equal tokens stay",
        left: "Storms hit the north coast hard",
        right: "Gales hit the north coast badly",
        options: PLAIN,
        expected: &[
            "replace Storms|Gales",
            "equal hit the north coast|hit the north coast",
            "replace hard|badly",
        ],
    },
    Case {
        name: "an equality longer than its neighbouring change stays",
        left: "red car in the rain",
        right: "blue car in the snow",
        options: PLAIN,
        expected: &[
            "replace red|blue",
            "equal car in the|car in the",
            "replace rain|snow",
        ],
    },
    Case {
        name: "a shared content word between changes stays",
        left: "a red old car",
        right: "a blue old truck",
        options: PLAIN,
        expected: &[
            "equal a|a",
            "replace red|blue",
            "equal old|old",
            "replace car|truck",
        ],
    },
    Case {
        name: "two stop words next to a shorter change stay",
        left: "a red car of the year",
        right: "a blue truck of the decade",
        options: PLAIN,
        expected: &[
            "equal a|a",
            "replace red car|blue truck",
            "equal of the|of the",
            "replace year|decade",
        ],
    },
    Case {
        name: "two stop words between changes are absorbed",
        left: "a red car of the year",
        right: "a blue truck of the last decade",
        options: PLAIN,
        expected: &[
            "equal a|a",
            "replace red car of the year|blue truck of the last decade",
        ],
    },
    Case {
        name: "two content words between changes stay",
        left: "a red big old car",
        right: "a blue big old truck",
        options: PLAIN,
        expected: &[
            "equal a|a",
            "replace red|blue",
            "equal big old|big old",
            "replace car|truck",
        ],
    },
    Case {
        name: "punctuation counts by default",
        left: "Rain fell, all day",
        right: "Rain fell all day",
        options: PLAIN,
        expected: &[
            "equal Rain fell|Rain fell",
            "delete ,|_",
            "equal all day|all day",
        ],
    },
    Case {
        name: "ignore punctuation inside an equality",
        left: "Rain fell, all day.",
        right: "Rain fell all day",
        options: NO_PUNCT,
        expected: &["equal Rain fell, all day.|Rain fell all day"],
    },
    Case {
        name: "ignore punctuation next to a change joins the equality",
        left: "He left. Then rain",
        right: "He left and rain",
        options: NO_PUNCT,
        expected: &[
            "equal He left.|He left",
            "replace Then|and",
            "equal rain|rain",
        ],
    },
    Case {
        name: "ignore punctuation keeps an insertion an insertion",
        left: "Rain fell; all day",
        right: "Rain fell hard all day",
        options: NO_PUNCT,
        expected: &[
            "equal Rain fell;|Rain fell",
            "insert _|hard",
            "equal all day|all day",
        ],
    },
    Case {
        name: "punctuation only on both sides is equal when ignored",
        left: "...",
        right: "!",
        options: NO_PUNCT,
        expected: &["equal ...|!"],
    },
    Case {
        name: "punctuation only against words",
        left: "—",
        right: "Yes",
        options: NO_PUNCT,
        expected: &["replace —|Yes"],
    },
    Case {
        name: "empty left",
        left: "",
        right: "New text",
        options: PLAIN,
        expected: &["insert _|New text"],
    },
    Case {
        name: "both empty",
        left: "",
        right: "",
        options: PLAIN,
        expected: &[],
    },
];

fn render(left: &str, right: &str, spans: &[DiffSpan]) -> Vec<String> {
    let side = |text: &str, range: &Option<Range<usize>>| {
        range
            .as_ref()
            .map_or("_".to_owned(), |r| text[r.clone()].to_owned())
    };
    spans
        .iter()
        .map(|s| {
            format!(
                "{} {}|{}",
                format!("{:?}", s.op).to_lowercase(),
                side(left, &s.left),
                side(right, &s.right)
            )
        })
        .collect()
}

fn run(left: &str, right: &str, options: DiffOptions) -> Vec<DiffSpan> {
    let (lt, rt) = (
        tokenize(left, 0..left.len()),
        tokenize(right, 0..right.len()),
    );
    diff_tokens(
        &DiffInput::new(left, &lt),
        &DiffInput::new(right, &rt),
        &options,
    )
}

#[test]
fn cases() {
    for case in CASES {
        let spans = run(case.left, case.right, case.options);
        assert_eq!(
            render(case.left, case.right, &spans),
            case.expected,
            "{}",
            case.name
        );
    }
}

#[test]
fn case_names_are_unique() {
    assert!(unique(CASES.iter().map(|c| c.name)));
}

/// Pairs whose diff depended on which side was left (issue 19, item 7): Myers keeps the
/// first of two swapped words on one side and the second on the other.
const SWAPS: &[(&str, &str, &str)] = &[
    ("two words swapped", "storm mayor", "mayor storm"),
    (
        "a moved phrase",
        "The mayor said the storm hit the town.",
        "The storm hit the town, the mayor said.",
    ),
    (
        "repeated words moved",
        "storm storm mayor sea Dr. into storm.",
        "storm storm mayor storm into. 1884.",
    ),
    ("case and order", "Storm mayor storm", "storm Mayor Storm"),
];

/// The span list as the other side sees it.
fn mirror(spans: &[DiffSpan]) -> Vec<DiffSpan> {
    spans
        .iter()
        .map(|s| DiffSpan {
            op: match s.op {
                DiffOp::Insert => DiffOp::Delete,
                DiffOp::Delete => DiffOp::Insert,
                op => op,
            },
            left: s.right.clone(),
            right: s.left.clone(),
        })
        .collect()
}

#[test]
fn issue_19_swapping_sides_mirrors_the_diff() {
    assert!(unique(SWAPS.iter().map(|s| s.0)));
    let pairs = SWAPS
        .iter()
        .copied()
        .chain(CASES.iter().map(|c| (c.name, c.left, c.right)));
    for (name, left, right) in pairs {
        for options in [PLAIN, NO_CASE, NO_PUNCT] {
            assert_eq!(
                run(right, left, options),
                mirror(&run(left, right, options)),
                "{name}, {options:?}"
            );
        }
    }
}

#[test]
fn spans_split_where_a_link_skips_text() {
    // The left side is sentences 0 and 2 of one text: no span may cover sentence 1.
    let left = "Rain fell all day. Nobody came. The match was off.";
    let mut left_tokens = tokenize(left, 0..18);
    left_tokens.extend(tokenize(left, 32..left.len()));
    let right = "Rain fell all day and the match was off.";
    let right_tokens = tokenize(right, 0..right.len());
    let spans = diff_tokens(
        &DiffInput::new(left, &left_tokens),
        &DiffInput::new(right, &right_tokens),
        &DiffOptions::default(),
    );
    for span in &spans {
        if let Some(r) = &span.left {
            assert!(!left[r.clone()].contains("Nobody"), "{spans:?}");
        }
    }
    let covered: usize = spans.iter().filter_map(|s| s.left.as_ref()).count();
    assert!(covered >= 2, "{spans:?}");
}

#[test]
fn no_absorbable_equality_is_left() {
    let left = "The council had approved a plan, at a cost of two million, to move it";
    let right = "The council approved a costly plan costing two million in all to move it";
    let (lt, rt) = (
        tokenize(left, 0..left.len()),
        tokenize(right, 0..right.len()),
    );
    for options in [PLAIN, NO_CASE, NO_PUNCT] {
        let ops = token_ops(
            &DiffInput::new(left, &lt),
            &DiffInput::new(right, &rt),
            options,
        );
        assert!(ops.iter().any(TokenOp::is_change), "{ops:?}");
        for w in ops.windows(3) {
            let sandwiched = w[0].is_change() && !w[1].is_change() && w[2].is_change();
            let content = lt[w[1].left.clone()].iter().any(Token::is_content);
            assert!(
                !sandwiched
                    || content
                    || w[1].len() > MAX_ABSORBED_EQUALITY.min(w[0].len()).min(w[2].len()),
                "{options:?}: {ops:?}"
            );
        }
    }
}
