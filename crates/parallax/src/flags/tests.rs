//! Table-driven tests of the discrepancy flags, on invented sentences.

use super::*;
use crate::test_support::unique;

/// One case: the left and right side of a link (each split into sentences by the segmenter)
/// and the flags expected, each rendered as `kind/severity left|right: note`.
struct Case {
    name: &'static str,
    left: &'static str,
    right: &'static str,
    flags: &'static [&'static str],
}

/// Sentence ranges of `text` as the segmenter finds them.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    crate::segment::segment(text)
        .into_iter()
        .map(|s| s.range)
        .collect()
}

/// Flags of two texts, each split into sentences, rendered for comparison.
pub(super) fn render(left: &str, right: &str) -> Vec<String> {
    let (left_sentences, right_sentences) = (sentences(left), sentences(right));
    let flags = compare_sides(
        &Side {
            text: left,
            sentences: &left_sentences,
        },
        &Side {
            text: right,
            sentences: &right_sentences,
        },
    );
    flags
        .iter()
        .map(|f| {
            let text = |t: &str, span: Option<[usize; 2]>| {
                span.and_then(|[a, b]| t.get(a..b))
                    .unwrap_or("-")
                    .to_owned()
            };
            let kind = format!("{:?}", f.kind).to_lowercase();
            let severity = format!("{:?}", f.severity).to_lowercase();
            format!(
                "{kind}/{severity} {}|{}: {}",
                text(left, f.left),
                text(right, f.right),
                f.note
            )
        })
        .collect()
}

const NUMBERS: &[Case] = &[
    Case {
        name: "number_changed_toll",
        left: "The storm killed at least 217 people in the province.",
        right: "The storm killed at least 270 people in the province.",
        flags: &["number/conflict 217|270: 217 ≠ 270"],
    },
    Case {
        name: "number_written_out_is_the_same",
        left: "It was his first visit in 24 years.",
        right: "It was his first visit in twenty-four years.",
        flags: &[],
    },
    Case {
        name: "number_written_out_differs",
        left: "It was his first visit in 24 years.",
        right: "It was his first visit in twenty-three years.",
        flags: &["number/conflict 24|twenty-three: 24 ≠ twenty-three"],
    },
    Case {
        name: "number_currency_sign_or_word",
        left: "The fund pledged $5 million for the harbour.",
        right: "The fund pledged 5 million dollars for the harbour.",
        flags: &[],
    },
    Case {
        name: "number_currency_amount_differs",
        left: "The fund pledged $5 million for the harbour.",
        right: "The fund pledged 6.5 million dollars for the harbour.",
        flags: &[
            "number/conflict $5 million|6.5 million dollars: $5 million ≠ 6.5 million dollars",
        ],
    },
    Case {
        name: "number_thousands_separator",
        left: "The port lost 11,000 containers overnight.",
        right: "The port lost 11000 containers overnight.",
        flags: &[],
    },
    Case {
        name: "number_german_separators_match_english",
        left: "The port lost 1,000.5 tonnes of grain on Friday.",
        right: "Der Hafen verlor am Freitag 1.000,5 Tonnen Getreide, sagte der Betreiber.",
        flags: &[],
    },
    Case {
        name: "number_german_thousands_dot",
        left: "Der Hafen verlor 11.000 Container, teilte die Behörde mit.",
        right: "Der Hafen verlor 12.000 Container, teilte die Behörde mit.",
        flags: &["number/conflict 11.000|12.000: 11.000 ≠ 12.000"],
    },
    Case {
        name: "number_german_words",
        left: "Die Firma baute drei Millionen Masken und zwei Fabriken.",
        right: "Die Firma baute 3.000.000 Masken und zwei Fabriken.",
        flags: &[],
    },
    Case {
        name: "number_german_words_differ",
        left: "Die Firma baute zwei neue Fabriken in der Stadt.",
        right: "Die Firma baute drei neue Fabriken in der Stadt.",
        flags: &["number/conflict zwei|drei: zwei ≠ drei"],
    },
    Case {
        name: "number_twice_and_three_times",
        left: "The mayor hugged the winner twice before the race.",
        right: "The mayor hugged the winner three times before the race.",
        flags: &["number/conflict twice|three times: twice ≠ three times"],
    },
    Case {
        name: "number_qualifiers_that_agree",
        left: "Rescuers found more than 200 survivors by noon.",
        right: "Rescuers found 217 survivors by noon.",
        flags: &[],
    },
    Case {
        name: "number_qualifiers_that_disagree",
        left: "Rescuers found more than 300 survivors by noon.",
        right: "Rescuers found 217 survivors by noon.",
        flags: &["number/conflict 300|217: 300 ≠ 217"],
    },
    Case {
        name: "number_ranges",
        left: "Between 40 and 50 boats joined the rescue.",
        right: "Some 40-50 boats joined the rescue.",
        flags: &[],
    },
    Case {
        name: "number_different_nouns_are_not_compared",
        left: "The convoy carried 40 trucks of flour.",
        right: "The convoy carried 30 tonnes of flour.",
        flags: &[],
    },
    Case {
        name: "number_only_on_one_side",
        left: "The council approved 12 new schools.",
        right: "The council approved new schools.",
        flags: &[],
    },
    Case {
        name: "number_reordered_clauses",
        left: "With 30 ships at sea, the navy sent 12 planes.",
        right: "The navy sent 12 planes, with 30 ships at sea.",
        flags: &[],
    },
    Case {
        name: "number_percent",
        left: "Prices rose 12% in March, the bank said.",
        right: "Prices rose 14 percent in March, the bank said.",
        flags: &["number/conflict 12%|14 percent: 12% ≠ 14 percent"],
    },
    Case {
        name: "number_inside_a_date_is_a_date",
        left: "The dam opened on June 19, 2024, to 300 guests.",
        right: "The dam opened on June 20, 2024, to 300 guests.",
        flags: &["date/conflict June 19, 2024|June 20, 2024: June 19, 2024 ≠ June 20, 2024"],
    },
    Case {
        name: "number_space_grouped_thousands",
        left: "The port lost 11,000 containers overnight.",
        right: "The port lost 11 000 containers overnight.",
        flags: &[],
    },
    Case {
        name: "number_age_forms_are_not_compared",
        left: "Berg, 71, opened the bridge.",
        right: "The 72-year-old Berg opened the bridge.",
        flags: &[],
    },
    Case {
        name: "number_age_changed",
        left: "Berg, 71, opened the bridge.",
        right: "Berg, 72, opened the bridge.",
        flags: &["number/conflict 71|72: 71 ≠ 72"],
    },
    Case {
        name: "number_a_million",
        left: "The city planted a million trees.",
        right: "The city planted 1,000,000 trees.",
        flags: &[],
    },
];

