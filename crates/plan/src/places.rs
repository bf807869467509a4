//! Places and spatial elements the plans name, each with the sentence that
//! names it. Coordinates (WGS84) are attached by the map layer's geodata.

use serde::Serialize;

use super::text::sentence_of;
use super::{Document, Lines};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// 地级市.
    City,
    /// 县、县级市.
    County,
    /// 镇、街道、片区.
    Town,
    /// 经开区、高新区、产业园.
    Park,
    /// 新城、示范区、科技城、功能区.
    Zone,
    /// 港区、港口.
    Port,
    Airport,
    Station,
    /// 长株潭生态绿心.
    GreenHeart,
    /// 湘江发展轴、319国道发展轴、走廊.
    Axis,
    /// 三带.
    Belt,
    /// 多组团.
    Cluster,
    /// 特色小镇.
    FeatureTown,
}

impl PlaceKind {
    pub fn key(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::County => "county",
            PlaceKind::Town => "town",
            PlaceKind::Park => "park",
            PlaceKind::Zone => "zone",
            PlaceKind::Port => "port",
            PlaceKind::Airport => "airport",
            PlaceKind::Station => "station",
            PlaceKind::GreenHeart => "green_heart",
            PlaceKind::Axis => "axis",
            PlaceKind::Belt => "belt",
            PlaceKind::Cluster => "cluster",
            PlaceKind::FeatureTown => "feature_town",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    pub document: String,
    /// The verbatim sentence that names (or defines) the place.
    pub quote: String,
    pub lines: Lines,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    /// Where lon/lat come from: "geonames:<id>", "airportsdata:<ICAO>",
    /// "approximate" (placed by hand) or "centre-of-members".
    pub coord_source: Option<String>,
    /// The structural element the place belongs to (a cluster, a belt, a bank).
    pub parent: Option<String>,
}

use PlaceKind::*;

/// (id, name as written, kind, doc code, verbatim snippet holding the name
/// in its defining sentence, parent element id)
type Rec = (
    &'static str,
    &'static str,
    PlaceKind,
    &'static str,
    &'static str,
    Option<&'static str>,
);

const RECORDS: &[Rec] = &[
    // 规划范围与中心区 (001 preamble).
    ("changsha", "长沙市", City, "001", "规划范围包括长沙市、株洲市、湘潭市全域", None),
    ("zhuzhou", "株洲市", City, "001", "规划范围包括长沙市、株洲市、湘潭市全域", None),
    ("xiangtan", "湘潭市", City, "001", "规划范围包括长沙市、株洲市、湘潭市全域", None),
    ("changsha-county", "长沙县", County, "001", "长沙县全域以及湘潭县易俗河镇为中心区", Some("central-area")),
    ("yisuhe", "易俗河镇", Town, "001", "湘潭县易俗河镇为中心区", Some("central-area")),
    ("central-area", "中心区", Zone, "001", "以三市中心城区、长沙县全域以及湘潭县易俗河镇为中心区", None),
    // 一心.
    ("green-heart", "长株潭生态绿心", GreenHeart, "001", "以长株潭生态绿心为核心(总面积528.32平方公里)", None),
    ("datuo", "大托", Town, "001", "联动周边大托、暮云、跳马、云龙、昭山等区域,大力发展", Some("green-heart")),
    ("muyun", "暮云", Town, "001", "联动周边大托、暮云、跳马、云龙、昭山等区域,大力发展", Some("green-heart")),
    ("tiaoma", "跳马", Town, "001", "联动周边大托、暮云、跳马、云龙、昭山等区域,大力发展", Some("green-heart")),
    ("yunlong", "云龙", Town, "001", "联动周边大托、暮云、跳马、云龙、昭山等区域,大力发展", Some("green-heart")),
    ("zhaoshan", "昭山", Town, "001", "联动周边大托、暮云、跳马、云龙、昭山等区域,大力发展", Some("green-heart")),
    // 一轴.
    ("xiang-axis", "湘江发展轴", Axis, "001", "一轴:串联三市主城区的湘江发展轴", None),
    ("jinxia-etdz", "金霞经开区", Park, "001", "联动金霞经开区、长沙经开区、湘潭高新区", Some("east-bank")),
    ("changsha-etdz", "长沙经开区", Park, "001", "联动金霞经开区、长沙经开区、湘潭高新区", Some("east-bank")),
    ("xiangtan-hitech", "湘潭高新区", Park, "001", "联动金霞经开区、长沙经开区、湘潭高新区", Some("east-bank")),
    ("yuetang-etdz", "岳塘经开区", Park, "001", "湘潭高新区、岳塘经开区、株洲经开区、渌口经开区等区域", Some("east-bank")),
    ("zhuzhou-etdz", "株洲经开区", Park, "001", "湘潭高新区、岳塘经开区、株洲经开区、渌口经开区等区域", Some("east-bank")),
    ("lukou-etdz", "渌口经开区", Park, "001", "湘潭高新区、岳塘经开区、株洲经开区、渌口经开区等区域", Some("east-bank")),
    ("malanshan", "马栏山视频文创产业园", Park, "001", "加快马栏山视频文创产业园、长沙临空经济示范区建设", Some("east-bank")),
    ("airport-economy-zone", "长沙临空经济示范区", Zone, "001", "加快马栏山视频文创产业园、长沙临空经济示范区建设", Some("east-bank")),
    ("yuelushan-science-city", "岳麓山国家大学科技城", Zone, "001", "高水平建设岳麓山国家大学科技城", Some("west-bank")),
    ("wangcheng-etdz", "望城经开区", Park, "001", "联动望城经开区、长沙高新区、湘潭经开区", Some("west-bank")),
    ("changsha-hitech", "长沙高新区", Park, "001", "联动望城经开区、长沙高新区、湘潭经开区", Some("west-bank")),
    ("xiangtan-etdz", "湘潭经开区", Park, "001", "联动望城经开区、长沙高新区、湘潭经开区", Some("west-bank")),
    ("zhuzhou-hitech", "株洲高新区", Park, "001", "湘潭经开区、株洲高新区、雨湖工业集中区、天易经开区等区域", Some("west-bank")),
    ("yuhu-industrial", "雨湖工业集中区", Park, "001", "湘潭经开区、株洲高新区、雨湖工业集中区、天易经开区等区域", Some("west-bank")),
    ("tianyi-etdz", "天易经开区", Park, "001", "湘潭经开区、株洲高新区、雨湖工业集中区、天易经开区等区域", Some("west-bank")),
    ("east-bank", "湘江东岸", Zone, "001", "湘江东岸,依托区域重大交通基础设施", Some("xiang-axis")),
    ("west-bank", "湘江西岸", Zone, "001", "湘江西岸,依托湘江沿岸教育科创资源", Some("xiang-axis")),
    // 三带.
    ("central-belt", "中部(京广)发展带", Belt, "001", "中部(京广)发展带,依托京广高铁、京港澳高速", None),
    ("northern-belt", "北部(渝长厦)发展带", Belt, "001", "北部(渝长厦)发展带,依托渝长厦高铁、杭长高速、长张高速", None),
    ("southern-belt", "南部(沪昆)发展带", Belt, "001", "南部(沪昆)发展带,依托沪昆高速", None),
    ("airport-hsr-city", "空港—高铁新城", Zone, "001", "聚联空港—高铁新城、雨花经开区、云龙新城、渌口经开区等区域", Some("central-belt")),
    ("yuhua-etdz", "雨花经开区", Park, "001", "聚联空港—高铁新城、雨花经开区、云龙新城、渌口经开区等区域", Some("central-belt")),
    ("yunlong-new-city", "云龙新城", Zone, "001", "聚联空港—高铁新城、雨花经开区、云龙新城、渌口经开区等区域", Some("central-belt")),
    ("ningxiang-etdz", "宁乡经开区", Park, "001", "以长沙高新区、宁乡经开区、长沙经开区、望城经开区、浏阳经开区为空间支撑", Some("northern-belt")),
    ("liuyang-etdz", "浏阳经开区", Park, "001", "以长沙高新区、宁乡经开区、长沙经开区、望城经开区、浏阳经开区为空间支撑", Some("northern-belt")),
    ("liling-etdz", "醴陵经开区", Park, "001", "株洲经开区、醴陵经开区为空间支撑", Some("southern-belt")),
    ("yueyang", "岳阳", City, "001", "辐射带动岳阳等周边市和湘阴等相关县市", Some("central-belt")),
    ("xiangyin", "湘阴", County, "001", "辐射带动岳阳等周边市和湘阴等相关县市", Some("central-belt")),
    ("hengyang", "衡阳", City, "001", "联动衡阳、郴州,全面对接粤港澳大湾区", Some("central-belt")),
    ("chenzhou", "郴州", City, "001", "联动衡阳、郴州,全面对接粤港澳大湾区", Some("central-belt")),
    // 多组团.
    ("ningxiang-cluster", "宁乡城镇组团", Cluster, "001", "宁乡城镇组团,依托宁乡主城区", None),
    ("ningxiang", "宁乡主城区", County, "001", "宁乡城镇组团,依托宁乡主城区", Some("ningxiang-cluster")),
    ("jinzhou-new-city", "金洲新城", Town, "001", "依托宁乡主城区、金洲新城、黄材、灰汤、花明楼等重要节点", Some("ningxiang-cluster")),
    ("huangcai", "黄材", Town, "001", "依托宁乡主城区、金洲新城、黄材、灰汤、花明楼等重要节点", Some("ningxiang-cluster")),
    ("huitang", "灰汤", Town, "001", "依托宁乡主城区、金洲新城、黄材、灰汤、花明楼等重要节点", Some("ningxiang-cluster")),
    ("huaminglou", "花明楼", Town, "001", "依托宁乡主城区、金洲新城、黄材、灰汤、花明楼等重要节点", Some("ningxiang-cluster")),
    ("liuyang-cluster", "浏阳城镇组团", Cluster, "001", "浏阳城镇组团,依托浏阳主城区", None),
    ("liuyang", "浏阳主城区", County, "001", "浏阳城镇组团,依托浏阳主城区", Some("liuyang-cluster")),
    ("jinyang-new-city", "金阳新城", Town, "001", "依托浏阳主城区、金阳新城、大瑶、社港、镇头、沿溪、柏加等重要节点", Some("liuyang-cluster")),
    ("dayao", "大瑶", Town, "001", "依托浏阳主城区、金阳新城、大瑶、社港、镇头、沿溪、柏加等重要节点", Some("liuyang-cluster")),
    ("shegang", "社港", Town, "001", "依托浏阳主城区、金阳新城、大瑶、社港、镇头、沿溪、柏加等重要节点", Some("liuyang-cluster")),
    ("zhentou", "镇头", Town, "001", "依托浏阳主城区、金阳新城、大瑶、社港、镇头、沿溪、柏加等重要节点", Some("liuyang-cluster")),
    ("yanxi", "沿溪", Town, "001", "依托浏阳主城区、金阳新城、大瑶、社港、镇头、沿溪、柏加等重要节点", Some("liuyang-cluster")),
    ("baijia", "柏加", Town, "001", "依托浏阳主城区、金阳新城、大瑶、社港、镇头、沿溪、柏加等重要节点", Some("liuyang-cluster")),
    ("shaoshan-xiangxiang-cluster", "韶山—湘乡组团", Cluster, "001", "韶山—湘乡组团,立足红色旅游资源和产业基础", None),
    ("shaoshan", "韶山", County, "001", "韶山—湘乡组团,立足红色旅游资源和产业基础", Some("shaoshan-xiangxiang-cluster")),
    ("xiangxiang", "湘乡", County, "001", "韶山—湘乡组团,立足红色旅游资源和产业基础", Some("shaoshan-xiangxiang-cluster")),
    ("liling-youxian-cluster", "醴陵—攸县组团", Cluster, "001", "醴陵—攸县组团,加快传统产业转型升级", None),
    ("liling", "醴陵", County, "001", "醴陵—攸县组团,加快传统产业转型升级", Some("liling-youxian-cluster")),
    ("youxian", "攸县", County, "001", "醴陵—攸县组团,加快传统产业转型升级", Some("liling-youxian-cluster")),
    ("chaling-yanling-cluster", "茶陵—炎陵组团", Cluster, "001", "茶陵—炎陵组团,依托红色文化、绿色资源和产业基础", None),
    ("chaling", "茶陵", County, "001", "茶陵—炎陵组团,依托红色文化、绿色资源和产业基础", Some("chaling-yanling-cluster")),
    ("yanling", "炎陵", County, "001", "茶陵—炎陵组团,依托红色文化、绿色资源和产业基础", Some("chaling-yanling-cluster")),
    // 交通枢纽.
    ("huanghua-airport", "长沙黄花机场", Airport, "001", "加快长沙黄花机场改扩建工程建设", None),
    ("xianing-port", "霞凝港区", Port, "001", "加快建设霞凝港区、铜官港区、铜塘湾港区和铁牛埠港区等重要港区", None),
    ("tongguan-port", "铜官港区", Port, "001", "加快建设霞凝港区、铜官港区、铜塘湾港区和铁牛埠港区等重要港区", None),
    ("tongtangwan-port", "铜塘湾港区", Port, "001", "加快建设霞凝港区、铜官港区、铜塘湾港区和铁牛埠港区等重要港区", None),
    ("tieniubu-port", "铁牛埠港区", Port, "001", "加快建设霞凝港区、铜官港区、铜塘湾港区和铁牛埠港区等重要港区", None),
    ("changsha-west-station", "长沙西", Station, "001", "建设长沙西—湘潭北—株洲西、长沙南—黄花机场联络线", None),
    ("xiangtan-north-station", "湘潭北", Station, "001", "建设长沙西—湘潭北—株洲西、长沙南—黄花机场联络线", None),
    ("zhuzhou-west-station", "株洲西", Station, "001", "建设长沙西—湘潭北—株洲西、长沙南—黄花机场联络线", None),
    ("changsha-south-station", "长沙南", Station, "001", "建设长沙西—湘潭北—株洲西、长沙南—黄花机场联络线", None),
    // 科创谷与生态治理点 (001).
    ("lugu", "长沙麓谷创新谷", Zone, "001", "长沙麓谷创新谷、株洲中国动力谷、湘潭智造谷成为中国制造新名片", None),
    ("power-valley", "株洲中国动力谷", Zone, "001", "长沙麓谷创新谷、株洲中国动力谷、湘潭智造谷成为中国制造新名片", None),
    ("zhizao-valley", "湘潭智造谷", Zone, "001", "长沙麓谷创新谷、株洲中国动力谷、湘潭智造谷成为中国制造新名片", None),
    ("qingshuitang", "清水塘", Town, "001", "株洲清水塘、湘潭竹埠港环境污染第三方治理试点顺利验收", None),
    ("zhubugang", "竹埠港", Town, "001", "株洲清水塘、湘潭竹埠港环境污染第三方治理试点顺利验收", None),
    // 000: 湘江新区 and its new sections.
    ("xiangyin-section", "湘阴新片区", Zone, "000", "布局建设湘阴、湘潭九华新片区", Some("xiangjiang-new-area")),
    ("jiuhua-section", "湘潭九华新片区", Zone, "000", "布局建设湘阴、湘潭九华新片区", Some("xiangjiang-new-area")),
    ("yugong-port", "虞公港", Port, "000", "支持新区依托虞公港建设3000吨级", Some("xiangjiang-new-area")),
    ("meixihu-gene-valley", "梅溪湖基因谷", Zone, "000", "长沙麓谷创新谷、梅溪湖基因谷、尖山及湘潭经开区军民融合创新产业园", Some("xiangjiang-new-area")),
    ("yanghu", "洋湖", Zone, "000", "加快推进洋湖、湖南金融中心、梅溪湖二期、滨水新城、高铁西城等建设", Some("xiangjiang-new-area")),
    ("hunan-finance-center", "湖南金融中心", Zone, "000", "加快推进洋湖、湖南金融中心、梅溪湖二期、滨水新城、高铁西城等建设", Some("xiangjiang-new-area")),
    ("binshui-new-city", "滨水新城", Zone, "000", "加快推进洋湖、湖南金融中心、梅溪湖二期、滨水新城、高铁西城等建设", Some("xiangjiang-new-area")),
    ("hsr-west-city", "高铁西城", Zone, "000", "加快推进洋湖、湖南金融中心、梅溪湖二期、滨水新城、高铁西城等建设", Some("xiangjiang-new-area")),
    ("dawangshan", "大王山", Zone, "000", "加快大王山、龙王港等重大生态工程建设", Some("xiangjiang-new-area")),
    ("longwanggang", "龙王港", Zone, "000", "加快大王山、龙王港等重大生态工程建设", Some("xiangjiang-new-area")),
    ("xiangtan-bonded-zone", "湘潭综合保税区", Zone, "000", "支持新区依托湘潭综合保税区建设跨境货物集散分拨中心", None),
    // 002: the 2021 work report.
    ("xiangjiang-new-area", "湖南湘江新区", Zone, "002", "湖南湘江新区梅溪湖片区", None),
    ("g319-axis", "319国道先进制造业发展轴", Axis, "002", "围绕做强319国道先进制造业发展轴和构建湘江科创走廊", Some("xiangjiang-new-area")),
    ("xiangjiang-corridor", "湘江科创走廊", Axis, "002", "围绕做强319国道先进制造业发展轴和构建湘江科创走廊", Some("xiangjiang-new-area")),
    ("rongcheng-town", "湘江融城小镇", FeatureTown, "002", "沿湘江西岸从南至北,建设湘江融城小镇、湘江通航小镇、湘江基金小镇、湘江体育小镇、湘江海归小镇", Some("xiangjiang-new-area")),
    ("tonghang-town", "湘江通航小镇", FeatureTown, "002", "沿湘江西岸从南至北,建设湘江融城小镇、湘江通航小镇、湘江基金小镇、湘江体育小镇、湘江海归小镇", Some("xiangjiang-new-area")),
    ("jijin-town", "湘江基金小镇", FeatureTown, "002", "沿湘江西岸从南至北,建设湘江融城小镇、湘江通航小镇、湘江基金小镇、湘江体育小镇、湘江海归小镇", Some("xiangjiang-new-area")),
    ("tiyu-town", "湘江体育小镇", FeatureTown, "002", "沿湘江西岸从南至北,建设湘江融城小镇、湘江通航小镇、湘江基金小镇、湘江体育小镇、湘江海归小镇", Some("xiangjiang-new-area")),
    ("haigui-town", "湘江海归小镇", FeatureTown, "002", "沿湘江西岸从南至北,建设湘江融城小镇、湘江通航小镇、湘江基金小镇、湘江体育小镇、湘江海归小镇", Some("xiangjiang-new-area")),
    ("meixihu-phase2", "梅溪湖二期", Zone, "002", "将梅溪湖二期打造成为长沙最具品质的国际社区", Some("xiangjiang-new-area")),
    ("yanghu-hq", "洋湖总部经济区", Zone, "002", "以洋湖总部经济区、高铁西产城融合示范区", Some("xiangjiang-new-area")),
    ("dazehu", "望城大泽湖", Town, "002", "强化望城大泽湖和洋湖联动,加快建设海归小镇", Some("xiangjiang-new-area")),
    ("xiangjiang-innovation-base", "湘江科创基地", Zone, "002", "加快建设湘江科创基地、中南大学科技转化基地", Some("xiangjiang-new-area")),
];

/// Every curated place with its defining sentence; places whose snippet is
/// missing from their document are left out (a test asserts there are none).
pub fn build(documents: &[Document]) -> Vec<Place> {
    RECORDS
        .iter()
        .filter_map(|(id, name, kind, code, snippet, parent)| {
            let doc = documents.iter().find(|d| d.code == *code)?;
            let (quote, lines) = sentence_of(&doc.text, snippet)?;
            Some(Place {
                id: id.to_string(),
                name: name.to_string(),
                kind: *kind,
                document: doc.id.clone(),
                quote,
                lines,
                lon: None,
                lat: None,
                coord_source: None,
                parent: parent.map(str::to_string),
            })
        })
        .collect()
}

/// The records as (id, name, snippet), for tests.
pub fn records() -> impl Iterator<Item = (&'static str, &'static str, &'static str, &'static str)> {
    RECORDS.iter().map(|r| (r.0, r.1, r.3, r.4))
}

/// The names a task may use for a place: its full name, or (for some kinds)
/// its name without a generic ending: 长沙市 → 长沙, 易俗河镇 → 易俗河,
/// 宁乡主城区 → 宁乡, 湘阴新片区 → 湘阴. 长沙县 stays 长沙县.
fn names_of(p: &Place) -> Vec<String> {
    let mut names = vec![p.name.clone()];
    let endings: &[&str] = match p.kind {
        PlaceKind::City => &["市"],
        PlaceKind::Town => &["镇"],
        PlaceKind::County => &["主城区"],
        PlaceKind::Zone => &["新片区"],
        _ => &[],
    };
    for e in endings {
        if let Some(head) = p.name.strip_suffix(e) {
            if head.chars().count() >= 2 {
                names.push(head.to_string());
            }
        }
    }
    names
}

/// The tasks whose text or targets name a place or, for a structural element
/// (cluster, belt, axis, area), one of its members.
pub fn tasks_naming<'a>(ds: &'a super::Dataset, p: &Place) -> Vec<&'a super::Task> {
    let mut names = names_of(p);
    for m in ds
        .places
        .iter()
        .filter(|m| m.parent.as_deref() == Some(&p.id))
    {
        names.extend(names_of(m));
    }
    ds.tasks
        .iter()
        .filter(|t| {
            names.iter().any(|n| {
                t.text.contains(n.as_str()) || t.targets.iter().any(|x| x.text.contains(n.as_str()))
            })
        })
        .collect()
}
