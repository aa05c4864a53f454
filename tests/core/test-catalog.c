/* test-catalog.c — the shipped catalog, and how the catalog loads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

static const char * const shipped_ids[] = {
  "cn-accommodation-registration",
  "cn-arrival-card",
  "cn-beijing-health-code",
  "cn-dalian-health-code",
  "cn-guangzhou-health-code",
  "cn-jiangsu-health-code",
  "cn-shanghai-health-code",
  "cn-shenzhen-health-code",
  "cn-visa-free-entry",
  "cn-work-residence-permit",
  "cn-zhejiang-health-code",
  "jp-employer-foreign-hire",
  "jp-entry-waiting-mysos",
  "jp-my-her-sys",
  "jp-mynumber-card-validity",
  "jp-mynumber-insurance-card",
  "jp-national-health-insurance",
  "jp-national-pension",
  "jp-residence-registration",
  "jp-residence-status-online",
  "jp-visit-japan-web",
};

static EdCatalog *
load_shipped (void)
{
  EdCatalog *catalog = ed_catalog_new ();

  ed_catalog_load_default (catalog);
  for (guint i = 0; i < ed_catalog_get_errors (catalog)->len; i++)
    g_test_message ("%s",
                    ((GError *) g_ptr_array_index (ed_catalog_get_errors (catalog), i))->message);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  return catalog;
}

static void
test_catalog_shipped (void)
{
  g_autoptr(EdCatalog) catalog = load_shipped ();
  GListModel *procedures = ed_catalog_get_procedures (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (procedures), ==, G_N_ELEMENTS (shipped_ids));
  for (guint i = 0; i < G_N_ELEMENTS (shipped_ids); i++)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog, shipped_ids[i]);

      g_assert_nonnull (procedure);
      g_assert_cmpint (ed_procedure_get_origin (procedure), ==, ED_ORIGIN_SYSTEM);
      g_assert_cmpint (ed_procedure_get_version (procedure), >=, 1);
    }
  g_assert_null (ed_catalog_lookup (catalog, "cn-nowhere-health-code"));

  /* In order: country, then subdivision (national first), then id. */
  for (guint i = 1; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) a = g_list_model_get_item (procedures, i - 1);
      g_autoptr(EdProcedure) b = g_list_model_get_item (procedures, i);
      int order = strcmp (ed_procedure_get_country (a), ed_procedure_get_country (b));
      const char *sa = ed_procedure_get_subdivision (a);
      const char *sb = ed_procedure_get_subdivision (b);

      if (order == 0 && (sa == NULL) != (sb == NULL))
        order = sa == NULL ? -1 : 1;
      if (order == 0)
        order = g_strcmp0 (sa, sb);
      if (order == 0)
        order = strcmp (ed_procedure_get_id (a), ed_procedure_get_id (b));
      g_assert_cmpint (order, <, 0);
    }

  /* The status DESIGN.md dates. */
  g_assert_cmpstr (ed_procedure_get_valid_until (ed_catalog_lookup (catalog,
                                                                    "cn-shanghai-health-code")),
                   ==, "2023-01-07");
  g_assert_cmpstr (ed_procedure_get_valid_until (ed_catalog_lookup (catalog,
                                                                    "jp-entry-waiting-mysos")),
                   ==, "2022-10-10");
  g_assert_cmpstr (ed_procedure_get_valid_until (ed_catalog_lookup (catalog, "jp-my-her-sys")),
                   ==, "2023-05-07");
  g_assert_cmpint (ed_procedure_get_status (ed_catalog_lookup (catalog,
                                                               "jp-mynumber-insurance-card")),
                   ==, ED_STATUS_CURRENT);
  g_assert_cmpstr (ed_procedure_get_valid_from (ed_catalog_lookup (catalog,
                                                                   "jp-mynumber-insurance-card")),
                   ==, "2024-12-02");
}

