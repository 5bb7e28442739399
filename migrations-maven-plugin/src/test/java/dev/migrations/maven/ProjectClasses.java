package dev.migrations.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project's compiled classes as the goals find them, made of classes of these tests. */
final class ProjectClasses {

	private ProjectClasses() {
	}

	/** The project's {@code target/classes}, holding the class files of the given classes only. */
	static Path compiled(Path project, Class<?>... types) throws IOException {
		Path classes = Files.createDirectories(project.resolve("target/classes"));
		for (Class<?> type : types) {
			String file = type.getName().replace('.', '/') + ".class";
			Path target = classes.resolve(file);
			Files.createDirectories(target.getParent());
			try (InputStream in = type.getClassLoader().getResourceAsStream(file)) {
				Files.copy(in, target);
			}
		}
		return classes;
	}

}
