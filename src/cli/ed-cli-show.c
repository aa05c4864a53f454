/* ed-cli-show.c — entry-desk-cli show
 *
 * Prints every part of one procedure in one language: the words around
 * the content too (headings, "Phone:"), through ed_translate(), so that
 * `--lang ja` reads as one Japanese document whatever the UI language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

typedef struct
{
  GString     *out;
  EdProcedure *procedure;
  EdLanguage   language;
} Show;

static const struct
{
  EdFieldKind  kind;
  const char  *name;
} kind_names[] = {
  { ED_FIELD_TEXT, NC_("field kind", "text") },
  { ED_FIELD_NAME_LATIN, NC_("field kind", "name in Latin letters") },
  { ED_FIELD_DATE, NC_("field kind", "date") },
  { ED_FIELD_PHONE, NC_("field kind", "phone number") },
  { ED_FIELD_EMAIL, NC_("field kind", "e-mail address") },
  { ED_FIELD_COUNTRY, NC_("field kind", "country") },
  { ED_FIELD_PASSPORT_NUMBER, NC_("field kind", "passport number") },
  { ED_FIELD_CHOICE, NC_("field kind", "choice") },
  { ED_FIELD_YES_NO, NC_("field kind", "yes or no") },
  { ED_FIELD_DIGITS, NC_("field kind", "digits") },
  { ED_FIELD_PASSWORD, NC_("field kind", "password") },
  { ED_FIELD_ADDRESS, NC_("field kind", "address") },
};

static const char *
text_of (Show   *s,
         EdText *text)
{
  return text != NULL ? ed_text_lookup (text, s->language) : "";
}

/* Every line of @text, indented; a line break in the text starts a new
 * line. */
static void
put_lines (Show       *s,
           const char *indent,
           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (s->out, "%s%s\n", indent, lines[i]);
}

/* "Label: value", as the output's language writes it (Japanese and
 * Chinese with a full-width colon). */
static void
put_labelled (Show       *s,
              const char *indent,
              const char *label,
              const char *value)
{
  g_autofree char *line = g_strdup_printf (ed_translate (s->language, "show", "%s: %s"),
                                           label, value);

  put_lines (s, indent, line);
}

/* "Label:" before a list */
static void
put_list_label (Show       *s,
                const char *indent,
                const char *label)
{
  g_string_append (s->out, indent);
  g_string_append_printf (s->out, ed_translate (s->language, "show", "%s:"), label);
  g_string_append_c (s->out, '\n');
}

static char *
quote (Show       *s,
       const char *text)
{
  return g_strdup_printf (ed_translate (s->language, "show", "“%s”"), text);
}

static void
put_heading (Show       *s,
             const char *heading)
{
  guint width = ed_cli_display_width (heading);

  g_string_append_printf (s->out, "\n%s\n", heading);
  for (guint i = 0; i < width; i++)
    g_string_append (s->out, "─");
  g_string_append_c (s->out, '\n');
}

static void
put_notes (Show       *s,
           const char *indent,
           GPtrArray  *notes)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const EdNote *note = g_ptr_array_index (notes, i);
      const char *kind;

      if (note->kind == ED_NOTE_PENALTY)
        kind = ed_translate (s->language, "show", "Penalty");
      else if (note->kind == ED_NOTE_WARNING)
        kind = ed_translate (s->language, "show", "Warning");
      else
        kind = ed_translate (s->language, "show", "Note");

      put_labelled (s, indent, kind, text_of (s, note->text));
    }
}

static void
put_links (Show       *s,
           const char *indent,
           GPtrArray  *links)
{
  g_autofree char *inner = g_strconcat (indent, "    ", NULL);

  for (guint i = 0; i < links->len; i++)
    {
      const EdLink *link = g_ptr_array_index (links, i);

      put_labelled (s, indent, ed_translate (s->language, "show", "Link"),
                    text_of (s, link->title));
      g_string_append_printf (s->out, "%s%s", inner, link->url);
      if (link->qr)
        g_string_append_printf (s->out, "  [%s]", ed_translate (s->language, "show", "QR code"));
      if (link->official_only)
        g_string_append_printf (s->out, "  [%s]",
                                ed_translate (s->language, "show",
                                              "only this code or address is official"));
      g_string_append_c (s->out, '\n');
      if (link->text != NULL)
        put_labelled (s, inner, ed_translate (s->language, "show", "As the source prints it"),
                      link->text);
    }
}

