//! Discrepancy flags in the report: an invented article against a copy with a handful of
//! changed facts, an article against itself, and where flag ranges may point.

use parallax::report::{Flag, FlagKind, Report, Severity};
use parallax::{compare, Article, Options};
use proptest::prelude::*;

/// One sentence of the invented article, its counterpart in the changed copy, and the flag the
/// change must give: `(kind, severity, left words, right words)`, or `None` when the sentence
/// is kept or only reworded.
struct Change {
    name: &'static str,
    left: &'static str,
    right: &'static str,
    expected: Option<(FlagKind, Severity, &'static str, &'static str)>,
}

/// An invented wildfire report, one sentence per paragraph, and its changed copy.
const CHANGES: &[Change] = &[
    Change {
        name: "burned area",
        left: "Firefighters in the Calderra Valley said on Monday that the blaze had burned 4,800 hectares of forest since it started.",
        right: "Firefighters in the Calderra Valley said on Monday that the blaze had burned 6,300 hectares of forest since it started.",
        expected: Some((FlagKind::Number, Severity::Conflict, "4,800", "6,300")),
    },
    Change {
        name: "kept sentence",
        left: "About 1,100 residents of the village of Morrow Creek were moved to a school gym in the town of Alder Point.",
        right: "About 1,100 residents of the village of Morrow Creek were moved to a school gym in the town of Alder Point.",
        expected: None,
    },
    Change {
        name: "other fire chief",
        left: "Crews were led by fire chief Tomas Herrick, who has served in the valley for two decades.",
        right: "Crews were led by fire chief Marco Ellison, who has served in the valley for two decades.",
        expected: Some((FlagKind::Name, Severity::Conflict, "Tomas Herrick", "Marco Ellison")),
    },
    Change {
        name: "end of the order",
        left: "The evacuation order will stay in place until Thursday, the county administrator announced.",
        right: "The evacuation order will stay in place until Friday, the county administrator announced.",
        expected: Some((FlagKind::Date, Severity::Conflict, "Thursday", "Friday")),
    },
    Change {
        name: "quoted words",
        left: "“We have never seen the wind turn this fast in the valley,” Herrick told the local radio station.",
        right: "“We have never seen the wind change this fast in the valley,” Herrick told the local radio station.",
        expected: Some((
            FlagKind::Quote,
            Severity::Conflict,
            "“We have never seen the wind turn this fast in the valley,”",
            "“We have never seen the wind change this fast in the valley,”",
        )),
    },
    Change {
        name: "source of the aid figure",
        left: "The regional council approved $3 million in emergency aid, according to the Interior Ministry.",
        right: "The regional council approved $3 million in emergency aid, according to the Fire Service.",
        expected: Some((
            FlagKind::Attribution,
            Severity::Conflict,
            "Interior Ministry",
            "Fire Service",
        )),
    },
    Change {
        name: "respelled meteorologist",
        left: "Forecasts by meteorologist Dana Kowalczyk showed that temperatures could reach 39 degrees by the weekend.",
        right: "Forecasts by meteorologist Dana Kowalczik showed that temperatures could reach 39 degrees by the weekend.",
        expected: Some((FlagKind::Name, Severity::Variant, "Dana Kowalczyk", "Dana Kowalczik")),
    },
    Change {
        name: "reworded only",
        left: "Smoke closed the highway between Alder Point and Fenwick for most of the afternoon.",
        right: "Smoke shut the highway between Alder Point and Fenwick for much of the afternoon.",
        expected: None,
    },
    Change {
        name: "earlier record year",
        left: "It is the largest fire in the region since 2011, when a blaze destroyed 60 homes near the lake.",
        right: "It is the largest fire in the region since 2009, when a blaze destroyed 60 homes near the lake.",
        expected: Some((FlagKind::Date, Severity::Conflict, "2011", "2009")),
    },
];

fn joined(side: fn(&Change) -> &'static str) -> String {
    CHANGES.iter().map(side).collect::<Vec<_>>().join("\n\n")
}

fn report_of(left: &str, right: &str) -> Report {
    compare(
        &Article::new("left", left),
        &Article::new("right", right),
        &Options::default(),
    )
}

/// A flag as `kind/severity left words | right words`, read from the inputs.
fn describe(flag: &Flag, left: &str, right: &str) -> String {
    let words = |text: &str, range: Option<[usize; 2]>| {
        range
            .and_then(|[a, b]| text.get(a..b))
            .unwrap_or("-")
            .to_owned()
    };
    format!(
        "{}/{} {} | {}",
        flag.kind.name(),
        flag.severity.name(),
        words(left, flag.left),
        words(right, flag.right)
    )
}

#[test]
fn change_names_are_unique() {
    let names: std::collections::BTreeSet<&str> = CHANGES.iter().map(|c| c.name).collect();
    assert_eq!(names.len(), CHANGES.len());
}

