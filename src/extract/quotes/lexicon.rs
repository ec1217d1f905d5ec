//! Word lists for attribution: speech verbs, titles, pronouns and the
//! capitalised words that are never part of a speaker's name.
//!
//! Lookups lowercase ASCII words into a stack buffer, so classifying a token
//! never allocates; every list is ASCII, so a non-ASCII word is never in one.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::extract::words::{NEVER_NAMES, PERSON_TITLES};

/// Longest word any list holds, in bytes; longer words are in none of them.
const MAX_LEXICON_WORD: usize = 16;

/// Runs `check` on the ASCII-lowercased `word`, or returns false when it cannot be in a list.
fn lowered(word: &str, check: impl Fn(&str) -> bool) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEXICON_WORD || !word.is_ascii() {
        return false;
    }
    // Most words are lowercase already: no copy, no re-validation.
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return check(word);
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
    lowered(word, |w| SPEECH_VERBS.contains(w))
}

/// Speech verbs that may also stand before the speaker ("said Smith"), unlike "called".
pub fn is_inverting_speech_verb(word: &str) -> bool {
    lowered(word, |w| INVERTING_SPEECH_VERBS.contains(w))
}

/// Words between a speaker and a speech verb that do not break the pattern ("has long said").
pub fn is_verb_filler(word: &str) -> bool {
    // "repeatedly said", but "Kelly said" and "Reilly said" are names.
    if word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase) {
        return true;
    }
    lowered(word, |w| VERB_FILLERS.contains(w))
}

/// A capitalised conjunction opening a fronted subordinate clause (`As …,`,
/// `When …,`): the sentence's subject comes after the clause.
pub fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "As" | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "Although"
            | "Though"
            | "If"
            | "Because"
            | "Once"
            | "Until"
            | "Unless"
            | "Whereas"
    )
}

/// Personal pronouns that can be the subject of a speech verb.
pub fn is_subject_pronoun(word: &str) -> bool {
    lowered(word, |w| {
        matches!(w, "he" | "she" | "they" | "we" | "i" | "it")
    })
}

/// Titles and roles that precede a name and are not part of it ("Foreign Minister Joly").
pub fn is_title(word: &str) -> bool {
    lowered(word.trim_end_matches('.'), |w| TITLES.contains(w))
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
    if lowered(word, |w| matches!(w, "he" | "him")) {
        return Some(Gender::Male);
    }
    if lowered(word, |w| matches!(w, "she" | "her")) {
        return Some(Gender::Female);
    }
    None
}

/// Whether a pronoun stands for an organisation or a group rather than one person.
pub fn is_group_pronoun(word: &str) -> bool {
    lowered(word, |w| matches!(w, "they" | "we" | "it"))
}

/// Nouns for one person's role that a definite description uses for someone
/// named earlier (`said the actor`, `the Naftogaz CEO said`).
pub fn is_person_role(word: &str) -> bool {
    is_title(word) || lowered(word, |w| PERSON_ROLES.contains(w))
}

/// Nouns for an organisation that a definite description uses for one named
/// earlier (`the ministry said`).
pub fn is_organisation_role(word: &str) -> bool {
    lowered(word, |w| ORGANISATION_ROLES.contains(w))
}

/// Capitalised words that are never (part of) a speaker's name: sentence-initial
/// function words, pronouns, weekdays and months.
pub fn is_non_name_capital(word: &str) -> bool {
    lowered(word, |w| NON_NAME_CAPITALS.contains(w))
}

/// Words before a month that make it a date (`in May`, `last May`), not the
/// surname it may also be (`May said`).
pub fn opens_a_date(word: &str) -> bool {
    lowered(word, |w| {
        matches!(
            w,
            "in" | "on"
                | "of"
                | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "during"
                | "through"
                | "this"
                | "that"
        )
    })
}

/// Words that end a speaker name when read after a speech verb ("said Smith on Tuesday").
pub fn is_phrase_boundary(word: &str) -> bool {
    lowered(word, |w| PHRASE_BOUNDARIES.contains(w))
}

/// Nationality and region adjectives that describe an unnamed speaker ("a
/// senior Ukrainian official"), singular or plural; a list, because their
/// endings are shared by names (Christian, Duncan, McLean).
pub use crate::extract::words::is_nationality;

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

