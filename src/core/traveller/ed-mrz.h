/* ed-mrz.h — the machine-readable zone of passports, ID cards and visas
 *
 * ICAO Doc 9303: TD1 (3 lines of 30, ID cards), TD2 (2 × 36), TD3
 * (2 × 44, passports), MRV-A (2 × 44) and MRV-B (2 × 36, visas).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ed-traveller.h"

G_BEGIN_DECLS

typedef enum
{
  ED_MRZ_TD1,
  ED_MRZ_TD2,
  ED_MRZ_TD3,
  ED_MRZ_MRVA,
  ED_MRZ_MRVB,
} EdMrzFormat;

/* The check digits, in the order they are reported. */
typedef enum
{
  ED_MRZ_CHECK_DOCUMENT_NUMBER = 1 << 0,
  ED_MRZ_CHECK_BIRTH_DATE      = 1 << 1,
  ED_MRZ_CHECK_EXPIRY_DATE     = 1 << 2,
  ED_MRZ_CHECK_OPTIONAL_DATA   = 1 << 3,  /* TD3's personal number */
  ED_MRZ_CHECK_COMPOSITE       = 1 << 4,  /* TD1, TD2, TD3 */
} EdMrzCheck;

#define ED_MRZ_N_CHECKS 5

/* Where one check digit is, and what it should be. */
typedef struct
{
  EdMrzCheck  check;
  guint       line;       /* 1-based */
  guint       column;     /* 1-based */
  char        found;      /* as printed */
  char        expected;   /* '0' … '9' */
} EdMrzCheckDigit;

/**
 * EdMrz:
 *
 * What one MRZ says. Strings have the MRZ's fillers turned into spaces
 * and trailing fillers dropped; treat all of it as read-only.
 */
typedef struct
{
  EdMrzFormat      format;
  char            *lines[3];         /* the lines read, upper case */
  guint            n_lines;
  char            *document_code;    /* "P", "I", "V", "AC" */
  char            *issuing_state;
  char            *surname;
  char            *given_names;
  char            *document_number;  /* whole, also a long TD1/TD2 one */
  char            *nationality;
  char            *birth_date;       /* YYYY-MM-DD, or NULL when not a date */
  char            *expiry_date;      /* YYYY-MM-DD, or NULL when not a date */
  char            *sex;              /* the character: "F", "M", "X" or "<" */
  char            *optional_data;
  char            *optional_data_2;  /* TD1's second line; NULL otherwise */
  EdMrzCheckDigit  checks[ED_MRZ_N_CHECKS];
  guint            n_checks;         /* the checks this format has */
  EdMrzCheck       failed;
} EdMrz;

#define ED_TYPE_MRZ (ed_mrz_get_type ())

GType        ed_mrz_get_type              (void) G_GNUC_CONST;
EdMrz       *ed_mrz_parse                 (const char      *text,
                                           const GDate     *today,
                                           GError         **error);
EdMrz       *ed_mrz_copy                  (const EdMrz     *self);
void         ed_mrz_free                  (EdMrz           *self);

gboolean     ed_mrz_is_valid              (const EdMrz     *self);
gboolean     ed_mrz_is_visa               (const EdMrz     *self);
const char  *ed_mrz_format_name           (EdMrzFormat      format);
const char  *ed_mrz_check_name            (EdMrzCheck       check);
const char  *ed_mrz_check_traveller_key   (const EdMrz     *self,
                                           EdMrzCheck       check);
const char  *ed_mrz_check_label           (EdMrzCheck       check);
GPtrArray   *ed_mrz_dup_problems          (const EdMrz     *self);

JsonNode    *ed_mrz_to_json               (const EdMrz     *self);
void         ed_mrz_apply_to_traveller    (const EdMrz     *self,
                                           EdTraveller     *traveller);

char         ed_mrz_check_digit           (const char      *text,
                                           gssize           length);
gboolean     ed_mrz_expand_year           (guint            two_digit_year,
                                           guint            month,
                                           guint            day,
                                           gboolean         is_birth,
                                           const GDate     *today,
                                           GDate           *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdMrz, ed_mrz_free)

G_END_DECLS
