//! Typed values of French conventions: one [`ValueKind`] (text, date, amount, number, duration,
//! percent, party, reference) shared by the tokenizer, the diff, the avenant and the templates,
//! with its parser ([`parse`], [`ValueKind::parse`]) and formatter ([`Value`]'s `Display`).
//!
//! ```
//! use avenant::text::value::{parse, Value, ValueKind};
//!
//! assert_eq!(ValueKind::parse("montant"), Some(ValueKind::Amount));
//! assert_eq!(ValueKind::Amount.noun(), "le montant");
//! let v = parse(ValueKind::Date, "1er février 2021").unwrap();
//! assert_eq!(v.to_string(), "2021-02-01");
//! assert_eq!(parse(ValueKind::Amount, "281 160 €"), Some(Value::Amount { euros: 281160.0 }));
//! ```

use super::month_number;
use serde::{Serialize, Serializer};
use std::fmt;

/// What a piece of text stands for. Serialized in lower case English (`"amount"`), the names
/// the diff JSON and the templates (`{{montant:amount}}`) use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    /// Plain words.
    Text,
    /// A date (« 30 juin 2021 », « 1er février », « 2/4/2021 »).
    Date,
    /// An amount in euros (« 281 160 € », « 90 k€ »).
    Amount,
    /// A bare number (« 6 », « 90.000 »).
    Number,
    /// A count and its unit (« 6 mois »).
    Duration,
    /// A rate (« 5,5 % »).
    Percent,
    /// A party's name as the convention writes it.
    Party,
    /// A reference to a text (« la référence : « … » »).
    Reference,
}

/// The légistique nouns of the avenant stages (`ValueType::Montant`…), kept as names of the
/// shared kinds so that the drafter and the reader read as before.
#[allow(non_upper_case_globals)]
impl ValueKind {
    /// « le montant »: [`ValueKind::Amount`].
    pub const Montant: ValueKind = ValueKind::Amount;
    /// « le nombre »: [`ValueKind::Number`].
    pub const Nombre: ValueKind = ValueKind::Number;
    /// « le taux »: [`ValueKind::Percent`].
    pub const Taux: ValueKind = ValueKind::Percent;
    /// « la durée »: [`ValueKind::Duration`].
    pub const Duree: ValueKind = ValueKind::Duration;
}

impl ValueKind {
    /// Every kind, in declaration order.
    pub const ALL: [ValueKind; 8] = [
        ValueKind::Text,
        ValueKind::Date,
        ValueKind::Amount,
        ValueKind::Number,
        ValueKind::Duration,
        ValueKind::Percent,
        ValueKind::Party,
        ValueKind::Reference,
    ];