const DATES: &[Case] = &[
    Case {
        name: "date_weekday_changed",
        left: "The leaders met on Wednesday in the capital.",
        right: "The leaders met on Thursday in the capital.",
        flags: &["date/conflict Wednesday|Thursday: Wednesday ≠ Thursday"],
    },
    Case {
        name: "date_month_day_forms",
        left: "The treaty was signed on June 19 in the capital.",
        right: "Der Vertrag wurde am 19. Juni in der Hauptstadt unterzeichnet.",
        flags: &[],
    },
    Case {
        name: "date_day_month_order",
        left: "The treaty was signed on 19 June 2024.",
        right: "The treaty was signed on June 19, 2024.",
        flags: &[],
    },
    Case {
        name: "date_year_changed",
        left: "It was the first visit since July 2000.",
        right: "It was the first visit since July 2001.",
        flags: &["date/conflict July 2000|July 2001: July 2000 ≠ July 2001"],
    },
    Case {
        name: "date_years_versus_date_is_not_compared",
        left: "It was his first visit in 24 years.",
        right: "It was his first visit since July 2000.",
        flags: &[],
    },
    Case {
        name: "date_weekday_against_full_date",
        left: "The ferry sank on Thursday, officials said.",
        right: "The ferry sank on June 19, 2024, officials said.",
        flags: &["date/conflict Thursday|June 19, 2024: Thursday ≠ June 19, 2024 (a Wednesday)"],
    },
    Case {
        name: "date_weekday_matching_full_date",
        left: "The ferry sank on Wednesday, officials said.",
        right: "The ferry sank on June 19, 2024, officials said.",
        flags: &[],
    },
    Case {
        name: "date_part_of_day",
        left: "The plane landed on Wednesday evening.",
        right: "The plane landed on Wednesday morning.",
        flags: &["date/conflict Wednesday evening|Wednesday morning: Wednesday evening ≠ Wednesday morning"],
    },
    Case {
        name: "date_evening_and_night_agree",
        left: "The plane landed on Wednesday evening.",
        right: "The plane landed late on Wednesday night.",
        flags: &[],
    },
    Case {
        name: "date_clock_forms",
        left: "The vote closed at 3 p.m. on Friday.",
        right: "The vote closed at 15:00 on Friday.",
        flags: &[],
    },
    Case {
        name: "date_clock_changed",
        left: "The vote closed at 3 p.m. local time.",
        right: "The vote closed at 5 p.m. local time.",
        flags: &["date/conflict 3 p.m|5 p.m: 3 p.m ≠ 5 p.m"],
    },
    Case {
        name: "date_german_compound_weekday",
        left: "Die Fähre legte am Mittwochabend ab, sagte Berg.",
        right: "Die Fähre legte am Donnerstagabend ab, sagte Berg.",
        flags: &["date/conflict Mittwochabend|Donnerstagabend: Mittwochabend ≠ Donnerstagabend"],
    },
    Case {
        name: "date_german_clock",
        left: "Die Wahl endete um 18 Uhr, sagte der Sprecher.",
        right: "Die Wahl endete um 18.00 Uhr, sagte der Sprecher.",
        flags: &[],
    },
    Case {
        name: "date_iso_and_written",
        left: "The ferry sank on 2024-06-19, officials said.",
        right: "The ferry sank on 20 June 2024, officials said.",
        flags: &["date/conflict 2024-06-19|20 June 2024: 2024-06-19 ≠ 20 June 2024"],
    },
    Case {
        name: "date_german_numeric",
        left: "Der Vertrag wurde am 19.06.2024 unterzeichnet, sagte Berg.",
        right: "Der Vertrag wurde am 19. Juni 2024 unterzeichnet, sagte Berg.",
        flags: &[],
    },
    Case {
        name: "date_german_numeric_changed",
        left: "Der Vertrag wurde am 19.06.2024 unterzeichnet, sagte Berg.",
        right: "Der Vertrag wurde am 20. Juni 2024 unterzeichnet, sagte Berg.",
        flags: &["date/conflict 19.06.2024|20. Juni 2024: 19.06.2024 ≠ 20. Juni 2024"],
    },
    Case {
        name: "date_relative_words_are_not_flagged",
        left: "A day earlier, the minister resigned.",
        right: "On Tuesday, the minister resigned.",
        flags: &[],
    },
    Case {
        name: "date_may_as_a_verb",
        left: "The talks may resume in 2025, the envoy said.",
        right: "The talks could resume in 2025, the envoy said.",
        flags: &[],
    },
    Case {
        name: "date_two_dates_each_side_are_not_paired",
        left: "Talks began on Monday and ended on Wednesday.",
        right: "Talks began on Tuesday and ended on Thursday.",
        flags: &[],
    },
];

