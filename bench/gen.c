/*
 * gen.c - the synthetic benchmark corpus: daily digests made from the
 * summaries of some template digests, with dates, categories, markers,
 * titles and URLs varied by a fixed pseudo-random sequence, so that every
 * run of `make bench` sees the same bytes.
 *
 * usage: gen [-r] OUTDIR MEGABYTES [TEMPLATE...]
 *
 * Writes OUTDIR/1 .. OUTDIR/4, each holding a quarter of the bytes in date
 * order (OUTDIR/1 alone is the 1/4 corpus), one or two digests per day.
 * Papers recur on later days (as in real archives), so that dg-links -u
 * and dg-stats have work to do.
 *
 * -r: digests shaped like the real ones instead, with no templates:
 * summaries of 1.5 to 3.5 KB in long lines of generated Korean (some
 * English), in the forms real summaries take (an inner "###" heading,
 * numbered points with indented bullets, bold sub-labels, blank lines
 * that hold spaces), about 85 bytes a line over the whole file, mostly
 * two sources a section and now and then up to twenty, so that dg-parse
 * writes about twice what it reads, as on a real archive.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

struct buf {
	char *p;
	size_t len, cap;
};

static void
die(const char *what)
{
	fprintf(stderr, "gen: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void
add(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->len < n) {
		while (b->cap - b->len < n)
			b->cap = b->cap ? b->cap * 2 : 65536;
		if ((b->p = realloc(b->p, b->cap)) == NULL)
			die("realloc");
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
adds(struct buf *b, const char *s)
{
	add(b, s, strlen(s));
}

static void
addf(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	add(b, tmp, (size_t)n);
}

/* splitmix64: small, fast, and the same sequence everywhere. */
static uint64_t seed = 0x64672062656e6368ULL;

static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rnd(void)
{
	seed += 0x9e3779b97f4a7c15ULL;
	return mix(seed);
}

/* 0 .. n-1 */
static size_t
pick(size_t n)
{
	return (size_t)(rnd() % n);
}

/* 0 .. n-1, the first ones much more often (categories are skewed). */
static size_t
skewed(size_t n)
{
	double u = (double)(rnd() >> 11) / 9007199254740992.0;

	return (size_t)(u * u * (double)n);
}

