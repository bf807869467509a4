//! What an import can fail with, worded in both languages.

use super::*;

/// Why an input could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: u64,
    },
    /// NUL bytes or control characters: not a text.
    Binary,
    /// Not UTF-8 or UTF-16 with a BOM (nor GB18030, where that feature is on).
    NotText,
    /// A format not read: "pdf", "doc/xls", "docx/xlsx" (without the `office` feature).
    Unsupported(String),
    /// A `.docx`/`.xlsx` that cannot be read, and why.
    BadOffice(String),
    /// Text, but neither tasks, nor targets, nor actual values.
    NotAPlan,
    /// The progress callback asked to stop.
    Cancelled,
}

impl ImportError {
    /// The reason in one line.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
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
