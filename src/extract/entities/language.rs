//! Text that is not English (`Datenbank`, `Aufsehen`, `Conseil`, `Estados
//! Unidos` as organisations and persons): the tagger learnt English, where a
//! capital inside a sentence marks a name; German capitalizes every noun, and
//! Romance languages' function words look like nothing it knows. In such a
//! text only the names the lexicon knows (`France`, `Google`) are kept, with
//! the lexicon's kind.
//!
//! A text is taken for another language when the most frequent function
//! words of German, French, Spanish, Portuguese, Italian or Dutch outnumber
//! English ones among its lowercase words, and make up a real share of them:
//! a results list or a scoreboard has few function words of any language and
//! stays English.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The most frequent English function words, lowercase, without those other
/// languages in Latin letters share (`a`, `an`, `in`, `on`, `as`).
#[rustfmt::skip]
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "and", "are", "at", "be", "by", "for", "from", "had", "has", "have", "he", "her", "his",
    "is", "it", "its", "of", "or", "said", "she", "that", "the", "their", "they", "this", "to",
    "was", "were", "which", "will", "with",
];

/// Frequent function words of other languages in Latin letters that English
/// does not use (German, French, Spanish, Portuguese, Italian, Dutch).
#[rustfmt::skip]
const FOREIGN_FUNCTION_WORDS: &[&str] = &[
    "als", "auf", "auch", "aus", "bei", "das", "dem", "den", "der", "des", "die", "ein", "eine",
    "einer", "für", "ist", "mit", "nicht", "sich", "und", "von", "wie", "zu", "zum", "zur",
    "au", "aux", "avec", "ce", "dans", "du", "elle", "est", "et", "il", "la", "le", "les", "leur",
    "par", "pas", "pour", "qui", "que", "sur", "une", "con", "del", "el", "los", "las", "para",
    "por", "una", "y", "com", "da", "do", "dos", "em", "na", "no", "não", "os", "um", "uma",
    "che", "di", "gli", "il", "per", "sono", "een", "het", "niet", "van", "zijn",
];

/// Below this many lowercase words a text is short (a headline, a feed
/// item, a results list): it is foreign only on [`MIN_SHORT_FOREIGN_WORDS`]
/// other languages' function words and no English ones.
const MIN_WORDS_TO_JUDGE: usize = 25;

/// Function words of other languages that make a short text foreign when it
/// has no English one (`… stellt die Basis für Red Hats …`).
const MIN_SHORT_FOREIGN_WORDS: usize = 3;

/// Share of other languages' function words among lowercase words from which
/// a text can be foreign (running text of any language has 0.2–0.4).
const MIN_FOREIGN_SHARE: f64 = 0.1;

/// Longest function word of either list, in bytes (`which`, `nicht`, `não`).
const LONGEST_FUNCTION_WORD: usize = 5;

/// The function words of both lists, each with whether it is English, built
/// on first use (every lowercase word of every article is looked up).
fn function_words() -> &'static FxHashMap<&'static str, bool> {
    static MAP: OnceLock<FxHashMap<&'static str, bool>> = OnceLock::new();
    MAP.get_or_init(|| {
        let foreign = FOREIGN_FUNCTION_WORDS.iter().map(|word| (*word, false));
        let english = ENGLISH_FUNCTION_WORDS.iter().map(|word| (*word, true));
        foreign.chain(english).collect()
    })
}

/// Whether `text` reads as English (or is too short to tell).
pub fn looks_english(text: &str) -> bool {
    let function_words = function_words();
    let mut words = 0usize;
    let mut english = 0usize;
    let mut foreign = 0usize;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let lowercase_word = word.chars().next().is_some_and(char::is_lowercase);
        if !lowercase_word {
            continue;
        }
        words += 1;
        if word.len() > LONGEST_FUNCTION_WORD {
            continue;
        }
        match function_words.get(word) {
            Some(true) => english += 1,
            Some(false) => foreign += 1,
            None => {}
        }
    }
    if words < MIN_WORDS_TO_JUDGE {
        return english > 0 || foreign < MIN_SHORT_FOREIGN_WORDS;
    }
    let foreign_text = foreign > 2 * english && foreign as f64 >= words as f64 * MIN_FOREIGN_SHARE;
    !foreign_text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_function_word_is_longer_than_the_lookup_reads() {
        let words = ENGLISH_FUNCTION_WORDS.iter().chain(FOREIGN_FUNCTION_WORDS);
        assert!(words
            .into_iter()
            .all(|word| word.len() <= LONGEST_FUNCTION_WORD));
    }

    #[test]
    fn english_news_is_english_and_german_french_portuguese_are_not() {
        let english = "The minister said on Tuesday that the talks with the union had failed, \
            and that the government would present its own plan to parliament by the end of the \
            month, after a week in which the strikes closed ports and schools across the country.";
        assert!(looks_english(english));
        let german = "Die Digitalisierung als Wachstumstreiber zieht sich bereits heute durch \
            alle Bereiche der Wirtschaft, und die Unternehmen investieren kräftig in neue \
            Technologien, um im internationalen Wettbewerb bestehen zu können, wie eine aktuelle \
            Studie zeigt, die gestern in Berlin vorgestellt wurde und viel Aufsehen erregte.";
        assert!(!looks_english(german));
        let french = "Le gouvernement a présenté mercredi son projet de loi sur les retraites, \
            qui sera examiné par le Sénat la semaine prochaine, malgré les critiques des syndicats \
            qui dénoncent une réforme injuste et appellent à une nouvelle journée de grève dans \
            toute la France avant la fin du mois prochain.";
        assert!(!looks_english(french));
        let portuguese = "Nesta página você terá sempre a classificação atualizada da corrida \
            até a última etapa, com os pontos de cada piloto e de cada equipe, além das \
            estatísticas completas da temporada e das próximas provas que serão disputadas nos \
            Estados Unidos e no Brasil durante o mês que vem.";
        assert!(!looks_english(portuguese));
    }

    /// Regression: German feed items of a dozen words were read as English,
    /// so `Basis` and `Programm` became organisations (found on the RSS layout sample).
    #[test]
    fn a_short_text_with_only_foreign_function_words_is_foreign() {
        let german =
            "Die nun verfügbare Version stellt die Basis für die kommerzielle Plattform dar.";
        assert!(!looks_english(german));
        let english = "Soldiers die in the east as talks de la paix stall.";
        assert!(looks_english(english));
    }

    #[test]
    fn a_short_text_or_a_results_list_counts_as_english() {
        assert!(looks_english("PUTIN MEETS MACRON"));
        assert!(looks_english("Palm Bay d. Rockledge 70-44"));
        let scoreboard = "N. Knight st Moin Khan b Saqlain Mushtaq 113\n\
            A. Stewart b Mushtaq Ahmed 46\nM. Atherton lbw b Mushtaq Ahmed 1\n\
            G. Thorpe c Wasim Akram b Waqar Younis 21\nextras (lb 5, w 9, nb 2) 16\n\
            total (for 6 wickets, 50 overs) 292\nfall of wickets: 1-80 2-158 3-167\n\
            bowling: Wasim Akram 10-1-53-1, Waqar Younis 10-0-67-2, Saqlain Mushtaq 10-0-52-1\n\
            did not bat: R. Croft, D. Gough, P. Martin\nresult: won by two wickets, man of the match";
        assert!(looks_english(scoreboard));
    }
}
