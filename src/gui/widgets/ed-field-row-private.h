/* ed-field-row-private.h — what the field row shares with its editors
 *
 * ed-field-row.c binds a row to the traveller and validates it;
 * ed-field-row-editors.c builds the widget each kind of field is edited
 * with; ed-field-row-country.c suggests countries as staff type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-field-row.h"

G_BEGIN_DECLS

/* One entry of a combo row. */
typedef struct
{
  char        *value;      /* "" for "not chosen" */
  char        *label;      /* in the UI language */
  char        *official;   /* nullable: as the official form writes it */
  const char  *official_lang;  /* nullable: BCP 47 */
} EdFieldChoice;

typedef enum
{
  ED_FIELD_EDITOR_ENTRY,
  ED_FIELD_EDITOR_PASSWORD,
  ED_FIELD_EDITOR_COMBO,
} EdFieldEditorKind;

struct _EdFieldRow
{
  AdwPreferencesRow  parent_instance;

  EdProcedure       *procedure;      /* keeps @field alive; NULL for a built-in field */
  const EdField     *field;
  const EdField     *key_field;      /* the key's built-in rules, when @field is a procedure's */
  char              *name;           /* where problems are reported: key or field id */
  char              *title;          /* in the UI language */
  int                second_language; /* the traveller's, beside the title, or ED_NO_LANGUAGE */
  EdTraveller       *traveller;

  EdFieldEditorKind  editor_kind;
  GtkWidget         *editor;         /* AdwEntryRow, AdwPasswordEntryRow or AdwComboRow */
  GPtrArray         *choices;        /* EdFieldChoice, for a combo row */
  GtkStringList     *choice_values;
  GtkWidget         *calendar_button;
  GtkCalendar       *calendar;
  GtkWidget         *country_label;  /* owned: a suffix only while it names a country */
  GtkWidget         *country_popover;
  GtkListBox        *country_list;
  char              *country_before; /* the text when staff came in: what Escape brings back */
  char              *secret;         /* a private field's value: never stored */

  GPtrArray         *problems;       /* the rules' */
  GPtrArray         *extra_problems; /* found elsewhere: the MRZ's check digits */
  GPtrArray         *all_problems;
  char              *message;
  guint              validate_source;
  gboolean           show_required;
  gboolean           updating;       /* showing the traveller's value */
  gboolean           writing;        /* storing what staff typed */
  gboolean           choosing;       /* a suggestion replaces the text */
  gboolean           valid;
  gboolean           disposed;

  GtkListBox        *list;
  GtkRevealer       *message_revealer;
  GtkImage          *message_icon;
  GtkLabel          *message_label;
};

/* ed-field-row.c */
void        _ed_field_row_edited             (EdFieldRow  *self,
                                              const char  *text);
void        _ed_field_row_checked            (EdFieldRow  *self,
                                              gboolean     valid,
                                              gboolean     message_changed);
void        _ed_field_row_left               (EdFieldRow  *self);
const char *_ed_field_row_get_value          (EdFieldRow  *self);

/* ed-field-row-problems.c */
void        _ed_field_row_schedule_validation (EdFieldRow *self);
void        _ed_field_row_describe           (EdFieldRow  *self,
                                              const char  *message);

/* ed-field-row-editors.c */
void        _ed_field_row_focus_next         (EdFieldRow  *self);
void        _ed_field_row_build_editor       (EdFieldRow  *self,
                                              const char  *title);
void        _ed_field_row_update_title       (EdFieldRow  *self);
void        _ed_field_row_show_value         (EdFieldRow  *self,
                                              const char  *value);
void        _ed_field_row_clear_secret       (EdFieldRow  *self);
PangoAttrList *_ed_field_row_language_attrs  (const char  *bcp47);
const char *_ed_field_row_official_lang      (const EdField *field);

/* ed-field-row-choices.c */
gboolean    _ed_field_row_is_sex             (const EdField *field);
gboolean    _ed_field_row_has_coded_choices  (const EdField *field);
GtkWidget  *_ed_field_row_create_combo       (EdFieldRow  *self,
                                              const char  *markup);
void        _ed_field_row_show_choice        (EdFieldRow  *self,
                                              const char  *value);

/* ed-field-row-country.c */
void        _ed_field_row_setup_country      (EdFieldRow  *self);
void        _ed_field_row_show_country       (EdFieldRow  *self,
                                              const char  *value);
void        _ed_field_row_search_country     (EdFieldRow  *self,
                                              const char  *text);
gboolean    _ed_field_row_country_is_open    (EdFieldRow  *self);
void        _ed_field_row_present_country    (EdFieldRow  *self);
void        _ed_field_row_dispose_country    (EdFieldRow  *self);

G_END_DECLS
