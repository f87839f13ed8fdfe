/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-kits.h — brand kits: their assets by role, colours, fonts and tone of voice */

#pragma once

#include <glib.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* Every function uses the library's own connection (the thread that opened it); inside
 * mops_library_begin() they write into that transaction. A kit's parts are added one by one
 * (an import, the demo library, the kit editor); adding them leaves the kit's modified_at as
 * it is. A reference to a row that does not exist is MOPS_ERROR_NOT_FOUND naming it; a
 * malformed field MOPS_ERROR_INVALID naming the value; nothing is written then. Assets a
 * kit uses cannot be deleted while it does. */

/* What an asset is for in a kit (design §7: the folders of an exported kit follow it). */
typedef enum
{
  MOPS_KIT_ROLE_LOGO_PRIMARY,   /*< nick=logo_primary >*/
  MOPS_KIT_ROLE_LOGO_MONO,      /*< nick=logo_mono >*/
  MOPS_KIT_ROLE_ICON,
  MOPS_KIT_ROLE_FONT,
  MOPS_KIT_ROLE_GUIDELINE,
  MOPS_KIT_ROLE_TEMPLATE,
  MOPS_KIT_ROLE_IMAGE,
} MopsKitRole;

/* The stable English names of the table and the manifest ("logo_primary"), or NULL for a
 * value out of range; from_name() takes them in any ASCII case, "-" and "_" alike, FALSE for
 * anything else. */
const char *mops_kit_role_to_name      (MopsKitRole        role);
gboolean    mops_kit_role_from_name    (const char        *name,
                                        MopsKitRole       *out_role);

typedef struct
{
  const char *name;          /* required */
  const char *version;       /* "2.1"; NULL = "1.0" */
  const char *description;
  gint64      created_at;    /* instant; 0 = now */
  gint64      modified_at;   /* instant; 0 = created_at */
} MopsBrandKitInfo;

/* Adds an empty brand kit. Returns the new id, or 0 with @error set. */
gint64      mops_brand_kits_add        (MopsLibrary             *library,
                                        const MopsBrandKitInfo  *info,
                                        GError                 **error);

/* Puts asset @asset_id into kit @kit_id as @role, at @position among the kit's items. The same
 * asset in the same role twice is MOPS_ERROR_EXISTS (one asset may hold several roles). */
gboolean    mops_brand_kits_add_item   (MopsLibrary             *library,
                                        gint64                   kit_id,
                                        gint64                   asset_id,
                                        MopsKitRole              role,
                                        int                      position,
                                        GError                 **error);

/* One colour of a kit's palette. */
typedef struct
{
  const char *name;          /* required: "Fjord Navy" */
  const char *role;          /* "Primary", "Accent"…; NULL = none */
  const char *hex;           /* required: "#14324A" */
  const char *cmyk;          /* "88/58/25/50" (percent); NULL = none */
  const char *pantone;       /* "PMS 7546 C"; NULL = none */
  int         position;      /* the palette's order */
} MopsKitColorInfo;

/* Adds a colour to kit @kit_id. Returns the colour's id, or 0 with @error set. */
gint64      mops_brand_kits_add_color  (MopsLibrary             *library,
                                        gint64                   kit_id,
                                        const MopsKitColorInfo  *info,
                                        GError                 **error);

/* One typeface of a kit. */
typedef struct
{
  const char *family;        /* required: "DejaVu Sans" */
  const char *role;          /* "Headlines (Bold)"; NULL = none */
  gint64      asset_id;      /* the font file, an asset; 0 = none in the library */
  int         position;
} MopsKitFontInfo;

/* Adds a font to kit @kit_id. Returns the font's id, or 0 with @error set. */
gint64      mops_brand_kits_add_font   (MopsLibrary             *library,
                                        gint64                   kit_id,
                                        const MopsKitFontInfo   *info,
                                        GError                 **error);

/* Sets (or replaces) the tone-of-voice text of kit @kit_id; empty text is MOPS_ERROR_INVALID. */
gboolean    mops_brand_kits_set_voice  (MopsLibrary             *library,
                                        gint64                   kit_id,
                                        const char              *text,
                                        GError                 **error);

G_END_DECLS
