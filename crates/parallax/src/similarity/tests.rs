//! Tests of the similarity features.

use super::model::sigmoid;
use super::*;
use crate::test_support::unique;
use crate::tokenize::tokenize;

fn profile(text: &str) -> Profile {
    Profile::new(&tokenize(text, 0..text.len()))
}

struct Case {
    name: &'static str,
    left: &'static str,
    right: &'static str,
    /// (feature, lowest, highest)
    expected: &'static [(&'static str, f64, f64)],
}

const CASES: &[Case] = &[
    Case {
        name: "identical",
        left: "The council approved 12 new parks on Monday.",
        right: "The council approved 12 new parks on Monday.",
        expected: &[
            ("cosine", 0.999, 1.0),
            ("gram_cosine", 0.999, 1.0),
            ("cover_min", 0.999, 1.0),
            ("number_agree", 1.0, 1.0),
            ("length_gap", 0.0, 0.0),
            ("bigram_dice", 1.0, 1.0),
        ],
    },
    Case {
        name: "number clash",
        left: "The storm killed 12 people.",
        right: "The storm killed 15 people.",
        expected: &[("number_clash", 1.0, 1.0), ("number_agree", 0.0, 0.0)],
    },
    Case {
        name: "name clash",
        left: "He met Smith in Paris.",
        right: "He met Jones at home.",
        expected: &[("name_clash", 1.0, 1.0), ("name_dice", 0.0, 0.0)],
    },
    Case {
        name: "shared quotation",
        left: "She called it “a new dawn” for the town.",
        right: "The mayor spoke of “a new dawn”.",
        expected: &[("quote_share", 1.0, 1.0)],
    },
    Case {
        name: "contained sentence",
        left: "The mayor resigned.",
        right: "The mayor resigned on Friday after a long scandal over park funds.",
        expected: &[("cover_max", 0.999, 1.0), ("cover_min", 0.0, 0.4)],
    },
    Case {
        name: "spelling variant",
        left: "Ushakov met the envoys.",
        right: "Ushakow met the envoys.",
        expected: &[("cosine", 0.3, 0.95), ("gram_cosine", 0.5, 0.99)],
    },
    Case {
        name: "nothing shared",
        left: "Rain fell.",
        right: "Markets rallied.",
        expected: &[("cosine", 0.0, 0.0), ("cover_max", 0.0, 0.0)],
    },
    Case {
        name: "empty side",
        left: "",
        right: "Markets rallied.",
        expected: &[("cosine", 0.0, 0.0), ("gram_cosine", 0.0, 0.0)],
    },
];

#[test]
fn case_names_are_unique() {
    assert!(unique(CASES.iter().map(|c| c.name)));
}

#[test]
fn feature_cases() {
    for case in CASES {
        let (left, right) = (profile(case.left), profile(case.right));
        let weights = Weights::new([&left, &right].into_iter());
        let f = features(&left, &right, &weights);
        for &(name, low, high) in case.expected {
            let index = FEATURE_NAMES.iter().position(|&n| n == name).unwrap();
            let value = f.values[index];
            assert!(
                (low..=high).contains(&value),
                "case {}: {name} = {value}, expected {low}..={high}",
                case.name
            );
        }
    }
}

#[test]
fn features_are_symmetric_bit_for_bit() {
    for case in CASES {
        let (left, right) = (profile(case.left), profile(case.right));
        let weights = Weights::new([&left, &right].into_iter());
        let there = features(&left, &right, &weights);
        let back = features(&right, &left, &weights);
        for (a, b) in there.values.iter().zip(&back.values) {
            assert_eq!(a.to_bits(), b.to_bits(), "case {}", case.name);
        }
    }
}

#[test]
fn features_are_finite_and_bounded() {
    for case in CASES {
        let (left, right) = (profile(case.left), profile(case.right));
        let weights = Weights::new([&left, &right].into_iter());
        for value in features(&left, &right, &weights).values {
            assert!(value.is_finite() && value >= 0.0, "case {}", case.name);
        }
    }
}

