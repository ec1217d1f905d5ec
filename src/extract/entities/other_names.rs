//! Names that are other names, not persons, organisations or places, by
//! their form or the words around them: peoples (`Russian-Greek`, `New
//! Yorkers`, `Asian`), products and genes (`AirPods Pro`, `MacBook models`,
//! `KRAS mutant`), titles in quotation marks (`“Sunday Candy”`), fields of
//! study and indices (`Chemistry`, `H Index`) and descriptions written like
//! names (`Florida Man`).

use super::given_names::is_given_name;
use super::lexicon::{is_known_place, known_kind};
use super::spans::word_after;
use crate::extract::words::{is_nationality, NATIONALITIES};

/// Words that make a nationality adjective a region's (`North American`,
/// `Latin American`, `East European`).
#[rustfmt::skip]
const REGION_WORDS: &[&str] = &[
    "north", "south", "east", "west", "central", "latin", "northern", "southern", "eastern",
    "western", "southeast", "northeast", "southwest", "northwest",
];

/// Whether `surface` names people by where they are from: nationalities
/// joined by a hyphen (`Russian-Greek talks`) or the people of a known place
/// (`South Dakotans`, `New Yorkers`), or is a region's adjective (`North
/// American`), which CoNLL-2003 calls other names.
pub(super) fn names_people_of(surface: &str) -> bool {
    // `Asian shares fell`: a nationality alone (a plural may be a team, `Indians`).
    let lowercase = surface.to_lowercase();
    if NATIONALITIES.contains(&lowercase.as_str()) {
        return true;
    }
    if let Some((first, second)) = surface.split_once('-') {
        return is_nationality(first) && is_nationality(second);
    }
    // `North American operations`, `Latin American debt`: a region's adjective.
    let region_adjective = surface.split_once(' ').is_some_and(|(first, second)| {
        let region = REGION_WORDS.contains(&first.to_lowercase().as_str());
        region && !second.contains(' ') && is_nationality(second)
    });
    if region_adjective {
        return true;
    }
    let place = surface
        .strip_suffix("ns")
        .or_else(|| surface.strip_suffix("ers"));
    place.is_some_and(|place| place.len() > 2 && is_known_place(place))
}

/// Words that end a product's name, after its maker or its line (`AirPods
/// Pro`, `Switch Lite`, `Chromecast Ultra`, `DualShock Controller`).
#[rustfmt::skip]
const PRODUCT_WORDS: &[&str] = &[
    "Pro", "Lite", "Ultra", "Mini", "Edition", "Controller", "Charger", "Console", "Headphones",
    "Earbuds", "Smartphone", "Laptop",
];

/// Whether `surface` names a product by its last word, a product's word
/// after the line or a designation: an other name, not the company that
/// makes it.
pub(super) fn names_a_product(surface: &str) -> bool {
    let mut words = surface.split_whitespace();
    let last = words.next_back();
    let has_line = words.next().is_some();
    let designation = last.is_some_and(is_designation);
    designation || (has_line && last.is_some_and(|word| PRODUCT_WORDS.contains(&word)))
}

/// Whether `word` is a model's or a document's designation, letters joined
/// to a number (`IVAS-8a`, `MiG-29`, `Apollo-11`, `Kh-101`), not who makes it.
fn is_designation(word: &str) -> bool {
    let Some((letters, number)) = word.rsplit_once('-') else {
        return false;
    };
    let lettered = letters.chars().count() >= 2 && letters.chars().all(char::is_alphabetic);
    lettered && number.starts_with(|c: char| c.is_ascii_digit())
}

/// Lowercase nouns of products and of what science names like names (genes,
/// proteins, drugs' targets, codecs, software), which such a name is written
/// before (`various MacBook models`, `the Chrome browser`, `KRAS mutant
/// tumors`, `the BRCA1 gene`, `the IVAS codec`, `the CVS tree`, `the MA module`).
#[rustfmt::skip]
const PRODUCT_NOUNS: &[&str] = &[
    "models", "display", "connector", "browser", "console", "headphones",
    "earbuds", "charger", "smartphone", "smartphones", "laptop", "laptops", "handset",
    "handsets", "gift", "gene", "genes", "mutant", "mutation", "mutations", "protein",
    "proteins", "inhibitor", "inhibitors", "receptor", "receptors", "enzyme", "codec",
    "codecs", "encoder", "encoders", "decoder", "decoders", "firmware", "chipset", "chipsets",
    "plugin", "plugins", "compiler", "repository", "tree", "module", "modules",
];

