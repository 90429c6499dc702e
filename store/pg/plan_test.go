package pg

import (
	"context"
	"net/url"
	"testing"

	"github.com/ccsp/tasking/store/pg/pgtest"
)

// Every connection plans the engine's statements once, for any values,
// unless the address says how to plan: set after connecting, so PgBouncer
// (which refuses startup parameters it does not know) still lets it in.
func TestConnectionsPlanOnceUnlessTheAddressSaysOtherwise(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	custom, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := custom.Query()
	q.Set("plan_cache_mode", "force_custom_plan")
	custom.RawQuery = q.Encode()
	for _, c := range []struct{ dsn, want string }{{dsn, "force_generic_plan"}, {custom.String(), "force_custom_plan"}} {
		e, err := OpenEngine(ctx, c.dsn)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if err := e.pool.QueryRow(ctx, "SHOW plan_cache_mode").Scan(&got); err != nil {
			t.Fatal(err)
		}
		e.Close()
		if got != c.want {
			t.Errorf("plan_cache_mode = %q; want %q", got, c.want)
		}
		if _, startup := e.pool.Config().ConnConfig.RuntimeParams["plan_cache_mode"]; startup && c.want == "force_generic_plan" {
			t.Error("plan_cache_mode was sent as a startup parameter")
		}
	}
}
