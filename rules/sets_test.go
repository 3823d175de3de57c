package rules

import (
	"bytes"
	"flag"
	"fmt"
	gofmt "go/format"
	"io/fs"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var updateSets = flag.Bool("update-sets", false, "rewrite sets_gen.go from the embedded rule files")

// setsFile is where generatedSetsSource is kept.
const setsFile = "sets_gen.go"

// TestGeneratedSets: sets_gen.go holds every embedded rule file as the
// TOML decoder reads it, and the line of each of its keys, so that a
// question about one player builds its two or three sets without parsing
// TOML (go test ./rules -run TestGeneratedSets -update-sets rewrites it
// after a rule file changes). Each file's generated set must equal what
// the decoder gives, and its lines what indexLines gives; compile, the
// same code for both, does the rest.
func TestGeneratedSets(t *testing.T) {
	src, err := generatedSetsSource()
	if err != nil {
		t.Fatal(err)
	}
	checkGenerated(t, setsFile, src, *updateSets, "-run TestGeneratedSets -update-sets")
	names, err := fs.Glob(embedded, "data/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		raw, err := fs.ReadFile(embedded, name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := decode(raw, name)
		if err != nil {
			t.Fatal(err)
		}
		got, lines := generatedSet(name)
		if got == nil {
			t.Errorf("%s: not in %s", name, setsFile)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the generated set is not what the decoder reads", name)
		}
		if !reflect.DeepEqual(lines, indexLines(raw)) {
			t.Errorf("%s: the generated lines are not indexLines'", name)
		}
		// and two calls give two sets: nothing is shared between books
		again, _ := generatedSet(name)
		if again == got || (got.Foreign != nil && again.Foreign == got.Foreign) || (got.Calendar != nil && again.Calendar == got.Calendar) {
			t.Errorf("%s: two calls share the set or its parts", name)
		}
	}
	if s, _ := generatedSet("data/none.toml"); s != nil {
		t.Error("a file that is not embedded has a generated set")
	}
}

// An embedded set from sets_gen.go, once compiled, is the set Parse reads
// from its file: rules, lines, days and calendars alike.
func TestGeneratedSetsParse(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range b.codes() {
		en := b.entries[code]
		raw, err := fs.ReadFile(embedded, en.file)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse(raw, en.name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := en.parse()
		if err != nil {
			t.Fatal(err)
		}
		if diff := sameSet(got, want); diff != "" {
			t.Errorf("%s: %s", en.name, diff)
		}
	}
}

// sameSet compares two compiled sets as reflect.DeepEqual would, but for
// the cal.Holiday of each day, whose Func DeepEqual never finds equal:
// those are compared by their fields and function, and the workdays
// tables by their calendar.
func sameSet(a, b *Set) string {
	var diffs []string
	var walk func(path string, x, y reflect.Value)
	seen := map[[2]uintptr]bool{}
	walk = func(path string, x, y reflect.Value) {
		if len(diffs) > 3 {
			return
		}
		if x.Type() != y.Type() {
			diffs = append(diffs, path+": types differ")
			return
		}
		switch x.Kind() {
		case reflect.Pointer:
			if x.IsNil() != y.IsNil() {
				diffs = append(diffs, path+": one is nil")
				return
			}
			if x.IsNil() {
				return
			}
			k := [2]uintptr{x.Pointer(), y.Pointer()}
			if seen[k] {
				return
			}
			seen[k] = true
			walk(path, x.Elem(), y.Elem())
		case reflect.Struct:
			for i := 0; i < x.NumField(); i++ {
				f := x.Type().Field(i)
				switch f.Name {
				case "cache", "periods":
					continue // caches, empty until used
				}
				walk(path+"."+f.Name, x.Field(i), y.Field(i))
			}
		case reflect.Slice, reflect.Array:
			if x.Kind() == reflect.Slice && x.IsNil() != y.IsNil() {
				diffs = append(diffs, path+": one is nil")
				return
			}
			if x.Len() != y.Len() {
				diffs = append(diffs, fmt.Sprintf("%s: %d items, want %d", path, x.Len(), y.Len()))
				return
			}
			for i := 0; i < x.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), x.Index(i), y.Index(i))
			}
		case reflect.Map:
			if x.Len() != y.Len() {
				diffs = append(diffs, path+": maps differ in size")
				return
			}
			for _, k := range x.MapKeys() {
				yv := y.MapIndex(k)
				if !yv.IsValid() {
					diffs = append(diffs, fmt.Sprintf("%s[%v]: missing", path, k))
					continue
				}
				walk(fmt.Sprintf("%s[%v]", path, k), x.MapIndex(k), yv)
			}
		case reflect.Func:
			if x.Pointer() != y.Pointer() {
				diffs = append(diffs, path+": other functions")
			}
		case reflect.Interface:
			if x.IsNil() != y.IsNil() {
				diffs = append(diffs, path+": one is nil")
			} else if !x.IsNil() {
				walk(path, x.Elem(), y.Elem())
			}
		default:
			if !reflect.DeepEqual(valueOf(x), valueOf(y)) {
				diffs = append(diffs, fmt.Sprintf("%s: %v, want %v", path, valueOf(x), valueOf(y)))
			}
		}
	}
	walk("set", reflect.ValueOf(a), reflect.ValueOf(b))
	return strings.Join(diffs, "; ")
}

