//! The HTML scan: one forward pass with an explicit stack that turns markup into [`Event`]s,
//! skipping raw-text and dropped elements.

use super::entities::decode_entities;
use super::{Event, Located};
use std::collections::BTreeMap;

/// Elements whose content is raw text, skipped up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];
/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "template", "nav", "header", "footer", "aside", "form", "svg", "math", "button", "select",
    "dialog", "object", "canvas", "audio", "video", "map",
];
/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "figure",
    "pre",
    "address",
    "details",
    "summary",
    "hgroup",
    "center",
    "fieldset",
    "legend",
    "body",
    "hr",
];
/// Elements that an opening tag of the same name closes (`<p>a<p>b`, `<li>a<li>b`).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];
/// Tag names longer than this are cut (they are never ones we know).
const MAX_NAME: usize = 24;

/// One open element on the stack.
#[derive(Debug)]
struct Open {
    name: String,
    dropped: bool,
    /// This element opened the outermost `<article>` (0) or `<main>` (1).
    container: [bool; 2],
}

pub(super) struct Scanner<'a> {
    html: &'a str,
    pos: usize,
    stack: Vec<Open>,
    /// How many open elements of each name; lets an end tag with no open element be ignored
    /// without walking the stack.
    open_counts: BTreeMap<String, usize>,
    dropped_depth: usize,
    pre_depth: usize,
    /// The outermost open `<article>` and `<main>`, and how many of each were opened so far.
    containers: [Option<usize>; 2],
    container_counts: [usize; 2],
    events: Vec<Located>,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(html: &'a str) -> Self {
        Self {
            html,
            pos: 0,
            stack: Vec::new(),
            open_counts: BTreeMap::new(),
            dropped_depth: 0,
            pre_depth: 0,
            containers: [None, None],
            container_counts: [0, 0],
            events: Vec::new(),
        }
    }

    pub(super) fn run(mut self) -> Vec<Located> {
        let bytes = self.html.as_bytes();
        while self.pos < bytes.len() {
            let Some(offset) = bytes[self.pos..].iter().position(|&b| b == b'<') else {
                self.text(self.pos, bytes.len());
                break;
            };
            let lt = self.pos + offset;
            self.text(self.pos, lt);
            self.pos = lt;
            self.markup();
        }
        self.events
    }

    /// Emits `html[start..end]` as text, decoded, unless inside a dropped element.
    fn text(&mut self, start: usize, end: usize) {
        if start >= end || self.dropped_depth > 0 {
            return;
        }
        let Some(raw) = self.html.get(start..end) else {
            return;
        };
        let decoded = decode_entities(raw);
        if self.pre_depth > 0 {
            self.emit(Event::Pre(decoded));
        } else {
            self.emit(Event::Text(decoded));
        }
    }

    fn emit(&mut self, event: Event) {
        if self.dropped_depth > 0 {
            return;
        }
        self.events.push(Located {
            event,
            article: self.containers[0],
            main: self.containers[1],
        });
    }

    /// Handles the markup starting at `self.pos` (a `<`), moving `self.pos` past it.
    fn markup(&mut self) {
        let rest = &self.html.as_bytes()[self.pos..];
        match rest.get(1).copied() {
            Some(b'!') if rest.starts_with(b"<!--") => {
                // A comment ends at the first `-->` (`<!-->` is an empty comment).
                self.pos = find(self.html, self.pos + 2, "-->").map_or(self.html.len(), |i| i + 3);
            }
            Some(b'!' | b'?') => self.skip_past(b'>'),
            Some(b'/') => match rest.get(2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, end) = read_name(self.html, self.pos + 2);
                    self.pos = skip_attributes(self.html, end).end;
                    self.end_tag(&name);
                }
                Some(b'>') => self.pos += 3,
                _ => self.skip_past(b'>'),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, end) = read_name(self.html, self.pos + 1);
                let tag = skip_attributes(self.html, end);
                self.pos = tag.end;
                self.start_tag(&name, tag.hidden);
            }
            _ => {
                // A lone `<` is text.
                self.text(self.pos, self.pos + 1);
                self.pos += 1;
            }
        }
    }

    fn skip_past(&mut self, byte: u8) {
        self.pos = self.html.as_bytes()[self.pos..]
            .iter()
            .position(|&b| b == byte)
            .map_or(self.html.len(), |i| self.pos + i + 1);
    }

    fn start_tag(&mut self, name: &str, hidden: bool) {
        if RAW_TEXT.contains(&name) {
            // Skip to the real end tag: `</name` followed by white space, `/` or `>`.
            self.pos = find_end_tag(self.html, self.pos, name).unwrap_or(self.html.len());
            return;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name)
            && self.stack.last().is_some_and(|top| top.name == name)
        {
            self.pop();
        }
        match name {
            "br" | "tr" => self.emit(Event::Line),
            "td" | "th" => self.emit(Event::Space),
            _ if BLOCKS.contains(&name) => self.emit(Event::Paragraph),
            _ => {}
        }
        if VOID.contains(&name) {
            return;
        }
        let in_article = self.containers[0].is_some();
        let dropped = hidden || (DROPPED.contains(&name) && !(name == "header" && in_article));
        let mut open = Open {
            name: name.to_owned(),
            dropped,
            container: [false, false],
        };
        for (i, container) in ["article", "main"].into_iter().enumerate() {
            if name == container && self.containers[i].is_none() {
                self.containers[i] = Some(self.container_counts[i]);
                self.container_counts[i] += 1;
                open.container[i] = true;
            }
        }
        self.dropped_depth += usize::from(open.dropped);
        self.pre_depth += usize::from(name == "pre");
        *self.open_counts.entry(open.name.clone()).or_insert(0) += 1;
        self.stack.push(open);
    }

    fn end_tag(&mut self, name: &str) {
        let open = self.open_counts.get(name).copied().unwrap_or(0) > 0;
        match name {
            // Browsers read `</br>` as `<br>` and `</p>` without a `<p>` as an empty paragraph.
            "br" => self.emit(Event::Line),
            "p" => self.emit(Event::Paragraph),
            "tr" if open => self.emit(Event::Line),
            "td" | "th" if open => self.emit(Event::Space),
            _ if open && BLOCKS.contains(&name) => self.emit(Event::Paragraph),
            _ => {}
        }
        if !open {
            return;
        }
        while let Some(open) = self.pop() {
            if open.name == name {
                break;
            }
        }
    }

    fn pop(&mut self) -> Option<Open> {
        let open = self.stack.pop()?;
        if let Some(count) = self.open_counts.get_mut(&open.name) {
            *count = count.saturating_sub(1);
        }
        self.dropped_depth -= usize::from(open.dropped);
        self.pre_depth -= usize::from(open.name == "pre");
        for i in 0..2 {
            if open.container[i] {
                self.containers[i] = None;
            }
        }
        Some(open)
    }
}

