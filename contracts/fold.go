package contracts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search key of s: lower case, accents removed, letters
// with no Unicode decomposition spelt out in ASCII (ß→ss, æ→ae, ø→o, đ→d,
// ł→l, ı→i, þ→th …), every run of characters other than letters and digits
// turned into one space, no space at either end.
//
//	Fold("Ibrahima Konaté")       == "ibrahima konate"
//	Fold("Trent Alexander-Arnold") == "trent alexander arnold"
//	Fold("  N'Golo  KANTÉ ")      == "n golo kante"
//
// Accents are removed by compatibility decomposition (Unicode NFKD, from
// golang.org/x/text/unicode/norm) and dropping the nonspacing marks, the
// usual recipe; NFKD also turns ligatures and full-width letters into plain
// ones. An umlaut folds to its bare vowel (ü→u); the index also keys names
// under the German spelling (ü→ue), see foldDigraph. Fold(Fold(s)) ==
// Fold(s). It does not allocate when s is already a key (ASCII lower-case
// letters and digits in words separated by single spaces).
func Fold(s string) string { return fold(s, 0) }

// Fold modes, or-ed.
const (
	// foldDigraph spells umlauts and ø, å the German and Scandinavian way
	// (ä→ae, ö→oe, ü→ue, ø→oe, å→aa): "Rüdiger" → "ruediger".
	foldDigraph = 1 << iota
	// foldJoin removes apostrophes instead of splitting at them:
	// "N'Golo" → "ngolo".
	foldJoin
)

// isKey reports whether s is already folded: words of [a-z0-9] separated by
// single spaces.
func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fold is Fold in mode, an or of the fold modes.
func fold(s string, mode int) string {
	if isKey(s) {
		return s
	}
	if mode&foldDigraph != 0 && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s) // "u" + U+0308 → "ü", so that it spells "ue"
	}
	var f folder
	f.b.Grow(len(s) + 4)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // ASCII
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				f.putByte(c)
			case 'A' <= c && c <= 'Z':
				f.putByte(c + 'a' - 'A')
			case (c == '\'' || c == '`') && mode&foldJoin != 0:
			default:
				f.sep()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		f.putRune(r, mode)
	}
	return f.b.String()
}

// A folder is a key that fold is writing.
type folder struct {
	b     strings.Builder
	space bool // a separator is pending, after the key's first letter or digit
}

// sep marks a separator pending, unless the key is still empty: a key does
// not start with a space.
func (f *folder) sep() { f.space = f.b.Len() > 0 }

// putByte is put for an ASCII letter or digit.
func (f *folder) putByte(c byte) {
	if f.space {
		f.b.WriteByte(' ')
		f.space = false
	}
	f.b.WriteByte(c)
}

// put writes r, after one space when a separator is pending.
func (f *folder) put(r rune) {
	if f.space {
		f.b.WriteByte(' ')
		f.space = false
	}
	f.b.WriteRune(r)
}

// putRune writes what r, a rune outside ASCII, folds to in mode: its
// digraph or ASCII spelling, or its decomposition without the accents; a
// separator when it is neither a letter nor a digit.
func (f *folder) putRune(r rune, mode int) {
	if isApostrophe(r) && mode&foldJoin != 0 {
		return
	}
	if r == utf8.RuneError {
		f.sep()
		return
	}
	if d := digraph(unicode.ToLower(r)); d != "" && mode&foldDigraph != 0 {
		for _, x := range d {
			f.put(x)
		}
		return
	}
	lr := unicode.ToLower(r)
	if sp := spelled(lr); sp != "" {
		for _, x := range sp {
			f.put(x)
		}
		return
	}
	f.putDecomposed(lr)
}

// putDecomposed writes the compatibility decomposition (NFKD) of lr, a
// lower-case rune, in lower case and without its accents.
func (f *folder) putDecomposed(lr rune) {
	var tmp [utf8.UTFMax]byte
	one := tmp[:utf8.EncodeRune(tmp[:], lr)]
	dec := norm.NFKD.Properties(one).Decomposition()
	if dec == nil {
		dec = one
	}
	for _, x := range string(dec) {
		x = unicode.ToLower(x)
		switch {
		case unicode.Is(unicode.Mn, x) || unicode.Is(unicode.Me, x):
			// an accent: dropped
		case x < utf8.RuneSelf && ('a' <= x && x <= 'z' || '0' <= x && x <= '9'):
			f.putByte(byte(x))
		case x < utf8.RuneSelf:
			f.sep()
		case spelled(x) != "":
			for _, y := range spelled(x) {
				f.put(y)
			}
		case unicode.IsLetter(x) || unicode.IsDigit(x) || unicode.Is(unicode.Mc, x):
			f.put(x)
		default:
			f.sep()
		}
	}
}

// foldVariants returns the distinct keys of s: its plain fold, its German
// (digraph) fold and both with apostrophes removed rather than split at.
// The plain fold comes first. It returns nil when s has no letter or digit.
func foldVariants(s string) []string {
	p := fold(s, 0)
	if p == "" {
		return nil
	}
	out := []string{p}
	if isKey(s) {
		return out
	}
	for _, m := range [...]int{foldDigraph, foldJoin, foldDigraph | foldJoin} {
		v := fold(s, m)
		if v != "" && !inList(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u02bc', '\u00b4', '\u02b9', '\u2032':
		return true
	}
	return false
}

// digraph returns the two-letter spelling of a lower-case letter written
// with an umlaut or ø, å when there is one (German ü→ue; Danish and
// Norwegian ø→oe, å→aa), else "".
func digraph(r rune) string {
	switch r {
	case 'ä':
		return "ae"
	case 'ö', 'ø':
		return "oe"
	case 'ü':
		return "ue"
	case 'å':
		return "aa"
	}
	return ""
}

// spelled returns the ASCII spelling of a lower-case letter that has no
// Unicode decomposition into a base letter and marks, else "".
func spelled(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'ł':
		return "l"
	case 'ı':
		return "i"
	case 'þ':
		return "th"
	case 'ħ':
		return "h"
	case 'ŧ':
		return "t"
	case 'ŀ':
		return "l"
	case 'ŋ':
		return "n"
	case 'ƒ':
		return "f"
	case 'ɲ':
		return "n"
	case 'ə':
		return "e"
	}
	return ""
}
