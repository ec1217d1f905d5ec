//! A tolerant tag scanner for SGML-ish markup: elements, attributes, tags and
//! entity references found by plain string search.
//!
//! Used by the Reuters-21578 reader, whose files an XML parser rejects. Every
//! function accepts broken input (unclosed elements, stray `&`) without panicking.

/// The content of the first `<NAME>...</NAME>` (without attributes).
pub fn element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    element_with_attributes(text, name).map(|(_, content)| content)
}

/// The attribute text and content of the first `<NAME ...>...</NAME>`; an
/// unclosed element runs to the end of `text`.
pub fn element_with_attributes<'a>(text: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let open = format!("<{name}");
    let mut search_from = 0;
    let (attributes, content_start) = loop {
        let start = search_from + text.get(search_from..)?.find(&open)?;
        let after_name = &text[start + open.len()..];
        // `<TEXT` must not match `<TEXTS`: the name ends at `>` or whitespace.
        if after_name.starts_with(|c: char| c == '>' || c.is_whitespace()) {
            let close = after_name.find('>')?;
            break (&after_name[..close], start + open.len() + close + 1);
        }
        search_from = start + open.len();
    };
    let content = &text[content_start..];
    let end = content.find(&format!("</{name}>")).unwrap_or(content.len());
    Some((attributes, &content[..end]))
}

/// The value of `NAME="value"` in a tag's attribute text.
pub fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("{name}=\"");
    let start = attributes.find(&marker)? + marker.len();
    let length = attributes[start..].find('"')?;
    Some(&attributes[start..start + length])
}

/// Removes `<...>` tags (used on UNPROC text, which may still hold a stray tag).
pub fn strip_tags(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        output.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    output.push_str(rest);
    output
}

/// `&lt; &gt; &amp; &quot;` -> characters; `&#N;` control references are
/// dropped (they are wire-service framing, not text), printable ones decoded.
pub fn unescape(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(ampersand) = rest.find('&') {
        output.push_str(&rest[..ampersand]);
        let candidate = &rest[ampersand..];
        let reference_len = candidate.find(';').filter(|&end| end <= 8);
        let Some(end) = reference_len else {
            output.push('&');
            rest = &candidate[1..];
            continue;
        };
        let name = &candidate[1..end];
        let replacement = match name {
            "lt" => Some(Some('<')),
            "gt" => Some(Some('>')),
            "amp" => Some(Some('&')),
            "quot" => Some(Some('"')),
            _ => name
                .strip_prefix('#')
                .and_then(|digits| digits.parse::<u32>().ok())
                .map(|code| char::from_u32(code).filter(|c| !c.is_control())),
        };
        match replacement {
            Some(character) => {
                output.extend(character);
                rest = &candidate[end + 1..];
            }
            None => {
                output.push('&');
                rest = &candidate[1..];
            }
        }
    }
    output.push_str(rest);
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_references() {
        let cases = [
            ("a &lt;b&gt; &amp; c", "a <b> & c"),
            ("x&#3;y&#31;z", "xyz"),
            ("caf&#233;", "caf\u{e9}"),
            ("AT&T; rose", "AT&T; rose"),
            ("fish & chips", "fish & chips"),
            ("trailing &", "trailing &"),
        ];
        for (text, expected) in cases {
            assert_eq!(unescape(text), expected, "{text:?}");
        }
    }

    #[test]
    fn finds_elements_and_attributes() {
        let text = "<TEXT TYPE=\"BRIEF\"><TITLE>A</TITLE><TEXTS>x</TEXTS>";
        assert_eq!(
            element_with_attributes(text, "TEXT"),
            Some((" TYPE=\"BRIEF\"", "<TITLE>A</TITLE><TEXTS>x</TEXTS>"))
        );
        assert_eq!(element(text, "TITLE"), Some("A"));
        assert_eq!(element(text, "TEXTS"), Some("x"));
        assert_eq!(element(text, "BODY"), None);
        assert_eq!(element("<BODY>unclosed", "BODY"), Some("unclosed"));
        assert_eq!(attribute(" TYPE=\"BRIEF\"", "TYPE"), Some("BRIEF"));
        assert_eq!(attribute(" TYPE=\"BRIEF", "TYPE"), None);
        assert_eq!(strip_tags("a<B>b</B>c<unclosed"), "abc<unclosed");
    }
}
