#!/usr/bin/env python3
"""Where the first visit's bytes go, and what opening each lazy part costs.

    scripts/size-profile.py [DIST] [TOP]        # after scripts/build.sh; DIST defaults to dist

1. The main module by crate and by our own module (`report_explorer::ui::overview` …): twiggy's
   shallow sizes of the module as wasm-bindgen leaves it, before wasm-opt, so names are kept
   (the split step's output, `$CARGO_TARGET_DIR/split/release/split/report-explorer.wasm`,
   put through wasm-bindgen again into a temporary folder). A generic function counts for the
   crate that defines it (`tachys`' `build` of one of our views counts for tachys); drop glue
   is its own line. Sizes before wasm-opt and gzip (about 2.7:1 smaller in the first visit):
   use them to rank.
2. Each split point of DIST: its own chunk and the shared chunks it needs (from the chunk
   loader, `split-*.js`), gzip -9: the bytes and files a reader fetches when first opening it.
"""
import csv, glob, gzip, os, re, subprocess, sys, tempfile
from collections import Counter

DIST = sys.argv[1] if len(sys.argv) > 1 else "dist"
TOP = int(sys.argv[2]) if len(sys.argv) > 2 else 30
TARGET = os.environ.get("CARGO_TARGET_DIR", "target")
MODULE = os.path.join(TARGET, "split/release/split/report-explorer.wasm")


def owner(name: str) -> str:
    """Who an item's bytes belong to: a crate, one of our modules, data or drop glue."""
    name = re.sub(r"\[[0-9a-f]{6,}\]", "", name)  # v0 mangling's crate disambiguators
    if name.startswith(("data[", "data segment")):
        return "data (strings, tables)"
    if name.startswith("core::ptr::drop_in_place"):
        return "drop glue"
    # `<Type as Trait>::method`: the code is the type's.
    n = re.sub(r"^[<&*( ]*(?:mut |dyn |const )?", "", name)
    head = re.split(r"[<>\s,(]", n, maxsplit=1)[0]
    parts = [p for p in head.split("::") if p]
    if not parts:
        return "other"
    if parts[0] == "report_explorer":
        return "::".join(parts[:3])
    if len(parts) > 1 and re.fullmatch(r"[a-z_][a-z0-9_]*", parts[0]):
        return parts[0]
    return "other (tables, imports, unnamed)"


def by_owner() -> None:
    if not os.path.exists(MODULE):
        print(f"{MODULE} is missing: run scripts/build.sh first")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle",
                        "--no-typescript", "--out-dir", tmp, "--out-name", "m", MODULE], check=True)
        out = subprocess.run(["twiggy", "top", "-n", "1000000", "-f", "csv",
                              os.path.join(tmp, "m_bg.wasm")],
                             check=True, capture_output=True, text=True).stdout
    sizes, counts, total = Counter(), Counter(), 0
    for row in csv.DictReader(out.splitlines()):
        name, size = row["Name"], int(row["ShallowSize"])
        # The name section and wasm-bindgen's custom sections: wasm-opt strips them.
        if name.startswith(("Σ", '"', "custom section")):
            continue
        total += size
        sizes[owner(name)] += size
        counts[owner(name)] += 1
    print(f"main module before wasm-opt: {total / 1024:.1f} KB in {sum(counts.values())} items")
    print(f"{'KB':>9} {'share':>6} {'items':>6}  owner")
    for key, size in sizes.most_common(TOP):
        print(f"{size / 1024:9.1f} {100 * size / total:5.1f}% {counts[key]:6d}  {key}")


def by_split_point() -> None:
    loaders = glob.glob(os.path.join(DIST, "split-*.js"))
    if not loaders:
        print(f"no chunk loader in {DIST}")
        return
    js = open(loaders[0]).read()
    gz = lambda f: len(gzip.compress(open(os.path.join(DIST, f), "rb").read(), 9))
    shared = {m.group(1): m.group(2) for m in re.finditer(
        r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)"', js)}
    print(f"\nopening each split point (gzip -9; {DIST}):")
    print(f"{'split point':20} {'own KB':>7} {'shared':>7} {'files':>6} {'total KB':>9}")
    for m in re.finditer(r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{'
                         r'\s*const src = fetch\(new URL\("\./([^"]+)".*?\n, \[(.*?)\]\)\);', js, re.S):
        deps = [d.strip() for d in m.group(3).split(",") if d.strip()]
        own, rest = gz(m.group(2)), sum(gz(shared[d]) for d in deps)
        print(f"{m.group(1):20} {own / 1024:7.1f} {rest / 1024:7.1f} {len(deps) + 1:6d} {(own + rest) / 1024:9.1f}")


by_owner()
by_split_point()
