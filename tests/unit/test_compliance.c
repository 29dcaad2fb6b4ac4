/*
 * test_compliance.c - the legal frame and the compliance rules: reading a
 * frame (names, time zones, facts, every problem with its pointer),
 * loading the rules (unknown keys with line:col, rules without a
 * detector, rules missing), which rules apply in which frame, and the
 * detectors on small recorded calls, one rule at a time.
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "compliance.h"
#include "date.h"
#include "err.h"
#include "harness.h"
#include "jsonread.h"
#include "legal.h"
#include "rubric.h"
#include "score.h"
#include "transcript-parse.h"

static int
read_frame(const char *json, struct rc_legal *l, struct rc_err *err)
{
	cJSON *root = cJSON_Parse(json);
	struct rc_jsonread r;
	int got;

	memset(&r, 0, sizeof r);
	r.name = "s.json";
	r.err = err;
	got = rc_legal_read(&r, root, "", l);
	cJSON_Delete(root);
	return got;
}

static void
test_frame(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_legal l;

	RC_CHECK_INT(read_frame("{}", &l, &err), 0);
	RC_CHECK_INT(l.set, 0);
	RC_CHECK_INT(l.facts.debt_age_days, -1);
	RC_CHECK_INT(read_frame("{\"legal\": {\"debt\": \"consumer\", "
	    "\"collector\": \"agency\", \"jurisdiction\": \"uk\", \"timezone\": "
	    "\"Europe/London\", \"first_contact\": false, \"facts\": "
	    "{\"attorney\": true, \"debt_age_days\": 2400, \"time_barred\": true}, "
	    "\"contacts\": [{\"at\": \"2026-10-30\"}, {\"at\": \"2026-10-31 14:05\", "
	    "\"talked\": true}]}}",
	    &l, &err), 1);
	RC_CHECK_INT((int)err.n, 0);
	RC_CHECK_INT(l.set, 1);
	RC_CHECK_INT(l.debt, RC_DEBT_CONSUMER);
	RC_CHECK_INT(l.collector, RC_COLLECTOR_AGENCY);
	RC_CHECK_INT(l.jurisdiction, RC_JUR_UK);
	RC_CHECK_STR(l.timezone, "Europe/London");
	RC_CHECK_INT(l.first_contact, 0);
	RC_CHECK_INT(l.facts.attorney, 1);
	RC_CHECK_INT(l.facts.cease_request, 0);
	RC_CHECK_INT(l.facts.debt_age_days, 2400);
	RC_CHECK_INT(l.facts.time_barred, 1);
	RC_CHECK_INT(l.has_contacts, 1);
	RC_CHECK_INT((int)l.ncontacts, 2);
	if (l.ncontacts == 2) {
		RC_CHECK_INT(l.contacts[0].date, rc_date_from_ymd(2026, 10, 30));
		RC_CHECK_INT(l.contacts[0].seconds, -1);
		RC_CHECK_INT(l.contacts[0].talked, 0);
		RC_CHECK_INT(l.contacts[1].seconds, 14 * 3600 + 5 * 60);
		RC_CHECK_INT(l.contacts[1].talked, 1);
	}
	rc_legal_free(&l);
	RC_CHECK(l.contacts == NULL);

	RC_CHECK_INT(read_frame("{\"legal\": {\"debt\": \"household\", "
	    "\"collector\": \"agency\", \"jurisdiction\": \"us\", \"timezone\": "
	    "\"eastern\", \"facts\": {\"cease\": true}}}", &l, &err), 1);
	RC_CHECK_INT((int)err.nerrors, 3);
	RC_CHECK_STR(err.v[0].msg, "s.json: /legal/debt: expected \"consumer\" or "
	    "\"business\", found \"household\"");
	RC_CHECK_STR(err.v[1].msg, "s.json: /legal/timezone: expected an IANA "
	    "time zone like \"America/Chicago\" or \"Europe/London\", found "
	    "\"eastern\"");
	RC_CHECK_STR(err.v[2].msg, "s.json: /legal/facts/cease: unknown key 'cease'");
	rc_legal_free(&l);
	rc_err_clear(&err);

	RC_CHECK_INT(read_frame("{\"legal\": {\"debt\": \"business\"}}", &l, &err), 1);
	RC_CHECK_INT((int)err.nerrors, 3);   /* collector, jurisdiction, timezone */
	rc_legal_free(&l);
	rc_err_clear(&err);

	RC_CHECK_INT(rc_legal_timezone_ok("America/Chicago"), 1);
	RC_CHECK_INT(rc_legal_timezone_ok("America/Argentina/Buenos_Aires"), 1);
	RC_CHECK_INT(rc_legal_timezone_ok("Etc/GMT+5"), 1);
	RC_CHECK_INT(rc_legal_timezone_ok("UTC"), 1);
	RC_CHECK_INT(rc_legal_timezone_ok("Chicago"), 0);
	RC_CHECK_INT(rc_legal_timezone_ok("America/"), 0);
	RC_CHECK_INT(rc_legal_timezone_ok("america/chicago"), 0);
	RC_CHECK_INT(rc_legal_timezone_ok("America//Chicago"), 0);
	RC_CHECK_INT(rc_legal_timezone_ok("America/New York"), 0);
}

