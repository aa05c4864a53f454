/* ed-ical.h — libical, for calendar files, opened when first needed (ed-module.h)
 *
 * Include it instead of libical/ical.h: icalcomponent_new_vevent () and
 * the rest are then calls through ed_ical ()'s table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libical/ical.h>

#include "ed-module.h"

G_BEGIN_DECLS

#define ED_ICAL_FUNCTIONS(F) \
  F (icalcomponent_add_component) \
  F (icalcomponent_add_property) \
  F (icalcomponent_as_ical_string_r) \
  F (icalcomponent_count_components) \
  F (icalcomponent_count_errors) \
  F (icalcomponent_free) \
  F (icalcomponent_get_first_property) \
  F (icalcomponent_isa) \
  F (icalcomponent_new_clone) \
  F (icalcomponent_new_valarm) \
  F (icalcomponent_new_vevent) \
  F (icalcomponent_vanew) \
  F (icaldurationtype_from_int) \
  F (icaldurationtype_null_duration) \
  F (icalparameter_new_tzid) \
  F (icalparser_parse_string) \
  F (icalproperty_add_parameter) \
  F (icalproperty_new_action) \
  F (icalproperty_new_calscale) \
  F (icalproperty_new_categories) \
  F (icalproperty_new_description) \
  F (icalproperty_new_dtend) \
  F (icalproperty_new_dtstamp) \
  F (icalproperty_new_dtstart) \
  F (icalproperty_new_method) \
  F (icalproperty_new_prodid) \
  F (icalproperty_new_summary) \
  F (icalproperty_new_transp) \
  F (icalproperty_new_trigger) \
  F (icalproperty_new_tzid) \
  F (icalproperty_new_uid) \
  F (icalproperty_new_version) \
  F (icalproperty_new_x) \
  F (icalproperty_set_tzid) \
  F (icalproperty_set_x_name) \
  F (icaltime_from_timet_with_zone) \
  F (icaltime_null_time) \
  F (icaltimezone_get_builtin_timezone) \
  F (icaltimezone_get_component) \
  F (icaltimezone_get_utc_timezone)

ED_MODULE_DECLARE (EdIcalFunctions, ED_ICAL_FUNCTIONS, ed_ical_load, ed_ical)

/* Every call below goes through the table: the library is opened by
 * the first. */
#ifndef ED_ICAL_NO_RENAME
#define icalcomponent_add_component       (ed_ical ()->icalcomponent_add_component)
#define icalcomponent_add_property        (ed_ical ()->icalcomponent_add_property)
#define icalcomponent_as_ical_string_r    (ed_ical ()->icalcomponent_as_ical_string_r)
#define icalcomponent_count_components    (ed_ical ()->icalcomponent_count_components)
#define icalcomponent_count_errors        (ed_ical ()->icalcomponent_count_errors)
#define icalcomponent_free                (ed_ical ()->icalcomponent_free)
#define icalcomponent_get_first_property  (ed_ical ()->icalcomponent_get_first_property)
#define icalcomponent_isa                 (ed_ical ()->icalcomponent_isa)
#define icalcomponent_new_clone           (ed_ical ()->icalcomponent_new_clone)
#define icalcomponent_new_valarm          (ed_ical ()->icalcomponent_new_valarm)
#define icalcomponent_new_vevent          (ed_ical ()->icalcomponent_new_vevent)
#define icalcomponent_vanew               (ed_ical ()->icalcomponent_vanew)
#define icaldurationtype_from_int         (ed_ical ()->icaldurationtype_from_int)
#define icaldurationtype_null_duration    (ed_ical ()->icaldurationtype_null_duration)
#define icalparameter_new_tzid            (ed_ical ()->icalparameter_new_tzid)
#define icalparser_parse_string           (ed_ical ()->icalparser_parse_string)
#define icalproperty_add_parameter        (ed_ical ()->icalproperty_add_parameter)
#define icalproperty_new_action           (ed_ical ()->icalproperty_new_action)
#define icalproperty_new_calscale         (ed_ical ()->icalproperty_new_calscale)
#define icalproperty_new_categories       (ed_ical ()->icalproperty_new_categories)
#define icalproperty_new_description      (ed_ical ()->icalproperty_new_description)
#define icalproperty_new_dtend            (ed_ical ()->icalproperty_new_dtend)
#define icalproperty_new_dtstamp          (ed_ical ()->icalproperty_new_dtstamp)
#define icalproperty_new_dtstart          (ed_ical ()->icalproperty_new_dtstart)
#define icalproperty_new_method           (ed_ical ()->icalproperty_new_method)
#define icalproperty_new_prodid           (ed_ical ()->icalproperty_new_prodid)
#define icalproperty_new_summary          (ed_ical ()->icalproperty_new_summary)
#define icalproperty_new_transp           (ed_ical ()->icalproperty_new_transp)
#define icalproperty_new_trigger          (ed_ical ()->icalproperty_new_trigger)
#define icalproperty_new_tzid             (ed_ical ()->icalproperty_new_tzid)
#define icalproperty_new_uid              (ed_ical ()->icalproperty_new_uid)
#define icalproperty_new_version          (ed_ical ()->icalproperty_new_version)
#define icalproperty_new_x                (ed_ical ()->icalproperty_new_x)
#define icalproperty_set_tzid             (ed_ical ()->icalproperty_set_tzid)
#define icalproperty_set_x_name           (ed_ical ()->icalproperty_set_x_name)
#define icaltime_from_timet_with_zone     (ed_ical ()->icaltime_from_timet_with_zone)
#define icaltime_null_time                (ed_ical ()->icaltime_null_time)
#define icaltimezone_get_builtin_timezone (ed_ical ()->icaltimezone_get_builtin_timezone)
#define icaltimezone_get_component        (ed_ical ()->icaltimezone_get_component)
#define icaltimezone_get_utc_timezone     (ed_ical ()->icaltimezone_get_utc_timezone)
#endif

G_END_DECLS