static int
chance(int percent)
{
	return (int)pick(100) < percent;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const paper_cats[] = {
	"LLM", "Machine Learning", "Computer Vision", "Natural Language Processing",
	"Reinforcement Learning", "Model Training Technique", "Multimodal",
	"Robotics", "Model Evaluation", "Interpretability", "Healthcare AI",
	"Generative Models", "Graph Neural Networks", "Optimization",
	"Speech Processing", "Quantum Computing", "Cognitive Science",
	"Automation", "AI Safety", "Federated Learning", "Recommender Systems",
	"Time Series", "Data Augmentation", "Knowledge Graphs",
	"Autonomous Driving", "Bioinformatics", "Edge AI", "Model Compression",
	"Causal Inference", "Information Retrieval", "Anomaly Detection",
	"Neuroscience", "Climate AI", "Code Generation", "Theory"
};

static const char *const news_cats[] = {
	"AI Policy", "Startups", "Funding", "Big Tech", "Open Source",
	"Hardware", "LLM", "Research", "Education", "Healthcare AI",
	"Robotics", "Security", "Ethics", "Products", "Industry"
};

/* Markers as the generator uses them, some with a variation selector. */
static const char *const markers[] = {
	"🎠", "🧸", "🪄", "🍊", "🥳", "🫧", "👽", "🍋", "🌅", "❄️", "☀️",
	"🩵", "📰", "🚀", "🤖", "🏛️", "💰", "🧠", "📚", "🔬", "🛰️", "🧬",
	"🎯", "🧩", "🌈", "🔥", "⚡", "🌊", "🍀", "🎨", "🦾", "🧪", "📈",
	"🗞️", "🏥", "🌍", "🎧", "🕹️", "🧭", "⭐"
};

static const char *const words[] = {
	"Scaling", "Laws", "Sparse", "Attention", "Diffusion", "Models",
	"Efficient", "Transformers", "Reasoning", "Agents", "Benchmark",
	"Contrastive", "Learning", "Graph", "Networks", "Robust", "Federated",
	"Optimization", "Quantum", "Neural", "Fields", "Memory", "Tokens",
	"Alignment", "Preference", "Reward", "Policy", "Gradient", "Adaptive",
	"Mixture", "Experts", "Vision", "Language", "Multimodal", "Retrieval",
	"Augmented", "Generation", "Causal", "Inference", "Bayesian",
	"Uncertainty", "Calibration", "Distillation", "Pruning", "Quantized",
	"Low-Rank", "Adapters", "Instruction", "Tuning", "Long-Context",
	"Embeddings", "Self-Supervised", "Representation", "Video",
	"Speech", "Audio", "Protein", "Molecular", "Medical", "Imaging",
	"Segmentation", "Detection", "Tracking", "Planning", "Control",
	"Robotic", "Manipulation", "Navigation", "World", "Simulation",
	"Synthetic", "Data", "Curriculum", "Continual", "Meta-Learning",
	"Few-Shot", "Zero-Shot", "Prompting", "Chain-of-Thought", "Verifier",
	"Search", "Theorem", "Proving", "Code", "Compilers", "Hardware",
	"Energy", "Green", "Edge", "Devices", "Privacy", "Differential",
	"Fairness", "Bias", "Interpretable", "Circuits", "Probing",
	"Hallucination", "Factuality", "Evaluation", "Metrics", "Survey",
	"Towards", "Revisiting", "Rethinking", "Understanding", "Beyond",
	"Unified", "Framework", "Scalable", "Fast", "Stable", "Training"
};

static const char *const news_domains[] = {
	"www.example-news.com", "techdaily.example.org", "news.example.kr",
	"robots.example.com", "money.example.com", "www.ai-weekly.example",
	"blog.example.io", "www.wire.example.net", "press.example.co.uk",
	"www.dailytech.example", "research.example.edu", "www.ft.example",
	"startups.example.com", "policy.example.eu", "www.chips.example:8080"
};

/* -r: words for the generated Korean and English text. */
static const char *const ko_words[] = {
	"연구", "모델", "데이터", "학습", "성능", "방법", "제안", "결과",
	"분석", "기술", "향상", "효율", "실험", "평가", "구조", "문제",
	"해결", "접근", "논문", "시스템", "네트워크", "정확도", "추론",
	"생성", "이미지", "언어", "텍스트", "영상", "로봇", "환경", "정책",
	"보상", "최적화", "알고리즘", "프레임워크", "벤치마크", "대규모",
	"새로운", "기존", "다양한", "주요", "핵심", "중요한", "효과적인",
	"복잡한", "자동화", "인공지능", "머신러닝", "딥러닝", "강화학습",
	"그래프", "의료", "산업", "응용", "개발", "설계", "훈련", "매개변수",
	"계산", "비용", "메모리", "속도", "확장성", "안정성", "일반화",
	"해석", "설명", "신뢰", "안전", "윤리", "정보", "지식", "표현",
	"특징", "공간", "시간", "예측", "분류", "검출", "추적", "분할",
	"합성", "변환", "손실", "함수", "오차", "통계", "확률", "불확실성",
	"샘플", "토큰", "문맥", "질의", "응답", "검색", "추천", "사용자",
	"기업", "정부", "시장", "투자", "연구자", "개발자", "사례", "동향"
};

static const char *const ko_tails[] = {
	"", "", "", "은", "는", "이", "가", "을", "를", "의", "에", "에서",
	"으로", "와", "과", "도", "적인", "하는", "된"
};

static const char *const ko_ends[] = {
	"합니다.", "있습니다.", "됩니다.", "보여줍니다.", "제시합니다.",
	"기대됩니다.", "강조합니다.", "필요합니다.", "입니다.",
	"할 수 있습니다."
};

static const char *const ko_points[] = {
	"주요 주제 및 테마", "핵심 키워드와 트렌드", "중요한 사건과 정보",
	"산업에 대한 영향", "최종 요약 및 결론", "향후 전망",
	"기술적 기여", "한계와 과제", "연구 방법"
};

static const char *const ko_titles[] = {
	"종합 보고서", "종합 요약 보고서", "요약 보고서", "분석 보고서"
};

static const char *const en_glue[] = {
	"the", "a", "of", "and", "to", "in", "for", "with", "on", "that",
	"this", "new", "model", "study", "results", "shows", "improves",
	"across", "while", "their", "which", "from", "by", "as", "more"
};

static int real;		/* -r */
static int english;		/* the digest being made is in English */

static uint64_t next_paper = 1;	/* id of the next new paper */
static uint64_t next_news = 1;	/* id of the next news item */
static int repeat;			/* the paper was seen before */

/* Summaries taken from the templates, and a fallback when there is none. */
static struct buf *pool;
static size_t npool;

static const char fallback[] =
    "### 종합 보고서\n\n"
    "이번 연구는 대규모 모델의 학습 효율을 높이는 방법을 제안합니다.\n"
    "- 메모리 사용량을 줄입니다.\n- 정확도는 유지합니다.\n\n"
    "**핵심 요점:** 작은 연구실도 큰 모델을 다룰 수 있습니다.";

/* A summary label (sources 0) or a sources label (sources 1), as SPEC
 * says: `**word:**` or `**word**:`, blanks around, ASCII case folded. */
static int
is_label(const char *s, size_t n, int sources)
{
	static const char *const sum[] = { "요약", "summary", NULL };
	static const char *const src[] = { "출처", "sources", "source", NULL };
	const char *const *w;
	size_t i, wn;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 7 || memcmp(s, "**", 2) != 0 ||
	    (memcmp(s + n - 3, ":**", 3) != 0 &&
	    memcmp(s + n - 3, "**:", 3) != 0))
		return 0;
	wn = n - 5;
	for (w = sources ? src : sum; *w != NULL; w++) {
		if (strlen(*w) != wn)
			continue;
		for (i = 0; i < wn; i++) {
			char c = s[2 + i];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != (*w)[i])
				break;
		}
		if (i == wn)
			return 1;
	}
	return 0;
}

