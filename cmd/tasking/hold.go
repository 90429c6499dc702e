package main

import (
	"context"
	"io"
	"log/slog"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/tui"
)

// holding is the app holding the file for the user's other tasking
// processes: the local server answering them, and the app's own seat
// among its sessions (nil when the socket could not be made).
type holding struct {
	srv *server.Server
	app *server.HostApp
}

// holdForOthers lets the user's other tasking processes join the app
// while it holds the file: the server's sessions on the local socket only
// (server.NewLocal), nothing logged over the app's screen. The app takes
// its seat among them as actor, so an app that joins sees its person here
// and it sees theirs, as over SSH. Should the socket not be made (a folder
// that takes none), the app still runs, and others are told the file is
// in use, as before.
func holdForOthers(s store.Record, path string, actor model.Actor) holding {
	quiet := log.New(io.Discard)
	// The SSH library logs through slog's default, which would write over
	// the app's screen.
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv, err := server.NewLocal(s, server.Config{DraftsDir: path + ".drafts"}, quiet, runRemote, describeForLog)
	if err != nil {
		return holding{}
	}
	srv.SetIdentify(identifyJoined)
	srv.SetHolder("the app holding the file")
	l, err := server.ListenLocal(server.SocketPath(path))
	if err != nil {
		return holding{srv: srv}
	}
	h := holding{srv: srv, app: srv.Host(model.Member{ID: actor.MemberID, Name: actor.Name})}
	go func() { _ = srv.ServeLocal(l) }()
	return h
}

// configure makes the app the holder's: who has joined is shown, it is told
// who comes and goes, and whoever chooses themselves in it is seated as them.
func (h holding) configure(cfg *tui.Config) {
	if h.app == nil {
		return
	}
	cfg.Hosting, cfg.Connected, cfg.Started, cfg.Became = true, h.app.Present, h.app.Attach, h.app.Become
}

// stop takes the app's seat away, tells any joined app the holder has
// closed, waits for joined commands to finish, and takes the socket away.
func (h holding) stop() {
	if h.app != nil {
		h.app.Leave()
	}
	if h.srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	_ = h.srv.Shutdown(ctx)
}
