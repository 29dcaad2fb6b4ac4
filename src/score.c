/*
 * score.c - the scoring pipeline: every line of the call is read once into
 * signals (phrase patterns from the rubric, with quoted speech removed and
 * negated phrases ignored), amounts and proposals, and event flags (from
 * the simulator's events, or inferred from the debtor's lines for recorded
 * calls).  The detectors judge the practices from that; this file then
 * adds critical failures, the negotiation style, the outcome and the
 * totals.  Nothing here prints.
 */
#include "score.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "scenario.h"
#include "xmalloc.h"

#define QUOTE_MAX 160

const char *
rc_status_name(enum rc_status s)
{
	switch (s) {
	case RC_MET: return "met";
	case RC_PARTIAL: return "partial";
	case RC_MISSED: return "missed";
	default: return "n/a";
	}
}

const char *
rc_style_name(enum rc_style_kind s)
{
	switch (s) {
	case RC_STYLE_CONFRONTATION: return "confrontation";
	case RC_STYLE_AVOIDANCE: return "avoidance";
	case RC_STYLE_ACCOMMODATION: return "accommodation";
	case RC_STYLE_COMPROMISE: return "compromise";
	default: return "collaboration";
	}
}

void
rc_result_cite(struct rc_result *r, const struct rc_turn *turn)
{
	struct rc_evidence *e;
	size_t n = strlen(turn->text), i;

	for (i = 0; i < r->nev; i++)
		if (r->ev[i].turn == turn->number)
			return;
	r->ev = rc_xreallocarray(r->ev, r->nev + 1, sizeof *r->ev);
	e = &r->ev[r->nev++];
	e->turn = turn->number;
	if (n <= QUOTE_MAX) {
		e->quote = rc_xstrdup(turn->text);
	} else {
		/* Cut on a character boundary and mark the cut. */
		size_t cut = QUOTE_MAX - 3;

		while (cut > 0 && ((unsigned char)turn->text[cut] & 0xC0) == 0x80)
			cut--;
		e->quote = rc_xmalloc(cut + 4);
		memcpy(e->quote, turn->text, cut);
		memcpy(e->quote + cut, "...", 4);
	}
}

void
rc_result_set(struct rc_result *r, enum rc_status st, const char *note, ...)
{
	r->status = st;
	r->points = st == RC_MET ? 1 : st == RC_PARTIAL ? 0.5 : 0;
	free(r->note);
	r->note = NULL;
	if (note != NULL) {
		struct rc_buf b = RC_BUF_INIT;
		va_list ap;

		va_start(ap, note);
		rc_buf_vprintf(&b, note, ap);
		va_end(ap);
		r->note = rc_buf_detach(&b);
	}
}

/* Blanks quoted speech ("...", '...', “...”) so a collector quoting the
 * debtor ("you said 'you people'") is not taken to have said it. */
static void
strip_quotes(char *s)
{
	char *p = s, *q;

	while (*p) {
		if (*p == '"' || (*p == '\'' && (p == s || !isalnum((unsigned char)p[-1])))) {
			char close = *p;

			for (q = p + 1; *q && *q != close; q++)
				;
			/* A lone apostrophe ("'cause") is not a quotation. */
			if (*q == close && q > p + 1 && (close == '"' ||
			    !isalnum((unsigned char)q[1]))) {
				memset(p, ' ', (size_t)(q - p + 1));
				p = q + 1;
				continue;
			}
		} else if (strncmp(p, "\xe2\x80\x9c", 3) == 0 &&
		    (q = strstr(p + 3, "\xe2\x80\x9d")) != NULL) {
			memset(p, ' ', (size_t)(q + 3 - p));
			p = q + 3;
			continue;
		}
		p++;
	}
}

/* Is the match starting at OFF preceded, within four words of the same
 * clause, by a negation?  ("I'm not calling you a liar": yes; "No. I can
 * pay $1,000": no, the full stop ends the negation's reach.) */
