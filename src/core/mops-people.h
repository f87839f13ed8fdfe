/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-people.h — the team members a library records: listing, looking up and adding them */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* A team member as mops_people_add() takes one. */
typedef struct
{
  const char *name;    /* required; surrounding white space is removed */
  const char *role;    /* "Head of Marketing"; NULL = not recorded */
  const char *email;   /* NULL = not recorded */
} MopsPersonInfo;

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

/* Adds a team member with a role and an e-mail address (mops_people_lookup() finds one who
 * is already there, archived or not). An empty name or one that is not UTF-8 is
 * MOPS_ERROR_INVALID; a name the library already has is MOPS_ERROR_EXISTS. Returns the new
 * id, or 0 with @error set. */
gint64   mops_people_add        (MopsLibrary           *library,
                                 const MopsPersonInfo  *info,
                                 GError               **error);

G_END_DECLS
