//! Number formatting per interface language: billion/million for English, 亿/万 (億/萬) for
//! Chinese; currency shown as reported. Never prints NaN or infinity: those become "—".

use super::schema::{CountNoun, KeyPlayer, LocalText, Unit};

/// A display conversion the reader sets: money in `from` is shown in `to` at `rate`
/// (units of `to` per unit of `from`). It is the reader's assumption, never the source's.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    pub from: String,
    pub to: String,
    pub rate: f64,
}

impl Conversion {
    /// Whether money in `currency` is shown converted: a conversion from that currency to
    /// another at a rate that is a positive number (any other rate is ignored, so nothing
    /// on screen ever reads NaN or infinity).
    pub fn applies_to(&self, currency: &str) -> bool {
        self.from == currency && self.from != self.to && self.rate.is_finite() && self.rate > 0.0
    }
}

/// How figures are shown: in the reader's language, with money in the conversion's currency
/// shown converted. Passed to every formatting of money, so what shows a figure says which
/// conversion it used.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Shown<'a> {
    pub locale: Locale,
    pub conversion: Option<&'a Conversion>,
}

impl Shown<'static> {
    /// Figures as the source reports them, with no display conversion.
    pub fn as_reported(locale: Locale) -> Self {
        Shown {
            locale,
            conversion: None,
        }
    }
}

impl<'a> Shown<'a> {
    pub fn new(locale: Locale, conversion: Option<&'a Conversion>) -> Self {
        Shown { locale, conversion }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    ZhHans,
    ZhHant,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::ZhHans, Locale::ZhHant];

    /// BCP 47 tag, as used in `lang` attributes and URLs.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhHans => "zh-Hans",
            Locale::ZhHant => "zh-Hant",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let t = tag.to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") {
            Some(Locale::En)
        } else if t == "zh-hant"
            || t.starts_with("zh-hant")
            || t == "zh-tw"
            || t == "zh-hk"
            || t == "zh-mo"
        {
            Some(Locale::ZhHant)
        } else if t == "zh" || t.starts_with("zh-") {
            Some(Locale::ZhHans)
        } else {
            None
        }
    }

    fn is_chinese(self) -> bool {
        self != Locale::En
    }
}

/// The text in the reader's language, and whether it had to fall back to another one.
pub fn pick(text: &LocalText, locale: Locale) -> (&str, bool) {
    pick_of(
        &text.en,
        text.zh_hans.as_deref(),
        text.zh_hant.as_deref(),
        locale,
    )
}

fn pick_of<'a>(
    en: &'a str,
    zh_hans: Option<&'a str>,
    zh_hant: Option<&'a str>,
    locale: Locale,
) -> (&'a str, bool) {
    let wanted = match locale {
        Locale::En => Some(en),
        Locale::ZhHans => zh_hans,
        Locale::ZhHant => zh_hant,
    };
    match wanted {
        Some(s) => (s, false),
        None => {
            // Chinese readers prefer the other Chinese script over English.
            let other = match locale {
                Locale::ZhHans => zh_hant,
                Locale::ZhHant => zh_hans,
                Locale::En => None,
            };
            (other.unwrap_or(en), true)
        }
    }
}

/// A count's noun in the reader's language (its plural in English).
pub fn noun(noun: &CountNoun, locale: Locale) -> &str {
    pick_of(
        &noun.en,
        noun.zh_hans.as_deref(),
        noun.zh_hant.as_deref(),
        locale,
    )
    .0
}

/// An amount and its noun: "1 iteration", "2 iterations", "3次"; an English noun shown in a
/// Chinese interface (the report has no Chinese one) keeps its space and its singular.
fn counted(amount: &str, noun: &CountNoun, locale: Locale) -> String {
    let word = self::noun(noun, locale);
    // A Chinese interface falls back to English only when the report has neither script.
    let english = !locale.is_chinese() || (noun.zh_hans.is_none() && noun.zh_hant.is_none());
    if !english {
        return format!("{amount}{word}");
    }
    let word = match &noun.en_one {
        Some(one) if amount == "1" => one,
        _ => word,
    };
    format!("{amount} {word}")
}

