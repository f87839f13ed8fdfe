/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-domain-private.h — what the domain modules share: field checks, one-row writes */

#pragma once

#include "mops-library-private.h"

G_BEGIN_DECLS

/* The rows other rows refer to, so a message can name the one that is missing. */
typedef enum
{
  MOPS_ROW_PERSON,
  MOPS_ROW_ASSET,
  MOPS_ROW_LICENCE,
  MOPS_ROW_CHANNEL,
  MOPS_ROW_CAMPAIGN,
  MOPS_ROW_CONTENT_ITEM,
  MOPS_ROW_COLLECTION,
  MOPS_ROW_FISCAL_YEAR,
  MOPS_ROW_TEAM,
  MOPS_ROW_CATEGORY,
  MOPS_ROW_PLAN_SNAPSHOT,
  MOPS_ROW_SUBSCRIPTION,
  MOPS_ROW_SPEND_REQUEST,
  MOPS_ROW_BRAND_KIT,
} MopsRowKind;

/* One reference of a row being written; an id of 0 (or less) refers to nothing. */
typedef struct
{
  MopsRowKind kind;
  gint64      id;
} MopsRowRef;

/* Checks that every reference in @refs with an id above 0 exists; the first that does not
 * is MOPS_ERROR_NOT_FOUND ("There is no team with id 7"). */
gboolean  mops_domain_check_refs      (MopsLibrary       *library,
                                       const MopsRowRef  *refs,
                                       guint              n_refs,
                                       GError           **error);

/* mops_domain_check_refs() on any connection (core workers on their own), with statements
 * prepared for the call. */
gboolean  mops_domain_check_refs_in_db (sqlite3          *db,
                                        const MopsRowRef *refs,
                                        guint             n_refs,
                                        GError          **error);

/* Runs @stmt (a mops_library_prepare_cached() statement with its values bound) to its end and
 * resets it. The schema's constraints are the checks of last resort, turned into messages
 * that name the thing: a foreign key that fails names the first missing row of @refs
 * (MOPS_ERROR_NOT_FOUND); a UNIQUE constraint that fails is MOPS_ERROR_EXISTS with @exists
 * (already translated; NULL: the table's own words); anything else is @what followed by
 * SQLite's message. */
gboolean  mops_domain_step            (MopsLibrary       *library,
                                       sqlite3_stmt      *stmt,
                                       const MopsRowRef  *refs,
                                       guint              n_refs,
                                       const char        *exists,
                                       const char        *what,
                                       GError           **error);

/* mops_domain_step() for an INSERT: the new row's id, or 0 with @error set. */
gint64    mops_domain_insert          (MopsLibrary       *library,
                                       sqlite3_stmt      *stmt,
                                       const MopsRowRef  *refs,
                                       guint              n_refs,
                                       const char        *exists,
                                       const char        *what,
                                       GError           **error);

/* @name without surrounding white space, or NULL with MOPS_ERROR_INVALID: @empty (already
 * translated) when nothing is left, a message of its own when it is not UTF-8. Free with
 * g_free(). */
char     *mops_domain_clean_name      (const char        *name,
                                       const char        *empty,
                                       GError           **error);

/* Checks of optional text fields (NULL passes), MOPS_ERROR_INVALID naming the value:
 * a calendar date "YYYY-MM-DD"; a month "YYYY-MM"; a local wall time "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM"; a colour "#RRGGBB". */
gboolean  mops_domain_check_date      (const char        *date,
                                       GError           **error);
gboolean  mops_domain_check_month     (const char        *month,
                                       GError           **error);
gboolean  mops_domain_check_wall_time (const char        *wall_time,
                                       GError           **error);
gboolean  mops_domain_check_color     (const char        *color,
                                       GError           **error);

/* That @ends is not before @starts, when both are set (dates or wall times, compared as
 * text); else MOPS_ERROR_INVALID naming both. */
gboolean  mops_domain_check_order     (const char        *starts,
                                       const char        *ends,
                                       GError           **error);

/* An instant for a row: @instant when above 0, else now (mops_clock). */
gint64    mops_domain_instant_or_now  (gint64             instant);

/* Binds an id, or NULL for an id of 0 or less. */
void      mops_domain_bind_id         (sqlite3_stmt      *stmt,
                                       int                index,
                                       gint64             id);

/* Binds an integer, or NULL for 0 (an unset count, size or time). */
void      mops_domain_bind_int_or_null (sqlite3_stmt     *stmt,
                                        int               index,
                                        gint64            value);

G_END_DECLS
