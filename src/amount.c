/*
 * amount.c - money, shares and payment plans read from one line of text.
 *
 * A lexer cuts the line into words, numbers, currency signs and
 * punctuation without ever looking past its NUL; a ring of RING tokens
 * gives the rules their look-behind and look-ahead, so each token is lexed
 * once and the work is linear in the length of the line.  No allocation.
 *
 * Money: a number with a currency sign, code or word ("$900", "USD 300",
 * "740 euros"), with k/hundred/thousand/grand ("1.2k", "twelve hundred"),
 * or a bare number of 2+ digits that nothing marks as something else: an
 * id word before it ("invoice", "ref", "#", "INV-"), a date or time around
 * it (month names, ordinals, "the 15th", "10:30", "2026-09-15", a year
 * after "since"/"in"), a phone shape (leading 0, 7+ digits, digit groups
 * joined by - / : or spaces), a unit or count noun after it ("45 days",
 * "12 instalments", "25%").
 *
 * Proposals: the line is read as heads (amounts, shares, "the full
 * amount", "the rest") and modifiers (rates "a month", counts "for 6
 * months"/"six payments of", times "today"/"by the 31st") that attach to
 * the nearest head.  A head is not proposed when, in its clause, a debt
 * word ("owe", "balance", "invoice ... for", "due") or a past payment
 * ("paid", "last") or income ("earn", "rent") is nearer before it than a
 * payment verb, when a debt word follows it ("$3,120 you owe"), when it
 * is refused ("can't pay $900", "$900 is too much"), or is the whole of
 * which another part is asked ("$1,000 of the $3,120").  A line proposes
 * only with a proposed head and a cue: a payment verb or question form
 * ("pay", "do", "could you", "how about", "I can"), a modifier on the
 * head, or a line that is only a share ("a third of it") or an amount
 * asked ("900?").  When every amount is a debt amount but the clause asked
 * to pay it ("can you pay the invoice for $1,840 today?"), that amount is
 * the proposal.  The first plain head is the upfront part, the first with
 * a rate or count the instalment; "over N months" and "in N payments"
 * divide what they qualify, or alone the balance left.
 *
 * Schedules are read as a person writes them down: a count with no
 * period is that many payments on days not said ("two payments of
 * $3,350"), or one on each day listed after it; a run on a weekday starts
 * on the next one after the payments before it ("every other friday");
 * "the following friday" counts from the payment before; paydays ("each
 * payday", "when my pension comes in") are days not known; a case's
 * invoices are heads by number or by what sets them apart ("the smaller
 * invoice", "the other").  A figure asked back and then refused ("2.5k?
 * hmm"), said again ("that's 10%"), worked out ("1840 + 1280 = 3120") or
 * taken off ("less the $120") is not proposed; nor is a sum the words
 * after it name a fee ("the £10 reminder fee", unless the speaker pays it)
 * or a credit ("the $250 credit memo", "take fifty quid off", "a 5%
 * discount"), what a thing costs ("the stock alone is 2k"), or what was
 * done to the debt ("was issued on October 15 for $1,840").  Days of each
 * month that no run a month apart holds ("the last Friday of each
 * month", "the 1st and 15th") are listed one payment each.
 */
#include "amount.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* ---- tokens ------------------------------------------------------------ */

enum tkind {
	TK_END = 0,   /* end of the text, or outside the ring */
	TK_WORD,      /* ASCII letters, with ' or U+2019 between letters */
	TK_NUM,       /* digits, thousands commas, a decimal part */
	TK_CUR,       /* "$", U+20AC or U+00A3 */
	TK_PUNCT,     /* one ASCII punctuation mark; Unicode dashes read '-' */
	TK_OTHER      /* any other character */
};

struct tok {
	enum tkind kind;
	size_t start, end;  /* bytes [start, end) of the text */
	int sp;             /* white space (or the start) before it */
	int ch;             /* TK_PUNCT: the mark; TK_CUR: '$', 'E' or 'L' */
	double val;         /* TK_NUM: the value */
	int idig;           /* TK_NUM: digits before the point */
	int grouped;        /* TK_NUM: written with thousands commas */
	int frac;           /* TK_NUM: has a decimal part */
	int lead0;          /* TK_NUM: 2+ integer digits, the first a 0 */
	uint64_t lists;     /* TK_WORD: the word lists it belongs to (bits) */
	int lists_gen;      /* registry size + 1 when LISTS was computed; 0 none */
	/* TK_WORD, computed on first use: the word in lower case (U+2019 as
	 * '), so that comparing it with a word is one strcmp, and its value as
	 * a number word.  Every reader asks the same tokens these again and
	 * again. */
	char low[24];
	signed char low_state;   /* 0 not yet, 1 LOW holds it, -1 too long */
	signed char num_state;   /* 0 not yet, 1 NUMV holds it */
	signed char numv;        /* "twelve" 12; 0 not a number word */
};

#define U(c) ((unsigned char)(c))

/* Length of the white space at P (ASCII, no-break and Unicode spaces). */
static size_t
space_len(const char *s, size_t n, size_t p)
{
	unsigned char c = U(s[p]);

	if (c < 0x80)
		return isspace(c) ? 1 : 0;
	if (c == 0xc2 && p + 1 < n && U(s[p + 1]) == 0xa0)
		return 2;
	if (c == 0xe2 && p + 2 < n && U(s[p + 1]) == 0x80 &&
	    ((U(s[p + 2]) >= 0x80 && U(s[p + 2]) <= 0x8a) || U(s[p + 2]) == 0xaf))
		return 3;
	return 0;
}

/* Length of an apostrophe (' or U+2019) at P, 0 if none. */
static size_t
apos_len(const char *s, size_t n, size_t p)
{
	if (s[p] == '\'')
		return 1;
	if (U(s[p]) == 0xe2 && p + 2 < n && U(s[p + 1]) == 0x80 &&
	    U(s[p + 2]) == 0x99)
		return 3;
	return 0;
}

static void
lex_number(const char *s, size_t n, size_t *pos, struct tok *t)
{
	size_t p = *pos, k;
	double scale = 0.1;
	int fd = 0;

	t->kind = TK_NUM;
	t->lead0 = s[p] == '0';
	while (p < n && isdigit(U(s[p]))) {
		/* past 15 digits the value is not kept; idig tells */
		if (t->idig < 15)
			t->val = t->val * 10 + (s[p] - '0');
		t->idig++;
		p++;
	}
	if (t->idig < 2)
		t->lead0 = 0;
	if (!t->lead0 && t->idig <= 3) {
		while (p + 3 < n && s[p] == ',' && isdigit(U(s[p + 1])) &&
		       isdigit(U(s[p + 2])) && isdigit(U(s[p + 3])) &&
		       (p + 4 >= n || !isdigit(U(s[p + 4])))) {
			for (k = 1; k <= 3; k++) {
				if (t->idig < 15)
					t->val = t->val * 10 + (s[p + k] - '0');
				t->idig++;
			}
			t->grouped = 1;
			p += 4;
		}
	}
	if (p + 1 < n && s[p] == '.' && isdigit(U(s[p + 1]))) {
		t->frac = 1;
		p++;
		while (p < n && isdigit(U(s[p]))) {
			if (fd++ < 15) {
				t->val += (s[p] - '0') * scale;
				scale /= 10;
			}
			p++;
		}
	}
	*pos = p;
}

/* Lexes the token at or after *POS into T and moves *POS past it. */
static void
lex(const char *s, size_t n, size_t *pos, struct tok *t)
{
	size_t p = *pos, k;
	unsigned char c;

	memset(t, 0, sizeof *t);
	t->sp = p == 0;
	while (p < n && (k = space_len(s, n, p)) > 0) {
		p += k;
		t->sp = 1;
	}
	t->start = p;
	if (p >= n) {
		t->kind = TK_END;
		t->start = t->end = n;
		*pos = n;
		return;
	}
	c = U(s[p]);
	if (isdigit(c)) {
		lex_number(s, n, &p, t);
	} else if (isalpha(c)) {
		t->kind = TK_WORD;
		while (p < n) {
			if (isalpha(U(s[p])))
				p++;
			else if ((k = apos_len(s, n, p)) > 0 && p + k < n &&
			         isalpha(U(s[p + k])))
				p += k;
			else
				break;
		}
	} else if (c == '$') {
		t->kind = TK_CUR;
		t->ch = '$';
		p++;
	} else if (c == 0xe2 && p + 2 < n && U(s[p + 1]) == 0x82 &&
	           U(s[p + 2]) == 0xac) {
		t->kind = TK_CUR;
		t->ch = 'E';
		p += 3;
	} else if (c == 0xc2 && p + 1 < n && U(s[p + 1]) == 0xa3) {
		t->kind = TK_CUR;
		t->ch = 'L';
		p += 2;
	} else if (c < 0x80) {
		t->kind = TK_PUNCT;
		t->ch = c;
		p++;
	} else {
		size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

		t->kind = TK_OTHER;
		/* U+2012..U+2015 and U+2212 are dashes; U+2019 a quote */
		if (c == 0xe2 && p + 2 < n && U(s[p + 1]) == 0x80 &&
		    U(s[p + 2]) >= 0x92 && U(s[p + 2]) <= 0x95) {
			t->kind = TK_PUNCT;
			t->ch = '-';
		} else if (c == 0xe2 && p + 2 < n && U(s[p + 1]) == 0x88 &&
		           U(s[p + 2]) == 0x92) {
			t->kind = TK_PUNCT;
			t->ch = '-';
		} else if (apos_len(s, n, p) == 3) {
			t->kind = TK_PUNCT;
			t->ch = '\'';
		}
		p++;
		while (--len > 0 && p < n && (U(s[p]) & 0xc0) == 0x80)
			p++;
	}
	t->end = p;
	*pos = p;
}

/* ---- the token ring ------------------------------------------------------ */

/* Tokens are numbered from 0.  The rules look at most about 25 tokens back
 * and 40 ahead of the token being read, well inside the ring. */
#define RING 128

struct stream {
	const char *s;
	size_t n;
	size_t pos;             /* where the next token is lexed */
	ptrdiff_t hi;           /* tokens [0, hi) have been lexed */
	ptrdiff_t last;         /* the TK_END token's number, -1 until lexed */
	struct tok before;      /* stands for tokens before 0 or evicted */
	struct tok after;       /* stands for tokens after the end */
	struct tok ring[RING];
};

static void
stream_init(struct stream *st, const char *s)
{
	memset(&st->before, 0, sizeof st->before);
	memset(&st->after, 0, sizeof st->after);
	st->s = s;
	st->n = strlen(s);
	st->pos = 0;
	st->hi = 0;
	st->last = -1;
	st->before.sp = st->after.sp = 1;
	st->after.start = st->after.end = st->n;
}

/* Token I; valid until RING more tokens are lexed. */
static const struct tok *tk_lex(struct stream *st, ptrdiff_t i);

static inline const struct tok *
tk(struct stream *st, ptrdiff_t i)
{
	/* the common case: a token lexed and still in the ring */
	if (i >= 0 && i < st->hi && i >= st->hi - RING)
		return &st->ring[i % RING];
	return tk_lex(st, i);
}

static const struct tok *
tk_lex(struct stream *st, ptrdiff_t i)
{
	if (i < 0 || i < st->hi - RING)
		return &st->before;
	while (i >= st->hi) {
		if (st->last >= 0)
			return &st->after;
		lex(st->s, st->n, &st->pos, &st->ring[st->hi % RING]);
		if (st->ring[st->hi % RING].kind == TK_END)
			st->last = st->hi;
		st->hi++;
	}
	return &st->ring[i % RING];
}

/* Whether word T reads W (lower case; ' stands for either apostrophe). */
/* ASCII lower case without the locale lookup of tolower(). */
#define LOWER(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))

/* Fills T->LOW once: the word in lower case, U+2019 read as '. */
static void
lower_word(const char *s, struct tok *t)
{
	size_t p, n = 0;

	t->low_state = 1;
	for (p = t->start; p < t->end; p++) {
		if (n + 1 >= sizeof t->low) {
			t->low_state = -1;
			break;
		}
		if (U(s[p]) == 0xe2) {   /* U+2019 reads as an apostrophe */
			t->low[n++] = '\'';
			p += 2;
		} else {
			t->low[n++] = (char)LOWER(U(s[p]));
		}
	}
	t->low[n] = '\0';
}

static int
weq(const char *s, const struct tok *ct, const char *w)
{
	/* Tokens live in the stream's ring and are filled in as they are
	 * asked about; the two stand-ins outside it are never words. */
	struct tok *t = (struct tok *)ct;
	size_t p = t->start;

	if (t->kind != TK_WORD)
		return 0;
	if (t->low_state == 0)
		lower_word(s, t);
	if (t->low_state > 0)
		return t->low[0] == w[0] && strcmp(t->low, w) == 0;
	/* a word too long for LOW: letter by letter */
	while (p < t->end && *w) {
		if (U(s[p]) == 0xe2) {
			if (*w != '\'')
				return 0;
			p += 3;
		} else {
			if (LOWER(U(s[p])) != U(*w))
				return 0;
			p++;
		}
		w++;
	}
	return p == t->end && *w == '\0';
}

static int
isw(struct stream *st, ptrdiff_t i, const char *w)
{
	return weq(st->s, tk(st, i), w);
}

/* Word lists, registered on first use: each list gets a bit, and a hash
 * table maps every word to the bits of the lists that hold it, so asking
 * whether a token is in a list costs one lookup per token instead of a
 * comparison per word.  The registry is process-wide and only grows (the
 * lists are static); it is not thread-safe, like the rest of the reader's
 * callers. */
#define LISTS_MAX 64
#define WORD_MAX 24
#define TABLE_SIZE 2048

struct wentry {
	char w[WORD_MAX];
	uint64_t lists;
};

static const char *const *registry[LISTS_MAX];
static int nregistry;
static struct wentry table[TABLE_SIZE];

static uint32_t
fnv(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ U(w[i])) * 16777619u;
	return h;
}

/* The slot of word W (N bytes): where it is, or the empty slot it goes
 * in.  NULL when the table is full. */
static struct wentry *
slot(const char *w, size_t n)
{
	uint32_t h = fnv(w, n) & (TABLE_SIZE - 1);
	size_t k;

	for (k = 0; k < TABLE_SIZE; k++, h = (h + 1) & (TABLE_SIZE - 1)) {
		struct wentry *e = &table[h];

		if (e->w[0] == '\0' || (strncmp(e->w, w, n) == 0 && e->w[n] == '\0'))
			return e;
	}
	return NULL;
}

/* The bit of word list SET, registering it on first use; -1 when it
 * cannot be (the registry is full, a word too long): use the slow path. */
static int
list_bit(const char *const *set)
{
	const char *const *w;
	int k;

	for (k = 0; k < nregistry; k++)
		if (registry[k] == set)
			return k;
	if (nregistry == LISTS_MAX)
		return -1;
	for (w = set; *w; w++)
		if (strlen(*w) >= WORD_MAX)
			return -1;
	for (w = set; *w; w++) {
		struct wentry *e = slot(*w, strlen(*w));

		if (e == NULL)
			return -1;
		if (e->w[0] == '\0')
			snprintf(e->w, sizeof e->w, "%s", *w);
		e->lists |= (uint64_t)1 << nregistry;
	}
	registry[nregistry] = set;
	return nregistry++;
}

/* The lists token T (a word) belongs to, computed once per token. */
static uint64_t
token_lists(const char *s, struct tok *t)
{
	if (t->lists_gen == nregistry + 1)
		return t->lists;
	t->lists = 0;
	t->lists_gen = nregistry + 1;
	if (t->low_state == 0)
		lower_word(s, t);
	if (t->low_state > 0 && strlen(t->low) < WORD_MAX) {
		struct wentry *e = slot(t->low, strlen(t->low));

		if (e != NULL && e->w[0] != '\0')
			t->lists = e->lists;
	}
	return t->lists;
}

/* Whether token I is a word of SET (NULL-terminated). */
static int
inw(struct stream *st, ptrdiff_t i, const char *const *set)
{
	struct tok *t = (struct tok *)tk(st, i);
	const char *const *w;
	int bit;

	if (t->kind != TK_WORD)
		return 0;
	if ((bit = list_bit(set)) >= 0)
		return (token_lists(st->s, t) >> bit) & 1u;
	for (w = set; *w; w++)
		if (weq(st->s, t, *w))
			return 1;
	return 0;
}

static int
isp(struct stream *st, ptrdiff_t i, int ch)
{
	const struct tok *t = tk(st, i);

	return t->kind == TK_PUNCT && t->ch == ch;
}

/* ---- words --------------------------------------------------------------- */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb",
	"mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	NULL
};
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", NULL
};
/* Short names of weekdays ("fri", "weds"); "mon", "sat" and "sun" are
 * also words, read as days only after "on", "by", "next" and the like. */
static const char *const day_abbrevs[] = {
	"tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", NULL
};
static const char *const day_abbrevs_ambiguous[] = {
	"mon", "sat", "sun", NULL
};
static const char *const cur_codes[] = {
	"usd", "eur", "gbp", "cad", "aud", "chf", "nzd", NULL
};
static const char *const cur_words[] = {
	"dollars", "dollar", "bucks", "buck", "usd", "euros", "euro", "eur",
	"pounds", "pound", "quid", "gbp", "sterling", "cad", "aud", "chf", "nzd",
	NULL
};
/* Words a reference number follows: "invoice 4471", "PO 7781". */
static const char *const id_words[] = {
	"invoice", "invoices", "inv", "account", "acct", "acc", "ref",
	"reference", "order", "po", "ticket", "case", "claim", "policy",
	"customer", "client", "member", "id", "contract", "loan", "file", "item",
	"sku", "page", "room", "suite", "apt", "apartment", "unit", "box",
	"route", "flight", "ext", "extension", "version", "code", "pin", "zip",
	"postcode", "cheque", "check", "batch", "receipt", "transaction", "txn",
	"confirmation", "tracking", "serial", "model", "quote", "job", "store",
	"branch", "building", "line", "number", "num", "nr", "no", "phone",
	"tel", "mobile", "cell", "fax", NULL
};
/* Nouns that make the number before them a count, duration or time. */
static const char *const count_nouns[] = {
	"day", "days", "week", "weeks", "month", "months", "year", "years",
	"yr", "yrs", "hour", "hours", "hr", "hrs", "minute", "minutes", "min",
	"mins", "second", "seconds", "sec", "secs", "fortnight", "fortnights",
	"decade", "decades", "night", "nights", "weekend", "weekends",
	"invoice", "invoices", "payment", "payments", "instalment",
	"instalments", "installment", "installments", "repayment",
	"repayments", "bill", "bills", "statement", "statements", "time",
	"times", "x", "am", "pm", "percent", "pc", "pct", "oclock", "o'clock",
	"people", "person", "persons", "employee", "employees", "staff",
	"worker", "workers", "customer", "customers", "client", "clients",
	"member", "members", "user", "users", "kid", "kids", "child",
	"children", "item", "items", "unit", "units", "piece", "pieces", "box",
	"boxes", "pallet", "pallets", "order", "orders", "product", "products",
	"copy", "copies", "bottle", "bottles", "bag", "bags", "case", "cases",
	"load", "loads", "delivery", "deliveries", "shipment", "shipments",
	"job", "jobs", "van", "vans", "truck", "trucks", "car", "cars",
	"vehicle", "vehicles", "seat", "seats", "licence", "licences",
	"license", "licenses", "room", "rooms", "store", "stores", "shop",
	"shops", "site", "sites", "location", "locations", "call", "calls",
	"letter", "letters", "email", "emails", "message", "messages", "text",
	"texts", "reminder", "reminders", "notice", "notices", "visit",
	"visits", "attempt", "attempts", "question", "questions", "thing",
	"things", "way", "ways", "reason", "reasons", "step", "steps", "page",
	"pages", "line", "lines", "word", "words", "digit", "digits", "point",
	"points", "mile", "miles", "km", "kilometres", "kilometers", "metres",
	"meters", "feet", "ft", "inches", "kg", "kilos", "lbs", "degrees",
	"account", "accounts", "apologies", "shift", "shifts", "goes", "tries",
	"percentage", NULL
};
/* Words that may stand between a count and its noun: "30 working days". */
static const char *const count_adjs[] = {
	"working", "business", "calendar", "more", "other", "further",
	"separate", "monthly", "weekly", "fortnightly", "equal", "late",
	"overdue", "consecutive", "straight", "previous", "past", "last",
	"extra", "additional", "different", "unpaid", "missed", "small",
	"smaller", "big", "bigger", "new", "old", "open", "full", "whole", NULL
};
static const char *const street_words[] = {
	"street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive",
	"boulevard", "blvd", "court", "ct", "place", "pl", "close", "crescent",
	"terrace", "square", "parade", "highway", "hwy", NULL
};
static const char *const year_ctx[] = {
	"since", "in", "year", "until", "till", "til", "before", "after",
	"during", "fy", "back", "early", "late", "mid", "by", "circa", NULL
};
static const char *const seasons[] = {
	"summer", "winter", "spring", "autumn", "fall", NULL
};
static const char *const date_preps[] = {
	"on", "by", "before", "until", "till", "til", "after", "from", "since",
	"of", "for", NULL
};

