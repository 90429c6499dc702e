//go:build race

package store

// raceDetector: the race detector slows everything several times over, so
// timed tests do not run under it.
const raceDetector = true
