//! The Snowball English stemmer ("Porter2"), for lowercase words.
//!
//! A transcription of the Snowball `english.sbl` algorithm, working on `char`s so it cannot
//! slice a string inside a character. See <https://snowballstem.org/algorithms/english/stemmer.html>.

/// Stems one lowercase English word.
pub(crate) fn stem(word: &str) -> String {
    if let Some(stem) = exception1(word) {
        return stem.to_owned();
    }
    if word.chars().nth(2).is_none() {
        return word.to_owned();
    }
    // A word has at most as many characters as bytes: one allocation, no growing.
    let mut w: Vec<char> = Vec::with_capacity(word.len());
    w.extend(word.chars());
    prelude(&mut w);
    let (p1, p2) = regions(&w);
    step_1a(&mut w);
    if !is_exception2(&w) {
        step_1b(&mut w, p1);
        step_1c(&mut w);
        step_2(&mut w, p1);
        step_3(&mut w, p1, p2);
        step_4(&mut w, p2);
        step_5(&mut w, p1, p2);
    }
    let mut out = String::with_capacity(w.len());
    out.extend(w.iter().map(|&c| if c == 'Y' { 'y' } else { c }));
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Words with a fixed stem, checked before anything else.
fn exception1(word: &str) -> Option<&'static str> {
    Some(match word {
        "skis" => "ski",
        "skies" | "sky" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => return None,
    })
}

/// Words left alone after step 1a.
fn is_exception2(w: &[char]) -> bool {
    const WORDS: [&str; 8] = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ];
    // The words are ASCII: a word of another length in bytes has another length in letters.
    WORDS
        .iter()
        .any(|x| x.len() == w.len() && x.chars().eq(w.iter().copied()))
}

/// Drops a leading apostrophe and marks consonant `y` (initial or after a vowel) as `Y`.
fn prelude(w: &mut Vec<char>) {
    if w.first() == Some(&'\'') {
        w.remove(0);
    }
    if w.first() == Some(&'y') {
        w[0] = 'Y';
    }
    for i in 1..w.len() {
        if w[i] == 'y' && is_vowel(w[i - 1]) {
            w[i] = 'Y';
        }
    }
}

/// The index just past the first non-vowel that follows a vowel, at or after `from`.
fn after_vowel_consonant(w: &[char], from: usize) -> Option<usize> {
    let vowel = from + w.get(from..)?.iter().position(|&c| is_vowel(c))?;
    let consonant = vowel + w.get(vowel..)?.iter().position(|&c| !is_vowel(c))?;
    Some(consonant + 1)
}

/// The starts of regions R1 and R2 (the word's length when a region is empty).
fn regions(w: &[char]) -> (usize, usize) {
    let n = w.len();
    let prefix = ["gener", "commun", "arsen"]
        .iter()
        .find(|p| w.len() >= p.len() && w.iter().copied().take(p.len()).eq(p.chars()))
        .map(|p| p.len());
    let Some(p1) = prefix.or_else(|| after_vowel_consonant(w, 0)) else {
        return (n, n);
    };
    (p1, after_vowel_consonant(w, p1).unwrap_or(n))
}

fn ends(w: &[char], suffix: &str) -> bool {
    // From the last letter back: most suffixes tried differ there already.
    let mut rest = w;
    for c in suffix.chars().rev() {
        match rest.split_last() {
            Some((&last, before)) if last == c => rest = before,
            _ => return false,
        }
    }
    true
}

/// The longest of `suffixes` that `w` ends with.
fn longest<'s>(w: &[char], suffixes: &[&'s str]) -> Option<&'s str> {
    suffixes
        .iter()
        .copied()
        .filter(|s| ends(w, s))
        .max_by_key(|s| s.len())
}

fn replace_suffix(w: &mut Vec<char>, suffix_len: usize, with: &str) {
    w.truncate(w.len().saturating_sub(suffix_len));
    w.extend(with.chars());
}

/// Whether `w` ends in a short syllable.
fn ends_short_syllable(w: &[char]) -> bool {
    match *w {
        [.., a, b, c]
            if !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'Y') =>
        {
            true
        }
        [a, b] => is_vowel(a) && !is_vowel(b),
        _ => false,
    }
}

/// Step 0 (possessive apostrophes) and step 1a (plural `s`).
fn step_1a(w: &mut Vec<char>) {
    if let Some(s) = longest(w, &["'", "'s", "'s'"]) {
        replace_suffix(w, s.len(), "");
    }
    let n = w.len();
    match longest(w, &["sses", "ied", "ies", "s", "us", "ss"]) {
        Some("sses") => replace_suffix(w, 4, "ss"),
        Some("ied" | "ies") => replace_suffix(w, 3, if n > 4 { "i" } else { "ie" }),
        Some("s") if n >= 2 && w[..n - 2].iter().any(|&c| is_vowel(c)) => w.truncate(n - 1),
        _ => {}
    }
}

