//! Table-driven tests of the HTML extraction, and inputs that must never panic or be slow.

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
