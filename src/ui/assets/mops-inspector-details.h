/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-details.h — the asset inspector's title, creator and description */

#pragma once

#include <adwaita.h>

#include "core/mops-asset.h"

G_BEGIN_DECLS

#define MOPS_TYPE_INSPECTOR_DETAILS (mops_inspector_details_get_type ())

G_DECLARE_FINAL_TYPE (MopsInspectorDetails, mops_inspector_details, MOPS, INSPECTOR_DETAILS, AdwPreferencesGroup)

/* Shows @asset's title, creator and description. A text typed in a row is saved when the
 * row is applied (Enter, its tick), when the focus leaves it, and before another asset is
 * shown: it activates assets.set-text-fields with (asset id, title, description, creator). */
void mops_inspector_details_show (MopsInspectorDetails *self,
                                  MopsAsset            *asset);

/* Saves what was typed and not saved yet, if anything. */
void mops_inspector_details_save (MopsInspectorDetails *self);

/* Texts typed for asset @id that could not be saved: put back in the rows as typed and not
 * saved, now if @id is shown, else when it is shown next. */
void mops_inspector_details_keep_unsaved (MopsInspectorDetails *self,
                                          gint64                id,
                                          const char           *title,
                                          const char           *description,
                                          const char           *creator);

G_END_DECLS
