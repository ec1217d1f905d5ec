//! From tagged mentions to the article's entity list: cleaning, junk removal,
//! one kind per name by majority vote, and one canonical name per entity.
//!
//! Owns what users see: `Joly`, `Minister Joly` and `Mélanie Joly` become one
//! person `Mélanie Joly`; `the` and `'s` are stripped; titles (`Minister`,
//! `President`) are not part of a person's name; weekday and month names,
//! common words and web debris never come out; `#NATO` counts as `NATO`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::article::{Entity, EntityKind};
use crate::extract::words::{NEVER_NAMES, PERSON_TITLES};

use super::other_names::{
    award_follows, award_precedes, is_compound_modifier, names_a_field, names_a_portfolio,
    names_a_product, names_a_role, names_people_of, product_context, quoted_title,
};
use super::possessive_names::PossessiveNames;
use super::recase::preferred_surface;
use super::tagger::Mention;

/// Titles and roles, never part of a person's name, besides the shared
/// [`PERSON_TITLES`].
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "dame", "lieutenant", "sergeant", "sheikh", "archbishop", "father", "envoy", "head", "marshal",
    "comrade", "madam", "mister", "coo", "cfo", "cto",
];

/// Sentence-initial words the tagger may glue to the name after them (`In Sochaczew`).
#[rustfmt::skip]
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "the", "in", "on", "at", "for", "but", "and", "as", "by", "from", "with", "after", "to", "of",
    "when", "while", "if", "since", "under", "unlike", "like", "meanwhile", "however", "today",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "rival", "once",
    // Conjunctions, adverbs and prepositions that open sentences (`Yet Schiff seems …`).
    "yet", "so", "though", "although", "whereas", "whether", "until", "during", "despite",
    "perhaps", "also", "even", "then", "now", "both", "either", "neither", "nor", "among", "amid",
    "against", "between", "through", "toward", "towards", "upon", "via", "whilst", "yesterday",
    "tonight", "tomorrow", "every", "each", "several", "many", "before", "about", "across",
    "around", "within", "without", "including", "according", "where", "why", "how", "what",
    "which", "these", "those",
    // Imperatives of site furniture (`Visit Business Insider's homepage`).
    "visit", "follow", "subscribe", "download", "contact", "join", "listen", "watch", "read",
    "see", "click",
];

