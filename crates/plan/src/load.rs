//! Agency load: who carries how many tasks, in which role, in which
//! document, under which names, with whom.
//!
//! Counting rule: a task counts once per agency, as lead if the agency is
//! among its 责任单位 (in 000 and 004 every listed unit is), otherwise as
//! support. A shorthand (长株潭三市政府) counts for each agency it names.

use std::collections::BTreeMap;

use super::agencies::Load;
use super::{unique, Dataset, Role, Task};

/// Which tasks to count. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadFilter {
    pub document: Option<String>,
    pub category: Option<String>,
}

impl LoadFilter {
    pub fn tasks<'a>(&'a self, ds: &'a Dataset) -> impl Iterator<Item = &'a Task> + 'a {
        ds.tasks.iter().filter(move |t| {
            self.document.as_ref().is_none_or(|d| &t.document == d)
                && self.category.as_ref().is_none_or(|c| &t.category == c)
        })
    }
}

/// One agency's load, split by document (in document order).
#[derive(Clone, Debug, PartialEq)]
pub struct AgencyLoad {
    pub agency: String,
    pub by_doc: Vec<(String, Load)>,
    pub lead: u32,
    pub support: u32,
}

impl AgencyLoad {
    pub fn total(&self) -> u32 {
        self.lead + self.support
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Total,
    Lead,
    Support,
    /// Registry order (provincial departments first, by the registry's ranking).
    Registry,
}

impl SortKey {
    pub fn from_key(s: &str) -> SortKey {
        match s {
            "lead" => SortKey::Lead,
            "support" => SortKey::Support,
            "registry" => SortKey::Registry,
            _ => SortKey::Total,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Total => "total",
            SortKey::Lead => "lead",
            SortKey::Support => "support",
            SortKey::Registry => "registry",
        }
    }
}

/// Every agency with at least one task under `filter`, sorted by `sort`
/// (ties in registry order, so the output is stable).
pub fn loads(ds: &Dataset, filter: &LoadFilter, sort: SortKey) -> Vec<AgencyLoad> {
    // The documents that have filtered tasks, in order.
    let docs: Vec<&str> = ds
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .filter(|d| filter.tasks(ds).any(|t| t.document == *d))
        .collect();
    // One pass over the tasks: each counts once per agency it names, as
    // lead if the agency leads it (linear in the units, at any scale).
    let mut counts: Vec<Vec<Load>> = vec![vec![Load::default(); docs.len()]; ds.agencies.len()];
    for t in filter.tasks(ds) {
        let Some(d) = docs.iter().position(|d| *d == t.document) else {
            continue;
        };
        for agency in unique(t.units.iter().map(|a| a.agency.as_str())) {
            let Some(i) = ds.agency_index(agency) else {
                continue;
            };
            match t.role_of(agency) {
                Some(Role::Lead) => counts[i][d].lead += 1,
                Some(Role::Support) => counts[i][d].support += 1,
                None => {}
            }
        }
    }
    let mut rows: Vec<(usize, AgencyLoad)> = ds
        .agencies
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (a, c))| {
            let by_doc: Vec<(String, Load)> = docs.iter().map(|d| d.to_string()).zip(c).collect();
            let lead = by_doc.iter().map(|(_, l)| l.lead).sum();
            let support = by_doc.iter().map(|(_, l)| l.support).sum();
            (
                i,
                AgencyLoad {
                    agency: a.id.clone(),
                    by_doc,
                    lead,
                    support,
                },
            )
        })
        .filter(|(_, l)| l.total() > 0)
        .collect();
    rows.sort_by(|(ia, a), (ib, b)| {
        let k = match sort {
            SortKey::Total => b.total().cmp(&a.total()).then(b.lead.cmp(&a.lead)),
            SortKey::Lead => b.lead.cmp(&a.lead).then(b.total().cmp(&a.total())),
            SortKey::Support => b.support.cmp(&a.support).then(b.total().cmp(&a.total())),
            SortKey::Registry => std::cmp::Ordering::Equal,
        };
        k.then(ia.cmp(ib))
    });
    rows.into_iter().map(|(_, l)| l).collect()
}

/// A name an agency was written as, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct NameUse {
    pub name: String,
    /// (document id, number of tasks) in document order.
    pub documents: Vec<(String, u32)>,
}

