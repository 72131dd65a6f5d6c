//! The shell, the router and the page map.
use crate::components::field::provide_field_labels;
use crate::components::form_error::provide_plain_refusal;
use crate::components::page_scripts::PageScripts;
use crate::i18n::I18nContextProvider;
use crate::lazy_pages::*;
use crate::pages::not_found::NotFound;
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
                <MetaTags />
            </head>
            <body>
                <App />
                <PageScripts />
            </body>
        </html>
    }
}

/// Every page renders in full before it is sent (`SsrMode::Async`): with scripts off, streamed
/// Suspense chunks would never be swapped in, and the forms must work without scripts.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_plain_refusal();
    provide_field_labels();
    view! {
        <I18nContextProvider>
            <Router>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomeRoute::lazy() ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginRoute::lazy() ssr=SsrMode::Async />
                    <Route path=path!("/council") view=CouncilHomeRoute::lazy() ssr=SsrMode::Async />
                    <Route
                        path=path!("/council/password")
                        view=CouncilPasswordRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/council/:campaign")
                        view=CouncilQueueRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/council/:campaign/chair")
                        view=CouncilChairRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/council/:campaign/meeting")
                        view=CouncilMeetingRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/council/:campaign/initiatives/:id")
                        view=CouncilDeskRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/l/:token") view=LinkOpenRoute::lazy() ssr=SsrMode::Async />
                    <Route path=path!("/live/:campaign") view=LiveRoute::lazy() ssr=SsrMode::Async />
                    <Route
                        path=path!("/live/:campaign/screen")
                        view=LiveScreenRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/results/:campaign") view=ResultsRoute::lazy() ssr=SsrMode::Async />
                    <Route
                        path=path!("/results/:campaign/summary")
                        view=SummaryRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/gallery") view=GalleryRoute::lazy() ssr=SsrMode::Async />
                    <Route path=path!("/gallery/:id") view=ExemplaryRoute::lazy() ssr=SsrMode::Async />
                    <Route
                        path=path!("/ceremony/:campaign")
                        view=CeremonyConsoleRoute::lazy()
                        ssr=SsrMode::Async
                    />
                    <ParentRoute
                        path=path!("/unit/:campaign")
                        view=UnitLayoutRoute::lazy()
                        ssr=SsrMode::Async
                    >
                        <Route path=path!("") view=UnitHomeRoute::lazy() ssr=SsrMode::Async />
                        <Route path=path!("commitment") view=CommitmentRoute::lazy() ssr=SsrMode::Async />
                        <Route path=path!("report") view=ReportRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("initiatives/new")
                            view=NewInitiativeRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("initiatives/:id")
                            view=InitiativeRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("initiatives/:id/edit")
                            view=EditInitiativeRoute::lazy()
                            ssr=SsrMode::Async
                        />
                    </ParentRoute>
                    <ParentRoute path=path!("/admin") view=AdminLayoutRoute::lazy() ssr=SsrMode::Async>
                        <Route
                            path=path!("")
                            view=|| view! { <Redirect path="/admin/campaigns" /> }
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("campaigns") view=CampaignsRoute::lazy() ssr=SsrMode::Async />
                        <Route path=path!("campaigns/new") view=NewCampaignRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("campaigns/:id")
                            view=CampaignOverviewRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/general")
                            view=CampaignGeneralRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/units")
                            view=CampaignUnitsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/links")
                            view=CampaignLinksRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/participation")
                            view=CampaignParticipationRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/participation/:unit")
                            view=CampaignUnitRegistrationRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/links/print")
                            view=CampaignLinksPrintRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/fields")
                            view=CampaignFieldsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/criteria")
                            view=CampaignCriteriaRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/scoring")
                            view=CampaignScoringRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/state")
                            view=CampaignStateRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/extend")
                            view=CampaignExtendRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/copy")
                            view=CampaignCopyRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/council")
                            view=CampaignCouncilRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/council/assignment")
                            view=CouncilAssignmentRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/audit")
                            view=CampaignAuditRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/documents/:document")
                            view=DocumentPrintRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/awards")
                            view=CampaignAwardsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("campaigns/:id/ceremony")
                            view=CampaignCeremonyRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("units") view=UnitsRoute::lazy() ssr=SsrMode::Async />
                        <Route path=path!("units/new") view=NewUnitRoute::lazy() ssr=SsrMode::Async />
                        <Route path=path!("units/import") view=UnitImportRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("units/import/:id")
                            view=ImportReportRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("units/:id") view=UnitDetailRoute::lazy() ssr=SsrMode::Async />
                        <Route path=path!("accounts") view=AccountsRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("accounts/:id")
                            view=AccountDetailRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("password") view=PasswordRoute::lazy() ssr=SsrMode::Async />
                        <Route path=path!("replications") view=ReplicationsRoute::lazy() ssr=SsrMode::Async />
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
