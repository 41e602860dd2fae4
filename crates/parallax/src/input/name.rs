//! The outlet an article names itself by, so a reader's panes get real names.
//!
//! Looked for, in order:
//! - in an HTML page: `<meta property="og:site_name">`, then `<meta name="application-name">`,
//!   then the site part of the `<title>` (`Bridge opens | Daily Ledger`);
//! - in the article's text (first lines only): a wire dateline (`HANOI, Vietnam (AP) —`,
//!   `(Reuters) -`), an outlet after a byline (`By Mina Park / KYODO NEWS`), or the site part
//!   of the first line (`Storm closes harbour – Coast Post`).
//!
//! A name is at most five words and 40 characters; anything else is not taken for one.

/// How far into the text a dateline or byline is looked for, in bytes.
const HEAD: usize = 1500;
/// The longest name taken, in characters.
const MAX_CHARS: usize = 40;
/// The most words a name may have.
const MAX_WORDS: usize = 5;

/// The outlet an HTML page names itself by, or `None`.
pub fn page_name(html: &str) -> Option<String> {
    // One lower-case copy for finding tags; values are cut from `html` at the same offsets.
    let lower = html.to_ascii_lowercase();
    let metas = meta_tags(html, &lower);
    let meta = |key: &str, wanted: &str| {
        metas.iter().find_map(|attrs| {
            let is = attrs
                .iter()
                .any(|(k, v)| k == key && v.eq_ignore_ascii_case(wanted));
            is.then(|| {
                attrs
                    .iter()
                    .find(|(k, _)| k == "content")
                    .map(|(_, v)| v.clone())
            })
            .flatten()
        })
    };
    meta("property", "og:site_name")
        .or_else(|| meta("name", "application-name"))
        .and_then(|n| plausible(&unescape(&n)))
        .or_else(|| title(html, &lower).and_then(|t| site_suffix(&unescape(&t))))
}

/// The outlet an article's text names itself by, or `None`.
pub fn text_name(text: &str) -> Option<String> {
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    dateline(head).or_else(|| byline(head)).or_else(|| {
        // The headline may come after a little page furniture ("close", "Menu").
        head.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(4)
            .find_map(site_suffix)
    })
}

/// `(AP)`, `(Reuters)` followed by a dash (or the mojibake a dash became).
fn dateline(head: &str) -> Option<String> {
    let mut from = 0;
    while let Some(open) = head[from..].find('(').map(|i| i + from) {
        let close = head[open..].find(')').map(|i| i + open)?;
        let inner = &head[open + 1..close];
        let after = head[close + 1..].trim_start();
        let dash = after.starts_with(['—', '–', '-', ':', '鈥']) || after.starts_with("â€");
        let wire = inner.len() >= 2
            && inner.chars().count() <= 20
            && inner.chars().next().is_some_and(char::is_uppercase)
            && inner
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '/');
        if dash && wire {
            return plausible(inner);
        }
        from = close + 1;
    }
    None
}

/// `By Someone / OUTLET` or `By Someone, OUTLET` on a line of its own.
fn byline(head: &str) -> Option<String> {
    head.lines().map(str::trim).find_map(|line| {
        let rest = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("BY "))?;
        let outlet = rest.rsplit_once(" / ").map(|(_, o)| o)?;
        plausible(&title_case_if_shouting(outlet.trim()))
    })
}

/// The site after the last ` | `, ` – `, ` — ` or ` - ` of a title line.
fn site_suffix(line: &str) -> Option<String> {
    // "Home | News | Coast | Sport" is a navigation bar, not "headline | site".
    if line.matches(" | ").count() > 1 {
        return None;
    }
    let cut = [" | ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| line.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|&(i, _)| i)?;
    let (before, site) = (&line[..cut.0], line[cut.0 + cut.1..].trim());
    // The headline part must be a headline: longer than the site part, three words or more.
    if before.trim().len() <= site.len() || before.split_whitespace().count() < 3 {
        return None;
    }
    plausible(site)
}

/// `Some(name)` when it looks like an outlet's name: a capital first, few words, short.
fn plausible(name: &str) -> Option<String> {
    let name = name.trim().trim_matches(|c: char| c == '.' || c == ',');
    let words = name.split_whitespace().count();
    let ok = (1..=MAX_WORDS).contains(&words)
        && name.chars().count() <= MAX_CHARS
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !name.ends_with(['?', '!']);
    ok.then(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `KYODO NEWS` → `Kyodo News`; names in mixed case (`dpa`, `NBC`) stay as written.
fn title_case_if_shouting(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 6 || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_owned();
    }
    name.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The attributes of every `<meta …>` tag: lower-case names, values unquoted.
fn meta_tags(html: &str, lower: &str) -> Vec<Vec<(String, String)>> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<meta").map(|i| i + from) {
        let end = lower[start..].find('>').map_or(html.len(), |i| i + start);
        tags.push(attributes(&html[start + 5..end]));
        from = end.min(html.len());
        if tags.len() > 200 {
            break;
        }
    }
    tags
}

/// `name="value" name='value' name=value` pairs of a tag's inside.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = inside;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = if let Some(q @ ('"' | '\'')) = after.chars().next() {
            let body = &after[1..];
            let close = body.find(q).unwrap_or(body.len());
            (&body[..close], &body[(close + 1).min(body.len())..])
        } else {
            let stop = after
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(after.len());
            (&after[..stop], &after[stop..])
        };
        out.push((name, value.to_owned()));
        rest = next;
    }
    out
}

