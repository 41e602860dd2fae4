//! Table-driven tests of the normalize stage: clean, fold, decode and `is_blank` cases.

use super::*;
use crate::test_support::unique;

// --- clean: table of cases.

struct Case {
    name: &'static str,
    input: &'static str,
    expected: &'static str,
}

const CLEAN_CASES: &[Case] = &[
    Case {
        name: "empty",
        input: "",
        expected: "",
    },
    Case {
        name: "ascii",
        input: "Plain \"ASCII\" text.\n",
        expected: "Plain \"ASCII\" text.\n",
    },
    // GBK: UTF-8 read as GBK.
    Case {
        name: "gbk apostrophe s",
        input: "Kim\u{9225}\u{6a9a} visit",
        expected: "Kim\u{2019}s visit",
    },
    Case {
        name: "gbk apostrophe t",
        input: "don\u{9225}\u{6a9b} go",
        expected: "don\u{2019}t go",
    },
    Case {
        name: "gbk quote pair with lost closing byte",
        input: "a \u{9225}\u{6e07}iery\u{9225} end",
        expected: "a \u{201C}fiery\u{201D} end",
    },
    Case {
        name: "gbk closing quote after comma",
        input: "said \u{9225}\u{6e07}ine,\u{9225} then",
        expected: "said \u{201C}fine,\u{201D} then",
    },
    Case {
        name: "gbk closing quote at line end",
        input: "\u{9225}\u{6e07}ine.\u{9225}\nNext",
        expected: "\u{201C}fine.\u{201D}\nNext",
    },
    Case {
        name: "gbk dash between spaces",
        input: "Town (AP) \u{9225} Officials",
        expected: "Town (AP) \u{2014} Officials",
    },
    // The lost byte of a spaced en dash cannot be told from an em dash's.
    Case {
        name: "gbk spaced en dash becomes em dash",
        input: "a \u{9225} b",
        expected: "a \u{2014} b",
    },
    Case {
        name: "gbk euro with lost byte",
        input: "\u{9227}1.2bn",
        expected: "\u{20ac}1.2bn",
    },
    Case {
        name: "gbk replacement as lost byte",
        input: "a \u{9225}\u{FFFD} b",
        expected: "a \u{2014} b",
    },
    Case {
        name: "gbk lost byte between letters",
        input: "it\u{9225}\u{FFFD}s",
        expected: "it\u{2019}s",
    },
    Case {
        name: "gbk cyrillic homoglyph",
        input: "the \u{5c0f}athedral",
        expected: "the \u{421}athedral",
    },
    Case {
        name: "gbk cyrillic word",
        input: "paper \u{88a0}\u{87f9}\u{80c1}\u{68b0}\u{890b}\u{890c}\u{61c8}\u{891f} said",
        expected: "paper \u{418}\u{437}\u{432}\u{435}\u{441}\u{442}\u{438}\u{44f} said",
    },
    Case {
        name: "gbk guillemets",
        input: "\u{82a6}Hello\u{7984}",
        expected: "\u{ab}Hello\u{bb}",
    },
    Case {
        name: "gbk degree",
        input: "25\u{63b3}C",
        expected: "25\u{b0}C",
    },
    Case {
        name: "gbk accent in word",
        input: "caf\u{8305} society",
        expected: "caf\u{e9} society",
    },
    // GBK look-alikes that are real Chinese, or too uncertain: kept.
    Case {
        name: "chinese small",
        input: "小明的小猫很小。",
        expected: "小明的小猫很小。",
    },
    Case {
        name: "chinese quoted media",
        input: "他说“媒体”很重要。",
        expected: "他说“媒体”很重要。",
    },
    Case {
        name: "traditional listen",
        input: "他聽說這個消息了。",
        expected: "他聽說這個消息了。",
    },
    Case {
        name: "site name header",
        input: "sa国际传媒\n",
        expected: "sa国际传媒\n",
    },
    Case {
        name: "isolated hanzi in english",
        input: "The word 媒 means medium.",
        expected: "The word 媒 means medium.",
    },
    Case {
        name: "quoted hanzi in english",
        input: "the sign \u{201C}媒\u{201D} again",
        expected: "the sign \u{201C}媒\u{201D} again",
    },
    Case {
        name: "chinese brand then english",
        input: "小Phone 发布会今天举行",
        expected: "小Phone 发布会今天举行",
    },
    // Windows-1252: UTF-8 read as Windows-1252.
    Case {
        name: "1252 apostrophe",
        input: "It\u{e2}\u{20ac}\u{2122}s",
        expected: "It\u{2019}s",
    },
    Case {
        name: "1252 e acute",
        input: "caf\u{c3}\u{a9}",
        expected: "caf\u{e9}",
    },
    Case {
        name: "1252 cyrillic",
        input: "\u{d0}\u{178}\u{d1}\u{20ac}\u{d0}\u{b8}\u{d0}\u{b2}\u{d0}\u{b5}\u{d1}\u{201a}",
        expected: "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}",
    },
    Case {
        name: "1252 chinese",
        input: "\u{e4}\u{b8}\u{ad}\u{e6}\u{2013}\u{2021}",
        expected: "中文",
    },
    Case {
        name: "1252 lost closing quote",
        input: "\u{e2}\u{20ac}\u{153}Yes\u{e2}\u{20ac} he said",
        expected: "\u{201C}Yes\u{201D} he said",
    },
    Case {
        name: "1252 vietnamese",
        input: "Vi\u{e1}\u{bb}\u{2021}t Nam",
        expected: "Vi\u{1ec7}t Nam",
    },
    Case {
        name: "1252 twice",
        input: "It\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s",
        expected: "It\u{2019}s",
    },
    // Windows-1252 look-alikes in real text: kept.
    Case {
        name: "spanish accent quote ellipsis",
        input: "dijo \u{ab}qu\u{e9}\u{2026}\u{bb}",
        expected: "dijo \u{ab}qu\u{e9}\u{2026}\u{bb}",
    },
    Case {
        name: "capital e acute closing quote",
        input: "\u{201C}CAF\u{c9}\u{201D}",
        expected: "\u{201C}CAF\u{c9}\u{201D}",
    },
    Case {
        name: "nested quotes after accent",
        input: "\u{2018}caf\u{e9}\u{2019}\u{201D} ok",
        expected: "\u{2018}caf\u{e9}\u{2019}\u{201D} ok",
    },
    Case {
        name: "spanish accent closing quotes",
        input: "est\u{e1}\u{2019}\u{201D} dijo",
        expected: "est\u{e1}\u{2019}\u{201D} dijo",
    },
    // Invisible characters and spaces.
    Case {
        name: "soft hyphen",
        input: "co\u{ad}operate",
        expected: "cooperate",
    },
    Case {
        name: "zero width",
        input: "a\u{200b}b\u{2060}c\u{feff}d",
        expected: "abcd",
    },
    Case {
        name: "zwj in ascii",
        input: "a\u{200d}b \u{200c}c",
        expected: "ab c",
    },
    Case {
        name: "zwj in emoji kept",
        input: "\u{1f468}\u{200d}\u{1f469}",
        expected: "\u{1f468}\u{200d}\u{1f469}",
    },
    Case {
        name: "zwnj in persian kept",
        input: "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
        expected: "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
    },
    // Issue 19, item 5: bidi controls could reorder a sentence in every report.
    Case {
        name: "bidi override inside a sentence",
        input: "Pay \u{202E}0001\u{202C} euros",
        expected: "Pay 0001 euros",
    },
    Case {
        name: "bidi embeddings and isolates",
        input: "\u{202A}a\u{202B}b\u{202D}c\u{2066}d\u{2067}e\u{2068}f\u{2069}",
        expected: "abcdef",
    },
    Case {
        name: "bidi marks",
        input: "\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{200F} (1)\u{200E} \u{627}\u{61C}",
        expected: "\u{5E9}\u{5DC}\u{5D5}\u{5DD} (1) \u{627}",
    },
    Case {
        name: "spaces",
        input: "10\u{a0}km\u{2009}/\u{202f}h",
        expected: "10 km / h",
    },
    Case {
        name: "ideographic space kept",
        input: "东京\u{3000}大阪",
        expected: "东京\u{3000}大阪",
    },
    Case {
        name: "line separator",
        input: "a\u{2028}b\u{2029}c",
        expected: "a\nb\nc",
    },
    Case {
        name: "newlines kept",
        input: "One.\r\n\r\nTwo.\n",
        expected: "One.\r\n\r\nTwo.\n",
    },
];

