//! The sex a given name says (`Stephanie` a woman, `Donald` a man), read from
//! `given_name_genders.txt` (the 1990 US Census lists, written by
//! `scripts/given_name_genders.py`): a pronoun stands for no one of the other
//! sex (`Trump's support means "…," she says` after `Stephanie Acs`).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon::Gender;

static GENDERS: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    include_str!("given_name_genders.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (sex, name) = line.split_once(' ')?;
            let gender = match sex {
                "f" => Gender::Female,
                "m" => Gender::Male,
                _ => return None,
            };
            Some((name, gender))
        })
        .collect()
});

/// The sex that the given name opening a full name (`Stephanie Acs`) says;
/// `None` for one word, or a name borne by both or not in the lists.
pub fn given_name_gender(name: &str) -> Option<Gender> {
    let (first, _) = name.split_once(' ')?;
    GENDERS.get(first.to_ascii_lowercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_tell_their_sex_by_the_given_name() {
        assert_eq!(given_name_gender("Stephanie Acs"), Some(Gender::Female));
        assert_eq!(given_name_gender("Donald J. Trump"), Some(Gender::Male));
        assert_eq!(given_name_gender("Trump"), None);
        // Borne by men elsewhere, or a surname first: no sex said.
        assert_eq!(given_name_gender("Andrea Orlando"), None);
        assert_eq!(given_name_gender("Kim Jong Un"), None);
        assert_eq!(given_name_gender("Volodymyr Zelenskyy"), None);
    }
}
