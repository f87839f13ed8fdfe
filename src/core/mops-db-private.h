/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-db-private.h — the migration table, visible to core and to the migration tests */

#pragma once

#include "mops-db.h"

G_BEGIN_DECLS

typedef gboolean (*MopsMigrationFunc) (sqlite3  *db,
                                       GError  **error);

/* One step from version - 1 to version: SQL, or a function for steps SQL cannot say. */
typedef struct
{
  int                version;
  const char        *sql;
  MopsMigrationFunc  func;
} MopsMigration;

extern const char mops_schema_v1_sql[];

/* The migrations of this build, in order; *n_migrations is set to their count. */
const MopsMigration *mops_db_get_migrations (guint *n_migrations);

/* mops_db_open() with another migration table: the tests inject a version 2 this way. */
sqlite3 *mops_db_open_with_migrations (const char          *path,
                                       MopsDbOpenFlags      flags,
                                       const MopsMigration *migrations,
                                       guint                n_migrations,
                                       GError             **error);

G_END_DECLS
