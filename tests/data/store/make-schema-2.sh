#!/bin/sh
# How schema-2.db was made: a case store as the build before journeys
# (commit 52be50b, store schema 2) writes it, with two cases imported
# from case files: case.json (closed, format 1, jp-my-her-sys) and
# case-open.json (open, jp-residence-registration, two travellers,
# ticks for one traveller and for the whole case, a sheet log line).
# test-store-journey.c opens a copy and expects everything back.
#
# Run from a checkout of that commit, built in _build:
#   sh tests/data/store/make-schema-2.sh OUT.db
set -eu
out=${1:?usage: make-schema-2.sh OUT.db}
home=$(mktemp -d)
XDG_DATA_HOME=$home ENTRY_DESK_DATADIR=$PWD/data ./_build/src/cli/entry-desk-cli \
  cases import tests/data/store/case.json
XDG_DATA_HOME=$home ENTRY_DESK_DATADIR=$PWD/data ./_build/src/cli/entry-desk-cli \
  cases import tests/data/store/case-open.json
sqlite3 "$home/entry-desk/cases.db" \
  "PRAGMA wal_checkpoint (TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;"
cp "$home/entry-desk/cases.db" "$out"
rm -rf "$home"
