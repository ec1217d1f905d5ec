//! Editors' notes that close a TREC document's text and are no part of it.

/// Most bytes of an FBIS analyst's note, with the routing code after it.
const MAX_ANALYST_NOTE_BYTES: usize = 400;

/// `text` without the FBIS analyst's note that closes it (`(AUTHOR: YIM.
/// QUESTIONS AND/OR COMMENTS, PLEASE CALL CHIEF, …, (703) 733-6534.)
/// EAG/BIETZ/jf`, or without the author), on its own line or after the last
/// sentence.
pub(super) fn without_analyst_note(text: &str) -> &str {
    let opening = ["(AUTHOR:", "(QUESTIONS AND/OR COMMENTS"]
        .iter()
        .filter_map(|opening| text.rfind(opening))
        .min();
    let Some(start) = opening else {
        return text;
    };
    let note = &text[start..];
    match note.len() <= MAX_ANALYST_NOTE_BYTES && note.contains("PLEASE CALL") {
        true => text[..start].trim_end(),
        false => text,
    }
}