/// Capitalized words that are never names on their own, besides the shared
/// [`NEVER_NAMES`].
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "advertisement", "pic", "email", "news", "live",
    "more", "mr", "mrs", "ms", "dr", "minister", "president",
    // Headline words in Title Case (`This Week`, `Report:`).
    "report", "week", "weekend", "year", "month", "this week", "next week", "last week",
    "this year", "this weekend", "exclusive", "opinion", "analysis", "explainer",
    // Site boilerplate that scrapers keep.
    "privacy policy", "terms of use", "terms of service", "cookie policy", "fox news app",
    "click here", "sign up", "newsletter", "view video",
    // Wire-service section labels that open capitals headlines (`RUGBY UNION - ...`).
    "soccer", "rugby union", "rugby league", "cricket", "tennis", "golf", "athletics", "cycling",
    "boxing", "baseball", "basketball", "motor racing", "motorcycling", "yachting", "swimming",
    "skiing", "ice hockey", "nhl ice hockey", "rowing", "horse racing", "badminton", "squash",
    // Photo credits, e-mail sign-offs and salutations, wire notes (`Photograph: …/Reuters`,
    // `Best regards`, `Dear Colleagues`, `# Notebook`).
    "photograph", "photo", "photos", "best", "regards", "best regards", "kind regards",
    "dear colleagues", "dear all", "notebook", "tel", "fax", "no", "no.", "écouter",
    // Postal addresses (`write to Save Bodie!, P.O. Box 28366, Sacramento`).
    "p.o. box", "po box", "p.o.box",
    // Business terms in capitals, and a company's suffix standing alone (`Cascade
    // Investment LLC.` cut before it).
    "ipo", "ebitda", "gdp", "m&a", "inc", "inc.", "corp", "corp.", "llc", "plc", "ltd", "ltd.",
    "gmbh", "co", "co.",
    // Address abbreviations cut off their names (`8407 W. 3rd St., Los Angeles`).
    "st.", "ave.", "blvd.", "mt.", "ft.",
    // An adjective of many names, alone in `Federal funds`, `Federal highway program`.
    "federal",
    // Offices named without their holder (`the Head of State noted`, `the Adviser said`).
    "head of state", "head of government", "adviser", "advisor",
    // Conjunctions opening a capitalised line, clock times, mail client furniture.
    "although", "because", "unless", "am", "pm", "inbox",
    // Quantifiers that open sentences (`All 14 companies are …`), a site's imperative.
    "all", "some", "many", "each", "both", "any", "none", "several", "every", "another", "check",
    // Sentence adverbs, which open sentences before a comma like a listed surname
    // (`Later, Vladimir Putin met …`).
    "later", "earlier", "still", "instead", "separately", "overall", "finally", "afterwards",
    "afterward", "nevertheless", "nonetheless", "moreover", "furthermore", "additionally",
    "otherwise", "indeed", "similarly", "likewise", "previously", "recently", "currently",
    "initially", "eventually", "ultimately", "subsequently", "elsewhere", "again", "thus",
    "hence", "therefore",
    // Interjections opening a quotation (`“Oh, actually? Yes,” he said`).
    "oh", "yes", "ok", "okay", "wow", "hey", "ah", "hi", "hello", "thanks",
    // Editors' notes and form placeholders (`[See Note]`, `Firstname Lastname`).
    "note", "see note", "firstname lastname", "first name", "last name",
    // Salutations of speeches and letters (`Ladies and Gentlemen, Colleagues, Friends`).
    "gentlemen", "ladies", "ladies and gentlemen", "colleagues", "friends", "comrades",
    // Months abbreviated in datelines (`Jan 30 (Reuters) -`, `Jan. 12 (BusinessDesk) -`).
    "jan", "jan.", "feb", "feb.", "mar.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug",
    "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.",
    // Reply and forward marks of mail subjects (`Re: [Numpy-discussion] …`).
    "re", "fwd", "fw",
    // Weekdays abbreviated in listings (`Fri., Oct. 21, 7:00pm`).
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    // Common nouns written as acronyms (`an AI model`, `a USB-C port`, `the SUV`).
    "ai", "dna", "usb", "usb-c", "tv", "api", "pc", "pcs", "suv", "suvs", "ict", "vr", "pdf",
    "lcd", "gps", "ev", "lte", "icu", "mri", "wi-fi", "cctv", "hdmi", "vpn", "atm", "sms", "5g",
    "4g", "ngo", "ngos", "lng", "grp", "ceo", "ceos", "cfo", "vat", "diy", "esg", "fx", "mba",
    "ppe", "ufo", "iot", "url", "ml", "roi", "ppi", "ctr", "kpi", "b2b", "faq",
    // Abbreviations of mail and chat (`BTW you could just do`, `FYI, I have uploaded`); not
    // `IMO`, the International Maritime Organization as often.
    "btw", "fyi", "imho", "iirc", "afaik", "fwiw", "ianal", "tia", "asap", "lol", "omg",
];

/// Parts of a document, no names alone or with a number or letter after
/// them (`copied in the Appendix I`, `Chapter 11`, `Figure 2`).
#[rustfmt::skip]
const DOCUMENT_PARTS: &[&str] = &[
    "appendix", "annex", "chapter", "section", "figure", "table", "exhibit", "paragraph",
    "clause", "page", "article",
];

/// Nouns of a section heading that may follow a person's name (`'Aziz
/// Letter`, `Kozyrev Interview`), never the end of one. Not `Statement` or
/// `Address`, which end documents named for places (`Sharon Statement`,
/// `Gettysburg Address`).
const HEADING_NOUNS: &[&str] = &["Letter", "Interview", "Remarks", "Visit"];

/// Words that open a heading's noun, not a person's name (`Open Letter`).
#[rustfmt::skip]
const HEADING_ADJECTIVES: &[&str] = &[
    "Open", "Joint", "Final", "Official", "Public", "Special", "Exclusive", "Opening", "Closing",
    "Video", "Recent", "State",
];

/// Legal suffixes of company names, lowercase, which end a name and never open one.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "plc", "llc", "gmbh", "s.a.", "n.v.",
];

