//! Share links without a server: the articles and options, compressed, in the URL fragment.
//!
//! A link is `…#share=1.<base64url of deflate-raw(payload)>`. The fragment never leaves the
//! reader's browser (browsers do not send it to servers). Compression is the browser's own
//! `CompressionStream`, so it costs the page no code; the payload, the encoding and the size
//! rule are plain Rust with native tests.
//!
//! The payload is `threshold|ignore_case|ignore_punctuation|` followed by each article's name
//! and text in order (two to ten articles; a two-article link reads as it always did), each
//! as `<byte length>:<UTF-8 bytes>` (a netstring
//! without the trailing comma). A JSON reader would cost the page's wasm ~10 KB; this costs
//! a few hundred bytes.
//!
//! A link is read with a bound: the decompressor is fed a few hundred bytes at a time and
//! reading stops at the first output chunk past [`MAX_PAYLOAD`] (two articles at the page's
//! article limit, [`MAX_ARTICLE_BYTES`], plus their names), so a small link that inflates to
//! megabytes is refused after a fraction of a second and its text never reaches a box.

use crate::state::MAX_ARTICLE_BYTES;
use parallax::report::Corrections;
use parallax::Options;

/// What a link carries: the articles and the options that shape the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// The articles in order (2 to [`MAX_ARTICLES`]), each as (name, text).
    pub articles: Vec<(String, String)>,
    /// Match threshold and the ignore options.
    pub options: Options,
    /// The reader's corrections (links rejected and added), if any.
    pub corrections: Corrections,
}

/// The fragment's key and format version.
const PREFIX: &str = "#share=1.";

/// The longest fragment a link may carry. Browsers accept far longer addresses, but mail and
/// chat tools cut or refuse them; past this the page suggests the HTML export instead.
pub const MAX_FRAGMENT: usize = 32 * 1024;

/// The longest article name a link may carry, in bytes.
pub const MAX_NAME_BYTES: usize = 1024;

/// The most articles a link carries (the page's limit).
pub const MAX_ARTICLES: usize = crate::components::comparison::MAX_ARTICLES;

/// The most bytes a link's payload may decompress to: two articles at the page's article
/// limit, their names, and the options. Decompression stops past it. (A link of more articles
/// holds them within the same bound; [`MAX_FRAGMENT`] keeps real links far below it.)
pub const MAX_PAYLOAD: usize = 2 * (MAX_ARTICLE_BYTES + MAX_NAME_BYTES) + 64;

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The compressed articles need a fragment of this many characters (over [`MAX_FRAGMENT`]).
    TooLarge(usize),
    /// The fragment is not a Parallax share link, or was cut short or altered.
    Damaged,
    /// The link holds an article longer than the page's article limit (or a name over
    /// [`MAX_NAME_BYTES`]): nothing is loaded from it.
    Oversized,
    /// The browser lacks what the link needs (e.g. `CompressionStream`); the text says what.
    Browser(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge(chars) => write!(
                f,
                "These articles are too long for a link ({} KB once compressed; a link holds {} KB). \
                 Export the HTML file and send that instead.",
                chars.div_ceil(1024),
                MAX_FRAGMENT / 1024
            ),
            Self::Damaged => f.write_str(
                "This share link is damaged or incomplete, so nothing was loaded from it. \
                 Your own text is unchanged.",
            ),
            Self::Oversized => write!(
                f,
                "This share link is too large: it holds more text than the page compares \
                 (articles up to {} each), so nothing was loaded from it. Your own text is unchanged.",
                crate::state::human_bytes(MAX_ARTICLE_BYTES)
            ),
            Self::Browser(what) => write!(f, "This browser cannot make or open share links: {what}"),
        }
    }
}

