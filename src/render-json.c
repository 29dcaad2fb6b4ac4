/*
 * render-json.c - the transcript as JSON for programs and for the scoring
 * and records modules.  Key order is fixed and numbers are written with a
 * fixed format, so the output is byte-identical for identical calls.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>

#include "negotiate.h"

static void
num(struct rc_buf *b, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		rc_buf_printf(b, "%.0f", v);
	else
		rc_buf_printf(b, "%.2f", v);
}

void
rc_render_json_terms(struct rc_buf *b, const struct rc_terms *t,
                     const char *currency)
{
	char words[160];

	rc_buf_puts(b, "{\"upfront\": ");
	num(b, t->upfront);
	rc_buf_puts(b, ", \"upfront_when\": ");
	rc_buf_json_string(b, t->when);
	rc_buf_puts(b, ", \"instalment\": ");
	num(b, t->instalment);
	rc_buf_puts(b, ", \"period\": ");
	if (t->instalment > 0)
		rc_buf_json_string(b, rc_period_name(t->period));
	else
		rc_buf_puts(b, "null");
	rc_buf_printf(b, ", \"count\": %d, \"total\": ", t->count);
	num(b, t->total);
	rc_buf_puts(b, ", \"balance_left\": ");
	num(b, t->balance_left);
	rc_buf_printf(b, ", \"affordable\": %s, \"text\": ",
	    t->affordable ? "true" : "false");
	rc_buf_json_string(b, rc_negotiate_describe(t, currency, words, sizeof words));
	rc_buf_putc(b, '}');
}

void
rc_render_json(struct rc_buf *b, const struct rc_scenario *s, uint64_t seed,
               const char *trainee, const struct rc_transcript *t)
{
	size_t i, j;

	rc_buf_puts(b, "{\"scenario\": {\"id\": ");
	rc_buf_json_string(b, s->id);
	rc_buf_puts(b, ", \"title\": ");
	rc_buf_json_string(b, s->title);
	rc_buf_puts(b, ", \"version\": ");
	rc_buf_json_string(b, s->version);
	rc_buf_puts(b, ", \"archetype\": ");
	rc_buf_json_string(b, s->archetype);
	rc_buf_puts(b, ", \"currency\": ");
	rc_buf_json_string(b, s->currency);
	rc_buf_puts(b, ", \"balance\": ");
	num(b, s->balance);
	rc_buf_printf(b, "},\n \"seed\": %llu,\n \"trainee\": ",
	    (unsigned long long)seed);
	if (trainee)
		rc_buf_json_string(b, trainee);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ",\n \"turns\": [");
	for (i = 0; i < t->n; i++) {
		const struct rc_turn *u = &t->turns[i];

		rc_buf_printf(b, "%s\n  {\"turn\": %d, \"speaker\": \"%s\", \"text\": ",
		    i ? "," : "", u->number, rc_speaker_name(u->speaker));
		rc_buf_json_string(b, u->text);
		rc_buf_puts(b, ", \"state\": ");
		if (u->state)
			rc_buf_json_string(b, u->state);
		else
			rc_buf_puts(b, "null");
		rc_buf_puts(b, ", \"rule\": ");
		if (u->rule)
			rc_buf_json_string(b, u->rule);
		else
			rc_buf_puts(b, "null");
		rc_buf_puts(b, ", \"events\": [");
		for (j = 0; j < u->nevents; j++) {
			const struct rc_event *ev = &u->events[j];

			rc_buf_puts(b, j ? ", {\"type\": " : "{\"type\": ");
			rc_buf_json_string(b, ev->type);
			if (ev->detail) {
				rc_buf_puts(b, ", \"detail\": ");
				rc_buf_json_string(b, ev->detail);
			}
			if (ev->has_amount) {
				rc_buf_puts(b, ", \"amount\": ");
				num(b, ev->amount);
			}
			if (ev->has_terms) {
				rc_buf_puts(b, ", \"terms\": ");
				rc_render_json_terms(b, &ev->terms, s->currency);
			}
			rc_buf_putc(b, '}');
		}
		rc_buf_puts(b, "]}");
	}
	rc_buf_puts(b, "\n ],\n \"outcome\": {\"ended_by\": ");
	rc_buf_json_string(b, rc_ended_name(t->ended_by));
	rc_buf_puts(b, ", \"agreement\": ");
	if (t->has_agreement)
		rc_render_json_terms(b, &t->agreement, s->currency);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"floor\": ");
	if (t->has_floor)
		num(b, t->floor);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, "}}\n");
}
