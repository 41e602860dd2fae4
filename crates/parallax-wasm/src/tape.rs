//! The report to JavaScript in one crossing.
//!
//! `serde_wasm_bindgen` builds the JS objects from Rust, one call into JavaScript per object,
//! array, number, string and key: on seeds 002 vs 004 that was about a tenth of `compare`.
//! Here the report is written as a tape instead: one `u32` op per value in the order
//! `serde` visits them, the numbers that are not small whole numbers in a list of `f64`, every
//! string in one text, and the names of fields and enum variants listed once. One JavaScript
//! function (`decode_tape` in `lib.rs`) reads the tape through views of the wasm memory and
//! builds the same objects as `Serializer::json_compatible` (`None` and `()` are `null`, maps
//! are objects, enums are externally tagged).

use serde::ser::{self, Serialize};
use std::fmt;

/// Bits of an op that hold its tag; the rest hold its argument.
const TAG_BITS: u32 = 4;
/// The bits of an op that hold its tag.
const TAG_MASK: u32 = (1 << TAG_BITS) - 1;
/// The largest argument an op holds.
const MAX_ARG: u64 = (u32::MAX >> TAG_BITS) as u64;
/// The largest whole number a JavaScript number holds exactly (2^53 − 1).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// `null`.
const NULL: u32 = 0;
/// `false` (argument 0) or `true` (argument 1).
const BOOL: u32 = 1;
/// A whole number from 0 to [`MAX_ARG`]: the argument.
const SMALL: u32 = 2;
/// The next number of [`Tape::numbers`].
const NUMBER: u32 = 3;
/// The next string of [`Tape::text`]; the argument is its length in UTF-16 units.
const STRING: u32 = 4;
/// A field or variant name: the argument indexes [`Tape::names`].
const NAME: u32 = 5;
/// An array: values up to [`END`].
const ARRAY: u32 = 6;
/// An object: key and value pairs up to [`END`].
const OBJECT: u32 = 7;
/// The end of an array or object.
const END: u32 = 8;
/// An array of two whole numbers from 0 to [`MAX_ARG`] (a byte range, the most common array
/// of a report): the two following words.
const PAIR: u32 = 9;

/// A value written for `decode_tape` (see the module documentation).
#[derive(Default)]
pub struct Tape {
    /// One op per value, key, and end of an array or object.
    pub ops: Vec<u32>,
    /// The numbers that are not small whole numbers, in order.
    pub numbers: Vec<f64>,
    /// Every string, in order, joined.
    pub text: String,
    /// Field and variant names, each listed once.
    names: Vec<&'static str>,
    /// Where each name is in `names`, by the address of its text, sorted by address (a few
    /// dozen names, looked up by binary search).
    ids: Vec<(usize, u32)>,
    /// Where each array being written starts in `ops`, innermost last.
    arrays: Vec<usize>,
}

impl Tape {
    /// Writes `value` to a new tape.
    ///
    /// # Errors
    ///
    /// When the value holds bytes, an integer JavaScript cannot hold exactly, or a string or
    /// list of names too long for an op.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Self, Error> {
        let mut tape = Self::default();
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    /// The names, joined by newlines as `decode_tape` reads them.
    #[must_use]
    pub fn names(&self) -> String {
        self.names.join("\n")
    }

    fn op(&mut self, tag: u32, arg: u64) -> Result<(), Error> {
        if arg > MAX_ARG {
            return Err(Error(format!(
                "a value too large for the report tape ({arg})"
            )));
        }
        // Cannot truncate: `arg` fits in the bits above the tag.
        #[allow(clippy::cast_possible_truncation)]
        self.ops.push(tag | (arg as u32) << TAG_BITS);
        Ok(())
    }

    fn name(&mut self, name: &'static str) -> Result<(), Error> {
        let address = name.as_ptr() as usize;
        let id = match self.ids.binary_search_by_key(&address, |&(a, _)| a) {
            Ok(k) => self.ids[k].1,
            // The names are joined by newlines: a name holding one is written as a string
            // (looked at once, when first met: it is never listed).
            Err(_) if name.contains('\n') => return self.string(name),
            Err(k) => {
                let id = u32::try_from(self.names.len())
                    .map_err(|_| Error("too many names for the report tape".to_owned()))?;
                self.names.push(name);
                self.ids.insert(k, (address, id));
                id
            }
        };
        self.op(NAME, u64::from(id))
    }

