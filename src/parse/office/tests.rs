use std::io::Write;

use super::*;
use crate::parse::FieldOverrides;

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default();
        for (name, content) in parts {
            writer.start_file(*name, options).unwrap();
            writer.write_all(content.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
    }
    bytes
}

const WORD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Grain talks resume</w:t></w:r></w:p>
<w:p><w:r><w:t>July 1, 2022</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Officials met in Istanbul. </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:t>“We are close,” said Hulusi Akar.</w:t></w:r></w:p>
<w:p><w:r><w:delText>Deleted words.</w:delText></w:r></w:p>
</w:body></w:document>"#;

const CORE: &str = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Draft</dc:title><dc:creator>Jane Doe</dc:creator></cp:coreProperties>"#;

#[test]
fn word_documents_give_their_headline_date_body_and_author() {
    let bytes = zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", WORD),
        ("docProps/core.xml", CORE),
    ]);
    let parsed = parse_office_zip(&bytes, &FieldOverrides::default())
        .unwrap()
        .unwrap();
    assert_eq!(parsed.layout, "Word document");
    let article = &parsed.articles[0];
    assert_eq!(article.title.as_deref(), Some("Grain talks resume"));
    assert_eq!(
        article.date.map(|date| date.to_string()).as_deref(),
        Some("2022-07-01")
    );
    assert_eq!(
        article.body,
        "Officials met in Istanbul. \u{201c}We are close,\u{201d} said Hulusi Akar."
    );
    assert_eq!(article.author.as_deref(), Some("Jane Doe"));
}

#[test]
fn opendocument_texts_are_read_and_other_zips_are_left_to_the_archive_reader() {
    let content = r#"<?xml version="1.0"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:h text:outline-level="1">Ships leave Odesa</text:h>
<text:p>The first ships left<text:s/>the port, <text:span>officials said</text:span>.</text:p>
</office:text></office:body></office:document-content>"#;
    let bytes = zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", content),
    ]);
    let parsed = parse_office_zip(&bytes, &FieldOverrides::default())
        .unwrap()
        .unwrap();
    assert_eq!(parsed.layout, "OpenDocument text");
    let article = &parsed.articles[0];
    assert_eq!(article.title.as_deref(), Some("Ships leave Odesa"));
    assert_eq!(
        article.body,
        "The first ships left the port, officials said."
    );
    let archive = zip_of(&[("news/a.txt", "date 2022-07-01 Talks.")]);
    assert!(parse_office_zip(&archive, &FieldOverrides::default()).is_none());
}