/// The text of the first `<title>`.
fn title(html: &str, lower: &str) -> Option<String> {
    let open = lower.find("<title")?;
    let start = lower[open..].find('>')? + open + 1;
    let end = lower[start..].find("</title")? + start;
    Some(
        html[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The few character references names carry.
fn unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
        .replace("&ndash;", "–")
        .replace("&mdash;", "—")
}

#[cfg(test)]
mod tests {
    use super::{page_name, text_name};

    /// (case, text, expected name)
    const TEXTS: &[(&str, &str, Option<&str>)] = &[
        (
            "wire dateline",
            "Harbour closes\n\nEASTPORT, Maine (AP) — A storm closed the harbour.",
            Some("AP"),
        ),
        (
            "dateline with a hyphen",
            "LONDON (Reuters) - Prices rose on Monday.",
            Some("Reuters"),
        ),
        (
            "dateline dash as mojibake",
            "HANOI, Vietnam (AP) 鈥 Leaders met.",
            Some("AP"),
        ),
        (
            "byline with outlet in capitals",
            "Storm hits coast\nBy Mina Park / KYODO NEWS\nThe storm hit on Monday.",
            Some("Kyodo News"),
        ),
        (
            "site after the headline",
            "Storm closes the Eastport harbour – Coast Post\n\nA storm closed it.",
            Some("Coast Post"),
        ),
        (
            "a bracket that is no dateline",
            "The mayor (who spoke first) said the harbour would reopen.",
            None,
        ),
        (
            "a headline dash that is no site",
            "Storm – what we know\n\nA storm closed the harbour.",
            None,
        ),
        (
            "site after a headline below page furniture",
            "close\nMenu\n\nStorm closes the Eastport harbour | Coast Post\n\nA storm closed it.",
            Some("Coast Post"),
        ),
        (
            "nothing to go on",
            "A storm closed the harbour on Tuesday.",
            None,
        ),
        // Regression (issue 15): a navigation bar's last item is not the outlet.
        (
            "navigation bar",
            "Skip to content\nHome | News | Coast | Sport\n\nLIGHTHOUSE LOST TO THE SEA",
            None,
        ),
    ];

    #[test]
    fn names_from_text() {
        for &(case, text, expected) in TEXTS {
            assert_eq!(text_name(text).as_deref(), expected, "{case}");
        }
    }

    /// (case, HTML, expected name)
    const PAGES: &[(&str, &str, Option<&str>)] = &[
        (
            "og:site_name",
            r#"<html><head><meta property="og:site_name" content="Coast Post"><title>Storm | CP</title>"#,
            Some("Coast Post"),
        ),
        (
            "content first, single quotes, entity",
            "<meta content='Bay &amp; Harbour Herald' property='og:site_name' />",
            Some("Bay & Harbour Herald"),
        ),
        (
            "title suffix",
            "<title>Storm closes the Eastport harbour | Radio North</title>",
            Some("Radio North"),
        ),
        (
            "title without a site",
            "<title>Storm closes harbour</title>",
            None,
        ),
        ("no head at all", "<p>A storm closed the harbour.</p>", None),
        // Broken markup still gives what it can, and never panics.
        (
            "unclosed meta",
            "<meta property=\"og:site_name\" content=\"Coast",
            Some("Coast"),
        ),
        ("unclosed title", "<title>Storm | Coast", None),
    ];

    #[test]
    fn names_from_pages() {
        for &(case, html, expected) in PAGES {
            assert_eq!(page_name(html).as_deref(), expected, "{case}");
        }
    }
}
