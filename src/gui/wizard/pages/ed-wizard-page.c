/* ed-wizard-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-string.h"
#include "ed-text-block.h"
#include "ed-wizard-page.h"

typedef struct
{
  char     *id;
  char     *title;
  char     *section;
  gboolean  complete;
  gboolean  skippable;
  int       second_language;
} EdWizardPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (EdWizardPage, ed_wizard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SECTION,
  PROP_COMPLETE,
  PROP_SKIPPABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
ed_wizard_page_get_id (EdWizardPage *self)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_WIZARD_PAGE (self), NULL);

  return priv->id;
}

const char *
ed_wizard_page_get_title (EdWizardPage *self)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_WIZARD_PAGE (self), NULL);

  return priv->title;
}

void
ed_wizard_page_set_title (EdWizardPage *self,
                          const char   *title)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_if_fail (ED_IS_WIZARD_PAGE (self));

  if (ed_string_replace (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ed_wizard_page_get_section:
 *
 * Returns: (nullable): the part of the procedure the page belongs to,
 *   such as "Before entry", shown above it in the list of steps
 */
const char *
ed_wizard_page_get_section (EdWizardPage *self)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_WIZARD_PAGE (self), NULL);

  return priv->section;
}

void
ed_wizard_page_set_section (EdWizardPage *self,
                            const char   *section)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_if_fail (ED_IS_WIZARD_PAGE (self));

  if (ed_string_replace (&priv->section, section))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

gboolean
ed_wizard_page_get_complete (EdWizardPage *self)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_WIZARD_PAGE (self), FALSE);

  return priv->complete;
}

void
ed_wizard_page_set_complete (EdWizardPage *self,
                             gboolean      complete)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_if_fail (ED_IS_WIZARD_PAGE (self));

  complete = !!complete;
  if (priv->complete != complete)
    {
      priv->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

gboolean
ed_wizard_page_get_skippable (EdWizardPage *self)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_WIZARD_PAGE (self), FALSE);

  return priv->skippable;
}

void
ed_wizard_page_set_skippable (EdWizardPage *self,
                              gboolean      skippable)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_if_fail (ED_IS_WIZARD_PAGE (self));

  skippable = !!skippable;
  if (priv->skippable != skippable)
    {
      priv->skippable = skippable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIPPABLE]);
    }
}

void
ed_wizard_page_shown (EdWizardPage *self)
{
  g_return_if_fail (ED_IS_WIZARD_PAGE (self));

  if (ED_WIZARD_PAGE_GET_CLASS (self)->shown != NULL)
    ED_WIZARD_PAGE_GET_CLASS (self)->shown (self);
}

/**
 * ed_wizard_page_set_content:
 * @content: what the page shows, as a column
 *
 * Shows @content as every page does: scrolled, and clamped to a width
 * that reads well, with the margins of a GNOME page.
 */
void
ed_wizard_page_set_content (EdWizardPage *self,
                            GtkWidget    *content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  g_return_if_fail (ED_IS_WIZARD_PAGE (self));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 880);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 36);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
}

/**
 * ed_wizard_page_focus_field:
 * @traveller: the traveller's place in the case
 * @name: (nullable): a traveller key, a field or a question id; %NULL or
 *   "" for the page's first control
 *
 * Returns: whether something took the focus
 */
gboolean
ed_wizard_page_focus_field (EdWizardPage *self,
                            guint         traveller,
                            const char   *name)
{
  g_return_val_if_fail (ED_IS_WIZARD_PAGE (self), FALSE);

  if (name != NULL && *name != '\0' && ED_WIZARD_PAGE_GET_CLASS (self)->focus_field != NULL &&
      ED_WIZARD_PAGE_GET_CLASS (self)->focus_field (self, traveller, name))
    return TRUE;

  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/**
 * ed_wizard_page_get_second_language:
 *
 * Returns: the traveller's language shown beside the staff's (an
 *   #EdLanguage), or %ED_NO_LANGUAGE
 */
int
ed_wizard_page_get_second_language (EdWizardPage *self)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_WIZARD_PAGE (self), ED_NO_LANGUAGE);

  return priv->second_language;
}

void
ed_wizard_page_set_second_language (EdWizardPage *self,
                                    int           language)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  g_return_if_fail (ED_IS_WIZARD_PAGE (self));

  if (priv->second_language == language)
    return;

  priv->second_language = language;
  if (ED_WIZARD_PAGE_GET_CLASS (self)->second_language_changed != NULL)
    ED_WIZARD_PAGE_GET_CLASS (self)->second_language_changed (self);
}

static void
ed_wizard_page_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ed_wizard_page_parent_class)->dispose (object);
}

static void
ed_wizard_page_finalize (GObject *object)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (ED_WIZARD_PAGE (object));

  g_free (priv->id);
  g_free (priv->title);
  g_free (priv->section);

  G_OBJECT_CLASS (ed_wizard_page_parent_class)->finalize (object);
}

static void
ed_wizard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EdWizardPage *self = ED_WIZARD_PAGE (object);
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_SECTION:
      g_value_set_string (value, priv->section);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;

    case PROP_SKIPPABLE:
      g_value_set_boolean (value, priv->skippable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_wizard_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EdWizardPage *self = ED_WIZARD_PAGE (object);
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      ed_wizard_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_SECTION:
      ed_wizard_page_set_section (self, g_value_get_string (value));
      break;

    case PROP_COMPLETE:
      ed_wizard_page_set_complete (self, g_value_get_boolean (value));
      break;

    case PROP_SKIPPABLE:
      ed_wizard_page_set_skippable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_wizard_page_class_init (EdWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_wizard_page_dispose;
  object_class->finalize = ed_wizard_page_finalize;
  object_class->get_property = ed_wizard_page_get_property;
  object_class->set_property = ed_wizard_page_set_property;

  /* The id the case remembers to resume on this page. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SKIPPABLE] =
    g_param_spec_boolean ("skippable", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ed_wizard_page_init (EdWizardPage *self)
{
  EdWizardPagePrivate *priv = ed_wizard_page_get_instance_private (self);

  priv->second_language = ED_NO_LANGUAGE;
}