static int
is_blank_or_heading(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			break;
	return i == n || s[i] == '#';
}

/* Ends a pool entry: drops trailing blank lines and headings (the next
 * section's heading when the section had no sources), and entries that
 * are too short or hold bytes no real digest has (NUL, a lone CR). */
static void
end_entry(struct buf *e)
{
	size_t end = e->len, ls;

	for (;;) {
		while (end > 0 && e->p[end - 1] == '\n')
			end--;
		for (ls = end; ls > 0 && e->p[ls - 1] != '\n'; ls--)
			continue;
		if (end == 0 || !is_blank_or_heading(e->p + ls, end - ls))
			break;
		end = ls;
	}
	e->len = end;
	if (e->len < 20 || memchr(e->p, '\0', e->len) != NULL ||
	    memchr(e->p, '\r', e->len) != NULL) {
		free(e->p);
		npool--;
	}
}

/* Collects the summaries of a template digest into the pool. */
static void
read_template(const char *name)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, n;
	ssize_t got;
	struct buf *e = NULL;

	if ((fp = fopen(name, "r")) == NULL)
		die(name);
	while ((got = getline(&line, &cap, fp)) > 0) {
		n = (size_t)got;
		if (line[n - 1] == '\n')
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (is_label(line, n, 0)) {
			if (e != NULL)
				end_entry(e);
			if ((pool = realloc(pool, (npool + 1) *
			    sizeof(*pool))) == NULL)
				die("realloc");
			e = &pool[npool++];
			memset(e, 0, sizeof(*e));
			continue;
		}
		if (e == NULL)
			continue;
		if (is_label(line, n, 1)) {
			end_entry(e);
			e = NULL;
			continue;
		}
		/* Not the blank lines right after the label. */
		if (e->len == 0 && line[strspn(line, " \t\r\n")] == '\0')
			continue;
		add(e, line, n);
		add(e, "\n", 1);
	}
	if (e != NULL)
		end_entry(e);
	free(line);
	fclose(fp);
}

/* A summary of about `want` bytes made of pool entries. */
static void
summary(struct buf *b, size_t want)
{
	size_t start = b->len;

	if (npool == 0) {
		adds(b, fallback);
		adds(b, "\n");
		return;
	}
	do {
		const struct buf *e = &pool[pick(npool)];

		if (b->len > start)
			adds(b, "\n");
		add(b, e->p, e->len);
		adds(b, "\n");
	} while (b->len - start < want);
}

