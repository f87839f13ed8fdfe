/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-licence.h — the asset inspector's licence status, with Edit and New Licence */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_INSPECTOR_LICENCE (mops_inspector_licence_get_type ())

G_DECLARE_FINAL_TYPE (MopsInspectorLicence, mops_inspector_licence, MOPS, INSPECTOR_LICENCE, AdwPreferencesGroup)

/* Properties: "library" (set once, before the first asset), "licence-id" (read-only: the
 * licence of the asset shown, 0 for none). Its buttons use assets.edit-licence and
 * assets.new-licence. */

/* Reads and shows where asset @asset_id's licence stands; with @n_selected > 1 the edit
 * button offers to add the selection to that licence. */
void    mops_inspector_licence_show           (MopsInspectorLicence *self,
                                               gint64                asset_id,
                                               guint                 n_selected);

gint64  mops_inspector_licence_get_licence_id (MopsInspectorLicence *self);

G_END_DECLS
