//! Mojibake repair against real codecs: the GBK table checked against `encoding_rs`, our own
//! sentences broken by GBK and Windows-1252 and repaired, clean text in any language kept.

use super::repair::{
    gbk_chars, gbk_code, gbk_pairs, is_cjk, is_punctuation_head, utf8_width, GBK_RUN_STARTS,
};
use super::*;
use crate::test_support::unique;

// --- Mojibake generators: real codecs (encoding_rs), independent of the tables above.

/// `text`'s UTF-8 bytes read as GBK; `keep_errors` keeps the U+FFFD a decoder writes for a
/// byte it cannot use, otherwise the byte is dropped (what our seed article shows).
fn gbk_mojibake(text: &str, keep_errors: bool) -> String {
    let (decoded, _) = encoding_rs::GBK.decode_without_bom_handling(text.as_bytes());
    decoded
        .chars()
        .filter(|&c| keep_errors || c != char::REPLACEMENT_CHARACTER)
        .collect()
}

/// `text`'s UTF-8 bytes read as Windows-1252; `keep_undefined` keeps the C1 controls of
/// the five undefined bytes, otherwise they are dropped.
fn windows_1252_mojibake(text: &str, keep_undefined: bool) -> String {
    let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes());
    decoded
        .chars()
        .filter(|&c| keep_undefined || !('\u{80}'..='\u{9F}').contains(&c))
        .collect()
}

// --- The GBK table.

fn reference_gbk(lead: u8, trail: u8) -> u16 {
    let bytes = [lead, trail];
    let decoded = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes);
    let mut chars = decoded.as_deref().unwrap_or_default().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => u16::try_from(u32::from(c)).unwrap_or(0),
        _ => 0,
    }
}

#[test]
fn gbk_table_matches_encoding_rs() {
    let chars: Vec<u16> = gbk_chars().collect();
    assert_eq!(chars.len(), gbk_pairs().count());
    let mut mismatches = Vec::new();
    for ((lead, trail), c) in gbk_pairs().zip(chars) {
        let expected = reference_gbk(lead, trail);
        if c != expected {
            mismatches.push((lead, trail, c, expected));
        }
    }
    assert!(
        mismatches.is_empty(),
        "first mismatches: {:x?}",
        &mismatches[..mismatches.len().min(5)]
    );
    // Spot checks that do not depend on encoding_rs.
    assert_eq!(gbk_code('\u{9225}'), Some(0xE280)); // 鈥
    assert_eq!(gbk_code('\u{5C0F}'), Some(0xD0A1)); // 小
    assert_eq!(gbk_code('\u{56FD}'), None); // 国 (B9FA) cannot come from UTF-8
    assert_eq!(gbk_code('a'), None);
}

#[test]
#[ignore = "rewrites src/normalize/gbk_table.rs from encoding_rs"]
fn regenerate_gbk_table() {
    use std::fmt::Write as _;
    let mut deltas = Vec::new();
    let mut previous = 0u16;
    for (lead, trail) in gbk_pairs() {
        let c = reference_gbk(lead, trail);
        match c.wrapping_sub(previous) {
            _ if c == 0 => deltas.push(0),
            step @ 1..=0xFD => deltas.push(step as u8),
            _ => deltas.extend([0xFE, (c >> 8) as u8, c as u8]),
        }
        if c != 0 {
            previous = c;
        }
    }
    let mut out = String::new();
    out.push_str(
        "//! GBK's characters for the byte pairs UTF-8 mojibake can produce (generated: run\n\
         //! `cargo test -p parallax regenerate_gbk_table -- --ignored`; do not edit).\n\
         //!\n\
         //! Order of the pairs: leads 0x81..=0xBF with trails 0x40..=0x7E, 0x80..=0xBF,\n\
         //! 0xC2..=0xE2, 0xEF, 0xF0..=0xF4; then leads 0xC2..=0xE2, 0xEF, 0xF0..=0xF4 with\n\
         //! trails 0x80..=0xBF. The test `gbk_table_matches_encoding_rs` checks every entry.\n\n",
    );
    let _ = writeln!(
        out,
        "/// Steps between consecutive characters; see `gbk_chars()`."
    );
    let _ = writeln!(out, "#[rustfmt::skip]");
    let _ = writeln!(out, "pub(super) static DELTAS: [u8; {}] = [", deltas.len());
    for line in deltas.chunks(16) {
        let cells: Vec<String> = line.iter().map(|v| format!("0x{v:02X},")).collect();
        let _ = writeln!(out, "    {}", cells.join(" "));
    }
    out.push_str("];\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/normalize/gbk_table.rs");
    std::fs::write(path, out).unwrap();
}

