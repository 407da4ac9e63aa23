package boundaries_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportedNamesHaveDocComments fails for every exported name in the
// module's library packages that has no doc comment, and for every package
// without a package comment.
func TestExportedNamesHaveDocComments(t *testing.T) {
	dirs := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != "." {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			dirs[filepath.Dir(path)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir := range dirs {
		if strings.HasPrefix(dir, "examples") {
			continue // commands, not library API
		}
		checkDocs(t, dir)
	}
}

func checkDocs(t *testing.T, dir string) {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/practicekit/boundaries/"+dir)
	if err != nil {
		t.Fatal(err)
	}
	missing := func(kind, name, comment string) {
		if strings.TrimSpace(comment) == "" {
			t.Errorf("%s: %s %s has no doc comment", dir, kind, name)
		}
	}
	missing("package", pkg.Name, pkg.Doc)
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, spec := range v.Decl.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if !n.IsExported() {
						continue
					}
					// A name in a documented group needs no comment of its own.
					if strings.TrimSpace(v.Doc) == "" && vs.Doc == nil && vs.Comment == nil {
						t.Errorf("%s: %s has no doc comment", dir, n.Name)
					}
				}
			}
		}
	}
	funcs := func(fs []*doc.Func) {
		for _, f := range fs {
			missing("func", f.Name, f.Doc)
		}
	}
	values(pkg.Consts)
	values(pkg.Vars)
	funcs(pkg.Funcs)
	for _, typ := range pkg.Types {
		missing("type", typ.Name, typ.Doc)
		values(typ.Consts)
		values(typ.Vars)
		funcs(typ.Funcs)
		for _, m := range typ.Methods {
			if ast.IsExported(m.Name) {
				missing("method", typ.Name+"."+m.Name, m.Doc)
			}
		}
	}
}
