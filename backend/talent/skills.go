package talent

import "unicode/utf8"

// SkillCatalog is the skills taxonomy as validation needs it: which skill
// slugs exist and, for one that does not, the nearest ones that do.
// *skills.Taxonomy implements it.
type SkillCatalog interface {
	// Known reports whether slug is a skill.
	Known(slug string) bool
	// Suggest returns up to n known slugs nearest to an unknown skill.
	Suggest(unknown string, n int) []string
}

// SkillSet is the message section that labels skills: the message
// "skill.<slug>" is a skill's label.
const SkillSet = "skill"

// SkillTerm returns the term for a skill, shown as its label.
func SkillTerm(slug string) Term { return Term{Set: SkillSet, Code: slug} }

// SkillSuggestions is how many known skills an unknown_skill error offers.
const SkillSuggestions = 3

// maxEchoedSkill is how much of an unknown skill an error message repeats.
const maxEchoedSkill = 64

// validateSkill checks that slug names a known skill. An unknown one is the
// field error unknown_skill with the arguments Skill (what was sent, cut to
// 64 characters) and Suggestions (the nearest known skills, as Terms).
func validateSkill(v *Validator, skills SkillCatalog, field, slug string) {
	switch {
	case slug == "":
		v.Add(field, "required")
	case !skills.Known(slug):
		suggestions := skills.Suggest(slug, SkillSuggestions)
		terms := make(Terms, len(suggestions))
		for i, s := range suggestions {
			terms[i] = SkillTerm(s)
		}
		v.Add(field, "unknown_skill", "Skill", echo(slug, maxEchoedSkill), "Suggestions", terms)
	}
}

// echo returns s cut to at most n characters (with "…" when cut) and with
// invalid UTF-8 replaced, for repeating a caller's input in a message.
func echo(s string, n int) string {
	if !utf8.ValidString(s) {
		s = string([]rune(s))
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
