//! Decoding: raw file bytes -> normalised text, or the reason they are not text.
//!
//! Owns emptiness and binary detection, the UTF-8 / UTF-16 / Windows-1252
//! choice and line-ending normalisation, so every parser sees `\n`-only text.
//! Never panics, whatever the bytes.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ParseError;

/// How much of the file the binary sniffing looks at.
const SNIFF_LEN: usize = 8 * 1024;

/// Above this share of control bytes in the sniffed prefix, the file is not text.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// Above this share of invalid UTF-8 sequences, a non-SGML file is not taken for
/// Windows-1252 text but reported as undecodable. Latin-1 news in French or German
/// has a few percent of accented letters, each one invalid UTF-8 byte.
const MAX_INVALID_SHARE: f64 = 0.25;

/// A short file may hold a stray byte or two and still be far above
/// [`MAX_INVALID_SHARE`]; up to this many invalid bytes are always tolerated.
const MAX_STRAY_BYTES: usize = 3;

/// Magic numbers of formats that turn up in scraped folders but are never articles.
const BINARY_MAGIC: &[&[u8]] = &[
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1F\x8B",
    b"%PDF",
    b"BZh",
    b"\xFD7zXZ",
    b"7z\xBC\xAF",
    b"\x7FELF",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\xD0\xCF\x11\xE0",
];

/// Whether the caller expects legacy single-byte text (Reuters-21578 SGML is
/// Latin-1), in which case any invalid UTF-8 means Windows-1252.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Expected,
    Tolerated,
}

/// Decodes a whole file to text with `\n` line ends.
pub fn decode(bytes: &[u8], legacy: Legacy) -> Result<String, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        decode_with_bom(bytes, encoding, bom_len)?
    } else {
        if looks_binary(bytes) {
            return Err(ParseError::Binary);
        }
        decode_without_bom(bytes, legacy)?
    };
    let normalised = normalise_line_ends(&text);
    if normalised.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(normalised)
}

/// A first cheap look at the bytes, so format detection can pick the SGML
/// parser (and its Latin-1 tolerance) before decoding.
pub fn looks_like_reuters_sgml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let trimmed = trim_ascii_start(head);
    starts_with_ignore_case(trimmed, b"<!DOCTYPE lewis") || contains(head, b"<REUTERS")
}

fn decode_with_bom(
    bytes: &[u8],
    encoding: &'static Encoding,
    bom_len: usize,
) -> Result<String, ParseError> {
    let body = &bytes[bom_len..];
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors && encoding != UTF_16LE && encoding != UTF_16BE {
        return Err(ParseError::Undecodable(format!(
            "invalid {} after byte order mark",
            encoding.name()
        )));
    }
    if had_errors {
        // An odd byte count or a lone surrogate: most likely truncated, still text.
        let replaced = text.chars().filter(|c| *c == '\u{FFFD}').count();
        if replaced * 100 > text.chars().count().max(1) {
            return Err(ParseError::Undecodable(format!(
                "invalid {}",
                encoding.name()
            )));
        }
    }
    if text.contains('\0') {
        return Err(ParseError::Binary);
    }
    Ok(text.into_owned())
}

fn decode_without_bom(bytes: &[u8], legacy: Legacy) -> Result<String, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            let invalid_bytes = count_invalid_utf8(bytes);
            let invalid_share = invalid_bytes as f64 / bytes.len().max(1) as f64;
            let too_many = invalid_bytes > MAX_STRAY_BYTES && invalid_share > MAX_INVALID_SHARE;
            if legacy == Legacy::Tolerated && too_many {
                return Err(ParseError::Undecodable(format!(
                    "not UTF-8 ({:.1} % invalid bytes)",
                    invalid_share * 100.0
                )));
            }
            // Windows-1252 is a superset of the printable Latin-1 range and maps
            // every byte, so this cannot fail.
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

/// How many bytes are not part of a valid UTF-8 sequence.
fn count_invalid_utf8(bytes: &[u8]) -> usize {
    bytes.utf8_chunks().map(|chunk| chunk.invalid().len()).sum()
}

