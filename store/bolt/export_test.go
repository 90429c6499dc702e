package bolt

import "github.com/ccsp/tasking/store"

// EngineOf is the file's engine: the engine contract's tests
// (conformance_test.go) hold it to storetest.RunEngine.
func EngineOf(f *File) store.Engine { return f.bolt }
