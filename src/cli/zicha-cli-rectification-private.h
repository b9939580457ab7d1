/* zicha-cli-rectification-private.h — what the rectification commands of zicha-cli share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-cli-measure.c has measure, zicha-cli-measures.c measures; zicha-cli-rectification.c
 * has evidence, certificate, ledger, rectification and the close-out and withdrawal of a
 * problem; the helpers below are in zicha-cli-measures.c. */
#pragma once

#include "zicha-certificate-actions.h"
#include "zicha-cli-commands.h"
#include "zicha-measures.h"

G_BEGIN_DECLS

/* The id of the measure @text (a positive number); else ZICHA_ERROR_USAGE. */
gboolean zicha_cli_rect_parse_measure (const char         *text,
                                       gint64             *out,
                                       GError            **error);
/* The id of the problem @text names (its number ZC-2026-001, or its id). */
gboolean zicha_cli_rect_find_problem  (ZichaDb            *db,
                                       const char         *text,
                                       gint64             *out,
                                       GError            **error);
/* @given as a person: a person id of the body's personnel into @out_person_id, else a free
 * name into @out_name (both point into @given; NULL when @given is NULL). */
void     zicha_cli_rect_person        (ZichaDb            *db,
                                       const char         *given,
                                       const char        **out_person_id,
                                       const char        **out_name);
/* --overdue and --due-within DAYS into a due filter; both is ZICHA_ERROR_USAGE, as is a
 * number of days that is not a whole number from 0 to 3650. */
gboolean zicha_cli_rect_parse_due     (gboolean            overdue,
                                       const char         *within,
                                       ZichaDueFilter     *out_due,
                                       gint               *out_days,
                                       GError            **error);
/* A date option (YYYY-MM-DD) or NULL; else ZICHA_ERROR_USAGE naming @option. */
gboolean zicha_cli_rect_check_date    (const char         *option,
                                       const char         *text,
                                       GError            **error);
/* @measure in @format: its fields for people, one JSON object, or key,value CSV rows. */
gboolean zicha_cli_rect_print_measure (ZichaOutputFormat   format,
                                       const ZichaMeasure *measure,
                                       GError            **error);
/* A JSON object of @measure's fields, into @json (inside an array or as the root). */
void     zicha_cli_rect_measure_json  (JsonBuilder        *json,
                                       const ZichaMeasure *measure);

G_END_DECLS
