//! Compressed and archived inputs: `.gz`, `.bz2`, `.xz`, `.zst` streams and
//! `.zip`, `.tar` (and `.tar.gz` ...) archives, read in memory.
//!
//! The container is told by its magic bytes, never by the extension alone.
//! A compressed file is decoded and parsed as the file it holds (`x.json.gz`
//! as `x.json`); every member of an archive is parsed as a file of its own and
//! its articles are keyed `ARCHIVE#MEMBER` (see [`super::ParsedArticle::key`]).
//! Decompression counts bytes as it reads and stops at
//! [`MAX_DECOMPRESSED_BYTES`], so a zip bomb cannot eat memory. A truncated
//! stream keeps what was read, with a warning.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use super::{FieldOverrides, ParseError, ParsedArticle, ParsedFile};

/// Most bytes one file may expand to, all archive members together.
pub const MAX_DECOMPRESSED_BYTES: u64 = 512 << 20;

/// Archives inside archives are read this deep, no deeper.
pub const MAX_NESTING: usize = 3;

/// Members of an archive read at most: beyond, the rest is reported skipped.
const MAX_MEMBERS: usize = 200_000;

/// The containers newsdex opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Gzip,
    Bzip2,
    Xz,
    Zstd,
    Zip,
    Tar,
}

impl Container {
    pub fn name(self) -> &'static str {
        match self {
            Container::Gzip => "gzip",
            Container::Bzip2 => "bzip2",
            Container::Xz => "xz",
            Container::Zstd => "zstd",
            Container::Zip => "zip",
            Container::Tar => "tar",
        }
    }

    /// The extension a compressed file's name ends with, dropped to name
    /// what it holds.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Container::Gzip => &["gz", "tgz", "gzip"],
            Container::Bzip2 => &["bz2", "tbz", "tbz2"],
            Container::Xz => &["xz", "txz"],
            Container::Zstd => &["zst", "zstd"],
            Container::Zip => &["zip"],
            Container::Tar => &["tar"],
        }
    }
}

/// The container `bytes` start with, if any.
pub fn detect_container(bytes: &[u8]) -> Option<Container> {
    let magic: [(&[u8], Container); 6] = [
        (b"\x1F\x8B", Container::Gzip),
        (b"BZh", Container::Bzip2),
        (b"\xFD7zXZ\x00", Container::Xz),
        (b"\x28\xB5\x2F\xFD", Container::Zstd),
        (b"PK\x03\x04", Container::Zip),
        (b"PK\x05\x06", Container::Zip),
    ];
    if let Some((_, container)) = magic.iter().find(|(prefix, _)| bytes.starts_with(prefix)) {
        return Some(*container);
    }
    let is_tar = bytes.get(257..262) == Some(b"ustar".as_slice());
    is_tar.then_some(Container::Tar)
}

/// Parses a compressed file or an archive. `parse_inner` parses one decoded
/// file (and may come back here for nested containers, up to [`MAX_NESTING`]).
pub fn parse_container(
    path: &Path,
    bytes: &[u8],
    container: Container,
    fields: &FieldOverrides,
    depth: usize,
    parse_inner: fn(&Path, &[u8], &FieldOverrides, usize) -> Result<ParsedFile, ParseError>,
) -> Result<ParsedFile, ParseError> {
    if depth >= MAX_NESTING {
        return Err(ParseError::Malformed(format!(
            "{} nested deeper than {MAX_NESTING} levels",
            container.name()
        )));
    }
    match container {
        Container::Zip => match super::office::parse_office_zip(bytes, fields) {
            Some(document) => document,
            None => parse_zip(bytes, fields, depth, parse_inner),
        },
        Container::Tar => parse_tar(bytes, fields, depth, parse_inner),
        stream => {
            let (decoded, truncated) = decompress(stream, bytes)?;
            let inner_path = without_container_extension(path, stream);
            let mut parsed = parse_inner(&inner_path, &decoded, fields, depth + 1)?;
            if let Some(reason) = truncated {
                parsed.warnings.push(format!(
                    "{} stream cut short ({reason}); read what was there",
                    stream.name()
                ));
            }
            parsed.layout = format!("{} {}", stream.name(), parsed.layout);
            Ok(parsed)
        }
    }
}

/// `news.json.gz` -> `news.json`; `corpus.tgz` -> `corpus.tar`.
fn without_container_extension(path: &Path, container: Container) -> PathBuf {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !container.extensions().contains(&extension.as_str()) {
        return path.to_path_buf();
    }
    let tar_short_forms = ["tgz", "tbz", "tbz2", "txz"];
    if tar_short_forms.contains(&extension.as_str()) {
        return path.with_extension("tar");
    }
    path.with_extension("")
}

