//! RTF documents (LexisNexis and Factiva exports, articles saved from a word
//! processor): `rtf-parser` gives the text, which is then read as any text
//! file is, so an RTF export of many documents is split as its text layout
//! says.

use std::sync::LazyLock;

use regex::Regex;
use rtf_parser::document::RtfDocument;

use super::ParseError;

/// `\par` (a paragraph's end, not `\pard`), which `rtf-parser` leaves out of
/// the text: written as two `\line`s, which it keeps, so paragraphs stay apart.
static PARAGRAPH_END: LazyLock<Regex> = LazyLock::new(|| {
    // A literal pattern, checked by the unit test.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"\\par([^a-zA-Z])").unwrap()
});

/// Whether decoded text is an RTF document.
pub fn looks_like_rtf(text: &str) -> bool {
    text.trim_start().starts_with("{\\rtf")
}

/// The plain text of an RTF document, paragraphs on lines of their own.
pub fn rtf_text(text: &str) -> Result<String, ParseError> {
    let with_breaks = PARAGRAPH_END.replace_all(text, "\\line\\line$1");
    let document = RtfDocument::try_from(with_breaks.as_ref())
        .map_err(|error| ParseError::Malformed(format!("RTF that cannot be read: {error}")))?;
    Ok(document.get_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtf_gives_its_text() {
        let text = "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\n{\\b Grain talks resume}\\par\nJuly 1, 2022\\par\n\\par\nOfficials met in Istanbul. \\ldblquote We are close,\\rdblquote  said Hulusi Akar. Caf\\'e9 \\u8364? talk.\\par\n}";
        assert!(looks_like_rtf(text));
        let plain = rtf_text(text).unwrap();
        assert!(plain.contains("Grain talks resume\n"), "{plain:?}");
        assert!(plain.contains("July 1, 2022"), "{plain:?}");
        assert!(plain.contains("said Hulusi Akar"), "{plain:?}");
        assert!(
            !plain.contains("\\par") && !plain.contains("Times New Roman"),
            "{plain:?}"
        );
        assert!(!looks_like_rtf("Talks {\\rtf1} inside a sentence."));
    }
}
