//! Cleaning on real inputs: the shared seed articles and the `OneStopEnglish` paragraphs.
//!
//! Skipped (with a message on stderr) when `../shared` is not there. Nothing from those files
//! is copied here: the tests only count and compare.

use parallax::normalize::{clean, ChangeKind, Cleaned};
use parallax::{compare, Article, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn shared(sub: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(sub);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: ../shared/{sub} not found");
        None
    }
}

fn seed(prefix: &str) -> Option<String> {
    let dir = shared("samples/seeds")?;
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        1,
        "one seed starting with {prefix} in {}",
        dir.display()
    );
    Some(std::fs::read_to_string(&names[0]).unwrap())
}

fn is_cjk_ideograph(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

fn kinds(cleaned: &Cleaned) -> BTreeMap<ChangeKind, usize> {
    let mut kinds = BTreeMap::new();
    for change in cleaned.changes() {
        *kinds.entry(change.kind).or_insert(0) += 1;
    }
    kinds
}

/// The documented non-mojibake changes, written independently of `normalize`.
fn tidy_reference(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let joins = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{200C}' | '\u{200D}'
                if !(joins(i.checked_sub(1).and_then(|p| chars.get(p)))
                    && joins(chars.get(i + 1))) => {}
            '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                out.push(' ');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn seed_004_mojibake_is_repaired() {
    let Some(original) = seed("004_") else { return };
    let cleaned = clean(&original);
    let text = &cleaned.text;
    eprintln!("seed 004 changes: {:?}", kinds(&cleaned));

    for marker in ["\u{9225}", "\u{C3}", "\u{E2}\u{20AC}"] {
        assert!(!text.contains(marker), "{marker:?} left in seed 004");
    }
    // The article is English; its first line is a site name in real Chinese, which must stay
    // exactly as it is. No other line may keep a CJK ideograph.
    let first_line = |s: &str| s.lines().next().unwrap_or_default().to_owned();
    assert_eq!(first_line(text), first_line(&original));
    for (n, line) in text.lines().enumerate().skip(1) {
        assert!(
            !line.chars().any(is_cjk_ideograph),
            "CJK left on line {}",
            n + 1
        );
    }
    // The repaired double quotes pair up on every line: “ … ” “ … ”.
    let (mut opening, mut closing) = (0, 0);
    for (n, line) in text.lines().enumerate() {
        let mut open = false;
        for c in line.chars() {
            match c {
                '\u{201C}' => {
                    assert!(!open, "two opening quotes on line {}", n + 1);
                    open = true;
                    opening += 1;
                }
                '\u{201D}' => {
                    assert!(open, "closing quote without opening on line {}", n + 1);
                    open = false;
                    closing += 1;
                }
                _ => {}
            }
        }
        assert!(!open, "quote left open on line {}", n + 1);
    }
    eprintln!("seed 004 quotes: {opening} opening, {closing} closing");
    assert!(opening > 10);
    // One Cyrillic homoglyph, repaired from GBK mojibake.
    let cyrillic: Vec<usize> = text.match_indices('\u{421}').map(|(at, _)| at).collect();
    assert_eq!(cyrillic.len(), 1);
    let source = cleaned.to_original(cyrillic[0]..cyrillic[0] + 2);
    assert!(cleaned
        .changes()
        .any(|c| c.kind == ChangeKind::Mojibake && c.original == source));
}

#[test]
fn seed_004_report_points_into_the_original() {
    let (Some(left), Some(right)) = (seed("004_"), seed("002_")) else {
        return;
    };
    let report = compare(
        &Article::new("004", &left),
        &Article::new("002", &right),
        &Options::default(),
    );
    let sentences = &report.documents[0].sentences;
    assert!(
        sentences.iter().any(|s| s.text.contains('\u{9225}')),
        "original text kept"
    );
    for s in sentences {
        assert_eq!(left.get(s.start..s.end), Some(s.text.as_str()));
        assert!(
            !s.clean.contains('\u{9225}'),
            "mojibake in clean {:?}",
            s.clean
        );
        assert!(!s.clean.contains("  ") && !s.clean.contains('\n'));
    }
    for link in &report.links {
        for span in &link.diff {
            if let Some([start, end]) = span.left {
                assert!(left.get(start..end).is_some());
            }
        }
    }
}

#[test]
fn clean_seeds_have_no_repairs() {
    for prefix in ["000_", "001_", "002_", "003_"] {
        let Some(original) = seed(prefix) else { return };
        let cleaned = clean(&original);
        eprintln!("seed {prefix} changes: {:?}", kinds(&cleaned));
        assert!(
            cleaned.changes().all(|c| c.kind != ChangeKind::Mojibake),
            "seed {prefix}"
        );
        assert_eq!(cleaned.text, tidy_reference(&original), "seed {prefix}");
    }
}

#[test]
fn onestopenglish_paragraphs_have_no_repairs() {
    let Some(path) = shared("eval/onestopenglish/onestopenglish.json") else {
        return;
    };
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let articles = json["articles"].as_object().expect("articles");
    let (mut texts, mut changed) = (0, 0);
    let mut totals: BTreeMap<ChangeKind, usize> = BTreeMap::new();
    for (name, levels) in articles {
        for level in ["ele", "int", "adv"] {
            for paragraph in levels[level].as_array().into_iter().flatten() {
                let paragraph = paragraph.as_str().expect("paragraph text");
                let cleaned = clean(paragraph);
                texts += 1;
                if !cleaned.is_unchanged() {
                    changed += 1;
                }
                for (kind, count) in kinds(&cleaned) {
                    *totals.entry(kind).or_insert(0) += count;
                }
                let repairs: Vec<&str> = cleaned
                    .changes()
                    .filter(|c| c.kind == ChangeKind::Mojibake)
                    .map(|c| &paragraph[c.original])
                    .collect();
                assert!(repairs.is_empty(), "{name}/{level}: repaired {repairs:?}");
                assert_eq!(cleaned.text, tidy_reference(paragraph), "{name}/{level}");
            }
        }
    }
    eprintln!("onestopenglish: {texts} paragraphs, {changed} changed, changes {totals:?}");
    assert!(texts > 1000);
}
