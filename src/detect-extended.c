/*
 * detect-extended.c - detectors for the extended practices reported beside
 * the twenty: listening, empathy, right party, not assuming, validating
 * excuses, starting high, options, recapping, documenting the call,
 * keeping within the creditor's policy.
 *
 * Same rules as the twenty: judge from signals, events and amounts; cite
 * the turns that decided the result; a missed result cites the offending
 * line, or when the fault is an absence, the moment the practice was due.
 * The case file is read only for its figures (invoice ids and amounts,
 * the balance), to tell when the debt was first disclosed.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "detect.h"
#include "score.h"

#define NONE RC_DETECT_NONE

static int
disputes(const struct rc_line *l)
{
	return debtor(l) && (RC_HAS(l, RC_SIG_D_DISPUTE) ||
	    RC_EV(l, RC_LEV_DISPUTE));
}

/* A debtor turn that says something the collector should show they heard:
 * a reason, an inability to pay, a dispute. */
static int
has_content(const struct rc_line *l)
{
	return debtor(l) && (l->reason || l->inability || disputes(l));
}

static int
heard(const struct rc_line *l)
{
	return RC_HAS(l, RC_SIG_ACKNOWLEDGE) || RC_HAS(l, RC_SIG_EMPATHY);
}

/* The collector's answer to what the debtor said at line I: their next
 * line, unless it only takes a moment ("give me a second to look at the
 * account") and the collector goes straight on: then the line after it.
 * Taking a moment is not moving on. */
static size_t
answer_to(const struct rc_detect *d, size_t i)
{
	size_t k = next_collector(d, i + 1), n;

	while (k != NONE && RC_HAS(&d->lines[k], RC_SIG_CONSIDER_OFFER) &&
	    !heard(&d->lines[k]) && !proposes(&d->lines[k])) {
		for (n = k + 1; n < d->nlines &&
		    d->lines[n].turn->speaker == RC_SPEAKER_ACTION; n++)
			;
		if (n == d->nlines || !collector(&d->lines[n]))
			break;
		k = n;
	}
	return k;
}

/* Listen and acknowledge: each debtor turn with content is answered with
 * an acknowledgement (or empathy) in the collector's answer to it (see
 * answer_to()). */
static void
listen_and_acknowledge(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, k, miss = NONE, miss_reply = NONE, good = NONE;
	int answered = 0, acknowledged = 0;

	for (i = 0; i < d->nlines; i++) {
		if (!has_content(&d->lines[i]))
			continue;
		k = answer_to(d, i);
		if (k == NONE)
			continue;
		answered++;
		if (heard(&d->lines[k])) {
			acknowledged++;
			if (good == NONE)
				good = k;
		} else if (miss == NONE) {
			miss = i;
			miss_reply = k;
		}
		i = k;   /* one answer per stretch of debtor talk */
	}
	if (answered == 0) {
		rc_result_set(r, RC_NA, "the debtor gave no reason, hardship or "
		    "dispute to acknowledge");
		return;
	}
	if (acknowledged == answered) {
		cite(d, r, good);
		rc_result_set(r, RC_MET, "acknowledged what the debtor said before "
		    "moving on");
		return;
	}
	cite(d, r, miss);
	cite(d, r, miss_reply);
	if (acknowledged > 0) {
		cite(d, r, good);
		rc_result_set(r, RC_PARTIAL, "acknowledged the debtor %d of %d times",
		    acknowledged, answered);
	} else {
		rc_result_set(r, RC_MISSED, "moved on without showing the debtor was "
		    "heard");
	}
}

/* Tactical empathy: named the debtor's situation or feeling.  Plain
 * acknowledgement after a hardship is half.  n/a when the debtor showed no
 * hardship, frustration or dispute and none was named. */
