/* ed-procedure.h — one procedure of the catalog, as its file describes it
 *
 * The parts of a procedure are plain structures owned by the
 * EdProcedure; treat them as read-only. Their meaning is documented for
 * file authors in data/procedures/README.md (schemas 1 and 2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ed-language.h"
#include "ed-text.h"

G_BEGIN_DECLS

/* The newest procedure format this build reads; it reads every older one. */
#define ED_PROCEDURE_SCHEMA 2

/* A `current` procedure whose last day is this close is announced as
 * ending. */
#define ED_PROCEDURE_ENDING_DAYS 60
/* Content last checked against its sources longer ago than this is shown
 * with "check with the source before use" (a setting in the GUI). */
#define ED_PROCEDURE_REVIEW_MAX_DAYS 180

typedef struct _EdCondition EdCondition;

/* The largest procedure file read, from a folder or a feed: the largest
 * real one is well under a tenth of it. */
#define ED_PROCEDURE_MAX_SIZE (2 * 1024 * 1024)

typedef enum
{
  ED_STATUS_CURRENT,
  ED_STATUS_ARCHIVED,
  ED_STATUS_PLANNED,  /* in force from a future valid_from */
} EdStatus;

/* Where a procedure stands on a day, as lists and sheets mark it. */
typedef enum
{
  ED_PROCEDURE_IN_FORCE,
  ED_PROCEDURE_ENDING,    /* in force, its last day at most ED_PROCEDURE_ENDING_DAYS away */
  ED_PROCEDURE_PLANNED,   /* not in force yet */
  ED_PROCEDURE_ENDED,
} EdProcedureState;

/* Where a procedure was read from; later origins win by id. */
typedef enum
{
  ED_ORIGIN_SYSTEM,   /* installed with the app */
  ED_ORIGIN_USER,     /* $XDG_DATA_HOME/entry-desk/procedures */
  ED_ORIGIN_UPDATE,   /* downloaded from a signed feed */
  ED_ORIGIN_OTHER,    /* a file named on the command line */
} EdOrigin;

typedef enum
{
  ED_NOTE_INFO,
  ED_NOTE_WARNING,
  ED_NOTE_PENALTY,
  ED_NOTE_CHECK,      /* one weak source or sources in conflict: check before use */
} EdNoteKind;

typedef enum
{
  ED_SOURCE_UNSPECIFIED,
  ED_SOURCE_OFFICIAL,
  ED_SOURCE_NEWS,
  ED_SOURCE_THIRD_PARTY,
} EdSourceKind;

typedef enum
{
  ED_QUESTION_YES_NO,
  ED_QUESTION_CHOICE,
  ED_QUESTION_NUMBER,
} EdQuestionKind;

typedef enum
{
  ED_FIELD_TEXT,
  ED_FIELD_NAME_LATIN,
  ED_FIELD_DATE,
  ED_FIELD_PHONE,
  ED_FIELD_EMAIL,
  ED_FIELD_COUNTRY,
  ED_FIELD_PASSPORT_NUMBER,
  ED_FIELD_CHOICE,
  ED_FIELD_YES_NO,
  ED_FIELD_DIGITS,
  ED_FIELD_PASSWORD,
  ED_FIELD_ADDRESS,
  ED_FIELD_TIME,      /* HH:MM, 24 hours, local time */
  ED_FIELD_NUMBER,    /* a whole number, 0 or more */
} EdFieldKind;

typedef enum
{
  ED_FIELD_RULE_NONE,
  ED_FIELD_RULE_PASSPORT_NUMBER,
  ED_FIELD_RULE_NAME_LATIN,
  ED_FIELD_RULE_PHONE,
  ED_FIELD_RULE_DIGITS,
  ED_FIELD_RULE_PASSWORD,
  ED_FIELD_RULE_PATTERN,
} EdFieldRuleType;

typedef enum
{
  ED_PERIOD_PERIOD,   /* something must be done every day until the last day */
  ED_PERIOD_WINDOW,   /* something applies to events up to the last day */
  ED_PERIOD_DEADLINE, /* something must be done by the end */
} EdPeriodKind;