typedef void (*TextFunc) (EdProcedure *procedure,
                          const char  *place,
                          EdText      *text,
                          gpointer     user_data);
typedef void (*AddressFunc) (EdProcedure *procedure,
                             const char  *place,
                             const char  *address,
                             const char  *printed,
                             gboolean     qr,
                             gpointer     user_data);

typedef struct
{
  TextFunc     text;
  AddressFunc  address;
  gpointer     user_data;
} Visitor;

static void
visit_text (Visitor     *v,
            EdProcedure *procedure,
            const char  *place,
            EdText      *text)
{
  if (text != NULL && v->text != NULL)
    v->text (procedure, place, text, v->user_data);
}

static void
visit_notes (Visitor     *v,
             EdProcedure *procedure,
             GPtrArray   *notes)
{
  for (guint i = 0; i < notes->len; i++)
    visit_text (v, procedure, "note", ((EdNote *) g_ptr_array_index (notes, i))->text);
}

static void
visit_links (Visitor     *v,
             EdProcedure *procedure,
             GPtrArray   *links,
             GPtrArray   *codes)
{
  for (guint i = 0; i < links->len; i++)
    {
      const EdLink *link = g_ptr_array_index (links, i);

      visit_text (v, procedure, "link title", link->title);
      if (v->address != NULL)
        v->address (procedure, "link", link->url, link->text, link->qr, v->user_data);
    }
  for (guint i = 0; i < codes->len; i++)
    visit_text (v, procedure, "original code",
                ((EdOriginalCode *) g_ptr_array_index (codes, i))->title);
}

