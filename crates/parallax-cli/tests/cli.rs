//! The `parallax` binary: input errors, `segment` output, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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

/// A scratch folder for this test binary's files.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
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
    BadInput {
        name: "binary.dat",
        bytes: Some(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00"),
        message: "binary",
    },
];

#[test]
fn bad_inputs_exit_1_with_one_line_naming_the_file() {
    let good = scratch("good.txt", b"One sentence here. Another one there.");
    for case in BAD_INPUTS {
        let path = match case.bytes {
            Some(bytes) => scratch(case.name, bytes),
            None => Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join("cli/does-not-exist")
                .join(case.name),
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
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
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
fn windows_1252_input_is_read_with_a_notice() {
    let out = parallax(&["segment", "-"], Some(b"Caf\xe9 au lait. Fin."));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Windows-1252"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sentences"][0]["text"], "Caf\u{e9} au lait.");
}
