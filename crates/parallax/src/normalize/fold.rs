//! Folding for matching: typographic variants to one plain, lowercase form.

/// Folds `s` for matching: typographic variants become one plain form, then lowercase.
///
/// This is a small, table-free subset of Unicode NFKC plus case folding: fullwidth ASCII
/// forms become ASCII, the ideographic and other Unicode spaces a space, Latin ligatures
/// (`ﬁ`, `ﬂ`, ...) their letters, `…` three dots, curly, low and angle quotes and primes `'` or `"`,
/// the hyphens and dashes U+2010..U+2015 and the minus sign `-`; soft hyphens and zero-width
/// characters disappear.
///
/// # Example
///
/// ```
/// use parallax::normalize::fold;
/// assert_eq!(fold("“Ｂｅｎｅ\u{FB01}ts”—Kim’s…"), "\"benefits\"-kim's...");
/// ```
pub fn fold(s: &str) -> String {
    // No ASCII character is folded other than by lowercasing (none is invisible, fullwidth,
    // a typographic quote, a dash or a ligature), and most words are ASCII.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let plain = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => ' ',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
            | '\u{2039}' | '\u{203A}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}'
            | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if super::is_invisible(c) => continue,
            _ => {
                let expansion = match c {
                    '\u{FB00}' => "ff",
                    '\u{FB01}' => "fi",
                    '\u{FB02}' => "fl",
                    '\u{FB03}' => "ffi",
                    '\u{FB04}' => "ffl",
                    '\u{FB05}' | '\u{FB06}' => "st",
                    '\u{2026}' => "...",
                    '\u{2025}' => "..",
                    _ => {
                        out.extend(c.to_lowercase());
                        continue;
                    }
                };
                out.push_str(expansion);
                continue;
            }
        };
        out.extend(plain.to_lowercase());
    }
    out
}
