//! Word lists that more than one extractor reads, kept once so that the
//! entity names and the quote speakers agree on what a title is and which
//! capitalised words never name anything. Each extractor adds the words only
//! its own rules need (see `entities::canonical` and `quotes::lexicon`).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Titles and offices written before a person's name and never part of it
/// (`Foreign Minister Joly`, `Mr Putin`), lowercase.
#[rustfmt::skip]
pub const PERSON_TITLES: &[&str] = &[
    "adm", "admiral", "alderman", "ambassador", "assemblyman", "assemblywoman", "attorney",
    "bishop", "capt", "captain", "cardinal", "ceo", "chairman", "chairwoman", "chancellor", "chief",
    "coach", "col", "colonel", "commander", "congressman", "congresswoman", "councilman",
    "councilwoman", "defence", "defense", "deputy", "director", "dr", "foreign", "gen", "general",
    "gov", "governor", "judge", "justice", "king", "lady", "leader", "lord", "lt", "maj", "major",
    "mayor", "minister", "miss", "mr", "mrs", "ms", "officer", "pope", "premier", "president",
    "prime", "prince", "princess", "prof", "professor", "prosecutor", "queen", "rep",
    "representative", "rev", "reverend", "secretary", "sen", "senator", "sgt", "sheriff", "sir",
    "speaker", "spokesman", "spokeswoman", "vice",
];

/// Capitalised words that never name anything on their own: function words
/// and pronouns that open sentences, weekdays, months and page furniture.
#[rustfmt::skip]
pub const NEVER_NAMES: &[&str] = &[
    "a", "after", "also", "an", "and", "april", "as", "at", "august", "before", "breaking", "but",
    "by", "december", "february", "for", "friday", "he", "her", "here", "his", "however", "i", "if",
    "in", "it", "its", "january", "july", "june", "march", "may", "meanwhile", "monday", "my",
    "november", "october", "of", "on", "or", "our", "photo", "read", "said", "saturday", "says",
    "september", "she", "sunday", "that", "the", "their", "there", "these", "they", "this", "those",
    "thursday", "to", "today", "tomorrow", "tuesday", "update", "video", "watch", "we", "wednesday",
    "when", "while", "with", "yesterday", "you",
];

/// Words ending in a dot that do not end a sentence (`Sen.`, `Corp.`,
/// `Jan.`), lowercase: abbreviations, not the full titles (`president.`);
/// `etc.` and `EST.` (a time zone) end sentences as often as not.
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    "sen", "sens", "rep", "reps", "gov", "gen", "col", "lt", "maj", "sgt", "capt", "cmdr", "adm",
    "dr", "mr", "mrs", "ms", "prof", "rev", "hon", "st", "jr", "sr", "inc", "corp", "co", "ltd",
    "no", "vol", "vs", "dept", "univ", "ave", "mt", "ft", "pres", "chmn", "sept", "jan", "feb",
    "mar", "apr", "aug", "oct", "nov", "dec", "approx", "fig", "gov't", "msgr", "supt", "atty",
    "u.s", "u.k", "u.n",
];

/// Whether `word` (without its dot, any case) is one of [`ABBREVIATIONS`].
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS
        .iter()
        .any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

/// Last words of a company's name, which its short form leaves out
/// (`Zacks Investment Research`, `Baker International Corp`, `Hogan Systems`).
#[rustfmt::skip]
pub const COMPANY_WORDS: &[&str] = &[
    "inc", "corp", "corporation", "co", "ltd", "plc", "llc", "group", "holdings", "systems",
    "research", "international", "partners", "capital", "securities", "industries",
    "technologies", "electronics", "airlines", "motors", "brothers", "bancorp", "bancshares",
];