/* Calls @v for every localized text and every address of @procedure. */
static void
visit_procedure (Visitor     *v,
                 EdProcedure *procedure)
{
  GPtrArray *list;

  visit_text (v, procedure, "title", ed_procedure_get_title (procedure));
  visit_text (v, procedure, "summary", ed_procedure_get_summary (procedure));
  visit_text (v, procedure, "intro", ed_procedure_get_intro (procedure));
  visit_text (v, procedure, "region name", ed_procedure_get_region_name (procedure));
  visit_text (v, procedure, "status note", ed_procedure_get_status_note (procedure));

  list = ed_procedure_get_sources (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      const EdSource *source = g_ptr_array_index (list, i);

      visit_text (v, procedure, "source", source->title);
      if (source->url != NULL && v->address != NULL)
        v->address (procedure, "source", source->url, source->text, TRUE, v->user_data);
    }

  list = ed_procedure_get_rules (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      visit_text (v, procedure, "rule", ((EdRule *) g_ptr_array_index (list, i))->text);
      visit_text (v, procedure, "rule when", ((EdRule *) g_ptr_array_index (list, i))->when);
    }
  visit_notes (v, procedure, ed_procedure_get_notes (procedure));
  list = ed_procedure_get_phases (procedure);
  for (guint i = 0; i < list->len; i++)
    visit_text (v, procedure, "phase", ((EdPhase *) g_ptr_array_index (list, i))->title);

  list = ed_procedure_get_steps (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      const EdStep *step = g_ptr_array_index (list, i);

      visit_text (v, procedure, "step title", step->title);
      visit_text (v, procedure, "step summary", step->summary);
      visit_text (v, procedure, "step body", step->body);
      visit_text (v, procedure, "step not applicable", step->not_applicable);
      for (guint j = 0; j < step->alternatives->len; j++)
        {
          const EdAlternative *alternative = g_ptr_array_index (step->alternatives, j);

          visit_text (v, procedure, "alternative title", alternative->title);
          visit_text (v, procedure, "alternative body", alternative->body);
          visit_notes (v, procedure, alternative->notes);
          visit_links (v, procedure, alternative->links, alternative->original_codes);
        }
      visit_notes (v, procedure, step->notes);
      visit_links (v, procedure, step->links, step->original_codes);
      for (guint j = 0; j < step->checklist->len; j++)
        visit_text (v, procedure, "checklist",
                    ((EdChecklistItem *) g_ptr_array_index (step->checklist, j))->text);
    }

  list = ed_procedure_get_fields (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      const EdField *field = g_ptr_array_index (list, i);

      visit_text (v, procedure, "field label", field->label);
      visit_text (v, procedure, "field help", field->help);
      visit_text (v, procedure, "field rule message", field->rule.message);
      for (guint j = 0; j < field->choices->len; j++)
        visit_text (v, procedure, "choice",
                    ((EdChoice *) g_ptr_array_index (field->choices, j))->label);
    }

  list = ed_procedure_get_periods (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      visit_text (v, procedure, "period label", ((EdPeriod *) g_ptr_array_index (list, i))->label);
      visit_text (v, procedure, "period note", ((EdPeriod *) g_ptr_array_index (list, i))->note);
    }

  list = ed_procedure_get_questions (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      const EdQuestion *question = g_ptr_array_index (list, i);

      visit_text (v, procedure, "question", question->text);
      visit_text (v, procedure, "question help", question->help);
      for (guint j = 0; j < question->choices->len; j++)
        visit_text (v, procedure, "question choice",
                    ((EdChoice *) g_ptr_array_index (question->choices, j))->label);
    }

  list = ed_procedure_get_fees (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      visit_text (v, procedure, "fee label", ((EdFee *) g_ptr_array_index (list, i))->label);
      visit_text (v, procedure, "fee note", ((EdFee *) g_ptr_array_index (list, i))->note);
    }
  visit_text (v, procedure, "not applicable", ed_procedure_get_not_applicable (procedure));

  list = ed_procedure_get_contacts (procedure);
  for (guint i = 0; i < list->len; i++)
    {
      const EdContact *contact = g_ptr_array_index (list, i);

      visit_text (v, procedure, "contact name", contact->name);
      visit_text (v, procedure, "contact service", contact->service);
      for (guint j = 0; j < contact->hours->len; j++)
        {
          visit_text (v, procedure, "contact languages",
                      ((EdContactHours *) g_ptr_array_index (contact->hours, j))->languages);
          visit_text (v, procedure, "contact hours",
                      ((EdContactHours *) g_ptr_array_index (contact->hours, j))->hours);
        }
      if (v->address != NULL && contact->url != NULL)
        v->address (procedure, "contact url", contact->url, contact->text, contact->qr,
                    v->user_data);
      if (v->address != NULL && contact->phone != NULL)
        v->address (procedure, "contact phone", contact->phone, NULL, TRUE, v->user_data);
      if (v->address != NULL && contact->email != NULL)
        v->address (procedure, "contact e-mail", contact->email, NULL, TRUE, v->user_data);
    }
}

static void
visit_catalog (Visitor   *v,
               EdCatalog *catalog)
{
  GListModel *procedures = ed_catalog_get_procedures (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);

      visit_procedure (v, procedure);
    }
}

static void
check_text_complete (EdProcedure *procedure,
                     const char  *place,
                     EdText      *text,
                     gpointer     user_data)
{
  guint *n_texts = user_data;

  for (EdLanguage l = 0; l < ED_N_LANGUAGES; l++)
    {
      if (!ed_procedure_requires_language (procedure, l))
        continue;
      if (!ed_text_has (text, l))
        g_error ("%s: a %s has no “%s” text (en: %s)", ed_procedure_get_id (procedure), place,
                 ed_language_code (l), ed_text_lookup (text, ED_LANGUAGE_EN));
      /* A language's text is not another language's copied in. */
      if (l != ED_LANGUAGE_EN &&
          g_strcmp0 (ed_text_get (text, l), ed_text_get (text, ED_LANGUAGE_EN)) == 0 &&
          g_utf8_strlen (ed_text_get (text, l), -1) > 40)
        g_error ("%s: a %s in “%s” is the English text", ed_procedure_get_id (procedure), place,
                 ed_language_code (l));
    }
  (*n_texts)++;
}

