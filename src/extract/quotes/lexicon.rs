//! Word lists for attribution: speech verbs, titles, pronouns and the
//! capitalised words that are never part of a speaker's name.
//!
//! Lookups lowercase ASCII words into a stack buffer, so classifying a token
//! never allocates; every list is ASCII, so a non-ASCII word is never in one.

/// Longest word any list holds, in bytes; longer words are in none of them.
const MAX_LEXICON_WORD: usize = 16;

/// Runs `check` on the ASCII-lowercased `word`, or returns false when it cannot be in a list.
fn lowered(word: &str, check: impl Fn(&str) -> bool) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEXICON_WORD || !word.is_ascii() {
        return false;
    }
    let mut buffer = [0u8; MAX_LEXICON_WORD];
    for (slot, byte) in buffer.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    // Lowercasing ASCII bytes keeps them ASCII, so this is always valid UTF-8.
    std::str::from_utf8(&buffer[..bytes.len()]).is_ok_and(check)
}

/// Verbs that introduce or follow a direct quotation ("said", "told", "tweeted").
pub fn is_speech_verb(word: &str) -> bool {
    lowered(word, |w| {
        matches!(
            w,
            "said"
                | "says"
                | "say"
                | "saying"
                | "told"
                | "tells"
                | "telling"
                | "added"
                | "adds"
                | "adding"
                | "asked"
                | "asks"
                | "wrote"
                | "writes"
                | "writing"
                | "tweeted"
                | "tweets"
                | "posted"
                | "continued"
                | "continues"
                | "explained"
                | "explains"
                | "noted"
                | "notes"
                | "stated"
                | "states"
                | "declared"
                | "declares"
                | "argued"
                | "argues"
                | "insisted"
                | "insists"
                | "warned"
                | "warns"
                | "claimed"
                | "claims"
                | "recalled"
                | "recalls"
                | "replied"
                | "replies"
                | "responded"
                | "responds"
                | "answered"
                | "announced"
                | "acknowledged"
                | "admitted"
                | "remarked"
                | "quipped"
                | "joked"
                | "shouted"
                | "yelled"
                | "exclaimed"
                | "cried"
                | "muttered"
                | "suggested"
                | "predicted"
                | "conceded"
                | "complained"
                | "boasted"
                | "emphasized"
                | "emphasised"
                | "stressed"
                | "stressing"
                | "urged"
                | "observed"
                | "reported"
                | "reports"
                | "asserted"
                | "contended"
                | "promised"
                | "vowed"
                | "pledged"
                | "charged"
                | "countered"
                | "retorted"
                | "interjected"
                | "thundered"
                | "mused"
                | "sighed"
                | "chimed"
                | "concluded"
                | "cautioned"
                | "lamented"
                | "agreed"
                | "tweeting"
                | "reads"
                | "read"
                | "commented"
                | "testified"
                | "confirmed"
                | "denied"
                | "scoffed"
                | "snapped"
                | "proclaimed"
                | "bragged"
                | "whispered"
                | "screamed"
                | "chanted"
                | "sang"
                | "pointed"
                | "shot"
                | "fired"
                | "mocked"
                | "called"
                | "calls"
                | "described"
                | "describes"
                | "dubbed"
                | "labeled"
                | "labelled"
                | "slammed"
                | "blasted"
                | "touted"
                | "accused"
                | "praised"
                | "criticized"
                | "criticised"
                | "attacked"
                | "questioned"
                | "hailed"
                | "deemed"
                | "branded"
        )
    })
}

/// Speech verbs that may also stand before the speaker ("said Smith"), unlike "called".
pub fn is_inverting_speech_verb(word: &str) -> bool {
    lowered(word, |w| {
        matches!(
            w,
            "said"
                | "says"
                | "added"
                | "adds"
                | "asked"
                | "asks"
                | "wrote"
                | "writes"
                | "tweeted"
                | "continued"
                | "explained"
                | "noted"
                | "stated"
                | "declared"
                | "argued"
                | "insisted"
                | "warned"
                | "recalled"
                | "replied"
                | "responded"
                | "answered"
                | "announced"
                | "acknowledged"
                | "admitted"
                | "remarked"
                | "quipped"
                | "joked"
                | "shouted"
                | "yelled"
                | "exclaimed"
                | "cried"
                | "suggested"
                | "predicted"
                | "conceded"
                | "complained"
                | "boasted"
                | "observed"
                | "reported"
                | "asserted"
                | "countered"
                | "retorted"
                | "told"
                | "concluded"
                | "cautioned"
                | "lamented"
                | "commented"
                | "reads"
                | "read"
        )
    })
}

