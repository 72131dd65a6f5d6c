//! The WebAssembly is split by area: the public pages, the live board and screen, a unit's pages,
//! the council's, the ceremony console and the admin pages each load as their own piece, fetched
//! when a page of that area is opened (`cargo leptos build --split`; the page's scripts preload
//! the pieces it needs, `components::page_scripts`, so they load with the page). A unit's phone never downloads
//! the admin pages, the council desk or the ceremony console.
//!
//! Rules: a route's view is named here and nowhere else, in its area; a page used by two areas
//! would be downloaded with both. Areas, not pages, are the pieces: a piece per page made
//! hundreds of shared fragments, one request each, too many round trips for a slow phone.
// The split pieces' loader is generated `extern` code.
#![allow(unsafe_code)]
use crate::components::missing_piece::missing_piece_view;
use crate::pages::admin::campaign::{
    audit::CampaignAuditPage, awards::CampaignAwardsPage, ceremony::CampaignCeremonyPage,
    copy::CampaignCopyPage, council::CampaignCouncilPage, council_assignment::CouncilAssignmentPage,
    criteria::CampaignCriteriaPage, document_print::DocumentPrintPage, extend::CampaignExtendPage,
    fields::CampaignFieldsPage, general::CampaignGeneralPage, links::CampaignLinksPage,
    links_print::CampaignLinksPrintPage, list::CampaignsPage, new::NewCampaignPage,
    overview::CampaignOverviewPage, participation::CampaignParticipationPage, scoring::CampaignScoringPage,
    state_change::CampaignStatePage, unit_registration::CampaignUnitRegistrationPage,
    units::CampaignUnitsPage,
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
};
use leptos::prelude::*;
use leptos_router::{Lazy, LazyRoute};

/// Notes that the page being rendered uses `area`, so its scripts preload that area's pieces
/// (`components::page_scripts`).
#[cfg(feature = "ssr")]
fn note_area(area: &str) {
    if let Some(named) = use_context::<crate::server::static_files::NamedAreas>() {
        named.note(area);
    }
}

/// A route `$route` whose view `$page` is loaded with the WebAssembly piece `$area`.
macro_rules! lazy_page {
    ($area:ident, $route:ident, $page:ident) => {
        pub struct $route;

        impl $route {
            /// The route's view, loaded with its area.
            pub fn lazy() -> Lazy<Self> {
                Lazy::new()
            }
        }

        // A block of its own, so that each route's `page` and `load` keep their short names.
        const _: () = {
            // Every page of the area goes into the one split module named `$area`.
            #[leptos::wasm_split::wasm_split($area, wasm_split_path = ::leptos::wasm_split, preload(load), fallible)]
            fn page() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                Ok(untrack(|| $page().into_any()))
            }

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    #[cfg(feature = "ssr")]
                    note_area(stringify!($area));
                    // A piece that cannot be fetched (gone with an older build) opens the page afresh.
                    page().await.unwrap_or_else(|_| missing_piece_view())
                }

                // Hydration and navigation wait for this before the view; a piece that did not
                // arrive is asked for again by the view, which handles a second failure.
                async fn preload() {
                    let _ = load().await;
                }
            }
        };
    };
}

// Anyone's: the front page, sign-in, results, the printable summary and the gallery.
lazy_page!(public_pages, HomeRoute, HomePage);
lazy_page!(public_pages, LoginRoute, LoginPage);
lazy_page!(public_pages, ResultsRoute, ResultsPage);
lazy_page!(public_pages, SummaryRoute, SummaryPage);
lazy_page!(public_pages, GalleryRoute, GalleryPage);
lazy_page!(public_pages, ExemplaryRoute, ExemplaryPage);

// The live board on a phone and the conference screen.
lazy_page!(live_pages, LiveRoute, LivePage);
lazy_page!(live_pages, LiveScreenRoute, LiveScreenPage);