static void
test_catalog_texts_complete (void)
{
  g_autoptr(EdCatalog) catalog = load_shipped ();
  guint n_texts = 0;
  Visitor v = { check_text_complete, NULL, &n_texts };

  visit_catalog (&v, catalog);
  g_test_message ("%u texts checked", n_texts);
  g_assert_cmpuint (n_texts, >, 400);
  g_assert_true (ed_procedure_requires_language (ed_catalog_lookup (catalog, "jp-my-her-sys"),
                                                 ED_LANGUAGE_ZH_TW));
}

static void
check_address (EdProcedure *procedure,
               const char  *place,
               const char  *address,
               const char  *printed,
               gboolean     qr,
               gpointer     user_data)
{
  g_autoptr(GUri) uri = NULL;
  guint *n_links = user_data;

  if (g_str_equal (place, "contact phone") || g_str_equal (place, "contact e-mail"))
    return;

  uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    g_error ("%s: %s “%s” is not a URI", ed_procedure_get_id (procedure), place, address);

  if (g_str_equal (g_uri_get_scheme (uri), "https"))
    {
      g_assert_nonnull (g_uri_get_host (uri));
      g_assert_nonnull (strchr (g_uri_get_host (uri), '.'));
    }
  else if (g_str_equal (g_uri_get_scheme (uri), "mailto"))
    g_assert_nonnull (strchr (g_uri_get_path (uri), '@'));
  else if (g_str_equal (g_uri_get_scheme (uri), "tel"))
    g_assert_true (g_ascii_isdigit (g_uri_get_path (uri)[0]) || g_uri_get_path (uri)[0] == '+');
  else
    g_error ("%s: %s “%s” is not https:, tel: or mailto:", ed_procedure_get_id (procedure), place,
             address);

  for (const char *p = address; *p != '\0'; p++)
    g_assert_true (*p > ' ' && *p < 0x7f);

  /* Every link a traveller opens prints as a QR code. */
  if (!qr)
    g_error ("%s: %s “%s” is not marked qr", ed_procedure_get_id (procedure), place, address);

  (*n_links)++;
}

static void
test_catalog_links (void)
{
  g_autoptr(EdCatalog) catalog = load_shipped ();
  guint n_links = 0;
  Visitor v = { NULL, check_address, &n_links };

  visit_catalog (&v, catalog);
  g_test_message ("%u addresses checked", n_links);
  g_assert_cmpuint (n_links, >=, 20);
}

/* The addresses of the catalog as staff would look for them: URIs, the
 * address in a mailto: or tel:, what the source prints, phones and
 * e-mails of contacts. */
static void
collect_address (EdProcedure *procedure,
                 const char  *place,
                 const char  *address,
                 const char  *printed,
                 gboolean     qr,
                 gpointer     user_data)
{
  GHashTable *addresses = user_data;

  g_hash_table_add (addresses, g_strdup (address));
  if (g_str_has_prefix (address, "mailto:"))
    g_hash_table_add (addresses, g_strdup (address + strlen ("mailto:")));
  if (g_str_has_prefix (address, "tel:"))
    g_hash_table_add (addresses, g_strdup (address + strlen ("tel:")));
  if (printed != NULL)
    g_hash_table_add (addresses, g_strdup (printed));
}

static char *
read_seeds (gboolean squeeze)
{
  g_autofree char *dir = ed_test_data_path ("seeds", NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (files->len, ==, 5);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, i), &contents, NULL, NULL));
      for (const char *p = contents; *p != '\0'; p++)
        if (!squeeze || !g_ascii_isspace (*p))
          g_string_append_c (all, *p);
      g_string_append_c (all, '\n');
    }

  return g_string_free (g_steal_pointer (&all), FALSE);
}