static void
test_rules(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_compliance *c = rc_compliance_load(RECOUP_SCORING_DIR
	    "/compliance.json", &err);
	const struct rc_compliance_rule *r;
	struct rc_legal l;
	size_t i;
	static const char bad[] =
	    "{\"version\": \"1\", \"rules\": [\n"
	    "  {\"id\": \"us-threat\", \"law\": \"FDCPA\", \"section\": \"x\",\n"
	    "   \"title\": \"t\", \"statement\": \"s\", \"tip\": \"t\",\n"
	    "   \"critcal\": true, \"applies\": {\"jurisdiction\": [\"fr\"]}},\n"
	    "  {\"id\": \"us-nonsense\"}]}";

	RC_CHECK(c != NULL);
	RC_CHECK_INT((int)err.n, 0);
	if (c == NULL)
		return;
	for (i = 0; rc_compliance_ids[i] != NULL; i++)
		RC_CHECK(rc_compliance_find(c, rc_compliance_ids[i]) != NULL);
	RC_CHECK_INT((int)c->nrules, (int)i);
	r = rc_compliance_find(c, "us-third-party");
	RC_CHECK_STR(r->section, "15 U.S.C. 1692c(b)");
	RC_CHECK_INT(r->critical, 1);
	RC_CHECK_INT(rc_compliance_find(c, "us-call-frequency")->need, RC_NEED_LOG);
	RC_CHECK_INT(rc_compliance_find(c, "us-call-hours")->need, RC_NEED_CLOCK);

	/* Where rules apply: the FDCPA's to an agency's consumer debt in the
	 * US, CONC's to any UK consumer debt, none to business debts. */
	rc_legal_init(&l);
	RC_CHECK_INT(rc_compliance_applies(r, &l), 0);   /* no frame */
	l.set = 1;
	l.jurisdiction = RC_JUR_US;
	l.debt = RC_DEBT_CONSUMER;
	l.collector = RC_COLLECTOR_AGENCY;
	RC_CHECK_INT(rc_compliance_applies(r, &l), 1);
	l.collector = RC_COLLECTOR_CREDITOR;
	RC_CHECK_INT(rc_compliance_applies(r, &l), 0);
	l.collector = RC_COLLECTOR_AGENCY;
	l.debt = RC_DEBT_BUSINESS;
	RC_CHECK_INT(rc_compliance_applies(r, &l), 0);
	l.debt = RC_DEBT_CONSUMER;
	l.jurisdiction = RC_JUR_UK;
	RC_CHECK_INT(rc_compliance_applies(r, &l), 0);
	l.collector = RC_COLLECTOR_CREDITOR;
	RC_CHECK_INT(rc_compliance_applies(rc_compliance_find(c, "uk-signpost"), &l), 1);
	l.jurisdiction = RC_JUR_NONE;
	RC_CHECK_INT(rc_compliance_applies(rc_compliance_find(c, "uk-signpost"), &l), 0);
	rc_compliance_free(c);
	rc_compliance_free(NULL);

	c = rc_compliance_parse("c.json", bad, sizeof bad - 1, &err);
	RC_CHECK(c == NULL);
	RC_CHECK(err.nerrors >= 4);
	RC_CHECK_STR(err.v[0].msg, "c.json:4:15: /rules/0/critcal: unknown key 'critcal'");
	RC_CHECK_STR(err.v[1].msg, "c.json:2:3: /rules/0: missing required key "
	    "'critical'");
	RC_CHECK_STR(err.v[2].msg, "c.json:4:50: /rules/0/applies/jurisdiction/0: "
	    "expected \"none\", \"us\" or \"uk\", found \"fr\"");
	RC_CHECK_STR(err.v[err.n - 1].msg, "c.json:1:27: /rules: rule "
	    "'uk-pressure' is missing: every rule recoup judges must be "
	    "described here");
	rc_err_clear(&err);
}

/* The status of rule ID on the card of recorded call TEXT. */
static const char *
status_of(const struct rc_rubric *rubric, const char *text, const char *id,
          int *turn)
{
	static char buf[32];
	struct rc_err err = RC_ERR_INIT;
	struct rc_parsed *p = rc_transcript_parse("t.txt", text, strlen(text), &err);
	struct rc_scorecard *c;
	size_t i;

	snprintf(buf, sizeof buf, "%s", "(none)");
	*turn = 0;
	if (p == NULL) {
		rc_err_clear(&err);
		return "(unparsed)";
	}
	c = rc_transcript_parse_score(p, rubric);
	for (i = 0; i < c->ncompliance; i++)
		if (strcmp(c->compliance[i].rule->id, id) == 0) {
			snprintf(buf, sizeof buf, "%s",
			    rc_comply_status_name(c->compliance[i].status));
			*turn = c->compliance[i].turn;
		}
	rc_scorecard_free(c);
	rc_transcript_parse_free(p);
	rc_err_clear(&err);
	return buf;
}

