/*
 * test_detect_deal.c - the detectors of practices 11 to 20 on small calls
 * written the way a trainee would type them.  Each case says how a
 * collections trainer would judge the call (met, partial, missed, n/a) and
 * which turn decided it; the scoring runs with the real rubric and
 * signals from scoring/.  Case: Bloom & Co owes Northwind Supplies $3,120
 * (INV-2291 $1,840 due 2026-09-15, INV-2307 $1,280 due 2026-10-01).
 */
#include <stdlib.h>
#include <string.h>

#include "scorekit.h"

/* 11 find-the-reason */
static const char *const reason_asked[] = {
	"D: Hello, Bloom and Co.",
	"C: Hi, this is Sam from Northwind Supplies. Am I speaking with Maria Okafor?",
	"D[right-party-confirmed]: Yes, speaking.",
	"C: I'm calling about invoice INV-2291 for $1,840, due on September 15th. "
	    "What happened with this payment?",
	"D[reason-revealed]: Our bookkeeper left and the invoices went to an old inbox.",
	NULL,
};
static const char *const reason_volunteered[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[reason-revealed]: I know, sorry. Our bookkeeper quit in August and nobody paid anything.",
	"C: I understand, thanks for explaining. Could you pay the $1,840 by Friday?",
	NULL,
};
static const char *const reason_ignored[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[reason-revealed]: Our bookkeeper quit, that's why.",
	"C: Could you pay the $1,840 by Friday?",
	NULL,
};
static const char *const reason_never[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance is $3,120.",
	"D: Right.",
	"C: Could you pay $3,120 by Friday?",
	"D: I'll see what I can do.",
	NULL,
};
/* The collector quotes the debtor's own question: not an ask. */
static const char *const reason_quoted[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance is $3,120.",
	"D: What went wrong with my order?",
	"C: You asked me \"what went wrong\" - nothing did, it shipped on time. "
	    "Could you pay $3,120 by Friday?",
	NULL,
};
static const char *const silent_collector[] = {
	"D: Hello? Hello? Is anyone there?",
	NULL,
};
/* A recorded call: the reason is inferred from the debtor's words. */
static const char *const reason_recorded[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: Sorry, that's because our bookkeeper left in August.",
	"C: I understand, thanks for telling me. Could we settle it by Friday?",
	NULL,
};

/* A reason given unasked and taken up in the next line: found out. */
static const char *const reason_taken_up_ack[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: It probably came. Our office manager quit in October and the payables are a mess.",
	"C: Ah, that explains a lot. What would work best for you to get it sorted?",
	NULL,
};
static const char *const reason_taken_up_question[] = {
	"C: Hi Maria, it's Sam from Northwind, about the $1,840 on INV-2291.",
	"D: I know, sorry. Our partner who signs off payments has been away.",
	"C: Oh, that's a pain. When's he back?",
	NULL,
};
static const char *const reason_taken_up_sorry[] = {
	"C: Three repayments of $420 have been missed. Can you bring that up to date?",
	"D: Not at the moment. I had a stroke in August. Six weeks in hospital.",
	"C: Oh, I'm so sorry. How are you going now?",
	NULL,
};
/* Before the debt is raised, a complaint is not a reason for not paying. */
static const char *const reason_before_debt[] = {
	"C: Thanks for calling Northwind accounts, Jess speaking, how can I help?",
	"D: Our logins stopped working this morning, I think our client hasn't paid us.",
	"C: Let me have a look. Can you confirm the account email for me?",
	"D: accounts@bloom.example.",
	"C: Could you pay the $1,840 by Friday?",
	NULL,
};