static GStrv
read_split_addresses (void)
{
  g_autofree char *path = ed_test_data_path ("seeds", "split-addresses.list", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_strv_builder_add (builder, lines[i]);

  return g_strv_builder_end (builder);
}

/* Every URL, e-mail address and phone number of the seeds is in the
 * catalog exactly as the seeds write it. */
static void
test_catalog_seed_addresses (void)
{
  g_autoptr(EdCatalog) catalog = load_shipped ();
  g_autoptr(GHashTable) addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Visitor v = { NULL, collect_address, addresses };
  g_autofree char *seeds = read_seeds (FALSE);
  g_auto(GStrv) split = read_split_addresses ();
  const char *patterns[] = {
    "https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+",
    "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
    "(?<![0-9])0[0-9]{1,4}-[0-9]{1,4}-[0-9]{2,4}(?![0-9])",
    "(?<![/A-Za-z0-9.])www\\.[A-Za-z0-9.-]+[A-Za-z]",
  };
  guint n_found = 0;

  visit_catalog (&v, catalog);

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_nonnull (regex);
      g_regex_match (regex, seeds, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          int start, end;
          gboolean ok = g_hash_table_contains (addresses, found);

          /* The seeds break some addresses over lines: the piece before
           * the break must start an address that the catalog has whole. */
          g_match_info_fetch_pos (match, 0, &start, &end);
          for (guint s = 0; !ok && split[s] != NULL; s++)
            ok = seeds[end] == '\n' && g_str_has_prefix (split[s], found) &&
                 g_hash_table_contains (addresses, split[s]);

          if (!ok)
            g_error ("“%s” of the seeds is not in the catalog exactly", found);
          n_found++;
        }
    }

  for (guint s = 0; split[s] != NULL; s++)
    g_assert_true (g_hash_table_contains (addresses, split[s]));

  g_test_message ("%u addresses of the seeds found in the catalog", n_found);
  g_assert_cmpuint (n_found, >=, 25);
}

/* The procedures of the five seeds (DESIGN.md); the others are those in
 * force, written from the notes of tests/data/seeds/procedures-2026.md. */
static gboolean
is_seed_procedure (EdProcedure *procedure)
{
  static const char * const seed_ids[] = {
    "cn-shanghai-health-code", "cn-jiangsu-health-code", "cn-zhejiang-health-code",
    "cn-dalian-health-code", "cn-beijing-health-code", "cn-guangzhou-health-code",
    "cn-shenzhen-health-code", "jp-entry-waiting-mysos", "jp-my-her-sys",
    "jp-mynumber-insurance-card", NULL
  };

  return g_strv_contains (seed_ids, ed_procedure_get_id (procedure));
}

typedef struct
{
  char *seeds;      /* the five seeds, without white space */
  char *notes;      /* procedures-2026.md, without white space */
} Originals;

/* …and the catalog makes up none: each address a traveller is given
 * (links, contacts) is in a seed, once the seeds' line breaks are taken
 * out; for a procedure in force, in the notes of the sources or one of
 * the procedure's own sources. Sources themselves are citations: a
 * correction may add them. */
static void
check_address_in_seeds (EdProcedure *procedure,
                        const char  *place,
                        const char  *address,
                        const char  *printed,
                        gboolean     qr,
                        gpointer     user_data)
{
  const Originals *originals = user_data;
  const char *form = printed != NULL ? printed : address;
  GPtrArray *sources = ed_procedure_get_sources (procedure);

  if (g_str_equal (place, "source"))
    return;

  if (g_str_has_prefix (form, "mailto:"))
    form += strlen ("mailto:");
  else if (g_str_has_prefix (form, "tel:"))
    form += strlen ("tel:");

  if (is_seed_procedure (procedure))
    {
      if (strstr (originals->seeds, form) == NULL)
        g_error ("%s: %s “%s” is in no seed", ed_procedure_get_id (procedure), place, form);
      return;
    }

  if (strstr (originals->notes, form) != NULL ||
      (g_str_has_prefix (form, "https://")
       && strstr (originals->notes, form + strlen ("https://")) != NULL))
    return;
  for (guint i = 0; i < sources->len; i++)
    if (g_strcmp0 (((EdSource *) g_ptr_array_index (sources, i))->url, address) == 0)
      return;
  g_error ("%s: %s “%s” is neither in the notes of the sources nor one of its sources",
           ed_procedure_get_id (procedure), place, form);
}

