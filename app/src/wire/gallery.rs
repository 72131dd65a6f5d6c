//! The exemplary gallery (thư viện điển hình) and replication (nhân rộng): what its pages read
//! and how the gallery's address filters it, so the search form works the same with scripts off.
use crate::domain::council::decision::Level;
use crate::domain::initiative::attachment::AttachmentInfo;
use crate::domain::initiative::InitiativeKind;
use crate::domain::text::fold_for_search;
use crate::domain::unit::UnitKind;
use crate::wire::initiatives::InitiativeContent;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Cards on one page of the gallery.
pub const GALLERY_PAGE: usize = 24;
/// A search typed into the box is short; anything longer did not come from the page.
pub const QUERY_MAX_CHARS: usize = 200;

/// The gallery's filters, read from and written to its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GalleryQuery {
    /// Words of the title, unit or campaign, diacritics and case ignored.
    pub text: String,
    pub field: Option<String>,
    pub year: Option<i32>,
    pub organizer: Option<i64>,
    pub unit_kind: Option<UnitKind>,
    pub page: usize,
}

impl Default for GalleryQuery {
    fn default() -> Self {
        Self {
            text: String::new(),
            field: None,
            year: None,
            organizer: None,
            unit_kind: None,
            page: 1,
        }
    }
}

impl GalleryQuery {
    /// Reads the address's values; anything unknown is no filter.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Self {
        let text: String = get("q")
            .unwrap_or_default()
            .chars()
            .take(QUERY_MAX_CHARS)
            .collect();
        let non_empty = |k: &str| get(k).filter(|v| !v.trim().is_empty());
        Self {
            text: text.trim().to_owned(),
            field: non_empty("field").map(|f| f.chars().take(QUERY_MAX_CHARS).collect()),
            year: non_empty("year").and_then(|y| y.trim().parse().ok()),
            organizer: non_empty("organizer").and_then(|o| o.trim().parse().ok()),
            unit_kind: non_empty("kind").and_then(|k| UnitKind::ALL.into_iter().find(|u| u.as_str() == k)),
            page: get("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
        }
    }

    /// The address query (`?q=…&page=2`), without the values that are defaults.
    pub fn query_string(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if !self.text.is_empty() {
            query.append_pair("q", &self.text);
        }
        if let Some(field) = &self.field {
            query.append_pair("field", field);
        }
        if let Some(year) = self.year {
            query.append_pair("year", &year.to_string());
        }
        if let Some(organizer) = self.organizer {
            query.append_pair("organizer", &organizer.to_string());
        }
        if let Some(kind) = self.unit_kind {
            query.append_pair("kind", kind.as_str());
        }
        if self.page > 1 {
            query.append_pair("page", &self.page.to_string());
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }

    /// The same filters on another page.
    pub fn at_page(&self, page: usize) -> Self {
        Self { page, ..self.clone() }
    }

    /// Whether `card` passes every filter; the text matches when each of its words is found in
    /// the card's folded title, unit, campaign or field.
    pub fn matches(&self, card: &GalleryCard) -> bool {
        let words = fold_for_search(&self.text);
        let haystack = || {
            fold_for_search(&format!(
                "{} {} {} {}",
                card.title, card.unit_name, card.campaign_title, card.field
            ))
        };
        self.field.as_ref().is_none_or(|f| f == &card.field)
            && self.year.is_none_or(|y| y == card.year)
            && self.organizer.is_none_or(|o| o == card.organizer_id)
            && self.unit_kind.is_none_or(|k| k == card.unit_kind)
            && (words.is_empty() || {
                let haystack = haystack();
                words.split(' ').all(|w| haystack.contains(w))
            })
    }

    /// The asked page of `cards` and the number of pages.
    pub fn paged(&self, cards: Vec<GalleryCard>) -> (Vec<GalleryCard>, usize) {
        let pages = cards.len().div_ceil(GALLERY_PAGE).max(1);
        let page = self.page.clamp(1, pages);
        let shown = cards
            .into_iter()
            .skip((page - 1) * GALLERY_PAGE)
            .take(GALLERY_PAGE)
            .collect();
        (shown, pages)
    }
}

/// One exemplary initiative in the gallery's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GalleryCard {
    pub id: i64,
    pub title: String,
    pub kind: InitiativeKind,
    pub field: String,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    pub campaign_title: String,
    pub year: i32,
    pub organizer_id: i64,
    pub organizer_name: String,
    pub level: Option<Level>,
    /// Units that recorded adopting it.
    pub replications: i64,
}

/// A choice of the organizer filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizerOption {
    pub id: i64,
    pub name: String,
}

/// One page of the gallery, with the choices its filters offer (from the whole gallery).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gallery {
    pub cards: Vec<GalleryCard>,
    /// Exemplary initiatives in the gallery, and those passing the filters.
    pub total: usize,
    pub matching: usize,
    pub pages: usize,
    pub fields: Vec<String>,
    pub years: Vec<i32>,
    pub organizers: Vec<OrganizerOption>,
    pub unit_kinds: Vec<UnitKind>,
}

