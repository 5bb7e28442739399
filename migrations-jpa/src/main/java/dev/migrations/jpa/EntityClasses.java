package dev.migrations.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The project's mapped classes: those of its compiled classes annotated {@code @Entity}, {@code @Embeddable} or
 * {@code @MappedSuperclass}, in class-name order. A class file that does not name one of those annotations is not
 * loaded, so scanning a large project loads only its entities.
 */
public final class EntityClasses {

	private static final List<Class<? extends Annotation>> MAPPED = List.of(Entity.class, Embeddable.class,
			MappedSuperclass.class);

	private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";

	/** Java identifiers joined by dots: {@code com.acme.shop}. */
	private static final Pattern PACKAGE_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

	private EntityClasses() {
	}

	/**
	 * The mapped classes under a class directory.
	 * @throws MigrationsException when it holds no {@code @Entity}: the line names the directory
	 */
	public static List<Class<?>> scan(Path classesDirectory, ClassLoader loader) {
		List<Class<?>> mapped = new ArrayList<>();
		collectIfPresent(classesDirectory, classesDirectory, loader, mapped);
		requireEntity(mapped, classesDirectory.toString(),
				"Compile the project first (the goal runs on target/classes), or add the entities to this module");
		return mapped;
	}

	/**
	 * The mapped classes under a class directory in packages and their subpackages, in class-name order: the
	 * entities of one migration set when each database has its own; all of them when no package is named.
	 * @throws MigrationsException when a name is not a package name, or a package holds no {@code @Entity}: the line
	 * names those packages and the directory
	 */
	public static List<Class<?>> scan(Path classesDirectory, ClassLoader loader, List<String> packages) {
		if (packages.isEmpty()) {
			return scan(classesDirectory, loader);
		}
		List<Class<?>> mapped = new ArrayList<>();
		List<String> withoutEntity = new ArrayList<>();
		for (String name : packages) {
			List<Class<?>> inPackage = new ArrayList<>();
			collectIfPresent(classesDirectory, classesDirectory.resolve(folder(name)), loader, inPackage);
			if (inPackage.stream().noneMatch((type) -> type.isAnnotationPresent(Entity.class))) {
				withoutEntity.add(name);
			}
			inPackage.stream().filter((type) -> !mapped.contains(type)).forEach(mapped::add);
		}
		if (!withoutEntity.isEmpty()) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"No JPA entities found: no class annotated @jakarta.persistence.Entity in "
							+ ((withoutEntity.size() == 1) ? "package " : "packages ") + String.join(", ", withoutEntity)
							+ " under " + classesDirectory,
					"Name the packages of the set's @Entity classes (each takes its subpackages), or compile the "
							+ "project first");
		}
		mapped.sort(Comparator.comparing(Class::getName));
		return mapped;
	}

	/**
	 * The mapped classes in packages (and their subpackages) found in directories of the class path, such as a
	 * project's {@code target/classes} and {@code target/test-classes}.
	 * @throws MigrationsException when a package holds no {@code @Entity} (a misspelt one would otherwise leave its
	 * entities out unseen): the line names those packages
	 */
	public static List<Class<?>> inPackages(ClassLoader loader, String... packages) {
		List<Class<?>> mapped = new ArrayList<>();
		List<String> withoutEntity = new ArrayList<>();
		for (String name : packages) {
			List<Class<?>> inPackage = new ArrayList<>();
			collectFromClassPath(loader, name, inPackage);
			if (inPackage.stream().noneMatch((type) -> type.isAnnotationPresent(Entity.class))) {
				withoutEntity.add(name);
			}
			inPackage.stream().filter((type) -> !mapped.contains(type)).forEach(mapped::add);
		}
		if (packages.length == 0 || !withoutEntity.isEmpty()) {
			List<String> named = (packages.length == 0) ? List.of() : withoutEntity;
			throw new MigrationsException(ErrorKind.CONFIG,
					"No JPA entities found: no class annotated @jakarta.persistence.Entity in "
							+ ((named.size() == 1) ? "package " : "packages ") + String.join(", ", named),
					"Name the packages of the @Entity classes, compiled into a directory of the class path");
		}
		return mapped;
	}

	/** The mapped classes of the package and its subpackages in each directory of the class path holding it. */
	private static void collectFromClassPath(ClassLoader loader, String packageName, List<Class<?>> into) {
		String folder = folder(packageName);
		try {
			for (URL root : Collections.list(loader.getResources(folder))) {
				if ("file".equals(root.getProtocol())) {
					Path directory = Path.of(root.toURI());
					Path classesDirectory = directory.getRoot()
						.resolve(directory.subpath(0, directory.getNameCount() - Path.of(folder).getNameCount()));
					collect(classesDirectory, directory, loader, into);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A package's folder in a class directory, which holds its subpackages' folders too.
	 * @throws MigrationsException when the name is not a package name
	 */
	private static String folder(String packageName) {
		if (!PACKAGE_NAME.matcher(packageName).matches()) {
			throw new MigrationsException(ErrorKind.CONFIG, "Invalid entity package '" + packageName + "'",
					"Write a Java package name, such as com.acme.shop");
		}
		return packageName.replace('.', '/');
	}

	private static void collectIfPresent(Path classesDirectory, Path under, ClassLoader loader,
			List<Class<?>> mapped) {
		if (Files.isDirectory(under)) {
			try {
				collect(classesDirectory, under, loader, mapped);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static void collect(Path classesDirectory, Path under, ClassLoader loader, List<Class<?>> mapped)
			throws IOException {
		try (Stream<Path> files = Files.walk(under)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).sorted().toList()) {
				if (namesMappingAnnotation(file)) {
					Class<?> type = load(classesDirectory, file, loader);
					if (MAPPED.stream().anyMatch(type::isAnnotationPresent) && !mapped.contains(type)) {
						mapped.add(type);
					}
				}
			}
		}
	}

	private static void requireEntity(List<Class<?>> mapped, String where, String fix) {
		if (mapped.stream().noneMatch((type) -> type.isAnnotationPresent(Entity.class))) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"No JPA entities found: no class annotated @jakarta.persistence.Entity in " + where, fix);
		}
	}

	private static boolean namesMappingAnnotation(Path classFile) throws IOException {
		String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
		return MAPPED.stream().anyMatch((annotation) -> constants.contains("L" + annotation.getName().replace('.', '/') + ";"));
	}

	private static Class<?> load(Path classesDirectory, Path file, ClassLoader loader) {
		String relative = classesDirectory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
		String name = relative.substring(0, relative.length() - ".class".length());
		try {
			return Class.forName(name, false, loader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new MigrationsException(ErrorKind.CONFIG, "Can't load entity class " + name + ": " + ex,
					"Compile the project and check its dependencies", ex);
		}
	}

}
