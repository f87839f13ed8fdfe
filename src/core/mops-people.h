/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-people.h — the team members a library records: listing them and adding one by name */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* The id of the person called @name (surrounding white space removed), or 0 when nobody has
 * that name. */
gint64   mops_people_lookup     (MopsLibrary  *library,
                                 const char   *name);

/* Makes sure a person called @name exists and is not archived: returns the existing id, or
 * adds the person and returns the new id. An empty name or one that is not UTF-8 is
 * MOPS_ERROR_INVALID; returns 0 with @error set on failure. */
gint64   mops_people_ensure     (MopsLibrary  *library,
                                 const char   *name,
                                 GError      **error);

G_END_DECLS
