/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-csv-writer.h — writing CSV exports: RFC 4180 cells, CRLF rows, formulas neutralised */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Every CSV Mops exports follows cli.md: the header is the JSON keys in order; RFC 4180
 * quoting (a cell holding a comma, a double quote, CR or LF is quoted, quotes doubled); rows
 * end in CRLF; UTF-8 without a BOM. A text cell starting with "=", "+", "-", "@", TAB or CR
 * gets a leading "'" so a spreadsheet does not run it as a formula — unless the cell is
 * wholly a number ("-12.50") or a date ("2026-11-23"), which is left alone. */

typedef struct _MopsCsvWriter MopsCsvWriter;

/* A writer that collects the text in memory. Free with mops_csv_writer_free(). */
MopsCsvWriter *mops_csv_writer_new              (void);
void           mops_csv_writer_free             (MopsCsvWriter       *self);

/* Adds one text cell to the current row (NULL = an empty cell), neutralised and quoted as
 * needed. Invalid UTF-8 is replaced. */
void           mops_csv_writer_add_text         (MopsCsvWriter       *self,
                                                 const char          *text);

/* Adds an integer cell. */
void           mops_csv_writer_add_int          (MopsCsvWriter       *self,
                                                 gint64               value);

/* Adds an empty cell (a JSON null). */
void           mops_csv_writer_add_empty        (MopsCsvWriter       *self);

/* Adds a cell for a JSON value: null → empty; integers and doubles as numbers; booleans as
 * "true"/"false"; strings as text; an array of scalars joined with ";" (null items empty);
 * an object or nested array as its compact JSON text. */
void           mops_csv_writer_add_json         (MopsCsvWriter       *self,
                                                 JsonNode            *node);

/* Ends the current row with CRLF (a row with no cell is still one empty line). */
void           mops_csv_writer_end_row          (MopsCsvWriter       *self);

/* Adds a whole row of text cells and ends it: the header. */
void           mops_csv_writer_add_row          (MopsCsvWriter       *self,
                                                 const char * const  *cells,
                                                 guint                n_cells);

/* Adds the members @keys of @object, in that order, and ends the row; a missing member is
 * an empty cell. */
void           mops_csv_writer_add_json_object  (MopsCsvWriter       *self,
                                                 JsonObject          *object,
                                                 const char * const  *keys,
                                                 guint                n_keys);

/* The text so far. Owned by the writer. */
const char    *mops_csv_writer_get_text         (MopsCsvWriter       *self);
gsize          mops_csv_writer_get_length       (MopsCsvWriter       *self);

/* Frees the writer and returns its text. Free with g_free(). */
char          *mops_csv_writer_free_to_text     (MopsCsvWriter       *self,
                                                 gsize               *out_length);

/* A whole export: the header @keys, then one row per object of @array (members in @keys
 * order). Returns the text (g_free()). */
char          *mops_csv_from_json_array         (JsonArray           *array,
                                                 const char * const  *keys,
                                                 guint                n_keys);

/* Appends one cell of @text to @out with the rules above; for writers of other shapes. */
void           mops_csv_append_cell             (GString             *out,
                                                 const char          *text);

/* TRUE when @text is wholly a number ("-12", "12.50") or a date "YYYY-MM-DD", which CSV
 * export never neutralises. */
gboolean       mops_csv_is_plain_value          (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsCsvWriter, mops_csv_writer_free)

G_END_DECLS
