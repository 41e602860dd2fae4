//! Wrong and missed links of issue 16, rebuilt with invented articles (no evaluation data).
//!
//! Two outlets report one summit: both name the same two leaders in most sentences, so a
//! pair that shares only those names, or only the story's own words, says different things.
//! Each test compares the two articles both ways (left/right and mirrored) with
//! `parallax::compare` at the default threshold and asserts on the links it makes.

use parallax::{compare, Article, Options};

/// Outlet A's report (invented).
const LEFT: &str = "Maravia, Ostrelia sign mutual defence pact in Karsk

Maravian President Arlen Voss (L) and Ostrelian leader Talia Renk shake hands before their talks in Karsk on March 3, 2025.

Maravian President Arlen Voss and Ostrelian leader Talia Renk signed a broad partnership treaty in Karsk on Tuesday, including a clause on mutual defence if either country is attacked, state media said.

The signing of the treaty, which also covers cooperation in many fields including trade and farming, came as Velian officials voiced concern over Maravia's war in the south.

Renk told reporters that relations between Maravia and Ostrelia had reached \"a new high level of alliance\" and called the pact purely defensive.

Renk promised at the talks Ostrelia's \"full backing and loyalty\" to Maravia over the war, calling it a fight for \"sovereignty and dignity.\"

Voss also said the Velian trade embargo against Ostrelia over its rocket programme should be lifted, state media said.

Voss, on his first visit to Ostrelia in twenty years, thanked Renk for her steady support.

Last spring, Renk invited Voss to visit her country, according to the Ostrelian news agency.

Renk last travelled to Maravia in 2023, when the two leaders met at a rocket base in the east.";

/// Outlet B's report of the same summit (invented).
const RIGHT: &str = "Maravia, Ostrelia Sign 'Partnership' Pact in Karsk

The Ostrelian leader said the treaty lifts relations between Maravia and Ostrelia to the level of an alliance.

The leaders of Maravia and Ostrelia signed a broad partnership treaty on March 3 at a summit held in Karsk.

According to President Arlen Voss, who arrived in the Ostrelian capital a day earlier, the new pact obliges each party to defend the other if it is attacked.

Voss said the agreement also called for closer cooperation in trade, farming, culture and science.

Renk praised the \"peaceful and defensive\" nature of the treaty.

A Velian foreign ministry spokesman said closer Maravia–Ostrelia ties \"should worry anyone who values calm in the region and backs the people of the south against Maravia's war.\"

Velian Secretary of State Dorin Hale said the visit showed the \"desperation\" of Voss to find friends.

Two years later, Maravia joined Korvan to block Velian efforts to impose a new embargo on Ostrelia over its rocket tests.

Voss arrived with his foreign and defence ministers and a large group of officials.";

/// The sentence pairs `compare` links (every left × right sentence of every link), as the
/// left article's and the right article's sentence indices.
fn linked_pairs(left: &str, right: &str) -> Vec<(usize, usize)> {
    let report = compare(
        &Article::new("left", left),
        &Article::new("right", right),
        &Options::default(),
    );
    let mut pairs = Vec::new();
    for link in &report.links {
        for &l in &link.left {
            for &r in &link.right {
                pairs.push((l, r));
            }
        }
    }
    pairs
}

/// The index of the one sentence of `text` that contains `needle`.
fn sentence(text: &str, needle: &str) -> usize {
    let report = compare(
        &Article::new("a", text),
        &Article::new("b", "-"),
        &Options::default(),
    );
    let found: Vec<usize> = report.documents[0]
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.clean.contains(needle))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{needle:?} should be in exactly one sentence"
    );
    found[0]
}

/// Whether the left sentence holding `left` and the right one holding `right` are linked,
/// checked in both directions (the mirrored comparison must agree).
fn linked(left: &str, right: &str) -> bool {
    let (l, r) = (sentence(LEFT, left), sentence(RIGHT, right));
    let there = linked_pairs(LEFT, RIGHT).contains(&(l, r));
    let back = linked_pairs(RIGHT, LEFT).contains(&(r, l));
    assert_eq!(
        there, back,
        "mirrored comparison disagrees on {left:?} / {right:?}"
    );
    there
}

#[test]
fn a_caption_links_only_to_a_sentence_stating_its_own_fact() {
    // The photo caption names both leaders; the defence clause and the signing say other
    // things about them.
    let caption = sentence(LEFT, "shake hands");
    for pair in linked_pairs(LEFT, RIGHT) {
        assert_ne!(pair.0, caption, "the caption is linked: {pair:?}");
    }
    assert!(!linked("shake hands", "obliges each party"));
}

