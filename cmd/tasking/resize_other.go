//go:build !unix

package main

import "time"

// onResize calls f when the terminal may have changed size: Windows sends
// no signal for it, so it is asked twice a second. f sends the size only
// when asked; the holder ignores a size that has not changed.
func onResize(f func()) (stop func()) {
	t := time.NewTicker(500 * time.Millisecond)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				f()
			case <-done:
				return
			}
		}
	}()
	return func() {
		t.Stop()
		close(done)
	}
}
