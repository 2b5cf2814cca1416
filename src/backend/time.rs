//! Timestamps for output metadata. Backends never read the clock: the only time they
//! write is `SOURCE_DATE_EPOCH` (or a fixed date), so output stays deterministic.

/// A UTC calendar date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    /// Year (proleptic Gregorian).
    pub year: i64,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31.
    pub day: u32,
    /// Hour 0..=23.
    pub hour: u32,
    /// Minute 0..=59.
    pub minute: u32,
    /// Second 0..=59.
    pub second: u32,
}

impl Civil {
    /// The UTC date and time of a Unix timestamp (Howard Hinnant's civil-from-days).
    pub fn from_unix(secs: i64) -> Civil {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Civil {
            year: yoe + era * 400 + i64::from(month <= 2),
            month,
            day,
            hour: (rem / 3600) as u32,
            minute: (rem % 3600 / 60) as u32,
            second: (rem % 60) as u32,
        }
    }

    /// W3CDTF / ISO 8601 in UTC: `2024-03-05T08:00:00Z`.
    pub fn w3cdtf(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Civil;

    #[test]
    fn unix_epochs_map_to_their_calendar_dates() {
        assert_eq!(Civil::from_unix(0).w3cdtf(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Civil::from_unix(946_684_800).w3cdtf(),
            "2000-01-01T00:00:00Z"
        );
        // A leap day, and a time of day.
        assert_eq!(
            Civil::from_unix(1_709_210_096).w3cdtf(),
            "2024-02-29T12:34:56Z"
        );
        assert_eq!(Civil::from_unix(-1).w3cdtf(), "1969-12-31T23:59:59Z");
    }
}
