//! Site boilerplate that the extractor leaves inside an article's text: ad
//! labels ("Advertisement"), jump links ("Continue reading the main story",
//! "Read More", "Continued Below"), share bars, photo credits, newsletter
//! prompts, "Updated at …" stamps and lists of related headlines.
//!
//! The rules are about the shape of a line (a short line that is only such a
//! label, a credit, a row of share buttons), never about one site: a line of
//! prose that merely mentions an advertisement or a newsletter is kept.

use std::sync::LazyLock;

use regex::Regex;

/// Lines that are only a label of the page (compared lowercased, with
/// trailing punctuation, ellipses and arrows removed).
const LABEL_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "paid content",
    "story continues below advertisement",
    "story continues below",
    "article continues below",
    "article continues below this ad",
    "continue reading below",
    "continued below",
    "continue reading the main story",
    "continue reading",
    "continue reading the full story",
    "read more",
    "read the full story",
    "read full article",
    "click here",
    "see more",
    "show more",
    "load more",
    "skip advertisement",
    "skip to main content",
    "supported by",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share via email",
    "email this",
    "print",
    "print this article",
    "comments",
    "comment",
    "view comments",
    "leave a comment",
    "sign up",
    "subscribe",
    "subscribe now",
    "log in",
    "follow us",
    "image",
    "photo",
    "video",
    "close",
    "next",
    "previous",
    "back to top",
    "tags",
];

/// Words of a share bar: a line made only of these is buttons, not text.
const SHARE_WORDS: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "email",
    "e-mail",
    "mail",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "print",
    "copy",
    "link",
    "messenger",
    "telegram",
    "flipboard",
    "pocket",
    "tumblr",
    "sms",
    "comments",
    "comment",
    "save",
    "gift",
    "article",
    "this",
    "on",
    "via",
];

/// Headings after which a page lists other stories' headlines.
const RELATED_HEADINGS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related content",
    "related coverage",
    "related news",
    "related posts",
    "related links",
    "related topics",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended reading",
    "more stories",
    "more news",
    "most popular",
    "most read",
    "popular stories",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "read next",
    "up next",
    "what to read next",
    "more on this story",
    "around the web",
    "from around the web",
    "from our partners",
    "promoted stories",
    "sponsored stories",
    "further reading",
    "see also",
    "in case you missed it",
    "don't miss",
    "editor's picks",
    "editors' picks",
    "more like this",
    "more to explore",
    "most viewed",
    "most shared",
    "most commented",
    "related videos",
    "watch next",
    "upcoming events",
    "events near you",
    "related location",
    "related locations",
];

/// Openings of headings of the same lists named after the site or section
/// (`More from The Guardian`, `Also on NPR`, `Latest in Politics`).
const RELATED_HEADING_OPENINGS: &[&str] = &[
    "more from ",
    "more in ",
    "more on ",
    "more about ",
    "also on ",
    "also in ",
    "latest from ",
    "latest in ",
];

/// A heading that names its site or section: at most this many words.
const MAX_RELATED_HEADING_WORDS: usize = 6;

/// A line longer than this many words is prose whatever it starts with.
const MAX_LABEL_WORDS: usize = 25;

/// A headline in a related list: at most this many words.
const MAX_HEADLINE_WORDS: usize = 20;

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(
        r"(?ix)^(?: ©.* | \(.*\b(?:photo|photograph|image|credit|illustration)s?\b.*\) | \(?(?:photo|photograph|image|picture|illustration|video|graphic)s?\s*(?:credit)?\s*(?::|by\b|courtesy\b).* | (?:credit|source|caption)s?\s*:.* | .*\b(?:getty\s+images|ap\s+photo|afp\s+via\s+getty|shutterstock|istock(?:photo)?)\)?\s*$ )",
    )
    .unwrap()
});
static JUMP_LINK: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?i)^(?:read more|read also|also read|related|see also|more|watch|listen)\s*:")
        .unwrap()
});
static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(
        r"(?i)^(?:sign up|subscribe|get (?:our|the)|join|register|enter your e-?mail).*\b(?:newsletter|inbox|e-?mails?|alerts|briefing|updates)\b",
    )
    .unwrap()
});
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?i)^(?:updated|published|posted|last updated|last modified|first published)\b[\s:]*(?:on|at)?\s*[\w ,./:-]{0,40}$")
        .unwrap()
});

/// The lines of an extracted body that are article text, in order.
pub fn article_lines(text: &str) -> Vec<String> {
    let mut kept = Vec::new();
    let mut in_related_list = false;
    for raw in text.lines() {
        let line = joined_words(raw);
        if line.is_empty() {
            continue;
        }
        let label = label_form(&line);
        if is_related_heading(&label) {
            in_related_list = true;
            continue;
        }
        if in_related_list && is_headline_shaped(&line) {
            continue;
        }
        in_related_list = false;
        if is_boilerplate_line(&line, &label) {
            continue;
        }
        kept.push(line);
    }
    kept
}

