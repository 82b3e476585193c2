//! Two tabs writing the saved scenarios at the same moment: neither change is lost.
//!
//! Every tab keeps the whole list as one local-storage text and re-reads it before each change,
//! but a browser may hand a tab a copy that is a moment old (Chromium keeps one per renderer
//! process and brings it up to date asynchronously). Two tabs saving at the same instant can
//! then each read the list without the other's save, and the second write drops the first.
//!
//! So each text carries its [`Stamp`]: the last [`KEPT_WRITES`] writes that led to it, each
//! with its token and time, a write adding itself to those it read. A tab keeps its own changes
//! in a [`Journal`]. When another tab's text lacks them, the tab asks whether that text comes
//! from a copy that held them:
//! - it names a write of this tab that held them: yes, so their removal or rename was made
//!   knowingly and stands;
//! - its writes reach back to within [`WINDOW_MS`] of the changes without naming this tab: no
//!   (however long ago the text was written, and however late this tab reads it), so the tab
//!   makes its changes again on top of it and writes;
//! - its writes all came more than [`WINDOW_MS`] after the changes: taken as yes (a copy is
//!   never that old). It could be wrong only if a lost change were followed by
//!   [`KEPT_WRITES`] writes before this tab heard of any: a tab asleep that long.
//!
//! A text without a stamp (an older build's) counts as written now. Making a change again is
//! idempotent, so two tabs repairing at once settle. Two tabs saving the same name at once keep
//! the version of the tab that wrote first (its repair goes last).

use super::saved::{same_entry, SavedScenario, Stamp, Write};

/// How many writes a text names.
pub const KEPT_WRITES: usize = 16;

/// How old a copy another tab writes from may be: far above the milliseconds a browser takes
/// to bring a copy up to date, even on a loaded machine.
pub const WINDOW_MS: u64 = 10_000;

/// One change a tab made to the list.
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

/// A change this tab made, with the number of the write that first held it (every later
/// write of this tab holds it too) and when.
#[derive(Debug, Clone, PartialEq)]
struct Made {
    write: u64,
    at: u64,
    change: Change,
}

/// One tab's recent changes, until another tab's write has surely seen them.
#[derive(Debug, Clone, PartialEq)]
pub struct Journal {
    /// This tab's id, unique among the open tabs (the browser edge draws it at random).
    tab: String,
    /// How many writes this tab has made; its tokens are `{tab}.{n}`.
    written: u64,
    recent: Vec<Made>,
}

impl Journal {
    pub fn new(tab: &str) -> Self {
        Journal {
            tab: tab.to_string(),
            written: 0,
            recent: Vec::new(),
        }
    }

    /// The number of this tab's write that `token` names, if this tab wrote it.
    fn own(&self, token: &str) -> Option<u64> {
        token
            .strip_prefix(self.tab.as_str())?
            .strip_prefix('.')?
            .parse()
            .ok()
    }

    /// The stamp for this tab's next write, made at `now` (ms), after reading `read`.
    pub fn next_stamp(&self, read: &Stamp, now: u64) -> Stamp {
        let by = format!("{}.{}", self.tab, self.written + 1);
        let mut writes: Vec<Write> = read.writes.iter().filter(|w| w.by != by).cloned().collect();
        writes.push(Write { by, at: now });
        let drop = writes.len().saturating_sub(KEPT_WRITES);
        writes.drain(..drop);
        Stamp { writes }
    }

    /// Records that the write of [`Self::next_stamp`] was stored at `now` and made `made`.
    pub fn wrote(&mut self, made: Vec<Change>, now: u64) {
        self.written += 1;
        let write = self.written;
        // Older than the window, or (the clock stepped back) from its future.
        self.recent.retain(|m| {
            m.at.saturating_add(WINDOW_MS) >= now && m.at <= now.saturating_add(WINDOW_MS)
        });
        self.recent.extend(made.into_iter().map(|change| Made {
            write,
            at: now,
            change,
        }));
    }

    /// Storage no longer holds the list (cleared, or the key removed): whoever did it meant it,
    /// since a copy that is behind still has the list.
    pub fn forget(&mut self) {
        self.recent.clear();
    }

