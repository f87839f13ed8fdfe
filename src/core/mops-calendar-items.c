/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-items.c — reading and changing channels, campaigns and content items: the
 * workflow, comments, tasks, linked assets, delete and restore, and the workers */

#include "config.h"

#define G_LOG_DOMAIN "mops-calendar"

#include <glib/gi18n-lib.h>

#include "mops-calendar-private.h"
#include "mops-calendar-recurrence-private.h"
#include "mops-clock.h"
#include "mops-domain-private.h"
#include "mops-error.h"

/* ---- Records ----------------------------------------------------------------------------- */

void
mops_channel_free (MopsChannel *channel)
{
  if (channel == NULL)
    return;

  g_free (channel->name);
  g_free (channel->color);
  g_free (channel->aspect_ratios);
  g_free (channel->allowed_types);
  g_free (channel);
}

void
mops_campaign_free (MopsCampaign *campaign)
{
  if (campaign == NULL)
    return;

  g_free (campaign->name);
  g_free (campaign->color);
  g_free (campaign->starts_on);
  g_free (campaign->ends_on);
  g_free (campaign->description);
  g_free (campaign);
}

void
mops_content_item_free (MopsContentItem *item)
{
  if (item == NULL)
    return;

  g_free (item->uid);
  g_free (item->title);
  g_free (item->brief);
  g_free (item->due_at);
  g_free (item->publish_at);
  g_free (item->url);
  g_free (item->rrule);
  g_free (item->recurrence_id);
  g_free (item);
}

MopsContentItem *
mops_content_item_copy (const MopsContentItem *item)
{
  MopsContentItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, sizeof *item);
  copy->uid = g_strdup (item->uid);
  copy->title = g_strdup (item->title);
  copy->brief = g_strdup (item->brief);
  copy->due_at = g_strdup (item->due_at);
  copy->publish_at = g_strdup (item->publish_at);
  copy->url = g_strdup (item->url);
  copy->rrule = g_strdup (item->rrule);
  copy->recurrence_id = g_strdup (item->recurrence_id);
  return copy;
}

void
mops_content_comment_free (MopsContentComment *comment)
{
  if (comment == NULL)
    return;

  g_free (comment->body);
  g_free (comment);
}

void
mops_content_task_free (MopsContentTask *task)
{
  if (task == NULL)
    return;

  g_free (task->item_title);
  g_free (task->title);
  g_free (task->due_on);
  g_free (task);
}

void
mops_content_item_details_free (MopsContentItemDetails *details)
{
  if (details == NULL)
    return;

  mops_content_item_free (details->item);
  g_clear_pointer (&details->comments, g_ptr_array_unref);
  g_clear_pointer (&details->tasks, g_ptr_array_unref);
  g_clear_pointer (&details->asset_ids, g_array_unref);
  g_free (details);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
read_failed (sqlite3  *db,
             GError  **error)
{
  return mops_db_set_error (db, error, _("Could not read the calendar"));
}

/* ---- Channels and campaigns -------------------------------------------------------------- */

#define CHANNEL_COLUMNS \
  "id, name, medium, color, min_width, min_height, aspect_ratios, max_bytes, allowed_types," \
  " archived"

static MopsChannel *
channel_from_row (sqlite3_stmt *stmt)
{
  MopsChannel *channel = g_new0 (MopsChannel, 1);

  channel->id = sqlite3_column_int64 (stmt, 0);
  channel->name = column_dup (stmt, 1);
  mops_medium_from_name ((const char *) sqlite3_column_text (stmt, 2), &channel->medium);
  channel->color = column_dup (stmt, 3);
  channel->min_width = sqlite3_column_int (stmt, 4);
  channel->min_height = sqlite3_column_int (stmt, 5);
  channel->aspect_ratios = column_dup (stmt, 6);
  channel->max_bytes = sqlite3_column_int64 (stmt, 7);
  channel->allowed_types = column_dup (stmt, 8);
  channel->archived = sqlite3_column_int (stmt, 9) != 0;
  return channel;
}

GPtrArray *
mops_channels_list (MopsLibrary  *library,
                    GError      **error)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_channel_free);
  int rc;

  stmt = mops_db_prepare (db, "SELECT " CHANNEL_COLUMNS " FROM channels ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (channels, channel_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }

  return g_steal_pointer (&channels);
}

MopsChannel *
mops_channels_load_in_db (sqlite3  *db,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db, "SELECT " CHANNEL_COLUMNS " FROM channels WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return channel_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no channel with id %lld"),
                 (long long) id);
  else
    read_failed (db, error);
  return NULL;
}

MopsChannel *
mops_channels_load (MopsLibrary  *library,
                    gint64        id,
                    GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_channels_load_in_db (mops_library_get_db (library), id, error);
}

gint64
mops_channels_find (MopsLibrary  *library,
                    const char   *text,
                    GError      **error)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (text != NULL, -1);

  /* A name first, then a medium: ASCII case only, as the names are chosen by people. */
  stmt = mops_db_prepare (db,
                          "SELECT id FROM (SELECT id, 0 AS rank FROM channels"
                          "  WHERE name = ?1 COLLATE NOCASE"
                          " UNION ALL SELECT id, 1 FROM channels WHERE medium = lower (?1))"
                          " ORDER BY rank, id LIMIT 1",
                          error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return -1;
    }
  return id;
}

GPtrArray *
mops_campaigns_list (MopsLibrary  *library,
                     GError      **error)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_campaign_free);
  int rc;

  stmt = mops_db_prepare (db,
                          "SELECT id, name, color, starts_on, ends_on, description, archived"
                          " FROM campaigns ORDER BY name, id",
                          error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsCampaign *campaign = g_new0 (MopsCampaign, 1);

      campaign->id = sqlite3_column_int64 (stmt, 0);
      campaign->name = column_dup (stmt, 1);
      campaign->color = column_dup (stmt, 2);
      campaign->starts_on = column_dup (stmt, 3);
      campaign->ends_on = column_dup (stmt, 4);
      campaign->description = column_dup (stmt, 5);
      campaign->archived = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (campaigns, campaign);
    }
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }

  return g_steal_pointer (&campaigns);
}

/* ---- Reading items ----------------------------------------------------------------------- */

