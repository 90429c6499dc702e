package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// shutdownGrace is how long a stopping server waits for sessions to finish
// (a command's write, an app's queued saves) before dropping them.
const shutdownGrace = 10 * time.Second

func newServeCmd(a *app) *cobra.Command {
	var cfg server.Config
	var checkOnly bool
	cmd := &cobra.Command{
		Use:   "serve [--listen ADDR] [--host-key PATH]",
		Short: "Share the database with the whole partnership over SSH",
		Long: "serve owns the database and gives every member the same app and the same commands over SSH: " +
			"`ssh -t -p 23234 HOST` opens the app, `ssh -p 23234 HOST actions --mine` runs a command, " +
			"`ssh -t -p 23234 HOST wall` shows the meeting on the room's screen. A member's SSH public key is " +
			"who they are (tasking member key add). The host key is made on first start (--host-key, default " +
			"beside the database) and its fingerprint printed, for people to check when ssh first asks. " +
			"ctrl+c or SIGTERM stops it cleanly, keeping what each open app was typing for its member's next " +
			"connection. --check-config checks the settings, the key files and the folders serve writes, and serves nothing.",
		Example: "  tasking serve\n" +
			"  tasking serve --listen :23234 --host-key /srv/tasking/host_key\n" +
			"  tasking serve --check-config",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			hostKey, drafts, err := serveFiles(path)
			if err != nil {
				return err
			}
			if cfg.HostKeyPath == "" {
				cfg.HostKeyPath = hostKey
			}
			// Half-typed forms the server keeps when it stops: private, so
			// beside the database and as closely held (server/drafts.go).
			cfg.DraftsDir = drafts
			// A flag given as 0 means 0 (refused), not "the default".
			f := cmd.Flags()
			switch {
			case f.Changed("max-sessions") && cfg.MaxSessions < 1:
				return usagef("--max-sessions must be at least 1")
			case f.Changed("max-sessions-per-member") && cfg.SessionsPerMember < 1:
				return usagef("--max-sessions-per-member must be at least 1")
			case f.Changed("failures-per-minute") && cfg.FailuresPerMinute < 1:
				return usagef("--failures-per-minute must be at least 1")
			case f.Changed("idle-timeout") && cfg.IdleTimeout < time.Minute:
				return usagef("--idle-timeout must be at least a minute (it is how long a forgotten session stays open)")
			}
			if err := cfg.Check(); err != nil {
				return &usageError{err}
			}
			if checkOnly {
				return a.checkServeConfig(cmd, cfg)
			}
			return a.serve(cmd, path, cfg)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Listen, "listen", server.DefaultListen, "the address to serve SSH on (:23234 for every network the machine is on)")
	f.StringVar(&cfg.HostKeyPath, "host-key", "", "the server's SSH host key, made on first start (default: the database's path + .host-key)")
	f.StringVar(&cfg.PublicHost, "public-host", "", "the name people type to reach this machine, for the ssh commands the app suggests")
	f.IntVar(&cfg.MaxSessions, "max-sessions", server.DefaultMaxSessions, "the most sessions open at once")
	f.IntVar(&cfg.SessionsPerMember, "max-sessions-per-member", server.DefaultSessionsPerMember, "the most sessions one member may hold, so one key cannot take every seat")
	f.DurationVar(&cfg.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "close an app nobody has typed in for this long (a meeting followed without a key is shorter; the wall is never closed)")
	f.IntVar(&cfg.FailuresPerMinute, "failures-per-minute", server.DefaultFailuresPerMinute, "refused keys one address may offer a minute before its unknown keys are refused unheard (an office behind one address shares it; members' keys still get in)")
	f.BoolVar(&checkOnly, "check-config", false, "check the settings, the host key and members' keys, then stop")
	return cmd
}

