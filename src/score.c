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

int
rc_status_parse(const char *s, enum rc_status *out)
{
	int k;

	for (k = RC_MET; k <= RC_NA; k++)
		if (s != NULL && strcmp(s, rc_status_name((enum rc_status)k)) == 0) {
			*out = (enum rc_status)k;
			return 1;
		}
	return 0;
}

double
rc_status_points(enum rc_status s)
{
	return s == RC_MET ? 1 : s == RC_PARTIAL ? 0.5 : 0;
}

double
rc_score_practice(const enum rc_status *st, const double *weight, size_t n)
{
	double sum = 0, wsum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (st[i] != RC_NA) {
			sum += rc_status_points(st[i]) * weight[i];
			wsum += weight[i];
		}
	return wsum > 0 ? 100 * sum / wsum : 0;
}

double
rc_score_overall(double practice, double outcome, double w_practice)
{
	return w_practice * practice + (1 - w_practice) * outcome;
}

void
rc_result_review(struct rc_result *r, enum rc_status st, const char *by,
                 const char *note, int64_t at)
{
	if (r->review == NULL) {
		r->review = rc_xcalloc(1, sizeof *r->review);
		r->review->was = r->status;
		r->review->was_points = r->points;
	}
	free(r->review->by);
	free(r->review->note);
	r->review->by = rc_xstrdup(by ? by : "");
	r->review->note = note ? rc_xstrdup(note) : NULL;
	r->review->at = at;
	r->status = st;
	r->points = rc_status_points(st);
}

