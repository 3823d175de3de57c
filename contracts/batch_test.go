package contracts

import "testing"

// TestRowReaderReusesBatches: the reading goroutine makes at most
// readBatches batches; with all of them held by the loader it waits for one
// to come back (emptied before it is filled again), or for stop.
func TestRowReaderReusesBatches(t *testing.T) {
	rr := &rowReader{full: make(chan *readBatch, 4), free: make(chan *readBatch, readBatches), stop: make(chan struct{}), made: 1}
	done := make(chan struct{})
	go func() { // the reader: one item in each batch it sends
		defer close(done)
		for b := new(readBatch); b != nil; b = rr.send(b) {
			if len(b.items) != 0 || len(b.fields) != 0 {
				t.Errorf("a batch to fill holds %d items and %d fields, want it emptied", len(b.items), len(b.fields))
			}
			b.items, b.fields = append(b.items, readItem{line: 2}), append(b.fields, "x")
		}
	}()
	seen := map[*readBatch]bool{}
	for range readBatches { // the loader holds every batch it is sent
		seen[<-rr.full] = true
	}
	if len(seen) != readBatches {
		t.Fatalf("%d different batches among the first %d, want %d", len(seen), readBatches, readBatches)
	}
	// one given back is sent again, and no new one is made
	var back *readBatch
	for b := range seen {
		back = b
		break
	}
	rr.free <- back
	if again := <-rr.full; again != back {
		t.Errorf("after one batch came back the reader sent %p, want that batch %p", again, back)
	}
	close(rr.stop)
	<-done // the reader, waiting for a batch, gives up on stop
	if rr.made != readBatches {
		t.Errorf("the reader made %d batches, want %d", rr.made, readBatches)
	}
}
