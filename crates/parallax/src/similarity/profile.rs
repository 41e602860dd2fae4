//! A sentence's lexical profile: content stems, 4-grams, numbers, names, quoted words.

use crate::tokenize::{Token, TokenKind};

/// Dice overlap of the two sentences' content words: `2·|L∩R| / (|L| + |R|)`.
///
/// Words match on their stems ([`Token::stem`]), so `opened` meets `opens` and `Kim’s` meets
/// `Kim`; stop words and punctuation never count. Returns 0 when either side has no content words.
///
/// # Example: shared words raise the score
///
/// ```
/// use parallax::{similarity::word_overlap, tokenize::tokenize};
/// let left = "The bridge opened on Monday.";
/// let right = "On Monday the new bridge opened.";
/// let score = word_overlap(&tokenize(left, 0..left.len()), &tokenize(right, 0..right.len()));
/// assert!((score - 6.0 / 7.0).abs() < 1e-9);
/// ```
///
/// # Example: inflected forms match
///
/// ```
/// use parallax::{similarity::word_overlap, tokenize::tokenize};
/// let left = "Officials negotiated Kim’s release.";
/// let right = "The official negotiations freed Kim.";
/// let score = word_overlap(&tokenize(left, 0..left.len()), &tokenize(right, 0..right.len()));
/// // offici, negoti and kim are shared; releas and freed are not.
/// assert!((score - 6.0 / 8.0).abs() < 1e-9);
/// ```
pub fn word_overlap(left: &[Token], right: &[Token]) -> f64 {
    word_overlap_of(left, right)
}

/// [`word_overlap`] of two token lists held any way (borrowed or owned tokens).
pub(crate) fn word_overlap_of<'t>(
    left: impl IntoIterator<Item = &'t Token>,
    right: impl IntoIterator<Item = &'t Token>,
) -> f64 {
    let left = content_set(left);
    let right = content_set(right);
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let shared = super::shared(&left, &right);
    2.0 * shared as f64 / (left.len() + right.len()) as f64
}

/// The ids of the distinct stems of the content tokens, sorted (ids, not strings: sorting
/// strings costs a string comparison call per step in wasm).
fn content_set<'t>(tokens: impl IntoIterator<Item = &'t Token>) -> Vec<Id> {
    let mut stems: Vec<Id> = tokens
        .into_iter()
        .filter(|t| t.is_content())
        .map(|t| id(&t.stem))
        .collect();
    crate::order::sort_ids(&mut stems);
    stems.dedup();
    stems
}

/// Number words that articles also write as digits (English and German, two to twelve and
/// the round tens); `one` and `ein` are left out because they are mostly pronouns and articles.
/// Sorted by bytes, for [`number_word`]'s binary search.
pub(super) const NUMBER_WORDS: &[(&str, &str)] = &[
    ("acht", "8"),
    ("drei", "3"),
    ("dreißig", "30"),
    ("eight", "8"),
    ("eleven", "11"),
    ("elf", "11"),
    ("fifty", "50"),
    ("five", "5"),
    ("forty", "40"),
    ("four", "4"),
    ("fünf", "5"),
    ("hundert", "100"),
    ("hundred", "100"),
    ("neun", "9"),
    ("nine", "9"),
    ("sechs", "6"),
    ("seven", "7"),
    ("sieben", "7"),
    ("six", "6"),
    ("ten", "10"),
    ("thirty", "30"),
    ("three", "3"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("two", "2"),
    ("vier", "4"),
    ("zehn", "10"),
    ("zwanzig", "20"),
    ("zwei", "2"),
    ("zwölf", "12"),
];

/// The digits a number word stands for, if it is one.
pub(super) fn number_word(norm: &str) -> Option<&'static str> {
    // Byte by byte, as the list is sorted: no string comparison call per probe.
    NUMBER_WORDS
        .binary_search_by(|(word, _)| word.bytes().cmp(norm.bytes()))
        .ok()
        .and_then(|at| NUMBER_WORDS.get(at))
        .map(|(_, digits)| *digits)
}

/// Length of the character n-grams that catch spelling variants, compounds and damaged words.
pub(super) const GRAM: usize = 4;

/// A stem, an n-gram or a word pair as a 64-bit hash (FNV-1a: stable across runs and platforms).
pub(super) type Id = u64;

