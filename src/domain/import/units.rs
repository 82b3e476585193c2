//! Unit, currency and scale from a column header: "Revenue (亿元)" is yuan in 亿 (1e8),
//! "GDP, US$ million" dollars in millions, "Users (万)" a count in 万 (1e4), "Share (%)" a
//! percentage (stored as a fraction, so scale 0.01). The header without its unit part names
//! the series ("Revenue").

use crate::domain::schema::{CountNoun, Unit};

/// What a header says about its values.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct HeaderUnit {
    pub unit: Option<Unit>,
    /// The multiplier and the word that gave it ("亿", "million", "%").
    pub scale: Option<(f64, String)>,
    /// The header's words that gave the unit ("US$", "元", "users").
    pub unit_word: Option<String>,
}

/// Currency words, longest and most specific first (美元 before 元, US$ before $).
const CURRENCIES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("USD", "USD"),
    ("美元", "USD"),
    ("HK$", "HKD"),
    ("HKD", "HKD"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("港幣", "HKD"),
    ("NT$", "TWD"),
    ("TWD", "TWD"),
    ("新台币", "TWD"),
    ("新臺幣", "TWD"),
    ("新台幣", "TWD"),
    ("S$", "SGD"),
    ("SGD", "SGD"),
    ("A$", "AUD"),
    ("AUD", "AUD"),
    ("C$", "CAD"),
    ("CAD", "CAD"),
    ("JPY", "JPY"),
    ("日元", "JPY"),
    ("日圆", "JPY"),
    ("円", "JPY"),
    ("yen", "JPY"),
    ("KRW", "KRW"),
    ("韩元", "KRW"),
    ("韓元", "KRW"),
    ("₩", "KRW"),
    ("INR", "INR"),
    ("₹", "INR"),
    ("CHF", "CHF"),
    ("EUR", "EUR"),
    ("欧元", "EUR"),
    ("歐元", "EUR"),
    ("€", "EUR"),
    ("euro", "EUR"),
    ("GBP", "GBP"),
    ("英镑", "GBP"),
    ("英鎊", "GBP"),
    ("£", "GBP"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("元", "CNY"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("euros", "EUR"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("$", "USD"),
];

/// Chinese multipliers, longest first.
const CHINESE_SCALES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("千亿", 1e11),
    ("千億", 1e11),
    ("百亿", 1e10),
    ("百億", 1e10),
    ("十亿", 1e9),
    ("十億", 1e9),
    ("亿", 1e8),
    ("億", 1e8),
    ("千万", 1e7),
    ("千萬", 1e7),
    ("百万", 1e6),
    ("百萬", 1e6),
    ("十万", 1e5),
    ("十萬", 1e5),
    ("万", 1e4),
    ("萬", 1e4),
];

/// English multiplier words (whole words, case-insensitive). The one-letter forms count only
/// in a unit part ("(US$ m)", "GDP, € bn").
const ENGLISH_SCALES: &[(&str, f64, bool)] = &[
    ("thousand", 1e3, false),
    ("thousands", 1e3, false),
    ("000", 1e3, true),
    ("000s", 1e3, true),
    ("k", 1e3, true),
    ("million", 1e6, false),
    ("millions", 1e6, false),
    ("mn", 1e6, true),
    ("mln", 1e6, true),
    ("mio", 1e6, true),
    ("mm", 1e6, true),
    ("m", 1e6, true),
    ("billion", 1e9, false),
    ("billions", 1e9, false),
    ("bn", 1e9, true),
    ("bln", 1e9, true),
    ("b", 1e9, true),
    ("trillion", 1e12, false),
    ("trillions", 1e12, false),
    ("tn", 1e12, true),
    ("trn", 1e12, true),
];

/// Count nouns: (word in the header, en, zh-Hans, zh-Hant).
const COUNT_WORDS: &[(&str, &str, &str, &str)] = &[
    ("users", "users", "用户", "用戶"),
    ("用户", "users", "用户", "用戶"),
    ("用戶", "users", "用户", "用戶"),
    ("customers", "customers", "客户", "客戶"),
    ("客户", "customers", "客户", "客戶"),
    ("subscribers", "subscribers", "订户", "訂戶"),
    ("people", "people", "人", "人"),
    ("persons", "people", "人", "人"),
    ("population", "people", "人", "人"),
    ("人口", "people", "人", "人"),
    ("人数", "people", "人", "人"),
    ("人數", "people", "人", "人"),
    ("employees", "employees", "员工", "員工"),
    ("员工", "employees", "员工", "員工"),
    ("households", "households", "户", "戶"),
    ("户数", "households", "户", "戶"),
    ("stores", "stores", "家门店", "家門店"),
    ("门店", "stores", "家门店", "家門店"),
    ("companies", "companies", "家企业", "家企業"),
    ("firms", "companies", "家企业", "家企業"),
    ("企业数", "companies", "家企业", "家企業"),
    ("units", "units", "台", "台"),
    ("vehicles", "vehicles", "辆", "輛"),
    ("visitors", "visitors", "人次", "人次"),
    ("devices", "devices", "台", "台"),
];

/// Measure words after a Chinese multiplier ("万人", "(户)").
const MEASURE_WORDS: &[(&str, &str, &str, &str)] = &[
    ("人次", "visits", "人次", "人次"),
    ("人", "people", "人", "人"),
    ("户", "households", "户", "戶"),
    ("戶", "households", "户", "戶"),
    ("家", "businesses", "家", "家"),
    ("台", "units", "台", "台"),
    ("辆", "vehicles", "辆", "輛"),
    ("輛", "vehicles", "辆", "輛"),
    ("个", "units", "个", "個"),
    ("個", "units", "个", "個"),
    ("件", "items", "件", "件"),
    ("套", "sets", "套", "套"),
    ("部", "units", "部", "部"),
    ("名", "people", "名", "名"),
];

const PERCENT_WORDS: &[&str] = &["%", "％", "percent", "per cent", "pct", "百分比"];

/// Splits a header into its name and its unit part: a final bracketed group ("Revenue
/// (亿元)", "GDP [US$ bn]"), the part after a last comma ("GDP, US$ million"), after "单位："
/// or "Unit:", or a Chinese unit suffix ("营收亿元"). `None` when there is no such part.
pub(crate) fn split_unit(header: &str) -> Option<(String, String)> {
    let h = header.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if h.ends_with(close) {
            if let Some(at) = h.rfind(open) {
                let inner = &h[at + open.len_utf8()..h.len() - close.len_utf8()];
                return Some((h[..at].trim().to_string(), inner.trim().to_string()));
            }
        }
    }
    for marker in [
        "单位：",
        "单位:",
        "單位：",
        "單位:",
        "Unit:",
        "unit:",
        "Units:",
        "units:",
    ] {
        if let Some(at) = h.find(marker) {
            let name = h[..at]
                .trim()
                .trim_end_matches([',', '，', ';', '；'])
                .trim();
            return Some((name.to_string(), h[at + marker.len()..].trim().to_string()));
        }
    }
    if let Some(at) = h.rfind([',', '，']) {
        let sep = h[at..].chars().next().map_or(1, char::len_utf8);
        let part = h[at + sep..].trim();
        if !part.is_empty() {
            return Some((h[..at].trim().to_string(), part.to_string()));
        }
    }
    // A bare Chinese suffix: the longest tail made of multipliers and currency words.
    let tails = [
        "万亿元",
        "亿美元",
        "万美元",
        "亿元",
        "万元",
        "千元",
        "美元",
        "亿",
        "万",
        "元",
        "万人",
        "亿人",
        "%",
    ];
    for tail in tails {
        if let Some(name) = h.strip_suffix(tail) {
            if !name.trim().is_empty() {
                return Some((name.trim().to_string(), tail.to_string()));
            }
        }
    }
    None
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches('\'').to_lowercase())
        .collect()
}