/// Whether the text after a name opens with a product's noun.
fn product_noun_follows(after: &str) -> bool {
    PRODUCT_NOUNS.contains(&word_after(after))
}

/// Whether the text around a name says it is a product: a product's noun or
/// a release number after it, or code that imports or calls it.
pub(super) fn product_context(before: &str, after: &str) -> bool {
    product_noun_follows(after) || version_follows(after) || names_code_module(before, after)
}

/// Whether a mention is the whole of a quotation (`slowed down “Blessings,”
/// the version`, `a key part of “All We Got,”`): mostly the title of a song,
/// a film, a book or a show, an other name; but also a nickname or a company
/// in scare quotes (`CEO at "Ukroboronprom"`), so it is one mention's vote,
/// not the name's kind. An opening mark right before the name and a closing
/// one right after it, a comma or a full stop between them maybe; a straight
/// mark opens after a space or a line's start.
pub(super) fn quoted_title(before: &str, after: &str) -> bool {
    let Some(opening) = before.chars().next_back() else {
        return false;
    };
    // Each mark closes with its own pair: `“ISIS’ best recruiter”` is a
    // possessive inside a quotation.
    let closing = match opening {
        '\u{201c}' => '\u{201d}',
        '\u{2018}' => '\u{2019}',
        '"' | '\'' => opening,
        _ => return false,
    };
    let straight = opening == closing;
    let opens = before[..before.len() - opening.len_utf8()]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    if straight && !opens {
        return false;
    }
    let rest = after.strip_prefix([',', '.', '!', '?']).unwrap_or(after);
    let Some(closing_tail) = rest.strip_prefix(closing) else {
        return false;
    };
    // `'s` after a name is a possessive, no closing mark.
    let possessive = after.starts_with(closing) && closing_tail.starts_with(['s', 'S']);
    !possessive
}

/// Fields of study written alone like names (`Chemistry`, `Sciences`).
#[rustfmt::skip]
const FIELD_WORDS: &[&str] = &[
    "Sciences", "Studies", "Engineering", "Chemistry", "Physics", "Mathematics", "Biology",
    "Economics",
];

/// Whether `surface` names a field of study by itself (`Chemistry`,
/// `Sciences`) or an index by its last word (`H Index`, `Consumer Price
/// Index`; CoNLL-2003 calls an index other), with no connector that makes it
/// a body's name (`Office for the Price Index`, `National Academies of
/// Sciences`). A longer name ending in a field is mostly a company or a body
/// (`Oxford Economics`, `Combustion Engineering`, `Material Sciences`),
/// unless it is listed beside a field (`Chemistry, Biological Sciences,
/// Business Studies, and Physics`).
pub(super) fn names_a_field(surface: &str, before: &str, after: &str) -> bool {
    let mut words = surface.split_whitespace();
    let Some(last) = words.next_back() else {
        return false;
    };
    let one_word = words.clone().next().is_none();
    if one_word {
        return FIELD_WORDS.contains(&last);
    }
    let is_field = FIELD_WORDS.contains(&last);
    if !is_field && last != "Index" {
        return false;
    }
    let has_connector = words.any(|word| matches!(word, "of" | "for" | "and" | "&" | "at"));
    if is_field {
        return !has_connector && listed_beside_a_field(before, after);
    }
    !has_connector
}

/// Whether the item listed just before or just after a name (by a comma or
/// `and`) is a field by itself.
fn listed_beside_a_field(before: &str, after: &str) -> bool {
    let is_field = |word: Option<&str>| {
        word.map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|word| FIELD_WORDS.contains(&word))
    };
    // `Chemistry, Biological Sciences` or `Chemistry and Biological Sciences`.
    let trimmed_before = before.trim_end();
    let previous = trimmed_before
        .strip_suffix(" and")
        .or_else(|| trimmed_before.strip_suffix(','))
        .and_then(|rest| rest.split_whitespace().next_back());
    // `Business Studies, Physics`, `Business Studies and Physics` or
    // `Business Studies, and Physics`.
    let after_and = after
        .strip_prefix(',')
        .unwrap_or(after)
        .trim_start()
        .strip_prefix("and ");
    let next = after_and
        .or_else(|| after.strip_prefix(", "))
        .and_then(|rest| rest.split_whitespace().next());
    is_field(previous) || is_field(next)
}

