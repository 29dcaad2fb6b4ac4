#!/bin/sh
# Every debtor's facts are its own: no two shipped scenarios share a phone
# number, an email address, an invoice id, a debtor's or creditor's name or
# a pet's name.  A trainee who plays them all would otherwise meet the same
# dog or dial the same number at two unrelated businesses.
. "$(dirname "$0")/lib.sh"

# facts FILE: one fact per line, "kind value".
facts() {
	grep -oE '\b555-[0-9]{4}\b' "$1" | sed 's/^/phone /'
	grep -oE '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}' "$1" | sed 's/^/email /'
	grep -oE '"id": "[A-Z]{2,5}-[0-9]{3,6}"' "$1" | sed 's/^"id": "/invoice /; s/"$//'
	grep -oE '"(name|debtor|creditor)": "[^"]+"' "$1" |
		sed 's/^"[a-z]*": "/name /; s/"$//'
	# a pet, as the case notes name one: "Dana's dog, Pickle", "X-rays
	# for Biscuit, 6-year-old beagle"
	{
		grep -oE "\b(dog|cat|puppy|kitten|horse|pony)(,| called| named) [A-Z][a-z]+" "$1"
		grep -oE "\b[A-Z][a-z]+, [0-9]+-year-old" "$1" | sed 's/,.*//'
	} | sed -E 's/^(.* )?([A-Z][a-z]+)$/pet \2/'
}

: >"$TMP/all"
n=0
for f in scenarios/*.json; do
	case "$f" in *.plan.json) continue ;; esac
	facts "$f" | sort -u | sed "s|\$|	$(basename "$f" .json)|" >>"$TMP/all"
	n=$((n + 1))
done
expect_eq "ten debtors read" "$n" 10
expect_eq "some phone numbers found" "$(grep -c '^phone ' "$TMP/all" | awk '$1 >= 10 { print "yes" }')" yes
expect_eq "pets found" "$(grep -c '^pet ' "$TMP/all" | awk '$1 >= 2 { print "yes" }')" yes
# A fact named in two scenarios.
shared=$(cut -f1 "$TMP/all" | sort | uniq -d)
expect_eq "no fact shared by two debtors" "$shared" ""
if [ -n "$shared" ]; then
	printf '%s\n' "$shared" | while IFS= read -r fact; do
		grep -F "$fact	" "$TMP/all" | sed 's/^/  /' >&2
	done
fi

finish