static char *
read_squeezed (const char *path)
{
  g_autofree char *contents = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_catalog_addresses_from_seeds (void)
{
  g_autoptr(EdCatalog) catalog = load_shipped ();
  g_autofree char *notes_path = ed_test_data_path ("seeds", "procedures-2026.md", NULL);
  Originals originals = { read_seeds (TRUE), read_squeezed (notes_path) };
  Visitor v = { NULL, check_address_in_seeds, &originals };

  visit_catalog (&v, catalog);
  g_free (originals.seeds);
  g_free (originals.notes);
}

/* What Entry Desk read is all the file says: written back, each shipped
 * procedure is its file again. */
static void
test_catalog_nothing_lost (void)
{
  g_autoptr(EdCatalog) catalog = load_shipped ();
  GListModel *procedures = ed_catalog_get_procedures (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) written = ed_procedure_to_json (procedure);
      g_autoptr(GError) error = NULL;

      json_parser_load_from_file (parser, ed_procedure_get_path (procedure), &error);
      g_assert_no_error (error);
      if (!json_node_equal (written, json_parser_get_root (parser)))
        g_error ("%s: written back, it differs from its file", ed_procedure_get_id (procedure));
    }
}

static void
copy_with_changes (const char *id,
                   const char *dir,
                   int         version,
                   const char *title)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures",
                                              name, NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *top;

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  top = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (top, "version", version);
  json_object_set_string_member (json_object_get_object_member (top, "title"), "en", title);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  json = json_to_string (json_parser_get_root (parser), TRUE);
  g_file_set_contents (target, json, -1, &error);
  g_assert_no_error (error);
}

/* A file in $XDG_DATA_HOME/entry-desk/procedures replaces the shipped
 * one of its id; a downloaded update replaces both. */
static void
test_catalog_user_override (void)
{
  g_autofree char *user_dir = ed_paths_user_procedures_dir ();
  g_autofree char *updates_dir = ed_paths_updates_current_dir ();
  g_autoptr(EdCatalog) catalog = NULL;
  EdProcedure *procedure;

  /* G_TEST_OPTION_ISOLATE_DIRS: the data home is this test's own. */
  g_assert_true (g_str_has_prefix (user_dir, g_get_user_data_dir ()));
  copy_with_changes ("cn-shanghai-health-code", user_dir, 2, "Shanghai, as our office writes it");
  copy_with_changes ("jp-my-her-sys", user_dir, 2, "HER-SYS, our version");
  copy_with_changes ("jp-my-her-sys", updates_dir, 3, "HER-SYS, updated");

  catalog = load_shipped ();
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (catalog)),
                    ==, G_N_ELEMENTS (shipped_ids));

  procedure = ed_catalog_lookup (catalog, "cn-shanghai-health-code");
  g_assert_cmpint (ed_procedure_get_origin (procedure), ==, ED_ORIGIN_USER);
  g_assert_cmpint (ed_procedure_get_version (procedure), ==, 2);
  g_assert_cmpstr (ed_text_get (ed_procedure_get_title (procedure), ED_LANGUAGE_EN), ==,
                   "Shanghai, as our office writes it");

  procedure = ed_catalog_lookup (catalog, "jp-my-her-sys");
  g_assert_cmpint (ed_procedure_get_origin (procedure), ==, ED_ORIGIN_UPDATE);
  g_assert_cmpint (ed_procedure_get_version (procedure), ==, 3);

  g_assert_cmpint (ed_procedure_get_origin (ed_catalog_lookup (catalog, "cn-beijing-health-code")),
                   ==, ED_ORIGIN_SYSTEM);
}

