// Package skills is Setubashi's skills taxonomy: the AI, machine-learning,
// data and infrastructure skills that candidate profiles and roles name by
// slug, grouped in domains and arranged in a tree of parents, each with labels
// in English, Japanese and Hindi and the aliases people type.
//
// The taxonomy is reference data (taxonomy.toml, embedded), loaded and checked
// once at start-up by Load. A *Taxonomy is read-only afterwards and safe for
// concurrent use. It answers autocomplete searches in any of the three
// languages (Search), how well one skill stands in for another when matching
// candidates and roles (Similarity), and "did you mean" suggestions for a skill
// it does not know (Suggest).
package skills

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"
)

//go:embed taxonomy.toml
var taxonomyFile []byte

// Languages are the languages every skill and domain is labelled in.
var Languages = []string{"en", "ja", "hi"}

// Labels is a name written in each of Setubashi's languages.
type Labels struct {
	EN, JA, HI string
}

// In returns the label in lang, or the English one for any other language.
func (l Labels) In(lang string) string {
	switch lang {
	case "ja":
		return l.JA
	case "hi":
		return l.HI
	default:
		return l.EN
	}
}

// Domain is a field of work that groups skills, such as NLP or MLOps.
type Domain struct {
	Slug   string
	Labels Labels
}

// Skill is one entry of the taxonomy.
type Skill struct {
	// Slug is the stable identifier that profiles and roles store.
	Slug string
	// Domain is the slug of the domain the skill belongs to.
	Domain string
	// Parent is the slug of the broader skill this one belongs to, "" for a
	// top-level skill. A parent may belong to another domain.
	Parent string
	// Labels are the skill's names as job advertisements write them.
	Labels Labels
	// Aliases are other names people use, in any language.
	Aliases []string
	// Latin says that the Japanese or Hindi label keeps the name in Latin
	// letters (product and language names such as PyTorch or C++).
	Latin bool
	// Umbrella marks a broad area whose children are not alike merely by
	// sharing it (see Similarity).
	Umbrella bool
}

// Taxonomy is the checked, indexed skills taxonomy.
type Taxonomy struct {
	version, date string
	domains       []Domain
	domainIndex   map[string]int
	skills        []Skill // sorted by slug
	index         map[string]int
	parent        []int      // index of each skill's parent, -1 for none
	names         [][]name   // searchable names per skill
	roots         []int      // top-level skills, broadest first
	relation      []relation // of every ordered pair: see Similarity
}

// Load returns the taxonomy embedded in the binary, checked as Parse checks it.
func Load() (*Taxonomy, error) { return Parse(taxonomyFile) }

// MustLoad is Load for callers (tests, start-up wiring) that cannot go on
// without the taxonomy; it panics on an error, which the package's tests rule
// out for the embedded file.
func MustLoad() *Taxonomy {
	t, err := Load()
	if err != nil {
		panic(err)
	}
	return t
}

// file is taxonomy.toml as written.
type file struct {
	Version string       `toml:"version"`
	Date    time.Time    `toml:"date"`
	Domains []fileDomain `toml:"domain"`
}

type fileDomain struct {
	Slug   string      `toml:"slug"`
	EN     string      `toml:"en"`
	JA     string      `toml:"ja"`
	HI     string      `toml:"hi"`
	Skills []fileSkill `toml:"skills"`
}

type fileSkill struct {
	Slug     string   `toml:"slug"`
	Parent   string   `toml:"parent"`
	EN       string   `toml:"en"`
	JA       string   `toml:"ja"`
	HI       string   `toml:"hi"`
	Aliases  []string `toml:"aliases"`
	Latin    bool     `toml:"latin"`
	Umbrella bool     `toml:"umbrella"`
}

// slugPattern is the form of a skill or domain slug.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// Limits on the data.
const (
	maxSlugLen = 64
	maxNameLen = 100
)

