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

mod entities;
mod main_text;
mod scan;

use main_text::{assemble, choose};
use scan::Scanner;

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

#[cfg(test)]
mod tests;
