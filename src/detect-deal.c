/*
 * detect-deal.c - detectors for practices 11 to 20: finding the reason,
 * inviting the debtor's ideas and offers, bargaining patiently, good faith,
 * not forcing the issue, and closing the deal (writing, ramifications,
 * follow-up, holding to it).
 *
 * Each detector walks the lines once or twice in call order and judges from
 * their signals, events and proposals only.  A line that explains what
 * happens when a payment is missed ("the full balance becomes due") is
 * never read as a proposal.  Whatever decided a result is cited; a missed
 * result cites the offending line, or, when the fault is an absence, the
 * moment the practice was due (the debtor's turn that called for it, the
 * agreement, or the collector's last line).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "detect.h"
#include "score.h"

#define NONE RC_DETECT_NONE

/* Q asks for less than P: less at once, or less in all. */
static int
lower(const struct rc_proposal *p, const struct rc_proposal *q)
{
	if (q->upfront < p->upfront - 0.5)
		return 1;
	return p->total > 0 && q->total > 0 && q->total < p->total - 0.5;
}

/* Where an absence shows: the first proposal (terms put without doing the
 * practice first), else the collector's last line. */
static size_t
absence_at(const struct rc_detect *d)
{
	size_t i = first_proposal(d);

	return i != NONE ? i : last_collector(d);
}

/* Did collector line K take up the reason the debtor just gave: stay with
 * it (acknowledge it, show understanding, or ask about it: "When's he
 * back?") rather than move straight on to terms? */
static int
took_up(const struct rc_line *k)
{
	return !proposes(k) && (RC_HAS(k, RC_SIG_ACKNOWLEDGE) ||
	    RC_HAS(k, RC_SIG_EMPATHY) || strchr(k->turn->text, '?') != NULL);
}

/* Had the collector raised the debt (named it, asked about it, or put
 * terms) before line I? */
static int
debt_raised(const struct rc_detect *d, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++) {
		const struct rc_line *l = &d->lines[k];

		if (collector(l) && (RC_HAS(l, RC_SIG_OVERDUE) || l->nmoney > 0 ||
		    l->nids > 0 || l->prop.kind != RC_PROP_NONE))
			return 1;
	}
	return 0;
}

/* 11: found out why the payment was not made: asked, or the debtor gave
 * the reason unasked and the next line took it up (the reason is known and
 * heard; the practice is to find it out).  A reason only acknowledged on
 * the way to a demand ("I understand. Could you pay $1,840 by Friday?") is
 * half. */
static void
find_the_reason(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, k, asked = first_signal(d, RC_SIG_ASK_REASON, 0);

	if (asked != NONE) {
		cite(d, r, asked);
		rc_result_set(r, RC_MET, "asked why the payment was not made");
		return;
	}
	if (last_collector(d) == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		if (!debtor(&d->lines[i]) || !d->lines[i].reason)
			continue;
		/* Before the debt is raised, what the debtor says is not yet
		 * why it went unpaid ("our logins stopped working"). */
		if (!debt_raised(d, i))
			continue;
		k = next_collector(d, i + 1);
		if (k != NONE && took_up(&d->lines[k])) {
			cite(d, r, i);
			cite(d, r, k);
			rc_result_set(r, RC_MET, "the debtor gave the reason and you "
			    "took it up");
			return;
		}
	}
	for (i = 0; i < d->nlines; i++) {
		if (!debtor(&d->lines[i]) || !d->lines[i].reason)
			continue;
		k = next_collector(d, i + 1);
		if (k != NONE && (RC_HAS(&d->lines[k], RC_SIG_ACKNOWLEDGE) ||
		    RC_HAS(&d->lines[k], RC_SIG_EMPATHY))) {
			cite(d, r, i);
			cite(d, r, k);
			rc_result_set(r, RC_PARTIAL, "the debtor volunteered the reason "
			    "and it was acknowledged, but never asked for");
			return;
		}
	}
	for (i = 0; i < d->nlines; i++) {
		if (debtor(&d->lines[i]) && d->lines[i].reason) {
			cite(d, r, i);
			k = next_collector(d, i + 1);
			cite(d, r, k);
			rc_result_set(r, RC_MISSED, "never asked why, and passed over the "
			    "reason the debtor gave");
			return;
		}
	}
	cite(d, r, absence_at(d));
	rc_result_set(r, RC_MISSED, "never asked why the payment was not made");
}

