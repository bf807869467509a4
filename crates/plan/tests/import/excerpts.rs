//! Excerpts of real plan documents, copied verbatim from the shared
//! corpus (/work/shared/corpus/raw, issue 18) or the team's own
//! development corpus (tests/corpus/dev/raw; the file is named above each
//! one), each read wrongly before the change its test came with. The
//! corpus itself is not needed: the excerpts are here.

use plan::import::Import;
use plan::indicators::PointKind;
use plan::quantity::Bound;

use crate::run;

/// The target points: (indicator, year, value, bound).
fn targets(imp: &Import) -> Vec<(String, Option<i32>, f64, Bound)> {
    imp.indicators
        .iter()
        .flat_map(|i| {
            i.points
                .iter()
                .filter(|p| p.kind == PointKind::Target)
                .map(move |p| (i.name.clone(), p.year, p.value, p.bound))
        })
        .collect()
}

/// The years of the target points of value `v`.
fn years_of(imp: &Import, v: f64) -> Vec<Option<i32>> {
    targets(imp)
        .into_iter()
        .filter(|t| t.2 == v)
        .map(|t| t.1)
        .collect()
}

/// The unit of the indicator that has a point of value `v`.
fn unit_of(imp: &Import, v: f64) -> &str {
    imp.indicators
        .iter()
        .find(|i| i.points.iter().any(|p| p.value == v))
        .map_or("", |i| i.unit.as_str())
}

