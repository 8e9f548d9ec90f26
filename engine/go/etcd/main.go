// Command etcd is etcd's server for the engine's cluster tier, built from the published
// go.etcd.io/etcd/server/v3 module (components/engine/pins.ts names the version and why).
//
// etcd's own main lives in the repository's root module, whose local replaces a dependent module
// cannot use; this is the same one-line call. go.mod requires etcd's sibling modules at the same
// release, which is what those replaces point at.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
