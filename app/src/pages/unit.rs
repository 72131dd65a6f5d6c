//! The pages of a participating unit, reached through its secret link from a phone: opening the
//! link, the unit's page, the commitment, the initiative form and one initiative's receipt.
pub mod commitment;
pub mod form_dom;
pub mod home;
pub mod initiative;
pub mod initiative_form;
pub mod initiative_parts;
pub mod initiative_sender;
pub mod initiative_sending;
pub mod initiative_text;
pub mod layout;
pub mod link_open;
pub mod outbox_files;
pub mod parts;
pub mod phone_photos;
pub mod report;
pub mod report_form;