#[test]
fn sigmoid_is_safe() {
    assert_eq!(sigmoid(f64::NAN).to_bits(), 0.5_f64.to_bits());
    assert_eq!(sigmoid(f64::INFINITY).to_bits(), 1.0_f64.to_bits());
    assert_eq!(sigmoid(f64::NEG_INFINITY).to_bits(), 0.0_f64.to_bits());
    assert!((sigmoid(0.0) - 0.5).abs() < 1e-12);
}

#[test]
fn other_speakers_quoted_needs_two_speakers_two_quotes_and_other_words() {
    // (left, right, expected)
    let cases: &[(&str, &str, bool)] = &[
        (
            "KCNA said the visit was “of great importance for lasting friendship.”",
            "A State Department spokesperson told reporters the ties “should be of great concern to anyone who values peace.”",
            true,
        ),
        // The same speaker.
        (
            "KCNA said the visit was “of great importance for lasting friendship.”",
            "KCNA reported the ties were “a new stage of lasting friendship.”",
            false,
        ),
        // One side names the other's speaker: it may report the same words.
        (
            "KCNA said the visit was “of great importance for lasting friendship.”",
            "Officials told reporters, citing KCNA, that the ties “should be of great concern to anyone who values peace.”",
            false,
        ),
        // The same quote given to another speaker: an attribution to flag, not two statements.
        (
            "KCNA said the visit was “of great importance for lasting friendship.”",
            "Seoul said the visit was “of great importance for lasting friendship.”",
            false,
        ),
        // One side quotes nobody's words.
        (
            "KCNA said the visit was of great importance.",
            "A State Department spokesperson told reporters the ties “should be of great concern to anyone who values peace.”",
            false,
        ),
        // One side names no speaker.
        (
            "The visit was “of great importance for lasting friendship.”",
            "A State Department spokesperson told reporters the ties “should be of great concern to anyone who values peace.”",
            false,
        ),
    ];
    check_rule(cases, other_speakers_quoted);
}

#[test]
fn at_other_times_needs_a_shift_on_one_side_and_no_time_on_the_other() {
    // (left, right, expected)
    let cases: &[(&str, &str, bool)] = &[
        (
            "The treaty covers cooperation in many fields.",
            "In previous remarks, officials pledged cooperation in many fields.",
            true,
        ),
        // An opening that points back to an occasion told before.
        (
            "At the time, Kim invited Putin to visit his country.",
            "Blinken said Putin's visit showed desperation.",
            true,
        ),
        // `At the time of …` names the occasion itself.
        (
            "At the time of the signing, Kim invited Putin to visit his country.",
            "Blinken said Putin's visit showed desperation.",
            false,
        ),
        // The other side is dated too: both may tell one earlier step.
        (
            "In September 2023, Putin met Kim at a rocket base.",
            "Two years later, Putin met Kim at a rocket base.",
            false,
        ),
        // A sentence about repeated events may cover the dated one.
        (
            "Russia has repeatedly blocked new sanctions.",
            "Five years later, Russia blocked new sanctions.",
            false,
        ),
        // A shift that dates a report, not the event.
        (
            "Kim hosted a reception.",
            "Russian media previously reported that Kim would host a reception.",
            false,
        ),
        // Neither side shifts.
        (
            "The treaty covers cooperation in many fields.",
            "The pact calls for cooperation in trade.",
            false,
        ),
    ];
    check_rule(cases, at_other_times);
}

/// Checks a symmetric rule over two sentences on `(left, right, expected)` cases, both ways.
fn check_rule(cases: &[(&str, &str, bool)], rule: fn(&Prepared, &Prepared) -> bool) {
    for &(left, right, expected) in cases {
        let (l, r) = (profile(left), profile(right));
        let weights = Weights::new([&l, &r].into_iter());
        let (l, r) = (weights.prepare(l), weights.prepare(r));
        assert_eq!(rule(&l, &r), expected, "{left} / {right}");
        assert_eq!(rule(&r, &l), expected, "mirrored: {left} / {right}");
    }
}