MopsContentItem *
mops_content_item_from_row (sqlite3_stmt *stmt)
{
  MopsContentItem *item = g_new0 (MopsContentItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->uid = column_dup (stmt, 1);
  item->title = column_dup (stmt, 2);
  item->brief = column_dup (stmt, 3);
  mops_content_status_from_name ((const char *) sqlite3_column_text (stmt, 4), &item->status);
  item->channel_id = sqlite3_column_int64 (stmt, 5);
  item->campaign_id = sqlite3_column_int64 (stmt, 6);
  item->owner_id = sqlite3_column_int64 (stmt, 7);
  item->reviewer_id = sqlite3_column_int64 (stmt, 8);
  item->due_at = column_dup (stmt, 9);
  item->publish_at = column_dup (stmt, 10);
  item->published_at = sqlite3_column_int64 (stmt, 11);
  item->url = column_dup (stmt, 12);
  item->rrule = column_dup (stmt, 13);
  item->sequence = sqlite3_column_int (stmt, 14);
  item->created_at = sqlite3_column_int64 (stmt, 15);
  item->modified_at = sqlite3_column_int64 (stmt, 16);
  return item;
}

static void
set_item_not_found (GError **error,
                    gint64   id)
{
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no content item with id %lld"),
               (long long) id);
}

MopsContentItem *
mops_content_items_load_in_db (sqlite3  *db,
                               gint64    id,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db, "SELECT " MOPS_CONTENT_ITEM_COLUMNS " FROM content_items i WHERE i.id = ?",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return mops_content_item_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_item_not_found (error, id);
  else
    read_failed (db, error);
  return NULL;
}

MopsContentItem *
mops_content_items_load (MopsLibrary  *library,
                         gint64        id,
                         GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_content_items_load_in_db (mops_library_get_db (library), id, error);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const MopsContentItem *x = *(const MopsContentItem * const *) a;
  const MopsContentItem *y = *(const MopsContentItem * const *) b;
  int order;

  /* unscheduled last */
  if ((x->publish_at == NULL) != (y->publish_at == NULL))
    return x->publish_at == NULL ? 1 : -1;
  order = g_strcmp0 (x->publish_at, y->publish_at);
  if (order != 0)
    return order;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return g_strcmp0 (x->recurrence_id, y->recurrence_id);
}

GPtrArray *
mops_content_items_list_in_db (sqlite3     *db,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_content_item_free);
  gboolean open = from == NULL && to == NULL;
  int rc;

  if (!mops_domain_check_date (from, error) || !mops_domain_check_date (to, error)
      || !mops_domain_check_order (from, to, error))
    return NULL;

  stmt = mops_db_prepare (db,
                          "SELECT " MOPS_CONTENT_ITEM_COLUMNS " FROM content_items i"
                          " WHERE i.rrule IS NOT NULL"
                          "  OR (i.publish_at IS NULL AND ?3)"
                          "  OR (i.publish_at IS NOT NULL"
                          "      AND (?1 IS NULL OR substr(i.publish_at, 1, 10) >= ?1)"
                          "      AND (?2 IS NULL OR substr(i.publish_at, 1, 10) <= ?2))",
                          error);
  if (stmt == NULL)
    return NULL;
  mops_db_bind_text_or_null (stmt, 1, from);
  mops_db_bind_text_or_null (stmt, 2, to);
  sqlite3_bind_int (stmt, 3, open ? 1 : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MopsContentItem) item = mops_content_item_from_row (stmt);

      /* the whole calendar: every item once, as stored */
      if (item->rrule == NULL || open)
        g_ptr_array_add (items, g_steal_pointer (&item));
      else if (!mops_calendar_expand_in_db (db, item, from, to, items, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }

  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

GPtrArray *
mops_content_items_list (MopsLibrary  *library,
                         const char   *from,
                         const char   *to,
                         GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_content_items_list_in_db (mops_library_get_db (library), from, to, error);
}

GPtrArray *
mops_content_items_list_unscheduled (MopsLibrary  *library,
                                     GError      **error)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_content_item_free);
  int rc;

  stmt = mops_db_prepare (db,
                          "SELECT " MOPS_CONTENT_ITEM_COLUMNS " FROM content_items i"
                          " WHERE i.publish_at IS NULL"
                          " ORDER BY i.status NOT IN ('idea', 'draft'), i.id",
                          error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, mops_content_item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* ---- Workflow ---------------------------------------------------------------------------- */

gboolean
mops_content_status_can_change (MopsContentStatus from,
                                MopsContentStatus to)
{
  if (from == to)
    return TRUE;
  if (from == MOPS_CONTENT_STATUS_PUBLISHED)
    return FALSE;
  if ((int) to == (int) from + 1)
    return TRUE;

  return (from == MOPS_CONTENT_STATUS_DRAFT && to == MOPS_CONTENT_STATUS_IDEA)
         || (from == MOPS_CONTENT_STATUS_IN_REVIEW && to == MOPS_CONTENT_STATUS_DRAFT)
         || (from == MOPS_CONTENT_STATUS_APPROVED && to == MOPS_CONTENT_STATUS_DRAFT)
         || (from == MOPS_CONTENT_STATUS_SCHEDULED && to == MOPS_CONTENT_STATUS_APPROVED);
}

static gboolean
check_status_change (const MopsContentItem  *item,
                     MopsContentStatus       status,
                     const char             *publish_at,
                     GError                **error)
{
  if (!mops_content_status_can_change (item->status, status))
    {
      /* Translators: the title, then two statuses such as "idea" and "published" */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” cannot go from %s to %s"), item->title,
                   mops_content_status_to_name (item->status), mops_content_status_to_name (status));
      return FALSE;
    }
  if (status == MOPS_CONTENT_STATUS_SCHEDULED && publish_at == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” cannot be scheduled without a publish date"), item->title);
      return FALSE;
    }
  return TRUE;
}

/* Runs @stmt to its end; FALSE with @error (@what and SQLite's words) otherwise. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  return mops_db_set_error (db, error, what);
}

/* A change of item @id's rows: a new SEQUENCE for .ics readers, modified now. */
static gboolean
touch_item (sqlite3  *db,
            gint64    id,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mops_db_prepare (db,
                          "UPDATE content_items SET sequence = sequence + 1, modified_at = ? WHERE id = ?",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mops_clock_now_unix ());
  sqlite3_bind_int64 (stmt, 2, id);
  return step_done (db, stmt, _("Could not change the content item"), error);
}

