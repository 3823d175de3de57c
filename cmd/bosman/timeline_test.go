package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateTimeline = flag.Bool("update-timeline", false, "rewrite testdata/timeline/*.golden from the current output")

// runTimeline runs bosman in-process with only the variables in env set.
func runTimeline(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(append([]string{"bosman"}, args...), strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	return out.String(), errb.String(), code
}

var cols80 = map[string]string{"COLUMNS": "80"}

// TestTimelineTerminalGolden compares the terminal view at 80 columns with
// testdata/timeline/NAME.golden. Run 'go test -run Timeline
// -update-timeline' to rewrite them, and read the diff before committing.
func TestTimelineTerminalGolden(t *testing.T) {
	asOf := "--as-of=2025-10-07"
	cases := []struct {
		name string
		args []string
	}{
		{"real-madrid", []string{"timeline", "Real Madrid", asOf}},
		{"real-madrid-all-capped", []string{"timeline", "Real Madrid", "--all", asOf}},
		{"liverpool-2y", []string{"timeline", "Liverpool", "--within", "2y", asOf}},
		{"players", []string{"timeline", "--player", "Konate", "--player", "Rudiger", "--player", "Vlahovic", asOf}},
		{"real-madrid-to-eng-season", []string{"timeline", "Real Madrid", "--season", "2026/27", "--to", "ENG", asOf}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runTimeline(t, cols80, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			for i, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
				if n := len([]rune(l)); n > 80 {
					t.Errorf("line %d is %d columns wide: %q", i+1, n, l)
				}
			}
			path := filepath.Join("testdata", "timeline", tc.name+".golden")
			if *updateTimeline {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update-timeline to create it)", err)
			}
			if string(want) != out {
				t.Errorf("%s differs; got:\n%s\nwant:\n%s", path, out, want)
			}
		})
	}
}

// TestTimelineLaneByHand checks one lane character by character against
// dates worked out by hand. Real Madrid, as of 7 Oct 2025, default 12
// months: Rüdiger, Carvajal and Alaba, all expiring 30 Jun 2026. The view
// runs from 1 Oct 2025 to 31 Aug 2026 (the end of the month after the free
// day 1 Jul 2026): 31+30+31+31+28+31+30+31+30+31+31 = 335 days. The name
// column is 15 wide ("Antonio Rüdiger"), so 80-15-1-12 = 52 columns of
// chart. Day n of the view falls in column n*52/335: 7 Oct (n=6) in 0,
// 1 Jan 2026 (n=92) in 14, 30 Jun (n=272) and 1 Jul (n=273) in 42.
// Abroad and at home both open on 1 Jan 2026 (Spain follows FIFA's six
// months), so: the as-of mark, 13 of contract, 28 of both windows, the free
// day, 9 blanks to column 51, then the date column.
func TestTimelineLaneByHand(t *testing.T) {
	out, errs, code := runTimeline(t, cols80, "timeline", "Real Madrid", "--as-of", "2025-10-07")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "Antonio Rüdiger ┼" + strings.Repeat("─", 13) + strings.Repeat("█", 28) + "●" + strings.Repeat(" ", 9) + " 1 Jul 2026"
	if !strings.Contains(out, want+"\n") {
		t.Errorf("no lane\n%s\nin\n%s", want, out)
	}
	// the months: Jan starts in column 14, as the window does
	years := strings.Repeat(" ", 16) + "2025" + strings.Repeat(" ", 10) + "2026\n"
	if !strings.Contains(out, "\n"+strings.Repeat(" ", 16)+"Oct") || !strings.Contains(out, "\n"+years) {
		t.Errorf("axis misplaced:\n%s", out)
	}
}

