/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe-client.h — talking to one mops-probe helper process */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _MopsProbeClient MopsProbeClient;

/* The helper: $MOPS_PROBE, else LIBEXECDIR/mops-probe. Free with g_free(). */
char            *mops_probe_client_find_executable (void);

/* A client; the helper starts with the first request. One thread at a time. Writing to a
 * helper that died must not kill us, so this ignores SIGPIPE process-wide. */
MopsProbeClient *mops_probe_client_new      (void);
void             mops_probe_client_free     (MopsProbeClient  *self);

/* Sends @request and waits up to @timeout_ms for the reply. A helper that crashes or runs
 * over time is killed (the next request starts a new one) and MOPS_ERROR_FAILED is returned
 * with a message saying which; the caller marks that file "cannot preview". Cancelling
 * @cancellable ends the wait at once: the helper is killed and G_IO_ERROR_CANCELLED returned
 * (nothing to say about the file). */
JsonObject      *mops_probe_client_request  (MopsProbeClient  *self,
                                             JsonObject       *request,
                                             guint             timeout_ms,
                                             GCancellable     *cancellable,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsProbeClient, mops_probe_client_free)

G_END_DECLS