/* A sentence of nwords words, ending in a full stop. */
static void
sentence(struct buf *b, int nwords)
{
	int i;

	for (i = 0; i < nwords; i++) {
		if (i > 0)
			adds(b, " ");
		if (english) {
			adds(b, chance(30) ? words[pick(NELEM(words))] :
			    en_glue[pick(NELEM(en_glue))]);
			continue;
		}
		if (chance(8)) {
			adds(b, words[pick(NELEM(words))]);
			continue;
		}
		adds(b, ko_words[pick(NELEM(ko_words))]);
		adds(b, ko_tails[pick(NELEM(ko_tails))]);
	}
	adds(b, english ? "." : " ");
	if (!english)
		adds(b, ko_ends[pick(NELEM(ko_ends))]);
}

/* n sentences on one line, after lead (an indent or a list mark). */
static void
para(struct buf *b, const char *lead, int n)
{
	int i;

	adds(b, lead);
	for (i = 0; i < n; i++) {
		if (i > 0)
			adds(b, " ");
		sentence(b, 7 + (int)pick(10));
	}
	adds(b, "\n");
}

/* A blank line, which in list forms often holds the list's indent. */
static void
blank(struct buf *b, int indented)
{
	adds(b, indented && chance(50) ? "   \n" : "\n");
}

static const char *
point(void)
{
	return english ? words[pick(NELEM(words))] :
	    ko_points[pick(NELEM(ko_points))];
}

/* A summary as the real ones are laid out: one of three forms, at
 * least want bytes. */
static void
real_summary(struct buf *b, size_t want)
{
	size_t start = b->len;
	int form = (int)pick(3), i = 0, k, nk;

	if (form == 0 || chance(20)) {
		addf(b, "### %s\n\n", english ? "Summary Report" :
		    ko_titles[pick(NELEM(ko_titles))]);
		para(b, "", 1 + (int)pick(2));
		blank(b, 0);
	}
	while (b->len - start < want) {
		i++;
		switch (form) {
		case 0:		/* 1. point: then indented bullets */
			addf(b, "%d. %s:\n", i, point());
			blank(b, 0);
			nk = 1 + (int)pick(3);
			for (k = 0; k < nk; k++) {
				para(b, "   - ", 1 + (int)pick(2));
				blank(b, 1);
			}
			break;
		case 1:		/* **point:** then a paragraph */
			addf(b, "**%s:**\n", point());
			para(b, "", 1 + (int)pick(3));
			blank(b, 0);
			break;
		default:	/* paragraphs and a plain list */
			if (chance(50)) {
				para(b, "", 2 + (int)pick(3));
				blank(b, 0);
			} else {
				para(b, "- ", 1 + (int)pick(2));
				if (chance(40))
					blank(b, 0);
			}
			break;
		}
	}
	para(b, "", 2 + (int)pick(3));
}

/* The title of paper id, the same every time it recurs. */
static void
title(struct buf *b, uint64_t id)
{
	uint64_t h = mix(id + 1);
	int i, nw = 3 + (int)(h % 6);

	for (i = 0; i < nw; i++) {
		h = mix(h);
		if (i > 0)
			adds(b, i == 1 && (h >> 40) % 5 == 0 ? ": " : " ");
		adds(b, words[h % NELEM(words)]);
	}
	if ((h >> 20) % 20 == 0)
		addf(b, " (%u)", (unsigned)(2000 + (h >> 30) % 25));
}

static void
slug(struct buf *b, const char *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i] == ' ')
			adds(b, "-");
		else if (t[i] >= 'A' && t[i] <= 'Z') {
			char c = (char)(t[i] - 'A' + 'a');

			add(b, &c, 1);
		} else
			add(b, t + i, 1);
}

/* The month each paper was first seen, YYMM, indexed by paper id. */
static unsigned short *first_seen;
static size_t nseen;

/* The URL of paper id, first seen in year y, month m; a later digest
 * sometimes cites a newer version. */
