//! Repairs of tagged mentions that the tagger gets wrong in a regular way,
//! before names are voted on: a person's middle initial or generational suffix
//! cut off (`Sonya` + `A. Zoghlin`, `Patrick Carlineo Jr.` as an
//! organisation), a title glued to the name (`Senator Elizabeth Warren` as an
//! organisation), and the kind a name's head word settles (`Seventh Street`
//! is a place, `National Security Council` an organisation).

use super::tagger::Mention;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;
const OTHER: usize = 3;

/// Titles that only ever stand before a person's name, never open an
/// organisation's (`General Motors`, `Foreign Ministry` do).
#[rustfmt::skip]
const PERSON_ONLY_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "congressman",
    "congresswoman", "gov", "governor", "mayor", "sgt", "lt", "col", "capt", "rev", "sir", "dame",
    "prof", "professor", "ambassador", "president", "pres", "madam", "mister", "assemblyman",
    "assemblywoman", "assemblymember", "councilman", "councilwoman", "alderman",
];

/// Last words that make a multi-word name a place (`Jolinda Drive`, `Tibetan Plateau`);
/// not `County` or `Airport`, which also end clubs and companies.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "drive", "boulevard", "blvd", "lane",
    "plateau", "ocean", "province", "peninsula", "amphitheatre", "amphitheater", "auditorium",
    "pavilion", "stadium", "highway", "region", "oblast",
];

/// Place head words that are also surnames (`Veronica Lake`), trusted only
/// when the tagger did not see a person.
#[rustfmt::skip]
const SURNAME_PLACE_HEADS: &[&str] = &[
    "sea", "river", "lake", "mountains", "island", "islands", "valley", "bay", "gulf", "square",
    "arena", "bridge",
];

/// Words that make a multi-word name an organisation wherever they stand
/// (`Office of the Inspector General`, `Communist Party`).
#[rustfmt::skip]
pub(super) const ORGANISATION_HEADS: &[&str] = &[
    "university", "institute", "committee", "department", "office", "police", "party", "council",
    "commission", "agency", "coalition", "network", "brigade", "company", "corporation", "corp",
    "inc", "ltd", "llc", "plc", "group", "association", "foundation", "ministry", "court", "army",
    "navy", "airlines", "airline", "forces", "guard", "society", "administration", "board",
    "bureau", "directorate", "authority", "senate", "parliament", "assembly", "club", "academy",
    "college", "service", "services", "technologies", "robotics", "systems", "holdings",
    "industries", "pharmaceuticals", "laboratories", "motors", "airways", "bancorp", "bancshares",
    "securities", "communications", "controls", "petroleum", "brothers",
];

/// Last words that end no person's name: a venue or a body (`Revention Music
/// Center`, `Lincoln Center`), whatever the tagger said; it may be a place
/// too, so only a person is re-kinded, to an organisation.
const PERSONLESS_HEADS: &[&str] = &["center", "centre"];

/// Last words that make a multi-word name an event, `other` in CoNLL-2003
/// (`Davis Cup`, `PGA Championship`, `American Music Awards`, `Dubai Air Show`).
#[rustfmt::skip]
const EVENT_HEADS: &[&str] = &[
    "cup", "championship", "championships", "games", "olympics", "awards", "festival", "war",
    "show", "finals", "tournament", "summit", "marathon", "award", "prize", "medal", "trophy",
];

/// Last words of the names of agreements and charters, other names
/// (`Ukrainian-British Bilateral Framework Agreement`, `UN Charter`,
/// `Kyoto Protocol`), unless an organisation's head is in the name (`Party of
/// Russian Unity and Accord`).
#[rustfmt::skip]
const AGREEMENT_HEADS: &[&str] = &[
    "agreement", "treaty", "accord", "accords", "charter", "protocol", "declaration", "memorandum",
];

/// First words that make a name a storm, an event (`Hurricane Charley`).
const STORM_WORDS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];

/// Generational suffixes that end a person's name.
const SUFFIXES: &[&str] = &["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"];

/// Suffixes that only persons bear (`World War II` is no person).
const PERSON_SUFFIXES: &[&str] = &["Jr.", "Sr.", "Jr", "Sr"];

