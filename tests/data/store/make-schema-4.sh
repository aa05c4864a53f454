#!/bin/sh
# How schema-4.db was made: a case store as the build before Han variants
# were folded (commit cb210f0, store schema 4) writes it, with two cases
# imported from case files: ED-4H7N-2P, 張偉 (ZHANG WEI) and 陳美 (CHEN
# MEI), written in Traditional characters, and ED-8JKW-5T, 沢田広
# (SAWADA HIROSHI), in Japanese shinjitai. Their search tokens are those
# characters as typed. test-store-search.c opens a copy and finds them by
# their other forms (张, 陈, 澤, 广).
#
# Run from a checkout of that commit, built in _build, with the two case
# files this script writes:
#   sh tests/data/store/make-schema-4.sh OUT.db
set -eu
out=${1:?usage: make-schema-4.sh OUT.db}
home=$(mktemp -d)
cat > "$home/case-1.json" <<'JSON'
{
  "entry_desk_case" : 1,
  "reference" : "ED-4H7N-2P",
  "procedure" : "jp-residence-registration",
  "procedure_version" : 1,
  "status" : "open",
  "created" : "2026-12-03T01:00:00Z",
  "modified" : "2026-12-03T02:00:00Z",
  "travellers" : [
    {
      "surname" : "ZHANG",
      "given_names" : "WEI",
      "native_name" : "張偉",
      "nationality" : "TWN",
      "passport_number" : "312345678"
    },
    {
      "surname" : "CHEN",
      "given_names" : "MEI",
      "native_name" : "陳美",
      "nationality" : "TWN",
      "passport_number" : "312345679"
    }
  ],
  "checklist" : [],
  "sheets" : []
}
JSON
cat > "$home/case-2.json" <<'JSON'
{
  "entry_desk_case" : 1,
  "reference" : "ED-8JKW-5T",
  "procedure" : "jp-residence-registration",
  "procedure_version" : 1,
  "status" : "open",
  "created" : "2026-12-04T01:00:00Z",
  "modified" : "2026-12-04T02:00:00Z",
  "travellers" : [
    {
      "surname" : "SAWADA",
      "given_names" : "HIROSHI",
      "native_name" : "沢田広",
      "phonetic_name" : "サワダ ヒロシ",
      "nationality" : "JPN",
      "passport_number" : "TR1234567"
    }
  ],
  "checklist" : [],
  "sheets" : []
}
JSON
for f in case-1 case-2; do
  XDG_DATA_HOME=$home ENTRY_DESK_DATADIR=$PWD/data ./_build/src/cli/entry-desk-cli \
    cases import "$home/$f.json"
done
sqlite3 "$home/entry-desk/cases.db" \
  "PRAGMA wal_checkpoint (TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;"
cp "$home/entry-desk/cases.db" "$out"
rm -rf "$home"
