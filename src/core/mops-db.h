/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-db.h — library.db's conventions and schema version (its SQL is core's: mops-db-private.h)
 *
 * Conventions for every table (schema v1 is frozen; later versions are numbered migrations):
 *  - calendar dates (starts_on, expires_on, expense date, renews_on, …) are TEXT "YYYY-MM-DD",
 *    budget months TEXT "YYYY-MM";
 *  - instants (imported_at, modified_at, trashed_at, decided_at, published_at, created_at of
 *    rows) are INTEGER Unix seconds, UTC; assets.created_at is the capture date, NULL when the
 *    file does not say;
 *  - publish_at and due_at are TEXT local wall time "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM";
 *  - money is INTEGER minor units beside an ISO 4217 code, never a double;
 *  - "now" comes from mops_clock_now(), which honours MOPS_NOW.
 * Only src/core sees SQL: everything else calls typed functions. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema version this build creates and reads. */
#define MOPS_DB_SCHEMA_VERSION 1

/* PRAGMA application_id of every library.db: "MOPS" */
#define MOPS_DB_APPLICATION_ID 0x4D4F5053

G_END_DECLS