/// 今年 in a report whose heading names the year (三、2016年重点工作); the
/// growth target explained again after the list is not a second target.
#[test]
fn the_year_of_a_report_from_its_heading() {
    // 124_gwr_2016_national_13th_targets.txt
    let imp = run("三、2016年重点工作


今年是全面建成小康社会决胜阶段的开局之年，也是推进结构性改革的攻坚之年。做好政府工作，必须高举中国特色社会主义伟大旗帜，全面贯彻党的十八大和十八届三中、四中、五中全会精神，以邓小平理论、“三个代表”重要思想、科学发展观为指导，深入贯彻习近平总书记系列重要讲话精神，按照“五位一体”总体布局和“四个全面”战略布局，坚持改革开放，坚持以新发展理念引领发展，坚持稳中求进工作总基调，适应经济发展新常态，实行宏观政策要稳、产业政策要准、微观政策要活、改革政策要实、社会政策要托底的总体思路，把握好稳增长与调结构的平衡，保持经济运行在合理区间，着力加强供给侧结构性改革，加快培育新的发展动能，改造提升传统比较优势，抓好去产能、去库存、去杠杆、降成本、补短板，加强民生保障，切实防控风险，努力实现“十三五”时期经济社会发展良好开局。

今年发展的主要预期目标是：国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右，城镇新增就业1000万人以上，城镇登记失业率4.5%以内，进出口回稳向好，国际收支基本平衡，居民收入增长和经济增长基本同步。单位国内生产总值能耗下降3.4%以上，主要污染物排放继续减少。

经济增长预期目标6.5%－7%，考虑了与全面建成小康社会目标相衔接，考虑了推进结构性改革的需要，也有利于稳定和引导市场预期。");
    assert_eq!(years_of(&imp, 3.4), vec![Some(2016)]);
    assert_eq!(years_of(&imp, 1000.0), vec![Some(2016)]);
    // 6.5%－7% once, as the 国内生产总值增长 of 2016.
    let growth: Vec<_> = targets(&imp).into_iter().filter(|t| t.2 == 6.5).collect();
    assert_eq!(growth.len(), 1, "{growth:?}");
    assert_eq!((growth[0].1, growth[0].3), (Some(2016), Bound::Ge));
}

/// A year qualifying a noun (落实2030年应对气候变化国家自主贡献目标) does not
/// date what follows: the values stay the “十四五” period's (2025).
#[test]
fn a_year_inside_a_noun_is_no_clause_year() {
    // 125_gwr_2021_national_14th_targets.txt
    let imp = run("“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。我国发展仍然处于重要战略机遇期，但机遇和挑战都有新的发展变化。要准确把握新发展阶段，深入贯彻新发展理念，加快构建新发展格局，推动高质量发展，为全面建设社会主义现代化国家开好局起好步。根据《
中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议
》，国务院编制了《
国民经济和社会发展第十四个五年规划和2035年远景目标纲要（草案）
》。《纲要草案》坚持以习近平新时代中国特色社会主义思想为指导，实化量化“十四五”时期经济社会发展主要目标和重大任务，全文提交大会审查，这里概述几个方面。

——着力提升发展质量效益，保持经济持续健康发展。发展是解决我国一切问题的基础和关键。必须坚持新发展理念，把新发展理念完整、准确、全面贯穿发展全过程和各领域，引导各方面把工作重点放在提高发展质量和效益上，促进增长潜力充分发挥。经济运行保持在合理区间，各年度视情提出经济增长预期目标，全员劳动生
\u{200b}
产率增长高于国内生产总值增长，城镇调查失业率控制在5.5%以内，物价水平保持总体平稳，实现更高质量、更有效率、更加公平、更可持续、更为安全的发展。

——坚持创新驱动发展，加快发展现代产业体系。坚持创新在我国现代化建设全局中的核心地位，把科技自立自强作为国家发展的战略支撑。完善国家创新体系，加快构建以国家实验室为引领的战略科技力量，打好关键核心技术攻坚战，制定实施基础研究十年行动方案，提升企业技术创新能力，激发人才创新活力，完善科技创新体制机制，全社会研发经费投入年均增长7%以上、力争投入强度高于“十三五”时期实际。广泛开展科学普及活动。坚持把发展经济着力点放在实体经济上，推进产业基础高级化、产业链现代化，保持制造业比重基本稳定，改造提升传统产业，发展壮大战略性新兴产业，促进服务业繁荣发展。统筹推进传统基础设施和新型基础设施建设。加快数字化发展，打造数字经济新优势，协同推进数字产业化和产业数字化转型，加快数字社会建设步伐，提高数字政府建设水平，营造良好数字生态，建设数字中国。

——形成强大国内市场，构建新发展格局。把实施扩大内需战略同深化供给侧结构性改革有机结合起来，以创新驱动、高质量供给引领和创造新需求。破除制约要素合理流动的堵点，贯通生产、分配、流通、消费各环节，形成国民经济良性循环。立足国内大循环，协同推进强大国内市场和贸易强国建设，依托国内经济循环体系形成对全球要素资源的强大引力场，促进国内国际双循环。建立扩大内需的有效制度，全面促进消费，拓展投资空间，加快培育完整内需体系。

——全面推进乡村振兴，完善新型城镇化战略。坚持农业农村优先发展，严守18亿亩耕地红线，实施高标准农田建设工程、黑土地保护工程，确保种源安全，实施乡村建设行动，健全城乡融合发展体制机制。建立健全巩固拓展脱贫攻坚成果长效机制，提升脱贫地区整体发展水平。深入推进以人为核心的新型城镇化战略，加快农业转移人口市民化，常住人口城镇化率提高到65%，发展壮大城市群和都市圈，推进以县城为重要载体的城镇化建设，实施城市更新行动，完善住房市场体系和住房保障体系，提升城镇化发展质量。

——优化区域经济布局，促进区域协调发展。深入实施区域重大战略、区域协调发展战略、主体功能区战略，构建高质量发展的区域经济布局和国土空间支撑体系。扎实推动京津冀协同发展、长江经济带发展、粤港澳大湾区建设、长三角一体化发展、黄河流域生态保护和高质量发展，高标准、高质量建设雄安新区。推动西部大开发形成新格局，推动东北振兴取得新突破，促进中部地区加快崛起，鼓励东部地区加快推进现代化。推进成渝地区双城经济圈建设。支持革命老区、民族地区加快发展，加强边疆地区建设。积极拓展海洋经济发展空间。

——全面深化改革开放，持续增强发展动力和活力。构建高水平社会主义市场经济体制，激发各类市场主体活力，加快国有经济布局优化和结构调整，优化民营经济发展环境。建设高标准市场体系，全面完善产权制度，推进要素市场化配置改革，强化竞争政策基础地位，完善竞争政策框架。建立现代财税金融体制，提升政府经济治理能力。深化“放管服”改革，构建一流营商环境。建设更高水平开放型经济新体制，推动共建“一带一路”高质量发展，构建面向全球的高标准自由贸易区网络。

——推动绿色发展，促进人与自然和谐共生。坚持绿水青山就是金山银山理念，加强山水林田湖草系统治理，加快推进重要生态屏障建
\u{200b}
设，构建以国家公园为主体的自然保护地体系，森林覆盖率达到24.1%。持续改善环境质量，基本消除重污染天气和城市黑臭水体。落实2030年应对气候变化国家自主贡献目标。加快发展方式绿色转型，协同推进经济高质量发展和生态环境高水平保护，单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。");
    assert_eq!(years_of(&imp, 24.1), vec![Some(2025)]);
    assert_eq!(years_of(&imp, 13.5), vec![Some(2025)]);
    // 18亿亩耕地红线 and the 18% of CO₂.
    assert_eq!(years_of(&imp, 18.0), vec![Some(2025); 2]);
}

/// 分别增长7%、8%左右: one subject, two values, the 左右 written once for
/// both.
#[test]
fn respectively_with_one_subject_and_a_shared_bound() {
    // 121_xianyang_2023_guomin_jingji_jihua.txt
    let imp = run("2023年全市经济社会发展的总体要求是:以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党的二十大精神和习近平总书记来陕考察重要讲话重要指示,全面落实中央、省委经济工作会议部署,坚持稳中求进工作总基调,完整准确全面贯彻新发展理念,更好服务和融入新发展格局,更好统筹疫情防控和经济社会发展,更好统筹发展和安全,以落实全省开展“三个年”活动部署为抓手,紧扣全市高质量发展创新提升目标,纵深推进西安—咸阳一体化发展,加快打造秦创原科技成果转化先行区,全面深化改革开放,大力提振市场信心,突出做好稳增长、稳就业、稳物价工作,促进县域经济与乡村振兴互融互促、国有经济与民营经济互促并进,有效防范化解重大风险,实现经济质的有效提升和量的合理增长,加快建设现代化“西部名市丝路名都”,奋力谱写高质量发展新篇章。

主要预期目标是:生产总值增长6%左右,规模以上工业增加值增长7%左右,全社会固定资产投资增长8%左右,社会消费品零售总额增长9%左右,一般公共预算收入增长4%左右,城乡居民人均可支配收入分别增长7%、8%左右;居民消费价格涨幅3%左右;粮食产量保持在180万吨以上。");
    let income: Vec<_> = targets(&imp)
        .into_iter()
        .filter(|t| t.0.starts_with("城乡居民人均可支配收入"))
        .map(|t| (t.1, t.2, t.3))
        .collect();
    assert_eq!(
        income,
        vec![
            (Some(2023), 7.0, Bound::About),
            (Some(2023), 8.0, Bound::About)
        ]
    );
}

/// 突破3000亿元 in the headline, the lead and the report's words: one
/// target of 2025, not three.
#[test]
fn a_sum_stated_three_times_is_one_target() {
    // 127_zhaoqing_2025_gzbg_yuqi_mubiao_news.txt
    let imp = run("肇庆:2025年GDP力争突破3000亿元
南都讯 记者蔡雯 2025年,肇庆市要实现GDP(地区生产总值)增长5%左右,总量力争突破3000亿元。
2月20日,肇庆市第十四届人民代表大会第五次会议开幕,肇庆市市长许晓雄作政府工作报告时提出上述目标。
据悉,2024年,肇庆完成GDP2917.85亿元、同比增长2.2%。
报告指出,今年是“十四五”规划收官之年,肇庆将努力以自身工作的确定性应对形势变化的不确定性,确保地区生产总值突破3000亿元,在更高台阶、以更高标准推动各项工作,奋力开创肇庆高质量发展和现代化建设新局面。");
    assert_eq!(years_of(&imp, 3000.0), vec![Some(2025)]);
}

/// A list of indicators, each with its abbreviation, sharing one verb
/// (分别下降) after a comparison with the base year: one target each, for
/// the year the sentence opens with, not the base year; a unit written
/// out (微克每立方米).
#[test]
fn a_list_of_abbreviated_indicators_respectively_and_a_unit_written_out() {
    // 109_chaozhou_2019_lantian_baoweizhan_fangan.txt
    let imp = run("一、目标要求
到2020年,全市空气质量优良天数比例(AQI达标率)达到94%,细颗粒物(PM2.5)年均浓度控制在29微克每立方米以下,空气质量六项基本指标年评价浓度均达到国家二级标准。到2020年,全市二氧化硫(SO2)、氮氧化物(NOX)和挥发性有机物(VOCs)等主要污染物排放总量比2015年分别下降15%、10%和26%。");
    let t = targets(&imp);
    let find = |v: f64| {
        t.iter()
            .find(|x| x.2 == v)
            .map(|x| (x.0.as_str(), x.1, x.3))
    };
    assert_eq!(
        find(15.0),
        Some(("二氧化硫(SO2)下降", Some(2020), Bound::Eq)),
        "{t:?}"
    );
    assert_eq!(
        find(10.0),
        Some(("氮氧化物(NOX)下降", Some(2020), Bound::Eq)),
        "{t:?}"
    );
    assert_eq!(find(26.0).map(|x| x.1), Some(Some(2020)), "{t:?}");
    assert!(!find(26.0).unwrap().0.contains("分别"), "{t:?}");
    assert_eq!(
        find(29.0).map(|x| (x.1, x.2)),
        Some((Some(2020), Bound::Le)),
        "{t:?}"
    );
    assert_eq!(unit_of(&imp, 29.0), "ug/m3");
    // The base year is a note, not a target year.
    assert!(t.iter().all(|x| x.1 != Some(2015)), "{t:?}");
}

/// A length of years is a value where the indicator names one (平均受教育
/// 年限), from a base or alone; a year or a span of time is not.
#[test]
fn years_of_schooling_are_a_value() {
    // 124_gwr_2016_national_13th_targets.txt, lines 3 and 20
    let imp = run("二、“十三五”时期主要目标任务和重大举措\n——持续增进民生福祉，使全体人民共享发展成果。坚持以人民为中心的发展思想，努力补齐基本民生保障的短板，朝着共同富裕方向稳步前进。坚决打赢脱贫攻坚战，我国现行标准下的农村贫困人口实现脱贫，贫困县全部摘帽，解决区域性整体贫困。建立国家基本公共服务项目清单。建立健全更加公平更可持续的社会保障制度。实施义务教育学校标准化、普及高中阶段教育、建设世界一流大学和一流学科等工程，劳动年龄人口平均受教育年限从10.23年提高到10.8年。实现城镇新增就业5000万人以上。完善收入分配制度，缩小收入差距，提高中等收入人口比重。完善住房保障体系，城镇棚户区住房改造2000万套。推进健康中国建设，人均预期寿命提高1岁。积极应对人口老龄化。构建现代公共文化服务体系，实施公民道德建设、中华文化传承等工程。我们既要让人民的物质生活更殷实，又要让人民的精神生活更丰富。");
    assert_eq!(
        years_of(&imp, 10.8),
        vec![Some(2020)],
        "{:?}",
        targets(&imp)
    );
    assert!(years_of(&imp, 10.23).is_empty(), "{:?}", targets(&imp));
    // 125_gwr_2021_national_14th_targets.txt, lines 3 and 32
    let imp = run("二、“十三五”时期发展成就和“十四五”时期主要目标任务\n——持续增进民生福祉，扎实推动共同富裕。坚持尽力而为、量力而行，加强普惠性、基础性、兜底性民生建设，制定促进共同富裕行动纲要，让发展成果更多更公平惠及全体人民。实施就业优先战略，扩大就业容量。着力提高低收入群体收入，扩大中等收入群体，居民人均可支配收入增长与国内生产总值增长基本同步。建设高质量教育体系，建设高素质专业化教师队伍，深化教育改革，实施教育提质扩容工程，劳动年龄人口平均受教育年限提高到11.3年。全面推进健康中国建设，构建强大公共卫生体系，完善城乡医疗服务网络，广泛开展全民健身运动，人均预期寿命再提高1岁。实施积极应对人口老龄化国家战略，以“一老一小”为重点完善人口服务体系，优化生育政策，推动实现适度生育水平，发展普惠托育和基本养老服务体系，逐步延迟法定退休年龄。健全多层次社会保障体系，基本养老保险参保率提高到95%，优化社会救助和慈善制度。发展社会主义先进文化，提高社会文明程度，弘扬诚信文化，建设诚信社会，提升公共文化服务水平，健全现代文化产业体系。");
    assert_eq!(
        years_of(&imp, 11.3),
        vec![Some(2025)],
        "{:?}",
        targets(&imp)
    );
}

/// Values written before what they count, after an action: each value is
/// named by what follows it (not by the action alone), and a second one
/// after 和 is read too.
#[test]
fn values_before_what_they_count() {
    // 120_kaifeng_2020_zhizaoye_gaozhiliang_fangan.txt, line 8 of the body
    let imp = run("(二)发展目标。到2022年,制造业总量规模、产业结构、质量效益同步提升,初步形成以智能制造为引领、高端制造业为支撑的现代产业体系,全市制造业增加值占地区生产总值比重35%左右,规模以上工业企业研究开发与试验发展经费支出占营业收入比重达到1%以上,单位工业增加值能耗年均下降5%。到2025年,培育形成2个千亿级产业集群和6个五百亿级产业集群,力争实现全市8大重点产业集群总量超过五千亿规模,力争培育8—10个百亿企业。");
    let t = targets(&imp);
    let named = |v: f64| t.iter().find(|x| x.2 == v).map(|x| (x.0.clone(), x.1));
    assert_eq!(
        named(2.0),
        Some(("培育形成千亿级产业集群".to_string(), Some(2025))),
        "{t:?}"
    );
    assert_eq!(
        named(6.0),
        Some(("培育形成五百亿级产业集群".to_string(), Some(2025))),
        "{t:?}"
    );
}

/// An index has no unit: its target is read from a base to a value.
#[test]
fn an_index_without_a_unit() {
    // 129_14th_guojia_xinxihua_guihua_news.txt
    let imp = run("《规划》要求到2025年数字中国发展指数从2020年的85提高到95,并明确数字设施,创新能力,产业转型,政务服务四个方面十六个具体量化指标其中,数字设施方面,《规划》提出,到2025年,网民规模从2020年的9.89亿提高到12亿,5G用户普及率从2020年的15%提高到56%,1000M及以上速率的光纤接入用户从2020年640万户提高到6000万户,IPv6活跃用户数从2020年的4.62亿提高到8亿");
    let t = targets(&imp);
    let idx: Vec<_> = t.iter().filter(|x| x.0.contains("指数")).collect();
    assert_eq!(
        idx.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(),
        vec![(Some(2025), 95.0)],
        "{t:?}"
    );
}

/// Trees are counted in 株, written before what they count, after an
/// action with a bracket (新种（补种）2500株行道树).
#[test]
fn trees_counted_before_what_they_are() {
    // 116_putuo_shanghai_15th_lvhua_shirong_zhibiao.txt, line 239
    let imp = run("推动绿化建设增量提质，到2030年，累计新建绿地35万平方米,其中公园绿地17.5万平方米，持续推动口袋公园建设。新建立体绿化3.5万平方米，新种（补种）2500株行道树。推动绿化资源存量系统提升。增存并举构建全域功能复合的高品质公园城市体系。");
    let t = targets(&imp);
    let trees: Vec<_> = t.iter().filter(|x| x.2 == 2500.0).collect();
    assert_eq!(trees.len(), 1, "{t:?}");
    assert_eq!(trees[0].1, Some(2030), "{t:?}");
    assert!(trees[0].0.contains("行道树"), "{t:?}");
    assert_eq!(unit_of(&imp, 2500.0), "株");
}

/// 今年 in a report with no date: the year a sentence calls the present
/// (2013年是…开局之年; 今年是改革开放40周年). 去年 holds for its sentence
/// only, and the target explained again in a sentence of its own
/// (今年的经济增长目标定为7.5%左右) is not a second target.
#[test]
fn the_present_year_of_a_report_without_a_date() {
    // tests/corpus/dev/raw/302_gwr_2013_national_yuqi_mubiao.txt
    let imp = run("2013年是全面贯彻落实党的十八大精神的开局之年，是实施“十二五”规划承前启后的关键一年，是为全面建成小康社会奠定坚实基础的重要一年。

　　今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，发展的协调性进一步增强；居民消费价格涨幅3.5%左右；城镇新增就业900万人以上，城镇登记失业率低于4.6%；城乡居民人均收入实际增长与经济增长同步，劳动报酬增长和劳动生产率提高同步；国际收支状况进一步改善。这里，着重对经济增长和物价总水平两个指标作些说明。

　　关于经济增长目标。这是一个综合性指标，各方面高度关注。今年经济增长预期目标定为7.5%左右，主要基于两方面考虑：一方面，要继续抓住机遇、促进发展。这些年，我国制造业积累了较大产能，基础设施状况大为改善，支撑能力明显增强，储蓄率较高，劳动力总量仍然很大。必须优化配置和利用生产要素，保持合理的增长速度，为增加就业、改善民生提供必要条件，为转方式、调结构创造稳定环境；必须使经济增长与潜在增长率相协调，与生产要素的供给能力和资源环境的承受能力相适应。另一方面，要切实按照科学发展观的要求，引导各方面把工作重心放到加快转变经济发展方式和调整经济结构上，放到提高经济增长的质量和效益上，推动经济持续健康发展。综合权衡，今年的经济增长目标定为7.5%左右是必要的、适宜的，实现这个目标需要付出艰苦努力。

　　关于物价总水平。保持物价总水平基本稳定始终是宏观调控的重要目标。去年居民消费价格涨幅回落到2.6%，这是我们控制通货膨胀取得的一个重要成果，也与经济运行整体态势有关。今年通货膨胀压力仍然较大，主要是：我国土地、劳动力等要素价格，农产品和服务类价格都存在上涨压力；主要发达国家实行宽松货币政策并不断加码，输入性通货膨胀压力不容忽视；理顺能源资源价格需要留出一定空间；去年价格上涨的翘尾影响约有1个百分点。把居民消费价格涨幅控制在3.5%左右，是充分考虑各方面因素后作出的选择。要切实保障重要商品供给，搞活流通，降低物流成本，加强市场价格监管，保持物价总水平基本稳定。");
    assert_eq!(years_of(&imp, 7.5), vec![Some(2013)]);
    assert_eq!(years_of(&imp, 3.5), vec![Some(2013)]);
    assert_eq!(years_of(&imp, 900.0), vec![Some(2013)]);
    // Last year's price rise is no target of any year.
    assert!(years_of(&imp, 2.6).is_empty());
    // tests/corpus/dev/raw/304_gwr_2018_national_yuqi_mubiao.txt
    let imp = run("今年是全面贯彻党的十九大精神的开局之年，是改革开放40周年，是决胜全面建成小康社会、实施“十三五”规划承上启下的关键一年。
今年发展主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；城镇新增就业1100万人以上，城镇调查失业率5.5%以内，城镇登记失业率4.5%以内；居民收入增长和经济增长基本同步；进出口稳中向好，国际收支基本平衡；单位国内生产总值能耗下降3%以上，主要污染物排放量继续下降；供给侧结构性改革取得实质性进展，宏观杠杆率保持基本稳定，各类风险有序有效防控。");
    assert_eq!(years_of(&imp, 6.5), vec![Some(2018)]);
    assert_eq!(years_of(&imp, 1100.0), vec![Some(2018)]);
    assert!(
        years_of(&imp, 40.0).is_empty(),
        "an anniversary is no target"
    );
}

/// The units of task `number` and their roles.
fn units_of(imp: &Import, number: &str) -> Vec<(String, plan::Role)> {
    imp.tasks
        .iter()
        .find(|t| t.number == number)
        .map(crate::units)
        .unwrap_or_default()
}

/// A table copied as one row a line, its unit cell after the task's last
/// full stop and a space (…占GDP比重47.1%. 发改委), in a split of one
/// year's work: the tasks, their units and their values for that year.
#[test]
fn rows_on_a_line_with_the_units_last() {
    // tests/corpus/dev/raw/311_changshu_2018_changzhengbanfa32_zhengfu_gongzuo_renwu_fenjie.txt
    let text = "常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n\n一、经济社会发展主要预期目标分解(11项)

1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委

2 一般公共预算收入增长8%以上. 财政局

3 工业总产值增长4%,规模以上工业产值增长5%,工业增加值率提升0.5个百分点以上. 经信委

4 高新技术产业产值增长10%. 科技局

5 新兴产业产值占规上产业产值比重达50%. 经信委

6 全社会研发经费支出占GDP比重提高到2.8%. 科技局

7 全社会固定资产投资额550亿元,其中:工业技改投资增长10%,高新技术产业投资增长10%. 发改委、经信委、科技局

8 社会消费品零售总额增长8.5%左右,实际利用外资6亿美元,外贸进出口总额保持增长. 商务局";
    let imp = run(text);
    assert_eq!(imp.tasks.len(), 8);
    assert_eq!(
        units_of(&imp, "1"),
        vec![("发改委".to_string(), plan::Role::Lead)]
    );
    let seven: Vec<String> = units_of(&imp, "7").into_iter().map(|u| u.0).collect();
    assert_eq!(seven, ["发改委", "经信委", "科技局"]);
    assert_eq!(years_of(&imp, 47.1), vec![Some(2018)]);
    assert!(imp
        .report
        .guesses
        .iter()
        .any(|g| g.code == plan::import::GuessCode::YearOfTheWork));
}

/// One cell a line, each ending in " |", rows with no blank line between
/// them, an excerpt starting at row 80, a leader column (分 管 县领导) and
/// 牵头责任单位 / 责任单位 columns: lead and support.
#[test]
fn cells_ending_in_a_bar_from_row_80() {
    // tests/corpus/dev/raw/313_nanling_2024_gzbg_renwu_fenjiebiao_pipes.txt
    let imp = run("2024年《政府工作报告》重点工作目标任务分解表
附件
2024年《政府工作报告》重点工作目标任务分解表
序号 |
目标与任务 |
分 管 县领导 |
牵头责任单位 |
责任单位 |
80 |
极回应群众新期待新要求,加大普惠性托育供给,新增托位数400个以上,公办园在园幼儿占比60%以上。实施中小学办学能力提升工程,推动义务教育优质均衡发展。实施中小学办学能力提升工程,推动义务教育优质均衡发展。 |
俞 悦 |
县教育局 |
县各有关单位 |
81 |
保障芜职院现代物流智造学院秋季开学,支持芜湖科技工程学校发展,探索职业教育赋能区域发展路径。 |
陆 明俞 悦 |
县教育局 |
县各有关单位 |
");
    assert_eq!(imp.tasks.len(), 2);
    for n in ["80", "81"] {
        assert_eq!(
            units_of(&imp, n),
            vec![
                ("县教育局".to_string(), plan::Role::Lead),
                ("县各有关单位".to_string(), plan::Role::Support)
            ]
        );
    }
    assert_eq!(imp.leaders.len(), 2, "the leaders are no units");
}

/// One cell a line with blank lines between cells (the header's too),
/// category headings between rows, rows numbered 3, 68, 69: 主要责任单位
/// leads, 协同配合单位 support; a unit cell's full stop is no part of a name.
#[test]
fn cells_between_blank_lines_under_headings() {
    // tests/corpus/dev/raw/314_qiaocheng_2025_jiaoyuju_gzbg_renwu_fenjiebiao.txt
    let imp = run("序号

重点工作任务

主要责任单位

协同配合单位

一、2025年经济社会发展的主要预期目标

3

固定资产投资增长7.5%左右。

区发改委

区工信局、区住建局、区交通局、区水利局、区农业农村局、区教育局、区卫健委,各乡镇人民政府、街道办事处,谯城经开区管委会,魏武国控集团。

二、全力以赴扩投资、优服务,筑牢经济增长根基

三、全力以赴延链条、壮集群,构建现代产业体系

四、全力以赴增动能、聚人气,激发改革创新活力

五、全力以赴促融合、护生态,打造宜居宜业家园

六、全力以赴惠民生、增福祉,加快社会事业发展

68

持续推进学前教育普及普惠、义务教育优质均衡发展,加快建设黎明小学、亳州四中等扩建教学楼项目。

区教育局

区政府有关部门,各乡镇人民政府、街道办事处。

69

深化与海亮集团合作,积极引进优质教育资源。

区教育局

区投资促进中心。

73

大力推进“安心托幼”,全区托位数提高至560
");
    let numbers: Vec<&str> = imp.tasks.iter().map(|t| t.number.as_str()).collect();
    assert_eq!(numbers, ["3", "68", "69", "73"]);
    assert_eq!(
        units_of(&imp, "69"),
        vec![
            ("区教育局".to_string(), plan::Role::Lead),
            ("区投资促进中心".to_string(), plan::Role::Support)
        ]
    );
    assert_eq!(units_of(&imp, "3").len(), 12);
    assert_eq!(
        imp.tasks[1].category,
        "全力以赴惠民生、增福祉,加快社会事业发展"
    );
}