// serve runs the server until ctrl+c or SIGTERM.
func (a *app) serve(cmd *cobra.Command, path string, cfg server.Config) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) && !onPostgres(path) {
		return noPartnership(path)
	}
	now, err := a.clock()
	if err != nil {
		return err
	}
	s, err := openStore(cmd, path, bolt.Options{Mode: "serve", LockTimeout: lockTimeout, Now: now})
	if err != nil {
		return err
	}
	defer s.Close()
	tell(cmd, s)
	if empty, err := s.IsEmpty(); err != nil || empty {
		if err == nil {
			err = noPartnership(s.Path())
		}
		return err
	}
	logger := log.NewWithOptions(cmd.ErrOrStderr(), log.Options{ReportTimestamp: true, TimeFormat: time.DateTime})
	// The SSH library logs through slog's default: into the same log,
	// under the same rule (no typed words).
	slog.SetDefault(slog.New(server.LibraryLog(logger)))
	srv, err := server.New(s, cfg, logger, runRemote, describeForLog)
	if err != nil {
		return &usageError{err}
	}
	l, err := srv.Listen()
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", cfg.Listen, err)
	}
	// A file is held by this server alone: its owner file names it, and
	// this machine's user's own tasking processes join it through a
	// socket beside the file, with no ssh and no key (server/local.go). A
	// database is shared: every process opens it itself, and the other
	// servers' changes reach this one's sessions by LISTEN/NOTIFY.
	pgsql := onPostgres(path)
	srv.SetIdentify(identifyJoined)
	sock := server.SocketPath(path)
	var local net.Listener
	lerr := errors.New("the record is in PostgreSQL: every process opens it itself")
	if !pgsql {
		if err := announceServing(s, l.Addr().String()); err != nil {
			logger.Warn("could not record the address in the owner file: local commands will wait for the lock instead", server.ErrorFields(err)...)
		}
		if local, lerr = server.ListenLocal(sock); lerr != nil {
			logger.Warn("local tasking processes cannot join: they are sent to ssh", server.ErrorFields(lerr)...)
		}
	}
	out := cmd.OutOrStdout()
	made := ""
	if srv.HostKeyCreated() {
		made = " (made now)"
	}
	fmt.Fprintf(out, "tasking serve: %s on %s\n", s.Path(), l.Addr())
	fmt.Fprintf(out, "host key %s%s: %s\n", cfg.HostKeyPath, made, srv.Fingerprint())
	if n, err := membersWithKeys(s); err == nil {
		fmt.Fprintf(out, "%d members have keys (the chair adds one on the people screen, P then K, or: %s \"member key add 'NAME' -\" < KEYFILE)\n", n, srv.SSHCommand())
	}
	fmt.Fprintf(out, "the app: ssh -t %s · a command: %s actions --mine · the room's screen: ssh -t %s wall\n",
		trimSSH(srv.SSHCommand()), srv.SSHCommand(), trimSSH(srv.SSHCommand()))
	if lerr == nil {
		fmt.Fprintf(out, "on this machine, your own tasking (the app and every command on this file) joins through %s, with no ssh\n", sock)
		go func() { _ = srv.ServeLocal(local) }()
	}
	fmt.Fprintln(out, "ctrl+c stops the server")

	// Closing the terminal serve runs in (SIGHUP) stops it as cleanly as
	// ctrl+c or SIGTERM.
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	done := make(chan error, 1)
	go func() {
		<-ctx.Done()
		logger.Info("stopping: telling sessions and finishing writes")
		sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		done <- srv.Shutdown(sctx)
	}()
	if err := srv.Serve(l); err != nil {
		return err
	}
	if err := <-done; err != nil {
		logger.Warn("sessions still open after the grace period were dropped", "grace", shutdownGrace)
	}
	logger.Info("stopped; database closed")
	return nil
}

// trimSSH drops the leading "ssh " so callers can put "ssh -t " in front.
func trimSSH(s string) string { return s[len("ssh "):] }

// membersWithKeys counts active members who can connect.
func membersWithKeys(s store.Record) (int, error) {
	members, err := s.Members()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range model.ActiveMembers(members) {
		if len(m.SSHKeys) > 0 {
			n++
		}
	}
	return n, nil
}

// checkServeConfig checks what serve would use, without serving: the
// address is free, the host key is usable (or can be made), the database
// holds a partnership, and every member's stored key parses.
func (a *app) checkServeConfig(cmd *cobra.Command, cfg server.Config) error {
	out := cmd.OutOrStdout()
	l, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("--listen %s: cannot listen there (%v)", cfg.Listen, err)
	}
	l.Close()
	fmt.Fprintf(out, "listen %s: free\n", cfg.Listen)
	fp, exists, err := server.CheckHostKey(cfg.HostKeyPath)
	if err != nil {
		return err
	}
	if exists {
		fmt.Fprintf(out, "host key %s: %s\n", cfg.HostKeyPath, fp)
	} else {
		fmt.Fprintf(out, "host key %s: none yet, made on first start\n", cfg.HostKeyPath)
	}
	if err := server.CheckDraftsDir(cfg.DraftsDir); err != nil {
		return err
	}
	fmt.Fprintf(out, "drafts %s: can be written\n", cfg.DraftsDir)
	s, err := a.openData(cmd)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, withKeys, err := server.CheckMemberKeys(s)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(out, "problem: "+p)
	}
	fmt.Fprintf(out, "database %s: %d members have keys\n", s.Path(), withKeys)
	if len(problems) > 0 {
		return fmt.Errorf("%d problems with members' keys", len(problems))
	}
	fmt.Fprintln(out, "settings are good")
	return nil
}
