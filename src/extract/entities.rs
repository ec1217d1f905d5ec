//! Named entities: people, organisations, places, other.

use crate::article::Entity;

/// All named entities of a text, one canonical name per entity.
pub fn extract_entities(text: &str) -> Vec<Entity> {
    let _ = text;
    Vec::new()
}