/// Whether an ASCII `needle` occurs in `hay` as a word of its own (not inside "Revenue"),
/// allowing symbols and digits around it ("US$m", "$bn").
fn has_word(hay: &str, needle: &str) -> bool {
    let lower = hay.to_lowercase();
    let n = needle.to_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&n) {
        let start = from + at;
        let end = start + n.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_ascii());
        if !letter(before) && !letter(after) {
            return true;
        }
        from = end;
    }
    false
}

fn contains(hay: &str, needle: &str) -> bool {
    if needle.chars().all(|c| c.is_ascii_alphabetic()) {
        has_word(hay, needle)
    } else {
        hay.contains(needle)
    }
}

/// The English for one of each noun the tables above write ("1 user", "1 person").
const ENGLISH_ONE: &[(&str, &str)] = &[
    ("users", "user"),
    ("customers", "customer"),
    ("subscribers", "subscriber"),
    ("people", "person"),
    ("employees", "employee"),
    ("households", "household"),
    ("stores", "store"),
    ("companies", "company"),
    ("units", "unit"),
    ("vehicles", "vehicle"),
    ("visitors", "visitor"),
    ("devices", "device"),
    ("visits", "visit"),
    ("businesses", "business"),
    ("items", "item"),
    ("sets", "set"),
];

