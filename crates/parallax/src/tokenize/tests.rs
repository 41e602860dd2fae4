//! Table-driven tests of the tokenizer, the stemmers, the stop words and the language guess.

use super::*;
use crate::test_support::unique;
use proptest::prelude::*;

/// One tokenizer case: `tokens` renders every token as `surface/kind` plus `:name`, `:stop`
/// and `:poss` flags; `stems` lists the stems of the content tokens.
struct Case {
    name: &'static str,
    language: Language,
    input: &'static str,
    tokens: &'static str,
    stems: &'static str,
}

const EN: Language = Language::English;

const CASES: &[Case] = &[
    Case {
        name: "plain_sentence",
        language: EN,
        input: "Officials reopened the bridge on Monday.",
        tokens: "Officials/w reopened/w the/w:stop bridge/w on/w:stop Monday/w:name ./p",
        stems: "offici reopen bridg monday",
    },
    Case {
        name: "numbers_kept_whole",
        language: EN,
        input: "About 11,000 troops and 3.5 tonnes arrived in 2024.",
        tokens: "About/w:stop 11,000/n troops/w and/w:stop 3.5/n tonnes/w arrived/w in/w:stop 2024/n ./p",
        stems: "11000 troop 3.5 tonn arriv 2024",
    },
    Case {
        name: "currency_sign_is_its_own_token",
        language: EN,
        input: "A deal worth $35,000,000 or €2.5bn, up 12%.",
        tokens: "A/w:stop deal/w worth/w $/p 35,000,000/n or/w:stop €/p 2.5bn/n ,/p up/w:stop 12/n %/p ./p",
        stems: "deal worth 35000000 2.5bn 12",
    },
    Case {
        name: "ordinals_decades_and_ages",
        language: EN,
        input: "The 24-year-old came 19th, as in the 1990s.",
        tokens: "The/w:stop 24-year-old/n came/w 19th/n ,/p as/w:stop in/w:stop the/w:stop 1990s/n ./p",
        stems: "24-year-old came 19th 1990s",
    },
    Case {
        name: "hyphenated_designations",
        language: EN,
        input: "Pyongyang fired a KN-23 while F-16 jets flew a well-known route.",
        tokens: "Pyongyang/w fired/w a/w:stop KN-23/w:name while/w:stop F-16/w:name jets/w flew/w a/w:stop well-known/w route/w ./p",
        stems: "pyongyang fire kn-23 f-16 jet flew well-known rout",
    },
    Case {
        name: "hyphen_between_plain_numbers_splits",
        language: EN,
        input: "It ended 31-12 after 2010-11 talks on F-16s.",
        tokens: "It/w:stop ended/w 31/n -/p 12/n after/w:stop 2010/n -/p 11/n talks/w on/w:stop F-16s/w:name ./p",
        stems: "end 31 12 2010 11 talk f-16s",
    },
    Case {
        name: "hyphen_parts_are_stemmed_one_by_one",
        language: EN,
        input: "Russian-backed fighters",
        tokens: "Russian-backed/w fighters/w",
        stems: "russian-back fighter",
    },
    Case {
        name: "possessive_straight_apostrophe",
        language: EN,
        input: "The envoy met Kim's sister.",
        tokens: "The/w:stop envoy/w met/w Kim's/w:name:poss sister/w ./p",
        stems: "envoy met kim sister",
    },
    Case {
        name: "possessive_curly_apostrophe",
        language: EN,
        input: "Troops entered Russia’s border region.",
        tokens: "Troops/w entered/w Russia’s/w:name:poss border/w region/w ./p",
        stems: "troop enter russia border region",
    },
    Case {
        name: "plural_possessive_apostrophe_is_a_quote",
        language: EN,
        input: "The leaders’ summit",
        tokens: "The/w:stop leaders/w ’/q summit/w",
        stems: "leader summit",
    },
    Case {
        name: "contractions_are_stop_words_not_possessives",
        language: EN,
        input: "It’s clear they don't know each other’s plans.",
        tokens: "It’s/w:stop clear/w they/w:stop don't/w:stop know/w each/w:stop other’s/w:stop plans/w ./p",
        stems: "clear know plan",
    },
    Case {
        name: "every_quote_mark_is_its_own_token",
        language: EN,
        input: "“We will respond,” he said, ‘firmly’.",
        tokens: "“/q We/w:stop will/w:stop respond/w ,/p ”/q he/w:stop said/w:stop ,/p ‘/q firmly/w ’/q ./p",
        stems: "respond firm",
    },
    Case {
        name: "brackets_and_dashes",
        language: EN,
        input: "Talks (in Geneva) ended — abruptly – on [Friday]; 2010–2020.",
        tokens: "Talks/w (/p in/w:stop Geneva/w:name )/p ended/w —/p abruptly/w –/p on/w:stop [/p Friday/w:name ]/p ;/p 2010/n –/p 2020/n ./p",
        stems: "talk geneva end abrupt friday 2010 2020",
    },
    Case {
        name: "initials_keep_inner_dots",
        language: EN,
        input: "The U.S. and U.N. met at 10 a.m. today.",
        tokens: "The/w:stop U.S/w:name ./p and/w:stop U.N/w:name ./p met/w at/w:stop 10/n a.m/w ./p today/w ./p",
        stems: "us un met 10 am today",
    },
    Case {
        name: "missing_space_after_full_stop",
        language: EN,
        input: "He left.Then she spoke:briefly.",
        tokens: "He/w:stop left/w ./p Then/w:stop she/w:stop spoke/w :/p briefly/w ./p",
        stems: "left spoke briefli",
    },
    Case {
        name: "names_after_sentence_start_only",
        language: EN,
        input: "Talks resumed. Envoys from Seoul met Kim Jong-un.",
        tokens: "Talks/w resumed/w ./p Envoys/w from/w:stop Seoul/w:name met/w Kim/w:name Jong-un/w:name ./p",
        stems: "talk resum envoy seoul met kim jong-un",
    },
    Case {
        name: "acronym_at_sentence_start_is_a_name",
        language: EN,
        input: "NATO and US allies met.",
        tokens: "NATO/w:name and/w:stop US/w:name allies/w met/w ./p",
        stems: "nato us alli met",
    },
    Case {
        name: "all_caps_headline_has_stop_words_and_no_names",
        language: EN,
        input: "STORM TOPPLES THE OLD LIGHTHOUSE AT DAWN",
        tokens: "STORM/w TOPPLES/w THE/w:stop OLD/w LIGHTHOUSE/w AT/w:stop DAWN/w",
        stems: "storm toppl old lighthous dawn",
    },
    Case {
        name: "caps_place_name_in_a_normal_sentence_stays_a_name",
        language: EN,
        input: "PORT WENLOW (Coastal Wire) — The tower fell into the sea.",
        tokens: "PORT/w:name WENLOW/w:name (/p Coastal/w:name Wire/w:name )/p —/p The/w:stop tower/w fell/w into/w:stop the/w:stop sea/w ./p",
        stems: "port wenlow coastal wire tower fell sea",
    },
    Case {
        name: "quoted_speech_after_comma_starts_a_sentence",
        language: EN,
        input: "He said, \"Nobody came.\"",
        tokens: "He/w:stop said/w:stop ,/p \"/q Nobody/w came/w ./p \"/q",
        stems: "nobodi came",
    },
    Case {
        name: "fullwidth_and_invisible_characters",
        language: EN,
        input: "ＫＮ－２３ inter\u{AD}national\u{200B}talks",
        tokens: "ＫＮ－２３/w:name inter\u{AD}national/w talks/w",
        stems: "kn-23 intern talk",
    },
    Case {
        name: "sign_ellipsis_and_stacked_marks",
        language: EN,
        input: "-5 degrees... what?!",
        tokens: "-/p 5/n degrees/w ./p ./p ./p what/w:stop ?/p !/p",
        stems: "5 degre",
    },
    Case {
        name: "german_nouns_stop_words_and_umlauts",
        language: Language::German,
        input: "Die Bundesregierung hat die Entscheidung am Montag bestätigt.",
        tokens: "Die/w:stop Bundesregierung/w:name hat/w:stop die/w:stop Entscheidung/w:name am/w:stop Montag/w:name bestätigt/w ./p",
        stems: "bundesregier entscheid montag bestatigt",
    },
    Case {
        name: "german_quotes_and_sharp_s",
        language: Language::German,
        input: "„Die größten Raketen“, sagte er.",
        tokens: "„/q Die/w:stop größten/w Raketen/w:name “/q ,/p sagte/w:stop er/w:stop ./p",
        stems: "grosst raket",
    },
    Case {
        name: "other_language_is_not_stemmed",
        language: Language::Other,
        input: "La réunion a été reportée.",
        tokens: "La/w réunion/w a/w été/w reportée/w ./p",
        stems: "la réunion a été reportée",
    },
    Case {
        name: "cjk_characters_are_tokens",
        language: Language::Other,
        input: "東京で会議。",
        tokens: "東/w 京/w で/w 会/w 議/w 。/p",
        stems: "東 京 で 会 議",
    },
];