const NAMES: &[Case] = &[
    Case {
        name: "name_transliteration_variant",
        left: "Kremlin aide Yury Ushakov briefed reporters.",
        right: "Kremlin aide Yuri Ushakov briefed reporters.",
        flags: &["name/variant Yury Ushakov|Yuri Ushakov: Yury / Yuri (spelling)"],
    },
    Case {
        name: "name_choe_choi",
        left: "The delegation included Foreign Minister Choe Min Ra.",
        right: "The delegation included Foreign Minister Choi Min Ra.",
        flags: &["name/variant Choe Min Ra|Choi Min Ra: Choe / Choi (spelling)"],
    },
    Case {
        name: "name_same_title_different_person",
        left: "The delegation included Foreign Minister Anna Berg.",
        right: "The delegation included Foreign Minister Tomas Lind.",
        flags: &["name/conflict Anna Berg|Tomas Lind: Foreign Minister: Anna Berg / Tomas Lind"],
    },
    Case {
        name: "name_short_and_full_form",
        left: "President Anna Berg opened the bridge.",
        right: "President Berg opened the bridge.",
        flags: &[],
    },
    Case {
        name: "name_possessive",
        left: "The mayor praised Berg's plan for the harbour.",
        right: "The mayor praised the plan Berg drew for the harbour.",
        flags: &[],
    },
    Case {
        name: "name_both_spellings_on_both_sides",
        left: "Yury Ushakov, also written Yuri Ushakov, spoke.",
        right: "Yuri Ushakov, also written Yury Ushakov, spoke.",
        flags: &[],
    },
    Case {
        name: "name_country_and_adjective_are_not_variants",
        left: "Officials in Russia welcomed the plan.",
        right: "Russian officials welcomed the plan.",
        flags: &[],
    },
    Case {
        name: "name_different_people_without_title",
        left: "The prize went to Kim Jong Un.",
        right: "The prize went to Kim Yo Jong.",
        flags: &[],
    },
    Case {
        name: "name_german_nouns_are_not_names",
        left: "Die Staaten unterzeichneten den Vertrag am Abend.",
        right: "Die Staates unterzeichneten den Vertrag am Abend.",
        flags: &[],
    },
    Case {
        name: "name_inflection_is_not_a_spelling",
        left: "Talks between the two Koreas resumed in Seoul.",
        right: "Talks between the two Korean states resumed in Seoul.",
        flags: &[],
    },
    Case {
        name: "name_hyphenated_spelling",
        left: "The talks with Kim Jong Un lasted two hours.",
        right: "The talks with Kim Jong-un lasted two hours.",
        flags: &["name/variant Kim Jong Un|Kim Jong-un: Kim Jong Un / Kim Jong-un (spelling)"],
    },
    Case {
        name: "name_title_conflict_needs_the_same_claim",
        left: "Foreign Minister Anna Berg praised the harvest.",
        right: "Foreign Minister Tomas Lind condemned the border raid at dawn.",
        flags: &[],
    },
];

