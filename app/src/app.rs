//! The shell, the router and the page map.
use crate::i18n::I18nContextProvider;
use crate::pages::admin::campaign::{
    audit::CampaignAuditPage, awards::CampaignAwardsPage, ceremony::CampaignCeremonyPage,
    copy::CampaignCopyPage, council::CampaignCouncilPage, council_assignment::CouncilAssignmentPage,
    criteria::CampaignCriteriaPage, document_print::DocumentPrintPage, extend::CampaignExtendPage,
    fields::CampaignFieldsPage, general::CampaignGeneralPage, links::CampaignLinksPage,
    links_print::CampaignLinksPrintPage, list::CampaignsPage, new::NewCampaignPage,
    overview::CampaignOverviewPage, participation::CampaignParticipationPage, scoring::CampaignScoringPage,
    state_change::CampaignStatePage, units::CampaignUnitsPage,
};
use crate::pages::admin::{
    account_detail::AccountDetailPage, accounts::AccountsPage, import_report::ImportReportPage,
    layout::AdminLayout, password::PasswordPage, replications::ReplicationsPage, unit_detail::UnitDetailPage,
    unit_import::UnitImportPage, unit_new::NewUnitPage, units::UnitsPage,
};
use crate::pages::gallery::{initiative::ExemplaryPage, GalleryPage};
use crate::pages::live::{screen::LiveScreenPage, LivePage};
use crate::pages::results::ResultsPage;
use crate::pages::summary::SummaryPage;
use crate::pages::unit::{
    commitment::CommitmentPage,
    home::UnitHomePage,
    initiative::InitiativePage,
    initiative_form::{EditInitiativePage, NewInitiativePage},
    layout::UnitLayout,
    link_open::LinkOpenPage,
    report::ReportPageView,
};
use crate::pages::{
    ceremony::CeremonyConsolePage,
    council::{
        chair::CouncilChairPage, desk::CouncilDeskPage, meeting::CouncilMeetingPage, queue::CouncilQueuePage,
        CouncilHomePage, CouncilPasswordPage,
    },
    home::HomePage,
    login::LoginPage,
    not_found::NotFound,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::page_policy::apply();
    view! {
        <!DOCTYPE html>
        <html lang="vi">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#b91c1c" />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every page renders in full before it is sent (`SsrMode::Async`): with scripts off, streamed
/// Suspense chunks would never be swapped in, and the forms must work without scripts.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Effects run only in the browser: this marks the page as hydrated (tests wait for it).
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <I18nContextProvider>
            <Router>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/council") view=CouncilHomePage ssr=SsrMode::Async />
                    <Route path=path!("/council/password") view=CouncilPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/council/:campaign") view=CouncilQueuePage ssr=SsrMode::Async />
                    <Route path=path!("/council/:campaign/chair") view=CouncilChairPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/council/:campaign/meeting")
                        view=CouncilMeetingPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/council/:campaign/initiatives/:id")
                        view=CouncilDeskPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/l/:token") view=LinkOpenPage ssr=SsrMode::Async />
                    <Route path=path!("/live/:campaign") view=LivePage ssr=SsrMode::Async />
                    <Route path=path!("/live/:campaign/screen") view=LiveScreenPage ssr=SsrMode::Async />
                    <Route path=path!("/results/:campaign") view=ResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/results/:campaign/summary") view=SummaryPage ssr=SsrMode::Async />
                    <Route path=path!("/gallery") view=GalleryPage ssr=SsrMode::Async />
                    <Route path=path!("/gallery/:id") view=ExemplaryPage ssr=SsrMode::Async />
                    <Route path=path!("/ceremony/:campaign") view=CeremonyConsolePage ssr=SsrMode::Async />
                    <ParentRoute path=path!("/unit/:campaign") view=UnitLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=UnitHomePage ssr=SsrMode::Async />
                        <Route path=path!("commitment") view=CommitmentPage ssr=SsrMode::Async />
                        <Route path=path!("report") view=ReportPageView ssr=SsrMode::Async />
                        <Route path=path!("initiatives/new") view=NewInitiativePage ssr=SsrMode::Async />
                        <Route path=path!("initiatives/:id") view=InitiativePage ssr=SsrMode::Async />
                        <Route
                            path=path!("initiatives/:id/edit")
                            view=EditInitiativePage
                            ssr=SsrMode::Async
                        />
                    </ParentRoute>
                    <ParentRoute path=path!("/admin") view=AdminLayout ssr=SsrMode::Async>
                        <Route
                            path=path!("")
                            view=|| view! { <Redirect path="/admin/campaigns" /> }
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("campaigns") view=CampaignsPage ssr=SsrMode::Async />
                        <Route path=path!("campaigns/new") view=NewCampaignPage ssr=SsrMode::Async />
                        <Route path=path!("campaigns/:id") view=CampaignOverviewPage ssr=SsrMode::Async />
                        <Route
                            path=path!("campaigns/:id/general")
                            view=CampaignGeneralPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("campaigns/:id/units") view=CampaignUnitsPage ssr=SsrMode::Async />
                        <Route path=path!("campaigns/:id/links") view=CampaignLinksPage ssr=SsrMode::Async />
                        <Route
                            path=path!("campaigns/:id/participation")
                            view=CampaignParticipationPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/links/print")
                            view=CampaignLinksPrintPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/fields")
                            view=CampaignFieldsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/criteria")
                            view=CampaignCriteriaPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/scoring")
                            view=CampaignScoringPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("campaigns/:id/state") view=CampaignStatePage ssr=SsrMode::Async />
                        <Route
                            path=path!("campaigns/:id/extend")
                            view=CampaignExtendPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("campaigns/:id/copy") view=CampaignCopyPage ssr=SsrMode::Async />
                        <Route
                            path=path!("campaigns/:id/council")
                            view=CampaignCouncilPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/council/assignment")
                            view=CouncilAssignmentPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("campaigns/:id/audit") view=CampaignAuditPage ssr=SsrMode::Async />
                        <Route
                            path=path!("campaigns/:id/documents/:document")
                            view=DocumentPrintPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/awards")
                            view=CampaignAwardsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/ceremony")
                            view=CampaignCeremonyPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("units") view=UnitsPage ssr=SsrMode::Async />
                        <Route path=path!("units/new") view=NewUnitPage ssr=SsrMode::Async />
                        <Route path=path!("units/import") view=UnitImportPage ssr=SsrMode::Async />
                        <Route path=path!("units/import/:id") view=ImportReportPage ssr=SsrMode::Async />
                        <Route path=path!("units/:id") view=UnitDetailPage ssr=SsrMode::Async />
                        <Route path=path!("accounts") view=AccountsPage ssr=SsrMode::Async />
                        <Route path=path!("accounts/:id") view=AccountDetailPage ssr=SsrMode::Async />
                        <Route path=path!("password") view=PasswordPage ssr=SsrMode::Async />
                        <Route path=path!("replications") view=ReplicationsPage ssr=SsrMode::Async />
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
