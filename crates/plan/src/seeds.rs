//! The five seed documents, embedded byte for byte, and what each one is.

use super::{DocKind, Document, RoleRule};

/// (file name, text) of every seed, in file order.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_46937b859a78d65d.txt",
        include_str!("../../../seeds/000_46937b859a78d65d.txt"),
    ),
    (
        "001_52071bc060105621.txt",
        include_str!("../../../seeds/001_52071bc060105621.txt"),
    ),
    (
        "002_9d3a68c62c194251.txt",
        include_str!("../../../seeds/002_9d3a68c62c194251.txt"),
    ),
    (
        "003_eb0be2c1adcc1018.txt",
        include_str!("../../../seeds/003_eb0be2c1adcc1018.txt"),
    ),
    (
        "004_63bd9ad5aebbd682.txt",
        include_str!("../../../seeds/004_63bd9ad5aebbd682.txt"),
    ),
];

/// Curated facts about each seed that its text does not state in one place:
/// (code, kind, title, summary). Dates are read from the text.
const META: [(&str, DocKind, &str, &str); 5] = [
    (
        "000",
        DocKind::TaskSplit,
        "湖南湘江新区重点任务责任分工",
        "附件：42项重点任务，分12个方面，每项列出责任单位（第42项的责任单位因文件截断缺失）。",
    ),
    (
        "001",
        DocKind::PlanOutline,
        "长株潭区域一体化发展规划纲要",
        "中共湖南省委、湖南省人民政府印发的规划纲要，共10章：2019年基础、2025年目标、2035年展望与“一轴一心，三带多组团”空间结构。",
    ),
    (
        "002",
        DocKind::News,
        "湘江新区2021年经济工作“攻略”（人民网报道）",
        "人民网新闻报道：湘江新区2021年经济工作的五个关键词、319国道先进制造业发展轴、湘江科创走廊与“五区五小镇”。",
    ),
    (
        "003",
        DocKind::TargetTable,
        "长株潭国家自主创新示范区建设目标任务分解表（2017—2019年）",
        "制表符分隔的分解表：3类主要任务、14项工作内容，各有前期工作基础、2017/2018/2019年目标、责任单位与配合/参与单位。",
    ),
    (
        "004",
        DocKind::TaskSplit,
        "对接粤港澳大湾区重点任务责任分工",
        "附件：30项重点任务，分8个类别，一格一行排列，每项列出责任单位。",
    ),
];

/// The embedded seed documents with their metadata.
pub fn documents() -> Vec<Document> {
    SEEDS
        .iter()
        .zip(META.iter())
        .map(|((file, text), (code, kind, title, summary))| Document {
            id: file.trim_end_matches(".txt").to_string(),
            code: code.to_string(),
            file: file.to_string(),
            title: title.to_string(),
            kind: *kind,
            date: super::text::find_date(text),
            summary: summary.to_string(),
            role_rule: match kind {
                DocKind::TaskSplit => RoleRule::AllResponsible,
                DocKind::TargetTable => RoleRule::LeadAndSupport,
                _ => RoleRule::NoTasks,
            },
            text: text.to_string(),
        })
        .collect()
}
