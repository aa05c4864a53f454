/* ed-journey.h — a journey template: several procedures in the order
 * a traveller goes through them
 *
 * A new hire moving to Tokyo does not go through one procedure but a
 * sequence (Visit Japan Web before the flight, the moving-in
 * notification, health insurance, pension, the employer's filings). A
 * journey template names that sequence, with a note saying why each
 * procedure is there; a case started from it holds those procedures
 * (the case module). Templates are data, like procedures:
 * data/journeys/<id>.json, documented in data/journeys/README.md, and
 * an office may add or replace them in $XDG_DATA_HOME/entry-desk/journeys/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ed-procedure.h"

G_BEGIN_DECLS

/* The newest journey format this build reads. */
#define ED_JOURNEY_SCHEMA 1

/* The largest journey file read: a journey names procedures, it does not
 * hold them; anything larger is not read at all. */
#define ED_JOURNEY_MAX_SIZE (256 * 1024)

/**
 * EdJourneyItem:
 * @id: a procedure id
 * @note: (nullable): why the procedure is in the journey, at that place
 *
 * One procedure of a journey template. Owned by the journey; read-only.
 */
typedef struct
{
  char   *id;
  EdText *note;
} EdJourneyItem;

#define ED_TYPE_JOURNEY (ed_journey_get_type ())

G_DECLARE_FINAL_TYPE (EdJourney, ed_journey, ED, JOURNEY, GObject)

EdJourney    *ed_journey_new_from_bytes   (GBytes       *bytes,
                                           const char   *name,
                                           EdOrigin      origin,
                                           GError      **error);
EdJourney    *ed_journey_new_from_file    (const char   *path,
                                           EdOrigin      origin,
                                           GError      **error);
gboolean      ed_journey_data_is_journey  (const char   *data,
                                           gsize         size);

const char   *ed_journey_get_id           (EdJourney    *self);
int           ed_journey_get_version      (EdJourney    *self);
const char   *ed_journey_get_reviewed     (EdJourney    *self);
EdText       *ed_journey_get_title        (EdJourney    *self);
EdText       *ed_journey_get_summary      (EdJourney    *self);
GPtrArray    *ed_journey_get_items        (EdJourney    *self);
const EdJourneyItem *ed_journey_find_item (EdJourney    *self,
                                           const char   *procedure_id);
const char   *ed_journey_get_path         (EdJourney    *self);
EdOrigin      ed_journey_get_origin       (EdJourney    *self);

G_END_DECLS
