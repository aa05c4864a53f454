/* ed-pq.h — libpq, the office database's client library, opened when first needed (ed-module.h)
 *
 * Include it instead of libpq-fe.h: PQexec () and the rest are then
 * calls through ed_pq ()'s table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "ed-module.h"

G_BEGIN_DECLS

#define ED_PQ_FUNCTIONS(F) \
  F (PQbackendPID) \
  F (PQcancel) \
  F (PQclear) \
  F (PQconnectdbParams) \
  F (PQconnectionNeedsPassword) \
  F (PQconninfoFree) \
  F (PQconninfoParse) \
  F (PQconsumeInput) \
  F (PQerrorMessage) \
  F (PQexec) \
  F (PQexecParams) \
  F (PQfinish) \
  F (PQfnumber) \
  F (PQfreeCancel) \
  F (PQfreemem) \
  F (PQgetCancel) \
  F (PQgetisnull) \
  F (PQgetvalue) \
  F (PQnotifies) \
  F (PQntuples) \
  F (PQresultErrorField) \
  F (PQresultStatus) \
  F (PQsetNoticeProcessor) \
  F (PQsocket) \
  F (PQstatus)

ED_MODULE_DECLARE (EdPqFunctions, ED_PQ_FUNCTIONS, ed_pq_load, ed_pq)

/* Every call below goes through the table: the library is opened by
 * the first. */
#ifndef ED_PQ_NO_RENAME
#define PQbackendPID              (ed_pq ()->PQbackendPID)
#define PQcancel                  (ed_pq ()->PQcancel)
#define PQclear                   (ed_pq ()->PQclear)
#define PQconnectdbParams         (ed_pq ()->PQconnectdbParams)
#define PQconnectionNeedsPassword (ed_pq ()->PQconnectionNeedsPassword)
#define PQconninfoFree            (ed_pq ()->PQconninfoFree)
#define PQconninfoParse           (ed_pq ()->PQconninfoParse)
#define PQconsumeInput            (ed_pq ()->PQconsumeInput)
#define PQerrorMessage            (ed_pq ()->PQerrorMessage)
#define PQexec                    (ed_pq ()->PQexec)
#define PQexecParams              (ed_pq ()->PQexecParams)
#define PQfinish                  (ed_pq ()->PQfinish)
#define PQfnumber                 (ed_pq ()->PQfnumber)
#define PQfreeCancel              (ed_pq ()->PQfreeCancel)
#define PQfreemem                 (ed_pq ()->PQfreemem)
#define PQgetCancel               (ed_pq ()->PQgetCancel)
#define PQgetisnull               (ed_pq ()->PQgetisnull)
#define PQgetvalue                (ed_pq ()->PQgetvalue)
#define PQnotifies                (ed_pq ()->PQnotifies)
#define PQntuples                 (ed_pq ()->PQntuples)
#define PQresultErrorField        (ed_pq ()->PQresultErrorField)
#define PQresultStatus            (ed_pq ()->PQresultStatus)
#define PQsetNoticeProcessor      (ed_pq ()->PQsetNoticeProcessor)
#define PQsocket                  (ed_pq ()->PQsocket)
#define PQstatus                  (ed_pq ()->PQstatus)
#endif

G_END_DECLS
