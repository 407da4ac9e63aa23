// Command apicheck lists the exported API of the module in the directory
// given (the repository root by default), one declaration per line in the
// way the Go project lists its own API, and compares the listing with the
// committed file api.txt there. With -w it writes the file instead.
//
// When the listing differs and the directory is a git checkout, it also
// prints golang.org/x/exp/apidiff's report of the change against the
// committed code (HEAD): which changes are incompatible for users.
//
// It is a module of its own, so that the tools it needs never enter the
// library's go.mod.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/exp/apidiff"
	"golang.org/x/tools/go/packages"
)

func main() {
	write := flag.Bool("w", false, "write api.txt instead of comparing with it")
	flag.Parse()
	root := "."
	if flag.NArg() > 0 {
		root = flag.Arg(0)
	}
	listing, err := list(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apicheck:", err)
		os.Exit(2)
	}
	file := filepath.Join(root, "api.txt")
	if *write {
		if err := os.WriteFile(file, listing, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "apicheck:", err)
			os.Exit(2)
		}
		return
	}
	committed, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apicheck:", err)
		os.Exit(2)
	}
	if bytes.Equal(committed, listing) {
		return
	}
	old, cur := lines(committed), lines(listing)
	fmt.Println("The exported API differs from api.txt. If the change is deliberate, run")
	fmt.Println("  (cd .ci/apicheck && go run . -w ../..)")
	fmt.Println("and commit api.txt with the change.")
	for _, l := range old {
		if !slices.Contains(cur, l) {
			fmt.Println("-", l)
		}
	}
	for _, l := range cur {
		if !slices.Contains(old, l) {
			fmt.Println("+", l)
		}
	}
	if report, err := compatibility(root); err != nil {
		fmt.Println("(no compatibility report against HEAD:", err.Error()+")")
	} else if report != "" {
		fmt.Println("\nAgainst the committed code (HEAD), apidiff reports:")
		fmt.Print(report)
	}
	os.Exit(1)
}

// compatibility returns apidiff's report of the module at root against the
// same module as committed at HEAD.
func compatibility(root string) (string, error) {
	tmp, err := os.MkdirTemp("", "apicheck")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	archive := exec.Command("git", "-C", root, "archive", "--format=tar", "HEAD")
	extract := exec.Command("tar", "-x", "-C", tmp)
	if extract.Stdin, err = archive.StdoutPipe(); err != nil {
		return "", err
	}
	if err := extract.Start(); err != nil {
		return "", err
	}
	if err := archive.Run(); err != nil {
		return "", fmt.Errorf("git archive: %w", err)
	}
	if err := extract.Wait(); err != nil {
		return "", fmt.Errorf("tar: %w", err)
	}
	old, err := load(tmp)
	if err != nil {
		return "", err
	}
	cur, err := load(root)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := apidiff.ModuleChanges(old, cur).Text(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}

// load returns the module at root as apidiff wants it, without its
// internal and main packages.
func load(root string) (*apidiff.Module, error) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedModule, Dir: root}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, err
	}
	m := &apidiff.Module{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("%s: %v", p.PkgPath, p.Errors[0])
		}
		if p.Module != nil {
			m.Path = p.Module.Path
		}
		if p.Name != "main" && !isInternal(p.PkgPath) {
			m.Packages = append(m.Packages, p.Types)
		}
	}
	return m, nil
}

func isInternal(path string) bool {
	return strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal")
}

func lines(b []byte) []string {
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// list returns the sorted listing of every non-internal, non-main package
// of the module at root.
func list(root string) ([]byte, error) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: root}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("%s: %v", p.PkgPath, p.Errors[0])
		}
		if p.Name == "main" || isInternal(p.PkgPath) {
			continue
		}
		out = append(out, declarations(p.Types)...)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return []byte(strings.Join(out, "\n") + "\n"), nil
}

// declarations lists the exported declarations of pkg.
func declarations(pkg *types.Package) []string {
	prefix := "pkg " + pkg.Path() + ", "
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
	var out []string
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Const:
			out = append(out, prefix+"const "+name+" "+types.TypeString(obj.Type(), qual))
			out = append(out, prefix+"const "+name+" = "+obj.Val().ExactString())
		case *types.Var:
			out = append(out, prefix+"var "+name+" "+types.TypeString(obj.Type(), qual))
		case *types.Func:
			out = append(out, prefix+"func "+name+strings.TrimPrefix(types.TypeString(plainResults(obj.Type().(*types.Signature)), qual), "func"))
		case *types.TypeName:
			out = append(out, typeLines(prefix, obj, qual)...)
		}
	}
	return out
}

// plainResults returns sig without the names the compiler gives the
// results of a function whose body ranges over a function ("#rv1"), which
// export data keeps but the source does not have.
func plainResults(sig *types.Signature) *types.Signature {
	res := sig.Results()
	if res.Len() == 0 || !strings.HasPrefix(res.At(0).Name(), "#") {
		return sig
	}
	vars := make([]*types.Var, res.Len())
	for i := range vars {
		v := res.At(i)
		vars[i] = types.NewParam(v.Pos(), v.Pkg(), "", v.Type())
	}
	return types.NewSignatureType(nil, nil, nil, sig.Params(), types.NewTuple(vars...), sig.Variadic())
}

// typeLines lists a type: its kind, exported fields and methods.
func typeLines(prefix string, obj *types.TypeName, qual types.Qualifier) []string {
	name := obj.Name()
	if tp, ok := obj.Type().(*types.Named); ok && tp.TypeParams().Len() > 0 {
		var params []string
		for i := range tp.TypeParams().Len() {
			p := tp.TypeParams().At(i)
			params = append(params, p.Obj().Name()+" "+types.TypeString(p.Constraint(), qual))
		}
		name += "[" + strings.Join(params, ", ") + "]"
	}
	if obj.IsAlias() {
		return []string{prefix + "type " + name + " = " + types.TypeString(obj.Type(), qual)}
	}
	var out []string
	under := obj.Type().Underlying()
	switch u := under.(type) {
	case *types.Struct:
		out = append(out, prefix+"type "+name+" struct")
		for i := range u.NumFields() {
			f := u.Field(i)
			if f.Exported() {
				field := f.Name() + " " + types.TypeString(f.Type(), qual)
				if f.Embedded() {
					field = "embedded " + types.TypeString(f.Type(), qual)
				}
				out = append(out, prefix+"type "+name+" struct, "+field)
			}
		}
	case *types.Interface:
		out = append(out, prefix+"type "+name+" interface")
		for i := range u.NumMethods() {
			m := u.Method(i)
			if m.Exported() {
				out = append(out, prefix+"type "+name+" interface, "+m.Name()+strings.TrimPrefix(types.TypeString(m.Type(), qual), "func"))
			}
		}
	default:
		out = append(out, prefix+"type "+name+" "+types.TypeString(under, qual))
	}
	if named, ok := obj.Type().(*types.Named); ok {
		for i := range named.NumMethods() {
			m := named.Method(i)
			if !m.Exported() {
				continue
			}
			sig := m.Type().(*types.Signature)
			recv := "(" + obj.Name() + ")"
			if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
				recv = "(*" + obj.Name() + ")"
			}
			out = append(out, prefix+"method "+recv+" "+m.Name()+strings.TrimPrefix(types.TypeString(plainResults(sig), qual), "func"))
		}
	}
	return out
}
