//! The HTTP side of the Quickwit engine: one `ureq` agent, JSON in and out,
//! and bounded retries where Quickwit asks for them (429, 503) or the node
//! cannot be reached.

use std::time::Duration;

use serde_json::Value;

use crate::engine::EngineUrl;
use crate::error::{Error, Result};

/// Largest answer read from the node: a page of 2000 whole articles fits.
const MAX_ANSWER_BYTES: u64 = 512 << 20;

/// How often and how long a refused or failed request is tried again.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub attempts: u32,
    pub first_wait: Duration,
    pub longest_wait: Duration,
}

impl Default for RetryPolicy {
    /// Seven tries over about a minute: long enough for a node to restart or
    /// drain its queue, short enough that a dead node fails the run.
    fn default() -> Self {
        RetryPolicy {
            attempts: 7,
            first_wait: Duration::from_millis(500),
            longest_wait: Duration::from_secs(16),
        }
    }
}

/// How a request failed.
#[derive(Debug)]
pub enum Failure {
    /// The node answered with this status and message.
    Status(u16, String),
    /// No answer: refused connection, reset, timeout. The request may or may
    /// not have been carried out.
    Transport(String),
}

impl Failure {
    /// Whether trying again may succeed: overload, unavailable, unreachable.
    pub fn is_transient(&self) -> bool {
        match self {
            Failure::Status(status, _) => matches!(status, 429 | 502 | 503 | 504),
            Failure::Transport(_) => true,
        }
    }

    fn describe(&self) -> String {
        match self {
            Failure::Status(status, message) => format!("status {status}: {message}"),
            Failure::Transport(reason) => format!("cannot reach the node: {reason}"),
        }
    }
}

/// A connection to one index of one Quickwit node.
pub struct Quickwit {
    pub url: EngineUrl,
    agent: ureq::Agent,
    pub retry: RetryPolicy,
}

/// When the documents of an ingest request become searchable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// At the index's next periodic commit.
    Auto,
    /// Now: the request returns once they are searchable.
    Force,
}

/// What an ingest request says it did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestCounts {
    pub ingested: u64,
    pub rejected: u64,
}

impl Quickwit {
    pub fn connect(url: EngineUrl) -> Quickwit {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(300)))
            .build();
        Quickwit {
            url,
            agent: ureq::Agent::new_with_config(config),
            retry: RetryPolicy::default(),
        }
    }

    /// The library's error for a failed request about `what`.
    pub fn error(&self, what: &str, failure: &Failure) -> Error {
        Error::Engine {
            url: self.url.to_string(),
            reason: format!("{what}: {}", failure.describe()),
        }
    }

    fn endpoint(&self, path: &str) -> String {
        format!("{}/api/v1/{path}", self.url.rest_root())
    }

    /// One request, no retry: the answer's JSON, or how it failed.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<(&str, &[u8])>,
    ) -> std::result::Result<Value, Failure> {
        let url = self.endpoint(path);
        let sent = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, Some((content_type, bytes))) => self
                .agent
                .post(&url)
                .header("content-type", content_type)
                .send(bytes),
            (_, None) => self.agent.post(&url).send_empty(),
        };
        let mut response = sent.map_err(|error| Failure::Transport(error.to_string()))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .lossy_utf8(true)
            .read_to_string()
            .map_err(|error| Failure::Transport(error.to_string()))?;
        let json: Value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        if (200..300).contains(&status) {
            return Ok(json);
        }
        let message = json["message"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| json.to_string());
        Err(Failure::Status(status, message))
    }

    /// A request that is safe to repeat, tried again while the failure is transient.
    pub fn request_with_retries(
        &self,
        method: &str,
        path: &str,
        body: Option<(&str, &[u8])>,
    ) -> std::result::Result<Value, Failure> {
        let mut wait = self.retry.first_wait;
        let mut attempt = 1;
        loop {
            match self.request(method, path, body) {
                Err(failure) if failure.is_transient() && attempt < self.retry.attempts => {
                    std::thread::sleep(wait);
                    wait = (wait * 2).min(self.retry.longest_wait);
                    attempt += 1;
                }
                outcome => return outcome,
            }
        }
    }

    /// The waiting time before the `attempt`-th retry (1-based) of a request
    /// that is not safe to repeat as it is (see `send`).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let doubled = self
            .retry
            .first_wait
            .saturating_mul(1 << attempt.saturating_sub(1).min(16));
        doubled.min(self.retry.longest_wait)
    }

    /// The index's configuration as the node holds it; `None` when there is no such index.
    pub fn index_config(&self) -> Result<Option<Value>> {
        let path = format!("indexes/{}", self.url.index);
        match self.request_with_retries("GET", &path, None) {
            Ok(config) => Ok(Some(config)),
            Err(Failure::Status(404, _)) => Ok(None),
            Err(failure) => Err(self.error("reading the index configuration", &failure)),
        }
    }

    pub fn create_index(&self, config: &Value) -> Result<()> {
        let body = config.to_string();
        self.request_with_retries(
            "POST",
            "indexes",
            Some(("application/json", body.as_bytes())),
        )
        .map(|_| ())
        .map_err(|failure| self.error("creating the index", &failure))
    }

    /// Sends NDJSON documents once (the caller decides about retries).
    pub fn ingest(
        &self,
        ndjson: &[u8],
        commit: Commit,
    ) -> std::result::Result<IngestCounts, Failure> {
        let commit_param = match commit {
            Commit::Auto => "auto",
            Commit::Force => "force",
        };
        let path = format!("{}/ingest?commit={commit_param}", self.url.index);
        let answer = self.request("POST", &path, Some(("application/x-ndjson", ndjson)))?;
        Ok(IngestCounts {
            ingested: answer["num_ingested_docs"].as_u64().unwrap_or(0),
            rejected: answer["num_rejected_docs"].as_u64().unwrap_or(0),
        })
    }

    /// Asks Quickwit to delete every document matching `query` (applied later by its janitor).
    pub fn delete_documents(&self, query: &str) -> std::result::Result<(), Failure> {
        let body = serde_json::json!({ "query": query, "search_field": [] }).to_string();
        let path = format!("{}/delete-tasks", self.url.index);
        self.request_with_retries("POST", &path, Some(("application/json", body.as_bytes())))
            .map(|_| ())
    }

    /// Runs a search request (query, filters, aggregations) on the index.
    pub fn search(&self, request: &Value) -> Result<Value> {
        let body = request.to_string();
        let path = format!("{}/search", self.url.index);
        self.request_with_retries("POST", &path, Some(("application/json", body.as_bytes())))
            .map_err(|failure| self.error("searching", &failure))
    }

    /// How many documents match `query` now (searchable ones only).
    pub fn count(&self, query: &str) -> Result<u64> {
        let request = serde_json::json!({ "query": query, "max_hits": 0 });
        let answer = self.search(&request)?;
        answer["num_hits"].as_u64().ok_or_else(|| Error::Engine {
            url: self.url.to_string(),
            reason: format!("counting `{query}`: no num_hits in the answer"),
        })
    }

    /// Splits, documents and bytes of the index.
    pub fn describe(&self) -> Result<Value> {
        let path = format!("indexes/{}/describe", self.url.index);
        self.request_with_retries("GET", &path, None)
            .map_err(|failure| self.error("describing the index", &failure))
    }
}
