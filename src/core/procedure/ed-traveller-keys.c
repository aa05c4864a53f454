/* ed-traveller-keys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-traveller-keys.h"

/* The traveller file's keys (DESIGN.md "Traveller data"), in the order
 * a passport and the forms present them. */
static const char * const keys[] = {
  "surname",
  "given_names",
  "native_name",
  "phonetic_name",
  "sex",
  "birth_date",
  "nationality",
  "passport_number",
  "passport_expiry",
  "email",
  "phone",
  "address_abroad",
  "address_local",
  "arrival_date",
  "arrival_time",
  "arrival_port",
  "flight_number",
  "visa_type",
  "status_of_residence",
  "stay_expiry",
  "residence_card_number",
  "employer",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) - 1 == ED_TRAVELLER_N_KEYS);

const char * const *
ed_traveller_keys (void)
{
  return keys;
}

/* Returns: the key's place in ed_traveller_keys(), or -1 */
int
ed_traveller_key_index (const char *key)
{
  for (guint i = 0; i < ED_TRAVELLER_N_KEYS; i++)
    if (g_strcmp0 (key, keys[i]) == 0)
      return (int) i;

  return -1;
}

gboolean
ed_traveller_is_key (const char *key)
{
  return ed_traveller_key_index (key) >= 0;
}

gboolean
ed_traveller_key_is_date (const char *key)
{
  return g_strcmp0 (key, "birth_date") == 0 ||
         g_strcmp0 (key, "passport_expiry") == 0 ||
         g_strcmp0 (key, "arrival_date") == 0 ||
         g_strcmp0 (key, "stay_expiry") == 0;
}

gboolean
ed_traveller_key_is_time (const char *key)
{
  return g_strcmp0 (key, "arrival_time") == 0;
}
