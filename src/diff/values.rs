//! Typed values of a word change: a token's text → [`Value`] (date, amount, duration, percent,
//! number). Reading a value never fails the diff: what cannot be read stays plain text.

use super::tokens::{month_number, Token, TokenKind};
use serde::Serialize;
use std::fmt;

/// The type of a word change, as the public JSON names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    Text,
    Date,
    Amount,
    Number,
    Duration,
    Percent,
}

impl ValueType {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Text => "text",
            ValueType::Date => "date",
            ValueType::Amount => "amount",
            ValueType::Number => "number",
            ValueType::Duration => "duration",
            ValueType::Percent => "percent",
        }
    }

    /// The French noun légistique uses for it (« la date », « le montant »…).
    pub fn noun(self) -> &'static str {
        match self {
            ValueType::Text => "les mots",
            ValueType::Date => "la date",
            ValueType::Amount => "le montant",
            ValueType::Number => "le nombre",
            ValueType::Duration => "la durée",
            ValueType::Percent => "le taux",
        }
    }

    pub(crate) fn of(kind: TokenKind) -> ValueType {
        match kind {
            TokenKind::Word | TokenKind::Punct => ValueType::Text,
            TokenKind::Number => ValueType::Number,
            TokenKind::Date => ValueType::Date,
            TokenKind::Amount => ValueType::Amount,
            TokenKind::Percent => ValueType::Percent,
            TokenKind::Duration => ValueType::Duration,
        }
    }
}

/// A value read from the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    /// Day may be absent (« novembre 2020 »), year too (« 1er février »).
    Date {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
    },
    /// In euros.
    Amount {
        euros: f64,
    },
    Number {
        value: f64,
    },
    /// Count and unit as written (« 6 », « mois »).
    Duration {
        count: f64,
        unit: String,
    },
    Percent {
        value: f64,
    },
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Date { year, month, day } => {
                match year {
                    Some(y) => write!(f, "{y:04}-{month:02}")?,
                    None => write!(f, "--{month:02}")?,
                }
                if let Some(d) = day {
                    write!(f, "-{d:02}")?;
                }
                Ok(())
            }
            Value::Amount { euros } => write!(f, "{euros} €"),
            Value::Number { value } => write!(f, "{value}"),
            Value::Duration { count, unit } => write!(f, "{count} {unit}"),
            Value::Percent { value } => write!(f, "{value} %"),
        }
    }
}

/// Reads a French number: spaces between groups, `,` decimal, `.` thousands (« 90.000 »).
pub fn parse_number(s: &str) -> Option<f64> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let cleaned = if compact.contains(',') {
        compact.replace('.', "").replace(',', ".")
    } else if let Some(pos) = compact.rfind('.') {
        let decimals = compact.len() - pos - 1;
        if decimals == 3 {
            compact.replace('.', "")
        } else {
            compact
        }
    } else {
        compact
    };
    cleaned.parse::<f64>().ok()
}

/// The leading number of a token (« 281 160 » of « 281 160 € »).
fn leading_number(s: &str) -> Option<(f64, &str)> {
    let end = s
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_digit()
                || *c == '.'
                || *c == ','
                || (*c == ' '
                    && s[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit())))
        })
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    parse_number(&s[..end]).map(|v| (v, s[end..].trim()))
}

/// Reads the value of one token, if it is a typed token.
pub fn value(token: &Token, source: &str) -> Option<Value> {
    let text = token.text(source);
    match token.kind {
        TokenKind::Word | TokenKind::Punct => None,
        TokenKind::Number => parse_number(text).map(|value| Value::Number { value }),
        TokenKind::Amount => {
            let (v, unit) = leading_number(text)?;
            let euros = if unit == "k€" { v * 1000.0 } else { v };
            Some(Value::Amount { euros })
        }
        TokenKind::Percent => leading_number(text).map(|(value, _)| Value::Percent { value }),
        TokenKind::Duration => leading_number(text).map(|(count, unit)| Value::Duration {
            count,
            unit: unit.to_string(),
        }),
        TokenKind::Date => date(text),
    }
}

fn date(text: &str) -> Option<Value> {
    if text.contains('/') {
        let parts: Vec<&str> = text.split('/').collect();
        let day = parts.first()?.parse().ok()?;
        let month = parts.get(1)?.parse().ok()?;
        let mut year: i32 = parts.get(2)?.parse().ok()?;
        if year < 100 {
            year += 2000;
        }
        return Some(Value::Date {
            year: Some(year),
            month,
            day: Some(day),
        });
    }
    let words: Vec<&str> = text.split(' ').collect();
    let (day, rest) = match words.first() {
        Some(&"1er") => (Some(1), &words[1..]),
        Some(w) if w.bytes().all(|b| b.is_ascii_digit()) => (w.parse().ok(), &words[1..]),
        _ => (None, &words[..]),
    };
    let month = month_number(rest.first()?)?;
    let year = rest.get(1).and_then(|y| y.parse().ok());
    Some(Value::Date { year, month, day })
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