/// Decodes a whole stream, capped; a stream that ends early (truncated
/// download, missing trailer) gives what was decoded and the reason.
fn decompress(container: Container, bytes: &[u8]) -> Result<(Vec<u8>, Option<String>), ParseError> {
    let reader: Box<dyn Read + '_> = match container {
        Container::Gzip => Box::new(flate2::read::MultiGzDecoder::new(bytes)),
        Container::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(bytes)),
        Container::Xz => Box::new(liblzma::read::XzDecoder::new_multi_decoder(bytes)),
        Container::Zstd => Box::new(
            zstd::stream::read::Decoder::new(bytes)
                .map_err(|error| ParseError::Malformed(format!("zstd: {error}")))?,
        ),
        Container::Zip | Container::Tar => {
            return Err(ParseError::Malformed("not a compressed stream".into()))
        }
    };
    read_capped(reader, container.name(), MAX_DECOMPRESSED_BYTES)
}

/// Reads to the end or to `cap` bytes, whichever comes first.
fn read_capped(
    reader: impl Read,
    what: &str,
    cap: u64,
) -> Result<(Vec<u8>, Option<String>), ParseError> {
    let mut capped = reader.take(cap + 1);
    let mut decoded = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match capped.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => decoded.extend_from_slice(&chunk[..read]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) if decoded.is_empty() => {
                return Err(ParseError::Malformed(format!(
                    "cannot decode {what}: {error}"
                )))
            }
            Err(error) => return Ok((decoded, Some(error.to_string()))),
        }
        if decoded.len() as u64 > cap {
            return Err(ParseError::Malformed(format!(
                "{what} expands beyond {} MB; not read",
                cap >> 20
            )));
        }
    }
    Ok((decoded, None))
}

/// Member names that hold a corpus's documentation or system debris, never
/// news: `README`, `LICENSE`, `__MACOSX/`, dot files, DTDs.
pub fn is_documentation_name(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    let upper = base.to_ascii_uppercase();
    let doc_stems = [
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CHANGELOG",
        "MANIFEST",
    ];
    base.starts_with('.')
        || name.starts_with("__MACOSX/")
        || doc_stems.iter().any(|stem| upper.starts_with(stem))
        || upper.ends_with(".DTD")
}

/// Collects the articles of every member into one file's result.
struct MemberCollector {
    parsed: ParsedFile,
    inner_layout: Option<String>,
    total_bytes: u64,
}

impl MemberCollector {
    fn new() -> MemberCollector {
        MemberCollector {
            parsed: ParsedFile::default(),
            inner_layout: None,
            total_bytes: 0,
        }
    }

    /// Parses one member; its problems become skips of the archive, keyed by
    /// the member's name, so its neighbours are kept.
    fn add(
        &mut self,
        name: &str,
        bytes: &[u8],
        fields: &FieldOverrides,
        depth: usize,
        parse_inner: fn(&Path, &[u8], &FieldOverrides, usize) -> Result<ParsedFile, ParseError>,
    ) {
        let member = match parse_inner(Path::new(name), bytes, fields, depth + 1) {
            Ok(member) => member,
            Err(problem) => {
                self.parsed.skipped.push(format!("{name}: {problem}"));
                return;
            }
        };
        self.inner_layout.get_or_insert(member.layout);
        for skipped in member.skipped {
            self.parsed.skipped.push(format!("{name}#{skipped}"));
        }
        for warning in member.warnings {
            self.parsed.warnings.push(format!("{name}#{warning}"));
        }
        for article in member.articles {
            self.push_article(name, article);
        }
    }

    /// Numbers the article across the archive (`part`) and names it inside
    /// its member (`member`), so keys stay unique either way.
    fn push_article(&mut self, name: &str, article: ParsedArticle) {
        let inner_key = article.key(name);
        let number = self.parsed.articles.len() + 1;
        self.parsed.articles.push(ParsedArticle {
            part: Some(number),
            member: Some(inner_key),
            ..article
        });
    }

    fn finish(mut self, container: Container) -> ParsedFile {
        self.parsed.layout = match self.inner_layout {
            Some(inner) => format!("{} of {inner}", container.name()),
            None => container.name().to_string(),
        };
        self.parsed
    }
}

fn parse_zip(
    bytes: &[u8],
    fields: &FieldOverrides,
    depth: usize,
    parse_inner: fn(&Path, &[u8], &FieldOverrides, usize) -> Result<ParsedFile, ParseError>,
) -> Result<ParsedFile, ParseError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| ParseError::Malformed(format!("zip: {error}")))?;
    let mut collector = MemberCollector::new();
    for index in 0..archive.len().min(MAX_MEMBERS) {
        let mut member = match archive.by_index(index) {
            Ok(member) => member,
            Err(error) => {
                collector
                    .parsed
                    .skipped
                    .push(format!("member {index}: {error}"));
                continue;
            }
        };
        let name = member.name().to_string();
        if member.is_dir() || is_documentation_name(&name) {
            continue;
        }
        let budget = MAX_DECOMPRESSED_BYTES.saturating_sub(collector.total_bytes);
        let mut content = Vec::new();
        let read = (&mut member).take(budget + 1).read_to_end(&mut content);
        collector.total_bytes += content.len() as u64;
        if collector.total_bytes > MAX_DECOMPRESSED_BYTES {
            return Err(ParseError::Malformed(format!(
                "zip expands beyond {} MB; not read",
                MAX_DECOMPRESSED_BYTES >> 20
            )));
        }
        if let Err(error) = read {
            collector.parsed.skipped.push(format!("{name}: {error}"));
            continue;
        }
        collector.add(&name, &content, fields, depth, parse_inner);
    }
    Ok(collector.finish(Container::Zip))
}

