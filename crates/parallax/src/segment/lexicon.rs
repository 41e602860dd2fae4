//! Word lists the sentence scanner and the kind classifier consult.
//!
//! Every list is lowercase and sorted, so lookups are binary searches; a unit test checks
//! the order. Abbreviations are stored without their final full stop ("u.s" for "U.S.").

/// Titles before a name, which never end a sentence ("Mr. Smith", "Gen. Ames"); only when
/// capitalised, since some are also words ("reps.", "col.").
pub(super) const TITLES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cdr", "cllr", "cmdr", "col", "comdr", "cpl", "cpt",
    "det", "dipl", "dr", "drs", "fr", "frl", "gen", "gov", "govs", "hon", "hr", "hrn", "insp",
    "lieut", "lt", "maj", "messrs", "mlle", "mme", "mmes", "mr", "mrs", "ms", "msgr", "mssrs",
    "mt", "mx", "pfc", "pres", "prof", "profs", "pte", "pvt", "rep", "reps", "rev", "revd", "rt",
    "sec", "secy", "sen", "sens", "sgt", "sra", "srta", "supt", "treas",
];

/// Abbreviations that never end a sentence, in any case: Latin and German
/// sentence-internal abbreviations ("e.g. the", "z.B. ein", "bzw.").
pub(super) const INNER: &[&str] = &[
    "abzgl", "approx", "bspw", "bzgl", "bzw", "ca", "cf", "d.h", "dt", "e.g", "ehem", "esp",
    "evtl", "ggf", "ggü", "hl", "hrsg", "i.a", "i.d.r", "i.e", "incl", "inkl", "o.ä", "resp",
    "s.o", "s.u", "sog", "u.a", "u.u", "u.ä", "v.a", "vgl", "viz", "vs", "z.b", "z.t", "zzgl",
];

/// Abbreviations that do not end a sentence when a number follows ("No. 5", "p. 55").
pub(super) const BEFORE_NUMBER: &[&str] = &[
    "abs", "art", "bd", "ch", "chap", "ext", "fig", "figs", "kap", "no", "nos", "nr", "nrn", "num",
    "n°", "nº", "op", "p", "para", "pp", "pt", "pts", "s", "sec", "secs", "ser", "tab", "tel",
    "vol", "vols", "ziff",
];

/// Month abbreviations: no boundary before a day number ("Jan. 14"), a boundary otherwise.
pub(super) const MONTH_ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "dec", "dez", "feb", "jan", "jul", "jun", "mar", "mär", "nov", "oct", "okt",
    "sep", "sept",
];

/// Abbreviations that may end a sentence; they do when the next word starts a sentence
/// ("Briggs & Co. It closed" but "Co. at noon", "St. Michael's").
pub(super) const POSTPOSITIVE: &[&str] = &[
    "al", "assn", "av", "ave", "blvd", "bros", "chr", "co", "corp", "cos", "dept", "etc", "ft",
    "govt", "hrs", "hwy", "ibid", "inc", "intl", "jh", "jhd", "jr", "llc", "llp", "ltd", "mfg",
    "mio", "mrd", "natl", "pl", "plc", "rd", "sq", "sr", "st", "ste", "tsd", "univ", "usw", "wk",
    "yr", "yrs",
];

/// Abbreviations that may end a sentence but count only when capitalised, since they are
/// also words: US states in AP style ("Calif.", but "ill.", "wash."), weekdays ("Wed.",
/// but "the sun.").
pub(super) const CAPITALISED: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "dist", "div", "est", "fla", "fri", "ga",
    "ill", "ind", "kan", "kans", "ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "mon",
    "mont", "neb", "nev", "okla", "ore", "pa", "sat", "sun", "tenn", "tex", "thu", "thur", "thurs",
    "tue", "tues", "va", "vt", "wash", "wed", "wis", "wyo",
];