fn render(text: &str, tokens: &[Token]) -> String {
    let rendered: Vec<String> = tokens
        .iter()
        .map(|t| {
            let kind = match t.kind {
                TokenKind::Word => "w",
                TokenKind::Number => "n",
                TokenKind::Punct => "p",
                TokenKind::Quote => "q",
            };
            let mut out = format!(
                "{}/{kind}",
                text.get(t.range.clone()).unwrap_or("<bad range>")
            );
            for (flag, label) in [
                (t.name, ":name"),
                (t.stop_word, ":stop"),
                (t.possessive, ":poss"),
            ] {
                if flag {
                    out.push_str(label);
                }
            }
            out
        })
        .collect();
    rendered.join(" ")
}

fn content_stems(tokens: &[Token]) -> String {
    let stems: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_content())
        .map(|t| t.stem.as_str())
        .collect();
    stems.join(" ")
}

#[test]
fn cases() {
    let mut failures = Vec::new();
    for case in CASES {
        let tokens = tokenize_in(case.input, 0..case.input.len(), case.language);
        let (tokens_got, stems_got) = (render(case.input, &tokens), content_stems(&tokens));
        if tokens_got != case.tokens || stems_got != case.stems {
            failures.push(format!(
                "{}:\n  tokens want {}\n         got {tokens_got}\n  stems  want {}\n         got {stems_got}",
                case.name, case.tokens, case.stems
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn case_names_are_unique() {
    assert!(unique(CASES.iter().map(|c| c.name)));
}

/// Folding: the `norm` of each token, space-separated.
const NORM_CASES: &[(&str, &str, &str)] = &[
    (
        "curly_quotes_fold_to_straight",
        "“Yes” ‘no’ „ja“ «oui»",
        "\" yes \" ' no ' \" ja \" \" oui \"",
    ),
    (
        "dashes_fold_to_hyphen",
        "a – b — c ‐ d − 1",
        "a - b - c - d - 1",
    ),
    ("fullwidth_ascii_folds", "ＡＢＣ　１２３！", "abc 123 !"),
    (
        "case_folds",
        "ÉLAN Straße İstanbul",
        "élan straße i\u{307}stanbul",
    ),
    ("soft_hyphen_is_dropped", "co\u{AD}operate", "cooperate"),
    ("modifier_apostrophe_folds", "Kim\u{2BC}s", "kim's"),
];

#[test]
fn norms_fold_surface_forms() {
    for (name, input, expected) in NORM_CASES {
        let tokens = tokenize(input, 0..input.len());
        let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms.join(" "), *expected, "{name}");
    }
}

#[test]
fn norm_case_names_are_unique() {
    assert!(unique(NORM_CASES.iter().map(|c| c.0)));
}

#[test]
fn curly_and_straight_quotes_have_equal_norms() {
    let (left, right) = ("“Kim’s” visit", "\"Kim's\" visit");
    let norms = |s: &str| {
        tokenize(s, 0..s.len())
            .into_iter()
            .map(|t| t.norm)
            .collect::<Vec<_>>()
    };
    assert_eq!(norms(left), norms(right));
}

#[test]
fn ranges_point_into_the_input_not_the_range() {
    let text = "Ignore this. \u{201C}Quoted\u{201D} Kim\u{2019}s end";
    let tokens = tokenize(text, 13..text.len());
    let originals: Vec<&str> = tokens.iter().map(|t| &text[t.range.clone()]).collect();
    assert_eq!(
        originals,
        ["\u{201C}", "Quoted", "\u{201D}", "Kim\u{2019}s", "end"]
    );
}

#[test]
fn bad_ranges_give_no_tokens() {
    let text = "Kim’s";
    assert!(tokenize(text, 0..100).is_empty());
    assert!(
        tokenize(text, 0..4).is_empty(),
        "4 is inside the apostrophe"
    );
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = 3..1;
    assert!(tokenize(text, reversed).is_empty());
}

/// Expected stems from the Snowball reference implementation.
const ENGLISH_STEMS: &[(&str, &str)] = &[
    ("consign", "consign"),
    ("consigned", "consign"),
    ("consigning", "consign"),
    ("consignment", "consign"),
    ("generously", "generous"),
    ("generation", "generat"),
    ("communities", "communiti"),
    ("arsenal", "arsenal"),
    ("skies", "sky"),
    ("dying", "die"),
    ("news", "news"),
    ("succeeded", "succeed"),
    ("proceedings", "proceed"),
    ("hopping", "hop"),
    ("hoped", "hope"),
    ("agreed", "agre"),
    ("feed", "feed"),
    ("cries", "cri"),
    ("ties", "tie"),
    ("gas", "gas"),
    ("kiwis", "kiwi"),
    ("happily", "happili"),
    ("electricity", "electr"),
    ("formalize", "formal"),
    ("hopefulness", "hope"),
    ("relational", "relat"),
    ("negotiations", "negoti"),
    ("negotiated", "negoti"),
    ("sanctioned", "sanction"),
    ("ballistic", "ballist"),
    ("launches", "launch"),
    ("russians", "russian"),
    ("leaders'", "leader"),
    ("kim's", "kim"),
    ("presidential", "presidenti"),
    ("yesterday", "yesterday"),
    ("by", "by"),
];

/// Expected stems from the Snowball reference implementation.
const GERMAN_STEMS: &[(&str, &str)] = &[
    ("aufeinanderfolgenden", "aufeinanderfolg"),
    ("verhandlungen", "verhandl"),
    ("verhandelt", "verhandelt"),
    ("regierungen", "regier"),
    ("bestätigte", "bestatigt"),
    ("raketen", "raket"),
    ("häuser", "haus"),
    ("größten", "grosst"),
    ("straße", "strass"),
    ("möglichkeiten", "moglich"),
    ("freundlichkeit", "freundlich"),
    ("kenntnisse", "kenntnis"),
    ("ergebnisse", "ergebnis"),
    ("sprecherin", "sprecherin"),
    ("soldaten", "soldat"),
    ("abkommens", "abkomm"),
];

#[test]
fn stemmers_match_the_snowball_reference() {
    for (language, table) in [
        (Language::English, ENGLISH_STEMS),
        (Language::German, GERMAN_STEMS),
    ] {
        for (word, expected) in table {
            assert_eq!(stem(word, language), *expected, "{language:?} {word}");
        }
    }
}

#[test]
fn stop_words_depend_on_the_language() {
    let text = "Die Minister und the ministers";
    let stops = |language| {
        let tokens = tokenize_in(text, 0..text.len(), language);
        tokens
            .iter()
            .filter(|t| t.stop_word)
            .map(|t| t.norm.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(stops(Language::German), ["die", "und"]);
    assert_eq!(stops(Language::English), ["the"]);
    assert!(stops(Language::Other).is_empty());
}

const LANGUAGE_CASES: &[(&str, &str, Language)] = &[
    (
        "english_news",
        "The minister said that the talks had been constructive and would resume.",
        Language::English,
    ),
    (
        "german_news",
        "Der Minister sagte, dass die Gespräche konstruktiv gewesen seien und weitergehen.",
        Language::German,
    ),
    (
        "french_news",
        "Le ministre a déclaré que les discussions avaient été constructives.",
        Language::Other,
    ),
    ("too_short", "Rain.", Language::Other),
    ("empty", "", Language::Other),
    ("numbers_only", "11,000 2024 3.5", Language::Other),
    (
        "english_with_german_quote",
        "The chancellor said the phrase \"Wir schaffen das\" had been misread.",
        Language::English,
    ),
    (
        "capitalized_german",
        "DIE REGIERUNG UND DER PRÄSIDENT SIND SICH EINIG.",
        Language::German,
    ),
];

#[test]
fn detect_language_cases() {
    for (name, text, expected) in LANGUAGE_CASES {
        assert_eq!(detect_language(text), *expected, "{name}");
    }
}

#[test]
fn language_case_names_are_unique() {
    assert!(unique(LANGUAGE_CASES.iter().map(|c| c.0)));
}

/// Text that exercises the tokenizer: news-like pieces plus arbitrary characters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,8}",
        "[0-9]{1,4}",
        Just("'s".to_owned()),
        Just("’s ".to_owned()),
        Just("-".to_owned()),
        Just("\u{2011}".to_owned()),
        Just(".".to_owned()),
        Just(":".to_owned()),
        Just(",".to_owned()),
        Just("U.S.".to_owned()),
        Just("“".to_owned()),
        Just("„".to_owned()),
        Just("Ｋ－".to_owned()),
        Just("\u{AD}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("ß".to_owned()),
        Just("東京。".to_owned()),
        Just("👨\u{200D}👩".to_owned()),
        " {1,3}",
        Just("\n".to_owned()),
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat()),
        any::<String>()
    ]
}

/// Snaps a byte index down to the nearest character boundary of `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #[test]
    fn tokens_tile_the_visible_characters(
        input in text(),
        a in 0usize..400,
        b in 0usize..400,
        language in prop_oneof![Just(Language::English), Just(Language::German), Just(Language::Other)],
    ) {
        let (a, b) = (floor_boundary(&input, a), floor_boundary(&input, b));
        let range = a.min(b)..a.max(b);
        let tokens = tokenize_in(&input, range.clone(), language);
        let mut covered = range.start;
        for t in &tokens {
            prop_assert!(covered <= t.range.start && t.range.start < t.range.end, "{:?}", tokens);
            prop_assert!(t.range.end <= range.end);
            let surface = input.get(t.range.clone());
            prop_assert!(surface.is_some(), "not on char boundaries: {:?}", t.range);
            let surface = surface.unwrap_or_default();
            prop_assert!(!surface.chars().all(is_blank), "blank token {:?}", surface);
            prop_assert!(!surface.starts_with(is_blank) && !surface.ends_with(is_blank));
            prop_assert!(!t.norm.is_empty() && !t.stem.is_empty(), "{:?}", t);
            // Every character between two tokens is blank.
            let gap = input.get(covered..t.range.start).unwrap_or_default();
            prop_assert!(gap.chars().all(is_blank), "uncovered {:?}", gap);
            covered = t.range.end;
        }
        prop_assert!(input[covered..range.end].chars().all(is_blank));
    }

    #[test]
    fn any_range_never_panics(input in text(), a in 0usize..400, b in 0usize..400) {
        let tokens = tokenize(&input, a..b);
        prop_assert!(tokens.iter().all(|t| input.get(t.range.clone()).is_some()));
    }

    #[test]
    fn stemmers_never_panic(word in "\\PC{0,12}") {
        for language in [Language::English, Language::German, Language::Other] {
            let _ = stem(&word, language);
        }
        let _ = detect_language(&word);
    }

    /// The language guess counts what the plain split and string lookups count.
    #[test]
    fn language_guess_matches_the_plain_count(input in text(), markers in prop::collection::vec(
        prop_oneof![Just("The "), Just("und "), Just("ÜBER "), Just("Für "), Just("of,"), Just("THEIR.")], 0..12)
    ) {
        let input = format!("{input} {}", markers.concat());
        let (mut words, mut english, mut german) = (0usize, 0usize, 0usize);
        for word in input.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            words += 1;
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            english += usize::from(stop_words::contains(stop_words::ENGLISH_MARKERS, &lower));
            german += usize::from(stop_words::contains(stop_words::GERMAN_MARKERS, &lower));
        }
        let best = english.max(german);
        let expected = if best < 2 || best * 25 < words {
            Language::Other
        } else if german > english {
            Language::German
        } else {
            Language::English
        };
        prop_assert_eq!(detect_language(&input), expected);
    }

    /// The language guess's word scanner gives the words of a split at non-letters.
    #[test]
    fn alphabetic_runs_are_the_split_at_non_letters(input in text()) {
        let mut runs = Vec::new();
        for_each_alphabetic_run(&input, |word, ascii| runs.push((word.to_owned(), ascii)));
        let split: Vec<(String, bool)> = input
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(|w| (w.to_owned(), w.is_ascii()))
            .collect();
        prop_assert_eq!(runs, split);
    }

    /// The word-bound pieces of the tokenizer's fast path are those of UAX #29 on news-like
    /// and arbitrary text (more cases in `bounds`).
    #[test]
    fn word_bounds_match_uax29(input in text()) {
        let mut fast = Vec::new();
        bounds::for_each_word_bound(&input, |r| fast.push(r));
        let reference: Vec<Range<usize>> = unicode_segmentation::UnicodeSegmentation::split_word_bound_indices(input.as_str())
            .map(|(at, piece)| at..at + piece.len())
            .collect();
        prop_assert_eq!(fast, reference);
    }
}
