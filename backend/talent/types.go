package talent

import "time"

// User is an account: a candidate, an organisation member, a ministry viewer
// or an administrator.
type User struct {
	ID        int64
	Email     string
	Name      string
	Kind      AccountKind
	Locale    string
	Disabled  bool
	CreatedAt time.Time
}

// Actor is whoever makes a request: a signed-in user, or the zero Actor for
// an anonymous caller. Services decide what an actor may see from it.
type Actor struct {
	UserID int64
	Kind   AccountKind
	// SessionID is the session the request came with (0 when none, e.g. a
	// service called from the command line).
	SessionID int64
}

// Anonymous reports whether nobody is signed in.
func (a Actor) Anonymous() bool { return a.UserID == 0 }

// Is reports whether the actor is signed in with an account of the given kind.
func (a Actor) Is(kind AccountKind) bool { return a.UserID != 0 && a.Kind == kind }

// Education is one degree a candidate holds or studies for.
type Education struct {
	Level       string
	Institution string
	Field       string
	Year        int
}

// SkillLevel is a skill (by slug) with a proficiency from 1 to 5.
type SkillLevel struct {
	Skill       string
	Proficiency int
}

// Profile is what a candidate tells organisations about themselves.
type Profile struct {
	UserID               int64
	Name                 string
	IndianState          string
	City                 string
	Education            []Education
	ExperienceYears      int
	Skills               []SkillLevel
	Papers               int
	Patents              int
	JLPTLevel            string
	EnglishLevel         string
	WantedRoleTypes      []string
	EarliestStart        *Date
	SalaryExpectationJPY *int64
	PreferredPrefectures []string
	RemoteOK             bool
	DateOfBirth          *Date
	ConsentShareApplied  bool
	ConsentDiscoverable  bool
	UpdatedAt            time.Time
}

// Organization is a Japanese company, startup, university or research
// institute that hosts roles.
type Organization struct {
	ID         int64
	NameJA     string
	NameEN     string
	Kind       string
	Prefecture string
	Website    string
	Verified   bool
	VerifiedAt *time.Time
	CreatedBy  int64
	CreatedAt  time.Time
}

// LocalizedText is text an organisation wrote, per language; empty means not
// written in that language.
type LocalizedText struct {
	EN string
	JA string
	HI string
}

// In returns the text in lang, or falls back (to English, then Japanese, then
// Hindi) and says which language it returned.
func (t LocalizedText) In(lang string) (text, got string) {
	byLang := map[string]string{"en": t.EN, "ja": t.JA, "hi": t.HI}
	if s := byLang[lang]; s != "" {
		return s, lang
	}
	for _, l := range []string{"en", "ja", "hi"} {
		if s := byLang[l]; s != "" {
			return s, l
		}
	}
	return "", lang
}

// SkillRequirement is a skill a role asks for, with the minimum proficiency.
type SkillRequirement struct {
	Skill          string
	MinProficiency int
}

// RoleStatus is where a role stands: a draft is seen only by its
// organisation; open roles are public and take applications; closed roles
// take none.
type RoleStatus string

// Role statuses.
const (
	RoleDraft  RoleStatus = "draft"
	RoleOpen   RoleStatus = "open"
	RoleClosed RoleStatus = "closed"
)

// RoleStatuses lists every role status.
var RoleStatuses = []RoleStatus{RoleDraft, RoleOpen, RoleClosed}

// RemoteOptions say whether a role can be done away from its prefecture.
var RemoteOptions = []string{"onsite", "hybrid", "remote"}

// Role is an internship, job or research post.
type Role struct {
	ID                 int64
	OrganizationID     int64
	Type               string
	Status             RoleStatus
	Title              LocalizedText
	Description        LocalizedText
	RequiredSkills     []SkillRequirement
	PreferredSkills    []SkillRequirement
	MinEducation       string
	MinExperienceYears int
	JapaneseLevel      string
	JapaneseMode       string
	EnglishLevel       string
	Prefecture         string
	Remote             string
	SalaryMinJPY       *int64
	SalaryMaxJPY       *int64
	StipendMonthlyJPY  *int64
	DurationMonths     *int
	StartDate          *Date
	Openings           int
	Deadline           *Date
	VisaSupport        bool
	PublishedAt        *time.Time
	CreatedAt          time.Time
	UpdatedAt          time.Time
	// Version counts the role's changes (1 when created); a write naming an
	// older version is refused (optimistic concurrency).
	Version int
}

// Application is a candidate's application to a role.
type Application struct {
	ID          int64
	RoleID      int64
	CandidateID int64
	Stage       Stage
	CoverNote   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Timeline    []StageEvent
	// Version counts the application's changes (1 when submitted).
	Version int
}

// StageEvent records one move of an application: from where to where, who
// moved it, when and why. The first event (From "") is the submission.
type StageEvent struct {
	ID      int64
	From    Stage
	To      Stage
	Reason  string
	ActorID int64
	At      time.Time
}

// Placement records that an accepted candidate will start in Japan, and when
// they arrived.
type Placement struct {
	ID             int64
	ApplicationID  int64
	CandidateID    int64
	RoleID         int64
	OrganizationID int64
	VisaStatus     string
	StartDate      Date
	ArrivedOn      *Date
	CreatedAt      time.Time
}