/* 12 ask-for-comments */
static const char *const comments_asked[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance of $3,120 is overdue.",
	"D[inability-revealed]: I can't pay all of that right now.",
	"C: I see. What would work for you to clear this?",
	"D[debtor-offer 0+500x6]: Maybe $500 a month for six months?",
	NULL,
};
static const char *const comments_figure_only[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance of $3,120 is overdue.",
	"D[inability-revealed]: I can't pay all of that right now.",
	"C: What can you pay today?",
	"D[debtor-offer 800]: Maybe $800.",
	NULL,
};
static const char *const comments_never[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance of $3,120 is overdue.",
	"D: I know.",
	"C: Could you do $1,000 now and $530 a month for 4 months?",
	"D[agreement 1000+530x4]: Fine, I can do that.",
	NULL,
};
/* Quoted words from the debtor's email are not the collector asking. */
static const char *const comments_quoted[] = {
	"C: Your email said \"any ideas are welcome\", so here is mine: $1,000 now and "
	    "$530 a month for 4 months.",
	"D[agreement 1000+530x4]: Alright.",
	NULL,
};
static const char *const paid_in_full[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay the full balance of "
	    "$3,120 today?",
	"D[agreement 3120]: Yes, of course, I'll pay it all today.",
	NULL,
};

/* 13 require-counter-offer */
static const char *const counter_asked[] = {
	"C: Could you pay the full $3,120 by Friday?",
	"D: No, that's impossible right now.",
	"C: I understand. What can you pay?",
	"D[debtor-offer 900]: I could do $900 today.",
	NULL,
};
static const char *const counter_asked_first[] = {
	"C: Your balance of $3,120 is overdue. Make me an offer: what can you pay this week?",
	"D[debtor-offer 900]: I could do $900.",
	"C: Let me think. Could you do $2,000 by Friday?",
	"D: No, too much.",
	"C: Then $2,000 by Friday stays my figure.",
	NULL,
};
static const char *const counter_caved[] = {
	"C: Could you pay the full $3,120 by Friday?",
	"D: No way, that's far too much.",
	"C: OK, what about $2,000 by Friday?",
	"D: Still too much.",
	"C: $1,500 then?",
	NULL,
};
static const char *const counter_never[] = {
	"C: Could you pay $3,120 by Friday?",
	"D: No, I can't do that.",
	"C: Then I'll call you back next week about it.",
	NULL,
};
static const char *const counter_unasked[] = {
	"C: Could you pay $3,120 by Friday?",
	"D[debtor-offer 1200]: How about $1,200 now?",
	"C: Let me think about that.",
	NULL,
};
/* A plain yes to the first part of a plan is not a refusal: the rest of
 * the plan that follows is not lowering one's own figure. */
static const char *const counter_yes_then_rest[] = {
	"C: Can you make it $1,840 this week so the September one is cleared?",
	"D: Yeah, alright. I'll shuffle a couple of things.",
	"C: Then $1,280 by the 30th.",
	NULL,
};
/* Asking what would work each month asks for a figure. */
static const char *const counter_asked_monthly[] = {
	"C: Could you pay the full $3,120 by Friday?",
	"D: No, I lost my job.",
	"C: What do you think would work for you, realistically, each month?",
	"D[debtor-offer 150]: Maybe $150 a month.",
	NULL,
};
static const char *const counter_asked_toward[] = {
	"C: Could you pay the full $3,120 by Friday?",
	"D: Not a chance.",
	"C: What could you put toward it this week?",
	"D[debtor-offer 500]: $500.",
	NULL,
};
static const char *const no_bargaining[] = {
	"C: Hello, this is Sam from Northwind Supplies. Is this Maria Okafor?",
	"D: No, wrong number.",
	"C: Sorry to bother you.",
	NULL,
};

