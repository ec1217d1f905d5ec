//! The knobs of relevance ranking, each kept or dropped by its measured effect
//! on judged news (BENCHMARKS.md, "Ranking"). `--ranking KEY=VALUE,...` (hidden)
//! overrides them, so that a change can be measured before it becomes a default.

use crate::error::{Error, Result};

/// How relevance is computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranking {
    /// Weight of a word in the title against one in the body.
    pub title_boost: f32,
    /// Weight of the entity field in unfielded queries; 0 leaves it out
    /// (entity names are copies of body words: they count twice).
    pub entity_boost: f32,
    /// Weight of the quote field in unfielded queries; 0 leaves it out.
    pub quote_boost: f32,
    /// Articles holding every word before those holding only some.
    pub all_words_first: bool,
    /// Bonus for two adjacent query words found near each other; 0 is off.
    pub proximity_boost: f32,
    /// How far apart (in words) the two may be for the bonus.
    pub proximity_slop: u32,
    /// Plain-word queries scored by BM25F over title and body (and quotes
    /// when weighted) instead of a sum of one BM25 per field.
    pub bm25f: bool,
    /// Pseudo-relevance feedback (RM3): words of the best first hits join the query.
    pub expand: bool,
}

/// The defaults are the measured best on the LA Times dev topics (BENCHMARKS.md):
/// BM25F over title and body; the copied entity and quote fields, the
/// all-words tier and the proximity bonus all lowered nDCG@10 and MAP there.
impl Default for Ranking {
    fn default() -> Ranking {
        Ranking {
            title_boost: 2.0,
            entity_boost: 0.0,
            quote_boost: 0.0,
            all_words_first: false,
            proximity_boost: 0.0,
            proximity_slop: 4,
            bm25f: true,
            expand: false,
        }
    }
}

impl Ranking {
    /// Applies `key=value,...` over the defaults.
    pub fn parse(spec: &str) -> Result<Ranking> {
        let mut ranking = Ranking::default();
        for pair in spec.split(',').filter(|pair| !pair.trim().is_empty()) {
            let Some((key, value)) = pair.split_once('=') else {
                return Err(Error::Usage(format!(
                    "--ranking {pair:?}: expected KEY=VALUE"
                )));
            };
            let number = |value: &str| -> Result<f32> {
                value
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|number| number.is_finite() && *number >= 0.0)
                    .ok_or_else(|| {
                        Error::Usage(format!("--ranking {pair:?}: expected a number ≥ 0"))
                    })
            };
            match key.trim() {
                "title" => ranking.title_boost = number(value)?,
                "entity" => ranking.entity_boost = number(value)?,
                "quote" => ranking.quote_boost = number(value)?,
                "tier" => ranking.all_words_first = number(value)? > 0.0,
                "proximity" => ranking.proximity_boost = number(value)?,
                "slop" => ranking.proximity_slop = number(value)?.min(1_000.0) as u32,
                "bm25f" => ranking.bm25f = number(value)? > 0.0,
                "expand" => ranking.expand = number(value)? > 0.0,
                other => {
                    return Err(Error::Usage(format!(
                        "--ranking: unknown key {other:?} (title, entity, quote, tier, proximity, slop, bm25f, expand)"
                    )))
                }
            }
        }
        Ok(ranking)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_spec_overrides_defaults_and_rejects_nonsense() {
        let ranking = Ranking::parse("title=1.5, tier=0,proximity=0.3").unwrap();
        assert_eq!(ranking.title_boost, 1.5);
        assert!(!Ranking::parse("tier=0").unwrap().all_words_first);
        assert!(Ranking::parse("tier=1").unwrap().all_words_first);
        assert_eq!(ranking.proximity_boost, 0.3);
        for bad in ["title", "title=-1", "title=nan", "colour=1"] {
            assert!(Ranking::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Ranking::parse("").unwrap(), Ranking::default());
    }
}
