//! Split an article into sentences, each a byte range into the original text, and label each.
//!
//! # Boundaries
//!
//! - **Lines.** A line break always ends a sentence: headlines, captions, bylines and list
//!   items usually sit on lines of their own without a final full stop. Blank lines separate
//!   paragraphs. `\n`, `\r\n`, `\r` and the Unicode line and paragraph separators all count.
//! - **Full stops, `!`, `?`** end a sentence when white space follows and the next word does
//!   not start with a lowercase letter ("Yahoo! in the", `"great." she said`). Closing
//!   quotes and brackets right after the mark stay with the sentence (`He said "no." Then`,
//!   `(He left.) Then`), and so does a closing quote typed after a space when it closes a
//!   quotation the sentence opened (`„Geh! “ Dann`); a quote followed by a comma (`„Was? “,
//!   rief er`) continues the sentence. Doubled marks (`!!`, `?!`) count as one.
//! - **CJK** full stops (`。！？`) end a sentence even without a space after them.
//! - **Abbreviations.** A full stop after a capitalised title (Mr., Dr., Gen., Prof., Sen.,
//!   Cllr.) or a sentence-internal abbreviation (e.g., i.e., vs., z.B., d.h., bzw.) never
//!   ends a sentence. After words that precede numbers it does not when a number follows
//!   (No. 5, p. 55, Nr. 3), nor after a month before a day (Jan. 14, Sept. 11). After
//!   abbreviations that may close a sentence — initialisms (U.S., U.N., E.U., Ph.D.), single
//!   initials (J. R. R. Tolkien), Co., Inc., Jr., St., usw., capitalised state and weekday
//!   abbreviations (Calif., Wed.) — it does only when the next word is a typical sentence
//!   opener ("The", "He", "How", "Die"): "the U.S. Government" but "in the U.S. How about
//!   you?".
//! - **Times.** After a.m./p.m. the same opener test applies, except in a short opening time
//!   phrase: "At 5 a.m. Mr. Smith left." is one sentence, "He left at 6 p.m. Mr. Smith
//!   stayed." two.
//! - **Numbers.** Decimals, money and thousands ("$3.5 million", "11,000") have no space
//!   after their marks. A German ordinal — a number of up to three digits after an article
//!   or preposition, or before a month or an ordinal noun ("am 3. Oktober", "im 19.
//!   Jahrhundert", "zum 2. Mal") — does not end a sentence.
//! - **Ellipses.** `...`, `…` and `....` glued to a word or closed by a quote (`so ..." He`)
//!   end a sentence before a capital; a free-standing ellipsis (`really ... well`,
//!   `is . . . I`) does not, unless it has a fourth dot (`period . . . . Next`); in
//!   `word. . . . Next` the first dot ends the sentence and the ellipsis opens the next
//!   one; `[...]` never ends one.
//! - **Lists.** A line that starts with a list marker (`1.`, `1)`, `1.)`, `a.`, `•`) is
//!   split before each following marker of the same list on that line, and a marker alone
//!   never makes a sentence.
//!
//! # Kinds
//!
//! Each line is classified from its own text, then by its position (see [`SentenceKind`]),
//! and its sentences take its kind:
//!
//! - [`Boilerplate`](SentenceKind::Boilerplate): page furniture — navigation bars, "Skip to
//!   content", "Read More", share bars, cookie, copyright and newsletter prompts, counters
//!   ("3 of 12"), bare ids and addresses, lines without letters ("___"), short lines
//!   repeated in the document, short lowercase UI words ("close"); also short title-like
//!   lines above the headline (site names, section labels) and title-like lines after the
//!   last body paragraph ("Related Topics"). A furniture sentence at the end of a body line
//!   is boilerplate on its own.
//! - [`Byline`](SentenceKind::Byline): "By …" lines, "Name, Agency" and "Name | Outlet"
//!   lines, "… contributed to this report.", "Reporting by …", "X reported from Y." and
//!   date-only lines ("Updated June 19, 2024, 10:15 a.m. ET").
//! - [`Caption`](SentenceKind::Caption): lines with a photo credit ("(AP Photo/…)", "…/Pool
//!   via REUTERS", "Photo: …") or a position label ("(L)", "(2nd from R)", ", left,"); the
//!   line right above a credit-only line; a short "Agency/Name" line right below a caption.
//! - [`Headline`](SentenceKind::Headline): title-like lines (at most 20 words, no final full
//!   stop, not a bullet item): the longest one before the first body paragraph, any after
//!   it there, and short ones (at most 12 words) between body paragraphs (sub-headings).
//! - [`Body`](SentenceKind::Body): everything else.

