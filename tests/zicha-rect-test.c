/* zicha-rect-test.c — what the rectification tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-rect-test"

#include "config.h"

#include <glib/gstdio.h>

#include "zicha-change-log.h"
#include "zicha-rect-test.h"

static ZichaDb *
with_today (ZichaDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zicha_db_set_setting (db, "demo-today", RT_TODAY, &error));
  g_assert_no_error (error);
  return db;
}

ZichaDb *
rt_open_risk_db (const char *name)
{
  ZichaDb *db = zicha_test_open_db (name);
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "rules", "risk", NULL);

  zicha_test_import (db, folder);
  return with_today (db);
}

char *
rt_write_folder (const char *name,
                 const char *certificates)
{
  char *folder = zicha_test_path (name);
  const struct { const char *file; const char *text; } files[] = {
    { "organizations.csv", "org_id,name\nO1,甲公司\n" },
    { "personnel.csv", "person_id,name,employment\nP1,张三,full_time\n" },
    { "certificates.csv", certificates },
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, files[i].file, NULL);

      g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
    }
  return folder;
}

ZichaDb *
rt_open_body_db (const char *name)
{
  g_autofree char *folder_name = g_strconcat (name, ".d", NULL);
  g_autoptr(GString) certs = g_string_new ("cert_no,org_id,scheme,scope_codes,scope_text,"
                                           "issued_on,expires_on,status\n");
  g_autofree char *folder = NULL;
  ZichaDb *db = zicha_test_open_db (name);

  for (int i = 1; i <= 8; i++)
    g_string_append_printf (certs, "C%d,O1,QMS,17;18;19,质量管理体系,2021-01-0%d,2027-01-01,"
                                   "valid\n", i, i);
  folder = rt_write_folder (folder_name, certs->str);
  zicha_test_import (db, folder);
  return with_today (db);
}

gint64
rt_problem (ZichaDb            *db,
            const char         *found_on,
            const char         *area,
            const char         *title,
            const char * const *certs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (ZichaProblemRecord));
  ZichaProblemDraft draft = {
    .area = area, .severity = "high", .title = title, .source = ZICHA_PROBLEM_SOURCE_MANUAL,
    .found_on = found_on, .department = "审核部",
  };
  gint64 id = 0;

  for (guint i = 0; certs != NULL && certs[i] != NULL; i++)
    {
      ZichaProblemRecord record = { (char *) "certificates", (char *) certs[i], 0 };

      g_array_append_val (records, record);
    }
  zicha_problems_create (db, &draft, (ZichaProblemRecord *) (gpointer) records->data,
                         records->len, "tester", &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
rt_measure (ZichaDb          *db,
            const gint64     *problems,
            ZichaMeasureKind  kind,
            const char       *text,
            const char       *owner,
            const char       *department,
            const char       *deadline)
{
  g_autoptr(GError) error = NULL;
  ZichaMeasureDraft draft = {
    .kind = kind, .text = text, .department = department, .deadline = deadline,
  };
  guint n = 0;
  gint64 id;

  while (problems[n] != 0)
    n++;
  if (owner != NULL && owner[0] == 'P')
    draft.responsible_person_id = owner;
  else
    draft.responsible = owner;
  id = zicha_measures_add (db, problems, n, &draft, "tester", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

const ZichaMeasure *
rt_get (ZichaDb *db,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  ZichaMeasure *m = zicha_measures_get (db, id, &error);

  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) zicha_measure_free, m);
  return m;
}

ZichaProblemState
rt_state (ZichaDb *db,
          gint64   problem)
{
  g_autoptr(ZichaProblem) p = zicha_problems_get (db, problem, NULL);

  g_assert_nonnull (p);
  return p->state;
}

gboolean
rt_move (ZichaDb             *db,
         gint64               id,
         ZichaMeasureStatus   to,
         ZichaConclusion      conclusion,
         const char          *reason,
         GError             **error)
{
  ZichaMeasureTransition t = { .verifier = "李四", .conclusion = conclusion, .reason = reason };

  return zicha_measures_set_status (db, id, to, &t, "tester", error);
}

void
rt_drive (ZichaDb            *db,
          gint64              id,
          ZichaMeasureStatus  status)
{
  static const ZichaMeasureStatus path[] = { ZICHA_MEASURE_IN_PROGRESS, ZICHA_MEASURE_DONE,
                                             ZICHA_MEASURE_VERIFIED };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (path) && rt_get (db, id)->status < status; i++)
    if (rt_get (db, id)->status < path[i])
      {
        g_assert_true (rt_move (db, id, path[i], ZICHA_CONCLUSION_NONE, NULL, &error));
        g_assert_no_error (error);
      }
  g_assert_cmpint (rt_get (db, id)->status, ==, status);
}

guint
rt_n_log (ZichaDb    *db,
          const char *entity)
{
  g_autoptr(GPtrArray) entries = zicha_change_log_list (db, entity, NULL, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

const char *
rt_keep (char *text)
{
  g_test_queue_free (text);
  return text;
}

const char *
rt_query (ZichaDb    *db,
          const char *sql)
{
  return rt_keep (zicha_test_query (zicha_db_get_path (db), sql));
}

gint64
rt_handle (ZichaDb          *db,
           ZichaCertAction   action,
           const char       *cert,
           const char       *on,
           gint64            problem,
           GError          **error)
{
  ZichaCertActionDraft draft = {
    .action = action, .cert_no = cert, .on = on, .reason = "自查发现问题",
    .problem_id = problem,
  };

  return zicha_cert_actions_apply (db, &draft, "tester", error);
}
