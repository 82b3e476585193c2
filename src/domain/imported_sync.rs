//! A tab's own changes to the list of imported reports, put back when another tab writes the
//! list from a copy that had not caught up with them.
//!
//! Two tabs keeping imports at the same moment can each read the list without the other's
//! entry (Chromium gives every renderer its own copy of local storage, brought up to date
//! asynchronously), and the second write then drops the first tab's entry: its report's key
//! stays, listed nowhere. Unlike the saved scenarios (`saved_journal`), each imported report
//! has a key of its own, and that key says what the list cannot: a removal made knowingly
//! forgets the report's key *before* it writes the list (and a tab's copy takes another
//! tab's writes in the order they were made), so a tab that hears of a list
//! lacking its import, while the report's key still holds the text it kept, knows the entry
//! was lost, not removed, and lists it again. Likewise an entry this tab removed that comes
//! back listed while its key is gone was written from an older copy, and is dropped again.
//!
//! Both repairs are idempotent (an entry is listed once, at the end), so two tabs repairing at
//! once settle on a list with every entry once. Not covered, and rare: two tabs giving the
//! same report the same id before either tab's copy has the other's key (an id whose key is
//! there is taken: `ui::imports`), where the second report's text replaces the first's; and a removal by a build from before this order (the list written
//! before the key was forgotten), which a tab that kept the import may undo if it hears of
//! the list first: the entry then shows as missing, and the reader can remove it.

use super::imported::{with_entry, without, ImportedEntry, ImportedIndex};

/// One change this tab made to the list.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportChange {
    /// Kept: the entry, and the content hash of the report text stored under its key.
    Kept { entry: ImportedEntry, hash: String },
    /// Removed (the report's id).
    Removed(String),
}

impl ImportChange {
    fn id(&self) -> &str {
        match self {
            ImportChange::Kept { entry, .. } => &entry.id,
            ImportChange::Removed(id) => id,
        }
    }
}

/// The changes this tab made, the latest per report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportChanges {
    made: Vec<ImportChange>,
}

impl ImportChanges {
    /// Records a change, replacing an earlier one to the same report.
    pub fn record(&mut self, change: ImportChange) {
        self.made.retain(|c| c.id() != change.id());
        self.made.push(change);
    }

