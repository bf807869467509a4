//! Words for an import's report and for an indicator's progress against
//! its target (the numbers come from `plan::import`).

use plan::import::actuals::{Method, NotAssessable};
use plan::import::{GuessCode, ImportKind, Phase, Progress, Status};
use plan::{Lang, RoleRule};

use super::fmt::num;
use super::Texts;

impl Texts {
    pub fn import_kind(&self, k: ImportKind) -> &'static str {
        match k {
            ImportKind::Tasks => self.import_kind_tasks,
            ImportKind::Indicators => self.import_kind_indicators,
            ImportKind::Prose => self.import_kind_prose,
            ImportKind::Actuals => self.import_kind_actuals,
        }
    }

    pub fn role_rule(&self, r: RoleRule) -> &'static str {
        match r {
            RoleRule::AllResponsible | RoleRule::NoTasks => self.import_role_all,
            RoleRule::LeadAndSupport => self.import_role_lead_support,
            RoleRule::FirstLeads => self.import_role_first,
            RoleRule::MarkedLeads => self.import_role_marked,
        }
    }

    pub fn phase(&self, p: Phase) -> &'static str {
        match p {
            Phase::Decode => self.import_phase_decode,
            Phase::Tables => self.import_phase_tables,
            Phase::Tasks => self.import_phase_tasks,
            Phase::Targets => self.import_phase_targets,
            Phase::Done => self.import_phase_done,
        }
    }

    pub fn guess(&self, g: GuessCode) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match (g, zh) {
            (GuessCode::AllResponsible, true) => "没有说明角色，也没有标明牵头：所列单位均计为责任单位",
            (GuessCode::AllResponsible, false) => {
                "No role rule stated and no unit marked lead: every listed unit counts as responsible"
            }
            (GuessCode::RoleByPosition, true) => "按位置判断角色：排在第一位的为牵头单位",
            (GuessCode::RoleByPosition, false) => "Roles by position: the first unit listed leads",
            (GuessCode::UnknownUnit, true) => "不在单位名录中的单位，按名称归类",
            (GuessCode::UnknownUnit, false) => {
                "A unit not in the registry, classified by its name"
            }
            (GuessCode::BaselineByPosition, true) => "最早一年的列按基期读取",
            (GuessCode::BaselineByPosition, false) => "The earliest year's column read as the baseline",
            (GuessCode::NoYear, true) => "文本没有给出年份的数值",
            (GuessCode::NoYear, false) => "A value whose year the text does not give",
            (GuessCode::AutoNumbering, true) => "Word 文件的自动编号已写出",
            (GuessCode::AutoNumbering, false) => "The automatic numbering of a Word file written out",
            (GuessCode::UnmatchedActual, true) => "找不到对应指标的实际值",
            (GuessCode::UnmatchedActual, false) => "An actual value whose indicator was not found",
            (GuessCode::YearOfTheWork, true) => "任务中未写年份的数值，按文件分解的年度工作计",
            (GuessCode::YearOfTheWork, false) => {
                "Values a task states without a year, read as the year of the work the document splits"
            }
        }
    }

    /// What a table column was read as.
    pub fn column(&self, c: &plan::table::Column) -> String {
        use plan::table::Column as C;
        let zh = self.lang == Lang::Zh;
        let s = match (c, zh) {
            (C::Number, true) => "序号",
            (C::Number, false) => "number",
            (C::Category, true) => "类别",
            (C::Category, false) => "category",
            (C::Task, true) => "任务",
            (C::Task, false) => "task",
            (C::Responsible, true) => "责任单位",
            (C::Responsible, false) => "responsible units",
            (C::Lead, true) => "牵头单位",
            (C::Lead, false) => "lead units",
            (C::Support, true) => "配合单位",
            (C::Support, false) => "supporting units",
            (C::Leader, true) => "分管领导",
            (C::Leader, false) => "leaders (people)",
            (C::Baseline(Some(y)), true) => return format!("{y}年基期"),
            (C::Baseline(Some(y)), false) => return format!("baseline {y}"),
            (C::Baseline(None), true) => "基期",
            (C::Baseline(None), false) => "baseline",
            (C::Year(y), true) => return format!("{y}年目标"),
            (C::Year(y), false) => return format!("target {y}"),
            (C::Indicator, true) => "指标",
            (C::Indicator, false) => "indicator",
            (C::Unit, true) => "计量单位",
            (C::Unit, false) => "unit",
            (C::Attribute, true) => "属性",
            (C::Attribute, false) => "kind (expected or binding)",
            (C::Period, true) => "年份",
            (C::Period, false) => "year",
            (C::Value, true) => "数值",
            (C::Value, false) => "value",
            (C::Source, true) => "来源",
            (C::Source, false) => "source",
            (C::Target, true) => "目标（年份见标题）",
            (C::Target, false) => "target (year from the title)",
            (C::Other, true) => "其他",
            (C::Other, false) => "other",
        };
        s.to_string()
    }

    pub fn progress(&self, p: Progress) -> &'static str {
        match p {
            Progress::OnTrack => self.targets.progress_on_track,
            Progress::NeedsAcceleration => self.targets.progress_needs_acceleration,
            Progress::OffTrack => self.targets.progress_off_track,
            Progress::NotAssessable => self.targets.progress_not_assessable,
        }
    }

    /// The status in words: where the latest actual value stands against the
    /// target's path, and how the verdict was reached.
    pub fn progress_words(&self, s: &Status, unit: &str) -> String {
        let zh = self.lang == Lang::Zh;
        if let Some(why) = s.not_assessable {
            return match (why, zh) {
                (NotAssessable::NoActual, true) => "还没有实际值。".into(),
                (NotAssessable::NoActual, false) => "No actual value yet.".into(),
                (NotAssessable::NoBaseline, true) => {
                    "实际值之前没有带年份的现状值，无法计算进度。".into()
                }
                (NotAssessable::NoBaseline, false) => {
                    "There is no dated baseline before the actual value to measure progress from."
                        .into()
                }
                (NotAssessable::NoTarget, true) => "现状值之后没有带年份的目标。".into(),
                (NotAssessable::NoTarget, false) => {
                    "There is no dated target after the baseline.".into()
                }
            };
        }
        let mut out = String::new();
        if let Some((y, v)) = s.actual {
            out.push_str(&if zh {
                format!("{y}年实际值{}{unit}", num(v, 3))
            } else {
                format!("Actual {y}: {} {unit}", num(v, 3))
            });
            if let Some(e) = s.expected {
                out.push_str(&if zh {
                    format!("（按目标路径应为{}{unit}）", num(e, 3))
                } else {
                    format!(" (the target's path: {} {unit})", num(e, 3))
                });
            }
            out.push_str(if zh { "。" } else { ". " });
        }
        if let (Some(need), Some(got)) = (s.needed, s.achieved) {
            let pct = s.method == Some(Method::Compound);
            let u = if pct { "%" } else { unit };
            out.push_str(&if zh {
                format!(
                    "目标需要每年{}{u}，实际每年{}{u}",
                    num(need, 2),
                    num(got, 2)
                )
            } else {
                format!(
                    "The target needs {}{} a year; the actual path made {}{}",
                    num(need, 2),
                    if pct { "%" } else { "" },
                    num(got, 2),
                    if pct { "%" } else { "" }
                )
            });
            if let Some(r) = s.ratio {
                out.push_str(&if zh {
                    format!("，为所需的{}%", num(r * 100.0, 0))
                } else {
                    format!(", {}% of what it needs", num(r * 100.0, 0))
                });
            }
            out.push_str(if zh { "。" } else { ". " });
        }
        out.push_str(if zh {
            "方法（参照 Open SDG）：比较基期以来实际的年均变化与实现目标所需的年均变化；达到所需的95%及以上为进度正常（“左右”的目标为90%），50%至95%为需要加快，不足50%或方向相反为明显落后；目标年份已过时看是否达到。"
        } else {
            "Method (after Open SDG): the average yearly change since the baseline against the change the target needs; at least 95% of it is on track (90% for an approximate target), 50–95% needs acceleration, below 50% or the wrong way is off track; once the target year has passed, met or not."
        });
        out
    }
}
