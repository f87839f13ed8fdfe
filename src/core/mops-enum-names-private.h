/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-enum-names-private.h — stable names of core's enums, from the types mkenums registers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The stable English name of @value in enum @type (the nick given in the header with
 * "nick=…"), or NULL for a value the type does not register ("skip": UNSET, NONE). The
 * string is static. */
const char *mops_enum_to_name  (GType        type,
                                int          value);

/* The value whose name is @name in any ASCII case, "-" and "_" alike; FALSE (and *@out_value
 * left alone) for NULL, "" or an unknown name. */
gboolean    mops_enum_from_name (GType        type,
                                 const char  *name,
                                 int         *out_value);

/* The same for one flag of flags @type. */
const char *mops_flag_to_name  (GType        type,
                                guint        flag);
gboolean    mops_flag_from_name (GType        type,
                                 const char  *name,
                                 guint       *out_flag);

G_END_DECLS