const QUOTES: &[Case] = &[
    Case {
        name: "quote_changed_word",
        left: "Kim called it “the strongest treaty ever signed” on Wednesday.",
        right: "Kim called it “the strongest pact ever signed” on Wednesday.",
        flags: &["quote/conflict “the strongest treaty ever signed”|“the strongest pact ever signed”: “the strongest treaty ever signed” vs “the strongest pact ever signed”: changed words treaty → pact"],
    },
    Case {
        name: "quote_function_word_changed_is_a_variant",
        left: "Berg said the town would “rebuild the pier before the winter”.",
        right: "Berg said the town would “rebuild the pier before winter”.",
        flags: &["quote/variant “rebuild the pier before the winter”|“rebuild the pier before winter”: “rebuild the pier before the winter” vs “rebuild the pier before winter”: changed words −the"],
    },
    Case {
        name: "quote_same_words_other_marks",
        left: "Kim called it “the strongest treaty ever signed.”",
        right: "Kim called it \"the strongest treaty ever signed.\"",
        flags: &[],
    },
    Case {
        name: "quote_split_across_sentences",
        left: "“We will rebuild the bridge. We will do it this year,” the mayor said.",
        right: "“We will rebuild the bridge,” the mayor said. “We will do it this year.”",
        flags: &[],
    },
    Case {
        name: "quote_partial_is_not_a_change",
        left: "“We will rebuild the bridge this year,” the mayor said.",
        right: "The mayor promised to “rebuild the bridge this year”.",
        flags: &[],
    },
    Case {
        name: "quote_german_marks",
        left: "„Wir werden die Brücke wieder aufbauen“, sagte die Bürgermeisterin.",
        right: "„Wir werden die Brücke neu aufbauen“, sagte die Bürgermeisterin.",
        flags: &["quote/conflict „Wir werden die Brücke wieder aufbauen“|„Wir werden die Brücke neu aufbauen“: “Wir werden die Brücke wieder aufbauen” vs “Wir werden die Brücke neu aufbauen”: changed words wieder → neu"],
    },
    Case {
        name: "quote_unrelated_quotes",
        left: "He called it “a great day for the city”.",
        right: "She called it “an insult to every farmer”.",
        flags: &[],
    },
    Case {
        name: "quote_apostrophes_are_not_quotes",
        left: "The leaders’ talks covered Kim’s ‘new era of peace’ speech.",
        right: "The leaders’ talks covered Kim’s ‘new era of peace’ speech.",
        flags: &[],
    },
];