static void
put_original_codes (Show       *s,
                    const char *indent,
                    GPtrArray  *codes)
{
  for (guint i = 0; i < codes->len; i++)
    {
      const EdOriginalCode *code = g_ptr_array_index (codes, i);

      put_labelled (s, indent, ed_translate (s->language, "show",
                                             "Code printed only in the original document"),
                    text_of (s, code->title));
    }
}

/* "from 2025-04-01", "until 2026-12-31", "from … until …" */
static char *
describe_validity (Show       *s,
                   const char *from,
                   const char *until)
{
  if (from != NULL && until != NULL)
    return g_strdup_printf (ed_translate (s->language, "show", "In force from %s until %s"), from,
                            until);
  if (from != NULL)
    return g_strdup_printf (ed_translate (s->language, "show", "In force from %s"), from);
  return g_strdup_printf (ed_translate (s->language, "show", "In force until %s"), until);
}

static void
put_step (Show         *s,
          guint         number,
          const EdStep *step)
{
  g_string_append_printf (s->out, "\n%u. %s", number, text_of (s, step->title));
  if (step->optional)
    g_string_append_printf (s->out, "  [%s]", ed_translate (s->language, "show", "optional"));
  if (step->page != NULL)
    g_string_append_printf (s->out, "  (%s)", step->page);
  g_string_append_c (s->out, '\n');

  if (step->valid_from != NULL || step->valid_until != NULL)
    {
      g_autofree char *validity = describe_validity (s, step->valid_from, step->valid_until);

      g_string_append_printf (s->out, "   %s\n", validity);
    }
  if (step->summary != NULL)
    put_lines (s, "   ", text_of (s, step->summary));
  put_lines (s, "   ", text_of (s, step->body));

  for (guint i = 0; i < step->alternatives->len; i++)
    {
      const EdAlternative *alternative = g_ptr_array_index (step->alternatives, i);

      g_string_append_printf (s->out, "   %c) %s\n", 'a' + (i % 26),
                              text_of (s, alternative->title));
      put_lines (s, "      ", text_of (s, alternative->body));
      put_notes (s, "      ", alternative->notes);
      put_links (s, "      ", alternative->links);
      put_original_codes (s, "      ", alternative->original_codes);
    }

  put_notes (s, "   ", step->notes);
  put_links (s, "   ", step->links);
  put_original_codes (s, "   ", step->original_codes);

  if (step->field_ids->len > 0)
    put_list_label (s, "   ", ed_translate (s->language, "show", "Fields"));
  for (guint i = 0; i < step->field_ids->len; i++)
    {
      const EdField *field = ed_procedure_find_field (s->procedure,
                                                      g_ptr_array_index (step->field_ids, i));

      g_string_append_printf (s->out, "     • %s", text_of (s, field->label));
      if (field->official_label != NULL)
        {
          g_autofree char *official = quote (s, field->official_label);

          g_string_append_printf (s->out, " — %s", official);
        }
      g_string_append_c (s->out, '\n');
    }

  if (step->checklist->len > 0)
    put_list_label (s, "   ", ed_translate (s->language, "show", "Checklist"));
  for (guint i = 0; i < step->checklist->len; i++)
    {
      const EdChecklistItem *item = g_ptr_array_index (step->checklist, i);

      g_string_append_printf (s->out, "     [ ] %s", text_of (s, item->text));
      if (item->page != NULL)
        g_string_append_printf (s->out, "  (%s)", item->page);
      if (item->required)
        g_string_append_printf (s->out, "  [%s]", ed_translate (s->language, "show", "required"));
      if (item->added)
        g_string_append_printf (s->out, "  [%s]", ed_translate (s->language, "show", "not in the "
                                                                                     "source"));
      g_string_append_c (s->out, '\n');
    }
}

