//! A campaign's results as one reader may see them (`server::results` decides what is hidden),
//! and how the page sorts and filters them: pure functions of the rows and the address's query,
//! so the page works the same with scripts off.
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::initiative::InitiativeKind;
use crate::domain::ranking::Standing;
use crate::domain::text::fold_for_search;
use crate::wire::awards::AwardList;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Who reads the results, which decides what the page explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reader {
    Organizer,
    Council,
    Public,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignResults {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    pub reader: Reader,
    /// Final (published) results; before that, scores as they stand while the council scores.
    pub final_results: bool,
    /// Published but kept from the public until the conference.
    pub held: bool,
    /// For the public: not released yet, so `initiatives` and `units` are empty.
    pub pending: bool,
    pub fields: Vec<String>,
    /// Some initiatives are hidden from this reader.
    pub some_hidden: bool,
    /// One page of the table the address asks for (the other table is empty), arranged as asked.
    pub initiatives: Vec<InitiativeResult>,
    /// Best first, with shared places.
    pub units: Vec<UnitResult>,
    /// Rows of the asked table that pass the filters, and its pages.
    pub matching: usize,
    pub pages: usize,
    /// Award forms with their recipients (and decisions).
    pub awards: Vec<AwardList>,
    pub loaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InitiativeResult {
    pub id: i64,
    pub receipt_code: String,
    pub title: String,
    pub kind: InitiativeKind,
    pub field: String,
    pub unit_id: i64,
    pub unit_name: String,
    /// Named authors "Nguyễn Văn A (Chuyên viên)"; empty for a collective author (the unit).
    pub authors: Vec<String>,
    /// Hidden from this reader (a conflict, or not yet scored by him): no score, level or vote.
    pub hidden: bool,
    pub score: Option<f64>,
    pub scored: i32,
    pub expected: i32,
    pub level: Option<Level>,
    /// The council meeting's vote; `None` when it was not put to the vote.
    pub recognised: Option<bool>,
    pub exemplary: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitResult {
    pub unit_name: String,
    /// Its place among the campaign's units by name, Vietnamese order.
    pub name_order: i64,
    /// Hidden from this reader (a conflict): its standing carries no place or score.
    pub hidden: bool,
    #[serde(flatten)]
    pub standing: Standing,
    pub initiatives: i64,
    pub committed: bool,
    pub report_on_time: Option<bool>,
}

/// Which table the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Table {
    #[default]
    Units,
    Initiatives,
}

/// Sort keys of the initiatives' table (the units' is always by place, or by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Highest final score first (the default).
    #[default]
    Score,
    Title,
    Unit,
    Coverage,
    /// The units' table in Vietnamese order of names.
    Name,
}

/// What the address asks for: `?table=initiatives&sort=unit&field=…&level=excellent&q=…&only=exemplary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrangement {
    pub table: Table,
    pub sort: Sort,
    pub field: Option<String>,
    pub level: Option<Level>,
    /// Words of a title, a unit or an author, diacritics ignored.
    pub query: String,
    pub only_exemplary: bool,
    pub only_recognised: bool,
    /// 1-based page of `RESULTS_PAGE` rows.
    pub page: usize,
}

/// Rows per page of a results table.
pub const RESULTS_PAGE: usize = 100;

impl Default for Arrangement {
    fn default() -> Self {
        Arrangement {
            table: Table::default(),
            sort: Sort::default(),
            field: None,
            level: None,
            query: String::new(),
            only_exemplary: false,
            only_recognised: false,
            page: 1,
        }
    }
}

