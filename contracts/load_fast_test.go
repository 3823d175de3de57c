package contracts

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// loadBoth loads data as Load does, most rows split without the parser, and
// with every record parsed by encoding/csv, and fails t unless the two
// datasets, errors and streamed rows agree in every field.
func loadBoth(t *testing.T, data []byte, opt LoadOptions) *Dataset {
	t.Helper()
	load := func(parseAll bool) (*Dataset, string, []Contract) {
		o := opt
		o.parseAll = parseAll
		var given []Contract
		if opt.Each != nil {
			o.Each = func(ds *Dataset, c *Contract) error {
				k := *c
				k.Player, k.PlayerID, k.Note = strings.Clone(c.Player), strings.Clone(c.PlayerID), strings.Clone(c.Note)
				given = append(given, k)
				return nil
			}
		}
		ds, err := Load(bytes.NewReader(data), "t.csv", o)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		return ds, msg, given
	}
	split, splitErr, splitGiven := load(false)
	parsed, parsedErr, parsedGiven := load(true)
	if splitErr != parsedErr {
		t.Fatalf("error split:\n%s\nparsed:\n%s", splitErr, parsedErr)
	}
	if !reflect.DeepEqual(split, parsed) {
		t.Fatalf("datasets differ for %q:\nsplit:  %+v\nparsed: %+v", data, split, parsed)
	}
	if !reflect.DeepEqual(splitGiven, parsedGiven) {
		t.Fatalf("streamed rows differ:\nsplit:  %+v\nparsed: %+v", splitGiven, parsedGiven)
	}
	return split
}

const splitHeader = "player,club,association,contract_expires,note\r\n"

// splitCases are files the splitter must read as encoding/csv does: each
// kind of line it splits alone, and each it leaves to the parser.
var splitCases = map[string]string{
	"plain":                  "A,Liverpool,ENG,2026-06-30,x\r\nB,Arsenal,ENG,2027-06-30,\r\n",
	"quoted":                 "\"Konaté, I.\",\"Liverpool\",ENG,2026-06-30,\"say \"\"hi\"\"\"\r\n\"\",B,ENG,2026-06-30,\"\"\n",
	"repeat quoted":          "A,Liverpool,ENG,2026-06-30,x\r\n\"A\",Liverpool,\"ENG\",2026-06-30,x\r\nA,Liverpool,ENG,2026-06-30,x\n",
	"blank lines":            "\r\n\r\nA,Liverpool,ENG,2026-06-30,\n\n,,,,\r\nB,Arsenal,ENG,2026-06-30,\n",
	"line break in quotes":   "A,Liverpool,ENG,2026-06-30,\"two\r\nlines\"\r\nB,Arsenal,ENG,2026-06-30,\r\nC,x,ENG,2026-13-01,\n",
	"bare quote":             "A,Liver\"pool,ENG,2026-06-30,\r\nB,Arsenal,ENG,2026-06-30,\r\n",
	"text after the quote":   "A,\"Liver\"pool,ENG,2026-06-30,\r\nB,Arsenal,ENG,2026-06-30,\r\n",
	"quote never closed":     "A,Liverpool,ENG,2026-06-30,\r\nB,\"Arsenal,ENG,2026-06-30,\r\nC,x,ENG,2026-06-30,\r\n",
	"no last line end":       "A,Liverpool,ENG,2026-06-30,\r\nB,Arsenal,ENG,2026-06-30,\r",
	"carriage return":        "A,Liver\rpool,ENG,2026-06-30,\r\r\nB,Arsenal,ENG,2026-06-30,\n",
	"NUL and Latin-1":        "A,Liver\x00pool,ENG,2026-06-30,\r\nB,Ars\xe9nal,ENG,2026-06-30,\r\nC,Arsenal,ENG,2026-06-30,\r\n",
	"byte-order mark":        "\ufeffA,Liverpool,ENG,2026-06-30,\r\n\"\ufeffB\",Arsenal,ENG,2026-06-30,\r\n",
	"wrong field count":      "A,Liverpool,ENG\r\nB,Arsenal,ENG,2026-06-30,,\r\n\"C\",x,ENG,2026-06-30,\"\",\r\n",
	"trailing separator":     "A,Liverpool,ENG,2026-06-30,\"x\",\r\nB,Arsenal,ENG,\"2026-06-30\",\r\n",
	"conflict":               "A,Liverpool,ENG,2026-06-30,\r\nA,Liverpool,ENG,2027-06-30,\r\n",
	"long note":              "A,Liverpool,ENG,2026-06-30," + strings.Repeat("n", 70<<10) + "\r\nB,Arsenal,ENG,2026-06-30,\r\n",
	"line over the maximum":  "A,Liverpool,ENG,2026-06-30,\r\nB,Arsenal,ENG,2026-06-30," + strings.Repeat("n", 3<<20) + "\r\nC,x,ENG,2026-06-30,\r\n",
	"quote over the maximum": "A,Liverpool,ENG,2026-06-30,\r\nB,Arsenal,ENG,2026-06-30,\"" + strings.Repeat("n\n", 600<<10) + "\r\nC,x,ENG,2026-06-30,\r\n",
}