/* 14 no-immediate-counter */
static const char *const offer_paused[] = {
	"C: Could you pay $3,120 by Friday?",
	"D[debtor-offer 900]: I could do $900 today.",
	"A[pause]: /pause",
	"D: ...so, what do you say?",
	"C: Could you do $1,500 today?",
	NULL,
};
static const char *const offer_considered[] = {
	"C: Could you pay $3,120 by Friday?",
	"D[debtor-offer 900]: I could do $900 today.",
	"C: Thanks for the offer. How did you arrive at that figure?",
	"D: It's what's in the account.",
	"C: Could you do $1,500 today then?",
	"D[debtor-offer 1100]: $1,100, that's my limit.",
	"C: Let me check with my manager.",
	NULL,
};
static const char *const offer_countered[] = {
	"C: Could you pay $3,120 by Friday?",
	"D[debtor-offer 900]: I could do $900 today.",
	"C: How about $1,500 instead?",
	NULL,
};
static const char *const offer_accepted[] = {
	"C: Could you pay $3,120 by Friday?",
	"D[debtor-offer 900]: I could do $900 today.",
	"C: That works for me.",
	"D[agreement 900]: Great.",
	NULL,
};
static const char *const offer_later_hasty[] = {
	"C: Could you pay $3,120 by Friday?",
	"D[debtor-offer 900]: I could do $900.",
	"C: Thanks for the offer, let me think about it. Is that the most you can do?",
	"D: It's what we have in the account.",
	"C: Could you do $2,000 by Friday?",
	"D[debtor-offer 1200]: $1,200, final.",
	"C: $1,200 works.",
	NULL,
};
static const char *const offer_unanswered[] = {
	"C: Could you pay $3,120 by Friday?",
	"D[debtor-offer 900]: I could do $900 today.",
	NULL,
};
/* A recorded call: the offer is inferred from "I could do $900". */
static const char *const offer_recorded[] = {
	"C: Could you pay $3,120 by Friday?",
	"D: I could do $900 today.",
	"C: Alright, let's go with $900.",
	NULL,
};

/* Recorded calls: a debtor's bare yes agrees only when it answers terms
 * put to them (a proposal, their own offer taken, a recap). */
static const char *const assent_fine[] = {
	"C: Could you pay the $1,840 by Friday and the $1,280 by the 30th?",
	"D: Fine.",
	"C: Thanks. I'll email you the agreement in writing today.",
	NULL,
};
static const char *const assent_okay_thanks[] = {
	"C: So that's $1,000 today and $530 a month for four months.",
	"D: Okay, thanks.",
	"C: I'll send you a letter confirming those dates.",
	NULL,
};
static const char *const assent_relief[] = {
	"C: We can do $200 a month starting on the 1st of December.",
	"D: Oh, that's a weight off.",
	"C: Great. I'll put it in writing and email it over this afternoon.",
	NULL,
};
static const char *const assent_to_question[] = {
	"C: Hi Maria, invoice INV-2291 for $1,840 is overdue. Did you get the statement?",
	"D: Okay.",
	"C: I'll email you a copy in writing today.",
	NULL,
};
static const char *const assent_but[] = {
	"C: Could you pay the $1,840 by Friday?",
	"D: Okay, but I can't do Friday.",
	"C: I'll email you the details in writing.",
	NULL,
};
static const char *const offer_taken[] = {
	"C: Your balance of $3,120 is overdue. What could you manage?",
	"D: Could we pay $1,560 today and the rest at the end of the month?",
	"C: Yes, that's fine, we can do that. I'll email you the agreement to sign.",
	NULL,
};
/* Asking the reason, in several common forms. */
static const char *const reason_in_the_way[] = {
	"C: Invoice INV-2291 for $1,840 is six weeks over. Has something got in the way with it?",
	"D: The shop flooded.",
	NULL,
};
static const char *const reason_stopped[] = {
	"C: Invoice INV-2291 for $1,840 is overdue. So what stopped it getting paid?",
	"D: Just forgot.",
	NULL,
};
static const char *const reason_why_that_is[] = {
	"C: Three payments have been missed. Can I ask why that is?",
	"D: I lost my job.",
	NULL,
};
static const char *const reason_holding[] = {
	"C: I'll resend it. Was there anything else holding it up?",
	"D: Just the email.",
	NULL,
};
static const char *const reason_stop_paying[] = {
	"C: You signed a twelve-month contract. Why did you stop paying?",
	"D: I thought it would just cancel.",
	NULL,
};

static const char *const writing_with_terms[] = {
	"C: So that's $1,560 today and $1,560 on the 30th. I'll email you "
	    "a confirmation of both dates.",
	"D: Okay, thanks.",
	"C: Thanks, bye.",
	NULL,
};
static const char *const assent_echo[] = {
	"C: Could you do something today as a show of good faith, say $500?",
	"D: Yeah, $500 I can do today.",
	"C: Great. I'll send that to you in writing.",
	NULL,
};
static const char *const assent_interjection[] = {
	"C: I need the $1,840 by Friday and the $1,280 by the 14th.",
	"D: Ugh. Fine. $1,840 Friday, the rest the 14th.",
	"C: Okay. I'll email you the terms to sign.",
	NULL,
};

