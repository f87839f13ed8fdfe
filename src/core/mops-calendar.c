/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar.c — the editorial calendar: channels, campaigns, content items and their parts */

#include "config.h"

#define G_LOG_DOMAIN "mops-calendar"

#include <glib/gi18n-lib.h>

#include "mops-calendar-private.h"
#include "mops-calendar-recurrence-private.h"
#include "mops-domain-private.h"
#include "mops-enum-names-private.h"
#include "mops-enums.h"
#include "mops-error.h"
#include "mops-search.h"

const char *
mops_content_status_to_name (MopsContentStatus status)
{
  return mops_enum_to_name (MOPS_TYPE_CONTENT_STATUS, (int) status);
}

gboolean
mops_content_status_from_name (const char        *name,
                               MopsContentStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  return mops_enum_from_name (MOPS_TYPE_CONTENT_STATUS, name, (int *) out_status);
}

const char *
mops_comment_kind_to_name (MopsCommentKind kind)
{
  return mops_enum_to_name (MOPS_TYPE_COMMENT_KIND, (int) kind);
}

gboolean
mops_comment_kind_from_name (const char      *name,
                             MopsCommentKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  return mops_enum_from_name (MOPS_TYPE_COMMENT_KIND, name, (int *) out_kind);
}

static gboolean
check_status (MopsContentStatus   status,
              GError            **error)
{
  if (mops_content_status_to_name (status) != NULL)
    return TRUE;

  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not a content status"), status);
  return FALSE;
}

/* ---- Channels ---------------------------------------------------------------------------- */

/* "1:1;4:5": positive whole numbers in pairs. */
static gboolean
check_aspect_ratios (const char  *ratios,
                     GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (ratios == NULL)
    return TRUE;

  parts = g_strsplit (ratios, ";", -1);
  if (parts[0] == NULL)
    goto invalid;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *ratio = parts[i];
      char *end = NULL;
      guint64 width, height;

      if (!g_ascii_isdigit (ratio[0]))
        goto invalid;
      width = g_ascii_strtoull (ratio, &end, 10);
      if (*end != ':' || !g_ascii_isdigit (end[1]))
        goto invalid;
      height = g_ascii_strtoull (end + 1, &end, 10);
      if (*end != '\0' || width == 0 || height == 0)
        goto invalid;
    }

  return TRUE;

invalid:
  /* Translators: %s is what was given as aspect ratios */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” are not aspect ratios: write them as 1:1;4:5"), ratios);
  return FALSE;
}

static gboolean
check_types (const char  *types,
             GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (types == NULL)
    return TRUE;

  parts = g_strsplit (types, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    /* The search's type names (mops-search.h), exactly as they are written. */
    if (g_strcmp0 (mops_asset_type_to_name (mops_asset_type_from_name (parts[i])), parts[i]) != 0)
      {
        /* Translators: %s is one type of file a channel was to accept */
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                     _("“%s” is not a type of file: use image, vector, document, font, video or other"),
                     parts[i]);
        return FALSE;
      }

  if (parts[0] == NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("A channel that allows no type of file cannot be used"));
      return FALSE;
    }

  return TRUE;
}

/* The checks of a channel's fields; returns the cleaned name (g_free()) or NULL with
 * MOPS_ERROR_INVALID. */
static char *
check_channel_info (const MopsChannelInfo  *info,
                    GError                **error)
{
  g_autofree char *name = NULL;

  name = mops_domain_clean_name (info->name, _("A channel needs a name"), error);
  if (name == NULL)
    return NULL;

  if (mops_medium_to_name (info->medium) == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The channel “%s” needs exactly one medium"), name);
      return NULL;
    }
  if (info->min_width < 0 || info->min_height < 0 || info->max_bytes < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The size rules of the channel “%s” cannot be negative"), name);
      return NULL;
    }
  if (!mops_domain_check_color (info->color, error)
      || !check_aspect_ratios (info->aspect_ratios, error)
      || !check_types (info->allowed_types, error))
    return NULL;

  return g_steal_pointer (&name);
}

