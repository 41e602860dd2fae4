//! The tape read back as `decode_tape` reads it (in Rust, into `serde_json` values) is the value
//! `serde_json` makes of the same data: for every shape `serde` has, and for a whole report.

use super::{
    Error, Tape, ARRAY, BOOL, END, NAME, NULL, NUMBER, OBJECT, PAIR, SMALL, STRING, TAG_BITS,
    TAG_MASK,
};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A value with every number as an `f64`, as JavaScript holds it (`serde_json` keeps `1` and
/// `1.0` apart).
fn numbers_as_f64(value: Value) -> Value {
    match value {
        Value::Number(n) => json!(n.as_f64().expect("a number")),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_f64).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, numbers_as_f64(v)))
                .collect(),
        ),
        other => other,
    }
}

/// `value` as `decode_tape` reads it back from its tape, against `serde_json`'s own value.
fn both(value: &impl Serialize) -> (Value, Value) {
    let tape = Tape::of(value).expect("a tape");
    let json = serde_json::to_value(value).expect("json");
    (numbers_as_f64(decode(&tape)), numbers_as_f64(json))
}

/// `decode_tape` in Rust: the same walk, strings sliced in UTF-16 units.
fn decode(tape: &Tape) -> Value {
    let text: Vec<u16> = tape.text.encode_utf16().collect();
    let names = tape.names();
    let names: Vec<&str> = names.split('\n').collect();
    let (mut o, mut n, mut t) = (0, 0, 0);
    let value = decode_value(tape, &text, &names, &mut o, &mut n, &mut t);
    assert_eq!(o, tape.ops.len(), "every op read");
    assert_eq!(n, tape.numbers.len(), "every number read");
    assert_eq!(t, text.len(), "all the text read");
    value
}

