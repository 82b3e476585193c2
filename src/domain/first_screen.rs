//! A report's first screen drawn at build time (scripts/first-screens.mjs), as the page shows it
//! while the program downloads (public/boot.js), and whether it still shows what the app opens.

/// The first screen in the page: which report, drawn from which version of its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawnScreen {
    /// The report's id.
    pub report: String,
    /// The content hash of the report file it was drawn from (the catalogue's `hash`).
    pub drawn_from: String,
}

impl DrawnScreen {
    /// Whether this screen shows `report` as the app will: the same report, and its file
    /// unchanged since the screen was drawn as far as is known (`hash`: the catalogue's, `None`
    /// before the catalogue is read).
    pub fn still_shows(&self, report: &str, hash: Option<&str>) -> bool {
        self.report == report && hash.is_none_or(|h| h == self.drawn_from)
    }
}

#[cfg(test)]
mod tests {
    use super::DrawnScreen;

    #[test]
    fn a_first_screen_stays_only_for_its_report_as_drawn() {
        let screen = DrawnScreen {
            report: "market".into(),
            drawn_from: "ab12".into(),
        };
        assert!(screen.still_shows("market", None));
        assert!(screen.still_shows("market", Some("ab12")));
        // The report's file changed since the screen was drawn: its figures may have too.
        assert!(!screen.still_shows("market", Some("cd34")));
        assert!(!screen.still_shows("plan", None));
        assert!(!screen.still_shows("plan", Some("ab12")));
    }
}
