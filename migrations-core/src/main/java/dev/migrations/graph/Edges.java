package dev.migrations.graph;

/** Which edges a walk up or down the graph follows. */
enum Edges {

	/** {@code Revises} alone: one branch's line. */
	REVISIONS,

	/** {@code Revises} and {@code Depends On}: everything a revision needs, or everything that needs it. */
	WITH_DEPENDENCIES

}
