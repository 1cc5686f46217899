package seed

import (
	"fmt"
	"strings"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// kindTable draws the kind of a host organisation: mostly companies and AI
// startups, then universities and research institutes.
var kindTable = newTable(choice[string]{"startup", 35}, choice[string]{"company", 35},
	choice[string]{"university", 15}, choice[string]{"research_institute", 15})

// memberCountTable draws how many accounts an organisation has.
var memberCountTable = newTable(choice[int]{1, 50}, choice[int]{2, 35}, choice[int]{3, 15})

// orgNamer hands out organisation names: every stem-and-suffix combination of
// a kind once, in random order, before any is used again with the
// prefecture added.
type orgNamer struct {
	perms map[string][]int
	used  map[string]int
}

func newOrgNamer() *orgNamer { return &orgNamer{perms: map[string][]int{}, used: map[string]int{}} }

// name returns an organisation's Japanese and English names and the host
// name of its (example.jp) website.
func (n *orgNamer) name(r rng, kind string, pref prefecture) (ja, en, host string) {
	parts := orgNames[kind]
	combos := len(parts.stems) * len(parts.suffixes)
	if n.perms[kind] == nil {
		n.perms[kind] = r.Perm(combos)
	}
	k := n.used[kind]
	n.used[kind]++
	c := n.perms[kind][k%combos]
	stem, suffix := parts.stems[c/len(parts.suffixes)], parts.suffixes[c%len(parts.suffixes)]
	ja, en = parts.ja(stem.ja, suffix.ja), parts.en(stem.en, suffix.en)
	host = hostLabel(stem.en, suffix.en)
	if k >= combos {
		ja, en, host = ja+"（"+pref.ja+"）", en+" ("+pref.en+")", host+"-"+pref.slug
	}
	return ja, en, host + ".example.jp"
}

// newOrganization returns a fictional host organisation of the given kind as
// of now, with the accounts of its members (the creator first). Member e-mail
// addresses are numbered from firstMember.
func newOrganization(r rng, now time.Time, kind string, namer *orgNamer, firstMember int) (talent.Organization, []talent.User) {
	pref := prefectureTable.draw(r)
	ja, en, host := namer.name(r, kind, pref)
	o := talent.Organization{
		NameJA: ja, NameEN: en, Kind: kind, Prefecture: pref.slug, Website: "https://" + host,
		CreatedAt: r.timeIn(now.AddDate(0, 0, -900), now.AddDate(0, 0, -30)),
	}
	if r.chance(0.9) {
		o.Verified, o.VerifiedAt = true, ptr(r.timeIn(o.CreatedAt.Add(24*time.Hour), o.CreatedAt.AddDate(0, 0, 14)))
	}
	members := make([]talent.User, memberCountTable.draw(r))
	for i := range members {
		members[i] = newOrgMember(r, o.CreatedAt, fmt.Sprint(firstMember+i))
	}
	return o, members
}

// newOrgMember returns a fictional organisation member's account, created
// shortly before the organisation: mostly Japanese staff, some Indian.
func newOrgMember(r rng, orgCreated time.Time, emailTag string) talent.User {
	u := talent.User{Kind: talent.AccountOrgMember, Locale: "ja", CreatedAt: r.timeIn(orgCreated.Add(-72*time.Hour), orgCreated)}
	var given, family string
	if r.chance(0.85) {
		g, f := pick(r, japaneseGivenNames), pick(r, japaneseFamilyNames)
		u.Name, given, family = f.kanji+" "+g.kanji, g.romaji, f.romaji
	} else {
		given, family = indianName(r, stateTable.draw(r))
		u.Name, u.Locale = given+" "+family, "en"
	}
	u.Email = fmt.Sprintf("%s.%s.%s@example.jp", asciiLower(given), asciiLower(family), emailTag)
	return u
}

// indianName returns a given and a family name common in state.
func indianName(r rng, state indianState) (given, family string) {
	pool := namePools[state.names]
	return pick(r, pool.given), pick(r, pool.family)
}

// hostLabel names an organisation's website: stem and suffix, with the
// suffix shortened to its initials when the whole would be long
// ("shirasagi-guast" for Shirasagi Graduate University for Advanced Science
// and Technology).
func hostLabel(stem, suffix string) string {
	if full := slug(stem + " " + suffix); len(full) <= 30 {
		return full
	}
	var initials []byte
	for _, w := range strings.Fields(suffix) {
		if w != "for" && w != "of" && w != "and" {
			initials = append(initials, asciiLower(w)[0])
		}
	}
	return slug(stem) + "-" + string(initials)
}

// slug turns words into a lowercase, hyphenated host name label.
func slug(words string) string {
	var parts []string
	for _, w := range strings.Fields(words) {
		if s := asciiLower(w); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "-")
}
