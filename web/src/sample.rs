//! The built-in sample pair: two outlets' reports of one invented event.

/// The left sample article: wire copy.
pub const LEFT_NAME: &str = "Coastal Wire";
/// Text of the left sample.
pub const LEFT_TEXT: &str = include_str!("../../samples/wire.txt");
/// The right sample article: a newspaper's rewrite.
pub const RIGHT_NAME: &str = "Evening Ledger";
/// Text of the right sample.
pub const RIGHT_TEXT: &str = include_str!("../../samples/ledger.txt");