// TestTimelineEnglandDomestic: Konaté (Liverpool, expiring 30 Jun 2026).
// Abroad from 1 Jan 2026; at home only after the third Saturday in May
// (16 May 2026: 1 May 2026 is a Friday), so from 17 May. View 1 Oct 2025
// to 31 Aug 2026 (335 days); the name column is 16 wide ("Ibrahima
// Konaté", "Antonio Rüdiger" and "Dušan Vlahović" are 14 and 15 and
// 14: the widest, 15), 52 columns. 1 Jan (n=92) in column 14, 17 May
// (n=228) in 35, 1 Jul (n=273) in 42: 21 of abroad only, 7 of both.
func TestTimelineEnglandDomestic(t *testing.T) {
	out, errs, code := runTimeline(t, cols80, "timeline", "--player", "Konate", "--player", "Rudiger", "--player", "Vlahovic", "--as-of", "2025-10-07")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "Ibrahima Konaté ┼" + strings.Repeat("─", 13) + strings.Repeat("▒", 21) + strings.Repeat("█", 7) + "●"
	if !strings.Contains(out, want) {
		t.Errorf("no lane\n%s\nin\n%s", want, out)
	}
	// the names give way in the title, the date does not
	if !strings.Contains(out, "Ibrahima Konaté, Antonio Rüd…: pre-contract windows as of 7 Oct 2025 (3 players)\n") {
		t.Errorf("title:\n%s", out)
	}
	// three associations: no registration periods unless asked
	if strings.Contains(out, "Reg.") {
		t.Errorf("registration row without a common association:\n%s", out)
	}
}

func TestTimelineColourAndWidth(t *testing.T) {
	// colour: the same picture once the escapes are taken out
	out, _, _ := runTimeline(t, map[string]string{"COLUMNS": "100"}, "timeline", "Liverpool", "--as-of", "2025-10-07")
	if strings.Contains(out, "\x1b[") {
		t.Fatalf("colour when stdout is not a terminal:\n%s", out)
	}
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if n := len([]rune(l)); n > 100 {
			t.Errorf("line is %d wide at COLUMNS=100: %q", n, l)
		}
	}
	// narrow and silly widths never break the layout
	for _, w := range []string{"1", "44", "-5", "abc", "500"} {
		out, errs, code := runTimeline(t, map[string]string{"COLUMNS": w}, "timeline", "Real Madrid", "--all", "--as-of", "2025-10-07")
		if code != 0 {
			t.Errorf("COLUMNS=%s: exit %d: %s", w, code, errs)
		}
		limit := 80
		switch w {
		case "1", "44":
			limit = 44
		case "500":
			limit = 500
		}
		for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if n := len([]rune(l)); n > limit {
				t.Errorf("COLUMNS=%s: line %d wide: %q", w, n, l)
			}
		}
	}
}

// TestTimelineSVG: the SVG is well-formed XML with one lane per player,
// each carrying the dates worked out by hand (Liverpool, within 2 years of
// 7 Oct 2025: 13 contracts; the two expiring 30 Jun 2026 open abroad on
// 1 Jan 2026 and at home on 17 May 2026, the eleven expiring 30 Jun 2027
// on 1 Jan 2027 and 16 May 2027, the day after the third Saturday, 15 May).
func TestTimelineSVG(t *testing.T) {
	out, errs, code := runTimeline(t, nil, "timeline", "Liverpool", "--within", "2y", "--format", "svg", "--as-of", "2025-10-07")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	lanes := map[string]map[string]string{}
	var order []string
	var titles []string
	inTitle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			inTitle = tk.Name.Local == "title"
			if tk.Name.Local != "g" {
				continue
			}
			attrs := map[string]string{}
			for _, a := range tk.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if attrs["class"] == "lane" {
				lanes[attrs["data-player"]] = attrs
				order = append(order, attrs["data-player"])
			}
		case xml.CharData:
			if inTitle {
				titles = append(titles, string(tk))
			}
		case xml.EndElement:
			inTitle = false
		}
	}
	// 16: Bradley's renewal to 2029 (17 May 2025) takes him out of the two
	// years; four players known only from the June 2026 snapshot come in
	// (Rhys Williams to 2026, Calvin Ramsay, Harvey Davies and Stefan
	// Bajcetic to 2027), and the caption says so.
	if len(lanes) != 16 || len(order) != 16 {
		t.Fatalf("%d lanes, want 16: %v", len(lanes), order)
	}
	if order[0] != "Andrew Robertson" || order[1] != "Ibrahima Konaté" || order[2] != "Rhys Williams" || order[3] != "Alisson" {
		t.Errorf("lanes not sorted by expiry, then name: %v", order)
	}
	k := lanes["Ibrahima Konaté"]
	for attr, want := range map[string]string{"data-expires": "2026-06-30", "data-foreign": "2026-01-01", "data-domestic": "2026-05-17", "data-free": "2026-07-01"} {
		if k[attr] != want {
			t.Errorf("Konaté %s = %q, want %s", attr, k[attr], want)
		}
	}
	s := lanes["Mohamed Salah"]
	if s["data-foreign"] != "2027-01-01" || s["data-domestic"] != "2027-05-16" || s["data-free"] != "2027-07-01" {
		t.Errorf("Salah: %v", s)
	}
	joined := strings.Join(titles, "\n")
	for _, want := range []string{
		"Ibrahima Konaté: free agent from 2026-07-01",
		"Ibrahima Konaté: pre-contract with a club abroad from 2026-01-01",
		"Ibrahima Konaté: pre-contract abroad from 2026-01-01, at home from 2026-05-17",
		"ENG winter",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no title %q in:\n%s", want, joined)
		}
	}
	for _, want := range []string{"Liverpool FC: pre-contract windows as of 7 Oct 2025", "Source: bosman; contract data: ", "rules: FIFA RSTP art. 18.3 and association rule sets.",
		"Data: curated, confirmed 26 Feb 2025 to 1 Jul 2026 (12);", "transfermarkt-datasets, scraped 12 Jun 2026 (4); 13 of them known only from data later than 7 Oct 2025"} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// TestTimelinePNG: the PNG decodes, at twice the SVG's size. Real Madrid,