static void
paper_url(struct buf *b, uint64_t id, int y, int m, const char *t, size_t tn)
{
	uint64_t h = mix(id ^ 0x75726cULL);
	unsigned v = 1 + (unsigned)(h >> 50) % 2;

	if (id >= nseen) {
		while (id >= nseen)
			nseen = nseen ? nseen * 2 : 65536;
		if ((first_seen = realloc(first_seen, nseen *
		    sizeof(*first_seen))) == NULL)
			die("realloc");
	}
	if (id + 1 == next_paper && !repeat)
		first_seen[id] = (unsigned short)(y % 100 * 100 + m);
	else if (chance(15))
		v++;
	y = first_seen[id] / 100;
	m = first_seen[id] % 100;

	switch (h % 20) {
	case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8:
		addf(b, "http://arxiv.org/abs/%02d%02d.%05uv%u", y % 100, m,
		    (unsigned)(id % 100000), v);
		break;
	case 9: case 10:
		addf(b, "https://arxiv.org/pdf/%02d%02d.%05uv%u", y % 100, m,
		    (unsigned)(id % 100000), v);
		break;
	case 11:
		addf(b, "https://doi.org/10.1016/S1550-4131(%02d)%05u-2",
		    y % 100, (unsigned)(id % 100000));
		break;
	default:
		addf(b, "https://deeplearn.org/arxiv/%u/", (unsigned)id);
		slug(b, t, tn);
		break;
	}
}

static const char *
cat_name(int news, struct buf *tmp)
{
	const char *c = news ? news_cats[skewed(NELEM(news_cats))] :
	    paper_cats[skewed(NELEM(paper_cats))];
	const char *sp;
	size_t i;

	tmp->len = 0;
	if (chance(12) && (sp = strchr(c, ' ')) != NULL) {
		/* "Model training technique": spelling varies by day. */
		add(tmp, c, (size_t)(sp - c));
		for (i = (size_t)(sp - c); c[i] != '\0'; i++) {
			char ch = c[i];

			if (ch >= 'A' && ch <= 'Z')
				ch = (char)(ch - 'A' + 'a');
			add(tmp, &ch, 1);
		}
	} else if (chance(2) && (sp = strchr(c, ' ')) != NULL) {
		add(tmp, c, (size_t)(sp - c));
		adds(tmp, "  ");
		adds(tmp, sp + 1);
	} else
		adds(tmp, c);
	add(tmp, "", 1);
	return tmp->p;
}


static void
sources(struct buf *b, int news, int y, int m, int d)
{
	static struct buf t;
	static const int weights[] = { 1, 1, 2, 2, 2, 3, 3, 4, 5 };
	int i, n = weights[pick(NELEM(weights))];
	int style = (int)pick(20);

	if (real) {
		/* Mostly two; now and then many, news above all. */
		int r = (int)pick(100);

		n = r < 20 ? 1 : r < 90 ? 2 : r < 96 ? 3 : r < 98 ? 4 :
		    5 + (int)pick(16);
		style = chance(95) ? 2 : (int)pick(2);
	}

	for (i = 0; i < n; i++) {
		uint64_t id;

		/* A third of the papers were in an earlier digest. */
		repeat = !news && next_paper > 3000 && chance(40);
		if (news)
			id = (1ULL << 40) + next_news++;
		else if (repeat)
			id = next_paper - 1 - pick(3000);
		else
			id = next_paper++;
		t.len = 0;
		title(&t, id);
		adds(b, style == 0 ? "* [" : style == 1 ? "1. " : " - ");
		add(b, t.p, t.len);
		adds(b, style == 0 ? "](" : " (");
		if (news) {
			addf(b, "https://%s/%04d/%02d/%02d/",
			    news_domains[skewed(NELEM(news_domains))], y, m, d);
			slug(b, t.p, t.len);
		} else
			paper_url(b, id, y, m, t.p, t.len);
		adds(b, ")\n");
	}
}

static const char h1[] = "# Daily Artificial Intelligence Insights";

/* The sections of one digest, headings of the given level. */
static void
sections(struct buf *b, int news, int level, int y, int m, int d)
{
	static struct buf cat;
	int i, n = news ? 6 + (int)pick(5) : 9 + (int)pick(8);
	int marked, alt;

	/* In this order, so that d/ is the corpus it always was. */
	marked = !chance(10);
	english = news && chance(real ? 15 : 50);
	alt = chance(3);
	/* Real files are smaller: about ten sections of papers. */
	if (real)
		n = news ? 4 + (int)pick(5) : 6 + (int)pick(6);

	for (i = 0; i < n; i++) {
		addf(b, "%.*s ", level, "######");
		if (marked) {
			adds(b, markers[pick(NELEM(markers))]);
			adds(b, " ");
		}
		adds(b, cat_name(news, &cat));
		adds(b, english ? "\n\n**Summary:**\n\n" :
		    alt ? "\n\n**요약**:\n\n" : "\n\n**요약:**\n\n");
		if (real)
			real_summary(b, 1200 + pick(2000));
		else
			summary(b, 500 + pick(2500));
		/* A few sections have no sources at all. */
		if (chance(3)) {
			adds(b, "\n");
			continue;
		}
		adds(b, english ? "\n**Sources:**\n\n" :
		    alt ? "\n**출처**:\n\n" : "\n**출처:**\n\n");
		sources(b, news, y, m, d);
		adds(b, "\n\n");
	}
}

