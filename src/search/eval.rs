//! Ranking measured the way TREC measures it: run each topic's title as a
//! query, compare the ranked article ids with the judgments, and average
//! nDCG@10, P@10, average precision and recall over the topics that have a
//! relevant article. The definitions are those of `score_run.py` in the
//! shared eval data (binary relevance, AP divided by every relevant article,
//! a topic with no hits scores 0), so both give the same figures.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::NewsIndex;
use crate::search::{search, Ranking, SearchRequest, SortOrder};

/// One query of a test collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub number: String,
    pub title: String,
}

/// Reads `NUMBER<TAB>TITLE` lines (any whitespace after the number); blank
/// lines and `#` comments are skipped.
pub fn parse_topics(text: &str) -> Result<Vec<Topic>> {
    let mut topics = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((number, title)) = trimmed.split_once(char::is_whitespace) else {
            return Err(Error::Usage(format!(
                "topics line {}: expected NUMBER and TITLE",
                index + 1
            )));
        };
        topics.push(Topic {
            number: number.to_string(),
            title: title.trim().to_string(),
        });
    }
    Ok(topics)
}

/// The relevant article ids of each topic (judgment above 0).
pub type Qrels = BTreeMap<String, HashSet<String>>;

/// Reads TREC qrels lines: `TOPIC ITERATION DOCNO RELEVANCE`.
pub fn parse_qrels(text: &str) -> Result<Qrels> {
    let mut qrels = Qrels::new();
    for (index, line) in text.lines().enumerate() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() {
            continue;
        }
        let [topic, _, doc, relevance] = parts[..] else {
            return Err(Error::Usage(format!(
                "qrels line {}: expected TOPIC ITERATION DOCNO RELEVANCE",
                index + 1
            )));
        };
        let Ok(grade) = relevance.parse::<i64>() else {
            return Err(Error::Usage(format!(
                "qrels line {}: relevance {relevance:?} is not a number",
                index + 1
            )));
        };
        let relevant = qrels.entry(topic.to_string()).or_default();
        if grade > 0 {
            relevant.insert(doc.to_string());
        }
    }
    qrels.retain(|_, relevant| !relevant.is_empty());
    Ok(qrels)
}

/// The figures of one topic, or their mean over topics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    pub ndcg_at_10: f64,
    pub precision_at_10: f64,
    /// Average precision over the top `depth`, divided by every relevant article.
    pub average_precision: f64,
    /// Relevant articles in the top `depth`, over every relevant article.
    pub recall: f64,
}

/// Scores one ranking (best first) against the relevant ids, down to `depth`.
pub fn score_ranking(ranked: &[String], relevant: &HashSet<String>, depth: usize) -> Scores {
    if relevant.is_empty() {
        return Scores::default();
    }
    let gain = |rank: usize| 1.0 / ((rank + 2) as f64).log2();
    let top_ten = &ranked[..ranked.len().min(10)];
    // A fold from +0.0: an empty float `sum()` is -0.0, printed "-0.000".
    let dcg = top_ten
        .iter()
        .enumerate()
        .filter(|(_, id)| relevant.contains(*id))
        .fold(0.0, |total, (rank, _)| total + gain(rank));
    let ideal = (0..relevant.len().min(10)).fold(0.0, |total, rank| total + gain(rank));
    let relevant_in_top_ten = top_ten.iter().filter(|id| relevant.contains(*id)).count();
    let mut hits = 0usize;
    let mut precision_sum = 0.0;
    for (rank, id) in ranked.iter().take(depth).enumerate() {
        if relevant.contains(id) {
            hits += 1;
            precision_sum += hits as f64 / (rank + 1) as f64;
        }
    }
    let relevant_count = relevant.len() as f64;
    Scores {
        ndcg_at_10: dcg / ideal,
        precision_at_10: relevant_in_top_ten as f64 / 10.0,
        average_precision: precision_sum / relevant_count,
        recall: hits as f64 / relevant_count,
    }
}

/// The id an evaluation knows an article by: the id its source gives it
/// (a TREC DOCNO), else the file stem of its path (one file per document,
/// named by its id).
pub fn article_id(article: &Article) -> String {
    if let Some(id) = article.id.as_deref().filter(|id| !id.trim().is_empty()) {
        return id.trim().to_string();
    }
    Path::new(&article.path)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| article.path.clone())
}

/// One ranked hit of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunLine {
    pub id: String,
    pub score: f32,
}

/// The top `depth` articles for `text`, every copy kept: judgments are per
/// document, so a syndicated copy is a document of its own.
pub fn run_query(
    news_index: &NewsIndex,
    text: &str,
    depth: usize,
    ranking: Ranking,
) -> Result<Vec<RunLine>> {
    let request = SearchRequest {
        text: Some(text.to_string()),
        limit: depth,
        sort: SortOrder::Relevance,
        all_copies: true,
        ranking,
        ..SearchRequest::default()
    };
    let results = search(news_index, &request)?;
    Ok(results
        .hits
        .iter()
        .map(|hit| RunLine {
            id: article_id(&hit.article),
            score: hit.score.unwrap_or_default(),
        })
        .collect())
}