/// Words that typically begin a sentence: after an ambiguous abbreviation ("U.S.", "Co.",
/// an initial) one of these means the abbreviation also ended the sentence.
pub(super) const STARTERS: &[&str] = &[
    "a",
    "aber",
    "according",
    "after",
    "all",
    "allerdings",
    "als",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "as",
    "at",
    "auch",
    "auf",
    "außerdem",
    "because",
    "before",
    "bei",
    "both",
    "but",
    "by",
    "can",
    "could",
    "daher",
    "damit",
    "dann",
    "das",
    "dem",
    "den",
    "denn",
    "der",
    "des",
    "deshalb",
    "despite",
    "did",
    "die",
    "dies",
    "diese",
    "dieser",
    "dieses",
    "do",
    "doch",
    "does",
    "dr",
    "during",
    "each",
    "earlier",
    "ein",
    "eine",
    "einem",
    "einen",
    "er",
    "es",
    "even",
    "every",
    "few",
    "for",
    "from",
    "furthermore",
    "für",
    "gestern",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "heute",
    "his",
    "how",
    "however",
    "i",
    "ich",
    "if",
    "ihr",
    "im",
    "in",
    "indeed",
    "instead",
    "is",
    "it",
    "its",
    "jetzt",
    "last",
    "later",
    "laut",
    "let",
    "like",
    "man",
    "many",
    "may",
    "meanwhile",
    "might",
    "mit",
    "more",
    "moreover",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "nach",
    "nevertheless",
    "next",
    "no",
    "noch",
    "none",
    "not",
    "now",
    "nun",
    "oder",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "please",
    "seit",
    "several",
    "shall",
    "she",
    "should",
    "sie",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "today",
    "tomorrow",
    "trotzdem",
    "und",
    "under",
    "unlike",
    "until",
    "vor",
    "warum",
    "was",
    "we",
    "wenn",
    "wer",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "wie",
    "will",
    "wir",
    "with",
    "without",
    "wo",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
    "zudem",
    "zum",
    "zur",
];

/// Words that open a time phrase at the start of a sentence ("At 5 a.m. Mr. Smith left").
pub(super) const TIME_PREPOSITIONS: &[&str] = &[
    "ab", "about", "after", "around", "at", "before", "between", "bis", "by", "early", "from",
    "gegen", "just", "late", "nach", "on", "seit", "shortly", "since", "starting", "till", "um",
    "until", "vor",
];

/// German words before an ordinal number ("am 3. Oktober", "der 2. Weltkrieg").
pub(super) const ORDINAL_CONTEXT: &[&str] = &[
    "am", "beim", "bis", "das", "dein", "deinem", "deinen", "deiner", "dem", "den", "der", "des",
    "die", "diesem", "dieser", "ein", "eine", "einem", "einen", "einer", "eines", "ihr", "ihrem",
    "ihren", "ihrer", "im", "jede", "jedem", "jeden", "jeder", "jedes", "mein", "meinem", "meinen",
    "meiner", "oder", "sein", "seinem", "seinen", "seiner", "seit", "und", "unser", "unserem",
    "unseren", "unserer", "vom", "zum", "zur", "zwischen",
];

/// German nouns that follow an ordinal number ("im 19. Jahrhundert", "zum 3. Mal").
pub(super) const ORDINAL_NOUNS: &[&str] = &[
    "advent",
    "auflage",
    "bundesliga",
    "etage",
    "geburtstag",
    "geburtstags",
    "jahrestag",
    "jahrestages",
    "jahrhundert",
    "jahrhunderts",
    "jahrtausend",
    "jahrtausends",
    "klasse",
    "liga",
    "mal",
    "obergeschoss",
    "platz",
    "runde",
    "stelle",
    "stock",
    "tag",
    "weltkrieg",
    "weltkrieges",
    "weltkriegs",
    "woche",
];

