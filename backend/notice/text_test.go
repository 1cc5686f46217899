package notice_test

import (
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/notice"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/locales"
)

// TestEveryKindReadsInEveryLanguage renders every kind of notification in
// every language, with one and several new roles: no message is missing, no
// placeholder is left empty, and Japanese and Hindi differ from English.
func TestEveryKindReadsInEveryLanguage(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	deadline, start := time.Date(2026, 12, 24, 9, 0, 0, 0, time.UTC), talent.NewDate(2027, 4, 1)
	role := &talent.LocalizedText{EN: "NLP research intern", JA: "自然言語処理リサーチインターン", HI: "एनएलपी शोध इंटर्न"}
	org := &talent.LocalizedText{EN: "Kansai AI Lab", JA: "関西AIラボ"}
	for _, kind := range talent.NotificationKinds {
		for _, count := range []int{1, 3} {
			n := talent.Notification{Kind: kind, ObjectType: talent.ObjectApplication, ObjectID: 9, Params: talent.NoticeParams{
				Role: role, Organization: org, Candidate: "Ananya Raman", From: talent.StageInterview, To: talent.StageOffer,
				Reason: "Great interview", Round: "Winter 2026", Deadline: &deadline, Start: &start, Search: "Tokyo NLP", Count: count,
			}}
			english, _ := notice.Text(catalog, "en", talent.AccountCandidate, n)
			for _, lang := range i18n.Supported {
				title, body := notice.Text(catalog, lang, talent.AccountCandidate, n)
				for _, s := range []string{title, body} {
					if s == "" || strings.HasPrefix(s, "notice.") || strings.Contains(s, "<no value>") || strings.Contains(s, "{{") {
						t.Errorf("%s %s (%d): %q", lang, kind, count, s)
					}
				}
				if lang != "en" && title == english {
					t.Errorf("%s %s: title not translated: %q", lang, kind, title)
				}
				if !strings.Contains(body, "Great interview") {
					t.Errorf("%s %s: the shared reason is missing: %q", lang, kind, body)
				}
			}
		}
	}
}

// TestLinksOpenTheObject checks the web app path of each kind of object.
func TestLinksOpenTheObject(t *testing.T) {
	cases := []struct {
		n    talent.Notification
		want string
	}{
		{talent.Notification{ObjectType: talent.ObjectApplication, ObjectID: 4}, "/applications/4"},
		{talent.Notification{ObjectType: talent.ObjectRound, ObjectID: 2}, "/rounds/2"},
		{talent.Notification{Kind: talent.NoticeOrganizationVerified, ObjectType: talent.ObjectOrganization, ObjectID: 3}, "/organization"},
		{talent.Notification{Kind: talent.NoticeOrganizationPending, ObjectType: talent.ObjectOrganization, ObjectID: 3}, "/admin"},
		{talent.Notification{ObjectType: talent.ObjectSavedSearch, Params: talent.NoticeParams{RoleIDs: []int64{8}}}, "/roles/8"},
		{talent.Notification{ObjectType: talent.ObjectSavedSearch, Params: talent.NoticeParams{RoleIDs: []int64{8, 9}, Filters: "type=job"}}, "/roles?type=job"},
	}
	for _, c := range cases {
		if got := notice.Link(c.n); got != c.want {
			t.Errorf("%+v: %s, want %s", c.n, got, c.want)
		}
	}
}

// TestTimesInTheReadersZone shows a round's deadline in India's time to a
// candidate and in Japan's to an organisation member, in their language.
func TestTimesInTheReadersZone(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Date(2026, 12, 24, 18, 0, 0, 0, time.UTC)
	n := talent.Notification{Kind: talent.NoticeRoundClosing, ObjectType: talent.ObjectRound, ObjectID: 1,
		Params: talent.NoticeParams{Round: "Winter 2026", Deadline: &deadline}}
	cases := []struct {
		lang string
		kind talent.AccountKind
		want string
	}{
		{"hi", talent.AccountCandidate, "24 दिसंबर 2026, 23:30 IST"},
		{"en", talent.AccountCandidate, "24 Dec 2026, 23:30 IST"},
		{"ja", talent.AccountOrgMember, "2026年12月25日 03:00 JST"},
		{"en", talent.AccountAdmin, "25 Dec 2026, 03:00 JST"},
	}
	for _, c := range cases {
		if _, body := notice.Text(catalog, c.lang, c.kind, n); !strings.Contains(body, c.want) {
			t.Errorf("%s %s: %q lacks %q", c.lang, c.kind, body, c.want)
		}
	}
}