/* Consequences of a broken plan, in several forms. */
static const char *const ram_plan_ends[] = {
	"C: So $200 on Friday and then every second Friday. If two payments in "
	    "a row are missed, the plan ends and the disconnection process starts back up.",
	"D: Grand.",
	NULL,
};
static const char *const ram_lapses[] = {
	"C: $500 today and $500 by the 18th. If the second payment doesn't come "
	    "through by the 18th, the arrangement lapses and outgoing calls get barred.",
	"D: Okay.",
	NULL,
};
static const char *const ram_arrears[] = {
	"C: We'll pause it until the end of January. After that the repayments "
	    "of $420 start again, and if they're missed the account goes back into arrears.",
	"D: Understood.",
	NULL,
};
static const char *const ram_no_more[] = {
	"C: $1,500 today, $1,800 on the 21st. If a payment slips, the plan's "
	    "cancelled, the whole remaining balance falls due, and we can't rent "
	    "you any more equipment.",
	"D: Alright.",
	NULL,
};
/* A sum named in answer to "what could you pay?" is an offer. */
static const char *const offer_answer_maybe[] = {
	"C: What could you put toward it today, even something small?",
	"D: Maybe $75?",
	"C: Thanks. How did you arrive at that?",
	NULL,
};
static const char *const offer_answer_taken[] = {
	"C: So what could you do for us on it?",
	"D: $1,500 now and then we talk in December?",
	"C: Yes, that's fine, $1,500 today then.",
	NULL,
};

/* An offer that splits the two invoices between days without naming them
 * is an offer all the same; saying one of them went missing is not. */
static const char *const offer_split_taken[] = {
	"C: There are two invoices open, INV-2291 and INV-2307.",
	"D: Could we pay one of them today and the other at the end of the month?",
	"C: Yes, that's fine, we can do that.",
	NULL,
};
static const char *const offer_split_heard[] = {
	"C: There are two invoices open, INV-2291 and INV-2307.",
	"D: I can do the first one now and the second one on Friday.",
	"C: Thanks. How did you settle on that?",
	NULL,
};
static const char *const offer_split_older[] = {
	"C: There are two invoices open, INV-2291 and INV-2307.",
	"D: We'll pay the older one this week and the newer one next month.",
	"C: Okay, deal.",
	NULL,
};
static const char *const split_no_offer[] = {
	"C: There are two invoices open, INV-2291 and INV-2307.",
	"D: One of them came through fine but the other never arrived.",
	"C: Thanks, I'll resend it.",
	NULL,
};

static const char *const writing_reply_confirm[] = {
	"C: So: $2,000 today and $1,120 by the 25th, all by EFT. Does that work?",
	"D: Yeah, that works.",
	"C: Done. I'll email it through so you can reply and confirm.",
	NULL,
};
static const char *const writing_in_a_letter[] = {
	"C: We can do $200 a month from the 1st of December.",
	"D: That's a weight off.",
	"C: I'll confirm that in a letter this week.",
	NULL,
};

/* 15 good-faith-gesture */
static const char *const faith_put_toward_today[] = {
	"C: I understand. What could you put toward it today, even something "
	    "small, to show it's moving?",
	"D: Maybe $75?",
	NULL,
};
static const char *const faith_to_show[] = {
	"C: Could you send a little now, just to show you're serious?",
	"D: I suppose so.",
	NULL,
};

static const char *const faith_asked[] = {
	"C: I understand money is tight. Could you make a good-faith payment of $300 today?",
	"D: I can probably do that.",
	NULL,
};
static const char *const faith_in_plan[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	NULL,
};
static const char *const faith_never[] = {
	"C: No deposit is needed, just the plan: $520 a month for 6 months.",
	"D[agreement 0+520x6]: Yes, OK.",
	NULL,
};