/// Month names and abbreviations, English and German.
pub(super) const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "dez",
    "dezember",
    "feb",
    "februar",
    "february",
    "jan",
    "januar",
    "january",
    "jul",
    "juli",
    "july",
    "jun",
    "june",
    "juni",
    "jänner",
    "mai",
    "mar",
    "march",
    "may",
    "mär",
    "märz",
    "nov",
    "november",
    "oct",
    "october",
    "okt",
    "oktober",
    "sep",
    "sept",
    "september",
];

/// Weekday names and abbreviations, English and German.
pub(super) const WEEKDAYS: &[&str] = &[
    "dienstag",
    "donnerstag",
    "freitag",
    "fri",
    "friday",
    "mittwoch",
    "mon",
    "monday",
    "montag",
    "samstag",
    "sat",
    "saturday",
    "sonntag",
    "sun",
    "sunday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
];

/// Words that may stand in a date line besides dates ("Published 10:15 a.m. ET").
pub(super) const DATE_FILLER: &[&str] = &[
    "a",
    "aktualisiert",
    "am",
    "at",
    "bst",
    "cest",
    "cet",
    "edt",
    "est",
    "et",
    "gmt",
    "ist",
    "jst",
    "kst",
    "last",
    "m",
    "modified",
    "msk",
    "on",
    "p",
    "pdt",
    "pm",
    "posted",
    "pst",
    "pt",
    "published",
    "stand",
    "uhr",
    "um",
    "updated",
    "utc",
    "veröffentlicht",
];

/// News agencies and staff roles that make a short line a byline ("…, The Associated Press").
pub(super) const AGENCIES: &[&str] = &[
    "afp",
    "agence france-presse",
    "agencies",
    "ansa",
    "ap",
    "associated press",
    "bloomberg",
    "bureau chief",
    "columnist",
    "contributor",
    "correspondent",
    "dpa",
    "editor",
    "efe",
    "kyodo",
    "kyodo news",
    "reporter",
    "reuters",
    "staff",
    "staff reporter",
    "staff writer",
    "tass",
    "upi",
    "writer",
    "xinhua",
    "yonhap",
];

/// Whole lines that are page furniture, normalised (lowercase, punctuation as spaces).
pub(super) const FURNITURE: &[&str] = &[
    "about us",
    "accept",
    "accept all",
    "ad",
    "add a comment",
    "advertisement",
    "advertising",
    "anzeige",
    "back to top",
    "close",
    "close menu",
    "collapse",
    "comment",
    "comments",
    "contact us",
    "continue reading",
    "cookie policy",
    "cookie settings",
    "copy link",
    "email",
    "enlarge",
    "expand",
    "follow us",
    "gallery",
    "hide caption",
    "hide comments",
    "home",
    "jump to content",
    "kommentare",
    "latest news",
    "leave a comment",
    "leave a reply",
    "link copied",
    "live",
    "load more",
    "loading",
    "log in",
    "login",
    "main menu",
    "manage cookies",
    "mehr lesen",
    "menu",
    "more",
    "more stories",
    "most popular",
    "most read",
    "newsletter",
    "next",
    "next article",
    "next story",
    "open menu",
    "post a comment",
    "previous",
    "previous article",
    "print",
    "privacy policy",
    "read less",
    "read more",
    "recommended",
    "recommended for you",
    "register",
    "reject all",
    "related",
    "related articles",
    "related content",
    "related stories",
    "related topics",
    "reply",
    "save",
    "schließen",
    "search",
    "see more",
    "share",
    "share article",
    "share this",
    "share this article",
    "share this story",
    "show comments",
    "show more",
    "sign in",
    "sign up",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "sponsored",
    "sponsored content",
    "startseite",
    "subscribe",
    "subscribe now",
    "suche",
    "teilen",
    "terms of service",
    "terms of use",
    "toggle caption",
    "top stories",
    "trending",
    "trending now",
    "video",
    "view comments",
    "weiterlesen",
    "werbung",
    "you may also like",
    "you might also like",
    "zum inhalt springen",
];

