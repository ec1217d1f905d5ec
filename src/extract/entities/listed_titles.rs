//! Lists of titles one per line: a concert's set list, an album's tracks, a
//! reading list (`Angels` / `Favorite Song` / `Pusher Man` / `Brain Cells` /
//! …). Every item is capitalised as a title, so the tagger takes many for
//! names; but where a good part of such a list holds no name at all, it is a
//! list of titles, and the names found in its items are titles too.
//!
//! A list of names (a cast, the countries of a summit, the members of a
//! board) is left alone: there nearly every item holds a name; and in any
//! list a name that general knowledge holds (`Paris`) or a person's name
//! opened by a given name (`Jane Smith`) is kept.

use super::tagger::Mention;
use super::{given_names, lexicon};

/// Items of a list have at most this many words.
const MAX_ITEM_WORDS: usize = 4;

/// Items of a list are at most this many bytes long.
const MAX_ITEM_BYTES: usize = 60;

/// Fewer consecutive items than this are not taken for a list.
const MIN_ITEMS: usize = 4;

/// Kind index of a person (see [`Mention::kind`]).
const PERSON: usize = 0;

/// One item line of a list: its byte span, without surrounding spaces.
#[derive(Clone, Copy)]
struct Item {
    start: usize,
    end: usize,
}

/// Drops the mentions inside the items of a list of titles, as above.
pub(super) fn drop_listed_titles(text: &str, mentions: &mut Vec<Mention>) {
    let runs = item_runs(text);
    if runs.is_empty() {
        return;
    }
    let mut spans: Vec<(usize, usize)> = mentions
        .iter()
        .map(|mention| (mention.start, mention.end))
        .collect();
    spans.sort_unstable();
    let holds_a_name = |item: &Item| {
        let before_end = spans.partition_point(|&(start, _)| start < item.end);
        spans[..before_end].iter().any(|&(_, end)| end > item.start)
    };
    let mut title_items: Vec<Item> = Vec::new();
    for run in runs {
        let bare = run.iter().filter(|item| !holds_a_name(item)).count();
        let titles = bare >= 2 && bare * 4 >= run.len();
        if titles {
            title_items.extend(run);
        }
    }
    if title_items.is_empty() {
        return;
    }
    // Items are in the order of the text: only the last one starting at or
    // before a mention can hold it.
    mentions.retain(|mention| {
        let starting_before = title_items.partition_point(|item| item.start <= mention.start);
        let in_item = starting_before > 0 && mention.end <= title_items[starting_before - 1].end;
        !in_item || is_plainly_a_name(text, mention)
    });
}

/// Whether a mention is a name wherever it stands: one general knowledge
/// holds, or a person's name opened by a given name.
fn is_plainly_a_name(text: &str, mention: &Mention) -> bool {
    let Some(name) = text.get(mention.start..mention.end) else {
        return false;
    };
    if lexicon::known_kind(name).is_some() {
        return true;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    mention.kind == PERSON && words.len() >= 2 && given_names::is_given_name(words[0])
}

/// The runs of at least [`MIN_ITEMS`] consecutive item lines of `text`:
/// blank lines between items (paragraphs of one line each) go on with a run,
/// any other line ends it.
fn item_runs(text: &str) -> Vec<Vec<Item>> {
    let mut runs = Vec::new();
    let mut run: Vec<Item> = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !is_item(trimmed) {
            end_run(&mut run, &mut runs);
            continue;
        }
        let item_start = start + (line.len() - line.trim_start().len());
        run.push(Item {
            start: item_start,
            end: item_start + trimmed.len(),
        });
    }
    end_run(&mut run, &mut runs);
    runs
}

/// Ends the current run: kept when it is long enough to be a list.
fn end_run(run: &mut Vec<Item>, runs: &mut Vec<Vec<Item>>) {
    if run.len() >= MIN_ITEMS {
        runs.push(std::mem::take(run));
    }
    run.clear();
}

/// Whether a line reads as one item of a list of titles: a few words opened
/// by a capital, with no digit (a table row or a date) and no punctuation
/// that ends or joins a sentence.
fn is_item(line: &str) -> bool {
    // Most lines are paragraphs: their length says so before their words.
    if line.len() > MAX_ITEM_BYTES {
        return false;
    }
    let words = line.split_whitespace().count();
    let opens_capitalised = line.starts_with(char::is_uppercase);
    let has_digit = line.chars().any(|c| c.is_ascii_digit());
    let punctuated = line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”']);
    (1..=MAX_ITEM_WORDS).contains(&words) && opens_capitalised && !has_digit && !punctuated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention_of(text: &str, name: &str, kind: usize) -> Mention {
        let start = text.find(name).unwrap_or_default();
        Mention::new(start, start + name.len(), kind)
    }

    fn names(text: &str, mentions: &[Mention]) -> Vec<String> {
        let surface = |mention: &Mention| text[mention.start..mention.end].to_string();
        mentions.iter().map(surface).collect()
    }

    #[test]
    fn titles_taken_for_names_in_a_set_list_are_dropped() {
        let text = "The show ended late.\n\nSET LIST\n\nAngels\n\nBlessings\n\nPusher Man\n\n\
            Favorite Song\n\nBrain Cells\n\nThe Way\n\nCocoa Butter Kisses\n\nBaby Blue\n\n\
            No Problem\n\nChance thanked Houston.";
        let mut mentions = vec![
            mention_of(text, "Angels", 1),
            mention_of(text, "Blessings", 0),
            mention_of(text, "Pusher Man", 3),
            mention_of(text, "Brain Cells", 0),
            mention_of(text, "Butter Kisses", 0),
            mention_of(text, "Baby Blue", 0),
            mention_of(text, "Chance", 0),
            mention_of(text, "Houston", 2),
        ];
        drop_listed_titles(text, &mut mentions);
        assert_eq!(names(text, &mentions), ["Chance", "Houston"]);
    }

    #[test]
    fn a_list_of_names_and_plain_names_in_a_list_of_titles_are_kept() {
        let text = "The board:\nJane Smith\nOmar Haddad\nLi Wei\nPeter Novak\nAnna Berg\n\n\
            Tracks\nAngels Fly\nBlue Night\nCold Rain\nParis\nDry Land\nMaria Lopez";
        let mut mentions = vec![
            mention_of(text, "Jane Smith", 0),
            mention_of(text, "Omar Haddad", 0),
            mention_of(text, "Li Wei", 0),
            mention_of(text, "Anna Berg", 0),
            mention_of(text, "Angels", 1),
            mention_of(text, "Paris", 2),
            mention_of(text, "Maria Lopez", 0),
        ];
        drop_listed_titles(text, &mut mentions);
        let kept = [
            "Jane Smith",
            "Omar Haddad",
            "Li Wei",
            "Anna Berg",
            "Paris",
            "Maria Lopez",
        ];
        assert_eq!(names(text, &mentions), kept);
    }

    #[test]
    fn prose_and_short_lists_are_left_alone() {
        let text = "Angels won.\nSmoke Break\nBaby Blue\nJuke Jam\n\nIt rained, said Brain Cells.";
        let mut mentions = vec![
            mention_of(text, "Angels", 1),
            mention_of(text, "Baby Blue", 0),
            mention_of(text, "Brain Cells", 0),
        ];
        let before = mentions.clone();
        drop_listed_titles(text, &mut mentions);
        assert_eq!(mentions, before);
    }
}
