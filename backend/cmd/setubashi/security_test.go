package main

import (
	"testing"

	"github.com/setubashi/setubashi/backend/seed"
)

// TestOnlyDevelopmentExemptsTheDemoAccounts checks that a production start
// lets nobody skip the second factor, and development mode exactly the
// printed demo accounts.
func TestOnlyDevelopmentExemptsTheDemoAccounts(t *testing.T) {
	prod, err := configFromEnv(func(k string) string { return map[string]string{"SETUBASHI_MODE": "production"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	if got := secondFactorExempt(prod); len(got) != 0 {
		t.Errorf("production exempts %v", got)
	}
	unset, _ := configFromEnv(func(string) string { return "" })
	if got := secondFactorExempt(unset); len(got) != 0 {
		t.Errorf("the default mode exempts %v", got)
	}
	dev, _ := configFromEnv(func(k string) string { return map[string]string{"SETUBASHI_MODE": "development"}[k] })
	got := secondFactorExempt(dev)
	if len(got) != len(seed.DemoAccountEmails) {
		t.Fatalf("development exempts %v", got)
	}
	for i, a := range seed.DemoAccountEmails {
		if got[i] != a.Email {
			t.Errorf("exempt %q, want %q", got[i], a.Email)
		}
	}
}