/// The names an agency carries in the documents, canonical first.
pub fn names_used(ds: &Dataset, agency: &str) -> Vec<NameUse> {
    let mut out: Vec<NameUse> = Vec::new();
    for doc in &ds.documents {
        for t in ds.tasks_of(&doc.id) {
            let written = t
                .units
                .iter()
                .filter(|a| a.agency == agency)
                .map(|a| a.as_written.as_str());
            for name in unique(written) {
                let entry = match out.iter_mut().position(|n| n.name == name) {
                    Some(i) => &mut out[i],
                    None => {
                        out.push(NameUse {
                            name: name.to_string(),
                            documents: vec![],
                        });
                        out.last_mut().expect("just pushed")
                    }
                };
                match entry.documents.iter_mut().find(|(d, _)| d == &doc.id) {
                    Some((_, n)) => *n += 1,
                    None => entry.documents.push((doc.id.clone(), 1)),
                }
            }
        }
    }
    if let Some(canonical) = ds.agency(agency).map(|a| a.name.as_str()) {
        out.sort_by_key(|n| n.name != canonical);
    }
    out
}

/// How many tasks two agencies share (both named on the task, any role).
pub fn partners(ds: &Dataset, agency: &str) -> Vec<(String, u32)> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for t in ds
        .tasks
        .iter()
        .filter(|t| t.units.iter().any(|a| a.agency == agency))
    {
        let others = t
            .units
            .iter()
            .map(|a| a.agency.as_str())
            .filter(|id| *id != agency);
        for id in unique(others) {
            *counts.entry(id).or_default() += 1;
        }
    }
    let order = |id: &str| {
        ds.agencies
            .iter()
            .position(|a| a.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut v: Vec<(String, u32)> = counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(order(&a.0).cmp(&order(&b.0))));
    v
}

/// One task of an agency, with its role(s) and the name it is written as.
#[derive(Clone, Debug, PartialEq)]
pub struct AgencyTask<'a> {
    pub task: &'a Task,
    pub role: Role,
    pub as_written: Vec<&'a str>,
}

pub fn tasks_of_agency<'a>(ds: &'a Dataset, agency: &str) -> Vec<AgencyTask<'a>> {
    ds.tasks
        .iter()
        .filter_map(|t| {
            let role = t.role_of(agency)?;
            let as_written = unique(
                t.units
                    .iter()
                    .filter(|a| a.agency == agency)
                    .map(|a| a.as_written.as_str()),
            );
            Some(AgencyTask {
                task: t,
                role,
                as_written,
            })
        })
        .collect()
}

/// Agencies × categories: how many tasks of each category name the agency.
#[derive(Clone, Debug, PartialEq)]
pub struct Heatmap {
    pub rows: Vec<String>,
    /// (document id, category) in document order.
    pub cols: Vec<(String, String)>,
    pub cells: Vec<Vec<u32>>,
}

impl Heatmap {
    /// The first `n` rows (the agencies with most tasks).
    pub fn top(mut self, n: usize) -> Heatmap {
        self.rows.truncate(n);
        self.cells.truncate(n);
        self
    }
    /// Each column's 1-based position among its document's categories (the
    /// headers' numbers and their legend).
    pub fn col_numbers(&self) -> Vec<usize> {
        let mut k = 0;
        self.cols
            .iter()
            .enumerate()
            .map(|(j, (d, _))| {
                k = if j > 0 && self.cols[j - 1].0 == *d {
                    k + 1
                } else {
                    1
                };
                k
            })
            .collect()
    }
}

/// The heatmap of one document, or of all (categories grouped by document).
/// Rows are the agencies of [`loads`] (by total), collective units last.
pub fn heatmap(ds: &Dataset, document: Option<&str>) -> Heatmap {
    let filter = LoadFilter {
        document: document.map(str::to_string),
        category: None,
    };
    let mut rows: Vec<String> = loads(ds, &filter, SortKey::Total)
        .into_iter()
        .map(|l| l.agency)
        .collect();
    rows.sort_by_key(|id| ds.is_collective(id));
    let cols: Vec<(String, String)> = ds
        .documents
        .iter()
        .filter(|d| document.is_none_or(|x| x == d.id))
        .flat_map(|d| {
            ds.categories_of(&d.id)
                .into_iter()
                .map(move |c| (d.id.clone(), c.to_string()))
        })
        .collect();
    // One pass over the tasks: each counts once in its column for every
    // row agency it names.
    let row_of: std::collections::HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.as_str(), i))
        .collect();
    let col_of: std::collections::HashMap<(&str, &str), usize> = cols
        .iter()
        .enumerate()
        .map(|(j, (d, c))| ((d.as_str(), c.as_str()), j))
        .collect();
    let mut cells = vec![vec![0u32; cols.len()]; rows.len()];
    for t in &ds.tasks {
        let Some(&j) = col_of.get(&(t.document.as_str(), t.category.as_str())) else {
            continue;
        };
        for agency in unique(t.units.iter().map(|a| a.agency.as_str())) {
            if let Some(&i) = row_of.get(agency) {
                cells[i][j] += 1;
            }
        }
    }
    Heatmap { rows, cols, cells }
}