/* How a date rule counts (exactly one per rule). */
typedef enum
{
  ED_COUNT_DAYS,          /* days after the event */
  ED_COUNT_MONTHS,        /* calendar months after the event */
  ED_COUNT_HOURS,         /* hours after the event's date and time */
  ED_COUNT_BEFORE_DAYS,   /* days back from the event */
  ED_COUNT_BEFORE_MONTHS, /* calendar months back from the event */
  ED_COUNT_MONTH_DAY,     /* by a day of the Nth month after the event's */
  ED_COUNT_MONTH_END,     /* by the end of the Nth month after the event's */
} EdCount;

typedef enum
{
  ED_COUNTING_EVENT_DAY_0,  /* last day = event + days */
  ED_COUNTING_EVENT_DAY_1,  /* last day = event + days - 1 */
} EdCounting;

typedef struct
{
  EdText       *title;
  char         *url;        /* nullable */
  char         *date;       /* nullable, YYYY-MM-DD */
  char         *text;       /* nullable: @url as the source prints it */
  char         *id;         /* nullable in schema 1 */
  EdSourceKind  kind;
} EdSource;

/* One line of the rules box. */
typedef struct
{
  EdText    *text;
  EdText    *when;        /* nullable */
  char      *valid_from;  /* nullable */
  char      *valid_until; /* nullable */
  GPtrArray *sources;     /* char *: source ids */
  gboolean   unverified;
} EdRule;

typedef struct
{
  char       *id;
  EdNoteKind  kind;
  EdText     *text;
  char       *valid_from;  /* nullable: a later one is a planned note */
  char       *valid_until; /* nullable */
  GPtrArray  *sources;     /* char *: source ids */
  gboolean    added;       /* the author's, not the source's */
} EdNote;

typedef struct
{
  char *id;
  EdText *title;
} EdPhase;

typedef struct
{
  char     *id;
  char     *url;            /* https:, tel: or mailto: */
  char     *text;           /* nullable: the address as the source prints it */
  EdText   *title;
  gboolean  qr;
  gboolean  official_only;
} EdLink;

typedef struct
{
  char     *id;
  EdText   *text;
  char     *page;           /* nullable: "P.5～10", exactly as printed */
  gboolean  required;       /* the wizard's Next waits for it */
  gboolean  added;          /* not in the source */
} EdChecklistItem;

/* A code (QR code, WeChat sunflower code) that only the original
 * document prints, with no address: a sheet can only say where it is. */
typedef struct
{
  char   *id;
  EdText *title;
} EdOriginalCode;

typedef struct
{
  char      *id;
  EdText    *title;
  EdText    *body;
  GPtrArray *links;         /* EdLink */
  GPtrArray *notes;         /* EdNote */
  GPtrArray *original_codes; /* EdOriginalCode */
} EdAlternative;

typedef struct
{
  char      *id;
  char      *phase;         /* nullable: an EdPhase id */
  EdText    *title;
  EdText    *body;
  gboolean   optional;
  GPtrArray *alternatives;  /* EdAlternative */
  GPtrArray *notes;         /* EdNote */
  GPtrArray *links;         /* EdLink */
  GPtrArray *field_ids;     /* char*: ids of EdField, in form order */
  GPtrArray *checklist;     /* EdChecklistItem */
  char      *page;          /* nullable: the source's page, exactly as printed */
  GPtrArray *original_codes; /* EdOriginalCode */
  EdText    *summary;       /* nullable: what to do, in short */
  GPtrArray *sources;       /* char *: source ids */
  EdCondition *condition;   /* nullable: the step applies only when true */
  EdText    *not_applicable; /* nullable: why it is not needed */
  char      *valid_from;    /* nullable */
  char      *valid_until;   /* nullable */
} EdStep;

typedef struct
{
  EdFieldRuleType  type;
  int              min_length;    /* -1 when not given */
  int              max_length;    /* -1 when not given */
  int              min_classes;   /* -1 when not given */
  char            *pattern;       /* ED_FIELD_RULE_PATTERN */
  GRegex          *regex;         /* compiled @pattern, anchored */
  EdText          *message;       /* nullable */
} EdFieldRule;

typedef struct
{
  char   *value;
  EdText *label;
  char   *official_label;   /* nullable */
} EdChoice;

