# The release wasm's toolchain and flags, sourced by build-wasm.sh and size-floor.sh: the pinned
# nightly (scripts/nightly-toolchain) rebuilds std with optimize_for_size as its only feature (the
# smaller of its implementations where it has two, such as sorting and integer formatting; naming
# features replaces cargo's default list for std, panic-unwind among it, which an aborting wasm
# does not use) and panics as immediate aborts (no panic messages or the formatting they pull in).
# README, "Release toolchain".
RELEASE_TOOLCHAIN="+$(cat "$(dirname "${BASH_SOURCE[0]}")/nightly-toolchain")"
RELEASE_CARGO_FLAGS=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
RELEASE_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
