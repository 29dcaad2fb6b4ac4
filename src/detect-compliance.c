/*
 * detect-compliance.c - judging a call against the compliance rules
 * (scoring/compliance.json): for each rule, whether it applies in the
 * call's legal frame, and if so whether a line broke it, with that line.
 *
 * Rules are read from the same signals as the practices (one reading of
 * each line, score.c), from the frame's facts (a written dispute, a cease
 * request, an attorney, a time-barred debt), and from the practices'
 * results where a practice already judges the same thing (a wrong figure,
 * pressure on a debtor who cannot pay).  A rule that needs what a call of
 * today does not carry (the time of day, the account's contact log) is
 * reported as not judged, never as kept.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compliance.h"
#include "date.h"
#include "detect.h"
#include "score.h"
#include "xmalloc.h"

_Static_assert(RC_SIG_COUNT <= 64, "a line's signals are a 64-bit set");

/* What the detectors see. */
struct cx {
	const struct rc_score_input *in;
	const struct rc_legal *legal;
	const struct rc_line *lines;
	size_t n;
	const struct rc_scorecard *card;
};

typedef void (*comply_fn)(const struct cx *x, struct rc_comply_result *r);

#define NONE RC_DETECT_NONE

static void
set(struct rc_comply_result *r, enum rc_comply_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
set(struct rc_comply_result *r, enum rc_comply_status st, const char *fmt, ...)
{
	struct rc_buf b = RC_BUF_INIT;
	va_list ap;

	r->status = st;
	va_start(ap, fmt);
	rc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(r->note);
	r->note = rc_buf_detach(&b);
}

static void
breach(const struct cx *x, struct rc_comply_result *r, size_t i)
{
	r->status = RC_COMPLY_BREACHED;
	r->turn = x->lines[i].turn->number;
	free(r->quote);
	r->quote = rc_xstrdup(x->lines[i].turn->text);
}

/* Does collector line L name the debt: remind it, mention it, name an
 * invoice or amount of the case, or put terms? */
static int
names_debt(const struct cx *x, const struct rc_line *l)
{
	return collector(l) && (RC_HAS(l, RC_SIG_OVERDUE) ||
	    RC_HAS(l, RC_SIG_MENTION_DEBT) || l->prop.kind != RC_PROP_NONE ||
	    (x->in->c != NULL && rc_line_discloses(x->in->c, l)));
}

/* Does collector line L ask for money: terms, an offer asked for, a
 * deposit, a deadline, the full balance? */
static int
collects(const struct rc_line *l)
{
	return collector(l) && (l->prop.kind != RC_PROP_NONE ||
	    RC_HAS(l, RC_SIG_ASK_OFFER) || RC_HAS(l, RC_SIG_GOOD_FAITH) ||
	    RC_HAS(l, RC_SIG_DEADLINE) || RC_HAS(l, RC_SIG_FULL_BALANCE));
}

static size_t
first_collector_signal(const struct cx *x, int sig, size_t from)
{
	size_t i;

	for (i = from; i < x->n; i++)
		if (collector(&x->lines[i]) && RC_HAS(&x->lines[i], sig))
			return i;
	return NONE;
}

/* The first debtor line that says they cannot pay, or NONE. */
static size_t
hardship(const struct cx *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (debtor(&x->lines[i]) && (x->lines[i].inability ||
		    RC_HAS(&x->lines[i], RC_SIG_D_INABILITY)))
			return i;
	return NONE;
}

static const struct rc_result *
practice(const struct cx *x, const char *id)
{
	size_t i;

	for (i = 0; i < x->card->npractices; i++)
		if (strcmp(x->card->practices[i].def->id, id) == 0)
			return &x->card->practices[i];
	for (i = 0; i < x->card->nextended; i++)
		if (strcmp(x->card->extended[i].def->id, id) == 0)
			return &x->card->extended[i];
	return NULL;
}

/* R is breached by the line a practice result P cites first. */
static void
breach_as(struct rc_comply_result *r, const struct rc_result *p)
{
	r->status = RC_COMPLY_BREACHED;
	if (p->nev > 0) {
		r->turn = p->ev[0].turn;
		free(r->quote);
		r->quote = rc_xstrdup(p->ev[0].quote);
	}
}

/* 1692e(11): the disclosure comes no later than the first line that
 * names the debt to the debtor. */
static void
mini_miranda(const struct cx *x, struct rc_comply_result *r)
{
	size_t i, said = first_collector_signal(x, RC_SIG_MINI_MIRANDA, 0);

	for (i = 0; i < x->n; i++)
		if (names_debt(x, &x->lines[i]) || collects(&x->lines[i]))
			break;
	if (i == x->n) {
		set(r, RC_COMPLY_KEPT, said != NONE ? "said at turn %d" :
		    "the debt was not discussed", said != NONE ?
		    x->lines[said].turn->number : 0);
		return;
	}
	if (said != NONE && said <= i) {
		set(r, RC_COMPLY_KEPT, "said at turn %d, before the debt was "
		    "discussed", x->lines[said].turn->number);
		return;
	}
	breach(x, r, i);
	set(r, RC_COMPLY_BREACHED, x->legal->first_contact ?
	    "the debt was discussed before saying this is an attempt to "
	    "collect a debt by a debt collector" : "the debt was discussed "
	    "without saying the call is from a debt collector");
}

/* 1692d(6), 1692e(14): a name and the company early in the call; only
 * that it is said can be judged, not that it is true. */
static void
identify(const struct cx *x, struct rc_comply_result *r)
{
	size_t i, seen = 0, first = NONE;

	for (i = 0; i < x->n && seen < 2; i++) {
		if (!collector(&x->lines[i]))
			continue;
		if (first == NONE)
			first = i;
		seen++;
		if (RC_HAS(&x->lines[i], RC_SIG_IDENTIFY)) {
			set(r, RC_COMPLY_KEPT, "said who is calling at turn %d",
			    x->lines[i].turn->number);
			return;
		}
	}
	if (first == NONE) {
		set(r, RC_COMPLY_NA, "the collector said nothing");
		return;
	}
	breach(x, r, first);
	set(r, RC_COMPLY_BREACHED, "the first two lines never said who is "
	    "calling or from which company");
}

/* 1692c(b): the debt named (or the collector's trade said) while someone
 * other than the debtor is on the line.  A simulated call knows that
 * moment from the scenario's event on the gatekeeper's reply; a recorded
 * call from someone else having said so, the debtor not on since. */
static void
third_party(const struct cx *x, struct rc_comply_result *r)
{
	size_t i, j;
	int stranger = 0, met = 0;

	for (i = 0; i < x->n; i++) {
		const struct rc_line *l = &x->lines[i];

		if (debtor(l)) {
			if (l->gatekeeper)
				stranger = met = 1;
			if (l->right_party)
				stranger = 0;
			if (!x->in->inferred &&
			    rc_turn_find(l->turn, "third-party-disclosure") != NULL) {
				for (j = i; j > 0 && !collector(&x->lines[j - 1]); j--)
					;
				if (j > 0) {
					breach(x, r, j - 1);
					set(r, RC_COMPLY_BREACHED, "the debt was named to "
					    "someone who is not the debtor");
					return;
				}
			}
			continue;
		}
		if (x->in->inferred && stranger && collector(l) &&
		    (names_debt(x, l) || RC_HAS(l, RC_SIG_MINI_MIRANDA))) {
			breach(x, r, i);
			set(r, RC_COMPLY_BREACHED, "the debt was named to someone "
			    "who is not the debtor");
			return;
		}
	}
	set(r, RC_COMPLY_KEPT, met ? "someone else answered and was told "
	    "nothing of the debt" : "only the debtor was spoken to");
}

static void
signals_breach(const struct cx *x, struct rc_comply_result *r,
               const int *sigs, const char *what)
{
	size_t i;
	int k;

	for (i = 0; i < x->n; i++) {
		if (!collector(&x->lines[i]))
			continue;
		for (k = 0; sigs[k] >= 0; k++)
			if (RC_HAS(&x->lines[i], sigs[k])) {
				breach(x, r, i);
				set(r, RC_COMPLY_BREACHED, "%s", what);
				return;
			}
	}
	set(r, RC_COMPLY_KEPT, "none");
}

static void
threat(const struct cx *x, struct rc_comply_result *r)
{
	static const int sigs[] = { RC_SIG_THREAT, -1 };

	signals_breach(x, r, sigs, "a threat");
}

static void
abusive(const struct cx *x, struct rc_comply_result *r)
{
	static const int sigs[] = { RC_SIG_PROFANITY, RC_SIG_INSULT, -1 };

	signals_breach(x, r, sigs, "profane or abusive language");
}

/* 1692e(2): a figure or date of the debt stated wrongly, as
 * accurate-information judges it against the case file. */
static void
false_amount(const struct cx *x, struct rc_comply_result *r)
{
	const struct rc_result *p = practice(x, "accurate-information");

	if (p == NULL || p->status == RC_NA) {
		set(r, RC_COMPLY_NA, "no figure of the debt stated, or no case "
		    "file to check it against");
		return;
	}
	if (p->status != RC_MISSED) {
		/* partial: no figure stated at all, nothing false said */
		set(r, RC_COMPLY_KEPT, p->status == RC_MET ? "every figure stated "
		    "matches the case file" : "no figure of the debt stated");
		return;
	}
	breach_as(r, p);
	set(r, RC_COMPLY_BREACHED, "%s", p->note ? p->note :
	    "a figure of the debt stated wrongly");
}

/* 1692e(2), e(5): a debt past the limitation period, and a line that
 * speaks of legal action or threatens. */
static void
time_barred(const struct cx *x, struct rc_comply_result *r)
{
	size_t i;

	if (!x->legal->facts.time_barred) {
		set(r, RC_COMPLY_NA, "the debt is not past the limitation period");
		return;
	}
	for (i = 0; i < x->n; i++) {
		const struct rc_line *l = &x->lines[i];

		if (collector(l) && (RC_HAS(l, RC_SIG_THREAT) ||
		    (RC_HAS(l, RC_SIG_LEGAL_ACTION) &&
		    !RC_HAS(l, RC_SIG_MINI_MIRANDA)))) {
			breach(x, r, i);
			set(r, RC_COMPLY_BREACHED, "legal action spoken of on a "
			    "time-barred debt");
			return;
		}
	}
	set(r, RC_COMPLY_KEPT, "no legal action spoken of");
}

/* A fact of the frame after which asking for money breaks the rule. */
static void
no_collecting(const struct cx *x, struct rc_comply_result *r, int fact,
              const char *absent, const char *what)
{
	size_t i, offered = first_collector_signal(x, RC_SIG_OFFER_VERIFY, 0);

	if (!fact) {
		set(r, RC_COMPLY_NA, "%s", absent);
		return;
	}
	for (i = 0; i < x->n; i++)
		if (collects(&x->lines[i])) {
			breach(x, r, i);
			set(r, RC_COMPLY_BREACHED, "%s", what);
			return;
		}
	if (offered != NONE)
		set(r, RC_COMPLY_KEPT, "no payment asked for; verification "
		    "offered at turn %d", x->lines[offered].turn->number);
	else
		set(r, RC_COMPLY_KEPT, "no payment asked for");
}

static void
dispute(const struct cx *x, struct rc_comply_result *r)
{
	no_collecting(x, r, x->legal->facts.written_dispute,
	    "no written dispute on file", "payment asked for on a debt "
	    "disputed in writing, before verification was sent");
}

static void
cease(const struct cx *x, struct rc_comply_result *r)
{
	no_collecting(x, r, x->legal->facts.cease_request,
	    "no request to stop on file", "payment asked for after a "
	    "written request to stop");
}

/* 1692c(a)(2): with an attorney on file, or once the debtor has said in
 * the call that they have one, the debt is not discussed with them. */
static void
attorney(const struct cx *x, struct rc_comply_result *r)
{
	size_t i, from = NONE;

	if (x->legal->facts.attorney)
		from = 0;
	for (i = 0; i < x->n && from == NONE; i++)
		if (debtor(&x->lines[i]) && RC_HAS(&x->lines[i], RC_SIG_D_ATTORNEY))
			from = i + 1;
	if (from == NONE) {
		set(r, RC_COMPLY_NA, "no attorney on file or named in the call");
		return;
	}
	for (i = from; i < x->n; i++)
		if (names_debt(x, &x->lines[i]) || collects(&x->lines[i])) {
			breach(x, r, i);
			if (from == 0)
				set(r, RC_COMPLY_BREACHED, "the debt was discussed with a "
				    "debtor who has an attorney");
			else
				set(r, RC_COMPLY_BREACHED, "the debt was discussed after the "
				    "debtor said they have an attorney (turn %d)",
				    x->lines[from - 1].turn->number);
			return;
		}
	set(r, RC_COMPLY_KEPT, "the debt was not discussed with the debtor%s",
	    from == 0 ? "" : " once they named their attorney");
}

/* The debtor's time of day at line I, in seconds since midnight. */
static int
clock_at(const struct cx *x, size_t i)
{
	return (x->in->clock->seconds + (int)i * RC_CLOCK_TURN_SECONDS) % 86400;
}

/* 1692c(a)(1): a collector line before 8 am or from 9 pm on, the
 * debtor's time, the clock running RC_CLOCK_TURN_SECONDS a line. */
static void
call_hours(const struct cx *x, struct rc_comply_result *r)
{
	size_t i, last = NONE;
	int t;

	if (x->in->clock == NULL) {
		set(r, RC_COMPLY_UNJUDGED, "needs the time of the call (--at)");
		return;
	}
	for (i = 0; i < x->n; i++) {
		if (!collector(&x->lines[i]))
			continue;
		last = i;
		t = clock_at(x, i);
		if (t < 8 * 3600 || t >= 21 * 3600) {
			breach(x, r, i);
			set(r, RC_COMPLY_BREACHED, "said at %02d:%02d the debtor's time, "
			    "outside 8 am to 9 pm", t / 3600, t / 60 % 60);
			return;
		}
	}
	t = clock_at(x, 0);
	set(r, RC_COMPLY_KEPT, "the call ran from %02d:%02d to %02d:%02d the "
	    "debtor's time", t / 3600, t / 60 % 60, clock_at(x, last == NONE ? 0 :
	    last) / 3600, clock_at(x, last == NONE ? 0 : last) / 60 % 60);
}

/* 12 CFR 1006.14(b)(2): this call is more than the seventh in seven
 * consecutive days, or it comes within seven days (the day of it the
 * first) of a conversation about the debt.  Read by day: the log's
 * calls on the seven days ending with this call's day. */
static void
call_frequency(const struct cx *x, struct rc_comply_result *r)
{
	int32_t today = x->in->clock ? x->in->clock->date :
	    x->in->c ? x->in->c->date : RC_DATE_NONE;
	size_t i, calls = 1, first = NONE;
	int32_t talked = RC_DATE_NONE;

	if (!x->legal->has_contacts || today == RC_DATE_NONE) {
		set(r, RC_COMPLY_UNJUDGED, "needs the account's contact log and "
		    "the call's date");
		return;
	}
	for (i = 0; i < x->n && first == NONE; i++)
		if (collector(&x->lines[i]))
			first = i;
	if (first == NONE) {
		set(r, RC_COMPLY_NA, "the collector said nothing");
		return;
	}
	for (i = 0; i < x->legal->ncontacts; i++) {
		const struct rc_contact *k = &x->legal->contacts[i];

		if (k->date > today || k->date <= today - 7)
			continue;
		calls++;
		if (k->talked && (talked == RC_DATE_NONE || k->date > talked))
			talked = k->date;
	}
	if (calls > 7) {
		breach(x, r, first);
		set(r, RC_COMPLY_BREACHED, "call %zu in seven days", calls);
	} else if (talked != RC_DATE_NONE) {
		breach(x, r, first);
		if (today == talked)
			set(r, RC_COMPLY_BREACHED, "another call on the day of a "
			    "conversation about the debt");
		else
			set(r, RC_COMPLY_BREACHED, "a call %d day%s after a "
			    "conversation about the debt", (int)(today - talked),
			    today - talked == 1 ? "" : "s");
	} else {
		set(r, RC_COMPLY_KEPT, "call %zu in seven days, no conversation "
		    "in them", calls);
	}
}

/* 1692f(2): a payment agreed for more than five days after the call,
 * with no word of writing to the debtor before it is taken. */
static void
post_dated(const struct cx *x, struct rc_comply_result *r)
{
	const struct rc_outcome *o = &x->card->outcome;
	int32_t today = x->in->c ? x->in->c->date : RC_DATE_NONE;
	size_t i, at = NONE;

	if (!x->legal->facts.post_dated_payment) {
		set(r, RC_COMPLY_NA, "no post-dated payment offered");
		return;
	}
	if (!o->agreement || o->terms.n == 0 || today == RC_DATE_NONE ||
	    o->terms.part[0].due == RC_DATE_NONE ||
	    o->terms.part[0].due - today <= 5) {
		set(r, RC_COMPLY_KEPT, "no payment agreed for more than five "
		    "days ahead");
		return;
	}
	for (i = 0; i < x->n; i++) {
		if (x->lines[i].agreement && at == NONE)
			at = i;
		if (collector(&x->lines[i]) && RC_HAS(&x->lines[i], RC_SIG_WRITING)) {
			set(r, RC_COMPLY_KEPT, "written notice promised at turn %d",
			    x->lines[i].turn->number);
			return;
		}
	}
	if (at != NONE)
		breach(x, r, at);
	set(r, RC_COMPLY_BREACHED, "a post-dated payment taken with no word "
	    "of writing before it is deposited");
}

/* CONC 7.3: once the debtor says they cannot pay, free debt advice is
 * pointed to before the call ends. */
static void
signpost(const struct cx *x, struct rc_comply_result *r)
{
	size_t h = hardship(x), s;

	if (h == NONE) {
		set(r, RC_COMPLY_NA, "no financial difficulty came up");
		return;
	}
	s = first_collector_signal(x, RC_SIG_SIGNPOST, 0);
	if (s != NONE) {
		set(r, RC_COMPLY_KEPT, "free debt advice pointed to at turn %d",
		    x->lines[s].turn->number);
		return;
	}
	breach(x, r, h);
	set(r, RC_COMPLY_BREACHED, "the debtor said they cannot pay and was "
	    "never told about free debt advice");
}

/* CONC 7.3: forbearance, as dont-force-the-issue and be-realistic judge
 * it once the debtor cannot pay. */
static void
forbearance(const struct cx *x, struct rc_comply_result *r)
{
	const struct rc_result *f = practice(x, "dont-force-the-issue");
	const struct rc_result *b = practice(x, "be-realistic");

	if (hardship(x) == NONE) {
		set(r, RC_COMPLY_NA, "no financial difficulty came up");
		return;
	}
	if (f != NULL && f->status == RC_MISSED) {
		breach_as(r, f);
		set(r, RC_COMPLY_BREACHED, "pressed a debtor who cannot pay");
	} else if (b != NULL && b->status == RC_MISSED) {
		breach_as(r, b);
		set(r, RC_COMPLY_BREACHED, "demands did not fit what the debtor "
		    "can pay");
	} else {
		set(r, RC_COMPLY_KEPT, "demands fitted what the debtor can pay");
	}
}

static void
pressure(const struct cx *x, struct rc_comply_result *r)
{
	static const int sigs[] = { RC_SIG_THREAT, RC_SIG_INSULT,
	    RC_SIG_PROFANITY, RC_SIG_HARASS, -1 };

	signals_breach(x, r, sigs, "a threat, abuse or harassment");
}

static const struct {
	const char *id;
	comply_fn fn;
	enum rc_compliance_need need;
} detectors[] = {
	{ "us-mini-miranda", mini_miranda, RC_NEED_LINES },
	{ "us-identify", identify, RC_NEED_LINES },
	{ "us-third-party", third_party, RC_NEED_LINES },
	{ "us-threat", threat, RC_NEED_LINES },
	{ "us-abusive", abusive, RC_NEED_LINES },
	{ "us-false-amount", false_amount, RC_NEED_LINES },
	{ "us-time-barred", time_barred, RC_NEED_LINES },
	{ "us-dispute", dispute, RC_NEED_LINES },
	{ "us-cease", cease, RC_NEED_LINES },
	{ "us-attorney", attorney, RC_NEED_LINES },
	{ "us-call-hours", call_hours, RC_NEED_CLOCK },
	{ "us-call-frequency", call_frequency, RC_NEED_LOG },
	{ "us-post-dated", post_dated, RC_NEED_LINES },
	{ "uk-signpost", signpost, RC_NEED_LINES },
	{ "uk-forbearance", forbearance, RC_NEED_LINES },
	{ "uk-pressure", pressure, RC_NEED_LINES },
};

#define NDETECTORS (sizeof detectors / sizeof detectors[0])

const char *const rc_compliance_ids[] = {
	"us-mini-miranda", "us-identify", "us-third-party", "us-threat",
	"us-abusive", "us-false-amount", "us-time-barred", "us-dispute",
	"us-cease", "us-attorney", "us-call-hours", "us-call-frequency",
	"us-post-dated", "uk-signpost", "uk-forbearance", "uk-pressure", NULL
};

enum rc_compliance_need
rc_compliance_id_need(const char *id)
{
	size_t i;

	for (i = 0; i < NDETECTORS; i++)
		if (strcmp(detectors[i].id, id) == 0)
			return detectors[i].need;
	return RC_NEED_LINES;
}

const char *
rc_comply_status_name(enum rc_comply_status s)
{
	switch (s) {
	case RC_COMPLY_KEPT: return "kept";
	case RC_COMPLY_BREACHED: return "breached";
	case RC_COMPLY_NA: return "n/a";
	case RC_COMPLY_UNJUDGED: return "not judged";
	}
	return "?";
}

/* Adds a critical failure for breach R unless one already cites its
 * line (a threat is both a rubric critical and a compliance breach). */
static void
add_critical(struct rc_scorecard *c, const struct rc_comply_result *r)
{
	size_t i;

	for (i = 0; i < c->ncritical; i++)
		if (c->critical[i].turn == r->turn)
			return;
	c->critical = rc_xreallocarray(c->critical, c->ncritical + 1,
	    sizeof *c->critical);
	c->critical[c->ncritical].id = r->rule->id;
	c->critical[c->ncritical].turn = r->turn;
	c->critical[c->ncritical].quote = rc_xstrdup(r->quote ? r->quote : "");
	c->ncritical++;
}

void
rc_score_compliance(const struct rc_rubric *rubric,
                    const struct rc_score_input *in, struct rc_scorecard *c,
                    const struct rc_line *lines, size_t n)
{
	const struct rc_compliance *rules = rubric->compliance;
	const struct rc_legal *legal = in->legal;
	struct rc_buf frame = RC_BUF_INIT;
	struct cx x;
	size_t i, k;

	if (rules == NULL || legal == NULL || !legal->set)
		return;
	x.in = in;
	x.legal = legal;
	x.lines = lines;
	x.n = n;
	x.card = c;
	rc_legal_describe(&frame, legal);
	if (in->clock != NULL) {
		int y, m, d;

		rc_date_ymd(in->clock->date, &y, &m, &d);
		rc_buf_printf(&frame, ", call at %04d-%02d-%02d %02d:%02d", y, m, d,
		    in->clock->seconds / 3600, in->clock->seconds / 60 % 60);
	}
	c->frame = rc_buf_detach(&frame);
	c->compliance = rc_xcalloc(rules->nrules + 1, sizeof *c->compliance);
	c->ncompliance = rules->nrules;
	for (i = 0; i < rules->nrules; i++) {
		struct rc_comply_result *r = &c->compliance[i];

		r->rule = &rules->rules[i];
		if (!rc_compliance_applies(r->rule, legal)) {
			set(r, RC_COMPLY_NA, "not in this legal frame");
			continue;
		}
		r->applies = 1;
		for (k = 0; k < NDETECTORS; k++)
			if (strcmp(detectors[k].id, r->rule->id) == 0)
				break;
		if (k == NDETECTORS) {
			set(r, RC_COMPLY_UNJUDGED, "no detector");
			continue;
		}
		detectors[k].fn(&x, r);
		if (r->status == RC_COMPLY_BREACHED && r->rule->critical &&
		    r->turn > 0)
			add_critical(c, r);
	}
}
