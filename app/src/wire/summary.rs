//! The printable summary of a campaign for its tổng kết conference: key figures, charts drawn
//! on the server as SVG, and the award list.
use crate::wire::awards::AwardList;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub campaign_id: i64,
    pub title: String,
    pub theme: String,
    pub organizer: String,
    pub plan_ref: String,
    pub plan_date: Option<NaiveDate>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Results are final (published); before that the figures are provisional.
    pub final_results: bool,
    /// For the public before release: nothing else is filled in.
    pub pending: bool,
    pub figures: KeyFigures,
    pub charts: Vec<Chart>,
    pub awards: Vec<AwardList>,
    pub made_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyFigures {
    pub units: usize,
    pub units_with_initiatives: usize,
    pub initiatives: usize,
    pub committed: usize,
    pub reports_on_time: usize,
    /// Mean final score of the scored initiatives.
    pub mean_score: Option<f64>,
    /// Initiatives rated excellent, good, pass, fail.
    pub levels: [usize; 4],
    pub recognised: usize,
    pub exemplary: usize,
}

/// What a chart shows; the page gives it its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartKind {
    ByUnit,
    ByField,
    Scores,
    Ranking,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    pub kind: ChartKind,
    /// A whole `<svg>` element made on the server (`server::summary::charts`), its text escaped.
    pub svg: String,
    /// What the chart shows, for screen readers and when images are off.
    pub description: String,
}