/// A key player's Chinese name in the reader's script: the Traditional form in a Traditional
/// interface where the report gives one, else `name_zh` (the Simplified form, or the only one).
pub fn chinese_name(player: &KeyPlayer, locale: Locale) -> Option<&str> {
    let (hans, hant) = (player.name_zh.as_deref(), player.name_zh_hant.as_deref());
    match locale {
        Locale::ZhHant => hant.or(hans),
        _ => hans.or(hant),
    }
}

/// Groups thousands: 1234567 → "1,234,567".
fn group_thousands(int_part: &str) -> String {
    let mut out = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A plain number with `decimals` decimals (trailing zeros trimmed) and thousands separators.
pub fn number(value: f64, decimals: usize) -> String {
    number_with(value, decimals, true)
}

/// `number` with exactly `decimals` decimals, trailing zeros kept ("9.80"): for a column,
/// whose figures line up only when each has as many decimals as the next.
pub fn number_fixed(value: f64, decimals: usize) -> String {
    number_with(value, decimals, false)
}

fn number_with(value: f64, decimals: usize, trim: bool) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = if trim {
        frac.trim_end_matches('0')
    } else {
        frac
    };
    let sign = if value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(int))
    } else {
        format!("{sign}{}.{frac}", group_thousands(int))
    }
}

/// Decimals that give about three significant digits for a scaled value.
fn decimals_for(scaled: f64) -> usize {
    let a = scaled.abs();
    if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        2
    }
}

/// A magnitude with its word: (2.5, " bn") for 2.5e9 in English (a no-break space before
/// "bn"), (25.0, "亿") in Chinese.
pub fn magnitude(value: f64, locale: Locale) -> (f64, &'static str) {
    let (divisor, word) = magnitude_of(value, locale);
    (value / divisor, word)
}

/// The divisor and word of `value`'s magnitude: (1e9, " bn"), (1e8, "亿"), (1.0, ""). The
/// English word follows its figure after a no-break space: "US$242 bn" never ends a line on
/// "US$242".
fn magnitude_of(value: f64, locale: Locale) -> (f64, &'static str) {
    let a = value.abs();
    if locale.is_chinese() {
        let (yi, wan) = if locale == Locale::ZhHant {
            ("億", "萬")
        } else {
            ("亿", "万")
        };
        if a >= 1e8 {
            (1e8, yi)
        } else if a >= 1e4 {
            (1e4, wan)
        } else {
            (1.0, "")
        }
    } else if a >= 1e9 {
        (1e9, "\u{a0}bn")
    } else if a >= 1e6 {
        (1e6, "\u{a0}m")
    } else {
        (1.0, "")
    }
}

/// A compact amount: "2.5 bn", "701亿", "70万", "5,000".
pub fn compact(value: f64, locale: Locale) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let (scaled, word) = magnitude(value, locale);
    format!("{}{word}", number(scaled, decimals_for(scaled)))
}

/// Where a figure stands among others, which decides its magnitude and decimals: alone, in
/// a table's column, or on a chart's axis, each with the largest size among them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Among {
    Alone,
    /// One magnitude, and as many decimals on every row, so the figures line up.
    Column(f64),
    /// One magnitude, trailing zeros trimmed ("US$0.5 bn" under "US$1 bn").
    Axis(f64),
}

impl Among {
    fn scaled(self, rate: f64) -> Self {
        match self {
            Among::Alone => Among::Alone,
            Among::Column(l) => Among::Column(l * rate),
            Among::Axis(l) => Among::Axis(l * rate),
        }
    }
}

/// An amount in the magnitude of `largest`, the largest of the column it stands in, so a
/// column reads in one word ("1.12 bn" above "0.96 bn", not "964 m"): the decimals of the
/// largest, a magnitude's trailing zeros kept so the figures line up ("6.10 bn" above
/// "6.22 bn"), or more (up to four) where a smaller amount would keep fewer than two
/// significant digits. Zero, and an amount too small to show in that magnitude, are written
/// in their own ("0", "40,000"), never as a zero of the column's word.
pub fn compact_in_column(value: f64, largest: f64, locale: Locale) -> String {
    compact_among(value, largest, locale, true)
}

/// An amount on an axis whose largest tick is `largest`: in that tick's magnitude as
/// [`compact_in_column`], its trailing zeros trimmed ("0.5 bn", "1 bn", "1.5 bn").
pub fn compact_on_axis(value: f64, largest: f64, locale: Locale) -> String {
    compact_among(value, largest, locale, false)
}