// Parse reads a taxonomy in the format of taxonomy.toml and checks it: a
// version and date; unique, well-formed slugs; every label present in every
// language and written in that language's script (Japanese, Devanagari)
// unless the skill keeps a Latin name; Japanese text without half-width
// katakana or full-width Latin letters and digits; parents that exist and form
// no cycle; and no name (label, alias or slug) that could mean two skills.
// Every problem found is in the returned error.
func Parse(data []byte) (*Taxonomy, error) {
	var f file
	meta, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, fmt.Errorf("skills taxonomy: %w", err)
	}
	var c checker
	for _, key := range meta.Undecoded() {
		c.fail("unknown key %q", key.String())
	}
	if strings.TrimSpace(f.Version) == "" {
		c.fail("no version")
	}
	if f.Date.IsZero() {
		c.fail("no date")
	}
	t := &Taxonomy{version: f.Version, date: f.Date.Format(time.DateOnly), domainIndex: map[string]int{}, index: map[string]int{}}
	for _, d := range f.Domains {
		c.slug("domain", d.Slug)
		if _, dup := t.domainIndex[d.Slug]; dup {
			c.fail("domain %s is listed twice", d.Slug)
		}
		labels := Labels{EN: d.EN, JA: d.JA, HI: d.HI}
		c.labels("domain "+d.Slug, labels, false)
		t.domainIndex[d.Slug] = len(t.domains)
		t.domains = append(t.domains, Domain{Slug: d.Slug, Labels: labels})
		for _, s := range d.Skills {
			c.slug("skill", s.Slug)
			if _, dup := t.index[s.Slug]; dup {
				c.fail("skill %s is listed twice", s.Slug)
			}
			t.index[s.Slug] = -1
			sk := Skill{Slug: s.Slug, Domain: d.Slug, Parent: s.Parent, Labels: Labels{EN: s.EN, JA: s.JA, HI: s.HI},
				Aliases: s.Aliases, Latin: s.Latin, Umbrella: s.Umbrella}
			c.labels("skill "+s.Slug, sk.Labels, s.Latin)
			for _, a := range s.Aliases {
				c.name("skill "+s.Slug+" alias", a)
			}
			t.skills = append(t.skills, sk)
		}
	}
	if len(t.domains) == 0 || len(t.skills) == 0 {
		c.fail("no domains or no skills")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(t.skills, func(a, b Skill) int { return strings.Compare(a.Slug, b.Slug) })
	for i, s := range t.skills {
		t.index[s.Slug] = i
	}
	t.linkParents(&c)
	t.indexNames(&c)
	if err := c.err(); err != nil {
		return nil, err
	}
	t.findRoots()
	t.computeSimilarity()
	return t, nil
}

// linkParents resolves each skill's parent and rejects missing parents and
// cycles.
func (t *Taxonomy) linkParents(c *checker) {
	t.parent = make([]int, len(t.skills))
	for i, s := range t.skills {
		t.parent[i] = -1
		if s.Parent == "" {
			continue
		}
		p, ok := t.index[s.Parent]
		switch {
		case !ok:
			c.fail("skill %s has parent %s, which is not a skill", s.Slug, s.Parent)
		case p == i:
			c.fail("skill %s is its own parent", s.Slug)
		default:
			t.parent[i] = p
		}
	}
	for i, s := range t.skills {
		seen := map[int]bool{i: true}
		for p := t.parent[i]; p >= 0; p = t.parent[p] {
			if seen[p] {
				c.fail("skill %s is in a cycle of parents", s.Slug)
				break
			}
			seen[p] = true
		}
	}
}

// indexNames builds each skill's searchable names and rejects a name that
// would mean two skills, or an alias that only repeats another name of its
// skill.
func (t *Taxonomy) indexNames(c *checker) {
	owner := map[string]int{} // squeezed key → skill
	t.names = make([][]name, len(t.skills))
	for i, s := range t.skills {
		var names []name
		add := func(text string, label bool) bool {
			n := newName(text, label)
			if n.key == "" {
				c.fail("skill %s: %q has no letters or digits", s.Slug, text)
				return false
			}
			if slices.ContainsFunc(names, func(o name) bool { return o.squeezed == n.squeezed }) {
				return false
			}
			if o, taken := owner[n.squeezed]; taken && o != i {
				c.fail("%q names both %s and %s", text, t.skills[o].Slug, s.Slug)
			}
			owner[n.squeezed] = i
			names = append(names, n)
			return true
		}
		for _, l := range []string{s.Labels.EN, s.Labels.JA, s.Labels.HI} {
			add(l, true)
		}
		for _, a := range s.Aliases {
			if !add(a, false) {
				c.fail("skill %s: alias %q repeats another of its names", s.Slug, a)
			}
		}
		add(s.Slug, false)
		t.names[i] = names
	}
}

// findRoots lists the top-level skills, those with the most skills under
// them first, then by slug: what an empty search offers.
func (t *Taxonomy) findRoots() {
	under := make([]int, len(t.skills))
	for i := range t.skills {
		for p := t.parent[i]; p >= 0; p = t.parent[p] {
			under[p]++
		}
	}
	for i := range t.skills {
		if t.parent[i] < 0 {
			t.roots = append(t.roots, i)
		}
	}
	slices.SortStableFunc(t.roots, func(a, b int) int { return under[b] - under[a] })
}

// Version returns the taxonomy's version, such as "2026.2".
func (t *Taxonomy) Version() string { return t.version }

// Date returns the day the taxonomy's version was issued, as YYYY-MM-DD.
func (t *Taxonomy) Date() string { return t.date }

// Known reports whether slug is a skill of the taxonomy.
func (t *Taxonomy) Known(slug string) bool {
	_, ok := t.index[slug]
	return ok
}

// Skill returns the skill with this slug, and false if there is none.
func (t *Taxonomy) Skill(slug string) (Skill, bool) {
	i, ok := t.index[slug]
	if !ok {
		return Skill{}, false
	}
	return t.skill(i), true
}

// DomainOf returns the slug of the domain a skill belongs to, or "" for a
// slug that is not a skill (talent.SkillDomains, for the dashboard).
func (t *Taxonomy) DomainOf(slug string) string {
	i, ok := t.index[slug]
	if !ok {
		return ""
	}
	return t.skills[i].Domain
}