#define FRONT "---\ndebtor: Priya Nair\ncreditor: Lakeview Family Dental\n" \
	"balance: 1,900.00\ncurrency: USD\ninvoices: LFD-1 1,900.00 2026-08-01\n" \
	"date: 2026-11-02\nlegal: us, consumer, agency, America/Chicago\n"
#define HELLO "Collector: Hi Priya, this is Sam from Ridgeway Recovery. This " \
	"is an attempt to collect a debt and any information obtained will " \
	"be used for that purpose.\nDebtor: Yes, speaking.\n"

static void
test_detectors(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_rubric *rubric = rc_rubric_load(RECOUP_SCORING_DIR, &err);
	int turn;

	RC_CHECK(rubric != NULL);
	if (rubric == NULL)
		return;
	RC_CHECK(rubric->compliance != NULL);

	RC_CHECK_STR(status_of(rubric, FRONT "---\n" HELLO
	    "Collector: The $1,900 is overdue.\n", "us-mini-miranda", &turn), "kept");
	RC_CHECK_STR(status_of(rubric, FRONT "---\nCollector: Hi, this is Sam "
	    "from Ridgeway. The $1,900 is overdue.\n", "us-mini-miranda", &turn),
	    "breached");
	RC_CHECK_INT(turn, 1);
	/* Not the debt collector's disclosure: */
	RC_CHECK_STR(status_of(rubric, FRONT "---\nCollector: Hi, this is Sam "
	    "from Ridgeway, I'm not a debt collector. The $1,900 is overdue.\n",
	    "us-mini-miranda", &turn), "breached");
	RC_CHECK_STR(status_of(rubric, FRONT "---\n" HELLO
	    "Collector: You'll go to jail if you don't pay.\n", "us-threat",
	    &turn), "breached");
	RC_CHECK_INT(turn, 3);
	RC_CHECK_STR(status_of(rubric, FRONT "---\n" HELLO
	    "Collector: If it isn't paid, the account stays open and we'll write "
	    "to you.\n", "us-threat", &turn), "kept");
	RC_CHECK_STR(status_of(rubric, FRONT "facts: attorney\n---\n" HELLO
	    "Debtor: Talk to my lawyer.\nCollector: Could I have her name and "
	    "number?\n", "us-attorney", &turn), "kept");
	RC_CHECK_STR(status_of(rubric, FRONT "facts: attorney\n---\n" HELLO
	    "Collector: Can you pay $200 today?\n", "us-attorney", &turn),
	    "breached");
	RC_CHECK_STR(status_of(rubric, FRONT "---\n" HELLO, "us-attorney", &turn),
	    "n/a");
	RC_CHECK_STR(status_of(rubric, FRONT "facts: written_dispute\n---\n" HELLO
	    "Collector: We'll mail you verification of the debt.\n", "us-dispute",
	    &turn), "kept");
	RC_CHECK_STR(status_of(rubric, FRONT "facts: cease_request\n---\n" HELLO
	    "Collector: Could you pay the full balance by Friday?\n", "us-cease",
	    &turn), "breached");
	RC_CHECK_STR(status_of(rubric, FRONT "---\n" HELLO, "us-call-hours",
	    &turn), "not judged");
	/* A business debt: nothing of the FDCPA applies. */
	RC_CHECK_STR(status_of(rubric, "---\ndebtor: Petals\nbalance: 100\n"
	    "legal: us, business, agency\n---\nCollector: Pay up or you'll go to "
	    "jail.\n", "us-threat", &turn), "n/a");
	/* A bad legal line. */
	RC_CHECK_STR(status_of(rubric, "---\ndebtor: P\nlegal: us, consumer\n---\n"
	    "Collector: Hi.\n", "us-threat", &turn), "(unparsed)");
	RC_CHECK_STR(status_of(rubric, "---\ndebtor: P\nfacts: attorney\n---\n"
	    "Collector: Hi.\n", "us-threat", &turn), "(unparsed)");
	rc_rubric_free(rubric);
}

static void
test_clock(void)
{
	struct rc_clock k;

	RC_CHECK_INT(rc_clock_parse("2026-11-03 20:55", &k), 1);
	RC_CHECK_INT(k.seconds, 20 * 3600 + 55 * 60);
	RC_CHECK_INT(k.date, rc_date_from_ymd(2026, 11, 3));
	RC_CHECK_INT(rc_clock_parse("2026-11-03T00:00", &k), 1);
	RC_CHECK_INT(k.seconds, 0);
	RC_CHECK_INT(rc_clock_parse("2026-11-03 24:00", &k), 0);
	RC_CHECK_INT(rc_clock_parse("2026-11-03 12:60", &k), 0);
	RC_CHECK_INT(rc_clock_parse("2026-02-30 12:00", &k), 0);
	RC_CHECK_INT(rc_clock_parse("2026-11-03 9:05", &k), 0);
	RC_CHECK_INT(rc_clock_parse("2026-11-03 12:00:00", &k), 0);
	RC_CHECK_INT(rc_clock_parse("", &k), 0);
}

int
main(void)
{
	test_frame();
	test_rules();
	test_detectors();
	test_clock();
	return RC_TEST_DONE();
}