/// Whether a one-word name opening a sentence is a compound modifier that
/// the sentence's capital made look like a name (`Blog-era rappers`,
/// `Post-war plans`): it ends in a lowercase part after a hyphen and opens
/// with no name general knowledge holds (`Moscow-based` names Moscow,
/// `Russian-backed` a people). Inside a sentence the capital says it is a
/// name (`a Bergamo-based company`).
pub(super) fn is_compound_modifier(surface: &str, before: &str) -> bool {
    let Some((head, tail)) = surface.rsplit_once('-') else {
        return false;
    };
    let lowercase_tail = tail.len() >= 2 && tail.chars().all(|c| c.is_lowercase());
    if !lowercase_tail || head.contains(char::is_whitespace) {
        return false;
    }
    let opening = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '('));
    let new_line = before[opening.len()..].contains('\n');
    let opens_sentence = opening.is_empty() || new_line || opening.ends_with(['.', '!', '?', ':']);
    let first = head.split('-').next().unwrap_or(head);
    opens_sentence && known_kind(first).is_none() && !is_nationality(first)
}

/// Whether code around a name says it is software (`from Numeric import *`,
/// `import Numeric`, `Numeric.ones((2, 2))`): a module is imported or its
/// function called, an other name.
fn names_code_module(before: &str, after: &str) -> bool {
    // A statement opens its line, after a prompt maybe (`>>> `): `officials
    // from Kenya import tea` is prose.
    let opens_line = |keyword: &str| {
        before.strip_suffix(keyword).is_some_and(|line_before| {
            let line_start = line_before.rfind('\n').map_or(0, |at| at + 1);
            line_before[line_start..]
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '>' | '.' | '#'))
        })
    };
    let imported_from = opens_line("from ") && after.starts_with(" import ");
    let imported = opens_line("import ")
        && after.starts_with(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
    let called = after.strip_prefix('.').is_some_and(|rest| {
        let identifier_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let identifier = &rest[..identifier_len];
        identifier.starts_with(|c: char| c.is_ascii_lowercase())
            && rest[identifier_len..].starts_with('(')
    });
    imported_from || imported || called
}

/// Whether a release number follows a name (`Numeric 20.2.1`, `GCC 2.95.3`):
/// software, an other name. Three numbers at least, so that a score, a time
/// or an amount (`Bolt 9.58`, `Apple 2.5`) says nothing, and no date
/// (`Kyiv 12.05.2022`) or share (`20.2.1%`).
fn version_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let rest = rest.strip_prefix(['v', 'V']).unwrap_or(rest);
    // Read after every mention: most are followed by a word, not a number.
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let number_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let number = rest[..number_len].trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    let numbers = parts.len() >= 3 && parts.iter().all(|part| !part.is_empty());
    let year_last = parts.last().is_some_and(|last| last.len() == 4);
    let share = rest[number_len..].starts_with('%');
    numbers && !year_last && !share
}

/// Whether the text after a name says it is an award or a competition
/// (`Oscar-winning director`, `Greatest Oscar winners`, `a Pulitzer Prize
/// winner`, `Wimbledon champion`): an other name, like the prize's name with
/// its head word (see `repair`).
pub(super) fn award_follows(surface: &str, after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['-', ' ']) else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let hyphenated = after.starts_with('-');
    // `Wimbledon champion`, `British Touring Car champion`: a competition,
    // which CoNLL-2003 calls an other name; not a body in capitals that
    // holds one (`WBC champion`); `champions` is also a verb (`Ivanka Trump
    // champions paid leave`).
    let acronym = !surface.contains(char::is_lowercase);
    let competition =
        !hyphenated && !acronym && matches!(word, "champion" | "championship" | "championships");
    matches!(word, "winner" | "winners") || (hyphenated && word == "winning") || competition
}

