//! Pull an article's readable text out of an HTML page, one paragraph per block.
//!
//! This is not a full HTML parser: it is a single forward scan with an explicit stack (no
//! recursion, so ten thousand nested `<div>`s are as cheap as ten), built to survive broken
//! and hostile markup. What it does:
//!
//! - drops comments, `<script>`, `<style>`, `<noscript>`, `<template>`, `<title>`,
//!   `<textarea>`, `<iframe>` and `<svg>` content, and the page furniture in `<nav>`,
//!   `<footer>`, `<aside>`, `<form>`, `<button>`, `<select>`, `<dialog>` and in any element
//!   with the `hidden` attribute; `<header>` is dropped too, except inside an `<article>`,
//!   where it holds the article's own headline;
//! - raw-text elements (`<script>`, `<style>`, ...) end only at their real end tag:
//!   `"</scr" + "ipt>"` inside a script does not end it;
//! - decodes character references: the common named ones (`&amp;`, `&nbsp;`, `&rsquo;`,
//!   `&eacute;`, ...) and numeric ones (`&#8217;`, `&#x2019;`, with the Windows-1252 meaning of
//!   `&#146;` that browsers apply); unknown ones stay as written;
//! - block elements (`p`, `h1`–`h6`, `li`, `blockquote`, `figcaption`, `div`, `section`,
//!   `table`, ...) become paragraphs separated by a blank line, `<br>` and `<tr>` a line break,
//!   table cells a space; other white space collapses to one space (kept inside `<pre>`);
//! - prefers the main story: the largest `<article>` when it holds at least a quarter of the
//!   page's text, else the largest `<main>` under the same rule, else the whole page.

use std::collections::BTreeMap;

/// The readable text of an HTML page: paragraphs separated by blank lines.
///
/// Never panics, whatever the input; returns an empty string when the page has no text.
///
/// # Example: the article wins over the navigation and the scripts
///
/// ```
/// use parallax::extract::article_text;
/// let html = r#"<html><head><title>Site</title><script>var x = "</scr" + "ipt>";</script></head>
/// <body><nav><a href="/">Home</a></nav>
/// <article><h1>Bridge opens</h1><p>The bridge opened on Monday.<br>Crowds &amp; bands came.</p>
/// <!-- ad slot --><p>It cost &pound;2&nbsp;million.</p></article>
/// <footer>&copy; Daily</footer></body></html>"#;
/// assert_eq!(
///     article_text(html),
///     "Bridge opens\n\nThe bridge opened on Monday.\nCrowds & bands came.\n\nIt cost £2 million."
/// );
/// ```
pub fn article_text(html: &str) -> String {
    let events = Scanner::new(html).run();
    let chosen = choose(&events);
    assemble(events.iter().filter(|e| chosen.admits(e)).map(|e| &e.event))
}

/// What the scan saw, in reading order.
#[derive(Debug, Clone, PartialEq)]
enum Event {
    /// Decoded text; white space not yet collapsed.
    Text(String),
    /// Text inside `<pre>`: white space kept.
    Pre(String),
    /// A word gap (between table cells).
    Space,
    /// A line break.
    Line,
    /// A paragraph break.
    Paragraph,
}

/// An event with the outermost `<article>` and `<main>` elements it sits in.
#[derive(Debug, Clone, PartialEq)]
struct Located {
    event: Event,
    article: Option<usize>,
    main: Option<usize>,
}

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

