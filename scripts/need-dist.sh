# Sourced by the scripts that measure the built dist/ (bench-ui.sh, lighthouse.sh), from the
# repo's root, with their arguments: reads their one option, --build, and -h/--help (prints the
# calling script's header, its lines 2 to HELP_END), then builds dist/ with scripts/build.sh
# when asked to or when it is missing.
#   NAME=bench-ui HELP_END=15 source scripts/need-dist.sh "$@"
build=0
for arg in "$@"; do
  case "$arg" in
    --build) build=1 ;;
    -h|--help) sed -n "2,${HELP_END}p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "$NAME: unknown argument '$arg' (only --build)" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ] || [ ! -f dist/index.html ] || [ ! -f dist/reports/index.json ]; then
  scripts/build.sh
fi
