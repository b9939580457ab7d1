/* zicha-rect-test.h — what the rectification tests share: databases with a fixed "today",
 * problems, measures driven through their states, certificates handled
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zicha-certificate-actions.h"
#include "zicha-measures.h"
#include "zicha-problems.h"
#include "zicha-test-utils.h"

G_BEGIN_DECLS

/* The demo's day of every database here: "today" for the rectification. */
#define RT_TODAY "2026-03-15"

/* tests/data/rules/risk imported (person P1 “Unqualified leader”, organizations O1 “Org one”
 * and O2, certificates R1 to R3), today RT_TODAY. */
ZichaDb           *rt_open_risk_db  (const char          *name);
/* A body written here (organization O1 甲公司, person P1 张三, certificates C1 to C8 valid,
 * scope 17;18;19), today RT_TODAY. */
ZichaDb           *rt_open_body_db  (const char          *name);
/* The folder @name with organizations, personnel and @certificates (a whole CSV file). */
char              *rt_write_folder  (const char          *name,
                                     const char          *certificates);

/* A problem entered by hand (severity high, department 审核部) found on @found_on, concerning
 * the certificates @certs (NULL-terminated, may be NULL). */
gint64             rt_problem       (ZichaDb             *db,
                                     const char          *found_on,
                                     const char          *area,
                                     const char          *title,
                                     const char * const  *certs);
/* A measure of @problems (0-terminated) by "tester"; @owner is a person id when it starts
 * with P, else a name. */
gint64             rt_measure       (ZichaDb             *db,
                                     const gint64        *problems,
                                     ZichaMeasureKind     kind,
                                     const char          *text,
                                     const char          *owner,
                                     const char          *department,
                                     const char          *deadline);
/* The measure, freed at the end of the test. */
const ZichaMeasure *rt_get          (ZichaDb             *db,
                                     gint64               id);
ZichaProblemState  rt_state         (ZichaDb             *db,
                                     gint64               problem);
/* A transition by "tester", verified by 李四 when it verifies. */
gboolean           rt_move          (ZichaDb             *db,
                                     gint64               id,
                                     ZichaMeasureStatus   to,
                                     ZichaConclusion      conclusion,
                                     const char          *reason,
                                     GError             **error);
/* Drives the measure along the legal path up to @status. */
void               rt_drive         (ZichaDb             *db,
                                     gint64               id,
                                     ZichaMeasureStatus   status);
/* Entries of the change history of @entity (NULL: all). */
guint              rt_n_log         (ZichaDb             *db,
                                     const char          *entity);
/* @text, freed at the end of the test. */
const char        *rt_keep          (char                *text);
/* The first column of @sql on @db's file, read behind Zicha's back. */
const char        *rt_query         (ZichaDb             *db,
                                     const char          *sql);
/* The certificate @cert handled by "tester" with the reason 自查发现问题. */
gint64             rt_handle        (ZichaDb             *db,
                                     ZichaCertAction      action,
                                     const char          *cert,
                                     const char          *on,
                                     gint64               problem,
                                     GError             **error);

G_END_DECLS