/* 12: asked the debtor what solution would work.  Asking only for a
 * figure is half: it invites a number, not their idea of a way out. */
static void
ask_for_comments(const struct rc_detect *d, struct rc_result *r)
{
	size_t asked = first_signal(d, RC_SIG_ASK_SOLUTION, 0), offer;

	if (asked != NONE) {
		cite(d, r, asked);
		rc_result_set(r, RC_MET, "asked what solution would work for the debtor");
		return;
	}
	if (last_collector(d) == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	if (paid_outright(d)) {
		cite(d, r, agreement_at(d));
		rc_result_set(r, RC_NA, "the debtor agreed to pay in full at once");
		return;
	}
	offer = first_signal(d, RC_SIG_ASK_OFFER, 0);
	if (offer != NONE) {
		cite(d, r, offer);
		rc_result_set(r, RC_PARTIAL, "asked for a figure, but not for the "
		    "debtor's view of a solution");
		return;
	}
	cite(d, r, absence_at(d));
	rc_result_set(r, RC_MISSED, "never asked the debtor what would work");
}

/* Did the debtor answer collector line I with an offer? */
static int
answered_with_offer(const struct rc_detect *d, size_t i)
{
	for (i++; i < d->nlines && !collector(&d->lines[i]); i++)
		if (d->lines[i].debtor_offer)
			return 1;
	return 0;
}

/* Is debtor line L a plain yes ("yeah, alright", "okay"), with no
 * "I can't", dispute or anger in it? */
static int
assents(const struct rc_line *l)
{
	return RC_HAS(l, RC_SIG_D_ASSENT) && !RC_HAS(l, RC_SIG_D_INABILITY) &&
	    !RC_HAS(l, RC_SIG_D_DISPUTE) && !RC_HAS(l, RC_SIG_D_HOSTILE) &&
	    !l->shout;
}

/* 13: asked the debtor to make an offer or a counter-offer.  Asking at any
 * point counts (before the first proposal it is "make me an offer", after
 * a refusal it is "then what can you do?"), and so does asking what would
 * work when the debtor answers it with an offer.  Lowering one's own figure
 * after a refusal, with no offer from the debtor and no ask in between,
 * is bidding against oneself: missed, whatever else was asked.  A debtor
 * who countered unasked gave the baseline anyway: half.  No proposals,
 * offers or asks at all, or a first proposal taken at once: n/a. */
static void
require_counter_offer(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, last = NONE, refused = NONE, asked = NONE, cave = NONE;
	size_t offer = NONE, proposals = 0;
	int pending = 0, refused_since = 0, asked_since = 0, offer_since = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (debtor(l)) {
			if (l->debtor_offer) {
				offer_since = 1;
				if (offer == NONE)
					offer = i;
			}
			/* "Yeah, alright" to terms is not turning them down,
			 * even where it did not settle the whole deal. */
			if (pending && !l->agreement && !assents(l)) {
				refused_since = 1;
				if (refused == NONE)
					refused = i;
			}
			pending = 0;
			continue;
		}
		if (!collector(l))
			continue;
		if (RC_HAS(l, RC_SIG_ASK_OFFER) || (RC_HAS(l, RC_SIG_ASK_SOLUTION) &&
		    answered_with_offer(d, i))) {
			asked_since = 1;
			if (asked == NONE)
				asked = i;
		}
		if (!proposes(l)) {
			/* A bare deadline ("so can you do Friday?") is put to
			 * the debtor too: an answer that does not take it
			 * turns it down. */
			if (RC_HAS(l, RC_SIG_DEADLINE))
				pending = 1;
			continue;
		}
		proposals++;
		if (last != NONE && cave == NONE && refused_since && !asked_since &&
		    !offer_since && lower(&d->lines[last].prop, &l->prop)) {
			cave = i;
			cite(d, r, last);
			cite(d, r, i);
		}
		last = i;
		pending = 1;
		refused_since = asked_since = offer_since = 0;
	}
	if (cave != NONE) {
		rc_result_set(r, RC_MISSED, "lowered your own figure after a refusal "
		    "without asking the debtor for an offer");
		return;
	}
	if (asked != NONE) {
		cite(d, r, asked);
		rc_result_set(r, RC_MET, "asked the debtor to put a figure forward");
		return;
	}
	if (proposals == 0 && offer == NONE) {
		rc_result_set(r, RC_NA, "no bargaining took place");
		return;
	}
	if (offer != NONE) {
		cite(d, r, offer);
		rc_result_set(r, RC_MISSED, "the debtor made an offer unasked; you "
		    "never asked for one");
		return;
	}
	cite(d, r, first_proposal(d));
	if (refused == NONE) {
		rc_result_set(r, RC_NA, "your terms were taken without bargaining");
		return;
	}
	cite(d, r, refused);
	rc_result_set(r, RC_MISSED, "your proposal was turned down and you never "
	    "asked what the debtor could offer");
}


