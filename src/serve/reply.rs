//! Answers: JSON bodies, and errors as `{"error": "..."}` with the status
//! that fits the library error behind them.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::Error;

/// A failed request: its status and the message the CLI would print.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: message.into(),
        }
    }

    pub fn unavailable(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

/// The user's mistakes are 400; an index another process holds or that is
/// gone is 503 (it may come back); the rest is the server's fault.
impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        let message = error.to_string();
        match error {
            Error::Query { .. } | Error::Date { .. } | Error::Usage(_) => {
                ApiError::bad_request(message)
            }
            Error::NoIndex(_) | Error::Locked(_) => ApiError::unavailable(message),
            _ => ApiError::internal(message),
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: &self.message,
        };
        let bytes = serde_json::to_vec(&body).unwrap_or_else(|_| b"{}".to_vec());
        (self.status, json_headers(), bytes).into_response()
    }
}

fn json_headers() -> [(header::HeaderName, &'static str); 2] {
    [
        (header::CONTENT_TYPE, "application/json"),
        (header::CACHE_CONTROL, "no-store"),
    ]
}

/// Serializes `value` for an answer (done on the blocking pool, where the
/// borrowed result still lives).
pub fn to_json(value: &impl Serialize) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value)
        .map_err(|error| ApiError::internal(format!("cannot write the answer: {error}")))
}

/// A 200 answer holding JSON bytes already written.
pub fn json_bytes(bytes: impl Into<axum::body::Body>) -> Response {
    (StatusCode::OK, json_headers(), bytes.into()).into_response()
}

/// Every path that is neither a route nor a page file: nothing outside the
/// routes is ever served, so `/../`, encoded slashes and the like end here.
pub async fn not_found() -> ApiError {
    ApiError::not_found("no such page or endpoint")
}
