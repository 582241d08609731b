/* uuid.c - version 5 UUIDs and the SHA-1 they need (see uuid.h). */
#include <string.h>

#include "uuid.h"

const unsigned char dg_uuid_ns[16] = {
	0xbf, 0xc3, 0x11, 0xdc, 0xc2, 0xa6, 0x4c, 0xea,
	0x9a, 0xa4, 0x96, 0x27, 0xec, 0x05, 0x41, 0x38
};

typedef struct {
	uint32_t h[5];
	uint64_t len;		/* bytes hashed */
	unsigned char buf[64];	/* a block being filled */
	size_t used;		/* bytes in buf */
} sha1;

static uint32_t
rol(uint32_t x, int k)
{
	return x << k | x >> (32 - k);
}

static void
sha1_block(uint32_t h[5], const unsigned char *p)
{
	uint32_t w[80], a, b, c, d, e, f, k, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		t = rol(a, 5) + f + e + k + w[i];
		e = d, d = c, c = rol(b, 30), b = a, a = t;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

static void
sha1_add(sha1 *s, const unsigned char *p, size_t n)
{
	size_t k;

	s->len += n;
	while (n > 0) {
		k = 64 - s->used < n ? 64 - s->used : n;
		memcpy(s->buf + s->used, p, k);
		s->used += k;
		p += k;
		n -= k;
		if (s->used == 64) {
			sha1_block(s->h, s->buf);
			s->used = 0;
		}
	}
}

void
dg_sha1(const void *p, size_t n, const void *q, size_t m,
    unsigned char out[20])
{
	static const unsigned char pad = 0x80, zero[64];
	sha1 s = { { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
	    0xc3d2e1f0 }, 0, { 0 }, 0 };
	unsigned char bits[8];
	uint64_t len;
	int i;

	sha1_add(&s, p, n);
	sha1_add(&s, q, m);
	len = s.len * 8;
	sha1_add(&s, &pad, 1);
	sha1_add(&s, zero, (64 + 56 - s.used) % 64);
	for (i = 0; i < 8; i++)
		bits[i] = (unsigned char)(len >> (56 - 8 * i));
	sha1_add(&s, bits, 8);
	for (i = 0; i < 20; i++)
		out[i] = (unsigned char)(s.h[i / 4] >> (24 - 8 * (i % 4)));
}

void
dg_uuid5(const unsigned char ns[16], const char *name, size_t n,
    char out[DG_UUID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char d[20];
	int i, o = 0;

	dg_sha1(ns, 16, name, n, d);
	d[6] = (unsigned char)((d[6] & 0x0f) | 0x50);	/* version 5 */
	d[8] = (unsigned char)((d[8] & 0x3f) | 0x80);	/* RFC variant */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[d[i] >> 4];
		out[o++] = hex[d[i] & 15];
	}
}