mod classify;
mod lexicon;
mod scan;

use std::ops::Range;

/// What role a sentence plays in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum SentenceKind {
    /// The article's title or a sub-heading.
    Headline,
    /// Running text.
    Body,
    /// A photo caption or credit.
    Caption,
    /// The author line, an agency credit or a date line.
    Byline,
    /// Navigation, share bars and other page furniture.
    Boilerplate,
}

/// One sentence: where it is in the input and what kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// UTF-8 byte range in the original input, without surrounding white space.
    pub range: Range<usize>,
    /// The sentence's role in the article.
    pub kind: SentenceKind,
    /// The paragraph it belongs to, counted from 0: every non-blank line starts one (pasted
    /// articles put each paragraph on a line of its own).
    pub paragraph: usize,
}

/// One non-blank line and its sentences.
struct Line {
    /// The line without surrounding white space.
    range: Range<usize>,
    /// Its sentences, in order.
    units: Vec<Range<usize>>,
    /// A blank line (or the start of the text) comes right before it.
    blank_before: bool,
}

/// Splits `text` into sentences and labels each with its role.
///
/// Ranges are UTF-8 byte ranges into `text`, in order, not overlapping, without leading or
/// trailing white space; together they cover every non-white-space character. Never
/// panics. The module documentation lists the rules.
///
/// # Example: abbreviations, initials and quotes
///
/// ```
/// use parallax::segment::segment;
///
/// let text = "Mr. J. R. Smith left the U.S. on Jan. 14. He said \"no.\" Then he left.";
/// let texts: Vec<&str> = segment(text).iter().map(|s| &text[s.range.clone()]).collect();
/// assert_eq!(
///     texts,
///     ["Mr. J. R. Smith left the U.S. on Jan. 14.", "He said \"no.\"", "Then he left."]
/// );
/// ```
///
/// # Example: kinds
///
/// ```
/// use parallax::segment::{segment, SentenceKind};
///
/// let text = "Skip to content\n\nBridge Opens After Ten Years\n\nBy Jane Roe\n\n\
///             The bridge opened on Monday. Crowds cheered.\n\n\
///             The mayor cuts the ribbon. (AP Photo/Joe Bloggs)";
/// let kinds: Vec<SentenceKind> = segment(text).iter().map(|s| s.kind).collect();
/// use SentenceKind::*;
/// assert_eq!(kinds, [Boilerplate, Headline, Byline, Body, Body, Caption, Caption]);
/// ```
pub fn segment(text: &str) -> Vec<Sentence> {
    let lines = lines(text);
    let kinds = classify::classify(text, &lines);
    lines
        .iter()
        .enumerate()
        .flat_map(|(paragraph, line)| line.units.iter().map(move |u| (paragraph, u.clone())))
        .zip(kinds)
        .map(|((paragraph, range), kind)| Sentence {
            range,
            kind,
            paragraph,
        })
        .collect()
}

