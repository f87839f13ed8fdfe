/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-month-view.h — the calendar's month grid: day cells with a chip per item */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MOPS_TYPE_MONTH_VIEW (mops_month_view_get_type ())

G_DECLARE_FINAL_TYPE (MopsMonthView, mops_month_view, MOPS, MONTH_VIEW, GtkWidget)

GtkWidget  *mops_month_view_new            (void);

/* The focused day, "YYYY-MM-DD"; the grid shows its month. Free with g_free(). */
char       *mops_month_view_dup_date       (MopsMonthView *self);

/* Focuses @ymd ("YYYY-MM-DD"), showing its month; notifies "date". */
void        mops_month_view_set_date       (MopsMonthView *self,
                                            const char    *ymd);

/* The first and last day the grid shows (six weeks), "YYYY-MM-DD". Free with g_free(). */
char       *mops_month_view_dup_first_day  (MopsMonthView *self);
char       *mops_month_view_dup_last_day   (MopsMonthView *self);

/* Shows @items (MopsContentItem, each on the day of its publish_at; the view keeps a
 * reference to the array). A chip has the style class "chip-campaign-<id>" for an item
 * of a campaign, else "chip-channel-<id>" when it has a channel. */
void        mops_month_view_set_items      (MopsMonthView *self,
                                            GPtrArray     *items);

/* How many chips the grid shows now (for tests). */
guint       mops_month_view_get_n_chips    (MopsMonthView *self);

/* 0 = Sunday … 6 = Saturday: the first day of the week in the locale (LC_TIME). */
int         mops_month_view_get_week_start (void);

G_END_DECLS
