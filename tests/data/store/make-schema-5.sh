#!/bin/sh
# How schema-5.db was made: a case store as the build before the case
# list counted progress in the steps that apply (commit 2ac9d43, store
# schema 5) writes it, with three cases of cn-accommodation-registration
# (eleven steps) imported from case files:
#   ED-6K3M-Q9, LI NA, not at a hotel, in Shanghai, at the step "register":
#     five steps apply, she is at the second;
#   ED-6P2N-7T, ZHOU MIN, at a hotel, at the step "hotel-registers": one
#     step applies, he is at it;
#   ED-6W4R-8X, SUN LEI, closed.
# test-store-progress.c opens a copy: the progress is not known until a
# store with a catalog refreshes (ed_store_refresh_due ()), then it is
# "step 2 of 5" and "step 1 of 1", and the closed case has none.
#
# Run from a checkout of that commit, built in _build, with the case
# files this script writes:
#   sh tests/data/store/make-schema-5.sh OUT.db
set -eu
out=${1:?usage: make-schema-5.sh OUT.db}
home=$(mktemp -d)
cat > "$home/case-1.json" <<'JSON'
{
  "entry_desk_case" : 1,
  "reference" : "ED-6K3M-Q9",
  "procedure" : "cn-accommodation-registration",
  "procedure_version" : 1,
  "status" : "open",
  "created" : "2026-12-05T01:00:00Z",
  "modified" : "2026-12-05T02:00:00Z",
  "current_step" : "register",
  "travellers" : [
    {
      "surname" : "LI",
      "given_names" : "NA",
      "nationality" : "TWN",
      "passport_number" : "312345670",
      "answers" : {
        "stay-at-hotel" : "no",
        "city" : "shanghai"
      }
    }
  ],
  "checklist" : [],
  "sheets" : []
}
JSON
cat > "$home/case-2.json" <<'JSON'
{
  "entry_desk_case" : 1,
  "reference" : "ED-6P2N-7T",
  "procedure" : "cn-accommodation-registration",
  "procedure_version" : 1,
  "status" : "open",
  "created" : "2026-12-05T03:00:00Z",
  "modified" : "2026-12-05T04:00:00Z",
  "current_step" : "hotel-registers",
  "travellers" : [
    {
      "surname" : "ZHOU",
      "given_names" : "MIN",
      "nationality" : "SGP",
      "passport_number" : "K1234567A",
      "answers" : {
        "stay-at-hotel" : "yes"
      }
    }
  ],
  "checklist" : [],
  "sheets" : []
}
JSON
cat > "$home/case-3.json" <<'JSON'
{
  "entry_desk_case" : 1,
  "reference" : "ED-6W4R-8X",
  "procedure" : "cn-accommodation-registration",
  "procedure_version" : 1,
  "status" : "closed",
  "created" : "2026-12-01T01:00:00Z",
  "modified" : "2026-12-02T01:00:00Z",
  "closed" : "2026-12-02T01:00:00Z",
  "current_step" : "summary",
  "travellers" : [
    {
      "surname" : "SUN",
      "given_names" : "LEI",
      "nationality" : "CAN",
      "passport_number" : "AB123456",
      "answers" : {
        "stay-at-hotel" : "no",
        "city" : "other"
      }
    }
  ],
  "checklist" : [],
  "sheets" : []
}
JSON
for f in case-1 case-2 case-3; do
  XDG_DATA_HOME=$home ENTRY_DESK_DATADIR=$PWD/data ./_build/src/cli/entry-desk-cli \
    cases import "$home/$f.json"
done
sqlite3 "$home/entry-desk/cases.db" \
  "PRAGMA wal_checkpoint (TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;"
cp "$home/entry-desk/cases.db" "$out"
rm -rf "$home"
