//! The JSON the page reads and writes, without `serde_json`: the engine's report (what the worker
//! sends), the reader's corrections (stored, in share links, sent to the worker).
//!
//! `serde_json`'s generic deserializer, monomorphised for every type of the report, cost the
//! page's wasm about 50 KB before compression (issue 18). This reader knows exactly these
//! types: one small pull parser over the text (objects and arrays walked through `dyn`
//! callbacks, so each is compiled once), and a function per type. It reads what serde's derives
//! read: the same field names, the same defaults for missing fields (`serde(default)`),
//! unknown fields skipped, a missing required field or anything else malformed an error. Its
//! native tests check it against `serde_json` on real reports.
//!
//! The pull parser itself is [`reader`].

use parallax::report::{
    Cluster, Corrections, Coverage, DiffOp, DocumentReport, Flag, FlagKind, Link, LinkKind,
    LinkRef, Member, Report, SentenceKind, SentenceReport, Severity, Span, Stats, TextRange,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;

mod reader;

use reader::Reader;

/// Why a text could not be read: what was expected and the byte offset where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    expected: &'static str,
    at: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.at)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Reads a report as the engine writes it (`{"format":"parallax-report",…}`).
///
/// # Errors
///
/// When `text` is not JSON of a report.
pub fn report(text: &str) -> Result<Report> {
    whole(text, read_report)
}

/// Reads a JSON array of links, as a report's `links` holds them (the worker sends a long
/// report's links in such parts).
///
/// # Errors
///
/// When `text` is not a JSON array of links.
pub fn links(text: &str) -> Result<Vec<Link>> {
    whole(text, |r| r.list(read_link))
}

/// Reads corrections (the report's `corrections` shape: `{"rejected":[…],"added":[…]}`).
///
/// # Errors
///
/// When `text` is not JSON of corrections.
pub fn corrections(text: &str) -> Result<Corrections> {
    whole(text, read_corrections)
}

/// Writes corrections as compact JSON, the shape [`corrections`] reads (and serde wrote).
pub fn write_corrections(corrections: &Corrections) -> String {
    let mut out = String::from("{");
    for (name, refs) in [
        ("rejected", &corrections.rejected),
        ("added", &corrections.added),
    ] {
        if out.len() > 1 {
            out.push(',');
        }
        let _ = write!(out, "\"{name}\":[");
        for (i, r) in refs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{{\"docs\":[{},{}],\"left\":", r.docs[0], r.docs[1]);
            write_list(&mut out, &r.left);
            out.push_str(",\"right\":");
            write_list(&mut out, &r.right);
            out.push('}');
        }
        out.push(']');
    }
    out.push('}');
    out
}

/// `[1,2,3]`.
fn write_list(out: &mut String, list: &[usize]) {
    out.push('[');
    for (i, n) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{n}");
    }
    out.push(']');
}

/// Reads one value with `read`, then nothing but white space.
fn whole<T>(text: &str, read: fn(&mut Reader) -> Result<T>) -> Result<T> {
    let mut reader = Reader { text, at: 0 };
    let value = read(&mut reader)?;
    if reader.peek().is_some() {
        return Err(reader.error("the end"));
    }
    Ok(value)
}

/// A field the text must have.
fn need<T>(value: Option<T>, name: &'static str) -> Result<T> {
    value.ok_or(Error {
        expected: name,
        at: 0,
    })
}

