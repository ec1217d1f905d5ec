//! `newsdex eval`: runs every judged topic and prints nDCG@10, P@10, MAP and
//! recall (the definitions of TREC's scorers), or the run itself.

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::app::cli::{EvalArgs, Format};
use crate::app::commands::{with_stdout, Outcome};
use crate::app::render::json_line;
use newsdex::index::NewsIndex;
use newsdex::search::eval::{evaluate, parse_qrels, parse_topics, run_query, Evaluation, Scores};
use newsdex::search::Ranking;

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn figures(scores: &Scores, depth: usize) -> String {
    format!(
        "nDCG@10 {:.3}  P@10 {:.3}  MAP@{depth} {:.3}  R@{depth} {:.3}",
        scores.ndcg_at_10, scores.precision_at_10, scores.average_precision, scores.recall
    )
}

fn print_evaluation(evaluation: &Evaluation, args: &EvalArgs) -> Result<()> {
    let depth = evaluation.depth;
    with_stdout(|out| match args.format {
        Format::Text => {
            if args.per_topic {
                for (topic, scores) in &evaluation.per_topic {
                    writeln!(out, "{topic}  {}", figures(scores, depth))?;
                }
            }
            writeln!(out, "topics: {}", evaluation.per_topic.len())?;
            writeln!(out, "{}", figures(&evaluation.mean, depth))
        }
        Format::Json | Format::Jsonl => json_line(out, evaluation),
    })
}

pub fn run(news_index: &NewsIndex, args: &EvalArgs) -> Result<Outcome> {
    if args.limit == 0 {
        bail!("--limit must be at least 1");
    }
    let mut ranking = match &args.ranking {
        Some(spec) => Ranking::parse(spec)?,
        None => Ranking::default(),
    };
    ranking.expand |= args.expand;
    let topics = parse_topics(&read(&args.topics)?)
        .with_context(|| format!("in {}", args.topics.display()))?;
    if args.print_run {
        let mut lines = Vec::new();
        for topic in &topics {
            for (rank, line) in run_query(news_index, &topic.title, args.limit, ranking)?
                .into_iter()
                .enumerate()
            {
                lines.push(format!(
                    "{} Q0 {} {} {:.6} {}",
                    topic.number,
                    line.id,
                    rank + 1,
                    line.score,
                    args.run_tag
                ));
            }
        }
        with_stdout(|out| lines.iter().try_for_each(|line| writeln!(out, "{line}")))?;
        return Ok(Outcome::from_count(lines.len()));
    }
    let qrels =
        parse_qrels(&read(&args.qrels)?).with_context(|| format!("in {}", args.qrels.display()))?;
    let evaluation = evaluate(news_index, &topics, &qrels, args.limit, ranking)?;
    print_evaluation(&evaluation, args)?;
    Ok(Outcome::Found)
}