fn compact_among(value: f64, largest: f64, locale: Locale, aligned: bool) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let top = largest.abs().max(value.abs());
    let (divisor, word) = magnitude_of(top, locale);
    let scaled = value / divisor;
    let column_decimals = decimals_for(top / divisor);
    let mut decimals = column_decimals;
    while decimals < 4 && scaled.abs() < 10f64.powi(1 - decimals as i32) {
        decimals += 1;
    }
    // Trailing zeros kept, to the column's own decimals, only for a magnitude's figures in a
    // column ("2.50 bn"; "0.0042 bn" with the decimals a small amount needs, "0.05 bn" not
    // "0.050 bn"); a count in units keeps its whole numbers whole ("30 sites", not "30.0").
    let trimmed = number(scaled, decimals);
    let shown_decimals = trimmed.split_once('.').map_or(0, |(_, f)| f.len());
    let amount = if aligned && !word.is_empty() && shown_decimals < column_decimals {
        number_fixed(scaled, column_decimals)
    } else {
        trimmed
    };
    if amount
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        return compact(value, locale);
    }
    format!("{amount}{word}")
}

fn currency_prefix(code: &str) -> Option<&'static str> {
    match code {
        "USD" => Some("US$"),
        "CNY" => Some("¥"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("JP¥"),
        _ => None,
    }
}

/// A remark in brackets after what it is about: " (2025)" in English, "（2025）" in Chinese,
/// whose full-width brackets take no space before them.
pub fn bracketed(locale: Locale, inner: &str) -> String {
    if locale == Locale::En {
        format!(" ({inner})")
    } else {
        format!("（{inner}）")
    }
}

/// `en` in English, `zh` in either Chinese: the short texts' punctuation.
fn en_or_zh(locale: Locale, en: &'static str, zh: &'static str) -> &'static str {
    if locale == Locale::En {
        en
    } else {
        zh
    }
}

/// ", " in English, "，" in Chinese: between the parts of a short statement ("Market, 2025").
pub fn comma(locale: Locale) -> &'static str {
    en_or_zh(locale, ", ", "，")
}

/// ", " in English, the enumeration comma "、" in Chinese: between items of a list ("2023、2025").
pub fn list_comma(locale: Locale) -> &'static str {
    en_or_zh(locale, ", ", "、")
}

/// ": " in English, "：" in Chinese.
pub fn colon(locale: Locale) -> &'static str {
    en_or_zh(locale, ": ", "：")
}

/// " → " between a figure and the next; in Chinese no space before it, as the full-width
/// bracket before it already stands apart.
pub fn arrow(locale: Locale) -> &'static str {
    en_or_zh(locale, " → ", "→ ")
}

/// The word a Chinese amount ends with for a currency ("元", "美元"), if it has one.
pub fn currency_suffix_zh(code: &str, locale: Locale) -> Option<&'static str> {
    match (code, locale) {
        ("USD", _) => Some("美元"),
        ("CNY", _) => Some("元"),
        ("EUR", Locale::ZhHant) => Some("歐元"),
        ("EUR", _) => Some("欧元"),
        ("GBP", Locale::ZhHant) => Some("英鎊"),
        ("GBP", _) => Some("英镑"),
        ("JPY", _) => Some("日元"),
        _ => None,
    }
}

/// `text` cut into runs, each marked `true` when it is a Chinese amount that must not break
/// across lines ("58.8億美元", "−17.7亿美元", "0美元", "70万"): a number with a magnitude word
/// or a currency word after it. Browsers may break between any two Chinese characters, and
/// between a digit and one, so a sentence could end a line with "58.8億美" and start the next
/// with "元". English amounts keep together by their no-break spaces already.
pub fn unbroken_amounts(text: &str) -> Vec<(&str, bool)> {
    const WORDS: [&str; 9] = [
        "美元",
        "元",
        "歐元",
        "欧元",
        "英鎊",
        "英镑",
        "日元",
        "港元",
        "新台幣",
    ];
    let mut runs = Vec::new();
    let mut plain = 0; // where the current plain run starts
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        // A run starts at a digit (with a sign just before it).
        if digits == 0 || !rest.starts_with(|c: char| c.is_ascii_digit()) {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut end = i + digits;
        if let Some(m) = text[end..]
            .chars()
            .next()
            .filter(|c| "亿億万萬".contains(*c))
        {
            end += m.len_utf8();
        }
        if let Some(w) = WORDS.iter().find(|w| text[end..].starts_with(**w)) {
            end += w.len();
        }
        if end > i + digits {
            let start = text[..i].strip_suffix(['−', '-', '+']).map_or(i, str::len);
            if start > plain {
                runs.push((&text[plain..start], false));
            }
            runs.push((&text[start..end], true));
            plain = end;
        }
        i = end;
    }
    if plain < text.len() {
        runs.push((&text[plain..], false));
    }
    runs
}

