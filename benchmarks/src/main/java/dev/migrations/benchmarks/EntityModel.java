package dev.migrations.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A generated JPA model of {@code count} entities for the autogenerate case, written as Java source and compiled
 * with the JDK's compiler ({@code javax.tools}) at benchmark time into a directory of its own. Compiling here keeps
 * the model out of the build (no 500 checked-in or build-generated classes) and lets {@code bench.autogenerate.entities}
 * change its size. Entity {@code i} maps table {@code entity_<i>}: an identity key, a required name with an index,
 * a note, an amount with precision and scale, a flag, a time stamp with time zone, and a many-to-one to entity
 * {@code i - 1}, so the schema has as many foreign keys and indexes as tables.
 */
final class EntityModel {

	static final String PACKAGE = "bench.model";

	private EntityModel() {
	}

	/** The table of entity {@code number}. */
	static String table(int number) {
		return String.format(Locale.ROOT, "entity_%04d", number);
	}

	/** The index on the name column of entity {@code number}'s table. */
	static String nameIndex(int number) {
		return "idx_" + table(number) + "_name";
	}

	/**
	 * Writes and compiles the model below {@code directory}.
	 * @return the directory of the compiled classes
	 */
	static Path compile(int count, Path directory) throws IOException {
		Path sources = directory.resolve("sources");
		Path classes = directory.resolve("classes");
		Path packageDirectory = sources.resolve(PACKAGE.replace('.', '/'));
		Files.createDirectories(packageDirectory);
		Files.createDirectories(classes);
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path")));
		for (int i = 1; i <= count; i++) {
			Path file = packageDirectory.resolve(className(i) + ".java");
			Files.writeString(file, source(i), StandardCharsets.UTF_8);
			arguments.add(file.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("The autogenerate case compiles its entities: run it on a JDK, not a JRE ("
					+ System.getProperty("java.home") + ")");
		}
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int exit = compiler.run(null, null, errors, arguments.toArray(String[]::new));
		if (exit != 0) {
			throw new IllegalStateException("The generated entities in " + sources + " do not compile: "
					+ errors.toString(StandardCharsets.UTF_8));
		}
		return classes;
	}

	private static String className(int number) {
		return String.format(Locale.ROOT, "Entity%04d", number);
	}

	private static String source(int number) {
		String previous = (number == 1) ? "" : String.format(Locale.ROOT, """

					@ManyToOne
					@JoinColumn(name = "previous_id")
					private %s previous;
				""", className(number - 1));
		return String.format(Locale.ROOT, """
				package %s;

				import java.math.BigDecimal;
				import java.time.OffsetDateTime;

				import jakarta.persistence.*;

				@Entity
				@Table(name = "%s", indexes = @Index(name = "%s", columnList = "name"))
				public class %s {

					@Id
					@GeneratedValue(strategy = GenerationType.IDENTITY)
					private Long id;

					@Column(nullable = false, length = 100)
					private String name;

					@Column(length = 500)
					private String note;

					@Column(precision = 12, scale = 2)
					private BigDecimal amount;

					private boolean active;

					private OffsetDateTime createdAt;
				%s
				}
				""", PACKAGE, table(number), nameIndex(number), className(number), previous);
	}

}