/// A recorded replication, as the initiative's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicationEntry {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub adopted_on: NaiveDate,
    pub note: String,
    /// Its photo, served by `/files/{id}`.
    pub photo: Option<i64>,
    pub recorded_at: DateTime<Utc>,
    /// The viewer is an organizer over the adopting unit: it may take the record away.
    pub removable: bool,
}

/// A unit this browser acts for (through a live link of one of its campaigns), which may record
/// that it adopted the initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adopter {
    /// The campaign of the link the browser opened; the form names it to prove the unit.
    pub campaign_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    /// Its replication is recorded already.
    pub recorded: bool,
    /// The initiative is its own.
    pub own: bool,
}

/// A unit an organizer may record a replication for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitChoice {
    pub id: i64,
    pub name: String,
}

/// What an admin whose scope holds the viewer's part sees beside the public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizerTools {
    /// It manages the initiative's campaign: every file, each marked public or not.
    pub files: Option<Vec<FileChoice>>,
    /// Units in its scope that may still record this replication.
    pub units: Vec<UnitChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChoice {
    pub file: AttachmentInfo,
    pub public: bool,
}

/// An exemplary initiative's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExemplaryInitiative {
    /// Its text, unit, authors and the files everybody may open.
    pub content: InitiativeContent,
    pub campaign_id: i64,
    pub campaign_title: String,
    pub organizer_name: String,
    pub year: i32,
    pub level: Option<Level>,
    /// Shown to the public (an organizer may see one of its campaigns before it is listed).
    pub listed: bool,
    /// Oldest first: how it spread.
    pub replications: Vec<ReplicationEntry>,
    pub adopters: Vec<Adopter>,
    pub organizer: Option<OrganizerTools>,
    /// Today in Vietnam, by the server's clock (the forms' example date).
    pub today: NaiveDate,
}

/// Replications recorded by the units in an admin's scope, one row per unit that adopted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitReplications {
    pub unit_id: i64,
    pub unit_name: String,
    pub adopted: Vec<AdoptedInitiative>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptedInitiative {
    pub replication_id: i64,
    pub initiative_id: i64,
    pub title: String,
    pub from_unit: String,
    pub adopted_on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> GalleryCard {
        GalleryCard {
            id: 1,
            title: "Một cửa điện tử: trả kết quả tại nhà".into(),
            kind: InitiativeKind::Initiative,
            field: "Dịch vụ công trực tuyến".into(),
            unit_name: "Phường 16".into(),
            unit_kind: UnitKind::Ward,
            campaign_title: "Thi đua CCHC năm 2022".into(),
            year: 2022,
            organizer_id: 9,
            organizer_name: "UBND Quận 11".into(),
            level: Some(Level::Excellent),
            replications: 2,
        }
    }

    fn query(pairs: &[(&str, &str)]) -> GalleryQuery {
        GalleryQuery::parse(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn words_typed_without_diacritics_find_the_title() {
        assert!(query(&[("q", "mot cua dien tu")]).matches(&card()));
        assert!(query(&[("q", "TRA KET QUA phuong 16")]).matches(&card()));
        assert!(!query(&[("q", "tra ket qua phuong 17")]).matches(&card()));
    }

    #[test]
    fn each_filter_narrows_and_unknown_values_are_ignored() {
        assert!(query(&[("year", "2022"), ("kind", "ward"), ("organizer", "9")]).matches(&card()));
        assert!(!query(&[("year", "2023")]).matches(&card()));
        assert!(!query(&[("kind", "department")]).matches(&card()));
        assert!(!query(&[("field", "Dân vận khéo")]).matches(&card()));
        assert_eq!(
            query(&[("kind", "palace"), ("year", "x"), ("page", "0")]),
            GalleryQuery::default()
        );
    }

    #[test]
    fn the_address_round_trips_and_leaves_defaults_out() {
        let q = query(&[
            ("q", "một cửa"),
            ("field", "Dân vận khéo"),
            ("year", "2022"),
            ("page", "3"),
        ]);
        let again = GalleryQuery::parse(|k| {
            form_urlencoded::parse(q.query_string().trim_start_matches('?').as_bytes())
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.into_owned())
        });
        assert_eq!(again, q);
        assert_eq!(GalleryQuery::default().query_string(), "");
    }

    #[test]
    fn pages_hold_a_fixed_number_of_cards_and_a_page_past_the_end_shows_the_last() {
        let cards: Vec<GalleryCard> = (0..GALLERY_PAGE as i64 + 3)
            .map(|id| GalleryCard { id, ..card() })
            .collect();
        let (shown, pages) = GalleryQuery::default().at_page(9).paged(cards);
        assert_eq!(pages, 2);
        assert_eq!(shown.len(), 3);
    }
}
