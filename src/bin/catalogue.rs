//! `catalogue DIR`: validates every report in `DIR/reports/` and (re)writes the catalogue
//! (`DIR/reports/index.json` and its pages) and the report format's JSON Schema
//! (`DIR/reports/report.schema.json`). Run through `scripts/catalogue.sh`, on the repo during
//! the build and on an already built `dist/` by a publisher who adds a report.
//!
//! Prints file / field / reason for every bad file and exits 1 without writing anything, so a
//! deployment never gets a partial catalogue. Files are written to temporary names first and
//! renamed into place; pages left over from a larger catalogue are removed.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use report_explorer::domain::catalogue::{
        build, is_catalogue_file, read_catalogue, read_page, report_json_schema, SCHEMA_FILE,
    };
    use std::fs;
    use std::path::{Path, PathBuf};

    pub fn run(args: Vec<String>) -> i32 {
        let [dir] = args.as_slice() else {
            eprintln!("usage: catalogue DIR   (validates DIR/reports/*.json, writes DIR/reports/index.json)");
            return 2;
        };
        match write_catalogue(Path::new(dir)) {
            Ok(summary) => {
                println!("{summary}");
                0
            }
            Err(problems) => {
                for p in &problems {
                    eprintln!("{p}");
                }
                eprintln!(
                    "catalogue: {} problem(s); nothing was written",
                    problems.len()
                );
                1
            }
        }
    }

    fn write_catalogue(dir: &Path) -> Result<String, Vec<String>> {
        let reports = dir.join("reports");
        let listing = fs::read_dir(&reports).map_err(|e| {
            vec![format!(
                "{}: cannot list the directory: {e}",
                reports.display()
            )]
        })?;
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let mut stale = Vec::new();
        for item in listing {
            let item = match item {
                Ok(i) => i,
                Err(e) => {
                    problems.push(format!("{}: {e}", reports.display()));
                    continue;
                }
            };
            let name = item.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".json") || name.starts_with('.') {
                continue;
            }
            if is_catalogue_file(&name) {
                // A page this tool wrote is replaced; anything else under a reserved name is
                // somebody's file, never deleted.
                let ours = name == SCHEMA_FILE
                    || fs::read_to_string(item.path())
                        .map(|t| read_page(&name, &t).is_ok() || read_catalogue(&name, &t).is_ok())
                        .unwrap_or(false);
                if ours {
                    stale.push(name);
                } else {
                    problems.push(format!(
                        "{name}: this name is reserved for the catalogue's own files (index.json, \
                         index-N.json, report.schema.json); rename the report"
                    ));
                }
                continue;
            }
            match fs::read(item.path()) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    // A UTF-8 byte order mark is not JSON; editors on Windows add one.
                    Ok(text) => files.push((name, text.trim_start_matches('\u{feff}').to_string())),
                    Err(_) => problems.push(format!("{name}: not UTF-8 text")),
                },
                Err(e) => problems.push(format!("{name}: cannot read: {e}")),
            }
        }
        let built = build(&files).map_err(|errors| {
            problems
                .iter()
                .cloned()
                .chain(errors.iter().map(|e| e.to_string()))
                .collect::<Vec<_>>()
        })?;
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut outputs = built.files.clone();
        outputs.push((SCHEMA_FILE.to_string(), report_json_schema()));
        // Everything to temporary names first: a failure here leaves the old catalogue.
        let mut written: Vec<(PathBuf, PathBuf)> = Vec::new();
        for (name, text) in &outputs {
            let tmp = reports.join(format!(".{name}.tmp"));
            if let Err(e) = fs::write(&tmp, text) {
                for (t, _) in &written {
                    let _ = fs::remove_file(t);
                }
                let _ = fs::remove_file(&tmp);
                return Err(vec![format!("{}: cannot write: {e}", tmp.display())]);
            }
            written.push((tmp, reports.join(name)));
        }
        for (tmp, target) in &written {
            if let Err(e) = fs::rename(tmp, target) {
                return Err(vec![format!("{}: cannot write: {e}", target.display())]);
            }
        }
        for name in stale {
            if !outputs.iter().any(|(n, _)| *n == name) {
                let _ = fs::remove_file(reports.join(&name));
            }
        }
        Ok(format!(
            "catalogue: {} report(s) in {} file(s) under {}",
            built.entries.len(),
            built.files.len(),
            reports.display()
        ))
    }
}
