//! Properties of the sentence aligner: determinism, mirror symmetry, identical and shuffled
//! copies, splits, and no panics on any input.

use super::support::{inputs, sentences};
use parallax::align::{align, Alignment, LinkKind, SentenceInput};
use parallax::segment::SentenceKind;
use parallax::tokenize::{tokenize, Token};
use parallax::{compare, Article, Options};
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The default threshold, as `compare` uses it.
fn threshold() -> f64 {
    Options::default().threshold
}

/// Our own look-alike article (not taken from any evaluation data).
const ARTICLE: &str = "Harbour bridge reopens after two years of repairs

The Kellsby harbour bridge reopened to traffic on Tuesday after two years of repairs that cost the city £48 million.

Mayor Ruth Okonkwo cut a ribbon at the northern end of the bridge shortly after 9 a.m., watched by several hundred residents.

Engineers found cracks in the steel deck in 2022 and closed the crossing to all vehicles in the same year.

Ferry operators, who carried most commuters while the bridge was shut, said they expected passenger numbers to fall by half.

\"We waited a long time for this day,\" said Priya Desai, who runs a bakery beside the southern ramp.

Tolls will stay at £1.50 for cars until the end of next year, the council said.

A cycle lane separated from traffic by a low wall now runs along the eastern side of the deck.";

/// The links with sides swapped, sorted as the aligner sorts them.
fn mirrored(links: &[Alignment]) -> Vec<Alignment> {
    let mut back: Vec<Alignment> = links
        .iter()
        .map(|a| Alignment {
            left: a.right.clone(),
            right: a.left.clone(),
            score: a.score,
            kind: a.kind,
        })
        .collect();
    back.sort_by(|a, b| (&a.left, &a.right).cmp(&(&b.left, &b.right)));
    back
}

/// Asserts that aligning the other way round gives exactly the mirrored links.
fn assert_mirrored(left: &[SentenceInput<'_>], right: &[SentenceInput<'_>], name: &str) {
    let there = align(left, right, threshold());
    let back = align(right, left, threshold());
    assert_eq!(
        mirrored(&back),
        there,
        "{name}: swapping sides changed the links"
    );
    for (a, b) in there.iter().zip(&mirrored(&back)) {
        assert_eq!(
            a.score.to_bits(),
            b.score.to_bits(),
            "{name}: scores differ"
        );
    }
}

