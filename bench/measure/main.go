// Command measure times commands side by side: it runs each of them in
// turn, N rounds, by plain spawn-and-wait (no shell, no timing wrapper), and
// prints for each the median wall time, CPU time (user + system) and peak
// resident memory, and its ratio to the first command, the baseline.
//
//	measure -n 5 'floor=./floor players.csv' 'bosman=./bosman export --data players.csv'
//
// Each argument is NAME=COMMAND, the command split at spaces. Standard output
// goes to /dev/null (or -stdout FILE), standard error to /dev/null unless
// -stderr is given. One untimed round runs first, so every command reads its
// input from the page cache. Rounds alternate the commands, so a machine
// whose speed drifts slows each of them alike. A command that fails stops
// the measurement.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"time"
)

type sample struct {
	wall, cpu time.Duration
	rssKiB    int64
}

type command struct {
	name    string
	argv    []string
	samples []sample
}

func main() {
	n := flag.Int("n", 5, "timed rounds")
	warm := flag.Int("warm", 1, "untimed rounds first")
	stderr := flag.Bool("stderr", false, "pass the commands' standard error through")
	stdout := flag.String("stdout", os.DevNull, "where the commands' standard output goes")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure [-n N] NAME=COMMAND ...")
		os.Exit(2)
	}
	var cmds []*command
	for _, a := range flag.Args() {
		name, line, ok := strings.Cut(a, "=")
		if !ok || name == "" || strings.TrimSpace(line) == "" {
			fmt.Fprintf(os.Stderr, "measure: %q: want NAME=COMMAND\n", a)
			os.Exit(2)
		}
		cmds = append(cmds, &command{name: name, argv: strings.Fields(line)})
	}
	for round := 0; round < *warm+*n; round++ {
		for _, c := range cmds {
			s, err := run(c.argv, *stdout, *stderr)
			if err != nil {
				fmt.Fprintf(os.Stderr, "measure: %s: %v\n", c.name, err)
				os.Exit(1)
			}
			if round >= *warm {
				c.samples = append(c.samples, s)
			}
		}
	}
	report(os.Stdout, cmds, *n)
}

// run starts argv, waits for it, and returns its wall time, CPU time and
// peak RSS as the kernel accounts them.
func run(argv []string, stdout string, passErr bool) (sample, error) {
	out, err := os.OpenFile(stdout, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return sample{}, err
	}
	defer out.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout = out
	if passErr {
		cmd.Stderr = os.Stderr
	}
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, err
	}
	wall := time.Since(t0)
	st := cmd.ProcessState
	s := sample{wall: wall, cpu: st.UserTime() + st.SystemTime()}
	s.rssKiB = peakRSS(st)
	return s, nil
}

func median[T int64 | time.Duration](xs []T) T {
	s := append([]T(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func report(w io.Writer, cmds []*command, n int) {
	fmt.Fprintf(w, "machine: %d CPUs, %s, %s, %s; median of %d alternating runs\n\n",
		runtime.NumCPU(), cpuModel(), runtime.GOOS+"/"+runtime.GOARCH, time.Now().UTC().Format("2006-01-02"), n)
	fmt.Fprintf(w, "| %-22s | %10s | %10s | %10s | %8s | %8s |\n", "run", "wall", "CPU", "peak RSS", "wall/base", "CPU/base")
	fmt.Fprintf(w, "|%s|%s|%s|%s|%s|%s|\n", strings.Repeat("-", 24), strings.Repeat("-", 12), strings.Repeat("-", 12), strings.Repeat("-", 12), strings.Repeat("-", 10), strings.Repeat("-", 10))
	var baseWall, baseCPU time.Duration
	for i, c := range cmds {
		var walls, cpus []time.Duration
		var rss []int64
		for _, s := range c.samples {
			walls, cpus, rss = append(walls, s.wall), append(cpus, s.cpu), append(rss, s.rssKiB)
		}
		wall, cpu := median(walls), median(cpus)
		if i == 0 {
			baseWall, baseCPU = wall, cpu
		}
		fmt.Fprintf(w, "| %-22s | %10s | %10s | %6.1f MiB | %7.2fx | %7.2fx |\n", c.name, dur(wall), dur(cpu),
			float64(median(rss))/1024, ratio(wall, baseWall), ratio(cpu, baseCPU))
	}
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func dur(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.3f s", d.Seconds())
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
