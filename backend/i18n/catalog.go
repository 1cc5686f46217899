// Package i18n speaks Setubashi's three languages: it loads the go-i18n
// catalogues from locales/, chooses a language for each request, renders
// messages with their arguments, and formats numbers, yen and dates the way
// each language writes them.
package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Supported lists the languages Setubashi speaks; the first is the fallback.
var Supported = []string{"en", "ja", "hi"}

// Catalog holds the messages of every supported language.
type Catalog struct {
	bundle     *goi18n.Bundle
	localizers map[string]*goi18n.Localizer
	messages   map[string]map[string]*goi18n.Message
	matcher    language.Matcher
}

// Load reads <lang>.toml for every supported language from fsys.
func Load(fsys fs.FS) (*Catalog, error) {
	bundle := goi18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	tags := make([]language.Tag, len(Supported))
	c := &Catalog{bundle: bundle, localizers: map[string]*goi18n.Localizer{}, messages: map[string]map[string]*goi18n.Message{}}
	for i, lang := range Supported {
		file, err := bundle.LoadMessageFileFS(fsys, lang+".toml")
		if err != nil {
			return nil, fmt.Errorf("load %s catalogue: %w", lang, err)
		}
		c.messages[lang] = make(map[string]*goi18n.Message, len(file.Messages))
		for _, m := range file.Messages {
			c.messages[lang][m.ID] = m
		}
		tags[i] = language.Make(lang)
		c.localizers[lang] = goi18n.NewLocalizer(bundle, lang)
	}
	c.matcher = language.NewMatcher(tags)
	return c, nil
}

// AddLabels registers reference labels as messages "set.code", by language
// then code (the shape of skills.Taxonomy.Labels), so that a Label of the
// set (such as a talent.Term) renders as its label. A code labelled in English but not in another
// language shows the English label there. Call it at start-up, before the
// catalogue serves requests. A language Setubashi does not speak, an empty
// set, code or label, a label with template braces, or a label that would
// replace a different message of the catalogue files is an error, and then
// nothing is added.
func (c *Catalog) AddLabels(set string, labels map[string]map[string]string) error {
	if set == "" || strings.ContainsAny(set, ". ") {
		return fmt.Errorf("add labels: bad set name %q", set)
	}
	for lang := range labels {
		if _, ok := c.localizers[lang]; !ok {
			return fmt.Errorf("add %s labels: unsupported language %q", set, lang)
		}
	}
	added := map[string][]*goi18n.Message{}
	for _, lang := range Supported {
		codes := map[string]string{}
		maps.Copy(codes, labels[Supported[0]]) // English stands in for a missing label
		maps.Copy(codes, labels[lang])
		for code, label := range codes {
			id := set + "." + code
			switch {
			case code == "" || strings.TrimSpace(label) == "":
				return fmt.Errorf("add %s labels: empty code or label for %q in %s", set, code, lang)
			case strings.Contains(label, "{{"):
				return fmt.Errorf("add %s labels: label of %q in %s has template braces", set, code, lang)
			}
			if old, ok := c.messages[lang][id]; ok && old.Other != label {
				return fmt.Errorf("add %s labels: %s in %s is already %q", set, id, lang, old.Other)
			}
			added[lang] = append(added[lang], &goi18n.Message{ID: id, Other: label})
		}
	}
	for lang, msgs := range added {
		if err := c.bundle.AddMessages(language.Make(lang), msgs...); err != nil {
			return fmt.Errorf("add %s labels in %s: %w", set, lang, err)
		}
		for _, m := range msgs {
			c.messages[lang][m.ID] = m
		}
	}
	return nil
}

// Render returns message id in lang with its arguments filled in. Labels,
// money and dates are shown in the language's form (see Label and the
// kinds beside it). A plural message counts the
// argument named Count, else Max. An unknown id is an error.
func (c *Catalog) Render(lang, id string, args map[string]any) (string, error) {
	loc, ok := c.localizers[lang]
	if !ok {
		loc = c.localizers[Supported[0]]
		lang = Supported[0]
	}
	data := make(map[string]any, len(args))
	for k, v := range args {
		data[k] = c.formatArg(lang, v)
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if c.isPlural(lang, id) {
		if n, ok := args["Count"]; ok {
			cfg.PluralCount = n
		} else if n, ok := args["Max"]; ok {
			cfg.PluralCount = n
		}
	}
	s, err := loc.Localize(cfg)
	if err != nil {
		return s, fmt.Errorf("render %s message %q: %w", lang, id, err)
	}
	return s, nil
}

// isPlural reports whether message id has plural forms in lang (or, if lang
// lacks it, in English): a count given to a message without them must not
// select a form it does not have (in Hindi, 0 and 1 select "one").
func (c *Catalog) isPlural(lang, id string) bool {
	m, ok := c.messages[lang][id]
	if !ok {
		m, ok = c.messages[Supported[0]][id]
	}
	return ok && (m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "")
}

// listSeparators join the items of a list in each language.
var listSeparators = map[string]string{"en": ", ", "ja": "、", "hi": ", "}

// formatArg shows a message argument in lang: labels as their messages,
// lists of labels joined, yen and dates in the language's form; anything
// else as is.
func (c *Catalog) formatArg(lang string, v any) any {
	switch v := v.(type) {
	case Label:
		return c.Text(lang, v.MessageID())
	case LabelList:
		ids := v.MessageIDs()
		labels := make([]string, len(ids))
		for i, id := range ids {
			labels[i] = c.Text(lang, id)
		}
		return strings.Join(labels, listSeparators[lang])
	case Money:
		return FormatYen(lang, v.Yen())
	case CalendarDay:
		return FormatDate(lang, v.CalendarDay())
	case Moment:
		return FormatInstant(lang, v.Moment())
	default:
		return v
	}
}

// Message returns message id in lang with its arguments filled in (as
// Render does), or the id itself if the catalogue cannot render it (which the
// catalogue tests rule out for shipped ids).
func (c *Catalog) Message(lang, id string, args map[string]any) string {
	s, err := c.Render(lang, id, args)
	if err != nil || s == "" {
		return id
	}
	return s
}

// Text returns message id in lang without arguments (see Message).
func (c *Catalog) Text(lang, id string) string { return c.Message(lang, id, nil) }

// Has reports whether message id exists in the reference (English) catalogue.
func (c *Catalog) Has(id string) bool {
	_, ok := c.messages[Supported[0]][id]
	return ok
}

// Messages returns every message of lang keyed by id: the text of a simple
// message under "other", a plural message's forms under their CLDR names.
func (c *Catalog) Messages(lang string) map[string]map[string]string {
	out := make(map[string]map[string]string, len(c.messages[lang]))
	for id, m := range c.messages[lang] {
		forms := map[string]string{}
		for form, text := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
			if text != "" {
				forms[form] = text
			}
		}
		out[id] = forms
	}
	return out
}