func TestSplitterAgreesWithParser(t *testing.T) {
	for name, rows := range splitCases {
		for _, sep := range []string{",", ";", "\t"} {
			data := strings.ReplaceAll(splitHeader+rows, ",", sep)
			for _, opt := range []LoadOptions{{}, {SkipInvalid: true}, {SkipInvalid: true, Each: func(*Dataset, *Contract) error { return nil }},
				{MaxFieldBytes: 20, MaxProblems: 2}} {
				t.Run(name, func(t *testing.T) { loadBoth(t, []byte(data), opt) })
			}
		}
		t.Run(name+" after a separator line", func(t *testing.T) { loadBoth(t, []byte("sep=,\r\n"+splitHeader+rows), LoadOptions{}) })
	}
}

// TestSplitLineNumbers checks the lines problems name when rows split alone
// and rows parsed alternate. Line 1 is the header; line 2 a good row; 3 and
// 4 one record whose note holds a line break; 5 is blank, skipped as
// encoding/csv skips it; 6 has a bare quote in its club, the 2nd field; 7
// gives an expiry that is no date, the 4th field, contract_expires; 8 is
// good.
func TestSplitLineNumbers(t *testing.T) {
	data := splitHeader +
		"A,Liverpool,ENG,2026-06-30,\r\n" +
		"B,Arsenal,ENG,2026-06-30,\"two\r\nlines\"\r\n" +
		"\r\n" +
		"C,Ars\"enal,ENG,2026-06-30,\r\n" +
		"D,Chelsea,ENG,2026-02-30,\r\n" +
		"E,Fulham,ENG,2026-06-30,\r\n"
	ds := loadBoth(t, []byte(data), LoadOptions{SkipInvalid: true})
	var got []string
	for _, p := range ds.Problems {
		got = append(got, p.Error())
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "t.csv:6:2: a double quote inside an unquoted field") ||
		!strings.HasPrefix(got[1], "t.csv:7:4: contract_expires: \"2026-02-30\" is not a real date") {
		t.Fatalf("problems %q", got)
	}
	var lines []int
	for _, c := range ds.Contracts {
		lines = append(lines, c.Pos.Line)
	}
	if !reflect.DeepEqual(lines, []int{2, 3, 8}) || ds.Contracts[1].Note != "two\nlines" {
		t.Fatalf("rows on lines %v, note %q", lines, ds.Contracts[1].Note)
	}
}

func FuzzSplit(f *testing.F) {
	for _, rows := range splitCases {
		if len(rows) < 4096 {
			f.Add([]byte(splitHeader + rows))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		loadBoth(t, data, LoadOptions{SkipInvalid: true, MaxRecordBytes: 4096})
	})
}

