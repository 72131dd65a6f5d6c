//! Reusable view pieces: messages for problems, form fields, notices.
pub mod account_gate;
pub mod audit_value;
pub mod campaign_labels;
pub mod campaign_page;
pub mod campaign_tabs;
pub mod cell_input;
pub mod copy_button;
pub mod field;
pub mod form_error;
pub mod id_param;
pub mod kind_label;
pub mod new_password;
pub mod notice;
pub mod page_loader;
pub mod problem_text;
pub mod text_area;
pub mod text_field;
