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
rc_render_json(struct rc_buf *b, const struct rc_scenario *s, uint64_t seed,
               const char *trainee, const struct rc_transcript *t,
               const struct rc_scorecard *card)
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
		if (u->name) {
			rc_buf_puts(b, ", \"name\": ");
			rc_buf_json_string(b, u->name);
		}
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
				rc_terms_json(b, &ev->terms, s->currency, s->date);
			}
			rc_buf_putc(b, '}');
		}
		rc_buf_puts(b, "]}");
	}
	rc_buf_puts(b, "\n ],\n \"outcome\": {\"ended_by\": ");
	rc_buf_json_string(b, rc_ended_name(t->ended_by));
	rc_buf_puts(b, ", \"agreement\": ");
	if (t->has_agreement)
		rc_terms_json(b, &t->agreement, s->currency, s->date);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"floor\": ");
	if (t->has_floor)
		num(b, t->floor);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"floor_kind\": ");
	if (t->has_floor)
		rc_buf_puts(b, t->floor_now ? "\"now\"" : "\"total\"");
	else
		rc_buf_puts(b, "null");
	rc_buf_putc(b, '}');
	if (card != NULL) {
		rc_buf_puts(b, ",\n \"scorecard\": ");
		rc_render_scorecard_json(b, card);
	}
	rc_buf_puts(b, "}\n");
}

static void
results_json(struct rc_buf *b, const struct rc_result *r, size_t n)
{
	size_t i, j;

	rc_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		rc_buf_puts(b, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
		rc_buf_json_string(b, r[i].def->id);
		rc_buf_printf(b, ", \"number\": %d, \"title\": ", r[i].def->number);
		rc_buf_json_string(b, r[i].def->title);
		rc_buf_printf(b, ", \"status\": \"%s\", \"points\": ",
		    rc_status_name(r[i].status));
		num(b, r[i].points);
		rc_buf_puts(b, ", \"weight\": ");
		num(b, r[i].weight);
		rc_buf_puts(b, ", \"evidence\": [");
		for (j = 0; j < r[i].nev; j++) {
			rc_buf_printf(b, "%s{\"turn\": %d, \"quote\": ", j ? ", " : "",
			    r[i].ev[j].turn);
			rc_buf_json_string(b, r[i].ev[j].quote);
			rc_buf_putc(b, '}');
		}
		rc_buf_puts(b, "], \"note\": ");
		if (r[i].note)
			rc_buf_json_string(b, r[i].note);
		else
			rc_buf_puts(b, "null");
		rc_buf_puts(b, ", \"tip\": ");
		rc_buf_json_string(b, r[i].def->tip);
		if (r[i].review != NULL) {
			const struct rc_review *v = r[i].review;

			rc_buf_printf(b, ", \"review\": {\"was\": \"%s\", \"was_points\": ",
			    rc_status_name(v->was));
			num(b, v->was_points);
			rc_buf_puts(b, ", \"by\": ");
			rc_buf_json_string(b, v->by);
			rc_buf_printf(b, ", \"at\": %lld, \"note\": ", (long long)v->at);
			if (v->note)
				rc_buf_json_string(b, v->note);
			else
				rc_buf_puts(b, "null");
			rc_buf_putc(b, '}');
		}
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, n ? "\n ]" : "]");
}

/* The compliance section: null without a legal frame, else the frame in
 * words and every rule with its status (docs/compliance.md). */