typedef struct
{
  char         *id;
  char         *traveller_key;    /* nullable: filled from this traveller key */
  EdFieldKind   kind;
  gboolean      required;
  EdText       *label;
  char         *official_label;   /* nullable: exactly as the official form shows it */
  EdLanguage    official_lang;    /* meaningful when official_label is set */
  EdText       *help;             /* nullable */
  EdFieldRule   rule;
  GPtrArray    *choices;          /* EdChoice */
  int           repeat;           /* 1 unless the form asks more than once */
  gboolean      is_private;       /* never saved, never printed */
} EdField;

typedef struct
{
  char         *id;
  EdPeriodKind  kind;
  char         *event;            /* a traveller key or a field id: the first of @events */
  int           days;             /* ED_COUNT_DAYS: as @amount */
  EdCounting    counting;
  EdText       *label;
  EdText       *note;             /* nullable */
  GPtrArray    *events;           /* char *: the candidates, in order */
  GPtrArray    *event_times;      /* char *: for hours, the time of each event */
  EdCount       count;
  int           amount;           /* days, months or hours */
  int           month_day;        /* ED_COUNT_MONTH_DAY: 1–28, or 31 for the last */
  int           months_after;     /* ED_COUNT_MONTH_DAY, ED_COUNT_MONTH_END */
  char         *time_zone;        /* nullable: the procedure's */
  char         *step;             /* nullable: a step id */
  EdCondition  *condition;        /* nullable */
  char         *valid_from;       /* nullable */
  char         *valid_until;      /* nullable */
  gboolean      unverified;
  GPtrArray    *sources;          /* char *: source ids */
} EdPeriod;

/* What staff answer for a traveller ("staying at a hotel?"). */
typedef struct
{
  char           *id;
  EdQuestionKind  kind;
  EdText         *text;
  EdText         *help;           /* nullable */
  GPtrArray      *choices;        /* EdChoice */
  int             min;            /* ED_QUESTION_NUMBER, -1 when not given */
  int             max;            /* ED_QUESTION_NUMBER, -1 when not given */
} EdQuestion;

/* A fee, one version of it in time. */
typedef struct
{
  char      *id;
  char      *item;                /* versions of one fee share it */
  EdText    *label;
  gint64     amount;
  char      *currency;            /* "JPY", "CNY" */
  char      *valid_from;          /* nullable */
  char      *valid_until;         /* nullable */
  char      *step;                /* nullable */
  EdText    *note;                /* nullable */
  gboolean   unverified;
  GPtrArray *sources;             /* char *: source ids */
} EdFee;

typedef struct
{
  EdText *languages;
  EdText *hours;
} EdContactHours;

typedef struct
{
  char      *id;
  EdText    *name;
  char      *phone;               /* nullable, as the source writes it */
  char      *email;               /* nullable */
  char      *url;                 /* nullable */
  gboolean   qr;
  EdText    *service;             /* nullable */
  GPtrArray *hours;               /* EdContactHours */
  char      *text;                /* nullable: @url as the source prints it */
} EdContact;

#define ED_TYPE_PROCEDURE (ed_procedure_get_type ())

G_DECLARE_FINAL_TYPE (EdProcedure, ed_procedure, ED, PROCEDURE, GObject)

EdProcedure     *ed_procedure_new_from_file        (const char         *path,
                                                    EdOrigin            origin,
                                                    GError            **error);
EdProcedure     *ed_procedure_new_from_bytes       (GBytes             *bytes,
                                                    const char         *name,
                                                    EdOrigin            origin,
                                                    GError            **error);

const char      *ed_procedure_get_id               (EdProcedure        *self);
int              ed_procedure_get_version          (EdProcedure        *self);
const char      *ed_procedure_get_updated          (EdProcedure        *self);
const char      *ed_procedure_get_path             (EdProcedure        *self);
EdOrigin         ed_procedure_get_origin           (EdProcedure        *self);
gboolean         ed_procedure_requires_language    (EdProcedure        *self,
                                                    EdLanguage          language);

const char      *ed_procedure_get_country          (EdProcedure        *self);
const char      *ed_procedure_get_subdivision      (EdProcedure        *self);
EdText          *ed_procedure_get_region_name      (EdProcedure        *self);
EdText          *ed_procedure_get_title            (EdProcedure        *self);
EdText          *ed_procedure_get_summary          (EdProcedure        *self);
EdText          *ed_procedure_get_intro            (EdProcedure        *self);