/// What the page says once a link is made: `copied` to the clipboard (else it is in the
/// address bar), its length, and whether it points at a file on this computer (`file://`, the
/// offline single file), which nobody else can open.
///
/// # Example
///
/// ```
/// use parallax_web::share::link_note;
/// assert!(link_note(true, 900, false).contains("Anyone who opens it"));
/// assert!(!link_note(true, 900, true).contains("Anyone"));
/// ```
#[must_use]
pub fn link_note(copied: bool, chars: usize, local_file: bool) -> String {
    let got = if copied {
        format!("Link copied ({chars} characters).")
    } else {
        "The link is in the address bar: copy it from there.".to_owned()
    };
    let who = if local_file {
        "It opens this file on this computer, so it works only where the same file sits at the \
         same place; to share the comparison, host the page or send Export HTML instead."
    } else {
        "Anyone who opens it sees these articles."
    };
    format!("{got} {who} Nothing is uploaded.")
}

/// The bytes a link carries, before compression (see the module documentation).
#[must_use]
pub fn payload(shared: &Shared) -> Vec<u8> {
    let o = &shared.options;
    // Two decimals, as the threshold slider sets it (and no float printer in the wasm).
    let mut out = format!(
        "{}|{}|{}|",
        parallax_html::number::fixed(o.threshold, 2),
        u8::from(o.ignore_case),
        u8::from(o.ignore_punctuation)
    )
    .into_bytes();
    for (name, text) in &shared.articles {
        for field in [name, text] {
            out.extend_from_slice(format!("{}:", field.len()).as_bytes());
            out.extend_from_slice(field.as_bytes());
        }
    }
    if !shared.corrections.is_empty() {
        out.push(b'|');
        out.extend_from_slice(crate::corrections::encode(&shared.corrections).as_bytes());
    }
    out
}

/// Reads the bytes of a link back.
///
/// # Errors
///
/// [`ShareError::Damaged`] when the bytes are not a payload of this version;
/// [`ShareError::Oversized`] when an article is over the page's article limit or a name over
/// [`MAX_NAME_BYTES`].
pub fn parse_payload(bytes: &[u8]) -> Result<Shared, ShareError> {
    if bytes.len() > MAX_PAYLOAD {
        return Err(ShareError::Oversized);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ShareError::Damaged)?;
    let mut head = text.splitn(4, '|');
    let mut next = || head.next().ok_or(ShareError::Damaged);
    let threshold = parallax_html::number::parse_decimal(next()?)
        .filter(|t| (0.0..=1.0).contains(t))
        .ok_or(ShareError::Damaged)?;
    let flag = |f: &str| match f {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(ShareError::Damaged),
    };
    let ignore_case = flag(next()?)?;
    let ignore_punctuation = flag(next()?)?;
    let mut rest = next()?;
    let field = |rest: &mut &str| -> Result<String, ShareError> {
        let (len, tail) = rest.split_once(':').ok_or(ShareError::Damaged)?;
        let len: usize = len.parse().map_err(|_| ShareError::Damaged)?;
        let value = tail.get(..len).ok_or(ShareError::Damaged)?;
        *rest = tail.get(len..).ok_or(ShareError::Damaged)?;
        Ok(value.to_owned())
    };
    let mut articles = Vec::new();
    while !rest.is_empty() && !rest.starts_with('|') && articles.len() < MAX_ARTICLES {
        articles.push((field(&mut rest)?, field(&mut rest)?));
    }
    let corrections = match rest.strip_prefix('|') {
        Some(json) => crate::json::corrections(json).map_err(|_| ShareError::Damaged)?,
        None if rest.is_empty() => Corrections::default(),
        None => return Err(ShareError::Damaged),
    };
    if articles.len() < 2 {
        return Err(ShareError::Damaged);
    }
    let oversized = articles
        .iter()
        .any(|(name, text)| name.len() > MAX_NAME_BYTES || text.len() > MAX_ARTICLE_BYTES);
    if oversized {
        return Err(ShareError::Oversized);
    }
    Ok(Shared {
        articles,
        options: Options {
            threshold,
            ignore_case,
            ignore_punctuation,
        },
        corrections,
    })
}

