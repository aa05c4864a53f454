/* ed-cli-feed.c — entry-desk-cli feed keygen | build | update
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#ifdef G_OS_UNIX
#include <glib-unix.h>
#include <signal.h>
#endif

#include "ed-cli.h"
#include "ed-feed.h"
#include "ed-feed-build.h"
#include "ed-signing.h"

static int
feed_keygen (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *line = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the private key to KEY"), N_("KEY") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("Name the key’s owner (shown with the public key)"), N_("TEXT") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Make a key pair to sign feeds. The private key is "
                                           "written readable by you only; the public key, "
                                           "printed, goes to the desks that trust the feed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return ed_cli_usage_error (_("Say where to write the private key with -o KEY"));

  key = ed_signing_key_generate (comment, &error);
  if (key == NULL || !ed_signing_key_save (key, output, &error))
    return ed_cli_fail (g_steal_pointer (&error));

  line = ed_public_key_to_string (ed_signing_key_get_public_key (key));
  g_print ("%s\n", line);
  g_printerr (_("The private key is in “%s”: keep it secret. Give the public key above to the "
                "desks that will trust this feed.\n"), output);

  return ED_EXIT_OK;
}

static int
feed_build (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdSigningKey) key = NULL;
  g_autoptr(EdFeedIndex) index = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *sequence_text = NULL;
  gint64 sequence = 0;
  int status;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_path,
      N_("Sign with the private key KEY"), N_("KEY") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the feed to the folder OUT"), N_("OUT") },
    { "publisher", 0, 0, G_OPTION_ARG_STRING, &publisher,
      N_("The publisher’s name (default: the key’s comment)"), N_("NAME") },
    { "sequence", 0, 0, G_OPTION_ARG_INT64, &sequence,
      N_("The feed’s sequence number (default: the time)"), "N" },
    { NULL }
  };

  context = g_option_context_new (N_("DIR"));
  g_option_context_set_summary (context, _("Check every procedure file (*.json) of DIR with the "
                                           "catalog checks and write them, their index and its "
                                           "signature to OUT, ready for any web server."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_cli_usage_error (_("Name the folder of the procedures to publish"));
  if (argc > 2)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  if (key_path == NULL || output == NULL)
    return ed_cli_usage_error (_("Give the private key with --key KEY and the output folder "
                                 "with -o OUT"));

  key = ed_signing_key_load (key_path, &error);
  if (key == NULL)
    return ed_cli_fail (g_steal_pointer (&error));

  if (publisher == NULL)
    publisher = g_strdup (ed_public_key_get_comment (ed_signing_key_get_public_key (key)));
  if (publisher == NULL)
    return ed_cli_usage_error (_("The key has no comment: give the publisher’s name with "
                                 "--publisher NAME"));

  index = ed_feed_build (argv[1], key, publisher, sequence, output, &problems, &error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) problems->pdata[i]);
  if (index == NULL)
    return ed_cli_fail (g_steal_pointer (&error));

  sequence_text = g_strdup_printf ("%" G_GINT64_FORMAT, index->sequence);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Built the feed in “%s”: %u procedure, sequence %s, signed with %s\n",
                        "Built the feed in “%s”: %u procedures, sequence %s, signed with %s\n",
                        index->entries->len),
           output, index->entries->len, sequence_text,
           ed_public_key_get_base64 (ed_signing_key_get_public_key (key)));
  for (guint i = 0; i < index->entries->len; i++)
    {
      const EdFeedEntry *entry = index->entries->pdata[i];

      g_print (_("  %s, version %d\n"), entry->id, entry->version);
    }

  return ED_EXIT_OK;
}

typedef struct
{
  GMainLoop    *loop;
  EdFeedResult *result;
  GError       *error;
} UpdateRun;

static void
update_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  UpdateRun *run = user_data;

  run->result = ed_feed_update_finish (ED_FEED (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
status_changed (EdFeed     *feed,
                GParamSpec *pspec,
                gpointer    user_data)
{
  if (*ed_feed_get_status (feed) != '\0')
    g_printerr ("%s\n", ed_feed_get_status (feed));
}

#ifdef G_OS_UNIX
static gboolean
interrupted (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}
#endif

/* --trust takes a key as text or a file of keys. */
static gboolean
add_trusted (GStrvBuilder  *keys,
             const char    *value,
             GError       **error)
{
  g_autoptr(GPtrArray) from_file = NULL;

  if (!g_file_test (value, G_FILE_TEST_IS_REGULAR))
    {
      if (!ed_feed_check_key (value, error))
        return FALSE;
      g_strv_builder_add (keys, value);
      return TRUE;
    }

  from_file = ed_public_key_load_file (value, error);
  if (from_file == NULL)
    return FALSE;
  for (guint i = 0; i < from_file->len; i++)
    {
      g_autofree char *line = ed_public_key_to_string (from_file->pdata[i]);

      g_strv_builder_add (keys, line);
    }

  return TRUE;
}