/// Nationality adjectives, regions' adjectives and the adjectives of peoples
/// and faiths, lowercase (`Ukrainian`, `Western`, `Latino`, `Muslim`); a
/// name's plural of one (`Americans`) names people, not a team.
#[rustfmt::skip]
pub const NATIONALITIES: &[&str] = &[
    "afghan", "african", "albanian", "algerian", "american", "arab", "argentine",
    "armenian", "asian", "australian", "austrian", "azerbaijani", "bahraini",
    "bangladeshi", "belarusian", "belgian", "bolivian", "bosnian", "brazilian", "british",
    "buddhist", "bulgarian", "burmese", "cambodian", "canadian", "catholic", "chechen", "chicano",
    "chilean", "chinese", "colombian", "congolese", "crimean", "croatian", "cuban", "cypriot",
    "czech", "danish", "dominican", "dutch", "eastern", "ecuadorian", "egyptian", "emirati",
    "english", "estonian", "ethiopian", "european", "filipino", "finnish", "french", "georgian",
    "german", "ghanaian", "greek", "guatemalan", "haitian", "hindu", "hispanic", "honduran",
    "hungarian", "icelandic", "indian", "indonesian", "iranian", "iraqi", "irish", "israeli",
    "italian", "jamaican", "japanese", "jewish", "jordanian", "kazakh", "kenyan", "korean",
    "kurdish", "kuwaiti", "kyrgyz", "laotian", "latina", "latino", "latvian", "lebanese", "libyan",
    "lithuanian", "malaysian", "maltese", "mexican", "moldovan", "mongolian", "moroccan", "muslim",
    "nepalese", "nicaraguan", "nigerian", "nordic", "norwegian", "omani", "pakistani",
    "palestinian", "panamanian", "paraguayan", "peruvian", "polish", "portuguese", "qatari",
    "romanian", "russian", "rwandan", "salvadoran", "saudi", "scandinavian", "scottish", "serbian",
    "sikh", "singaporean", "slavic", "slovak", "slovenian", "somali", "soviet", "spanish",
    "sudanese", "swedish", "swiss", "syrian", "taiwanese", "tajik", "tatar", "thai", "tibetan",
    "tunisian", "turkish", "turkmen", "ugandan", "uighur", "ukrainian", "uruguayan", "uyghur",
    "uzbek", "venezuelan", "vietnamese", "welsh", "western", "yemeni", "zimbabwean",
];

/// Whether `word` is a nationality of [`NATIONALITIES`] or its plural
/// (`Russian`, `Russians`), in any case.
pub fn is_nationality(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    is_listed_nationality(word) || is_listed_nationality(singular)
}

/// Whether `word` is one of [`NATIONALITIES`] in any case: a set lookup,
/// as the entity passes ask for every capitalised word.
fn is_listed_nationality(word: &str) -> bool {
    static LOWERCASE: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| NATIONALITIES.iter().copied().collect());
    // Longer than every listed nationality: no lookup needed.
    const MAX_LEN: usize = 16;
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEN || !word.is_ascii() {
        return false;
    }
    let mut buffer = [0u8; MAX_LEN];
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|lower| LOWERCASE.contains(lower))
}

/// The endings of a possessive, curly and straight, in either case.
pub const POSSESSIVE_ENDINGS: [&str; 4] = ["’s", "'s", "’S", "'S"];

