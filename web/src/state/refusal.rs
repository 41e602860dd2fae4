//! Why a comparison is not run: blank articles, an article over the page's limit, a cancel or
//! a failure. The text boxes keep their content in every case.

use super::{human_bytes, MAX_ARTICLE_BYTES};
use std::fmt;

/// Why the comparison is not run; the text boxes keep their content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    /// Which article (its position; with two, 0 is left and 1 right).
    pub doc: usize,
    /// How many articles are compared (two are named left and right).
    pub of: usize,
    /// Its length in bytes.
    pub bytes: usize,
}

/// How a refusal names article `doc` of `of`: "left" and "right" when there are two, else
/// "article 3".
///
/// # Example
///
/// ```
/// use parallax_web::state::article_label;
/// assert_eq!(article_label(1, 2), "right");
/// assert_eq!(article_label(2, 5), "article 3");
/// ```
pub fn article_label(doc: usize, of: usize) -> String {
    match (of, doc) {
        (2, 0) => "left".to_owned(),
        (2, 1) => "right".to_owned(),
        _ => format!("article {}", doc + 1),
    }
}

/// An unnamed article's name: "Left" and "Right" of two, else "Article 3" (the capitalised
/// [`article_label`]).
///
/// # Example
///
/// ```
/// use parallax_web::state::article_name;
/// assert_eq!(article_name(0, 2), "Left");
/// assert_eq!(article_name(2, 5), "Article 3");
/// ```
pub fn article_name(doc: usize, of: usize) -> String {
    capitalized(&article_label(doc, of))
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = article_label(self.doc, self.of);
        let label = if self.of == 2 {
            format!("The {label} article")
        } else {
            capitalized(&label)
        };
        write!(
            f,
            "{label} is {}. The page compares articles up to {} each; \
             shorten it or use the command-line tool.",
            human_bytes(self.bytes),
            human_bytes(MAX_ARTICLE_BYTES)
        )
    }
}

/// `text` with its first letter upper-cased.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Guards the compare step: every text must be short enough to align in the browser.
///
/// # Errors
///
/// [`TooLong`] naming the first article over [`MAX_ARTICLE_BYTES`].
pub fn check_sizes(texts: &[&str]) -> Result<(), TooLong> {
    for (doc, text) in texts.iter().enumerate() {
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(TooLong {
                doc,
                of: texts.len(),
                bytes: text.len(),
            });
        }
    }
    Ok(())
}

/// Why a comparison is not run. The text boxes keep their content in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Articles have no text: which ones (positions), out of how many.
    Missing {
        /// The blank articles, ascending (all of them when every article is blank).
        docs: Vec<usize>,
        /// How many articles there are.
        of: usize,
    },
    /// An article is over the page's article limit.
    TooLong(TooLong),
    /// The reader cancelled the comparison.
    Cancelled,
    /// The engine could not compare (its worker or wasm failed): why.
    Failed(String),
}

impl Refusal {
    /// Whether the refusal reports a problem (an alert) rather than a state to fill in.
    pub fn is_problem(&self) -> bool {
        matches!(self, Refusal::TooLong(_) | Refusal::Failed(_))
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing { docs, of } if docs.len() >= *of && *of == 2 => {
                f.write_str("Both articles are empty: give each side an article to compare them.")
            }
            Refusal::Missing { docs, of } if docs.len() >= *of => write!(
                f,
                "All {of} articles are empty: paste or drop at least two articles to compare them."
            ),
            Refusal::Missing { docs, of: 2 } => write!(
                f,
                "The {} article is empty: a comparison needs two articles.",
                article_label(docs.first().copied().unwrap_or(0), 2)
            ),
            Refusal::Missing { docs, .. } => {
                let numbers: Vec<String> = docs.iter().map(|d| (d + 1).to_string()).collect();
                match numbers.as_slice() {
                    [one] => write!(
                        f,
                        "Article {one} is empty: give it a text or remove its pane."
                    ),
                    [rest @ .., last] => write!(
                        f,
                        "Articles {} and {last} are empty: give them a text or remove their panes.",
                        rest.join(", ")
                    ),
                    [] => f.write_str("An article is empty."),
                }
            }
            Refusal::TooLong(too_long) => too_long.fmt(f),
            Refusal::Cancelled => f.write_str(
                "Comparison cancelled. Edit an article, change an option or press \
                 Compare again to run it.",
            ),
            Refusal::Failed(why) => write!(
                f,
                "The comparison could not run: {why}. Reload the page to try again."
            ),
        }
    }
}

impl From<TooLong> for Refusal {
    fn from(too_long: TooLong) -> Self {
        Refusal::TooLong(too_long)
    }
}