/// Site furniture that scrapers keep around article text; a name holding one
/// of these is never an entity (`Advertisement Continue`, `AFP via Getty Images`).
#[rustfmt::skip]
const BOILERPLATE: &[&str] = &[
    "getty images", "advertisement", "continue reading", "continued below", "read more",
    "story continues", "staff reports", "click here", "sign up", "share this", "skip ad",
    "related coverage", "most read", "follow us", "related location", "current location",
];

/// [`NOT_NAMES`] as a set, built on first use (it is checked for every mention).
fn not_names() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NEVER_NAMES.iter().chain(NOT_NAMES).copied().collect())
}

/// [`TITLES`] as a set, built on first use.
fn titles() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PERSON_TITLES.iter().chain(TITLES).copied().collect())
}

/// The kind of a model kind index.
pub(super) fn entity_kind(kind: usize) -> EntityKind {
    match kind {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Place,
        _ => EntityKind::Other,
    }
}

/// A mention's cleaned surface: single spaces, no leading `the`, no trailing
/// `'s`, and for persons no leading titles. `None` when nothing name-like is left.
fn clean_name(surface: &str, kind: usize) -> Option<String> {
    let balanced = surface.matches('(').count() == surface.matches(')').count();
    let stray: &[char] = if balanced {
        &['[', ']', '"', '“', '”']
    } else {
        &['[', ']', '"', '“', '”', '(', ')']
    };
    // `Dianna E. Anderson 🏳️‍🌈`: a word without a letter or digit (an emoji, a
    // dash) is no part of a name, but `&` and `/` are (`Ernst & Young`, `CDU / CSU`).
    let mut words: Vec<&str> = surface
        .split_whitespace()
        .map(|word| word.trim_matches(stray))
        .filter(|word| word.contains(char::is_alphanumeric) || matches!(*word, "&" | "+" | "/"))
        .collect();
    // `A$2.20-a-share Anchorage Capital Partners`: a price glued to the name.
    while words.len() > 1 && words[0].contains(['$', '€', '£']) {
        words.remove(0);
    }
    while words.len() > 1
        && LEADING_FUNCTION_WORDS
            .iter()
            .any(|function_word| function_word.eq_ignore_ascii_case(words[0]))
    {
        words.remove(0);
    }
    // `-Stefan` (a signature), `-Donald Trump`, `Baltimore/`, `Ministry of the
    // Interior–`: a dash or a slash at a name's edge is punctuation.
    let edge_marks: &[char] = &['-', '–', '—', '/'];
    if let Some(first) = words.first_mut() {
        *first = first.trim_start_matches(edge_marks);
    }
    if let Some(last) = words.last_mut() {
        let trimmed = last
            .trim_end_matches(edge_marks)
            .trim_end_matches(['\'', '’', ',', ';', ':'])
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        *last = trimmed;
    }
    if kind == 0 {
        while words.len() > 1
            && titles().contains(words[0].trim_end_matches('.').to_lowercase().as_str())
        {
            words.remove(0);
        }
        // `'Aziz Letter`, `Yeltsin Interview`: a section heading's noun after
        // the person it is about.
        let heading = words.len() > 1
            && words
                .last()
                .is_some_and(|last| HEADING_NOUNS.contains(last));
        if heading {
            words.pop();
            // `Open Letter`, `Exclusive Interview`: no one.
            if words.len() == 1 && HEADING_ADJECTIVES.contains(&words[0]) {
                return None;
            }
        }
    }
    words.retain(|word| !word.is_empty());
    if kind != 0 && names_an_office(&words) {
        return None;
    }
    let name = words.join(" ");
    is_name_like(&name).then_some(name)
}

/// Offices that end a title written like a name (`US President`, `National
/// Security Advisor`): no organisation or place, and no person without a holder.
#[rustfmt::skip]
const OFFICES: &[&str] = &[
    "president", "advisor", "adviser", "minister", "secretary", "chairman", "chairwoman",
    "ambassador", "spokesman", "spokeswoman", "premier", "chancellor", "governor", "mayor",
    "senator",
];

