//! Reading a source file: whether it can hold an article is decided from
//! its first block (as ripgrep does), before the rest is read.

use std::io::Read;
use std::path::Path;

use crate::parse::looks_like_pdf;

/// How much of a file is read before deciding whether it can be an article.
const SNIFF_BYTES: usize = 8 * 1024;

/// How a file's bytes turned out.
#[derive(Debug)]
pub enum FileBytes {
    Read(Vec<u8>),
    /// Not an article (an image, a video, too large): skipped, not a failure.
    NotArticle(String),
    Failed(std::io::Error),
}

/// Whether a file kind is one newsdex reads although it is binary:
/// compressed files and archives (they may hold articles), and the
/// documents (Word, OpenDocument, RTF, PDF, spreadsheets).
fn is_readable_binary(kind: infer::Type) -> bool {
    matches!(
        kind.extension(),
        "gz" | "bz2"
            | "xz"
            | "zst"
            | "zip"
            | "tar"
            | "warc"
            | "docx"
            | "odt"
            | "rtf"
            | "pdf"
            | "xls"
            | "xlsx"
            | "ods"
    )
}

/// Magic numbers of files that are never articles, whatever their name; read
/// from the first block, so a 2 GB video costs 8 KB.
fn never_an_article(kind: Option<infer::Type>) -> Option<&'static str> {
    let kind = kind.filter(|kind| !is_readable_binary(*kind))?;
    match kind.matcher_type() {
        infer::MatcherType::Text | infer::MatcherType::Custom => None,
        _ => Some(kind.mime_type()),
    }
}

/// Whether the first block holds NUL bytes that no text encoding we read has
/// (UTF-16 text carries a byte-order mark; archives and the documents
/// newsdex reads are recognised first: a PDF's compressed streams, a
/// spreadsheet's cells hold any byte).
fn looks_binary(head: &[u8], kind: Option<infer::Type>) -> bool {
    let utf16_bom = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let read_as_document = looks_like_pdf(head)
        || kind.is_some_and(|kind| {
            is_readable_binary(kind) || kind.matcher_type() == infer::MatcherType::Archive
        });
    !utf16_bom && !read_as_document && head.contains(&0)
}

/// Reads a file, deciding from its first block (as ripgrep does) whether it
/// can hold an article before reading the rest, and refusing files over
/// `max_bytes`.
pub fn read_source(path: &Path, size: u64, max_bytes: u64) -> FileBytes {
    if size > max_bytes {
        return FileBytes::NotArticle(format!(
            "skipped: {:.0} MB is over the --max-filesize limit of {} MB",
            size as f64 / 1e6,
            max_bytes >> 20
        ));
    }
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) => return FileBytes::Failed(error),
    };
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(max_bytes)).unwrap_or(0) + 1);
    let mut head = (&mut file).take(SNIFF_BYTES as u64);
    if let Err(error) = head.read_to_end(&mut bytes) {
        return FileBytes::Failed(error);
    }
    // The kind is read from the first block once, for both checks.
    let kind = infer::get(&bytes);
    if let Some(mime) = never_an_article(kind) {
        return FileBytes::NotArticle(format!("skipped: not an article ({mime})"));
    }
    if looks_binary(&bytes, kind) {
        return FileBytes::NotArticle("skipped: binary file (not text)".to_string());
    }
    // The file may have grown since the walk: the cap holds for what is read.
    // One byte over the cap tells a file that grew; `u64::MAX` (no cap) must not overflow.
    let allowance = max_bytes
        .saturating_sub(bytes.len() as u64)
        .saturating_add(1);
    let mut rest = (&mut file).take(allowance);
    if let Err(error) = rest.read_to_end(&mut bytes) {
        return FileBytes::Failed(error);
    }
    if bytes.len() as u64 > max_bytes {
        return FileBytes::NotArticle(format!(
            "skipped: grew over the --max-filesize limit of {} MB while being read",
            max_bytes >> 20
        ));
    }
    FileBytes::Read(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: `newsdex extract` reads with no cap (`u64::MAX`); an empty
    /// file overflowed the allowance and a debug build panicked, ending the run.
    #[test]
    fn an_empty_file_reads_with_no_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        std::fs::write(&path, b"").unwrap();
        let read = read_source(&path, 0, u64::MAX);
        assert!(
            matches!(&read, FileBytes::Read(bytes) if bytes.is_empty()),
            "{read:?}"
        );
    }

    #[test]
    fn videos_are_skipped_from_their_first_block() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clip.txt");
        let mut mp4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41".to_vec();
        mp4.resize(64 * 1024, 7);
        std::fs::write(&path, &mp4).unwrap();
        let read = read_source(&path, mp4.len() as u64, 1 << 30);
        assert!(
            matches!(&read, FileBytes::NotArticle(reason) if reason.contains("video")),
            "{read:?}"
        );
    }

    #[test]
    fn binary_files_and_oversized_files_are_skipped_text_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("zeros");
        std::fs::write(&binary, [0u8; 100]).unwrap();
        assert!(matches!(
            read_source(&binary, 100, 1 << 30),
            FileBytes::NotArticle(_)
        ));
        let text = dir.path().join("a.txt");
        std::fs::write(&text, "A story.").unwrap();
        assert!(
            matches!(read_source(&text, 8, 1 << 30), FileBytes::Read(bytes) if bytes == b"A story.")
        );
        assert!(matches!(read_source(&text, 8, 4), FileBytes::NotArticle(_)));
        let gzip = dir.path().join("a.gz");
        std::fs::write(&gzip, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03").unwrap();
        assert!(matches!(
            read_source(&gzip, 10, 1 << 30),
            FileBytes::Read(_)
        ));
    }

    /// Regression: a PDF (binary streams, NUL bytes) was skipped as `not an
    /// article (application/pdf)` before it could be read.
    #[test]
    fn a_pdf_is_read_not_skipped_as_binary() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats/printed-article.pdf");
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(matches!(
            read_source(&path, size, 1 << 30),
            FileBytes::Read(_)
        ));
    }
}
