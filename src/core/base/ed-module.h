/* ed-module.h — libraries opened when first needed
 *
 * The office database (libpq), SVG logos (librsvg) and calendar files
 * (libical with ICU) bring some forty libraries between them, which the
 * dynamic linker would otherwise map and relocate at every start, the
 * command line's included: about 30 ms of each sheet a clerk prints,
 * though most never touch them. Each is opened the first time one of
 * its functions is called instead (ed-pq.h, ed-rsvg.h, ed-ical.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A library and the functions taken from it, in the order of @table's
 * members; static, one for each library. */
typedef struct
{
  const char         *file;       /* the file to open: "libpq.so.5" */
  const char         *package;    /* what to install when it is missing */
  const char * const *symbols;    /* %NULL-terminated */
  gpointer           *table;      /* one function pointer a symbol */

  /* private */
  gsize               loaded;     /* 1: loaded, 2: failed */
  GError             *error;
} EdModule;

gboolean  ed_module_load  (EdModule  *module,
                           GError   **error);
gpointer  ed_module_table (EdModule  *module);

/* Declares the table @Table of the functions a library's header lists
 * as @FUNCTIONS (F), @load () and @table () (ed-pq.h). */
#define ED_MODULE_MEMBER(function) __typeof__ (function) *function;
#define ED_MODULE_DECLARE(Table, FUNCTIONS, load, table) \
  typedef struct \
  { \
    FUNCTIONS (ED_MODULE_MEMBER) \
  } Table; \
  gboolean     load  (GError **error); \
  const Table *table (void);

/* Defines them, in the library's own .c file. */
#define ED_MODULE_NAME(function) #function,
#define ED_MODULE_DEFINE(Table, FUNCTIONS, file, package, load, table) \
  static const char * const table##_symbols[] = { FUNCTIONS (ED_MODULE_NAME) NULL }; \
  static Table table##_functions; \
  G_STATIC_ASSERT (sizeof (Table) == \
                   (G_N_ELEMENTS (table##_symbols) - 1) * sizeof (gpointer)); \
  static EdModule table##_module = { \
    file, package, table##_symbols, (gpointer *) &table##_functions, 0, NULL \
  }; \
  gboolean \
  load (GError **error) \
  { \
    return ed_module_load (&table##_module, error); \
  } \
  const Table * \
  table (void) \
  { \
    return ed_module_table (&table##_module); \
  }

G_END_DECLS
