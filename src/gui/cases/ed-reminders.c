/* ed-reminders.c — desktop notifications of deadlines due soon or overdue
 *
 * A notification says the case reference and its next deadline, never a
 * name: notifications show on locked screens. The same case is not
 * notified again while what it would say is unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-reminders.h"

#define CHECK_EVERY_SECONDS 3600
#define SUMMARY_ID "reminders-more"

struct _EdReminders
{
  GObject        parent_instance;

  GApplication  *application;   /* weak */
  EdStore       *store;
  EdCatalog     *catalog;
  GSettings     *settings;
  GDateTime     *now;           /* a fixed "now", or NULL for the clock */

  GCancellable  *cancellable;
  guint          timer;
  guint          n_checks;
  GHashTable    *sent;          /* id → GNotification, the last sent */
  GHashTable    *bodies;        /* id → what it said, not to repeat it */
  GHashTable    *titles;        /* id → its title */
};

G_DEFINE_FINAL_TYPE (EdReminders, ed_reminders, G_TYPE_OBJECT)

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
ed_reminders_id_for_case (gint64 case_id)
{
  return g_strdup_printf ("reminder-%" G_GINT64_FORMAT, case_id);
}

static GDateTime *
dup_now (EdReminders *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : ed_date_dup_now ();
}

/* "Last day to notify the place of residence … — by 2027-01-23" */
static char *
describe_next (EdReminders *self,
               EdCaseInfo  *info)
{
  const EdNextDue *next = ed_case_info_get_next_due (info);
  EdLanguage language = ed_language_for_ui ();
  EdProcedure *procedure = next->procedure_id != NULL
                           ? ed_catalog_lookup (self->catalog, next->procedure_id) : NULL;
  const EdPeriod *period = procedure != NULL && next->rule_id != NULL
                           ? ed_procedure_find_period (procedure, next->rule_id) : NULL;
  g_autofree char *when = NULL;
  g_autofree char *day = ed_next_due_format_when (next);

  if (next->when == NULL)
    return g_strdup ("");

  /* Translators: the date (or date and time) a deadline falls on */
  when = g_strdup_printf (_("by %s"), day);
  if (period == NULL)
    return g_steal_pointer (&when);
  /* Translators: what is due, then by when */
  return g_strdup_printf (_("%s — %s"), ed_text_lookup (period->label, language), when);
}

static void
send (EdReminders   *self,
      const char    *id,
      GNotification *notification,
      const char    *title,
      const char    *body)
{
  g_autofree char *said = g_strconcat (title, "\n", body, NULL);

  if (g_strcmp0 (g_hash_table_lookup (self->bodies, id), said) == 0)
    return;

  g_hash_table_replace (self->bodies, g_strdup (id), g_steal_pointer (&said));
  g_hash_table_replace (self->titles, g_strdup (id), g_strdup (title));
  g_hash_table_replace (self->sent, g_strdup (id), g_object_ref (notification));
  if (self->application != NULL)
    g_application_send_notification (self->application, id, notification);
  g_signal_emit (self, signals[SENT], 0, id, notification);
}

static void
notify_case (EdReminders *self,
             EdReminder  *reminder)
{
  g_autofree char *id = ed_reminders_id_for_case (ed_case_info_get_id (reminder->info));
  g_autofree char *next = describe_next (self, reminder->info);
  g_autofree char *title = NULL;
  g_autoptr(GString) body = g_string_new (next);
  g_autoptr(GNotification) notification = NULL;
  const char *reference = ed_case_info_get_reference (reminder->info);
  guint n = reminder->n_overdue + reminder->n_due_soon;

  if (reminder->n_overdue > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u deadline overdue",
                                          "%s: %u deadlines overdue", reminder->n_overdue),
                             reference, reminder->n_overdue);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u deadline due soon",
                                          "%s: %u deadlines due soon", reminder->n_due_soon),
                             reference, reminder->n_due_soon);
  if (n > 1)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                 "and %u more", n - 1), n - 1);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_priority (notification, reminder->n_overdue > 0
                                             ? G_NOTIFICATION_PRIORITY_HIGH
                                             : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification, "app.open-case", "x",
                                                ed_case_info_get_id (reminder->info));
  g_notification_add_button_with_target (notification, _("Open Case"), "app.open-case", "x",
                                         ed_case_info_get_id (reminder->info));
  send (self, id, notification, title, body->str);
}

/* Past a few cases, one notification for the rest, which opens the list. */
static void
notify_more (EdReminders *self,
             GPtrArray   *reminders)
{
  guint n = reminders->len - ED_REMINDERS_MAX_NOTIFICATIONS;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = ED_REMINDERS_MAX_NOTIFICATIONS; i < reminders->len; i++)
    {
      EdReminder *reminder = g_ptr_array_index (reminders, i);

      if (body->len > 0)
        g_string_append (body, ", ");
      g_string_append (body, ed_case_info_get_reference (reminder->info));
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more case has deadlines due",
                                        "%u more cases have deadlines due", n), n);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_default_action (notification, "app.show-cases");
  send (self, SUMMARY_ID, notification, title, body->str);
}