/// What the similarity features need to know about one sentence (or a run of sentences).
///
/// Built once per sentence from its tokens; [`Profile::merge`] joins the profiles of a run of
/// sentences. Everything is kept as sorted hash lists, so comparing two profiles is a few
/// linear merges without allocation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// Content stems with their counts, sorted by id.
    pub(super) terms: Vec<(Id, u32)>,
    /// Stems of every word, stop words included, with their counts, sorted by id.
    pub(super) words_all: Vec<(Id, u32)>,
    /// Character 4-grams of content words, sorted, without repeats.
    pub(super) grams: Vec<Id>,
    /// Consecutive content-stem pairs, sorted, without repeats.
    pub(super) bigrams: Vec<Id>,
    /// Consecutive word triples of the folded text, stop words included, sorted, no repeats.
    pub(super) trigrams: Vec<Id>,
    /// Numbers (their stems: `11,000` → `11000`; `three` → `3`), sorted, no repeats.
    pub(super) numbers: Vec<Id>,
    /// Stems of names and acronyms, sorted, no repeats.
    pub(super) names: Vec<Id>,
    /// Content stems inside quotation marks, sorted, no repeats.
    pub(super) quoted: Vec<Id>,
    /// Stems of the speakers it names (`Ukraine said`, `according to X`), sorted, no repeats.
    pub(super) speakers: Vec<Id>,
    /// When it says its event happened.
    pub(super) when: super::cues::When,
    /// The folded words, numbers and marks without quote marks, for spotting identical text.
    /// Each followed by the unit separator `\u{1f}`, so the surface of a run of sentences is
    /// their surfaces one after the other.
    pub(super) surface: String,
    /// Hash of `surface`.
    pub(super) surface_id: Id,
    /// Number of content words and numbers (with repeats).
    pub(super) content: usize,
    /// Number of words and numbers.
    pub(super) words: usize,
    /// The first word is a connective (`and`, `but`, `und`, `deshalb`): it continues the
    /// sentence before.
    pub(super) opens_with_connective: bool,
    /// The last mark is a colon: it introduces the sentence after.
    pub(super) ends_with_colon: bool,
}

/// Words that, opening a sentence, make it continue the one before (English and German).
pub(super) const CONNECTIVES: &[&str] = &[
    "also", "and", "aber", "auch", "because", "but", "dann", "darum", "denn", "deshalb", "doch",
    "oder", "or", "so", "sondern", "then", "und", "yet",
];