static void
tactical_empathy(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, hard = NONE, e = first_signal(d, RC_SIG_EMPATHY, 0), k;

	if (e != NONE) {
		cite(d, r, e);
		rc_result_set(r, RC_MET, "named the debtor's situation or feeling");
		return;
	}
	for (i = 0; i < d->nlines && hard == NONE; i++)
		if (has_content(&d->lines[i]) || (debtor(&d->lines[i]) &&
		    d->lines[i].hostility))
			hard = i;
	if (hard == NONE) {
		rc_result_set(r, RC_NA, "the debtor showed no hardship or feeling "
		    "to answer");
		return;
	}
	cite(d, r, hard);
	k = first_signal(d, RC_SIG_ACKNOWLEDGE, hard);
	if (k != NONE) {
		cite(d, r, k);
		rc_result_set(r, RC_PARTIAL, "acknowledged the debtor, but never named "
		    "how hard it is for them");
		return;
	}
	cite(d, r, next_collector(d, hard + 1));
	rc_result_set(r, RC_MISSED, "no understanding shown for the debtor's "
	    "situation");
}

/* Does TEXT contain WORD (case-insensitively) standing alone, not inside a
 * longer word or number? */
static int
has_token(const char *text, const char *word)
{
	size_t n = strlen(word), i;
	const char *p;

	if (n == 0)
		return 0;
	for (p = text; *p; p++) {
		for (i = 0; i < n && p[i]; i++)
			if (tolower((unsigned char)p[i]) != tolower((unsigned char)word[i]))
				break;
		if (i == n && (p == text || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

int
rc_line_names_invoice(const struct rc_case *c, const char *text)
{
	size_t i;

	for (i = 0; c != NULL && i < c->ninvoices; i++) {
		const char *id = c->invoices[i].id, *digits;

		if (id == NULL)
			continue;
		if (has_token(text, id))
			return 1;
		digits = id + strcspn(id, "0123456789");
		if (strlen(digits) >= 3 && strspn(digits, "0123456789") == strlen(digits) &&
		    has_token(text, digits))
			return 1;
	}
	return 0;
}

/* Does collector line L name the debt: that something is overdue, an
 * invoice of the case (by id, or by its number: "invoice 2291"), or one
 * of the case's amounts? */
int
rc_line_discloses(const struct rc_case *c, const struct rc_line *l)
{
	size_t i, k;

	if (RC_HAS(l, RC_SIG_OVERDUE))
		return 1;
	if (c == NULL)
		return 0;
	for (k = 0; k < l->nmoney; k++)
		if (c->balance > 0 && fabs(l->money[k].value - c->balance) < 0.5)
			return 1;
	for (i = 0; i < c->ninvoices; i++)
		for (k = 0; k < l->nmoney; k++)
			if (fabs(l->money[k].value - c->invoices[i].amount) < 0.5)
				return 1;
	return l->names_invoice;
}

/* Verify the right party: the identity was confirmed (asked by the
 * collector, or confirmed by the debtor) before the first collector line
 * that names the debt.  Asking and disclosing in one breath is half. */
static void
verify_right_party(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, disclosed = NONE, verified = NONE, asked = NONE;
	int gatekeeper = 0;   /* someone other than the debtor is on the line */

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		size_t k;

		/* While a gatekeeper answers (a debtor line said under another
		 * name, someone saying the debtor is out, or the scenario's
		 * "gatekeeper" event), asking for the debtor is not confirming
		 * them: only their own "it's me" is. */
		if (debtor(l)) {
			if (l->turn->name != NULL || l->gatekeeper ||
			    RC_EV(l, RC_LEV_GATEKEEPER))
				gatekeeper = 1;
			if (l->right_party)
				gatekeeper = 0;
		}
		if (verified == NONE && debtor(l) && l->right_party)
			verified = i;
		/* Asking counts unless the answer is someone else's. */
		if (asked == NONE && collector(l) && RC_HAS(l, RC_SIG_VERIFY_PARTY))
			asked = i;
		if (verified == NONE && collector(l) && !gatekeeper &&
		    RC_HAS(l, RC_SIG_VERIFY_PARTY)) {
			for (k = i + 1; k < d->nlines && !debtor(&d->lines[k]); k++)
				;
			if (k == d->nlines || !d->lines[k].gatekeeper)
				verified = i;
		}
		if (disclosed == NONE && collector(l) && rc_line_discloses(d->in->c, l))
			disclosed = i;
	}
	if (disclosed == NONE) {
		/* Asked for the debtor and said nothing of the debt to whoever
		 * answered: that is the practice done. */
		if (verified != NONE || asked != NONE) {
			cite(d, r, verified != NONE ? verified : asked);
			rc_result_set(r, RC_MET, "confirmed who they were speaking to");
		} else {
			rc_result_set(r, RC_NA, "the debt was never discussed");
		}
		return;
	}
	if (verified != NONE && verified < disclosed) {
		cite(d, r, verified);
		rc_result_set(r, RC_MET, "confirmed the right person before naming "
		    "the debt");
	} else if (verified == disclosed) {
		cite(d, r, disclosed);
		rc_result_set(r, RC_PARTIAL, "asked who they were speaking to, but "
		    "named the debt before the answer");
	} else {
		cite(d, r, disclosed);
		rc_result_set(r, RC_MISSED, "named the debt before confirming the "
		    "right person");
	}
}

/* A collector line pressing for payment: terms (the whole balance
 * included), a figure asked for, a deadline, a threat. */
static int
presses(const struct rc_line *l)
{
	if (!collector(l))
		return 0;
	return proposes(l) || RC_HAS(l, RC_SIG_ASK_OFFER) ||
	    RC_HAS(l, RC_SIG_DEADLINE) || RC_HAS(l, RC_SIG_THREAT);
}

/* Don't assume: before pressing for payment, checked that the invoice
 * arrived and is still unpaid, or the debtor had already said so (owned
 * the debt, said why it is unpaid or that they cannot pay).  Checking only
 * while or after pressing is half. */
static void
dont_assume(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, press = NONE, confirm = NONE;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (press == NONE && presses(l))
			press = i;
		/* The debtor owning up counts as confirmation; a debtor
		 * disputing the debt does not. */
		if (confirm == NONE && ((collector(l) &&
		    RC_HAS(l, RC_SIG_CONFIRM_UNPAID)) || (debtor(l) &&
		    !RC_HAS(l, RC_SIG_D_DISPUTE) &&
		    !RC_EV(l, RC_LEV_DISPUTE) &&
		    (l->reason || l->inability ||
		     RC_EV(l, RC_LEV_DEBT_ACKNOWLEDGED)))))
			confirm = i;
	}
	if (press == NONE) {
		if (confirm != NONE) {
			cite(d, r, confirm);
			rc_result_set(r, RC_MET, "checked the invoice is still unpaid");
		} else {
			rc_result_set(r, RC_NA, "never pressed for payment");
		}
		return;
	}
	if (confirm != NONE && confirm < press) {
		cite(d, r, confirm);
		rc_result_set(r, RC_MET, "checked the invoice is still unpaid before "
		    "asking for payment");
	} else if (confirm != NONE) {
		cite(d, r, press);
		cite(d, r, confirm);
		rc_result_set(r, RC_PARTIAL, "checked the invoice is unpaid only "
		    "after pressing for payment");
	} else {
		cite(d, r, press);
		rc_result_set(r, RC_MISSED, "pressed for payment without checking "
		    "the invoice was received and is unpaid");
	}
}

/* Validate excuses: after the debtor's first reason, hardship, dispute or
 * vague promise to pay ("I'll pay it next week"), asked for something
 * that shows it is true.  A bare offer of a figure is bargaining, not an
 * excuse. */
static void
validate_excuses(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, excuse = NONE, ask;

	for (i = 0; i < d->nlines && excuse == NONE; i++) {
		const struct rc_line *l = &d->lines[i];

		if (has_content(l) || (debtor(l) && RC_HAS(l, RC_SIG_D_OFFER) &&
		    l->nmoney == 0 && l->prop.kind == RC_PROP_NONE) ||
		    (debtor(l) && RC_EV(l, RC_LEV_PROMISE_MADE)))
			excuse = i;
	}
	if (excuse == NONE) {
		rc_result_set(r, RC_NA, "the debtor gave no reason or promise to "
		    "check");
		return;
	}
	cite(d, r, excuse);
	ask = first_signal(d, RC_SIG_ASK_PROOF, excuse);
	if (ask != NONE) {
		cite(d, r, ask);
		rc_result_set(r, RC_MET, "asked for proof of what the debtor said");
		return;
	}
	rc_result_set(r, RC_MISSED, "took the debtor's word without asking for "
	    "proof");
}

/* Start high: the first terms asked for come to the whole balance (at once
 * or in all; "the full amount" is read as the balance).  n/a without a
 * case file or without any terms asked for. */
static void
start_high(const struct rc_detect *d, struct rc_result *r)
{
	double b = balance(d);
	size_t i;

	if (b <= 0) {
		rc_result_set(r, RC_NA, "no case file: the balance is unknown");
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (proposes(l)) {
			cite(d, r, i);
			if (l->prop.upfront >= b - 0.5 || l->prop.total >= b - 0.5)
				rc_result_set(r, RC_MET, "the first ask was the full balance");
			else
				rc_result_set(r, RC_MISSED, "the first ask was below the "
				    "full balance");
			return;
		}
	}
	rc_result_set(r, RC_NA, "no payment was asked for");
}

static int
same_terms(const struct rc_proposal *p, const struct rc_proposal *q)
{
	return p->kind == q->kind && rc_terms_same(&p->terms, &q->terms);
}

/* Give options: two or more ways to pay offered together (an options line
 * that is not an ultimatum, or two different proposals in back-to-back
 * collector lines).  A second way of another kind offered only after the
 * first was turned down is half.  n/a when no payment was discussed, or
 * the first terms were taken outright. */
static void
give_options(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, prev = NONE, later = NONE, later_from = NONE, a;
	int between = 0, discussed = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (l->debtor_offer || l->agreement)
			discussed = 1;
		if (debtor(l)) {
			between = 1;
			continue;
		}
		if (!collector(l))
			continue;
		if (RC_HAS(l, RC_SIG_OPTIONS) && !RC_HAS(l, RC_SIG_THREAT)) {
			cite(d, r, i);
			rc_result_set(r, RC_MET, "offered a choice of ways to pay");
			return;
		}
		if (!proposes(l))
			continue;
		discussed = 1;
		if (prev != NONE && !between && !same_terms(&d->lines[prev].prop, &l->prop)) {
			cite(d, r, prev);
			cite(d, r, i);
			rc_result_set(r, RC_MET, "offered two ways to pay together");
			return;
		}
		if (prev != NONE && later == NONE &&
		    d->lines[prev].prop.kind != l->prop.kind) {
			later_from = prev;
			later = i;
		}
		prev = i;
		between = 0;
	}
	if (!discussed || paid_outright(d)) {
		rc_result_set(r, RC_NA, !discussed ? "no payment terms were discussed" :
		    "the debtor took the first terms outright");
		return;
	}
	if (later != NONE) {
		cite(d, r, later_from);
		cite(d, r, later);
		rc_result_set(r, RC_PARTIAL, "offered another way to pay only after "
		    "the first was turned down");
		return;
	}
	i = first_proposal(d);
	a = agreement_at(d);
	cite(d, r, i != NONE ? i : a != NONE && a < d->nlines ? a : last_collector(d));
	rc_result_set(r, RC_MISSED, "offered only one way to pay");
}

/* The agreed terms: the transcript's, else those on the agreement line. */
static int
agreed_terms(const struct rc_detect *d, size_t a, struct rc_terms *out)
{
	const struct rc_event *ev;

	if (d->in->t->has_agreement) {
		*out = d->in->t->agreement;
		return 1;
	}
	if (a < d->nlines && (ev = rc_turn_find(d->lines[a].turn, "agreement")) != NULL &&
	    ev->has_terms) {
		*out = ev->terms;
		return 1;
	}
	return 0;
}

static int
says_amount(const struct rc_line *l, double v)
{
	size_t k;

	for (k = 0; v > 0 && k < l->nmoney; k++)
		if (fabs(l->money[k].value - v) < 0.5)
			return 1;
	return 0;
}

/* Is collector line I answered by the debtor's yes? */
static int
agreed_to(const struct rc_detect *d, size_t i)
{
	size_t k;

	for (k = i + 1; k < d->nlines; k++) {
		if (d->lines[k].turn->speaker == RC_SPEAKER_ACTION)
			continue;
		return debtor(&d->lines[k]) && d->lines[k].agreement;
	}
	return 0;
}

/* Is V a figure of the deal: of the booked terms T (a payment, the
 * total), or said in a line that agreed or was agreed to? */
static int
deal_figure(const struct rc_detect *d, const struct rc_terms *t, int known,
            double v)
{
	size_t i, k;
	int j;

	for (j = 0; known && j < t->n; j++)
		if (fabs(rc_units(t->part[j].cents) - v) < 0.5)
			return 1;
	if (known && fabs(rc_units(t->total) - v) < 0.5)
		return 1;
	for (i = 0; i < d->nlines; i++) {
		if (!d->lines[i].agreement)
			continue;
		if (says_amount(&d->lines[i], v))
			return 1;
		for (k = i; k-- > 0;) {
			if (d->lines[k].turn->speaker == RC_SPEAKER_ACTION)
				continue;
			if (says_amount(&d->lines[k], v))
				return 1;
			break;
		}
	}
	return 0;
}

/* Was a figure said where the deal was made: in a line that agreed or
 * the line it agreed to? */
static int
deal_said_figures(const struct rc_detect *d)
{
	size_t i, k;

	for (i = 0; i < d->nlines; i++) {
		if (!d->lines[i].agreement)
			continue;
		if (d->lines[i].nmoney > 0)
			return 1;
		for (k = i; k-- > 0;) {
			if (d->lines[k].turn->speaker == RC_SPEAKER_ACTION)
				continue;
			if (d->lines[k].nmoney > 0)
				return 1;
			break;
		}
	}
	return 0;
}

/* Does recap line L state a figure that is no part of the deal ("so
 * that's $3,200" when $2,500 was agreed)?  A deal whose figures were
 * never said cannot be contradicted. */
static int
wrong_recap(const struct rc_detect *d, const struct rc_line *l,
            const struct rc_terms *t, int known)
{
	size_t k;

	if (!known && !deal_said_figures(d))
		return 0;
	for (k = 0; k < l->nmoney; k++)
		if (!deal_figure(d, t, known, l->money[k].value))
			return 1;
	return 0;
}

#define LINE_DAYS 16

/* The days TEXT names ("Friday", "the 14th", "November 12"), read with
 * the date module (date.h) against TODAY, the call's date, into DAYS;
 * returns how many.  Each run of up to four words is tried; "today" and
 * "now" are left out (said in passing too often to be a term). */
static size_t
line_days(const char *text, int32_t today, int32_t *days)
{
	const char *p = text, *w[64];
	char when[96];
	size_t n = 0, nd = 0, i, j, k, len;
	int32_t day;

	if (today == RC_DATE_NONE)
		return 0;
	while (*p != '\0' && n < 64) {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		if (*p != '\0')
			w[n++] = p;
		while (*p != '\0' && (isalnum((unsigned char)*p) || *p == '\''))
			p++;
	}
	for (i = 0; i < n; i++) {
		for (j = 1; j <= 4 && i + j <= n; j++) {
			const char *end = w[i + j - 1];

			while (isalnum((unsigned char)*end) || *end == '\'')
				end++;
			len = (size_t)(end - w[i]);
			if (len >= sizeof when)
				break;
			for (k = 0; k < len; k++)
				when[k] = (char)tolower((unsigned char)w[i][k]);
			when[len] = '\0';
			day = rc_date_resolve(when, today, 0);
			if (day == RC_DATE_NONE || day == today)
				continue;
			for (k = 0; k < nd && days[k] != day; k++)
				;
			if (k == nd && nd < LINE_DAYS)
				days[nd++] = day;
		}
	}
	return nd;
}

/* Does collector line L name a day of the deal agreed at line A: a day
 * of the agreed terms T, or one said in the agreeing line or the line it
 * agreed to ("so, Friday and the 14th then", "I'll put you down for the
 * 12th")? */
static int
says_deal_day(const struct rc_detect *d, const struct rc_line *l, size_t a,
              const struct rc_terms *t, int known)
{
	int32_t today = d->in->c != NULL ? d->in->c->date : RC_DATE_NONE;
	int32_t said[LINE_DAYS], deal[3 * LINE_DAYS];
	size_t ns, nd = 0, i, j, k;
	int p;

	ns = line_days(l->turn->text, today, said);
	if (ns == 0)
		return 0;
	for (p = 0; known && p < t->n && nd < LINE_DAYS; p++)
		if (t->part[p].due != RC_DATE_NONE)
			deal[nd++] = t->part[p].due;
	/* the agreeing line and the line before it */
	for (k = a + 1, j = 0; k-- > 0 && j < 2;) {
		if (d->lines[k].turn->speaker == RC_SPEAKER_ACTION)
			continue;
		nd += line_days(d->lines[k].turn->text, today, deal + nd);
		j++;
	}
	for (i = 0; i < ns; i++)
		for (k = 0; k < nd; k++)
			if (said[i] == deal[k])
				return 1;
	return 0;
}

/* Recap the terms: after the agreement, a recap that matches the deal, or
 * the agreed figures (the amount now and the instalment, or the total)
 * said back.  Only some of a plan's figures, or only its days ("so,
 * Friday and the 14th then"), said back is half; a recap stating figures
 * that are no part of the deal is no recap. */
static void
recap_terms(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, a = agreement_at(d), some = NONE, wrong = NONE, days = NONE;
	struct rc_terms t;
	int known;

	memset(&t, 0, sizeof t);
	if (a == NONE) {
		rc_result_set(r, RC_NA, "no agreement was reached");
		return;
	}
	known = agreed_terms(d, a, &t);
	for (i = a; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		int k, all = 1, any = 0;

		if (!collector(l))
			continue;
		if (RC_HAS(l, RC_SIG_RECAP) && wrong_recap(d, l, &t, known)) {
			if (wrong == NONE)
				wrong = i;
			continue;
		}
		if (RC_HAS(l, RC_SIG_RECAP)) {
			cite(d, r, i);
			rc_result_set(r, RC_MET, "summarised the agreed terms");
			return;
		}
		if (i > a && days == NONE && l->nmoney == 0 &&
		    l->prop.kind == RC_PROP_NONE && (RC_HAS(l, RC_SIG_DEADLINE) ||
		    says_deal_day(d, l, a, &t, known)))
			days = i;
		/* Terms asked and then said yes to are still being put, not
		 * said back ("and the remaining $1,300 by the 28th?"). */
		if (strchr(l->turn->text, '?') != NULL && (!known || agreed_to(d, i)))
			continue;
		/* A deal agreed without its figures ("I can pay it by card on
		 * Thursday" — "Thursday's great"): terms laid out with their
		 * sum and day after it are the deal said back. */
		if (!known) {
			if (l->nmoney > 0 && (l->prop.kind == RC_PROP_PLAN ||
			    (l->prop.kind != RC_PROP_NONE && l->prop.when[0] != '\0'))) {
				cite(d, r, i);
				rc_result_set(r, RC_MET, "said the agreed terms back");
				return;
			}
			continue;
		}
		/* every payment's figure (the smaller last one of a run may go
		 * unsaid), or the total */
		for (k = 0; k < t.n; k++) {
			int said = says_amount(l, rc_units(t.part[k].cents));

			any |= said;
			if (!said && !(k > 0 && t.part[k].count == 1 &&
			    t.part[k - 1].count > 1 &&
			    t.part[k].cents < t.part[k - 1].cents))
				all = 0;
		}
		if ((all && any) || says_amount(l, rc_units(t.total))) {
			cite(d, r, i);
			rc_result_set(r, RC_MET, "said the agreed figures back");
			return;
		}
		if (some == NONE && any)
			some = i;
	}
	cite(d, r, a);
	if (some != NONE || days != NONE) {
		cite(d, r, some != NONE ? some : days);
		rc_result_set(r, RC_PARTIAL, "said back only part of the agreed terms");
		return;
	}
	if (wrong != NONE) {
		cite(d, r, wrong);
		rc_result_set(r, RC_MISSED, "the recap's figures do not match the "
		    "terms agreed");
		return;
	}
	rc_result_set(r, RC_MISSED, "closed without recapping the agreed terms");
}

/* Document the call: a /note written during it.  A recorded call cannot
 * show notes: n/a. */
static void
document_the_call(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, last;

	if (d->in->inferred) {
		rc_result_set(r, RC_NA, "a recorded call carries no notes");
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (l->turn->speaker == RC_SPEAKER_ACTION &&
		    RC_EV(l, RC_LEV_NOTE)) {
			cite(d, r, i);
			rc_result_set(r, RC_MET, "wrote notes during the call");
			return;
		}
	}
	last = last_collector(d);
	if (last == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	cite(d, r, last);
	rc_result_set(r, RC_MISSED, "no note was written (/note)");
}

/* Breaches of the case's policy by terms T (the authority to credit or
 * discount only when AGREED: a proposal of part of the debt is not a
 * discount).  Fills B, returns how many. */
static int
breaches(const struct rc_detect *d, const struct rc_terms *t, int agreed,
         struct rc_breach *b)
{
	const struct rc_case *c = d->in->c;

	return rc_policy_check(c->policy, t, agreed ? rc_cents(c->balance) : 0,
	    c->date, c->currency, b);
}

/* The breaches B (N of them) joined by "; " into BUF. */
static const char *
joined(const struct rc_breach *b, int n, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i ? "; " : "",
		    b[i].text);

		len += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

/* Within policy: the agreed terms keep to the creditor's policy in the
 * case file (docs/scoring.md says what each limit checks).  Terms broken
 * in an agreement are missed, citing the collector's line that put or
 * took them and the agreement; an offer outside policy that was not
 * agreed is half when the agreement keeps within it, missed when there
 * was no agreement. */
static void
within_policy(const struct rc_detect *d, struct rc_result *r)
{
	struct rc_breach b[RC_POLICY_BREACHES];
	char why[4 * sizeof b[0].text], said[512];
	size_t i, a, offer = NONE, last = NONE, k;
	struct rc_terms t;
	int n;

	if (d->in->c == NULL || d->in->c->policy == NULL) {
		rc_result_set(r, RC_NA, "the case states no policy");
		return;
	}
	a = agreement_at(d);
	memset(&t, 0, sizeof t);
	if (a != NONE && agreed_terms(d, a, &t) &&
	    (n = breaches(d, &t, 1, b)) > 0) {
		for (k = a + 1; k-- > 0;)
			if (k < d->nlines && collector(&d->lines[k])) {
				cite(d, r, k);
				break;
			}
		cite(d, r, a);
		rc_result_set(r, RC_MISSED, "agreed %s: %s",
		    rc_terms_say(&t, d->in->c->currency, d->in->c->date, 0, said,
		    sizeof said), joined(b, n, why, sizeof why));
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		if (!proposes(&d->lines[i]))
			continue;
		last = i;
		if ((n = breaches(d, &d->lines[i].prop.terms, 0, b)) > 0) {
			offer = i;
			break;
		}
	}
	if (offer != NONE) {
		cite(d, r, offer);
		joined(b, n, why, sizeof why);
		if (a != NONE) {
			cite(d, r, a);
			rc_result_set(r, RC_PARTIAL, "offered terms outside the policy "
			    "(%s), though the agreement keeps within it", why);
		} else {
			rc_result_set(r, RC_MISSED, "offered terms outside the policy: "
			    "%s", why);
		}
		return;
	}
	if (a != NONE) {
		cite(d, r, a);
		rc_result_set(r, RC_MET, "the agreement keeps within the policy");
	} else if (last != NONE) {
		cite(d, r, last);
		rc_result_set(r, RC_MET, "every offer kept within the policy");
	} else {
		rc_result_set(r, RC_NA, "no terms were put on the table");
	}
}

const struct rc_detector rc_detectors_extended[] = {
	{ "listen-and-acknowledge", listen_and_acknowledge },
	{ "tactical-empathy", tactical_empathy },
	{ "verify-right-party", verify_right_party },
	{ "dont-assume", dont_assume },
	{ "validate-excuses", validate_excuses },
	{ "start-high", start_high },
	{ "give-options", give_options },
	{ "recap-terms", recap_terms },
	{ "document-the-call", document_the_call },
	{ "within-policy", within_policy },
	{ NULL, NULL },
};