static void
put_steps (Show *s)
{
  GPtrArray *steps = ed_procedure_get_steps (s->procedure);
  const char *phase = NULL;

  put_heading (s, ed_translate (s->language, "show", "Steps"));
  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);

      if (step->phase != NULL && g_strcmp0 (step->phase, phase) != 0)
        {
          const EdPhase *p = ed_procedure_find_phase (s->procedure, step->phase);

          g_string_append_printf (s->out, "\n▶ %s\n", text_of (s, p->title));
          phase = step->phase;
        }
      put_step (s, i + 1, step);
    }
}

static char *
describe_rule (Show              *s,
               const EdFieldRule *rule)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean length_said = FALSE;

  switch (rule->type)
    {
    case ED_FIELD_RULE_PASSPORT_NUMBER:
      g_ptr_array_add (parts, g_strdup_printf (ed_translate (s->language, "show",
                                                             "at most %d half-width upper-case "
                                                             "letters and digits"),
                                               rule->max_length >= 0 ? rule->max_length : 9));
      length_said = TRUE;
      break;
    case ED_FIELD_RULE_NAME_LATIN:
      g_ptr_array_add (parts, g_strdup (ed_translate (s->language, "show",
                                                      "half-width upper-case Latin letters, "
                                                      "spaces, “-” and “'”")));
      break;
    case ED_FIELD_RULE_PHONE:
      g_ptr_array_add (parts, g_strdup (ed_translate (s->language, "show",
                                                      "half-width digits without hyphens")));
      break;
    case ED_FIELD_RULE_DIGITS:
      g_ptr_array_add (parts, g_strdup (ed_translate (s->language, "show", "half-width digits")));
      break;
    case ED_FIELD_RULE_PASSWORD:
      if (rule->min_classes > 0)
        g_ptr_array_add (parts,
                         g_strdup_printf (ed_translate (s->language, "show",
                                                        "at least %d of: lower-case letters, "
                                                        "upper-case letters, digits, symbols"),
                                          rule->min_classes));
      break;
    case ED_FIELD_RULE_PATTERN:
      if (rule->message != NULL)
        g_ptr_array_add (parts, g_strdup (text_of (s, rule->message)));
      else
        g_ptr_array_add (parts, g_strdup_printf (ed_translate (s->language, "show", "matches %s"),
                                                 rule->pattern));
      break;
    case ED_FIELD_RULE_NONE:
    default:
      break;
    }

  if (!length_said && rule->min_length >= 0 && rule->max_length >= 0)
    g_ptr_array_add (parts, g_strdup_printf (ed_translate (s->language, "show",
                                                           "%d to %d characters"),
                                             rule->min_length, rule->max_length));
  else if (!length_said && rule->min_length >= 0)
    g_ptr_array_add (parts, g_strdup_printf (ed_translate (s->language, "show",
                                                           "at least %d characters"),
                                             rule->min_length));
  else if (!length_said && rule->max_length >= 0)
    g_ptr_array_add (parts, g_strdup_printf (ed_translate (s->language, "show",
                                                           "at most %d characters"),
                                             rule->max_length));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (ed_translate (s->language, "show", "; "), (char **) parts->pdata);
}

