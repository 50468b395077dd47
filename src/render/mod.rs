//! Render stage: documents (and later comparisons and avenants) → text for people and tools.
//! Renderers write to any `impl Write`; they never print, exit or look at the terminal.

pub mod diff_common;
pub mod diff_json;
pub mod diff_md;
pub mod diff_terminal;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod outline;

/// Shortens `text` to at most `max` characters, ending with « … » when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
