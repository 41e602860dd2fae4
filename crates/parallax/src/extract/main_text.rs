//! The main-text heuristics: choose the main story (an `<article>`, a `<main>` or the whole
//! page) and join its events into paragraphs.

use super::{Event, Located};
use std::collections::BTreeMap;

/// Which events to keep: those of one `<article>`, of one `<main>`, or all.
pub(super) enum Choice {
    Article(usize),
    Main(usize),
    All,
}

impl Choice {
    pub(super) fn admits(&self, event: &Located) -> bool {
        match self {
            Choice::Article(id) => event.article == Some(*id),
            Choice::Main(id) => event.main == Some(*id),
            Choice::All => true,
        }
    }
}

/// The largest `<article>`, else the largest `<main>`, when it holds at least a quarter of the
/// page's text; else the whole page.
pub(super) fn choose(events: &[Located]) -> Choice {
    let weight = |e: &Located| match &e.event {
        Event::Text(t) | Event::Pre(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
        _ => 0,
    };
    let total: usize = events.iter().map(weight).sum();
    for (which, container) in [
        (0, Choice::Article as fn(usize) -> Choice),
        (1, Choice::Main),
    ] {
        let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
        for e in events {
            let id = if which == 0 { e.article } else { e.main };
            if let Some(id) = id {
                *sizes.entry(id).or_insert(0) += weight(e);
            }
        }
        // The largest; on a tie the first.
        let best = sizes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&id, &size)| (id, size));
        if let Some((id, size)) = best {
            if size > 0 && size * 4 >= total {
                return container(id);
            }
        }
    }
    Choice::All
}

/// Joins events into text: collapsed white space, `\n` line breaks, `\n\n` paragraph breaks,
/// no white space at the start or end of a line.
pub(super) fn assemble<'e>(events: impl Iterator<Item = &'e Event>) -> String {
    #[derive(Clone, Copy, PartialEq, PartialOrd)]
    enum Gap {
        None,
        Space,
        Line,
        Paragraph,
    }
    let mut out = String::new();
    let mut gap = Gap::None;
    let push_word = |out: &mut String, gap: &mut Gap, word: &str| {
        if !out.is_empty() {
            out.push_str(match *gap {
                Gap::None => "",
                Gap::Space => " ",
                Gap::Line => "\n",
                Gap::Paragraph => "\n\n",
            });
        }
        *gap = Gap::None;
        out.push_str(word);
    };
    for event in events {
        match event {
            Event::Text(text) => {
                let mut rest = text.as_str();
                while !rest.is_empty() {
                    let word_start = rest
                        .find(|c: char| !c.is_whitespace())
                        .unwrap_or(rest.len());
                    if word_start > 0 {
                        gap = if gap < Gap::Space { Gap::Space } else { gap };
                    }
                    rest = &rest[word_start..];
                    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    if word_end > 0 {
                        push_word(&mut out, &mut gap, &rest[..word_end]);
                    }
                    rest = &rest[word_end..];
                }
            }
            Event::Pre(text) => {
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        gap = if gap < Gap::Line { Gap::Line } else { gap };
                    }
                    let line = line.trim_end();
                    if !line.trim_start().is_empty() {
                        push_word(&mut out, &mut gap, line);
                    }
                }
            }
            Event::Space => gap = if gap < Gap::Space { Gap::Space } else { gap },
            Event::Line => gap = if gap < Gap::Line { Gap::Line } else { gap },
            Event::Paragraph => gap = Gap::Paragraph,
        }
    }
    // Only `<pre>` text can start with white space.
    let start = out.find(|c: char| !c.is_whitespace()).unwrap_or(out.len());
    out.split_off(start)
}