static gboolean
write_status (sqlite3                *db,
              const MopsContentItem  *item,
              MopsContentStatus       status,
              GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = mops_clock_now_unix ();

  stmt = mops_db_prepare (db,
                          "UPDATE content_items SET status = ?2, modified_at = ?3,"
                          " sequence = sequence + 1,"
                          " published_at = CASE WHEN ?2 = 'published' AND published_at IS NULL"
                          "   THEN ?3 ELSE published_at END"
                          " WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  sqlite3_bind_text (stmt, 2, mops_content_status_to_name (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  return step_done (db, stmt, _("Could not change the status"), error);
}

gboolean
mops_content_items_set_status_in_db (sqlite3            *db,
                                     gint64              id,
                                     MopsContentStatus   status,
                                     GError            **error)
{
  g_autoptr(MopsContentItem) item = NULL;
  gboolean nested;

  if (mops_content_status_to_name (status) == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not a content status"), status);
      return FALSE;
    }
  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL
      || !check_status_change (item, status, item->publish_at, error)
      || !write_status (db, item, status, error))
    {
      mops_db_rollback_write (db, nested);
      return FALSE;
    }
  return mops_db_commit_write (db, nested, error);
}

gboolean
mops_content_items_set_status (MopsLibrary        *library,
                               gint64              id,
                               MopsContentStatus   status,
                               GError            **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_content_items_set_status_in_db (mops_library_get_db (library), id, status, error);
}

static gint64
insert_comment (sqlite3          *db,
                gint64            item_id,
                gint64            author_id,
                MopsCommentKind   kind,
                const char       *body,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  MopsRowRef refs[] = { { MOPS_ROW_PERSON, author_id } };

  if (!mops_domain_check_refs_in_db (db, refs, G_N_ELEMENTS (refs), error))
    return 0;
  if (body != NULL && !g_utf8_validate (body, -1, NULL))
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("A comment must be UTF-8 text"));
      return 0;
    }

  stmt = mops_db_prepare (db,
                          "INSERT INTO content_comments (content_item_id, author_id, kind, body,"
                          " created_at) VALUES (?, ?, ?, ?, ?)",
                          error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, item_id);
  mops_domain_bind_id (stmt, 2, author_id);
  sqlite3_bind_text (stmt, 3, mops_comment_kind_to_name (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, body != NULL ? body : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, mops_clock_now_unix ());
  if (!step_done (db, stmt, _("Could not add the comment"), error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

/* One review step: @from → @to, with a comment of @kind when @kind is not a plain comment
 * or @body is given; @reviewer_id above 0 becomes the item's reviewer. */
static gboolean
review_step (sqlite3            *db,
             gint64              id,
             MopsContentStatus   from,
             MopsContentStatus   to,
             gint64              person_id,
             gboolean            set_reviewer,
             MopsCommentKind     kind,
             const char         *body,
             GError            **error)
{
  g_autoptr(MopsContentItem) item = NULL;
  gboolean nested;

  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL)
    goto failed;
  if (item->status != from)
    {
      /* Translators: the title, then a status such as "draft", then one such as "idea" */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” must be %s for this, but it is %s"), item->title,
                   mops_content_status_to_name (from), mops_content_status_to_name (item->status));
      goto failed;
    }
  if (!check_status_change (item, to, item->publish_at, error)
      || !write_status (db, item, to, error))
    goto failed;

  if (set_reviewer && person_id > 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      MopsRowRef refs[] = { { MOPS_ROW_PERSON, person_id } };

      if (!mops_domain_check_refs_in_db (db, refs, G_N_ELEMENTS (refs), error))
        goto failed;
      stmt = mops_db_prepare (db, "UPDATE content_items SET reviewer_id = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!step_done (db, stmt, _("Could not set the reviewer"), error))
        goto failed;
    }
  else if (!set_reviewer && (kind != MOPS_COMMENT_KIND_COMMENT || body != NULL)
           && insert_comment (db, id, person_id, kind, body, error) == 0)
    goto failed;

  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_content_items_review_in_db (sqlite3           *db,
                                 gint64             id,
                                 MopsReviewAction   action,
                                 gint64             person_id,
                                 const char        *body,
                                 GError           **error)
{
  g_autofree char *text = NULL;

  switch (action)
    {
    case MOPS_REVIEW_REQUEST:
      return review_step (db, id, MOPS_CONTENT_STATUS_DRAFT, MOPS_CONTENT_STATUS_IN_REVIEW,
                          person_id, TRUE, MOPS_COMMENT_KIND_COMMENT, NULL, error);

    case MOPS_REVIEW_APPROVE:
      return review_step (db, id, MOPS_CONTENT_STATUS_IN_REVIEW, MOPS_CONTENT_STATUS_APPROVED,
                          person_id, FALSE, MOPS_COMMENT_KIND_APPROVED, body, error);

    case MOPS_REVIEW_REQUEST_CHANGES:
      text = body != NULL ? g_strstrip (g_strdup (body)) : NULL;
      if (text == NULL || *text == '\0')
        {
          g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                               _("Requesting changes needs a comment saying what to change"));
          return FALSE;
        }
      return review_step (db, id, MOPS_CONTENT_STATUS_IN_REVIEW, MOPS_CONTENT_STATUS_DRAFT,
                          person_id, FALSE, MOPS_COMMENT_KIND_CHANGES_REQUESTED, text, error);

    default:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not a review decision"), action);
      return FALSE;
    }
}

gboolean
mops_content_items_request_review (MopsLibrary  *library,
                                   gint64        id,
                                   gint64        reviewer_id,
                                   GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_content_items_review_in_db (mops_library_get_db (library), id, MOPS_REVIEW_REQUEST,
                                          reviewer_id, NULL, error);
}

gboolean
mops_content_items_approve (MopsLibrary  *library,
                            gint64        id,
                            gint64        author_id,
                            const char   *body,
                            GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_content_items_review_in_db (mops_library_get_db (library), id, MOPS_REVIEW_APPROVE,
                                          author_id, body, error);
}

gboolean
mops_content_items_request_changes (MopsLibrary  *library,
                                    gint64        id,
                                    gint64        author_id,
                                    const char   *body,
                                    GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_content_items_review_in_db (mops_library_get_db (library), id,
                                          MOPS_REVIEW_REQUEST_CHANGES, author_id, body, error);
}

/* ---- Changing items ---------------------------------------------------------------------- */

gint64
mops_content_items_add_in_db (sqlite3                    *db,
                              const MopsContentItemInfo  *info,
                              GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uid = NULL;
  gint64 created_at;
  MopsRowRef refs[] = {
    { MOPS_ROW_CHANNEL, info->channel_id },
    { MOPS_ROW_CAMPAIGN, info->campaign_id },
    { MOPS_ROW_PERSON, info->owner_id },
    { MOPS_ROW_PERSON, info->reviewer_id },
  };

  title = mops_content_item_info_check (info, error);
  if (title == NULL || !mops_domain_check_refs_in_db (db, refs, G_N_ELEMENTS (refs), error))
    return 0;

  if (info->uid != NULL && *info->uid != '\0')
    uid = g_strdup (info->uid);
  else
    {
      g_autofree char *random = g_uuid_string_random ();

      uid = g_strconcat (random, "@mops", NULL);
    }

  stmt = mops_db_prepare (db,
                          "INSERT INTO content_items (uid, title, brief, status, channel_id,"
                          " campaign_id, owner_id, reviewer_id, due_at, publish_at, published_at,"
                          " url, rrule, sequence, created_at, modified_at)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          error);
  if (stmt == NULL)
    return 0;

  created_at = mops_domain_instant_or_now (info->created_at);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, info->brief);
  sqlite3_bind_text (stmt, 4, mops_content_status_to_name (info->status), -1, SQLITE_STATIC);
  mops_domain_bind_id (stmt, 5, info->channel_id);
  mops_domain_bind_id (stmt, 6, info->campaign_id);
  mops_domain_bind_id (stmt, 7, info->owner_id);
  mops_domain_bind_id (stmt, 8, info->reviewer_id);
  mops_db_bind_text_or_null (stmt, 9, info->due_at);
  mops_db_bind_text_or_null (stmt, 10, info->publish_at);
  mops_domain_bind_int_or_null (stmt, 11, info->published_at);
  mops_db_bind_text_or_null (stmt, 12, info->url);
  mops_db_bind_text_or_null (stmt, 13, info->rrule);
  sqlite3_bind_int (stmt, 14, info->sequence);
  sqlite3_bind_int64 (stmt, 15, created_at);
  sqlite3_bind_int64 (stmt, 16, info->modified_at > 0 ? info->modified_at : created_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS,
                     _("There is already a content item with the UID “%s”"), uid);
      else
        mops_db_set_error (db, error, _("Could not add the content item"));
      return 0;
    }
  return sqlite3_last_insert_rowid (db);
}

gboolean
mops_content_items_update_in_db (sqlite3                    *db,
                                 gint64                      id,
                                 const MopsContentItemInfo  *info,
                                 GError                    **error)
{
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;
  gboolean nested;
  int rc;
  MopsRowRef refs[] = {
    { MOPS_ROW_CHANNEL, info->channel_id },
    { MOPS_ROW_CAMPAIGN, info->campaign_id },
    { MOPS_ROW_PERSON, info->owner_id },
    { MOPS_ROW_PERSON, info->reviewer_id },
  };

  title = mops_content_item_info_check (info, error);
  if (title == NULL)
    return FALSE;
  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL
      || !check_status_change (item, info->status, info->publish_at, error)
      || !mops_domain_check_refs_in_db (db, refs, G_N_ELEMENTS (refs), error))
    goto failed;

  stmt = mops_db_prepare (db,
                          "UPDATE content_items SET uid = ?2, title = ?3, brief = ?4, status = ?5,"
                          " channel_id = ?6, campaign_id = ?7, owner_id = ?8, reviewer_id = ?9,"
                          " due_at = ?10, publish_at = ?11, published_at = ?12, url = ?13,"
                          " rrule = ?14, sequence = max(sequence + 1, ?15), modified_at = ?16"
                          " WHERE id = ?1",
                          error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, info->uid != NULL && *info->uid != '\0' ? info->uid : item->uid,
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 4, info->brief);
  sqlite3_bind_text (stmt, 5, mops_content_status_to_name (info->status), -1, SQLITE_STATIC);
  mops_domain_bind_id (stmt, 6, info->channel_id);
  mops_domain_bind_id (stmt, 7, info->campaign_id);
  mops_domain_bind_id (stmt, 8, info->owner_id);
  mops_domain_bind_id (stmt, 9, info->reviewer_id);
  mops_db_bind_text_or_null (stmt, 10, info->due_at);
  mops_db_bind_text_or_null (stmt, 11, info->publish_at);
  mops_domain_bind_int_or_null (stmt, 12, info->published_at);
  mops_db_bind_text_or_null (stmt, 13, info->url);
  mops_db_bind_text_or_null (stmt, 14, info->rrule);
  sqlite3_bind_int (stmt, 15, info->sequence);
  sqlite3_bind_int64 (stmt, 16, info->modified_at > 0 ? info->modified_at : mops_clock_now_unix ());
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS,
                     _("There is already a content item with the UID “%s”"), info->uid);
      else
        mops_db_set_error (db, error, _("Could not change the content item"));
      goto failed;
    }

  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_content_items_update (MopsLibrary                *library,
                           gint64                      id,
                           const MopsContentItemInfo  *info,
                           GError                    **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  return mops_content_items_update_in_db (mops_library_get_db (library), id, info, error);
}