/// Beginnings of furniture lines, normalised ("Share on Facebook", "Sign up for our …").
pub(super) const FURNITURE_PREFIXES: &[&str] = &[
    "advertisement ",
    "all rights reserved",
    "also read",
    "back to ",
    "by continuing to use",
    "click here",
    "comments ",
    "copyright ",
    "download the ",
    "filed under",
    "follow us ",
    "get our ",
    "get the latest",
    "join our ",
    "listen to article",
    "listen to this article",
    "more from ",
    "our standards",
    "posted in ",
    "read also",
    "read more ",
    "related ",
    "see also",
    "share on ",
    "share this ",
    "share via ",
    "sign up for ",
    "sign up to ",
    "skip to ",
    "subscribe to ",
    "tags ",
    "this site uses cookies",
    "this website uses cookies",
    "topics ",
    "we use cookies",
    "you may also like",
];

/// Words of a share bar ("Share Facebook Twitter Email").
pub(super) const SHARE_WORDS: &[&str] = &[
    "article",
    "bluesky",
    "bookmark",
    "comment",
    "comments",
    "copy",
    "email",
    "facebook",
    "flipboard",
    "link",
    "linkedin",
    "mail",
    "mastodon",
    "messenger",
    "on",
    "pinterest",
    "print",
    "reddit",
    "save",
    "share",
    "sms",
    "telegram",
    "this",
    "threads",
    "tweet",
    "twitter",
    "via",
    "whatsapp",
    "x",
];

/// Words of a navigation bar ("Home News World Sport").
pub(super) const NAV_WORDS: &[&str] = &[
    "africa",
    "americas",
    "asia",
    "business",
    "culture",
    "economy",
    "entertainment",
    "europe",
    "health",
    "home",
    "latest",
    "lifestyle",
    "live",
    "local",
    "markets",
    "menu",
    "more",
    "news",
    "opinion",
    "politics",
    "science",
    "search",
    "sport",
    "sports",
    "tech",
    "technology",
    "travel",
    "uk",
    "us",
    "video",
    "weather",
    "world",
];

/// Substrings (lowercase) that mark a photo caption or credit.
pub(super) const PHOTO_MARKERS: &[&str] = &[
    "(file photo",
    "(illustration",
    "(photo",
    "/afp",
    "/ap photo",
    "/epa",
    "/getty",
    "/pool",
    "/reuters",
    "/xinhua",
    "afp via",
    "ap photo",
    "credit:",
    "dpa/",
    "epa-efe",
    "file photo",
    "foto:",
    "getty images",
    "illustration:",
    "image credit",
    "image:",
    "kcna via",
    "photo by",
    "photo courtesy",
    "photo credit",
    "photo illustration",
    "photo via",
    "photo/",
    "photo:",
    "photograph by",
    "photograph:",
    "photographer:",
    "photos by",
    "photos:",
    "picture alliance",
    "picture-alliance",
    "picture:",
    "pictured:",
    "pool photo",
    "pool via",
    "reuters/",
    "shutterstock",
    "via afp",
    "via ap)",
    "via getty",
    "via kcna",
    "via reuters",
    "via yonhap",
    "xinhua/",
];

/// Words of a position label in a photo caption: "(L)", "(2nd from R)", "(front L)".
pub(super) const POSITION_WORDS: &[&str] = &[
    "1st", "2nd", "3rd", "4th", "5th", "back", "bottom", "c", "center", "centre", "fourth", "from",
    "front", "hinten", "l", "left", "links", "mitte", "oben", "r", "rear", "rechts", "right",
    "row", "second", "third", "to", "top", "unten", "von", "vorne",
];

/// Position words that must occur in a position label.
pub(super) const POSITION_SIDES: &[&str] = &[
    "c", "center", "centre", "l", "left", "links", "mitte", "r", "rechts", "right",
];