#[test]
fn speakers_are_the_names_next_to_the_reporting_verb() {
    // (sentence, the words naming its speakers)
    let cases: &[(&str, &[&str])] = &[
        ("KCNA said the visit was important.", &["KCNA"]),
        ("“It is a breakthrough,” said Peskov.", &["Peskov"]),
        // An appositive between the name and the verb: the name, not the description.
        (
            "Yury Ushakov, a top Putin aide, said the treaty was broad.",
            &["Yury", "Ushakov"],
        ),
        // After `according to` the name comes last.
        (
            "The pact replaces past accords, according to Russian presidential aide Yury Ushakov.",
            &["presidential", "aide", "Yury", "Ushakov"],
        ),
        (
            "The treaty, according to the ministry, is defensive.",
            &["ministry"],
        ),
        // A pronoun names nobody; a description may be anybody the other report names.
        ("The treaty, he said, is defensive.", &[]),
        ("The North Korean leader said the ties were strong.", &[]),
    ];
    for &(sentence, words) in cases {
        let mut expected: Vec<Id> = words
            .iter()
            .map(|w| profile::id(&tokenize(w, 0..w.len())[0].stem))
            .collect();
        expected.sort_unstable();
        let mut found = cues::speakers(&tokenize(sentence, 0..sentence.len()));
        found.sort_unstable();
        found.dedup();
        assert_eq!(found, expected, "{sentence}");
    }
}

#[test]
fn a_shared_speaker_is_no_specific_evidence() {
    let left = [
        "Dax Velmont said the harbour bridge would reopen in May.",
        "Rain fell on the coast.",
    ];
    let right = [
        "Dax Velmont said taxes on fuel would rise.",
        "The harbour bridge reopens in May, according to Dax Velmont.",
        "Fishing boats stayed in port.",
    ];
    let (left, right): (Vec<Profile>, Vec<Profile>) = (
        left.iter().map(|t| profile(t)).collect(),
        right.iter().map(|t| profile(t)).collect(),
    );
    let weights = Weights::new(left.iter().chain(&right));
    let prepare = |side: Vec<Profile>| -> Vec<Option<Prepared>> {
        side.into_iter().map(|p| Some(weights.prepare(p))).collect()
    };
    let (left, right) = (prepare(left), prepare(right));
    let topics = Topics::new(&left, &right);
    let specific = |i: usize, j: usize| {
        topics.specific(
            (i, left[i].as_ref().unwrap()),
            (j, right[j].as_ref().unwrap()),
        )
    };
    // One source's two statements share only the source's name.
    let source_only = specific(0, 0);
    assert_eq!(source_only.mass.to_bits(), 0.0_f64.to_bits());
    assert!(!source_only.shares_plain);
    // The same statement shares its fact.
    let same_fact = specific(0, 1);
    assert!(same_fact.mass > 0.0 && same_fact.shares_plain);
    // The index gives the same values, to the bit.
    let pairs: Vec<(usize, usize)> = (0..2).flat_map(|i| (0..3).map(move |j| (i, j))).collect();
    let all = topics.specific_all(&left, &right, &pairs);
    for (&(i, j), got) in pairs.iter().zip(&all) {
        let want = specific(i, j);
        let got = got.expect("both sentences are present");
        assert_eq!(got.mass.to_bits(), want.mass.to_bits(), "{i} {j}");
        assert_eq!(got.cover_min.to_bits(), want.cover_min.to_bits(), "{i} {j}");
        assert_eq!(got.shares_plain, want.shares_plain, "{i} {j}");
    }
}

/// A profile's list of ids, for the merge test.
type Set = fn(&Profile) -> &Vec<profile::Id>;
/// A profile's list of counted ids, for the merge test.
type Counts = fn(&Profile) -> &Vec<(profile::Id, u32)>;