/* Is collector line REPLY a question that only says back the debtor's
 * offer in OFFER, beside the case's own figures ("So $1,500 of the $3,120
 * now - how did you arrive at that?")?  Taking a moment over it, not an
 * answer. */
static int
echo_question(const struct rc_detect *d, const struct rc_line *reply,
              const struct rc_line *offer)
{
	const struct rc_case *c = d->in->c;
	size_t k, m;
	int echoed = 0;

	if (strchr(reply->turn->text, '?') == NULL || RC_HAS(reply, RC_SIG_ACCEPT))
		return 0;
	for (k = 0; k < reply->nmoney; k++) {
		double v = reply->money[k].value;
		int known = c != NULL && fabs(v - c->balance) < 0.005;

		for (m = 0; c != NULL && !known && m < c->ninvoices; m++)
			known = fabs(v - c->invoices[m].amount) < 0.005;
		for (m = 0; !known && m < offer->nmoney; m++)
			if (fabs(v - offer->money[m].value) < 0.005)
				known = echoed = 1;
		if (!known)
			return 0;
	}
	return echoed;
}

/* Does collector line REPLY hold out against the debtor's offer in OFFER
 * at once: not a question, it demands the full balance or a minimum, or
 * names a sum other than the ones offered ("No, the invoice is $2,880.
 * That's what we need.")?  A counter as much as new terms are. */
static int
holds_out(const struct rc_line *reply, const struct rc_line *offer)
{
	size_t k, m;

	if (strchr(reply->turn->text, '?') != NULL)
		return 0;
	if (RC_HAS(reply, RC_SIG_FULL_BALANCE) || RC_HAS(reply, RC_SIG_MINIMUM))
		return 1;
	for (k = 0; k < reply->nmoney; k++) {
		for (m = 0; m < offer->nmoney; m++)
			if (fabs(reply->money[k].value - offer->money[m].value) < 0.005)
				break;
		if (m == offer->nmoney)
			return 1;
	}
	return 0;
}
/* 14: after each debtor offer, the next collector line neither accepts nor
 * counters; a /pause before it counts as taking a moment.  The answer to
 * the first offer weighs most: countering that one at once is missed,
 * a later one half. */