/// Small words that title case leaves lowercase.
pub(super) const SMALL_WORDS: &[&str] = &[
    "a", "amid", "an", "and", "as", "at", "but", "by", "das", "de", "der", "die", "for", "from",
    "in", "into", "nor", "of", "on", "or", "over", "per", "than", "the", "to", "und", "van", "via",
    "von", "vs", "with",
];

/// Whether `word` (already lowercase) is in the sorted list `list`.
pub(super) fn contains(list: &[&str], word: &str) -> bool {
    // Byte by byte: the order of `str`, without a `memcmp` call per probe (the words are short).
    list.binary_search_by(|probe| probe.bytes().cmp(word.bytes()))
        .is_ok()
}

/// A sorted word list with, for each byte, the run of its entries that start with that byte:
/// what [`contains_any_folded`] looks up at each byte of a text; and the set of the entries'
/// first two bytes, which rules out most positions with one bit test.
pub(super) struct Markers {
    list: &'static [&'static str],
    /// `runs[b]`: the entries starting with byte `b` are `list[runs[b].0..runs[b].1]`.
    runs: [(u8, u8); 256],
    /// Bit `256·a + b` is set when an entry starts with bytes `a`, `b`.
    openings: [u64; 1024],
}

impl Markers {
    /// Indexes a sorted list of at most 255 entries of two bytes or more (checked at compile
    /// time).
    pub(super) const fn new(list: &'static [&'static str]) -> Self {
        assert!(list.len() < 256, "a marker list holds at most 255 entries");
        let mut runs = [(0_u8, 0_u8); 256];
        let mut openings = [0_u64; 1024];
        let mut k = 0;
        while k < list.len() {
            let bytes = list[k].as_bytes();
            assert!(bytes.len() >= 2, "a marker has two bytes or more");
            let first = bytes[0] as usize;
            if runs[first].1 == 0 {
                runs[first].0 = k as u8;
            }
            runs[first].1 = k as u8 + 1;
            let pair = first << 8 | bytes[1] as usize;
            openings[pair >> 6] |= 1 << (pair & 63);
            k += 1;
        }
        Self {
            list,
            runs,
            openings,
        }
    }

    fn starting_with(&self, byte: u8) -> &[&'static str] {
        let (start, end) = self.runs[usize::from(byte)];
        &self.list[usize::from(start)..usize::from(end)]
    }

    /// Whether an entry starts with bytes `a`, `b`.
    fn opens_with(&self, a: u8, b: u8) -> bool {
        let pair = usize::from(a) << 8 | usize::from(b);
        self.openings[pair >> 6] >> (pair & 63) & 1 == 1
    }
}

/// [`PHOTO_MARKERS`], indexed by first byte.
pub(super) static PHOTO: Markers = Markers::new(PHOTO_MARKERS);

