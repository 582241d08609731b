/*
 * unique.c - is this record the first of its source?
 *
 * Most of the work is the identity: fields unescaped, the URL
 * normalised, the key hashed.  dg-cat's threads do that for the lines of
 * their blocks and note it, and the block's turn only looks the keys up.
 * A look-up is mostly a wait for the slot to come from memory (the table
 * of a big archive is megabytes), so a batch asks for the slots of the
 * next few keys ahead of their turn: dg-links -u gathers its lines in
 * batches for that alone.
 */
#include <stdint.h>
#include <string.h>

#include "field_int.h"
#include "unique_int.h"

/* Keys looked up ahead of the one being put. */
#define AHEAD 8

/* A note: the header, then the key's bytes padded to a multiple of 8. */
typedef struct {
	size_t len;		/* the line's bytes, with its LF */
	size_t keylen;		/* the key's bytes, or NOKEY */
	uint64_t hash;		/* the key's, by dg_hash_bytes */
} note;

#define NOKEY SIZE_MAX

int
dg_unique_key(const dg_tsvin *t, dg_buf *scratch, dg_buf *key,
    enum dg_ident *kind, enum dg_field *bad)
{
	dg_str url, title = {NULL, 0};
	int st;

	key->len = 0;
	if ((st = dg_field_raw(dg_tsvin_field(t, DG_F_URL), scratch,
	    &url)) != DG_OK) {
		*bad = DG_F_URL;
		return st;
	}
	/* A source with a URL is its URL: its title plays no part, and is
	 * not looked at (as in dg-links -u).  An empty URL leaves scratch
	 * to the title. */
	if (url.n == 0 && (st = dg_field_raw(dg_tsvin_field(t, DG_F_TITLE),
	    scratch, &title)) != DG_OK) {
		*bad = DG_F_TITLE;
		return st;
	}
	return dg_ident(key, url, title, kind);
}

static size_t
padded(size_t n)
{
	return (n + 7) / 8 * 8;
}

int
dg_unique_note(dg_buf *notes, size_t len, const char *key, size_t n)
{
	note h;
	size_t room;

	h.len = len;
	h.keylen = key != NULL ? n : NOKEY;
	h.hash = key != NULL ? dg_hash_bytes(key, n) : 0;
	room = sizeof(h) + (key != NULL ? padded(n) : 0);
	if (room < sizeof(h) || dg_buf_reserve(notes, room) != DG_OK)
		return DG_ENOMEM;
	memcpy(notes->p + notes->len, &h, sizeof(h));
	if (key != NULL && n > 0) {
		memcpy(notes->p + notes->len + sizeof(h), key, n);
		memset(notes->p + notes->len + sizeof(h) + n, 0,
		    padded(n) - n);
	}
	notes->len += room;
	return DG_OK;
}

/* The note at *off, which moves past it. */
static note
next_note(const dg_buf *notes, size_t *off)
{
	note h;

	memcpy(&h, notes->p + *off, sizeof(h));
	*off += sizeof(h) + (h.keylen != NOKEY ? padded(h.keylen) : 0);
	return h;
}

int
dg_unique_block(dg_hash *seen, const char *lines, const dg_buf *notes,
    void (*put)(void *arg, const char *p, size_t n), void *arg)
{
	size_t at = 0, ahead = 0, run = 0, line = 0;
	const char *key;
	note h, a;
	int i, created, kept = 0;

	for (i = 0; i < AHEAD && ahead < notes->len; i++) {
		a = next_note(notes, &ahead);
		if (a.keylen != NOKEY)
			dg_hash_prefetch(seen, a.hash);
	}
	while (at < notes->len) {
		key = notes->p + at + sizeof(h);
		h = next_note(notes, &at);
		if (ahead < notes->len) {
			a = next_note(notes, &ahead);
			if (a.keylen != NOKEY)
				dg_hash_prefetch(seen, a.hash);
		}
		created = 1;
		if (h.keylen != NOKEY && dg_hash_put_hashed(seen, key,
		    h.keylen, h.hash, &created) == NULL) {
			/* The lines kept before still go, as they would
			 * have gone one at a time. */
			if (line > run)
				put(arg, lines + run, line - run);
			return -1;
		}
		if (created)
			kept = 1;
		else {
			/* A repeat ends the run of lines kept before it. */
			if (line > run)
				put(arg, lines + run, line - run);
			run = line + h.len;
		}
		line += h.len;
	}
	if (line > run)
		put(arg, lines + run, line - run);
	return kept;
}
