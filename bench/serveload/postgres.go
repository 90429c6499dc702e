package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"time"

	"github.com/jackc/pgx/v5"
)

// makeDatabase makes the run's own database on the -postgres server and
// puts the record in it: a clone of -template, or the decade (src) copied
// in with `tasking copy`. It sets *db to the new database's address and
// returns what drops it again.
func makeDatabase(src string, db *string) (drop func(), err error) {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, *postgres)
	if err != nil {
		return nil, fmt.Errorf("-postgres: %w", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("serveload_%d_%d", os.Getpid(), time.Now().Unix())
	create := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if *template != "" {
		create += " TEMPLATE " + pgx.Identifier{*template}.Sanitize()
	}
	if _, err := admin.Exec(ctx, create); err != nil {
		return nil, fmt.Errorf("making the run's database: %w", err)
	}
	drop = func() {
		c, err := pgx.Connect(ctx, *postgres)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize())
	}
	u, err := url.Parse(*postgres)
	if err != nil {
		drop()
		return nil, fmt.Errorf("-postgres: %w", err)
	}
	u.Path = "/" + name
	*db = u.String()
	if *template != "" {
		fmt.Printf("== the record: database %s, a clone of %s\n", name, *template)
		return drop, nil
	}
	fmt.Printf("== copying the decade (%s) into database %s (tasking copy: minutes)\n", src, name)
	start := time.Now()
	cmd := exec.Command(*tasking, "copy", src, *db)
	if out, err := cmd.CombinedOutput(); err != nil {
		drop()
		return nil, fmt.Errorf("tasking copy: %v: %s", err, out)
	}
	fmt.Printf("   copied in %s\n", time.Since(start).Round(time.Second))
	return drop, nil
}
