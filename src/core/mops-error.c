/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-error.c — the MOPS_ERROR domain */

#include "config.h"

#include "mops-error.h"

G_DEFINE_QUARK (mops-error-quark, mops_error)
