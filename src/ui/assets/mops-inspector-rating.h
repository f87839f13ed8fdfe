/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-rating.h — the asset inspector's rating stars and colour label */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MOPS_TYPE_INSPECTOR_RATING (mops_inspector_rating_get_type ())

G_DECLARE_FINAL_TYPE (MopsInspectorRating, mops_inspector_rating, MOPS, INSPECTOR_RATING, AdwPreferencesGroup)

/* Shows @rating (0–5) and @color_label (one of mops_assets_color_labels() or NULL) without
 * changing anything. A star a person clicks activates assets.rate; a colour label,
 * assets.set-color-label ("" for none). */
void mops_inspector_rating_show (MopsInspectorRating *self,
                                 int                  rating,
                                 const char          *color_label);

G_END_DECLS