void
rc_scorecard_retotal(struct rc_scorecard *c)
{
	enum rc_status *st = rc_xcalloc(c->npractices + 1, sizeof *st);
	double *w = rc_xcalloc(c->npractices + 1, sizeof *w);
	size_t i, n = 0;

	for (i = 0; i < c->npractices + c->nextended; i++)
		if ((i < c->npractices ? &c->practices[i] :
		    &c->extended[i - c->npractices])->review != NULL)
			n++;
	if (c->nreviewed == 0) {
		c->auto_practice_score = c->practice_score;
		c->auto_score = c->score;
		c->auto_passed = c->passed;
	}
	c->nreviewed = n;
	for (i = 0; i < c->npractices; i++) {
		st[i] = c->practices[i].status;
		w[i] = c->practices[i].weight;
	}
	c->practice_score = rc_score_practice(st, w, c->npractices);
	c->score = rc_score_overall(c->practice_score, c->outcome.score,
	    c->w_practice);
	c->passed = c->score >= c->pass_mark && c->ncritical == 0;
	free(st);
	free(w);
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
	r->points = rc_status_points(st);
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

/* The lines of a call that grows (practice mode scores after every
 * line), kept between scorings: those already read keep what reading
 * gave, and what follows from the lines before (the events, in a recorded
 * call the inferences) is worked out again only from the first line whose
 * turn has gained events since, the last line before the new ones at
 * least.  Each line keeps the state of the walk before it, so the walk can
 * start again there. */
struct rc_score_cache {
	struct rc_line *lines;
	size_t n, cap;            /* lines read; room */
	size_t derived;           /* lines whose inferences are worked out */
};

/* The names of enum rc_line_event, in its order. */
static const char *const line_event_names[RC_LEV_COUNT] = {
	"agreement", "debt-acknowledged", "debtor-offer", "dispute",
	"floor-set", "follow-up-agreed", "gatekeeper", "hang-up", "hostility",
	"inability-revealed", "note", "pause", "promise-made",
	"reason-revealed", "research-used", "research-viewed",
	"right-party-confirmed", "third-party-disclosure", "wrong-party",
};

uint32_t
rc_line_events(const struct rc_turn *turn)
{
	uint32_t bits = 0;
	size_t i;
	int k;

	for (i = 0; i < turn->nevents; i++)
		for (k = 0; k < RC_LEV_COUNT; k++)
			if (strcmp(turn->events[i].type, line_event_names[k]) == 0) {
				bits |= UINT32_C(1) << k;
				break;
			}
	return bits;
}

struct rc_score_cache *
rc_score_cache_new(void)
{
	return rc_xcalloc(1, sizeof(struct rc_score_cache));
}

void
rc_score_cache_free(struct rc_score_cache *c)
{
	if (c == NULL)
		return;
	free(c->lines);
	free(c);
}

/* Reads TEXT said by SPEAKER with RUBRIC's reader into R, setting the
 * reader's facts to the case of IN first (when IN is not NULL). */
static void
read_one(const struct rc_rubric *rubric, const char *text, int collector,
         struct rc_reading *r)
{
	rc_reader_read(rubric->reader, text, collector ? RC_SIDE_TRAINEE :
	    RC_SIDE_DEBTOR, r);
}

/* Is TEXT said on a condition: "if", "unless", "otherwise", "failing",
 * or a clause opening with "should" ("should a payment be missed")? */
static int
conditional(const char *text)
{
	static const char *const words[] = { "if", "unless", "otherwise",
	    "failing", NULL };
	const char *p = text;
	int clause_start = 1;
	size_t i, n;

	while (*p) {
		while (*p && !isalpha((unsigned char)*p)) {
			if (strchr(".,;:!?-", *p))
				clause_start = 1;
			p++;
		}
		for (n = 0; isalpha((unsigned char)p[n]); n++)
			;
		if (n == 0)
			break;
		for (i = 0; words[i]; i++)
			if (strlen(words[i]) == n && strncasecmp(p, words[i], n) == 0)
				return 1;
		if (clause_start && n == 6 && strncasecmp(p, "should", 6) == 0)
			return 1;
		clause_start = 0;
		p += n;
	}
	return 0;
}

/* Is signal S (one of its intents) read in R? */
static int
has_signal(const struct rc_rubric *rubric, const struct rc_reading *r, int s)
{
	const int *k;

	for (k = rubric->sig[s]; *k >= 0; k++)
		if (rc_reading_has(r, *k))
			break;
	if (*k < 0)
		return 0;
	/* What happens IF a payment is missed: a consequence said on a
	 * condition.  A consequence said flatly is still a consequence. */
	if (s == RC_SIG_RAMIFICATION)
		return conditional(rc_buf_str(&r->norm));
	return 1;
}

/* The signal bits of reading R for a line said by the collector (or not). */
static uint64_t
signals_of(const struct rc_rubric *rubric, const struct rc_reading *r,
           int collector)
{
	int from = collector ? 0 : RC_SIG_COLLECTOR_COUNT;
	int to = collector ? RC_SIG_COLLECTOR_COUNT : RC_SIG_COUNT;
	uint64_t sig = 0;
	int s;

	for (s = from; s < to; s++)
		if (has_signal(rubric, r, s))
			sig |= (uint64_t)1 << s;
	return sig;
}

int
rc_text_conditional(const char *text)
{
	return conditional(text);
}

int
rc_signal_in(const struct rc_rubric *rubric, const struct rc_reading *r,
             enum rc_signal sig)
{
	return has_signal(rubric, r, sig);
}

int
rc_signal_match(const struct rc_rubric *rubric, enum rc_signal sig,
                const char *text)
{
	struct rc_reading r = RC_READING_INIT;
	int hit;

	read_one(rubric, text, sig < RC_SIG_COLLECTOR_COUNT, &r);
	hit = has_signal(rubric, &r, sig);
	rc_reading_free(&r);
	return hit;
}

/* The first name of the person the call is for, from the case file's
 * contact ("Dave Hughes, 07700 900277", "Dr. Alan Fisk (owner)"), into
 * BUF.  Titles and initials
 * ("Dr.", "D.") are skipped. */
static int
first_name(const struct rc_case *c, char *buf, size_t size)
{
	/* Only the contact names a person: a debtor may be a business
	 * ("Petals & Stems"), whose name is how anyone there answers. */
	const char *p = c == NULL ? NULL : c->contact;
	size_t n;

	if (p == NULL)
		return 0;
	for (;;) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ,.()");
		if (p[n] != '.' && !(n <= 3 && (strncmp(p, "Mr", n) == 0 ||
		    strncmp(p, "Mrs", n) == 0 || strncmp(p, "Ms", n) == 0 ||
		    strncmp(p, "Dr", n) == 0)))
			break;
		p += n + (p[n] != '\0');
	}
	if (n < 2 || n >= size || !isupper((unsigned char)p[0]))
		return 0;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return 1;
}