// Two speakers quoted in different words are two statements (the rule in `align::judge`);
// before it, the pair linked at 0.75 on the topic stems and `back`/`war`.
#[test]
fn a_promise_does_not_link_to_another_speakers_quote() {
    assert!(!linked(
        "full backing and loyalty",
        "foreign ministry spokesman"
    ));
}

#[test]
fn the_same_actors_at_another_time_do_not_link() {
    assert!(!linked("Renk invited Voss", "desperation"));
}

// One opens on another occasion (`Two years later`), the other names no time: the same actors
// and object at two moments (the second rule in `align::judge`); before it, the pair linked at
// 0.76 on `embargo`, `Velian` and the two countries.
#[test]
fn the_same_object_in_a_different_event_does_not_link() {
    assert!(!linked("should be lifted", "Two years later"));
}

#[test]
fn the_defence_clause_links_to_its_restatement() {
    assert!(linked("clause on mutual defence", "obliges each party"));
}

#[test]
fn an_alliance_claim_links_to_its_rewording() {
    assert!(linked(
        "new high level of alliance",
        "to the level of an alliance"
    ));
}

#[test]
fn cooperation_in_many_fields_links_to_its_rewording() {
    assert!(linked(
        "covers cooperation in many fields",
        "closer cooperation in trade"
    ));
}

#[test]
fn the_two_headlines_link() {
    assert!(linked(
        "sign mutual defence pact",
        "Sign 'Partnership' Pact"
    ));
}

/// Outlet C's opening (invented): a caption sits right above the signing, and the sentence
/// after it quotes the president on military cooperation.
const CAPTIONED: &str = "Maravia, Ostrelia sign mutual aid pact in event of aggression

Maravian President Arlen Voss (L) and Ostrelian leader Talia Renk shake hands ahead of their talks in Karsk on March 3, 2025.

Maravian President Arlen Voss and Ostrelian leader Talia Renk signed a comprehensive strategic partnership treaty in Karsk on Tuesday, including a clause covering mutual assistance in case of aggression against either country, Maravian media said, underlining their increasingly close military cooperation.

Voss, following his talks with Renk, was quoted by the state news agency as saying that Maravia does not rule out developing military and technical cooperation with Ostrelia in accordance with the newly signed pact.

Renk told a joint press conference that relations have reached a new high level of alliance.";

/// Outlet D's opening of the same signing (invented).
const SPLIT: &str = "Maravia, Ostrelia Sign 'Strategic Partnership' Pact in Karsk

The Ostrelian leader said the treaty elevates relations to the level of an alliance.

The leaders of Maravia and Ostrelia signed a comprehensive strategic partnership treaty on March 3 during a bilateral summit held in Karsk, Ostrelian state media reported.

According to Maravian President Arlen Voss, who arrived in the Ostrelian capital a day earlier, the freshly signed pact obliges each party to come to the aid of the other if attacked.

\"The comprehensive partnership agreement signed today provides for mutual assistance in the event of aggression against one of the parties,\" Voss said.";

#[test]
fn the_signing_links_to_its_restatement_below_a_caption() {
    // The caption above the signing names the same leaders. In seeds 000 vs 003 it was grown
    // into the signing's link, the link model rejected the grown link and the signing went
    // unlinked; these short invented articles do not grow that link, so this guards the
    // outcome, and `align::tests::growth_offers_only_sentences_of_the_links_own_kind` is the
    // regression test of the rule.
    let report = compare(
        &Article::new("captioned", CAPTIONED),
        &Article::new("split", SPLIT),
        &Options::default(),
    );
    let find = |doc: usize, needle: &str| {
        report.documents[doc]
            .sentences
            .iter()
            .position(|s| s.clean.contains(needle))
            .expect("sentence")
    };
    let (signing, restated) = (
        find(0, "signed a comprehensive"),
        find(1, "signed a comprehensive"),
    );
    assert!(
        report
            .links
            .iter()
            .any(|l| l.left.contains(&signing) && l.right.contains(&restated)),
        "the signing is not linked: {:?}",
        report
            .links
            .iter()
            .map(|l| (&l.left, &l.right))
            .collect::<Vec<_>>()
    );
}

#[test]
fn no_link_joins_a_headline_or_caption_with_running_text() {
    for (left, right) in [(LEFT, RIGHT), (CAPTIONED, SPLIT)] {
        let report = compare(
            &Article::new("left", left),
            &Article::new("right", right),
            &Options::default(),
        );
        for link in &report.links {
            for (side, indices) in [(0, &link.left), (1, &link.right)] {
                let kinds: Vec<_> = indices
                    .iter()
                    .map(|&k| report.documents[side].sentences[k].kind)
                    .collect();
                assert!(
                    kinds.windows(2).all(|w| w[0] == w[1]),
                    "link {:?} / {:?} joins {kinds:?}",
                    link.left,
                    link.right
                );
            }
        }
    }
}
