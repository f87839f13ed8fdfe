/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-fill.h — a generated library of many assets and the figures' statistics, shared by
 * the benchmarks */

#pragma once

#include "core/mops-library.h"

G_BEGIN_DECLS

/* Words the generated titles and names are made of (some CJK, Cyrillic, German). */
extern const char *bench_words[];
extern const guint bench_n_words;

/* Writes @n_assets assets (ids 1…@n_assets, 10 % SVG, the rest JPEG, 30 % of titles with
 * "campaign"), one tag each from a small tree, straight into SQLite in one transaction, then
 * ANALYZE. The rows have no files: import is measured elsewhere. With @previews_done every
 * row's preview_state is 'ok', as in a library whose previews were made long ago, so the app
 * does not start making them. Deterministic: the same rows every time. */
void bench_fill_library (MopsLibrary *library,
                         guint        n_assets,
                         gboolean     previews_done);

/* The @p-th quantile (0 = the smallest, 0.5 = the median, 1 = the largest) of @samples
 * (doubles); sorts them. */
double bench_percentile (GArray *samples,
                         double  p);

G_END_DECLS
