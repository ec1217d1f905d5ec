//! Spreadsheets of articles (media-monitoring exports, hand-kept lists):
//! Excel (`.xlsx`, `.xls`, `.xlsb`) and OpenDocument (`.ods`), read by
//! `calamine`. The first sheet with rows is written out as CSV and read as
//! any CSV file is: columns found by their names or their values, one
//! article a row. Dates typed as dates become ISO dates.

use std::io::Cursor;

use calamine::{Data, DataType, Reader};

use super::csv::parse_csv;
use super::{FieldOverrides, ParseError, ParsedFile};

/// Whether a zip holds a spreadsheet (Excel's workbook part or an
/// OpenDocument spreadsheet's mimetype), from its member names.
pub fn is_spreadsheet_zip(names: &[String], mimetype: Option<&str>) -> bool {
    let has = |part: &str| names.iter().any(|name| name == part);
    has("xl/workbook.xml")
        || has("xl/workbook.bin")
        || mimetype
            .is_some_and(|kind| kind.trim() == "application/vnd.oasis.opendocument.spreadsheet")
}

/// Whether the bytes are an OLE compound file (Excel 97-2003 `.xls`, among others).
pub fn looks_like_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// The articles of a spreadsheet: its first sheet with rows, read as CSV.
pub fn parse_spreadsheet(bytes: &[u8], fields: &FieldOverrides) -> Result<ParsedFile, ParseError> {
    let opened = calamine::open_workbook_auto_from_rs(Cursor::new(bytes));
    let mut workbook = match opened {
        Ok(workbook) => workbook,
        // A compound file that is no workbook: a Word 97-2003 document, an
        // Outlook message; not read.
        Err(_) if looks_like_compound_file(bytes) => {
            return Err(ParseError::NotArticle(
                "an Office 97-2003 file that is not a spreadsheet".to_string(),
            ))
        }
        Err(error) => {
            return Err(ParseError::Malformed(format!(
                "spreadsheet that cannot be read: {error}"
            )))
        }
    };
    let sheets = workbook.worksheets();
    let (_, rows) = sheets
        .iter()
        .find(|(_, range)| range.height() > 0)
        .ok_or(ParseError::NoBody)?;
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows.rows() {
        let cells = row.iter().map(cell_text);
        writer
            .write_record(cells)
            .map_err(|error| ParseError::Malformed(format!("spreadsheet row: {error}")))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| ParseError::Malformed(format!("spreadsheet: {error}")))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut parsed = parse_csv(&text, fields)?;
    parsed.layout = "spreadsheet".to_string();
    Ok(parsed)
}

/// A cell as text: dates as ISO dates (`2022-07-01`, with the time when it
/// has one), whole numbers without a decimal point.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(_) => match cell.as_datetime() {
            Some(moment) if moment.time() == chrono::NaiveTime::MIN => {
                moment.date().format("%Y-%m-%d").to_string()
            }
            Some(moment) => moment.format("%Y-%m-%dT%H:%M:%S").to_string(),
            None => cell.to_string(),
        },
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{}", *value as i64)
        }
        Data::Empty | Data::Error(_) => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A minimal Excel workbook: a header row, then one row per article
    /// with a date typed as a date (style 1: number format 14, a date).
    fn workbook(rows: &[[&str; 3]]) -> Vec<u8> {
        let cell = |column: char, row: usize, text: &str| {
            if let Some(serial) = text.strip_prefix('=') {
                return format!("<c r=\"{column}{row}\" s=\"1\"><v>{serial}</v></c>");
            }
            format!("<c r=\"{column}{row}\" t=\"inlineStr\"><is><t>{text}</t></is></c>")
        };
        let sheet_rows: String = rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let number = index + 1;
                let cells: String = ['A', 'B', 'C']
                    .iter()
                    .zip(row)
                    .map(|(column, text)| cell(*column, number, text))
                    .collect();
                format!("<row r=\"{number}\">{cells}</row>")
            })
            .collect();
        let parts = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>".to_string()),
            ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_string()),
            ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Export\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_string()),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>".to_string()),
            ("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>".to_string()),
            ("xl/worksheets/sheet1.xml", format!("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheet_rows}</sheetData></worksheet>")),
        ];
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, content) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_workbook_gives_one_article_a_row_with_typed_dates() {
        // 44743 is 2022-07-01 as Excel counts days.
        let bytes = workbook(&[
            ["Headline", "Published", "Text"],
            [
                "Grain talks resume",
                "=44743",
                "Officials met in Istanbul on Friday.",
            ],
            [
                "Ships leave Odesa",
                "2022-07-03",
                "The first ships left the port.",
            ],
        ]);
        let parsed = crate::parse::parse_file(
            std::path::Path::new("export.xlsx"),
            &bytes,
            &FieldOverrides::default(),
        )
        .unwrap();
        assert_eq!(parsed.layout, "spreadsheet");
        let summary: Vec<(Option<String>, Option<String>, &str)> = parsed
            .articles
            .iter()
            .map(|article| {
                (
                    article.title.clone(),
                    article.date.map(|date| date.to_string()),
                    article.body.as_str(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Some("Grain talks resume".to_string()),
                    Some("2022-07-01".to_string()),
                    "Officials met in Istanbul on Friday."
                ),
                (
                    Some("Ships leave Odesa".to_string()),
                    Some("2022-07-03".to_string()),
                    "The first ships left the port."
                ),
            ]
        );
    }

    #[test]
    fn an_office_binary_that_is_no_workbook_is_not_an_article() {
        let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        bytes.extend_from_slice(&[0u8; 600]);
        assert!(matches!(
            parse_spreadsheet(&bytes, &FieldOverrides::default()),
            Err(ParseError::NotArticle(_))
        ));
    }
}