/* A bad file is skipped with its error; the rest still load. */
static void
test_catalog_bad_user_file (void)
{
  g_autofree char *user_dir = ed_paths_user_procedures_dir ();
  g_autofree char *bad = g_build_filename (user_dir, "cn-shanghai-health-code.json", NULL);
  g_autofree char *backup = g_build_filename (user_dir, ".#cn-beijing-health-code.json", NULL);
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  GPtrArray *errors;
  const GError *error;

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad, "{ \"schema\": 1,\n  \"id\": "
                                           "\"cn-shanghai-health-code\" \n", -1, NULL));
  /* An editor's lock file is not a procedure. */
  g_assert_true (g_file_set_contents (backup, "garbage", -1, NULL));

  ed_catalog_load_default (catalog);
  errors = ed_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, bad));
  g_assert_nonnull (strstr (error->message, ": line 2, column "));

  /* The shipped one of that id is still there. */
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (catalog)),
                    ==, G_N_ELEMENTS (shipped_ids));
  g_assert_cmpint (ed_procedure_get_origin (ed_catalog_lookup (catalog, "cn-shanghai-health-code")),
                   ==, ED_ORIGIN_SYSTEM);
}

/* Files that crashed the app at every start (json-glib overflowed its
 * stack) or were read wrong are skipped like any other bad file, each
 * with the place it goes wrong. */
static void
test_catalog_hostile_user_files (void)
{
  g_autofree char *user_dir = ed_paths_user_procedures_dir ();
  g_autofree char *deep = g_build_filename (user_dir, "xx-deep.json", NULL);
  g_autofree char *twice = g_build_filename (user_dir, "xx-twice.json", NULL);
  g_autofree char *huge = g_build_filename (user_dir, "xx-huge.json", NULL);
  g_autofree char *nesting = g_strnfill (100000, '[');
  g_autofree char *spaces = g_strnfill (ED_PROCEDURE_MAX_SIZE + 1, ' ');
  g_autofree char *deep_message = NULL;
  g_autofree char *huge_message = NULL;
  g_autofree char *twice_message = NULL;
  g_autoptr(EdCatalog) shipped = ed_catalog_new ();
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  GPtrArray *errors;

  /* What the catalog holds without the hostile files: every shipped procedure. */
  ed_catalog_load_default (shipped);
  g_assert_cmpuint (ed_catalog_get_errors (shipped)->len, ==, 0);

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (deep, nesting, -1, NULL));
  g_assert_true (g_file_set_contents (twice, "{\"schema\": 1,\n \"schema\": 2}", -1, NULL));
  g_assert_true (g_file_set_contents (huge, spaces, -1, NULL));

  ed_catalog_load_default (catalog);
  errors = ed_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 3);
  deep_message = g_strconcat (deep, ": line 1, column 65: objects and lists are nested more than "
                              "64 deep here; no Entry Desk file is: check that this is the "
                              "right file", NULL);
  huge_message = g_strconcat (huge, ": the file is larger than 2.1\u00a0MB, the most a file of "
                              "this kind can have: check that this is the right file", NULL);
  twice_message = g_strconcat (twice, ": schema: this key is given twice, on lines 1 and 2: "
                               "keep only one of them", NULL);
  g_assert_cmpstr (((GError *) g_ptr_array_index (errors, 0))->message, ==, deep_message);
  g_assert_cmpstr (((GError *) g_ptr_array_index (errors, 1))->message, ==, huge_message);
  g_assert_cmpstr (((GError *) g_ptr_array_index (errors, 2))->message, ==, twice_message);
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (catalog)), ==,
                    g_list_model_get_n_items (ed_catalog_get_procedures (shipped)));
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (catalog)), >=, 21);

  g_unlink (deep);
  g_unlink (twice);
  g_unlink (huge);
}

