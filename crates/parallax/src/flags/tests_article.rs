//! Whole-article checks: an invented article against a copy with a handful of changed facts,
//! and the seed articles in `../shared` against themselves.

use super::tests::{render, sentences};
use super::*;
use crate::tokenize::tokenize;

/// An invented report, one sentence per line.
const ARTICLE: &str = "\
The river port of Norhaven reopened on Tuesday, March 4, 2025, after floods that killed at least 38 people, the regional governor said.
Harbour master Elin Vasquez told reporters that 1,200 containers had been moved inland before the water rose.
“We lost the old pier, but we did not lose the town,” Vasquez said at a briefing on Tuesday evening.
The national government pledged $12 million for repairs, according to the Finance Ministry.
Engineers said the new flood wall would be 4.5 metres high and finished within two years.
Deputy Mayor Piotr Sokolov, who toured the docks with the governor, called the damage “worse than anything since 1998”.
The port handles about 300 ships a year and employs 2,400 people.
Local radio reported that the first ferry would sail again on Friday.
";

/// The same report with one fact changed in some sentences, and the flag each change must give
/// (`None` for a sentence left alone or only reworded).
const CHANGED: &[(&str, Option<&str>)] = &[
    (
        "The river port of Norhaven reopened on Tuesday, March 4, 2025, after floods that killed at least 41 people, the regional governor said.",
        Some("number/conflict 38|41: 38 ≠ 41"),
    ),
    (
        "Harbour master Elin Vazquez told reporters that 1,200 containers had been moved inland before the water rose.",
        Some("name/variant Elin Vasquez|Elin Vazquez: Vasquez / Vazquez (spelling)"),
    ),
    (
        "“We lost the old pier, but we did not lose the city,” Vasquez said at a briefing on Tuesday evening.",
        Some("quote/conflict “We lost the old pier, but we did not lose the town,”|“We lost the old pier, but we did not lose the city,”: “We lost the old pier, but we did not lo…” vs “We lost the old pier, but we did not lo…”: changed words town → city"),
    ),
    (
        "The national government pledged $12 million for repairs, according to the Treasury.",
        Some("attribution/conflict Finance Ministry|Treasury: said by the Finance Ministry / by the Treasury"),
    ),
    (
        "Engineers said the new flood wall would be 4.5 metres high and finished within two years.",
        None,
    ),
    (
        "Deputy Mayor Anna Lindqvist, who toured the docks with the governor, called the damage “worse than anything since 1998”.",
        Some("name/conflict Piotr Sokolov|Anna Lindqvist: Deputy Mayor: Piotr Sokolov / Anna Lindqvist"),
    ),
    (
        "The port handles some 300 ships a year and employs 2400 people.",
        None,
    ),
    (
        "Local radio reported that the first ferry would sail again on Saturday.",
        Some("date/conflict Friday|Saturday: Friday ≠ Saturday"),
    ),
];

#[test]
fn every_changed_fact_is_flagged_and_nothing_else() {
    let lines: Vec<&str> = ARTICLE.lines().collect();
    assert_eq!(lines.len(), CHANGED.len());
    let mut failures = Vec::new();
    for (k, (original, (changed, expected))) in lines.iter().zip(CHANGED).enumerate() {
        let found = render(original, changed);
        let expected: Vec<String> = expected.iter().map(|e| (*e).to_owned()).collect();
        if found != expected {
            failures.push(format!(
                "sentence {k}:\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn article_against_itself_gives_no_flags() {
    assert_eq!(render(ARTICLE, ARTICLE), Vec::<String>::new());
    let changed: String = CHANGED.iter().flat_map(|(s, _)| [*s, "\n"]).collect();
    assert_eq!(render(&changed, &changed), Vec::<String>::new());
}

/// The seed articles, or `None` (with a message) when `../shared` is not there.
fn seeds() -> Option<Vec<(String, String)>> {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no seed articles at {}", dir.display());
        return None;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let articles: Vec<(String, String)> = paths
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).ok()?;
            Some((name, text))
        })
        .collect();
    if articles.is_empty() {
        eprintln!("skipping: the seed folder {} is empty", dir.display());
        return None;
    }
    Some(articles)
}

/// Byte ranges of the non-blank lines (paragraphs) of `text`, trimmed.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let offset = line.find(trimmed).unwrap_or(0);
            out.push(start + offset..start + offset + trimmed.len());
        }
        start += line.len();
    }
    out
}

