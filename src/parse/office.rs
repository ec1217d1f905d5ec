//! Word (`.docx`) and OpenDocument (`.odt`) files: press releases and saved
//! articles as journalists keep them. Both are zip archives of XML; this
//! module reads the paragraphs of `word/document.xml` or `content.xml` (with
//! `roxmltree`), the headline from a paragraph styled as a title or the
//! document's own title, and the author from its properties. The text then
//! goes through the plain-text rules (a date line under the headline).

use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use super::byline::author_from_byline;
use super::spreadsheet::{is_spreadsheet_zip, parse_spreadsheet};
use super::text::parse_reference_text;
use super::{FieldOverrides, ParseError, ParsedFile};

/// Largest XML part read (a document's text is far smaller).
const MAX_PART_BYTES: u64 = 64 << 20;

/// The two kinds of office document, by the part that holds their text.
#[derive(Clone, Copy)]
enum Kind {
    Word,
    OpenDocument,
}

impl Kind {
    fn text_part(self) -> &'static str {
        match self {
            Kind::Word => "word/document.xml",
            Kind::OpenDocument => "content.xml",
        }
    }

    fn properties_part(self) -> &'static str {
        match self {
            Kind::Word => "docProps/core.xml",
            Kind::OpenDocument => "meta.xml",
        }
    }

    fn layout(self) -> &'static str {
        match self {
            Kind::Word => "Word document",
            Kind::OpenDocument => "OpenDocument text",
        }
    }
}

/// The articles of a zip that is a Word or OpenDocument text file or a
/// spreadsheet; `None` when the zip is another archive.
pub fn parse_office_zip(
    bytes: &[u8],
    fields: &FieldOverrides,
) -> Option<Result<ParsedFile, ParseError>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let mimetype = read_part(&mut archive, "mimetype");
    if is_spreadsheet_zip(&names, mimetype.as_deref()) {
        return Some(parse_spreadsheet(bytes, fields));
    }
    let has = |part: &str| names.iter().any(|name| name == part);
    let kind = if has(Kind::Word.text_part()) {
        Kind::Word
    } else if has(Kind::OpenDocument.text_part()) && has("mimetype") {
        Kind::OpenDocument
    } else {
        return None;
    };
    Some(parse_office(&mut archive, kind))
}

fn read_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let member = archive.by_name(name).ok()?;
    let mut text = String::new();
    member.take(MAX_PART_BYTES).read_to_string(&mut text).ok()?;
    Some(text)
}

fn parse_office(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    kind: Kind,
) -> Result<ParsedFile, ParseError> {
    let xml = read_part(archive, kind.text_part())
        .ok_or_else(|| ParseError::Malformed(format!("{} cannot be read", kind.text_part())))?;
    let document = Document::parse(&xml)
        .map_err(|error| ParseError::Malformed(format!("{}: {error}", kind.text_part())))?;
    let paragraphs: Vec<(String, bool)> = document
        .descendants()
        .filter(|node| node.is_element() && matches!(node.tag_name().name(), "p" | "h"))
        .filter(|node| !has_paragraph_ancestor(*node))
        .map(|node| (paragraph_text(node), is_title_paragraph(node)))
        .filter(|(text, _)| !text.trim().is_empty())
        .collect();
    let styled_title = paragraphs
        .first()
        .filter(|(_, is_title)| *is_title)
        .map(|(text, _)| text.trim().to_string());
    let skip = usize::from(styled_title.is_some());
    let body: Vec<&str> = paragraphs
        .iter()
        .skip(skip)
        .map(|(text, _)| text.trim())
        .collect();
    let mut article = parse_reference_text(&body.join("\n\n"))?;
    let properties_xml = read_part(archive, kind.properties_part()).unwrap_or_default();
    let properties = Document::parse(&properties_xml).ok();
    let property = |name: &str| {
        properties
            .as_ref()
            .and_then(|doc| property_value(doc, name))
    };
    article.title = styled_title.or_else(|| property("title"));
    article.author = property("creator").and_then(|creator| author_from_byline(&creator));
    Ok(ParsedFile {
        articles: vec![article],
        layout: kind.layout().to_string(),
        ..ParsedFile::default()
    })
}

/// A paragraph inside another (a text box) is read with it.
fn has_paragraph_ancestor(node: Node) -> bool {
    node.ancestors()
        .skip(1)
        .any(|ancestor| matches!(ancestor.tag_name().name(), "p" | "h"))
}

/// A Word `Title` or `Heading1` style, or an OpenDocument heading of level 1.
fn is_title_paragraph(node: Node) -> bool {
    if node.tag_name().name() == "h" {
        return node
            .attributes()
            .find(|attribute| attribute.name() == "outline-level")
            .is_none_or(|attribute| attribute.value() == "1");
    }
    node.descendants()
        .filter(|child| child.tag_name().name() == "pStyle")
        .flat_map(|style| style.attributes())
        .any(|attribute| {
            let style = attribute.value().to_ascii_lowercase().replace(' ', "");
            attribute.name() == "val" && (style == "title" || style == "heading1")
        })
}

/// The text of a paragraph: its text runs, tabs, breaks and spaces; field
/// codes and deleted text left out.
fn paragraph_text(node: Node) -> String {
    let mut text = String::new();
    for child in node.descendants() {
        if child.is_text() {
            let hidden = child.ancestors().any(|ancestor| {
                matches!(
                    ancestor.tag_name().name(),
                    "instrText" | "delText" | "pPr" | "rPr"
                )
            });
            if !hidden {
                text.push_str(child.text().unwrap_or_default());
            }
            continue;
        }
        match child.tag_name().name() {
            "tab" => text.push('\t'),
            "br" | "cr" | "line-break" => text.push('\n'),
            "s" => text.push(' '),
            _ => {}
        }
    }
    text
}

/// A document property (`title`, `creator`) of `docProps/core.xml` or
/// `meta.xml`, by local name.
fn property_value(document: &Document, name: &str) -> Option<String> {
    let node = document
        .descendants()
        .find(|node| node.is_element() && node.tag_name().name() == name)?;
    let value = node.text()?.trim().to_string();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests;