/// Words between a speaker and a speech verb that do not break the pattern ("has long said").
pub fn is_verb_filler(word: &str) -> bool {
    if word.len() > 4 && word.ends_with("ly") {
        return true;
    }
    lowered(word, |w| {
        matches!(
            w,
            "also"
                | "later"
                | "then"
                | "again"
                | "has"
                | "had"
                | "have"
                | "was"
                | "were"
                | "is"
                | "would"
                | "will"
                | "once"
                | "often"
                | "still"
                | "just"
                | "now"
                | "too"
                | "further"
                | "even"
                | "did"
                | "does"
                | "not"
                | "never"
                | "reportedly"
                | "recently"
                | "previously"
                | "famously"
                | "first"
                | "last"
                | "ve"
                | "ll"
                | "d"
                | "s"
        )
    })
}

/// Personal pronouns that can be the subject of a speech verb.
pub fn is_subject_pronoun(word: &str) -> bool {
    lowered(word, |w| {
        matches!(w, "he" | "she" | "they" | "we" | "i" | "it")
    })
}

/// Titles and roles that precede a name and are not part of it ("Foreign Minister Joly").
pub fn is_title(word: &str) -> bool {
    lowered(word.trim_end_matches('.'), |w| {
        matches!(
            w,
            "mr" | "mrs"
                | "ms"
                | "miss"
                | "dr"
                | "sen"
                | "sens"
                | "senator"
                | "rep"
                | "reps"
                | "representative"
                | "gov"
                | "governor"
                | "president"
                | "vice"
                | "minister"
                | "secretary"
                | "prime"
                | "foreign"
                | "defence"
                | "defense"
                | "gen"
                | "general"
                | "lt"
                | "col"
                | "colonel"
                | "adm"
                | "admiral"
                | "sgt"
                | "capt"
                | "captain"
                | "maj"
                | "major"
                | "judge"
                | "justice"
                | "chief"
                | "chairman"
                | "chairwoman"
                | "chair"
                | "speaker"
                | "leader"
                | "mayor"
                | "ambassador"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "sir"
                | "lord"
                | "lady"
                | "king"
                | "queen"
                | "prince"
                | "princess"
                | "pope"
                | "rev"
                | "reverend"
                | "professor"
                | "prof"
                | "director"
                | "commissioner"
                | "chancellor"
                | "deputy"
                | "former"
                | "sheriff"
                | "attorney"
                | "congressman"
                | "congresswoman"
                | "pastor"
                | "premier"
                | "candidate"
                | "nominee"
                | "presidential"
                | "senior"
                | "interior"
                | "finance"
                | "economy"
                | "health"
                | "press"
                | "house"
                | "majority"
                | "minority"
                | "whip"
                | "gop"
                | "democratic"
                | "republican"
                | "state"
                | "first"
                | "host"
                | "anchor"
                | "correspondent"
                | "ceo"
                | "founder"
                | "assistant"
                | "pres"
                | "supt"
                | "coach"
                | "rabbi"
                | "imam"
                | "bishop"
                | "cardinal"
                | "sec"
                | "atty"
                | "chmn"
                | "cmdr"
                | "commander"
                | "officer"
                | "manager"
                | "adviser"
                | "advisor"
                | "strategist"
                | "pollster"
                | "analyst"
                | "aide"
                | "spox"
                | "executive"
                | "u.s"
                | "us"
                | "white"
                | "acting"
                | "national"
                | "security"
                | "homeland"
                | "emeritus"
                | "elect"
                | "incumbent"
        )
    })
}

/// Titles that say a person (not an organisation) follows, with the gender they imply.
pub fn person_title_gender(word: &str) -> Option<Gender> {
    let word = word.trim_end_matches('.');
    if lowered(word, |w| {
        matches!(
            w,
            "mr" | "sir" | "lord" | "king" | "prince" | "congressman" | "spokesman" | "chairman"
        )
    }) {
        return Some(Gender::Male);
    }
    if lowered(word, |w| {
        matches!(
            w,
            "mrs"
                | "ms"
                | "miss"
                | "lady"
                | "queen"
                | "princess"
                | "congresswoman"
                | "spokeswoman"
                | "chairwoman"
                | "dame"
        )
    }) {
        return Some(Gender::Female);
    }
    None
}

/// A grammatical gender, as far as pronouns and titles reveal it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a subject pronoun refers to, if any.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    if lowered(word, |w| w == "he") {
        return Some(Gender::Male);
    }
    if lowered(word, |w| w == "she") {
        return Some(Gender::Female);
    }
    None
}

/// Whether a pronoun stands for an organisation or a group rather than one person.
pub fn is_group_pronoun(word: &str) -> bool {
    lowered(word, |w| matches!(w, "they" | "we" | "it"))
}