// --- clean: generated mojibake of our own sentences round-trips.

/// Sentences whose every non-ASCII character the repair rules recover exactly.
const SENTENCES: &[&str] = &[
    "The mayor\u{2019}s office called it a \u{201C}historic day,\u{201D} and the crowd cheered.",
    "Officials \u{2014} who spoke on condition of anonymity \u{2014} said talks went well.",
    "\u{201C}We didn\u{2019}t expect this,\u{201D} said Ren\u{e9}e M\u{fc}ller, 42.",
    "Prices rose 3\u{a0}% to \u{20ac}1.2bn (\u{a3}1bn) at 25\u{b0}C.",
    "The paper \u{418}\u{437}\u{432}\u{435}\u{441}\u{442}\u{438}\u{44f} called it \u{201C}a breakthrough.\u{201D}",
    "It\u{2019}s the city\u{2019}s first caf\u{e9} \u{2014} or so they say.",
];

#[test]
fn gbk_mojibake_of_our_sentences_is_repaired() {
    for &sentence in SENTENCES {
        let expected = clean(sentence).text;
        for keep_errors in [false, true] {
            let broken = gbk_mojibake(sentence, keep_errors);
            assert_ne!(broken, sentence);
            assert_eq!(clean(&broken).text, expected, "from {broken:?}");
        }
    }
}

fn loses_only_quote_bytes(text: &str) -> bool {
    text.chars().all(|c| {
        let mut buf = [0; 4];
        let undefined = c
            .encode_utf8(&mut buf)
            .bytes()
            .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D));
        !undefined || matches!(c, '\u{201D}' | '\u{2010}')
    })
}

#[test]
fn windows_1252_mojibake_of_our_sentences_is_repaired() {
    let mut dropped_checked = 0;
    for &sentence in SENTENCES {
        let expected = clean(sentence).text;
        let once = windows_1252_mojibake(sentence, true);
        assert_eq!(clean(&once).text, expected, "from {once:?}");
        // Dropped undefined bytes can only be recovered inside `E2 80 9D` (”) and `E2 80 90`.
        if loses_only_quote_bytes(sentence) {
            dropped_checked += 1;
            let dropped = windows_1252_mojibake(sentence, false);
            assert_eq!(clean(&dropped).text, expected, "from {dropped:?}");
        }
        let twice = windows_1252_mojibake(&windows_1252_mojibake(sentence, true), true);
        assert_eq!(clean(&twice).text, expected, "from {twice:?}");
    }
    assert_eq!(
        dropped_checked,
        SENTENCES.len() - 1,
        "only the Cyrillic sentence is skipped"
    );
}