// valueOf is v's value, also for an unexported field.
func valueOf(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.String:
		return v.String()
	}
	return fmt.Sprintf("(%s)", v.Kind())
}

// generatedSetsSource writes sets_gen.go for the embedded rule files.
func generatedSetsSource() ([]byte, error) {
	names, err := fs.Glob(embedded, "data/*.toml")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by TestGeneratedSets (sets_test.go) from data/*.toml; DO NOT EDIT.\n\n")
	b.WriteString("package rules\n\n")
	b.WriteString("// generatedSet is the embedded rule file name (data/eng.toml) as the TOML\n")
	b.WriteString("// decoder reads it, a new Set on each call, and the lines of its keys;\n")
	b.WriteString("// nil for a file that is not embedded.\n")
	b.WriteString("func generatedSet(name string) (*Set, lineIndex) {\n\tswitch name {\n")
	for _, name := range names {
		raw, err := fs.ReadFile(embedded, name)
		if err != nil {
			return nil, err
		}
		s, err := decode(raw, name)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "\tcase %q:\n\t\treturn &", name)
		if err := goValue(&b, reflect.ValueOf(s).Elem(), false); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		b.WriteString(", lineIndex{\n")
		lines := indexLines(raw)
		keys := make([]string, 0, len(lines))
		for k := range lines {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s: %d,\n", strconv.Quote(k), lines[k])
		}
		b.WriteString("}\n")
	}
	b.WriteString("\t}\n\treturn nil, nil\n}\n")
	return gofmt.Source(b.Bytes())
}

// goValue writes v as a Go expression of package rules: a composite
// literal of the fields that are not zero, one a line, without its type
// when elided (an item of a slice). Only exported fields are written (the
// decoder sets no others); a Date is written as D(y, m, d).
func goValue(b *bytes.Buffer, v reflect.Value, elided bool) error {
	t := v.Type()
	switch {
	case t == reflect.TypeFor[Date]():
		d := v.Interface().(Date)
		y, m, day := d.Civil()
		fmt.Fprintf(b, "D(%d, %d, %d)", y, m, day)
		return nil
	case t == reflect.TypeFor[Confidence]():
		b.WriteString(map[Confidence]string{Unknown: "Unknown", Low: "Low", Medium: "Medium", High: "High"}[Confidence(v.Int())])
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		fmt.Fprint(b, v.Bool())
	case reflect.Int:
		fmt.Fprint(b, v.Int())
	case reflect.Pointer:
		if !elided {
			b.WriteByte('&')
		}
		return goValue(b, v.Elem(), elided)
	case reflect.Slice:
		fmt.Fprintf(b, "%s{", typeName(t))
		multi := t.Elem().Kind() != reflect.String
		for i := 0; i < v.Len(); i++ {
			if multi {
				b.WriteByte('\n')
			}
			if err := goValue(b, v.Index(i), true); err != nil {
				return err
			}
			b.WriteString(",")
			if !multi && i < v.Len()-1 {
				b.WriteByte(' ')
			}
		}
		if multi && v.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteByte('}')
	case reflect.Struct:
		if !elided {
			b.WriteString(typeName(t))
		}
		b.WriteByte('{')
		n := 0
		for i := 0; i < t.NumField(); i++ {
			f, fv := t.Field(i), v.Field(i)
			if fv.IsZero() {
				continue
			}
			if !f.IsExported() {
				return fmt.Errorf("%s.%s: an unexported field the decoder set", t.Name(), f.Name)
			}
			fmt.Fprintf(b, "\n%s: ", f.Name)
			if err := goValue(b, fv, false); err != nil {
				return err
			}
			b.WriteString(",")
			n++
		}
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("%s: a %s, which goValue does not write", t, v.Kind())
	}
	return nil
}

// typeName is t as package rules writes it.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + typeName(t.Elem())
	case reflect.Pointer:
		return "*" + typeName(t.Elem())
	}
	return t.Name()
}