/* Where NAME stands alone in TEXT (as a word, case as written), or NULL. */
static const char *
find_name(const char *text, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = strstr(text, name); p != NULL; p = strstr(p + 1, name))
		if ((p == text || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return p;
	return NULL;
}

/* Does collector TEXT greet the debtor by NAME ("Hi Aaron, it's Frank",
 * "Morning Gary")?  A debtor who answers to it, and does not say they
 * are someone else, is the right person. */
static int
greets(const char *text, const char *name)
{
	static const char *const hello[] = { "hi", "hey", "hello", "hiya",
	    "howya", "morning", "afternoon", "evening", "yo", NULL };
	const char *at = find_name(text, name), *e, *b;
	size_t k;

	if (at == NULL)
		return 0;
	for (e = at; e > text && !isalpha((unsigned char)e[-1]); e--)
		;
	for (b = e; b > text && isalpha((unsigned char)b[-1]); b--)
		;
	for (k = 0; hello[k]; k++)
		if ((size_t)(e - b) == strlen(hello[k]) &&
		    strncasecmp(b, hello[k], (size_t)(e - b)) == 0)
			return 1;
	return 0;
}

static int dated_terms(const struct rc_line *l);

/* Did collector line L put terms to the debtor: propose them (a plan, or
 * a sum named, or asked by a day, with its day: "the $512 is what the plan
 * didn't cover" and "is it all fixed up now?" are not), take the
 * debtor's, or say them back? */
static int
terms_put(const struct rc_line *l)
{
	return l->turn->speaker == RC_SPEAKER_COLLECTOR &&
	    ((dated_terms(l) && (l->nmoney > 0 ||
	     l->prop.kind == RC_PROP_PLAN || RC_HAS(l, RC_SIG_DEADLINE))) || l->agreement ||
	     RC_HAS(l, RC_SIG_ACCEPT) || RC_HAS(l, RC_SIG_RECAP));
}

/* Does debtor line L name sums, all of them said in line P ("Yeah, $500 I
 * can do today" to "could you do $500 today?")?  Then its terms are P's. */
static int
echoes(const struct rc_line *p, const struct rc_line *l)
{
	size_t i, j;

	if (l->nmoney == 0)
		return 0;
	for (i = 0; i < l->nmoney; i++) {
		for (j = 0; j < p->nmoney; j++)
			if (fabs(p->money[j].value - l->money[i].value) < 0.005)
				break;
		if (j == p->nmoney)
			return 0;
	}
	return 1;
}

/* Does line L lay out terms one can agree to: a plan, or a sum with its
 * day? */
static int
dated_terms(const struct rc_line *l)
{
	return l->prop.kind == RC_PROP_PLAN ||
	    (l->prop.kind != RC_PROP_NONE && l->prop.when[0] != '\0');
}

/* Is debtor line L a yes and nothing else: no terms of their own (saying
 * P's back is fine), no "I can't", no dispute or anger?  Said to terms put
 * to them in P, it agrees. */
static int
bare_assent(const struct rc_line *p, const struct rc_line *l)
{
	return RC_HAS(l, RC_SIG_D_ASSENT) &&
	    ((!RC_HAS(l, RC_SIG_D_OFFER) && !dated_terms(l)) || echoes(p, l)) &&
	    !RC_HAS(l, RC_SIG_D_INABILITY) && !RC_HAS(l, RC_SIG_D_DISPUTE) &&
	    !RC_HAS(l, RC_SIG_D_HOSTILE) && !l->shout;
}

/* Does TEXT name one of C's unpaid invoices by the month it fell due, as
 * people name invoices ("September's", "the September one")? */
static int
names_invoice_month(const struct rc_case *c, const char *text)
{
	static const char *const months[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december" };
	char name[32];
	size_t i, n;
	int m;

	for (i = 0; c != NULL && i < c->ninvoices; i++) {
		const char *due = c->invoices[i].due;

		if (c->invoices[i].paid || due == NULL || strlen(due) < 7)
			continue;
		m = (due[5] - '0') * 10 + (due[6] - '0');
		if (m < 1 || m > 12)
			continue;
		/* Capitalised as a name; "may" alone is too common a word. */
		n = strlen(months[m - 1]);
		memcpy(name, months[m - 1], n + 1);
		name[0] = (char)toupper((unsigned char)name[0]);
		strcat(name, "'s");
		if (strstr(text, name) != NULL)
			return 1;
		name[n] = '\0';
		{
			char the[48];

			snprintf(the, sizeof the, "the %s one", name);
			if (strstr(text, the) != NULL)
				return 1;
			snprintf(the, sizeof the, "the %s invoice", name);
			if (strstr(text, the) != NULL)
				return 1;
		}
	}
	return 0;
}

/* Does TEXT split C's unpaid invoices between days without naming them
 * ("one of them today and the other at the end of the month", "the first
 * one now, the second on Friday")?  Only when more than one is unpaid. */
static int
splits_invoices(const struct rc_case *c, const char *text)
{
	static const char *const first[] = { "one of them", "one of the invoices",
	    "one of the bills", "the first one", "the older one", "the first invoice",
	    "the earlier one" };
	static const char *const other[] = { "the other", "the second one",
	    "the second invoice", "the newer one", "the later one", "the next one" };
	char low[512];
	size_t i, n, unpaid = 0;
	int a = 0, b = 0;

	for (i = 0; c != NULL && i < c->ninvoices; i++)
		unpaid += !c->invoices[i].paid;
	if (unpaid < 2)
		return 0;
	for (n = 0; text[n] != '\0' && n + 1 < sizeof low; n++)
		low[n] = (char)tolower((unsigned char)text[n]);
	low[n] = '\0';
	for (i = 0; i < sizeof first / sizeof first[0]; i++)
		a |= strstr(low, first[i]) != NULL;
	for (i = 0; i < sizeof other / sizeof other[0]; i++)
		b |= strstr(low, other[i]) != NULL;
	return a && b;
}

/* Is debtor line L an offer, P being the line before it: sums or terms of
 * their own, said as an offer or named when P asked for their figure
 * ("Maybe $75?" to "what could you put toward it?"), or an offer of
 * invoices named by month ("I can pay the September one on Friday") or
 * split between days ("one of them today and the other on the 28th").  Not
 * when they cannot pay, or say P's own figures back in a yes. */
static int
debtor_offers(const struct rc_case *c, const struct rc_line *p,
              const struct rc_line *l)
{
	if (RC_HAS(l, RC_SIG_D_OFFER) && !RC_HAS(l, RC_SIG_D_INABILITY) &&
	    (names_invoice_month(c, l->turn->text) ||
	    splits_invoices(c, l->turn->text)))
		return 1;
	if (l->nmoney == 0 && l->prop.kind == RC_PROP_NONE)
		return 0;
	if (RC_HAS(l, RC_SIG_D_INABILITY))
		return 0;
	if (p != NULL && l->agreement && terms_put(p) && echoes(p, l))
		return 0;
	return RC_HAS(l, RC_SIG_D_OFFER) ||
	    (p != NULL && p->turn->speaker == RC_SPEAKER_COLLECTOR &&
	     (RC_HAS(p, RC_SIG_ASK_OFFER) || RC_HAS(p, RC_SIG_ASK_SOLUTION)));
}


static void
read_lines(const struct rc_rubric *rubric, const struct rc_score_input *in,
           struct rc_line *lines)
{
	const struct rc_transcript *t = in->t;
	const struct rc_case *c = in->c;
	struct rc_reading r = RC_READING_INIT;
	struct rc_facts facts, none;
	const char **ids = NULL;
	double *amounts = NULL;
	struct rc_score_cache *k = in->cache;
	const struct rc_line *pl;
	size_t prev = SIZE_MAX;   /* the line before, actions left out */
	int proposal_open = 0, offer_open = 0, has_name;
	size_t i, from, said = SIZE_MAX;   /* the collector's last line */
	char name[64];

	has_name = first_name(c, name, sizeof name);
	/* What the lines may refer to: the case file's unpaid invoices. */
	memset(&facts, 0, sizeof facts);
	memset(&none, 0, sizeof none);
	/* Proposals' days are resolved against the call's date (a zeroed
	 * date would put "December 15" in 1970). */
	facts.today = c != NULL ? c->date : RC_DATE_NONE;
	if (c != NULL) {
		ids = rc_xcalloc(c->ninvoices + 1, sizeof *ids);
		amounts = rc_xcalloc(c->ninvoices + 2, sizeof *amounts);
		for (i = 0; i < c->ninvoices; i++) {
			if (c->invoices[i].paid)
				continue;
			ids[facts.ninvoices++] = c->invoices[i].id;
			amounts[facts.namounts++] = c->invoices[i].amount;
		}
		facts.nall_invoices = facts.ninvoices;
		for (i = 0; i < c->ninvoices; i++)
			if (c->invoices[i].paid)
				ids[facts.nall_invoices++] = c->invoices[i].id;
		if (c->balance > 0)
			amounts[facts.namounts++] = c->balance;
		facts.balance = c->balance;
		facts.days_overdue = c->days_overdue;
		facts.invoice_ids = ids;
		facts.amounts = amounts;
	}
	rc_reader_facts(rubric->reader, &facts);
	rc_reader_vocab_map(rubric->reader, in->vocab);
	/* Where the walk starts: the first line whose turn gained events since
	 * it was walked, the last line walked at the latest (the turns may
	 * have moved: the pointers are taken again). */
	from = 0;
	if (k != NULL) {
		from = k->derived > 0 ? k->derived - 1 : 0;
		for (i = 0; i < from; i++) {
			lines[i].turn = &t->turns[i];
			if (t->turns[i].nevents != lines[i].nev) {
				from = i;
				break;
			}
		}
		if (from < k->derived) {
			proposal_open = lines[from].was_proposal_open;
			offer_open = lines[from].was_offer_open;
			prev = lines[from].was_prev;
			said = lines[from].was_said;
		}
	}
	for (i = from; i < t->n; i++) {
		const struct rc_turn *u = &t->turns[i];
		struct rc_line *l = &lines[i];

		if (k != NULL && i < k->n) {
			/* Read before: what it says stays; what follows from
			 * the events and the lines before is worked out below. */
			l->debtor_offer = l->inability = l->reason = 0;
			l->hostility = l->agreement = l->hangup = 0;
			l->right_party = l->gatekeeper = 0;
		} else {
			memset(l, 0, sizeof *l);
			if (u->speaker != RC_SPEAKER_ACTION) {
				read_one(rubric, u->text, u->speaker ==
				    RC_SPEAKER_COLLECTOR, &r);
				l->sig = signals_of(rubric, &r, u->speaker ==
				    RC_SPEAKER_COLLECTOR);
				l->shout = rc_text_shouted(u->text);
				l->nmoney = r.nmoney;
				memcpy(l->money, r.money, sizeof l->money);
				l->prop = r.prop;
				l->credit = u->speaker == RC_SPEAKER_COLLECTOR ?
				    r.credit : 0;
				l->nids = rc_line_invoice_ids(u->text, l->ids,
				    RC_LINE_IDS);
				l->names_invoice = rc_line_names_invoice(in->c,
				    u->text);
			}
			if (k != NULL)
				k->n = i + 1;
		}
		l->turn = u;
		l->ev = rc_line_events(u);
		l->nev = u->nevents;
		l->was_proposal_open = proposal_open;
		l->was_offer_open = offer_open;
		l->was_prev = prev;
		l->was_said = said;
		if (u->speaker == RC_SPEAKER_ACTION)
			continue;
		if (u->speaker == RC_SPEAKER_COLLECTOR) {
			if (terms_put(l))
				proposal_open = 1;
			said = i;
			/* A recorded call: taking the debtor's offer on the table
			 * ("yes, that's fine, we can do that") makes the deal. */
			if (in->inferred && offer_open && RC_HAS(l, RC_SIG_ACCEPT))
				l->agreement = 1;
			if (l->prop.kind != RC_PROP_NONE && !RC_HAS(l, RC_SIG_ACCEPT))
				offer_open = 0;
			prev = i;
			continue;
		}
		if (!in->inferred) {
			l->debtor_offer = RC_EV(l, RC_LEV_DEBTOR_OFFER);
			l->inability = RC_EV(l, RC_LEV_INABILITY_REVEALED);
			l->reason = RC_EV(l, RC_LEV_REASON_REVEALED);
			l->hostility = RC_EV(l, RC_LEV_HOSTILITY);
			l->agreement = RC_EV(l, RC_LEV_AGREEMENT);
			l->hangup = RC_EV(l, RC_LEV_HANG_UP);
			/* A debtor who says it is them ("Maria speaking") has
			 * confirmed it, whether or not the scenario marks it. */
			l->right_party = RC_EV(l, RC_LEV_RIGHT_PARTY_CONFIRMED) ||
			    (RC_HAS(l, RC_SIG_D_SELF) && !RC_HAS(l, RC_SIG_D_ELSE) &&
			    !RC_EV(l, RC_LEV_GATEKEEPER));
			l->gatekeeper = RC_EV(l, RC_LEV_GATEKEEPER) ||
			    RC_EV(l, RC_LEV_WRONG_PARTY);
			continue;
		}
		/* A recorded call: infer the events from what the debtor says. */
		pl = prev != SIZE_MAX ? &lines[prev] : NULL;
		l->inability = RC_HAS(l, RC_SIG_D_INABILITY);
		l->reason = RC_HAS(l, RC_SIG_D_REASON);
		l->hostility = RC_HAS(l, RC_SIG_D_HOSTILE) || l->shout;
		l->agreement = (RC_HAS(l, RC_SIG_D_AGREE) && proposal_open) ||
		    (pl != NULL && terms_put(pl) && bare_assent(pl, l));
		l->debtor_offer = debtor_offers(c, pl, l);
		l->hangup = RC_HAS(l, RC_SIG_D_HANGUP);
		/* Who is on the line: someone else says so ("she's at work",
		 * "can I take a message?"); the debtor says it is them, answers
		 * with their own name, or answers to it when greeted by it. */
		l->gatekeeper = RC_HAS(l, RC_SIG_D_ELSE);
		l->right_party = !l->gatekeeper && (RC_HAS(l, RC_SIG_D_SELF) ||
		    (has_name && (find_name(u->text, name) != NULL ||
		    (said != SIZE_MAX && said + 1 == i &&
		    greets(t->turns[said].text, name)))));
		if (l->debtor_offer)
			proposal_open = 1;
		offer_open = l->debtor_offer;
		prev = i;
	}
	if (k != NULL)
		k->derived = t->n;
	rc_reader_facts(rubric->reader, &none);
	rc_reader_vocab_map(rubric->reader, NULL);
	rc_reading_free(&r);
	free(ids);
	free(amounts);
}

/* The lines of the call IN scores: the cache's, grown to the call, or a
 * new array the caller frees. */
static struct rc_line *
lines_for(const struct rc_score_input *in)
{
	struct rc_score_cache *k = in->cache;

	if (k == NULL)
		return rc_xcalloc(in->t->n + 1, sizeof(struct rc_line));
	if (k->cap < in->t->n + 1) {
		size_t cap = k->cap ? 2 * k->cap : 64;

		while (cap < in->t->n + 1)
			cap *= 2;
		k->lines = rc_xreallocarray(k->lines, cap, sizeof *k->lines);
		k->cap = cap;
	}
	/* A call only grows; one that shrank is read again. */
	if (k->n > in->t->n)
		k->n = k->derived = 0;
	return k->lines;
}

void
rc_score_read(const struct rc_rubric *rubric, const struct rc_score_input *in)
{
	read_lines(rubric, in, lines_for(in));
}

int
rc_score_cache_signal(const struct rc_score_cache *c, size_t i, int sig)
{
	return i < c->n && RC_HAS(&c->lines[i], sig);
}

const struct rc_proposal *
rc_score_cache_proposal(const struct rc_score_cache *c, size_t i)
{
	return i < c->n ? &c->lines[i].prop : NULL;
}

int
rc_score_cache_agreement(const struct rc_score_cache *c, size_t i)
{
	return i < c->n && c->lines[i].agreement;
}

int
rc_score_cache_offer(const struct rc_score_cache *c, size_t i)
{
	return i < c->n && c->lines[i].debtor_offer;
}

const struct rc_money *
rc_score_cache_money(const struct rc_score_cache *c, size_t i, size_t *n)
{
	*n = i < c->n ? c->lines[i].nmoney : 0;
	return i < c->n ? c->lines[i].money : NULL;
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

/* Critical failures fail the call whatever its score; which there are is
 * the rubric's "critical" list (docs/scoring.md).  Most are read from the
 * signals of a collector line (profanity, name-calling, threats).  The
 * disclosure is read from the call's course: a collector line naming the
 * debt while someone other than the debtor is on the line.  A simulated
 * call knows that moment (the scenario's event "third-party-disclosure"
 * on the gatekeeper's reply); in a recorded call someone else has said
 * so ("she's at work", "I'm her husband") and the debtor has not come on
 * since. */
static void
criticals(const struct rc_rubric *rubric, const struct rc_score_input *in,
          struct rc_scorecard *c, const struct rc_line *lines, size_t n)
{
	size_t i, j, k;
	int stranger = 0;

	for (i = 0; i < n; i++) {
		const struct rc_line *l = &lines[i];

		if (l->turn->speaker == RC_SPEAKER_DEBTOR) {
			if (l->gatekeeper)
				stranger = 1;
			if (l->right_party)
				stranger = 0;
		}
		for (k = 0; k < rubric->ncriticals; k++) {
			const struct rc_critical_def *cr = &rubric->criticals[k];
			int hit = 0;

			if (cr->disclosure && !in->inferred &&
			    l->turn->speaker == RC_SPEAKER_DEBTOR &&
			    RC_EV(l, RC_LEV_THIRD_PARTY_DISCLOSURE)) {
				for (j = i; j > 0; j--)
					if (lines[j - 1].turn->speaker == RC_SPEAKER_COLLECTOR)
						break;
				if (j > 0)
					add_critical(c, cr->id, lines[j - 1].turn);
				continue;
			}
			if (l->turn->speaker != RC_SPEAKER_COLLECTOR)
				continue;
			if (cr->disclosure)
				hit = in->inferred && stranger &&
				    rc_line_discloses(in->c, l);
			for (j = 0; j < RC_CRITICAL_SIGNALS && cr->signals[j] >= 0; j++)
				hit |= (int)RC_HAS(l, cr->signals[j]);
			if (hit)
				add_critical(c, cr->id, l->turn);
		}
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

static void
outcome(const struct rc_outcome_model *m, const struct rc_score_input *in,
        const struct rc_line *lines, size_t n, struct rc_outcome *o)
{
	const struct rc_transcript *t = in->t;
	const struct rc_truth *tr = in->truth;
	double achievable, recovery, speed, hostile = 0;
	size_t i;
	int followup = 0, read_credit;

	memset(o, 0, sizeof *o);
	o->ended_by = t->ended_by;
	o->balance = in->c ? in->c->balance : 0;
	o->credited = rc_transcript_credited(t);
	/* A recorded call has no events: its credits are those the reader
	 * found in the collector's lines; its agreement was read against the
	 * whole balance. */
	read_credit = o->credited == 0;
	for (i = 0; read_credit && i < n; i++)
		o->credited += lines[i].credit;
	o->agreement = t->has_agreement;
	o->days_to_full = -1;
	for (i = 0; i < n; i++) {
		hostile += lines[i].hostility;
		if (lines[i].turn->speaker == RC_SPEAKER_DEBTOR &&
		    RC_EV(&lines[i], RC_LEV_FOLLOW_UP_AGREED))
			followup = 1;
	}
	if (in->has_mood)
		o->goodwill = m->goodwill_base + m->goodwill_per_mood * in->mood;
	else
		o->goodwill = m->goodwill_unknown - m->goodwill_per_hostile * hostile;
	if (t->ended_by == RC_ENDED_HANGUP && o->goodwill > m->goodwill_hangup_cap)
		o->goodwill = m->goodwill_hangup_cap;
	o->goodwill = o->goodwill < 0 ? 0 : o->goodwill > 100 ? 100 : o->goodwill;
	if (o->agreement) {
		const struct rc_terms *a = &t->agreement;
		int32_t today = in->c && in->c->date != RC_DATE_NONE ? in->c->date : 0;
		int32_t due, prev = today;
		int64_t cents, cum = 0;
		int k, npay = rc_terms_count(a);

		o->terms = *a;
		/* Each payment is kept when what has fallen due by its day is
		 * within what the debtor truly has by then (cash now, then the
		 * affordable amount a month); beyond that it likely fails, the
		 * more likely the further beyond. */
		for (k = 0; k < npay; k++) {
			double pay, cap, p = 1;

			rc_terms_payment(a, k, &cents, &due);
			/* a day not said: the first payment is today's, a later
			 * one a month after the payment before it (as the
			 * debtor reads it, negotiate.c) */
			if (due == RC_DATE_NONE)
				due = k == 0 ? today : rc_date_add_months(prev, 1, 0);
			prev = due;
			cum += cents;
			pay = rc_units(cents);
			if (tr != NULL) {
				cap = rc_negotiate_capacity(tr->cash_now, tr->monthly,
				    due - today);
				if (rc_units(cum) > cap + 0.005) {
					double ratio = cap > 0 ? cap / rc_units(cum) : 0;

					p = m->unaffordable_success * ratio * ratio;
				}
			}
			/* paid on the call: no more than the cash there is */
			if (due <= today && tr != NULL)
				p = fmin(p, fmax(0, tr->cash_now - o->recovered_now) / pay);
			if (due <= today)
				o->recovered_now += pay * p;
			o->expected += pay * p;
		}
		if (a->balance_left <= (read_credit ? rc_cents(o->credited) : 0))
			o->days_to_full = prev > today ? (int)(prev - today) : 0;
		if (in->c != NULL)
			o->nbreaches = rc_policy_check(in->c->policy, a,
			    rc_cents(o->balance), in->c->date, in->c->currency,
			    o->breaches);
	}
	/* What is owed once the credits granted in the call are off. */
	achievable = o->balance - o->credited;
	if (tr != NULL && tr->cash_now + m->achievable_months * tr->monthly < achievable)
		achievable = tr->cash_now + m->achievable_months * tr->monthly;
	recovery = achievable > 0 ? o->expected / achievable : 0;
	if (recovery > 1)
		recovery = 1;
	if (!o->agreement && followup)
		recovery = m->followup_recovery;   /* a debtor who cannot pay yet */
	speed = o->days_to_full < 0 ? m->speed_never : o->days_to_full == 0 ?
	    m->speed_now : o->days_to_full <= 90 ? m->speed_quarter :
	    o->days_to_full <= 365 ? m->speed_year : m->speed_later;
	if (!o->agreement)
		speed = 0;
	o->score = 100 * (m->w_recovery * recovery + m->w_speed * speed +
	    m->w_goodwill * o->goodwill / 100);
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
	kase->date = s->date;
	kase->days_overdue = s->days_overdue;
	kase->invoices = inv;
	kase->ninvoices = s->ninvoices;
	kase->policy = s->policy.set ? &s->policy : NULL;
	memset(in, 0, sizeof *in);
	in->c = kase;
	in->truth = &s->truth;
	in->scenario_version = s->version;
	in->not_applicable = (const char *const *)s->na_ids;
	in->weight_ids = (const char *const *)s->weight_ids;
	in->weight_values = s->weight_values;
	in->vocab = s->vocab;
	in->legal = s->legal.set ? &s->legal : NULL;
}

struct rc_scorecard *
rc_score(const struct rc_rubric *rubric, const struct rc_score_input *in)
{
	struct rc_scorecard *c = rc_xcalloc(1, sizeof *c);
	struct rc_line *lines = lines_for(in);
	struct rc_detect d;
	double sum = 0, wsum = 0;
	size_t i;

	read_lines(rubric, in, lines);
	memset(&d, 0, sizeof d);
	d.in = in;
	d.rubric = rubric;
	d.lines = lines;
	d.nlines = in->t->n;
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
	criticals(rubric, in, c, lines, in->t->n);
	c->style = style(lines, in->t->n);
	outcome(&rubric->outcome, in, lines, in->t->n, &c->outcome);
	rc_score_compliance(rubric, in, c, lines, in->t->n);
	c->score = rubric->w_practice * c->practice_score +
	    rubric->w_outcome * c->outcome.score;
	c->w_practice = rubric->w_practice;
	c->pass_mark = rubric->pass_mark;
	c->passed = c->score >= c->pass_mark && c->ncritical == 0;
	c->auto_practice_score = c->practice_score;
	c->auto_score = c->score;
	c->auto_passed = c->passed;
	if (in->cache == NULL)
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
		if (r[i].review != NULL) {
			free(r[i].review->by);
			free(r[i].review->note);
			free(r[i].review);
		}
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
	for (i = 0; i < c->ncompliance; i++) {
		free(c->compliance[i].quote);
		free(c->compliance[i].note);
	}
	free(c->compliance);
	free(c->frame);
	free(c);
}
