//! What the reader saw when it is unsure: rows, numbered items, sentences with numbers.

use super::*;

/// What a text that could not be read holds, by its structure.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    /// Rows of a table: lines split into two or more cells by tabs, `|` or
    /// runs of spaces.
    pub rows: Vec<SeenRow>,
    /// Numbered items (一、 （一） 1.).
    pub items: Vec<SeenLine>,
    /// Sentences holding a number with a unit (or a bound), and those numbers.
    pub sentences: Vec<SeenLine>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SeenRow {
    pub line: u32,
    pub cells: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SeenLine {
    pub line: u32,
    /// The text (items: as written; sentences: normalised), at most 200 characters.
    pub text: String,
    /// The numbers with units it holds, as written.
    pub numbers: Vec<String>,
}

/// At most this many rows, items and sentences are kept (a 20 MB paste).
const SEEN_MAX: usize = 2000;

/// The rows, numbered items and sentences with numbers of `text` (normalised;
/// `shown` is the input as written, line for line).
pub(super) fn see(text: &str, shown: &str) -> Seen {
    let mut s = Seen::default();
    for t in crate::grid::find_any(text) {
        for r in t.rows {
            if s.rows.len() < SEEN_MAX {
                s.rows.push(SeenRow {
                    line: r.lines.start,
                    cells: r.cells,
                });
            }
        }
    }
    let shown: Vec<&str> = shown.split('\n').collect();
    for (i, raw) in text.split('\n').enumerate() {
        let no = i as u32 + 1;
        let l = clean_cell(raw);
        if l.is_empty() || l.len() > 4000 {
            continue;
        }
        let as_written = shown.get(i).map_or(l, |x| clean_cell(x));
        let cells: Vec<String> = crate::table::row_cells(l)
            .into_iter()
            .map(String::from)
            .collect();
        if cells.len() >= 2 && s.rows.len() < SEEN_MAX {
            s.rows.push(SeenRow { line: no, cells });
        }
        if crate::text::strip_numbering(l).is_some() && s.items.len() < SEEN_MAX {
            s.items.push(SeenLine {
                line: no,
                text: as_written.chars().take(200).collect(),
                numbers: Vec::new(),
            });
        }
        for sentence in l.split_inclusive(['。', '；', ';', '！', '？']) {
            if s.sentences.len() >= SEEN_MAX {
                break;
            }
            let numbers: Vec<String> = crate::quantity::quantities(sentence)
                .into_iter()
                .filter(|q| {
                    !q.unit.is_empty() && q.unit != "年" && q.unit != "月" && q.unit != "日"
                })
                .map(|q| sentence[q.start..q.end].to_string())
                .collect();
            if !numbers.is_empty() {
                s.sentences.push(SeenLine {
                    line: no,
                    text: sentence.chars().take(200).collect(),
                    numbers,
                });
            }
        }
    }
    s
}