/// Clean text in many languages and scripts (our own sentences).
const CLEAN_TEXTS: &[(&str, &str)] = &[
    ("english", "The bridge opened on Monday \u{2014} \u{201C}finally,\u{201D} said the mayor\u{2019}s aide\u{2026}"),
    ("german", "Gr\u{fc}\u{df}e aus K\u{f6}ln \u{2013} \u{201E}Stra\u{df}enfest\u{201C} am \u{dc}fer, 5\u{a0}\u{20ac}."),
    ("french", "\u{c0} l\u{2019}\u{e9}t\u{e9}, \u{ab}\u{202f}o\u{f9} \u{ea}tes-vous\u{202f}?\u{bb} demanda-t-il. \u{c7}A VA\u{2009}!"),
    ("spanish", "\u{bf}Qu\u{e9} pas\u{f3}? \u{a1}El ni\u{f1}o dijo \u{ab}s\u{ed}\u{bb}!"),
    ("portuguese", "N\u{c3}O \u{c9} VERDADE, disse o ministro; a na\u{e7}\u{e3}o est\u{e1} calma."),
    ("vietnamese", "Vi\u{1ec7}t Nam v\u{e0} Nga k\u{fd} hi\u{1ec7}p \u{111}\u{1ecb}nh m\u{1edb}i."),
    ("chinese simplified", "今天上午，市政府举行新闻发布会，介绍了新大桥的建设情况。“我们非常高兴，”一位市民说。"),
    ("chinese numbers", "2024年6月19日，小王在北京参加了第3届论坛（共有120人）。"),
    ("chinese traditional", "他聽說這座橋明天開通，於是決定帶孩子們去參觀。"),
    ("japanese", "東京都は月曜日、新しい橋の開通を発表した。「とても嬉しい」と市民は語った。"),
    ("korean", "서울시는 월요일에 새 다리를 개통했다고 밝혔다. \u{201C}정말 기쁘다\u{201D}고 시민이 말했다."),
    ("russian", "\u{41c}\u{44d}\u{440} \u{433}\u{43e}\u{440}\u{43e}\u{434}\u{430} \u{43e}\u{442}\u{43a}\u{440}\u{44b}\u{43b} \u{43c}\u{43e}\u{441}\u{442} \u{2014} \u{ab}\u{43d}\u{430}\u{43a}\u{43e}\u{43d}\u{435}\u{446}\u{bb}."),
    ("greek", "\u{39f} \u{3b4}\u{3ae}\u{3bc}\u{3b1}\u{3c1}\u{3c7}\u{3bf}\u{3c2} \u{3ac}\u{3bd}\u{3bf}\u{3b9}\u{3be}\u{3b5} \u{3c4}\u{3b7} \u{3b3}\u{3ad}\u{3c6}\u{3c5}\u{3c1}\u{3b1}."),
    ("arabic", "\u{627}\u{641}\u{62a}\u{62a}\u{62d} \u{627}\u{644}\u{62c}\u{633}\u{631} \u{627}\u{644}\u{62c}\u{62f}\u{64a}\u{62f} \u{64a}\u{648}\u{645} \u{627}\u{644}\u{627}\u{62b}\u{646}\u{64a}\u{646}\u{61f}"),
    ("hebrew", "\u{5d4}\u{5d2}\u{5e9}\u{5e8} \u{5e0}\u{5e4}\u{5ea}\u{5d7} \u{5d1}\u{5d9}\u{5d5}\u{5dd} \u{5e9}\u{5e0}\u{5d9}."),
    ("hindi", "\u{928}\u{92f}\u{93e} \u{92a}\u{941}\u{932} \u{938}\u{94b}\u{92e}\u{935}\u{93e}\u{930} \u{915}\u{94b} \u{916}\u{941}\u{932}\u{93e}\u{964}"),
    ("emoji", "Great news \u{1f389}\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{2764}\u{fe0f}!"),
];

#[test]
fn clean_text_in_any_language_is_unchanged() {
    assert!(unique(CLEAN_TEXTS.iter().map(|&(name, _)| name)));
    for &(name, text) in CLEAN_TEXTS {
        let tidy_only: String = text
            .chars()
            .map(|c| match c {
                '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
                _ => c,
            })
            .collect();
        let cleaned = clean(text);
        assert_eq!(cleaned.text, tidy_only, "{name}");
        assert!(
            cleaned.changes().all(|c| c.kind == ChangeKind::Space),
            "{name}"
        );
    }
}

#[test]
fn every_gbk_character_led_by_e2_is_cjk() {
    // `is_punctuation_head` asks the table about CJK characters only: this is why it may.
    let mut heads = 0;
    for ((lead, _), code) in gbk_pairs().zip(gbk_chars()) {
        let Some(c) = char::from_u32(u32::from(code)).filter(|_| code != 0) else {
            continue;
        };
        if lead == 0xE2 {
            heads += 1;
            assert!(is_cjk(c), "{c:?}");
        }
        assert_eq!(
            is_punctuation_head(c),
            gbk_code(c).is_some_and(|k| k >> 8 == 0xE2),
            "{c:?}"
        );
    }
    // The table holds the 64 characters UTF-8 punctuation can leave (`E2 80` to `E2 BF`).
    assert_eq!(heads, 64);
}

#[test]
fn only_cjk_ideographs_start_a_gbk_run() {
    let mut starts = 0;
    for ((lead, _), c) in gbk_pairs().zip(gbk_chars()).filter(|&(_, c)| c != 0) {
        if utf8_width(lead) >= 2 {
            let c = char::from_u32(u32::from(c)).unwrap();
            assert!(GBK_RUN_STARTS.contains(&c), "{c:?}");
            starts += 1;
        }
    }
    assert!(starts > 1000);
}