static void
test_catalog_same_folder_twice (void)
{
  g_autofree char *path = ed_test_data_path ("catalog", "xx-valid.json", NULL);
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_catalog_add_file (catalog, path, ED_ORIGIN_OTHER, &error));
  g_assert_false (ed_catalog_add_file (catalog, path, ED_ORIGIN_OTHER, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“xx-valid” is already used by"));
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (catalog)), ==, 1);
}

/* An ended procedure names its successor by title, in the language asked
 * for, whichever of the two the catalog read first; not by its id. */
static void
test_catalog_successor_title (void)
{
  const char *ids[] = { "jp-entry-waiting-mysos", "jp-visit-japan-web" };

  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(EdCatalog) catalog = ed_catalog_new ();
      EdProcedure *mysos;
      g_autofree char *ja = NULL;
      g_autofree char *zh = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autofree char *name = g_strconcat (ids[order == 0 ? i : 1 - i], ".json", NULL);
          g_autofree char *path = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"),
                                                    "procedures", name, NULL);
          g_autoptr(GError) error = NULL;

          g_assert_true (ed_catalog_add_file (catalog, path, ED_ORIGIN_OTHER, &error));
          g_assert_no_error (error);
        }

      mysos = ed_catalog_lookup (catalog, "jp-entry-waiting-mysos");
      ja = ed_procedure_describe_status (mysos, ED_LANGUAGE_JA);
      zh = ed_procedure_describe_status (mysos, ED_LANGUAGE_ZH_CN);
      g_assert_nonnull (strstr (ja, "後継：Visit Japan Web と共同キオスク（日本への入国）"));
      g_assert_nonnull (strstr (zh, "Visit Japan Web 与联合自助终端（入境日本）"));
      g_assert_null (strstr (ja, "jp-visit-japan-web"));
      g_assert_null (strstr (zh, "jp-visit-japan-web"));
    }
}

static void
test_catalog_directories (void)
{
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *bad = ed_test_data_path ("catalog", "bad", NULL);
  g_autofree char *tmp = ed_test_make_tmpdir ();

  /* No folder of one's own is no problem. */
  ed_catalog_load_directory (catalog, "/nonexistent/entry-desk/procedures", ED_ORIGIN_USER);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  files = ed_catalog_list_directory (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 0);
  g_clear_pointer (&files, g_ptr_array_unref);

  /* Files in name order, each bad one with its own error. */
  files = ed_catalog_list_directory (bad, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, >=, 10);
  for (guint i = 1; i < files->len; i++)
    g_assert_cmpstr (g_ptr_array_index (files, i - 1), <, g_ptr_array_index (files, i));

  ed_catalog_load_directory (catalog, bad, ED_ORIGIN_OTHER);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, files->len);
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (catalog)), ==, 0);

  ed_test_rm_rf (tmp);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/shipped", test_catalog_shipped);
  g_test_add_func ("/catalog/texts-complete", test_catalog_texts_complete);
  g_test_add_func ("/catalog/links", test_catalog_links);
  g_test_add_func ("/catalog/seed-addresses", test_catalog_seed_addresses);
  g_test_add_func ("/catalog/addresses-from-seeds", test_catalog_addresses_from_seeds);
  g_test_add_func ("/catalog/nothing-lost", test_catalog_nothing_lost);
  g_test_add_func ("/catalog/user-override", test_catalog_user_override);
  g_test_add_func ("/catalog/bad-user-file", test_catalog_bad_user_file);
  g_test_add_func ("/catalog/hostile-user-files", test_catalog_hostile_user_files);
  g_test_add_func ("/catalog/same-folder-twice", test_catalog_same_folder_twice);
  g_test_add_func ("/catalog/directories", test_catalog_directories);
  g_test_add_func ("/catalog/successor-title", test_catalog_successor_title);

  return g_test_run ();
}
