/* ed-core.h — everything of libentrydesk-core
 *
 * The core knows nothing of widgets: it builds and is tested without
 * GTK or libadwaita. Its modules, and which may use which, are in
 * README.md beside this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* base */
#include "ed-csv.h"
#include "ed-date.h"
#include "ed-error.h"
#include "ed-fold.h"
#include "ed-i18n.h"
#include "ed-language.h"
#include "ed-mo.h"
#include "ed-module.h"
#include "ed-paths.h"
#include "ed-problem.h"
#include "ed-qr.h"
#include "ed-string.h"
#include "ed-text.h"

/* procedure */
#include "ed-catalog.h"
#include "ed-field-limits.h"
#include "ed-period.h"
#include "ed-procedure.h"
#include "ed-condition.h"
#include "ed-due.h"
#include "ed-facts.h"
#include "ed-journey.h"
#include "ed-traveller-keys.h"

/* traveller */
#include "ed-country.h"
#include "ed-csv-travellers.h"
#include "ed-mrz.h"
#include "ed-normalize.h"
#include "ed-residence-status.h"
#include "ed-traveller.h"
#include "ed-validate.h"

/* case */
#include "ed-case-flow.h"
#include "ed-case-missing.h"
#include "ed-case-reference.h"
#include "ed-case.h"
#include "ed-proposal.h"
#include "ed-sheet-record.h"
#include "ed-timeline.h"

/* store */
#include "ed-case-conflict.h"
#include "ed-case-info.h"
#include "ed-case-list.h"
#include "ed-search-text.h"
#include "ed-store.h"

/* sheet */
#include "ed-sheet-document.h"
#include "ed-sheet.h"
#include "ed-sheet-journey.h"

/* calendar */
#include "ed-calendar.h"

/* feed */
#include "ed-feed-result.h"
#include "ed-feed-store.h"
#include "ed-feed.h"
#include "ed-signing.h"
#include "ed-system-keys.h"