gboolean
mops_content_items_reschedule_in_db (sqlite3     *db,
                                     gint64       id,
                                     const char  *publish_at,
                                     GError     **error)
{
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!mops_domain_check_wall_time (publish_at, error))
    return FALSE;
  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL)
    return FALSE;
  if (publish_at == NULL && (item->rrule != NULL || item->status >= MOPS_CONTENT_STATUS_SCHEDULED))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   item->rrule != NULL
                   ? _("The recurring item “%s” needs the date of its first occurrence")
                   : _("“%s” cannot be scheduled without a publish date"),
                   item->title);
      return FALSE;
    }

  stmt = mops_db_prepare (db,
                          "UPDATE content_items SET publish_at = ?2, sequence = sequence + 1,"
                          " modified_at = ?3 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  mops_db_bind_text_or_null (stmt, 2, publish_at);
  sqlite3_bind_int64 (stmt, 3, mops_clock_now_unix ());
  return step_done (db, stmt, _("Could not move the content item"), error);
}

gboolean
mops_content_items_reschedule (MopsLibrary  *library,
                               gint64        id,
                               const char   *publish_at,
                               GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_content_items_reschedule_in_db (mops_library_get_db (library), id, publish_at, error);
}

/* ---- Delete and restore ------------------------------------------------------------------ */