    fn string(&mut self, s: &str) -> Result<(), Error> {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.text.push_str(s);
        self.op(STRING, units as u64)
    }

    fn unsigned(&mut self, v: u64) -> Result<(), Error> {
        if v <= MAX_ARG {
            self.op(SMALL, v)
        } else if v <= MAX_SAFE_INTEGER {
            self.number(v as f64)
        } else {
            Err(Error(format!("{v} cannot be a JavaScript number exactly")))
        }
    }

    fn signed(&mut self, v: i64) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(v) => self.unsigned(v),
            Err(_) if v.unsigned_abs() <= MAX_SAFE_INTEGER => self.number(v as f64),
            Err(_) => Err(Error(format!("{v} cannot be a JavaScript number exactly"))),
        }
    }

    fn number(&mut self, v: f64) -> Result<(), Error> {
        self.numbers.push(v);
        self.op(NUMBER, 0)
    }

    fn end(&mut self) -> Result<(), Error> {
        self.op(END, 0)
    }

    fn array(&mut self) -> Result<(), Error> {
        self.arrays.push(self.ops.len());
        self.op(ARRAY, 0)
    }

    /// Ends the innermost array; one of two small numbers becomes a [`PAIR`].
    fn end_array(&mut self) -> Result<(), Error> {
        let start = self.arrays.pop().unwrap_or(usize::MAX);
        let small = |op: u32| op & TAG_MASK == SMALL;
        match self.ops.get(start..) {
            Some(&[_, a, b]) if small(a) && small(b) => {
                self.ops[start] = PAIR;
                self.ops[start + 1] = a >> TAG_BITS;
                self.ops[start + 2] = b >> TAG_BITS;
                Ok(())
            }
            _ => self.end(),
        }
    }

    /// Opens `{ variant: ` for an enum's newtype, tuple or struct variant.
    fn variant(&mut self, variant: &'static str) -> Result<(), Error> {
        self.op(OBJECT, 0)?;
        self.name(variant)
    }
}

/// Why a value could not be written to a tape.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

/// The integer writers: each widens its value for [`Tape::signed`] or [`Tape::unsigned`].
macro_rules! integers {
    ($($method:ident($ty:ty) => $via:ident),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<(), Error> {
            self.$via(v.into())
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.op(BOOL, u64::from(v))
    }
    integers! {
        serialize_i8(i8) => signed,
        serialize_i16(i16) => signed,
        serialize_i32(i32) => signed,
        serialize_i64(i64) => signed,
        serialize_u8(u8) => unsigned,
        serialize_u16(u16) => unsigned,
        serialize_u32(u32) => unsigned,
        serialize_u64(u64) => unsigned,
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.number(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error("the report tape holds no bytes".to_owned()))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.op(NULL, 0)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.op(NULL, 0)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.op(NULL, 0)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.name(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant)?;
        value.serialize(&mut *self)?;
        self.end()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        self.array()?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        self.array()?;
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        self.array()?;
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'a>, Error> {
        self.variant(variant)?;
        self.array()?;
        Ok(Variant(self))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Error> {
        self.op(OBJECT, 0)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        self.op(OBJECT, 0)?;
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'a>, Error> {
        self.variant(variant)?;
        self.op(OBJECT, 0)?;
        Ok(Variant(self))
    }
}

/// The three array writers differ only in their trait and method names.
macro_rules! array_writer {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for &mut Tape {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Error> {
                self.end_array()
            }
        }
    };
}

array_writer!(SerializeSeq, serialize_element);
array_writer!(SerializeTuple, serialize_element);
array_writer!(SerializeTupleStruct, serialize_field);

impl ser::SerializeMap for &mut Tape {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Tape::end(self)
    }
}

impl ser::SerializeStruct for &mut Tape {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.name(key)?;
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Tape::end(self)
    }
}

/// An enum's tuple or struct variant being written: its closing ends the value and the
/// `{ variant: … }` around it.
pub struct Variant<'a>(&'a mut Tape);

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.0)
    }
    fn end(self) -> Result<(), Error> {
        self.0.end_array()?;
        self.0.end()
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.0.name(key)?;
        value.serialize(&mut *self.0)
    }
    fn end(self) -> Result<(), Error> {
        self.0.end()?;
        self.0.end()
    }
}

#[cfg(test)]
mod tests;