/// Nouns that, right after a name (or its possessive), say it is an
/// organisation (`WeWork’s employees`, `WeWork founder`, `Home Depot shares`);
/// not `spokesman` or `staff`, which people have too.
#[rustfmt::skip]
const ORGANISATION_CUES_AFTER: &[&str] = &[
    "ceo", "founder", "co-founder", "shares", "stock", "employees", "headquarters", "chairman",
    "valuation", "investors", "subsidiary", "executives", "shareholders",
];

/// Nouns that, right before a name, say it is an organisation (`the research firm Oanda`).
#[rustfmt::skip]
const ORGANISATION_CUES_BEFORE: &[&str] = &[
    "firm", "company", "startup", "start-up", "retailer", "carrier", "airline", "broadcaster",
    "publisher", "label", "automaker", "insurer", "lender", "manufacturer",
];

/// Longest word of any list here, in bytes.
const MAX_LISTED_WORD: usize = 16;

/// Whether `word` is in `list` (lowercase ASCII), ignoring ASCII case, without
/// allocating: a length check first, since most words are no list's length.
pub(super) fn listed(list: &[&str], word: &str) -> bool {
    if word.len() > MAX_LISTED_WORD || word.len() < 2 {
        return false;
    }
    list.iter()
        .any(|entry| entry.len() == word.len() && entry.eq_ignore_ascii_case(word))
}

/// Applies every repair to the mentions of `text`, in place.
pub fn repair_mentions(text: &str, mentions: &mut Vec<Mention>) {
    join_initials(text, mentions);
    super::org_joins::join_organisation_names(text, mentions);
    organisations_by_context(text, mentions);
    for mention in mentions.iter_mut() {
        take_suffix(text, mention);
        trim_award_adjective(text, mention);
        if mention.kind == PERSON && is_team_like(text, mention) {
            mention.kind = ORGANIZATION;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        if let Some(kind) = kind_from_words(surface, mention.kind) {
            mention.kind = kind;
        }
        if let Some(kind) = super::lexicon::settled_kind(surface, mention.kind) {
            mention.kind = kind;
        }
        if fills_quotation_marks(text, mention) {
            mention.kind = OTHER;
        }
        if mention.kind == PERSON && is_brand_like(surface) {
            mention.kind = ORGANIZATION;
        }
        let possessive = text
            .get(mention.end..)
            .is_some_and(|after| after.starts_with("'s") || after.starts_with("’s"));
        if possessive && !surface.contains(' ') && super::lexicon::is_possessive_company(surface) {
            mention.kind = ORGANIZATION;
        }
    }
}

/// `Oscar-winning director`: the award's name, without the adjective the
/// tagger took into it (the award's kind is settled in `canonical`).
fn trim_award_adjective(text: &str, mention: &mut Mention) {
    let award = text
        .get(mention.start..mention.end)
        .and_then(|surface| surface.strip_suffix("-winning"));
    if let Some(award) = award.filter(|award| !award.is_empty()) {
        mention.end = mention.start + award.len();
    }
}

/// `“Black Water,” “What A Fool Believes”`: a name that fills a pair of
/// quotation marks (a comma or period aside) is the title of a work.
fn fills_quotation_marks(text: &str, mention: &Mention) -> bool {
    let (Some(before), Some(after)) = (text.get(..mention.start), text.get(mention.end..)) else {
        return false;
    };
    let opened = before.ends_with(['“', '"']);
    let closed = after.trim_start_matches([',', '.']).starts_with(['”', '"']);
    opened && closed
}

/// Surname prefixes after which a capital stays inside a person's name
/// (`McDonald`, `MacArthur`, `DeSantis`, `LeBron`, `DiCaprio`, `VanderMeer`).
const CAPITAL_INSIDE_SURNAMES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Le", "La", "Du", "Van", "Von",
];

/// `MtGox`, `JetBlue`, `WeWork`: one word with a capital inside (not after a
/// surname prefix, an apostrophe or a hyphen) is a brand, never a person.
fn is_brand_like(surface: &str) -> bool {
    if surface
        .contains(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’' || c == '.')
    {
        return false;
    }
    let Some(inner) = surface
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_uppercase())
        .map(|(index, _)| index)
    else {
        return false;
    };
    let head = &surface[..inner];
    let lower_after = surface[inner..].chars().any(char::is_lowercase);
    let surname_prefix = CAPITAL_INSIDE_SURNAMES.contains(&head);
    let acronym_like = !head.chars().any(char::is_lowercase);
    lower_after && !surname_prefix && !acronym_like
}

/// Whether `word` is a capital letter and a period (`A.`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(letter), Some('.'), None) if letter.is_uppercase()
    )
}

