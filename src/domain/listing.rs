//! What the library says about its list of cards: how many show out of how many, whether a
//! search is still fetching the catalogue's pages, whether "Show more" applies and whether
//! nothing matches.

/// The list's status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListingStatus {
    /// No search or filter: `shown` of the catalogue's `total`.
    Showing { shown: usize, total: usize },
    /// A search waits for the catalogue's remaining pages.
    Searching,
    /// A search or filter: `matching` of `total`.
    Matching { matching: usize, total: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    pub status: ListingStatus,
    /// "Show more" applies: more cards match than show, or pages are left to page through.
    pub more: bool,
    /// A finished search or filter found nothing.
    pub no_match: bool,
}

/// Where the library's list stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListingInput {
    /// A search or filter is in force.
    pub filtered: bool,
    /// Cards the reader asked to see (a screenful, then more).
    pub shown: usize,
    /// Cards fetched so far that the filter accepts.
    pub matching: usize,
    /// Reports in the whole catalogue.
    pub total: usize,
    /// Every page of the catalogue has been fetched.
    pub complete: bool,
    /// A page could not be fetched (a search then reports what it has).
    pub page_failed: bool,
}

pub fn listing(i: ListingInput) -> Listing {
    let searching = i.filtered && !i.complete && !i.page_failed;
    let status = if !i.filtered {
        ListingStatus::Showing {
            shown: i.shown.min(i.total),
            total: i.total,
        }
    } else if searching {
        ListingStatus::Searching
    } else {
        ListingStatus::Matching {
            matching: i.matching,
            total: i.total,
        }
    };
    Listing {
        status,
        more: i.matching > i.shown || (!i.filtered && i.shown < i.total),
        no_match: i.matching == 0 && !searching && i.filtered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: ListingInput = ListingInput {
        filtered: false,
        shown: 24,
        matching: 24,
        total: 1000,
        complete: false,
        page_failed: false,
    };

    #[test]
    fn unfiltered_it_shows_a_screenful_of_the_whole_catalogue_and_offers_more() {
        let l = listing(START);
        assert_eq!(
            l.status,
            ListingStatus::Showing {
                shown: 24,
                total: 1000
            }
        );
        assert!(l.more);
        assert!(!l.no_match);
    }

    #[test]
    fn a_small_catalogue_shows_its_size_and_no_more() {
        let l = listing(ListingInput {
            shown: 24,
            matching: 3,
            total: 3,
            complete: true,
            ..START
        });
        assert_eq!(l.status, ListingStatus::Showing { shown: 3, total: 3 });
        assert!(!l.more);
    }

    #[test]
    fn a_search_waits_for_the_remaining_pages_then_counts_its_matches() {
        let waiting = listing(ListingInput {
            filtered: true,
            matching: 0,
            ..START
        });
        assert_eq!(waiting.status, ListingStatus::Searching);
        assert!(!waiting.no_match, "not yet: pages are still coming");
        let done = listing(ListingInput {
            filtered: true,
            matching: 30,
            complete: true,
            ..START
        });
        assert_eq!(
            done.status,
            ListingStatus::Matching {
                matching: 30,
                total: 1000
            }
        );
        assert!(done.more, "30 match, 24 show");
    }

    #[test]
    fn a_search_with_a_failed_page_reports_what_it_has() {
        let l = listing(ListingInput {
            filtered: true,
            matching: 0,
            page_failed: true,
            ..START
        });
        assert_eq!(
            l.status,
            ListingStatus::Matching {
                matching: 0,
                total: 1000
            }
        );
        assert!(l.no_match);
        assert!(!l.more);
    }
}