/// The word without a trailing `’s` / `'s` (any case).
pub fn strip_possessive(word: &str) -> &str {
    for suffix in POSSESSIVE_ENDINGS {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// Whether `word` is a generational suffix ending a person's name (`Jr.`,
/// `III`), in any case, with or without its full stop.
pub fn is_generational_suffix(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    ["jr", "sr", "ii", "iii", "iv"]
        .iter()
        .any(|suffix| suffix.eq_ignore_ascii_case(bare))
}

/// The US states and their abbreviations, the AP's and the postal codes
/// (`Sen. Bernie Sanders (I-Vt.)` is `the Vermont senator`).
#[rustfmt::skip]
const US_STATES: &[(&str, &[&str])] = &[
    ("Alabama", &["Ala", "AL"]), ("Alaska", &["AK"]), ("Arizona", &["Ariz", "AZ"]),
    ("Arkansas", &["Ark", "AR"]), ("California", &["Calif", "CA"]), ("Colorado", &["Colo", "CO"]),
    ("Connecticut", &["Conn", "CT"]), ("Delaware", &["Del", "DE"]), ("Florida", &["Fla", "FL"]),
    ("Georgia", &["Ga", "GA"]), ("Hawaii", &["HI"]), ("Idaho", &["ID"]), ("Illinois", &["Ill", "IL"]),
    ("Indiana", &["Ind", "IN"]), ("Iowa", &["IA"]), ("Kansas", &["Kan", "Kans", "KS"]),
    ("Kentucky", &["Ky", "KY"]), ("Louisiana", &["La", "LA"]), ("Maine", &["ME"]),
    ("Maryland", &["Md", "MD"]), ("Massachusetts", &["Mass", "MA"]), ("Michigan", &["Mich", "MI"]),
    ("Minnesota", &["Minn", "MN"]), ("Mississippi", &["Miss", "MS"]), ("Missouri", &["Mo", "MO"]),
    ("Montana", &["Mont", "MT"]), ("Nebraska", &["Neb", "NE"]), ("Nevada", &["Nev", "NV"]),
    ("New Hampshire", &["N.H", "NH"]), ("New Jersey", &["N.J", "NJ"]), ("New Mexico", &["N.M", "NM"]),
    ("New York", &["N.Y", "NY"]), ("North Carolina", &["N.C", "NC"]), ("North Dakota", &["N.D", "ND"]),
    ("Ohio", &["OH"]), ("Oklahoma", &["Okla", "OK"]), ("Oregon", &["Ore", "OR"]),
    ("Pennsylvania", &["Pa", "PA"]), ("Rhode Island", &["R.I", "RI"]), ("South Carolina", &["S.C", "SC"]),
    ("South Dakota", &["S.D", "SD"]), ("Tennessee", &["Tenn", "TN"]), ("Texas", &["Tex", "TX"]),
    ("Utah", &["UT"]), ("Vermont", &["Vt", "VT"]), ("Virginia", &["Va", "VA"]),
    ("Washington", &["Wash", "WA"]), ("West Virginia", &["W.Va", "WV"]), ("Wisconsin", &["Wis", "WI"]),
    ("Wyoming", &["Wyo", "WY"]),
];

/// Whether `word` abbreviates the US state `state`, alone or in a party tag
/// (`Vt.`, `VT`, `I-Vt.`, `R-Fla`), its final dot aside.
pub fn abbreviates_state(word: &str, state: &str) -> bool {
    let Some((_, abbreviations)) = US_STATES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(state))
    else {
        return false;
    };
    let bare = word.trim_end_matches('.');
    let tagged = bare
        .split_once('-')
        .filter(|(party, _)| matches!(*party, "R" | "D" | "I"))
        .map_or(bare, |(_, place)| place);
    abbreviations.contains(&tagged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_and_without_repeats() {
        for list in [PERSON_TITLES, NEVER_NAMES, NATIONALITIES] {
            let mut seen = std::collections::HashSet::new();
            for word in list {
                assert_eq!(word.to_lowercase(), *word);
                assert!(seen.insert(word), "{word} twice");
            }
        }
    }

    #[test]
    fn nationalities_match_in_any_case_and_plural() {
        for word in [
            "Russian",
            "RUSSIAN",
            "Russians",
            "ukrainians",
            "Azerbaijani",
        ] {
            assert!(is_nationality(word), "{word}");
        }
        // Only a lowercase plural `s` is stripped, as before the set lookup.
        for word in [
            "RUSSIANS",
            "Russ",
            "Moscow",
            "Rüssian",
            "russianrussianrussian",
        ] {
            assert!(!is_nationality(word), "{word}");
        }
        let longest = NATIONALITIES.iter().map(|word| word.len()).max();
        assert!(longest.is_some_and(|len| len < 16));
    }
}