/// `Sonya` + `A. Zoghlin`: a person mention opening with an initial takes the
/// capitalised word right before it (and the mention that word was in).
fn join_initials(text: &str, mentions: &mut Vec<Mention>) {
    let mut absorbed = vec![false; mentions.len()];
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        let opens_with_initial = text
            .as_bytes()
            .get(mention.start + 1)
            .is_some_and(|&byte| byte == b'.');
        if mention.kind != PERSON || !opens_with_initial {
            continue;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let first_word = surface.split_whitespace().next().unwrap_or("");
        if mention.kind != PERSON || !is_initial(first_word) {
            continue;
        }
        let Some(before) = text.get(..mention.start) else {
            continue;
        };
        let trimmed = before.trim_end_matches(' ');
        if trimmed.len() + 1 != before.len() {
            continue; // not exactly one space: another line or no gap
        }
        let word_start = trimmed
            .rfind(|c: char| !c.is_alphabetic() && c != '-' && c != '’' && c != '\'')
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &trimmed[word_start..];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || word.chars().count() < 2 || is_person_title(word) {
            continue;
        }
        mentions[index].start = word_start;
        if let Some(previous) = index.checked_sub(1) {
            if mentions[previous].end == trimmed.len() {
                absorbed[previous] = true;
            }
        }
    }
    let mut position = 0;
    mentions.retain(|_| {
        let keep = !absorbed[position];
        position += 1;
        keep
    });
}

/// A name the article writes next to an organisation's cue anywhere is an
/// organisation in every mention (`WeWork’s 12,000 employees` … `WeWork said`).
fn organisations_by_context(text: &str, mentions: &mut [Mention]) {
    let mut organisations: Vec<&str> = Vec::new();
    for mention in mentions.iter() {
        let look_behind = floor_char_boundary(text, mention.start.saturating_sub(40));
        let look_ahead = ceil_char_boundary(text, mention.end + 40);
        let (Some(surface), Some(before), Some(after)) = (
            text.get(mention.start..mention.end),
            text.get(look_behind..mention.start),
            text.get(mention.end..look_ahead),
        ) else {
            continue;
        };
        // `WeWork’s 12,000 employees`: a count may stand between.
        let next_word = after
            .trim_start_matches(['’', '\'', 's'])
            .split_whitespace()
            .take(2)
            .find(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| w.trim_end_matches([',', '.', ';']));
        let previous_word = before.split_whitespace().next_back();
        let cue_after = next_word.is_some_and(|w| listed(ORGANISATION_CUES_AFTER, w));
        let cue_before = previous_word.is_some_and(|w| listed(ORGANISATION_CUES_BEFORE, w));
        // `US stock futures`, `China shares`: a market named by its place.
        let place = super::lexicon::is_known_place(surface);
        if (cue_after || cue_before) && !place {
            organisations.push(surface);
        }
    }
    if organisations.is_empty() {
        return;
    }
    for mention in mentions.iter_mut() {
        let is_listed = text.get(mention.start..mention.end).is_some_and(|surface| {
            organisations
                .iter()
                .any(|o| o.eq_ignore_ascii_case(surface))
        });
        if is_listed {
            mention.kind = ORGANIZATION;
        }
    }
}

/// `the Steelers`, `the Democrats`: one plural word after `the`, which the
/// tagger took for a person, names a team, a party or a band.
fn is_team_like(text: &str, mention: &Mention) -> bool {
    let (Some(tagged), Some(before)) = (
        text.get(mention.start..mention.end),
        text.get(..mention.start),
    ) else {
        return false;
    };
    let (surface, the_inside) = match tagged.strip_prefix("The ").or(tagged.strip_prefix("the ")) {
        Some(rest) => (rest, true),
        None => (tagged, false),
    };
    let plural = surface.ends_with('s')
        && !surface.ends_with("ss")
        && !surface.contains([' ', '’', '\''])
        && surface.chars().skip(1).any(char::is_lowercase);
    let after_the = the_inside
        || before
            .split_whitespace()
            .next_back()
            .is_some_and(|word| word.eq_ignore_ascii_case("the"));
    mention.kind == PERSON && plural && after_the && surface.len() > 3
}

/// The nearest character boundary of `text` at or before `index`.
pub(super) fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut boundary = index.min(text.len());
    while !text.is_char_boundary(boundary) {
        boundary -= 1;
    }
    boundary
}

