//! The loading frame of a campaign page: reads campaign `:id` (again after each successful save)
//! and shows either the page or why it cannot be shown.
use crate::api::campaigns::{get_campaign, CampaignDetail};
use crate::components::id_param::id_param;
use crate::components::page_loader::page_loader;
use leptos::prelude::*;

pub fn campaign_page<V: IntoView + 'static>(
    reload: impl Fn() -> usize + Send + Sync + 'static,
    render: impl Fn(CampaignDetail) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let id = id_param();
    page_loader(move || (id(), reload()), |(id, _)| get_campaign(id), render)
}
