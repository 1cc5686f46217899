package talent

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// fuzzSkills knows a few skills and suggests one for anything else.
type fuzzSkills struct{}

func (fuzzSkills) Known(slug string) bool {
	return slug == "python" || slug == "pytorch" || slug == "nlp"
}
func (fuzzSkills) Suggest(unknown string, n int) []string { return []string{"python"}[:min(n, 1)] }

// checkInvalid fails unless err is nil or an ErrInvalid problem whose field
// errors all name a field and a code.
func checkInvalid(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	p, ok := AsProblem(err)
	if !ok || !errors.Is(err, ErrInvalid) || p.Code != "validation_failed" || len(p.Fields) == 0 {
		t.Fatalf("%v is not a validation problem", err)
	}
	for _, f := range p.Fields {
		if f.Field == "" || f.Code == "" {
			t.Fatalf("field error without a field or code: %+v", f)
		}
	}
}

// FuzzValidateProfile feeds arbitrary values to the profile validator: it
// never panics and answers nil or field errors.
func FuzzValidateProfile(f *testing.F) {
	f.Add("Asha Rao", "karnataka", "Bengaluru", "master", "IISc", "CS", 2024, 3, "python", 4, "N3", "fluent", "job", "tokyo", int64(6000000), 1998, 5, 17)
	f.Add("", "atlantis", strings.Repeat("x", 200), "phd", "", "", 1900, -1, "", 9, "N9", "", "gig", "paris", int64(-1), 2030, 13, 40)
	f.Add("\xff\xfe", "", "", "", "", "", 0, 0, "py thon", 0, "", "", "", "", int64(0), 0, 0, 0)
	f.Fuzz(func(t *testing.T, name, state, city, level, inst, field string, year, exp int, skill string, prof int,
		jlpt, eng, roleType, pref string, salary int64, dobY, dobM, dobD int) {
		dob := NewDate(dobY, time.Month(dobM), dobD)
		p := Profile{Name: name, IndianState: state, City: city, ExperienceYears: exp, JLPTLevel: jlpt, EnglishLevel: eng,
			Education:       []Education{{Level: level, Institution: inst, Field: field, Year: year}},
			Skills:          []SkillLevel{{Skill: skill, Proficiency: prof}, {Skill: skill, Proficiency: prof}},
			WantedRoleTypes: []string{roleType}, PreferredPrefectures: []string{pref, pref},
			SalaryExpectationJPY: &salary, DateOfBirth: &dob, EarliestStart: &dob}
		checkInvalid(t, validateProfile(p, NewDate(2026, 11, 1), fuzzSkills{}))
	})
}

// FuzzValidateRole does the same for roles.
func FuzzValidateRole(f *testing.F) {
	f.Add("job", "Engineer", "エンジニア", "", "python", 3, "bachelor", 1, "N3", "preferred", "business", "tokyo", "hybrid", int64(6000000), int64(9000000), int64(0), 12, 2, 2027, 4, 1)
	f.Add("internship", "", "", "x", "", 0, "none", -1, "N0", "maybe", "", "", "", int64(10), int64(1), int64(-5), 0, 0, 1, 1, 1)
	f.Fuzz(func(t *testing.T, typ, en, ja, hi, skill string, minProf int, edu string, exp int, jlpt, mode, eng, pref, remote string,
		salMin, salMax, stipend int64, months, openings, y, m, d int) {
		day := NewDate(y, time.Month(m), d)
		r := Role{Type: typ, Title: LocalizedText{EN: en, JA: ja, HI: hi}, Description: LocalizedText{EN: en, JA: ja},
			RequiredSkills:  []SkillRequirement{{Skill: skill, MinProficiency: minProf}},
			PreferredSkills: []SkillRequirement{{Skill: skill, MinProficiency: minProf}},
			MinEducation:    edu, MinExperienceYears: exp, JapaneseLevel: jlpt, JapaneseMode: mode, EnglishLevel: eng,
			Prefecture: pref, Remote: remote, SalaryMinJPY: &salMin, SalaryMaxJPY: &salMax, StipendMonthlyJPY: &stipend,
			DurationMonths: &months, Openings: openings, StartDate: &day, Deadline: &day}
		normalizeRole(&r)
		checkInvalid(t, validateRole(r, NewDate(2026, 11, 1), fuzzSkills{}))
	})
}

// FuzzValidatorChecks runs each Validator check on arbitrary input.
func FuzzValidatorChecks(f *testing.F) {
	f.Add("name@example.com", "a-slug", "text", 1, 10, int64(5))
	f.Add("<a@b>", "Not A Slug", "\xff", -1, 0, int64(-9))
	f.Add("a@b@c", "", strings.Repeat("あ", 300), 5, 3, int64(1<<62))
	f.Fuzz(func(t *testing.T, email, slug, text string, lo, hi int, n int64) {
		var v Validator
		v.Email("email", email)
		v.Slug("slug", slug)
		v.Text("text", text, lo, hi)
		v.IntRange("n", n, int64(lo), int64(hi))
		v.OneOf("one", text, []string{"a", "b"})
		d := NewDate(int(n%4000), time.Month(lo), hi)
		v.Date("date", &d, NewDate(2000, 1, 1), NewDate(2030, 1, 1))
		v.MaxItems("items", lo, hi)
		checkInvalid(t, v.Err())
	})
}

// FuzzConsentFromProfileForm checks, over arbitrary ledgers, that the events
// a profile form's consent choices produce make the effective consent what
// the form asked for, and that asking for what is in effect records nothing.
func FuzzConsentFromProfileForm(f *testing.F) {
	f.Add([]byte{0, 1, 2}, true, false)
	f.Add([]byte{3, 4, 5, 0}, false, true)
	f.Add([]byte{}, true, true)
	f.Fuzz(func(t *testing.T, ledger []byte, wantShare, wantDiscover bool) {
		var events []ConsentEvent
		for _, b := range ledger {
			events = append(events, ConsentEvent{Purpose: ConsentPurposes[int(b)%len(ConsentPurposes)], Granted: b&0x80 == 0})
		}
		added := profileConsentEvents(events, wantShare, wantDiscover, 1, "xx", Today().Time())
		share, discover := EffectiveConsent(StateOf(append(events, added...)))
		if share != wantShare || discover != wantDiscover {
			t.Fatalf("ledger %v asked %v/%v, got %v/%v with %+v", ledger, wantShare, wantDiscover, share, discover, added)
		}
		for _, ev := range added {
			if ev.Language != "en" || ev.WordingVersion == "" || ev.Source != ConsentSourceProfile {
				t.Fatalf("event %+v", ev)
			}
		}
		if again := profileConsentEvents(append(events, added...), wantShare, wantDiscover, 1, "en", Today().Time()); len(again) != 0 {
			t.Fatalf("asking for what is in effect recorded %+v", again)
		}
	})
}

// FuzzIdempotencyKey checks the key rule: accepted keys are 1–255 visible
// ASCII characters, nothing else.
func FuzzIdempotencyKey(f *testing.F) {
	f.Add("3f2c9a7e-1b4d-4c2e-9f1a-0d8e7c6b5a49")
	f.Add("")
	f.Add("key with spaces")
	f.Add("ключ")
	f.Fuzz(func(t *testing.T, key string) {
		ok := ValidIdempotencyKey(key)
		want := len(key) >= 1 && len(key) <= MaxIdempotencyKeyLen
		for _, r := range []byte(key) {
			want = want && r > ' ' && r < 0x7f
		}
		if ok != want {
			t.Fatalf("ValidIdempotencyKey(%q) = %v", key, ok)
		}
	})
}