/// Possessive determiners, lowercase as written (`his Rose Garden appearance`).
pub fn is_possessive_determiner(word: &str) -> bool {
    matches!(
        word,
        "his" | "her" | "its" | "their" | "our" | "my" | "your"
    )
}

/// Prepositions of place, any case (`At Inner City Arts, he said`).
pub fn is_locative_preposition(word: &str) -> bool {
    lowered(word, |w| {
        matches!(w, "at" | "in" | "inside" | "outside" | "near" | "into")
    })
}

/// Words that mark a name as an organisation rather than a person.
pub fn is_organisation_word(word: &str) -> bool {
    lowered(super::names::strip_possessive(word), |w| {
        ORGANISATION_WORDS.contains(w)
    })
}

static SPEECH_VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "accuse accused accuses accusing acknowledge acknowledged acknowledges acknowledging add
    added adding adds admit admits admitted admitting agree agreed agrees announce announced
    announces announcing answered answering answers argue argued argues arguing ask asked
    asking asks assert asserted asserting asserts assure assured assures assuring attacked
    attacking attacks barked barks beamed beams begged begs believe believed believes blasted blasting blasts boast
    boasted boasting boasts brag bragged bragging brags branded branding brands called calling
    calls caution cautioned cautioning cautions chant chanted chants charged charges charging
    chide chided chides claimed claiming claims clarified clarifies clarify commented
    commenting comments condemn condemned condemning condemns complain complained complaining complains concede conceded concedes
    conceding conclude concluded concludes concluding concurred concurs confirmed confirming
    confirms contend contended contending contends continue continued continues continuing convinced
    countered countering counters cried cries criticise criticised criticises criticising
    criticize criticized criticizes criticizing declare declared declares declaring deemed
    deems demanded demanding demands denounce denounced denounces
    denouncing denied denies denying describe described describes
    describing disputed disputes dub dubbed dubbing dubs echoed echoes echoing elaborate
    elaborated elaborates emailed emails emphasise emphasised emphasises emphasising emphasize
    emphasized emphasizes emphasizing exclaim exclaimed exclaims explain explained explaining
    explains fumed fumes griped gripes grumble grumbled grumbles gush gushed gushes hailed
    hailing hails inform informed informs insist insisted insisting insists instruct
    instructed instructs interject interjected interjects joked jokes joking labeled labeling
    labelled labelling labels lament lamented lamenting laments laughed laughs maintain maintained
    maintaining maintains marveled
    marvelled marvels mock mocked mocking mocks mused muses mutter muttered mutters noted
    notes noting objected objects observe observed observes observing opine opined opines
    plead pleaded pleads pledged pledges pledging posted posting posts praised praises
    praising predict predicted predicting predicts proclaim proclaimed proclaiming proclaims
    promised promises promising protested protests questioned questions quip quipped quipping
    quips raved raves reads reasoned reasons rebut rebuts rebutted recall recalled recalling
    recalls recount recounted recounting recounts reiterate reiterated reiterates reiterating
    remarked remarking remarks remind reminded reminding reminds replied replies replying
    reported reporting reports respond responded responding responds retort retorted retorts
    said sang say saying says scoff scoffed scoffs scold scolded scolds screamed screams
    shared shares sharing shout shouted shouting shouts sighed sighs sing sings slam slammed
    slamming slams snapped snaps speculate speculated speculates speculating stated states
    stating stress stressed stresses stressing suggest suggested suggesting suggests taunted
    taunts teased teases tell telling tells testified testifies testify testifying texted
    texts thundered thunders told tout touted touting touts tweeted tweeting tweets underlined
    underlines urge urged
    urges urging vowed vowing vows warn warned warning warns whispered whispers wondered
    wondering wonders write writes writing wrote yell yelled yelling yells",
    )
});