/// Guards the compare step: every article has text and is within the article limit. Only
/// white space counts as blank here; the engine's worker then checks for invisible characters
/// too (the loader's and the command line's `is_blank`) and answers with [`missing`].
///
/// # Errors
///
/// [`Refusal::Missing`] when an article is blank, else [`Refusal::TooLong`].
///
/// # Example
///
/// ```
/// use parallax_web::state::{check_articles, Refusal};
/// assert_eq!(check_articles(&["One.", "  \n"]), Err(Refusal::Missing { docs: vec![1], of: 2 }));
/// assert_eq!(check_articles(&["One.", "Two.", "Three."]), Ok(()));
/// ```
pub fn check_articles(texts: &[&str]) -> Result<(), Refusal> {
    let blank: Vec<bool> = texts.iter().map(|t| t.trim().is_empty()).collect();
    if let Some(refusal) = missing(&blank) {
        return Err(refusal);
    }
    Ok(check_sizes(texts)?)
}

/// The refusal for blank articles (`blank[d]`: article `d` is blank), `None` when none is.
///
/// # Example
///
/// ```
/// use parallax_web::state::{missing, Refusal};
/// assert_eq!(missing(&[false, true]), Some(Refusal::Missing { docs: vec![1], of: 2 }));
/// assert_eq!(missing(&[true, true]), Some(Refusal::Missing { docs: vec![0, 1], of: 2 }));
/// assert_eq!(missing(&[false, false, false]), None);
/// ```
pub fn missing(blank: &[bool]) -> Option<Refusal> {
    let docs: Vec<usize> = (0..blank.len()).filter(|&d| blank[d]).collect();
    let of = blank.len();
    (!docs.is_empty()).then_some(Refusal::Missing { docs, of })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_guard_names_the_long_side() {
        let long = "x".repeat(MAX_ARTICLE_BYTES + 1);
        assert_eq!(check_sizes(&["short", "short"]), Ok(()));
        let err = check_sizes(&["short", &long]).unwrap_err();
        assert_eq!(err.doc, 1);
        assert!(err.to_string().contains("right article"));
    }

    /// Issue 19.9: one article alone is not compared (no empty 0% comparison).
    #[test]
    fn issue_19_one_article_is_refused_with_a_message() {
        assert_eq!(
            check_articles(&["", "Text."]),
            Err(Refusal::Missing {
                docs: vec![0],
                of: 2
            })
        );
        assert_eq!(
            check_articles(&[" ", "\n"]),
            Err(Refusal::Missing {
                docs: vec![0, 1],
                of: 2
            })
        );
        // Issue 19.6: invisible characters alone are as empty as white space. The engine's
        // worker decides that with the loader's is_blank; the page maps its answer.
        let invisible = "\u{A0}\u{200B}\u{AD}\u{3000}";
        assert!(parallax::input::is_blank(invisible));
        let blank = ["Text.", invisible].map(parallax::input::is_blank);
        assert_eq!(
            missing(&blank),
            Some(Refusal::Missing {
                docs: vec![1],
                of: 2
            })
        );
        let long = "x".repeat(MAX_ARTICLE_BYTES + 1);
        let refusal = check_articles(&[&long, "Text."]).unwrap_err();
        assert!(refusal.is_problem());
        assert!(refusal.to_string().contains("left article is"));
        let missing = check_articles(&["Text.", ""]).unwrap_err();
        assert!(!missing.is_problem());
        assert!(
            missing.to_string().contains("right article is empty"),
            "{missing}"
        );
    }

    /// Issue 15: with more than two articles, refusals name articles by number.
    #[test]
    fn refusals_of_many_articles_name_them_by_number() {
        let cases: [(&[&str], &str); 4] = [
            (
                &["A.", "", "C."],
                "Article 2 is empty: give it a text or remove its pane.",
            ),
            (
                &["A.", "", " "],
                "Articles 2 and 3 are empty: give them a text or remove their panes.",
            ),
            (&["", " ", "\n"], "All 3 articles are empty"),
            (&["", "B."], "The left article is empty"),
        ];
        for (texts, expected) in cases {
            let refusal = check_articles(texts).unwrap_err().to_string();
            assert!(refusal.starts_with(expected), "{texts:?}: {refusal}");
        }
        let long = "x".repeat(MAX_ARTICLE_BYTES + 1);
        let refusal = check_articles(&["A.", "B.", &long])
            .unwrap_err()
            .to_string();
        assert!(refusal.starts_with("Article 3 is 2.0 MB"), "{refusal}");
    }
}