static int
negated(const char *s, size_t off)
{
	static const char *const neg[] = { "not", "never", "no", "nor", "without",
	    "isn't", "wasn't", "don't", "didn't", "doesn't", "won't", "can't",
	    "aren't", "cannot", "nobody", "nothing", "hardly", NULL };
	size_t end = off;
	int words = 0;

	while (words < 4 && end > 0) {
		size_t start;
		size_t k;

		/* Step back over the gap between words; sentence and clause
		 * punctuation in it stops the search. */
		while (end > 0 && !isalnum((unsigned char)s[end - 1]) && s[end - 1] != '\'') {
			if (strchr(".!?;,:", s[end - 1]) != NULL)
				return 0;
			end--;
		}
		start = end;
		while (start > 0 && (isalnum((unsigned char)s[start - 1]) ||
		    s[start - 1] == '\''))
			start--;
		if (start == end)
			break;
		for (k = 0; neg[k]; k++)
			if (strlen(neg[k]) == end - start &&
			    strncasecmp(s + start, neg[k], end - start) == 0)
				return 1;
		if (end - start > 3 && strncasecmp(s + end - 3, "n't", 3) == 0)
			return 1;
		end = start;
		words++;
	}
	return 0;
}

/* Matches signal SIG on TEXT (LEN bytes), whose quoted speech is already
 * blanked.  TEXT is not changed: a negated match is blanked in a scratch
 * copy, made only when needed. */
static int
signal_on(const struct rc_rubric *rubric, struct rc_matcher *m,
          enum rc_signal sig, const char *text, size_t len)
{
	const struct rc_signal_def *d = &rubric->signals[sig];
	char *scratch = NULL;
	const char *subject = text;
	size_t i;
	int hit = 0, tries;

	struct rc_pattern *const *pats = d->combined ? &d->combined : d->patterns;
	size_t npats = d->combined ? 1 : d->npatterns;

	for (i = 0; !hit && i < npats; i++) {
		for (tries = 0; tries < 6; tries++) {
			size_t a, b;

			if (rc_matcher_exec(m, pats[i], subject, len) != RC_MATCH_YES)
				break;
			rc_matcher_span(m, &a, &b);
			if (!d->negatable || !negated(subject, a)) {
				hit = 1;
				break;
			}
			/* Negated: blank this occurrence and look for another. */
			if (b <= a)
				break;
			if (scratch == NULL) {
				scratch = rc_xstrdup(text);
				subject = scratch;
			}
			memset(scratch + a, ' ', b - a);
		}
	}
	free(scratch);
	return hit;
}

int
rc_signal_match(const struct rc_rubric *rubric, struct rc_matcher *m,
                enum rc_signal sig, const char *text)
{
	char *copy = rc_xstrdup(text);
	int hit;

	strip_quotes(copy);
	hit = signal_on(rubric, m, sig, copy, strlen(copy));
	free(copy);
	return hit;
}

int
rc_text_shouted(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	int upper = 0, lower = 0, capwords = 0;

	/* Word by word: a word with a digit ("INV-2291") or of one or two
	 * letters ("I", "OK") is not shouting; letters of other words count. */
	while (*p) {
		int u = 0, l = 0, digit = 0;

		while (*p && isspace(*p))
			p++;
		for (; *p && !isspace(*p); p++) {
			if (isupper(*p))
				u++;
			else if (islower(*p))
				l++;
			else if (isdigit(*p))
				digit = 1;
		}
		if (digit || u + l < 3)
			continue;
		upper += u;
		lower += l;
		if (u >= 3 && l == 0)
			capwords++;
	}
	/* A line mostly in capitals, or three words in capitals, is. */
	return (upper >= 8 && upper > 2 * lower) || capwords >= 3;
}

static int
has_event(const struct rc_turn *u, const char *type)
{
	return rc_turn_find(u, type) != NULL;
}

static void
read_lines(const struct rc_rubric *rubric, const struct rc_score_input *in,
           struct rc_matcher *m, struct rc_line *lines)
{
	const struct rc_transcript *t = in->t;
	double balance = in->c ? in->c->balance : 0;
	int proposal_open = 0;
	size_t i;
	int s;

