/* ed-json-guard.h — what every JSON reader checks before json-glib sees a byte
 *
 * json-glib recurses once a level of nesting (a file of 75,000 `[`
 * overflows the stack), keeps the last of two equal keys, stops reading
 * after the first document, and accepts comments, single quotes,
 * hexadecimal numbers and whole numbers too large for 64 bits (which
 * wrap). A file from outside — a procedure, a traveller, a case, a feed
 * index, the update state — goes through this guard first, and only
 * strict JSON (RFC 8259) reaches json-glib:
 *
 * - no larger than the reader's maximum (ED_JSON_MAX_SIZE by default),
 *   and a file larger than that is not even read into memory;
 * - UTF-8 text without a NUL byte; a byte order mark is allowed;
 * - exactly one document (a second one is refused, not ignored);
 * - no deeper than ED_JSON_MAX_DEPTH objects and lists;
 * - no key twice in an object;
 * - in a text, no raw control character, no `\u0000`, no half of a
 *   surrogate pair; a whole number fits in 64 bits.
 *
 * A refusal has a place and a message. The place is "line L, column C"
 * (where the file goes wrong; for a file cut short, just after its last
 * token), or a JSON path such as `steps[3].id` for a key given twice;
 * %NULL for the file as a whole (too large, empty). The message says
 * what is wrong and what to do, in the UI language.
 *
 * Readers: ed_json_guard_load() reads a file with the size limit,
 * ed_json_guard_parse() checks and parses; a reader that collects its
 * problems (EdJsonReader) calls ed_json_guard_check() itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* No Entry Desk file nests deeper than about 6; json-glib itself
 * overflows the stack at some tens of thousands. */
#define ED_JSON_MAX_DEPTH 64

/* The largest file a reader takes when it sets no maximum of its own:
 * far more than any case or traveller file, far less than what would
 * exhaust memory once json-glib holds it as nodes. */
#define ED_JSON_MAX_SIZE (16 * 1024 * 1024)

gboolean     ed_json_guard_check        (const char     *data,
                                         gsize           size,
                                         gsize           max_size,
                                         char          **place,
                                         char          **message);
JsonNode    *ed_json_guard_parse        (const char     *data,
                                         gsize           size,
                                         gsize           max_size,
                                         const char     *file,
                                         GError        **error);
GBytes      *ed_json_guard_load         (GFile          *file,
                                         gsize           max_size,
                                         GCancellable   *cancellable,
                                         GError        **error);
JsonNode    *ed_json_guard_parse_file   (const char     *path,
                                         gsize           max_size,
                                         GError        **error);
char        *ed_json_guard_format       (const char     *file,
                                         const char     *place,
                                         const char     *message);
void         ed_json_guard_append_key   (GString        *path,
                                         const char     *key);

G_END_DECLS
