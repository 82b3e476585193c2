//! Two tabs writing the saved scenarios at the same moment: neither change is lost.
//!
//! Every tab keeps the whole list as one local-storage text and re-reads it before each change,
//! but a browser may hand a tab a copy that is a moment old (Chromium keeps one per renderer
//! process and brings it up to date asynchronously). Two tabs saving at the same instant can
//! then each read the list without the other's save, and the second write drops the first.
//!
//! So each write carries a token, the text keeps the last [`KEPT_WRITES`] tokens, and a write
//! carries forward the tokens it read. A tab keeps its own changes in a [`Journal`] until a
//! text shows that its writer read this tab's last write: then another tab's removal or rename
//! of them was made knowingly and stands. A text without that token was written from a copy
//! older than this tab's last write, so the tab puts its changes back on top of it and writes
//! again. Putting a change back is idempotent, so two tabs repairing at once settle.

use super::saved::SavedScenario;

/// How many writes' tokens a text keeps. A tab needs only its last write to appear in the next
/// text it reads, so a handful is plenty.
pub const KEPT_WRITES: usize = 16;

/// One change a tab made to the list: kept until its writes are known to have been seen.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Saved (new, or with other numbers or date) under its report and name.
    Saved(SavedScenario),
    /// Removed (deleted, or renamed away: the new name is a `Saved`).
    Removed { report: String, name: String },
}

/// The changes that turn `before` into `after`, entry by entry (a rename is a removal and a
/// save).
pub fn changes(before: &[SavedScenario], after: &[SavedScenario]) -> Vec<Change> {
    let removed = before
        .iter()
        .filter(|b| !after.iter().any(|a| same_entry(a, b)))
        .map(|b| Change::Removed {
            report: b.report.clone(),
            name: b.name.clone(),
        });
    let saved = after
        .iter()
        .filter(|a| !before.contains(a))
        .map(|a| Change::Saved(a.clone()));
    removed.chain(saved).collect()
}

fn same_entry(a: &SavedScenario, b: &SavedScenario) -> bool {
    a.report == b.report && a.name == b.name
}

/// Makes `change` again on `list`: a save replaces the entry of that report and name or is
/// appended; a removal of an entry that is not there changes nothing.
pub fn reapply(list: &mut Vec<SavedScenario>, change: &Change) {
    match change {
        Change::Saved(s) => match list.iter().position(|e| same_entry(e, s)) {
            Some(i) => list[i] = s.clone(),
            None => list.push(s.clone()),
        },
        Change::Removed { report, name } => {
            list.retain(|e| !(&e.report == report && &e.name == name));
        }
    }
}

/// The tokens a write stores: those it read, then its own, the last [`KEPT_WRITES`].
pub fn writes_after(read: &[String], token: &str) -> Vec<String> {
    let mut out: Vec<String> = read.iter().filter(|t| *t != token).cloned().collect();
    out.push(token.to_string());
    let drop = out.len().saturating_sub(KEPT_WRITES);
    out.drain(..drop);
    out
}

/// Most changes a journal holds; the oldest go first. A tab alone never learns that its writes
/// were seen, and a write from a copy a moment old can only lose the last few changes.
pub const MAX_PENDING: usize = 64;

/// One tab's changes not yet known to be in the other tabs' copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Journal {
    /// This tab's id, unique among the open tabs (the browser edge draws it at random).
    tab: String,
    /// How many writes this tab has made; its tokens are `{tab}.{n}`.
    writes: u64,
    /// Changes with the number of the write that first held them; every later write of this
    /// tab holds them too.
    pending: Vec<(u64, Change)>,
}

impl Journal {
    pub fn new(tab: &str) -> Self {
        Journal {
            tab: tab.to_string(),
            writes: 0,
            pending: Vec::new(),
        }
    }

    /// The token for this tab's next write.
    pub fn next_token(&self) -> String {
        format!("{}.{}", self.tab, self.writes + 1)
    }

    /// The number of this tab's write that `token` names, if this tab wrote it.
    fn own(&self, token: &str) -> Option<u64> {
        token
            .strip_prefix(self.tab.as_str())?
            .strip_prefix('.')?
            .parse()
            .ok()
    }

    /// Records that the write of [`Self::next_token`] was stored and made `made`.
    pub fn wrote(&mut self, made: Vec<Change>) {
        self.writes += 1;
        let n = self.writes;
        self.pending.extend(made.into_iter().map(|c| (n, c)));
        let drop = self.pending.len().saturating_sub(MAX_PENDING);
        self.pending.drain(..drop);
    }

