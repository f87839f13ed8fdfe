/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cli.c — mops-cli's entry point: locale, argument parsing, help, library resolution */

#include "config.h"

#define G_LOG_DOMAIN "mops-cli"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "mops-cli-private.h"
#include "core/mops-uninstalled.h"

#define HELP_WIDTH   79

struct _MopsCliInvocation
{
  const MopsCliCommand *command;
  char                 *library_option;  /* --library as given, NULL when absent */
  char                 *library_path;    /* resolved, absolute */
  GHashTable           *options;         /* option name → GPtrArray of values (flags: empty) */
  GPtrArray            *no_values;       /* what get_values() gives for an absent option */
  GPtrArray            *args;
};

/* Options every command takes, before or after COMMAND; --help and --version are handled
 * where they are met. */
static const MopsCliOption global_options[] = {
  { "library", MOPS_CLI_OPTION_VALUE, "DIR",
    N_("The library folder; by default $MOPS_LIBRARY, else the app’s library, "
       "else $XDG_DATA_HOME/mops/library") },
  { NULL }
};

static const MopsCliOption info_options[] = {
  { "json", MOPS_CLI_OPTION_FLAG, NULL, N_("Print one JSON object instead of a summary") },
  { NULL }
};

static const MopsCliOption check_options[] = {
  { "repair", MOPS_CLI_OPTION_FLAG, NULL,
    N_("Remove stale staging folders and orphans older than an hour") },
  { "json", MOPS_CLI_OPTION_FLAG, NULL, N_("Print the report as one JSON object") },
  { NULL }
};

static const MopsCliOption import_options[] = {
  { "reference", MOPS_CLI_OPTION_FLAG, NULL, N_("Keep the files where they are instead of copying them") },
  { "owned", MOPS_CLI_OPTION_FLAG, NULL, N_("The files are our own work: give the new assets one “owned by us” licence") },
  { "tag", MOPS_CLI_OPTION_VALUES, "TAG", N_("Tag the imported assets (repeatable; “Brand/Logos” is a path)") },
  { "json", MOPS_CLI_OPTION_FLAG, NULL, N_("Print the import report as one JSON object") },
  { NULL }
};

static const MopsCliOption search_options[] = {
  { "type", MOPS_CLI_OPTION_VALUES, "TYPE",
    N_("image, vector, document, font, video or other (repeatable: any of them)") },
  { "tag", MOPS_CLI_OPTION_VALUES, "TAG", N_("Only assets with this tag or one below it (repeatable: all of them)") },
  { "licence", MOPS_CLI_OPTION_VALUE, "STATUS", N_("Only assets whose licence is active, expiring, expired, pending or missing") },
  { "json", MOPS_CLI_OPTION_FLAG, NULL, N_("Print one JSON array") },
  { NULL }
};

static const MopsCliOption licence_options[] = {
  { "kind", MOPS_CLI_OPTION_VALUE, "KIND",
    N_("owned, royalty_free, rights_managed, creative_commons, editorial or other") },
  { "cc-variant", MOPS_CLI_OPTION_VALUE, "VARIANT", N_("BY, BY-SA, BY-ND, BY-NC, BY-NC-SA, BY-NC-ND or CC0") },
  { "cc-version", MOPS_CLI_OPTION_VALUE, "VERSION", N_("The Creative Commons version, such as 4.0") },
  { "licensor", MOPS_CLI_OPTION_VALUE, "NAME", N_("Who granted the licence") },
  { "starts", MOPS_CLI_OPTION_VALUE, "DATE", N_("First day covered (YYYY-MM-DD); open by default") },
  { "expires", MOPS_CLI_OPTION_VALUE, "DATE", N_("Last day covered (YYYY-MM-DD); perpetual by default") },
  { "channels", MOPS_CLI_OPTION_VALUE, "MEDIA", N_("web,social,print,broadcast,outdoor,email; all by default") },
  { "territories", MOPS_CLI_OPTION_VALUE, "CODES", N_("ISO country codes such as DE,FR, or worldwide (the default)") },
  { "cost", MOPS_CLI_OPTION_VALUE, "AMOUNT", N_("What it cost, such as 12.50 (needs --currency)") },
  { "currency", MOPS_CLI_OPTION_VALUE, "CODE", N_("An ISO 4217 currency code, such as EUR") },
  { "attribution", MOPS_CLI_OPTION_VALUE, "TEXT", N_("The credit line the licence asks for") },
  { "model-release", MOPS_CLI_OPTION_VALUE, "RELEASE", N_("none, unlimited, limited or not_applicable") },
  { "property-release", MOPS_CLI_OPTION_VALUE, "RELEASE", N_("none, unlimited, limited or not_applicable") },
  { "contract", MOPS_CLI_OPTION_VALUE, "ASSET_ID", N_("The signed contract, an asset of the library") },
  { "reference", MOPS_CLI_OPTION_VALUE, "TEXT", N_("The licensor’s licence or order number") },
  { "notes", MOPS_CLI_OPTION_VALUE, "TEXT", N_("Anything else worth knowing") },
  { NULL }
};