EdStatus         ed_procedure_get_status           (EdProcedure        *self);
const char      *ed_procedure_get_valid_from       (EdProcedure        *self);
const char      *ed_procedure_get_valid_until      (EdProcedure        *self);
const char      *ed_procedure_get_superseded_by    (EdProcedure        *self);
EdText          *ed_procedure_get_status_note      (EdProcedure        *self);
char            *ed_procedure_describe_status      (EdProcedure        *self,
                                                    EdLanguage          language);
char            *ed_procedure_describe_status_brief
                                                   (EdProcedure        *self,
                                                    EdLanguage          language);
char            *ed_procedure_describe_status_on   (EdProcedure        *self,
                                                    EdLanguage          language,
                                                    const GDate        *today,
                                                    gboolean            with_note);
gboolean         ed_procedure_has_ended            (EdProcedure        *self,
                                                    const GDate        *today);

GPtrArray       *ed_procedure_get_sources          (EdProcedure        *self);
GPtrArray       *ed_procedure_get_rules            (EdProcedure        *self);
GPtrArray       *ed_procedure_get_notes            (EdProcedure        *self);
GPtrArray       *ed_procedure_get_phases           (EdProcedure        *self);
GPtrArray       *ed_procedure_get_steps            (EdProcedure        *self);
GPtrArray       *ed_procedure_get_fields           (EdProcedure        *self);
GPtrArray       *ed_procedure_get_periods          (EdProcedure        *self);
GPtrArray       *ed_procedure_get_contacts         (EdProcedure        *self);

int              ed_procedure_get_schema           (EdProcedure        *self);
const char      *ed_procedure_get_reviewed         (EdProcedure        *self);
const char      *ed_procedure_get_time_zone        (EdProcedure        *self);
GPtrArray       *ed_procedure_get_see_also         (EdProcedure        *self);
const EdCondition *ed_procedure_get_condition      (EdProcedure        *self);
EdText          *ed_procedure_get_not_applicable   (EdProcedure        *self);
GPtrArray       *ed_procedure_get_questions        (EdProcedure        *self);
GPtrArray       *ed_procedure_get_fees             (EdProcedure        *self);
const EdQuestion *ed_procedure_find_question       (EdProcedure        *self,
                                                    const char         *question_id);
const EdSource  *ed_procedure_find_source          (EdProcedure        *self,
                                                    const char         *source_id);
const EdPeriod  *ed_procedure_find_period          (EdProcedure        *self,
                                                    const char         *period_id);
GPtrArray       *ed_procedure_dup_fees_on          (EdProcedure        *self,
                                                    const GDate        *day);
EdProcedureState ed_procedure_get_state            (EdProcedure        *self,
                                                    const GDate        *today);
gboolean         ed_procedure_is_planned           (EdProcedure        *self,
                                                    const GDate        *today);
gboolean         ed_procedure_is_ending            (EdProcedure        *self,
                                                    const GDate        *today);
gboolean         ed_procedure_review_is_stale      (EdProcedure        *self,
                                                    const GDate        *today,
                                                    guint               max_days);
char            *ed_procedure_describe_review      (EdProcedure        *self,
                                                    EdLanguage          language,
                                                    const GDate        *today,
                                                    guint               max_days);

const EdField   *ed_procedure_find_field           (EdProcedure        *self,
                                                    const char         *field_id);
const EdStep    *ed_procedure_find_step            (EdProcedure        *self,
                                                    const char         *step_id);
const EdPhase   *ed_procedure_find_phase           (EdProcedure        *self,
                                                    const char         *phase_id);
gboolean         ed_procedure_matches              (EdProcedure        *self,
                                                    const char         *needle);

/* ed-procedure-json.c: the file's form (every language), or one language's */
JsonNode        *ed_procedure_to_json              (EdProcedure        *self);
JsonNode        *ed_procedure_to_json_in           (EdProcedure        *self,
                                                    EdLanguage          language);

/* The names the file uses: "passport-number" */
const char      *ed_field_kind_to_string           (EdFieldKind         kind);
const char      *ed_field_rule_type_to_string      (EdFieldRuleType     type);
const char      *ed_note_kind_to_string            (EdNoteKind          kind);
char            *ed_fee_format_amount              (const EdFee        *fee,
                                                    EdLanguage          language);

G_END_DECLS
