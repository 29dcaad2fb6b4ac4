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
		rc_buf_printf(b, "%s:", s->first_name);
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
	char terms[160], amt[64], bal[64];
	const char *how;

	switch (t->ended_by) {
	case RC_ENDED_AGREEMENT: how = "agreement reached"; break;
	case RC_ENDED_HANGUP: how = "the debtor hung up"; break;
	case RC_ENDED_TURN_LIMIT: how = "turn limit reached"; break;
	default: how = "you ended the call"; break;
	}
	rc_buf_putc(b, '\n');
	heading(b, st, "Call ended");
	rc_buf_printf(b, "Ended by:   %s\n", how);
	if (t->has_agreement) {
		const struct rc_terms *a = &t->agreement;

		on(b, st, GREEN);
		rc_buf_printf(b, "Agreement:  %s\n", rc_negotiate_describe(a,
		    s->currency, terms, sizeof terms));
		on(b, st, RESET);
		rc_buf_printf(b, "Total:      %s of %s",
		    rc_amount_format(a->total, s->currency, amt, sizeof amt),
		    rc_amount_format(s->balance, s->currency, bal, sizeof bal));
		if (a->balance_left > 0)
			rc_buf_printf(b, " (%s left open)", rc_amount_format(a->balance_left,
			    s->currency, amt, sizeof amt));
		rc_buf_putc(b, '\n');
		if (!a->affordable) {
			on(b, st, YELLOW);
			rc_buf_puts(b, "Warning:    the debtor cannot truly keep these terms\n");
			on(b, st, RESET);
		}
	} else {
		on(b, st, RED);
		rc_buf_puts(b, "Agreement:  none\n");
		on(b, st, RESET);
	}
	if (t->has_floor)
		rc_buf_printf(b, "Your floor: %s\n", rc_amount_format(t->floor,
		    s->currency, amt, sizeof amt));
}