/// The scores of every judged topic, in topic order.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub depth: usize,
    pub per_topic: Vec<(String, Scores)>,
    pub mean: Scores,
}

/// Runs every judged topic and scores it; a judged topic without a title in
/// `topics` scores 0, as a topic missing from a run does for `score_run.py`.
pub fn evaluate(
    news_index: &NewsIndex,
    topics: &[Topic],
    qrels: &Qrels,
    depth: usize,
    ranking: Ranking,
) -> Result<Evaluation> {
    if qrels.is_empty() {
        return Err(Error::Usage(
            "the qrels judge no article relevant: nothing to score".to_string(),
        ));
    }
    let mut per_topic = Vec::new();
    let mut sums = Scores::default();
    for (number, relevant) in qrels {
        let title = topics.iter().find(|topic| topic.number == *number);
        let ranked: Vec<String> = match title {
            Some(topic) => run_query(news_index, &topic.title, depth, ranking)?
                .into_iter()
                .map(|line| line.id)
                .collect(),
            None => Vec::new(),
        };
        let scores = score_ranking(&ranked, relevant, depth);
        sums.ndcg_at_10 += scores.ndcg_at_10;
        sums.precision_at_10 += scores.precision_at_10;
        sums.average_precision += scores.average_precision;
        sums.recall += scores.recall;
        per_topic.push((number.clone(), scores));
    }
    let count = per_topic.len() as f64;
    let mean = Scores {
        ndcg_at_10: sums.ndcg_at_10 / count,
        precision_at_10: sums.precision_at_10 / count,
        average_precision: sums.average_precision / count,
        recall: sums.recall / count,
    };
    Ok(Evaluation {
        depth,
        per_topic,
        mean,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    fn set(text: &str) -> HashSet<String> {
        ids(text).into_iter().collect()
    }

    /// Figures worked out by hand with score_run.py's formulas.
    #[test]
    fn scores_follow_the_trec_definitions() {
        let cases = [
            // ranking, relevant, depth, nDCG@10, P@10, AP, recall
            ("a b c", "a", 100, 1.0, 0.1, 1.0, 1.0),
            ("x a", "a", 100, 1.0 / 3f64.log2(), 0.1, 0.5, 1.0),
            (
                "a x b",
                "a b c",
                100,
                (1.0 + 0.5) / (1.0 + 1.0 / 3f64.log2() + 0.5),
                0.2,
                (1.0 + 2.0 / 3.0) / 3.0,
                2.0 / 3.0,
            ),
            ("x a", "a", 1, 1.0 / 3f64.log2(), 0.1, 0.0, 0.0),
            ("", "a", 100, 0.0, 0.0, 0.0, 0.0),
        ];
        for (ranking, relevant, depth, ndcg, precision, average_precision, recall) in cases {
            let scores = score_ranking(&ids(ranking), &set(relevant), depth);
            let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
            assert!(close(scores.ndcg_at_10, ndcg), "{ranking}: {scores:?}");
            assert!(
                close(scores.precision_at_10, precision),
                "{ranking}: {scores:?}"
            );
            assert!(
                close(scores.average_precision, average_precision),
                "{ranking}: {scores:?}"
            );
            assert!(close(scores.recall, recall), "{ranking}: {scores:?}");
            assert!(
                scores.ndcg_at_10.is_sign_positive(),
                "{ranking}: {scores:?}"
            );
        }
    }

    #[test]
    fn qrels_keep_relevant_judgments_and_reject_broken_lines() {
        let qrels = parse_qrels("1 0 A 1\n1 0 B 0\n2 0 C 0\n\n3 0 D 2\n").unwrap();
        assert_eq!(qrels.len(), 2);
        assert_eq!(qrels["1"], set("A"));
        assert_eq!(qrels["3"], set("D"));
        assert!(parse_qrels("1 0 A").is_err());
        assert!(parse_qrels("1 0 A yes").is_err());
    }

    #[test]
    fn topics_are_number_then_title() {
        let topics = parse_topics(
            "301\tInternational Organized Crime\n# note\n\n401 foreign minorities, Germany\n",
        )
        .unwrap();
        assert_eq!(topics.len(), 2);
        assert_eq!(topics[1].number, "401");
        assert_eq!(topics[1].title, "foreign minorities, Germany");
        assert!(parse_topics("lonely").is_err());
    }

    #[test]
    fn article_id_is_the_file_stem() {
        // Built from JSON so that fields added to Article later need no change here.
        let article = |path: &str| -> Article {
            serde_json::from_value(serde_json::json!({
                "path": path, "date": null, "title": "", "entities": [], "quotes": [], "body": ""
            }))
            .unwrap()
        };
        assert_eq!(
            article_id(&article("/tmp/docs/LA121289-0096.json")),
            "LA121289-0096"
        );
        assert_eq!(article_id(&article("LA1.json")), "LA1");
    }
}
