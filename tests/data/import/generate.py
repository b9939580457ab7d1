#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic interchange-format folder for import benchmarks.

Usage: generate.py FOLDER N_CERTIFICATES [SEED]

Per certificate, on average: 3 audits, 7.5 audit_team rows, 15 check-ins, 11 expenses and
2 events, the proportions of a body with a million certificates. Everything is valid, so
the import must succeed; keys are deterministic for a given N and seed.
"""
import csv
import datetime
import os
import random
import sys


def main():
    folder, n = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(folder, exist_ok=True)
    n_people = max(50, n // 200)
    n_orgs = max(1, n * 4 // 5)
    day0 = datetime.date(2015, 1, 1)

    def w(name, header):
        f = open(os.path.join(folder, name), 'w', newline='', encoding='utf-8')
        out = csv.writer(f, lineterminator='\n')
        out.writerow(header)
        return f, out

    surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
    given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚'
    f, out = w('personnel.csv', ['person_id', 'name', 'employment', 'joined_on'])
    for i in range(n_people):
        out.writerow(['P%05d' % i, rnd.choice(surnames) + rnd.choice(given) + rnd.choice(given),
                      'full_time' if i % 3 else 'part_time', '2010-01-01'])
    f.close()

    f, out = w('organizations.csv', ['org_id', 'name', 'province', 'employees', 'sites'])
    for i in range(n_orgs):
        out.writerow(['O%07d' % i, '%s%s科技有限公司%d' % (rnd.choice(surnames), rnd.choice(given), i),
                      '11', rnd.randint(5, 3000), 1])
    f.close()

    fc, certs = w('certificates.csv', ['cert_no', 'org_id', 'scheme', 'scope_codes', 'issued_on',
                                       'expires_on', 'status'])
    fe, events = w('certificate_events.csv', ['cert_no', 'event', 'on'])
    fa, audits = w('audits.csv', ['audit_id', 'org_id', 'cert_no', 'scheme', 'type', 'start_on',
                                  'end_on', 'effective_personnel', 'onsite_days', 'decision_by',
                                  'recorded_at'])
    ft, team = w('audit_team.csv', ['audit_id', 'person_id', 'role', 'days'])
    fk, checkins = w('checkins.csv', ['audit_id', 'person_id', 'kind', 'at', 'distance_km',
                                      'photos'])
    fx, expenses = w('expenses.csv', ['expense_id', 'audit_id', 'person_id', 'category', 'amount',
                                      'paid_by', 'spent_on'])
    expense_no = 0
    for c in range(n):
        cert = 'C%07d' % c
        org = 'O%07d' % (c % n_orgs)
        issued = day0 + datetime.timedelta(days=rnd.randint(0, 2500))
        certs.writerow([cert, org, 'QMS', '17.06;18', issued, issued.replace(year=issued.year + 3)
                        if not (issued.month == 2 and issued.day == 29) else
                        issued + datetime.timedelta(days=1095), 'valid'])
        events.writerow([cert, 'issue', issued])
        events.writerow([cert, 'renew', issued + datetime.timedelta(days=30)])
        for a in range(3):
            audit = 'A%07d%d' % (c, a)
            start = issued + datetime.timedelta(days=365 * a - 20)
            audits.writerow([audit, org, cert, 'QMS', ('stage2', 'surveillance', 'surveillance')[a],
                             start, start + datetime.timedelta(days=1), 50, '4.5',
                             'P%05d' % rnd.randrange(n_people), '%s 10:00' % start])
            size = 2 if (c * 3 + a) % 2 == 0 else 3
            people = rnd.sample(range(n_people), size)
            for k, p in enumerate(people):
                team.writerow([audit, 'P%05d' % p, 'leader' if k == 0 else 'auditor', '1.5'])
            for k in range(5):
                p = people[k % size]
                checkins.writerow([audit, 'P%05d' % p, 'in' if k % 2 == 0 else 'out',
                                   '%s %02d:%02d' % (start, 8 + k, rnd.randrange(60)),
                                   '%.3f' % rnd.random(), rnd.randint(0, 3)])
            for k in range(4 if a < 2 else 3):
                expense_no += 1
                expenses.writerow(['E%09d' % expense_no, audit, 'P%05d' % people[k % size],
                                   ('travel', 'lodging', 'meals', 'other')[k % 4],
                                   '%d.%02d' % (rnd.randint(10, 3000), rnd.randrange(100)),
                                   'body', start])
    for f in (fc, fe, fa, ft, fk, fx):
        f.close()


if __name__ == '__main__':
    main()
