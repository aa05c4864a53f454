/* ed-json-reader.h — typed reading of a JSON document that reports every
 * problem with its place (`steps[3].links[0].url`)
 *
 * Private to libentrydesk-core. A reader walks a parsed document; each
 * getter checks the member's type and records a problem, in the UI
 * language, at the member's JSON path when it is wrong. Parsing goes on
 * after a problem so that a file author sees all of them at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ed-json-guard.h"
#include "ed-language.h"
#include "ed-text.h"

G_BEGIN_DECLS

/* Beyond this many, a file is hopeless and the rest would only bury the
 * first ones. */
#define ED_JSON_READER_MAX_PROBLEMS 50

typedef struct
{
  const char *file;       /* as the messages name it */
  GString    *path;       /* where the reader is: `steps[3].links` */
  GPtrArray  *problems;   /* char *: "file: place: what" */
  guint       n_problems; /* including those beyond the maximum */
  guint       languages;  /* 1 << EdLanguage required in every text */
  gsize       max_size;   /* the largest file taken; 0: ED_JSON_MAX_SIZE */
} EdJsonReader;

typedef void     (*EdJsonParseFunc)    (EdJsonReader *reader,
                                        JsonNode     *root,
                                        gpointer      user_data,
                                        gboolean     *newer);

typedef gpointer (*EdJsonReadItemFunc) (EdJsonReader *reader,
                                        JsonObject   *object,
                                        GHashTable   *ids,
                                        gpointer      user_data);

void         ed_json_reader_init          (EdJsonReader        *self,
                                           const char          *file);
void         ed_json_reader_clear         (EdJsonReader        *self);
JsonNode    *ed_json_reader_parse         (EdJsonReader        *self,
                                           JsonParser          *parser,
                                           const char          *data,
                                           gsize                size);
void         ed_json_reader_set_error     (EdJsonReader        *self,
                                           int                  code,
                                           GError             **error);
void         ed_json_reader_problem       (EdJsonReader        *self,
                                           const char          *format,
                                           ...) G_GNUC_PRINTF (2, 3);
void         ed_json_reader_problem_at    (EdJsonReader        *self,
                                           const char          *place,
                                           const char          *format,
                                           ...) G_GNUC_PRINTF (3, 4);
gsize        ed_json_reader_enter         (EdJsonReader        *self,
                                           const char          *key);
gsize        ed_json_reader_enter_index   (EdJsonReader        *self,
                                           guint                index);
void         ed_json_reader_leave         (EdJsonReader        *self,
                                           gsize                mark);

void         ed_json_reader_check_keys    (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char * const  *known);
JsonNode    *ed_json_reader_member        (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required);
char        *ed_json_reader_get_string    (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required);
char        *ed_json_reader_get_id        (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required);
char        *ed_json_reader_get_date      (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required);
gboolean     ed_json_reader_get_int       (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required,
                                           int                  min,
                                           int                  max,
                                           int                 *value);
gboolean     ed_json_reader_get_bool      (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean            *value);
int          ed_json_reader_get_enum      (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required,
                                           const char * const  *names,
                                           int                  fallback);
EdText      *ed_json_reader_get_text      (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required);
JsonObject  *ed_json_reader_get_object    (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required);
JsonArray   *ed_json_reader_get_array     (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required);
GPtrArray   *ed_json_reader_read_list     (EdJsonReader        *self,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean             required,
                                           EdJsonReadItemFunc   read_item,
                                           GDestroyNotify       free_item,
                                           gpointer             user_data);
char        *ed_json_reader_read_item_id  (EdJsonReader        *self,
                                           JsonObject          *object,
                                           GHashTable          *ids);

gboolean     ed_json_reader_is_id         (const char          *text);
gboolean     ed_json_reader_read_bytes    (GBytes              *bytes,
                                           const char          *name,
                                           gsize                max_size,
                                           EdJsonParseFunc      parse,
                                           gpointer             user_data,
                                           GError             **error);
GBytes      *ed_json_reader_load_file     (const char          *path,
                                           gsize                max_size,
                                           GError             **error);
char        *ed_json_reader_expected_id   (const char          *name);

G_END_DECLS
