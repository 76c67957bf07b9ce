//! The Yew view. One `use_reducer` in [`app::App`] holds the [`crate::state::State`]; the
//! components below read it with [`store::use_store`] and send actions back.
//! Components draw and forward events; offsets, formats and decisions live in the core.

pub mod alert;
pub mod app;
pub mod article;
pub mod autosave;
pub mod compare;
pub mod document_list;
pub mod document_scroll;
pub mod entity_panel;
pub mod find_bar;
pub mod first_visit;
pub mod held_focus;
pub mod help;
pub mod label_editor;
pub mod label_style;
pub mod link_picker;
pub mod live_region;
pub mod paragraph;
pub mod popover;
pub mod relation_type_editor;
pub mod report_sheets;
pub mod reports;
pub mod sheet_rows;
pub mod side_panel;
pub mod storage_panel;
pub mod store;
pub mod suggest_runner;
pub mod suggestion_bar;
pub mod text_field;
pub mod toolbar;
pub mod update_bar;
pub mod views;