/* Each table that holds an item's rows: how to read them and how to write them back. */
static const struct
{
  const char *select_sql;
  const char *insert_sql;
  int         n_columns;
} trash_tables[] = {
  { "SELECT id, uid, title, brief, status, channel_id, campaign_id, owner_id, reviewer_id,"
    " due_at, publish_at, published_at, url, rrule, sequence, created_at, modified_at"
    " FROM content_items WHERE id = ?",
    "INSERT INTO content_items (id, uid, title, brief, status, channel_id, campaign_id,"
    " owner_id, reviewer_id, due_at, publish_at, published_at, url, rrule, sequence,"
    " created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    17 },
  { "SELECT content_item_id, asset_id, position FROM content_assets WHERE content_item_id = ?",
    "INSERT INTO content_assets (content_item_id, asset_id, position) VALUES (?, ?, ?)", 3 },
  { "SELECT id, content_item_id, author_id, kind, body, created_at FROM content_comments"
    " WHERE content_item_id = ?",
    "INSERT INTO content_comments (id, content_item_id, author_id, kind, body, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?)", 6 },
  { "SELECT id, content_item_id, title, assignee_id, due_on, done, position FROM content_tasks"
    " WHERE content_item_id = ?",
    "INSERT INTO content_tasks (id, content_item_id, title, assignee_id, due_on, done, position)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)", 7 },
  { "SELECT content_item_id, recurrence_id, cancelled, title, status, publish_at"
    " FROM content_overrides WHERE content_item_id = ?",
    "INSERT INTO content_overrides (content_item_id, recurrence_id, cancelled, title, status,"
    " publish_at) VALUES (?, ?, ?, ?, ?, ?)", 6 },
};

struct _MopsContentItemTrash
{
  gint64     id;
  char      *title;
  GPtrArray *rows[G_N_ELEMENTS (trash_tables)];  /* of GPtrArray of sqlite3_value */
};

void
mops_content_item_trash_free (MopsContentItemTrash *trash)
{
  if (trash == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (trash_tables); i++)
    g_clear_pointer (&trash->rows[i], g_ptr_array_unref);
  g_free (trash->title);
  g_free (trash);
}

gint64
mops_content_item_trash_get_id (const MopsContentItemTrash *trash)
{
  g_return_val_if_fail (trash != NULL, 0);

  return trash->id;
}

static GPtrArray *
new_value_row (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
}

static MopsContentItemTrash *
trash_copy (const MopsContentItemTrash *trash)
{
  MopsContentItemTrash *copy = g_new0 (MopsContentItemTrash, 1);

  copy->id = trash->id;
  copy->title = g_strdup (trash->title);
  for (guint t = 0; t < G_N_ELEMENTS (trash_tables); t++)
    {
      copy->rows[t] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      for (guint r = 0; r < trash->rows[t]->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (trash->rows[t], r);
          GPtrArray *row_copy = new_value_row ();

          for (guint c = 0; c < row->len; c++)
            g_ptr_array_add (row_copy, sqlite3_value_dup (g_ptr_array_index (row, c)));
          g_ptr_array_add (copy->rows[t], row_copy);
        }
    }
  return copy;
}

static gboolean
read_trash (sqlite3               *db,
            MopsContentItemTrash  *trash,
            GError               **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (trash_tables); t++)
    {
      g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, trash_tables[t].select_sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      trash->rows[t] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      sqlite3_bind_int64 (stmt, 1, trash->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GPtrArray *row = new_value_row ();

          for (int c = 0; c < trash_tables[t].n_columns; c++)
            g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
          g_ptr_array_add (trash->rows[t], row);
        }
      if (rc != SQLITE_DONE)
        return read_failed (db, error);
    }
  return TRUE;
}

MopsContentItemTrash *
mops_content_items_delete_in_db (sqlite3  *db,
                                 gint64    id,
                                 GError  **error)
{
  g_autoptr(MopsContentItemTrash) trash = g_new0 (MopsContentItemTrash, 1);
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean nested;

  if (!mops_db_begin_write (db, &nested, error))
    return NULL;

  item = mops_content_items_load_in_db (db, id, error);
  trash->id = id;
  if (item == NULL || !read_trash (db, trash, error))
    goto failed;
  trash->title = g_strdup (item->title);

  stmt = mops_db_prepare (db, "DELETE FROM content_items WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (db, stmt, _("Could not delete the content item"), error)
      || !mops_db_commit_write (db, nested, error))
    goto failed;

  return g_steal_pointer (&trash);

failed:
  mops_db_rollback_write (db, nested);
  return NULL;
}

MopsContentItemTrash *
mops_content_items_delete (MopsLibrary  *library,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_content_items_delete_in_db (mops_library_get_db (library), id, error);
}

gboolean
mops_content_items_restore_in_db (sqlite3                     *db,
                                  const MopsContentItemTrash  *trash,
                                  GError                     **error)
{
  g_autofree char *what = NULL;
  gboolean nested;

  g_return_val_if_fail (trash != NULL, FALSE);

  /* Translators: %s is a content item's title */
  what = g_strdup_printf (_("Could not restore “%s”"), trash->title);
  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (trash_tables); t++)
    {
      g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, trash_tables[t].insert_sql, error);

      if (stmt == NULL)
        goto failed;
      for (guint r = 0; r < trash->rows[t]->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (trash->rows[t], r);

          sqlite3_reset (stmt);
          for (guint c = 0; c < row->len; c++)
            sqlite3_bind_value (stmt, (int) c + 1, g_ptr_array_index (row, c));
          if (!step_done (db, stmt, what, error))
            goto failed;
        }
    }

  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_content_items_restore (MopsLibrary                 *library,
                            const MopsContentItemTrash  *trash,
                            GError                     **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_content_items_restore_in_db (mops_library_get_db (library), trash, error);
}

/* ---- Comments, tasks, assets ------------------------------------------------------------- */

static gboolean
check_item_exists (sqlite3  *db,
                   gint64    id,
                   GError  **error)
{
  MopsRowRef refs[] = { { MOPS_ROW_CONTENT_ITEM, id } };

  if (id <= 0)
    {
      set_item_not_found (error, id);
      return FALSE;
    }
  return mops_domain_check_refs_in_db (db, refs, G_N_ELEMENTS (refs), error);
}

GPtrArray *
mops_content_items_list_comments_in_db (sqlite3  *db,
                                        gint64    id,
                                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_content_comment_free);
  int rc;

  if (!check_item_exists (db, id, error))
    return NULL;
  stmt = mops_db_prepare (db,
                          "SELECT id, content_item_id, author_id, kind, body, created_at"
                          " FROM content_comments WHERE content_item_id = ? ORDER BY created_at, id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsContentComment *comment = g_new0 (MopsContentComment, 1);

      comment->id = sqlite3_column_int64 (stmt, 0);
      comment->item_id = sqlite3_column_int64 (stmt, 1);
      comment->author_id = sqlite3_column_int64 (stmt, 2);
      mops_comment_kind_from_name ((const char *) sqlite3_column_text (stmt, 3), &comment->kind);
      comment->body = column_dup (stmt, 4);
      comment->created_at = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (comments, comment);
    }
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&comments);
}