/// Money as shown: "US$2.5 bn", "25亿美元", "¥70.1 bn", "701亿元"; in the conversion's
/// currency where it applies to `currency`.
pub fn money(value: f64, currency: &str, shown: Shown) -> String {
    money_in(value, currency, shown, Among::Alone)
}

/// Money as shown, alone or among others (their largest in `currency`, before any
/// conversion).
fn money_in(value: f64, currency: &str, shown: Shown, among: Among) -> String {
    let (value, among, currency) = match shown.conversion.filter(|c| c.applies_to(currency)) {
        Some(c) => (value * c.rate, among.scaled(c.rate), c.to.as_str()),
        None => (value, among, currency),
    };
    let locale = shown.locale;
    money_with(value, currency, locale, |a| amount_in(a, among, locale))
}

/// Money on an axis whose largest tick is `largest`: in that tick's magnitude
/// ([`compact_on_axis`]).
pub fn money_on_axis(value: f64, largest: f64, currency: &str, shown: Shown) -> String {
    money_in(value, currency, shown, Among::Axis(largest))
}

/// An amount alone, or in its column's or axis's magnitude.
fn amount_in(value: f64, among: Among, locale: Locale) -> String {
    match among {
        Among::Alone => compact(value, locale),
        Among::Column(l) => compact_in_column(value, l, locale),
        Among::Axis(l) => compact_on_axis(value, l, locale),
    }
}

/// Money in the currency given, ignoring any display conversion.
pub fn money_as_reported(value: f64, currency: &str, locale: Locale) -> String {
    money_with(value, currency, locale, |a| compact(a, locale))
}

/// Money with its amount written by `amount` (given the absolute value).
fn money_with(
    value: f64,
    currency: &str,
    locale: Locale,
    amount: impl Fn(f64) -> String,
) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let shown = amount(value.abs());
    // The sign goes before the currency, as a true minus: "−US$1.77 bn", "−17.7亿美元".
    let sign = if value < 0.0 && shown != amount(0.0) {
        MINUS
    } else {
        ""
    };
    format!("{sign}{}", money_unsigned(&shown, currency, locale))
}

/// The minus sign of negative amounts on screen (U+2212), not the hyphen.
pub const MINUS: &str = "\u{2212}";

fn money_unsigned(amount: &str, currency: &str, locale: Locale) -> String {
    if locale.is_chinese() {
        match currency_suffix_zh(currency, locale) {
            Some(s) => format!("{amount}{s}"),
            None => format!("{amount} {currency}"),
        }
    } else {
        match currency_prefix(currency) {
            Some(p) => format!("{p}{amount}"),
            None => format!("{currency} {amount}"),
        }
    }
}

/// A fraction as a percentage with up to `decimals` decimals: 0.1359 → "13.6%".
pub fn percent(fraction: f64, decimals: usize) -> String {
    if !fraction.is_finite() {
        return "—".to_string();
    }
    format!("{}%", number(fraction * 100.0, decimals))
}

/// A percentage in a column: exactly `decimals` decimals ("9.80%" above "15.06%"), a
/// negative one with a true minus, as money in the same table ("−9.80%").
pub fn percent_in_column(fraction: f64, decimals: usize) -> String {
    if !fraction.is_finite() {
        return "—".to_string();
    }
    // `number_fixed` already leaves the sign off a figure that rounds to zero.
    format!("{}%", number_fixed(fraction * 100.0, decimals)).replacen('-', MINUS, 1)
}

/// A signed figure written by `write`: "+" before a positive one (a negative one carries its
/// own minus), and not before one that reads as zero ("0.00%", never "+0.00%").
pub fn signed(v: f64, write: impl Fn(f64) -> String) -> String {
    let text = write(v);
    if v > 0.0 && text != write(0.0) {
        format!("+{text}")
    } else {
        text
    }
}