const ATTRIBUTIONS: &[Case] = &[
    Case {
        name: "attribution_changed_speaker",
        left: "Ukraine said the missile was fired in January.",
        right: "The White House said the missile was fired in January.",
        flags: &["attribution/conflict Ukraine|White House: said by Ukraine / by the White House"],
    },
    Case {
        name: "attribution_according_to",
        left: "The missile came from the north, according to Ukraine.",
        right: "The missile came from the north, according to the White House.",
        flags: &["attribution/conflict Ukraine|White House: said by Ukraine / by the White House"],
    },
    Case {
        name: "attribution_same_speaker_other_form",
        left: "The missile came from the north, Ukraine said.",
        right: "According to Ukrainian officials, the missile came from the north.",
        flags: &[],
    },
    Case {
        name: "attribution_pronoun_is_no_speaker",
        left: "He said the missile came from the north.",
        right: "The White House said the missile came from the north.",
        flags: &[],
    },
    Case {
        name: "attribution_speaker_named_on_other_side",
        left: "Ukraine said the missile came from the north.",
        right: "The White House said the missile came from the north, as Ukraine had claimed.",
        flags: &[],
    },
    Case {
        name: "attribution_german_laut",
        left: "Laut Kiew kam die Rakete aus dem Norden.",
        right: "Laut Washington kam die Rakete aus dem Norden.",
        flags: &["attribution/conflict Kiew|Washington: said by Kiew / by Washington"],
    },
    Case {
        name: "attribution_inverted_said",
        left: "“The talks went well,” said Peskov on Tuesday.",
        right: "“The talks went well,” said Lavrov on Tuesday.",
        flags: &["attribution/conflict Peskov|Lavrov: said by Peskov / by Lavrov"],
    },
    Case {
        name: "attribution_citing",
        left: "The ferry will resume on Monday, the radio said, citing the Harbour Board.",
        right: "The ferry will resume on Monday, the radio said, citing the Coast Guard.",
        flags: &["attribution/conflict Harbour Board|Coast Guard: said by the Harbour Board / by the Coast Guard"],
    },
    Case {
        name: "attribution_told",
        left: "Mayor Berg told reporters the dam would hold.",
        right: "Governor Lind told reporters the dam would hold.",
        flags: &["attribution/conflict Mayor Berg|Governor Lind: said by Mayor Berg / by Governor Lind"],
    },
    Case {
        name: "attribution_german_nach_angaben",
        left: "Nach Angaben der Polizei wurden zwölf Menschen verletzt.",
        right: "Nach Angaben der Feuerwehr wurden zwölf Menschen verletzt.",
        flags: &["attribution/conflict Polizei|Feuerwehr: said by Polizei / by Feuerwehr"],
    },
    Case {
        name: "attribution_two_speakers_one_side",
        left: "Berg said, according to city radio, that the dam would hold.",
        right: "Lind said the dam would hold, according to the Norhaven Herald.",
        flags: &[],
    },
    Case {
        name: "attribution_generic_speakers",
        left: "Officials said the dam would hold.",
        right: "Analysts said the dam would hold.",
        flags: &[],
    },
    Case {
        name: "attribution_said_on_weekday",
        left: "The minister said on Tuesday that talks went well.",
        right: "The minister said on Tuesday that talks went well.",
        flags: &[],
    },
];

