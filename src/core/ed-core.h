/* ed-core.h — everything of libentrydesk-core
 *
 * The core knows nothing of widgets: it builds and is tested without
 * GTK or libadwaita.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-info.h"
#include "ed-case-list.h"
#include "ed-case-reference.h"
#include "ed-case.h"
#include "ed-catalog.h"
#include "ed-country.h"
#include "ed-csv.h"
#include "ed-date.h"
#include "ed-error.h"
#include "ed-feed-result.h"
#include "ed-feed-store.h"
#include "ed-feed.h"
#include "ed-i18n.h"
#include "ed-language.h"
#include "ed-mo.h"
#include "ed-mrz.h"
#include "ed-normalize.h"
#include "ed-paths.h"
#include "ed-period.h"
#include "ed-problem.h"
#include "ed-procedure.h"
#include "ed-search-text.h"
#include "ed-qr.h"
#include "ed-sheet.h"
#include "ed-signing.h"
#include "ed-store.h"
#include "ed-text.h"
#include "ed-traveller.h"
#include "ed-validate.h"
