/* ed-cli-mrz.c — entry-desk-cli mrz
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

/* Everything on standard input: a scanner's or a pasted MRZ. */
static char *
read_stdin (void)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, (gssize) n);

  return g_string_free (text, FALSE);
}

typedef struct
{
  const char *label;
  char       *value;
} Row;

static guint
label_width (Row   *rows,
             guint  n_rows)
{
  guint width = 0;

  for (guint i = 0; i < n_rows; i++)
    width = MAX (width, ed_cli_display_width (rows[i].label) + 1);

  return width;
}

/* "Label:" padded to @width so that the values line up, in any language. */
static void
append_rows (GString *out,
             Row     *rows,
             guint    n_rows,
             guint    width)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *label = g_strconcat (rows[i].label, ":", NULL);

      if (*rows[i].value == '\0')
        g_string_append (out, label);
      else
        {
          ed_cli_append_padded (out, label, width + 1);
          g_string_append (out, rows[i].value);
        }
      g_string_append_c (out, '\n');
      g_free (rows[i].value);
    }
}

static char *
describe_country (const char *code)
{
  const EdCountry *country = ed_country_lookup (code);

  if (country == NULL || *code == '\0')
    return g_strdup (code);

  return g_strdup_printf ("%s (%s)", code, ed_country_get_display_name (country));
}

static const char *
describe_date (const char *date)
{
  /* Translators: an MRZ date that is fillers or does not exist */
  return date != NULL ? date : _("not given");
}

static char *
format_text (const EdMrz *mrz)
{
  GString *out = g_string_new (NULL);
  Row rows[] = {
    { _("Format"), g_strdup (ed_mrz_format_name (mrz->format)) },
    { _("Document code"), g_strdup (mrz->document_code) },
    { _("Issuing state"), describe_country (mrz->issuing_state) },
    { _("Surname"), g_strdup (mrz->surname) },
    { _("Given names"), g_strdup (mrz->given_names) },
    { _("Document number"), g_strdup (mrz->document_number) },
    { _("Nationality"), describe_country (mrz->nationality) },
    { _("Birth date"), g_strdup (describe_date (mrz->birth_date)) },
    { _("Expiry date"), g_strdup (describe_date (mrz->expiry_date)) },
    { _("Sex"), g_strdup (mrz->sex) },
    { _("Optional data"), g_strdup (mrz->optional_data) },
    { _("Optional data, line 2"), g_strdup (mrz->optional_data_2) },
  };
  Row valid = { _("Valid"), g_strdup (ed_mrz_is_valid (mrz) ? C_("mrz valid", "yes")
                                                           : C_("mrz valid", "no")) };
  guint n_rows, width;

  /* Only TD1 has a second optional field. */
  n_rows = G_N_ELEMENTS (rows) - (mrz->optional_data_2 == NULL ? 1 : 0);
  width = MAX (label_width (rows, n_rows), label_width (&valid, 1));

  append_rows (out, rows, n_rows, width);

  g_string_append_printf (out, "%s\n", _("Check digits:"));
  for (guint i = 0; i < mrz->n_checks; i++)
    {
      const EdMrzCheckDigit *digit = &mrz->checks[i];

      if (mrz->failed & digit->check)
        /* Translators: a failed MRZ check digit: its line and column, the
         * character printed there and the digit the data gives */
        g_string_append_printf (out, _("  %s: wrong (line %u, column %u has “%c”, expected %c)\n"),
                                ed_mrz_check_label (digit->check), digit->line, digit->column,
                                digit->found, digit->expected);
      else
        g_string_append_printf (out, _("  %s: ok\n"), ed_mrz_check_label (digit->check));
    }

  append_rows (out, &valid, 1, width);

  return g_string_free (out, FALSE);
}

int
ed_cli_mrz (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdMrz) mrz = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("LINE… | -"));
  g_option_context_set_summary (context,
                                _("Read the machine-readable zone of a passport, "
                                  "an ID card or a visa\n"
                                  "(ICAO 9303: TD1, TD2, TD3, MRV-A, MRV-B) "
                                  "and check its check digits."));
  g_option_context_set_description (context,
                                    _("Give the lines as arguments, "
                                      "or “-” to read them from standard input\n"
                                      "(as a scanner types them). "
                                      "Exit status 1 when the MRZ cannot be read\n"
                                      "or a check digit is wrong; "
                                      "what could be read is still printed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_cli_usage_error (_("No MRZ given: give its lines, or “-” to read standard input"));

  if (argc == 2 && g_str_equal (argv[1], "-"))
    text = read_stdin ();
  else
    text = g_strjoinv ("\n", argv + 1);

  mrz = ed_mrz_parse (text, NULL, &error);
  if (mrz == NULL)
    return ed_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ed_mrz_to_json (mrz);

      ed_cli_print_json (node);
    }
  else
    {
      g_autofree char *report = format_text (mrz);

      fputs (report, stdout);
    }

  return ed_mrz_is_valid (mrz) ? ED_EXIT_OK : ED_EXIT_INVALID;
}