/// The same facts in other words: none of these may flag.
const PARAPHRASES: &[Case] = &[
    Case {
        name: "paraphrase_weekday_and_part_of_day",
        left: "The envoy arrived in Norhaven early Wednesday for a two-day visit.",
        right: "The envoy landed in Norhaven on Wednesday morning, starting a 2-day trip.",
        flags: &[],
    },
    Case {
        name: "paraphrase_two_sources_one_side",
        left: "The two mayors signed the pact on Wednesday, city radio reported.",
        right: "Both mayors signed the agreement Wednesday, according to the Norhaven Herald.",
        flags: &[],
    },
    Case {
        name: "paraphrase_twice_as_two_times",
        left: "The mayor hugged the coach twice at the station.",
        right: "The mayor embraced the coach two times at the station.",
        flags: &[],
    },
    Case {
        name: "paraphrase_reordered_year_and_count",
        left: "The council has vetoed 3 budgets since 2022.",
        right: "Since 2022 the council has vetoed three budgets.",
        flags: &[],
    },
    Case {
        name: "paraphrase_vague_thousands",
        left: "More than 1,000 people lined the streets of Norhaven.",
        right: "Thousands of people lined the streets of Norhaven.",
        flags: &[],
    },
    Case {
        name: "paraphrase_short_and_titled_names",
        left: "Anna Berg met Harbour Master Tomas Lind.",
        right: "Mayor Berg met Lind.",
        flags: &[],
    },
    Case {
        name: "paraphrase_title_after_name",
        left: "Treasurer Ola Dahl said the plan was risky.",
        right: "Dahl, the city treasurer, called the plan risky.",
        flags: &[],
    },
    Case {
        name: "paraphrase_about_and_exact",
        left: "The port shipped 11,000 containers of grain, the Harbour Board said.",
        right: "The Harbour Board said the port had shipped about 11,000 containers.",
        flags: &[],
    },
    Case {
        name: "paraphrase_years_and_since",
        left: "The visit was the first to Norhaven since July 2000.",
        right: "It was the first trip to the town in 24 years.",
        flags: &[],
    },
    Case {
        name: "paraphrase_time_and_early_hours",
        left: "At 3 a.m. on June 19, the ferry docked.",
        right: "The ferry docked in the early hours of June 19.",
        flags: &[],
    },
    Case {
        name: "paraphrase_german_speech_verbs",
        left: "Der Plan sieht neue Deiche vor, sagte Berg am Mittwoch.",
        right: "Der Plan sehe neue Dämme vor, erklärte Berg am Mittwoch.",
        flags: &[],
    },
    Case {
        name: "paraphrase_quote_of_one_word",
        left: "„Das ist ein Durchbruch“, sagte Berg.",
        right: "Berg sprach von einem „Durchbruch“.",
        flags: &[],
    },
    Case {
        name: "paraphrase_speaker_and_spokesman",
        left: "The Harbour Board said it was concerned, spokesman Ivo Brandt told reporters.",
        right: "Harbour Board spokesman Ivo Brandt said the board was concerned.",
        flags: &[],
    },
    Case {
        name: "paraphrase_quote_moved",
        left: "Berg said the dam was “safe and strong” in every way.",
        right: "The dam is “safe and strong,” Berg said.",
        flags: &[],
    },
    Case {
        name: "paraphrase_hedged_count_changed",
        left: "Some 50,000 people attended the fair.",
        right: "About 40,000 people attended the fair.",
        flags: &["number/conflict 50,000|40,000: 50,000 ≠ 40,000"],
    },
];

const IDENTICAL: &[Case] = &[Case {
    name: "identical_text_no_flags",
    left: "At least 217 people died on Wednesday, June 19, 2024, Kremlin aide Yury Ushakov said. \
           “We will rebuild,” he said, according to state media, after $5 million in aid.",
    right: "At least 217 people died on Wednesday, June 19, 2024, Kremlin aide Yury Ushakov said. \
            “We will rebuild,” he said, according to state media, after $5 million in aid.",
    flags: &[],
}];

const GROUPS: &[&[Case]] = &[
    NUMBERS,
    DATES,
    NAMES,
    QUOTES,
    ATTRIBUTIONS,
    PARAPHRASES,
    IDENTICAL,
];

#[test]
fn case_names_are_unique() {
    assert!(unique(GROUPS.iter().flat_map(|g| g.iter().map(|c| c.name))));
}

#[test]
fn cases() {
    let mut failures = Vec::new();
    for case in GROUPS.iter().flat_map(|g| g.iter()) {
        let found = render(case.left, case.right);
        if found != case.flags {
            failures.push(format!(
                "{}:\n  expected {:?}\n  found    {:?}",
                case.name, case.flags, found
            ));
        }
        // Each side against itself never flags anything.
        for text in [case.left, case.right] {
            let same = render(text, text);
            if !same.is_empty() {
                failures.push(format!("{} (against itself): {same:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