/* Number words.  Units 1-9, teens 10-19, tens 20-90. */
static const struct {
	const char *w;
	int v;
} numwords[] = {
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
	{"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10},
	{"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14},
	{"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
	{"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40},
	{"fourty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70},
	{"eighty", 80}, {"ninety", 90}, {NULL, 0}
};

static int
numword(struct stream *st, ptrdiff_t i)
{
	struct tok *t = (struct tok *)tk(st, i);
	int k;

	if (t->kind != TK_WORD)
		return 0;
	if (t->num_state == 0) {
		t->num_state = 1;
		t->numv = 0;
		for (k = 0; numwords[k].w; k++)
			if (weq(st->s, t, numwords[k].w)) {
				t->numv = (signed char)numwords[k].v;
				break;
			}
	}
	return t->numv;
}

static const char *const one_words[] = { "a", "an", "another", NULL };

/* 100, 1000 or 1000000 for hundred, thousand/grand, million; else 0. */
static double
magword(struct stream *st, ptrdiff_t i)
{
	if (isw(st, i, "hundred"))
		return 100;
	if (isw(st, i, "thousand"))
		return 1000;
	if (isw(st, i, "grand") && !isw(st, i + 1, "total"))
		return 1000;
	if (isw(st, i, "million"))
		return 1e6;
	return 0;
}

/* Whether the word before I says a time of day follows ("at six thirty"). */
static int
clock_before(struct stream *st, ptrdiff_t i)
{
	static const char *const w[] = {
		"at", "around", "about", "till", "until", "til", "from", "by",
		"half", "past", "o'clock", NULL
	};

	return inw(st, i - 1, w);
}

/* Whether the words at K end a time of day ("six thirty pm", "six thirty
 * tonight", "six thirty in the morning"). */
static int
clock_after(struct stream *st, ptrdiff_t k)
{
	static const char *const w[] = {
		"am", "pm", "a.m", "p.m", "o'clock", "tonight", "tomorrow", "in",
		"this", "ish", NULL
	};

	return inw(st, k, w);
}

/* Reads a number written in words at token I: "twelve hundred", "two
 * thousand five hundred", "a thousand", "twenty-five".  Returns the token
 * after it (I when there is none); *V gets its value and *MAG is set when
 * it says hundred, thousand, grand or million. */
static ptrdiff_t
words_number(struct stream *st, ptrdiff_t i, double *v, int *mag)
{
	enum { NONE, UNIT, TEEN, TENS, HUND, BIG } last = NONE;
	double total = 0, cur = 0, big = 0, m;
	ptrdiff_t j = i, end = i;
	int n, steps;

	*v = 0;
	*mag = 0;
	/* A number in words starts with one (or "a", "an", "another"). */
	if (numword(st, i) == 0 && !inw(st, i, one_words))
		return i;
	/* "a grand", "another grand" (one more) */
	if ((isw(st, j, "a") || isw(st, j, "an") || isw(st, j, "another")) &&
	    magword(st, j + 1) > 0) {
		cur = 1;
		last = UNIT;
		j++;
	}
	for (steps = 0; steps < 16; steps++) {
		if (last == TENS && isp(st, j, '-') && !tk(st, j)->sp &&
		    !tk(st, j + 1)->sp && numword(st, j + 1) > 0 &&
		    numword(st, j + 1) < 10) {
			j++;
			continue;
		}
		/* "two-fifty": a price said as a pair */
		if (last == UNIT && total == 0 && big == 0 && isp(st, j, '-') &&
		    !tk(st, j)->sp && !tk(st, j + 1)->sp &&
		    numword(st, j + 1) >= 20 && numword(st, j + 1) % 10 == 0) {
			j++;
			continue;
		}
		/* "three and a half thousand", "two and a half grand" */
		if (isw(st, j, "and") && isw(st, j + 1, "a") &&
		    isw(st, j + 2, "half") && magword(st, j + 3) >= 1000 &&
		    (last == UNIT || last == TEEN || last == TENS) &&
		    big == 0) {
			cur += 0.5;
			j += 3;
			continue;
		}
		if (isw(st, j, "and") && (last == HUND || last == BIG) &&
		    numword(st, j + 1) > 0) {
			j++;
			continue;
		}
		if ((n = numword(st, j)) > 0 && n >= 10 && n % 10 == 0 &&
		    ((cur >= 11 && cur <= 99) || (cur >= 1 && cur <= 9 &&
		     n >= 20 && (isp(st, j - 1, '-') || (j == i + 1 &&
		     !clock_before(st, i) && !clock_after(st, j + 1))))) &&
		    fmod(cur, 10) != 0 &&
		    (last == TEEN || last == UNIT) && big == 0 && total == 0) {
			/* "sixteen twenty", "twenty-two fifty": hundreds said
			 * as a pair, as prices are */
			cur = cur * 100 + n;
			last = TENS;
			*mag = 1;
			j++;
			end = j;
			if (numword(st, j) > 0 && numword(st, j) < 10)
				break;
			continue;
		}
		if ((n = numword(st, j)) > 0) {
			if (n < 10 && !(last == NONE || last == HUND ||
			    last == BIG || (last == TENS && fmod(cur, 10) == 0)))
				break;
			if (n >= 10 && !(last == NONE || last == HUND ||
			    last == BIG))
				break;
			cur += n;
			last = n < 10 ? UNIT : n < 20 ? TEEN : TENS;
		} else if ((m = magword(st, j)) == 100) {
			if (!(last == UNIT || last == TEEN || last == TENS) ||
			    fmod(cur, 100) != cur)
				break;
			cur *= 100;
			last = HUND;
			*mag = 1;
		} else if (m > 0) {
			if (last == NONE || last == BIG || (big > 0 && m >= big))
				break;
			total += cur * m;
			cur = 0;
			big = m;
			last = BIG;
			*mag = 1;
		} else {
			break;
		}
		j++;
		end = j;
	}
	if (end == i || last == NONE)
		return i;
	*v = total + cur;
	return end;
}

/* A multiplier after a number: "k" joined to it, hundred, thousand, grand,
 * million.  Returns the token after it and sets *MULT (1 when none). */
static ptrdiff_t
suffix(struct stream *st, ptrdiff_t k, double *mult)
{
	double m;

	*mult = 1;
	if (isw(st, k, "k") && !tk(st, k)->sp) {
		*mult = 1000;
		return k + 1;
	}
	if ((m = magword(st, k)) > 0) {
		*mult = m;
		return k + 1;
	}
	return k;
}

/* A currency after an amount: "dollars", "euros", "€", "cents" (which
 * divides *V by 100).  Sets *NEXT past it and returns 1 when found. */
static int
cur_after(struct stream *st, ptrdiff_t k, double *v, ptrdiff_t *next)
{
	const struct tok *t = tk(st, k);

	if (t->kind == TK_CUR && tk(st, k + 1)->kind != TK_NUM) {
		*next = k + 1;
		return 1;
	}
	if (isw(st, k, "us") && (isw(st, k + 1, "dollars") ||
	    isw(st, k + 1, "dollar"))) {
		*next = k + 2;
		return 1;
	}
	if (inw(st, k, cur_words)) {
		*next = k + 1;
		return 1;
	}
	if (isw(st, k, "cents") || isw(st, k, "cent")) {
		*v /= 100;
		*next = k + 1;
		return 1;
	}
	return 0;
}

static int
small_day(const struct tok *t)
{
	return t->kind == TK_NUM && !t->frac && !t->grouped && t->idig <= 2 &&
	       t->val >= 1 && t->val <= 31;
}

static int
year_like(const struct tok *t)
{
	return t->kind == TK_NUM && t->idig == 4 && !t->grouped && !t->frac &&
	       t->val >= 1900 && t->val <= 2099;
}

/* Whether token K looks like a plural noun that is not money ("1,400
 * coffees", "30 tables"): a word of four letters or more ending in "s". */
static int
plural_noun(struct stream *st, ptrdiff_t k)
{
	static const char *const not_nouns[] = {
		"dollars", "bucks", "euros", "pounds", "quid", "cents", "pence",
		"francs", "grands", "thanks", "less", "plus", "unless", "perhaps",
		"always", "sometimes", "does", "this", "thus", "yes", "afterwards",
		"towards", "besides", "pls", "was", "thurs", "tues", "weds", "xmas",
		"christmas",
		/* verbs a sum does: "the next 500 goes out", "my 600 lands" */
		"goes", "comes", "lands", "clears", "arrives", "hits", NULL
	};
	const struct tok *t = tk(st, k);
	size_t i, n;

	if (t->kind != TK_WORD)
		return 0;
	n = t->end - t->start;
	if (n < 4 || LOWER(U(st->s[t->end - 1])) != 's' ||
	    LOWER(U(st->s[t->end - 2])) == 's')
		return 0;
	for (i = t->start; i < t->end; i++)
		if (!isalpha(U(st->s[i])))
			return 0;
	return !inw(st, k, not_nouns);
}

/* Whether what follows token K makes the number before it a count, a
 * duration, a time or a percentage: "45 days", "30-day", "10 am", "25%". */
static int
unit_after(struct stream *st, ptrdiff_t k)
{
	const struct tok *t = tk(st, k);

	if (t->kind == TK_PUNCT && t->ch == '%')
		return 1;
	if (t->kind == TK_PUNCT && t->ch == '-' && !t->sp &&
	    !tk(st, k + 1)->sp && inw(st, k + 1, count_nouns))
		return 1;
	if (inw(st, k, count_nouns) && !(isw(st, k, "goes") &&
	    (isw(st, k + 1, "out") || isw(st, k + 1, "through"))))
		return 1;
	if (inw(st, k, count_adjs) && inw(st, k + 1, count_nouns))
		return 1;
	if (plural_noun(st, k))
		return 1;
	if (isw(st, k, "per") && isw(st, k + 1, "cent"))
		return 1;
	/* "10 a.m.", "3 p.m." */
	if ((isw(st, k, "a") || isw(st, k, "p")) && isp(st, k + 1, '.') &&
	    isw(st, k + 2, "m"))
		return 1;
	return 0;
}

/* Whether an id word names the number at I: "invoice 4471", "invoice
 * #4471", "ref: 5521", "invoice no. 4471", "the account number is 88213". */
static int
id_before(struct stream *st, ptrdiff_t i)
{
	static const char *const skip_words[] = {
		"is", "was", "are", "were", "number", "numbers", "nos", "nr", "num",
		"open", "being", "reads", NULL
	};
	ptrdiff_t k = i - 1;
	int steps, punct = 0;

	for (steps = 0; steps < 4; steps++) {
		const struct tok *q = tk(st, k);

		if (q->kind == TK_PUNCT && (q->ch == '#' || q->ch == ':' ||
		    q->ch == '.' || q->ch == '-'))
			/* "no. 4471", "no: 4471"; "no - 2k" is an answer */
			punct |= q->ch == '-' && q->sp ? 2 : 1;
		else if (!inw(st, k, skip_words))
			break;
		k--;
	}
	if (inw(st, k, id_words))
		return !isw(st, k, "no") || ((punct & 1) && !tk(st, i)->grouped);
	/* stopped on "number" as the first word: "number 4471" */
	return k < i - 1 && inw(st, k + 1, id_words) && !isw(st, k + 1, "no");
}

/* Whether what comes before the number at I makes it an id, a date, a
 * phone number or a time. */
static int
left_blocks(struct stream *st, ptrdiff_t i)
{
	const struct tok *t = tk(st, i), *p = tk(st, i - 1), *pp = tk(st, i - 2);
	ptrdiff_t k;
	int steps;

	if (p->kind == TK_WORD && !t->sp)
		return 1;  /* "INV2291", "FY2024" */
	if (p->kind == TK_NUM)
		return 1;  /* "07700 900123" */
	if (p->kind == TK_PUNCT && (p->ch == '#' || (p->ch == '+' && !t->sp)))
		return 1;  /* "#4471", "+44 7700"; "500 + 700" adds */
	if (p->kind == TK_PUNCT && !t->sp && !p->sp &&
	    (p->ch == '-' || p->ch == '/' || p->ch == ':' || p->ch == '.') &&
	    (pp->kind == TK_NUM || pp->kind == TK_WORD))
		return 1;  /* "555-0134", "INV-2291", "10:30" */
	if (p->kind == TK_PUNCT && p->ch == '(' && !t->sp &&
	    isp(st, i + 1, ')') && !tk(st, i + 1)->sp)
		return 1;  /* "(555) 013-4477" */
	if (id_before(st, i))
		return 1;
	/* "invoices 4471, 4472 and 4473" */
	if (t->idig >= 4 && !t->grouped && !t->frac) {
		k = i;
		for (steps = 0; steps < 8; steps++) {
			const struct tok *q = tk(st, k - 2);

			if (!(isp(st, k - 1, ',') || isp(st, k - 1, '&') ||
			      isp(st, k - 1, '/') || isw(st, k - 1, "and") ||
			      isw(st, k - 1, "or")) || q->kind != TK_NUM ||
			    q->idig != t->idig || q->grouped || q->frac)
				break;
			k -= 2;
		}
		if (k < i && id_before(st, k))
			return 1;
	}
	/* "March 3", "September 15", "Sept 2026" */
	if (inw(st, i - 1, months) && (small_day(t) || year_like(t)))
		return 1;
	/* "November 5, 12 and 19": days listed after a month */
	if (small_day(t)) {
		k = i;
		for (steps = 0; steps < 8; steps++) {
			ptrdiff_t b = k - 1;

			if (isw(st, b, "and") && isp(st, b - 1, ','))
				b--;
			if (!(isp(st, b, ',') || isw(st, b, "and")) ||
			    !small_day(tk(st, b - 1)))
				break;
			k = b - 1;
			if (inw(st, k - 1, months))
				return 1;
		}
	}
	if (year_like(t)) {
		if (inw(st, i - 1, year_ctx))
			return 1;
		if (isw(st, i - 1, "of") && (inw(st, i - 2, months) ||
		    inw(st, i - 2, seasons)))
			return 1;
		if (p->kind == TK_PUNCT && p->ch == ',' && small_day(pp) &&
		    inw(st, i - 3, months))
			return 1;  /* "March 3, 2026" */
		if (p->kind == TK_PUNCT && p->ch == ',' && pp->kind == TK_WORD &&
		    !pp->sp && small_day(tk(st, i - 3)) && inw(st, i - 4, months))
			return 1;  /* "March 3rd, 2026" */
	}
	/* "on the 15" */
	if (small_day(t) && isw(st, i - 1, "the") && inw(st, i - 2, date_preps))
		return 1;
	/* "at 10" */
	if (isw(st, i - 1, "at") && !t->frac && t->val <= 24)
		return 1;
	return 0;
}

/* Whether what comes after the number at I makes it part of a date, a
 * phone number, a time, an address, a count or a percentage. */
static int
right_blocks(struct stream *st, ptrdiff_t i)
{
	const struct tok *t = tk(st, i), *n1 = tk(st, i + 1), *n2 = tk(st, i + 2);

	if (n1->kind == TK_PUNCT && !n1->sp && n2->kind == TK_NUM && !n2->sp &&
	    (n1->ch == '-' || n1->ch == '/' || n1->ch == ':' || n1->ch == '.'))
		return 1;  /* "2026-09-15", "15/09", "10:30" */
	if (n1->kind == TK_NUM)
		return 1;  /* "555 0134" */
	if (unit_after(st, i + 1))
		return 1;
	/* "3 March", "15 of September" */
	if (small_day(t) && (inw(st, i + 1, months) ||
	    (isw(st, i + 1, "of") && inw(st, i + 2, months))))
		return 1;
	/* "221 Baker Street" */
	if (n1->kind == TK_WORD && isupper(U(st->s[n1->start])) &&
	    (inw(st, i + 2, street_words) ||
	     (tk(st, i + 2)->kind == TK_WORD && inw(st, i + 3, street_words))))
		return 1;
	return 0;
}

/* Whether the number at I, with no currency, multiplier or currency word
 * around it, is used as money. */
static int
bare_money(struct stream *st, ptrdiff_t i)
{
	const struct tok *t = tk(st, i), *nx = tk(st, i + 1);

	if (t->lead0 || t->idig < 2 || (t->idig >= 7 && !t->grouped))
		return 0;
	if (nx->kind == TK_WORD && !nx->sp)
		return 0;  /* "31st", "3pm", "4471a" */
	return !left_blocks(st, i) && !right_blocks(st, i);
}

/* Reads an amount of money starting at token I.  On success fills *M, sets
 * *NEXT to the token after it and returns 1. */
/* Whether a rate is said at K: "a week", "per month", "every fortnight",
 * "weekly" ("forty a week": a figure in words with no hundred or currency
 * is money when a rate follows it). */
static int
rate_said_at(struct stream *st, ptrdiff_t k)
{
	static const char *const per[] = {
		"a", "an", "per", "every", "each", NULL
	};
	static const char *const spans[] = {
		"week", "wk", "month", "fortnight", NULL
	};

	return (inw(st, k, per) && inw(st, k + 1, spans)) ||
	    isw(st, k, "weekly") || isw(st, k, "monthly") ||
	    isw(st, k, "fortnightly");
}

/* Whether the figure in words at [I, K) is a sum said as an answer: the
 * whole line but for hedges and stops ("fifty?", "maybe like... fifty?",
 * "um, about forty."), or what an offer names ("I could do fifty", "we
 * can manage forty"). */
static int
asked_alone(struct stream *st, ptrdiff_t i, ptrdiff_t k)
{
	static const char *const hedges[] = {
		"maybe", "like", "um", "umm", "uh", "er", "erm", "so", "say",
		"about", "around", "roughly", "perhaps", "probably", "well", "hmm",
		"oh", "just", "only", "ok", "okay", "right", NULL
	};
	static const char *const do_verbs[] = {
		"do", "pay", "manage", "afford", "spare", "send", "find", "offer",
		NULL
	};
	static const char *const modals[] = {
		"can", "could", "would", "will", "might", "i'll", "we'll", "i'd",
		"we'd", "ll", "d", NULL
	};
	ptrdiff_t j;

	if (inw(st, i - 1, do_verbs) && (inw(st, i - 2, modals) ||
	    (isw(st, i - 2, "maybe") && inw(st, i - 3, modals))))
		return 1;
	for (j = i - 1; j >= 0; j--)
		if (tk(st, j)->kind != TK_PUNCT && !inw(st, j, hedges))
			return 0;
	for (j = k; tk(st, j)->kind == TK_PUNCT; j++)
		if (!isp(st, j, '?') && !isp(st, j, '.') && !isp(st, j, '!'))
			return 0;
	return tk(st, j)->kind == TK_END && (isp(st, k, '?') || i > 0);
}

static int
money_at(struct stream *st, ptrdiff_t i, struct rc_money *m, ptrdiff_t *next)
{
	const struct tok *t = tk(st, i), *u;
	double v, mult;
	ptrdiff_t j, k;
	int mag;

	if (t->kind == TK_CUR || inw(st, i, cur_codes)) {
		/* "$1,200", "USD 300", "€ 5k", "$ five hundred" */
		j = i + 1;
		u = tk(st, j);
		if (u->kind == TK_NUM && !(t->kind == TK_WORD && !u->sp &&
		    tk(st, i - 1)->kind == TK_WORD && !t->sp)) {
			if (u->idig > 12)
				return 0;
			v = u->val;
			k = suffix(st, j + 1, &mult);
			v *= mult;
		} else if ((k = words_number(st, j, &v, &mag)) == j || v <= 0) {
			return 0;
		}
		if (!cur_after(st, k, &v, next))
			*next = k;
		m->value = v;
		m->start = t->start;
		m->end = tk(st, *next - 1)->end;
		return 1;
	}
	if (t->kind == TK_NUM) {
		if (t->idig > 12)
			return 0;
		v = t->val;
		k = suffix(st, i + 1, &mult);
		if (k > i + 1) {
			/* "1.2k", "2 thousand" */
			v *= mult;
			if (!cur_after(st, k, &v, next)) {
				if (left_blocks(st, i) || unit_after(st, k))
					return 0;
				*next = k;
			}
		} else if (!cur_after(st, i + 1, &v, next)) {
			if (!bare_money(st, i))
				return 0;
			*next = i + 1;
		}
		m->value = v;
		m->start = t->start;
		m->end = tk(st, *next - 1)->end;
		return 1;
	}
	if (t->kind == TK_WORD && (isw(st, i, "fiver") || isw(st, i, "tenner") ||
	    ((isw(st, i, "a") || isw(st, i, "one")) && (isw(st, i + 1, "fiver") ||
	     isw(st, i + 1, "tenner"))))) {
		/* "a fiver", "a tenner" */
		k = isw(st, i, "a") || isw(st, i, "one") ? i + 1 : i;
		m->value = isw(st, k, "fiver") ? 5 : 10;
		m->start = t->start;
		m->end = tk(st, k)->end;
		*next = k + 1;
		return 1;
	}
	if (t->kind == TK_WORD) {
		k = words_number(st, i, &v, &mag);
		if (k == i || v <= 0)
			return 0;
		if (!cur_after(st, k, &v, next)) {
			if ((!mag && !(v >= 10 && (rate_said_at(st, k) ||
			     asked_alone(st, i, k)))) || unit_after(st, k))
				return 0;
			if (v >= 1900 && v <= 2099 && inw(st, i - 1, year_ctx))
				return 0;
			*next = k;
		}
		m->value = v;
		m->start = t->start;
		m->end = tk(st, *next - 1)->end;
		return 1;
	}
	return 0;
}

size_t
rc_amount_find(const char *text, struct rc_money *out, size_t max)
{
	struct stream st;
	struct rc_money m;
	ptrdiff_t i = 0, next;
	size_t n = 0;

	if (text == NULL)
		return 0;
	stream_init(&st, text);
	while (tk(&st, i)->kind != TK_END) {
		if (money_at(&st, i, &m, &next)) {
			if (out != NULL && n < max)
				out[n] = m;
			n++;
			i = next;
		} else {
			i++;
		}
	}
	return n;
}

/* ---- proposals ----------------------------------------------------------- */

/* Verbs of paying or agreeing: a proposal's cue, and the word that makes a
 * nearby debt word not count ("pay the invoice for $1,840"). */
static const char *const pay_verbs[] = {
	"pay", "pays", "paying", "payment", "payments", "do", "doing", "offer",
	"offering", "settle", "settling", "settlement", "accept", "accepting",
	"take", "taking", "manage", "afford", "send", "sending", "transfer",
	"deposit", "clear", "cover", "give", "giving", "put", "split",
	"spread", "commit", "propose", "suggest", "agree", "arrange",
	"instalment", "instalments", "installment", "installments", "plan",
	"find", "raise", "go", "stretch", "scrape", "try", "bump", "meet",
	"repay", "knock", NULL
};
/* Other cues of a proposal that do not count as a verb. */
static const char *const cue_words[] = {
	"deal", "today", "now", "tomorrow", "tonight", "ok", "okay", "fine",
	"let's", "lets", "i'll", "we'll", "i'd", "we'd", "willing", "prepared",
	"able", "upfront", "asap", "counter", "counteroffer", NULL
};
static const char *const debt_words[] = {
	"owe", "owes", "owed", "owing", "outstanding", "overdue", "arrears",
	"due", "balance", "total", "totals", "totalling", "totaling", "debt",
	"invoice", "invoices", "invoiced", "bill", "billed", "statement", "fee",
	"fees", "interest", "charge", "charges", "charged", "penalty", "comes",
	"came", "amounts", "unpaid", NULL
};
static const char *const past_words[] = {
	"paid", "sent", "already", "received", "gave", "transferred",
	"deposited", "made", "last", "ago", "yesterday", "previously", "had",
	"promised",
	/* what happened to the debt: "INV-2291 was issued on October 15 for
	 * $1,840", "the plan was signed on the 9th for €1,180" */
	"issued", "signed", "raised", "dated", NULL
};
/* Money that is not a payment: income, costs. */
static const char *const notpay_words[] = {
	"earn", "earns", "earned", "earning", "earnings", "income", "salary",
	"wage", "wages", "rent", "mortgage", "spend", "spent", "spending",
	"cost", "costs", "price", "priced", "worth", "lost", "lose", "make",
	"makes", "making", "payroll", "lend", "lends", "lent", "borrow",
	"borrowed", "loaned", "shows", "showing", "says", "saying", "reads",
	"stated", "paycheck", "paychecks", "paycheque", "paycheques",
	"unemployment", "allowance", NULL
};
static const char *const neg_words[] = {
	"can't", "cannot", "cant", "won't", "wont", "couldn't", "couldnt",
	"wouldn't", "wouldnt", "don't", "dont", "not", "never", "unable",
	"isn't", "isnt", "doesn't", "doesnt", NULL
};
/* Words after a refusal that turn it into a cap: "can't pay more than". */
static const char *const cap_words[] = {
	"than", "over", "above", "beyond", "except", "only", "just", "max",
	"maximum", "most", "until", "till", NULL
};
/* Costs and circumstances a time may belong to: "my hours next week". */
static const char *const cost_nouns[] = {
	"hours", "shifts", "tax", "expenses", "costs", "budget", "bills",
	"heating", "electric", "electricity", "gas", "school", "fees",
	"insurance", "repairs", "groceries", "car", "holiday", "wedding", NULL
};
/* Words that join one payment to the next: "500 now and 500 friday". */
static const char *const joins[] = {
	"and", "then", "plus", "also", "another", "after", "n", "or", "with",
	"followed", "next", NULL
};
/* Words that, after a question naming a figure, leave it not taken up:
 * "a grand by friday? let me look", "2.5k? hmm", "6700? can't". */
static const char *const hesitations[] = {
	"no", "nope", "nah", "can't", "cant", "cannot", "hmm", "hm", "um",
	"umm", "let", "not", "never", "impossible", "haven't", "havent", NULL
};
/* Words that may fill a line that only asks an amount: "so, 900 then?". */
static const char *const fillers[] = {
	"so", "then", "ok", "okay", "well", "just", "maybe", "like", "say",
	"um", "uhm", "uh", "hmm", "and", "or", "how", "about", "even", "what",
	"fine", "right", "alright", "perhaps", "for", "me", "you", "yes", "no",
	"hm", "er", "erm", "of", "it", "the", "that", "then", NULL
};
static const char *const clause_words[] = {
	"but", "however", "though", "although", "because", "whereas",
	"while", NULL
};
/* Words between a part and the whole it is taken of: "$1,000 of the". */
static const char *const connectors[] = {
	"of", "out", "towards", "toward", "against", "off", "from", "the",
	"your", "this", "that", "my", "our", "total", "full", "whole", "entire",
	"current", "outstanding", NULL
};
static const char *const pay_nouns[] = {
	"payments", "instalments", "installments", "repayments", "payment",
	"instalment", "installment", "repayment", "chunks", "parts", "lots",
	"goes", "transfers", "halves", NULL
};
/* Whether the word at J names payments ("six payments", "in three goes");
 * "500 goes out on the 1st" is a verb. */
static int
pay_noun_at(struct stream *st, ptrdiff_t j)
{
	return inw(st, j, pay_nouns) && !(isw(st, j, "goes") &&
	    (isw(st, j + 1, "out") || isw(st, j + 1, "through")));
}

/* After a percentage: not a share of the debt. */
static const char *const pct_not[] = {
	"off", "discount", "discounts", "interest", "fee", "fees", "apr",
	"charge", "charges", "penalty", "surcharge", "rate", "late", "more",
	"less", "extra", "increase", "reduction", "cut", "chance", "sure",
	"certain", "markup", "tax", "vat", "commission", NULL
};
static const char *const time_nouns[] = {
	"hour", "hours", "day", "days", "week", "weeks", "month", "months",
	"year", "years", "minute", "minutes", "past", "time", "way", "dozen",
	"term", "hr", "mile", "miles", "century", "finals", NULL
};
static const char *const full_nouns[] = {
	"amount", "balance", "sum", "debt", "bill", "invoice", "thing", "lot",
	"payment", "figure", "total", "outstanding", NULL
};

enum ikind {
	IT_AMT,    /* an amount of money */
	IT_SHARE,  /* a fraction of the balance: v */
	IT_FULL,   /* the whole balance */
	IT_REST,   /* what is left after the upfront part */
	IT_RATE,   /* how often: per */
	IT_COUNT,  /* how many: v, in unit */
	IT_WHEN    /* when: text */
};

enum skip {
	SK_NO = 0,
	SK_DEBT,   /* describes the debt */
	SK_PAST,   /* paid already */
	SK_OTHER,  /* income, costs, a refusal, an alternative, a whole */
};

#define MAXITEMS 48

struct item {
	enum ikind kind;
	ptrdiff_t first, last;  /* tokens [first, last) */
	double v;               /* amount, fraction or count */
	double base;            /* SHARE/FULL/REST: the whole, 0 = balance */
	enum rc_period per;     /* RATE; COUNT: "6 monthly payments" */
	enum rc_period unit;    /* COUNT: unit said, NONE for payments */
	int over;               /* COUNT: divides a total ("over 4 months") */
	int fwd;                /* RATE/COUNT: qualifies the next head */
	enum skip skip;         /* heads: why it is not proposed */
	int rescue;             /* debt amount in a clause asking to pay */
	int inv;                /* AMT: a case invoice named by its number */
	int payv;               /* AMT inv: a payment verb just before it */
	int topic;              /* AMT inv: named as a subject ("about 5540",
	                           "1,000 for 3371"), not paid as a whole */
	int payday;             /* RATE, COUNT: on paydays, dates not known */
	int restate;            /* heads: nothing joins it to the head before */
	int loose;              /* attached to no head */
	int invk;               /* AMT inv: which of the case's invoices */
	int nmore;              /* WHEN: days of the month listed after it */
	unsigned char more[8];  /* ("on the 9th, 16th and 23rd") */
	int nmon;               /* WHEN: more months its day is paid in */
	unsigned char mon[8];   /* ("the 1st of May, June and July"): 1-12,
	                           0 for the month after ("and next") */
	int nth;                /* WHEN: "the last friday" (of each month) -1,
	                           "the second friday" 2; 0 for other days */
	int wday;               /* WHEN with NTH: the weekday, 0 for Sunday */
	int start;              /* WHEN: said of the first payment of a run
	                           ("the first one this friday") */
	int described;          /* AMT: an invoice's amount said with it */
	int fee;                /* AMT: a fee or charge word right after it */
	int along;              /* heads: said "with" the one before ("I'll pay
	                           the fee today with the 1280") */
	int minus;              /* AMT: taken off another ("less $120") */
	int weak;               /* FULL said as "it": only when nothing else
	                           is proposed and a time or rate is said */
	int rate, count, when;  /* heads: attached items, -1 if none */
	ptrdiff_t reach;        /* heads: last token of what is attached */
	char text[32];          /* WHEN: the words */
};

/* Where, in the current clause, the last word of each kind was. */
struct clause {
	ptrdiff_t verb, debt, past, notpay, neg, cap;
};

static void
clause_reset(struct clause *c)
{
	c->verb = c->debt = c->past = c->notpay = c->neg = c->cap = -1;
}

static int
is_head(const struct item *x)
{
	return x->kind == IT_AMT || x->kind == IT_SHARE || x->kind == IT_FULL ||
	       x->kind == IT_REST;
}

/* Copies tokens [A, B) into DST (32 bytes) in lower case, one space where
 * the text had white space. */
static void
keep_words(struct stream *st, ptrdiff_t a, ptrdiff_t b, char *dst)
{
	size_t o = 0, p;
	ptrdiff_t k;

	for (k = a; k < b; k++) {
		const struct tok *t = tk(st, k);

		if (k > a && t->sp && o < 31)
			dst[o++] = ' ';
		for (p = t->start; p < t->end && o < 31; p++) {
			if (U(st->s[p]) >= 0x80) {
				/* only U+2019 inside words reaches here */
				dst[o++] = '\'';
				p += 2;
			} else {
				dst[o++] = (char)tolower(U(st->s[p]));
			}
		}
	}
	dst[o] = '\0';
}

/* Reads a count at J: "6", "six", "twenty-four", "a" (before a unit). */
static ptrdiff_t
count_number(struct stream *st, ptrdiff_t j, double *n)
{
	const struct tok *t = tk(st, j);
	double v;
	ptrdiff_t k;
	int mag;

	if (t->kind == TK_NUM) {
		if (t->frac || t->grouped || t->idig > 3 || t->val < 1 ||
		    (tk(st, j + 1)->kind == TK_WORD && !tk(st, j + 1)->sp))
			return j;
		*n = t->val;
		return j + 1;
	}
	k = words_number(st, j, &v, &mag);
	if (k > j && v >= 1 && v <= 999) {
		*n = v;
		return k;
	}
	if (isw(st, j, "a") || isw(st, j, "an")) {
		*n = 1;
		return j + 1;
	}
	return j;
}

/* "monthly" and friends: the period, 0 if none.  Sets *LEN to the tokens
 * used ("bi-weekly" is three). */
static enum rc_period
period_adj(struct stream *st, ptrdiff_t j, ptrdiff_t *len)
{
	*len = 1;
	if (isw(st, j, "monthly") || isw(st, j, "pcm"))
		return RC_PERIOD_MONTH;
	if (isw(st, j, "weekly"))
		return RC_PERIOD_WEEK;
	if (isw(st, j, "fortnightly") || isw(st, j, "biweekly"))
		return RC_PERIOD_FORTNIGHT;
	if (isw(st, j, "bi") && isp(st, j + 1, '-') && isw(st, j + 2, "weekly")) {
		*len = 3;
		return RC_PERIOD_FORTNIGHT;
	}
	return RC_PERIOD_NONE;
}

/* A unit a count is said in.  Sets *UNIT and *MULT (12 for years). */
static int
count_unit(struct stream *st, ptrdiff_t j, enum rc_period *unit, double *mult)
{
	*mult = 1;
	if (isw(st, j, "months") || isw(st, j, "month") || isw(st, j, "mths") ||
	    isw(st, j, "mos"))
		*unit = RC_PERIOD_MONTH;
	else if (isw(st, j, "weeks") || isw(st, j, "week") || isw(st, j, "wks"))
		*unit = RC_PERIOD_WEEK;
	else if (isw(st, j, "fortnights") || isw(st, j, "fortnight"))
		*unit = RC_PERIOD_FORTNIGHT;
	else if (isw(st, j, "years") || isw(st, j, "year") || isw(st, j, "yrs")) {
		*unit = RC_PERIOD_MONTH;
		*mult = 12;
	} else if (pay_noun_at(st, j) || isw(st, j, "paydays"))
		*unit = RC_PERIOD_NONE;
	else
		return 0;
	return 1;
}

/* A count of instalments at I: "for 6 months", "over the next four
 * months", "in 3 payments", "six payments of", "x 6", "6 times". */
static int
count_at(struct stream *st, ptrdiff_t i, struct item *x)
{
	ptrdiff_t j = i, k, len;
	double n, mult;
	enum rc_period unit = RC_PERIOD_NONE, per;

	x->kind = IT_COUNT;
	x->first = i;
	/* "on each of the next two paydays", "the next 3 paydays": that many
	 * payments, on days not known */
	if (isw(st, j, "on"))
		j++;
	if ((isw(st, j, "each") || isw(st, j, "every")) && isw(st, j + 1, "of"))
		j += 2;
	if (isw(st, j, "the") && (isw(st, j + 1, "next") ||
	    isw(st, j + 1, "coming") || isw(st, j + 1, "following")) &&
	    (k = count_number(st, j + 2, &n)) > j + 2 && isw(st, k, "paydays")) {
		x->v = n;
		x->payday = 1;
		x->last = k + 1;
		return 1;
	}
	/* "(on the first of) each of the next three months", "in every one
	 * of the next 4 weeks": one payment in each */
	j = i;
	if (isw(st, j, "on") || isw(st, j, "in") || isw(st, j, "for") ||
	    isw(st, j, "during"))
		j++;
	if (((isw(st, j, "each") || isw(st, j, "every")) &&
	     isw(st, j + 1, "of")) || ((isw(st, j, "each") ||
	     isw(st, j, "every")) && isw(st, j + 1, "one") &&
	    isw(st, j + 2, "of"))) {
		j += isw(st, j + 1, "one") ? 3 : 2;
		if (isw(st, j, "the"))
			j++;
		if (isw(st, j, "next") || isw(st, j, "following") ||
		    isw(st, j, "coming"))
			j++;
		if ((k = count_number(st, j, &n)) > j && !isw(st, j, "a") &&
		    !isw(st, j, "an") && count_unit(st, k, &unit, &mult) &&
		    unit != RC_PERIOD_NONE && mult == 1) {
			x->v = n;
			x->unit = unit;
			x->per = unit;
			x->last = k + 1;
			return 1;
		}
	}
	j = i;
	if (isw(st, j, "for") || isw(st, j, "over") || isw(st, j, "across") ||
	    isw(st, j, "during")) {
		x->over = isw(st, j, "over") || isw(st, j, "across");
		j++;
		if (isw(st, j, "the"))
			j++;
		if (isw(st, j, "next") || isw(st, j, "following") ||
		    isw(st, j, "coming"))
			j++;
		if ((k = count_number(st, j, &n)) == j)
			return 0;
		j = k;
		if (isw(st, j, "equal"))
			j++;
		if ((per = period_adj(st, j, &len)) != RC_PERIOD_NONE)
			j += len;
		if (!count_unit(st, j, &unit, &mult))
			return 0;
		x->v = n * mult;
		x->unit = unit;
		x->per = per;
		x->payday = isw(st, j, "paydays");  /* "over the next 3 paydays" */
		x->last = j + 1;
		return 1;
	}
	if (isw(st, j, "in") || isw(st, j, "into")) {
		j++;
		if ((k = count_number(st, j, &n)) == j)
			return 0;
		j = k;
		/* "split into 2", "rest split in two": parts, no period */
		if (n >= 2 && (isw(st, i - 1, "split") || isw(st, i - 1, "divided") ||
		    isw(st, i - 1, "broken") || isw(st, i - 1, "splitting")) &&
		    !pay_noun_at(st, j) && !inw(st, j, count_nouns) &&
		    !period_adj(st, j, &len) && !isw(st, j, "equal")) {
			x->v = n;
			x->over = 1;
			x->last = j;
			return 1;
		}
		if (isw(st, j, "equal"))
			j++;
		if ((per = period_adj(st, j, &len)) != RC_PERIOD_NONE)
			j += len;
		if ((isw(st, i - 1, "off") || isw(st, i - 2, "off") ||
		     isw(st, i - 3, "off") || isw(st, i - 4, "off")) &&
		    per == RC_PERIOD_NONE &&
		    count_unit(st, j, &unit, &mult) && unit != RC_PERIOD_NONE) {
			/* "pay it off in 12 months" spreads it; "pay in 2
			 * weeks" is only a date */
			x->v = n * mult;
			x->unit = unit;
			x->over = 1;
			x->last = j + 1;
			return 1;
		}
		if (!pay_noun_at(st, j))
			return 0;
		x->v = n;
		x->per = per;
		x->over = 1;
		x->last = j + 1;
		if (isw(st, j + 1, "of") && (tk(st, j + 2)->kind == TK_NUM ||
		    tk(st, j + 2)->kind == TK_CUR)) {
			/* "in four lots of £100": each, not a split */
			x->over = 0;
			x->fwd = 1;
			x->last = j + 2;
		}
		return 1;
	}
	if (isw(st, j, "x") && tk(st, j + 1)->kind == TK_NUM &&
	    (k = count_number(st, j + 1, &n)) > j + 1) {
		x->v = n;
		x->last = k;
		return 1;
	}
	if ((k = count_number(st, j, &n)) == j || isw(st, j, "a") ||
	    isw(st, j, "an"))
		return 0;
	j = k;
	if (isw(st, j, "times") && n >= 2) {
		x->v = n;
		x->last = j + 1;
		return 1;
	}
	if (isw(st, j, "x") && !isw(st, j + 1, "x")) {
		/* "6 x $500" */
		x->v = n;
		x->fwd = 1;
		x->last = j + 1;
		return 1;
	}
	if (isw(st, j, "equal"))
		j++;
	if ((per = period_adj(st, j, &len)) != RC_PERIOD_NONE)
		j += len;
	if (!pay_noun_at(st, j))
		return 0;
	j++;
	if (isw(st, j, "of")) {
		x->fwd = 1;
		j++;
	}
	x->v = n;
	x->per = per;
	x->last = j;
	return 1;
}

/* A weekday at J: "friday", "fri", "weds"; "mon", "sat" and "sun" only
 * after PREP (a preposition or "next", "every").  Returns the token after
 * it, J if none. */
static ptrdiff_t
weekday_at(struct stream *st, ptrdiff_t j, int prep)
{
	/* "so Wednesday deliveries will not stop", "the friday market": a
	 * weekday naming a thing that happens on it is no day to pay */
	static const char *const day_things[] = {
		"delivery", "deliveries", "drop", "drops", "order", "orders",
		"shift", "shifts", "market", "markets", "meeting", "meetings",
		"service", "services", "run", "runs", "rush", "crowd", "class",
		"classes", "special", "specials", "roster", "rota", "staff",
		NULL
	};

	if (inw(st, j, weekdays) || inw(st, j, day_abbrevs) ||
	    (prep && inw(st, j, day_abbrevs_ambiguous))) {
		if (inw(st, j + 1, day_things) && !prep)
			return j;
		return isp(st, j + 1, '.') && !tk(st, j + 1)->sp &&
		    !inw(st, j, weekdays) ? j + 2 : j + 1;
	}
	return j;
}

/* A holiday at J that names a day: "christmas [eve|day]", "xmas", "boxing
 * day", "new year's [day|eve]", "halloween".  Returns the token after it,
 * J if none. */
static ptrdiff_t
holiday_at(struct stream *st, ptrdiff_t j)
{
	if (isw(st, j, "christmas") || isw(st, j, "xmas") ||
	    isw(st, j, "x-mas"))
		return isw(st, j + 1, "eve") || isw(st, j + 1, "day") ? j + 2 : j + 1;
	if (isw(st, j, "boxing") && isw(st, j + 1, "day"))
		return j + 2;
	if (isw(st, j, "halloween") || isw(st, j, "hallowe'en"))
		return j + 1;
	/* "new year's day", "new years eve"; "the new year" names no day */
	if (isw(st, j, "new") && (isw(st, j + 1, "year's") ||
	    isw(st, j + 1, "years") || isw(st, j + 1, "year")) &&
	    (isw(st, j + 2, "day") || isw(st, j + 2, "eve")))
		return j + 3;
	if (isw(st, j, "new") && isw(st, j + 1, "year's"))
		return j + 2;
	return j;
}

/* Money coming in that a payment waits for, at J after "when",
 * "whenever" or "once": "i get paid", "my pension comes in", "the GC pays
 * me", "payday".  Returns the token after it, J if none. */
static ptrdiff_t
payday_at(struct stream *st, ptrdiff_t j)
{
	static const char *const income[] = {
		"pension", "wages", "salary", "paycheck", "paycheque", "payday",
		"benefits", "pay", "money", NULL
	};
	static const char *const getting[] = {
		"get", "gets", "getting", "i'm", "am", "is", "are", "we're", "be",
		NULL
	};
	static const char *const arrive[] = {
		"comes", "come", "arrives", "arrive", "lands", "land", "clears",
		"goes", NULL
	};
	ptrdiff_t k;

	for (k = j; k < j + 5 && tk(st, k)->kind == TK_WORD; k++) {
		if (isw(st, k, "paid") && inw(st, k - 1, getting))
			return k + 1;
		if (isw(st, k, "payday"))
			return k + 1;
		if ((isw(st, k, "pays") || isw(st, k, "pay")) &&
		    (isw(st, k + 1, "me") || isw(st, k + 1, "us")) && k > j)
			return k + 2;
		if (inw(st, k, income) && inw(st, k + 1, arrive))
			return isw(st, k + 2, "in") || isw(st, k + 2, "through") ||
			    isw(st, k + 2, "out") ? k + 3 : k + 2;
	}
	return j;
}

/* A period word after "a", "per", "every": month, week, fortnight. */
static enum rc_period
period_word(struct stream *st, ptrdiff_t j)
{
	if (isw(st, j, "month") || isw(st, j, "mo") || isw(st, j, "mth"))
		return RC_PERIOD_MONTH;
	if (isw(st, j, "week") || isw(st, j, "wk"))
		return RC_PERIOD_WEEK;
	if (isw(st, j, "fortnight"))
		return RC_PERIOD_FORTNIGHT;
	return RC_PERIOD_NONE;
}

static int is_boundary(struct stream *st, ptrdiff_t i);

/* A rate at I: "a month", "per week", "/month", "monthly", "every two
 * weeks", "every friday", "monthly payments of". */
static int
rate_at(struct stream *st, ptrdiff_t i, struct item *x)
{
	static const char *const not_before[] = {
		"in", "within", "for", "than", "about", "around", "under", "over",
		"half", "next", "last", "this", NULL
	};
	static const char *const not_after[] = {
		"ago", "later", "before", "early", "earlier", "late", "off", NULL
	};
	static const char *const off_what[] = {
		"the", "it", "that", "this", "what", "my", "your", "our", "each",
		"both", NULL
	};
	ptrdiff_t j = i, len, k;
	enum rc_period p;
	double n;

	x->kind = IT_RATE;
	x->first = i;
	/* "whenever i get paid" */
	if (isw(st, j, "whenever") && (k = payday_at(st, j + 1)) > j + 1) {
		x->payday = 1;
		x->last = k;
		return 1;
	}
	if (isw(st, j, "every") || isw(st, j, "each") ||
	    ((isw(st, j, "a") || isw(st, j, "per")) && isw(st, j + 1, "payday"))) {
		j++;
		if (isw(st, j, "payday") || (isw(st, j, "pay") && isw(st, j + 1,
		    "day"))) {
			x->payday = 1;
			x->last = j + (isw(st, j, "pay") ? 2 : 1);
			return 1;
		}
		if ((isw(st, j, "other") || isw(st, j, "second") ||
		     isw(st, j, "alternate")) &&
		    (k = weekday_at(st, j + 1, 1)) > j + 1) {
			/* "every other friday": the first on that day */
			p = RC_PERIOD_FORTNIGHT;
			keep_words(st, j + 1, k, x->text);
			j = k;
		} else if (isw(st, j, "other") || isw(st, j, "second") ||
		    isw(st, j, "alternate")) {
			if (!isw(st, j + 1, "week"))
				return 0;
			p = RC_PERIOD_FORTNIGHT;
			j += 2;
		} else if ((k = weekday_at(st, j, 1)) > j) {
			/* "every monday": the first on that day */
			p = RC_PERIOD_WEEK;
			keep_words(st, j, k, x->text);
			j = k;
		} else if ((p = period_word(st, j)) != RC_PERIOD_NONE) {
			j++;
		} else {
			k = count_number(st, j, &n);

			if (k == j || isw(st, j, "a"))
				return 0;
			if (isw(st, k, "weeks"))
				p = n == 2 ? RC_PERIOD_FORTNIGHT : n == 4 ?
				    RC_PERIOD_MONTH : RC_PERIOD_WEEK;
			else if (isw(st, k, "months"))
				p = RC_PERIOD_MONTH;
			else
				return 0;
			j = k + 1;
		}
	} else if (isw(st, j, "a") || isw(st, j, "an") || isw(st, j, "per") ||
	           isp(st, j, '/')) {
		if (!isp(st, j, '/') && inw(st, i - 1, not_before))
			return 0;
		j++;
		if (isw(st, j, "calendar"))
			j++;
		if ((p = period_word(st, j)) == RC_PERIOD_NONE)
			return 0;
		j++;
		/* "a week after friday" is a day; "500 a week after (that)"
		 * a run starting when the payments before it end */
		/* "a week off" is a holiday; "200 a month off the other" pays */
		if ((inw(st, j, not_after) && !(isw(st, j, "off") &&
		     inw(st, j + 1, off_what))) || (isw(st, j, "after") &&
		    !(is_boundary(st, j + 1) || tk(st, j + 1)->kind == TK_END ||
		      isw(st, j + 1, "that") || isw(st, j + 1, "this") ||
		      isw(st, j + 1, "until") || isw(st, j + 1, "till") ||
		      isw(st, j + 1, "and"))))
			return 0;
		if (isw(st, j, "after")) {
			j++;
			if (isw(st, j, "that") || isw(st, j, "this"))
				j++;
		}
		if (isw(st, i - 1, "twice") && p == RC_PERIOD_MONTH)
			p = RC_PERIOD_FORTNIGHT;
	} else if ((p = period_adj(st, j, &len)) != RC_PERIOD_NONE) {
		j += len;
	} else {
		return 0;
	}
	if (pay_noun_at(st, j)) {
		j++;
		if (isw(st, j, "of")) {
			x->fwd = 1;
			j++;
		}
	}
	x->per = p;
	x->last = j;
	return 1;
}

static const char *const ordinals[] = {
	"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
	"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
	"fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
	"nineteenth", "twentieth", "thirtieth", NULL
};

/* A day of the month as an ordinal at J: "31st", "15th", "first",
 * "twenty-first".  Returns the token after it, J if none. */
static ptrdiff_t
ordinal_at(struct stream *st, ptrdiff_t j)
{
	static const char *const sfx[] = { "st", "nd", "rd", "th", NULL };

	if (small_day(tk(st, j)) && inw(st, j + 1, sfx) && !tk(st, j + 1)->sp)
		return j + 2;
	if ((isw(st, j, "twenty") || isw(st, j, "thirty")) &&
	    isp(st, j + 1, '-') && inw(st, j + 2, ordinals))
		return j + 3;
	if ((isw(st, j, "twenty") || isw(st, j, "thirty")) &&
	    inw(st, j + 1, ordinals))
		return j + 2;
	if (inw(st, j, ordinals))
		return j + 1;
	return j;
}

/* The month (1-12) a month word at J names, 0 if none. */
static int
month_num(struct stream *st, ptrdiff_t j)
{
	static const unsigned char num[] = {
		1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
		1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12
	};
	int m;

	for (m = 0; months[m] != NULL; m++)
		if (isw(st, j, months[m]))
			return num[m];
	return 0;
}

/* More months after a day of the month said with its month, at K: ", June
 * and July" after "the 1st of May", "and next" after "the 28th of this
 * month".  Stores them in X->mon (0 for "next") and returns the token
 * after them, K if none. */
static ptrdiff_t
more_months(struct stream *st, ptrdiff_t k, struct item *x)
{
	for (;;) {
		ptrdiff_t m = k, e;
		int sep = 0, mo;

		if (isp(st, m, ',')) {
			m++;
			sep = 1;
		}
		if (isw(st, m, "and") || isp(st, m, '&')) {
			m++;
			sep = 2;
		}
		if (!sep || x->nmon >= 8)
			break;
		if ((mo = month_num(st, m)) > 0) {
			/* "and January 5th" is a day of its own; "may" and
			 * "mar" only end the list */
			e = m + 1;
			if (small_day(tk(st, e)) ||
			    (tk(st, e)->kind == TK_NUM && !tk(st, e)->sp))
				break;
			if ((isw(st, m, "may") || isw(st, m, "mar")) &&
			    !(tk(st, e)->kind == TK_END || is_boundary(st, e) ||
			      isp(st, e, ',') || isw(st, e, "and")))
				break;
			if (year_like(tk(st, e)))
				e++;
		} else if (sep == 2 && isw(st, m, "next") &&
		           (isw(st, m + 1, "month") ||
		            tk(st, m + 1)->kind != TK_WORD ||
		            isw(st, m + 1, "too") || isw(st, m + 1, "then") ||
		            isw(st, m + 1, "if") || isw(st, m + 1, "please"))) {
			/* "and next", "and next month"; not "and next
			 * friday" */
			e = m + 1 + isw(st, m + 1, "month");
		} else if (sep == 2 && isw(st, m, "the") &&
		           isw(st, m + 1, "following") &&
		           isw(st, m + 2, "month")) {
			e = m + 3;
		} else if (sep == 2 && isw(st, m, "the") &&
		           isw(st, m + 1, "month") && isw(st, m + 2, "after")) {
			e = m + 3;
		} else {
			break;
		}
		x->mon[x->nmon++] = (unsigned char)mo;
		k = e;
	}
	return k;
}

/* A date at J: "the 31st [of March]", "March 3[rd][, 2026]", "3[rd] [of]
 * March [2026]", "2026-09-15", "15/09[/2026]".  PREP says a preposition
 * came before, which lets "the first" be a date.  Returns the token after
 * it, J if none. */
static ptrdiff_t
date_at(struct stream *st, ptrdiff_t j, int prep)
{
	static const char *const not_after[] = {
		"payment", "payments", "instalment", "installment", "time", "one",
		"half", "quarter", "week", "month", "thing", "step", "bill",
		"invoice", "account", "lot", NULL
	};
	ptrdiff_t k;
	const struct tok *t = tk(st, j);

	if (isw(st, j, "the") && (k = ordinal_at(st, j + 1)) > j + 1) {
		int numeric = tk(st, j + 1)->kind == TK_NUM;

		if (isw(st, k, "of") && (inw(st, k + 1, months) ||
		    (isw(st, k + 1, "the") && isw(st, k + 2, "month"))))
			return inw(st, k + 1, months) ? k + 2 : k + 3;
		if (isw(st, k, "of") && (isw(st, k + 1, "next") ||
		    isw(st, k + 1, "this")) && isw(st, k + 2, "month"))
			return k + 3;
		/* "the 25th april"; "the 25th may" only where may is no verb */
		if (inw(st, k, months) && (!isw(st, k, "may") ||
		    tk(st, k + 1)->kind == TK_END || is_boundary(st, k + 1) ||
		    isw(st, k + 1, "and") || year_like(tk(st, k + 1))))
			return year_like(tk(st, k + 1)) ? k + 2 : k + 1;
		if (numeric || (prep && !inw(st, k, not_after)))
			return k;
		return j;
	}
	if (inw(st, j, months) && !isw(st, j, "may") && !isw(st, j, "mar")) {
		/* "March 3", "Sept 15th, 2026" */
		if (small_day(tk(st, j + 1))) {
			k = ordinal_at(st, j + 1);
			if (k == j + 1)
				k = j + 2;
			if (isp(st, k, ',') && year_like(tk(st, k + 1)))
				return k + 2;
			if (year_like(tk(st, k)))
				return k + 1;
			return k;
		}
		return j;
	}
	if ((isw(st, j, "may") || isw(st, j, "mar")) && prep &&
	    small_day(tk(st, j + 1))) {
		k = ordinal_at(st, j + 1);
		return k == j + 1 ? j + 2 : k;
	}
	if (small_day(t)) {
		k = ordinal_at(st, j);
		if (k == j)
			k = j + 1;
		if (isw(st, k, "of") && inw(st, k + 1, months))
			k++;
		if (inw(st, k, months)) {
			k++;
			if (year_like(tk(st, k)))
				k++;
			return k;
		}
	}
	if (t->kind == TK_NUM && !t->frac && !t->grouped && t->idig <= 4 &&
	    (isp(st, j + 1, '-') || isp(st, j + 1, '/')) && !tk(st, j + 1)->sp &&
	    tk(st, j + 2)->kind == TK_NUM && !tk(st, j + 2)->sp &&
	    tk(st, j + 2)->idig <= 2) {
		int sep = tk(st, j + 1)->ch;

		k = j + 3;
		if (isp(st, k, sep) && !tk(st, k)->sp &&
		    tk(st, k + 1)->kind == TK_NUM && !tk(st, k + 1)->sp)
			k += 2;
		else if (sep == '-')
			return j;  /* "555-0134" */
		return k;
	}
	return j;
}

/* When a payment is made, at I: "today", "now", "friday", "by the 31st",
 * "end of the month", "next week", "in 2 weeks", "March 3".  Fills
 * X->text (prepositions dropped; "right now", "immediately" and the like
 * read "now") and returns 1. */
/* "last" -1, "first" 1 ... "fourth" 4 at J, else 0. */
static int
nth_word(struct stream *st, ptrdiff_t j)
{
	static const char *const nth[] = {
		"first", "second", "third", "fourth", NULL
	};
	int k;

	if (isw(st, j, "last") || isw(st, j, "final"))
		return -1;
	for (k = 0; nth[k] != NULL; k++)
		if (isw(st, j, nth[k]))
			return k + 1;
	return 0;
}

/* The weekday named at J (weekday_at read it): 0 for Sunday ... 6. */
static int
weekday_num(struct stream *st, ptrdiff_t j)
{
	static const char *const days[] = {
		"sun", "mon", "tue", "wed", "thu", "fri", "sat"
	};
	const struct tok *t = tk(st, j);
	int k;

	for (k = 0; k < 7; k++)
		if (t->end - t->start >= 3 &&
		    tolower(U(st->s[t->start])) == days[k][0] &&
		    tolower(U(st->s[t->start + 1])) == days[k][1] &&
		    tolower(U(st->s[t->start + 2])) == days[k][2])
			return k;
	return 0;
}

/* Is a run of payments said in the few words before J ("$25 a month
 * from", "300 monthly, in")? */
static int
run_before(struct stream *st, ptrdiff_t j)
{
	static const char *const runs[] = { "month", "week", "fortnight",
	    "monthly", "weekly", "fortnightly", "payments", "instalments",
	    "installments", NULL };
	ptrdiff_t r;

	for (r = 1; r <= 5 && j - r >= 0; r++)
		if (inw(st, j - r, runs))
			return 1;
	return 0;
}

/* Is the first of the payments named just before J ("the first one in",
 * "first payment due from", "the first instalment in")? */
static int
first_before(struct stream *st, ptrdiff_t j)
{
	static const char *const things[] = { "one", "payment", "instalment",
	    "installment", "repayment", NULL };
	ptrdiff_t k = j - 1;

	if (isw(st, k, "due") || isw(st, k, "is") || isw(st, k, "comes"))
		k--;
	return k >= 1 && inw(st, k, things) && isw(st, k - 1, "first");
}

static int
when_at(struct stream *st, ptrdiff_t i, struct item *x)
{
	static const char *const preps[] = {
		"by", "on", "before", "until", "till", "til", "starting", "from",
		"beginning", "commencing", "no", NULL
	};
	static const char *const now_words[] = {
		"now", "immediately", "asap", "upfront", "instantly", NULL
	};
	static const char *const day_parts[] = {
		"morning", "afternoon", "evening", "night", NULL
	};
	static const char *const spans[] = {
		"week", "wk", "month", "fortnight", "weekend", "payday", "year",
		"quarter", NULL
	};
	static const char *const durations[] = {
		"day", "days", "week", "weeks", "month", "months", "fortnight",
		"hours", "hour", "month's", "week's", "months'", "weeks'",
		"fortnight's", NULL
	};
	ptrdiff_t j = i, k, d;
	int prep = 0, lead = 0;

	x->kind = IT_WHEN;
	x->first = i;
	/* "when my pension comes in", "once the GC pays me": a day not known */
	if ((isw(st, j, "when") || isw(st, j, "once")) &&
	    (k = payday_at(st, j + 1)) > j + 1) {
		struct item day;

		/* "when I get paid on the 15th": the day is said after all */
		memset(&day, 0, sizeof day);
		if ((isw(st, k, "on") || isw(st, k, "by")) && when_at(st, k, &day)) {
			*x = day;
			x->first = i;
			return 1;
		}
		strcpy(x->text, "payday");
		x->last = k;
		return 1;
	}
	/* "a week later", "ten days later": counted from the payment before */
	{
		double n;
		ptrdiff_t c = count_number(st, j, &n);

		if (c > j && inw(st, c, durations) && isw(st, c + 1, "later")) {
			char span[32];

			keep_words(st, j, c + 1, span);
			snprintf(x->text, sizeof x->text, "later in %.22s", span);
			x->last = c + 2;
			return 1;
		}
	}
	/* "the one after that": the next day like the one before it */
	if (isw(st, j, "the") && isw(st, j + 1, "one") &&
	    isw(st, j + 2, "after") && (isw(st, j + 3, "that") ||
	    isw(st, j + 3, "this") || is_boundary(st, j + 3) ||
	    tk(st, j + 3)->kind == TK_END)) {
		strcpy(x->text, "following one");
		x->last = j + 3 + (isw(st, j + 3, "that") || isw(st, j + 3, "this"));
		return 1;
	}
	/* "the following friday", "the friday after that", "the week after":
	 * counted from the payment before it */
	d = isw(st, j, "the") ? j + 1 : j;
	if (isw(st, d, "following") && ((k = weekday_at(st, d + 1, 1)) > d + 1 ||
	    isw(st, d + 1, "week") || isw(st, d + 1, "wk"))) {
		k = k > d + 1 ? k : d + 2;
		strcpy(x->text, "following ");
		keep_words(st, d + 1, k, x->text + strlen(x->text));
		x->last = k;
		return 1;
	}
	if (((k = weekday_at(st, d, 1)) > d || isw(st, d, "week") ||
	     isw(st, d, "wk")) && isw(st, k > d ? k : d + 1, "after") &&
	    (isw(st, (k > d ? k : d + 1) + 1, "that") ||
	     isw(st, (k > d ? k : d + 1) + 1, "this") ||
	     is_boundary(st, (k > d ? k : d + 1) + 1) ||
	     tk(st, (k > d ? k : d + 1) + 1)->kind == TK_END)) {
		ptrdiff_t e = k > d ? k : d + 1;

		strcpy(x->text, "following ");
		keep_words(st, d, e, x->text + strlen(x->text));
		x->last = e + 1 + (isw(st, e + 1, "that") || isw(st, e + 1, "this"));
		return 1;
	}
	/* "no later than friday" */
	if (isw(st, j, "no") && isw(st, j + 1, "later") &&
	    isw(st, j + 2, "than")) {
		j += 3;
		prep = 1;
	}
	/* "as of March": as "from March" */
	if (isw(st, j, "as") && isw(st, j + 1, "of")) {
		j += 2;
		prep = 1;
		lead = 1;
	}
	while (prep < 2 && inw(st, j, preps) && !isw(st, j, "no")) {
		if (isw(st, j, "beginning") || isw(st, j, "commencing"))
			lead = 1;
		j++;
		prep++;
	}
	/* "$40 a month in January", "the first one in January": a month
	 * after a run of payments, or after its first payment, starts it */
	if (prep == 0 && isw(st, j, "in") && inw(st, j + 1, months) &&
	    (run_before(st, j) || first_before(st, j))) {
		j++;
		prep = 1;
		lead = 1;
	}
	/* "dated 11/20", "since the 1st": days that are not for paying */
	if (isw(st, i - 1, "dated") || isw(st, i - 1, "since"))
		return 0;
	/* "from March", "starting in February", "from the new year": a month
	 * named alone starts on its 1st; "by March", "before June": by its
	 * last day ("until March" is left alone: as often a pause as a day) */
	if (prep > 0) {
		int start = isw(st, j - 1, "starting") || lead;

		/* "from" starts payments said just before it ("$25 a month
		 * from March"), not an invoice's month ("the bill from March") */
		if (isw(st, j - 1, "from") && !start)
			start = run_before(st, j - 1) || first_before(st, j - 1);
		int by = isw(st, j - 1, "by") || isw(st, j - 1, "before");
		ptrdiff_t m = start && isw(st, j, "in") ? j + 1 : j;
		char month[16];

		if (start && isw(st, m, "the") && isw(st, m + 1, "new") &&
		    isw(st, m + 2, "year")) {
			strcpy(x->text, "january 1");
			x->last = m + 3;
			return 1;
		}
		if ((start || by) && inw(st, m, months) &&
		    tk(st, m + 1)->kind != TK_NUM && ordinal_at(st, m + 1) == m + 1 &&
		    !(isw(st, m + 1, "the") && ordinal_at(st, m + 2) > m + 2)) {
			keep_words(st, m, m + 1, month);
			snprintf(x->text, sizeof x->text, start ? "%s 1" : "end of %s",
			    month);
			x->last = m + 1;
			return 1;
		}
	}
	/* "for now", "until now": not a day */
	if (isw(st, j, "now") && (isw(st, i - 1, "for") || isw(st, i - 1, "until") ||
	    isw(st, i - 1, "till") || isw(st, i - 1, "til")))
		return 0;
	/* "now 48 days old": a state, not a time to pay */
	if (isw(st, j, "now") && (tk(st, j + 1)->kind == TK_NUM ||
	    numword(st, j + 1) > 0))
		return 0;
	if (inw(st, j, now_words) ||
	    (isw(st, j, "right") && (isw(st, j + 1, "now") ||
	     isw(st, j + 1, "away"))) ||
	    (isw(st, j, "straight") && isw(st, j + 1, "away")) ||
	    (isw(st, j, "up") && isw(st, j + 1, "front"))) {
		k = inw(st, j, now_words) ? j + 1 : j + 2;
		strcpy(x->text, "now");
		x->last = k;
		return 1;
	}
	k = j;
	if (isw(st, j, "today") || isw(st, j, "tonight") || isw(st, j, "eod") ||
	    isw(st, j, "eom") || isw(st, j, "payday"))
		k = j + 1;
	else if (isw(st, j, "tomorrow"))
		k = inw(st, j + 1, day_parts) ? j + 2 : j + 1;
	else if (isw(st, j, "later") && (isw(st, j + 1, "today") ||
	         isw(st, j + 1, "tonight")))
		k = j + 2;
	else if (isw(st, j, "the") && nth_word(st, j + 1) != 0 &&
	         (d = weekday_at(st, j + 2, 1)) > j + 2 && isw(st, d, "of")) {
		/* "the last Friday of each month", "the first Monday of
		 * every month": a day of each month by its weekday */
		x->nth = nth_word(st, j + 1);
		x->wday = weekday_num(st, j + 2);
		k = d;
	} else if ((d = weekday_at(st, j, prep)) > j) {
		/* "Friday the 13th of November", "Friday, November 13": the
		 * date said with the weekday is the day */
		ptrdiff_t m = isp(st, d, ',') ? d + 1 : d, e = date_at(st, m, 0);

		k = d;
		if (e > m) {
			j = m;
			k = e;
		}
	} else if ((d = holiday_at(st, j)) > j)
		k = d;
	else if ((isw(st, j, "this") || isw(st, j, "next") ||
	          isw(st, j, "coming")) &&
	         (inw(st, j + 1, spans) || inw(st, j + 1, day_parts)))
		k = j + 2;
	else if ((isw(st, j, "this") || isw(st, j, "next") ||
	          isw(st, j, "coming")) && (d = weekday_at(st, j + 1, 1)) > j + 1)
		k = d;
	else if (isw(st, j, "this") && isw(st, j + 1, "coming") &&
	         (d = weekday_at(st, j + 2, 1)) > j + 2)
		k = d;
	else if ((isw(st, j, "end") ||
	          (isw(st, j, "the") && isw(st, j + 1, "end"))) &&
	         isw(st, j + (isw(st, j, "the") ? 2 : 1), "of")) {
		ptrdiff_t e = j + (isw(st, j, "the") ? 3 : 2);

		if (isw(st, e, "the") || isw(st, e, "this") || isw(st, e, "next"))
			e++;
		if (inw(st, e, spans) || isw(st, e, "day") || inw(st, e, months)) {
			if (isw(st, j, "the"))
				j++;
			k = e + 1;
		}
	} else if (!prep && (isw(st, j, "in") || isw(st, j, "within"))) {
		/* "in 2 weeks", "within 7 days", "in a month" */
		double n;
		ptrdiff_t c = count_number(st, j + 1, &n);

		if (isw(st, j + 1, "a") && (isw(st, j + 2, "few") ||
		    isw(st, j + 2, "couple"))) {
			c = j + 3;
			if (isw(st, c, "of"))
				c++;
		}
		if (c > j + 1 && inw(st, c, durations))
			k = c + 1 + (isw(st, c + 1, "time"));  /* "a month's time" */
	} else {
		k = date_at(st, j, prep);
	}
	if (k == j)
		return 0;
	keep_words(st, j, k, x->text);
	x->last = k;
	/* "on the 1st of December, January and February", "the 28th of this
	 * month and next": the same day in more months */
	if (k > j + 1 && (month_num(st, k - 1) > 0 ||
	    (isw(st, k - 1, "month") &&
	     (isw(st, k - 2, "this") || isw(st, k - 2, "next")))) &&
	    (ordinal_at(st, j) > j || (isw(st, j, "the") &&
	     ordinal_at(st, j + 1) > j + 1) || small_day(tk(st, j))))
		x->last = more_months(st, k, x);
	/* "on the 9th, 16th, 23rd and 30th": more days of the month, each a
	 * payment of the same sum */
	if (isw(st, j, "the") && tk(st, j + 1)->kind == TK_NUM &&
	    ordinal_at(st, j + 1) == k) {
		for (;;) {
			ptrdiff_t m = k;

			if (isp(st, m, ','))
				m++;
			if (isw(st, m, "and"))
				m++;
			if (isw(st, m, "the"))
				m++;
			if (m == k || tk(st, m)->kind != TK_NUM ||
			    ordinal_at(st, m) != m + 2 || x->nmore >= 8)
				break;
			x->more[x->nmore++] = (unsigned char)tk(st, m)->val;
			k = m + 2;
		}
		x->last = k;
	}
	return 1;
}

/* A share of the balance at I: "half", "25%", "a third", "two thirds",
 * "the full amount", "in full", the rest ("the rest", "the remainder", "the
 * balance" after an upfront part).  HAVE_HEAD: a proposed head came
 * before; VERB_NEAR: a payment verb just before ("pay the balance"). */
static int
share_at(struct stream *st, ptrdiff_t i, struct item *x, int have_head,
         int verb_near)
{
	static const char *const half_not_before[] = {
		"first", "second", "last", "next", "other", "latter", "former", NULL
	};
	static const char *const fracs[] = {
		"third", "thirds", "quarter", "quarters", "fourth", "fourths",
		"fifth", "fifths", "tenth", "tenths", NULL
	};
	static const char *const quarter_not_before[] = {
		"last", "this", "next", "first", "second", "third", "fourth", NULL
	};
	/* verbs whose "it" is the whole debt ("send it" may be a letter;
	 * "I'll pay it next week" is a promise, not terms) */
	static const char *const it_verbs[] = {
		"clear", "settle", "repay", "clearing", "settling", NULL
	};
	const struct tok *t = tk(st, i);
	ptrdiff_t j = i;
	double num = 0, den = 0;
	int pmag;

	x->first = i;
	if (t->kind == TK_NUM && !t->grouped && t->val > 0 && t->val <= 100 &&
	    !(tk(st, i - 1)->kind == TK_WORD && !t->sp)) {
		j = i + 1;
		if (isp(st, j, '%'))
			j++;
		else if (isw(st, j, "percent") || isw(st, j, "pct"))
			j++;
		else if (isw(st, j, "per") && isw(st, j + 1, "cent"))
			j += 2;
		else
			return 0;
		if (inw(st, j, pct_not) || (isw(st, j, "of") && isw(st, j + 1,
		    "the") && isw(st, j + 2, "time")))
			return 0;
		x->kind = IT_SHARE;
		x->v = t->val / 100;
		x->last = j;
		return 1;
	}
	if (t->kind == TK_WORD && (j = words_number(st, i, &num, &pmag)) > i &&
	    num >= 1 && num <= 100 && (isw(st, j, "percent") ||
	    isw(st, j, "pct") || (isw(st, j, "per") && isw(st, j + 1, "cent")))) {
		/* "seventy-five percent" */
		j += isw(st, j, "per") ? 2 : 1;
		if (inw(st, j, pct_not))
			return 0;
		x->kind = IT_SHARE;
		x->v = num / 100;
		x->last = j;
		return 1;
	}
	num = 0;
	j = i;
	if (isw(st, j, "a") || isw(st, j, "one"))
		j += isw(st, j + 1, "half");
	if (isw(st, j, "half")) {
		if (j == i && inw(st, i - 1, half_not_before))
			return 0;
		if (inw(st, j + 1, time_nouns) ||
		    ((isw(st, j + 1, "a") || isw(st, j + 1, "an") ||
		      isw(st, j + 1, "the")) && inw(st, j + 2, time_nouns)))
			return 0;
		x->kind = IT_SHARE;
		x->v = 0.5;
		x->last = j + 1;
		return 1;
	}
	j = i;
	if (isw(st, j, "the"))
		j++;
	if ((isw(st, j, "other") || isw(st, j, "remaining")) &&
	    isw(st, j + 1, "half")) {
		x->kind = IT_REST;
		x->last = j + 2;
		return 1;
	}
	if (isw(st, j, "rest") || isw(st, j, "remainder") ||
	    (isw(st, j, "remaining") && j > i)) {
		x->kind = IT_REST;
		x->last = j + 1;
		if (isw(st, j, "remaining") && (isw(st, j + 1, "balance") ||
		    isw(st, j + 1, "amount") || isw(st, j + 1, "sum")))
			x->last = j + 2;
		return 1;
	}
	if ((isw(st, i, "what's") || isw(st, i, "whatever's")) &&
	    isw(st, i + 1, "left")) {
		x->kind = IT_REST;
		x->last = i + 2;
		return 1;
	}
	if ((isw(st, i, "what") || isw(st, i, "whatever")) &&
	    isw(st, i + 1, "is") && isw(st, i + 2, "left")) {
		x->kind = IT_REST;
		x->last = i + 3;
		return 1;
	}
	if (isw(st, j, "balance") && j > i && (have_head || verb_near)) {
		x->kind = have_head ? IT_REST : IT_FULL;
		x->last = j + 1;
		return 1;
	}
	/* "a third", "two thirds", "one quarter" */
	j = i;
	if (isw(st, j, "a") || isw(st, j, "an") || isw(st, j, "one"))
		num = 1;
	else if (isw(st, j, "two"))
		num = 2;
	else if (isw(st, j, "three"))
		num = 3;
	else if (t->kind == TK_NUM && !t->frac && t->idig == 1 && t->val >= 1)
		num = t->val;
	else if ((isw(st, i, "third") || isw(st, i, "quarter") ||
	          isw(st, i, "fifth") || isw(st, i, "tenth")) &&
	         (isw(st, i - 1, "last") || isw(st, i - 1, "final") ||
	          isw(st, i - 1, "other") || isw(st, i - 1, "remaining")))
		num = 1, j = i - 1;  /* "the last third" */
	if (num > 0 && inw(st, j + 1, fracs)) {
		if (isw(st, j + 1, "third") || isw(st, j + 1, "thirds"))
			den = 3;
		else if (isw(st, j + 1, "fifth") || isw(st, j + 1, "fifths"))
			den = 5;
		else if (isw(st, j + 1, "tenth") || isw(st, j + 1, "tenths"))
			den = 10;
		else
			den = 4;
		if (num > den || inw(st, j + 2, time_nouns) ||
		    isw(st, j + 2, "to") ||
		    (isw(st, j + 2, "of") && (isw(st, j + 3, "an") ||
		     isw(st, j + 3, "a"))) ||
		    (den == 4 && inw(st, i - 1, quarter_not_before)))
			return 0;
		x->kind = IT_SHARE;
		x->v = num / den;
		x->last = j + 2;
		return 1;
	}
	/* the whole balance */
	if (isw(st, i, "in") && isw(st, i + 1, "full")) {
		x->kind = IT_FULL;
		x->last = i + 2;
		return 1;
	}
	j = i;
	if (isw(st, j, "the") || isw(st, j, "your") || isw(st, j, "this") ||
	    isw(st, j, "that"))
		j++;
	if ((isw(st, j, "full") || isw(st, j, "whole") || isw(st, j, "entire") ||
	     isw(st, j, "complete")) && inw(st, j + 1, full_nouns)) {
		x->kind = IT_FULL;
		x->last = j + 2;
		return 1;
	}
	/* "clear it in a month", "have it paid by friday" */
	if (isw(st, i, "it") && !isw(st, i + 1, "all") &&
	    !isw(st, i + 1, "back") && (inw(st, i - 1, it_verbs) ||
	     ((isw(st, i - 1, "pay") || isw(st, i - 1, "paying")) &&
	      isw(st, i + 1, "off")) ||
	     ((isw(st, i - 1, "have") || isw(st, i - 1, "get")) &&
	      isw(st, i + 1, "paid")))) {
		x->kind = IT_FULL;
		x->weak = 1;
		x->last = isw(st, i + 1, "off") || isw(st, i + 1, "paid") ? i + 2 :
		    i + 1;
		return 1;
	}
	if ((isw(st, i, "all") && isw(st, i + 1, "of") && isw(st, i + 2, "it")) ||
	    (isw(st, i, "it") && isw(st, i + 1, "all")) ||
	    (isw(st, i, "the") && isw(st, i + 1, "lot")) ||
	    (isw(st, i, "everything") && verb_near)) {
		ptrdiff_t after = isw(st, i, "all") ? i + 3 :
		    isw(st, i, "everything") ? i + 1 : i + 2;

		/* "put it all in writing", "send everything over by email":
		 * paperwork, not money. */
		if ((isw(st, after, "in") && (isw(st, after + 1, "writing") ||
		     isw(st, after + 1, "an") || isw(st, after + 1, "the"))) ||
		    isw(st, after, "down") || isw(st, after, "together") ||
		    isw(st, after, "over") || (isw(st, after, "on") &&
		     isw(st, after + 1, "paper")) || isw(st, after, "via") ||
		    (isw(st, after, "by") && (isw(st, after + 1, "email") ||
		     isw(st, after + 1, "e-mail") || isw(st, after + 1, "post"))))
			return 0;
		x->kind = IT_FULL;
		x->last = after;
		return 1;
	}
	return 0;
}

/* Whether token I closes a clause. */
static int
is_boundary(struct stream *st, ptrdiff_t i)
{
	const struct tok *t = tk(st, i);

	if (t->kind == TK_PUNCT)
		return strchr(".;!?,()", t->ch) != NULL ||
		       (t->ch == '-' && t->sp && tk(st, i + 1)->sp);
	return inw(st, i, clause_words);
}

/* Whether head X is placed in the past by what follows it in its clause,
 * before any payment verb: "£100 on Friday last time", "200 a month
 * last year", "50 two weeks ago" ("like last time" compares). */
static int
said_before(struct stream *st, const struct item *x)
{
	static const char *const spans[] = {
		"time", "week", "month", "year", "fortnight", "night", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"christmas", "summer", "winter", "spring", "autumn", NULL
	};
	ptrdiff_t k;
	int steps;

	for (k = x->last, steps = 0; steps < 8; k++, steps++) {
		if (tk(st, k)->kind == TK_END || is_boundary(st, k) ||
		    isw(st, k, "and") || inw(st, k, pay_verbs))
			return 0;
		if (isw(st, k, "ago") || isw(st, k, "yesterday") ||
		    (isw(st, k, "last") && inw(st, k + 1, spans) &&
		     !isw(st, k - 1, "as") && !isw(st, k - 1, "like") &&
		     !isw(st, k - 1, "than") && !isw(st, k - 1, "the")))
			return 1;
	}
	return 0;
}

/* Whether head X is said to be what a charge was for, not paid: "the 570
 * is for tyres I never asked for", "that 300 was for the callout"
 * ("500 is for friday" is a day). */
static int
what_for(struct stream *st, const struct item *x)
{
	static const char *const not_thing[] = {
		"you", "now", "it", "that", "this", "me", "us", "them", "today",
		"tomorrow", "next", NULL
	};
	struct item day;
	ptrdiff_t k = x->last;

	if (isw(st, k, "one"))
		k++;
	if (!(isw(st, k, "is") || isw(st, k, "was") || isw(st, k, "'s") ||
	      isw(st, k, "s")) || !isw(st, k + 1, "for"))
		return 0;
	k += 2;
	memset(&day, 0, sizeof day);
	return tk(st, k)->kind == TK_WORD && !inw(st, k, not_thing) &&
	    !when_at(st, k, &day) && !when_at(st, k - 1, &day);
}

enum cost { COST_NONE = 0, COST_FEE, COST_CREDIT };

/* What the words from token K, just after an amount, name it: a fee or
 * charge ("£10 reminder fee", "the $35 returned-check fee", "the £40 late
 * payment charge") or a sum taken off ("the $250 credit memo", "£150 Warm
 * Home Discount", "a $70 write-off").  Up to three words may describe it;
 * a word that starts a new phrase ("on", "today", "and") ends the look. */
static enum cost
cost_after(struct stream *st, ptrdiff_t k, ptrdiff_t *noun)
{
	static const char *const fees[] = {
		"fee", "fees", "charge", "charges", "surcharge", "penalty",
		"penalties", NULL
	};
	static const char *const credits[] = {
		"credit", "credits", "discount", "discounts", "rebate", "refund",
		"allowance", NULL
	};
	static const char *const ends[] = {
		"on", "by", "for", "to", "today", "now", "tomorrow", "and", "or",
		"a", "an", "the", "of", "in", "i", "we", "you", "if", "but", "so",
		"is", "was", "will", "be", "that", "this", "it", "per", "each",
		"every", "week", "month", "upfront", "off", "from", "with", "then",
		"i'll", "we'll", "you'll", "it's", "that's", "at", NULL
	};
	int steps;

	for (steps = 0; steps < 4; steps++, k++) {
		const struct tok *t = tk(st, k);

		*noun = k;
		if (isw(st, k, "write") && isp(st, k + 1, '-') &&
		    isw(st, k + 2, "off")) {
			*noun = k + 2;
			return COST_CREDIT;
		}
		if (inw(st, k, fees))
			return COST_FEE;
		if (inw(st, k, credits))
			return COST_CREDIT;
		/* "returned-check fee" */
		if (isp(st, k, '-') && steps > 0 && tk(st, k + 1)->kind == TK_WORD)
			continue;
		if (t->kind != TK_WORD || inw(st, k, ends))
			return COST_NONE;
	}
	return COST_NONE;
}

/* Whether the debt word at K is the fee another sum just before it is
 * ("take the £40 late payment charge off if the full £4,850 is in"): it
 * names that sum, not the debt of what follows. */
static int
names_cost_before(struct stream *st, ptrdiff_t k)
{
	ptrdiff_t j, noun;

	for (j = k - 1; j >= k - 4 && j >= 0; j--)
		if (tk(st, j)->kind == TK_NUM)
			return cost_after(st, j + 1, &noun) != COST_NONE && noun == k;
	return 0;
}

/* Whether the speaker says, just after token K, that they pay it: "the $35
 * fee I'll pay today", "the late fee we can cover too". */
static int
paid_by_speaker(struct stream *st, ptrdiff_t k)
{
	static const char *const subj[] = {
		"i'll", "we'll", "i", "we", NULL
	};
	static const char *const modal[] = {
		"can", "will", "could", "shall", "'ll", "ll", "also", "too", NULL
	};
	int steps;

	if (!inw(st, k, subj))
		return 0;
	for (k++, steps = 0; steps < 2 && inw(st, k, modal); steps++)
		k++;
	return isw(st, k, "pay") || isw(st, k, "cover") || isw(st, k, "send") ||
	    isw(st, k, "add") || isw(st, k, "include");
}

int
rc_amount_named_cost(const char *text, size_t end)
{
	struct stream st;
	ptrdiff_t k, noun;

	if (text == NULL)
		return 0;
	stream_init(&st, text);
	for (k = 0; tk(&st, k)->kind != TK_END && tk(&st, k)->start < end; k++)
		;
	return cost_after(&st, k, &noun) != COST_NONE;
}

/* Whether the words at I say a payment leaving or arriving: "the next
 * 300 comes out on the 1st", "900 goes out on the 1st of January", "my
 * 600 lands friday" ("it comes to $900" is a sum, not a payment). */
static int
money_moves(struct stream *st, ptrdiff_t i)
{
	if ((isw(st, i, "comes") || isw(st, i, "come") || isw(st, i, "goes") ||
	     isw(st, i, "go") || isw(st, i, "going") || isw(st, i, "coming")) &&
	    isw(st, i + 1, "out") && !isw(st, i + 2, "at") &&
	    !isw(st, i + 2, "to"))
		return 1;
	return isw(st, i, "lands") || isw(st, i, "land") ||
	    isw(st, i, "landing");
}

/* Whether what is said ends at K: a stop, the end, or a new clause
 * ("so", "and", "but"), with no day or rate said first. */
static int
said_end(struct stream *st, ptrdiff_t k)
{
	const struct tok *t = tk(st, k);

	return t->kind == TK_END || (t->kind == TK_PUNCT && t->ch != '-' &&
	    t->ch != '/') || isw(st, k, "so") || isw(st, k, "and") ||
	    isw(st, k, "but");
}

/* Whether sum X is what a thing is or costs: "Valentine's stock alone is
 * 2k", "the new boiler was £3,000" (a noun after "the", "my" or a
 * possessive, then "is"/"was"); "my offer is 500", "the first payment is
 * 300", "that's 500" stand. */
static int
thing_is(struct stream *st, const struct item *x)
{
	static const char *const cop[] = { "is", "was", "are", "were", NULL };
	static const char *const alone[] = {
		"alone", "only", "just", "itself", "by", "on", "its", "own", NULL
	};
	static const char *const dets[] = {
		"the", "my", "our", "his", "her", "their", "this", "that", NULL
	};
	static const char *const not_things[] = {
		"amount", "figure", "sum", "number", "offer", "price", "best",
		"most", "max", "maximum", "limit", "payment", "deposit", "plan",
		"instalment", "installment", "proposal", "idea", "budget", "it",
		"that", "this", "which", "what", "there", "here", NULL
	};
	ptrdiff_t j = x->first - 1;
	const struct tok *t;
	int steps;

	if (tk(st, j)->kind == TK_CUR)
		j--;
	if (!inw(st, j, cop) || !said_end(st, x->last))
		return 0;
	j--;
	for (steps = 0; steps < 3 && inw(st, j, alone); steps++)
		j--;
	t = tk(st, j);
	if (t->kind != TK_WORD || inw(st, j, not_things) ||
	    inw(st, j, pay_verbs) || inw(st, j, pay_nouns) ||
	    inw(st, j, debt_words) || inw(st, j, cue_words))
		return 0;
	t = tk(st, j - 1);
	return inw(st, j - 1, dets) || (t->kind == TK_WORD &&
	    t->end - t->start > 2 && st->s[t->end - 1] == 's' &&
	    (st->s[t->end - 2] == '\'' ||
	     (U(st->s[t->end - 2]) == 0x99 && t->end - t->start > 4)));
}

/* Whether the words from K, just after a sum, say it was paid: "€200 of
 * that was paid on the day", "$500 has already been sent". */
static int
paid_after(struct stream *st, ptrdiff_t k)
{
	static const char *const aux[] = {
		"was", "were", "has", "have", "had", "been", "already", NULL
	};
	int steps, seen = 0;

	if (isw(st, k, "of") && (isw(st, k + 1, "that") ||
	    isw(st, k + 1, "it") || isw(st, k + 1, "which")))
		k += 2;
	for (steps = 0; steps < 3 && inw(st, k, aux); steps++, k++)
		seen = 1;
	return seen && inw(st, k, past_words) && !isw(st, k, "last") &&
	    !isw(st, k, "made");
}

/* Whether head X (its first token at I) is a payment that did not come
 * or a sum denied: "the 900 didn't come through on the 1st", "your 900
 * never arrived", "the 900 hasn't reached us", "we didn't get the 900",
 * "we never received your $900", "I didn't say 900".  Such a sum is past,
 * not proposed. */
static int
missed(struct stream *st, const struct item *x, ptrdiff_t i)
{
	static const char *const negs[] = {
		"didn't", "didnt", "never", "hasn't", "hasnt", "haven't",
		"havent", "wasn't", "wasnt", "hadn't", NULL
	};
	static const char *const arrive[] = {
		"come", "came", "arrive", "arrived", "reach", "reached", "land",
		"landed", "clear", "cleared", "go", "went", "turn", "turned",
		"show", "showed", "hit", "appear", "appeared", "bounce", NULL
	};
	static const char *const receive[] = {
		"get", "got", "receive", "received", "see", "seen", "saw",
		"say", "said", "mean", "meant", NULL
	};
	ptrdiff_t k;
	int steps;

	for (k = x->last, steps = 0; steps < 8; k++, steps++) {
		if (tk(st, k)->kind == TK_END || is_boundary(st, k) ||
		    (inw(st, k, pay_verbs) && !inw(st, k, pay_nouns) &&
		    !isw(st, k, "plan")))
			break;
		if ((inw(st, k, negs) && (inw(st, k + 1, arrive) ||
		    (isw(st, k + 1, "yet") && inw(st, k + 2, arrive)))) ||
		    (isw(st, k, "did") && isw(st, k + 1, "not") &&
		    inw(st, k + 2, arrive)))
			return 1;
	}
	for (k = i - 1, steps = 0; k >= 0 && steps < 5; k--, steps++) {
		if (is_boundary(st, k))
			break;
		if (inw(st, k, receive) && (inw(st, k - 1, negs) ||
		    (isw(st, k - 1, "not") && isw(st, k - 2, "did")) ||
		    (isw(st, k - 1, "yet") && inw(st, k - 2, negs))))
			return 1;
	}
	return 0;
}

/* Whether C marks a head at I as a debt, a payment made, or not a payment;
 * sets X->skip and X->rescue. */
static void
mark_head(struct stream *st, const struct clause *c, struct item *x,
          ptrdiff_t i)
{
	static const char *const fwd_fill[] = {
		"is", "was", "are", "were", "still", "that", "which", "you", "that's",
		"currently", "in", "the", "all", "now", "s", "we're", "being", NULL
	};
	static const char *const neg_fill[] = {
		"is", "was", "would", "be", "just", "way", "far", "a", "bit",
		"little", "much", "simply", "really", "s", "that's", "it's", NULL
	};
	static const char *const too_words[] = {
		"too", "impossible", "not", "unrealistic", "unaffordable", NULL
	};
	/* what may stand between an amount and its refusal: a rate or a
	 * time said with it */
	static const char *const rate_fill[] = {
		"a", "an", "per", "every", "each", "week", "wk", "month", "fortnight",
		"now", "today", "upfront", "by", "on", "friday", "monday", "tuesday",
		"wednesday", "thursday", "saturday", "sunday", "tomorrow", "even",
		NULL
	};
	static const char *const refuse_after[] = {
		"doesn't", "doesnt", "won't", "wont", "isn't", "isnt", "wouldn't",
		"wouldnt", "aint", "ain't", NULL
	};
	static const char *const income_after[] = {
		"pension", "salary", "wages", "income", "payroll", "rent",
		"mortgage", "benefits", NULL
	};
	ptrdiff_t k;
	int debt = 0, credit = 0, into = 0, steps;

	{
		ptrdiff_t j = x->first - 1;

		if (tk(st, j)->kind == TK_CUR)
			j--;
		if (isw(st, j, "the"))
			j--;
		x->along = isw(st, j, "with") && !isw(st, j - 1, "deal") &&
		    !isw(st, j - 1, "help");
	}
#define RECENT(w) ((w) >= 0 && (w) > c->verb && i - (w) <= 8)
	if (RECENT(c->debt) && !names_cost_before(st, c->debt))
		debt = 1;
	if (x->kind == IT_AMT || x->kind == IT_SHARE) {
		/* "take fifty quid off", "knock £70 off for the tyres", "a 5%
		 * prompt-pay discount": a sum taken off the debt */
		static const char *const take_off[] = {
			"take", "taking", "knock", "knocking", "shave", "shaving",
			"took", "knocked", NULL
		};
		ptrdiff_t noun;

		if ((isw(st, x->last, "off") && (inw(st, i - 1, take_off) ||
		     inw(st, i - 2, take_off) || inw(st, i - 3, take_off))) ||
		    (x->kind == IT_SHARE &&
		     cost_after(st, x->last, &noun) == COST_CREDIT))
			credit = 1;
	}
	if (x->kind == IT_AMT || x->kind == IT_FULL) {
		static const char *const late_words[] = {
			"overdue", "outstanding", "due", "late", "unpaid", "owed",
			"owing", "arrears", NULL
		};

		/* "$3,120 you owe", "$3,120 outstanding" */
		k = x->last;
		for (steps = 0; steps < 3 && (inw(st, k, fwd_fill) ||
		     isp(st, k, '\'') || isp(st, k, ',')); steps++)
			k++;
		/* "$3,120 you owe", "INV-2291 for $1,840, due September 15" */
		if (inw(st, k, debt_words) && !money_moves(st, k))
			debt = 1;
		/* "a credit of $640", "credit you 120", "refund the $35": a
		 * sum taken off, not paid */
		{
			static const char *const credit_words[] = {
				"credit", "credited", "crediting", "refund",
				"refunded", "rebate", "discount", "waive",
				"waived", "waiving", NULL
			};

			ptrdiff_t j;

			for (j = i - 1; j >= i - 3; j--)
				if (inw(st, j, credit_words))
					credit = 1;
			/* "a credit for the returned vases, $120", "your credit
			 * memo for the banners was $155.50": the sum the credit
			 * is, said a little after it with no payment between */
			for (j = i - 1; !credit && j >= i - 9; j--) {
				if (inw(st, j, pay_verbs) || isp(st, j, '.') ||
				    isp(st, j, '?') || isp(st, j, '!') ||
				    isp(st, j, ';') || tk(st, j)->kind == TK_NUM ||
				    tk(st, j)->kind == TK_END)
					break;
				if (isw(st, j, "credit") && !isw(st, j - 1, "on") &&
				    !isw(st, j - 1, "by") && !isw(st, j + 1, "card"))
					credit = 1;
			}
			if (cost_after(st, x->last, &j) == COST_CREDIT)
				credit = 1;
		}

		/* "something towards the 6,750", "put against the balance of
		 * $6,750": the sum paid into, not a payment */
		{
			ptrdiff_t b = isw(st, i - 1, "the") || isw(st, i - 1, "your") ||
			    isw(st, i - 1, "that") || isw(st, i - 1, "this") ? i - 2 : i - 1;

			if (isw(st, b, "towards") || isw(st, b, "toward") ||
			    isw(st, b, "against"))
				into = 1;
			else if (isw(st, b, "of") && isw(st, b - 2, "against") &&
			    (isw(st, b - 1, "balance") || isw(st, b - 1, "debt") ||
			     isw(st, b - 1, "arrears") || isw(st, b - 1, "bill")))
				into = 1;
		}
		/* "that brings the balance to $7,760", "takes your bill down
		 * to $900": what is owed after a change, said */
		if (isw(st, i - 1, "to")) {
			ptrdiff_t j;

			for (j = i - 2; j >= i - 6; j--)
				if (inw(st, j, debt_words) || isw(st, j, "account"))
					debt = 1;
		}
		/* "so $3,635 altogether", "6,750 all up", "$900 in all": a sum
		 * worked out (a payment verb may still ask for it) */
		if (k == x->last && (isw(st, k, "altogether") ||
		    isw(st, k, "combined") || ((isw(st, k, "in") ||
		    isw(st, k, "all")) && (isw(st, k + 1, "all") ||
		    isw(st, k + 1, "total") || isw(st, k + 1, "up") ||
		    isw(st, k + 1, "told")))))
			debt = 1;
		/* "and the 120 fee on the 31st": the fee may be paid */
		/* "the £10 reminder fee": owed, unless the speaker pays it
		 * ("the $35 returned-check fee I'll pay today") */
		{
			ptrdiff_t noun;

			x->fee = cost_after(st, x->last, &noun) == COST_FEE;
			if (x->fee && !paid_by_speaker(st, noun + 1))
				debt = 1;
		}
		/* "$1,280, now 47 days overdue", "the full balance becomes
		 * due": a lateness word before any payment verb or the end of
		 * the sentence ("by the due date" is a date, not a debt). */
		for (k = x->last, steps = 0; !debt && steps < 7; k++, steps++) {
			if (tk(st, k)->kind == TK_END || isp(st, k, '.') ||
			    isp(st, k, ';') || isp(st, k, '?') || isp(st, k, '!') ||
			    (isp(st, k, ',') && k > x->last) || inw(st, k, pay_verbs))
				break;
			if (inw(st, k, late_words) && !isw(st, k + 1, "date"))
				debt = 1;
		}
	}
	if (RECENT(c->past) || said_before(st, x) || paid_after(st, x->last) ||
	    missed(st, x, i))
		x->skip = SK_PAST;
	else if (RECENT(c->notpay))
		x->skip = SK_OTHER;
	else if (c->neg >= 0 && c->neg > c->cap && i - c->neg <= 8)
		x->skip = SK_OTHER;
	else if (credit || into)
		x->skip = SK_OTHER;
	else if (debt)
		x->skip = SK_DEBT;
	x->rescue = x->skip == SK_DEBT && c->verb >= 0;
#undef RECENT
	/* "$900 is too much", "1,000 a month doesn't work", "1,500 doesn't
	 * even cover it", "900 a month pension": past a rate or time said
	 * with it */
	k = x->last;
	for (steps = 0; steps < 6 && (inw(st, k, neg_fill) || isp(st, k, '\'') ||
	     inw(st, k, rate_fill)); steps++)
		k++;
	if (x->skip == SK_NO && (what_for(st, x) || thing_is(st, x)))
		x->skip = SK_OTHER;
	/* "that's the 1,840 one": which invoice, not a payment */
	if (x->skip == SK_NO && x->kind == IT_AMT && isw(st, x->last, "one") &&
	    said_end(st, x->last + 1) &&
	    (isw(st, x->first - 1, "the") || (tk(st, x->first - 1)->kind ==
	     TK_CUR && isw(st, x->first - 2, "the"))) && c->verb < 0)
		x->skip = SK_DEBT;
	if (x->skip == SK_NO && (inw(st, k, too_words) ||
	    inw(st, k, refuse_after) || inw(st, k, income_after) ||
	    /* "£200 a month is no good", "... is no use to us" */
	    (isw(st, k, "no") && (isw(st, k + 1, "good") ||
	     isw(st, k + 1, "use"))) ||
	    /* "£2,100 a month take-home", "take home pay" */
	    (isw(st, k, "take") && (isw(st, k + 1, "home") ||
	     (isp(st, k + 1, '-') && isw(st, k + 2, "home"))))))
		x->skip = SK_OTHER;
}

/* Whether the word at I says money coming in to the speaker's side:
 * "I only get", "we bring in", "she takes home", "I'm on" before a sum
 * ("I get €1,200 a month on the pension", "we bring in about 2k a week").
 * Said of a person with no modal ("I can get you 500" offers), and
 * followed by the sum, perhaps after "paid" or a hedge. */
static int
income_at(struct stream *st, ptrdiff_t i)
{
	static const char *const subjects[] = {
		"i", "we", "he", "she", "they", "husband", "wife", "partner",
		"i'm", "we're", "he's", "she's", "they're", NULL
	};
	static const char *const hedges[] = {
		"only", "just", "barely", "about", "around", "roughly", "usually",
		"normally", "currently", "now", "still", "maybe", "probably",
		"really", "like", "approximately", "paid", "in", "home", "-", NULL
	};
	static const char *const conditions[] = {
		"can", "could", "would", "will", "if", "once", "when", "unless",
		"provided", "should", "as", "until", "till", "soon", NULL
	};
	ptrdiff_t j = i - 1, k;
	int steps;

	if (isw(st, i, "get") || isw(st, i, "gets") || isw(st, i, "receive") ||
	    isw(st, i, "receives") || isw(st, i, "net") || isw(st, i, "nets"))
		k = i + 1;
	else if ((isw(st, i, "take") || isw(st, i, "takes") ||
	          isw(st, i, "bring") || isw(st, i, "brings")) &&
	         (isw(st, i + 1, "home") || (isw(st, i + 1, "in") &&
	          !isw(st, i, "take")) || (isp(st, i + 1, '-') &&
	          isw(st, i + 2, "home"))))
		k = i + 1;
	else if (isw(st, i, "on") && (isw(st, i - 1, "i'm") ||
	         isw(st, i - 1, "we're") || isw(st, i - 1, "he's") ||
	         isw(st, i - 1, "she's")))
		k = i + 1;
	else
		return 0;
	for (steps = 0; steps < 3 && j >= 0 && inw(st, j, hedges) &&
	     !isw(st, j, "paid") && !isw(st, j, "in"); steps++)
		j--;
	/* "can we get $1,200", "if we receive $1,560 by the 11th": the
	 * money asked for, not income */
	if ((!inw(st, j, subjects) && !isw(st, i, "on")) ||
	    inw(st, j - 1, conditions))
		return 0;
	for (steps = 0; steps < 3 && inw(st, k, hedges); steps++)
		k++;
	return tk(st, k)->kind == TK_NUM || tk(st, k)->kind == TK_CUR ||
	    numword(st, k) > 0 || isw(st, k, "a");
}

/* Notes what word I says for the clause and the line. */
static void
read_word(struct stream *st, ptrdiff_t i, struct clause *c, int *cue)
{
	static const char *const modals[] = {
		"can", "could", "would", "will", "might", NULL
	};
	static const char *const persons[] = { "you", "i", "we", NULL };

	if (income_at(st, i)) {
		/* "take home" is no taking */
		c->notpay = i;
		return;
	}
	if (inw(st, i, pay_verbs)) {
		/* "last payment", "made a payment": a payment already made;
		 * "I already put $150 on my card", "we just sent": a payment
		 * made, said with its verb */
		if (isw(st, i - 1, "already") || (isw(st, i - 1, "just") &&
		    isw(st, i - 2, "i've")))
			c->past = i;
		else if (!(c->past >= 0 && inw(st, i, pay_nouns)))
			c->verb = i;
		*cue = 1;
	}
	if (inw(st, i, cue_words) || money_moves(st, i))
		*cue = 1;
	if ((inw(st, i, modals) && inw(st, i + 1, persons)) ||
	    (inw(st, i, persons) && inw(st, i + 1, modals)) ||
	    ((isw(st, i, "how") || isw(st, i, "what")) && isw(st, i + 1, "about")))
		*cue = 1;
	if (inw(st, i, debt_words) && !money_moves(st, i))
		c->debt = i;
	/* "you want 6,700 by friday": the other side's figure, said back */
	if ((isw(st, i, "want") || isw(st, i, "wants") || isw(st, i, "asking") ||
	     isw(st, i, "expect") || isw(st, i, "demanding")) &&
	    (isw(st, i - 1, "you") || isw(st, i - 1, "they") ||
	     isw(st, i - 1, "you're") || isw(st, i - 1, "they're")))
		c->notpay = i;
	/* "the last 1,250", "the last third": the final part, not a payment
	 * made; "paid" after "if I" or "have it" is a payment to come */
	if (inw(st, i, past_words) &&
	    !(isw(st, i, "last") && isw(st, i - 1, "the") &&
	      (tk(st, i + 1)->kind == TK_NUM || tk(st, i + 1)->kind == TK_CUR ||
	       numword(st, i + 1) > 0 || isw(st, i + 1, "third") ||
	       isw(st, i + 1, "quarter") || isw(st, i + 1, "half"))) &&
	    !(isw(st, i, "paid") && (isw(st, i - 2, "if") ||
	      isw(st, i - 2, "have") || isw(st, i - 2, "get")))) {
		c->past = i;
	} else if (isw(st, i, "paid")) {
		c->verb = i;
		*cue = 1;
	}
	/* "make it $1,840" proposes; "I make $2,000 a month" is income. */
	if ((isw(st, i, "make") || isw(st, i, "makes")) && isw(st, i + 1, "it")) {
		c->verb = i;
		*cue = 1;
	} else if (inw(st, i, notpay_words)) {
		c->notpay = i;
	}
	if ((inw(st, i, neg_words) && !inw(st, i + 1, persons)) ||
	    (isw(st, i, "way") && isw(st, i - 1, "no")))
		c->neg = i;  /* "can't do", "no way I'm doing" */
	if (inw(st, i, cap_words))
		c->cap = i;
}

/* The rest named at I is talked over or let go, not paid: "we'll talk
 * about the rest", "write off the rest", "waive the remainder". */
static int
rest_let_go(struct stream *st, ptrdiff_t i)
{
	static const char *const between[] = {
		"the", "about", "off", "over", "of", "all", NULL
	};
	static const char *const let_go[] = {
		"talk", "discuss", "discussing", "write", "writing", "waive",
		"waiving", "forgive", "forgiving", "forget", "drop", "cancel",
		"chat", "negotiate", "written", "waived", "forgiven", "dropped",
		"cancelled", "canceled", NULL
	};
	ptrdiff_t k = i - 1;
	int steps;

	for (steps = 0; steps < 3 && inw(st, k, between); steps++)
		k--;
	return inw(st, k, let_go);
}

/* Whether invoice X, named at I, is said of the amount head LAST just
 * before it, the same sum: "£1,950, that's PS-7815", "$640 (INV-77)". */
static int
names_amount_before(struct stream *st, ptrdiff_t i, const struct item *it,
                    int last, const struct item *x)
{
	static const char *const between[] = {
		"that's", "thats", "that", "is", "which", "ie", "i", "e", "being",
		"for", "i.e", NULL
	};
	const struct item *h = last >= 0 ? &it[last] : NULL;
	ptrdiff_t k;

	if (h == NULL || h->kind != IT_AMT || h->inv ||
	    fabs(h->v - x->v) >= 0.005 || i - h->last > 5)
		return 0;
	/* the number's own prefix: "PS-7815", "INV 2291" */
	if (i > h->last && !tk(st, i)->sp &&
	    (isp(st, i - 1, '-') || isp(st, i - 1, '#')))
		i--;
	if (i > h->last && tk(st, i - 1)->kind == TK_WORD &&
	    !inw(st, i - 1, between) && (!tk(st, i)->sp || isp(st, i, '-') ||
	    isp(st, i, '#')))
		i--;
	for (k = h->last; k < i; k++)
		if (!inw(st, k, between) && !isp(st, k, ',') && !isp(st, k, '-') &&
		    !isp(st, k, '(') && !isp(st, k, '.'))
			return 0;
	return 1;
}

/* Whether the amount at I only says again, set off by a comma, a dash or
 * a bracket, the sum of H, the rest or the whole said just before it:
 * "the rest of the balance, 2,775.50,", "the full amount - $5,275.50 -". */
static int
names_whole_before(struct stream *st, const struct item *h, ptrdiff_t i)
{
	static const char *const between[] = {
		"of", "the", "your", "my", "our", "balance", "total", "amount",
		"remaining", "outstanding", "owed", "left", "that's", "which", "is",
		"ie", NULL
	};
	ptrdiff_t k;

	if ((h->kind != IT_REST && h->kind != IT_FULL) || h->base > 0 ||
	    h->skip != SK_NO || i - h->last > 6 || !(isp(st, i - 1, ',') ||
	    isp(st, i - 1, '-') || isp(st, i - 1, '(') || isp(st, i - 1, ':') ||
	    (tk(st, i - 1)->kind == TK_CUR && (isp(st, i - 2, ',') ||
	     isp(st, i - 2, '-') || isp(st, i - 2, '(') || isp(st, i - 2, ':')))))
		return 0;
	for (k = h->last; k < i; k++)
		if (!inw(st, k, between) && tk(st, k)->kind != TK_PUNCT &&
		    tk(st, k)->kind != TK_CUR)
			return 0;
	return 1;
}

/* Weeks in one PERIOD. */
static double
weeks_in(enum rc_period p)
{
	return p == RC_PERIOD_WEEK ? 1 : p == RC_PERIOD_FORTNIGHT ? 2 : 52.0 / 12;
}

/* N instalments said in UNIT, counted in PER. */
static int
convert_count(double n, enum rc_period unit, enum rc_period per)
{
	if (unit == RC_PERIOD_NONE || per == RC_PERIOD_NONE || unit == per)
		return (int)lround(n);
	return (int)lround(n * weeks_in(unit) / weeks_in(per));
}

/* The amount head X stands for, given BALANCE and the UPFRONT part. */
static double
head_value(const struct item *x, double balance, double upfront)
{
	double whole = x->base > 0 ? x->base : balance;

	switch (x->kind) {
	case IT_AMT:
		return x->v;
	case IT_SHARE:
		return x->v * whole;
	case IT_FULL:
		return whole;
	case IT_REST:
		if (x->base > 0)
			return x->base;
		return balance > upfront ? balance - upfront : 0;
	default:
		return 0;
	}
}

/* Attaches each rate, count and time to the head it qualifies: the head
 * just before it, else the head just after it; "six payments of" goes to
 * the head after.  Returns the first count that splits a total and found
 * no head ("pay it off over 4 months"), -1 if none. */
static int
attach(struct item *it, int nit)
{
	int k, h, prev, nxt, target, orphan = -1;
	ptrdiff_t slack;

/* an invoice named as the subject of another payment ("1,000 for 3371
 * on friday") takes nothing: the day is the payment's */
#define TAKES(x) (is_head(x) && !((x)->inv && (x)->topic) && !(x)->minus)
	/* "$6,580 - the balance less the disputed $120 - by December 18":
	 * a sum taken off, said just after a payment, describes it; the
	 * payment reaches past it to its day */
	for (k = 0; k < nit; k++) {
		if (!is_head(&it[k]) || !it[k].minus)
			continue;
		for (h = k - 1; h >= 0; h--)
			if (TAKES(&it[h]))
				break;
		if (h >= 0 && it[k].first - it[h].reach <= 8 &&
		    it[k].last > it[h].reach)
			it[h].reach = it[k].last;
	}
	for (k = 0; k < nit; k++) {
		struct item *m = &it[k];
		int *slot;

		if (is_head(m))
			continue;
		prev = nxt = -1;
		for (h = k - 1; h >= 0 && prev < 0; h--)
			if (TAKES(&it[h]))
				prev = h;
		for (h = k + 1; h < nit && nxt < 0; h++)
			if (TAKES(&it[h]))
				nxt = h;
		slack = m->kind == IT_WHEN ? 8 : m->kind == IT_RATE ? 3 : 4;
#define SLOT(x) (m->kind == IT_RATE ? &(x)->rate : m->kind == IT_COUNT ? \
	&(x)->count : &(x)->when)
		target = -1;
		m->loose = 0;
		if (m->fwd && nxt >= 0 && it[nxt].first - m->last <= 3 &&
		    *SLOT(&it[nxt]) < 0)
			target = nxt;
		else if (m->kind == IT_WHEN && m->start && prev >= 0 &&
		         *SLOT(&it[prev]) < 0 && (it[prev].rate >= 0 ||
		          it[prev].count >= 0) && (nxt < 0 ||
		          it[nxt].first > m->last + 3))
			/* "50 a month. would you be able to pay the first one
			 * this friday?": the day the run said before starts,
			 * however many words ask it */
			target = prev;
		else if (prev >= 0 && *SLOT(&it[prev]) < 0 &&
		         m->first - it[prev].reach <= slack)
			target = prev;
		else if (m->kind == IT_WHEN && prev >= 0 &&
		         *SLOT(&it[prev]) >= 0 &&
		         it[*SLOT(&it[prev])].first < it[prev].first &&
		         m->first - it[prev].reach <= slack &&
		         !(nxt >= 0 && *SLOT(&it[nxt]) < 0 &&
		           it[nxt].first - m->last <= m->first - it[prev].reach)) {
			/* "cut at Christmas, so I can do 160 on Tuesday": the day
			 * said after a payment is its day, not one said before it
			 * in another clause */
			it[*SLOT(&it[prev])].loose = 1;
			target = prev;
		}
		else if (nxt >= 0 && it[nxt].first - m->last <= slack &&
		         (*SLOT(&it[nxt]) < 0 ||
		          it[*SLOT(&it[nxt])].first < it[nxt].first))
			target = nxt;  /* the nearer of two before it wins */
		if (target < 0) {
			if (m->kind == IT_COUNT && m->over && orphan < 0)
				orphan = k;
			m->loose = 1;
			continue;
		}
		slot = SLOT(&it[target]);
#undef SLOT
		*slot = k;
		if (m->last > it[target].reach)
			it[target].reach = m->last;
	}
	/* "on the 15th of every month until it's paid, 500": a rate said of
	 * a day goes where the day goes */
	for (k = 0; k < nit; k++) {
		int w = it[k].when, r;

		if (!is_head(&it[k]) || w < 0 || it[k].rate >= 0 ||
		    w + 1 >= nit)
			continue;
		r = w + 1;
		if (it[r].kind == IT_RATE && it[r].loose &&
		    it[r].first - it[w].last <= 1 &&
		    it[r].per != RC_PERIOD_NONE) {
			it[k].rate = r;
			it[r].loose = 0;
		}
	}
	/* "the $35 fee I'll pay today with the 1280": paid with the one
	 * before, on its day */
	for (k = 1; k < nit; k++) {
		if (!TAKES(&it[k]) || !it[k].along || it[k].when >= 0 ||
		    it[k].rate >= 0 || it[k].count >= 0)
			continue;
		for (h = k - 1; h >= 0 && !TAKES(&it[h]); h--)
			;
		if (h >= 0 && it[h].when >= 0 && it[h].rate < 0 &&
		    it[h].count < 0)
			it[k].when = it[h].when;
	}
	/* "3342 and 3371 go out on Monday": invoices named together, with
	 * the day said after the last, are paid that day */
	for (k = nit - 2; k >= 0; k--)
		if (TAKES(&it[k]) && it[k].inv && it[k].when < 0 &&
		    it[k].rate < 0 && it[k].count < 0 && TAKES(&it[k + 1]) &&
		    it[k + 1].inv && it[k + 1].first - it[k].last == 1 &&
		    it[k + 1].when >= 0 &&
		    it[it[k + 1].when].first > it[k + 1].first) {
			it[k].when = it[k + 1].when;
			it[k].reach = it[k + 1].reach;
		}
#undef TAKES
	return orphan;
}

/* Whether the day at I is said of the first payment of a run: "the first
 * one this friday", "first payment on the 5th", "the first instalment is
 * due friday", "pay the first of them monday". */
static int
first_one_before(struct stream *st, ptrdiff_t i)
{
	static const char *const between[] = {
		"is", "be", "due", "paid", "made", "going", "out", "coming",
		"comes", "goes", "will", "would", "could", "can", "to", "being",
		"sent", "in", "us", "you", "over", "across", "through",
		NULL
	};
	ptrdiff_t j = i - 1;
	int n;

	for (n = 0; n < 4 && inw(st, j, between); n++)
		j--;
	if (isw(st, j, "them") && isw(st, j - 1, "of"))
		j -= 2;
	else if (isw(st, j, "one") || isw(st, j, "payment") ||
	         isw(st, j, "instalment") || isw(st, j, "installment") ||
	         isw(st, j, "repayment"))
		j--;
	else
		return 0;
	return isw(st, j, "first");
}

/* Whether the payment verb at J says what another payment is for: "$500
 * today to clear INV-2291" (not "I'd like to clear INV-2291 friday"). */
static int
purpose(struct stream *st, ptrdiff_t j)
{
	static const char *const intent[] = {
		"like", "want", "need", "able", "going", "plan", "planning", "try",
		"trying", "wanted", "hoping", "hope", "have", "got", "promise",
		"agree", "ready", "happy", "prepared", "willing", NULL
	};

	return isw(st, j - 1, "to") && !inw(st, j - 2, intent);
}

/* Whether the number at I is the number of one of DC's invoices
 * ("INV-2291", "2291", "invoice 40812"): fills X as a head of that
 * invoice's amount. */
/* Whether exactly one of DC's invoices ends in the N digits DIG. */
static int
tail_unique(const struct rc_deal_case *dc, const char *dig, size_t n)
{
	size_t k, hits = 0;

	for (k = 0; k < dc->ninvoices; k++) {
		size_t len = strlen(dc->invoice_ids[k]);

		if (len >= n && strcmp(dc->invoice_ids[k] + len - n, dig) == 0)
			hits++;
	}
	return hits == 1;
}

/* Whether the invoice named just before I is the subject of a statement
 * about it ("if the oldest invoice is still open", "3318 was due in
 * September", "INV-2291 has a late fee"): then it is no payment. */
static int
invoice_subject(struct stream *st, ptrdiff_t i)
{
	static const char *const state[] = {
		"is", "was", "are", "were", "has", "had", "remains", "remained",
		"stays", "stayed", "went", "goes", "gets", "got", "isn't", "wasn't",
		"hasn't", "'s", NULL
	};

	return inw(st, i, state) && !money_moves(st, i);
}

static int
invoice_at(struct stream *st, ptrdiff_t i, const struct rc_deal_case *dc,
           int tail, struct item *x)
{
	static const char *const lead[] = {
		"the", "invoice", "inv", "bill", "off", "#", "-", "no", "number",
		NULL
	};
	/* words that make the invoice the subject of the line or the target
	 * of another payment, not a payment of its own */
	static const char *const topic[] = {
		"about", "for", "on", "against", "towards", "toward", "regarding",
		"re", "with", "of", "from", "into", "in", NULL
	};
	const struct tok *t = tk(st, i);
	char dig[24];
	size_t n = 0, p, k;
	ptrdiff_t j;
	int steps;

	if (dc == NULL || dc->ninvoices == 0 || t->frac)
		return 0;
	for (p = t->start; p < t->end && n + 1 < sizeof dig; p++)
		if (isdigit(U(st->s[p])))
			dig[n++] = st->s[p];
	dig[n] = '\0';
	if (n < 3)
		return 0;
	for (k = 0; k < dc->ninvoices; k++) {
		const char *id = dc->invoice_ids[k];
		size_t len = strlen(id), d = len;

		while (d > 0 && isdigit(U(id[d - 1])))
			d--;
		/* TAIL: "455" for 30455, as people shorten a number they
		 * share the first digits of, once only one invoice ends so */
		if (!(len - d == n && strcmp(id + d, dig) == 0) &&
		    !(tail && len - d > n && strcmp(id + len - n, dig) == 0 &&
		      tail_unique(dc, dig, n)))
			continue;
		x->kind = IT_AMT;
		x->v = dc->invoice_amounts[k];
		x->inv = 1;
		x->invk = (int)k;
		/* "the 40812 bill": the noun names it, it is no debt said */
		x->last = isw(st, i + 1, "bill") || isw(st, i + 1, "invoice") ?
		    i + 2 : i + 1;
		/* "pay INV-2291", "clear the 3342" */
		for (j = i - 1, steps = 0; steps < 4 && j >= 0; j--, steps++) {
			if (inw(st, j, pay_verbs)) {
				x->payv = !purpose(st, j);
				x->topic = !x->payv;
				break;
			}
			if (inw(st, j, topic)) {
				x->topic = 1;
				break;
			}
			if (!inw(st, j, lead) && !(tk(st, j)->kind == TK_PUNCT &&
			    (tk(st, j)->ch == '#' || tk(st, j)->ch == '-')))
				break;
		}
		if (!x->payv && invoice_subject(st, x->last))
			x->topic = 1;
		return 1;
	}
	return 0;
}

/* Whether the words at I name one of DC's invoices by what sets it apart
 * from the others: "the smaller invoice", "the big one", "the first
 * bill", "the older one", "the other" (the one invoice NAMED, a bit set of
 * invoices named so far, leaves).  Fills X as a head of its amount. */
static int
invoice_named_at(struct stream *st, ptrdiff_t i, const struct rc_deal_case *dc,
                 unsigned named, struct item *x)
{
	static const char *const small_w[] = {
		"smaller", "smallest", "small", "little", "lower", NULL
	};
	static const char *const big_w[] = {
		"bigger", "biggest", "big", "larger", "largest", "large", "higher",
		NULL
	};
	static const char *const first_w[] = {
		"first", "older", "oldest", "earlier", "earliest", NULL
	};
	static const char *const last_w[] = {
		"newer", "newest", "latest", "later", "recent", NULL
	};
	static const char *const nouns[] = {
		"invoice", "bill", "one", NULL
	};
	size_t k, pick = 0, n;
	ptrdiff_t j = i + 1;

	if (dc == NULL || dc->ninvoices < 2 || !isw(st, i, "the"))
		return 0;
	n = dc->ninvoices;
	if (isw(st, j, "most") && isw(st, j + 1, "recent"))
		j++;
	if (inw(st, j, small_w) || inw(st, j, big_w)) {
		int big = inw(st, j, big_w);

		for (k = 1; k < n; k++)
			if (big ? dc->invoice_amounts[k] > dc->invoice_amounts[pick] :
			    dc->invoice_amounts[k] < dc->invoice_amounts[pick])
				pick = k;
	} else if (inw(st, j, first_w)) {
		pick = 0;
	} else if (isw(st, j, "second")) {
		pick = 1;
	} else if (inw(st, j, last_w)) {
		pick = n - 1;
	} else if (isw(st, j, "other")) {
		/* the one not named yet */
		size_t left = 0;

		for (k = 0; k < n && k < 32; k++)
			if (!(named & (1u << k))) {
				pick = k;
				left++;
			}
		if (left != 1 || named == 0)
			return 0;
		if (!inw(st, j + 1, nouns)) {
			x->kind = IT_AMT;
			x->v = dc->invoice_amounts[pick];
			x->inv = 1;
			x->invk = (int)pick;
			x->last = j + 1;
			return 1;
		}
	} else {
		return 0;
	}
	/* "the first one" may be a payment, unless an invoice was named
	 * ("the first bill ..., the second one ..."); "the first bill" is not */
	if (!inw(st, j + 1, nouns) || (isw(st, j + 1, "one") && named == 0 &&
	    (isw(st, j, "first") || isw(st, j, "second"))))
		return 0;
	x->kind = IT_AMT;
	x->v = dc->invoice_amounts[pick];
	x->inv = 1;
	x->invk = (int)pick;
	x->last = j + 2;
	j = inw(st, i - 1, pay_verbs) ? i - 1 : inw(st, i - 2, pay_verbs) ?
	    i - 2 : -1;
	x->payv = j >= 0 && !purpose(st, j);
	x->topic = (j >= 0 && !x->payv) || (!x->payv && invoice_subject(st, x->last));
	return 1;
}

/* Whether the token at I is a bare invoice number of DC written as one
 * ("3318", "INV-2291"; not "$3,318" or "3,318.00", which are money). */
static int
invoice_number_at(struct stream *st, ptrdiff_t i, const struct rc_deal_case *dc,
                  int tail, struct item *x)
{
	const struct tok *t = tk(st, i);

	if (t->kind != TK_NUM || t->grouped || t->frac ||
	    (i > 0 && tk(st, i - 1)->kind == TK_CUR))
		return 0;
	return invoice_at(st, i, dc, tail, x);
}

/* Whether the head at I says when a run ends, not a payment: "150 a
 * month until the full balance of 980 has been paid", "till the rest is
 * cleared", "until 980 is paid off". */
static int
ends_run(struct stream *st, ptrdiff_t i)
{
	static const char *const fill[] = {
		"the", "your", "my", "our", "full", "whole", "entire", "total",
		"complete", "remaining", "outstanding", NULL
	};
	ptrdiff_t j = i - 1;
	int steps;

	if (tk(st, j)->kind == TK_CUR)
		j--;
	for (steps = 0; steps < 3 && inw(st, j, fill); steps++)
		j--;
	return isw(st, j, "until") || isw(st, j, "till") || isw(st, j, "til") ||
	    isw(st, j, "'til");
}

/* Whether amount X is a figure the speaker owns up to having said wrong:
 * "sorry, I typed 1,200 earlier", "I said 900 by mistake", "oops, I put
 * 1,500 but ...".  A verb of saying by "I" or "we" just before it, and a
 * word of correction: an apology before it, or "earlier", "by mistake",
 * "but" just after it ("I said 500 on friday, that's my offer" stands). */
static int
struck_before(struct stream *st, const struct item *x)
{
	static const char *const saying[] = {
		"typed", "said", "wrote", "put", "entered", "quoted", "mentioned",
		"told", "gave", NULL
	};
	static const char *const between[] = {
		"you", "the", "it", "as", "down", "in", "a", "figure", "amount",
		"of", "earlier", NULL
	};
	static const char *const sorry[] = {
		"sorry", "oops", "correction", "apologies", "whoops", "mistake",
		"typo", NULL
	};
	static const char *const wrong[] = {
		"earlier", "before", "mistakenly", "wrongly", "accidentally",
		"but", "by", NULL
	};
	ptrdiff_t j = x->first - 1, k;
	int steps;

	if (tk(st, j)->kind == TK_CUR)
		j--;
	for (steps = 0; steps < 3 && inw(st, j, between); steps++)
		j--;
	if (!inw(st, j, saying) || !(isw(st, j - 1, "i") || isw(st, j - 1, "we")))
		return 0;
	for (k = x->last; k < x->last + 2; k++)
		if (inw(st, k, wrong) && (!isw(st, k, "by") ||
		    isw(st, k + 1, "mistake") || isw(st, k + 1, "accident")))
			return 1;
	for (k = 0; k < x->first; k++)
		if (inw(st, k, sorry))
			return 1;
	return 0;
}

/* Whether the words at I ask the payment before once more: "the same
 * again", "the same amount", "same again", "the same on the 1st", "the
 * same every month" after "£1,230 now and".  LAST is the last head read;
 * fills X as a head of its sum. */
static int
same_again_at(struct stream *st, ptrdiff_t i, const struct item *it,
              int last, struct item *x)
{
	struct item probe;
	ptrdiff_t j = isw(st, i, "the") ? i + 1 : i;

	if (last < 0 || it[last].kind != IT_AMT || it[last].skip != SK_NO ||
	    !isw(st, j, "same"))
		return 0;
	j++;
	memset(&probe, 0, sizeof probe);
	if (isw(st, j, "again") || isw(st, j, "amount") || isw(st, j, "sum") ||
	    isw(st, j, "figure"))
		j++;
	else if (j - i < 2 || !(when_at(st, j, &probe) || rate_at(st, j, &probe)))
		return 0;
	if (isw(st, j, "again"))
		j++;
	x->kind = IT_AMT;
	x->v = it[last].v;
	x->last = j;
	return 1;
}

/* Reads the items of TEXT into IT; returns how many.  *CUE is set when
 * the line has a proposal cue. */
static int
read_items(const char *text, const struct rc_deal_case *dc, struct item *it,
           int *cue)
{
	struct stream st;
	struct clause c;
	struct rc_money m;
	ptrdiff_t i = 0, next, noun;
	int nit = 0, qmark = 0, fillers_only = 1, pending_or = 0, conn = 0;
	int conn_of = 0, last_head = -1, have_head = 0, k;
	/* items of the sentence being read, and of a question just asked */
	int sent_first = 0, q_first = -1, q_last = -1, joined = 0;
	unsigned named = 0;  /* the case's invoices named so far (bits) */

	stream_init(&st, text);
	clause_reset(&c);
	*cue = 0;
	while (tk(&st, i)->kind != TK_END) {
		struct item x;
		const struct tok *t = tk(&st, i);
		int verb_near = c.verb >= 0 && c.verb > c.debt && i - c.verb <= 4;

		memset(&x, 0, sizeof x);
		x.rate = x.count = x.when = -1;
		if (q_first >= 0 && t->kind == TK_WORD) {
			/* "2.5k? hmm", "£1,260 by Friday? I haven't got that":
			 * the figure asked back is not taken up */
			/* "I really don't think I can": an adverb between */
			ptrdiff_t j = i + 1 + (isw(&st, i + 1, "really") ||
			    isw(&st, i + 1, "honestly") || isw(&st, i + 1, "just") ||
			    isw(&st, i + 1, "seriously") || isw(&st, i + 1, "truly"));

			if (inw(&st, i, hesitations) || ((isw(&st, i, "i") ||
			    isw(&st, i, "we")) && (inw(&st, j, neg_words) ||
			    inw(&st, j, hesitations))))
				for (k = q_first; k < q_last; k++)
					if (is_head(&it[k]))
						it[k].skip = SK_OTHER;
			q_first = -1;
		}
		if (t->kind == TK_PUNCT && (t->ch == '.' || t->ch == '!' ||
		    t->ch == '?')) {
			if (t->ch == '?' && nit > sent_first) {
				q_first = sent_first;
				q_last = nit;
			}
			sent_first = nit;
		}
		if (is_boundary(&st, i)) {
			if (t->ch == '?')
				qmark = 1;
			clause_reset(&c);
			conn = 0;
			pending_or = 0;
			i++;
			continue;
		}
		/* a shortened number ("455" for 30455) names an invoice
		 * after "invoice" or once another was named by its number */
		if (!invoice_number_at(&st, i, dc, named != 0 ||
		    isw(&st, i - 1, "invoice") || isw(&st, i - 1, "inv"), &x) &&
		    !invoice_named_at(&st, i, dc, named, &x) &&
		    money_at(&st, i, &m, &next)) {
			memset(&x, 0, sizeof x);
			x.rate = x.count = x.when = -1;
			x.kind = IT_AMT;
			x.v = m.value;
			x.last = next;
			if (isw(&st, i, "another"))
				joined = 1;  /* "a grand today, another grand friday" */
		} else if (x.inv) {
			/* "INV-2291 today", "the 3342 on Friday" */
			struct clause c2 = c;

			/* "£1,950, that's PS-7815, today": the invoice the amount
			 * just said pays, not a second payment */
			if (names_amount_before(&st, i, it, last_head, &x)) {
				if (x.invk < 32)
					named |= 1u << x.invk;
				i = x.last;
				continue;
			}
			if (c2.debt >= i - 3)
				c2.debt = -1;
			x.first = i;
			x.reach = x.last;
			mark_head(&st, &c2, &x, i);
			if (x.invk < 32)
				named |= 1u << x.invk;
			/* "$1,840 today to clear the older one": said again */
			x.restate = !joined;
			joined = 0;
			if (nit < MAXITEMS) {
				last_head = nit;
				it[nit++] = x;
			}
			conn = 1;
			conn_of = 0;
			i = x.last;
			continue;
		} else if (last_head >= 0 && (it[last_head].inv ||
		           (it[last_head].kind == IT_AMT &&
		            it[last_head].skip != SK_PAST && !it[last_head].minus &&
		            it[last_head].when < 0 && it[last_head].rate < 0 &&
		            isw(&st, i + 1, "be") && isw(&st, i + 2, "paid"))) &&
		           (isw(&st, i, "it") || (isw(&st, i, "that") &&
		            /* "paying that $120 fee": a determiner */
		            tk(&st, i + 1)->kind != TK_CUR &&
		            tk(&st, i + 1)->kind != TK_NUM)) &&
		           (inw(&st, i - 1, pay_verbs) || ((isw(&st, i - 1, "have") ||
		            isw(&st, i - 1, "get")) && isw(&st, i + 1, "paid")) ||
		            (isw(&st, i + 1, "be") && isw(&st, i + 2, "paid")))) {
			/* "invoice 3318 ... I'll have that paid by 12/11": the
			 * invoice named before; "that leaves $1,280. Could that
			 * be paid by Friday?": the sum said before */
			int passive = isw(&st, i + 1, "be") && isw(&st, i + 2, "paid");
			int said = last_head;

			/* "that's £500 for 7802, I'll pay it Monday": the sum
			 * said for the invoice, not the invoice's own amount */
			if (it[said].inv && it[said].topic && said > 0 &&
			    it[said - 1].kind == IT_AMT && !it[said - 1].inv &&
			    it[said - 1].skip == SK_NO &&
			    it[said].first - it[said - 1].last <= 1)
				said--;
			if (!it[said].inv)
				it[said].skip = SK_OTHER;
			x = it[said];
			x.first = i;
			x.last = x.reach = passive ? i + 3 : isw(&st, i + 1, "paid") ||
			    isw(&st, i + 1, "off") ? i + 2 : i + 1;
			x.rate = x.count = x.when = -1;
			x.payv = 1;
			x.topic = 0;
			x.skip = SK_NO;
			x.restate = 0;
			if (nit < MAXITEMS) {
				last_head = nit;
				it[nit++] = x;
			}
			conn = 1;
			conn_of = 0;
			i = x.last;
			continue;
		} else if (same_again_at(&st, i, it, last_head, &x)) {
			joined = 1;  /* one more payment, whatever joins it */
		} else if (share_at(&st, i, &x, have_head && !conn, verb_near)) {
			if (x.kind == IT_FULL && isw(&st, i, "in") && last_head >= 0 &&
			    it[last_head].inv && i - it[last_head].reach <= 4) {
				/* "invoice 455 we'd pay in full on nov 15": the
				 * whole of that invoice, paid; its day follows */
				it[last_head].reach = x.last;
				it[last_head].payv = it[last_head].payv ||
				    inw(&st, i - 1, pay_verbs);
				i = x.last;
				continue;
			}
			if (conn && (x.kind == IT_FULL || x.kind == IT_REST)) {
				/* "half of the balance": the whole of a part */
				i = x.last;
				continue;
			}
			/* "the remaining $2,520" */
			if (x.kind == IT_REST && money_at(&st, x.last, &m, &next)) {
				x.base = m.value;
				x.last = next;
			} else if (x.kind == IT_REST) {
				/* "the remaining 50%", "the remaining two thirds":
				 * the share says the rest again */
				struct item sh;

				memset(&sh, 0, sizeof sh);
				if (share_at(&st, x.last, &sh, 0, 0) &&
				    sh.kind == IT_SHARE)
					x.last = sh.last;
			}
			if (x.kind == IT_REST && rest_let_go(&st, i))
				x.skip = SK_OTHER;
		} else if (count_at(&st, i, &x) || rate_at(&st, i, &x) ||
		           when_at(&st, i, &x)) {
			conn = 0;
			if (x.kind == IT_WHEN && c.verb < 0 && (isw(&st, i, "this") ||
			    isw(&st, i, "next")) && (inw(&st, i - 1, debt_words) ||
			    inw(&st, i - 1, notpay_words) ||
			    inw(&st, i - 1, cost_nouns))) {
				/* "with the heating bill this month i can only do
				 * 80 a month": the time of the bill, not of a payment */
				i = x.last;
				continue;
			}
			if (x.fwd)
				c.debt = -1;
			if (x.kind == IT_WHEN)
				x.start = first_one_before(&st, i);
			if (nit < MAXITEMS)
				it[nit++] = x;
			i = x.last;
			continue;
		} else {
			if (isp(&st, i, '+') || isp(&st, i, '&') || inw(&st, i, joins))
				joined = 1;
			if (t->kind == TK_WORD) {
				read_word(&st, i, &c, cue);
				if (!inw(&st, i, fillers))
					fillers_only = 0;
				if (isw(&st, i, "or") && have_head &&
				    !isw(&st, i + 1, "so"))
					pending_or = 1;
				if (!inw(&st, i, connectors))
					conn = 0;
				else if (!isw(&st, i, "the") && !isw(&st, i, "your") &&
				         !isw(&st, i, "this") && !isw(&st, i, "that") &&
				         !isw(&st, i, "my") && !isw(&st, i, "our"))
					conn_of |= isw(&st, i, "of") || isw(&st, i, "out") ||
					           isw(&st, i, "towards") ||
					           isw(&st, i, "toward") ||
					           isw(&st, i, "against") ||
					           isw(&st, i, "off") || isw(&st, i, "from");
			} else {
				conn = 0;
				if (t->kind != TK_PUNCT)
					fillers_only = 0;
			}
			i++;
			continue;
		}
		/* a head */
		x.first = i;
		x.reach = x.last;
		if (x.kind == IT_AMT && last_head >= 0 &&
		    names_whole_before(&st, &it[last_head], i)) {
			/* "the rest of the balance, 2,775.50, on the 31st": the
			 * sum of the rest, said beside it; its day is the rest's */
			it[last_head].base = x.v;
			it[last_head].last = it[last_head].reach = x.last;
			i = x.last;
			continue;
		}
		mark_head(&st, &c, &x, i);
		if (x.kind == IT_AMT && x.skip == SK_NO && struck_before(&st, &x))
			x.skip = SK_OTHER;
		if (ends_run(&st, i))
			x.skip = SK_OTHER;
		if (conn && conn_of && last_head >= 0 && x.kind == IT_AMT) {
			/* "$1,000 of the $3,120", "half of your $3,120" */
			struct item *h = &it[last_head];

			if (h->kind != IT_AMT && h->base == 0)
				h->base = x.v;
			i = x.last;
			continue;
		}
		if (pending_or && x.skip == SK_NO)
			x.skip = SK_OTHER;
		pending_or = 0;
		/* "the balance less the disputed $120", "minus the 100 fee":
		 * taken off, whatever it is */
		if (x.kind == IT_AMT && (x.skip == SK_NO || x.skip == SK_DEBT ||
		    (x.skip == SK_OTHER && cost_after(&st, x.last, &noun) ==
		     COST_CREDIT))) {
			struct item *h = last_head >= 0 ? &it[last_head] : NULL;

			for (k = 1; k <= 3; k++)
				if (isw(&st, i - k, "less") || isw(&st, i - k, "minus") ||
				    isw(&st, i - k, "excluding") ||
				    isw(&st, i - k, "deducting")) {
					x.skip = SK_OTHER;
					x.minus = 1;
					/* "the balance less $120" works a sum out */
					if (h != NULL && (h->kind == IT_REST ||
					    h->kind == IT_FULL) && h->last == i - k) {
						h->skip = SK_OTHER;
						h->minus = 1;
					}
				}
		}
		if (x.kind == IT_AMT && x.skip == SK_NO) {
			struct item *h = last_head >= 0 ? &it[last_head] : NULL;

			/* "I hear you on the 3,120": the subject, not a payment */
			if (isw(&st, i - 1, "the") && (isw(&st, i - 2, "on") ||
			    isw(&st, i - 2, "about") || isw(&st, i - 2, "regarding")))
				x.skip = SK_OTHER;
			/* "INV-2291 for $1,840": what the invoice is for, unless
			 * a day is said for it ("2291 for $1,840, by Monday") */
			if (h != NULL && h->inv && h->last == i - 1 &&
			    isw(&st, i - 1, "for"))
				x.described = 1;
			/* "1840 + 1280 = 3120": a sum worked out */
			if (isp(&st, i - 1, '=') || isp(&st, x.last, '=')) {
				x.skip = SK_OTHER;
				if (h != NULL && isp(&st, i - 1, '+') && h->last == i - 1)
					h->skip = SK_OTHER;
			}
			/* "the rest on a plan at £43 a month": the rate says how
			 * the rest is paid */
			if (h != NULL && h->kind == IT_REST && isw(&st, i - 1, "at") &&
			    i - h->last <= 6)
				h->skip = SK_OTHER;
		}
		/* no word joins it to the head before: "the £400 one", "a
		 * third today - $2,233.33 -", "that's 10%" may say it again */
		x.restate = !joined;
		joined = 0;
		if (nit < MAXITEMS) {
			last_head = nit;
			it[nit++] = x;
			if (x.skip == SK_NO)
				have_head = 1;
		}
		conn = 1;
		conn_of = 0;
		i = x.last;
	}
	/* a line that is only an amount asked ("900?"), or only a share
	 * ("a third of it"), proposes it */
	for (k = 0; k < nit && fillers_only; k++)
		if (is_head(&it[k]) && it[k].skip == SK_NO &&
		    (qmark || it[k].kind != IT_AMT))
			*cue = 1;
	return nit;
}

/* Whether the day said before item W was a weekday or a week ("500
 * thursday, 500 the thursday after"), so "the one after" is a week on. */
static int
like_before(const struct item *it, int w)
{
	int k, i;

	for (k = w - 1; k >= 0; k--) {
		if (it[k].kind != IT_WHEN || strcmp(it[k].text, "following one") == 0)
			continue;
		if (strstr(it[k].text, "week") != NULL)
			return 1;
		for (i = 0; weekdays[i] != NULL; i++)
			if (strstr(it[k].text, weekdays[i]) != NULL)
				return 1;
		for (i = 0; day_abbrevs[i] != NULL; i++)
			if (strstr(it[k].text, day_abbrevs[i]) != NULL)
				return 1;
		return 0;
	}
	return 0;
}

/* The day item W (a WHEN, -1 for none) names, against DC; "following
 * friday" and "later in a week" count from LAST, the day of the payment
 * before it. */
static int32_t
when_day(const struct item *it, int w, const struct rc_deal_case *dc,
         int32_t last)
{
	int32_t today = dc ? dc->today : RC_DATE_NONE;
	const char *text;
	char buf[48];

	if (w < 0)
		return RC_DATE_NONE;
	text = it[w].text;
	if (strcmp(text, "following one") == 0)
		return last == RC_DATE_NONE ? RC_DATE_NONE :
		    like_before(it, w) ? last + 7 : rc_date_add_months(last, 1, 0);
	if (strncmp(text, "following ", 10) == 0) {
		if (last != RC_DATE_NONE && today != RC_DATE_NONE)
			today = last;
		snprintf(buf, sizeof buf, "next %s", text + 10);
		text = buf;
	} else if (strncmp(text, "later ", 6) == 0) {
		if (last != RC_DATE_NONE && today != RC_DATE_NONE)
			today = last;
		text += 6;
	}
	return rc_date_resolve(text, today, dc ? dc->day_first : 0);
}

/* The day one PERIOD after DAY (RC_DATE_NONE stays so). */
static int32_t
after(int32_t day, enum rc_period per)
{
	if (day == RC_DATE_NONE)
		return day;
	return per == RC_PERIOD_WEEK ? day + 7 : per == RC_PERIOD_FORTNIGHT ?
	    day + 14 : rc_date_add_months(day, 1, 0);
}

/* The same day of the month as DAY (the day of the month ANCHOR) in month
 * MON (1-12) after it, or in the next month for MON 0. */
static int32_t
month_after(int32_t day, int mon, int anchor)
{
	int y, m, d, ahead;

	if (day == RC_DATE_NONE)
		return day;
	rc_date_ymd(day, &y, &m, &d);
	ahead = mon == 0 ? 1 : (mon - m + 12) % 12;
	return rc_date_add_months(day, ahead == 0 ? 12 : ahead, anchor);
}

/* The day of the month DAY falls on, 0 for none. */
static int
mday(int32_t day)
{
	int y, m, d;

	if (day == RC_DATE_NONE)
		return 0;
	rc_date_ymd(day, &y, &m, &d);
	return d;
}

/* The days listed from WHEN item W on ("on the 20th and the 30th", "at
 * christmas and on the 15th"): W, the loose days after it up to the next
 * head, and the days of the month said with each.  Stores up to N + 1 in
 * DAYS and the words in SAID; returns how many. */
static int
listed_days(const struct item *it, int nit, int w, int n,
            const struct rc_deal_case *dc, int32_t last, int32_t *days,
            const char **said)
{
	int nw = 0, k, m;

	for (k = w; k < nit && nw <= n && !(k > w && is_head(&it[k])); k++) {
		if (it[k].kind != IT_WHEN || (k > w && !it[k].loose))
			continue;
		for (m = -1; m < it[k].nmore && nw < RC_TERMS_PARTS; m++) {
			char nth[16];

			said[nw] = it[k].text;
			days[nw] = when_day(it, k, dc, last);
			if (m >= 0 && nw > 0 && days[nw - 1] != RC_DATE_NONE) {
				snprintf(nth, sizeof nth, "the %d", it[k].more[m]);
				days[nw] = rc_date_resolve(nth, days[nw - 1] + 1, 0);
			}
			nw++;
		}
		for (m = 0; nw > 0 && m < it[k].nmon && nw < RC_TERMS_PARTS;
		     m++) {
			said[nw] = it[k].text;
			days[nw] = month_after(days[nw - 1], it[k].mon[m],
			    mday(days[nw - 1 - m]));
			nw++;
		}
	}
	return nw;
}

/* The day of the month M of year Y that WHEN item W names each month: its
 * NTH weekday ("the last friday"), or day D of its days listed ("the 1st
 * and 15th"), clamped to the month. */
static int32_t
day_in_month(const struct item *w, int y, int m, int d)
{
	int32_t day;
	int n = rc_date_month_days(y, m);

	if (w->nth == 0)
		return rc_date_from_ymd(y, m, d < n ? d : n);
	if (w->nth < 0) {
		day = rc_date_from_ymd(y, m, n);
		return day - (rc_date_weekday(day) - w->wday + 7) % 7;
	}
	day = rc_date_from_ymd(y, m, 1);
	return day + (w->wday - rc_date_weekday(day) + 7) % 7 +
	    7 * (w->nth - 1);
}

/* "£245 on the last Friday of each of the next four months", "$520 on the
 * 1st and 15th of each month": payments on days of each month that no
 * run a month apart holds, added to T one by one.  COUNT is the payments
 * (or, with count item C in months, the months); the first is the first
 * such day after LAST or the call's day.  Returns 0 (adding nothing) when
 * the days cannot be known or are too many to list. */
static int
monthly_days(struct rc_terms *t, const struct item *it, const struct item *x,
             const struct item *c, int count, int64_t each,
             const struct rc_deal_case *dc, int32_t last)
{
	const struct item *w = &it[x->when];
	int32_t from = last != RC_DATE_NONE ? last : dc ? dc->today :
	    RC_DATE_NONE, day;
	int mdays[9], nd = 0, k, y, m, d, n = 0, guard;

	if (from == RC_DATE_NONE || each <= 0)
		return 0;
	if (w->nth == 0) {
		mdays[nd++] = atoi(w->text + (strncmp(w->text, "the ", 4) == 0 ?
		    4 : 0));
		for (k = 0; k < w->nmore; k++)
			mdays[nd++] = w->more[k];
		if (mdays[0] < 1 || mdays[0] > 31)
			return 0;
	} else {
		nd = 1;
	}
	if (c != NULL && c->unit == RC_PERIOD_MONTH)
		count = (int)lround(c->v) * nd;
	if (count < 1 || count > RC_TERMS_PARTS - t->n)
		return 0;
	rc_date_ymd(from, &y, &m, &d);
	for (guard = 0; n < count && guard < 48; guard++) {
		for (k = 0; k < nd && n < count; k++) {
			day = day_in_month(w, y, m, mdays[k]);
			if (day > from || (w->nth != 0 && day == from)) {
				rc_terms_add(t, each, 1, RC_PERIOD_NONE, day, NULL);
				n++;
			}
		}
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return 1;
}

/* Adds head X (with its attached items) to T as one payment or a run.
 * SUM is what the payments before it add up to; LAST the day of the last
 * dated payment before it. */
static void
add_head(struct rc_terms *t, const struct item *it, int nit,
         const struct item *x, const struct rc_deal_case *dc, double balance,
         double sum, int32_t last)
{
	const struct item *r = x->rate >= 0 ? &it[x->rate] : NULL;
	const struct item *c = x->count >= 0 ? &it[x->count] : NULL;
	double v = head_value(x, balance, sum);
	int32_t day = when_day(it, x->when, dc, last);
	const char *words = x->when >= 0 ? it[x->when].text : NULL;
	enum rc_period per;
	int count, payday, undated, anchor;
	int64_t each;

	if (r == NULL && c == NULL) {
		int k;

		rc_terms_add(t, rc_cents(v), 1, RC_PERIOD_NONE, day, words);
		for (k = 0; x->when >= 0 && k < it[x->when].nmore; k++) {
			char nth[16];

			snprintf(nth, sizeof nth, "the %d", it[x->when].more[k]);
			if (day != RC_DATE_NONE)
				day = rc_date_resolve(nth, day + 1, 0);
			rc_terms_add(t, rc_cents(v), 1, RC_PERIOD_NONE, day,
			    day == RC_DATE_NONE ? nth : NULL);
		}
		/* "on the 1st of December, January and February" */
		for (k = 0, anchor = mday(day); x->when >= 0 &&
		     k < it[x->when].nmon; k++) {
			day = month_after(day, it[x->when].mon[k], anchor);
			rc_terms_add(t, rc_cents(v), 1, RC_PERIOD_NONE, day,
			    day == RC_DATE_NONE ? words : NULL);
		}
		return;
	}
	/* "each payday", "£150 every four weeks when my pension comes in":
	 * the days are the debtor's paydays, not known */
	payday = (r != NULL && r->payday) || (c != NULL && c->payday) ||
	    (words != NULL && strcmp(words, "payday") == 0);
	/* "two payments of $3,350", "in three equal parts": how many, but
	 * no period and no days */
	if (r == NULL && c->per == RC_PERIOD_NONE && c->unit == RC_PERIOD_NONE &&
	    x->when >= 0) {
		/* "the rest in two equal parts at christmas and on the 15th":
		 * a day for each part */
		int32_t days[RC_TERMS_PARTS];
		const char *said[RC_TERMS_PARTS];
		int k, n = (int)lround(c->v);
		int nw = listed_days(it, nit, x->when, n, dc, last, days, said);

		if (n >= 2 && nw == n) {
			/* "the rest in two parts" divides; "two payments of 500"
			 * are 500 each */
			int split = c->over || x->kind == IT_REST || x->kind == IT_FULL;
			int64_t part = split ? rc_cents(v / n) : rc_cents(v);
			int64_t odd = split ? rc_cents(v) - part * n : 0;

			for (k = 0; k < n; k++)
				rc_terms_add(t, part + (k == n - 1 ? odd : 0), 1,
				    RC_PERIOD_NONE, days[k], said[k]);
			return;
		}
	}
	undated = payday || (r == NULL && c->per == RC_PERIOD_NONE &&
	    c->unit == RC_PERIOD_NONE && x->when < 0);
	if (undated)
		per = RC_PERIOD_NONE;
	else
		per = r ? r->per : c->per ? c->per : c->unit ? c->unit :
		    RC_PERIOD_MONTH;
	if (payday) {
		day = RC_DATE_NONE;
		words = "payday";
	} else if (r != NULL && r->text[0] && x->when < 0) {
		/* "every monday": the first payment on the next one after the
		 * payments before it ("600 friday, then 300 every friday") */
		day = rc_date_resolve(r->text, last != RC_DATE_NONE && dc &&
		    dc->today != RC_DATE_NONE ? last : dc ? dc->today :
		    RC_DATE_NONE, dc ? dc->day_first : 0);
		words = r->text;
	}
	if (c != NULL && r == NULL && (c->over || x->kind == IT_REST ||
	    x->kind == IT_FULL)) {
		/* "the rest over 4 months", "the balance in two payments" */
		count = convert_count(c->v, c->unit, per);
		each = count > 0 ? rc_cents(v / count) : 0;
	} else {
		count = c ? convert_count(c->v, c->unit, per) : 0;
		/* "300 a month on the 1st of December, January and February":
		 * one a month listed */
		if (count <= 0 && x->when >= 0 && it[x->when].nmon > 0 &&
		    per == RC_PERIOD_MONTH)
			count = it[x->when].nmon + 1;
		each = rc_cents(v);
		if (count <= 0 && balance > sum && each > 0)
			/* until it is cleared */
			count = (int)ceil((rc_cents(balance) - rc_cents(sum)) /
			    (double)each - 1e-9);
		if (count <= 0)
			count = 1;
	}
	if (count > RC_TERMS_PAYMENTS)
		count = RC_TERMS_PAYMENTS;
	if (per == RC_PERIOD_MONTH && !undated && x->when >= 0 &&
	    (it[x->when].nth != 0 || it[x->when].nmore > 0) &&
	    !(c != NULL && r == NULL && c->over) && monthly_days(t, it, x, c,
	    count, each, dc, last))
		return;
	if (day == RC_DATE_NONE && (words == NULL || words[0] == '\0') &&
	    !undated)
		day = after(last != RC_DATE_NONE ? last :
		    dc ? dc->today : RC_DATE_NONE, per);
	rc_terms_add(t, each, count, per, day, day == RC_DATE_NONE &&
	    words == NULL ? "" : words);
	/* equal parts of a whole: the last one takes the odd cents */
	if (each > 0 && each * count < rc_cents(v) && c != NULL && r == NULL &&
	    (c->over || x->kind == IT_REST || x->kind == IT_FULL)) {
		struct rc_part *p = &t->part[t->n - 1];
		int64_t odd = rc_cents(v) - each * count;

		if (p->count > 1) {
			int32_t lastday = p->due;

			p->count--;
			if (lastday != RC_DATE_NONE)
				lastday = per == RC_PERIOD_MONTH ?
				    rc_date_add_months(p->due, p->count, 0) :
				    p->due + (per == RC_PERIOD_WEEK ? 7 : 14) * p->count;
			rc_terms_add(t, each + odd, 1, RC_PERIOD_NONE, lastday, p->when);
		} else {
			p->cents += odd;
		}
	}
}

/* Whether the proposed amounts after head K add up to WHOLE, two or more
 * of them. */
static int
parts_follow(const struct item *it, int nit, int k, double whole)
{
	double sum = 0;
	int n = 0;

	for (k++; k < nit && sum < whole - 0.5; k++)
		if (is_head(&it[k]) && it[k].skip == SK_NO && it[k].kind == IT_AMT) {
			sum += it[k].v;
			n++;
		}
	return n >= 2 && fabs(sum - whole) < 0.5;
}

/* Whether the count of head K, payments with no period, only names the
 * payments then said one by one, each with its day, from K on: "we can
 * accept 2 payments: 1230 on friday and 1230 on the 12th". */
static int
announced(const struct item *it, int nit, int k)
{
	const struct item *c = &it[it[k].count];
	int n = 0, h;

	if (c->per != RC_PERIOD_NONE || c->unit != RC_PERIOD_NONE || c->over ||
	    c->v < 2 || it[k].kind != IT_AMT)
		return 0;
	for (h = k; h < nit; h++)
		if (is_head(&it[h]) && it[h].skip == SK_NO) {
			if (it[h].when < 0 || it[h].rate >= 0 ||
			    (h > k && it[h].count >= 0))
				return 0;
			n++;
		}
	return n == (int)lround(c->v);
}

/* Copies the next word of *P (letters only, lower case, cut to fit SIZE)
 * into W and moves *P past it; returns its length, 0 at the end. */
static size_t
next_word(const char **p, char *w, size_t size)
{
	size_t len = 0;

	while (**p && !isalpha(U(**p)))
		(*p)++;
	while (isalpha(U(**p))) {
		if (len + 1 < size)
			w[len++] = (char)tolower(U(**p));
		(*p)++;
	}
	w[len] = '\0';
	return len;
}

/* Whether TEXT opens by asking whether something is on offer: "is there
 * a discount ...", "are there any fees if ...", "would there be ...". */
static int
asks_option(const char *text)
{
	static const char *const be[] = { "is", "are", "would", "will", "could",
		NULL };
	char w[2][8];
	int n = 0, k;
	const char *p = text;

	while (n < 2 && next_word(&p, w[n], sizeof w[n]) > 0)
		n++;
	if (n < 2 || strcmp(w[1], "there") != 0)
		return 0;
	for (k = 0; be[k] && strcmp(be[k], w[0]) != 0; k++)
		;
	return be[k] != NULL;
}

/* Whether TEXT opens with a question asking the other side for its terms
 * ("what would work for you to settle INV-5540?", "how do you want to
 * handle 3318?"), after fillers; "what about", "what if" and "how about"
 * propose. */
static int
asks_terms(const char *text)
{
	static const char *const fill[] = { "so", "ok", "okay", "well", "and",
		"right", "then", "alright", NULL };
	static const char *const wh[] = { "what", "how", "which", "why", NULL };
	static const char *const aux[] = { "would", "could", "can", "do",
		"does", "will", "should", "shall", "is", "are", "works", NULL };
	char w[3][16];
	int n = 0, k;
	const char *p = text;

	while (n < 3 && next_word(&p, w[n], sizeof w[n]) > 0) {
		for (k = 0; n == 0 && fill[k] && strcmp(fill[k], w[0]) != 0; k++)
			;
		if (n == 0 && fill[k])
			continue;
		n++;
	}
	if (n < 2)
		return 0;
	for (k = 0; wh[k] && strcmp(wh[k], w[0]) != 0; k++)
		;
	if (!wh[k])
		return 0;
	for (k = 0; aux[k] && strcmp(aux[k], w[1]) != 0; k++)
		;
	return aux[k] != NULL;
}

/* Whether the N bytes at S are WORD, in any case. */
static int
same_word(const char *s, const char *word, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (tolower(U(s[k])) != word[k])
			return 0;
	return 1;
}

static enum rc_prop_kind read_proposal(const char *text,
                                       const struct rc_deal_case *dc,
                                       struct rc_proposal *out);

/* The end of a figure in words at I of TEXT ("two hundred", "two-fifty",
 * "a grand"), or I when there is none. */
static size_t
words_figure_end(const char *text, size_t i)
{
	static const char *const w[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
		"fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety", "hundred", "thousand", "grand", NULL
	};
	size_t end = i, k, n;

	for (;;) {
		for (k = 0; w[k] != NULL; k++) {
			n = strlen(w[k]);
			if (same_word(text + i, w[k], n) &&
			    !isalpha(U(text[i + n])))
				break;
		}
		if (w[k] == NULL)
			break;
		i += n;
		end = i;
		if ((text[i] == ' ' || text[i] == '-') && isalpha(U(text[i + 1])))
			i++;
		else
			break;
	}
	return end;
}

/* TEXT with each figure struck out by a correction after another figure
 * blanked ("$80 a month, not $60, starting the 15th": the 60 is no
 * payment and the date still belongs to the 80).  Returns a copy the
 * caller frees, or NULL when there is nothing to blank. */
static char *
without_struck(const char *text)
{
	char *t = NULL;
	const char *p, *first = strpbrk(text, "0123456789");
	size_t i, n;

	for (p = strstr(text, "not "); p != NULL; p = strstr(p + 4, "not ")) {
		if (p > text && isalpha(U(p[-1])))
			continue;
		/* with no figure in digits before it, only the shape of a
		 * correction: "two-fifty, not two hundred" */
		if ((first == NULL || first > p) &&
		    !(p - text >= 2 && p[-1] == ' ' && p[-2] == ','))
			continue;
		i = (size_t)(p - text) + 4;
		while (text[i] == ' ')
			i++;
		/* a currency sign (one of "$£€", UTF-8 for the last two) */
		n = text[i] == '$' ? 1 : strncmp(text + i, "\xc2\xa3", 2) == 0 ? 2 :
		    strncmp(text + i, "\xe2\x82\xac", 3) == 0 ? 3 : 0;
		if (!isdigit(U(text[i + n]))) {
			/* "not two hundred,": a figure in words, then a stop */
			size_t e = words_figure_end(text, i);

			if (e == i || (text[e] != ',' && text[e] != '.' &&
			    text[e] != ';' && text[e] != '\0'))
				continue;
			i = e;
		} else {
			i += n;
			while (isdigit(U(text[i])) || ((text[i] == ',' ||
			    text[i] == '.') && isdigit(U(text[i + 1]))))
				i++;
			if (isalpha(U(text[i])))
				continue;   /* "not 3rd", "not 2k"... left as said */
		}
		if (t == NULL)
			t = rc_xstrdup(text);
		memset(t + (p - text), ' ', i - (size_t)(p - text));
	}
	return t;
}

enum rc_prop_kind
rc_amount_proposal(const char *text, const struct rc_deal_case *dc,
                   struct rc_proposal *out)
{
	char *struck = text != NULL ? without_struck(text) : NULL;
	enum rc_prop_kind kind;

	kind = read_proposal(struck != NULL ? struck : text, dc, out);
	free(struck);
	return kind;
}

static enum rc_prop_kind
read_proposal(const char *text, const struct rc_deal_case *dc,
              struct rc_proposal *out)
{
	struct item it[MAXITEMS];
	struct rc_proposal p;
	int nit, cue, k, orphan, any = 0, first = -1, whq, strong;
	double balance = dc ? dc->balance : 0, sum = 0, v, last_v = 0;
	int32_t last = RC_DATE_NONE, due;

	memset(&p, 0, sizeof p);
	if (text == NULL) {
		if (out != NULL)
			*out = p;
		return RC_PROP_NONE;
	}
	if (!(balance > 0) || !isfinite(balance))
		balance = 0;
	nit = read_items(text, dc, it, &cue);
	orphan = attach(it, nit);
	whq = asks_terms(text);
	for (k = 1; k < nit; k++)
		/* "6,580 now and the 120 fee on the 31st": a fee joined to a
		 * payment and given its own day is paid too */
		if (it[k].fee && it[k].skip == SK_DEBT && !it[k].restate &&
		    it[k].when >= 0)
			it[k].skip = SK_NO;
	for (k = 0; k < nit; k++) {
		/* "the amount I meant was 450. 450 on the 3rd": a bare figure
		 * said again, with nothing joining it, and its day */
		int h;

		if (it[k].kind != IT_AMT || it[k].skip != SK_NO ||
		    it[k].when >= 0 || it[k].rate >= 0 || it[k].count >= 0)
			continue;
		for (h = k + 1; h < nit; h++)
			if (it[h].kind == IT_AMT && it[h].skip == SK_NO &&
			    it[h].restate && fabs(it[h].v - it[k].v) < 0.005 &&
			    (it[h].when >= 0 || it[h].rate >= 0 ||
			     it[h].count >= 0)) {
				it[k].skip = SK_OTHER;
				break;
			}
	}
	for (k = 1; k < nit; k++) {
		/* "I think you said $2,000 today twice there! Just the one
		 * $2,000 today": the same sum on the same day, said again, is
		 * one payment */
		int h;

		if (it[k].kind != IT_AMT || it[k].skip != SK_NO || it[k].when < 0 ||
		    it[k].rate >= 0 || it[k].count >= 0)
			continue;
		for (h = 0; h < k; h++)
			if (it[h].kind == IT_AMT && it[h].skip == SK_NO &&
			    it[h].when >= 0 && it[h].rate < 0 && it[h].count < 0 &&
			    fabs(it[h].v - it[k].v) < 0.005 &&
			    strcmp(it[it[h].when].text, it[it[k].when].text) == 0) {
				it[h].skip = SK_OTHER;
				break;
			}
	}
	for (k = 2; k < nit; k++) {
		/* "$500 today and $400 on the 1st, $900 in all": a bare figure
		 * that adds up the payments said before it is their sum */
		double said = 0;
		int h, heads = 0;

		if (it[k].kind != IT_AMT || it[k].skip != SK_NO ||
		    it[k].when >= 0 || it[k].rate >= 0 || it[k].count >= 0)
			continue;
		for (h = 0; h < k; h++)
			if (is_head(&it[h]) && it[h].kind == IT_AMT &&
			    it[h].skip == SK_NO && it[h].rate < 0 &&
			    it[h].count < 0) {
				said += it[h].v;
				heads++;
			}
		if (heads >= 2 && fabs(said - it[k].v) < 0.005)
			it[k].skip = SK_OTHER;
	}
	if (asks_option(text))
		/* "is there a discount if I pay in full?": only a sum said
		 * is offered */
		for (k = 0; k < nit; k++)
			if (is_head(&it[k]) && it[k].kind != IT_AMT)
				it[k].skip = SK_OTHER;

	for (k = 0; k < nit; k++)
		if (is_head(&it[k]) && !it[k].weak && it[k].skip == SK_NO &&
		    !(it[k].inv && (it[k].topic || (it[k].when < 0 && !it[k].payv))))
			break;
	strong = k < nit;
	for (k = 0; k < nit; k++) {
		struct item *x = &it[k];

		/* "it" stands for the balance only alone and with a time, a
		 * rate or a count */
		if (x->weak && x->skip == SK_NO && (strong ||
		    (x->when < 0 && x->rate < 0 && x->count < 0))) {
			int h;

			x->skip = SK_OTHER;
			/* "6,700? ok I'll send it thursday": "it" is the amount
			 * before it, and so is its day */
			for (h = k - 1; h >= 0 && strong; h--)
				if (is_head(&it[h]) && it[h].skip == SK_NO) {
					if (it[h].when < 0)
						it[h].when = x->when;
					break;
				}
		}
		/* an invoice is proposed when its payment is: a day for it, or
		 * a payment verb naming it */
		if (is_head(x) && x->inv && x->skip == SK_NO &&
		    ((x->when < 0 && !x->payv) || x->topic || whq))
			x->skip = SK_OTHER;
		/* "$1,480 today, so 3318 is cleared before Wednesday", "the
		 * oldest invoice, $1,480, today, so 3318 is cleared": an invoice
		 * named after a sum of its amount, or after the same invoice, is
		 * what that payment clears, not a second payment */
		if (is_head(x) && x->inv && x->skip == SK_NO) {
			int h;

			for (h = 0; h < k; h++)
				if (is_head(&it[h]) && it[h].skip == SK_NO &&
				    (it[h].inv ? it[h].invk == x->invk :
				     it[h].kind == IT_AMT) &&
				    fabs(it[h].v - x->v) < 0.005) {
					x->skip = SK_OTHER;
					break;
				}
		}
		if (!is_head(x) || x->skip != SK_NO)
			continue;
		any = 1;
		if (x->rate >= 0 || x->count >= 0 || x->when >= 0 || x->inv)
			cue = 1;
	}
	if (!any && orphan < 0) {
		/* "can you pay the invoice for $1,840 today?" */
		for (k = 0; k < nit; k++)
			if (is_head(&it[k]) && it[k].rescue) {
				it[k].skip = SK_NO;
				any = 1;
				break;
			}
	}
	if ((!any && orphan < 0) || !cue) {
		if (out != NULL)
			*out = p;
		return RC_PROP_NONE;
	}

	for (k = 0; k < nit; k++) {
		struct item *x = &it[k];
		int32_t d;

		if (!is_head(x) || x->skip != SK_NO)
			continue;
		/* "the 1840 in 2 parts, 920 friday and 920 the following
		 * friday": the whole, then its parts one by one */
		if (x->count >= 0 && x->rate < 0 && it[x->count].over &&
		    it[x->count].unit == RC_PERIOD_NONE && parts_follow(it, nit, k,
		    head_value(x, balance, sum)))
			continue;
		/* "so the crown was 980, ... could I do 300 tomorrow, 300 on
		 * the 12th and the last 380 on the 26th": the whole debt said
		 * bare, then the payments that make it up */
		if (x->kind == IT_AMT && x->when < 0 && x->rate < 0 &&
		    x->count < 0 && balance > 0 && fabs(x->v - balance) < 0.005 &&
		    parts_follow(it, nit, k, x->v))
			continue;
		/* the same sum said again with nothing of its own: "£126
		 * today? That's 10%", "bill 40877 tomorrow, the £400 one" */
		v = head_value(x, balance, sum);
		if (x->described && x->when < 0 && x->rate < 0 && x->count < 0)
			continue;
		if (x->restate && last_v > 0 && x->when < 0 && x->rate < 0 &&
		    x->count < 0 && fabs(v - last_v) <= fmax(0.01, 0.005 * v))
			continue;
		last_v = x->rate < 0 && x->count < 0 ? v : 0;
		/* The whole balance asked after other payments is a new
		 * proposal, not one more payment: "half would be 630 today.
		 * could you do the whole 1,260 today?" */
		if (p.terms.n > 0 && balance > 0 && (x->kind == IT_FULL ||
		    (x->kind == IT_AMT && fabs(x->v - balance) < 0.005)) &&
		    x->rate < 0 && x->count < 0) {
			rc_terms_clear(&p.terms);
			sum = 0;
			last = RC_DATE_NONE;
			first = -1;
		}
		if (first < 0) {
			first = k;
			p.share = x->kind == IT_SHARE ? x->v : x->kind == IT_FULL &&
			    !x->weak ? 1 : 0;
			if (x->when >= 0)
				memcpy(p.when, it[x->when].text, sizeof p.when);
		}
		if (x->kind == IT_REST)
			p.rest = 1;
		if (x->rate >= 0 && x->count < 0 && !(x->when >= 0 &&
		    it[x->when].nmon > 0))
			p.open_run = 1;
		if (x->count >= 0 && x->rate < 0 && announced(it, nit, k)) {
			/* "2 payments: 1230 on friday and 1230 on the 12th": the
			 * count names the payments said one by one after it */
			struct item one = *x;

			one.count = -1;
			add_head(&p.terms, it, nit, &one, dc, balance, sum, last);
		} else {
			add_head(&p.terms, it, nit, x, dc, balance, sum, last);
		}
		sum = 0;
		for (d = 0; d < p.terms.n; d++)
			sum += rc_units(p.terms.part[d].cents) * p.terms.part[d].count;
		for (d = 0; d < p.terms.n; d++)
			if (p.terms.part[d].due != RC_DATE_NONE)
				last = p.terms.part[d].due > last || last == RC_DATE_NONE ?
				    p.terms.part[d].due : last;
	}
	if (orphan >= 0 && balance > sum) {
		/* "pay it off over 4 months": what is left, divided */
		struct item *c = &it[orphan];
		enum rc_period per = c->per ? c->per : c->unit ? c->unit :
		    RC_PERIOD_MONTH;
		int count = convert_count(c->v, c->unit, per);
		int32_t days[RC_TERMS_PARTS];
		const char *said[RC_TERMS_PARTS];

		if (c->unit == RC_PERIOD_NONE && c->per == RC_PERIOD_NONE &&
		    count >= 2 && orphan + 1 < nit &&
		    it[orphan + 1].kind == IT_WHEN && it[orphan + 1].loose &&
		    it[orphan + 1].first - c->last <= 1 &&
		    listed_days(it, nit, orphan + 1, count, dc, last, days,
		    said) == count) {
			/* "split it into two payments on the 20th and the 30th":
			 * a day for each part */
			int64_t left = rc_cents(balance) - rc_cents(sum);
			int64_t part = left / count;

			for (k = 0; k < count; k++)
				rc_terms_add(&p.terms, part + (k == count - 1 ?
				    left - part * count : 0), 1, RC_PERIOD_NONE,
				    days[k], said[k]);
		} else if (count > 0 && count <= RC_TERMS_PAYMENTS) {
			int64_t left = rc_cents(balance) - rc_cents(sum);
			int64_t each = left / count;

			if (each > 0) {
				rc_terms_add(&p.terms, each, count - (left % count != 0),
				    per, after(last != RC_DATE_NONE ? last :
				    dc ? dc->today : RC_DATE_NONE, per), NULL);
				if (left % count != 0) {
					int32_t day = RC_DATE_NONE;
					int64_t cents;

					rc_terms_payment(&p.terms, rc_terms_count(&p.terms) - 1,
					    &cents, &day);
					if (count == 1)
						day = after(last != RC_DATE_NONE ? last :
						    dc ? dc->today : RC_DATE_NONE, per);
					else
						day = after(day, per);
					rc_terms_add(&p.terms, each + left % count, 1,
					    RC_PERIOD_NONE, day, NULL);
				}
			}
		}
	}
	if (p.terms.n == 0) {
		/* a share of a balance not known: "half now" */
		p.kind = first >= 0 && p.share > 0 ? RC_PROP_LUMP : RC_PROP_NONE;
		if (out != NULL)
			*out = p;
		return p.kind;
	}
	rc_terms_finish(&p.terms, rc_cents(balance));
	p.kind = rc_terms_count(&p.terms) > 1 ? RC_PROP_PLAN : RC_PROP_LUMP;
	/* "upfront" is a payment standing alone before any run */
	p.upfront = p.terms.part[0].count == 1 ?
	    rc_units(rc_terms_first(&p.terms, &due)) : 0;
	p.instalment = rc_units(rc_terms_instalment(&p.terms, NULL));
	p.total = rc_units(p.terms.total);
	if (out != NULL)
		*out = p;
	return p.kind;
}

/* ---- formatting ---------------------------------------------------------- */

/* Writes the digits of W (a whole number >= 0) with thousands commas. */
static void
group_digits(double w, char *dst, size_t size)
{
	char digits[400];
	size_t n, k, o = 0;

	snprintf(digits, sizeof digits, "%.0f", w);
	n = strlen(digits);
	for (k = 0; k < n && o + 1 < size; k++) {
		if (k > 0 && (n - k) % 3 == 0 && o + 2 < size)
			dst[o++] = ',';
		dst[o++] = digits[k];
	}
	dst[o] = '\0';
}

char *
rc_amount_format(double value, const char *currency, char *buf, size_t size)
{
	char num[600];
	const char *sym = "", *code = "";
	double a;
	int neg, cents = 0;
	size_t len;

	if (buf == NULL || size == 0)
		return buf;
	if (currency != NULL && *currency != '\0') {
		if (strlen(currency) == 3 && toupper(U(currency[0])) == 'U' &&
		    toupper(U(currency[1])) == 'S' && toupper(U(currency[2])) == 'D')
			sym = "$";
		else if (strlen(currency) == 3 && toupper(U(currency[0])) == 'E' &&
		         toupper(U(currency[1])) == 'U' &&
		         toupper(U(currency[2])) == 'R')
			sym = "\xe2\x82\xac";
		else if (strlen(currency) == 3 && toupper(U(currency[0])) == 'G' &&
		         toupper(U(currency[1])) == 'B' &&
		         toupper(U(currency[2])) == 'P')
			sym = "\xc2\xa3";
		else
			code = currency;
	}
	if (!isfinite(value)) {
		snprintf(buf, size, "?");
		return buf;
	}
	neg = value < 0;
	a = fabs(value);
	if (a < 1e15) {
		long long c = llround(a * 100);

		group_digits((double)(c / 100), num, sizeof num);
		cents = (int)(c % 100);
		if (c == 0)
			neg = 0;
	} else {
		group_digits(floor(a), num, sizeof num);
	}
	if (cents > 0)
		len = (size_t)snprintf(buf, size, "%s%s%s.%02d%s%s", neg ? "-" : "",
		                       sym, num, cents, *code ? " " : "", code);
	else
		len = (size_t)snprintf(buf, size, "%s%s%s%s%s", neg ? "-" : "", sym,
		                       num, *code ? " " : "", code);
	if (len >= size) {
		/* cut short: do not end in half a UTF-8 character */
		size_t lead = size - 1, need;

		while (lead > 0 && (U(buf[lead - 1]) & 0xc0) == 0x80)
			lead--;
		if (lead > 0 && U(buf[lead - 1]) >= 0xc0) {
			need = U(buf[lead - 1]) >= 0xf0 ? 4 :
			       U(buf[lead - 1]) >= 0xe0 ? 3 : 2;
			if (size - 1 - (lead - 1) < need)
				buf[lead - 1] = '\0';
		}
	}
	return buf;
}
