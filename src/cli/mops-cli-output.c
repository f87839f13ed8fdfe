/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cli-output.c — how mops-cli speaks: error lines on stderr, JSON and tables on stdout */

#include "config.h"

#define G_LOG_DOMAIN "mops-cli"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mops-cli-private.h"

/* Prints "mops-cli: MESSAGE" on one line of stderr, whatever newlines MESSAGE holds. */
static void
print_error_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("%s: %s\n", MOPS_CLI_PROGRAM_NAME, line);
}

int
mops_cli_fail (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (message);
  return MOPS_CLI_EXIT_FAILED;
}

int
mops_cli_fail_with_error (const GError *error)
{
  print_error_line (error->message);
  return MOPS_CLI_EXIT_FAILED;
}

int
mops_cli_print_usage_error (const MopsCliCommand *command,
                            const char           *message)
{
  g_autofree char *help = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *line = NULL;

  if (command != NULL)
    help = g_strdup_printf ("%s %s --help", MOPS_CLI_PROGRAM_NAME, command->name);
  else
    help = g_strdup_printf ("%s --help", MOPS_CLI_PROGRAM_NAME);

  /* TRANSLATORS: %s is a command line such as “mops-cli check --help” */
  hint = g_strdup_printf (_("(see %s)"), help);
  line = g_strdup_printf ("%s %s", message, hint);
  print_error_line (line);
  return MOPS_CLI_EXIT_USAGE;
}

int
mops_cli_usage_error (MopsCliInvocation *invocation,
                      const char        *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return mops_cli_print_usage_error (mops_cli_invocation_get_command (invocation), message);
}

gboolean
mops_cli_print_json (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);

  /* Raw bytes: g_print() would convert to the locale's charset and lose characters. */
  if (fwrite (data, 1, length, stdout) != length || fputc ('\n', stdout) == EOF ||
      fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write to the standard output"));
      return FALSE;
    }

  return TRUE;
}

void
mops_cli_print_table (const char *const *rows)
{
  glong width = 0;

  for (guint i = 0; rows[i] != NULL && rows[i + 1] != NULL; i += 2)
    width = MAX (width, g_utf8_strlen (rows[i], -1));

  for (guint i = 0; rows[i] != NULL && rows[i + 1] != NULL; i += 2)
    {
      glong pad = width - g_utf8_strlen (rows[i], -1);

      /* TRANSLATORS: a label and its value in mops-cli's summaries, e.g. “Assets: 12” */
      g_print (_("%s:"), rows[i]);
      g_print ("%*s %s\n", (int) pad, "", rows[i + 1]);
    }
}