/// Lowercase words naming an award's category between `best` and the award
/// (`best foreign language Oscar`, `best supporting actress Emmy`).
#[rustfmt::skip]
const AWARD_CATEGORY_WORDS: &[&str] = &[
    "actor", "actress", "director", "picture", "film", "foreign", "language", "supporting",
    "original", "adapted", "screenplay", "documentary", "animated", "feature", "musical",
    "album", "song", "record", "new", "artist", "drama", "comedy", "series", "play", "novel",
    "score", "rap", "pop", "country", "rock", "short", "international", "lead", "leading",
];

/// Whether the text before a one-word name says it is an award: `best`, then
/// only words of a category (`won best foreign language Oscar in 2012`).
/// With no category word (`the best Smith can do`) nothing is said.
pub(super) fn award_precedes(surface: &str, before: &str) -> bool {
    if surface.contains(' ') {
        return false;
    }
    for (category_words, word) in before.trim_end().rsplit(' ').take(5).enumerate() {
        if word == "best" || word == "Best" {
            return category_words > 0;
        }
        if !AWARD_CATEGORY_WORDS.contains(&word) {
            return false;
        }
    }
    false
}

/// Nouns for what someone is, which end a Title Case headline's phrase
/// (`Metro-North Worker Killed`, `Florida Man Arrested`).
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "Worker", "Workers", "Driver", "Officer", "Teacher", "Student", "Nurse", "Firefighter",
    "Soldier", "Cop", "Boy", "Girl", "Man", "Woman", "Mom", "Dad", "Employee", "Suspect", "Victim",
];

/// Whether `surface` is a description written like a name: two words, the
/// second a noun of [`ROLE_NOUNS`], the first no given name (`Adam Driver`
/// and `Ken Doctor` are persons).
pub(super) fn names_a_role(surface: &str) -> bool {
    let Some((first, second)) = surface.split_once(' ') else {
        return false;
    };
    // `ED&F Man` (a trading house) split at its ampersand leaves `F Man`.
    let word_first = first.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    word_first && ROLE_NOUNS.contains(&second) && !is_given_name(first)
}

/// Whether `surface`, followed by `after`, is the portfolio of an office, no
/// name (`Finance` of `Finance Secretary Jaime Ongpin`, `Power` of `Mines,
/// Power and Steel Minister`), as CoNLL-2003 mostly has it: one word; a
/// longer name (`Economic Planning Board Minister`, `Boris Johnson and Prime
/// Minister`), an acronym, a nationality (`Australian Prime Minister`) or a
/// place or body the lexicon knows (`U.S. Secretary`, `Treasury Secretary`)
/// stays.
pub(super) fn names_a_portfolio(surface: &str, after: &str) -> bool {
    // A lowercase title follows a name (`a Labour minister`, `Church of Christ minister`).
    const TITLES: &[&str] = &["Minister", "Secretary"];
    let before_title = |rest: &str| {
        TITLES.iter().any(|title| {
            rest.strip_prefix(title)
                .is_some_and(|tail| !tail.starts_with(char::is_alphanumeric))
        })
    };
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    // `Finance and Petroleum Minister`: one more portfolio before the title.
    let title_follows = before_title(rest)
        || rest.strip_prefix("and ").is_some_and(|tail| {
            let (word, title) = tail.split_once(' ').unwrap_or((tail, ""));
            // `Erdoğan and Prime Minister Mitsotakis`: two office holders.
            word.starts_with(char::is_uppercase) && word != "Prime" && before_title(title)
        });
    // One word, not in capitals (`OAS Secretary General`), of no kind the
    // lexicon knows; a nationality is one (`Australian`).
    let one_word = !surface.contains(' ') && surface.contains(char::is_lowercase);
    // `Yugoslavian Foreign Minister`, `Republican Secretary of State`: an
    // adjective of a people or a party, an other name.
    let adjective = ["an", "ese", "ish", "i"]
        .iter()
        .any(|ending| surface.ends_with(ending));
    title_follows
        && one_word
        && !adjective
        && !is_nationality(surface)
        && known_kind(surface).is_none()
}