gint64
mops_channels_add (MopsLibrary            *library,
                   const MopsChannelInfo  *info,
                   GError                **error)
{
  g_autofree char *name = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  const char *medium;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);

  name = check_channel_info (info, error);
  if (name == NULL)
    return 0;
  medium = mops_medium_to_name (info->medium);

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO channels (name, medium, color, min_width,"
                                      " min_height, aspect_ratios, max_bytes, allowed_types)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, medium, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, info->color);
  mops_domain_bind_int_or_null (stmt, 4, info->min_width);
  mops_domain_bind_int_or_null (stmt, 5, info->min_height);
  mops_db_bind_text_or_null (stmt, 6, info->aspect_ratios);
  mops_domain_bind_int_or_null (stmt, 7, info->max_bytes);
  mops_db_bind_text_or_null (stmt, 8, info->allowed_types);

  exists = g_strdup_printf (_("There is already a channel called “%s”"), name);
  what = g_strdup_printf (_("Could not add the channel “%s”"), name);
  return mops_domain_insert (library, stmt, NULL, 0, exists, what, error);
}

/* The id of the row of @sql ("SELECT id … WHERE name = ?") for @name; 0 for none, -1 on
 * error. */
static gint64
lookup_by_name (MopsLibrary  *library,
                const char   *sql,
                const char   *name,
                GError      **error)
{
  sqlite3_stmt *stmt = mops_library_prepare_cached (library, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    id = -1;
  sqlite3_reset (stmt);

  if (id < 0)
    mops_db_set_error (mops_library_get_db (library), error, _("Could not read the library"));
  return id;
}

gint64
mops_channels_lookup (MopsLibrary  *library,
                      const char   *name,
                      GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), -1);
  g_return_val_if_fail (name != NULL, -1);

  return lookup_by_name (library, "SELECT id FROM channels WHERE name = ?", name, error);
}

gboolean
mops_channels_update_in_db (sqlite3                *db,
                            gint64                  id,
                            const MopsChannelInfo  *info,
                            GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = check_channel_info (info, error);

  if (name == NULL)
    return FALSE;

  stmt = mops_db_prepare (db,
                          "UPDATE channels SET name = ?2, medium = ?3, color = ?4, min_width = ?5,"
                          " min_height = ?6, aspect_ratios = ?7, max_bytes = ?8, allowed_types = ?9,"
                          " archived = ?10 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, mops_medium_to_name (info->medium), -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 4, info->color);
  mops_domain_bind_int_or_null (stmt, 5, info->min_width);
  mops_domain_bind_int_or_null (stmt, 6, info->min_height);
  mops_db_bind_text_or_null (stmt, 7, info->aspect_ratios);
  mops_domain_bind_int_or_null (stmt, 8, info->max_bytes);
  mops_db_bind_text_or_null (stmt, 9, info->allowed_types);
  sqlite3_bind_int (stmt, 10, info->archived ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS, _("There is already a channel called “%s”"), name);
          return FALSE;
        }
      return mops_db_set_error (db, error, _("Could not change the channel"));
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no channel with id %lld"),
                   (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
mops_channels_update (MopsLibrary            *library,
                      gint64                  id,
                      const MopsChannelInfo  *info,
                      GError                **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  return mops_channels_update_in_db (mops_library_get_db (library), id, info, error);
}

/* ---- Campaigns --------------------------------------------------------------------------- */

gint64
mops_campaigns_add (MopsLibrary             *library,
                    const MopsCampaignInfo  *info,
                    GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);

  name = mops_domain_clean_name (info->name, _("A campaign needs a name"), error);
  if (name == NULL
      || !mops_domain_check_color (info->color, error)
      || !mops_domain_check_date (info->starts_on, error)
      || !mops_domain_check_date (info->ends_on, error)
      || !mops_domain_check_order (info->starts_on, info->ends_on, error))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO campaigns (name, color, starts_on, ends_on,"
                                      " description, archived) VALUES (?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, info->color);
  mops_db_bind_text_or_null (stmt, 3, info->starts_on);
  mops_db_bind_text_or_null (stmt, 4, info->ends_on);
  mops_db_bind_text_or_null (stmt, 5, info->description);
  sqlite3_bind_int (stmt, 6, info->archived ? 1 : 0);

  exists = g_strdup_printf (_("There is already a campaign called “%s”"), name);
  what = g_strdup_printf (_("Could not add the campaign “%s”"), name);
  return mops_domain_insert (library, stmt, NULL, 0, exists, what, error);
}

gint64
mops_campaigns_lookup (MopsLibrary  *library,
                       const char   *name,
                       GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), -1);
  g_return_val_if_fail (name != NULL, -1);

  return lookup_by_name (library, "SELECT id FROM campaigns WHERE name = ?", name, error);
}

