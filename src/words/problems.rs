//! The core's codes in words: the problems the parsers find and the
//! reasons an import fails (the core returns codes and values; the CLI,
//! the export and the pages word them here).

use plan::import::ImportError;
use plan::{Lang, Problem, ProblemCode, Wording};

/// The wording of the core's codes, in both languages.
pub struct Words;

/// What the export and the CLI word the core's codes with.
pub static WORDS: Words = Words;

impl Wording for Words {
    /// A problem the parsers found, worded in `lang`.
    fn problem(&self, p: &Problem, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let d = &p.detail;
        match (p.code, zh) {
            (ProblemCode::TruncatedUnits, true) => "责任单位缺失（原文截断）".into(),
            (ProblemCode::MissingUnits, true) => "责任单位缺失".into(),
            (ProblemCode::TrailingSeparator, true) => {
                format!("单位名单首尾有多余的分隔符（已清理）：{d}")
            }
            (ProblemCode::GluedMarker, true) => format!("单位名称粘连“=====”（已清理）：{d}"),
            (ProblemCode::LeadAlsoSupport, true) => format!("{d}同时列为责任单位和配合/参与单位"),
            (ProblemCode::EmptyUnit, true) => format!("单位名单中有空项（已跳过）：{d}"),
            (ProblemCode::UnknownUnit, true) => format!("未收录的单位（按名称归类）：{d}"),
            (ProblemCode::ShortRow, true) => format!("本行单元格少于表头（{d}）"),
            (ProblemCode::LongRow, true) => format!("本行单元格多于表头（{d}）"),
            (ProblemCode::NumberGap, true) => format!("编号不连续：{d}"),
            (ProblemCode::StrayLine, true) => format!("无法归入任务的行：{d}"),
            (ProblemCode::BadRecord, true) => format!("无法读取的整理记录：{d}"),
            (ProblemCode::RepeatedUnit, true) => {
                format!("同一单元格重复列出的单位（只计一次）：{d}")
            }
            (ProblemCode::UnmatchedActual, true) => {
                format!("实际值找不到对应的指标（未画入图表）：{d}")
            }
            (ProblemCode::TruncatedUnits, false) => {
                "No responsible unit (the file is cut off)".into()
            }
            (ProblemCode::MissingUnits, false) => "No responsible unit".into(),
            (ProblemCode::TrailingSeparator, false) => {
                format!("Stray separator at the end of the unit list (cleaned): {d}")
            }
            (ProblemCode::GluedMarker, false) => {
                format!("\"=====\" glued to a unit name (cleaned): {d}")
            }
            (ProblemCode::LeadAlsoSupport, false) => {
                format!("{d} is listed both as lead and as support")
            }
            (ProblemCode::EmptyUnit, false) => {
                format!("Empty item in the unit list (skipped): {d}")
            }
            (ProblemCode::UnknownUnit, false) => {
                format!("Unit not in the registry (classified by its name): {d}")
            }
            (ProblemCode::ShortRow, false) => format!("Row has fewer cells than the header ({d})"),
            (ProblemCode::LongRow, false) => format!("Row has more cells than the header ({d})"),
            (ProblemCode::NumberGap, false) => format!("Numbering skips: {d}"),
            (ProblemCode::StrayLine, false) => format!("Line outside any task: {d}"),
            (ProblemCode::BadRecord, false) => format!("A curated record that cannot be read: {d}"),
            (ProblemCode::RepeatedUnit, false) => {
                format!("Unit listed twice in one cell (counted once): {d}")
            }
            (ProblemCode::UnmatchedActual, false) => {
                format!("Actual value for no known indicator (not charted): {d}")
            }
        }
    }
}

impl Words {
    /// Why an input could not be imported, in one line in `lang`.
    pub fn import_error(&self, e: &ImportError, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match e {
            ImportError::Empty if zh => "文件为空：没有可读取的内容。".into(),
            ImportError::Empty => "The file is empty: nothing to read.".into(),
            ImportError::TooLarge { bytes } if zh => {
                format!("文件过大（{} MB）：最多读取 20 MB。", bytes / 1_048_576)
            }
            ImportError::TooLarge { bytes } => {
                format!("The file is too large ({} MB): at most 20 MB is read.", bytes / 1_048_576)
            }
            ImportError::Binary if zh => "这不是文本文件（含有二进制数据）。".into(),
            ImportError::Binary => "This is not a text file (it holds binary data).".into(),
            ImportError::NotText if zh => "无法识别文本编码：请另存为 UTF-8 文本。".into(),
            ImportError::NotText => "Unknown text encoding: save the file as UTF-8 text.".into(),
            ImportError::Unsupported(f) if zh => {
                format!("不支持此格式（{f}）：请复制其中的文字粘贴，或另存为 .txt、.csv、.docx 或 .xlsx。")
            }
            ImportError::Unsupported(f) => format!(
                "This format ({f}) is not read: paste its text, or save it as .txt, .csv, .docx or .xlsx."
            ),
            ImportError::BadOffice(why) if zh => format!("无法读取此 Office 文件：{why}。"),
            ImportError::BadOffice(why) => format!("This Office file cannot be read: {why}."),
            ImportError::NotAPlan if zh => {
                "未找到任务、指标或实际值：这似乎不是规划文件。".into()
            }
            ImportError::NotAPlan => {
                "No tasks, indicators or actual values found: this does not look like a plan.".into()
            }
            ImportError::Cancelled if zh => "已取消。".into(),
            ImportError::Cancelled => "Cancelled.".into(),
        }
    }
}
