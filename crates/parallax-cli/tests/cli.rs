//! The `parallax` binary: input errors, `segment` output, `compare` formats and options, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, PoisonError};

fn parallax(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// A fresh, empty scratch folder for the test `test` alone.
///
/// Tests run in parallel, so no two may share a file: a test that wrote `left.txt` while
/// another read its own half-written `left.txt` failed at random. Each test passes its own
/// name, and asking twice for one name panics.
fn scratch(test: &str) -> PathBuf {
    static TAKEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    {
        let mut taken = TAKEN.lock().unwrap_or_else(PoisonError::into_inner);
        assert!(
            !taken.iter().any(|t| t == test),
            "two tests share the scratch folder {test:?}"
        );
        taken.push(test.to_owned());
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` to the file `name` in the scratch folder `dir`.
fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

struct BadInput {
    name: &'static str,
    bytes: Option<&'static [u8]>,
    message: &'static str,
}

const BAD_INPUTS: &[BadInput] = &[
    BadInput {
        name: "missing.txt",
        bytes: None,
        message: "No such file",
    },
    BadInput {
        name: "empty.txt",
        bytes: Some(b""),
        message: "is empty",
    },
    BadInput {
        name: "blank.txt",
        bytes: Some(b"  \n\t\n"),
        message: "is empty",
    },
    // Issue 19, item 6: only invisible characters (no-break space, ideographic space,
    // zero-width space, soft hyphen, a right-to-left mark) is as empty as white space.
    BadInput {
        name: "invisible.txt",
        bytes: Some("\u{A0}\u{3000}\u{200B}\u{AD}\n\u{200F}\u{FEFF}".as_bytes()),
        message: "is empty",
    },
    BadInput {
        name: "binary.dat",
        bytes: Some(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00"),
        message: "binary",
    },
    BadInput {
        name: "furniture.html",
        bytes: Some(b"<html><nav>Home | News</nav><script>var a = 1;</script></html>"),
        message: "no article text",
    },
    BadInput {
        name: "latin1.txt",
        bytes: Some(b"Caf\xe9 au lait."),
        message: "not valid UTF-8 (byte 3)",
    },
    // Issue 19, item 6: a byte-order mark does not make broken bytes acceptable.
    BadInput {
        name: "bom-latin1.txt",
        bytes: Some(b"\xEF\xBB\xBFCaf\xe9 au lait."),
        message: "not valid UTF-8 (byte 6)",
    },
    BadInput {
        name: "utf16-lone-surrogate.txt",
        bytes: Some(b"\xFF\xFEC\x00a\x00\x00\xD8f\x00\xe9\x00.\x00"),
        message: "not valid UTF-16LE (byte 6)",
    },
    BadInput {
        name: "utf16be-odd-length.txt",
        bytes: Some(b"\xFE\xFF\x00C\x00a\x00f\x00\xe9\x00"),
        message: "not valid UTF-16BE (byte 10)",
    },
];

#[test]
fn bad_input_names_are_unique() {
    let mut names: Vec<&str> = BAD_INPUTS.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), BAD_INPUTS.len());
}

#[test]
fn bad_inputs_exit_1_with_one_line_naming_the_file() {
    let dir = scratch("bad_inputs_exit_1_with_one_line_naming_the_file");
    let good = file(&dir, "good.txt", b"One sentence here. Another one there.");
    for case in BAD_INPUTS {
        let path = match case.bytes {
            Some(bytes) => file(&dir, case.name, bytes),
            None => dir.join("does-not-exist").join(case.name),
        };
        for args in [
            vec!["segment", path.to_str().unwrap()],
            vec!["compare", good.to_str().unwrap(), path.to_str().unwrap()],
        ] {
            let out = parallax(&args, None);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}: {args:?}: {stderr}",
                case.name
            );
            assert_eq!(stderr.lines().count(), 1, "{}: {stderr}", case.name);
            assert!(
                stderr.contains(case.name),
                "{}: message names the file: {stderr}",
                case.name
            );
            assert!(stderr.contains(case.message), "{}: {stderr}", case.name);
            assert!(out.stdout.is_empty(), "{}: nothing on stdout", case.name);
        }
    }
}

#[test]
fn a_directory_is_an_input_error() {
    let dir = scratch("a_directory_is_an_input_error");
    let out = parallax(&["segment", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("directory"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        parallax(&["compare", "only-one"], None).status.code(),
        Some(2)
    );
    assert_eq!(parallax(&["no-such-command"], None).status.code(), Some(2));
}

#[test]
fn segment_prints_offsets_into_the_input() {
    let text =
        "Bridge opens\n\nThe bridge \u{201C}opened\u{201D} on Monday. Dr. Lee cut the ribbon.\n";
    let out = parallax(&["segment", "-", "--format", "json"], Some(text.as_bytes()));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sentences = json["sentences"].as_array().unwrap();
    let got: Vec<(&str, &str)> = sentences
        .iter()
        .map(|s| (s["text"].as_str().unwrap(), s["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("Bridge opens", "headline"),
            ("The bridge \u{201C}opened\u{201D} on Monday.", "body"),
            ("Dr. Lee cut the ribbon.", "body"),
        ]
    );
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
    }
}

#[test]
fn segment_repairs_mojibake_in_clean_but_keeps_the_original_text() {
    // "It’s" written as UTF-8 and read back as Windows-1252.
    let text = "It\u{e2}\u{20ac}\u{2122}s done. Next.";
    let out = parallax(&["segment", "-"], Some(text.as_bytes()));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["sentences"][0];
    assert_eq!(first["text"], "It\u{e2}\u{20ac}\u{2122}s done.");
    assert_eq!(first["clean"], "It\u{2019}s done.");
}

#[test]
fn invalid_utf8_is_an_input_error_naming_the_byte() {
    let out = parallax(&["segment", "-"], Some(b"Caf\xe9 au lait. Fin."));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not valid UTF-8 (byte 3)"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn windows_1252_input_is_read_with_a_notice_when_asked() {
    let out = parallax(
        &["segment", "-", "--encoding", "windows-1252"],
        Some(b"Caf\xe9 au lait. Fin."),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Windows-1252"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sentences"][0]["text"], "Caf\u{e9} au lait.");
}

const LEFT_ARTICLE: &str = "Storm hits coast\n\nThe Mayor said the pier would reopen on Friday. \
                            Crews worked through the night.";
const RIGHT_ARTICLE: &str = "Storm hits the coast\n\nThe mayor said the pier would reopen on \
                             Friday, officials added. Nobody was hurt.";

/// `compare` of the two articles, written into the scratch folder `dir`, as JSON.
fn compare_json(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let left = file(dir, "left.txt", LEFT_ARTICLE.as_bytes());
    let right = file(dir, "right.txt", RIGHT_ARTICLE.as_bytes());
    let mut args = vec!["compare", left.to_str().unwrap(), right.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = parallax(&args, None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The ops of the link whose left side is sentence 1 ("The Mayor said ...").
fn ops_of_mayor_link(json: &serde_json::Value) -> Vec<String> {
    let link = json["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["left"][0] == 1)
        .expect("the mayor sentences link");
    link["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["op"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn compare_json_is_the_versioned_report() {
    let dir = scratch("compare_json_is_the_versioned_report");
    let json = compare_json(&dir, &["--format", "json"]);
    assert_eq!(json["format"], "parallax-report");
    assert_eq!(json["version"], 2);
    for key in [
        "documents",
        "links",
        "clusters",
        "coverage",
        "unmatched",
        "stats",
    ] {
        assert!(!json[key].is_null(), "{key} missing");
    }
    for key in [
        "matched_share",
        "link_kinds",
        "words_added",
        "words_removed",
    ] {
        assert!(!json["stats"][key].is_null(), "stats.{key} missing");
    }
}

#[test]
fn ignore_case_and_punctuation_change_the_diff() {
    let dir = scratch("ignore_case_and_punctuation_change_the_diff");
    // "The Mayor" vs "The mayor", and ", officials added" is a real insertion.
    let plain = ops_of_mayor_link(&compare_json(&dir, &[]));
    assert!(plain.contains(&"replace".to_owned()), "{plain:?}");
    let no_case = ops_of_mayor_link(&compare_json(&dir, &["--ignore-case"]));
    assert!(!no_case.contains(&"replace".to_owned()), "{no_case:?}");
    assert!(no_case.contains(&"insert".to_owned()), "{no_case:?}");
    let both = compare_json(&dir, &["--ignore-case", "--ignore-punctuation"]);
    let headline = both["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["left"][0] == 0)
        .expect("the headlines link");
    let ops: Vec<&str> = headline["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["op"].as_str().unwrap())
        .collect();
    assert_eq!(ops, ["equal", "insert", "equal"], "{headline}");
}

#[test]
fn text_format_has_no_colour_when_piped_and_colour_when_asked() {
    let dir = scratch("text_format_has_no_colour_when_piped_and_colour_when_asked");
    let left = file(&dir, "left.txt", LEFT_ARTICLE.as_bytes());
    let right = file(&dir, "right.txt", RIGHT_ARTICLE.as_bytes());
    let (l, r) = (left.to_str().unwrap(), right.to_str().unwrap());
    let piped = parallax(&["compare", l, r, "--format", "text"], None);
    assert_eq!(piped.status.code(), Some(0));
    let text = String::from_utf8(piped.stdout).unwrap();
    assert!(!text.contains('\x1b'), "{text}");
    assert!(text.contains("Friday{+, officials added+}."), "{text}");
    assert!(text.contains("[-Mayor-]"), "{text}");
    assert!(
        text.contains("only left") && text.contains("only right"),
        "{text}"
    );
    assert!(
        text.lines().all(|line| line.chars().count() <= 100),
        "{text}"
    );

    let coloured = parallax(
        &["compare", l, r, "--format", "text", "--color", "always"],
        None,
    );
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    assert!(coloured.contains("\x1b[32;4m"), "{coloured:?}");

    let narrow = parallax(
        &["compare", l, r, "--format", "text", "--width", "50"],
        None,
    );
    let narrow = String::from_utf8(narrow.stdout).unwrap();
    assert!(
        narrow.lines().all(|line| line.chars().count() <= 50),
        "{narrow}"
    );
}

#[test]
fn html_format_writes_one_self_contained_page() {
    let dir = scratch("html_format_writes_one_self_contained_page");
    let left = file(
        &dir,
        "hostile.txt",
        b"Officials said <script>alert(1)</script> nothing at all. Rain fell on the town.",
    );
    let right = file(
        &dir,
        "calm.txt",
        b"Officials said nothing at all. Rain fell on the town.",
    );
    let out_path = dir.join("report.html");
    let _ = std::fs::remove_file(&out_path);
    let out = parallax(
        &[
            "compare",
            left.to_str().unwrap(),
            right.to_str().unwrap(),
            "--format",
            "html",
            "--out",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "--out writes nothing to stdout");
    let html = std::fs::read_to_string(&out_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // The row is a partial link, shown quietly: the words only the left has are highlighted
    // (`<mark class="px-only-here">`), which may cut the escaped text in two.
    let text = html
        .replace("<mark class=\"px-only-here\">", "")
        .replace("</mark>", "");
    assert!(
        text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("data-link=\"identical\""), "{html}");
}

#[test]
fn html_input_is_read_as_its_article_text() {
    let dir = scratch("html_input_is_read_as_its_article_text");
    let page = b"<!DOCTYPE html><html><head><title>Site</title><style>p{}</style></head><body>\
        <nav>Home | World</nav><article><h1>Storm hits coast</h1>\
        <p>The mayor said the pier would reopen on Friday.</p>\
        <script>track('</scr' + 'ipt>')</script><p>Crews worked through the night.</p>\
        </article><footer>&copy; Paper</footer></body></html>";
    let html = file(&dir, "page.html", page);
    let text = file(&dir, "plain.txt", LEFT_ARTICLE.as_bytes());
    let out = parallax(&["segment", html.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = json["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Storm hits coast",
            "The mayor said the pier would reopen on Friday.",
            "Crews worked through the night."
        ]
    );
    // Standard input is sniffed; the report's offsets are into the extracted text.
    let out = parallax(&["compare", "-", text.to_str().unwrap()], Some(page));
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["documents"][0]["sentences"][0];
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(0), Some(16))
    );
    assert_eq!(first["text"], "Storm hits coast");
}

#[test]
fn usage_errors_exit_2_for_bad_option_values() {
    for args in [
        vec!["compare", "a.txt", "b.txt", "--threshold", "1.5"],
        vec!["compare", "a.txt", "b.txt", "--threshold", "x"],
        vec!["compare", "a.txt", "b.txt", "--format", "pdf"],
        vec!["compare", "a.txt", "b.txt", "--width", "10"],
    ] {
        let out = parallax(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn an_unwritable_out_file_is_an_input_error_naming_it() {
    let dir = scratch("an_unwritable_out_file_is_an_input_error_naming_it");
    let left = file(&dir, "left.txt", LEFT_ARTICLE.as_bytes());
    let dir = dir.join("no-such-dir/out.html");
    let out = parallax(
        &[
            "compare",
            left.to_str().unwrap(),
            left.to_str().unwrap(),
            "--out",
            dir.to_str().unwrap(),
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("out.html"), "{stderr}");
}

#[test]
fn help_says_html_offsets_are_into_the_extracted_text() {
    let out = parallax(&["compare", "--help"], None);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("extracted text"), "{help}");
    assert!(help.contains("--ignore-case") && help.contains("--ignore-punctuation"));
}

/// Issue 19, item 3: a file over the size limit is refused before it is read in full.
#[test]
fn issue_19_an_input_over_the_limit_is_refused() {
    let dir = scratch("issue_19_an_input_over_the_limit_is_refused");
    // The default limit is 2 MB; one byte more is refused, whatever the file holds.
    let big = file(&dir, "big.txt", &vec![b'a'; 2 * 1024 * 1024 + 1]);
    let good = file(
        &dir,
        "limit-good.txt",
        b"One sentence here. Another one there.",
    );
    for args in [
        vec!["segment", big.to_str().unwrap()],
        vec!["compare", good.to_str().unwrap(), big.to_str().unwrap()],
    ] {
        let out = parallax(&args, None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(
                "big.txt: larger than the 2 MB limit (use --max-input-bytes to raise it)"
            ),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    // The flag moves the limit both ways; a file exactly at the limit is read.
    let small = file(&dir, "small.txt", b"One sentence here. Another one there.");
    let path = small.to_str().unwrap();
    let out = parallax(&["segment", path, "--max-input-bytes", "36"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("larger than the 36-byte limit"), "{stderr}");
    let out = parallax(&["segment", path, "--max-input-bytes", "37"], None);
    assert_eq!(out.status.code(), Some(0));
}

/// Issue 19, item 3: endless standard input and `/dev/zero` stop at the limit, quickly.
#[test]
fn issue_19_endless_input_stops_at_the_limit() {
    // A native test: the clock (banned in the wasm engine) only checks that reading stops.
    #[allow(clippy::disallowed_methods)]
    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["segment", "-", "--max-input-bytes", "1MB"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = b"The sea wall held. ".repeat(1000);
        // Stops when the reader goes away (a broken pipe).
        while input.write_all(&chunk).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "parallax: stdin: larger than the 1 MB limit (use --max-input-bytes to raise it)"
    );
    if Path::new("/dev/zero").exists() {
        let out = parallax(&["segment", "/dev/zero"], None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("/dev/zero: larger than the 2 MB limit"),
            "{stderr}"
        );
    }
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

/// Issue 19, items 4 and 5: `--format text` writes no control or escape character and no
/// bidi control from the articles or their names; they are shown as visible symbols.
#[test]
fn issue_19_text_output_has_no_terminal_controls() {
    let dir = scratch("issue_19_text_output_has_no_terminal_controls");
    let hostile = "Storm hits coast\n\nThe mayor said\x1b]0;pwned\x07 the pier \x1b[2Jwould \
                   reopen on \u{9b}31mFriday. Crews \u{202E}worked\u{202C} through the \
                   night\u{2066}.\u{2069}";
    let left = file(&dir, "hostile\x1b[7m.txt", hostile.as_bytes());
    let right = file(&dir, "hostile-right.txt", RIGHT_ARTICLE.as_bytes());
    for color in ["never", "always"] {
        let out = parallax(
            &[
                "compare",
                left.to_str().unwrap(),
                right.to_str().unwrap(),
                "--format",
                "text",
                "--color",
                color,
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        // With colour, the renderer's own SGR sequences are the only escapes.
        let own = text
            .replace("\x1b[0m", "")
            .replace("\x1b[1m", "")
            .replace("\x1b[2m", "");
        let own = ["31;9", "32;4", "31", "32", "33", "34", "35"]
            .iter()
            .fold(own, |t, c| t.replace(&format!("\x1b[{c}m"), ""));
        for c in own.chars() {
            assert!(
                c == '\n'
                    || !(c.is_control()
                        || ('\u{202A}'..='\u{202E}').contains(&c)
                        || ('\u{2066}'..='\u{2069}').contains(&c)),
                "{color}: {c:?} in {own:?}"
            );
        }
        assert!(
            own.contains("␛]0;pwned␇") && own.contains("␛[2Jwould"),
            "{color}: {own}"
        );
        assert!(own.contains("hostile␛[7m.txt"), "{color}: {own}");
        assert!(own.contains("\\u{9b}31mFriday"), "{color}: {own}");
        assert!(
            own.contains("Crews worked through the night."),
            "{color}: {own}"
        );
    }
}

/// Issue 19, item 5: bidi controls are not in any report's clean text nor in the HTML page.
#[test]
fn issue_19_bidi_controls_reach_no_report() {
    let dir = scratch("issue_19_bidi_controls_reach_no_report");
    let article = "The mayor said the pier would \u{202E}reopen\u{202C} on\u{200F} Friday.";
    let left = file(&dir, "bidi.txt", article.as_bytes());
    let right = file(&dir, "bidi-right.txt", RIGHT_ARTICLE.as_bytes());
    let (l, r) = (left.to_str().unwrap(), right.to_str().unwrap());
    let out = parallax(&["compare", l, r, "--format", "html"], None);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{61C}');
    assert!(!html.chars().any(bidi), "{html}");
    let out = parallax(&["segment", l], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sentence = &json["sentences"][0];
    assert_eq!(
        sentence["clean"],
        "The mayor said the pier would reopen on Friday."
    );
    // The offsets still point into the original, controls and all.
    assert_eq!(sentence["text"], article);
    assert_eq!(
        (sentence["start"].as_u64(), sentence["end"].as_u64()),
        (Some(0), Some(article.len() as u64))
    );
}
