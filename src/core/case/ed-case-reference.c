/* ed-case-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-reference.h"

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * ed_case_reference_generate:
 *
 * Returns: (transfer full): six random characters of the alphabet (30
 *   bits); the store retries on the rare collision.
 */
char *
ed_case_reference_generate (void)
{
  char *reference = g_malloc (ED_CASE_REFERENCE_LENGTH + 1);

  for (guint i = 0; i < ED_CASE_REFERENCE_LENGTH; i++)
    reference[i] = alphabet[g_random_int_range (0, 32)];
  reference[ED_CASE_REFERENCE_LENGTH] = '\0';

  return reference;
}

/* Crockford's reading of what people type for what they see. */
static char
canonical_char (char c)
{
  c = g_ascii_toupper (c);
  switch (c)
    {
    case 'O':
      return '0';
    case 'I':
    case 'L':
      return '1';
    default:
      return strchr (alphabet, c) != NULL && c != '\0' ? c : '\0';
    }
}

/**
 * ed_case_reference_normalize:
 * @typed: a reference as typed: "ed-7k3m-q9", "7K3MQ9", "ED 7K3M Q9"
 *
 * Returns: (transfer full) (nullable): the canonical six characters, or
 *   %NULL when @typed cannot be a reference
 */
char *
ed_case_reference_normalize (const char *typed)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  g_return_val_if_fail (typed != NULL, NULL);

  for (const char *p = typed; *p != '\0'; p++)
    if (*p != '-' && *p != ' ')
      g_string_append_c (compact, *p);

  /* "ED" is part of the reference as shown, not of the random part; a
   * reference that itself starts with ED is told apart by its length. */
  if (compact->len == ED_CASE_REFERENCE_LENGTH + 2 &&
      g_ascii_strncasecmp (compact->str, "ED", 2) == 0)
    g_string_erase (compact, 0, 2);

  if (compact->len != ED_CASE_REFERENCE_LENGTH)
    return NULL;

  for (gsize i = 0; i < compact->len; i++)
    {
      char c = canonical_char (compact->str[i]);

      if (c == '\0')
        return NULL;
      compact->str[i] = c;
    }

  return g_string_free (g_steal_pointer (&compact), FALSE);
}

/**
 * ed_case_reference_format:
 * @canonical: six characters as ed_case_reference_normalize() returns
 *
 * Returns: (transfer full): the reference as shown: "ED-7K3M-Q9"
 */
char *
ed_case_reference_format (const char *canonical)
{
  g_return_val_if_fail (canonical != NULL, NULL);
  g_return_val_if_fail (strlen (canonical) == ED_CASE_REFERENCE_LENGTH, NULL);

  return g_strdup_printf ("ED-%.4s-%.2s", canonical, canonical + 4);
}
