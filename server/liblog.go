package server

import (
	"context"
	"log/slog"

	"charm.land/log/v2"
)

// LibraryLog is a slog handler for the SSH library's own log lines (it
// logs through slog's default: a panic it recovered, a channel it could not
// accept), written to the server's log and held to the same rule: a panic
// is logged by its type and an error by its kind, never by their text;
// addresses and stacks are kept and every other value is left out. `tasking
// serve` makes it slog's default.
func LibraryLog(l *log.Logger) slog.Handler { return libraryLog{l} }

type libraryLog struct{ l *log.Logger }

func (h libraryLog) Enabled(ctx context.Context, level slog.Level) bool {
	return h.l.Enabled(ctx, level)
}

func (h libraryLog) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(safeAttrs(a)...)
		return true
	})
	return h.l.Handle(ctx, out)
}

func (h libraryLog) WithAttrs(attrs []slog.Attr) slog.Handler {
	var safe []slog.Attr
	for _, a := range attrs {
		safe = append(safe, safeAttrs(a)...)
	}
	return libraryLog{h.l.With(attrArgs(safe)...)}
}

// WithGroup keeps the lines ungrouped: the keys are few and plain.
func (h libraryLog) WithGroup(string) slog.Handler { return h }

// safeAttrs is what may be logged of one of the library's values.
func safeAttrs(a slog.Attr) []slog.Attr {
	switch a.Key {
	case "remote", "addr", "stack":
		return []slog.Attr{a}
	case "panic":
		return []slog.Attr{slog.String("panic", panicType(a.Value.Any()))}
	case "err", "error":
		if err, ok := a.Value.Any().(error); ok {
			return []slog.Attr{slog.String("error", errorKind(err)), slog.String("error_type", causeType(err))}
		}
		return []slog.Attr{slog.String("error", "other"), slog.String("error_type", panicType(a.Value.Any()))}
	}
	return nil
}

func attrArgs(attrs []slog.Attr) []any {
	args := make([]any, 0, 2*len(attrs))
	for _, a := range attrs {
		args = append(args, a.Key, a.Value)
	}
	return args
}