GPtrArray *
mops_content_items_list_comments (MopsLibrary  *library,
                                  gint64        id,
                                  GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_content_items_list_comments_in_db (mops_library_get_db (library), id, error);
}

#define TASK_SELECT \
  "SELECT t.id, t.content_item_id, i.title, t.title, t.assignee_id, t.due_on, t.done," \
  " t.position FROM content_tasks t JOIN content_items i ON i.id = t.content_item_id "

static GPtrArray *
read_tasks (sqlite3       *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_content_task_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsContentTask *task = g_new0 (MopsContentTask, 1);

      task->id = sqlite3_column_int64 (stmt, 0);
      task->item_id = sqlite3_column_int64 (stmt, 1);
      task->item_title = column_dup (stmt, 2);
      task->title = column_dup (stmt, 3);
      task->assignee_id = sqlite3_column_int64 (stmt, 4);
      task->due_on = column_dup (stmt, 5);
      task->done = sqlite3_column_int (stmt, 6) != 0;
      task->position = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (tasks, task);
    }
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&tasks);
}

GPtrArray *
mops_content_items_list_tasks_in_db (sqlite3  *db,
                                     gint64    id,
                                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_item_exists (db, id, error))
    return NULL;
  stmt = mops_db_prepare (db, TASK_SELECT "WHERE t.content_item_id = ? ORDER BY t.position, t.id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return read_tasks (db, stmt, error);
}

GPtrArray *
mops_content_items_list_tasks (MopsLibrary  *library,
                               gint64        id,
                               GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_content_items_list_tasks_in_db (mops_library_get_db (library), id, error);
}

GPtrArray *
mops_content_tasks_list_open_in_db (sqlite3  *db,
                                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mops_db_prepare (db,
                          TASK_SELECT "WHERE t.done = 0 ORDER BY t.assignee_id IS NULL, t.assignee_id,"
                          " t.due_on IS NULL, t.due_on, t.id",
                          error);
  if (stmt == NULL)
    return NULL;
  return read_tasks (db, stmt, error);
}

GPtrArray *
mops_content_tasks_list_open (MopsLibrary  *library,
                              GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_content_tasks_list_open_in_db (mops_library_get_db (library), error);
}