// A line split without quotes hands on its copy as readItem.joined, which
// recordHash hashes in place of the fields joined: it must be exactly that
// join, and empty for every other line.
func TestSplitterJoined(t *testing.T) {
	seen := 0
	for name, rows := range splitCases {
		for _, sep := range []string{",", ";", "\t"} {
			window := []byte(strings.ReplaceAll(splitHeader+rows, ",", sep))
			sp := &splitter{gate: &lineGate{}, comma: sep[0], maxField: 1 << 20}
			b := &readBatch{}
			for used := 0; used < len(window); {
				n, why := sp.splitLines(b, window[used:])
				used += n
				for _, it := range b.items {
					fields := b.fields[it.start : it.start+it.n]
					if it.joined != "" {
						seen++
					}
					if joined := strings.Join(fields, sep); it.joined != "" && it.joined != joined {
						t.Errorf("%s (%q): joined %q, fields %q", name, sep, it.joined, joined)
					}
					if strings.Contains(it.joined, `"`) {
						t.Errorf("%s (%q): a line with quotes handed on as joined: %q", name, sep, it.joined)
					}
				}
				b.items, b.fields = b.items[:0], b.fields[:0]
				if why != splitFull {
					break
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no line handed on as joined")
	}
}

// TestGather: every pattern of high bits in a word's eight bytes is packed
// into the low byte, byte i's bit as bit i, nothing above it.
func TestGather(t *testing.T) {
	for p := range uint64(256) {
		var m uint64
		for i := range 8 {
			if p>>i&1 == 1 {
				m |= 0x80 << (8 * i)
			}
		}
		if got := gather(m); got != p {
			t.Errorf("gather(%#016x) = %#x, want %#x", m, got, p)
		}
	}
}

// TestPlainBlocks: plain splits as strings.Split does (a line without
// quotes is its fields joined by the separator) for lines of every length
// to three blocks of 64 bytes, with separators at the first and last byte
// of a block and of a word, in a row, and at both ends; and it notes NUL
// and non-ASCII bytes wherever they are. It runs with sepBlocks' AVX2
// form where the processor has it, and with the Go form.
func TestPlainBlocks(t *testing.T) {
	t.Run("vector", testPlainBlocks)
	t.Run("go", func(t *testing.T) { withoutAVX2(t); testPlainBlocks(t) })
}

func testPlainBlocks(t *testing.T) {
	for n := range 200 {
		for _, at := range [][]int{nil, {0}, {n - 1}, {7, 8}, {63, 64}, {62, 63, 64, 65}, {127, 128, 191}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}} {
			line := []byte(strings.Repeat("x", n))
			for _, i := range at {
				if i >= 0 && i < n {
					line[i] = ';'
				}
			}
			for _, odd := range []byte{'y', 0, 0xc3} {
				l := bytes.Clone(line)
				if n > 0 && odd != 'y' {
					l[n/2] = odd
				}
				sp := &splitter{comma: ';', maxField: 1 << 20}
				fields, ascii, nul := sp.plain(nil, l)
				if want := strings.Split(string(l), ";"); !reflect.DeepEqual(fields, want) {
					t.Fatalf("%q: fields %q, want %q", l, fields, want)
				}
				if wantNUL, wantASCII := bytes.IndexByte(l, 0) >= 0, bytes.IndexByte(l, 0xc3) < 0; nul != wantNUL || ascii != wantASCII {
					t.Fatalf("%q: NUL %v, ASCII %v; want %v, %v", l, nul, ascii, wantNUL, wantASCII)
				}
			}
		}
	}
}

// TestSepBlocks holds sepBlocks (the AVX2 form on a processor that has it)
// and sepBlocksGo to the byte-by-byte answer: bit j of mask k is set where
// byte k*64+j is the separator; high says a byte is 0x80 or more, nul that
// one is 0. Every byte value is tried at every place of a block, alone in
// a block of other bytes, and as many random blocks.
func TestSepBlocks(t *testing.T) {
	t.Logf("AVX2 form: %v", haveAVX2)
	want := func(line []byte, sep byte) (masks []uint64, high, nul bool) {
		masks = make([]uint64, len(line)/64)
		for i, c := range line {
			if c == sep {
				masks[i/64] |= 1 << (i % 64)
			}
			high = high || c >= 0x80
			nul = nul || c == 0
		}
		return masks, high, nul
	}
	check := func(line []byte, sep byte) {
		t.Helper()
		wm, wh, wn := want(line, sep)
		for _, f := range []struct {
			name string
			fn   func([]byte, byte, []uint64) (bool, bool)
		}{{"sepBlocks", sepBlocks}, {"sepBlocksGo", sepBlocksGo}} {
			masks := make([]uint64, len(wm))
			h, n := f.fn(line, sep, masks)
			if !slices.Equal(masks, wm) || h != wh || n != wn {
				t.Fatalf("%s(%q, %q): masks %x, high %v, nul %v; want %x, %v, %v", f.name, line, sep, masks, h, n, wm, wh, wn)
			}
		}
	}
	for _, sep := range []byte{',', ';', '\t', 0, 0x80, 0xff} {
		for v := range 256 {
			for at := range 64 {
				line := bytes.Repeat([]byte("a"), 128)
				line[64+at] = byte(v)
				check(line, sep)
				check(line[64:], sep)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		line := make([]byte, 64*(1+r.IntN(8)))
		for i := range line {
			switch r.IntN(4) {
			case 0:
				line[i] = byte(r.IntN(256))
			case 1:
				line[i] = ','
			default:
				line[i] = 'a' + byte(r.IntN(26))
			}
		}
		check(line, ',')
	}
}
