//! Which panels a conference screen rotates through, in order: participation progress and the
//! ranking, each paged so that nothing ever scrolls, the award list once results are public, then
//! the newest registrations and the QR code. A screen may be pinned to one kind of panel (`?panel=ranking`); its pages still turn.

/// Units per page of the progress panel (two columns of eight).
pub const PROGRESS_PER_PAGE: usize = 16;
/// Ranking rows per page: each row is then 6.5 % of the screen's height.
pub const RANKING_PER_PAGE: usize = 10;
/// Newest registrations on their panel.
pub const LATEST_PER_PAGE: usize = 6;
/// Recipients named per award form on the awards panel (then "và n … khác").
pub const AWARD_NAMES_PER_FORM: usize = 6;
/// How long one panel stays.
pub const SECONDS_PER_SLIDE: u64 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// Page of the progress panel (0-based) and how many pages it has.
    Progress {
        page: usize,
        pages: usize,
    },
    Ranking {
        page: usize,
        pages: usize,
    },
    Awards,
    Latest,
    Qr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pin {
    Progress,
    Ranking,
    Awards,
    Latest,
    Qr,
}

impl Pin {
    /// The `?panel=` value; anything unknown rotates through every panel.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "progress" => Some(Pin::Progress),
            "ranking" => Some(Pin::Ranking),
            "awards" => Some(Pin::Awards),
            "latest" => Some(Pin::Latest),
            "qr" => Some(Pin::Qr),
            _ => None,
        }
    }

    fn admits(self, slide: Slide) -> bool {
        matches!(
            (self, slide),
            (Pin::Progress, Slide::Progress { .. })
                | (Pin::Ranking, Slide::Ranking { .. })
                | (Pin::Awards, Slide::Awards)
                | (Pin::Latest, Slide::Latest)
                | (Pin::Qr, Slide::Qr)
        )
    }
}

/// The rotation for a campaign of `units` units (with its award list when `awards`); never empty.
pub fn slides(units: usize, awards: bool, pin: Option<Pin>) -> Vec<Slide> {
    let pages = |per_page: usize| units.div_ceil(per_page).max(1);
    let (progress, ranking) = (pages(PROGRESS_PER_PAGE), pages(RANKING_PER_PAGE));
    let all = (0..progress)
        .map(|page| Slide::Progress {
            page,
            pages: progress,
        })
        .chain((0..ranking).map(|page| Slide::Ranking { page, pages: ranking }))
        .chain(awards.then_some(Slide::Awards))
        .chain([Slide::Latest, Slide::Qr]);
    all.filter(|slide| pin.is_none_or(|pin| pin.admits(*slide)))
        .collect()
}

/// The items of page `page` of `items` at `per_page` a page (empty past the end).
pub fn page_of<T: Clone>(items: &[T], page: usize, per_page: usize) -> Vec<T> {
    items
        .iter()
        .skip(page * per_page)
        .take(per_page)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_campaign_shows_four_panels() {
        assert_eq!(
            slides(9, false, None),
            vec![
                Slide::Progress { page: 0, pages: 1 },
                Slide::Ranking { page: 0, pages: 1 },
                Slide::Latest,
                Slide::Qr
            ]
        );
    }

    #[test]
    fn long_lists_are_paged_so_nothing_scrolls() {
        let rotation = slides(33, false, None);
        assert_eq!(rotation.len(), 3 + 4 + 2);
        assert_eq!(rotation[2], Slide::Progress { page: 2, pages: 3 });
        assert_eq!(rotation[6], Slide::Ranking { page: 3, pages: 4 });
        assert_eq!(
            page_of(&(0..33).collect::<Vec<_>>(), 3, RANKING_PER_PAGE),
            vec![30, 31, 32]
        );
        assert!(page_of(&[1, 2], 1, RANKING_PER_PAGE).is_empty());
    }

    #[test]
    fn the_award_list_joins_the_rotation_after_the_ranking_once_public() {
        assert_eq!(
            slides(9, true, None),
            vec![
                Slide::Progress { page: 0, pages: 1 },
                Slide::Ranking { page: 0, pages: 1 },
                Slide::Awards,
                Slide::Latest,
                Slide::Qr
            ]
        );
        assert_eq!(slides(9, true, Some(Pin::Awards)), vec![Slide::Awards]);
        assert_eq!(Pin::parse("awards"), Some(Pin::Awards));
    }

    #[test]
    fn a_pinned_screen_turns_only_its_own_pages() {
        assert_eq!(
            slides(21, true, Some(Pin::Ranking)),
            (0..3)
                .map(|page| Slide::Ranking { page, pages: 3 })
                .collect::<Vec<_>>()
        );
        assert_eq!(slides(0, false, Some(Pin::Qr)), vec![Slide::Qr]);
        assert_eq!(
            slides(0, false, Some(Pin::Progress)),
            vec![Slide::Progress { page: 0, pages: 1 }]
        );
        assert_eq!(Pin::parse("bogus"), None);
    }
}