/* Runs @sql ("UPDATE content_tasks … WHERE id = ?1", ?2 bound to @value) on task @task_id. */
static gboolean
change_task (sqlite3      *db,
             const char   *sql,
             gint64        task_id,
             gint64        value,
             gboolean      value_is_id,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mops_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  if (value_is_id)
    mops_domain_bind_id (stmt, 2, value);
  else
    sqlite3_bind_int64 (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      MopsRowRef refs[] = { { MOPS_ROW_PERSON, value_is_id ? value : 0 } };

      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_FOREIGNKEY)
        return mops_domain_check_refs_in_db (db, refs, G_N_ELEMENTS (refs), error);
      return mops_db_set_error (db, error, _("Could not change the task"));
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no task with id %lld"),
                   (long long) task_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
mops_content_tasks_set_done_in_db (sqlite3   *db,
                                   gint64     task_id,
                                   gboolean   done,
                                   GError   **error)
{
  return change_task (db, "UPDATE content_tasks SET done = ?2 WHERE id = ?1", task_id,
                      done ? 1 : 0, FALSE, error);
}

gboolean
mops_content_tasks_set_done (MopsLibrary  *library,
                             gint64        task_id,
                             gboolean      done,
                             GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_content_tasks_set_done_in_db (mops_library_get_db (library), task_id, done, error);
}

gboolean
mops_content_tasks_set_assignee (MopsLibrary  *library,
                                 gint64        task_id,
                                 gint64        assignee_id,
                                 GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return change_task (mops_library_get_db (library), "UPDATE content_tasks SET assignee_id = ?2 WHERE id = ?1", task_id,
                      assignee_id, TRUE, error);
}

gboolean
mops_content_tasks_delete (MopsLibrary  *library,
                           gint64        task_id,
                           GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return change_task (mops_library_get_db (library), "DELETE FROM content_tasks WHERE id = ?1 AND ?2 = 0", task_id, 0,
                      FALSE, error);
}

GArray *
mops_content_items_list_assets_in_db (sqlite3  *db,
                                      gint64    id,
                                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!check_item_exists (db, id, error))
    return NULL;
  stmt = mops_db_prepare (db,
                          "SELECT asset_id FROM content_assets WHERE content_item_id = ?"
                          " ORDER BY position, asset_id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 asset_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, asset_id);
    }
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
mops_content_items_list_assets (MopsLibrary  *library,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_content_items_list_assets_in_db (mops_library_get_db (library), id, error);
}

gboolean
mops_content_items_remove_asset (MopsLibrary  *library,
                                 gint64        id,
                                 gint64        asset_id,
                                 GError      **error)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  if (!check_item_exists (db, id, error))
    return FALSE;
  stmt = mops_db_prepare (db, "DELETE FROM content_assets WHERE content_item_id = ? AND asset_id = ?",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  if (!step_done (db, stmt, _("Could not unlink the asset"), error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("Asset %lld is not linked to content item %lld"),
                   (long long) asset_id, (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* ---- Occurrences ------------------------------------------------------------------------- */

gboolean
mops_content_items_set_override_in_db (sqlite3                        *db,
                                       gint64                          id,
                                       const MopsContentOverrideInfo  *info,
                                       GError                        **error)
{
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean nested;

  if (info->recurrence_id == NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("An override needs the occurrence it changes"));
      return FALSE;
    }
  if (!mops_domain_check_wall_time (info->recurrence_id, error)
      || !mops_domain_check_wall_time (info->publish_at, error))
    return FALSE;
  if (info->has_status && mops_content_status_to_name (info->status) == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not a content status"), info->status);
      return FALSE;
    }
  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL)
    goto failed;
  if (item->rrule == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("Content item %lld does not recur: it has no occurrences to change"), (long long) id);
      goto failed;
    }

  stmt = mops_db_prepare (db,
                          "INSERT INTO content_overrides (content_item_id, recurrence_id, cancelled,"
                          " title, status, publish_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                          " ON CONFLICT (content_item_id, recurrence_id) DO UPDATE SET"
                          " cancelled = ?3, title = ?4, status = ?5, publish_at = ?6",
                          error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, info->recurrence_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, info->cancelled ? 1 : 0);
  mops_db_bind_text_or_null (stmt, 4, info->title);
  mops_db_bind_text_or_null (stmt, 5, info->has_status ? mops_content_status_to_name (info->status) : NULL);
  mops_db_bind_text_or_null (stmt, 6, info->publish_at);
  if (!step_done (db, stmt, _("Could not change the occurrence"), error)
      || !touch_item (db, id, error))
    goto failed;

  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_content_items_set_override (MopsLibrary                    *library,
                                 gint64                          id,
                                 const MopsContentOverrideInfo  *info,
                                 GError                        **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  return mops_content_items_set_override_in_db (mops_library_get_db (library), id, info, error);
}

gboolean
mops_content_items_remove_override_in_db (sqlite3     *db,
                                          gint64       id,
                                          const char  *recurrence_id,
                                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean nested;

  if (!check_item_exists (db, id, error) || !mops_db_begin_write (db, &nested, error))
    return FALSE;

  stmt = mops_db_prepare (db,
                          "DELETE FROM content_overrides WHERE content_item_id = ? AND recurrence_id = ?",
                          error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, _("Could not change the occurrence"), error))
    goto failed;
  if (sqlite3_changes (db) == 0)
    {
      /* Translators: %s is an occurrence's date and time */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("The occurrence of %s is not changed"),
                   recurrence_id);
      goto failed;
    }
  if (!touch_item (db, id, error))
    goto failed;
  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_content_items_remove_override (MopsLibrary  *library,
                                    gint64        id,
                                    const char   *recurrence_id,
                                    GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  return mops_content_items_remove_override_in_db (mops_library_get_db (library), id, recurrence_id, error);
}

/* ---- Workers ----------------------------------------------------------------------------- */

typedef struct
{
  gint64                id;
  char                 *from;
  char                 *to;
  MopsContentStatus     status;
  MopsContentItemInfo   info;     /* its strings owned here */
  MopsContentItemTrash *trash;
  MopsReviewAction      action;
  gint64                person_id;
  char                 *text;     /* a comment's body, a publish_at */
  gboolean              done;
  gint64                new_id;
  MopsContentOverrideInfo override;  /* its strings owned here */
} Job;

static void
job_free (Job *job)
{
  g_free (job->from);
  g_free (job->to);
  g_free ((char *) job->info.uid);
  g_free ((char *) job->info.title);
  g_free ((char *) job->info.brief);
  g_free ((char *) job->info.due_at);
  g_free ((char *) job->info.publish_at);
  g_free ((char *) job->info.url);
  g_free ((char *) job->info.rrule);
  mops_content_item_trash_free (job->trash);
  g_free (job->text);
  g_free ((char *) job->override.recurrence_id);
  g_free ((char *) job->override.title);
  g_free ((char *) job->override.publish_at);
  g_free (job);
}

static Job *
job_new (gint64 id)
{
  Job *job = g_new0 (Job, 1);

  job->id = id;
  return job;
}

/* The job keeps its own copy of @info's strings (freed by job_free()). */
static void
job_copy_info (Job                       *job,
               const MopsContentItemInfo *info)
{
  job->info = *info;
  job->info.uid = g_strdup (info->uid);
  job->info.title = g_strdup (info->title);
  job->info.brief = g_strdup (info->brief);
  job->info.due_at = g_strdup (info->due_at);
  job->info.publish_at = g_strdup (info->publish_at);
  job->info.url = g_strdup (info->url);
  job->info.rrule = g_strdup (info->rrule);
}

/* A boolean result through the job machinery, which reads NULL as failure. */
#define JOB_DONE GINT_TO_POINTER (1)

static gpointer
list_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = job_data;

  return mops_content_items_list_in_db (db, job->from, job->to, error);
}

void
mops_content_items_list_async (MopsLibrary          *library,
                               const char           *from,
                               const char           *to,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = job_new (0);
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  mops_library_run_job (library, mops_content_items_list_async, list_job, job,
                        (GDestroyNotify) job_free, (GDestroyNotify) g_ptr_array_unref,
                        cancellable, callback, user_data);
}

GPtrArray *
mops_content_items_list_finish (MopsLibrary   *library,
                                GAsyncResult  *result,
                                GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_list_async, error);
}

static gpointer
load_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = job_data;
  g_autoptr(MopsContentItemDetails) details = g_new0 (MopsContentItemDetails, 1);

  details->item = mops_content_items_load_in_db (db, job->id, error);
  if (details->item == NULL)
    return NULL;
  details->comments = mops_content_items_list_comments_in_db (db, job->id, error);
  if (details->comments == NULL)
    return NULL;
  details->tasks = mops_content_items_list_tasks_in_db (db, job->id, error);
  if (details->tasks == NULL)
    return NULL;
  details->asset_ids = mops_content_items_list_assets_in_db (db, job->id, error);
  if (details->asset_ids == NULL)
    return NULL;
  return g_steal_pointer (&details);
}

void
mops_content_items_load_async (MopsLibrary          *library,
                               gint64                id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_content_items_load_async, load_job, job_new (id),
                        (GDestroyNotify) job_free, (GDestroyNotify) mops_content_item_details_free,
                        cancellable, callback, user_data);
}

MopsContentItemDetails *
mops_content_items_load_finish (MopsLibrary   *library,
                                GAsyncResult  *result,
                                GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_load_async, error);
}

static gpointer
update_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = job_data;

  return mops_content_items_update_in_db (db, job->id, &job->info, error) ? JOB_DONE : NULL;
}

void
mops_content_items_update_async (MopsLibrary                *library,
                                 gint64                      id,
                                 const MopsContentItemInfo  *info,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (info != NULL);

  job = job_new (id);
  job_copy_info (job, info);
  mops_library_run_job (library, mops_content_items_update_async, update_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_items_update_finish (MopsLibrary   *library,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_update_async, error) != NULL;
}

static gpointer
set_status_job (MopsLibrary   *library,
                sqlite3       *db,
                gpointer       job_data,
                GCancellable  *cancellable,
                GError       **error)
{
  Job *job = job_data;

  return mops_content_items_set_status_in_db (db, job->id, job->status, error) ? JOB_DONE : NULL;
}

void
mops_content_items_set_status_async (MopsLibrary          *library,
                                     gint64                id,
                                     MopsContentStatus     status,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = job_new (id);
  job->status = status;
  mops_library_run_job (library, mops_content_items_set_status_async, set_status_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_items_set_status_finish (MopsLibrary   *library,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_set_status_async, error) != NULL;
}

static gpointer
delete_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = job_data;

  return mops_content_items_delete_in_db (db, job->id, error);
}

void
mops_content_items_delete_async (MopsLibrary          *library,
                                 gint64                id,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_content_items_delete_async, delete_job, job_new (id),
                        (GDestroyNotify) job_free, (GDestroyNotify) mops_content_item_trash_free,
                        cancellable, callback, user_data);
}

