/* zicha-checklist-template.c — the built-in checklist: the notice's points, and the labels
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 市场监管总局办公厅关于深入开展认证机构认证质量自查工作的通知 (市监认证〔2019〕18号), section
 * 一（二） 自查重点, lists under four focus areas what a body must check; split at the
 * notice's semicolons they are 14 points (DOMAIN.md section 1). Each is one entry here: a
 * stable key, its area and an English msgid whose zh_CN translation (po/zh_CN.po) is the
 * notice's wording of the point, character for character as in the notice (a test compares
 * them with a copy of the section). The order is the notice's.
 */
#define G_LOG_DOMAIN "zicha-checklist"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-checklist.h"
#include "zicha-enum.h"
#include "zicha-enums.h"

static const ZichaChecklistTemplateItem template_items[] = {
  /* 1. 认证机构合法合规方面 */
  { "legal-1", ZICHA_RULE_AREA_LEGAL,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Certification activities beyond the approved scope") },
  { "legal-2", ZICHA_RULE_AREA_LEGAL,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Forged certification files, records and documents, false certification conclusions, "
       "buying and selling of certificates") },
  { "legal-3", ZICHA_RULE_AREA_LEGAL,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Procedures required by the basic certification norms and the certification rules "
       "added, dropped or omitted in certification activities") },
  { "legal-4", ZICHA_RULE_AREA_LEGAL,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("On-site audits or inspections that dodge the important and go through the motions, "
       "key processes not audited or inspected as required") },
  { "legal-5", ZICHA_RULE_AREA_LEGAL,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Certification standard requirements lowered without authority, lax certification "
       "decisions, certification granted below the threshold") },
  /* 2. 认证人员职业操守方面 */
  { "conduct-1", ZICHA_RULE_AREA_CONDUCT,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Auditors or inspectors cutting audit or inspection time on their own, or not even "
       "going on site") },
  { "conduct-2", ZICHA_RULE_AREA_CONDUCT,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Auditors or inspectors demanding unreasonable travel, lodging and meal expenses") },
  { "conduct-3", ZICHA_RULE_AREA_CONDUCT,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Certification personnel abusing their position to demand favours, or accepting red "
       "envelopes") },
  /* 3. 获证组织“两张皮”现象方面 */
  { "practice-1", ZICHA_RULE_AREA_PRACTICE,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Management documents of certified organizations that exist in name only, detached "
       "from how they actually operate") },
  { "practice-2", ZICHA_RULE_AREA_PRACTICE,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Records and documents made up in a rush to get through certification audits or "
       "inspections") },
  { "practice-3", ZICHA_RULE_AREA_PRACTICE,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Production not organized as certification requires, products differing from the "
       "certified ones, seriously affecting product performance and safety") },
  /* 4. 机构自身能力建设方面 */
  { "capability-1", ZICHA_RULE_AREA_CAPABILITY,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Insufficient certification infrastructure and human resources, weak professional "
       "competence") },
  { "capability-2", ZICHA_RULE_AREA_CAPABILITY,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Incomplete certification management rules, an inadequate system for tracing "
       "certification quality") },
  { "capability-3", ZICHA_RULE_AREA_CAPABILITY,
    /* Translators: a point of the notice 市监认证〔2019〕18号 一（二）; use its exact words */
    N_("Missing control requirements for key processes, insufficient risk prevention and "
       "control") },
};

const ZichaChecklistTemplateItem *
zicha_checklist_template_get (guint *n_items)
{
  if (n_items != NULL)
    *n_items = G_N_ELEMENTS (template_items);
  return template_items;
}

const ZichaChecklistTemplateItem *
zicha_checklist_template_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (template_items); i++)
    if (strcmp (template_items[i].key, key) == 0)
      return &template_items[i];
  return NULL;
}

const char *
zicha_checklist_template_get_text (const ZichaChecklistTemplateItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, item->text);
}

/* Enumerations ------------------------------------------------------------------------------- */

static const char *status_labels[] = {
  N_("To do"),
  /* Translators: the status of a checklist item */
  N_("In progress"),
  N_("Done"),
};

static const char *conclusion_labels[] = {
  "", N_("Conforming"), N_("Nonconforming"), N_("Not applicable"),
};

const char *
zicha_checklist_status_to_string (ZichaChecklistStatus status)
{
  return zicha_enum_get_nick (ZICHA_TYPE_CHECKLIST_STATUS, status);
}

gboolean
zicha_checklist_status_from_string (const char           *str,
                                    ZichaChecklistStatus *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_CHECKLIST_STATUS, str, FALSE, &value))
    return FALSE;
  *out = (ZichaChecklistStatus) value;
  return TRUE;
}

const char *
zicha_checklist_status_get_label (ZichaChecklistStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, status_labels[status]);
}

const char *
zicha_check_conclusion_to_string (ZichaCheckConclusion conclusion)
{
  return zicha_enum_get_nick (ZICHA_TYPE_CHECK_CONCLUSION, conclusion);
}

gboolean
zicha_check_conclusion_from_string (const char           *str,
                                    ZichaCheckConclusion *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_CHECK_CONCLUSION, str, FALSE, &value))
    return FALSE;
  *out = (ZichaCheckConclusion) value;
  return TRUE;
}

const char *
zicha_check_conclusion_get_label (ZichaCheckConclusion conclusion)
{
  g_return_val_if_fail ((guint) conclusion < G_N_ELEMENTS (conclusion_labels), NULL);
  if (conclusion == ZICHA_CHECK_NONE)
    return "";
  return g_dgettext (GETTEXT_PACKAGE, conclusion_labels[conclusion]);
}
