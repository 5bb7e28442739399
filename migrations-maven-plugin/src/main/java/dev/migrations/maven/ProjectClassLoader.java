package dev.migrations.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's classes and dependencies (its JDBC driver, its entities) over the plugin's own classes, set as the
 * thread's context class loader while a goal runs: the engine finds the driver there, as the application would.
 */
final class ProjectClassLoader implements AutoCloseable {

	private final URLClassLoader loader;

	private final ClassLoader previous;

	private ProjectClassLoader(URLClassLoader loader) {
		this.loader = loader;
		this.previous = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(loader);
	}

	/** Opens a loader over the class path elements (directories and jars) and makes it the context loader. */
	static ProjectClassLoader open(List<String> classpathElements, ClassLoader parent) {
		List<URL> urls = new ArrayList<>();
		for (String element : classpathElements) {
			try {
				urls.add(Path.of(element).toUri().toURL());
			}
			catch (MalformedURLException ex) {
				throw new IllegalArgumentException("Class path element '" + element + "' is not a path", ex);
			}
		}
		return new ProjectClassLoader(new URLClassLoader(urls.toArray(URL[]::new), parent));
	}

	ClassLoader loader() {
		return this.loader;
	}

	@Override
	public void close() {
		Thread.currentThread().setContextClassLoader(this.previous);
		try {
			this.loader.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