static void
compliance_json(struct rc_buf *b, const struct rc_scorecard *c)
{
	size_t i;

	if (c->frame == NULL) {
		rc_buf_puts(b, "null");
		return;
	}
	rc_buf_puts(b, "{\"frame\": ");
	rc_buf_json_string(b, c->frame);
	rc_buf_puts(b, ", \"rules\": [");
	for (i = 0; i < c->ncompliance; i++) {
		const struct rc_comply_result *r = &c->compliance[i];

		rc_buf_puts(b, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
		rc_buf_json_string(b, r->rule->id);
		rc_buf_puts(b, ", \"law\": ");
		rc_buf_json_string(b, r->rule->law);
		rc_buf_puts(b, ", \"section\": ");
		rc_buf_json_string(b, r->rule->section);
		rc_buf_printf(b, ", \"critical\": %s, \"applies\": %s, "
		    "\"status\": \"%s\", \"turn\": ", r->rule->critical ? "true" :
		    "false", r->applies ? "true" : "false",
		    rc_comply_status_name(r->status));
		if (r->turn > 0)
			rc_buf_printf(b, "%d", r->turn);
		else
			rc_buf_puts(b, "null");
		rc_buf_puts(b, ", \"quote\": ");
		if (r->quote)
			rc_buf_json_string(b, r->quote);
		else
			rc_buf_puts(b, "null");
		rc_buf_puts(b, ", \"note\": ");
		if (r->note)
			rc_buf_json_string(b, r->note);
		else
			rc_buf_puts(b, "null");
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, "]}");
}

void
rc_render_scorecard_json(struct rc_buf *b, const struct rc_scorecard *c)
{
	const struct rc_outcome *o = &c->outcome;
	size_t i;

	rc_buf_puts(b, "{\"rubric_version\": ");
	if (c->rubric_version)
		rc_buf_json_string(b, c->rubric_version);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"scenario_version\": ");
	if (c->scenario_version)
		rc_buf_json_string(b, c->scenario_version);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ",\n \"practices\": ");
	results_json(b, c->practices, c->npractices);
	rc_buf_puts(b, ",\n \"extended\": ");
	results_json(b, c->extended, c->nextended);
	rc_buf_printf(b, ",\n \"style\": \"%s\", \"practice_score\": ",
	    rc_style_name(c->style));
	num(b, round(c->practice_score * 10) / 10);
	rc_buf_printf(b, ",\n \"outcome\": {\"agreement\": %s, \"ended_by\": \"%s\", "
	    "\"balance\": ", o->agreement ? "true" : "false",
	    rc_ended_name((enum rc_ended)o->ended_by));
	num(b, o->balance);
	rc_buf_puts(b, ", \"credited\": ");
	num(b, o->credited);
	rc_buf_puts(b, ", \"recovered_now\": ");
	num(b, o->recovered_now);
	rc_buf_puts(b, ", \"expected_recovery\": ");
	num(b, round(o->expected * 100) / 100);
	rc_buf_puts(b, ", \"days_to_full\": ");
	if (o->days_to_full >= 0)
		rc_buf_printf(b, "%d", o->days_to_full);
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"goodwill\": ");
	num(b, round(o->goodwill));
	rc_buf_puts(b, ", \"score\": ");
	num(b, round(o->score * 10) / 10);
	rc_buf_puts(b, ", \"policy_breaches\": [");
	for (i = 0; i < (size_t)o->nbreaches; i++) {
		const struct rc_breach *r = &o->breaches[i];
		int cents = r->kind == RC_BREACH_INSTALMENT ||
		    r->kind == RC_BREACH_AUTHORITY;

		rc_buf_printf(b, "%s{\"kind\": \"%s\", \"found\": ", i ? ", " : "",
		    rc_breach_name(r->kind));
		num(b, cents ? rc_units(r->found) : (double)r->found);
		rc_buf_puts(b, ", \"limit\": ");
		num(b, cents ? rc_units(r->limit) : (double)r->limit);
		rc_buf_puts(b, ", \"text\": ");
		rc_buf_json_string(b, r->text);
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, "]},\n \"score\": ");
	num(b, round(c->score * 10) / 10);
	rc_buf_puts(b, ", \"pass_mark\": ");
	num(b, c->pass_mark);
	rc_buf_printf(b, ", \"passed\": %s,", c->passed ? "true" : "false");
	if (c->nreviewed > 0) {
		rc_buf_printf(b, "\n \"reviewed\": %zu, \"automatic\": "
		    "{\"practice_score\": ", c->nreviewed);
		num(b, round(c->auto_practice_score * 10) / 10);
		rc_buf_puts(b, ", \"score\": ");
		num(b, round(c->auto_score * 10) / 10);
		rc_buf_printf(b, ", \"passed\": %s},", c->auto_passed ? "true" : "false");
	}
	rc_buf_puts(b, "\n \"critical\": [");
	for (i = 0; i < c->ncritical; i++) {
		rc_buf_printf(b, "%s{\"id\": \"%s\", \"turn\": %d, \"quote\": ",
		    i ? ", " : "", c->critical[i].id, c->critical[i].turn);
		rc_buf_json_string(b, c->critical[i].quote);
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, "],\n \"compliance\": ");
	compliance_json(b, c);
	rc_buf_putc(b, '}');
}