/// Reads a tag name starting at `start`: lowercased, cut to [`MAX_NAME`] characters.
fn read_name(html: &str, start: usize) -> (String, usize) {
    let bytes = html.as_bytes();
    let mut end = start;
    while end < bytes.len() && !matches!(bytes[end], b'>' | b'/') && !is_tag_space(bytes[end]) {
        end += 1;
    }
    let name = html
        .get(start..end)
        .unwrap_or_default()
        .chars()
        .take(MAX_NAME)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (name, end)
}

/// White space inside a tag.
fn is_tag_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// The end of a tag whose attributes start at `start`.
struct TagEnd {
    /// Just past the closing `>` (or the end of the input).
    end: usize,
    /// The tag has a `hidden` attribute.
    hidden: bool,
}

/// Skips a tag's attributes to just past its `>`, honouring quoted values (a `>` inside
/// quotes does not end the tag); notes a `hidden` attribute.
fn skip_attributes(html: &str, start: usize) -> TagEnd {
    let bytes = html.as_bytes();
    let mut i = start;
    let mut hidden = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => {
                return TagEnd { end: i + 1, hidden };
            }
            b'=' => {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                    i = bytes[i + 1..]
                        .iter()
                        .position(|&b| b == quote)
                        .map_or(bytes.len(), |p| i + 1 + p + 1);
                } else {
                    while i < bytes.len() && !is_tag_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                }
            }
            c if c.is_ascii_alphabetic() => {
                let name_start = i;
                while i < bytes.len()
                    && !matches!(bytes[i], b'=' | b'>' | b'/')
                    && !is_tag_space(bytes[i])
                {
                    i += 1;
                }
                hidden |= bytes[name_start..i].eq_ignore_ascii_case(b"hidden");
            }
            _ => i += 1,
        }
    }
    TagEnd {
        end: bytes.len(),
        hidden,
    }
}

/// Finds `needle` in `html` at or after `from`.
fn find(html: &str, from: usize, needle: &str) -> Option<usize> {
    let haystack = html.as_bytes().get(from..)?;
    haystack
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .map(|i| from + i)
}

/// Just past the end tag `</name ...>` at or after `from`, matching the name without regard to
/// case and only when followed by white space, `/` or `>`.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    loop {
        let lt = find(html, at, "</")?;
        let name_end = lt + 2 + name.len();
        let matches_name = bytes
            .get(lt + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let terminated = bytes
            .get(name_end)
            .is_none_or(|&b| b == b'>' || b == b'/' || is_tag_space(b));
        if matches_name && terminated {
            return Some(skip_attributes(html, name_end).end);
        }
        at = lt + 2;
    }
}
