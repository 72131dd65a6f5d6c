//! The head of every campaign page: breadcrumb, title with its state, and the section tabs.
use super::campaign_labels::StateBadge;
use crate::domain::campaign_state::CampaignState;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CampaignHead(
    id: i64,
    #[prop(into)] title: String,
    state: CampaignState,
    /// The current tab's path segment ("" for the overview).
    active: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = [
        ("", t_string!(i18n, campaigns.tab_overview)),
        ("general", t_string!(i18n, campaigns.tab_general)),
        ("units", t_string!(i18n, campaigns.tab_units)),
        ("links", t_string!(i18n, campaigns.tab_links)),
        ("participation", t_string!(i18n, campaigns.tab_participation)),
        ("fields", t_string!(i18n, campaigns.tab_fields)),
        ("criteria", t_string!(i18n, campaigns.tab_criteria)),
        ("scoring", t_string!(i18n, campaigns.tab_scoring)),
        ("council", t_string!(i18n, campaigns.tab_council)),
        ("awards", t_string!(i18n, awards.tab)),
        ("ceremony", t_string!(i18n, ceremony.tab)),
        ("audit", t_string!(i18n, campaigns.tab_audit)),
    ];
    // The results page is the same for every reader, outside the admin area.
    let results = matches!(
        state,
        CampaignState::Evaluating | CampaignState::Published | CampaignState::Closed
    )
    .then(|| {
        view! { <a href=format!("/results/{id}")>{t!(i18n, results.title)}</a> }
    });
    let page_title = title.clone();
    view! {
        <Title text=move || format!("{} · {}", page_title, t_string!(i18n, app_name)) />
        <nav class="breadcrumb">
            <a href="/admin/campaigns">{t!(i18n, campaigns.title)}</a>
        </nav>
        <div class="page-head campaign-head">
            <h1>{title}</h1>
            <StateBadge state />
        </div>
        <nav class="tabs" aria-label=move || t_string!(i18n, campaigns.tabs)>
            {tabs
                .into_iter()
                .map(|(segment, label)| {
                    let href = if segment.is_empty() {
                        format!("/admin/campaigns/{id}")
                    } else {
                        format!("/admin/campaigns/{id}/{segment}")
                    };
                    let current = (segment == active).then_some("page");
                    view! {
                        <a href=href aria-current=current>
                            {label}
                        </a>
                    }
                })
                .collect_view()}
            {results}
        </nav>
    }
}
