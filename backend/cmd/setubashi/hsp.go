package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/locales"
)

// hspCommand handles `setubashi hsp [--lang en|ja|hi]`: it reads an HSP
// input as JSON on stdin (see matching.DecodeHSPInput), assesses it and
// writes the points, breakdown, verdicts and reasons (in the chosen
// language) as JSON on stdout. Bad input is errBadInput naming the field,
// with nothing written.
func hspCommand(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("hsp", flag.ContinueOnError)
	lang := fs.String("lang", "en", "language of the reasons: en, ja or hi")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: hsp: %w", errUsage, err)
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("%w: hsp: unexpected argument %q", errUsage, fs.Arg(0))
	case !slices.Contains(i18n.Supported, *lang):
		return fmt.Errorf("%w: hsp: --lang must be one of %s", errUsage, strings.Join(i18n.Supported, ", "))
	}
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		return err
	}
	in, err := matching.DecodeHSPInput(stdin)
	if err != nil {
		return fmt.Errorf("%w: hsp: %s", errBadInput, renderProblem(catalog, *lang, err))
	}
	out := matching.NewHSPReport(matching.AssessHSP(in), func(r talent.Reason) string { return catalog.Message(*lang, r.ID, r.Args) })
	var buf bytes.Buffer
	if err := writeJSON(&buf, out); err != nil {
		return err
	}
	_, err = buf.WriteTo(stdout)
	return err
}

// renderProblem renders a problem in lang: each bad field as
// "field: message", or the problem's own message.
func renderProblem(catalog *i18n.Catalog, lang string, err error) string {
	p, ok := talent.AsProblem(err)
	if !ok {
		return err.Error()
	}
	if len(p.Fields) == 0 {
		return catalog.Message(lang, "error."+string(p.Code), p.Args)
	}
	parts := make([]string, len(p.Fields))
	for i, f := range p.Fields {
		parts[i] = f.Field + ": " + catalog.Message(lang, "field."+f.Code, f.Args)
	}
	return strings.Join(parts, "; ")
}
