// Command pulumi-resource-kubernetes is the Kubernetes provider plugin for the engine tiers, built
// from the published provider module (components/engine/pins.ts names the version and why).
//
// Upstream's own main cannot be built from the module: it embeds files that its build generates and
// does not publish. This main makes the same call; the build writes schema-embed.json and
// terraform-mapping-embed.json beside it from the module cache (they are not committed).
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema-embed.json
var pulumiSchema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve("kubernetes", version.Version, pulumiSchema, terraformMapping)
}