// skill returns a copy of skill i that its caller may change freely.
func (t *Taxonomy) skill(i int) Skill {
	s := t.skills[i]
	s.Aliases = slices.Clone(s.Aliases)
	return s
}

// All returns every skill, sorted by slug.
func (t *Taxonomy) All() []Skill {
	out := make([]Skill, len(t.skills))
	for i := range t.skills {
		out[i] = t.skill(i)
	}
	return out
}

// Domains returns the domains in the order of the taxonomy file.
func (t *Taxonomy) Domains() []Domain { return slices.Clone(t.domains) }

// Domain returns the domain with this slug, and false if there is none.
func (t *Taxonomy) Domain(slug string) (Domain, bool) {
	i, ok := t.domainIndex[slug]
	if !ok {
		return Domain{}, false
	}
	return t.domains[i], true
}

// Labels returns every skill's label by language, then by slug: the shape
// i18n.Catalog.AddLabels takes, so that talent.Term{Set: "skill", Code: slug}
// renders as the skill's label.
func (t *Taxonomy) Labels() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range Languages {
		m := make(map[string]string, len(t.skills))
		for _, s := range t.skills {
			m[s.Slug] = s.Labels.In(lang)
		}
		out[lang] = m
	}
	return out
}

// DomainLabels returns every domain's label by language, then by slug.
func (t *Taxonomy) DomainLabels() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range Languages {
		m := make(map[string]string, len(t.domains))
		for _, d := range t.domains {
			m[d.Slug] = d.Labels.In(lang)
		}
		out[lang] = m
	}
	return out
}

// checker collects the problems found in a taxonomy file.
type checker struct{ problems []error }

func (c *checker) fail(format string, args ...any) {
	c.problems = append(c.problems, fmt.Errorf(format, args...))
}

func (c *checker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return fmt.Errorf("skills taxonomy: %w", errors.Join(c.problems...))
}

func (c *checker) slug(what, s string) {
	if len(s) > maxSlugLen || !slugPattern.MatchString(s) {
		c.fail("%s slug %q is not lowercase letters, digits and single hyphens (at most %d)", what, s, maxSlugLen)
	}
}

// name checks one label or alias: present, trimmed, short, NFC, and written
// with the widths Japanese text uses (no half-width katakana, no full-width
// Latin letters or digits).
func (c *checker) name(what, s string) {
	switch {
	case strings.TrimSpace(s) == "":
		c.fail("%s is empty", what)
	case strings.TrimSpace(s) != s || !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxNameLen:
		c.fail("%s %q has surrounding spaces, bad UTF-8 or more than %d characters", what, s, maxNameLen)
	case !norm.NFC.IsNormalString(s):
		c.fail("%s %q is not in Unicode normal form C", what, s)
	case strings.ContainsFunc(s, oddWidth):
		c.fail("%s %q has half-width katakana or full-width Latin letters or digits", what, s)
	case strings.ContainsFunc(s, unicode.IsControl):
		c.fail("%s %q has control characters", what, s)
	}
}

// labels checks a label in each language and its script: English without
// Japanese or Devanagari; Japanese with kana or kanji, Hindi in Devanagari,
// either of them Latin only when latin allows a Latin name.
func (c *checker) labels(what string, l Labels, latin bool) {
	c.name(what+" en label", l.EN)
	c.name(what+" ja label", l.JA)
	c.name(what+" hi label", l.HI)
	if strings.ContainsFunc(l.EN, isJapanese) || strings.ContainsFunc(l.EN, isDevanagari) {
		c.fail("%s: English label %q is not in Latin script", what, l.EN)
	}
	if !WrittenIn("ja", l.JA, latin) {
		c.fail("%s: Japanese label %q is not written in Japanese", what, l.JA)
	}
	if !WrittenIn("hi", l.HI, latin) {
		c.fail("%s: Hindi label %q is not written in Devanagari", what, l.HI)
	}
}

// WrittenIn reports whether a Japanese (ja) or Hindi (hi) label is written in
// its language's script: it has kana or kanji (ja) or Devanagari (hi), or,
// when latin allows it, it is a name in Latin letters with no other script.
// Any other language's label passes.
func WrittenIn(lang, label string, latin bool) bool {
	var native func(rune) bool
	switch lang {
	case "ja":
		native = isJapanese
	case "hi":
		native = isDevanagari
	default:
		return true
	}
	if strings.ContainsFunc(label, native) {
		return true
	}
	return latin && !strings.ContainsFunc(label, func(r rune) bool { return unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) })
}

func isJapanese(r rune) bool {
	return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
}

func isDevanagari(r rune) bool { return unicode.Is(unicode.Devanagari, r) }

// oddWidth reports half-width katakana and full-width Latin letters and
// digits, which Japanese text writes in the other width.
func oddWidth(r rune) bool {
	return (r >= 0xFF10 && r <= 0xFF19) || (r >= 0xFF21 && r <= 0xFF3A) || (r >= 0xFF41 && r <= 0xFF5A) || (r >= 0xFF61 && r <= 0xFF9F)
}