/* What is no longer due is withdrawn. */
static void
withdraw_others (EdReminders *self,
                 GHashTable  *current)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->sent);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (current, id))
      {
        if (self->application != NULL)
          g_application_withdraw_notification (self->application, id);
        g_hash_table_remove (self->bodies, id);
        g_hash_table_remove (self->titles, id);
        g_hash_table_iter_remove (&iter);
      }
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EdReminders) self = user_data;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  reminders = ed_store_check_reminders_finish (ED_STORE (object), result, &error);
  if (reminders == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("The reminder check failed: %s", error->message);
      return;
    }

  self->n_checks++;
  for (guint i = 0; i < reminders->len && i < ED_REMINDERS_MAX_NOTIFICATIONS; i++)
    {
      EdReminder *reminder = g_ptr_array_index (reminders, i);

      g_hash_table_add (current, ed_reminders_id_for_case (ed_case_info_get_id (reminder->info)));
      notify_case (self, reminder);
    }
  if (reminders->len > ED_REMINDERS_MAX_NOTIFICATIONS)
    {
      g_hash_table_add (current, g_strdup (SUMMARY_ID));
      notify_more (self, reminders);
    }
  withdraw_others (self, current);
}

/**
 * ed_reminders_check:
 *
 * Checks now, without waiting for the hour; nothing when the setting
 * turns reminders off.
 */
void
ed_reminders_check (EdReminders *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ED_IS_REMINDERS (self));

  if (!g_settings_get_boolean (self->settings, "reminders"))
    return;

  now = dup_now (self);
  ed_store_check_reminders_async (self->store, now,
                                  g_settings_get_uint (self->settings, "reminder-days"),
                                  self->cancellable, checked_cb, g_object_ref (self));
}

static gboolean
hourly_cb (gpointer user_data)
{
  ed_reminders_check (user_data);
  return G_SOURCE_CONTINUE;
}

static void
setting_changed_cb (EdReminders *self)
{
  if (g_settings_get_boolean (self->settings, "reminders"))
    {
      /* The days changed, or they were turned on: say it again. */
      g_hash_table_remove_all (self->bodies);
      ed_reminders_check (self);
      return;
    }

  /* Off: what was shown goes too. */
  {
    g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);

    withdraw_others (self, none);
  }
}

/**
 * ed_reminders_set_now:
 * @now: (nullable): a fixed "now" for these reminders alone; %NULL for
 *   the process's (ed_date_dup_now())
 */
void
ed_reminders_set_now (EdReminders *self,
                      GDateTime   *now)
{
  g_return_if_fail (ED_IS_REMINDERS (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

/* Returns: (transfer none) (nullable): the notification last sent as @id */
GNotification *
ed_reminders_get_notification (EdReminders *self,
                               const char  *id)
{
  g_return_val_if_fail (ED_IS_REMINDERS (self), NULL);
  return g_hash_table_lookup (self->sent, id);
}

/**
 * ed_reminders_get_text:
 * @title: (out) (optional) (transfer none): its title
 * @body: (out) (optional) (transfer none): its title, a line break, and
 *   its body
 *
 * What the notification last sent as @id says (GNotification does not
 * tell).
 *
 * Returns: %FALSE when none is shown as @id
 */
gboolean
ed_reminders_get_text (EdReminders  *self,
                       const char   *id,
                       const char  **title,
                       const char  **body)
{
  g_return_val_if_fail (ED_IS_REMINDERS (self), FALSE);

  if (!g_hash_table_contains (self->sent, id))
    return FALSE;
  if (title != NULL)
    *title = g_hash_table_lookup (self->titles, id);
  if (body != NULL)
    *body = g_hash_table_lookup (self->bodies, id);
  return TRUE;
}

/* How many checks have finished: tests wait for one. */
guint
ed_reminders_get_n_checks (EdReminders *self)
{
  g_return_val_if_fail (ED_IS_REMINDERS (self), 0);
  return self->n_checks;
}

/**
 * ed_reminders_new:
 * @application: (nullable): sends the notifications; without, they are
 *   only kept (tests)
 *
 * Checks at once, then every hour.
 *
 * Returns: (transfer full): the reminders
 */
EdReminders *
ed_reminders_new (GApplication *application,
                  EdStore      *store,
                  EdCatalog    *catalog,
                  GSettings    *settings)
{
  EdReminders *self = g_object_new (ED_TYPE_REMINDERS, NULL);

  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  self->catalog = g_object_ref (catalog);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::reminders", G_CALLBACK (setting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-days", G_CALLBACK (setting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->timer = g_timeout_add_seconds (CHECK_EVERY_SECONDS, hourly_cb, self);

  return self;
}

static void
ed_reminders_dispose (GObject *object)
{
  EdReminders *self = ED_REMINDERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_reminders_parent_class)->dispose (object);
}

static void
ed_reminders_finalize (GObject *object)
{
  EdReminders *self = ED_REMINDERS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->sent, g_hash_table_unref);
  g_clear_pointer (&self->bodies, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);

  G_OBJECT_CLASS (ed_reminders_parent_class)->finalize (object);
}

static void
ed_reminders_class_init (EdRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ed_reminders_dispose;
  object_class->finalize = ed_reminders_finalize;

  /**
   * EdReminders::sent:
   * @id: the notification's id
   * @notification: what was sent
   */
  signals[SENT] =
    g_signal_new ("sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_NOTIFICATION);
}

static void
ed_reminders_init (EdReminders *self)
{
  self->cancellable = g_cancellable_new ();
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