/// The fragment (`#share=1.…`) for compressed payload bytes.
///
/// # Errors
///
/// [`ShareError::TooLarge`] when it would exceed [`MAX_FRAGMENT`] characters.
pub fn fragment(compressed: &[u8]) -> Result<String, ShareError> {
    let text = format!("{PREFIX}{}", base64url_encode(compressed));
    if text.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLarge(text.len()));
    }
    Ok(text)
}

/// The compressed payload of a location hash: `None` when the hash is not a share link at all.
///
/// # Errors
///
/// `Some(Err(ShareError::Damaged))` when it is one but its characters are not base64url.
#[must_use]
pub fn compressed_of(hash: &str) -> Option<Result<Vec<u8>, ShareError>> {
    let encoded = hash.strip_prefix(PREFIX)?;
    Some(base64url_decode(encoded).ok_or(ShareError::Damaged))
}

/// Decompressed bytes, collected up to [`MAX_PAYLOAD`].
#[derive(Debug, Default)]
pub struct Inflated {
    bytes: Vec<u8>,
}

impl Inflated {
    /// Whether a further chunk of `len` bytes still fits; the decoder asks before copying it
    /// and stops reading when it does not.
    #[must_use]
    pub fn fits(&self, len: usize) -> bool {
        self.bytes.len().saturating_add(len) <= MAX_PAYLOAD
    }

    /// Adds a chunk.
    ///
    /// # Errors
    ///
    /// [`ShareError::Oversized`] (and nothing added) when the chunk does not fit.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), ShareError> {
        if !self.fits(chunk.len()) {
            return Err(ShareError::Oversized);
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    /// The bytes collected.
    #[must_use]
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment as is.
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Inverse of [`base64url_encode`]; `None` on any character outside the alphabet or a
/// length no encoding produces.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|d| d as u32))
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | d << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i) & 0xFF) as u8);
        }
    }
    Some(out)
}

/// The browser half: compression streams, the address bar and the clipboard.
pub mod browser {
    use super::{compressed_of, fragment, parse_payload, payload, Inflated, ShareError, Shared};
    use js_sys::{futures::JsFuture, Promise, Uint8Array};
    use leptos::wasm_bindgen::{JsCast, JsValue};

    /// The decompressor is fed this many bytes at a time. Deflate expands a byte at most ~1032
    /// times, so one step yields at most ~264 KB of output before the reader can stop it.
    const INFLATE_STEP: usize = 256;