MopsContentItemTrash *
mops_content_items_delete_finish (MopsLibrary   *library,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_delete_async, error);
}

static gpointer
restore_job (MopsLibrary   *library,
             sqlite3       *db,
             gpointer       job_data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = job_data;

  return mops_content_items_restore_in_db (db, job->trash, error) ? JOB_DONE : NULL;
}

void
mops_content_items_restore_async (MopsLibrary                 *library,
                                  const MopsContentItemTrash  *trash,
                                  GCancellable                *cancellable,
                                  GAsyncReadyCallback          callback,
                                  gpointer                     user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (trash != NULL);

  job = job_new (trash->id);
  job->trash = trash_copy (trash);
  mops_library_run_job (library, mops_content_items_restore_async, restore_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_items_restore_finish (MopsLibrary   *library,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_restore_async, error) != NULL;
}

static gpointer
open_tasks_job (MopsLibrary   *library,
                sqlite3       *db,
                gpointer       job_data,
                GCancellable  *cancellable,
                GError       **error)
{
  return mops_content_tasks_list_open_in_db (db, error);
}

void
mops_content_tasks_list_open_async (MopsLibrary          *library,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_content_tasks_list_open_async, open_tasks_job, NULL, NULL,
                        (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
mops_content_tasks_list_open_finish (MopsLibrary   *library,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_tasks_list_open_async, error);
}

static gpointer
add_job (MopsLibrary   *library,
         sqlite3       *db,
         gpointer       job_data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = job_data;

  job->new_id = mops_content_items_add_in_db (db, &job->info, error);
  return job->new_id > 0 ? JOB_DONE : NULL;
}

void
mops_content_items_add_async (MopsLibrary                *library,
                              const MopsContentItemInfo  *info,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (info != NULL);

  job = job_new (0);
  job_copy_info (job, info);
  mops_library_run_job (library, mops_content_items_add_async, add_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gint64
mops_content_items_add_finish (MopsLibrary   *library,
                               GAsyncResult  *result,
                               GError       **error)
{
  Job *job = mops_library_job_get_data (result);

  if (mops_library_job_finish (library, result, mops_content_items_add_async, error) == NULL)
    return 0;
  return job->new_id;
}

static gpointer
reschedule_job (MopsLibrary   *library,
                sqlite3       *db,
                gpointer       job_data,
                GCancellable  *cancellable,
                GError       **error)
{
  Job *job = job_data;

  return mops_content_items_reschedule_in_db (db, job->id, job->text, error) ? JOB_DONE : NULL;
}

void
mops_content_items_reschedule_async (MopsLibrary          *library,
                                     gint64                id,
                                     const char           *publish_at,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = job_new (id);
  job->text = g_strdup (publish_at);
  mops_library_run_job (library, mops_content_items_reschedule_async, reschedule_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_items_reschedule_finish (MopsLibrary   *library,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_reschedule_async, error) != NULL;
}

static gpointer
review_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = job_data;

  return mops_content_items_review_in_db (db, job->id, job->action, job->person_id, job->text, error)
         ? JOB_DONE : NULL;
}

void
mops_content_items_review_async (MopsLibrary          *library,
                                 gint64                id,
                                 MopsReviewAction      action,
                                 gint64                person_id,
                                 const char           *body,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = job_new (id);
  job->action = action;
  job->person_id = person_id;
  job->text = g_strdup (body);
  mops_library_run_job (library, mops_content_items_review_async, review_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_items_review_finish (MopsLibrary   *library,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_review_async, error) != NULL;
}

static gpointer
task_done_job (MopsLibrary   *library,
               sqlite3       *db,
               gpointer       job_data,
               GCancellable  *cancellable,
               GError       **error)
{
  Job *job = job_data;

  return mops_content_tasks_set_done_in_db (db, job->id, job->done, error) ? JOB_DONE : NULL;
}

void
mops_content_tasks_set_done_async (MopsLibrary          *library,
                                   gint64                task_id,
                                   gboolean              done,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = job_new (task_id);
  job->done = done;
  mops_library_run_job (library, mops_content_tasks_set_done_async, task_done_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_tasks_set_done_finish (MopsLibrary   *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_tasks_set_done_async, error) != NULL;
}

static gpointer
set_override_job (MopsLibrary   *library,
                  sqlite3       *db,
                  gpointer       job_data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Job *job = job_data;
  MopsContentOverrideInfo info = job->override;

  return mops_content_items_set_override_in_db (db, job->id, &info, error) ? JOB_DONE : NULL;
}

void
mops_content_items_set_override_async (MopsLibrary                    *library,
                                       gint64                          id,
                                       const MopsContentOverrideInfo  *info,
                                       GCancellable                   *cancellable,
                                       GAsyncReadyCallback             callback,
                                       gpointer                        user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (info != NULL);

  job = job_new (id);
  job->override = *info;
  job->override.recurrence_id = g_strdup (info->recurrence_id);
  job->override.title = g_strdup (info->title);
  job->override.publish_at = g_strdup (info->publish_at);
  mops_library_run_job (library, mops_content_items_set_override_async, set_override_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_items_set_override_finish (MopsLibrary   *library,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_set_override_async, error) != NULL;
}

static gpointer
remove_override_job (MopsLibrary   *library,
                     sqlite3       *db,
                     gpointer       job_data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Job *job = job_data;

  return mops_content_items_remove_override_in_db (db, job->id, job->text, error) ? JOB_DONE : NULL;
}

void
mops_content_items_remove_override_async (MopsLibrary          *library,
                                          gint64                id,
                                          const char           *recurrence_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (recurrence_id != NULL);

  job = job_new (id);
  job->text = g_strdup (recurrence_id);
  mops_library_run_job (library, mops_content_items_remove_override_async, remove_override_job, job,
                        (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_content_items_remove_override_finish (MopsLibrary   *library,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return mops_library_job_finish (library, result, mops_content_items_remove_override_async, error) != NULL;
}