/// A graph for the network views.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    /// (a, b, weight) with a < b, sorted.
    pub edges: Vec<(usize, usize, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    /// An agency id or a task id.
    pub id: String,
    pub label: String,
    /// Tasks carried (agencies) or units named (tasks).
    pub weight: u32,
    pub is_task: bool,
}

impl Graph {
    /// The first `n` nodes (agencies come in order of load) and the edges
    /// between them.
    pub fn top(mut self, n: usize) -> Graph {
        self.nodes.truncate(n);
        self.edges.retain(|&(a, b, _)| a < n && b < n);
        self
    }
    /// The neighbours of node `i` with edge weights.
    pub fn neighbours(&self, i: usize) -> Vec<(usize, u32)> {
        self.edges
            .iter()
            .filter_map(|&(a, b, w)| {
                if a == i {
                    Some((b, w))
                } else if b == i {
                    Some((a, w))
                } else {
                    None
                }
            })
            .collect()
    }
}

/// Agencies linked by the tasks they share (edge weight = shared tasks).
/// Collective units are left out: they are not one agency.
pub fn co_responsibility(ds: &Dataset, filter: &LoadFilter) -> Graph {
    let rows: Vec<AgencyLoad> = loads(ds, filter, SortKey::Total)
        .into_iter()
        .filter(|r| !ds.is_collective(&r.agency))
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r.agency.as_str()).collect();
    let nodes = rows
        .iter()
        .map(|r| GraphNode {
            id: r.agency.clone(),
            label: ds.agency_name(&r.agency).to_string(),
            weight: r.total(),
            is_task: false,
        })
        .collect();
    let at: std::collections::HashMap<&str, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let index = |id: &str| at.get(id).copied();
    let mut w: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for t in filter.tasks(ds) {
        let mut here: Vec<usize> = t.units.iter().filter_map(|a| index(&a.agency)).collect();
        here.sort_unstable();
        here.dedup();
        for (k, &a) in here.iter().enumerate() {
            for &b in &here[k + 1..] {
                *w.entry((a, b)).or_default() += 1;
            }
        }
    }
    Graph {
        nodes,
        edges: w.into_iter().map(|((a, b), n)| (a, b, n)).collect(),
    }
}

/// Agencies and the tasks that name them (edge weight 2 = lead, 1 = support).
pub fn bipartite(ds: &Dataset, filter: &LoadFilter) -> Graph {
    bipartite_top(ds, filter, usize::MAX)
}

/// As [`bipartite`], for the `n` agencies with most tasks and their tasks.
pub fn bipartite_top(ds: &Dataset, filter: &LoadFilter, n: usize) -> Graph {
    let mut rows = loads(ds, filter, SortKey::Total);
    let capped = rows.len() > n;
    rows.truncate(n);
    let mut nodes: Vec<GraphNode> = rows
        .iter()
        .map(|r| GraphNode {
            id: r.agency.clone(),
            label: ds.agency_name(&r.agency).to_string(),
            weight: r.total(),
            is_task: false,
        })
        .collect();
    let n_agencies = nodes.len();
    let shown: std::collections::HashSet<&str> = rows.iter().map(|r| r.agency.as_str()).collect();
    let tasks: Vec<&Task> = filter
        .tasks(ds)
        .filter(|t| !capped || t.units.iter().any(|u| shown.contains(u.agency.as_str())))
        .collect();
    for t in &tasks {
        nodes.push(GraphNode {
            id: t.id.clone(),
            label: t.id.clone(),
            weight: t.units.len() as u32,
            is_task: true,
        });
    }
    let row_of: std::collections::HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.agency.as_str(), i))
        .collect();
    let mut edges = Vec::new();
    for (k, t) in tasks.iter().enumerate() {
        for agency in unique(t.units.iter().map(|a| a.agency.as_str())) {
            if let (Some(&ai), Some(role)) = (row_of.get(agency), t.role_of(agency)) {
                let w = if role == Role::Lead { 2 } else { 1 };
                edges.push((ai, n_agencies + k, w));
            }
        }
    }
    edges.sort_unstable();
    Graph { nodes, edges }
}