    /// `new NAME(format)` for the compression stream classes, which web-sys keeps unstable.
    fn stream_pair(class: &str) -> Result<web_sys::ReadableWritablePair, ShareError> {
        let missing = || ShareError::Browser(format!("{class} is not available"));
        let ctor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(class))
            .ok()
            .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(missing)?;
        let args = js_sys::Array::of1(&JsValue::from_str("deflate-raw"));
        js_sys::Reflect::construct(&ctor, &args)
            .map(JsCast::unchecked_into)
            .map_err(|_| missing())
    }

    /// Compresses the reader's own payload (its size is the reader's own text; links are read
    /// back with the bounded [`inflate`]).
    async fn compress(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
        let class = "CompressionStream";
        let failed = |_| ShareError::Damaged;
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(failed)?;
        let stream = blob.stream().pipe_through(&stream_pair(class)?);
        let response =
            web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(failed)?;
        let buffer = js_sys::futures::JsFuture::from(response.array_buffer().map_err(failed)?)
            .await
            .map_err(failed)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// `object[key]`.
    fn get(object: &JsValue, key: &str) -> Result<JsValue, ShareError> {
        js_sys::Reflect::get(object, &JsValue::from_str(key)).map_err(|_| ShareError::Damaged)
    }

    /// `object[method](...args)`, awaited when it returns a promise.
    async fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let function: js_sys::Function =
            js_sys::Reflect::get(object, &JsValue::from_str(method))?.dyn_into()?;
        let args: js_sys::Array = args.iter().collect();
        let result = function.apply(object, &args)?;
        match result.dyn_into::<Promise>() {
            Ok(promise) => JsFuture::from(promise).await,
            Err(value) => Ok(value),
        }
    }

    /// Writes `bytes` into a stream writer in [`INFLATE_STEP`] pieces, each after the stream
    /// has taken the last one, then closes it. Stops quietly when the reader gave up (every
    /// promise is awaited, so a cancelled stream leaves no unhandled rejection).
    async fn feed(writer: JsValue, bytes: Vec<u8>) {
        for piece in bytes.chunks(INFLATE_STEP) {
            let Ok(ready) = get(&writer, "ready") else {
                return;
            };
            if JsFuture::from(Promise::from(ready)).await.is_err() {
                return;
            }
            let piece = JsValue::from(Uint8Array::from(piece));
            if call(&writer, "write", &[piece]).await.is_err() {
                return;
            }
        }
        let _ = call(&writer, "close", &[]).await;
    }

    /// Decompresses a link's payload, reading chunk by chunk and stopping (cancelling the
    /// stream) at the first chunk that would pass [`super::MAX_PAYLOAD`].
    async fn inflate(compressed: Vec<u8>) -> Result<Vec<u8>, ShareError> {
        let pair = JsValue::from(stream_pair("DecompressionStream")?);
        let damaged = |_| ShareError::Damaged;
        let writer = call(&get(&pair, "writable")?, "getWriter", &[])
            .await
            .map_err(damaged)?;
        let reader = call(&get(&pair, "readable")?, "getReader", &[])
            .await
            .map_err(damaged)?;
        leptos::task::spawn_local(feed(writer, compressed));
        let mut out = Inflated::default();
        loop {
            let step = call(&reader, "read", &[]).await.map_err(damaged)?;
            if get(&step, "done")?.as_bool() == Some(true) {
                return Ok(out.into_bytes());
            }
            let chunk = get(&step, "value")?
                .dyn_into::<Uint8Array>()
                .map_err(|_| ShareError::Damaged)?;
            if !out.fits(chunk.length() as usize) {
                let _ = call(&reader, "cancel", &[]).await;
                return Err(ShareError::Oversized);
            }
            out.push(&chunk.to_vec())?;
        }
    }

    /// The full link for `shared`, based on the current address without its fragment.
    ///
    /// # Errors
    ///
    /// [`ShareError::TooLarge`], or [`ShareError::Browser`] without compression streams.
    pub async fn link(shared: &Shared) -> Result<String, ShareError> {
        let compressed = compress(&payload(shared)).await?;
        let fragment = fragment(&compressed)?;
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let base = here.split('#').next().unwrap_or_default();
        Ok(format!("{base}{fragment}"))
    }

    /// The comparison in the current address's fragment: `None` when there is none.
    pub async fn restore() -> Option<Result<Shared, ShareError>> {
        let hash = web_sys::window()?.location().hash().ok()?;
        read(&hash).await
    }

    /// The comparison in a fragment (`#share=1.…`): `None` when it is not a share link. The
    /// payload is decompressed with the bound of [`super::MAX_PAYLOAD`].
    pub async fn read(hash: &str) -> Option<Result<Shared, ShareError>> {
        let compressed = match compressed_of(hash)? {
            Ok(bytes) => bytes,
            Err(error) => return Some(Err(error)),
        };
        Some(
            inflate(compressed)
                .await
                .and_then(|bytes| parse_payload(&bytes)),
        )
    }

    /// Removes the fragment from the address bar without a reload, so a later reload shows the
    /// reader's own (stored) text rather than the link's again.
    pub fn forget_fragment() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(history) = window.history() else {
            return;
        };
        let path = window.location().pathname().unwrap_or_default();
        let search = window.location().search().unwrap_or_default();
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }

    /// Puts `link` in the address bar without a reload or a history entry.
    pub fn show_in_address_bar(link: &str) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(link));
        }
    }

    /// Copies `text` to the clipboard; `false` when the browser refuses (e.g. on file://).
    pub async fn copy(text: &str) -> bool {
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return false;
        };
        let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(write) = write else { return false };
        let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) else {
            return false;
        };
        js_sys::futures::JsFuture::from(js_sys::Promise::from(promise))
            .await
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(left: &str, right: &str) -> Shared {
        Shared {
            articles: vec![
                ("Wire".to_owned(), left.to_owned()),
                ("Daily".to_owned(), right.to_owned()),
            ],
            options: Options {
                threshold: 0.4,
                ignore_case: true,
                ignore_punctuation: false,
            },
            corrections: Corrections::default(),
        }
    }

    struct Case {
        name: &'static str,
        bytes: &'static [u8],
        encoded: &'static str,
    }

    /// RFC 4648 test vectors (padding dropped, url alphabet) plus the two url-only digits.
    const CASES: &[Case] = &[
        Case {
            name: "empty",
            bytes: b"",
            encoded: "",
        },
        Case {
            name: "one byte",
            bytes: b"f",
            encoded: "Zg",
        },
        Case {
            name: "two bytes",
            bytes: b"fo",
            encoded: "Zm8",
        },
        Case {
            name: "three bytes",
            bytes: b"foo",
            encoded: "Zm9v",
        },
        Case {
            name: "six bytes",
            bytes: b"foobar",
            encoded: "Zm9vYmFy",
        },
        Case {
            name: "url digits",
            bytes: &[0xFB, 0xFF],
            encoded: "-_8",
        },
    ];

    #[test]
    fn case_names_are_unique() {
        let names: std::collections::BTreeSet<&str> = CASES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), CASES.len());
    }

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        for case in CASES {
            assert_eq!(base64url_encode(case.bytes), case.encoded, "{}", case.name);
            assert_eq!(
                base64url_decode(case.encoded).as_deref(),
                Some(case.bytes),
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn base64url_round_trips_every_byte_value_and_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..bytes.len() {
            let encoded = base64url_encode(&bytes[..len]);
            assert_eq!(base64url_decode(&encoded).as_deref(), Some(&bytes[..len]));
        }
    }

    #[test]
    fn damaged_fragments_are_errors_not_panics() {
        for hash in [
            "#share=1.a",
            "#share=1.ab=c",
            "#share=1.äö",
            "#share=1.ab cd",
        ] {
            assert_eq!(
                compressed_of(hash),
                Some(Err(ShareError::Damaged)),
                "{hash}"
            );
        }
        assert_eq!(compressed_of(""), None);
        assert_eq!(compressed_of("#row-3"), None);
        assert_eq!(
            compressed_of("#share=2.Zm8"),
            None,
            "a future version is not ours to read"
        );
        let good = payload(&shared("a", "b"));
        let damaged: [&[u8]; 6] = [
            b"{\"articles\":1}",
            b"0.4|1|0|1:a1:b1:c",
            b"0.4|1|0|1:a1:b1:c9:d",
            b"1.5|1|0|1:a1:b1:c1:d",
            b"0.4|2|0|1:a1:b1:c1:d",
            &good[..good.len() - 1],
        ];
        for bytes in damaged {
            assert_eq!(parse_payload(bytes), Err(ShareError::Damaged), "{bytes:?}");
        }
        let mut longer = good.clone();
        longer.push(b'x');
        assert_eq!(parse_payload(&longer), Err(ShareError::Damaged));
    }

    #[test]
    fn a_payload_round_trips_with_options_and_unicode() {
        for (left, right) in [
            ("Zürich — “quoted” 北京.", "Second\narticle."),
            ("", ""),
            ("12:34 | 5:6 ||", "a|b:c"),
        ] {
            let original = shared(left, right);
            assert_eq!(parse_payload(&payload(&original)), Ok(original));
        }
    }

    /// Issue 15: a link carries up to ten articles; a version-1 two-article payload reads the
    /// same; fewer than two or more than ten is damaged.
    #[test]
    fn a_payload_carries_many_articles() {
        let mut five = shared("One.", "Two.");
        for n in 3..=5 {
            five.articles
                .push((format!("Outlet {n}"), format!("Text {n}.")));
        }
        assert_eq!(parse_payload(&payload(&five)), Ok(five.clone()));
        let mut eleven = five.clone();
        eleven
            .articles
            .resize(11, ("x".to_owned(), "y.".to_owned()));
        assert_eq!(parse_payload(&payload(&eleven)), Err(ShareError::Damaged));
        let mut one = five.clone();
        one.articles.truncate(1);
        assert_eq!(parse_payload(&payload(&one)), Err(ShareError::Damaged));
        // The reader's corrections travel after the articles.
        let mut corrected = five;
        corrected.corrections = Corrections {
            rejected: vec![parallax::report::LinkRef::new([0, 3], vec![1], vec![2])],
            added: vec![parallax::report::LinkRef::new([1, 2], vec![0], vec![4, 5])],
        };
        assert_eq!(parse_payload(&payload(&corrected)), Ok(corrected.clone()));
        let mut damaged = payload(&corrected);
        damaged.truncate(damaged.len() - 3);
        assert_eq!(parse_payload(&damaged), Err(ShareError::Damaged));
    }

    /// Issue 19.1: a link holding more than the page compares is refused, never loaded.
    #[test]
    fn issue_19_oversized_payloads_are_refused() {
        let at_limit = "a".repeat(MAX_ARTICLE_BYTES);
        assert!(parse_payload(&payload(&shared(&at_limit, "b"))).is_ok());
        let over = "a".repeat(MAX_ARTICLE_BYTES + 1);
        assert_eq!(
            parse_payload(&payload(&shared("a", &over))),
            Err(ShareError::Oversized)
        );
        let mut long_name = shared("a", "b");
        long_name.articles[0].0 = "n".repeat(MAX_NAME_BYTES + 1);
        assert_eq!(
            parse_payload(&payload(&long_name)),
            Err(ShareError::Oversized)
        );
        let both_at_limit = payload(&shared(&at_limit, &at_limit));
        assert!(both_at_limit.len() <= MAX_PAYLOAD);
        assert_eq!(
            parse_payload(&vec![b'a'; MAX_PAYLOAD + 1]),
            Err(ShareError::Oversized)
        );
        let message = ShareError::Oversized.to_string();
        assert!(
            message.contains("too large") && message.contains("unchanged"),
            "{message}"
        );
    }

    /// Issue 19.1: the decoder's collector refuses the chunk that would pass the bound.
    #[test]
    fn issue_19_inflated_output_stops_at_the_bound() {
        let mut out = Inflated::default();
        let chunk = vec![b'a'; 64 * 1024];
        let mut taken = 0;
        while out.fits(chunk.len()) {
            out.push(&chunk).expect("fits");
            taken += chunk.len();
        }
        assert!(taken <= MAX_PAYLOAD && taken + chunk.len() > MAX_PAYLOAD);
        assert_eq!(out.push(&chunk), Err(ShareError::Oversized));
        assert_eq!(
            out.into_bytes().len(),
            taken,
            "the refused chunk is not kept"
        );
    }

    /// Issue 19.11: a link to the offline file does not promise that anyone can open it.
    #[test]
    fn issue_19_file_links_are_not_promised_to_anyone() {
        for copied in [true, false] {
            let note = link_note(copied, 100, true);
            assert!(!note.contains("Anyone"), "{note}");
            assert!(note.contains("this computer"), "{note}");
            assert!(link_note(copied, 100, false).contains("Anyone who opens it"));
        }
        assert!(link_note(false, 100, false).contains("address bar"));
    }

    #[test]
    fn fragments_over_the_limit_are_refused_with_their_size() {
        let fits = vec![7u8; (MAX_FRAGMENT - PREFIX.len()) / 4 * 3];
        let link = fragment(&fits).expect("fits");
        assert!(link.len() <= MAX_FRAGMENT);
        assert_eq!(compressed_of(&link), Some(Ok(fits.clone())));

        let too_big = vec![7u8; fits.len() + 3];
        let Err(ShareError::TooLarge(chars)) = fragment(&too_big) else {
            panic!("expected TooLarge");
        };
        assert!(chars > MAX_FRAGMENT);
        assert!(ShareError::TooLarge(chars)
            .to_string()
            .contains("Export the HTML file"));
    }
}