fn read_report(r: &mut Reader) -> Result<Report> {
    let (mut format, mut version, mut documents, mut links, mut unmatched, mut stats) =
        (None, None, None, None, None, None);
    let (mut clusters, mut coverage, mut corrections) = (Vec::new(), Coverage::default(), None);
    r.object(&mut |r, key| {
        match key {
            "format" => format = Some(r.string()?.into_owned()),
            "version" => {
                let at = r.at;
                version = Some(u32::try_from(r.usize()?).map_err(|_| Error {
                    expected: "a version",
                    at,
                })?);
            }
            "documents" => documents = Some(r.list(read_document)?),
            "links" => links = Some(r.list(read_link)?),
            "clusters" => clusters = r.list(read_cluster)?,
            "coverage" => coverage = read_coverage(r)?,
            "unmatched" => unmatched = Some(r.list(Reader::indices)?),
            "stats" => stats = Some(read_stats(r)?),
            "corrections" => corrections = Some(read_corrections(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Report {
        format: need(format, "format")?,
        version: need(version, "version")?,
        documents: need(documents, "documents")?,
        links: need(links, "links")?,
        clusters,
        coverage,
        unmatched: need(unmatched, "unmatched")?,
        stats: need(stats, "stats")?,
        corrections: corrections.unwrap_or_default(),
    })
}

fn read_document(r: &mut Reader) -> Result<DocumentReport> {
    let (mut id, mut name, mut sentences) = (0, None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = r.usize()?,
            "name" => name = Some(r.string()?.into_owned()),
            "sentences" => sentences = Some(r.list(read_sentence)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(DocumentReport {
        id,
        name: need(name, "name")?,
        sentences: need(sentences, "sentences")?,
    })
}

fn read_sentence(r: &mut Reader) -> Result<SentenceReport> {
    let (mut start, mut end, mut text, mut clean, mut kind) = (None, None, None, None, None);
    let (mut paragraph, mut clean_start) = (0, 0);
    r.object(&mut |r, key| {
        match key {
            "start" => start = Some(r.usize()?),
            "end" => end = Some(r.usize()?),
            "text" => text = Some(r.string()?.into_owned()),
            "clean" => clean = Some(r.string()?.into_owned()),
            "kind" => {
                let names = ["headline", "body", "caption", "byline", "boilerplate"];
                kind = Some(match r.name(&names)? {
                    0 => SentenceKind::Headline,
                    1 => SentenceKind::Body,
                    2 => SentenceKind::Caption,
                    3 => SentenceKind::Byline,
                    _ => SentenceKind::Boilerplate,
                });
            }
            "paragraph" => paragraph = r.usize()?,
            "clean_start" => clean_start = r.usize()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(SentenceReport {
        start: need(start, "start")?,
        end: need(end, "end")?,
        text: need(text, "text")?,
        clean: need(clean, "clean")?,
        kind: need(kind, "kind")?,
        paragraph,
        clean_start,
    })
}

fn read_link_kind(r: &mut Reader) -> Result<LinkKind> {
    Ok(
        match r.name(&["identical", "minor", "paraphrase", "partial"])? {
            0 => LinkKind::Identical,
            1 => LinkKind::Minor,
            2 => LinkKind::Paraphrase,
            _ => LinkKind::Partial,
        },
    )
}

fn read_link(r: &mut Reader) -> Result<Link> {
    let (mut left, mut right, mut score, mut kind, mut diff) = (None, None, None, None, None);
    let (mut docs, mut flags, mut by_reader) = ([0, 1], Vec::new(), false);
    r.object(&mut |r, key| {
        match key {
            "docs" => docs = r.range()?,
            "left" => left = Some(r.indices()?),
            "right" => right = Some(r.indices()?),
            "score" => score = Some(r.f64()?),
            "kind" => kind = Some(read_link_kind(r)?),
            "diff" => diff = Some(r.list(read_span)?),
            "flags" => flags = r.list(read_flag)?,
            "by_reader" => by_reader = r.bool()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Link {
        docs,
        left: need(left, "left")?,
        right: need(right, "right")?,
        score: need(score, "score")?,
        kind: need(kind, "kind")?,
        diff: need(diff, "diff")?,
        flags,
        by_reader,
    })
}

/// The four ranges diff spans and flags share: `left`, `right`, `left_clean`, `right_clean`.
type Ranges = [Option<TextRange>; 4];

/// Reads `key` into `ranges` if it names one of them; false when it does not.
fn read_range_field(r: &mut Reader, key: &str, ranges: &mut Ranges) -> Result<bool> {
    let slot = match key {
        "left" => 0,
        "right" => 1,
        "left_clean" => 2,
        "right_clean" => 3,
        _ => return Ok(false),
    };
    ranges[slot] = r.option_range()?;
    Ok(true)
}

fn read_span(r: &mut Reader) -> Result<Span> {
    let (mut op, mut ranges) = (None, Ranges::default());
    r.object(&mut |r, key| {
        if key == "op" {
            op = Some(match r.name(&["equal", "insert", "delete", "replace"])? {
                0 => DiffOp::Equal,
                1 => DiffOp::Insert,
                2 => DiffOp::Delete,
                _ => DiffOp::Replace,
            });
        } else if !read_range_field(r, key, &mut ranges)? {
            r.skip()?;
        }
        Ok(())
    })?;
    let [left, right, left_clean, right_clean] = ranges;
    Ok(Span {
        op: need(op, "op")?,
        left,
        right,
        left_clean,
        right_clean,
    })
}

fn read_flag(r: &mut Reader) -> Result<Flag> {
    let (mut kind, mut severity, mut note, mut ranges) = (None, None, None, Ranges::default());
    r.object(&mut |r, key| {
        match key {
            "kind" => {
                let names = ["number", "date", "name", "quote", "attribution"];
                kind = Some(match r.name(&names)? {
                    0 => FlagKind::Number,
                    1 => FlagKind::Date,
                    2 => FlagKind::Name,
                    3 => FlagKind::Quote,
                    _ => FlagKind::Attribution,
                });
            }
            "severity" => {
                severity = Some(match r.name(&["conflict", "variant"])? {
                    0 => Severity::Conflict,
                    _ => Severity::Variant,
                });
            }
            "note" => note = Some(r.string()?.into_owned()),
            _ => {
                if !read_range_field(r, key, &mut ranges)? {
                    r.skip()?;
                }
            }
        }
        Ok(())
    })?;
    let [left, right, left_clean, right_clean] = ranges;
    Ok(Flag {
        kind: need(kind, "kind")?,
        severity: need(severity, "severity")?,
        left,
        right,
        left_clean,
        right_clean,
        note: need(note, "note")?,
    })
}

fn read_cluster(r: &mut Reader) -> Result<Cluster> {
    let (mut members, mut score) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "members" => members = Some(r.list(read_member)?),
            "score" => score = Some(r.f64()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Cluster {
        members: need(members, "members")?,
        score: need(score, "score")?,
    })
}

fn read_member(r: &mut Reader) -> Result<Member> {
    let (mut doc, mut sentences) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "doc" => doc = Some(r.usize()?),
            "sentences" => sentences = Some(r.indices()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Member {
        doc: need(doc, "doc")?,
        sentences: need(sentences, "sentences")?,
    })
}

fn read_coverage(r: &mut Reader) -> Result<Coverage> {
    let (mut shared, mut only) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "shared" => shared = Some(r.list(|r| r.list(Reader::f64))?),
            "only" => only = Some(r.list(Reader::indices)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Coverage {
        shared: need(shared, "shared")?,
        only: need(only, "only")?,
    })
}

fn read_stats(r: &mut Reader) -> Result<Stats> {
    let (mut matched_share, mut link_kinds, mut words_added, mut words_removed) =
        (None, None, None, None);
    let mut flags = 0;
    r.object(&mut |r, key| {
        match key {
            "matched_share" => matched_share = Some(r.list(Reader::f64)?),
            "link_kinds" => {
                let mut kinds = BTreeMap::new();
                r.object(&mut |r, kind| {
                    let kind = match kind {
                        "identical" => LinkKind::Identical,
                        "minor" => LinkKind::Minor,
                        "paraphrase" => LinkKind::Paraphrase,
                        "partial" => LinkKind::Partial,
                        _ => return Err(r.error("a kind of link")),
                    };
                    kinds.insert(kind, r.usize()?);
                    Ok(())
                })?;
                link_kinds = Some(kinds);
            }
            "words_added" => words_added = Some(r.usize()?),
            "words_removed" => words_removed = Some(r.usize()?),
            "flags" => flags = r.usize()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Stats {
        matched_share: need(matched_share, "matched_share")?,
        link_kinds: need(link_kinds, "link_kinds")?,
        words_added: need(words_added, "words_added")?,
        words_removed: need(words_removed, "words_removed")?,
        flags,
    })
}

fn read_corrections(r: &mut Reader) -> Result<Corrections> {
    let mut corrections = Corrections::default();
    r.object(&mut |r, key| {
        match key {
            "rejected" => corrections.rejected = r.list(read_link_ref)?,
            "added" => corrections.added = r.list(read_link_ref)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(corrections)
}

fn read_link_ref(r: &mut Reader) -> Result<LinkRef> {
    let (mut docs, mut left, mut right) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "docs" => docs = Some(r.range()?),
            "left" => left = Some(r.indices()?),
            "right" => right = Some(r.indices()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(LinkRef {
        docs: need(docs, "docs")?,
        left: need(left, "left")?,
        right: need(right, "right")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::{compare_all, compare_all_corrected, Article, Options};

    /// The sample pair (with names to escape), and with the e2e fixtures' three more
    /// reports of its story: `(name, text)`.
    fn article_sets() -> Vec<Vec<(String, String)>> {
        let pair = vec![
            (
                "Left \"quoted\" \\ name\u{1F600}".to_owned(),
                crate::sample::LEFT_TEXT.to_owned(),
            ),
            (
                "Right\ttab".to_owned(),
                crate::sample::RIGHT_TEXT.to_owned(),
            ),
        ];
        let mut all = pair.clone();
        for name in ["agency", "radio", "weekly"] {
            let path = format!("{}/../e2e/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
            all.push((name.to_owned(), std::fs::read_to_string(path).unwrap()));
        }
        vec![pair, all]
    }

    #[test]
    fn reads_reports_as_serde_json_does() {
        for set in article_sets() {
            let articles: Vec<Article> = set.iter().map(|(n, t)| Article::new(n, t)).collect();
            let plain = compare_all(&articles, &Options::default());
            let corrections = Corrections {
                rejected: vec![plain.links[0].reference()],
                added: vec![LinkRef::new([0, 1], vec![0], vec![0])],
            };
            let corrected = compare_all_corrected(&articles, &Options::default(), &corrections);
            for report in [plain, corrected] {
                for json in [
                    serde_json::to_string(&report).unwrap(),
                    serde_json::to_string_pretty(&report).unwrap(),
                ] {
                    let ours = super::report(&json).unwrap();
                    let theirs: Report = serde_json::from_str(&json).unwrap();
                    assert_eq!(ours, theirs);
                    assert_eq!(ours, report);
                }
            }
        }
    }

    #[test]
    fn strings_unescape_as_json_says() {
        let json = r#"{"rejected":[],"added":[],"x":["a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00", 1.5e3, -2, true, null, {}]}"#;
        assert!(corrections(json).unwrap().is_empty());
        let mut r = Reader {
            text: r#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00x""#,
            at: 0,
        };
        assert_eq!(
            r.string().unwrap(),
            "a\"b\\c/d\u{8}\u{c}\n\r\t\u{e9}\u{1F600}x"
        );
    }

    #[test]
    fn corrections_write_as_serde_did_and_read_back() {
        let c = Corrections {
            rejected: vec![LinkRef::new([0, 1], vec![1, 2], vec![2])],
            added: vec![LinkRef::new([1, 4], vec![0], vec![7, 9])],
        };
        assert_eq!(write_corrections(&c), serde_json::to_string(&c).unwrap());
        assert_eq!(
            write_corrections(&Corrections::default()),
            serde_json::to_string(&Corrections::default()).unwrap()
        );
        assert_eq!(corrections(&write_corrections(&c)).unwrap(), c);
        assert_eq!(
            corrections(r#"{"added":[]}"#).unwrap(),
            Corrections::default()
        );
    }

    #[test]
    fn malformed_text_is_an_error_as_with_serde() {
        for junk in [
            "",
            "{not json",
            "{\"rejected\":[{\"docs\":[0,1],\"left\":[1]}]}",
            "{\"rejected\":[{\"docs\":[0],\"left\":[1],\"right\":[2]}]}",
            "{\"rejected\":[{\"docs\":[0,1,2],\"left\":[1],\"right\":[2]}]}",
            "{\"rejected\":[{\"docs\":[0,1],\"left\":[1.5],\"right\":[2]}]}",
            "{\"rejected\":[{\"docs\":[0,1],\"left\":[-1],\"right\":[2]}]}",
            "{\"rejected\":[]} x",
            "{\"rejected\":[],}",
            "[1,]",
            "{\"a\":\"\\x\"}",
        ] {
            assert!(corrections(junk).is_err(), "{junk}");
            assert!(
                serde_json::from_str::<Corrections>(junk).is_err(),
                "serde agrees: {junk}"
            );
        }
    }
}