static void
no_immediate_counter(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, j, good = NONE, good_offer = NONE, hasty = NONE;
	size_t hasty_offer = NONE;
	int handled = 0, patient = 0, first_ok = 0;

	for (i = 0; i < d->nlines; i++) {
		size_t reply = NONE, pause = NONE;
		int ok;

		if (!debtor(&d->lines[i]) || !d->lines[i].debtor_offer)
			continue;
		for (j = i + 1; j < d->nlines; j++) {
			const struct rc_line *l = &d->lines[j];

			if (collector(l)) {
				reply = j;
				break;
			}
			if (l->debtor_offer)
				break;   /* a newer offer replaces this one */
			if (pause == NONE && l->turn->speaker == RC_SPEAKER_ACTION &&
			    RC_EV(l, RC_LEV_PAUSE))
				pause = j;
		}
		if (reply == NONE)
			continue;
		ok = pause != NONE || echo_question(d, &d->lines[reply],
		    &d->lines[i]) || (!proposes(&d->lines[reply]) &&
		    !RC_HAS(&d->lines[reply], RC_SIG_ACCEPT) &&
		    !holds_out(&d->lines[reply], &d->lines[i]));
		if (++handled == 1)
			first_ok = ok;
		if (ok) {
			patient++;
			if (good == NONE) {
				good_offer = i;
				good = pause != NONE ? pause : reply;
			}
		} else if (hasty == NONE) {
			hasty_offer = i;
			hasty = reply;
		}
	}
	if (handled == 0) {
		rc_result_set(r, RC_NA, "the debtor made no offer to answer");
		return;
	}
	if (hasty == NONE) {
		cite(d, r, good_offer);
		cite(d, r, good);
		rc_result_set(r, RC_MET, patient > 1 ? "took a moment over every "
		    "offer before answering" : "took a moment over the offer before "
		    "answering");
		return;
	}
	cite(d, r, hasty_offer);
	cite(d, r, hasty);
	if (first_ok)
		rc_result_set(r, RC_PARTIAL, "took a moment over the first offer, "
		    "but answered a later one at once");
	else
		rc_result_set(r, RC_MISSED, "answered the debtor's offer at once "
		    "with a counter or an acceptance");
}

/* Does the debtor truly have nothing to give now? */
static int
truly_broke(const struct rc_detect *d)
{
	const struct rc_truth *t = d->in->truth;

	return t != NULL && (!t->can_pay || t->cash_now <= 0);
}

/* 15: asked for a partial payment, deposit or collateral as good faith.
 * Money up front inside a plan proposal is half: part now was asked for,
 * but not as a gesture of its own. */
static void
good_faith_gesture(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, asked = first_signal(d, RC_SIG_GOOD_FAITH, 0), a;

	if (truly_broke(d)) {
		rc_result_set(r, RC_NA, "the debtor has nothing to pay now");
		return;
	}
	if (asked != NONE) {
		cite(d, r, asked);
		rc_result_set(r, RC_MET, "asked for a good-faith payment");
		return;
	}
	if (last_collector(d) == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (proposes(l) && l->prop.kind == RC_PROP_PLAN && l->prop.upfront > 0) {
			cite(d, r, i);
			rc_result_set(r, RC_PARTIAL, "asked for part up front within a "
			    "plan, not as a good-faith gesture");
			return;
		}
	}
	a = agreement_at(d);
	cite(d, r, a != NONE && a < d->nlines ? a : last_collector(d));
	rc_result_set(r, RC_MISSED, "never asked for a good-faith payment");
}

/* Pressure on a debtor who cannot pay: threats, shouting, or a demand for
 * the whole balance at once (the amount reader leaves out "you don't have
 * to pay the full amount now"; without a case file, a share of all of it
 * or the full-balance phrase in a proposal). */
static int
pressure(const struct rc_line *l, double bal)
{
	size_t k;

	if (RC_HAS(l, RC_SIG_THREAT) || l->shout)
		return 1;
	/* The whole balance named with a day to pay it by, no plan offered. */
	if (bal > 0 && RC_HAS(l, RC_SIG_DEADLINE) && l->prop.kind != RC_PROP_PLAN &&
	    !RC_HAS(l, RC_SIG_OPTIONS) && !RC_HAS(l, RC_SIG_ASK_OFFER) &&
	    !RC_HAS(l, RC_SIG_ASK_SOLUTION))
		for (k = 0; k < l->nmoney; k++)
			if (l->money[k].value >= bal - 0.5)
				return 1;
	if (!proposes(l))
		return 0;
	if (bal > 0)
		return l->prop.upfront >= bal - 0.5;
	return l->prop.share >= 0.999 || RC_HAS(l, RC_SIG_FULL_BALANCE);
}

