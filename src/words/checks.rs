//! The plan's consistency checks, worded: every figure computed and shown.

use plan::growth::Check;

use super::fmt::num;
use super::Texts;

impl Texts {
    /// A consistency check as (title, explanation), every figure computed.
    pub fn check(&self, c: &Check) -> (String, String) {
        let zh = self.is_zh();
        match c {
            Check::GdpGrowth {
                base,
                base_year,
                rate,
                years,
                projected,
                target,
                needed_rate,
                ..
            } => {
                let gap = target - projected;
                let pct = gap / target * 100.0;
                if zh {
                    (
                        format!("地区生产总值：年均增长{}%能否达到{}万亿元？", num(*rate, 1), num(*target, 2)),
                        format!(
                            "{base_year}年地区生产总值{}万亿元，按年均增长{}%计算{years}年，{}年约为{}万亿元，比{}万亿元的目标低{}万亿元（{}%）。实现{}万亿元需年均增长{}%，仍在“{}%左右”的范围内。",
                            num(*base, 2), num(*rate, 1), base_year + years, num(*projected, 2), num(*target, 2), num(gap, 2), num(pct, 1), num(*target, 2), num(*needed_rate, 1), num(*rate, 1)
                        ),
                    )
                } else {
                    (
                        format!("GDP: does {}% a year reach {} trillion yuan?", num(*rate, 1), num(*target, 2)),
                        format!(
                            "GDP was {} trillion yuan in {base_year}. Growing {}% a year for {years} years gives about {} trillion in {}, {} trillion ({}%) short of the {} trillion target. Reaching it needs {}% a year, within \"about {}%\".",
                            num(*base, 2), num(*rate, 1), num(*projected, 2), base_year + years, num(gap, 2), num(pct, 1), num(*target, 2), num(*needed_rate, 1), num(*rate, 1)
                        ),
                    )
                }
            }
            Check::ImpliedPopulation {
                urban,
                rate,
                implied,
                base,
                base_year,
                years,
                per_year,
                last_increase,
                trend,
                ..
            } => {
                if zh {
                    (
                        format!("城镇人口{}万人、城镇化率{}%意味着多少常住人口？", num(*urban, 2), num(*rate, 1)),
                        format!(
                            "两个目标合起来意味着{}年常住人口约{}万人（{}÷{}%），比{base_year}年的{}万人多{}万人，即年均增加约{}万人。{base_year}年常住人口比上年增加{}万人；按这一增量，{years}年后将达{}万人，城镇化率只有约{}%。两个目标因此假定人口增长放缓到每年约{}万人，规划没有写明这一点。",
                            base_year + years, num(*implied, 2), num(*urban, 2), num(*rate, 1), num(*base, 2), num(implied - base, 2), num(*per_year, 1), num(*last_increase, 2), num(*trend, 2), num(urban / trend * 100.0, 1), num(*per_year, 1)
                        ),
                    )
                } else {
                    (
                        format!("What population do {} million urban residents at {}% urbanisation imply?", num(urban / 100.0, 2), num(*rate, 1)),
                        format!(
                            "Together the two targets imply a resident population of about {} (10k) in {} ({} ÷ {}%), {} (10k) more than the {} (10k) of {base_year}: about {} (10k) a year. In {base_year} the population grew by {} (10k); at that pace it would reach {} (10k) in {years} years, and urbanisation would be only about {}%. The targets therefore assume slower population growth, about {} (10k) a year, which the plan does not say.",
                            num(*implied, 2), base_year + years, num(*urban, 2), num(*rate, 1), num(implied - base, 2), num(*base, 2), num(*per_year, 1), num(*last_increase, 2), num(*trend, 2), num(urban / trend * 100.0, 1), num(*per_year, 1)
                        ),
                    )
                }
            }
            Check::PerCapitaTimesPopulation {
                per_capita,
                population,
                product,
                target,
                base_per_capita,
                needed_rate,
                ..
            } => {
                let pct = (product / target - 1.0) * 100.0;
                if zh {
                    (
                        format!("人均GDP {}万元乘以人口，是否等于{}万亿元？", num(*per_capita, 2), num(*target, 2)),
                        format!(
                            "{}万元 × {}万人 = {}万亿元，与{}万亿元的目标相差{}%。2019年人均GDP约{}万元（地区生产总值÷常住人口），到{}万元需年均增长{}%。",
                            num(*per_capita, 2), num(*population, 2), num(*product, 2), num(*target, 2), num(pct, 1), num(*base_per_capita, 2), num(*per_capita, 2), num(*needed_rate, 1)
                        ),
                    )
                } else {
                    (
                        format!("Does GDP per head of {} (10k yuan) times the population make {} trillion?", num(*per_capita, 2), num(*target, 2)),
                        format!(
                            "{} (10k yuan) × {} (10k people) = {} trillion yuan, {}% off the {} trillion target. GDP per head was about {} (10k yuan) in 2019 (GDP ÷ population); reaching {} needs {}% a year.",
                            num(*per_capita, 2), num(*population, 2), num(*product, 2), num(pct, 1), num(*target, 2), num(*base_per_capita, 2), num(*per_capita, 2), num(*needed_rate, 1)
                        ),
                    )
                }
            }
            Check::HighTechShare {
                value,
                gdp,
                share,
                stated,
                ..
            } => {
                if zh {
                    (
                        format!(
                            "高新技术产业增加值{}亿元是否占地区生产总值{}%？",
                            num(*value, 0),
                            num(*stated, 1)
                        ),
                        format!(
                            "{}亿元 ÷ {}万亿元 = {}%，与规划写的{}%一致（{}亿元是下限，“以上”）。",
                            num(*value, 0),
                            num(*gdp, 2),
                            num(*share, 1),
                            num(*stated, 1),
                            num(*value, 0)
                        ),
                    )
                } else {
                    (
                        format!("Is {} (100m yuan) of high-tech value added {}% of GDP?", num(*value, 0), num(*stated, 1)),
                        format!(
                            "{} ÷ {} trillion = {}%, as the plan's {}% says ({} is a floor, \"or more\").",
                            num(*value, 0), num(*gdp, 2), num(*share, 1), num(*stated, 1), num(*value, 0)
                        ),
                    )
                }
            }
        }
    }
}