#[test]
fn seed_articles_against_themselves_give_no_flags() {
    let Some(articles) = seeds() else { return };
    for (name, stored) in &articles {
        let cleaned = crate::normalize::clean(stored).text;
        for (text, ranges) in [
            (stored.as_str(), paragraphs(stored)),
            (stored.as_str(), sentences(stored)),
            (cleaned.as_str(), sentences(&cleaned)),
        ] {
            let side = Side {
                text,
                sentences: &ranges,
            };
            let flags = compare_sides(&side, &side);
            assert!(flags.is_empty(), "{name}: {flags:?}");
            // Paragraph by paragraph as well.
            for range in &ranges {
                let one = [range.clone()];
                let side = Side {
                    text,
                    sentences: &one,
                };
                assert!(compare_sides(&side, &side).is_empty(), "{name}");
            }
        }
    }
}

/// Prints (does not check) the flags between the paragraphs of seeds 002 and 004 that share
/// the most words, for a reader to judge: on the texts as stored, then as
/// [`crate::normalize::clean`] repairs them (004's quotation marks are mojibake as stored).
#[test]
fn seed_002_against_004_flags_are_printed() {
    let Some(articles) = seeds() else { return };
    let find = |prefix: &str| articles.iter().find(|(n, _)| n.starts_with(prefix));
    let (Some((left_name, left)), Some((right_name, right))) = (find("002"), find("004")) else {
        eprintln!("skipping: seeds 002 and 004 are not both there");
        return;
    };
    let cleaned = (
        crate::normalize::clean(left).text,
        crate::normalize::clean(right).text,
    );
    for (form, left, right) in [
        ("stored", left.as_str(), right.as_str()),
        ("cleaned", cleaned.0.as_str(), cleaned.1.as_str()),
    ] {
        let found = paragraph_flags(left, right);
        eprintln!(
            "{left_name} / {right_name} ({form}): {} paragraph pairs with flags",
            found.len()
        );
        for (name, flags) in found {
            for f in flags {
                let text = |t: &str, span: Option<[usize; 2]>| {
                    span.and_then(|[a, b]| t.get(a..b))
                        .unwrap_or("-")
                        .to_owned()
                };
                eprintln!(
                    "  {name}: {:?} {:?} {:?} | {:?} | {}",
                    f.kind,
                    f.severity,
                    text(left, f.left),
                    text(right, f.right),
                    f.note
                );
            }
        }
    }
}

/// Pairs each paragraph of `left` with the paragraph of `right` sharing the most words (when
/// they share at least 30%) and compares the pair.
fn paragraph_flags(left: &str, right: &str) -> Vec<(String, Vec<Flag>)> {
    let (left_paragraphs, right_paragraphs) = (paragraphs(left), paragraphs(right));
    let right_tokens: Vec<_> = right_paragraphs
        .iter()
        .map(|r| tokenize(right, r.clone()))
        .collect();
    let mut out = Vec::new();
    for (i, l) in left_paragraphs.iter().enumerate() {
        let tokens = tokenize(left, l.clone());
        let best = right_tokens
            .iter()
            .enumerate()
            .map(|(j, t)| (crate::similarity::word_overlap(&tokens, t), j))
            .fold(None, |best: Option<(f64, usize)>, (score, j)| match best {
                Some((s, _)) if s >= score => best,
                _ => Some((score, j)),
            });
        let Some((score, j)) = best.filter(|(s, _)| *s >= 0.3) else {
            continue;
        };
        let (one_left, one_right) = ([l.clone()], [right_paragraphs[j].clone()]);
        let flags = compare_sides(
            &Side {
                text: left,
                sentences: &one_left,
            },
            &Side {
                text: right,
                sentences: &one_right,
            },
        );
        if !flags.is_empty() {
            out.push((format!("¶{i}~¶{j} ({score:.2})"), flags));
        }
    }
    out
}

/// Prints the flags of every ordered pair of seeds (run with `--ignored --nocapture`).
#[test]
#[ignore = "prints flags for a reader; asserts nothing"]
fn all_seed_pairs_flags_are_printed() {
    let Some(articles) = seeds() else { return };
    for (left_name, left) in &articles {
        for (right_name, right) in &articles {
            if left_name == right_name {
                continue;
            }
            for (name, flags) in paragraph_flags(left, right) {
                for f in flags {
                    let text = |t: &str, span: Option<[usize; 2]>| {
                        span.and_then(|[a, b]| t.get(a..b))
                            .unwrap_or("-")
                            .to_owned()
                    };
                    eprintln!(
                        "{left_name} / {right_name} {name}: {:?} {:?} {:?} | {:?} | {}",
                        f.kind,
                        f.severity,
                        text(left, f.left),
                        text(right, f.right),
                        f.note
                    );
                }
            }
        }
    }
}