static const MopsCliOption licences_options[] = {
  { "status", MOPS_CLI_OPTION_VALUE, "STATUS", N_("Only active, expiring, expired, pending or missing") },
  { "within", MOPS_CLI_OPTION_VALUE, "DAYS", N_("Days before expiry that count as expiring (the library’s setting by default)") },
  { "json", MOPS_CLI_OPTION_FLAG, NULL, N_("Print one JSON array") },
  { "csv", MOPS_CLI_OPTION_FLAG, NULL, N_("Print CSV (RFC 4180, formula cells neutralised)") },
  { NULL }
};

static const MopsCliOption thumbs_options[] = {
  { "size", MOPS_CLI_OPTION_VALUE, "256|512", N_("Make only this size (both by default)") },
  { "json", MOPS_CLI_OPTION_FLAG, NULL, N_("Print the report as one JSON object") },
  { NULL }
};

static const MopsCliOption calendar_options[] = {
  { "title", MOPS_CLI_OPTION_VALUE, "TITLE", N_("add: the item’s title (required)") },
  { "publish", MOPS_CLI_OPTION_VALUE, "DATE[THH:MM]", N_("add: when it goes out, local time; none leaves it unscheduled") },
  { "status", MOPS_CLI_OPTION_VALUE, "STATUS", N_("add: idea (the default), draft, in_review, approved, scheduled or published") },
  { "channel", MOPS_CLI_OPTION_VALUE, "CHANNEL", N_("add: a channel’s name, or a medium such as email (its first channel)") },
  { "campaign", MOPS_CLI_OPTION_VALUE, "NAME", N_("add: the campaign, added when the library has none of that name") },
  { "owner", MOPS_CLI_OPTION_VALUE, "PERSON", N_("add: who owns it, added when the library has nobody of that name") },
  { "asset", MOPS_CLI_OPTION_VALUES, "ID", N_("add: link an asset (repeatable)") },
  { "rrule", MOPS_CLI_OPTION_VALUE, "RULE", N_("add: repeat it, such as FREQ=WEEKLY;BYDAY=TU (DAILY, WEEKLY or MONTHLY)") },
  { "brief", MOPS_CLI_OPTION_VALUE, "TEXT", N_("add: what it is about") },
  { "due", MOPS_CLI_OPTION_VALUE, "DATE[THH:MM]", N_("add: when it must be ready") },
  { "from", MOPS_CLI_OPTION_VALUE, "DATE", N_("list: the first day (YYYY-MM-DD)") },
  { "to", MOPS_CLI_OPTION_VALUE, "DATE", N_("list: the last day (YYYY-MM-DD)") },
  { "json", MOPS_CLI_OPTION_FLAG, NULL, N_("list, import-ics, warnings: print JSON") },
  { NULL }
};

static const MopsCliOption no_options[] = {
  { NULL }
};

