/* ed-test-notifications.c — org.freedesktop.Notifications, as a desktop
 * offers it: GLib's notification backend talks to it as to any other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-test-notifications.h"

static GHashTable *on_desktop;    /* id → EdTestNotification */
static guint32 last_id;

static void
notification_free (gpointer data)
{
  EdTestNotification *shown = data;

  g_free (shown->summary);
  g_free (shown->body);
  g_strfreev (shown->actions);
  g_free (shown);
}

static void
method_cb (GDBusConnection       *connection,
           const char            *sender,
           const char            *object_path,
           const char            *interface_name,
           const char            *method_name,
           GVariant              *parameters,
           GDBusMethodInvocation *invocation,
           gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      EdTestNotification *shown = g_new0 (EdTestNotification, 1);
      guint32 replaces;
      guint32 id;

      g_variant_get (parameters, "(&su&sss^as@a{sv}i)", NULL, &replaces, NULL, &shown->summary,
                     &shown->body, &shown->actions, NULL, NULL);
      id = replaces != 0 ? replaces : ++last_id;
      g_hash_table_replace (on_desktop, GUINT_TO_POINTER (id), shown);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      g_hash_table_remove (on_desktop, GUINT_TO_POINTER (id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *capabilities[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", capabilities));
    }
  else
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "entry-desk", "1",
                                                          "1.2"));
}

/* Before the application starts: the bus name is taken at once. */
void
ed_test_notifications_start (void)
{
  static const char xml[] =
    "<node><interface name='org.freedesktop.Notifications'>"
    "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
    "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
    "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/>"
    "<arg type='i' direction='in'/><arg type='u' direction='out'/></method>"
    "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
    "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
    "<method name='GetServerInformation'><arg type='s' direction='out'/>"
    "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
    "<arg type='s' direction='out'/></method>"
    "</interface></node>";
  static const GDBusInterfaceVTable vtable = { method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  on_desktop = g_hash_table_new_full (NULL, NULL, NULL, notification_free);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
}

/* Returns: (nullable): the notification shown whose summary holds @needle */
EdTestNotification *
ed_test_notifications_find (const char *needle)
{
  GHashTableIter iter;
  EdTestNotification *shown;

  g_hash_table_iter_init (&iter, on_desktop);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &shown))
    if (strstr (shown->summary, needle) != NULL)
      return shown;

  return NULL;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits up to 10 seconds for ed_test_notifications_find() to find it. */
EdTestNotification *
ed_test_notifications_wait (const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);
  EdTestNotification *shown;

  /* The main context, drained; the timer wakes it for the deadline. */
  while ((shown = ed_test_notifications_find (needle)) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  return shown;
}

/* How many are shown. */
guint
ed_test_notifications_count (void)
{
  return g_hash_table_size (on_desktop);
}
