//! Reports people read rather than parse: who said what (the quote sheet), which numbers to
//! check (the figures sheet), and who and where is mentioned how often (people and places),
//! over the whole workspace or the documents a person picks. Each report is plain rows built
//! from the workspace, and a [`Table`] that downloads as CSV or Markdown.
//!
//! Not for: drawing the reports (`components::reports`) or changing anything (a check mark is
//! `state::Check`). Pure, so it can run wherever the exports run.

pub mod figures;
pub mod people;
pub mod quotes;

use std::rc::Rc;

use crate::model::{Document, Workspace};

/// The documents a report covers: those picked, in workspace order, or every one when none is.
pub fn documents<'w>(workspace: &'w Workspace, picked: &[Rc<str>]) -> Vec<&'w Rc<Document>> {
    workspace.documents.iter().filter(|d| picked.is_empty() || picked.contains(&d.id)).collect()
}

/// A report as it downloads: a title, column names, and rows in groups (a group's name is a
/// heading in Markdown; in CSV the rows simply follow each other, each carrying its columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub groups: Vec<(Option<String>, Vec<Vec<String>>)>,
}

impl Table {
    /// Every row, in order.
    pub fn rows(&self) -> impl Iterator<Item = &Vec<String>> {
        self.groups.iter().flat_map(|(_, rows)| rows)
    }

    /// CSV as the CSV export writes it (byte-order mark, quoting, CRLF).
    pub fn csv(&self) -> Vec<u8> {
        crate::formats::csv::table(&self.header, self.rows().cloned())
    }

    /// Markdown: the title, and per group its heading and a pipe table.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", cell(&self.title));
        for (name, rows) in &self.groups {
            if let Some(name) = name {
                out.push_str(&format!("\n## {}\n", cell(name)));
            }
            out.push('\n');
            out.push_str(&line(self.header.iter().map(|h| cell(h))));
            out.push_str(&line(self.header.iter().map(|_| "---")));
            for row in rows {
                out.push_str(&line(row.iter().map(|c| cell(c))));
            }
        }
        out
    }
}

fn line<S: AsRef<str>>(cells: impl Iterator<Item = S>) -> String {
    let cells: Vec<S> = cells.collect();
    format!("| {} |\n", cells.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(" | "))
}

/// A text as one Markdown table cell: line breaks become spaces, pipes and the marks that
/// would start emphasis, links or HTML are escaped, so the text reads as it is.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            title: "Quote sheet".into(),
            header: vec!["speaker".into(), "quote".into()],
            groups: vec![
                (Some("Unattributed".into()), vec![vec![String::new(), "a | b\r\nc".into()]]),
                (Some("Dmitry Peskov".into()), vec![vec!["Dmitry Peskov".into(), "*not* <b>".into()]]),
            ],
        }
    }

    #[test]
    fn markdown_has_a_heading_and_table_per_group_with_cells_escaped() {
        let md = table().markdown();
        assert_eq!(
            md,
            "# Quote sheet\n\n## Unattributed\n\n| speaker | quote |\n| --- | --- |\n|  | a \\| b c |\n\n\
             ## Dmitry Peskov\n\n| speaker | quote |\n| --- | --- |\n| Dmitry Peskov | \\*not\\* \\<b\\> |\n"
        );
    }

    #[test]
    fn csv_is_every_row_in_order_under_the_header() {
        let bytes = table().csv();
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "speaker,quote\r\n,\"a | b\r\nc\"\r\nDmitry Peskov,*not* <b>\r\n");
    }

    #[test]
    fn no_pick_means_every_document() {
        let workspace = Workspace {
            documents: ["d1", "d2", "d3"].map(|id| Rc::new(Document::new(id, "x", "text"))).into(),
            ..Workspace::default()
        };
        let ids =
            |picked: &[Rc<str>]| documents(&workspace, picked).iter().map(|d| d.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&[]), ["d1", "d2", "d3"]);
        assert_eq!(ids(&["d3".into(), "d1".into()]), ["d1", "d3"], "in workspace order");
    }
}