static const MopsCliCommand commands[] = {
  { "init", "", N_("Create an empty library (a no-op if one exists)"),
    N_("Creates an empty library in the library folder, creating the folder when it is "
       "missing. Nothing happens when the folder already holds a library; a folder that "
       "holds other files is refused."),
    no_options, 0, 0, mops_cli_run_init },
  { "info", "[--json]", N_("Show the library’s schema version and counts"),
    N_("Shows the library’s folder, its schema version and how many assets, tags, licences, "
       "content items, expenses, brand kits and other records it holds. Assets in the Trash "
       "are counted apart."),
    info_options, 0, 0, mops_cli_run_info },
  { "demo", "", N_("Fill an empty library with the demo data set"),
    N_("Fills an empty library with the demo data set, creating the library first when the "
       "folder is missing or empty. A library that already holds assets, licences, content "
       "items, expenses or brand kits is refused."),
    no_options, 0, 0, mops_cli_run_demo },
  { "check", "[--repair] [--json]", N_("Check the database and the stored files"),
    N_("Checks the integrity of the database and that every asset’s file is there, and lists "
       "files no asset uses and staging folders left by interrupted work. Nothing is changed "
       "unless --repair is given. Exits with 0 when the library is consistent (orphan files "
       "and stale staging folders are garbage, not inconsistency), else with 1; the report is "
       "printed either way."),
    check_options, 0, 0, mops_cli_run_check },
  { "import", "[--reference] [--owned] [--tag T]… [--json] PATH…", N_("Import files and folders"),
    N_("Copies files into the library (or, with --reference, records where they are), folders "
       "recursively; identical content is stored once. Hidden files, macOS and Windows litter and "
       "symlinked folders are skipped. Zero-byte, unreadable and vanished files are reported as "
       "failed and the rest is imported; exits with 1 when any file failed."),
    import_options, 1, G_MAXUINT, mops_cli_run_import },
  { "search", "[--json] [--type T]… [--tag T]… [--licence STATUS] [QUERY]", N_("Find assets"),
    N_("Lists the assets whose title, name, description, creator, tags or licensor contain every "
       "word of QUERY (in any case; double quotes keep a phrase), ordered by id. Without a query, "
       "every asset. Assets in the Trash are left out."),
    search_options, 0, G_MAXUINT, mops_cli_run_search },
  { "tag", "add|remove TAG ASSET_ID…", N_("Add or remove a tag on assets"),
    N_("Adds the tag (creating it and its parents; “Brand/Logos/Mono” is a path, “\\/” a "
       "literal slash) to the assets, or removes exactly that tag from them. Every id is checked "
       "first: an unknown one changes nothing."),
    no_options, 3, G_MAXUINT, mops_cli_run_tag },
  { "thumbs", "[--size 256|512] [--json]", N_("Make the missing thumbnails"),
    N_("Makes the thumbnails that are missing from the cache, decoding each file once. Files that "
       "cannot be previewed are listed; that is a state, not a failure."),
    thumbs_options, 0, 0, mops_cli_run_thumbs },
  { "licence", "set ASSET_ID --kind K [OPTION…] | attach|detach LICENCE_ID ASSET_ID…",
    N_("Record a licence, or link one to assets"),
    N_("“licence set” records a new licence for one asset and prints its id. “licence attach” "
       "and “licence detach” link one licence to several assets or unlink it (one agency "
       "agreement can cover many photos); every id is checked first."),
    licence_options, 2, G_MAXUINT, mops_cli_run_licence },
  { "licences", "[--status S] [--within DAYS] [--json|--csv]", N_("List the licence status of every asset"),
    N_("One row per asset that has or needs a licence, for its current licence, ordered by "
       "expiry date: active, expiring (within the warning period), expired, pending (starts "
       "later) or missing."),
    licences_options, 0, 0, mops_cli_run_licences },
  { "calendar", "add --title T [OPTION…] | list [--from DATE] [--to DATE] [--json] | export-ics FILE | import-ics FILE | warnings [--json]",
    N_("Plan content: add and list items, exchange iCalendar files, list warnings"),
    N_("“calendar add” adds a content item and prints its id; without --publish it is "
       "unscheduled. “calendar list” lists the items of a range (recurring ones once per "
       "occurrence), or every item without one. “calendar export-ics” writes the whole "
       "calendar as an iCalendar file; “calendar import-ics” reads one, by UID: importing the "
       "same file again changes nothing, and a broken file changes nothing at all. "
       "“calendar warnings” lists planned content whose assets’ licences do not cover it or "
       "that do not fit their channel, one row per problem with its reason."),
    calendar_options, 1, 2, mops_cli_run_calendar },
};