/// Whether any entry of `markers` (lowercase ASCII) occurs anywhere in `text.to_lowercase()`:
/// the same answer as `list.iter().any(|m| text.to_lowercase().contains(m))`, in one pass that
/// tries, at each byte, only the entries starting with that byte, and without the lowercase
/// copy unless `text` holds one of the two characters that lowercase to ASCII letters
/// (elsewhere lowercasing changes ASCII only as ASCII lowercasing does, which the comparison
/// does byte by byte). Substring search compiled to wasm costs a searcher per entry and per
/// text; this costs a table lookup per byte.
pub(super) fn contains_any_folded(markers: &Markers, text: &str) -> bool {
    // Lowercasing maps ASCII to ASCII and every other character to non-ASCII ones, but for
    // two (`İ` → `i̇`, the Kelvin sign → `k`): without those, the ASCII runs of the lowercase
    // copy are the text's own, compared case-blind, and no copy is needed.
    let lowered;
    let bytes = if !text.is_ascii() && text.contains(['\u{130}', '\u{212A}']) {
        lowered = text.to_lowercase();
        lowered.as_bytes()
    } else {
        text.as_bytes()
    };
    // Every entry has two bytes or more: the last byte starts none.
    bytes.windows(2).enumerate().any(|(i, pair)| {
        let first = pair[0].to_ascii_lowercase();
        markers.opens_with(first, pair[1].to_ascii_lowercase())
            && markers.starting_with(first).iter().any(|m| {
                bytes
                    .get(i..i + m.len())
                    .is_some_and(|run| run.eq_ignore_ascii_case(m.as_bytes()))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The one-pass search answers as a search for each entry does, on text made of the
        /// markers' own pieces (so that hits are common).
        #[test]
        fn contains_any_folded_of_lowercase_text_is_any_contains(
            pieces in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(PHOTO_MARKERS).prop_map(str::to_owned),
                    "[a-z /():-]{0,6}",
                    proptest::sample::select(PHOTO_MARKERS).prop_map(|m| m[1..].to_owned()),
                    proptest::sample::select(PHOTO_MARKERS)
                        .prop_map(|m| m[..m.len() - 1].to_owned()),
                    Just("é中 ".to_owned()),
                ],
                0..6,
            )
        ) {
            let text = pieces.concat();
            prop_assert_eq!(
                contains_any_folded(&PHOTO, &text),
                PHOTO_MARKERS.iter().any(|m| text.contains(m))
            );
        }

        /// The folded search answers as a search of the lowercased text does, in any case and
        /// with non-ASCII letters (`İ`, the Kelvin sign) that lowercase to ASCII ones.
        #[test]
        fn contains_any_folded_is_any_contains_of_lowercase(
            pieces in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(PHOTO_MARKERS).prop_map(str::to_uppercase),
                    proptest::sample::select(PHOTO_MARKERS).prop_map(str::to_owned),
                    "[a-zA-Z /():-]{0,6}",
                    "[\u{130}\u{212a}é ]{0,2}",
                ],
                0..6,
            )
        ) {
            let text = pieces.concat();
            let lower = text.to_lowercase();
            prop_assert_eq!(
                contains_any_folded(&PHOTO, &text),
                PHOTO_MARKERS.iter().any(|m| lower.contains(m))
            );
        }
    }

    /// The search reads non-ASCII text as it is unless it holds `İ` or the Kelvin sign: no
    /// other character lowercases to anything ASCII.
    #[test]
    fn only_two_characters_lowercase_to_ascii() {
        let to_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{130}', '\u{212A}']);
    }

    const LISTS: &[(&str, &[&str])] = &[
        ("INNER", INNER),
        ("TITLES", TITLES),
        ("ORDINAL_NOUNS", ORDINAL_NOUNS),
        ("BEFORE_NUMBER", BEFORE_NUMBER),
        ("MONTH_ABBREVIATIONS", MONTH_ABBREVIATIONS),
        ("POSTPOSITIVE", POSTPOSITIVE),
        ("CAPITALISED", CAPITALISED),
        ("STARTERS", STARTERS),
        ("TIME_PREPOSITIONS", TIME_PREPOSITIONS),
        ("ORDINAL_CONTEXT", ORDINAL_CONTEXT),
        ("MONTHS", MONTHS),
        ("WEEKDAYS", WEEKDAYS),
        ("DATE_FILLER", DATE_FILLER),
        ("AGENCIES", AGENCIES),
        ("FURNITURE", FURNITURE),
        ("FURNITURE_PREFIXES", FURNITURE_PREFIXES),
        ("SHARE_WORDS", SHARE_WORDS),
        ("NAV_WORDS", NAV_WORDS),
        ("PHOTO_MARKERS", PHOTO_MARKERS),
        ("POSITION_WORDS", POSITION_WORDS),
        ("POSITION_SIDES", POSITION_SIDES),
        ("SMALL_WORDS", SMALL_WORDS),
    ];

    #[test]
    fn lists_are_sorted_unique_and_lowercase() {
        for (name, list) in LISTS {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for word in *list {
                assert_eq!(
                    word.to_lowercase(),
                    *word,
                    "{name}: {word:?} is not lowercase"
                );
            }
        }
    }
}
