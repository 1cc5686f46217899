package i18n

import (
	"slices"

	"golang.org/x/text/language"
)

// Negotiate picks the response language: an explicit choice (the ?lang=
// parameter) if it is supported, then the signed-in user's saved preference,
// then the best match for an Accept-Language header, then English.
func (c *Catalog) Negotiate(explicit, saved, acceptLanguage string) string {
	for _, choice := range []string{explicit, saved} {
		if slices.Contains(Supported, choice) {
			return choice
		}
	}
	if acceptLanguage != "" {
		tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
		if err == nil && len(tags) > 0 {
			_, index, confidence := c.matcher.Match(tags...)
			if confidence != language.No {
				return Supported[index]
			}
		}
	}
	return Supported[0]
}