static void
invocation_free (MopsCliInvocation *invocation)
{
  g_free (invocation->library_option);
  g_free (invocation->library_path);
  g_hash_table_unref (invocation->options);
  g_ptr_array_unref (invocation->args);
  g_ptr_array_unref (invocation->no_values);
  g_free (invocation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsCliInvocation, invocation_free)

static MopsCliInvocation *
invocation_new (void)
{
  MopsCliInvocation *invocation = g_new0 (MopsCliInvocation, 1);

  invocation->options = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  invocation->args = g_ptr_array_new_with_free_func (g_free);
  invocation->no_values = g_ptr_array_new ();
  return invocation;
}

/* An argument as typed, safe to put in a UTF-8 message. */
static char *
display_argument (const char *arg)
{
  return g_utf8_make_valid (arg, -1);
}

/* Help ---------------------------------------------------------------------------------- */

/* Prints @text wrapped at HELP_WIDTH columns. The cursor stands at @column (0 at the start of
 * a line); every line after the first is indented by @indent spaces. */
static void
print_wrapped (const char *text,
               int         column,
               int         indent)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  glong position = column;
  gboolean line_empty = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong length = g_utf8_strlen (words[i], -1);

      if (!line_empty && position + 1 + length > HELP_WIDTH)
        {
          g_print ("\n%*s", indent, "");
          position = indent;
          line_empty = TRUE;
        }

      if (line_empty)
        {
          g_print ("%s", words[i]);
          position += length;
          line_empty = FALSE;
        }
      else
        {
          g_print (" %s", words[i]);
          position += 1 + length;
        }
    }

  g_print ("\n");
}

/* "  LEFT   Summary" rows; a LEFT too long for the column gets the summary on its own line. */
static void
print_help_row (const char *left,
                const char *summary,
                int         column)
{
  glong length = g_utf8_strlen (left, -1);

  if (length + 4 > column)
    g_print ("  %s\n%*s", left, column, "");
  else
    g_print ("  %s%*s", left, (int) (column - 2 - length), "");

  print_wrapped (summary, column, column);
}

static char *
format_option (const MopsCliOption *option)
{
  if (option->value_name != NULL)
    return g_strdup_printf ("--%s %s", option->name, option->value_name);

  return g_strdup_printf ("--%s", option->name);
}

static void
print_general_help (void)
{
  int column = 4;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].synopsis);
      column = MAX (column, (int) strlen (g_strchomp (left)) + 4);
    }
  column = MIN (column, 36);

  g_print (_("Usage: %s [--library DIR] COMMAND [OPTIONS…] [ARGUMENTS…]"), MOPS_CLI_PROGRAM_NAME);
  g_print ("\n\n");
  print_wrapped (_("Works with a Mops library from scripts, CI and the terminal. Options may "
                   "stand anywhere after COMMAND, --library before or after it; “--” ends "
                   "the options."), 0, 0);
  g_print ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].synopsis);

      print_help_row (g_strchomp (left), _(commands[i].summary), column);
    }

  g_print ("\n%s\n", _("Options:"));
  for (guint i = 0; global_options[i].name != NULL; i++)
    {
      g_autofree char *left = format_option (&global_options[i]);

      print_help_row (left, _(global_options[i].description), 18);
    }
  print_help_row ("-h, --help", _("Show this help; “mops-cli COMMAND --help” describes one command"), 18);
  print_help_row ("--version", _("Show the version"), 18);

  g_print ("\n");
  print_wrapped (_("Exit status: 0 when done, 1 when the request cannot be done (one line on "
                   "standard error says why), 2 for bad usage."), 0, 0);
}

static void
print_command_help (const MopsCliCommand *command)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command->name, command->synopsis);
  int column = 18;

  g_print (_("Usage: %s [--library DIR] %s"), MOPS_CLI_PROGRAM_NAME, g_strchomp (usage));
  g_print ("\n\n");
  print_wrapped (_(command->description), 0, 0);

  for (guint i = 0; command->options[i].name != NULL; i++)
    {
      g_autofree char *left = format_option (&command->options[i]);
      column = MAX (column, (int) g_utf8_strlen (left, -1) + 4);
    }

  g_print ("\n%s\n", _("Options:"));
  for (guint i = 0; command->options[i].name != NULL; i++)
    {
      g_autofree char *left = format_option (&command->options[i]);

      print_help_row (left, _(command->options[i].description), column);
    }
  for (guint i = 0; global_options[i].name != NULL; i++)
    {
      g_autofree char *left = format_option (&global_options[i]);

      print_help_row (left, _(global_options[i].description), column);
    }
  print_help_row ("-h, --help", _("Show this help"), column);
}

