package talent

import "slices"

// AccountKind is what kind of user an account belongs to. (A Role is a post
// an organisation offers; an account has a kind.)
type AccountKind string

// Account kinds.
const (
	AccountCandidate AccountKind = "candidate"
	AccountOrgMember AccountKind = "org_member"
	AccountMinistry  AccountKind = "ministry"
	AccountAdmin     AccountKind = "admin"
)

// SelfRegisterKinds are the account kinds a person may choose when signing
// up; ministry viewers and administrators are created by an administrator.
var SelfRegisterKinds = []AccountKind{AccountCandidate, AccountOrgMember}

// AccountKinds lists every account kind.
var AccountKinds = []AccountKind{AccountCandidate, AccountOrgMember, AccountMinistry, AccountAdmin}

// Codes returns typed codes as plain strings, for validation and reference
// lists.
func Codes[T ~string](codes []T) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = string(c)
	}
	return out
}

// Locales are the languages Setubashi speaks, in the order offered to users.
var Locales = []string{"en", "ja", "hi"}

// EducationLevels lists degree levels from lowest to highest.
var EducationLevels = []string{"bachelor", "master", "mba_mot", "doctorate"}

// EducationRank returns the position of level in EducationLevels (higher is
// more advanced), or -1 for "none" or an unknown level.
func EducationRank(level string) int { return slices.Index(EducationLevels, level) }

// JLPTLevels lists Japanese-Language Proficiency Test levels from none to the
// most advanced (N1).
var JLPTLevels = []string{"none", "N5", "N4", "N3", "N2", "N1"}

// JLPTRank returns the position of level in JLPTLevels (higher is better).
func JLPTRank(level string) int { return slices.Index(JLPTLevels, level) }

// EnglishLevels lists self-declared English levels from none to native.
var EnglishLevels = []string{"none", "basic", "conversational", "business", "fluent", "native"}

// EnglishRank returns the position of level in EnglishLevels.
func EnglishRank(level string) int { return slices.Index(EnglishLevels, level) }

// RoleTypes are the kinds of post an organisation offers.
var RoleTypes = []string{"internship", "job", "research"}

// OrganizationKinds are the kinds of Japanese host organisation.
var OrganizationKinds = []string{"company", "startup", "university", "research_institute"}

// RequirementModes say whether a language requirement filters or only scores.
var RequirementModes = []string{"required", "preferred"}

// VisaStatuses are the statuses of residence a placement can carry (DOMAIN.md).
var VisaStatuses = []string{
	"hsp_1b",                // Highly Skilled Professional (i)(b) 高度専門職1号ロ
	"hsp_1a",                // Highly Skilled Professional (i)(a) 高度専門職1号イ
	"j_skip",                // Highly Skilled Professional as a Special Highly Skilled Professional (J-Skip) 特別高度人材
	"engineer_specialist",   // Engineer/Specialist in Humanities/International Services
	"researcher",            // Researcher 研究
	"professor",             // Professor 教授
	"designated_internship", // Designated Activities (Internship)
	"j_find",                // Designated Activities (Future Creation Individual)
	"cultural_activities",   // Cultural Activities (unpaid internships)
}

// IndianStates lists India's 28 states and 8 union territories by slug.
var IndianStates = []string{
	"andhra_pradesh", "arunachal_pradesh", "assam", "bihar", "chhattisgarh", "goa",
	"gujarat", "haryana", "himachal_pradesh", "jharkhand", "karnataka", "kerala",
	"madhya_pradesh", "maharashtra", "manipur", "meghalaya", "mizoram", "nagaland",
	"odisha", "punjab", "rajasthan", "sikkim", "tamil_nadu", "telangana", "tripura",
	"uttar_pradesh", "uttarakhand", "west_bengal",
	"andaman_nicobar", "chandigarh", "dadra_nagar_haveli_daman_diu", "delhi",
	"jammu_kashmir", "ladakh", "lakshadweep", "puducherry",
}

// Prefectures lists Japan's 47 prefectures by slug, in JIS X 0401 order.
var Prefectures = []string{
	"hokkaido", "aomori", "iwate", "miyagi", "akita", "yamagata", "fukushima",
	"ibaraki", "tochigi", "gunma", "saitama", "chiba", "tokyo", "kanagawa",
	"niigata", "toyama", "ishikawa", "fukui", "yamanashi", "nagano", "gifu",
	"shizuoka", "aichi", "mie", "shiga", "kyoto", "osaka", "hyogo", "nara",
	"wakayama", "tottori", "shimane", "okayama", "hiroshima", "yamaguchi",
	"tokushima", "kagawa", "ehime", "kochi", "fukuoka", "saga", "nagasaki",
	"kumamoto", "oita", "miyazaki", "kagoshima", "okinawa",
}