	for (i = 0; i < t->n; i++) {
		const struct rc_turn *u = &t->turns[i];
		struct rc_line *l = &lines[i];

		memset(l, 0, sizeof *l);
		l->turn = u;
		if (u->speaker == RC_SPEAKER_ACTION)
			continue;
		{
			/* Quotes are blanked once per line, not once per signal. */
			char *text = rc_xstrdup(u->text);
			size_t len = strlen(text);
			int from = u->speaker == RC_SPEAKER_COLLECTOR ? 0 :
			    RC_SIG_COLLECTOR_COUNT;
			int to = u->speaker == RC_SPEAKER_COLLECTOR ?
			    RC_SIG_COLLECTOR_COUNT : RC_SIG_COUNT;

			strip_quotes(text);
			for (s = from; s < to; s++)
				if (signal_on(rubric, m, (enum rc_signal)s, text, len))
					l->sig |= (uint64_t)1 << s;
			free(text);
		}
		l->shout = rc_text_shouted(u->text);
		l->nmoney = rc_amount_find(u->text, l->money, RC_AMOUNT_MAX);
		if (l->nmoney > RC_AMOUNT_MAX)
			l->nmoney = RC_AMOUNT_MAX;
		rc_amount_proposal(u->text, balance, &l->prop);
		if (u->speaker == RC_SPEAKER_COLLECTOR) {
			if (l->prop.kind != RC_PROP_NONE)
				proposal_open = 1;
			continue;
		}
		if (!in->inferred) {
			l->debtor_offer = has_event(u, "debtor-offer");
			l->inability = has_event(u, "inability-revealed");
			l->reason = has_event(u, "reason-revealed");
			l->hostility = has_event(u, "hostility");
			l->agreement = has_event(u, "agreement");
			l->hangup = has_event(u, "hang-up");
			l->right_party = has_event(u, "right-party-confirmed");
			continue;
		}
		/* A recorded call: infer the events from what the debtor says. */
		l->inability = RC_HAS(l, RC_SIG_D_INABILITY);
		l->reason = RC_HAS(l, RC_SIG_D_REASON);
		l->hostility = RC_HAS(l, RC_SIG_D_HOSTILE) || l->shout;
		l->debtor_offer = RC_HAS(l, RC_SIG_D_OFFER) && l->nmoney > 0 &&
		    !RC_HAS(l, RC_SIG_D_INABILITY);
		l->agreement = RC_HAS(l, RC_SIG_D_AGREE) && proposal_open;
		l->hangup = RC_HAS(l, RC_SIG_D_HANGUP);
		if (l->debtor_offer)
			proposal_open = 1;
	}
}

static rc_detector_fn
find_detector(const char *id)
{
	const struct rc_detector *tables[] = { rc_detectors_core,
	    rc_detectors_deal, rc_detectors_extended };
	size_t i, j;

	for (i = 0; i < 3; i++)
		for (j = 0; tables[i][j].id; j++)
			if (strcmp(tables[i][j].id, id) == 0)
				return tables[i][j].fn;
	return NULL;
}

static int
listed(const char *const *ids, const char *id)
{
	for (; ids && *ids; ids++)
		if (strcmp(*ids, id) == 0)
			return 1;
	return 0;
}

static void
judge(const struct rc_rubric *rubric, const struct rc_score_input *in,
      struct rc_detect *d, const struct rc_practice_def *def,
      struct rc_result *r)
{
	rc_detector_fn fn = find_detector(def->id);
	size_t k;

	memset(r, 0, sizeof *r);
	r->def = def;
	r->weight = def->weight;
	for (k = 0; in->weight_ids && in->weight_ids[k]; k++)
		if (strcmp(in->weight_ids[k], def->id) == 0)
			r->weight = in->weight_values[k];
	if (listed(in->not_applicable, def->id)) {
		rc_result_set(r, RC_NA, "not part of this scenario");
		return;
	}
	if (fn == NULL) {
		rc_result_set(r, RC_NA, "no detector for this practice");
		return;
	}
	d->def = def;
	(void)rubric;
	fn(d, r);
}

static void
add_critical(struct rc_scorecard *c, const char *id, const struct rc_turn *u)
{
	struct rc_critical *cr;

	c->critical = rc_xreallocarray(c->critical, c->ncritical + 1,
	    sizeof *c->critical);
	cr = &c->critical[c->ncritical++];
	cr->id = id;
	cr->turn = u->number;
	cr->quote = rc_xstrdup(u->text);
}

/* Critical failures fail the call whatever its score: abusive or profane
 * language toward the debtor, and (a compliance breach) telling someone
 * other than the debtor about the debt, which a scenario marks with the
 * event "third-party-disclosure" on the gatekeeper's reply. */
static void
criticals(struct rc_scorecard *c, const struct rc_line *lines, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct rc_line *l = &lines[i];

		if (l->turn->speaker == RC_SPEAKER_DEBTOR &&
		    rc_turn_find(l->turn, "third-party-disclosure") != NULL) {
			for (j = i; j > 0; j--)
				if (lines[j - 1].turn->speaker == RC_SPEAKER_COLLECTOR)
					break;
			if (j > 0)
				add_critical(c, "third-party-disclosure", lines[j - 1].turn);
			continue;
		}

		if (l->turn->speaker != RC_SPEAKER_COLLECTOR ||
		    !(RC_HAS(l, RC_SIG_PROFANITY) || RC_HAS(l, RC_SIG_INSULT)))
			continue;
		add_critical(c, "abusive-language", l->turn);
	}
}

