//! The WebAssembly is split by area: the public pages, the live board and screen, a unit's pages,
//! the council's, the ceremony console and the admin pages each load as their own piece, fetched
//! when a page of that area is opened (`cargo leptos build --split`; the page's scripts preload
//! the pieces it needs, `components::page_scripts`, so they load with the page). A unit's phone never downloads
//! the admin pages, the council desk or the ceremony console.
//!
//! Rules: a route's view is named here and nowhere else, in its area; a page used by two areas
//! would be downloaded with both. Areas, not pages, are the pieces: a piece per page made
//! hundreds of shared fragments, one request each, too many round trips for a slow phone.
//!
//! A unit's pages and the public boards, opened on cheap phones, are served as islands when
//! opened by their address: server HTML with only their interactive parts (`#[island]`)
//! hydrated, by a second WebAssembly bundle a fraction of the whole app's size (`lib.rs`, built
//! by `x`), or with no script at all when the page has no island (`server_html`). A page of the
//! whole app that navigates to one renders it, islands included, as any page. The islands bundle
//! is built twice, each build holding one group of islands (app features `islands_boards`,
//! `islands_forms`): a page names its group here, and its islands must belong to it. Only the
//! server and the island's own build see an island as one; elsewhere (the other group's build,
//! the whole app) it is a plain component, so no build exports what it does not hydrate (the
//! whole app's exports would pull every island into its main piece). An island's props
//! are serializable (they travel in the page); its children, if any, are server HTML that never
//! reaches the bundle (the unit's forms: their islands act on them through the DOM,
//! `pages::unit::form_dom`). Inside an island only the contexts `lib.rs` provides at the
//! boards' bundle's start exist (translations, meta, field labels; the forms' bundle provides
//! none and reads the one locale directly), none of the page's or the router's (a refused plain
//! post comes in as a prop).
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

/// Notes what the page being rendered needs from its scripts (`components::page_scripts`): the
/// pieces of `area`, or, served as islands, the islands bundle or nothing. Noted before the
/// view's first wait, as the page's scripts are written while the page's data still loads.
#[cfg(feature = "ssr")]
fn note_page(area: &str, serve: crate::server::static_files::Serve) {
    use crate::server::static_files::{PageNeeds, Serve};
    let Some(needs) = use_context::<PageNeeds>() else {
        return;
    };
    if serve == Serve::WholeApp {
        needs.note_area(area);
        return;
    }
    needs.serve(serve);
    // Only islands hydrate: data made outside them is not for the browser.
    if let Some(shared) = Owner::current_shared_context() {
        shared.set_is_hydrating(false);
    }
}

/// A route `$route` whose view `$page` is loaded with the WebAssembly piece `$area`. With
/// `islands(<group>)` or `server_html` a page opened by its address is served as islands (see
/// above), and the piece serves only client-side navigation to it from a page of the whole app.
macro_rules! lazy_page {
    ($area:ident, $route:ident, $page:ident) => {
        lazy_page!(@ $area, $route, $page, WholeApp);
    };
    ($area:ident, $route:ident, $page:ident, islands($group:ident)) => {
        lazy_page!(@ $area, $route, $page, Islands(stringify!($group)));
    };
    ($area:ident, $route:ident, $page:ident, server_html) => {
        lazy_page!(@ $area, $route, $page, ServerHtml);
    };
    (@ $area:ident, $route:ident, $page:ident, $($serve:tt)+) => {
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
            #[cfg(not(feature = "islands_bundle"))]
            #[leptos::wasm_split::wasm_split($area, wasm_split_path = ::leptos::wasm_split, preload(load), fallible)]
            fn page() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                Ok(untrack(|| $page().into_any()))
            }

            // The islands bundle renders no route, so it is not split.
            #[cfg(feature = "islands_bundle")]
            async fn page() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                Ok(untrack(|| $page().into_any()))
            }

            #[cfg(feature = "islands_bundle")]
            async fn load() {}

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    #[cfg(feature = "ssr")]
                    note_page(stringify!($area), crate::server::static_files::Serve::$($serve)+);
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
lazy_page!(live_pages, LiveRoute, LivePage, islands(boards));
lazy_page!(live_pages, LiveScreenRoute, LiveScreenPage, islands(boards));

// A unit's pages, opened from its link on a phone.
lazy_page!(unit_pages, LinkOpenRoute, LinkOpenPage, server_html);
lazy_page!(unit_pages, UnitLayoutRoute, UnitLayout);
lazy_page!(unit_pages, UnitHomeRoute, UnitHomePage, server_html);
lazy_page!(unit_pages, CommitmentRoute, CommitmentPage, server_html);
lazy_page!(unit_pages, ReportRoute, ReportPageView, islands(forms));
lazy_page!(unit_pages, NewInitiativeRoute, NewInitiativePage, islands(forms));
lazy_page!(unit_pages, InitiativeRoute, InitiativePage, server_html);
lazy_page!(
    unit_pages,
    EditInitiativeRoute,
    EditInitiativePage,
    islands(forms)
);

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