    /// `index` with this tab's changes that it lost put back, or `None` when it holds them
    /// all. `stored_hash(id)` is the content hash of the text under that report's key now
    /// (`None`: the key is gone).
    pub fn reconcile(
        &self,
        index: &ImportedIndex,
        stored_hash: impl Fn(&str) -> Option<String>,
    ) -> Option<ImportedIndex> {
        let listed = |index: &ImportedIndex, id: &str| index.reports.iter().any(|e| e.id == id);
        let mut next = index.clone();
        for change in &self.made {
            match change {
                // Its key still holds what this tab kept: nobody removed it knowingly.
                ImportChange::Kept { entry, hash }
                    if !listed(&next, &entry.id)
                        && stored_hash(&entry.id).as_deref() == Some(hash.as_str()) =>
                {
                    next = with_entry(&next, entry.clone());
                }
                // Listed again by a copy from before this tab's removal, with nothing to open.
                ImportChange::Removed(id) if listed(&next, id) && stored_hash(id).is_none() => {
                    next = without(&next, id);
                }
                _ => {}
            }
        }
        (next != *index).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn entry(id: &str) -> ImportedEntry {
        ImportedEntry {
            id: id.into(),
            file: format!("{id}.json"),
            imported: "2026-12-04".into(),
        }
    }

    fn index(ids: &[&str]) -> ImportedIndex {
        ImportedIndex {
            reports: ids.iter().map(|id| entry(id)).collect(),
            ..ImportedIndex::default()
        }
    }

    fn ids(index: &ImportedIndex) -> Vec<&str> {
        index.reports.iter().map(|e| e.id.as_str()).collect()
    }

    /// Storage's report keys: id → hash of the stored text.
    fn keys(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |id| map.get(id).cloned()
    }

    fn kept(id: &str, hash: &str) -> ImportChange {
        ImportChange::Kept {
            entry: entry(id),
            hash: hash.into(),
        }
    }

    #[test]
    fn an_import_dropped_by_a_write_from_an_older_copy_is_listed_again() {
        let mut mine = ImportChanges::default();
        mine.record(kept("a", "h-a"));
        // The other tab kept "b" over a list read before "a" was in it.
        let stored = index(&["b"]);
        let fixed = mine
            .reconcile(&stored, keys(&[("a", "h-a"), ("b", "h-b")]))
            .expect("a put back");
        assert_eq!(ids(&fixed), ["b", "a"]);
        assert_eq!(fixed.reports[1], entry("a"));
        // Once the list holds it, nothing more to do: a repair is written once.
        assert_eq!(
            mine.reconcile(&fixed, keys(&[("a", "h-a"), ("b", "h-b")])),
            None
        );
    }

    #[test]
    fn an_import_removed_knowingly_stays_removed() {
        let mut mine = ImportChanges::default();
        mine.record(kept("a", "h-a"));
        // The other tab removed it: its key first, then the list.
        assert_eq!(mine.reconcile(&index(&["b"]), keys(&[("b", "h-b")])), None);
        // Storage cleared: nothing comes back.
        assert_eq!(mine.reconcile(&index(&[]), keys(&[])), None);
    }

    #[test]
    fn another_report_under_the_same_key_is_not_listed_as_this_tabs() {
        let mut mine = ImportChanges::default();
        mine.record(kept("a", "h-a"));
        // Removed by another tab, then the id given to another report there: that tab's
        // list decides.
        assert_eq!(
            mine.reconcile(&index(&["b"]), keys(&[("a", "h-other"), ("b", "h-b")])),
            None
        );
    }

    #[test]
    fn a_removal_undone_by_a_write_from_an_older_copy_is_made_again() {
        let mut mine = ImportChanges::default();
        mine.record(ImportChange::Removed("a".into()));
        // The other tab kept "b" over a list that still had "a"; "a"'s key is gone.
        let fixed = mine
            .reconcile(&index(&["a", "b"]), keys(&[("b", "h-b")]))
            .expect("a dropped");
        assert_eq!(ids(&fixed), ["b"]);
        // Imported again since (its key is back): listed, and left so.
        assert_eq!(
            mine.reconcile(&index(&["a", "b"]), keys(&[("a", "h-new"), ("b", "h-b")])),
            None
        );
    }

    #[test]
    fn the_latest_change_to_a_report_is_the_one_that_counts() {
        let mut mine = ImportChanges::default();
        mine.record(kept("a", "h-a"));
        mine.record(ImportChange::Removed("a".into()));
        assert_eq!(mine.reconcile(&index(&[]), keys(&[("a", "h-a")])), None);
        mine.record(kept("a", "h-a2"));
        assert_eq!(
            mine.reconcile(&index(&[]), keys(&[("a", "h-a2")]))
                .map(|i| ids(&i).join(",")),
            Some("a".to_string())
        );
    }

    #[test]
    fn two_tabs_repairing_at_once_settle() {
        // A kept "a", B kept "b", each over a list without the other's; C's write (from an
        // even older copy) dropped both.
        let mut a = ImportChanges::default();
        a.record(kept("a", "h-a"));
        let mut b = ImportChanges::default();
        b.record(kept("b", "h-b"));
        let storage = [("a", "h-a"), ("b", "h-b"), ("c", "h-c")];
        let stored = index(&["c"]);
        // A repairs first, B hears A's list; or B first, A hears B's.
        let a_first = a.reconcile(&stored, keys(&storage)).unwrap();
        let a_then_b = b.reconcile(&a_first, keys(&storage)).unwrap();
        let b_first = b.reconcile(&stored, keys(&storage)).unwrap();
        let b_then_a = a.reconcile(&b_first, keys(&storage)).unwrap();
        assert_eq!(ids(&a_then_b), ["c", "a", "b"]);
        assert_eq!(ids(&b_then_a), ["c", "b", "a"]);
        // Whatever the order, each ends with every entry once, and the next read is quiet.
        for list in [&a_then_b, &b_then_a] {
            assert_eq!(a.reconcile(list, keys(&storage)), None);
            assert_eq!(b.reconcile(list, keys(&storage)), None);
        }
    }
}
