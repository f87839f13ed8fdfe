/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-private.h — the calendar's work on a given connection, for core and its tests */

#pragma once

#include "mops-calendar.h"
#include "mops-db-private.h"

G_BEGIN_DECLS

/* The columns every item query selects, in the order mops_content_item_from_row() reads. */
#define MOPS_CONTENT_ITEM_COLUMNS \
  "i.id, i.uid, i.title, i.brief, i.status, i.channel_id, i.campaign_id, i.owner_id," \
  " i.reviewer_id, i.due_at, i.publish_at, i.published_at, i.url, i.rrule, i.sequence," \
  " i.created_at, i.modified_at"

/* A new item from the current row of a statement selecting MOPS_CONTENT_ITEM_COLUMNS first. */
MopsContentItem *mops_content_item_from_row (sqlite3_stmt *stmt);

/* Checks an item's fields as mops_content_items_add() takes them; returns the cleaned title
 * (g_free()) or NULL with MOPS_ERROR_INVALID. */
char            *mops_content_item_info_check (const MopsContentItemInfo  *info,
                                               GError                    **error);

gboolean         mops_channels_update_in_db  (sqlite3                   *db,
                                              gint64                     id,
                                              const MopsChannelInfo     *info,
                                              GError                   **error);
gboolean         mops_campaigns_update_in_db (sqlite3                   *db,
                                              gint64                     id,
                                              const MopsCampaignInfo    *info,
                                              GError                   **error);
MopsChannel     *mops_channels_load_in_db (sqlite3                    *db,
                                           gint64                      id,
                                           GError                    **error);

/* The public calls on any connection: the sync functions pass the library's, the workers
 * their own. Writes take a transaction of their own, or a savepoint in the caller's. */
MopsContentItem *mops_content_items_load_in_db    (sqlite3                    *db,
                                                   gint64                      id,
                                                   GError                    **error);
GPtrArray       *mops_content_items_list_in_db    (sqlite3                    *db,
                                                   const char                 *from,
                                                   const char                 *to,
                                                   GError                    **error);
gboolean         mops_content_items_update_in_db  (sqlite3                    *db,
                                                   gint64                      id,
                                                   const MopsContentItemInfo  *info,
                                                   GError                    **error);
gboolean         mops_content_items_set_status_in_db (sqlite3                 *db,
                                                      gint64                   id,
                                                      MopsContentStatus        status,
                                                      GError                 **error);
MopsContentItemTrash *mops_content_items_delete_in_db (sqlite3                *db,
                                                       gint64                  id,
                                                       GError                **error);
gboolean         mops_content_items_restore_in_db (sqlite3                    *db,
                                                   const MopsContentItemTrash *trash,
                                                   GError                    **error);
gboolean         mops_content_items_review_in_db (sqlite3                  *db,
                                                  gint64                    id,
                                                  MopsReviewAction          action,
                                                  gint64                    person_id,
                                                  const char               *body,
                                                  GError                  **error);
gboolean         mops_content_items_reschedule_in_db (sqlite3              *db,
                                                      gint64                id,
                                                      const char           *publish_at,
                                                      GError              **error);
gint64           mops_content_items_add_in_db (sqlite3                    *db,
                                               const MopsContentItemInfo  *info,
                                               GError                    **error);
gboolean         mops_content_tasks_set_done_in_db (sqlite3                *db,
                                                    gint64                  task_id,
                                                    gboolean                done,
                                                    GError                **error);
gboolean         mops_content_items_set_override_in_db (sqlite3                       *db,
                                                        gint64                         id,
                                                        const MopsContentOverrideInfo *info,
                                                        GError                       **error);
gboolean         mops_content_items_remove_override_in_db (sqlite3          *db,
                                                           gint64            id,
                                                           const char       *recurrence_id,
                                                           GError          **error);
GPtrArray       *mops_content_items_list_comments_in_db (sqlite3              *db,
                                                         gint64                id,
                                                         GError              **error);
GPtrArray       *mops_content_items_list_tasks_in_db (sqlite3                 *db,
                                                      gint64                   id,
                                                      GError                 **error);
GPtrArray       *mops_content_tasks_list_open_in_db (sqlite3                  *db,
                                                     GError                  **error);
GArray          *mops_content_items_list_assets_in_db (sqlite3                *db,
                                                       gint64                  id,
                                                       GError                **error);

G_END_DECLS
