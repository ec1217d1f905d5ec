//! A guard before a PDF is opened: its compressed streams (page contents,
//! fonts, the object streams `lopdf` unpacks as it loads) must not expand
//! beyond the cap every container read by newsdex keeps, so a PDF bomb (a
//! few kilobytes that inflate to gigabytes) is refused instead of eating
//! the machine's memory. Each stream is inflated into nothing, counting.

use std::io::Read;

use crate::parse::archive::MAX_DECOMPRESSED_BYTES;

/// The bytes after `stream` and its end of line, where a stream's data starts.
fn stream_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memmem::find_iter(bytes, b"stream").filter_map(|at| {
        let after = at + b"stream".len();
        // `endstream` holds `stream` too.
        let is_end = bytes[..at].ends_with(b"end");
        let eol = match bytes.get(after..after + 2) {
            Some(b"\r\n") => 2,
            Some([b'\n', _]) | Some([b'\r', _]) => 1,
            _ => return None,
        };
        (!is_end).then_some(after + eol)
    })
}

/// Whether all zlib streams of the file together inflate to at most
/// [`MAX_DECOMPRESSED_BYTES`]. Data that is not zlib costs one failed header.
pub fn streams_are_bounded(bytes: &[u8]) -> bool {
    let mut budget = MAX_DECOMPRESSED_BYTES;
    let mut chunk = vec![0u8; 64 * 1024];
    for start in stream_starts(bytes) {
        let mut inflater = flate2::read::ZlibDecoder::new(&bytes[start..]);
        loop {
            match inflater.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(read) => {
                    let Some(left) = budget.checked_sub(read as u64) else {
                        return false;
                    };
                    budget = left;
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn ordinary_streams_pass_and_a_bomb_does_not() {
        let small = zlib(b"BT /F1 12 Tf (Officials met.) Tj ET");
        let mut pdf = b"%PDF-1.4\n1 0 obj << /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend_from_slice(&small);
        pdf.extend_from_slice(b"\nendstream endobj\n");
        assert!(streams_are_bounded(&pdf));

        // 600 MB of zeros, a few hundred kilobytes compressed.
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..600 {
            encoder.write_all(&zeros).unwrap();
        }
        let bomb = encoder.finish().unwrap();
        let mut hostile = b"%PDF-1.4\n1 0 obj << /Filter /FlateDecode >>\nstream\r\n".to_vec();
        hostile.extend_from_slice(&bomb);
        hostile.extend_from_slice(b"\nendstream endobj\n");
        assert!(!streams_are_bounded(&hostile));
    }
}