    /// The English name, as serialized (`"amount"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Text => "text",
            ValueKind::Date => "date",
            ValueKind::Amount => "amount",
            ValueKind::Number => "number",
            ValueKind::Duration => "duration",
            ValueKind::Percent => "percent",
            ValueKind::Party => "party",
            ValueKind::Reference => "reference",
        }
    }

    /// The French name without accent (`"montant"`), as the avenant's JSON writes it.
    pub fn french(self) -> &'static str {
        match self {
            ValueKind::Text => "texte",
            ValueKind::Date => "date",
            ValueKind::Amount => "montant",
            ValueKind::Number => "nombre",
            ValueKind::Duration => "duree",
            ValueKind::Percent => "taux",
            ValueKind::Party => "partie",
            ValueKind::Reference => "reference",
        }
    }

    /// Reads a kind from its English or French name, in any case (`amount`, `montant`,
    /// `durée`…).
    pub fn parse(s: &str) -> Option<ValueKind> {
        Some(match s.to_lowercase().as_str() {
            "text" | "texte" => ValueKind::Text,
            "date" => ValueKind::Date,
            "amount" | "montant" => ValueKind::Amount,
            "number" | "nombre" => ValueKind::Number,
            "duration" | "duree" | "durée" => ValueKind::Duration,
            "percent" | "taux" => ValueKind::Percent,
            "party" | "partie" => ValueKind::Party,
            "reference" | "référence" => ValueKind::Reference,
            _ => return None,
        })
    }

    /// The noun légistique cites it by (« la date », « le montant »…; « les mots » for text).
    pub fn noun(self) -> &'static str {
        match self {
            ValueKind::Text => "les mots",
            ValueKind::Date => "la date",
            ValueKind::Amount => "le montant",
            ValueKind::Number => "le nombre",
            ValueKind::Duration => "la durée",
            ValueKind::Percent => "le taux",
            ValueKind::Party => "la partie",
            ValueKind::Reference => "la référence",
        }
    }

    /// The noun with an indefinite article, for messages (« une date », « un montant »).
    pub fn indefinite(self) -> &'static str {
        match self {
            ValueKind::Text => "un texte",
            ValueKind::Date => "une date",
            ValueKind::Amount => "un montant",
            ValueKind::Number => "un nombre",
            ValueKind::Duration => "une durée",
            ValueKind::Percent => "un taux",
            ValueKind::Party => "le nom d'une partie",
            ValueKind::Reference => "une référence",
        }
    }
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Serializes an optional kind by its French name (`"montant"`): the avenant's JSON.
pub fn serialize_french<S: Serializer>(kind: &Option<ValueKind>, s: S) -> Result<S::Ok, S::Error> {
    match kind {
        Some(k) => s.serialize_str(k.french()),
        None => s.serialize_none(),
    }
}

/// A value read from the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    /// Day may be absent (« novembre 2020 »), year too (« 1er février »).
    Date {
        /// The year, when written.
        year: Option<i32>,
        /// The month, 1 to 12.
        month: u32,
        /// The day of the month, when written.
        day: Option<u32>,
    },
    /// In euros.
    Amount {
        /// The amount in euros (« k€ » multiplied out).
        euros: f64,
    },
    /// A bare number.
    Number {
        /// The number read.
        value: f64,
    },
    /// Count and unit as written (« 6 », « mois »).
    Duration {
        /// How many units.
        count: f64,
        /// The unit as written.
        unit: String,
    },
    /// A rate.
    Percent {
        /// The rate in percent (« 5,5 % » is 5.5).
        value: f64,
    },
}

impl Value {
    /// The kind of this value.
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Date { .. } => ValueKind::Date,
            Value::Amount { .. } => ValueKind::Amount,
            Value::Number { .. } => ValueKind::Number,
            Value::Duration { .. } => ValueKind::Duration,
            Value::Percent { .. } => ValueKind::Percent,
        }
    }
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

/// Reads the value of a text of the given kind (« 281 160 € » as an amount); `None` for text,
/// parties and references, and for what cannot be read.
pub fn parse(kind: ValueKind, text: &str) -> Option<Value> {
    match kind {
        ValueKind::Text | ValueKind::Party | ValueKind::Reference => None,
        ValueKind::Number => parse_number(text).map(|value| Value::Number { value }),
        ValueKind::Amount => {
            let (v, unit) = leading_number(text)?;
            let euros = if unit == "k€" { v * 1000.0 } else { v };
            Some(Value::Amount { euros })
        }
        ValueKind::Percent => leading_number(text).map(|(value, _)| Value::Percent { value }),
        ValueKind::Duration => leading_number(text).map(|(count, unit)| Value::Duration {
            count,
            unit: unit.to_string(),
        }),
        ValueKind::Date => date(text),
    }
}

/// A date as French conventions write it: « 30 juin 2021 », « 1er février », « 2/4/2021 ».
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
    use super::*;

    #[test]
    fn names_read_back() {
        for k in ValueKind::ALL {
            assert_eq!(ValueKind::parse(k.as_str()), Some(k));
            assert_eq!(ValueKind::parse(k.french()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }
}
