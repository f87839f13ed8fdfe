/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-details.h — the asset inspector's title, creator and description */

#pragma once

#include <adwaita.h>

#include "core/mops-asset.h"

G_BEGIN_DECLS

#define MOPS_TYPE_INSPECTOR_DETAILS (mops_inspector_details_get_type ())

G_DECLARE_FINAL_TYPE (MopsInspectorDetails, mops_inspector_details, MOPS, INSPECTOR_DETAILS, AdwPreferencesGroup)

/* Shows @asset's title, creator and description. Applying a row activates
 * assets.set-text-fields with (title, description, creator). */
void mops_inspector_details_show (MopsInspectorDetails *self,
                                  MopsAsset            *asset);

G_END_DECLS