/// The seed articles (file name, text) in file-name order, when the evaluation data is
/// present; shared by the integration tests that read them.
pub(crate) fn seed_texts() -> Option<Vec<(String, String)>> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: ../shared/samples/seeds not found");
        return None;
    };
    let mut texts: Vec<(String, String)> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            Some((name, std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    texts.sort();
    Some(texts)
}

/// A fixed permutation of `0..n` that scatters neighbours: multiplying by a number near `n / 3`
/// that is coprime with `n`, then rotating.
fn permutation(n: usize) -> Vec<usize> {
    let step = (n / 3..n.max(2))
        .find(|s| *s > 1 && gcd(*s, n) == 1)
        .unwrap_or(1);
    (0..n).map(|i| (i * step + 3) % n.max(1)).collect()
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[test]
fn output_is_deterministic() {
    let text = ARTICLE.replace("two years", "24 months");
    let (left, right) = (sentences(ARTICLE), sentences(&text));
    let first = align(&inputs(&left), &inputs(&right), threshold());
    for _ in 0..3 {
        assert_eq!(align(&inputs(&left), &inputs(&right), threshold()), first);
    }
    assert!(!first.is_empty());
}

#[test]
fn swapping_sides_mirrors_the_links() {
    let edited = ARTICLE
        .replace("reopened to traffic on Tuesday", "opened again on Tuesday")
        .replace(" A cycle lane", "\n\nA cycle lane");
    let (left, right) = (sentences(ARTICLE), sentences(&edited));
    assert_mirrored(&inputs(&left), &inputs(&right), "look-alike");
}

#[test]
fn swapping_seed_articles_mirrors_the_links() {
    let Some(texts) = seed_texts() else { return };
    for (a, (left_name, left_text)) in texts.iter().enumerate() {
        for (right_name, right_text) in &texts[a + 1..] {
            let (left, right) = (sentences(left_text), sentences(right_text));
            assert_mirrored(
                &inputs(&left),
                &inputs(&right),
                &format!("{left_name} vs {right_name}"),
            );
        }
    }
}

#[test]
fn the_report_mirrors_too() {
    let edited = ARTICLE.replace("said Priya Desai", "Priya Desai said");
    let options = Options::default();
    let there = compare(
        &Article::new("a", ARTICLE),
        &Article::new("b", &edited),
        &options,
    );
    let back = compare(
        &Article::new("b", &edited),
        &Article::new("a", ARTICLE),
        &options,
    );
    let pairs = |report: &parallax::Report, swap: bool| {
        let mut links: Vec<(Vec<usize>, Vec<usize>, u64)> = report
            .links
            .iter()
            .map(|l| {
                let (x, y) = if swap {
                    (l.right.clone(), l.left.clone())
                } else {
                    (l.left.clone(), l.right.clone())
                };
                (x, y, l.score.to_bits())
            })
            .collect();
        links.sort();
        links
    };
    assert_eq!(pairs(&there, false), pairs(&back, true));
    assert_eq!(there.unmatched[0], back.unmatched[1]);
}

/// Whether sentence `i` can be checked on its own: it has words, is not boilerplate and no
/// other sentence of the article has the same words (duplicates may link as a block).
fn checkable(sentences: &[(Vec<Token>, SentenceKind)], i: usize) -> bool {
    let words = |k: usize| -> Vec<&str> {
        sentences[k]
            .0
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.norm.as_str())
            .collect()
    };
    sentences[i].1 != SentenceKind::Boilerplate
        && !words(i).is_empty()
        && (0..sentences.len()).all(|k| k == i || words(k) != words(i))
}

#[test]
fn identical_inputs_align_one_to_one() {
    let mut texts = vec![("look-alike".to_owned(), ARTICLE.to_owned())];
    texts.extend(seed_texts().unwrap_or_default());
    for (name, text) in &texts {
        let sentences = sentences(text);
        let links = align(&inputs(&sentences), &inputs(&sentences), threshold());
        assert!(
            links.iter().all(|l| l.kind == LinkKind::Identical),
            "{name}: every link of a copy is identical: {links:?}"
        );
        for i in (0..sentences.len()).filter(|&i| checkable(&sentences, i)) {
            let touching: Vec<&Alignment> = links
                .iter()
                .filter(|l| l.left.contains(&i) || l.right.contains(&i))
                .collect();
            assert!(
                touching.len() == 1 && touching[0].left == [i] && touching[0].right == [i],
                "{name}: sentence {i} should link only to itself: {touching:?}"
            );
        }
    }
}

#[test]
fn a_shuffled_copy_recovers_every_link() {
    let mut texts = vec![("look-alike".to_owned(), ARTICLE.to_owned())];
    texts.extend(seed_texts().unwrap_or_default());
    for (name, text) in &texts {
        let sentences = sentences(text);
        let order = permutation(sentences.len());
        // Right sentence k is left sentence order[k].
        let shuffled: Vec<(Vec<Token>, SentenceKind)> =
            order.iter().map(|&i| sentences[i].clone()).collect();
        let links = align(&inputs(&sentences), &inputs(&shuffled), threshold());
        for (k, &i) in order.iter().enumerate() {
            if !checkable(&sentences, i) {
                continue;
            }
            let touching: Vec<&Alignment> = links.iter().filter(|l| l.left.contains(&i)).collect();
            assert!(
                touching.len() == 1
                    && touching[0].left == [i]
                    && touching[0].right == [k]
                    && touching[0].kind == LinkKind::Identical,
                "{name}: left {i} should link only to right {k}: {touching:?}"
            );
        }
    }
}

#[test]
fn a_long_shuffled_copy_recovers_every_link() {
    // 260 × 260 sentences: beyond the all-pairs limit, so candidates come from the index.
    let mut text = String::new();
    for k in 0..260 {
        let _ = write!(
            text,
            "Inspectors counted {k} damaged pylons near Alder{k} on Monday.\n\n"
        );
    }
    let sentences = sentences(&text);
    assert_eq!(sentences.len(), 260);
    let order = permutation(sentences.len());
    let shuffled: Vec<(Vec<Token>, SentenceKind)> =
        order.iter().map(|&i| sentences[i].clone()).collect();
    let links = align(&inputs(&sentences), &inputs(&shuffled), threshold());
    assert_eq!(links.len(), 260);
    for (k, &i) in order.iter().enumerate() {
        assert!(
            links.iter().any(|l| l.left == [i] && l.right == [k]),
            "left {i} should link to right {k}"
        );
    }
}

/// Left: one long sentence. Right: the same facts in two sentences, among other text.
const SPLIT_LEFT: &str = "Lanterns lit the old quay.\n\n\
    The Orwell sailing club will hold its first winter regatta on 14 December, with forty boats \
    racing from the lighthouse to the mussel beds and back.\n\n\
    Tickets for the club dinner are sold out.";
const SPLIT_RIGHT: &str = "Snow is forecast for the weekend.\n\n\
    The Orwell sailing club will hold its first winter regatta on 14 December. \
    Forty boats will race from the lighthouse to the mussel beds and back.\n\n\
    Parking on the quay will be free.";

#[test]
fn a_split_sentence_is_one_link_to_two() {
    let (left, right) = (sentences(SPLIT_LEFT), sentences(SPLIT_RIGHT));
    assert_eq!((left.len(), right.len()), (3, 4));
    let links = align(&inputs(&left), &inputs(&right), threshold());
    let got: Vec<(Vec<usize>, Vec<usize>)> = links
        .iter()
        .map(|l| (l.left.clone(), l.right.clone()))
        .collect();
    assert_eq!(got, [(vec![1], vec![1, 2])]);
    // And the other way round: a merge.
    let back = align(&inputs(&right), &inputs(&left), threshold());
    assert_eq!(back.len(), 1);
    assert_eq!(
        (back[0].left.clone(), back[0].right.clone()),
        (vec![1, 2], vec![1])
    );
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("bridge".to_owned()),
        Just("reopened".to_owned()),
        Just("Tuesday".to_owned()),
        Just("the".to_owned()),
        Just("“quoted”".to_owned()),
        Just("42".to_owned()),
        Just("drei".to_owned()),
        Just("東京".to_owned()),
        Just(".".to_owned()),
        "[a-zA-Z]{1,9}",
        any::<char>().prop_map(String::from),
    ]
}