/* Parsing ------------------------------------------------------------------------------- */

static const MopsCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

static const MopsCliOption *
find_option (const MopsCliOption *options,
             const char          *name,
             gsize                name_length)
{
  for (guint i = 0; options != NULL && options[i].name != NULL; i++)
    {
      if (strlen (options[i].name) == name_length &&
          strncmp (options[i].name, name, name_length) == 0)
        return &options[i];
    }

  return NULL;
}

static void
store_option (MopsCliInvocation   *invocation,
              const MopsCliOption *option,
              const char          *value)
{
  GPtrArray *values = g_hash_table_lookup (invocation->options, option->name);

  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (invocation->options, (gpointer) option->name, values);
    }

  if (option->kind == MOPS_CLI_OPTION_VALUE)
    g_ptr_array_set_size (values, 0);
  if (value != NULL)
    g_ptr_array_add (values, g_strdup (value));
}

/* Handles the long option @arg ("--name" or "--name=value"); it may take the next argument as
 * its value. Returns -1 to go on, else an exit status. */
static int
parse_long_option (MopsCliInvocation  *invocation,
                   char              **argv,
                   int                 argc,
                   int                *index)
{
  const char *arg = argv[*index];
  const char *name = arg + 2;
  const char *equals = strchr (name, '=');
  gsize name_length = equals != NULL ? (gsize) (equals - name) : strlen (name);
  const MopsCliOption *option;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  const char *value = NULL;

  option = find_option (global_options, name, name_length);
  if (option == NULL && invocation->command != NULL)
    option = find_option (invocation->command->options, name, name_length);

  {
    g_autofree char *typed = g_strndup (arg, (gsize) (name - arg) + name_length);
    shown = display_argument (typed);
  }

  if (option == NULL)
    {
      message = g_strdup_printf (_("unknown option “%s”"), shown);
      return mops_cli_print_usage_error (invocation->command, message);
    }

  if (option->kind == MOPS_CLI_OPTION_FLAG)
    {
      if (equals != NULL)
        {
          message = g_strdup_printf (_("option “%s” takes no value"), shown);
          return mops_cli_print_usage_error (invocation->command, message);
        }
    }
  else if (equals != NULL)
    value = equals + 1;
  else if (*index + 1 < argc)
    value = argv[++*index];

  if (option->kind != MOPS_CLI_OPTION_FLAG && (value == NULL || *value == '\0'))
    {
      message = g_strdup_printf (_("option “%s” needs a value"), shown);
      return mops_cli_print_usage_error (invocation->command, message);
    }

  if (strcmp (option->name, "library") == 0)
    {
      g_free (invocation->library_option);
      invocation->library_option = g_strdup (value);
      return -1;
    }

  store_option (invocation, option, value);
  return -1;
}

/* Returns -1 when the command should run, else the exit status (help and version are 0). */
static int
parse_arguments (MopsCliInvocation  *invocation,
                 int                 argc,
                 char              **argv)
{
  gboolean options_ended = FALSE;
  const MopsCliCommand *command;
  g_autofree char *message = NULL;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *shown = NULL;
      int status;

      if (!options_ended && strcmp (arg, "--") == 0)
        {
          options_ended = TRUE;
          continue;
        }

      if (!options_ended && arg[0] == '-' && arg[1] != '\0')
        {
          if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
            {
              if (invocation->command != NULL)
                print_command_help (invocation->command);
              else
                print_general_help ();
              return MOPS_CLI_EXIT_OK;
            }

          if (strcmp (arg, "--version") == 0)
            {
              g_print ("%s %s\n", MOPS_CLI_PROGRAM_NAME, PACKAGE_VERSION);
              return MOPS_CLI_EXIT_OK;
            }

          if (arg[1] != '-')
            {
              shown = display_argument (arg);
              message = g_strdup_printf (_("unknown option “%s”"), shown);
              return mops_cli_print_usage_error (invocation->command, message);
            }

          status = parse_long_option (invocation, argv, argc, &i);
          if (status >= 0)
            return status;
          continue;
        }

      if (invocation->command == NULL)
        {
          invocation->command = find_command (arg);
          if (invocation->command == NULL)
            {
              shown = display_argument (arg);
              message = g_strdup_printf (_("unknown command “%s”"), shown);
              return mops_cli_print_usage_error (NULL, message);
            }
          continue;
        }

      if (invocation->args->len >= invocation->command->max_args)
        {
          shown = display_argument (arg);
          message = g_strdup_printf (_("unexpected argument “%s”"), shown);
          return mops_cli_print_usage_error (invocation->command, message);
        }

      g_ptr_array_add (invocation->args, g_strdup (arg));
    }

  command = invocation->command;
  if (command == NULL)
    return mops_cli_print_usage_error (NULL, _("no command given"));

  if (invocation->args->len < command->min_args)
    {
      message = g_strdup_printf (_("“%s” needs more arguments"), command->name);
      return mops_cli_print_usage_error (command, message);
    }

  return -1;
}