    /// Reads the list storage holds (`stored`; its text carries `writes`, newest last). `None`
    /// when the stored list stands: it is this tab's own last write, or its writer read every
    /// write of this tab that holds a pending change, or it already shows them (then they are
    /// settled: whoever removes them later has seen them). Otherwise the list with this tab's
    /// unseen changes made again, to be written back.
    pub fn reconcile(
        &mut self,
        stored: &[SavedScenario],
        writes: &[String],
    ) -> Option<Vec<SavedScenario>> {
        // This tab's own write: nothing to learn from it.
        if writes.last().is_some_and(|last| self.own(last).is_some()) {
            return None;
        }
        let seen = writes.iter().filter_map(|t| self.own(t)).max().unwrap_or(0);
        self.pending.retain(|(n, _)| *n > seen);
        if self.pending.is_empty() {
            return None;
        }
        let mut repaired = stored.to_vec();
        for (_, change) in &self.pending {
            reapply(&mut repaired, change);
        }
        if repaired == stored {
            self.pending.clear();
            return None;
        }
        Some(repaired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::saved::{load, to_stored_json};
    use std::collections::BTreeMap;

    fn entry(name: &str, rate: f64) -> SavedScenario {
        SavedScenario {
            name: name.into(),
            report: "r".into(),
            created: "2026-12-03".into(),
            headline_rate: Some(rate),
            values: BTreeMap::new(),
            preset: None,
        }
    }

    fn names(list: &[SavedScenario]) -> Vec<String> {
        list.iter().map(|s| s.name.clone()).collect()
    }

    /// A tab: its journal and what it last wrote, writing through one shared "storage" text.
    struct Tab {
        journal: Journal,
    }

    impl Tab {
        fn new(id: &str) -> Self {
            Tab {
                journal: Journal::new(id),
            }
        }

        /// Reads `text` (a copy, perhaps old), repairs it, makes `op` and returns the new text.
        fn change(
            &mut self,
            text: &str,
            op: impl FnOnce(&[SavedScenario]) -> Vec<SavedScenario>,
        ) -> String {
            let loaded = load(text).unwrap();
            let list = self
                .journal
                .reconcile(&loaded.scenarios, &loaded.writes)
                .unwrap_or(loaded.scenarios);
            let next = op(&list);
            let token = self.journal.next_token();
            let writes = writes_after(&loaded.writes, &token);
            self.journal.wrote(changes(&list, &next));
            to_stored_json(&next, &[], &writes)
        }

        /// What the tab does on the `storage` event, having read `text`: the repaired text to
        /// write, if any.
        fn on_event(&mut self, text: &str) -> Option<String> {
            let loaded = load(text).unwrap();
            let repaired = self.journal.reconcile(&loaded.scenarios, &loaded.writes)?;
            let token = self.journal.next_token();
            let writes = writes_after(&loaded.writes, &token);
            self.journal.wrote(Vec::new());
            Some(to_stored_json(&repaired, &[], &writes))
        }
    }

    fn save(s: SavedScenario) -> impl FnOnce(&[SavedScenario]) -> Vec<SavedScenario> {
        move |l| crate::domain::saved::save(l, s).unwrap()
    }

    fn delete(name: &'static str) -> impl FnOnce(&[SavedScenario]) -> Vec<SavedScenario> {
        move |l| crate::domain::saved::delete(l, "r", name).unwrap()
    }

    const EMPTY: &str = r#"{"format": "report-explorer/scenarios", "version": 1, "scenarios": []}"#;

    #[test]
    fn two_saves_from_the_same_old_copy_both_survive_whichever_lands_last() {
        for a_lands_last in [false, true] {
            let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
            let start = a.change(EMPTY, save(entry("Old", 0.1)));
            // Both read `start` and save at once; one write lands over the other.
            let by_a = a.change(&start, save(entry("Race A", 0.2)));
            let by_b = b.change(&start, save(entry("Race B", 0.3)));
            let (mut lost, mut kept, stored) = if a_lands_last {
                (b, a, by_a)
            } else {
                (a, b, by_b)
            };
            assert_eq!(load(&stored).unwrap().scenarios.len(), 2);
            // The tab whose save is missing hears of the other's write and puts it back; the
            // other hears of that and has nothing to do.
            let repaired = lost.on_event(&stored).expect("a save was lost");
            let mut all = names(&load(&repaired).unwrap().scenarios);
            all.sort_unstable();
            assert_eq!(all, ["Old", "Race A", "Race B"]);
            assert_eq!(kept.on_event(&repaired), None);
            assert_eq!(lost.on_event(&repaired), None);
        }
    }

    #[test]
    fn a_removal_made_after_seeing_the_save_stands() {
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let saved = a.change(EMPTY, save(entry("From A", 0.1)));
        // B read A's write and deletes the entry knowingly.
        let removed = b.change(&saved, delete("From A"));
        assert_eq!(a.on_event(&removed), None);
        assert!(load(&removed).unwrap().scenarios.is_empty());
        // A's next change does not bring it back.
        let next = a.change(&removed, save(entry("Other", 0.2)));
        assert_eq!(names(&load(&next).unwrap().scenarios), ["Other"]);
    }

    #[test]
    fn a_removal_lost_to_an_old_copy_is_made_again() {
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let both = a.change(EMPTY, |l| {
            let l = crate::domain::saved::save(l, entry("Keep", 0.1)).unwrap();
            crate::domain::saved::save(&l, entry("Gone", 0.2)).unwrap()
        });
        // A deletes "Gone"; B saves from a copy that still has it.
        let deleted = a.change(&both, delete("Gone"));
        let by_b = b.change(&both, save(entry("New", 0.3)));
        assert_eq!(
            names(&load(&by_b).unwrap().scenarios),
            ["Keep", "Gone", "New"]
        );
        let repaired = a.on_event(&by_b).expect("the deletion was lost");
        assert_eq!(names(&load(&repaired).unwrap().scenarios), ["Keep", "New"]);
        // B's copy of A's deletion arrives late: B's own save is put back on it, and the
        // deletion still stands.
        let late = b.on_event(&deleted).expect("B's save is missing");
        assert_eq!(names(&load(&late).unwrap().scenarios), ["Keep", "New"]);
    }

    #[test]
    fn a_rename_lost_to_an_old_copy_is_made_again() {
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let start = a.change(EMPTY, save(entry("Draft", 0.1)));
        let _ = a.change(&start, |l| {
            crate::domain::saved::rename(l, "r", "Draft", "Final").unwrap()
        });
        let by_b = b.change(&start, save(entry("B", 0.2)));
        let repaired = a.on_event(&by_b).expect("the rename was lost");
        assert_eq!(names(&load(&repaired).unwrap().scenarios), ["B", "Final"]);
    }

    #[test]
    fn an_older_build_s_text_without_tokens_counts_as_unseen() {
        let mut a = Tab::new("a");
        let _ = a.change(EMPTY, save(entry("Mine", 0.1)));
        // Another tab of an older build wrote from an old copy (no `writes`).
        assert!(a.on_event(EMPTY).is_some());
    }

    #[test]
    fn own_text_and_no_changes_need_nothing() {
        let mut a = Tab::new("a");
        assert_eq!(a.on_event(EMPTY), None);
        let mine = a.change(EMPTY, save(entry("Mine", 0.1)));
        assert_eq!(a.on_event(&mine), None);
    }

    #[test]
    fn tokens_are_told_apart_by_tab() {
        let j = Journal::new("ab");
        assert_eq!(j.own("ab.3"), Some(3));
        assert_eq!(j.own("abc.3"), None);
        assert_eq!(j.own("a.3"), None);
        assert_eq!(j.own("ab.x"), None);
    }

    #[test]
    fn the_text_keeps_the_last_writes_only() {
        let mut writes = Vec::new();
        for n in 0..40 {
            writes = writes_after(&writes, &format!("t.{n}"));
        }
        assert_eq!(writes.len(), KEPT_WRITES);
        assert_eq!(writes.last().map(String::as_str), Some("t.39"));
        assert_eq!(writes.first().map(String::as_str), Some("t.24"));
    }

    #[test]
    fn the_journal_keeps_at_most_max_pending_changes() {
        let mut a = Tab::new("a");
        let mut text = EMPTY.to_string();
        for n in 0..(MAX_PENDING + 10) {
            text = a.change(&text, save(entry(&format!("S{n}"), 0.1)));
        }
        assert_eq!(a.journal.pending.len(), MAX_PENDING);
    }

    #[test]
    fn writes_survive_a_round_trip_and_unreadable_ones_are_ignored() {
        let text = to_stored_json(&[entry("A", 0.1)], &[], &["x.1".into(), "y.2".into()]);
        assert_eq!(load(&text).unwrap().writes, ["x.1", "y.2"]);
        let odd = r#"{"format": "report-explorer/scenarios", "version": 1, "scenarios": [], "writes": 7}"#;
        assert!(load(odd).unwrap().writes.is_empty());
        // Exports carry none.
        assert!(!crate::domain::saved::export_all(&[entry("A", 0.1)]).contains("writes"));
    }
}
