package contracts

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/bosmanhq/bosman/rules"
)

// The duplicate table of a large file is advised to huge pages: the
// mapping holding its whole 2 MiB pages carries the "hg" flag
// (MADV_HUGEPAGE) in /proc/self/smaps. Whether the kernel then finds huge
// pages for it is the kernel's affair; the flag is what bosman asked.
func TestDealTableAdvisedHuge(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	var tb dealTable
	// 400,000 rows: 600,000 slots of 24 bytes, 13.7 MiB: five whole huge pages at least
	if _, found := tb.lookup(1, 400_000); found {
		t.Fatal("an empty table found a deal")
	}
	start := uintptr(unsafe.Pointer(&tb.slots[0]))
	from, to := hugeSpan(start, uintptr(len(tb.slots))*unsafe.Sizeof(tb.slots[0]))
	if to-from < 5*hugePage {
		t.Fatalf("the table covers %d bytes of whole huge pages, want at least 5 pages", to-from)
	}
	if flags := vmFlags(t, from); !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("sized at once: the mapping at %#x has VmFlags %q, without hg (MADV_HUGEPAGE)", from, flags)
	}

	// size unknown: 16 slots, doubled as deals come; 200,000 deals take
	// 524,288 slots (12 MiB), the last of the doublings
	var grown dealTable
	for k := uint64(1); k <= 200_000; k++ {
		s, found := grown.lookup(k*0x9e3779b97f4a7c15, 0)
		if found || s == nil {
			t.Fatalf("deal %d: found %v, slot %v", k, found, s)
		}
		grown.add(s, k*0x9e3779b97f4a7c15, k, int(k), rules.Date{})
	}
	if len(grown.slots) != 1<<19 {
		t.Fatalf("grown to %d slots, want 524288", len(grown.slots))
	}
	start = uintptr(unsafe.Pointer(&grown.slots[0]))
	from, _ = hugeSpan(start, uintptr(len(grown.slots))*unsafe.Sizeof(grown.slots[0]))
	if flags := vmFlags(t, from); !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("grown: the mapping at %#x has VmFlags %q, without hg (MADV_HUGEPAGE)", from, flags)
	}
}

// vmFlags returns the VmFlags of the mapping of this process holding addr.
func vmFlags(t *testing.T, addr uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		first, _, _ := strings.Cut(line, " ")
		if lo, hi, ok := strings.Cut(first, "-"); ok && !strings.HasSuffix(lo, ":") {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uint64(addr) >= a && uint64(addr) < b
			continue
		}
		if in {
			if v, ok := strings.CutPrefix(line, "VmFlags:"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading /proc/self/smaps: %v", err)
	}
	t.Fatalf("no mapping of /proc/self/smaps holds %#x", addr)
	return ""
}