/* 16 dont-force-the-issue */
static const char *const force_gentle[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue; "
	    "what happened?",
	"D[inability-revealed, reason-revealed]: I lost my biggest client in August, "
	    "there is nothing in the account.",
	"C: That sounds really hard. Could I call you back next Friday to see where things stand?",
	"D[follow-up-agreed]: Yes, that's fine.",
	NULL,
};
static const char *const force_threat[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my biggest client, there is nothing in the account.",
	"C: Pay up or we will take you to court. I'll call you back Friday.",
	NULL,
};
static const char *const force_full[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my biggest client, there is nothing in the account.",
	"C: I still need the full amount by Friday.",
	NULL,
};
static const char *const force_shout[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I can't pay anything, I lost my job.",
	"C: THAT IS NOT MY PROBLEM, YOU SIGNED FOR THE GOODS.",
	NULL,
};
static const char *const force_no_next[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I can't pay anything, I lost my job.",
	"C: I understand. Thank you for telling me.",
	NULL,
};
/* "not going to send the bailiffs" and a quoted threat are no pressure. */
static const char *const force_negated[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I can't pay anything, I lost my job.",
	"C: I'm not going to send the bailiffs. I won't threaten you either.",
	"D: The last caller said \"we'll see you in court\".",
	"C: Someone told you \"we'll see you in court\"? That is not how we work. "
	    "Let's talk again next week.",
	NULL,
};

/* Saying the whole balance is not needed now is not a demand for it. */
static const char *const force_not_full[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I can't pay anything, I lost my job.",
	"C: You don't have to clear the whole balance today. Can I call you back next week?",
	NULL,
};

/* The balance named with a day to pay it by presses a debtor who cannot. */
static const char *const force_balance_by_day[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance of $3,120 is overdue.",
	"D: Every penny I get goes on rent. I've got literally nothing spare.",
	"C: I understand, but the balance is $3,120 and it does need clearing. "
	    "Could you do it by the end of the month?",
	NULL,
};
/* A third party asking after the debtor is no inability. */
static const char *const force_third_party[] = {
	"C: Hi, is Kevin there? It's Sam from Northwind about his account.",
	"D: He's at work. Is he in trouble or something?",
	"C: No, nothing like that. Could you ask him to call me back?",
	NULL,
};

/* 17 confirm-in-writing */
static const char *const writing_after[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Thank you. I'll email you the terms today to sign and send back.",
	NULL,
};
static const char *const writing_before[] = {
	"C: I can put it in writing: $600 today and $420 a month for 6 months.",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Thank you, goodbye.",
	NULL,
};
static const char *const writing_never[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Thank you. I won't email you the terms, a handshake is enough.",
	NULL,
};

/* 18 explain-ramifications */
static const char *const ram_plain[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: If a payment is missed, the full balance becomes due and the account goes on hold.",
	NULL,
};
static const char *const ram_threat[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: If you miss a payment, we will take you to court and you'll regret it.",
	NULL,
};
/* Shouting at the debtor is not a threat about the agreement; the threat
 * that follows is what gets cited. */
static const char *const ram_shout_then_threat[] = {
	"C: WHY HAVEN'T YOU PAID YOUR BILLS? IT'S BEEN OVER A MONTH.",
	"D: Please lower your voice.",
	"C: Pay the $3,120 today or we're taking you to court.",
	NULL,
};
static const char *const ram_negated_threat[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: If a payment is missed, we won't take you to court; the full balance "
	    "simply becomes due.",
	NULL,
};
static const char *const ram_loose[] = {
	"C: Late fees are added to accounts that stay open. Could you do $600 today "
	    "and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Thank you.",
	NULL,
};
static const char *const ram_never[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Thank you, goodbye.",
	NULL,
};
static const char *const no_deal[] = {
	"C: Hi Maria, this is Sam from Northwind. Is now a good time?",
	"D: Not really, call me tomorrow.",
	"C: I'll call you back tomorrow morning.",
	NULL,
};

/* 19 follow-up-letters */
static const char *const letters_promised[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: You'll get a reminder a few days before each payment.",
	NULL,
};
static const char *const letters_call[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: I'll call you next month to check how it's going.",
	NULL,
};
static const char *const letters_negated[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: You won't get any reminders from us, so keep track yourself.",
	NULL,
};

