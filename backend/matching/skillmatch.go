package matching

import "github.com/setubashi/setubashi/backend/talent"

// Taxonomy tells how close a skill a candidate has is to a skill a role
// wants: 1 for the same skill, less for a parent, child, sibling or a skill
// of the same domain, 0 for unrelated skills. Package skills provides one; it
// must be safe for concurrent use.
type Taxonomy interface {
	Similarity(have, want string) float64
}

// skillOutcome is how a candidate meets one skill a role asks for.
type skillOutcome struct {
	want     string  // the wanted skill's slug
	min      int     // the minimum proficiency wanted (1–5)
	have     int     // the candidate's proficiency in that very skill, 0 if none
	near     string  // the related skill giving the best partial credit, if any
	nearCred float64 // that skill's credit: similarity × levelCredit
}

// credit is the share of the requirement met, 0–1: full for the skill at the
// wanted level, in proportion below it, and a related skill's similarity
// (scaled by its level) when that gives more.
func (o skillOutcome) credit() float64 {
	if o.have > 0 {
		if c := levelCredit(o.have, o.min); c > o.nearCred {
			return c
		}
	}
	return o.nearCred
}

// met reports whether the candidate has the skill at the wanted level.
func (o skillOutcome) met() bool { return o.have > 0 && o.have >= o.min }

// levelCredit is the share of a wanted proficiency that have reaches.
func levelCredit(have, minLevel int) float64 {
	if have >= minLevel || minLevel <= 0 {
		return 1
	}
	return float64(have) / float64(minLevel)
}

// similarity asks the taxonomy, reading anything outside 0–1 (or NaN) as
// the nearest sensible value; no taxonomy means no related skills.
func similarity(tax Taxonomy, have, want string) float64 {
	if tax == nil || have == want {
		return 0
	}
	s := tax.Similarity(have, want)
	switch {
	case s > 1:
		return 1
	case s > 0:
		return s
	default: // negative or NaN
		return 0
	}
}

// relatedSkill is one of a candidate's skills related to a wanted skill.
type relatedSkill struct {
	skill string
	sim   float64
	prof  int
}

// maxProficiency is the top of the proficiency scale (1–5).
const maxProficiency = 5

// wantEntry is what a candidate offers for one wanted skill: their
// proficiency in it, their related skills in profile order, and the best
// of those for each minimum proficiency a role may ask.
type wantEntry struct {
	have    int
	related []relatedSkill
	best    [maxProficiency + 1]nearBest
}

// nearBest is the related skill giving the most credit, and that credit.
type nearBest struct {
	skill string
	cred  float64
}

// bestNear returns the related skill giving the most credit toward a
// wanted skill at minimum level minLevel (the first in profile order on a
// tie).
func bestNear(related []relatedSkill, minLevel int) nearBest {
	var b nearBest
	for _, rel := range related {
		if c := rel.sim * levelCredit(rel.prof, minLevel); c > b.cred {
			b = nearBest{skill: rel.skill, cred: c}
		}
	}
	return b
}

// profileSkills matches one candidate against many roles (RankRoles): each
// wanted skill is looked up once per ranking, then answered from a cache.
type profileSkills struct {
	tax    Taxonomy
	skills []talent.SkillLevel
	cache  map[string]*wantEntry
}

func newProfileSkills(tax Taxonomy, skills []talent.SkillLevel) *profileSkills {
	return &profileSkills{tax: tax, skills: skills, cache: make(map[string]*wantEntry)}
}

// entry returns the cached answer for a wanted skill, computing it once.
func (ps *profileSkills) entry(want string) *wantEntry {
	if e, ok := ps.cache[want]; ok {
		return e
	}
	e := &wantEntry{}
	for _, s := range ps.skills {
		if s.Proficiency <= 0 {
			continue
		}
		if s.Skill == want {
			e.have = max(e.have, s.Proficiency)
			continue
		}
		if sim := similarity(ps.tax, s.Skill, want); sim > 0 {
			e.related = append(e.related, relatedSkill{skill: s.Skill, sim: sim, prof: s.Proficiency})
		}
	}
	for m := range e.best {
		e.best[m] = bestNear(e.related, m)
	}
	ps.cache[want] = e
	return e
}

// fill writes the outcome of every skill role r asks for (required first,
// then preferred) into out, which it returns resized.
func (ps *profileSkills) fill(r *talent.Role, out []skillOutcome) []skillOutcome {
	out = out[:0]
	for _, list := range [2][]talent.SkillRequirement{r.RequiredSkills, r.PreferredSkills} {
		for _, req := range list {
			e := ps.entry(req.Skill)
			b := nearBest{}
			if m := req.MinProficiency; m >= 0 && m <= maxProficiency {
				b = e.best[m]
			} else {
				b = bestNear(e.related, m)
			}
			out = append(out, skillOutcome{want: req.Skill, min: req.MinProficiency, have: e.have, near: b.skill, nearCred: b.cred})
		}
	}
	return out
}

// haveEntry is what one skill a candidate has offers a role: the indexes of
// the same skill among the role's wants and its similarity to each want.
type haveEntry struct {
	exact []int
	sims  []float64
}

// roleSkills matches one role against many candidates (RankCandidates): each
// skill candidates have is compared with the role's wants once per ranking.
type roleSkills struct {
	tax   Taxonomy
	wants []talent.SkillRequirement // required first, then preferred
	cache map[string]*haveEntry
}

func newRoleSkills(tax Taxonomy, r *talent.Role) *roleSkills {
	wants := make([]talent.SkillRequirement, 0, len(r.RequiredSkills)+len(r.PreferredSkills))
	wants = append(append(wants, r.RequiredSkills...), r.PreferredSkills...)
	return &roleSkills{tax: tax, wants: wants, cache: make(map[string]*haveEntry)}
}

// entry returns the cached comparison of a skill with the role's wants.
func (rs *roleSkills) entry(have string) *haveEntry {
	if e, ok := rs.cache[have]; ok {
		return e
	}
	e := &haveEntry{}
	for j, w := range rs.wants {
		if w.Skill == have {
			e.exact = append(e.exact, j)
			continue
		}
		if sim := similarity(rs.tax, have, w.Skill); sim > 0 {
			if e.sims == nil {
				e.sims = make([]float64, len(rs.wants))
			}
			e.sims[j] = sim
		}
	}
	rs.cache[have] = e
	return e
}

// fill writes the outcome of each of the role's wants for profile p into
// out, which it returns resized. It gives the same outcomes as
// profileSkills.fill (ties between related skills go to the first in the
// profile either way).
func (rs *roleSkills) fill(p *talent.Profile, out []skillOutcome) []skillOutcome {
	out = out[:0]
	for _, w := range rs.wants {
		out = append(out, skillOutcome{want: w.Skill, min: w.MinProficiency})
	}
	for _, s := range p.Skills {
		if s.Proficiency <= 0 {
			continue
		}
		e := rs.entry(s.Skill)
		for _, j := range e.exact {
			out[j].have = max(out[j].have, s.Proficiency)
		}
		for j, sim := range e.sims {
			if sim > 0 {
				if c := sim * levelCredit(s.Proficiency, out[j].min); c > out[j].nearCred {
					out[j].near, out[j].nearCred = s.Skill, c
				}
			}
		}
	}
	return out
}
