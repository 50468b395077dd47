//! The Word package: content types, relationships, styles, settings, core properties and
//! comments around the body, zipped with a fixed timestamp.

use super::body::{Block, Body};
use super::xml::{Xml, W_NS};
use super::{DocxOptions, AUTHOR};
use std::io::{self, Seek, Write};

pub(super) fn content_types(comments: bool) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    );
    if comments {
        s.push_str("<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
    }
    s.push_str("</Types>");
    s
}

pub(super) const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

pub(super) fn document_rels(comments: bool) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>",
    );
    if comments {
        s.push_str("<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>");
    }
    s.push_str("</Relationships>");
    s
}

pub(super) fn styles() -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", W_NS)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    x.open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", "Arial"),
            ("w:hAnsi", "Arial"),
            ("w:cs", "Arial"),
        ],
    );
    x.empty("w:sz", &[("w:val", "22")]);
    x.empty("w:lang", &[("w:val", "fr-FR")]);
    x.close("w:rPr");
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    x.open("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[
            ("w:after", "120"),
            ("w:line", "264"),
            ("w:lineRule", "auto"),
        ],
    );
    x.empty("w:jc", &[("w:val", "both")]);
    x.close("w:pPr");
    x.close("w:pPrDefault");
    x.close("w:docDefaults");
    // CT_Style: name, basedOn, next, qFormat, pPr, rPr.
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    );
    x.empty("w:name", &[("w:val", "Normal")]);
    x.empty("w:qFormat", &[]);
    x.close("w:style");
    for level in 1..=6 {
        let id = format!("Heading{level}");
        let size = (34 - 3 * level).max(22).to_string();
        x.open("w:style", &[("w:type", "paragraph"), ("w:styleId", &id)]);
        x.empty("w:name", &[("w:val", &format!("heading {level}"))]);
        x.empty("w:basedOn", &[("w:val", "Normal")]);
        x.empty("w:next", &[("w:val", "Normal")]);
        x.empty("w:qFormat", &[]);
        x.open("w:pPr", &[]);
        x.empty("w:keepNext", &[]);
        x.empty("w:keepLines", &[]);
        x.empty("w:spacing", &[("w:before", "240"), ("w:after", "120")]);
        x.empty("w:jc", &[("w:val", "left")]);
        x.empty("w:outlineLvl", &[("w:val", &(level - 1).to_string())]);
        x.close("w:pPr");
        x.open("w:rPr", &[]);
        x.empty("w:b", &[]);
        x.empty("w:color", &[("w:val", "1F3864")]);
        x.empty("w:sz", &[("w:val", &size)]);
        x.close("w:rPr");
        x.close("w:style");
    }
    x.open(
        "w:style",
        &[("w:type", "character"), ("w:styleId", "CommentReference")],
    );
    x.empty("w:name", &[("w:val", "annotation reference")]);
    x.open("w:rPr", &[]);
    x.empty("w:sz", &[("w:val", "16")]);
    x.close("w:rPr");
    x.close("w:style");
    x.open(
        "w:style",
        &[("w:type", "table"), ("w:styleId", "TableGrid")],
    );
    x.empty("w:name", &[("w:val", "Table Grid")]);
    x.open("w:tblPr", &[]);
    x.open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "595959"),
            ],
        );
    }
    x.close("w:tblBorders");
    x.close("w:tblPr");
    x.close("w:style");
    x.close("w:styles");
    x.finish()
}

pub(super) fn settings(tracked: bool) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", W_NS)]);
    if tracked {
        // Edits made in Word on the comparison are tracked too.
        x.empty("w:trackRevisions", &[]);
    }
    x.empty("w:defaultTabStop", &[("w:val", "708")]);
    x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    x.close("w:settings");
    x.finish()
}

pub(super) fn core(title: &str, date: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.text("dc:title", &[], title);
    x.text("dc:creator", &[], AUTHOR);
    x.text("dc:language", &[], "fr-FR");
    x.text("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], date);
    x.close("cp:coreProperties");
    x.finish()
}

pub(super) fn comments_part(comments: &[(usize, String)], options: &DocxOptions) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:comments", &[("xmlns:w", W_NS)]);
    for (id, text) in comments {
        x.open(
            "w:comment",
            &[
                ("w:id", &id.to_string()),
                ("w:author", &options.author),
                ("w:date", &options.date),
                ("w:initials", "av"),
            ],
        );
        x.open("w:p", &[]);
        x.open("w:r", &[]);
        x.text("w:t", &[("xml:space", "preserve")], text);
        x.close("w:r");
        x.close("w:p");
        x.close("w:comment");
    }
    x.close("w:comments");
    x.finish()
}

pub(super) fn package<W: Write + Seek>(
    w: W,
    title: &str,
    options: &DocxOptions,
    blocks: &[Block],
    tracked: bool,
) -> io::Result<()> {
    let mut body = Body::new(options);
    for b in blocks {
        body.block(b);
    }
    let (document, comments) = body.finish(false);
    let mut zip = zip::ZipWriter::new(w);
    let file_options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let has_comments = !comments.is_empty();
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        (
            "[Content_Types].xml",
            content_types(has_comments).into_bytes(),
        ),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            document_rels(has_comments).into_bytes(),
        ),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings(tracked)),
        ("docProps/core.xml", core(title, &options.date)),
    ];
    if has_comments {
        parts.push(("word/comments.xml", comments_part(&comments, options)));
    }
    for (name, bytes) in parts {
        zip.start_file(name, file_options)
            .map_err(io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    zip.finish().map_err(io::Error::other)?;
    Ok(())
}
