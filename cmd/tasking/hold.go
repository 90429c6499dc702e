package main

import (
	"context"
	"io"
	"log/slog"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store"
)

// holdForOthers lets the user's other tasking processes join the app
// while it holds the file: the server's sessions on the local socket only
// (server.NewLocal), nothing logged over the app's screen. Should the
// socket not be made (a folder that takes none), the app still runs, and
// others are told the file is in use, as before. stop tells any joined
// app the holder has closed, waits for joined commands to finish, and
// takes the socket away.
func holdForOthers(s store.Record, path string) (stop func()) {
	quiet := log.New(io.Discard)
	// The SSH library logs through slog's default, which would write over
	// the app's screen.
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv, err := server.NewLocal(s, server.Config{DraftsDir: path + ".drafts"}, quiet, runRemote, describeForLog)
	if err != nil {
		return func() {}
	}
	srv.SetIdentify(identifyJoined)
	srv.SetHolder("the app holding the file")
	l, err := server.ListenLocal(server.SocketPath(path))
	if err != nil {
		return func() { _ = srv.Shutdown(context.Background()) }
	}
	go func() { _ = srv.ServeLocal(l) }()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
}