/* 16: once the debtor has shown they cannot pay, no pressure, and the lines
 * kept open (a time to talk again, a follow-up agreed, or an agreement the
 * debtor can live with).  n/a when the debtor can pay: no inability said,
 * or the truth shows cash for at least a share (setting "able_share",
 * default half) of the balance. */
static void
dont_force_the_issue(const struct rc_detect *d, struct rc_result *r)
{
	const struct rc_truth *t = d->in->truth;
	double bal = balance(d);
	double share = rc_rubric_setting(d->def, "able_share", 0.5);
	size_t i, from = NONE, open = NONE;
	int pressed = 0;

	for (i = 0; i < d->nlines && from == NONE; i++)
		if (debtor(&d->lines[i]) && d->lines[i].inability)
			from = i;
	if (from == NONE) {
		rc_result_set(r, RC_NA, "the debtor never said they could not pay");
		return;
	}
	if (t != NULL && t->can_pay && t->cash_now > 0 &&
	    (bal <= 0 || t->cash_now >= share * bal)) {
		rc_result_set(r, RC_NA, "the debtor could in fact pay");
		return;
	}
	cite(d, r, from);
	for (i = from + 1; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (collector(l) && pressure(l, bal)) {
			pressed++;
			cite(d, r, i);
		}
		if (open == NONE && ((collector(l) && RC_HAS(l, RC_SIG_NEXT_STEP)) ||
		    (debtor(l) && (l->agreement ||
		    RC_EV(l, RC_LEV_FOLLOW_UP_AGREED)))))
			open = i;
	}
	if (pressed) {
		rc_result_set(r, RC_MISSED, "kept pressing a debtor who cannot pay");
		return;
	}
	if (open != NONE) {
		cite(d, r, open);
		rc_result_set(r, RC_MET, "no pressure once inability was clear, and "
		    "the line left open");
		return;
	}
	rc_result_set(r, RC_PARTIAL, "no pressure, but no time set to talk again");
}

/* 17: after the agreement, said the terms will be sent in writing. */
static void
confirm_in_writing(const struct rc_detect *d, struct rc_result *r)
{
	size_t a = agreement_at(d), w;

	if (a == NONE) {
		rc_result_set(r, RC_NA, "no agreement was reached");
		return;
	}
	w = first_signal(d, RC_SIG_WRITING, deal_put_at(d, a));
	if (w != NONE) {
		cite(d, r, w);
		rc_result_set(r, RC_MET, "said the agreed terms will follow in writing");
		return;
	}
	w = first_signal(d, RC_SIG_WRITING, 0);
	cite(d, r, a);
	if (w != NONE) {
		cite(d, r, w);
		rc_result_set(r, RC_PARTIAL, "mentioned writing before the agreement, "
		    "not for the terms agreed");
		return;
	}
	rc_result_set(r, RC_MISSED, "agreed without saying the terms will be "
	    "confirmed in writing");
}

/* Any deal on the table: an agreement, a proposal or a debtor offer. */
static int
deal_discussed(const struct rc_detect *d)
{
	size_t i;

	if (agreement_at(d) != NONE)
		return 1;
	for (i = 0; i < d->nlines; i++)
		if (proposes(&d->lines[i]) || d->lines[i].debtor_offer)
			return 1;
	return 0;
}

/* 18: stated plainly, without threat, what follows if the agreement is not
 * kept (a "what if it is missed" line with no threat in it).  A threat in
 * its place is missed; a plain statement plus a threat elsewhere is half,
 * as is a consequence said but not tied to breaking the agreement.  n/a
 * when no deal was discussed at all. */