static void
put_field (Show          *s,
           const EdField *field)
{
  g_autoptr(GString) facts = g_string_new (NULL);

  g_string_append_printf (s->out, "\n• %s  [%s]\n", text_of (s, field->label), field->id);

  if (field->official_label != NULL)
    {
      g_autofree char *official = quote (s, field->official_label);
      g_autofree char *value = g_strdup_printf ("%s (%s)", official,
                                                ed_language_code (field->official_lang));

      put_labelled (s, "    ", ed_translate (s->language, "show", "Official label"), value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == field->kind)
      g_string_append (facts, ed_translate (s->language, "field kind", kind_names[i].name));
  if (field->required)
    g_string_append_printf (facts, " · %s", ed_translate (s->language, "show", "required"));
  if (field->traveller_key != NULL)
    {
      g_string_append (facts, " · ");
      g_string_append_printf (facts,
                              ed_translate (s->language, "show", "from the traveller's “%s”"),
                              field->traveller_key);
    }
  if (field->repeat > 1)
    {
      g_string_append (facts, " · ");
      g_string_append_printf (facts,
                              ed_translate (s->language, "show", "the form asks for it %d times"),
                              field->repeat);
    }
  if (field->is_private)
    g_string_append_printf (facts, " · %s",
                            ed_translate (s->language, "show", "never saved or printed"));
  put_labelled (s, "    ", ed_translate (s->language, "show", "Kind"), facts->str);

  if (field->rule.type != ED_FIELD_RULE_NONE)
    {
      g_autofree char *rule = describe_rule (s, &field->rule);

      put_labelled (s, "    ", ed_translate (s->language, "show", "Rule"), rule);
    }

  if (field->help != NULL)
    put_labelled (s, "    ", ed_translate (s->language, "show", "Help"), text_of (s, field->help));

  if (field->choices->len > 0)
    put_list_label (s, "    ", ed_translate (s->language, "show", "Choices"));
  for (guint i = 0; i < field->choices->len; i++)
    {
      const EdChoice *choice = g_ptr_array_index (field->choices, i);

      g_string_append_printf (s->out, "      - %s", text_of (s, choice->label));
      if (choice->official_label != NULL)
        {
          g_autofree char *official = quote (s, choice->official_label);

          g_string_append_printf (s->out, " — %s", official);
        }
      g_string_append_printf (s->out, "  [%s]\n", choice->value);
    }
}

static void
put_period (Show           *s,
            const EdPeriod *period)
{
  g_autofree char *rule = ed_period_describe_rule (period, s->procedure, s->language);

  g_string_append_printf (s->out, "\n• %s\n    %s\n", text_of (s, period->label), rule);
  if (period->valid_from != NULL || period->valid_until != NULL)
    {
      g_autofree char *validity = describe_validity (s, period->valid_from, period->valid_until);

      g_string_append_printf (s->out, "    %s\n", validity);
    }
  if (period->unverified)
    g_string_append_printf (s->out, "    %s\n",
                            ed_translate (s->language, "show", "Check before use: this date rests "
                                                               "on a single or uncertain source."));
  if (period->note != NULL)
    put_lines (s, "    ", text_of (s, period->note));
}

static void
put_question (Show             *s,
              const EdQuestion *question)
{
  g_string_append_printf (s->out, "\n• %s\n", text_of (s, question->text));
  for (guint i = 0; i < question->choices->len; i++)
    {
      const EdChoice *choice = g_ptr_array_index (question->choices, i);

      g_string_append_printf (s->out, "    – %s\n", text_of (s, choice->label));
    }
  if (question->help != NULL)
    put_lines (s, "    ", text_of (s, question->help));
}

static void
put_fee (Show        *s,
         const EdFee *fee)
{
  g_autofree char *amount = ed_fee_format_amount (fee, s->language);

  g_string_append_printf (s->out, "\n• %s: %s", text_of (s, fee->label), amount);
  if (fee->unverified)
    g_string_append_printf (s->out, "  [%s]", ed_translate (s->language, "show", "check before "
                                                                                 "use"));
  g_string_append_c (s->out, '\n');
  if (fee->valid_from != NULL || fee->valid_until != NULL)
    {
      g_autofree char *validity = describe_validity (s, fee->valid_from, fee->valid_until);

      g_string_append_printf (s->out, "    %s\n", validity);
    }
  if (fee->note != NULL)
    put_lines (s, "    ", text_of (s, fee->note));
}

static void
put_contact (Show            *s,
             const EdContact *contact)
{
  g_string_append_printf (s->out, "\n• %s\n", text_of (s, contact->name));
  if (contact->phone != NULL)
    put_labelled (s, "    ", ed_translate (s->language, "show", "Phone"), contact->phone);
  if (contact->email != NULL)
    put_labelled (s, "    ", ed_translate (s->language, "show", "E-mail"), contact->email);
  if (contact->url != NULL)
    {
      g_autofree char *value = NULL;

      if (contact->qr)
        value = g_strdup_printf ("%s  [%s]", contact->url,
                                 ed_translate (s->language, "show", "QR code"));
      put_labelled (s, "    ", ed_translate (s->language, "show", "Web"),
                    value != NULL ? value : contact->url);
    }
  if (contact->text != NULL)
    put_labelled (s, "    ", ed_translate (s->language, "show", "As the source prints it"),
                  contact->text);
  if (contact->service != NULL)
    put_lines (s, "    ", text_of (s, contact->service));
  for (guint i = 0; i < contact->hours->len; i++)
    {
      const EdContactHours *hours = g_ptr_array_index (contact->hours, i);

      put_labelled (s, "    ", text_of (s, hours->languages), text_of (s, hours->hours));
    }
}

static void
put_source (Show           *s,
            const EdSource *source)
{
  put_lines (s, "• ", text_of (s, source->title));
  if (source->url != NULL)
    g_string_append_printf (s->out, "    %s\n", source->url);
  if (source->text != NULL)
    put_labelled (s, "    ", ed_translate (s->language, "show", "As the source prints it"),
                  source->text);
  if (source->date != NULL)
    g_string_append_printf (s->out, "    %s\n", source->date);
}

static char *
show_text (EdProcedure   *procedure,
           EdLanguage     language,
           const EdFacts *facts)
{
  Show s = { g_string_new (NULL), procedure, language };
  g_autofree char *status = ed_procedure_describe_status (procedure, language);
  g_autofree char *review = ed_procedure_describe_review (procedure, language, NULL,
                                                          ED_PROCEDURE_REVIEW_MAX_DAYS);
  const char *subdivision = ed_procedure_get_subdivision (procedure);
  GPtrArray *list;

  g_string_append_printf (s.out, "%s\n", text_of (&s, ed_procedure_get_title (procedure)));
  g_string_append_printf (s.out, "%s · %s (%s) · ", ed_procedure_get_id (procedure),
                          text_of (&s, ed_procedure_get_region_name (procedure)),
                          subdivision != NULL ? subdivision : ed_procedure_get_country (procedure));
  g_string_append_printf (s.out, ed_translate (language, "show", "version %d, as of %s"),
                          ed_procedure_get_version (procedure),
                          ed_procedure_get_updated (procedure));
  g_string_append_c (s.out, '\n');
  put_labelled (&s, "", ed_translate (language, "show", "Status"), status);
  put_labelled (&s, "", ed_translate (language, "show", "Content"), review);
  g_string_append_c (s.out, '\n');
  put_lines (&s, "", text_of (&s, ed_procedure_get_summary (procedure)));
  if (facts != NULL)
    {
      g_autofree char *dates = ed_cli_describe_dates (procedure, facts, language);

      g_string_append_c (s.out, '\n');
      put_heading (&s, ed_translate (language, "show", "For this traveller"));
      g_string_append (s.out, dates);
    }
  if (ed_procedure_get_intro (procedure) != NULL)
    {
      g_string_append_c (s.out, '\n');
      put_lines (&s, "", text_of (&s, ed_procedure_get_intro (procedure)));
    }

  list = ed_procedure_get_rules (procedure);
  if (list->len > 0)
    put_heading (&s, ed_translate (language, "show", "Rules"));
  for (guint i = 0; i < list->len; i++)
    {
      const EdRule *rule = g_ptr_array_index (list, i);
      g_autofree char *line = NULL;

      if (rule->when != NULL)
        line = g_strdup_printf ("%s (%s)", text_of (&s, rule->text), text_of (&s, rule->when));
      put_lines (&s, "• ", line != NULL ? line : text_of (&s, rule->text));
    }

  if (ed_procedure_get_notes (procedure)->len > 0)
    put_heading (&s, ed_translate (language, "show", "Notes"));
  put_notes (&s, "• ", ed_procedure_get_notes (procedure));

  put_steps (&s);

  list = ed_procedure_get_fields (procedure);
  if (list->len > 0)
    put_heading (&s, ed_translate (language, "show", "Fields"));
  for (guint i = 0; i < list->len; i++)
    put_field (&s, g_ptr_array_index (list, i));

  list = ed_procedure_get_questions (procedure);
  if (list->len > 0)
    put_heading (&s, ed_translate (language, "show", "Questions"));
  for (guint i = 0; i < list->len; i++)
    put_question (&s, g_ptr_array_index (list, i));

  list = ed_procedure_get_periods (procedure);
  if (list->len > 0)
    put_heading (&s, ed_translate (language, "show", "Date rules"));
  for (guint i = 0; i < list->len; i++)
    put_period (&s, g_ptr_array_index (list, i));

  list = ed_procedure_get_fees (procedure);
  if (list->len > 0)
    put_heading (&s, ed_translate (language, "show", "Fees"));
  for (guint i = 0; i < list->len; i++)
    put_fee (&s, g_ptr_array_index (list, i));

  list = ed_procedure_get_contacts (procedure);
  if (list->len > 0)
    put_heading (&s, ed_translate (language, "show", "Contacts"));
  for (guint i = 0; i < list->len; i++)
    put_contact (&s, g_ptr_array_index (list, i));

  put_heading (&s, ed_translate (language, "show", "Sources"));
  list = ed_procedure_get_sources (procedure);
  for (guint i = 0; i < list->len; i++)
    put_source (&s, g_ptr_array_index (list, i));

  g_string_append_c (s.out, '\n');
  put_labelled (&s, "", ed_translate (language, "show", "Status"), status);

  return g_string_free (s.out, FALSE);
}

int
ed_cli_show (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autofree char *traveller_path = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  EdLanguage language;
  EdFacts facts;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "traveller", 0, 0, G_OPTION_ARG_FILENAME, &traveller_path,
      N_("Also show the dates and the steps that apply for this traveller file"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the procedure (en, ja, zh_CN, zh_TW); the UI language by default"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (_("ID [--traveller TRAVELLER.json]"));
  g_option_context_set_summary (context, _("Show every part of one procedure."));
  g_option_context_set_description (context,
                                    _("Without --json, the procedure is printed in one language: "
                                      "--lang, or else\n"
                                      "the UI language.\n"
                                      "With --json and no --lang, "
                                      "the procedure is printed as its file has it,\n"
                                      "every language included (it can be saved and used as a "
                                      "procedure file).\n"
                                      "With --json and --lang, "
                                      "every text is a string in that language, and the\n"
                                      "keys language and status_text "
                                      "(the status line) are added."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_cli_usage_error (_("No procedure id given"));
  if (argc > 2)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);

  language = ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  procedure = ed_cli_find_procedure (argv[1], &error);
  if (procedure == NULL)
    return ed_cli_fail (g_steal_pointer (&error));

  if (traveller_path != NULL)
    {
      if (json)
        return ed_cli_usage_error (_("--traveller shows the dates to a person; for JSON, use "
                                     "“entry-desk-cli dates --json”"));
      traveller = ed_cli_load_traveller_facts (traveller_path, procedure, &facts, &error);
      if (traveller == NULL)
        return ed_cli_fail (g_steal_pointer (&error));
    }

  if (json)
    {
      g_autoptr(JsonNode) node = lang != NULL ? ed_procedure_to_json_in (procedure, language)
                                              : ed_procedure_to_json (procedure);

      ed_cli_print_json (node);
    }
  else
    {
      g_autofree char *text = show_text (procedure, language, traveller != NULL ? &facts : NULL);

      fputs (text, stdout);
    }

  return ED_EXIT_OK;
}