fn parse_tar(
    bytes: &[u8],
    fields: &FieldOverrides,
    depth: usize,
    parse_inner: fn(&Path, &[u8], &FieldOverrides, usize) -> Result<ParsedFile, ParseError>,
) -> Result<ParsedFile, ParseError> {
    let mut archive = tar::Archive::new(bytes);
    let entries = archive
        .entries()
        .map_err(|error| ParseError::Malformed(format!("tar: {error}")))?;
    let mut collector = MemberCollector::new();
    for (index, entry) in entries.enumerate().take(MAX_MEMBERS) {
        let mut entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                collector
                    .parsed
                    .skipped
                    .push(format!("member {index}: {error}"));
                break;
            }
        };
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .map(|path| path.to_string_lossy().into_owned())
            .unwrap_or_else(|_| format!("member {index}"));
        if is_documentation_name(&name) {
            continue;
        }
        let mut content = Vec::new();
        if let Err(error) = entry.read_to_end(&mut content) {
            collector.parsed.skipped.push(format!("{name}: {error}"));
            continue;
        }
        collector.add(&name, &content, fields, depth, parse_inner);
    }
    Ok(collector.finish(Container::Tar))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tells_containers_by_magic_bytes() {
        let mut tar_header = vec![0u8; 512];
        tar_header[257..262].copy_from_slice(b"ustar");
        let cases: [(&[u8], Option<Container>); 7] = [
            (b"\x1F\x8B\x08\x00", Some(Container::Gzip)),
            (b"BZh91AY", Some(Container::Bzip2)),
            (b"\xFD7zXZ\x00\x00", Some(Container::Xz)),
            (b"\x28\xB5\x2F\xFD\x00", Some(Container::Zstd)),
            (b"PK\x03\x04rest", Some(Container::Zip)),
            (&tar_header, Some(Container::Tar)),
            (b"<DOC>", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(detect_container(bytes), expected);
        }
    }

    #[test]
    fn names_what_a_compressed_file_holds() {
        let cases = [
            ("a/news.json.gz", Container::Gzip, "a/news.json"),
            ("corpus.tgz", Container::Gzip, "corpus.tar"),
            ("feed.xml.zst", Container::Zstd, "feed.xml"),
            ("mystery", Container::Xz, "mystery"),
        ];
        for (path, container, expected) in cases {
            assert_eq!(
                without_container_extension(Path::new(path), container),
                PathBuf::from(expected)
            );
        }
    }

    #[test]
    fn a_bomb_stops_at_the_cap() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&vec![0u8; 3 << 20]).unwrap();
        let bomb = encoder.finish().unwrap();
        let reader = flate2::read::MultiGzDecoder::new(bomb.as_slice());
        let result = read_capped(reader, "gzip", 1 << 20);
        assert!(
            matches!(result, Err(ParseError::Malformed(_))),
            "{result:?}"
        );
    }

    #[test]
    fn reads_members_of_zip_and_gzip() {
        use std::io::Write;
        let story = "<DOC>\n<DOCNO> X-1 </DOCNO>\n<HEADLINE> Ferry returns </HEADLINE>\n<TEXT> The ferry returned. </TEXT>\n</DOC>\n";
        let mut zip_bytes = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zip_bytes));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            writer.add_directory("news/", options).unwrap();
            for name in ["news/a", "news/b", "news/README"] {
                writer.start_file(name, options).unwrap();
                writer.write_all(story.as_bytes()).unwrap();
            }
            writer.finish().unwrap();
        }
        let parsed = super::super::parse_file(
            Path::new("news.zip"),
            &zip_bytes,
            &FieldOverrides::default(),
        )
        .unwrap();
        let keys: Vec<String> = parsed.articles.iter().map(|a| a.key("news.zip")).collect();
        assert_eq!(keys, vec!["news.zip#news/a", "news.zip#news/b"]);
        assert_eq!(parsed.layout, "zip of TREC SGML");

        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(story.as_bytes()).unwrap();
        let gzipped = encoder.finish().unwrap();
        let truncated = &gzipped[..gzipped.len() - 4];
        let parsed = super::super::parse_file(
            Path::new("story.sgml.gz"),
            truncated,
            &FieldOverrides::default(),
        )
        .unwrap();
        assert_eq!(parsed.articles[0].id.as_deref(), Some("X-1"));
    }

    #[test]
    fn skips_documentation_members() {
        let cases = [
            ("ieer/README", true),
            ("ieer/", false),
            ("__MACOSX/._a", true),
            ("docs/lewis.dtd", true),
            ("ieer/NYT_19980315", false),
            ("LICENSE.txt", true),
        ];
        for (name, expected) in cases {
            assert_eq!(is_documentation_name(name), expected, "{name}");
        }
    }
}