/* 20 hold-to-the-deal */
static const char *const hold_kept[] = {
	"C: We need the full $3,120 by Friday, otherwise the account goes on hold.",
	"D: I can't make Friday.",
	"C: You said \"no rush\" last time, but the deadline is still Friday.",
	NULL,
};
static const char *const hold_waived[] = {
	"C: We need the full $3,120 by Friday.",
	"D: I can't make Friday.",
	"C: Don't worry about the deadline, pay whenever you can.",
	NULL,
};
static const char *const hold_lowered[] = {
	"C: We need $3,120 by Friday, otherwise the account goes on hold.",
	"D: That's not happening.",
	"C: Fine, $2,000 by Friday then.",
	NULL,
};
static const char *const hold_extended[] = {
	"C: We need $3,120 by the 15th.",
	"D: That's too soon.",
	"C: OK, $3,120 by the 30th.",
	NULL,
};
static const char *const hold_traded[] = {
	"C: We need $3,120 by Friday.",
	"D[debtor-offer 1500]: I can do $1,500 now.",
	"C: Thanks for the offer. If you pay $1,500 today, the rest can wait until the 30th.",
	NULL,
};
/* Waiving with a new, later date for the same money gets nothing back;
 * a waiver put on a condition does. */
static const char *const hold_waived_later[] = {
	"C: We need the $1,840 by the 15th, or late fees go on the account.",
	"D: The partner who signs payments is away.",
	"C: Okay, let's forget the late fees. Can you get the $1,840 paid by the 30th?",
	NULL,
};
static const char *const hold_waived_dropped[] = {
	"C: The $1,840 is due by the 15th, otherwise we add a late fee.",
	"D: That's tight.",
	"C: No worries, I'll drop the late fee, just pay the $1,840 by the 28th.",
	NULL,
};
static const char *const hold_waived_on_condition[] = {
	"C: We need the $1,840 by the 30th, or a late fee is added.",
	"D: Is there any give on that?",
	"C: If you pay the $1,840 by the 15th, I'll waive the late fee.",
	NULL,
};
/* A follow-up call after a broken promise: the terms are enforced. */
static const char *const hold_follow_up[] = {
	"C: Hi Maria, this is Sam from Northwind. You promised $900 by Friday and it "
	    "did not arrive.",
	"D: Things got busy. Can we push it a week?",
	"C: The $900 was due Friday as agreed, and the late fee now applies as we said.",
	NULL,
};
static const char *const hold_nothing[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: It went to an old inbox, sorry.",
	"C: I understand.",
	NULL,
};