fn looks_binary(bytes: &[u8]) -> bool {
    if BINARY_MAGIC.iter().any(|magic| bytes.starts_with(magic)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&byte| byte < 0x20 && !matches!(byte, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control as f64 / head.len().max(1) as f64 > MAX_CONTROL_SHARE
}

/// CRLF and lone CR -> LF, so parsers split on `\n` only.
fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether `needle` occurs in `haystack`. Text without the needle's first
/// byte (most plain text has no `<`) is rejected by one fast byte search.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if !haystack.contains(&first) {
        return false;
    }
    haystack
        .iter()
        .enumerate()
        .any(|(at, &byte)| byte == first && haystack[at + 1..].starts_with(rest))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Name, input bytes, legacy expectation, expected text or error.
    type Case = (
        &'static str,
        Vec<u8>,
        Legacy,
        Result<&'static str, ParseError>,
    );

    #[test]
    fn decodes_or_rejects_bytes() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kyiv talks\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kyiv talks\r\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let cases: Vec<Case> = vec![
            ("empty", vec![], Legacy::Tolerated, Err(ParseError::Empty)),
            (
                "blank",
                b" \n\t\r\n".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Empty),
            ),
            (
                "utf8",
                "Minister Joly spoke.".into(),
                Legacy::Tolerated,
                Ok("Minister Joly spoke."),
            ),
            (
                "bom",
                b"\xEF\xBB\xBFTalks resumed.".to_vec(),
                Legacy::Tolerated,
                Ok("Talks resumed."),
            ),
            (
                "crlf",
                b"one\r\ntwo\rthree".to_vec(),
                Legacy::Tolerated,
                Ok("one\ntwo\nthree"),
            ),
            ("utf16le", utf16le, Legacy::Tolerated, Ok("Kyiv talks\n")),
            ("utf16be", utf16be, Legacy::Tolerated, Ok("Kyiv talks\n")),
            (
                "stray latin1 byte",
                b"The caf\xE9 on the corner of the square stayed open all night long, \
                  serving soldiers and reporters who had nowhere else to go."
                    .to_vec(),
                Legacy::Tolerated,
                Ok(
                    "The caf\u{e9} on the corner of the square stayed open all night long, \
                    serving soldiers and reporters who had nowhere else to go.",
                ),
            ),
            (
                "short file, stray byte",
                b"Caf\xE9 reopens.".to_vec(),
                Legacy::Tolerated,
                Ok("Caf\u{e9} reopens."),
            ),
            (
                "sgml latin1",
                b"M\xFCnchen".to_vec(),
                Legacy::Expected,
                Ok("M\u{fc}nchen"),
            ),
            (
                "mostly invalid",
                b"\xE9\xE9\xE9 abc \xFC\xFC".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Undecodable(
                    "not UTF-8 (50.0 % invalid bytes)".into(),
                )),
            ),
            (
                "nul",
                b"abc\0def".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Binary),
            ),
            (
                "png",
                b"\x89PNG\r\n\x1a\n".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Binary),
            ),
            (
                "gzip",
                b"\x1F\x8B\x08\x00".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Binary),
            ),
            (
                "pdf",
                b"%PDF-1.7\n".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Binary),
            ),
            (
                "zip",
                b"PK\x03\x04rest".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Binary),
            ),
            (
                "controls",
                b"\x01\x02\x03\x04abc".to_vec(),
                Legacy::Tolerated,
                Err(ParseError::Binary),
            ),
        ];
        for (name, bytes, legacy, expected) in cases {
            let decoded = decode(&bytes, legacy);
            assert_eq!(decoded.as_deref().map_err(Clone::clone), expected, "{name}");
        }
    }

    #[test]
    fn never_panics_on_arbitrary_bytes() {
        // A cheap deterministic stand-in for fuzzing: every byte value in
        // several positions and lengths, with and without BOMs.
        let mut state: u32 = 0x2545_F491;
        for length in 0..300usize {
            let mut bytes = Vec::with_capacity(length);
            for _ in 0..length {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                bytes.push((state & 0xFF) as u8);
            }
            let _ = decode(&bytes, Legacy::Tolerated);
            let _ = decode(&bytes, Legacy::Expected);
            let with_bom: Vec<u8> = [0xFF, 0xFE].iter().copied().chain(bytes).collect();
            let _ = decode(&with_bom, Legacy::Tolerated);
        }
    }

    #[test]
    fn sniffs_reuters_sgml() {
        assert!(looks_like_reuters_sgml(
            b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
        ));
        assert!(looks_like_reuters_sgml(b"\n<REUTERS TOPICS=\"NO\">"));
        assert!(!looks_like_reuters_sgml(
            b"date 2022-01-10 Reuters reported"
        ));
    }
}
