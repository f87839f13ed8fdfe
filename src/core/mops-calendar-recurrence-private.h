/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-recurrence-private.h — recurring content items through libical: the RRULE
 * subset, expansion for a range with overrides, wall times as libical times */

#pragma once

#include <libical/ical.h>

#include "mops-calendar.h"
#include "mops-db-private.h"

G_BEGIN_DECLS

/* Checks @rrule against the subset Mops keeps: FREQ=DAILY, WEEKLY or MONTHLY, INTERVAL,
 * UNTIL or COUNT, BYDAY and BYMONTHDAY; anything else is MOPS_ERROR_INVALID naming the rule
 * and @title. NULL passes. */
gboolean  mops_calendar_check_rrule    (const char  *rrule,
                                        const char  *title,
                                        GError     **error);

/* A wall time "YYYY-MM-DD" (a date) or "YYYY-MM-DDTHH:MM" (floating local time) as a libical
 * time, and back; icaltime_null_time() / NULL for what does not parse. */
struct icaltimetype mops_calendar_time_from_wall (const char          *wall_time);
char     *mops_calendar_time_to_wall   (struct icaltimetype  time);

/* Appends to @out (MopsContentItem) the occurrences of recurring @item shown between @from
 * and @to (dates, inclusive; NULL = open, an open end stops after 1,000 occurrences), with
 * the overrides in @db applied: moved and retitled ones where they moved to, cancelled ones
 * (EXDATE) left out. */
gboolean  mops_calendar_expand_in_db   (sqlite3                *db,
                                        const MopsContentItem  *item,
                                        const char             *from,
                                        const char             *to,
                                        GPtrArray              *out,
                                        GError                **error);

G_END_DECLS
