package contracts

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks Linux to back the duplicate table with huge pages
// (madvise MADV_HUGEPAGE, honoured when transparent huge pages are set to
// "madvise" or "always"). Each row probes one random slot of a table of
// tens of megabytes, thousands of 4 KiB pages, far more than the
// processor's page-address cache maps: most probes would also walk the
// page tables, which is dearer in a virtual machine (0.90x the CPU time
// of a 1M-row export on a 2-core KVM machine; see README, Speed). Only
// pages not yet touched take the advice: a slice this large usually comes
// as fresh memory from the system, which make need not clear, while
// memory the heap reuses keeps the small pages it has (until the kernel's
// khugepaged merges them). Advice that is refused (no transparent huge
// pages) changes nothing.
func adviseHuge(s []dealSlot) {
	if len(s) == 0 {
		return
	}
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	mem := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), size)
	start := uintptr(unsafe.Pointer(&s[0]))
	from, to := hugeSpan(start, size)
	if from == to {
		return
	}
	_ = syscall.Madvise(mem[from-start:to-start], syscall.MADV_HUGEPAGE)
}