/// The words of `raw` one space apart, a possessive `’s` that stands alone
/// joined to the word before it: the extractor writes a space after each
/// text node, so `<a>NPR</a>’s Feng` came out `NPR ’s Feng`, and no English
/// writes a space there.
fn joined_words(raw: &str) -> String {
    let mut line = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !line.is_empty() && !is_cut_off_possessive(word) {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// Whether `word` is a possessive ending alone, punctuation after it allowed
/// (`’s`, `'s,`), not a word that opens with one (`'s-Hertogenbosch`).
fn is_cut_off_possessive(word: &str) -> bool {
    word.strip_prefix(['\'', '’'])
        .and_then(|rest| rest.strip_prefix('s'))
        .is_some_and(|after| {
            after
                .chars()
                .all(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
        })
}

/// Whether a label line heads a list of other stories, events or places.
fn is_related_heading(label: &str) -> bool {
    if RELATED_HEADINGS.contains(&label) {
        return true;
    }
    let is_short = label.split_whitespace().count() <= MAX_RELATED_HEADING_WORDS;
    is_short
        && RELATED_HEADING_OPENINGS
            .iter()
            .any(|opening| label.starts_with(opening))
}

/// Whether one line of text is page furniture rather than article text.
fn is_boilerplate_line(line: &str, label: &str) -> bool {
    let words = line.split_whitespace().count();
    if words > MAX_LABEL_WORDS {
        return false;
    }
    if LABEL_LINES.contains(&label) {
        return true;
    }
    let is_share_bar = label
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/')
        .filter(|word| !word.is_empty())
        .all(|word| SHARE_WORDS.contains(&word));
    if is_share_bar && !label.is_empty() {
        return true;
    }
    let is_short = words <= 12;
    let is_credit_or_stamp = is_short && (CREDIT.is_match(line) || STAMP.is_match(line));
    is_credit_or_stamp || JUMP_LINK.is_match(line) || NEWSLETTER.is_match(line)
}

/// A line of a list of other stories: short and not ended as a sentence.
fn is_headline_shaped(line: &str) -> bool {
    // A question or exclamation is a common headline; a full stop is not.
    let ends_sentence = line.ends_with(['.', '"', '”', '»', ':']);
    line.split_whitespace().count() <= MAX_HEADLINE_WORDS && !ends_sentence
}

/// The line lowercased, without trailing punctuation, ellipses or arrows,
/// with straight apostrophes, for comparison with the label tables.
fn label_form(line: &str) -> String {
    line.trim_end_matches(|c: char| {
        c.is_ascii_punctuation() || matches!(c, '…' | '›' | '»' | '→' | '▶' | '>')
    })
    .trim()
    .to_lowercase()
    .replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_possessive_standing_alone_joins_the_word_before_it() {
        assert_eq!(
            joined_words("By  NPR ’s Feng, in ’s-Hertogenbosch"),
            "By NPR’s Feng, in ’s-Hertogenbosch"
        );
        assert_eq!(joined_words("the Times 's. And 's"), "the Times's. And's");
        assert_eq!(joined_words("’s opens"), "’s opens");
    }

    #[test]
    fn labels_credits_share_bars_and_prompts_are_dropped() {
        let text = "The council met on Monday.\nAdvertisement\nContinue reading the main story\n\
            Read More...\nContinued Below\nFacebook Twitter Email\nShare this article\n\
            © Aaron Schwartz\nPhoto: Jane Doe/Reuters\n(AP Photo/John Locher)\n\
            Sign up for our daily newsletter\nUpdated at 1:23 p.m.\nRead more: Council budget row\n\
            It voted to close the depot.";
        assert_eq!(
            article_lines(text),
            ["The council met on Monday.", "It voted to close the depot."]
        );
    }

    #[test]
    fn prose_that_mentions_the_same_words_is_kept() {
        let lines = [
            "The advertisement ran for six weeks before regulators stepped in.",
            "Readers can sign up for the newsletter, the editor said, but few do.",
            "Share prices fell 4 per cent on Tuesday.",
            "Photo agencies said the ban would hurt freelance photographers across the region.",
        ];
        assert_eq!(article_lines(&lines.join("\n")), lines);
    }

    #[test]
    fn a_related_list_is_dropped_up_to_the_next_paragraph() {
        let text = "First paragraph of the story.\nYou may also like...\nWho will make the Hall in 2020?\n\
            Band takes over fan vote\nThe story goes on here, as it should.";
        assert_eq!(
            article_lines(text),
            [
                "First paragraph of the story.",
                "The story goes on here, as it should."
            ]
        );
    }

    #[test]
    fn event_widgets_and_site_named_lists_are_dropped() {
        let text = "The band played for two hours.\nUpcoming Events\nBuddy Guy\nTickets\n\
            Wed., Oct. 19, 7:00pm\nMachine Gun Kelly\nThe encore came after midnight.\n\
            In Case You Missed It\nThe 10 Best Music Venues in Houston\nMore from The Courier\n\
            Band takes over fan vote\nMore on the budget than on the band, the review said.";
        assert_eq!(
            article_lines(text),
            [
                "The band played for two hours.",
                "The encore came after midnight.",
                "More on the budget than on the band, the review said."
            ]
        );
    }
}
