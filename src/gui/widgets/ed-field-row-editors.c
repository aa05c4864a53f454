/* ed-field-row-editors.c — the widget each kind of field is edited with
 *
 * Text of every kind in an AdwEntryRow with the input purpose and hints
 * an on-screen keyboard or input method needs; a date with a calendar
 * beside it; a country with suggestions (ed-field-row-country.c); a
 * choice in an AdwComboRow (ed-field-row-choices.c); a password in an
 * AdwPasswordEntryRow. The official form's label is
 * shown as the form writes it, in its language's glyphs, for staff who
 * copy the value next to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-field-row-private.h"

/**
 * ed_field_row_key_title:
 * @key: a traveller key
 *
 * Returns: what the editor calls the key, in the UI language
 */
const char *
ed_field_row_key_title (const char *key)
{
  static const struct
  {
    const char *key;
    const char *title;
  } titles[] = {
    { "surname", N_("Surname") },
    { "given_names", N_("Given Names") },
    { "native_name", N_("Name in Native Script") },
    { "phonetic_name", N_("Phonetic Name (Furigana)") },
    { "sex", N_("Sex") },
    { "birth_date", N_("Date of Birth") },
    { "nationality", N_("Nationality") },
    { "passport_number", N_("Passport Number") },
    { "passport_expiry", N_("Passport Expiry Date") },
    { "email", N_("E-mail Address") },
    { "phone", N_("Phone Number") },
    { "address_abroad", N_("Address Abroad") },
    { "address_local", N_("Address at Destination") },
    { "arrival_date", N_("Arrival Date") },
    { "arrival_port", N_("Port of Arrival") },
    { "arrival_time", N_("Arrival Time") },
    { "flight_number", N_("Flight Number") },
    { "visa_type", N_("Visa Category") },
    { "status_of_residence", N_("Status of Residence") },
    { "stay_expiry", N_("Period of Stay Ends") },
    { "residence_card_number", N_("Residence Card Number") },
    { "employer", N_("Employer") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].key, key) == 0)
      return _(titles[i].title);

  return key;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ED_IS_FIELD_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

/* Enter moves on, as in a paper form: to the next field row. */
void
_ed_field_row_focus_next (EdFieldRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint index;

  if (root == NULL)
    return;

  collect_rows (GTK_WIDGET (root), rows);
  if (g_ptr_array_find (rows, self, &index))
    for (guint i = index + 1; i < rows->len; i++)
      {
        GtkWidget *next = g_ptr_array_index (rows, i);

        if (gtk_widget_is_visible (next) && gtk_widget_is_sensitive (next) &&
            gtk_widget_grab_focus (next))
          return;
      }

  gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

PangoAttrList *
_ed_field_row_language_attrs (const char *bcp47)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bcp47 != NULL)
    pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (bcp47)));

  return attrs;
}

const char *
_ed_field_row_official_lang (const EdField *field)
{
  return field->official_label != NULL ? ed_language_bcp47 (field->official_lang) : NULL;
}

static void
entry_changed_cb (EdFieldRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editor));

  if (self->updating)
    return;

  _ed_field_row_edited (self, text);
  if (self->country_list != NULL && !self->choosing)
    _ed_field_row_search_country (self, text);
}

static void
entry_activated_cb (EdFieldRow *self)
{
  _ed_field_row_left (self);
  _ed_field_row_focus_next (self);
}

static void
focus_leave_cb (EdFieldRow *self)
{
  /* Opening the calendar is not leaving. */
  if (self->calendar_button != NULL)
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->calendar_button));

      if (gtk_widget_get_visible (GTK_WIDGET (popover)))
        return;
    }

  _ed_field_row_left (self);
}

static void
set_hints (AdwEntryRow *row,
           EdFieldKind  kind)
{
  GtkInputPurpose purpose = GTK_INPUT_PURPOSE_FREE_FORM;
  GtkInputHints hints = GTK_INPUT_HINT_NONE;

  switch (kind)
    {
    case ED_FIELD_NAME_LATIN:
      purpose = GTK_INPUT_PURPOSE_NAME;
      hints = GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK
              | GTK_INPUT_HINT_NO_EMOJI;
      break;
    case ED_FIELD_PASSPORT_NUMBER:
      hints = GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK
              | GTK_INPUT_HINT_NO_EMOJI;
      break;
    case ED_FIELD_PHONE:
      purpose = GTK_INPUT_PURPOSE_PHONE;
      hints = GTK_INPUT_HINT_NO_EMOJI;
      break;
    case ED_FIELD_EMAIL:
      purpose = GTK_INPUT_PURPOSE_EMAIL;
      hints = GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_LOWERCASE | GTK_INPUT_HINT_NO_EMOJI;
      break;
    case ED_FIELD_DIGITS:
      purpose = GTK_INPUT_PURPOSE_DIGITS;
      hints = GTK_INPUT_HINT_NO_EMOJI;
      break;
    case ED_FIELD_DATE:
    case ED_FIELD_COUNTRY:
    case ED_FIELD_ADDRESS:
      hints = GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI;
      break;
    case ED_FIELD_TEXT:
    case ED_FIELD_CHOICE:
    case ED_FIELD_YES_NO:
    case ED_FIELD_PASSWORD:
    default:
      break;
    }

  adw_entry_row_set_input_purpose (row, purpose);
  adw_entry_row_set_input_hints (row, hints);
}