#[test]
fn clean_case_names_are_unique() {
    assert!(unique(CLEAN_CASES.iter().map(|c| c.name)));
}

#[test]
fn clean_cases() {
    for case in CLEAN_CASES {
        assert_eq!(
            clean(case.input).text,
            case.expected,
            "case {:?}",
            case.name
        );
    }
}

// --- fold.

const FOLD_CASES: &[Case] = &[
    Case {
        name: "lowercase",
        input: "The BRIDGE",
        expected: "the bridge",
    },
    Case {
        name: "fullwidth",
        input: "\u{ff34}\u{ff45}\u{ff53}\u{ff54}\u{ff11}\u{ff12}\u{ff01}",
        expected: "test12!",
    },
    Case {
        name: "ligatures",
        input: "\u{fb01}nal \u{fb02}ow \u{fb00} \u{fb03} \u{fb04} \u{fb06}",
        expected: "final flow ff ffi ffl st",
    },
    Case {
        name: "ellipsis",
        input: "wait\u{2026} \u{2025}",
        expected: "wait... ..",
    },
    Case {
        name: "single quotes",
        input: "\u{2018}a\u{2019} \u{201a}b\u{201b} it\u{2bc}s 5\u{2032}",
        expected: "'a' 'b' it's 5'",
    },
    Case {
        name: "double quotes",
        input: "\u{201c}a\u{201d} \u{201e}b\u{201f} 6\u{2033}",
        expected: "\"a\" \"b\" 6\"",
    },
    Case {
        name: "dashes",
        input: "a\u{2010}b\u{2011}c\u{2012}d\u{2013}e\u{2014}f\u{2015}g\u{2212}1",
        expected: "a-b-c-d-e-f-g-1",
    },
    Case {
        name: "spaces",
        input: "a\u{a0}b\u{3000}c\u{2009}d",
        expected: "a b c d",
    },
    Case {
        name: "invisible",
        input: "co\u{ad}op\u{200b}era\u{feff}te",
        expected: "cooperate",
    },
    Case {
        name: "non latin kept",
        input: "\u{41c}\u{418}\u{420} 東京",
        expected: "\u{43c}\u{438}\u{440} 東京",
    },
    Case {
        name: "german sharp s",
        input: "STRA\u{df}E",
        expected: "stra\u{df}e",
    },
];

