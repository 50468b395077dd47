//! Annexes renumbered (« L'annexe 3 devient l'annexe 2. », « Les annexes 3 à 5 deviennent
//! respectivement les annexes 2 à 4. ») and inserted between two (« Après l'annexe 1, il est
//! inséré une annexe 2 ainsi rédigée : »): the sentences and their readers, side by side.

use super::*;

/// A list of annex labels as cited: « 3 », « 3 et 4 », « 3 à 5 ».
fn annex_list(labels: &[String]) -> String {
    if labels.len() > 2 && consecutive_labels(labels) {
        return format!("{} à {}", labels[0], labels[labels.len() - 1]);
    }
    match labels.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// « L'annexe 3 devient l'annexe 2. » / « Les annexes 3 à 5 deviennent respectivement les
/// annexes 2 à 4. »
pub fn renumber_annexes(from: &[String], to: &[String]) -> Sentence {
    if from.len() == 1 && to.len() == 1 {
        return Sentence::line(format!("l'annexe {} devient l'annexe {}", from[0], to[0]));
    }
    Sentence::line(format!(
        "les annexes {} deviennent respectivement les annexes {}",
        annex_list(from),
        annex_list(to)
    ))
}

/// « 3 à 5 » → 3, 4, 5; « 3, 5 et 6 » → 3, 5, 6 (annex labels as written: « 1 », not « 1er »).
fn read_annex_list(s: &str) -> Vec<String> {
    let plain = |l: String| match l.strip_suffix("er") {
        Some(n) if n.chars().all(|c| c.is_ascii_digit()) => n.to_string(),
        _ => l,
    };
    if let Some((a, b)) = s.split_once(" à ") {
        if let Some(range) = label_range(a.trim(), b.trim()) {
            return range.into_iter().map(plain).collect();
        }
    }
    s.replace(" et ", ", ")
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(|x| plain(x.to_string()))
        .collect()
}

static R_ANNEX1: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^l'annexe (?P<a>\S+) devient l'annexe (?P<b>\S+?)\.?$")
        .expect("valid pattern")
});
static R_ANNEX2: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^les annexes (?P<a>.+?) deviennent respectivement les annexes (?P<b>.+?)\.?$",
    )
    .expect("valid pattern")
});

/// Old labels and the new labels they take, in order.
pub type Relabelling = (Vec<String>, Vec<String>);

/// Reads [`renumber_annexes`]'s sentence: the old and new labels, or an error when the two
/// lists differ in length; `None` when the sentence is not one.
pub fn read_renumber_annexes(skel: &str) -> Option<Result<Relabelling, String>> {
    let skel = skel.trim();
    if let Some(c) = R_ANNEX1.captures(skel) {
        return Some(Ok((vec![c["a"].to_string()], vec![c["b"].to_string()])));
    }
    let c = R_ANNEX2.captures(skel)?;
    let (from, to) = (read_annex_list(&c["a"]), read_annex_list(&c["b"]));
    if from.len() != to.len() || from.is_empty() {
        return Some(Err(format!(
            "« {skel} » : les deux listes d'annexes n'ont pas la même longueur"
        )));
    }
    Some(Ok((from, to)))
}

/// « Après l'annexe 1 de la convention, il est inséré une annexe 2 ainsi rédigée : » (or
/// « Avant l'annexe 1 … » when `before`) and the annex quoted whole.
pub fn insert_annex(
    t: &Target,
    before: bool,
    label: Option<&str>,
    heading: Option<&str>,
    blocks: &[String],
    style: &Style,
) -> Sentence {
    let l = label.map(|l| format!(" {l}")).unwrap_or_default();
    Sentence::with_block(
        format!(
            "{} {}, il est inséré une annexe{l} ainsi rédigée{}",
            if before { "avant" } else { "après" },
            cite_unit_in(&t.unit, Case::Nom, true, style.noun),
            colon(style)
        ),
        quote_block(
            &with_heading_line(annex_heading_line(label, heading), blocks),
            style,
        ),
    )
}

static R_INSERT_ANNEX: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?P<rel>après|avant)\s+(?P<t>l'annexe\b.*?),\s*(?:il\s+)?est\s+insérée?\s+une\s+annexe(?:\s+(?P<l>\S+(?:\s+(?:bis|ter|quater|(?-i:[A-Z])))?))?\s+ainsi\s+rédigée\s*:?$",
    )
    .expect("valid pattern")
});

/// Reads [`insert_annex`]'s sentence (quotations taken out): the annex it follows (noun
/// phrase) and the new annex's label.
pub fn read_insert_annex(skel: &str) -> Option<(String, Option<String>, bool)> {
    let c = R_INSERT_ANNEX.captures(skel.trim())?;
    Some((
        c["t"].to_string(),
        c.name("l").map(|m| m.as_str().to_string()),
        c["rel"].eq_ignore_ascii_case("avant"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annexes_renumbered_read_back() {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let s = renumber_annexes(&v(&["3"]), &v(&["2"])).standalone();
        assert_eq!(s, ["L'annexe 3 devient l'annexe 2."]);
        assert_eq!(
            read_renumber_annexes(&s[0]),
            Some(Ok((v(&["3"]), v(&["2"]))))
        );
        let s = renumber_annexes(&v(&["3", "4", "5"]), &v(&["2", "3", "4"])).standalone();
        assert_eq!(
            s,
            ["Les annexes 3 à 5 deviennent respectivement les annexes 2 à 4."]
        );
        assert_eq!(
            read_renumber_annexes(&s[0]),
            Some(Ok((v(&["3", "4", "5"]), v(&["2", "3", "4"]))))
        );
        let s = renumber_annexes(&v(&["1", "2"]), &v(&["2", "3"])).standalone();
        assert_eq!(
            read_renumber_annexes(&s[0]),
            Some(Ok((v(&["1", "2"]), v(&["2", "3"]))))
        );
        assert!(read_renumber_annexes("L'article 3 devient l'article 2.").is_none());
    }
}
