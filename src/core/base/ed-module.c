/* ed-module.c — libraries opened when first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "ed-error.h"
#include "ed-module.h"

static gboolean
open_module (EdModule  *module,
             GError   **error)
{
  GModule *library = g_module_open (module->file, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (library == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a library's file
                    * (libpq.so.5), the second the package to install (libpq5) */
                   _("The library %s is missing: install the package %s"),
                   module->file, module->package);
      return FALSE;
    }

  for (guint i = 0; module->symbols[i] != NULL; i++)
    if (!g_module_symbol (library, module->symbols[i], &module->table[i]) ||
        module->table[i] == NULL)
      {
        g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                     /* Translators: %s is a library's file (libpq.so.5), then
                      * the package to install (libpq5) */
                     _("The library %s is too old: update the package %s"),
                     module->file, module->package);
        memset (module->table, 0, i * sizeof (gpointer));
        g_module_close (library);
        return FALSE;
      }

  /* Open as long as the process lives: its functions are in use. */
  g_module_make_resident (library);
  return TRUE;
}

/**
 * ed_module_load:
 *
 * Opens @module's library and takes its functions, the first time; from
 * any thread.
 *
 * Returns: whether its functions can be called; if not, @error says
 *   which package to install
 */
gboolean
ed_module_load (EdModule  *module,
                GError   **error)
{
  if (g_once_init_enter (&module->loaded))
    {
      GError *local_error = NULL;
      gboolean ok = open_module (module, &local_error);

      module->error = local_error;
      g_once_init_leave (&module->loaded, ok ? 1 : 2);
    }

  if (module->loaded == 2)
    {
      g_propagate_error (error, g_error_copy (module->error));
      return FALSE;
    }

  return TRUE;
}

/**
 * ed_module_table:
 *
 * The functions of @module, for a call that follows an
 * ed_module_load() that succeeded.
 *
 * Returns: (transfer none): @module's table
 */
gpointer
ed_module_table (EdModule *module)
{
  GError *error = NULL;

  if (G_UNLIKELY (!ed_module_load (module, &error)))
    g_error ("%s", error->message);

  return module->table;
}
