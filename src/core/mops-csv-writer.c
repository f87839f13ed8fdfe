/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-csv-writer.c — writing CSV exports: RFC 4180 cells, CRLF rows, formulas neutralised */

#include "config.h"

#define G_LOG_DOMAIN "mops-csv"

#include <string.h>

#include "mops-csv-writer.h"

struct _MopsCsvWriter
{
  GString  *out;
  gboolean  row_has_cells;
};

MopsCsvWriter *
mops_csv_writer_new (void)
{
  MopsCsvWriter *self = g_new0 (MopsCsvWriter, 1);

  self->out = g_string_new (NULL);
  return self;
}

void
mops_csv_writer_free (MopsCsvWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_free (self);
}

char *
mops_csv_writer_free_to_text (MopsCsvWriter *self,
                              gsize         *out_length)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (out_length != NULL)
    *out_length = self->out->len;
  text = g_string_free (self->out, FALSE);
  g_free (self);
  return text;
}

const char *
mops_csv_writer_get_text (MopsCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->out->str;
}

gsize
mops_csv_writer_get_length (MopsCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->out->len;
}

static const char *
skip_digits (const char *p)
{
  while (g_ascii_isdigit (*p))
    p++;
  return p;
}

/* -?D+(.D+)?([eE][+-]?D+)? */
static gboolean
is_number (const char *text)
{
  const char *p = text;
  const char *end;

  if (*p == '-')
    p++;

  end = skip_digits (p);
  if (end == p)
    return FALSE;
  p = end;

  if (*p == '.')
    {
      end = skip_digits (++p);
      if (end == p)
        return FALSE;
      p = end;
    }

  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      end = skip_digits (p);
      if (end == p)
        return FALSE;
      p = end;
    }

  return *p == '\0';
}

/* YYYY-MM-DD by shape; a date always starts with a digit, so it never needs neutralising. */
static gboolean
is_date (const char *text)
{
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return text[10] == '\0';
}

gboolean
mops_csv_is_plain_value (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  return is_number (text) || is_date (text);
}

void
mops_csv_append_cell (GString    *out,
                      const char *text)
{
  g_autofree char *valid = NULL;
  gboolean neutralise, quote;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* A spreadsheet runs these as formulas (CSV injection); a leading ' makes them text. */
  neutralise = strchr ("=+-@\t\r", text[0]) != NULL && !mops_csv_is_plain_value (text);
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');

  if (quote)
    {
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

static void
begin_cell (MopsCsvWriter *self)
{
  if (self->row_has_cells)
    g_string_append_c (self->out, ',');
  self->row_has_cells = TRUE;
}

void
mops_csv_writer_add_text (MopsCsvWriter *self,
                          const char    *text)
{
  g_return_if_fail (self != NULL);

  begin_cell (self);
  mops_csv_append_cell (self->out, text);
}

void
mops_csv_writer_add_int (MopsCsvWriter *self,
                         gint64         value)
{
  g_return_if_fail (self != NULL);

  begin_cell (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
mops_csv_writer_add_empty (MopsCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_cell (self);
}

/* The text of a scalar JSON value for a cell; NULL for null. Free with g_free(). */
static char *
scalar_to_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    default:
      return json_to_string (node, FALSE);
    }
}

void
mops_csv_writer_add_json (MopsCsvWriter *self,
                          JsonNode      *node)
{
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          g_autofree char *item_text = scalar_to_text (item);

          if (i > 0)
            g_string_append_c (joined, ';');
          if (item_text != NULL)
            g_string_append (joined, item_text);
        }

      mops_csv_writer_add_text (self, joined->str);
      return;
    }

  text = scalar_to_text (node);
  mops_csv_writer_add_text (self, text);
}

void
mops_csv_writer_end_row (MopsCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->out, "\r\n");
  self->row_has_cells = FALSE;
}

void
mops_csv_writer_add_row (MopsCsvWriter      *self,
                         const char * const *cells,
                         guint               n_cells)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < n_cells; i++)
    mops_csv_writer_add_text (self, cells[i]);
  mops_csv_writer_end_row (self);
}

void
mops_csv_writer_add_json_object (MopsCsvWriter      *self,
                                 JsonObject         *object,
                                 const char * const *keys,
                                 guint               n_keys)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (object != NULL);

  for (guint i = 0; i < n_keys; i++)
    mops_csv_writer_add_json (self, json_object_get_member (object, keys[i]));
  mops_csv_writer_end_row (self);
}

char *
mops_csv_from_json_array (JsonArray          *array,
                          const char * const *keys,
                          guint               n_keys)
{
  MopsCsvWriter *writer = mops_csv_writer_new ();

  mops_csv_writer_add_row (writer, keys, n_keys);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        mops_csv_writer_add_json_object (writer, json_node_get_object (node), keys, n_keys);
    }

  return mops_csv_writer_free_to_text (writer, NULL);
}
