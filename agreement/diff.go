package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/practicekit/boundaries/availability/problem"
)

// Diff lists every difference from version old to version new of an
// agreement: each field added, removed or changed, in the order of the
// agreement's clauses. Elements of keyed lists are matched by key
// (boundaries by kind, obligations and grounds by key), other list elements
// by position; an element present in one version only is reported once,
// whole. The version numbers themselves are not compared. Any material
// change means the new version needs a new signature: see Material.
func Diff(old, new Agreement) ([]Change, error) {
	before, err := flatten(&old)
	if err != nil {
		return nil, err
	}
	after, err := flatten(&new)
	if err != nil {
		return nil, err
	}
	var changes []Change
	for _, l := range after.leaves {
		if l.path == "version" {
			continue
		}
		o, ok := before.index[l.path]
		switch {
		case !ok:
			if l.elem != "" && !before.elems[l.elem] {
				if l.elemFirst {
					changes = append(changes, wholeChange(l.elem, Added, "", after.elemText[l.elem]))
				}
				continue
			}
			if l.value != "" {
				changes = append(changes, change(l, Added, "", l.value))
			}
		case before.leaves[o].value != l.value:
			changes = append(changes, change(l, Changed, before.leaves[o].value, l.value))
		}
	}
	for _, l := range before.leaves {
		if _, ok := after.index[l.path]; ok {
			continue
		}
		if l.elem != "" && !after.elems[l.elem] {
			if l.elemFirst {
				changes = append(changes, wholeChange(l.elem, Removed, before.elemText[l.elem], ""))
			}
			continue
		}
		if l.value != "" {
			changes = append(changes, change(l, Removed, l.value, ""))
		}
	}
	slices.SortStableFunc(changes, func(a, b Change) int {
		return clauseRank(a.Path) - clauseRank(b.Path)
	})
	return changes, nil
}

// clauseRank returns the position of the top-level clause of path in the
// agreement's JSON form.
func clauseRank(path string) int {
	switch topClause(path) {
	case "id":
		return 0
	case "version":
		return 1
	case "title":
		return 2
	case "parties":
		return 3
	case "scope":
		return 4
	case "sessions":
		return 5
	case "fees":
		return 6
	case "payment":
		return 7
	case "cancellation":
		return 8
	case "lateness":
		return 9
	case "wait":
		return 10
	case "provider_cancellation":
		return 11
	case "communication":
		return 12
	case "emergency":
		return 13
	case "boundaries":
		return 14
	case "confidentiality":
		return 15
	case "termination":
		return 16
	case "force_majeure":
		return 17
	}
	return 18 // obligations
}

func change(l leaf, kind ChangeKind, old, new string) Change {
	clause := l.elem
	if clause == "" {
		clause = topClause(l.path)
	}
	return Change{Clause: ClauseID(clause), Path: l.path, Kind: kind, Old: old, New: new, Material: material(l.path)}
}

func wholeChange(elem string, kind ChangeKind, old, new string) Change {
	return Change{Clause: ClauseID(elem), Path: elem, Kind: kind, Old: old, New: new, Material: material(elem)}
}

// topClause returns the top-level member of path.
func topClause(path string) string {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return path
}

// material reports whether a change at path alters the terms.
func material(path string) bool {
	if path == "title" || path == "version" {
		return false
	}
	if strings.HasPrefix(path, "parties[") && strings.HasSuffix(path, "].contact") {
		return false
	}
	return true
}

// A leaf is one scalar of an agreement's JSON form, at its path.
type leaf struct {
	path      string
	value     string // the scalar's JSON text, strings unquoted
	elem      string // the innermost-first list element it belongs to: "cancellation.tiers[1]"
	elemFirst bool   // the first leaf of its element
}

// flat is an agreement's JSON form as leaves in document order.
type flat struct {
	leaves   []leaf
	index    map[string]int
	elems    map[string]bool   // list elements present
	elemText map[string]string // list elements' JSON text
}

