/* ed-string.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-string.h"

/**
 * ed_string_replace:
 * @slot: the text held, owned
 * @value: (nullable): the new text; "" is the same as none, as it is to
 *   a user
 *
 * Returns: whether the text changed, so that the holder notifies only
 *   real changes
 */
gboolean
ed_string_replace (char       **slot,
                   const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}