gboolean
mops_campaigns_update_in_db (sqlite3                 *db,
                             gint64                   id,
                             const MopsCampaignInfo  *info,
                             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;

  name = mops_domain_clean_name (info->name, _("A campaign needs a name"), error);
  if (name == NULL
      || !mops_domain_check_color (info->color, error)
      || !mops_domain_check_date (info->starts_on, error)
      || !mops_domain_check_date (info->ends_on, error)
      || !mops_domain_check_order (info->starts_on, info->ends_on, error))
    return FALSE;

  stmt = mops_db_prepare (db,
                          "UPDATE campaigns SET name = ?2, color = ?3, starts_on = ?4, ends_on = ?5,"
                          " description = ?6, archived = ?7 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, info->color);
  mops_db_bind_text_or_null (stmt, 4, info->starts_on);
  mops_db_bind_text_or_null (stmt, 5, info->ends_on);
  mops_db_bind_text_or_null (stmt, 6, info->description);
  sqlite3_bind_int (stmt, 7, info->archived ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS, _("There is already a campaign called “%s”"), name);
          return FALSE;
        }
      return mops_db_set_error (db, error, _("Could not change the campaign"));
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no campaign with id %lld"),
                   (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
mops_campaigns_update (MopsLibrary             *library,
                       gint64                   id,
                       const MopsCampaignInfo  *info,
                       GError                 **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  return mops_campaigns_update_in_db (mops_library_get_db (library), id, info, error);
}

/* ---- Content items ----------------------------------------------------------------------- */

char *
mops_content_item_info_check (const MopsContentItemInfo  *info,
                              GError                    **error)
{
  g_autofree char *title = NULL;

  title = mops_domain_clean_name (info->title, _("A content item needs a title"), error);
  if (title == NULL
      || !check_status (info->status, error)
      || !mops_domain_check_wall_time (info->due_at, error)
      || !mops_domain_check_wall_time (info->publish_at, error))
    return NULL;

  if (info->rrule != NULL && info->publish_at == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The recurring item “%s” needs the date of its first occurrence"), title);
      return NULL;
    }
  if (!mops_calendar_check_rrule (info->rrule, title, error))
    return NULL;
  if (info->sequence < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The sequence number of “%s” cannot be negative"), title);
      return NULL;
    }

  return g_steal_pointer (&title);
}

gint64
mops_content_items_add (MopsLibrary                *library,
                        const MopsContentItemInfo  *info,
                        GError                    **error)
{
  g_autofree char *title = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  gint64 created_at;
  MopsRowRef refs[] = {
    { MOPS_ROW_CHANNEL, info != NULL ? info->channel_id : 0 },
    { MOPS_ROW_CAMPAIGN, info != NULL ? info->campaign_id : 0 },
    { MOPS_ROW_PERSON, info != NULL ? info->owner_id : 0 },
    { MOPS_ROW_PERSON, info != NULL ? info->reviewer_id : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);

  title = mops_content_item_info_check (info, error);
  if (title == NULL)
    return 0;

  if (info->uid != NULL && *info->uid != '\0')
    uid = g_strdup (info->uid);
  else
    {
      g_autofree char *random = g_uuid_string_random ();

      uid = g_strconcat (random, "@mops", NULL);
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO content_items (uid, title, brief, status,"
                                      " channel_id, campaign_id, owner_id, reviewer_id, due_at,"
                                      " publish_at, published_at, url, rrule, sequence,"
                                      " created_at, modified_at)"
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

  exists = g_strdup_printf (_("There is already a content item with the UID “%s”"), uid);
  what = g_strdup_printf (_("Could not add the content item “%s”"), title);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), exists, what, error);
}

gboolean
mops_content_items_add_asset (MopsLibrary  *library,
                              gint64        item_id,
                              gint64        asset_id,
                              int           position,
                              GError      **error)
{
  g_autofree char *exists = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_CONTENT_ITEM, item_id },
    { MOPS_ROW_ASSET, asset_id },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (item_id > 0 && asset_id > 0, FALSE);

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO content_assets (content_item_id, asset_id,"
                                      " position) VALUES (?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  sqlite3_bind_int (stmt, 3, position);

  exists = g_strdup_printf (_("Asset %lld is already linked to content item %lld"),
                            (long long) asset_id, (long long) item_id);
  return mops_domain_step (library, stmt, refs, G_N_ELEMENTS (refs), exists,
                           _("Could not link the asset to the content item"), error);
}

gint64
mops_content_items_add_comment (MopsLibrary            *library,
                                gint64                  item_id,
                                const MopsCommentInfo  *info,
                                GError                **error)
{
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_CONTENT_ITEM, item_id },
    { MOPS_ROW_PERSON, info != NULL ? info->author_id : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (item_id > 0, 0);
  g_return_val_if_fail (info != NULL, 0);

  if (mops_comment_kind_to_name (info->kind) == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not a kind of comment"),
                   info->kind);
      return 0;
    }
  if (info->body == NULL || *info->body == '\0' || !g_utf8_validate (info->body, -1, NULL))
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("A comment needs some text"));
      return 0;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO content_comments (content_item_id, author_id,"
                                      " kind, body, created_at) VALUES (?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, item_id);
  mops_domain_bind_id (stmt, 2, info->author_id);
  sqlite3_bind_text (stmt, 3, mops_comment_kind_to_name (info->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, info->body, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, mops_domain_instant_or_now (info->created_at));

  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL,
                             _("Could not add the comment"), error);
}

gint64
mops_content_items_add_task (MopsLibrary                *library,
                             gint64                      item_id,
                             const MopsContentTaskInfo  *info,
                             GError                    **error)
{
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_CONTENT_ITEM, item_id },
    { MOPS_ROW_PERSON, info != NULL ? info->assignee_id : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (item_id > 0, 0);
  g_return_val_if_fail (info != NULL, 0);

  title = mops_domain_clean_name (info->title, _("A task needs a title"), error);
  if (title == NULL || !mops_domain_check_date (info->due_on, error))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO content_tasks (content_item_id, title,"
                                      " assignee_id, due_on, done, position)"
                                      " VALUES (?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  mops_domain_bind_id (stmt, 3, info->assignee_id);
  mops_db_bind_text_or_null (stmt, 4, info->due_on);
  sqlite3_bind_int (stmt, 5, info->done ? 1 : 0);
  sqlite3_bind_int (stmt, 6, info->position);

  what = g_strdup_printf (_("Could not add the task “%s”"), title);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL, what, error);
}

gboolean
mops_content_items_add_override (MopsLibrary                    *library,
                                 gint64                          item_id,
                                 const MopsContentOverrideInfo  *info,
                                 GError                        **error)
{
  g_autofree char *exists = NULL;
  sqlite3_stmt *stmt;
  gboolean recurring = FALSE;
  int rc;
  MopsRowRef refs[] = { { MOPS_ROW_CONTENT_ITEM, item_id } };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (item_id > 0, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->recurrence_id == NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("An override needs the occurrence it changes"));
      return FALSE;
    }
  if (!mops_domain_check_wall_time (info->recurrence_id, error)
      || !mops_domain_check_wall_time (info->publish_at, error)
      || (info->has_status && !check_status (info->status, error)))
    return FALSE;

  stmt = mops_library_prepare_cached (library,
                                      "SELECT rrule IS NOT NULL FROM content_items WHERE id = ?",
                                      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    recurring = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return mops_domain_check_refs (library, refs, G_N_ELEMENTS (refs), error);
  if (rc != SQLITE_ROW)
    return mops_db_set_error (mops_library_get_db (library), error,
                              _("Could not read the calendar"));
  if (!recurring)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("Content item %lld does not recur: it has no occurrences to change"),
                   (long long) item_id);
      return FALSE;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO content_overrides (content_item_id,"
                                      " recurrence_id, cancelled, title, status, publish_at)"
                                      " VALUES (?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, info->recurrence_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, info->cancelled ? 1 : 0);
  mops_db_bind_text_or_null (stmt, 4, info->title);
  mops_db_bind_text_or_null (stmt, 5, info->has_status ? mops_content_status_to_name (info->status)
                                                       : NULL);
  mops_db_bind_text_or_null (stmt, 6, info->publish_at);

  exists = g_strdup_printf (_("The occurrence of %s is already changed"), info->recurrence_id);
  return mops_domain_step (library, stmt, refs, G_N_ELEMENTS (refs), exists,
                           _("Could not change the occurrence"), error);
}