fn decode_value(
    tape: &Tape,
    text: &[u16],
    names: &[&str],
    o: &mut usize,
    n: &mut usize,
    t: &mut usize,
) -> Value {
    let op = tape.ops[*o];
    *o += 1;
    let arg = op >> TAG_BITS;
    match op & TAG_MASK {
        NULL => Value::Null,
        BOOL => Value::Bool(arg == 1),
        SMALL => json!(arg),
        NUMBER => {
            *n += 1;
            json!(tape.numbers[*n - 1])
        }
        STRING => {
            let end = *t + arg as usize;
            let s = String::from_utf16(&text[*t..end]).expect("whole characters");
            *t = end;
            Value::String(s)
        }
        NAME => Value::String(names[arg as usize].to_owned()),
        ARRAY => {
            let mut items = Vec::new();
            while tape.ops[*o] != END {
                items.push(decode_value(tape, text, names, o, n, t));
            }
            *o += 1;
            Value::Array(items)
        }
        OBJECT => {
            let mut object = Map::new();
            while tape.ops[*o] != END {
                let key = match decode_value(tape, text, names, o, n, t) {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                let value = decode_value(tape, text, names, o, n, t);
                object.insert(key, value);
            }
            *o += 1;
            Value::Object(object)
        }
        PAIR => {
            *o += 2;
            json!([tape.ops[*o - 2], tape.ops[*o - 1]])
        }
        tag => panic!("op {op}: tag {tag}"),
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Newtype(u8);

#[derive(Serialize)]
struct Pair(i32, String);

#[derive(Serialize)]
enum Shape {
    Plain,
    Wrapped(f64),
    Tuple(u8, bool),
    Fields {
        left: [usize; 2],
        note: Option<String>,
    },
}

#[derive(Serialize)]
struct Everything {
    yes: bool,
    no: bool,
    small: u32,
    negative: i64,
    large: u64,
    score: f64,
    float: f32,
    letter: char,
    text: String,
    accents: &'static str,
    missing: Option<u8>,
    present: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    unit: (),
    unit_struct: Unit,
    newtype: Newtype,
    pair: Pair,
    shapes: Vec<Shape>,
    by_name: BTreeMap<String, Vec<u8>>,
    by_number: BTreeMap<u32, &'static str>,
    empty: Vec<u8>,
    empty_map: BTreeMap<String, u8>,
    nested: Vec<Vec<Option<bool>>>,
    ranges: Vec<[usize; 2]>,
    tuples: Vec<(u8, u8)>,
}

fn everything() -> Everything {
    Everything {
        yes: true,
        no: false,
        small: 7,
        negative: -42,
        large: 1 << 40,
        score: 0.961,
        float: 0.5,
        letter: '€',
        text: "line one\nline two".to_owned(),
        accents: "Pjöngjang 😀 “quoted” — Ωmega",
        missing: None,
        present: Some(0),
        skipped: None,
        unit: (),
        unit_struct: Unit,
        newtype: Newtype(3),
        pair: Pair(-1, "b".to_owned()),
        shapes: vec![
            Shape::Plain,
            Shape::Wrapped(-2.5),
            Shape::Tuple(1, true),
            Shape::Fields {
                left: [3, 9],
                note: None,
            },
        ],
        by_name: BTreeMap::from([("a".to_owned(), vec![1]), ("é".to_owned(), vec![])]),
        by_number: BTreeMap::from([(2, "two"), (10, "ten")]),
        empty: Vec::new(),
        empty_map: BTreeMap::new(),
        nested: vec![vec![Some(true), None], vec![]],
        ranges: vec![[0, 5], [6, 34]],
        tuples: vec![(1, 2)],
    }
}

#[test]
fn every_shape_reads_back_as_serde_json_writes_it() {
    let (got, want) = both(&everything());
    assert_eq!(got, want);
}

/// Each kind of value, on its own: the table names the op it takes.
#[test]
fn values_take_the_ops_of_their_kind() {
    let cases: &[(&str, Value, u32)] = &[
        (
            "null",
            serde_json::to_value(None::<u8>).expect("json"),
            NULL,
        ),
        ("bool", json!(true), BOOL),
        ("small", json!(12), SMALL),
        ("largest small", json!(super::MAX_ARG), SMALL),
        ("past small", json!(super::MAX_ARG + 1), NUMBER),
        ("negative", json!(-1), NUMBER),
        ("fraction", json!(0.25), NUMBER),
        ("string", json!("x"), STRING),
        ("array", json!([1]), ARRAY),
        ("object", json!({"k": 1}), OBJECT),
        ("two small numbers", json!([3, 9]), PAIR),
        ("a large one of two", json!([3, super::MAX_ARG + 1]), ARRAY),
        ("a negative one of two", json!([-3, 9]), ARRAY),
        ("three small numbers", json!([1, 2, 3]), ARRAY),
        ("one small number", json!([1]), ARRAY),
        // The pair's words (6 is an array's op, 34 a small number's) are not read as ops.
        ("a pair, then a number", json!([[6, 34], 5]), ARRAY),
        ("a number, then a pair", json!([5, [6, 34]]), ARRAY),
    ];
    for (label, value, tag) in cases {
        let tape = Tape::of(value).expect(label);
        assert_eq!(tape.ops[0] & TAG_MASK, *tag, "{label}");
        let (got, want) = both(value);
        assert_eq!(got, want, "{label}");
    }
}

#[test]
fn a_name_is_listed_once_however_often_it_is_used() {
    let value = vec![
        Shape::Plain,
        Shape::Plain,
        Shape::Wrapped(1.5),
        Shape::Plain,
    ];
    let tape = Tape::of(&value).expect("a tape");
    assert_eq!(tape.names(), "Plain\nWrapped");
    let (got, want) = both(&value);
    assert_eq!(got, want);
}

#[test]
fn what_javascript_cannot_hold_is_an_error() {
    let cases: Vec<(&str, Result<Tape, Error>)> = vec![
        ("u64 past 2^53", Tape::of(&(1u64 << 53))),
        ("i64 below -2^53", Tape::of(&(-(1i64 << 53) - 1))),
        ("bytes", Tape::of(serde_bytes_like())),
    ];
    for (label, result) in cases {
        assert!(result.is_err(), "{label}");
    }
    // The largest exact values are numbers.
    assert!(Tape::of(&((1u64 << 53) - 1)).is_ok());
    assert!(Tape::of(&(-(1i64 << 53) + 1)).is_ok());
}

/// A value `serde` writes as bytes.
fn serde_bytes_like() -> &'static Bytes {
    &Bytes
}

struct Bytes;

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(b"ab")
    }
}

#[test]
fn a_report_reads_back_as_its_json() {
    let left =
        "Putin and Kim signed a treaty in Pyongyang on Wednesday. The pact obliges each side \
                to help the other if attacked. “It is the most powerful treaty,” Kim said.";
    let right = "Kim and Putin signed a pact in Pyongyang on Wednesday, officials said. Each side \
                 must help the other in case of aggression. Kim called it “the most powerful treaty”.";
    let articles = [
        parallax::Article::new("wire", left),
        parallax::Article::new("ledger", right),
    ];
    let report = parallax::compare_all(&articles, &parallax::Options::default());
    assert!(!report.links.is_empty(), "the fixture links");
    let (got, want) = both(&report);
    assert_eq!(got, want);
}

/// A field named with a newline (the names are joined by newlines) is written as a string.
#[test]
fn a_name_holding_a_newline_is_a_string() {
    struct Odd;
    impl Serialize for Odd {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut s = serializer.serialize_struct("Odd", 3)?;
            s.serialize_field("two\nlines", &1u8)?;
            s.serialize_field("plain", &2u8)?;
            s.serialize_field("two\nlines", &3u8)?;
            s.end()
        }
    }
    let tape = Tape::of(&Odd).expect("a tape");
    assert_eq!(tape.names(), "plain");
    let (got, want) = both(&Odd);
    assert_eq!(got, want);
}
