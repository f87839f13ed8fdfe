/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-page.h — the Calendar page: the month grid, the agenda and the unscheduled ideas */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_CALENDAR_PAGE (mops_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (MopsCalendarPage, mops_calendar_page, MOPS, CALENDAR_PAGE, GtkWidget)

/* TRUE until the items of the month shown have loaded, and while they reload or a write
 * started by the page runs. */
gboolean   mops_calendar_page_is_busy       (MopsCalendarPage *self);

/* The month title as shown ("March 2026"). */
const char *mops_calendar_page_get_title    (MopsCalendarPage *self);

/* Writes every item to @file as iCalendar in a worker: what "Export…" does. Says "Saved
 * “name”" when done, or why not, in a toast. */
void       mops_calendar_page_export_ics    (MopsCalendarPage *self,
                                             GFile            *file);

G_END_DECLS
