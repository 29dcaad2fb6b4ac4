/*
 * detect.h - small helpers the detector files (detect-*.c) share: who
 * speaks a line, where the collector's lines, proposals and the agreement
 * are, and citing a line.  Internal to the detectors; every index is into
 * d->lines, and RC_DETECT_NONE means "no such line".
 */
#ifndef RC_DETECT_H
#define RC_DETECT_H

#include <stdint.h>

#include <string.h>

#include "score.h"

#define RC_DETECT_NONE SIZE_MAX

/* 1 when the collector (the trainee) speaks L. */
static inline int
collector(const struct rc_line *l)
{
	return l->turn->speaker == RC_SPEAKER_COLLECTOR;
}

/* 1 when the debtor speaks L. */
static inline int
debtor(const struct rc_line *l)
{
	return l->turn->speaker == RC_SPEAKER_DEBTOR;
}

/* The balance owed by the case file, 0 without one. */
static inline double
balance(const struct rc_detect *d)
{
	return d->in->c != NULL ? d->in->c->balance : 0;
}

/* A collector line that puts terms on the table.  A sum with no date in
 * a line about what happens if a payment is missed ("the full balance
 * becomes due") is a consequence, not a proposal. */
static inline int
proposes(const struct rc_line *l)
{
	if (!collector(l) || l->prop.kind == RC_PROP_NONE)
		return 0;
	return !RC_HAS(l, RC_SIG_RAMIFICATION) || l->prop.kind == RC_PROP_PLAN ||
	    l->prop.when[0] != '\0';
}

/* Cites line I in R; an I past the end (RC_DETECT_NONE) cites nothing. */
static inline void
cite(const struct rc_detect *d, struct rc_result *r, size_t i)
{
	if (i < d->nlines)
		rc_result_cite(r, d->lines[i].turn);
}

/* The first collector line from FROM on. */
static inline size_t
next_collector(const struct rc_detect *d, size_t from)
{
	size_t i;

	for (i = from; i < d->nlines; i++)
		if (collector(&d->lines[i]))
			return i;
	return RC_DETECT_NONE;
}

/* The collector's last line. */
static inline size_t
last_collector(const struct rc_detect *d)
{
	size_t i;

	for (i = d->nlines; i > 0; i--)
		if (collector(&d->lines[i - 1]))
			return i - 1;
	return RC_DETECT_NONE;
}

/* The collector's first proposal (see proposes()). */
static inline size_t
first_proposal(const struct rc_detect *d)
{
	size_t i;

	for (i = 0; i < d->nlines; i++)
		if (proposes(&d->lines[i]))
			return i;
	return RC_DETECT_NONE;
}

/* The first collector line from FROM on with signal S. */
static inline size_t
first_signal(const struct rc_detect *d, enum rc_signal s, size_t from)
{
	size_t i;

	for (i = from; i < d->nlines; i++)
		if (collector(&d->lines[i]) && RC_HAS(&d->lines[i], s))
			return i;
	return RC_DETECT_NONE;
}

/* The first line of the agreement, 0 when the transcript has one but no
 * line carries it (its moment unknown: everything counts as after), or
 * RC_DETECT_NONE when there is no agreement. */
static inline size_t
agreement_at(const struct rc_detect *d)
{
	size_t i;

	for (i = 0; i < d->nlines; i++)
		if (d->lines[i].agreement)
			return i;
	return d->in->t->has_agreement ? 0 : RC_DETECT_NONE;
}

/* Had the debtor, in the line before collector line K, put or taken
 * terms (an offer, a yes, "the 20th")? */
static inline int
debtor_moved(const struct rc_detect *d, size_t k)
{
	while (k-- > 0) {
		const struct rc_line *l = &d->lines[k];

		if (l->turn->speaker == RC_SPEAKER_ACTION)
			continue;
		return debtor(l) && (l->debtor_offer || l->agreement ||
		    RC_HAS(l, RC_SIG_D_OFFER) || RC_HAS(l, RC_SIG_D_AGREE) ||
		    RC_HAS(l, RC_SIG_D_ASSENT));
	}
	return 0;
}

/* Where the deal agreed at line A was put: a debtor's yes to the
 * collector's line before it, when that line took terms or said them back
 * as settled ("So that's $418.50 by Friday; I'll email you a note"), makes
 * what that line says part of the agreement.  Terms asked for ("Could you
 * pay $1,840 by Friday? I'll put it in writing") are still a proposal: the
 * agreement is A itself. */
static inline size_t
deal_put_at(const struct rc_detect *d, size_t a)
{
	size_t k;

	if (a == RC_DETECT_NONE || a >= d->nlines || !debtor(&d->lines[a]))
		return a;
	for (k = a; k-- > 0;) {
		const struct rc_line *l = &d->lines[k];

		if (l->turn->speaker == RC_SPEAKER_ACTION)
			continue;
		if (collector(l) && (RC_HAS(l, RC_SIG_ACCEPT) ||
		    RC_HAS(l, RC_SIG_RECAP) || (l->prop.kind != RC_PROP_NONE &&
		    l->prop.when[0] != '\0' && strchr(l->turn->text, '?') == NULL &&
		    debtor_moved(d, k))))
			return k;
		break;
	}
	return a;
}

/* Did the debtor agree at once to the collector's first terms, the full
 * balance paid now, with no bargaining?  Then there was nothing to ask
 * and nothing to bargain over. */
static inline int
paid_outright(const struct rc_detect *d)
{
	size_t i, a = agreement_at(d), p = first_proposal(d);
	double b = balance(d);

	if (a == RC_DETECT_NONE || p == RC_DETECT_NONE || p > a || b <= 0 ||
	    d->lines[p].prop.upfront < b - 0.5)
		return 0;
	for (i = 0; i < a; i++) {
		const struct rc_line *l = &d->lines[i];

		/* A deadline put before the terms ("can you do Friday?") that
		 * the debtor did not take is bargaining already. */
		if (l->debtor_offer || l->inability || (i != p && proposes(l)) ||
		    (i < p && collector(l) && RC_HAS(l, RC_SIG_DEADLINE)))
			return 0;
	}
	return 1;
}

#endif
