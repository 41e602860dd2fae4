//! The Snowball German stemmer, for lowercase words.
//!
//! A transcription of the Snowball `german.sbl` algorithm, working on `char`s so it cannot
//! slice a string inside a character. See <https://snowballstem.org/algorithms/german/stemmer.html>.

/// Stems one lowercase German word.
pub(crate) fn stem(word: &str) -> String {
    let mut w: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if c == 'ß' {
            w.extend(['s', 's']);
        } else {
            w.push(c);
        }
    }
    for i in 1..w.len().saturating_sub(1) {
        if is_vowel(w[i - 1]) && is_vowel(w[i + 1]) {
            match w[i] {
                'u' => w[i] = 'U',
                'y' => w[i] = 'Y',
                _ => {}
            }
        }
    }
    let (p1, p2) = regions(&w);
    step_1(&mut w, p1);
    step_2(&mut w, p1);
    step_3(&mut w, p1, p2);
    w.iter()
        .map(|&c| match c {
            'Y' => 'y',
            'U' | 'ü' => 'u',
            'ä' => 'a',
            'ö' => 'o',
            _ => c,
        })
        .collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü')
}

/// Letters after which a final `s` is an ending.
fn is_s_ending(c: char) -> bool {
    matches!(
        c,
        'b' | 'd' | 'f' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'r' | 't'
    )
}

/// Letters after which a final `st` is an ending.
fn is_st_ending(c: char) -> bool {
    c != 'r' && is_s_ending(c)
}

/// The index just past the first non-vowel that follows a vowel, at or after `from`.
fn after_vowel_consonant(w: &[char], from: usize) -> Option<usize> {
    let vowel = from + w.get(from..)?.iter().position(|&c| is_vowel(c))?;
    let consonant = vowel + w.get(vowel..)?.iter().position(|&c| !is_vowel(c))?;
    Some(consonant + 1)
}

/// The starts of regions R1 and R2; R1 starts no earlier than the fourth letter.
fn regions(w: &[char]) -> (usize, usize) {
    let n = w.len();
    if n < 3 {
        return (n, n);
    }
    let Some(p1) = after_vowel_consonant(w, 0) else {
        return (n, n);
    };
    // R2 is searched from R1's unadjusted start, as in the Snowball source.
    (p1.max(3), after_vowel_consonant(w, p1).unwrap_or(n))
}

fn ends(w: &[char], suffix: &str) -> bool {
    let k = suffix.chars().count();
    k <= w.len() && w[w.len() - k..].iter().copied().eq(suffix.chars())
}

/// The longest of `suffixes` that `w` ends with, and where it starts.
fn longest(w: &[char], suffixes: &[&'static str]) -> Option<(&'static str, usize)> {
    let suffix = suffixes
        .iter()
        .copied()
        .filter(|s| ends(w, s))
        .max_by_key(|s| s.len())?;
    Some((suffix, w.len() - suffix.chars().count()))
}

fn step_1(w: &mut Vec<char>, p1: usize) {
    let Some((suffix, start)) = longest(w, &["em", "ern", "er", "e", "en", "es", "s"]) else {
        return;
    };
    if start < p1 {
        return;
    }
    match suffix {
        "s" => {
            if start >= 1 && is_s_ending(w[start - 1]) {
                w.truncate(start);
            }
        }
        "e" | "en" | "es" => {
            w.truncate(start);
            if ends(w, "niss") {
                w.pop();
            }
        }
        _ => w.truncate(start),
    }
}

fn step_2(w: &mut Vec<char>, p1: usize) {
    let Some((suffix, start)) = longest(w, &["en", "er", "est", "st"]) else {
        return;
    };
    if start < p1 {
        return;
    }
    if suffix != "st" || (start >= 4 && is_st_ending(w[start - 1])) {
        w.truncate(start);
    }
}

fn step_3(w: &mut Vec<char>, p1: usize, p2: usize) {
    let suffixes = ["end", "ung", "ig", "ik", "isch", "lich", "heit", "keit"];
    let Some((suffix, start)) = longest(w, &suffixes) else {
        return;
    };
    if start < p2 {
        return;
    }
    let not_after_e = |w: &[char], at: usize| at == 0 || w[at - 1] != 'e';
    match suffix {
        "end" | "ung" => {
            w.truncate(start);
            if let Some((_, at)) = longest(w, &["ig"]) {
                if not_after_e(w, at) && at >= p2 {
                    w.truncate(at);
                }
            }
        }
        "ig" | "ik" | "isch" => {
            if not_after_e(w, start) {
                w.truncate(start);
            }
        }
        "lich" | "heit" => {
            w.truncate(start);
            if let Some((_, at)) = longest(w, &["er", "en"]) {
                if at >= p1 {
                    w.truncate(at);
                }
            }
        }
        _ => {
            w.truncate(start);
            if let Some((_, at)) = longest(w, &["lich", "ig"]) {
                if at >= p2 {
                    w.truncate(at);
                }
            }
        }
    }
}
