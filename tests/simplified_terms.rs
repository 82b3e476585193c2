//! The app's own Simplified Chinese uses mainland terms: 网络, 软件, 数字, 支持, 兼容, 信息,
//! 增值 — not the Taiwan terms 网路, 软体, 数位, 支援, 相容, 资讯, 加值. Scanned: every
//! "zh-Hans" text of the bundled reports, and every Simplified string of the interface in
//! `src/` (message tables, `Locale::ZhHans` arms, the Simplified message function). Names from
//! the sources keep their wording (allow-list below).
// Native only: reads the repo's files.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::domain::bundled::BUNDLED;
use std::fs;
use std::path::Path;

/// (Taiwan term, mainland term).
const TERMS: [(&str, &str); 7] = [
    ("网路", "网络"),
    ("软体", "软件"),
    ("数位", "数字"),
    ("支援", "支持"),
    ("相容", "兼容"),
    ("资讯", "信息"),
    ("加值", "增值"),
];

/// Terms whose characters exist only in Simplified script: wherever they occur, the text is
/// Simplified. (支援, 相容 and 加值 are written the same in both scripts, so only texts known to
/// be Simplified are searched for them.)
const SIMPLIFIED_ONLY: [&str; 4] = ["网路", "软体", "数位", "资讯"];

/// Names as the sources give them (companies, the source's own chapter titles): kept as they are.
const NAMES: [&str; 2] = [
    // Call center, section 11.7: a company's registered name.
    "北京九五太维资讯有限公司",
    // Smartphone, chapter 2: the source's own title (次級研究資訊來源).
    "次级研究资讯来源",
];

fn taiwan_terms(text: &str, terms: &[(&str, &str)]) -> Vec<String> {
    let mut rest = text.to_string();
    for name in NAMES {
        rest = rest.replace(name, "");
    }
    terms
        .iter()
        .filter(|(tw, _)| rest.contains(tw))
        .map(|(tw, mainland)| format!("{tw} (use {mainland})"))
        .collect()
}

fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                let p = format!("{path}.{k}");
                if k == "zh-Hans" {
                    if let Some(s) = child.as_str() {
                        out.push((p.clone(), s.to_string()));
                    }
                }
                walk(child, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn report_texts_in_simplified_use_mainland_terms() {
    let mut problems = Vec::new();
    let mut scanned = 0;
    for (file, json) in BUNDLED {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let mut texts = Vec::new();
        walk(&v, "", &mut texts);
        scanned += texts.len();
        for (path, text) in texts {
            for t in taiwan_terms(&text, &TERMS) {
                problems.push(format!("{file}{path}: {t} in {text:?}"));
            }
        }
    }
    assert!(scanned > 500, "only {scanned} zh-Hans texts found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Characters that exist only in Traditional script (their Simplified forms differ), common in
/// these reports: none may appear in a Simplified text.
const TRADITIONAL_ONLY: &str =
    "場紅書國業與這會為資網數體發們個來對時說開關經產實現進過還動際區價報導選擇";

#[test]
fn report_texts_in_simplified_use_simplified_characters() {
    let mut problems = Vec::new();
    for (file, json) in BUNDLED {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let mut texts = Vec::new();
        walk(&v, "", &mut texts);
        for (path, text) in texts {
            let found: String = text
                .chars()
                .filter(|c| TRADITIONAL_ONLY.contains(*c))
                .collect();
            if !found.is_empty() {
                problems.push(format!("{file}{path}: {found} in {text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A string literal of a Rust file: its text and where it stands.
struct Literal {
    start: usize,
    end: usize,
    text: String,
}

/// The string literals of a Rust source, comments and char literals skipped.
fn literals(src: &str) -> Vec<Literal> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'\'' => {
                // A char literal ('"', '\'', 'x') or a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else {
                    let ch = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                    if b.get(i + 1 + ch) == Some(&b'\'') {
                        i += 2 + ch;
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body = j + 1;
                let end = src[body..].find(&close).map_or(b.len(), |k| body + k);
                out.push(Literal {
                    start: i,
                    end: end + close.len(),
                    text: src[body..end].to_string(),
                });
                i = end + close.len();
            }
            b'"' => {
                let body = i + 1;
                let mut j = body;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push(Literal {
                    start: i,
                    end: j + 1,
                    text: src[body..j.min(b.len())].to_string(),
                });
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The Simplified literals of a file: the middle of every (English, 简体, 繁體) triple (message
/// tables, `t(…)` in the checks' texts), the value of a `Locale::ZhHans` arm, and every literal
/// of a `fn zh_hans` body.
fn simplified_literals(src: &str) -> Vec<String> {
    let lits = literals(src);
    let squeeze = |a: usize, b: usize| -> String {
        src[a..b].chars().filter(|c| !c.is_whitespace()).collect()
    };
    let separator = |s: &str| s == "," || s == "),&format!(" || s == ",&format!(";
    let zh_hans_fn = src.find("fn zh_hans(").map(|a| {
        let b = src[a + 1..].find("\nfn ").map_or(src.len(), |k| a + 1 + k);
        (a, b)
    });
    let mut out = Vec::new();
    for (k, l) in lits.iter().enumerate() {
        let triple_middle = k >= 1
            && k + 1 < lits.len()
            && separator(&squeeze(lits[k - 1].end, l.start))
            && separator(&squeeze(l.end, lits[k + 1].start));
        let line_start = src[..l.start].rfind('\n').map_or(0, |p| p + 1);
        let before = &src[line_start..l.start];
        let arm = before.contains("ZhHans") && before.contains("=>");
        let in_fn = zh_hans_fn.is_some_and(|(a, b)| a < l.start && l.start < b);
        if triple_middle || arm || in_fn {
            out.push(l.text.clone());
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn interface_strings_in_simplified_use_mainland_terms() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut problems = Vec::new();
    let mut simplified = Vec::new();
    for f in &files {
        let src = fs::read_to_string(f).unwrap();
        for text in simplified_literals(&src) {
            for t in taiwan_terms(&text, &TERMS) {
                problems.push(format!("{}: {t} in {text:?}", f.display()));
            }
            simplified.push(text);
        }
        // Simplified-only characters: any literal that has them is Simplified text.
        let only: Vec<(&str, &str)> = TERMS
            .iter()
            .copied()
            .filter(|(tw, _)| SIMPLIFIED_ONLY.contains(tw))
            .collect();
        for l in literals(&src) {
            for t in taiwan_terms(&l.text, &only) {
                problems.push(format!("{}: {t} in {:?}", f.display(), l.text));
            }
        }
    }
    // The scanner sees the interface's Simplified strings in each of their forms, and only them.
    for known in [
        "报告值",                                         // a `Locale::ZhHans` arm
        "无法计算",                                       // the Simplified message function
        "按部分列出的目标，含比较方式、期限、周期及来源", // a view's message table
        "计划对“{0}”设定了不同的目标：{1}。",             // the checks' texts
        "至少",                                           // a triple inside a `match`
    ] {
        assert!(simplified.iter().any(|s| s == known), "{known} not seen");
    }
    for traditional in ["報告值", "無法計算", "計劃對「{0}」設定了不同的目標：{1}。"]
    {
        assert!(
            !simplified.iter().any(|s| s == traditional),
            "{traditional}"
        );
    }
    assert!(simplified.len() > 400, "only {} found", simplified.len());
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_reads_literals_as_rust_does() {
    let src = r##"let a = '"'; // "not a literal"
/* "nor this" */ fn f<'a>(x: &'a str) { t("one", "简 \" 体", "two"); let r = r#"raw "x""#; }"##;
    let texts: Vec<String> = literals(src).into_iter().map(|l| l.text).collect();
    assert_eq!(texts, ["one", "简 \\\" 体", "two", "raw \"x\""]);
    assert_eq!(simplified_literals(src), ["简 \\\" 体"]);
}
