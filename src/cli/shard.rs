//! `--shard K/N`: which inputs one of N machines converts, decided by a hash that every
//! machine computes alike, so that N runs with K = 0…N−1 split a batch without talking to
//! each other.

use super::UsageError;
use std::path::{Component, Path};

/// One shard of a batch: index `index` of `count` (0 ≤ index < count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based index, as Kubernetes' `JOB_COMPLETION_INDEX`.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl Shard {
    /// Parses `K/N` with 0 ≤ K < N.
    pub fn parse(text: &str) -> Result<Shard, UsageError> {
        let bad = || {
            UsageError(format!(
                "--shard {text}: give K/N with 0 ≤ K < N, e.g. 0/4 … 3/4 (K is 0-based, like JOB_COMPLETION_INDEX)"
            ))
        };
        let (k, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the input at `rel` (relative to its input root) belongs to this shard.
    pub fn contains(&self, rel: &Path) -> bool {
        shard_of(rel, self.count) == self.index
    }
}

/// The shard (0 ≤ result < `count`) of an input path relative to its root:
/// FNV-1a 64 of the path's UTF-8 bytes, components joined by `/`, modulo `count`. The same
/// on every machine, platform and Rust version (std's hashers promise none of that).
pub fn shard_of(rel: &Path, count: u64) -> u64 {
    fnv1a64(slash_path(rel).as_bytes()) % count
}

/// `rel` with its components joined by `/` (`.` dropped), whatever the platform.
pub fn slash_path(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// FNV-1a, 64 bits (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::PathBuf;

    #[test]
    fn fnv1a64_known_values() {
        // Reference values of the FNV-1a 64 specification.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn parse_accepts_0_based_indices_only() {
        assert_eq!(Shard::parse("0/4").unwrap(), Shard { index: 0, count: 4 });
        assert_eq!(Shard::parse("3/4").unwrap(), Shard { index: 3, count: 4 });
        for bad in ["4/4", "1/0", "0/0", "-1/4", "a/4", "3", "1/2/3", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn shards_are_disjoint_and_cover_the_set(
            paths in proptest::collection::vec("[a-z一-龥]{1,6}(/[a-z0-9]{1,4}){0,3}\\.md", 0..60),
            count in 1u64..9,
        ) {
            for p in &paths {
                let rel = PathBuf::from(p);
                let owners: Vec<u64> = (0..count)
                    .filter(|&k| Shard { index: k, count }.contains(&rel))
                    .collect();
                prop_assert_eq!(owners.len(), 1, "{} belongs to {:?}", p, owners);
            }
        }
    }
}