static void
calendar_day_selected_cb (EdFieldRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->calendar_button));

  if (self->updating)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  gtk_popover_popdown (popover);
  gtk_widget_grab_focus (self->editor);
  ed_field_row_validate_now (self);
}

/* The calendar opens on the date typed, or on today. */
static void
calendar_show_cb (EdFieldRow *self)
{
  g_autofree char *value = ed_normalize_date (_ed_field_row_get_value (self));
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (value != NULL && ed_date_parse (value, &date))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 12, 0, 0);
  else
    day = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->updating = FALSE;
}

static GtkWidget *
create_calendar_button (EdFieldRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"),
                                  -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  self->calendar_button = button;
  self->calendar = GTK_CALENDAR (calendar);
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb),
                           self, G_CONNECT_SWAPPED);

  return button;
}

static GtkWidget *
create_suffix_label (const char *text,
                     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, style);
  return label;
}

static gboolean
is_country (const EdField *field)
{
  return field->kind == ED_FIELD_COUNTRY ||
         (g_strcmp0 (field->traveller_key, "nationality") == 0 && field->kind == ED_FIELD_TEXT);
}

static GtkWidget *
create_entry (EdFieldRow *self,
              const char *markup)
{
  const EdField *field = self->field;
  GtkWidget *row;
  GtkEventController *focus;

  if (self->editor_kind == ED_FIELD_EDITOR_PASSWORD)
    row = adw_password_entry_row_new ();
  else
    row = adw_entry_row_new ();

  /* The official label beside the title, in its own language's glyphs:
   * right above the value staff copy into that form. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
  if (self->editor_kind == ED_FIELD_EDITOR_ENTRY)
    set_hints (ADW_ENTRY_ROW (row), is_country (field) ? ED_FIELD_COUNTRY : field->kind);
  if (field->kind == ED_FIELD_DATE)
    gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 12);

  /* Shown beside the code once it names a country. */
  if (is_country (field))
    self->country_label = g_object_ref_sink (create_suffix_label (NULL, "country-name"));

  if (field->required)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                              create_suffix_label (_("Required"), "required-badge"));

  if (field->kind == ED_FIELD_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), create_calendar_button (self));

  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb),
                           self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);

  return row;
}

/* "Passport Number  護照號碼": the official label dimmed, shaped in
 * the form's language so that its Han characters take their form. */
static char *
title_markup (const EdField *field,
              const char    *title)
{
  /* Said once when the staff's language is the form's. */
  if (field->official_label == NULL || g_strcmp0 (field->official_label, title) == 0)
    return g_markup_escape_text (title, -1);

  return g_markup_printf_escaped ("%s  <span lang=\"%s\" alpha=\"55%%\">%s</span>",
                                  title, _ed_field_row_official_lang (field),
                                  field->official_label);
}

/* What screen readers say: the title, required or not, and the label
 * the official form uses. */
static void
label_for_screen_readers (EdFieldRow *self,
                          const char *title)
{
  GtkWidget *targets[2] = { self->editor, NULL };

  if (self->editor_kind != ED_FIELD_EDITOR_COMBO)
    targets[1] = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->editor)));

  for (guint i = 0; i < G_N_ELEMENTS (targets) && targets[i] != NULL; i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    GTK_ACCESSIBLE_PROPERTY_REQUIRED, self->field->required,
                                    -1);
  _ed_field_row_describe (self, NULL);
}

void
_ed_field_row_build_editor (EdFieldRow *self,
                            const char *title)
{
  const EdField *field = self->field;
  g_autofree char *markup = NULL;

  if (field->kind == ED_FIELD_PASSWORD)
    self->editor_kind = ED_FIELD_EDITOR_PASSWORD;
  else if (field->kind == ED_FIELD_CHOICE || field->kind == ED_FIELD_YES_NO
           || _ed_field_row_is_sex (field))
    self->editor_kind = ED_FIELD_EDITOR_COMBO;
  else
    self->editor_kind = ED_FIELD_EDITOR_ENTRY;

  markup = title_markup (field, title);
  if (self->editor_kind == ED_FIELD_EDITOR_COMBO)
    self->editor = _ed_field_row_create_combo (self, markup);
  else
    self->editor = create_entry (self, markup);

  gtk_list_box_append (self->list, self->editor);
  label_for_screen_readers (self, title);
  if (self->country_label != NULL)
    _ed_field_row_setup_country (self);
}

static gboolean
same_value (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Puts @value into the editor: the traveller changed elsewhere (an MRZ
 * was read), or staff left the row and what is stored is shown as
 * stored ("ＡＢ１" as "AB1"). While they type, the text is never
 * rewritten under their fingers: the row does not call this. */
void
_ed_field_row_show_value (EdFieldRow *self,
                          const char *value)
{
  self->updating = TRUE;

  if (self->editor_kind == ED_FIELD_EDITOR_COMBO)
    _ed_field_row_show_choice (self, value);
  else
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editor));

      if (!same_value (text, value))
        gtk_editable_set_text (GTK_EDITABLE (self->editor), value != NULL ? value : "");
    }

  if (self->country_label != NULL)
    _ed_field_row_show_country (self, value);

  self->updating = FALSE;
}

/* A password is typed for the official site once, never kept: another
 * traveller's row starts empty. */
void
_ed_field_row_clear_secret (EdFieldRow *self)
{
  if (!self->field->is_private)
    return;

  g_clear_pointer (&self->secret, g_free);
  if (self->editor_kind != ED_FIELD_EDITOR_COMBO)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->editor), "");
      self->updating = FALSE;
    }
}