static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema (an uninstalled CLI), there are no settings. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static int
feed_update (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(EdFeed) feed = ed_feed_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) urls = NULL;
  g_auto(GStrv) trust = NULL;
  g_auto(GStrv) key_list = NULL;
  g_autofree char *description = NULL;
  UpdateRun run = { NULL, NULL, NULL };
  int timeout = ED_FEED_DEFAULT_TIMEOUT;
  guint interrupt_source = 0;
  int status;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING_ARRAY, &urls,
      N_("Update from the feed at URL instead of the configured feeds (repeatable)"), N_("URL") },
    { "trust", 0, 0, G_OPTION_ARG_STRING_ARRAY, &trust,
      N_("Also trust this public key, or the keys in this file, for this run (repeatable)"),
      N_("PUBLIC_KEY") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a server silent for this many seconds"), N_("SECONDS") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Download the procedures of the signed feeds, check "
                                           "them and install them for this user."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (timeout < 1)
    return ed_cli_usage_error (_("The timeout must be at least one second"));

  if (urls == NULL && settings != NULL)
    urls = g_settings_get_strv (settings, "feed-urls");
  if (settings != NULL)
    {
      g_auto(GStrv) configured = g_settings_get_strv (settings, "trusted-keys");

      g_strv_builder_addv (keys, (const char **) configured);
    }
  for (guint i = 0; trust != NULL && trust[i] != NULL; i++)
    if (!add_trusted (keys, trust[i], &error))
      return ed_cli_fail (g_steal_pointer (&error));
  key_list = g_strv_builder_end (keys);

  ed_feed_set_urls (feed, (const char * const *) urls);
  ed_feed_set_trusted_keys (feed, (const char * const *) key_list);
  ed_feed_set_timeout (feed, timeout);
  if (ed_cli_stderr_is_terminal ())
    g_signal_connect (feed, "notify::status", G_CALLBACK (status_changed), NULL);
#ifdef G_OS_UNIX
  interrupt_source = g_unix_signal_add (SIGINT, interrupted, cancellable);
#endif

  run.loop = g_main_loop_new (NULL, FALSE);
  ed_feed_update_async (feed, cancellable, update_done, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  if (interrupt_source != 0)
    g_source_remove (interrupt_source);

  if (run.result == NULL)
    return ed_cli_fail (run.error);

  description = ed_feed_result_describe (run.result, ed_language_for_ui ());
  g_print ("%s\n", description);
  g_object_unref (run.result);

  return ED_EXIT_OK;
}

int
ed_cli_feed (int    argc,
             char **argv)
{
  static const struct {
    const char       *name;
    EdCliCommandFunc  run;
  } verbs[] = {
    { "keygen", feed_keygen },
    { "build", feed_build },
    { "update", feed_update },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (verbs); i++)
    {
      if (strcmp (argv[1], verbs[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("entry-desk-cli feed %s", verbs[i].name);

          g_set_prgname (prgname);
          return verbs[i].run (argc - 1, argv + 1);
        }
    }

  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      g_print ("%s\n  entry-desk-cli feed keygen -o KEY\n"
               "  entry-desk-cli feed build DIR --key KEY -o OUT\n"
               "  entry-desk-cli feed update [--url URL] [--trust PUBLIC_KEY]\n",
               _("Usage:"));
      return ED_EXIT_OK;
    }

  if (argc < 2)
    return ed_cli_usage_error (_("Say what to do: keygen, build or update"));

  return ed_cli_usage_error (_("Unknown feed command “%s”: use keygen, build or update"),
                             argv[1]);
}
