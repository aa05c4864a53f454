/* ed-field-limits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-field-limits.h"
#include "ed-traveller-keys.h"

typedef struct
{
  const char *key;
  guint       max_length;
} KeyLimit;

/* ed-field-limits.h says why. */
static const KeyLimit key_limits[] = {
  { "surname", 100 },
  { "given_names", 100 },
  { "native_name", 100 },
  { "phonetic_name", 100 },
  { "sex", 16 },
  { "birth_date", 32 },
  { "nationality", 64 },
  { "passport_number", 9 },
  { "passport_expiry", 32 },
  { "email", 254 },
  { "phone", 16 },
  { "address_abroad", 300 },
  { "address_local", 300 },
  { "arrival_date", 32 },
  { "arrival_time", 16 },
  { "arrival_port", 100 },
  { "flight_number", 16 },
  { "visa_type", 64 },
  { "status_of_residence", 100 },
  { "stay_expiry", 32 },
  { "residence_card_number", 16 },
  { "employer", 200 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (key_limits) == ED_TRAVELLER_N_KEYS);

/**
 * ed_traveller_key_max_length:
 * @key: a traveller key
 *
 * Returns: the most characters @key may hold; %ED_FIELD_MAX_LENGTH for
 *   a key that is not one
 */
guint
ed_traveller_key_max_length (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_limits); i++)
    if (g_strcmp0 (key_limits[i].key, key) == 0)
      return key_limits[i].max_length;

  return ED_FIELD_MAX_LENGTH;
}

/**
 * ed_field_max_length:
 *
 * Returns: the most characters an answer to @field may have: its rule's
 *   `max_length`, or else that of the traveller key it fills, or else
 *   %ED_FIELD_MAX_LENGTH
 */
guint
ed_field_max_length (const EdField *field)
{
  g_return_val_if_fail (field != NULL, ED_FIELD_MAX_LENGTH);

  if (field->rule.max_length > 0)
    return MIN ((guint) field->rule.max_length, ED_FIELD_MAX_LENGTH);
  if (field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key))
    return ed_traveller_key_max_length (field->traveller_key);

  return ED_FIELD_MAX_LENGTH;
}

/**
 * ed_field_value_fits:
 * @value: (nullable): UTF-8
 * @max_length: in characters
 * @length: (out) (optional): how many characters @value has
 *
 * Returns: whether @value has at most @max_length characters
 */
gboolean
ed_field_value_fits (const char *value,
                     guint       max_length,
                     guint      *length)
{
  glong n = value != NULL ? g_utf8_strlen (value, -1) : 0;

  if (length != NULL)
    *length = (guint) MIN (n, G_MAXUINT);

  return n <= (glong) max_length;
}

/**
 * ed_field_describe_too_long:
 *
 * Returns: (transfer full): the sentence that refuses a value of
 *   @length characters where @max_length may be, in the UI language
 */
char *
ed_field_describe_too_long (guint length,
                            guint max_length)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This has %u character; it can have at most %u.",
                                       "This has %u characters; it can have at most %u.",
                                       length),
                          length, max_length);
}
