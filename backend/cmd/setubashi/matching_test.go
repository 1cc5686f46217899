package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

const issueInstance = `{"candidates":[{"id":"c1","ranking":["r2","r1"]}],"roles":[{"id":"r1","capacity":2,"ranking":["c1"]}]}`

const issueResult = `{"assignments":[{"candidate":"c1","role":"r1"}],"unmatched_candidates":[],"unfilled":[{"role":"r1","open":1}],"stable":true,"proposals":2}` + "\n"

func TestMatchCommandIssueExample(t *testing.T) {
	var out bytes.Buffer
	if err := matchCommand(nil, strings.NewReader(issueInstance), &out); err != nil {
		t.Fatal(err)
	}
	if out.String() != issueResult {
		t.Errorf("got  %s\nwant %s", out.String(), issueResult)
	}
}

func TestMatchCommandSortsAndNeverWritesNull(t *testing.T) {
	in := `{"candidates":[{"id":"b","ranking":["x"]},{"id":"a","ranking":["x","y"]},{"id":"c"}],
		"roles":[{"id":"y","capacity":3,"ranking":["a"]},{"id":"x","capacity":1,"ranking":["b","a"]}]}`
	var out bytes.Buffer
	if err := matchCommand(nil, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := `{"assignments":[{"candidate":"a","role":"y"},{"candidate":"b","role":"x"}],"unmatched_candidates":["c"],"unfilled":[{"role":"y","open":2}],"stable":true,"proposals":3}` + "\n"
	if out.String() != want {
		t.Errorf("got  %s\nwant %s", out.String(), want)
	}
	out.Reset()
	if err := matchCommand(nil, strings.NewReader(`{"candidates":[],"roles":[]}`), &out); err != nil ||
		out.String() != `{"assignments":[],"unmatched_candidates":[],"unfilled":[],"stable":true,"proposals":0}`+"\n" {
		t.Errorf("empty round: %s %v", out.String(), err)
	}
}

func TestMatchCommandBadInput(t *testing.T) {
	cases := map[string]string{
		`{"candidates":[`: "malformed JSON",
		`{"candidates":[{"id":"c1"},{"id":"c1"}],"roles":[]}`:                                   `duplicate candidate id "c1"`,
		`{"candidates":[],"roles":[{"id":"r1","capacity":1},{"id":"r1","capacity":1}]}`:         `duplicate role id "r1"`,
		`{"candidates":[{"id":"c1","ranking":["r1","r1"]}],"roles":[{"id":"r1","capacity":1}]}`: `ranks role "r1" twice`,
		`{"candidates":[{"id":"c1"}],"roles":[{"id":"r1","capacity":1,"ranking":["c1","c1"]}]}`: `ranks candidate "c1" twice`,
		`{"candidates":[{"id":"c1"}],"roles":[{"id":"r1","capacity":1,"ranking":["c2"]}]}`:      `unknown candidate "c2"`,
		`{"candidates":[],"roles":[{"id":"r1","capacity":0}]}`:                                  "capacity 0",
		`{"candidates":[],"roles":[{"id":"r1","capacity":100001}]}`:                             "capacity 100001",
		`{"candidates":[],"roles":[],"extra":true}`:                                             "extra: unknown key",
		`{"candidates":[{"id":"c1","ranking":[],"note":"x"}],"roles":[]}`:                       "note: unknown key",
		`{"candidates":[{"id":""}],"roles":[]}`:                                                 "empty candidate id",
		`{"candidates":[{"id":"c1","ranking":[""]}],"roles":[]}`:                                "empty role id",
		`{"candidates":[],"roles":[{"id":"r1","capacity":"1"}]}`:                                "roles[0].capacity: must be an integer",
	}
	for in, want := range cases {
		var out bytes.Buffer
		err := matchCommand(nil, strings.NewReader(in), &out)
		if !errors.Is(err, errBadInput) || !strings.Contains(err.Error(), want) || out.Len() != 0 {
			t.Errorf("%s: %v (stdout %q), want bad input naming %q", in, err, out.String(), want)
		}
	}
	if err := matchCommand([]string{"extra"}, strings.NewReader(issueInstance), &bytes.Buffer{}); !errors.Is(err, errUsage) {
		t.Errorf("an argument: %v", err)
	}
}

func TestHSPCommand(t *testing.T) {
	in := `{"degree":"master","age":28,"annual_salary_jpy":7000000,"experience_years":3,"jlpt":"N2"}`
	var out bytes.Buffer
	if err := hspCommand(nil, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Category  string `json:"category"`
		Points    int    `json:"points"`
		Breakdown []struct {
			Item   string `json:"item"`
			Points int    `json:"points"`
		} `json:"breakdown"`
		Eligible  bool     `json:"eligible"`
		FastTrack bool     `json:"fast_track"`
		JSkip     bool     `json:"j_skip"`
		JFind     bool     `json:"j_find"`
		Reasons   []string `json:"reasons"`
	}
	dec := json.NewDecoder(&out)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Category != "specialised_technical" || got.Points != 75 || len(got.Breakdown) != 5 || got.Breakdown[0].Item != "degree_master" || got.Breakdown[0].Points != 20 ||
		!got.Eligible || got.FastTrack || got.JSkip || got.JFind {
		t.Errorf("%+v", got)
	}
	joined := strings.Join(got.Reasons, "\n")
	for _, want := range []string{"Master's or professional degree: 20 points", "Total: 75 points", "75 points reach the 70 needed", "J-Skip needs an annual salary of at least ¥20,000,000"} {
		if !strings.Contains(joined, want) {
			t.Errorf("reasons lack %q:\n%s", want, joined)
		}
	}
	for lang, want := range map[string]string{"ja": "合計：75点", "hi": "कुल: 75 अंक"} {
		out.Reset()
		if err := hspCommand([]string{"--lang", lang}, strings.NewReader(in), &out); err != nil || !strings.Contains(out.String(), want) {
			t.Errorf("%s: %s %v", lang, out.String(), err)
		}
	}
	if err := hspCommand([]string{"--lang", "fr"}, strings.NewReader(in), &out); !errors.Is(err, errUsage) {
		t.Errorf("--lang fr: %v", err)
	}
}

// TestHSPCommandAcademicResearch: (i)(a) from the command line, with the
// category, research-achievement kinds and JICA training it reads.
func TestHSPCommandAcademicResearch(t *testing.T) {
	in := `{"category":"academic_research","degree":"doctorate","age":31,"annual_salary_jpy":2500000,"experience_years":5,"research_achievement_kinds":2,"jica_training":true}`
	var out bytes.Buffer
	if err := hspCommand([]string{"--lang", "ja"}, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Category string   `json:"category"`
		Points   int      `json:"points"`
		Eligible bool     `json:"eligible"`
		Reasons  []string `json:"reasons"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// 30 (doctorate) + 10 (age 30-34) + 10 (5-6 years of research) + 25 (two kinds) + 5 (JICA); no salary points or floor.
	if got.Category != "academic_research" || got.Points != 80 || !got.Eligible || !strings.Contains(strings.Join(got.Reasons, "\n"), "高度専門職1号イ（高度学術研究活動）に必要な70点に達しています") {
		t.Errorf("%+v", got)
	}
}

func TestHSPCommandBadInput(t *testing.T) {
	cases := map[string]string{
		`{"degree":"master","age":28}`:                                                      "annual_salary_jpy: This field is required.",
		`{"degree":"master","age":14,"annual_salary_jpy":1}`:                                "age: Must be between 15 and 100.",
		`{"degree":"phd","age":30,"annual_salary_jpy":1}`:                                   "degree: Must be one of: doctorate, mba_mot, master, bachelor, none.",
		`{"degree":"master","age":30,"annual_salary_jpy":1,"bonus":1}`:                      "bonus: This field is not recognised.",
		`{"degree":"master","age":"30","annual_salary_jpy":1}`:                              "age: Must be a whole number.",
		`{"degree":"master","age":30,"annual_salary_jpy":1,"savings_jpy":-1}`:               "savings_jpy: Must be 0 or more.",
		`{"degree":"master","age":30,"annual_salary_jpy":1,"university_top100_rankings":5}`: "university_top100_rankings: Must be between 0 and 3.",
		`not json`: "The request body is not valid JSON.",
		`{"degree":"master","age":30,"annual_salary_jpy":1,"category":"professor"}`:                                      "category: Must be one of: specialised_technical, academic_research.",
		`{"degree":"master","age":30,"annual_salary_jpy":1,"research_achievement_kinds":5}`:                              "research_achievement_kinds: Must be between 0 and 4.",
		`{"degree":"master","age":30,"annual_salary_jpy":1,"research_achievement_kinds":0,"research_achievements":true}`: "research_achievement_kinds: Contradicts research_achievements",
	}
	for in, want := range cases {
		var out bytes.Buffer
		err := hspCommand(nil, strings.NewReader(in), &out)
		if !errors.Is(err, errBadInput) || !strings.Contains(err.Error(), want) || out.Len() != 0 {
			t.Errorf("%s: %v (stdout %q), want bad input saying %q", in, err, out.String(), want)
		}
	}
	err := hspCommand([]string{"--lang", "ja"}, strings.NewReader(`{"degree":"master","age":14,"annual_salary_jpy":1}`), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "age: 15以上100以下で指定してください。") {
		t.Errorf("ja: %v", err)
	}
}

// TestCommandExitCodes runs the binary's main (this test binary, re-run in
// a child process) to check exit codes and what goes to stdout and stderr.
func TestCommandExitCodes(t *testing.T) {
	if os.Getenv("SETUBASHI_TEST_MAIN") == "1" {
		os.Args = append([]string{"setubashi"}, strings.Fields(os.Getenv("SETUBASHI_TEST_ARGS"))...)
		main()
		os.Exit(0)
	}
	cases := []struct {
		args, stdin string
		code        int
		stdout      string
		stderr      string
	}{
		{"match", issueInstance, 0, issueResult, ""},
		{"match", `{"candidates":[{"id":"c1"},{"id":"c1"}],"roles":[]}`, 2, "", `duplicate candidate id "c1"`},
		{"match", `{`, 2, "", "malformed JSON"},
		{"hsp", `{"degree":"master","age":30}`, 2, "", "annual_salary_jpy"},
		{"hsp --lang de", `{}`, 2, "", "--lang must be one of"},
	}
	for _, c := range cases {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCommandExitCodes$")
		cmd.Env = append(os.Environ(), "SETUBASHI_TEST_MAIN=1", "SETUBASHI_TEST_ARGS="+c.args, "SETUBASHI_MODE=", "SETUBASHI_LOG_LEVEL=")
		cmd.Stdin = strings.NewReader(c.stdin)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != c.code || stdout.String() != c.stdout || !strings.Contains(stderr.String(), c.stderr) {
			t.Errorf("%s <<< %s: exit %d, stdout %q, stderr %q", c.args, c.stdin, code, stdout.String(), stderr.String())
		}
	}
}