/// Whether `words` (an organisation's or a place's) name an office: two words
/// or more ending in one of [`OFFICES`], without `of` (`Office of the President`
/// is an organisation).
fn names_an_office(words: &[&str]) -> bool {
    let ends_in_office = words.last().is_some_and(|last| {
        OFFICES
            .iter()
            .any(|office| office.eq_ignore_ascii_case(last.trim_end_matches('.')))
    });
    words.len() > 1 && ends_in_office && !words.iter().any(|word| word.eq_ignore_ascii_case("of"))
}

/// Rejects what the tagger may still let through: debris, common words, dates.
fn is_name_like(name: &str) -> bool {
    let lower = name.to_lowercase();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || !name.chars().any(char::is_uppercase) {
        return false;
    }
    // Script and markup left in a body (`//<![CDATA`) are no names.
    if lower.contains(['<', '>', '{', '}', '|']) || lower.contains("//") {
        return false;
    }
    if lower.contains('@')
        || lower.contains("http")
        || lower.contains("pic.twitter")
        || lower.contains("www.")
    {
        return false;
    }
    if not_names().contains(lower.as_str()) {
        return false;
    }
    // `Appendix`, `Appendix I`, `Chapter 11`: a part of a document, numbered or not.
    let (part, number) = lower.split_once(' ').unwrap_or((lower.as_str(), ""));
    let numbering = number.len() <= 4 && number.chars().all(|c| c.is_alphanumeric() || c == '.');
    if numbering && DOCUMENT_PARTS.contains(&part) {
        return false;
    }
    // `INC. NO`: no name opens with a company's legal suffix (`News Corp` ends with one).
    let opens_with_suffix = lower
        .split_whitespace()
        .next()
        .is_some_and(|first| LEGAL_SUFFIXES.contains(&first));
    if opens_with_suffix && lower.contains(' ') {
        return false;
    }
    // `BC-BBN--Top Ten`: a wire service's story slug.
    if name.contains("--") {
        return false;
    }
    // `…相关权益归腾讯公司独家所有。未经授权，不得转载`: a sentence's full stop
    // or comma of CJK text never stands inside a name.
    if name.contains(['。', '，', '、', '【', '】', '「', '」']) {
        return false;
    }
    let may_be_boilerplate = lower.contains(' ') || lower.starts_with("advertisement");
    if may_be_boilerplate && BOILERPLATE.iter().any(|phrase| lower.contains(phrase)) {
        return false;
    }
    // `D.`: a lone initial (not `G7`, which the lexicon knows); `BFM Régions RMC
    // RMC Sport RMC Crime …`: a site's menu.
    let lone_initial = letters == 1 && super::lexicon::known_kind(name).is_none();
    if lone_initial || is_menu(&lower) {
        return false;
    }
    // `UPDATE 1`, `UPDATE 2`: wire revision labels.
    let revision_label = lower
        .strip_prefix("update ")
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()));
    if revision_label {
        return false;
    }
    // `Minister`, `Deputy Head`, `CEO`: an office without its holder names no one,
    // whatever kind the tagger gave it.
    let all_titles = lower
        .split_whitespace()
        .all(|word| titles().contains(word.trim_end_matches('.')));
    !all_titles
}

/// A run of navigation links taken for one name: some word three times or
/// more (`BFM Régions RMC RMC Sport RMC Crime RMC Découverte`).
fn is_menu(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() >= 6
        && words
            .iter()
            .any(|word| words.iter().filter(|other| *other == word).count() >= 3)
}

/// A `#CamelCaseSlogan` hashtag that names nothing.
fn is_slogan_hashtag(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    chars
        .windows(2)
        .any(|pair| pair[0].is_lowercase() && pair[1].is_uppercase())
        && chars.len() > 8
}

/// Per-name tally while reading the mentions.
struct NameStats {
    first_seen: usize,
    votes: [usize; 4],
    /// Surface forms and how often each was seen.
    surfaces: Vec<(String, usize)>,
    /// Seen only in headlines written in capitals.
    only_shouted: bool,
    /// Seen only as a sentence-initial common word.
    only_common_word: bool,
    /// Seen once before a product's noun (`MacBook models`, `Retina display`).
    names_a_product: bool,
    /// Seen once as an award (`Oscar-winning`, `Oscar winners`): other
    /// wherever else it stands (`the best foreign language Oscar`).
    names_an_award: bool,
}