/// A growth rate in prose: one decimal ("13.6%"), the text every view uses for one rate.
pub fn rate(r: f64) -> String {
    percent(r, 1)
}

/// A change as a signed rate, one decimal: "+14.3%", "-13.3%", "0%" (never "+0%").
pub fn signed_rate(r: f64) -> String {
    signed(r, rate)
}

/// Two rates side by side: one decimal each, or two where the rates differ but one decimal
/// would print them the same ("13.61%" against "13.64%", never "13.6%" against "13.6%").
pub fn rates_apart(a: f64, b: f64) -> (String, String) {
    let (ta, tb) = (rate(a), rate(b));
    if ta == tb && (a - b).abs() > 1e-12 {
        (percent(a, 2), percent(b, 2))
    } else {
        (ta, tb)
    }
}

/// Percentage points with a sign: 0.006 → "+0.6 pt".
pub fn points(delta: f64, locale: Locale) -> String {
    if !delta.is_finite() {
        return "—".to_string();
    }
    let sign = if delta > 0.0 { "+" } else { "" };
    let unit = if locale.is_chinese() {
        "个百分点"
    } else {
        " pt"
    };
    let unit = if locale == Locale::ZhHant {
        "個百分點"
    } else {
        unit
    };
    format!("{sign}{}{unit}", number(delta * 100.0, 1))
}

/// A value in its unit: money (as shown), a count with its noun, a percentage or a number.
pub fn value(value: f64, unit: &Unit, shown: Shown) -> String {
    value_in(value, unit, shown, Among::Alone)
}

/// The largest size among a column's values (0 for none; not-a-number values skipped): the
/// `largest` that `value_in_column` takes.
pub fn largest_size(values: impl IntoIterator<Item = f64>) -> f64 {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(0.0, |top, v| top.max(v.abs()))
}

/// A value in a table's column whose largest value is `largest`: money and counts in the
/// magnitude of the largest, so the column reads in one word (`compact_in_column`).
pub fn value_in_column(value: f64, largest: f64, unit: &Unit, shown: Shown) -> String {
    value_in(value, unit, shown, Among::Column(largest))
}

fn value_in(value: f64, unit: &Unit, shown: Shown, among: Among) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let locale = shown.locale;
    match unit {
        Unit::Currency(code) => money_in(value, code, shown, among),
        Unit::Count(noun) => counted(&amount_in(value, among, locale), noun, locale),
        Unit::Percent => percent(value, 1),
        Unit::Number => number(value, 2),
    }
}

/// Decimals that show a step exactly (0.5 → 1, 1 → 0, 0.001 → 3).
pub fn display_decimals(step: f64) -> usize {
    let mut d = 0;
    let mut s = step;
    while d < 6 && (s - s.round()).abs() > 1e-9 {
        s *= 10.0;
        d += 1;
    }
    d
}