impl Arrangement {
    /// Reads an address's query string (`table=initiatives&…`, without `?`).
    pub fn from_query(query: &str) -> Self {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        Arrangement::parse(|k| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()))
    }

    /// Rows `page` of `rows` and how many pages there are (at least one).
    pub fn paged<T: Clone>(&self, rows: &[T]) -> (Vec<T>, usize) {
        let pages = rows.len().div_ceil(RESULTS_PAGE).max(1);
        let page = self.page.clamp(1, pages);
        let shown = rows
            .iter()
            .skip((page - 1) * RESULTS_PAGE)
            .take(RESULTS_PAGE)
            .cloned()
            .collect();
        (shown, pages)
    }

    /// Reads the query's values; anything unknown is the default.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Self {
        let table = match get("table").as_deref() {
            Some("initiatives") => Table::Initiatives,
            _ => Table::Units,
        };
        let sort = match get("sort").as_deref() {
            Some("title") => Sort::Title,
            Some("unit") => Sort::Unit,
            Some("coverage") => Sort::Coverage,
            Some("name") => Sort::Name,
            _ => Sort::Score,
        };
        let only = get("only").unwrap_or_default();
        Arrangement {
            table,
            sort,
            field: get("field").filter(|f| !f.is_empty()),
            level: get("level").as_deref().and_then(Level::parse),
            query: get("q").unwrap_or_default().chars().take(100).collect(),
            only_exemplary: only == "exemplary",
            only_recognised: only == "recognised",
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The initiatives that pass the filters, in the asked order.
    pub fn initiatives(&self, rows: &[InitiativeResult]) -> Vec<InitiativeResult> {
        let words = fold_for_search(&self.query);
        let mut kept: Vec<InitiativeResult> = rows
            .iter()
            .filter(|r| self.field.as_ref().is_none_or(|f| &r.field == f))
            .filter(|r| self.level.is_none_or(|l| r.level == Some(l)))
            .filter(|r| !self.only_exemplary || r.exemplary)
            .filter(|r| !self.only_recognised || r.recognised == Some(true))
            .filter(|r| {
                words.is_empty() || {
                    let text = format!("{} {} {}", r.title, r.unit_name, r.authors.join(" "));
                    fold_for_search(&text).contains(&words)
                }
            })
            .cloned()
            .collect();
        let by_score = |a: &InitiativeResult, b: &InitiativeResult| {
            let score = |r: &InitiativeResult| r.score.filter(|_| !r.hidden).unwrap_or(f64::NEG_INFINITY);
            score(b).partial_cmp(&score(a)).unwrap_or(Ordering::Equal)
        };
        // Score (then id) first; a stable sort by name keeps that order within equal names, and
        // folds each name once instead of at every comparison.
        kept.sort_by(|a, b| by_score(a, b).then(a.id.cmp(&b.id)));
        match self.sort {
            Sort::Title => kept.sort_by_cached_key(|r| fold_for_search(&r.title)),
            Sort::Unit => kept.sort_by_cached_key(|r| fold_for_search(&r.unit_name)),
            Sort::Coverage => {
                kept.sort_by(|a, b| (a.scored * b.expected.max(1)).cmp(&(b.scored * a.expected.max(1))))
            }
            Sort::Score | Sort::Name => {}
        }
        kept
    }

    /// This arrangement as an address's query ("" for the default), with a link-only board's key.
    pub fn query_string(&self, key: Option<&str>) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if self.table == Table::Initiatives {
            query.append_pair("table", "initiatives");
        }
        let sort = match self.sort {
            Sort::Score => None,
            Sort::Title => Some("title"),
            Sort::Unit => Some("unit"),
            Sort::Coverage => Some("coverage"),
            Sort::Name => Some("name"),
        };
        if let Some(sort) = sort {
            query.append_pair("sort", sort);
        }
        if let Some(field) = &self.field {
            query.append_pair("field", field);
        }
        if let Some(level) = self.level {
            query.append_pair("level", level.as_str());
        }
        if !self.query.is_empty() {
            query.append_pair("q", &self.query);
        }
        if self.only_exemplary {
            query.append_pair("only", "exemplary");
        } else if self.only_recognised {
            query.append_pair("only", "recognised");
        }
        if self.page > 1 {
            query.append_pair("page", &self.page.to_string());
        }
        if let Some(key) = key {
            query.append_pair("k", key);
        }
        let text = query.finish();
        if text.is_empty() {
            text
        } else {
            format!("?{text}")
        }
    }

    /// The units that pass the text filter, by place (or by name).
    pub fn units(&self, rows: &[UnitResult]) -> Vec<UnitResult> {
        let words = fold_for_search(&self.query);
        let mut kept: Vec<UnitResult> = rows
            .iter()
            .filter(|r| words.is_empty() || fold_for_search(&r.unit_name).contains(&words))
            .cloned()
            .collect();
        if self.sort == Sort::Name {
            kept.sort_by_key(|r| r.name_order);
        }
        kept
    }
}

#[cfg(test)]
mod tests;