impl Profile {
    /// Profiles a sentence (or the concatenated tokens of several sentences).
    ///
    /// # Example: what counts
    ///
    /// ```
    /// use parallax::{similarity::Profile, tokenize::tokenize};
    /// let text = "NATO said the 2 ships were “hunting submarines” today.";
    /// let profile = Profile::new(&tokenize(text, 0..text.len()));
    /// // nato, 2, ships, hunting, submarines, today (`said` is a stop word)
    /// assert_eq!(profile.content_len(), 6);
    /// assert_eq!(profile.word_len(), 9);
    /// ```
    pub fn new(tokens: &[Token]) -> Self {
        // Sized once up front: a sentence has at most one id per token in each list, and a
        // word of n characters at most n - 1 grams (and one at least).
        let count = tokens.len();
        let bytes: usize = tokens.iter().map(|t| t.norm.len() + 1).sum();
        let mut terms: Vec<Id> = Vec::with_capacity(count);
        let mut all: Vec<Id> = Vec::with_capacity(count);
        let mut profile = Profile {
            surface: String::with_capacity(bytes),
            grams: Vec::with_capacity(bytes),
            ..Profile::default()
        };
        let mut sequence: Vec<Id> = Vec::with_capacity(count);
        let mut words: Vec<Id> = Vec::with_capacity(count);
        let mut in_quote = false;
        let mut chars = Vec::with_capacity(bytes);
        for token in tokens {
            match token.kind {
                TokenKind::Quote => {
                    if is_double_quote(&token.norm) {
                        in_quote = !in_quote;
                    }
                    continue;
                }
                TokenKind::Punct => {
                    push_surface(&mut profile.surface, &token.norm);
                    continue;
                }
                TokenKind::Word | TokenKind::Number => {}
            }
            profile.words += 1;
            push_surface(&mut profile.surface, &token.norm);
            // Each distinct string hashed once: many words are their own stem.
            let stem_id = (!token.stem.is_empty()).then(|| id(&token.stem));
            if token.norm.chars().next().is_some_and(char::is_alphanumeric) {
                words.push(match stem_id {
                    Some(stem) if token.norm == token.stem => stem,
                    _ => id(&token.norm),
                });
            }
            let Some(stem_id) = stem_id else {
                continue;
            };
            all.push(stem_id);
            let spelled = number_word(&token.norm);
            if !token.is_content() && spelled.is_none() {
                continue;
            }
            let stem = spelled.map_or(stem_id, id);
            terms.push(stem);
            sequence.push(stem);
            profile.content += 1;
            if token.kind == TokenKind::Number || spelled.is_some() {
                profile.numbers.push(stem);
            } else {
                push_grams(&token.norm, &mut chars, &mut profile.grams);
            }
            if token.name {
                profile.names.push(stem);
            }
            if in_quote {
                profile.quoted.push(stem);
            }
        }
        profile.terms = counted(terms);
        profile.words_all = counted(all);
        profile.bigrams = sequence.windows(2).map(|w| pair_id(w[0], w[1])).collect();
        profile.trigrams = words
            .windows(3)
            .map(|w| pair_id(pair_id(w[0], w[1]), w[2]))
            .collect();
        profile.surface_id = fnv(profile.surface.bytes());
        profile.speakers = super::cues::speakers(tokens);
        profile.when = super::cues::when(tokens);
        profile.opens_with_connective = tokens
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| CONNECTIVES.contains(&t.norm.as_str()));
        profile.ends_with_colon = tokens
            .iter()
            .rev()
            .find(|t| t.kind != TokenKind::Quote)
            .is_some_and(|t| t.norm == ":");
        for set in [
            &mut profile.grams,
            &mut profile.bigrams,
            &mut profile.trigrams,
            &mut profile.numbers,
            &mut profile.names,
            &mut profile.quoted,
            &mut profile.speakers,
        ] {
            crate::order::sort_ids(set);
            set.dedup();
        }
        profile
    }

    /// The profile of several sentences read one after the other.
    ///
    /// Counts add up and sets unite; word pairs and triples across a sentence boundary are not
    /// formed.
    ///
    /// # Example: a split sentence, joined again
    ///
    /// ```
    /// use parallax::{similarity::Profile, tokenize::tokenize};
    /// let profile = |t: &str| Profile::new(&tokenize(t, 0..t.len()));
    /// let joined = Profile::merge(&[&profile("Rain fell."), &profile("Roads flooded.")]);
    /// let whole = profile("Rain fell. Roads flooded.");
    /// assert_eq!(joined.content_len(), whole.content_len());
    /// assert!(joined.same_surface(&whole));
    /// ```
    pub fn merge(parts: &[&Profile]) -> Profile {
        // Every list of a profile is sorted without repeats: the parts' lists are merged in
        // one pass each, not joined and sorted again.
        let union = |list: fn(&Profile) -> &[Id]| {
            parts
                .iter()
                .fold(Vec::new(), |acc: Vec<Id>, p| united(&acc, list(p)))
        };
        let sum = |list: fn(&Profile) -> &[(Id, u32)]| {
            parts
                .iter()
                .fold(Vec::new(), |acc: Vec<(Id, u32)>, p| added(&acc, list(p)))
        };
        let mut merged = Profile {
            terms: sum(|p| &p.terms),
            words_all: sum(|p| &p.words_all),
            grams: union(|p| &p.grams),
            bigrams: union(|p| &p.bigrams),
            trigrams: union(|p| &p.trigrams),
            numbers: union(|p| &p.numbers),
            names: union(|p| &p.names),
            quoted: union(|p| &p.quoted),
            speakers: union(|p| &p.speakers),
            surface: String::with_capacity(parts.iter().map(|p| p.surface.len()).sum()),
            ..Profile::default()
        };
        for part in parts {
            merged.when = merged.when.or(part.when);
            merged.surface.push_str(&part.surface);
            merged.content += part.content;
            merged.words += part.words;
        }
        merged.surface_id = fnv(merged.surface.bytes());
        merged.opens_with_connective = parts.first().is_some_and(|p| p.opens_with_connective);
        merged.ends_with_colon = parts.last().is_some_and(|p| p.ends_with_colon);
        merged
    }

    /// Number of content words and numbers (with repeats).
    pub fn content_len(&self) -> usize {
        self.content
    }

    /// Number of words and numbers, stop words included.
    pub fn word_len(&self) -> usize {
        self.words
    }

    /// Whether the two profiles have the same words, numbers and marks in the same order,
    /// ignoring case, quote marks and spacing.
    pub fn same_surface(&self, other: &Profile) -> bool {
        self.surface_id == other.surface_id && self.surface == other.surface
    }

    /// Whether the first word is a connective that continues the sentence before.
    pub fn opens_with_connective(&self) -> bool {
        self.opens_with_connective
    }

    /// Whether the last mark is a colon that introduces the sentence after.
    pub fn ends_with_colon(&self) -> bool {
        self.ends_with_colon
    }

    /// The ids of the distinct content stems, sorted.
    pub(crate) fn term_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.terms.iter().map(|&(stem, _)| stem)
    }
}

