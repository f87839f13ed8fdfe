/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cli-private.h — what the mops-cli command files share: the command table and helpers */

#pragma once

#include <json-glib/json-glib.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_CLI_PROGRAM_NAME "mops-cli"

/* Exit statuses of cli.md. */
typedef enum
{
  MOPS_CLI_EXIT_OK     = 0,
  MOPS_CLI_EXIT_FAILED = 1,  /* well-formed, but it cannot be done */
  MOPS_CLI_EXIT_USAGE  = 2,  /* unknown command or option, missing or malformed value */
} MopsCliExit;

typedef enum
{
  MOPS_CLI_OPTION_FLAG,    /* --json */
  MOPS_CLI_OPTION_VALUE,   /* --size 256 or --size=256; given twice, the last wins */
  MOPS_CLI_OPTION_VALUES,  /* --tag T, repeatable: every value is kept, in order */
} MopsCliOptionKind;

typedef struct
{
  const char        *name;         /* without the leading "--" */
  MopsCliOptionKind  kind;
  const char        *value_name;   /* "DIR", "FILE"… (untranslated); NULL for flags */
  const char        *description;  /* N_(): one line for COMMAND --help */
} MopsCliOption;

typedef struct _MopsCliInvocation MopsCliInvocation;

/* Runs a command whose arguments have been parsed; returns a MopsCliExit. Failures print
 * one line on stderr (mops_cli_fail() and friends). */
typedef int (*MopsCliRunFunc) (MopsCliInvocation *invocation);

typedef struct
{
  const char          *name;
  const char          *synopsis;     /* what follows the name in usage lines (untranslated) */
  const char          *summary;      /* N_(): one line for mops-cli --help */
  const char          *description;  /* N_(): a paragraph for mops-cli COMMAND --help */
  const MopsCliOption *options;      /* ended by an entry whose name is NULL */
  guint                min_args;
  guint                max_args;
  MopsCliRunFunc       run;
} MopsCliCommand;

const MopsCliCommand *mops_cli_invocation_get_command      (MopsCliInvocation *invocation);

/* The library folder (absolute, in the file system's encoding) chosen by --library,
 * $MOPS_LIBRARY, the app's library-path setting or the default, in that order. */
const char           *mops_cli_invocation_get_library_path (MopsCliInvocation *invocation);

/* TRUE when the option @name (without "--") was given. */
gboolean              mops_cli_invocation_has_option       (MopsCliInvocation *invocation,
                                                            const char        *name);

/* The value of a MOPS_CLI_OPTION_VALUE option (the last one given), or NULL. */
const char           *mops_cli_invocation_get_value        (MopsCliInvocation *invocation,
                                                            const char        *name);

/* Every value of a MOPS_CLI_OPTION_VALUES option in order; never NULL (may be empty). */
GPtrArray            *mops_cli_invocation_get_values       (MopsCliInvocation *invocation,
                                                            const char        *name);

/* The positional arguments after the command name. */
guint                 mops_cli_invocation_get_n_args       (MopsCliInvocation *invocation);
const char           *mops_cli_invocation_get_arg          (MopsCliInvocation *invocation,
                                                            guint              index);

/* Opens the invocation's library with @flags. */
MopsLibrary          *mops_cli_open_library                (MopsCliInvocation    *invocation,
                                                            MopsLibraryOpenFlags  flags,
                                                            GError              **error);

/* Prints "mops-cli: MESSAGE" as one line on stderr and returns MOPS_CLI_EXIT_FAILED. */
int                   mops_cli_fail                        (const char *format,
                                                            ...) G_GNUC_PRINTF (1, 2);
int                   mops_cli_fail_with_error             (const GError *error);

/* A malformed value: "mops-cli: MESSAGE (see mops-cli COMMAND --help)" on stderr; returns
 * MOPS_CLI_EXIT_USAGE. */
int                   mops_cli_usage_error                 (MopsCliInvocation *invocation,
                                                            const char        *format,
                                                            ...) G_GNUC_PRINTF (2, 3);

/* The same for the argument parser, which knows the command (or NULL) before the invocation
 * is complete. */
int                   mops_cli_print_usage_error           (const MopsCliCommand *command,
                                                            const char           *message);

/* Writes @node to stdout as pretty-printed raw UTF-8 and a newline, whatever the locale. */
gboolean              mops_cli_print_json                  (JsonNode    *node,
                                                            GError     **error);

/* Prints "label: value" lines with the values aligned; @rows holds label, value pairs and
 * ends with NULL. Labels are already translated. */
void                  mops_cli_print_table                 (const char *const *rows);

/* Commands (mops-cli-library.c) */
int mops_cli_run_init  (MopsCliInvocation *invocation);
int mops_cli_run_info  (MopsCliInvocation *invocation);
int mops_cli_run_demo  (MopsCliInvocation *invocation);
int mops_cli_run_check (MopsCliInvocation *invocation);

/* Commands (mops-cli-assets.c) */
int mops_cli_run_import (MopsCliInvocation *invocation);
int mops_cli_run_search (MopsCliInvocation *invocation);
int mops_cli_run_tag    (MopsCliInvocation *invocation);
int mops_cli_run_thumbs (MopsCliInvocation *invocation);

/* Commands (mops-cli-licences.c) */
int mops_cli_run_licence  (MopsCliInvocation *invocation);
int mops_cli_run_licences (MopsCliInvocation *invocation);

/* Commands (mops-cli-calendar.c) */
int mops_cli_run_calendar (MopsCliInvocation *invocation);

/* --within DAYS of licences and search; -1 when absent. Returns a MopsCliExit. */
int mops_cli_parse_within (MopsCliInvocation *invocation,
                           int               *out_within);

G_END_DECLS
