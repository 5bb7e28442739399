package dev.migrations.test;

import java.util.List;

/** The scripts have one head, or exactly the heads the team declared. */
final class HeadsCheck {

	private HeadsCheck() {
	}

	static Check of(ScriptsUnderTest scripts, List<String> expected) {
		String name = expected.isEmpty() ? "single head" : "heads " + String.join(", ", expected);
		return new Check("heads", List.of(new Check.Step(name, () -> verify(scripts, expected))), () -> {
		});
	}

	static void verify(ScriptsUnderTest scripts, List<String> expected) {
		List<String> heads = scripts.heads();
		List<String> described = heads.stream().map(scripts::describe).toList();
		if (expected.isEmpty()) {
			if (heads.size() != 1) {
				throw new AssertionError("Expected a single head, found " + heads.size() + ": "
						+ String.join(", ", described) + ". Join them with a merge revision: "
						+ "migrations merge heads -m \"merge heads\" (or declare the heads you expect: expectHeads)");
			}
			return;
		}
		List<String> resolved = expected.stream().map(scripts::resolve).sorted().toList();
		if (!resolved.equals(heads.stream().sorted().toList())) {
			throw new AssertionError("Expected heads " + String.join(", ", resolved) + ", found "
					+ String.join(", ", described) + ". Merge heads that should be one (migrations merge "
					+ "<rev> <rev> -m \"merge\") or update expectHeads");
		}
	}

}
