package talent_test

import (
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/talent"
)

func TestPasswordHashing(t *testing.T) {
	hash, err := talent.HashPassword("correct horse battery", talent.OWASPArgon2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q does not carry the OWASP parameters", hash)
	}
	if !talent.CheckPassword("correct horse battery", hash) {
		t.Fatal("the right password does not match")
	}
	for _, wrong := range []string{"", "correct horse batter", "Correct horse battery"} {
		if talent.CheckPassword(wrong, hash) {
			t.Errorf("%q matches", wrong)
		}
	}
	for _, malformed := range []string{"", "!seeded", "$argon2id$v=19$m=x$a$b", "$bcrypt$..."} {
		if talent.CheckPassword("x", malformed) {
			t.Errorf("malformed hash %q matches", malformed)
		}
	}
	again, _ := talent.HashPassword("correct horse battery", talent.OWASPArgon2)
	if again == hash {
		t.Fatal("two hashes of one password share a salt")
	}
}