/// Parses what a reader typed: "13.5", "13,5" (decimal comma), "100,000" or "1,234.5"
/// (grouping commas), with an optional "%". `None` for anything else.
pub fn parse_typed(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim();
    let groups: Vec<&str> = t.split(',').collect();
    let grouping = groups.len() > 1
        && (t.contains('.')
            || groups[1..]
                .iter()
                .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit())));
    let cleaned = if grouping {
        t.replace(',', "")
    } else {
        t.replace(',', ".")
    };
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_amounts_are_kept_whole() {
        assert_eq!(
            unbroken_amounts("合计为58.8億美元，差额0美元。"),
            vec![
                ("合计为", false),
                ("58.8億美元", true),
                ("，差额", false),
                ("0美元", true),
                ("。", false)
            ]
        );
        assert_eq!(
            unbroken_amounts("−17.7亿美元至2,420亿"),
            vec![("−17.7亿美元", true), ("至", false), ("2,420亿", true)]
        );
        // Years, percentages and English amounts are left as they are.
        assert_eq!(
            unbroken_amounts("2032 年 13.6%"),
            vec![("2032 年 13.6%", false)]
        );
        assert_eq!(
            unbroken_amounts("US$2.5\u{a0}bn"),
            vec![("US$2.5\u{a0}bn", false)]
        );
        assert_eq!(unbroken_amounts(""), vec![]);
        assert_eq!(unbroken_amounts("70万"), vec![("70万", true)]);
    }

    #[test]
    fn a_count_of_one_takes_the_english_singular_where_the_noun_has_one() {
        let iterations = Unit::Count(CountNoun {
            en: "iterations".into(),
            en_one: Some("iteration".into()),
            zh_hans: Some("次".into()),
            zh_hant: None,
        });
        let en = Shown::as_reported(Locale::En);
        assert_eq!(value(1.0, &iterations, en), "1 iteration");
        assert_eq!(value(2.0, &iterations, en), "2 iterations");
        // "1.5", "0", a million: the plural.
        assert_eq!(value(1.5, &iterations, en), "1.5 iterations");
        assert_eq!(value(0.0, &iterations, en), "0 iterations");
        assert_eq!(value(1e6, &iterations, en), "1\u{a0}m iterations");
        assert_eq!(
            value(1.0, &iterations, Shown::as_reported(Locale::ZhHans)),
            "1次"
        );
        assert_eq!(
            value(1.0, &iterations, Shown::as_reported(Locale::ZhHant)),
            "1次"
        );
        // An English noun in a Chinese interface keeps its space and its singular.
        let items = Unit::Count(CountNoun {
            en: "items".into(),
            en_one: Some("item".into()),
            ..Default::default()
        });
        let hans = Shown::as_reported(Locale::ZhHans);
        assert_eq!(value(1.0, &items, hans), "1 item");
        assert_eq!(value(5e4, &items, hans), "5万 items");
        // Without a singular, the one noun.
        let staff = Unit::Count(CountNoun {
            en: "staff".into(),
            ..Default::default()
        });
        assert_eq!(value(1.0, &staff, en), "1 staff");
    }

    #[test]
    fn amounts_in_a_column_share_its_largest_magnitude() {
        assert_eq!(
            compact_in_column(9.64e8, 1.12e9, Locale::En),
            "0.96\u{a0}bn"
        );
        assert_eq!(
            compact_in_column(1.12e9, 1.12e9, Locale::En),
            "1.12\u{a0}bn"
        );
        // Two significant digits kept for a small amount, at most four decimals.
        assert_eq!(
            compact_in_column(9.64e7, 1.12e9, Locale::En),
            "0.096\u{a0}bn"
        );
        // Zero, and what the column's magnitude would show as zero, in their own.
        assert_eq!(compact_in_column(1.0, 1.12e9, Locale::En), "1");
        assert_eq!(compact_in_column(4e4, 1.12e9, Locale::En), "40,000");
        assert_eq!(compact_in_column(0.0, 1.12e9, Locale::En), "0");
        assert_eq!(compact_in_column(4e3, 1.5e8, Locale::ZhHans), "4,000");
        assert_eq!(compact_in_column(30.0, 2e6, Locale::En), "30");
        // A negative largest is a size too.
        assert_eq!(
            compact_in_column(9.64e8, -1.12e9, Locale::En),
            "0.96\u{a0}bn"
        );
        assert_eq!(compact_in_column(9.64e6, 1.12e9, Locale::ZhHant), "0.096億");
        // A largest smaller than the amount (or not a number) never shrinks it.
        assert_eq!(compact_in_column(2.5e9, 1.0, Locale::En), "2.50\u{a0}bn");
        assert_eq!(
            compact_in_column(2.5e9, f64::NAN, Locale::En),
            "2.50\u{a0}bn"
        );
        // Extra decimals for a small amount go only as far as it needs ("0.05", not "0.050");
        // the column's own decimals keep their zeros ("0.10").
        assert_eq!(compact_in_column(5e7, 1.12e9, Locale::En), "0.05\u{a0}bn");
        assert_eq!(compact_in_column(1e8, 1.12e9, Locale::En), "0.10\u{a0}bn");
        // A magnitude's figures keep their trailing zeros, so a column lines up ("6.10" over
        // "6.22"); Chinese too.
        assert_eq!(compact_in_column(6.1e9, 6.22e9, Locale::En), "6.10\u{a0}bn");
        assert_eq!(compact_in_column(6.1e9, 6.22e9, Locale::ZhHans), "61.0亿");
        assert_eq!(
            compact_in_column(-1.1e9, 2.0e9, Locale::En),
            "-1.10\u{a0}bn"
        );
        assert_eq!(compact_in_column(f64::NAN, 1e9, Locale::En), "—");
        assert_eq!(compact_in_column(12_345.0, 20_000.0, Locale::En), "12,345");
    }

    #[test]
    fn percentages_in_a_column_keep_their_decimals() {
        assert_eq!(percent_in_column(0.098, 2), "9.80%");
        assert_eq!(percent_in_column(0.1506, 2), "15.06%");
        assert_eq!(percent_in_column(0.0, 2), "0.00%");
        assert_eq!(percent_in_column(-0.0004, 2), "\u{2212}0.04%");
        // Rounded to zero: no minus sign.
        assert_eq!(percent_in_column(-0.00001, 2), "0.00%");
        assert_eq!(percent_in_column(12.3456, 1), "1,234.6%");
        assert_eq!(percent_in_column(f64::INFINITY, 2), "—");
        // Prose keeps trimming.
        assert_eq!(percent(0.098, 2), "9.8%");
    }

    #[test]
    fn typed_values() {
        assert_eq!(parse_typed(" 13,5 % "), Some(13.5));
        assert_eq!(parse_typed("100,000"), Some(100_000.0));
        assert_eq!(parse_typed("1,234.5"), Some(1234.5));
        assert_eq!(parse_typed("1,2345"), Some(1.2345));
        assert_eq!(parse_typed("abc"), None);
        assert_eq!(parse_typed("NaN"), None);
        assert_eq!(parse_typed("inf"), None);
        assert_eq!(display_decimals(0.5), 1);
        assert_eq!(display_decimals(1.0), 0);
        assert_eq!(display_decimals(0.1), 1);
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(
            money(2.5e9, "USD", Shown::as_reported(Locale::En)),
            "US$2.5\u{a0}bn"
        );
        assert_eq!(
            money(6.1e9, "USD", Shown::as_reported(Locale::ZhHans)),
            "61亿美元"
        );
        assert_eq!(
            money(701e8, "CNY", Shown::as_reported(Locale::ZhHans)),
            "701亿元"
        );
        assert_eq!(
            money(701e8, "CNY", Shown::as_reported(Locale::En)),
            "¥70.1\u{a0}bn"
        );
        assert_eq!(
            money(5.8815e9, "USD", Shown::as_reported(Locale::En)),
            "US$5.88\u{a0}bn"
        );
        assert_eq!(
            money(92.69e9, "USD", Shown::as_reported(Locale::ZhHant)),
            "927億美元"
        );
        assert_eq!(money(1.0, "XYZ", Shown::as_reported(Locale::En)), "XYZ 1");
    }

    #[test]
    fn negative_money_puts_a_true_minus_before_the_currency() {
        assert_eq!(
            money(-1.77e9, "USD", Shown::as_reported(Locale::En)),
            "\u{2212}US$1.77\u{a0}bn"
        );
        assert_eq!(
            money(-1.77e9, "USD", Shown::as_reported(Locale::ZhHans)),
            "\u{2212}17.7亿美元"
        );
        assert_eq!(
            money(-5.0, "XYZ", Shown::as_reported(Locale::En)),
            "\u{2212}XYZ 5"
        );
        // A value that rounds to zero has no sign.
        assert_eq!(
            money(-0.0001, "USD", Shown::as_reported(Locale::En)),
            "US$0"
        );
    }

    #[test]
    fn rates_read_with_one_decimal_and_two_where_a_difference_needs_them() {
        assert_eq!(rate(0.1359034), "13.6%");
        assert_eq!(
            rates_apart(0.1361, 0.1364),
            ("13.61%".to_string(), "13.64%".to_string())
        );
        assert_eq!(
            rates_apart(0.136, 0.2),
            ("13.6%".to_string(), "20%".to_string())
        );
        // The same rate twice stays at one decimal.
        assert_eq!(
            rates_apart(0.136, 0.136),
            ("13.6%".to_string(), "13.6%".to_string())
        );
    }

    fn cny_to_usd(rate: f64) -> Conversion {
        Conversion {
            from: "CNY".into(),
            to: "USD".into(),
            rate,
        }
    }

    #[test]
    fn without_a_conversion_money_shows_as_reported() {
        let shown = Shown::new(Locale::En, None);
        assert_eq!(money(701e8, "CNY", shown), "¥70.1\u{a0}bn");
        assert_eq!(
            value(701e8, &Unit::Currency("CNY".into()), shown),
            "¥70.1\u{a0}bn"
        );
    }

    #[test]
    fn a_conversion_for_this_currency_converts_it() {
        let c = cny_to_usd(0.14);
        let shown = Shown::new(Locale::En, Some(&c));
        assert_eq!(money(701e8, "CNY", shown), "US$9.81\u{a0}bn");
        assert_eq!(
            value(701e8, &Unit::Currency("CNY".into()), shown),
            "US$9.81\u{a0}bn"
        );
        assert_eq!(
            money(701e8, "CNY", Shown::new(Locale::ZhHans, Some(&c))),
            "98.1亿美元"
        );
        // Only what is not money keeps its unit.
        assert_eq!(value(0.5, &Unit::Percent, shown), "50%");
        assert_eq!(money_as_reported(701e8, "CNY", Locale::En), "¥70.1\u{a0}bn");
    }

    #[test]
    fn a_conversion_for_another_currency_is_ignored() {
        let c = cny_to_usd(0.14);
        let shown = Shown::new(Locale::En, Some(&c));
        assert_eq!(money(2.5e9, "USD", shown), "US$2.5\u{a0}bn");
        assert_eq!(money(2.5e9, "EUR", shown), "€2.5\u{a0}bn");
    }

    #[test]
    fn a_bad_rate_is_ignored_and_never_shows() {
        for rate in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.14] {
            let c = cny_to_usd(rate);
            assert!(!c.applies_to("CNY"), "rate {rate}");
            let shown = Shown::new(Locale::En, Some(&c));
            assert_eq!(money(701e8, "CNY", shown), "¥70.1\u{a0}bn", "rate {rate}");
        }
        // A conversion to the same currency changes nothing.
        let same = Conversion {
            from: "CNY".into(),
            to: "CNY".into(),
            rate: 2.0,
        };
        assert_eq!(
            money(701e8, "CNY", Shown::new(Locale::En, Some(&same))),
            "¥70.1\u{a0}bn"
        );
        // A rate that overflows the figure still shows no infinity.
        let huge = cny_to_usd(f64::MAX);
        assert_eq!(
            money(701e8, "CNY", Shown::new(Locale::En, Some(&huge))),
            "—"
        );
    }

    #[test]
    fn counts_and_magnitudes() {
        assert_eq!(compact(700_000.0, Locale::ZhHans), "70万");
        assert_eq!(compact(700_000.0, Locale::En), "700,000");
        assert_eq!(compact(1.5e8, Locale::En), "150\u{a0}m");
        assert_eq!(compact(1.5e8, Locale::ZhHant), "1.5億");
        assert_eq!(compact(3e6, Locale::ZhHans), "300万");
        assert_eq!(compact(4.5, Locale::En), "4.5");
    }

    #[test]
    fn percentages_and_points() {
        assert_eq!(percent(0.1359034, 1), "13.6%");
        assert_eq!(percent(0.13, 1), "13%");
        assert_eq!(percent(0.0009933, 4), "0.0993%");
        assert_eq!(points(0.0059, Locale::En), "+0.6 pt");
        assert_eq!(points(-0.02, Locale::ZhHans), "-2个百分点");
    }

    #[test]
    fn never_nan_on_screen() {
        for s in [
            number(f64::NAN, 2),
            compact(f64::INFINITY, Locale::En),
            money(f64::NAN, "USD", Shown::as_reported(Locale::ZhHans)),
            percent(f64::NEG_INFINITY, 1),
        ] {
            assert_eq!(s, "—");
        }
        assert_eq!(number(-0.0001, 2), "0");
        assert_eq!(number(-1234.5, 1), "-1,234.5");
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("zh-TW"), Some(Locale::ZhHant));
        assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhHans));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
    }

    #[test]
    fn pick_falls_back_and_says_so() {
        let t = LocalText {
            en: "Hi".into(),
            zh_hans: Some("你好".into()),
            zh_hant: None,
        };
        assert_eq!(pick(&t, Locale::ZhHant), ("你好", true));
        assert_eq!(pick(&t, Locale::En), ("Hi", false));
    }
}
