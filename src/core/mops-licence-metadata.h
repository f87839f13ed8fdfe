/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-metadata.h — licences pre-filled from the rights metadata a file carries */

#pragma once

#include <glib.h>

#include "mops-licences.h"

G_BEGIN_DECLS

/* Stock agencies embed their licence in the files they deliver (IPTC, XMP, the PLUS
 * vocabulary); mops-probe reads those fields into asset_meta (keys as exiv2 names them). From
 * them Mops pre-fills a licence a person then confirms (design §12): confirmed = 0,
 * source = metadata. It counts for status like any other (an embedded end date of 2020 makes
 * the asset expired) and its rows carry "to_confirm": true.
 *
 * What counts as a licence — any one of:
 *   - a licensor: Xmp.plus.Licensor[1]/plus:LicensorName, or a licensee
 *     (Xmp.plus.Licensee[1]/plus:LicenseeName: the file was licensed to someone);
 *   - a licence ID: Xmp.plus.LicenseID;
 *   - a licence date that parses: Xmp.plus.LicenseStartDate, Xmp.plus.LicenseEndDate,
 *     Iptc.Application2.ExpirationDate;
 *   - a Creative Commons licence: Xmp.cc.license, or a creativecommons.org URL or a notice
 *     ("CC BY-SA 4.0", "CC0", "Creative Commons Attribution 4.0") in the usage terms, the Web
 *     statement or the copyright notice;
 *   - usage terms (Xmp.xmpRights.UsageTerms) that say more than a copyright line: terms that
 *     are only the copyright notice and/or "All rights reserved" do not count;
 *   - a Web statement of rights (Xmp.xmpRights.WebStatement), the page of the licence terms;
 *   - a licence model named in the usage terms, the instructions
 *     (Iptc.Application2.SpecialInstructions, Xmp.photoshop.Instructions) or the copyright
 *     notice: "rights managed", "royalty-free", "editorial use" (and their German, French,
 *     Japanese forms).
 * What never counts on its own: a copyright notice (Xmp.dc.rights, IPTC or EXIF Copyright),
 * xmpRights:Marked or plus:CopyrightStatus (Photoshop sets them for the company's own work:
 * Mops does not know the company's name, so a bare "© Someone" is no licence whoever it names),
 * the creator, credit line, source or supplier, release statuses, and values that do not
 * parse (a date "31/12/20" is ignored, not repaired; so is a licence date alone that does not
 * parse).
 *
 * The licence built:
 *   - kind: creative_commons (with variant and version) when a CC licence is found; else
 *     editorial, royalty_free or rights_managed when a licence model is named (in that
 *     order); else rights_managed when a PLUS licence ID or licence date is present; else
 *     other. CC's Public Domain Mark is no CC licence (kind other).
 *   - licensor: the PLUS licensor; for CC the attribution name (cc:attributionName) first;
 *     then the PLUS copyright owner; then the holder named in the copyright notice ("© 2020
 *     Getty Images. All rights reserved." → "Getty Images"); else none.
 *   - starts_on: the PLUS start date; expires_on: the PLUS end date, else the IPTC expiration
 *     date. Dates are read as "2020-12-31", "2020:12:31", "2020/12/31", IPTC "20201231", an
 *     XMP year or month ("2020", "2020-12": the first day for a start, the last for an end),
 *     or an XMP date-time — with a time zone it becomes the local date (TZ), without one its
 *     own date. A start after the end is dropped (the end is what status needs).
 *   - reference: the PLUS licence ID; attribution: the credit line (IPTC Credit,
 *     photoshop:Credit), else the CC attribution name; notes: the usage terms, then the
 *     instructions when they name the licence model, then the Web statement, a line each;
 *   - model_release, property_release from the PLUS codes (MR-UMR → unlimited, MR-LMR →
 *     limited, MR-NON → none, MR-NAP → not_applicable; PR-UPR, PR-LPR, PR-NON, PR-NAP);
 *   - worldwide, any medium, no cost; confirmed FALSE, source metadata. Long texts are cut
 *     (a file is not a place to store a book). */

/* The asset_meta key that records, per asset, the licence once pre-filled from its metadata
 * (the value is the licence id): a licence a person deleted is not made again on re-probing. */
#define MOPS_LICENCE_METADATA_MARKER "licence_from_metadata"

/* Reads a licence date as files write it (see above) into "YYYY-MM-DD", the local date.
 * @end_of_period: for a year or month alone, its last day (else its first). Returns NULL for
 * anything else. Free with g_free(). */
char        *mops_licence_metadata_parse_date (const char     *text,
                                               gboolean        end_of_period);

/* Finds a Creative Commons licence in @text: a creativecommons.org URL
 * ("https://creativecommons.org/licenses/by-nc-sa/4.0/deed.de", ".../publicdomain/zero/1.0/")
 * or a notice ("CC BY-SA 4.0", "CC-BY-4.0", "CC0 1.0", "Creative Commons
 * Attribution-NonCommercial 3.0"). TRUE with *@out_variant and *@out_version ("4.0"; NULL
 * when none is written; free with g_free()); either may be NULL. */
gboolean     mops_licence_metadata_parse_cc   (const char     *text,
                                               MopsCcVariant  *out_variant,
                                               char          **out_version);

/* Builds the licence the metadata @meta describes (key → value, the keys of asset_meta; the
 * first value of a repeated key), or NULL when it describes none (rules above). Never fails:
 * a malformed value is left out. Free with mops_licence_free(). */
MopsLicence *mops_licence_from_metadata       (GHashTable     *meta);

G_END_DECLS
