/*
 * render-text.c - what a trainee reads: the call heading, the case file,
 * research notes, the lines of the call and how it ended.  Colour codes are
 * written only when the style asks for them, so piped output is plain.
 */
#include "render.h"

#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "negotiate.h"
#include "terms.h"

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define CYAN "\033[36m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RED "\033[31m"
#define RESET "\033[0m"

static void
on(struct rc_buf *b, const struct rc_style *st, const char *code)
{
	if (st != NULL && st->color)
		rc_buf_puts(b, code);
}

static void
heading(struct rc_buf *b, const struct rc_style *st, const char *title)
{
	on(b, st, BOLD);
	rc_buf_printf(b, "== %s ==", title);
	on(b, st, RESET);
	rc_buf_putc(b, '\n');
}

void
rc_render_header(struct rc_buf *b, const struct rc_scenario *s, uint64_t seed,
                 const char *trainee, const struct rc_style *st)
{
	on(b, st, BOLD);
	rc_buf_printf(b, "%s", s->title);
	on(b, st, RESET);
	rc_buf_printf(b, " (%s %s, %s, seed %llu)\n", s->id, s->version,
	    s->difficulty, (unsigned long long)seed);
	if (trainee != NULL)
		rc_buf_printf(b, "Trainee: %s\n", trainee);
	rc_buf_printf(b, "%s\n", s->summary);
	on(b, st, DIM);
	rc_buf_puts(b, "Type what you say. /case shows the account, /help lists "
	    "commands, /end hangs up.\n");
	on(b, st, RESET);
	rc_buf_putc(b, '\n');
}

void
rc_render_case(struct rc_buf *b, const struct rc_scenario *s,
               const struct rc_style *st)
{
	char amt[64];
	size_t i;

	heading(b, st, "Case file");
	rc_buf_printf(b, "Creditor:     %s\n", s->creditor);
	if (s->collector)
		rc_buf_printf(b, "You are:      %s\n", s->collector);
	rc_buf_printf(b, "Debtor:       %s\n", s->debtor);
	rc_buf_printf(b, "Contact:      %s, %s\n", s->name, s->role);
	if (s->contact)
		rc_buf_printf(b, "Reach them:   %s\n", s->contact);
	rc_buf_puts(b, "Invoices:\n");
	for (i = 0; i < s->ninvoices; i++) {
		const struct rc_invoice *iv = &s->invoices[i];

		rc_buf_printf(b, "  %-12s %12s", iv->id,
		    rc_amount_format(iv->amount, s->currency, amt, sizeof amt));
		if (iv->due)
			rc_buf_printf(b, "  due %s", iv->due);
		rc_buf_puts(b, iv->paid ? "  paid\n" : "  unpaid\n");
	}
	rc_buf_printf(b, "Balance:      %s, %d days overdue\n",
	    rc_amount_format(s->balance, s->currency, amt, sizeof amt),
	    s->days_overdue);
	if (s->policy.set) {
		char pol[640];

		rc_buf_puts(b, "Policy:\n");
		rc_buf_puts(b, rc_policy_say(&s->policy, s->currency, "  - ", pol,
		    sizeof pol));
	}
	if (s->nhistory) {
		rc_buf_puts(b, "History:\n");
		for (i = 0; i < s->nhistory; i++)
			rc_buf_printf(b, "  - %s\n", s->history[i]);
	}
	if (s->nnotes) {
		rc_buf_puts(b, "Notes:\n");
		for (i = 0; i < s->nnotes; i++)
			rc_buf_printf(b, "  - %s\n", s->notes[i]);
	}
}

void
rc_render_research(struct rc_buf *b, const struct rc_scenario *s,
                   const struct rc_style *st)
{
	size_t i;

	heading(b, st, "Research");
	if (s->nresearch == 0) {
		rc_buf_puts(b, "Nothing turned up on this debtor.\n");
		return;
	}
	for (i = 0; i < s->nresearch; i++) {
		rc_buf_printf(b, "%zu. %s", i + 1, s->research[i].text);
		if (s->research[i].source)
			rc_buf_printf(b, " (%s)", s->research[i].source);
		rc_buf_putc(b, '\n');
	}
}

void
rc_render_turn(struct rc_buf *b, const struct rc_scenario *s,
               const struct rc_turn *u, const struct rc_style *st)
{
	switch (u->speaker) {
	case RC_SPEAKER_DEBTOR:
		on(b, st, BOLD CYAN);
		rc_buf_printf(b, "%s:", u->name ? u->name : s->first_name);
		on(b, st, RESET);
		rc_buf_printf(b, " %s\n", u->text);
		break;
	case RC_SPEAKER_COLLECTOR:
		on(b, st, BOLD);
		rc_buf_puts(b, "You:");
		on(b, st, RESET);
		rc_buf_printf(b, " %s\n", u->text);
		break;
	default:
		on(b, st, DIM);
		rc_buf_printf(b, "(%s)", u->text);
		on(b, st, RESET);
		rc_buf_putc(b, '\n');
	}
}

void
rc_render_outcome(struct rc_buf *b, const struct rc_scenario *s,
                  const struct rc_transcript *t, const struct rc_style *st)
{
	char terms[512], amt[64], bal[64];
	const char *how;

	switch (t->ended_by) {
	case RC_ENDED_AGREEMENT: how = "agreement reached"; break;
	case RC_ENDED_HANGUP: how = "the debtor hung up"; break;
	case RC_ENDED_TURN_LIMIT: how = "turn limit reached"; break;
	default:
		how = t->n > 0 && rc_turn_find(&t->turns[t->n - 1], "call-closed") ?
		    "the call closed without an agreement" : "you ended the call";
		break;
	}
	rc_buf_putc(b, '\n');
	heading(b, st, "Call ended");
	rc_buf_printf(b, "Ended by:   %s\n", how);
	if (t->has_agreement) {
		const struct rc_terms *a = &t->agreement;

		on(b, st, GREEN);
		rc_buf_printf(b, "Agreement:  %s\n", rc_terms_say(a, s->currency,
		    s->date, 0, terms, sizeof terms));
		on(b, st, RESET);
		double credited = rc_transcript_credited(t);

		rc_buf_printf(b, "Total:      %s of %s",
		    rc_amount_format(rc_units(a->total), s->currency, amt, sizeof amt),
		    rc_amount_format(s->balance - credited, s->currency, bal, sizeof bal));
		if (credited > 0)
			rc_buf_printf(b, " (%s credited in the call)", rc_amount_format(
			    credited, s->currency, amt, sizeof amt));
		if (a->balance_left > 0)
			rc_buf_printf(b, " (%s left open)", rc_amount_format(
			    rc_units(a->balance_left), s->currency, amt, sizeof amt));
		rc_buf_putc(b, '\n');
		if (!a->affordable) {
			on(b, st, YELLOW);
			rc_buf_puts(b, "Warning:    the debtor cannot truly keep these terms\n");
			on(b, st, RESET);
		}
		{
			struct rc_breach br[RC_POLICY_BREACHES];
			int i, n = rc_policy_check(&s->policy, a, rc_cents(s->balance),
			    s->date, s->currency, br);

			for (i = 0; i < n; i++) {
				on(b, st, YELLOW);
				rc_buf_printf(b, "Policy:     outside it: %s\n", br[i].text);
				on(b, st, RESET);
			}
		}
	} else {
		on(b, st, RED);
		rc_buf_puts(b, "Agreement:  none\n");
		on(b, st, RESET);
	}
	if (t->has_floor)
		rc_buf_printf(b, "Your floor: %s %s\n", rc_amount_format(t->floor,
		    s->currency, amt, sizeof amt), t->floor_now ? "paid now" :
		    "in total");
}

static const char *
mark(enum rc_status s)
{
	switch (s) {
	case RC_MET: return "[+]";
	case RC_PARTIAL: return "[~]";
	case RC_MISSED: return "[x]";
	default: return "[-]";
	}
}

static const char *
mark_color(enum rc_status s)
{
	switch (s) {
	case RC_MET: return GREEN;
	case RC_PARTIAL: return YELLOW;
	case RC_MISSED: return RED;
	default: return DIM;
	}
}

/* S with control characters shown as '?': a reviewer's name or note
 * cannot drive the terminal. */
static void
printable(struct rc_buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		rc_buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

static void
result_line(struct rc_buf *b, const struct rc_result *r, const struct rc_style *st)
{
	size_t i;

	on(b, st, mark_color(r->status));
	rc_buf_puts(b, mark(r->status));
	on(b, st, RESET);
	if (r->def->number)
		rc_buf_printf(b, " %2d. %-42s %s", r->def->number, r->def->title,
		    rc_status_name(r->status));
	else
		rc_buf_printf(b, "     %-42s %s", r->def->title,
		    rc_status_name(r->status));
	if (r->review != NULL) {
		rc_buf_puts(b, " (reviewed by ");
		printable(b, r->review->by);
		rc_buf_printf(b, ": was %s)", rc_status_name(r->review->was));
	}
	rc_buf_putc(b, '\n');
	if (r->review != NULL && r->review->note != NULL) {
		rc_buf_puts(b, "       review: ");
		printable(b, r->review->note);
		rc_buf_putc(b, '\n');
	}
	if (r->note && (r->status != RC_NA || r->review != NULL))
		rc_buf_printf(b, "       %s%s\n", r->review ? "scorer: " : "", r->note);
	for (i = 0; i < r->nev && i < 2; i++)
		rc_buf_printf(b, "       turn %d: \"%s\"\n", r->ev[i].turn, r->ev[i].quote);
	if (r->status == RC_MISSED || r->status == RC_PARTIAL) {
		on(b, st, DIM);
		rc_buf_printf(b, "       tip: %s", r->def->tip);
		on(b, st, RESET);
		rc_buf_putc(b, '\n');
	}
}

/* The compliance section: the rules that apply in the call's frame, each
 * kept, breached (with its line, the section and the tip) or not judged;
 * the rules of other frames only counted. */
static void
compliance(struct rc_buf *b, const struct rc_scorecard *c,
           const struct rc_style *st)
{
	size_t i, na = 0;

	if (c->frame == NULL)
		return;
	rc_buf_puts(b, "\nCompliance (");
	printable(b, c->frame);
	rc_buf_puts(b, "):\n");
	for (i = 0; i < c->ncompliance; i++) {
		const struct rc_comply_result *r = &c->compliance[i];
		const char *m = r->status == RC_COMPLY_KEPT ? "[+]" :
		    r->status == RC_COMPLY_BREACHED ? "[x]" : "[?]";

		if (!r->applies) {
			na++;
			continue;
		}
		on(b, st, r->status == RC_COMPLY_KEPT ? GREEN :
		    r->status == RC_COMPLY_BREACHED ? RED : DIM);
		rc_buf_puts(b, r->status == RC_COMPLY_NA ? "[-]" : m);
		on(b, st, RESET);
		rc_buf_printf(b, "     %-42s %s%s\n", r->rule->title,
		    rc_comply_status_name(r->status), r->status ==
		    RC_COMPLY_BREACHED && r->rule->critical ? " (critical)" : "");
		rc_buf_printf(b, "       %s (%s)", r->rule->section, r->rule->law);
		if (r->note)
			rc_buf_printf(b, ": %s", r->note);
		rc_buf_putc(b, '\n');
		if (r->status == RC_COMPLY_BREACHED) {
			if (r->quote)
				rc_buf_printf(b, "       turn %d: \"%s\"\n", r->turn,
				    r->quote);
			on(b, st, DIM);
			rc_buf_printf(b, "       tip: %s", r->rule->tip);
			on(b, st, RESET);
			rc_buf_putc(b, '\n');
		}
	}
	if (na == c->ncompliance)
		rc_buf_puts(b, "       no rule applies in this frame\n");
	else if (na > 0)
		rc_buf_printf(b, "       (%zu rule%s of other frames not shown)\n",
		    na, na == 1 ? "" : "s");
}

void
rc_render_scorecard(struct rc_buf *b, const struct rc_scorecard *c,
                    const char *currency, const struct rc_style *st)
{
	const struct rc_outcome *o = &c->outcome;
	char a1[64], a2[64];
	size_t i;

	rc_buf_putc(b, '\n');
	heading(b, st, "Scorecard");
	for (i = 0; i < c->npractices; i++)
		result_line(b, &c->practices[i], st);
	if (c->nextended) {
		rc_buf_puts(b, "\nAlso observed:\n");
		for (i = 0; i < c->nextended; i++)
			result_line(b, &c->extended[i], st);
	}
	compliance(b, c, st);
	rc_buf_putc(b, '\n');
	rc_buf_printf(b, "Style:          %s\n", rc_style_name(c->style));
	rc_buf_printf(b, "Practice score: %.0f/100", c->practice_score);
	if (c->nreviewed > 0)
		rc_buf_printf(b, " (%zu reviewed; the scorer's %.0f)", c->nreviewed,
		    c->auto_practice_score);
	rc_buf_putc(b, '\n');
	rc_buf_printf(b, "Outcome score:  %.0f/100 (", o->score);
	if (o->agreement) {
		rc_buf_printf(b, "agreement; %s now; %s expected",
		    rc_amount_format(o->recovered_now, currency, a1, sizeof a1),
		    rc_amount_format(o->expected, currency, a2, sizeof a2));
		if (o->days_to_full == 0)
			rc_buf_puts(b, "; paid in full at once");
		else if (o->days_to_full > 0)
			rc_buf_printf(b, "; in full in %d days", o->days_to_full);
		else
			rc_buf_puts(b, "; not in full");
	} else {
		rc_buf_puts(b, "no agreement");
	}
	rc_buf_printf(b, "; goodwill %.0f)\n", o->goodwill);
	for (i = 0; i < (size_t)o->nbreaches; i++) {
		on(b, st, RED);
		rc_buf_printf(b, "Policy breach:  %s\n", o->breaches[i].text);
		on(b, st, RESET);
	}
	rc_buf_printf(b, "Overall:        %.0f/100, ", c->score);
	on(b, st, c->passed ? BOLD GREEN : BOLD RED);
	rc_buf_puts(b, c->passed ? "passed" : "not passed");
	on(b, st, RESET);
	rc_buf_printf(b, " (pass mark %.0f)", c->pass_mark);
	if (c->nreviewed > 0)
		rc_buf_printf(b, " after review; the scorer's %.0f/100, %s",
		    c->auto_score, c->auto_passed ? "passed" : "not passed");
	rc_buf_putc(b, '\n');
	if (c->ncritical == 0) {
		rc_buf_puts(b, "Critical:       none\n");
	} else {
		for (i = 0; i < c->ncritical; i++) {
			on(b, st, RED);
			rc_buf_printf(b, "Critical:       %s at turn %d: \"%s\"\n",
			    c->critical[i].id, c->critical[i].turn, c->critical[i].quote);
			on(b, st, RESET);
		}
	}
	rc_buf_printf(b, "Rubric %s", c->rubric_version ? c->rubric_version :
	    "unknown");
	if (c->scenario_version)
		rc_buf_printf(b, ", scenario %s", c->scenario_version);
	rc_buf_putc(b, '\n');
}
