package i18n

import (
	"strconv"
	"strings"
	"time"
)

// FormatInt writes n with the digit grouping of lang: Indian grouping
// (1,23,45,678) for Hindi, groups of three (12,345,678) otherwise.
func FormatInt(lang string, n int64) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	digits := strconv.FormatInt(n, 10)
	if len(digits) <= 3 {
		return sign + digits
	}
	head, tail := digits[:len(digits)-3], digits[len(digits)-3:]
	size := 3
	if lang == "hi" {
		size = 2
	}
	var groups []string
	for len(head) > size {
		groups = append([]string{head[len(head)-size:]}, groups...)
		head = head[:len(head)-size]
	}
	groups = append([]string{head}, groups...)
	return sign + strings.Join(append(groups, tail), ",")
}

// FormatYen writes an amount of yen as the language writes it: ¥6,500,000
// (English, Japanese) or ¥65,00,000 (Hindi).
func FormatYen(lang string, yen int64) string {
	return "¥" + FormatInt(lang, yen)
}

var hindiMonths = [...]string{"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"}

// FormatInstant writes a moment as the language writes a date, with the
// time of day in UTC: 26 Nov 2026, 18:00 UTC / 2026年11月26日 18:00 UTC.
func FormatInstant(lang string, t time.Time) string { return FormatInstantIn(lang, t, time.UTC) }

// FormatInstantIn writes a moment as FormatInstant does, in a time zone named
// by its abbreviation: 26 Nov 2026, 23:30 IST / 2026年11月27日 03:00 JST.
func FormatInstantIn(lang string, t time.Time, zone *time.Location) string {
	local := t.In(zone)
	sep := ", "
	if lang == "ja" {
		sep = " "
	}
	return FormatDate(lang, local) + sep + local.Format("15:04 MST")
}

// FormatDate writes a calendar day as the language writes it: 26 Nov 2026,
// 2026年11月26日, 26 नवंबर 2026.
func FormatDate(lang string, t time.Time) string {
	switch lang {
	case "ja":
		return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
	case "hi":
		return strconv.Itoa(t.Day()) + " " + hindiMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
	default:
		return t.Format("2 Jan 2006")
	}
}
