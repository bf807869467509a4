//! Questions the views ask of the dataset: task search and filters.

use super::{Dataset, Task};

/// What the task explorer filters by. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFilter {
    /// Space-separated terms; a task matches when it contains every term.
    pub query: String,
    pub document: Option<String>,
    pub category: Option<String>,
    pub agency: Option<String>,
}

impl TaskFilter {
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.document.is_none()
            && self.category.is_none()
            && self.agency.is_none()
    }
}

/// Per-task text to search in, built once: the task's text, number,
/// category, targets and every name of every unit on it, lower-cased.
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(ds: &Dataset) -> SearchIndex {
        let haystacks = ds
            .tasks
            .iter()
            .map(|t| {
                let mut h = String::new();
                for s in [&t.id, &t.number, &t.category, &t.text] {
                    h.push_str(s);
                    h.push('\u{1f}');
                }
                for target in &t.targets {
                    h.push_str(&target.text);
                    h.push('\u{1f}');
                }
                for a in &t.units {
                    h.push_str(&a.as_written);
                    h.push('\u{1f}');
                    if let Some(ag) = ds.agency(&a.agency) {
                        for n in &ag.names {
                            h.push_str(n);
                            h.push('\u{1f}');
                        }
                    }
                }
                h.to_lowercase()
            })
            .collect();
        SearchIndex { haystacks }
    }

    /// The tasks matching `f`, in dataset order.
    pub fn filter<'a>(&self, ds: &'a Dataset, f: &TaskFilter) -> Vec<&'a Task> {
        let terms = terms(&f.query);
        ds.tasks
            .iter()
            .zip(&self.haystacks)
            .filter(|(t, h)| {
                f.document.as_ref().is_none_or(|d| &t.document == d)
                    && f.category.as_ref().is_none_or(|c| &t.category == c)
                    && f.agency
                        .as_ref()
                        .is_none_or(|a| t.units.iter().any(|u| &u.agency == a))
                    && terms.iter().all(|term| h.contains(term.as_str()))
            })
            .map(|(t, _)| t)
            .collect()
    }
}

/// The lower-cased search terms of a query.
pub fn terms(query: &str) -> Vec<String> {
    query
        .split(char::is_whitespace)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Split `text` into (segment, is_match) runs for highlighting the terms.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    if terms.is_empty() {
        return vec![(text.to_string(), false)];
    }
    let lower = text.to_lowercase();
    // Only highlight when lower-casing keeps byte offsets (true for CJK and ASCII).
    if lower.len() != text.len() {
        return vec![(text.to_string(), false)];
    }
    let mut marks = vec![false; text.len()];
    for t in terms {
        let mut from = 0;
        while let Some(i) = lower[from..].find(t.as_str()) {
            let s = from + i;
            for m in &mut marks[s..s + t.len()] {
                *m = true;
            }
            from = s + t.len().max(1);
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (i, c) in text.char_indices() {
        let m = marks[i];
        match out.last_mut() {
            Some((s, lm)) if *lm == m => s.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_runs() {
        let h = highlight("加强知识产权保护，知识产权", &["知识产权".to_string()]);
        assert_eq!(
            h,
            vec![
                ("加强".to_string(), false),
                ("知识产权".to_string(), true),
                ("保护，".to_string(), false),
                ("知识产权".to_string(), true)
            ]
        );
    }
}