// A unit's pages, opened from its link on a phone.
lazy_page!(unit_pages, LinkOpenRoute, LinkOpenPage);
lazy_page!(unit_pages, UnitLayoutRoute, UnitLayout);
lazy_page!(unit_pages, UnitHomeRoute, UnitHomePage);
lazy_page!(unit_pages, CommitmentRoute, CommitmentPage);
lazy_page!(unit_pages, ReportRoute, ReportPageView);
lazy_page!(unit_pages, NewInitiativeRoute, NewInitiativePage);
lazy_page!(unit_pages, InitiativeRoute, InitiativePage);
lazy_page!(unit_pages, EditInitiativeRoute, EditInitiativePage);

// The council members' and the secretary's.
lazy_page!(council_pages, CouncilHomeRoute, CouncilHomePage);
lazy_page!(council_pages, CouncilPasswordRoute, CouncilPasswordPage);
lazy_page!(council_pages, CouncilQueueRoute, CouncilQueuePage);
lazy_page!(council_pages, CouncilChairRoute, CouncilChairPage);
lazy_page!(council_pages, CouncilMeetingRoute, CouncilMeetingPage);
lazy_page!(council_pages, CouncilDeskRoute, CouncilDeskPage);

// The chair's ceremony console.
lazy_page!(ceremony_pages, CeremonyConsoleRoute, CeremonyConsolePage);

// The organizers' and the system admin's.
lazy_page!(admin_pages, AdminLayoutRoute, AdminLayout);
lazy_page!(admin_pages, CampaignsRoute, CampaignsPage);
lazy_page!(admin_pages, NewCampaignRoute, NewCampaignPage);
lazy_page!(admin_pages, CampaignOverviewRoute, CampaignOverviewPage);
lazy_page!(admin_pages, CampaignGeneralRoute, CampaignGeneralPage);
lazy_page!(admin_pages, CampaignUnitsRoute, CampaignUnitsPage);
lazy_page!(admin_pages, CampaignLinksRoute, CampaignLinksPage);
lazy_page!(admin_pages, CampaignParticipationRoute, CampaignParticipationPage);
lazy_page!(
    admin_pages,
    CampaignUnitRegistrationRoute,
    CampaignUnitRegistrationPage
);
lazy_page!(admin_pages, CampaignLinksPrintRoute, CampaignLinksPrintPage);
lazy_page!(admin_pages, CampaignFieldsRoute, CampaignFieldsPage);
lazy_page!(admin_pages, CampaignCriteriaRoute, CampaignCriteriaPage);
lazy_page!(admin_pages, CampaignScoringRoute, CampaignScoringPage);
lazy_page!(admin_pages, CampaignStateRoute, CampaignStatePage);
lazy_page!(admin_pages, CampaignExtendRoute, CampaignExtendPage);
lazy_page!(admin_pages, CampaignCopyRoute, CampaignCopyPage);
lazy_page!(admin_pages, CampaignCouncilRoute, CampaignCouncilPage);
lazy_page!(admin_pages, CouncilAssignmentRoute, CouncilAssignmentPage);
lazy_page!(admin_pages, CampaignAuditRoute, CampaignAuditPage);
lazy_page!(admin_pages, DocumentPrintRoute, DocumentPrintPage);
lazy_page!(admin_pages, CampaignAwardsRoute, CampaignAwardsPage);
lazy_page!(admin_pages, CampaignCeremonyRoute, CampaignCeremonyPage);
lazy_page!(admin_pages, UnitsRoute, UnitsPage);
lazy_page!(admin_pages, NewUnitRoute, NewUnitPage);
lazy_page!(admin_pages, UnitImportRoute, UnitImportPage);
lazy_page!(admin_pages, ImportReportRoute, ImportReportPage);
lazy_page!(admin_pages, UnitDetailRoute, UnitDetailPage);
lazy_page!(admin_pages, AccountsRoute, AccountsPage);
lazy_page!(admin_pages, AccountDetailRoute, AccountDetailPage);
lazy_page!(admin_pages, PasswordRoute, PasswordPage);
lazy_page!(admin_pages, ReplicationsRoute, ReplicationsPage);
