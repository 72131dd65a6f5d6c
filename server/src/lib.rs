//! The server of Thi đua CCHC, as a library so tests can build the real router.
pub mod backup;
pub mod bootstrap;
pub mod config;
pub mod demo_awards;
pub mod demo_campaigns;
pub mod demo_council;
pub mod demo_registrations;
pub mod demo_results;
pub mod embedded_postgres;
pub mod link_key;
pub mod page_arena;
pub mod request_guard;
pub mod router;
pub mod serve;
pub mod telemetry;
