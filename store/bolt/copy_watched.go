package bolt

import (
	"io"

	"github.com/ccsp/tasking/store"
)

// reportChunk is how many bytes a copy writes between reports and checks.
const reportChunk = 4 << 20

// copyWatched copies src to dst reporting bytes as step what of total
// bytes, and stops (ErrInterrupted) between chunks once w's context is done.
func copyWatched(w store.Watch, what string, total int64, dst io.Writer, src io.Reader) (int64, error) {
	cw := &countingWriter{w: dst, watch: w, what: what, total: total}
	if err := w.Step(store.Step{What: what, Total: total, Unit: "bytes"}); err != nil {
		return 0, err
	}
	n, err := io.Copy(cw, src)
	if err == nil {
		w.Report(store.Step{What: what, Done: n, Total: max(total, n), Unit: "bytes"})
	}
	return n, err
}

// countingWriter reports every reportChunk bytes written through it, and
// fails the write once its watch is stopped: a bbolt transaction's WriteTo
// then ends, and what it wrote aside is removed.
type countingWriter struct {
	w            io.Writer
	watch        store.Watch
	what         string
	total        int64
	done, toNext int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if err := c.watch.Stopped(); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	c.done += int64(n)
	if c.toNext -= int64(n); c.toNext <= 0 {
		c.toNext = reportChunk
		c.watch.Report(store.Step{What: c.what, Done: c.done, Total: max(c.total, c.done), Unit: "bytes"})
	}
	return n, err
}