static INVERTING_SPEECH_VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "acknowledged added adds admitted announced answered argued argues asked asks asserted
    barked beamed boasted cautioned commented comments complained conceded concluded concludes
    continued continues countered cried declared echoed exclaimed explained explains gushed
    insisted insists joked lamented laughed marveled mused muttered noted notes observed
    opined predicted quipped read reads recalled recalls recounted reiterated remarked replied
    replies reported responded retorted said says scoffed shouted sighed stated suggested
    tells thundered told tweeted warned warns whispered wondered writes wrote yelled
    acknowledges admits boasts cautions complains concedes counters exclaims jokes laments
    laughs muses quips recounts remarks responds retorts scoffs shouts sighs whispers wonders
    stressed stresses emphasized emphasised emphasizes emphasises underlined underlines
    underscored underscores vowed vows claimed claims assured confirmed demanded maintained",
    )
});

static VERB_FILLERS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "again also d did does even famously first further had has have is just last later ll never
    not now often once previously recently reportedly s still then too ve was were will would",
    )
});

static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    with_shared(
        PERSON_TITLES,
        "acting adviser advisor aide analyst anchor assistant attorney atty candidate chair chmn cmdr
    commissioner congressman congresswoman correspondent democratic economy elect emeritus
    executive finance first former founder gop health homeland host house imam incumbent
    interior majority manager minority national nominee pastor pollster pres presidential press
    rabbi reps republican sec security senior sens sheriff spokesperson spox state strategist
    supt u.s us whip white",
    )
});

static PERSON_ROLES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "actor actress singer guitarist drummer rapper musician star player striker goalkeeper
    lawmaker legislator lawyer businessman businesswoman billionaire entrepreneur economist
    researcher scientist doctor physician author writer novelist filmmaker director producer
    diplomat politician activist veteran prosecutor investor designer architect artist comedian
    presenter journalist historian",
    )
});

static ORGANISATION_ROLES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "ministry department agency company firm office commission committee council government
    administration embassy bank union party institute university court army military police
    airline carrier network group organisation organization foundation coalition campaign
    service authority regulator watchdog club team league federation",
    )
});

static NON_NAME_CAPITALS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    with_shared(
        NEVER_NAMES,
        "about according additional all although among another are asked aug because both can click
    could dear dec despite did do does during each earlier editing even every feb follow from
    how image instead is jan just last later let like many most must no not nov now oct oh ok
    okay one only other pic.twitter.com please reporting sept should since so some source
    sources speaking still subscribe such thank thanks then two unlike until updated via was
    well were what where who why will would writing yes yet your specifically adding wait indeed
    instead similarly additionally finally ultimately separately notably responding referring
    citing noting overall look again previously recently currently next first second third hence
    thus therefore besides regardless otherwise perhaps maybe sure absolutely statement several
    various numerous multiple few three four five",
    )
});

static PHRASE_BOUNDARIES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "about according adding after and as at because before but citing during earlier from in
    last later noting on referring said since speaking than that this through to told via when
    where which while who whose with wrote",
    )
});

static ORGANISATION_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "abc administration afp agency ap army assembly association bank bbc board breitbart
    cabinet campaign cbs center centre cia club cnn co command commission committee company
    congress corp corporation council court daily department dnc embassy facebook fbi federation forces
    foundation fox fund google gop government group gmbh herald house inc institute journal kremlin llc llp ltd
    magazine media ministry mission msnbc nato navy nbc network news npr office organisation
    organization pac parliament party pentagon plc police politico post press reuters review ria
    rnc senate service services staff statement tass tass. times tribune twitter union
    university",
    )
});

/// A word list from whitespace-separated lowercase words.
fn words(list: &'static str) -> HashSet<&'static str> {
    list.split_whitespace().collect()
}

/// A shared list of [`crate::extract::words`] and the words only quotes add to it.
fn with_shared(shared: &[&'static str], own: &'static str) -> HashSet<&'static str> {
    shared
        .iter()
        .copied()
        .chain(own.split_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_lowercase_and_short() {
        let lists = [
            &SPEECH_VERBS,
            &INVERTING_SPEECH_VERBS,
            &VERB_FILLERS,
            &TITLES,
            &NON_NAME_CAPITALS,
            &PHRASE_BOUNDARIES,
            &PERSON_ROLES,
            &ORGANISATION_ROLES,
            &ORGANISATION_WORDS,
        ];
        for list in lists {
            assert!(list
                .iter()
                .all(|w| w.len() <= MAX_LEXICON_WORD && w.to_lowercase() == **w));
        }
    }

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