struct Scanner<'a> {
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
    fn new(html: &'a str) -> Self {
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

    fn run(mut self) -> Vec<Located> {
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

/// Which events to keep: those of one `<article>`, of one `<main>`, or all.
enum Choice {
    Article(usize),
    Main(usize),
    All,
}

impl Choice {
    fn admits(&self, event: &Located) -> bool {
        match self {
            Choice::Article(id) => event.article == Some(*id),
            Choice::Main(id) => event.main == Some(*id),
            Choice::All => true,
        }
    }
}

/// The largest `<article>`, else the largest `<main>`, when it holds at least a quarter of the
/// page's text; else the whole page.
fn choose(events: &[Located]) -> Choice {
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
fn assemble<'e>(events: impl Iterator<Item = &'e Event>) -> String {
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

/// Decodes character references in text.
fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        if let Some((decoded, used)) = reference(rest) {
            out.push(decoded);
            rest = &rest[used..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `s` (which starts with `&`) stands for, and the
/// bytes it takes.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = s.get(1..)?;
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return None;
        }
        let value = digits[..len]
            .chars()
            .filter_map(|c| c.to_digit(radix))
            .fold(0u32, |v, d| v.saturating_mul(radix).saturating_add(d));
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return Some((numeric_char(value), 1 + prefix + len + semicolon));
    }
    let len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = &body[..len];
    let (_, c) = ENTITIES.iter().find(|(n, _)| *n == name)?;
    if body[len..].starts_with(';') {
        Some((*c, 1 + len + 1))
    } else if LEGACY.contains(&name) {
        // `&amp` without its `;` is still understood by browsers.
        Some((*c, 1 + len))
    } else {
        None
    }
}

/// The character of a numeric reference as browsers read it.
fn numeric_char(value: u32) -> char {
    const WINDOWS_1252: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match value {
        0 => char::REPLACEMENT_CHARACTER,
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Named references understood without their closing `;`.
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "AMP", "LT", "GT", "QUOT"];

/// The named character references news pages use.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("shy", '\u{AD}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("minus", '\u{2212}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201A}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("bdquo", '\u{201E}'),
    ("laquo", '\u{AB}'),
    ("raquo", '\u{BB}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203A}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("middot", '\u{B7}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("permil", '\u{2030}'),
    ("copy", '\u{A9}'),
    ("reg", '\u{AE}'),
    ("trade", '\u{2122}'),
    ("deg", '\u{B0}'),
    ("plusmn", '\u{B1}'),
    ("times", '\u{D7}'),
    ("divide", '\u{F7}'),
    ("frac12", '\u{BD}'),
    ("frac14", '\u{BC}'),
    ("frac34", '\u{BE}'),
    ("sup1", '\u{B9}'),
    ("sup2", '\u{B2}'),
    ("sup3", '\u{B3}'),
    ("micro", '\u{B5}'),
    ("euro", '\u{20AC}'),
    ("pound", '\u{A3}'),
    ("yen", '\u{A5}'),
    ("cent", '\u{A2}'),
    ("curren", '\u{A4}'),
    ("sect", '\u{A7}'),
    ("para", '\u{B6}'),
    ("iexcl", '\u{A1}'),
    ("iquest", '\u{BF}'),
    ("ordf", '\u{AA}'),
    ("ordm", '\u{BA}'),
    ("not", '\u{AC}'),
    ("brvbar", '\u{A6}'),
    ("acute", '\u{B4}'),
    ("cedil", '\u{B8}'),
    ("uml", '\u{A8}'),
    ("macr", '\u{AF}'),
    ("circ", '\u{2C6}'),
    ("tilde", '\u{2DC}'),
    ("fnof", '\u{192}'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("szlig", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("yuml", 'ÿ'),
    ("Yuml", 'Ÿ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static str,
    }

    const CASES: &[Case] = &[
        Case {
            name: "plain text",
            input: "Just text, no tags.",
            expected: "Just text, no tags.",
        },
        Case {
            name: "paragraphs and a line break",
            input: "<p>One.</p><p>Two<br/>lines.</p>",
            expected: "One.\n\nTwo\nlines.",
        },
        Case {
            name: "white space collapses",
            input: "<p>  Spread\n   over\tlines  </p>",
            expected: "Spread over lines",
        },
        Case {
            name: "inline elements keep words together",
            input: "<p>A <b>bold</b> and <a href=\"/x\">linked</a> word.</p>",
            expected: "A bold and linked word.",
        },
        Case {
            name: "headings and list items are paragraphs",
            input: "<h1>Title</h1><ul><li>First<li>Second</ul><blockquote>Quote</blockquote>",
            expected: "Title\n\nFirst\n\nSecond\n\nQuote",
        },
        Case {
            name: "table rows and cells",
            input: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
            expected: "a b\nc",
        },
        Case {
            name: "pre keeps line breaks",
            input: "<pre>line one\n  line two</pre>",
            expected: "line one\n  line two",
        },
        Case {
            name: "named entities",
            input: "Tom &amp; Jerry &ldquo;said&rdquo; caf&eacute; &pound;5&nbsp;m &hellip;",
            expected: "Tom & Jerry \u{201C}said\u{201D} caf\u{E9} \u{A3}5 m \u{2026}",
        },
        Case {
            name: "numeric entities and the windows-1252 range",
            input: "it&#8217;s &#x2014; &#146;quoted&#146; &#0; &#x110000; &#65",
            expected: "it\u{2019}s \u{2014} \u{2019}quoted\u{2019} \u{FFFD} \u{FFFD} A",
        },
        Case {
            name: "unknown and broken entities stay",
            input: "AT&T &bogus; &amp &#; &",
            expected: "AT&T &bogus; & &#; &",
        },
        Case {
            name: "comments are dropped",
            input: "<p>a<!-- hidden <p>not this</p> -->b<!-->c</p>",
            expected: "abc",
        },
        Case {
            name: "scripts, styles and templates are dropped",
            input: "<p>a</p><script>var s = '<p>no</p>';</script><style>p{}</style>\
                    <noscript>enable js</noscript><template><p>tpl</p></template><p>b</p>",
            expected: "a\n\nb",
        },
        Case {
            name: "a split end tag inside a script does not end it",
            input: "<script>document.write(\"</scr\" + \"ipt><p>gotcha</p>\")</script><p>ok</p>",
            expected: "ok",
        },
        Case {
            name: "an end tag name prefix does not end a script",
            input: "<script>x = '</scripts>';</SCRIPT ><p>after</p>",
            expected: "after",
        },
        Case {
            name: "page furniture is dropped",
            input: "<header>Site</header><nav>Home | News</nav><aside>Related</aside>\
                    <p>Story.</p><form><label>Email</label></form><footer>(c)</footer>",
            expected: "Story.",
        },
        Case {
            name: "the article wins and keeps its header",
            input: "<div>Teaser text that is long enough to matter.</div>\
                    <article><header><h1>Headline</h1></header><p>Body text of the story, \
                    long enough to be the main part.</p><footer>Tags</footer></article>",
            expected: "Headline\n\nBody text of the story, long enough to be the main part.",
        },
        Case {
            name: "the largest article wins",
            input: "<article><p>Short teaser.</p></article><article><p>The real story is \
                    much longer than the teaser.</p></article>",
            expected: "The real story is much longer than the teaser.",
        },
        Case {
            name: "a tiny article does not hide the page",
            input: "<p>The story lives outside any article element and is long.</p>\
                    <article>Ad</article>",
            expected: "The story lives outside any article element and is long.\n\nAd",
        },
        Case {
            name: "main when there is no article",
            input: "<div>Menu words here</div><main><p>Main story text.</p></main>",
            expected: "Main story text.",
        },
        Case {
            name: "hidden elements are dropped",
            input: "<p>Shown.</p><div hidden><p>Not shown.</p></div><p class=hidden>Shown too.</p>",
            expected: "Shown.\n\nShown too.",
        },
        Case {
            name: "title and head are not article text",
            input: "<html><head><title>Page title</title><meta charset=utf-8></head><body>Body.</body></html>",
            expected: "Body.",
        },
        Case {
            name: "a quoted greater-than sign does not end a tag",
            input: "<p title=\"a > b\">Text</p>",
            expected: "Text",
        },
        Case {
            name: "a lone less-than sign is text",
            input: "<p>3 < 4 and 5 <= 6</p>",
            expected: "3 < 4 and 5 <= 6",
        },
        Case {
            name: "unclosed tags",
            input: "<p>one<p>two<div>three<span>four",
            expected: "one\n\ntwo\n\nthreefour",
        },
        Case {
            name: "stray end tags are ignored",
            input: "</div></p>a</span></article>b",
            expected: "ab",
        },
        Case {
            name: "an unclosed comment swallows the rest",
            input: "<p>kept</p><!-- never closed <p>lost</p>",
            expected: "kept",
        },
        Case {
            name: "an unclosed script swallows the rest",
            input: "<p>kept</p><script>lost",
            expected: "kept",
        },
        Case {
            name: "an unclosed attribute quote swallows the rest",
            input: "<p>kept</p><a href=\"lost>lost</a>",
            expected: "kept",
        },
        Case {
            name: "doctype, processing instructions and cdata",
            input: "<!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[x]]><p>text</p>",
            expected: "text",
        },
        Case {
            name: "upper-case tags",
            input: "<P>One</P><DIV>Two</DIV><SCRIPT>no</SCRIPT>",
            expected: "One\n\nTwo",
        },
        Case {
            name: "non-ascii text and tag-like text",
            input: "<p>東京 — Zürich</p><p><3 <ä></p>",
            expected: "東京 — Zürich\n\n<3 <ä>",
        },
        Case {
            name: "empty input",
            input: "",
            expected: "",
        },
        Case {
            name: "only markup",
            input: "<html><body><div></div></body></html>",
            expected: "",
        },
    ];

    #[test]
    fn cases() {
        for case in CASES {
            assert_eq!(article_text(case.input), case.expected, "{}", case.name);
        }
    }

    #[test]
    fn case_names_are_unique() {
        assert!(unique(CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn ten_thousand_nested_divs() {
        let depth = 10_000;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(article_text(&html), "deep");
        // Never closed, and closed by the wrong tags.
        let html = format!(
            "{}deep{}",
            "<div><span>".repeat(depth),
            "</p></b>".repeat(depth)
        );
        assert_eq!(article_text(&html), "deep");
    }

    #[test]
    fn huge_attribute() {
        let html = format!("<p data-x=\"{}\">after</p>", "x>".repeat(500_000));
        assert_eq!(article_text(&html), "after");
        let html = format!("<p {}>after</p>", "a".repeat(1_000_000));
        assert_eq!(article_text(&html), "after");
    }

    #[test]
    fn many_stray_end_tags_after_many_open_tags() {
        // Each stray end tag must not walk the whole stack.
        let html = format!("{}text{}", "<p><b>".repeat(20_000), "</i>".repeat(20_000));
        assert_eq!(article_text(&html), "text");
    }

    proptest::proptest! {
        /// Random soup of markup pieces, entities and text never panics, never keeps a start
        /// tag as text, and comes out trimmed. (Script text may legitimately show: browsers
        /// read `</scr<script>` as one end tag, so the script that follows is text.)
        #[test]
        fn random_markup_never_panics(pieces in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("<p>"), proptest::strategy::Just("</p>"),
            proptest::strategy::Just("<div class=\"a>b\">"), proptest::strategy::Just("</div>"),
            proptest::strategy::Just("<script>SECRET"), proptest::strategy::Just("</script>"),
            proptest::strategy::Just("</scr"), proptest::strategy::Just("<!--"),
            proptest::strategy::Just("-->"), proptest::strategy::Just("<article>"),
            proptest::strategy::Just("</article>"), proptest::strategy::Just("<nav>"),
            proptest::strategy::Just("&amp;"), proptest::strategy::Just("&#x1F600;"),
            proptest::strategy::Just("&#99999999999;"), proptest::strategy::Just("&"),
            proptest::strategy::Just("<"), proptest::strategy::Just(">"),
            proptest::strategy::Just("\""), proptest::strategy::Just("<br>"),
            proptest::strategy::Just("<pre>"), proptest::strategy::Just("</pre>"),
            proptest::strategy::Just(" "), proptest::strategy::Just("\n"),
            proptest::strategy::Just("word"), proptest::strategy::Just("東京"),
        ], 0..60)) {
            let html = pieces.concat();
            let text = article_text(&html);
            proptest::prop_assert!(!text.contains("<script>") && !text.contains("<p>"),
                "a tag leaked: {text:?} from {html:?}");
            proptest::prop_assert!(!text.starts_with(char::is_whitespace));
            proptest::prop_assert!(!text.ends_with(char::is_whitespace));
        }
    }

    #[test]
    fn cut_inputs_never_panic() {
        let html = "<article><h1 class=\"a\">Caf&eacute; &#x2019;s</h1><!-- c --><p>x<br>y</p>\
                    <script>'</scr'+'ipt>'</script></article>";
        for end in 0..=html.len() {
            if let Some(prefix) = html.get(..end) {
                let _ = article_text(prefix);
            }
        }
    }
}