static void
explain_ramifications(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, plain = NONE, threat = NONE, loose = NONE, a;

	if (!deal_discussed(d)) {
		rc_result_set(r, RC_NA, "no agreement or plan was discussed");
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		int abusive;

		if (!collector(l))
			continue;
		abusive = RC_HAS(l, RC_SIG_INSULT) || RC_HAS(l, RC_SIG_PROFANITY) ||
		    l->shout;
		/* A threat, or consequences shouted or wrapped in abuse. */
		if (RC_HAS(l, RC_SIG_THREAT) || (abusive &&
		    RC_HAS(l, RC_SIG_RAMIFICATION))) {
			if (threat == NONE)
				threat = i;
		} else if (RC_HAS(l, RC_SIG_RAMIFICATION)) {
			if (plain == NONE)
				plain = i;
		} else if (!abusive && RC_HAS(l, RC_SIG_CONSEQUENCE) && loose == NONE) {
			loose = i;
		}
	}
	if (plain != NONE && threat == NONE) {
		cite(d, r, plain);
		rc_result_set(r, RC_MET, "explained plainly what happens if a "
		    "payment is missed");
	} else if (plain != NONE) {
		cite(d, r, plain);
		cite(d, r, threat);
		rc_result_set(r, RC_PARTIAL, "explained the consequences, but also "
		    "threatened");
	} else if (threat != NONE) {
		cite(d, r, threat);
		rc_result_set(r, RC_MISSED, "threatened instead of explaining the "
		    "consequences");
	} else if (loose != NONE) {
		cite(d, r, loose);
		rc_result_set(r, RC_PARTIAL, "named a consequence, but not what "
		    "happens if the agreement is broken");
	} else {
		a = agreement_at(d);
		cite(d, r, a != NONE && a < d->nlines ? a : last_collector(d));
		rc_result_set(r, RC_MISSED, "never said what happens if the "
		    "agreement is not kept");
	}
}

/* 19: said there will be letters or reminders through the plan.  A
 * promised call to check in is half. */
static void
follow_up_letters(const struct rc_detect *d, struct rc_result *r)
{
	size_t a = agreement_at(d), f;

	if (a == NONE) {
		rc_result_set(r, RC_NA, "no agreement was reached");
		return;
	}
	f = first_signal(d, RC_SIG_FOLLOW_UP, 0);
	if (f != NONE) {
		cite(d, r, f);
		rc_result_set(r, RC_MET, "said reminders will follow through the plan");
		return;
	}
	f = first_signal(d, RC_SIG_NEXT_STEP, a);
	if (f != NONE) {
		cite(d, r, f);
		rc_result_set(r, RC_PARTIAL, "promised a call, not letters or "
		    "reminders through the plan");
		return;
	}
	cite(d, r, a < d->nlines ? a : last_collector(d));
	rc_result_set(r, RC_MISSED, "never mentioned reminders or follow-up letters");
}

/* Order of a payment date, for "is B later than A": -1 when unknown. */
static int
when_rank(const char *w, int *day)
{
	static const char *const weekdays[] = { "monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday", NULL };
	size_t k;

	*day = 0;
	if (strcmp(w, "now") == 0 || strcmp(w, "today") == 0 ||
	    strcmp(w, "tonight") == 0 || strcmp(w, "eod") == 0)
		return 0;
	if (strncmp(w, "tomorrow", 8) == 0)
		return 1;
	for (k = 0; weekdays[k]; k++)
		if (strcmp(w, weekdays[k]) == 0)
			return 2;
	if (strcmp(w, "end of the week") == 0 || strcmp(w, "this week") == 0 ||
	    strcmp(w, "the weekend") == 0 || strcmp(w, "weekend") == 0)
		return 3;
	if (strncmp(w, "next ", 5) == 0 && strcmp(w, "next month") != 0)
		return 4;
	if (strcmp(w, "end of the month") == 0 || strcmp(w, "eom") == 0)
		return 5;
	if (strcmp(w, "next month") == 0)
		return 6;
	if (strncmp(w, "the ", 4) == 0 && w[4] >= '0' && w[4] <= '9') {
		*day = w[4] - '0';
		if (w[5] >= '0' && w[5] <= '9')
			*day = *day * 10 + (w[5] - '0');
		return 10;
	}
	return -1;
}

/* Is payment date B clearly later than A? */
static int
later(const char *a, const char *b)
{
	int da, db, ra = when_rank(a, &da), rb = when_rank(b, &db);

	if (ra < 0 || rb < 0)
		return 0;
	if (ra == 10 || rb == 10)
		return ra == 10 && rb == 10 && db > da;
	return rb > ra;
}