/// The nearest character boundary of `text` at or after `index`.
fn ceil_char_boundary(text: &str, index: usize) -> usize {
    let mut boundary = index.min(text.len());
    while !text.is_char_boundary(boundary) {
        boundary += 1;
    }
    boundary
}

/// `Patrick Carlineo Jr.`: a generational suffix right after a name is part
/// of it, and makes it a person's.
fn take_suffix(text: &str, mention: &mut Mention) {
    let Some(surface) = text.get(mention.start..mention.end) else {
        return;
    };
    let words = surface.split_whitespace().count();
    let ends_with_suffix = surface
        .rsplit(' ')
        .next()
        .is_some_and(|last| PERSON_SUFFIXES.contains(&last));
    if ends_with_suffix && words >= 3 {
        mention.kind = PERSON;
        return;
    }
    let Some(after) = text.get(mention.end..) else {
        return;
    };
    let Some(rest) = after.strip_prefix(' ') else {
        return;
    };
    if !rest.starts_with(['J', 'S', 'I']) {
        return;
    }
    let suffix = SUFFIXES.iter().find(|suffix| {
        rest.strip_prefix(**suffix)
            .is_some_and(|tail| !tail.starts_with(char::is_alphanumeric))
    });
    if let Some(suffix) = suffix {
        if words >= 2 && mention.kind == PERSON {
            mention.end += 1 + suffix.len();
        }
    }
}

/// Whether `word` (case and a trailing period ignored) is a title only persons bear.
fn is_person_title(word: &str) -> bool {
    listed(PERSON_ONLY_TITLES, word.trim_end_matches('.'))
}

/// A word without trailing punctuation and a curly possessive.
pub(super) fn bare_word(word: &str) -> &str {
    word.trim_end_matches(['.', ',', '’', '\''])
        .trim_end_matches("’s")
}

/// The kind the words of a name settle, whatever the tagger said: a person
/// title before a plain name, a place's or an organisation's head word.
fn kind_from_words(surface: &str, tagged: usize) -> Option<usize> {
    if !surface.contains(' ') {
        return None;
    }
    let mut words = surface.split_whitespace();
    let first = words.next()?;
    let mut count = 1;
    let mut last = first;
    let mut has_organisation_head = listed(ORGANISATION_HEADS, bare_word(first));
    let mut rest_capitalised = true;
    let mut has_patronymic = false;
    for word in words {
        count += 1;
        last = word;
        has_organisation_head |= listed(ORGANISATION_HEADS, bare_word(word));
        has_patronymic |= is_patronymic(bare_word(word));
        rest_capitalised &= word.starts_with(char::is_uppercase);
    }
    if count < 2 {
        return None;
    }
    let last = bare_word(last);
    if listed(EVENT_HEADS, last) || listed(STORM_WORDS, first) {
        return Some(OTHER);
    }
    let surname_like_head = listed(SURNAME_PLACE_HEADS, last) && tagged != PERSON;
    if listed(PLACE_HEADS, last) || surname_like_head {
        return Some(PLACE);
    }
    let personless_head = listed(PERSONLESS_HEADS, last);
    if has_organisation_head || (personless_head && tagged == PERSON) {
        return Some(ORGANIZATION);
    }
    if listed(AGREEMENT_HEADS, last) {
        return Some(OTHER);
    }
    let titled_name = is_person_title(first) && rest_capitalised && count <= 5;
    // `Khertek Amyrbitovna Anchimaa-Toka`: a patronymic after the given name.
    let patronymic_name = has_patronymic && rest_capitalised && count <= 4;
    ((titled_name || patronymic_name) && tagged != PERSON).then_some(PERSON)
}

/// Endings of East Slavic patronymics (`Vladimirovich`, `Amyrbitovna`,
/// `Volodymyrovych`, `Mykolaivna`), which only a person's name holds.
const PATRONYMIC_ENDINGS: &[&str] = &["ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna"];

/// Whether `word` is written like a patronymic (see [`PATRONYMIC_ENDINGS`]).
fn is_patronymic(word: &str) -> bool {
    let capitalised = word.starts_with(char::is_uppercase);
    let long_enough = word.chars().count() >= 8;
    capitalised
        && long_enough
        && PATRONYMIC_ENDINGS
            .iter()
            .any(|ending| word.ends_with(ending))
}

#[cfg(test)]
#[path = "repair_tests.rs"]
mod tests;
