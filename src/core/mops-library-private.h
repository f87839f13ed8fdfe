/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-library-private.h — what core modules alone may ask of a library */

#pragma once

#include "mops-db.h"
#include "mops-library.h"

G_BEGIN_DECLS

/* A statement on the library's own connection, prepared on first use and kept until the
 * library goes, so writing many rows one call at a time (a bulk load through the domain
 * functions) prepares each statement once. Returned reset and without bindings; the library
 * owns it. Step it to its end (or reset it) before returning to the caller: a statement left
 * on a row holds a read transaction open. NULL with @error set when @sql does not prepare. */
sqlite3_stmt *mops_library_prepare_cached (MopsLibrary  *self,
                                           const char   *sql,
                                           GError      **error);

G_END_DECLS