/* The library --------------------------------------------------------------------------- */

/* The app's library-path setting, only when its schema is installed: g_settings_new() on a
 * missing schema aborts. NULL when unset. */
static char *
dup_settings_library_path (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "library-path"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  value = g_settings_get_string (settings, "library-path");
  if (value == NULL || *value == '\0')
    return NULL;

  return g_filename_from_utf8 (value, -1, NULL, NULL, NULL);
}

static char *
resolve_library_path (const char *option)
{
  const char *env = g_getenv ("MOPS_LIBRARY");
  g_autofree char *chosen = NULL;

  if (option != NULL)
    chosen = g_strdup (option);
  else if (env != NULL && *env != '\0')
    chosen = g_strdup (env);
  else
    chosen = dup_settings_library_path ();

  if (chosen == NULL)
    chosen = mops_library_get_default_path ();

  return g_canonicalize_filename (chosen, NULL);
}

MopsLibrary *
mops_cli_open_library (MopsCliInvocation     *invocation,
                       MopsLibraryOpenFlags   flags,
                       GError               **error)
{
  return mops_library_open (invocation->library_path, flags, error);
}

/* Accessors ----------------------------------------------------------------------------- */

const MopsCliCommand *
mops_cli_invocation_get_command (MopsCliInvocation *invocation)
{
  return invocation->command;
}

const char *
mops_cli_invocation_get_library_path (MopsCliInvocation *invocation)
{
  return invocation->library_path;
}

gboolean
mops_cli_invocation_has_option (MopsCliInvocation *invocation,
                                const char        *name)
{
  return g_hash_table_contains (invocation->options, name);
}

const char *
mops_cli_invocation_get_value (MopsCliInvocation *invocation,
                               const char        *name)
{
  GPtrArray *values = g_hash_table_lookup (invocation->options, name);

  if (values == NULL || values->len == 0)
    return NULL;

  return g_ptr_array_index (values, values->len - 1);
}

GPtrArray *
mops_cli_invocation_get_values (MopsCliInvocation *invocation,
                                const char        *name)
{
  GPtrArray *values = g_hash_table_lookup (invocation->options, name);

  return values != NULL ? values : invocation->no_values;
}

guint
mops_cli_invocation_get_n_args (MopsCliInvocation *invocation)
{
  return invocation->args->len;
}

const char *
mops_cli_invocation_get_arg (MopsCliInvocation *invocation,
                             guint              index)
{
  g_return_val_if_fail (index < invocation->args->len, NULL);

  return g_ptr_array_index (invocation->args, index);
}

/* main ---------------------------------------------------------------------------------- */

/* The user's locale for messages; a UTF-8 LC_CTYPE whatever it is, so that file names and
 * archive entries are read as UTF-8 (design §12). */
static void
setup_locale (void)
{
  const char *localedir = g_getenv ("MOPS_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MopsCliInvocation) invocation = NULL;
  int status;

  mops_uninstalled_setup ();
  setup_locale ();
  g_set_prgname (MOPS_CLI_PROGRAM_NAME);

  invocation = invocation_new ();
  status = parse_arguments (invocation, argc, argv);
  if (status >= 0)
    return status;

  invocation->library_path = resolve_library_path (invocation->library_option);
  return invocation->command->run (invocation);
}
