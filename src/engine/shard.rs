//! `--shard I/N`: a deterministic split of a corpus between machines that
//! send to one Quickwit index.

use crate::error::{Error, Result};
use crate::index::document::hash64;

/// `--shard I/N`: this machine sends the files whose key hashes to `I` of `N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub number: u64,
    pub count: u64,
}

impl Shard {
    pub fn parse(text: &str) -> Result<Shard> {
        let usage = || Error::Usage(format!("--shard {text:?}: expected I/N with 1 <= I <= N"));
        let (number, count) = text.trim().split_once('/').ok_or_else(usage)?;
        let number: u64 = number.trim().parse().map_err(|_| usage())?;
        let count: u64 = count.trim().parse().map_err(|_| usage())?;
        if number == 0 || count == 0 || number > count {
            return Err(usage());
        }
        Ok(Shard { number, count })
    }

    /// Whether this shard sends the file: a hash of its key, so the split is
    /// the same on every machine and every run.
    pub fn holds(&self, file_key: &str) -> bool {
        hash64(file_key.as_bytes()) % self.count == self.number - 1
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_every_file_once() {
        let shards: Vec<Shard> = (1..=3).map(|number| Shard { number, count: 3 }).collect();
        for n in 0..200 {
            let key = format!("/corpus/file-{n}.txt");
            let holders = shards.iter().filter(|shard| shard.holds(&key)).count();
            assert_eq!(holders, 1, "{key}");
        }
        assert_eq!(
            Shard::parse("2/3").unwrap(),
            Shard {
                number: 2,
                count: 3
            }
        );
        for bad in ["0/3", "4/3", "1/0", "x/2", "3"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }
}
