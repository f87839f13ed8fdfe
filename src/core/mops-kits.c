/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-kits.c — brand kits: their assets by role, colours, fonts and tone of voice */

#include "config.h"

#define G_LOG_DOMAIN "mops-kits"

#include <glib/gi18n-lib.h>

#include "mops-domain-private.h"
#include "mops-enum-names-private.h"
#include "mops-enums.h"
#include "mops-error.h"
#include "mops-kits.h"

const char *
mops_kit_role_to_name (MopsKitRole role)
{
  return mops_enum_to_name (MOPS_TYPE_KIT_ROLE, (int) role);
}

gboolean
mops_kit_role_from_name (const char  *name,
                         MopsKitRole *out_role)
{
  g_return_val_if_fail (out_role != NULL, FALSE);

  return mops_enum_from_name (MOPS_TYPE_KIT_ROLE, name, (int *) out_role);
}

gint64
mops_brand_kits_add (MopsLibrary             *library,
                     const MopsBrandKitInfo  *info,
                     GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  gint64 created_at;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);

  name = mops_domain_clean_name (info->name, _("A brand kit needs a name"), error);
  if (name == NULL)
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO brand_kits (name, version, description,"
                                      " created_at, modified_at) VALUES (?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  created_at = mops_domain_instant_or_now (info->created_at);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->version != NULL && *info->version != '\0' ? info->version
                                                                              : "1.0",
                     -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, info->description);
  sqlite3_bind_int64 (stmt, 4, created_at);
  sqlite3_bind_int64 (stmt, 5, info->modified_at > 0 ? info->modified_at : created_at);

  what = g_strdup_printf (_("Could not add the brand kit “%s”"), name);
  return mops_domain_insert (library, stmt, NULL, 0, NULL, what, error);
}

gboolean
mops_brand_kits_add_item (MopsLibrary  *library,
                          gint64        kit_id,
                          gint64        asset_id,
                          MopsKitRole   role,
                          int           position,
                          GError      **error)
{
  g_autofree char *exists = NULL;
  const char *role_name = mops_kit_role_to_name (role);
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_BRAND_KIT, kit_id },
    { MOPS_ROW_ASSET, asset_id },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (kit_id > 0 && asset_id > 0, FALSE);

  if (role_name == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not a role in a brand kit"),
                   role);
      return FALSE;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO kit_items (kit_id, asset_id, role, position)"
                                      " VALUES (?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kit_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  sqlite3_bind_text (stmt, 3, role_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, position);

  /* Translators: an asset's id, then its role in the kit ("logo_primary") */
  exists = g_strdup_printf (_("Asset %lld is already in the kit as %s"), (long long) asset_id,
                            role_name);
  return mops_domain_step (library, stmt, refs, G_N_ELEMENTS (refs), exists,
                           _("Could not add the asset to the brand kit"), error);
}

/* "88/58/25/50": four percentages. */
static gboolean
check_cmyk (const char  *cmyk,
            GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (cmyk == NULL)
    return TRUE;

  parts = g_strsplit (cmyk, "/", -1);
  if (g_strv_length (parts) == 4)
    {
      gboolean valid = TRUE;

      for (guint i = 0; i < 4 && valid; i++)
        {
          guint64 value = 0;

          valid = g_ascii_string_to_unsigned (parts[i], 10, 0, 100, &value, NULL);
        }
      if (valid)
        return TRUE;
    }

  /* Translators: %s is what was given as a CMYK colour */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not a CMYK colour: write four percentages as 88/58/25/50"), cmyk);
  return FALSE;
}

gint64
mops_brand_kits_add_color (MopsLibrary             *library,
                           gint64                   kit_id,
                           const MopsKitColorInfo  *info,
                           GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = { { MOPS_ROW_BRAND_KIT, kit_id } };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (kit_id > 0, 0);
  g_return_val_if_fail (info != NULL, 0);

  name = mops_domain_clean_name (info->name, _("A colour needs a name"), error);
  if (name == NULL)
    return 0;
  if (info->hex == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The colour “%s” needs its value as #RRGGBB"), name);
      return 0;
    }
  if (!mops_domain_check_color (info->hex, error) || !check_cmyk (info->cmyk, error))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO kit_colors (kit_id, name, role, hex, cmyk,"
                                      " pantone, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, kit_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, info->role);
  sqlite3_bind_text (stmt, 4, info->hex, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 5, info->cmyk);
  mops_db_bind_text_or_null (stmt, 6, info->pantone);
  sqlite3_bind_int (stmt, 7, info->position);

  what = g_strdup_printf (_("Could not add the colour “%s”"), name);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL, what, error);
}

gint64
mops_brand_kits_add_font (MopsLibrary            *library,
                          gint64                  kit_id,
                          const MopsKitFontInfo  *info,
                          GError                **error)
{
  g_autofree char *family = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_BRAND_KIT, kit_id },
    { MOPS_ROW_ASSET, info != NULL ? info->asset_id : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (kit_id > 0, 0);
  g_return_val_if_fail (info != NULL, 0);

  family = mops_domain_clean_name (info->family, _("A font needs a family name"), error);
  if (family == NULL)
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO kit_fonts (kit_id, family, role, asset_id,"
                                      " position) VALUES (?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, kit_id);
  sqlite3_bind_text (stmt, 2, family, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, info->role);
  mops_domain_bind_id (stmt, 4, info->asset_id);
  sqlite3_bind_int (stmt, 5, info->position);

  what = g_strdup_printf (_("Could not add the font “%s”"), family);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL, what, error);
}

gboolean
mops_brand_kits_set_voice (MopsLibrary  *library,
                           gint64        kit_id,
                           const char   *text,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = { { MOPS_ROW_BRAND_KIT, kit_id } };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (kit_id > 0, FALSE);

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("The tone of voice needs some text"));
      return FALSE;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO kit_voice (kit_id, text) VALUES (?, ?)"
                                      " ON CONFLICT (kit_id) DO UPDATE SET text = excluded.text",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kit_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return mops_domain_step (library, stmt, refs, G_N_ELEMENTS (refs), NULL,
                           _("Could not save the tone of voice"), error);
}
