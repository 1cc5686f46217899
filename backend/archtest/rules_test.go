package archtest

import "strings"

// module is the path of Setubashi's module.
const module = "github.com/setubashi/setubashi"

// rule forbids packages to depend on some others, directly or through any
// chain of imports. The same rules are in .golangci.yml (depguard, direct
// imports only).
type rule struct {
	packages  []string // short names, as in the Packages table: talent, httpapi…
	forbidden []string // import paths; one ending in "/" is a prefix
	why       string
}

// pure are the domain and the engines that work on values handed to them.
var pure = []string{"talent", "matching", "progress", "residence", "skills", "strictjson", "i18n", "notice"}

var rules = []rule{
	{pure, []string{"github.com/gin-gonic/gin", "gorm.io/", "github.com/riverqueue/", "net/http", "github.com/jackc/", module + "/backend/store"},
		"the domain and the pure engines hold no HTTP, database or job-queue code"},
	{[]string{"httpapi"}, []string{module + "/backend/store", "gorm.io/", "github.com/riverqueue/", "github.com/jackc/"},
		"the HTTP layer reaches the database only through talent's services"},
	{[]string{"i18n"}, []string{module + "/backend/talent"},
		"the language layer formats plain values and knows no domain"},
	{[]string{"notify"}, []string{module + "/backend/store"},
		"the job queue works through talent's interfaces; the binary hands it the database"},
}

// matches reports whether an import path is the forbidden path, a package
// below it, or (for a prefix ending in "/") starts with it.
func matches(path, forbidden string) bool {
	if strings.HasSuffix(forbidden, "/") {
		return strings.HasPrefix(path, forbidden)
	}
	return path == forbidden || strings.HasPrefix(path, forbidden+"/")
}

// shortName is how the Packages table names a package of the module:
// backend/talent as talent, backend/cmd/setubashi as cmd/setubashi, the
// embedding packages at the root (locales) as they are.
func shortName(path string) (string, bool) {
	rest, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return "", false
	}
	return strings.TrimPrefix(rest, "backend/"), true
}