#[test]
fn merged_lists_are_the_parts_lists_joined_sorted_and_counted() {
    let texts = [
        "Kim met Putin in Pyongyang on June 19.",
        "Putin met Kim again, Kim said, and 3 ships left.",
        "“Peace” was the word of the day: peace, Putin said.",
        "Rain.",
    ];
    let parts: Vec<Profile> = texts.iter().map(|t| profile(t)).collect();
    let sets: [(&str, Set); 7] = [
        ("grams", |p| &p.grams),
        ("bigrams", |p| &p.bigrams),
        ("trigrams", |p| &p.trigrams),
        ("numbers", |p| &p.numbers),
        ("names", |p| &p.names),
        ("quoted", |p| &p.quoted),
        ("speakers", |p| &p.speakers),
    ];
    let counts: [(&str, Counts); 2] = [("terms", |p| &p.terms), ("words_all", |p| &p.words_all)];
    for len in 1..=parts.len() {
        for start in 0..=parts.len() - len {
            let run: Vec<&Profile> = parts[start..start + len].iter().collect();
            let merged = Profile::merge(&run);
            for (name, list) in sets {
                let mut want: Vec<profile::Id> =
                    run.iter().flat_map(|p| list(p).iter().copied()).collect();
                want.sort_unstable();
                want.dedup();
                assert_eq!(list(&merged), &want, "{name} of {start}..{}", start + len);
            }
            for (name, list) in counts {
                let mut want = std::collections::BTreeMap::new();
                for &(id, count) in run.iter().flat_map(|p| list(p)) {
                    *want.entry(id).or_insert(0) += count;
                }
                let want: Vec<(profile::Id, u32)> = want.into_iter().collect();
                assert_eq!(list(&merged), &want, "{name} of {start}..{}", start + len);
            }
        }
    }
    // The texts share stems and grams, so the merges add counts and drop repeats.
    let all = Profile::merge(&parts.iter().collect::<Vec<_>>());
    assert!(all.terms.iter().any(|&(_, count)| count > 1));
}

#[test]
fn number_words_are_sorted_and_all_found() {
    assert!(
        profile::NUMBER_WORDS
            .windows(2)
            .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()),
        "NUMBER_WORDS must be sorted by bytes, without repeats"
    );
    for &(word, digits) in profile::NUMBER_WORDS {
        assert_eq!(profile::number_word(word), Some(digits), "{word}");
    }
    for other in ["", "one", "ein", "eleve", "zwölfe", "three-"] {
        assert_eq!(profile::number_word(other), None, "{other}");
    }
}

proptest::proptest! {
    /// The shortcut for characters below U+0100 hashes the same bytes as the plain loop.
    #[test]
    fn gram_hashes_are_fnv_of_the_code_bytes(text in "[a-zé\u{ff}\u{100}\u{3000}\u{1f600} ]{0,8}") {
        let chars: Vec<char> = text.chars().collect();
        let bytes = chars.iter().flat_map(|&c| u32::from(c).to_le_bytes());
        proptest::prop_assert_eq!(profile::fnv_chars(&chars), profile::fnv(bytes));
    }

    /// Numbers, names and quoted words are content stems (pair scoring counts them shared
    /// only where content stems are shared).
    #[test]
    fn numbers_names_and_quotes_are_terms(
        words in proptest::collection::vec(
            "(Kim|Putin|the|said|\"|three|3|1,000|Moscow's|U\\.S\\.|NATO|treaty|,|\\.|talks)",
            0..30,
        )
    ) {
        let p = profile(&words.join(" "));
        for list in [&p.numbers, &p.names, &p.quoted] {
            for id in list {
                proptest::prop_assert!(p.terms.iter().any(|&(t, _)| t == *id), "{:?}", words);
            }
        }
    }
}

#[test]
fn larger_and_smaller_are_max_and_min() {
    let values = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.25,
        1e-300,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    for a in values {
        for b in values {
            let same = |ours: f64, std: f64| {
                // Which of two zeros f64::max picks is left open; every other result is exact.
                ours.to_bits() == std.to_bits() || (ours == 0.0 && std == 0.0)
            };
            assert!(same(larger(a, b), a.max(b)), "larger({a}, {b})");
            assert!(same(smaller(a, b), a.min(b)), "smaller({a}, {b})");
        }
    }
}

#[test]
fn length_gap_is_the_log_ratio_of_lengths_plus_one() {
    for (left, right) in [
        (0, 0),
        (0, 1),
        (3, 7),
        (7, 3),
        (47, 0),
        (47, 48),
        (48, 47),
        (200, 3),
    ] {
        let want = if left == right {
            0.0
        } else {
            ((left as f64 + 1.0) / (right as f64 + 1.0)).ln().abs()
        };
        assert_eq!(
            length_gap(left, right).to_bits(),
            want.to_bits(),
            "{left} vs {right}"
        );
    }
}