/// An English noun a reader gives a count ("users"), with its singular where the table above
/// knows it.
pub fn english_count_noun(en: &str) -> CountNoun {
    CountNoun {
        en: en.to_string(),
        en_one: ENGLISH_ONE
            .iter()
            .find(|(many, _)| *many == en)
            .map(|(_, one)| one.to_string()),
        ..Default::default()
    }
}

fn count_unit(en: &str, hans: &str, hant: &str) -> Unit {
    Unit::Count(CountNoun {
        zh_hans: Some(hans.to_string()),
        zh_hant: Some(hant.to_string()),
        ..english_count_noun(en)
    })
}

/// Reads a value column's header.
pub(crate) fn header_unit(header: &str) -> HeaderUnit {
    let mut out = HeaderUnit::default();
    let part = split_unit(header).map(|(_, p)| p);
    // Prefer the unit part; fall back to the whole header for unambiguous words.
    let scopes: Vec<(&str, bool)> = match &part {
        Some(p) => vec![(p.as_str(), true), (header, false)],
        None => vec![(header, false)],
    };
    for &(scope, is_part) in &scopes {
        if out.scale.is_none() {
            if let Some(&(word, s)) = CHINESE_SCALES.iter().find(|(w, _)| scope.contains(w)) {
                // A 万 inside a name (万科) is no multiplier: only in a unit part or a suffix.
                if is_part || split_unit(header).is_some() {
                    out.scale = Some((s, word.to_string()));
                }
            } else if let Some(at) = scope.find('千') {
                // 千 alone: thousand, except in 千克/千瓦/千米 (kilo-units).
                let next = scope[at + '千'.len_utf8()..].chars().next();
                if is_part && !matches!(next, Some('克' | '瓦' | '米' | '卡' | '焦')) {
                    out.scale = Some((1e3, "千".to_string()));
                }
            }
        }
        if out.scale.is_none() {
            let ws = words(scope);
            if let Some(&(word, s, _)) = ENGLISH_SCALES
                .iter()
                .find(|(w, _, short)| (is_part || !short) && ws.iter().any(|x| x == w))
            {
                out.scale = Some((s, word.to_string()));
            }
        }
        if out.unit.is_none() {
            if PERCENT_WORDS.iter().any(|w| contains(scope, w)) {
                out.unit = Some(Unit::Percent);
                out.unit_word = Some("%".to_string());
                out.scale = Some((0.01, "%".to_string()));
            } else if let Some((word, code)) = CURRENCIES.iter().find(|(w, _)| contains(scope, w)) {
                out.unit = Some(Unit::Currency((*code).to_string()));
                out.unit_word = Some((*word).to_string());
            } else if let Some((word, en, hans, hant)) =
                COUNT_WORDS.iter().find(|(w, ..)| contains(scope, w))
            {
                out.unit = Some(count_unit(en, hans, hant));
                out.unit_word = Some((*word).to_string());
            } else if is_part {
                // A measure word right after a multiplier, or alone: "(万人)", "(户)".
                let rest = CHINESE_SCALES
                    .iter()
                    .find_map(|(w, _)| scope.trim().strip_prefix(w))
                    .unwrap_or(scope.trim());
                if let Some((word, en, hans, hant)) =
                    MEASURE_WORDS.iter().find(|(w, ..)| rest == *w)
                {
                    out.unit = Some(count_unit(en, hans, hant));
                    out.unit_word = Some((*word).to_string());
                }
            }
        }
    }
    out
}

/// The unit and scale a value column's header names, as [`sniff`](super::sniff) guesses
/// them (for the interface, when the reader picks another value column): `Number` and 1 when
/// it names none; a percentage has scale 0.01.
pub fn unit_from_header(header: &str) -> (Unit, f64) {
    let u = header_unit(header);
    (u.unit.unwrap_or(Unit::Number), u.scale.map_or(1.0, |s| s.0))
}

