//! WARC files of crawled news: each `response` record holding an HTML page
//! is an article, read by [`super::html`].
//!
//! Records are split by their `Content-Length` on the bytes, before any text
//! decoding (a WARC may hold binary payloads). A record cut short (a
//! truncated download) is read as far as it goes, with a warning. The crawl
//! time (`WARC-Date`) is not the publication date and is not used as one.

use super::decode::{decode, Legacy};
use super::html::parse_html_page;
use super::record::skip_reason;
use super::ParsedFile;

/// Whether the bytes start a WARC file.
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/")
}

/// Parses every HTML response record of a WARC file.
pub fn parse_warc(bytes: &[u8]) -> ParsedFile {
    let mut parsed = ParsedFile {
        layout: "WARC".to_string(),
        field_sources: vec![
            ("id", "WARC-Record-ID".to_string()),
            ("url", "og:url, else WARC-Target-URI".to_string()),
            ("body", "HTML article text".to_string()),
        ],
        ..ParsedFile::default()
    };
    let mut rest = bytes;
    let mut number = 0;
    while let Some(start) = find(rest, b"WARC/") {
        number += 1;
        let record = &rest[start..];
        let Some(header_end) = find(record, b"\r\n\r\n").map(|at| at + 4) else {
            parsed
                .skipped
                .push(format!("record {number}: no end of WARC header"));
            break;
        };
        let header = String::from_utf8_lossy(&record[..header_end]);
        let field = |name: &str| header_value(&header, name);
        let declared = field("Content-Length").and_then(|length| length.parse::<usize>().ok());
        let available = record.len() - header_end;
        let block_len = declared.unwrap_or(available).min(available);
        if declared.is_some_and(|length| length > available) {
            parsed.warnings.push(format!(
                "record {number}: cut short ({available} of {} bytes); read what was there",
                declared.unwrap_or(0)
            ));
        }
        let block = &record[header_end..header_end + block_len];
        rest = &record[header_end + block_len..];
        let is_response =
            field("WARC-Type").is_some_and(|kind| kind.eq_ignore_ascii_case("response"));
        if !is_response {
            continue;
        }
        let Some(payload) = html_payload(block) else {
            continue;
        };
        let read = decode(payload, Legacy::Tolerated).and_then(|html| parse_html_page(&html));
        match read {
            Ok(mut article) => {
                article.part = Some(number);
                article.id =
                    field("WARC-Record-ID").map(|id| id.trim_matches(['<', '>']).to_string());
                if article.url.is_none() {
                    article.url = field("WARC-Target-URI");
                }
                parsed.articles.push(article);
            }
            Err(problem) => parsed
                .skipped
                .push(skip_reason(&format!("record {number}"), &problem)),
        }
    }
    parsed
}

/// The HTTP payload of a response block when it is HTML.
fn html_payload(block: &[u8]) -> Option<&[u8]> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let header_end = find(block, b"\r\n\r\n").map(|at| at + 4)?;
    let header = String::from_utf8_lossy(&block[..header_end]).to_ascii_lowercase();
    let is_html = header_value(&header, "content-type").is_none_or(|kind| kind.contains("html"));
    is_html.then(|| &block[header_end..])
}

fn header_value(header: &str, name: &str) -> Option<String> {
    header.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_truncated_response_record() {
        let html = "<html><head><meta property=\"og:title\" content=\"Ferry returns\"></head><body><article><p>The ferry returned on Sunday.</p></article>";
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
        let warc = format!(
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n\
             WARC/1.0\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Type: response\r\n\
             WARC-Target-URI: http://example.org/ferry\r\nContent-Length: 99999\r\n\r\n{http}"
        );
        assert!(looks_like_warc(warc.as_bytes()));
        let parsed = parse_warc(warc.as_bytes());
        assert_eq!(parsed.articles.len(), 1, "{:?}", parsed.skipped);
        let article = &parsed.articles[0];
        assert_eq!(article.id.as_deref(), Some("urn:uuid:1"));
        assert_eq!(article.url.as_deref(), Some("http://example.org/ferry"));
        assert_eq!(article.title.as_deref(), Some("Ferry returns"));
        assert_eq!(parsed.warnings.len(), 1);
    }
}