pub(super) fn is_double_quote(norm: &str) -> bool {
    matches!(norm, "\"" | "«" | "»" | "„" | "‹" | "›")
}

/// Each id once with how often it occurs, sorted by id.
pub(super) fn counted(mut ids: Vec<Id>) -> Vec<(Id, u32)> {
    crate::order::sort_ids(&mut ids);
    let mut out: Vec<(Id, u32)> = Vec::with_capacity(ids.len());
    for stem in ids {
        match out.last_mut() {
            Some((last, count)) if *last == stem => *count += 1,
            _ => out.push((stem, 1)),
        }
    }
    out
}

/// The union of two sorted lists without repeats, sorted without repeats.
fn united(left: &[Id], right: &[Id]) -> Vec<Id> {
    merged(left, right, |&id| id, |a, _| a)
}

/// Two sorted `(id, count)` lists without repeated ids as one, the counts of an id in both
/// added up.
fn added(left: &[(Id, u32)], right: &[(Id, u32)]) -> Vec<(Id, u32)> {
    merged(left, right, |e| e.0, |a, b| (a.0, a.1 + b.1))
}

/// Two lists sorted by `key` without repeated keys as one such list, in one pass; an entry
/// whose key both hold is `both` of the two.
fn merged<T: Copy>(
    left: &[T],
    right: &[T],
    key: impl Fn(&T) -> Id,
    both: impl Fn(T, T) -> T,
) -> Vec<T> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (0, 0);
    while let (Some(&a), Some(&b)) = (left.get(l), right.get(r)) {
        let (ka, kb) = (key(&a), key(&b));
        out.push(match ka.cmp(&kb) {
            std::cmp::Ordering::Less => a,
            std::cmp::Ordering::Greater => b,
            std::cmp::Ordering::Equal => both(a, b),
        });
        l += usize::from(ka <= kb);
        r += usize::from(kb <= ka);
    }
    out.extend_from_slice(left.get(l..).unwrap_or_default());
    out.extend_from_slice(right.get(r..).unwrap_or_default());
    out
}

/// Appends the hashes of the character 4-grams of `word`, padded with a space on each side;
/// a word of up to four characters gives one gram, itself. `chars` is scratch space, reused
/// from word to word.
fn push_grams(word: &str, chars: &mut Vec<char>, out: &mut Vec<Id>) {
    chars.clear();
    chars.push(' ');
    chars.extend(word.chars());
    chars.push(' ');
    if chars.len() <= GRAM + 2 {
        out.push(fnv_chars(chars));
        return;
    }
    for window in chars.windows(GRAM) {
        out.push(fnv_chars(window));
    }
}

/// 64-bit FNV-1a over bytes.
pub(super) fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut hash: u64 = FNV_OFFSET;
    for byte in bytes {
        hash = fnv_step(hash, byte);
    }
    hash
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

/// [`fnv`] over the little-endian bytes of each character's code.
pub(super) fn fnv_chars(chars: &[char]) -> u64 {
    let mut hash = FNV_OFFSET;
    for &c in chars {
        let code = u32::from(c);
        if code < 0x100 {
            // The three high bytes are zero, and a zero byte's step is only the multiply:
            // four steps are one xor and one multiply by the prime's fourth power.
            hash = (hash ^ u64::from(code)).wrapping_mul(FNV_PRIME_4);
        } else {
            for byte in code.to_le_bytes() {
                hash = fnv_step(hash, byte);
            }
        }
    }
    hash
}

/// The FNV prime to the fourth power (wrapping): the multiplies of one byte's step and of
/// three zero bytes' steps after it.
const FNV_PRIME_4: u64 = FNV_PRIME
    .wrapping_mul(FNV_PRIME)
    .wrapping_mul(FNV_PRIME)
    .wrapping_mul(FNV_PRIME);

/// [`fnv`] over chunks of bytes one after the other, in plain loops (a flattened byte
/// iterator does not compile to them).
fn fnv_chunks<const N: usize>(chunks: impl Iterator<Item = [u8; N]>) -> u64 {
    let mut hash = FNV_OFFSET;
    for chunk in chunks {
        for byte in chunk {
            hash = fnv_step(hash, byte);
        }
    }
    hash
}

/// The id of a stem.
pub(super) fn id(text: &str) -> Id {
    fnv(text.bytes())
}

/// The id of an ordered pair of ids.
pub(super) fn pair_id(first: Id, second: Id) -> Id {
    fnv_chunks([first.to_le_bytes(), second.to_le_bytes()].into_iter())
}

/// Appends a word, number or mark to a surface, with its separator.
fn push_surface(surface: &mut String, norm: &str) {
    surface.push_str(norm);
    surface.push('\u{1f}');
}
