// Package notice renders a notification for its reader: its title and body
// in the reader's language, with times in the reader's zone, and the path in
// the web app that opens its object. It is pure (talent's values in, text
// out), so that the bell (httpapi) and the e-mails (notify) read the same.
package notice

import (
	"strconv"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/talent"
)

// Text returns a notification's title and body for a reader: in their
// language, with times in the zone of their account kind (see ZoneOf). The
// body carries the reason the organisation chose to share, if any.
func Text(cat *i18n.Catalog, lang string, kind talent.AccountKind, n talent.Notification) (title, body string) {
	args := textArgs(lang, ZoneOf(kind), n.Params)
	title = cat.Message(lang, "notice."+string(n.Kind)+".title", args)
	body = cat.Message(lang, "notice."+string(n.Kind)+".body", args)
	if n.Params.Reason != "" {
		body += "\n" + cat.Message(lang, "notice.reason", args)
	}
	return title, body
}

// India and Japan keep one time zone each, without daylight saving.
var (
	indiaTime = time.FixedZone("IST", 5*60*60+30*60)
	japanTime = time.FixedZone("JST", 9*60*60)
)

// ZoneOf is the time zone a reader with an account of kind reads times in:
// India's for candidates, Japan's for the organisations, ministries and
// administrators there.
func ZoneOf(kind talent.AccountKind) *time.Location {
	if kind == talent.AccountCandidate {
		return indiaTime
	}
	return japanTime
}

// textArgs are the message arguments of a notification's facts in lang.
func textArgs(lang string, zone *time.Location, p talent.NoticeParams) map[string]any {
	args := map[string]any{"Count": p.Count, "Reason": p.Reason, "Round": p.Round, "Search": p.Search, "Candidate": p.Candidate}
	if p.Role != nil {
		args["Role"], _ = p.Role.In(lang)
	}
	if p.Organization != nil {
		args["Organization"], _ = p.Organization.In(lang)
	}
	if p.From != "" {
		args["From"] = talent.StageTerm(p.From)
	}
	if p.To != "" {
		args["To"] = talent.StageTerm(p.To)
	}
	if p.Deadline != nil {
		args["Deadline"] = i18n.FormatInstantIn(lang, *p.Deadline, zone)
	}
	if p.Start != nil {
		args["Start"] = *p.Start
	}
	return args
}

// Link returns the path in the web app that opens a notification's object.
func Link(n talent.Notification) string {
	id := strconv.FormatInt(n.ObjectID, 10)
	switch n.ObjectType {
	case talent.ObjectApplication:
		return "/applications/" + id
	case talent.ObjectRound:
		return "/rounds/" + id
	case talent.ObjectOrganization:
		if n.Kind == talent.NoticeOrganizationPending {
			return "/admin"
		}
		return "/organization"
	case talent.ObjectSavedSearch:
		if len(n.Params.RoleIDs) == 1 {
			return "/roles/" + strconv.FormatInt(n.Params.RoleIDs[0], 10)
		}
		if n.Params.Filters != "" {
			return "/roles?" + n.Params.Filters
		}
		return "/roles"
	}
	return "/notifications"
}