// listKey returns the member that names the elements of the list at path,
// or "" when its elements are named by position.
func listKey(path string) string {
	switch path {
	case "boundaries":
		return "kind"
	case "obligations.provider", "obligations.client", "termination.grounds":
		return "key"
	}
	return ""
}

// flatten returns the leaves of the agreement's JSON form.
func flatten(a *Agreement) (*flat, error) {
	b, err := a.MarshalJSON()
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	root, err := readNode(dec)
	if err != nil {
		return nil, err
	}
	f := &flat{index: map[string]int{}, elems: map[string]bool{}, elemText: map[string]string{}}
	if err := f.walk(root, "", ""); err != nil {
		return nil, err
	}
	return f, nil
}

// A node is a JSON value with the order of object members kept.
type node struct {
	members []member // for an object
	items   []node   // for an array
	isObj   bool
	isArr   bool
	scalar  string // the JSON text of a scalar, strings unquoted
}

type member struct {
	name string
	val  node
}

// readNode reads one JSON value.
func readNode(dec *json.Decoder) (node, error) {
	tok, err := dec.Token()
	if err != nil {
		return node{}, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := node{isObj: true}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return node{}, err
				}
				name, _ := k.(string)
				v, err := readNode(dec)
				if err != nil {
					return node{}, err
				}
				n.members = append(n.members, member{name: name, val: v})
			}
			_, err := dec.Token()
			return n, err
		case '[':
			n := node{isArr: true}
			for dec.More() {
				v, err := readNode(dec)
				if err != nil {
					return node{}, err
				}
				n.items = append(n.items, v)
			}
			_, err := dec.Token()
			return n, err
		}
		return node{}, fmt.Errorf("unexpected %v", t)
	case string:
		return node{scalar: t}, nil
	case json.Number:
		return node{scalar: t.String()}, nil
	case bool:
		return node{scalar: strconv.FormatBool(t)}, nil
	case nil:
		return node{scalar: "null"}, nil
	}
	return node{}, errors.New("unexpected JSON token")
}

// text returns the compact JSON text of n.
func (n node) text() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n node) write(b *strings.Builder) {
	switch {
	case n.isObj:
		b.WriteByte('{')
		for i, m := range n.members {
			if i > 0 {
				b.WriteByte(',')
			}
			q, _ := json.Marshal(m.name)
			b.Write(q)
			b.WriteByte(':')
			m.val.write(b)
		}
		b.WriteByte('}')
	case n.isArr:
		b.WriteByte('[')
		for i, it := range n.items {
			if i > 0 {
				b.WriteByte(',')
			}
			it.write(b)
		}
		b.WriteByte(']')
	default:
		q, _ := json.Marshal(n.scalar)
		b.Write(q)
	}
}

// walk adds the leaves of n at path, within list element elem.
func (f *flat) walk(n node, path, elem string) error {
	switch {
	case n.isObj:
		for _, m := range n.members {
			if err := f.walk(m.val, joinPath(path, m.name), elem); err != nil {
				return err
			}
		}
	case n.isArr:
		key := listKey(path)
		for i, it := range n.items {
			p := path + "[" + strconv.Itoa(i) + "]"
			if key != "" {
				for _, m := range it.members {
					if m.name == key && isKey(m.val.scalar) {
						p = joinPath(path, m.val.scalar)
					}
				}
			}
			e := elem
			if e == "" {
				e = p
				f.elems[p] = true
				f.elemText[p] = it.scalar
				if it.isObj || it.isArr {
					f.elemText[p] = it.text()
				}
			}
			start := len(f.leaves)
			if err := f.walk(it, p, e); err != nil {
				return err
			}
			if e == p && len(f.leaves) > start {
				f.leaves[start].elemFirst = true
			}
		}
	default:
		if _, dup := f.index[path]; dup {
			return fmt.Errorf("%w: two elements share the clause ID %s", problem.ErrInvalid, path)
		}
		f.index[path] = len(f.leaves)
		f.leaves = append(f.leaves, leaf{path: path, value: n.scalar, elem: elem})
	}
	return nil
}

// joinPath appends a member name to a path.
func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