/// The series name a header gives: without its unit part when that part names a unit or a
/// scale ("Revenue (亿元)" → "Revenue"), otherwise the header as it is.
pub(crate) fn clean_name(header: &str) -> String {
    let h = header.trim();
    if let Some((name, part)) = split_unit(h) {
        let u = header_unit(&format!("({part})"));
        if !name.is_empty() && (u.unit.is_some() || u.scale.is_some()) {
            return name;
        }
    }
    h.to_string()
}

/// What cells say about the unit when the header says nothing: a "%" or a currency symbol.
pub(crate) fn cell_unit(cell: &str) -> Option<Unit> {
    let t = cell.trim();
    if t.ends_with('%') || t.ends_with('％') {
        return Some(Unit::Percent);
    }
    let symbol = [
        ("US$", "USD"),
        ("$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("¥", "CNY"),
        ("￥", "CNY"),
        ("元", "CNY"),
    ];
    let body = t.trim_start_matches(['-', '(', '−']);
    symbol
        .iter()
        .find(|(s, _)| body.starts_with(s) || t.ends_with(s))
        .map(|(_, c)| Unit::Currency((*c).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(h: &str) -> (Option<Unit>, Option<f64>) {
        let u = header_unit(h);
        (u.unit, u.scale.map(|s| s.0))
    }
    fn cur(c: &str) -> Option<Unit> {
        Some(Unit::Currency(c.to_string()))
    }

    #[test]
    fn every_noun_the_tables_write_has_its_english_singular() {
        for (_, en, hans, hant) in COUNT_WORDS.iter().chain(MEASURE_WORDS) {
            let Unit::Count(noun) = count_unit(en, hans, hant) else {
                unreachable!()
            };
            assert!(noun.en_one.is_some(), "{en}");
        }
        assert_eq!(english_count_noun("items").en_one.as_deref(), Some("item"));
        assert_eq!(english_count_noun("widgets").en_one, None);
    }

    #[test]
    fn headers() {
        assert_eq!(guess("Revenue (亿元)"), (cur("CNY"), Some(1e8)));
        assert_eq!(guess("GDP, US$ million"), (cur("USD"), Some(1e6)));
        assert_eq!(guess("Share (%)"), (Some(Unit::Percent), Some(0.01)));
        assert_eq!(guess("营收（万亿元）"), (cur("CNY"), Some(1e12)));
        assert_eq!(guess("市场规模 单位：百万美元"), (cur("USD"), Some(1e6)));
        assert_eq!(guess("Sales (EUR bn)"), (cur("EUR"), Some(1e9)));
        assert_eq!(guess("Revenue (US$m)"), (cur("USD"), Some(1e6)));
        assert_eq!(
            guess("Revenue in thousands of euros"),
            (cur("EUR"), Some(1e3))
        );
        assert_eq!(guess("营收亿元"), (cur("CNY"), Some(1e8)));
        assert_eq!(guess("万科营收"), (None, None));
        assert_eq!(guess("Temperature anomaly"), (None, None));
        assert_eq!(guess("Value"), (None, None));
        assert_eq!(guess("Revenue (m)").1, Some(1e6));
        assert_eq!(guess("Distance (千米)").1, None);
        let (unit, scale) = guess("Users (万)");
        assert_eq!(scale, Some(1e4));
        assert!(unit.is_some_and(
            |u| matches!(u, Unit::Count(n) if n.en == "users" && n.en_one.as_deref() == Some("user"))
        ));
        let (unit, scale) = guess("人口（万人）");
        assert_eq!(scale, Some(1e4));
        assert!(unit.is_some_and(|u| matches!(u, Unit::Count(n) if n.en == "people")));
    }

    #[test]
    fn names() {
        assert_eq!(clean_name("Revenue (亿元)"), "Revenue");
        assert_eq!(clean_name("GDP, US$ million"), "GDP");
        assert_eq!(clean_name("Users (万)"), "Users");
        assert_eq!(
            clean_name("Bonaire, Sint Eustatius and Saba"),
            "Bonaire, Sint Eustatius and Saba"
        );
        assert_eq!(
            clean_name("Population (historical)"),
            "Population (historical)"
        );
        assert_eq!(clean_name("营收亿元"), "营收");
    }

    #[test]
    fn cells() {
        assert_eq!(cell_unit("12.5%"), Some(Unit::Percent));
        assert_eq!(cell_unit("$1,234"), cur("USD"));
        assert_eq!(cell_unit("1234"), None);
    }
}