#[test]
fn every_changed_fact_is_flagged_on_its_link_and_nothing_else() {
    let (left, right) = (joined(|c| c.left), joined(|c| c.right));
    let report = report_of(&left, &right);
    let mut failures = Vec::new();
    for (i, change) in CHANGES.iter().enumerate() {
        let links: Vec<_> = report
            .links
            .iter()
            .filter(|l| l.left.contains(&i))
            .collect();
        let [link] = links.as_slice() else {
            failures.push(format!("{}: {} links", change.name, links.len()));
            continue;
        };
        if link.left != [i] || link.right != [i] {
            failures.push(format!(
                "{}: linked {:?} to {:?}",
                change.name, link.left, link.right
            ));
            continue;
        }
        let found: Vec<String> = link
            .flags
            .iter()
            .map(|f| describe(f, &left, &right))
            .collect();
        let expected: Vec<String> = change
            .expected
            .iter()
            .map(|(kind, severity, l, r)| format!("{}/{} {l} | {r}", kind.name(), severity.name()))
            .collect();
        if found != expected {
            failures.push(format!(
                "{}:\n  expected {expected:?}\n  found    {found:?}",
                change.name
            ));
        }
    }
    let flagged = CHANGES.iter().filter(|c| c.expected.is_some()).count();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(report.stats.flags, flagged);
}

#[test]
fn flags_carry_shown_text_ranges() {
    let (left, right) = (joined(|c| c.left), joined(|c| c.right));
    let report = report_of(&left, &right);
    let shown = |doc: usize| -> String {
        let sentences = &report.documents[doc].sentences;
        sentences
            .iter()
            .map(|s| s.clean.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (left_shown, right_shown) = (shown(0), shown(1));
    for flag in report.links.iter().flat_map(|l| &l.flags) {
        let original = describe(flag, &left, &right);
        let clean = describe(
            &Flag {
                left: flag.left_clean,
                right: flag.right_clean,
                ..flag.clone()
            },
            &left_shown,
            &right_shown,
        );
        assert_eq!(original, clean);
    }
}

#[test]
fn an_article_against_itself_has_no_flags() {
    for side in [|c: &Change| c.left, |c: &Change| c.right] {
        let text = joined(side);
        let report = report_of(&text, &text);
        assert!(report.links.iter().all(|l| l.flags.is_empty()));
        assert_eq!(report.stats.flags, 0);
        let json = serde_json::to_value(&report).expect("json");
        let links = json["links"].as_array().expect("links");
        assert!(links.iter().all(|l| l.get("flags").is_none()), "{json}");
        assert_eq!(json["stats"]["flags"], 0);
    }
}

#[test]
fn flags_survive_json() {
    let (left, right) = (joined(|c| c.left), joined(|c| c.right));
    let report = report_of(&left, &right);
    let json = serde_json::to_string(&report).expect("json");
    let back: Report = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, report);
    assert!(
        json.contains(r#""kind":"number","severity":"conflict""#),
        "{json}"
    );
    // A report written before flags existed still reads.
    let mut old: serde_json::Value = serde_json::from_str(&json).expect("value");
    old["stats"].as_object_mut().expect("stats").remove("flags");
    for link in old["links"].as_array_mut().expect("links") {
        link.as_object_mut().expect("link").remove("flags");
    }
    let old: Report = serde_json::from_value(old).expect("old report");
    assert_eq!(old.stats.flags, 0);
    assert!(old.links.iter().all(|l| l.flags.is_empty()));
}

/// Sentences with facts to vary, and dirt that makes the cleaned text differ from the input.
fn article() -> impl Strategy<Value = String> {
    let weekday = prop::sample::select(vec!["Monday", "Tuesday", "Friday"]);
    let name = prop::sample::select(vec!["Ana Berg", "Ana Bergh", "Ivo Lund", "Zoë Krämer"]);
    let dirt = prop::sample::select(vec!["", " ", "\u{AD}", "\u{200B}", "â€™", "  \t", "東京"]);
    let sentence =
        (0u32..3000, weekday, name, dirt, 0usize..5).prop_map(|(n, day, who, dirt, shape)| {
            match shape {
                0 => format!("Officials said{dirt} {n} people left on {day}."),
                1 => format!("Mayor {who} said the {dirt}bridge cost ${n} million."),
                2 => format!("“The water rose {n} centimetres{dirt} in an hour,” {who} said."),
                3 => format!("On {day}, {n} homes lost{dirt} power, according to {who}."),
                _ => format!("Crews worked{dirt} until {day} near the river."),
            }
        });
    prop::collection::vec(
        (sentence, prop::sample::select(vec![" ", "\n", "\n\n"])),
        1..8,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(s, gap)| [s, gap.to_owned()])
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn flags_lie_inside_their_links_sentences(left in article(), right in article()) {
        let report = report_of(&left, &right);
        let mut count = 0;
        for link in &report.links {
            count += link.flags.len();
            for flag in &link.flags {
                for (doc, input, range, sentences) in [
                    (0, &left, flag.left, &link.left),
                    (1, &right, flag.right, &link.right),
                ] {
                    let Some([start, end]) = range else { continue };
                    prop_assert!(start < end);
                    prop_assert!(input.get(start..end).is_some(), "{start}..{end} off a char boundary");
                    let inside = sentences.iter().any(|&i| {
                        let s = &report.documents[doc].sentences[i];
                        s.start <= start && end <= s.end
                    });
                    prop_assert!(inside, "{:?} outside the sentences {:?}", flag, sentences);
                }
                prop_assert!(flag.left.is_some() || flag.right.is_some());
            }
        }
        prop_assert_eq!(report.stats.flags, count);
    }
}