// 12 months from 7 Oct 2025: 3 lanes, so the lanes end at 148+3*30 = 238;
// the legend's row is at 238+46 = 284 (its six items fit one row: no
// window is open abroad only), then 14 and 10 below, two lines of source
// and data 16 apart, at 324 and 340, and a margin of 20: 360 high, 1200
// wide.
func TestTimelinePNG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rm.png")
	_, errs, code := runTimeline(t, nil, "timeline", "Real Madrid", "--format", "png", "--output", path, "--as-of", "2025-10-07")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "wrote "+path) {
		t.Errorf("stderr: %q", errs)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 2400 || b.Dy() != 720 {
		t.Errorf("PNG is %dx%d, want 2400x720", b.Dx(), b.Dy())
	}
	// not a terminal: PNG bytes on stdout are fine
	out, errs, code := runTimeline(t, nil, "timeline", "--player", "Alaba", "--format", "png", "--as-of", "2025-10-07")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := png.Decode(strings.NewReader(out)); err != nil {
		t.Errorf("stdout is not a PNG: %v", err)
	}
}

func TestTimelineErrors(t *testing.T) {
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"timeline"}, 2, "timeline needs a CLUB or --player NAME"},
		{[]string{"timeline", "Liverpool", "--player", "Salah"}, 2, "not both"},
		{[]string{"timeline", "Liverpool", "--format", "csv"}, 2, "timeline writes table, svg, png"},
		{[]string{"timeline", "Nowhere United FC"}, 1, "no club matches"},
		{[]string{"timeline", "--player", "Nobody Atall"}, 1, "no player matches"},
		{[]string{"timeline", "Liverpool", "--within", "soon"}, 2, "--within"},
		{[]string{"timeline", "Liverpool", "--within", "1d"}, 1, "try --all"},
		{[]string{"timeline", "Liverpool", "--to", "XYZW"}, 2, "--to"},
		{[]string{"timeline", "Liverpool", "--format", "svg", "--output", filepath.Join("no", "such", "dir", "x.svg")}, 1, "--output"},
	}
	for _, tc := range cases {
		out, errs, code := runTimeline(t, nil, append(tc.args, "--as-of", "2025-10-07")...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
		if out != "" {
			t.Errorf("%v: stdout on error: %q", tc.args, out)
		}
		if code != 0 && !strings.Contains(errs, "bosman: error: ") {
			t.Errorf("%v: no error line: %q", tc.args, errs)
		}
	}
}

// TestTimelineBigClubPNG: the PNG of a 50,000-player club asked for
// 28.8 GB and the Go runtime threw (exit 2). The chart draws the first
// 100 lanes, says so in the chart and on stderr, and is a PNG of bounded
// size.
func TestTimelineBigClubPNG(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 rows")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	var b strings.Builder
	b.WriteString("player_id,player,club,association,contract_expires\n")
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&b, "%d,Player %d,Big FC,ENG,%d-06-30\n", i+1, i, 2026+i%3)
	}
	writeTemp(t, dir, "big.csv", b.String())
	code, _, stderr := runBounded(t, "timeline", "Big FC", "--all", "--data", "big.csv", "--format", "png", "--output", "big.png")
	if code != 0 || !strings.Contains(stderr, "bosman: warning: the chart shows the first 100 of 50000 players") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	f, err := os.Open("big.png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 2400 || cfg.Height > 7000 {
		t.Errorf("PNG %d×%d, %v", cfg.Width, cfg.Height, err)
	}
}