/// Capitalised words that are never (part of) a speaker's name: sentence-initial
/// function words, pronouns, weekdays and months.
pub fn is_non_name_capital(word: &str) -> bool {
    lowered(word, |w| {
        matches!(
            w,
            "the"
                | "a"
                | "an"
                | "but"
                | "and"
                | "or"
                | "so"
                | "yet"
                | "then"
                | "when"
                | "while"
                | "as"
                | "in"
                | "on"
                | "at"
                | "if"
                | "after"
                | "before"
                | "however"
                | "meanwhile"
                | "still"
                | "also"
                | "this"
                | "that"
                | "these"
                | "those"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "your"
                | "its"
                | "there"
                | "here"
                | "what"
                | "who"
                | "why"
                | "how"
                | "where"
                | "asked"
                | "said"
                | "says"
                | "according"
                | "for"
                | "to"
                | "from"
                | "with"
                | "by"
                | "of"
                | "not"
                | "no"
                | "yes"
                | "now"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "jan"
                | "feb"
                | "aug"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "earlier"
                | "later"
                | "last"
                | "since"
                | "during"
                | "despite"
                | "although"
                | "because"
                | "until"
                | "speaking"
                | "writing"
                | "both"
                | "all"
                | "some"
                | "many"
                | "most"
                | "every"
                | "each"
                | "one"
                | "two"
                | "dear"
                | "thank"
                | "thanks"
                | "please"
                | "well"
                | "oh"
                | "okay"
                | "ok"
                | "let"
                | "do"
                | "does"
                | "did"
                | "is"
                | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "must"
                | "just"
                | "even"
                | "only"
                | "about"
                | "instead"
                | "like"
                | "unlike"
                | "among"
                | "other"
                | "another"
                | "such"
                | "pic.twitter.com"
                | "read"
                | "watch"
                | "follow"
                | "via"
                | "update"
                | "updated"
                | "breaking"
                | "video"
                | "photo"
                | "image"
                | "source"
                | "sources"
                | "reporting"
                | "editing"
                | "additional"
                | "click"
                | "subscribe"
        )
    })
}

/// Words that end a speaker name when read after a speech verb ("said Smith on Tuesday").
pub fn is_phrase_boundary(word: &str) -> bool {
    lowered(word, |w| {
        matches!(
            w,
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "that"
                | "who"
                | "which"
                | "as"
                | "to"
                | "than"
                | "and"
                | "but"
                | "because"
                | "adding"
                | "noting"
                | "referring"
                | "speaking"
                | "citing"
                | "according"
                | "about"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "from"
                | "via"
                | "with"
                | "through"
                | "told"
                | "said"
                | "wrote"
                | "whose"
                | "where"
                | "since"
        )
    })
}

/// Determiners that start a description rather than a name ("the minister", "a spokesman").
pub fn is_determiner(word: &str) -> bool {
    lowered(word, |w| {
        matches!(
            w,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "another"
                | "one"
                | "his"
                | "her"
                | "their"
                | "its"
        )
    })
}

/// Words that mark a name as an organisation rather than a person.
pub fn is_organisation_word(word: &str) -> bool {
    lowered(word.trim_end_matches("’s").trim_end_matches("'s"), |w| {
        matches!(
            w,
            "department"
                | "ministry"
                | "committee"
                | "party"
                | "house"
                | "times"
                | "post"
                | "news"
                | "journal"
                | "university"
                | "association"
                | "council"
                | "agency"
                | "commission"
                | "court"
                | "union"
                | "bank"
                | "company"
                | "inc"
                | "corp"
                | "group"
                | "network"
                | "campaign"
                | "foundation"
                | "institute"
                | "office"
                | "administration"
                | "government"
                | "kremlin"
                | "pentagon"
                | "reuters"
                | "cnn"
                | "bbc"
                | "nato"
                | "fbi"
                | "cia"
                | "senate"
                | "congress"
                | "center"
                | "centre"
                | "service"
                | "services"
                | "press"
                | "magazine"
                | "tribune"
                | "herald"
                | "daily"
                | "media"
                | "review"
                | "federation"
                | "organization"
                | "organisation"
                | "fund"
                | "forces"
                | "army"
                | "navy"
                | "police"
                | "command"
                | "staff"
                | "board"
                | "embassy"
                | "mission"
                | "parliament"
                | "assembly"
                | "cabinet"
                | "club"
                | "pac"
                | "gop"
                | "dnc"
                | "rnc"
                | "ap"
                | "afp"
                | "tass"
                | "ria"
                | "fox"
                | "msnbc"
                | "abc"
                | "cbs"
                | "nbc"
                | "npr"
                | "politico"
                | "breitbart"
                | "tass."
                | "twitter"
                | "facebook"
                | "google"
                | "statement"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_words_case_insensitively() {
        assert!(is_speech_verb("Said"));
        assert!(is_speech_verb("told"));
        assert!(!is_speech_verb("sad"));
        assert!(is_title("Sen."));
        assert!(is_title("Minister"));
        assert!(!is_title("Joly"));
        assert!(is_non_name_capital("Tuesday"));
        assert!(!is_non_name_capital("Mélanie"));
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(person_title_gender("Mr."), Some(Gender::Male));
        assert!(is_organisation_word("Department"));
    }
}