static enum rc_style_kind
style(const struct rc_line *lines, size_t n)
{
	double v[5] = { 0, 0, 0, 0, 0 };
	size_t i;
	int k, best = RC_STYLE_COLLABORATION;

	for (i = 0; i < n; i++) {
		const struct rc_line *l = &lines[i];

		if (l->turn->speaker != RC_SPEAKER_COLLECTOR)
			continue;
		v[RC_STYLE_CONFRONTATION] += RC_HAS(l, RC_SIG_THREAT) +
		    RC_HAS(l, RC_SIG_INSULT) + RC_HAS(l, RC_SIG_PROFANITY) +
		    RC_HAS(l, RC_SIG_SARCASM) + RC_HAS(l, RC_SIG_CONDESCEND) + l->shout;
		v[RC_STYLE_AVOIDANCE] += RC_HAS(l, RC_SIG_WAIVE);
		v[RC_STYLE_ACCOMMODATION] += RC_HAS(l, RC_SIG_ACCEPT);
		v[RC_STYLE_COMPROMISE] += l->prop.kind != RC_PROP_NONE;
		v[RC_STYLE_COLLABORATION] += RC_HAS(l, RC_SIG_ASK_SOLUTION) +
		    RC_HAS(l, RC_SIG_ASK_REASON) + RC_HAS(l, RC_SIG_ACKNOWLEDGE) +
		    RC_HAS(l, RC_SIG_EMPATHY) + RC_HAS(l, RC_SIG_OPTIONS) +
		    RC_HAS(l, RC_SIG_ASK_OFFER);
	}
	for (k = 0; k < 5; k++)
		if (v[k] > v[best])
			best = k;
	return (enum rc_style_kind)best;
}

static double
per_month(enum rc_period p)
{
	return p == RC_PERIOD_WEEK ? 52.0 / 12 : p == RC_PERIOD_FORTNIGHT ? 26.0 / 12 : 1;
}

static void
outcome(const struct rc_score_input *in, const struct rc_line *lines, size_t n,
        struct rc_outcome *o)
{
	const struct rc_transcript *t = in->t;
	const struct rc_truth *tr = in->truth;
	double achievable, recovery, speed, hostile = 0;
	size_t i;
	int followup = 0;

	memset(o, 0, sizeof *o);
	o->ended_by = t->ended_by;
	o->balance = in->c ? in->c->balance : 0;
	o->agreement = t->has_agreement;
	o->days_to_full = -1;
	for (i = 0; i < n; i++) {
		hostile += lines[i].hostility;
		if (lines[i].turn->speaker == RC_SPEAKER_DEBTOR &&
		    rc_turn_find(lines[i].turn, "follow-up-agreed"))
			followup = 1;
	}
	if (in->has_mood)
		o->goodwill = 50 + 12.5 * in->mood;
	else
		o->goodwill = 60 - 15 * hostile;
	if (t->ended_by == RC_ENDED_HANGUP && o->goodwill > 15)
		o->goodwill = 15;
	o->goodwill = o->goodwill < 0 ? 0 : o->goodwill > 100 ? 100 : o->goodwill;
	if (o->agreement) {
		const struct rc_terms *a = &t->agreement;
		double up = a->upfront, rest = a->instalment * a->count, p = 1;

		/* The last instalment is smaller: never more than the terms. */
		if (a->total > 0 && up + rest > a->total)
			rest = a->total - up;

		o->terms = *a;
		if (tr != NULL && up > tr->cash_now)
			up = tr->cash_now;
		if (tr != NULL && a->instalment > 0 &&
		    a->instalment * per_month(a->period) > tr->monthly + 0.005) {
			double ratio = tr->monthly / (a->instalment * per_month(a->period));

			p = 0.6 * ratio * ratio;   /* an unaffordable plan likely fails */
		}
		o->recovered_now = up;
		o->expected = up + rest * p;
		if (a->balance_left <= 0.005) {
			int days = a->period == RC_PERIOD_WEEK ? 7 :
			    a->period == RC_PERIOD_FORTNIGHT ? 14 : 30;

			o->days_to_full = a->instalment > 0 ? a->count * days : 0;
		}
	}
	achievable = o->balance;
	if (tr != NULL && tr->cash_now + 12 * tr->monthly < achievable)
		achievable = tr->cash_now + 12 * tr->monthly;
	recovery = achievable > 0 ? o->expected / achievable : 0;
	if (recovery > 1)
		recovery = 1;
	if (!o->agreement && followup)
		recovery = 0.3;   /* a dated follow-up with a debtor who cannot pay */
	speed = o->days_to_full < 0 ? 0.2 : o->days_to_full == 0 ? 1 :
	    o->days_to_full <= 90 ? 0.8 : o->days_to_full <= 365 ? 0.5 : 0.3;
	if (!o->agreement)
		speed = 0;
	o->score = 100 * (0.6 * recovery + 0.15 * speed + 0.25 * o->goodwill / 100);
}

