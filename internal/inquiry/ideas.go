package inquiry

import (
	"context"

	"rathaus/internal/participation"
)

// IdeaRouter plugs the router into participation (participation.Router):
// an idea gets the suggested unit when the router is sure of it.
type IdeaRouter struct{ Router *Router }

var _ participation.Router = IdeaRouter{}

// Suggest returns the unit the router is sure of for the idea, else nil.
func (r IdeaRouter) Suggest(ctx context.Context, i *participation.Idea) (*int64, error) {
	sg, err := r.Router.Suggest(ctx, i.Title+"\n"+i.Body)
	if err != nil || !r.Router.Sure(sg) {
		return nil, err
	}
	return sg.OrgID, nil
}
