//! [`Avenant`] → Markdown (default), plain text or JSON. The shape follows LEGISTIQUE.md:
//! title, « Entre : … Et : … », visa, exposé, « Ceci exposé… » (for statuts and the like, « Considérant
//! … » and « … décide : »), the amending articles, « Autres
//! stipulations », « Entrée en vigueur », « Fait à … » and one signature block per party. All
//! the words come from [`super::formules`]; this module only lays them out.

use super::formules::{self, Style};
use super::model::{AmendingArticle, Avenant, Instruction};
use serde::Serialize;
use std::io::{self, Write};

/// Output format of an avenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AvenantFormat {
    /// Markdown, headings as `#`.
    #[default]
    Markdown,
    /// Plain text.
    Text,
    /// The avenant model as JSON.
    Json,
}

/// The avenant's blocks in order: (heading level or 0 for a paragraph, text); the Word renderer
/// lays the same blocks out.
pub fn blocks(av: &Avenant, style: &Style) -> Vec<(u8, String)> {
    // The body names the document by its own noun (« du contrat », « des statuts »).
    let style = &style.for_title(&av.title);
    let mut out: Vec<(u8, String)> = Vec::new();
    let p = |out: &mut Vec<(u8, String)>, s: String| out.push((0, s));
    // Statuts, règlement, charte without parties: no « Entre : », one signature (finding 18).
    let one_body = formules::adopted_by_one_body(av);
    out.push((1, formules::avenant_title(av)));
    if !one_body {
        p(&mut out, formules::ENTRE.to_string());
        for (i, party) in av.parties.iter().enumerate() {
            if i > 0 {
                p(&mut out, formules::ET.to_string());
            }
            p(&mut out, formules::party_line(party, style));
        }
        if av.parties.is_empty() {
            p(&mut out, "[partie A],".into());
            p(&mut out, formules::ET.to_string());
            p(&mut out, "[partie B],".into());
        }
        p(&mut out, formules::ensemble(&av.parties, style));
    }
    p(&mut out, formules::visa_convention(av, style));
    for v in &av.visa {
        p(&mut out, format!("{v},"));
    }
    if one_body {
        // A decision, not a contract: its motive, then the body that decides.
        p(
            &mut out,
            formules::considerant(av.objet.as_deref(), style.noun),
        );
        p(&mut out, formules::decides(av.organ.as_deref(), style));
    } else {
        p(&mut out, formules::expose_heading(style));
        p(
            &mut out,
            formules::objet(av.objet.as_deref(), style.noun, false),
        );
        p(&mut out, formules::convenu(style));
    }
    let mut n = 0;
    for art in &av.articles {
        n = n.max(art.number);
        out.push((
            2,
            formules::avenant_article_heading(art.number, &art.heading),
        ));
        for line in formules::article_body(art, style) {
            p(&mut out, line);
        }
    }
    out.push((
        2,
        formules::avenant_article_heading(
            n + 1,
            &formules::autres_stipulations_heading(style.noun),
        ),
    ));
    p(&mut out, formules::autres_stipulations(style.noun));
    out.push((
        2,
        formules::avenant_article_heading(n + 2, formules::ENTREE_EN_VIGUEUR_HEADING),
    ));
    p(
        &mut out,
        formules::entree_en_vigueur(av.effet.as_deref(), one_body),
    );
    if one_body {
        p(
            &mut out,
            formules::fait_a_once(av.lieu.as_deref(), av.date.as_deref()),
        );
        p(&mut out, "[nom et fonction du signataire]".into());
    } else {
        p(
            &mut out,
            formules::fait_a(av.lieu.as_deref(), av.date.as_deref(), av.parties.len()),
        );
    }
    for party in &av.parties {
        let (pour, who) = formules::signature(party);
        p(&mut out, pour);
        p(&mut out, who);
    }
    out
}

/// Writes the avenant as Markdown: `#` title, `##` articles, one paragraph per line.
pub fn write_markdown(av: &Avenant, style: &Style, w: &mut impl Write) -> io::Result<()> {
    for (i, (level, text)) in blocks(av, style).iter().enumerate() {
        if i > 0 {
            writeln!(w)?;
        }
        let escaped = escape(text);
        match level {
            0 => writeln!(w, "{escaped}")?,
            l => writeln!(w, "{} {escaped}", "#".repeat(*l as usize))?,
        }
    }
    Ok(())
}

/// Markdown escaping that keeps the « n° » and « 1° » of légistique readable.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '<' | '[' | '`' | '\\' | '&' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // `[date]` placeholders read better unescaped, and Markdown keeps them as text.
    out.replace("\\[lieu]", "[lieu]")
        .replace("\\[date]", "[date]")
        .replace("\\[partie", "[partie")
        .replace("\\[nom et fonction", "[nom et fonction")
        .replace("\\[organe", "[organe")
}

/// Writes the avenant as plain text: the same lines, no markup.
pub fn write_text(av: &Avenant, style: &Style, w: &mut impl Write) -> io::Result<()> {
    for (i, (_, text)) in blocks(av, style).iter().enumerate() {
        if i > 0 {
            writeln!(w)?;
        }
        writeln!(w, "{text}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonAvenant<'a> {
    schema: u32,
    title: String,
    avenant: &'a Avenant,
    articles: Vec<JsonArticle<'a>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    number: u32,
    heading: String,
    text: Vec<String>,
    instructions: Vec<JsonInstruction<'a>>,
}

#[derive(Serialize)]
struct JsonInstruction<'a> {
    #[serde(flatten)]
    instruction: &'a Instruction,
    sentence: Vec<String>,
}

fn json_article<'a>(art: &'a AmendingArticle, style: &Style) -> JsonArticle<'a> {
    JsonArticle {
        number: art.number,
        heading: formules::avenant_article_heading(art.number, &art.heading),
        text: formules::article_body(art, style),
        instructions: art
            .instructions
            .iter()
            .map(|i| JsonInstruction {
                instruction: i,
                sentence: formules::sentence(i, None, style).standalone(),
            })
            .collect(),
    }
}

/// Writes the avenant as JSON (`"schema": 1`): the model, and each instruction's sentence.
pub fn write_json(av: &Avenant, style: &Style, w: &mut impl Write) -> io::Result<()> {
    let style = &style.for_title(&av.title);
    let view = JsonAvenant {
        schema: crate::render::json::SCHEMA,
        title: formules::avenant_title(av),
        avenant: av,
        articles: av.articles.iter().map(|a| json_article(a, style)).collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &view).map_err(io::Error::other)?;
    writeln!(w)
}

/// Writes the avenant in the given format.
pub fn write(
    av: &Avenant,
    format: AvenantFormat,
    style: &Style,
    w: &mut impl Write,
) -> io::Result<()> {
    match format {
        AvenantFormat::Markdown => write_markdown(av, style, w),
        AvenantFormat::Text => write_text(av, style, w),
        AvenantFormat::Json => write_json(av, style, w),
    }
}

/// The avenant as a string in the given format (default style).
pub fn to_string(av: &Avenant, format: AvenantFormat) -> String {
    let mut out = Vec::new();
    let _ = write(av, format, &Style::default(), &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The avenant as Markdown (default style).
pub fn markdown(av: &Avenant) -> String {
    to_string(av, AvenantFormat::Markdown)
}