static void
digest(struct buf *b, int news, int y, int m, int d)
{
	addf(b, "%s : %s![Category Distribution Graph](%s_%04d-%02d-%02d.png)"
	    "\n\n", h1, news ? "News" : "Papers", news ? "news" : "paper",
	    y, m, d);
	sections(b, news, 2, y, m, d);
}

/* The older layout: both kinds in one file, ### sections. */
static void
combined(struct buf *b, int y, int m, int d)
{
	addf(b, "%s\n\n## Papers\n\n![Category Distribution Graph]"
	    "(paper_%04d_%02d_%02d.png)\n\n", h1, y, m, d);
	sections(b, 0, 3, y, m, d);
	addf(b, "## News\n\n![Category Distribution Graph]"
	    "(news_%04d_%02d_%02d.png)\n\n", y, m, d);
	sections(b, 1, 3, y, m, d);
}

/* Some files have CRLF line ends, a few a BOM. */
static void
write_file(const char *path, struct buf *b)
{
	static struct buf crlf;
	FILE *fp;
	size_t i;

	if (chance(2)) {
		crlf.len = 0;
		for (i = 0; i < b->len; i++)
			if (b->p[i] == '\n')
				add(&crlf, "\r\n", 2);
			else
				add(&crlf, b->p + i, 1);
		b = &crlf;
	}
	if ((fp = fopen(path, "w")) == NULL)
		die(path);
	if (chance(1))
		fputs("\xef\xbb\xbf", fp);
	if (fwrite(b->p, 1, b->len, fp) != b->len || fclose(fp) != 0)
		die(path);
}

static int
mdays(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
main(int argc, char *argv[])
{
	struct buf b = { NULL, 0, 0 };
	char path[4096];
	unsigned long long want, total = 0;
	int i, y = 2012, m = 1, d = 1, part, files = 0;

	if (argc > 1 && strcmp(argv[1], "-r") == 0) {
		real = 1;
		argv++;
		argc--;
	}
	if (argc < 3) {
		fputs("usage: gen [-r] OUTDIR MEGABYTES [TEMPLATE...]\n",
		    stderr);
		return 2;
	}
	want = strtoull(argv[2], NULL, 10) * 1000000ULL;
	for (i = 3; i < argc; i++)
		read_template(argv[i]);
	for (part = 1; part <= 4; part++) {
		snprintf(path, sizeof(path), "%s/%d", argv[1], part);
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			die(path);
	}
	while (total < want) {
		part = 1 + (int)(total * 4 / want);
		/* The first years used the combined layout. */
		if (y < 2014) {
			b.len = 0;
			combined(&b, y, m, d);
			snprintf(path, sizeof(path), "%s/%d/digest_%04d-%02d-%02d.md",
			    argv[1], part, y, m, d);
			write_file(path, &b);
			total += b.len;
			files++;
		} else {
			b.len = 0;
			digest(&b, 0, y, m, d);
			snprintf(path, sizeof(path),
			    "%s/%d/Papers_%04d-%02d-%02d_report.md", argv[1],
			    part, y, m, d);
			write_file(path, &b);
			total += b.len;
			files++;
			if (chance(70)) {
				b.len = 0;
				digest(&b, 1, y, m, d);
				snprintf(path, sizeof(path),
				    "%s/%d/News_%04d_%02d_%02d_digest.md",
				    argv[1], part, y, m, d);
				write_file(path, &b);
				total += b.len;
				files++;
			}
		}
		if (++d > mdays(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	printf("%d files, %llu bytes, %zu template summaries\n", files, total,
	    npool);
	return 0;
}