    /// Reads the list storage holds (`stored`, stamped `stamp`; `now` in ms). `None` when the
    /// stored list stands: it is this tab's own write, or its writer knew of this tab's recent
    /// changes (see the module), or it already shows them. Otherwise the list with the changes
    /// its writer did not know of made again, to be written back.
    pub fn reconcile(
        &mut self,
        stored: &[SavedScenario],
        stamp: &Stamp,
        now: u64,
    ) -> Option<Vec<SavedScenario>> {
        // This tab's own write: nothing to learn from it.
        if stamp
            .writes
            .last()
            .is_some_and(|w| self.own(&w.by).is_some())
        {
            return None;
        }
        let seen = stamp
            .writes
            .iter()
            .filter_map(|w| self.own(&w.by))
            .max()
            .unwrap_or(0);
        // How far back the text's writes reach; an older build's text counts as written now.
        let since = stamp.writes.first().map_or(now, |w| w.at);
        self.recent
            .retain(|m| m.write > seen && m.at.saturating_add(WINDOW_MS) >= since);
        if self.recent.is_empty() {
            return None;
        }
        let mut repaired = stored.to_vec();
        for m in &self.recent {
            reapply(&mut repaired, &m.change);
        }
        if repaired == stored {
            // Its writer had them: whoever removes them later has seen them.
            self.recent.clear();
            return None;
        }
        Some(repaired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::saved::{delete, export_all, load, rename, save, to_stored_json};
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

    fn names(text: &str) -> Vec<String> {
        let list = load(text).map(|l| l.scenarios).unwrap_or_default();
        list.iter().map(|s| s.name.clone()).collect()
    }

    type Op = Box<dyn FnOnce(&[SavedScenario]) -> Vec<SavedScenario>>;

    fn saving(s: SavedScenario) -> Op {
        Box::new(move |l| save(l, s).unwrap_or_default())
    }

    fn deleting(name: &'static str) -> Op {
        Box::new(move |l| delete(l, "r", name).unwrap_or_default())
    }

    /// A tab as `saved_ui` drives its journal: every change and every `storage` event reads a
    /// text (in these tests the copy that tab would see) and repairs it first.
    struct Tab {
        journal: Journal,
    }

    impl Tab {
        fn new(id: &str) -> Self {
            Tab {
                journal: Journal::new(id),
            }
        }

        /// Reads `text` at `now`, makes `op` on it and returns the text written.
        fn change(&mut self, text: &str, now: u64, op: Op) -> String {
            let loaded = load(text).unwrap_or_default();
            let list = self
                .journal
                .reconcile(&loaded.scenarios, &loaded.stamp, now)
                .unwrap_or(loaded.scenarios);
            let next = op(&list);
            let stamp = self.journal.next_stamp(&loaded.stamp, now);
            self.journal.wrote(changes(&list, &next), now);
            to_stored_json(&next, &[], &stamp)
        }

        /// The `storage` event, with the tab reading `text` at `now`: the text it writes back,
        /// if any.
        fn on_event(&mut self, text: &str, now: u64) -> Option<String> {
            let loaded = load(text).unwrap_or_default();
            let repaired = self
                .journal
                .reconcile(&loaded.scenarios, &loaded.stamp, now)?;
            let stamp = self.journal.next_stamp(&loaded.stamp, now);
            self.journal.wrote(Vec::new(), now);
            Some(to_stored_json(&repaired, &[], &stamp))
        }
    }

    const EMPTY: &str = r#"{"format": "report-explorer/scenarios", "version": 1, "scenarios": []}"#;
    const T: u64 = 1_764_806_400_000;

    #[test]
    fn two_saves_from_the_same_old_copy_both_survive_whichever_lands_last() {
        for a_lands_last in [false, true] {
            let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
            let start = a.change(EMPTY, T, saving(entry("Old", 0.1)));
            // Both read `start` and save at once; one write lands over the other.
            let by_a = a.change(&start, T + 5, saving(entry("Race A", 0.2)));
            let by_b = b.change(&start, T + 6, saving(entry("Race B", 0.3)));
            let (mut lost, mut kept, stored) = if a_lands_last {
                (b, a, by_a)
            } else {
                (a, b, by_b)
            };
            assert_eq!(names(&stored).len(), 2);
            // The tab whose save is missing hears of the other's write (even much later, say
            // back from the background) and puts it back; the other has nothing to do.
            let repaired = lost.on_event(&stored, T + 60_000).expect("a save was lost");
            let mut all = names(&repaired);
            all.sort_unstable();
            assert_eq!(all, ["Old", "Race A", "Race B"]);
            assert_eq!(kept.on_event(&repaired, T + 60_001), None);
            assert_eq!(lost.on_event(&repaired, T + 60_002), None);
        }
    }

    #[test]
    fn a_removal_by_a_tab_that_read_the_save_stands() {
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let saved = a.change(EMPTY, T, saving(entry("From A", 0.1)));
        let removed = b.change(&saved, T + 10, deleting("From A"));
        assert_eq!(a.on_event(&removed, T + 11), None);
        assert!(names(&removed).is_empty());
        // A's next change does not bring it back.
        let next = a.change(&removed, T + 20, saving(entry("Other", 0.2)));
        assert_eq!(names(&next), ["Other"]);
    }

    #[test]
    fn a_removal_made_long_after_the_save_stands_once_the_token_is_gone() {
        // A saves, then sleeps in the background while B writes more than KEPT_WRITES times,
        // A's token leaving the text, and B deletes A's entry among them.
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let mut text = a.change(EMPTY, T, saving(entry("From A", 0.1)));
        text = b.change(&text, T + 60_000, deleting("From A"));
        for n in 0..KEPT_WRITES {
            text = b.change(
                &text,
                T + 61_000 + n as u64,
                saving(entry(&format!("B{n}"), 0.2)),
            );
        }
        assert!(!load(&text)
            .unwrap_or_default()
            .stamp
            .writes
            .iter()
            .any(|w| w.by.starts_with("a.")));
        assert_eq!(a.on_event(&text, T + 120_000), None);
        let next = a.change(&text, T + 120_001, saving(entry("Back", 0.3)));
        assert!(!names(&next).contains(&"From A".to_string()));
    }

    #[test]
    fn a_save_lost_long_before_the_tab_hears_of_it_is_still_put_back() {
        // B drops A's save from an old copy at once; C writes half a minute later from B's
        // text; A, asleep, reads C's text a minute after its save: the writes it names reach
        // back to B's, made right after A's save, so nobody had seen it.
        let (mut a, mut b, mut c) = (Tab::new("a"), Tab::new("b"), Tab::new("c"));
        let start = b.change(EMPTY, T - 5_000, saving(entry("Old", 0.1)));
        let _ = a.change(&start, T, saving(entry("From A", 0.2)));
        let by_b = b.change(&start, T + 5, saving(entry("From B", 0.3)));
        let by_c = c.change(&by_b, T + 30_000, saving(entry("From C", 0.4)));
        let repaired = a.on_event(&by_c, T + 60_000).expect("A's save was lost");
        assert_eq!(names(&repaired), ["Old", "From B", "From C", "From A"]);
    }

    #[test]
    fn a_removal_lost_to_an_old_copy_is_made_again() {
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let both = a.change(
            EMPTY,
            T,
            Box::new(|l| {
                let l = save(l, entry("Keep", 0.1)).unwrap_or_default();
                save(&l, entry("Gone", 0.2)).unwrap_or_default()
            }),
        );
        // A deletes "Gone"; B saves from a copy that still has it.
        let deleted = a.change(&both, T + 100, deleting("Gone"));
        let by_b = b.change(&both, T + 101, saving(entry("New", 0.3)));
        assert_eq!(names(&by_b), ["Keep", "Gone", "New"]);
        let repaired = a.on_event(&by_b, T + 102).expect("the deletion was lost");
        assert_eq!(names(&repaired), ["Keep", "New"]);
        // Had B's write landed first, B would put its save back on A's text.
        let late = b.on_event(&deleted, T + 103).expect("B's save is missing");
        assert_eq!(names(&late), ["Keep", "New"]);
    }

    #[test]
    fn a_rename_lost_to_an_old_copy_is_made_again() {
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let start = a.change(EMPTY, T, saving(entry("Draft", 0.1)));
        let _ = a.change(
            &start,
            T + 100,
            Box::new(|l| rename(l, "r", "Draft", "Final").unwrap_or_default()),
        );
        let by_b = b.change(&start, T + 101, saving(entry("B", 0.2)));
        let repaired = a.on_event(&by_b, T + 102).expect("the rename was lost");
        assert_eq!(names(&repaired), ["B", "Final"]);
    }

    #[test]
    fn a_text_already_showing_the_changes_settles_them() {
        let (mut a, mut b) = (Tab::new("a"), Tab::new("b"));
        let _ = a.change(EMPTY, T, saving(entry("Same", 0.1)));
        // B, from an older copy, saved exactly what A saved: nothing to put back, and a later
        // deliberate removal by B stands.
        let by_b = b.change(EMPTY, T + 1, saving(entry("Same", 0.1)));
        assert_eq!(a.on_event(&by_b, T + 2), None);
        let removed = to_stored_json(&[], &[], &Stamp::default());
        assert_eq!(a.on_event(&removed, T + 3), None);
    }

    #[test]
    fn an_older_build_s_text_without_a_stamp() {
        let mut a = Tab::new("a");
        let _ = a.change(EMPTY, T, saving(entry("Mine", 0.1)));
        // Written from an old copy right after A's save: A puts its save back.
        assert!(a.on_event(EMPTY, T + 100).is_some());
        // Once the window has passed, what an older build's tab does stands.
        let mut a = Tab::new("a");
        let _ = a.change(EMPTY, T, saving(entry("Mine", 0.1)));
        assert_eq!(a.on_event(EMPTY, T + WINDOW_MS + 1), None);
    }

    #[test]
    fn forgetting_after_storage_was_cleared() {
        let mut a = Tab::new("a");
        let _ = a.change(EMPTY, T, saving(entry("Mine", 0.1)));
        a.journal.forget();
        assert_eq!(a.on_event(EMPTY, T + 1), None);
    }

    #[test]
    fn own_text_and_no_changes_need_nothing() {
        let mut a = Tab::new("a");
        assert_eq!(a.on_event(EMPTY, T), None);
        let mine = a.change(EMPTY, T, saving(entry("Mine", 0.1)));
        assert_eq!(a.on_event(&mine, T + 1), None);
    }

    #[test]
    fn changes_name_what_moved() {
        let (x, y) = (entry("X", 0.1), entry("Y", 0.2));
        let same = [x.clone()];
        assert_eq!(changes(&same, &same), []);
        let renamed = SavedScenario {
            name: "Z".into(),
            ..x.clone()
        };
        assert_eq!(
            changes(&[x.clone(), y.clone()], &[renamed.clone(), y.clone()]),
            [
                Change::Removed {
                    report: "r".into(),
                    name: "X".into()
                },
                Change::Saved(renamed)
            ]
        );
        let resaved = entry("Y", 0.3);
        assert_eq!(
            changes(&[x.clone(), y], &[x, resaved.clone()]),
            [Change::Saved(resaved)]
        );
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
    fn a_text_keeps_the_last_writes_only() {
        let mut stamp = Stamp::default();
        let mut j = Journal::new("t");
        for n in 0..40 {
            stamp = j.next_stamp(&stamp, T + n);
            j.wrote(Vec::new(), T + n);
        }
        assert_eq!(stamp.writes.len(), KEPT_WRITES);
        let by = |w: Option<&Write>| w.map(|w| (w.by.clone(), w.at));
        assert_eq!(by(stamp.writes.last()), Some(("t.40".into(), T + 39)));
        assert_eq!(by(stamp.writes.first()), Some(("t.25".into(), T + 24)));
    }

    #[test]
    fn the_journal_keeps_the_window_only() {
        let mut a = Tab::new("a");
        let mut text = EMPTY.to_string();
        for n in 0..100 {
            text = a.change(&text, T + n * 1_000, saving(entry(&format!("S{n}"), 0.1)));
        }
        // Changes of the last ten seconds, and every change of one write (an import) together.
        assert_eq!(a.journal.recent.len(), 11);
        let all: Vec<SavedScenario> = (0..500).map(|n| entry(&format!("I{n}"), 0.1)).collect();
        let _ = a.change(
            &text,
            T + 200_000,
            Box::new(move |l| [l, &all[..]].concat()),
        );
        assert_eq!(a.journal.recent.len(), 500);
    }

    #[test]
    fn stamps_survive_a_round_trip_and_unreadable_ones_are_ignored() {
        let write = |by: &str, at| Write { by: by.into(), at };
        let stamp = Stamp {
            writes: vec![write("x.1", T), write("y.2", T + 1)],
        };
        let text = to_stored_json(&[entry("A", 0.1)], &[], &stamp);
        assert_eq!(load(&text).map(|l| l.stamp), Ok(stamp));
        let odd = r#"{"format": "report-explorer/scenarios", "version": 1, "scenarios": [], "writes": [{"by": "x.1", "at": "soon"}]}"#;
        assert_eq!(load(odd).map(|l| l.stamp), Ok(Stamp::default()));
        // Exports carry none.
        let exported = export_all(&[entry("A", 0.1)]);
        assert!(!exported.contains("writes"));
    }
}
