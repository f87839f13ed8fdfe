/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe-client.c — talking to one mops-probe helper process */

#include "config.h"

#define G_LOG_DOMAIN "mops-probe-client"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>

#include "mops-error.h"
#include "mops-probe-client.h"

struct _MopsProbeClient
{
  GSubprocess *process;
  int          to_probe;
  int          from_probe;
  GString     *pending;   /* bytes read past the last newline */
};

char *
mops_probe_client_find_executable (void)
{
  const char *env = g_getenv ("MOPS_PROBE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (LIBEXECDIR, "mops-probe", NULL);
}

MopsProbeClient *
mops_probe_client_new (void)
{
  MopsProbeClient *self = g_new0 (MopsProbeClient, 1);

  signal (SIGPIPE, SIG_IGN);
  self->to_probe = -1;
  self->from_probe = -1;
  self->pending = g_string_new (NULL);
  return self;
}

static void
stop (MopsProbeClient *self)
{
  if (self->process != NULL)
    {
      g_subprocess_force_exit (self->process);
      g_subprocess_wait (self->process, NULL, NULL);
    }

  g_clear_object (&self->process);
  self->to_probe = -1;
  self->from_probe = -1;
  g_string_truncate (self->pending, 0);
}

void
mops_probe_client_free (MopsProbeClient *self)
{
  if (self == NULL)
    return;

  stop (self);
  g_string_free (self->pending, TRUE);
  g_free (self);
}

static gboolean
start (MopsProbeClient  *self,
       GError          **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *executable = mops_probe_client_find_executable ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        (g_getenv ("MOPS_PROBE_DEBUG") != NULL ? 0 : G_SUBPROCESS_FLAGS_STDERR_SILENCE));
#if MOPS_SANITIZED
  {
    /* RLIMIT_AS kills a sanitizer build at start; ASan's own RSS limit takes its place. */
    const char *asan = g_getenv ("ASAN_OPTIONS");
    g_autofree char *options = g_strdup_printf ("%s%shard_rss_limit_mb=3072",
                                                asan != NULL ? asan : "", asan != NULL ? ":" : "");
    g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
  }
#endif

  self->process = g_subprocess_launcher_spawn (launcher, error, executable, NULL);
  if (self->process == NULL)
    {
      g_prefix_error (error, _("Could not start the preview helper “%s”: "), executable);
      return FALSE;
    }

  self->to_probe = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (g_subprocess_get_stdin_pipe (self->process)));
  self->from_probe = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (self->process)));
  return TRUE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }

  return TRUE;
}

/* Reads one line, or fails on timeout (NULL, *timed_out), on a cancel (NULL, *cancelled: the
 * wait ends at once, not when the helper is done with the file) or at end of file (a crash). */
static char *
read_line (MopsProbeClient *self,
           guint            timeout_ms,
           GCancellable    *cancellable,
           gboolean        *timed_out,
           gboolean        *cancelled)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  GPollFD fds[2] = { { self->from_probe, G_IO_IN, 0 }, { -1, 0, 0 } };
  guint n_fds = 1;
  char *line = NULL;

  *timed_out = FALSE;
  *cancelled = FALSE;
  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fds[1]))
    n_fds = 2;

  for (;;)
    {
      char *newline = memchr (self->pending->str, '\n', self->pending->len);
      char buffer[4096];
      gint64 left;
      ssize_t n;
      int rc;

      if (newline != NULL)
        {
          gsize len = (gsize) (newline - self->pending->str);

          line = g_strndup (self->pending->str, len);
          g_string_erase (self->pending, 0, (gssize) len + 1);
          break;
        }

      if (g_cancellable_is_cancelled (cancellable))
        {
          *cancelled = TRUE;
          break;
        }

      left = (deadline - g_get_monotonic_time ()) / 1000;
      if (left <= 0)
        {
          *timed_out = TRUE;
          break;
        }

      fds[0].revents = fds[1].revents = 0;
      rc = g_poll (fds, n_fds, (int) left);
      if (rc < 0 && errno == EINTR)
        continue;
      if (rc == 0)
        {
          *timed_out = TRUE;
          break;
        }
      if (rc < 0)
        break;
      if (fds[0].revents == 0)
        continue;   /* the cancellable: seen at the top of the loop */

      n = read (self->from_probe, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;

      g_string_append_len (self->pending, buffer, n);
    }

  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);
  return line;
}

JsonObject *
mops_probe_client_request (MopsProbeClient  *self,
                           JsonObject       *request,
                           guint             timeout_ms,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  gboolean timed_out = FALSE;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (self->process == NULL && !start (self, error))
    return NULL;

  json_node_set_object (node, request);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  if (!write_all (self->to_probe, text, strlen (text)) || !write_all (self->to_probe, "\n", 1))
    {
      stop (self);
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED, _("The preview helper stopped unexpectedly"));
      return NULL;
    }

  line = read_line (self, timeout_ms, cancellable, &timed_out, &cancelled);
  if (line == NULL)
    {
      stop (self);
      if (cancelled)
        g_cancellable_set_error_if_cancelled (cancellable, error);
      else if (timed_out)
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED,
                     _("Reading the file took longer than %u seconds"), (timeout_ms + 999) / 1000);
      else
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED, _("The file made the preview helper crash"));
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, line, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      stop (self);
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED, _("The preview helper answered nonsense"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
