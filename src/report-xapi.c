/*
 * report-xapi.c - sessions as xAPI 1.0.3 statements for a company LMS,
 * one JSON object per line: "completed" (or "terminated" when the trainee
 * left or the process died), then "passed" or "failed" for a scored
 * complete call.  Verbs are the ADL IRIs; the object is the scenario as an
 * activity (https://recoup.invalid/scenarios/<id>); the result carries the
 * scaled score, success, the duration (ISO 8601), and as extensions the
 * per-practice results and the agreed schedule (the JSON export's
 * "agreement"); the context names the call's date.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE "https://recoup.invalid"
#define ADL "http://adlnet.gov/expapi/verbs/"

/* S percent-encoded for an IRI path segment. */
static void
iri_segment(struct rc_buf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			rc_buf_putc(b, (char)*p);
		else
			rc_buf_printf(b, "%%%02X", *p);
	}
}

static void
duration(struct rc_buf *b, int64_t secs)
{
	if (secs < 0)
		secs = 0;
	rc_buf_puts(b, "PT");
	if (secs >= 3600)
		rc_buf_printf(b, "%lldH", (long long)(secs / 3600));
	if (secs >= 60)
		rc_buf_printf(b, "%lldM", (long long)(secs % 3600 / 60));
	rc_buf_printf(b, "%lldS", (long long)(secs % 60));
}

static void
practices(struct rc_buf *b, const struct rc_store_row *row)
{
	const char *p = row->summary;
	int first = 1;

	rc_buf_putc(b, '{');
	while (p && *p) {
		const char *end = strchr(p, ' '), *c1 = strchr(p, ':'), *c2;
		struct rc_buf id = RC_BUF_INIT, st = RC_BUF_INIT;
		const struct rc_store_review *review;

		if (end == NULL)
			end = p + strlen(p);
		if (c1 == NULL || c1 > end || (c2 = memchr(c1 + 1, ':',
		    (size_t)(end - c1 - 1))) == NULL)
			break;
		rc_buf_add(&id, p, (size_t)(c1 - p));
		rc_buf_add(&st, c1 + 1, (size_t)(c2 - c1 - 1));
		rc_buf_puts(b, first ? "" : ", ");
		rc_buf_json_string(b, rc_buf_str(&id));
		rc_buf_puts(b, ": {\"status\": ");
		rc_buf_json_string(b, rc_buf_str(&st));
		rc_buf_printf(b, ", \"points\": %g", strtod(c2 + 1, NULL));
		review = rc_report_review(row, rc_buf_str(&id));
		if (review != NULL) {
			rc_buf_puts(b, ", \"reviewed\": {\"was\": ");
			rc_buf_json_string(b, review->was);
			rc_buf_puts(b, ", \"by\": ");
			rc_buf_json_string(b, review->by);
			rc_buf_putc(b, '}');
		}
		rc_buf_putc(b, '}');
		rc_buf_free(&id);
		rc_buf_free(&st);
		first = 0;
		p = *end ? end + 1 : end;
	}
	rc_buf_putc(b, '}');
}

