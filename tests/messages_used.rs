//! Every interface message is used somewhere: a message left behind when its view changed still
//! has to be translated and kept true in three languages, for nobody. Scanned: every
//! `messages!` table in `src/`; a message counts as used where the
//! code names it (`Msg::Name`, or `Name` in a file that imports the enum's variants with
//! `use Enum::*`) outside its own definition and translations.
// Native only: reads the repo's files.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Occurrences of `word` as a whole identifier (not a whole string literal: the English of
/// `Summary => "Summary"` is no use of it).
fn count_word(text: &str, word: &str) -> usize {
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            let outside = |c: Option<char>| !c.is_some_and(|c| is_ident(c) || c == '"');
            outside(before) && outside(after)
        })
        .count()
}

/// The variants of `enum <name> { … }` in a `messages!` table: `Variant => (…)`.
fn table_variants(body: &str) -> Vec<String> {
    body.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let (name, rest) = l.split_once(" =>")?;
            (!name.is_empty() && name.chars().all(is_ident) && rest.trim_start().starts_with('('))
                .then(|| name.to_string())
        })
        .collect()
}

/// A message enum: its name, its file, and its variants with how many times each variant's name
/// appears in its own definition and translations.
type MessageEnum = (String, String, Vec<(String, usize)>);

fn message_enums(files: &[(String, String)]) -> Vec<MessageEnum> {
    let mut out = Vec::new();
    for (file, text) in files {
        // messages! { pub enum Name { A => (…), … } }, at the start of a line (not the macro's
        // own documentation): a variant is named once, in its row.
        for (at, _) in text.match_indices("messages! {") {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let lead = text[line_start..at].trim_start();
            if !(lead.is_empty() || lead == "crate::") {
                continue;
            }
            let rest = &text[at..];
            let Some(name) = rest
                .split_once("enum ")
                .and_then(|(_, r)| r.split_once(' '))
                .map(|(n, _)| n.to_string())
            else {
                continue;
            };
            let end = rest.find("\n}").unwrap_or(rest.len());
            let variants = table_variants(&rest[..end])
                .into_iter()
                .map(|v| (v, 1))
                .collect();
            out.push((name, file.clone(), variants));
        }
    }
    out
}

#[test]
fn every_message_is_used() {
    let mut files = Vec::new();
    sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let enums = message_enums(&files);
    assert!(enums.iter().any(|(name, ..)| name == "Msg"));
    assert!(enums.iter().any(|(name, ..)| name == "ScenMsg"));
    let mut unused = Vec::new();
    for (name, file, variants) in &enums {
        assert!(!variants.is_empty(), "{name}: no variants read");
        for (v, in_definition) in variants {
            let qualified = format!("{name}::{v}");
            let named = files
                .iter()
                .map(|(_, text)| count_word(text, &qualified))
                .sum::<usize>();
            // A file that imports the variants names them bare (`use KpiMsg::*;`).
            let own = &files.iter().find(|(f, _)| f == file).unwrap().1;
            let bare = if own.contains(&format!("use {name}::*;")) {
                count_word(own, v).saturating_sub(*in_definition)
            } else {
                0
            };
            if named + bare == 0 {
                unused.push(qualified);
            }
        }
    }
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}
