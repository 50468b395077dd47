//! Typed values of a word change: a token's text → [`Value`] (date, amount, duration, percent,
//! number). Reading a value never fails the diff: what cannot be read stays plain text. The
//! kinds, the parser and the formatter are [`crate::text::value`]'s.

use super::tokens::Token;
pub use crate::text::value::{parse_number, Value, ValueKind};

/// The kind of a word change, as the public JSON names it: the shared [`ValueKind`].
pub type ValueType = ValueKind;

/// Reads the value of one token, if it is a typed token.
pub fn value(token: &Token, source: &str) -> Option<Value> {
    crate::text::value::parse(token.kind.value_kind()?, token.text(source))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn first_value(text: &str) -> Option<Value> {
        tokenize(text)
            .iter()
            .find(|t| t.kind.is_value())
            .and_then(|t| value(t, text))
    }

    #[test]
    fn reads_french_values() {
        assert_eq!(
            first_value("le 30 juin 2021"),
            Some(Value::Date {
                year: Some(2021),
                month: 6,
                day: Some(30)
            })
        );
        assert_eq!(
            first_value("le 1er février 2021").map(|v| v.to_string()),
            Some("2021-02-01".into())
        );
        assert_eq!(
            first_value("fixé à 281 160 €"),
            Some(Value::Amount { euros: 281160.0 })
        );
        assert_eq!(
            first_value("90.000"),
            Some(Value::Number { value: 90000.0 })
        );
        assert_eq!(first_value("5,5 %"), Some(Value::Percent { value: 5.5 }));
        assert_eq!(
            first_value("durant 6 mois"),
            Some(Value::Duration {
                count: 6.0,
                unit: "mois".into()
            })
        );
        assert_eq!(
            first_value("le 2/4/2021").map(|v| v.to_string()),
            Some("2021-04-02".into())
        );
    }
}