/// Whether `c` ends a line.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The non-blank lines of `text`, each split into sentences.
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blank_before = true;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    loop {
        let (end, next_start) = loop {
            match chars.next() {
                None => break (text.len(), None),
                Some((i, '\r')) if chars.peek().is_some_and(|&(_, c)| c == '\n') => {
                    chars.next();
                    break (i, Some(i + 2));
                }
                Some((i, c)) if is_line_break(c) => break (i, Some(i + c.len_utf8())),
                Some(_) => {}
            }
        };
        match scan::trimmed(text, start..end) {
            Some(range) => {
                let units = scan::split_line(&text[range.clone()])
                    .into_iter()
                    .map(|u| range.start + u.start..range.start + u.end)
                    .collect();
                out.push(Line {
                    range,
                    units,
                    blank_before,
                });
                blank_before = false;
            }
            None => blank_before = true,
        }
        match next_start {
            Some(next) => start = next,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static [&'static str],
    }

    /// Boundary cases, one or more per rule class in the module documentation.
    const CASES: &[Case] = &[
        // Basics and lines.
        Case {
            name: "empty",
            input: "",
            expected: &[],
        },
        Case {
            name: "blank lines",
            input: "\n \n\t\n",
            expected: &[],
        },
        Case {
            name: "two sentences",
            input: "One here. Two there.",
            expected: &["One here.", "Two there."],
        },
        Case {
            name: "question",
            input: "Why? Because.",
            expected: &["Why?", "Because."],
        },
        Case {
            name: "doubled marks",
            input: "Really?! Yes!! Fine.",
            expected: &["Really?!", "Yes!!", "Fine."],
        },
        Case {
            name: "lowercase after stop",
            input: "Visit Acme! in town.",
            expected: &["Visit Acme! in town."],
        },
        Case {
            name: "headline without stop",
            input: "Bridge opens\n\nThe bridge opened.",
            expected: &["Bridge opens", "The bridge opened."],
        },
        Case {
            name: "crlf",
            input: "Line one\r\nLine two.\r\n",
            expected: &["Line one", "Line two."],
        },
        Case {
            name: "lone cr",
            input: "Line one\rLine two",
            expected: &["Line one", "Line two"],
        },
        Case {
            name: "unicode separators",
            input: "One\u{2028}Two\u{2029}Three",
            expected: &["One", "Two", "Three"],
        },
        // Abbreviations and honorifics.
        Case {
            name: "honorific",
            input: "Dr. Who came. Then left.",
            expected: &["Dr. Who came.", "Then left."],
        },
        Case {
            name: "titles",
            input: "Gen. Ames met Sen. Cole and Mrs. Dunn.",
            expected: &["Gen. Ames met Sen. Cole and Mrs. Dunn."],
        },
        Case {
            name: "latin",
            input: "Fruit, e.g. pears, i.e. food. Next one.",
            expected: &["Fruit, e.g. pears, i.e. food.", "Next one."],
        },
        Case {
            name: "u.s. mid",
            input: "The U.S. Navy said no. Fine.",
            expected: &["The U.S. Navy said no.", "Fine."],
        },
        Case {
            name: "u.s. end",
            input: "He flew to the U.S. The trip was long.",
            expected: &["He flew to the U.S.", "The trip was long."],
        },
        Case {
            name: "u.n. lowercase",
            input: "The U.N. said it would act.",
            expected: &["The U.N. said it would act."],
        },
        Case {
            name: "company end",
            input: "She joined Bell & Co. It was 1990.",
            expected: &["She joined Bell & Co.", "It was 1990."],
        },
        Case {
            name: "company mid",
            input: "Bell & Co. Chairman Lee spoke.",
            expected: &["Bell & Co. Chairman Lee spoke."],
        },
        Case {
            name: "state",
            input: "He lives in Fresno, Calif. The city is hot.",
            expected: &["He lives in Fresno, Calif.", "The city is hot."],
        },
        Case {
            name: "number abbrev",
            input: "He wore No. 5 and read p. 12 of Vol. 3.",
            expected: &["He wore No. 5 and read p. 12 of Vol. 3."],
        },
        Case {
            name: "no as word",
            input: "She said no. Others agreed.",
            expected: &["She said no.", "Others agreed."],
        },
        Case {
            name: "month abbrev",
            input: "It began Sept. 11 and ended Jan. 3. Then peace.",
            expected: &["It began Sept. 11 and ended Jan. 3.", "Then peace."],
        },
        Case {
            name: "month abbrev end",
            input: "Talks end in Jan. Officials agree.",
            expected: &["Talks end in Jan.", "Officials agree."],
        },
        // Initials.
        Case {
            name: "initial after slash",
            input: "A view of the pier (Daily Ledger/J. Roe). Crowds came.",
            expected: &["A view of the pier (Daily Ledger/J. Roe).", "Crowds came."],
        },
        Case {
            name: "initial",
            input: "John F. Kennedy spoke.",
            expected: &["John F. Kennedy spoke."],
        },
        Case {
            name: "initials",
            input: "J. R. R. Tolkien wrote it. Many read it.",
            expected: &["J. R. R. Tolkien wrote it.", "Many read it."],
        },
        Case {
            name: "pronoun i",
            input: "It was you and I. Did you know?",
            expected: &["It was you and I.", "Did you know?"],
        },
        // Numbers and times.
        Case {
            name: "money",
            input: "It cost $3.5 million. Others paid 11,000 euros.",
            expected: &["It cost $3.5 million.", "Others paid 11,000 euros."],
        },
        Case {
            name: "number at end",
            input: "Costs rose by 4.5. Prices fell.",
            expected: &["Costs rose by 4.5.", "Prices fell."],
        },
        Case {
            name: "time mid",
            input: "At 9 a.m. Mr. Lee arrived.",
            expected: &["At 9 a.m. Mr. Lee arrived."],
        },
        Case {
            name: "time end",
            input: "Mr. Lee left at 6 p.m. He was tired.",
            expected: &["Mr. Lee left at 6 p.m.", "He was tired."],
        },
        Case {
            name: "time lowercase",
            input: "He came at 5 p.m. and left.",
            expected: &["He came at 5 p.m. and left."],
        },
        // Quotes and brackets.
        Case {
            name: "quote closes",
            input: "He said \"no.\" Then he left.",
            expected: &["He said \"no.\"", "Then he left."],
        },
        Case {
            name: "curly quote closes",
            input: "She said, “We won.” The crowd roared.",
            expected: &["She said, “We won.”", "The crowd roared."],
        },
        Case {
            name: "quote continues",
            input: "“We won,” she said. “It was hard.”",
            expected: &["“We won,” she said.", "“It was hard.”"],
        },
        Case {
            name: "quote lowercase",
            input: "“We won!” she said.",
            expected: &["“We won!” she said."],
        },
        Case {
            name: "paren closes",
            input: "He left. (He was tired.) Then rain.",
            expected: &["He left.", "(He was tired.)", "Then rain."],
        },
        Case {
            name: "paren inside",
            input: "He sang (badly, I think.) at noon.",
            expected: &["He sang (badly, I think.) at noon."],
        },
        // Ellipses.
        Case {
            name: "ellipsis end",
            input: "Wait... Then go.",
            expected: &["Wait...", "Then go."],
        },
        Case {
            name: "ellipsis char end",
            input: "Wait… Then go.",
            expected: &["Wait…", "Then go."],
        },
        Case {
            name: "ellipsis mid",
            input: "It was ... fine. Really.",
            expected: &["It was ... fine.", "Really."],
        },
        Case {
            name: "ellipsis glued",
            input: "It was...fine.",
            expected: &["It was...fine."],
        },
        Case {
            name: "ellipsis brackets",
            input: "He said [...] No more.",
            expected: &["He said [...] No more."],
        },
        Case {
            name: "dots only",
            input: "......",
            expected: &["......"],
        },
        // Lists.
        Case {
            name: "numbered line",
            input: "1. First point\n2. Second point",
            expected: &["1. First point", "2. Second point"],
        },
        Case {
            name: "inline list",
            input: "1) Eggs 2) Milk 3) Bread",
            expected: &["1) Eggs", "2) Milk", "3) Bread"],
        },
        Case {
            name: "bullets inline",
            input: "• Eggs • Milk",
            expected: &["• Eggs", "• Milk"],
        },
        Case {
            name: "dash items",
            input: "- Eggs\n- Milk",
            expected: &["- Eggs", "- Milk"],
        },
        Case {
            name: "letter list",
            input: "a) Eggs b) Milk",
            expected: &["a) Eggs", "b) Milk"],
        },
        Case {
            name: "no list mid line",
            input: "Buy 2) things now",
            expected: &["Buy 2) things now"],
        },
        // CJK.
        Case {
            name: "cjk stops",
            input: "東京は晴れ。大阪は雨！本当？",
            expected: &["東京は晴れ。", "大阪は雨！", "本当？"],
        },
        Case {
            name: "cjk closing quote",
            input: "他说：「好。」然后走了。",
            expected: &["他说：「好。」", "然后走了。"],
        },
        // German.
        Case {
            name: "german ordinal month",
            input: "Er kam am 3. Oktober an. Dann ging er.",
            expected: &["Er kam am 3. Oktober an.", "Dann ging er."],
        },
        Case {
            name: "german ordinal noun",
            input: "Nach dem 2. Weltkrieg kam Frieden.",
            expected: &["Nach dem 2. Weltkrieg kam Frieden."],
        },
        Case {
            name: "german abbrevs",
            input: "Obst, z.B. Äpfel, d.h. Essen. Dr. Weber und Prof. Kranz kamen.",
            expected: &[
                "Obst, z.B. Äpfel, d.h. Essen.",
                "Dr. Weber und Prof. Kranz kamen.",
            ],
        },
        Case {
            name: "german usw",
            input: "Äpfel, Birnen usw. Die Ernte war gut.",
            expected: &["Äpfel, Birnen usw.", "Die Ernte war gut."],
        },
        Case {
            name: "german nr",
            input: "Er wohnt in Nr. 7 am Markt.",
            expected: &["Er wohnt in Nr. 7 am Markt."],
        },
        Case {
            name: "german year",
            input: "Das war 2023. Die Lage ist neu.",
            expected: &["Das war 2023.", "Die Lage ist neu."],
        },
        // Found by the property tests: a word after multi-byte white space.
        Case {
            name: "ideographic space",
            input: "Tokyo\u{3000}Mr. Lee came. He left.",
            expected: &["Tokyo\u{3000}Mr. Lee came.", "He left."],
        },
        // Web text.
        Case {
            name: "email",
            input: "Write to jo.roe@example.org. She answers.",
            expected: &["Write to jo.roe@example.org.", "She answers."],
        },
        Case {
            name: "url",
            input: "See www.example.com/a.html. It helps.",
            expected: &["See www.example.com/a.html.", "It helps."],
        },
    ];

    #[test]
    fn case_names_are_unique() {
        assert!(unique(CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn cases() {
        let mut failures = Vec::new();
        for case in CASES {
            let got: Vec<&str> = segment(case.input)
                .iter()
                .map(|s| &case.input[s.range.clone()])
                .collect();
            if got != case.expected {
                failures.push(format!(
                    "{}: got {got:?}, expected {:?}",
                    case.name, case.expected
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    struct KindCase {
        name: &'static str,
        input: &'static str,
        expected: &'static [SentenceKind],
    }

    use SentenceKind::{Body, Boilerplate, Byline, Caption, Headline};

    /// Kind cases on look-alike page text (written for these tests).
    const KIND_CASES: &[KindCase] = &[
        KindCase { name: "plain body", input: "The bridge opened. Crowds cheered.", expected: &[Body, Body] },
        KindCase {
            name: "sentence-case headline",
            input: "Harbour bridge opens after decade of delays\n\nThe bridge opened on Monday.",
            expected: &[Headline, Body],
        },
        KindCase {
            name: "site name and nav above headline",
            input: "Daily Ledger\nHome | News | Sport | Weather\n\nHarbour Bridge Opens After Decade of Delays\n\nThe bridge opened on Monday.",
            expected: &[Boilerplate, Boilerplate, Headline, Body],
        },
        KindCase {
            name: "repeated ui words",
            input: "close\nclose\n\nHarbour bridge opens\n\nThe bridge opened on Monday.",
            expected: &[Boilerplate, Boilerplate, Headline, Body],
        },
        KindCase {
            name: "bylines",
            input: "Bridge opens\n\nBy Jane Roe, Harbour Correspondent\nJune 3, 2024\n\nThe bridge opened on Monday.\n\nJoe Bloggs contributed to this report.\n\nJane Roe And Joe Bloggs, The Associated Press",
            expected: &[Headline, Byline, Byline, Body, Byline, Byline],
        },
        KindCase {
            name: "captions",
            input: "Bridge opens\n\nThe mayor (L) and the builder (R) cut the ribbon in Lisbon on June 3, 2024.\n\nThe bridge opened on Monday.\n\nThe new bridge at dawn. It spans 2 km. (Jo Roe/Daily Ledger)\n\nCrowds cheered.",
            expected: &[Headline, Caption, Body, Caption, Caption, Caption, Body],
        },
        KindCase {
            name: "credit on the next line",
            input: "Bridge opens\n\nThe bridge opened on Monday.\n\nThe mayor greets builders at the bridge on June 3, 2024.\nAgency/Jo Roe/Pool via REUTERS\n\nCrowds cheered.",
            expected: &[Headline, Body, Caption, Caption, Body],
        },
        KindCase {
            name: "short credit under caption",
            input: "Bridge opens\n\nThe bridge opened on Monday.\n\nThe mayor (C) with builders on June 3.\nLedger/J. Roe\n\nCrowds cheered.",
            expected: &[Headline, Body, Caption, Caption, Body],
        },
        KindCase {
            name: "sub-headings and footer",
            input: "Bridge opens\n\nThe bridge opened on Monday.\n\nWhat Comes Next\n\nTolls start in May.\n\nRelated Coverage\n\nLeave a Reply\n\nCOMMENTS",
            expected: &[Headline, Body, Headline, Body, Boilerplate, Boilerplate, Boilerplate],
        },
        KindCase {
            name: "ids and separators",
            input: "Bridge opens\n\nThe bridge opened on Monday.\n4f1c2d9e-77ab-4c1e-9d3b-0a1b2c3d4e5f\n\n___\n\nShare this article",
            expected: &[Headline, Body, Boilerplate, Boilerplate, Boilerplate],
        },
        KindCase {
            name: "bullet items are body",
            input: "Bridge opens\n\nThe plan includes:\n• New tolls\n• A cycle lane\n\nWork starts soon.",
            expected: &[Headline, Body, Body, Body, Body],
        },
        KindCase {
            name: "furniture unit in body line",
            input: "The bridge opened on Monday. Read More",
            expected: &[Body, Boilerplate],
        },
        KindCase {
            name: "long line without stop is body",
            input: "Bridge opens\n\nThe bridge that took ten years to build and cost more than any other project in the region opened on Monday with",
            expected: &[Headline, Body],
        },
    ];

    #[test]
    fn kind_case_names_are_unique() {
        assert!(unique(KIND_CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn kind_cases() {
        let mut failures = Vec::new();
        for case in KIND_CASES {
            let got: Vec<SentenceKind> = segment(case.input).iter().map(|s| s.kind).collect();
            if got != case.expected {
                failures.push(format!(
                    "{}: got {got:?}, expected {:?}",
                    case.name, case.expected
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