#[test]
fn fold_case_names_are_unique() {
    assert!(unique(FOLD_CASES.iter().map(|c| c.name)));
}

#[test]
fn fold_cases() {
    for case in FOLD_CASES {
        assert_eq!(fold(case.input), case.expected, "case {:?}", case.name);
    }
}

// --- decode.

struct DecodeCase {
    name: &'static str,
    input: &'static [u8],
    /// The text, its encoding and whether it had a byte-order mark; or the error message.
    expected: Result<(&'static str, Encoding, bool), &'static str>,
}

const BINARY: &str = "the input looks like binary data";

const DECODE_CASES: &[DecodeCase] = &[
    DecodeCase {
        name: "empty",
        input: b"",
        expected: Ok(("", Encoding::Utf8, false)),
    },
    DecodeCase {
        name: "utf8",
        input: "caf\u{e9} \u{2014} \u{6771}".as_bytes(),
        expected: Ok(("caf\u{e9} \u{2014} \u{6771}", Encoding::Utf8, false)),
    },
    DecodeCase {
        name: "utf8 bom",
        input: b"\xEF\xBB\xBFHi",
        expected: Ok(("Hi", Encoding::Utf8, true)),
    },
    // Issue 19, item 6: broken UTF-8 after a byte-order mark was replaced silently.
    DecodeCase {
        name: "utf8 bom broken",
        input: b"\xEF\xBB\xBFa\xFFb",
        expected: Err("not valid UTF-8 (byte 4)"),
    },
    DecodeCase {
        name: "utf8 bom cut mid-character",
        input: b"\xEF\xBB\xBFab\xE2\x80",
        expected: Err("not valid UTF-8 (byte 5)"),
    },
    DecodeCase {
        name: "utf16le",
        input: b"\xFF\xFEH\x00\xe9\x00\x3D\xD8\x00\xDE",
        expected: Ok(("H\u{e9}\u{1f600}", Encoding::Utf16Le, true)),
    },
    DecodeCase {
        name: "utf16be",
        input: b"\xFE\xFF\x00H\x20\x14",
        expected: Ok(("H\u{2014}", Encoding::Utf16Be, true)),
    },
    // Issue 19, item 6: unpaired surrogates and an odd last byte were replaced silently.
    DecodeCase {
        name: "utf16 unpaired high surrogate",
        input: b"\xFF\xFE\x00\xD8a\x00!",
        expected: Err("not valid UTF-16LE (byte 2)"),
    },
    DecodeCase {
        name: "utf16 unpaired low surrogate after a pair",
        input: b"\xFE\xFF\xD8\x3D\xDE\x00\xDE\x00\x00a",
        expected: Err("not valid UTF-16BE (byte 6)"),
    },
    DecodeCase {
        name: "utf16 odd last byte",
        input: b"\xFF\xFEa\x00b\x00!",
        expected: Err("not valid UTF-16LE (byte 6)"),
    },
    DecodeCase {
        name: "windows-1252",
        input: b"caf\xE9 \x93q\x94 \x80 \x81",
        expected: Ok((
            "caf\u{e9} \u{201c}q\u{201d} \u{20ac} \u{81}",
            Encoding::Windows1252,
            false,
        )),
    },
    DecodeCase {
        name: "few controls",
        input: b"the state\x19s plan \x1cquote\x1d",
        expected: Ok((
            "the state\u{19}s plan \u{1c}quote\u{1d}",
            Encoding::Utf8,
            false,
        )),
    },
    DecodeCase {
        name: "nul",
        input: b"text\x00more",
        expected: Err(BINARY),
    },
    DecodeCase {
        name: "utf16 nul",
        input: b"\xFF\xFEa\x00\x00\x00",
        expected: Err(BINARY),
    },
    DecodeCase {
        name: "many controls",
        input: b"\x01\x02\x03\x04\x05\x06\x07\x08ab",
        expected: Err(BINARY),
    },
];

#[test]
fn decode_case_names_are_unique() {
    assert!(unique(DECODE_CASES.iter().map(|c| c.name)));
}

#[test]
fn decode_cases() {
    for case in DECODE_CASES {
        match (decode(case.input), case.expected) {
            (Ok(d), Ok((text, encoding, bom))) => {
                assert_eq!(
                    (d.text.as_str(), d.encoding, d.bom),
                    (text, encoding, bom),
                    "case {:?}",
                    case.name
                );
            }
            (Err(e), Err(message)) => {
                assert!(
                    e.to_string().starts_with(message),
                    "case {:?}: {e}",
                    case.name
                );
                assert_eq!(e.is_binary(), message == BINARY, "case {:?}", case.name);
            }
            (got, _) => panic!("case {:?}: got {got:?}", case.name),
        }
    }
    let error = decode(b"text\x00more").unwrap_err();
    assert_eq!(error.to_string(), "the input looks like binary data, not text: it has a NUL character (at byte 4 of the decoded text)");
}

// --- is_blank.

const BLANK_CASES: &[(&str, &str, bool)] = &[
    ("empty", "", true),
    ("white space", " \n\t\r\n", true),
    (
        "no-break and ideographic spaces",
        "\u{A0}\u{3000}\u{202F}",
        true,
    ),
    (
        "zero-width and soft hyphen",
        "\u{200B}\u{AD}\u{2060}\u{FEFF}",
        true,
    ),
    (
        "bidi marks and isolates",
        "\u{200E}\u{202E}\u{2067} \u{2069}",
        true,
    ),
    ("lone joiner", "\u{200D}", true),
    ("a word among invisibles", "\u{A0}Rain\u{200B}", false),
    ("a CJK word", "\u{3000}\u{6771}\u{4EAC}", false),
    ("punctuation", "\u{A0}.", false),
];

#[test]
fn blank_case_names_are_unique() {
    assert!(unique(BLANK_CASES.iter().map(|c| c.0)));
}

#[test]
fn blank_cases() {
    for &(name, text, expected) in BLANK_CASES {
        assert_eq!(is_blank(text), expected, "case {name:?}");
    }
}

#[test]
fn decode_then_clean_repairs_mostly_utf8_bytes() {
    // One stray Latin-1 byte makes the whole file Windows-1252; clean repairs the rest.
    let bytes = [
        &b"caf\xE9 and "[..],
        "the mayor\u{2019}s \u{201C}day\u{201D}".as_bytes(),
    ]
    .concat();
    let decoded = decode(&bytes).unwrap();
    assert_eq!(decoded.encoding, Encoding::Windows1252);
    assert_eq!(
        clean(&decoded.text).text,
        "caf\u{e9} and the mayor\u{2019}s \u{201C}day\u{201D}"
    );
}