/// Past tense and gerund endings.
fn step_1b(w: &mut Vec<char>, p1: usize) {
    let n = w.len();
    match longest(w, &["eed", "eedly", "ed", "edly", "ing", "ingly"]) {
        Some(s @ ("eed" | "eedly")) if n - s.len() >= p1 => replace_suffix(w, s.len(), "ee"),
        // Not in R1: the word keeps its ending (and is not read as `-ed`).
        Some("eed" | "eedly") | None => {}
        Some(s) => {
            let stem_end = n - s.len();
            if !w[..stem_end].iter().any(|&c| is_vowel(c)) {
                return;
            }
            w.truncate(stem_end);
            if longest(w, &["at", "bl", "iz"]).is_some() {
                w.push('e');
            } else if longest(w, &["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]).is_some()
            {
                w.pop();
            } else if w.len() == p1 && ends_short_syllable(w) {
                w.push('e');
            }
        }
    }
}

/// Final `y` after a consonant (not the first letter) becomes `i`.
fn step_1c(w: &mut [char]) {
    let n = w.len();
    if n >= 3 && matches!(w[n - 1], 'y' | 'Y') && !is_vowel(w[n - 2]) {
        w[n - 1] = 'i';
    }
}

fn step_2(w: &mut Vec<char>, p1: usize) {
    const RULES: &[(&str, &str)] = &[
        ("tional", "tion"),
        ("enci", "ence"),
        ("anci", "ance"),
        ("abli", "able"),
        ("entli", "ent"),
        ("izer", "ize"),
        ("ization", "ize"),
        ("ational", "ate"),
        ("ation", "ate"),
        ("ator", "ate"),
        ("alism", "al"),
        ("aliti", "al"),
        ("alli", "al"),
        ("fulness", "ful"),
        ("ousli", "ous"),
        ("ousness", "ous"),
        ("iveness", "ive"),
        ("iviti", "ive"),
        ("biliti", "ble"),
        ("bli", "ble"),
        ("ogi", "og"),
        ("fulli", "ful"),
        ("lessli", "less"),
        ("li", ""),
    ];
    let Some(&(suffix, with)) = RULES
        .iter()
        .filter(|(s, _)| ends(w, s))
        .max_by_key(|(s, _)| s.len())
    else {
        return;
    };
    let start = w.len() - suffix.len();
    if start < p1 {
        return;
    }
    let before = start.checked_sub(1).map(|i| w[i]);
    let allowed = match suffix {
        "ogi" => before == Some('l'),
        "li" => matches!(
            before,
            Some('c' | 'd' | 'e' | 'g' | 'h' | 'k' | 'm' | 'n' | 'r' | 't')
        ),
        _ => true,
    };
    if allowed {
        replace_suffix(w, suffix.len(), with);
    }
}

fn step_3(w: &mut Vec<char>, p1: usize, p2: usize) {
    const RULES: &[(&str, &str)] = &[
        ("tional", "tion"),
        ("ational", "ate"),
        ("alize", "al"),
        ("icate", "ic"),
        ("iciti", "ic"),
        ("ical", "ic"),
        ("ful", ""),
        ("ness", ""),
        ("ative", ""),
    ];
    let Some(&(suffix, with)) = RULES
        .iter()
        .filter(|(s, _)| ends(w, s))
        .max_by_key(|(s, _)| s.len())
    else {
        return;
    };
    let start = w.len() - suffix.len();
    if start >= p1 && (suffix != "ative" || start >= p2) {
        replace_suffix(w, suffix.len(), with);
    }
}

fn step_4(w: &mut Vec<char>, p2: usize) {
    const SUFFIXES: &[&str] = &[
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ];
    let Some(suffix) = longest(w, SUFFIXES) else {
        return;
    };
    let start = w.len() - suffix.len();
    if start < p2 {
        return;
    }
    if suffix != "ion" || (start >= 1 && matches!(w[start - 1], 's' | 't')) {
        w.truncate(start);
    }
}

fn step_5(w: &mut Vec<char>, p1: usize, p2: usize) {
    let Some(&last) = w.last() else {
        return;
    };
    let start = w.len() - 1;
    let delete = match last {
        'e' => start >= p2 || (start >= p1 && !ends_short_syllable(&w[..start])),
        'l' => start >= p2 && start >= 1 && w[start - 1] == 'l',
        _ => false,
    };
    if delete {
        w.truncate(start);
    }
}