/// Builds the entity list of an article from its mentions.
pub fn entities_from_mentions(text: &str, mentions: &[Mention]) -> Vec<Entity> {
    let mut stats: HashMap<String, NameStats> = HashMap::default();
    // An article names the same few entities again and again: each surface
    // and kind is cleaned once.
    let mut cleaned: HashMap<(&str, usize), Option<(String, String)>> = HashMap::default();
    let possessive = PossessiveNames::new(text, mentions);
    for (order, mention) in mentions.iter().enumerate() {
        let surface = text.get(mention.start..mention.end).unwrap_or("");
        let before = text.get(..mention.start).unwrap_or("");
        if is_compound_modifier(surface, before) {
            continue;
        }
        // `Can't` in a Title Case headline splits into `Ca` + `n't`: half a word is no name.
        let after = text.get(mention.end..).unwrap_or("");
        let half_word = after.starts_with("n't") || after.starts_with("n’t");
        // `Finance Secretary Jaime Ongpin`: the portfolio of an office.
        let portfolio = mention.kind != 0 && names_a_portfolio(surface, after);
        if half_word || portfolio {
            continue;
        }
        let clean = cleaned.entry((surface, mention.kind)).or_insert_with(|| {
            clean_name(surface, mention.kind).map(|name| {
                let key = name.to_lowercase();
                (name, key)
            })
        });
        let Some((clean_name, clean_key)) = clean.as_ref() else {
            continue;
        };
        // `Moody's said`: the article writes the `'s` as part of the name.
        let with_suffix = possessive
            .suffix_of(text, mention, clean_name)
            .map(|suffix| {
                (
                    format!("{clean_name}{suffix}"),
                    format!("{clean_key}{}", suffix.to_lowercase()),
                )
            });
        let (name, key) = match &with_suffix {
            Some((name, key)) => (name, key),
            None => (clean_name, clean_key),
        };
        if mention.hashtag && is_slogan_hashtag(name) {
            continue;
        }
        if !stats.contains_key(key) {
            let first = NameStats {
                first_seen: order,
                votes: [0; 4],
                surfaces: Vec::new(),
                only_shouted: true,
                only_common_word: true,
                names_a_product: false,
                names_an_award: false,
            };
            stats.insert(key.clone(), first);
        }
        let Some(entry) = stats.get_mut(key) else {
            continue;
        };
        let other = names_people_of(surface)
            || names_a_product(surface)
            || names_a_role(surface)
            || names_a_field(surface, before, after)
            || quoted_title(before, after);
        let kind = if other { 3 } else { mention.kind };
        entry.votes[kind] += 1;
        entry.only_shouted &= mention.shouted;
        entry.only_common_word &= mention.common_word;
        entry.names_a_product |= product_context(before, after);
        entry.names_an_award |= award_follows(name, after) || award_precedes(name, before);
        match entry.surfaces.iter_mut().find(|(seen, _)| seen == name) {
            Some((_, count)) => *count += 1,
            None => entry.surfaces.push((name.clone(), 1)),
        }
    }
    let mut names: Vec<(usize, String, usize)> = stats
        .into_values()
        .filter_map(|stat| {
            let surface = preferred_surface(&stat.surfaces, stat.only_shouted, text);
            let unknown = super::lexicon::known_kind(&surface).is_none();
            // `STOCK SPLIT` over `stock split`; but a text in lowercase
            // throughout (`jamaica has put a cap`) keeps the names the lexicon lists.
            if stat.only_common_word && unknown {
                return None;
            }
            let voted = (0..4)
                .max_by_key(|kind| (stat.votes[*kind], 4 - kind))
                .unwrap_or(3);
            // A known company's product (`Google browser`) leaves the company a company.
            let product_or_award = (stat.names_a_product || stat.names_an_award) && unknown;
            let kind = if product_or_award { 3 } else { voted };
            Some((stat.first_seen, surface, kind))
        })
        .collect();
    names.sort();
    super::given_names::settle_particle_persons(&mut names);
    super::person_names::merge_person_names(&mut names);
    names
        .into_iter()
        .map(|(_, name, kind)| Entity {
            name,
            kind: entity_kind(kind),
        })
        .collect()
}

#[cfg(test)]
#[path = "canonical_tests.rs"]
mod tests;
