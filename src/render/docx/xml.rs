//! The XML layer of the Word writer: namespaces, the characters XML 1.0 allows, and a thin
//! writer over quick-xml.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

pub(super) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Characters XML 1.0 forbids are dropped; everything else is escaped by quick-xml.
pub(super) fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}'
        })
        .collect()
}

/// A thin layer over quick-xml's writer.
pub(super) struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    pub(super) fn new() -> Xml {
        let mut w = Writer::new(Vec::new());
        let _ = w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        Xml { w }
    }
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut e = BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, xml_text(v).as_str()));
        }
        let _ = self.w.write_event(Event::Start(e));
    }
    pub(super) fn close(&mut self, name: &str) {
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut e = BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, xml_text(v).as_str()));
        }
        let _ = self.w.write_event(Event::Empty(e));
    }
    pub(super) fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        let t = xml_text(text);
        let _ = self.w.write_event(Event::Text(BytesText::new(&t)));
        self.close(name);
    }
    pub(super) fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }
}
