/*
 * understand.h - reading one line: what the speaker means (the lexicon's
 * intents, each with the span that decided it), the amounts of money and
 * the terms in it.  Every consumer - a debtor's rules, the bargaining,
 * the scorecard, `recoup understand`, /why - reads a line through here,
 * once, so they cannot disagree about it.
 *
 * A line is normalised first (normalise.h); intents are matched on the
 * normal form with quoted speech blanked.  A match of a negatable intent
 * with a negation before it in the same clause does not count, unless the
 * negation sits in a conditional clause ("if you don't pay, ...").  When
 * no intent of the speaker's side is found, a second chance compares the
 * line's stemmed content words with each intent's examples.
 *
 * Ownership: a reader is made with rc_reader_new() and freed with
 * rc_reader_free(); the lexicon must outlive it.  A reading owns its
 * normal form; free it with rc_reading_free() (a reading may be reused).
 */
#ifndef RC_UNDERSTAND_H
#define RC_UNDERSTAND_H

#include <stddef.h>

#include "amount.h"
#include "buf.h"
#include "err.h"
#include "lexicon.h"
#include "match.h"

/* How an intent was read. */
enum rc_read_path {
	RC_READ_PATTERN,    /* one of its patterns matched */
	RC_READ_FACTS,      /* the scenario: case file, research, terms */
	RC_READ_SIMILAR,    /* second chance: like one of its examples */
	RC_READ_LIKENESS    /* like the lines known to carry it (likeness.h) */
};

struct rc_hit {
	int intent;
	size_t start, end;          /* byte span in the normal form */
	enum rc_read_path path;
};

struct rc_reading {
	struct rc_buf norm;         /* the normal form */
	int changes;                /* words normalisation changed */
	struct rc_intents set;
	struct rc_intents firm;     /* SET without what likeness added */
	struct rc_hit hits[RC_INTENT_MAX];
	size_t nhits;
	double similarity;          /* second chance: best score, else 0 */
	struct rc_money money[RC_AMOUNT_MAX];
	size_t nmoney;
	struct rc_proposal prop;
	double credit;              /* a credit granted (intent grant-credit):
	                               the amount said nearest the words that
	                               grant it, below the debt; 0 when none */
};

#define RC_READING_INIT { RC_BUF_INIT, 0, { { 0 } }, { { 0 } }, { { 0, 0, 0, 0 } }, 0, 0, { { 0, 0, 0 } }, 0, { 0 }, 0 }

void rc_reading_free(struct rc_reading *r);

/* 1 when R carries intent I (an index into the lexicon). */
static inline int
rc_reading_has(const struct rc_reading *r, int i)
{
	return rc_intents_has(&r->set, i);
}

/* What a scenario tells the reader: its words (kept from correction),
 * the facts of its case file for intents read from the case, its
 * research patterns.  Strings and patterns are not owned. */
struct rc_facts {
	double balance;
	const char *const *invoice_ids;   /* "INV-2291": the unpaid ones, then
	                                     the paid ones up to nall_invoices */
	const double *amounts;            /* invoice amounts and the balance */
	size_t ninvoices, namounts;
	size_t nall_invoices;             /* paid ones too: bare invoice numbers
	                                     are not money */
	int days_overdue;                 /* 0: unknown */
	int32_t today;                    /* the call's date (date.h), or
	                                     RC_DATE_NONE */
	int day_first;                    /* "5/1" is 5 January */
	struct rc_pattern *const *research;
	size_t nresearch;
	const int *research_intents;      /* reading one is using research */
	size_t nresearch_intents;
};

struct rc_reader;

struct rc_reader *rc_reader_new(const struct rc_lexicon *lx);
void rc_reader_free(struct rc_reader *rd);

/* Tells RD about a scenario: FACTS (copied; its arrays must outlive RD)
 * and the text its words are taken from (names, places, products), which
 * is added to the vocabulary. */
void rc_reader_facts(struct rc_reader *rd, const struct rc_facts *facts);
/* The debt proposals are read against from now on ("the rest" of it):
 * the balance less what the call has taken off it.  Needs facts. */
void rc_reader_set_balance(struct rc_reader *rd, double balance);
/* When RD adds intents by likeness (likeness.h): in every read (the
 * default: recoup understand, the corpus checks), only when asked with
 * rc_reader_add_likeness() (the debtor, which needs it only for a line
 * no rule took: the model is trained on first use), or never (the
 * scorecard counts only firm readings). */
enum rc_likeness_use {
	RC_LIKENESS_OFF, RC_LIKENESS_ON_DEMAND, RC_LIKENESS_ALWAYS
};
void rc_reader_likeness(struct rc_reader *rd, enum rc_likeness_use use);
/* Adds to R (read from TEXT by RD) the intents likeness reads, when RD
 * reads by likeness on demand; returns 1 when R now holds more than its
 * firm intents. */
int rc_reader_add_likeness(struct rc_reader *rd, const char *text,
                           enum rc_side side, struct rc_reading *r);
void rc_reader_vocab(struct rc_reader *rd, const char *text);
/* The same from a set of words (not owned; must outlive RD). */
struct rc_strmap;
void rc_reader_vocab_map(struct rc_reader *rd, const struct rc_strmap *words);

/* Reads TEXT said by SIDE (RC_SIDE_TRAINEE or RC_SIDE_DEBTOR) into OUT. */
void rc_reader_read(struct rc_reader *rd, const char *text, enum rc_side side,
                    struct rc_reading *out);

/* Is intent I read in TEXT without the second chance (normalised, quotes
 * blanked, negation applied, facts used)?  For lint: an intent's own
 * examples would always pass the second chance. */
int rc_reader_intent(struct rc_reader *rd, int i, const char *text);

/* 1 when TEXT is shouted: mostly capital letters (ids like "INV-2291"
 * and short words like "I" or "OK" do not count). */
int rc_text_shouted(const char *text);

/* The lexicon of RD. */
const struct rc_lexicon *rc_reader_lexicon(const struct rc_reader *rd);

/* 1 when spelling correction is on (the dictionary could be opened). */
int rc_reader_spelling(struct rc_reader *rd);

/* Lint for the lexicon: every example of every intent is read as it, no
 * counter-example is.  Adds an error per failure to ERR, naming the file
 * and the example's pointer; returns how many failed. */
size_t rc_reader_check(struct rc_reader *rd, struct rc_err *err);

#endif