void
rc_score_input_scenario(struct rc_score_input *in, struct rc_case *kase,
                        struct rc_case_invoice *inv, const struct rc_scenario *s)
{
	size_t i;

	for (i = 0; i < s->ninvoices; i++) {
		inv[i].id = s->invoices[i].id;
		inv[i].amount = s->invoices[i].amount;
		inv[i].due = s->invoices[i].due;
		inv[i].paid = s->invoices[i].paid;
	}
	memset(kase, 0, sizeof *kase);
	kase->creditor = s->creditor;
	kase->debtor = s->debtor;
	kase->contact = s->contact;
	kase->currency = s->currency;
	kase->balance = s->balance;
	kase->days_overdue = s->days_overdue;
	kase->invoices = inv;
	kase->ninvoices = s->ninvoices;
	memset(in, 0, sizeof *in);
	in->c = kase;
	in->truth = &s->truth;
	in->scenario_version = s->version;
	in->not_applicable = (const char *const *)s->na_ids;
	in->weight_ids = (const char *const *)s->weight_ids;
	in->weight_values = s->weight_values;
}

struct rc_scorecard *
rc_score(const struct rc_rubric *rubric, const struct rc_score_input *in)
{
	struct rc_scorecard *c = rc_xcalloc(1, sizeof *c);
	struct rc_line *lines = rc_xcalloc(in->t->n + 1, sizeof *lines);
	struct rc_matcher *m = rc_matcher_new(0);
	struct rc_detect d;
	double sum = 0, wsum = 0;
	size_t i;

	read_lines(rubric, in, m, lines);
	memset(&d, 0, sizeof d);
	d.in = in;
	d.rubric = rubric;
	d.lines = lines;
	d.nlines = in->t->n;
	d.m = m;
	c->rubric_version = rubric->version;
	c->scenario_version = in->scenario_version;
	c->practices = rc_xcalloc(rubric->npractices + 1, sizeof *c->practices);
	c->npractices = rubric->npractices;
	for (i = 0; i < rubric->npractices; i++) {
		judge(rubric, in, &d, &rubric->practices[i], &c->practices[i]);
		if (c->practices[i].status != RC_NA) {
			sum += c->practices[i].points * c->practices[i].weight;
			wsum += c->practices[i].weight;
		}
	}
	c->extended = rc_xcalloc(rubric->nextended + 1, sizeof *c->extended);
	c->nextended = rubric->nextended;
	for (i = 0; i < rubric->nextended; i++)
		judge(rubric, in, &d, &rubric->extended[i], &c->extended[i]);
	c->practice_score = wsum > 0 ? 100 * sum / wsum : 0;
	criticals(c, lines, in->t->n);
	c->style = style(lines, in->t->n);
	outcome(in, lines, in->t->n, &c->outcome);
	c->score = rubric->w_practice * c->practice_score +
	    rubric->w_outcome * c->outcome.score;
	c->pass_mark = rubric->pass_mark;
	c->passed = c->score >= c->pass_mark && c->ncritical == 0;
	rc_matcher_free(m);
	free(lines);
	return c;
}

static void
free_results(struct rc_result *r, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < r[i].nev; j++)
			free(r[i].ev[j].quote);
		free(r[i].ev);
		free(r[i].note);
	}
	free(r);
}

void
rc_scorecard_free(struct rc_scorecard *c)
{
	size_t i;

	if (c == NULL)
		return;
	free_results(c->practices, c->npractices);
	free_results(c->extended, c->nextended);
	for (i = 0; i < c->ncritical; i++)
		free(c->critical[i].quote);
	free(c->critical);
	free(c);
}
