-- A case store as schema 1 wrote it (before the search index of schema
-- 2): two cases, one closed, with travellers, ticks and a sheet log.
-- test-store.c opens it and expects everything back, searchable.
CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE CHECK (length (reference) = 6),
  procedure_id TEXT NOT NULL,
  procedure_version INTEGER NOT NULL,
  current_step TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed INTEGER CHECK ((status = 'closed') = (closed IS NOT NULL)),
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  notes TEXT,
  names TEXT NOT NULL DEFAULT '',
  n_travellers INTEGER NOT NULL DEFAULT 0,
  n_done INTEGER NOT NULL DEFAULT 0,
  trashed INTEGER
);
CREATE INDEX cases_modified ON cases (modified);
CREATE INDEX cases_closed ON cases (closed) WHERE closed IS NOT NULL;
CREATE TABLE travellers (
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
) WITHOUT ROWID;
CREATE TABLE checklist (
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  traveller INTEGER NOT NULL,
  step_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  done_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, traveller, step_id, item_id)
) WITHOUT ROWID;
CREATE TABLE sheet_log (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('print', 'pdf', 'batch')),
  procedure_id TEXT NOT NULL,
  procedure_version INTEGER NOT NULL,
  languages TEXT NOT NULL,
  paper TEXT NOT NULL
);
CREATE INDEX sheet_log_case ON sheet_log (case_id);
CREATE TRIGGER sheet_log_kept BEFORE DELETE ON sheet_log
  WHEN EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)
  BEGIN SELECT RAISE (ABORT, 'the sheet log is kept as long as its case'); END;
CREATE TRIGGER sheet_log_fixed BEFORE UPDATE ON sheet_log
  BEGIN SELECT RAISE (ABORT, 'the sheet log cannot be changed'); END;

INSERT INTO meta VALUES ('retention_days', '365');

INSERT INTO cases VALUES (1, '7K3MQ9', 'jp-my-her-sys', 2, 'register', 'open', NULL,
  1667000000, 1667100000, 'Call back on Monday', 'YAMADA TARO' || char (10) || 'YAMADA HANAKO',
  2, 2, NULL);
INSERT INTO travellers VALUES (1, 0,
  '{"surname":"YAMADA","given_names":"TARO","native_name":"山田 太郎","phonetic_name":"ヤマダ タロウ","passport_number":"TK1234567","answers":{"hersys-id":"1234567"}}');
INSERT INTO travellers VALUES (1, 1,
  '{"surname":"YAMADA","given_names":"HANAKO","native_name":"山田 花子","phonetic_name":"ヤマダ ハナコ","passport_number":"TK7654321","answers":{}}');
INSERT INTO checklist VALUES (1, -1, 'install', 'app-installed', 1667050000);
INSERT INTO checklist VALUES (1, 1, 'register', 'registered', 1667060000);
INSERT INTO sheet_log VALUES (1, 1, 1667070000, 'print', 'jp-my-her-sys', 2, 'ja,en', 'a4');

INSERT INTO cases VALUES (2, 'AB12CD', 'cn-shanghai-health-code', 1, NULL, 'closed',
  1668000000, 1667500000, 1668000000, NULL, 'WANG XIAOMING', 1, 0, NULL);
INSERT INTO travellers VALUES (2, 0,
  '{"surname":"WANG","given_names":"XIAOMING","native_name":"王小明","passport_number":"E12345678","answers":{}}');

PRAGMA user_version = 1;