fn sentence_texts() -> impl Strategy<Value = Vec<(String, u8)>> {
    let sentence = (prop::collection::vec(word(), 0..12), 0u8..6)
        .prop_map(|(words, kind)| (words.join(" "), kind));
    prop::collection::vec(sentence, 0..14)
}

fn kind_of(code: u8) -> SentenceKind {
    match code {
        0 => SentenceKind::Headline,
        1 => SentenceKind::Caption,
        2 => SentenceKind::Boilerplate,
        3 => SentenceKind::Byline,
        _ => SentenceKind::Body,
    }
}

fn tokenized(texts: &[(String, u8)]) -> Vec<(Vec<Token>, SentenceKind)> {
    texts
        .iter()
        .map(|(t, k)| (tokenize(t, 0..t.len()), kind_of(*k)))
        .collect()
}

proptest! {
    #[test]
    fn never_panics_and_stays_in_bounds(
        left in sentence_texts(),
        right in sentence_texts(),
        threshold in prop_oneof![0.0..=1.0, Just(f64::NAN), Just(-1.0), Just(2.0)],
    ) {
        let (left, right) = (tokenized(&left), tokenized(&right));
        let links = align(&inputs(&left), &inputs(&right), threshold);
        for link in &links {
            prop_assert!((0.0..=1.0).contains(&link.score));
            prop_assert!(!link.left.is_empty() && !link.right.is_empty());
            prop_assert!(link.left.iter().all(|&i| i < left.len()));
            prop_assert!(link.right.iter().all(|&j| j < right.len()));
            prop_assert!(link.left.windows(2).all(|w| w[0] + 1 == w[1]));
            prop_assert!(link.right.windows(2).all(|w| w[0] + 1 == w[1]));
            for &i in &link.left {
                prop_assert!(left[i].1 != SentenceKind::Boilerplate);
            }
            for &j in &link.right {
                prop_assert!(right[j].1 != SentenceKind::Boilerplate);
            }
        }
    }

    #[test]
    fn swapping_random_inputs_mirrors_the_links(
        left in sentence_texts(),
        right in sentence_texts(),
    ) {
        let (left, right) = (tokenized(&left), tokenized(&right));
        let there = align(&inputs(&left), &inputs(&right), threshold());
        let back = align(&inputs(&right), &inputs(&left), threshold());
        prop_assert_eq!(mirrored(&back), there);
    }
}
