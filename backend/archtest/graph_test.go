package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"testing"
)

// root is the module's folder, seen from this package's.
var root = filepath.Join("..", "..")

// graph maps every import path the module's packages depend on (their own
// included) to what it imports, test files left out.
type graph map[string][]string

// loadGraph asks `go list` for the module's packages and all they depend on;
// own lists the module's packages.
func loadGraph(t *testing.T) (g graph, own []string) {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Imports,Module", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	g = graph{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Imports    []string
			Module     *struct{ Main bool }
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		g[p.ImportPath] = p.Imports
		if p.Module != nil && p.Module.Main {
			own = append(own, p.ImportPath)
		}
	}
	return g, own
}

// forbiddenChains returns the shortest chain of imports from one package to every
// package forbidden to it that it reaches, each ending where the chain first
// enters a forbidden package.
func (g graph) forbiddenChains(from string, forbidden func(string) bool) [][]string {
	parent := map[string]string{from: ""}
	queue := []string{from}
	var chains [][]string
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range g[p] {
			if _, seen := parent[imp]; seen {
				continue
			}
			parent[imp] = p
			if !forbidden(imp) {
				queue = append(queue, imp)
				continue
			}
			chain := []string{imp}
			for at := p; at != ""; at = parent[at] {
				chain = append([]string{at}, chain...)
			}
			chains = append(chains, chain)
		}
	}
	return chains
}