static void
statement(struct rc_buf *b, const struct rc_store_row *row,
          const char *homepage, const char *verb, int with_result)
{
	struct rc_terms terms;
	int has_terms = rc_report_terms(row, &terms);
	char when[32];

	rc_buf_puts(b, "{\"actor\": {\"objectType\": \"Agent\", \"name\": ");
	rc_buf_json_string(b, row->trainee ? row->trainee : "");
	rc_buf_puts(b, ", \"account\": {\"homePage\": ");
	rc_buf_json_string(b, homepage);
	rc_buf_puts(b, ", \"name\": ");
	rc_buf_json_string(b, row->trainee ? row->trainee : "");
	rc_buf_printf(b, "}}, \"verb\": {\"id\": \"" ADL "%s\", \"display\": "
	    "{\"en-US\": \"%s\"}}, ", verb, verb);
	rc_buf_puts(b, "\"object\": {\"objectType\": \"Activity\", \"id\": \""
	    BASE "/scenarios/");
	iri_segment(b, row->scenario);
	rc_buf_puts(b, "\", \"definition\": {\"type\": "
	    "\"http://adlnet.gov/expapi/activities/simulation\", \"name\": "
	    "{\"en-US\": ");
	rc_buf_json_string(b, row->scenario_title ? row->scenario_title :
	    row->scenario ? row->scenario : "");
	rc_buf_puts(b, "}}}");
	if (with_result) {
		rc_buf_puts(b, ", \"result\": {");
		if (row->has_score) {
			double scaled = row->score / 100;

			if (scaled < 0)
				scaled = 0;
			if (scaled > 1)
				scaled = 1;
			rc_buf_printf(b, "\"score\": {\"scaled\": %.4f, \"raw\": %.1f, "
			    "\"min\": 0, \"max\": 100}, \"success\": %s, ", scaled,
			    row->score, row->passed ? "true" : "false");
		}
		rc_buf_printf(b, "\"completion\": %s, \"duration\": \"",
		    strcmp(row->status ? row->status : "", "complete") == 0 ?
		    "true" : "false");
		duration(b, (row->ended_at ? row->ended_at : row->started_at) -
		    row->started_at);
		rc_buf_puts(b, "\"");
		if (row->has_score || has_terms)
			rc_buf_puts(b, ", \"extensions\": {");
		if (row->has_score) {
			rc_buf_printf(b, "\"" BASE "/xapi/practice-score"
			    "\": %.1f, \"" BASE "/xapi/outcome-score\": %.1f, \"" BASE
			    "/xapi/practices\": ", row->practice_score, row->outcome_score);
			practices(b, row);
		}
		/* The agreed schedule, in the JSON export's form. */
		if (has_terms) {
			rc_buf_puts(b, row->has_score ? ", \"" : "\"");
			rc_buf_puts(b, BASE "/xapi/agreement\": ");
			rc_terms_json(b, &terms, rc_report_currency(row), row->call_date);
		}
		if (row->has_score || has_terms)
			rc_buf_putc(b, '}');
		rc_buf_putc(b, '}');
	}
	rc_buf_printf(b, ", \"context\": {\"platform\": \"recoup\", \"extensions\": "
	    "{\"" BASE "/xapi/session\": %lld, \"" BASE "/xapi/seed\": \"%llu\", \""
	    BASE "/xapi/mode\": ", (long long)row->id,
	    (unsigned long long)row->seed);
	rc_buf_json_string(b, row->mode ? row->mode : "");
	rc_buf_puts(b, ", \"" BASE "/xapi/cohort\": ");
	if (row->cohort)
		rc_buf_json_string(b, row->cohort);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"" BASE "/xapi/drill\": ");
	if (row->drill)
		rc_buf_json_string(b, row->drill);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"" BASE "/xapi/call-date\": ");
	if (row->call_date != RC_DATE_NONE)
		rc_buf_printf(b, "\"%s\"", rc_date_iso(row->call_date, when,
		    sizeof when));
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"" BASE "/xapi/rubric-version\": ");
	if (row->rubric_version)
		rc_buf_json_string(b, row->rubric_version);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, "}}, \"timestamp\": ");
	rc_buf_json_string(b, rc_report_iso_time(row->ended_at ? row->ended_at :
	    row->started_at, when, sizeof when));
	rc_buf_puts(b, "}\n");
}

void
rc_report_xapi(struct rc_buf *b, const struct rc_store_row *row,
               const char *homepage)
{
	int complete = row->status && strcmp(row->status, "complete") == 0;

	if (row->status && strcmp(row->status, "running") == 0)
		return;
	statement(b, row, homepage, complete ? "completed" : "terminated", 1);
	if (complete && row->has_score)
		statement(b, row, homepage, row->passed ? "passed" : "failed", 1);
}