int
main(void)
{
	static const char *const ids[] = { "find-the-reason", "ask-for-comments",
	    "require-counter-offer", "no-immediate-counter", "good-faith-gesture",
	    "dont-force-the-issue", "confirm-in-writing", "explain-ramifications",
	    "follow-up-letters", "hold-to-the-deal", NULL };

	if (!load_rubric()) {
		fprintf(stderr, "cannot load the rubric from %s\n", RECOUP_SCORING_DIR);
		return 1;
	}
	check_table(rc_detectors_deal, ids);

	EXPECT("find-the-reason", reason_asked, RC_MET, 4);
	EXPECT2("find-the-reason", reason_volunteered, RC_PARTIAL, 2, 3);
	EXPECT2("find-the-reason", reason_ignored, RC_MISSED, 2, 3);
	EXPECT("find-the-reason", reason_never, RC_MISSED, 3);
	EXPECT("find-the-reason", reason_quoted, RC_MISSED, 3);
	EXPECT("find-the-reason", silent_collector, RC_NA, 0);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1, reason_recorded,
	    RC_PARTIAL, 2, 3);

	EXPECT("ask-for-comments", comments_asked, RC_MET, 3);
	EXPECT("ask-for-comments", comments_figure_only, RC_PARTIAL, 3);
	EXPECT("ask-for-comments", comments_never, RC_MISSED, 3);
	EXPECT("ask-for-comments", comments_quoted, RC_MISSED, 1);
	EXPECT("ask-for-comments", paid_in_full, RC_NA, 0);

	EXPECT("require-counter-offer", counter_asked, RC_MET, 3);
	EXPECT("require-counter-offer", counter_asked_first, RC_MET, 1);
	EXPECT2("require-counter-offer", counter_caved, RC_MISSED, 1, 3);
	EXPECT2("require-counter-offer", counter_never, RC_MISSED, 1, 2);
	EXPECT("require-counter-offer", counter_unasked, RC_MISSED, 2);
	/* "What would work?" answered with an offer invited that offer. */
	EXPECT("require-counter-offer", comments_asked, RC_MET, 3);
	EXPECT("require-counter-offer", no_bargaining, RC_NA, 0);
	EXPECT("require-counter-offer", counter_yes_then_rest, RC_NA, 1);
	EXPECT("require-counter-offer", counter_asked_monthly, RC_MET, 3);
	EXPECT("require-counter-offer", counter_asked_toward, RC_MET, 3);
	EXPECT("require-counter-offer", paid_in_full, RC_NA, 0);

	EXPECT2("no-immediate-counter", offer_paused, RC_MET, 2, 3);
	EXPECT("no-immediate-counter", offer_considered, RC_MET, 3);
	EXPECT2("no-immediate-counter", offer_countered, RC_MISSED, 2, 3);
	EXPECT("no-immediate-counter", offer_accepted, RC_MISSED, 3);
	EXPECT2("no-immediate-counter", offer_later_hasty, RC_PARTIAL, 6, 7);
	EXPECT("no-immediate-counter", offer_unanswered, RC_NA, 0);
	EXPECT("no-immediate-counter", counter_never, RC_NA, 0);
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1, offer_recorded,
	    RC_MISSED, 3, 0);

	EXPECT("good-faith-gesture", faith_asked, RC_MET, 1);
	EXPECT("good-faith-gesture", faith_in_plan, RC_PARTIAL, 1);
	EXPECT("good-faith-gesture", faith_never, RC_MISSED, 2);
	EXPECT_TRUTH("good-faith-gesture", faith_never, &broke, RC_NA, 0, 0);
	EXPECT_TRUTH("good-faith-gesture", faith_asked, &flush, RC_MET, 1, 0);

	EXPECT_TRUTH("dont-force-the-issue", force_gentle, &broke, RC_MET, 2, 3);
	EXPECT2("dont-force-the-issue", force_gentle, RC_MET, 2, 3);
	EXPECT_TRUTH("dont-force-the-issue", force_threat, &broke, RC_MISSED, 3, 0);
	EXPECT_TRUTH("dont-force-the-issue", force_full, &broke, RC_MISSED, 3, 0);
	EXPECT_TRUTH("dont-force-the-issue", force_shout, &broke, RC_MISSED, 3, 0);
	EXPECT_TRUTH("dont-force-the-issue", force_no_next, &broke, RC_PARTIAL, 2, 0);
	EXPECT_TRUTH("dont-force-the-issue", force_negated, &broke, RC_MET, 2, 5);
	EXPECT_TRUTH("dont-force-the-issue", force_not_full, &broke, RC_MET, 2, 3);
	EXPECT_TRUTH("dont-force-the-issue", force_threat, &flush, RC_NA, 0, 0);
	EXPECT("dont-force-the-issue", counter_asked, RC_NA, 0);

	EXPECT("confirm-in-writing", writing_after, RC_MET, 3);
	EXPECT2("confirm-in-writing", writing_before, RC_PARTIAL, 1, 2);
	EXPECT("confirm-in-writing", writing_never, RC_MISSED, 2);
	EXPECT("confirm-in-writing", counter_asked, RC_NA, 0);

	EXPECT("explain-ramifications", ram_plain, RC_MET, 3);
	EXPECT("explain-ramifications", ram_threat, RC_MISSED, 3);
	EXPECT("explain-ramifications", ram_negated_threat, RC_MET, 3);
	EXPECT("explain-ramifications", ram_shout_then_threat, RC_MISSED, 3);
	EXPECT("explain-ramifications", ram_loose, RC_PARTIAL, 1);
	EXPECT("explain-ramifications", ram_never, RC_MISSED, 2);
	EXPECT("explain-ramifications", no_deal, RC_NA, 0);

	EXPECT("follow-up-letters", letters_promised, RC_MET, 3);
	EXPECT("follow-up-letters", letters_call, RC_PARTIAL, 3);
	EXPECT("follow-up-letters", letters_negated, RC_MISSED, 2);
	EXPECT("follow-up-letters", counter_asked, RC_NA, 0);

	EXPECT("hold-to-the-deal", hold_kept, RC_MET, 1);
	EXPECT2("hold-to-the-deal", hold_waived, RC_MISSED, 1, 3);
	EXPECT2("hold-to-the-deal", hold_lowered, RC_MISSED, 1, 3);
	EXPECT2("hold-to-the-deal", hold_extended, RC_MISSED, 1, 3);
	EXPECT("hold-to-the-deal", hold_traded, RC_MET, 1);
	EXPECT2("hold-to-the-deal", hold_waived_later, RC_MISSED, 1, 3);
	EXPECT2("hold-to-the-deal", hold_waived_dropped, RC_MISSED, 1, 3);
	EXPECT("hold-to-the-deal", hold_waived_on_condition, RC_MET, 1);
	EXPECT("hold-to-the-deal", hold_follow_up, RC_MET, 1);
	EXPECT("hold-to-the-deal", hold_nothing, RC_NA, 0);
	/* A consequence stated with the agreement and never taken back. */
	EXPECT("hold-to-the-deal", ram_plain, RC_MET, 3);

	/* Recorded calls: the agreement inferred from a bare yes to terms. */
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1, assent_fine,
	    RC_MET, 3, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1,
	    assent_okay_thanks, RC_MET, 3, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1, assent_relief,
	    RC_MET, 3, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1,
	    assent_to_question, RC_NA, 0, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1, assent_but,
	    RC_NA, 0, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1, offer_taken,
	    RC_MET, 3, 0);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1, reason_in_the_way,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1, reason_stopped,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1, reason_why_that_is,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1, reason_holding,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1, reason_stop_paying,
	    RC_MET, 1, 0);

	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1,
	    writing_with_terms, RC_MET, 1, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1, assent_echo,
	    RC_MET, 3, 0);
	/* Saying the collector's figures back in a yes is no offer. */
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1, assent_echo,
	    RC_NA, 0, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1,
	    assent_interjection, RC_MET, 3, 0);
	expect_at(__LINE__, "explain-ramifications", &kase, NULL, 1,
	    ram_plan_ends, RC_MET, 1, 0);
	expect_at(__LINE__, "explain-ramifications", &kase, NULL, 1, ram_lapses,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "explain-ramifications", &kase, NULL, 1, ram_arrears,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "explain-ramifications", &kase, NULL, 1, ram_no_more,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1,
	    offer_answer_maybe, RC_MET, 2, 3);
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1,
	    offer_answer_taken, RC_MISSED, 2, 3);
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1,
	    offer_split_taken, RC_MISSED, 2, 3);
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1,
	    offer_split_heard, RC_MET, 2, 3);
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1,
	    offer_split_older, RC_MISSED, 2, 3);
	expect_at(__LINE__, "no-immediate-counter", &kase, NULL, 1,
	    split_no_offer, RC_NA, 0, 0);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1,
	    reason_taken_up_ack, RC_MET, 2, 3);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1,
	    reason_taken_up_question, RC_MET, 2, 3);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1,
	    reason_taken_up_sorry, RC_MET, 2, 3);
	expect_at(__LINE__, "find-the-reason", &kase, NULL, 1,
	    reason_before_debt, RC_MISSED, 0, 0);
	expect_at(__LINE__, "good-faith-gesture", &kase, NULL, 1,
	    faith_put_toward_today, RC_MET, 1, 0);
	expect_at(__LINE__, "good-faith-gesture", &kase, NULL, 1, faith_to_show,
	    RC_MET, 1, 0);
	expect_at(__LINE__, "dont-force-the-issue", &kase, NULL, 1,
	    force_balance_by_day, RC_MISSED, 3, 0);
	expect_at(__LINE__, "dont-force-the-issue", &kase, NULL, 1,
	    force_third_party, RC_NA, 0, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1,
	    writing_reply_confirm, RC_MET, 3, 0);
	expect_at(__LINE__, "confirm-in-writing", &kase, NULL, 1,
	    writing_in_a_letter, RC_MET, 3, 0);
	rc_rubric_free(rubric);
	return RC_TEST_DONE();
}