/* Does collector line L, which waives part of what S stated, get
 * something for it: terms put on the waiver as a condition ("if you pay
 * $500 today, I'll drop the fee"), or terms no worse than S's?  A new,
 * later date for the same money ("forget the late fees... can you pay by
 * the 14th?") is dropping, not trading. */
static int
waive_traded(const struct rc_line *s, const struct rc_line *l)
{
	int ds, dl;

	if (!proposes(l))
		return 0;
	if (rc_text_conditional(l->turn->text))
		return 1;
	/* Without both dates known, "no later" cannot be told. */
	if (!proposes(s) || when_rank(s->prop.when, &ds) < 0 ||
	    when_rank(l->prop.when, &dl) < 0)
		return 0;
	return !lower(&s->prop, &l->prop) && !later(s->prop.when, l->prop.when);
}

/* 20: a deadline or consequence the collector stated is not dropped later
 * (a waive, a lower demand, a later date) unless the debtor gave something
 * for it (an offer, an agreement) or the same line asks for something in
 * exchange.  Only dates the amount reader can order are compared ("friday"
 * then "next week", "the 15th" then "the 30th").  Holding the original
 * terms on a follow-up call after a broken promise is met like any other
 * call.  n/a when nothing was stated. */
static void
hold_to_the_deal(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, stated = NONE, first = NONE, from = NONE, drop = NONE;
	int gave = 0, traded = 0;

	for (i = 0; i < d->nlines && drop == NONE; i++) {
		const struct rc_line *l = &d->lines[i];
		const struct rc_line *s = stated != NONE ? &d->lines[stated] : NULL;
		int dropped = 0;

		if (debtor(l)) {
			if (l->debtor_offer || l->agreement)
				gave = 1;
			continue;
		}
		if (!collector(l))
			continue;
		if (s != NULL && RC_HAS(l, RC_SIG_WAIVE))
			dropped = 1;
		else if (s != NULL && proposes(s) && proposes(l) &&
		    (lower(&s->prop, &l->prop) ||
		     (l->prop.upfront <= s->prop.upfront + 0.5 &&
		      later(s->prop.when, l->prop.when))))
			dropped = 1;
		if (dropped && (gave || (RC_HAS(l, RC_SIG_WAIVE) &&
		    waive_traded(s, l)))) {
			traded = 1;
			dropped = 0;
			stated = NONE;
		}
		if (dropped) {
			from = stated;
			drop = i;
			break;
		}
		if ((RC_HAS(l, RC_SIG_DEADLINE) || RC_HAS(l, RC_SIG_CONSEQUENCE)) &&
		    !RC_HAS(l, RC_SIG_WAIVE)) {
			stated = i;
			gave = 0;
			if (first == NONE)
				first = i;
		}
	}
	if (drop != NONE) {
		cite(d, r, from);
		cite(d, r, drop);
		rc_result_set(r, RC_MISSED, "dropped what you had stated without "
		    "getting anything in return");
		return;
	}
	if (first == NONE) {
		rc_result_set(r, RC_NA, "no deadline or consequence was stated");
		return;
	}
	cite(d, r, first);
	rc_result_set(r, RC_MET, traded ? "changed stated terms only in exchange "
	    "for something from the debtor" : "held to the terms you stated");
}

const struct rc_detector rc_detectors_deal[] = {
	{ "find-the-reason", find_the_reason },
	{ "ask-for-comments", ask_for_comments },
	{ "require-counter-offer", require_counter_offer },
	{ "no-immediate-counter", no_immediate_counter },
	{ "good-faith-gesture", good_faith_gesture },
	{ "dont-force-the-issue", dont_force_the_issue },
	{ "confirm-in-writing", confirm_in_writing },
	{ "explain-ramifications", explain_ramifications },
	{ "follow-up-letters", follow_up_letters },
	{ "hold-to-the-deal", hold_to_the_deal },
	{ NULL, NULL },
};
